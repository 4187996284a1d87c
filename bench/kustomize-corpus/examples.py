"""kustomize's examples/: the kustomizations its checkout holds, and the trees its Markdown examples
create. kustomize tests those documents with mdrip (hack/testExamplesAgainstKustomize.sh): the code
blocks labelled @testAgainstLatestRelease of one document run in order in one bash. Here they run
the same way in a scratch directory, with a `kustomize` first on PATH (kustomize_shim.py) that, at
each `kustomize build DIR`, copies the scratch directory as it is then (the tree) and answers with
`kubectl kustomize`, so the document goes on as with kustomize. Any other kustomize command (`edit`,
...) stops the document there: what it would change is not guessed."""
import json
import os
import re
import subprocess
import sys

LABEL = "@testAgainstLatestRelease"
BLOCK = re.compile(r"<!--(?P<labels>[^>]*)-->\s*\n```[^\n]*\n(?P<code>.*?)\n```", re.S)
SHIM = os.path.join(os.path.dirname(os.path.abspath(__file__)), "kustomize_shim.py")


class Build:
    def __init__(self, doc, n, tree, path, flags, note):
        self.doc, self.n, self.tree, self.path, self.flags, self.note = doc, n, tree, path, flags, note


def blocks(markdown):
    """The code of the blocks mdrip runs for the label, in order."""
    return [m.group("code") for m in BLOCK.finditer(markdown) if LABEL in m.group("labels").split()]


def run_document(doc, markdown, work):
    """Runs a document's labelled blocks in work/; returns its builds and why it stopped, if it did."""
    scratch = os.path.join(work, "scratch")
    trees = os.path.join(work, "trees")
    bin_dir = os.path.join(work, "bin")
    for d in (scratch, trees, bin_dir, os.path.join(work, "home")):
        os.makedirs(d, exist_ok=True)
    os.symlink(SHIM, os.path.join(bin_dir, "kustomize"))
    env = dict(os.environ, HOME=os.path.join(work, "home"), TMPDIR=scratch,
               PATH=bin_dir + os.pathsep + os.environ["PATH"], CORPUS_SCRATCH=scratch, CORPUS_TREES=trees)
    script = "set -e\ncd \"$TMPDIR\"\n" + "\n".join(blocks(markdown)) + "\n"
    try:
        p = subprocess.run(["bash", "-c", script], cwd=scratch, env=env, capture_output=True, text=True,
                           timeout=300)
        stopped = None if p.returncode == 0 else (p.stderr.strip().splitlines() or ["exit %d" % p.returncode])[-1]
    except subprocess.TimeoutExpired:
        stopped = "timed out"
    out = []
    index = os.path.join(trees, "index.jsonl")
    if os.path.exists(index):
        with open(index) as f:
            for n, line in enumerate(f):
                b = json.loads(line)
                out.append(Build(doc, n + 1, os.path.join(trees, str(n + 1)), b["path"], b["flags"], b["note"]))
    return out, stopped


def documents(src, tag):
    """(path, text) of every Markdown document under examples/ with labelled blocks."""
    names = subprocess.run(["git", "-C", src, "ls-tree", "-r", "--name-only", tag, "examples"], check=True,
                           capture_output=True, text=True).stdout.split()
    out = []
    for name in sorted(n for n in names if n.endswith(".md")):
        text = subprocess.run(["git", "-C", src, "show", f"{tag}:{name}"], check=True, capture_output=True,
                              text=True).stdout
        if blocks(text):
            out.append((name, text))
    return out


if __name__ == "__main__":
    import tempfile
    for doc, text in documents(sys.argv[1], sys.argv[2]):
        with tempfile.TemporaryDirectory() as tmp:
            builds, stopped = run_document(doc, text, tmp)
            print(doc, len(builds), [b.note for b in builds if b.note], stopped or "")
