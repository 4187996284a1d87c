#!/usr/bin/env bash
# Rendering benchmarks: hoist render (embedded engine, cold JVM) vs kubectl kustomize (kustomize v5.5.0).
# Usage: bench/render/run.sh [RUNS]   (needs hoist-cli/target/hoist.jar: mvn -DskipTests package)
#        HOIST="java -jar hoist-cli/target/hoist.jar" bench/render/run.sh   (another way to start hoist; default: ./hoist,
#        the launcher users run, with its class-data sharing archive)
#        CASES="small many" bench/render/run.sh 7   (a subset: small, many, large; kubectl needs ~3 min per large run)
# Prints a markdown table: median wall time of RUNS (default 5) runs per row, ratio, median peak RSS.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
cases=${CASES:-small many large}
[ -f hoist-cli/target/hoist.jar ] || { echo "build hoist-cli/target/hoist.jar first (mvn -DskipTests package)" >&2; exit 2; }
read -r -a hoist <<< "${HOIST:-$PWD/hoist}"
work=$(mktemp -d "${TMPDIR:-/tmp}/hoist-bench-render.XXXXXX")
trap 'rm -rf "$work"' EXIT
python3 bench/render/gen.py "$work"

# measure NAME CMD...: appends "seconds maxrss_kb" per run to $work/NAME.times
measure() {
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/t" "$@" > /dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  cat "$work/t" >> "$work/$name.times"
}

kubectl_many() {
  for d in "$work"/many/overlays/*/; do kubectl kustomize "$d" > /dev/null; done
}
export -f kubectl_many
export work

# verify the outputs agree before timing (this first run also lets ./hoist build its start-up archive)
"${hoist[@]}" render overlays/dev | cmp -s - <(kubectl kustomize overlays/dev) || echo "WARNING: small overlay differs" >&2
if [[ " $cases " == *" large "* ]]; then
  "${hoist[@]}" render "$work/large/overlay" | cmp -s - <(kubectl kustomize "$work/large/overlay" 2>/dev/null) \
    || echo "WARNING: large overlay differs" >&2
fi

for i in $(seq "$runs"); do
  for c in $cases; do
    case $c in
      small) measure small_hoist "${hoist[@]}" render overlays/dev
             measure small_kubectl kubectl kustomize overlays/dev ;;
      many)  measure many_hoist "${hoist[@]}" render --all --config "$work/many/hoist.yaml"
             measure many_kubectl bash -c kubectl_many ;;
      large) measure large_hoist "${hoist[@]}" render "$work/large/overlay"
             measure large_kubectl kubectl kustomize "$work/large/overlay" ;;
    esac
  done
done

python3 - "$work" "$runs" $cases <<'PY'
import statistics, sys
work, runs = sys.argv[1], sys.argv[2]
def load(name):
    rows = [l.split() for l in open(f"{work}/{name}.times") if l.strip()]
    return statistics.median(float(r[0]) for r in rows), statistics.median(int(r[1]) for r in rows) / 1024
print(f"| case (median of {runs}) | hoist | kubectl kustomize | hoist / kubectl | peak RSS hoist | peak RSS kubectl |")
print("| --- | --- | --- | --- | --- | --- |")
labels = {"small": "one small overlay, cold CLI", "many": "100 overlays: one `hoist render --all` vs 100 kubectl runs",
          "large": "one overlay, 4,000 resources + 3 patches"}
for case in sys.argv[3:]:
    ht, hm = load(case + "_hoist")
    kt, km = load(case + "_kubectl")
    print(f"| {labels[case]} | {ht:.2f} s | {kt:.2f} s | {ht / kt:.2f}x | {hm:.0f} MiB | {km:.0f} MiB |")
PY
