#!/usr/bin/env bash
# Search over HTTP: latency percentiles and the server's CPU time per request of the search page,
# at 1 and at N connections. Publishes the portal as the image does (bench/common.sh
# publish_portal: self-contained composite ReadyToRun, ADR 0022) and starts it twice on 127.0.0.1 with the
# repository's content: once as deployed (Voikko and hunspell-sv) and, as root, once with the
# dictionaries hidden in a private mount namespace (the stemmers-only fallback of a bare machine).
# Drives both alternately with wrk (installed from Debian's packages when missing), a bounded time
# per measurement, with a cached reading page as the yardstick, and that page again while the
# searches run (what a reader meets during a search storm); then stops them.
# Usage: bench/search-http.sh [seconds-per-run=10] [connections=32]     Results: docs/performance.md
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh

duration="${1:-10}"
connections="${2:-32}"
out="$(mktemp -d)"
servers=()
trap 'for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$out"' EXIT

echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

need_wrk

publish_portal . "$out/app"
portal_command "$out/app"

# start NAME [wrapper...]: the portal on a free port, its own database; sets port_NAME and pid_NAME.
start() {
    local name="$1"; shift
    local port; port="$(free_port)"
    # Testing: Production would need the Entra app registration, a public https address and a
    # key-ring certificate, none of which a search benchmark on 127.0.0.1 uses.
    ASPNETCORE_ENVIRONMENT=Testing EditorAuth__LocalSignIn=true Content__Path="$PWD/content" Serilog__MinimumLevel__Default=Warning \
        Database__ConnectionString="Data Source=$out/$name.db" Search__CachePath="$out/$name-search-cache" ASPNETCORE_URLS="http://127.0.0.1:$port" \
        "$@" "${portal_command[@]}" >"$out/$name.log" 2>&1 &
    local pid=$!
    servers+=("$pid")
    printf -v "pid_$name" '%s' "$pid"
    printf -v "port_$name" '%s' "$port"
    # Generous: on a busy machine the dictionaries and the content take tens of seconds to load.
    for _ in $(seq 1 600); do
        curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && return
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.2
    done
    echo "$name did not become ready:" >&2; cat "$out/$name.log" >&2; return 1
}

start dictionaries
names=(dictionaries)
# A private mount namespace (root only) puts empty folders over Voikko's and Hunspell's
# dictionaries for that one process: what the portal does on a machine without the packages.
if [ "$(id -u)" -eq 0 ] && unshare -m true 2>/dev/null; then
    start stemmers unshare -m sh -c 'mount -t tmpfs none /usr/lib/voikko && mount -t tmpfs none /usr/share/hunspell && exec "$@"' hide
    names+=(stemmers)
else
    echo "(not root or no unshare: the stemmers-only server is skipped)"
fi
for name in "${names[@]}"; do
    port="port_$name"
    curl -sf -H 'Accept: application/json' "http://127.0.0.1:${!port}/health/ready" \
        | sed -E 's/.*"search-dictionaries":\{[^}]*"description":"([^"]*)".*/\1/' | sed "s/^/$name: /"
    echo
done

# A cached reading page as the yardstick, then multi-word searches in both languages (search
# pages are never output-cached, every request searches): one query as before, and the rotation
# of bench/search-queries.lua (20 queries, Finnish and Swedish, each request the next one), which
# is the figure that counts, since no cache of a query's page could make it cheaper.
rotation="search-queries.lua"
paths=("/luku/rekisterinpitaja"
    "/haku?q=voiko+kunta+k%C3%A4ytt%C3%A4%C3%A4+suostumusta+k%C3%A4sittelyperusteena"
    "$rotation")
script_args() { if [ "$1" = "$rotation" ]; then echo "--script bench/$rotation"; fi; }
url_path() { if [ "$1" = "$rotation" ]; then echo "/"; else echo "$1"; fi; }
# Warm-up: each path briefly, then the searches in turn at N connections for 15 s. In its first
# 10-20 s under load a server does a fraction of its later searches a second (bench/runtime-ab.sh,
# rounds 1-2; most likely the tiered JIT recompiling the hot paths, which it does even in the
# ReadyToRun image): readers meet a warm server, so the figures below are a warm server's.
for name in "${names[@]}"; do
    port="port_$name"
    for path in "${paths[@]}"; do
        # shellcheck disable=SC2046
        wrk --threads 1 --connections 4 --duration 2s $(script_args "$path") "http://127.0.0.1:${!port}$(url_path "$path")" >/dev/null
    done
    wrk --threads 2 --connections "$connections" --duration 15s --script "bench/$rotation" "http://127.0.0.1:${!port}/" >/dev/null
