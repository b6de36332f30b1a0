"""A realistic noise generator for Azerbaijani text: OCR confusions, typing and transliteration
confusions, line-end hyphenation, words split by a space or a hyphen, merged words, at controlled rates.

The confusion tables here are written by hand from what OCR output and typed news show; they are
independent of the costs xeber.normalize learns (Tesseract renders and word-list variants), so the
benchmark does not grade the model on its own training distribution.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from xeber.text.casing import lower

# right -> wrong alternatives, with relative weights
OCR_SUBS: dict[str, list[tuple[str, float]]] = {
    "ə": [("a", 5), ("e", 2), ("o", 0.5)], "ı": [("i", 3), ("l", 1), ("1", 0.3)], "i": [("ı", 1), ("l", 1.5), ("í", 0.3)],
    "l": [("t", 2), ("f", 1), ("i", 2), ("1", 0.5)], "ş": [("s", 3), ("ç", 0.5)], "ç": [("c", 2), ("ş", 0.5)],
    "ğ": [("g", 3), ("q", 0.5)], "ü": [("u", 3), ("ö", 0.5)], "ö": [("o", 3), ("ü", 0.5)],
    "m": [("rn", 2), ("n", 1)], "n": [("m", 0.5), ("u", 1)], "u": [("n", 1), ("ü", 1)], "e": [("c", 1), ("ə", 1)],
    "c": [("e", 1)], "h": [("b", 1), ("k", 0.5)], "r": [("t", 0.5)], "t": [("l", 1), ("f", 0.5)],
    "a": [("ə", 1), ("o", 0.5)], "y": [("v", 1)], "v": [("y", 1)], "q": [("g", 1)], "d": [("cl", 0.5)],
}
OCR_DROP = "irlıtə"  # letters OCR tends to drop
OCR_ADD = "ilr"  # letters OCR tends to add
TYPING_SUBS = {"ə": "e", "ı": "i", "ş": "s", "ğ": "g", "ç": "c", "ö": "o", "ü": "u"}
KEYBOARD = {  # neighbouring keys on the Azerbaijani keyboard
    "a": "sq", "s": "ad", "d": "sf", "f": "dg", "g": "fh", "h": "gj", "j": "hk", "k": "jl", "l": "k",
    "q": "wa", "e": "rw", "r": "et", "t": "ry", "y": "tu", "u": "yi", "i": "uo", "o": "ip", "p": "o",
    "z": "x", "x": "zc", "c": "xv", "v": "cb", "b": "vn", "n": "bm", "m": "n",
}
# Turkish spellings that creep into Azerbaijani typing
TURKISH = [(r"ə$", "e"), (r"ilə$", "iyle"), (r"ələ", "ele"), (r"əm", "em")]
WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True, slots=True)
class NoiseRates:
    ocr: float = 0.030
    typing: float = 0.025
    turkish: float = 0.003
    hyphenation: float = 0.008
    split: float = 0.007
    merge: float = 0.007
    garbled: float = 0.0  # (off in the main mix, so earlier figures stay comparable; a row of its own)

    @property
    def total(self) -> float:
        return self.ocr + self.typing + self.turkish + self.hyphenation + self.split + self.merge + self.garbled


def _ocr(word: str, rng: random.Random) -> str:
    for _ in range(10):
        i = rng.randrange(len(word))
        c = lower(word[i])
        r = rng.random()
        if r < 0.75 and c in OCR_SUBS:
            alts = OCR_SUBS[c]
            wrong = rng.choices([a for a, _ in alts], [w for _, w in alts])[0]
            if word[i].isupper():
                wrong = wrong.upper()
            return word[:i] + wrong + word[i + 1 :]
        if r < 0.9 and c in OCR_DROP and len(word) > 3:
            return word[:i] + word[i + 1 :]
        if r >= 0.9:
            return word[:i] + rng.choice(OCR_ADD) + word[i:]
    return word


def _typing(word: str, rng: random.Random) -> str:
    r = rng.random()
    special = [i for i, c in enumerate(word) if c in TYPING_SUBS]
    if r < 0.6 and special:
        # a typist without an Azerbaijani layout drops all diacritics, or some
        keep_some = rng.random() < 0.4
        return "".join(TYPING_SUBS[c] if c in TYPING_SUBS and not (keep_some and rng.random() < 0.5) else c for c in word)
    i = rng.randrange(len(word))
    c = word[i]
    if r < 0.75 and c in KEYBOARD:
        return word[:i] + rng.choice(KEYBOARD[c]) + word[i + 1 :]
    if r < 0.85 and len(word) > 3:
        return word[:i] + word[i + 1 :]
    if r < 0.93 and i + 1 < len(word):
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word[:i] + c + word[i:]


# Vowels a hurried typist or a worn scan swaps for one another (Qazaxıstanın typed Qazaxistənən)
GARBLE_VOWELS = {"a": "ə", "ə": "ae", "e": "ə", "ı": "i", "i": "ıə", "o": "ö", "ö": "o", "u": "ü", "ü": "u"}
GARBLED_MIN_LEN = 7


def _garbled(word: str, rng: random.Random) -> str:
    """A long word with two or three slips: vowels swapped, at most one letter dropped or doubled."""
    if len(word) < GARBLED_MIN_LEN:
        return word
    chars = list(word)
    vowels = [i for i, c in enumerate(chars) if c in GARBLE_VOWELS]
    n = rng.choice((2, 2, 3))
    for i in rng.sample(vowels, min(len(vowels), n - 1)):
        chars[i] = rng.choice(GARBLE_VOWELS[chars[i]])
    if rng.random() < 0.5:
        i = rng.randrange(1, len(chars))
        if rng.random() < 0.5:
            del chars[i]
        else:
            chars.insert(i, chars[i])
    elif vowels:
        i = rng.choice(vowels)
        chars[i] = rng.choice(GARBLE_VOWELS[word[i]])
    return "".join(chars)


def _turkish(word: str, rng: random.Random) -> str:
    for pat, rep in rng.sample(TURKISH, len(TURKISH)):
        new = re.sub(pat, rep, word, count=1)
        if new != word:
            return new
    return word


@dataclass(frozen=True, slots=True)
class Corrupted:
    text: str
    n_words: int
    n_corrupted: int  # words of the clean text changed
    # (clean start, clean end, noisy start, noisy end, noise kind) of each corrupted word, for analysis
    changes: list[tuple[int, int, int, int, str]] = field(default_factory=list)


def corrupt(text: str, rates: NoiseRates, rng: random.Random) -> Corrupted:
    """The text with noise applied word by word; punctuation, numbers and spacing otherwise kept."""
    out: list[str] = []
    changes: list[tuple[int, int, int, int, str]] = []
    pos = 0  # length of the noisy text written so far
    last = 0
    n_words = n_bad = 0
    matches = list(WORD.finditer(text))
    skip_next_space = False
    for k, m in enumerate(matches):
        word = m.group()
        gap = text[last : m.start()]
        if skip_next_space:
            gap = ""
            skip_next_space = False
        out.append(gap)
        pos += len(gap)
        last = m.end()
        n_words += 1
        r = rng.random()
        new = word
        edges = [rates.ocr, rates.typing, rates.turkish, rates.hyphenation, rates.split, rates.merge,
                 rates.garbled]
        acc = 0.0
        kind = None
        for name, rate in zip(("ocr", "typing", "turkish", "hyphenation", "split", "merge", "garbled"), edges,
                              strict=True):
            acc += rate
            if r < acc:
                kind = name
                break
        if kind == "ocr":
            new = _ocr(word, rng)
        elif kind == "typing":
            new = _typing(word, rng)
        elif kind == "turkish":
            new = _turkish(word, rng)
        elif kind == "garbled":
            new = _garbled(word, rng)
        elif kind == "hyphenation" and len(word) >= 6:
            i = rng.randrange(2, len(word) - 2)
            new = word[:i] + "-\n" + word[i:]
        elif kind == "split" and len(word) >= 6:
            i = rng.randrange(3, len(word) - 1)
            new = word[:i] + rng.choice([" ", " ", "-"]) + word[i:]
        elif (kind == "merge" and k + 1 < len(matches) and text[m.end() : matches[k + 1].start()] == " "):
            skip_next_space = True
            n_bad += 1  # the next word is corrupted too
            nxt = matches[k + 1]
            changes.append((m.start(), nxt.end(), pos, pos + len(word) + nxt.end() - nxt.start(), "merge"))
        if new != word:
            n_bad += 1
            changes.append((m.start(), m.end(), pos, pos + len(new), kind or ""))
        out.append(new)
        pos += len(new)
    out.append(text[last:])
    return Corrupted("".join(out), n_words, n_bad, changes)
