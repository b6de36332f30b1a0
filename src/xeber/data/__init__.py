"""Data files shipped with xeber (lists, lexicon, models), read by generic code."""

from __future__ import annotations

from importlib import resources


def read_list(path: str) -> list[str]:
    """The entries of a one-per-line list under xeber/data (`gazetteer/places.txt`): stripped lines,
    without blank lines and `#` comments."""
    text = resources.files("xeber.data").joinpath(path).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
