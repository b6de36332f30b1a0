"""Search over the store with the Azerbaijani analyzer.

`search(store, query)` parses the query (xeber.search.query), widens words that the index does not
know to the vocabulary terms one edit away (typo tolerance) and proposes them as "did you mean",
ranks by BM25 (title weighted; queries with more than MATCH_LIMIT matches: see
xeber.store.base), falls back from "all words" to "any word" ranking when nothing
matches every word, and returns highlighted snippets and, on request, facets.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from xeber.search.analyzer import Lemmatizer, default_lemmatizer, index_fields
from xeber.search.query import Clause, ParsedQuery, parse_query
from xeber.search.snippets import snippet
from xeber.search.vocabulary import expand_typos, resolve_lemmas
from xeber.store.base import MATCH_LIMIT, Store
from xeber.text.casing import fold, lower
from xeber.text.tokenize import tokenize

MODES = ("all", "any")


@dataclass(slots=True)
class Hit:
    id: str
    title: str | None
    score: float
    snippet: str
    published: str | None
    source: str | None
    url: str | None = None


@dataclass(slots=True)
class SearchResult:
    query: str
    total: int
    hits: list[Hit] = field(default_factory=list)
    mode: str = "all"  # the ranking that produced the hits: "any" after the fallback
    total_exact: bool = True  # False: more than `total` (= MATCH_LIMIT) documents match
    suggestion: str | None = None  # "did you mean": the query with typos replaced
    facets: dict[str, list[tuple[str, int]]] | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "query": self.query, "total": self.total, "hits": [asdict(h) for h in self.hits], "mode": self.mode,
            "suggestion": self.suggestion, "total_exact": self.total_exact,
        }
        if self.facets is not None:
            d["facets"] = {k: [{"value": v, "count": n} for v, n in vs] for k, vs in self.facets.items()}
        return d


def search(
    store: Store,
    query: str,
    *,
    limit: int = 10,
    offset: int = 0,
    mode: str = "all",
    facets: bool = False,
    fuzzy: bool = True,
    syntax: bool = True,
    snippets: bool = True,
    lemmatizer: Lemmatizer | None = None,
) -> SearchResult:
    """Search `store`. mode "all": every word must match (falls back to "any" when none does);
    mode "any": documents with any content word, best BM25 first; `syntax=False` reads the query as
    plain text (no operators or filters); `snippets=False` leaves snippets empty. Raises QueryError on bad queries."""
    if mode not in MODES:
        from xeber.errors import QueryError

        raise QueryError(f"unknown search mode {mode!r}; use one of {', '.join(MODES)}")
    lem = lemmatizer or default_lemmatizer()
    parsed = parse_query(query, lem, allow_empty=syntax, syntax=syntax)
    if parsed.groups:
        resolve_lemmas(store, parsed)
    corrections = expand_typos(store, parsed) if fuzzy and parsed.groups else {}
    match = parsed.match(mode) if parsed.groups else ""
    total, rows = store.search(match, limit=limit, offset=offset, filters=parsed.filters, sort=parsed.sort)
    used = mode
    if total == 0 and mode == "all" and len([c for c in parsed.clauses if not c.stop]) > 1:
        match = parsed.match("any")
        total, rows = store.search(match, limit=limit, offset=offset, filters=parsed.filters, sort=parsed.sort)
        used = "any"
    lemma_set = set(parsed.lemmas)
    hits = [
        Hit(r.id, r.title, round(r.score, 4), snippet(r.body, parsed.terms, lemma_set, lem) if snippets else "",
            r.published, r.source, r.url)
        for r in rows
    ]
    result = SearchResult(query, min(total, MATCH_LIMIT), hits, used, total_exact=total <= MATCH_LIMIT)
    if corrections:
        bodies = [r.body for r in rows[:3]]
        if not bodies:  # spell the correction as a document that has it does
            fixed = " OR ".join(f'{{title body}} : "{t}"' for t in corrections.values())
            bodies = [r.body for r in store.search(fixed, limit=3)[1]]
        result.suggestion = _suggestion(query, corrections, bodies)
    if facets:
        result.facets = store.facets(match, parsed.filters)
    return result


def _suggestion(query: str, corrections: dict[str, str], bodies: list[str]) -> str:
    """The query with each unknown word replaced by its correction, spelled as in a found text."""
    spelled: dict[str, str] = {}
    for body in bodies:
        for t in tokenize(body):
            f = fold(t.text)
            if f in corrections.values() and f not in spelled:
                spelled[f] = lower(t.text)
    out = []
    for word in query.split():
        key = fold(word.strip('"*-'))
        if key in corrections:
            fixed = corrections[key]
            out.append(word.replace(word.strip('"*-'), spelled.get(fixed, fixed)))
        else:
            out.append(word)
    return " ".join(out)


__all__ = [
    "Clause", "Hit", "MODES", "ParsedQuery", "SearchResult", "default_lemmatizer", "index_fields", "parse_query",
    "search",
]
