"""Train the CRF entity tagger on ner-wikiaz (IOB2 PER/LOC/ORG/DATE) and write it where find_entities looks.

ner-wikiaz has no licence, so the model goes to the git-ignored src/xeber/data/models/local/ner.crfsuite
and is never committed. Usage:

    .venv/bin/python scripts/train_ner.py [--train ../shared/data/ner-wikiaz/train.conll] [--out PATH]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pycrfsuite

from xeber.extract.gazetteer import default
from xeber.extract.ner import LOCAL_MODEL, _to_crf, sentence_features

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TRAIN = ROOT / ".." / "shared" / "data" / "ner-wikiaz" / "train.conll"


def read_conll(path: Path) -> list[tuple[list[str], list[str]]]:
    sents: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if words:
                sents.append((words, tags))
                words, tags = [], []
            continue
        word, _, tag = line.partition("\t")
        words.append(word)
        tags.append(tag.strip() or "O")
    if words:
        sents.append((words, tags))
    return sents


def train(sents: list[tuple[list[str], list[str]]], out: Path, c1: float = 0.05, c2: float = 0.05,
          iterations: int = 200) -> None:
    gaz = default()
    trainer = pycrfsuite.Trainer(verbose=False)
    for words, tags in sents:
        trainer.append(_to_crf(sentence_features(words, gaz)), tags)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iterations,
                        "feature.possible_transitions": True})
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--train", type=Path, default=DEFAULT_TRAIN)
    ap.add_argument("--out", type=Path, default=LOCAL_MODEL)
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.05)
    ap.add_argument("--iterations", type=int, default=200)
    args = ap.parse_args()
    if not args.train.exists():
        print(f"no training data at {args.train}; skipping (find_entities works without a model)")
        return 0
    t0 = time.perf_counter()
    sents = read_conll(args.train)
    train(sents, args.out, args.c1, args.c2, args.iterations)
    print(f"trained on {len(sents)} sentences in {time.perf_counter() - t0:.1f}s -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
