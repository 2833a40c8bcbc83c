"""Recurring phrasings of response, transplant and toxicity outcomes, written in our own words, run end to end
(fourteenth round): a count opening its sentence as a part of the patients the sentence before counted ("Twenty
patients achieved CR. Ten of them were MRD negative").

Each case is a way results are commonly written that an earlier version got wrong (a missed value, a wrong
endpoint or a value read twice); the negative cases pin what a fix must not reach.
"""
from __future__ import annotations

import pytest

from phrasing_cases import (run_text as _run, outcome_values as _values,
                            outcome_timepoints as _timed, outcome_counts as _counted)

COHORT = "Forty patients were enrolled. "


@pytest.mark.parametrize("text, values", [
    # a count opening its sentence as a part of "them": of the count of the sentence before
    ("Twenty patients achieved CR. Ten of them were MRD negative.",
     [("CR", 50.0, 20.0, 40.0), ("MRD_NEG", 50.0, 10.0, 20.0)]),
    ("Twenty patients achieved CR. Ten (50%) of them were MRD negative.",
     [("CR", 50.0, 20.0, 40.0), ("MRD_NEG", 50.0, 10.0, 20.0)]),
    ("Twenty patients achieved CR. Ten of these achieved MRD negativity.",
     [("CR", 50.0, 20.0, 40.0), ("MRD_NEG", 50.0, 10.0, 20.0)]),
    ("Twenty patients achieved CR. Twelve of them proceeded to HSCT.",
     [("CR", 50.0, 20.0, 40.0), ("HSCT", 60.0, 12.0, 20.0)]),
    # (unchanged: the same count after a semicolon)
    ("Twenty patients achieved CR; ten of them were MRD negative.",
     [("CR", 50.0, 20.0, 40.0), ("MRD_NEG", 50.0, 10.0, 20.0)]),
    # "these" are CR and CRi together: the CR's count and its part's (out21b; was no MRD rate)
    ("Twenty patients achieved CR and 8 achieved CRi. Ten of these were MRD negative.",
     [("CR", 50.0, 20.0, 40.0), ("MRD_NEG", 35.7, 10.0, 28.0)]),
])
def test_count_of_them_opening(nlp, text, values):
    assert _counted(_run(nlp, COHORT + text)) == values


def test_count_of_them_needs_a_count_before(nlp):
    # nobody counted in the sentence before: "them" has no known base, so no rate over the cohort
    record = _run(nlp, COHORT + "Responses were durable. Ten of them were MRD negative.")
    assert [o for o in record["outcomes"] if o["endpoint"] == "MRD_NEG"] == []


@pytest.mark.parametrize("text, values", [
    # a response after "at the time of" is when the status was measured, not a rate of its own
    ("MRD negativity at the time of CR was 93%.", [("MRD_NEG", 93.0)]),
    ("MRD was negative at the time of CR in 93% of responders.", [("MRD_NEG", 93.0)]),
    ("MRD at the time of CR was negative in 28 of 30 responders (93%).", []),
    # the MRD status as a predicate
    ("MRD status was negative in 28 of 30 responders (93%).", [("MRD_NEG", 93.0)]),
    ("MRD status was assessed in 30 patients.", []),
    # (unchanged: a rate at the time of an analysis, a transplant's state at its time)
    ("The CR rate at the time of analysis was 60%.", [("CR", 60.0)]),
    ("Twenty patients (50%) were in CR at the time of HSCT.", []),
])
def test_status_at_the_time_of_response(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    # the count restated in the "n =" bracket of its percentage: one value
    ("Twenty patients achieved complete remission (n = 20; 50%).", [("CR", 50.0, 20.0, 40.0)]),
    ("Twenty patients achieved complete remission (n = 20, 50%).", [("CR", 50.0, 20.0, 40.0)]),
    ("CR was achieved in 20 patients (n = 20; 50%).", [("CR", 50.0, 20.0, 40.0)]),
    ("Twenty patients achieved CR and 10 proceeded to HSCT (n = 10; 25%).",
     [("CR", 50.0, 20.0, 40.0), ("HSCT", 25.0, 10.0, 40.0)]),
    # (unchanged: a bracket of the count alone)
    ("Twenty patients achieved CR (n = 20).", [("CR", 50.0, 20.0, 40.0)]),
])
def test_count_restated_in_n_bracket(nlp, text, values):
    assert _counted(_run(nlp, COHORT + text)) == values


