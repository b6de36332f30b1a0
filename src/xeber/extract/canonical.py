"""Canonical forms of names: case endings off (`Qazaxıstana` → `Qazaxıstan`, `TÜRKPA-nın` → `TÜRKPA`).

Only the last word of a name inflects in Azerbaijani, so a lemma is the name with its last word's
case (and relative `-dakı`) ending removed; an organisation keeps its possessive (`Senatının` →
`Senatı`), which is part of the name. An ending comes off only when vowel harmony and the buffer
consonant agree with the stem (`Bakı+ya`, `Əliyev+in`). When a word can be split two ways
(`Azərbaycanın` = `Azərbaycan+ın` or `Azərbayca+nın`), a stem that a list or the same document knows
wins, then a surname shape, then the likelier shape. The morphology (`xeber.morph`), when it offers a
lemma for a proper noun, is consulted the same way as a list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from xeber.text.alphabet import BACK_VOWELS, VOICELESS_CONSONANTS, VOWELS, last_vowel
from xeber.text.casing import lower

_APOSTROPHES = "'’ʼ`"

# (suffix, what the stem must end in: "V" vowel, "C" consonant, "K" voiceless consonant, "*" any), lower case, by harmony class.
_SUFFIXES: list[tuple[str, str]] = [
    ("nınkı", "V"), ("ninki", "V"), ("nunku", "V"), ("nünkü", "V"),
    ("ındakı", "C"), ("indəki", "C"), ("undakı", "C"), ("ündəki", "C"),
    ("ndakı", "V"), ("ndəki", "V"), ("dakı", "*"), ("dəki", "*"), ("takı", "K"), ("təki", "K"),
    ("ndan", "V"), ("ndən", "V"), ("dan", "*"), ("dən", "*"), ("tan", "K"), ("tən", "K"),
    ("nda", "V"), ("ndə", "V"), ("da", "*"), ("də", "*"), ("ta", "K"), ("tə", "K"),
    ("nın", "V"), ("nin", "V"), ("nun", "V"), ("nün", "V"), ("ın", "C"), ("in", "C"), ("un", "C"), ("ün", "C"),
    ("yadək", "V"), ("yədək", "V"), ("nadək", "V"), ("nədək", "V"), ("adək", "C"), ("ədək", "C"),
    ("ya", "V"), ("yə", "V"), ("na", "V"), ("nə", "V"), ("a", "C"), ("ə", "C"),
    ("nı", "V"), ("ni", "V"), ("nu", "V"), ("nü", "V"), ("ı", "C"), ("i", "C"), ("u", "C"), ("ü", "C"),
    ("yla", "V"), ("ylə", "V"), ("la", "*"), ("lə", "*"),
]
# Endings whose loss leaves a shorter real word too often to trust without evidence: a bare vowel.
_AFTER_POSSESSIVE = frozenset(["ndakı", "ndəki", "ndan", "ndən", "nda", "ndə", "na", "nə", "nadək", "nədək"])
_WEAK = frozenset(["a", "ə", "ı", "i", "u", "ü"])
_FOUR_WAY = {"a": "ı", "ı": "ı", "o": "u", "u": "u", "e": "i", "ə": "i", "i": "i", "ö": "ü", "ü": "ü"}


@dataclass(frozen=True, slots=True)
class Split:
    stem: str  # in the word's original casing
    suffix: str
    weak: bool  # a bare vowel ending: only taken with evidence


def _harmonises(stem_lower: str, suffix: str) -> bool:
    v = last_vowel(stem_lower)
    sv = next((c for c in suffix if c in VOWELS), None)
    if v is None or sv is None:
        return True  # acronyms (TÜRKPA) and vowelless stems: no harmony to check
    if sv in "aə":
        return (sv == "a") == (v in BACK_VOWELS)
    return _FOUR_WAY[v] == sv


def _stem_shape_ok(stem_lower: str, need: str) -> bool:
    if len(stem_lower) < 2:
        return False
    end = stem_lower[-1]
    if need == "V":
        return end in VOWELS
    if need == "C":
        return end not in VOWELS
    if need == "K":
        return end in VOICELESS_CONSONANTS  # the t- forms follow a voiceless consonant only: Paris+də, but Rabitə
    return True


@lru_cache(maxsize=65536)
def splits(word: str) -> tuple[Split, ...]:
    """Every way to take one case ending off `word`, the unsplit word last."""
    return tuple(_splits(word))


def _splits(word: str) -> list[Split]:
    out: list[Split] = []
    for i, ch in enumerate(word):  # an explicit boundary: TÜRKPA-nın, Bakı'da, COP29-da
        if ch in _APOSTROPHES or (ch == "-" and i > 0):
            tail = lower(word[i + 1 :])
            if any(tail == s for s, _ in _SUFFIXES):
                return [Split(word[:i], tail, False), Split(word, "", False)]
    low = lower(word)
    acronym = sum(c.isupper() for c in word) >= 2 and word[:2].isupper()
    if acronym or low[-1:].isdigit():
        return [Split(word, "", False)]  # an acronym only inflects after a hyphen or apostrophe
    for suffix, need in _SUFFIXES:
        if not low.endswith(suffix) or len(low) - len(suffix) < 3:
            continue
        stem_low = low[: -len(suffix)]
        if _stem_shape_ok(stem_low, need) and _harmonises(stem_low, suffix):
            out.append(Split(word[: -len(suffix)], suffix, suffix in _WEAK))
    out.append(Split(word, "", False))
    return out


_SURNAME_SHAPES = ("ov", "ova", "yev", "yeva", "ev", "eva", "in", "ina", "zadə", "li", "lı", "lu", "lü", "yan")


def choose(cands: tuple[Split, ...] | list[Split], known: Callable[[str], bool], kind: str, is_last_of_org: bool = False) -> str:
    """The stem to use, from `splits()`: evidence first (a list, the document, the morphology)."""
    if not is_last_of_org:
        # n-forms of the locative, ablative and dative follow a possessive, which a bare name lacks:
        # Londonda is London+da, never Londo+nda
        cands = [c for c in cands if c.suffix not in _AFTER_POSSESSIVE]
    if len(cands) == 1:
        return cands[0].stem
    for c in cands:
        if known(c.stem):
            return c.stem
    if kind == "LOC":
        for c in cands:
            if lower(c.stem).endswith("stan"):
                return c.stem  # Qazaxıstana, Qazaxistana: the -stan of country names
    strong = [c for c in cands if not c.weak and c.suffix]
    if is_last_of_org:
        # Senatının → Senatı (possessive kept), Məclisin → Məclis: prefer a stem ending in a possessive vowel
        # when the n-buffer shows one was there.
        for c in strong:
            if c.suffix[0] == "n":
                return c.stem
    if kind == "PER":
        for c in strong:
            if lower(c.stem).endswith(_SURNAME_SHAPES):
                return c.stem
    bare = {lower(c.stem) for c in strong if c.suffix[0] != "n"}
    for c in strong:
        if c.suffix[0] == "n" and any(b.endswith(("stan", "can", "ran")) for b in bare):
            continue  # Azərbaycanın: a name in -can + ın, not Azərbayca + nın
        return c.stem
    return cands[-1].stem


def lemma_of_word(word: str, kind: str, known: Callable[[str], bool], is_last_of_org: bool = False) -> str:
    return choose(splits(word), known, kind, is_last_of_org)
