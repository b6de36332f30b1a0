"""Azerbaijani morphology: lexicon, suffix grammar with harmony, analyzer, lemmas, validity.

>>> from xeber.morph import analyze, lemma, is_valid, inflect
>>> lemma("parlamentlərimiz")
'parlament'
"""

from __future__ import annotations

from xeber.morph.analyzer import Analysis, Morphology, number_harmony
from xeber.morph.orthography import flags as orthography_flags

__all__ = [
    "Analysis", "Morphology", "analyze", "count", "inflect", "is_known_form", "is_valid", "lemma",
    "number_harmony", "orthography_flags",
]


def analyze(word: str) -> list[Analysis]:
    return Morphology.default().analyze(word)


def lemma(word: str) -> str:
    return Morphology.default().lemma(word)


def is_valid(word: str) -> bool:
    return Morphology.default().is_valid(word)


def is_known_form(word: str) -> bool:
    return Morphology.default().is_known_form(word)


def count(word: str) -> int:
    return Morphology.default().count(word)


def inflect(lemma: str, suffixes: list[str] | tuple[str, ...]) -> str:
    return Morphology.default().inflect(lemma, suffixes)
