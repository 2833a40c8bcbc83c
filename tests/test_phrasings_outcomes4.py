"""Recurring phrasings of outcome values, written in our own words, run end to end (fourth round): toxicity grades
listed as values of one endpoint, CIs printed outside brackets.

Each case is a way results are commonly written that an earlier version got wrong (a missed value, a wrong
endpoint, an invented value); the negative cases pin what a fix must not reach.
"""
from __future__ import annotations

import pytest

from phrasing_cases import outcome_triples as _outcomes, run_text as _run


@pytest.mark.parametrize("text, outcomes", [
    # grades are values of the one endpoint (SCHEMA: each stated value, arm "all"), not groups; a grade's number
    # between two listed endpoints does not end the list
    ("Any-grade CRS and grade ≥3 CRS occurred in 88% and 15%, respectively.", [("all", "CRS", 15.0), ("all", "CRS", 88.0)]),
    ("Grade 1-2 CRS and grade 3-4 CRS occurred in 60% and 10% of patients, respectively.",
     [("all", "CRS", 10.0), ("all", "CRS", 60.0)]),
    ("CRS and grade ≥3 neurotoxicity occurred in 60% and 10% of patients, respectively.",
     [("all", "CRS", 60.0), ("all", "NEURO", 10.0)]),
    # a grade's item after the bracket's own percentage is another value, not its CI
    ("CRS (any grade, 88%; grade ≥3, 15%) was the most common adverse event.", [("all", "CRS", 15.0), ("all", "CRS", 88.0)]),
    # negative: a number after the semicolon is still the CI
    ("Cytokine release syndrome occurred in 38 patients (88%; 78, 98%).", [("all", "CRS", 88.0)]),
])
def test_phrasings_toxicity_grades(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes, ci", [
    # a labelled CI outside brackets is no range value
    ("The 1-year OS was 62%, 95% CI 50 to 74%.", [("all", "OS_RATE", 62.0)], [50.0, 74.0]),
    ("The 1-year OS was 62%, 95% confidence interval 50% to 74%.", [("all", "OS_RATE", 62.0)], [50.0, 74.0]),
    # an unlabelled range around the percentage before it is no value either (not read as a CI: it may be a range)
    ("The CR rate was 88%, 78 to 98%.", [("all", "CR", 88.0)], None),
])
def test_phrasings_unbracketed_ci(nlp, text, outcomes, ci):
    record = _run(nlp, text)
    assert _outcomes(record) == outcomes
    assert record["outcomes"][0]["ci95"] == ci


def test_range_beside_a_value_is_still_a_range(nlp):
    """Negative: a range not around the value before it stays a listed value."""
    found = _outcomes(_run(nlp, "CR rates were 30%, 40 to 50% and 60% in the three cohorts."))
    assert sorted(v for _, _, v in found) == [30.0, 40.0, 60.0]
