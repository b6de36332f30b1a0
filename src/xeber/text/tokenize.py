"""Word and sentence tokenization that keeps character offsets into the original text.

Tokens never copy or alter text: `text[token.start:token.end] == token.text` always holds.
Suffixed numbers (`29-da`, `10-cu`), hyphenated names (`Nur-Sultan`, `TÜRKPA-nın`), decimals
(`5,7`), dates (`05.03.2026`), initials and abbreviations (`N.`, `və s.`) stay single tokens.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from xeber.text.casing import lower

_APOS = "'’ʼ`"
_WORD = r"[^\W\d_](?:[^\W_]|[" + _APOS + r"](?=[^\W\d_]))*"
_URL = r"(?P<url>(?:https?://|www\.)[^\s<>\"“”«»]+[^\s<>\"“”«».,;:!?)\]])"
_EMAIL = r"(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
# web and mail addresses as the tokenizer finds them (a token of kind url or email)
ADDRESS = re.compile(_URL + "|" + _EMAIL)
_PATTERN = re.compile(
    _URL + "|" + _EMAIL +
    # numbers: 2023, 5,7, 05.03.2026, 1.000.000, with an optional suffix: 29-da, 10-cu, 2023-cü
    r"|(?P<number>\d+(?:[.,:/]\d+)*(?:[-" + _APOS + r"][^\W\d_]+)?)"
    # words, joined across internal hyphens: Nur-Sultan, TÜRKPA-nın, COVID-19
    r"|(?P<word>" + _WORD + r"(?:-(?:" + _WORD + r"|\d+))*)"
    r"|(?P<punct>\.\.\.|…|[^\w\s])",
)


class Token(NamedTuple):
    start: int
    end: int
    text: str
    kind: str  # word, number, punct, url, email, abbrev

    @property
    def is_word(self) -> bool:
        return self.kind in ("word", "abbrev")


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """Lower-case abbreviations (without their final period) that a period does not end."""
    data = resources.files("xeber.data").joinpath("abbreviations.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip().rstrip(".") for line in data.splitlines() if line.strip() and not line.startswith("#")
    )


def _is_abbreviation(word: str) -> bool:
    if len(word) == 1 and word.isalpha():
        return True  # an initial: N. Məmmədov, or a list letter
    return lower(word) in abbreviations()


def tokenize(text: str) -> list[Token]:
    """All non-space tokens of `text` with offsets into it."""
    tokens: list[Token] = []
    for m in _PATTERN.finditer(text):
        kind = m.lastgroup or "punct"
        start, end = m.start(), m.end()
        if kind == "word" and end < len(text) and text[end] == "." and _is_abbreviation(m.group()):
            # e.g. "b.e.", "e.ə.": join dotted multi-letter abbreviations into one token
            tokens.append(Token(start, end + 1, text[start : end + 1], "abbrev"))
            continue
        if tokens and start < tokens[-1].end:
            continue  # the period was already taken by the abbreviation
        tokens.append(Token(start, end, m.group(), kind))
    return _merge_dotted_abbreviations(text, tokens)


def _merge_dotted_abbreviations(text: str, tokens: list[Token]) -> list[Token]:
    """`e.ə.` arrives as two abbrev tokens `e.` and `ə.` with nothing between: make one token."""
    out: list[Token] = []
    for tok in tokens:
        if (
            out
            and tok.kind == "abbrev"
            and out[-1].kind == "abbrev"
            and out[-1].end == tok.start
            and len(tok.text) == 2
            and len(out[-1].text.replace(".", "")) <= 3
        ):
            prev = out.pop()
            out.append(Token(prev.start, tok.end, text[prev.start : tok.end], "abbrev"))
        else:
            out.append(tok)
    return out


def words(text: str) -> list[Token]:
    """Only the word tokens (words and abbreviations)."""
    return [t for t in tokenize(text) if t.is_word]


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) into `text`.

    A sentence ends at . ! ? … followed by space and a capital, digit or opening quote (closing
    quotes right after the mark stay with the sentence), and at every blank line. The period of
    an abbreviation or an initial is part of its token, so it never ends a sentence.
    """
    tokens = tokenize(text)
    spans: list[tuple[int, int]] = []
    start: int | None = None
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if start is None:
            start = tok.start
        last = i  # index of the last token of the sentence if it ends here
        ends = i + 1 == len(tokens)
        if not ends and _BLANK_LINE.search(text, tok.end, tokens[i + 1].start):
            ends = True
        elif not ends and (tok.kind == "punct" and tok.text in _ENDERS or _is_list_end(tokens, i)):
            while last + 1 < len(tokens) and tokens[last + 1].text in _CLOSERS and tokens[last + 1].start == tokens[last].end:
                last += 1
            if last + 1 < len(tokens):
                follower = tokens[last + 1]
                gap = text[tokens[last].end : follower.start]
                first = follower.text[0]
                ends = bool(gap) and gap.isspace() and (first.isupper() or first.isdigit() or first in _OPENERS)
            else:
                ends = True
        if ends:
            spans.append((start, tokens[last].end))
            start = None
            i = last + 1
        else:
            i += 1
    return spans


def _is_list_end(tokens: list[Token], i: int) -> bool:
    """`və s.` / `və b.` (and so on) often close a sentence, unlike other abbreviations."""
    return tokens[i].kind == "abbrev" and lower(tokens[i].text) in ("s.", "b.") and i > 0 and lower(tokens[i - 1].text) == "və"


_ENDERS = (".", "!", "?", "...", "…")
_CLOSERS = ("\"", "'", "”", "’", "»", ")", "]")
_OPENERS = "\"“«„("
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
