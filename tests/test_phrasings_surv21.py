"""Recurring phrasings of survival outcomes and hazard ratios, written in our own words, run end to end (fourteenth
round): a time point of each item of an endpoint list ("The 1-year OS, 2-year OS and median OS were 50%, 35% and 12
months": the first item took the 2-year point printed after its comma); a later rate named by its time point alone
("The 6-month OS rate was 70% and the 12-month rate was 50%": the second clause was read as another measure's); a
hyphenated duration before a median ("a 9.5-month median OS", "With a 67.3-week median duration of remission": the
duration was taken for a time point); ratios listed for as many endpoints without "respectively" ("The HRs for OS and
EFS were 0.71 and 0.55": the second value was missed, or given to OS).

Each case is a way results are commonly written that an earlier version got wrong (a missed value, a wrong time point
or endpoint); the negative cases pin what a fix must not reach.
"""
from __future__ import annotations

import pytest

from phrasing_cases import run_text as _run, outcome_timepoints as _timed

COHORT = "Forty patients were enrolled. "


def _comparisons(record: dict) -> list[tuple]:
    return [(c["endpoint"], c["measure"], c["value"], c["ci95"]) for c in record["comparisons"]]


@pytest.mark.parametrize("text, timed", [
    # each listed item keeps the time point printed before it, not the next item's after a comma
    ("The 1-year OS, 2-year OS and median OS were 50%, 35% and 12 months, respectively.",
     [("OS_MEDIAN", 12.0, None), ("OS_RATE", 35.0, 24.0), ("OS_RATE", 50.0, 12.0)]),
    ("The 1-year OS, 2-year OS and 3-year OS were 50%, 35% and 20%, respectively.",
     [("OS_RATE", 20.0, 36.0), ("OS_RATE", 35.0, 24.0), ("OS_RATE", 50.0, 12.0)]),
    ("The 1-year EFS, 2-year OS and median OS were 40%, 35% and 12 months.",
     [("EFS_RATE", 40.0, 12.0), ("OS_MEDIAN", 12.0, None), ("OS_RATE", 35.0, 24.0)]),
    # (unchanged: two items, and a time point after its endpoint)
    ("The 1-year OS and 2-year OS were 50% and 35%, respectively.", [("OS_RATE", 35.0, 24.0), ("OS_RATE", 50.0, 12.0)]),
    ("The 1-year OS, 1-year EFS and median OS were 50%, 35% and 12 months, respectively.",
     [("EFS_RATE", 35.0, 12.0), ("OS_MEDIAN", 12.0, None), ("OS_RATE", 50.0, 12.0)]),
    ("OS at 1 year, EFS at 2 years and median OS were 50%, 35% and 12 months, respectively.",
     [("EFS_RATE", 35.0, 24.0), ("OS_MEDIAN", 12.0, None), ("OS_RATE", 50.0, 12.0)]),
])
def test_time_point_of_each_listed_item(nlp, text, timed):
    assert _timed(_run(nlp, COHORT + text)) == timed


@pytest.mark.parametrize("text, timed", [
    # a later clause naming the measure by its time point and a rate word goes on with the mention's endpoint
    ("The 6-month OS rate was 70% and the 12-month rate was 50%.", [("OS_RATE", 50.0, 12.0), ("OS_RATE", 70.0, 6.0)]),
    ("The 6-month OS rate was 70%, and the 12-month rate was 50%.", [("OS_RATE", 50.0, 12.0), ("OS_RATE", 70.0, 6.0)]),
    ("The 1-year OS was 50%; the 2-year rate was 30%.", [("OS_RATE", 30.0, 24.0), ("OS_RATE", 50.0, 12.0)]),
    ("The 6-month EFS was 70% and the 12-month estimate was 50%.",
     [("EFS_RATE", 50.0, 12.0), ("EFS_RATE", 70.0, 6.0)]),
    # (unchanged: a measure of its own after the time point is not the mention's)
    ("The 1-year OS was 50%, and the 2-year relapse rate was 30%.", [("OS_RATE", 50.0, 12.0)]),
    ("The 1-year OS was 50%, and the 2-year cumulative incidence of relapse was 30%.", [("OS_RATE", 50.0, 12.0)]),
    ("The CR rate was 60%, and the 12-month rate of relapse was 30%.", [("CR", 60.0, None)]),
    ("The 6-month OS rate was 70% and the rate at 12 months was 50%.", [("OS_RATE", 50.0, 12.0), ("OS_RATE", 70.0, 6.0)]),
])
def test_later_rate_named_by_its_time_point(nlp, text, timed):
    assert _timed(_run(nlp, COHORT + text)) == timed


