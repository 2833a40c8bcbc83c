"""Recurring phrasings of arms and subgroups in trial abstracts (fifth set: real-world and multi-cohort comparisons),
written in our own words, run end to end.

Each case is a way arms or subgroups are commonly written that an earlier version got wrong; the figures restate
published studies' results.
"""
from __future__ import annotations

import pytest

from phrasing_cases import outcome_triples as _outcomes, run_text as _run

_TWO_DRUGS = "Of 100 patients, 40 received inotuzumab ozogamicin and 60 received blinatumomab. "
_RANDOMISED = "Patients were randomized to blinatumomab or chemotherapy. "


def _arms(record: dict) -> list[tuple]:
    return [(a["label"], a["n"]) for a in record["arms"]]


@pytest.mark.parametrize("text, outcomes", [
    # a group named only by a drug's short name is named as the drug's arm is, by its canonical name
    ("The InO and blinatumomab cohorts had CR/CRi rates of 75% and 55%, respectively.",
     [("blinatumomab", "CR_CRi", 55.0), ("inotuzumab ozogamicin", "CR_CRi", 75.0)]),
    ("Patients were treated with inotuzumab ozogamicin or blinatumomab. The CR rate was 75% in the InO group and 55% "
     "in the Blina group.",
     [("blinatumomab", "CR", 55.0), ("inotuzumab ozogamicin", "CR", 75.0)]),
    (_TWO_DRUGS + "In the InO cohort, the CR rate was 75% and the median OS 9.1 months.",
     [("inotuzumab ozogamicin", "CR", 75.0), ("inotuzumab ozogamicin", "OS_MEDIAN", 9.1)]),
])
def test_phrasings_group_named_by_a_drug_short_name(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # the one drug of a study without two arms is its cohort's
    ("Adults received axi-cel after lymphodepletion. Patients treated with axi-cel (n = 25) had a CR rate of 80%.",
     [("all", "CR", 80.0)]),
    # beside a historical control ("historical cohort" names the control)
    ("Outcomes with inotuzumab were compared with a historical cohort treated with salvage chemotherapy. The CR rate "
     "was 70% with inotuzumab and 35% in the historical cohort.",
     [("all", "CR", 70.0), ("historical controls", "CR", 35.0)]),
    # not beside another treatment: both stay named
    ("Patients received blinatumomab. The CR rate was 40% with blinatumomab and 20% with chemotherapy.",
     [("blinatumomab", "CR", 40.0), ("chemotherapy", "CR", 20.0)]),
])
def test_phrasings_single_arm_drug_is_the_cohort(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, arms, outcomes", [
    # three counted arms adding up to the stated total
    ("Of the 240 patients, 80 received chemotherapy, 80 received blinatumomab and 80 received inotuzumab ozogamicin. "
     "CR rates were 30%, 40% and 70%, respectively.",
     [("chemotherapy", 80), ("blinatumomab", 80), ("inotuzumab ozogamicin", 80)],
     [("blinatumomab", "CR", 40.0), ("chemotherapy", "CR", 30.0), ("inotuzumab ozogamicin", "CR", 70.0)]),
    ("The study enrolled 240 patients: 80 received hyper-CVAD, 80 received blinatumomab and 80 received inotuzumab "
     "ozogamicin. CR was 40%, 44% and 80%, respectively.",
     [("hyper-CVAD", 80), ("blinatumomab", 80), ("inotuzumab ozogamicin", 80)],
     [("blinatumomab", "CR", 44.0), ("hyper-CVAD", "CR", 40.0), ("inotuzumab ozogamicin", "CR", 80.0)]),
    # the second verb left out ("and 60 with ...")
    ("Of 150 patients, 90 were treated with blinatumomab and 60 with inotuzumab ozogamicin. Median OS was 8.0 vs 10.5 "
     "months.",
     [("blinatumomab", 90), ("inotuzumab ozogamicin", 60)],
     [("blinatumomab", "OS_MEDIAN", 8.0), ("inotuzumab ozogamicin", "OS_MEDIAN", 10.5)]),
    # a bracket list of treatments is the arms by their canonical names; its total may be written in words
    ("A total of 75 patients were included (tisa-cel, n = 45; brexu-cel, n = 30). CR rates were 85% and 90%, "
     "respectively.",
     [("tisagenlecleucel", 45), ("brexucabtagene autoleucel", 30)],
     [("brexucabtagene autoleucel", "CR", 90.0), ("tisagenlecleucel", "CR", 85.0)]),
    ("Seventy-five patients (tisagenlecleucel, n = 45; brexucabtagene autoleucel, n = 30) were included. The CR rate "
     "was 85% with tisagenlecleucel and 90% with brexucabtagene autoleucel.",
     [("tisagenlecleucel", 45), ("brexucabtagene autoleucel", 30)],
     [("brexucabtagene autoleucel", "CR", 90.0), ("tisagenlecleucel", "CR", 85.0)]),
])
def test_phrasings_counted_arms(nlp, text, arms, outcomes):
    record = _run(nlp, text)
    assert _arms(record) == arms
    assert _outcomes(record) == sorted(outcomes)


