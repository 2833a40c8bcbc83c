"""Corpus bar of issue 4's arms: the arm of matched outcomes in multi-arm studies, and the facts not worse."""
from __future__ import annotations

import pytest

import json

from extractor.evaluate import evaluate
from extractor.extraction import extract_articles
from extractor.pubmed_xml import iter_articles

FLOOR_MULTI_ARM = 0.60  # reached: 44/71 = 0.620 exact (see README "Arms and regimens")
FLOOR_LEXICON = 0.75  # reached: 56/71 = 0.789 after mapping both labels through the regimen lexicon
FLOOR_CONTENT = 0.78  # reached: 57/71 = 0.803 with the content words of one label within the other's
# Over all matched outcomes (single-arm studies' subgroups included): 178/253 = 0.704 exact, 194/253 = 0.767
# lexicon-mapped, 202/253 = 0.798 content words (were 0.470 / 0.518 / 0.526 before subgroups were named).
FLOOR_OVERALL = 0.68
FLOOR_OVERALL_CONTENT = 0.78


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


@pytest.mark.xfail(strict=True, reason="issue 4's bar (0.90) is not met on any measure (multi-arm 0.620 exact, 0.789 "
                   "lexicon-mapped, 0.803 content words): subgroups nested in arms ('inotuzumab ozogamicin, BMB <50%'), "
                   "gold abbreviations the lexicon lacks ('SC (study 1022)'), see README 'Arms and regimens'")
def test_arms_golden_multi_arm_bar(report):
    assert report.attributes["arm_content_multi_arm"].accuracy >= 0.90
