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
    ("VOD occurred in 13% of the inotuzumab arm, but was rare with chemotherapy (1%).",
     [("chemotherapy", "VOD", 1.0), ("inotuzumab ozogamicin", "VOD", 13.0)]),
    ("VOD was more frequent after inotuzumab (11%) than after chemotherapy (1%).",
     [("after chemotherapy", "VOD", 1.0), ("after inotuzumab", "VOD", 11.0)]),
    ("CRS was common in children (60%) but less frequent in adults (30%).", [("adults", "CRS", 30.0), ("children", "CRS", 60.0)]),
    # the response a group reached names it, as after "patients achieving" in a scope
    ("Of the patients achieving CR, 90% of these had MRD negativity.", [("CR", "MRD_NEG", 90.0)]),
    ("Among patients achieving CR/CRi, the MRD negativity rate was 78%.", [("CR/CRi", "MRD_NEG", 78.0)]),
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


def _arms(record: dict) -> list[tuple]:
    return [(a["label"], a["n"]) for a in record["arms"]]


@pytest.mark.parametrize("text, arms, outcomes", [
    # the drug given alone in one arm is given with its partner in the other
    ("Adults received blinatumomab alone (n = 22) or combined with ponatinib (n = 40). The CR rate was 50% with "
     "blinatumomab alone and 75% with blinatumomab plus ponatinib.",
     [("blinatumomab", 22), ("blinatumomab + ponatinib", 40)],
     [("blinatumomab", "CR", 50.0), ("blinatumomab + ponatinib", "CR", 75.0)]),
    ("Patients received inotuzumab alone (n = 30) or in combination with mini-hyper-CVD (n = 60). The CR rate was 60% "
     "with inotuzumab alone and 80% with the combination.",
     [("inotuzumab ozogamicin", 30), ("inotuzumab + mini-HCVD", 60)],
     [("inotuzumab + mini-HCVD", "CR", 80.0), ("inotuzumab ozogamicin", "CR", 60.0)]),
    ("Adults were treated with venetoclax alone (n = 12) or with navitoclax (n = 35). CR occurred in 30% and 60% of "
     "patients, respectively.",
     [("venetoclax", 12), ("venetoclax + navitoclax", 35)],
     [("venetoclax", "CR", 30.0), ("venetoclax + navitoclax", "CR", 60.0)]),
    # (a TKI named by its class word is a partner too)
    ("Adults received blinatumomab alone (n = 22) or combined with a TKI (n = 40). The CR rate was 50% with "
     "blinatumomab alone and 75% with the combination.",
     [("blinatumomab", 22), ("blinatumomab + TKI", 40)], [("blinatumomab", "CR", 50.0), ("blinatumomab + TKI", "CR", 75.0)]),
])
def test_phrasings_alone_or_combined(nlp, text, arms, outcomes):
    record = _run(nlp, text)
    assert (_arms(record), _outcomes(record)) == (arms, sorted(outcomes))


@pytest.mark.parametrize("text, outcomes", [
    # a line of therapy named before the verb, and the next clause's named with its verb left out
    ("The CR rate in first salvage was 70%, and in second salvage 50%.",
     [("first salvage", "CR", 70.0), ("second salvage", "CR", 50.0)]),
    ("The CR rate in first salvage was 70% and in second salvage was 50%.",
     [("first salvage", "CR", 70.0), ("second salvage", "CR", 50.0)]),
    ("Median OS in first relapse was 9.1 months and in second relapse 4.2 months.",
     [("first relapse", "OS_MEDIAN", 9.1), ("second relapse", "OS_MEDIAN", 4.2)]),
    ("The CR rate in first salvage was 70%, and in second or later salvage 50%.",
     [("first salvage", "CR", 70.0), ("second or later salvage", "CR", 50.0)]),
    # a second group of its own, not the first's complement
    ("The CR rate in patients in first salvage was 70%, and in those in second salvage 45%.",
     [("first salvage", "CR", 70.0), ("second salvage", "CR", 45.0)]),
    ("The CR rate in first salvage was 70%.", [("first salvage", "CR", 70.0)]),
])
def test_phrasings_lines_before_the_verb(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, arms, outcomes", [
    # one count given a drug, the other not: the drug's arm and its absence
    ("Of 90 patients, 40 were treated with rituximab and 50 were not. The 3-year OS was 75% with rituximab and 47% "
     "without (P = .003).",
     [("rituximab", 40), ("no rituximab", 50)], [("no rituximab", "OS_RATE", 47.0), ("rituximab", "OS_RATE", 75.0)]),
    ("Of the 90 patients treated with hyper-CVAD, 40 received rituximab and 50 did not. The 3-year OS was 75% and 47%, "
     "respectively.",
     [("rituximab", 40), ("no rituximab", 50)], [("no rituximab", "OS_RATE", 47.0), ("rituximab", "OS_RATE", 75.0)]),
    # (not a later split of part of the cohort, not a transplant, not a verb of response)
    ("Of the 30 patients who relapsed, 12 received blinatumomab and 18 did not. The CR rate was 80%.",
     [("all", 30)], [("all", "CR", 80.0)]),
    ("Of 60 patients, 25 received HSCT and 35 did not. The 2-year OS was 60% and 30%, respectively.",
     [("all", 60)], [("HSCT", "OS_RATE", 60.0), ("all", "HSCT", 41.7), ("no HSCT", "OS_RATE", 30.0)]),
    ("Of 60 patients, 25 received rituximab and 35 did not achieve CR. The 2-year OS was 60%.",
     [("all", 60)], [("all", "OS_RATE", 60.0)]),
])
def test_phrasings_counted_and_not(nlp, text, arms, outcomes):
    record = _run(nlp, text)
    assert (_arms(record), _outcomes(record)) == (arms, sorted(outcomes))


@pytest.mark.parametrize("text, outcomes", [
    # the periods before and after a year named once, after the last value
    ("The CR rate was 45% before and 68% after 2012.", [("after 2012", "CR", 68.0), ("before 2012", "CR", 45.0)]),
    ("The 3-year OS was 20% before and 38% after 2010 (P = .01).",
     [("after 2010", "OS_RATE", 38.0), ("before 2010", "OS_RATE", 20.0)]),
    ("Median OS was 6.0 months before and 11.2 months since 2015.",
     [("before 2015", "OS_MEDIAN", 6.0), ("since 2015", "OS_MEDIAN", 11.2)]),
])
def test_phrasings_eras(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text", [
    "MRD negativity was 40% before and 70% after cycle 2.",
    "The CR rate was 45% before HSCT and 68% after HSCT.",
])
def test_phrasings_times_are_no_eras(nlp, text):
    """A time of assessment is no period of treatment: no label names a year's side."""
    assert not any(arm.startswith(("before", "after")) for arm, _, _ in _outcomes(_run(nlp, text)))
