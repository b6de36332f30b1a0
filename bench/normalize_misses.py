"""Why corrupted words are not restored: a breakdown by noise kind × reason. Run from the project root:

    .venv/bin/python bench/normalize_misses.py [--split tune] [--articles 120] [--examples 5]

Reasons, for word-level noise (ocr, typing, turkish):
  restored        the output has the clean word back
  real-word       the noise made another valid word (restorable only from context)
  wrong-fix       the word was changed, but not to the clean word
  name-kept       capitalised, kept, but corrected when judged as a lower-case word (protection)
  ranked-lower    the clean word is a candidate but keeping (or another word) scored higher
  no-candidate-N  the clean word is not among the candidates; N = edit distance (unit costs)
Layout noise (hyphenation, split, merge) is only counted restored or not.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))

from normalize_bench import _equal_positions, _source_fix, lexicon_valid, split_articles  # noqa: E402
from normalize_noise import NoiseRates, corrupt  # noqa: E402

from xeber.normalize import Normalizer  # noqa: E402
from xeber.normalize.alignment import align_chars  # noqa: E402
from xeber.normalize.context import local_lm_path  # noqa: E402
from xeber.settings import Settings  # noqa: E402
from xeber.text.casing import lower  # noqa: E402
from xeber.text.edits import Edit, apply_edits  # noqa: E402

WORD_NOISE = ("ocr", "typing", "turkish")


def _output_at(noisy: str, edits: list[Edit], ns: int, ne: int) -> str | None:
    """The output text for noisy[ns:ne], or None when an edit crosses the span's edge."""
    inside = []
    for e in edits:
        if e.end <= ns or e.start >= ne:
            if not (e.start == e.end and ns < e.start < ne):
                continue
        if e.start < ns or e.end > ne:
            return None
        inside.append(Edit(e.start - ns, e.end - ns, e.original, e.replacement, e.kind))
    return apply_edits(noisy[ns:ne], inside)


def _distance(a: str, b: str) -> int:
    return sum(1 for x, y in align_chars(a, b) if x != y)


def classify(norm: Normalizer, clean: str, noisy_word: str, got: str | None, kind: str) -> str:
    if got == clean:
        return "restored"
    if kind not in WORD_NOISE:
        return "missed" if got is not None else "crossed-edit"
    low, want = lower(noisy_word), lower(clean)
    speller = norm.speller
    if norm.lexicon.known(low):
        return "real-word"
    if got is None or got != noisy_word:
        return "wrong-fix"
    if noisy_word[:1].isupper():
        fix = speller.correct(low, None, None)
        if fix is not None and fix.replacement == want:
            return "name-kept"
    cands = {c for c, _, _ in speller._plan(low, False).candidates}
    if want in cands:
        return "ranked-lower"
    return f"no-candidate-{min(_distance(want, low), 3)}"


def _print_false_changes(ref: str, noisy: str, out: str, valid: Callable[[str], bool]) -> None:
    r, n, o = ref.split(), noisy.split(), out.split()
    same_noisy, _ = _equal_positions(r, n)
    same_out, replaced = _equal_positions(r, o)
    for i in sorted(same_noisy - same_out):
        if not _source_fix(r[i], replaced.get(i), valid):
            sys.stdout.write(f"FALSE {' '.join(r[max(0, i - 2):i])} [{r[i]} → {replaced.get(i)}] "
                             f"{' '.join(r[i + 1:i + 3])}\n")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="tune", choices=["tune", "test"])
    ap.add_argument("--articles", type=int, default=120)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--examples", type=int, default=6)
    ap.add_argument("--false", action="store_true", help="also list changes of valid words the noise left")
    args = ap.parse_args()
    train_lm = local_lm_path("train")  # (the tool's own model has seen these articles)
    norm = Normalizer.build(use_local_lm=train_lm is not None, lm_path=train_lm)
    rng = random.Random(args.seed)
    table: Counter[tuple[str, str]] = Counter()
    examples: dict[tuple[str, str], list[str]] = defaultdict(list)
    restorable = [0, 0]  # word-level errors whose corruption is a non-word: [restored, all]
    settings = Settings(diacritics="off")
    for ref in split_articles(args.split, args.articles):
        noisy = corrupt(ref, NoiseRates(), rng)
        result = norm.normalize(noisy.text, settings)
        if args.false:
            _print_false_changes(ref, noisy.text, result.text, lexicon_valid(norm))
        for rs, re_, ns, ne, kind in noisy.changes:
            clean, nw = ref[rs:re_], noisy.text[ns:ne]
            got = _output_at(noisy.text, result.edits, ns, ne)
            reason = classify(norm, clean, nw, got, kind)
            table[(kind, reason)] += 1
            if kind in WORD_NOISE and reason != "real-word":
                restorable[1] += 1
                restorable[0] += reason == "restored"
            if reason != "restored" and len(examples[(kind, reason)]) < args.examples:
                examples[(kind, reason)].append(f"{clean!r}→{nw!r}→{got!r}")
    total = sum(table.values())
    out = [f"{'noise':<12} {'reason':<16} {'n':>5} {'% of all':>8}"]
    for (kind, reason), n in sorted(table.items(), key=lambda kv: (kv[0][0], -kv[1])):
        out.append(f"{kind:<12} {reason:<16} {n:>5} {100 * n / total:>7.1f}%")
    ok = sum(n for (_, r), n in table.items() if r == "restored")
    out.append(f"all corrupted words: {ok}/{total} = {100 * ok / total:.1f}% restored")
    out.append(f"restorable upper bound (OCR/typing/Turkish errors that left a non-word): "
               f"{restorable[0]}/{restorable[1]} = {100 * restorable[0] / max(restorable[1], 1):.1f}% of those")
    for key, exs in sorted(examples.items()):
        out.append(f"{key}: " + "; ".join(exs))
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