@pytest.mark.parametrize("text", [
    # counts without a total they add up to are no arms (later therapy of part of the cohort, say)
    "Eighty patients received hyper-CVAD, 80 received blinatumomab and 80 received inotuzumab ozogamicin.",
    "After relapse, 5 patients received blinatumomab, 3 received inotuzumab and 2 received chemotherapy.",
])
def test_phrasings_counted_list_without_total_is_no_arms(nlp, text):
    assert [label for label, _ in _arms(_run(nlp, text))] == ["all"]


@pytest.mark.parametrize("text, outcomes", [
    # a group within an arm is the arm's in that subgroup
    (_RANDOMISED + "Ph-negative patients in the blinatumomab group had a CR rate of 44%.",
     [("blinatumomab, Ph-negative", "CR", 44.0)]),
    (_RANDOMISED + "Among Ph-negative patients in the blinatumomab group, the CR rate was 44%.",
     [("blinatumomab, Ph-negative", "CR", 44.0)]),
    (_TWO_DRUGS + "Ph-positive patients in the InO cohort had a CR rate of 80%.",
     [("inotuzumab ozogamicin, Ph-positive", "CR", 80.0)]),
    # the arm's responders or its patients are the arm's
    (_RANDOMISED + "Responders in the blinatumomab group had an MRD negativity rate of 76%.",
     [("blinatumomab", "MRD_NEG", 76.0)]),
    (_RANDOMISED + "Patients in the blinatumomab group had a CR rate of 44%.", [("blinatumomab", "CR", 44.0)]),
])
def test_phrasings_group_within_an_arm(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # a status right after each count's bracket names its group
    ("CR was achieved in 24 of 30 (80%) Ph-positive and 26 of 40 (65%) Ph-negative patients.",
     [("Ph-negative", "CR", 65.0), ("Ph-positive", "CR", 80.0)]),
    ("CR was achieved in 24/30 (80%) Ph+ and 26/40 (65%) Ph- patients.",
     [("Ph+", "CR", 80.0), ("Ph-", "CR", 65.0)]),
    ("MRD negativity was achieved in 20 (67%) Ph-positive and 18 (45%) Ph-negative patients.",
     [("Ph-negative", "MRD_NEG", 45.0), ("Ph-positive", "MRD_NEG", 67.0)]),
])
def test_phrasings_status_after_a_count(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # a group named by a bound, compared in a bracket: the other value is the other side of the bound
    ("OS was longer for patients in CR1 > 12 months (10.2 vs 5.1 months).",
     [("CR1 <=12 months", "OS_MEDIAN", 5.1), ("CR1 >12 months", "OS_MEDIAN", 10.2)]),
    # "with X and ... without"
    ("The 2-year OS was 60% with consolidative HSCT and 30% without (P = .01).",
     [("consolidative HSCT", "OS_RATE", 60.0), ("no consolidative HSCT", "OS_RATE", 30.0)]),
    ("Median OS was 20.1 months with subsequent transplant versus 6.5 months without (P < .001).",
     [("no subsequent transplant", "OS_MEDIAN", 6.5), ("subsequent transplant", "OS_MEDIAN", 20.1)]),
    # a dose level as the sentence's scope, the compared one after its value
    ("At dose level 1, 2 of 6 patients (33%) achieved CR, compared with 5 of 6 (83%) at dose level 2.",
     [("dose level 1", "CR", 33.0), ("dose level 2", "CR", 83.0)]),
    ("At dose level 2, the CR rate was 83%.", [("dose level 2", "CR", 83.0)]),
])
def test_phrasings_compared_groups(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # a group named by no bound is not given a made-up complement; "At 6 months" is no scope
    ("OS was longer for patients with MRD negativity (10.2 vs 5.1 months).", None),
    ("At 6 months, the OS rate was 70%.", [("all", "OS_RATE", 70.0)]),
])
def test_phrasings_compared_groups_not_over_read(nlp, text, outcomes):
    found = _outcomes(_run(nlp, text))
    if outcomes is None:
        assert not any(arm.startswith("no ") for arm, _, _ in found)
    else:
        assert found == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # subgroups within an arm's scope are the arm's in them
    (_RANDOMISED + "In the blinatumomab arm, CR was 44% among Ph-negative and 30% among Ph-positive patients.",
     [("blinatumomab, Ph-negative", "CR", 44.0), ("blinatumomab, Ph-positive", "CR", 30.0)]),
    # the first clause's value keeps the group after it
    (_RANDOMISED + "Median OS was 7.7 months in the blinatumomab group; among patients in first salvage it was 11.1 "
     "months.",
     [("blinatumomab", "OS_MEDIAN", 7.7), ("first salvage", "OS_MEDIAN", 11.1)]),
])
def test_phrasings_groups_in_an_arm_scope(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # the values of a sentence scoped to one arm are that arm's, not spread over the arms in order
    (_RANDOMISED + "In the blinatumomab group, CR was 44% in all patients and 60% in first salvage.",
     [("blinatumomab", "CR", 44.0), ("blinatumomab, first salvage", "CR", 60.0)]),
    ("Patients were randomized to inotuzumab or standard therapy. In the inotuzumab arm, the CR rate was 81% among "
     "patients younger than 55 years and 70% among those aged 55 years or older.",
     [("inotuzumab ozogamicin, age <55 years", "CR", 81.0), ("inotuzumab ozogamicin, aged >=55 years", "CR", 70.0)]),
    # the arm's responders are the arm's
    (_RANDOMISED + "In the blinatumomab arm, responders had an MRD negativity rate of 76%.",
     [("blinatumomab", "MRD_NEG", 76.0)]),
    (_RANDOMISED + "In the blinatumomab group, 76% of responders were MRD-negative.", [("blinatumomab", "MRD_NEG", 76.0)]),
])
def test_phrasings_values_of_one_arm_scope(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, arms, outcomes", [
    # an arm named by its drug and a group word is the drug's arm, its n read from its bracket
    ("We compared the InO cohort (n = 40) with the blinatumomab cohort (n = 60). CR/CRi was 75% vs 55%.",
     [("inotuzumab ozogamicin", 40), ("blinatumomab", 60)],
     [("blinatumomab", "CR_CRi", 55.0), ("inotuzumab ozogamicin", "CR_CRi", 75.0)]),
    # a comparator named first, after an article and an adjective, gets the second value
    ("Compared with a matched historical cohort, blinatumomab was associated with a higher CR rate (45% vs 25%).",
     [("all", None), ("historical controls", None)],
     [("all", "CR", 45.0), ("historical controls", "CR", 25.0)]),
])
def test_phrasings_arms_named_with_a_group_word(nlp, text, arms, outcomes):
    record = _run(nlp, text)
    assert _arms(record) == arms
    assert _outcomes(record) == sorted(outcomes)


