"""Search over the example store: inflections, folding, phrases, operators, filters, typos,
fallback ranking, snippets, facets and pagination."""

from __future__ import annotations

import pytest

from xeber.errors import QueryError
from xeber.search import parse_query, search
from xeber.search.snippets import match_spans
from xeber.search.stopwords import is_stop_word
from xeber.search.vocabulary import edits1

from .conftest import load_corpus

build_store, lemmatize = load_corpus().build_store, load_corpus().lemmatize


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory):
    store, ids = build_store(tmp_path_factory.mktemp("store") / "x.db")
    yield store, ids
    store.close()


def found(corpus, query: str, **kw) -> set[str]:
    store, ids = corpus
    by_id = {v: k for k, v in ids.items()}
    return {by_id[h.id] for h in search(store, query, limit=50, lemmatizer=lemmatize, **kw).hits}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("qazaxıstan", {"a", "c"}),
        ("qazaxistan", {"a", "c"}),  # no Azerbaijani letters
        ("QAZAXISTAN", {"a", "c"}),
        ("səfərindən", {"a", "c"}),  # a form not in any text: its lemma səfər is (səfərə, səfəri)
        ("seferinden", {"a", "c"}),  # the same without Azerbaijani letters: prefix of folded surface
        ("xocali soyqirimi", {"b"}),
        ("Qafarova səfər", {"a", "c"}),
        ('"rəsmi səfərə"', {"a"}),
        ('"səfərə rəsmi"', set()),
        ("xocalı OR astanada", {"a", "b"}),
        ("qazaxıstan -telefonla", {"a"}),
        ("parlament*", {"a"}),
        ("təsərrüfatı", {"d"}),  # indexed from the repaired text, not the OCR original
    ],
)
def test_queries_find_exactly(corpus, query: str, expected: set[str]) -> None:
    assert found(corpus, query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('qazaxıstan person:"Sahibə Qafarova"', {"a", "c"}),
        ('person:"sahibe qafarova"', {"a", "c"}),  # filter values are folded too
        ("person:Tokayev", set()),  # an entity is named by its whole lemma
        ("place:Bakı", {"b"}),
        ("place:baki", {"b"}),
        ("qazaxıstan event:visit", {"a"}),
        ("event:meeting", {"c"}),
        ("qazaxıstan from:2023-10-01", {"c"}),
        ("qazaxıstan date>=2023-09-01 date<=2023-09-30", {"a"}),
        ("date:2022", {"b"}),
        ("source:report.az", {"b", "d"}),
        ("org:\"Nazirlər Kabineti\"", {"d"}),
        ("lang:az date:2021-05", {"d"}),
    ],
)
def test_filters(corpus, query: str, expected: set[str]) -> None:
    assert found(corpus, query) == expected


def test_sort_by_date_is_newest_first(corpus) -> None:
    store, ids = corpus
    hits = search(store, "qazaxıstan sort:date", lemmatizer=lemmatize).hits
    assert [h.id for h in hits] == [ids["c"], ids["a"]]
    assert [h.published for h in hits] == ["2023-10-05", "2023-09-28"]


def test_title_weighs_more_than_body(corpus) -> None:
    store, ids = corpus
    # səfər: in a's title and body, in c's body only; c is newer, so only the title puts a first
    hits = search(store, "səfər", lemmatizer=lemmatize).hits
    assert [h.id for h in hits] == [ids["a"], ids["c"]]


def test_typo_is_tolerated_and_suggested(corpus) -> None:
    store, ids = corpus
    result = search(store, "qazaxıstnın", lemmatizer=lemmatize)
    assert {h.id for h in result.hits} == {ids["a"]}  # qazaxıstanın is only in a
    assert result.suggestion == "qazaxıstanın"
    result = search(store, "qazaxistnin", lemmatizer=lemmatize)  # folded and misspelt
    assert result.suggestion == "qazaxıstanın"
    assert search(store, "qazaxıstan", lemmatizer=lemmatize).suggestion is None


def test_short_typos_are_suggested_but_not_expanded(corpus) -> None:
    store, _ = corpus
    result = search(store, "bakda", lemmatizer=lemmatize)  # 5 letters: no typo expansion
    assert result.total == 0
    assert result.suggestion == "bakıda"


def test_any_mode_fallback_when_no_document_has_every_word(corpus) -> None:
    store, ids = corpus
    result = search(store, "astanada soyqırım", lemmatizer=lemmatize)
    assert result.mode == "any"
    assert {h.id for h in result.hits} == {ids["a"], ids["b"]}
    strict = search(store, "astanada senatın", lemmatizer=lemmatize)
    assert strict.mode == "all" and [h.id for h in strict.hits] == [ids["a"]]


def test_any_mode_drops_question_words(corpus) -> None:
    store, ids = corpus
    result = search(store, "Xocalı soyqırımının ildönümü harada keçirilib?", mode="any", syntax=False,
                    lemmatizer=lemmatize)
    assert result.hits[0].id == ids["b"]
    assert is_stop_word("harada") and is_stop_word("hansi") and not is_stop_word("xocali")


