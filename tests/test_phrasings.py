"""Recurring phrasings of trial abstracts, written in our own words, run end to end.

Each case is a way results are commonly written that an earlier version got wrong (a missed value, a wrong
group name, a duplicate); the figures restate published trials' results.
"""
from __future__ import annotations

import pytest

from phrasing_cases import outcome_triples as _outcomes, run_text as _run


@pytest.mark.parametrize("text, outcomes", [
    # the comparison read before the group is not part of the group's name
    ("Overall survival was significantly longer with blinatumomab (median, 7.7 vs. 4.0 months; hazard ratio for "
     "death, 0.71; 95% CI, 0.55 to 0.93; P=0.01).",
     [("blinatumomab", "OS_MEDIAN", 7.7), ("group 2", "OS_MEDIAN", 4.0)]),
    ("Remission rates were higher with inotuzumab (CR, 81% vs. 29%; P<0.001).",
     [("group 2", "CR", 29.0), ("inotuzumab ozogamicin", "CR", 81.0)]),
])
def test_phrasings_comparison_groups(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # a share of the patients as the subject of a verbal endpoint ("proceeded to HSCT" holds its own verb)
    ("Overall, 43% of patients proceeded to allogeneic HSCT.", [("all", "HSCT", 43.0)]),
    ("In total, 38% of the evaluable patients underwent HSCT in remission.", [("all", "HSCT", 38.0)]),
    ("Thirty-five patients (45%) were bridged to alloHSCT.", [("all", "HSCT", 45.0)]),
    # a share of a subgroup is not the cohort's rate: it is the subgroup's (the label is the arms reader's)
    ("Overall, 30% of the responders proceeded to HSCT.", [("responders", "HSCT", 30.0)]),
])
def test_phrasings_transplant_share(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # a list of endpoints and a list of as many values, zipped even without "respectively"
    ("The rates of event-free survival and overall survival were 50% (95% CI, 35 to 64) and 76% (95% CI, 63 to 86) "
     "at 12 months.", [("all", "EFS_RATE", 50.0), ("all", "OS_RATE", 76.0)]),
    ("Median EFS and OS were 8.0 and 12.5 months.", [("all", "EFS_MEDIAN", 8.0), ("all", "OS_MEDIAN", 12.5)]),
    ("The CR and MRD negativity rates were 64% and 48%.", [("all", "CR", 64.0), ("all", "MRD_NEG", 48.0)]),
])
def test_phrasings_endpoint_list_zipped_without_respectively(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


def test_phrasings_compared_values_are_not_zipped_over_endpoints(nlp):
    # two values compared for one endpoint list: no zip (the values are the arms', not the endpoints')
    record = _run(nlp, "CR and CRi rates were 40% vs 30%.")
    assert ("all", "CRi", 30.0) not in _outcomes(record)
    assert not any(o["endpoint"] == "CR" and o["value"] == 40.0 and o["arm"] == "all" for o in record["outcomes"])


@pytest.mark.parametrize("text", [
    "KTE-X19 was administered at a dose of 1 × 10^6 cells per kilogram.",
    "Tisagenlecleucel was given at 1 × 10^6 cells per kg.",
])
def test_phrasings_cells_per_kilogram_is_one_dose(nlp, text):
    doses = [(d["dose"], d["unit"]) for d in _run(nlp, text)["doses"]]
    assert doses == [(1000000, "cells/kg")]


@pytest.mark.parametrize("text, n", [
    ("Children and young adults (n = 75) received tisagenlecleucel.", 75),
    ("Adults (n = 61; median age 45 years) were enrolled.", 61),
    # two groups' Ns, or a subgroup without an enrolment verb, give no headline N
    ("Patients with Ph+ ALL (n = 20) and Ph- ALL (n = 30) were enrolled.", None),
    ("Patients in CR (n = 12) had longer overall survival.", None),
])
def test_phrasings_cohort_in_a_bracket(nlp, text, n):
    record = _run(nlp, text)
    assert record["cohort_size"] == n
    if n is not None:
        assert str(n) in record["scalar_evidence"]["cohort_size"]["text"]


@pytest.mark.parametrize("text, months", [
    ("The 2-y OS was 54%.", 24.0),
    ("OS at 1 y was 61%.", 12.0),
])
def test_phrasings_year_abbreviated_y(nlp, text, months):
    [outcome] = _run(nlp, text)["outcomes"]
    assert (outcome["endpoint"], outcome["timepoint_months"]) == ("OS_RATE", months)


@pytest.mark.parametrize("text, n", [
    # two treatment groups counted in one sentence: no headline N (their sum is not printed)
    ("A total of 60 patients received ponatinib plus hyper-CVAD and 40 received dasatinib plus hyper-CVAD.", None),
    # one cohort, then the part of it that received a drug
    ("Sixty patients were enrolled and 55 received blinatumomab.", 60),
])
def test_phrasings_two_treatment_groups_are_not_the_cohort(nlp, text, n):
    assert _run(nlp, text)["cohort_size"] == n


@pytest.mark.parametrize("text, outcomes", [
    # a value followed by the treatment its group received, in a study whose arms the abstract never lists
    ("The CR rate was 100% with ponatinib and 96% with dasatinib.",
     [("dasatinib", "CR", 96.0), ("ponatinib", "CR", 100.0)]),
    ("Median OS was 7.7 months with blinatumomab and 4.0 months with chemotherapy.",
     [("blinatumomab", "OS_MEDIAN", 7.7), ("chemotherapy", "OS_MEDIAN", 4.0)]),
])
def test_phrasings_value_with_treatment(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


def test_phrasings_value_with_words_that_are_no_treatment(nlp):
    record = _run(nlp, "The CR rate was 45% with a median duration of 5 months and 20% after cycle 2.")
    assert not any("median" in o["arm"] or "duration" in o["arm"] for o in record["outcomes"])


@pytest.mark.parametrize("text, outcomes", [
    # an overall response defined with a partial response among its parts stays ORR and keeps its value
    ("The overall response rate (CR+CRi+PR) was 55%.", [("all", "ORR", 55.0)]),
    ("The ORR (CR, CRi, or PR) was 60%.", [("all", "ORR", 60.0)]),
    # the parts' own values inside the bracket are still read
    ("The overall response rate (CR 30%, PR 10%) was 40%.", [("all", "CR", 30.0), ("all", "ORR", 40.0)]),
])
def test_phrasings_overall_response_defined_with_pr(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


def test_phrasings_grades_of_one_event_are_one_group(nlp):
    # any grade and grade >=3 of one event, in one group: two values, both the whole cohort's
    record = _run(nlp, "Cytokine release syndrome was reported in 15% (grade ≥3, 2%).")
    assert _outcomes(record) == [("all", "CRS", 2.0), ("all", "CRS", 15.0)]


def _comparisons(record: dict) -> list[tuple]:
    return [(c["endpoint"], c["measure"], c["value"], c["ci95"]) for c in record["comparisons"]]


@pytest.mark.parametrize("text, comparisons", [
    # the endpoint named right after the ratio, and the event between the abbreviation and its value
    ("The hazard ratio for EFS was 0.55 (95% CI, 0.39 to 0.78).", [("EFS", "HR", 0.55, [0.39, 0.78])]),
    ("The HR for EFS was 0.55 (95% CI, 0.39-0.78).", [("EFS", "HR", 0.55, [0.39, 0.78])]),
    # "HR" as high risk, followed by no ratio value
    ("Patients at HR for relapse were 23%.", []),
])
def test_phrasings_ratio_names_its_endpoint_after_it(nlp, text, comparisons):
    assert _comparisons(_run(nlp, text)) == comparisons


def test_phrasings_whole_cohort_named_after_a_value_is_all(nlp):
    assert _outcomes(_run(nlp, "Two-year overall survival was 37.3% in the whole cohort.")) == [("all", "OS_RATE", 37.3)]


def test_phrasings_proceeded_directly_to_transplant(nlp):
    record = _run(nlp, "Of the responders, 45 (41%) proceeded directly to stem cell transplantation.")
    assert [(o["endpoint"], o["value"], o["count"]) for o in record["outcomes"]] == [("HSCT", 41.0, 45)]


@pytest.mark.parametrize("text, outcomes", [
    # the share of patients reaching an endpoint is that endpoint's rate, not a subgroup named by it
    ("The proportion of patients who achieved CR was 50%.", [("all", "CR", 50.0)]),
    ("The percentage of patients achieving MRD negativity was 70%.", [("all", "MRD_NEG", 70.0)]),
    # a group named by the endpoint keeps it a subgroup
    ("Patients who achieved CR had a 2-year OS of 60%.", [("CR", "OS_RATE", 60.0)]),
])
def test_phrasings_share_of_patients_reaching_an_endpoint(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # a count and its percentage around the endpoint they count
    ("There were 15 CRs (60%).", [("all", "CR", 60.0)]),
    ("The ORR was 72%, including 15 CRs (60%).", [("all", "CR", 60.0), ("all", "ORR", 72.0)]),
])
def test_phrasings_count_around_its_endpoint(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # two compared values, then a group and its complement (an implied "respectively")
    ("The 2-year OS was 49% vs 28% (P = .02) for patients who did and did not undergo HSCT.",
     [("HSCT", "OS_RATE", 49.0), ("no HSCT", "OS_RATE", 28.0)]),
    ("Median OS was 20.1 vs 6.0 months in patients with and without MRD negativity.",
     [("MRD negativity", "OS_MEDIAN", 20.1), ("no MRD negativity", "OS_MEDIAN", 6.0)]),
])
def test_phrasings_group_and_complement_after_two_values(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # a leading scope names the first group when the compared value names its sibling
    ("Among patients in first salvage, the CR rate was 70%, compared with 40% in later salvage.",
     [("first salvage", "CR", 70.0), ("later salvage", "CR", 40.0)]),
    # one group's values at successive assessments are that group's, not two groups
    ("In the ponatinib cohort, the CR rate was 90% at week 4 and 95% at week 8.",
     [("ponatinib", "CR", 90.0), ("ponatinib", "CR", 95.0)]),
    ("The MRD negativity rate was 45% after cycle 1 and 70% after cycle 2.",
     [("all", "MRD_NEG", 45.0), ("all", "MRD_NEG", 70.0)]),
])
def test_phrasings_scope_and_successive_times(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # a percentage written as a word, in digits or after a number word
    ("The CR rate was 43 percent.", [("all", "CR", 43.0)]),
    ("Forty-three percent of patients proceeded to allogeneic HSCT.", [("all", "HSCT", 43.0)]),
    ("The complete remission rate was 43 per cent.", [("all", "CR", 43.0)]),
])
def test_phrasings_percent_as_a_word(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # a group between the endpoint and its value, and "those who did not" as its complement
    ("The median survival of patients who underwent transplant was 20 months versus 6 months for those who did not.",
     [("no transplant", "OS_MEDIAN", 6.0), ("transplant", "OS_MEDIAN", 20.0)]),
    ("The 2-year OS of patients with MRD negativity was 60% compared with 20% for those who did not.",
     [("MRD negativity", "OS_RATE", 60.0), ("no MRD negativity", "OS_RATE", 20.0)]),
])
def test_phrasings_group_then_elided_complement(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


def test_phrasings_measure_naming_a_group_takes_no_value(nlp):
    # "patients with Ph+ ALL" names a group: the unscored Ph+ measure must not take the next group's rate
    record = _run(nlp, "Complete remission was achieved in 16 of 20 (80%) patients with Ph+ ALL and in 10 of 20 (50%) "
                       "with Ph- ALL.")
    assert sorted((o["endpoint"], o["value"], o["count"], o["denominator"]) for o in record["outcomes"]) == \
        [("CR", 50.0, 10, 20), ("CR", 80.0, 16, 20)]


@pytest.mark.parametrize("text, outcome", [
    # the percentage's own count and denominator after the people it is of: one value, not two groups
    ("Complete remission was achieved in 31% of patients (19/62).", ("all", "CR", 31.0, 19.0, 62.0)),
    ("Complete remission was achieved in 31% of the patients (19 of 62).", ("all", "CR", 31.0, 19.0, 62.0)),
    # the printed percentage is the value, the fraction its count and denominator
    ("Overall, 58% of patients (28/48) achieved CR/CRi.", ("all", "CR_CRi", 58.0, 28.0, 48.0)),
])
def test_phrasings_percent_of_people_then_its_fraction(nlp, text, outcome):
    [found] = _run(nlp, text)["outcomes"]
    assert (found["arm"], found["endpoint"], found["value"], found["count"], found["denominator"]) == outcome


def test_phrasings_a_fraction_that_disagrees_with_the_percentage_is_not_its_count(nlp):
    # 10/40 is 25%, not the 50% before it: the fraction is not that percentage's count and denominator
    outcomes = _run(nlp, "Complete remission was achieved in 50% of patients (10/40 in the first cohort).")["outcomes"]
    assert not any(o["value"] == 50.0 and o["denominator"] == 40.0 for o in outcomes)


def test_phrasings_mrd_remission_is_mrd_negativity(nlp):
    text = ("The 2-year EFS was 66.2% versus 27.1%, and MRD remission was achieved by 90% versus 54% of patients, "
            "respectively.")
    assert sorted((o["endpoint"], o["value"]) for o in _run(nlp, text)["outcomes"]) == [
        ("EFS_RATE", 27.1), ("EFS_RATE", 66.2), ("MRD_NEG", 54.0), ("MRD_NEG", 90.0)]


@pytest.mark.parametrize("text, outcomes", [
    # grades of one group's events after the meeting-abstract "pts"
    ("CRS occurred in 86% of pts (grade >=3, 9%).", [("all", "CRS", 86.0), ("all", "CRS", 9.0)]),
])
def test_phrasings_grades_after_pts(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, months", [
    ("Early mortality (30 days) was 5%.", 1.0),
    ("Induction mortality (day 28) was 6%.", 0.9),
])
def test_phrasings_early_death_window_in_a_bracket(nlp, text, months):
    [outcome] = _run(nlp, text)["outcomes"]
    assert (outcome["endpoint"], outcome["timepoint_months"]) == ("EARLY_DEATH", months)


