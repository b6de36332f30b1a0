"""OCR with the Tesseract binary: one single-threaded process per page, pages in parallel.

Tesseract's own OpenMP threads made a page take 8–20 s on a shared 2-core machine instead of
~2 s, so every process runs with OMP_THREAD_LIMIT=1 and parallelism comes from running pages side
by side. `-c tessedit_load_sublangs=` stops `aze` from loading its Cyrillic sub-language, which
otherwise mixes Cyrillic letters into Latin pages. TSV output keeps each word's confidence and the
block/paragraph/line structure, which is Tesseract's reading order (columns one after another).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from xeber.errors import InputError
from xeber.text.translit import cyrillic_to_latin, is_cyrillic_azerbaijani

# Words Tesseract is less sure of than this go into doc.meta["ocr"]["low"] for the normalizer.
LOW_CONFIDENCE = 80.0
# In "auto" mode a page read worse than this (mean word confidence) is read again as Cyrillic.
CYRILLIC_RETRY_BELOW = 75.0
PAGE_TIMEOUT_S = 180.0


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    conf: float
    block: int
    par: int
    line: int


@dataclass(slots=True)
class PageText:
    """One page read by Tesseract: its text, with offsets of low-confidence words into it."""

    text: str
    lang: str
    mean_conf: float
    words: int
    low: list[list[float]] = field(default_factory=list)  # [start, end, conf]
    original_script_text: str | None = None  # the Cyrillic text, when `text` is transliterated


def tesseract_path() -> str:
    path = shutil.which("tesseract")
    if path is None:
        raise InputError("OCR needs the tesseract program (Debian: apt-get install tesseract-ocr tesseract-ocr-aze)")
    return path


def available_languages() -> list[str]:
    out = subprocess.run([tesseract_path(), "--list-langs"], capture_output=True, text=True, timeout=30)
    return [line.strip() for line in out.stdout.splitlines()[1:] if line.strip()]


def run_tesseract(image: Path, lang: str, *, psm: int = 3, timeout: float = PAGE_TIMEOUT_S) -> str:
    """Tesseract's TSV for one image file."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    cmd = [tesseract_path(), str(image), "stdout", "-l", lang, "--psm", str(psm), "-c", "tessedit_load_sublangs=", "tsv"]
    try:
        out = subprocess.run(cmd, capture_output=True, env=env, timeout=timeout)
    except subprocess.TimeoutExpired as e:
        raise InputError(f"{image}: OCR took longer than {timeout:.0f} s") from e
    if out.returncode != 0:
        message = out.stderr.decode("utf-8", "replace").strip().splitlines()
        raise InputError(f"{image}: tesseract failed: {message[-1] if message else out.returncode}")
    return out.stdout.decode("utf-8", "replace")


def parse_tsv(tsv: str) -> list[Word]:
    """The words of a Tesseract TSV, in its reading order."""
    words: list[Word] = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        text = cols[11].strip()
        if not text:
            continue
        words.append(Word(text, float(cols[10]), int(cols[2]), int(cols[3]), int(cols[4])))
    return words


def layout_words(words: Sequence[Word], *, transliterate: bool = False) -> PageText:
    """Words joined into text: a space between words, a newline between lines, a blank line
    between paragraphs and blocks. With `transliterate`, each word is turned into Latin letters
    first, so the low-confidence offsets index the Latin text."""
    parts: list[str] = []
    original: list[str] = []
    low: list[list[float]] = []
    pos = 0
    prev: Word | None = None
    total_conf = 0.0
    for w in words:
        if prev is None:
            sep = ""
        elif (w.block, w.par) != (prev.block, prev.par):
            sep = "\n\n"
        elif w.line != prev.line:
            sep = "\n"
        else:
            sep = " "
        text = cyrillic_to_latin(w.text) if transliterate else w.text
        parts.append(sep + text)
        original.append(sep + w.text)
        pos += len(sep)
        if w.conf < LOW_CONFIDENCE:
            low.append([pos, pos + len(text), round(w.conf, 1)])
        pos += len(text)
        total_conf += w.conf
        prev = w
    mean = total_conf / len(words) if words else 0.0
    return PageText(
        "".join(parts), "", round(mean, 1), len(words), low,
        "".join(original) if transliterate else None,
    )


def ocr_page(image: Path, lang: str = "auto") -> PageText:
    """One page image read as text. `auto` reads it as Latin Azerbaijani, and again as Cyrillic
    Azerbaijani when that reads poorly; Cyrillic results are transliterated to Latin."""
    first = "aze" if lang == "auto" else lang
    words = parse_tsv(run_tesseract(image, first))
    page = _page(words, first)
    if lang == "auto" and (page.mean_conf < CYRILLIC_RETRY_BELOW or not words):
        cyr_words = parse_tsv(run_tesseract(image, "aze_cyrl"))
        cyr = _page(cyr_words, "aze_cyrl")
        if cyr.words and cyr.mean_conf > page.mean_conf + 5:
            page = cyr
    return page


def _page(words: list[Word], lang: str) -> PageText:
    raw = " ".join(w.text for w in words)
    page = layout_words(words, transliterate=lang.endswith("cyrl") or is_cyrillic_azerbaijani(raw))
    page.lang = lang
    return page


def ocr_pages(images: Sequence[Path], lang: str = "auto", workers: int = 2) -> list[PageText]:
    """Pages read side by side, one single-threaded tesseract each; results in page order."""
    if workers <= 1 or len(images) <= 1:
        return [ocr_page(p, lang) for p in images]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda p: ocr_page(p, lang), images))


def merge_pages(pages: Sequence[PageText]) -> tuple[str, dict[str, Any]]:
    """The text of all pages (a form feed between pages) and the OCR metadata for doc.meta."""
    texts: list[str] = []
    originals: list[str] = []
    low: list[list[float]] = []
    page_starts: list[int] = []
    pos = 0
    for i, page in enumerate(pages):
        if i:
            texts.append("\n\f\n")
            originals.append("\n\f\n")
            pos += 3
        page_starts.append(pos)
        low.extend([s + pos, e + pos, c] for s, e, c in page.low)
        texts.append(page.text)
        originals.append(page.original_script_text or page.text)
        pos += len(page.text)
    words = sum(p.words for p in pages)
    meta: dict[str, Any] = {
        "engine": "tesseract",
        "lang": sorted({p.lang for p in pages}),
        "pages": len(pages),
        "page_starts": page_starts,
        "mean_conf": round(sum(p.mean_conf * p.words for p in pages) / words, 1) if words else 0.0,
        "low_threshold": LOW_CONFIDENCE,
        "low": [[int(s), int(e), c] for s, e, c in low],
    }
    text = "".join(texts)
    extra: dict[str, Any] = {"ocr": meta}
    if any(p.original_script_text is not None for p in pages):
        extra["original_script_text"] = "".join(originals)
        extra["original_script"] = "Cyrl"
    return text, extra


def ocr_images(images: Sequence[Path], lang: str = "auto", workers: int = 2) -> tuple[str, dict[str, Any]]:
    return merge_pages(ocr_pages(images, lang, workers))


def temp_dir() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="xeber-ocr-")
