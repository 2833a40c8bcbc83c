"""Recurring phrasings of outcome values and ratio comparisons, written in our own words, run end to end.

Each case is a way results are commonly written that an earlier version got wrong (a missed value, a wrong
endpoint, an invented value); the figures restate published trials' results.
"""
from __future__ import annotations

import pytest

from phrasing_cases import outcome_triples as _outcomes, run_text as _run


def _outcome_times(record: dict) -> list[tuple]:
    return sorted((o["endpoint"], o["value"], o["timepoint_months"]) for o in record["outcomes"])


def _comparisons(record: dict) -> list[tuple]:
    return [(c["endpoint"], c["measure"], c["value"], c["ci95"], c["p"]) for c in record["comparisons"]]


@pytest.mark.parametrize("text, outcomes", [
    # three time points listed with one unit, zipped with three rates (the numbers are no medians in years)
    ("Overall survival at 1, 2 and 3 years was 60%, 45% and 30%, respectively.",
     [("OS_RATE", 30.0, 36.0), ("OS_RATE", 45.0, 24.0), ("OS_RATE", 60.0, 12.0)]),
    ("OS at 6, 12, and 24 months was 70%, 55%, and 40%.",
     [("OS_RATE", 40.0, 24.0), ("OS_RATE", 55.0, 12.0), ("OS_RATE", 70.0, 6.0)]),
    ("The 1-, 2- and 3-year EFS rates were 50%, 35% and 25%, respectively.",
     [("EFS_RATE", 25.0, 36.0), ("EFS_RATE", 35.0, 24.0), ("EFS_RATE", 50.0, 12.0)]),
])
def test_phrasings_three_time_points(nlp, text, outcomes):
    assert _outcome_times(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # "NR" right after a median endpoint and a verb or colon is "not reached" (value null)
    ("The median overall survival was NR (95% CI, 12.1 to NR).", [("all", "OS_MEDIAN", None)]),
    ("Median OS: NR; median EFS: 6.1 months.", [("all", "EFS_MEDIAN", 6.1), ("all", "OS_MEDIAN", None)]),
    ("Median EFS and OS were NR and 14.1 months, respectively.",
     [("all", "EFS_MEDIAN", None), ("all", "OS_MEDIAN", 14.1)]),
    # one "not reached" for two medians joined by "and"
    ("Median OS and EFS were not reached.", [("all", "EFS_MEDIAN", None), ("all", "OS_MEDIAN", None)]),
    # elsewhere NR is no response or not reported: no value
    ("NR patients (non-responders) had a median OS of 3.1 months.", [("NR patients", "OS_MEDIAN", 3.1)]),
    ("The OS rate was NR in the older cohort.", []),
])
def test_phrasings_median_not_reached_abbreviated(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, comparisons", [
    # the event a hazard ratio is for names the survival endpoint it compares
    ("HR for death, 0.71 (95% CI, 0.55-0.93).", [("OS", "HR", 0.71, [0.55, 0.93], None)]),
    ("Hazard ratio (HR) for death, 0.71 (95% CI, 0.55 to 0.93).", [("OS", "HR", 0.71, [0.55, 0.93], None)]),
    ("HR for death in the inotuzumab arm vs standard care, 0.75 (95% CI, 0.57-0.99).",
     [("OS", "HR", 0.75, [0.57, 0.99], None)]),
    ("The hazard ratio for relapse or death was 0.55 (95% CI, 0.35 to 0.87).",
     [("RFS", "HR", 0.55, [0.35, 0.87], None)]),
    ("The hazard ratio for disease progression or death was 0.45 (95% CI, 0.33-0.61; P<0.001).",
     [("PFS", "HR", 0.45, [0.33, 0.61], "<0.001")]),
    ("HR for an event or death, 0.58 (95% CI, 0.41-0.83).", [("EFS", "HR", 0.58, [0.41, 0.83], None)]),
    # an endpoint named after the ratio wins over one named earlier in the sentence
    ("CR rates were higher, and the hazard ratio for death was 0.75 (P = 0.01).", [("OS", "HR", 0.75, None, "0.01")]),
    ("HR for OS, 0.75 (95% CI, 0.57-0.99).", [("OS", "HR", 0.75, [0.57, 0.99], None)]),
    ("Odds ratio (OR) for achieving CR, 2.9 (95% CI, 1.3-6.5).", [("CR", "OR", 2.9, [1.3, 6.5], None)]),
    # relapse alone is no survival endpoint; HR as high risk takes no value
    ("The hazard ratio for relapse was 0.48 (95% CI, 0.30-0.77).", [(None, "HR", 0.48, [0.3, 0.77], None)]),
    ("Patients classified as HR for relapse, 12 patients in all, received the intensified arm.", []),
])
def test_phrasings_ratio_event(nlp, text, comparisons):
    assert _comparisons(_run(nlp, text)) == comparisons


@pytest.mark.parametrize("text, outcomes", [
    # CR and its CRi/CRh variant spelled out as one endpoint, its abbreviation in brackets after it
    ("The rate of CR or CR with incomplete hematologic recovery (CRi) was 80.7%.", [("all", "CR_CRi", 80.7)]),
    ("Complete remission (CR) or CR with incomplete hematologic recovery (CRi) was achieved by 73% of patients.",
     [("all", "CR_CRi", 73.0)]),
    ("CR or CRh was achieved in 43% of patients.", [("all", "CR_CRi", 43.0)]),
    ("CR plus CRi was achieved in 68%.", [("all", "CR_CRi", 68.0)]),
    # a CRi alone, spelled out in a breakdown, is a part: its value is not the composite's
    ("CR was achieved in 20 patients (50%) and complete remission with incomplete hematologic recovery (CRi) in 5 "
     "(12%).", [("all", "CR", 50.0)]),
    # an MRD-negative remission is MRD negativity
    ("The rate of MRD-negative CR was 72%.", [("all", "MRD_NEG", 72.0)]),
])
def test_phrasings_remission_composites(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text", [
    "Morphologic CR was achieved in 27/35 (77%) patients.",
    "The CR rate was 27/35 (77%).",
])
def test_phrasings_fraction_before_its_percentage_is_one_value(nlp, text):
    # "27/35 (77%)": one rate with its count and denominator, not a second rate of count 35
    outcomes = _run(nlp, text)["outcomes"]
    assert [(o["endpoint"], o["value"], o["count"], o["denominator"]) for o in outcomes] == [("CR", 77.0, 27.0, 35.0)]


@pytest.mark.parametrize("text, outcomes", [
    # an endpoint after "after" is a landmark, not the endpoint measured
    ("EFS after CR was 30% at 3 years.", [("all", "EFS_RATE", 30.0)]),
    ("HSCT after CR was performed in 60% of patients.", []),
    # an MRD status naming a group takes no rate
    ("The 2-year OS was 60% for MRD-negative and 20% for MRD-positive patients.",
     [("MRD-negative", "OS_RATE", 60.0), ("MRD-positive", "OS_RATE", 20.0)]),
    ("MRD-negative patients had a 2-year OS of 65%.", [("MRD-negative", "OS_RATE", 65.0)]),
    ("Twenty patients (40%) became MRD-negative.", [("all", "MRD_NEG", 40.0)]),
])
def test_phrasings_endpoint_naming_a_group_or_landmark(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, comparisons", [
    # a plural measure linked by "were", and the same comparison in a second group after the first one's CI
    ("HRs for OS were 0.64 (95% CI, 0.42-0.97) in younger and 0.92 (95% CI, 0.60-1.41) in older patients.",
     [("OS", "HR", 0.64, [0.42, 0.97], None), ("OS", "HR", 0.92, [0.6, 1.41], None)]),
    # (both ratios of the plural measure's list: the second was pinned as missed until the fifteenth round)
    ("The hazard ratios for death were 0.61 and 0.89 in the two strata.",
     [("OS", "HR", 0.61, None, None), ("OS", "HR", 0.89, None, None)]),
    # a second ratio of another endpoint is not a list item of the first: it is its own endpoint's (tenth round)
    ("HR 0.64 (95% CI, 0.42-0.97) for OS and 0.80 (95% CI, 0.55-1.16) for EFS.",
     [("OS", "HR", 0.64, [0.42, 0.97], None), ("EFS", "HR", 0.8, [0.55, 1.16], None)]),
])
def test_phrasings_ratio_lists(nlp, text, comparisons):
    assert _comparisons(_run(nlp, text)) == comparisons


