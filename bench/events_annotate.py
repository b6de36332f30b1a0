"""Annotation helper for the event gold set (tests/extract/data/events_gold.jsonl).

    python bench/events_annotate.py prelabel 481 765 ... > /tmp/events_scratch.txt   # review by hand
    python bench/events_annotate.py compile /tmp/events_scratch.txt tests/extract/data/events_gold.jsonl

The scratch file quotes article text, so it stays outside the repository; only the compiled offsets,
types and roles are committed. Scratch format, per article:

    ## <id>
    # s3 <sentence text>                         (for reading; ignored by compile)
    E s3 <type> | <trigger text>[@n] | role=<text>; role=<text> | neg plan

Trigger and argument texts are located inside sentence s3 (the n-th occurrence with @n); an argument
is taken at the occurrence nearest the trigger.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import dev_news  # noqa: E402

from xeber.extract.entities import find_entities  # noqa: E402
from xeber.extract.events import find_events  # noqa: E402
from xeber.text.tokenize import sentences  # noqa: E402


def prelabel(ids: list[str]) -> None:
    arts = {a["id"]: a for a in dev_news()}
    for id_ in ids:
        a = arts[id_]
        body = a["body"]
        events = find_events(body, find_entities(body, a["date"]), a["date"])
        print(f"## {id_}")
        for k, (s, e) in enumerate(sentences(body)):
            print(f"# s{k} {body[s:e]}")
            for ev in events:
                if s <= ev.start < e:
                    args = "; ".join(f"{x.role}={x.text}" for x in ev.arguments if x.start >= 0)
                    flags = " ".join(f for f, on in (("neg", ev.negated), ("plan", ev.planned)) if on)
                    print(f"E s{k} {ev.type} | {ev.trigger} | {args} | {flags}")
        print()


def _find(body: str, lo: int, hi: int, needle: str, nth: int = 1, near: int | None = None) -> tuple[int, int]:
    pattern = re.compile(r"\s+".join(re.escape(w) for w in needle.split()))  # NBSP and double spaces
    found = [(m.start(), m.end()) for m in pattern.finditer(body, lo, hi)]
    hits = [h for h, _ in found]
    if not hits:
        raise ValueError(f"not found in sentence: {needle!r}: {body[lo:hi]!r}")
    if near is not None:
        return min(found, key=lambda h: abs(h[0] - near))
    return found[nth - 1]


def compile_scratch(scratch: Path, out: Path) -> None:
    arts = {a["id"]: a for a in dev_news()}
    records = []
    cur: dict | None = None
    spans: list[tuple[int, int]] = []
    body = ""
    for line in scratch.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            id_ = line[3:].strip()
            body = arts[id_]["body"]
            spans = sentences(body)
            cur = {"id": id_, "events": []}
            records.append(cur)
        elif line.startswith("E ") and cur is not None:
            head, trig, args, flags = (p.strip() for p in (line[2:].split("|") + ["", ""])[:4])
            sent, type_ = head.split()
            lo, hi = spans[int(sent[1:])]
            nth = 1
            if "@" in trig:
                trig, n = trig.rsplit("@", 1)
                nth = int(n)
            ts, te = _find(body, lo, hi, trig, nth)
            arguments = []
            for part in filter(None, (p.strip() for p in args.split(";"))):
                role, text = part.split("=", 1)
                s, e = _find(body, lo, hi, text.strip(), near=ts)
                arguments.append({"role": role.strip(), "span": [s, e]})
            cur["events"].append({
                "type": type_, "trigger": [ts, te], "negated": "neg" in flags.split(),
                "planned": "plan" in flags.split(), "arguments": arguments,
            })
    with out.open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(records)} articles, {sum(len(r['events']) for r in records)} events -> {out}")


if __name__ == "__main__":
    if sys.argv[1] == "prelabel":
        prelabel(sys.argv[2:])
    else:
        compile_scratch(Path(sys.argv[2]), Path(sys.argv[3]))
