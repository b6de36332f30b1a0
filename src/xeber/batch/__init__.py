"""Batch processing on Dask distributed: normalize and extract many documents on many workers.

The work is split by document into small batches. Each worker loads the pipeline (lexicon,
models) once, when it starts (`PipelineWarmup`), processes a batch and writes it to the store
itself, one transaction per batch where the store offers `put_many` (PostgreSQL), else one per
document. Writes are upserts keyed by the content id, so a batch run twice (a worker lost
mid-batch, whose batch the scheduler gives to another worker, or a re-run after an interruption)
adds nothing twice, and a batch that was not committed is simply done again: nothing is lost.

`workers=0` runs the same batches in this process without Dask (the baseline of the benchmark).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from xeber import api
from xeber.document import Document
from xeber.errors import XeberError
from xeber.ingest import Failure
from xeber.search import index_fields
from xeber.settings import Settings
from xeber.store import Store, open_store

Process = Callable[[Document, Settings], Document]
DEFAULT_BATCH_SIZE = 16


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one document of a batch."""

    source: str
    id: str
    status: str  # added, updated, unchanged, failed
    reason: str = ""


def _default_process(doc: Document, settings: Settings) -> Document:
    return api.process(doc, settings)


# One open store per worker process and URL: opened on the first batch, reused by the next ones.
_STORES: dict[str, Store] = {}


def _worker_store(url: str) -> Store:
    store = _STORES.get(url)
    if store is None:
        store = _STORES[url] = open_store(url)
    return store


def _write(store: Store, docs: list[Document]) -> list[str]:
    """Store processed documents; statuses in order. One transaction for all where supported."""
    pairs = [(d, index_fields(d.title, d.body)) for d in docs]
    put_many = getattr(store, "put_many", None)
    if put_many is not None:
        return [r.status for r in put_many(pairs)]
    return [store.put(d, idx).status for d, idx in pairs]


def process_batch(
    docs: list[Document], store_url: str, settings: Settings | None = None, process: Process | None = None
) -> list[Outcome]:
    """Process documents and write them to the store (a Dask task; also runs in-process).

    A document the pipeline rejects is reported as failed; the others are written together.
    """
    settings = settings or Settings()
    process = process or _default_process
    done: list[Document] = []
    out: dict[int, Outcome] = {}
    for i, doc in enumerate(docs):
        try:
            done.append(process(doc, settings))
        except XeberError as e:
            out[i] = Outcome(doc.source or doc.id, doc.id, "failed", str(e))
    store = _worker_store(store_url)
    try:
        statuses = _write(store, done)
    except XeberError:  # one document the store refuses: write them one by one to find it
        statuses = []
        for d in done:
            try:
                statuses.append(_write(store, [d])[0])
            except XeberError as e:
                statuses.append("failed: " + str(e))
    it = iter(zip(done, statuses, strict=True))
    result = []
    for i in range(len(docs)):
        if i in out:
            result.append(out[i])
            continue
        stored, status = next(it)
        if status.startswith("failed: "):
            result.append(Outcome(stored.source or stored.id, stored.id, "failed", status[len("failed: "):]))
        else:
            result.append(Outcome(stored.source or stored.id, stored.id, status))
    return result


def reprocess_batch(
    ids: list[str], store_url: str, settings: Settings | None = None, process: Process | None = None
) -> list[Outcome]:
    """Re-run the pipeline on stored documents from their originals (`text` is never changed)."""
    store = _worker_store(store_url)
    docs = []
    missing = []
    for doc_id in ids:
        doc = store.get(doc_id)
        if doc is None:
            missing.append(Outcome(doc_id, doc_id, "failed", "no longer in the store"))
            continue
        doc.edits, doc.entities, doc.events, doc.normalized = [], [], [], None
        docs.append(doc)
    return missing + process_batch(docs, store_url, settings, process)


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _stored(store: Store, ids: list[str]) -> set[str]:
    existing = getattr(store, "existing_ids", None)
    if existing is not None:
        return set(existing(ids))
    return {i for i in ids if store.find_id(i) == i}


