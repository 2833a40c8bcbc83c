"""Recurring phrasings of arms and subgroups in trial abstracts (third set), written in our own words, run end to end.

Each case is a way arms or subgroups are commonly written that an earlier version got wrong; the figures restate
published trials' results.
"""
from __future__ import annotations

import pytest

from phrasing_cases import outcome_triples as _outcomes, run_text as _run

_RANDOMISED = "Patients were randomly assigned to inotuzumab ozogamicin (InO) or standard chemotherapy (SC). "


@pytest.mark.parametrize("text, outcomes", [
    # each value followed by its group in brackets
    ("CR rates were 81% (ages < 60 years) and 58% (ages >= 60 years).",
     [("age <60 years", "CR", 81.0), ("age >=60 years", "CR", 58.0)]),
    ("The median OS was 9.2 months (first salvage) and 4.1 months (second salvage).",
     [("first salvage", "OS_MEDIAN", 9.2), ("second salvage", "OS_MEDIAN", 4.1)]),
    ("CR/CRi rates were 76% (first salvage), 55% (second salvage) and 40% (third or later salvage).",
     [("first salvage", "CR_CRi", 76.0), ("second salvage", "CR_CRi", 55.0),
      ("third or later salvage", "CR_CRi", 40.0)]),
    # an arm's abbreviation in the bracket stays that arm
    (_RANDOMISED + "CR rates were 81% (InO) and 29% (SC).",
     [("inotuzumab ozogamicin", "CR", 81.0), ("standard chemotherapy", "CR", 29.0)]),
])
def test_phrasings_group_in_a_bracket_after_each_value(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text", [
    # a statistic, a count or the assay in the bracket names no group
    "MRD negativity was 70% (95% CI, 55-82) and 60% (95% CI, 45-74).",
    "MRD negativity was 70% (by flow cytometry) and 60% (by PCR).",
    "The CR rate was 70% (14/20) and 60% (12/20).",
])
def test_phrasings_bracket_after_a_value_that_names_no_group(nlp, text):
    assert not any(arm in {"flow cytometry", "PCR", "by flow cytometry", "by PCR"} or "CI" in arm
                   for arm, _, _ in _outcomes(_run(nlp, text)))


