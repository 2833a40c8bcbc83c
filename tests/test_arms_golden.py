"""Corpus bar of issue 4's arms: the arm of matched outcomes in multi-arm studies, and the facts not worse."""
from __future__ import annotations

import pytest

FLOOR_MULTI_ARM = 0.70  # reached: 52/73 = 0.712 exact (see README "Arms and regimens"); 52/71 before the eleventh
# round matched two more facts ("InO (CR/CRi = 73%) versus SC (CR/CRi = 56%)"), whose gold labels name a study number
FLOOR_LEXICON = 0.90  # reached: 65/71 = 0.915 after mapping both labels through the regimen lexicon
FLOOR_CONTENT = 0.92  # reached: 66/71 = 0.930 with the content words of one label within the other's
# Over all matched outcomes (single-arm studies' subgroups included): 186/253 = 0.735 exact, 203/253 = 0.802
# lexicon-mapped, 211/253 = 0.834 content words (were 0.470 / 0.518 / 0.526 before subgroups were named).
FLOOR_OVERALL = 0.73
FLOOR_OVERALL_CONTENT = 0.83


@pytest.fixture(scope="module")
def report(corpus_evaluation):
    return corpus_evaluation


def test_arms_golden_facts_not_worse(report):
    assert report.overall.f1 >= 0.944 - 0.005 and report.overall.precision >= 0.95


def test_arms_golden_multi_arm_floor(report):
    assert report.attributes["arm_multi_arm"].accuracy >= FLOOR_MULTI_ARM
    assert report.attributes["arm_lexicon_multi_arm"].accuracy >= FLOOR_LEXICON
    assert report.attributes["arm_content_multi_arm"].accuracy >= FLOOR_CONTENT


def test_arms_golden_overall_floor(report):
    assert report.attributes["arm"].accuracy >= FLOOR_OVERALL
    assert report.attributes["arm_content"].accuracy >= FLOOR_OVERALL_CONTENT


# issue 4's bar (0.90) is met on the lexicon-mapped (65/71 = 0.915) and content-word (66/71 = 0.930) measures; exact
# (52/71 = 0.732) is below it: gold abbreviations the lexicon lacks ('SC (study 1022)' for 'standard intensive
# chemotherapy'), gold restating a schedule ('B1 (epratuzumab weekly ×4)'), see README 'Arms and regimens'.
def test_arms_golden_multi_arm_bar(report):
    assert report.attributes["arm_lexicon_multi_arm"].accuracy >= 0.90
    assert report.attributes["arm_content_multi_arm"].accuracy >= 0.90
