"""Recurring phrasings of survival outcomes and hazard ratios, written in our own words, run end to end (fifteenth
round): four time points sharing one unit ("The 1-, 2-, 3- and 5-year OS", "OS at 1, 2, 3 and 5 years": the first
numbers were read as medians in years, or the values given to groups); three time points led by a number word
("One-, 2- and 3-year OS"); a list of a measure's values ended by a passive or a judgement ("1- and 2-year OS of 60%
and 45% were observed": the last value was taken for people who were something); an adjective of a survival alone,
its noun elided ("leukemia-free and overall survival rates", "progression-free and overall survival": both values
went to OS); a median "estimated at" its duration ("Median OS was estimated at 7.7 months": read as a time point,
no value).

Each case is a way results are commonly written that an earlier version got wrong (a missed value, a wrong time point
or endpoint); the negative cases pin what a fix must not reach.
"""
from __future__ import annotations

import pytest

from phrasing_cases import run_text as _run, outcome_timepoints as _timed, outcome_triples as _triples

COHORT = "Forty patients were enrolled. "


@pytest.mark.parametrize("text, timed", [
    # four time points sharing one unit, each value in turn
    ("The 1-, 2-, 3- and 5-year OS were 60%, 45%, 40% and 30%, respectively.",
     [("OS_RATE", 30.0, 60.0), ("OS_RATE", 40.0, 36.0), ("OS_RATE", 45.0, 24.0), ("OS_RATE", 60.0, 12.0)]),
    ("The 6-, 12-, 18-, and 24-month EFS rates were 70%, 55%, 45% and 40%.",
     [("EFS_RATE", 40.0, 24.0), ("EFS_RATE", 45.0, 18.0), ("EFS_RATE", 55.0, 12.0), ("EFS_RATE", 70.0, 6.0)]),
    ("OS at 1, 2, 3 and 5 years was 60%, 45%, 40% and 30%, respectively.",
     [("OS_RATE", 30.0, 60.0), ("OS_RATE", 40.0, 36.0), ("OS_RATE", 45.0, 24.0), ("OS_RATE", 60.0, 12.0)]),
    ("Overall survival at 3, 6, 12, and 24 months was 90%, 75%, 60% and 45%.",
     [("OS_RATE", 45.0, 24.0), ("OS_RATE", 60.0, 12.0), ("OS_RATE", 75.0, 6.0), ("OS_RATE", 90.0, 3.0)]),
    # three time points led by a number word, which keeps its hyphen as one token
    ("One-, 2- and 3-year OS were 60%, 45% and 40%.",
     [("OS_RATE", 40.0, 36.0), ("OS_RATE", 45.0, 24.0), ("OS_RATE", 60.0, 12.0)]),
    ("One-, 2-, and 3-year EFS rates were 50%, 35%, and 30%, respectively.",
     [("EFS_RATE", 30.0, 36.0), ("EFS_RATE", 35.0, 24.0), ("EFS_RATE", 50.0, 12.0)]),
    ("The one-, two- and three-year OS rates were 60%, 45% and 40%.",
     [("OS_RATE", 40.0, 36.0), ("OS_RATE", 45.0, 24.0), ("OS_RATE", 60.0, 12.0)]),
    # (unchanged: three numeric time points, two number words, one time point)
    ("The 1-, 2- and 3-year OS were 60%, 45% and 40%, respectively.",
     [("OS_RATE", 40.0, 36.0), ("OS_RATE", 45.0, 24.0), ("OS_RATE", 60.0, 12.0)]),
    ("One- and two-year OS rates were 60% and 45%.", [("OS_RATE", 45.0, 24.0), ("OS_RATE", 60.0, 12.0)]),
    ("The 2-year OS was 45%.", [("OS_RATE", 45.0, 24.0)]),
])
def test_time_point_lists(nlp, text, timed):
    assert _timed(_run(nlp, COHORT + text)) == timed


@pytest.mark.parametrize("text, timed", [
    # the values of a list ended by a passive or a judgement are the measure's, each with its time point
    ("The 1- and 2-year OS of 60% and 45% were observed.", [("OS_RATE", 45.0, 24.0), ("OS_RATE", 60.0, 12.0)]),
    ("1- and 2-year OS of 60% and 45% were achieved.", [("OS_RATE", 45.0, 24.0), ("OS_RATE", 60.0, 12.0)]),
    ("The 1-, 2- and 3-year OS of 60%, 45% and 40% were encouraging.",
     [("OS_RATE", 40.0, 36.0), ("OS_RATE", 45.0, 24.0), ("OS_RATE", 60.0, 12.0)]),
    ("One-, 2- and 3-year OS of 60%, 45% and 40% were observed.",
     [("OS_RATE", 40.0, 36.0), ("OS_RATE", 45.0, 24.0), ("OS_RATE", 60.0, 12.0)]),
    # (unchanged: a share that is a clause's subject, and "observed to" with a measure after it)
    ("The 1-year OS was 60%, and 30% were alive at 2 years.", [("OS_RATE", 30.0, 24.0), ("OS_RATE", 60.0, 12.0)]),
    ("The CR rate was 60%, and 30% were MRD-negative.", [("CR", 60.0, None), ("MRD_NEG", 30.0, None)]),
    ("Grade 3 CRS occurred in 10%, and 5% were observed to have seizures.", [("CRS", 10.0, None)]),
])
def test_values_listed_before_a_passive(nlp, text, timed):
    assert _timed(_run(nlp, COHORT + text)) == timed


