"""Go's tokens, with its automatic semicolons, for goparse.py. Strings are kept as the bytes Go would
hold (UTF-8 text, \\x escapes as raw bytes)."""
import re


class ParseError(Exception):
    pass


KEYWORDS = {"break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for",
            "func", "go", "goto", "if", "import", "interface", "map", "package", "range", "return", "select",
            "struct", "switch", "type", "var"}
OPS = sorted("""<<= >>= &^= ... && || <- ++ -- == != <= >= := += -= *= /= %= &= |= ^= << >> &^
+ - * / % & | ^ < > = ! ( ) [ ] { } , ; . : ~""".split(), key=len, reverse=True)
SEMI_AFTER = {"ident", "int", "float", "string", "rune"}
SEMI_AFTER_TOK = {"break", "continue", "fallthrough", "return", "++", "--", ")", "]", "}"}
ESCAPES = {"n": b"\n", "t": b"\t", "r": b"\r", "a": b"\a", "b": b"\b", "f": b"\f", "v": b"\v",
           "\\": b"\\", '"': b'"', "'": b"'"}
NUMBER = re.compile(r"0[xX][0-9a-fA-F_]+|[0-9][0-9_]*(\.[0-9]*)?([eE][+-]?[0-9]+)?")


def unquote(body):
    """The bytes of an interpreted string literal's body."""
    out, i = bytearray(), 0
    while i < len(body):
        c = body[i]
        if c != "\\":
            out += c.encode()
            i += 1
            continue
        n = body[i + 1]
        if n in ESCAPES:
            out += ESCAPES[n]
            i += 2
        elif n == "x":
            out.append(int(body[i + 2:i + 4], 16))
            i += 4
        elif n in "uU":
            size = 4 if n == "u" else 8
            out += chr(int(body[i + 2:i + 2 + size], 16)).encode()
            i += 2 + size
        elif n in "01234567":
            out.append(int(body[i + 1:i + 4], 8))
            i += 4
        else:
            raise ParseError("unknown escape \\" + n)
    return bytes(out)


def tokens(src):
    """Go tokens (kind, value, line) with Go's automatic semicolons."""
    out, i, line = [], 0, 1

    def newline():
        if out and (out[-1][0] in SEMI_AFTER or out[-1][1] in SEMI_AFTER_TOK) and out[-1][1] != ";":
            out.append(("op", ";", line))

    while i < len(src):
        c = src[i]
        if c == "\n":
            newline()
            line += 1
            i += 1
        elif c in " \t\r":
            i += 1
        elif src.startswith("//", i):
            i = src.find("\n", i) if "\n" in src[i:] else len(src)
        elif src.startswith("/*", i):
            j = src.index("*/", i + 2)
            if "\n" in src[i:j]:
                newline()
                line += src[i:j].count("\n")
            i = j + 2
        elif c == "`":
            j = src.index("`", i + 1)
            out.append(("string", src[i + 1:j].replace("\r", "").encode(), line))
            line += src[i:j].count("\n")
            i = j + 1
        elif c == '"':
            j = i + 1
            while src[j] != '"':
                j += 2 if src[j] == "\\" else 1
            out.append(("string", unquote(src[i + 1:j]), line))
            i = j + 1
        elif c == "'":
            j = i + 1
            while src[j] != "'":
                j += 2 if src[j] == "\\" else 1
            body = src[i + 1:j]
            out.append(("rune", unquote(body).decode("utf-8", "surrogateescape") if "\\" in body else body, line))
            i = j + 1
        elif c.isalpha() or c == "_":
            m = re.compile(r"\w+").match(src, i)
            word = m.group(0)
            out.append(("kw" if word in KEYWORDS else "ident", word, line))
            i = m.end()
        elif c.isdigit() or (c == "." and i + 1 < len(src) and src[i + 1].isdigit()):
            m = NUMBER.match(src, i)
            text = m.group(0).replace("_", "")
            if m.group(1) or m.group(2):
                out.append(("float", float(text), line))
            else:  # Go: a leading 0 is octal
                out.append(("int", int(text, 8) if re.fullmatch(r"0[0-7]+", text) else int(text, 0), line))
            i = m.end()
        else:
            for op in OPS:
                if src.startswith(op, i):
                    out.append(("op", op, line))
                    i += len(op)
                    break
            else:
                raise ParseError(f"line {line}: unexpected {c!r}")
    newline()
    out.append(("eof", None, line))
    return out
