"""Noisy-channel word correction: candidates from the confusion-key index, scored by context and by
the learned error model; the word stays unless a candidate is clearly more probable."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from xeber.normalize.channel import ErrorModel
from xeber.normalize.context import ContextScorer
from xeber.normalize.lexicon import Lexicon, confusion_key
from xeber.text.casing import fold

KEY_ALPHABET = "abcdfghxijkqlmnoprstuvyz"
MAX_COST = 14.0  # error-model costs above this are not considered


@dataclass(frozen=True, slots=True)
class SpellParams:
    # log-score of an unknown word being right as it is: oov_base − oov_per_char·len (a longer unknown
    # string is less likely to be a correct unseen word than an error)
    oov_base: float = -6.0
    oov_per_char: float = 1.3
    # extra log-score of keeping a capitalised word (a name candidate) or a known word
    name_bonus: float = 2.0
    known_margin: float = 4.0
    # a known word is compared with its variants only when it is rarer than this
    variant_max_count: int = 2000
    split_cost: float = 7.0
    min_split_count: int = 1000


@dataclass(frozen=True, slots=True)
class Correction:
    replacement: str  # lower-case
    confidence: float
    kind: str  # spelling, diacritics, merge (a merged word split in two), real-word


class Speller:
    def __init__(self, lexicon: Lexicon, errors: ErrorModel, context: ContextScorer,
                 params: SpellParams | None = None):
        self.lexicon = lexicon
        self.errors = errors
        self.context = context
        self.params = params or SpellParams()
        self._edit_candidates = lru_cache(maxsize=50_000)(self._edit_candidates_uncached)

    # candidates -----------------------------------------------------------------------------
    def _edit_candidates_uncached(self, word: str, max_key_distance: int) -> tuple[str, ...]:
        key = confusion_key(word)
        bucket = self.lexicon.bucket
        found: set[str] = set(bucket(key))
        if max_key_distance >= 1:
            for k in _key_edits1(key):
                found.update(bucket(k))
        found.discard(word)
        return tuple(found)

    def _split_candidates(self, word: str) -> list[tuple[str, str]]:
        counts, p = self.lexicon.counts, self.params
        out = []
        for i in range(2, len(word) - 1):
            a, b = word[:i], word[i:]
            if counts.get(a, 0) >= p.min_split_count and counts.get(b, 0) >= p.min_split_count:
                out.append((a, b))
        return out

    # decisions ------------------------------------------------------------------------------
    def correct(self, word: str, prev: str | None, nxt: str | None, *, name_like: bool = False,
                diacritics_only: bool = False) -> Correction | None:
        """A correction for lower-case `word` between lower-case neighbours, or None to keep it."""
        lex, p = self.lexicon, self.params
        if diacritics_only:
            return self._restore_diacritics(word, prev, nxt, name_like)
        known = lex.known(word)
        if known and (name_like or lex.count(word) > p.variant_max_count):
            return None
        score = self.context.score
        if known:
            keep = score(prev, word, nxt) + p.known_margin
        else:
            keep = p.oov_base - p.oov_per_char * len(word)
        if name_like:
            keep += p.name_bonus
        # known words and names are compared only with spellings of the same key (diacritics, a/ə/e)
        max_dist = 0 if (known or name_like) else 1
        scored: list[tuple[float, str, str]] = []
        for cand in self._edit_candidates(word, max_dist):
            cost = self.errors.cost(cand, word, MAX_COST)
            if cost > MAX_COST:
                continue
            scored.append((score(prev, cand, nxt) - cost, cand, "spelling"))
        if not known and not name_like and len(word) >= 6:
            for a, b in self._split_candidates(word):
                s = score(prev, a, None) + score(a, b, nxt) - p.split_cost
                scored.append((s, f"{a} {b}", "merge"))
        if not scored:
            return None
        best = max(scored)
        if best[0] <= keep:
            return None
        # confidence: the posterior of the best reading against keeping the word and the others
        z = math.fsum(math.exp(s - best[0]) for s, _, _ in scored) + math.exp(keep - best[0])
        return Correction(best[1], 1.0 / z, best[2])

    def _restore_diacritics(self, word: str, prev: str | None, nxt: str | None, name_like: bool) -> Correction | None:
        """Text typed without Azerbaijani letters: every spelling that folds to `word` is a candidate at
        no channel cost, so the context and the counts decide (`azerbaycan` → `azərbaycan`)."""
        folded = fold(word)
        cands = [c for c in self.lexicon.bucket(confusion_key(word)) if fold(c) == folded]
        if not cands or cands == [word]:
            return None
        score = self.context.score
        scored = [(score(prev, c, nxt) + (self.params.name_bonus if name_like and c == word else 0.0), c)
                  for c in cands]
        if word not in cands:
            keep = self.params.oov_base - self.params.oov_per_char * len(word)
            scored.append((keep + (self.params.name_bonus if name_like else 0.0), word))
        best = max(scored)
        if best[1] == word:
            return None
        z = math.fsum(math.exp(s - best[0]) for s, _ in scored)
        return Correction(best[1], 1.0 / z, "diacritics")


def _key_edits1(key: str) -> set[str]:
    splits = [(key[:i], key[i:]) for i in range(len(key) + 1)]
    out = set()
    for a, b in splits:
        if b:
            out.add(a + b[1:])
            if len(b) > 1:
                out.add(a + b[1] + b[0] + b[2:])
            for c in KEY_ALPHABET:
                out.add(a + c + b[1:])
        for c in KEY_ALPHABET:
            out.add(a + c + b)
    return out
