"""The committed lexicon: word forms with counts and trust, and the stems the grammar builds on.

File format (``data/lexicon/lexicon.tsv.gz``, built by ``scripts/build_lexicon.py``), one line per
lower-case form: ``form<TAB>count<TAB>trust<TAB>pos<TAB>flags``.

- count: corpus frequency of the form (estimated below 410 when only ranked lists hold it).
- trust: 0 = demoted (a misspelling: a diacritic-restored variant is far more frequent, or letters that
  Azerbaijani does not use), 1 = weak (only in the web-crawl OCR list), 2 = attested once,
  3 = attested by several sources.
- pos: empty when the form is not a stem; otherwise letters N (nominal), V (verb), P (proper name).
- flags: K = final k/q softens before a vowel (çörək→çörəyi), k = it does not (park→parkı),
  D = the last vowel drops before a vowel (ağız→ağzı), T = final t voices before a vowel (get→gedir),
  Y = a y, not the s/n buffer, before a vowel (su→suyu, suyun).
"""

from __future__ import annotations

import gc
import gzip
from dataclasses import dataclass
from pathlib import Path

DEFAULT_PATH = Path(__file__).resolve().parents[1] / "data" / "lexicon" / "lexicon.tsv.gz"

TRUST_DEMOTED = 0
TRUST_WEAK = 1
TRUST_ATTESTED = 2
TRUST_CONFIRMED = 3


@dataclass(frozen=True, slots=True)
class Stem:
    lemma: str  # the dictionary form of the stem (lower-case; verbs without -maq)
    pos: str  # "N", "V" or "P"
    trust: int
    count: int
    before_vowel: bool | None  # True: this surface only before a vowel; False: never before one


@dataclass
class Lexicon:
    counts: dict[str, str]  # form -> corpus count (digits; parsed on access, which keeps loading fast)
    trusts: dict[str, str]  # form -> trust level digit
    stem_pos: dict[str, str]  # stem form -> POS letters
    flags: dict[str, str]  # stem form -> alternation flags (only stems that have some)
    alternates: dict[str, list[tuple[str, bool | None]]]  # altered surface -> (stem form, before_vowel)

    def count(self, form: str) -> int:
        c = self.counts.get(form)
        return 0 if c is None else int(c)

    def trust(self, form: str) -> int | None:
        t = self.trusts.get(form)
        return None if t is None else _TRUST_INT[t]

    def stems_at(self, surface: str) -> list[Stem]:
        """Stems that can appear as `surface` inside a word (bulağ- → bulaq, ağz- → ağız, ged- → get)."""
        out: list[Stem] = []
        pos = self.stem_pos.get(surface)
        if pos is not None:
            soft = "K" in self.flags.get(surface, "")
            t, c = _TRUST_INT[self.trusts[surface]], int(self.counts[surface])
            out.extend(Stem(surface, p, t, c, False if soft and p != "V" else None) for p in pos)
        for form, before_vowel in self.alternates.get(surface, ()):
            t, c = _TRUST_INT[self.trusts[form]], int(self.counts[form])
            # k/q softening and vowel drop are nominal alternations, t→d a verbal one
            verbal = surface[-1] == "d" and form[-1] == "t"
            out.extend(Stem(form, p, t, c, before_vowel) for p in self.stem_pos[form] if (p == "V") == verbal)
        return out

    def add(self, lines: list[str]) -> None:
        """Merge more rows (used while building the lexicon)."""
        other = parse_lines(lines)
        self.counts.update(other.counts)
        self.trusts.update(other.trusts)
        self.stem_pos.update(other.stem_pos)
        self.flags.update(other.flags)
        for k, v in other.alternates.items():
            self.alternates.setdefault(k, []).extend(v)


def _alternate_surfaces(form: str, flags: str) -> list[tuple[str, bool]]:
    """Altered surfaces of a stem before a vowel: softened k/q, dropped vowel, voiced t."""
    out: list[tuple[str, bool]] = []
    last = form[-1]
    if "K" in flags and last in "kq":
        out.append((form[:-1] + ("y" if last == "k" else "ğ"), True))
    if "D" in flags and len(form) > 3:
        out.append((form[:-2] + form[-1], True))
    if "T" in flags and last == "t":
        out.append((form[:-1] + "d", True))
    if "Y" in flags and last in "aıoueəiöü":
        out.append((form + "y", True))
    return out


def parse_lines(lines: list[str]) -> Lexicon:
    return parse_text("\n".join(lines))


_TRUST_INT = {"0": 0, "1": 1, "2": 2, "3": 3}


def parse_text(text: str) -> Lexicon:
    # One C-level split over the whole file and no per-row Python work: loading stays well under a second.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _parse_cells(text)
    finally:
        if gc_was_enabled:
            gc.enable()


def _parse_cells(text: str) -> Lexicon:
    cells = text.replace("\n", "\t").split("\t")
    if cells and cells[-1] == "":
        cells.pop()
    words = cells[0::5]
    counts = dict(zip(words, cells[1::5], strict=False))
    trusts = dict(zip(words, cells[2::5], strict=False))
    pos_col, flag_col = cells[3::5], cells[4::5]
    stem_pos = {w: p for w, p in zip(words, pos_col, strict=False) if p}
    flags = {w: f for w, f in zip(words, flag_col, strict=False) if f}
    alternates: dict[str, list[tuple[str, bool | None]]] = {}
    for w, f in flags.items():
        if w in stem_pos:
            for surface, before_vowel in _alternate_surfaces(w, f):
                alternates.setdefault(surface, []).append((w, before_vowel))
    return Lexicon(counts, trusts, stem_pos, flags, alternates)


def load(path: Path = DEFAULT_PATH) -> Lexicon:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return parse_text(f.read())
