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
from xeber.store.base import MATCH_LIMIT
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
    # tuning half: odd query ids; held-out half: even ones
    odd = [int(str(r["query_id"]).rsplit("_", 1)[-1]) % 2 == 1 for r in rows]
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
            found: list[float] = []
            rr: list[float] = []
            t0 = time.perf_counter()
            for q, relevant in queries:
                ranked = fn(q)
                ranks = [i for i, d in enumerate(ranked) if d in relevant]
                found.append(1.0 if ranks else 0.0)
                rr.append(1 / (ranks[0] + 1) if ranks else 0.0)
            secs = time.perf_counter() - t0
            held = [k for k in range(len(queries)) if not odd[k]]
            tune = [k for k in range(len(queries)) if odd[k]]
            out[name] = {"recall@10": 100 * sum(found) / len(queries), "MRR@10": sum(rr) / len(queries),
                         "recall@10 odd (tuning)": 100 * sum(found[k] for k in tune) / max(1, len(tune)),
                         "recall@10 even (held out)": 100 * sum(found[k] for k in held) / max(1, len(held)),
                         "ms/query": 1000 * secs / len(queries)}
        store.close()
    print(f"AZ-MIRAGE dev: {len(queries)} questions, {len(sentences)} answer sentences indexed "
          f"(xeber indexing incl. analysis {index_s:.1f} s)")
    print(f"load average {os.getloadavg()}")
    print("| system | recall@10 all | odd ids (tuning) | even ids (held out) | MRR@10 | ms/query |")
    print("|---|---|---|---|---|---|")
    for name, m in out.items():
        print(f"| {name} | {m['recall@10']:.1f} | {m['recall@10 odd (tuning)']:.1f} "
              f"| {m['recall@10 even (held out)']:.1f} | {m['MRR@10']:.3f} | {m['ms/query']:.1f} |")
    return out


# -- every dev article found by the lemma of each content word of its title -------------------------
def news() -> None:
    rows = [json.loads(line) for line in gzip.open(SHARED / "data" / "news-egov-az" / "dev.jsonl.gz", "rt")]
    lem = default_lemmatizer()
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "n.db")
        ids = {}
        for r in rows:
            doc = Document(text=r["body"], title=r["title"], published=r["date"], url=r["url"], source=r["url"])
            store.put(doc, index_fields(doc.title, doc.body))
            ids[r["id"]] = doc.id
        checks = {"lemma": [0, 0], "lemma, folded": [0, 0]}
        misses: list[str] = []
        t0 = time.perf_counter()
        for r in rows:
            for t in tokenize(r["title"]):
                if t.kind != "word" or len(t.text) < 3 or is_stop_word(fold(t.text)):
                    continue
                lemma = lem(t.text)
                for name, q in (("lemma", lemma), ("lemma, folded", fold(lemma))):
                    res = search(store, f'"{q}"' if " " in q else q, limit=len(rows), fuzzy=False, snippets=False)
                    ok = ids[r["id"]] in {h.id for h in res.hits}
                    checks[name][0] += ok
                    checks[name][1] += 1
                    if not ok and len(misses) < 15:
                        misses.append(f"{r['id']}: {t.text} -> {q}")
        secs = time.perf_counter() - t0
        store.close()
    print(f"news-egov-az dev: {len(rows)} articles; query = the lemma of each title content word ({secs:.0f} s)")
    print("| query form | articles found by their own title's lemma | queries |\n|---|---|---|")
    for name, (ok, n) in checks.items():
        print(f"| {name} | {100 * ok / n:.2f}% | {n} |")
    if misses:
        print("misses:", "; ".join(misses))


# -- scale: 200k documents, indexing and query latency, next to Tantivy ------------------------------
def _sentence_pool(rows: list[dict]) -> list[list[tuple[str, str, str]]]:
    """For each dev article, (sentence, folded surfaces, folded lemmas) of its sentences, analyzed once."""
    from xeber.search.analyzer import lemma_terms
    from xeber.text.tokenize import sentences

    lem = default_lemmatizer()
    pool = []
    for r in rows:
        body = r["body"]
        article = []
        for s, e in sentences(body):
            sent = body[s:e].strip()
            if len(sent) > 20:
                article.append((sent, " ".join(surface_terms(sent)), " ".join(lemma_terms(sent, lem))))
        pool.append(article)
    return pool


