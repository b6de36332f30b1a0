"""Train the CRF entity tagger on ner-wikiaz (IOB2 PER/LOC/ORG/DATE) and write it where find_entities looks.

ner-wikiaz has no licence, so the model goes to the git-ignored src/xeber/data/models/local/ner.crfsuite
and is never committed. By default the CRF is stacked on the rules: the tags `find_entities`' rules give
each sentence are features (`--no-stack` trains on word features alone). `--cv` chooses c1/c2/iterations
by blocked cross-validation on the training file only (contiguous folds, since neighbouring sentences come
from one article). Usage:

    .venv/bin/python scripts/train_ner.py [--train ../shared/data/ner-wikiaz/train.conll] [--out PATH]
    .venv/bin/python scripts/train_ner.py --cv 0.05,0.05,200 0.1,0.01,200 ...
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import pycrfsuite

from xeber.extract.gazetteer import default
from xeber.extract.ner import LOCAL_MODEL, _to_crf, bio_spans, sentence_features

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TRAIN = ROOT / ".." / "shared" / "data" / "ner-wikiaz" / "train.conll"
DEFAULTS = (0.1, 0.2, 300)  # chosen by blocked 3-fold CV on train (0.7955-0.7985 over 5 settings: flat)

Sentence = tuple[list[str], list[str]]


def read_conll(path: Path) -> list[Sentence]:
    sents: list[Sentence] = []
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


def featurize(sents: list[Sentence], stack: bool) -> list[list[dict[str, float]]]:
    gaz = default()
    if stack:
        from xeber.extract.entities import rule_tags
    return [_to_crf(sentence_features(words, gaz, rule_tags(words) if stack else None)) for words, _ in sents]


def fit(xs: list[list[dict[str, float]]], ys: list[list[str]], out: Path, c1: float, c2: float,
        iterations: int) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in zip(xs, ys, strict=True):
        trainer.append(x, y)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iterations, "feature.possible_transitions": True})
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))


def span_f1(gold: list[list[str]], pred: list[list[str]]) -> float:
    tp = fp = fn = 0
    for g, p in zip(gold, pred, strict=True):
        gs, ps = set(bio_spans(g)), set(bio_spans(p))
        tp, fp, fn = tp + len(gs & ps), fp + len(ps - gs), fn + len(gs - ps)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def cross_validate(xs: list[list[dict[str, float]]], ys: list[list[str]], c1: float, c2: float, iterations: int,
                   folds: int = 3) -> list[float]:
    """Span F1 on each of `folds` contiguous blocks, trained on the rest."""
    n = len(xs)
    scores = []
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(folds):
            a, b = k * n // folds, (k + 1) * n // folds
            path = Path(tmp) / f"fold{k}.crfsuite"
            fit(xs[:a] + xs[b:], ys[:a] + ys[b:], path, c1, c2, iterations)
            tagger = pycrfsuite.Tagger()
            tagger.open(str(path))
            scores.append(span_f1(ys[a:b], [list(tagger.tag(x)) for x in xs[a:b]]))
    return scores


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", type=Path, default=DEFAULT_TRAIN)
    ap.add_argument("--out", type=Path, default=LOCAL_MODEL)
    ap.add_argument("--c1", type=float, default=DEFAULTS[0])
    ap.add_argument("--c2", type=float, default=DEFAULTS[1])
    ap.add_argument("--iterations", type=int, default=DEFAULTS[2])
    ap.add_argument("--no-stack", action="store_true", help="word features only, not the rules' tags")
    ap.add_argument("--cv", nargs="*", metavar="C1,C2,ITER", help="cross-validate these settings on train only")
    args = ap.parse_args()
    if not args.train.exists():
        print(f"no training data at {args.train}; skipping (find_entities works without a model)")
        return 0
    t0 = time.perf_counter()
    sents = read_conll(args.train)
    xs, ys = featurize(sents, not args.no_stack), [tags for _, tags in sents]
    if args.cv is not None:
        for setting in args.cv or [",".join(map(str, DEFAULTS))]:
            c1, c2, it = (float(v) for v in setting.split(","))
            scores = cross_validate(xs, ys, c1, c2, int(it))
            print(f"c1={c1} c2={c2} iterations={int(it)}: blocked 3-fold CV span F1 "
                  f"{sum(scores) / len(scores):.4f} {[round(s, 3) for s in scores]}", flush=True)
        return 0
    fit(xs, ys, args.out, args.c1, args.c2, args.iterations)
    print(f"trained on {len(sents)} sentences in {time.perf_counter() - t0:.1f}s -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
