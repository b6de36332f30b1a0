"""Endings written after a number (`2021-ci`, `29-da`, `10-un`, `3-cü`): an ending misread or mistyped
(`2021-rci`, `2021-cl`, `140-dann`) is put back when an ending the number takes is one edit away, a space
lost after the ending comes back (`2021-ciilin`), and in text typed without Azerbaijani letters the
ending takes them back (`2016-ci` → `2016-cı`). Which endings a number takes follows the vowel harmony of
the last word of the number read aloud (2021 is `iki min iyirmi bir`, so `-ci`, `-də`, `-in`; 1990 ends
in `doxsan`, so `-cı`, `-da`, `-ın`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from xeber.morph.grammar import harmony_key, high_vowel
from xeber.normalize.morphcands import one_edit
from xeber.text.casing import fold, lower

_ONES = ("sıfır", "bir", "iki", "üç", "dörd", "beş", "altı", "yeddi", "səkkiz", "doqquz")
_TENS = ("", "on", "iyirmi", "otuz", "qırx", "əlli", "altmış", "yetmiş", "səksən", "doxsan")
# an integer, a hyphen or apostrophe, and a lower-case ending: 2021-ci, 29'da (not 5,5-dən or 10:00-da)
NUMBER_WITH_ENDING = re.compile(r"(\d{1,12})([-'’])([a-zçəğıöşü]{1,8})")
# endings after a number, in the order preferred when two are one edit away; A is a/ə, I is ı/i/u/ü, K is
# q/k, and an ending given as (after a consonant, after a vowel) depends on how the spoken number ends
_ENDINGS: tuple[str | tuple[str, str], ...] = (
    "cI", "dA", "dAn", ("In", "nIn"), ("A", "yA"), ("I", "nI"), ("I", "sI"), "dək", ("Adək", "yAdək"), "dAkI",
    "lAr", "lArI", "lArIn", "lArA", "lArdA", "lArdAn", "lArlA", ("lA", "ylA"), "lIK", "lIKdA", ("IncI", "ncI"),
    "cIsI", "dIr", ("InA", "sInA"), ("IndA", "sIndA"), ("IndAn", "sIndAn"), ("InIn", "sInIn"), ("InI", "sInI"),
    # a day of the month after a genitive, its possessive vowel left unwritten (iyunun 1-nə, 20-ndək)
    "nA", "ndA", "ndAn", "nAdək", "ndək",
)
CONFIDENCE = 0.9  # one ending one edit away
AMBIGUOUS_CONFIDENCE = 0.75  # several: the most usual one


def spoken_last_word(digits: str) -> str:
    """The last word of the number read aloud, whose vowels the endings follow (`000` is the last group
    of a number written with spaces: 5 000-dən)."""
    n = int(digits)
    if n == 0:
        return "min" if len(digits) == 3 else "sıfır"
    if n % 10:
        return _ONES[n % 10]
    if n % 100:
        return _TENS[n // 10 % 10]
    if n % 1000:
        return "yüz"
    if n % 1_000_000:
        return "min"
    return "milyon" if n % 1_000_000_000 else "milyard"


@lru_cache(maxsize=64)
def endings_after(word: str) -> tuple[str, ...]:
    """The endings a number whose spoken form ends in `word` takes, most usual first."""
    out: list[str] = []
    for ending in _ENDINGS:
        template = ending if isinstance(ending, str) else ending[harmony_key(word)[1]]
        form, last = "", word
        for ch in template:
            vowel = harmony_key(last)[0]
            back = vowel is not None and vowel in "aıou"
            letter = ("a" if back else "ə") if ch == "A" else high_vowel(vowel) if ch == "I" \
                else ("q" if back else "k") if ch == "K" else ch
            form += letter
            last += letter
        if form not in out:
            out.append(form)
    return tuple(out)


# how each letter is named when an acronym is read letter by letter (BMT: bə-em-tə, so BMT-nin)
LETTER_NAMES = {"a": "a", "b": "bə", "c": "cə", "ç": "çə", "d": "də", "e": "e", "ə": "ə", "f": "fə", "g": "gə",
                "ğ": "ğə", "h": "hə", "x": "xə", "ı": "ı", "i": "i", "j": "jə", "k": "ka", "q": "qə", "l": "el",
                "m": "em", "n": "en", "o": "o", "ö": "ö", "p": "pə", "r": "er", "s": "es", "ş": "şə", "t": "tə",
                "u": "u", "ü": "ü", "v": "və", "y": "yə", "z": "zə"}


def repair_acronym_ending(acronym: str, ending: str, attested: Callable[[str], int]) -> tuple[str, float] | None:
    """(the ending put right, confidence) after `acronym` (`RYTN-ib` → `in`, `EHM-lerin` → `lərin`): an
    ending no word takes is put back to an ending one edit away that the acronym takes, read letter by
    letter (RYTN: ...en) or as a word (ASAN), those the corpus has seen after it (`attested(ending)`, a
    count) first. An ending in any harmony stays (the reading is the writer's: AŞPA-nın, BMT-nin)."""
    low = lower(acronym)
    if ending in any_harmony_ending() or not low.isalpha() or low[-1] not in LETTER_NAMES:
        return None
    readings = [low[:-1] + LETTER_NAMES[low[-1]]]
    if harmony_key(low)[0] is not None:
        readings.append(low)
    takes = list(dict.fromkeys(e for reading in readings for e in endings_after(reading)))  # most usual first
    near = sorted((e for e in takes if one_edit(ending, e)), key=lambda e: -attested(e))  # (a stable sort)
    if not near:
        return None
    return near[0], CONFIDENCE if len(near) == 1 or attested(near[0]) > attested(near[1]) else AMBIGUOUS_CONFIDENCE


@lru_cache(maxsize=1)
def any_harmony_ending() -> frozenset[str]:
    """The endings after a word ending in any vowel, or in a consonant after any vowel."""
    return frozenset(e for v in "aəıioöuü" for word in (v, v + "b") for e in endings_after(word))


@lru_cache(maxsize=1)
def _any_number_ending() -> frozenset[str]:
    last_words = {*_ONES, *_TENS[1:], "yüz", "min", "milyon", "milyard"}
    return frozenset(e for word in last_words for e in endings_after(word))


def _number_and_ending(token: str) -> tuple[int, str, tuple[str, ...]] | None:
    """(where the ending starts in the token, the ending, the endings this number takes) of `2021-ci`,
    None for a token that is no integer with an ending."""
    m = NUMBER_WITH_ENDING.fullmatch(token)
    if m is None:
        return None
    digits, _, ending = m.groups()
    return m.start(3), ending, endings_after(spoken_last_word(digits))


# postpositions that govern the case of the word before them: 20-nə qədər, 2021-ci ildən sonra
DATIVE_POSTPOSITIONS = frozenset("qədər dək görə doğru dair aid qarşı tərəf".split())
ABLATIVE_POSTPOSITIONS = frozenset("sonra əvvəl başqa etibarən bəri artıq yuxarı aşağı savayı ötrü".split())


def _governed(form: str, next_word: str | None) -> bool:
    """The ending `form` is the case the postposition `next_word` asks for."""
    if next_word in DATIVE_POSTPOSITIONS:
        return form[-1:] in ("a", "ə") and form[-2:] not in ("da", "də")
    if next_word in ABLATIVE_POSTPOSITIONS:
        return form.endswith(("dan", "dən"))
    return False


def repair_ending(token: str, next_word: str | None = None,
                  cost: Callable[[str, str], float] | None = None) -> tuple[int, str, float] | None:
    """(where the ending starts in the token, the ending put right, confidence): (5, "ci", 0.9) for
    `2021-rci`; None when the ending is one some number takes (the harmony of a written number is often
    the writer's own: 2017-cı stays) or none of this number's endings is one edit away. Of several, the
    one the postposition `next_word` governs (20-mə qədər is 20-nə, not 20-də; the cheapest slip by
    `cost(right, written)` of several such), else the most usual."""
    parsed = _number_and_ending(token)
    if parsed is None or parsed[1] in _any_number_ending():
        return None
    at, ending, valid = parsed
    if "cl" in ending and ending.replace("cl", "d") in valid:
        return at, ending.replace("cl", "d"), CONFIDENCE  # OCR's cl for d (1200-clən)
    near = [v for v in valid if one_edit(ending, v)]
    if not near:
        return None
    if len(near) > 1:
        governed = [v for v in near if _governed(v, next_word)]
        if len(governed) > 1 and cost is not None:
            governed.sort(key=lambda v: cost(v, ending))  # (stable: the most usual of equal costs)
            if cost(governed[0], ending) < cost(governed[1], ending):
                governed = governed[:1]
        if len(governed) == 1:
            return at, governed[0], CONFIDENCE
    return at, near[0], CONFIDENCE if len(near) == 1 else AMBIGUOUS_CONFIDENCE


def split_ending(token: str, known: Callable[[str], bool]) -> int | None:
    """Where a space was lost in `2021-ciilin` (after the number's ending, before a known word of two
    or more letters): the offset in the token, or None."""
    parsed = _number_and_ending(token)
    if parsed is None or parsed[1] in _any_number_ending():
        return None
    at, ending, valid = parsed
    for head in sorted(valid, key=len, reverse=True):
        rest = ending[len(head):]
        if ending.startswith(head) and len(rest) >= 2 and known(rest):
            return at + len(head)
    return None


def restore_ending(token: str) -> tuple[int, str] | None:
    """In a text typed without Azerbaijani letters: (where the ending starts, the ending in the number's
    harmony) for `2016-ci` (altı: `-cı`), when the letters typed are that ending's without its own."""
    parsed = _number_and_ending(token)
    if parsed is None or parsed[1] in parsed[2]:
        return None
    at, ending, valid = parsed
    same = [v for v in valid if fold(v) == fold(ending)]
    return (at, same[0]) if same else None
