"""Scans: page images and PDFs rendered by the test from our own text, read back with Tesseract."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest
from ingest_news import CYRILLIC, CYRILLIC_LATIN, LATIN_1, LATIN_2, LATIN_3, text_pdf

from xeber.api import iter_documents
from xeber.document import Document
from xeber.ingest import Failure, IngestOptions, load_path
from xeber.ingest.ocr import layout_words, parse_tsv
from xeber.ingest.synthetic import degrade, find_font, render_page
from xeber.text.casing import fold

pytestmark = pytest.mark.skipif(
    shutil.which("tesseract") is None or find_font() is None, reason="needs tesseract and DejaVu fonts"
)


def _words(text: str) -> list[str]:
    return [w.strip(".,:;“”\"()") for w in fold(text).split()]


def _recall(expected: str, got: str) -> float:
    """Share of the expected words found in the OCR output."""
    want, have = _words(expected), set(_words(got))
    return sum(w in have for w in want) / len(want)


def test_clean_page_reads_back_with_confidences_and_metadata(tmp_path: Path) -> None:
    f = tmp_path / "sehife.png"
    render_page(LATIN_1).save(f)
    [doc] = list(load_path(f))
    assert isinstance(doc, Document)
    assert _recall(LATIN_1, doc.text) >= 0.95
    ocr = doc.meta["ocr"]
    assert ocr["engine"] == "tesseract" and ocr["lang"] == ["aze"] and ocr["pages"] == 1
    assert ocr["mean_conf"] > 85
    for start, end, conf in ocr["low"]:
        assert 0 <= start < end <= len(doc.text) and conf < ocr["low_threshold"]
    assert doc.meta["agency"] == "AZERTAC"
    assert doc.published == "2024-03-12"
    assert doc.language == "az"
    assert doc.meta["format"] == "image"


@pytest.mark.slow
@pytest.mark.parametrize(("level", "fmt", "min_recall"), [("mild", "JPEG", 0.85), ("heavy", "JPEG", 0.6)])
def test_degraded_scans_still_read(tmp_path: Path, level: str, fmt: str, min_recall: float) -> None:
    f = tmp_path / f"scan-{level}.jpg"
    degrade(render_page(LATIN_2), level, seed=7).save(f, fmt, quality=70)
    [doc] = list(load_path(f))
    assert isinstance(doc, Document)
    assert _recall(LATIN_2, doc.text) >= min_recall
    assert len(doc.meta["ocr"]["low"]) >= 1  # a degraded page has words Tesseract doubts


@pytest.mark.slow
def test_two_column_page_in_reading_order(tmp_path: Path) -> None:
    f = tmp_path / "two-columns.png"
    # Four articles, two per column; lines of the two columns sit side by side on the page.
    text = " ".join([LATIN_2.replace("\n", " "), LATIN_3.replace("\n", " ")] * 2)
    render_page(text, columns=2, width=1700, font_size=26).save(f)
    [doc] = list(load_path(f))
    folded = fold(doc.text)
    marks = sorted(
        [(i, "Ş") for i in _find_all(folded, "sekide")] + [(i, "L") for i in _find_all(folded, "lenkeranda")]
    )
    # Column by column: Ş L Ş L. Read across the columns line by line it would start Ş Ş.
    assert [m for _, m in marks] == ["Ş", "L", "Ş", "L"]
    assert _recall(text, doc.text) >= 0.9


def _find_all(text: str, word: str) -> list[int]:
    out, i = [], text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1)
    return out


def test_cyrillic_scan_is_transliterated_with_original_kept(tmp_path: Path) -> None:
    f = tmp_path / "1975.png"
    render_page(CYRILLIC).save(f)
    [doc] = list(load_path(f))
    assert doc.meta["ocr"]["lang"] == ["aze_cyrl"]
    assert doc.meta["original_script"] == "Cyrl"
    assert "Бакыда" in doc.meta["original_script_text"]
    assert doc.text.startswith("Bakıda yeni məktəb")
    # Debian's aze_cyrl model misreads some letters of this font (ш, ч); most words survive.
    assert _recall(CYRILLIC_LATIN, doc.text) >= 0.6
    assert not any("\u0400" <= ch <= "\u04ff" for ch in doc.text)
    assert doc.language == "az"


def test_pdf_with_text_layer_is_not_ocrd(tmp_path: Path) -> None:
    f = tmp_path / "layer.pdf"
    lines = LATIN_2.split("\n")[:1] + ["Festival üç gün davam edəcək, ziyarətçilər üçün ustad dərsləri olacaq."]
    f.write_bytes(text_pdf(lines))
    [doc] = list(load_path(f))
    assert doc.text == "\n".join(lines)
    assert doc.meta["format"] == "pdf" and doc.meta["text_layer_pages"] == 1
    assert "ocr" not in doc.meta


def test_pdf_without_text_layer_is_ocrd(tmp_path: Path) -> None:
    if shutil.which("pdftoppm") is None:
        pytest.skip("needs pdftoppm (poppler-utils)")
    f = tmp_path / "scan.pdf"
    pages = [render_page(LATIN_1), render_page(LATIN_3)]
    pages[0].save(f, "PDF", resolution=150, save_all=True, append_images=pages[1:])
    [doc] = list(load_path(f, IngestOptions(dpi=150)))
    assert doc.meta["text_layer_pages"] == 0 and doc.meta["ocr"]["pages"] == 2
    first, second = doc.text.split("\n\f\n")
    assert _recall(LATIN_1, first) >= 0.9 and _recall(LATIN_3, second) >= 0.9
    assert doc.meta["ocr"]["page_starts"] == [0, len(first) + 3]


def test_tsv_layout_blocks_lines_and_low_confidence_offsets() -> None:
    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    rows = [
        "5\t1\t1\t1\t1\t1\t0\t0\t1\t1\t96.1\tBakı",
        "5\t1\t1\t1\t1\t2\t0\t0\t1\t1\t41.5\tşəhəri",
        "4\t1\t1\t1\t2\t0\t0\t0\t1\t1\t-1\t",
        "5\t1\t1\t1\t2\t1\t0\t0\t1\t1\t90\tmart",
        "5\t1\t2\t1\t1\t1\t0\t0\t1\t1\t12\tЈени",
    ]
    page = layout_words(parse_tsv("\n".join([header, *rows])), transliterate=True)
    assert page.text == "Bakı şəhəri\nmart\n\nYeni"
    assert page.low == [[5, 11, 41.5], [18, 22, 12.0]]
    assert page.original_script_text == "Bakı şəhəri\nmart\n\nЈени"


# --- hostile inputs: each a clear Failure, never a crash ---------------------------------------


def _only_failure(path: Path) -> Failure:
    [item] = list(iter_documents([str(path)]))
    assert isinstance(item, Failure), item
    return item


def test_truncated_image(tmp_path: Path) -> None:
    buf = io.BytesIO()
    render_page(LATIN_1).save(buf, "PNG")
    f = tmp_path / "kesik.png"
    f.write_bytes(buf.getvalue()[: len(buf.getvalue()) // 2])
    assert "damaged image" in _only_failure(f).reason


def test_wrong_extension(tmp_path: Path) -> None:
    f = tmp_path / "meqale.jpg"
    f.write_text(LATIN_1, encoding="utf-8")
    assert _only_failure(f).reason.endswith("not an image Pillow can read (wrong extension or damaged file)")
    g = tmp_path / "meqale.pdf"
    g.write_text(LATIN_1, encoding="utf-8")
    assert "not a readable PDF" in _only_failure(g).reason


def test_invalid_utf8_text(tmp_path: Path) -> None:
    f = tmp_path / "pis.txt"
    f.write_bytes(LATIN_1.encode("utf-8")[:40] + b"\xff\xfe\xfa" + LATIN_1.encode("utf-8")[40:])
    assert "not valid UTF-8 (byte 40)" in _only_failure(f).reason


@pytest.mark.slow
def test_fifty_megabytes_of_junk_under_every_extension(tmp_path: Path) -> None:
    junk = tmp_path / "junk.bin"
    with junk.open("wb") as out:
        block = os.urandom(1 << 20)
        for _ in range(50):
            out.write(block)
    reasons = {}
    for ext in (".txt", ".html", ".png", ".pdf", ".jsonl", ".csv", ".tif"):
        f = tmp_path / f"junk{ext}"
        os.link(junk, f)
        reasons[ext] = _only_failure(f).reason
    assert "larger than the" in reasons[".txt"] and "larger than the" in reasons[".html"]
    assert "not an image" in reasons[".png"] and "not an image" in reasons[".tif"]
    assert "not a readable PDF" in reasons[".pdf"]
    assert "not a JSON Lines export" in reasons[".jsonl"]
    assert "binary data" in reasons[".csv"]
