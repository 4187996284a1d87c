#!/usr/bin/env python3
"""Re-creates the trees of kustomize's own tests and of its examples/ (the kustomizations there, and the
trees its Markdown documents create, examples.py) and renders each with hoist's embedded engine and
with `kubectl kustomize`, then counts how often the outputs are equal.

The trees are not copied into this repository: they are made, at run time, from a kustomize source
checkout (KUSTOMIZE_SRC, at tag kustomize/v5.5.0). Each test function of api/krusty (krusty.py) is run
by a small interpreter of the Go it is written in (golex, goexpr, goparse: its syntax; gostmt, goeval:
running it; govalues, golib: values and library calls — helpers, closures, table-driven cases,
fmt.Sprintf, the testdata it reads) with kustomize's test harness replaced by one (harness.py) that
records, at every th.Run/RunWithErr, the files written so far and the build options. A test the interpreter
cannot follow exactly is not read (or read up to the statement it cannot follow), with its reason.

Both renderers get the same options: the test's load restrictions (--load-restrictor), otherwise
kubectl's defaults (the harness's default builds skip kustomize's final sort; kubectl sorts unless the
kustomization sets sortOptions: the comparison is of the same tree under the same flags). Where a test
builds with plugins enabled or with the managed-by label (no such flag in hoist), that build is not
compared and the test is read on.

A tree the test builds with th.Run must render, one built with th.RunWithErr must fail: where kubectl
does otherwise, the tree was not re-created faithfully (or kubectl's options matter), and it is
counted apart ("kubectl contradicts the test"), not as agreement.

usage: bench/kustomize-corpus/run.py [--show N] [--unsupported] [--refusals]
       (--refusals: both messages of every tree both refuse, to see that they refuse for one reason)
       (needs kubectl on PATH and `mvn package` done; HOIST=path/to/hoist to use another build)
"""
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import examples  # noqa: E402
import krusty  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SRC = os.environ.get("KUSTOMIZE_SRC", "/work/.mirror/kubernetes-sigs+kustomize/repo")
TAG = os.environ.get("KUSTOMIZE_TAG", "kustomize/v5.5.0")
UNSUPPORTED = "not supported by the embedded engine"


def last_error(stderr):
    """The line of kubectl's (or hoist's) stderr that says why it failed."""
    lines = stderr.strip().splitlines() or [""]
    for i in range(len(lines) - 1, -1, -1):
        if lines[i].endswith("err=<") and i + 1 < len(lines):  # klog's multi-line value
            return lines[i + 1].strip()
        if "err=" in lines[i]:
            return lines[i]
    return lines[-1]


def run(cmd, cwd):
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=120)
    return p.returncode, p.stdout, p.stderr


class Tally:
    def __init__(self, hoist, kubectl, show):
        self.hoist, self.kubectl, self.show = hoist, kubectl, show
        self.counts = {k: 0 for k in ("trees", "equal", "differ", "both refuse", "hoist refuses only",
                                      "kubectl refuses only", "unsupported (falls back)",
                                      "kubectl contradicts the test", "needs the network")}
        self.counts["built with options hoist lacks"] = 0
        self.shown, self.unsupported, self.lacking, self.refusals = [], [], [], []

    def compare(self, where, tree, flags, cwd, expect_error=None):
        """Renders tree with both; expect_error: what the test says kustomize does (None: unknown)."""
        self.counts["trees"] += 1
        kc, kout, kerr = run([self.kubectl, "kustomize", *flags, tree], cwd)
        if kc != 0 and any(s in kerr for s in ("dial tcp", "no such host")):
            self.counts["needs the network"] += 1  # a remote file: this machine has loopback only
            self.note(f"{where}: needs the network")
            return
        if expect_error is not None and (kc != 0) != expect_error:
            self.counts["kubectl contradicts the test"] += 1
            what = last_error(kerr)[-160:] if kc else "renders"
            self.note(f"{where}: kubectl contradicts the test ({what})")
            return
        hc, hout, herr = run([self.hoist, "render", "--engine", "embedded", *flags, tree], cwd)
        if hc != 0 and UNSUPPORTED in herr:
            self.counts["unsupported (falls back)"] += 1
            self.unsupported.append(f"{where}: " + herr.strip().splitlines()[-1][-160:])
        elif kc != 0 and hc != 0:
            self.counts["both refuse"] += 1
            self.refusals.append((where, last_error(kerr)[-200:], herr.strip()[:200]))
        elif kc == 0 and hc == 0 and kout == hout:
            self.counts["equal"] += 1
        elif kc == 0 and hc == 0:
            self.counts["differ"] += 1
            self.note(f"{where}: differ")
        elif kc != 0:
            self.counts["kubectl refuses only"] += 1
            self.note(f"{where}: kubectl refuses: " + last_error(kerr)[-200:])
        else:
            self.counts["hoist refuses only"] += 1
            self.note(f"{where}: hoist refuses: " + herr.strip()[:200])

    def note(self, line):
        if len(self.shown) < self.show:
            self.shown.append(line)


