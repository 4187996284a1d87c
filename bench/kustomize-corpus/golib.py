"""What goeval.py knows of Go's built-ins and of the library calls krusty tests make (fmt, strings,
filepath, konfig, os.ReadFile of testdata; harness.py has kustomize's test harness). Everything else
is Unsupported: its test is not read."""
import json
import posixpath
import re
import subprocess

from govalues import (OPAQUE, OPTIONS_TYPES, BASIC, Opaque, Spread, Stop, Struct, Type,  # noqa: F401
                      Unsupported, binary, is_opaque, key, make_options, opaque, zero)
from harness import Harness, HarnessMethod, TestingT, t_method  # noqa: F401


def select(obj, name):
    if is_opaque(obj):
        return obj
    if isinstance(obj, Harness):
        return obj if name == "Harness" else HarnessMethod(obj, name)  # HarnessEnhanced embeds Harness
    if isinstance(obj, TestingT):
        return t_method(name)
    if isinstance(obj, Struct):
        return obj[name]
    raise Unsupported(f".{name} of a {type(obj).__name__}")


# library functions
def go_quote(b):
    s = b.decode("utf-8", "surrogateescape")
    if not all(32 <= ord(c) < 127 or c in "\n\t" for c in s):
        raise Unsupported("%q of non-ASCII text")
    return json.dumps(s).encode()


def fmt_value(v, verb):
    if verb == "q":
        return go_quote(v)
    if isinstance(v, bool):
        return b"true" if v else b"false"
    if isinstance(v, bytes):
        return v
    if isinstance(v, (int, float)):
        return str(v).encode()
    if v is None:
        return b"<nil>"
    if isinstance(v, list):
        return b"[" + b" ".join(fmt_value(x, verb) for x in v) + b"]"
    raise Unsupported(f"formats a {type(v).__name__}")


def sprintf(fmt, *args):
    out, i, args = [], 0, list(args)
    for m in re.finditer(rb"%([-+# 0]*)(\d*)(?:\.(\d+))?([a-zA-Z%])", fmt):
        out.append(fmt[i:m.start()])
        i = m.end()
        if m.group(4) == b"%":
            out.append(b"%")
            continue
        if m.group(4).decode() not in "sdvq" or m.group(1) or m.group(3):
            raise Unsupported("fmt verb " + m.group(0).decode())
        text = fmt_value(args.pop(0), m.group(4).decode())
        width = int(m.group(2) or 0)
        out.append(text.rjust(width))
    if args:
        raise Unsupported("fmt with extra arguments")
    out.append(fmt[i:])
    return b"".join(out)


def go_join(*parts):
    parts = [p for p in parts if p]
    if not parts:
        return b""
    return posixpath.normpath(b"/".join(parts).decode()).encode()


class Package:
    """A Go package's functions, types and package-level values, from its files at a git tag."""

    def __init__(self, files, read_testdata, load=None):
        """files: (name, Go source); read_testdata(path) reads a file of the package's directory;
        load(directory) gives another package of the module (for what the harness computes)."""
        import goparse
        self.load = load
        self.funcs, self.values, self.types, self.errors, self.cache = {}, {}, {}, {}, {}
        self.imports = set(PACKAGES)
        self.dot_imported_others = False
        self.read_testdata = read_testdata
        for name, src in files:
            try:
                _, decls = goparse.Parser(src).file()
            except goparse.ParseError as e:
                self.errors[name] = str(e)
                continue
            for d in decls:
                if d[0] == "func":
                    self.funcs[d[1]] = d
                elif d[0] == "value":
                    self.values[d[1]] = d
                elif d[0] == "type":
                    self.types[d[1]] = d[2]
                elif d[0] == "import" and d[1].startswith("."):
                    self.dot_imported_others |= not d[1].endswith("/api/krusty")
                elif d[0] == "import":
                    self.imports.add(d[1])

    def lookup_type(self, name):
        if name in self.types:
            return Type(self.types[name], self.lookup_type)
        return None

    def lookup(self, name, interp):
        import goeval
        if name in self.funcs:
            _, n, params, results, body = self.funcs[name]
            if body is None:
                raise Unsupported(f"{name} has no body")
            return goeval.Closure(n, params, results, body, goeval.Scope())
        if name in self.types or name in BASIC or name in OPTIONS_TYPES:
            return Type(("tname", name), self.lookup_type)
        if name in self.values:
            if name not in self.cache:
                _, _, value, typ, index = self.values[name]
                scope = goeval.Scope()
                scope.vars["iota"] = index
                self.cache[name] = interp.expr(value, scope) if value is not None else zero(typ, self.lookup_type)
            return self.cache[name]
        if name in BUILTINS:
            return BUILTINS[name]
        if name in DOT_IMPORTED:
            return DOT_IMPORTED[name]
        if self.dot_imported_others and name[:1].isupper():
            return OPAQUE  # a name from a package imported with `.` (internal/target's error checkers)
        raise Unsupported(f"uses {name}")


