"""Fixtures for ingestion tests: our own news texts (ingest_news.py) and a local HTTP server."""

from __future__ import annotations

import sys
from pathlib import Path

# --import-mode=importlib does not put test folders on sys.path; the shared texts live here.
sys.path.insert(0, str(Path(__file__).resolve().parent))