def test_phrasings_cohort_of_a_two_arm_trial_is_its_arms_total(nlp):
    record = _run(nlp, "Adults were randomly assigned to inotuzumab ozogamicin (n = 164) or standard chemotherapy "
                       "(n = 162). The CR/CRi rate was 73.8% versus 30.9%.")
    assert record["cohort_size"] == 326
    assert record["scalar_evidence"]["cohort_size"]["text"].count("n = 16") == 2  # the sentence of both sizes


def test_phrasings_a_printed_total_wins_over_the_arms_sum(nlp):
    record = _run(nlp, "In total, 330 patients were enrolled. They were randomly assigned to inotuzumab ozogamicin "
                       "(n = 164) or standard chemotherapy (n = 162).")
    assert record["cohort_size"] == 330


@pytest.mark.parametrize("text, outcomes", [
    # responses after a share of them are the group it is of, not a second response rate
    ("The CR rate was 70% (40/57 evaluable pts), and 87.5% of CRs were MRD-negative.",
     [("all", "CR", 70.0), ("all", "MRD_NEG", 87.5)]),
    ("The CR rate was 70%; 87.5% of CRs were MRD negative.", [("all", "CR", 70.0), ("all", "MRD_NEG", 87.5)]),
])
def test_phrasings_share_of_responses_names_their_group(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text", [
    # CR defined as including a partial-recovery remission is the CR/CRi composite, with commas or a bracket
    "The complete remission rate, including CRi and CRp, was 60%.",
    "The complete remission rate (including CRi and CRp) was 60%.",
])
def test_phrasings_cr_including_cri_is_the_composite(nlp, text):
    assert _outcomes(_run(nlp, text)) == [("all", "CR_CRi", 60.0)]


