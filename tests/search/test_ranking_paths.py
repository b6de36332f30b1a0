"""The SQLite store's fast ranking (BM25 on the index alone, documents read for the page only) gives
the same pages as the general path (index joined to documents), ties at the page end included;
put_many writes a batch as put would; snippets prefer the body to a Markdown title line."""

from __future__ import annotations

from pathlib import Path

from xeber.document import Document
from xeber.search.snippets import snippet
from xeber.store.base import IndexFields
from xeber.store.sqlite import TIE_SPARE, SQLiteStore
from xeber.text.casing import fold


def _store(tmp_path: Path) -> SQLiteStore:
    store = SQLiteStore(tmp_path / "r.db")
    docs = []
    for i in range(TIE_SPARE + 30):  # more equal scores than the spare rows of the fast path
        title = "sərgi" if i % 3 == 0 else "xəbər"
        text = f"Bakıda sərgi açılıb. Nömrə {i}." if i % 2 == 0 else f"Gəncədə konsert olub. Nömrə {i}."
        docs.append((Document(text=text, id=f"d{i:03d}", title=title, published=f"2024-01-{1 + i % 5:02d}"),
                     IndexFields(title=fold(title), body=fold(text), lemmas="")))
    results = store.put_many(docs)
    assert [r.status for r in results] == ["added"] * len(docs)
    assert store.put_many(docs[:2])[1].status == "unchanged"
    return store


def test_fast_ranking_equals_the_general_path(tmp_path: Path) -> None:
    store = _store(tmp_path)
    everything = {"language": None}  # a filter key without a value: the general path, same matches
    for match in ('"sergi"', '"sergi" OR "konsert"', '"nomre"'):
        for offset, limit in ((0, 10), (5, 10), (60, 40), (0, 200)):
            fast = store.search(match, limit=limit, offset=offset)
            general = store.search(match, limit=limit, offset=offset, filters={"date_from": "2000"})
            assert fast[0] == general[0]
            assert [(r.id, r.score) for r in fast[1]] == [(r.id, r.score) for r in general[1]]
            assert fast == store.search(match, limit=limit, offset=offset, filters=everything)
    total, rows = store.search('"nomre"', limit=3)
    assert total == TIE_SPARE + 30
    # every score ties: newest first, then id
    assert [r.id for r in rows] == ["d004", "d009", "d014"]


def test_snippet_prefers_the_body_to_a_heading_line() -> None:
    text = "# Qazaxıstan səfəri\n\nPrezident bu gün Qazaxıstana səfər edib. Başqa cümlə."
    assert snippet(text, ["qazaxistan"]) == "…Prezident bu gün <mark>Qazaxıstana</mark> səfər edib. Başqa cümlə."
    # only the heading (shown as the title anyway) matches: the passage that opens the body
    assert snippet("# Qazaxıstan\n\nBaşqa şey.", ["qazaxistan"]) == "Başqa şey."


def test_common_words_match_by_lemma_not_prefix(tmp_path: Path, monkeypatch) -> None:
    from xeber.search import parse_query, vocabulary

    store = _store(tmp_path)
    store.put(Document(text="Sərgilər", id="e1"), IndexFields(title="", body="sergiler", lemmas="sergi"))
    monkeypatch.setattr(vocabulary, "COMMON_LEMMA_DOCS", 1)
    parsed = parse_query("sərgi", lambda w: w)
    vocabulary.resolve_lemmas(store, parsed)
    assert parsed.match() == '({title body} : "sergi" OR lemmas : "sergi")'
    monkeypatch.setattr(vocabulary, "COMMON_LEMMA_DOCS", 2)
    parsed = parse_query("sərgi", lambda w: w)
    vocabulary.resolve_lemmas(store, parsed)
    assert parsed.match() == '({title body} : "sergi"* OR lemmas : "sergi")'


def test_vocabulary_counts_follow_writes_of_any_connection(tmp_path: Path) -> None:
    store = _store(tmp_path)
    assert store.term_counts(["konsert", "yarmarka"]) == {"konsert": (TIE_SPARE + 30) // 2}
    store.put(Document(text="Yarmarka", id="y1"), IndexFields(title="", body="yarmarka", lemmas="yarmarka"))
    assert store.term_counts(["yarmarka"]) == {"yarmarka": 1}
    other = SQLiteStore(tmp_path / "r.db")
    other.put(Document(text="Yarmarka 2", id="y2"), IndexFields(title="", body="yarmarka 2", lemmas="yarmarka 2"))
    assert store.term_counts(["yarmarka"]) == {"yarmarka": 2}
    assert store.lemma_counts(["yarmarka", "konsert"]) == {"yarmarka": 2}
