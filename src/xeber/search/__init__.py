"""Search over the store with the Azerbaijani analyzer."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from xeber.search.analyzer import index_fields
from xeber.search.query import ParsedQuery, parse_query
from xeber.search.snippets import snippet
from xeber.store.base import Store


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

    def to_dict(self) -> dict[str, Any]:
        return {"query": self.query, "total": self.total, "hits": [asdict(h) for h in self.hits]}


def search(store: Store, query: str, *, limit: int = 10, offset: int = 0) -> SearchResult:
    parsed = parse_query(query)
    total, rows = store.search(parsed.match, limit=limit, offset=offset, filters=parsed.filters)
    hits = [
        Hit(r.id, r.title, round(r.score, 4), snippet(r.body, parsed.terms), r.published, r.source, r.url)
        for r in rows
    ]
    return SearchResult(query, total, hits)


__all__ = ["Hit", "ParsedQuery", "SearchResult", "index_fields", "parse_query", "search"]
