"""Duplicate articles: exact (same content id) and near (MinHash over word shingles, LSH bands).

The same article from two feeds, or re-typed with a word changed, goes in once. A near duplicate
from the SAME source or URL is not a duplicate: it is a changed article, and the store keeps the
earlier version when it updates the record.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from xeber.document import Document
from xeber.ingest.base import Failure
from xeber.text.casing import fold

SHINGLE_WORDS = 5
NUM_PERM = 128
BANDS = 32  # 32 bands × 4 rows: pairs above ~0.45 Jaccard share a band with high probability
ROWS = NUM_PERM // BANDS
# Estimated Jaccard at which a pair counts as the same article. Templated news (the same release
# with another bank's name) reaches ~0.8, so the bar is higher: a lost article is worse than a duplicate.
THRESHOLD = 0.85
_PRIME = (1 << 61) - 1
_MASK = (1 << 64) - 1
_WORD = re.compile(r"\w+")


def _coefficients() -> list[tuple[int, int]]:
    # Fixed, derived from a hash: signatures are comparable across runs and machines.
    out = []
    for i in range(NUM_PERM):
        h = hashlib.blake2b(f"xeber-minhash-{i}".encode(), digest_size=16).digest()
        out.append((int.from_bytes(h[:8], "little") % _PRIME or 1, int.from_bytes(h[8:], "little") % _PRIME))
    return out


_COEFFS = _coefficients()


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[int]:
    """64-bit hashes of the k-word windows of the folded text (case, diacritics and punctuation
    ignored, so a re-typed copy shares its shingles)."""
    words = _WORD.findall(fold(text))
    grams = [" ".join(words[i:i + k]) for i in range(max(1, len(words) - k + 1))] if words else []
    return {int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "little") for g in grams}


def minhash(text: str) -> tuple[int, ...]:
    hashes = shingles(text)
    if not hashes:
        return tuple([_MASK] * NUM_PERM)
    return tuple(min((a * h + b) % _PRIME for h in hashes) for a, b in _COEFFS)


def similarity(sig_a: tuple[int, ...], sig_b: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity of two signatures' shingle sets."""
    return sum(x == y for x, y in zip(sig_a, sig_b, strict=True)) / NUM_PERM


def band_keys(sig: tuple[int, ...]) -> list[str]:
    return [
        f"{b}:" + hashlib.blake2b(repr(sig[b * ROWS:(b + 1) * ROWS]).encode(), digest_size=6).hexdigest()
        for b in range(BANDS)
    ]


@dataclass(slots=True)
class Duplicate:
    source: str
    of_id: str
    similarity: float  # 1.0 for an exact duplicate


@dataclass(slots=True)
class DuplicateIndex:
    """Signatures of the articles seen so far (this run, plus any seeded from the store)."""

    threshold: float = THRESHOLD
    _sigs: dict[str, tuple[int, ...]] = field(default_factory=dict)
    _keys: dict[str, str | None] = field(default_factory=dict)  # id → url or source
    _bands: dict[str, list[str]] = field(default_factory=dict)
    skipped: list[Duplicate] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self._sigs)

    def add(self, doc_id: str, text: str, key: str | None = None) -> None:
        sig = minhash(text)
        self._sigs[doc_id] = sig
        self._keys[doc_id] = key
        for band in band_keys(sig):
            self._bands.setdefault(band, []).append(doc_id)

    def match(self, doc: Document) -> Duplicate | None:
        """The earlier article `doc` duplicates, unless it comes from the same source or URL."""
        key = doc.url or doc.source
        if doc.id in self._sigs:
            if self._keys[doc.id] == key:
                return None  # the same article again from the same place: a re-run
            return Duplicate(doc.source or doc.id, doc.id, 1.0)
        sig = minhash(doc.text)
        best: tuple[float, str] | None = None
        for band in band_keys(sig):
            for other in self._bands.get(band, ()):
                sim = similarity(sig, self._sigs[other])
                if sim >= self.threshold and (best is None or sim > best[0]):
                    best = (sim, other)
        if best is None or (key is not None and self._keys[best[1]] == key):
            return None
        return Duplicate(doc.source or doc.id, best[1], round(best[0], 3))

    def filter(self, items: Iterable[Document | Failure]) -> Iterator[Document | Failure]:
        """`items` without duplicates of earlier ones; each one dropped is kept in `skipped`."""
        for item in items:
            if isinstance(item, Failure):
                yield item
                continue
            dup = self.match(item)
            if dup is not None:
                self.skipped.append(dup)
                continue
            self.add(item.id, item.text, item.url or item.source)
            yield item
