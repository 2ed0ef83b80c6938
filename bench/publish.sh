#!/usr/bin/env bash
# Preview and publish benchmark: how long the draft page's "preview" (the check of a new chapter
# version) and "publish" take, for the repository's content and for the search benchmark's
# generated corpus (231 chapter versions with the default 20 copies). In-process, on temporary
# copies; see docs/performance.md.
# Usage: bench/publish.sh [copies] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run --configuration Release --project bench/PublishBench -- "$PWD/content" "${1:-20}" "${2:-7}"
