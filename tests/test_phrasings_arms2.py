"""Recurring phrasings of arms and subgroups in trial abstracts (second set), written in our own words, run end to end.

Each case is a way arms or subgroups are commonly written that an earlier version got wrong; the figures restate
published trials' results.
"""
from __future__ import annotations

import pytest

from phrasing_cases import outcome_triples as _outcomes, run_text as _run

_RANDOMISED = "Patients were randomly assigned to inotuzumab ozogamicin (InO) or standard chemotherapy (SC). "


@pytest.mark.parametrize("text, outcomes", [
    # a two-arm sentence scoped to a subgroup of patients: each arm's value in that subgroup, not the arm's headline
    (_RANDOMISED + "Among Ph-positive patients, CR was 73% with InO vs 56% with SC.",
     [("inotuzumab ozogamicin, Ph-positive", "CR", 73.0),
      ("standard chemotherapy, Ph-positive", "CR", 56.0)]),
    (_RANDOMISED + "In the Ph-negative subgroup, OS at 2 years was 25% with InO and 14% with SC.",
     [("inotuzumab ozogamicin, Ph-negative", "OS_RATE", 25.0), ("standard chemotherapy, Ph-negative", "OS_RATE", 14.0)]),
    (_RANDOMISED + "Among patients aged 55 years or older, median OS was 8.6 months with InO versus 5.3 months with SC.",
     [("inotuzumab ozogamicin, aged >=55 years", "OS_MEDIAN", 8.6),
      ("standard chemotherapy, aged >=55 years", "OS_MEDIAN", 5.3)]),
    # one scope before a "respectively" list of the arms' values is not a list of scopes
    (_RANDOMISED + "For patients in first salvage, CR rates were 88% and 30%, respectively.",
     [("inotuzumab ozogamicin, first salvage", "CR", 88.0), ("standard chemotherapy, first salvage", "CR", 30.0)]),
    # the analysed population, a count of patients, and responders (the denominator of MRD negativity) are the arms'
    (_RANDOMISED + "In the intention-to-treat population, the CR rate was 81% with InO and 29% with SC.",
     [("inotuzumab ozogamicin", "CR", 81.0), ("standard chemotherapy", "CR", 29.0)]),
    (_RANDOMISED + "Among the first 218 patients, CR/CRi was 80.7% with InO and 29.4% with SC.",
     [("inotuzumab ozogamicin", "CR_CRi", 80.7), ("standard chemotherapy", "CR_CRi", 29.4)]),
    (_RANDOMISED + "Among patients in remission, MRD negativity was 78% with InO vs 28% with SC.",
     [("inotuzumab ozogamicin", "MRD_NEG", 78.0), ("standard chemotherapy", "MRD_NEG", 28.0)]),
    # a scope of another kind than patients is no subgroup
    (_RANDOMISED + "In the first cycle, CRS occurred in 20% with InO vs 5% with SC.",
     [("inotuzumab ozogamicin", "CRS", 20.0), ("standard chemotherapy", "CRS", 5.0)]),
])
def test_phrasings_arm_within_subgroup(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcome", [
    # one value of a group named by its attribute between the endpoint and the verb
    ("The CR rate among Ph-positive patients was 80%.", ("Ph-positive", "CR", 80.0)),
    ("The CR rate in patients with Ph-positive ALL was 80%.", ("Ph-positive ALL", "CR", 80.0)),
    ("The median OS of Ph-negative patients was 7.5 months.", ("Ph-negative", "OS_MEDIAN", 7.5)),
    # a share of patients, the rate among responders (the cohort's MRD rate) and a count of patients are no group
    ("The proportion of patients with MRD negativity was 60%.", ("all", "MRD_NEG", 60.0)),
    ("The MRD negativity rate among the responders was 93%.", ("all", "MRD_NEG", 93.0)),
    ("The CR rate among all 50 patients was 70%.", ("all", "CR", 70.0)),
])
def test_phrasings_one_value_of_a_named_group(nlp, text, outcome):
    assert _outcomes(_run(nlp, text)) == [outcome]


def _arm_regimens(record: dict) -> list[tuple]:
    return [(a["label"], a["n"], a["regimen"]) for a in record["arms"]]


