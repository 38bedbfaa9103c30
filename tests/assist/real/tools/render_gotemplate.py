#!/usr/bin/env python3
"""Renders a docker-jitsi-meet web template (Go text/template with the sprig
functions the templates use) with the environment given as NAME=VALUE
arguments; every variable not given is unset, so each template's own
`default` applies. Only the subset of the template language the templates
use is supported (if/else/end, variables, pipelines, default, toBool, not,
and, or, printf, ternary, compact, splitList, split, join, trimPrefix,
trimSuffix); anything else fails with the template's line.

usage: render_gotemplate.py TEMPLATE [NAME=VALUE ...] > out.js
"""
import re
import sys

ACTION = re.compile(r"\{\{(-?)\s*(.*?)\s*(-?)\}\}", re.S)


class TemplateError(Exception):
    pass


def tokenize(text):
    parts, pos = [], 0
    for m in ACTION.finditer(text):
        parts.append(("text", text[pos:m.start()]))
        parts.append(("action", m.group(2), m.group(1) == "-", m.group(3) == "-", text.count("\n", 0, m.start()) + 1))
        pos = m.end()
    parts.append(("text", text[pos:]))
    # Trim markers remove the whitespace next to the action.
    for i, p in enumerate(parts):
        if p[0] != "action":
            continue
        if p[2] and i > 0:
            parts[i - 1] = ("text", parts[i - 1][1].rstrip(" \t\r\n"))
        if p[3] and i + 1 < len(parts):
            parts[i + 1] = ("text", parts[i + 1][1].lstrip(" \t\r\n"))
    return parts


EXPR_TOKEN = re.compile(r'\s*("(?:[^"\\]|\\.)*"|`[^`]*`|\(|\)|\||:=|\$[A-Za-z_0-9]*|\.[A-Za-z_0-9.]+|[A-Za-z_][A-Za-z_0-9]*|-?[0-9]+)')


def lex(expr, line):
    tokens, pos = [], 0
    expr = expr.rstrip()
    while pos < len(expr):
        m = EXPR_TOKEN.match(expr, pos)
        if not m:
            raise TemplateError(f"line {line}: cannot read `{expr[pos:]}`")
        tokens.append(m.group(1))
        pos = m.end()
    return tokens


def truthy(v):
    return bool(v) and v != "false" if isinstance(v, str) else bool(v)


def to_bool(v):
    if isinstance(v, bool):
        return v
    return str(v).strip().lower() in ("1", "t", "true", "yes", "y", "on")


def go_string(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list):
        return "[" + " ".join(go_string(x) for x in v) + "]"
    return str(v)


def unquote(tok):
    if tok.startswith("`"):
        return tok[1:-1]
    return bytes(tok[1:-1], "utf-8").decode("unicode_escape")


def empty(v):
    return v is None or v == "" or v is False or v == [] or v == 0


FUNCS = {
    "default": lambda d, v=None: d if empty(v) else v,
    "toBool": lambda v: to_bool(v),
    "not": lambda v: not truthy(v),
    "and": lambda *a: next((x for x in a if not truthy(x)), a[-1]),
    "or": lambda *a: next((x for x in a if truthy(x)), a[-1]),
    "printf": lambda f, *a: f.replace("%t", "{}").replace("%s", "{}").replace("%d", "{}").format(*[go_string(x) for x in a]),
    "ternary": lambda a, b, c: a if truthy(c) else b,
    "compact": lambda l: [x for x in l if not empty(x)],
    "splitList": lambda sep, s: str(s).split(sep),
    "split": lambda sep, s: {f"_{i}": x for i, x in enumerate(str(s).split(sep))},
    "join": lambda sep, l: sep.join(go_string(x) for x in l),
    "trimPrefix": lambda p, s: s[len(p):] if str(s).startswith(p) else s,
    "trimSuffix": lambda p, s: s[: -len(p)] if p and str(s).endswith(p) else s,
}


