"""Recurring phrasings of outcome values and comparisons, written in our own words, run end to end (sixth round):
early deaths counted with their share before the verb, shares of a named group before a verbal endpoint,
proportions with their SE before a group's name, MRD status of the patients a value is for.

Each case is a way results are commonly written that an earlier version got wrong (a missed value, a wrong
endpoint or group); the negative cases pin what a fix must not reach.
"""
from __future__ import annotations

import pytest

from phrasing_cases import outcome_triples as _outcomes, run_text as _run


def _timed(record: dict) -> list[tuple]:
    return sorted((o["arm"], o["endpoint"], o["value"], o["timepoint_months"]) for o in record["outcomes"])


@pytest.mark.parametrize("text, outcomes", [
    # the deaths' count and share printed between the noun and its verb; a cause named before the window
    ("Two deaths (4%) occurred within 30 days of starting treatment.", [("all", "EARLY_DEATH", 4.0, 1.0)]),
    ("Two deaths (4%) occurred within 30 days and CR was achieved in 80%.",
     [("all", "CR", 80.0, None), ("all", "EARLY_DEATH", 4.0, 1.0)]),
    ("One patient (2%) died of sepsis within 30 days of infusion.", [("all", "EARLY_DEATH", 2.0, 1.0)]),
    # negative: a death without a window is no early death
    ("Two deaths (4%) were due to infection.", []),
])
def test_phrasings_early_death_share_before_verb(nlp, text, outcomes):
    assert _timed(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # the share of a group named by what its patients have, before an endpoint that is its own verb
    ("45% of patients with T-ALL received HSCT.", [("T-ALL", "HSCT", 45.0)]),
    ("Overall, 45% of patients with Ph-positive ALL proceeded to allogeneic HSCT.", [("Ph-positive ALL", "HSCT", 45.0)]),
    # negative: the patients who received HSCT are the group of a survival rate
    ("45% of patients who received HSCT were alive at 2 years.", [("HSCT", "OS_RATE", 45.0)]),
    ("30% of patients with CRS received tocilizumab.", []),
])
def test_phrasings_share_of_group_before_verbal_endpoint(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # a proportion with its SE keeps the words after it the group's name (as "30% ± 5%" does)
    ("The 5-year EFS was 0.30 ± 0.05 for early relapse and 0.62 ± 0.04 for late relapse.",
     [("early relapse", "EFS_RATE", 30.0, 60.0), ("late relapse", "EFS_RATE", 62.0, 60.0)]),
    # negative: the cumulative incidence of relapse is no SCHEMA endpoint (not RFS)
    ("The cumulative incidence of relapse was 0.30 ± 0.05 for early relapse and 0.62 ± 0.04 for late relapse.", []),
])
def test_phrasings_proportion_with_se_before_group(nlp, text, outcomes):
    record = _run(nlp, text)
    assert _timed(record) == outcomes
    assert all(o["ci95"] is None for o in record["outcomes"])  # a ± SE is no CI


@pytest.mark.parametrize("text, endpoints", [
    # "patients who were MRD negative" name the group a survival is for; the rate after it is not an MRD rate
    ("The 3-year RFS was 52% for patients who were MRD negative compared with 18% for those who were MRD positive "
     "(P < .001).", [("RFS_RATE", 18.0), ("RFS_RATE", 52.0)]),
    # negative: the MRD status stated as the result
    ("Of the 20 responders, 15 (75%) were MRD negative.", [("MRD_NEG", 75.0)]),
])
def test_phrasings_mrd_status_of_a_group(nlp, text, endpoints):
    assert sorted((o["endpoint"], o["value"]) for o in _run(nlp, text)["outcomes"]) == endpoints


