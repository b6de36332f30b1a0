"""xeber.normalize real-word stage: confusion sets, morphosyntax, the Settings switch."""

from __future__ import annotations

from dataclasses import replace

import pytest

from xeber.normalize import Normalizer
from xeber.normalize.context import ENDING, BigramModel, ContextScorer
from xeber.normalize.realword import RealWordParams, RealWords, _chain_changes
from xeber.normalize.speller import NON_AZERBAIJANI_SPELLINGS
from xeber.settings import Settings


@pytest.fixture(scope="module")
def norm() -> Normalizer:
    return Normalizer.build(use_local_lm=False)


def test_chain_changes_are_one_morpheme_apart() -> None:
    assert _chain_changes(("PL", "GEN")) == [(("PL", "ACC"), "GEN>ACC")]
    assert _chain_changes(("ACC",)) == [(("GEN",), "ACC>GEN")]
    assert _chain_changes(("LOC",)) == [(("P3SG", "LOC_N"), "+P3LOC")]
    assert _chain_changes(("P3SG", "DAT")) == [(("DAT",), "-P3DAT")]
    assert _chain_changes(("P1SG", "LOC")) == []  # a 1st-person possessive is not one slip from P3
    assert _chain_changes(("PL",)) == []


def test_morpheme_neighbours_are_regenerated_with_harmony(norm: Normalizer) -> None:
    real = norm.speller.real_words
    assert real is not None
    found = {n.word: n.source for n in real.neighbours("kitabların")}
    assert found.get("kitabları") == "GEN>ACC"
    found = {n.word: n.source for n in real.neighbours("məktəbdə")}
    assert found.get("məktəbində") == "+P3LOC"
    found = {n.word: n.source for n in real.neighbours("şəhərində")}
    assert found.get("şəhərdə") == "-P3LOC"


def test_syntax_asks_for_the_accusative_before_a_verb(norm: Normalizer) -> None:
    real = norm.speller.real_words
    assert real is not None
    assert real._syntax("GEN>ACC", "onlar", "oxudular") == 1.0
    assert real._syntax("GEN>ACC", "onlar", "müəllifləri") == 0.0
    assert real._syntax("ACC>GEN", None, "oxudular") == -1.0
    assert real._syntax("+P3LOC", "məktəbin", "") == 1.0
    assert real._syntax("+P3LOC", "böyük", "") == 0.0


def _with_bigrams(norm: Normalizer, pairs: dict[tuple[str, str], int]) -> RealWords:
    lm = BigramModel()
    for (a, b), c in pairs.items():
        lm.bigrams[(a, b)] = c
        lm.followers[a] = lm.followers.get(a, 0) + c
        for w in (a, b):
            lm.unigrams[w] = lm.unigrams.get(w, 0) + c
    return RealWords(norm.lexicon, norm.errors, ContextScorer(norm.lexicon, lm), norm.lexicon.morph)


def test_context_decides_between_a_word_and_its_misreading(norm: Normalizer) -> None:
    real = _with_bigrams(norm, {("alma", "və"): 500, ("və", "armud"): 500, ("alma", "satılır"): 50})
    # 'yə' (an OCR misreading of 'və') between words that the model has seen around 'və'
    fix = real.correct("yə", "alma", "armud")
    assert fix is not None and fix[0] == "və" and 0.5 < fix[1] <= 1.0
    assert real.correct("və", "alma", "armud") is None  # the right word stays
    assert real.correct("yə", None, None) is None  # no context, no decision


def test_real_words_setting_switches_the_stage_off(norm: Normalizer) -> None:
    speller = norm.speller
    saved = speller.real_words
    speller.real_words = _with_bigrams(norm, {("alma", "və"): 500, ("və", "armud"): 500})
    try:
        on = norm.normalize("alma yə armud", Settings(real_words=True))
        off = norm.normalize("alma yə armud", Settings(real_words=False))
    finally:
        speller.real_words = saved
    assert on.text == "alma və armud"
    assert [e.kind for e in on.edits] == ["real-word"]
    assert off.text == "alma yə armud" and off.edits == []


def test_an_ending_alone_after_a_word_is_a_misreading(norm: Normalizer) -> None:
    # `yə` is listed (tokens split at hyphens), but never stands alone after a word: no bigram has to
    # vouch for `və` on both sides, as it would for a word
    real = _with_bigrams(norm, {("təhsil", "və"): 3, ("ya", "olsun"): 3, ("alma", "də"): 3})
    fix = real.correct("yə", "təhsil", "səhiyyə")
    assert fix is not None and fix[0] == "və"
    assert real.correct("ve", "təhsil", "səhiyyə") is not None  # a Turkish function word likewise
    assert real.correct("yə", None, "səhiyyə") is None  # after a number or at the start: left alone
    assert real.correct("nın", "türkpa", "iclası") is None  # never replaced by another ending


def test_particles_follow_the_harmony_of_the_word_before(norm: Normalizer) -> None:
    text = "Bakı də bu tədbirə qoşulub, Gəncə da. Sən də gəlirsən mı? ASC də qoşulub."
    out = norm.normalize(text, Settings(real_words=True)).text
    assert out == "Bakı da bu tədbirə qoşulub, Gəncə də. Sən də gəlirsən mi? ASC də qoşulub."