@pytest.mark.parametrize("text, outcomes", [
    ("Eleven patients (44%) were able to proceed to allogeneic HCT.", [("HSCT", 44.0, None)]),
    ("Twelve patients (40%) were subsequently transplanted.", [("HSCT", 40.0, None)]),
    # "transplanted patients" names a group, not the transplant rate
    ("The 1-year OS of transplanted patients was 50%.", [("OS_RATE", 50.0, 12.0)]),
    # an early-death window written with a day number
    ("Mortality at day 30 was 5% and at day 60 was 10%.", [("EARLY_DEATH", 5.0, 1.0), ("EARLY_DEATH", 10.0, 2.0)]),
    ("Day 60 mortality was 8%.", [("EARLY_DEATH", 8.0, 2.0)]),
    ("Two patients (5%) died before day 30.", [("EARLY_DEATH", 5.0, 1.0)]),
    ("Early death (before day 28) occurred in 3 patients (8%).", [("EARLY_DEATH", 8.0, 0.9)]),
    # a day number elsewhere is no survival time point
    ("The CR rate at day 28 was 60%.", [("CR", 60.0, None)]),
])
def test_phrasings_transplant_and_early_death(nlp, text, outcomes):
    assert _outcome_times(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # a threshold of a group ("less than 50% blasts", "50% or more") is no rate
    ("CR was achieved in 70% of patients with less than 50% blasts and 45% of those with 50% or more.",
     [("CR", 45.0, None), ("CR", 70.0, None)]),
    ("Patients with more than 50% marrow blasts had a CR rate of 40%.", [("CR", 40.0, None)]),
    ("MRD was undetectable in 12 of 15 evaluable responders.", [("MRD_NEG", 80.0, None)]),
    ("The mOS was 6.1 months.", [("OS_MEDIAN", 6.1, None)]),
])
def test_phrasings_thresholds_and_short_forms(nlp, text, outcomes):
    assert _outcome_times(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # an unscored event with its verb owns the value after the scored endpoint's
    ("CR was achieved in 80%, but relapse occurred in 40% of responders.", [("all", "CR", 80.0)]),
    ("CR was achieved in 80%; however, 40% subsequently relapsed.", [("all", "CR", 80.0)]),
    ("Objective responses (CR + PR) occurred in 45% of patients.", [("all", "ORR", 45.0)]),
])
def test_phrasings_unscored_events_keep_their_values(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, comparisons", [
    # the survival endpoint named after the ratio's value and CI
    ("A hazard ratio of 0.62 (95% CI 0.45-0.85) for EFS favoured blinatumomab.",
     [("EFS", "HR", 0.62, [0.45, 0.85], None)]),
    # a group named there is no endpoint
    ("The HR was 0.50 (95% CI 0.30-0.85) for MRD-negative patients.", [(None, "HR", 0.5, [0.3, 0.85], None)]),
])
def test_phrasings_ratio_endpoint_after_value(nlp, text, comparisons):
    assert _comparisons(_run(nlp, text)) == comparisons


