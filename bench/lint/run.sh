#!/usr/bin/env bash
# Lint benchmark (issue 14): `hoist lint` (every rule, the project rules and structural validation of each
# rendered overlay) over the 100-overlay tree of bench/render (bench/render/gen.py's many/) against the render
# of the same overlays (`hoist render --all`), one process each, through ./hoist. Goal: lint ≤ 2× render.
# With HOIST_K8S_OPENAPI set, lint validates strictly against that document (its ~30 MB are parsed once).
# Median of RUNS (default 5), interleaved. Needs: mvn -B -q -o package -DskipTests, python3.
# Usage: bench/lint/run.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
ROOT=$PWD
[ -f hoist-cli/target/hoist.jar ] || { echo "build first: mvn -B -q -o package -DskipTests" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/hoist-bench-lint.XXXXXX")
trap 'rm -rf "$work"' EXIT
python3 bench/render/gen.py "$work" >/dev/null
cd "$work/many"
now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
"$ROOT/hoist" render --all >/dev/null 2>&1   # warm the page cache and the start-up archive
findings=$("$ROOT/hoist" lint -o json 2>/dev/null | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["findings"]))' || true)
r=(); l=()
for i in $(seq 1 "$RUNS"); do
  t0=$(now); "$ROOT/hoist" render --all >/dev/null 2>&1; t1=$(now); r+=("$(ms "$t0" "$t1")")
  t0=$(now); "$ROOT/hoist" lint >/dev/null 2>&1 || true; t1=$(now); l+=("$(ms "$t0" "$t1")")
done
mr=$(printf '%s\n' "${r[@]}" | median); ml=$(printf '%s\n' "${l[@]}" | median)
echo "lint benchmark: 100 overlays, median of $RUNS runs, $findings finding(s)${HOIST_K8S_OPENAPI:+, strict validation against $(basename "$HOIST_K8S_OPENAPI")}"
printf '| command | median | runs (ms) |\n| --- | --- | --- |\n'
printf '| `hoist render --all` | %d ms | %s |\n' "$mr" "${r[*]}"
printf '| `hoist lint` | %d ms (%.2f× render) | %s |\n' "$ml" "$(echo "$ml/$mr" | bc -l)" "${l[*]}"
