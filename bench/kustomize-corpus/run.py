#!/usr/bin/env python3
"""Re-creates the trees of kustomize's own tests (and takes the kustomizations of its examples/) and
renders each with hoist's embedded engine and with `kubectl kustomize`, then counts how often the
outputs are equal.

The trees are not copied into this repository: they are read, at run time, from a kustomize source
checkout (KUSTOMIZE_SRC, at tag kustomize/v5.5.0) — the Go files of api/krusty, whose tests write
files with th.WriteK/WriteF/WriteC and build them with th.Run/RunWithErr. A test whose writes are not
plain string literals, or that builds with other than the default options, is skipped (and counted).

usage: bench/kustomize-corpus/run.py [--show N] [--unsupported]
       (needs kubectl on PATH and `mvn package` done; HOIST=path/to/hoist to use another build)
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SRC = os.environ.get("KUSTOMIZE_SRC", "/work/.mirror/kubernetes-sigs+kustomize/repo")
TAG = os.environ.get("KUSTOMIZE_TAG", "kustomize/v5.5.0")
CALL = re.compile(r"\b(\w+)\.(WriteK|WriteF|WriteC|Run|RunWithErr)\(")


def git(*args):
    return subprocess.run(["git", "-C", SRC, *args], check=True, capture_output=True, text=True).stdout


def literal(text, i, names=None):
    """A Go string expression at text[i:] (after spaces): literals, and names bound to one
    (names), joined by +: (value, end) or None."""
    parts = []
    while True:
        while i < len(text) and text[i] in " \t\n":
            i += 1
        if i >= len(text):
            return None
        if text[i] == "`":
            j = text.index("`", i + 1)
            parts.append(text[i + 1:j])
            i = j + 1
        elif text[i] == '"':
            j = i + 1
            out = []
            while text[j] != '"':
                if text[j] == "\\":
                    nxt = text[j + 1]
                    out.append({"n": "\n", "t": "\t", '"': '"', "\\": "\\"}.get(nxt, nxt))
                    j += 2
                else:
                    out.append(text[j])
                    j += 1
            parts.append("".join(out))
            i = j + 1
        else:
            m = re.match(r"[A-Za-z_]\w*", text[i:])
            if not m or names is None or m.group(0) not in names:
                return None
            parts.append(names[m.group(0)])
            i += m.end()
        k = i
        while k < len(text) and text[k] in " \t":
            k += 1
        if k < len(text) and text[k] == "+":
            i = k + 1
            continue
        return "".join(parts), i


BIND = re.compile(r"(?:^|\n)\s*(?:const\s+|var\s+)?([A-Za-z_]\w*)\s*(?::=|=)\s*", re.M)


def bindings(text, names):
    """Names bound to string expressions in text (const, var, :=, =), added to names."""
    for m in BIND.finditer(text):
        value = literal(text, m.end(), names)
        if value is not None:
            names[m.group(1)] = value[0]
    return names


def after_comma(text, i):
    while i < len(text) and text[i] in " \t\n":
        i += 1
    return i + 1 if i < len(text) and text[i] == "," else None


def default_options(body, expr):
    """Whether a Run's options expression is the harness's default options, unchanged."""
    if re.match(r"\w+\.MakeDefaultOptions\(\)", expr):
        return True
    m = re.match(r"([A-Za-z_]\w*)\s*\)", expr)
    if not m:
        return False
    var = m.group(1)
    made = re.search(r"\b" + var + r"\s*:=\s*\w+\.MakeDefaultOptions\(\)", body)
    changed = re.search(r"\b" + var + r"\.\w+\s*=", body)
    return bool(made) and not changed


def steps(body, file_names=None):
    """The test's writes and builds in order, or None when one cannot be read."""
    names = bindings(body, dict(file_names or {}))
    out = []
    for m in CALL.finditer(body):
        kind = m.group(2)
        first = literal(body, m.end(), names)
        if first is None:
            return None
        path, end = first
        if kind in ("WriteK", "WriteF", "WriteC"):
            comma = after_comma(body, end)
            second = literal(body, comma, names) if comma else None
            if second is None:
                return None
            content, end2 = second
            if not body[end2:end2 + 20].lstrip().startswith(")"):
                return None
            file = path if kind == "WriteF" else os.path.join(path, "kustomization.yaml")
            out.append(("write", file, content))
        else:
            comma = after_comma(body, end)
            opts = body[comma:comma + 60].strip() if comma else ""
            if not default_options(body, opts):
                return None
            out.append(("run", path, kind == "RunWithErr"))
    return out


def run(cmd, cwd):
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=120)
    return p.returncode, p.stdout, p.stderr