@pytest.mark.parametrize("text, triples", [
    # the first of two joined survival adjectives names its own endpoint, its noun elided
    ("The 3-year leukemia-free and overall survival rates were 40% and 45%.",
     [("all", "OS_RATE", 45.0), ("all", "RFS_RATE", 40.0)]),
    ("The 3-year leukaemia-free and overall survival were 40% and 45%, respectively.",
     [("all", "OS_RATE", 45.0), ("all", "RFS_RATE", 40.0)]),
    ("The 2-year progression-free and overall survival rates were 30% and 45%.",
     [("all", "OS_RATE", 45.0), ("all", "PFS_RATE", 30.0)]),
    ("At 1 year, 45% of responders remained leukemia-free.", [("responders", "RFS_RATE", 45.0)]),
    # (unchanged: alive and leukemia-free is no scored survival; the spelled-out endpoints)
    ("At 1 year, 55% of patients were alive and leukemia-free.", []),
    ("The 2-year leukemia-free survival was 40%.", [("all", "RFS_RATE", 40.0)]),
    ("The 3-year disease-free and overall survival rates were 40% and 45%.",
     [("all", "OS_RATE", 45.0), ("all", "RFS_RATE", 40.0)]),
])
def test_elided_survival_adjective(nlp, text, triples):
    assert _triples(_run(nlp, COHORT + text)) == triples


@pytest.mark.parametrize("text, timed", [
    # a median "estimated at" its duration: the value, not a time point
    ("Median OS was estimated at 7.7 months.", [("OS_MEDIAN", 7.7, None)]),
    ("The median EFS was calculated at 4.0 months.", [("EFS_MEDIAN", 4.0, None)]),
    ("The median OS was estimated at 1.5 years.", [("OS_MEDIAN", 18.0, None)]),
    # (unchanged: a rate estimated at its percentage, a time point after "estimated" that is one)
    ("OS at 12 months was estimated at 50%.", [("OS_RATE", 50.0, 12.0)]),
    ("The 2-year OS was estimated at 45%.", [("OS_RATE", 45.0, 24.0)]),
    ("OS, estimated at 2 years, was 45%.", [("OS_RATE", 45.0, 24.0)]),
])
def test_median_estimated_at(nlp, text, timed):
    assert _timed(_run(nlp, COHORT + text)) == timed


def _outcome_cis(record: dict) -> list[tuple]:
    return sorted((o["endpoint"], o["value"], o["ci95"]) for o in record["outcomes"])


def _comparisons(record: dict) -> list[tuple]:
    return [(c["endpoint"], c["measure"], c["value"], c["ci95"]) for c in record["comparisons"]]


@pytest.mark.parametrize("text, cis", [
    # a CI label dotted ("C.I.", which no longer ends the sentence) or with its level after it ("CI 95%")
    ("Median OS was 7.7 months (95% C.I. 6.0-9.2).", [("OS_MEDIAN", 7.7, [6.0, 9.2])]),
    ("Median OS was 7.7 months (CI 95% 6.0-9.2).", [("OS_MEDIAN", 7.7, [6.0, 9.2])]),
    ("The 1-year OS was 45% (CI 95%: 33-57).", [("OS_RATE", 45.0, [33.0, 57.0])]),
    ("The 1-year OS was 45%, CI 95% 33-57.", [("OS_RATE", 45.0, [33.0, 57.0])]),
    ("The CR rate was 80.7% (95% C.I., 72.1-87.7) versus 29.4% (21.0-38.8).",
     [("CR", 29.4, [21.0, 38.8]), ("CR", 80.7, [72.1, 87.7])]),
    # (unchanged: the usual label; a range is no CI)
    ("Median OS was 7.7 months (95% CI, 6.0-9.2).", [("OS_MEDIAN", 7.7, [6.0, 9.2])]),
    ("Median OS was 7.7 months (range, 0.5-30.2).", [("OS_MEDIAN", 7.7, None)]),
])
def test_ci_label_variants_of_outcomes(nlp, text, cis):
    assert _outcome_cis(_run(nlp, COHORT + text)) == cis


