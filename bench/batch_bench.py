"""Throughput of normalize+extract on the dev news: one process vs a local Dask cluster of 2
workers, and the per-document costs of indexing and writing (SQLite, PostgreSQL) for docs/scaling.md.

    .venv/bin/python bench/batch_bench.py [--shared ../shared] [--workers 2] [--out bench/results/batch.md]

PostgreSQL figures need XEBER_TEST_PG (scripts/pg-test-server start); they are skipped without it.
Needs ../shared (the dev corpus is evaluation data, never bundled).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import statistics
import tempfile
import time
from pathlib import Path

from xeber import api
from xeber.document import Document
from xeber.search import index_fields, parse_query
from xeber.settings import Settings
from xeber.store import open_store

ROOT = Path(__file__).resolve().parents[1]


def load(shared: Path) -> list[dict[str, str]]:
    with gzip.open(shared / "data/news-egov-az/dev.jsonl.gz", "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def make_doc(r: dict[str, str]) -> Document:
    return Document(text=r["body"], title=r["title"], url=r["url"], published=r["date"])


def process_only(rows: list[dict[str, str]]) -> int:
    """A Dask task: normalize and extract a batch (no store), as xeber.batch does on workers."""
    for r in rows:
        api.process(make_doc(r), Settings())
    return len(rows)


def one_process(rows: list[dict[str, str]]) -> tuple[float, float]:
    """Seconds for a first pass (word caches empty) and a second pass (caches full)."""
    api.process(Document(text="Bakıda görüş keçirilib."))  # load lexicon and models first
    passes = []
    for _ in range(2):
        t = time.perf_counter()
        process_only(rows)
        passes.append(time.perf_counter() - t)
    return passes[0], passes[1]


def dask_cluster(rows: list[dict[str, str]], workers: int, batch: int) -> tuple[float, float, float]:
    """Seconds for a first and a second pass over the corpus, and the cluster's start-up time."""
    from distributed import Client, LocalCluster

    from xeber.batch.cluster import PipelineWarmup

    t0 = time.perf_counter()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster) as client:
        client.wait_for_workers(workers)
        client.register_plugin(PipelineWarmup())
        startup = time.perf_counter() - t0
        chunks = [rows[i : i + batch] for i in range(0, len(rows), batch)]
        # Batches are handed out as workers free up, as xeber.batch does (scattering them first
        # pins each batch to a worker and leaves one idle at the end: 1.63x instead of ~1.8x).
        passes = []
        for _ in range(2):
            t = time.perf_counter()
            done = sum(client.gather(client.map(process_only, chunks, pure=False)))
            passes.append(time.perf_counter() - t)
            assert done == len(rows)
    return passes[0], passes[1], startup


