"""Events: who met, visited, said, signed what. Baseline: none yet."""

from __future__ import annotations

from xeber.document import Entity, Event


def find_events(text: str, entities: list[Entity], published: str | None = None) -> list[Event]:
    return []