@pytest.mark.parametrize("text, comparisons", [
    ("OS was longer with inotuzumab (HR 0.75, 95% C.I. 0.57-0.99).", [("OS", "HR", 0.75, [0.57, 0.99])]),
    ("OS was longer with inotuzumab (HR=0.75; CI 95% 0.57-0.99).", [("OS", "HR", 0.75, [0.57, 0.99])]),
    ("In multivariable analysis, age predicted CR (OR 1.03; C.I. 95% 1.01-1.05).", [("CR", "OR", 1.03, [1.01, 1.05])]),
    ("In multivariable analysis, age predicted CR (OR 1.03; CI 95% 1.01-1.05).", [("CR", "OR", 1.03, [1.01, 1.05])]),
    # (another level is no 95% CI; the usual label unchanged)
    ("OS was longer with inotuzumab (HR 0.75; CI 97.5% 0.57-0.99).", [("OS", "HR", 0.75, None)]),
    ("OS was longer with inotuzumab (HR 0.75; 95% CI, 0.57-0.99).", [("OS", "HR", 0.75, [0.57, 0.99])]),
])
def test_ci_label_variants_of_ratios(nlp, text, comparisons):
    record = _run(nlp, COHORT + text)
    assert _comparisons(record) == comparisons
    assert not any(o["value"] in (95.0, 97.5) for o in record["outcomes"])  # the level is no rate


@pytest.mark.parametrize("text, timed", [
    # overall survival said with its verb and "a median of", as "Responses lasted a median of"
    ("Patients survived a median of 7.7 months.", [("OS_MEDIAN", 7.7, None)]),
    ("Patients survived for a median of 7.7 months (range, 1-30).", [("OS_MEDIAN", 7.7, None)]),
    ("Patients who relapsed after HSCT lived a median of 5 months.", [("OS_MEDIAN", 5.0, None)]),
    # (a patient's course is no median; a response's duration stays one)
    ("Two patients survived more than 2 years.", []),
    ("One patient survived 30 months.", []),
    ("Responses lasted a median of 9.4 months.", [("DOR_MEDIAN", 9.4, None)]),
])
def test_survived_a_median_of(nlp, text, timed):
    assert _timed(_run(nlp, COHORT + text)) == timed


@pytest.mark.parametrize("text, timed", [
    # a time point's unit abbreviated without a hyphen, or plural after one
    ("The 1 yr OS was 50%.", [("OS_RATE", 50.0, 12.0)]),
    ("The 5 yr EFS was 30%.", [("EFS_RATE", 30.0, 60.0)]),
    ("The 12 mo OS was 55%.", [("OS_RATE", 55.0, 12.0)]),
    ("OS at 5-years was 30%.", [("OS_RATE", 30.0, 60.0)]),
    ("The median OS was 12 months, and 20% of patients were alive at 3-years.",
     [("OS_MEDIAN", 12.0, None), ("OS_RATE", 20.0, 36.0)]),
    ("The 5-years overall survival was 30%.", [("OS_RATE", 30.0, 60.0)]),
    ("The 3-years EFS was 30% and OS 35%.", [("EFS_RATE", 30.0, 36.0), ("OS_RATE", 35.0, 36.0)]),
    # a survival's landmark on a day number, in months (days / 30.4375)
    ("OS at day 100 was 85%.", [("OS_RATE", 85.0, 3.3)]),
    ("Overall survival at day +100 was 85%.", [("OS_RATE", 85.0, 3.3)]),
    ("The OS at day 180 was 70% (95% CI, 58-80).", [("OS_RATE", 70.0, 5.9)]),
    # (unchanged: a day number alone is an early death's window; hyphenated and spelled forms)
    ("Early death by day 28 occurred in 5%.", [("EARLY_DEATH", 5.0, 0.9)]),
    ("The 5-yr OS was 30%.", [("OS_RATE", 30.0, 60.0)]),
    ("The 3 year overall survival was 30%.", [("OS_RATE", 30.0, 36.0)]),
    ("The median OS was 24 months.", [("OS_MEDIAN", 24.0, None)]),
])
def test_time_point_unit_forms(nlp, text, timed):
    assert _timed(_run(nlp, COHORT + text)) == timed


