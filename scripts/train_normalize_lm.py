"""Build the local word bigram model of xeber.normalize from the dev news corpus.

news-egov-az has no redistribution licence, so the counts go to the git-ignored
src/xeber/data/models/local/ and are never committed. `--split all` (the tool's model,
normalize_lm.tsv.gz) counts every article; `--split train` (normalize_lm_train.tsv.gz) only those at
position % 3 == 0, the benchmarks' training third: bench/normalize_bench.py tunes on % 3 == 1 and
reports on % 3 == 2 with that model, so its articles stay unseen.

Usage (run by `make models`): python scripts/train_normalize_lm.py --shared ../shared --split all|train
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from xeber.normalize.unicode import unicode_edits  # noqa: E402
from xeber.text.casing import lower  # noqa: E402
from xeber.text.edits import apply_edits  # noqa: E402
from xeber.text.tokenize import tokenize  # noqa: E402

OUT = {"all": ROOT / "src" / "xeber" / "data" / "models" / "local" / "normalize_lm.tsv.gz",
       "train": ROOT / "src" / "xeber" / "data" / "models" / "local" / "normalize_lm_train.tsv.gz"}


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--split", choices=["all", "train"], default="all")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    src = args.shared / "data" / "news-egov-az" / "dev.jsonl.gz"
    if not src.exists():
        logging.info("no %s: skipping the local language model", src)
        return
    uni: Counter[str] = Counter()
    bi: Counter[str] = Counter()
    with gzip.open(src, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if args.split == "train" and i % 3 or not line.strip():
                continue
            body = json.loads(line)["body"]
            body = apply_edits(body, unicode_edits(body))
            prev = None
            for tok in tokenize(body):
                if tok.kind != "word":
                    prev = None
                    continue
                w = lower(tok.text)
                uni[w] += 1
                if prev is not None:
                    bi[f"{prev} {w}"] += 1
                prev = w
    args.out = args.out or OUT[args.split]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(args.out, "wt", encoding="utf-8") as out:
        for gram, c in uni.most_common():
            out.write(f"{gram}\t{c}\n")
        for gram, c in bi.most_common():
            out.write(f"{gram}\t{c}\n")
    logging.info("local LM: %d words, %d bigrams -> %s", len(uni), len(bi), args.out)


if __name__ == "__main__":
    main()
