"""Normalization benchmark (issue 4). Run from the project root:

    .venv/bin/python bench/normalize_bench.py [--split test|tune] [--articles N] [--out bench/results/normalize.md]

Dev news articles are split by position: i % 3 == 0 trains the local language model
(scripts/train_normalize_lm.py), 1 is for tuning, 2 for the reported figures. Noise comes from
bench/normalize_noise.py. A word of the clean text is *corrupted* when the noise changed it, *restored*
when it comes back exactly; a clean word is *wrongly changed* when the output differs there. SymSpell
(symspellpy) over the same word counts runs on the same inputs as the baseline.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))

from common import SHARED, dev_news, machine  # noqa: E402
from normalize_noise import NoiseRates, corrupt  # noqa: E402

from xeber.normalize import Normalizer  # noqa: E402
from xeber.normalize.alignment import align_chars  # noqa: E402
from xeber.normalize.context import local_lm_path  # noqa: E402
from xeber.settings import Settings  # noqa: E402
from xeber.text.casing import lower, match_case  # noqa: E402
from xeber.text.edits import Edit, apply_edits  # noqa: E402
from xeber.text.tokenize import tokenize  # noqa: E402

SEED_GOLD = ROOT / "tests" / "normalize" / "data" / "seed_gold.tsv"
SEED = SHARED / "seed" / "000_4baf47b5144409af.txt"


@dataclass
class Score:
    corrupted: int = 0
    restored: int = 0
    clean: int = 0
    changed: int = 0
    # of `changed`: a word the noise did not touch, invalid in the source (the corpus has its own typos)
    # and valid after the change; likely a real fix of the source, counted apart
    changed_fixes: int = 0
    chars: int = 0
    errs_before: int = 0
    errs_after: int = 0
    tokens: int = 0
    seconds: float = 0.0

    def row(self, name: str) -> str:
        valid_changed = self.changed - self.changed_fixes
        return (
            f"| {name} | {self.restored}/{self.corrupted} = {100 * self.restored / max(self.corrupted, 1):.1f}% "
            f"| {self.changed}/{self.clean} = {100 * self.changed / max(self.clean, 1):.2f}% "
            f"| {valid_changed}/{self.clean} = {100 * valid_changed / max(self.clean, 1):.2f}% "
            f"| {100 * self.errs_before / max(self.chars, 1):.2f}% | {100 * self.errs_after / max(self.chars, 1):.2f}% "
            f"| {self.tokens / max(self.seconds, 1e-9):,.0f} |"
        )


def _equal_positions(a: list[str], b: list[str]) -> tuple[set[int], dict[int, str]]:
    """Positions of `a` kept in `b`, and for one-for-one replacements the word of `b` at a position."""
    sm = SequenceMatcher(None, a, b, autojunk=False)
    out: set[int] = set()
    replaced: dict[int, str] = {}
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            out.update(range(i1, i2))
        elif tag == "replace" and i2 - i1 == j2 - j1:
            replaced.update((i1 + k, b[j1 + k]) for k in range(i2 - i1))
        elif tag == "replace" and i2 - i1 == 1:
            replaced[i1] = " ".join(b[j1:j2])  # one word split in several
    return out, replaced


_EDGE_PUNCT = re.compile(r"^\W+|\W+$")


def _source_fix(before: str, after: str | None, valid: Callable[[str], bool] | None) -> bool:
    """A change of a lexicon-invalid source word into a valid one (a likely fix of the corpus's own typo)."""
    if after is None or valid is None:
        return False
    a, parts = _EDGE_PUNCT.sub("", before), [_EDGE_PUNCT.sub("", w) for w in after.split()]
    return (bool(a) and a.isalpha() and not valid(lower(a))
            and all(b and b.isalpha() and valid(lower(b)) for b in parts))


def _char_errors(ref: str, hyp: str) -> int:
    """Character edit distance, computed segment-wise over a word alignment (fast, near exact)."""
    a, b = ref.split(), hyp.split()
    sm = SequenceMatcher(None, a, b, autojunk=False)
    total = 0
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag != "equal":
            total += sum(1 for x, y in align_chars(" ".join(a[i1:i2]), " ".join(b[j1:j2])) if x != y)
    return total


def lexicon_valid(normalizer: Normalizer) -> Callable[[str], bool]:
    """The validity oracle of the clean-change split: xeber.morph accepts the form, or the frequency
    lists count it at least 100 times (the word lists alone hold many misspellings)."""
    morph, counts = normalizer.lexicon.morph, normalizer.lexicon.counts
    return lambda w: counts.get(w, 0) >= 100 or (morph is not None and morph.is_valid(w))


def score_pair(ref: str, noisy: str, out: str, s: Score, valid: Callable[[str], bool] | None = None) -> None:
    r, n, o = ref.split(), noisy.split(), out.split()
    same_noisy, _ = _equal_positions(r, n)
    same_out, replaced = _equal_positions(r, o)
    for i in range(len(r)):
        if i in same_noisy:
            s.clean += 1
            if i not in same_out:
                s.changed += 1
                s.changed_fixes += _source_fix(r[i], replaced.get(i), valid)
        else:
            s.corrupted += 1
            s.restored += i in same_out
    s.chars += len(ref)
    s.errs_before += _char_errors(ref, noisy)
    s.errs_after += _char_errors(ref, out)


class SymSpellBaseline:
    """symspellpy over xeber's word counts: every unknown word becomes its top suggestion (distance ≤ 2)."""

    def __init__(self, counts: dict[str, int]):
        from symspellpy import SymSpell

        self.sym = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
        for w, c in counts.items():
            self.sym.create_dictionary_entry(w, c)
        self.counts = counts

    def normalize(self, text: str) -> str:
        from symspellpy import Verbosity

        edits = []
        for t in tokenize(text):
            if t.kind != "word" or not t.text.isalpha():
                continue
            low = lower(t.text)
            if low in self.counts:
                continue
            sugg = self.sym.lookup(low, Verbosity.TOP, max_edit_distance=2)
            if sugg and sugg[0].term != low:
                edits.append(Edit(t.start, t.end, t.text, match_case(t.text, sugg[0].term), "spelling"))
        return apply_edits(text, edits)


def split_articles(split: str, limit: int) -> list[str]:
    want = {"train": 0, "tune": 1, "test": 2}[split]
    texts = [d["body"] for i, d in enumerate(dev_news()) if i % 3 == want and d["body"].strip()]
    return texts[:limit]


def run_noise(texts: list[str], normalizer: Normalizer, symspell: SymSpellBaseline | None, rates: NoiseRates,
              seed: int) -> tuple[Score, Score | None, list[tuple[str, str, str]]]:
    rng = random.Random(seed)
    ours, base = Score(), Score() if symspell else None
    examples: list[tuple[str, str, str]] = []
    settings = Settings(diacritics="off")
    for ref in texts:
        noisy = corrupt(ref, rates, rng).text
        ntok = len(tokenize(noisy))
        t = time.perf_counter()
        out = normalizer.normalize(noisy, settings).text
        ours.seconds += time.perf_counter() - t
        ours.tokens += ntok
        valid = lexicon_valid(normalizer)
        score_pair(ref, noisy, out, ours, valid)
        examples.append((ref, noisy, out))
        if symspell and base is not None:
            t = time.perf_counter()
            bout = symspell.normalize(noisy)
            base.seconds += time.perf_counter() - t
            base.tokens += ntok
            score_pair(ref, noisy, bout, base, valid)
    return ours, base, examples


def clean_speed(texts: list[str], normalizer: Normalizer) -> tuple[float, int, Counter[str]]:
    settings = Settings(diacritics="off")
    tokens = sum(len(tokenize(t)) for t in texts)
    t0 = time.perf_counter()
    results = [normalizer.normalize(t, settings) for t in texts]
    speed = tokens / (time.perf_counter() - t0)
    kinds = Counter(e.kind for r in results for e in r.edits)
    return speed, tokens, kinds


# what a keyboard without Azerbaijani letters types for each of them
_WITHOUT_OUR_LETTERS = str.maketrans({"ə": "e", "Ə": "E", "ı": "i", "ö": "o", "Ö": "O", "ü": "u", "Ü": "U",
                                      "ş": "s", "Ş": "S", "ç": "c", "Ç": "C", "ğ": "g", "Ğ": "G", "İ": "I"})


def restoration_score(texts: list[str], normalizer: Normalizer) -> tuple[int, int, int, int, float]:
    """Diacritic restoration (the mode for text typed without Azerbaijani letters): the articles typed
    so, normalized with the mode on; (words right, words, words that needed a letter back and got it
    right, words that needed one, tokens/s), words compared by position (the mode changes no spacing)."""
    right = total = needed_right = needed = 0
    tokens = 0
    t = time.perf_counter()
    for ref in texts:
        typed = ref.translate(_WITHOUT_OUR_LETTERS)
        out = normalizer.normalize(typed, Settings(diacritics="on")).text
        words, got, asc = ref.split(), out.split(), typed.split()
        tokens += len(words)
        if len(got) != len(words):
            continue  # (a merge or split moved the words: not compared)
        for w, g, a in zip(words, got, asc, strict=True):
            total += 1
            right += w == g
            if w != a:
                needed += 1
                needed_right += w == g
    return right, total, needed_right, needed, tokens / (time.perf_counter() - t)


def _unescape(s: str) -> str:
    return s.replace("\\n", "\n").replace("\\t", "\t")


def seed_score(normalizer: Normalizer) -> list[str]:
    if not SEED.exists() or not SEED_GOLD.exists():
        return ["(seed or gold missing)"]
    text = SEED.read_text(encoding="utf-8")
    gold = []
    for line in SEED_GOLD.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        off, wrong, right, kind = line.split("\t")
        wrong, right = _unescape(wrong), _unescape(right)
        gold.append((int(off), wrong, right, kind))
    result = normalizer.normalize(text)
    fixed: dict[str, list[int]] = {}
    used: set[int] = set()
    lines = []
    for off, wrong, right, kind in gold:
        end = off + len(wrong)
        idx = [i for i, e in enumerate(result.edits) if e.start < end and e.end > off or (e.start == e.end == off)]
        ok = False
        if idx:
            s = min(off, *(result.edits[i].start for i in idx))
            e = max(end, *(result.edits[i].end for i in idx))
            got = apply_edits(text[s:e], [Edit(x.start - s, x.end - s, x.original, x.replacement, x.kind)
                                          for x in (result.edits[i] for i in idx)])
            ok = got == text[s:off] + right + text[end:e]
            used.update(idx)
        fixed.setdefault(kind, [0, 0])
        fixed[kind][0] += ok
        fixed[kind][1] += 1
        if not ok:
            lines.append(f"  missed {kind}: {wrong!r} -> {right!r}")
    false = [e for i, e in enumerate(result.edits) if i not in used]
    head = [f"- {kind}: {ok}/{n} fixed" for kind, (ok, n) in sorted(fixed.items())]
    head.append(f"- changes outside the gold (false changes): {len(false)}"
                + "".join(f"\n  - `{e.original!r}` → `{e.replacement!r}` ({e.kind})" for e in false))
    return head + lines


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="test", choices=["tune", "test"])
    ap.add_argument("--articles", type=int, default=120)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--no-symspell", action="store_true")
    ap.add_argument("--no-local-lm", action="store_true")
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--quick", action="store_true", help="the 8%% noise row only (for tuning)")
    args = ap.parse_args()
    rates = NoiseRates()
    texts = split_articles(args.split, args.articles)
    t = time.perf_counter()
    # the training third's bigram model: the tool's own counts every dev article, these included
    train_lm = local_lm_path("train")
    normalizer = Normalizer.build(use_local_lm=not args.no_local_lm and train_lm is not None, lm_path=train_lm)
    load_s = time.perf_counter() - t
    symspell = None if args.no_symspell else SymSpellBaseline(normalizer.lexicon.counts)
    # clean text first, with the normalizer's word caches empty (the morphology's own cache may be warm)
    cold_speed, _, _ = clean_speed(texts, normalizer)
    ours, base, _ = run_noise(texts, normalizer, symspell, rates, args.seed)
    if args.quick:
        sys.stdout.write(ours.row("xeber.normalize") + (base.row("SymSpell") if base else "") + "\n")
        return
    ten = NoiseRates(ocr=0.04, typing=0.03, turkish=0.005, hyphenation=0.01, split=0.008, merge=0.007)
    ours10, _, _ = run_noise(texts[:40], normalizer, None, ten, args.seed + 1)
    garbled = NoiseRates(ocr=0, typing=0, turkish=0, hyphenation=0, split=0, merge=0, garbled=0.04)
    ours_garbled, _, _ = run_noise(texts[:60], normalizer, None, garbled, args.seed + 2)
    speed, ntok, clean_changes = clean_speed(texts, normalizer)
    restored = restoration_score(texts[:60], normalizer)
    lm = "of the training third" if (train_lm and not args.no_local_lm) else "absent"
    report = [
        "# Normalization benchmark (issue 4)",
        "",
        f"Command: `.venv/bin/python bench/normalize_bench.py --split {args.split} --articles {args.articles}`",
        f"Machine: 2-core dev VM, shared with parallel jobs ({machine()}); one process, one core.",
        f"Dev news split `{args.split}`: {len(texts)} articles; local bigram LM {lm}; model load {load_s:.1f} s.",
        f"Noise: {rates.total:.1%} of words corrupted ({rates}).",
        "",
        "| system | corrupted words restored | clean words changed (all) | of them valid words changed "
        "| CER before | CER after | tokens/s |",
        "|---|---|---|---|---|---|---|",
        ours.row("xeber.normalize"),
    ]
    if base:
        report.append(base.row("SymSpell (symspellpy, same word counts, max distance 2)"))
    report += [
        "",
        f"At ~10% noise: {ours10.row('xeber.normalize')}",
        f"Garbled long words only (4% of words of ≥ 7 letters with two or three slips: vowels swapped, a letter "
        f"dropped or doubled; 60 articles): {ours_garbled.row('xeber.normalize')}",
        f"Clean text (the same articles, no noise): {cold_speed:,.0f} tokens/s on a first pass with empty word "
        f"caches, {speed:,.0f} tokens/s on a later pass, over {ntok} tokens; edits by kind: "
        f"{dict(clean_changes.most_common())}.",
        f"Diacritic restoration (60 of the articles typed without Azerbaijani letters, ə→e, ı→i, ş→s, ..., "
        f"the mode on): words right {restored[0]}/{restored[1]} = {100 * restored[0] / max(restored[1], 1):.1f}%"
        f" (typed as is: {100 * (restored[1] - restored[3]) / max(restored[1], 1):.1f}%); of the words that "
        f"needed a letter back, {restored[2]}/{restored[3]} = {100 * restored[2] / max(restored[3], 1):.1f}%; "
        f"{restored[4]:,.0f} tokens/s.",
        "",
        "## Seed article (our gold: tests/normalize/data/seed_gold.tsv)",
        "",
        "With the tool's own models (its bigram model counts every dev article; the seed is none of them):",
        "",
        *seed_score(Normalizer.build(use_local_lm=not args.no_local_lm)),
        "",
        "With the training third's bigram model, as the noise rows above:",
        "",
        *seed_score(normalizer),
    ]
    text = "\n".join(report) + "\n"
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
