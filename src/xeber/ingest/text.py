"""Reading text safely: bytes to str with a clear error for binary or undecodable input."""

from __future__ import annotations

import re

from xeber.errors import InputError

MAX_TEXT_BYTES = 20 * 1024 * 1024
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_HEADING = re.compile(r"^\s*#\s+(.+?)\s*#*\s*$", re.MULTILINE)


def decode_text(data: bytes, name: str = "input", max_bytes: int | None = MAX_TEXT_BYTES) -> str:
    """UTF-8 (with or without BOM) text, or an InputError saying why it is not text.
    `max_bytes=None` lifts the size limit (exports of many articles)."""
    if max_bytes is not None and len(data) > max_bytes:
        raise InputError(f"{name}: {len(data)} bytes is larger than the {max_bytes}-byte limit for a text document")
    if b"\x00" in data[:65536]:
        raise InputError(f"{name}: binary data, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"{name}: not valid UTF-8 (byte {e.start}); convert it to UTF-8 first") from e
    check_text(text, name)
    return text


def check_text(text: str, name: str = "input") -> None:
    """Refuse text that is mostly control characters (binary data decoded by luck)."""
    sample = text[:65536]
    if sample and len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise InputError(f"{name}: binary data, not text")


def markdown_title(text: str) -> str | None:
    """The first `# ` heading within the first lines of a text, as its title."""
    head = text[:2000]
    m = _HEADING.search(head)
    if m and not head[: m.start()].strip():
        return m.group(1).strip()
    return None
