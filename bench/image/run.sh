#!/usr/bin/env bash
# Image benchmark: an example JVM app (Maven-style target/classes + target/dependency) built and pushed by
# `hoist image build` to a local CNCF distribution registry. Per run (RUNS, default 5):
#   cold     fresh repository and empty Jib cache: build + push everything
#   nochange same commit again: blob uploads (goal 0) and wall time
#   oneclass one class changed and committed: blob uploads and bytes (goal: classes layer + config)
# plus `java -jar hoist.jar --version` to give the JVM start-up share of a rebuild.
# Uploads are counted from the registry's access log (completed blob uploads: PUT …/blobs/uploads/…?digest=)
# and sized from its storage. Needs: hoist-cli/target/hoist.jar (mvn package), docker-registry, git, javac, python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-5}
jar=$PWD/hoist-cli/target/hoist.jar
[ -f "$jar" ] || { echo "build hoist-cli/target/hoist.jar first: mvn -q package -DskipTests" >&2; exit 1; }
. scripts/registry.sh
registry_workspace hoist-bench-image
start_registry registry bench "" 1

# The example app: 40 classes, one resource, 6 release dependency jars from the local Maven repository and
# one snapshot jar.
app=$work/app
mkdir -p "$app/src/bench" "$app/target/classes" "$app/target/dependency"
for i in $(seq 1 40); do
  printf 'package bench;\npublic class C%d { public static int f() { return %d; } }\n' "$i" "$i" > "$app/src/bench/C$i.java"
done
cat > "$app/src/bench/Main.java" <<'JAVA'
package bench;
public class Main { public static void main(String[] a) { System.out.println("v" + C1.f()); } }
JAVA
echo "greeting=hello" > "$app/target/classes/app.properties"
for dep in com/fasterxml/jackson/core/jackson-databind com/google/guava/guava info/picocli/picocli \
    org/snakeyaml/snakeyaml-engine com/fasterxml/jackson/core/jackson-core org/eclipse/jgit/org.eclipse.jgit; do
  f=$(find "$HOME/.m2/repository/$dep" -name '*.jar' ! -name '*sources*' | sort | tail -1)
  cp "$f" "$app/target/dependency/"
done
cp "$jar" "$app/target/dependency/bench-lib-1.0-SNAPSHOT.jar"
cat > "$app/hoist.yaml" <<YML
project: bench
registry: $registry/bench
apps:
  - name: app
    jar: target/classes
    classpath: [target/dependency]
    mainClass: bench.Main
    base: scratch
    user: "65532"
overlays: [dev]
YML
printf 'target/hoist/\n' > "$app/.gitignore"
compile() { javac -q -d "$app/target/classes" "$app"/src/bench/*.java 2>/dev/null || javac -d "$app/target/classes" "$app"/src/bench/*.java; }
commit() { (cd "$app" && git add -A && git -c user.name=b -c user.email=b@x commit -qm "$1"); }
compile
(cd "$app" && git init -q -b main && git add -A && git -c user.name=b -c user.email=b@x commit -qm init)

now() { date +%s.%N; }
uploads() { # lines of the access log after line $1: "count bytes"
  tail -n +"$(( $1 + 1 ))" "$work/bench/log" | python3 -c '
import re, sys, os
n = b = 0
for line in sys.stdin:
    m = re.search(r"\"PUT /v2/\S+/blobs/uploads/\S*digest=sha256%3A([0-9a-f]{64})|\"PUT /v2/\S+/blobs/uploads/\S*digest=sha256:([0-9a-f]{64})", line)
    if m:
        h = m.group(1) or m.group(2)
        n += 1
        b += os.path.getsize(os.path.join(sys.argv[1], "docker/registry/v2/blobs/sha256", h[:2], h, "data"))
print(n, b)' "$work/bench/storage"
}
build() { # $1 repo suffix -> seconds
  local t0 t1; t0=$(now)
  (cd "$app" && java -jar "$jar" image build --registry "$registry/$1" --insecure -q -o json > "$work/out.json")
  t1=$(now); python3 -c "print(f'{$t1-$t0:.3f}')"
}
lines() { wc -l < "$work/bench/log"; }

results=$work/results.txt
: > "$results"
for r in $(seq 1 "$RUNS"); do
  rm -rf "$app/target/hoist"
  l=$(lines); cold=$(build "run$r"); read -r cn cb <<< "$(uploads "$l")"
  l=$(lines); same=$(build "run$r"); read -r sn sb <<< "$(uploads "$l")"
  sed -i "s/return 1;/return 1$r;/; s/return 1[0-9]*;/return 1$r;/" "$app/src/bench/C1.java"
  compile; commit "change $r"
  l=$(lines); one=$(build "run$r"); read -r on ob <<< "$(uploads "$l")"
  t0=$(now); java -jar "$jar" --version > /dev/null; t1=$(now)
  jvm=$(python3 -c "print(f'{$t1-$t0:.3f}')")
  echo "$cold $cn $cb $same $sn $sb $one $on $ob $jvm" | tee -a "$results" >&2
done
layers=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["images"][0]["digest"])' "$work/out.json")
python3 - "$results" <<'PY'
import statistics, sys
rows = [list(map(float, l.split())) for l in open(sys.argv[1]) if l.strip()]
med = lambda i: statistics.median(r[i] for r in rows)
print(f"runs: {len(rows)}")
print(f"cold build+push:        {med(0):.2f} s, {med(1):.0f} blob uploads, {med(2)/1e6:.2f} MB")
print(f"no-change rebuild:      {med(3):.2f} s, {med(4):.0f} blob uploads, {med(5):.0f} bytes")
print(f"one class changed:      {med(6):.2f} s, {med(7):.0f} blob uploads, {med(8):.0f} bytes")
print(f"JVM start (--version):  {med(9):.2f} s = {100*med(9)/med(3):.0f}% of the no-change rebuild")
PY
