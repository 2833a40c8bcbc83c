"""Recurring phrasings of outcome values, written in our own words, run end to end (twelfth round): a composite
defined after its value, a group's value after "while in", and common adverse events named bare before their value.

Each case is a way results are commonly written that an earlier version got wrong (a missed value, a wrong
endpoint or group); the negative cases pin what a fix must not reach.
"""
from __future__ import annotations

import pytest

from phrasing_cases import outcome_triples as _outcomes, outcome_values as _values, run_text as _run


@pytest.mark.parametrize("text, values", [
    # a response rate defined as CR plus CRi/CRh after its value is CR_CRi (SCHEMA's composite convention)
    ("The overall response rate was 80%, defined as CR plus CRi.", [("CR_CRi", 80.0)]),
    ("The overall response rate was 72%, defined as complete remission or complete remission with incomplete "
     "hematologic recovery.", [("CR_CRi", 72.0)]),
    ("The response rate was 64% (defined as CR or CRh).", [("CR_CRi", 64.0)]),
    # ... and the definition holds for the article's later mentions of that rate
    ("The overall response rate was 75%, defined as CR plus CRi. The overall response rate in Ph-positive "
     "patients was 80%.", [("CR_CRi", 75.0), ("CR_CRi", 80.0)]),
    # a definition with a partial response, or of CR itself, is no composite
    ("The overall response rate was 70% (defined as CR, CRi or PR).", [("ORR", 70.0)]),
    ("The overall response rate was 70%, defined as CR, CRi or partial response.", [("ORR", 70.0)]),
    ("The ORR was 66%, defined as CR or PR.", [("ORR", 66.0)]),
    ("The CR rate was 50%, defined as less than 5% marrow blasts.", [("CR", 50.0)]),
])
def test_composite_defined_after_its_value(nlp, text, values):
    assert _values(_run(nlp, text)) == values


@pytest.mark.parametrize("text, outcomes", [
    # "while in second salvage 4.5 months": a duration printed after a line's word is a value, not the line's
    # number, and "salvage" holds no "age" before it
    ("Median OS in first salvage was 8.0 months, while in second salvage 4.5 months.",
     [("first salvage", "OS_MEDIAN", 8.0), ("second salvage", "OS_MEDIAN", 4.5)]),
    ("The CR rate in first salvage was 65%, while in second salvage 40%.",
     [("first salvage", "CR", 65.0), ("second salvage", "CR", 40.0)]),
    # ... the line's own number stays a label
    ("Median OS was 9.0 months in salvage 1 and 5.1 months in salvage 2.",
     [("salvage 1", "OS_MEDIAN", 9.0), ("salvage 2", "OS_MEDIAN", 5.1)]),
])
def test_value_after_a_line_word(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, values", [
    # a common adverse event named bare before its value owns it: it is not another CR or VOD
    ("CR rate was 60%, neutropenic fever 30%.", [("CR", 60.0)]),
    ("The CR rate was 64%; grade 3-4 adverse events included neutropenic fever (35%), pneumonia (12%) and "
     "hyperbilirubinemia (8%).", [("CR", 64.0)]),
    ("VOD occurred in 11%, hyperbilirubinemia in 20% and anemia in 30%.", [("VOD", 11.0)]),
    ("Common adverse events were neutropenic fever (40%), mucositis (20%) and elevated transaminases (15%); VOD "
     "occurred in 5%.", [("VOD", 5.0)]),
    # ... CRS's own symptoms are not such events: its bracket defines it and the value stays the CRS's
    ("CRS (fever, hypotension) occurred in 40% of patients.", [("CRS", 40.0)]),
])
def test_adverse_events_own_their_values(nlp, text, values):
    assert _values(_run(nlp, text)) == values


