"""Recurring phrasings of outcome and comparison values, written in our own words, run end to end (tenth round):
states after induction that are no remission (aplasia, non-response), a second allogeneic transplant, CRS signs
counted apart, key-value result lists, two time-point lists in one sentence, rarer CI spellings, an arm's share of
patients as a subject, the ASCII grade sign, early-death windows after "the first", the duration of response said with a verb, standard errors in brackets, and lists of hazard ratios.

Each case is a way results are commonly written that an earlier version got wrong (a missed value, a wrong
endpoint, time point or CI); the negative cases pin what a fix must not reach.
"""
from __future__ import annotations

import pytest

from phrasing_cases import (outcome_triples as _outcomes, outcome_values as _values,
                            run_text as _run, outcome_timepoints as _timed)


def _cis(record: dict) -> list[tuple]:
    """(endpoint, value, ci95) of every outcome, in order."""
    return [(o["endpoint"], o["value"], o["ci95"]) for o in record["outcomes"]]


def _comparisons(record: dict) -> list[tuple]:
    return [(c["endpoint"], c["measure"], c["value"], c["ci95"]) for c in record["comparisons"]]


@pytest.mark.parametrize("text, values", [
    # a marrow without leukemia nor recovery after induction, or no response, is no remission: it owns its figure
    ("Of 16 patients, 7 (44%) achieved CR; 9 (56%) had aplasia.", [("CR", 44.0)]),
    ("Seven patients (44%) achieved CR, and 9 (56%) remained aplastic.", [("CR", 44.0)]),
    ("Ten of 20 patients (50%) achieved CR; 6 (30%) regained aplasia and 4 (20%) had refractory disease.",
     [("CR", 50.0)]),
    ("CR was achieved in 22 patients (55%) and marrow aplasia in 8 (20%).", [("CR", 55.0)]),
    ("Nine patients (45%) achieved a CR; 6 (30%) had hypoplastic marrow.", [("CR", 45.0)]),
    ("Eighteen (45%) attained CR; the remaining 22 (55%) failed to respond.", [("CR", 45.0)]),
    ("The CR rate was 45%; 11 patients (28%) failed to achieve remission.", [("CR", 45.0)]),
    ("Twenty (50%) achieved CR, and 20 (50%) failed induction.", [("CR", 50.0)]),
    # ... a death in aplasia stays an early death
    ("Three patients (6%) died in aplasia.", [("EARLY_DEATH", 6.0)]),
    ("Two patients (4%) died during aplasia from infection.", [("EARLY_DEATH", 4.0)]),
    ("Death in aplasia occurred in 4 patients (8%).", [("EARLY_DEATH", 8.0)]),
    ("Induction deaths in aplasia occurred in 5%.", [("EARLY_DEATH", 5.0)]),
    ("Of 50 patients, 30 (60%) achieved CR, 12 (24%) had resistant disease and 8 (16%) died in aplasia.",
     [("CR", 60.0), ("EARLY_DEATH", 16.0)]),
    # ... and "patients who failed" names a group, whose rate stays the endpoint's
    ("The CR rate in patients who failed induction was 30%.", [("CR", 30.0)]),
])
def test_states_that_are_no_remission(nlp, text, values):
    assert _values(_run(nlp, text)) == values


@pytest.mark.parametrize("text, values", [
    # a second allogeneic transplant after salvage is the transplant rate (SCHEMA: % proceeding to allogeneic HSCT)
    ("Fifteen patients (17%) underwent a second allogeneic HSCT.", [("HSCT", 17.0)]),
    ("After salvage, 12 patients (30%) proceeded to a second allogeneic stem cell transplantation.", [("HSCT", 30.0)]),
    ("Eleven (28%) went on to a second allo-HSCT.", [("HSCT", 28.0)]),
    ("Twenty patients (50%) proceeded to second allogeneic transplantation.", [("HSCT", 50.0)]),
    ("Ten patients (25%) received a second allogeneic HCT.", [("HSCT", 25.0)]),
    # a second transplant of no named kind (it may be autologous) is not read, nor one before the study
    ("Twelve patients (30%) underwent a second HSCT.", []),
    ("Prior to enrollment, 12 patients (30%) had received a second allogeneic HSCT.", []),
])
def test_second_allogeneic_transplant(nlp, text, values):
    assert _values(_run(nlp, text)) == values


