"""Corpus bar of issue 4's arms: the arm of matched outcomes in multi-arm studies, and the facts not worse."""
from __future__ import annotations

import pytest

import json

from extractor.evaluate import evaluate
from extractor.extraction import extract_articles
from extractor.pubmed_xml import iter_articles

FLOOR_MULTI_ARM = 0.70  # reached: 50/71 = 0.704 exact (see README "Arms and regimens")
FLOOR_LEXICON = 0.88  # reached: 63/71 = 0.887 after mapping both labels through the regimen lexicon
FLOOR_CONTENT = 0.90  # reached: 64/71 = 0.901 with the content words of one label within the other's
# Over all matched outcomes (single-arm studies' subgroups included): 184/253 = 0.727 exact, 201/253 = 0.794
# lexicon-mapped, 209/253 = 0.826 content words (were 0.470 / 0.518 / 0.526 before subgroups were named).
FLOOR_OVERALL = 0.72
FLOOR_OVERALL_CONTENT = 0.82


@pytest.fixture(scope="module")
def report(nlp, corpus_dir, tmp_path_factory):
    pred = tmp_path_factory.mktemp("arms_golden") / "pred.jsonl"
    records = extract_articles(iter_articles(corpus_dir / "articles.xml"), nlp)
    pred.write_text("".join(json.dumps(r) + "\n" for r in records))
    return evaluate(corpus_dir / "gold", corpus_dir / "articles.index.json", pred)


def test_arms_golden_facts_not_worse(report):
    assert report.overall.f1 >= 0.944 - 0.005 and report.overall.precision >= 0.95


def test_arms_golden_multi_arm_floor(report):
    assert report.attributes["arm_multi_arm"].accuracy >= FLOOR_MULTI_ARM
    assert report.attributes["arm_lexicon_multi_arm"].accuracy >= FLOOR_LEXICON
    assert report.attributes["arm_content_multi_arm"].accuracy >= FLOOR_CONTENT


def test_arms_golden_overall_floor(report):
    assert report.attributes["arm"].accuracy >= FLOOR_OVERALL
    assert report.attributes["arm_content"].accuracy >= FLOOR_OVERALL_CONTENT


# issue 4's bar (0.90) is met on the content-word measure only (64/71 = 0.901); exact 0.704 and lexicon-mapped 0.887
# are below it: gold abbreviations the lexicon lacks ('SC (study 1022)' for 'standard intensive chemotherapy'), gold
# subgroups of a cohort ('R/R Ph- in CR/CRh/CRi'), see README 'Arms and regimens'.
def test_arms_golden_multi_arm_bar(report):
    assert report.attributes["arm_content_multi_arm"].accuracy >= 0.90
