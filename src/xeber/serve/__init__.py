"""`xeber serve`: the HTTP API and web page. `create_app(settings)` builds the FastAPI app;
`run(host, port, db)` serves it with uvicorn."""

from __future__ import annotations

from xeber.serve.app import create_app, document_view
from xeber.settings import Settings, default_db


def run(host: str = "127.0.0.1", port: int = 8000, db: str | None = None, log_level: str = "info") -> None:
    """Serve the store `db` (default: $XEBER_DB or ~/.local/share/xeber/xeber.db) until interrupted."""
    import uvicorn

    uvicorn.run(create_app(Settings(db=db or default_db())), host=host, port=port, log_level=log_level)


__all__ = ["create_app", "document_view", "run"]