@pytest.mark.parametrize("text, timed", [
    # a hyphenated duration right before "median" is the median's value, converted to months
    ("The regimen produced a 9.5-month median OS.", [("OS_MEDIAN", 9.5, None)]),
    ("With a 67.3-week median duration of remission, the regimen was active.", [("DOR_MEDIAN", 15.5, None)]),
    ("Responders had a 12-month median duration of response.", [("DOR_MEDIAN", 12.0, None)]),
    ("Patients had a 6-month median EFS and a 10-month median OS.", [("EFS_MEDIAN", 6.0, None), ("OS_MEDIAN", 10.0, None)]),
    # (unchanged: a follow-up's duration is no median of the endpoint after it, and a time point stays one)
    ("With a 24-month median follow-up, the median OS was 9.0 months.", [("OS_MEDIAN", 9.0, None)]),
    ("After a 24-month median follow-up, 2-year OS was 40%.", [("OS_RATE", 40.0, 24.0)]),
    ("The 2-year OS was 40%.", [("OS_RATE", 40.0, 24.0)]),
])
def test_hyphenated_duration_before_a_median(nlp, text, timed):
    assert _timed(_run(nlp, COHORT + text)) == timed


@pytest.mark.parametrize("text, comparisons", [
    # as many values as endpoints the ratio is for, zipped without "respectively"
    ("The HRs for OS and EFS were 0.71 and 0.55.", [("OS", "HR", 0.71, None), ("EFS", "HR", 0.55, None)]),
    ("The HRs for OS and EFS were 0.71 (95% CI, 0.55-0.93) and 0.55 (95% CI, 0.39-0.78).",
     [("OS", "HR", 0.71, [0.55, 0.93]), ("EFS", "HR", 0.55, [0.39, 0.78])]),
    ("Hazard ratios for OS and RFS were 0.62 (0.40-0.95) and 0.50 (0.30-0.83).",
     [("OS", "HR", 0.62, [0.4, 0.95]), ("RFS", "HR", 0.5, [0.3, 0.83])]),
    ("Hazard ratios for OS, EFS and RFS were 0.71, 0.55 and 0.60.",
     [("OS", "HR", 0.71, None), ("EFS", "HR", 0.55, None), ("RFS", "HR", 0.6, None)]),
    # the events the ratios are for, each after its own "for"
    ("HRs for death and for an event were 0.70 and 0.45.", [("OS", "HR", 0.7, None), ("EFS", "HR", 0.45, None)]),
    ("HRs for death and for relapse or death were 0.70 and 0.45, respectively.",
     [("OS", "HR", 0.7, None), ("RFS", "HR", 0.45, None)]),
    # (unchanged: one value for the list, a count after it, and a duration are no second ratio)
    ("The HR for OS and EFS was 0.71 (95% CI 0.55-0.93).", [("OS", "HR", 0.71, [0.55, 0.93])]),
    ("The HR for OS and EFS was 0.71 and 12 patients relapsed.", [("OS", "HR", 0.71, None)]),
    ("The hazard ratio for OS and EFS was 0.71 and 0.55 months.", [("OS", "HR", 0.71, None)]),
    ("The HRs for OS and EFS were 0.71 and 0.55, respectively.", [("OS", "HR", 0.71, None), ("EFS", "HR", 0.55, None)]),
])
def test_ratios_listed_for_endpoints(nlp, text, comparisons):
    assert _comparisons(_run(nlp, text)) == comparisons


@pytest.mark.parametrize("text, timed", [
    # a remission or response named by its kind, and the plural, are the duration of response
    ("The median duration of hematologic remission was 8 months.", [("DOR_MEDIAN", 8.0, None)]),
    ("The median duration of hematological remission was 8 months.", [("DOR_MEDIAN", 8.0, None)]),
    ("The median duration of complete hematologic remission was 8 months.", [("DOR_MEDIAN", 8.0, None)]),
    ("The median duration of morphologic remission was 8 months.", [("DOR_MEDIAN", 8.0, None)]),
    ("The median duration of the responses was 7.1 months.", [("DOR_MEDIAN", 7.1, None)]),
    ("The median duration of responses was 7.1 months.", [("DOR_MEDIAN", 7.1, None)]),
    # (not the first remission's duration, a baseline feature of relapse studies)
    ("The median duration of first remission was 14 months.", []),
])
def test_duration_of_remission_by_kind(nlp, text, timed):
    assert _timed(_run(nlp, COHORT + text)) == timed


def _armed(record: dict) -> list[tuple]:
    return sorted((o["endpoint"], o["value"], o["arm"]) for o in record["outcomes"])


