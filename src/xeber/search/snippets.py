"""Snippets: the passage of a document that best shows why it matched, with the matched surface
forms wrapped in <mark>…</mark> (the rest HTML-escaped).

A word is marked when its folded form starts with a query word (`qazaxistan` marks
`Qazaxıstanın`) or its lemma is a query word's lemma (`səfərindən` marks `səfəri`), which is
how it was matched."""

from __future__ import annotations

import html
from collections.abc import Collection

from xeber.search.analyzer import Lemmatizer
from xeber.search.query import MIN_PREFIX_LENGTH
from xeber.text.casing import fold
from xeber.text.tokenize import sentences, tokenize


def match_spans(
    text: str, terms: list[str], lemmas: Collection[str] = (), lemmatizer: Lemmatizer | None = None
) -> list[tuple[int, int]]:
    """(start, end) of each word of `text` that a query term or lemma matches."""
    long_terms = tuple(t for t in terms if len(t) >= MIN_PREFIX_LENGTH)
    short_terms = {t for t in terms if 0 < len(t) < MIN_PREFIX_LENGTH}
    spans = []
    for t in tokenize(text):
        if t.kind not in ("word", "abbrev", "number"):
            continue
        f = fold(t.text).replace("'", "").replace("’", "")
        if f in short_terms or (long_terms and f.startswith(long_terms)):
            spans.append((t.start, t.end))
        elif lemmas and lemmatizer is not None and t.kind != "number" and fold(lemmatizer(t.text)) in lemmas:
            spans.append((t.start, t.end))
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


def snippet(
    text: str, terms: list[str], lemmas: Collection[str] = (), lemmatizer: Lemmatizer | None = None,
    width: int = 220,
) -> str:
    spans = match_spans(text, terms, lemmas, lemmatizer)
    if not spans:
        return html.escape(text[:width].strip()) + ("…" if len(text) > width else "")
    # the sentence with the most distinct matched words
    best, best_score = (0, min(len(text), width)), -1
    for s, e in sentences(text):
        inside = {fold(text[a:b]) for a, b in spans if s <= a < e}
        if len(inside) > best_score:
            best, best_score = (s, e), len(inside)
    s, e = best
    if e - s > width:
        first = next(a for a, b in spans if s <= a < e)
        s = max(s, first - width // 3)
        e = min(e, s + width)
    return ("…" if s > 0 else "") + highlight(text, spans, s, e).strip() + ("…" if e < len(text) else "")
