#!/usr/bin/env python3
"""`kustomize` for the example documents examples.py runs: `kustomize build [flags] DIR` copies the
scratch directory (CORPUS_SCRATCH) as it is now into CORPUS_TREES/N, notes DIR and the flags in
CORPUS_TREES/index.jsonl, and answers with `kubectl kustomize`; any other command fails, so the
document stops where kustomize would have changed its files."""
import json
import os
import shutil
import subprocess
import sys

KNOWN = {"--load-restrictor": "value", "--enable-alpha-plugins": "plugins", "--enable_alpha_plugins": "plugins",
         "--enable-helm": "helm", "--helm-command": "helm-value"}


def main(args):
    if not args or args[0] != "build":
        sys.exit(f"kustomize {' '.join(args[:2])}: not run by the corpus (the document stops here)")
    flags, note, target, i = [], "", None, 1
    while i < len(args):
        a = args[i]
        name = a.split("=", 1)[0]
        if name in KNOWN:
            kind = KNOWN[name]
            value = None
            if kind in ("value", "helm-value") and "=" not in a:
                i += 1
                value = args[i]
            if kind == "value":
                flags += [name, value] if value is not None else [a]
            else:
                note = note or f"built with {name}"
                flags += [a] + ([value] if value is not None else [])
        elif a.startswith("-"):
            sys.exit(f"kustomize build {a}: a flag the corpus does not know (the document stops here)")
        elif target is None:
            target = a
        else:
            sys.exit("kustomize build: two directories")
        i += 1
    if target and not os.path.isdir(target):
        note = note or f"builds {target}, not a local directory (a remote one needs the network)"
    target = os.path.abspath(target or ".")
    scratch, trees = os.environ["CORPUS_SCRATCH"], os.environ["CORPUS_TREES"]
    index = os.path.join(trees, "index.jsonl")
    n = sum(1 for _ in open(index)) + 1 if os.path.exists(index) else 1
    rel = os.path.relpath(target, scratch)
    if rel.startswith(".."):
        note = note or "builds a directory outside the scratch directory"
    else:
        shutil.copytree(scratch, os.path.join(trees, str(n)), symlinks=True)
    with open(index, "a") as f:
        f.write(json.dumps({"path": rel, "flags": flags, "note": note}) + "\n")
    p = subprocess.run(["kubectl", "kustomize", *flags, target])
    sys.exit(p.returncode)


if __name__ == "__main__":
    main(sys.argv[1:])
