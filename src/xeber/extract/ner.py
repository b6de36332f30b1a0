"""A CRF sequence labeller (python-crfsuite) for PER/LOC/ORG/DATE, with gazetteer features.

The model is trained by `scripts/train_ner.py`. Trained on ner-wikiaz (no licence), it is written to
the git-ignored `xeber/data/models/local/ner.crfsuite` and never committed; `find_entities` uses it
when it is there and works on rules and lists alone when it is not. A model trained only on our own
text may live at `xeber/data/models/ner.crfsuite` and is used when no local one exists.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from xeber.extract.gazetteer import Gazetteer, key
from xeber.text.casing import lower

_DATA = Path(__file__).resolve().parents[1] / "data" / "models"
LOCAL_MODEL = _DATA / "local" / "ner.crfsuite"
BUNDLED_MODEL = _DATA / "ner.crfsuite"
_MONTHS = frozenset(["yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr",
                     "oktyabr", "noyabr", "dekabr"])


class _TokenLike(Protocol):
    text: str


def _shape(word: str) -> str:
    out = []
    for ch in word[:6]:
        c = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def _word_features(word: str, gaz: Gazetteer) -> dict[str, float | str]:
    return _cached_word_features(word, gaz)


@lru_cache(maxsize=65536)
def _cached_word_features(word: str, gaz: Gazetteer) -> dict[str, float | str]:
    k = key(word)
    base = k.split("-")[0].split("'")[0]
    f: dict[str, float | str] = {
        "w": k,
        "s2": k[-2:],
        "s3": k[-3:],
        "s4": k[-4:],
        "p3": k[:3],
        "shape": _shape(word),
    }
    if word[:1].isupper():
        f["cap"] = 1.0
    if len(word) > 1 and word.isupper():
        f["upper"] = 1.0
    if word.isdigit():
        f["digit"] = 1.0
        if len(word) == 4:
            f["year"] = 1.0
    stems = {base}
    for n in (1, 2, 3, 4, 5):
        if len(k) > n + 2:
            stems.add(k[:-n])
    for s in stems:
        if (s,) in gaz.countries or (s,) in gaz.places:
            f["gaz_loc"] = 1.0
        if s in gaz.first_names:
            f["gaz_first"] = 1.0
        if s in gaz.org_heads:
            f["gaz_orghead"] = 1.0
        if (s,) in gaz.titles:
            f["gaz_title"] = 1.0
        if s in _MONTHS:
            f["month"] = 1.0
    if gaz.looks_like_surname(k) or any(gaz.looks_like_surname(s) for s in stems if len(s) > 3):
        f["surname"] = 1.0
    return f


def sentence_features(words: Sequence[str], gaz: Gazetteer) -> list[dict[str, float | str]]:
    """CRF features for each word of a sentence: its own, and its neighbours' prefixed by -1/+1/-2/+2."""
    own = [_word_features(w, gaz) for w in words]
    out = []
    n = len(words)
    for i in range(n):
        f = dict(own[i])
        if i == 0:
            f["BOS"] = 1.0
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                o = own[j]
                f[f"{off}w"] = o["w"]
                f[f"{off}shape"] = o["shape"]
                for flag in ("cap", "gaz_loc", "gaz_first", "gaz_orghead", "gaz_title", "month", "surname", "year"):
                    if flag in o:
                        f[f"{off}{flag}"] = 1.0
                if abs(off) == 1:
                    f[f"{off}s3"] = o["s3"]
        if i == n - 1:
            f["EOS"] = 1.0
        out.append(f)
    return out


def _to_crf(features: list[dict[str, float | str]]) -> list[dict[str, float]]:
    """crfsuite wants numeric values: string features become name=value keys."""
    out = []
    for f in features:
        item: dict[str, float] = {}
        for name, value in f.items():
            if isinstance(value, str):
                item[f"{name}={value}"] = 1.0
            else:
                item[name] = value
        out.append(item)
    return out


def bio_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(start, end, type) token spans from IOB2 tags; a stray I- opens a span."""
    spans = []
    cur: tuple[int, str] | None = None
    for i, tag in enumerate([*tags, "O"]):
        if tag == "O" or tag.startswith("B-") or (tag.startswith("I-") and (cur is None or cur[1] != tag[2:])):
            if cur is not None:
                spans.append((cur[0], i, cur[1]))
                cur = None
            if tag != "O":
                cur = (i, tag[2:])
    return spans


class Tagger:
    def __init__(self, path: Path) -> None:
        import pycrfsuite

        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(path))
        self.path = path

    def tag(self, words: Sequence[str], gaz: Gazetteer) -> list[str]:
        if not words:
            return []
        return list(self._tagger.tag(_to_crf(sentence_features(words, gaz))))

    def spans(self, toks: Sequence[_TokenLike], gaz: Gazetteer,
              wanted: Callable[[int], bool] | None = None) -> list[tuple[int, int, str, float]]:
        """Labelled spans over `toks` (objects with `.text` and `.sent_start`), sentence by sentence;
        with `wanted(k)`, only windows around the wanted tokens are tagged."""
        out: list[tuple[int, int, str, float]] = []
        start = 0
        n = len(toks)
        for i in range(1, n + 1):
            if i == n or getattr(toks[i], "sent_start", False):
                for a0, b0 in self._windows(start, i, wanted):
                    words = [t.text for t in toks[a0:b0]]
                    tags = self.tag(words, gaz)
                    prob = self._tagger.probability(tags)
                    for a, b, type_ in bio_spans(tags):
                        out.append((a0 + a, a0 + b, type_, round(0.5 + 0.4 * prob, 3)))
                start = i
        return out

    @staticmethod
    def _windows(start: int, end: int, wanted: Callable[[int], bool] | None,
                 margin: int = 4) -> list[tuple[int, int]]:
        """The parts of a sentence worth tagging: around each wanted token, `margin` tokens each side."""
        if wanted is None:
            return [(start, end)]
        windows: list[tuple[int, int]] = []
        for k in range(start, end):
            if wanted(k):
                a, b = max(start, k - margin), min(end, k + margin + 1)
                if windows and a <= windows[-1][1]:
                    windows[-1] = (windows[-1][0], b)
                else:
                    windows.append((a, b))
        return windows


@lru_cache(maxsize=1)
def default_tagger() -> Tagger | None:
    """The local model if one was trained here, else a bundled one, else None."""
    for path in (LOCAL_MODEL, BUNDLED_MODEL):
        if path.exists():
            return Tagger(path)
    return None


def lower_words(words: Sequence[str]) -> list[str]:
    return [lower(w) for w in words]
