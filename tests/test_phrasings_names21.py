"""Recurring wordings of arm and subgroup labels in trial abstracts (fourteenth round): an age group named by a word
beside a group named by an age bound ("younger than 35 years ... in older patients"); written in our own words, run
end to end; the figures are invented.
"""
from __future__ import annotations

import pytest

from phrasing_cases import outcome_triples as _outcomes, run_text as _run

COHORT = "Sixty patients received blinatumomab. "


@pytest.mark.parametrize("text, outcomes", [
    # an age word beside an age-bound scope is the bound's other side (was "age <35 years, older")
    (COHORT + "Among patients younger than 35 years the CR rate was 50% versus 30% in older patients.",
     [("age <35 years", "CR", 50.0), ("age >=35 years", "CR", 30.0)]),
    (COHORT + "Among patients aged 60 years or older, the CR rate was 50%, compared with 70% in younger patients.",
     [("aged <60 years", "CR", 70.0), ("aged >=60 years", "CR", 50.0)]),
    # without a scope (was "older")
    (COHORT + "The CR rate was 50% in patients younger than 35 years and 30% in older patients.",
     [("age <35 years", "CR", 50.0), ("age >=35 years", "CR", 30.0)]),
    (COHORT + "The CR rate was 40% in patients older than 60 years compared with 70% in younger patients.",
     [("age <=60 years", "CR", 70.0), ("age >60 years", "CR", 40.0)]),
])
def test_names21_age_word_beside_an_age_bound(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


def test_names21_age_word_on_the_bounds_side_is_the_bound(nlp):
    # negative: "older responders" inside "patients older than 60 years" are that group, not its complement
    record = _run(nlp, COHORT + "In patients older than 60 years, CR was 50%; older responders had a median OS of 8 "
                               "months.")
    assert _outcomes(record) == [("age >60 years", "CR", 50.0), ("age >60 years", "OS_MEDIAN", 8.0)]
