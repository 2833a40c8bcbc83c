"""Recurring phrasings of response, transplant and toxicity outcomes, written in our own words, run end to end
(thirteenth round): a share of patients printed as a word ("Forty-one percent of patients in the inotuzumab arm and
11% in the standard-care arm proceeded to HSCT") or of patients named by one word ("45% of Ph-positive patients
underwent HSCT", "41% of inotuzumab patients and 11% of standard-care patients"); a bracket listing the counts of
the percentages listed before it ("80% and 30% (36/45 and 13/44), respectively"); a percentage's own count after
words of observation ("60% (seen in 12 of 20 patients)").

Each case is a way results are commonly written that an earlier version got wrong (a missed value, or a wrong
endpoint); the negative cases pin what a fix must not reach.
"""
from __future__ import annotations

import pytest

from phrasing_cases import (run_text as _run, outcome_values as _values,
                            outcome_timepoints as _timed, outcome_counts as _counted)

COHORT = "Forty patients were enrolled. "


@pytest.mark.parametrize("text, values", [
    # a share printed as a word, then the next arm's share
    ("Forty-one percent of patients in the inotuzumab arm and 11% in the standard-care arm proceeded to HSCT.",
     [("HSCT", 11.0), ("HSCT", 41.0)]),
    ("Forty-one percent of patients in the inotuzumab group and 11% in the chemotherapy group proceeded to HSCT.",
     [("HSCT", 11.0), ("HSCT", 41.0)]),
    # a share of patients named by one word before the noun
    ("45% of Ph-positive patients underwent HSCT.", [("HSCT", 45.0)]),
    ("45% of older patients and 30% of younger patients proceeded to HSCT.", [("HSCT", 30.0), ("HSCT", 45.0)]),
    ("41% of inotuzumab patients and 11% of standard-care patients proceeded to HSCT.",
     [("HSCT", 11.0), ("HSCT", 41.0)]),
    # (unchanged: the digit forms and a share of patients alone)
    ("41% of patients in the inotuzumab arm and 11% in the standard-care arm proceeded to HSCT.",
     [("HSCT", 11.0), ("HSCT", 41.0)]),
    ("Forty-one percent of patients proceeded to HSCT.", [("HSCT", 41.0)]),
])
def test_share_of_patients(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    # a bracket listing the counts of the percentages listed before it
    ("The CR and CR/CRi rates were 80% and 30% (36/45 and 13/44), respectively.",
     [("CR", 80.0, 36.0, 45.0), ("CR_CRi", 30.0, 13.0, 44.0)]),
    ("CR rates were 80% and 30% (36/45 and 13/44) in arms A and B, respectively.",
     [("CR", 30.0, 13.0, 44.0), ("CR", 80.0, 36.0, 45.0)]),
    ("CR rates were 80% vs 30% (36/45 vs 13/44).", [("CR", 30.0, 13.0, 44.0), ("CR", 80.0, 36.0, 45.0)]),
    # the percentage's own count after words of observation
    ("The CR rate was 60% (seen in 12 of 20 patients).", [("CR", 60.0, 12.0, 20.0)]),
])
def test_listed_counts(nlp, text, values):
    assert _counted(_run(nlp, COHORT + text)) == values


def test_listed_counts_must_agree(nlp):
    # counts that do not give the percentages listed before them are not theirs
    record = _run(nlp, COHORT + "CR rates were 80% and 30% (12/45 and 13/44) in arms A and B, respectively.")
    assert ("CR", 80.0, 12.0, 45.0) not in _counted(record)


