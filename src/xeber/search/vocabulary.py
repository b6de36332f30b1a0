"""Query words checked against the index vocabulary (folded terms).

- Lemmas without the morphology: a word the lemmatizer leaves as it is (a diacritic-free
  `seferinden`, a name it does not know) gets as its lemma the longest prefix of it that is a
  lemma in the index (`sefer`), so folded queries reach lemmas too.
- Common words: a word whose lemma is in COMMON_LEMMA_DOCS documents or more matches its lemma
  and its exact form only (no prefix expansion), which keeps queries fast in large indexes.
- Typo tolerance: a word the index does not know is widened to the vocabulary terms one edit
  (delete, transpose, replace, insert) away, and the most frequent one is proposed as "did you mean".
"""

from __future__ import annotations

from xeber.search.query import HYPHEN, ParsedQuery
from xeber.store.base import Store

ALPHABET = "abcdefghijklmnopqrstuvwxyz"
MIN_SUGGEST_LENGTH = 4  # shorter unknown words get no "did you mean"
MIN_EXPAND_LENGTH = 6  # words this long also match their corrections (typo tolerance)
MAX_ALTERNATIVES = 3
MIN_LEMMA_LENGTH = 3
MIN_UNKNOWN_LEMMA_WORD = 5  # shorter words are not cut down to a lemma
# A word whose lemma is in this many documents is matched by lemma and exact form, not as a prefix.
COMMON_LEMMA_DOCS = 1000


def min_lemma_length(word: str) -> int:
    """A found lemma keeps at least half of the word: suffix chains are long, but not longer."""
    return max(MIN_LEMMA_LENGTH, (len(word) + 1) // 2)


def resolve_lemmas(store: Store, parsed: ParsedQuery) -> None:
    """Give each word whose lemma is not in the index the longest indexed lemma it starts with; turn
    off prefix expansion for words with a common lemma and the lemma-column match of a typed form
    that is no indexed lemma (it would match nothing and cost a posting-list walk)."""
    todo = [c for c in parsed.clauses if not c.phrase and not c.prefix and c.words[0]]
    if not todo:
        return
    # a hyphenated word (alman-azerbaycan) is reached through the last part of its lemma
    last = {c.lemma: HYPHEN.split(c.lemma)[-1] for c in todo if c.lemma}
    known = store.lemma_counts([t for c in todo for t in (c.lemma, c.words[0], last.get(c.lemma)) if t])
    candidates: dict[str, list[str]] = {}
    for c in todo:
        surf = c.words[0]
        if not surf.isalpha() or (c.lemma and c.lemma in known) or surf in known or len(surf) < MIN_UNKNOWN_LEMMA_WORD:
            continue
        candidates[surf] = [surf[:k] for k in range(len(surf) - 1, min_lemma_length(surf) - 1, -1)]
    found = store.lemma_counts([p for ps in candidates.values() for p in ps]) if candidates else {}
    for c in todo:
        best = next((p for p in candidates.get(c.words[0], []) if p in found), None)
        if best:
            c.lemma = best
        key = last.get(c.lemma, c.lemma)
        if max(known.get(key, 0), found.get(key, 0)) >= COMMON_LEMMA_DOCS:
            c.expand = False  # a folded `portali` may have found its lemma `portal` only now
        if c.words[0].isalpha() and c.words[0] not in known:
            c.surface_lemma = False


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
