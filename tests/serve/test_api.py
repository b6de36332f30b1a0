"""The HTTP API over the example store: answers, errors (400, never 500), OpenAPI."""

from __future__ import annotations

import warnings

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from xeber.serve import create_app
from xeber.settings import Settings


@pytest.fixture(scope="module")
def client(example_db):
    path, ids = example_db
    with TestClient(create_app(Settings(db=str(path)))) as c:
        c.ids = ids  # type: ignore[attr-defined]
        yield c


def test_health(client) -> None:
    assert client.get("/health").json() == {"status": "ok", "documents": 4}


def test_search_with_facets(client) -> None:
    r = client.get("/api/search", params={"q": "qazaxistan", "facets": "true"})
    assert r.status_code == 200
    d = r.json()
    assert d["total"] == 2 and d["mode"] == "all" and d["suggestion"] is None
    assert {h["id"] for h in d["hits"]} == {client.ids["a"], client.ids["c"]}
    assert set(d["hits"][0]) == {"id", "title", "score", "snippet", "published", "source", "url"}
    assert d["facets"]["year"] == [{"value": "2023", "count": 2}]
    assert d["facets"]["source"] == [{"value": "azertac.az", "count": 2}]


def test_search_pages(client) -> None:
    q = {"q": "qazaxıstan OR xocalı OR iclasında", "limit": 3}
    first = client.get("/api/search", params=q).json()
    second = client.get("/api/search", params={**q, "offset": 3}).json()
    assert first["total"] == 4 and len(first["hits"]) == 3 and len(second["hits"]) == 1
    assert {h["id"] for h in first["hits"] + second["hits"]} == set(client.ids.values())


@pytest.mark.parametrize(
    ("params", "detail"),
    [
        ({"q": '"rəsmi səfər'}, "unbalanced quote"),
        ({"q": "ə" * 10_000}, "query too long (10000 characters"),
        ({"q": "qazaxıstan colour:red"}, "unknown filter 'colour'"),
        ({"q": ""}, "no words"),
        ({"q": "qazaxıstan", "limit": 0}, "limit: Input should be greater than or equal to 1"),
        ({"q": "qazaxıstan", "mode": "some"}, "unknown search mode"),
    ],
)
def test_bad_queries_are_400_with_a_message(client, params, detail) -> None:
    r = client.get("/api/search", params=params)
    assert r.status_code == 400
    assert detail in r.json()["detail"]


def test_document_marks_corrections_in_repaired_text(client) -> None:
    d = client.get(f"/api/documents/{client.ids['d'][:6]}").json()  # a unique prefix is enough
    text = d["text"]
    fixes = {c["original"]: c for c in d["corrections"]}
    spelling = fixes["təsərrüfatl"]
    assert text[spelling["start"]:spelling["end"]] == "təsərrüfatı" == spelling["replacement"]
    hyphen = fixes["-\n"]
    assert hyphen["start"] == hyphen["end"] and text[hyphen["start"] - 6:hyphen["start"] + 4] == "fermerlərə"
    assert d["original"].startswith("Nazirlər Kabinetinin iclasında kənd təsərrüfatl")
    ent = d["entities"][0]
    assert text[ent["start"]:ent["end"]] == "Nazirlər Kabinetinin" and ent["type"] == "ORG"


def test_missing_document_is_404(client) -> None:
    r = client.get("/api/documents/ffffffffffffffff")
    assert r.status_code == 404 and "no document" in r.json()["detail"]


def test_top_entities(client) -> None:
    d = client.get("/api/entities", params={"type": "PER"}).json()
    assert d["entities"][0] == {"type": "PER", "lemma": "Sahibə Qafarova", "documents": 2, "mentions": 2}
    d = client.get("/api/entities", params={"from": "2022-01-01", "to": "2022-12-31"}).json()
    assert [(e["type"], e["lemma"]) for e in d["entities"]] == [("LOC", "Bakı"), ("LOC", "Xocalı")]
    assert client.get("/api/entities", params={"from": "last week"}).status_code == 400


