#!/usr/bin/env sh
# Records the classes typical hoist commands load into hoist-cli/target/cds/hoist.classlist, for the class-data sharing
# archive the ./hoist launcher builds (see the comment there). Run by `mvn package` after the jar is shaded.
# The workload is dev.hoist.cli.Training (the commands are listed there), one JVM on the bundled example, offline,
# writing nothing outside hoist-cli/target/cds. A command that fails here (say, in a source tree without git) only
# makes the list shorter and is named on stderr; the list is a hint, never a requirement.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
cds="$root/hoist-cli/target/cds"
rm -rf "$cds" && mkdir -p "$cds"
(cd "$root" && java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:DumpLoadedClassList="$cds/train.lst" \
  -cp "$root/hoist-cli/target/hoist.jar" dev.hoist.cli.Training "$cds/scratch" >/dev/null) \
  || echo "cds-train: the class list may be shorter (see above)" >&2
# Dynamic proxies and hidden classes cannot be archived from a list; drop them, keep the first of duplicates.
grep -v -e '^#' -e 'jdk/proxy' -e '\$\$Lambda\$' "$cds/train.lst" | awk '!seen[$0]++' > "$cds/hoist.classlist.tmp"
mv "$cds/hoist.classlist.tmp" "$cds/hoist.classlist"
rm -rf "$cds/train.lst" "$cds/scratch"
# Build the archive for the java on PATH now, so the first real command starts fast too.
"$root/hoist" --version >/dev/null 2>&1 || true
