"""What every store backend provides. SQLite is the default; PostgreSQL serves shared archives."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from xeber.document import Document, Event

# Broad queries, as Elasticsearch does by default: matches are counted up to MATCH_LIMIT (a query
# with more reports MATCH_LIMIT + 1, "more than MATCH_LIMIT"), and a query ranked by score without
# filters that has more is ranked among the MATCH_LIMIT matches most recently written to the store.
# Exact BM25 scores every match (FTS5 has no top-k pruning: about 1-5 µs a row, 160 ms for a word in
# most of 200,000 documents), and in a news archive the newest matches of so broad a query are the
# ones a reader wants first. Stores of fewer documents rank exactly.
MATCH_LIMIT = 10_000


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


@dataclass(slots=True)
class EntityCount:
    type: str  # PER, ORG, LOC, ...
    lemma: str
    documents: int  # documents that mention it
    mentions: int  # mentions in those documents


@dataclass(slots=True)
class EventRow:
    doc_id: str
    title: str | None
    published: str | None
    event: Event


class Store(Protocol):
    """Every backend gives the same results for the same calls.

    `match` is an FTS5 query expression over the analyzed columns title, body and lemmas (folded
    terms made by xeber.search.analyzer): "term", "term"*, "a b" (phrase), {title body} : x,
    lemmas : x, AND, OR, NOT and parentheses. `filters` keys: date_from, date_to (ISO dates,
    inclusive), source (document source or meta["outlet"]), language, entities (a list of
    {"types": ["PER"], "lemma": "..."}: the document mentions an entity of one of the types whose
    lemma folded with xeber.text.casing.fold equals the given lemma folded), event_types (a list:
    the document has an event of each type).
    """

    def put(self, doc: Document, index: IndexFields) -> PutResult: ...
    def get(self, doc_id: str) -> Document | None: ...
    def find_id(self, prefix: str) -> str | None: ...
    def count(self) -> int: ...
    def search(
        self, match: str, *, limit: int = 10, offset: int = 0, filters: dict[str, Any] | None = None,
        sort: str = "rank",
    ) -> tuple[int, list[SearchRow]]:
        """(total matches, one page): BM25 with columns weighted title 3, body 1, lemmas 1, best
        first, ties by published DESC then id; sort="date": published DESC then id. Totals and
        rankings of queries with more than MATCH_LIMIT matches: see MATCH_LIMIT."""
        ...

    def close(self) -> None: ...

    # -- used by xeber.search and xeber.serve ------------------------------------------------------
    def term_counts(self, terms: list[str]) -> dict[str, int]:
        """Documents containing each analyzed term in any column; terms not in the index are left out."""
        ...

    def lemma_counts(self, terms: list[str]) -> dict[str, int]:
        """Documents containing each term in the lemmas column; terms not there are left out."""
        ...

    def terms_with_prefix(self, prefix: str, limit: int = 20) -> list[tuple[str, int]]:
        """Analyzed terms starting with `prefix` with their document counts, most frequent first."""
        ...

    def facets(
        self, match: str, filters: dict[str, Any] | None = None, limit: int = 10
    ) -> dict[str, list[tuple[str, int]]]:
        """Matching-document counts, at most `limit` values per key, most first then by value:
        source (meta["outlet"] else source), language, year (of published), event (event types) and,
        per entity type except DATE, the entity lemmas."""
        ...

    def top_entities(
        self, etype: str | None = None, date_from: str | None = None, date_to: str | None = None, limit: int = 20
    ) -> list[EntityCount]:
        """Entities (DATE excluded) by the number of documents that mention them, then lemma."""
        ...

    def entity_mentions_by_month(self, etype: str, lemma: str) -> list[tuple[str, int]]:
        """(YYYY-MM, documents mentioning the entity) in month order; the lemma is matched folded."""
        ...

    def cooccurring_entities(self, etype: str, lemma: str, limit: int = 10) -> list[EntityCount]:
        """Entities in the most documents shared with the given one (itself and DATE excluded)."""
        ...

    def entity_documents(self, etype: str, lemma: str) -> int:
        """How many documents mention the entity."""
        ...

    def events(
        self, *, etype: str | None = None, entity: tuple[str, str] | None = None, date_from: str | None = None,
        date_to: str | None = None, limit: int = 50, offset: int = 0,
    ) -> list[EventRow]:
        """Events by coalesce(event date, published) DESC, then doc_id, seq: of a type, in documents
        that mention entity (type, lemma), within a date range (inclusive)."""
        ...
