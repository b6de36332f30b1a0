"""Search benchmarks (issue 8). Run from the project root:

    .venv/bin/python bench/search_bench.py mirage   # retrieval: xeber vs plain FTS5 on AZ-MIRAGE dev
    .venv/bin/python bench/search_bench.py news     # every dev article found by its title's lemmas
    .venv/bin/python bench/search_bench.py scale [--docs 200000]  # indexing and query speed vs Tantivy

Data come from ../shared (evaluation only; nothing is written into the repository but figures).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from xeber.document import Document
from xeber.search import search
from xeber.search.analyzer import default_lemmatizer, index_fields, surface_terms
from xeber.search.stopwords import is_stop_word
from xeber.store.sqlite import SQLiteStore
from xeber.text.casing import fold
from xeber.text.tokenize import tokenize

SHARED = Path(os.environ.get("XEBER_SHARED") or Path(__file__).resolve().parents[1] / ".." / "shared")


def _fts_quote(t: str) -> str:
    return '"' + t.replace('"', '""') + '"'


# -- retrieval on AZ-MIRAGE --------------------------------------------------------------------------
def mirage(limit: int | None = None) -> dict[str, dict[str, float]]:
    rows = json.load(gzip.open(SHARED / "data" / "az-mirage" / "dev.json.gz"))[:limit]
    sentences: dict[str, str] = {}  # sentence -> doc id (identical answers are one item)
    for r in rows:
        for a in r["answer"]:
            sentences.setdefault(a.strip(), Document(text=a.strip()).id)
    queries = [(r["query"], {sentences[a.strip()] for a in r["answer"]}) for r in rows]
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "m.db")
        t0 = time.perf_counter()
        for text, doc_id in sentences.items():
            store.put(Document(text=text, id=doc_id), index_fields(None, text))
        index_s = time.perf_counter() - t0
        plain = sqlite3.connect(":memory:")
        plain.execute("CREATE VIRTUAL TABLE p USING fts5(doc_id UNINDEXED, body, tokenize='unicode61 remove_diacritics 2')")
        plain.executemany("INSERT INTO p VALUES (?, ?)", [(i, t) for t, i in sentences.items()])

        def run_xeber(q: str) -> list[str]:
            return [h.id for h in search(store, q, limit=10, mode="any", syntax=False).hits]

        def run_plain(q: str, op: str) -> list[str]:
            words = [t.text for t in tokenize(q) if t.kind in ("word", "number")]
            if not words:
                return []
            expr = f" {op} ".join(_fts_quote(w) for w in words)
            return [r[0] for r in plain.execute("SELECT doc_id FROM p WHERE p MATCH ? ORDER BY bm25(p) LIMIT 10", (expr,))]

        systems = {
            "xeber (any-word BM25, lemmas + surfaces)": lambda q: run_xeber(q),
            "xeber, questions folded (no Azerbaijani letters)": lambda q: run_xeber(fold(q)),
            "plain FTS5 unicode61 remove_diacritics 2, OR of words": lambda q: run_plain(q, "OR"),
            "plain FTS5, OR of words, questions folded": lambda q: run_plain(fold(q), "OR"),
            "plain FTS5, AND of words": lambda q: run_plain(q, "AND"),
        }
        out: dict[str, dict[str, float]] = {}
        for name, fn in systems.items():
            recall = rr = 0.0
            t0 = time.perf_counter()
            for q, relevant in queries:
                ranked = fn(q)
                ranks = [i for i, d in enumerate(ranked) if d in relevant]
                if ranks:
                    recall += 1
                    rr += 1 / (ranks[0] + 1)
            secs = time.perf_counter() - t0
            out[name] = {"recall@10": 100 * recall / len(queries), "MRR@10": rr / len(queries),
                         "ms/query": 1000 * secs / len(queries)}
        store.close()
    print(f"AZ-MIRAGE dev: {len(queries)} questions, {len(sentences)} answer sentences indexed "
          f"(xeber indexing incl. analysis {index_s:.1f} s)")
    print("| system | recall@10 | MRR@10 | ms/query |\n|---|---|---|---|")
    for name, m in out.items():
        print(f"| {name} | {m['recall@10']:.1f} | {m['MRR@10']:.3f} | {m['ms/query']:.1f} |")
    return out


def news() -> None: ...


def scale(n: int) -> None: ...


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=["mirage", "news", "scale"])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--docs", type=int, default=200_000)
    args = ap.parse_args()
    if args.what == "mirage":
        mirage(args.limit)
    elif args.what == "news":
        news()
    else:
        scale(args.docs)


if __name__ == "__main__":
    sys.exit(main())