@pytest.mark.parametrize("text, values", [
    # the first of two joined adjectives names an endpoint of its own ("overall [survival] and event-free survival")
    ("Two-year overall and event-free survival rates were 40% and 30%.", [("EFS_RATE", 30.0), ("OS_RATE", 40.0)]),
    ("The 1-year overall and leukemia-free survival rates were 55% and 45%, respectively.",
     [("OS_RATE", 55.0), ("RFS_RATE", 45.0)]),
    ("Median overall and event-free survival were 9.1 and 5.2 months, respectively.",
     [("EFS_MEDIAN", 5.2), ("OS_MEDIAN", 9.1)]),
    ("Overall and relapse-free survival at 1 year were 60% and 50%, respectively.",
     [("OS_RATE", 60.0), ("RFS_RATE", 50.0)]),
    ("The complete and overall response rates were 40% and 60%.", [("CR", 40.0), ("ORR", 60.0)]),
    ("Overall and complete response rates were 60% and 40%, respectively.", [("CR", 40.0), ("ORR", 60.0)]),
    # (unchanged: the other order, and "overall" that joins nothing)
    ("Two-year event-free and overall survival rates were 30% and 40%.", [("EFS_RATE", 30.0), ("OS_RATE", 40.0)]),
    ("Overall, event-free survival at 2 years was 30%.", [("EFS_RATE", 30.0)]),
])
def test_elliptical_adjectives(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    # a second event joined by "and" leaves its verb out: its count is the patients it occurred in too
    ("CRS occurred in 20 patients and neurotoxicity in 8 patients.", [("CRS", 50.0), ("NEURO", 20.0)]),
    ("CRS developed in 20 patients, and neurologic events in 8 patients.", [("CRS", 50.0), ("NEURO", 20.0)]),
    ("Grade ≥3 CRS occurred in 3 patients and grade ≥3 neurotoxicity in 5 patients.",
     [("CRS", 7.5), ("NEURO", 12.5)]),
    # (unchanged: with the shares printed; and a CRi part, which is no rate of its own)
    ("CRS occurred in 20 patients (50%) and neurotoxicity in 8 (20%).", [("CRS", 50.0), ("NEURO", 20.0)]),
    ("CR was achieved in 20 patients and CRi in 8 patients.", [("CR", 50.0)]),
])
def test_elliptical_counts(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


def test_elliptical_count_after_a_subgroup(nlp):
    # the first clause's count is a subgroup's ("in 20 patients with B-ALL"), so the second is no cohort rate
    record = _run(nlp, COHORT + "CRS occurred in 20 patients with B-ALL and neurotoxicity in 8 patients with T-ALL.")
    assert ("NEURO", 20.0) not in _values(record)


@pytest.mark.parametrize("text, values", [
    # the share of a toxicity that was fatal is no second rate of it
    ("VOD/SOS occurred in 13% (including 5% fatal).", [("VOD", 13.0)]),
    ("VOD occurred in 5 patients (13%), including 2 (5%) fatal cases.", [("VOD", 13.0)]),
    ("VOD/SOS was reported in 13% of patients and was fatal in 2%.", [("VOD", 13.0)]),
    ("VOD occurred in 13%, fatal in 5%.", [("VOD", 13.0)]),
    ("VOD occurred in 13% of patients (fatal in 5%).", [("VOD", 13.0)]),
    ("CRS occurred in 88% and was fatal in one patient.", [("CRS", 88.0)]),
    # (unchanged: a fatal toxicity named as the measure itself keeps its rate)
    ("Fatal VOD occurred in 2 patients (5%).", [("VOD", 5.0)]),
    ("The rate of fatal VOD was 5%.", [("VOD", 5.0)]),
    ("Grade 5 (fatal) CRS occurred in 2%.", [("CRS", 2.0)]),
])
def test_fatal_share(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text", [
    # every responder MRD-negative, in more wordings: 100% of the responders
    "The ORR was 81%, with all patients who had a response found to be negative for MRD.",
    "All patients who responded were MRD negative.",
    "Negative MRD was achieved in all responders.",
    "MRD negativity was achieved in all patients who responded.",
    # (unchanged)
    "All responding patients were negative for MRD.",
    "All responders had undetectable MRD.",
])
def test_every_responder_mrd_negative(nlp, text):
    record = _run(nlp, COHORT + text)
    assert [(o["endpoint"], o["value"], o["arm"]) for o in record["outcomes"] if o["endpoint"] == "MRD_NEG"] \
        == [("MRD_NEG", 100.0, "responders")]


def test_not_every_responder_mrd_negative(nlp):
    record = _run(nlp, COHORT + "Not all patients who responded were MRD negative.")
    assert [o for o in record["outcomes"] if o["endpoint"] == "MRD_NEG"] == []