def plain(f):
    """A library function of plain values: a build result among its arguments gives a build result."""
    def call(interp, args):
        if any(is_opaque(a) for a in args):
            return opaque()
        return f(*args)
    return call


def builtin_append(interp, args):
    base = args[0]
    rest = args[1:]
    if rest and isinstance(rest[-1], Spread):
        rest = rest[:-1] + list(rest[-1].value)
    if isinstance(base, bytes) or (base is None and rest and isinstance(rest[0], int)):
        return (base or b"") + bytes(rest)
    return list(base or []) + rest


def builtin_make(interp, args):
    t = args[0].underlying()
    return {} if t[0] == "map" else ([] if t[0] == "slice" else Unsupported("make " + t[0]))


def builtin_len(interp, args):
    return opaque() if is_opaque(args[0]) else len(args[0] or [])


def unsupported(what):
    def call(interp, args):
        raise Unsupported(what)
    return call


BUILTINS = {"nil": None, "true": True, "false": False, "append": builtin_append, "make": builtin_make,
            "len": builtin_len, "new": lambda interp, args: args[0].zero(), "panic": unsupported("panic")}

DOT_IMPORTED = {"MakeDefaultOptions": lambda interp, args: make_options()}

LIBRARY = {
    "fmt": {"Sprintf": plain(sprintf), "Sprint": plain(lambda *a: b"".join(fmt_value(x, "v") for x in a))},
    "strings": {"ReplaceAll": plain(lambda s, a, b: s.replace(a, b)),
                "Replace": plain(lambda s, a, b, n: s.replace(a, b, n if n >= 0 else -1)),
                "Join": plain(lambda parts, sep: sep.join(parts)),
                "Repeat": plain(lambda s, n: s * n),
                "TrimSpace": plain(lambda s: s.strip()),
                "Contains": plain(lambda s, sub: sub in s),
                "HasPrefix": plain(lambda s, p: s.startswith(p)),
                "HasSuffix": plain(lambda s, p: s.endswith(p))},
    "filepath": {"Join": plain(go_join)},
    "path": {"Join": plain(go_join)},
    "konfig": {"DefaultKustomizationFileName": plain(lambda: b"kustomization.yaml"),
               "RecognizedKustomizationFileNames": plain(
                   lambda: [b"kustomization.yaml", b"kustomization.yml", b"Kustomization"])},
    "kusttest_test": {"MakeHarness": lambda interp, args: Harness(),
                      # in memory as MakeHarness (api/testutils/kusttest/harnessenhanced.go), plus a plugin loader
                      "MakeEnhancedHarness": lambda interp, args: Harness(),
                      "MakeHarnessWithFs": lambda interp, args: Harness() if args[1] == "memory-fs" else
                      unsupported("a harness on disk")(interp, args)},
    "filesys": {"MakeFsInMemory": lambda interp, args: "memory-fs"},
    "types": {"LoadRestrictionsNone": b"LoadRestrictionsNone", "LoadRestrictionsRootOnly": b"LoadRestrictionsRootOnly",
              "BploUseStaticallyLinked": b"BploUseStaticallyLinked", "BploLoadFromFileSys": b"BploLoadFromFileSys"},
    "krusty": {"ReorderOptionLegacy": b"legacy", "ReorderOptionNone": b"none",
               "ReorderOptionUnspecified": b"unspecified", "MakeDefaultOptions": lambda interp, args: make_options()},
    "openapi": {"ResetOpenAPI": lambda interp, args: None, "GetSchemaVersion": lambda interp, args: opaque()},
}
PACKAGES = set(LIBRARY) | {"assert", "require", "os", "errors", "loader", "resmap", "exec", "build"}


def package_member(pkg, name):
    if pkg in ("assert", "require"):
        return lambda interp, args: None  # checks on the result, not part of the tree
    if pkg == "os" and name == "ReadFile":
        def read(interp, args):  # the test's own testdata, read from the checkout as `go test` would
            return interp.package.read_testdata(args[0].decode()), None
        return read
    if pkg in LIBRARY and name in LIBRARY[pkg]:
        return LIBRARY[pkg][name]
    if pkg == "krusty" and name == "Options":
        return Type(("tname", "Options"), lambda n: None)
    if pkg in ("kusttest_test", "filesys", "krusty", "types", "konfig"):
        raise Unsupported(f"{pkg}.{name}")
    # another package's value (an error to compare with, a checker): a build result for all that
    # matters here, only checks may use it (a harness method refuses it)
    return OPAQUE


def git_reader(src, tag, directory):
    def read(path):
        p = posixpath.normpath(posixpath.join(directory, path))
        return subprocess.run(["git", "-C", src, "show", f"{tag}:{p}"], check=True, capture_output=True).stdout
    return read
