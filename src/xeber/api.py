"""The Python API: the CLI and the server are thin layers over these functions."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from xeber import extract as _extract
from xeber import normalize as _normalize
from xeber import search as _search
from xeber.document import Document
from xeber.errors import XeberError
from xeber.ingest import Failure, IngestOptions, check_text
from xeber.ingest.dedup import DuplicateIndex
from xeber.settings import Settings
from xeber.store import Store, open_store
from xeber.text.edits import OffsetMap


def normalize(text: str, settings: Settings | None = None) -> _normalize.Normalized:
    """Repaired text and the edits (offsets into `text`) that produce it."""
    check_text(text)
    return _normalize.normalize(text, settings or Settings())


def process(doc: Document | str, settings: Settings | None = None) -> Document:
    """Run the pipeline on one document: normalize, then extract entities and events."""
    if isinstance(doc, str):
        doc = Document(text=doc)
    check_text(doc.text, doc.source or "input")
    if doc.language not in (None, "az"):
        # Stored and tagged, not forced through the Azerbaijani pipeline.
        doc.set_edits([])
        doc.entities, doc.events = [], []
        return doc
    # OCR word confidences (in original offsets) let the normalizer doubt low-confidence words more.
    low = (doc.meta.get("ocr") or {}).get("low")
    result = _normalize.normalize(doc.text, settings or Settings(), low_confidence_spans=low)
    doc.set_edits(result.edits)
    _repair_title(doc)
    doc.entities, doc.events = _extract.extract(doc.body, doc.published)
    return doc


# A title repeated near the start of the text (a Markdown heading, a page's <h1>) is repaired with it.
TITLE_SEARCH_CHARS = 500


def _repair_title(doc: Document) -> None:
    """The title as the repaired text spells it, when the text holds the title; the title as it came
    stays in meta["original_title"] (a re-run starts from it), and the text itself keeps it too."""
    original = doc.meta.pop("original_title", None) or doc.title
    doc.title = original
    if not original or doc.normalized is None or not doc.edits:
        return
    start = doc.text.find(original, 0, TITLE_SEARCH_CHARS + len(original))
    if start < 0:
        return
    offsets = OffsetMap(doc.text, doc.edits)
    repaired = doc.normalized[offsets.to_edited(start): offsets.to_edited_end(start + len(original))]
    if repaired != original and "\n" not in repaired:
        doc.meta["original_title"] = original
        doc.title = repaired


def extract(text: str, published: str | None = None, settings: Settings | None = None) -> Document:
    """Normalize `text`, then extract; entity and event offsets index `doc.normalized`."""
    return process(Document(text=text, published=published), settings)


@dataclass(slots=True)
class IngestReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0  # near-duplicates of an article already seen in this run, not stored again
    failed: list[Failure] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "added": self.added, "updated": self.updated, "unchanged": self.unchanged,
            "duplicates": self.duplicates, "failed": [{"source": f.source, "reason": f.reason} for f in self.failed], "ids": self.ids,
        }


def store_document(store: Store, doc: Document) -> str:
    """Write a processed document with its search terms; returns added/updated/unchanged."""
    result = store.put(doc, _search.index_fields(doc.title, doc.body))
    return result.status


def ingest_documents(
    store: Store,
    docs: Iterable[Document | Failure],
    settings: Settings | None = None,
    on_item: Callable[[str], None] | None = None,
) -> IngestReport:
    """Process and store each document; one bad document is reported and skipped."""
    report = IngestReport()
    for item in docs:
        if isinstance(item, Failure):
            report.failed.append(item)
        else:
            try:
                status = store_document(store, process(item, settings))
                setattr(report, status, getattr(report, status) + 1)
                report.ids.append(item.id)
            except XeberError as e:
                report.failed.append(Failure(item.source or item.id, str(e)))
        if on_item:
            on_item(item.source if isinstance(item, Failure) else (item.source or item.id))
    return report


def iter_documents(
    paths: list[str], options: IngestOptions | None = None, *, feeds: bool = False,
    dedup: DuplicateIndex | None = None,
) -> Iterable[Document | Failure]:
    """Documents loaded from files, folders, page URLs and RSS/Atom feeds; a Failure for each
    that cannot be read. With `dedup`, duplicates are dropped and listed in dedup.skipped."""
    from xeber.ingest.sources import iter_sources

    return iter_sources(paths, options, feeds=feeds, dedup=dedup)


def ingest(
    paths: list[str], settings: Settings | None = None, options: IngestOptions | None = None, *, feeds: bool = False
) -> IngestReport:
    """Load, process and store everything under `paths` (files, folders, URLs, feeds)."""
    settings = settings or Settings()
    dedup = DuplicateIndex()
    store = open_store(settings.db_url())
    try:
        report = ingest_documents(store, iter_documents(paths, options, feeds=feeds, dedup=dedup), settings)
    finally:
        store.close()
    report.duplicates = len(dedup.skipped)
    return report


def search(query: str, settings: Settings | None = None, *, limit: int = 10, offset: int = 0) -> _search.SearchResult:
    settings = settings or Settings()
    store = open_store(settings.db_url())
    try:
        return _search.search(store, query, limit=limit, offset=offset)
    finally:
        store.close()
