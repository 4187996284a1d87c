#!/usr/bin/env bash
# Chart benchmark (issue 13): package + push of the example chart (deploy/charts/hello) to a local registry,
#   hoist:  ./hoist chart package … && ./hoist chart push CHART.tgz oci://…   (two CLI runs, as a user types them)
#           ./hoist chart push deploy/charts/hello oci://…                     (one run: packs and pushes)
#   helm:   helm-java's package + push (real Helm, in process) in a fresh JVM of its own (dev.hoist.bench.HelmPushMain)
# Every run pushes to a new repository namespace, so every run uploads. Median of RUNS (default 5), interleaved.
# Needs: mvn -B -q -o package -DskipTests (hoist.jar and hoist-core/target/test-classes), docker-registry, curl, python3.
# Usage: bench/chart/run.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
[ -f hoist-cli/target/hoist.jar ] && [ -f hoist-core/target/test-classes/dev/hoist/bench/HelmPushMain.class ] \
  || { echo "build first: mvn -B -q -o package -DskipTests" >&2; exit 2; }
. scripts/registry.sh
registry_workspace hoist-bench-chart
start_registry REG bench
now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
# the peer runs with the launcher's JVM options, on the shaded jar (helm-java and its native library inside)
JAVA_OPTS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto"
chart=deploy/charts/hello
helm_push() { # shellcheck disable=SC2086
  java $JAVA_OPTS -cp hoist-cli/target/hoist.jar:hoist-core/target/test-classes dev.hoist.bench.HelmPushMain "$chart" "$1" "$2" >/dev/null 2>&1
}
# warm the page cache and Helm's native library extraction once each
./hoist chart push "$chart" "oci://$REG/warm" --insecure >/dev/null 2>&1
mkdir -p "$work/warm"; helm_push "$work/warm" "oci://$REG/warm-helm"

a=(); b=(); c=()
for i in $(seq 1 "$RUNS"); do
  out="$work/pkg$i"; mkdir -p "$out"
  t0=$(now)
  ./hoist chart package "$chart" --output "$out" >/dev/null 2>&1
  ./hoist chart push "$out"/*.tgz "oci://$REG/two$i" --insecure >/dev/null 2>&1
  t1=$(now); a+=("$(ms "$t0" "$t1")")
  t0=$(now); ./hoist chart push "$chart" "oci://$REG/one$i" --insecure >/dev/null 2>&1; t1=$(now)
  b+=("$(ms "$t0" "$t1")")
  mkdir -p "$work/helm$i"
  t0=$(now); helm_push "$work/helm$i" "oci://$REG/helm$i"; t1=$(now)
  c+=("$(ms "$t0" "$t1")")
done
# what both pushed is a Helm chart Helm can read back
curl -fsS "http://$REG/v2/one1/hello/tags/list" >/dev/null && curl -fsS "http://$REG/v2/helm1/hello/tags/list" >/dev/null
ma=$(printf '%s\n' "${a[@]}" | median); mb=$(printf '%s\n' "${b[@]}" | median); mc=$(printf '%s\n' "${c[@]}" | median)
echo "chart benchmark: $chart, registry $REG, median of $RUNS runs"
printf '| way | median | runs (ms) |\n| --- | --- | --- |\n'
printf '| `hoist chart package` + `hoist chart push CHART.tgz` | %d ms (%.2f× helm) | %s |\n' "$ma" "$(echo "$ma/$mc" | bc -l)" "${a[*]}"
printf '| `hoist chart push CHART_DIR` (packs and pushes) | %d ms (%.2f× helm) | %s |\n' "$mb" "$(echo "$mb/$mc" | bc -l)" "${b[*]}"
printf '| helm-java package + push, fresh JVM | %d ms | %s |\n' "$mc" "${c[*]}"
