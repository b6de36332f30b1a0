"""Five-fold cross-validation of the entity recogniser on ner-wikiaz train.conll.

    .venv/bin/python bench/entities_cv.py [--shared ../shared] [--folds 5]

For each fold a stacked CRF is trained on the other four (as scripts/train_ner.py trains the tool's), then
the fold is labelled by the CRF alone and by find_entities (rules + that CRF). 1,214 sentences give a
steadier figure than valid.conll's 135; the rules were partly written against train.conll's errors, so
find_entities is not blind to these sentences (the CRF of each fold is).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "bench"))

import entities_bench as eb  # noqa: E402
from train_ner import DEFAULTS, featurize, fit, read_conll  # noqa: E402

from xeber.extract import entities as ent_mod  # noqa: E402
from xeber.extract import ner  # noqa: E402
from xeber.extract.entities import rule_tags  # noqa: E402
from xeber.extract.gazetteer import default  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=Path(os.environ.get("XEBER_SHARED", ROOT / ".." / "shared")))
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args()
    path = args.shared / "data" / "ner-wikiaz" / "train.conll"
    if not path.exists():
        print(f"no {path}; skipping")
        return 0
    sents = read_conll(path)
    xs, ys = featurize(sents, stack=True), [tags for _, tags in sents]
    gold = [set(ner.bio_spans(tags)) for tags in ys]
    n, gaz = len(sents), default()
    crf: list[set[tuple[int, int, str]]] = [set()] * n
    found: list[set[tuple[int, int, str]]] = [set()] * n
    ranges: list[set[tuple[int, int, str]]] = [set()] * n
    scheme: list[set[tuple[int, int, str]]] = [set()] * n
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(args.folds):
            a, b = k * n // args.folds, (k + 1) * n // args.folds
            model = Path(tmp) / f"fold{k}.crfsuite"
            fit(xs[:a] + xs[b:], ys[:a] + ys[b:], model, *DEFAULTS)
            tagger = ner.Tagger(model)
            ner.default_tagger = lambda tagger=tagger: tagger  # type: ignore[assignment, misc]
            for i in range(a, b):
                words = sents[i][0]
                crf[i] = set(ner.bio_spans(tagger.tag(words, gaz, rule_tags(words))))
                text, starts, ends = eb.detokenize(words)
                entities = ent_mod.find_entities(text)
                found[i] = eb._token_spans(entities, words, text, starts, ends, gold[i])
                split = [part for e in entities for part in eb.range_ends(e, text)]
                ranges[i] = eb._token_spans(split, words, text, starts, ends, gold[i])
                mapped = [part for e in entities for part in eb.scheme(e, text, gaz)]
                scheme[i] = eb._token_spans(mapped, words, text, starts, ends, gold[i])
    print(f"## ner-wikiaz train.conll, {args.folds}-fold cross-validation ({n} sentences)\n")
    for label, pred in (("CRF alone (stacked)", crf), ("rules + CRF (find_entities)", found),
                        ("find_entities, a date range scored as its two ends", ranges),
                        ("find_entities in the set's scheme: ranges as two dates, places opening event and "
                         "facility names as places, a surname after a one-word title with it", scheme)):
        print(f"### {label}\n{eb.fmt(eb.score(gold, pred, eb.TYPES))}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
