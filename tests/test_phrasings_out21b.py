"""Recurring phrasings of response, survival and early-death outcomes, written in our own words, run end to end
(fourteenth round, second pass): the Left lines of out21 and surv21 ("Thirty responses (75%) were observed", "No
responses were seen", "died within the first month", "OS and relapse were 50% and 35%", "day-100 OS").

Each case is a way results are commonly written that an earlier version got wrong (a missed value, a wrong
endpoint or time point, a value read twice); the negative cases pin what a fix must not reach.
"""
from __future__ import annotations

import pytest

from phrasing_cases import (run_text as _run, outcome_values as _values,
                            outcome_timepoints as _timed, outcome_counts as _counted)

COHORT = "Forty patients were enrolled. "


@pytest.mark.parametrize("text, values", [
    # responses counted as the subject of a verb of observation
    ("Thirty responses (75%) were observed.", [("ORR", 75.0, 30.0, 40.0)]),
    ("Thirty responses were observed.", [("ORR", 75.0, 30.0, 40.0)]),
    ("Among 40 patients, 30 responses (75%) were observed.", [("ORR", 75.0, 30.0, 40.0)]),
    ("Twelve remissions were documented.", [("ORR", 30.0, 12.0, 40.0)]),
    # bare responses denied: a zero
    ("No responses were seen.", [("ORR", 0.0, 0.0, 40.0)]),
    ("No responses were observed; 2 patients had stable disease.", [("ORR", 0.0, 0.0, 40.0)]),
    ("No remissions were observed.", [("ORR", 0.0, 0.0, 40.0)]),
    ("No remissions were achieved.", [("ORR", 0.0, 0.0, 40.0)]),
    ("No responses were documented.", [("ORR", 0.0, 0.0, 40.0)]),
    ("Among the 40 patients, no responses were observed.", [("ORR", 0.0, 0.0, 40.0)]),
    # (unchanged: a denied response of its kind stays its own zero)
    ("No complete remissions were achieved.", [("CR", 0.0, 0.0, 40.0)]),
    ("No complete responses were observed.", [("CR", 0.0, 0.0, 40.0)]),
    ("No CR was achieved.", [("CR", 0.0, 0.0, 40.0)]),
    # (unchanged: responses of another kind, with or without a number)
    ("Partial responses were observed.", []),
    ("Five partial responses were observed.", []),
    ("No partial responses were observed.", []),
    ("Eight minor responses were observed.", []),
    ("Partial responses were observed in 5 patients.", []),
    ("Responses were observed in 30 patients (75%).", [("ORR", 75.0, 30.0, 40.0)]),
])
def test_responses_observed(nlp, text, values):
    assert _counted(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    # a death in the first month or week: an early death, its window one month or week
    ("Three patients (8%) died within the first month.", [("EARLY_DEATH", 8.0, 1.0)]),
    ("Mortality within the first month was 8%.", [("EARLY_DEATH", 8.0, 1.0)]),
    ("Three patients died during the first month of treatment.", [("EARLY_DEATH", 7.5, 1.0)]),
    ("Early death within the first month occurred in 3 patients (8%).", [("EARLY_DEATH", 8.0, 1.0)]),
    ("Two patients (5%) died within the first week.", [("EARLY_DEATH", 5.0, 0.2)]),
    # (unchanged: a window with its number)
    ("Three patients died within 30 days.", [("EARLY_DEATH", 7.5, 1.0)]),
    ("Mortality within the first 60 days was 8%.", [("EARLY_DEATH", 8.0, 2.0)]),
])
def test_early_death_in_the_first_month(nlp, text, values):
    assert _timed(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    # a survival's time point as a day number before it
    ("The day-100 OS was 80%.", [("OS_RATE", 80.0, 3.3)]),
    ("The day 100 overall survival was 80%.", [("OS_RATE", 80.0, 3.3)]),
    ("The day +100 OS was 80%.", [("OS_RATE", 80.0, 3.3)]),
    ("The day-30 OS was 95%.", [("OS_RATE", 95.0, 1.0)]),
    # (unchanged)
    ("The 100-day OS was 80%.", [("OS_RATE", 80.0, 3.3)]),
    ("The 1-year OS was 60%.", [("OS_RATE", 60.0, 12.0)]),
])
def test_day_numbered_survival(nlp, text, values):
    assert _timed(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    # the unscored last item of an endpoint list owns its value
    ("The 1-year OS and relapse were 60% and 25%.", [("OS_RATE", 60.0)]),
    ("OS and relapse were 50% and 35%, respectively.", [("OS_RATE", 50.0)]),
    ("The 2-year OS and grade II-IV acute GVHD were 50% and 30%, respectively.", [("OS_RATE", 50.0)]),
    ("The 2-year OS and acute GVHD were 50% and 30%.", [("OS_RATE", 50.0)]),
    ("The 2-year OS and relapse rates were 50% and 35%, respectively.", [("OS_RATE", 50.0)]),
    ("The 2-year EFS and chronic GVHD were 40% and 20%, respectively.", [("EFS_RATE", 40.0)]),
    ("The 2-year OS and the incidence of grade III-IV acute GVHD were 50% and 10%.", [("OS_RATE", 50.0)]),
    ("The 1-year OS was 60%, and the incidence of chronic GVHD was 20%.", [("OS_RATE", 60.0)]),
    # (unchanged: GVHD naming the groups of a survival)
    ("OS was 60% in patients with GVHD and 30% in patients without GVHD.", [("OS_RATE", 30.0), ("OS_RATE", 60.0)]),
    ("OS in patients with and without GVHD were 60% and 30%, respectively.", [("OS_RATE", 30.0), ("OS_RATE", 60.0)]),
])
def test_unscored_last_list_item(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


def _cis(record: dict) -> list[tuple]:
    return sorted((o["endpoint"], o["value"], tuple(o["ci95"] or ())) for o in record["outcomes"])


@pytest.mark.parametrize("text, values", [
    # a bare bracket of two numbers around a later median, after a CI labelled so
    ("The median OS was 7.7 months (95% CI, 6.0-9.2) and the median EFS was 4.1 months (2.5-5.6).",
     [("EFS_MEDIAN", 4.1, (2.5, 5.6)), ("OS_MEDIAN", 7.7, (6.0, 9.2))]),
    ("Median OS and EFS were 7.7 months (95% CI, 6.0-9.2) and 4.1 months (2.5-5.6), respectively.",
     [("EFS_MEDIAN", 4.1, (2.5, 5.6)), ("OS_MEDIAN", 7.7, (6.0, 9.2))]),
    # (unchanged: a sentence that prints ranges too, a bare bracket with no CI labelled before it)
    ("The median OS was 7.7 months (95% CI, 6.0-9.2) and the median DOR was 4.1 months (1-20 range).",
     [("DOR_MEDIAN", 4.1, ()), ("OS_MEDIAN", 7.7, (6.0, 9.2))]),
    ("The median OS was 7.7 months (6.0-9.2) and the median EFS was 4.1 months (2.5-5.6).",
     [("EFS_MEDIAN", 4.1, ()), ("OS_MEDIAN", 7.7, ())]),
])
def test_bare_ci_after_second_median(nlp, text, values):
    assert _cis(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    # "these" after a CR count and its CRi part's count are both: 20 + 8
    ("Twenty patients achieved CR and 8 achieved CRi. Ten of these were MRD negative.",
     [("CR", 50.0, 20.0, 40.0), ("MRD_NEG", 35.7, 10.0, 28.0)]),
    ("Twenty patients achieved CR and 8 achieved CRi. Of these, 10 were MRD negative.",
     [("CR", 50.0, 20.0, 40.0), ("MRD_NEG", 35.7, 10.0, 28.0)]),
    ("Twenty patients (50%) achieved CR and 8 (20%) achieved CRi. Ten of them were MRD negative.",
     [("CR", 50.0, 20.0, 40.0), ("MRD_NEG", 35.7, 10.0, 28.0)]),
    ("Twenty patients achieved CR and 8 CRi. Fourteen of these proceeded to HSCT.",
     [("CR", 50.0, 20.0, 40.0), ("HSCT", 50.0, 14.0, 28.0)]),
    ("Twenty patients achieved CR and 8 achieved CRi. Of these, 14 (50%) proceeded to HSCT.",
     [("CR", 50.0, 20.0, 40.0), ("HSCT", 50.0, 14.0, 28.0)]),
    ("Twenty patients achieved CR and 8 achieved CRi. Of these, 50% proceeded to HSCT.",
     [("CR", 50.0, 20.0, 40.0), ("HSCT", 50.0, None, 28.0)]),
    # (unchanged: the CR alone before)
    ("Twenty patients achieved CR. Ten of them were MRD negative.",
     [("CR", 50.0, 20.0, 40.0), ("MRD_NEG", 50.0, 10.0, 20.0)]),
])
def test_these_are_cr_and_its_part(nlp, text, values):
    assert _counted(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    # who is alive at the report, without a time point: unscored (the gold's OTHER), and it owns its figure
    ("Fifteen patients (38%) remain alive.", []),
    ("Twenty patients (50%) underwent HSCT, and 12 (30%) are still alive.", [("HSCT", 50.0)]),
    ("Twenty patients (50%) underwent HSCT, and 12 (30%) are alive at last follow-up.", [("HSCT", 50.0)]),
    ("Of the 24 patients who underwent HSCT, 14 (58%) were alive at the last follow-up.", []),
    ("Twelve patients (30%) were alive at the time of analysis.", []),
    # (unchanged: alive at a time point is an OS rate)
    ("At 2 years, 15 patients (38%) were alive.", [("OS_RATE", 38.0)]),
    ("Twenty patients (50%) achieved CR and 15 (38%) were alive at 1 year.", [("CR", 50.0), ("OS_RATE", 38.0)]),
])
def test_alive_at_the_report(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values
