#!/usr/bin/env bash
# Lighthouse 12.2.3 (npm, installed by this script into bench/.lighthouse, nothing global) with
# Debian's Chromium on five pages, mobile and desktop. The portal runs in Production over https
# (bench/common.sh; Kestrel with the script's throwaway self-signed certificate, which Chromium is
# told to accept) with Site:BaseUrl the address Lighthouse opens, so canonical and hreflang URLs are
# the page's own origin. Prints each page's four category scores, its paint and blocking times and
# main-thread breakdown, and the audits that cost points; stops if the comment form is not open.
# Usage: bench/lighthouse.sh   Results: docs/performance.md
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh

tools="$PWD/bench/.lighthouse"
out="$(mktemp -d)"
portal=""
trap '[ -z "$portal" ] || kill "$portal" 2>/dev/null; rm -rf "$out"' EXIT

print_load
if [ ! -x "$tools/node_modules/.bin/lighthouse" ]; then
    npm install --prefix "$tools" --no-audit --no-fund --loglevel=error lighthouse@12.2.3 >/dev/null
fi
dotnet publish src/Tietosuoja.Web --configuration Release --output "$out/app" --nologo -v quiet >/dev/null
production_env "$out"
port=$(free_port)
export Site__BaseUrl="https://127.0.0.1:$port/"
export Kestrel__Certificates__Default__Path="$out/keyring.pfx" Kestrel__Certificates__Default__Password=bench
seed_round "$out/app"
ASPNETCORE_URLS="https://127.0.0.1:$port" run_portal "$out/app" >"$out/portal.log" 2>&1 &
portal=$!
base="https://127.0.0.1:$port"
for _ in $(seq 1 600); do curl -skf -o /dev/null "$base/health/ready" && break; sleep 0.1; done

chapter=/luku/rekisterinpitaja
form=$(curl -sk "$base$chapter" | grep -o 'href="/[^"]*/kommentoi[^"#]*"' | head -1 | sed 's/^href="//; s/"$//')
# The "comment form" must be the form itself (the seeded round open on that version), not the page
# that says commenting is closed.
if [ -z "$form" ] || ! curl -sk "$base$form" | grep -q '<textarea id="Input_Text"'; then
    echo "no comment form at '$form': the seeded round is not open on $chapter" >&2; exit 1
fi
pages=(/ "$chapter" "/haku?q=suostumus" "$form" /koko-ohje)

printf "%-46s %-8s %6s %6s %6s %6s\n" "URL" "device" "perf" "a11y" "best" "seo"
for path in "${pages[@]}"; do
    for device in mobile desktop; do
        preset=(); [ "$device" = mobile ] || preset=(--preset=desktop)
        CHROME_PATH=/usr/bin/chromium "$tools/node_modules/.bin/lighthouse" "$base$path" "${preset[@]}" --quiet \
            --chrome-flags="--headless=new --no-sandbox --disable-gpu --ignore-certificate-errors" \
            --only-categories=performance,accessibility,best-practices,seo \
            --output=json --output-path="$out/report.json" >/dev/null 2>"$out/lighthouse.err" || { cat "$out/lighthouse.err"; exit 1; }
        node -e '
            const r = require(process.argv[1]);
            const c = r.categories, s = k => Math.round(c[k].score * 100);
            console.log([process.argv[2].padEnd(46), process.argv[3].padEnd(8), ...["performance", "accessibility", "best-practices", "seo"].map(k => String(s(k)).padStart(6))].join(" "));
            const ms = id => Math.round(r.audits[id].numericValue);
            const work = Object.fromEntries(r.audits["mainthread-work-breakdown"].details.items.map(i => [i.group, Math.round(i.duration)]));
            console.log(`    FCP ${ms("first-contentful-paint")} ms, LCP ${ms("largest-contentful-paint")} ms, TBT ${ms("total-blocking-time")} ms; main thread ${ms("mainthread-work-breakdown")} ms (style & layout ${work.styleLayout ?? 0}, script ${work.scriptEvaluation ?? 0}, parse ${work.parseHTML ?? 0}, other ${work.other ?? 0})`);
            for (const [key, cat] of Object.entries(c)) for (const ref of cat.auditRefs) {
                const a = r.audits[ref.id];
                if (ref.weight > 0 && a.score !== null && a.score < 1) console.log(`    ${key}: ${a.id} (${a.score}) ${a.displayValue ?? ""}`);
            }' "$out/report.json" "$path" "$device"
    done
done
