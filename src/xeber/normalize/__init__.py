"""Repair OCR and typing errors. `normalize(text)` returns the repaired text and its edits."""

from __future__ import annotations

from dataclasses import dataclass, field

from xeber.settings import Settings
from xeber.text.edits import Edit, apply_edits


@dataclass(slots=True)
class Normalized:
    text: str
    edits: list[Edit] = field(default_factory=list)


def normalize(text: str, settings: Settings | None = None) -> Normalized:
    from xeber.normalize.layout import layout_edits

    edits = layout_edits(text)
    return Normalized(apply_edits(text, edits), edits)


__all__ = ["Normalized", "normalize"]
