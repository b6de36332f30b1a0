"""The CLI contract: each command, its --json shape, and clear errors on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from xeber.cli import app

runner = CliRunner()
ARTICLE = "# Başlıq\n\nMilli Məclisin Sədri Qaza-\n\nxistana səfər edib. Bakıda görüş olub.\n"


def run(*args: str, input: str | bytes | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=input)


def run_process(*args: str, input: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "xeber.cli", *args], input=input, capture_output=True, timeout=120)


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    p = tmp_path / "article.md"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


def test_normalize_json_shape_and_offsets(article: Path) -> None:
    res = run("normalize", str(article), "--json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert "Qazaxıstana" in data["text"]
    # the line-break hyphen is removed by an edit recorded against the original offsets
    hyph = [e for e in data["edits"] if "-\n\n" in e["original"]]
    assert len(hyph) == 1 and "-" not in hyph[0]["replacement"]
    assert ARTICLE[hyph[0]["start"] : hyph[0]["end"]] == hyph[0]["original"]
    assert set(hyph[0]) == {"start", "end", "original", "replacement", "kind", "confidence"}


def test_normalize_plain_text_from_stdin() -> None:
    res = run("normalize", "-", input="Qaza-\nxistana")
    assert res.exit_code == 0
    assert res.stdout == "Qazaxıstana\n"


def test_extract_json_shape(article: Path) -> None:
    res = run("extract", str(article), "--json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert set(data) == {"text", "entities", "events"}
    assert data["entities"], "the article names people and places"
    for e in data["entities"]:
        assert data["text"][e["start"] : e["end"]] == e["text"]
        assert {"text", "lemma", "type", "start", "end"} <= set(e)


def test_ingest_search_show(tmp_path: Path, article: Path) -> None:
    db = str(tmp_path / "x.db")
    res = run("ingest", str(article), "--db", db, "--json")
    assert res.exit_code == 0, res.output
    report = json.loads(res.stdout)
    assert (report["added"], report["failed"]) == (1, [])
    res = run("search", "qazaxistan", "--db", db, "--json")
    data = json.loads(res.stdout)
    assert data["total"] == 1
    hit = data["hits"][0]
    assert set(hit) >= {"id", "title", "score", "snippet", "published", "source"}
    assert hit["title"] == "Başlıq"
    res = run("show", hit["id"][:8], "--db", db, "--json")
    assert res.exit_code == 0
    assert json.loads(res.stdout)["text"] == ARTICLE


def test_ingest_reports_bad_file_and_keeps_the_rest(tmp_path: Path, article: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\xfa broken \x80 bytes")
    db = str(tmp_path / "x.db")
    res = run("ingest", str(article), str(bad), "--db", db, "--json")
    assert res.exit_code == 0
    report = json.loads(res.stdout)
    assert report["added"] == 1
    assert [f["source"] for f in report["failed"]] == [str(bad)]
    assert "UTF-8" in report["failed"][0]["reason"]


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["normalize", "/nonexistent/file.txt"], None, "no such file"),
        (["normalize", "-"], b"\x00\x01\x02binary\x00garbage" * 10, "binary"),
        (["normalize", "-"], b"caf\xe9 latin-1", "not valid UTF-8"),
        (["search", "qazaxistan", "--db", "/nonexistent/dir/x.db"], None, "no store"),
        (["ingest", "/nonexistent/folder"], None, "no such file or folder"),
    ],
)
def test_errors_are_one_line_and_non_zero(args: list[str], stdin: bytes | None, message: str, tmp_path: Path) -> None:
    if args[0] == "ingest":
        args = [*args, "--db", str(tmp_path / "x.db")]
    proc = run_process(*args, input=stdin)
    err = proc.stderr.decode()
    assert proc.returncode != 0
    assert "Traceback" not in err
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_empty_input_gives_empty_output() -> None:
    res = run("extract", "-", "--json", input="")
    assert res.exit_code == 0
    assert json.loads(res.stdout) == {"text": "", "entities": [], "events": []}


def test_bad_query_is_a_clear_error(tmp_path: Path, article: Path) -> None:
    db = str(tmp_path / "x.db")
    run("ingest", str(article), "--db", db)
    proc = run_process("search", '"unbalanced', "--db", db)
    assert proc.returncode != 0 and "unbalanced quote" in proc.stderr.decode()
    proc = run_process("search", "x" * 5000, "--db", db)
    assert proc.returncode != 0 and "too long" in proc.stderr.decode()
