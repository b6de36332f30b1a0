"""Pages and feeds from a local server on 127.0.0.1; safe fetching; deduplication; store versions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import LocalWeb
from ingest_news import LATIN_1, LATIN_1_EDITED, LATIN_2, LATIN_3, RUSSIAN, TURKISH, html_page

from xeber.document import Document
from xeber.errors import FetchError
from xeber.ingest import Failure, IngestOptions
from xeber.ingest.dedup import DuplicateIndex, minhash, similarity
from xeber.ingest.fetch import fetch
from xeber.ingest.sources import iter_sources
from xeber.store.base import IndexFields
from xeber.store.sqlite import SQLiteStore

FAST = IngestOptions(timeout_s=2.0)


def store_document(store: SQLiteStore, doc: Document) -> str:
    # Search terms are not under test here; an empty index keeps these tests off the lexicon.
    return store.put(doc, IndexFields("", "", "")).status


def _page(text: str, **kw: str) -> str:
    title, _, body = text.partition("\n")
    return html_page(title, body, **kw)


def _rss(items: list[tuple[str, str, str, str]]) -> str:
    """An RSS 2.0 feed of (title, link, pubDate, description) items."""
    body = "".join(
        f"<item><title>{t}</title><link>{link}</link><guid>{link}</guid><pubDate>{d}</pubDate>"
        f"<description><![CDATA[<p>{s}</p>]]></description></item>"
        for t, link, d, s in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Nümunə Agentlik</title>'
        f"<link>https://agentlik.example/</link><description>Xəbərlər</description>{body}</channel></rss>"
    )


def _atom(entries: list[tuple[str, str, str, str]]) -> str:
    body = "".join(
        f"<entry><title>{t}</title><link href='{link}'/><id>{link}</id><updated>{d}</updated><summary>{s}</summary></entry>"
        for t, link, d, s in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>İkinci Portal</title>'
        f"<id>urn:portal</id><updated>2024-03-12T00:00:00Z</updated>{body}</feed>"
    )


def _docs(items: list[Document | Failure]) -> list[Document]:
    return [i for i in items if isinstance(i, Document)]


def test_page_url_with_metadata(web: LocalWeb) -> None:
    url = web.add("/2024/03/12/kitabxana", _page(LATIN_1, author="Aysel Quliyeva"))
    [doc] = list(iter_sources([url], FAST))
    assert isinstance(doc, Document)
    assert (doc.title, doc.published, doc.url, doc.source) == ("Gəncədə yeni kitabxana açılıb", "2024-03-12", url, url)
    assert (doc.meta["author"], doc.meta["agency"], doc.meta["outlet"], doc.language) == (
        "Aysel Quliyeva", "AZERTAC", "Nümunə Xəbər", "az",
    )


def test_feed_entries_fetched_with_summary_fallback_and_duplicates_dropped(web: LocalWeb) -> None:
    a = web.add("/a/kitabxana", _page(LATIN_1))
    b = web.add("/a/festival", _page(LATIN_2))
    missing = web.url("/a/silinib")  # 404: the entry's summary is used
    rss = web.add("/rss.xml", _rss([
        ("Gəncədə yeni kitabxana açılıb", a, "Tue, 12 Mar 2024 09:00:00 +0400", "Qısa məlumat."),
        ("Şəkidə ipək festivalı başlayıb", b, "Fri, 14 Jul 2023 10:00:00 +0400", "Festival haqqında."),
        ("Lənkəranda çay yığımı", missing, "Fri, 05 May 2023 08:00:00 +0400", LATIN_3.partition("\n")[2]),
    ]), content_type="application/rss+xml")
    # A second outlet republishes the library article with one word changed.
    copy = web.add("/b/gence-kitabxana", _page(LATIN_1_EDITED, site="İkinci Portal"))
    atom = web.add("/atom", _atom([("Gəncədə kitabxana", copy, "2024-03-12T11:00:00Z", "Gəncə.")]),
                   content_type="application/atom+xml")
    index = DuplicateIndex()
    items = list(iter_sources([rss, atom], FAST, dedup=index))
    docs = _docs(items)
    assert [d.url for d in docs] == [a, b, missing]
    assert [d.published for d in docs] == ["2024-03-12", "2023-07-14", "2023-05-05"]
    assert docs[0].meta["feed"] == rss and docs[0].meta["format"] == "html"
    assert docs[2].meta["format"] == "feed-summary"
    assert docs[2].meta["fetch_error"] == f"{missing}: HTTP 404"
    assert docs[2].text.startswith("Report xəbər verir ki, Lənkəran rayonunda")
    assert [(d.source, d.of_id) for d in index.skipped] == [(copy, docs[0].id)]
    assert 0.8 <= index.skipped[0].similarity < 1.0


def test_forced_feed_flag_and_broken_feed(web: LocalWeb) -> None:
    url = web.add("/not-a-feed", "just words, no xml", content_type="text/plain")
    [item] = list(iter_sources([url], FAST, feeds=True))
    assert isinstance(item, Failure) and item.source == url and "not an RSS/Atom feed" in item.reason


def test_feed_without_fetching_uses_summaries(web: LocalWeb) -> None:
    rss = web.add("/rss", _rss([("Başlıq", web.url("/yoxdur"), "Tue, 12 Mar 2024 09:00:00 +0400", LATIN_2)]))
    [doc] = list(iter_sources([rss], IngestOptions(fetch_entries=False)))
    assert isinstance(doc, Document) and doc.meta["format"] == "feed-summary" and "fetch_error" not in doc.meta
    assert doc.meta["agency"] == "APA" and doc.title == "Başlıq"


@pytest.mark.parametrize("bad", ["ftp://example.org/x.html", "file:///etc/passwd", "gopher://x/"])
def test_only_http_and_https(bad: str) -> None:
    [item] = list(iter_sources([bad]))
    assert item == Failure(bad, f"{bad}: only http and https URLs are fetched")


def test_redirects_are_bounded_and_rechecked(web: LocalWeb) -> None:
    for i in range(8):
        web.add(f"/r{i}", "", status=302, headers={"Location": f"/r{i + 1}"})
    web.add("/r8", _page(LATIN_1))
    with pytest.raises(FetchError, match=r"/r0: more than 5 redirects"):
        fetch(web.url("/r0"), FAST)
    assert fetch(web.url("/r4"), FAST).url == web.url("/r8")
    web.add("/to-file", "", status=301, headers={"Location": "file:///etc/passwd"})
    with pytest.raises(FetchError, match="only http and https"):
        fetch(web.url("/to-file"), FAST)


def test_size_cap_and_timeout(web: LocalWeb) -> None:
    big = web.add("/big", b"x" * 300_000, content_type="text/html")
    with pytest.raises(FetchError, match="larger than the 100000-byte limit"):
        fetch(big, IngestOptions(max_bytes=100_000))
    slow = web.add("/slow", _page(LATIN_1), delay_s=1.5)
    with pytest.raises(FetchError, match=r"timed out after 0.3 s"):
        fetch(slow, IngestOptions(timeout_s=0.3))


def test_bad_pages_are_clear_failures(web: LocalWeb) -> None:
    empty = web.add("/empty", "<html><head><title>x</title></head><body></body></html>")
    binary = web.add("/bin", b"\x00\x01\x02" * 1000, content_type="text/html")
    gone = web.url("/gone")
    items = list(iter_sources([empty, binary, gone], FAST))
    assert items == [
        Failure(empty, f"{empty}: no article text found in the page"),
        Failure(binary, f"{binary}: binary data, not HTML"),
        Failure(gone, f"{gone}: HTTP 404"),
    ]


def test_other_languages_are_tagged(web: LocalWeb) -> None:
    ru = web.add("/ru", html_page("Новая библиотека", RUSSIAN + "\n" + RUSSIAN))
    tr = web.add("/tr", html_page("Yeni kütüphane", TURKISH + "\n" + TURKISH))
    assert [d.language for d in _docs(list(iter_sources([ru, tr], FAST)))] == ["ru", "tr"]


def test_minhash_similarity_orders_copies() -> None:
    same, edited, other = minhash(LATIN_1), minhash(LATIN_1_EDITED), minhash(LATIN_2)
    assert similarity(same, minhash(LATIN_1.upper())) == 1.0
    assert 0.8 <= similarity(same, edited) < 1.0
    assert similarity(same, other) < 0.2


# --- the store: a changed article updates its record, a re-run adds nothing ---------------------


def test_changed_article_updates_record_and_keeps_version(web: LocalWeb, tmp_path: Path) -> None:
    url = web.add("/xeber/1", _page(LATIN_1))
    store = SQLiteStore(tmp_path / "x.db")
    [first] = _docs(list(iter_sources([url], FAST)))
    assert store_document(store, first) == "added"
    web.add("/xeber/1", _page(LATIN_1_EDITED))  # the outlet corrects its article
    index = DuplicateIndex()
    index.add(first.id, first.text, first.url)
    [second] = _docs(list(iter_sources([url], FAST, dedup=index)))  # same URL: not a duplicate
    assert store_document(store, second) == "updated"
    assert store.count() == 1
    stored = store.get(first.id)
    assert stored is not None and "artıq kitab var" in stored.text
    versions = store.conn.execute("SELECT text FROM document_versions WHERE doc_id = ?", (first.id,)).fetchall()
    assert [v[0] for v in versions] == [first.text]
    store.close()


def test_interrupted_batch_resumes_without_duplicates(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate((LATIN_1, LATIN_2, LATIN_3)):
        (folder / f"{i}.txt").write_text(text, encoding="utf-8")
    store = SQLiteStore(tmp_path / "x.db")

    def interrupted(items: Iterator[Document | Failure], after: int) -> Iterator[Document | Failure]:
        for n, item in enumerate(items):
            if n == after:
                raise KeyboardInterrupt
            yield item

    with pytest.raises(KeyboardInterrupt):
        for item in interrupted(iter_sources([str(folder)]), after=2):
            assert isinstance(item, Document)
            store_document(store, item)
    assert store.count() == 2
    statuses = [store_document(store, d) for d in _docs(list(iter_sources([str(folder)])))]
    assert statuses == ["unchanged", "unchanged", "added"]
    assert store.count() == 3
    store.close()