@pytest.mark.parametrize("text, outcomes", [
    # the two arms' values compared pair by pair within subgroups
    (_RANDOMISED + "CR was 80% vs 30% in Ph+ and 70% vs 40% in Ph- patients for InO vs SC.",
     [("inotuzumab ozogamicin, Ph+", "CR", 80.0), ("standard chemotherapy, Ph+", "CR", 30.0),
      ("inotuzumab ozogamicin, Ph-", "CR", 70.0), ("standard chemotherapy, Ph-", "CR", 40.0)]),
    (_RANDOMISED + "CR/CRi rates were 79% vs 33% in first salvage and 68% vs 22% in second salvage with InO and SC, "
     "respectively.",
     [("inotuzumab ozogamicin, first salvage", "CR_CRi", 79.0), ("standard chemotherapy, first salvage", "CR_CRi", 33.0),
      ("inotuzumab ozogamicin, second salvage", "CR_CRi", 68.0),
      ("standard chemotherapy, second salvage", "CR_CRi", 22.0)]),
    (_RANDOMISED + "CR was 74% vs 31% in patients younger than 55 years and 69% vs 27% in those aged 55 years or older.",
     [("inotuzumab ozogamicin, age <55 years", "CR", 74.0), ("standard chemotherapy, age <55 years", "CR", 31.0),
      ("inotuzumab ozogamicin, aged >=55 years", "CR", 69.0), ("standard chemotherapy, aged >=55 years", "CR", 27.0)]),
    (_RANDOMISED + "CR/CRi rates with InO vs SC were 88% vs 29% (first salvage) and 66% vs 30% (second salvage).",
     [("inotuzumab ozogamicin, first salvage", "CR_CRi", 88.0), ("standard chemotherapy, first salvage", "CR_CRi", 29.0),
      ("inotuzumab ozogamicin, second salvage", "CR_CRi", 66.0),
      ("standard chemotherapy, second salvage", "CR_CRi", 30.0)]),
    (_RANDOMISED + "In patients in first salvage, median OS was 8.5 versus 6.4 months; in those in second salvage, it "
     "was 5.4 versus 4.0 months.",
     [("inotuzumab ozogamicin, first salvage", "OS_MEDIAN", 8.5), ("standard chemotherapy, first salvage", "OS_MEDIAN", 6.4),
      ("inotuzumab ozogamicin, second salvage", "OS_MEDIAN", 5.4),
      ("standard chemotherapy, second salvage", "OS_MEDIAN", 4.0)]),
    # one pair within one subgroup
    (_RANDOMISED + "CR was 80% vs 30% in Ph+ patients.",
     [("inotuzumab ozogamicin, Ph+", "CR", 80.0), ("standard chemotherapy, Ph+", "CR", 30.0)]),
    # the whole cohort, a response state or the arms themselves after the pair are no subgroup
    (_RANDOMISED + "Median OS was 7.7 vs 6.2 months in the overall population.",
     [("inotuzumab ozogamicin", "OS_MEDIAN", 7.7), ("standard chemotherapy", "OS_MEDIAN", 6.2)]),
    (_RANDOMISED + "MRD negativity was 78% vs 28% in patients in CR.",
     [("inotuzumab ozogamicin", "MRD_NEG", 78.0), ("standard chemotherapy", "MRD_NEG", 28.0)]),
])
def test_phrasings_arm_pairs_within_subgroups(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


def test_phrasings_all_infused_patients_end_a_carried_scope(nlp):
    record = _run(nlp, "In the 94 patients of the pivotal cohort, the ORR was 81%. Among all infused patients, MRD "
                       "negativity was 98% and the median OS was 19.1 months.")
    assert [(o["arm"], o["endpoint"]) for o in record["outcomes"] if o["endpoint"] != "ORR"] == \
        [("all", "MRD_NEG"), ("all", "OS_MEDIAN")]


def test_phrasings_hyphenated_arm_name_in_a_clause_scope(nlp):
    record = _run(nlp, "A total of 326 patients were randomized to inotuzumab ozogamicin (n = 164) or standard therapy "
                       "(n = 162). In the inotuzumab arm, median DOR was 4.6 months; in the standard-therapy arm, it was "
                       "3.1 months.")
    assert _outcomes(record) == [("inotuzumab ozogamicin", "DOR_MEDIAN", 4.6), ("standard therapy", "DOR_MEDIAN", 3.1)]


def _arm_regimens(record: dict) -> list[tuple]:
    return [(a["label"], a["regimen"]) for a in record["arms"]]


@pytest.mark.parametrize("text, arms", [
    # a coded arm's regimen apposed to its code, or after a verb of treatment (elided for the second arm)
    ("Patients were randomised to arm A, hyper-CVAD with rituximab, or arm B, hyper-CVAD alone. The CR rate was 92% in "
     "arm A and 88% in arm B.", [("arm A", "hyper-CVAD + rituximab"), ("arm B", "hyper-CVAD")]),
    ("Arm A received dasatinib and arm B imatinib. The CR rate was 96% in arm A and 92% in arm B.",
     [("arm A", "dasatinib"), ("arm B", "imatinib")]),
    ("Patients in arm A received dasatinib and those in arm B received imatinib. Median EFS was 24.1 months in arm A "
     "and 15.3 months in arm B.", [("arm A", "dasatinib"), ("arm B", "imatinib")]),
    # a clause after a code that names no drug gives no regimen
    ("In arm A, the CR rate was 92%; in arm B, it was 88%.", [("arm A", ""), ("arm B", "")]),
])
def test_phrasings_coded_arms_with_regimens_beside_the_code(nlp, text, arms):
    assert _arm_regimens(_run(nlp, text)) == arms


@pytest.mark.parametrize("text, arms, outcomes", [
    # a further course of the backbone as the comparator
    ("Patients in remission were randomized to blinatumomab or a third consolidation course of chemotherapy. The 3-year "
     "OS was 85% with blinatumomab and 70% with chemotherapy.",
     ["blinatumomab", "third consolidation course of chemotherapy"],
     [("blinatumomab", "OS_RATE", 85.0), ("third consolidation course of chemotherapy", "OS_RATE", 70.0)]),
    ("Children in first relapse were randomized to blinatumomab or a third block of consolidation chemotherapy. EFS at "
     "2 years was 59% with blinatumomab and 41% with chemotherapy.",
     ["blinatumomab", "third block of consolidation chemotherapy"],
     [("blinatumomab", "EFS_RATE", 59.0), ("third block of consolidation chemotherapy", "EFS_RATE", 41.0)]),
    # the number of cycles is not the arm's name
    ("Children were randomized to receive two cycles of blinatumomab or two blocks of intensive chemotherapy. EFS was "
     "69% vs 43%.", ["blinatumomab", "intensive chemotherapy"],
     [("blinatumomab", "EFS_RATE", 69.0), ("intensive chemotherapy", "EFS_RATE", 43.0)]),
    # an arm named as a group with its regimen in brackets: the regimen names it, the group refers to it
    ("Patients were randomly assigned to the experimental arm (blinatumomab) or the control arm (chemotherapy). Median "
     "OS was 7.7 months in the experimental arm and 4.0 months in the control arm.", ["blinatumomab", "chemotherapy"],
     [("blinatumomab", "OS_MEDIAN", 7.7), ("chemotherapy", "OS_MEDIAN", 4.0)]),
    # an arm named by its initials as a group between the endpoint and the verb
    ("Patients were randomly assigned to inotuzumab ozogamicin or standard of care. The CR rate in the InO arm was 36%; "
     "the CR rate in the SOC arm was 17%.", ["inotuzumab ozogamicin", "standard of care"],
     [("inotuzumab ozogamicin", "CR", 36.0), ("standard of care", "CR", 17.0)]),
])
def test_phrasings_comparator_arms(nlp, text, arms, outcomes):
    record = _run(nlp, text)
    assert [a["label"] for a in record["arms"]] == arms
    assert _outcomes(record) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # "with" and "without" sharing what follows
    ("The CR rate was 70% with vs 58% without prior HSCT.", [("prior HSCT", "CR", 70.0), ("no prior HSCT", "CR", 58.0)]),
    ("Median OS was 9.1 months with and 4.2 months without prior blinatumomab exposure.",
     [("prior blinatumomab exposure", "OS_MEDIAN", 9.1), ("no prior blinatumomab exposure", "OS_MEDIAN", 4.2)]),
    # a karyotype keeps its brackets
    ("The CR rate was 60% in patients with t(4;11) and 85% in those without.",
     [("t(4;11)", "CR", 60.0), ("no t(4;11)", "CR", 85.0)]),
    # a threshold in percent is part of the group's name
    ("The CR rate was 75% for patients with <50% marrow blasts and 40% for those with >=50% blasts.",
     [("<50% marrow blasts", "CR", 75.0), (">=50% blasts", "CR", 40.0)]),
    # an age band in brackets
    ("CR rates by age group were 80% (<40 years), 65% (40-59 years) and 48% (>=60 years).",
     [("<40 years", "CR", 80.0), ("40-59 years", "CR", 65.0), (">=60 years", "CR", 48.0)]),
    # the group after a count and its bracketed rate
    ("CR/CRi was achieved in 21 of 25 (84%) patients in first salvage and 12 of 23 (52%) in second salvage.",
     [("first salvage", "CR_CRi", 84.0), ("second salvage", "CR_CRi", 52.0)]),
    # the cohort's value, then its breakdown by group in a bracket
    ("The CR rate was 70% (first salvage, 82%; second salvage, 51%).",
     [("all", "CR", 70.0), ("first salvage", "CR", 82.0), ("second salvage", "CR", 51.0)]),
    ("Median OS was 7.5 months (first salvage, 9.1 months; second salvage, 5.2 months).",
     [("all", "OS_MEDIAN", 7.5), ("first salvage", "OS_MEDIAN", 9.1), ("second salvage", "OS_MEDIAN", 5.2)]),
    ("The CR rate was 70% (82% in first salvage and 51% in second salvage).",
     [("all", "CR", 70.0), ("first salvage", "CR", 82.0), ("second salvage", "CR", 51.0)]),
])
def test_phrasings_subgroups_named_around_values(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


def test_phrasings_share_of_responders_is_the_cohorts_mrd_rate(nlp):
    record = _run(nlp, "The majority (71%) of responders were negative for minimal residual disease.")
    assert _outcomes(record) == [("all", "MRD_NEG", 71.0)]


@pytest.mark.parametrize("text, outcomes", [
    # a comparator named first is compared second, also beside the study's own single arm
    ("The CR rate was 73% compared with 50% in historical controls.",
     [("all", "CR", 73.0), ("historical controls", "CR", 50.0)]),
    ("Compared with historical controls, the CR rate was higher (73% vs 50%).",
     [("all", "CR", 73.0), ("historical controls", "CR", 50.0)]),
    # arms by their role
    ("Patients were randomized to standard chemotherapy or blinatumomab. Median OS was 4.0 months in the control arm "
     "versus 7.7 months in the experimental arm.",
     [("blinatumomab", "OS_MEDIAN", 7.7), ("standard chemotherapy", "OS_MEDIAN", 4.0)]),
    ("Patients were randomized to standard chemotherapy or blinatumomab. The CR rate in the control group was 16%.",
     [("standard chemotherapy", "CR", 16.0)]),
    # two active drugs: no arm is recognisably the control
    ("Patients were randomized to dasatinib or imatinib. The CR rate in the control arm was 90%.",
     [("control", "CR", 90.0)]),
    # groups listed after two values
    ("Median OS was 12.1 and 6.3 months in the MRD-negative and MRD-positive cohorts.",
     [("MRD-negative", "OS_MEDIAN", 12.1), ("MRD-positive", "OS_MEDIAN", 6.3)]),
    # dose levels as groups
    ("The study enrolled 30 patients at dose level 1 and 30 at dose level 2. The CR rate was 60% at dose level 1 and "
     "80% at dose level 2.", [("dose level 1", "CR", 60.0), ("dose level 2", "CR", 80.0)]),
])
def test_phrasings_arms_named_around_values(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, arms", [
    # three arms randomised
    ("Patients were randomized to blinatumomab, inotuzumab ozogamicin, or standard chemotherapy. CR rates were 44%, 74% "
     "and 25%, respectively.", [("blinatumomab", None), ("inotuzumab ozogamicin", None), ("standard chemotherapy", None)]),
    # counts after a colon
    ("A total of 218 patients were randomized: 109 to inotuzumab ozogamicin and 109 to standard therapy. CR/CRi rates "
     "were 80.7% and 29.4%.", [("inotuzumab ozogamicin", 109), ("standard therapy", 109)]),
    # the arm without the drug
    ("Patients were randomly assigned to receive rituximab (n = 105) or no rituximab (n = 104) in addition to "
     "chemotherapy.", [("rituximab", 105), ("no rituximab", 104)]),
    # the purpose after the arm is not its name; a drug joined by "with" is
    ("Patients were randomly assigned (1:1) to receive blinatumomab or chemotherapy as consolidation.",
     [("blinatumomab", None), ("chemotherapy", None)]),
    ("Patients were randomized to receive hyper-CVAD alone or hyper-CVAD with rituximab.",
     [("hyper-CVAD alone", None), ("hyper-CVAD + rituximab", None)]),
    # a list whose first item is no treatment is no list of arms
    ("Patients were randomized to blinatumomab, given as a continuous infusion, or chemotherapy.",
     [("blinatumomab", None), ("chemotherapy", None)]),
])
def test_phrasings_arms_detected(nlp, text, arms):
    assert [(a["label"], a["n"]) for a in _run(nlp, text)["arms"]] == arms


