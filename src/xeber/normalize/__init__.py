"""Repair OCR and typing errors. `normalize(text)` returns the repaired text and its edits.

Stages, each a list of edits on the previous stage's text, composed into edits on the input:
0. OCR output only: specks the engine read as punctuation and doubted;
1. unicode: Cyrillic look-alikes, NBSP, ligatures, soft hyphens, zero-width marks, stray U+0307;
2. layout: hyphenation, words broken by line or paragraph breaks, spurious hyphens and spaces;
   then addresses: slips in the conventional parts of web and mail addresses (www, gov, .az);
3. words: noisy-channel spelling correction (and diacritic restoration for text typed without
   Azerbaijani letters), protecting names, acronyms, numbers and URLs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from xeber.normalize.address import address_edits
from xeber.normalize.channel import ErrorModel, load_error_model
from xeber.normalize.context import ContextScorer, load_bigram_model
from xeber.normalize.layout import layout_edits
from xeber.normalize.lexicon import Lexicon, default_morph, load_lexicon
from xeber.normalize.morphcands import MorphCandidates
from xeber.normalize.ocrnoise import (
    glued_speck_edits,
    misread_guillemet_edits,
    ocr_noise_edits,
    spurious_period_edits,
)
from xeber.normalize.realword import RealWords
from xeber.normalize.speller import NON_AZERBAIJANI_SPELLINGS, Speller
from xeber.normalize.unicode import unicode_edits
from xeber.normalize.words import DocContext, word_edits
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
    def build(cls, *, use_local_lm: bool = True, use_morph: bool = True, lm_path: Path | None = None) -> Normalizer:
        """`lm_path`: another local bigram model than the default one (benchmarks use the training third's)."""
        lm = load_bigram_model(lm_path) if use_local_lm else None
        extra = {w: c for w, c in lm.unigrams.items() if c >= 2} if lm is not None else None
        lexicon = load_lexicon(extra, default_morph() if use_morph else None)
        errors = load_error_model()
        morph_cands = MorphCandidates.from_morphology(lexicon.morph, lexicon.known) \
            if lexicon.morph is not None else None
        context = ContextScorer(lexicon, lm)
        speller = Speller(lexicon, errors, context, morph_candidates=morph_cands)
        speller.real_words = RealWords(lexicon, errors, context, lexicon.morph, non_azerbaijani=NON_AZERBAIJANI_SPELLINGS)
        return cls(lexicon, errors, speller)

    @classmethod
    def default(cls) -> Normalizer:
        return _default_normalizer()

    def normalize(self, text: str, settings: Settings | None = None,
                  low_confidence_spans: Sequence[Sequence[float]] | None = None) -> Normalized:
        """Repairs until nothing changes (a fix can change a neighbour's context), so that normalizing
        the output again changes nothing; at most MAX_ROUNDS rounds.

        `low_confidence_spans`: [start, end, confidence] of words an OCR engine doubted, in offsets of
        `text`, the confidence on Tesseract's 0-100 scale (doc.meta['ocr']['low']); such a word is
        changed on less evidence, any other word of the text needs more, and a doubted word of
        punctuation alone is deleted as a speck. Later rounds, which check the output, do not use them."""
        settings = settings or Settings()
        docs: list[DocContext] = []
        spans = sorted((int(s[0]), int(s[1]), float(s[2])) for s in low_confidence_spans) \
            if low_confidence_spans is not None else None
        result = self._round(text, settings, docs, spans)
        for _ in range(MAX_ROUNDS - 1):
            if all(e.kind in IDEMPOTENT_KINDS for e in result.edits):
                break  # character repairs never enable further repairs
            # a repair changes only its neighbours' context: look at them alone when that suffices
            again = self._focused_round(result.text, settings, _changed_ranges(result.edits), docs[-1]) \
                if docs else None
            if again is None:
                again = self._round(result.text, settings, docs)
            if not again.edits:
                break
            result = Normalized(again.text, compose(result.edits, again.edits, text))
        return result

    def _round(self, text: str, settings: Settings, docs: list[DocContext],
               spans: list[tuple[int, int, float]] | None = None) -> Normalized:
        threshold = settings.min_confidence
        # OCR output only (the engine's doubts come with it): specks read as punctuation go first
        known = self.lexicon.known
        e0 = [e for e in sorted(ocr_noise_edits(text, spans) + glued_speck_edits(text, known)
                                + misread_guillemet_edits(text, known) + spurious_period_edits(text, known),
                                key=lambda e: e.start)
              if e.confidence >= threshold] if spans is not None else []
        t0 = apply_edits(text, e0)
        e1 = [e for e in unicode_edits(t0) if e.confidence >= threshold]
        t1 = apply_edits(t0, e1)
        e2 = [e for e in layout_edits(t1, known, self.lexicon.count) if e.confidence >= threshold]
        t2 = apply_edits(t1, e2)
        # addresses are repaired by their own conventions (the speller leaves their words alone)
        e2a = [e for e in address_edits(t2) if e.confidence >= threshold]
        t2a = apply_edits(t2, e2a)
        if spans is not None:
            # into offsets of the layout stage's output (a deleted speck's span is gone)
            deleted = {(e.start, e.end) for e in e0}
            spans = [s for s in spans if not any(a <= s[0] and s[1] <= b for a, b in deleted)]
            spans = _shift_spans(_shift_spans(_shift_spans(_shift_spans(spans, e0), e1), e2), e2a)
        e3 = [e for e in word_edits(t2a, self.speller, settings, doc_out=docs, low_confidence=spans)
              if e.confidence >= threshold]
        t3 = apply_edits(t2a, e3)
        edits = compose(compose(compose(compose(e0, e1, text), e2, text), e2a, text), e3, text)
        return Normalized(t3, edits)

    def _focused_round(self, text: str, settings: Settings, focus: list[tuple[int, int]],
                       doc: DocContext) -> Normalized | None:
        """A round over windows around `focus` only; None when a window needs layout or character
        repairs (then a full round runs)."""
        threshold = settings.min_confidence
        if any(e.confidence >= threshold for e in unicode_edits(text)):
            return None
        edits: dict[int, Edit] = {}
        for a, b in focus:
            ca = text.rfind(" ", 0, max(0, a - FOCUS_CONTEXT)) + 1
            cb = text.find(" ", min(len(text), b + FOCUS_CONTEXT))
            cb = len(text) if cb < 0 else cb
            window = text[ca:cb]
            if any(e.confidence >= threshold for e in layout_edits(window, self.lexicon.known, self.lexicon.count)):
                return None
            opens = ca == 0 or text[:ca].rstrip()[-1:] in ".!?…:"
            for e in word_edits(window, self.speller, settings, [(a - ca, b - ca)], doc, opens_sentence=opens):
                if e.confidence >= threshold:
                    edits[e.start + ca] = Edit(e.start + ca, e.end + ca, e.original, e.replacement, e.kind,
                                               e.confidence)
        found = sorted(edits.values(), key=lambda e: e.start)
        return Normalized(apply_edits(text, found), found)


FOCUS_MARGIN = 40  # characters around a repair whose words are judged again (beyond the next word)
FOCUS_CONTEXT = 40  # and further characters read for their context


def _shift_spans(spans: list[tuple[int, int, float]], edits: list[Edit]) -> list[tuple[int, int, float]]:
    """`spans` moved through `edits` (on the same text): each offset shifts by the edits before it."""
    if not edits:
        return spans
    starts = sorted(edits, key=lambda e: e.start)

    def move(pos: int) -> int:
        delta = 0
        for e in starts:
            if e.end > pos:
                break
            delta += len(e.replacement) - (e.end - e.start)
        return pos + delta

    return sorted((move(a), move(b), c) for a, b, c in spans)


def _changed_ranges(edits: list[Edit]) -> list[tuple[int, int]]:
    """Where the edits' replacements lie in the edited text, widened by FOCUS_MARGIN, merged."""
    out: list[tuple[int, int]] = []
    shift = 0
    for e in sorted(edits, key=lambda e: e.start):
        a = e.start + shift
        b = a + len(e.replacement)
        shift += len(e.replacement) - (e.end - e.start)
        a, b = max(0, a - FOCUS_MARGIN), b + FOCUS_MARGIN
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


@lru_cache(maxsize=1)
def _default_normalizer() -> Normalizer:
    return Normalizer.build()


def normalize(text: str, settings: Settings | None = None,
              low_confidence_spans: Sequence[Sequence[float]] | None = None) -> Normalized:
    """The repaired text and the edits (offsets into `text`) that produce it; `low_confidence_spans` as
    in `Normalizer.normalize`."""
    return _default_normalizer().normalize(text, settings, low_confidence_spans)


__all__ = ["Normalized", "Normalizer", "normalize"]