@pytest.mark.parametrize("text, outcomes", [
    # a CRi/CRh spelled out beside a CR of its own is a part (not scored), not the composite
    ("Nineteen patients (63%) achieved a complete remission (CR), and four (13%) achieved CR with incomplete count "
     "recovery (CRi).", [("all", "CR", 63.0)]),
    ("Rates of complete remission (CR) and CR with incomplete count recovery were 45% and 20%, respectively.",
     [("all", "CR", 45.0)]),
    ("CR was achieved in 40% and complete remission with partial hematologic recovery in 15%, for a CR/CRh rate of "
     "55%.", [("all", "CR", 40.0), ("all", "CR_CRi", 55.0)]),
    # negative: alone, or joined to CR by "or", it still reads as the composite
    ("After two cycles, 9 of 30 (30%) patients achieved complete remission with incomplete count recovery.",
     [("all", "CR_CRi", 30.0)]),
    ("Complete remission or complete remission with incomplete hematologic recovery was achieved in 80.7%.",
     [("all", "CR_CRi", 80.7)]),
    # spelled out "or better": CR plus the part
    ("In total, 30 patients (60%) achieved CR with incomplete hematologic recovery or better.", [("all", "CR_CRi", 60.0)]),
])
def test_phrasings_spelled_out_cri_beside_cr(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # a combined rate naming CR and a CRi/CRh part right after it is CR_CRi; the parts take nothing
    ("The combined rate of CR and CRi was 73%.", [("all", "CR_CRi", 73.0)]),
    ("The combined rate of CR and CRi was 73% and the rate of PR was 10%.", [("all", "CR_CRi", 73.0)]),
    # negative: a sum with a partial response is no CR_CRi; a combined CR rate is CR
    ("The combined rate of CR, CRi and PR was 73%.", []),
    ("The combined CR rate was 50%.", [("all", "CR", 50.0)]),
])
def test_phrasings_combined_rate_of_named_parts(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # a death during the first cycle or course is an induction death
    ("Two patients (4%) died during the first course of therapy.", [("all", "EARLY_DEATH", 4.0)]),
    ("Deaths during the first cycle occurred in 3 patients (5%).", [("all", "EARLY_DEATH", 5.0)]),
    # negative: a later cycle is not
    ("Three patients (6%) died during cycle 2.", []),
    # plural MRD responses are the MRD-negativity rate
    ("MRD responses were seen in 78% of patients.", [("all", "MRD_NEG", 78.0)]),
])
def test_phrasings_first_cycle_deaths_and_mrd_responses(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # a value that a verb follows is the subject of its own (unscored) clause, not the endpoint's before it
    ("Ten patients (25%) received HSCT as consolidation, and 5 (12%) received donor lymphocyte infusion.",
     [("HSCT", 25.0)]),
    ("Twenty patients (40%) achieved CR, and 5 (10%) were refractory.", [("CR", 40.0)]),
    ("Twenty patients (40%) developed CRS and 6 (12%) required tocilizumab.", [("CRS", 40.0)]),
    ("The ORR was 70%, and 25% of patients had progressive disease.", [("ORR", 70.0)]),
    # negative: a clause grading the measure before it; a verb after a bracket of compared values; a verb of the
    # endpoint after it
    ("CRS occurred in 30 patients (60%); 5 (10%) were grade 3 or higher.", [("CRS", 10.0), ("CRS", 60.0)]),
    ("Grade 4 neurologic events (22% vs 9%) were more frequent in older adults.", [("NEURO", 9.0), ("NEURO", 22.0)]),
    ("Of the 40 patients, 30 (75%) achieved CR/CRi and 12 (30%) proceeded to HSCT.",
     [("CR_CRi", 75.0), ("HSCT", 30.0)]),
])
def test_phrasings_value_subject_of_unscored_clause(nlp, text, outcomes):
    assert sorted((o["endpoint"], o["value"]) for o in _run(nlp, text)["outcomes"]) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # a mortality counted from a transplant is the transplant's (non-relapse) mortality, not the therapy's early death
    ("Day-100 mortality after allogeneic HSCT was 9%.", []),
    ("The 100-day mortality post-transplant was 6%.", []),
    ("Thirty-day mortality was 4% and 100-day mortality after transplant was 10%.", [("all", "EARLY_DEATH", 4.0, 1.0)]),
    # negative: after an infusion it is the therapy's own
    ("Thirty-day mortality after infusion was 2%.", [("all", "EARLY_DEATH", 2.0, 1.0)]),
])
def test_phrasings_post_transplant_mortality_is_no_early_death(nlp, text, outcomes):
    assert _timed(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcome", [
    # the number of a time point before a bracketed share is no count of patients
    ("Four patients died within 30 days of starting therapy (8%).", ("EARLY_DEATH", 8.0, None, 1.0)),
    ("OS at 2 years (48%) was higher than in the earlier trial.", ("OS_RATE", 48.0, None, 24.0)),
    # negative: a count before its share still is one
    ("Twelve patients (24%) proceeded to HSCT.", ("HSCT", 24.0, 12.0, None)),
])
def test_phrasings_time_point_number_is_no_count(nlp, text, outcome):
    [o] = _run(nlp, text)["outcomes"]
    assert (o["endpoint"], o["value"], o["count"], o["timepoint_months"]) == outcome