_TWO_ARMS = "Patients were randomized to blinatumomab or chemotherapy. "


@pytest.mark.parametrize("text, outcomes", [
    # one pair of the arms' values after the group of patients it is of
    (_TWO_ARMS + "The benefit was consistent in patients with prior HSCT (median OS 8.3 vs 4.3 months).",
     [("blinatumomab, prior HSCT", "OS_MEDIAN", 8.3), ("chemotherapy, prior HSCT", "OS_MEDIAN", 4.3)]),
    # pairs named by the arms, each in the clause of its group
    (_TWO_ARMS + "Among patients in first salvage, median OS was 11.1 months with blinatumomab and 5.3 months with "
     "chemotherapy; in later salvage, 5.1 versus 3.3 months.",
     [("blinatumomab, first salvage", "OS_MEDIAN", 11.1), ("chemotherapy, first salvage", "OS_MEDIAN", 5.3),
      ("blinatumomab, later salvage", "OS_MEDIAN", 5.1), ("chemotherapy, later salvage", "OS_MEDIAN", 3.3)]),
    # an arm or an endpoint before the bracket is no subgroup
    (_TWO_ARMS + "CR rates were higher in the blinatumomab group (44% vs 25%).",
     [("blinatumomab", "CR", 44.0), ("chemotherapy", "CR", 25.0)]),
    (_TWO_ARMS + "Median OS was significantly longer with blinatumomab than with chemotherapy (7.7 vs 4.0 months).",
     [("blinatumomab", "OS_MEDIAN", 7.7), ("chemotherapy", "OS_MEDIAN", 4.0)]),
])
def test_phrasings_arm_pairs_of_a_subgroup(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # a clause scope without its comma
    ("Fifty-five adults were treated. CR/CRi was 71%; in patients aged 65 years or older it was 75%.",
     [("aged >=65 years", "CR_CRi", 75.0), ("all", "CR_CRi", 71.0)]),
    # the cohort's value, then "including" a subgroup's
    ("Of the 30 patients, 24 (80%) achieved CR/CRi, including 10 of 12 (83%) in first salvage.",
     [("all", "CR_CRi", 80.0), ("first salvage", "CR_CRi", 83.0)]),
    # each value the subject of its own clause
    ("Thirty patients were treated. Patients who proceeded to HSCT (n = 12) had a 2-year OS of 50%, whereas those who "
     "did not had 10%.", [("HSCT", "OS_RATE", 50.0), ("no HSCT", "OS_RATE", 10.0)]),
])
def test_phrasings_subgroups_in_clauses(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, arms, outcomes", [
    # a dose adjective before the drug
    ("Patients were randomized 1:1 to receive FLAG-IDA or high-dose cytarabine (HiDAC). CR rates were 60% and 45% in "
     "the FLAG-IDA and HiDAC arms.", ["FLAG-IDA", "cytarabine"], [("FLAG-IDA", "CR", 60.0), ("cytarabine", "CR", 45.0)]),
    # a passive comparison
    ("In this randomized trial of 405 adults, blinatumomab was compared with standard-of-care chemotherapy. Median OS "
     "was 7.7 vs 4.0 months.", ["blinatumomab", "standard of care chemotherapy"],
     [("blinatumomab", "OS_MEDIAN", 7.7), ("standard of care chemotherapy", "OS_MEDIAN", 4.0)]),
    # a later clause naming its arm anywhere before its value (was swapped)
    (_TWO_ARMS + "In the blinatumomab group, 44% had CR; the corresponding figure for chemotherapy was 25%.",
     ["blinatumomab", "chemotherapy"], [("blinatumomab", "CR", 44.0), ("chemotherapy", "CR", 25.0)]),
    # an arm as the sentence's heading
    (_TWO_ARMS + "Blinatumomab: CR 44%, median OS 7.7 months. Chemotherapy: CR 25%, median OS 4.0 months.",
     ["blinatumomab", "chemotherapy"],
     [("blinatumomab", "CR", 44.0), ("blinatumomab", "OS_MEDIAN", 7.7), ("chemotherapy", "CR", 25.0),
      ("chemotherapy", "OS_MEDIAN", 4.0)]),
    # a group between the endpoint and the verb, the arms after the values
    (_TWO_ARMS + "The median OS in patients with MRD-positive disease was 10.1 months in the blinatumomab arm and 6.8 "
     "months in the chemotherapy arm.", ["blinatumomab", "chemotherapy"],
     [("blinatumomab, MRD-positive disease", "OS_MEDIAN", 10.1), ("chemotherapy, MRD-positive disease", "OS_MEDIAN", 6.8)]),
])
def test_phrasings_two_arm_trials(nlp, text, arms, outcomes):
    record = _run(nlp, text)
    assert [a["label"] for a in record["arms"]] == arms
    assert _outcomes(record) == sorted(outcomes)


