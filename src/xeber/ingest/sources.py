"""One front door for every kind of source an analyst names: files, folders, page URLs, feeds.

`iter_sources` yields a Document for each article and a Failure for each thing that could not be
read, never raising for one bad item, so a batch goes on and reports at the end.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import httpx

from xeber.document import Document
from xeber.errors import XeberError
from xeber.ingest.base import Failure, IngestOptions
from xeber.ingest.dedup import DuplicateIndex
from xeber.ingest.feeds import iter_feed_entries, looks_like_feed
from xeber.ingest.fetch import check_url, fetch, is_url, make_client
from xeber.ingest.files import iter_files, load_path
from xeber.ingest.html import extract_html

# Media types fetched pages may have that a file loader reads (by the extension it expects).
_BINARY_TYPES = {
    "application/pdf": ".pdf", "image/png": ".png", "image/jpeg": ".jpg", "image/tiff": ".tif",
}


def iter_url(url: str, options: IngestOptions, client: httpx.Client | None = None, *, feed: bool = False) -> Iterator[Document | Failure]:
    """The article at `url` (an HTML page, a PDF or an image), or every entry when it is a feed."""
    check_url(url)
    page = fetch(url, options, client)
    if feed or looks_like_feed(page.body, page.content_type):
        yield from iter_feed_entries(page.body, url, options, client)
        return
    ext = _BINARY_TYPES.get(page.content_type)
    if ext:
        with tempfile.TemporaryDirectory(prefix="xeber-fetch-") as tmp:
            path = Path(tmp) / f"page{ext}"
            path.write_bytes(page.body)
            for item in load_path(path, options):
                if isinstance(item, Document):
                    item.source, item.url = url, page.url
                yield item
        return
    yield extract_html(page.body, url=page.url, source=url)


def iter_sources(
    items: list[str], options: IngestOptions | None = None, *, feeds: bool = False,
    dedup: DuplicateIndex | None = None,
) -> Iterator[Document | Failure]:
    """Documents from paths (files, folders) and URLs (pages, or feeds: detected, or forced with
    `feeds`). With `dedup`, duplicates of earlier articles are dropped and listed in dedup.skipped."""
    options = options or IngestOptions()
    stream = _iter_all(items, options, feeds)
    yield from (dedup.filter(stream) if dedup is not None else stream)


def _iter_all(items: list[str], options: IngestOptions, feeds: bool) -> Iterator[Document | Failure]:
    client: httpx.Client | None = None
    try:
        for item in items:
            if not is_url(item):
                yield from _iter_path(item, options)
                continue
            client = client or make_client(options)
            try:
                yield from iter_url(item, options, client, feed=feeds)
            except XeberError as e:
                yield Failure(item, str(e))
    finally:
        if client is not None:
            client.close()


def _iter_path(item: str, options: IngestOptions) -> Iterator[Document | Failure]:
    for f in iter_files([item]):
        if isinstance(f, Failure):
            yield f
            continue
        try:
            yield from load_path(f, options)
        except XeberError as e:
            yield Failure(str(f), str(e))
