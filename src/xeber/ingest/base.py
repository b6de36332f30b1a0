"""What every loader shares: the per-item Failure, the options object and the Loader type."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from xeber.document import Document


@dataclass(slots=True)
class Failure:
    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """Knobs for ingestion, built by the CLI or the server and passed down explicitly."""

    # Field → column for .jsonl/.csv exports (see xeber.ingest.tables.FIELDS); others are guessed.
    mapping: dict[str, str] = field(default_factory=dict)
    # Tesseract language: "auto" tries Latin Azerbaijani and falls back to Cyrillic when it reads
    # better; or a Tesseract language name such as "aze", "aze_cyrl", "eng".
    ocr_lang: str = "auto"
    # Pages OCR'd at once (one single-threaded tesseract process each).
    workers: int = 2
    # PDF pages are rendered at this resolution for OCR.
    dpi: int = 300
    # Web fetching.
    timeout_s: float = 20.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    user_agent: str = "xeber/0.1 (+https://github.com/xeber)"
    # Fetch each feed entry's page; when off (or the fetch fails) the entry's summary is used.
    fetch_entries: bool = True


Loader = Callable[[Path, IngestOptions], Iterable[Document | Failure]]
