"""Word counts and the confusion-key index that speller candidates come from.

The committed counts (`data/models/normalize/words.tsv.gz`) come from MIT/Apache word lists only. When
the locally built language model is present its corpus counts are added. The morphology, when it is
installed, accepts inflections that no list holds.
"""

from __future__ import annotations

import gzip
import math
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

from xeber.text.alphabet import VOWELS

# Letters a typist or an OCR engine confuses most share one key symbol, so all spellings of a word
# that differ only in them land in the same bucket: qələbə, qəlebə, qelebe, qalaba → "qalaba".
_KEY = str.maketrans({"ə": "a", "e": "a", "ı": "i", "ö": "o", "ü": "u", "ş": "s", "ç": "c", "ğ": "g"})


FREQUENT = 3000  # count from which a word is in the frequent-word index
TYPO_RATIO = 100  # a local corpus's unknown word this much rarer than a one-key-edit neighbour is its typo
TYPO_MIN_LEN = 6
# Below this count a listed word that the morphology demotes as a misspelling (teleb, hokumetin: the
# word lists hold many) and cannot analyse counts as unknown
DEMOTED_MAX = 1000


def confusion_key(word: str) -> str:
    return word.translate(_KEY)


# Garbled words (təhlükəzliyi, sertikatına: several vowels wrong, or a vowel and a consonant) are
# found by their consonants: frequent words of some length indexed by the consonant skeleton of their
# key, and by that skeleton with one consonant dropped
SKELETON_MIN_COUNT = 1000
SKELETON_MIN_LEN = 6


# the confusion key's consonants, vowels dropped, in one pass
_SKELETON = str.maketrans({**{v: None for v in VOWELS}, "ş": "s", "ç": "c", "ğ": "g"})
_KEY_CONSONANTS = "bcdfghxjkqlmnprstvyz"  # the consonants a confusion key holds


def consonant_skeleton(word: str) -> str:
    return word.translate(_SKELETON)


class Validator(Protocol):
    def is_valid(self, word: str) -> bool: ...

    def trust(self, word: str) -> int | None: ...

    def analyze(self, word: str) -> list[Any]: ...  # analyses with a `pos` ("PROPN" for names)

    def is_suffix_chain(self, text: str) -> bool: ...  # endings only (the -yədək of Z-yədək)


@dataclass(slots=True)
class Lexicon:
    counts: dict[str, int]
    total: int
    by_key: dict[str, list[str]] = field(default_factory=dict)
    morph: Validator | None = None
    # frequent words by their key and by every key with one letter deleted (SymSpell-style), so the
    # words within one key edit of a word are found with len(word) + 1 look-ups
    frequent_deletes: dict[str, list[str]] = field(default_factory=dict)
    _skeletons: dict[str, list[str]] | None = None  # skeleton -> words; built on first use (skeleton_near)

    @classmethod
    def from_counts(cls, counts: dict[str, int], morph: Validator | None = None) -> Lexicon:
        by_key: dict[str, list[str]] = {}
        for w in counts:
            by_key.setdefault(confusion_key(w), []).append(w)
        return cls(counts, sum(counts.values()) or 1, by_key, morph, _frequent_deletes(counts))

    def add_counts(self, extra: dict[str, int]) -> None:
        """Add a corpus's counts: new words join their key's bucket, words that become frequent the
        frequent index (built before the first skeleton look-up, which indexes the final counts)."""
        for w, c in extra.items():
            old = self.counts.get(w)
            if old is None:
                self.by_key.setdefault(confusion_key(w), []).append(w)
            new = (old or 0) + c
            self.counts[w] = new
            if new >= FREQUENT > (old or 0):
                _index_deletes(self.frequent_deletes, w)
        self.total = sum(self.counts.values()) or 1

    def frequent_near(self, word: str) -> set[str]:
        """Frequent words (count ≥ FREQUENT) within one key edit of `word` (a few more, never fewer)."""
        key = confusion_key(word)
        out: set[str] = set()
        get = self.frequent_deletes.get
        for k in {key, *(key[:i] + key[i + 1 :] for i in range(len(key)))}:
            out.update(get(k, ()))
        return out

    def skeleton_near(self, word: str) -> set[str]:
        """Frequent words (count ≥ SKELETON_MIN_COUNT) whose consonant skeleton is `word`'s, or one
        consonant more or less: whatever their vowels."""
        if self._skeletons is None:
            index: dict[str, list[str]] = {}
            for w, c in self.counts.items():
                if c >= SKELETON_MIN_COUNT and len(w) >= SKELETON_MIN_LEN:
                    index.setdefault(consonant_skeleton(w), []).append(w)
            self._skeletons = index
        sk = consonant_skeleton(word)
        # the skeleton itself, less one consonant, or with one more (any consonant at any place)
        keys = {sk, *(sk[:i] + sk[i + 1:] for i in range(len(sk))),
                *(sk[:i] + c + sk[i:] for i in range(len(sk) + 1) for c in _KEY_CONSONANTS)}
        get = self._skeletons.get
        return {w for k in keys for w in get(k, ())}

    def count(self, word: str) -> int:
        return self.counts.get(word, 0)

    def logp(self, word: str) -> float:
        """Unigram log probability, with add-one smoothing over the count mass."""
        return math.log((self.counts.get(word, 0) + 1) / self.total)

    def known(self, word: str) -> bool:
        """In the word counts, or analysable by the morphology (a valid but unlisted inflection)."""
        c = self.counts.get(word)
        morph = self.morph
        if c is not None:
            return c >= DEMOTED_MAX or morph is None or morph.trust(word) != 0 or morph.is_valid(word)
        return morph is not None and morph.is_valid(word)

    def bucket(self, key: str) -> list[str]:
        return self.by_key.get(key, [])


