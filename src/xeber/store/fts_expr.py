"""The FTS5 query language of the Store protocol, parsed into a small tree for backends other than
SQLite, and FTS5's `unicode61` tokenization of the analyzed columns.

The PostgreSQL store evaluates the same expressions over the same tokens, so both backends match
the same documents. Supported: "phrase", "prefix"*, barewords, `{col col} :` and `col :` column
filters (on a phrase or a parenthesized group), AND, OR, NOT, implicit AND and parentheses, with
FTS5's precedence (NOT binds tightest, then AND, then OR).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from xeber.errors import QueryError

COLUMNS = ("title", "body", "lemmas")


def index_tokens(text: str) -> list[str]:
    """Tokens as FTS5's unicode61 tokenizer (remove_diacritics 0) makes them: runs of letters,
    digits and private-use characters, lower-cased; everything else separates."""
    out: list[str] = []
    start = -1
    for i, ch in enumerate(text):
        if ch.isalnum() or unicodedata.category(ch) == "Co":
            if start < 0:
                start = i
        elif start >= 0:
            out.append(text[start:i])
            start = -1
    if start >= 0:
        out.append(text[start:])
    return [t.lower() if t.isascii() else "".join(c.lower() if len(c.lower()) == 1 else c for c in t) for t in out]


@dataclass(frozen=True, slots=True)
class Phrase:
    terms: tuple[str, ...]  # consecutive tokens; empty matches nothing
    columns: tuple[str, ...]  # where it may match
    prefix: bool = False  # the last term matches as a prefix


@dataclass(frozen=True, slots=True)
class And:
    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Not:
    keep: Node
    drop: Node  # `keep NOT drop`


Node = Phrase | And | Or | Not

_LEX = re.compile(r'\s*(?:(?P<str>"(?:[^"]|"")*")|(?P<punct>[(){}:*+^-])|(?P<word>[^\s(){}:*+^"\-]+))')


def _lex(expr: str) -> list[tuple[str, str]]:
    tokens, pos = [], 0
    expr = expr.rstrip()
    while pos < len(expr):
        m = _LEX.match(expr, pos)
        if not m or m.end() == pos:
            raise QueryError(f"cannot parse search expression near {expr[pos:pos + 20]!r}")
        pos = m.end()
        if m.group("str") is not None:
            tokens.append(("str", m.group("str")[1:-1].replace('""', '"')))
        elif m.group("punct") is not None:
            tokens.append((m.group("punct"), m.group("punct")))
        else:
            word = m.group("word")
            tokens.append((word, word) if word in ("AND", "OR", "NOT") else ("word", word))
    return tokens


class _Parser:
    def __init__(self, expr: str):
        self.tokens = _lex(expr)
        self.i = 0

    def peek(self, k: int = 0) -> str | None:
        return self.tokens[self.i + k][0] if self.i + k < len(self.tokens) else None

    def take(self, kind: str) -> str:
        if self.peek() != kind:
            raise QueryError(f"malformed search expression: expected {kind!r}")
        self.i += 1
        return self.tokens[self.i - 1][1]

    def parse(self) -> Node:
        node = self.or_expr(COLUMNS)
        if self.peek() is not None:
            raise QueryError(f"malformed search expression: unexpected {self.tokens[self.i][1]!r}")
        return node

    def or_expr(self, cols: tuple[str, ...]) -> Node:
        items = [self.and_expr(cols)]
        while self.peek() == "OR":
            self.i += 1
            items.append(self.and_expr(cols))
        return items[0] if len(items) == 1 else Or(tuple(items))

    def and_expr(self, cols: tuple[str, ...]) -> Node:
        items = [self.not_expr(cols)]
        while self.peek() in ("AND", "str", "word", "(", "{"):
            if self.peek() == "AND":
                self.i += 1
            items.append(self.not_expr(cols))
        return items[0] if len(items) == 1 else And(tuple(items))

    def not_expr(self, cols: tuple[str, ...]) -> Node:
        node = self.primary(cols)
        while self.peek() == "NOT":
            self.i += 1
            node = Not(node, self.primary(cols))
        return node

    def colset(self, cols: tuple[str, ...]) -> tuple[str, ...]:
        """An optional column filter; it narrows (never widens) the enclosing one."""
        names: list[str] = []
        if self.peek() == "{":
            self.i += 1
            while self.peek() == "word":
                names.append(self.take("word"))
            self.take("}")
            self.take(":")
        elif self.peek() == "word" and self.peek(1) == ":":
            names.append(self.take("word"))
            self.take(":")
        else:
            return cols
        unknown = [n for n in names if n not in COLUMNS]
        if unknown:
            raise QueryError(f"no such column in search expression: {unknown[0]!r}")
        return tuple(c for c in cols if c in names)

    def primary(self, cols: tuple[str, ...]) -> Node:
        cols = self.colset(cols)
        if self.peek() == "(":
            self.i += 1
            node = self.or_expr(cols)
            self.take(")")
            return node
        if self.peek() == "^":
            raise QueryError("'^' (column start) is not supported in search expressions")
        if self.peek() not in ("str", "word"):
            raise QueryError("malformed search expression: expected a phrase")
        terms = index_tokens(self.tokens[self.i][1])
        self.i += 1
        prefix = False
        if self.peek() == "*":
            self.i += 1
            prefix = True
        while self.peek() == "+":  # "a" + "b": one phrase
            self.i += 1
            if self.peek() not in ("str", "word"):
                raise QueryError("malformed search expression: '+' wants a phrase after it")
            terms += index_tokens(self.tokens[self.i][1])
            self.i += 1
        return Phrase(tuple(terms), cols, prefix)


def parse(expr: str) -> Node:
    """The tree of an FTS5 expression; QueryError for one FTS5 would reject or we do not support."""
    return _Parser(expr).parse()


def phrases(node: Node) -> list[Phrase]:
    """The phrases in the order FTS5 numbers them (left to right), repeats included."""
    if isinstance(node, Phrase):
        return [node]
    if isinstance(node, Not):
        return phrases(node.keep) + phrases(node.drop)
    return [p for item in node.items for p in phrases(item)]