def test_snippet_marks_matched_surface_forms(corpus) -> None:
    store, _ = corpus
    hit = search(store, "qazaxistan", lemmatizer=lemmatize).hits
    a = next(h for h in hit if "Sahibə Qafarova Qazaxıstana" in h.snippet.replace("<mark>", "").replace("</mark>", ""))
    assert a.snippet.startswith("Milli Məclisin sədri Sahibə Qafarova <mark>Qazaxıstana</mark> rəsmi səfərə")
    text = "Qazaxıstanın paytaxtında, Qazaxıstana. Səfəri"
    assert match_spans(text, ["qazaxistan"]) == [(0, 12), (26, 37)]
    assert match_spans(text, ["qazaxistan"], {"sefer"}, lemmatize) == [(0, 12), (26, 37), (39, 45)]
    # only words that start like a query lemma are lemmatized (a lemma starts like its forms)
    assert match_spans("səfərindən qayıdıb", ["x"], {"sefer"}, lambda w: "səfər") == [(0, 10)]
    by_lemma = search(store, "səfərindən", lemmatizer=lemmatize).hits
    assert any("<mark>səfərə</mark>" in h.snippet for h in by_lemma)


def test_pagination_is_stable_and_complete(corpus) -> None:
    store, _ = corpus
    first = search(store, "qazaxıstan OR xocalı OR iclasında", limit=2, lemmatizer=lemmatize)
    second = search(store, "qazaxıstan OR xocalı OR iclasında", limit=2, offset=2, lemmatizer=lemmatize)
    assert first.total == second.total == 4
    ids = [h.id for h in first.hits + second.hits]
    assert len(set(ids)) == 4
    again = search(store, "qazaxıstan OR xocalı OR iclasında", limit=2, lemmatizer=lemmatize)
    assert [h.id for h in again.hits] == [h.id for h in first.hits]


def test_facets_count_matching_documents(corpus) -> None:
    store, _ = corpus
    facets = search(store, "qazaxıstan", facets=True, lemmatizer=lemmatize).facets
    assert facets is not None
    assert facets["source"] == [("azertac.az", 2)]
    assert facets["year"] == [("2023", 2)]
    assert facets["event"] == [("meeting", 1), ("visit", 1)]
    assert facets["PER"][0] == ("Sahibə Qafarova", 2)
    assert ("Qazaxıstan", 2) in facets["LOC"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('"rəsmi səfər', "unbalanced quote"),
        ("x" * 10_000, "query too long"),
        ("", "no words"),
        ("qazaxıstan color:red", "unknown filter 'color'"),
        ("qazaxıstan from:yesterday", "wants a date"),
        ("qazaxıstan sort:random", "sort:random is unknown"),
        ("-qazaxıstan", "only exclude"),
        ("?!", "no words"),
    ],
)
def test_bad_queries_say_what_is_wrong(corpus, query: str, message: str) -> None:
    store, _ = corpus
    with pytest.raises(QueryError, match=message):
        search(store, query, lemmatizer=lemmatize)


def test_unknown_mode_is_refused(corpus) -> None:
    with pytest.raises(QueryError, match="unknown search mode"):
        search(corpus[0], "qazaxıstan", mode="some")


def test_parse_query_groups_and_expressions() -> None:
    parsed = parse_query("səfərindən OR görüş -telefonla parlament*", lemmatize)
    assert [[c.words[0] for c in g] for g in parsed.groups] == [["seferinden", "gorus"], ["parlament"]]
    assert [c.words for c in parsed.negated] == [["telefonla"]]
    assert parsed.groups[0][0].lemma == "sefer"
    assert parsed.match("all") == (
        '((({title body} : "seferinden"* OR lemmas : "seferinden" OR lemmas : "sefer") OR '
        '({title body} : "gorus"* OR lemmas : "gorus")) AND ({title body} : "parlament"*)) '
        'NOT ({title body} : "telefonla"* OR lemmas : "telefonla")'
    )


def test_a_suffix_after_a_hyphen_is_not_expanded_as_a_prefix() -> None:
    # the index holds `egovpay-ə` as the tokens `egovpay` `e`: a prefix `e`* would expand to half the
    # vocabulary (1.4 s on 200k documents); a long last part still matches its inflections
    assert '"egovpay-e"*' not in parse_query("eGovPay-ə", lemmatize).match("all")
    assert '"sankt-peterburq"*' in parse_query("Sankt-Peterburq", lemmatize).match("all")


def test_edits1_covers_each_kind_of_edit() -> None:
    e = edits1("abc")
    assert {"bc", "bac", "abd", "abxc"} <= e
    assert "abc" not in e
    # 6 deletes + 5 transposes + 6*25 replaces + (7*26 - 6 repeated-letter duplicates) inserts
    assert len(edits1("abcdef")) == 6 + 5 + 150 + 176
