"""The expressions and types of the Go subset goparse.py reads (with the token helpers the
statement parser shares), as tuples (kind, ...)."""
from golex import ParseError, tokens

BINARY = {"||": 1, "&&": 2, "==": 3, "!=": 3, "<": 3, "<=": 3, ">": 3, ">=": 3,
          "+": 4, "-": 4, "|": 4, "^": 4, "*": 5, "/": 5, "%": 5, "<<": 5, ">>": 5, "&": 5, "&^": 5}


class ExprParser:
    def __init__(self, src):
        self.toks = tokens(src)
        self.i = 0
        self.no_lit = 0  # > 0 in if/for/switch headers, where `{` opens the block (Go's exprLev)

    # tokens
    def peek(self, k=0):
        return self.toks[self.i + k]

    def at(self, value):
        return self.peek()[1] == value and self.peek()[0] in ("op", "kw")

    def next(self):
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def expect(self, value):
        tok = self.next()
        if tok[1] != value:
            raise ParseError(f"line {tok[2]}: expected {value!r}, found {tok[1]!r}")
        return tok

    def accept(self, value):
        if self.at(value):
            self.i += 1
            return True
        return False

    def ident(self):
        tok = self.next()
        if tok[0] != "ident":
            raise ParseError(f"line {tok[2]}: expected a name, found {tok[1]!r}")
        return tok[1]

    def skip_semis(self):
        while self.accept(";"):
            pass

    # types
    def type(self):
        tok = self.peek()
        if tok[0] == "ident":
            name = self.ident()
            if self.accept("."):
                name += "." + self.ident()
            return ("tname", name)
        if self.accept("*"):
            return ("ptr", self.type())
        if self.accept("("):
            t = self.type()
            self.expect(")")
            return t
        if self.accept("["):
            if self.accept("]"):
                return ("slice", self.type())
            n = None if self.accept("...") else self.expr()
            self.expect("]")
            return ("array", n, self.type())
        if self.accept("map"):
            self.expect("[")
            k = self.type()
            self.expect("]")
            return ("map", k, self.type())
        if self.accept("chan"):
            self.accept("<-")
            return ("chan", self.type())
        if self.at("<-"):
            self.next()
            self.expect("chan")
            return ("chan", self.type())
        if self.accept("func"):
            return ("functype",) + self.signature()
        if self.accept("struct"):
            self.expect("{")
            fields = []
            while not self.accept("}"):
                self.skip_semis()
                if self.accept("}"):
                    break
                names = [self.ident()]
                if self.at(";") or self.at("}") or self.at("."):  # embedded field
                    if self.accept("."):
                        names = [self.ident()]
                    fields.append((names[0], ("tname", names[0])))
                    continue
                while self.accept(","):
                    names.append(self.ident())
                t = self.type()
                if self.peek()[0] == "string":
                    self.next()  # tag
                fields.extend((n, t) for n in names)
            return ("struct", fields)
        if self.accept("interface"):
            depth = 0
            self.expect("{")
            while not (depth == 0 and self.at("}")):
                depth += {"{": 1, "}": -1}.get(self.next()[1], 0)
            self.next()
            return ("tname", "interface{}")
        raise ParseError(f"line {tok[2]}: expected a type, found {tok[1]!r}")

    def signature(self):
        params = self.params()
        if self.at("("):
            results = self.params()
        elif self.at("{") or self.at(";") or self.at(")") or self.at(",") or self.at("]") or self.at("}"):
            results = []
        else:
            results = [(None, self.type())]
        return params, results

    def params(self):
        """[(name or None, type)]; `a, b string` gives both names the type."""
        self.expect("(")
        items = []
        while not self.accept(")"):
            variadic = self.accept("...")
            first = self.type()
            if not self.at(",") and not self.at(")"):
                variadic = self.accept("...")
                t = self.type()
                items.append([first[1], ("variadic", t) if variadic else t])
            else:
                items.append([None, ("variadic", first) if variadic else first])
            self.accept(",")
        if any(name for name, _ in items):
            pending = []
            for item in items:
                if item[0] is None:
                    pending.append(item)
                else:
                    for p in pending:
                        p[0], p[1] = p[1][1], item[1]
                    pending = []
        return [tuple(x) for x in items]

    # expressions
    def expr_list(self):
        out = [self.expr()]
        while self.accept(","):
            out.append(self.expr())
        return out

    def expr(self, prec=1):
        left = self.unary()
        while True:
            tok = self.peek()
            p = BINARY.get(tok[1]) if tok[0] == "op" else None
            if p is None or p < prec:
                return left
            self.next()
            left = ("binary", tok[1], left, self.expr(p + 1))

    def unary(self):
        tok = self.peek()
        if tok[0] == "op" and tok[1] in ("+", "-", "!", "^", "*", "&", "<-"):
            self.next()
            return ("unary", tok[1], self.unary())
        return self.primary()

    def primary(self):
        x = self.operand()
        while True:
            if self.accept("."):
                if self.accept("("):
                    t = self.type() if not self.at("type") else self.next()
                    self.expect(")")
                    x = ("assert", x, t)
                else:
                    x = ("sel", x, self.ident())
            elif self.accept("["):
                self.no_lit, saved = 0, self.no_lit
                lo = None if self.at(":") else self.expr()
                if self.accept(":"):
                    hi = None if self.at("]") else self.expr()
                    x = ("slice", x, lo, hi)
                else:
                    x = ("index", x, lo)
                self.no_lit = saved
                self.expect("]")
            elif self.at("("):
                self.next()
                self.no_lit, saved = 0, self.no_lit
                args, spread = [], False
                while not self.accept(")"):
                    args.append(self.type_or_expr())
                    spread = self.accept("...")
                    self.accept(",")
                self.no_lit = saved
                x = ("call", x, args, spread)
            elif self.at("{") and (x[0] == "type" or self.no_lit == 0 and x[0] in ("name", "sel")):
                x = ("composite", x, self.elements())
            else:
                return x

    def type_or_expr(self):
        if self.at("[") or self.at("map") or self.at("chan") or self.at("struct") or self.at("interface"):
            return self.primary()
        return self.expr()

    def elements(self):
        self.expect("{")
        saved, self.no_lit = self.no_lit, 0
        out = []
        while not self.accept("}"):
            self.skip_semis()
            if self.accept("}"):
                break
            value = self.element()
            if self.accept(":"):
                out.append((value, self.element()))
            else:
                out.append((None, value))
            self.accept(",")
            self.skip_semis()
        self.no_lit = saved
        return out

    def element(self):
        if self.at("{"):
            return ("composite", None, self.elements())
        return self.expr()

    def operand(self):
        tok = self.peek()
        if tok[0] in ("int", "float", "string", "rune"):
            self.next()
            return (tok[0], tok[1])
        if tok[0] == "ident":
            self.next()
            return ("name", tok[1])
        if self.accept("("):
            self.no_lit, saved = 0, self.no_lit
            x = self.type_or_expr()
            self.no_lit = saved
            self.expect(")")
            return x
        if self.at("func"):
            self.next()
            params, results = self.signature()
            if self.at("{"):
                return ("funclit", params, results, self.block())
            return ("type", ("functype", params, results))
        if self.at("[") or self.at("map") or self.at("struct") or self.at("chan") or self.at("interface"):
            return ("type", self.type())
        raise ParseError(f"line {tok[2]}: unexpected {tok[1]!r}")
