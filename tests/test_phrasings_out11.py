"""Recurring phrasings of outcome values, written in our own words, run end to end (eleventh round): numbers that
name a group, a line or a period are no values, and response composites defined in words are CR_CRi.

Each case is a way results are commonly written that an earlier version got wrong (a missed value, a wrong
endpoint or group); the negative cases pin what a fix must not reach.
"""
from __future__ import annotations

import pytest

from phrasing_cases import outcome_triples as _outcomes, outcome_values as _values, run_text as _run


@pytest.mark.parametrize("text, values", [
    # a salvage line's number is no value
    ("CR was achieved by 70% of patients in salvage 1 and 45% of patients in salvage 2 or later.",
     [("CR", 45.0), ("CR", 70.0)]),
    ("CR rates were 70% in salvage 1, 50% in salvage 2 and 30% in salvage 3 or later.",
     [("CR", 30.0), ("CR", 50.0), ("CR", 70.0)]),
    # ... but a number after "salvage" printed with its own % still is
    ("CR was achieved in salvage 1 and 45% of the others.", [("CR", 45.0)]),
    # a duration that is a threshold ("12 months or longer") is no median
    ("Median DOR was 8.0 months; 30% of responses lasted 12 months or longer.", [("DOR_MEDIAN", 8.0)]),
    ("The median OS was 8 months; patients with a remission duration of 12 months or more had a median OS of "
     "14 months.", [("OS_MEDIAN", 8.0), ("OS_MEDIAN", 14.0)]),
    # a year (or a period of years) is no value, and does not swallow the value after it
    ("The CR rate improved from 45% in 2005-2012 to 68% in 2013-2020.", [("CR", 45.0), ("CR", 68.0)]),
    ("The CR rate rose from 45% in 2005 to 68% in 2020.", [("CR", 45.0), ("CR", 68.0)]),
    ("CR rates were 45% in 2000-2009 and 68% in 2010-2019.", [("CR", 45.0), ("CR", 68.0)]),
    # a remission after a value's "in" names the value's group: the next value is not a CR
    ("EFS was 45% in CR2 versus 10% in refractory patients.", [("EFS_RATE", 10.0), ("EFS_RATE", 45.0)]),
    ("The 2-year OS was 62% in CR2 versus 25% in refractory patients.", [("OS_RATE", 25.0), ("OS_RATE", 62.0)]),
])
def test_numbers_naming_groups_are_no_values(nlp, text, values):
    assert _values(_run(nlp, text)) == values


