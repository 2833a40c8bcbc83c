"""Recurring phrasings of arms and subgroups in trial abstracts, written in our own words, run end to end.

Each case is a way arms, regimens or subgroups are commonly written that an earlier version got wrong (arms not
detected, a value without its group or with a wrong one); the figures restate published trials' results.
"""
from __future__ import annotations

import pytest

from phrasing_cases import outcome_triples as _outcomes, run_text as _run


def _arms(record: dict) -> list[tuple]:
    return [(a["label"], a["n"]) for a in record["arms"]]


@pytest.mark.parametrize("text, arms, outcomes", [
    # arms stated as counts assigned to each treatment, the second verb left out
    ("Of the 326 patients, 164 were assigned to inotuzumab and 162 to standard care. CR/CRi was 73.8% vs 30.9%.",
     [("inotuzumab ozogamicin", 164), ("standard care", 162)],
     [("inotuzumab ozogamicin", "CR_CRi", 73.8), ("standard care", "CR_CRi", 30.9)]),
    # counts that received each treatment add up to the stated cohort
    ("A total of 100 patients were enrolled. Sixty patients received inotuzumab and 40 received standard "
     "chemotherapy. The CR rate was 80% vs 30%.",
     [("inotuzumab ozogamicin", 60), ("standard chemotherapy", 40)],
     [("inotuzumab ozogamicin", "CR", 80.0), ("standard chemotherapy", "CR", 30.0)]),
    # the comparator named "standard of care" / "SOC", its n bracket after what it consists of
    ("Patients received either inotuzumab ozogamicin (n = 141) or standard of care (FLAG, HiDAC, or cytarabine plus "
     "mitoxantrone; n = 138). CR/CRi was 80.7% versus 29.4%.",
     [("inotuzumab ozogamicin", 141), ("standard of care", 138)],
     [("inotuzumab ozogamicin", "CR_CRi", 80.7), ("standard of care", "CR_CRi", 29.4)]),
    # a sentence naming one arm of two: the other value is the other arm's
    ("Patients were randomly assigned to inotuzumab ozogamicin or standard care. Patients in the InO arm had more VOD "
     "(13% vs 1%).", [("inotuzumab ozogamicin", None), ("standard care", None)],
     [("inotuzumab ozogamicin", "VOD", 13.0), ("standard care", "VOD", 1.0)]),
])
def test_phrasings_arms_detected(nlp, text, arms, outcomes):
    record = _run(nlp, text)
    assert _arms(record) == arms
    assert _outcomes(record) == outcomes


@pytest.mark.parametrize("text", [
    # later therapy of part of the cohort is not two arms: the counts add up to no stated number of patients
    "After relapse, 12 patients received inotuzumab and 5 received blinatumomab.",
    "Sixty patients received inotuzumab and 40 received standard chemotherapy.",
])
def test_phrasings_counted_treatments_not_arms(nlp, text):
    assert [a["label"] for a in _run(nlp, text)["arms"]] == ["all"]