def test_entity_page_data(client) -> None:
    d = client.get("/api/entities/PER/sahibe qafarova").json()  # matched folded
    assert d["documents"] == 2
    assert d["months"] == [{"month": "2023-09", "documents": 1}, {"month": "2023-10", "documents": 1}]
    co = {(c["type"], c["lemma"]): c["documents"] for c in d["cooccurring"]}
    assert co[("LOC", "Qazaxıstan")] == 2 and ("PER", "Sahibə Qafarova") not in co
    assert [(e["type"], e["date"]) for e in d["events"]] == [("meeting", "2023-10-05"), ("visit", "2023-09-28")]
    assert client.get("/api/entities/PER/Nobody").status_code == 404
    assert client.get("/api/entities/COLOUR/x").status_code == 400


def test_events(client) -> None:
    d = client.get("/api/events", params={"type": "visit"}).json()
    assert [(e["doc_id"], e["place"]) for e in d["events"]] == [(client.ids["a"], "Qazaxıstan")]
    d = client.get("/api/events", params={"entity_type": "PER", "entity_lemma": "İlham Əliyev"}).json()
    assert [e["type"] for e in d["events"]] == ["meeting"]


def test_ingest_text_then_find_it(tmp_path) -> None:
    with TestClient(create_app(Settings(db=str(tmp_path / "new.db")))) as c:
        r = c.post("/api/ingest", json={"text": "Gəncədə yeni körpü istifadəyə verilib.", "title": "Körpü",
                                        "published": "2024-01-15"})
        assert r.status_code == 200 and r.json()["status"] == "added"
        again = c.post("/api/ingest", json={"text": "Gəncədə yeni körpü istifadəyə verilib.", "title": "Körpü"})
        assert (again.json()["id"], again.json()["status"]) == (r.json()["id"], "unchanged")
        up = c.post("/api/ingest/upload", files={"file": ("x.txt", "Lənkəranda çay festivalı keçirilib.".encode())})
        assert up.status_code == 200 and up.json()["status"] == "added"
        assert c.get("/api/search", params={"q": "korpu"}).json()["total"] == 1
        bad = c.post("/api/ingest/upload", files={"file": ("x.bin", bytes(range(256)) * 8)})
        assert bad.status_code == 400 and "binary" in bad.json()["detail"]
        assert c.post("/api/ingest", json={}).status_code == 400


PAGE = """<html><head><title>Şamaxıda üzüm bayramı keçirilib</title>
<meta property="article:published_time" content="2024-09-14"></head><body><article>
<h1>Şamaxıda üzüm bayramı keçirilib</h1>
<p>Şamaxı rayonunda ənənəvi üzüm bayramı keçirilib. Bayramda yerli fermerlər məhsullarını nümayiş etdiriblər.</p>
<p>Tədbirə minlərlə qonaq qatılıb, festival iki gün davam edib.</p></article></body></html>"""


def test_ingest_url_from_a_local_server(tmp_path) -> None:
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            body = PAGE.encode() if self.path == "/xeber/1" else b"not here"
            self.send_response(200 if self.path == "/xeber/1" else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        with TestClient(create_app(Settings(db=str(tmp_path / "web.db")))) as c:
            r = c.post("/api/ingest", json={"url": f"{base}/xeber/1"})
            assert r.status_code == 200 and r.json()["status"] == "added"
            doc = c.get(f"/api/documents/{r.json()['id']}").json()
            assert doc["title"] == "Şamaxıda üzüm bayramı keçirilib" and doc["published"] == "2024-09-14"
            assert c.get("/api/search", params={"q": "uzum bayrami"}).json()["total"] == 1
            missing = c.post("/api/ingest", json={"url": f"{base}/yoxdur"})
            assert missing.status_code == 400 and "404" in missing.json()["detail"]
            assert c.post("/api/ingest", json={"url": "ftp://example.az/x"}).status_code == 400
    finally:
        server.shutdown()


def test_openapi_documents_every_endpoint(client) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/search", "/api/documents/{doc_id}", "/api/entities", "/api/entities/{etype}/{lemma}",
            "/api/events", "/api/ingest", "/api/ingest/upload", "/health"} <= set(paths)
    params = {p["name"] for p in paths["/api/search"]["get"]["parameters"]}
    assert params == {"q", "limit", "offset", "mode", "facets"}


def test_page_and_static_files(client) -> None:
    page = client.get("/")
    assert page.status_code == 200 and '<input id="q"' in page.text
    assert client.get("/static/app.js").status_code == 200
