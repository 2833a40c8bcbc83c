"""End to end on the shared corpus: extract every article, score with extractor.evaluate, hold the issue's bar."""
from __future__ import annotations

import pytest

F1_BAR, PRECISION_BAR = 0.90, 0.95


@pytest.fixture(scope="module")
def extracted(corpus_extraction):
    return corpus_extraction


@pytest.fixture(scope="module")
def evaluation(corpus_evaluation):
    return corpus_evaluation


def test_golden_every_article_extracted(extracted):
    articles, results = extracted
    assert [r["pmid"] for r in results] == [a.pmid for a in articles]


def test_golden_evidence_slices_its_section(extracted):
    articles, results = extracted
    for article, result in zip(articles, results):
        sections = article.named_texts()
        for kind in ("outcomes", "doses", "comparisons"):
            for value in result[kind]:
                ev = value["evidence"]
                name, text = sections[ev["section_index"]]
                assert name == ev["section"], (article.pmid, kind, ev)
                assert text[ev["start"]:ev["end"]] == ev["text"], (article.pmid, kind, ev)


def test_golden_facts_meet_the_bar(evaluation):
    overall = evaluation.overall
    assert overall.precision >= PRECISION_BAR, f"facts precision {overall.precision:.3f} < {PRECISION_BAR}"
    assert overall.f1 >= F1_BAR, f"facts F1 {overall.f1:.3f} < {F1_BAR}"
