"""One options object, built by the CLI or the server and passed down explicitly."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DB = Path.home() / ".local" / "share" / "xeber" / "xeber.db"


def default_db() -> str:
    """The store path: $XEBER_DB, else ~/.local/share/xeber/xeber.db."""
    return os.environ.get("XEBER_DB") or str(DEFAULT_DB)


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = ""  # a SQLite path or a postgresql:// URL; "" means default_db()
    # Edits below this confidence are not applied (they are still proposed in a dry run).
    min_confidence: float = 0.5
    # "auto": restore diacritics when a document lacks Azerbaijani letters; "on"/"off" force it.
    diacritics: str = "auto"
    # Fix real-word errors from context (only with strong evidence).
    real_words: bool = True

    def db_url(self) -> str:
        return self.db or default_db()
