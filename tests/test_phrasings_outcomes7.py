"""Recurring phrasings of outcome values, written in our own words, run end to end (seventh round): an induction
window led in before its deaths, the refractory share of a response sentence, remissions listed as the groups of
a survival figure.

Each case is a way results are commonly written that an earlier version got wrong (a missed value, a wrong
endpoint or group); the negative cases pin what a fix must not reach.
"""
from __future__ import annotations

import pytest

from phrasing_cases import outcome_triples as _outcomes, run_text as _run, outcome_values as _values


@pytest.mark.parametrize("text, outcomes", [
    # the induction window before the subject of "died"
    ("During induction, five patients (10%) died.", [("all", "EARLY_DEATH", 10.0)]),
    ("During the induction, two patients (4%) died of sepsis.", [("all", "EARLY_DEATH", 4.0)]),
    # a bare count of deaths is a rate of the cohort (SCHEMA convention)
    ("Forty patients were treated. During induction, 2 patients died.", [("all", "EARLY_DEATH", 5.0)]),
    ("Forty patients were treated. During induction, two patients died of infection.", [("all", "EARLY_DEATH", 5.0)]),
    # negative: a clause break or a later time between the window and the death
    ("During induction, five patients (10%) had CRS and two later died.", [("all", "CRS", 10.0)]),
    ("During induction, 12 patients (24%) achieved CR; two died after HSCT.", [("all", "CR", 24.0)]),
])
def test_phrasings_induction_window_before_deaths(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # the refractory share owns its figure: it is not a second CR rate
    ("Overall, 44% achieved CR and 22% were refractory.", [("all", "CR", 44.0)]),
    ("Overall, 44% achieved CR and 22% were primary refractory.", [("all", "CR", 44.0)]),
    # negative: refractory patients named as a group keep their figure
    ("Patients who were refractory to first salvage had a median OS of 3 months.",
     [("patients who were refractory to first salvage", "OS_MEDIAN", 3.0)]),
])
def test_phrasings_refractory_share(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # a list of remissions names the groups of a survival figure, not a CR rate
    ("Median OS for patients in CR1 and CR2 was 24 and 12 months, respectively.",
     [("CR1", "OS_MEDIAN", 24.0), ("CR2", "OS_MEDIAN", 12.0)]),
    ("Median OS for patients in CR1, CR2 and CR3 was 24, 12 and 4 months, respectively.",
     [("CR1", "OS_MEDIAN", 24.0), ("CR2", "OS_MEDIAN", 12.0), ("CR3", "OS_MEDIAN", 4.0)]),
    ("The 2-year OS of patients transplanted in CR1 or CR2 was 45%.", [("all", "OS_RATE", 45.0)]),
    # negative: a second remission achieved is the salvage's CR rate
    ("Overall, 40% of patients achieved CR2.", [("all", "CR", 40.0)]),
    ("CR2 was achieved in 12 patients (40%).", [("all", "CR", 40.0)]),
])
def test_phrasings_remission_list_as_groups(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text", [
    # a remission beyond CR2 names a group: the figures are survival rates, not CR rates
    "The 3-year OS for patients transplanted beyond CR2 was 20%.",
])
def test_phrasings_remission_beyond_is_a_group(nlp, text):
    assert [o["endpoint"] for o in _run(nlp, text)["outcomes"]] == ["OS_RATE"]


@pytest.mark.parametrize("text", [
    # SCHEMA: CR_CRi is CR with CRi; a CRi rate alone is another measure (the gold records it as OTHER)
    "The rate of complete remission with incomplete hematologic recovery (CRi) was 80%.",
    "CRi alone was achieved in 6 patients (12%).",
])
def test_phrasings_cri_alone_is_no_composite(nlp, text):
    assert _outcomes(_run(nlp, text)) == []