@pytest.mark.parametrize("text, values", [
    # a CRS sign counted on its own owns its figure, which is no second CRS rate
    ("Grade 3 or higher CRS occurred in 10%, and hypotension in 8%.", [("CRS", 10.0)]),
    ("CRS of any grade occurred in 60%, and fever in 55%.", [("CRS", 60.0)]),
    ("Grade >=3 CRS was seen in 12% of patients and hypoxia in 6%.", [("CRS", 12.0)]),
    ("Severe CRS developed in 14%, and hypotension requiring vasopressors in 9%.", [("CRS", 14.0)]),
    ("Fever occurred in 80% and CRS in 40%.", [("CRS", 40.0)]),
    # ... while signs describing the CRS before them leave its rate to it
    ("CRS (fever, hypotension) occurred in 40% of patients.", [("CRS", 40.0)]),
    ("CRS (fever with or without hypotension) occurred in 40% of patients.", [("CRS", 40.0)]),
    ("CRS, manifested by fever and hypotension, occurred in 40% of patients.", [("CRS", 40.0)]),
    ("CRS with hypotension requiring vasopressors occurred in 10%.", [("CRS", 10.0)]),
    ("Grade >= 3 CRS with hypoxia occurred in 5 patients (12%).", [("CRS", 12.0)]),
])
def test_crs_signs_counted_apart(nlp, text, values):
    assert _values(_run(nlp, text)) == values


@pytest.mark.parametrize("text, values", [
    # a transplant named as an item of a key-value list of results, after a response item
    ("CR/CRi: 60%; MRD negativity: 72%; HSCT: 40%.", [("CR_CRi", 60.0), ("HSCT", 40.0), ("MRD_NEG", 72.0)]),
    ("The main results were CR/CRi, 70%; MRD negativity among responders, 80%; and allogeneic HSCT, 35%.",
     [("CR_CRi", 70.0), ("HSCT", 35.0), ("MRD_NEG", 80.0)]),
    ("Outcomes: ORR, 65%; CR, 40%; HSCT, 30%; median OS, 8.1 months.",
     [("CR", 40.0), ("HSCT", 30.0), ("ORR", 65.0), ("OS_MEDIAN", 8.1)]),
    ("ORR, 65%; CR, 40%.", [("CR", 40.0), ("ORR", 65.0)]),
    # a baseline list (no response item before it) and "prior HSCT" are no transplant rate
    ("Baseline: median age, 45 years; Ph+, 30%; HSCT, 40%.", []),
    ("Characteristics: prior lines, 2; prior HSCT: 35%.", []),
])
def test_key_value_result_lists(nlp, text, values):
    assert _values(_run(nlp, text)) == values


@pytest.mark.parametrize("text, timed", [
    # a list before a "respectively" zip is zipped too, each item at the time point printed before its list
    ("The 1-year OS and EFS were 55% and 40%, and the 2-year OS and EFS 35% and 25%, respectively.",
     [("EFS_RATE", 25.0, 24.0), ("EFS_RATE", 40.0, 12.0), ("OS_RATE", 35.0, 24.0), ("OS_RATE", 55.0, 12.0)]),
    ("One-year OS and EFS were 60% and 45%; 2-year OS and EFS were 40% and 30%.",
     [("EFS_RATE", 30.0, 24.0), ("EFS_RATE", 45.0, 12.0), ("OS_RATE", 40.0, 24.0), ("OS_RATE", 60.0, 12.0)]),
    ("The 1-year OS and EFS rates were 55% and 40%, and the 2-year rates were 35% and 25%, respectively.",
     [("EFS_RATE", 25.0, 24.0), ("EFS_RATE", 40.0, 12.0), ("OS_RATE", 35.0, 24.0), ("OS_RATE", 55.0, 12.0)]),
    # one list of time points stays one list
    ("The 6-month and 12-month OS were 70% and 50%, respectively.", [("OS_RATE", 50.0, 12.0), ("OS_RATE", 70.0, 6.0)]),
    ("At 2 years, the OS and EFS rates were 40% and 30%, respectively.",
     [("EFS_RATE", 30.0, 24.0), ("OS_RATE", 40.0, 24.0)]),
])
def test_two_time_point_lists(nlp, text, timed):
    assert _timed(_run(nlp, text)) == timed


