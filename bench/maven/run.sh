#!/usr/bin/env bash
# Maven plugin benchmark (issue 17): releasing a service from a Maven build that has already compiled, three
# ways, against one local registry, same machine, same run:
#   a. mvn package hoist:release                          (the plugin: the engine inside Maven's JVM)
#   b. mvn package, then ./hoist release                   (the CLI: a second JVM)
#   c. mvn package jib:build, then ./hoist artifact push   (jib-maven-plugin for the image, the CLI for the
#                                                           manifests; what teams chain today, minus Flux)
# The service is the plugin tests' sample (hoist-maven-plugin/src/test/projects/single: one jar + one
# dependency, base scratch, one overlay), tagged v1.2.3. Every run pushes to a new repository namespace, so
# each one uploads its blobs. Maven reads the hoist plugin from hoist-maven-plugin/target/it-repo and
# everything else from ~/.m2 through a file: mirror (jib-maven-plugin is fetched into ~/.m2 once, online).
# Each figure is the median of RUNS (default 5) runs, the three ways interleaved.
# Needs: mvn -B -q -o install -DskipTests -Dmaven.install.skip=true (builds hoist.jar and target/it-repo),
# docker-registry, curl, python3. Registry on 127.0.0.1 only.
# Usage: bench/maven/run.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
ROOT=$PWD
IT_REPO=$ROOT/hoist-maven-plugin/target/it-repo
JIB=3.5.2
[ -f hoist-cli/target/hoist.jar ] && [ -d "$IT_REPO/dev/hoist/hoist-maven-plugin" ] \
  || { echo "build first: mvn -B -q -o install -DskipTests -Dmaven.install.skip=true" >&2; exit 2; }
VERSION=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' hoist-maven-plugin/pom.xml | head -1)

. scripts/registry.sh
registry_workspace hoist-bench-maven
start_registry REG bench
now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }


app="$work/app"
cp -r hoist-maven-plugin/src/test/projects/single "$app"
sed -i "s/@hoist.version@/$VERSION/" "$app/pom.xml"
# jib-maven-plugin beside hoist's, for variant c
python3 - "$app/pom.xml" "$JIB" <<'PY'
import sys
p, jib = sys.argv[1], sys.argv[2]
s = open(p).read()
s = s.replace("</plugins>\n  </build>", f"""  <plugin>
        <groupId>com.google.cloud.tools</groupId>
        <artifactId>jib-maven-plugin</artifactId>
        <version>{jib}</version>
        <configuration>
          <from><image>scratch</image></from>
          <container><ports><port>8080</port></ports><user>65532</user><mainClass>dev.example.Greeter</mainClass></container>
        </configuration>
      </plugin>
    </plugins>
  </build>""", 1)
open(p, "w").write(s)
PY
(cd "$app" && git init -q -b main . && git add . && git -c user.name=bench -c user.email=bench@example.com commit -qm bench \
  && git tag v1.2.3)
# jib-maven-plugin and what it needs into ~/.m2 (once, online; the timed runs read it through the file: mirror)
(cd "$app" && mvn -B -q -ntp -Dmaven.test.skip=true package jib:build -Djib.to.image="$REG/fetch/greeter:1.2.3" \
  -Djib.allowInsecureRegistries=true) >/dev/null
printf '<settings><mirrors><mirror><id>user-repository</id><mirrorOf>*</mirrorOf><url>file://%s</url></mirror></mirrors></settings>\n' \
  "$HOME/.m2/repository" > "$work/settings.xml"
mvnq() { (cd "$app" && mvn -B -q -ntp -s "$work/settings.xml" -Dmaven.repo.local="$IT_REPO" -Dmaven.test.skip=true "$@") >/dev/null; }
hoistq() { (cd "$app" && "$ROOT/hoist" "$@") >/dev/null 2>&1; }

# compile once (and write the project description the CLI variant reads), then warm every path once
mvnq package hoist:release -Dhoist.registry="$REG/warm" -Dhoist.insecure=true
hoistq release --config target/hoist/hoist.yaml --registry "$REG/warm" --insecure
mvnq package jib:build -Djib.to.image="$REG/warm/greeter:1.2.3" -Djib.allowInsecureRegistries=true

a=(); b=(); c=()
for i in $(seq 1 "$RUNS"); do
  t0=$(now); mvnq package hoist:release -Dhoist.registry="$REG/a$i" -Dhoist.insecure=true; t1=$(now)
  a+=("$(ms "$t0" "$t1")")
  t0=$(now); mvnq package; hoistq release --config target/hoist/hoist.yaml --registry "$REG/b$i" --insecure; t1=$(now)
  b+=("$(ms "$t0" "$t1")")
  t0=$(now)
  mvnq package jib:build -Djib.to.image="$REG/c$i/greeter:1.2.3" -Djib.allowInsecureRegistries=true
  hoistq artifact push "oci://$REG/c$i/manifests/greeter:1.2.3" --path overlays --insecure
  t1=$(now)
  c+=("$(ms "$t0" "$t1")")
done
ma=$(printf '%s\n' "${a[@]}" | median); mb=$(printf '%s\n' "${b[@]}" | median); mc=$(printf '%s\n' "${c[@]}" | median)
echo "maven release benchmark: registry $REG, median of $RUNS runs (ms)"
printf '| way | median | runs |\n| --- | --- | --- |\n'
printf '| a. `mvn package hoist:release` | %d ms | %s |\n' "$ma" "${a[*]}"
printf '| b. `mvn package` + `./hoist release` | %d ms (%.2f× a) | %s |\n' "$mb" "$(echo "$mb/$ma" | bc -l)" "${b[*]}"
printf '| c. `mvn package jib:build` + `./hoist artifact push` | %d ms (%.2f× a) | %s |\n' "$mc" "$(echo "$mc/$ma" | bc -l)" "${c[*]}"
