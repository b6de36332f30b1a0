"""Snippets: the passage of a document that best shows why it matched, with the matched surface
forms wrapped in <mark>…</mark> (the rest HTML-escaped).

A word is marked when its folded form starts with a query word (`qazaxistan` marks
`Qazaxıstanın`) or its lemma is a query word's lemma (`səfərindən` marks `səfəri`), which is
how it was matched. The text is folded once and scanned with one regular expression, so a
snippet costs well under a millisecond for a news article."""

from __future__ import annotations

import html
import re
from collections.abc import Collection

from xeber.search.analyzer import Lemmatizer
from xeber.search.query import MIN_PREFIX_LENGTH
from xeber.text.casing import fold

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?…]\s+|\n\s*")  # a sentence or line ends
_HEADING = re.compile(r"^#{1,6}[ \t].*$", re.MULTILINE)  # a Markdown heading line (the title in a body)


def _folded_words(text: str) -> tuple[str, list[re.Match[str]]]:
    folded = fold(text)
    if len(folded) != len(text):  # a character whose folding changes length: fold word by word
        words = list(_WORD.finditer(text))
        return text, words
    return folded, list(_WORD.finditer(folded))


def match_spans(
    text: str, terms: list[str], lemmas: Collection[str] = (), lemmatizer: Lemmatizer | None = None
) -> list[tuple[int, int]]:
    """(start, end) of each word of `text` that a query term or lemma matches."""
    long_terms = tuple(t for t in terms if len(t) >= MIN_PREFIX_LENGTH)
    short_terms = {t for t in terms if 0 < len(t) < MIN_PREFIX_LENGTH}
    heads = tuple({lem[:3] for lem in lemmas})  # a lemma starts like its word forms: lemmatize only those
    folded, words = _folded_words(text)
    same = folded is not text
    spans = []
    for m in words:
        f = m.group() if same else fold(m.group())
        f = f.replace("'", "").replace("’", "")
        if f in short_terms or (long_terms and f.startswith(long_terms)):
            spans.append((m.start(), m.end()))
        elif (heads and lemmatizer is not None and f.startswith(heads) and not f[0].isdigit()
              and fold(lemmatizer(text[m.start():m.end()])) in lemmas):
            spans.append((m.start(), m.end()))
    return spans


def highlight(text: str, spans: list[tuple[int, int]], start: int = 0, end: int | None = None) -> str:
    """text[start:end] HTML-escaped with the spans inside it wrapped in <mark>."""
    end = len(text) if end is None else end
    out, last = [], start
    for a, b in spans:
        if a >= start and b <= end:
            out.append(html.escape(text[last:a]))
            out.append("<mark>" + html.escape(text[a:b]) + "</mark>")
            last = b
    out.append(html.escape(text[last:end]))
    return "".join(out)


def _window(text: str, spans: list[tuple[int, int]], width: int) -> tuple[int, int]:
    """The `width`-character passage with the most distinct matched words, starting at a sentence
    start when one is near."""
    best, best_score = (0, min(len(text), width)), -1
    for a, _ in spans:
        lo = max(0, a - width // 4)
        inside = {fold(text[s:e]) for s, e in spans if lo <= s and e <= lo + width}
        if len(inside) > best_score:
            best, best_score = (lo, min(len(text), lo + width)), len(inside)
    lo, hi = best
    first = next(a for a, _ in spans if a >= lo)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, max(0, first - width // 2), first + 1)]
    if ends:
        lo = ends[-1]
    elif first - lo > 0 and lo > 0:
        space = text.rfind(" ", lo, first)
        lo = space + 1 if space >= 0 else lo
    hi = min(len(text), lo + width)
    if hi < len(text):
        stop = _SENTENCE_END.search(text, max(lo, hi - width // 4), hi)
        hi = stop.start() + 1 if stop else (text.rfind(" ", lo, hi) if text.rfind(" ", lo, hi) > lo else hi)
    return lo, hi


def snippet(
    text: str, terms: list[str], lemmas: Collection[str] = (), lemmatizer: Lemmatizer | None = None,
    width: int = 220,
) -> str:
    spans = match_spans(text, terms, lemmas, lemmatizer)
    # The title is shown beside the snippet already: prefer a passage of the body proper.
    headings = [(m.start(), m.end()) for m in _HEADING.finditer(text)]
    body_spans = [sp for sp in spans if not any(a <= sp[0] < b for a, b in headings)] if headings else spans
    if not body_spans:  # nothing matched, or only the heading: the passage that opens the body
        rest = text[headings[0][1]:].strip() if headings and text[: headings[0][0]].strip() == "" else text.strip()
        return html.escape(rest[:width].strip()) + ("…" if len(rest) > width else "")
    s, e = _window(text, body_spans, width)
    return ("…" if s > 0 else "") + highlight(text, spans, s, e).strip() + ("…" if e < len(text) else "")
