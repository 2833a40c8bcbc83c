"""Recurring phrasings of composite responses and transplant rates, written in our own words, run end to end
(eleventh round): a CR whose bracket is the composite's name ("achieved complete remission (CR/CRi)"), the part named
before the CR ("CRi or CR"), "with or without incomplete recovery", definitions of an overall remission with its
abbreviation ("(ORR; CR or CRi)", "(CR or CRi; ORR)"), ending their sentence ("..., comprising CR and CRi."), or of CR
itself ("complete remission (CR; including CRi)"), a response broken down into counts ("28 (70%) responded (20 CR, 8
CRi)", "achieved remission, with CR in 20 and CRi in 8"); transplants in the passive with a count only ("Twelve patients were bridged to SCT", "HSCT was performed in
14 patients"), "could be transplanted", "allografted", "able to receive", "a post-blinatumomab HCT"; and transplants that are no rate of the
cohort: before enrolment, a pluperfect beside prior therapy, "not able to undergo", the object of a passive clause
before the transplant's subject ("A donor was identified for 12 (30%), and 10 (25%) underwent HSCT").

Each case is a way results are commonly written that an earlier version got wrong (a missed value, or a wrong
endpoint); the negative cases pin what a fix must not reach.
"""
from __future__ import annotations

import pytest

from phrasing_cases import run_text as _run, outcome_values as _values

COHORT = "Forty patients were enrolled. "


