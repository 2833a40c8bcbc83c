"""More recurring phrasings of the study scalars and of doses, in our own words, run end to end: randomised arms
listed with their N and no detected arms, a CAR T product named before a dose whose unit names its cells, and the
cumulative dose patients received (an exposure, not the regimen's dose)."""
from __future__ import annotations

import pytest

from phrasing_cases import run_text as _run, dose_quads as _doses


@pytest.mark.parametrize("text, size", [
    # the arms' names are not drugs the arm detector knows: the total of their N is the cohort (SCHEMA)
    ("Patients were randomized 2:1 to receive the study drug (n = 271) or standard of care (n = 134).", 405),
    ("Participants were randomised to the experimental group (n = 60) or the control group (n = 62).", 122),
    ("Patients were randomized to intensive (n = 100) or standard (n = 102) consolidation.", 202),
    ("We randomized patients to early (n = 45) versus delayed (n = 44) transplantation.", 89),
    ("Patients were randomly assigned to XYZ-123 (n = 50), XYZ-456 (n = 51) or placebo (n = 48).", 149),
    # a later number of the sentence does not hide the arms' total
    ("Patients were randomized to drug X (n = 30) or drug Y (n = 29); the median age was 50 years.", 59),
])
def test_phrasings_randomized_arms_total(nlp, text, size):
    assert _run(nlp, text)["cohort_size"] == size


@pytest.mark.parametrize("text", [
    # groups that are not the randomised arms, or counts not in their own brackets: no sum
    "Patients were randomized; strata were age below 35 years (n = 100; older, n = 305).",
    "Patients randomized to blinatumomab (n = 27) had a higher CR rate than those who received the standard "
    "regimen (n = 13).",
    "After randomization, patients with Ph-positive (n = 20) and Ph-negative (n = 40) disease were analyzed.",
])
def test_phrasings_randomized_groups_not_summed(nlp, text):
    assert _run(nlp, text)["cohort_size"] is None


@pytest.mark.parametrize("text, dose", [
    # the unit names the cells by their target; the dose is the named product's
    ("The target dose of obe-cel was 410 × 10^6 CD19 CAR T cells.",
     ("obecabtagene autoleucel", 410000000, None, "cells")),
    ("Obe-cel (target dose 410 × 10^6 CD19 CAR T cells) was given as a split dose.",
     ("obecabtagene autoleucel", 410000000, None, "cells")),
    ("Brexu-cel was given at 1 × 10^6 anti-CD19 CAR T cells/kg.",
     ("brexucabtagene autoleucel", 1000000, None, "cells/kg")),
    # an earlier product, or a drug of the lymphodepletion, is not the product dosed
    ("Patients who relapsed after tisagenlecleucel received 1 × 10^6 CD22-CAR T cells/kg.",
     ("cd22-car t cells", 1000000, None, "cells/kg")),
    ("After lymphodepletion with fludarabine and cyclophosphamide, patients received 1 × 10^6 CD19 CAR T cells/kg.",
     ("cd19-car t cells", 1000000, None, "cells/kg")),
])
def test_phrasings_named_cell_product_dose(nlp, text, dose):
    assert _doses(_run(nlp, text)) == [dose]


