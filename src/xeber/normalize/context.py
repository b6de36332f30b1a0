"""Context scores from a word bigram model.

The bigram counts come from corpora without a redistribution licence, so they are built locally by
`scripts/train_normalize_lm.py` (run by `make models`) into the git-ignored
`src/xeber/data/models/local/`: `normalize_lm.tsv.gz` from every dev news article (what the tool uses)
and `normalize_lm_train.tsv.gz` from the benchmarks' training third only (what they measure with, so
their tune and test articles stay unseen). Without a model the scorer falls back to unigram counts of
the committed word list: candidates are still ranked, but neighbours cannot vote, so real-word errors
are left alone.
"""

from __future__ import annotations

import gzip
import math
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from xeber.normalize.lexicon import Lexicon

LOCAL_LM = {"all": "models/local/normalize_lm.tsv.gz", "train": "models/local/normalize_lm_train.tsv.gz"}
# interpolation weights of the bigram and stem-class estimates; the unigram one has the rest (0.4)
BIGRAM_WEIGHT = 0.5
CLASS_WEIGHT = 0.1
ENDING = 3
STEM = 5  # a word of more letters than this belongs to the class of its first STEM letters (its stem, roughly)
# only common words seen after a word vouch for their class there: a rare one (a foreign Parking, a typo)
# must not lend its place to a common sibling (Parkinq)
CLASS_MEMBER_MIN = 1000


def stem_class(word: str) -> str | None:
    """The class of `word` in the stem-class estimate, None for a short word (its own class)."""
    return word[:STEM] if len(word) > STEM else None


@dataclass(slots=True)
class BigramModel:
    unigrams: dict[str, int] = field(default_factory=dict)
    bigrams: dict[tuple[str, str], int] = field(default_factory=dict)
    followers: dict[str, int] = field(default_factory=dict)  # number of bigrams starting with a word
    total: int = 0
    # bigrams of word endings (last ENDING letters): a coarse stand-in for a part-of-speech model that
    # says which inflection follows which (an accusative before a verb, not a genitive)
    endings: dict[tuple[str, str], int] = field(default_factory=dict)
    ending_left: dict[str, int] = field(default_factory=dict)
    ending_right: dict[str, int] = field(default_factory=dict)
    ending_total: int = 0  # sum of ending_left, set by the loader (0: summed on each call)

    def ending_logratio(self, left: str, right: str) -> float:
        """log P(left, right endings together) / (P(left) P(right)), add-one smoothed."""
        a, b = left[-ENDING:], right[-ENDING:]
        n = self.ending_total or self.bigram_total or 1
        joint = (self.endings.get((a, b), 0) + 1) / n
        pa = (self.ending_left.get(a, 0) + 1) / n
        pb = (self.ending_right.get(b, 0) + 1) / n
        return math.log(joint / (pa * pb))

    @property
    def bigram_total(self) -> int:
        return sum(self.ending_left.values())

    def has(self, a: str, b: str) -> bool:
        return (a, b) in self.bigrams


def local_lm_path(split: str = "all") -> Path | None:
    """The locally built bigram model: `all` dev articles (the tool's) or the benchmarks' `train` third."""
    ref = resources.files("xeber.data").joinpath(LOCAL_LM[split])
    path = Path(str(ref))
    return path if path.is_file() else None


def load_bigram_model(path: Path | None = None) -> BigramModel | None:
    path = path or local_lm_path()
    if path is None:
        return None
    lm = BigramModel()
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            gram, _, c = line.rstrip("\n").rpartition("\t")
            a, _, b = gram.partition(" ")
            if b:
                lm.bigrams[(a, b)] = int(c)
                lm.followers[a] = lm.followers.get(a, 0) + int(c)
            else:
                lm.unigrams[a] = int(c)
    lm.total = sum(lm.unigrams.values()) or 1
    for (a, b), n in lm.bigrams.items():
        ea, eb = a[-ENDING:], b[-ENDING:]
        lm.endings[(ea, eb)] = lm.endings.get((ea, eb), 0) + n
        lm.ending_left[ea] = lm.ending_left.get(ea, 0) + n
        lm.ending_right[eb] = lm.ending_right.get(eb, 0) + n
    lm.ending_total = lm.bigram_total
    return lm


@dataclass(slots=True)
class ContextScorer:
    lexicon: Lexicon
    lm: BigramModel | None = None
    _class_counts: dict[str, int] | None = None  # the lexicon's counts summed by stem class, on first use
    # bigrams of a word and the stem class of the next (a common word): a form the sample never saw after
    # a word can be as likely there as its seen siblings (statistik məlumatlarına beside məlumatlarında)
    _class_bigrams: dict[tuple[str, str], int] | None = None

    def cond_logp(self, prev: str | None, word: str) -> float:
        """log P(word | prev): the bigram estimate interpolated with the lexicon's unigram one."""
        count = self.lexicon.counts.get(word, 0)
        uni = (count + 1) / self.lexicon.total
        lm = self.lm
        if lm is None or prev is None:
            return math.log(uni)
        n_prev = lm.followers.get(prev, 0)
        if not n_prev:
            return math.log(uni)
        bi = lm.bigrams.get((prev, word), 0) / n_prev
        p_class = 0.0
        if len(word) > STEM:  # (stem_class inlined: this runs for every candidate in every context)
            classes = self._class_bigrams if self._class_bigrams is not None else self.class_bigrams()
            in_class = classes.get((prev, word[:STEM]), 0)
            if in_class:
                share = (count + 1) / (self.class_count(word[:STEM]) + 1)
                p_class = in_class / n_prev * share
        return math.log(BIGRAM_WEIGHT * bi + CLASS_WEIGHT * p_class + (1 - BIGRAM_WEIGHT - CLASS_WEIGHT) * uni)

    def class_bigrams(self) -> dict[tuple[str, str], int]:
        """(word, class of the next word) counts of the bigram model, built on first use."""
        if self._class_bigrams is None:
            counts = self.lexicon.counts
            out: dict[tuple[str, str], int] = {}
            for (a, b), n in (self.lm.bigrams if self.lm is not None else {}).items():
                cb = stem_class(b)
                if cb is not None and counts.get(b, 0) >= CLASS_MEMBER_MIN:
                    out[(a, cb)] = out.get((a, cb), 0) + n
            self._class_bigrams = out
        return self._class_bigrams

    def class_count(self, cls: str) -> int:
        """The lexicon's counts of the words of stem class `cls`, summed on first use."""
        if self._class_counts is None:
            totals: dict[str, int] = {}
            for w, c in self.lexicon.counts.items():
                k = stem_class(w)
                if k is not None:
                    totals[k] = totals.get(k, 0) + c
            self._class_counts = totals
        return self._class_counts.get(cls, 0)

    def join_gain(self, prev: str | None, left: str, right: str, nxt: str | None) -> float:
        """How much more probable `left+right` is as one word than `left right` as two, between the
        same neighbours (log-ratio of the two readings under the bigram model)."""
        joined = left + right
        cond = self.cond_logp
        one = cond(prev, joined) + (cond(joined, nxt) if nxt is not None else 0.0)
        two = cond(prev, left) + cond(left, right) + (cond(right, nxt) if nxt is not None else 0.0)
        return one - two

    def score(self, prev: str | None, word: str, nxt: str | None) -> float:
        """log P(word | prev) + log P(next | word) − log P(next): how well `word` fits between them."""
        s = self.cond_logp(prev, word)
        if nxt is not None and self.lm is not None:
            s += self.cond_logp(word, nxt) - self.cond_logp(None, nxt)
        return s