@pytest.mark.parametrize("text, outcomes", [
    # two ordinal groups, the second longer than the first, each with its bracketed value
    ("CR rates differed between first (65%) and second or later (48%) salvage.",
     [("first salvage", "CR", 65.0), ("second or later salvage", "CR", 48.0)]),
    ("CR rates were similar in patients treated in first (75%) and later (52%) relapse.",
     [("first relapse", "CR", 75.0), ("later relapse", "CR", 52.0)]),
])
def test_second_ordinal_group_keeps_its_value(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # an overall response defined in words as CR plus a CRi/CRh part is CR_CRi
    ("The overall response rate, comprising CR and CRh, was 60%.", [("all", "CR_CRi", 60.0)]),
    ("Overall response, including complete remission and complete remission with incomplete platelet recovery, "
     "was 64%.", [("all", "CR_CRi", 64.0)]),
    ("The response rate, consisting of CR and CRi, was 58% in the inotuzumab arm and 30% in the control arm.",
     [("control", "CR_CRi", 30.0), ("inotuzumab ozogamicin", "CR_CRi", 58.0)]),
    ("Overall response, comprising CR (n = 20) and CRi (n = 8), was achieved in 28 of 40 patients (70%).",
     [("all", "CR_CRi", 70.0)]),
    ("Overall, 33 of 50 patients (66%) achieved CR, CRh or CRi.", [("all", "CR_CRi", 66.0)]),
    ("CR, CRi, or CRh was achieved in 21 patients (52%).", [("all", "CR_CRi", 52.0)]),
    ("The composite CR rate (CR + CRi + CRp) was 69%.", [("all", "CR_CRi", 69.0)]),
    # ... with a partial response among its parts it is the ORR, and the parts take no value after the clause
    ("The overall response rate, including CR, CRi and PR, was 70%.", [("all", "ORR", 70.0)]),
    ("The overall response rate, including complete and partial responses, was 48%.", [("all", "ORR", 48.0)]),
    # ... and a list joined by "and" stays a list of parts with their own values
    ("CR, CRi and PR rates were 40%, 20% and 10%, respectively.", [("all", "CR", 40.0)]),
])
def test_composites_defined_in_words(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # a definition without commas, up to its verb
    ("The rate of CR including CRi was 62%.", [("all", "CR_CRi", 62.0)]),
    ("The overall response rate including CR, CRh and CRi was 80%.", [("all", "CR_CRi", 80.0)]),
    ("Complete remission including CRp was achieved in 70% of patients.", [("all", "CR_CRi", 70.0)]),
    # MRD negativity with the adjective first; a group of patients "with negative MRD" stays a group
    ("Negative MRD was achieved in 22 patients (73%).", [("all", "MRD_NEG", 73.0)]),
    ("Patients with negative MRD had a 2-year OS of 70%.", [("negative MRD", "OS_RATE", 70.0)]),
])
def test_definitions_and_mrd_words(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # a definition ending its sentence holds for the rest of the article
    ("The primary end point was the overall response rate, defined as CR plus CRi. The overall response rate was "
     "65%.", [("all", "CR_CRi", 65.0)]),
    ("Overall response was defined as CR or CRi. Overall response was achieved in 30 of 40 patients (75%).",
     [("all", "CR_CRi", 75.0)]),
    # ... with a partial response in it, the ORR stays the ORR; CR itself is not redefined by "was defined as"
    ("The overall response rate was defined as CR plus CRi plus PR. The overall response rate was 70% and the CR "
     "rate 40%.", [("all", "CR", 40.0), ("all", "ORR", 70.0)]),
    ("Complete remission was defined as CR or CRi. The CR rate was 50%.", [("all", "CR", 50.0)]),
    # "went on to receive" a transplant
    ("Twenty patients (50%) went on to receive allogeneic hematopoietic cell transplantation.",
     [("all", "HSCT", 50.0)]),
])
def test_definitions_in_their_own_sentence(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, values", [
    # a remission after "performed in" is the state at the transplant, not a CR rate
    ("HSCT was performed in CR2 in 45% of patients.", [("HSCT", 45.0)]),
    ("Allogeneic HSCT was carried out in CR1 in 20 patients (50%).", [("HSCT", 50.0)]),
    # ... and after a value's "in" it names the value's group
    ("The MRD negativity rate was 85% in CR and 60% in CRi.", [("MRD_NEG", 60.0), ("MRD_NEG", 85.0)]),
])
def test_remission_states_name_groups(nlp, text, values):
    assert _values(_run(nlp, text)) == values


@pytest.mark.parametrize("text, values", [
    # molecular MRD negativity of Ph-positive ALL stated by its transcripts
    ("BCR-ABL1 transcripts became undetectable in 15 patients (65%).", [("MRD_NEG", 65.0)]),
    ("Undetectable BCR::ABL1 transcripts were achieved in 65% of Ph-positive patients.", [("MRD_NEG", 65.0)]),
    # ... the patients with them are a group
    ("Patients with undetectable BCR-ABL1 transcripts had a 2-year OS of 80%.", [("OS_RATE", 80.0)]),
])
def test_molecular_negativity_by_transcripts(nlp, text, values):
    assert _values(_run(nlp, text)) == values


@pytest.mark.parametrize("text, outcomes", [
    # more composites spelled with their parts
    ("CR with or without full recovery of blood counts was achieved in 58%.", [("all", "CR_CRi", 58.0)]),
    ("CR or CRi/CRh was achieved in 58%.", [("all", "CR_CRi", 58.0)]),
])
def test_more_composites(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, values", [
    # a number after "salvage 1 and" with its own unit is a value, not the second line's label
    ("Median OS was 10 months for salvage 1 and 5 months for salvage 2.", [("OS_MEDIAN", 5.0), ("OS_MEDIAN", 10.0)]),
    ("The CR rate was 58% in Salvage 1 and 31% in Salvage 2+.", [("CR", 31.0), ("CR", 58.0)]),
])
def test_salvage_labels_leave_values(nlp, text, values):
    assert _values(_run(nlp, text)) == values


@pytest.mark.parametrize("text, endpoint, value", [
    # a share "of them / of these / of those" before a verbal endpoint is that endpoint's, not the response's before it
    ("Thirty patients responded, and 80% of them proceeded to HSCT.", "HSCT", 80.0),
    ("Forty patients achieved CR; 75% of these underwent allogeneic HSCT.", "HSCT", 75.0),
    ("Twenty patients achieved CR, and 60% of those proceeded to transplant.", "HSCT", 60.0),
])
def test_phrasings_share_of_them_before_a_verbal_endpoint(nlp, text, endpoint, value):
    outcomes = _run(nlp, text)["outcomes"]
    assert [(o["endpoint"], o["value"]) for o in outcomes] == [(endpoint, value)]
