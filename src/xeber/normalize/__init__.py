"""Repair OCR and typing errors. `normalize(text)` returns the repaired text and its edits.

Three stages, each a list of edits on the previous stage's text, composed into edits on the input:
1. unicode: Cyrillic look-alikes, NBSP, ligatures, soft hyphens, zero-width marks, stray U+0307;
2. layout: hyphenation, words broken by line or paragraph breaks, spurious hyphens and spaces;
3. words: noisy-channel spelling correction (and diacritic restoration for text typed without
   Azerbaijani letters), protecting names, acronyms, numbers and URLs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from xeber.normalize.channel import ErrorModel, load_error_model
from xeber.normalize.context import ContextScorer, load_bigram_model
from xeber.normalize.layout import layout_edits
from xeber.normalize.lexicon import Lexicon, default_morph, load_lexicon
from xeber.normalize.speller import Speller
from xeber.normalize.unicode import unicode_edits
from xeber.normalize.words import word_edits
from xeber.settings import Settings
from xeber.text.edits import Edit, apply_edits, compose

MAX_ROUNDS = 3
IDEMPOTENT_KINDS = frozenset(("unicode", "homoglyph"))


@dataclass(slots=True)
class Normalized:
    text: str
    edits: list[Edit] = field(default_factory=list)


@dataclass(slots=True)
class Normalizer:
    """The loaded models; build once and reuse (`Normalizer.default()` is cached)."""

    lexicon: Lexicon
    errors: ErrorModel
    speller: Speller

    @classmethod
    def build(cls, *, use_local_lm: bool = True, use_morph: bool = True) -> Normalizer:
        lm = load_bigram_model() if use_local_lm else None
        extra = {w: c for w, c in lm.unigrams.items() if c >= 2} if lm is not None else None
        lexicon = load_lexicon(extra, default_morph() if use_morph else None)
        errors = load_error_model()
        return cls(lexicon, errors, Speller(lexicon, errors, ContextScorer(lexicon, lm)))

    @classmethod
    def default(cls) -> Normalizer:
        return _default_normalizer()

    def normalize(self, text: str, settings: Settings | None = None) -> Normalized:
        """Repairs until nothing changes (a fix can change a neighbour's context), so that normalizing
        the output again changes nothing; at most MAX_ROUNDS rounds."""
        settings = settings or Settings()
        result = self._round(text, settings)
        for _ in range(MAX_ROUNDS - 1):
            if all(e.kind in IDEMPOTENT_KINDS for e in result.edits):
                break  # character repairs never enable further repairs
            again = self._round(result.text, settings)
            if not again.edits:
                break
            result = Normalized(again.text, compose(result.edits, again.edits, text))
        return result

    def _round(self, text: str, settings: Settings) -> Normalized:
        threshold = settings.min_confidence
        e1 = [e for e in unicode_edits(text) if e.confidence >= threshold]
        t1 = apply_edits(text, e1)
        known = self.lexicon.known
        e2 = [e for e in layout_edits(t1, known, self.lexicon.count) if e.confidence >= threshold]
        t2 = apply_edits(t1, e2)
        e3 = [e for e in word_edits(t2, self.speller, settings) if e.confidence >= threshold]
        t3 = apply_edits(t2, e3)
        edits = compose(compose(e1, e2, text), e3, text)
        return Normalized(t3, edits)


@lru_cache(maxsize=1)
def _default_normalizer() -> Normalizer:
    return Normalizer.build()


def normalize(text: str, settings: Settings | None = None) -> Normalized:
    """The repaired text and the edits (offsets into `text`) that produce it."""
    return _default_normalizer().normalize(text, settings)


__all__ = ["Normalized", "Normalizer", "normalize"]
