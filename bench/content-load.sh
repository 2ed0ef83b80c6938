#!/usr/bin/env bash
# Content-load benchmark: ContentLoader.Load of a content folder (the repository's by default) in
# this tree and in BASE (a git revision, by default 82642c2, before the content-load work of
# issue 17), built side by side and run in turn ROUNDS times in one run, so that the ratio holds on
# a busy machine. First checks that both render the same bytes (HTML, headings, plain text) for
# tests/fixtures/content and the content folder. Prints each run's median CPU and wall time per
# load and the medians of the per-round ratios.
# Usage: bench/content-load.sh [base=82642c2] [rounds=5] [loads-per-run=20] [content=content]
# Results: docs/performance.md ("Content load").
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh

base="${1:-82642c2}"
rounds="${2:-5}"
loads="${3:-20}"
content="$(realpath "${4:-content}")"
out="$(mktemp -d)"
trap 'git worktree remove --force "$out/base" >/dev/null 2>&1 || true; rm -rf "$out"' EXIT

print_load
git worktree add --detach "$out/base" "$base" >/dev/null 2>&1
# The base may predate the benchmark: give it this one (it uses only ContentLoader's public API).
rm -rf "$out/base/bench/ContentLoadBench"
cp -r bench/ContentLoadBench "$out/base/bench/ContentLoadBench"
rm -rf "$out/base/bench/ContentLoadBench/bin" "$out/base/bench/ContentLoadBench/obj"
dotnet build bench/ContentLoadBench --configuration Release --nologo -v quiet -o "$out/head" >/dev/null
dotnet build "$out/base/bench/ContentLoadBench" --configuration Release --nologo -v quiet -o "$out/basebin" >/dev/null

for folder in tests/fixtures/content "$content"; do
    dotnet "$out/basebin/ContentLoadBench.dll" "$folder" --dump "$out/base.txt"
    dotnet "$out/head/ContentLoadBench.dll" "$folder" --dump "$out/head.txt"
    if ! cmp -s "$out/base.txt" "$out/head.txt"; then
        echo "Rendered output differs for $folder:" >&2
        diff "$out/base.txt" "$out/head.txt" | head -20 >&2
        exit 1
    fi
    echo "Same bytes for $folder ($(wc -c < "$out/head.txt") bytes of HTML, headings and text)"
done

python3 - "$rounds" "$loads" "$content" "$out" <<'PY'
import re, statistics, subprocess, sys
rounds, loads, content, out = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
def run(folder):
    text = subprocess.run(["dotnet", f"{out}/{folder}/ContentLoadBench.dll", content, loads], check=True, capture_output=True, text=True).stdout
    m = re.search(r"cpu_ms=([\d.]+) wall_ms=([\d.]+)", text)
    first = re.search(r"first load \(with JIT\) (\d+) ms CPU", text)
    return float(m.group(1)), float(m.group(2)), float(first.group(1)), text.splitlines()[0]
cpu_ratios, wall_ratios, first_ratios = [], [], []
for r in range(rounds):
    b = run("basebin"); h = run("head")
    print(f"round {r+1}: base cpu {b[0]:7.1f} ms wall {b[1]:7.1f} ms first {b[2]:5.0f} ms | head cpu {h[0]:7.1f} ms wall {h[1]:7.1f} ms first {h[2]:5.0f} ms")
    cpu_ratios.append(b[0] / h[0]); wall_ratios.append(b[1] / h[1]); first_ratios.append(b[2] / h[2])
print(h[3])
print(f"base/head, median of {rounds} rounds: CPU per load {statistics.median(cpu_ratios):.2f}x, wall per load {statistics.median(wall_ratios):.2f}x, first load CPU {statistics.median(first_ratios):.2f}x")
PY
