#!/usr/bin/env bash
# Artifact benchmarks (issue 3): hoist vs skopeo against one local registry, same machine, same run.
#   1. push of a 200-file manifest tree (hoist CLI) vs skopeo copy of the equivalent OCI layout
#   2. unchanged re-push: wall time and blob uploads counted in the registry's access log (goal: 0)
#   3. 100 artifact pushes from one process (ArtifactPushLoop) vs 100 skopeo copy runs, twice:
#      a. the same artifact into 100 new repositories: skopeo mounts the layer from a repository its blob-info
#         cache (/var/lib/containers/cache) knows; hoist mounts what the same client pushed before;
#      b. 100 different artifacts (the tree plus a salt.txt unique to the push): every layer is uploaded by both
#   4. pull (hoist CLI) vs skopeo copy to an OCI layout + tar -x
# The CLI figures run ./hoist, the launcher users run (its JVM options included). Each figure is the median of
# RUNS (default 5) runs; requests per push are counted in the registry's access log. Needs: hoist-cli/target/hoist.jar and
# hoist-core/target/test-classes (mvn -o -q package -DskipTests), docker-registry, skopeo, python3, curl. Registry on
# 127.0.0.1 only.
# Usage: bench/artifact/run.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
JAR=hoist-cli/target/hoist.jar
[ -f "$JAR" ] && [ -d hoist-core/target/test-classes/dev/hoist/bench ] \
  || { echo "build first: mvn -B -q -o package -DskipTests" >&2; exit 2; }

. scripts/registry.sh
registry_workspace hoist-bench-artifact
start_registry REG bench "" 1
ACCESS="$work/bench/log"
now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
hoist() { ./hoist "$@"; }
requests() { grep -c 'HTTP/1.1" [0-9]' "$ACCESS" || true; }
# the in-process loops run with the JVM options of the ./hoist launcher (C1 only, serial GC: half the CPU of
# the JVM defaults for this work, which matters on 2 cores shared with the registry)
LOOP_JAVA_OPTS=${HOIST_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto}
loop() {
  # shellcheck disable=SC2086
  java $LOOP_JAVA_OPTS -cp "$JAR:hoist-core/target/test-classes" dev.hoist.bench.ArtifactPushLoop "$REG" "$@" >/dev/null
}

# a 200-file manifest tree: 20 apps x (deployment, service, configmap, kustomization) + 120 overlay patches
tree="$work/tree"
for a in $(seq -w 1 20); do
  d="$tree/apps/app$a"; mkdir -p "$d"
  printf 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app%s\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n      - name: app\n        image: registry.example/app%s:1.0.0\n' "$a" "$a" > "$d/deployment.yaml"
  printf 'apiVersion: v1\nkind: Service\nmetadata:\n  name: app%s\nspec:\n  ports:\n  - port: 80\n' "$a" > "$d/service.yaml"
  printf 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app%s\ndata:\n  LOG_LEVEL: info\n' "$a" > "$d/configmap.yaml"
  printf 'resources:\n- deployment.yaml\n- service.yaml\n- configmap.yaml\n' > "$d/kustomization.yaml"
done
for o in $(seq -w 1 120); do
  d="$tree/overlays/o$((10#$o % 6))"; mkdir -p "$d"
  printf 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app%s\nspec:\n  replicas: %d\n' "$o" $((10#$o % 5 + 1)) > "$d/patch-$o.yaml"
done
files=$(find "$tree" -type f | wc -l)

