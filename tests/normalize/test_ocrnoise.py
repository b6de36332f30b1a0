"""OCR output: specks read as punctuation, alone or glued between two words."""

from __future__ import annotations

import pytest

from xeber.normalize import Normalizer
from xeber.normalize.ocrnoise import (
    glued_speck_edits,
    misread_guillemet_edits,
    ocr_noise_edits,
    spurious_period_edits,
)


@pytest.fixture(scope="module")
def norm() -> Normalizer:
    return Normalizer.build(use_local_lm=False)


def _spans(text: str, doubted: list[tuple[str, float]]) -> list[tuple[int, int, float]]:
    out, pos = [], 0
    for token, conf in doubted:
        at = text.index(token, pos)
        out.append((at, at + len(token), conf))
        pos = at + len(token)
    return out


def test_doubted_punctuation_alone_is_deleted_with_its_space() -> None:
    text = "Tədbir : keçirilib — və\n” yekunlaşıb."
    edits = ocr_noise_edits(text, _spans(text, [(":", 3.3), ("—", 62.0), ("”", 40.0)]))
    assert [(e.original, e.replacement, e.kind) for e in edits] == [
        (" :", "", "ocr-noise"), (" —", "", "ocr-noise"), ("” ", "", "ocr-noise")]


@pytest.mark.parametrize(("text", "doubted"), [
    ("Tədbir : keçirilib.", [(":", 85.0)]),  # read confidently: a real colon
    ("Qiymət 169 manatdır.", [("169", 20.0)]),  # a digit: a misread number is no speck
    ("Tədbir keçirilib: yekunlaşıb.", [("keçirilib:", 30.0)]),  # punctuation on a word stays
])
def test_what_stays(text: str, doubted: list[tuple[str, float]]) -> None:
    assert ocr_noise_edits(text, _spans(text, doubted)) == []


def test_a_speck_between_two_known_words_is_a_space(norm: Normalizer) -> None:
    known = norm.lexicon.known
    assert [(e.original, e.replacement) for e in glued_speck_edits("Rabitə.və Yüksək", known)] == [(".", " ")]
    assert [(e.original, e.replacement) for e in glued_speck_edits("keçən:dövr ərzində", known)] == [(":", " ")]
    for text in ("data.gov.az portalı", "www.e-gov.az", "fayl.pdf formatında", "Əliyev.Bu gün"):
        assert glued_speck_edits(text, known) == []


def test_specks_go_only_from_ocr_output(norm: Normalizer) -> None:
    text = "Tədbir : keçirilib və Rabitə.və Nazirlik iştirak edib."
    spans = _spans(text, [(":", 3.0)])
    result = norm.normalize(text, low_confidence_spans=spans)
    assert result.text == "Tədbir keçirilib və Rabitə və Nazirlik iştirak edib."
    assert norm.normalize(text).text == text  # typed text: the colon and the dot are the writer's


def test_an_opening_guillemet_read_as_a_letter(norm: Normalizer) -> None:
    known = norm.lexicon.known
    edits = misread_guillemet_edits("Sənəd cDövlət qulluğu haqqında» qanunla və vElektron imza ilə", known)
    assert [(e.original, e.replacement) for e in edits] == [("c", "«"), ("v", "«")]
    for text in ("eGov portalı", "iPhone telefonu", "McDonald şirkəti", "«Dövlət qulluğu»"):
        assert misread_guillemet_edits(text, known) == []


def test_a_speck_read_as_a_period_inside_a_sentence(norm: Normalizer) -> None:
    known = norm.lexicon.known
    edits = spurious_period_edits("Tərəflər. müzakirə ediblər, təmin. olunmasında", known)
    assert [(e.original, e.replacement) for e in edits] == [(".", ""), (".", "")]
    for text in ("Xərc 5 mln. manat olub.", "Bu belədir. Sonra gəldi.", "Fayl... açılmır"):
        assert spurious_period_edits(text, known) == []