_TWO_ARM_TITLE = "Inotuzumab ozogamicin versus standard therapy for acute lymphoblastic leukemia"
_TWO_ARMS = ("A total of 218 patients were randomized to inotuzumab ozogamicin (n = 109) or standard chemotherapy "
             "(n = 109). ")


def _by_arm(record: dict) -> list[tuple]:
    return sorted((o["arm"], o["endpoint"], o["value"], o["count"]) for o in record["outcomes"])


@pytest.mark.parametrize("text, values", [
    # "vs none": the compared arm's zero, in words
    ("The CR rate was 60% with inotuzumab vs none with chemotherapy.",
     [("inotuzumab ozogamicin", "CR", 60.0, None), ("standard chemotherapy", "CR", 0.0, 0.0)]),
    # (the chemotherapy arm takes the shorter name its results use: names21)
    ("CR was achieved in 60% of patients in the inotuzumab arm versus none in the chemotherapy arm.",
     [("chemotherapy", "CR", 0.0, 0.0), ("inotuzumab ozogamicin", "CR", 60.0, None)]),
    ("VOD occurred in 5 patients (11%) compared with no patients in the chemotherapy group.",
     [("chemotherapy", "VOD", 0.0, 0.0), ("inotuzumab ozogamicin", "VOD", 11.0, 5.0)]),
    # (unchanged: "none" opening a clause of its own is its subject's zero)
    ("The CR rate was 60%; none of the patients with T-ALL responded.",
     [("T-ALL", "ORR", 0.0, 0.0), ("all", "CR", 60.0, None)]),
])
def test_compared_with_none(nlp, text, values):
    assert _by_arm(_run(nlp, _TWO_ARMS + text, title=_TWO_ARM_TITLE)) == values


@pytest.mark.parametrize("text, values", [
    # a percentage set equal to MRD, as to a response abbreviation, is its rate (not a p-value)
    ("Rates were higher with A (CR/CRi = 73%; MRD = 81%) versus B (CR/CRi = 56%; MRD = 33%).",
     [("CR_CRi", 56.0), ("CR_CRi", 73.0), ("MRD_NEG", 33.0), ("MRD_NEG", 81.0)]),
    ("The MRD- = 60%.", [("MRD_NEG", 60.0)]),
    # (unchanged: a p-value after its sign)
    ("The CR rate was 60% (P = 40%).", [("CR", 60.0)]),
])
def test_mrd_equals(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    # a toxicity's grade after the count-and-percentage bracket of its occurrence: the bracket ends a clause
    ("Cytokine release syndrome (CRS) occurred in 38 (88%; 78, 98%) and was ≥grade-3 in 7.",
     [("CRS", 17.5, 7.0, 40.0), ("CRS", 88.0, 38.0, None)]),
    ("CRS occurred in 38 patients (88%) and was grade ≥3 in 7.",
     [("CRS", 17.5, 7.0, 40.0), ("CRS", 88.0, 38.0, None)]),
    ("Neurotoxicity occurred in 20 patients (50%) and was grade-3 in 4.",
     [("NEURO", 10.0, 4.0, 40.0), ("NEURO", 50.0, 20.0, 40.0)]),
    # (unchanged: a breakdown's parts after a bracket are no grade of the event)
    ("Twenty-eight patients (70%) achieved remission, with CR in 20 and CRi in 8.", [("CR_CRi", 70.0, 28.0, 40.0)]),
])
def test_grade_after_bracket(nlp, text, values):
    assert _counted(_run(nlp, COHORT + text)) == values


def test_value_of_an_arms_bracket(nlp):
    # a second value in the bracket after an arm's name is that arm's too, not the whole cohort's
    text = _TWO_ARMS + ("Rates were higher with inotuzumab (CR/CRi = 73%; MRD = 81%) versus chemotherapy "
                        "(CR/CRi = 56%; MRD = 33%).")
    assert sorted((o["arm"], o["endpoint"], o["value"]) for o in _run(nlp, text, title=_TWO_ARM_TITLE)["outcomes"]) == [
        ("inotuzumab ozogamicin", "CR_CRi", 73.0), ("inotuzumab ozogamicin", "MRD_NEG", 81.0),
        ("standard chemotherapy", "CR_CRi", 56.0), ("standard chemotherapy", "MRD_NEG", 33.0)]