def generate(rows: list[dict], n: int, seed: int = 8, corpus: str = "topical"):
    """n synthetic articles: a dev title with a serial number, 6-14 dev sentences, a random date.
    corpus "topical": the sentences come from the title's own article (shuffled, some left out) and
    1-2 from other articles, so a word is in about as many generated documents as its share of real
    articles says; "dense": all sentences drawn from the whole corpus at random, which puts most
    content words in over half of the documents (a worst case for ranking).
    Yields (Document, IndexFields) with the analysis composed from the pre-analyzed sentences."""
    from xeber.store.base import IndexFields

    rnd = random.Random(seed)
    pool = _sentence_pool(rows)
    every = [s for article in pool for s in article]
    titles = [(r["title"], " ".join(surface_terms(r["title"])), " ".join(lemma_terms_cached(r["title"]))) for r in rows]
    for i in range(n):
        a = rnd.randrange(len(titles))
        title, t_surf, t_lem = titles[a]
        k = rnd.randint(6, 14)
        if corpus == "dense":
            picked = [every[rnd.randrange(len(every))] for _ in range(k)]
        else:
            own = pool[a][:]
            rnd.shuffle(own)
            picked = own[: k - 2] + [every[rnd.randrange(len(every))] for _ in range(rnd.randint(1, 2))]
        text = " ".join(p[0] for p in picked)
        date = f"{rnd.randint(2013, 2023)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        doc = Document(text=text, id=f"g{i:07d}", title=f"{title} ({i})", published=date, url=f"https://example.az/{i}",
                       source=f"https://example.az/{i}", language="az")
        yield doc, IndexFields(t_surf + f" {i}", " ".join(p[1] for p in picked),
                               " ".join([t_lem, str(i)] + [p[2] for p in picked]))


def lemma_terms_cached(text: str) -> list[str]:
    from xeber.search.analyzer import lemma_terms

    return lemma_terms(text, default_lemmatizer())


def _queries(rows: list[dict], k: int = 300, seed: int = 9) -> list[str]:
    rnd = random.Random(seed)
    words = sorted({t.text for r in rows for t in tokenize(r["title"])
                    if t.kind == "word" and len(t.text) >= 4 and not is_stop_word(fold(t.text))})
    out = []
    for i in range(k):
        q = " ".join(rnd.sample(words, 1 + i % 3))
        out.append(fold(q) if i % 4 == 3 else q)  # every fourth query without Azerbaijani letters
    return out


