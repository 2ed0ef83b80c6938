#!/usr/bin/env bash
# Runs every test (unit, integration, browser) from a fresh clone on Debian with the .NET SDK.
# Installs the Debian packages the tests use (Chromium, Voikko, hunspell-sv, Redis) when missing, then prints the totals
# over all test projects as one line: "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."

chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
# Debian packages the tests use: Chromium for the browser tests, Voikko and the Swedish Hunspell
# dictionary for the search analyzers, Redis for the limiter shared across replicas.
packages=(chromium libvoikko1 voikko-fi hunspell-sv redis-server)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
    echo "Installing from Debian's packages for the tests: ${missing[*]}"
    sudo_cmd=""
    if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
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

failures_in() {
    local counters
    counters="$(grep -o '<Counters [^>]*>' "$1")"
    local total=0
    for kind in failed error timeout aborted; do
        total=$((total + $(echo "$counters" | grep -o " $kind=\"[0-9]*\"" | grep -o '[0-9]*')))
    done
    echo "$total"
}

# The browser suite alone, once more, when it is the only one that failed: a page load that passes
# Playwright's 30 s limit on a loaded 2-core machine (about one run in ten, cause not yet found)
# must not sink the whole run. A test that fails twice still fails, and the rerun is announced.
if [ "$status" -ne 0 ] && [ "${TIETOSUOJA_NO_RERUN:-}" != "1" ]; then
    browser_trx=""; other_failures=0
    for trx in "$results"/*.trx; do
        [ -e "$trx" ] || continue
        if grep -qi 'tietosuoja.browsertests.dll' "$trx"; then
            browser_trx="$trx"
        elif [ "$(failures_in "$trx")" -gt 0 ]; then
            other_failures=1
        fi
    done
    if [ -n "$browser_trx" ] && [ "$other_failures" -eq 0 ] && [ "$(failures_in "$browser_trx")" -gt 0 ]; then
        echo "RERUN: $(failures_in "$browser_trx") browser test(s) failed; running the browser suite once more"
        mv "$browser_trx" "$browser_trx.first-attempt"
        status=0
        dotnet test tests/Tietosuoja.BrowserTests --no-build --configuration Release --logger "trx" --results-directory "$results" "$@" || status=$?
    fi
fi

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
