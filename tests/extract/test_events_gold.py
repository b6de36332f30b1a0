"""The event gold set: well-formed offsets, and the extractor's F1 on it (needs ../shared)."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

GOLD = Path(__file__).resolve().parent / "data" / "events_gold.jsonl"
TYPES = {"meeting", "visit", "hosting", "statement", "agreement", "decree", "congratulation", "condolence",
         "appointment", "award", "accusation", "condemnation", "attack", "aid", "protest", "participation"}
ROLES = {"agent", "partner", "recipient", "destination", "topic", "place"}


def _gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_gold_is_offsets_types_and_roles_only() -> None:
    gold = _gold()
    assert len(gold) >= 40
    for rec in gold:
        assert set(rec) == {"id", "events"}
        for ev in rec["events"]:
            assert ev["type"] in TYPES
            assert set(ev) == {"type", "trigger", "negated", "planned", "arguments"}
            s, e = ev["trigger"]
            assert 0 <= s < e
            for a in ev["arguments"]:
                assert a["role"] in ROLES and a["span"][0] < a["span"][1]


def test_gold_offsets_fit_the_articles(shared_dir: Path) -> None:
    with gzip.open(shared_dir / "data" / "news-egov-az" / "dev.jsonl.gz", "rt", encoding="utf-8") as f:
        bodies = {a["id"]: a["body"] for a in map(json.loads, f)}
    for rec in _gold():
        body = bodies[rec["id"]]
        for ev in rec["events"]:
            trigger = body[ev["trigger"][0]:ev["trigger"][1]]
            assert trigger.strip() == trigger and trigger, (rec["id"], trigger)


def test_extractor_meets_the_targets(shared_dir: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from events_bench import _prf, score  # noqa: PLC0415

    from xeber.extract.entities import find_entities
    from xeber.extract.events import find_events

    with gzip.open(shared_dir / "data" / "news-egov-az" / "dev.jsonl.gz", "rt", encoding="utf-8") as f:
        arts = {a["id"]: a for a in map(json.loads, f)}
    total = None
    for rec in _gold():
        a = arts[rec["id"]]
        c = score(rec["events"], find_events(a["body"], find_entities(a["body"], a["date"]), a["date"]))
        total = c if total is None else total + c
    assert total is not None
    assert _prf(total["tp_ev"], total["pred_ev"], total["gold_ev"])[2] >= 0.80
    assert _prf(total["tp_arg"], total["pred_arg"], total["gold_arg"])[2] >= 0.70