@pytest.mark.parametrize("text, armed", [
    # the medians printed after a survival list's rates, in the list's order (both went to the last endpoint)
    ("OS and EFS at 1 year were 45% and 32%, with medians of 10.2 and 5.1 months.",
     [("EFS_MEDIAN", 5.1, "all"), ("EFS_RATE", 32.0, "all"), ("OS_MEDIAN", 10.2, "all"), ("OS_RATE", 45.0, "all")]),
    ("The 1-year OS and EFS were 45% and 32%, with respective medians of 10.2 and 5.1 months.",
     [("EFS_MEDIAN", 5.1, "all"), ("EFS_RATE", 32.0, "all"), ("OS_MEDIAN", 10.2, "all"), ("OS_RATE", 45.0, "all")]),
    ("The 1-year OS and EFS were 45% and 32%, and medians were 10.2 and 5.1 months.",
     [("EFS_MEDIAN", 5.1, "all"), ("EFS_RATE", 32.0, "all"), ("OS_MEDIAN", 10.2, "all"), ("OS_RATE", 45.0, "all")]),
    ("The 1-year OS and EFS were 45% and 32% (medians, 10.2 and 5.1 months).",
     [("EFS_MEDIAN", 5.1, "all"), ("EFS_RATE", 32.0, "all"), ("OS_MEDIAN", 10.2, "all"), ("OS_RATE", 45.0, "all")]),
    ("The 1-year OS and EFS were 45% and 32%, with medians of 10.2 months and not reached.",
     [("EFS_MEDIAN", None, "all"), ("EFS_RATE", 32.0, "all"), ("OS_MEDIAN", 10.2, "all"), ("OS_RATE", 45.0, "all")]),
    ("The 1-year OS and EFS were 45% and 32%, respectively, with medians of 10.2 and 5.1 months.",
     [("EFS_MEDIAN", 5.1, "all"), ("EFS_RATE", 32.0, "all"), ("OS_MEDIAN", 10.2, "all"), ("OS_RATE", 45.0, "all")]),
    ("The 1-year OS and EFS were 45% and 32%, respectively; medians were 10.2 and 5.1 months.",
     [("EFS_MEDIAN", 5.1, "all"), ("EFS_RATE", 32.0, "all"), ("OS_MEDIAN", 10.2, "all"), ("OS_RATE", 45.0, "all")]),
    # one rate and one median of one mention are one group's two measures (were group 1 and group 2)
    ("OS at 1 year was 45%, with a median of 10.2 months.", [("OS_MEDIAN", 10.2, "all"), ("OS_RATE", 45.0, "all")]),
    ("The 1-year OS was 45% and the median was 10.2 months.", [("OS_MEDIAN", 10.2, "all"), ("OS_RATE", 45.0, "all")]),
    # (unchanged: a median of its own after the rates)
    ("EFS at 6 months was 45%, with a median EFS of 4.5 months.",
     [("EFS_MEDIAN", 4.5, "all"), ("EFS_RATE", 45.0, "all")]),
])
def test_medians_after_a_rate_list(nlp, text, armed):
    assert _armed(_run(nlp, COHORT + text)) == armed


def _cis(record: dict) -> list[tuple]:
    return sorted((o["endpoint"], o["value"], tuple(o["ci95"] or ())) for o in record["outcomes"])


@pytest.mark.parametrize("text, cis", [
    # the CI level printed in the measure's name: the bare bracket around the value is its CI
    ("The median OS (95% CI) was 7.7 months (6.0-9.2).", [("OS_MEDIAN", 7.7, (6.0, 9.2))]),
    ("Median OS (95% CI), 7.7 (6.0-9.2) months.", [("OS_MEDIAN", 7.7, (6.0, 9.2))]),
    ("The 1-year OS (95% CI) was 52% (40-63).", [("OS_RATE", 52.0, (40.0, 63.0))]),
    # (unchanged: without the label a bare bracket after a median may be a range; a range label is no CI)
    ("The median OS was 7.7 months (6.0-9.2).", [("OS_MEDIAN", 7.7, ())]),
    ("The median OS (range) was 7.7 months (1.0-30.2).", [("OS_MEDIAN", 7.7, ())]),
])
def test_ci_level_in_the_measure_name(nlp, text, cis):
    assert _cis(_run(nlp, COHORT + text)) == cis


@pytest.mark.parametrize("text, comparisons", [
    # the unit a ratio is per stands between the measure and its value
    ("Age was associated with OS (HR per decade 1.2; 95% CI 1.05-1.4).", [("OS", "HR", 1.2, [1.05, 1.4])]),
    ("Age was associated with OS (HR per 10 years, 1.2; 95% CI 1.05-1.4).", [("OS", "HR", 1.2, [1.05, 1.4])]),
    ("Age was associated with OS (HR per year 1.02).", [("OS", "HR", 1.02, None)]),
    ("OS was worse with higher blast counts (HR per 10% increase, 1.10).", [("OS", "HR", 1.1, None)]),
])
def test_ratio_per_unit(nlp, text, comparisons):
    record = _run(nlp, COHORT + text)
    assert _comparisons(record) == comparisons
    assert record["outcomes"] == []  # the 10% a ratio is per is no survival rate


