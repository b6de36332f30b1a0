"""Named entities. Baseline: capitalized word spans not at a sentence start."""

from __future__ import annotations

import re

from xeber.document import Entity

_CAP_SPAN = re.compile(r"(?<![\w.!?]\s)(?<!^)\b[A-ZÇƏĞİÖŞÜ][\w'-]+(?:\s+[A-ZÇƏĞİÖŞÜ][\w'-]+)*")


def find_entities(text: str, published: str | None = None) -> list[Entity]:
    out = []
    for m in re.finditer(r"\b[A-ZÇƏĞİÖŞÜ][\w-]+(?:\s+[A-ZÇƏĞİÖŞÜ][\w-]+)*", text):
        out.append(Entity(m.start(), m.end(), m.group(), "ORG" if m.group().isupper() else "PER", m.group()))
    return out
