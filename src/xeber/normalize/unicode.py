"""Character-level repairs: Cyrillic look-alikes, NBSP, ligatures, soft hyphens, zero-width marks."""

from __future__ import annotations

import re
import unicodedata

from xeber.text.edits import Edit

# Cyrillic schwa is never right in Latin Azerbaijani text: it is the most common mis-encoding of ə.
_SCHWA = {"\u04d9": "ə", "\u04d8": "Ə"}
# Cyrillic letters that look like Latin ones; replaced only inside words that also hold Latin letters.
_CYR_TO_LAT = {
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "у": "y", "к": "k", "м": "m", "т": "t",
    "і": "i", "ј": "j", "һ": "h", "ѕ": "s", "ԁ": "d", "ԛ": "q", "ѵ": "v",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T",
    "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Һ": "H", "Ѕ": "S",
}
_LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
# modifier-letter primes typed as quotes (ʺElektron hökumətʺ): letters to Unicode, so a tokenizer would
# glue them to the word they enclose
_QUOTES = {"\u02ba": '"', "\u02b9": "'"}
_SPACES = {"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u3000": " "}
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
# Bidirectional embedding and isolate controls: copy-paste debris inside Latin words (hökumə\u202dt);
# removed there only (between words they change no word), and kept in texts that hold right-to-left script, where they may mean something
_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_BIDI_RE = re.compile(f"(?<=[^\\W\\d_])[{_BIDI}]+(?=[^\\W\\d_])")  # only inside a word
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")

_LATIN = re.compile(r"[A-Za-zÇçƏəĞğİıÖöŞşÜü]")
_CYRILLIC_LOOKALIKE = "".join(_CYR_TO_LAT)
_WORD = re.compile(r"[^\W\d_]+")
_ANY_CYRILLIC = re.compile("[\u0400-\u04ff]")
_CHAR = re.compile(
    "[" + "".join(_SCHWA) + "".join(_LIGATURES) + "".join(_QUOTES) + "".join(_SPACES) + _INVISIBLE
    + "]|[iI]\u0307|İ\u0307"
)


def _char_edit(m: re.Match[str]) -> Edit | None:
    s = m.group()
    if s in _SCHWA:
        return Edit(m.start(), m.end(), s, _SCHWA[s], "homoglyph", 0.99)
    if s in _LIGATURES:
        return Edit(m.start(), m.end(), s, _LIGATURES[s], "unicode", 0.99)
    if s in _SPACES:
        return Edit(m.start(), m.end(), s, _SPACES[s], "unicode", 0.99)
    if s in _QUOTES:
        return Edit(m.start(), m.end(), s, _QUOTES[s], "unicode", 0.99)
    if s in _INVISIBLE:
        return Edit(m.start(), m.end(), s, "", "unicode", 0.99)
    # a dotted i with a stray combining dot above (Python's "İ".lower() leaves one)
    return Edit(m.start(), m.end(), s, s[0] if s[0] != "I" else "İ", "unicode", 0.99)


def unicode_edits(text: str) -> list[Edit]:
    """Edits for encoding faults. Cyrillic look-alikes are replaced only in mixed-script words, so
    Russian words stay Cyrillic."""
    edits = [e for m in _CHAR.finditer(text) if (e := _char_edit(m)) is not None]
    edits.extend(_composed(text, {e.start for e in edits}))
    if _BIDI_RE.search(text) and not _RTL.search(text):
        edits.extend(Edit(m.start(), m.end(), m.group(), "", "unicode", 0.99) for m in _BIDI_RE.finditer(text))
    if not _ANY_CYRILLIC.search(text):
        return sorted(edits, key=lambda e: e.start)
    taken = {e.start for e in edits}
    for m in _WORD.finditer(text):
        word = m.group()
        if not _LATIN.search(word) or not any(c in _CYR_TO_LAT for c in word):
            continue
        if not _mostly_latin(word):
            continue
        for i, c in enumerate(word):
            if c in _CYR_TO_LAT and m.start() + i not in taken:
                edits.append(Edit(m.start() + i, m.start() + i + 1, c, _CYR_TO_LAT[c], "homoglyph", 0.97))
    return sorted(edits, key=lambda e: e.start)


# A letter followed by combining marks (u + U+0308 for ü, g + U+0306 for ğ: text copied from PDFs and
# macOS) is composed into one letter, as NFC does, so that words are not cut at the mark
_DECOMPOSED = re.compile("[^\\W\\d_][\u0300-\u036f]+")


def _composed(text: str, taken: set[int]) -> list[Edit]:
    out = []
    for m in _DECOMPOSED.finditer(text):
        s = m.group()
        nfc = unicodedata.normalize("NFC", s)
        if nfc != s and len(nfc) < len(s) and not taken & set(range(m.start(), m.end())):
            out.append(Edit(m.start(), m.end(), s, nfc, "unicode", 0.99))
    return out


def _mostly_latin(word: str) -> bool:
    """A Latin word with Cyrillic intruders, or a word whose Cyrillic letters all have Latin twins."""
    latin = len(_LATIN.findall(word))
    cyr = sum(1 for c in word if "\u0400" <= c <= "\u04ff")
    return latin >= cyr or all(c in _CYR_TO_LAT or c in _SCHWA for c in word if "\u0400" <= c <= "\u04ff")
