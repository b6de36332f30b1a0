"""Noisy-channel word correction: candidates from the confusion-key index, scored by context and by
the learned error model; the word stays unless a candidate is clearly more probable."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from xeber.morph.analyzer import CLOSED_CLASS, Analysis, parse_suffixes
from xeber.morph.grammar import DERIVATIONAL, harmony_key
from xeber.normalize.channel import ErrorModel
from xeber.normalize.context import ContextScorer
from xeber.normalize.layout import BOUND_ENDINGS
from xeber.normalize.lexicon import DEMOTED_MAX, FREQUENT, Lexicon, confusion_key
from xeber.normalize.morphcands import MorphCandidates
from xeber.normalize.realword import HARMONIC_PARTICLES, MULTI_OCR, POSSESSIVES, RealWords
from xeber.text.alphabet import LOWER_LETTERS, VOWELS
from xeber.text.casing import fold, lower

# OCR misreadings of one letter as two (realword.MULTI_OCR: rn for m, cl for d): candidates come from the
# word with the pair put back, at this extra cost (−log of a rate in the order of the learned single-letter ones)
_THIRD_PERSON = frozenset(("P3SG", "P3PL"))
CASES = frozenset(("GEN", "DAT", "LOC", "ABL", "ACC", "INS"))
_FIRST_PERSON = frozenset(("P1SG", "A1SG"))
FIRST_PERSON_SLIP_MIN_COUNT = 1000  # (Speller._first_person_misreadings)
MULTI_OCR_COST = 5.0
# ... and the reverse, two letters read as one (ın as m: sessiyasmda for sessiyasında), and n read as ri
# (sahəsiridə, hüququridan), looked for in unknown words only: a valid word holds an m or ri far more
# often than a misreading
OCR_VARIANTS = (*MULTI_OCR, ("m", "ın"), ("ri", "n"))
# an unknown word made of a listed word this long and this frequent plus an inflection stays as it is
INFLECTED_STEM_MIN_LEN = 4
INFLECTED_STEM_MIN_COUNT = 3
COMPOUND_PART_MIN_COUNT = 1000  # both parts of a word written as a compound (nəzarətetmə) this frequent
# Turkish endings typed in Azerbaijani text (`köməyiyle`, `gəliyor`, `yapılacak`): the Azerbaijani
# ending is a candidate for an unknown word at this cost, about that of one typing slip (e→ə), so the
# counts and the context choose between it and the one-letter neighbours.
TURKISH_ENDINGS = (
    ("iyle", "ilə"),
    ("iyor", "ir"), ("ıyor", "ır"), ("uyor", "ur"), ("üyor", "ür"),
    ("acak", "acaq"), ("ecek", "əcək"), ("mak", "maq"), ("mek", "mək"),
)
TURKISH_ENDING_COST = 3.0
TURKISH_KNOWN_MAX_COUNT = 1000  # a listed word rarer than this may still be a Turkish spelling (hakkında)
# Turkish words typed for their Azerbaijani cognates, two letters or a listed spelling away (ours)
TURKISH_WORDS = {"için": "üçün", "kadar": "qədər", "değil": "deyil", "göre": "görə", "ancak": "ancaq",
                 "çok": "çox", "yani": "yəni", "sadece": "sadəcə", "artık": "artıq", "bazı": "bəzi",
                 "büyük": "böyük", "önce": "öncə", "ve": "və", "ile": "ilə"}
# ... and `və` as OCR reads its ə (o, a): words no Azerbaijani text writes, which the lists count from
# foreign text, so the bigram model alone rarely has the evidence to change them
MISREAD_WORDS = {"vo": "və", "va": "və"}
_CHEAP_COGNATES = {**TURKISH_WORDS, **MISREAD_WORDS}
NON_AZERBAIJANI_SPELLINGS = frozenset(_CHEAP_COGNATES)  # no replacement of the real-word stage either
KEY_ALPHABET = "abcdfghxijkqlmnoprstuvyz"
SEPARATE_PARTICLES = HARMONIC_PARTICLES | {"ki"}
# Combining forms that Azerbaijani spelling joins to the next word (fotoqalereya, videoçarx,
# kibertəhlükəsizlik), and the Azər- of company names (Azəristilik, Azərişıq): never split after one
COMBINING_FORMS = frozenset(
    "foto video audio avto aero bio eko geo hidro kino mikro makro mini multi neo radio stereo super "
    "tele termo elektro info kiber nano meqa meta meteo mono poli anti inter trans ultra azər".split())
# ... and words it joins to the word before (qurumdaxili, dövlətlərarası, istifadəçiyönümlü, təlimverici)
SECOND_COMBINING_FORMS = frozenset("daxili arası xarici yönümlü verici edici".split())
# Compounds (Speller.compound): verbs that stay apart from their noun, and nouns of place that join it
LIGHT_VERBS = frozenset("etmək olmaq olunmaq edilmək eləmək".split())
LIGHT_VERB_STEMS = frozenset("et ed ol olun edil elə".split())
RELATIONAL_NOUNS = frozenset("ətraf arxa ön yan alt üst".split())
KNOWN_NAME_RATIO = 3  # a listed capitalised word yields only to a spelling this × known_ratio more frequent
# a capitalised word only the morphology reads (no list counts it): a word one edit away this common and
# this long competes with it (Speller._known_name_plan)
UNLISTED_CAPITAL_MIN_COUNT = 10_000
UNLISTED_CAPITAL_MIN_LEN = 4
UNLISTED_CAPITAL_MAX_COUNT = 2  # ... or one the lists count this rarely (the word lists without counts)
MAX_COST = 14.0  # error-model costs above this are not considered
CONJUNCTIONS = frozenset(w for w, (_, pos, _) in CLOSED_CLASS.items() if pos == "CONJ")
MERGED_PARTICLES = ("da", "də", "ya", "ki")  # written apart from a conjunction before them
# ... or a pronoun or adverb that takes them (buda, beləki)
MERGED_HEADS = CONJUNCTIONS | frozenset("bu o belə elə heç bir".split())
MERGED_RIVAL_STEM_COUNT = 20_000  # a stem this common reads the word otherwise (vəd|ə, yad|a, od|a)
MERGED_CONJUNCTION_CONFIDENCE = 0.9
_FINITE = frozenset("PRES PAST PERF EVID AOR FUT".split())  # tenses of a finite verb (Speller._finite_verb)
# spellings no Azerbaijani word has: English letter groups, a final y after a consonant, no vowel
_FOREIGN_SPELLING = re.compile(r"ck|w|th|sh|ph|ee|oo|[^aeıioöuüə]y$|^[^aeıioöuüə]+$")
# a stem shorter than this protects nothing: a reading through one (da|yam, nə|cə, üç|çü|n) is mostly
# an accident of a slipped common word (davam, necə, üçün)
STEM_MIN_LEN = 3
_LA_CAUS_T = ("LA", "CAUS_T")  # ölkə|lə|t: see _suffixes_of
_NO_PLURAL_BEFORE = DERIVATIONAL - {"SIZ"}  # derivations a plural never takes (see _suffixes_of)
# each letter's alternatives with the same confusion key (ə: a, e; ı: i; ş: s ...)
_SAME_KEY = {c: "".join(o for o in LOWER_LETTERS if o != c and confusion_key(o) == confusion_key(c))
             for c in LOWER_LETTERS}


@dataclass(frozen=True, slots=True)
class SpellParams:
    # log-score of an unknown word being right as it is: oov_base − oov_per_char·len (a longer unknown
    # string is less likely to be a correct unseen word than an error)
    oov_base: float = -11.0
    oov_per_char: float = 2.0
    # extra log-score of keeping a capitalised word (a name candidate) or a known word
    name_bonus: float = 4.0
    name_min_count: int = 1000
    known_margin: float = 4.0
    # a known word is compared with other words only when it is rarer than this, and only with words
    # known_ratio times more frequent
    known_max_count: int = 50_000
    known_ratio: int = 100
    demoted_ratio: int = 10
    morph_only_count: int = 50  # (known_ratio * morph_only_count must be ≥ lexicon.FREQUENT)
    split_cost: float = 7.0
    max_count_of_merged_listed_word: int = 10
    # real-word errors: the gain in ending-bigram log-ratio a candidate needs, and its minimum count
    # (off: on the tuning split it added 0.2-0.75% wrong changes for no measurable recall)
    real_words: bool = False
    real_word_gain: float = 6.0
    real_word_min_count: int = 3000
    min_split_count: int = 1000
    # OCR word confidences, when given: keeping a word the engine doubted (confidence c of 100) scores
    # low_confidence_bonus·(1 − c/100) less; keeping any other word of that text scores high_confidence_margin more
    genitive_bonus: float = 2.0  # a possessed noun after a noun in the genitive
    low_confidence_bonus: float = 6.0
    high_confidence_margin: float = 2.0
    min_short_split_count: int = 200_000
    morph_min_len: int = 5  # unknown words from this length get stem + suffix-chain candidates
    morph_when_cost_above: float = 5.0
    stem_prior: float = 0.5
    stem_prior_max: float = 5.0
    # garbled long words (Speller._garbled_candidates): unknown words from this length, candidates up to
    # this error-model cost
    garbled_min_len: int = 6
    garbled_max_cost: float = 20.0
    # a merged word with a slip in one part (Speller._slipped_splits)
    slipped_split_min_len: int = 7
    slipped_split_max_cost: float = 7.0
    slipped_split_min_count: int = 50_000
    slipped_long_part_len: int = 6
    slipped_long_max_cost: float = 5.5
    slipped_long_min_count: int = 1_000
    # log-score added to a candidate of an unknown word that the document writes elsewhere (a cache model)
    document_bonus: float = 2.0
    document_word_min_len: int = 4


@dataclass(frozen=True, slots=True)
class _Plan:
    known: bool
    keep: float | None  # log-score of keeping the word; None: from the context (known words)
    candidates: tuple[tuple[str, float, str], ...]  # (candidate, error cost, kind)
    splits: tuple[tuple[str, str], ...]
    keep_bonus: float = 0.0
    strict_min_count: int = 0  # a candidate needs this count unless OCR doubted the word
    # two words run together, one of them with a slip (prosesləridaga): (left, right, error cost)
    slipped_splits: tuple[tuple[str, str, float], ...] = ()


@dataclass(frozen=True, slots=True)
class Correction:
    replacement: str  # lower-case
    confidence: float
    kind: str  # spelling, diacritics, merge (a merged word split in two), real-word


class Speller:
    def __init__(self, lexicon: Lexicon, errors: ErrorModel, context: ContextScorer,
                 params: SpellParams | None = None, morph_candidates: MorphCandidates | None = None):
        self.lexicon = lexicon
        self.morph_candidates = morph_candidates
        self.errors = errors
        self.context = context
        self.params = params or SpellParams()
        self._edit_candidates = lru_cache(maxsize=50_000)(self._edit_candidates_uncached)
        self._plan = lru_cache(maxsize=200_000)(self._plan_uncached)
        # lower-case plain words that no context can change (filled by the word stage): the fast path
        self.stable: set[str] = set()
        # the real-word stage (valid words that the context says are another word), when built
        self.real_words: RealWords | None = None

    # candidates -----------------------------------------------------------------------------
    def _edit_candidates_uncached(self, word: str, max_key_distance: int) -> tuple[str, ...]:
        key = confusion_key(word)
        bucket = self.lexicon.bucket
        found: set[str] = set(bucket(key))
        if max_key_distance >= 1:
            for k in _key_edits1(key):
                found.update(bucket(k))
        for variant in _ocr_variants(word):
            found.update(bucket(confusion_key(variant)))
            if self.lexicon.known(variant):
                found.add(variant)  # an inflection no list has seen that the morphology reads (öhdəliyin|də)
        found.discard(word)
        return tuple(found)

    def _split_candidates(self, word: str) -> list[tuple[str, str]]:
        """Two words run together: both parts frequent (a two-letter part only if very frequent: və, də,
        bu), or a long part the morphology accepts as an inflection the counts lack."""
        lex, p = self.lexicon, self.params
        out = []
        for i in range(2, len(word) - 1):
            a, b = word[:i], word[i:]
            if a in COMBINING_FORMS or b in SECOND_COMBINING_FORMS or b.startswith(("lar", "lər")):
                continue  # (a part opening with the plural ending is the rest of the word: şirkət|lərlərlə)
            if self._split_part(a, lex, p) and self._split_part(b, lex, p) and not _suffixes_of(a, b) \
                    and not self.compound(a, b):
                out.append((a, b))
        return out

    def compound(self, a: str, b: str) -> bool:
        """A compound Azerbaijani writes as one word: a bare noun or adjective before a verbal noun,
        participle or -lı adjective (məlumatötürmə, özüimzalanan, yüksəkötürücülü, müxtəliftəyinatlı) or a
        relational noun with its possessive (Xəzərətrafı; a bare şər|alt is a typo of şərait). Light verbs
        stay apart (liderlik etdiyi)."""
        morph = self.lexicon.morph
        if morph is None:
            return False
        left = morph.analyze(a)
        if not left or a != "özü" and (left[0].suffixes or left[0].pos != "NOUN"):
            return False  # a verb or a closed-class word is no compound's first part (ilə|bağlı); özü is
        if any(CASES & set(r.suffixes) and len(r.stem) >= 3 for r in left[1:3]):
            return False  # nor a postposition the lists hold as a noun (haqqında, haqq|ı|nda too)
        for r in morph.analyze(b)[:2]:
            if r.lemma in LIGHT_VERBS or r.stem in LIGHT_VERB_STEMS and POSSESSIVES & set(r.suffixes):
                return False  # (idarəetmə is one word, idarə edilməsi, tətbiq olunması are two)
            if r.pos == "VERB" and set(r.suffixes) & {"VN_MA", "PART_AN", "NEG+AOR", "AGENT"} \
                    or r.suffixes[:1] == ("WITH",) or r.stem in RELATIONAL_NOUNS and bool(r.suffixes):
                return True
        return False

    def _finite_light_verb(self, word: str) -> bool:
        """`word` is a finite form of a light verb (etdi, edilir, olunub), no participle, verbal noun or noun
        made of one (inkaredilməz|lik is one word)."""
        found = self.first_reading(word)
        return found is not None and found.pos == "VERB" and found.lemma in LIGHT_VERBS \
            and not _non_finite(found.suffixes)

    def split_part(self, part: str) -> bool:
        """Whether lower-case `part` can be one side of a split word."""
        return self._split_part(part, self.lexicon, self.params)

    @staticmethod
    def _split_part(part: str, lex: Lexicon, p: SpellParams) -> bool:
        c = lex.counts.get(part, 0)
        if part in BOUND_ENDINGS:
            return False  # an ending (-nın, -ndan) the word lists count as a word: a word is never split before one
        if len(part) <= 2:
            return c >= p.min_short_split_count
        if c >= p.min_split_count:
            return lex.known(part)
        # a rarer inflection of a long word the morphology reads (dizaynının)
        return len(part) >= 6 and lex.known(part) and (lex.morph is None or lex.morph.is_valid(part))

    # decisions ------------------------------------------------------------------------------
    def correct(self, word: str, prev: str | None, nxt: str | None, *, name_like: bool = False,
                diacritics_only: bool = False, keep_shift: float = 0.0,
                seen: Mapping[str, int] | None = None) -> Correction | None:
        """A correction for lower-case `word` between lower-case neighbours, or None to keep it.
        `keep_shift` is added to the score of keeping the word (OCR confidence: less for a doubtful word);
        `seen` holds the lower-case words of the document, as written."""
        if diacritics_only:
            return self._restore_diacritics(word, prev, nxt, name_like)
        merged = None if name_like else self._merged_conjunction(word)  # (Buda mid-sentence is the city)
        if merged is not None:
            return Correction(merged, MERGED_CONJUNCTION_CONFIDENCE, "merge")
        plan = self._plan(word, name_like)
        if not plan.candidates and not plan.splits and not plan.slipped_splits:
            return self._real_word(word, prev, nxt) if plan.known else None
        p = self.params
        score = self.context.score
        keep = plan.keep if plan.keep is not None else score(prev, word, nxt) + p.known_margin + plan.keep_bonus
        keep += keep_shift
        # a noun in the genitive asks for a possessed noun after it (gücləndirilməsinin əhəmiyyəti)
        genitive = prev is not None and self._genitive_noun(prev)
        if plan.keep is None and genitive and self._possessed(word):
            keep += p.genitive_bonus
        counts = self.lexicon.counts
        # a cache of the document: a word it writes elsewhere is the likelier reading of an unknown one
        # (olmasınə beside olmasına), not of a valid word, nor a function word every document writes
        cached = seen if seen is not None and not plan.known else {}
        scored: list[tuple[float, str, str]] = [
            (score(prev, cand, nxt) - cost + (p.genitive_bonus if genitive and self._possessed(cand) else 0.0)
             + (p.document_bonus if len(cand) >= p.document_word_min_len and cached.get(cand) else 0.0),
             cand, kind)
            for cand, cost, kind in plan.candidates
            # (a listed spelling that differs only in diacritics is no other word's inflection: adli is
            # adlı; one no list holds stays a valid inflection's: bir neçədir is no necədir)
            if keep_shift < 0 or counts.get(cand, 0) >= plan.strict_min_count
            or fold(cand) == fold(word) and counts.get(word, 0) > 0]
        if not scored and not plan.splits and not plan.slipped_splits:
            return self._real_word(word, prev, nxt) if plan.known else None
        for a, b in plan.splits:
            s = score(prev, a, None) + score(a, b, nxt) - p.split_cost
            scored.append((s, f"{a} {b}", "merge"))
        for a, b, cost in plan.slipped_splits:
            s = score(prev, a, None) + score(a, b, nxt) - p.split_cost - cost
            scored.append((s, f"{a} {b}", "merge"))
        best = max(scored)
        if best[0] <= keep:
            return self._real_word(word, prev, nxt) if plan.known else None
        # confidence: the posterior of the best reading against keeping the word and the others
        z = math.fsum(math.exp(s - best[0]) for s, _, _ in scored) + math.exp(keep - best[0])
        return Correction(best[1], 1.0 / z, best[2])

    def first_reading(self, word: str) -> Analysis | None:
        """The morphology's best reading of `word` (it caches its analyses), None when it has none."""
        morph = self.lexicon.morph
        found = morph.analyze(word) if morph is not None else []
        return found[0] if found else None

    def _genitive_noun(self, word: str) -> bool:
        found = self.first_reading(word)
        # (a verbal noun in the genitive too: gücləndirilməsinin)
        return found is not None and found.suffixes[-1:] == ("GEN",) and (
            found.pos in ("NOUN", "PROPN") or any(t.startswith("VN") for t in found.suffixes))

    def _possessed(self, word: str) -> bool:
        found = self.first_reading(word)
        return found is not None and bool(_THIRD_PERSON & set(found.suffixes))

    def can_change(self, word: str, *, name_like: bool = False) -> bool:
        """False when lower-case `word` has no candidate in any context (the fast path)."""
        plan = self._plan(word, name_like)
        return bool(plan.candidates or plan.splits or plan.slipped_splits) \
            or (plan.known and self.params.real_words) \
            or self._merged_conjunction(word) is not None

    def _plan_uncached(self, word: str, name_like: bool) -> _Plan:
        """The context-free part of a decision: the candidates with their error costs."""
        lex, p = self.lexicon, self.params
        known = lex.known(word)
        count = lex.count(word)
        keep: float | None
        strict = 0
        demoted = False
        if word in _CHEAP_COGNATES and not name_like:
            # a Turkish word typed for its Azerbaijani cognate (için for üçün), or a misread və: the lists
            # hold the foreign spelling, so it is judged as an unknown word with the cognate as a cheap
            # candidate
            return _Plan(False, p.oov_base - p.oov_per_char * len(word),
                         ((_CHEAP_COGNATES[word], TURKISH_ENDING_COST, "spelling"),), ())
        if name_like:
            if "w" in word and not any(lex.count(word.replace("w", r)) >= p.name_min_count for r in "eəqas"):
                # no Azerbaijani word has a w: a foreign name (Twitter), unless the w is a slip for a
                # neighbouring key in a common word (Hwsablama)
                return _Plan(known, None, (), ())
            if known:
                return self._known_name_plan(word, count)
            # an unknown capitalised word may be a name: only a frequent word may replace it
            min_count, keep = p.name_min_count, p.oov_base - p.oov_per_char * len(word) + p.name_bonus
        elif known:
            if count > p.known_max_count:
                return _Plan(True, None, (), ())
            # a listed but rare spelling (many come from noisy word lists) yields only to a far more
            # frequent word; a form only the morphology knows counts as moderately frequent; unless OCR
            # doubted it, an inflected word counts as its stem (zərfə of zərf is no zərbə)
            # ... and one the morphology demotes as a misspelling it cannot read (edərk, cox) to a less
            # frequent one, and keeping it scores as keeping an unknown word would
            demoted = self.demoted(word)
            min_count = (p.demoted_ratio if demoted else p.known_ratio) * max(count, p.morph_only_count)
            keep = p.oov_base - p.oov_per_char * len(word) if demoted else None
            strict = 0 if demoted else p.known_ratio * self._stem_count(word)
        elif self._inflection_of_known(word) or self._written_compound(word):
            # no typo of another word, but maybe two words run together (etdiki: etdik|i or etdi ki): the
            # split competes with keeping it, the context deciding
            return _Plan(False, None, (), tuple(self._split_candidates(word)) if len(word) >= 4 else ())
        else:
            min_count, keep = 0, p.oov_base - p.oov_per_char * len(word)
        max_dist = 1 if len(word) >= 3 else 0
        kind = "real-word" if count > p.morph_only_count and not demoted else "spelling"
        counts = lex.counts
        cands: Iterable[str]
        if min_count >= FREQUENT and max_dist == 1:
            # OCR's two letters for one (tarn for tam) is no one-key edit
            cands = (lex.frequent_near(word) | {word.replace(w, r) for w, r in MULTI_OCR if w in word}) - {word}
        else:
            cands = self._edit_candidates(word, max_dist)
        if len(word) == 2 and not known:
            # two keys swapped in a two-letter word (əv for və, əd for də): the one edit a word this short gets
            cands = {*cands, word[::-1]}
        found = []
        for cand in cands:
            c = counts.get(cand, 0)
            if c < min_count or c < DEMOTED_MAX and not lex.known(cand):
                continue  # (a listed misspelling the morphology demotes is no replacement: inkşaf for inkşafı)
            cost = self._cost(cand, word)
            if cost <= MAX_COST:
                found.append((cand, cost, kind))
        if known and not name_like and found:
            # another inflection of a valid word (istifadəçini → istifadəçisi) is the syntax's to ask for,
            # in the real-word stage: the bigram counts alone choose such switches badly
            lemma = self._lemma_of(word)
            # (the bare stem is one of those inflections too: biznesmenə is no OCR slip for biznesmen)
            found = [f for f in found if lemma is None or (self._lemma_of(f[0]) or f[0]) != lemma]
        if known and not count and not name_like:
            misread = self._first_person_misreadings(word, {c for c, _, _ in found})
            if misread:
                found += misread
                strict = 0  # (the word is no inflection of its stem here, but a misreading)
        if not known or count < TURKISH_KNOWN_MAX_COUNT and not name_like:
            # (the lists count Turkish words from foreign text: hakkında, birlikte a hundred times or so)
            readings = _turkish_readings(word) + ([] if name_like else _turkish_spellings(word))
            turkish = {c for c in readings if counts.get(c, 0) >= max(min_count, 1) and lex.known(c)}
            found = [f for f in found if f[0] not in turkish]
            found += [(c, min(TURKISH_ENDING_COST, self._cost(c, word)), kind) for c in sorted(turkish)]
        if not known and self.morph_candidates is not None and len(word) >= p.morph_min_len \
                and min((c for _, c, _ in found), default=MAX_COST) > p.morph_when_cost_above:
            # two edits away through the morphology (stem corrected, chain re-inflected with harmony), looked
            # for only when the one-key-edit neighbours hold no cheap candidate (it costs milliseconds)
            have = {c for c, _, _ in found}
            for cand, stem_count in self.morph_candidates.candidates(word):
                # an unlisted inflection of a common stem passes a count floor (capitalised words) as
                # a listed word a tenth as frequent as its stem would (Siğortaçılara → Sığortaçılara)
                if cand not in have and max(counts.get(cand, 0), stem_count // 10) >= min_count:
                    cost = self._cost(cand, word)
                    if cost <= MAX_COST:
                        # an unlisted form scores by its unigram count (none): its stem's count tells a
                        # common word's inflection from a rare stem's
                        if not counts.get(cand):
                            cost -= min(p.stem_prior_max, p.stem_prior * math.log1p(stem_count))
                        found.append((cand, cost, kind))
        if name_like and not known and not any(wrong in word for wrong, _ in MULTI_OCR):
            # an unknown capitalised word that loses a letter to become a bare word is mostly a foreign
            # name (Popkov, Vasiliu, Offices, Elvina): it stays. One that becomes an inflected word is
            # a word of an institution's name (Sisiteminin → Sisteminin); OCR `rn` for `m` may shrink too
            found = [f for f in found if len(f[0]) >= len(word) or self._inflected(f[0])]
        if not known and len(word) >= p.garbled_min_len:
            found += self._garbled_candidates(word, {c for c, _, _ in found}, min_count, kind)
        # a listed word seen only a few times that the morphology cannot read can be two words run
        # together in a source list (iləbağlı, birçox): its splits compete with keeping it
        splittable = not known or count < p.max_count_of_merged_listed_word and not (
            lex.morph is not None and lex.morph.is_valid(word))
        splits = tuple(self._split_candidates(word)) if splittable and len(word) >= 4 else ()
        if known and not count and not splits and len(word) >= 6:
            # a form only the morphology reads, through a noun and light verb that a word list wrote as
            # one lemma (iştiraket|di): a finite light verb is written apart, so keeping the word scores as
            # keeping an unknown one would
            splits = tuple((a, b) for a, b in self._split_candidates(word) if self._finite_light_verb(b))
            if splits and keep is None:
                keep = p.oov_base - p.oov_per_char * len(word)
        if name_like:
            # a capitalised merged word (Universitetininprorektoru, Səfərbərlikvə): both parts the counts'
            # words, the first long, the second long or the conjunction və
            splits = tuple((a, b) for a, b in splits if len(a) >= 4 and (len(b) >= 3 or b == "və")
                           and counts.get(a, 0) >= p.min_split_count and counts.get(b, 0) >= p.min_split_count)
        if not known and any(min(counts.get(a, 0), counts.get(b, 0)) >= p.min_split_count for a, b in splits):
            # two common words run together (qısazamanda) explain the word better than a form no list holds
            # one edit away (qısalamanda, which the stem prior alone makes cheap), unless only diacritics
            # tell the two apart (biznesmənə is biznesmenə, not biznes mənə)
            folded = fold(word)
            found = [f for f in found if counts.get(f[0], 0) or fold(f[0]) == folded]
        slipped: tuple[tuple[str, str, float], ...] = ()
        if not known and not name_like and not splits and len(word) >= p.slipped_split_min_len \
                and min((c for _, c, _ in found), default=MAX_COST) > p.morph_when_cost_above:
            slipped = tuple(self._slipped_splits(word))
        return _Plan(known, keep, tuple(found), splits, strict_min_count=strict, slipped_splits=slipped)

    def _slipped_splits(self, word: str) -> list[tuple[str, str, float]]:
        """Two words run together, one of them with a slip one key-edit away (prosesləri|daga → daha,
        sifarişi|ve → və): both words frequent, the slipped one's error cost at most slipped_split_max_cost.
        Looked for only when the word has no cheap candidate of its own, and kept only when the slipped
        word is a common one (a long one with a cheap slip: a well-counted one) or the bigram model has seen
        the two words together (cəmiyəttinin, a garbled cəmiyyətinin, is no cəmi xəttinin)."""
        lex, p, lm = self.lexicon, self.params, self.context.lm
        out: list[tuple[str, str, float]] = []
        if word.startswith(tuple(COMBINING_FORMS)) or word.endswith(tuple(SECOND_COMBINING_FORMS)):
            return out  # a compound with a combining form (vətəndaşarası) is no pair of words
        for i in range(2, len(word) - 1):
            a, b = word[:i], word[i:]
            for whole, part, left in ((a, b, True), (b, a, False)):
                if len(part) < 2 or not self._split_part(whole, lex, p) or lex.known(part) and lex.count(part) >= 100:
                    continue
                for fixed in self._edit_candidates(part, 1):
                    if not self._split_part(fixed, lex, p) or fixed in BOUND_ENDINGS:
                        continue
                    cost = self._cost(fixed, part)
                    if cost <= p.slipped_split_max_cost:
                        pair = (whole, fixed) if left else (fixed, whole)
                        # (a long slipped word with a cheap slip is no accident of a garbled word: üçün|binalarınn,
                        # nəzərinizə|catdırırıq; it need only be a word the lists count well)
                        long_cheap = len(part) >= p.slipped_long_part_len and cost <= p.slipped_long_max_cost
                        min_count = p.slipped_long_min_count if long_cheap else p.slipped_split_min_count
                        if (lex.count(fixed) >= min_count or lm is not None and lm.has(*pair)) \
                                and not _suffixes_of(*pair) and not self.compound(*pair):
                            out.append((*pair, cost))
        return out

    def first_person_misreading(self, word: str, replacement: str) -> bool:
        """`replacement` of lower-case `word` is one of _first_person_misreadings (the caller drops it in a
        text that speaks in the first person: "Mənim məktəbim")."""
        return self.lexicon.count(word) == 0 and any(
            cand == replacement for cand, _, _ in self._first_person_misreadings(word, set()))

    def _first_person_misreadings(self, word: str, have: set[str]) -> list[tuple[str, float, str]]:
        """News is written in the third person: a first-person singular form no list holds (sahələrim,
        prosesimin, formalaşam) with an n for one of its m in a form the lists count well is OCR's or a
        typist's m for n (sahələrin, prosesinin, formalaşan), though it is the same word's inflection."""
        found = self.first_reading(word)
        if found is None or not _FIRST_PERSON & set(found.suffixes):
            return []
        out = []
        for i, c in enumerate(word):
            cand = word[:i] + "n" + word[i + 1:]
            if c == "m" and cand not in have and self.lexicon.count(cand) >= FIRST_PERSON_SLIP_MIN_COUNT:
                out.append((cand, self._cost(cand, word), "spelling"))
        return out

    def _merged_conjunction(self, word: str) -> str | None:
        """A conjunction run together with a particle or a second conjunction (vəya, eləcədə, həmçinində)
        when the morphology has no other reading of the word (vədə is vəd-ə, yada yad-a); the lists count
        some of these merges, but a conjunction takes no endings."""
        if word in CLOSED_CLASS:
            return None  # çünki is one word
        for particle in MERGED_PARTICLES:
            head = word[: -len(particle)]
            if word.endswith(particle) and head in MERGED_HEADS:
                # (a reading of the pronoun itself as a noun, bu|da for bunda, or of a rare stem, bud|a,
                # is no reading)
                morph = self.lexicon.morph
                if morph is not None and any(a.suffixes and a.stem != head
                                             and self.lexicon.count(lower(a.stem)) >= MERGED_RIVAL_STEM_COUNT
                                             for a in morph.analyze(word)):
                    return None
                return f"{head} {particle}"
        head = word[:-2]
        verb = self.first_reading(head) if word.endswith("ki") and len(head) >= 3 else None
        if verb is not None and self._finite_verb(head):
            # a finite verb takes no -ki (qeyd edirki is edir ki), unless the whole word reads otherwise
            morph = self.lexicon.morph
            if morph is None or all(a.lemma == verb.lemma for a in morph.analyze(word)):
                return f"{head} ki"
        return None

    def _finite_verb(self, word: str) -> bool:
        """The morphology reads `word` first as a finite verb (edir, bildirdi, olunub), no participle,
        verbal noun or infinitive."""
        found = self.first_reading(word)
        return found is not None and found.pos == "VERB" and bool(_FINITE & set(found.suffixes)) \
            and not _non_finite(found.suffixes)

    def _garbled_candidates(self, word: str, have: set[str], min_count: int, kind: str) -> list[tuple[str, float, str]]:
        """Frequent words with `word`'s consonants (one more or less) and its first letter, whatever the
        vowels (təhlükəzliyi → təhlükəsizliyi, ehtiytalraının → ehtiyatlarının): several slips in one long
        word, which the one-key-edit index cannot reach. Their error-model cost may exceed MAX_COST;
        keeping a long unknown word scores low enough that a frequent word still wins."""
        p = self.params
        key0 = confusion_key(word[0])
        out = []
        for cand in self.lexicon.skeleton_near(word):
            if cand in have or abs(len(cand) - len(word)) > 2 or confusion_key(cand[0]) != key0 \
                    or word.startswith(cand) or self.lexicon.count(cand) < min_count:
                continue
            cost = min(self._cost(cand, word), self.errors.cost(cand, word, p.garbled_max_cost))
            if cost <= p.garbled_max_cost:
                out.append((cand, cost, kind))
        if out and self._one_letter_from_valid(word):
            return []  # one slip explains it (siğortaolunanlara): the word is no garbled other word
        return out

    def _one_letter_from_valid(self, word: str) -> bool:
        """Whether swapping one letter for a letter of the same confusion key (ı/i, ğ/g, ə/e/a, ...)
        gives a word the morphology reads."""
        morph = self.lexicon.morph
        if morph is None:
            return False
        for i, ch in enumerate(word):
            for alt in _SAME_KEY.get(ch, ""):
                if morph.is_valid(word[:i] + alt + word[i + 1:]):
                    return True
        return False

    def _inflection_of_known(self, word: str) -> bool:
        """An unknown word that is a listed word (some letters long, seen a few times) plus a nominal
        suffix chain in its harmony: an inflection the lists lack (hakaton|u, xana|lara), no typo. A lone
        m or n (my, your) is rare in the news and mostly a slip (elektrom, malin): it does not count."""
        lex = self.lexicon
        for k in range(len(word) - 1, INFLECTED_STEM_MIN_LEN - 1, -1):
            stem, rest = word[:k], word[k:]
            if rest in ("m", "n") or rest[0] in VOWELS and _SOFTENING_END.search(stem):
                continue
            if lex.count(stem) >= INFLECTED_STEM_MIN_COUNT and lex.known(stem) \
                    and _suffixes_of(stem, rest, strict=True, plural_stem=self._plural(stem)):
                return True
        return False

    def _plural(self, word: str) -> bool:
        found = self.first_reading(word)
        return found is not None and found.suffixes[-1:] == ("PL",)

    def _written_compound(self, word: str) -> bool:
        """An unknown word that is two frequent words Azerbaijani writes as one (nəzarət|etmə,
        müəyyən|etmə; see compound), a frequent word before a second combining form (bölgələr|arası,
        qurum|daxili) or after a first one (meqa|bit, kiber|hücum), not a typo of some third word."""
        lex = self.lexicon
        for form in SECOND_COMBINING_FORMS:
            if word.endswith(form) and lex.count(word[: -len(form)]) >= COMPOUND_PART_MIN_COUNT:
                return True
        for form in COMBINING_FORMS:
            rest = word[len(form):]
            if word.startswith(form) and len(rest) >= 3 and lex.count(rest) >= COMPOUND_PART_MIN_COUNT:
                return True
        for i in range(3, len(word) - 2):
            a, b = word[:i], word[i:]
            if lex.count(a) >= COMPOUND_PART_MIN_COUNT and lex.count(b) >= COMPOUND_PART_MIN_COUNT \
                    and self.compound(a, b):
                return True
        return False

    def demoted(self, word: str) -> bool:
        """A listed word the morphology demotes as a misspelling and cannot read, unless it is spelled as
        English or an abbreviation is (back, sky, sms: foreign words the lists hold)."""
        morph = self.lexicon.morph
        return morph is not None and not _FOREIGN_SPELLING.search(word) and morph.trust(word) == 0 \
            and not morph.is_valid(word)

    def _stem_count(self, word: str) -> int:
        """The count of the stem of the morphology's first reading of an inflected `word` (0 if none)."""
        morph = self.lexicon.morph
        if morph is None:
            return 0
        found = morph.analyze(word)
        if not found or not found[0].suffixes or len(found[0].stem) < STEM_MIN_LEN:
            return 0
        return self.lexicon.count(lower(found[0].stem))

    def _lemma_of(self, word: str) -> str | None:
        """The lemma of the morphology's first reading of an inflected `word` (None for a bare word)."""
        morph = self.lexicon.morph
        if morph is None:
            return None
        found = morph.analyze(word)
        return lower(found[0].lemma) if found and found[0].suffixes else None

    def first_reading_is_name(self, word: str) -> bool:
        """The morphology reads `word` first as a proper name (Əliyev; not Azərbaycan, which is also a noun)."""
        found = self.first_reading(word)
        return found is not None and found.pos == "PROPN"

    def _inflected(self, word: str) -> bool:
        morph = self.lexicon.morph
        if morph is None:
            return False
        found = morph.analyze(word)
        return bool(found) and bool(found[0].suffixes)

    def _known_name_plan(self, word: str, count: int) -> _Plan:
        """A capitalised word the lists know, but rarely (Azerbaycan): only a far more frequent spelling
        with the same key (diacritics, a/ə/e) replaces it, so rare names (Aygul) stay; the context decides
        (Baki, a given name 1,900 times, is Bakı, 820,000 times, before şəhərində)."""
        p = self.params
        min_count = max(p.name_min_count, p.known_ratio * max(count, 1)) * KNOWN_NAME_RATIO
        found = tuple((c, self._cost(c, word), "spelling") for c in self.lexicon.bucket(confusion_key(word))
                      if c != word and self.lexicon.count(c) >= min_count)
        if count <= UNLISTED_CAPITAL_MAX_COUNT and len(word) >= UNLISTED_CAPITAL_MIN_LEN:
            # a form no list has seen, or one seen once or twice (Dövlə), that the morphology reads only by
            # accident (Eynli as eyn|li, Ləlimdə as ləl|im|də, Dövlə as Döv|lə) is no name the lists know: a
            # common word one edit away competes too
            # (another inflection of the same word is the writer's: Hökumətim is no slip for Hökumətin)
            have = {c for c, _, _ in found}
            lemma = self._lemma_of(word) or word
            # (a listed one yields to no other name: Aygul is no Aygün)
            found += tuple((c, cost, "spelling") for c in self._edit_candidates(word, 1)
                           if c not in have and self.lexicon.count(c) >= UNLISTED_CAPITAL_MIN_COUNT
                           and (self._lemma_of(c) or c) != lemma and (cost := self._cost(c, word)) <= MAX_COST
                           and not (count and self.first_reading_is_name(c)))
        return _Plan(True, None, found, (), p.name_bonus)

    def _cost(self, cand: str, word: str) -> float:
        cost = self.errors.cost(cand, word, MAX_COST)
        if len(cand) == len(word) and word.isascii() and fold(cand) == word:
            # a word typed without any Azerbaijani letter (görüşüb → gorusub): whoever drops one drops
            # them all, so the word costs its dearest letter, not the sum of its letters
            cost = min(cost, max(self.errors.sub_cost(r, w) for r, w in zip(cand, word, strict=True)))
        for variant in _ocr_variants(word):
            cost = min(cost, MULTI_OCR_COST + self.errors.cost(cand, variant, MAX_COST))
        return cost

    def _real_word(self, word: str, prev: str | None, nxt: str | None) -> Correction | None:
        """A valid word whose ending does not fit its neighbours (`təbriklərinin çatdırıb`): replaced by
        a frequent word one edit away in the ending when the ending-bigram evidence is strong and no
        word bigram of the local model vouches for the word as written."""
        lm, p = self.context.lm, self.params
        if lm is None or not p.real_words or len(word) < 6 or prev is None or nxt is None:
            return None
        if lm.has(prev, word) or lm.has(word, nxt):
            return None
        stem = word[: len(word) - 3]
        base = lm.ending_logratio(prev, word) + lm.ending_logratio(word, nxt)
        best: tuple[float, str] | None = None
        for cand in self.lexicon.frequent_near(word):
            if cand == word or not cand.startswith(stem) or self.lexicon.count(cand) < p.real_word_min_count:
                continue
            gain = lm.ending_logratio(prev, cand) + lm.ending_logratio(cand, nxt) - base
            if gain >= p.real_word_gain and (best is None or gain > best[0]):
                best = (gain, cand)
        if best is None:
            return None
        return Correction(best[1], 1.0 / (1.0 + math.exp(-(best[0] - p.real_word_gain))), "real-word")

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


def _non_finite(tags: tuple[str, ...]) -> bool:
    """A participle, verbal noun, infinitive or a noun made of one (inkaredilməz|lik) among the tags."""
    return any(t.startswith(("PART", "VN", "INF")) or t in ("AGENT", "NESS") for t in tags)


# endings whose q/k always softens before a vowel (şəffaflıq → şəffaflığın, etmək → etməyi): such a stem
# with a vowel after its hard q/k is a misreading, no unlisted inflection (şəffaflıqın, etməkidir)
_SOFTENING_END = re.compile(r"(?:l[ıiuü]|m[aə]|c[aə]|c[ıiuü])[qk]$")


def _suffixes_of(stem: str, rest: str, *, strict: bool = False, plural_stem: bool = False) -> bool:
    """`rest` is the inflection of `stem` (prezentasiya|lar, prezentasiya|sından), not a word of its own
    (a particle written apart stays a word: da, də, ki, mı; `ya` after a vowel is the dative). With
    `strict`, a noun made a verb and then its causative in -t does not count: ölkə|lə|t|in is grammar but
    no word the news writes (ölkələrin is, and OCR reads r as t), while səs|lən|dir|ib is. A `plural_stem`
    (a listed plural) takes no derivation but -sIz: xərclər|li is OCR's xərcləri, texnologiyalar|sız is a word."""
    if rest in SEPARATE_PARTICLES:
        return False
    last_vowel, ends_vowel = harmony_key(stem)
    parses = parse_suffixes(stem + rest, len(stem), "N", last_vowel, ends_vowel)
    if plural_stem:
        parses = [(tags, x) for tags, x in parses if not tags or tags[0] not in _NO_PLURAL_BEFORE]
    if strict:
        return any(_LA_CAUS_T not in zip(tags, tags[1:], strict=False) for tags, _ in parses)
    return bool(parses)


def _turkish_readings(word: str) -> list[str]:
    """`word` with a Turkish ending put into Azerbaijani (the stem keeps at least three letters)."""
    return [word[: -len(tr)] + az for tr, az in TURKISH_ENDINGS
            if word.endswith(tr) and len(word) - len(tr) >= 3]


_BACK_K = re.compile(r"(?<=[aıou])k|k(?=[aıou])")
_ASSIMILATED_ENDING = re.compile(r"(?<=[pçtkfhsş])t([aəe]n?)$")
_AZ_DA = {"a": "da", "an": "dan", "e": "də", "en": "dən"}
_TURKISH_G = re.compile(r"(?<=[aeıioöuü])ğ(?=[aeıioöuü])")
_FIRST_SYLLABLE_U = re.compile(r"^([^aeıioöuü]*)ü")


def _turkish_spellings(word: str) -> list[str]:
    """`word` as Turkish spells it put into Azerbaijani spelling: k beside a back vowel is q (hakkında →
    haqqında, kurumları → qurumları), and the locative and ablative keep their d after a voiceless
    consonant (birlikte → birlikdə); a word may need both (konferansta). Turkish has no ə: its e is mostly
    our ə (all of them, or all but the first: gece is gecə), its ğ between vowels our y, and its ü of a
    first syllable often our ö (değerlendirme → dəyərləndirmə, ülke → ölkə)."""
    q = _BACK_K.sub("q", word)
    out = [q] if q != word else []
    for w in dict.fromkeys((word, q)):
        m = _ASSIMILATED_ENDING.search(w)
        if m is not None:
            out.append(w[: m.start()] + _AZ_DA[m.group(1).replace("ə", "e")])
    if "e" in word:
        for w in list(dict.fromkeys((word, *out))):
            w = _TURKISH_G.sub("y", w)
            for v in dict.fromkeys((w, _FIRST_SYLLABLE_U.sub(r"\1ö", w))):
                first = v.find("e")
                out += [v.replace("e", "ə"), v[: first + 1] + v[first + 1:].replace("e", "ə")]
    return [w for w in dict.fromkeys(out) if w != word]


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


@lru_cache(maxsize=65536)
def _ocr_variants(word: str) -> tuple[str, ...]:
    """The word with one of OCR's one-for-two misreadings put back, at one place or at all (the m of
    imza stays when the m of imzalanacağmı is ın)."""
    out: list[str] = []
    for wrong, right in OCR_VARIANTS:
        at = word.find(wrong)
        while at >= 0:
            out.append(word[:at] + right + word[at + len(wrong):])
            at = word.find(wrong, at + 1)
        if word.count(wrong) > 1:
            out.append(word.replace(wrong, right))
    return tuple(out)
