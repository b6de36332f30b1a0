"""Sources → Documents with metadata."""

from xeber.ingest.base import Failure, IngestOptions
from xeber.ingest.files import LOADERS, iter_files, load_path
from xeber.ingest.text import check_text, decode_text, markdown_title

__all__ = [
    "LOADERS", "Failure", "IngestOptions", "check_text", "decode_text", "iter_files", "load_path", "markdown_title",
]
