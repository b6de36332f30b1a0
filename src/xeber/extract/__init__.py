"""Entities, dates and events over normalized text."""

from __future__ import annotations

from xeber.document import Entity, Event
from xeber.extract.entities import find_entities
from xeber.extract.events import find_events


def extract(text: str, published: str | None = None) -> tuple[list[Entity], list[Event]]:
    entities = find_entities(text, published)
    events = find_events(text, entities, published)
    return entities, events


__all__ = ["extract", "find_entities", "find_events"]
