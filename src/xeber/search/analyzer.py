"""The Azerbaijani search analyzer: the same steps for documents and queries.

Each word becomes its folded surface form (lower-case, diacritics folded, so `Qazaxıstanın` and
`qazaxistanin` meet) and its folded lemma (so `Qazaxıstana` and `qazaxıstan` meet).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from xeber.store.base import IndexFields
from xeber.text.casing import fold, lower
from xeber.text.tokenize import tokenize

Lemmatizer = Callable[[str], str]


@lru_cache(maxsize=1)
def default_lemmatizer() -> Lemmatizer:
    """The morphology's lemma function; the identity until a lexicon is available."""
    try:
        from xeber.morph import lemma  # type: ignore[attr-defined]
    except ImportError:
        return lower
    cached = lru_cache(maxsize=200_000)(lemma)
    return cached  # type: ignore[no-any-return]


def surface_terms(text: str) -> list[str]:
    """Folded word forms, in order (punctuation dropped; hyphenated words kept whole)."""
    return [fold(t.text).replace("'", "").replace("’", "") for t in tokenize(text) if t.kind in ("word", "abbrev", "number")]


def lemma_terms(text: str, lemmatizer: Lemmatizer | None = None) -> list[str]:
    lem = lemmatizer or default_lemmatizer()
    out = []
    for t in tokenize(text):
        if t.kind in ("word", "abbrev"):
            out.append(fold(lem(t.text)))
        elif t.kind == "number":
            out.append(fold(t.text.split("-")[0]))
    return out


def index_fields(title: str | None, body: str, lemmatizer: Lemmatizer | None = None) -> IndexFields:
    title = title or ""
    return IndexFields(
        title=" ".join(surface_terms(title)),
        body=" ".join(surface_terms(body)),
        lemmas=" ".join(lemma_terms(title, lemmatizer) + lemma_terms(body, lemmatizer)),
    )