def _pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def scale(n: int, corpus: str = "topical") -> None:
    import tantivy

    from xeber.search.query import parse_query

    rows = [json.loads(line) for line in gzip.open(SHARED / "data" / "news-egov-az" / "dev.jsonl.gz", "rt")]
    t0 = time.perf_counter()
    docs = list(generate(rows, n, corpus=corpus))
    gen_s = time.perf_counter() - t0
    queries = _queries(rows)
    with tempfile.TemporaryDirectory(dir=os.environ.get("XEBER_BENCH_TMP")) as tmp:
        # xeber: SQLiteStore.put_many (documents row + FTS5 row, one transaction per 1,000 documents)
        store = SQLiteStore(Path(tmp) / "scale.db")
        load_before = os.getloadavg()
        t0 = time.perf_counter()
        for i in range(0, len(docs), 1000):
            store.put_many(docs[i : i + 1000])
        x_index_s = time.perf_counter() - t0
        # Tantivy: the same pre-analyzed tokens, whitespace-tokenized, one writer thread, one commit
        ws = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build()
        sb = tantivy.SchemaBuilder()
        sb.add_text_field("id", stored=True, tokenizer_name="raw")
        for f in ("title", "body", "lemmas"):
            sb.add_text_field(f, tokenizer_name="ws")
        sb.add_text_field("text", stored=True, tokenizer_name="raw", index_option="basic")
        schema = sb.build()
        tdir = Path(tmp) / "tantivy"
        tdir.mkdir()
        index = tantivy.Index(schema, path=str(tdir))
        index.register_tokenizer("ws", ws)
        t0 = time.perf_counter()
        writer = index.writer(heap_size=256_000_000, num_threads=1)
        for doc, fields in docs:
            writer.add_document(tantivy.Document(id=doc.id, title=fields.title, body=fields.body, lemmas=fields.lemmas,
                                                 text=doc.text))
        writer.commit()
        writer.wait_merging_threads()
        t_index_s = time.perf_counter() - t0
        index.reload()
        searcher = index.searcher()
        del docs

        x_full, x_store, t_times, totals, broad = [], [], [], [], []
        lem = default_lemmatizer()
        for q in queries * 2:  # the first pass warms caches; the second is measured
            t0 = time.perf_counter()
            res = search(store, q, limit=10)
            x_full.append(time.perf_counter() - t0)
            parsed = parse_query(q, lem)
            t0 = time.perf_counter()
            store.search(parsed.match("all"), limit=10)
            x_store.append(time.perf_counter() - t0)
            must = []
            for c in parsed.clauses:
                should = [(tantivy.Occur.Should, tantivy.Query.boost_query(
                    tantivy.Query.term_query(schema, "title", c.words[0]), 3.0)),
                    (tantivy.Occur.Should, tantivy.Query.term_query(schema, "body", c.words[0])),
                    (tantivy.Occur.Should, tantivy.Query.term_query(schema, "lemmas", c.lemma or c.words[0]))]
                must.append((tantivy.Occur.Must, tantivy.Query.boolean_query(should)))
            tq = tantivy.Query.boolean_query(must)
            t0 = time.perf_counter()
            searcher.search(tq, 10)
            t_times.append(time.perf_counter() - t0)
            totals.append(res.total)
            broad.append(not res.total_exact)
        half = len(queries)
        x_full, x_store, t_times, totals, broad = (x_full[half:], x_store[half:], t_times[half:], totals[half:],
                                                   broad[half:])
        db_mb = sum(f.stat().st_size for f in Path(tmp).glob("scale.db*")) / 1e6
        t_mb = sum(f.stat().st_size for f in tdir.rglob("*") if f.is_file()) / 1e6
        store.close()
    ms = lambda v: 1000 * v  # noqa: E731
    print(f"load average (1, 5, 15 min) before indexing {load_before}, after the queries {os.getloadavg()}")
    print(f"scale: {n} generated documents, corpus {corpus!r} (dev news sentences recombined; analysis composed "
          f"from pre-analyzed sentences in {gen_s:.0f} s, not counted); {len(queries)} queries of 1-3 title words "
          f"(a quarter folded), median hits {statistics.median(totals):.0f} (counted up to {MATCH_LIMIT:,}); "
          f"{sum(broad)} queries matched more than {MATCH_LIMIT:,} documents and were ranked among the newest "
          f"{MATCH_LIMIT:,} matches")
    print("| system | indexing docs/s (store + index write, 1 core) | size MB | query p50 ms | query p95 ms |")
    print("|---|---|---|---|---|")
    print(f"| xeber search() (parse, vocabulary, FTS5 BM25 + count, snippets) | {n / x_index_s:,.0f} | {db_mb:,.0f} "
          f"| {ms(_pct(x_full, 50)):.1f} | {ms(_pct(x_full, 95)):.1f} |")
    print(f"| xeber store.search() only (FTS5 prefix + lemma match, BM25, count) | same | same "
          f"| {ms(_pct(x_store, 50)):.1f} | {ms(_pct(x_store, 95)):.1f} |")
    print(f"| Tantivy {getattr(tantivy, '__version__', '')} (same tokens, exact terms, top 10, no count) "
          f"| {n / t_index_s:,.0f} | {t_mb:,.0f} | {ms(_pct(t_times, 50)):.2f} | {ms(_pct(t_times, 95)):.2f} |")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=["mirage", "news", "scale"])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--docs", type=int, default=200_000)
    ap.add_argument("--corpus", choices=["topical", "dense"], default="topical",
                    help="how generated documents draw sentences (see generate)")
    args = ap.parse_args()
    if args.what == "mirage":
        mirage(args.limit)
    elif args.what == "news":
        news()
    else:
        scale(args.docs, args.corpus)


if __name__ == "__main__":
    sys.exit(main())
