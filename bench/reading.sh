#!/usr/bin/env bash
# Reading-page benchmark. The portal runs in Production (the configuration a real start needs, made
# up by bench/common.sh) behind what stands for its reverse proxy: forwarded headers trusted
# (ASPNETCORE_FORWARDEDHEADERS_ENABLED, as docs/deployment.md has it) and every request carrying
# X-Forwarded-Proto: https, as Caddy sends it (without it the comment form cannot set its secure
# antiforgery cookie and answers 500). Next to it, two bare Kestrel apps (bench/BareKestrel) serve
# the very bytes the portal sent, captured first, with the portal's response headers (security
# headers, Cache-Control, ETag, Vary; headers=minimal: only Content-Type, Content-Encoding and
# Vary, as before 2026-12-01 19:00): one from memory (the stricter yardstick), one a static-file
# app (the captured files on disk, served by the framework's static file middleware, issue 17's
# baseline). Prints:
#   1. bytes on the wire per page, uncompressed, gzip and Brotli (body; headers apart), and the status;
#   2. throughput of the three servers with and without Accept-Encoding: br, measured alternately in
#      one run, and the ratios portal / bare-memory and portal / bare-static (target >= 0.9);
#   3. the portal's latency on pages that are not output-cached (comparison, search) and its memory.
# Usage: bench/reading.sh [seconds-per-measurement=5] [connections=32] [rounds=3] [headers=captured|minimal]
#   PORTAL_APP=dir BARE_APP=dir reuse publish folders (of the portal, of bench/BareKestrel) instead of publishing.
# Results: docs/performance.md
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh

duration="${1:-5}"
connections="${2:-32}"
rounds="${3:-3}"
bare_headers="${4:-captured}"
out="$(mktemp -d)"
portal="" bare="" static=""
trap 'for pid in $portal $bare $static; do kill "$pid" 2>/dev/null; done; rm -rf "$out"' EXIT

print_load
need_wrk
app="${PORTAL_APP:-$out/app}" bare_app="${BARE_APP:-$out/bare}"
[ -n "${PORTAL_APP:-}" ] || dotnet publish src/Tietosuoja.Web --configuration Release --output "$app" --nologo -v quiet >/dev/null
[ -n "${BARE_APP:-}" ] || dotnet publish bench/BareKestrel --configuration Release --output "$bare_app" --nologo -v quiet >/dev/null

production_env "$out"
seed_round "$app"
port=$(free_port)
# Request logging off (Warning), as in the earlier figures; bench/request-logging.sh measures its cost.
Serilog__MinimumLevel__Default=Warning ASPNETCORE_FORWARDEDHEADERS_ENABLED=true ASPNETCORE_URLS="http://127.0.0.1:$port" \
    run_portal "$app" >"$out/portal.log" 2>&1 &
portal=$!
base="http://127.0.0.1:$port"
wait_ok "$base/health/ready" || { tail -20 "$out/portal.log"; exit 1; }
proxy=(-H "X-Forwarded-Proto: https")

chapter=/luku/rekisterinpitaja
css=$(curl -s "${proxy[@]}" "$base/" | grep -o 'href="/[^"]*site[^"]*\.css"' | head -1 | sed 's/^href="//; s/"$//')
form=$(curl -s "${proxy[@]}" "$base$chapter" | grep -o 'href="/[^"]*/kommentoi[^"#]*"' | head -1 | sed 's/^href="//; s/"$//')
search="/haku?q=voiko+kunta+k%C3%A4ytt%C3%A4%C3%A4+suostumusta+k%C3%A4sittelyperusteena"
# Output-cached reading pages and the stylesheet: what both servers are compared on.
cached=(/ "$chapter" /luku/kasittelyn-oikeusperusteet/versio/1.0 /sv/kapitel/den-registrerades-rattigheter /koko-ohje "$css")

echo
echo "Bytes on the wire per page (body; the comment form, with its antiforgery token, is never compressed):"
printf "%-60s %6s %10s %10s %10s\n" "URL" "status" "identity" "gzip" "br"
mkdir -p "$out/pages"
: >"$out/pages/index.tsv"
n=0
for path in / "$chapter" "$search" "${form:-/no-comment-form}" /koko-ohje "$css"; do
    sizes=() status=""
    for encoding in identity gzip br; do
        code=$(curl -s "${proxy[@]}" -H "Accept-Encoding: $encoding" -o "$out/body" -w '%{http_code}' "$base$path")
        sizes+=("$(stat -c %s "$out/body")")
        [[ " $status " == *" $code "* ]] || status="${status:+$status,}$code"
    done
    printf "%-60s %6s %10s %10s %10s\n" "$path" "$status" "${sizes[@]}"
