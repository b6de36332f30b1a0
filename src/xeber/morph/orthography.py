"""Cheap letter rules of Azerbaijani orthography that flag impossible or suspicious word forms.

`flags(word)` returns rule names (empty for a clean word); the normalizer uses them as features and
the lexicon builder demotes words with a HARD flag. Rules look only at letters, never at the lexicon.
"""

from __future__ import annotations

import re

from xeber.morph import grammar
from xeber.text.casing import lower

AZ_LETTERS = frozenset("abcçdeəfgğhxıijkqlmnoöprsştuüvyz")
VOWELS = grammar.VOWELS

# Flags that make a form impossible in Azerbaijani spelling.
HARD_FLAGS = frozenset({"non_az_letter", "initial_soft_g", "triple_letter", "suffix_harmony", "no_vowel"})

# Inflectional endings whose vowel must agree with the vowel before them (checked right to left).
_HARMONIC_ENDINGS = (
    "dAkI", "lArInIn", "lArIn", "lArI", "lAr", "dAn", "ndAn", "ndA", "nIn", "dIr", "mIş", "dIQ", "AcAQ",
    "mAQ", "lIQ", "sIz", "ylA", "dA", "nA", "yA", "sI", "Ib", "Ir",
)
# Turkish suffix spellings with e where Azerbaijani writes ə (or the Turkish-only -yor present).
_TURKISH_ENDINGS = re.compile(
    r"(?:ler|leri|lerin|lerde|lerden|lere|iyle|yle|ile|inde|ında|nde|nden|den|de|ye|ne|mek|mektedir|"
    r"[ıiuü]yor(?:um|sun|uz|lar|du)?)$"
)


def _pattern_regex(template: str) -> re.Pattern[str]:
    any_form = template.replace("A", "[aəe]").replace("I", "[ıiuü]").replace("Q", "[qkğy]")
    return re.compile(any_form + "$")


_ENDING_REGEXES = [(t, _pattern_regex(t)) for t in _HARMONIC_ENDINGS]


def _expected(template: str, before: str) -> str:
    out = []
    v, _ = grammar.harmony_key(before)
    for ch in template:
        if ch == "A":
            ch = "a" if v is None or v in grammar.BACK else "ə"
        elif ch == "I":
            ch = grammar.high_vowel(v)
        elif ch == "Q":
            ch = "q" if v is None or v in grammar.BACK else "k"
        if ch in VOWELS:
            v = ch
        out.append(ch)
    return "".join(out)


def suffix_harmony_broken(word: str) -> bool:
    """Does a recognisable final suffix break vowel harmony with the vowel before it (Şurasındaki)?"""
    for template, rx in _ENDING_REGEXES:
        m = rx.search(word)
        if not m or m.start() < 2:
            continue
        before, ending = word[: m.start()], m.group(0)
        if not any(ch in VOWELS for ch in before):
            continue
        if "e" in ending:
            continue  # handled by the Turkish-ending rule
        exp = _expected(template, before)
        if template.endswith("Q"):
            soft = {"q": "ğ", "k": "y"}[exp[-1]]
            ok = ending[:-1] == exp[:-1] and ending[-1] in (exp[-1], soft)
        else:
            ok = ending == exp
        if ok:
            return False
        # Only endings with two vowels are decisive (a one-vowel ending may be part of a stem).
        if sum(ch in VOWELS for ch in ending) >= 2:
            return True
    return False


def flags(word: str) -> list[str]:
    """Names of the orthography rules this word breaks (lower-cased first, the Azerbaijani way)."""
    w = lower(word).replace("'", "").replace("-", "")
    out: list[str] = []
    if not w:
        return out
    if any(ch.isalpha() and ch not in AZ_LETTERS for ch in w):
        out.append("non_az_letter")
    if len(w) >= 2 and not any(ch in VOWELS for ch in w):
        out.append("no_vowel")  # lower-case words need a vowel; abbreviations are upper-case
    if w[0] == "ğ":
        out.append("initial_soft_g")
    if re.search(r"(.)\1\1", w):
        out.append("triple_letter")
    if suffix_harmony_broken(w):
        out.append("suffix_harmony")
    vowel_count = sum(ch in VOWELS for ch in w)
    if vowel_count >= 2 and _TURKISH_ENDINGS.search(w):
        out.append("turkish_ending")
    if vowel_count >= 2 and w.endswith("e") and w[-2] not in VOWELS:
        out.append("final_e")
    if "ə" in w and "e" in w[w.index("ə"):]:
        out.append("e_after_schwa")  # native words put e only in the first syllable
    return out