def test_phrasings_cr_followed_by_a_non_defining_clause_stays_cr(nlp):
    assert _outcomes(_run(nlp, "The complete remission rate, including patients in first salvage, was 60%.")) == [
        ("all", "CR", 60.0)]


def test_phrasings_a_bare_without_is_the_previous_treatment_lacking(nlp):
    record = _run(nlp, "The CR rate was 47% overall, 55% with rituximab and 41% without (P = .04).")
    assert _outcomes(record) == [("all", "CR", 47.0), ("no rituximab", "CR", 41.0), ("rituximab", "CR", 55.0)]


def test_phrasings_the_patients_of_a_named_cohort_are_that_cohort(nlp):
    record = _run(nlp, "In the 94 patients of cohort 2A, CR was 76%.")
    assert _outcomes(record) == [("cohort 2A", "CR", 76.0)]


@pytest.mark.parametrize("text", [
    "The composite complete remission (CRc) rate was 61%.",
    "Complete remission with or without full hematologic recovery was achieved in 61%.",
])
def test_phrasings_composite_and_with_or_without_recovery_are_cr_cri(nlp, text):
    assert _outcomes(_run(nlp, text)) == [("all", "CR_CRi", 61.0)]


def test_phrasings_two_values_then_their_two_arms_are_zipped(nlp):
    text = ("Patients were randomly assigned to InO (n = 164) or standard chemotherapy (SC; n = 162). HSCT rates were "
            "48% and 22% in the InO and SC arms.")
    assert _outcomes(_run(nlp, text)) == [("inotuzumab ozogamicin", "HSCT", 48.0), ("standard chemotherapy", "HSCT", 22.0)]