@pytest.mark.parametrize("text, values", [
    # a CR whose bracket right after it is only the composite's name is that composite
    ("28 patients (70%) achieved complete remission (CR/CRi).", [("CR_CRi", 70.0)]),
    ("28 patients (70%) achieved a complete response (CR or CRi).", [("CR_CRi", 70.0)]),
    ("28 patients (70%) achieved a complete remission (CR + CRh).", [("CR_CRi", 70.0)]),
    # ... which defines no later CR
    ("28 patients (70%) achieved complete remission (CR/CRi). The complete remission rate was 50% in patients "
     "with Ph-positive ALL.", [("CR", 50.0), ("CR_CRi", 70.0)]),
    # the abbreviation stays CR
    ("Complete remission (CR) was achieved in 20 patients (50%).", [("CR", 50.0)]),
    # the part named first, or spelled out first
    ("CRi or CR was achieved in 70% of patients.", [("CR_CRi", 70.0)]),
    ("CR with incomplete hematologic recovery (CRi) or CR was achieved in 70%.", [("CR_CRi", 70.0)]),
    ("CR with or without incomplete hematologic recovery was achieved in 70%.", [("CR_CRi", 70.0)]),
    ("Complete remission with or without partial hematologic recovery occurred in 70%.", [("CR_CRi", 70.0)]),
    ("Complete response or complete response with incomplete hematologic recovery was achieved in 70%.",
     [("CR_CRi", 70.0)]),
    # CR spelled out, then "or" and the part's abbreviation
    ("Complete remission or CRi was achieved in 70%.", [("CR_CRi", 70.0)]),
    ("Complete remission (CR) or CRi was achieved in 28 patients (70%).", [("CR_CRi", 70.0)]),
    ("Twenty-eight patients (70%) achieved complete remission (CR) or CRh.", [("CR_CRi", 70.0)]),
    # the part spelled without the kind of recovery ("with incomplete recovery")
    ("CR or CR with incomplete recovery (CRi) was achieved in 70%.", [("CR_CRi", 70.0)]),
    ("CR with incomplete recovery or CR was achieved in 70%.", [("CR_CRi", 70.0)]),
    # each with its own value stays two endpoints
    ("CR (50%) or CRi (20%) was achieved.", [("CR", 50.0)]),
    ("CR was achieved in 50% and CRi in 20%.", [("CR", 50.0)]),
    # a part alone beside a CR stays a part
    ("Twenty patients (50%) achieved CR with incomplete hematologic recovery (CRi), and 10 (25%) CR.",
     [("CR", 25.0)]),
])
def test_composite_named(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    ("The primary end point was the overall remission rate (ORR; CR or CRi) within 3 months. The ORR was 81%.",
     [("CR_CRi", 81.0)]),
    ("The primary endpoint was the overall remission rate (CR or CRi; ORR). The ORR was 81%.", [("CR_CRi", 81.0)]),
    ("The primary end point was the overall remission rate (ORR), comprising CR and CRi. The ORR was 81%.",
     [("CR_CRi", 81.0)]),
    ("The primary end point was complete remission (CR; including CR with incomplete hematologic recovery [CRi]). "
     "The rate of complete remission was 70%.", [("CR_CRi", 70.0)]),
    ("The primary end point was complete remission (CR; including CR with incomplete hematologic recovery [CRi]). "
     "CR was achieved in 28 patients (70%).", [("CR_CRi", 70.0)]),
    ("The primary end point was complete remission, including complete remission with incomplete hematologic "
     "recovery. Complete remission was achieved in 70%.", [("CR_CRi", 70.0)]),
    # negatives: an ORR with a partial response, or an undefined one, stays ORR
    ("The primary end point was the overall response rate (ORR), comprising CR, CRi and PR. The ORR was 81%.",
     [("ORR", 81.0)]),
    ("The primary end point was the overall response rate (ORR). The ORR was 81%.", [("ORR", 81.0)]),
    ("The overall response rate was 70%, including CR in 50%.", [("CR", 50.0), ("ORR", 70.0)]),
])
def test_composite_defined(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    ("Twenty-eight patients (70%) responded (20 CR, 8 CRi).", [("CR", 50.0), ("CR_CRi", 70.0)]),
    ("Thirty patients (75%) responded (25 CRs).", [("CR", 62.5), ("ORR", 75.0)]),
    ("Twenty-eight patients (70%) achieved remission, with CR in 20 and CRi in 8.", [("CR_CRi", 70.0)]),
    ("Twenty-eight patients (70%) responded, including 20 CR and 8 CRi.", [("CR", 50.0), ("CR_CRi", 70.0)]),
    # with a partial response among the parts it stays the overall response
    ("Twenty-eight patients (70%) responded, with 20 CR, 6 CRi and 2 PR.", [("CR", 50.0), ("ORR", 70.0)]),
    ("Responses were seen in 28 patients (70%), including 20 CRs.", [("CR", 50.0), ("ORR", 70.0)]),
    # a subgroup's own value after it is still its own
    ("Patients with prior HSCT (n = 12, 30%) had a CR rate of 50%.", [("CR", 50.0)]),
])
def test_breakdown_counts(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    ("Twelve patients were bridged to allogeneic stem cell transplantation.", [("HSCT", 30.0)]),
    ("Twelve patients were subsequently consolidated with allogeneic HSCT.", [("HSCT", 30.0)]),
    ("HSCT was subsequently performed in 14 patients.", [("HSCT", 35.0)]),
    ("Fourteen patients (35%) could be transplanted.", [("HSCT", 35.0)]),
    ("Fourteen patients (35%) were subsequently allografted.", [("HSCT", 35.0)]),
    ("Fourteen patients (35%) were able to receive an allogeneic transplant.", [("HSCT", 35.0)]),
    ("Twelve patients (30%) were bridged to a post-blinatumomab HCT.", [("HSCT", 30.0)]),
    ("Twelve patients (30%) underwent post-CAR T allogeneic HSCT.", [("HSCT", 30.0)]),
    # negatives: a subgroup's count, what was not done, what was done before the study
    ("Allogeneic HSCT was performed in 14 patients with Ph-positive ALL.", []),
    ("Twelve patients were eligible for HSCT.", []),
    ("Fourteen patients (35%) could not be transplanted.", []),
    ("Twelve patients (30%) were not able to undergo HSCT.", []),
    ("Fourteen patients (35%) were not able to receive an allogeneic transplant.", []),
    ("Twelve patients (30%) received allogeneic stem cell transplantation before enrolment.", []),
    ("Twelve patients (30%) received HSCT prior to study entry.", []),
    ("Patients had received a median of 2 prior therapies, and 12 (30%) had received allogeneic HSCT.", []),
    # a value after a passive verb and its preposition is its own clause's, not a parallel subject of the transplant
    ("A donor was identified for 12 patients (30%), and 10 (25%) underwent HSCT.", [("HSCT", 25.0)]),
    ("MRD negativity was found in 12 patients (30%), and 10 (25%) proceeded to HSCT.",
     [("HSCT", 25.0), ("MRD_NEG", 30.0)]),
    ("Three older responders (15%) and 61 younger responders (59%) proceeded to allogeneic HSCT.",
     [("HSCT", 15.0), ("HSCT", 59.0)]),
    # ... while a transplant after the therapy stays a rate
    ("Twelve patients (30%) received HSCT after blinatumomab.", [("HSCT", 30.0)]),
])
def test_transplant_rates(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values
