"""Parsing of user queries into FTS5 expressions over analyzed terms.

Syntax: words (all must match, in any inflection), "exact phrases", `OR` between words,
`-word` to exclude, `word*` for a prefix, and `key:value` filters (date>=, date<=, source:, lang:).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from xeber.errors import QueryError
from xeber.search.analyzer import Lemmatizer, default_lemmatizer
from xeber.text.casing import fold
from xeber.text.tokenize import tokenize

MAX_QUERY_LENGTH = 1000
_FILTER = re.compile(r"^(?P<key>[a-z_]+)(?P<op>:|>=|<=)(?P<value>.+)$")
FILTER_KEYS = {"source": "source", "lang": "language", "language": "language", "from": "date_from", "to": "date_to"}


@dataclass
class ParsedQuery:
    match: str  # FTS5 expression
    terms: list[str] = field(default_factory=list)  # folded surface terms, for highlighting
    filters: dict[str, str] = field(default_factory=dict)


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _split(query: str) -> list[str]:
    if query.count('"') % 2:
        raise QueryError("unbalanced quote in query: close the phrase with a second \"")
    return re.findall(r'-?"[^"]*"|\S+', query)


def _term_expr(word: str, lemmatizer: Lemmatizer) -> tuple[str, list[str]]:
    prefix = word.endswith("*")
    word = word.rstrip("*")
    pieces = [t.text for t in tokenize(word) if t.kind in ("word", "abbrev", "number")]
    if not pieces:
        return "", []
    exprs, terms = [], []
    for piece in pieces:
        surf = fold(piece)
        lem = fold(lemmatizer(piece))
        terms.append(surf)
        # A bare word matches its inflected forms by prefix, its lemma exactly.
        alts = [f"{{title body}} : {_quote(surf)}*"]
        if lem and lem != surf and not prefix:
            alts.append(f"lemmas : {_quote(lem)}")
        if not prefix:
            alts.append(f"lemmas : {_quote(surf)}")
        exprs.append("(" + " OR ".join(alts) + ")")
    return " AND ".join(exprs), terms


def parse_query(query: str, lemmatizer: Lemmatizer | None = None) -> ParsedQuery:
    query = query.strip()
    if not query:
        raise QueryError("empty query")
    if len(query) > MAX_QUERY_LENGTH:
        raise QueryError(f"query too long ({len(query)} characters; at most {MAX_QUERY_LENGTH})")
    lem = lemmatizer or default_lemmatizer()
    parts: list[str] = []
    terms: list[str] = []
    filters: dict[str, str] = {}
    pending_or = False
    for raw in _split(query):
        negate = raw.startswith("-") and len(raw) > 1
        body = raw[1:] if negate else raw
        m = _FILTER.match(body) if not body.startswith('"') else None
        if m and not negate:
            key = m.group("key")
            if key == "date":
                key = "from" if m.group("op") == ">=" else "to" if m.group("op") == "<=" else "date"
            if key == "date":
                filters["date_from"] = filters["date_to"] = m.group("value")
                continue
            if key not in FILTER_KEYS:
                raise QueryError(f"unknown filter {key!r}; known: {', '.join(sorted(FILTER_KEYS))}, date")
            filters[FILTER_KEYS[key]] = m.group("value")
            continue
        if body == "OR":
            pending_or = bool(parts)
            continue
        if body.startswith('"'):
            words = [fold(t.text) for t in tokenize(body.strip('"')) if t.kind in ("word", "abbrev", "number")]
            if not words:
                continue
            expr = "{title body} : " + _quote(" ".join(words))
            if not negate:
                terms.extend(words)
        else:
            expr, new_terms = _term_expr(body, lem)
            if not expr:
                continue
            if not negate:
                terms.extend(new_terms)
        if negate:
            if not parts:
                raise QueryError("a query cannot start with an exclusion (-word): add a word to search for")
            parts.append("NOT " + expr)
        elif pending_or:
            parts[-1] = f"({parts[-1]} OR {expr})"
        else:
            parts.append(expr)
        pending_or = False
    if not parts:
        raise QueryError("query has no words to search for")
    match = parts[0]
    for p in parts[1:]:
        match = f"{match} {p}" if p.startswith("NOT ") else f"{match} AND {p}"
    return ParsedQuery(match, terms, filters)
