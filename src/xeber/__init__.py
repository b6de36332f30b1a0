"""xeber: Azerbaijani news toolkit — ingest, repair OCR and typing errors, extract entities and
events, and search.

    >>> import xeber
    >>> xeber.normalize("Qaza-\\n\\nxistana").text
    'Qazaxistana'
"""

import logging

from xeber.api import extract, ingest, normalize, process, search
from xeber.document import Argument, Document, Entity, Event
from xeber.errors import InputError, QueryError, StoreError, XeberError
from xeber.settings import Settings
from xeber.text.edits import Edit

logging.getLogger(__name__).addHandler(logging.NullHandler())

__version__ = "0.1.0"
__all__ = [
    "Argument", "Document", "Edit", "Entity", "Event", "InputError", "QueryError", "Settings",
    "StoreError", "XeberError", "extract", "ingest", "normalize", "process", "search",
]
