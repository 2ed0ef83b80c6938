#!/usr/bin/env bash
# Search over HTTP: latency percentiles of the search page at 1 and at N connections. Publishes a
# Release build, starts it on 127.0.0.1 with the repository's content, drives it with wrk
# (installed from Debian's packages when missing) for a bounded time per query, then stops it.
# Usage: bench/search-http.sh [seconds-per-run=10] [connections=32]     Results: docs/performance.md
set -euo pipefail
cd "$(dirname "$0")/.."

duration="${1:-10}"
connections="${2:-32}"
port=5098
out="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$out"' EXIT

if ! command -v wrk >/dev/null; then
    sudo_cmd=""; if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
    $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq wrk >/dev/null
fi

dotnet publish src/Tietosuoja.Web --configuration Release --output "$out/app" --nologo -v quiet >/dev/null
# Testing: Production would need the Entra app registration, a public https address and a key-ring
# certificate, none of which a search benchmark on 127.0.0.1 uses.
ASPNETCORE_ENVIRONMENT=Testing EditorAuth__LocalSignIn=true Content__Path="$PWD/content" Serilog__MinimumLevel__Default=Warning \
    ASPNETCORE_URLS="http://127.0.0.1:$port" dotnet "$out/app/Tietosuoja.Web.dll" >"$out/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.2; done

# Multi-word searches in both languages (search pages are never output-cached).
paths=("/haku?q=voiko+kunta+k%C3%A4ytt%C3%A4%C3%A4+suostumusta+k%C3%A4sittelyperusteena" "/haku?q=rekister%C3%B6idyn+oikeus+saada+p%C3%A4%C3%A4sy+tietoihin"
    "/sv/sok?q=kan+kommunen+anv%C3%A4nda+samtycke")
for path in "${paths[@]}"; do wrk --threads 1 --connections 4 --duration 2s "http://127.0.0.1:$port$path" >/dev/null; done

ms() { awk -v p="$1" '$1 == p { v = $2; if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 } printf "%.2f", v }' "$out/wrk.txt"; }
printf "%-70s %5s %9s %9s %9s\n" "URL" "conns" "req/s" "p50 ms" "p99 ms"
for path in "${paths[@]}"; do
    for conns in 1 "$connections"; do
        threads=$((conns < 2 ? 1 : 2))
        wrk --threads "$threads" --connections "$conns" --duration "${duration}s" --latency "http://127.0.0.1:$port$path" >"$out/wrk.txt"
        printf "%-70s %5s %9s %9s %9s\n" "$path" "$conns" "$(awk '/Requests\/sec/ {print $2}' "$out/wrk.txt")" "$(ms 50%)" "$(ms 99%)"
        awk '/Non-2xx|Socket errors/ {print "  " $0}' "$out/wrk.txt"
    done
done