@pytest.mark.parametrize("text, values", [
    # a response rate stated after its CR and CRi parts, whose percentages add up to it, is the composite
    ("The complete remission (CR) rate was 50%, the CR with incomplete count recovery (CRi) rate was 20%, and the "
     "overall response rate was 70%.", [("CR", 50.0), ("CR_CRi", 70.0)]),
    ("The CR rate was 50%, the CRi rate 20% and the ORR 70%.", [("CR", 50.0), ("CR_CRi", 70.0)]),
    # negatives: a partial response among the parts, or parts that do not add up to it
    ("The CR rate was 50%, the CRi rate 20%, the PR rate 5% and the ORR 75%.", [("CR", 50.0), ("ORR", 75.0)]),
    ("The CR rate was 50%, the CRi rate 20% and the ORR 80%.", [("CR", 50.0), ("ORR", 80.0)]),
])
def test_response_summing_its_parts(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    # a transplant key of a list of results without its colon
    ("CR/CRi: 75%; MRD negativity: 60%; allo-HSCT 38%.", [("CR_CRi", 75.0), ("HSCT", 38.0), ("MRD_NEG", 60.0)]),
    ("CR/CRi 75%; MRD negativity 60%; HSCT 38%.", [("CR_CRi", 75.0), ("HSCT", 38.0), ("MRD_NEG", 60.0)]),
    # negatives: no response item before it (a baseline list)
    ("Ph-positive 30%; HSCT 40%.", []),
])
def test_transplant_key_without_colon(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, counted", [
    # an MRD count of the subset the sentence before counted, in a sentence opening with "Of these," / "Among these,"
    ("Seventeen patients achieved CR. Of these, 10 were MRD negative.", ("MRD_NEG", 58.8, 10.0, 17.0)),
    ("Seventeen patients achieved CR. Among these, 10 were MRD negative.", ("MRD_NEG", 58.8, 10.0, 17.0)),
    # (unchanged: with an MRD verb that read before)
    ("Seventeen patients achieved CR. Of these, 10 achieved MRD negativity.", ("MRD_NEG", 58.8, 10.0, 17.0)),
    # CR and a CRi part counted apart: "these" are both (out21b; was no MRD rate)
    ("Seventeen patients achieved CR and 5 achieved CRi. Of these, 10 were MRD negative.", ("MRD_NEG", 45.5, 10.0, 22.0)),
])
def test_mrd_count_pointing_back(nlp, text, counted):
    assert counted in _counted(_run(nlp, COHORT + text))


@pytest.mark.parametrize("text", [
    # no one count of the subset before it (a percentage only): no MRD rate at all, rather than one computed over
    # the cohort (the CR-and-CRi case moved to test_mrd_count_pointing_back: out21b reads their sum)
    "The CR rate was 43%. Of these, 10 were MRD negative.",
])
def test_mrd_count_pointing_back_without_base(nlp, text):
    assert [o for o in _run(nlp, COHORT + text)["outcomes"] if o["endpoint"] == "MRD_NEG"] == []


@pytest.mark.parametrize("text, values", [
    # an early death's window led in before its subject
    ("Within 30 days of treatment, 2 patients (5%) died.", [("EARLY_DEATH", 5.0, 1.0)]),
    ("Within 30 days, two patients died.", [("EARLY_DEATH", 5.0, 1.0)]),
    ("Within 8 weeks of starting treatment, 3 patients (7.5%) died.", [("EARLY_DEATH", 7.5, 1.8)]),
    # induction mortality with its window after the noun
    ("Mortality during induction was 8%.", [("EARLY_DEATH", 8.0, None)]),
    # negative: a clause break before the death ends the window
    ("Within 30 days, 20 patients (50%) achieved CR, and 2 patients later died.", [("CR", 50.0, None)]),
])
def test_early_death_windows(nlp, text, values):
    assert _timed(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, counted", [
    # the whole cohort of a single-arm study counted without a number
    ("All patients achieved CR.", [("CR", 100.0, 40.0, 40.0)]),
    ("All patients developed CRS.", [("CRS", 100.0, 40.0, 40.0)]),
    ("CRS occurred in all patients.", [("CRS", 100.0, 40.0, 40.0)]),
    ("Every patient developed CRS, which was grade 3 or higher in 6 (15%).",
     [("CRS", 15.0, 6.0, 40.0), ("CRS", 100.0, 40.0, 40.0)]),
    # "all patients but one": the cohort less the number
    ("All patients but one achieved CR.", [("CR", 97.5, 39.0, 40.0)]),
    # negatives: a subgroup, a denial, a state before the study, no endpoint
    ("All patients with Ph-positive ALL achieved CR.", []),
    ("Not all patients achieved CR.", []),
    ("All patients had received prior HSCT.", []),
    ("All patients were in CR at the time of infusion.", []),
    ("All patients had relapsed after HSCT.", []),
    ("All patients received tocilizumab.", []),
])
def test_all_patients(nlp, text, counted):
    assert _counted(_run(nlp, COHORT + text)) == counted


def test_all_patients_of_a_two_arm_study(nlp):
    # whose "all patients" may be one arm's or both: no rate
    text = ("Patients were randomized to inotuzumab (n = 20) or chemotherapy (n = 20). All patients developed "
            "febrile neutropenia, and all patients achieved CR.")
    assert [o for o in _run(nlp, text)["outcomes"] if o["endpoint"] == "CR"] == []


