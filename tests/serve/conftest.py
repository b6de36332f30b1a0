"""The example store (tests/search/corpus.py) behind the app, analyzed with the fixed lemmatizer."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from xeber.search import analyzer

_spec = importlib.util.spec_from_file_location(
    "xeber_tests_example_corpus", Path(__file__).resolve().parents[1] / "search" / "corpus.py"
)
assert _spec is not None and _spec.loader is not None
corpus = sys.modules.get("xeber_tests_example_corpus") or importlib.util.module_from_spec(_spec)
if "xeber_tests_example_corpus" not in sys.modules:
    sys.modules["xeber_tests_example_corpus"] = corpus
    _spec.loader.exec_module(corpus)
build_store, lemmatize = corpus.build_store, corpus.lemmatize


@pytest.fixture(scope="module")
def example_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    path = tmp_path_factory.mktemp("serve") / "x.db"
    store, ids = build_store(path)
    store.close()
    return path, ids


@pytest.fixture(autouse=True)
def fixed_lemmatizer(monkeypatch: pytest.MonkeyPatch) -> None:
    """Queries are analyzed like the example store was."""
    monkeypatch.setattr(analyzer, "default_lemmatizer", lambda: lemmatize)
    search_pkg = sys.modules["xeber.search"]
    from xeber.search import query as query_mod

    monkeypatch.setattr(search_pkg, "default_lemmatizer", lambda: lemmatize)
    monkeypatch.setattr(query_mod, "default_lemmatizer", lambda: lemmatize)
