#!/usr/bin/env bash
# Lighthouse 12.2.3 (npm, installed by this script into bench/.lighthouse, nothing global) with
# Debian's Chromium on five pages, mobile and desktop. The portal runs in Production over https
# (bench/common.sh; Kestrel with the script's throwaway self-signed certificate, which Chromium is
# told to accept) with Site:BaseUrl the address Lighthouse opens, so canonical and hreflang URLs are
# the page's own origin. Each page and device is run RUNS times (Lighthouse's own advice for its
# variance) and the medians are printed: the four category scores, paint and blocking times, the
# main-thread breakdown and the audits that cost points in the median run. Then one traced load of
# each page at Lighthouse's phone viewport counts what the first frame styles and lays out
# (elements / layout objects), which does not depend on the machine's load. Stops if the comment
# form is not open.
#
# The floor: a three-word page from bench/BareKestrel (Kestrel and nothing else, over https with
# the same certificate, so HTTP/2 as the portal) runs in the same rounds, mobile and desktop. What
# it loses is what this machine, Chromium and Lighthouse lose on any page, not the portal's (its
# accessibility, best-practices and SEO scores mean nothing: three words have no language or
# description).
# For each mobile run the script also prints the navigation's commit task (the first long task:
# the renderer creating the page's window and script contexts before the parser starts): its wall
# and CPU time, and an estimate of each run's TBT by kind of task: that commit, the document's own
# tasks, scripts, the rest (see "Session 10" in docs/performance.md).
#
# With BASE_REF (a git revision, e.g. origin/main) that revision is published too and run as a
# second portal, alternated with the working tree's page by page, so that both meet the same load.
# Run the script itself at normal priority (builds elsewhere under `nice`): Chromium inherits it.
# Usage: bench/lighthouse.sh [RUNS] [BASE_REF]    (RUNS defaults to 3)    Results: docs/performance.md
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh

runs="${1:-3}"
base_ref="${2:-}"
tools="$PWD/bench/.lighthouse"
repo="$PWD"
out="$(mktemp -d)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    [ -z "$base_ref" ] || git -C "$repo" worktree remove --force "$out/base-src" 2>/dev/null || true
    rm -rf "$out"
}
trap cleanup EXIT

print_load
need_command /usr/bin/chromium chromium
if [ ! -x "$tools/node_modules/.bin/lighthouse" ]; then
    npm install --prefix "$tools" --no-audit --no-fund --loglevel=error lighthouse@12.2.3 >/dev/null
fi

# Publishes SOURCE into $out/NAME/app.
publish() {
    mkdir -p "$out/$2"
    nice -n 10 dotnet publish "$1/src/Tietosuoja.Web" --configuration Release --output "$out/$2/app" --nologo -v quiet >/dev/null
}

# Starts the portal published in $out/NAME with its own key ring, database and seeded round;
# its address goes into $out/NAME/base.
start_portal() {
    local name="$1" dir="$out/$1" port
    port=$(free_port)
    (
        production_env "$dir"
        export Site__BaseUrl="https://127.0.0.1:$port/"
        export Kestrel__Certificates__Default__Path="$dir/keyring.pfx" Kestrel__Certificates__Default__Password=bench
        seed_round "$dir/app"
        ASPNETCORE_URLS="https://127.0.0.1:$port" run_portal "$dir/app"
    ) >"$dir/portal.log" 2>&1 &
    pids+=($!)
    echo "https://127.0.0.1:$port" >"$dir/base"
    for _ in $(seq 1 600); do curl -skf -o /dev/null "https://127.0.0.1:$port/health/ready" && return 0; sleep 0.1; done
    echo "portal $name did not become ready; its log:" >&2; cat "$dir/portal.log" >&2; exit 1
}

variants=(this)
publish "$repo" this
if [ -n "$base_ref" ]; then
    git -C "$repo" worktree add --detach --quiet "$out/base-src" "$base_ref"
    publish "$out/base-src" base
    variants=(this base)
fi
for v in "${variants[@]}"; do start_portal "$v"; done

# The floor, on the first portal's certificate.
nice -n 10 dotnet publish bench/BareKestrel --configuration Release --output "$out/floor" --nologo -v quiet >/dev/null
floor_port=$(free_port)
Kestrel__Certificates__Default__Path="$out/this/keyring.pfx" Kestrel__Certificates__Default__Password=bench \
    ASPNETCORE_URLS="https://127.0.0.1:$floor_port" dotnet "$out/floor/BareKestrel.dll" >"$out/floor.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 600); do curl -skf -o /dev/null "https://127.0.0.1:$floor_port/" && break; sleep 0.1; done
