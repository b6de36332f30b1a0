"""Snippets: the passage of a document that best shows why it matched, with the matched surface
forms wrapped in <mark>…</mark> (the rest HTML-escaped)."""

from __future__ import annotations

import html

from xeber.text.casing import fold
from xeber.text.tokenize import sentences, tokenize


def _matches(text: str, terms: list[str]) -> list[tuple[int, int]]:
    spans = []
    for t in tokenize(text):
        f = fold(t.text)
        if any(f.startswith(term) for term in terms if term):
            spans.append((t.start, t.end))
    return spans


def snippet(text: str, terms: list[str], width: int = 220) -> str:
    spans = _matches(text, terms)
    if not spans:
        return html.escape(text[:width].strip()) + ("…" if len(text) > width else "")
    # the sentence with the most distinct matched terms
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
    out, last = [], s
    for a, b in spans:
        if a >= s and b <= e:
            out.append(html.escape(text[last:a]))
            out.append("<mark>" + html.escape(text[a:b]) + "</mark>")
            last = b
    out.append(html.escape(text[last:e]))
    return ("…" if s > 0 else "") + "".join(out).strip() + ("…" if e < len(text) else "")