@pytest.mark.parametrize("text, doses", [
    # what patients received over the treatment is an exposure, not the regimen's dose
    ("The median cumulative dose of inotuzumab was 4.5 mg/m2 (range, 0.8-9.4).", []),
    ("The median cumulative inotuzumab dose was 4.5 mg/m2.", []),
    ("Patients received a median of 3 cycles of inotuzumab (median total dose, 5.4 mg/m2).", []),
    ("Inotuzumab was given at 1.8 mg/m2 per cycle; the median cumulative dose was 4.1 mg/m2.",
     [("inotuzumab ozogamicin", 1.8, None, "mg/m2")]),
    # a total per cycle is the regimen's dose; "cumulative" about something else does not matter
    ("Inotuzumab was given at a total dose of 1.8 mg/m2 per cycle.", [("inotuzumab ozogamicin", 1.8, None, "mg/m2")]),
    ("Despite cumulative toxicity, inotuzumab was given at 1.8 mg/m2 per cycle.",
     [("inotuzumab ozogamicin", 1.8, None, "mg/m2")]),
])
def test_phrasings_cumulative_dose_is_not_a_dose(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, size", [
    # the N bracketed after the disease the population noun has
    ("Patients with relapsed ALL (n = 87) were treated with venetoclax and navitoclax.", 87),
    ("Adults with Ph-negative ALL in first salvage (n = 48) received inotuzumab.", 48),
    ("Patients with CD22-positive relapsed disease (n = 40) were enrolled.", 40),
    # a retrospective series introducing its patients
    ("We conducted a retrospective analysis of 102 patients with relapsed ALL.", 102),
    ("This retrospective study of 45 adults treated at relapse found no benefit.", 45),
])
def test_phrasings_cohort_introduced(nlp, text, size):
    assert _run(nlp, text)["cohort_size"] == size


@pytest.mark.parametrize("text", [
    # two groups with their N, or a number inside the disease's name: not the cohort
    "Patients with Ph-positive ALL (n = 20) and Ph-negative ALL (n = 40) were treated.",
    "Patients with more than 2 prior lines (n = 12) received inotuzumab.",
])
def test_phrasings_cohort_bracket_not_read(nlp, text):
    assert _run(nlp, text)["cohort_size"] is None


@pytest.mark.parametrize("text, months", [
    # the statistic in a bracket before the measure, the unit after the range
    ("Median (range) follow-up: 22 (3-48) months.", 22),
    ("Median (IQR) follow-up was 2 (1-3) years.", 24),
])
def test_phrasings_follow_up_statistic_in_bracket(nlp, text, months):
    assert _run(nlp, text)["median_follow_up_months"] == months


@pytest.mark.parametrize("text", [
    # an age per moment: which one is the study's is not in the text
    "Median age at diagnosis was 29 years and at relapse 31 years.",
])
def test_phrasings_median_age_per_moment_is_none(nlp, text):
    assert _run(nlp, text)["median_age_years"] is None


def test_phrasings_follow_up_then_time_point_keeps_follow_up(nlp):
    assert _run(nlp, "Median follow-up was 24 months and at 2 years the OS was 50%.")["median_follow_up_months"] == 24


@pytest.mark.parametrize("text, size", [
    # a sentence opening with this study's own population (conclusions often restate it so)
    ("In this study of 48 patients, inotuzumab produced high remission rates.", 48),
    ("In our series of 37 patients, blinatumomab was well tolerated.", 37),
    ("This phase 2 trial of 65 adults showed activity in first salvage.", 65),
])
def test_phrasings_cohort_of_own_study(nlp, text, size):
    assert _run(nlp, text)["cohort_size"] == size


def test_phrasings_cohort_of_another_trial_is_none(nlp):
    assert _run(nlp, "In the phase 3 trial of 326 patients, inotuzumab improved survival.")["cohort_size"] is None


@pytest.mark.parametrize("text, months", [
    # the median named after the measure, or in the bracket of the last follow-up
    ("Follow-up was a median of 30 months.", 30),
    ("After a follow-up of median 18 months, 10 patients remained in remission.", 18),
    ("At last follow-up (median, 26 months), 14 patients were alive.", 26),
])
def test_phrasings_follow_up_median_after_measure(nlp, text, months):
    assert _run(nlp, text)["median_follow_up_months"] == months


def test_phrasings_last_follow_up_endpoint_is_not_follow_up(nlp):
    assert _run(nlp, "At last follow-up (median OS, 12 months), 14 patients were alive.")[
        "median_follow_up_months"] is None


def test_phrasings_follow_up_in_abbreviated_years(nlp):
    assert _run(nlp, "Median follow-up: 2.5 y.")["median_follow_up_months"] == 30