def krusty_trees(tally):
    """kustomize's api/krusty tests: the trees each builds; returns the tests not (fully) read."""
    tests = krusty.read_tests(SRC, TAG)
    not_read = []
    read = partly = 0
    for test in tests:
        if test.reason:
            not_read.append(test)
            partly += bool(test.trees)
        elif test.trees:
            read += 1
        else:
            not_read.append(test)  # runs no build (a unit test of something else)
        for n, tree in enumerate(test.trees):
            if tree.flags is None:
                tally.counts["built with options hoist lacks"] += 1
                tally.lacking.append(f"{test.file}:{test.name}#{n + 1}: {tree.note}")
                continue
            with tempfile.TemporaryDirectory(prefix="hoist-corpus-") as tmp:
                for path, content in tree.files.items():
                    target = os.path.join(tmp, path.lstrip("/"))
                    os.makedirs(os.path.dirname(target), exist_ok=True)
                    with open(target, "wb") as out:
                        out.write(content)
                where = f"{test.file}:{test.name}#{n + 1} {tree.path}"
                tally.compare(where, os.path.join(tmp, tree.path.lstrip("/")), tree.flags, tmp,
                              tree.expect_error)
    tally.counts["tests read"] = read
    tally.counts["tests read up to a statement"] = partly
    tally.counts["tests not read"] = len(not_read) - partly
    return not_read


def example_trees(tally):
    """kustomize's examples/: every kustomization in it, as the checkout holds it, and the trees its
    Markdown documents create (examples.py), each as it was when the document built it."""
    with tempfile.TemporaryDirectory(prefix="hoist-corpus-examples-") as tmp:
        archive = subprocess.run(["git", "-C", SRC, "archive", TAG, "examples"], check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        for dirpath, _, filenames in sorted(os.walk(os.path.join(tmp, "examples"))):
            if not any(n in filenames for n in ("kustomization.yaml", "kustomization.yml", "Kustomization")):
                continue
            tally.counts["examples"] = tally.counts.get("examples", 0) + 1
            tally.compare(os.path.relpath(dirpath, tmp), dirpath, [], tmp)
    stopped = []
    for doc, text in examples.documents(SRC, TAG):
        tally.counts["example documents"] = tally.counts.get("example documents", 0) + 1
        with tempfile.TemporaryDirectory(prefix="hoist-corpus-doc-") as tmp:
            builds, why = examples.run_document(doc, text, tmp)
            if why:
                stopped.append(f"{doc}: stops after {len(builds)} builds: {why[-160:]}")
            for b in builds:
                where = f"{b.doc}#{b.n} {b.path}"
                if b.note:
                    tally.counts["built with options hoist lacks"] += 1
                    tally.lacking.append(f"{where}: {b.note}")
                    continue
                tally.counts["example documents' builds"] = tally.counts.get("example documents' builds", 0) + 1
                # a document shows builds that work: one kubectl refuses is not counted as agreement
                tally.compare(where, os.path.join(b.tree, b.path), b.flags, b.tree, expect_error=False)
    return stopped


def main():
    show = int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 0
    hoist = os.environ.get("HOIST", os.path.join(ROOT, "hoist"))
    kubectl = shutil.which("kubectl")
    if not kubectl:
        sys.exit("kubectl is not on PATH")
    tally = Tally(hoist, kubectl, show)
    not_read = krusty_trees(tally)
    stopped = example_trees(tally)
    c = tally.counts
    judged = c["trees"] - c["unsupported (falls back)"] - c["kubectl contradicts the test"] - c["needs the network"]
    agree = c["equal"] + c["both refuse"]
    for k, v in c.items():
        print(f"{k}: {v}")
    print(f"agree: {agree} of {judged} trees the embedded engine renders ({100.0 * agree / max(judged, 1):.1f} %)")
    for s in tally.shown:
        print("  " + s)
    if "--refusals" in sys.argv:
        for where, kerr, herr in tally.refusals:
            print(f"  both refuse: {where}\n    kubectl: {kerr}\n    hoist:   {herr}")
    if "--unsupported" in sys.argv:
        for s in tally.unsupported:
            print("  unsupported: " + s)
        for s in tally.lacking:
            print("  not compared: " + s)
        for t in not_read:
            state = f"read up to: {t.reason}" if t.trees else (t.reason or "builds nothing")
            print(f"  not read: {t.file}:{t.name}: {state}")
        for s in stopped:
            print("  document " + s)


if __name__ == "__main__":
    main()
