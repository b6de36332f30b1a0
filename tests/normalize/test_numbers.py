"""Endings after numbers: the harmony of the number read aloud, and repairs of misread endings."""

from __future__ import annotations

import pytest

from xeber.normalize import Normalizer
from xeber.normalize.numbers import (
    endings_after,
    repair_acronym_ending,
    repair_ending,
    split_ending,
    spoken_last_word,
)


@pytest.mark.parametrize(("digits", "word"), [
    ("2021", "bir"), ("1990", "doxsan"), ("10", "on"), ("100", "yüz"), ("2000", "min"), ("000", "min"),
    ("0", "sıfır"), ("1000000", "milyon"), ("46", "altı"),
])
def test_spoken_last_word(digits: str, word: str) -> None:
    assert spoken_last_word(digits) == word


def test_endings_follow_the_spoken_number() -> None:
    assert endings_after("bir")[:3] == ("ci", "də", "dən")  # 2021-ci ildə, 1-dən
    assert endings_after("doxsan")[:3] == ("cı", "da", "dan")
    assert {"nin", "yə", "si", "yədək"} <= set(endings_after("iki"))  # after a vowel: 2-nin, 2-yə, 2-si
    assert {"luq", "uncu"} <= set(endings_after("on"))


@pytest.mark.parametrize(("token", "expected"), [
    ("2021-rci", "2021-ci"),  # a letter added
    ("2021-cl", "2021-ci"),  # OCR's l for i
    ("140-dann", "140-dan"),  # a letter doubled
    ("2021-dyə", "2021-də"),
    ("1990-ıc", "1990-cı"),  # two letters swapped
    ("1200-clən", "1200-dən"),  # OCR's cl for d, two edits from the ending
])
def test_misread_endings_are_repaired(token: str, expected: str) -> None:
    repaired = repair_ending(token)
    assert repaired is not None
    at, ending, _ = repaired
    assert token[:at] + ending == expected


def test_a_postposition_chooses_between_near_endings(norm: Normalizer) -> None:
    # 20-mə is one edit from 20-də, 20-yə and 20-nə: qədər takes the dative, and OCR reads n as m
    assert repair_ending("20-mə")[1] == "də"  # type: ignore[index]  # alone, the most usual
    fixed = norm.normalize("Qəbul dekabrın 20-mə qədər davam edəcək.").text
    assert fixed == "Qəbul dekabrın 20-nə qədər davam edəcək."


@pytest.mark.parametrize("token", [
    "2021-ci", "29-da", "3-cü", "2-si", "50-yədək", "100-lərlə", "1-nə",  # right as written
    "2017-cı", "50-ə",  # the writer's own harmony: some number takes it, so it stays
    "5-ulduz",  # no ending of this number is one edit away
])
def test_endings_a_number_takes_stay(token: str) -> None:
    assert repair_ending(token) is None


@pytest.fixture(scope="module")
def norm() -> Normalizer:
    return Normalizer.build(use_local_lm=False)


def test_normalizer_repairs_number_endings_but_not_addresses(norm: Normalizer) -> None:
    result = norm.normalize("Layihə 2021-rci ildə başlayıb, 140-dann çox ölkə qoşulub, 2017-cı ildə isə bitib.")
    assert result.text == "Layihə 2021-ci ildə başlayıb, 140-dan çox ölkə qoşulub, 2017-cı ildə isə bitib."
    # the edits cover the endings alone
    assert [(e.original, e.replacement, e.kind) for e in result.edits] == [
        ("rci", "ci", "spelling"), ("dann", "dan", "spelling")]
    assert norm.normalize(result.text).edits == []
    assert norm.normalize("Sayt www.example.az/2021-rci səhifəsindədir.").edits == []


def test_a_space_lost_after_a_number_ending(norm: Normalizer) -> None:
    known = norm.lexicon.known
    assert split_ending("2021-ciilin", known) == len("2021-ci")
    assert split_ending("2020-ciildə", known) == len("2020-ci")
    assert split_ending("2021-ci", known) is None and split_ending("2021-rci", known) is None
    result = norm.normalize("Sənəd 2021-ciilin sonunda qəbul edilib.")
    assert result.text == "Sənəd 2021-ci ilin sonunda qəbul edilib."
    assert [(e.original, e.replacement, e.kind) for e in result.edits] == [("", " ", "merge")]


def test_an_acronym_ending_follows_the_acronym_read_aloud() -> None:
    def seen(ending: str) -> int:  # no corpus: the readings alone decide
        return 0

    # read letter by letter (RYTN: ...en, BMT: ...tə, İT: ...tə) or as a word (ASAN)
    assert repair_acronym_ending("RYTN", "ib", seen) == ("in", 0.75)  # (i is one edit away too)
    assert repair_acronym_ending("BMT", "min", seen) == ("nin", 0.9)
    assert repair_acronym_ending("İT", "nim", seen) == ("nin", 0.75)
    assert repair_acronym_ending("İT", "nim", lambda e: 5 if e == "nin" else 0) == ("nin", 0.9)  # seen after İT
    assert repair_acronym_ending("EHM", "lerin", seen) == ("lərin", 0.9)
    # an ending in some harmony is the writer's reading and stays; so does a foreign one no edit mends
    for acronym, ending in (("AŞPA", "nın"), ("ABŞ", "ın"), ("NATO", "nun"), ("BMT", "nin"), ("MHM", "non")):
        assert repair_acronym_ending(acronym, ending, seen) is None


def test_normalizer_repairs_endings_after_acronyms_and_quotes(norm: Normalizer) -> None:
    text = ('RYTN-ib məlumatına görə, "Elektron Hökumət"ib və “Fikir bankı”ua yeniliklər, '
            '"Play Store"-do, “Şəxsi kabinetim”və TÜRKPA-nın iclası, İKT-ilə maraqlananlar.')
    result = norm.normalize(text)
    assert [(e.original, e.replacement) for e in result.edits] == [("ib", "in"), ("ib", "in"), ("ua", "na")]