@pytest.mark.parametrize("text, cis", [
    # a CI after the share's people, with units on its bounds, in a bracket after its label, or as proportions
    ("CR was achieved in 47% of patients (95% CI: 40%-53%).", [("CR", 47.0, [40.0, 53.0])]),
    ("Median OS was 7.7 months (95% CI, 5.6 months to 9.6 months).", [("OS_MEDIAN", 7.7, [5.6, 9.6])]),
    ("ORR was 58% (95% CI [46-70]).", [("ORR", 58.0, [46.0, 70.0])]),
    ("The CR rate was 52% (95% CI, 0.41-0.63).", [("CR", 52.0, [41.0, 63.0])]),
    # the spellings read before stay read
    ("The CR rate was 47% (95% CI: 40-53).", [("CR", 47.0, [40.0, 53.0])]),
    ("The CR rate was 47% [95% confidence interval 40-53].", [("CR", 47.0, [40.0, 53.0])]),
    ("The CR rate was 47% (95% CI 40 to 53).", [("CR", 47.0, [40.0, 53.0])]),
    ("Median OS was 13.9 months (95% CI, 9.1-NR).", [("OS_MEDIAN", 13.9, [9.1, None])]),
    # a share of patients with its count bracket is no CI
    ("CR was achieved in 45% of patients (n = 20).", [("CR", 45.0, None)]),
    # a standard error or deviation in the bracket is no value of its own (it gave a second OS rate)
    ("The actuarial 5-year OS was 25% (SE 6%).", [("OS_RATE", 25.0, None)]),
    ("The 3-year EFS was 30% (standard error, 5%).", [("EFS_RATE", 30.0, None)]),
    ("The 2-year OS was 45% (SD 7%) in children and 30% (SD 6%) in adults.",
     [("OS_RATE", 45.0, None), ("OS_RATE", 30.0, None)]),
])
def test_rarer_ci_spellings(nlp, text, cis):
    assert _cis(_run(nlp, text)) == cis


@pytest.mark.parametrize("text, outcomes", [
    # an arm's share of patients as the subject of a verbal endpoint, then the next arm's
    ("A total of 41% of patients in the inotuzumab arm and 11% in the standard-care arm proceeded to HSCT.",
     [("inotuzumab ozogamicin", "HSCT", 41.0), ("standard-care", "HSCT", 11.0)]),
    ("Overall, 45% of patients in the blinatumomab group and 24% in the chemotherapy group underwent allogeneic HSCT.",
     [("blinatumomab", "HSCT", 45.0), ("chemotherapy", "HSCT", 24.0)]),
    ("In total, 41% of patients in the inotuzumab arm proceeded to HSCT.",
     [("inotuzumab ozogamicin", "HSCT", 41.0)]),
])
def test_arm_share_as_subject(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, values", [
    # the ASCII grade sign in a denied toxicity
    ("There were no cases of grade >=3 ICANS.", [("NEURO", 0.0)]),
    ("There were no cases of grade >= 3 CRS.", [("CRS", 0.0)]),
    ("No grade >=3 CRS was observed.", [("CRS", 0.0)]),
    ("No patient had grade >=3 neurotoxicity.", [("NEURO", 0.0)]),
    # the duration of response said with its verb, only as a median
    ("Responses lasted a median of 5.2 months.", [("DOR_MEDIAN", 5.2)]),
    ("Remissions lasted a median of 8 months (range, 2-24).", [("DOR_MEDIAN", 8.0)]),
    ("The responses were durable, lasting a median of 11.3 months.", [("DOR_MEDIAN", 11.3)]),
    ("Responses lasted up to 20 months.", []),
])
def test_grade_signs_and_response_durations(nlp, text, values):
    assert _values(_run(nlp, text)) == values


