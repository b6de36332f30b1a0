"""Sources → Documents with metadata."""

from xeber.ingest.files import LOADERS, Failure, iter_files, load_path
from xeber.ingest.text import check_text, decode_text, markdown_title

__all__ = ["LOADERS", "Failure", "check_text", "decode_text", "iter_files", "load_path", "markdown_title"]
