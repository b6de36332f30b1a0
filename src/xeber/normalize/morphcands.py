"""Candidates two edits away through the morphology: an unknown word is split into a stem part and a suffix
chain, the stem part is matched against the morphology's trusted stems (same confusion key, or one key edit
away), the chain is read with any vowel harmony (and, next to an unchanged stem, with one key edit), and the
word is built again with `inflect`, so the suffixes get the stem's harmony (`diqqətine` → `diqqətinə`,
`-iyle` → `-ilə` shapes, `-ında` → `-ində` after a front stem).

Reading chains by their confusion key makes the harmony of the written chain irrelevant: the chain's morpheme
keys are what is kept, and the surface comes from the grammar.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from xeber.normalize.lexicon import confusion_key

KEY_ALPHABET = "abcdfghxijkqlmnoprstuvyz"
MIN_STEM = 3  # shortest stem part looked at
MIN_STEM_FOR_EDIT = 4  # shortest stem part corrected by a key edit
MIN_TRUST = 2  # stems at least attested
MAX_DEPTH = 6  # morphemes in a chain
_VOWELS = "aıoueəiöü"
_STATE_OF_POS = {"N": "N", "P": "N", "V": "V"}

Chain = tuple[str, ...]


def key_edits1(key: str) -> set[str]:
    """Strings one deletion, transposition, substitution or insertion away (over the key alphabet)."""
    out = set()
    for i in range(len(key) + 1):
        a, b = key[:i], key[i:]
        if b:
            out.add(a + b[1:])
            if len(b) > 1:
                out.add(a + b[1] + b[0] + b[2:])
            for c in KEY_ALPHABET:
                out.add(a + c + b[1:])
        for c in KEY_ALPHABET:
            out.add(a + c + b)
    return out


@dataclass(slots=True)
class ChainReader:
    """Reads a suffix chain by confusion key, with every harmony: the morpheme keys that spell it."""

    # state -> first key letter -> (piece key, morpheme key, next state)
    index: dict[str, dict[str, tuple[tuple[str, str, str], ...]]]
    final: frozenset[str]
    memo: dict[tuple[str, str], tuple[Chain, ...]] = field(default_factory=dict)

    @classmethod
    def from_grammar(cls, graph: dict[str, tuple[tuple[str, str], ...]], realize: Callable[..., str | None],
                     final: Iterable[str]) -> ChainReader:
        index: dict[str, dict[str, tuple[tuple[str, str, str], ...]]] = {}
        for state, moves in graph.items():
            found: dict[str, set[tuple[str, str, str]]] = {}
            for key, nxt in moves:
                for v in (*_VOWELS, None):
                    for ends_vowel in (False, True):
                        piece = realize(key, v, ends_vowel)
                        if not piece:
                            continue
                        pk = confusion_key(piece)
                        found.setdefault(pk[0], set()).add((pk, key, nxt))
                        if pk[-1] in "qk":  # a final q/k softened before a vowel (ğ/y)
                            soft = pk[:-1] + ("g" if pk[-1] == "q" else "y")
                            found.setdefault(soft[0], set()).add((soft, key, nxt))
            index[state] = {k: tuple(sorted(v)) for k, v in found.items()}
        return cls(index, frozenset(final))

    def read(self, key: str, state: str) -> tuple[Chain, ...]:
        memo_key = (key, state)
        found = self.memo.get(memo_key)
        if found is None:
            out: list[Chain] = []
            self._walk(key, 0, state, (), out)
            found = tuple(dict.fromkeys(out))
            if len(self.memo) > 300_000:
                self.memo.clear()
            self.memo[memo_key] = found
        return found

    def read_near(self, key: str, state: str) -> tuple[Chain, ...]:
        """Chains that spell `key` with one key edit inside one morpheme."""
        memo_key = ("~" + key, state)
        found = self.memo.get(memo_key)
        if found is None:
            out: list[Chain] = []
            self._walk(key, 0, state, (), out, fuzzy=True)
            found = tuple(dict.fromkeys(out))
            self.memo[memo_key] = found
        return found

    def _walk(self, key: str, i: int, state: str, path: Chain, out: list[Chain], fuzzy: bool = False) -> None:
        if i == len(key):
            if state in self.final and path:
                out.append(path)
            return
        if len(path) >= MAX_DEPTH:
            return
        moves = self.index.get(state, {})
        for pk, mkey, nxt in moves.get(key[i], ()):
            if key.startswith(pk, i):
                self._walk(key, i + len(pk), nxt, path + (mkey,), out, fuzzy)
        if not fuzzy:
            return
        for first in moves.values():
            for pk, mkey, nxt in first:
                n = len(pk)
                for size in (n - 1, n, n + 1):
                    seg = key[i:i + size]
                    if size > 0 and len(seg) == size and seg != pk and one_edit(seg, pk):
                        self._walk(key, i + size, nxt, path + (mkey,), out)


@dataclass(slots=True)
class MorphCandidates:
    """Valid words two edits (or a harmony repair) away from an unknown word, built by the morphology."""

    stems: dict[str, tuple[tuple[str, str], ...]]  # stem key -> (lemma, state)
    reader: ChainReader
    inflect: Callable[[str, Chain], str]
    known: Callable[[str], bool]
    stem_count: Callable[[str], int] = lambda _: 0
    memo: dict[str, tuple[tuple[str, int], ...]] = field(default_factory=dict)
    deletes: dict[str, list[str]] | None = None  # built on first use

    @classmethod
    def from_morphology(cls, morph: Any, known: Callable[[str], bool]) -> MorphCandidates | None:
        """From an `xeber.morph.Morphology` (None when its lexicon or grammar is not the expected shape)."""
        try:
            from xeber.morph import grammar

            lex = morph.lexicon
            stem_pos: dict[str, str] = lex.stem_pos
            trust = lex.trust
            alternates: dict[str, Iterable[tuple[str, Any]]] = getattr(lex, "alternates", {})
        except (ImportError, AttributeError):
            return None
        stems: dict[str, set[tuple[str, str]]] = {}
        for form, pos in stem_pos.items():
            if len(form) < MIN_STEM - 1 or (trust(form) or 0) < MIN_TRUST:
                continue
            states = {_STATE_OF_POS[p] for p in pos if p in _STATE_OF_POS}
            for st in states:
                stems.setdefault(confusion_key(form), set()).add((form, st))
        for surface, forms in alternates.items():  # bulağ- → bulaq, ağz- → ağız
            for form, _ in forms:
                if (trust(form) or 0) < MIN_TRUST:
                    continue
                for p in stem_pos.get(form, ""):
                    if p in _STATE_OF_POS:
                        stems.setdefault(confusion_key(surface), set()).add((form, _STATE_OF_POS[p]))
        reader = ChainReader.from_grammar(grammar.GRAPH, grammar.realize, grammar.FINAL)

        def build(lemma: str, chain: Chain) -> str:
            return str(morph.inflect(lemma, list(chain)))

        frozen = {k: tuple(sorted(v)) for k, v in stems.items()}
        return cls(frozen, reader, build, known, stem_count=morph.count, deletes=_delete_index(frozen))

    def candidates(self, word: str) -> tuple[tuple[str, int], ...]:
        """(valid word, corpus count of its stem) for valid words whose stem is `word`'s stem part (same key or one key edit away) and whose suffixes
        spell `word`'s chain by key (or one key edit away, when the stem part is right by key)."""
        found = self.memo.get(word)
        if found is None:
            found = self._candidates(word)
            if len(self.memo) > 200_000:
                self.memo.clear()
            self.memo[word] = found
        return found

    def _candidates(self, word: str) -> tuple[tuple[str, int], ...]:
        key = confusion_key(word)
        out: dict[str, int] = {}
        stems, read = self.stems, self.reader.read
        for i in range(MIN_STEM, len(key)):
            stem_key, chain_key = key[:i], key[i:]
            for lemma, state in stems.get(stem_key, ()):
                chains = read(chain_key, state)
                if not chains and len(chain_key) >= 2:
                    chains = self.reader.read_near(chain_key, state)
                self._build(lemma, chains, word, out)
            if i >= MIN_STEM_FOR_EDIT and (read(chain_key, "N") or read(chain_key, "V")):
                for near in self._near_stem_keys(stem_key):
                    for lemma, state in stems[near]:
                        self._build(lemma, read(chain_key, state), word, out)
        out.pop(word, None)
        return tuple(out.items())

    def _near_stem_keys(self, key: str) -> list[str]:
        """Stem keys one key edit from `key` (SymSpell-style: both sides with one letter deleted)."""
        if self.deletes is None:
            self.deletes = _delete_index(self.stems)
        get = self.deletes.get
        found: set[str] = set()
        for k in {key, *(key[:j] + key[j + 1:] for j in range(len(key)))}:
            found.update(get(k, ()))
        found.discard(key)
        return [k for k in found if one_edit(k, key)]

    def _build(self, lemma: str, chains: Iterable[Chain], word: str, out: dict[str, int]) -> None:
        for chain in chains:
            try:
                cand = self.inflect(lemma, chain)
            except (ValueError, KeyError):
                continue
            if cand != word and self.known(cand):
                out[cand] = max(out.get(cand, 0), self.stem_count(lemma))


def _delete_index(stems: dict[str, Any]) -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for key in stems:
        if len(key) < MIN_STEM_FOR_EDIT - 1:
            continue
        for k in {key, *(key[:j] + key[j + 1:] for j in range(len(key)))}:
            index.setdefault(k, []).append(key)
    return index


def one_edit(a: str, b: str) -> bool:
    """Whether a and b (a != b) are one substitution, insertion, deletion or adjacent transposition apart."""
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0
    while i < min(la, lb) and a[i] == b[i]:
        i += 1
    if la == lb:
        return a[i + 1:] == b[i + 1:] or (i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:])
    if la > lb:
        return a[i + 1:] == b[i:]
    return a[i:] == b[i + 1:]
