"""Study classification on the shared corpus: every label's accuracy holds the issue's bar (issue 4)."""
from __future__ import annotations

import json

import pytest

from extractor.evaluate import LABELS
from extractor.extraction import extract_articles
from extractor.pubmed_xml import iter_articles

LABEL_BAR = 0.90


@pytest.fixture(scope="module")
def evaluation(nlp, corpus_dir, tmp_path_factory):
    from extractor.evaluate import evaluate

    pred = tmp_path_factory.mktemp("classify_golden") / "pred.jsonl"
    records = extract_articles(iter_articles(corpus_dir / "articles.xml"), nlp)
    pred.write_text("".join(json.dumps(r) + "\n" for r in records))
    return evaluate(corpus_dir / "gold", corpus_dir / "articles.index.json", pred)


@pytest.mark.parametrize("label", LABELS)
def test_classify_golden_label_meets_the_bar(evaluation, label):
    score = evaluation.labels[label]
    # Counting articles without a prediction as wrong: a crash on one record must not pass unnoticed.
    accuracy = score.accuracy_counting_missing
    assert accuracy is not None and accuracy >= LABEL_BAR, f"{label}: accuracy {accuracy} < {LABEL_BAR} ({score})"
