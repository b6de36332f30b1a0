"""A CRF sequence labeller (python-crfsuite) for PER/LOC/ORG/DATE.

Features per word: the folded word, prefixes and suffixes of 1-5 letters, shape, capitals and digits, the
morphology's lemma, part of speech and last ending (`xeber.morph`), whether the lower-cased word is a common
word, our lists (places, first names, surname shapes, organisation heads, titles, months), whether the
capitalised run the word sits in ends in an organisation head; the same for neighbours within two words,
with conjunctions. Stacked models also see the tags the rules of `xeber.extract.entities` gave the sentence.

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
from xeber.morph import Morphology
from xeber.text.casing import lower
from xeber.text.dates import MONTHS

_DATA = Path(__file__).resolve().parents[1] / "data" / "models"
LOCAL_MODEL = _DATA / "local" / "ner.crfsuite"
BUNDLED_MODEL = _DATA / "ner.crfsuite"
_MONTHS = frozenset(MONTHS)


class _TokenLike(Protocol):
    text: str


def _shape(word: str) -> str:
    out: list[str] = []
    for ch in word[:6]:
        c = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def word_features(word: str, gaz: Gazetteer) -> dict[str, float | str]:
    """The CRF's features of one word on its own (cached; do not mutate)."""
    return _cached_word_features(word, gaz)


def _count_bucket(n: int) -> str:
    return "0" if n == 0 else "1" if n < 10 else "2" if n < 100 else "3" if n < 1000 else "4" if n < 10000 else "5"


@lru_cache(maxsize=131072)
def _cached_word_features(word: str, gaz: Gazetteer) -> dict[str, float | str]:
    k = key(word)
    base = k.split("-")[0].split("'")[0]
    f: dict[str, float | str] = {"w": k, "shape": _shape(word), "len": str(min(len(word), 12))}
    for n in (1, 2, 3, 4, 5):
        if len(k) > n:
            f[f"s{n}"] = k[-n:]
            f[f"p{n}"] = k[:n]
    if word[:1].isupper():
        f["cap"] = 1.0
    if len(word) > 1 and word.isupper():
        f["upper"] = 1.0
    if any(c.isdigit() for c in word):
        f["hasdigit"] = 1.0
    if word.isdigit():
        f["digit"] = 1.0
        if len(word) == 4:
            f["year"] = 1.0
        elif len(word) <= 2:
            f["day"] = 1.0
    if "-" in word[1:]:
        f["hyphen"] = 1.0
    if not any(c.isalnum() for c in word):
        f["punct"] = 1.0
    # morphology: the lemma, part of speech and last case/possessive ending; common lower-case words
    found = _morph().analyze(word) if any(c.isalpha() for c in word) else []
    if found:
        a = found[0]
        f["lemma"] = key(a.lemma)
        f["pos"] = a.pos or "-"
        f["suf"] = a.suffixes[-1] if a.suffixes else "-"
        f["sufs"] = "+".join(a.suffixes[-2:]) if a.suffixes else "-"
        if any(x.pos == "PROPN" for x in found[:3]):
            f["propn"] = 1.0
    else:
        f["nomorph"] = 1.0
    if word[:1].isupper() and _common_lower(k):
        f["common"] = 1.0  # Universitet, Respublika: a capitalised common noun
    f["freq"] = _count_bucket(_morph().count(word))
    stems = {base}
    for n in (1, 2, 3, 4, 5):
        if len(k) > n + 2:
            stems.add(k[:-n])
    if found:
        stems.add(key(found[0].lemma))
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


@lru_cache(maxsize=1)
def _morph() -> Morphology:
    return Morphology.default()


@lru_cache(maxsize=131072)
def _common_lower(word_key: str) -> bool:
    """The word, lower-cased, is a known common word (not only a name)."""
    found = _morph().analyze(word_key)
    return bool(found) and found[0].pos not in ("PROPN", "ABBR") and _morph().count(word_key) >= 20


_NEIGHBOUR_FLAGS = ("cap", "upper", "digit", "year", "punct", "gaz_loc", "gaz_first", "gaz_orghead", "gaz_title",
                    "month", "surname", "propn", "common")


