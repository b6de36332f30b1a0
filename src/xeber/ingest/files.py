"""Sources on disk: files and folders (walked recursively) become Documents."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from xeber.document import Document
from xeber.errors import InputError
from xeber.ingest.base import Failure, IngestOptions, Loader
from xeber.ingest.meta import enrich
from xeber.ingest.text import decode_text, markdown_title


def load_text_file(path: Path, options: IngestOptions | None = None) -> list[Document]:
    text = decode_text(path.read_bytes(), str(path))
    if not text.strip():
        raise InputError(f"{path}: empty document")
    return [enrich(Document(text=text, source=str(path), title=markdown_title(text), meta={"format": "text"}))]


# Loaders of heavier formats import their libraries only when a file of that kind is met.
def _html(path: Path, options: IngestOptions) -> Iterable[Document | Failure]:
    from xeber.ingest.html import load_html_file

    return load_html_file(path)


def _jsonl(path: Path, options: IngestOptions) -> Iterable[Document | Failure]:
    from xeber.ingest.tables import load_jsonl

    return load_jsonl(path, options)


def _csv(path: Path, options: IngestOptions) -> Iterable[Document | Failure]:
    from xeber.ingest.tables import load_csv

    return load_csv(path, options)


def _image(path: Path, options: IngestOptions) -> Iterable[Document | Failure]:
    from xeber.ingest.scans import load_image

    return load_image(path, options)


def _pdf(path: Path, options: IngestOptions) -> Iterable[Document | Failure]:
    from xeber.ingest.scans import load_pdf

    return load_pdf(path, options)


def _feed(path: Path, options: IngestOptions) -> Iterable[Document | Failure]:
    from xeber.ingest.feeds import load_feed_file

    return load_feed_file(path, options)


# Extension → loader.
LOADERS: dict[str, Loader] = {
    ".txt": load_text_file, ".md": load_text_file, ".markdown": load_text_file,
    ".html": _html, ".htm": _html,
    ".jsonl": _jsonl, ".ndjson": _jsonl, ".csv": _csv, ".tsv": _csv,
    ".png": _image, ".jpg": _image, ".jpeg": _image, ".tif": _image, ".tiff": _image,
    ".pdf": _pdf,
    ".rss": _feed, ".atom": _feed,
}


def iter_files(paths: list[str]) -> Iterator[Path | Failure]:
    """Every loadable file under `paths` (sorted, recursive); a Failure for each path that is
    missing or has no loader when named directly."""
    for p in paths:
        path = Path(p)
        if not path.exists():
            yield Failure(p, "no such file or folder")
        elif path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and f.suffix.lower() in LOADERS and not any(part.startswith(".") for part in f.relative_to(path).parts):
                    yield f
        elif path.suffix.lower() in LOADERS:
            yield path
        else:
            yield Failure(p, f"unsupported file type {path.suffix or '(none)'}; supported: {', '.join(sorted(LOADERS))}")


def load_path(path: Path, options: IngestOptions | None = None) -> Iterator[Document | Failure]:
    """The documents in one file (an export holds many; a bad row is a Failure among them).

    Raises InputError when the file as a whole cannot be read.
    """
    loader = LOADERS.get(path.suffix.lower())
    if loader is None:
        raise InputError(f"{path}: unsupported file type")
    try:
        yield from loader(path, options or IngestOptions())
    except OSError as e:
        raise InputError(f"{path}: {e.strerror or e}") from e
