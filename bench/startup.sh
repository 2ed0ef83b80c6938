#!/usr/bin/env bash
# Start-up benchmark: time from process start to the first 200 on "/" and resident memory one
# second later, for the portal published framework-dependent (no ReadyToRun), the portal published
# as the Dockerfile does (self-contained composite ReadyToRun, ADR 0022: bench/common.sh
# publish_portal), the latter also without the migration check (Database:MigrateOnStartup=false,
# as docker-compose's replicas start), without the stored snapshot and index (a first start on new
# content or a new build) and a bare Kestrel app (bench/BareKestrel), each started RUNS times in
# turn in one run; prints the medians, the ratio to the bare app, and the portal's own start-up
# timeline (StartupTimeline's log lines: where the time goes) from its median run.
# The portal runs in Production (bench/common.sh) on an existing, migrated SQLite database, as a
# replica restarts.
# With a base revision, that revision's publish as its own Dockerfile makes it (from a git worktree;
# framework-dependent ReadyToRun before ADR 0022) is started in the same turns, so the two can be
# compared in one run: the CPU-time ratio is what load changes least.
# Usage: bench/startup.sh [runs=5] [base-revision]   Results: docs/performance.md
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh

runs="${1:-5}"
base="${2:-}"
out="$(mktemp -d)"
trap 'git worktree remove --force "$out/base" >/dev/null 2>&1 || true; rm -rf "$out"' EXIT

print_load
dotnet publish src/Tietosuoja.Web --configuration Release --output "$out/portal" --nologo -v quiet >/dev/null
publish_portal . "$out/portal-image"
dotnet publish bench/BareKestrel --configuration Release --output "$out/bare" --nologo -v quiet >/dev/null
if [ -n "$base" ]; then
    git worktree add --detach "$out/base" "$base" >/dev/null 2>&1
    publish_portal "$out/base" "$out/base-image"
fi
production_env "$out"
seed_round "$out/portal"

python3 - "$runs" "$out" "$base" <<'PY'
import glob, json, os, statistics, subprocess, sys, time, socket, http.client

runs, out, base = int(sys.argv[1]), sys.argv[2], sys.argv[3]
COLD = "_no_stored_snapshot"  # a setting of the script's own, never passed to the portal
variants = [
    ("bare Kestrel", f"{out}/bare", "BareKestrel.dll", {}),
    ("portal", f"{out}/portal", "Tietosuoja.Web.dll", {}),
    ("portal, the image", f"{out}/portal-image", "Tietosuoja.Web.dll", {}),
    # As docker-compose's replicas start: the one-shot migrate service has run, no migration check.
    ("image, no migrate", f"{out}/portal-image", "Tietosuoja.Web.dll", {"Database__MigrateOnStartup": "false"}),
    # The first start on new content or a new build: no stored snapshot and index (ADR 0020), which
    # the other starts of this publish read; the analyses of ADR 0017 are kept, as they are then.
    ("image, no store", f"{out}/portal-image", "Tietosuoja.Web.dll", {COLD: "1"}),
]
if base:
    variants.append((f"base ({base})"[:20], f"{out}/base-image", "Tietosuoja.Web.dll", {}))

def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close(); return port

def first_200(port, deadline):
    while time.monotonic() < deadline:
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            c.request("GET", "/", headers={"Accept-Encoding": "br"})
            r = c.getresponse(); r.read(); c.close()
            if r.status == 200:
                return True
        except OSError:
            pass
        time.sleep(0.005)
    return False

def cpu_seconds(pid):
    # user + system time of the process so far: unlike the wall clock, barely changed by other load.
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024

def one(folder, dll, settings, linger=1):
    settings = dict(settings)
    # The cold variant shares the ReadyToRun folder: its stored snapshot is put aside for the run and
    # back after it, so the warm variants' next starts still find it.
    aside = []
    if settings.pop(COLD, None):
        for stored in glob.glob(f"{folder}/App_Data/search-cache/snapshot-*.bin"):
            os.rename(stored, stored + ".aside")
            aside.append(stored)
    port = free_port()
    env = dict(os.environ, ASPNETCORE_URLS=f"http://127.0.0.1:{port}", **settings)
    log = open(f"{out}/run.log", "w")
    started = time.monotonic()
    # From its own folder, as the image runs it (WORKDIR /app): that is the content root. A
    # self-contained publish starts as its own executable, as the image's ENTRYPOINT does.
    command = ["./" + dll.removesuffix(".dll")] if os.path.exists(f"{folder}/libcoreclr.so") else ["dotnet", dll]
    p = subprocess.Popen(command, cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        if not first_200(port, started + 60):
            raise SystemExit(f"{folder}: no 200 on / within 60 s")
        elapsed = time.monotonic() - started
        cpu = cpu_seconds(p.pid)
        time.sleep(linger)
        rss = rss_mib(p.pid)
    finally:
        p.terminate(); p.wait(); log.close()
        for stored in aside:
            os.replace(stored + ".aside", stored)
    phases = []
    for line in open(f"{out}/run.log"):
        try:
            message = json.loads(line).get("@m", "")
        except ValueError:
            continue
        if message.startswith("Start-up:"):
            phases.append(message)
    return elapsed, rss, phases, cpu

results = {name: [] for name, _, _, _ in variants}
# The first start after publishing also pays for the disk cache and writes the search analyses
# and, once Startup:BackgroundDelay (5 s) has passed after it listens, the stored snapshot: it runs
# long enough for that, as any replica does.
for variant in variants[1:]:
    one(*variant[1:], linger=8)
for _ in range(runs):
    for name, folder, dll, settings in variants:
        results[name].append(one(folder, dll, settings))

print(f"\n{runs} starts each, alternating; median (min-max):")
print(f"{'':20} {'first 200 on / (s)':>24} {'CPU time until then (s)':>24} {'memory after start (MiB)':>26} {'time / bare':>12}")
bare = statistics.median(r[0] for r in results["bare Kestrel"])
for name, _, _, _ in variants:
    times = [r[0] for r in results[name]]; mems = [r[1] for r in results[name]]; cpus = [r[3] for r in results[name]]
    print(f"{name:20} {statistics.median(times):8.2f} ({min(times):.2f}-{max(times):.2f}){'':6} "
          f"{statistics.median(cpus):8.2f} ({min(cpus):.2f}-{max(cpus):.2f}){'':6} "
          f"{statistics.median(mems):10.0f} ({min(mems):.0f}-{max(mems):.0f}){'':4} {statistics.median(times) / bare:10.1f}x")
if base:
    cpu = lambda name: statistics.median(r[3] for r in results[name])
    print(f"\nCPU until the first 200, the image ÷ base: {cpu('portal, the image') / cpu(variants[-1][0]):.2f}")
for name in [v[0] for v in variants[1:]]:
    ordered = sorted(results[name], key=lambda r: r[0])
    print(f"\n{name}, median run's timeline:")
    for phase in ordered[len(ordered) // 2][2]:
        print("  " + phase)
PY
