"""Runs a krusty test function parsed by goparse.py the way `go test` would, as far as the trees are
concerned: kustomize's test harness (kusttest_test) is replaced by one that records, at each
th.Run/RunWithErr, the files written so far and the build options. What a build returns is Opaque:
the checks made on it are not run; a branch or loop that depends on it is run only to see that it
writes nothing (else the test is Unreadable). Anything else not understood is Unreadable too, with a
reason: a tree is never guessed."""
import golib
from gostmt import (OPAQUE, Closure, Opaque, Return, Scope, Statements, Stop, Unreadable,  # noqa: F401
                    copied, opaque_in)


class Interpreter(Statements):
    def __init__(self, package):
        """package: golib.Package (its functions and package-level values)."""
        self.package = package
        self.trees = []  # golib.Tree, in the order the test builds them
        self.speculative = 0
        self.defers = []  # per running function: the calls deferred

    # running a test
    def run_test(self, name):
        fn = self.package.lookup(name, self)
        try:
            self.call(fn, [golib.TestingT()])
        except Stop:
            pass

    # expressions
    def expr(self, e, scope):
        return getattr(self, "e_" + e[0])(e, scope)

    def e_int(self, e, scope):
        return e[1]

    e_float = e_int

    def e_string(self, e, scope):
        return e[1]

    def e_rune(self, e, scope):
        return ord(e[1])

    def e_name(self, e, scope):
        owner = scope.find(e[1])
        if owner is not None:
            return owner.vars[e[1]]
        return self.package.lookup(e[1], self)

    def e_type(self, e, scope):
        return golib.Type(e[1], self.types_in(scope))

    def e_funclit(self, e, scope):
        return Closure("func literal", e[1], e[2], e[3], scope)

    def e_sel(self, e, scope):
        if e[1][0] == "name" and scope.find(e[1][1]) is None and e[1][1] in self.package.imports:
            return golib.package_member(e[1][1], e[2])
        obj = self.expr(e[1], scope)
        return golib.select(obj, e[2])

    def e_index(self, e, scope):
        obj, k = self.expr(e[1], scope), self.expr(e[2], scope)
        if isinstance(obj, Opaque) or isinstance(k, Opaque):
            return OPAQUE
        if isinstance(obj, bytes):
            return obj[k]
        return obj[golib.key(k)] if isinstance(obj, dict) else obj[k]

    def e_slice(self, e, scope):
        obj = self.expr(e[1], scope)
        lo = self.expr(e[2], scope) if e[2] else None
        hi = self.expr(e[3], scope) if e[3] else None
        if opaque_in([obj, lo, hi]):
            return OPAQUE
        return obj[lo:hi]

    def e_assert(self, e, scope):
        v = self.expr(e[1], scope)
        return OPAQUE if isinstance(v, Opaque) else v

    def e_unary(self, e, scope):
        v = self.expr(e[2], scope)
        if isinstance(v, Opaque):
            return OPAQUE
        return {"-": lambda: -v, "+": lambda: v, "!": lambda: not v, "&": lambda: v, "*": lambda: v,
                "^": lambda: ~v}[e[1]]()

    def e_binary(self, e, scope):
        op = e[1]
        left = self.expr(e[2], scope)
        if op in ("&&", "||") and not isinstance(left, Opaque):
            if (op == "&&") != bool(left):
                return left
            return self.expr(e[3], scope)
        right = self.expr(e[3], scope)
        if opaque_in([left, right]):
            return OPAQUE
        return golib.binary(op, left, right)

    def e_composite(self, e, scope, typ=None):
        t = self.expr(e[1], scope) if e[1] else typ
        if not isinstance(t, golib.Type):
            raise golib.Unsupported(f"a composite literal of {e[1]}")
        return t.composite(e[2], lambda x, tt: self.e_composite(x, scope, tt)
                           if x[0] == "composite" and x[1] is None else self.expr(x, scope))

    def e_call(self, e, scope):
        _, fn_e, args_e, spread = e
        fn = self.expr(fn_e, scope)
        if isinstance(fn, golib.Type):
            v = self.expr(args_e[0], scope)
            return fn.convert(v)
        args = [self.expr(a, scope) for a in args_e]
        if len(args) == 1 and isinstance(args[0], tuple):
            args = list(args[0])
        if spread:
            args = args[:-1] + [golib.Spread(args[-1])]
        return self.call(fn, args)

    def call(self, fn, args):
        if isinstance(fn, Opaque):
            if any(isinstance(a, golib.Harness) for a in args):
                raise golib.Unsupported("gives the harness to another package's function")
            return OPAQUE
        if isinstance(fn, Closure):
            if opaque_in(args) and not any(isinstance(a, golib.Harness) for a in args):
                if fn.name == "func literal":  # it may write through a harness it captured
                    self.speculate(lambda sc: self.call_closure(fn, args, speculative=True), fn.scope)
                return OPAQUE  # a check helper given a build result (findSecret(m, ...))
            return self.call_closure(fn, args)
        if callable(fn):
            if isinstance(fn, golib.HarnessMethod) and self.speculative and fn.writes:
                raise Unreadable(f"th.{fn.name} depending on a build result")
            return fn(self, args)
        raise golib.Unsupported(f"calls a {type(fn).__name__}")

    def call_closure(self, fn, args, speculative=False):
        scope = Scope(fn.scope, speculative=speculative)
        args = [copied(a) for a in args]
        params = fn.params
        if params and params[-1][1][0] == "variadic":
            fixed = len(params) - 1
            rest = args[fixed:]
            args = args[:fixed] + [rest[0].value if len(rest) == 1 and isinstance(rest[0], golib.Spread) else rest]
        for (name, _), value in zip(params, args):
            if name:
                scope.vars[name] = value
        named = [(n, t) for n, t in fn.results if n]
        for n, t in named:
            scope.vars[n] = golib.zero(t, self.package.lookup_type)
        self.defers.append([])
        try:
            self.block(fn.body[1], scope)
        except Return as r:
            values = r.values or [scope.vars[n] for n, _ in named]
            return values[0] if len(values) == 1 else tuple(values)
        finally:
            for f, a in reversed(self.defers.pop()):
                self.call(f, a)
        if named:
            values = [scope.vars[n] for n, _ in named]
            return values[0] if len(values) == 1 else tuple(values)
        return None
