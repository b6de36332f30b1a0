"""Morphological analysis: a lexicon stem followed by a suffix chain the grammar accepts.

A word is parsed by trying each prefix that is a stem surface in the lexicon, then walking the suffix
graph left to right, realizing each morpheme with the harmony of what precedes it. Results are cached
per word form, since real text repeats words.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from xeber.morph import grammar
from xeber.morph.lexicon import DEFAULT_PATH, TRUST_ATTESTED, TRUST_WEAK, Lexicon, Stem, load
from xeber.text.casing import lower, upper
from xeber.text.tokenize import abbreviations

VOWELS = grammar.VOWELS
_POS_NAMES = {"N": "NOUN", "V": "VERB", "P": "PROPN"}
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_SEPARATORS = re.compile(r"[-'’‘`ʼ]")
# The last word of a number's reading decides its suffix harmony: (last vowel, ends in vowel).
_UNITS = ["sıfır", "bir", "iki", "üç", "dörd", "beş", "altı", "yeddi", "səkkiz", "doqquz"]
_TENS = ["", "on", "iyirmi", "otuz", "qırx", "əlli", "altmış", "yetmiş", "səksən", "doxsan"]
# How each letter is read when an abbreviation is spelled out (BMT-nin, ABŞ-ın is read as a word).
_LETTER_NAMES = {
    "b": "be", "c": "ce", "ç": "çe", "d": "de", "f": "ef", "g": "ge", "ğ": "ğe", "h": "he", "x": "xe",
    "j": "je", "k": "ka", "q": "qe", "l": "el", "m": "em", "n": "en", "p": "pe", "r": "er", "s": "es",
    "ş": "şe", "t": "te", "v": "ve", "y": "ye", "z": "ze", "w": "dubl-ve",
}


@dataclass(frozen=True, slots=True)
class Analysis:
    surface: str  # the word as given
    lemma: str  # dictionary form: nouns bare, verbs as infinitive (-maq/-mək), names capitalised
    pos: str | None  # NOUN, VERB, PROPN, NUM, ABBR
    suffixes: tuple[str, ...]  # morpheme tags, left to right (e.g. ("PL", "P1PL"))
    stem: str = ""  # the stem as it appears in the word (lower-case)
    count: int = 0  # corpus count of the lower-cased surface form
    score: float = 0.0  # stem trust and frequency evidence; higher is better

    @property
    def morphemes(self) -> tuple[str, ...]:
        return self.suffixes


def _clean(word: str) -> str:
    if not word.isascii():
        word = unicodedata.normalize("NFC", word.replace("ә", "ə").replace("Ә", "Ə")).replace("\u0307", "")
    return word


def number_harmony(digits: str) -> tuple[str | None, bool]:
    """Harmony key of a number as read aloud: 29 → doqquz, 10 → on, 2020 → iyirmi, 100 → yüz."""
    n = int(digits.replace(".", "").replace(",", "")[-12:] or "0")
    if n == 0:
        word = "sıfır"
    elif n % 10:
        word = _UNITS[n % 10]
    elif n % 100:
        word = _TENS[(n // 10) % 10]
    elif n % 1000:
        word = "yüz"
    elif n % 1_000_000:
        word = "min"
    elif n % 1_000_000_000:
        word = "milyon"
    else:
        word = "milyard"
    return grammar.harmony_key(word)


@cache
def _transitions(state: str, last_vowel: str | None, ends_vowel: bool) -> tuple[tuple[str, str, str], ...]:
    out = []
    for key, nxt in grammar.GRAPH[state]:
        piece = grammar.realize(key, last_vowel, ends_vowel)
        if piece:
            out.append((piece, key, nxt))
    return tuple(out)


def _after(piece: str, last_vowel: str | None) -> tuple[str | None, bool]:
    for ch in reversed(piece):
        if ch in VOWELS:
            return ch, piece[-1] in VOWELS
    return last_vowel, piece[-1] in VOWELS


def parse_suffixes(word: str, start: int, state: str, last_vowel: str | None, ends_vowel: bool,
                   max_depth: int = 9) -> list[tuple[tuple[str, ...], str]]:
    """All morpheme-key chains that spell word[start:] from `state`, with the state they end in."""
    results: list[tuple[tuple[str, ...], str]] = []
    n = len(word)

    def walk(i: int, st: str, lv: str | None, ev: bool, path: tuple[str, ...]) -> None:
        if i == n:
            if st in grammar.FINAL:
                results.append((path, st))
            return
        if len(path) >= max_depth:
            return
        for piece, key, nxt in _transitions(st, lv, ev):
            j = i + len(piece)
            if j > n:
                continue
            last = piece[-1]
            if word.startswith(piece, i):
                if last in "qk" and j < n and word[j] in VOWELS:
                    continue  # a final q/k must soften before a vowel
                nlv, nev = _after(piece, lv)
                walk(j, nxt, nlv, nev, path + (key,))
            elif last in "qk" and j < n and word[j] in VOWELS and word.startswith(piece[:-1], i) \
                    and word[j - 1] == ("ğ" if last == "q" else "y"):
                nlv, _ = _after(piece, lv)
                walk(j, nxt, nlv, False, path + (key,))

    walk(start, state, last_vowel, ends_vowel, ())
    return results


def _infinitive(stem: str) -> str:
    return grammar.inflect_chain(stem, ["MAQ"])


class Morphology:
    """Analyzer over a lexicon. Use `Morphology.default()` for the committed one."""

    _default: Morphology | None = None

    def __init__(self, lexicon: Lexicon, cache_size: int = 500_000) -> None:
        self.lexicon = lexicon
        self._cache: dict[str, tuple[Analysis, ...]] = {}
        self._valid_cache: dict[str, bool] = {}
        self._cache_size = cache_size
        self._max_stem = 40

    @classmethod
    def default(cls) -> Morphology:
        if cls._default is None:
            cls._default = cls(load(DEFAULT_PATH))
        return cls._default

    @classmethod
    def from_path(cls, path: Path) -> Morphology:
        return cls(load(path))

    # --- core analysis of a lower-case word without separators
    def _analyze_lower(self, word: str, min_trust: int = TRUST_WEAK) -> list[Analysis]:
        lex = self.lexicon
        out: list[Analysis] = []
        n = len(word)
        count = lex.count(word)
        for j in range(min(n, self._max_stem), 0, -1):
            entries = lex.stems_at(word[:j])
            for stem in entries:
                if stem.trust < min_trust:
                    continue
                if stem.before_vowel is not None and j < n and (word[j] in VOWELS) != stem.before_vowel:
                    continue
                if stem.before_vowel and j == n:
                    continue
                lv, ev = grammar.harmony_key(stem.lemma)
                if j != len(stem.lemma):  # an alternated surface (bulağ-, ağz-, ged-)
                    ev = False
                start = "V" if stem.pos == "V" else "N"
                for path, final in parse_suffixes(word, j, start, lv, ev):
                    if self._derivation_attested(stem, path):
                        out.append(self._make(word, stem, path, final, count))
        out.sort(key=lambda a: -a.score)
        return out

    def _derivation_attested(self, stem: Stem, path: tuple[str, ...]) -> bool:
        """Derivational suffixes in an unproductive order need the derived stem attested (not protokol-la-t-ın)."""
        k = 0
        while k < len(path) and path[k] in grammar.DERIVATIONAL:
            k += 1
        if k < 2 or all(path[i + 1] in grammar.PRODUCTIVE_AFTER.get(path[i], ()) for i in range(k - 1)):
            return True
        trusts = self.lexicon.trusts
        for end in range(k, 1, -1):
            base = grammar.inflect_chain(stem.lemma, path[:end])
            if base in trusts or _infinitive(base) in trusts:
                return True
        return False

    def _make(self, word: str, stem: Stem, path: tuple[str, ...], final: str, count: int) -> Analysis:
        # Derivational morphemes right after the stem stay in the lemma (təhlükəsiz+lik, forma+laş+dır).
        k = 0
        while k < len(path) and path[k] in grammar.DERIVATIONAL:
            k += 1
        verbal = stem.pos == "V"
        for key in path[:k]:
            if key in ("LA", "LAS"):
                verbal = True
            elif key in ("MA", "IS", "ICI", "LIQ", "CI", "LI", "SIZ", "ORD"):
                verbal = False
        base = grammar.inflect_chain(stem.lemma, path[:k]) if k else stem.lemma
        lemma = _infinitive(base) if verbal else base
        if stem.pos == "P":
            lemma = upper(lemma[0]) + lemma[1:]
        pos = "VERB" if (verbal or stem.pos == "V" and any(
            grammar.MORPHEMES[key].tag.startswith(("PART", "INF", "CV")) for key in path)) else _POS_NAMES[stem.pos]
        tags = tuple(grammar.MORPHEMES[key].tag for key in path)
        # Evidence: trusted, frequent, long stems with short chains first.
        penalty = sum(grammar.PENALTY.get(key, 0.0) for key in path)
        if final == "V":
            penalty += 3.0  # a bare imperative (uğur-la, yerin) is rare in prose
        elif final == "V_NEG":
            penalty += 3.0  # so is a negative one (elektronlaşma is the verbal noun)
        score = (stem.trust * 4.0 + len(stem.lemma) * 1.0 - len(path) * 0.5 - penalty
                 + math.log10(stem.count + 1) * 1.2)
        return Analysis(word, lemma, pos, tags, stem.lemma, count, score)

    # --- words with a separator: TÜRKPA-nın, 29-da, Bakı'da, sosial-iqtisadi
    def _analyze_separated(self, word: str) -> list[Analysis]:
        parts = _SEPARATORS.split(word)
        base, suffix = word[: word.rfind(parts[-1]) - 1], lower(parts[-1])
        if not suffix or not base:
            return []
        count = self.lexicon.count(lower(word))
        keys: list[tuple[str | None, bool]] = []
        pos: str
        base_clean = base.rstrip("%")
        if _NUMBER.fullmatch(base_clean):
            keys = [number_harmony(base_clean)]
            pos, lemma = "NUM", base
        elif base.isupper() and len(base) <= 12 and "-" not in base and "'" not in base:
            lb = lower(base)
            keys = [grammar.harmony_key(lb)]
            spelled = _LETTER_NAMES.get(lb[-1])
            if spelled:
                keys.append(grammar.harmony_key(spelled))
            pos, lemma = "ABBR", base
        elif base[:1].isupper():
            names = self.analyze(base)
            if not names or names[0].suffixes:
                return []
            keys = [grammar.harmony_key(lower(base))]
            pos, lemma = "PROPN", base
        else:
            return []
        out = []
        seen = set()
        start = "NUM" if pos == "NUM" else "N"
        for lv, ev in keys:
            for path, _ in parse_suffixes(suffix, 0, start, lv, ev):
                tags = tuple(grammar.MORPHEMES[k].tag for k in path)
                if tags not in seen:
                    seen.add(tags)
                    penalty = sum(grammar.PENALTY.get(k, 0.0) for k in path)
                    out.append(Analysis(word, lemma, pos, tags, lower(base), count, 10.0 - len(path) - penalty))
        out.sort(key=lambda a: -a.score)
        return out

    def analyze(self, word: str) -> list[Analysis]:
        """All analyses of a word, best first; [] when no lexicon stem and suffix chain spell it."""
        cached = self._cache.get(word)
        if cached is not None:
            return list(cached)
        w = _clean(word)
        result: list[Analysis]
        if _SEPARATORS.search(w):
            result = self._analyze_separated(w)
            if not result:
                result = self._analyze_compound(w)
        else:
            lw = lower(w)
            result = [a if a.surface == word else _with_surface(a, word) for a in self._analyze_lower(lw)]
            if w.isupper() and len(w) <= 5 and not (result and not result[0].suffixes):
                result.insert(0, Analysis(word, w, "ABBR", (), lw, self.lexicon.count(lw), 100.0))
        if len(self._cache) >= self._cache_size:
            self._cache.clear()
        self._cache[word] = tuple(result)
        return result

    def _analyze_compound(self, word: str) -> list[Analysis]:
        """Hyphenated compounds (sosial-iqtisadi, Nur-Sultan): every part a valid word."""
        parts = _SEPARATORS.split(word)
        if len(parts) < 2 or "'" in word or "’" in word or any(not p.isalpha() for p in parts):
            return []
        if parts[0].isupper() or len(parts[-1]) < 3 or not self.is_valid(parts[-1]):
            return []  # TÜRKPA-nin: a suffix written apart, not a compound
        if self.is_suffix_chain(parts[-1]) and self.is_valid("".join(parts)):
            return []  # ərazi-lər: one word broken at a line end
        last = self.analyze(parts[-1])
        if not last or not all(len(p) <= 2 or self.is_valid(p) or (self.lexicon.trust(lower(p)) or 0) >= TRUST_WEAK
                               for p in parts[:-1]):
            return []
        best = last[0]
        if best.stem and self.lexicon.trust(best.stem) is not None and self.lexicon.trust(best.stem) < TRUST_ATTESTED \
                and not parts[-1][:1].isupper():
            return []
        prefix = word[: len(word) - len(parts[-1])]
        return [Analysis(word, lower(prefix) + best.lemma, best.pos, best.suffixes, best.stem,
                         self.lexicon.count(lower(word)), best.score)]

    def lemma(self, word: str) -> str:
        """The lemma of the best analysis; the lower-cased word itself when none is found."""
        found = self.analyze(word)
        if found:
            return found[0].lemma
        return lower(_clean(word))

    def is_valid(self, word: str) -> bool:
        """Is this a correctly spelled Azerbaijani word form (case-insensitive, names allowed)?"""
        cached = self._valid_cache.get(word)
        if cached is not None:
            return cached
        result = self._is_valid(word)
        if len(self._valid_cache) >= self._cache_size:
            self._valid_cache.clear()
        self._valid_cache[word] = result
        return result

    def _is_valid(self, word: str) -> bool:
        w = _clean(word)
        if not w:
            return False
        lw = lower(w)
        trust = self.lexicon.trust(lw)
        if trust is not None and trust >= TRUST_ATTESTED:
            return True
        if _SEPARATORS.search(w):
            return bool(self.analyze(w))
        if lw in _ABBREVIATIONS:
            return True
        capitalised = w[:1].isupper()
        for a in self.analyze(w):
            stem_trust = self.lexicon.trust(a.stem) or 0
            if stem_trust >= TRUST_ATTESTED or (capitalised and stem_trust >= TRUST_WEAK):
                return True
        return False

    def is_suffix_chain(self, text: str) -> bool:
        """Is `text` a nominal suffix chain that can follow some word (the -in of “ASAN xidmət”-in)?"""
        s = lower(_clean(text))
        if not s:
            return False
        return any(parse_suffixes(s, 0, "N", v, ev) for v in "aıoueəiöü" for ev in (False, True))

    def count(self, word: str) -> int:
        return self.lexicon.count(lower(_clean(word)))

    def is_known_form(self, word: str) -> bool:
        """Is the form itself attested by the lexicon sources (not only built by the grammar)?"""
        trust = self.lexicon.trust(lower(_clean(word)))
        return trust is not None and trust >= TRUST_ATTESTED

    def trust(self, word: str) -> int | None:
        """Trust level of the form in the lexicon (0 demoted … 3 confirmed), None if absent."""
        return self.lexicon.trust(lower(_clean(word)))

    def inflect(self, lemma: str, suffixes: list[str] | tuple[str, ...]) -> str:
        """Attach morphemes by key or tag (``inflect("kitab", ["PL", "P1PL", "LOC"])`` → kitablarımızda).

        Verbs may be given as infinitives (``gəlmək``); the lexicon's alternations are applied to the stem
        (``bulaq`` + P3SG → ``bulağı``).
        """
        word = lower(lemma)
        keys = [_tag_to_key(s) for s in suffixes]
        if word.endswith(("maq", "mək")) and keys and keys[0] not in _NOMINAL_FIRST:
            word = word[:-3]
        if keys:
            first = grammar.realize(keys[0], *grammar.harmony_key(word))
            if first and first[0] in VOWELS:
                word = self._alternated(word)
        out = grammar.inflect_chain(word, keys)
        return upper(out[0]) + out[1:] if lemma[:1].isupper() else out

    def _alternated(self, word: str) -> str:
        for surface in _candidates(word):
            for stem in self.lexicon.stems_at(surface):
                if stem.lemma == word and stem.before_vowel:
                    return surface
        return word


def _candidates(word: str) -> list[str]:
    out = []
    if word[-1:] in ("k", "q"):
        out.append(word[:-1] + ("y" if word[-1] == "k" else "ğ"))
    if len(word) > 3:
        out.append(word[:-2] + word[-1])
    if word.endswith("t"):
        out.append(word[:-1] + "d")
    return out


_ABBREVIATIONS = abbreviations()
_NOMINAL_FIRST = frozenset({"PL", "P1SG", "P2SG", "P3SG", "P1PL", "P2PL", "GEN", "ACC", "DAT", "LOC", "ABL", "INS",
                            "COP", "LIQ", "CI", "LI", "SIZ"})
_TAG_KEYS: dict[str, str] = {}
for _key, _m in grammar.MORPHEMES.items():
    _TAG_KEYS.setdefault(_m.tag, _key)


def _tag_to_key(name: str) -> str:
    if name in grammar.MORPHEMES:
        return name
    if name in _TAG_KEYS:
        return _TAG_KEYS[name]
    raise ValueError(f"unknown morpheme {name!r}")


def _with_surface(a: Analysis, surface: str) -> Analysis:
    return Analysis(surface, a.lemma, a.pos, a.suffixes, a.stem, a.count, a.score)