@pytest.mark.parametrize("text", [
    # a group named by the arm's initials or by words only one arm's name holds is that arm
    "Patients were randomly assigned to InO (n = 164) or standard chemotherapy (SC; n = 162). CR/CRi occurred in "
    "73.8% of InO patients and 30.9% of SC patients.",
    "Patients were randomly assigned to inotuzumab (n = 164) or standard chemotherapy (n = 162). CR/CRi occurred in "
    "73.8% of inotuzumab patients and 30.9% of chemotherapy patients.",
])
def test_phrasings_a_group_naming_one_arm_is_that_arm(nlp, text):
    assert _outcomes(_run(nlp, text)) == [("inotuzumab ozogamicin", "CR_CRi", 73.8),
                                          ("standard chemotherapy", "CR_CRi", 30.9)]


@pytest.mark.parametrize("sizes", ["Eighty patients were randomized (arm A, n = 41; arm B, n = 39).",
                                   "Eighty patients were randomized: 41 to arm A and 39 to arm B."])
def test_phrasings_arms_sized_in_a_later_sentence_by_their_codes(nlp, sizes):
    text = ("Patients were randomized 1:1 to hyper-CVAD with ofatumumab (arm A) or hyper-CVAD alone (arm B). " + sizes)
    assert [(arm["regimen"], arm["n"]) for arm in _run(nlp, text)["arms"]] == [
        ("hyper-CVAD + ofatumumab", 41), ("hyper-CVAD", 39)]  # the 1:1 ratio is no size


@pytest.mark.parametrize("text", [
    # a group's threshold is no rate
    "The CR rate in the subgroup with CD22 expression above 90% was 85%.",
    "Patients with CD22 expression higher than 90% had a CR rate of 85%.",
])
def test_phrasings_a_threshold_above_or_higher_than_is_no_rate(nlp, text):
    assert [o["value"] for o in _run(nlp, text)["outcomes"]] == [85.0]


def test_phrasings_one_value_of_a_group_named_before_its_verb(nlp):
    record = _run(nlp, "The 1-year OS in patients with MRD-negative CR was 75%.")
    assert _outcomes(record) == [("MRD-negative CR", "OS_RATE", 75.0)]


@pytest.mark.parametrize("text, outcome", [
    ("Median relapse-free survival among responders was 6.9 months.", ("responders", "RFS_MEDIAN", 6.9)),
    ("Median OS for patients older than 60 years was 5.2 months.", ("age >60 years", "OS_MEDIAN", 5.2)),
    # the whole cohort named so is no subgroup
    ("The CR rate among all evaluable patients was 80%.", ("all", "CR", 80.0)),
])
def test_phrasings_one_value_among_a_group(nlp, text, outcome):
    assert _outcomes(_run(nlp, text)) == [outcome]