def sentence_features(words: Sequence[str], gaz: Gazetteer,
                      rule_tags: Sequence[str] | None = None) -> list[dict[str, float | str]]:
    """CRF features for each word of a sentence: its own, and its neighbours' prefixed by -1/+1/-2/+2.
    `rule_tags` (IOB2 tags from the rules, for stacking) add the rules' opinion as features."""
    own = [word_features(w, gaz) for w in words]
    out = []
    n = len(words)
    ahead = _runs_ahead(words, own)
    for i in range(n):
        f = dict(own[i])
        f["pos_i"] = str(min(i, 3))
        if i == 0:
            f["BOS"] = 1.0
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                o = own[j]
                f[f"{off}w"] = o["w"]
                f[f"{off}shape"] = o["shape"]
                for flag in _NEIGHBOUR_FLAGS:
                    if flag in o:
                        f[f"{off}{flag}"] = 1.0
                if "pos" in o:
                    f[f"{off}pos"] = o["pos"]
                    f[f"{off}suf"] = o["suf"]
                if abs(off) == 1:
                    f[f"{off}s3"] = o.get("s3", o["w"])
                    f[f"{off}lemma"] = o.get("lemma", o["w"])
            else:
                f[f"{off}w"] = "<pad>"
        # conjunctions with the neighbours
        f["-1w|w"] = f"{f['-1w']}|{f['w']}"
        f["w|+1w"] = f"{f['w']}|{f['1w']}"
        f["caps"] = "".join("C" if 0 <= i + o < n and "cap" in own[i + o] else "-" for o in (-1, 0, 1))
        if "lemma" in f and i + 1 < n:
            f["lemma|+1lemma"] = f"{f['lemma']}|{own[i + 1].get('lemma', own[i + 1]['w'])}"
        if i == n - 1:
            f["EOS"] = 1.0
        if ahead[i]:
            f["run"] = ahead[i]
            f["run|shape"] = f"{ahead[i]}|{f['shape']}"
        if rule_tags is not None:
            r = rule_tags[i]
            f["rule"] = r
            f["rule_t"] = r[2:] if r != "O" else "O"
            for off in (-1, 1):
                if 0 <= i + off < n:
                    f[f"{off}rule"] = rule_tags[i + off]
            if 0 < i:
                f["rule-1|rule"] = f"{rule_tags[i - 1]}|{r}"
        out.append(f)
    return out


_IN_NAME = frozenset(["və", "adına", "\"", "“", "”", "«", "»", "-"])


def _runs_ahead(words: Sequence[str], own: list[dict[str, float | str]]) -> list[str]:
    """For each word of a capitalised run (quotes, `və`, `adına` and hyphens inside it), how the run ends:
    `org` when its last capitalised word is an organisation head (the name reaches it), `in`/`head` positions,
    so the CRF sees the head a long name ends in before it reaches it."""
    n = len(words)
    out = [""] * n
    i = 0
    while i < n:
        if "cap" not in own[i] and words[i] not in ("\"", "“", "«"):
            i += 1
            continue
        j = i
        last_cap = i
        while j < n and ("cap" in own[j] or "hasdigit" in own[j] or (words[j] in _IN_NAME and j + 1 < n)):
            if "cap" in own[j]:
                last_cap = j
            j += 1
        heads = [k for k in range(i, last_cap + 1) if "gaz_orghead" in own[k] and "cap" in own[k]]
        if heads and heads[-1] > i:
            for k in range(i, heads[-1]):
                out[k] = "org"
            out[heads[-1]] = "orghead"
        elif last_cap > i:
            for k in range(i, last_cap + 1):
                out[k] = "cap" + ("1" if k == i else "n" if k == last_cap else "m")
        i = max(j, i + 1)
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
        # a model trained with the rules' tags as features (scripts/train_ner.py --stack) knows their names
        self.stacked = any(attr.startswith("rule=") for attr, _ in self._tagger.info().state_features)

    def tag(self, words: Sequence[str], gaz: Gazetteer, rule_tags: Sequence[str] | None = None) -> list[str]:
        if not words:
            return []
        return list(self._tagger.tag(_to_crf(sentence_features(words, gaz, rule_tags if self.stacked else None))))

    def spans(self, toks: Sequence[_TokenLike], gaz: Gazetteer, wanted: Callable[[int], bool] | None = None,
              rule_tags: Sequence[str] | None = None) -> list[tuple[int, int, str, float]]:
        """Labelled spans over `toks` (objects with `.text` and `.sent_start`), sentence by sentence;
        with `wanted(k)`, only windows around the wanted tokens are tagged."""
        out: list[tuple[int, int, str, float]] = []
        start = 0
        n = len(toks)
        for i in range(1, n + 1):
            if i == n or getattr(toks[i], "sent_start", False):
                for a0, b0 in self._windows(start, i, wanted):
                    words = [t.text for t in toks[a0:b0]]
                    tags = self.tag(words, gaz, None if rule_tags is None else rule_tags[a0:b0])
                    for a, b, type_ in bio_spans(tags):
                        # how sure the model is of this span: its least sure tag's marginal, the
                        # word after it included (a span that might run on is less sure)
                        sure = min(self._tagger.marginal(tags[k], k) for k in range(a, min(b + 1, len(tags))))
                        out.append((a0 + a, a0 + b, type_, round(0.5 + 0.4 * sure, 3)))
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