@pytest.mark.parametrize("text, values", [
    # a bare response defined as CR plus CRi/CRh in a sentence of its own defines the article's response rate
    ("Response was defined as CR, CRh or CRi. The response rate was 61%.", [("CR_CRi", 61.0)]),
    ("Response was defined as CR or CRi. Overall response was achieved in 30 of 48 patients (63%).",
     [("CR_CRi", 63.0)]),
    ("Remission was defined as CR or CRi. The remission rate was 70%.", [("CR_CRi", 70.0)]),
    # a defined rate keeps its definition however it is named again ("overall response rate" -> "response rate")
    ("The overall response rate (CR + CRi) was 80%. The response rate in Ph-positive patients was 85%.",
     [("CR_CRi", 80.0), ("CR_CRi", 85.0)]),
    # a definition with a partial response is none; a CR rate is not the defined response
    ("Response was defined as CR, CRi or PR. The response rate was 61%.", [("ORR", 61.0)]),
    ("Response was defined as CR or CRi. The CR rate was 40%.", [("CR", 40.0)]),
])
def test_bare_response_defined_for_the_article(nlp, text, values):
    assert _values(_run(nlp, text)) == values


@pytest.mark.parametrize("text, values", [
    # a bare response opening a sentence that compares it is the overall response
    ("Response was significantly higher in the inotuzumab arm (80.7% vs 29.4%; P < .001).",
     [("ORR", 29.4), ("ORR", 80.7)]),
    ("Response was better in first salvage (70%) than in later salvage (40%).", [("ORR", 40.0), ("ORR", 70.0)]),
    # ... no value, no rate
    ("Response was higher among patients with lower marrow blast counts.", []),
])
def test_bare_response_compared(nlp, text, values):
    assert _values(_run(nlp, text)) == values


@pytest.mark.parametrize("text, values", [
    # a share restated in brackets over another group ("of responders") leaves the share before it its endpoint's
    ("In total, 33% of patients (45% of responders) proceeded to HSCT.", [("HSCT", 33.0), ("HSCT", 45.0)]),
    ("Forty percent of patients (55% of those in CR) were bridged to transplant.", [("HSCT", 40.0), ("HSCT", 55.0)]),
    # ... a subject of its own clause still takes nothing
    ("Twelve patients (30%) required ICU admission and 24 (60%) achieved CR.", [("CR", 60.0)]),
])
def test_share_restated_over_another_group(nlp, text, values):
    assert _values(_run(nlp, text)) == values


def test_share_word_is_no_count_of_the_next_bracket(nlp):
    # "Forty percent ... (55% ...)": forty is the share, not the bracketed percentage's count
    record = _run(nlp, "Forty percent of patients (55% of those in CR) were bridged to transplant.")
    assert sorted((o["value"], o["count"]) for o in record["outcomes"]) == [(40.0, None), (55.0, None)]


@pytest.mark.parametrize("text, values", [
    # a hedge before share words leaves the percentage printed after them exact
    ("Nearly two-thirds (65%) of patients achieved CR/CRi.", [("CR_CRi", 65.0)]),
    ("Almost half (48%) of the patients proceeded to HSCT.", [("HSCT", 48.0)]),
    # ... a hedged figure alone stays out
    ("Nearly half of the patients achieved CR.", []),
    ("The CR rate was approximately 50%.", []),
    # a duration after "per" is the unit of a ratio, no median
    ("Older age was associated with inferior OS (HR per 10 years, 1.2; 95% CI, 1.05-1.4).", []),
])
def test_hedges_and_ratio_units(nlp, text, values):
    assert _values(_run(nlp, text)) == values


