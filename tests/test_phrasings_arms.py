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


@pytest.mark.parametrize("text, outcomes", [
    # the first group named after its noun, the second leaving the noun out
    ("Complete remission occurred in 16 of 20 (80%) patients with Ph+ ALL and in 10 of 20 (50%) with Ph- ALL.",
     [("Ph+ ALL", "CR", 80.0), ("Ph-", "CR", 50.0)]),
    ("Twelve (60%) patients with Ph+ disease and 8 (40%) with Ph- disease achieved MRD negativity.",
     [("Ph+ disease", "MRD_NEG", 60.0), ("Ph-", "MRD_NEG", 40.0)]),
    # the first group as the sentence's subject, the second named after its value
    ("Patients with prior HSCT had a median OS of 5.0 months versus 8.1 months for those without prior HSCT.",
     [("no prior HSCT", "OS_MEDIAN", 8.1), ("prior HSCT", "OS_MEDIAN", 5.0)]),
    ("Patients younger than 55 years had a median OS of 10 months versus 5 months for older patients.",
     [("age <55 years", "OS_MEDIAN", 10.0), ("age >=55 years", "OS_MEDIAN", 5.0)]),
    # the first group between the endpoint and its value, the second after its value
    ("The CR rate among patients with a high disease burden was 60% versus 85% among those with a low disease burden.",
     [("high disease burden", "CR", 60.0), ("low disease burden", "CR", 85.0)]),
    # a second group named only by its elided complement
    ("The 1-year OS was 55% in patients who underwent HSCT versus 20% in those who did not.",
     [("HSCT", "OS_RATE", 55.0), ("no HSCT", "OS_RATE", 20.0)]),
    ("Median OS was 18.0 months for patients who proceeded to HSCT and 6.0 months for those who did not.",
     [("HSCT", "OS_MEDIAN", 18.0), ("no HSCT", "OS_MEDIAN", 6.0)]),
    ("The CR rate was 65% in patients with prior HSCT and 75% in those without.",
     [("no prior HSCT", "CR", 75.0), ("prior HSCT", "CR", 65.0)]),
    # "or" bounding a threshold or a line of therapy does not end the group's name
    ("The CR rate was 70% in patients aged 55 years or older and 85% in younger patients.",
     [("aged <55 years", "CR", 85.0), ("aged >=55 years", "CR", 70.0)]),
    ("Median OS was 12.1 months in patients in first salvage and 6.5 months in those in second or later salvage.",
     [("first salvage", "OS_MEDIAN", 12.1), ("second or later salvage", "OS_MEDIAN", 6.5)]),
    # a "respectively" list of groups whose attribute is an endpoint word, held by its group noun
    ("The 2-year OS was 65% and 20% for MRD-negative and MRD-positive patients, respectively.",
     [("MRD-negative", "OS_RATE", 65.0), ("MRD-positive", "OS_RATE", 20.0)]),
])
def test_phrasings_two_subgroups_named(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


def test_phrasings_count_is_not_a_group(nlp):
    # a count alone is not a group's name
    labels = {o["arm"] for o in _run(nlp, "Twelve (60%) patients achieved CR and 8 (40%) achieved PR.")["outcomes"]}
    assert "twelve" not in labels


@pytest.mark.parametrize("text, outcomes", [
    # an arm named by its drug's short name, the other by its own: each value its own arm, not the sentence's order
    ("Patients were randomly assigned to receive inotuzumab ozogamicin or standard therapy. The 2-year OS rate was 23% "
     "with inotuzumab vs 10% with standard therapy.",
     [("inotuzumab ozogamicin", "OS_RATE", 23.0), ("standard therapy", "OS_RATE", 10.0)]),
    # "patients in the X group" is the arm, not a subgroup "patients in the X"
    ("Patients were randomly assigned to receive inotuzumab ozogamicin or standard therapy. Hepatic VOD occurred in "
     "11% of patients in the inotuzumab group versus 1% in the standard-therapy group.",
     [("inotuzumab ozogamicin", "VOD", 11.0), ("standard therapy", "VOD", 1.0)]),
    # a list of arms after the last value is zipped, not the last value's own group
    ("Patients were randomized to blinatumomab (n = 271) or chemotherapy (n = 134). Neurologic events occurred in 65% "
     "and 48% of patients in the blinatumomab and chemotherapy groups, respectively.",
     [("blinatumomab", "NEURO", 65.0), ("chemotherapy", "NEURO", 48.0)]),
    # the comparator group before the values' bracket is not the first value's
    ("Patients were randomized to blinatumomab (n = 271) or chemotherapy (n = 134). Blinatumomab resulted in a higher "
     "remission rate than chemotherapy (44% vs. 25%).",
     [("blinatumomab", "ORR", 44.0), ("chemotherapy", "ORR", 25.0)]),
])
def test_phrasings_values_of_two_arms(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, arms", [
    # bare bracketed ns that add up to the patients randomised
    ("In this phase 3 trial, 405 patients were randomly assigned to blinatumomab (271) or chemotherapy (134).",
     [("blinatumomab", 271), ("chemotherapy", 134)]),
    # ... not otherwise
    ("Patients were randomly assigned to blinatumomab (271) or chemotherapy (134).",
     [("blinatumomab", None), ("chemotherapy", None)]),
    # "those of" is not part of the comparator's name
    ("Outcomes of inotuzumab plus mini-HCVD were compared with those of intensive chemotherapy (FLAG-IDA or HCVAD).",
     [("inotuzumab + mini-HCVD", None), ("intensive chemotherapy", None)]),
])
def test_phrasings_arm_names_and_ns(nlp, text, arms):
    assert _arms(_run(nlp, text)) == arms


@pytest.mark.parametrize("text, outcomes", [
    # clauses of their own, each opening with its group
    ("Patients were randomized to blinatumomab or chemotherapy. In the blinatumomab arm, the CR rate was 34%; in the "
     "chemotherapy arm, it was 16%.", [("blinatumomab", "CR", 34.0), ("chemotherapy", "CR", 16.0)]),
    ("In cohort 1 (n = 20), the CR rate was 80%; in cohort 2 (n = 25), it was 60%.",
     [("cohort 1", "CR", 80.0), ("cohort 2", "CR", 60.0)]),
    # an arm in the bracket right after a value
    ("Patients were randomized to blinatumomab or chemotherapy. Median OS was 7.7 months (blinatumomab) vs 4.0 months "
     "(chemotherapy).", [("blinatumomab", "OS_MEDIAN", 7.7), ("chemotherapy", "OS_MEDIAN", 4.0)]),
    # each clause's own subject ("while ...")
    ("Ph+ patients (n = 20) had a CR rate of 90%, while Ph- patients (n = 40) had a CR rate of 75%.",
     [("Ph+", "CR", 90.0), ("Ph-", "CR", 75.0)]),
])
def test_phrasings_groups_by_clause(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


def test_phrasings_bracketed_semicolon_is_no_clause(nlp):
    # a semicolon inside the values' bracket does not open a clause with a subject of its own
    record = _run(nlp, "In landmark analyses, complete MRD responders had longer RFS (23.6 vs 5.7 months; P = .002) "
                       "compared with MRD nonresponders.")
    assert _outcomes(record) == [("MRD nonresponders", "RFS_MEDIAN", 5.7),
                                 ("complete MRD responders", "RFS_MEDIAN", 23.6)]


def test_phrasings_scope_before_comma_is_no_subject(nlp):
    # "Among responders, median DOR was ...": the subject is not read over the scope's comma
    record = _run(nlp, "Among responders, median DOR was 12.0 months in MRD-negative and 4.0 months in MRD-positive "
                       "patients.")
    assert not any("DOR" in o["arm"] for o in record["outcomes"])


@pytest.mark.parametrize("text, outcomes", [
    # a "respectively" list of lines of therapy or of remissions ("third or later", "CR1, CR2 and CR3")
    ("The CR rates were 85%, 70% and 40% in first, second and third or later salvage, respectively.",
     [("first salvage", "CR", 85.0), ("second salvage", "CR", 70.0), ("third or later salvage", "CR", 40.0)]),
    ("The 1-year OS was 60%, 40% and 20% for patients in CR1, CR2 and CR3, respectively.",
     [("CR1", "OS_RATE", 60.0), ("CR2", "OS_RATE", 40.0), ("CR3", "OS_RATE", 20.0)]),
    # two population words compared are two groups, not the cohort twice
    ("CRS occurred in 85% of children and 60% of adults.", [("adults", "CRS", 60.0), ("children", "CRS", 85.0)]),
    # "patients without X" is "no X"
    ("The CR/CRi rate was 85% (34/40) in patients without prior HSCT and 60% (12/20) in those with prior HSCT.",
     [("no prior HSCT", "CR_CRi", 85.0), ("prior HSCT", "CR_CRi", 60.0)]),
    # a leading "Among patients in the X group" is the arm
    ("Patients were randomized to blinatumomab or chemotherapy. Among patients in the blinatumomab group, CRS occurred "
     "in 5%.", [("blinatumomab", "CRS", 5.0)]),
])
def test_phrasings_subgroup_lists_and_names(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


def test_phrasings_one_population_word_is_the_cohort(nlp):
    # one value "in adults" of an adult study stays the cohort's
    assert _outcomes(_run(nlp, "The CR rate was 70% in adults.")) == [("all", "CR", 70.0)]


def _regimens(record: dict) -> list[tuple]:
    return [(a["label"], a["regimen"]) for a in record["arms"]]


@pytest.mark.parametrize("text, regimens", [
    # arms compared "with" one another, each with its n
    ("We compared patients treated with tisagenlecleucel (n = 40) with those treated with brexucabtagene autoleucel "
     "(n = 30).", [("tisagenlecleucel", "tisagenlecleucel"), ("brexucabtagene autoleucel", "brexu-cel")]),
    # one drug given two ways, each named as its group
    ("Patients were randomly assigned to receive either weekly inotuzumab (weekly arm) or single-dose inotuzumab "
     "(single-dose arm).", [("weekly", "inotuzumab"), ("single-dose", "inotuzumab")]),
    # the comparator abbreviated
    ("Patients were randomized to InO (n = 164) or SC (n = 162).",
     [("inotuzumab ozogamicin", "inotuzumab"), ("SC", "SC")]),
    # the lymphodepletion is not the study's regimen
    ("Adults received tisagenlecleucel after lymphodepleting chemotherapy with fludarabine and cyclophosphamide.",
     [("all", "tisagenlecleucel")]),
])
def test_phrasings_arm_regimens(nlp, text, regimens):
    assert _regimens(_run(nlp, text)) == regimens


def test_phrasings_counts_compared_are_arms(nlp):
    # groups compared by design, each counted with its treatment (no total stated)
    record = _run(nlp, "We retrospectively compared 60 patients who received inotuzumab with 40 who received "
                       "blinatumomab as first salvage. CR/CRi rates were 80% and 55%, respectively.")
    assert _arms(record) == [("inotuzumab ozogamicin", 60), ("blinatumomab", 40)]
    assert _outcomes(record) == [("blinatumomab", "CR_CRi", 55.0), ("inotuzumab ozogamicin", "CR_CRi", 80.0)]


@pytest.mark.parametrize("text, outcomes", [
    # the cohort's value beside its subgroups', the last named only by its elided complement
    ("A total of 96 patients were treated with mini-hyper-CVD plus inotuzumab; 30 of them also received blinatumomab. "
     "The 3-year OS was 46% overall, 55% for those who received blinatumomab and 40% for those who did not.",
     [("all", "OS_RATE", 46.0), ("blinatumomab", "OS_RATE", 55.0), ("no blinatumomab", "OS_RATE", 40.0)]),
    # a value alone in its clause is the cohort's
    ("The ORR was 80%; it was 90% in Ph-negative and 60% in Ph-positive patients.",
     [("Ph-negative", "ORR", 90.0), ("Ph-positive", "ORR", 60.0), ("all", "ORR", 80.0)]),
    # an age is not a group's size ("those 60 years or older")
    ("The CR rate was 75% in patients younger than 60 years and 55% in those 60 years or older.",
     [(">=60 years", "CR", 55.0), ("age <60 years", "CR", 75.0)]),
    ("Among 67 patients treated in first salvage, the CR rate was 84%, compared with 62% among 29 patients in second "
     "salvage or beyond.", [("first salvage", "CR", 84.0), ("second salvage or beyond", "CR", 62.0)]),
])
def test_phrasings_cohort_beside_subgroups(nlp, text, outcomes):
    assert sorted(_outcomes(_run(nlp, text))) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # the cohort's value in a clause of its own, a subgroup's in the next
    ("Median OS was 12 months; in Ph+ patients, it was 18 months.",
     [("Ph+", "OS_MEDIAN", 18.0), ("all", "OS_MEDIAN", 12.0)]),
    # a subgroup compared with the whole cohort ("overall" after the unit)
    ("Patients who relapsed after HSCT had a median OS of 5 months, compared with 9 months overall.",
     [("all", "OS_MEDIAN", 9.0), ("relapsed after HSCT", "OS_MEDIAN", 5.0)]),
    # in a two-arm trial, values named by subgroups are not the arms in order
    ("Patients were randomized to inotuzumab ozogamicin or standard care. The CR rate was 80% in patients aged 55 "
     "years or older and 60% in younger patients treated with inotuzumab.",
     [("aged >=55 years", "CR", 80.0), ("aged <55 years", "CR", 60.0)]),
])
def test_phrasings_subgroups_beside_arms_and_cohort(nlp, text, outcomes):
    assert sorted(_outcomes(_run(nlp, text))) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # a "respectively" list of the arms by short names, one of them no arm's name as written
    ("Patients were randomized to inotuzumab ozogamicin or standard care. The CR rate was 74% and 31% in the SC and "
     "InO arms, respectively.", [("inotuzumab ozogamicin", "CR", 31.0), ("standard care", "CR", 74.0)]),
    ("Patients were randomized to inotuzumab ozogamicin or standard care. The CR rate was 74% and 31% in the InO and "
     "SC arms, respectively.", [("inotuzumab ozogamicin", "CR", 74.0), ("standard care", "CR", 31.0)]),
])
def test_phrasings_respectively_over_short_arm_names(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


def test_phrasings_values_sharing_an_arm_are_not_the_arms_in_turn(nlp):
    # "88% and 67% with InO" are both InO's (of two subgroups): the first is not standard care's
    record = _run(nlp, "Patients were randomized to inotuzumab ozogamicin or standard care. CR/CRi rates in first and "
                       "second salvage were 88% and 67% with InO.")
    assert "standard care" not in {o["arm"] for o in record["outcomes"]}


@pytest.mark.parametrize("text, outcomes", [
    # of two arms, one named as an arm by a name the study gives it nowhere else
    ("Patients were randomized to inotuzumab ozogamicin or standard care. The CR/CRi rate was 81% in the InO arm as "
     "compared with 29% in the SC arm.", [("inotuzumab ozogamicin", "CR_CRi", 81.0), ("standard care", "CR_CRi", 29.0)]),
    # ... but two subgroups of a two-arm study stay subgroups
    ("Patients were randomized to inotuzumab ozogamicin or standard care. OS was 50% in the low-risk group and 20% in "
     "the high-risk group.", [("high-risk", "OS_RATE", 20.0), ("low-risk", "OS_RATE", 50.0)]),
    # a leading scope bounded by "or older" is one group, not a list
    ("In the subgroup of patients aged 70 years or older, the CR rate was 60%.", [("aged >=70 years", "CR", 60.0)]),
    # a name with a number stays whole before its value, its elided complement "those without"
    ("The CR rate in patients with KMT2A rearrangement was 50%, versus 80% in those without.",
     [("KMT2A rearrangement", "CR", 50.0), ("no KMT2A rearrangement", "CR", 80.0)]),
])
def test_phrasings_more_group_names(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # a treatment after each value, named as the lexicon knows it or as a comparator
    ("The 3-year OS was 40% with mini-HCVD plus inotuzumab versus 17% with HCVAD.",
     [("hyper-CVAD", "OS_RATE", 17.0), ("mini-HCVD plus inotuzumab", "OS_RATE", 40.0)]),
    ("Patients received inotuzumab or SOC. The CR/CRi rate was 74% with inotuzumab and 31% with SOC.",
     [("SOC", "CR_CRi", 31.0), ("inotuzumab ozogamicin", "CR_CRi", 74.0)]),
    ("The CR rate was 45% with a median duration of 6 months.", [("all", "CR", 45.0)]),
    # a list of groups right before the values zips them without "respectively"
    ("The CR rates in first salvage and second salvage were 88% (n=30) and 52% (n=25).",
     [("first salvage", "CR", 88.0), ("second salvage", "CR", 52.0)]),
    ("The CR rates in adults and children were 80% and 70%.", [("adults", "CR", 80.0), ("children", "CR", 70.0)]),
    # ... not a list of endpoints
    ("The CR and MRD negativity rates were 64% and 48%.", [("all", "CR", 64.0), ("all", "MRD_NEG", 48.0)]),
])
def test_phrasings_treatments_and_lists_before_values(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # a population word as the subject, compared with another population word
    ("Children had a CR rate of 90%, compared with 70% for adults.", [("adults", "CR", 70.0), ("children", "CR", 90.0)]),
    # alone it is the cohort
    ("Adults had a CR rate of 70%.", [("all", "CR", 70.0)]),
])
def test_phrasings_population_words_compared(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes
