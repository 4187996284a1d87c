"""The statements of the Go subset goeval.py runs (if, for, range, switch, assignments, defer),
with the scopes and the rule for code that depends on a build result: it runs only to see that it
changes nothing (speculate), else the test is Unreadable."""
import golib


class Unreadable(Exception):
    pass


class Return(Exception):
    def __init__(self, values):
        self.values = values


class Break(Exception):
    pass


class Continue(Exception):
    pass


Stop, Opaque, OPAQUE, Struct = golib.Stop, golib.Opaque, golib.OPAQUE, golib.Struct


class Closure:
    def __init__(self, name, params, results, body, scope):
        self.name, self.params, self.results, self.body, self.scope = name, params, results, body, scope


class Scope:
    def __init__(self, parent=None, speculative=False):
        self.vars, self.parent, self.speculative = {}, parent, speculative

    def find(self, name):
        s = self
        while s is not None:
            if name in s.vars:
                return s
            s = s.parent
        return None


def copied(v):
    return v.copy() if isinstance(v, Struct) else v


def opaque_in(values):
    return any(isinstance(v, Opaque) for v in values)


class Statements:
    """Mixed into goeval.Interpreter, which evaluates the expressions (self.expr, self.call)."""

    def block(self, stmts, scope):
        for s in stmts:
            self.stmt(s, scope)

    def stmt(self, s, scope):
        kind = s[0]
        try:
            getattr(self, "s_" + kind)(s, scope)
        except (Unreadable, Stop, Return, Break, Continue):
            raise
        except golib.Unsupported as e:
            raise Unreadable(f"line {s[1]}: {e}") from None
        except (TypeError, KeyError, IndexError, ValueError, AttributeError) as e:
            raise Unreadable(f"line {s[1]}: cannot evaluate ({type(e).__name__}: {e})") from None

    def s_empty(self, s, scope):
        pass

    def s_label(self, s, scope):
        pass

    def s_typedecl(self, s, scope):
        for name, t in s[2]:
            scope.vars[name] = golib.Type(t, self.types_in(scope))

    def types_in(self, scope):
        def lookup(name):
            owner = scope.find(name)
            if owner is not None and isinstance(owner.vars[name], golib.Type):
                return owner.vars[name]
            return self.package.lookup_type(name)
        return lookup

    def s_expr(self, s, scope):
        self.expr(s[2], scope)

    def s_decl(self, s, scope):
        for _, name, value, typ, _ in s[2]:
            v = self.expr(value, scope) if value is not None else golib.zero(typ, self.package.lookup_type)
            scope.vars[name] = copied(v)

    def s_blockstmt(self, s, scope):
        self.block(s[2][1], Scope(scope))

    def s_return(self, s, scope):
        values = [self.expr(e, scope) for e in s[2]]
        if len(values) == 1 and isinstance(values[0], tuple):
            values = list(values[0])
        raise Return(values)

    def s_break(self, s, scope):
        raise Break()

    def s_continue(self, s, scope):
        raise Continue()

    def s_defer(self, s, scope):
        call = s[2]
        if call[0] != "call" or call[3]:
            raise Unreadable(f"line {s[1]}: defer of {call[0]}")
        fn = self.expr(call[1], scope)
        args = [self.expr(a, scope) for a in call[2]]
        self.defers[-1].append((fn, args))

    def s_go(self, s, scope):
        raise Unreadable(f"line {s[1]}: a goroutine")

    def s_assign(self, s, scope):
        _, line, lhs, op, rhs = s
        values = [self.expr(e, scope) for e in rhs]
        if len(values) == 1 and isinstance(values[0], tuple):
            values = list(values[0])
        if len(values) == 1 and len(lhs) == 2 and isinstance(values[0], Opaque):
            values = [OPAQUE, OPAQUE]  # v, ok := m[k] and the like on a build result
        if len(values) != len(lhs):
            raise Unreadable(f"line {line}: {len(lhs)} = {len(values)} values")
        for target, value in zip(lhs, values):
            if op not in ("=", ":="):
                value = golib.binary(op[:-1], self.expr(target, scope), value)
            self.store(target, copied(value), scope, op == ":=", line)

    def store(self, target, value, scope, define, line):
        if target[0] == "name":
            name = target[1]
            if name == "_":
                return
            owner = scope.find(name)
            if define and (owner is not scope):
                scope.vars[name] = value
                return
            if owner is None:
                raise Unreadable(f"line {line}: assigns to {name}, not a local variable")
            self.check_speculative(owner, scope, line, name)
            owner.vars[name] = value
        elif target[0] == "sel":
            obj = self.expr(target[1], scope)
            if isinstance(obj, Opaque):
                return
            self.check_speculative(self.root_scope(target, scope), scope, line, target[2])
            obj[target[2]] = value
        elif target[0] == "index":
            obj = self.expr(target[1], scope)
            self.check_speculative(self.root_scope(target, scope), scope, line, "an element")
            obj[golib.key(self.expr(target[2], scope))] = value
        else:
            raise Unreadable(f"line {line}: assignment to {target[0]}")

    def root_scope(self, target, scope):
        while target[0] in ("sel", "index"):
            target = target[1]
        return scope.find(target[1]) if target[0] == "name" else scope

    def check_speculative(self, owner, scope, line, what):
        """In a branch run only to see that it writes nothing, state outside it must not change."""
        if not self.speculative:
            return
        s = scope
        while s is not None and s is not owner:
            if s.speculative:
                raise Unreadable(f"line {line}: sets {what} depending on a build result")
            s = s.parent

    def s_if(self, s, scope):
        _, line, init, cond, body, other = s
        inner = Scope(scope)
        if init:
            self.stmt(init, inner)
        c = self.expr(cond, inner)
        if isinstance(c, Opaque):
            self.speculate(lambda sc: self.block(body[1], sc), inner)
            if other:
                self.speculate(lambda sc: self.stmt(other, sc), inner)
        elif c:
            self.block(body[1], Scope(inner))
        elif other:
            self.stmt(other, inner)

    def speculate(self, run, scope):
        """Runs a branch that depends on a build result: checks only, else Unreadable."""
        self.speculative += 1
        try:
            run(Scope(scope, speculative=True))
        except Stop:
            pass  # t.Fatal or t.Skip in a check: a passing run goes on past it
        except (Return, Break, Continue):
            # whether the rest of the test runs would depend on the build's result
            raise Unreadable("returns or leaves a loop depending on a build result") from None
        finally:
            self.speculative -= 1

    def s_for(self, s, scope):
        _, line, init, cond, post, body = s
        inner = Scope(scope)
        if init:
            self.stmt(init, inner)
        for _ in range(100000):
            if cond is not None:
                c = self.expr(cond, inner)
                if isinstance(c, Opaque):
                    raise Unreadable(f"line {line}: a loop condition on a build result")
                if not c:
                    return
            try:
                self.block(body[1], Scope(inner))
            except Break:
                return
            except Continue:
                pass
            if post:
                self.stmt(post, inner)
        raise Unreadable(f"line {line}: a loop that does not end")

    def s_range(self, s, scope):
        _, line, lhs, op, x, body = s
        coll = self.expr(x, scope)
        if isinstance(coll, Opaque):
            items = None
        elif isinstance(coll, dict) and not isinstance(coll, Struct):
            items = list(coll.items())
        elif isinstance(coll, (list, tuple)):
            items = list(enumerate(coll))
        elif isinstance(coll, int):
            items = [(i, None) for i in range(coll)]
        elif isinstance(coll, bytes):
            items = [(i, b) for i, b in enumerate(coll.decode("utf-8", "surrogateescape"))]
        else:
            raise Unreadable(f"line {line}: range over {type(coll).__name__}")

        def one(k, v, sc):
            for target, value in zip(lhs, (k, v)):
                self.store(target, value, sc, op == ":=", line)
            self.block(body[1], sc)

        if items is None:
            self.speculate(lambda sc: one(OPAQUE, OPAQUE, sc), scope)
            return
        for k, v in items:
            try:
                one(k, copied(v), Scope(scope))
            except Break:
                return
            except Continue:
                pass

    def s_switch(self, s, scope):
        _, line, init, tag, clauses = s
        inner = Scope(scope)
        if init:
            self.stmt(init, inner)
        t = self.expr(tag, inner) if tag is not None else True
        if isinstance(t, Opaque):
            for values, stmts in clauses:
                self.speculate(lambda sc, b=stmts: self.block(b, sc), inner)
            return
        chosen = None
        for values, stmts in clauses:
            if values is None:
                chosen = chosen if chosen is not None else None
                continue
            for v in values:
                got = self.expr(v, inner)
                if isinstance(got, Opaque):
                    raise Unreadable(f"line {line}: a switch case on a build result")
                if golib.binary("==", t, got):
                    chosen = stmts
                    break
            if chosen is not None:
                break
        if chosen is None:
            chosen = next((b for v, b in clauses if v is None), [])
        try:
            self.block(chosen, Scope(inner))
        except Break:
            pass
