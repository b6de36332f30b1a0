"""The context scorer's estimates: bigram, stem class and unigram, on a bigram model built here."""

from __future__ import annotations

import math

import pytest

from xeber.normalize import Normalizer
from xeber.normalize.context import BIGRAM_WEIGHT, CLASS_MEMBER_MIN, CLASS_WEIGHT, BigramModel, ContextScorer


@pytest.fixture(scope="module")
def norm() -> Normalizer:
    return Normalizer.build(use_local_lm=False)


def _scorer(norm: Normalizer, pairs: dict[tuple[str, str], int]) -> ContextScorer:
    lm = BigramModel()
    for (a, b), c in pairs.items():
        lm.bigrams[(a, b)] = c
        lm.followers[a] = lm.followers.get(a, 0) + c
    return ContextScorer(norm.lexicon, lm)


def test_an_unseen_form_of_a_seen_common_word_scores_near_its_sibling(norm: Normalizer) -> None:
    # the sample saw forms of məlumat after `statistik`, `məlumatlarında` once, never `məlumatlarına`: an
    # OCR-damaged `malumatlarına` must not become the seen sibling for that alone
    seen, unseen = "məlumatlarında", "məlumatlarına"
    siblings = {"məlumatlar": 3, "məlumatları": 2, "məlumatlardan": 3, seen: 1}
    assert all(norm.lexicon.count(w) >= CLASS_MEMBER_MIN for w in [*siblings, unseen])
    pairs = {("statistik", w): n for w, n in siblings.items()} | {("statistik", "rəqəmlər"): 6}
    scorer = _scorer(norm, pairs)
    gap = scorer.cond_logp("statistik", seen) - scorer.cond_logp("statistik", unseen)
    # without the class estimate the seen form would lead by the whole bigram estimate
    rest = 1 - BIGRAM_WEIGHT - CLASS_WEIGHT
    uni_seen, uni_unseen = ((norm.lexicon.count(w) + 1) / norm.lexicon.total for w in (seen, unseen))
    bigram_only = math.log(BIGRAM_WEIGHT / 15 + rest * uni_seen) - math.log(rest * uni_unseen)
    assert 0 < gap < bigram_only - 2


def test_a_rare_word_seen_in_context_lends_nothing_to_its_common_sibling(norm: Normalizer) -> None:
    # a foreign name the sample saw (Dublin Parking) is no evidence for the Azerbaijani Parkinq there
    assert norm.lexicon.count("parking") < CLASS_MEMBER_MIN <= norm.lexicon.count("parkinq")
    scorer = _scorer(norm, {("dublin", "parking"): 2})
    uni = (norm.lexicon.count("parkinq") + 1) / norm.lexicon.total
    assert scorer.cond_logp("dublin", "parkinq") == pytest.approx(math.log((1 - BIGRAM_WEIGHT - CLASS_WEIGHT) * uni))