push_args=(--path "$tree" --source https://git.example/bench.git --revision "main@sha1:0" --reproducible --insecure -q)

# the equivalent OCI layout for skopeo: push once with hoist, copy it out with skopeo
hoist artifact push "oci://$REG/seed/manifests:1.0.0" "${push_args[@]}" >/dev/null
skopeo copy -q --src-tls-verify=false "docker://$REG/seed/manifests:1.0.0" "oci:$work/layout:1.0.0"

echo "artifact benchmarks: $files files, registry $REG, median of $RUNS runs" >&2

# 1. push of the tree (fresh repository each run: every blob is uploaded)
h1=(); s1=()
for r in $(seq 1 "$RUNS"); do
  t0=$(now); hoist artifact push "oci://$REG/b1/hoist-$r:1.0.0" "${push_args[@]}" >/dev/null; t1=$(now)
  h1+=("$(ms "$t0" "$t1")")
  t0=$(now); skopeo copy -q --dest-tls-verify=false "oci:$work/layout:1.0.0" "docker://$REG/b1/skopeo-$r:1.0.0"; t1=$(now)
  s1+=("$(ms "$t0" "$t1")")
done
H1=$(printf '%s\n' "${h1[@]}" | median); S1=$(printf '%s\n' "${s1[@]}" | median)

# 2. unchanged re-push into the same repository
hoist artifact push "oci://$REG/b2/manifests:1.0.0" "${push_args[@]}" >/dev/null
h2=(); s2=(); uploads=0
for r in $(seq 1 "$RUNS"); do
  before=$(grep -c '"POST /v2/' "$ACCESS" || true)
  t0=$(now); hoist artifact push "oci://$REG/b2/manifests:1.0.0" "${push_args[@]}" >/dev/null; t1=$(now)
  after=$(grep -c '"POST /v2/' "$ACCESS" || true)
  uploads=$((uploads + after - before))
  h2+=("$(ms "$t0" "$t1")")
  t0=$(now); skopeo copy -q --dest-tls-verify=false "oci:$work/layout:1.0.0" "docker://$REG/b2/manifests:1.0.0"; t1=$(now)
  s2+=("$(ms "$t0" "$t1")")
done
H2=$(printf '%s\n' "${h2[@]}" | median); S2=$(printf '%s\n' "${s2[@]}" | median)

# 3. 100 pushes: one hoist process (one after the other; and on 4 threads) vs 100 skopeo runs, each push to
#    its own repository; hoist packs the tree each time
#    a. the same artifact each time (skopeo's input: the layout copied out of the registry above)
#    b. a different artifact each time (skopeo's input: layouts written before the clock starts)
java -cp "$JAR:hoist-core/target/test-classes" dev.hoist.bench.ArtifactLayouts "$tree" "$work/layouts" 100 "$RUNS" skopeo
h3=(); p3=(); s3=(); h3d=(); p3d=(); s3d=()
for r in $(seq 1 "$RUNS"); do
  t0=$(now); loop "b3/hoist-$r" "$tree" 100 1; t1=$(now); h3+=("$(ms "$t0" "$t1")")
  t0=$(now); loop "b3/hoistp-$r" "$tree" 100 4; t1=$(now); p3+=("$(ms "$t0" "$t1")")
  t0=$(now)
  for i in $(seq 0 99); do
    skopeo copy -q --dest-tls-verify=false "oci:$work/layout:1.0.0" "docker://$REG/b3/skopeo-$r-$i:1.0.0"
  done
  t1=$(now); s3+=("$(ms "$t0" "$t1")")
  q0=$(requests)
  t0=$(now); loop "b3d/hoist-$r" "$tree" 100 1 "hoist-$r"; t1=$(now); h3d+=("$(ms "$t0" "$t1")")
  q1=$(requests)
  t0=$(now); loop "b3d/hoistp-$r" "$tree" 100 4 "hoistp-$r"; t1=$(now); p3d+=("$(ms "$t0" "$t1")")
  q2=$(requests)
  t0=$(now)
  for i in $(seq 0 99); do
    skopeo copy -q --dest-tls-verify=false "oci:$work/layouts/run-$r:$i" "docker://$REG/b3d/skopeo-$r-$i:1.0.0"
  done
  t1=$(now); s3d+=("$(ms "$t0" "$t1")")
  q3=$(requests)
done
H3=$(printf '%s\n' "${h3[@]}" | median); P3=$(printf '%s\n' "${p3[@]}" | median)
S3=$(printf '%s\n' "${s3[@]}" | median)
H3D=$(printf '%s\n' "${h3d[@]}" | median); P3D=$(printf '%s\n' "${p3d[@]}" | median)
S3D=$(printf '%s\n' "${s3d[@]}" | median)
# requests per push in the last run's distinct-content loops (hoist sequential, skopeo)
RQH=$(python3 -c "print(f'{($q1-$q0)/100:.1f}')"); RQS=$(python3 -c "print(f'{($q3-$q2)/100:.1f}')")

# 4. pull: hoist artifact pull vs skopeo copy to a layout + tar -x of the layer
h4=(); s4=()
for r in $(seq 1 "$RUNS"); do
  t0=$(now); hoist artifact pull "oci://$REG/b2/manifests:1.0.0" --output "$work/pull-h-$r" --insecure -q >/dev/null; t1=$(now)
  h4+=("$(ms "$t0" "$t1")")
  t0=$(now)
  skopeo copy -q --src-tls-verify=false "docker://$REG/b2/manifests:1.0.0" "oci:$work/pull-s-$r:1.0.0"
  layer=$(python3 -c 'import json,sys; d=sys.argv[1]; i=json.load(open(d+"/index.json")); m=json.load(open(d+"/blobs/sha256/"+i["manifests"][0]["digest"][7:])); print(m["layers"][0]["digest"][7:])' "$work/pull-s-$r")
  mkdir -p "$work/pull-x-$r" && tar -xzf "$work/pull-s-$r/blobs/sha256/$layer" -C "$work/pull-x-$r"
  t1=$(now); s4+=("$(ms "$t0" "$t1")")
  diff -r "$work/pull-h-$r" "$work/pull-x-$r" >/dev/null || { echo "pulled trees differ" >&2; exit 1; }
done
H4=$(printf '%s\n' "${h4[@]}" | median); S4=$(printf '%s\n' "${s4[@]}" | median)

ratio() { python3 -c "print(f'{$1/$2:.2f}')"; }
echo "| benchmark | hoist (ms) | skopeo (ms) | hoist / skopeo |"
echo "| --- | ---: | ---: | ---: |"
echo "| push, $files-file tree (CLI, fresh repository) | $H1 | $S1 | $(ratio "$H1" "$S1") |"
echo "| unchanged re-push (CLI); blob uploads in $RUNS hoist runs: $uploads | $H2 | $S2 | $(ratio "$H2" "$S2") |"
echo "| 100 pushes, same artifact (one hoist process, sequential vs 100 skopeo runs) | $H3 | $S3 | $(ratio "$H3" "$S3") |"
echo "| 100 pushes, same artifact (one hoist process, 4 threads vs 100 skopeo runs) | $P3 | $S3 | $(ratio "$P3" "$S3") |"
echo "| 100 pushes, different artifacts (sequential); requests per push: hoist $RQH, skopeo $RQS | $H3D | $S3D | $(ratio "$H3D" "$S3D") |"
echo "| 100 pushes, different artifacts (4 threads) | $P3D | $S3D | $(ratio "$P3D" "$S3D") |"
echo "| pull (CLI) vs skopeo copy + tar -x | $H4 | $S4 | $(ratio "$H4" "$S4") |"
echo "runs: h1=${h1[*]} s1=${s1[*]} h2=${h2[*]} s2=${s2[*]} h3=${h3[*]} p3=${p3[*]} s3=${s3[*]}" \
  "h3d=${h3d[*]} p3d=${p3d[*]} s3d=${s3d[*]} h4=${h4[*]} s4=${s4[*]}" >&2
