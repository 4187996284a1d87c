"""A parser for the part of Go that kustomize's krusty tests are written in: declarations and
statements here, expressions and types in goexpr.py, as tuples (kind, ...). It reads syntax only;
goeval.py gives it meaning."""
from golex import ParseError
from goexpr import ExprParser

ASSIGN = {"=", ":=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "&^="}


class Parser(ExprParser):
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
