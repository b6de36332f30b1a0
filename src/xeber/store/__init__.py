"""Storage of documents and their annotations. `open_store(url)` picks the backend."""

from __future__ import annotations

from xeber.store.base import EntityCount, EventRow, IndexFields, PutResult, SearchRow, Store
from xeber.store.sqlite import SQLiteStore


def open_store(url: str) -> Store:
    """A store for `url`: a file path (SQLite) or a postgresql:// URL."""
    if url.startswith(("postgresql://", "postgres://")):
        from xeber.store.postgres import PostgresStore  # type: ignore[import-not-found]

        return PostgresStore(url)  # type: ignore[no-any-return]
    if url.startswith("sqlite:///"):
        url = url[len("sqlite:///") :]
    return SQLiteStore(url)


__all__ = ["EntityCount", "EventRow", "IndexFields", "PutResult", "SearchRow", "Store", "SQLiteStore", "open_store"]
