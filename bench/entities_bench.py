"""Entity and date benchmark: ner-wikiaz valid F1, our news gold set, our date set, and speed.

    .venv/bin/python bench/entities_bench.py [--shared ../shared] [--skip-speed]

ner-wikiaz figures need a model trained on train.conll only (scripts/train_ner.py); the script trains
one into a temporary file when asked with --train, else uses the local model.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import gzip
import importlib.util
import json
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from train_ner import read_conll  # noqa: E402

from xeber.extract import entities as ent_mod  # noqa: E402
from xeber.extract import ner  # noqa: E402
from xeber.extract.entities import rule_tags  # noqa: E402
from xeber.extract.gazetteer import default, key  # noqa: E402
from xeber.text.dates import find_dates  # noqa: E402
from xeber.text.tokenize import tokenize  # noqa: E402

TYPES = ("PER", "LOC", "ORG", "DATE")
QUOTES = frozenset('"“”«»')


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(gold: list[set[tuple[int, int, str]]], pred: list[set[tuple[int, int, str]]], types: tuple[str, ...]) -> dict:
    out = {}
    tot = Counter()
    for t in types:
        c = Counter()
        for g, p in zip(gold, pred, strict=True):
            gt = {s for s in g if s[2] == t}
            pt = {s for s in p if s[2] == t}
            c["tp"] += len(gt & pt)
            c["fp"] += len(pt - gt)
            c["fn"] += len(gt - pt)
        out[t] = prf(c["tp"], c["fp"], c["fn"]) + (c["tp"] + c["fn"],)
        tot.update(c)
    out["micro"] = prf(tot["tp"], tot["fp"], tot["fn"]) + (tot["tp"] + tot["fn"],)
    return out


def wikiaz(shared: Path) -> dict[str, dict]:
    valid = read_conll(shared / "data" / "ner-wikiaz" / "valid.conll")
    gaz = default()
    tagger = ner.default_tagger()
    gold = [{s for s in ner.bio_spans(tags)} for _, tags in valid]
    results = {}
    if tagger is not None:
        label = "CRF alone" + (" (stacked on the rules' tags)" if tagger.stacked else "")
        results[label] = score(gold, [set(ner.bio_spans(tagger.tag(w, gaz, rule_tags(w)))) for w, _ in valid], TYPES)
    for label, use_model, redraw, join, split in (
            ("rules + CRF (find_entities)", True, frozenset(), detokenize, False),
            ("rules + CRF (find_entities), a date range scored as its two ends as the set writes it", True,
             frozenset(), detokenize, True),
            ("rules + CRF (find_entities), in the set's scheme: ranges as two dates, the places that open our "
             "event and facility names as places, a surname after a one-word title with it", True, frozenset(),
             detokenize, "scheme"),
            ("rules + CRF (find_entities), tokens joined by spaces as in earlier rounds", True, frozenset(),
             space_joined, False),
            ("rules + CRF re-drawing ORG/LOC/PER (not the default)", True, frozenset({"ORG", "LOC", "PER"}),
             detokenize, False),
            ("rules only", False, frozenset(), detokenize, False)):
        if use_model and tagger is None:
            continue
        preds = []
        for (words, _), gold_spans in zip(valid, gold, strict=True):
            text, starts, ends = join(words)
            found = ent_mod.find_entities(text, use_model=use_model, redraws=redraw)
            if split == "scheme":
                found = [part for e in found for part in scheme(e, text, gaz)]
            elif split:
                found = [part for e in found for part in range_ends(e, text)]
            preds.append(_token_spans(found, words, text, starts, ends, gold_spans))
        results[label] = score(gold, preds, TYPES)
    if tagger is not None:
        results["rules + CRF (find_entities), the sentences in order as one running text"] = score(
            gold, running_text(valid, gold), TYPES)
    return results


_RANGE_DASH = re.compile(r"\s*[-–—]\s*")


def range_ends(e, text: str) -> list:
    """A date range (`1926-1930-cu illərdə`, `XX-XXI əsrlər`) as the set annotates it, two dates (`1926`
    and `1930-cu illərdə`); every other entity as it is. Only the scoring changes: the entity we give
    users stays one range with `iso` and `iso_end`."""
    if e.type != "DATE" or not e.attrs.get("iso_end"):
        return [e]
    m = _RANGE_DASH.search(text, e.start, e.end)
    if m is None or m.start() == e.start or not text[m.start() - 1].isalnum() \
            or not (text[m.end()].isdigit() or text[m.end()] in "IVXL"):
        return [e]  # 14-cü əsrdə: a century's span, its dash an ending's
    return [dataclasses.replace(e, start=e.start, end=m.start()), dataclasses.replace(e, start=m.end(), end=e.end)]


_WORD_OR_HYPHEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?|-")


def places_opening(e, text: str, gaz) -> list:
    """An event or facility (types the set lacks) as the set annotates one: the listed places its name
    opens with (`Vyana konqresi`, `Fransa-Prussiya müharibəsi`, `Albaniya Super Liqası`: the set labels
    Vyana, Fransa and Prussiya, Albaniya as places); every other entity as it is. Only the scoring
    changes."""
    if e.type not in ("EVENT", "FAC"):
        return [e]
    out = []
    for m in _WORD_OR_HYPHEN.finditer(text, e.start, e.end):
        if m.group() == "-":
            continue
        if (key(m.group()),) not in gaz.places and (key(m.group()),) not in gaz.countries:
            break
        out.append(dataclasses.replace(e, start=m.start(), end=m.end(), type="LOC"))
    return out or [e]


def titled_surname(e, text: str) -> list:
    """A surname alone after a one-word title, as the set annotates it (`Prezident Əliyev` one person:
    23 of 23 in train.conll, while `Prezident İlham Əliyev` leaves the title out); we give users the
    name with the title as an attribute. Only the scoring changes."""
    title = e.attrs.get("title") if e.type == "PER" else None
    if not title or " " in title or " " in e.text.strip():
        return [e]
    before = text[: e.start].rstrip()
    if not before.endswith(title) or before[: len(before) - len(title)][-1:].isalnum():
        return [e]
    return [dataclasses.replace(e, start=len(before) - len(title))]


def scheme(e, text: str, gaz) -> list:
    """Our entity in the set's scheme: date ranges as two dates, places opening event and facility names,
    a titled surname with its title."""
    return [q for p in range_ends(e, text) for q in places_opening(p, text, gaz) for q in titled_surname(q, text)]


def rules_on(sentences: list[tuple[list[str], list[str]]]) -> dict:
    """The rules alone (no CRF) on a set's sentences as written: on train.conll, which the CRF learns
    from, this measures the rules on 1,200 sentences they were not written for."""
    gold = [set(ner.bio_spans(tags)) for _, tags in sentences]
    preds = []
    for (words, _), gold_spans in zip(sentences, gold, strict=True):
        text, starts, ends = detokenize(words)
        preds.append(_token_spans(ent_mod.find_entities(text, use_model=False), words, text, starts, ends,
                                  gold_spans))
    return score(gold, preds, TYPES)


def running_text(valid: list[tuple[list[str], list[str]]],
                 gold: list[set[tuple[int, int, str]]]) -> list[set[tuple[int, int, str]]]:
    """find_entities over the set's sentences written one after another, as the Wikipedia articles they
    come from run (neighbouring sentences share an article), so a name labelled once is known where it
    comes again; the spans are then scored sentence by sentence as above."""
    pieces = [detokenize(words) for words, _ in valid]
    text, offsets, pos = "", [], 0
    for sentence, _, _ in pieces:
        sep = "" if not text else " " if text[-1] in ".!?" else "\n\n"
        text += sep + sentence
        offsets.append(pos + len(sep))
        pos = len(text)
    found = ent_mod.find_entities(text)
    preds = []
    for (words, _), (sentence, starts, ends), at, gold_spans in zip(valid, pieces, offsets, gold, strict=True):
        mine = [ent for ent in found if at <= ent.start and ent.end <= at + len(sentence)]
        shifted = [dataclasses.replace(ent, start=ent.start - at, end=ent.end - at) for ent in mine]
        preds.append(_token_spans(shifted, words, sentence, starts, ends, gold_spans))
    return preds


def _token_spans(found: list, words: list[str], text: str, starts: dict[int, int], ends: dict[int, int],
                 gold_spans: set[tuple[int, int, str]]) -> set[tuple[int, int, str]]:
    """find_entities' entities as the set's token spans, where they start and end on token boundaries."""
    spans = set()
    for e in found:
        if e.type not in TYPES or e.attrs.get("nominal") or e.start not in starts:
            continue
        # the set leaves an ending after a hyphen out of a name (AXDG | - nin) but keeps it in a
        # date (2013 - cü ildə); we keep the inflected word whole: either reading may match
        hyphen = text.rfind("-", e.start, e.end)
        bare = (starts[e.start], ends[hyphen], e.type) if hyphen in ends else None
        if bare in gold_spans:
            spans.add(bare)
        elif e.end in ends:
            a, b = starts[e.start], ends[e.end]
            # the set puts a quoted name's quotes inside its span (" ADA " Universiteti), we leave them out
            quoted = [(a - 1, b2, e.type) for b2 in (b, b + 1) if a > 0 and words[a - 1] in QUOTES
                      and (b2 == b or (b < len(words) and words[b] in QUOTES))]
            spans.add(next((q for q in quoted if q in gold_spans), (a, b, e.type)))
    return spans


def space_joined(words: list[str]) -> tuple[str, dict[int, int], dict[int, int]]:
    """The tokens joined by single spaces, with token index by start and by end offset."""
    starts, ends, pos = {}, {}, 0
    for k, w in enumerate(words):
        starts[pos] = k
        ends[pos + len(w)] = k + 1
        pos += len(w) + 1
    return " ".join(words), starts, ends


_NO_SPACE_BEFORE = frozenset(",.:;)!?%»”")
_NO_SPACE_AFTER = frozenset("(«“")


def detokenize(words: list[str]) -> tuple[str, dict[int, int], dict[int, int]]:
    """The sentence as it was written before the set split off punctuation and endings (`2013 - cü` →
    `2013-cü`, `25 . 05 . 1948` → `25.05.1948`, `" ADA "` → `"ADA"`), with token index by offset, so
    our tokenizer sees natural text and the gold's token spans still map to character offsets."""
    parts: list[str] = []
    starts, ends, pos = {}, {}, 0
    quote_open = False
    for k, w in enumerate(words):
        prev = words[k - 1] if k else ""
        nxt = words[k + 1] if k + 1 < len(words) else ""
        glue = k == 0 or w in _NO_SPACE_BEFORE and not (w == "." and prev == "." ) \
            or prev in _NO_SPACE_AFTER or (prev == '"' and quote_open) \
            or (w == '"' and quote_open) \
            or (prev == "-" and k >= 2 and words[k - 2][-1:].isalnum() and w[:1].isalnum()) \
            or (w == "-" and prev[-1:].isalnum() and nxt[:1].isalnum()) \
            or (prev == "." and k >= 2 and words[k - 2].isdigit() and w.isdigit())
        if w == '"':
            quote_open = not quote_open
        if not glue:
            parts.append(" ")
            pos += 1
        starts[pos] = k
        parts.append(w)
        pos += len(w)
        ends[pos] = k + 1
    return "".join(parts), starts, ends


