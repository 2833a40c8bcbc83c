"""Recurring phrasings of values split per arm or subgroup (fourteenth round, second pass): the arms' pair then a pair
in a group opening a bracket item ("CR was 34% vs 16% (first salvage: 44% vs 25%)"), a pooled value said to be
overall before the arms' pair in a group ("34% overall and 44% vs 25% among patients in first salvage"), a second
clause whose verb is left out ("Ph-positive patients had a CR rate of 80%, and Ph-negative patients 60%"), groups
that "had" the rate the sentence before named ("The CR rate was 70%. Patients younger than 60 years had 80%, and
those aged 60 years or older had 60%"), a drug randomized on two dosing rhythms with their ns ("inotuzumab weekly (n
= 49) or monthly (n = 41)") and arms named by their roles ("The experimental arm received A; the control arm received
B"). Written in our own words, run end to end; the figures are invented.
"""
from __future__ import annotations

import pytest

from phrasing_cases import outcome_triples as _outcomes, run_text as _run


BLINA = "Patients were randomized to blinatumomab (n = 271) or chemotherapy (n = 134). "
SINGLE = "Sixty patients received inotuzumab. "


def _arms(record: dict) -> list[tuple]:
    return sorted((a["label"], a["n"]) for a in record["arms"])


@pytest.mark.parametrize("text, outcomes", [
    # the arms' own pair, then the pair of a group opening its bracket item (was "group 1/2/4" and "first salvage")
    (BLINA + "CR was 34% vs 16% (first salvage: 44% vs 25%).",
     [("blinatumomab", "CR", 34.0), ("blinatumomab, first salvage", "CR", 44.0), ("chemotherapy", "CR", 16.0),
      ("chemotherapy, first salvage", "CR", 25.0)]),
    (BLINA + "CR was 34% vs 16% (first salvage: 44% vs 25%; second salvage: 30% vs 10%).",
     [("blinatumomab", "CR", 34.0), ("blinatumomab, first salvage", "CR", 44.0),
      ("blinatumomab, second salvage", "CR", 30.0), ("chemotherapy", "CR", 16.0),
      ("chemotherapy, first salvage", "CR", 25.0), ("chemotherapy, second salvage", "CR", 10.0)]),
    ("Patients were randomized to inotuzumab (n = 164) or standard of care (n = 162). The CR/CRi rate was 80.7% vs "
     "29.4% (Ph-negative: 73% vs 56%).",
     [("inotuzumab ozogamicin", "CR_CRi", 80.7), ("inotuzumab ozogamicin, Ph-negative", "CR_CRi", 73.0),
      ("standard of care", "CR_CRi", 29.4), ("standard of care, Ph-negative", "CR_CRi", 56.0)]),
    (BLINA + "CR was 34% vs 16% (first salvage, 44% vs 25%; later salvage, 30% vs 10%).",
     [("blinatumomab", "CR", 34.0), ("blinatumomab, first salvage", "CR", 44.0),
      ("blinatumomab, later salvage", "CR", 30.0), ("chemotherapy", "CR", 16.0),
      ("chemotherapy, first salvage", "CR", 25.0), ("chemotherapy, later salvage", "CR", 10.0)]),
    (BLINA + "Median OS was 7.7 vs 4.0 months (first salvage: 11.1 vs 5.3 months).",
     [("blinatumomab", "OS_MEDIAN", 7.7), ("blinatumomab, first salvage", "OS_MEDIAN", 11.1),
      ("chemotherapy", "OS_MEDIAN", 4.0), ("chemotherapy, first salvage", "OS_MEDIAN", 5.3)]),
    # negative: statistics in the bracket are no group
    (BLINA + "CR was 34% vs 16% (P < .001; 95% CI: 10% to 20%).",
     [("blinatumomab", "CR", 34.0), ("chemotherapy", "CR", 16.0)]),
])
def test_arms21b_arm_pairs_in_bracket_items(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # a pooled value said to be overall, then the arms' pair in a group (was "group 2" and the group's 25%)
    (BLINA + "The CR rate was 34% overall and 44% vs 25% among patients in first salvage.",
     [("all", "CR", 34.0), ("blinatumomab, first salvage", "CR", 44.0), ("chemotherapy, first salvage", "CR", 25.0)]),
    (BLINA + "The CR rate was 34% overall, and 44% vs 25% in first salvage.",
     [("all", "CR", 34.0), ("blinatumomab, first salvage", "CR", 44.0), ("chemotherapy, first salvage", "CR", 25.0)]),
    (BLINA + "The CR rate was 34% overall, 44% vs 25% in first salvage and 30% vs 10% in second salvage.",
     [("all", "CR", 34.0), ("blinatumomab, first salvage", "CR", 44.0), ("blinatumomab, second salvage", "CR", 30.0),
      ("chemotherapy, first salvage", "CR", 25.0), ("chemotherapy, second salvage", "CR", 10.0)]),
    (BLINA + "The CR rate was 34% overall and 44% vs 25% among patients with Ph-negative disease.",
     [("all", "CR", 34.0), ("blinatumomab, Ph-negative disease", "CR", 44.0),
      ("chemotherapy, Ph-negative disease", "CR", 25.0)]),
    # a single-arm study's overall value and groups are unchanged
    (SINGLE + "The CR rate was 34% overall, 44% in first salvage and 25% in second salvage.",
     [("all", "CR", 34.0), ("first salvage", "CR", 44.0), ("second salvage", "CR", 25.0)]),
])
def test_arms21b_overall_then_arm_pairs(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # the second clause's verb left out: its subject is its group (was "group 1/2")
    (SINGLE + "Ph-positive patients had a CR rate of 80%, and Ph-negative patients 60%.",
     [("Ph-negative", "CR", 60.0), ("Ph-positive", "CR", 80.0)]),
    (SINGLE + "Patients younger than 60 years had a CR rate of 80%, and those aged 60 years or older 60%.",
     [("age <60 years", "CR", 80.0), ("aged >=60 years", "CR", 60.0)]),
    (SINGLE + "Patients with MRD had a CR rate of 60%, and patients without MRD 80%.", [("MRD", "CR", 60.0), ("no MRD", "CR", 80.0)]),
    (SINGLE + "T-ALL patients had a CR rate of 50%, and B-ALL patients 75%.", [("B-ALL", "CR", 75.0), ("T-ALL", "CR", 50.0)]),
    (SINGLE + "Patients in CR2 had a 1-year OS of 70%, and those in CR3 40%.",
     [("CR2", "OS_RATE", 70.0), ("CR3", "OS_RATE", 40.0)]),
    # with its verb, too (the second subject after "and" opens a clause of its own)
    (SINGLE + "Patients younger than 60 years had a CR rate of 80%, and those aged 60 years or older had a CR rate "
     "of 60%.", [("age <60 years", "CR", 80.0), ("aged >=60 years", "CR", 60.0)]),
    (SINGLE + "Ph-positive patients had a CR rate of 80%, while Ph-negative patients had 60%.",
     [("Ph-negative", "CR", 60.0), ("Ph-positive", "CR", 80.0)]),
])
def test_arms21b_subject_with_its_verb_left_out(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # groups that "had" a rate in a sentence naming no endpoint: the endpoint of the sentence before (were dropped)
    (SINGLE + "The CR rate was 70%. Patients younger than 60 years had 80%, and those aged 60 years or older had 60%.",
     [("age <60 years", "CR", 80.0), ("aged >=60 years", "CR", 60.0), ("all", "CR", 70.0)]),
    (SINGLE + "The CR rate was 70%. Patients with Ph-positive ALL had 80%, and those with Ph-negative ALL had 65%.",
     [("Ph-negative ALL", "CR", 65.0), ("Ph-positive ALL", "CR", 80.0), ("all", "CR", 70.0)]),
    (SINGLE + "The CR rate was 70%. Ph-positive patients had 80% vs 65% for Ph-negative patients.",
     [("Ph-negative", "CR", 65.0), ("Ph-positive", "CR", 80.0), ("all", "CR", 70.0)]),
    (BLINA + "CR was 34% vs 16%. Patients in first salvage had 44% vs 25%.",
     [("blinatumomab", "CR", 34.0), ("blinatumomab, first salvage", "CR", 44.0), ("chemotherapy", "CR", 16.0),
      ("chemotherapy, first salvage", "CR", 25.0)]),
    # negative: a measure after the percentage, a count, two endpoints before, or no rate at all
    (SINGLE + "The CR rate was 70%. Patients with Ph-positive ALL had 80% marrow blasts at baseline.",
     [("all", "CR", 70.0)]),
    (SINGLE + "The CR rate was 70%. Patients with prior HSCT had 3 prior regimens.", [("all", "CR", 70.0)]),
    (SINGLE + "The CR rate was 70% and the 1-year OS 40%. Patients with prior HSCT had 50%.",
     [("all", "CR", 70.0), ("all", "OS_RATE", 40.0)]),
    (SINGLE + "Median OS was 7.7 months. Patients in CR had 12 months.", [("all", "OS_MEDIAN", 7.7)]),
])
def test_arms21b_groups_that_had_the_rate_before(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, arms, outcomes", [
    # a drug randomized on two dosing rhythms, each with its n (was one arm and "group 1/2")
    ("Ninety patients were randomized to inotuzumab weekly (n = 49) or monthly (n = 41). CR was 60% vs 55%.",
     [("monthly inotuzumab ozogamicin", 41), ("weekly inotuzumab ozogamicin", 49)],
     [("monthly inotuzumab ozogamicin", "CR", 55.0), ("weekly inotuzumab ozogamicin", "CR", 60.0)]),
    ("Ninety patients were randomized to inotuzumab weekly (n = 49) or monthly (n = 41). The CR rate was 60% in the "
     "weekly arm and 55% in the monthly arm.",
     [("monthly inotuzumab ozogamicin", 41), ("weekly inotuzumab ozogamicin", 49)],
     [("monthly inotuzumab ozogamicin", "CR", 55.0), ("weekly inotuzumab ozogamicin", "CR", 60.0)]),
    ("Patients were randomized to inotuzumab weekly or monthly. Median OS was 7.0 months with weekly and 6.0 months "
     "with monthly dosing.",
     [("monthly inotuzumab ozogamicin", None), ("weekly inotuzumab ozogamicin", None)],
     [("monthly inotuzumab ozogamicin", "OS_MEDIAN", 6.0), ("weekly inotuzumab ozogamicin", "OS_MEDIAN", 7.0)]),
    # the schedules read before stay as they were
    ("Patients were randomized to blinatumomab given early or late. CR was 60% vs 55%.",
     [("early blinatumomab", None), ("late blinatumomab", None)],
     [("early blinatumomab", "CR", 60.0), ("late blinatumomab", "CR", 55.0)]),
])
def test_arms21b_dosing_rhythm_arms(nlp, text, arms, outcomes):
    record = _run(nlp, text)
    assert _arms(record) == arms
    assert _outcomes(record) == sorted(outcomes)


@pytest.mark.parametrize("text, arms, outcomes", [
    # arms named by their roles, each with its treatment (was one arm of both drugs and "group 1/2")
    ("Seventy patients were randomized. The experimental arm received inotuzumab; the control arm received FLAG. CR "
     "was 80% vs 30%.", [("FLAG", None), ("inotuzumab ozogamicin", None)],
     [("FLAG", "CR", 30.0), ("inotuzumab ozogamicin", "CR", 80.0)]),
    ("Seventy patients were randomized. The experimental arm received inotuzumab, and the control arm received FLAG. "
     "The CR rate was 80% in the experimental arm and 30% in the control arm.",
     [("FLAG", None), ("inotuzumab ozogamicin", None)],
     [("FLAG", "CR", 30.0), ("inotuzumab ozogamicin", "CR", 80.0)]),
    ("Seventy patients were enrolled. Patients in the investigational group were treated with blinatumomab, and those "
     "in the control group with standard chemotherapy. Median OS was 7.7 vs 4.0 months.",
     [("blinatumomab", None), ("standard chemotherapy", None)],
     [("blinatumomab", "OS_MEDIAN", 7.7), ("standard chemotherapy", "OS_MEDIAN", 4.0)]),
    ("Seventy patients were randomized. The experimental arm (n = 35) received inotuzumab plus mini-hyper-CVD; the "
     "control arm (n = 35) received hyper-CVAD. CR was 80% vs 60%.",
     [("hyper-CVAD", 35), ("inotuzumab + mini-HCVD", 35)],
     [("hyper-CVAD", "CR", 60.0), ("inotuzumab + mini-HCVD", "CR", 80.0)]),
    ("Seventy patients were randomized. The experimental arm received inotuzumab given weekly; the control arm "
     "received FLAG as salvage. CR was 80% vs 30%.", [("FLAG", None), ("inotuzumab ozogamicin", None)],
     [("FLAG", "CR", 30.0), ("inotuzumab ozogamicin", "CR", 80.0)]),
    # negative: a control group with no treatment of its own is no arm
    ("Forty patients received inotuzumab. The study group received inotuzumab; the control group was historical. CR "
     "was 80%.", [("all", 40)], [("all", "CR", 80.0)]),
])
def test_arms21b_arms_named_by_role(nlp, text, arms, outcomes):
    record = _run(nlp, text)
    assert _arms(record) == arms
    assert _outcomes(record) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # populations as subjects, the second's verb left out (was "group 1/2")
    (SINGLE + "Children had a CR rate of 90%, and adults 70%.", [("adults", "CR", 70.0), ("children", "CR", 90.0)]),
    (SINGLE + "The CR rate was 90% in children and 70% in adults.", [("adults", "CR", 70.0), ("children", "CR", 90.0)]),
    (SINGLE + "Children had a CR rate of 90%, while adults had 70%.", [("adults", "CR", 70.0), ("children", "CR", 90.0)]),
    (SINGLE + "Children had a CR rate of 90% and adults had 70%.", [("adults", "CR", 70.0), ("children", "CR", 90.0)]),
])
def test_arms21b_populations_with_the_verb_left_out(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)