done
for path in "${cached[@]}"; do
    n=$((n + 1))
    curl -s "${proxy[@]}" -H "Accept-Encoding: identity" -D "$out/pages/$n.headers" -o "$out/pages/$n" "$base$path"
    type=$(awk -F': ' 'tolower($1) == "content-type" { sub(/\r$/, "", $2); print $2 }' "$out/pages/$n.headers")
    curl -s "${proxy[@]}" -H "Accept-Encoding: br" -D "$out/pages/$n.br.headers" -o "$out/pages/$n.br" "$base$path"
    grep -qi '^content-encoding: br' "$out/pages/$n.br.headers" || rm "$out/pages/$n.br" "$out/pages/$n.br.headers"
    [ "$bare_headers" = captured ] || rm -f "$out/pages/$n.headers" "$out/pages/$n.br.headers"
    printf "%s\t%s\t%s\n" "$path" "$type" "$n" >>"$out/pages/index.tsv"
done

bare_port=$(free_port)
ASPNETCORE_URLS="http://127.0.0.1:$bare_port" dotnet "$bare_app/BareKestrel.dll" "$out/pages" >"$out/bare.log" 2>&1 &
bare=$!
wait_ok "http://127.0.0.1:$bare_port/"
static_port=$(free_port)
ASPNETCORE_URLS="http://127.0.0.1:$static_port" dotnet "$bare_app/BareKestrel.dll" "$out/pages" --static-files >"$out/static.log" 2>&1 &
static=$!
wait_ok "http://127.0.0.1:$static_port/"

# wrk's figures: requests/s, and latency p50 / p99 in ms.
measure() {
    wrk --threads 2 --connections "$connections" --duration "${duration}s" --latency "$@" >"$out/wrk.txt"
    awk '
        function ms(v) { if (v ~ /us$/) { sub(/us/, "", v); return v / 1000 } if (v ~ /ms$/) { sub(/ms/, "", v); return v } sub(/s$/, "", v); return v * 1000 }
        /Requests\/sec/ { rps = $2 } $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) } /Non-2xx|Socket errors/ { err = err " " $0 }
        END { printf "%s %.2f %.2f%s\n", rps, p50, p99, err }' "$out/wrk.txt"
}

# Warm-up: JIT compilation and the first render of each page are not what readers wait for.
for path in "${cached[@]}" "$search" /luku/kasittelyn-oikeusperusteet/vertailu/1.1/1.2; do
    for encoding in identity br; do
        wrk --threads 1 --connections 4 --duration 1s "${proxy[@]}" -H "Accept-Encoding: $encoding" "$base$path" >/dev/null
        for port in "$bare_port" "$static_port"; do
            wrk --threads 1 --connections 4 --duration 1s -H "Accept-Encoding: $encoding" "http://127.0.0.1:$port$path" >/dev/null 2>&1 || true
        done
    done
done

echo
echo "Throughput, $connections connections, ${duration} s each, the portal, bare Kestrel from memory and bare Kestrel static files ($bare_headers headers) alternately, $rounds rounds (medians):"
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
printf "%-46s %-8s %9s %7s %7s %9s %7s %9s %7s %7s %7s\n" "URL" "encoding" "portal/s" "p50 ms" "p99 ms" "memory/s" "p99 ms" "static/s" "p99 ms" "/memory" "/static"
for path in "${cached[@]}"; do
    for encoding in identity br; do
        p=() b=() f=() errors=""
        for _ in $(seq 1 "$rounds"); do
            read -r prps pp50 pp99 perr <<<"$(measure "${proxy[@]}" -H "Accept-Encoding: $encoding" "$base$path")"
            read -r brps bp50 bp99 berr <<<"$(measure -H "Accept-Encoding: $encoding" "http://127.0.0.1:$bare_port$path")"
            read -r frps fp50 fp99 ferr <<<"$(measure -H "Accept-Encoding: $encoding" "http://127.0.0.1:$static_port$path")"
            p+=("$prps $pp50 $pp99") b+=("$brps $bp50 $bp99") f+=("$frps $fp50 $fp99") errors+="$perr$berr$ferr"
        done
        col() { local i="$1"; shift; printf "%s\n" "$@" | awk -v i="$i" '{ print $i }' | tr '\n' ' ' | median; }
        prps=$(col 1 "${p[@]}") brps=$(col 1 "${b[@]}") frps=$(col 1 "${f[@]}")
        printf "%-46s %-8s %9.0f %7.2f %7.2f %9.0f %7.2f %9.0f %7.2f %7.2f %7.2f\n" "$path" "$encoding" "$prps" "$(col 2 "${p[@]}")" "$(col 3 "${p[@]}")" \
            "$brps" "$(col 3 "${b[@]}")" "$frps" "$(col 3 "${f[@]}")" \
            "$(awk -v a="$prps" -v b="$brps" 'BEGIN { print a / b }')" "$(awk -v a="$prps" -v b="$frps" 'BEGIN { print a / b }')"
        [ -z "$errors" ] || echo "  errors:$errors"
    done
done

echo
echo "Pages that are not output-cached (portal only, br):"
for path in /luku/kasittelyn-oikeusperusteet/vertailu/1.1/1.2 "$search"; do
    read -r rps p50 p99 err <<<"$(measure "${proxy[@]}" -H "Accept-Encoding: br" "$base$path")"
    printf "%-60s %10s req/s  p50 %s ms  p99 %s ms%s\n" "$path" "$rps" "$p50" "$p99" "$err"
done

rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$portal/status")
echo "Portal resident memory after the run: $((rss_kb / 1024)) MiB"
