"""The stem + suffix-chain candidate generator (two edits away, harmony repaired)."""

from __future__ import annotations

import pytest

from xeber.normalize import Normalizer
from xeber.normalize.morphcands import MorphCandidates, one_edit


@pytest.fixture(scope="module")
def gen() -> MorphCandidates:
    cands = Normalizer.default().speller.morph_candidates
    if cands is None:
        pytest.skip("xeber.morph is not available")
    return cands


def test_one_edit() -> None:
    assert one_edit("kitab", "kitap") and one_edit("kitab", "kitabb") and one_edit("kitab", "iktab")
    assert not one_edit("kitab", "kiatp") and not one_edit("kitab", "kit")


def test_chain_read_with_any_harmony(gen: MorphCandidates) -> None:
    # -lər written with the back vowel and the dative as Turkish -e: the keys are what is read
    assert ("PL", "DAT") in gen.reader.read("lara", "N")
    assert ("GEN",) in gen.reader.read_near("an", "N")  # one key edit inside a morpheme
    assert gen.reader.read("xyz", "N") == ()


def test_chain_harmony_repaired_after_stem(gen: MorphCandidates) -> None:
    # the plural and dative of a front-vowel stem typed with back / Latin vowels
    assert "müəllimlərə" in dict(gen.candidates("müəllimlara"))
    assert "kitablarına" in dict(gen.candidates("kitablerine"))


def test_stem_corrected_and_form_rebuilt(gen: MorphCandidates) -> None:
    # a letter dropped from the stem, the suffixes kept
    assert "müəllimlərimizə" in dict(gen.candidates("müəlimlərimizə"))


def test_names_get_no_candidates(gen: MorphCandidates) -> None:
    assert gen.candidates("qwrtzyplk") == ()


def test_speller_uses_them(gen: MorphCandidates) -> None:
    norm = Normalizer.default()
    assert norm.normalize("Biz müəlimlərimizə təşəkkür edirik.").text == "Biz müəllimlərimizə təşəkkür edirik."


def test_capitalised_merged_word_split() -> None:
    norm = Normalizer.default()
    out = norm.normalize("Dünən Bakı Dövlət Universitetininrektoru ilə görüşdük.")
    assert out.text == "Dünən Bakı Dövlət Universitetinin rektoru ilə görüşdük."
    assert [e.kind for e in out.edits] == ["merge"]