def date_set() -> tuple[int, int]:
    spec = importlib.util.spec_from_file_location("test_dates", ROOT / "tests" / "text" / "test_dates.py")
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    right = 0
    for sentence, ref, expected in mod.CASES:
        found = find_dates(sentence, dt.date.fromisoformat(ref))
        right += [(d.text, d.iso, d.iso_end, d.precision) for d in found] == [expected]
    return right, len(mod.CASES)


def news_articles(shared: Path) -> dict[str, dict]:
    out = {}
    with gzip.open(shared / "data" / "news-egov-az" / "dev.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            out[str(d["id"])] = d
    return out


def news_gold(shared: Path) -> dict | None:
    path = ROOT / "tests" / "extract" / "data" / "news_gold.jsonl"
    if not path.exists():
        return None
    arts = news_articles(shared)
    seed = (shared / "seed" / "000_4baf47b5144409af.txt").read_text(encoding="utf-8")
    gold, pred = [], []
    types = ("PER", "LOC", "ORG", "FAC", "EVENT", "DATE")
    titles_needed = titles_right = lemma_total = lemma_right = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["id"] == "seed":
            text, published = seed, rec.get("published")
        else:
            art = arts[rec["id"]]
            text, published = art["body"], art.get("date")
        ents = [e for e in ent_mod.find_entities(text, published) if not e.attrs.get("nominal")]
        by_span = {(e.start, e.end, e.type): e for e in ents}
        g = {(a["start"], a["end"], a["type"]) for a in rec["entities"]}
        gold.append(g)
        pred.append(set(by_span))
        for a in rec["entities"]:
            e = by_span.get((a["start"], a["end"], a["type"]))
            if a["type"] == "PER" and a.get("title"):
                titles_needed += 1
                titles_right += e is not None and e.attrs.get("title") == a["title"]
            if e is not None and a["type"] != "DATE":
                lemma_total += 1
                lemma_right += e.lemma == a["lemma"]
    return {"scores": score(gold, pred, types), "docs": len(gold),
            "titles": (titles_right, titles_needed), "lemmas": (lemma_right, lemma_total)}


def speed(shared: Path, n_docs: int = 200) -> dict[str, float]:
    """Tokens per second on dev articles 0..n, after a warm-up on the next n (word caches filled as in a
    long-running process; the measured articles are not among the warm-up ones)."""
    arts = [a["body"] for a in news_articles(shared).values()]
    texts, warm = arts[:n_docs], arts[n_docs : 2 * n_docs]
    for t in warm:
        ent_mod.find_entities(t, "2022-01-01")
    n_tokens = sum(len(tokenize(t)) for t in texts)
    t0 = time.perf_counter()
    for t in texts:
        tokenize(t)
    tok_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for t in texts:
        ent_mod.find_entities(t, "2022-01-01")
    ent_s = time.perf_counter() - t0
    return {"tokens": n_tokens, "tokenize_tok_per_s": n_tokens / tok_s, "entities_tok_per_s": n_tokens / ent_s}


def fmt(scores: dict) -> str:
    rows = ["| type | P | R | F1 | gold |", "|---|---|---|---|---|"]
    for t, (p, r, f, n) in scores.items():
        rows.append(f"| {t} | {p:.3f} | {r:.3f} | {f:.3f} | {n} |")
    return "\n".join(rows)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=Path(os.environ.get("XEBER_SHARED", ROOT / ".." / "shared")))
    ap.add_argument("--skip-speed", action="store_true")
    args = ap.parse_args()
    right, total = date_set()
    print(f"## Dates (our set)\n{right}/{total} = {right / total:.1%}\n")
    if not args.shared.exists():
        print("../shared not found: skipping the rest")
        return 0
    for label, scores in wikiaz(args.shared).items():
        print(f"## ner-wikiaz valid.conll, {label}\n{fmt(scores)}\n")
    print(f"## ner-wikiaz train.conll, rules only (the CRF learns from these sentences; the rules do not)\n"
          f"{fmt(rules_on(read_conll(args.shared / 'data' / 'ner-wikiaz' / 'train.conll')))}\n")
    gold = news_gold(args.shared)
    if gold:
        print(f"## News gold ({gold['docs']} documents)\n{fmt(gold['scores'])}\n")
        print(f"titles attached: {gold['titles'][0]}/{gold['titles'][1]}; "
              f"lemmas right: {gold['lemmas'][0]}/{gold['lemmas'][1]} = {gold['lemmas'][0] / max(1, gold['lemmas'][1]):.1%}\n")
    if not args.skip_speed:
        ent_mod.find_entities("warm up: Bakı")
        s = speed(args.shared)
        print(f"## Speed (one core, 200 dev articles, {s['tokens']} tokens)\n"
              f"tokenize alone: {s['tokenize_tok_per_s']:,.0f} tok/s; "
              f"find_entities (tokenize + dates + rules + CRF): {s['entities_tok_per_s']:,.0f} tok/s "
              f"(CRF model {'present' if ner.default_tagger() else 'absent'})\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