@pytest.mark.parametrize("text, comparisons", [
    # a plain list of ratios after the first, when the measure is plural or "respectively"/"for" follows the list
    ("The HR was 0.60 and 0.45 for OS and EFS, respectively.", [("OS", "HR", 0.6, None), ("EFS", "HR", 0.45, None)]),
    ("Hazard ratios were 0.5, 0.6 and 0.7 for OS, EFS and RFS, respectively.",
     [("OS", "HR", 0.5, None), ("EFS", "HR", 0.6, None), ("RFS", "HR", 0.7, None)]),
    ("OS and EFS were longer with blinatumomab (HR, 0.60 and 0.45, respectively).",
     [("OS", "HR", 0.6, None), ("EFS", "HR", 0.45, None)]),
    ("Inotuzumab improved OS (hazard ratios 0.77 and 0.65 in the two cohorts).",
     [("OS", "HR", 0.77, None), ("OS", "HR", 0.65, None)]),
    ("The HRs were 0.77 and 0.45 in younger and older patients.", [(None, "HR", 0.77, None), (None, "HR", 0.45, None)]),
    # a list of bracketed ratios with "respectively" goes with the endpoints named before, in order
    ("OS and EFS favoured blinatumomab (HR 0.60 [95% CI 0.45-0.80] and 0.45 [95% CI 0.30-0.68], respectively).",
     [("OS", "HR", 0.6, [0.45, 0.8]), ("EFS", "HR", 0.45, [0.3, 0.68])]),
    # (unchanged: an unlabelled range after a single ratio, a p-value, a count of patients, a median after "and")
    ("OS was longer with inotuzumab (HR 0.5, 0.3-0.8).", [("OS", "HR", 0.5, None)]),
    ("OS was longer with inotuzumab (HR 0.60 and P = .04).", [("OS", "HR", 0.6, None)]),
    ("OS was longer with inotuzumab (HR 1.5) and 2 patients died.", [("OS", "HR", 1.5, None)]),
    ("The HR for OS was 0.60 and the median OS was 7.7 months.", [("OS", "HR", 0.6, None)]),
    ("HRs for OS and EFS were 0.60 and 0.45, respectively.", [("OS", "HR", 0.6, None), ("EFS", "HR", 0.45, None)]),
    ("Age and MRD predicted OS (HRs 1.5 and 2.5, respectively).", [("OS", "HR", 1.5, None), ("OS", "HR", 2.5, None)]),
])
def test_plain_lists_of_ratios(nlp, text, comparisons):
    assert _comparisons(_run(nlp, COHORT + text)) == comparisons


def test_high_risk_group_is_no_ratio(nlp):
    # "HR" abbreviating high risk before "were" and a count is no hazard ratio (only a plural "HRs were" opens one)
    assert _run(nlp, COHORT + "Patients classified as HR were 20 (35%).")["comparisons"] == []


@pytest.mark.parametrize("text, timed", [
    # one duration printed in two units is one median, the months kept (it gave a second median, a group "221 days")
    ("Median OS was 221 days (7.3 months).", [("OS_MEDIAN", 7.3, None)]),
    ("Median OS was 32 weeks (7.4 months).", [("OS_MEDIAN", 7.4, None)]),
    ("The median OS was 7.4 months (32 weeks).", [("OS_MEDIAN", 7.4, None)]),
    ("Median OS was 1.2 years (14 months).", [("OS_MEDIAN", 14.0, None)]),
    ("Median EFS was 4.1 months (18 weeks) and median OS 7.7 months (33 weeks).",
     [("EFS_MEDIAN", 4.1, None), ("OS_MEDIAN", 7.7, None)]),
    # (unchanged: another duration in the bracket, a range, a CI in the same unit)
    ("The median OS was 9.5 months (7.3 months in the control arm).",
     [("OS_MEDIAN", 7.3, None), ("OS_MEDIAN", 9.5, None)]),
    ("The median OS was 9.5 months (range, 1-30 months).", [("OS_MEDIAN", 9.5, None)]),
    ("The median OS was 32 weeks (95% CI, 20-44 weeks).", [("OS_MEDIAN", 7.4, None)]),
])
def test_duration_restated_in_another_unit(nlp, text, timed):
    record = _run(nlp, COHORT + text)
    assert _timed(record) == timed
    assert all(not o["arm"][:1].isdigit() for o in record["outcomes"])  # no group named by the other printing


@pytest.mark.parametrize("text", [
    # a marrow's state at a response assessment is no relapse-free survival (the bare adjective is an RFS rule)
    "A leukemia-free marrow was seen in 60% of patients.",
    "On day 28, the marrow was leukemia-free in 60% of patients.",
    "A disease-free marrow was seen in 60% of patients.",
    "On day 28, the marrow was leukaemia-free in 60% of patients.",
    # the response category "morphologic leukemia-free state" (MLFS) neither
    "The CR rate was 40%; a further 5 (10%) had a morphologic leukemia-free state.",
    "Two patients (4%) achieved a morphologic leukaemia-free state.",
    "Two patients (4%) achieved MLFS.",
])
def test_leukemia_free_marrow_is_no_survival(nlp, text):
    assert not any(o["endpoint"].startswith("RFS") for o in _run(nlp, COHORT + text)["outcomes"])