echo "https://127.0.0.1:$floor_port" >"$out/floor.base"

chapter=/luku/rekisterinpitaja
base="$(cat "$out/this/base")"
form=$(curl -sk "$base$chapter" | grep -o 'href="/[^"]*/kommentoi[^"#]*"' | sed -n '1{s/^href="//; s/"$//; p}')
# The "comment form" must be the form itself (the seeded round open on that version), not the page
# that says commenting is closed. (The page is read whole before grep: `curl | grep -q` under
# pipefail fails when grep stops reading at its match and curl gets SIGPIPE.)
for v in "${variants[@]}"; do
    page="$(curl -sk "$(cat "$out/$v/base")$form")"
    if [ -z "$form" ] || ! grep -q '<textarea id="Input_Text"' <<<"$page"; then
        echo "no comment form at '$form' ($v): the seeded round is not open on $chapter" >&2; exit 1
    fi
done
pages=(/ "$chapter" "/haku?q=suostumus" "$form" /koko-ohje)

# One Lighthouse run; Lighthouse now and then fails to find the navigation in its trace
# (NO_NAVSTART) on this machine, so a failed run is repeated once before giving up. A run that
# Lighthouse ends with a runtime error in its report (it exits 0 then) counts as failed.
lighthouse_run() {
    local url="$1" device="$2" report="$3" preset=(--save-assets)
    [ "$device" = mobile ] || preset=(--preset=desktop)
    for attempt in 1 2; do
        if CHROME_PATH=/usr/bin/chromium "$tools/node_modules/.bin/lighthouse" "$url" "${preset[@]}" --quiet \
            --chrome-flags="--headless=new --no-sandbox --disable-gpu --ignore-certificate-errors" \
            --only-categories=performance,accessibility,best-practices,seo \
            --output=json --output-path="$report" >/dev/null 2>"$out/lighthouse.err" \
            && node -e 'const e = require(process.argv[1]).runtimeError; if (e) { console.error(e.code, e.message); process.exit(1); }' "$report" 2>>"$out/lighthouse.err"; then
            return 0
        fi
        [ "$attempt" = 2 ] || echo "Lighthouse failed on $url ($device), once more" >&2
    done
    cat "$out/lighthouse.err" >&2; exit 1
}

mkdir -p "$out/reports"
for run in $(seq 1 "$runs"); do
    for i in "${!pages[@]}"; do
        for device in mobile desktop; do
            for v in "${variants[@]}"; do
                lighthouse_run "$(cat "$out/$v/base")${pages[$i]}" "$device" "$out/reports/$v.$i.$device.$run.json"
            done
        done
    done
    for device in mobile desktop; do
        lighthouse_run "$(cat "$out/floor.base")/" "$device" "$out/reports/floor.0.$device.$run.json"
    done
done

node - "$out/reports" "$runs" "${variants[*]}" "${pages[@]}" <<'JS'
const [dir, runs, variants, ...pages] = process.argv.slice(2);
// The floor page (bench/BareKestrel's "/") is reported last, as its own variant.
const rows = [...pages.flatMap((path, i) => ["mobile", "desktop"].flatMap(device => variants.split(" ").map(v => ({ path, i, device, v })))),
    ...["mobile", "desktop"].map(device => ({ path: "(floor: bare Kestrel)", i: 0, device, v: "floor" }))];
