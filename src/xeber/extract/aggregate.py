"""Events across articles: one happening reported by several articles is one event with several
sources, and a person's or organisation's timeline is the dated list of events they took part in.

Pure functions over `(doc_id, Event)` pairs: the store and the CLI call them (`xeber events`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from xeber.document import Event
from xeber.text.casing import fold

# Roles that identify a happening; place, topic and the exact wording may differ between reports.
KEY_ROLES = ("agent", "partner", "recipient", "destination")
_SYMMETRIC = ("meeting", "agreement")  # X met Y is Y met X


def _norm(lemma: str) -> str:
    return " ".join(fold(lemma).split())


def event_key(event: Event) -> str:
    """type | participants | date: equal for two reports of one happening.

    Participants are the folded lemmas of the key roles, sorted; for meetings and agreements agent
    and partner are one set. Events without a date key on `?`.
    """
    parts = []
    if event.type in _SYMMETRIC:
        names = sorted({_norm(a.lemma) for a in event.arguments if a.role in ("agent", "partner")})
        parts.append("parties=" + ",".join(names))
        roles: tuple[str, ...] = ("recipient", "destination")
    else:
        roles = KEY_ROLES
    for role in roles:
        names = sorted({_norm(a.lemma) for a in event.arguments if a.role == role})
        if names:
            parts.append(f"{role}=" + ",".join(names))
    polarity = ("not " if event.negated else "") + ("planned " if event.planned else "")
    return f"{polarity}{event.type}|{';'.join(parts)}|{event.date or '?'}"


@dataclass(slots=True)
class AggregatedEvent:
    key: str
    type: str
    date: str | None
    place: str | None
    arguments: dict[str, list[str]]  # role -> lemmas
    sources: list[tuple[str, Event]] = field(default_factory=list)  # (doc_id, the reported mention)

    @property
    def doc_ids(self) -> list[str]:
        return sorted({d for d, _ in self.sources})

    @property
    def confidence(self) -> float:
        """1 - Π(1 - c): independent reports make a happening more certain."""
        p = 1.0
        for _, ev in self.sources:
            p *= 1.0 - ev.confidence
        return round(1.0 - p, 4)

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key, "type": self.type, "date": self.date, "place": self.place,
            "arguments": self.arguments, "confidence": self.confidence, "doc_ids": self.doc_ids,
            "mentions": [{"doc_id": d, "trigger": e.trigger, "start": e.start, "end": e.end,
                          "sentence": e.sentence} for d, e in self.sources],
        }


def aggregate_events(pairs: Iterable[tuple[str, Event]]) -> list[AggregatedEvent]:
    """Group event mentions by `event_key`; ordered by date (undated last), then key.

    Statements are per-utterance and rarely the same across articles; they group like any other
    type, by speaker and date.
    """
    groups: dict[str, AggregatedEvent] = {}
    for doc_id, ev in pairs:
        if not any(a.role in KEY_ROLES for a in ev.arguments):
            continue  # no participant: nothing to aggregate or to put on a timeline
        key = event_key(ev)
        agg = groups.get(key)
        if agg is None:
            agg = groups[key] = AggregatedEvent(key, ev.type, ev.date, ev.place, {}, [])
        agg.sources.append((doc_id, ev))
        if agg.place is None and ev.place:
            agg.place = ev.place
        for a in ev.arguments:
            names = agg.arguments.setdefault(a.role, [])
            if a.lemma not in names:
                names.append(a.lemma)
    return sorted(groups.values(), key=lambda g: (g.date is None, g.date or "", g.key))


def timeline(entity_lemma: str, events: Iterable[AggregatedEvent] | Iterable[tuple[str, Event]]) -> list[AggregatedEvent]:
    """The aggregated events `entity_lemma` took part in (any role, place included), by date.

    Accepts aggregated events or raw `(doc_id, Event)` pairs (aggregated first). Matching is on folded
    lemmas, so `Sahibe Qafarova` finds `Sahibə Qafarova`.
    """
    items = list(events)
    aggs: list[AggregatedEvent] = (
        [x for x in items if isinstance(x, AggregatedEvent)]
        if items and isinstance(items[0], AggregatedEvent)
        else aggregate_events(x for x in items if isinstance(x, tuple))
    )
    want = _norm(entity_lemma)
    out = [
        g for g in aggs
        if any(_norm(n) == want for names in g.arguments.values() for n in names)
        or (g.place is not None and _norm(g.place) == want)
    ]
    return sorted(out, key=lambda g: (g.date is None, g.date or "", g.key))