def _frequent_deletes(counts: dict[str, int]) -> dict[str, list[str]]:
    """Frequent words by their key and by every key with one letter deleted (Lexicon.frequent_near)."""
    deletes: dict[str, list[str]] = {}
    for w, c in counts.items():
        if c >= FREQUENT:
            _index_deletes(deletes, w)
    return deletes


def _index_deletes(deletes: dict[str, list[str]], word: str) -> None:
    key = confusion_key(word)
    for k in {key, *(key[:i] + key[i + 1 :] for i in range(len(key)))}:
        deletes.setdefault(k, []).append(word)


def _read_counts(path: Path | None = None) -> dict[str, int]:
    if path is None:
        ref = resources.files("xeber.data").joinpath("models/normalize/words.tsv.gz")
        raw = ref.read_bytes()
        text = gzip.decompress(raw).decode("utf-8")
    else:
        text = gzip.decompress(path.read_bytes()).decode("utf-8")
    counts: dict[str, int] = {}
    for line in text.splitlines():
        w, _, c = line.partition("\t")
        counts[w] = int(c)
    return counts


def default_morph() -> Validator | None:
    """xeber.morph's analyzer when it is available (it is built in parallel and may be missing)."""
    try:
        from xeber.morph import Morphology  # type: ignore[attr-defined]

        return Morphology.default()  # type: ignore[no-any-return]
    except (ImportError, AttributeError, FileNotFoundError, OSError):
        return None


def load_lexicon(extra_counts: dict[str, int] | None = None, morph: Validator | None = None) -> Lexicon:
    """The committed counts, plus `extra_counts` (a local corpus's) except the corpus's own misspellings:
    a word unknown to the lists and the morphology with a far commoner neighbour (çəçivəsində,
    ərzisində) would otherwise become a known word that is never corrected."""
    lexicon = Lexicon.from_counts(_read_counts(), morph)
    if extra_counts:
        # (a long word only, and a neighbour with its first letter: short words and names are often one
        # letter from a common word, rup from rus, Rupun from qrupun)
        lexicon.add_counts({w: c for w, c in extra_counts.items()
                            if w in lexicon.counts or len(w) < TYPO_MIN_LEN or lexicon.known(w) or not any(
                                lexicon.count(n) >= TYPO_RATIO * c for n in lexicon.frequent_near(w)
                                if n != w and n[0] == w[0])})
    return lexicon