class Renderer:
    def __init__(self, env):
        self.env = env
        self.vars = {}

    def operand(self, tokens, i, line):
        tok = tokens[i]
        if tok == "(":
            value, i = self.pipeline(tokens, i + 1, line, stop=")")
            i += 1  # ')'
            if i < len(tokens) and tokens[i].startswith("."):
                for field in tokens[i][1:].split("."):
                    value = value.get(field, "") if isinstance(value, dict) else ""
                i += 1
            return value, i
        if tok.startswith('"') or tok.startswith("`"):
            return unquote(tok), i + 1
        if re.fullmatch(r"-?[0-9]+", tok):
            return int(tok), i + 1
        if tok.startswith("$"):
            if tok not in self.vars:
                raise TemplateError(f"line {line}: undefined variable {tok}")
            return self.vars[tok], i + 1
        if tok.startswith(".Env."):
            return self.env.get(tok[5:], None), i + 1
        if tok in ("true", "false"):
            return tok == "true", i + 1
        raise TemplateError(f"line {line}: unexpected `{tok}`")

    def command(self, tokens, i, line, piped, stop):
        if tokens[i] in FUNCS:
            name = tokens[i]
            i += 1
            args = []
            while i < len(tokens) and tokens[i] not in ("|", stop):
                v, i = self.operand(tokens, i, line)
                args.append(v)
            if piped is not None:
                args.append(piped[0])
            return FUNCS[name](*args), i
        if tokens[i] not in FUNCS and re.fullmatch(r"[A-Za-z_][A-Za-z_0-9]*", tokens[i]) and tokens[i] not in ("true", "false"):
            raise TemplateError(f"line {line}: unknown function {tokens[i]}")
        v, i = self.operand(tokens, i, line)
        return v, i

    def pipeline(self, tokens, i, line, stop=None):
        value, i = self.command(tokens, i, line, None, stop)
        while i < len(tokens) and tokens[i] == "|":
            value, i = self.command(tokens, i + 1, line, (value,), stop)
        return value, i

    def evaluate(self, expr, line):
        tokens = lex(expr, line)
        value, i = self.pipeline(tokens, 0, line)
        if i != len(tokens):
            raise TemplateError(f"line {line}: trailing `{' '.join(tokens[i:])}`")
        return value

    def render(self, parts):
        out, stack = [], []  # stack of [active, taken]
        active = lambda: all(s[0] for s in stack)
        for p in parts:
            if p[0] == "text":
                if active():
                    out.append(p[1])
                continue
            expr, line = p[1], p[4]
            if expr.startswith("/*"):
                continue
            if expr.startswith("if "):
                cond = truthy(self.evaluate(expr[3:], line)) if active() else False
                stack.append([cond, cond])
            elif expr.startswith("else if "):
                s = stack[-1]
                parent = all(x[0] for x in stack[:-1])
                cond = (not s[1]) and parent and truthy(self.evaluate(expr[8:], line))
                s[0], s[1] = cond, s[1] or cond
            elif expr == "else":
                s = stack[-1]
                s[0], s[1] = not s[1], True
            elif expr == "end":
                stack.pop()
            elif re.match(r"\$[A-Za-z_0-9]+\s*:?=", expr):
                name, rhs = re.split(r"\s*:?=\s*", expr, maxsplit=1)
                if active():
                    self.vars[name] = self.evaluate(rhs, line)
                elif name not in self.vars:
                    self.vars[name] = ""
            elif active():
                out.append(go_string(self.evaluate(expr, line)))
        if stack:
            raise TemplateError("unclosed if")
        return "".join(out)


def main():
    template = open(sys.argv[1], encoding="utf-8").read()
    env = dict(a.split("=", 1) for a in sys.argv[2:])
    try:
        sys.stdout.write(Renderer(env).render(tokenize(template)))
    except TemplateError as e:
        sys.exit(f"{sys.argv[1]}: {e}")


if __name__ == "__main__":
    main()
