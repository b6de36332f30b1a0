"""The `xeber` command: a thin skin over xeber.api. Every command has --json for scripts."""

from __future__ import annotations

import functools
import html
import os
import re
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from xeber import api
from xeber.cli_io import emit_json, error, read_input, stdout
from xeber.errors import StoreError, XeberError
from xeber.settings import Settings, default_db

app = typer.Typer(
    name="xeber",
    help="Azerbaijani news toolkit: ingest, repair OCR/typing errors, extract entities and events, search.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

F = TypeVar("F", bound=Callable[..., Any])

JsonOpt = typer.Option(False, "--json", help="Print machine-readable JSON.")
DbOpt = typer.Option(None, "--db", help="Store: a SQLite file or postgresql:// URL (default: $XEBER_DB or ~/.local/share/xeber/xeber.db).")
FileArg = typer.Argument("-", help="A text file, or - for standard input.")


def handles_errors(fn: F) -> F:
    """Turn xeber errors into one clear line on stderr and a non-zero exit."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except XeberError as e:
            error(str(e))
            raise typer.Exit(e.exit_code) from None

    return wrapper  # type: ignore[return-value]


def _settings(db: str | None = None, **kw: Any) -> Settings:
    return Settings(db=db or default_db(), **kw)


@app.command()
@handles_errors
def normalize(
    file: str = FileArg,
    json_out: bool = JsonOpt,
    min_confidence: float = typer.Option(0.5, help="Apply only edits at least this confident."),
) -> None:
    """Repair OCR and typing errors; print the repaired text (with --json, also every edit).

    Example: xeber normalize article.txt --json
    """
    text = read_input(file)
    result = api.normalize(text, Settings(min_confidence=min_confidence))
    if json_out:
        emit_json({"text": result.text, "edits": [e.to_dict() for e in result.edits]})
    else:
        sys.stdout.write(result.text)
        if result.text and not result.text.endswith("\n"):
            sys.stdout.write("\n")


def _entity_json(e: Any) -> dict[str, Any]:
    d = {"text": e.text, "lemma": e.lemma, "type": e.type, "start": e.start, "end": e.end, "confidence": e.confidence}
    d.update(e.attrs)
    return d


def _event_json(ev: Any) -> dict[str, Any]:
    return {
        "type": ev.type, "trigger": ev.trigger, "start": ev.start, "end": ev.end, "date": ev.date, "place": ev.place,
        "arguments": [{"role": a.role, "text": a.text, "lemma": a.lemma} for a in ev.arguments],
        "negated": ev.negated, "planned": ev.planned, "confidence": ev.confidence, "sentence": ev.sentence,
    }


@app.command()
@handles_errors
def extract(
    file: str = FileArg,
    json_out: bool = JsonOpt,
    published: str = typer.Option(None, help="Publication date (YYYY-MM-DD) to resolve dates without a year."),
) -> None:
    """Normalize, then extract entities and events.

    Example: xeber extract article.txt --json
    """
    text = read_input(file)
    doc = api.extract(text, published=published)
    if json_out:
        emit_json({
            "text": doc.body,
            "entities": [_entity_json(e) for e in doc.entities],
            "events": [_event_json(ev) for ev in doc.events],
        })
        return
    for e in doc.entities:
        stdout.print(f"{e.type:6} {escape(e.text)}" + (f"  → {escape(e.lemma)}" if e.lemma != e.text else ""))
    for ev in doc.events:
        args = ", ".join(f"{a.role}={a.lemma}" for a in ev.arguments)
        stdout.print(f"[bold]{ev.type}[/] {escape(ev.trigger)} ({escape(args)}) {ev.date or ''} {escape(ev.place or '')}")


@app.command()
@handles_errors
def ingest(
    paths: list[str] = typer.Argument(..., help="Files, folders (recursively), page URLs and feed URLs."),
    db: str = DbOpt,
    json_out: bool = JsonOpt,
    feed: bool = typer.Option(False, "--feed", help="Treat every URL as an RSS/Atom feed."),
    mapping: list[str] = typer.Option([], "--map", help="FIELD=COLUMN for .jsonl/.csv exports, e.g. --map body=content."),
    ocr_lang: str = typer.Option("auto", help="Tesseract language: auto, aze, aze_cyrl, eng, ..."),
    ocr_workers: int = typer.Option(2, min=1, help="Pages OCR'd in parallel."),
    timeout: float = typer.Option(20.0, min=1.0, help="Seconds per web request."),
    fetch_entries: bool = typer.Option(True, help="Fetch each feed entry's page (else use its summary)."),
    scheduler: str = typer.Option(None, help="Process on a Dask cluster: its scheduler address, tcp://host:8786."),
    workers: int = typer.Option(None, min=0, help="Process on a local Dask cluster of N worker processes."),
) -> None:
    """Run the whole pipeline on files, folders, URLs and feeds, and store the results.

    Example: xeber ingest examples/ https://example.az/rss --db news.db
    """
    from xeber.ingest import IngestOptions
    from xeber.ingest.dedup import DuplicateIndex
    from xeber.ingest.tables import parse_mapping
    from xeber.store import open_store

    settings = _settings(db)
    options = IngestOptions(
        mapping=parse_mapping(mapping), ocr_lang=ocr_lang, workers=ocr_workers, timeout_s=timeout,
        fetch_entries=fetch_entries,
    )
    dedup = DuplicateIndex()
    items = list(api.iter_documents(paths, options, feeds=feed, dedup=dedup))
    store = open_store(settings.db_url())
    try:
        with Progress(
            TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
            TimeRemainingColumn(), transient=True, disable=json_out or not sys.stderr.isatty(),
        ) as progress:
            task = progress.add_task("ingesting", total=len(items))
            if scheduler or workers is not None:
                from xeber.batch import run_batch

                report = run_batch(
                    items, settings.db_url(), scheduler=scheduler, workers=workers, settings=settings,
                    on_batch=lambda n: progress.advance(task, n),
                )
            else:
                report = api.ingest_documents(store, items, settings, on_item=lambda _: progress.advance(task))
    finally:
        store.close()
    report.duplicates = len(dedup.skipped)
    _print_report(report, settings, json_out)


@app.command()
@handles_errors
def reprocess(
    db: str = DbOpt,
    scheduler: str = typer.Option(None, help="A Dask scheduler address, tcp://host:8786."),
    workers: int = typer.Option(None, min=0, help="Local Dask worker processes (0: in this process)."),
    json_out: bool = JsonOpt,
) -> None:
    """Re-run normalization and extraction over the stored archive, keeping the originals.

    Run it after upgrading xeber, so stored documents get the new normalizer and extractor.

    Example: xeber reprocess --db news.db --workers 2
    """
    from xeber.batch import reprocess as run_reprocess

    settings = _settings(db)
    _require_store(settings)
    report = run_reprocess(settings.db_url(), scheduler=scheduler, workers=workers, settings=settings)
    _print_report(report, settings, json_out)


def _print_report(report: api.IngestReport, settings: Settings, json_out: bool) -> None:
    if json_out:
        emit_json(report.to_dict())
    else:
        stdout.print(
            f"added {report.added}, updated {report.updated}, unchanged {report.unchanged}, "
            f"duplicates {report.duplicates}, failed {len(report.failed)}  → {escape(settings.db_url())}"
        )
    for f in report.failed:
        error(f.reason if f.reason.startswith(f.source) else f"{f.source}: {f.reason}")
    if report.failed and not (report.added or report.updated or report.unchanged or report.duplicates):
        raise typer.Exit(1)


_MARK = re.compile(r"</?mark>")


@app.command()
@handles_errors
def search(
    query: str = typer.Argument(..., help='Words (any inflection, with or without Azerbaijani letters), "phrases", OR, -word.'),
    db: str = DbOpt,
    limit: int = typer.Option(10, min=1, max=1000),
    offset: int = typer.Option(0, min=0),
    json_out: bool = JsonOpt,
) -> None:
    """Search the store.

    Example: xeber search "qazaxistan səfər" --limit 5
    """
    settings = _settings(db)
    _require_store(settings)
    result = api.search(query, settings, limit=limit, offset=offset)
    if json_out:
        d = result.to_dict()
        emit_json({"total": d["total"], "total_exact": d["total_exact"], "hits": d["hits"]})
        return
    stdout.print(f"{result.total}{'' if result.total_exact else '+'} found")
    for h in result.hits:
        score = 0.0 if abs(h.score) < 0.005 else h.score  # no "-0.00" for a score that rounds to zero
        stdout.print(f"[bold]{escape(h.title or '(untitled)')}[/]  [dim]{h.id} {h.published or ''} {score:.2f}[/]")
        stdout.print(f"  {_rich_snippet(h.snippet)}")


def _rich_snippet(snippet: str) -> str:
    """Snippet HTML (<mark> around matches) as Rich markup."""
    out = []
    for i, piece in enumerate(_MARK.split(snippet)):
        text = escape(html.unescape(piece))
        out.append(f"[bold yellow]{text}[/]" if i % 2 else text)
    return "".join(out)


def _require_store(settings: Settings) -> None:
    url = settings.db_url()
    if "://" not in url and not os.path.exists(os.path.expanduser(url)):
        raise StoreError(f"no store at {url}: run `xeber ingest PATH --db {url}` first")


@app.command()
@handles_errors
def show(
    doc_id: str = typer.Argument(..., help="A document id (or a unique prefix of one)."),
    db: str = DbOpt,
    json_out: bool = JsonOpt,
) -> None:
    """Print a stored document with its edits and entities."""
    from xeber.store import open_store

    settings = _settings(db)
    _require_store(settings)
    store = open_store(settings.db_url())
    try:
        full = store.find_id(doc_id) or doc_id
        doc = store.get(full)
    finally:
        store.close()
    if doc is None:
        raise XeberError(f"no document with id {doc_id}")
    if json_out:
        emit_json(doc.to_dict())
        return
    stdout.print(f"[bold]{escape(doc.title or '(untitled)')}[/]  [dim]{doc.id} {doc.published or ''} {escape(doc.source or '')}[/]")
    stdout.print(escape(doc.body.strip()))
    if doc.edits:
        stdout.print(f"\n[bold]{len(doc.edits)} edits[/]")
        for e in doc.edits:
            stdout.print(f"  {e.start}-{e.end} {e.kind:12} {escape(repr(e.original))} → {escape(repr(e.replacement))} ({e.confidence:.2f})")
    if doc.entities:
        stdout.print(f"\n[bold]{len(doc.entities)} entities[/]")
        for ent in doc.entities:
            stdout.print(f"  {ent.type:6} {escape(ent.text)} → {escape(ent.lemma)}")


@app.command()
@handles_errors
def entities(
    db: str = DbOpt,
    etype: str = typer.Option(None, "--type", help="PER, ORG, LOC, FAC or EVENT (default: all)."),
    date_from: str = typer.Option(None, "--from", help="Published on or after YYYY-MM-DD."),
    date_to: str = typer.Option(None, "--to", help="Published on or before YYYY-MM-DD."),
    limit: int = typer.Option(20, min=1, max=1000),
    json_out: bool = JsonOpt,
) -> None:
    """The most mentioned people, organisations and places in the store.

    Example: xeber entities --type PER --from 2021-01-01 --to 2021-12-31
    """
    from xeber.store import open_store

    settings = _settings(db)
    _require_store(settings)
    store = open_store(settings.db_url())
    try:
        rows = store.top_entities(etype.upper() if etype else None, date_from, date_to, limit)
    finally:
        store.close()
    if json_out:
        emit_json([{"type": r.type, "lemma": r.lemma, "documents": r.documents, "mentions": r.mentions} for r in rows])
        return
    for r in rows:
        stdout.print(f"{r.type:6} {escape(r.lemma):40} {r.documents:5} docs {r.mentions:6} mentions")


@app.command()
@handles_errors
def events(
    db: str = DbOpt,
    entity: str = typer.Option(None, help="Only events this person, organisation or place took part in (a timeline)."),
    etype: str = typer.Option(None, "--type", help="meeting, visit, statement, agreement, congratulation, ..."),
    date_from: str = typer.Option(None, "--from", help="On or after YYYY-MM-DD."),
    date_to: str = typer.Option(None, "--to", help="On or before YYYY-MM-DD."),
    limit: int = typer.Option(50, min=1, max=10000),
    json_out: bool = JsonOpt,
) -> None:
    """Events across the store, one per happening however many articles report it.

    Example: xeber events --entity "Sahibə Qafarova"
    """
    from xeber.extract.aggregate import aggregate_events, timeline
    from xeber.store import open_store

    settings = _settings(db)
    _require_store(settings)
    store = open_store(settings.db_url())
    try:
        rows = store.events(etype=etype, date_from=date_from, date_to=date_to, limit=100_000)
    finally:
        store.close()
    grouped = aggregate_events((r.doc_id, r.event) for r in rows)
    if entity:
        grouped = timeline(entity, grouped)
    grouped = grouped[:limit]
    if json_out:
        emit_json([g.to_dict() for g in grouped])
        return
    for g in grouped:
        roles = "; ".join(f"{role}: {', '.join(names)}" for role, names in g.arguments.items())
        stdout.print(
            f"{g.date or '----------'} [bold]{g.type:14}[/] {escape(roles)}"
            + (f" @ {escape(g.place)}" if g.place else "") + f"  [dim]({len(g.doc_ids)} article(s))[/]"
        )


@app.command()
@handles_errors
def serve(
    db: str = DbOpt,
    host: str = typer.Option("127.0.0.1", help="Address to listen on (0.0.0.0 for every interface)."),
    port: int = typer.Option(8000, min=1, max=65535),
) -> None:
    """Serve the HTTP API (OpenAPI docs at /docs) and the search page.

    Example: xeber serve --db news.db --port 8000
    """
    from xeber.serve import run

    settings = _settings(db)
    _require_store(settings)
    run(host, port, settings.db_url())


def main() -> None:
    try:
        app()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        error("interrupted")
        sys.exit(130)
    except Exception as e:  # the last guard: one line, no traceback (XEBER_DEBUG=1 shows it)
        if os.environ.get("XEBER_DEBUG"):
            raise
        error(f"unexpected {type(e).__name__}: {e}")
        sys.exit(1)


if __name__ == "__main__":
    main()
