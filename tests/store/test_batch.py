"""xeber.batch on a real local Dask cluster and in-process: a killed worker, an interrupted run and
a re-run lose no document and duplicate none, on every store backend."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from xeber import api
from xeber.batch import reprocess, run_batch
from xeber.document import Document
from xeber.search import index_fields
from xeber.store import open_store
from xeber.text.edits import apply_edits

DEV = "data/news-egov-az/dev.jsonl.gz"


def load_docs(shared: Path, n: int) -> list[Document]:
    """The n shortest of the first 200 dev articles (short: the tests stay fast)."""
    with gzip.open(shared / DEV, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for _, line in zip(range(200), f, strict=False)]
    rows = sorted(rows, key=lambda r: (len(r["body"]), r["id"]))[:n]
    return [Document(text=r["body"], title=r["title"], url=r["url"], published=r["date"]) for r in rows]


def assert_complete_and_unique(store_url: str, docs: list[Document]) -> None:
    """Every document stored once, with its annotations once, and each indexed once."""
    store = open_store(store_url)
    try:
        assert store.count() == len({d.id for d in docs})
        for doc in docs:
            stored = store.get(doc.id)
            assert stored is not None and stored.text == doc.text and stored.normalized is not None
            # annotations written once: edits rebuild the normalized text, spans are distinct
            assert apply_edits(stored.text, stored.edits) == stored.normalized
            spans = [(e.start, e.end, e.type) for e in stored.entities]
            assert len(set(spans)) == len(spans)
            assert all(stored.normalized[e.start : e.end] == e.text for e in stored.entities)
        # a document indexed twice would count twice in the vocabulary
        term = "azerbaycan"
        stored_docs = [store.get(d.id) for d in docs]
        expected = sum(
            term in set(f"{i.title} {i.body} {i.lemmas}".split())
            for i in (index_fields(d.title, d.body) for d in stored_docs if d is not None)
        )
        assert expected > 0
        assert store.term_counts([term]) == {term: expected}
    finally:
        store.close()


@pytest.fixture(scope="module")
def cluster():  # type: ignore[no-untyped-def]
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as c, Client(c) as client:
        yield c, client


def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(cluster, store_url: str, shared_dir: Path) -> None:  # type: ignore[no-untyped-def]
    c, client = cluster
    client.wait_for_workers(2)
    docs = load_docs(shared_dir, 24)
    pids = sorted(client.run(os.getpid).values())
    killed: list[tuple[int, int]] = []

    def kill_one(_n: int) -> None:
        if not killed:  # after the first batch, while the others are queued and running
            store = open_store(store_url)
            killed.append((pids[0], store.count()))
            store.close()
            os.kill(pids[0], signal.SIGKILL)

    report = run_batch(docs, store_url, scheduler=c.scheduler_address, batch_size=4, on_batch=kill_one)
    assert killed and killed[0][1] < len(docs)  # the worker died in the middle of the run
    assert report.failed == []
    assert report.added + report.unchanged == len(docs) and len(set(report.ids)) == len(docs)
    assert_complete_and_unique(store_url, docs)
    client.wait_for_workers(2)
    assert pids[0] not in client.run(os.getpid).values()  # the nanny replaced the killed process
    again = reprocess(store_url, scheduler=c.scheduler_address, batch_size=8)
    # nothing added; "updated" only where the pipeline's code changed since (a restarted worker loads it anew)
    assert (again.added, again.updated + again.unchanged, again.failed) == (0, len(docs), [])
    assert_complete_and_unique(store_url, docs)




def test_an_interrupted_ingest_resumes_without_loss_or_duplicates(store_url: str, shared_dir: Path) -> None:
    n = 24
    docs = load_docs(shared_dir, n)
    script = (
        "import sys, time\n"
        "from xeber import api\n"
        "from xeber.batch import run_batch\n"
        f"sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        "from test_batch import load_docs\n"
        "from pathlib import Path\n"
        "def slow(doc, settings):\n"
        "    time.sleep(0.02)\n"
        "    return api.process(doc, settings)\n"
        f"run_batch(load_docs(Path({str(shared_dir)!r}), {n}), sys.argv[1], workers=0, batch_size=3, process=slow)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", script, store_url])
    try:
        store = open_store(store_url)
        deadline = time.monotonic() + 30
        while store.count() < 9 and time.monotonic() < deadline and child.poll() is None:
            time.sleep(0.02)
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        stored = store.count()
        store.close()
    finally:
        if child.poll() is None:
            child.kill()
    assert 9 <= stored < n  # interrupted in the middle, whole batches committed
    report = run_batch(docs, store_url, workers=0, batch_size=7)
    assert (report.added, report.unchanged, report.failed) == (n - stored, stored, [])
    assert_complete_and_unique(store_url, docs)
    rerun = run_batch(docs, store_url, workers=0, skip_existing=False)
    assert (rerun.added, rerun.updated, rerun.unchanged) == (0, 0, n)
    assert_complete_and_unique(store_url, docs)


def test_reprocess_reruns_the_pipeline_from_the_kept_originals(store_url: str, shared_dir: Path) -> None:
    docs = load_docs(shared_dir, 8)
    # an "old version" of the pipeline that changed nothing
    report = run_batch(docs, store_url, workers=0, process=lambda doc, settings: doc)
    assert report.added == len(docs)
    again = reprocess(store_url, workers=0, batch_size=5)
    store = open_store(store_url)
    try:
        changed = 0
        for doc in docs:
            stored = store.get(doc.id)
            fresh = api.process(Document(text=doc.text, title=doc.title, published=doc.published))
            assert stored is not None and stored.text == doc.text  # the original is kept
            assert (stored.normalized, stored.edits, stored.entities) == (fresh.normalized, fresh.edits, fresh.entities)
            changed += 1
        assert (again.updated, again.unchanged, again.failed) == (changed, 0, [])
        assert store.count() == len(docs)
    finally:
        store.close()