def store_costs(url: str, docs: list[Document]) -> dict[str, float]:
    """ms per document: index terms, write (one transaction per document), search latency."""
    store = open_store(url)
    t = time.perf_counter()
    pairs = [(d, index_fields(d.title, d.body)) for d in docs]
    index_ms = (time.perf_counter() - t) * 1000 / len(docs)
    t = time.perf_counter()
    for d, idx in pairs:
        store.put(d, idx)
    put_ms = (time.perf_counter() - t) * 1000 / len(docs)
    latencies = []
    for q in ["azərbaycan", "prezident ilham", '"nazirlər kabineti"', "təhsil OR səhiyyə", "vergi", "iqtisadi*"]:
        m = parse_query(q).match()
        t = time.perf_counter()
        store.search(m, limit=10)
        latencies.append((time.perf_counter() - t) * 1000)
    m = parse_query("azərbaycan").match()
    t = time.perf_counter()
    matches = store.search(m, limit=10)[0]
    common_ms = (time.perf_counter() - t) * 1000
    store.close()
    return {"index_ms": index_ms, "put_ms": put_ms, "search_ms": statistics.median(latencies),
            "common_ms": common_ms, "common_matches": matches}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--out", default="")
    args = ap.parse_args()
    rows = load(Path(args.shared))
    chars = sum(len(r["body"]) + len(r["title"] or "") for r in rows)
    load_before = os.getloadavg()
    single, single_warm = one_process(rows)
    multi, multi_warm, startup = dask_cluster(rows, args.workers, args.batch)
    load_after = os.getloadavg()
    docs = [make_doc(r) for r in rows]
    for d in docs:
        api.process(d)
    with tempfile.TemporaryDirectory() as tmp:
        costs = {"SQLite": store_costs(str(Path(tmp) / "b.db"), docs)}
        costs["SQLite"]["bytes"] = sum(f.stat().st_size for f in Path(tmp).iterdir())
    pg = os.environ.get("XEBER_TEST_PG")
    if pg:
        import psycopg

        with psycopg.connect(pg, autocommit=True) as c:
            c.execute("DROP SCHEMA IF EXISTS xeber_bench CASCADE")
            c.execute("CREATE SCHEMA xeber_bench")
        costs["PostgreSQL 15"] = store_costs(pg + ("&" if "?" in pg else "?") + "options=-csearch_path%3Dxeber_bench", docs)
        with psycopg.connect(pg, autocommit=True) as c:
            c.execute("VACUUM ANALYZE")
            costs["PostgreSQL 15"]["bytes"] = c.execute(
                "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace "
                "WHERE s.nspname = 'xeber_bench' AND c.relkind = 'r'"
            ).fetchone()[0]
            c.execute("DROP SCHEMA xeber_bench CASCADE")
    n = len(rows)
    lines = [
        "# Batch processing: 1 process vs a local Dask cluster",
        "",
        f"Command: `.venv/bin/python bench/batch_bench.py --workers {args.workers} --batch {args.batch}`"
        + (" (XEBER_TEST_PG set)" if pg else ""),
        f"Machine: 2-core dev VM, shared with parallel jobs ({os.cpu_count()} CPUs, Python {platform.python_version()}); "
        f"load average before {load_before[0]:.2f}, after {load_after[0]:.2f}.",
        f"Corpus: news-egov-az dev, {n} articles, {chars / n:.0f} characters each on average.",
        "",
        "## normalize + extract (api.process), warm (lexicon and models loaded before timing)",
        "",
        "| run | seconds | documents/s | ms/document |",
        "|---|---:|---:|---:|",
        f"| 1 process, first pass | {single:.2f} | {n / single:.1f} | {single * 1000 / n:.1f} |",
        f"| Dask LocalCluster, {args.workers} worker processes, batches of {args.batch}, first pass | {multi:.2f} | "
        f"{n / multi:.1f} | {multi * 1000 / n:.1f} (wall) |",
        f"| 1 process, second pass (word caches full) | {single_warm:.2f} | {n / single_warm:.1f} | "
        f"{single_warm * 1000 / n:.1f} |",
        f"| Dask, second pass (word caches full) | {multi_warm:.2f} | {n / multi_warm:.1f} | "
        f"{multi_warm * 1000 / n:.1f} (wall) |",
        "",
        f"**Speed-up: {single / multi:.2f}×** with {args.workers} workers (first pass, one run); "
        f"{single_warm / multi_warm:.2f}× on the second pass. Cluster start-up and per-worker warm-up: "
        f"{startup:.1f} s, paid once per run.",
        "",
        "## Per-document costs after processing (one process, one transaction per document)",
        "",
        "| store | index terms ms/doc | write ms/doc | search median ms (6 queries, top 10) "
        "| 'azərbaycan' ms (matches) | bytes/doc on disk |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, c in costs.items():
        lines.append(f"| {name} | {c['index_ms']:.2f} | {c['put_ms']:.2f} | {c['search_ms']:.1f} | "
                     f"{c['common_ms']:.0f} ({c['common_matches']}) | {c.get('bytes', 0) / n:,.0f} |")
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
