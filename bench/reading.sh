#!/usr/bin/env bash
# Reading-page benchmark: throughput, latency percentiles and memory of the portal serving the
# repository's content. Publishes a Release build, starts it on 127.0.0.1, drives it with wrk
# (installed from Debian's packages when missing) for a bounded time per URL, then stops it.
# Usage: bench/reading.sh [seconds-per-url] [connections]     Results: docs/performance.md
set -euo pipefail
cd "$(dirname "$0")/.."

duration="${1:-10}"
connections="${2:-32}"
port=5099
out="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$out"' EXIT

if ! command -v wrk >/dev/null; then
    sudo_cmd=""; if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
    $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq wrk >/dev/null
fi

dotnet publish src/Tietosuoja.Web --configuration Release --output "$out/app" --nologo -v quiet >/dev/null
ASPNETCORE_ENVIRONMENT=Production Content__Path="$PWD/content" Serilog__MinimumLevel__Default=Warning \
    ASPNETCORE_URLS="http://127.0.0.1:$port" dotnet "$out/app/Tietosuoja.Web.dll" >"$out/server.log" 2>&1 &
server=$!
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.2; done

# The last two are not output-cached: a comparison on its first request, and search every time.
paths=(/ /luku/rekisterinpitaja /luku/kasittelyn-oikeusperusteet/versio/1.0 /sv/kapitel/den-registrerades-rattigheter /luku/rekisteroidyn-oikeudet/historia /sanasto
    /luku/kasittelyn-oikeusperusteet/vertailu/1.1/1.2 "/haku?q=voiko+kunta+k%C3%A4ytt%C3%A4%C3%A4+suostumusta+k%C3%A4sittelyperusteena")
# Warm-up: JIT compilation and the first render of each page are not what readers wait for.
for path in "${paths[@]}"; do wrk --threads 1 --connections 4 --duration 2s "http://127.0.0.1:$port$path" >/dev/null; done

printf "%-52s %10s %9s %9s %9s\n" "URL" "req/s" "p50 ms" "p99 ms" "max ms"
for path in "${paths[@]}"; do
    wrk --threads 2 --connections "$connections" --duration "${duration}s" --latency "http://127.0.0.1:$port$path" >"$out/wrk.txt"
    rps=$(awk '/Requests\/sec/ {print $2}' "$out/wrk.txt")
    ms() { awk -v p="$1" '$1 == p { v = $2; if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 } printf "%.2f", v }' "$out/wrk.txt"; }
    max=$(awk '/Latency/ && !/Distribution/ { v = $4; if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 } printf "%.2f", v; exit }' "$out/wrk.txt")
    errors=$(awk '/Non-2xx|Socket errors/ {print}' "$out/wrk.txt")
    printf "%-52s %10s %9s %9s %9s\n" "$path" "$rps" "$(ms 50%)" "$(ms 99%)" "$max"
    [ -z "$errors" ] || echo "  $errors"
done
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$server/status")
echo "Server resident memory after the run: $((rss_kb / 1024)) MiB"
