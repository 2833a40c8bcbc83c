"""Recurring phrasings of outcome values, written in our own words, run end to end (tenth round): a clause of its
own after a rate (an adverse event, a supportive-care need) keeps its figure from the rate before it.

Each case is a way results are commonly written that an earlier version got wrong (a missed value, a wrong
endpoint or group); the negative cases pin what a fix must not reach.
"""
from __future__ import annotations

import pytest

from phrasing_cases import outcome_triples as _outcomes, run_text as _run


@pytest.mark.parametrize("text, outcomes", [
    # an adverse event or a supportive-care need with its own verb after a conjunction is not a second CR rate
    ("The CR rate was 60% and fever occurred in 30%.", [("all", "CR", 60.0)]),
    ("The CR rate was 30% and the need for transfusion was 40%.", [("all", "CR", 30.0)]),
    ("The CR rate was 60%; tumor lysis syndrome occurred in 5%.", [("all", "CR", 60.0)]),
    ("CR was achieved in 60% of patients, whereas ICU admission was needed in 10%.", [("all", "CR", 60.0)]),
    ("The CR rate was 60%, and dose reduction was required in 25%.", [("all", "CR", 60.0)]),
    ("CR rate was 60%, but elevated transaminases occurred in 30%.", [("all", "CR", 60.0)]),
    ("The CR rate was 60% and grade 3-4 cytopenias occurred in 90%.", [("all", "CR", 60.0)]),
    ("CR was 60%; the need for transfusion (30%) was frequent.", [("all", "CR", 60.0)]),
    ("The CR rate was 60%, with the need for transfusion (30%) being common.", [("all", "CR", 60.0)]),
    # a bare "and X in 40%" stays the rate's: as often X names a group ("and arm B in 40%", "and T-ALL in 30%")
    ("The CR rate was 70% in arm A and arm B in 40%.", [("arm A", "CR", 70.0), ("arm B", "CR", 40.0)]),
    ("CR was achieved in 60%, while mucositis affected 20%.", [("all", "CR", 60.0)]),
    ("The CR rate was 60%, and the rate of dose reduction was 10%.", [("all", "CR", 60.0)]),
    ("The ORR was 70%, and B-cell aplasia persisted in 40%.", [("all", "ORR", 70.0)]),
    # ... nor is a share that is the subject of its own verb
    ("CR was achieved in 60% of patients and 30% required hospitalization.", [("all", "CR", 60.0)]),
    ("The ORR was 70% and 30% of responders relapsed.", [("all", "ORR", 70.0)]),
    ("After achieving CR, 30% required transfusions.", []),
    # ... nor is a count that is the subject of its own clause before a list link
    ("Twelve patients (30%) required ICU admission and 24 (60%) achieved CR.", [("all", "CR", 60.0)]),
    ("Ten patients (25%) had CNS disease and 24 (60%) achieved CR.", [("all", "CR", 60.0)]),
    ("Three older patients (15%) and 61 younger patients (59%) proceeded to HSCT.",
     [("older patients", "HSCT", 15.0), ("younger patients", "HSCT", 59.0)]),
    # ... also right after the mention, when the clause has its verb and preposition
    ("Forty percent proceeded to HSCT and chronic GVHD occurred in 15%.", [("all", "HSCT", 40.0)]),
    ("40% proceeded to HSCT and chronic GVHD occurred in 15%.", [("all", "HSCT", 40.0)]),
    # negative: the clause goes on stating the rate (another arm, cycle or time), or names another endpoint
    ("CR rates were similar in first salvage (65%) and second salvage (61%).",
     [("first salvage", "CR", 65.0), ("second salvage", "CR", 61.0)]),
    ("The CR rates in first salvage and second salvage were 88% (n=30) and 52% (n=25).",
     [("first salvage", "CR", 88.0), ("second salvage", "CR", 52.0)]),
    ("The CR rate was 60% in arm A and 40% in arm B.", [("arm A", "CR", 60.0), ("arm B", "CR", 40.0)]),
    ("The CR rate was 60% after one cycle and was 80% after two cycles.",
     [("group 1", "CR", 60.0), ("group 2", "CR", 80.0)]),
    ("The CR rate was 60% with inotuzumab, whereas the corresponding figure with chemotherapy was 30%.",
     [("group 1", "CR", 60.0), ("group 2", "CR", 30.0)]),
    ("The CR rate was 60% and CRS occurred in 30%.", [("all", "CR", 60.0), ("all", "CRS", 30.0)]),
    ("Grade 3 or higher CRS occurred in 10% and ICANS in 5%.", [("all", "CRS", 10.0), ("all", "NEURO", 5.0)]),
    ("Complete remission was achieved by 20 patients (67%); infections occurred in 10 (33%).", [("all", "CR", 67.0)]),
])
def test_phrasings_own_clause_keeps_its_figure(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # a negation after its subject: a zero (SCHEMA: "No patient had X" is value 0, count 0)
    ("Grade 3 or higher CRS was not observed.", [("all", "CRS", 0.0)]),
    ("VOD was not observed in any patient.", [("all", "VOD", 0.0)]),
    ("Hepatic VOD did not occur in any of the 40 patients.", [("all", "VOD", 0.0)]),
    ("VOD and grade 3 or higher CRS were not observed.", [("all", "CRS", 0.0), ("all", "VOD", 0.0)]),
    ("The CR rate was 40%; early death was not observed.", [("all", "CR", 40.0), ("all", "EARLY_DEATH", 0.0)]),
    ("VOD occurred in none of the patients.", [("all", "VOD", 0.0)]),
    ("CRS was observed in no patient.", [("all", "CRS", 0.0)]),
    ("Grade 3 or higher neurotoxicity occurred in none of the 40 patients.", [("all", "NEURO", 0.0)]),
    # the cue inside an induction death's window
    ("During induction, no patient died.", [("all", "EARLY_DEATH", 0.0)]),
    ("During induction, no patients died and 60% achieved CR.", [("all", "CR", 60.0), ("all", "EARLY_DEATH", 0.0)]),
    ("No deaths occurred during the first cycle.", [("all", "EARLY_DEATH", 0.0)]),
    # negative: a figure not reported is no zero; a group's endpoint not observed names no cohort zero
    ("Sixty-day mortality was not reported.", []),
    ("VOD occurred in 3 patients (5%); no patient died of VOD.", [("all", "VOD", 5.0)]),
    ("No patients died of CRS.", []),
    ("CR was not observed in patients with TP53 mutations.", []),
    ("CRS was not observed in patients treated at dose level 1.", []),
    ("VOD occurred in none of the patients who received HSCT.", []),
    ("Patients in whom CRS was not observed had a longer OS.", []),
])
def test_phrasings_zero_after_its_subject(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # a share spelled "percent" is the subject of an endpoint that is its own verb
    ("Thirty percent proceeded to HSCT.", [("all", "HSCT", 30.0)]),
    ("Forty-two percent proceeded to HSCT.", [("all", "HSCT", 42.0)]),
    ("Forty percent of patients proceeded to HSCT.", [("all", "HSCT", 40.0)]),
])
def test_phrasings_percent_word_before_verbal_endpoint(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


def test_phrasings_own_clause_needs_a_subject(nlp):
    # "and was 70%": the clause goes on with the mention as its subject (the groups are not what this pins)
    record = _run(nlp, "The CR rate was 60%, and was 70% in Ph-positive patients.")
    assert sorted((o["endpoint"], o["value"]) for o in record["outcomes"]) == [("CR", 60.0), ("CR", 70.0)]


@pytest.mark.parametrize("text, outcomes", [
    # alive without relapse is a leukemia-free status, not overall survival (like "alive and in remission")
    ("At 1 year, 60% of patients were alive and 45% were alive without relapse.", [("all", "OS_RATE", 60.0)]),
    ("At 2 years, 40% were alive without evidence of disease.", []),
    # negative: alive alone is overall survival
    ("At 2 years, 40% of the patients were alive.", [("all", "OS_RATE", 40.0)]),
])
def test_phrasings_alive_without_relapse(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # an event before the study is the patients' history, not a rate of the therapy
    ("Twenty-five percent of patients had a prior history of VOD.", []),
    ("Twenty-five percent had a history of VOD before enrolment.", []),
    # negative: the event during the study
    ("Twenty-five percent of patients developed VOD.", [("all", "VOD", 25.0)]),
    ("Patients with prior HSCT (n = 12, 30%) had a CR rate of 50%.", [("prior HSCT", "CR", 50.0)]),
])
def test_phrasings_history_of_an_event(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, endpoint, values", [
    # a clause whose subject is the measure again ("the median", "the estimated rate") goes on stating it
    ("The median OS was 7.7 months in arm A, and the median in arm B was 4.0 months.", "OS_MEDIAN", [4.0, 7.7]),
    ("The 1-year OS was 60%, and the estimated rate at 2 years was 45%.", "OS_RATE", [45.0, 60.0]),
    ("The OS at 12 months was 55%, while the value at 24 months was 38%.", "OS_RATE", [38.0, 55.0]),
    ("The median EFS was 5.2 months; the estimate for patients in first salvage was 8.1 months.", "EFS_MEDIAN",
     [5.2, 8.1]),
    # negative: a measure of something else ("the incidence of fever") is its own clause's
    ("The CR rate was 60%, and the incidence of fever was 30%.", "CR", [60.0]),
])
def test_phrasings_clause_restating_the_measure(nlp, text, endpoint, values):
    record = _run(nlp, text)
    assert sorted(o["value"] for o in record["outcomes"] if o["endpoint"] == endpoint) == values
