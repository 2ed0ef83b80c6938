#!/usr/bin/env bash
# Runtime settings side by side on the search page: one publish of the working tree as the image
# builds it (bench/common.sh publish_portal), started once per variant, each variant a set of
# environment variables (GC mode, gen0 budget, thread-pool spinning, ...). All servers run at once
# on 127.0.0.1, each with its own database and search cache, and are driven in turn, round after
# round, with the 20 searches of bench/search-queries.lua at N connections (wrk), so that whatever
# else runs on the machine weighs on all of them alike. Prints, per round and variant, throughput,
# p50 / p90 / p99 and the server's CPU per request. Rounds 1-2 are the servers' warm-up (most likely
# the tiered JIT recompiling the hot paths, even in a ReadyToRun image): compare the later rounds.
# Usage: bench/runtime-ab.sh ROUNDS SECONDS [CONNECTIONS=32] NAME=VAR=VALUE,VAR=VALUE ...
#   e.g. bench/runtime-ab.sh 6 5 32 default= workstation=DOTNET_gcServer=0
#   PORTAL_APP=dir reuses a publish folder (bench/common.sh publish_portal) instead of publishing.
# Results: docs/performance.md ("Session 10: warm servers and GC settings").
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh

rounds="$1"; seconds="$2"; shift 2
connections=32
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then connections="$1"; shift; fi
[ "$#" -gt 0 ] || { echo "usage: $0 ROUNDS SECONDS [CONNECTIONS] NAME=VAR=VALUE,... ..." >&2; exit 2; }
out="$(mktemp -d)"
pids=()
trap 'for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$out"' EXIT

echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
need_wrk
app="${PORTAL_APP:-$out/app}"
[ -n "${PORTAL_APP:-}" ] || publish_portal . "$app"
portal_command "$app"

names=(); ports=()
for variant in "$@"; do
    name="${variant%%=*}"; settings="${variant#*=}"
    port="$(free_port)"
    IFS=',' read -r -a vars <<<"$settings"
    # Testing, as bench/search-http.sh: Production would need the Entra registration and a key ring.
    env "${vars[@]}" ASPNETCORE_ENVIRONMENT=Testing EditorAuth__LocalSignIn=true Content__Path="$PWD/content" \
        Serilog__MinimumLevel__Default=Warning Database__ConnectionString="Data Source=$out/$name.db" \
        Search__CachePath="$out/$name-search-cache" ASPNETCORE_URLS="http://127.0.0.1:$port" \
        "${portal_command[@]}" >"$out/$name.log" 2>&1 &
    pids+=($!); names+=("$name"); ports+=("$port")
    echo "$name: ${settings:-(no settings)}"
done
for i in "${!ports[@]}"; do
    wait_ok "http://127.0.0.1:${ports[$i]}/health/ready" || { cat "$out/${names[$i]}.log" >&2; exit 1; }
done

hz="$(getconf CLK_TCK)"
for round in $(seq 1 "$rounds"); do
    for i in "${!ports[@]}"; do
        before="$(cpu_ticks "${pids[$i]}")"
        wrk --threads 2 --connections "$connections" --duration "${seconds}s" --latency --script bench/search-queries.lua \
            "http://127.0.0.1:${ports[$i]}/" >"$out/wrk.txt"
        after="$(cpu_ticks "${pids[$i]}")"
        awk -v name="${names[$i]}" -v round="$round" -v ticks="$((after - before))" -v hz="$hz" '
            function ms(v) { if (v ~ /us$/) { sub(/us/, "", v); return v / 1000 } if (v ~ /ms$/) { sub(/ms/, "", v); return v + 0 } sub(/s/, "", v); return v * 1000 }
            $1 == "50%" { p50 = ms($2) } $1 == "90%" { p90 = ms($2) } $1 == "99%" { p99 = ms($2) }
            /requests in/ { n = $1 } /Requests\/sec/ { rps = $2 } /Non-2xx|Socket errors/ { bad = bad "  " $0 }
            END { printf "round %d  %-20s %6.0f req/s  p50 %6.2f  p90 %6.2f  p99 %6.2f ms  CPU %.3f ms/request%s\n", round, name, rps, p50, p90, p99, ticks * 1000 / hz / n, bad }' "$out/wrk.txt"
    done
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
