"""Recurring phrasings of arms and value labels in trial abstracts (eleventh round: the verb a value's subject is
followed by, arm codes listed under one plural head, the drugs that name a group after "with"), written in our own
words, run end to end.

Each case is a way groups are commonly written that an earlier version got wrong; the figures restate published
studies' results.
"""
from __future__ import annotations

import pytest

from phrasing_cases import outcome_triples as _outcomes, run_text as _run


@pytest.mark.parametrize("text, outcomes", [
    # "went on to" is the verb of the cohort's value, as "proceeded to" is; the relative clause still names a group
    ("Overall, 45% of patients went on to HSCT.", [("all", "HSCT", 45.0)]),
    ("Overall, 45% of patients proceeded to HSCT.", [("all", "HSCT", 45.0)]),
    # a word of how often an event was, compared, names no group
    ("The CR rate was similar in both arms, but VOD was more frequent (11% vs 1%).",
     [("group 1", "VOD", 11.0), ("group 2", "VOD", 1.0)]),
    # arm codes under one plural head each take it
    ("CR was achieved in 12 (30%) and 24 (60%) patients in arms A and B, respectively.",
     [("arm A", "CR", 30.0), ("arm B", "CR", 60.0)]),
    ("The CR rate was 40% and 55% for cohorts 1 and 2, respectively.", [("cohort 1", "CR", 40.0), ("cohort 2", "CR", 55.0)]),
])
def test_phrasings_group_words(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # a drug given one way, named with how it was given
    ("Median OS was 6.0 months with single-agent blinatumomab versus 16.2 months with blinatumomab and ponatinib.",
     [("blinatumomab and ponatinib", "OS_MEDIAN", 16.2), ("single-agent blinatumomab", "OS_MEDIAN", 6.0)]),
    ("Median OS was 6.0 months with single-agent blinatumomab versus 16.2 months with the combination.",
     [("combination", "OS_MEDIAN", 16.2), ("single-agent blinatumomab", "OS_MEDIAN", 6.0)]),
    ("Median OS was 9.0 months with low-dose inotuzumab and 7.0 months with standard-dose inotuzumab.",
     [("low-dose inotuzumab", "OS_MEDIAN", 9.0), ("standard-dose inotuzumab", "OS_MEDIAN", 7.0)]),
    # two drugs joined name one group, not the first drug's
    ("The CR rate was 80% with ponatinib and blinatumomab and 60% with dasatinib and blinatumomab.",
     [("dasatinib and blinatumomab", "CR", 60.0), ("ponatinib and blinatumomab", "CR", 80.0)]),
    # unchanged: one drug each, joined values
    ("CR was 100% with ponatinib and 96% with dasatinib.", [("dasatinib", "CR", 96.0), ("ponatinib", "CR", 100.0)]),
    ("The CR rate was 73% with inotuzumab and 45% with blinatumomab, respectively.",
     [("blinatumomab", "CR", 45.0), ("inotuzumab ozogamicin", "CR", 73.0)]),
])
def test_phrasings_treatment_after_with(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)
