"""The Document that every stage annotates, and the spans it carries.

`text` is the original and is never changed. `normalized` is the repaired text; `edits` map it back
to the original. Entity and event offsets index `normalized`.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

from xeber.text.edits import Edit, OffsetMap, apply_edits


def content_id(text: str) -> str:
    """A stable id from the content: the same article always gets the same id."""
    return hashlib.sha1(text.strip().encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class Entity:
    start: int  # offsets into the normalized text
    end: int
    text: str
    type: str  # PER, ORG, LOC, FAC, EVENT, DATE
    lemma: str  # canonical form without case/possessive endings
    confidence: float = 1.0
    attrs: dict[str, Any] = field(default_factory=dict)  # e.g. title, iso date, linked canonical

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Entity:
        return cls(
            int(d["start"]), int(d["end"]), d["text"], d["type"], d.get("lemma") or d["text"],
            float(d.get("confidence", 1.0)), dict(d.get("attrs") or {}),
        )


@dataclass(slots=True)
class Argument:
    role: str  # agent, partner, recipient, destination, topic, ...
    text: str
    lemma: str
    start: int = -1
    end: int = -1

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Event:
    type: str  # meeting, visit, statement, ...
    trigger: str
    start: int  # offsets of the trigger in the normalized text
    end: int
    arguments: list[Argument] = field(default_factory=list)
    date: str | None = None  # ISO date
    place: str | None = None
    sentence: str = ""
    confidence: float = 1.0
    negated: bool = False
    planned: bool = False
    attrs: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        args = [Argument(**a) for a in d.get("arguments", [])]
        return cls(
            d["type"], d["trigger"], int(d["start"]), int(d["end"]), args, d.get("date"),
            d.get("place"), d.get("sentence", ""), float(d.get("confidence", 1.0)),
            bool(d.get("negated", False)), bool(d.get("planned", False)), dict(d.get("attrs") or {}),
        )


@dataclass(slots=True)
class Document:
    text: str  # the original, never modified
    id: str = ""
    source: str | None = None  # file path, URL or feed the document came from
    url: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date
    language: str | None = None
    normalized: str | None = None
    edits: list[Edit] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_id(self.text)

    @property
    def body(self) -> str:
        """The best text available: normalized when the pipeline has run, else the original."""
        return self.normalized if self.normalized is not None else self.text

    def set_edits(self, edits: list[Edit]) -> None:
        self.edits = sorted(edits, key=lambda e: (e.start, e.end))
        self.normalized = apply_edits(self.text, self.edits)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that normalized[start:end] came from."""
        m = OffsetMap(self.text, self.edits)
        return m.to_original_start(start), m.to_original_end(end)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "source": self.source, "url": self.url, "title": self.title,
            "published": self.published, "language": self.language, "text": self.text,
            "normalized": self.normalized, "edits": [e.to_dict() for e in self.edits],
            "entities": [e.to_dict() for e in self.entities],
            "events": [e.to_dict() for e in self.events], "meta": self.meta,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        return cls(
            text=d["text"], id=d.get("id", ""), source=d.get("source"), url=d.get("url"),
            title=d.get("title"), published=d.get("published"), language=d.get("language"),
            normalized=d.get("normalized"), edits=[Edit.from_dict(e) for e in d.get("edits", [])],
            entities=[Entity.from_dict(e) for e in d.get("entities", [])],
            events=[Event.from_dict(e) for e in d.get("events", [])], meta=dict(d.get("meta") or {}),
        )