@pytest.mark.parametrize("text", [
    # the whole cohort named otherwise ends a scope carried from an earlier sentence
    "In the pivotal cohort (n = 94), the CR rate was 62%. Overall, median OS was 12.1 months.",
    "In the pivotal cohort (n = 94), the CR rate was 62%. For the entire population, median OS was 12.1 months.",
    "In the 94 patients of the pivotal cohort, the CR rate was 62%. Median OS of all infused patients was 12.1 months.",
    "In the Ph-negative cohort, the CR rate was 62%. Across both cohorts, the median OS was 12.1 months.",
    "In the Ph-negative cohort, the CR rate was 62%. In both cohorts combined, the median OS was 12.1 months.",
])
def test_phrasings_whole_cohort_ends_a_carried_scope(nlp, text):
    record = _run(nlp, text)
    assert [o["arm"] for o in record["outcomes"] if o["endpoint"] == "OS_MEDIAN"] == ["all"]


@pytest.mark.parametrize("text", [
    # a time of assessment, a severity or an estimator in the bracket names no group
    "The response rate was 50% (cycle 1) and 70% (cycle 2).",
    "CR rates were 60% (induction) and 80% (consolidation).",
    "VOD occurred in 13% (any grade) and 5% (fatal).",
    "The OS rate was 60% (Kaplan-Meier) and 55% (competing risk).",
])
def test_phrasings_bracket_of_a_time_or_an_estimate_names_no_group(nlp, text):
    arms = {o["arm"] for o in _run(nlp, text)["outcomes"]}
    assert not arms & {"cycle 1", "cycle 2", "induction", "consolidation", "fatal", "Kaplan-Meier", "competing risk"}