@pytest.mark.parametrize("text, values", [
    # a liver toxicity named as the VOD it suggests
    ("Three patients (7.5%) developed hepatotoxicity consistent with SOS.", [("VOD", 7.5, 3.0, 40.0)]),
    ("Two patients (5%) had hepatic toxicity suggestive of veno-occlusive disease.", [("VOD", 5.0, 2.0, 40.0)]),
    # "of the first N": a fraction of the first patients
    ("Four of the first 8 patients developed severe hepatotoxicity suggestive of veno-occlusive disease.",
     [("VOD", 50.0, 4.0, 8.0)]),
    # (unchanged: hepatotoxicity alone is no VOD)
    ("Three patients (7.5%) developed hepatotoxicity.", []),
    ("Three patients (7.5%) developed hepatotoxicity consistent with drug-induced liver injury.", []),
])
def test_hepatotoxicity_suggestive_of_vod(nlp, text, values):
    assert _counted(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    # the counts after "consisting of" are the parts', no denominator of what precedes
    ("The response rate was 30%, consisting of seven complete remissions (CR), five CRs without platelet recovery "
     "(CRp), and six partial remissions.", [("CR", 17.5), ("ORR", 30.0)]),
    ("The ORR was 70%, composed of 20 CR and 8 CRi.", [("CR", 50.0), ("CR_CRi", 70.0)]),
    # (unchanged: "78% of 113 patients" is the share's denominator)
    ("CR was achieved in 78% of 113 patients.", [("CR", 78.0)]),
])
def test_parts_consisting_of(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    # the endpoints' noun between a negated list and its verb
    ("No grade ≥3 CRS or ICANS events were reported.", [("CRS", 0.0), ("NEURO", 0.0)]),
    ("No VOD events were observed.", [("VOD", 0.0)]),
    # (unchanged)
    ("No cases of VOD were reported.", [("VOD", 0.0)]),
    ("CRS occurred in no patients.", [("CRS", 0.0)]),
])
def test_negated_events(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


def test_zero_after_its_subject_in_an_arm(nlp):
    record = _run(nlp, _TWO_ARMS + "CRS occurred in no patients in the chemotherapy arm.", title=_TWO_ARM_TITLE)
    assert _by_arm(record) == [("chemotherapy", "CRS", 0.0, 0.0)]


@pytest.mark.parametrize("text, values", [
    # the patients the sentence before counts are "them"
    ("Fourteen of them proceeded to HSCT.", [("HSCT", 35.0, 14.0, 40.0)]),
    # nobody counted before: no rate over the cohort
    ("Responses were durable. Fourteen of them proceeded to HSCT.", []),
])
def test_count_of_them_after_a_count_of_patients(nlp, text, values):
    assert _counted(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    # MRD under the assay's threshold with its verb between
    ("MRD was below 10^-4 in 20 of 28 responders.", [("MRD_NEG", 71.4, 20.0, 28.0)]),
    ("MRD levels were below 0.01% in 20 patients (50%).", [("MRD_NEG", 50.0, 20.0, 40.0)]),
    ("MRD was <0.01% in 20 patients (50%).", [("MRD_NEG", 50.0, 20.0, 40.0)]),
    # (unchanged: without the verb)
    ("Of the 30 patients in CR, 27 (90%) had MRD below 10^-4.", [("MRD_NEG", 90.0, 27.0, 30.0)]),
])
def test_mrd_was_below_threshold(nlp, text, values):
    assert _counted(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    # more ways of MRD under a threshold or the assay's limit
    ("Twenty patients (50%) had MRD of less than 0.01%.", [("MRD_NEG", 50.0)]),
    ("Twenty patients (50%) had an MRD level <1 × 10^-4.", [("MRD_NEG", 50.0)]),
    ("Twenty patients (50%) had MRD below the detection limit.", [("MRD_NEG", 50.0)]),
    ("MRD below the limit of detection was achieved in 20 patients (50%).", [("MRD_NEG", 50.0)]),
    ("MRD was not detectable in 20 patients (50%).", [("MRD_NEG", 50.0)]),
    # (unchanged: MRD above a threshold, and a group named by its MRD)
    ("Twenty patients (50%) had MRD of 0.1% or more.", []),
    ("Patients with MRD below the detection limit had a 2-year OS of 70%.", [("OS_RATE", 70.0)]),
])
def test_mrd_below_limit(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    # a clause grading the toxicity after it does not make it state a value of its own
    ("Thirty patients (75%) experienced CRS, with grade 3 or higher in 4 (10%).",
     [("CRS", 10.0, 4.0, 40.0), ("CRS", 75.0, 30.0, 40.0)]),
    ("Thirty patients (75%) developed neurotoxicity, with severe events in 4 (10%).",
     [("NEURO", 10.0, 4.0, 40.0), ("NEURO", 75.0, 30.0, 40.0)]),
    # (unchanged: the same after "occurred in", and another endpoint after "with")
    ("CRS occurred in 30 patients (75%), with grade ≥3 in 4 (10%).",
     [("CRS", 10.0, 4.0, 40.0), ("CRS", 75.0, 30.0, 40.0)]),
    ("Thirty patients (75%) achieved CR, with MRD negativity in 20 (50%).",
     [("CR", 75.0, 30.0, 40.0), ("MRD_NEG", 50.0, 20.0, 40.0)]),
])
def test_subject_count_then_grading_clause(nlp, text, values):
    assert _counted(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    # the proportion of MRD-negative patients is the MRD negativity rate, not a group's
    ("The proportion of MRD-negative patients was 50%.", [("MRD_NEG", 50.0)]),
    ("The percentage of MRD-negative patients at day 28 was 50%.", [("MRD_NEG", 50.0)]),
    ("MRD was cleared in 20 patients (50%).", [("MRD_NEG", 50.0)]),
    # (unchanged: MRD-negative patients named as a group)
    ("The OS of MRD-negative patients was 60% at 2 years.", [("OS_RATE", 60.0)]),
    ("The proportion of MRD-negative patients who relapsed was 20%.", []),
])
def test_proportion_of_mrd_negative_patients(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    # a bare count of a lead-in's responders bridged to transplant, the people unsaid
    ("Among the 30 responders, 20 were bridged to transplant.", [("HSCT", 66.7, 20.0, 30.0)]),
    ("Among the 30 responders, 20 were subsequently bridged to transplant.", [("HSCT", 66.7, 20.0, 30.0)]),
    # (unchanged: a transplant's breakdown by remission among the transplanted is no rate)
    ("Of the 30 transplanted patients, 20 were transplanted in CR1.", []),
])
def test_count_bridged_to_transplant(nlp, text, values):
    assert _counted(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    # early deaths in more window wordings
    ("Four patients (10%) died of infection before day 30.", [("EARLY_DEATH", 10.0, 1.0)]),
    ("Mortality in the first 60 days was 10%.", [("EARLY_DEATH", 10.0, 2.0)]),
    ("The 60-day all-cause mortality was 10%.", [("EARLY_DEATH", 10.0, 2.0)]),
    ("There were 2 deaths (5%) within 30 days.", [("EARLY_DEATH", 5.0, 1.0)]),
    # (unchanged: a survival figure's mortality at years is no early death)
    ("Mortality at 2 years was 40%.", []),
])
def test_early_death_windows(nlp, text, values):
    assert _timed(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    # a population attribute after a fraction names whose fraction it is
    ("CR was achieved in 15 of 20 Ph-positive and 9 of 20 Ph-negative patients.",
     [("CR", 45.0, 9.0, 20.0), ("CR", 75.0, 15.0, 20.0)]),
    ("CR was achieved in 15/20 Ph-positive and 9/20 Ph-negative patients.",
     [("CR", 45.0, 9.0, 20.0), ("CR", 75.0, 15.0, 20.0)]),
    # (unchanged: the share of the cohort with the attribute is no outcome)
    ("Twelve of 40 (30%) were Ph-positive.", []),
])
def test_fraction_of_attribute_group(nlp, text, values):
    assert _counted(_run(nlp, COHORT + text)) == values
