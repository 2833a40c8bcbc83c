"""Recurring phrasings of arms and subgroups in trial abstracts (seventh set: cell doses, cycles and assays, arms
inside counts, contrasted populations and statuses), written in our own words, run end to end.

Each case is a way arms or subgroups are commonly written that an earlier version got wrong; the figures restate
published studies' results.
"""
from __future__ import annotations

import pytest

from phrasing_cases import outcome_triples as _outcomes, run_text as _run


def _arms(record: dict) -> list[tuple]:
    return [(a["label"], a["n"]) for a in record["arms"]]


@pytest.mark.parametrize("text, outcomes", [
    # a cell dose names the group whole, not from its exponent on
    ("Patients receiving 1 × 10^6 cells/kg of KTE-X19 had a CR rate of 69%.", [("1 × 10^6 cells/kg", "CR", 69.0)]),
    ("Patients who received 2 × 10^6 CAR T cells/kg had a median OS of 12.1 months.",
     [("2 × 10^6 CAR T cells/kg", "OS_MEDIAN", 12.1)]),
    ("The CR rate was 69% in patients receiving 1 × 10^6 cells/kg and 50% in those receiving 0.5 × 10^6 cells/kg.",
     [("0.5 × 10^6 cells/kg", "CR", 50.0), ("1 × 10^6 cells/kg", "CR", 69.0)]),
    ("The CR rate was 57% in patients treated at 1 × 10^6 cells/kg and 80% in those treated at 3 × 10^6 cells/kg.",
     [("1 × 10^6 cells/kg", "CR", 57.0), ("3 × 10^6 cells/kg", "CR", 80.0)]),
    # a time point after "at" still ends the group
    ("The OS was 60% in responders at 12 months and 20% in non-responders.",
     [("non-responders", "OS_RATE", 20.0), ("responders", "OS_RATE", 60.0)]),
    # doses listed with their unit at the end name their groups ("9 µg/day", not the unit alone)
    ("CR/CRh rates were 35%, 43% and 50% in the 9, 15 and 28 µg/day groups, respectively.",
     [("15 µg/day", "CR_CRi", 43.0), ("28 µg/day", "CR_CRi", 50.0), ("9 µg/day", "CR_CRi", 35.0)]),
    # the group's size still comes off
    ("The CR rate was 59% in 17 patients with B-precursor ALL.", [("B-precursor ALL", "CR", 59.0)]),
])
def test_phrasings_cell_dose_groups(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # a respectively over cycles or assays zips one group's values, not groups
    ("The CR rate after one and two cycles was 45% and 70%, respectively.", [("all", "CR", 45.0), ("all", "CR", 70.0)]),
    ("MRD negativity by flow cytometry and by PCR was 70% and 55%, respectively.",
     [("all", "MRD_NEG", 55.0), ("all", "MRD_NEG", 70.0)]),
    ("MRD negativity rates by flow cytometry and PCR were 70% and 55%, respectively.",
     [("all", "MRD_NEG", 55.0), ("all", "MRD_NEG", 70.0)]),
    # a respectively over groups is still one
    ("The CR rates in first and second salvage were 60% and 40%, respectively.",
     [("first salvage", "CR", 60.0), ("second salvage", "CR", 40.0)]),
])
def test_phrasings_cycles_and_assays_not_groups(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


_RANDOMIZED = "Patients were randomized to inotuzumab ozogamicin (n=164) or blinatumomab (n=162). "


@pytest.mark.parametrize("text, outcomes", [
    # an arm named between a count and its share
    (_RANDOMIZED + "VOD occurred in 7 inotuzumab patients (10%).", [("inotuzumab ozogamicin", "VOD", 10.0)]),
    (_RANDOMIZED + "VOD occurred in 7 inotuzumab patients (10%) and none of the blinatumomab patients.",
     [("inotuzumab ozogamicin", "VOD", 10.0)]),
    # a single-arm study has no arm to name
    ("VOD occurred in 7 inotuzumab patients (10%).", [("all", "VOD", 10.0)]),
])
def test_phrasings_arm_inside_count(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # adults contrasted with children are a group, not the cohort
    ("The CR rate was 91% in pediatric patients and 73% in adults.", [("adults", "CR", 73.0), ("pediatric", "CR", 91.0)]),
    ("The CR rate was 91% in children and 73% in adults.", [("adults", "CR", 73.0), ("children", "CR", 91.0)]),
    ("The CR rate was 62% in children, 55% in adolescents, and 41% in adults.",
     [("adolescents", "CR", 55.0), ("adults", "CR", 41.0), ("children", "CR", 62.0)]),
    # adults beside older adults are the cohort
    ("The CR rate was 80% in adults and 60% in older adults.", [("all", "CR", 80.0), ("older", "CR", 60.0)]),
    # two statuses sharing "patients": the head names neither
    ("CR was 80% (12 of 15) in CD19-positive and 50% (3 of 6) in CD19-negative patients.",
     [("CD19-negative", "CR", 50.0), ("CD19-positive", "CR", 80.0)]),
    # a status names its patients wherever the sentence puts it
    ("In Ph-positive patients, the CR rate was 79%.", [("Ph-positive", "CR", 79.0)]),
    ("The 2-year OS was 65% in MRD-negative and 20% in MRD-positive patients.",
     [("MRD-negative", "OS_RATE", 65.0), ("MRD-positive", "OS_RATE", 20.0)]),
    # not words of age
    ("The CR rate was 70% in older and 85% in younger patients.", [("older", "CR", 70.0), ("younger", "CR", 85.0)]),
])
def test_phrasings_contrasted_groups(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


_LETTERED = ("Patients in first relapse were randomized to clofarabine alone (arm A), clofarabine plus cytarabine (arm B), "
             "or cytarabine plus idarubicin (arm C). ")
_THREE_ARMS = [("clofarabine alone", 30), ("clofarabine + cytarabine", 31), ("cytarabine + idarubicin", 29)]


@pytest.mark.parametrize("text, arms, outcomes", [
    # a randomisation over three arms with codes: each arm, sized by the enrolment list that adds up to the total
    (_LETTERED + "Ninety patients were enrolled: 30 in arm A, 31 in arm B and 29 in arm C. CR rates were 38%, 45% and "
     "20% in arms C, B and A, respectively.", _THREE_ARMS,
     [("clofarabine + cytarabine", "CR", 45.0), ("clofarabine alone", "CR", 20.0), ("cytarabine + idarubicin", "CR", 38.0)]),
    # the codes name the arms in values of their own
    (_LETTERED + "Ninety patients were enrolled: 30 in arm A, 31 in arm B and 29 in arm C. Median OS was 6.3 months in "
     "arm B and 4.1 months in arm A.", _THREE_ARMS,
     [("clofarabine + cytarabine", "OS_MEDIAN", 6.3), ("clofarabine alone", "OS_MEDIAN", 4.1)]),
    # counts that do not add up to the stated total are not the arms' sizes
    (_LETTERED + "Ninety patients were enrolled. CR was achieved by 6 in arm A, 14 in arm B and 11 in arm C.",
     [("clofarabine alone", None), ("clofarabine + cytarabine", None), ("cytarabine + idarubicin", None)], None),
])
def test_phrasings_lettered_arms(nlp, text, arms, outcomes):
    record = _run(nlp, text)
    assert _arms(record) == arms
    if outcomes is not None:
        assert _outcomes(record) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # a group named by its participle is the subject of its clause
    ("Patients transplanted in remission had a 2-year OS of 48% compared with 12% for those not transplanted.",
     [("not transplanted", "OS_RATE", 12.0), ("transplanted in remission", "OS_RATE", 48.0)]),
    ("Patients transplanted in first remission had a median OS of 25.1 months.",
     [("transplanted in first remission", "OS_MEDIAN", 25.1)]),
    # the study's treatment is no group
    ("Patients treated with blinatumomab had a median OS of 7.7 months.", [("all", "OS_MEDIAN", 7.7)]),
])
def test_phrasings_participle_subjects(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


def test_phrasings_arm_named_by_its_group_abbreviation(nlp):
    # an arm named by its group bracket keeps its label wherever a value names it ("in the InO group")
    record = _run(nlp, "Older patients were assigned to inotuzumab ozogamicin monotherapy (InO group; n=40) or inotuzumab "
                       "plus mini-HCVD (combination group; n=42). The CR/CRi rate was 68% in the InO group and 81% in the "
                       "combination group. The 2-year OS was 33% versus 45%.")
    labels = {a["label"] for a in record["arms"]}
    assert len(labels) == 2
    assert {o["arm"] for o in record["outcomes"]} == labels


@pytest.mark.parametrize("text, outcomes", [
    # a group named once before "respectively" holds both values: they are of the groups named before, and its
    # complement is not invented
    ("The CR rate was 51% in first salvage and 35% in second or later salvage. MRD response among responders was "
     "79% and 72%, respectively.",
     [("first salvage", "CR", 51.0), ("first salvage", "MRD_NEG", 79.0), ("second or later salvage", "CR", 35.0),
      ("second or later salvage", "MRD_NEG", 72.0)]),
    # without "respectively" the second value is still the complement's
    ("The median OS of patients who underwent transplant was 20 months versus 6 months.",
     [("no transplant", "OS_MEDIAN", 6.0), ("transplant", "OS_MEDIAN", 20.0)]),
])
def test_phrasings_one_group_before_respectively(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)