def _tally(report: api.IngestReport, outcomes: list[Outcome]) -> None:
    for o in outcomes:
        if o.status == "failed":
            report.failed.append(Failure(o.source, o.reason))
        else:
            setattr(report, o.status, getattr(report, o.status) + 1)
            report.ids.append(o.id)


def _run(
    task: Callable[..., list[Outcome]],
    batches: Iterable[list[Any]],
    store_url: str,
    report: api.IngestReport,
    *,
    scheduler: str | None,
    workers: int | None,
    settings: Settings,
    process: Process | None,
    on_batch: Callable[[int], None] | None,
) -> api.IngestReport:
    def done(outcomes: list[Outcome]) -> None:
        _tally(report, outcomes)
        if on_batch:
            on_batch(len(outcomes))

    if workers == 0 and not scheduler:
        for batch in batches:
            done(task(batch, store_url, settings, process))
        return report

    from distributed import as_completed

    from xeber.batch.cluster import PipelineWarmup, dask_client

    with dask_client(scheduler, workers) as client:
        client.register_plugin(PipelineWarmup(settings))
        window = 4 * max(1, len(client.scheduler_info().get("workers", {})))  # batches in flight
        pending = iter(batches)
        futures = [
            client.submit(task, b, store_url, settings, process, pure=False, retries=2)
            for b in islice(pending, window)
        ]
        queue = as_completed(futures)
        for fut in queue:
            done(fut.result())
            fut.release()
            for b in islice(pending, 1):
                queue.add(client.submit(task, b, store_url, settings, process, pure=False, retries=2))
    return report


def run_batch(
    items: Iterable[Document | Failure],
    store_url: str,
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    settings: Settings | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    skip_existing: bool = True,
    process: Process | None = None,
    on_batch: Callable[[int], None] | None = None,
) -> api.IngestReport:
    """Process and store documents on a Dask cluster: the one at `scheduler`
    ("tcp://host:8786"), else a local one of `workers` processes (default: one per CPU);
    `workers=0`: in this process, without Dask.

    With `skip_existing`, documents whose id is already stored are counted unchanged without
    being processed again, which makes resuming an interrupted run cheap.
    `on_batch(n)` is called after each batch of n documents (for progress bars).
    """
    settings = settings or Settings()
    report = api.IngestReport()
    store = open_store(store_url) if skip_existing else None

    def new_docs() -> Iterator[Document]:
        """The documents to process, checked against the store a chunk at a time."""
        for chunk in _batches(items, batch_size * 64):
            for f in chunk:
                if isinstance(f, Failure):
                    report.failed.append(f)
            docs = [d for d in chunk if isinstance(d, Document)]
            seen = _stored(store, [d.id for d in docs]) if store is not None and docs else set()
            _tally(report, [Outcome(d.source or d.id, d.id, "unchanged") for d in docs if d.id in seen])
            yield from (d for d in docs if d.id not in seen)

    try:
        return _run(
            process_batch, _batches(new_docs(), batch_size), store_url, report, scheduler=scheduler,
            workers=workers, settings=settings, process=process, on_batch=on_batch,
        )
    finally:
        if store is not None:
            store.close()


def reprocess(
    store_url: str,
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    settings: Settings | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    ids: list[str] | None = None,
    process: Process | None = None,
    on_batch: Callable[[int], None] | None = None,
) -> api.IngestReport:
    """Re-run normalization and extraction over a stored archive (all documents, or `ids`),
    from the originals, which are kept. Documents whose results did not change are counted
    unchanged; the others updated."""
    settings = settings or Settings()
    if ids is None:
        store = open_store(store_url)
        try:
            ids = store.ids()  # type: ignore[attr-defined]
        finally:
            store.close()
    return _run(
        reprocess_batch, _batches(ids, batch_size), store_url, api.IngestReport(), scheduler=scheduler,
        workers=workers, settings=settings, process=process, on_batch=on_batch,
    )


__all__ = ["Outcome", "process_batch", "reprocess", "reprocess_batch", "run_batch"]
