"""RSS/Atom feeds → Documents: each entry's page is fetched and extracted; when that fails (or
fetching is off) the entry's own summary is the text, with the reason kept in meta."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from typing import Any

import feedparser
import httpx

from xeber.document import Document
from xeber.errors import InputError, XeberError
from xeber.ingest.base import Failure, IngestOptions
from xeber.ingest.fetch import check_url, fetch, make_client
from xeber.ingest.html import extract_html
from xeber.ingest.meta import enrich

_TAG = re.compile(r"<[^>]+>")
_BLOCK_END = re.compile(r"</(?:p|div|li|h[1-6])>|<br\s*/?>", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Entry:
    link: str | None
    title: str | None
    published: str | None
    summary: str  # plain text
    author: str | None
    guid: str | None


def looks_like_feed(body: bytes, content_type: str = "") -> bool:
    if content_type in ("application/rss+xml", "application/atom+xml", "application/feed+json"):
        return True
    head = body[:2048].lstrip().lower()
    return (head.startswith(b"<?xml") or head.startswith(b"<rss") or head.startswith(b"<feed")) and (
        b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head
    )


def html_to_text(fragment: str) -> str:
    """Plain text of a summary's HTML: block ends become line breaks, tags go, entities decode."""
    text = _TAG.sub("", _BLOCK_END.sub("\n", fragment))
    lines = (" ".join(line.split()) for line in unescape(text).splitlines())
    return "\n".join(line for line in lines if line)


def _iso(struct: Any) -> str | None:
    if not struct:
        return None
    return time.strftime("%Y-%m-%d", struct)


def parse_feed(data: bytes, name: str = "feed") -> tuple[dict[str, Any], list[Entry]]:
    """The feed's own metadata and its entries. Raises InputError when `data` is not a feed."""
    parsed = feedparser.parse(data)
    if not parsed.entries:
        if parsed.bozo:
            raise InputError(f"{name}: not an RSS/Atom feed ({parsed.bozo_exception})")
        if not parsed.feed:
            raise InputError(f"{name}: not an RSS/Atom feed")
    entries: list[Entry] = []
    for e in parsed.entries:
        summary = e.get("summary") or ""
        if not summary and e.get("content"):
            summary = e["content"][0].get("value", "")
        entries.append(Entry(
            link=e.get("link"), title=(e.get("title") or "").strip() or None,
            published=_iso(e.get("published_parsed") or e.get("updated_parsed")),
            summary=html_to_text(summary), author=e.get("author"), guid=e.get("id"),
        ))
    feed_meta = {"title": parsed.feed.get("title"), "link": parsed.feed.get("link")}
    return feed_meta, entries


def entry_document(
    entry: Entry, feed_meta: dict[str, Any], feed_source: str, options: IngestOptions, client: httpx.Client | None,
) -> Document:
    """The entry's article: its page when it can be fetched and has text, else its summary."""
    fetch_error: str | None = None
    doc: Document | None = None
    if options.fetch_entries and entry.link:
        try:
            page = fetch(entry.link, options, client)
            doc = extract_html(page.body, url=page.url, source=entry.link)
        except XeberError as e:
            fetch_error = str(e)
    if doc is None:
        if not entry.summary.strip():
            raise InputError(f"{entry.link or entry.guid or feed_source}: {fetch_error or 'entry has no text'}")
        doc = Document(text=entry.summary, source=entry.link or entry.guid or feed_source, url=entry.link)
        doc.meta["format"] = "feed-summary"
        if fetch_error:
            doc.meta["fetch_error"] = fetch_error
    # The feed's own fields win over what extraction guessed from the page.
    doc.title = entry.title or doc.title
    doc.published = entry.published or doc.published
    if entry.author and "author" not in doc.meta:
        doc.meta["author"] = entry.author
    doc.meta["feed"] = feed_source
    if feed_meta.get("title") and "outlet" not in doc.meta:
        doc.meta["outlet"] = feed_meta["title"]
    return enrich(doc)


def iter_feed_entries(
    data: bytes, feed_source: str, options: IngestOptions, client: httpx.Client | None = None,
) -> Iterator[Document | Failure]:
    feed_meta, entries = parse_feed(data, feed_source)
    own = client is None and options.fetch_entries
    http = make_client(options) if own else client
    try:
        for entry in entries:
            try:
                yield entry_document(entry, feed_meta, feed_source, options, http)
            except XeberError as e:
                yield Failure(entry.link or entry.guid or feed_source, str(e))
    finally:
        if own and http is not None:
            http.close()


def iter_feed_url(url: str, options: IngestOptions, client: httpx.Client | None = None) -> Iterator[Document | Failure]:
    check_url(url)
    page = fetch(url, options, client)
    yield from iter_feed_entries(page.body, url, options, client)


def load_feed_file(path: Path, options: IngestOptions) -> Iterator[Document | Failure]:
    return iter_feed_entries(path.read_bytes(), str(path), options)
