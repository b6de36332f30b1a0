"""Exports → Documents: JSON Lines and CSV, one article per row, with a column mapping.

A mapping names the column that holds each field (`{"text": "content", "date": "pubDate"}`);
fields not named are guessed from common column names. A bad row is reported and skipped; a file
whose first rows are all bad is refused as a whole (it is not an export).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from xeber.document import Document
from xeber.errors import InputError
from xeber.ingest.base import Failure, IngestOptions
from xeber.ingest.meta import enrich, normalize_date
from xeber.ingest.text import check_text, decode_text
from xeber.text.casing import fold

FIELDS = ("text", "title", "date", "url", "id", "author", "language", "source")
# Column names tried in order for each field, compared folded (case and Azerbaijani letters: BAŞLIQ = basliq).
GUESSES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "full_text", "mətn", "metn", "description", "summary"),
    "title": ("title", "headline", "başlıq", "basliq", "name"),
    "date": ("date", "published", "published_at", "pubdate", "datetime", "created_at", "time", "tarix"),
    "url": ("url", "link", "href", "permalink"),
    "id": ("id", "guid", "uuid", "article_id"),
    "author": ("author", "byline", "authors", "müəllif"),
    "language": ("language", "lang", "dil"),
    "source": ("source", "outlet", "site", "mənbə"),
}
MAX_BAD_HEAD_ROWS = 20


def parse_mapping(pairs: list[str]) -> dict[str, str]:
    """`["title=headline", "text=content"]` (as given on a command line) → a mapping."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        field, sep, column = pair.partition("=")
        field, column = field.strip(), column.strip()
        if not sep or not column:
            raise InputError(f"column mapping {pair!r}: expected FIELD=COLUMN")
        if field not in FIELDS:
            raise InputError(f"column mapping {pair!r}: unknown field {field!r}; fields: {', '.join(FIELDS)}")
        mapping[field] = column
    return mapping


def resolve_columns(columns: list[str], mapping: Mapping[str, str] | None = None) -> dict[str, str]:
    """Field → column for the columns a file has: the mapping first, then the guesses."""
    mapping = dict(mapping or {})
    by_key = {fold(c.strip()): c for c in columns}
    resolved: dict[str, str] = {}
    for field in FIELDS:
        if field in mapping:
            column = mapping[field]
            if column not in columns and fold(column) not in by_key:
                raise InputError(f"mapped column {column!r} for {field} is not in the file (columns: {', '.join(columns)})")
            resolved[field] = column if column in columns else by_key[fold(column)]
            continue
        for guess in GUESSES[field]:
            found = by_key.get(fold(guess))
            if found is not None and found not in resolved.values():
                resolved[field] = found
                break
    return resolved


def _value(row: Mapping[str, Any], column: str | None) -> str | None:
    if column is None:
        return None
    value = row.get(column)
    if value is None:
        return None
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    value = str(value).strip()
    return value or None


def row_document(row: Mapping[str, Any], columns: Mapping[str, str], path: Path, where: str) -> Document:
    """One row as a Document. Its source is a stable key (the row's id, its URL, or its title) so
    that a changed article in a re-exported file updates the earlier record."""
    text = _value(row, columns.get("text"))
    if not text:
        raise InputError(f"{path}{where}: no text (columns tried for text: {columns.get('text') or 'none found'})")
    check_text(text, f"{path}{where}")
    title = _value(row, columns.get("title"))
    url = _value(row, columns.get("url"))
    row_id = _value(row, columns.get("id"))
    if row_id:
        source = f"{path}#{row_id}"
    elif url:
        source = url
    elif title:
        source = f"{path}#{hashlib.sha1(title.encode('utf-8')).hexdigest()[:12]}"
    else:
        source = f"{path}{where}"
    meta: dict[str, Any] = {"format": path.suffix.lower().lstrip(".")}
    for field in ("author", "source"):
        value = _value(row, columns.get(field))
        if value:
            meta["outlet" if field == "source" else field] = value
    doc = Document(
        text=text, source=source, url=url, title=title,
        published=normalize_date(_value(row, columns.get("date"))),
        language=_value(row, columns.get("language")), meta=meta,
    )
    return enrich(doc)


def iter_jsonl(path: Path, mapping: Mapping[str, str] | None = None) -> Iterator[Document | Failure]:
    # Failures before the first good row are held back: if the head has no good row at all, the
    # file is refused with one error instead of thousands of per-line ones.
    good = 0
    held: list[Failure] = []
    with path.open("rb") as f:
        for lineno, raw in enumerate(f, 1):
            if not raw.strip():
                continue
            where = f"#L{lineno}"
            try:
                try:
                    row = json.loads(raw.decode("utf-8-sig"))
                except (UnicodeDecodeError, json.JSONDecodeError) as e:
                    raise InputError(f"{path}{where}: not a JSON object ({e.__class__.__name__})") from e
                if not isinstance(row, dict):
                    raise InputError(f"{path}{where}: not a JSON object")
                doc = row_document(row, resolve_columns(list(row), mapping), path, where)
            except InputError as e:
                if good:
                    yield Failure(f"{path}{where}", str(e))
                    continue
                held.append(Failure(f"{path}{where}", str(e)))
                if len(held) >= MAX_BAD_HEAD_ROWS:
                    raise InputError(
                        f"{path}: not a JSON Lines export (no readable article in the first {len(held)} lines; "
                        f"first error: {held[0].reason})"
                    ) from e
                continue
            good += 1
            yield from held
            held.clear()
            yield doc
    yield from held


def iter_csv(path: Path, mapping: Mapping[str, str] | None = None) -> Iterator[Document | Failure]:
    text = decode_text(path.read_bytes(), str(path), max_bytes=None)
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:8192], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    csv.field_size_limit(16 * 1024 * 1024)
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    if not reader.fieldnames:
        raise InputError(f"{path}: empty CSV file")
    columns = resolve_columns(list(reader.fieldnames), mapping)
    if "text" not in columns:
        raise InputError(
            f"{path}: no text column (columns: {', '.join(reader.fieldnames)}); name it with a mapping text=COLUMN"
        )
    try:
        for n, row in enumerate(reader, 1):
            where = f"#row{n}"
            try:
                yield row_document(row, columns, path, where)
            except InputError as e:
                yield Failure(f"{path}{where}", str(e))
    except csv.Error as e:
        raise InputError(f"{path}: malformed CSV at line {reader.line_num}: {e}") from e


def load_jsonl(path: Path, options: IngestOptions) -> Iterator[Document | Failure]:
    return iter_jsonl(path, options.mapping)


def load_csv(path: Path, options: IngestOptions) -> Iterator[Document | Failure]:
    return iter_csv(path, options.mapping)