def test_turkish_or_ascii_function_words_between_our_words(norm: Normalizer) -> None:
    # `de`, `ve`, `ile` typed for də, və, ilə; in foreign names they stay
    text = ("Müəllimlər de gəlib, kənddə de. Alma ve armud satılır, dəftər ile qələm alınıb. "
            "Societe Generale de Surveillance, Rio de Janeiro, Charles de Gaulle.")
    out = norm.normalize(text, Settings(real_words=True)).text
    assert out == ("Müəllimlər də gəlib, kənddə də. Alma və armud satılır, dəftər ilə qələm alınıb. "
                   "Societe Generale de Surveillance, Rio de Janeiro, Charles de Gaulle.")


def test_a_doubtful_spelling_edit_does_not_block_the_real_word_stage() -> None:
    # with the local bigram model the spelling stage doubts `ile` (confidence 0.499, below the
    # threshold); the real-word stage must still judge it
    from xeber.normalize.context import local_lm_path

    if local_lm_path() is None:
        pytest.skip("needs the local bigram model (make models, with ../shared)")
    out = Normalizer.default().normalize("Güləşçi rəqibini 6:2 hesabı ile məğlub edərək qalib gəlib.").text
    assert "hesabı ilə məğlub" in out


def test_a_genitive_before_a_possessed_verbal_noun_stays(norm: Normalizer) -> None:
    real = norm.speller.real_words
    assert real is not None
    # müdafiəsinin gücləndirilməsi: the verbal noun carries a possessive, so it is the possessed noun
    assert real._syntax("GEN>ACC", "sosial", "gücləndirilməsi") == 0.0
    assert real._syntax("GEN>ACC", "onlar", "oxudular") == 1.0


def test_a_short_word_the_news_never_uses_yields_on_one_side(norm: Normalizer) -> None:
    # 'vo' (OCR's və; the frequency lists count it as a foreign word) after a word seen before 'və', before
    # one the model never saw after it
    pairs = {("verdi", "və"): 300, ("və", "sonra"): 300, ("alma", "və"): 5}
    fix = _with_bigrams(norm, pairs).correct("vo", "verdi", "həmin")
    assert fix is not None and fix[0] == "və"
    # once the model has seen the word itself (in a name, say), both sides must vouch again
    assert _with_bigrams(norm, {**pairs, ("kristian", "vo"): 3}).correct("vo", "verdi", "həmin") is None


def test_a_foreign_spelling_is_never_a_replacement(norm: Normalizer) -> None:
    # a corpus that holds its own typo (`autentifikasiya va avtorizasiya`) must not turn the fixed `və` back
    pairs = {("autentifikasiya", "va"): 3, ("va", "avtorizasiya"): 3, ("autentifikasiya", "və"): 1}
    real = _with_bigrams(norm, pairs)
    assert real.correct("və", "autentifikasiya", "avtorizasiya") == ("va", pytest.approx(1.0, abs=0.5))
    real.non_azerbaijani = NON_AZERBAIJANI_SPELLINGS
    real.neighbours.cache_clear()
    assert real.correct("və", "autentifikasiya", "avtorizasiya") is None


def test_a_neighbour_seen_on_both_sides_of_a_word_seen_on_neither_needs_less_margin(norm: Normalizer) -> None:
    pairs = {("ilə", "bağlı"): 40, ("bağlı", "olaraq"): 40, ("bağı", "var"): 3}

    def gains(extra: dict[tuple[str, str], int]) -> tuple[float, float]:
        real = _with_bigrams(norm, {**pairs, **extra})
        with_bonus = real.best("bağı", "ilə", "olaraq")
        real.params = replace(real.params, both_sides_bonus=0.0)
        without = real.best("bağı", "ilə", "olaraq")
        assert with_bonus is not None and without is not None and with_bonus[1] == without[1] == "bağlı"
        return with_bonus[0], without[0]

    with_bonus, without = gains({})
    assert with_bonus - without == pytest.approx(RealWordParams().both_sides_bonus)
    with_bonus, without = gains({("ilə", "bağı"): 1})  # the word as written seen beside one of them
    assert with_bonus == pytest.approx(without)


def test_a_short_word_is_chosen_by_its_bigrams_not_its_ending(norm: Normalizer) -> None:
    # `yə` alone between two nouns the model never saw beside və or nə: the commoner və, not nə, whose
    # ending the model never saw on a right-hand side (add-one smoothing inflates such a rare ending's
    # association with any left one)
    pairs = {("kitab", "və"): 400, ("və", "qələm"): 400, ("nə", "isə"): 60, ("alma", "satılır"): 20,
             ("ağac", "armud"): 20}
    real = _with_bigrams(norm, pairs)
    lm = real.context.lm
    assert lm is not None
    for (a, b), c in pairs.items():  # the ending bigrams the loader derives from the word bigrams
        ends = (a[-ENDING:], b[-ENDING:])
        lm.endings[ends] = lm.endings.get(ends, 0) + c
        lm.ending_left[ends[0]] = lm.ending_left.get(ends[0], 0) + c
        lm.ending_right[ends[1]] = lm.ending_right.get(ends[1], 0) + c
    fix = real.correct("yə", "alma", "armud")
    assert fix is not None and fix[0] == "və"


def test_an_ending_set_apart_after_a_dash_is_the_numbers() -> None:
    # `1 000 000 - cu`: the ordinal ending written apart, which the bigram model would read as `bu`
    from xeber.normalize.context import local_lm_path

    path = local_lm_path("train")
    if path is None:
        pytest.skip("needs the local bigram model (make models, with ../shared)")
    text = "Portal üzərindən 1 000 000 - cu istifadəçi qeydiyyatdan keçib."
    assert Normalizer.build(lm_path=path).normalize(text).text == text