@pytest.mark.parametrize("text, counted", [
    # a lead-in group sized in its bracket is the count's denominator (was the cohort's 40)
    ("In first salvage (n = 20), 15 patients achieved CR.", [("CR", 75.0, 15.0, 20.0)]),
    ("In patients with Ph-positive ALL (n = 20), CR/CRi was achieved in 15.", [("CR_CRi", 75.0, 15.0, 20.0)]),
    # "Of these," after a sentence counting its patients: of them (was the cohort's 40)
    ("Twenty patients had Ph-positive ALL. Of these, 15 achieved CR.", [("CR", 75.0, 15.0, 20.0)]),
    ("Twenty-two patients were in first relapse. Among them, 18 achieved CR and 10 proceeded to HSCT.",
     [("CR", 81.8, 18.0, 22.0), ("HSCT", 45.5, 10.0, 22.0)]),
    # (unchanged: these are the cohort)
    ("Of these, 30 achieved CR.", [("CR", 75.0, 30.0, 40.0)]),
])
def test_count_of_a_sized_group(nlp, text, counted):
    assert _counted(_run(nlp, COHORT + text)) == counted


@pytest.mark.parametrize("text, counted", [
    # a count of a toxicity's cases
    ("Five cases of VOD were observed.", [("VOD", 12.5, 5.0, 40.0)]),
    ("Five cases of hepatic VOD occurred after HSCT.", [("VOD", 12.5, 5.0, 40.0)]),
    # negative: the cases of another event before it are not the toxicity's
    ("Five cases of febrile neutropenia and two cases of VOD were reported.", [("VOD", 5.0, 2.0, 40.0)]),
])
def test_cases_of_a_toxicity(nlp, text, counted):
    assert _counted(_run(nlp, COHORT + text)) == counted


@pytest.mark.parametrize("text, values", [
    # a remission after "rate at" / "MRD ... at" is when the MRD was measured, not a CR rate
    ("The CR rate was 98%, and the MRD negativity rate at CR was 93%.", [("CR", 98.0), ("MRD_NEG", 93.0)]),
    ("MRD negativity at CR was 93%.", [("MRD_NEG", 93.0)]),
    # (unchanged: a time after the rate)
    ("The CR rate at day 28 was 60%.", [("CR", 60.0)]),
])
def test_remission_as_the_time_of_a_measure(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    # the transplant as the noun of a rate
    ("The rate of bridging to HSCT was 45%.", [("HSCT", 45.0)]),
    ("Bridging to allogeneic HSCT was achieved in 18 patients (45%).", [("HSCT", 45.0)]),
    # negative: no figure
    ("Inotuzumab is increasingly used for bridging to HSCT.", []),
])
def test_bridging_to_transplant(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    # MRD negativity written with a minus sign
    ("CR: 50%, CR/CRi: 70%, MRD-: 60%.", [("CR", 50.0), ("CR_CRi", 70.0), ("MRD_NEG", 60.0)]),
    ("The MRD(-) rate was 60%.", [("MRD_NEG", 60.0)]),
    ("MRD negative CR (MRD- CR) was obtained in 60%.", [("MRD_NEG", 60.0)]),
    ("The MRD- CR rate was 60%.", [("MRD_NEG", 60.0)]),
])
def test_mrd_minus_sign(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    # "with or without ... recovery" in a bracket after the remission: the composite
    ("Complete remission (with or without full hematologic recovery) was achieved in 43%.", [("CR_CRi", 43.0)]),
    ("Twenty patients (50%) achieved CR (with or without count recovery).", [("CR_CRi", 50.0)]),
    # negative: a bracket naming the marrow state only
    ("Complete remission (M1 marrow) was achieved in 75%.", [("CR", 75.0)]),
])
def test_composite_recovery_in_a_bracket(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text", [
    # an MRD count of responders never counted is no rate of the cohort (gave 37.5, 15 of 40)
    "Among responders, 15 achieved MRD negativity.",
    "Of the responders, 15 were MRD negative.",
])
def test_mrd_count_of_uncounted_responders(nlp, text):
    assert [o for o in _run(nlp, COHORT + text)["outcomes"] if o["endpoint"] == "MRD_NEG"] == []


@pytest.mark.parametrize("text", [
    # an MRD count "of them" / "of whom" after a count in its sentence is of that count
    "Twelve patients achieved CR, and 10 of them achieved MRD negativity.",
    "Twelve patients achieved CR, 10 of whom achieved MRD negativity.",
    # ... and after "; of these," (a comma after the pointer)
    "Twelve patients achieved CR; of these, 10 were MRD negative.",
])
def test_mrd_count_of_whom(nlp, text):
    assert ("MRD_NEG", 83.3, 10.0, 12.0) in _counted(_run(nlp, COHORT + text))


def test_mrd_count_of_them_without_count(nlp):
    # no count of "them" in the sentence: no rate
    record = _run(nlp, COHORT + "Ten of them achieved MRD negativity.")
    assert [o for o in record["outcomes"] if o["endpoint"] == "MRD_NEG"] == []