done

ticks_per_second="$(getconf CLK_TCK)"
label() { if [ "$1" = "$rotation" ]; then echo "20 searches in turn (bench/$rotation)"; return; fi; local s="${1//+/ }"; printf '%b' "${s//%/\\x}"; }
ms() { awk -v p="$1" '$1 == p { v = $2; if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 } printf "%.2f", v }' "$out/wrk.txt"; }

printf "%-62s %-12s %5s %8s %8s %8s %9s\n" "URL" "server" "conns" "req/s" "p50 ms" "p99 ms" "CPU ms/r"
: >"$out/results.tsv"
for path in "${paths[@]}"; do
    for conns in 1 "$connections"; do
        threads=$((conns < 2 ? 1 : 2))
        # Alternately, so that whatever else runs on the machine weighs on both servers alike.
        for name in "${names[@]}"; do
            port="port_$name"; pid="pid_$name"
            before="$(cpu_ticks "${!pid}")"
            # shellcheck disable=SC2046
            wrk --threads "$threads" --connections "$conns" --duration "${duration}s" --latency $(script_args "$path") "http://127.0.0.1:${!port}$(url_path "$path")" >"$out/wrk.txt"
            after="$(cpu_ticks "${!pid}")"
            requests="$(awk '/requests in/ { print $1 }' "$out/wrk.txt")"
            cpu="$(awk -v t="$((after - before))" -v hz="$ticks_per_second" -v n="$requests" 'BEGIN { printf "%.3f", t * 1000 / hz / n }')"
            rps="$(awk '/Requests\/sec/ {print $2}' "$out/wrk.txt")"
            printf "%-62s %-12s %5s %8.0f %8s %8s %9s\n" "$(label "$path")" "$name" "$conns" "$rps" "$(ms 50%)" "$(ms 99%)" "$cpu"
            printf "%s\t%s\t%s\t%s\t%s\n" "$path" "$name" "$conns" "$cpu" "$(ms 99%)" >>"$out/results.tsv"
            awk '/Non-2xx|Socket errors/ {print "  " $0}' "$out/wrk.txt"
        done
    done
done

# What a reader meets during a search storm (ADR 0023): the cached page on 4 connections while
# N connections search in turn, each with its own wrk thread.
echo
printf "%-62s %-12s %5s %8s %8s %8s\n" "reading under search" "server" "conns" "req/s" "p50 ms" "p99 ms"
for name in "${names[@]}"; do
    port="port_$name"
    wrk --threads 1 --connections "$connections" --duration "$((duration + 1))s" --latency --script "bench/$rotation" "http://127.0.0.1:${!port}/" >"$out/storm.txt" &
    storm=$!
    sleep 0.5
    wrk --threads 1 --connections 4 --duration "${duration}s" --latency "http://127.0.0.1:${!port}${paths[0]}" >"$out/wrk.txt"
    printf "%-62s %-12s %5s %8.0f %8s %8s\n" "${paths[0]}" "$name" 4 "$(awk '/Requests\/sec/ {print $2}' "$out/wrk.txt")" "$(ms 50%)" "$(ms 99%)"
    wait "$storm"
    mv "$out/storm.txt" "$out/wrk.txt"
    printf "%-62s %-12s %5s %8.0f %8s %8s\n" "  beside it: 20 searches in turn" "$name" "$connections" "$(awk '/Requests\/sec/ {print $2}' "$out/wrk.txt")" "$(ms 50%)" "$(ms 99%)"
done

echo
# The ratios hold on a busy machine where the absolute figures do not.
awk -F'\t' -v page="${paths[0]}" -v rotation="$rotation" '
    $1 == page { base[$2] += $4; nbase[$2]++; next }
    $1 == rotation { turn[$2] += $4; nturn[$2]++ }
    { search[$2] += $4; nsearch[$2]++ }
    END {
        for (name in search) {
            printf "%s: CPU per search %.3f ms (the 20 in turn: %.3f ms), %.1f times a cached page (%.3f ms)\n", name, search[name] / nsearch[name], turn[name] / nturn[name], (search[name] / nsearch[name]) / (base[name] / nbase[name]), base[name] / nbase[name]
        }
        if ("stemmers" in search) printf "dictionaries / stemmers only, CPU per search: %.2f\n", (search["dictionaries"] / nsearch["dictionaries"]) / (search["stemmers"] / nsearch["stemmers"])
    }' "$out/results.tsv"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
