"""Recurring phrasings of outcome values, written in our own words, run end to end (seventh round): an induction
window led in before its deaths, the refractory share of a response sentence, remissions listed as the groups of
a survival figure.

Each case is a way results are commonly written that an earlier version got wrong (a missed value, a wrong
endpoint or group); the negative cases pin what a fix must not reach.
"""
from __future__ import annotations

import pytest

from phrasing_cases import outcome_triples as _outcomes, run_text as _run


@pytest.mark.parametrize("text, outcomes", [
    # the induction window before the subject of "died"
    ("During induction, five patients (10%) died.", [("all", "EARLY_DEATH", 10.0)]),
    ("During the induction, two patients (4%) died of sepsis.", [("all", "EARLY_DEATH", 4.0)]),
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
