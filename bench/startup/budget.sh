#!/usr/bin/env bash
# The render's start-up budget inside the JVM (Budget.java says the phases), next to a JVM that only
# prints "hi" (the floor: start + exit) and kubectl kustomize; medians of RUNS (default 9) cold runs, each
# with the ./hoist launcher's JVM options and class-data sharing archive (run ./hoist once first).
# usage: bench/startup/budget.sh [RUNS]      (needs mvn package, javac, kubectl)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-9}
jar=hoist-cli/target/hoist.jar
./hoist --version >/dev/null # builds the archive if it is missing
# the launcher's archive for the java on PATH (its name is the launcher's key)
archive=hoist-cli/target/cds/hoist-$(stat -L --printf '%i.%s.%Y.' "$(command -v java)" "$jar")jsa
[ -f "$archive" ] || { echo "no archive $archive: run ./hoist once" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
javac -d "$out" -cp "$jar" bench/startup/Budget.java
printf 'public class Hi { public static void main(String[] a) { System.out.println("hi"); } }\n' > "$out/Hi.java"
javac -d "$out" "$out/Hi.java"
opts="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:SharedArchiveFile=$archive -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0"
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
wall() { local s e; s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
: > "$out/phases"; : > "$out/hi"; : > "$out/kubectl"
for _ in $(seq "$RUNS"); do
  java $opts -cp "$jar:$out" Budget overlays/prod >> "$out/phases"
  wall java $opts -cp "$jar:$out" Hi >> "$out/hi"
  wall kubectl kustomize overlays/prod >> "$out/kubectl"
done
names=("Main.run render, cold (no picocli)" "Main.run render, warm" "then: load picocli" \
  "picocli's first annotation read" "the other annotations" "picocli's root model" "render's model")
echo "| phase (medians of $RUNS, load average $(cut -d' ' -f1 /proc/loadavg)) | ms |"
echo "| --- | ---: |"
echo "| JVM start + exit, printing \"hi\" (same options and archive) | $(median < "$out/hi") |"
for i in "${!names[@]}"; do
  echo "| ${names[$i]} | $(awk -v c=$((i + 1)) '{print $c}' "$out/phases" | median) |"
done
echo "| kubectl kustomize overlays/prod (whole run) | $(median < "$out/kubectl") |"
