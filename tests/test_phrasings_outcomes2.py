"""Recurring phrasings of remission composites, zero responses, baseline states and covariate ratios, written in
our own words, run end to end.

Each case is a way results are commonly written that an earlier version got wrong (a missed value, a wrong
endpoint, an invented value); the negative cases pin what a fix must not reach.
"""
from __future__ import annotations

import pytest

from phrasing_cases import outcome_triples as _outcomes, run_text as _run


def _comparisons(record: dict) -> list[tuple]:
    return [(c["endpoint"], c["measure"], c["value"]) for c in record["comparisons"]]


@pytest.mark.parametrize("text, outcomes", [
    # the composite before its breakdown keeps its own value; the parts' counts are read across them
    ("Overall, 30 patients (75%) achieved CR/CRi: 22 CR (55%) and 8 CRi (20%).",
     [("all", "CR", 55.0), ("all", "CR_CRi", 75.0)]),
    # a remission with or without (full) recovery of counts is CR plus CRi
    ("CR with or without full hematologic recovery was 61%.", [("all", "CR_CRi", 61.0)]),
    ("Complete remissions, with or without full count recovery, were obtained in 27 of 40 patients (68%).",
     [("all", "CR_CRi", 68.0)]),
    ("Complete remission with or without count recovery was achieved in 66% of patients.", [("all", "CR_CRi", 66.0)]),
    # the CRh variant spelled with "recovery of peripheral blood counts", or joined by "plus"
    ("The rate of complete remission (CR) or CR with partial recovery of peripheral blood counts (CRh) was 43%.",
     [("all", "CR_CRi", 43.0)]),
    ("Complete response (CR) plus CR with incomplete marrow recovery (CRi) was 66%.", [("all", "CR_CRi", 66.0)]),
    # the composite abbreviated CRc, and a part "or better"
    ("The CRc rate was 58% after two cycles.", [("all", "CR_CRi", 58.0)]),
    ("CR with incomplete hematologic recovery (CRi) or better was achieved by 63%.", [("all", "CR_CRi", 63.0)]),
    # the duration of a composite is a duration of remission, not the composite's rate
    ("Median duration of CR/CRi was 4.6 months.", [("all", "DOR_MEDIAN", 4.6)]),
    ("The composite CR rate was 68% (CR 48%, CRi 20%).", [("all", "CR", 48.0), ("all", "CR_CRi", 68.0)]),
    # the parts' plural and a part spelled out after "CR" are parts, not CR; a value after a semicolon is another
    # clause's, so the part before it keeps its own
    ("Responses included 12 CRs (48%) and 5 CRis (20%), for a CR/CRi rate of 68%.",
     [("all", "CR", 48.0), ("all", "CR_CRi", 68.0)]),
    ("CR with partial hematologic recovery was achieved in 10% of patients.", []),
    ("Thirteen patients (52%) achieved CR and five (20%) CRi; the combined rate was 72%.",
     [("all", "CR", 52.0), ("all", "CR_CRi", 72.0)]),
    # a definition's parts are no items of the list that follows
    ("Remission rates (CR/CRi) were 58%, 44% and 35% in first, second and third or later salvage, respectively.",
     [("first salvage", "CR_CRi", 58.0), ("second salvage", "CR_CRi", 44.0),
      ("third or later salvage", "CR_CRi", 35.0)]),
    # negative: a part alone, or a part's rate in a list, is not the composite
    ("CR and CRi rates were 40% and 20%, respectively.", [("all", "CR", 40.0)]),
    ("CRi was achieved in 5 patients (12%).", []),
])
def test_phrasings_composite_remissions(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    ("No patient achieved CR.", [("all", "CR", 0.0)]),
    ("None of the patients achieved a complete remission.", [("all", "CR", 0.0)]),
    ("No patient responded to treatment.", [("all", "ORR", 0.0)]),
    ("No patient proceeded to allogeneic HSCT.", [("all", "HSCT", 0.0)]),
    ("No patient achieved MRD negativity.", [("all", "MRD_NEG", 0.0)]),
    ("There was no VOD.", [("all", "VOD", 0.0)]),
    ("Among patients with T-ALL, none achieved CR.", [("T-ALL", "CR", 0.0)]),
    ("No patient experienced grade 4 or 5 CRS.", [("all", "CRS", 0.0)]),
    ("No deaths occurred within 30 days.", [("all", "EARLY_DEATH", 0.0)]),
    ("No patient died within the first 60 days.", [("all", "EARLY_DEATH", 0.0)]),
    # the subject's size is no count of the endpoint
    ("Twelve patients were enrolled. None of the 12 patients responded.", [("all", "ORR", 0.0)]),
    # negative: a negated subgroup is no zero rate
    ("No patients with CR relapsed.", []),
    ("Patients who did not achieve CR had poor outcomes, and no patient without CR survived.", []),
])
def test_phrasings_zero_responses(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    ("Median OS, NR.", [("all", "OS_MEDIAN", None)]),
    ("Median DOR, NR.", [("all", "DOR_MEDIAN", None)]),
    # negative: an open CI bound after a comma is no second median
    ("The median OS was 10.1 months (95% CI, 8.0, NR).", [("all", "OS_MEDIAN", 10.1)]),
    # a median's duration in brackets is not a time point
    ("Median survival (2 years) was unusually long.", [("all", "OS_MEDIAN", 24.0)]),
    ("Overall survival (2 years) was 45%.", [("all", "OS_RATE", 45.0)]),
])
def test_phrasings_medians_not_reached_and_bracketed(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    ("Responses were seen in 18 of 30 patients (60%).", [("all", "ORR", 60.0)]),
    ("Response was achieved in 60% of patients.", [("all", "ORR", 60.0)]),
    ("Fifteen patients (60%) had a response.", [("all", "ORR", 60.0)]),
    ("Responses occurred in 9 (36%) patients.", [("all", "ORR", 36.0)]),
    # negative: a partial response is another measure; a response naming a group is no rate
    ("Partial responses were seen in 4 patients (10%).", []),
    ("CR was achieved in 20%, and partial responses were seen in 10%.", [("all", "CR", 20.0)]),
    ("Complete responses were seen in 40% of patients.", [("all", "CR", 40.0)]),
    ("No objective responses were seen.", [("all", "ORR", 0.0)]),
    ("Patients who had a response had longer survival.", []),
    ("Responses were seen across all cytogenetic subgroups, including 5 of 7 patients with t(4;11).", []),
    # negative: a fraction of dose levels is no rate
    ("Responses were seen in 3 of 5 dose levels.", []),
])
def test_phrasings_bare_responses(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    ("Twenty patients (40%) were in CR at the time of infusion.", []),
    ("At the time of HSCT, 30 patients (75%) were in CR.", []),
    ("Before infusion, 15 patients (38%) had MRD-negative disease.", []),
    ("At enrollment, 10 patients (25%) were in CR2 or later.", []),
    # a transplant had before the baseline is history, not the HSCT rate
    ("Prior to enrollment, 12 patients (30%) had received HSCT.", []),
    ("Twelve patients (30%) had received HSCT before enrollment.", []),
    ("After CAR T-cell therapy, 12 patients (30%) underwent HSCT.", [("all", "HSCT", 30.0)]),
    # negative: a state after treatment, or a result in another clause, is a result; one before transplant may be
    # the salvage's own result
    ("Thirty patients (60%) were MRD negative before HSCT.", [("all", "MRD_NEG", 60.0)]),
    ("At the end of cycle 2, 32 patients (64%) were in CR/CRi.", [("all", "CR_CRi", 64.0)]),
    ("Twenty patients (40%) achieved CR after infusion.", [("all", "CR", 40.0)]),
    ("Twenty patients were in CR at infusion; after infusion, 36 patients (90%) achieved CR.", [("all", "CR", 90.0)]),
])
def test_phrasings_baseline_states(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, comparisons", [
    ("CR duration of >=12 months (HR 0.61, 95% CI 0.40-0.93) was associated with longer OS.", [("OS", "HR", 0.61)]),
    ("Remission duration > 1 year (hazard ratio 0.52, P = 0.01) was associated with better survival.",
     [("OS", "HR", 0.52)]),
    ("MRD negativity (HR 0.45; 95% CI, 0.28-0.72) was associated with longer EFS.", [("EFS", "HR", 0.45)]),
    ("In multivariable analysis, age > 60 years (HR 1.9) and CR1 duration < 12 months (HR 2.1) were associated "
     "with shorter OS.", [("OS", "HR", 1.9), ("OS", "HR", 2.1)]),
    ("First remission duration of less than 1 year (HR 1.9; 95% CI, 1.2-3.0) was an independent risk factor for "
     "inferior EFS.", [("EFS", "HR", 1.9)]),
    ("MRD negativity (HR 0.40) was the strongest predictor of RFS.", [("RFS", "HR", 0.4)]),
    # negative: a ratio after its outcome keeps it
    ("EFS was longer with blinatumomab (HR 0.55; 95% CI, 0.39-0.78).", [("EFS", "HR", 0.55)]),
])
def test_phrasings_ratio_of_a_covariate(nlp, text, comparisons):
    assert _comparisons(_run(nlp, text)) == comparisons
