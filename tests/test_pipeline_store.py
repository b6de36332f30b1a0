"""The spine: ingest into the SQLite store, re-ingest, interruption, and end to end on the seed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from xeber import api
from xeber.document import Document
from xeber.search import search
from xeber.settings import Settings
from xeber.store import SQLiteStore

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_examples_round_trip_through_the_store(tmp_path: Path) -> None:
    settings = Settings(db=str(tmp_path / "x.db"))
    report = api.ingest([str(EXAMPLES)], settings)
    assert report.failed == []
    assert report.added == len(list(EXAMPLES.glob("*.*"))) >= 5
    store = SQLiteStore(settings.db)
    for doc_id in report.ids:
        doc = store.get(doc_id)
        assert doc is not None
        assert doc.normalized == api.process(Document(text=doc.text)).normalized
        assert doc.title and doc.source and doc.source.startswith(str(EXAMPLES))
        for e in doc.entities:
            assert doc.body[e.start : e.end] == e.text


def test_reingest_does_not_duplicate(tmp_path: Path) -> None:
    settings = Settings(db=str(tmp_path / "x.db"))
    first = api.ingest([str(EXAMPLES)], settings)
    again = api.ingest([str(EXAMPLES)], settings)
    assert again.added == 0 and again.unchanged == first.added
    assert SQLiteStore(settings.db).count() == first.added


def test_changed_file_updates_its_record_and_keeps_the_old_version(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Bakıda sərgi açılıb.", encoding="utf-8")
    settings = Settings(db=str(tmp_path / "x.db"))
    first = api.ingest([str(f)], settings)
    f.write_text("Bakıda böyük sərgi açılıb.", encoding="utf-8")
    second = api.ingest([str(f)], settings)
    assert (second.added, second.updated) == (0, 1)
    store = SQLiteStore(settings.db)
    assert store.count() == 1
    doc = store.get(first.ids[0])
    assert doc is not None and "böyük" in doc.text
    old = store.conn.execute("SELECT text FROM document_versions").fetchall()
    assert old == [("Bakıda sərgi açılıb.",)]


def test_interrupted_write_leaves_no_half_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = SQLiteStore(tmp_path / "x.db")
    doc = api.process(Document(text="Sahibə Qafarova Bakıda görüşüb.", source="a"))

    def boom(*args: object) -> None:
        raise sqlite3.OperationalError("disk I/O error (simulated)")

    # fail after the document row is written, while its annotations are being written
    monkeypatch.setattr(SQLiteStore, "_insert_rows", staticmethod(boom))
    with pytest.raises(Exception, match="simulated"):
        store.put(doc, api._search.index_fields(doc.title, doc.body))
    monkeypatch.undo()
    for table in ("documents", "edits", "entities", "doc_fts"):
        assert store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
    # and the next run writes it whole
    assert api.store_document(store, doc) == "added"
    assert store.get(doc.id) is not None


def test_store_refuses_a_newer_schema(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    SQLiteStore(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 999")
    conn.commit()
    conn.close()
    with pytest.raises(Exception, match="newer than this xeber"):
        SQLiteStore(path)


def test_seed_end_to_end(seed_path: Path, tmp_path: Path) -> None:
    settings = Settings(db=str(tmp_path / "x.db"))
    report = api.ingest([str(seed_path.parent)], settings)
    assert report.added == 1 and not report.failed
    store = SQLiteStore(settings.db)
    for q in ("qazaxıstan", "qazaxistan", "Qazaxıstanın", "QAZAXISTAN"):
        result = search(store, q)
        assert result.total == 1, q
        assert result.hits[0].title and result.hits[0].title.startswith("Qazaxıstan Senatının sədri")
    doc = store.get(report.ids[0])
    assert doc is not None
    hyph = [e for e in doc.edits if "-\n\n" in e.original]
    assert len(hyph) == 1 and "Qaza-\n\nxistana" in doc.text[hyph[0].start - 4 : hyph[0].end + 7]
    assert "Qaza" not in doc.body.replace("Qazax", "")


def test_a_title_in_the_text_is_repaired_with_it(tmp_path: Path) -> None:
    text = "# Nazir sefir ile gorusub\n\nBakı, 5 may. Nazir Turkiyenin sefiri ile gorusub ve emekdasliq meselelerini muzakire edib."
    doc = api.process(Document(text=text, title="Nazir sefir ile gorusub"))
    assert doc.title == "Nazir səfir ilə görüşüb"
    assert doc.meta["original_title"] == "Nazir sefir ile gorusub"
    again = api.process(doc)  # a re-run (xeber reprocess) starts from the title as it came
    assert again.title == "Nazir səfir ilə görüşüb" and again.meta["original_title"] == "Nazir sefir ile gorusub"
    store = SQLiteStore(str(tmp_path / "t.db"))
    api.store_document(store, doc)
    assert search(store, "görüşüb").hits[0].title == "Nazir səfir ilə görüşüb"
