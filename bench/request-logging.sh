#!/usr/bin/env bash
# What request logging costs: two instances of the portal (Production, bench/common.sh) on one
# database, one logging each request at Information (the default) and one with the log at Warning,
# driven in turn with wrk on output-cached pages (Brotli, as browsers ask). Prints the server's CPU
# time per request (user + system, from /proc) of each, the ratio, and the log bytes per request.
# Usage: bench/request-logging.sh [seconds-per-measurement=5] [rounds=3] [connections=32]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh

duration="${1:-5}"
rounds="${2:-3}"
connections="${3:-32}"
out="$(mktemp -d)"
on="" off=""
trap '[ -z "$on" ] || kill "$on" 2>/dev/null; [ -z "$off" ] || kill "$off" 2>/dev/null; rm -rf "$out"' EXIT

print_load
need_wrk
dotnet publish src/Tietosuoja.Web --configuration Release --output "$out/app" --nologo -v quiet >/dev/null
production_env "$out"
seed_round "$out/app"

on_port=$(free_port)
ASPNETCORE_URLS="http://127.0.0.1:$on_port" run_portal "$out/app" >"$out/on.log" 2>&1 &
on=$!
off_port=$(free_port)
Serilog__MinimumLevel__Default=Warning ASPNETCORE_URLS="http://127.0.0.1:$off_port" \
    run_portal "$out/app" >"$out/off.log" 2>&1 &
off=$!
wait_ok "http://127.0.0.1:$on_port/health/ready"
wait_ok "http://127.0.0.1:$off_port/health/ready"

paths=(/ /luku/rekisterinpitaja /sv/kapitel/den-registrerades-rattigheter)
# CPU ticks used by server PID and requests served while wrk drives PORT.
drive() {
    local pid="$1" port="$2" before after
    before=$(cpu_ticks "$pid")
    for path in "${paths[@]}"; do
        wrk --threads 2 --connections "$connections" --duration "${duration}s" -H "Accept-Encoding: br" "http://127.0.0.1:$port$path" >"$out/wrk.txt"
        awk '/requests in/ { print $1 }' "$out/wrk.txt" >>"$out/requests.$port"
    done
    after=$(cpu_ticks "$pid")
    echo $((after - before)) >>"$out/ticks.$port"
}

for port in "$on_port" "$off_port"; do
    for path in "${paths[@]}"; do wrk --threads 1 --connections 4 --duration 2s -H "Accept-Encoding: br" "http://127.0.0.1:$port$path" >/dev/null; done
done
log_before=$(stat -c %s "$out/on.log")
for _ in $(seq 1 "$rounds"); do
    drive "$on" "$on_port"
    drive "$off" "$off_port"
done
log_after=$(stat -c %s "$out/on.log")

hz=$(getconf CLK_TCK)
sum() { awk '{ s += $1 } END { print s }' "$1"; }
on_req=$(sum "$out/requests.$on_port"); off_req=$(sum "$out/requests.$off_port")
on_us=$(awk -v t="$(sum "$out/ticks.$on_port")" -v r="$on_req" -v hz="$hz" 'BEGIN { printf "%.1f", t / hz * 1e6 / r }')
off_us=$(awk -v t="$(sum "$out/ticks.$off_port")" -v r="$off_req" -v hz="$hz" 'BEGIN { printf "%.1f", t / hz * 1e6 / r }')
echo
printf "%-34s %12s %16s\n" "" "requests" "CPU µs/request"
printf "%-34s %12s %16s\n" "request logging on (Information)" "$on_req" "$on_us"
printf "%-34s %12s %16s\n" "request logging off (Warning)" "$off_req" "$off_us"
echo "CPU per request, on / off: $(awk -v a="$on_us" -v b="$off_us" 'BEGIN { printf "%.2f", a / b }')"
echo "Log bytes per request: $(awk -v b="$((log_after - log_before))" -v r="$on_req" 'BEGIN { printf "%.0f", b / r }')"
echo "A request line: $(grep -m1 '"RequestPath":"/luku' "$out/on.log")"
