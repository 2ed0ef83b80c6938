#!/usr/bin/env bash
# Runs every test (unit, integration, browser) from a fresh clone on Debian with the .NET SDK.
# Installs Debian's Chromium for the browser tests when it is missing, then prints the totals
# over all test projects as one line: "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."

chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium_path" ]; then
    echo "Installing Chromium from Debian's packages for the browser tests..."
    sudo_cmd=""
    if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi
export CHROMIUM_PATH="$chromium_path"
# Test hosts never need appsettings reloaded; without file watchers they leave the machine's
# inotify instances (128 per user by default) to whatever else runs beside the suite.
export DOTNET_hostBuilder__reloadConfigOnChange=false

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

status=0
# One test project at a time (-m:1): on a 2-core machine the integration suite running beside the
# browser suite starved Chromium until a page load passed Playwright's 30 s limit.
dotnet test Tietosuoja.sln -m:1 --configuration Release --logger "trx" --results-directory "$results" "$@" || status=$?

passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
    [ -e "$trx" ] || continue
    files=$((files + 1))
    counters="$(grep -o '<Counters [^>]*>' "$trx")"
    count() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
    passed=$((passed + $(count passed)))
    failed=$((failed + $(count failed) + $(count error) + $(count timeout) + $(count aborted)))
    skipped=$((skipped + $(count notExecuted)))
done

if [ "$files" -eq 0 ] || [ "$passed" -eq 0 ]; then
    echo "No test results were produced (did the build fail?)" >&2
    [ "$status" -ne 0 ] || status=1
fi
if [ "$failed" -gt 0 ] && [ "$status" -eq 0 ]; then status=1; fi

echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