@pytest.mark.parametrize("text, arms, outcomes", [
    # standard-of-care comparators named many ways
    ("Patients were randomized to inotuzumab ozogamicin or one of three standard regimens (FLAG, cytarabine plus "
     "mitoxantrone, or high-dose cytarabine). CR/CRi was 81% versus 29%.", ["inotuzumab ozogamicin", "standard regimens"],
     [("inotuzumab ozogamicin", "CR_CRi", 81.0), ("standard regimens", "CR_CRi", 29.0)]),
    ("Patients were randomized to blinatumomab (n = 271) or standard of care (SOC; n = 134). Median OS was 7.7 months "
     "versus 4.0 months in the SOC group.", ["blinatumomab", "standard of care"],
     [("blinatumomab", "OS_MEDIAN", 7.7), ("standard of care", "OS_MEDIAN", 4.0)]),
    ("Patients were randomly assigned to blinatumomab or physician's choice chemotherapy. CR rates were 44% and 25%, "
     "respectively.", ["blinatumomab", "physician's choice chemotherapy"],
     [("blinatumomab", "CR", 44.0), ("physician's choice chemotherapy", "CR", 25.0)]),
    ("Patients were randomized to receive CAR T-cell therapy or standard-of-care salvage chemotherapy. EFS at 1 year "
     "was 50% vs 20%.", ["CAR T cell therapy", "standard of care salvage chemotherapy"],
     [("CAR T cell therapy", "EFS_RATE", 50.0), ("standard of care salvage chemotherapy", "EFS_RATE", 20.0)]),
])
def test_phrasings_standard_of_care_comparators(nlp, text, arms, outcomes):
    record = _run(nlp, text)
    assert [a["label"] for a in record["arms"]] == arms
    assert _outcomes(record) == sorted(outcomes)


def test_phrasings_with_and_without_after_counts(nlp):
    record = _run(nlp, "Forty patients were treated. CR occurred in 60% (12/20) of patients with and 70% (14/20) of "
                       "patients without prior HSCT.")
    assert _outcomes(record) == [("no prior HSCT", "CR", 70.0), ("prior HSCT", "CR", 60.0)]


def test_phrasings_clause_about_an_endpoint_is_no_group(nlp):
    record = _run(nlp, "Forty patients were treated. The CR rate did not differ by Ph status (75% vs 70%).")
    assert not any("differ" in arm for arm, _, _ in _outcomes(record))


@pytest.mark.parametrize("title, text, regimen", [
    # a therapy the patients had before is not the study's regimen
    ("CD22 CAR T cells in B-ALL resistant to CD19 CAR T cells", "Twenty-one patients were treated.",
     "CD22 CAR T cells"),
    ("Salvage therapy of relapsed ALL", "Twenty-one patients, 17 of whom had previously received blinatumomab, were "
     "treated with inotuzumab ozogamicin.", "inotuzumab"),
    # a drug named alone after such a cue stays (nothing else is named)
    ("Ponatinib after failure of imatinib in Ph-positive ALL", "Thirty patients were treated.", "ponatinib"),
])
def test_phrasings_prior_therapy_is_no_regimen(nlp, title, text, regimen):
    assert _arm_regimens(_run(nlp, text, title=title)) == [("all", regimen)]


@pytest.mark.parametrize("text, outcomes", [
    # a lineage scope is a subgroup ("ALL" inside "B-ALL" is not the word "all")
    ("Fifty patients were treated. Among the 25 patients with B-ALL, 10 (40%) achieved CR.", [("B-ALL", "CR", 40.0)]),
    # all patients are the cohort
    ("Fifty patients were treated. In all patients, the CR rate was 40%.", [("all", "CR", 40.0)]),
])
def test_phrasings_lineage_scope_is_a_subgroup(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes
