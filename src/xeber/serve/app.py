"""The HTTP API (FastAPI) and the web page over one store.

Every request opens the store, answers and closes it (SQLite connections belong to one thread).
Bad input answers 400 with {"detail": "<what to fix>"}; a missing document or entity 404.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from typing import Annotated, Any

from fastapi import FastAPI, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from xeber import api
from xeber.document import Document
from xeber.errors import InputError, QueryError, StoreError, XeberError
from xeber.ingest import Failure, decode_text
from xeber.search import search as run_search
from xeber.settings import Settings
from xeber.store import Store, open_store
from xeber.text.edits import OffsetMap

ENTITY_TYPES = ("PER", "ORG", "LOC", "GPE", "FAC", "EVENT")
MAX_UPLOAD_BYTES = 20 * 1024 * 1024


class IngestText(BaseModel):
    """A document given as text, or a URL to fetch."""

    text: str | None = Field(None, description="The article text (plain text or Markdown).")
    url: str | None = Field(None, description="A URL to fetch and ingest (when no text is given).")
    title: str | None = None
    published: str | None = Field(None, description="Publication date, YYYY-MM-DD.")
    source: str | None = Field(None, description="Where the text comes from (outlet, file, feed).")


def _static_dir() -> Any:
    return resources.files("xeber.serve").joinpath("static")


@contextmanager
def open_request_store(request: Request) -> Iterator[Store]:
    """The store for one request, opened and closed in the thread that uses it (SQLite
    connections belong to one thread)."""
    store = open_store(request.app.state.settings.db_url())
    try:
        yield store
    finally:
        store.close()


def create_app(settings: Settings | None = None) -> FastAPI:
    """The application for the store named by `settings.db`."""
    settings = settings or Settings()
    app = FastAPI(
        title="xeber",
        version="0.1",
        description=(
            "Search and browse Azerbaijani news: Azerbaijani-aware full-text search (any inflection, with "
            "or without Azerbaijani letters, typo tolerant), documents with their repairs, entities with "
            "timelines, events, and ingestion through the xeber pipeline."
        ),
    )

    app.state.settings = settings

    @app.exception_handler(XeberError)
    async def xeber_error(request: Request, exc: XeberError) -> JSONResponse:
        status = 503 if isinstance(exc, StoreError) else 400
        return JSONResponse({"detail": str(exc)}, status_code=status)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "body", "path"))
            parts.append(f"{where}: {err.get('msg')}" if where else str(err.get("msg")))
        return JSONResponse({"detail": "; ".join(parts) or "bad request"}, status_code=400)

    @app.get("/health", tags=["service"], summary="Liveness and store size")
    def health(request: Request) -> dict[str, Any]:
        with open_request_store(request) as store:
            return {"status": "ok", "documents": store.count()}

    @app.get("/api/search", tags=["search"], summary="Search documents", description=(
        "Hits best first (BM25, title weighted), with highlighted snippets. `total` counts matches up to "
        "10,000; `total_exact` is false when more match, and such a query without filters is ranked (and "
        "its facets counted) among its 10,000 most recently stored matches."))
    def search(
        request: Request,
        q: Annotated[str, Query(description=(
            'Words in any inflection, with or without Azerbaijani letters; "phrases"; OR; -word; word*; '
            "filters person:, org:, place:, entity:, event:, source:, lang:, from:, to:, date:, sort:date."
        ))] = "",
        limit: Annotated[int, Query(ge=1, le=100)] = 10,
        offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
        mode: Annotated[str, Query(description='"all" words (falls back to "any" when none match) or "any".')] = "all",
        facets: Annotated[bool, Query(description="Also count matches by source, year, language, event, entity.")] = False,
    ) -> dict[str, Any]:
        with open_request_store(request) as store:
            return run_search(store, q, limit=limit, offset=offset, mode=mode, facets=facets).to_dict()

    @app.get("/api/documents/{doc_id}", tags=["documents"], summary="A document with its repairs and annotations")
    def document(doc_id: str, request: Request) -> dict[str, Any]:
        with open_request_store(request) as store:
            doc = store.get(store.find_id(doc_id) or doc_id)
        if doc is None:
            raise HTTPException(404, f"no document with id {doc_id}")
        return document_view(doc)

    @app.get("/api/entities", tags=["entities"], summary="The most mentioned entities")
    def entities(
        request: Request,
        type: Annotated[str | None, Query(description="PER, ORG, LOC, ...")] = None,  # noqa: A002
        date_from: Annotated[str | None, Query(alias="from", pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] = None,
        date_to: Annotated[str | None, Query(alias="to", pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 20,
    ) -> dict[str, Any]:
        etype = _entity_type(type) if type else None
        with open_request_store(request) as store:
            rows = store.top_entities(etype, date_from, date_to, limit)
        return {"entities": [{"type": r.type, "lemma": r.lemma, "documents": r.documents, "mentions": r.mentions}
                             for r in rows]}

    @app.get("/api/entities/{etype}/{lemma:path}", tags=["entities"],
             summary="An entity: mentions per month, co-occurring entities, event timeline")
    def entity(etype: str, lemma: str, request: Request) -> dict[str, Any]:
        etype = _entity_type(etype)
        with open_request_store(request) as store:
            documents = store.entity_documents(etype, lemma)
            if not documents:
                raise HTTPException(404, f"no {etype} entity {lemma!r} in the store")
            return {
                "type": etype, "lemma": lemma, "documents": documents,
                "months": [{"month": m, "documents": n} for m, n in store.entity_mentions_by_month(etype, lemma)],
                "cooccurring": [{"type": r.type, "lemma": r.lemma, "documents": r.documents}
                                for r in store.cooccurring_entities(etype, lemma, 15)],
                "events": [_event_json(e) for e in store.events(entity=(etype, lemma), limit=100)],
            }

    @app.get("/api/events", tags=["events"], summary="Events, newest first")
    def events(
        request: Request,
        type: Annotated[str | None, Query(description="meeting, visit, statement, ...")] = None,  # noqa: A002
        entity_type: Annotated[str | None, Query(description="With entity_lemma: events in documents naming it.")] = None,
        entity_lemma: str | None = None,
        date_from: Annotated[str | None, Query(alias="from", pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] = None,
        date_to: Annotated[str | None, Query(alias="to", pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> dict[str, Any]:
        ent = (_entity_type(entity_type or "PER"), entity_lemma) if entity_lemma else None
        with open_request_store(request) as store:
            rows = store.events(etype=type, entity=ent, date_from=date_from, date_to=date_to, limit=limit,
                                offset=offset)
        return {"events": [_event_json(r) for r in rows]}

    @app.post("/api/ingest", tags=["ingest"], summary="Process and store a text or a URL (JSON)")
    def ingest(item: IngestText, request: Request) -> dict[str, Any]:
        if item.text:
            docs: list[Document | Failure] = [
                Document(text=item.text, title=item.title, published=item.published, source=item.source)
            ]
        elif item.url:
            # a page, a PDF or image, or a feed (then every entry); fetched safely by xeber.ingest
            docs = list(api.iter_documents([item.url]))
        else:
            raise InputError("give text or url")
        with open_request_store(request) as store:
            return _ingest(store, docs, settings)

    @app.post("/api/ingest/upload", tags=["ingest"], summary="Process and store an uploaded text file")
    def upload(
        file: Annotated[UploadFile, File(description="A UTF-8 text or Markdown file.")],
        request: Request,
        published: Annotated[str | None, Form()] = None,
    ) -> dict[str, Any]:
        data = file.file.read(MAX_UPLOAD_BYTES + 1)
        if len(data) > MAX_UPLOAD_BYTES:
            raise InputError(f"upload larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MiB")
        name = file.filename or "upload"
        doc = Document(text=decode_text(data, name), source=name, published=published)
        with open_request_store(request) as store:
            return _ingest(store, [doc], settings)

    static = _static_dir()

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(str(static.joinpath("index.html")))

    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    return app


def _entity_type(value: str) -> str:
    etype = value.upper()
    aliases = {"PERSON": "PER", "PLACE": "LOC"}
    etype = aliases.get(etype, etype)
    if etype not in ENTITY_TYPES:
        raise QueryError(f"unknown entity type {value!r}; use one of {', '.join(ENTITY_TYPES)}")
    return etype


def _event_json(row: Any) -> dict[str, Any]:
    ev = row.event
    return {
        "doc_id": row.doc_id, "title": row.title, "published": row.published, "type": ev.type,
        "trigger": ev.trigger, "date": ev.date, "place": ev.place, "sentence": ev.sentence,
        "arguments": [{"role": a.role, "text": a.text, "lemma": a.lemma} for a in ev.arguments],
        "negated": ev.negated, "planned": ev.planned,
    }


def _ingest(store: Store, docs: list[Document | Failure], settings: Settings) -> dict[str, Any]:
    """Process and store; the first document's id and status, and every id when there are several."""
    report = api.ingest_documents(store, docs, settings)
    if not report.ids:
        raise InputError(report.failed[0].reason if report.failed else "nothing to ingest")
    status = "added" if report.added else "updated" if report.updated else "unchanged"
    return {"id": report.ids[0], "status": status, "ids": report.ids,
            "failed": [{"source": f.source, "reason": f.reason} for f in report.failed]}


def document_view(doc: Document) -> dict[str, Any]:
    """The document as the page shows it: the repaired text, each correction as a span of it
    (with the original it replaced), entities and events (offsets into the repaired text)."""
    body = doc.body
    offsets = OffsetMap(doc.text, doc.edits)
    corrections = []
    for e in doc.edits:
        start, end = offsets.to_edited(e.start), offsets.to_edited_end(e.end)
        if e.original.strip() == e.replacement.strip() and e.kind in ("layout", "whitespace", "unicode"):
            continue  # invisible repairs (spaces, code points) are not worth a mark
        corrections.append({
            "start": start, "end": end, "original": e.original, "replacement": e.replacement, "kind": e.kind,
            "confidence": e.confidence,
        })
    return {
        "id": doc.id, "title": doc.title, "published": doc.published, "source": doc.source, "url": doc.url,
        "language": doc.language, "text": body, "original": doc.text, "corrections": corrections,
        "edits": len(doc.edits), "entities": [e.to_dict() for e in doc.entities],
        "events": [ev.to_dict() for ev in doc.events], "meta": doc.meta,
    }
