"""Typo tolerance: a query word the index does not know is widened to the vocabulary terms one
edit (delete, transpose, replace, insert) away, and the most frequent one is proposed as
"did you mean". Words are compared folded, so the candidates are folded index terms."""

from __future__ import annotations

from xeber.search.query import ParsedQuery
from xeber.store.base import Store

ALPHABET = "abcdefghijklmnopqrstuvwxyz"
MIN_SUGGEST_LENGTH = 4  # shorter unknown words get no "did you mean"
MIN_EXPAND_LENGTH = 6  # words this long also match their corrections (typo tolerance)
MAX_ALTERNATIVES = 3


def edits1(word: str) -> set[str]:
    """Every string one edit away from `word` over the folded alphabet."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    transposes = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in ALPHABET}
    inserts = {a + c + b for a, b in splits for c in ALPHABET}
    return (deletes | transposes | replaces | inserts) - {word}


def _known(store: Store, surface: str, lemma: str) -> bool:
    if store.term_counts([t for t in (surface, lemma) if t]):
        return True
    return bool(store.terms_with_prefix(surface, 1))


def expand_typos(store: Store, parsed: ParsedQuery) -> dict[str, str]:
    """Give each unknown long word of `parsed` its likely corrections as alternatives; returns
    {unknown word: best correction} for every unknown word that has one (for "did you mean")."""
    corrections: dict[str, str] = {}
    for clause in parsed.clauses:
        surf = clause.words[0]
        if clause.phrase or clause.prefix or len(surf) < MIN_SUGGEST_LENGTH or not surf.isalpha():
            continue
        if _known(store, surf, clause.lemma):
            continue
        counts = store.term_counts(sorted(edits1(surf)))
        if not counts:
            continue
        ranked = sorted(counts, key=lambda t: (-counts[t], t))
        corrections[surf] = ranked[0]
        if len(surf) >= MIN_EXPAND_LENGTH:
            clause.alternatives = ranked[:MAX_ALTERNATIVES]
    return corrections
