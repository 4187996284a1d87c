"""A parser for the part of Go that kustomize's krusty tests are written in: declarations, statements,
expressions, composite literals and types, as tuples (kind, ...). It reads syntax only; goeval.py
gives it meaning."""
from golex import ParseError, tokens  # noqa: F401  (ParseError is raised to the callers)


BINARY = {"||": 1, "&&": 2, "==": 3, "!=": 3, "<": 3, "<=": 3, ">": 3, ">=": 3,
          "+": 4, "-": 4, "|": 4, "^": 4, "*": 5, "/": 5, "%": 5, "<<": 5, ">>": 5, "&": 5, "&^": 5}
ASSIGN = {"=", ":=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "&^="}


class Parser:
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

    # files
    def file(self):
        """(package name, [declarations]) with ('func', name, params, results, body) for functions
        (methods are dropped), ('value', name, expr, type, index) for consts and vars, ('type', name, type)
        and ('import', name) for the name an import is known by."""
        self.skip_semis()
        self.expect("package")
        pkg = self.ident()
        decls = []
        while True:
            self.skip_semis()
            if self.peek()[0] == "eof":
                return pkg, decls
            if self.accept("import"):
                decls.extend(("import", name) for name in self.group(self.import_spec))
            elif self.accept("func"):
                if self.at("("):
                    self.params()  # receiver: a method, not needed by the tests' helpers
                    self.ident()
                    self.signature()
                    self.block() if self.at("{") else None
                    continue
                name = self.ident()
                params, results = self.signature()
                decls.append(("func", name, params, results, self.block() if self.at("{") else None))
            elif self.peek()[1] in ("var", "const"):
                decls.extend(self.value_decl())
            elif self.accept("type"):
                decls.extend(("type", name, t) for name, t in self.group(self.type_spec))
            else:
                raise ParseError(f"line {self.peek()[2]}: unexpected {self.peek()[1]!r}")

    def import_spec(self):
        alias = self.next()[1] if self.peek()[0] == "ident" or self.at(".") else None
        path = self.next()[1].decode()
        if alias == ".":
            return "." + path
        return alias or path.rsplit("/", 1)[-1]

    def group(self, one):
        if self.accept("("):
            out = []
            while not self.accept(")"):
                self.skip_semis()
                if self.accept(")"):
                    break
                out.append(one())
            return out
        return [one()]

    def type_spec(self):
        name = self.ident()
        self.accept("=")
        return name, self.type()

    def value_decl(self):
        """var/const declarations as ('value', name, expr or None, type, iota index)."""
        const = self.next()[1] == "const"
        out, previous = [], None
        specs = []

        def spec():
            names = [self.ident()]
            while self.accept(","):
                names.append(self.ident())
            typ = None if self.at("=") or self.at(";") or self.at(")") else self.type()
            values = self.expr_list() if self.accept("=") else None
            specs.append((names, typ, values))

        self.group(spec)
        for index, (names, typ, values) in enumerate(specs):
            if values is None and const:
                values, typ = previous  # Go repeats the last expression list in a const group
            previous = (values, typ)
            for k, name in enumerate(names):
                out.append(("value", name, values[k] if values else None, typ, index))
        return out

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

    # statements
    def block(self):
        self.expect("{")
        saved, self.no_lit = self.no_lit, 0
        stmts = self.stmt_list()
        self.no_lit = saved
        self.expect("}")
        return ("block", stmts)

    def stmt_list(self):
        out = []
        while True:
            self.skip_semis()
            if self.at("}") or self.at("case") or self.at("default") or self.peek()[0] == "eof":
                return out
            out.append(self.stmt())

    def stmt(self):
        tok = self.peek()
        line = tok[2]
        if tok[0] == "kw":
            word = tok[1]
            if word in ("var", "const"):
                return ("decl", line, self.value_decl())
            if word == "type":
                self.next()
                return ("typedecl", line, self.group(self.type_spec))
            if word == "if":
                return self.if_stmt()
            if word == "for":
                return self.for_stmt()
            if word == "switch":
                return self.switch_stmt()
            if word == "return":
                self.next()
                values = [] if self.at(";") or self.at("}") else self.expr_list()
                return ("return", line, values)
            if word in ("break", "continue"):
                self.next()
                label = self.ident() if self.peek()[0] == "ident" else None
                return (word, line, label)
            if word in ("defer", "go"):
                self.next()
                return (word, line, self.expr())
            if word == "fallthrough":
                self.next()
                return ("fallthrough", line)
        if tok[1] == "{" and tok[0] == "op":
            return ("blockstmt", line, self.block())
        if tok[0] == "ident" and self.peek(1)[1] == ":" and self.peek(1)[0] == "op":
            self.next()
            self.next()
            return ("label", line, tok[1])
        return self.simple_stmt()

    def simple_stmt(self):
        line = self.peek()[2]
        lhs = self.expr_list()
        tok = self.peek()
        if tok[0] == "op" and tok[1] in ASSIGN:
            self.next()
            if self.at("range"):
                self.next()
                return ("range", line, lhs, tok[1], self.expr())
            return ("assign", line, lhs, tok[1], self.expr_list())
        if tok[1] in ("++", "--"):
            self.next()
            return ("assign", line, lhs, "+=" if tok[1] == "++" else "-=", [("int", 1)])
        if len(lhs) != 1:
            raise ParseError(f"line {line}: expression list as a statement")
        return ("expr", line, lhs[0])

    def header(self, parse):
        self.no_lit += 1
        try:
            return parse()
        finally:
            self.no_lit -= 1

    def if_stmt(self):
        line = self.expect("if")[2]

        def head():
            init = None if self.at(";") else self.simple_stmt()
            if self.accept(";"):
                return init, self.expr()
            return None, init[2]

        init, cond = self.header(head)
        body = self.block()
        other = None
        if self.accept("else"):
            other = self.if_stmt() if self.at("if") else ("blockstmt", line, self.block())
        return ("if", line, init, cond, body, other)

    def for_stmt(self):
        line = self.expect("for")[2]
        if self.at("{"):
            return ("for", line, None, None, None, self.block())
        if self.at("range"):
            self.next()
            x = self.header(self.expr)
            return ("range", line, [], ":=", x, self.block())

        def head():
            init = None if self.at(";") else self.simple_stmt()
            if init and init[0] == "range":
                return init
            if not self.accept(";"):
                return ("for", line, None, init[2], None)
            cond = None if self.at(";") else self.expr()
            self.expect(";")
            post = None if self.at("{") else self.simple_stmt()
            return ("for", line, init, cond, post)

        h = self.header(head)
        return h + (self.block(),)

    def switch_stmt(self):
        line = self.expect("switch")[2]

        def head():
            if self.at("{"):
                return None, None
            init = None if self.at(";") else self.simple_stmt()
            if self.accept(";"):
                return init, None if self.at("{") else self.simple_stmt()[2]
            return None, init[2]

        init, tag = self.header(head)
        self.expect("{")
        clauses = []
        while not self.accept("}"):
            self.skip_semis()
            if self.accept("}"):
                break
            values = None if self.accept("default") else (self.next(), self.expr_list())[1]
            self.expect(":")
            clauses.append((values, self.stmt_list()))
        return ("switch", line, init, tag, clauses)

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
