"""The Dask side of xeber.batch: a client of a cluster, and the plugin that warms up each worker."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from distributed import Client, LocalCluster, WorkerPlugin

from xeber import api
from xeber.document import Document
from xeber.settings import Settings

WARMUP_TEXT = "Bakı, 5 may 2023. Nazir Əli Məmmədov Gəncə şəhərində görüş keçirib."


class PipelineWarmup(WorkerPlugin):
    """A Dask worker plugin: loads the lexicon and models once per worker, before its first task."""

    name = "xeber-pipeline-warmup"

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings()

    def setup(self, worker: Any) -> None:
        api.process(Document(text=WARMUP_TEXT), self.settings)


@contextmanager
def dask_client(scheduler: str | None = None, workers: int | None = None) -> Iterator[Any]:
    """A client of the cluster at `scheduler`, or of a local cluster of `workers` processes
    (one thread each: the pipeline is pure Python) on 127.0.0.1."""
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    n = workers or os.cpu_count() or 1
    with LocalCluster(
        n_workers=n, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster, Client(cluster) as client:
        yield client


