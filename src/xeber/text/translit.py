"""Cyrillic-script Azerbaijani (1939–1991 press) to the Latin alphabet.

The table follows the 1958 Cyrillic orthography: ҹ→c, ч→ç, ҝ→g, г→q, ғ→ğ, һ→h, х→x, ы→ı, и→i,
ј→y, ә→ə, ө→ö, ү→ü. Russian letters that occur in loanwords map to digraphs: я→ya, ю→yu, ё→yo,
ц→ts, щ→şç; the soft and hard signs are dropped.
"""

from __future__ import annotations

import re

_LOWER: dict[str, str] = {
    "а": "a", "б": "b", "ҹ": "c", "ч": "ç", "д": "d", "е": "e", "ә": "ə", "ф": "f", "ҝ": "g",
    "ғ": "ğ", "һ": "h", "х": "x", "ы": "ı", "и": "i", "ж": "j", "к": "k", "г": "q", "л": "l",
    "м": "m", "н": "n", "о": "o", "ө": "ö", "п": "p", "р": "r", "с": "s", "ш": "ş", "т": "t",
    "у": "u", "ү": "ü", "в": "v", "ј": "y", "з": "z",
    # Russian letters in loanwords and names.
    "я": "ya", "ю": "yu", "ё": "yo", "ц": "ts", "щ": "şç", "э": "e", "й": "y", "ь": "", "ъ": "",
    # Look-alikes that typesetters and OCR put in place of the Azerbaijani letters.
    "ӛ": "ə", "ҙ": "z", "ҕ": "ğ", "ӯ": "ü", "ї": "i", "і": "i", "ӧ": "ö", "ӱ": "ü",
}
# Upper case: İ (dotted) for И, I (dotless) for Ы, as the Latin alphabet has them.
_UPPER: dict[str, str] = {
    "А": "A", "Б": "B", "Ҹ": "C", "Ч": "Ç", "Д": "D", "Е": "E", "Ә": "Ə", "Ф": "F", "Ҝ": "G",
    "Ғ": "Ğ", "Һ": "H", "Х": "X", "Ы": "I", "И": "İ", "Ж": "J", "К": "K", "Г": "Q", "Л": "L",
    "М": "M", "Н": "N", "О": "O", "Ө": "Ö", "П": "P", "Р": "R", "С": "S", "Ш": "Ş", "Т": "T",
    "У": "U", "Ү": "Ü", "В": "V", "Ј": "Y", "З": "Z",
    "Я": "Ya", "Ю": "Yu", "Ё": "Yo", "Ц": "Ts", "Щ": "Şç", "Э": "E", "Й": "Y", "Ь": "", "Ъ": "",
    "Ӛ": "Ə", "Ҙ": "Z", "Ҕ": "Ğ", "Ӯ": "Ü", "Ї": "İ", "І": "İ", "Ӧ": "Ö", "Ӱ": "Ü",
}
TABLE: dict[str, str] = {**_LOWER, **_UPPER}

# Letters of the Azerbaijani Cyrillic alphabet that Russian lacks.
AZ_CYRILLIC_ONLY = frozenset("әӘҹҸҝҜғҒһҺөӨүҮјЈ")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-zÀ-ɏ]")


def cyrillic_share(text: str) -> float:
    """The share of letters in `text` that are Cyrillic (0 when it has no letters)."""
    cyr = len(_CYRILLIC.findall(text))
    lat = len(_LATIN.findall(text))
    return cyr / (cyr + lat) if cyr + lat else 0.0


def is_cyrillic_azerbaijani(text: str) -> bool:
    """Text mostly in Cyrillic letters, with letters that only Azerbaijani Cyrillic has.

    A stray Cyrillic `ә` inside Latin text (a common encoding fault) does not count: Cyrillic must
    be the majority script. Russian text has none of the Azerbaijani-only letters.
    """
    sample = text[:20000]
    if cyrillic_share(sample) < 0.5:
        return False
    cyr = len(_CYRILLIC.findall(sample))
    own = sum(1 for ch in sample if ch in AZ_CYRILLIC_ONLY)
    # Azerbaijani prose has ə, h, g, ü, y, c... in nearly every sentence: ~8% of letters.
    return own >= 1 and own * 100 >= cyr


def cyrillic_to_latin(text: str) -> str:
    """Transliterate Cyrillic Azerbaijani letters; other characters pass through unchanged.

    An upper-case digraph letter (Я, Ю, Ё, Ц, Щ) is written all-caps (YA) inside an all-caps word.
    """
    out: list[str] = []
    n = len(text)
    for i, ch in enumerate(text):
        lat = TABLE.get(ch)
        if lat is None:
            out.append(ch)
            continue
        if len(lat) > 1 and ch.isupper():
            nxt = text[i + 1] if i + 1 < n else ""
            prev = text[i - 1] if i > 0 else ""
            if nxt.isupper() or (not nxt.isalpha() and prev.isupper()):
                lat = lat.upper()
        out.append(lat)
    return "".join(out)