@pytest.mark.parametrize("text, timed", [
    # a time to an event owns its duration: no second survival median
    ("Median OS was 9 months; median time to CR was 1 month.", [("OS_MEDIAN", 9.0, None)]),
    ("Median OS was 9 months, and the median time to response was 28 days.", [("OS_MEDIAN", 9.0, None)]),
    ("The median OS was 9 months and median time to relapse 5 months.", [("OS_MEDIAN", 9.0, None)]),
    ("Median OS was 9 months; the median time to neutrophil recovery was 25 days.", [("OS_MEDIAN", 9.0, None)]),
    # (unchanged: the CR rate beside its time to CR)
    ("The CR rate was 50%, with a median time to CR of 1 month.", [("CR", 50.0, None)]),
    ("The median time to CR was 1 month and 40% achieved CR.", [("CR", 40.0, None)]),
])
def test_time_to_an_event_is_no_survival(nlp, text, timed):
    assert _timed(_run(nlp, COHORT + text)) == timed


@pytest.mark.parametrize("text, timed", [
    # the relapse incidence abbreviated or inverted owns its figure, in a list too
    ("The 2-year OS and CIR were 50% and 30%, respectively.", [("OS_RATE", 50.0, 24.0)]),
    ("The 2-year OS, CIR and NRM were 50%, 30% and 15%, respectively.", [("OS_RATE", 50.0, 24.0)]),
    ("The 2-year relapse incidence was 30% and OS was 50%.", [("OS_RATE", 50.0, 24.0)]),
    ("The 2-year OS and relapse incidence were 50% and 30%.", [("OS_RATE", 50.0, 24.0)]),
    # a share relapsing or dying after "with" is no second survival rate
    ("The 1-year OS was 60%, with 25% relapsing.", [("OS_RATE", 60.0, 12.0)]),
    # (unchanged: the spelled-out incidence and NRM)
    ("The 2-year OS was 50%, and the cumulative incidence of relapse was 30%.", [("OS_RATE", 50.0, 24.0)]),
    ("The 1-year OS was 60% and 1-year NRM 15%.", [("OS_RATE", 60.0, 12.0)]),
])
def test_relapse_incidence_owns_its_figure(nlp, text, timed):
    assert _timed(_run(nlp, COHORT + text)) == timed


@pytest.mark.parametrize("text, timed", [
    # unscored measures listed beside a survival rate own their figure
    ("The 1-year OS and the probability of relapse were 60% and 25%.", [("OS_RATE", 60.0, 12.0)]),
    ("The 1-year OS and the CI of relapse were 60% and 25%.", [("OS_RATE", 60.0, 12.0)]),
    ("The 2-year OS and MRD-free survival were 50% and 40%.", [("OS_RATE", 50.0, 24.0)]),
    ("The 1-year OS and CRS-free survival were 60% and 50%.", [("OS_RATE", 60.0, 12.0)]),
    ("The 2-year OS and GVHD-free survival were 50% and 40%.", [("OS_RATE", 50.0, 24.0)]),
    ("The 1-year OS and TTP were 60% and 25%.", [("OS_RATE", 60.0, 12.0)]),
    ("The 2-year OS and chronic GVHD rates were 50% and 20%.", [("OS_RATE", 50.0, 24.0)]),
    ("The 1-year OS was 60% and the cumulative incidence of grade II-IV acute GVHD was 30%.", [("OS_RATE", 60.0, 12.0)]),
    # (unchanged: a group at risk of relapse, and a group named by GVHD, still name groups)
    ("OS was 40% for patients at high risk of relapse and 60% for standard-risk patients.",
     [("OS_RATE", 40.0, None), ("OS_RATE", 60.0, None)]),
    ("OS was 60% in patients without GVHD and 30% in those with GVHD.", [("OS_RATE", 30.0, None), ("OS_RATE", 60.0, None)]),
])
def test_unscored_measures_beside_survival(nlp, text, timed):
    assert _timed(_run(nlp, COHORT + text)) == timed


def test_risk_of_relapse_or_death_is_rfs(nlp):
    record = _run(nlp, COHORT + "The risk of relapse or death was reduced (HR 0.45, 95% CI 0.25-0.81).")
    assert _comparisons(record) == [("RFS", "HR", 0.45, [0.25, 0.81])]
