"""Files of each text format become Documents with metadata; bad files are clear failures."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from ingest_news import CYRILLIC, CYRILLIC_LATIN, LATIN_1, LATIN_2, LATIN_3, html_page

from xeber.api import iter_documents
from xeber.document import Document
from xeber.errors import InputError
from xeber.ingest import Failure, IngestOptions, load_path
from xeber.ingest.html import extract_html
from xeber.ingest.meta import date_from_text, normalize_date
from xeber.ingest.tables import parse_mapping, resolve_columns


def _split(text: str) -> tuple[str, str]:
    title, _, body = text.partition("\n")
    return title, body


def test_html_file_main_text_and_metadata(tmp_path: Path) -> None:
    title, body = _split(LATIN_1)
    f = tmp_path / "kitabxana.html"
    f.write_text(html_page(title, body, date="2024-03-12T09:30:00+04:00", author="Aysel Quliyeva"), encoding="utf-8")
    [doc] = list(load_path(f))
    assert isinstance(doc, Document)
    assert doc.title == "Gəncədə yeni kitabxana açılıb"
    assert doc.published == "2024-03-12"
    assert doc.meta["author"] == "Aysel Quliyeva"
    assert doc.meta["outlet"] == "Nümunə Xəbər"
    assert doc.meta["agency"] == "AZERTAC"
    assert doc.language == "az"
    assert "iyirmi mindən çox kitab var." in doc.text
    assert "Bütün hüquqlar" not in doc.text and "Siyasət" not in doc.text
    assert doc.source == str(f)


def test_html_date_from_url_then_text() -> None:
    title, body = _split(LATIN_2)
    doc = extract_html(html_page(title, body), url="https://xeber.example/2023/07/14/ipek-festivali")
    assert doc.published == "2023-07-14"
    assert doc.meta["agency"] == "APA"
    assert doc.url == "https://xeber.example/2023/07/14/ipek-festivali"
    title, body = _split(LATIN_3)
    doc = extract_html(html_page(title, body), url="https://xeber.example/xeber/123")
    assert doc.published == "2023-05-05"  # from `05.05.2023` in the text
    assert doc.meta["agency"] == "Report"


@pytest.mark.parametrize(("value", "iso"), [
    ("2024-03-12T10:00:00Z", "2024-03-12"),
    ("12.03.2024", "2024-03-12"),
    ("5 iyun 2023", "2023-06-05"),
    ("5 İYUN 2023", "2023-06-05"),  # Azerbaijani upper case: İ lowers to i, not i + combining dot
    ("29 SENTYABR 2021, 10:15", "2021-09-29"),
    ("31.02.2024", None),
    ("dünən", None),
])
def test_normalize_date(value: str, iso: str | None) -> None:
    assert normalize_date(value) == iso


def test_date_from_text_takes_a_full_day_only() -> None:
    assert date_from_text("2023-cü ilin sentyabrında ... Bakı, 29 sentyabr 2021-ci il") == "2021-09-29"
    assert date_from_text("2023-cü ilin sentyabrında konfrans olub.") is None


def test_html_without_body_is_a_clear_failure(tmp_path: Path) -> None:
    f = tmp_path / "bos.html"
    f.write_text("<html><head><title>Boş</title></head></html>", encoding="utf-8")
    [item] = list(iter_documents([str(f)]))
    assert isinstance(item, Failure)
    assert item.reason.endswith("no article text found in the page")


def test_jsonl_export_with_guessed_columns_and_bad_rows(tmp_path: Path) -> None:
    f = tmp_path / "export.jsonl"
    rows = [
        {"id": "a1", "headline": _split(LATIN_1)[0], "content": _split(LATIN_1)[1], "published": "2024-03-12T10:00:00Z"},
        "not an object",
        {"id": "a2", "title": _split(LATIN_2)[0], "body": ""},
        {"id": "a3", "title": _split(LATIN_3)[0], "text": _split(LATIN_3)[1], "url": "https://x.example/a3"},
    ]
    f.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n{broken\n", encoding="utf-8")
    items = list(load_path(f))
    docs = [i for i in items if isinstance(i, Document)]
    fails = [i for i in items if isinstance(i, Failure)]
    assert [d.title for d in docs] == ["Gəncədə yeni kitabxana açılıb", "Lənkəranda çay yığımı mövsümü açılıb"]
    assert docs[0].published == "2024-03-12" and docs[0].source == f"{f}#a1"
    assert docs[1].url == "https://x.example/a3" and docs[1].source == f"{f}#a3"
    assert [x.source for x in fails] == [f"{f}#L2", f"{f}#L3", f"{f}#L5"]
    assert "no text" in fails[1].reason


def test_csv_export_with_explicit_mapping(tmp_path: Path) -> None:
    f = tmp_path / "export.csv"
    with f.open("w", encoding="utf-8", newline="") as out:
        w = csv.writer(out, delimiter=";")
        w.writerow(["Başlıq", "Mətn", "Tarix", "Link"])
        for text, day in ((LATIN_1, "12.03.2024"), (LATIN_2, "14.07.2023")):
            title, body = _split(text)
            w.writerow([title, body, day, ""])
    opts = IngestOptions(mapping=parse_mapping(["title=Başlıq", "text=Mətn", "date=Tarix"]))
    docs = list(load_path(f, opts))
    assert [(d.title, d.published) for d in docs] == [
        ("Gəncədə yeni kitabxana açılıb", "2024-03-12"), ("Şəkidə ipək festivalı başlayıb", "2023-07-14"),
    ]
    assert all(isinstance(d, Document) and d.url is None for d in docs)


def test_csv_without_text_column_names_the_columns(tmp_path: Path) -> None:
    f = tmp_path / "x.csv"
    f.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"no text column \(columns: a, b\)"):
        list(load_path(f))


def test_column_guesses_know_azerbaijani_upper_case() -> None:
    # str.lower would make BAŞLIQ "başliq" and TARİX "tari̇x"; folded, they meet the guesses
    assert resolve_columns(["ID", "BAŞLIQ", "MƏTN", "TARİX"]) == {
        "text": "MƏTN", "title": "BAŞLIQ", "date": "TARİX", "id": "ID"}
    assert resolve_columns(["Başlıq", "Body"], {"title": "BASLIQ"}) == {"text": "Body", "title": "Başlıq"}


def test_bad_mapping_is_refused() -> None:
    with pytest.raises(InputError, match="expected FIELD=COLUMN"):
        parse_mapping(["title"])
    with pytest.raises(InputError, match="unknown field 'heading'"):
        parse_mapping(["heading=x"])


def test_cyrillic_text_file_is_transliterated_with_original_kept(tmp_path: Path) -> None:
    f = tmp_path / "kohne.txt"
    f.write_text(CYRILLIC, encoding="utf-8")
    [doc] = list(load_path(f))
    assert doc.text == CYRILLIC_LATIN
    assert doc.meta["original_script_text"] == CYRILLIC
    assert doc.language == "az"


def test_jsonl_of_junk_is_refused_as_a_whole(tmp_path: Path) -> None:
    f = tmp_path / "junk.jsonl"
    f.write_bytes(b"".join(bytes([i % 251, 10]) * 3 for i in range(200)))
    items = iter_documents([str(f)])
    [item] = list(items)
    assert isinstance(item, Failure) and "not a JSON Lines export" in item.reason
