"""Edits against an original text, and the offset map between original and edited text.

Every change xeber makes is an Edit whose start/end index the original text, so any output can be
traced back and undone. Edits never overlap; applying them in order gives the edited text.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Edit:
    start: int  # offset into the original text
    end: int
    original: str  # == original_text[start:end]
    replacement: str
    kind: str  # hyphenation, split, merge, homoglyph, unicode, spelling, real-word, diacritics, ...
    confidence: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Edit:
        return cls(
            int(d["start"]), int(d["end"]), d["original"], d["replacement"], d["kind"],
            float(d.get("confidence", 1.0)),
        )


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """The text with every edit applied. Edits must not overlap."""
    parts: list[str] = []
    last = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if e.start < last:
            raise ValueError(f"overlapping edits at {e.start}")
        if text[e.start : e.end] != e.original:
            raise ValueError(f"edit at {e.start} does not match the text: {e.original!r}")
        parts.append(text[last : e.start])
        parts.append(e.replacement)
        last = e.end
    parts.append(text[last:])
    return "".join(parts)


def compose(first: list[Edit], second: list[Edit], original: str) -> list[Edit]:
    """Edits on `original` equal to applying `first`, then `second` (whose offsets index the
    result of `first`). An edit of `second` that touches a `first` edit is merged with it."""
    if not first:
        return sorted(second, key=lambda e: e.start)
    if not second:
        return sorted(first, key=lambda e: e.start)
    mid_map = OffsetMap(original, first)
    mid = apply_edits(original, first)
    out: list[Edit] = []
    pending = sorted(first, key=lambda e: e.start)
    for e2 in sorted(second, key=lambda e: e.start):
        o_start = mid_map.to_original_start(e2.start)
        o_end = mid_map.to_original_end(e2.end)
        # absorb edits of `first` that overlap the span in original coordinates
        absorbed = [e for e in pending if e.start < o_end and e.end > o_start or (e.start == e.end == o_start)]
        for e in absorbed:
            o_start = min(o_start, e.start)
            o_end = max(o_end, e.end)
        pending = [e for e in pending if e not in absorbed]
        # rebuild the replacement: text of `mid` for the whole span, with e2 applied
        m_start = mid_map.to_edited(o_start)
        m_end = mid_map.to_edited_end(o_end)
        replacement = mid[m_start : e2.start] + e2.replacement + mid[e2.end : m_end]
        kind = e2.kind
        conf = min([e2.confidence] + [e.confidence for e in absorbed])
        out.append(Edit(o_start, o_end, original[o_start:o_end], replacement, kind, conf))
    out.extend(pending)
    return sorted(out, key=lambda e: (e.start, e.end))


class OffsetMap:
    """Maps offsets between an original text and the text after applying `edits`."""

    def __init__(self, original: str, edits: Iterable[Edit]):
        self._edits = sorted(edits, key=lambda e: (e.start, e.end))
        # (original_start, edited_start, original_len, edited_len) per edit
        self._orig_starts: list[int] = []
        self._edit_starts: list[int] = []
        self._rows: list[tuple[int, int, int, int]] = []
        delta = 0
        for e in self._edits:
            row = (e.start, e.start + delta, e.end - e.start, len(e.replacement))
            self._rows.append(row)
            self._orig_starts.append(row[0])
            self._edit_starts.append(row[1])
            delta += len(e.replacement) - (e.end - e.start)
        self._length = len(original)

    def to_original_start(self, pos: int) -> int:
        """Original offset of edited offset `pos`, as the start of a span."""
        i = bisect.bisect_right(self._edit_starts, pos) - 1
        if i < 0:
            return pos
        o, m, olen, mlen = self._rows[i]
        if pos < m + mlen:  # inside a replacement: the span starts where the edit does
            return o
        return o + olen + (pos - m - mlen)

    def to_original_end(self, pos: int) -> int:
        """Original offset of edited offset `pos`, as the end of a span."""
        i = bisect.bisect_left(self._edit_starts, pos) - 1
        if i < 0:
            return pos
        o, m, olen, mlen = self._rows[i]
        if pos <= m + mlen:
            return o + olen if pos > m else o
        return o + olen + (pos - m - mlen)

    def to_edited(self, pos: int) -> int:
        """Edited offset of original offset `pos` (start of a span)."""
        i = bisect.bisect_right(self._orig_starts, pos) - 1
        if i < 0:
            return pos
        o, m, olen, mlen = self._rows[i]
        if pos < o + olen:
            return m
        return m + mlen + (pos - o - olen)

    def to_edited_end(self, pos: int) -> int:
        i = bisect.bisect_left(self._orig_starts, pos) - 1
        if i < 0:
            return pos
        o, m, olen, mlen = self._rows[i]
        if pos <= o + olen:
            return m + mlen if pos > o else m
        return m + mlen + (pos - o - olen)