def main():
    show = int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 0
    hoist = os.environ.get("HOIST", os.path.join(ROOT, "hoist"))
    kubectl = shutil.which("kubectl")
    if not kubectl:
        sys.exit("kubectl is not on PATH")
    files = [f for f in git("ls-tree", "--name-only", TAG, "api/krusty/").split() if f.endswith("_test.go")]
    counts = {"trees": 0, "equal": 0, "differ": 0, "both refuse": 0, "hoist refuses only": 0,
              "kubectl refuses only": 0, "unsupported (falls back)": 0, "tests skipped": 0}
    shown = []
    unsupported = []
    for f in files:
        text = git("show", f"{TAG}:{f}")
        chunks = re.split(r"\nfunc ", text)
        file_names = bindings(chunks[0], {})  # the file's consts and vars before any func
        for body in chunks[1:]:
            name = body.split("(", 1)[0]
            if not name.startswith("Test"):
                continue
            plan = steps(body, file_names)
            if not plan or not any(s[0] == "run" for s in plan):
                counts["tests skipped"] += 1
                continue
            with tempfile.TemporaryDirectory(prefix="hoist-corpus-") as tmp:
                for step in plan:
                    if step[0] == "write":
                        target = os.path.join(tmp, step[1].lstrip("/"))
                        os.makedirs(os.path.dirname(target), exist_ok=True)
                        with open(target, "w") as out:
                            out.write(step[2])
                        continue
                    tree = os.path.join(tmp, step[1].lstrip("/")) if step[1] not in (".", "") else tmp
                    counts["trees"] += 1
                    kc, kout, kerr = run([kubectl, "kustomize", tree], tmp)
                    hc, hout, herr = run([hoist, "render", "--engine", "embedded", tree], tmp)
                    if hc != 0 and "not supported by the embedded engine" in herr:
                        counts["unsupported (falls back)"] += 1
                        verdict = "unsupported"
                    elif kc != 0 and hc != 0:
                        counts["both refuse"] += 1
                        verdict = "ok"
                    elif kc != 0:
                        counts["kubectl refuses only"] += 1
                        verdict = "kubectl refuses: " + kerr.strip().splitlines()[-1][:200]
                    elif hc != 0:
                        counts["hoist refuses only"] += 1
                        verdict = "hoist refuses: " + herr.strip()[:200]
                    elif kout == hout:
                        counts["equal"] += 1
                        verdict = "ok"
                    else:
                        counts["differ"] += 1
                        verdict = "differ"
                    if verdict == "unsupported":
                        unsupported.append(f"{f}:{name} {step[1]}: " + herr.strip().splitlines()[-1][-160:])
                    elif verdict != "ok" and len(shown) < show:
                        shown.append(f"{f}:{name} {step[1]}: {verdict}")
    # kustomize's examples/ directory: every kustomization in it, as the checkout holds it
    with tempfile.TemporaryDirectory(prefix="hoist-corpus-examples-") as tmp:
        archive = subprocess.run(["git", "-C", SRC, "archive", TAG, "examples"], check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        for dirpath, _, filenames in sorted(os.walk(os.path.join(tmp, "examples"))):
            if not any(n in filenames for n in ("kustomization.yaml", "kustomization.yml", "Kustomization")):
                continue
            counts["trees"] += 1
            counts["examples"] = counts.get("examples", 0) + 1
            kc, kout, kerr = run([kubectl, "kustomize", dirpath], tmp)
            hc, hout, herr = run([hoist, "render", "--engine", "embedded", dirpath], tmp)
            where = os.path.relpath(dirpath, tmp)
            if hc != 0 and "not supported by the embedded engine" in herr:
                counts["unsupported (falls back)"] += 1
                unsupported.append(where + ": " + herr.strip().splitlines()[-1][-160:])
            elif kc != 0 and hc != 0:
                counts["both refuse"] += 1
            elif kc == 0 and hc == 0 and kout == hout:
                counts["equal"] += 1
            else:
                key = "differ" if kc == 0 and hc == 0 else ("hoist refuses only" if hc != 0 else "kubectl refuses only")
                counts[key] += 1
                if len(shown) < show:
                    shown.append(f"{where}: {key}")
    judged = counts["trees"] - counts["unsupported (falls back)"]
    agree = counts["equal"] + counts["both refuse"]
    for k, v in counts.items():
        print(f"{k}: {v}")
    print(f"agree: {agree} of {judged} trees the embedded engine renders ({100.0 * agree / max(judged, 1):.1f} %)")
    for s in shown:
        print("  " + s)
    if "--unsupported" in sys.argv:
        for s in unsupported:
            print("  unsupported: " + s)


if __name__ == "__main__":
    main()
