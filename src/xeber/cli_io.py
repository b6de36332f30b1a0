"""Input and output helpers for the CLI: reading FILE or stdin, printing JSON or text, errors."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from rich.console import Console

from xeber.errors import InputError
from xeber.ingest import decode_text

stdout = Console(highlight=False, soft_wrap=True)
stderr = Console(stderr=True, highlight=False, soft_wrap=True)


def read_input(path: str) -> str:
    """The text of FILE, or of standard input when path is '-'."""
    if path == "-":
        return decode_text(sys.stdin.buffer.read(), "stdin")
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if p.is_dir():
        raise InputError(f"{path}: is a folder; give a file (or use `xeber ingest` for folders)")
    try:
        return decode_text(p.read_bytes(), path)
    except OSError as e:
        raise InputError(f"{path}: {e.strerror or e}") from e


def emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def error(message: str) -> None:
    stderr.print(f"[bold red]xeber: error:[/] {message}", markup=True, highlight=False)
