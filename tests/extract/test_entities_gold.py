"""Our news gold set (offsets, types, lemmas, titles only; the texts stay in ../shared)."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from xeber.extract.entities import find_entities

GOLD = Path(__file__).parent / "data" / "news_gold.jsonl"
TYPES = {"PER", "ORG", "LOC", "FAC", "EVENT", "DATE"}


def _records() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]


def _shared() -> Path:
    return Path(os.environ.get("XEBER_SHARED", Path(__file__).resolve().parents[3] / "shared"))


def test_gold_is_well_formed() -> None:
    recs = _records()
    assert len(recs) >= 31 and recs[0]["id"] == "seed"
    for rec in recs:
        assert set(rec) == {"id", "published", "entities"}
        last_end = -1
        for a in rec["entities"]:
            assert a["type"] in TYPES and a["start"] < a["end"] and a["start"] >= last_end
            assert "text" not in a and "body" not in a  # never the article text
            last_end = a["end"]


def test_gold_f1_on_dev_news() -> None:
    shared = _shared()
    dev = shared / "data" / "news-egov-az" / "dev.jsonl.gz"
    if not dev.exists():
        pytest.skip("../shared is not here")
    with gzip.open(dev, "rt", encoding="utf-8") as f:
        arts = {str(d["id"]): d for d in map(json.loads, f)}
    seed = (shared / "seed" / "000_4baf47b5144409af.txt").read_text(encoding="utf-8")
    tp = fp = fn = 0
    for rec in _records():
        text = seed if rec["id"] == "seed" else arts[rec["id"]]["body"]
        # nominal mentions (`Senatın sədri` linked to a person) are not names: the gold has names only
        pred = {(e.start, e.end, e.type) for e in find_entities(text, rec["published"]) if not e.attrs.get("nominal")}
        gold = {(a["start"], a["end"], a["type"]) for a in rec["entities"]}
        tp, fp, fn = tp + len(pred & gold), fp + len(pred - gold), fn + len(gold - pred)
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= 0.90, f1