@pytest.mark.parametrize("text, outcomes", [
    # a "respectively" list of endpoints with values of several kinds, one each
    ("The CR rate, MRD negativity rate and median OS were 80%, 70% and 12.1 months, respectively.",
     [("all", "CR", 80.0), ("all", "MRD_NEG", 70.0), ("all", "OS_MEDIAN", 12.1)]),
    # one kind for two endpoints: the arms' values, not the endpoints'
    ("CR rates were 80% and 30% and median OS 7.7 and 6.7 months in the InO and SC arms, respectively.",
     [("SC", "CR", 30.0), ("SC", "OS_MEDIAN", 6.7), ("inotuzumab ozogamicin", "CR", 80.0),
      ("inotuzumab ozogamicin", "OS_MEDIAN", 7.7)]),
])
def test_phrasings_respectively_mixed_kinds(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # a time point printed against its mention is that mention's, even when another is nearer to the value
    ("One-year OS was 60% and two-year OS 45%.", [("OS_RATE", 45.0, 24.0), ("OS_RATE", 60.0, 12.0)]),
    # number words before a shared unit
    ("The one- and two-year OS were 50% and 30%.", [("OS_RATE", 30.0, 24.0), ("OS_RATE", 50.0, 12.0)]),
    # a bracketed landmark after a survival endpoint is its time point, not a median of one year
    ("OS (1 year) was 60% and EFS (2 years) was 40%.", [("EFS_RATE", 40.0, 24.0), ("OS_RATE", 60.0, 12.0)]),
    ("The median OS (7.7 months) exceeded that of controls.", [("OS_MEDIAN", 7.7, None)]),
    # one time point for two values at their own time points
    ("OS was 45% at 1 year and 30% at 2 years.", [("OS_RATE", 30.0, 24.0), ("OS_RATE", 45.0, 12.0)]),
])
def test_phrasings_time_point_of_each_rate(nlp, text, outcomes):
    assert _outcome_times(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # a group's share before an endpoint that states its own rate is no second rate
    ("Patients with prior HSCT (n = 12, 30%) had a CR rate of 50%.", [("prior HSCT", "CR", 50.0)]),
    # the subject's share of an endpoint without a value of its own is its rate
    ("Thirteen patients (52%) achieved CR.", [("all", "CR", 52.0)]),
])
def test_phrasings_subject_share_and_own_value(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # "All N patients achieved X": N of N
    ("All 12 patients achieved CR.", [("CR", 100.0, 12.0, 12.0)]),
    ("All twelve responders underwent HSCT.", [("HSCT", 100.0, 12.0, 12.0)]),
    # "Overall 12 patients" is a count against the cohort, not all of them
    ("A total of 40 patients were treated. Overall 12 patients achieved CR.", [("CR", 30.0, 12.0, 40.0)]),
])
def test_phrasings_all_of_a_count(nlp, text, outcomes):
    found = _run(nlp, text)["outcomes"]
    assert [(o["endpoint"], o["value"], o["count"], o["denominator"]) for o in found] == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # a verb after a bracket that closed the value's clause is another clause's verb
    ("The difference in CR rates (60% vs 40%) was significant (P = .01) and OS was longer (HR 0.6; P = .03).",
     [("group 1", "CR", 60.0), ("group 2", "CR", 40.0)]),
    # a CI bracket before the verb keeps the value its subject
    ("Of 36 older adults, 56% (95% CI, 38%-72%) achieved CR/CRh.", [("older adults", "CR_CRi", 56.0)]),
])
def test_phrasings_forward_verb_after_a_bracket(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # a count after its endpoint and verb ("occurred in N patients") is a rate against the cohort
    ("We treated 25 children with relapsed ALL. CRS occurred in 20 patients. Neurotoxicity developed in 8 patients.",
     [("CRS", 80.0, 20.0, 25.0), ("NEURO", 32.0, 8.0, 25.0)]),
    # ... or against a lead-in's N
    ("Forty patients were treated. Among the 25 patients with Ph- ALL, CR was achieved in 15 patients.",
     [("CR", 60.0, 15.0, 25.0)]),
    # a subgroup's count, or one arm's count of a two-arm trial, is no rate of the cohort
    ("Forty patients were treated. CR was achieved in 20 patients with Ph+ ALL.", []),
    ("A total of 405 patients were randomized to blinatumomab or chemotherapy. CRS occurred in 20 patients in the "
     "blinatumomab group.", []),
    # the CR/CRh composite written with its recoveries
    ("Remission rates were higher with the antibody (CR with full, partial, or incomplete hematologic recovery, "
     "44%).", [("CR_CRi", 44.0, None, None)]),
])
def test_phrasings_count_after_its_endpoint(nlp, text, outcomes):
    found = _run(nlp, text)["outcomes"]
    assert [(o["endpoint"], o["value"], o["count"], o["denominator"]) for o in found] == outcomes


def test_phrasings_fraction_after_n_equals_is_one_value(nlp):
    # "n = 12/20 (60%)": one rate of 12 of 20, not a second one counting the 20
    found = _run(nlp, "CR: n = 12/20 (60%).")["outcomes"]
    assert [(o["endpoint"], o["value"], o["count"], o["denominator"]) for o in found] == [("CR", 60.0, 12.0, 20.0)]


@pytest.mark.parametrize("text, comparisons", [
    # the event named before the ratio ("the risk of death") names its endpoint
    ("Blinatumomab reduced the risk of death by 29% (hazard ratio, 0.71; 95% CI, 0.55-0.93).",
     [("OS", "HR", 0.71, [0.55, 0.93], None)]),
    ("The risk of relapse or death was reduced (HR 0.55).", [("RFS", "HR", 0.55, None, None)]),
    # ... not when it is part of another measure
    ("Early death was more frequent in older patients (HR 2.0; 95% CI 1.1-3.6).",
     [("EARLY_DEATH", "HR", 2.0, [1.1, 3.6], None)]),
    ("Death in CR was more common after HSCT (HR 1.9).", [(None, "HR", 1.9, None, None)]),
])
def test_phrasings_ratio_event_before(nlp, text, comparisons):
    assert _comparisons(_run(nlp, text)) == comparisons


@pytest.mark.parametrize("text, outcomes", [
    # measures that contain a scored endpoint's words but are other measures
    ("The 2-year GVHD-free, relapse-free survival was 30%.", []),
    ("Transplant-related mortality at 100 days was 8%.", []),
    ("The probability of remaining in CR at 1 year was 55%.", []),
    ("Continuous CR at 2 years was 40%.", []),
    ("The 1-year survival free of relapse was 50%.", [("RFS_RATE", 50.0, 12.0)]),
    ("Mortality at 30 days was 3%.", [("EARLY_DEATH", 3.0, 1.0)]),
])
def test_phrasings_measures_near_scored_endpoints(nlp, text, outcomes):
    assert _outcome_times(_run(nlp, text)) == outcomes