@pytest.mark.parametrize("text, outcomes", [
    # a unit printed once after a list of values each with its CI is every value's
    ("The median OS was 10.1 (95% CI, 7.2-13.0), 6.5 (95% CI, 4.1-8.9) and 3.2 (95% CI, 2.0-4.4) months for S1, "
     "S2 and S3, respectively.", [("S1", "OS_MEDIAN", 10.1), ("S2", "OS_MEDIAN", 6.5), ("S3", "OS_MEDIAN", 3.2)]),
    ("Median OS was 7.7 (95% CI, 5.6-9.6) vs 4.0 (95% CI, 2.9-5.3) months.",
     [("group 1", "OS_MEDIAN", 7.7), ("group 2", "OS_MEDIAN", 4.0)]),
    ("Median OS was 7.7 (5.6-9.6) vs 4.0 (2.9-5.3) months.",
     [("group 1", "OS_MEDIAN", 7.7), ("group 2", "OS_MEDIAN", 4.0)]),
    # ... not a ratio's value before them
    ("OS was longer (HR 0.71 (95% CI, 0.55-0.93), 7.7 vs 4.0 months).",
     [("group 1", "OS_MEDIAN", 7.7), ("group 2", "OS_MEDIAN", 4.0)]),
])
def test_unit_shared_past_each_ci(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


def _rates(record: dict) -> list[tuple]:
    """(endpoint, value, time point) of every outcome, sorted."""
    return sorted((o["endpoint"], o["value"], o["timepoint_months"]) for o in record["outcomes"])


@pytest.mark.parametrize("text, rates", [
    # time points listed each with its unit: each number takes the unit after it (no median of 24 months)
    ("OS at 1 year and 2 years were 58% and 42%, respectively.", [("OS_RATE", 42.0, 24.0), ("OS_RATE", 58.0, 12.0)]),
    ("OS at 6 months and 1 year was 75% and 55%.", [("OS_RATE", 55.0, 12.0), ("OS_RATE", 75.0, 6.0)]),
    ("OS at 6 months, 1 year and 2 years was 80%, 60% and 45%.",
     [("OS_RATE", 45.0, 24.0), ("OS_RATE", 60.0, 12.0), ("OS_RATE", 80.0, 6.0)]),
    # ... one unit after the list, or before it, is every number's
    ("Overall survival at 1 and 3 years was 50% and 30%, respectively.",
     [("OS_RATE", 30.0, 36.0), ("OS_RATE", 50.0, 12.0)]),
    ("Overall survival at months 6 and 12 was 70% and 50%, respectively.",
     [("OS_RATE", 50.0, 12.0), ("OS_RATE", 70.0, 6.0)]),
])
def test_time_points_each_with_its_unit(nlp, text, rates):
    assert _rates(_run(nlp, text)) == rates


@pytest.mark.parametrize("text", [
    "The CR rate was 60%, dose reductions 30%.",
    "The CR rate was 60%, treatment discontinuation 12%.",
    "The CR rate was 60%, transfusion dependence 40%.",
])
def test_treatment_burden_owns_its_value(nlp, text):
    assert _values(_run(nlp, text)) == [("CR", 60.0)]


@pytest.mark.parametrize("text, values", [
    # "the proportion of responders achieving X" measures X (the responders are its denominator, not a subgroup)
    ("The proportion of responders achieving MRD negativity was 67%.", [("MRD_NEG", 67.0)]),
    ("The proportion of responders who underwent HSCT was 55%.", [("HSCT", 55.0)]),
    # ... a survival of responders achieving X stays the survival's
    ("Median OS of responders achieving CR was 12 months.", [("OS_MEDIAN", 12.0)]),
])
def test_proportion_of_responders(nlp, text, values):
    assert _values(_run(nlp, text)) == values


@pytest.mark.parametrize("text, values", [
    # a share of the responses in a clause naming no endpoint is no rate of the endpoint before it
    ("The CR/CRi rate was 55% after one cycle and 75% after two cycles; 80% of responses occurred in cycle 1.",
     [("CR_CRi", 55.0), ("CR_CRi", 75.0)]),
    ("The ORR was 60%; 45% of responders relapsed.", [("ORR", 60.0)]),
    # ... its own clause's endpoint, before or after it, keeps it
    ("The ORR was 60%, and 45% of responders proceeded to HSCT.", [("HSCT", 45.0), ("ORR", 60.0)]),
    ("MRD negativity was achieved in 82% of responders.", [("MRD_NEG", 82.0)]),
    ("CR was achieved in 60%, and 85% of the remissions were MRD negative.", [("CR", 60.0), ("MRD_NEG", 85.0)]),
])
def test_share_of_responses_needs_its_endpoint(nlp, text, values):
    assert _values(_run(nlp, text)) == values


def test_mortality_at_two_windows(nlp):
    record = _run(nlp, "Mortality at 30 and 60 days was 3% and 8%.")
    assert _rates(record) == [("EARLY_DEATH", 3.0, 1.0), ("EARLY_DEATH", 8.0, 2.0)]


@pytest.mark.parametrize("text, values", [
    # a figure followed by "reported" is the literature's, not this study's
    ("The CR rate of 65% compares favorably with the 30-40% reported with salvage chemotherapy.", [("CR", 65.0)]),
    ("The CR rate of 65% exceeds the 20% previously reported.", [("CR", 65.0)]),
    ("CR was achieved in 60%, higher than the 35% reported in a prior trial.", [("CR", 60.0)]),
    # ... an event reported in a share of the patients is this study's
    ("Grade 3 CRS was reported in 10% of patients.", [("CRS", 10.0)]),
])
def test_reported_figures_are_cited(nlp, text, values):
    assert _values(_run(nlp, text)) == values


@pytest.mark.parametrize("text, rates", [
    # a list of endpoints with their own time points zips with its values ("1-year" is no value between them)
    ("The CR rate, 1-year OS and median OS were 45%, 40% and 9 months, respectively.",
     [("CR", 45.0, None), ("OS_MEDIAN", 9.0, None), ("OS_RATE", 40.0, 12.0)]),
    ("CR rate, 2-year EFS and 2-year OS were 60%, 35% and 45%, respectively.",
     [("CR", 60.0, None), ("EFS_RATE", 35.0, 24.0), ("OS_RATE", 45.0, 24.0)]),
    ("The CR, OS at 1 year and median OS were 45%, 40% and 9 months, respectively.",
     [("CR", 45.0, None), ("OS_MEDIAN", 9.0, None), ("OS_RATE", 40.0, 12.0)]),
    # ... each endpoint at its own time point
    ("The 1-year OS and 2-year EFS were 40% and 30%, respectively.",
     [("EFS_RATE", 30.0, 24.0), ("OS_RATE", 40.0, 12.0)]),
    # ... a follow-up's duration before the list still ends it
    ("With a median follow-up of 31 months, the median PFS and the median OS were 11 and 25 months, respectively.",
     [("OS_MEDIAN", 25.0, None), ("PFS_MEDIAN", 11.0, None)]),
])
def test_listed_endpoints_with_time_points(nlp, text, rates):
    assert _rates(_run(nlp, text)) == rates


@pytest.mark.parametrize("text, rates", [
    # ... and without "respectively": values of several kinds, each its own endpoint's
    ("The CR rate, 1-year OS and median OS were 45%, 40% and 9 months.",
     [("CR", 45.0, None), ("OS_MEDIAN", 9.0, None), ("OS_RATE", 40.0, 12.0)]),
    ("The CR, OS at 1 year and median OS were 45%, 40% and 9 months.",
     [("CR", 45.0, None), ("OS_MEDIAN", 9.0, None), ("OS_RATE", 40.0, 12.0)]),
    # ... two arms' values stay each endpoint's
    ("The CR rate and median OS were 45% and 30% versus 9 and 5 months.",
     [("CR", 30.0, None), ("CR", 45.0, None), ("OS_MEDIAN", 5.0, None), ("OS_MEDIAN", 9.0, None)]),
])
def test_parallel_list_of_kinds(nlp, text, rates):
    assert _rates(_run(nlp, text)) == rates
