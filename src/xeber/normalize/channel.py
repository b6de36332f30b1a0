"""The error model: what it costs (−log probability) that a right word was written as a wrong one.

Costs are learned: `ocr_confusions.tsv` from Tesseract misreadings of rendered words, and
`typing_confusions.tsv` from spellings typed without Azerbaijani letters (both built by
scripts/build_normalize_models.py). An operation gets the cheaper of its two channel costs; a key struck
for its neighbour on the Azerbaijani keyboard gets a set rate (KEY_SLIP) where no channel is cheaper;
operations seen in neither get a flat cost.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from importlib import resources

# Probability of an operation never seen in training (per character).
UNSEEN_SUB = 1e-3
UNSEEN_INDEL = 5e-4
TRANSPOSE = 2e-3
# A letter typed twice or a doubled letter typed once (ggov, haqında): common slips of typing
DOUBLING = 1e-3
# The typing table counts letters inside spelling-variant pairs, which over-states how often a letter
# is dropped; this rate turns it into a per-letter probability in text typed without diacritics.
TYPING_RATE = 0.05
OCR_FLOOR = 1e-5
# A key struck for its neighbour on the Azerbaijani keyboard (ekan for elan, balnasla for balansla): the
# commonest slip of real typing after dropped diacritics. Its rate is set, not learned (no corpus of
# real Azerbaijani typos is ours to learn from), about twice an unseen substitution's.
KEY_SLIP = 2e-3
# A letter with an accent neither Azerbaijani nor Turkish uses (təcrübələrí, Ramín): OCR's reading of a
# speck over the plain letter, or a foreign keyboard's; cheap, as the plain letter is the only Azerbaijani
# reading (Turkish titles keep their î, â, û: Tarihî)
FOREIGN_ACCENT = 1e-2
FOREIGN_ACCENTS = {"i": "íìï", "a": "áàä", "e": "éèë", "o": "óò", "u": "úù"}
AZ_KEYBOARD_ROWS = ("qüertyuiopöğ", "asdfghjklıə", "zxcvbnmçş")


def keyboard_neighbours() -> set[tuple[str, str]]:
    """(key, key beside it in the same row) pairs of the Azerbaijani layout, both ways."""
    return {(row[i], row[i + 1]) for row in AZ_KEYBOARD_ROWS for i in range(len(row) - 1)} | {
        (row[i + 1], row[i]) for row in AZ_KEYBOARD_ROWS for i in range(len(row) - 1)}


@dataclass(slots=True)
class ErrorModel:
    sub: dict[tuple[str, str], float] = field(default_factory=dict)  # (right, wrong) -> cost
    ins: dict[str, float] = field(default_factory=dict)  # wrong char added -> cost
    dele: dict[str, float] = field(default_factory=dict)  # right char dropped -> cost
    unseen_sub: float = -math.log(UNSEEN_SUB)
    unseen_indel: float = -math.log(UNSEEN_INDEL)
    transpose: float = -math.log(TRANSPOSE)
    doubling: float = -math.log(DOUBLING)

    def sub_cost(self, right: str, wrong: str) -> float:
        return 0.0 if right == wrong else self.sub.get((right, wrong), self.unseen_sub)

    def ins_cost(self, wrong: str) -> float:
        return self.ins.get(wrong, self.unseen_indel)

    def del_cost(self, right: str) -> float:
        return self.dele.get(right, self.unseen_indel)

    def cost(self, right: str, wrong: str, limit: float = math.inf) -> float:
        """Weighted Damerau-Levenshtein cost of writing `right` as `wrong` (inf when above `limit`)."""
        if right == wrong:
            return 0.0
        right, wrong = _trim_common(right, wrong)
        n, m = len(right), len(wrong)
        ins, dele, sub = self.ins_cost, self.del_cost, self.sub_cost
        doubling = self.doubling
        prev2: list[float] = []
        prev = [0.0] * (m + 1)
        for j in range(1, m + 1):
            prev[j] = prev[j - 1] + ins(wrong[j - 1])
        for i in range(1, n + 1):
            r = right[i - 1]
            d = dele(r)
            if i > 1 and right[i - 2] == r and d > doubling:
                d = doubling  # a doubled letter typed once
            cur = [prev[0] + d] + [0.0] * m
            best = cur[0]
            for j in range(1, m + 1):
                w = wrong[j - 1]
                c = prev[j - 1] + (0.0 if r == w else sub(r, w))
                c2 = prev[j] + d
                if c2 < c:
                    c = c2
                c2 = ins(w)
                if j > 1 and wrong[j - 2] == w and c2 > doubling:
                    c2 = doubling  # a letter typed twice
                c2 += cur[j - 1]
                if c2 < c:
                    c = c2
                if i > 1 and j > 1 and r == wrong[j - 2] and right[i - 2] == w and r != w:
                    c2 = prev2[j - 2] + self.transpose
                    if c2 < c:
                        c = c2
                cur[j] = c
                if c < best:
                    best = c
            if best > limit:
                return math.inf
            prev2, prev = prev, cur
        return prev[m]


def _trim_common(right: str, wrong: str) -> tuple[str, str]:
    """Both words without their common beginning and end, less one letter on each side: the kept
    letter is the context of the doubled-letter costs (`xaab`→`xab` still deletes a doubled `a`). The
    cost of the rest is the cost of the whole, and the quadratic table shrinks to the changed part."""
    n = min(len(right), len(wrong))
    k = 0
    while k < n and right[k] == wrong[k]:
        k += 1
    s = 0
    while s < n - k and right[-1 - s] == wrong[-1 - s]:
        s += 1
    start, end = max(k - 1, 0), max(s - 1, 0)
    return right[start: len(right) - end], wrong[start: len(wrong) - end]


def _read_table(name: str) -> list[tuple[str, str, int, int]]:
    text = resources.files("xeber.data").joinpath(f"models/normalize/{name}").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if line.startswith("#") or not line.strip("\n"):
            continue
        r, w, c, total = line.split("\t")
        rows.append((r, w, int(c), int(total)))
    return rows


def load_error_model() -> ErrorModel:
    model = ErrorModel()
    probs: dict[tuple[str, str], float] = {}
    for name, scale, floor in (("ocr_confusions.tsv", 1.0, OCR_FLOOR), ("typing_confusions.tsv", TYPING_RATE, 0.0)):
        try:
            rows = _read_table(name)
        except FileNotFoundError:
            continue
        for r, w, c, total in rows:
            p = max(scale * c / max(total, 1), floor)
            probs[(r, w)] = max(probs.get((r, w), 0.0), p)
    for pair in keyboard_neighbours():
        probs[pair] = max(probs.get(pair, 0.0), KEY_SLIP)
    for right, wrongs in FOREIGN_ACCENTS.items():
        for wrong in wrongs:
            probs[(right, wrong)] = max(probs.get((right, wrong), 0.0), FOREIGN_ACCENT)
    for (r, w), p in probs.items():
        cost = -math.log(min(p, 0.5))
        if r and w:
            model.sub[(r, w)] = min(cost, model.unseen_sub)
        elif r:
            model.dele[r] = min(cost, model.unseen_indel)
        else:
            model.ins[w] = min(cost, model.unseen_indel)
    return model
