"""Entities for event tests, built from (surface, type, lemma) lists the way a recogniser would emit
them, so event extraction is tested independently of the entity recogniser."""

from __future__ import annotations

import re

from xeber.document import Entity
from xeber.text.casing import fold


def entities_for(text: str, spec: list[tuple[str, str, str]]) -> list[Entity]:
    """Every whole-word occurrence of each surface form (matched folded, so OCR-level letter
    differences such as Qazaxistana/Qazaxıstana do not matter); longer spans win overlaps."""
    folded = fold(text)
    assert len(folded) == len(text)
    found = []
    for surface, type_, lemma in spec:
        for m in re.finditer(r"(?<!\w)" + re.escape(fold(surface)) + r"(?!\w)", folded):
            found.append(Entity(m.start(), m.end(), text[m.start():m.end()], type_, lemma))
    found.sort(key=lambda e: (-(e.end - e.start), e.start))
    kept: list[Entity] = []
    for e in found:
        if all(e.end <= k.start or e.start >= k.end for k in kept):
            kept.append(e)
    return sorted(kept, key=lambda e: e.start)
