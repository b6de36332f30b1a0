"""Specks an OCR engine read as punctuation: a token of punctuation alone (`:`, `—`, `”`, `..`) that the
engine itself doubted is no part of the page, and goes.

Degraded scans put dots and smudges between words, which Tesseract reads as colons, dashes and quotes,
each a word of its own with a low confidence. On our rendered dev pages (bench/ingest_bench.py, another
12 articles than the benchmark's), every such doubted punctuation-only word that was deleted was noise
(128 of 128), and deleting them takes the character error rate of heavily degraded pages from 4.1% to 2.2%.
Punctuation the engine read confidently (a dash between words, a closing quote) stays, and so does any
token with a letter or a digit: a misread word is the word stage's to repair.

A speck between two words can also join them: `Rabitə.və`, `keçən:dövr`. A period, colon or comma
glued between two words the lexicon knows, the second in lower case, is read as the space it stands
for (not in addresses: a second word of a domain, `gov.az`, is no word of the lexicon's).

A period glued to a known word of four or more letters before a word in lower case is a speck too
(`Tərəflər. müzakirə ediblər`): a sentence would open with a capital, and abbreviations (`mln.
manat`) are no words of the lexicon's.

An opening guillemet is read as a lower-case c, v or s glued to the capitalised word it opens
(`cDövlət`, `vElektron`): it is put back when the rest is a word the lexicon knows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from xeber.text.casing import lower
from xeber.text.edits import Edit
from xeber.text.tokenize import abbreviations

# below this confidence (Tesseract's 0-100) a punctuation-only word is a speck; the OCR stage passes on
# the words under 80 (xeber.ingest.ocr.LOW_CONFIDENCE), so in practice: every doubted one
MAX_CONFIDENCE = 80.0
CONFIDENCE = 0.9
# what follows a dot in names of sites and files, which the lexicon may know as words
_NOT_AFTER_DOT = frozenset("az com org net gov edu info int ru tr uk de eu pdf doc docx xls xlsx ppt pptx jpg png "
                           "txt zip rar html htm xml csv exe".split())
_DOT_BEFORE_LOWER = re.compile(r"(?<![\w.])([^\W\d_]{4,})\.(?=[ \t]+[a-zçəğıöşü])")
_GUILLEMET = re.compile(r"(?<![\w«“\"])([cvs])([A-ZÇƏĞİÖŞÜ][a-zçəğıöşü]{2,})")
_GLUED = re.compile(r"(?<![\w.:/@-])([^\W\d_]{2,})([.:,])([a-zçəğıöşü]{2,})(?![\w.:/@-])")


def ocr_noise_edits(text: str, low_confidence: Sequence[tuple[int, int, float]]) -> list[Edit]:
    """Deletions of the doubted punctuation-only words of `text` (OCR output), each with the space
    before it (or after it, at the start of a line), sorted by offset."""
    edits: list[Edit] = []
    for start, end, conf in low_confidence:
        token = text[start:end]
        if conf >= MAX_CONFIDENCE or not token or any(ch.isalnum() or ch.isspace() for ch in token):
            continue
        if (start > 0 and not text[start - 1].isspace()) or (end < len(text) and not text[end].isspace()):
            continue  # part of a longer token: not a word of its own
        if start > 0 and text[start - 1] in " \t":
            start -= 1
        elif end < len(text) and text[end] in " \t":
            end += 1
        if edits and start < edits[-1].end:
            continue
        edits.append(Edit(start, end, text[start:end], "", "ocr-noise", CONFIDENCE))
    return edits


def glued_speck_edits(text: str, known: Callable[[str], bool]) -> list[Edit]:
    """`Rabitə.və` → `Rabitə və`: a speck read as punctuation between two known words of OCR output."""
    edits = []
    for m in _GLUED.finditer(text):
        left, mark, right = m.groups()
        if known(lower(left)) and known(right) and right not in _NOT_AFTER_DOT:
            at = m.start(2)
            edits.append(Edit(at, at + 1, mark, " ", "ocr-noise", CONFIDENCE))
    return edits


def misread_guillemet_edits(text: str, known: Callable[[str], bool]) -> list[Edit]:
    """`cDövlət` → `«Dövlət`: OCR's c, v or s for an opening guillemet."""
    return [Edit(m.start(1), m.end(1), m.group(1), "«", "ocr-noise", CONFIDENCE)
            for m in _GUILLEMET.finditer(text) if known(lower(m.group(2)))]


def spurious_period_edits(text: str, known: Callable[[str], bool]) -> list[Edit]:
    """`Tərəflər. müzakirə` → `Tərəflər müzakirə`: a speck read as a period inside a sentence."""
    out = []
    for m in _DOT_BEFORE_LOWER.finditer(text):
        word = lower(m.group(1))
        if known(word) and word not in abbreviations():
            out.append(Edit(m.end(1), m.end(1) + 1, ".", "", "ocr-noise", CONFIDENCE))
    return out
