"""One conformance suite for every store backend: the same calls give the same results.

Each test runs on SQLite and on PostgreSQL (skipped without a server). The corpus is written for
these tests; expected orders follow from BM25 (title weighted 3) and the tie-break by date then id.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from xeber.document import Argument, Document, Entity, Event
from xeber.search import analyzer, query
from xeber.store import Store, open_store
from xeber.text.casing import lower
from xeber.text.edits import Edit


# The store is under test, not the morphology: terms are analyzed with lower-casing as the lemmatizer.
def index_fields(title: str | None, body: str) -> analyzer.IndexFields:
    return analyzer.index_fields(title, body, lemmatizer=lower)


def parse_query(text: str) -> query.ParsedQuery:
    return query.parse_query(text, lemmatizer=lower)

CORPUS = [
    # (key, title, body, published, source, language)
    ("pambiq", "Pambıq yığımı başlayıb", "Saatlı rayonunda pambıq yığımı başlayıb. Fermerlər pambıq tarlalarında işləyir.",
     "2023-09-10", "agro.az", "az"),
    ("sergi", "Bakıda xalça sərgisi", "Bakıda xalça sərgisi açılıb. Sərgidə Qarabağ xalçaları nümayiş olunur.",
     "2023-05-02", "medeniyyet.az", "az"),
    ("konfrans", "Rəqəmsal konfrans", "Bakıda beynəlxalq konfrans keçirilib. Konfransda rəqəmsal inkişaf müzakirə olunub.",
     "2023-05-02", "tech.az", "az"),
    ("enerji", "Enerji əməkdaşlığı", "Nazir Bakıda enerji əməkdaşlığı barədə danışıb. Enerji sektorunda yeni layihələr var.",
     "2022-11-20", "energy.az", "az"),
    ("muzey", "Şəki muzeyi", "Şəkidə muzey təmirdən sonra açılıb. Muzeydə xalça kolleksiyası da var.",
     "2021-03-15", "medeniyyet.az", "az"),
    ("english", "Carpet exhibition", "A carpet exhibition opened in Baku.", "2023-05-02", "news.en", "en"),
    ("nodate", "Xalça", "Xalça toxuculuğu haqqında qeyd.", None, "qeyd.az", "az"),
]


def _doc(key: str, title: str, body: str, published: str | None, source: str, language: str) -> Document:
    return Document(text=body, title=title, published=published, source=f"{source}/{key}.txt", language=language,
                    url=f"https://{source}/{key}", meta={"outlet": source, "key": key})


@pytest.fixture
def corpus(store: Store) -> dict[str, str]:
    """The corpus stored; key → document id."""
    ids = {}
    for row in CORPUS:
        doc = _doc(*row)
        ids[row[0]] = store.put(doc, index_fields(doc.title, doc.body)).id
    return ids


def _keys(store: Store, corpus: dict[str, str], query: str, **kw: object) -> tuple[int, list[str]]:
    parsed = parse_query(query)
    total, rows = store.search(parsed.match(), filters=parsed.filters, **kw)  # type: ignore[arg-type]
    by_id = {v: k for k, v in corpus.items()}
    return total, [by_id[r.id] for r in rows]


def test_document_round_trips_with_all_annotations(store: Store) -> None:
    doc = Document(text="Bakida  sergi acilib.", title="Sərgi", published="2023-05-02", source="a.txt",
                   url="https://x.az/1", language="az", meta={"outlet": "X", "tags": ["a", "b"], "n": 1})
    doc.set_edits([Edit(0, 6, "Bakida", "Bakıda", "diacritics", 0.9), Edit(6, 8, "  ", " ", "space", 1.0)])
    doc.entities = [Entity(0, 6, "Bakıda", "LOC", "Bakı", 0.8, {"linked": "Bakı"})]
    doc.events = [Event("opening", "açılıb", 13, 19, [Argument("topic", "sərgi", "sərgi", 6, 11)], "2023-05-02",
                        "Bakı", "Bakıda sərgi açılıb.", 0.7, False, True, {"k": 1})]
    assert store.put(doc, index_fields(doc.title, doc.body)).status == "added"
    got = store.get(doc.id)
    assert got is not None
    assert got.to_dict() == doc.to_dict()
    assert list(got.meta) == ["outlet", "tags", "n"]  # key order kept
    assert store.get("0" * 16) is None


def test_same_content_is_stored_once_and_changed_content_updates(store: Store) -> None:
    doc = Document(text="Bakıda sərgi açılıb.", source="a.txt")
    assert store.put(doc, index_fields(None, doc.text)).status == "added"
    again = Document(text="Bakıda sərgi açılıb.", source="a.txt")
    assert store.put(again, index_fields(None, again.text)).status == "unchanged"
    changed = Document(text="Bakıda böyük sərgi açılıb.", source="a.txt")
    result = store.put(changed, index_fields(None, changed.text))
    assert (result.status, result.id) == ("updated", doc.id)
    assert store.count() == 1
    stored = store.get(doc.id)
    assert stored is not None and stored.text == "Bakıda böyük sərgi açılıb."
    total, rows = store.search(parse_query("böyük").match())
    assert (total, [r.id for r in rows]) == (1, [doc.id])
    assert store.search(parse_query('"bakıda sərgi"').match())[0] == 0  # the old text is no longer indexed


def test_find_id_by_unique_prefix(store: Store, corpus: dict[str, str]) -> None:
    some = corpus["sergi"]
    assert store.find_id(some) == some
    assert store.find_id(some[:8]) == some
    assert store.find_id("") is None  # ambiguous
    assert store.find_id("zz") is None
    assert store.count() == len(CORPUS)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # title matches weigh 3×; equal scores fall to the newer date, then the id
        ("xalça", (3, ["nodate", "sergi", "muzey"])),
        ("xalca", (3, ["nodate", "sergi", "muzey"])),  # typed without Azerbaijani letters
        ("bakı", (3, ["sergi", "konfrans", "enerji"])),
        ('"xalça sərgisi"', (1, ["sergi"])),
        ("xalça -muzey", (2, ["nodate", "sergi"])),
        ("pambıq OR enerji", (2, ["pambiq", "enerji"])),
        ("konfrans*", (1, ["konfrans"])),
        ("carpet", (1, ["english"])),
        ("xalça from:2022-01-01", (1, ["sergi"])),
        ("bakı to:2023-05-02 source:tech.az", (1, ["konfrans"])),
        ("xalça lang:az", (3, ["nodate", "sergi", "muzey"])),
        ("yoxdur", (0, [])),
    ],
)
def test_search_order(store: Store, corpus: dict[str, str], query: str, expected: tuple[int, list[str]]) -> None:
    total, keys = _keys(store, corpus, query, limit=3)
    assert (total, keys) == expected


def test_search_pages_and_date_sort(store: Store, corpus: dict[str, str]) -> None:
    first = _keys(store, corpus, "bakı", limit=2)
    second = _keys(store, corpus, "bakı", limit=2, offset=2)
    assert first[1] + second[1] == _keys(store, corpus, "bakı", limit=10)[1]
    assert _keys(store, corpus, "bakı", limit=10, offset=10) == (3, [])
    assert _keys(store, corpus, "bakı", limit=10, sort="date")[1] == ["konfrans", "sergi", "enerji"]


def test_broad_queries_are_counted_to_the_limit_and_ranked_among_the_newest(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib

    search_mod = importlib.import_module("xeber.search")  # the package, not its search() function
    sqlite, postgres = (importlib.import_module(f"xeber.store.{m}") for m in ("sqlite", "postgres"))

    for module in (sqlite, postgres, search_mod):
        monkeypatch.setattr(module, "MATCH_LIMIT", 3)
    # "pambıq" is most frequent in the first document, which a later rewrite makes the newest
    bodies = ["pambıq pambıq pambıq pambıq yığımı", "pambıq tarlası", "pambıq və taxıl", "bir pambıq sahəsi",
              "pambıq satışı başlayıb"]
    docs = [Document(text=b, title=f"Xəbər {i}", published=f"2023-01-0{i + 1}", url=f"https://agro.az/{i}")
            for i, b in enumerate(bodies)]
    for d in docs:
        store.put(d, index_fields(d.title, d.body))
    total, hits = store.search(parse_query("pambıq").match(), limit=10)
    assert total == 4  # "more than 3"
    assert store.facets(parse_query("pambıq").match())["year"] == [("2023", 3)]  # facets see what ranking sees
    assert {h.title for h in hits} == {"Xəbər 2", "Xəbər 3", "Xəbər 4"}
    rewritten = Document(text=bodies[0] + " davam edir", title="Xəbər 0", published="2023-01-01",
                         url="https://agro.az/0")
    store.put(rewritten, index_fields(rewritten.title, rewritten.body))
    total, hits = store.search(parse_query("pambıq").match(), limit=10)
    assert [h.title for h in hits][0] == "Xəbər 0" and len(hits) == 3
    result = search_mod.search(store, "pambıq", lemmatizer=lower)
    assert (result.total, result.total_exact) == (3, False)
    # with a filter every match is ranked (the count is still capped)
    total, hits = store.search(parse_query("pambıq from:2023-01-01").match(),
                               filters=parse_query("pambıq from:2023-01-01").filters, limit=10)
    assert total == 4 and len(hits) == 5


def test_vocabulary(store: Store, corpus: dict[str, str]) -> None:
    assert store.term_counts(["xalca", "bakida", "nothing"]) == {"xalca": 3, "bakida": 3}
    assert store.terms_with_prefix("xalc", 5) == [("xalca", 3), ("xalcalari", 1)]
    assert store.lemma_counts(["xalca", "xalcalari", "nothing"]) == {"xalca": 3, "xalcalari": 1}


def test_entities_and_events(store: Store) -> None:
    for i, (place, date) in enumerate([("Bakı", "2023-05-02"), ("Gəncə", "2023-06-01"), ("Bakı", "2022-01-09")]):
        doc = Document(text=f"{place}da görüş {i}.", published=date, source=f"d{i}")
        doc.set_edits([])
        doc.entities = [Entity(0, len(place), place, "LOC", place), Entity(0, 3, "Əli", "PER", "Əli")]
        doc.events = [Event("meeting", "görüş", 0, 5, date=date if i else None, place=place)]
        store.put(doc, index_fields(None, doc.text))
    assert [(e.type, e.lemma, e.documents, e.mentions) for e in store.top_entities(limit=3)] == [
        ("PER", "Əli", 3, 3), ("LOC", "Bakı", 2, 2), ("LOC", "Gəncə", 1, 1)]
    assert store.entity_documents("LOC", "baki") == 2  # matched folded
    assert store.entity_mentions_by_month("LOC", "Bakı") == [("2022-01", 1), ("2023-05", 1)]
    assert [(e.lemma, e.documents) for e in store.cooccurring_entities("PER", "Əli")] == [("Bakı", 2), ("Gəncə", 1)]
    # a short mention counts for the full name it links to, a state's long name for the short one
    doc = Document(text="Sahibə Qafarova çıxış edib. Qafarova Qazaxıstan Respublikasına gedir.", published="2023-07-01")
    doc.set_edits([])
    doc.entities = [Entity(0, 15, "Sahibə Qafarova", "PER", "Sahibə Qafarova"),
                    Entity(28, 36, "Qafarova", "PER", "Qafarova", attrs={"canonical": "Sahibə Qafarova"}),
                    Entity(37, 60, "Qazaxıstan Respublikasına", "LOC", "Qazaxıstan Respublikası",
                           attrs={"canonical": "Qazaxıstan"})]
    store.put(doc, index_fields(None, doc.text))
    assert [(e.type, e.lemma, e.documents, e.mentions) for e in store.top_entities(etype="PER")] == [
        ("PER", "Əli", 3, 3), ("PER", "Sahibə Qafarova", 1, 2)]
    assert [(e.lemma, e.documents) for e in store.top_entities(etype="LOC")] == [
        ("Bakı", 2), ("Gəncə", 1), ("Qazaxıstan", 1)]
    assert [(e.lemma, e.documents) for e in store.cooccurring_entities("PER", "Sahibə Qafarova")] == [
        ("Qazaxıstan", 1)]
    rows = store.events(etype="meeting")
    assert [(r.event.place, r.published) for r in rows] == [
        ("Gəncə", "2023-06-01"), ("Bakı", "2023-05-02"), ("Bakı", "2022-01-09")]
    assert [r.event.place for r in store.events(entity=("LOC", "Gəncə"))] == ["Gəncə"]
    facets = store.facets(parse_query("görüş").match())
    assert facets["year"] == [("2023", 2), ("2022", 1)]
    assert facets["LOC"] == [("Bakı", 2), ("Gəncə", 1)]
    assert facets["event"] == [("meeting", 3)]


def test_backends_rank_the_dev_news_identically(tmp_path: Path, shared_dir: Path, pg_schema_url: str) -> None:
    """The whole ranking, scores included, is the same on both backends for a real corpus."""
    rows = [json.loads(line) for line in gzip.open(shared_dir / "data/news-egov-az/dev.jsonl.gz", "rt")][:150]
    stores = [open_store(str(tmp_path / "a.db")), open_store(pg_schema_url)]

    def stem(word: str) -> str:  # a crude stemmer: lemmas then differ from surface forms, as in real use
        return lower(word)[:6]

    for r in rows:
        doc = Document(text=r["body"], title=r["title"], url=r["url"], published=r["date"])
        for s in stores:
            s.put(doc, analyzer.index_fields(doc.title, doc.body, lemmatizer=stem))
    queries = ["azərbaycan", "prezident ilham", '"nazirlər kabineti"', "təhsil OR səhiyyə", "bakı -gəncə",
               "iqtisadi*", "dövlət proqramı", "e-gov", "2015", "vergi from:2016-01-01", "bakıda -gəncədə",
               "xidmətlərin göstərilməsi"]
    for q in queries:
        parsed = query.parse_query(q, lemmatizer=stem)
        results = [s.search(parsed.match(), limit=100, filters=parsed.filters) for s in stores]
        ranked = [(total, [(r.id, r.score) for r in hits]) for total, hits in results]
        assert ranked[0] == ranked[1], q
        assert ranked[0][0] > 0, q
    for s in stores:
        s.close()
