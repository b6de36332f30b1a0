"""The store backends the conformance suite runs on: SQLite always, PostgreSQL when XEBER_TEST_PG
names a server (scripts/pg-test-server starts a throwaway one); each test gets a fresh store."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from xeber.store import Store, open_store

BACKENDS = ["sqlite", "postgresql"]


def pg_server() -> str:
    url = os.environ.get("XEBER_TEST_PG", "")
    if not url:
        pytest.skip("no PostgreSQL server: set XEBER_TEST_PG (scripts/pg-test-server start)")
    try:
        import psycopg

        psycopg.connect(url, connect_timeout=3).close()
    except Exception as e:  # any failure to reach it means: skip, not fail
        pytest.skip(f"PostgreSQL at XEBER_TEST_PG not reachable: {e}")
    return url


@pytest.fixture
def pg_schema_url() -> Iterator[str]:
    """A URL whose connections work in a fresh, empty schema (dropped afterwards)."""
    import psycopg

    url = pg_server()
    schema = "xeber_test_" + uuid.uuid4().hex[:12]
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield url + ("&" if "?" in url else "?") + f"options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return str(request.getfixturevalue("pg_schema_url"))


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    s = open_store(store_url)
    try:
        yield s
    finally:
        s.close()