def test_phrasings_complement_named_by_its_participle(nlp):
    text = "The CR rate was 70% among bridged patients and 85% among those who were not bridged."
    assert _outcomes(_run(nlp, text)) == [("bridged", "CR", 70.0), ("not bridged", "CR", 85.0)]


@pytest.mark.parametrize("text, outcomes", [
    # a list of groups with their sizes in brackets
    ("The pediatric cohort (n = 25) and the adult cohort (n = 35) had CR rates of 90% and 70%, respectively.",
     [("adult", "CR", 70.0), ("pediatric", "CR", 90.0)]),
    ("CR rates in Ph+ (n = 20) and Ph- (n = 40) patients were 85% and 70%, respectively.",
     [("Ph+", "CR", 85.0), ("Ph-", "CR", 70.0)]),
    # "respectively" without groups: those the sentence before defines with their sizes
    ("Pediatric (n = 25) and adult (n = 35) patients were treated. CR rates were 90% and 70%, respectively.",
     [("adult", "CR", 70.0), ("pediatric", "CR", 90.0)]),
    ("Children (n = 30) and adults (n = 20) were treated. CR rates were 90% and 70%, respectively.",
     [("adults", "CR", 70.0), ("children", "CR", 90.0)]),
    # not a list of endpoints of the one cohort
    ("Thirty patients were enrolled (n = 30). CR and MRD negativity rates were 70% and 40%, respectively.",
     [("all", "CR", 70.0), ("all", "MRD_NEG", 40.0)]),
])
def test_phrasings_groups_with_sizes(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # an arm named after its value by "after"
    ("Of 120 patients, 70 received CAR T-cell therapy and 50 received blinatumomab. Median OS was 20.1 months after "
     "CAR T and 12.0 months after blinatumomab.",
     [("CAR T cell therapy", "OS_MEDIAN", 20.1), ("blinatumomab", "OS_MEDIAN", 12.0)]),
    # "<drug>-treated patients" are the drug's arm
    (_TWO_DRUGS + "Among InO-treated patients, the CR rate was 75%.", [("inotuzumab ozogamicin", "CR", 75.0)]),
    # counts adding up to "a total of N"
    ("Fifty patients received blinatumomab and 50 received salvage chemotherapy, for a total of 100. In the "
     "chemotherapy group, the CR rate was 25%.", [("chemotherapy", "CR", 25.0)]),  # (the arm named as its group is)
])
def test_phrasings_arms_named_otherwise(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


def test_phrasings_drug_arm_named_as_an_arm_is_no_cohort(nlp):
    # "the inotuzumab arm" says there are other arms: the value stays the drug's
    text = "The incidence of VOD was 13% in the inotuzumab arm; no VOD occurred with chemotherapy."
    assert ("all", "VOD", 13.0) not in _outcomes(_run(nlp, text))


@pytest.mark.parametrize("text, outcomes", [
    # "respectively" lists whose items hold numbers, a shared head or tail given to each item
    ("CR rates were 50%, 60% and 70% in cohorts 1, 2 and 3, respectively.",
     [("cohort 1", "CR", 50.0), ("cohort 2", "CR", 60.0), ("cohort 3", "CR", 70.0)]),
    ("CR rates were 50%, 60% and 70% at dose levels 1, 2 and 3, respectively.",
     [("dose level 1", "CR", 50.0), ("dose level 2", "CR", 60.0), ("dose level 3", "CR", 70.0)]),
    ("CR rates were 33%, 50% and 83% at doses of 0.8, 1.2 and 1.8 mg/m2, respectively.",
     [("0.8 mg/m2", "CR", 33.0), ("1.2 mg/m2", "CR", 50.0), ("1.8 mg/m2", "CR", 83.0)]),
    ("CR rates were 80% and 50% for patients with CR1 >= 12 months and CR1 < 12 months, respectively.",
     [("CR1 <12 months", "CR", 50.0), ("CR1 >=12 months", "CR", 80.0)]),
    ("The CR rates for patients aged < 40, 40-59 and >= 60 years were 80%, 65% and 45%, respectively.",
     [("aged 40-59 years", "CR", 65.0), ("aged <40 years", "CR", 80.0), ("aged >=60 years", "CR", 45.0)]),
    ("Median OS was 9.2, 6.1 and 4.0 months in salvage 1, salvage 2 and salvage 3 or later, respectively.",
     [("salvage 1", "OS_MEDIAN", 9.2), ("salvage 2", "OS_MEDIAN", 6.1), ("salvage 3 or later", "OS_MEDIAN", 4.0)]),
    ("CR rates in patients with < 5%, 5-50% and > 50% marrow blasts were 90%, 75% and 60%, respectively.",
     [("5-50% marrow blasts", "CR", 75.0), ("<5% marrow blasts", "CR", 90.0), (">50% marrow blasts", "CR", 60.0)]),
])
def test_phrasings_numbered_lists(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text", [
    # lists over times or cycles are one group's values
    "CR rates at weeks 4 and 8 were 40% and 60%, respectively.",
    "CR rates were 40% and 60% in cycles 1 and 2, respectively.",
    "The OS was 60% and 40% at 1 and 2 years, respectively.",
])
def test_phrasings_numbered_lists_over_times_are_no_groups(nlp, text):
    assert not any(arm.startswith(("week", "cycle", "1 ", "2 ")) for arm, _, _ in _outcomes(_run(nlp, text)))


