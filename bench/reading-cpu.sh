#!/usr/bin/env bash
# CPU time per reading request of two builds of the portal, side by side in one run: the working
# tree and a base commit (default origin/main), each published as its image is (bench/common.sh
# publish_portal: self-contained composite ReadyToRun, ADR 0022; ReadyToRun before it), both in
# Production (bench/common.sh) on one database, request logging off (Warning) and behind a stand-in
# for the reverse proxy (forwarded headers trusted, X-Forwarded-Proto: https) as in bench/reading.sh.
# wrk drives each URL on one, then on the other, `rounds` times; the server's CPU time (user +
# system from /proc/PID/stat) is divided by the requests it answered. Unlike requests per second,
# which the other processes on the machine move by tens of percent, CPU per request changes little
# with load, and alternating the two builds lets both see the same machine.
# Usage: bench/reading-cpu.sh [base-ref=origin/main] [seconds-per-measurement=4] [rounds=3] [connections=32]
#   BASE_APP=dir NEW_APP=dir reuse publish folders made earlier instead of publishing.
# Results: docs/performance.md
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh

base_ref="${1:-origin/main}"
duration="${2:-4}"
rounds="${3:-3}"
connections="${4:-32}"
out="$(mktemp -d)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    [ ! -d "$out/base-src" ] || git worktree remove --force "$out/base-src" >/dev/null 2>&1 || true
    rm -rf "$out"
}
trap cleanup EXIT

print_load
need_wrk
new_app="${NEW_APP:-$out/new}"
base_app="${BASE_APP:-$out/base}"
[ -n "${NEW_APP:-}" ] || publish_portal . "$new_app"
if [ -z "${BASE_APP:-}" ]; then
    git worktree add --detach "$out/base-src" "$base_ref" >/dev/null 2>&1
    publish_portal "$out/base-src" "$base_app"
fi

production_env "$out"
seed_round "$new_app"
start() {
    local port
    port=$(free_port)
    Serilog__MinimumLevel__Default=Warning ASPNETCORE_FORWARDEDHEADERS_ENABLED=true ASPNETCORE_URLS="http://127.0.0.1:$port" run_portal "$1" >"$out/$2.log" 2>&1 &
    echo "$! $port"
}
read -r base_pid base_port <<<"$(start "$base_app" base)"
pids+=("$base_pid")
read -r new_pid new_port <<<"$(start "$new_app" new)"
pids+=("$new_pid")
wait_ok "http://127.0.0.1:$base_port/health/ready"
wait_ok "http://127.0.0.1:$new_port/health/ready"

css=$(curl -s "http://127.0.0.1:$new_port/" | grep -o 'href="/[^"]*site[^"]*\.css"' | head -1 | sed 's/^href="//; s/"$//')
paths=(/ /luku/rekisterinpitaja /koko-ohje "$css")
# Adds the CPU ticks and requests of one measurement to the totals of NAME.
drive() {
    local name="$1" pid="$2" port="$3" path="$4" encoding="$5" before after
    before=$(cpu_ticks "$pid")
    wrk --threads 2 --connections "$connections" --duration "${duration}s" -H "X-Forwarded-Proto: https" -H "Accept-Encoding: $encoding" "http://127.0.0.1:$port$path" >"$out/wrk.txt"
    after=$(cpu_ticks "$pid")
    echo "$((after - before)) $(awk '/requests in/ { print $1 }' "$out/wrk.txt")" >>"$out/$name"
}

for path in "${paths[@]}"; do
    for encoding in identity br; do
        for port in "$base_port" "$new_port"; do
            wrk --threads 1 --connections 4 --duration 1s -H "X-Forwarded-Proto: https" -H "Accept-Encoding: $encoding" "http://127.0.0.1:$port$path" >/dev/null
        done
    done
done

hz=$(getconf CLK_TCK)
per_request() { awk -v hz="$hz" '{ t += $1; r += $2 } END { printf "%.0f", t / hz * 1e6 / r }' "$1"; }
echo
echo "CPU µs per request of the server process, $connections connections, ${duration} s each, base ($base_ref) and this tree alternately, $rounds rounds:"
printf "%-46s %-8s %10s %10s %8s\n" "URL" "encoding" "base µs" "new µs" "new/base"
for path in "${paths[@]}"; do
    for encoding in identity br; do
        key=$(echo "$path $encoding" | md5sum | cut -c1-8)
        for _ in $(seq 1 "$rounds"); do
            drive "base.$key" "$base_pid" "$base_port" "$path" "$encoding"
            drive "new.$key" "$new_pid" "$new_port" "$path" "$encoding"
        done
        b=$(per_request "$out/base.$key") n=$(per_request "$out/new.$key")
        printf "%-46s %-8s %10s %10s %8.2f\n" "$path" "$encoding" "$b" "$n" "$(awk -v a="$n" -v b="$b" 'BEGIN { print a / b }')"
    done
done
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
