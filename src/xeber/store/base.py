"""What every store backend provides. SQLite is the default; PostgreSQL serves shared archives."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from xeber.document import Document


@dataclass(frozen=True, slots=True)
class IndexFields:
    """Pre-analyzed search terms of a document, space-separated, made by xeber.search.analyzer."""

    title: str  # folded surface forms of the title
    body: str  # folded surface forms of the body
    lemmas: str  # folded lemmas of title and body


@dataclass(slots=True)
class PutResult:
    id: str
    status: str  # added, updated, unchanged


@dataclass(slots=True)
class SearchRow:
    id: str
    title: str | None
    published: str | None
    source: str | None
    url: str | None
    score: float
    body: str
    meta: dict[str, Any] = field(default_factory=dict)


class Store(Protocol):
    def put(self, doc: Document, index: IndexFields) -> PutResult: ...
    def get(self, doc_id: str) -> Document | None: ...
    def find_id(self, prefix: str) -> str | None: ...
    def count(self) -> int: ...
    def search(
        self, match: str, *, limit: int = 10, offset: int = 0, filters: dict[str, Any] | None = None
    ) -> tuple[int, list[SearchRow]]: ...
    def close(self) -> None: ...