@pytest.mark.parametrize("text, timed", [
    # an early death's window after "the first", one window or two
    ("Mortality within the first 60 days was 15%.", [("EARLY_DEATH", 15.0, 2.0)]),
    ("Mortality within the first 30 and 60 days was 5% and 12%.",
     [("EARLY_DEATH", 5.0, 1.0), ("EARLY_DEATH", 12.0, 2.0)]),
    ("Mortality at 30 days was 3%.", [("EARLY_DEATH", 3.0, 1.0)]),
])
def test_early_death_windows(nlp, text, timed):
    assert _timed(_run(nlp, text)) == timed


@pytest.mark.parametrize("text, comparisons", [
    # further ratios of a list: with a bare CI bracket, after the first one's CI and "for", after "and for"
    ("Hazard ratios for OS and EFS were 0.71 (0.55-0.93) and 0.55 (0.39-0.78), respectively.",
     [("OS", "HR", 0.71, [0.55, 0.93]), ("EFS", "HR", 0.55, [0.39, 0.78])]),
    ("HRs for OS, EFS and RFS were 0.71 (0.55-0.93), 0.55 (0.39-0.78) and 0.60 (0.41-0.88), respectively.",
     [("OS", "HR", 0.71, [0.55, 0.93]), ("EFS", "HR", 0.55, [0.39, 0.78]), ("RFS", "HR", 0.6, [0.41, 0.88])]),
    ("The HR was 0.66 (95% CI 0.47-0.93) for OS and 0.55 (95% CI 0.39-0.78) for EFS.",
     [("OS", "HR", 0.66, [0.47, 0.93]), ("EFS", "HR", 0.55, [0.39, 0.78])]),
    ("The hazard ratio for death was 0.71 (95% CI, 0.55-0.93; P = .01), and for an event or death 0.55 (95% CI, "
     "0.40-0.76).", [("OS", "HR", 0.71, [0.55, 0.93]), ("EFS", "HR", 0.55, [0.4, 0.76])]),
    ("The HR for OS was 0.62 (95% CI, 0.45-0.85), and for EFS 0.50 (95% CI, 0.36-0.70).",
     [("OS", "HR", 0.62, [0.45, 0.85]), ("EFS", "HR", 0.5, [0.36, 0.7])]),
    # what the ratio is for, after the CI level printed before its value
    ("The hazard ratio (95% CI) for OS was 0.75 (0.57-0.99).", [("OS", "HR", 0.75, [0.57, 0.99])]),
    ("HR (95% CI) for death: 0.75 (0.57-0.99).", [("OS", "HR", 0.75, [0.57, 0.99])]),
    # a figure that is no ratio after "and" stays out
    ("The HR for OS was 0.71 (0.55-0.93) and 12 patients (30%) died.", [("OS", "HR", 0.71, [0.55, 0.93])]),
    ("The HR for death was 0.71 (0.55-0.93), and 45% (30-60) were alive at 1 year.",
     [("OS", "HR", 0.71, [0.55, 0.93])]),
])
def test_hazard_ratio_lists(nlp, text, comparisons):
    assert _comparisons(_run(nlp, text)) == comparisons


@pytest.mark.parametrize("text, cis", [
    # a bare bracket after a percentage is its CI when a labelled 95% CI came before it in the sentence
    ("The CR/CRi rate was 80.7% (95% CI, 72.1-87.7) versus 29.4% (21.0-38.8).", [[72.1, 87.7], [21.0, 38.8]]),
    ("The CR rate was 45% (95% CI, 30-60) and the MRD negativity rate 30% (20-40).", [[30.0, 60.0], [20.0, 40.0]]),
    # a value's own CI bracket may go on after a ";"
    ("Overall, 60% (95% CI: 41%-77%; 18 of 30) achieved CR.", [[41.0, 77.0]]),
    # without a labelled CI before it, a bare bracket stays unread (it may be a range)
    ("The CR rate was 45% (30-60) in arm A.", [None]),
])
def test_bare_ci_after_a_labelled_one(nlp, text, cis):
    assert [o["ci95"] for o in _run(nlp, text)["outcomes"]] == cis
