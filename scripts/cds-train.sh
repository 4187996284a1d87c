#!/usr/bin/env sh
# Records the classes typical hoist commands load into hoist-cli/target/cds/hoist.classlist, for the class-data sharing
# archive the ./hoist launcher builds (see the comment there). Run by `mvn package` after the jar is shaded.
# The workload is the bundled example, offline, writing nothing outside hoist-cli/target/cds: help, a render, an artifact
# build, a snapshot release's dry run (which builds the image, renders and packs the overlays and plans the Flux
# objects) and a push that finds no registry. A command that fails here (say, in a source tree without git) only
# makes the list shorter; the list is a hint, never a requirement.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
cds="$root/hoist-cli/target/cds"
rm -rf "$cds" && mkdir -p "$cds"
train() {
  n=$1; shift
  expect=0
  if [ "$n" = "-fails" ]; then expect=1; n=$1; shift; fi
  (cd "$root" && HOIST_JAVA_OPTS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:DumpLoadedClassList=$cds/$n.lst" \
    ./hoist "$@" >/dev/null 2>&1)
  code=$?
  failed=0
  if [ "$code" -ne 0 ]; then failed=1; fi
  if [ "$failed" -ne "$expect" ]; then
    echo "cds-train: 'hoist $*' exited $code; the class list may be shorter" >&2
  fi
}
train help --help
train render render overlays/dev
train artifact artifact build --path manifests --output "$cds/train.tgz"
train release release --snapshot --dry-run
# a push to a port where nothing listens: loads the registry client, fails at once ("refused the connection")
train -fails push artifact push oci://127.0.0.1:9/cds-train:v0 --path manifests --source cds-train --revision v0 --insecure
# Dynamic proxies and hidden classes cannot be archived from a list; drop them, keep the first of duplicates.
cat "$cds"/*.lst | grep -v -e '^#' -e 'jdk/proxy' -e '\$\$Lambda\$' | awk '!seen[$0]++' > "$cds/hoist.classlist.tmp"
mv "$cds/hoist.classlist.tmp" "$cds/hoist.classlist"
rm -f "$cds"/*.lst "$cds/train.tgz"
# Build the archive for the java on PATH now, so the first real command starts fast too.
"$root/hoist" --version >/dev/null 2>&1 || true
