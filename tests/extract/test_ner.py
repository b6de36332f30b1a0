"""The CRF's features, the rules' tags it stacks on, and a tiny model trained here (no shared data)."""

from __future__ import annotations

from pathlib import Path

import pycrfsuite

from xeber.extract import ner
from xeber.extract.entities import rule_tags
from xeber.extract.gazetteer import default


def test_rule_tags_on_conll_words() -> None:
    words = "2019 - cu ilin 5 dekabr tarixində Nazir İlham Əliyev ilə Dövlət Gömrük Komitəsinin sədri görüşüb .".split()
    assert rule_tags(words) == ["B-DATE", "I-DATE", "I-DATE", "I-DATE", "I-DATE", "I-DATE", "O", "B-TTL",
                                "B-PER", "I-PER", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O"]


def test_word_features_carry_morphology_and_lists() -> None:
    f = ner.word_features("Universitetinə", default())
    assert (f["lemma"], f["pos"], f["suf"], f["s5"], f["p3"]) == ("universitet", "NOUN", "DAT", "etinə", "uni")
    assert "gaz_orghead" in f and "common" in f and "cap" in f
    g = ner.word_features("Qazaxıstanın", default())
    assert "gaz_loc" in g and "common" not in g and g["suf"] == "GEN"


def test_run_feature_sees_the_organisation_head_ahead() -> None:
    words = ["“", "Naxçıvan", "”", "Dövlət", "Universitetinə", "getdi"]
    feats = ner.sentence_features(words, default())
    assert [f.get("run", "") for f in feats] == ["org", "org", "org", "org", "orghead", ""]


def test_stacked_model_is_recognised(tmp_path: Path) -> None:
    gaz = default()
    words = "Nazir İlham Əliyev Bakıya gəlib .".split()
    tags = ["O", "B-PER", "I-PER", "B-LOC", "O", "O"]
    for stacked in (False, True):
        trainer = pycrfsuite.Trainer(verbose=False)
        trainer.append(ner._to_crf(ner.sentence_features(words, gaz, rule_tags(words) if stacked else None)), tags)
        trainer.set_params({"max_iterations": 50})
        path = tmp_path / f"m{stacked}.crfsuite"
        trainer.train(str(path))
        tagger = ner.Tagger(path)
        assert tagger.stacked is stacked
        assert tagger.tag(words, gaz, rule_tags(words)) == tags
