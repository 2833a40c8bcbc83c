"""Study classification on the shared corpus: every label's accuracy holds the issue's bar (issue 4)."""
from __future__ import annotations

import pytest

from extractor.evaluate import LABELS

LABEL_BAR = 0.90


@pytest.fixture(scope="module")
def evaluation(corpus_evaluation):
    return corpus_evaluation


@pytest.mark.parametrize("label", LABELS)
def test_classify_golden_label_meets_the_bar(evaluation, label):
    score = evaluation.labels[label]
    # Counting articles without a prediction as wrong: a crash on one record must not pass unnoticed.
    accuracy = score.accuracy_counting_missing
    assert accuracy is not None and accuracy >= LABEL_BAR, f"{label}: accuracy {accuracy} < {LABEL_BAR} ({score})"