@pytest.mark.parametrize("text, arms, outcomes", [
    # arm codes with their regimens in brackets: the arms keep their codes (the values name them) and get the regimens
    ("Patients were randomized to arm A (clofarabine plus cytarabine) or arm B (cytarabine alone). The CR rate was "
     "47% in arm A and 23% in arm B.", [("arm A", None, "clofarabine + cytarabine"), ("arm B", None, "cytarabine")],
     [("arm A", "CR", 47.0), ("arm B", "CR", 23.0)]),
    # the n after the regimen in the code's bracket
    ("Eighty patients were randomized to arm A (hyper-CVAD plus rituximab; n = 41) or arm B (hyper-CVAD; n = 39). EFS "
     "at 3 years was 52% in arm A and 38% in arm B.",
     [("arm A", 41, "hyper-CVAD + rituximab"), ("arm B", 39, "hyper-CVAD")],
     [("arm A", "EFS_RATE", 52.0), ("arm B", "EFS_RATE", 38.0)]),
    # a bracket holding only the n is no regimen
    ("Patients were randomized to arm A (n = 41) or arm B (n = 39). CR was 90% in arm A and 85% in arm B.",
     [("arm A", 41, ""), ("arm B", 39, "")], [("arm A", "CR", 90.0), ("arm B", "CR", 85.0)]),
])
def test_phrasings_coded_arms_with_regimens(nlp, text, arms, outcomes):
    record = _run(nlp, text)
    assert _arm_regimens(record) == arms
    assert _outcomes(record) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # a comparator named first ("Compared with X, Y ...") is compared second
    ("Patients were randomly assigned to blinatumomab or chemotherapy. Compared with chemotherapy, blinatumomab "
     "improved median EFS (7.3 vs 4.6 months).",
     [("blinatumomab", "EFS_MEDIAN", 7.3), ("chemotherapy", "EFS_MEDIAN", 4.6)]),
    ("Patients were randomly assigned to blinatumomab or chemotherapy. Relative to chemotherapy, blinatumomab gave a "
     "higher CR rate (34% vs 16%).", [("blinatumomab", "CR", 34.0), ("chemotherapy", "CR", 16.0)]),
    # named in turn, the comparator already second
    ("Patients were randomly assigned to blinatumomab or chemotherapy. Blinatumomab resulted in a higher CR rate than "
     "chemotherapy (34% vs 16%).", [("blinatumomab", "CR", 34.0), ("chemotherapy", "CR", 16.0)]),
    # a regimen written with an abbreviation keeps its hyphen ("hyper-CVAD alone", not "hyper CVAD alone")
    ("Patients were randomly assigned to receive rituximab plus hyper-CVAD (n = 105) or hyper-CVAD alone (n = 104). "
     "The 2-year EFS was 65% versus 52%.",
     [("hyper-CVAD alone", "EFS_RATE", 52.0), ("rituximab + hyper-CVAD", "EFS_RATE", 65.0)]),
])
def test_phrasings_two_arms_in_order(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # the group named by its head word before the verb: "in the T-ALL subgroup was"
    ("Forty patients were treated. The CR rate in the T-ALL subgroup was 45%.", [("T-ALL", "CR", 45.0)]),
    # a leading "In those with X," names X, as "In patients with X," does
    ("Forty patients were treated. In those with low disease burden, median EFS was 10 months.",
     [("low disease burden", "EFS_MEDIAN", 10.0)]),
    # the first of two groups named between the endpoint and the verb, the second after its value
    ("Forty patients were treated. The median OS of responders was 12 months, versus 3 months for nonresponders.",
     [("nonresponders", "OS_MEDIAN", 3.0), ("responders", "OS_MEDIAN", 12.0)]),
    # the whole cohort beside a subgroup shares no head word with it
    ("Forty patients were treated. Median OS was 9.0 months overall and 12.1 months in patients in first salvage.",
     [("all", "OS_MEDIAN", 9.0), ("first salvage", "OS_MEDIAN", 12.1)]),
])
def test_phrasings_single_arm_groups(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcome", [
    # the analysed population of the trial is its whole cohort
    ("In the intention-to-treat population, CR/CRi was 80.7%.", ("all", "CR_CRi", 80.7)),
    ("Among all randomized patients, the CR rate was 55%.", ("all", "CR", 55.0)),
    # a population named by an attribute is a subgroup
    ("In the pediatric population, the CR rate was 90%.", ("pediatric population", "CR", 90.0)),
])
def test_phrasings_analysed_population(nlp, text, outcome):
    assert _outcomes(_run(nlp, text)) == [outcome]


@pytest.mark.parametrize("text, arms", [
    # the total before the arms is no arm's size: "N to A and M to B" sizes them
    ("We randomized 108 patients to blinatumomab or chemotherapy (54 to blinatumomab and 54 to chemotherapy).",
     [("blinatumomab", 54), ("chemotherapy", 54)]),
    ("Overall, 80 patients were randomized to blinatumomab or chemotherapy; 41 were assigned to blinatumomab and 39 "
     "to chemotherapy.", [("blinatumomab", 41), ("chemotherapy", 39)]),
])
def test_phrasings_arm_sizes_after_the_total(nlp, text, arms):
    assert [(a["label"], a["n"]) for a in _run(nlp, text)["arms"]] == arms


@pytest.mark.parametrize("text, arms", [
    # the arms counted in a bracket after the assignment
    ("A total of 108 patients were randomized (54 to blinatumomab and 54 to chemotherapy).",
     [("blinatumomab", 54), ("chemotherapy", 54)]),
    ("Overall, 326 patients were randomly assigned (164 to inotuzumab ozogamicin and 162 to standard chemotherapy).",
     [("inotuzumab ozogamicin", 164), ("standard chemotherapy", 162)]),
    # later therapy of part of the cohort is no arm
    ("Of the patients, 30 received salvage (12 to FLAG and 18 to hyper-CVAD) after relapse.", [("all", None)]),
])
def test_phrasings_arms_counted_in_a_bracket(nlp, text, arms):
    assert [(a["label"], a["n"]) for a in _run(nlp, text)["arms"]] == arms


@pytest.mark.parametrize("text, outcomes", [
    # treatments named after each value, a plural regimen head and a bracket after the name included
    ("The CR rate was 52% with nelarabine-based therapy compared with 40% with other regimens (P = .27).",
     [("nelarabine-based therapy", "CR", 52.0), ("other regimens", "CR", 40.0)]),
    # the whole cohort's value first, then the treatments'
    ("The overall CR rate after first salvage was 45% (41/92), and was 52% with nelarabine-based therapy compared "
     "with 40% with other regimens (P = .27).",
     [("all", "CR", 45.0), ("nelarabine-based therapy", "CR", 52.0), ("other regimens", "CR", 40.0)]),
])
def test_phrasings_values_named_by_the_treatment_after_them(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes
