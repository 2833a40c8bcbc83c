"""Recurring phrasings of arms and subgroups in trial abstracts (tenth round: remission states and lines of salvage as
groups, one cohort's outcomes in clauses of their own, cohorts split by a characteristic), written in our own words,
run end to end.

Each case is a way arms or subgroups are commonly written that an earlier version got wrong; the figures restate
published studies' results.
"""
from __future__ import annotations

import pytest

from phrasing_cases import outcome_triples as _outcomes, run_text as _run


def _arms(record: dict) -> list[tuple]:
    return [(a["label"], a["n"]) for a in record["arms"]]


@pytest.mark.parametrize("text, outcomes", [
    # a state of the disease listed beside remission states is a group, not the cohort; a code takes no shared head
    ("Median OS for patients in CR1, CR2 and refractory disease was 24, 12 and 4 months, respectively.",
     [("CR1", "OS_MEDIAN", 24.0), ("CR2", "OS_MEDIAN", 12.0), ("refractory disease", "OS_MEDIAN", 4.0)]),
    ("Median OS was 20.1 months for CR1, 9.4 months for CR2 and 3.2 months for refractory disease.",
     [("CR1", "OS_MEDIAN", 20.1), ("CR2", "OS_MEDIAN", 9.4), ("refractory disease", "OS_MEDIAN", 3.2)]),
    ("Median OS was 14.0 months in patients in CR2 and 4.5 months in patients with refractory disease (P < .001).",
     [("CR2", "OS_MEDIAN", 14.0), ("refractory disease", "OS_MEDIAN", 4.5)]),
    # the last item of a list keeps its own "with"
    ("The 2-year OS for patients in CR1, CR2 or with active disease was 60%, 35% and 10%, respectively.",
     [("CR1", "OS_RATE", 60.0), ("CR2", "OS_RATE", 35.0), ("active disease", "OS_RATE", 10.0)]),
    ("Median OS for patients transplanted in CR1, CR2 and with relapsed disease was 30, 14 and 5 months, respectively.",
     [("CR1", "OS_MEDIAN", 30.0), ("CR2", "OS_MEDIAN", 14.0), ("relapsed disease", "OS_MEDIAN", 5.0)]),
    # a second group named before its own verb is that group, not the first one's complement
    ("The 3-year OS of patients in CR2 was 40% and of those in CR3 was 15%.",
     [("CR2", "OS_RATE", 40.0), ("CR3", "OS_RATE", 15.0)]),
    # unchanged: remission states alone, and the cohort beside a group
    ("The 3-year OS rates in CR1, CR2 and CR3 were 55%, 33% and 12%, respectively.",
     [("CR1", "OS_RATE", 55.0), ("CR2", "OS_RATE", 33.0), ("CR3", "OS_RATE", 12.0)]),
    ("The median survival of patients who underwent transplant was 20 months versus 6 months for those who did not.",
     [("no transplant", "OS_MEDIAN", 6.0), ("transplant", "OS_MEDIAN", 20.0)]),
    ("Standard, intermediate and high risk groups had 5-year OS of 60%, 35% and 10%, respectively.",
     [("high risk", "OS_RATE", 10.0), ("intermediate risk", "OS_RATE", 35.0), ("standard risk", "OS_RATE", 60.0)]),
])
def test_phrasings_remission_states_as_groups(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # ordinal groups share the noun after the last value's bracket
    ("The CR rate differed between first (65%) and second (61%) salvage.",
     [("first salvage", "CR", 65.0), ("second salvage", "CR", 61.0)]),
    ("The CR rate was higher in first (72%) than in second or later (45%) salvage.",
     [("first salvage", "CR", 72.0), ("second or later salvage", "CR", 45.0)]),
    ("Median OS was longer in early (10.2 months) than in late (5.1 months) relapse.",
     [("early relapse", "OS_MEDIAN", 10.2), ("late relapse", "OS_MEDIAN", 5.1)]),
    ("The CR rate was 58% in first (S1) and 39% in second (S2) salvage.",
     [("first salvage", "CR", 58.0), ("second salvage", "CR", 39.0)]),
    # levels of one measure whose noun only the last names
    ("Median EFS was 3.1 months with high and 10.6 months with low disease burden.",
     [("high disease burden", "EFS_MEDIAN", 3.1), ("low disease burden", "EFS_MEDIAN", 10.6)]),
    ("EFS was longer in patients with a low (10.6 months) than a high (3.1 months) disease burden.",
     [("high disease burden", "EFS_MEDIAN", 3.1), ("low disease burden", "EFS_MEDIAN", 10.6)]),
    ("The CR rate was 90% in patients with low and 70% in those with high tumor burden.",
     [("high tumor burden", "CR", 70.0), ("low tumor burden", "CR", 90.0)]),
    ("The CR rate was 73% at the lower and 93% at the higher dose.",
     [("higher dose", "CR", 93.0), ("lower dose", "CR", 73.0)]),
    ("The CR rate was 70% in standard and 40% in high risk patients.",
     [("high risk", "CR", 40.0), ("standard risk", "CR", 70.0)]),
    # (not over cycles: one group's values at two times)
    ("The CR rate was 45% after the first and 70% after the second cycle.", [("all", "CR", 45.0), ("all", "CR", 70.0)]),
    ("The MRD negativity rate was 40% in the first and 65% in the second cycle.",
     [("all", "MRD_NEG", 40.0), ("all", "MRD_NEG", 65.0)]),
    # a period of years keeps its group word (alone it would be a number, no name)
    ("The 3-year OS was 15% in the 2005-2012 cohort and 32% in the 2013-2020 cohort.",
     [("2005-2012 cohort", "OS_RATE", 15.0), ("2013-2020 cohort", "OS_RATE", 32.0)]),
    # "or subsequent" bounds a line of therapy, as "or later" does
    ("The CR rate was 80% for patients in first relapse and 55% for patients in second or subsequent relapse.",
     [("first relapse", "CR", 80.0), ("second or subsequent relapse", "CR", 55.0)]),
])
def test_phrasings_lines_of_salvage(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


def test_phrasings_bracketed_codes_of_subgroups_are_not_arms(nlp):
    # codes in brackets name arms only where a sentence assigns a treatment to them
    record = _run(nlp, "The CR rate was 58% in first (S1) and 39% in second (S2) salvage.")
    assert _arms(record) == [("all", None)]
    record = _run(nlp, "Patients received drug X weekly (B1) or twice weekly (B2). The CR rate was 20% in B1 and 40% in B2.")
    assert [label for label, _ in _arms(record)] == ["B1", "B2"]


def test_phrasings_one_cohort_two_outcomes(nlp):
    # each value the subject of its own clause, saying different things: the cohort's, not two groups'
    record = _run(nlp, "Overall, 44% of patients achieved CR and 22% had refractory disease.")
    assert {o["arm"] for o in record["outcomes"]} == {"all"}
    # (two groups with the same verb phrase are still two groups: "Patients in first relapse had ... whereas ...")
    assert _outcomes(_run(nlp, "Patients in first relapse had a CR rate of 80%, whereas those in second relapse had 55%.")) \
        == [("first relapse", "CR", 80.0), ("second relapse", "CR", 55.0)]


def test_phrasings_with_or_without_a_drug_as_arms(nlp):
    # "A with (n) or without B (n)" and "randomized to A with or without B": the drug named once is the first arm's
    record = _run(nlp, "Adults received hyper-CVAD with (n = 40) or without rituximab (n = 50). "
                       "The CR rate was 75% with rituximab and 70% without.")
    assert sorted(_arms(record)) == [("hyper-CVAD", 50), ("hyper-CVAD + rituximab", 40)]
    assert _outcomes(record) == [("hyper-CVAD", "CR", 70.0), ("hyper-CVAD + rituximab", "CR", 75.0)]
    record = _run(nlp, "Adults were randomly assigned to blinatumomab with or without ponatinib. "
                       "The CR rate was 80% with and 55% without ponatinib.")
    assert sorted(label for label, _ in _arms(record)) == ["blinatumomab", "blinatumomab + ponatinib"]
    assert _outcomes(record) == [("blinatumomab", "CR", 55.0), ("blinatumomab + ponatinib", "CR", 80.0)]


@pytest.mark.parametrize("text, outcomes", [
    # a participle after "the" is part of the group's name ("the relapsed group"), not its verb
    ("The CR/CRi rate was 60% in the refractory and 75% in the relapsed group.",
     [("refractory", "CR_CRi", 60.0), ("relapsed", "CR_CRi", 75.0)]),
    # a known regimen with a prefix names its group as written
    ("The CR rate was 75% with R-HCVAD and 70% with HCVAD.", [("R-HCVAD", "CR", 75.0), ("hyper-CVAD", "CR", 70.0)]),
])
def test_phrasings_group_names_as_written(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


# Cohorts split by a characteristic, a response or a later treatment are subgroups of the study's one arm (SCHEMA.md;
# the corpus gold keeps "all" for them); groups told apart by the treatment they received are arms.
_SPLIT_ABSTRACTS = [
    ("We reviewed 80 adults treated with blinatumomab. Of the 58 responders, 22 proceeded to HSCT and 36 did not. "
     "The 2-year OS was 55% for patients who underwent HSCT and 20% for those who did not (P = .01).",
     [("HSCT", "OS_RATE", 55.0), ("no HSCT", "OS_RATE", 20.0), ("responders", "HSCT", 37.9)]),
    ("We compared patients treated with inotuzumab in first salvage (n = 150) with those in second or later salvage "
     "(n = 260). The CR/CRi rate was 80% in first salvage and 68% in second or later salvage.",
     [("first salvage", "CR_CRi", 80.0), ("second or later salvage", "CR_CRi", 68.0)]),
    ("We studied 181 adults with first relapse. Patients were grouped by era: 2005-2012 (n = 84) and 2013-2020 "
     "(n = 97). The CR rate was 45% in the earlier era and 68% in the recent era.",
     [("earlier era", "CR", 45.0), ("recent era", "CR", 68.0)]),
    ("Seventy-five adults received CD19 CAR T cells. We compared patients with high (≥5% blasts; n = 40) versus low "
     "(<5%; n = 35) disease burden. Median EFS was 3.1 months with high and 10.6 months with low disease burden.",
     [("high disease burden", "EFS_MEDIAN", 3.1), ("low disease burden", "EFS_MEDIAN", 10.6)]),
]


@pytest.mark.parametrize("text, outcomes", _SPLIT_ABSTRACTS)
def test_phrasings_split_cohort_is_one_arm(nlp, text, outcomes):
    record = _run(nlp, text)
    assert [label for label, _ in _arms(record)] == ["all"]
    assert _outcomes(record) == sorted(outcomes)


def test_phrasings_treatment_sequence_groups_are_arms(nlp):
    record = _run(nlp, "We retrospectively analysed patients who received blinatumomab before inotuzumab (n = 31) and "
                       "those who received inotuzumab first (n = 27). Median OS was 11.2 months in the "
                       "blinatumomab-first group and 8.9 months in the inotuzumab-first group (P = .40).")
    assert _arms(record) == [("blinatumomab before inotuzumab", 31), ("inotuzumab first", 27)]


@pytest.mark.parametrize("text, outcomes", [
    # a scope's sibling named only by "those without" is the scope's complement
    ("Among patients with prior HSCT, the CR rate was 60%, compared with 75% among those without.",
     [("no prior HSCT", "CR", 75.0), ("prior HSCT", "CR", 60.0)]),
    # "with versus without X", as "with and without X"
    ("Median OS was 5.0 versus 9.1 months in patients with versus without prior transplant.",
     [("no prior transplant", "OS_MEDIAN", 9.1), ("prior transplant", "OS_MEDIAN", 5.0)]),
    # "one or more" is a bound, not a count to strip
    ("The CR/CRi rate was 81% in patients with no prior salvage and 63% in those with one or more prior salvages.",
     [("no prior salvage", "CR_CRi", 81.0), ("one or more prior salvages", "CR_CRi", 63.0)]),
    # a bound written in words, and its other side left to a bare comparative
    ("The CR rate was 36% in patients with more than 50% marrow blasts and 62% in those with fewer.",
     [("<=50% marrow blasts", "CR", 62.0), (">50% marrow blasts", "CR", 36.0)]),
    # (a bare comparative after a group with no bound is left as it was)
    ("The CR rate was 60% in patients with prior HSCT and 75% in those without.",
     [("no prior HSCT", "CR", 75.0), ("prior HSCT", "CR", 60.0)]),
])
def test_phrasings_complements(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # a drug given alone and "the combination" name their groups
    ("The CR rate was 50% with blinatumomab alone and 78% with the combination (P = .03).",
     [("blinatumomab alone", "CR", 50.0), ("combination", "CR", 78.0)]),
    ("The CR rate was 50% with blinatumomab monotherapy and 78% with blinatumomab plus a TKI.",
     [("blinatumomab monotherapy", "CR", 50.0), ("blinatumomab plus a TKI", "CR", 78.0)]),
])
def test_phrasings_alone_and_combination(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # the patients left out of a group ("the others", "the remaining patients", "the rest") are its complement
    ("The CR rate was 60% in patients with KMT2A rearrangement and 80% in the others.",
     [("KMT2A rearrangement", "CR", 60.0), ("no KMT2A rearrangement", "CR", 80.0)]),
    ("The CR rate was 60% in patients with KMT2A rearrangement compared with 80% in the remaining patients.",
     [("KMT2A rearrangement", "CR", 60.0), ("no KMT2A rearrangement", "CR", 80.0)]),
    ("The CR rate was 57% in heavily pretreated patients (three or more prior regimens) and 80% in the rest.",
     [("heavily pretreated", "CR", 57.0), ("not heavily pretreated", "CR", 80.0)]),
    # a scope's sibling named in a clause of its own ("and in those with B-ALL it was 70%")
    ("In patients with T-ALL, the CR rate was 45%, and in those with B-ALL it was 70%.",
     [("B-ALL", "CR", 70.0), ("T-ALL", "CR", 45.0)]),
])
def test_phrasings_rest_and_sibling_clauses(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)