@pytest.mark.parametrize("text, outcomes", [
    # a fraction of a named group: the denominator in words, or the share's bracket before the group's name
    ("Among 30 patients, four of five patients with Ph-positive ALL achieved CR.", [("Ph-positive ALL", "CR", 80.0)]),
    ("Thirty patients were treated. Four of five patients with T-ALL achieved CR.", [("T-ALL", "CR", 80.0)]),
    ("Among 30 patients, seven of 12 patients (58%) with Ph-positive ALL achieved CR.",
     [("Ph-positive ALL", "CR", 58.0)]),
    ("Forty patients were treated. Nine of eleven patients (82%) with KMT2A rearrangement achieved CR.",
     [("KMT2A rearrangement", "CR", 82.0)]),
    ("Forty patients were treated. CR was achieved in five of six patients with T-ALL.", [("T-ALL", "CR", 83.3)]),
    ("Forty patients were treated. Thirty of forty patients (75%) achieved CR.", [("all", "CR", 75.0)]),
    # negative: a fraction of the cohort, or of people named by no group, is the cohort's (and so, as
    # test_phrasings_probes pins, is a fraction when no cohort size is known)
    ("Seven of 12 patients (58%) with Ph-positive ALL achieved CR.", [("all", "CR", 58.0)]),
    ("Thirty patients were treated. Twenty-four of thirty patients achieved CR.", [("all", "CR", 80.0)]),
    ("Seven of 12 patients (58%) achieved CR.", [("all", "CR", 58.0)]),
])
def test_phrasings_fraction_of_named_group(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # the last count of a per-group list is one group's, not the cohort's rate: nothing rather than a wrong figure
    ("Thirty patients were treated. Grade 3 or higher CRS occurred in 0, 1 and 3 patients at the three dose levels, "
     "respectively.", []),
    ("Thirty patients were treated. CRS occurred in 2, 4 and 6 patients in cohorts 1, 2 and 3, respectively.", []),
    ("Thirty patients were treated. CRS occurred in 2 and 6 patients at the two dose levels.", []),
    # negative: a count of its own is the cohort's rate
    ("Thirty patients were treated. CRS occurred in 6 patients.", [("all", "CRS", 20.0)]),
    ("Thirty patients were treated. After 2 cycles, 12 patients achieved CR.", [("all", "CR", 40.0)]),
    ("Thirty patients were treated. Between 2 and 4 cycles were given; 12 patients achieved CR.", [("all", "CR", 40.0)]),
])
def test_phrasings_count_ending_a_group_list(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # two groups of one shape, each with its bracketed rate: the second group's rate is kept
    ("CR rates were similar in first salvage (65%) and second salvage (61%).",
     [("first salvage", "CR", 65.0), ("second salvage", "CR", 61.0)]),
    ("CR rates were similar in Ph-positive (65%) and Ph-negative (61%) patients.",
     [("Ph-negative", "CR", 61.0), ("Ph-positive", "CR", 65.0)]),
    # negative: another measure after the group keeps its own bracket
    ("The CR rate in the inotuzumab arm (80%) and the transfusion burden (30%) were noted.",
     [("inotuzumab ozogamicin", "CR", 80.0)]),
    ("CR rates (58% vs. 42%), renal dysfunction (0% vs. 17%) and infections were reported.",
     [("group 1", "CR", 58.0), ("group 2", "CR", 42.0)]),
])
def test_phrasings_parallel_groups_with_brackets(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


def test_phrasings_elided_ordinal_groups_with_brackets(nlp):
    # "first (65%) and second (61%) salvage": both rates (the groups' shared noun is elided)
    record = _run(nlp, "Response rates did not differ between first (65%) and second (61%) salvage.")
    assert _values(record) == [("ORR", 61.0), ("ORR", 65.0)]


@pytest.mark.parametrize("text, outcomes", [
    # a toxicity's grade between it and "occurred in N patients", as "Grade 3 or higher CRS occurred in" reads
    ("Thirty patients were treated. CRS of grade 3 or 4 occurred in 6 patients.", [("all", "CRS", 20.0)]),
    ("Thirty patients were treated. Neurotoxicity of grade 3 occurred in 3 patients.", [("all", "NEURO", 10.0)]),
    # negative: the patients narrowed after the count are a subgroup's
    ("Thirty patients were treated. CRS of grade 3 or 4 occurred in 6 patients with high tumor burden.", []),
])
def test_phrasings_graded_toxicity_occurred_in(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # an age before a share's bracket is no count of that share
    ("The CR rate was similar in patients aged 60 years or older (55%) and younger patients (60%).",
     [("aged >=60 years", "CR", 55.0)]),
    # negative: a count of patients before the bracket is the share's count
    ("Forty patients were treated. CR was achieved in 22 patients (55%).", [("all", "CR", 55.0)]),
])
def test_phrasings_age_before_share_bracket(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


def test_phrasings_age_before_share_bracket_gives_no_count(nlp):
    record = _run(nlp, "The CR rate was similar in patients aged 60 years or older (55%) and younger patients (60%).")
    assert [o["count"] for o in record["outcomes"]] == [None]