@pytest.mark.parametrize("text, outcomes", [
    # one drug's cohorts named in the sentence before a "respectively" without groups
    ("Patients received tisagenlecleucel in the pivotal cohort or expanded access cohort (n = 40). CR was 81% and 75%, "
     "respectively.", [("expanded access", "CR", 75.0), ("pivotal", "CR", 81.0)]),
    ("Patients were enrolled in the dose-escalation and expansion cohorts. CR rates were 50% and 70%, respectively.",
     [("dose-escalation", "CR", 50.0), ("expansion", "CR", 70.0)]),
    # a sentence's subject and verb are not a list of cohorts
    ("The study included a safety cohort and an efficacy cohort. Median OS was 8.0 and 10.1 months, respectively.",
     [("group 1", "OS_MEDIAN", 8.0), ("group 2", "OS_MEDIAN", 10.1)]),
])
def test_phrasings_cohorts_named_before(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # each value the subject of its own clause after "and"
    ("Ph+ patients had a CR rate of 80% and Ph- patients had a CR rate of 60%.",
     [("Ph+", "CR", 80.0), ("Ph-", "CR", 60.0)]),
    ("Patients in first salvage had a median OS of 9.1 months and those in second salvage had a median OS of 5.2 months.",
     [("first salvage", "OS_MEDIAN", 9.1), ("second salvage", "OS_MEDIAN", 5.2)]),
    ("Responders had a median OS of 12.0 months and nonresponders had a median OS of 3.1 months.",
     [("nonresponders", "OS_MEDIAN", 3.1), ("responders", "OS_MEDIAN", 12.0)]),
])
def test_phrasings_subject_of_each_clause(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


def test_phrasings_matched_cohort_is_the_arms(nlp):
    # the propensity-matched population is the analysed one, not a subgroup of the arms
    text = _TWO_DRUGS + "In the propensity score-matched cohort, median OS was 9.1 vs 7.4 months."
    assert _outcomes(_run(nlp, text)) == [("blinatumomab", "OS_MEDIAN", 7.4), ("inotuzumab ozogamicin", "OS_MEDIAN", 9.1)]


@pytest.mark.parametrize("text, outcomes", [
    # "respectively" without groups: the two counted groups of the sentence before
    ("Forty patients were in first salvage and 50 in second or later salvage. CR rates were 70% and 40%, respectively.",
     [("first salvage", "CR", 70.0), ("second or later salvage", "CR", 40.0)]),
    ("Among 60 evaluable patients, 20 had Ph+ ALL and 40 had Ph- ALL. CR rates were 85% and 70%, respectively.",
     [("Ph+ ALL", "CR", 85.0), ("Ph- ALL", "CR", 70.0)]),
    ("Of 30 patients, 20 achieved CR and 10 did not. Median OS was 15.0 and 3.0 months, respectively.",
     [("CR", "OS_MEDIAN", 15.0), ("all", "CR", 66.7), ("no CR", "OS_MEDIAN", 3.0)]),
    ("In this real-world study, 45 patients received tisagenlecleucel and 30 received brexucabtagene autoleucel. CR "
     "rates were 85% and 90%, respectively.",
     [("brexucabtagene autoleucel", "CR", 90.0), ("tisagenlecleucel", "CR", 85.0)]),
])
def test_phrasings_counted_groups_before_respectively(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)
