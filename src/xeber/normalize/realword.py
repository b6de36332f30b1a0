"""Real-word errors: a valid word that is not the word meant (`ki` for `və`... read as another word, `plan`
for `olan`, `təbriklərinin` for `təbriklərini` before a verb, `istiqamətdə` for `istiqamətində` after a
genitive). No lexicon can flag them; only the context can.

Each word has a small confusion set: the frequent words one cheap, learned channel confusion away (OCR and
typing tables, multi-letter OCR misreadings, a dropped or doubled letter), and, for an inflected noun, the
same stem with a suffix chain one morpheme apart (GEN↔ACC, LOC/DAT/ABL with or without the 3rd-person
possessive), regenerated with `xeber.morph`. The word is replaced only when the bigram model, on both
sides, prefers a neighbour by a wide margin over the word as written (which gets a prior for being right),
after the channel cost; cheap morphosyntactic evidence (a genitive with no possessed noun after it, a
bare case-marked noun after a genitive) adds to a morpheme neighbour's score.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from xeber.morph.grammar import harmony_key, realize
from xeber.normalize.channel import ErrorModel
from xeber.normalize.context import ContextScorer
from xeber.normalize.layout import BOUND_ENDINGS
from xeber.normalize.lexicon import Lexicon

# OCR misreadings of one letter as two, and the reverse (m read as rn)
MULTI_OCR = (("rn", "m"), ("cl", "d"), ("ii", "ü"), ("vv", "w"))
POSSESSIVES = frozenset(("P1SG", "P2SG", "P3SG", "P1PL", "P2PL", "P3PL"))
_OBLIQUE = {"LOC": "LOC_N", "DAT": "DAT_N", "ABL": "ABL_N"}  # the case after a 3rd-person possessive
# Particles written apart that still follow the vowel harmony of the word before them (o da, mən də;
# gəlir mi, olub mu): the form the harmony asks for, by its 2-way (a/ə) or 4-way (ı/i/u/ü) vowel
HARMONIC_PARTICLES = frozenset("da də mı mi mu mü".split())
TYPED_PARTICLE = "de"  # də typed on a keyboard without ə (or Turkish `de`): da/də by the word before
PARTICLE_CONFIDENCE = 0.9
# Turkish function words typed into Azerbaijani text (ve for və, ile for ilə): judged like the endings
# that never stand alone (BOUND_ENDINGS)
TURKISH_FUNCTION_WORDS = frozenset("ve ile".split())
NOT_WORDS_HERE = BOUND_ENDINGS | TURKISH_FUNCTION_WORDS


@dataclass(frozen=True, slots=True)
class RealWordParams:
    margin: float = 7.0  # log-score a neighbour must win by (with the local bigram model)
    short_margin: float = 3.0  # for words of up to short_len letters (function words and their misreadings)
    short_len: int = 3
    max_cost: float = 8.0  # channel cost of a confusion looked at
    min_count: int = 2000  # a neighbour must be at least this frequent
    morph_cost: float = 5.0  # cost of a one-morpheme slip in the suffix chain
    syntax_bonus: float = 4.0  # a morpheme neighbour the syntax asks for
    ending_weight: float = 0.5  # weight of the ending-bigram (coarse part of speech) gain
    # without the local model only syntax-backed morpheme neighbours are tried, at this margin
    margin_no_lm: float = 10.0
    # keeping an ending standing alone after a word (BOUND_ENDINGS), or a Turkish function word, scores
    # this much less
    bound_penalty: float = 6.0
    # words more frequent than this need log(count / frequent_word_count) more margin to change
    frequent_word_count: int = 20_000
    # a short word the local model never saw yields on one side's evidence to a neighbour seen this often
    unseen_neighbour_count: int = 50
    unseen_penalty: float = 5.0  # ... and keeping it scores this much less
    # a neighbour the local model saw on both sides of a word it never saw beside either needs this much
    # less margin (ilə bağı bir: ilə bağlı, bağlı bir)
    both_sides_bonus: float = 3.0


@dataclass(frozen=True, slots=True)
class Neighbour:
    word: str
    cost: float  # −log P(written word | this word)
    source: str  # "channel" or a morpheme change such as "GEN>ACC"


class RealWords:
    """Decides whether a valid word should be one of its confusion-set neighbours."""

    def __init__(self, lexicon: Lexicon, errors: ErrorModel, context: ContextScorer, morph: Any | None,
                 params: RealWordParams | None = None, non_azerbaijani: frozenset[str] = frozenset()):
        self.lexicon = lexicon
        # spellings no Azerbaijani text writes (va, ve, için): never a replacement, however often a corpus
        # with its own typos puts one beside the words around it
        self.non_azerbaijani = non_azerbaijani
        self.errors = errors
        self.context = context
        self.morph = morph
        self.params = params or RealWordParams()
        self.neighbours = lru_cache(maxsize=200_000)(self._neighbours_uncached)
        self._analysis = lru_cache(maxsize=200_000)(self._analysis_uncached)

    # confusion sets ------------------------------------------------------------------------------
    def _neighbours_uncached(self, word: str) -> tuple[Neighbour, ...]:
        lex, p = self.lexicon, self.params
        found: dict[str, Neighbour] = {}
        lm = self.context.lm
        if lm is not None and len(word) >= 2:
            near = set(lex.frequent_near(word))
            for wrong, right in MULTI_OCR:
                if wrong in word:
                    near.update(lex.frequent_near(word.replace(wrong, right)))
                if right in word:
                    near.update(lex.frequent_near(word.replace(right, wrong)))
            for cand in near:
                # a neighbour the bigram model never saw can have no bigram evidence (and costs time)
                if cand == word or cand not in lm.unigrams or lex.count(cand) < p.min_count or cand in self.non_azerbaijani \
                        or abs(len(cand) - len(word)) > 2:
                    continue
                cost = self._cost(cand, word)
                if cost <= p.max_cost:
                    # another inflection of the same word is a morpheme change, not a word confusion
                    same = self._lemma(cand) is not None and self._lemma(cand) == self._lemma(word)
                    found[cand] = Neighbour(cand, cost, "inflection" if same else "channel")
        for cand, change in self._morpheme_neighbours(word):
            cost = min(p.morph_cost, self._cost(cand, word))
            old = found.get(cand)
            if old is None or cost <= old.cost:
                found[cand] = Neighbour(cand, cost, change)
        return tuple(sorted(found.values(), key=lambda n: n.word))

    def _cost(self, cand: str, word: str) -> float:
        limit = self.params.max_cost
        cost = self.errors.cost(cand, word, limit)
        for wrong, right in MULTI_OCR:
            if wrong in word and right in cand:
                cost = min(cost, 5.0 + self.errors.cost(cand, word.replace(wrong, right), limit))
        return cost

    def _morpheme_neighbours(self, word: str) -> list[tuple[str, str]]:
        """The noun's stem with a suffix chain one morpheme apart, when the result is a valid word."""
        morph = self.morph
        if morph is None or len(word) < 4:
            return []
        out: list[tuple[str, str]] = []
        seen = {word}
        for a in morph.analyze(word)[:2]:
            if a.pos != "NOUN" or not a.suffixes or not a.stem:
                continue
            for chain, change in _chain_changes(a.suffixes):
                try:
                    cand = morph.inflect(a.stem, chain)
                except ValueError:
                    continue
                if cand not in seen and self.lexicon.known(cand):
                    seen.add(cand)
                    out.append((cand, change))
        return out

    # morphosyntax -------------------------------------------------------------------------------
    def _analysis_uncached(self, word: str) -> tuple[str | None, tuple[str, ...]]:
        """(part of speech, suffix tags) of the best analysis, (None, ()) when there is none."""
        if self.morph is None:
            return None, ()
        found = self.morph.analyze(word)
        if not found:
            return None, ()
        return found[0].pos, tuple(found[0].suffixes)

    def _lemma(self, word: str) -> str | None:
        if self.morph is None:
            return None
        found = self.morph.analyze(word)
        return found[0].lemma if found else None

    def _is_verb(self, word: str | None) -> bool:
        if word is None:
            return False
        pos, tags = self._analysis(word)
        # a verbal noun with a possessive (gücləndirilməsi) is a possessed noun: the genitive before it
        # is right (müdafiəsinin gücləndirilməsi)
        if any(t.startswith("VN") for t in tags) and POSSESSIVES & set(tags):
            return False
        return pos == "VERB" and bool(tags)

    def _syntax(self, change: str, prev: str | None, nxt: str | None) -> float:
        """+1 when the syntax asks for this change, −1 when it speaks against it, 0 otherwise."""
        if change == "GEN>ACC":
            # a genitive needs a possessed noun after it; before a verb the object is accusative
            return 1.0 if self._is_verb(nxt) else 0.0
        if change == "ACC>GEN":
            return -1.0 if self._is_verb(nxt) else 0.0
        if change.startswith("+P3"):
            # a case-marked noun right after a genitive is its possessed noun, so it needs the possessive
            if prev is not None:
                pos, tags = self._analysis(prev)
                if pos in ("NOUN", "PROPN") and tags[-1:] == ("GEN",):
                    return 1.0
            return 0.0
        if change.startswith("-P3"):
            if prev is not None:
                pos, tags = self._analysis(prev)
                if pos in ("NOUN", "PROPN") and tags[-1:] == ("GEN",):
                    return -1.0
            return 0.0
        return 0.0

    # decision -----------------------------------------------------------------------------------
    def correct(self, word: str, prev: str | None, nxt: str | None) -> tuple[str, float] | None:
        """(replacement, confidence) for lower-case `word` between lower-case neighbours, or None."""
        if word in HARMONIC_PARTICLES:
            return self._particle(word, prev)
        if word == TYPED_PARTICLE:
            # only between two Azerbaijani words: Rio de Janeiro, Societe Generale de Surveillance stay
            return self._particle(word, prev) if self._common_word(prev) and (
                nxt is None or self._common_word(nxt)) else None
        found = self.best(word, prev, nxt)
        if found is None or found[0] < found[2]:
            return None
        gain, cand, need = found
        return cand, 1.0 / (1.0 + math.exp(-(gain - need + 1.0)))

    def _common_word(self, word: str | None) -> bool:
        """A word the morphology reads as no proper name."""
        if word is None or self.morph is None or not word.isalpha():
            return False
        found = self.morph.analyze(word)
        return bool(found) and found[0].pos != "PROPN"

    def _particle(self, word: str, prev: str | None) -> tuple[str, float] | None:
        """`da`/`də`, `mı`/`mi`/`mu`/`mü` in the harmony of the word before, when that is a word the
        morphology knows (a foreign name's harmony follows its sound, not its letters)."""
        if prev is None or self.morph is None or not prev.isalpha() or not self.morph.is_valid(prev):
            return None
        last_vowel, _ = harmony_key(prev)
        if last_vowel is None:
            return None
        # the particles harmonise as the endings spelled alike do: da/də as the locative -dA, mı/mi/mu/mü
        # as the question particle -mI written together
        right = realize("LOC" if word in ("da", "də", TYPED_PARTICLE) else "QUES", last_vowel, False)
        return None if right is None or right == word else (right, PARTICLE_CONFIDENCE)

    def best(self, word: str, prev: str | None, nxt: str | None) -> tuple[float, str, float] | None:
        """(gain, neighbour, margin needed) of the neighbour that beats the word as written by most."""
        if prev is None and nxt is None:
            return None
        neighbours = self.neighbours(word)
        if not neighbours:
            return None
        p, lm = self.params, self.context.lm
        score = self.context.score
        # an ending alone after a word is no word: any word neighbour the context takes replaces it
        bound = word in NOT_WORDS_HERE and prev is not None
        if bound:
            neighbours = tuple(nb for nb in neighbours if nb.word not in BOUND_ENDINGS and nb.source == "channel")
        # (the word's own scores are computed once a neighbour passes the cheap checks: most never do)
        keep = base_end = math.nan
        if lm is None:
            need = p.margin_no_lm
        elif bound:
            need = 0.0
        else:
            need = p.short_margin if len(word) <= p.short_len else p.margin
            # a frequent word is itself good evidence: the commoner it is, the more it takes to change it
            need += max(0.0, math.log(max(self.lexicon.count(word), 1) / p.frequent_word_count))
        best: tuple[float, str, float] | None = None
        for nb in neighbours:
            syntax = 0.0
            if nb.source != "channel":
                # the bigram model is too sparse to choose between inflections of one stem on its own
                # (on the tuning split such switches were mostly wrong): the syntax must ask for it
                syntax = self._syntax(nb.source, prev, nxt)
                if syntax <= 0:
                    continue
            if lm is None:
                if nb.source == "channel":
                    continue
                if math.isnan(keep):
                    keep = score(prev, word, nxt) - (p.bound_penalty if bound else 0.0)
                gain = syntax * p.syntax_bonus - nb.cost + score(prev, nb.word, nxt) - keep
            else:
                # a word neighbour must be attested next to at least one of the words around it
                left = prev is not None and lm.has(prev, nb.word)
                right = nxt is not None and lm.has(nb.word, nxt)
                if nb.source == "channel" and not (left or right) and not bound:
                    continue
                # a short word (a function word or its misreading) changes only when every side it has
                # vouches for the neighbour: `və` between two nouns is not `də`; one side is enough for a
                # word the local news never uses beside a neighbour it uses often (vo, by: foreign words
                # the frequency lists count, and OCR's readings of və, bu)
                unseen = lm.unigrams.get(word, 0) == 0 and lm.unigrams.get(nb.word, 0) >= p.unseen_neighbour_count
                if len(word) <= p.short_len and not bound and not (
                        (prev is None or left) and (nxt is None or right) or unseen and (left or right)):
                    continue
                if math.isnan(keep):
                    keep = score(prev, word, nxt) - (p.bound_penalty if bound else 0.0)
                    base_end = self._ending(prev, word, nxt)
                # (a short word's ending is the word itself: the bigram score has said all there is, and
                # the ending's association, add-one smoothed, is inflated for rare short words: yə is no nə)
                ending = 0.0 if len(word) <= p.short_len and len(nb.word) <= p.short_len \
                    else p.ending_weight * (self._ending(prev, nb.word, nxt) - base_end)
                gain = score(prev, nb.word, nxt) - keep - nb.cost + syntax * p.syntax_bonus + ending \
                    + (p.unseen_penalty if unseen and len(word) <= p.short_len else 0.0)
                if left and right and prev is not None and nxt is not None \
                        and not lm.has(prev, word) and not lm.has(word, nxt):
                    gain += p.both_sides_bonus
            if best is None or gain > best[0]:
                best = (gain, nb.word, need)
        return best

    def _ending(self, prev: str | None, word: str, nxt: str | None) -> float:
        lm = self.context.lm
        if lm is None:
            return 0.0
        s = 0.0
        if prev is not None:
            s += lm.ending_logratio(prev, word)
        if nxt is not None:
            s += lm.ending_logratio(word, nxt)
        return s


def _chain_changes(tags: tuple[str, ...]) -> list[tuple[tuple[str, ...], str]]:
    """Suffix chains one morpheme apart from `tags` (tags of a noun), with a name for the change."""
    out: list[tuple[tuple[str, ...], str]] = []
    *head, last = tags
    head_t = tuple(head)
    poss = bool(head) and head[-1] in POSSESSIVES
    if last == "GEN":
        out.append(((*head_t, "ACC"), "GEN>ACC"))
    elif last == "ACC":
        out.append(((*head_t, "GEN"), "ACC>GEN"))
    if last in _OBLIQUE:
        if poss and head[-1] == "P3SG":
            out.append(((*head_t[:-1], last), "-P3" + last))
        elif not poss:
            out.append(((*head_t, "P3SG", _OBLIQUE[last]), "+P3" + last))
    return out