const median = xs => { const s = [...xs].sort((a, b) => a - b), m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
// The complete events of the page's renderer main thread in a saved trace (read once per trace).
const traces = new Map();
const pageEvents = path => {
    if (traces.has(path)) return traces.get(path);
    const trace = JSON.parse(require("fs").readFileSync(path, "utf8"));
    const events = Array.isArray(trace) ? trace : trace.traceEvents;
    const thread = e => `${e.pid}:${e.tid}`;
    const mains = new Set(events.filter(e => e.name === "thread_name" && e.args.name === "CrRendererMain").map(thread));
    const page = thread(events.find(e => e.name === "ParseHTML" && mains.has(thread(e)) && /^https?:/.test(e.args?.beginData?.url ?? "")));
    const mine = events.filter(e => thread(e) === page && e.ph === "X");
    traces.set(path, mine);
    return mine;
};
const isTask = e => e.name === "RunTask" || e.name === "ThreadControllerImpl::RunTask";
// The long tasks of the page's renderer main thread: their wall and CPU time.
const longTasks = path => {
    const tasks = pageEvents(path).filter(e => e.dur > 12500 && isTask(e));
    return { wall: tasks.reduce((n, e) => n + e.dur, 0) / 1000, cpu: tasks.reduce((n, e) => n + (e.tdur ?? e.dur), 0) / 1000 };
};
// The task in which the renderer commits the navigation: the outermost task around the page's first
// (main world) LocalWindowProxy::Initialize; its wall and CPU time.
const commitTask = path => {
    const mine = pageEvents(path);
    const init = mine.filter(e => e.name === "LocalWindowProxy::Initialize").sort((a, b) => a.ts - b.ts)[0];
    const task = init && mine.filter(e => isTask(e) && e.ts <= init.ts && e.ts + e.dur >= init.ts + init.dur).sort((a, b) => b.dur - a.dur)[0];
    return task ? { wall: task.dur / 1000, cpu: (task.tdur ?? task.dur) / 1000 } : { wall: 0, cpu: 0 };
};
// Where a report's TBT comes from, by Lighthouse's own long-task list (simulated times): each task's
// part after the simulated FCP, less the 50 ms every task may take, summed by kind: the first task
// (the commit: it starts when the simulated document arrives), the document's own tasks (parse,
// style, layout, paint), scripts (by URL), and the rest (what Lighthouse cannot attribute). An
// estimate: Lighthouse clips with its optimistic and pessimistic FCP and stops at TTI.
const blockingByKind = report => {
    const tasks = [...(report.audits["long-tasks"].details?.items ?? [])].sort((a, b) => a.startTime - b.startTime);
    const fcp = report.audits["first-contentful-paint"].numericValue;
    const kinds = { commit: 0, document: 0, script: 0, other: 0 };
    tasks.forEach((t, n) => {
        const blocking = Math.max(0, t.startTime + t.duration - Math.max(t.startTime, fcp) - 50);
        const kind = n === 0 ? "commit" : t.url === report.finalDisplayedUrl ? "document" : /\.js(\?|$)/.test(t.url) ? "script" : "other";
        kinds[kind] += blocking;
    });
    return kinds;
};
const categories = ["performance", "accessibility", "best-practices", "seo"];
console.log(`Medians of ${runs} run(s) per page and device` + (variants.includes(" ") ? " (this = working tree, base = BASE_REF, alternated)" : ""));
console.log(["URL".padEnd(44), "variant", "device ", ...["perf", "a11y", "best", "seo"].map(h => h.padStart(5))].join(" "));
for (const { path, i, device, v } of rows) {
    const reports = Array.from({ length: Number(runs) }, (_, r) => require(`${dir}/${v}.${i}.${device}.${r + 1}.json`));
    const score = (r, k) => Math.round(r.categories[k].score * 100);
    const ms = (r, id) => r.audits[id].numericValue;
    const work = (r, group) => (r.audits["mainthread-work-breakdown"].details.items.find(x => x.group === group) ?? { duration: 0 }).duration;
    const med = f => Math.round(median(reports.map(f)));
    // a11y, best practices and SEO should not vary; the lowest is shown so that a bad run is not hidden.
    const cells = categories.map(k => k === "performance" ? med(r => score(r, k)) : Math.min(...reports.map(r => score(r, k))));
    console.log([path.padEnd(44), v.padEnd(7), device.padEnd(7), ...cells.map(c => String(c).padStart(5))].join(" "));
    console.log(`    FCP ${med(r => ms(r, "first-contentful-paint"))} ms, LCP ${med(r => ms(r, "largest-contentful-paint"))} ms, TBT ${med(r => ms(r, "total-blocking-time"))} ms`
        + ` (runs: ${reports.map(r => Math.round(ms(r, "total-blocking-time"))).join(", ")}); main thread ${med(r => ms(r, "mainthread-work-breakdown"))} ms`
        + ` (style & layout ${med(r => work(r, "styleLayout"))}, script ${med(r => work(r, "scriptEvaluation"))}, parse ${med(r => work(r, "parseHTML"))}, other ${med(r => work(r, "other"))})`);
    if (device === "mobile") {
        // Lighthouse's TBT is the wall time of the page's main-thread tasks, times four. On two
        // shared cores part of that wall time is the thread waiting for a core (Chromium's other
        // processes, the tracing itself), which the trace tells apart: each task's thread CPU time.
        const split = reports.map((_, r) => longTasks(`${dir}/${v}.${i}.${device}.${r + 1}-0.trace.json`));
        console.log(`    long tasks (over 12.5 ms of wall time, 50 ms at 4x): wall ${Math.round(median(split.map(s => s.wall)))} ms, `
            + `of it on the CPU ${Math.round(median(split.map(s => s.cpu)))} ms (runs: ${split.map(s => `${Math.round(s.cpu)}/${Math.round(s.wall)}`).join(", ")})`);
        // Lantern leaves the commit task out of its first-paint graph (it has no ParseHTML), so
        // the part of its simulated length (4x its wall time) past the simulated FCP is blocking.
        // The first (top-level) ThreadControllerImpl::RunTask or RunTask around it, per run:
        const commits = reports.map((_, r) => commitTask(`${dir}/${v}.${i}.${device}.${r + 1}-0.trace.json`));
        console.log(`    commit task: wall ${Math.round(median(commits.map(c => c.wall)))} ms, CPU ${Math.round(median(commits.map(c => c.cpu)))} ms; `
            + `TBT by task, commit / document / script / other (ms): ${reports.map(blockingByKind).map(k => [k.commit, k.document, k.script, k.other].map(Math.round).join("/")).join(", ")}`);
    }
    const byScore = [...reports].sort((a, b) => score(a, "performance") - score(b, "performance"));
    const r = byScore[(byScore.length - 1) >> 1];
    for (const [key, cat] of Object.entries(r.categories)) for (const ref of cat.auditRefs) {
        const a = r.audits[ref.id];
        if (ref.weight > 0 && a.score !== null && a.score < 1 && v !== "floor") console.log(`    ${key}: ${a.id} (${a.score}) ${a.displayValue ?? ""}`);
    }
}
JS

# How much one layout pass holds, from one traced load per page at Lighthouse's phone viewport
# (412 x 823): the largest pass (which is the long task TBT counts on a long page), and all passes of
# the load together, in layout objects. Then the fonts the load looked up: on Linux each font face
# (family and weight) and each strike (face and size) is a synchronous call from the renderer's main
# thread to the browser process, in the middle of the first layout, which waits for a core when the
# machine is busy (see "h23l, session 8" in docs/performance.md). Counts, not times: they do not
# depend on the machine's load. Each page gets a new browser, as each Lighthouse run does, so that
# no page finds the fonts of the one before in the renderer's cache.
echo "Layout at the phone viewport: largest pass / all passes of the load (layout objects); fonts: faces / strikes looked up"
for v in "${variants[@]}"; do
    node - "$tools" "$(cat "$out/$v/base")" "$v" "${pages[@]}" <<'JS'
const [tools, base, variant, ...pages] = process.argv.slice(2);
const puppeteer = require(`${tools}/node_modules/puppeteer-core`);
(async () => {
    for (const path of pages) {
        const browser = await puppeteer.launch({ executablePath: "/usr/bin/chromium", headless: "new",
            args: ["--no-sandbox", "--disable-gpu", "--ignore-certificate-errors"] });
        const page = await browser.newPage();
        await page.setViewport({ width: 412, height: 823, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
        await page.tracing.start({ categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "fonts"] });
        await page.goto(base + path, { waitUntil: "load" });
        await new Promise(resolve => setTimeout(resolve, 1000));
        const events = JSON.parse(Buffer.from(await page.tracing.stop()).toString("utf8")).traceEvents;
        await browser.close();
        // Only the page's renderer: the browser's own start page runs in another.
        const renderer = events.find(e => e.name === "ParseHTML" && (e.args?.beginData?.url ?? "").startsWith(base)).pid;
        const mine = events.filter(e => e.pid === renderer && e.ph === "X");
        const layouts = mine.filter(e => e.name === "Layout"), passes = layouts.map(e => e.args?.beginData?.dirtyObjects ?? 0);
        const faces = mine.filter(e => e.name === "FontDataManager::onMatchFamilyStyle").length;
        const strikes = mine.filter(e => e.name === "WebSandboxSupportLinux::GetWebFontRenderStyleForStrike").length;
        // A layout of the document before its stylesheet has arrived (forced by the browser, not by
        // the page) is thrown away, fonts and all; it depends on which arrives first, so it is shown.
        const sheet = mine.find(e => e.name === "ParseAuthorStyleSheet")?.ts ?? Infinity;
        const unstyled = layouts.filter(e => e.ts < sheet).reduce((n, e) => n + (e.args?.beginData?.dirtyObjects ?? 0), 0);
        console.log(`${path.padEnd(44)} ${variant.padEnd(7)} ${Math.max(0, ...passes)} / ${passes.reduce((n, x) => n + x, 0)}; fonts ${faces} / ${strikes}`
            + (unstyled > 1 ? ` (of it before the stylesheet: ${unstyled} objects)` : ""));
    }
})();
JS
done
