"""Recurring phrasings of composite responses and transplant rates, written in our own words, run end to end
(eleventh round, second pass): the composite spelled with a hyphen or en dash ("CR-CRi", "CR–CRh") or with the
part's letter in brackets ("CR/CR(i)", which was read as CR); transplants broken down by the remission they were
given in ("Fourteen (35%) proceeded to HSCT, 10 (25%) in first CR"), where the later value is a part of the
cohort's transplants and no rate of the cohort (it gave the cohort a second HSCT value, both under numbered groups).

Each case is a way results are commonly written that an earlier version got wrong (a missed value, a wrong
endpoint, or a wrong arm); the negative cases pin what a fix must not reach.
"""
from __future__ import annotations

import pytest

from phrasing_cases import run_text as _run

COHORT = "Forty patients were enrolled. "


def _values(record: dict) -> list[tuple]:
    return sorted((o["arm"], o["endpoint"], o["value"]) for o in record["outcomes"])


@pytest.mark.parametrize("text, values", [
    # a hyphen or en dash joins the composite as a slash does
    ("The CR-CRi rate was 70%.", [("all", "CR_CRi", 70.0)]),
    ("CR–CRh was achieved in 28 patients (70%).", [("all", "CR_CRi", 70.0)]),
    ("CR-CRi/CRp rates were 70% and 50% in arms A and B, respectively.",
     [("arm A", "CR_CRi", 70.0), ("arm B", "CR_CRi", 50.0)]),
    # the part's letter in brackets
    ("CR/CR(i) was achieved in 28 patients (70%).", [("all", "CR_CRi", 70.0)]),
    ("The rate of CR/CR(h) was 70%.", [("all", "CR_CRi", 70.0)]),
    # negative: parts with their own values stay apart
    ("CR (50%) and CRi (20%) were achieved.", [("all", "CR", 50.0)]),
])
def test_composite_spellings(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    # the later value a part of the transplants before it
    ("Fourteen (35%) proceeded to HSCT, 10 (25%) in first CR.", [("all", "HSCT", 35.0)]),
    ("Fourteen patients (35%) proceeded to HSCT, 10 (25%) in first CR.", [("all", "HSCT", 35.0)]),
    ("Fourteen (35%) underwent HSCT, 10 (25%) in CR1 and 4 (10%) in CR2.", [("all", "HSCT", 35.0)]),
    ("Fourteen patients (35%) were bridged to allo-SCT, 10 (25%) of them in MRD-negative remission.",
     [("all", "HSCT", 35.0)]),
    # negative: named arms are arms
    ("In arm A, 14 (35%) underwent HSCT, and in arm B, 10 (25%) in CR.",
     [("arm A", "HSCT", 35.0), ("arm B", "HSCT", 25.0)]),
    # negative: the second value another endpoint's
    ("Fourteen (35%) proceeded to HSCT and 10 (25%) died.", [("all", "HSCT", 35.0)]),
])
def test_transplants_by_remission(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


def test_first_transplant_in_remission_is_no_whole(nlp):
    """The first value itself given in a remission is a part too: it must not become the cohort's rate."""
    record = _run(nlp, COHORT + "Fourteen (35%) proceeded to HSCT in first CR and 10 (25%) in second CR.")
    assert ("all", "HSCT", 35.0) not in _values(record)


@pytest.mark.parametrize("text, values", [
    # the remission the transplanted patients were in, between the subject and the transplant
    ("Twelve patients (30%) in CR underwent HSCT.", [("all", "HSCT", 30.0)]),
    ("Twelve patients in CR underwent allogeneic HSCT.", [("all", "HSCT", 30.0)]),
    ("Twelve (30%) in first remission proceeded to allo-HSCT.", [("all", "HSCT", 30.0)]),
    ("Twelve patients (30%) in CR1 were bridged to transplant.", [("all", "HSCT", 30.0)]),
    ("Twelve patients (30%) in CR subsequently underwent HSCT.", [("all", "HSCT", 30.0)]),
    ("12 patients (30%) proceeded to HSCT in first remission.", [("all", "HSCT", 30.0)]),
    # negative: a fraction of the patients in CR is that group's, not the cohort's
    ("Of 28 patients in CR, 12 (43%) underwent HSCT.", [("CR", "HSCT", 43.0)]),
    # negative: named arms keep their labels
    ("In arm A, 12 patients (30%) in CR underwent HSCT, compared with 6 (15%) in arm B.",
     [("arm A", "HSCT", 30.0), ("arm B", "HSCT", 15.0)]),
    # negative: a prior transplant of the patients in CR is no outcome
    ("Twelve patients (30%) in CR had received prior HSCT.", []),
])
def test_transplants_of_patients_in_remission(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


def test_fraction_of_responders_in_remission_is_no_cohort_rate(nlp):
    """"Twelve of the 28 patients (43%) in CR underwent HSCT": a share of the responders, never the cohort's."""
    record = _run(nlp, COHORT + "Twelve of the 28 patients (43%) in CR underwent HSCT.")
    assert ("all", "HSCT", 43.0) not in _values(record)


@pytest.mark.parametrize("text, values", [
    # a sum called composite after CR and a CRi part, as a combined rate is
    ("Twenty patients achieved CR and eight CRi, for a composite rate of 70%.",
     [("all", "CR", 50.0), ("all", "CR_CRi", 70.0)]),
    ("Twenty patients (50%) achieved CR and eight (20%) CRi, for a composite rate of 70%.",
     [("all", "CR", 50.0), ("all", "CR_CRi", 70.0)]),
    ("Twenty patients (50%) achieved CR and eight (20%) CRi, for a composite remission rate of 70%.",
     [("all", "CR", 50.0), ("all", "CR_CRi", 70.0)]),
    ("CR was achieved in 20 (50%) and CRi in 8 (20%); the composite rate was 70%.",
     [("all", "CR", 50.0), ("all", "CR_CRi", 70.0)]),
    ("Twenty patients achieved CR and eight CRi, for an overall CR/CRi rate of 70%.",
     [("all", "CR", 50.0), ("all", "CR_CRi", 70.0)]),
    # negative: a composite of something else owns its value, unscored
    ("The composite rate of grade 3 or higher infections was 30%.", []),
    ("Twenty patients (50%) achieved CR and ten (25%) PR, for a composite rate of 75%.", [("all", "CR", 50.0)]),
    # the part's value stays the part's when a sum follows (was a second CR value, under numbered groups)
    ("Twenty patients (50%) achieved CR and eight (20%) CRi, for an overall rate of 70%.", [("all", "CR", 50.0)]),
    ("Twenty patients (50%) achieved CR and eight (20%) CRi, for a total of 28 (70%).", [("all", "CR", 50.0)]),
])
def test_composite_sums(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    # the breakdown's last part the patients not in remission
    ("Fourteen patients (35%) received HSCT, 10 (25%) in first CR and 4 (10%) with active disease.",
     [("all", "HSCT", 35.0)]),
    ("Fourteen (35%) proceeded to HSCT, 4 (10%) with active disease.", [("all", "HSCT", 35.0)]),
    # negative: another clause's value stays out
    ("Fourteen (35%) received HSCT and 10 (25%) with active disease died.", [("all", "HSCT", 35.0)]),
])
def test_transplants_by_disease_state(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    # a percentage set equal to a response abbreviation is its rate
    ("CR + CRi = 70%.", [("all", "CR_CRi", 70.0)]),
    ("CR/CRi = 70% (28/40).", [("all", "CR_CRi", 70.0)]),
    ("ORR = 45% and CR = 30%.", [("all", "CR", 30.0), ("all", "ORR", 45.0)]),
    # negative: odds ratios, p-values and counts after "=" stay out
    ("CR was associated with MRD (OR = 3.2, p = 0.01).", []),
    ("CR (n = 20) was 50%.", [("all", "CR", 50.0)]),
])
def test_rate_equals(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values
