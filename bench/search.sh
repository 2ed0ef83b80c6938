#!/usr/bin/env bash
# Search benchmark: queries per second and latency percentiles of the portal's search over a
# generated corpus (the repository's content plus N copies of every chapter: 231 chapter versions
# with the default 20). In-process, bounded in time; see docs/performance.md.
# Usage: bench/search.sh [copies] [seconds-per-measurement]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run --configuration Release --project bench/SearchBench -- "$PWD/content" "${1:-20}" "${2:-10}"
