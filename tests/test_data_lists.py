"""The one-per-line lists under xeber/data read cleanly: no comments, blanks or repeated entries."""

from __future__ import annotations

from importlib import resources

import pytest

from xeber.data import read_list

LISTS = sorted(
    f"{folder}/{f.name}"
    for folder in ("gazetteer", "events")
    for f in resources.files("xeber.data").joinpath(folder).iterdir()
    if f.name.endswith(".txt")
)


def test_read_list_skips_comments_and_blank_lines() -> None:
    entries = read_list("events/documents.txt")
    assert entries[0] == "memorandum\tagreement"
    assert "fərman\tdecree" in entries
    assert not any(e.startswith("#") or not e.strip() for e in entries)


@pytest.mark.parametrize("path", LISTS)
def test_list_has_no_repeated_entries(path: str) -> None:
    entries = read_list(path)
    assert entries, path
    assert sorted({e for e in entries if entries.count(e) > 1}) == []
