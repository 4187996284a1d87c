"""Go values for goeval.py: structs, types and their zero values and composite literals, operators,
and the Opaque value that stands for what a kustomize build returns."""


class Unsupported(Exception):
    pass


class Stop(Exception):
    """t.Skip and the like: Go stops the test here."""


class Opaque:
    """A build result or anything computed from one."""

    def __repr__(self):
        return "<build result>"


OPAQUE = Opaque()


class Struct(dict):
    """A Go struct value (copied on assignment)."""

    def __init__(self, kind, fields=()):
        super().__init__(fields)
        self.kind = kind

    def copy(self):
        return Struct(self.kind, self)


class Spread:
    """The last argument of f(a, b...)."""

    def __init__(self, value):
        self.value = value


def is_opaque(v):
    return isinstance(v, Opaque)


def opaque():
    return OPAQUE


def key(k):
    return tuple(k) if isinstance(k, list) else k


def binary(op, a, b):
    if op == "+" and isinstance(a, bytes) and isinstance(b, bytes):
        return a + b
    if op == "/" and isinstance(a, int) and isinstance(b, int):
        return int(a / b)
    if op == "%" and isinstance(a, int) and isinstance(b, int):
        return a - b * int(a / b)
    ops = {"+": lambda: a + b, "-": lambda: a - b, "*": lambda: a * b, "/": lambda: a / b,
           "==": lambda: a == b, "!=": lambda: a != b, "<": lambda: a < b, "<=": lambda: a <= b,
           ">": lambda: a > b, ">=": lambda: a >= b, "&": lambda: a & b, "|": lambda: a | b,
           "^": lambda: a ^ b, "<<": lambda: a << b, ">>": lambda: a >> b, "&^": lambda: a & ~b}
    if op not in ops:
        raise Unsupported(f"operator {op}")
    return ops[op]()


# types
BASIC = {"string": b"", "int": 0, "int64": 0, "int32": 0, "uint": 0, "uint8": 0, "byte": 0, "rune": 0,
         "float64": 0.0, "bool": False, "error": None}


class Type:
    def __init__(self, ast, lookup):
        self.ast, self.lookup = ast, lookup

    def underlying(self):
        t = self.ast
        seen = 0
        while t[0] == "tname" and t[1] not in BASIC and seen < 20:
            named = self.lookup(t[1])
            if named is None:
                return t
            t = named.ast
            seen += 1
        return t

    def sub(self, ast):
        return Type(ast, self.lookup)

    def convert(self, v):
        t = self.underlying()
        if is_opaque(v):
            return v
        if t == ("tname", "string"):
            return bytes([v]) if isinstance(v, int) and v < 128 else (
                chr(v).encode() if isinstance(v, int) else v)
        if t == ("slice", ("tname", "byte")):
            return v
        if t[0] == "tname" and t[1] in ("int", "int64", "int32", "uint", "uint8", "byte", "rune"):
            return int(v)
        return v

    def zero(self):
        t = self.underlying()
        if t[0] == "tname":
            return BASIC.get(t[1])
        if t[0] == "struct":
            return Struct(self.ast[1] if self.ast[0] == "tname" else "struct",
                          {n: self.sub(ft).zero() for n, ft in t[1]})
        if t[0] == "array":
            raise Unsupported("an array value")
        return None

    def composite(self, elements, value):
        """A composite literal of this type; value(expr, element type) evaluates an element."""
        t = self.underlying()
        if t[0] in ("slice", "array"):
            elem = self.sub(t[-1])
            return [value(v, elem) for k, v in elements]
        if t[0] == "map":
            kt, vt = self.sub(t[1]), self.sub(t[2])
            return {key(value(k, kt)): value(v, vt) for k, v in elements}
        if t[0] == "struct":
            s = self.zero()
            types = dict(t[1])
            names = [n for n, _ in t[1]]
            for i, (k, v) in enumerate(elements):
                field = k[1] if k is not None else names[i]
                s[field] = value(v, self.sub(types[field]))
            return s
        if t[0] == "ptr":
            return self.sub(t[1]).composite(elements, value)
        if t[0] == "tname" and t[1] in OPTIONS_TYPES:
            s = make_options()
            for k, v in elements:
                s[k[1]] = value(v, None)
            return s
        raise Unsupported(f"a composite literal of type {t[1] if t[0] == 'tname' else t[0]}")


def zero(typ_ast, lookup=lambda n: None):
    return Type(typ_ast, lookup).zero() if typ_ast else None


OPTIONS_TYPES = {"Options", "krusty.Options"}


def make_options(plugins=False):
    # krusty.MakeDefaultOptions (api/krusty/options.go) with the harness's plugin config
    return Struct("Options", {"Reorder": b"none", "AddManagedbyLabel": False,
                              "LoadRestrictions": b"LoadRestrictionsRootOnly",
                              "PluginConfig": PluginConfig(plugins)})


class PluginConfig:
    def __init__(self, enabled):
        self.enabled = enabled
