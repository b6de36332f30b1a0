"""Helpers shared by the benchmark scripts: locating ../shared and reading the dev news corpus."""

from __future__ import annotations

import gzip
import json
import os
import platform
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("XEBER_SHARED", ROOT.parent / "shared"))
DEV_NEWS = SHARED / "data" / "news-egov-az" / "dev.jsonl.gz"


def dev_news() -> Iterator[dict[str, str]]:
    """The dev news articles ({id, url, title, date, body}); evaluation only, never bundled."""
    if not DEV_NEWS.exists():
        raise SystemExit(f"{DEV_NEWS} is missing: benchmarks need ../shared")
    with gzip.open(DEV_NEWS, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
