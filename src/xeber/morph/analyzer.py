"""Morphological analysis: a lexicon stem followed by a suffix chain the grammar accepts.

A word is parsed by trying each prefix that is a stem surface in the lexicon, then walking the suffix
graph left to right, realizing each morpheme with the harmony of what precedes it. The morphemes that
may follow a state are indexed by their first letter, and suffix parses are memoized by the ending
string (endings repeat across words far more than words do); results are also cached per word form.
Ranking prefers trusted, frequent stems with short, common chains; a stem that the source lists gave
but that is itself an inflected word (təsviri, düşür, qalan) loses to its own shorter stem, and
closed-class words (data/lexicon/closed_class.tsv) are read as themselves.
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from importlib import resources
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


# pronouns that are possessed forms (one of them, all of it), listed as stems: they take no endings of their
# own, since their inflected forms are the possessed stem's (bir-i-ndə, hamı-sı-nı; biridə is biri də run
# together)
POSSESSED_PRONOUNS = frozenset(["biri", "hamısı", "digəri", "çoxu", "bəzisi", "əksəriyyəti", "hərəsi"])
SHORT_STEM = 4  # stems this short ...
LIST_ONLY_COUNT = 409  # ... that no frequency list counts (the build caps list-only forms at this) need an
# inflected form attested before they take endings (Morphology._unproven_short_stem)


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
def _transition_index(state: str, last_vowel: str | None, ends_vowel: bool) -> dict[str, tuple[tuple[str, str, str], ...]]:
    """The morphemes that may follow `state`, realized with this harmony and indexed by their first letter."""
    index: dict[str, list[tuple[str, str, str]]] = {}
    for key, nxt in grammar.GRAPH[state]:
        piece = grammar.realize(key, last_vowel, ends_vowel)
        if not piece:
            continue
        index.setdefault(piece[0], []).append((piece, key, nxt))
        if len(piece) == 1 and piece in "qk":  # a one-letter -q/-k softened before a vowel (gəldiy-ik)
            index.setdefault("ğ" if piece == "q" else "y", []).append((piece, key, nxt))
    return {k: tuple(v) for k, v in index.items()}


def _after(piece: str, last_vowel: str | None) -> tuple[str | None, bool]:
    for ch in reversed(piece):
        if ch in VOWELS:
            return ch, piece[-1] in VOWELS
    return last_vowel, piece[-1] in VOWELS


_Parse = tuple[tuple[tuple[str, ...], str], ...]
_PARSES: dict[tuple[str, str, str | None, bool, int], _Parse] = {}
_PARSES_MAX = 400_000


def parse_suffixes(word: str, start: int, state: str, last_vowel: str | None, ends_vowel: bool,
                   max_depth: int = 9) -> list[tuple[tuple[str, ...], str]]:
    """All morpheme-key chains that spell word[start:] from `state`, with the state they end in.

    Memoized by the suffix string: endings repeat across words far more than words do.
    """
    rest = word[start:]
    key = (rest, state, last_vowel, ends_vowel, max_depth)
    found = _PARSES.get(key)
    if found is None:
        found = _parse(rest, state, last_vowel, ends_vowel, max_depth)
        if len(_PARSES) >= _PARSES_MAX:
            _PARSES.clear()
        _PARSES[key] = found
    return list(found)


def clear_caches() -> None:
    """Forget memoized suffix parses (benchmarks use it to measure a cold start)."""
    _PARSES.clear()


def _parse(word: str, state: str, last_vowel: str | None, ends_vowel: bool, max_depth: int) -> _Parse:
    results: list[tuple[tuple[str, ...], str]] = []
    n = len(word)
    final = grammar.FINAL

    def walk(i: int, st: str, lv: str | None, ev: bool, path: tuple[str, ...]) -> None:
        if i == n:
            if st in final:
                results.append((path, st))
            return
        if len(path) >= max_depth:
            return
        for piece, key, nxt in _transition_index(st, lv, ev).get(word[i], ()):
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

    walk(0, state, last_vowel, ends_vowel, ())
    return tuple(results)


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
        self._stems: dict[str, tuple[Stem, ...]] = {}
        self._splits: dict[str, tuple[str, tuple[str, ...], str] | None] = {}
        self._proven_stems: dict[str, bool] = {}  # short list-only stem -> some list shows it inflected
        self._forms_sorted: list[str] | None = None  # the lexicon's forms, sorted on first need

    @classmethod
    def default(cls) -> Morphology:
        if cls._default is None:
            cls._default = cls(load(DEFAULT_PATH))
        return cls._default

    @classmethod
    def from_path(cls, path: Path) -> Morphology:
        return cls(load(path))

    # --- core analysis of a lower-case word without separators
    def _stems_at(self, surface: str) -> tuple[Stem, ...]:
        found = self._stems.get(surface)
        if found is None:
            found = tuple(self.lexicon.stems_at(surface))
            if len(self._stems) >= self._cache_size:
                self._stems.clear()
            self._stems[surface] = found
        return found

    def _analyze_lower(self, word: str, min_trust: int = TRUST_WEAK) -> list[Analysis]:
        lex = self.lexicon
        stem_pos, alternates = lex.stem_pos, lex.alternates
        best: dict[tuple[str, str | None, tuple[str, ...]], Analysis] = {}
        n = len(word)
        count = lex.count(word)
        closed = CLOSED_CLASS.get(word)
        if closed is not None:
            best[(closed[0], closed[1], ())] = Analysis(word, closed[0], closed[1], (), word, count, 100.0)
        for j in range(min(n, self._max_stem), 0, -1):
            surface = word[:j]
            cc = CLOSED_CLASS.get(surface) if j < n else None
            if cc is not None and cc[2]:  # üçün-sə, üçün-dür
                lv, ev = grammar.harmony_key(surface)
                for path, _ in parse_suffixes(word, j, "N_ABL", lv, ev):
                    tags = tuple(grammar.MORPHEMES[k].tag for k in path)
                    _keep(best, Analysis(word, cc[0], cc[1], tags, surface, count, 60.0 - len(path)))
            if surface not in stem_pos and surface not in alternates:
                continue
            if cc is not None and cc[1] == "CONJ":
                continue  # a conjunction takes no endings, though the lists have it as a noun (və-ya, eləcə-də)
            for stem in self._stems_at(surface):
                if stem.trust < min_trust:
                    continue
                if j < n and (self._unproven_short_stem(stem) or stem.lemma in POSSESSED_PRONOUNS):
                    continue  # (biri inflects as bir-i: birində, never biridə)
                if stem.before_vowel is not None and j < n and (word[j] in VOWELS) != stem.before_vowel:
                    continue
                if stem.before_vowel and j == n:
                    continue
                if stem.pos == "V" and stem.lemma.endswith(("maq", "mək")) and stem.lemma[:-3] in stem_pos:
                    continue  # an infinitive listed as a verb stem (etmək-dir is et-mək-dir, not a causative)
                lv, ev = grammar.harmony_key(stem.lemma)
                if j != len(stem.lemma):  # an alternated surface (bulağ-, ağz-, ged-, suy-)
                    ev = False
                start = "V" if stem.pos == "V" else "N"
                for path, final in parse_suffixes(word, j, start, lv, ev):
                    if self._derivation_attested(stem, path):
                        _keep(best, self._make(word, stem, path, final, count, j))
        out = list(best.values())
        out.sort(key=lambda a: -a.score)
        if len(out) > 1:
            # Of the readings that agree on the lemma, show the one that segments the derivation too
            # (formalaş-dır-ıl-ıb rather than a listed formalaşdırıl-ıb).
            top = out[0]
            deeper = [a for a in out if a.lemma == top.lemma and a.pos == top.pos and len(a.stem) < len(top.stem)
                      and a.score >= top.score - 5.0]
            if deeper:
                chosen = max(deeper, key=lambda a: (a.score, -len(a.stem)))
                out.remove(chosen)
                out.insert(0, chosen)
        return out

    def _unproven_short_stem(self, stem: Stem) -> bool:
        """A short stem that only word lists hold (no frequency list counts it: kii, xəb, ayo) and that no
        list shows inflected takes no endings: such entries are mostly fragments, and with endings they
        accept misspellings (kiim, xəbə, ayon). Counted or inflected ones (nal: nallamaq) do."""
        if stem.pos == "V" or len(stem.lemma) > SHORT_STEM or stem.count > LIST_ONLY_COUNT:
            return False
        proven = self._proven_stems.get(stem.lemma)
        if proven is None:
            if self._forms_sorted is None:
                self._forms_sorted = sorted(self.lexicon.counts)
            forms, lemma = self._forms_sorted, stem.lemma
            k = bisect_right(forms, lemma)
            proven = False
            while k < len(forms) and forms[k].startswith(lemma) and not proven:
                form = forms[k]
                proven = (self.lexicon.trust(form) or 0) >= TRUST_WEAK and bool(
                    parse_suffixes(form, len(lemma), "N", *grammar.harmony_key(lemma)))
                k += 1
            self._proven_stems[lemma] = proven
        return not proven

    def _derivation_attested(self, stem: Stem, path: tuple[str, ...]) -> bool:
        """Derivational suffixes in an unproductive order need the derived stem attested (not protokol-la-t-ın)."""
        k = 0
        while k < len(path) and path[k] in grammar.DERIVATIONAL:
            k += 1
        trusts = self.lexicon.trusts
        for i in range(k - 1):
            if path[i] == "LA" and path[i + 1] == "CAUS_T" \
                    and _infinitive(grammar.inflect_chain(stem.lemma, path[:i + 1])) not in trusts:
                return False  # a noun's causative in -lat needs its -la verb (təmizlət-: təmizlə-; no ölkələt-)
        if k < 2 or all(path[i + 1] in grammar.PRODUCTIVE_AFTER.get(path[i], ()) for i in range(k - 1)):
            return True
        for end in range(k, 1, -1):
            base = grammar.inflect_chain(stem.lemma, path[:end])
            if base in trusts or _infinitive(base) in trusts:
                return True
        return False

    def _stem_split(self, stem: Stem) -> tuple[str, tuple[str, ...], str] | None:
        """How a listed stem itself splits into a shorter trusted stem and suffixes, when it is an inflected
        or derived word that the source lists gave as a stem (təsviri = təsvir+P3SG, düşür = düş+PRES).
        Returns (shorter stem, morpheme keys, its POS letter) or None."""
        key = stem.lemma
        if key in self._splits:
            return self._splits[key]
        self._splits[key] = None  # guards against a cycle while this stem is being split
        best_score, found = -math.inf, None
        n = len(key)
        for j in range(n - 1, 1, -1):
            for sub in self._stems_at(key[:j]):
                if sub.trust < TRUST_ATTESTED or sub.before_vowel and j == n:
                    continue
                lv, ev = grammar.harmony_key(sub.lemma)
                if j != len(sub.lemma):
                    ev = False
                for path, final in parse_suffixes(key, j, "V" if sub.pos == "V" else "N", lv, ev, 3):
                    score = (sub.trust * 4.0 + math.log10(sub.count + 1) * 1.2 - len(path) * 2.0
                             - sum(grammar.PENALTY.get(k, 0.0) for k in path)
                             - (3.0 if final in ("V", "V_NEG") else 0.0) + (1.0 if sub.pos == "V" else 0.0))
                    inner = None if sub.pos == "V" else self._stem_split(sub)
                    if inner is not None and not all(k in grammar.DERIVATIONAL for k in inner[1]):
                        score -= 4.0  # the shorter stem is itself an inflected form (yaşadıq)
                    if score > best_score:
                        best_score, found = score, (sub.lemma, path, sub.pos)
        self._splits[key] = found
        return found

    def _split_penalty(self, stem: Stem, path: tuple[str, ...]) -> float:
        """Evidence against reading a listed stem as a word of its own (ranking only, never validity)."""
        split = self._stem_split(stem)
        if split is None:
            return 0.0
        shorter, keys, pos = split
        lex = self.lexicon
        if keys[-1] == "MA" and path and path[0] in ("LI", "LIQ"):
            return 8.0  # etmə-li is et-məli (necessity), not a noun 'with doing'
        if all(k in grammar.DERIVATIONAL for k in keys):
            if stem.pos == "N" and keys[-1] in _VERB_DERIVATION:
                return 4.0  # the noun reading of a listed verb stem (genişləndiril-ə is optative, not dative)
            return 0.0
        demote = len(stem.lemma) - len(shorter) + 2.0
        if pos == "V":
            return demote  # düşür = düş-ür, qalan = qal-an: participles and tenses lemmatize to the verb
        own = grammar.inflect_chain(stem.lemma, ["P3SG"])
        if lex.count(shorter) * 20 >= lex.count(stem.lemma) and (lex.trust(own) or 0) < TRUST_ATTESTED:
            return demote  # məktəbi = məktəb-i; yazı (yazısı attested) and xarici (far commoner) stay
        return 0.0

    def _make(self, word: str, stem: Stem, path: tuple[str, ...], final: str, count: int, j: int) -> Analysis:
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
        if k:
            base = grammar.inflect_chain(stem.lemma, path[:k])
            seen = word[: len(base)]
            # keep the word's own alternations inside the derived stem (işlət-il → işlədil), not a softened end
            if seen != base and seen[:-1] != base[:-1] and len(seen) == len(base) and j < len(base):
                base = seen
        else:
            base = stem.lemma
        lemma = _infinitive(base) if verbal else base
        if stem.pos == "P":
            lemma = upper(lemma[0]) + lemma[1:]
        pos = "VERB" if (verbal or stem.pos == "V" and any(
            grammar.MORPHEMES[key].tag.startswith(("PART", "INF", "CV", "NEC")) for key in path)) else _POS_NAMES[stem.pos]
        tags = tuple(grammar.MORPHEMES[key].tag for key in path)
        # Evidence: trusted, frequent, long stems with short chains first.
        penalty = sum(grammar.PENALTY.get(key, 0.0) for key in path) + self._split_penalty(stem, path)
        for a, b in zip(path, path[1:], strict=False):
            if a == "MA" and b in ("LI", "LIQ"):
                penalty += 8.0  # -ma-lı is the necessity mood
        if final == "V":
            penalty += 3.0  # a bare imperative (uğur-la, yerin) is rare in prose
            if path and path[-1] in ("LA", "LAS") and _infinitive(base) not in self.lexicon.trusts:
                penalty += 3.0  # ... and of a derived verb nobody wrote (müştəri-lə is müştəri ilə)
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
        stem_trust = self.lexicon.trust(best.stem) if best.stem else None
        if stem_trust is not None and stem_trust < TRUST_ATTESTED and not parts[-1][:1].isupper():
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
        if lw in _ABBREVIATIONS or lw in CLOSED_CLASS:
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
_VERB_DERIVATION = frozenset({"PASS_IL", "PASS_IN", "PASS_N", "RECP", "CAUS_DIR", "CAUS_T", "LA", "LAS"})
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


def _keep(best: dict[tuple[str, str | None, tuple[str, ...]], Analysis], a: Analysis) -> None:
    """One analysis per (lemma, POS, tags): the same reading reached by two routes is not ambiguity."""
    key = (a.lemma, a.pos, a.suffixes)
    old = best.get(key)
    if old is None or a.score > old.score:
        best[key] = a


def _read_closed_class() -> dict[str, tuple[str, str, bool]]:
    text = resources.files("xeber.data").joinpath("lexicon/closed_class.tsv").read_text(encoding="utf-8")
    out = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            form, lemma, pos, suffixes = line.split("\t")
            out[form] = (lemma, pos, suffixes == "pred")
    return out


# form -> (lemma, POS, takes predicative endings)
CLOSED_CLASS: dict[str, tuple[str, str, bool]] = _read_closed_class()


def _with_surface(a: Analysis, surface: str) -> Analysis:
    return Analysis(surface, a.lemma, a.pos, a.suffixes, a.stem, a.count, a.score)
