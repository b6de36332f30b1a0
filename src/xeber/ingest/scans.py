"""Scans → Documents: page images and PDFs (the text layer when a page has one, else OCR)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

from xeber.document import Document
from xeber.errors import InputError
from xeber.ingest.base import IngestOptions
from xeber.ingest.meta import enrich
from xeber.ingest.ocr import PageText, merge_pages, ocr_pages, temp_dir

MAX_SCAN_BYTES = 200 * 1024 * 1024
MAX_PAGES = 500
# A PDF page with fewer letters than this in its text layer is treated as a scan and OCR'd.
MIN_TEXT_LAYER_CHARS = 20


def _check_size(path: Path) -> None:
    size = path.stat().st_size
    if size == 0:
        raise InputError(f"{path}: empty file")
    if size > MAX_SCAN_BYTES:
        raise InputError(f"{path}: {size} bytes is larger than the {MAX_SCAN_BYTES}-byte limit for a scan")


def _scan_document(path: Path, pages: list[PageText], fmt: str) -> Document:
    text, ocr_meta = merge_pages(pages)
    if not text.strip():
        raise InputError(f"{path}: no text found on the page{'s' if len(pages) > 1 else ''}")
    meta: dict[str, Any] = {"format": fmt, **ocr_meta}
    return enrich(Document(text=text, source=str(path), meta=meta))


def image_pages(path: Path, out_dir: Path) -> list[Path]:
    """The pages of an image file (each frame of a multi-page TIFF) as grey PNGs in `out_dir`."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as im:
            frames = getattr(im, "n_frames", 1)
            if frames > MAX_PAGES:
                raise InputError(f"{path}: {frames} pages is more than the {MAX_PAGES}-page limit")
            pages: list[Path] = []
            for i in range(frames):
                im.seek(i)
                page = im.convert("L")
                out = out_dir / f"page-{i:04d}.png"
                page.save(out)
                pages.append(out)
            return pages
    except UnidentifiedImageError as e:
        raise InputError(f"{path}: not an image Pillow can read (wrong extension or damaged file)") from e
    except Image.DecompressionBombError as e:
        raise InputError(f"{path}: image too large ({e})") from e
    except (OSError, SyntaxError, ValueError, EOFError) as e:
        raise InputError(f"{path}: damaged image ({e})") from e


def load_image(path: Path, options: IngestOptions) -> list[Document]:
    _check_size(path)
    with temp_dir() as tmp:
        pages = image_pages(path, Path(tmp))
        return [_scan_document(path, ocr_pages(pages, options.ocr_lang, options.workers), "image")]


def pdf_text_layer(path: Path) -> list[str]:
    """The text layer of each page ("" for a page without one)."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            raise InputError(f"{path}: encrypted PDF")
        if len(reader.pages) > MAX_PAGES:
            raise InputError(f"{path}: {len(reader.pages)} pages is more than the {MAX_PAGES}-page limit")
        return [(page.extract_text() or "").strip() for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError, AssertionError, RecursionError) as e:
        raise InputError(f"{path}: not a readable PDF ({e.__class__.__name__}: {e})") from e


def render_pdf_pages(path: Path, pages: list[int], out_dir: Path, dpi: int) -> list[Path]:
    """Render 1-based `pages` of a PDF to grey PNGs with poppler's pdftoppm."""
    exe = shutil.which("pdftoppm")
    if exe is None:
        raise InputError(f"{path}: this PDF has no text layer and OCR of PDFs needs pdftoppm (Debian: apt-get install poppler-utils)")
    out: list[Path] = []
    for n in pages:
        prefix = out_dir / f"page-{n:04d}"
        cmd = [exe, "-r", str(dpi), "-gray", "-png", "-singlefile", "-f", str(n), "-l", str(n), str(path), str(prefix)]
        try:
            run = subprocess.run(cmd, capture_output=True, timeout=120)
        except subprocess.TimeoutExpired as e:
            raise InputError(f"{path}: rendering page {n} took too long") from e
        if run.returncode != 0:
            raise InputError(f"{path}: cannot render page {n}: {run.stderr.decode('utf-8', 'replace').strip()[:200]}")
        out.append(prefix.with_suffix(".png"))
    return out


def load_pdf(path: Path, options: IngestOptions) -> list[Document]:
    _check_size(path)
    layer = pdf_text_layer(path)
    if not layer:
        raise InputError(f"{path}: PDF has no pages")
    scanned = [i for i, t in enumerate(layer) if sum(ch.isalpha() for ch in t) < MIN_TEXT_LAYER_CHARS]
    pages: list[PageText | None] = [
        None if i in scanned else PageText(t, "pdf-text", 100.0, len(t.split())) for i, t in enumerate(layer)
    ]
    if scanned:
        with temp_dir() as tmp:
            images = render_pdf_pages(path, [i + 1 for i in scanned], Path(tmp), options.dpi)
            for i, page in zip(scanned, ocr_pages(images, options.ocr_lang, options.workers), strict=True):
                pages[i] = page
    done = [p for p in pages if p is not None]
    doc = _scan_document(path, done, "pdf")
    doc.meta["text_layer_pages"] = len(layer) - len(scanned)
    if not scanned:
        doc.meta.pop("ocr", None)
    return [doc]
