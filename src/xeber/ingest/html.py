"""Web pages → Documents: main text and metadata with trafilatura."""

from __future__ import annotations

import warnings
from pathlib import Path

import trafilatura

from xeber.document import Document
from xeber.errors import InputError
from xeber.ingest.meta import enrich, normalize_date, outlet_from_url

MAX_HTML_BYTES = 10 * 1024 * 1024


def extract_html(html: str | bytes, *, url: str | None = None, source: str | None = None) -> Document:
    """The article in an HTML page: its main text with title, date, author, site name and URL.

    Raises InputError when the page has no main text (a menu-only page, an empty body, not HTML).
    """
    name = source or url or "html"
    size = len(html)
    if size > MAX_HTML_BYTES:
        raise InputError(f"{name}: {size} bytes is larger than the {MAX_HTML_BYTES}-byte limit for a web page")
    if isinstance(html, bytes) and b"\x00" in html[:65536]:
        raise InputError(f"{name}: binary data, not HTML")
    with warnings.catch_warnings():
        # lxml/trafilatura warn about element truth-testing; nothing the caller can act on.
        warnings.simplefilter("ignore", FutureWarning)
        result = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True,
            favor_precision=True,
        )
    if result is None:
        raise InputError(f"{name}: no article text found in the page")
    found = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = (found.get("text") or "").strip()
    if not text:
        raise InputError(f"{name}: no article text found in the page")
    page_url = found.get("url") or url
    meta: dict[str, object] = {"format": "html"}
    if found.get("author"):
        meta["author"] = found["author"]
    outlet = found.get("sitename") or outlet_from_url(page_url)
    if outlet:
        meta["outlet"] = outlet
    doc = Document(
        text=text, source=source or url, url=page_url, title=found.get("title") or None,
        published=normalize_date(found.get("date")), meta=meta,
    )
    return enrich(doc)


def load_html_file(path: Path) -> list[Document]:
    size = path.stat().st_size
    if size > MAX_HTML_BYTES:
        raise InputError(f"{path}: {size} bytes is larger than the {MAX_HTML_BYTES}-byte limit for a web page")
    return [extract_html(path.read_bytes(), source=str(path))]
