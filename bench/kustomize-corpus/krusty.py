"""kustomize's own krusty tests (api/krusty/*_test.go at a tag of a kustomize checkout), each run by
goeval.py into the trees it builds, or into the reason it cannot be read."""
import subprocess

import goeval
import golib

DIRECTORY = "api/krusty"


class Test:
    def __init__(self, file, name, trees, reason):
        self.file, self.name, self.trees, self.reason = file, name, trees, reason


def git(src, *args):
    return subprocess.run(["git", "-C", src, *args], check=True, capture_output=True, text=True).stdout


def read_tests(src, tag):
    """Every Test function of the package krusty_test: its trees, and why it was not (fully) read."""
    names = [f for f in git(src, "ls-tree", "--name-only", tag, DIRECTORY + "/").split() if f.endswith("_test.go")]
    sources = [(f, git(src, "show", f"{tag}:{f}")) for f in names]
    sources = [(f, s) for f, s in sources if "\npackage krusty_test" in "\n" + s]
    def load(directory):
        files = [f for f in git(src, "ls-tree", "--name-only", tag, directory + "/").split()
                 if f.endswith(".go") and not f.endswith("_test.go")]
        return golib.Package([(f, git(src, "show", f"{tag}:{f}")) for f in files],
                             golib.git_reader(src, tag, directory), load)

    package = golib.Package(sources, golib.git_reader(src, tag, DIRECTORY), load)
    out = []
    for f, s in sources:
        if f in package.errors:
            out.append(Test(f, "*", [], "the file does not parse: " + package.errors[f]))
            continue
        import goparse
        for d in goparse.Parser(s).file()[1]:
            if d[0] != "func" or not d[1].startswith("Test"):
                continue
            interp = goeval.Interpreter(package)
            reason = None
            try:
                interp.run_test(d[1])
            except goeval.Unreadable as e:
                reason = str(e)
            except golib.Unsupported as e:
                reason = str(e)
            except RecursionError:
                reason = "recursion too deep"
            out.append(Test(f, d[1], interp.trees, reason))
    return out


if __name__ == "__main__":
    import sys
    tests = read_tests(sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/kubernetes-sigs+kustomize/repo",
                       "kustomize/v5.5.0")
    for t in tests:
        print(f"{t.file}:{t.name} trees={len(t.trees)} {t.reason or ''}")
