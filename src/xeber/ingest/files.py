"""Sources on disk: files and folders (walked recursively) become Documents."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from xeber.document import Document
from xeber.errors import InputError
from xeber.ingest.text import decode_text, markdown_title

Loader = Callable[[Path], list[Document]]


def load_text_file(path: Path) -> list[Document]:
    text = decode_text(path.read_bytes(), str(path))
    if not text.strip():
        raise InputError(f"{path}: empty document")
    return [Document(text=text, source=str(path), title=markdown_title(text))]


# Extension → loader. Other modules register more (html, feeds, images, pdf, jsonl, csv).
LOADERS: dict[str, Loader] = {".txt": load_text_file, ".md": load_text_file, ".markdown": load_text_file}


@dataclass(slots=True)
class Failure:
    source: str
    reason: str


def iter_files(paths: list[str]) -> Iterator[Path | Failure]:
    """Every loadable file under `paths` (sorted, recursive); a Failure for each path that is
    missing or has no loader when named directly."""
    for p in paths:
        path = Path(p)
        if not path.exists():
            yield Failure(p, "no such file or folder")
        elif path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and f.suffix.lower() in LOADERS and not any(part.startswith(".") for part in f.relative_to(path).parts):
                    yield f
        elif path.suffix.lower() in LOADERS:
            yield path
        else:
            yield Failure(p, f"unsupported file type {path.suffix or '(none)'}; supported: {', '.join(sorted(LOADERS))}")


def load_path(path: Path) -> list[Document]:
    loader = LOADERS.get(path.suffix.lower())
    if loader is None:
        raise InputError(f"{path}: unsupported file type")
    try:
        return loader(path)
    except OSError as e:
        raise InputError(f"{path}: {e.strerror or e}") from e
