"""Study classification, tenth round: a randomization named in the background is an earlier trial's, an
expanded-access study is not randomized even as "phase 3b", a review's quoted trials give it no design, lists of
induction failure with any relapse are the broad setting, "refractory to >=2 lines" is beyond first salvage, and
the title's "B-ALL including Ph-positive disease" names a part. Our own sentences, run end to end."""
from __future__ import annotations

import pytest

from phrasing_cases import DRUG_X_TITLE, population_of, run_text, run_sections as _structured


# --- a randomized trial of the background is an earlier one ---------------------------------------------------


@pytest.mark.parametrize("background", [
    "In the INO-VATE randomized trial, inotuzumab improved remission rates over chemotherapy.",
    "In a prior study, patients were randomly assigned to inotuzumab or standard chemotherapy.",
    "Blinatumomab prolonged survival in a randomised phase 3 comparison with chemotherapy.",
])
def test_randomization_in_background_is_another_trial(nlp, background):
    record = _structured(nlp, "Phase 2 trial of weekly inotuzumab in relapsed ALL",
                         ("BACKGROUND", background),
                         ("METHODS", "We conducted a phase 2 study of weekly inotuzumab in 40 adults with relapsed "
                                     "B-ALL."),
                         ("RESULTS", "CR was 58%."))
    assert record["design"] == {"phase": "2", "randomized": False}


@pytest.mark.parametrize("background", [
    "We therefore conducted a randomized trial of blinatumomab versus chemotherapy.",
    "The group designed a randomized study to determine whether blinatumomab improves survival.",
])
def test_own_randomized_trial_named_in_background_stays(nlp, background):
    record = _structured(nlp, "Blinatumomab versus chemotherapy in relapsed ALL",
                         ("BACKGROUND", background),
                         ("METHODS", "Adults with relapsed B-ALL received blinatumomab or chemotherapy."),
                         ("RESULTS", "Of 120 patients, CR was 44% versus 25%."))
    assert record["design"]["randomized"] is True


def test_randomization_in_methods_stays(nlp):
    record = _structured(nlp, "Two blinatumomab schedules in relapsed ALL",
                         ("BACKGROUND", "Blinatumomab is active in relapsed ALL."),
                         ("METHODS", "Adults with relapsed B-ALL were randomized 1:1 to continuous or intermittent "
                                     "blinatumomab."),
                         ("RESULTS", "Among 60 patients, CR was 40% and 43%."))
    assert record["design"]["randomized"] is True


# --- expanded access: one treatment for all ---------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "This was an expanded-access phase 3b study of blinatumomab in children with relapsed B-ALL. Of 110 children, "
    "CR was 59%.",
    "In this phase 3 expanded access study, adults with relapsed B-ALL received blinatumomab. Of 110 patients, CR "
    "was 40%.",
])
def test_expanded_access_phase_3_is_not_randomized(nlp, text):
    design = run_text(nlp, text, title=DRUG_X_TITLE)["design"]
    assert design == {"phase": "3", "randomized": False}


def test_phase_3_trial_is_still_randomized(nlp):
    text = "In this phase 3 trial, adults with relapsed B-ALL received blinatumomab or chemotherapy. Of 405 " \
           "patients, CR was 44% versus 25%."
    assert run_text(nlp, text, title=DRUG_X_TITLE)["design"]["randomized"] is True


# --- a review quotes trials: no design of its own ---------------------------------------------------------------


def test_review_has_no_design_of_its_own(nlp):
    record = _structured(nlp, "Novel immunotherapies for relapsed acute lymphoblastic leukemia: a review",
                         ("ABSTRACT", "This review summarizes randomized trials of inotuzumab and blinatumomab in "
                                      "relapsed ALL. In the phase 3 TOWER trial, CR was 44% with blinatumomab."))
    assert record["relevant"] is False
    assert record["design"] == {"phase": "unknown", "randomized": False}


def test_pooled_analysis_keeps_its_design(nlp):
    record = _structured(nlp, "Efficacy of CAR T cells in relapsed ALL: a systematic review and meta-analysis",
                         ("METHODS", "We searched databases for trials of CD19 CAR T cells in relapsed B-ALL; 25 "
                                     "studies were included."),
                         ("RESULTS", "The pooled CR rate was 80%."))
    assert record["relevant"] is True and record["design"]["phase"] == "pooled"


# --- induction failure listed with any relapse: the broad setting -------------------------------------------


@pytest.mark.parametrize("text", [
    "Adults with primary refractory or relapsed B-ALL received X. Of 40 patients, CR was 50%.",
    "Children with B-ALL with induction failure or relapse received X. Of 40 patients, CR was 50%.",
    "Adults with relapse or induction failure received X for B-ALL. Of 40 patients, CR was 50%.",
    "Adults with B-ALL who had primary induction failure or any relapse received X. Of 40 patients, CR was 50%.",
])
def test_induction_failure_or_relapse_is_relapsed_refractory(nlp, text):
    assert run_text(nlp, text, title=DRUG_X_TITLE)["setting"] == "relapsed/refractory"


@pytest.mark.parametrize("text", [
    "Adults with B-ALL with induction failure received X. Of 40 patients, CR was 50%.",
    "Adults with primary refractory B-ALL received X. Of 40 patients, CR was 50%.",
])
def test_induction_failure_alone_is_first_salvage(nlp, text):
    assert run_text(nlp, text, title=DRUG_X_TITLE)["setting"] == "first salvage"


@pytest.mark.parametrize("text", [
    "Adults with B-ALL refractory to ≥2 lines of therapy were enrolled. Of 40 patients, CR was 50%.",
    "Adults with B-ALL refractory to at least two prior lines of therapy were enrolled. Of 40 patients, CR was 50%.",
])
def test_refractory_to_two_lines_is_later_salvage(nlp, text):
    assert run_text(nlp, text, title=DRUG_X_TITLE)["setting"] == "second or later salvage"


# --- "B-ALL including Ph-positive disease": "ALL" is no "all" -----------------------------------------------


def test_title_including_ph_positive_names_a_part(nlp):
    text = "We treated 50 adults with relapsed B-ALL with CAR T cells; 12 had Ph-positive disease. CR was 80%."
    population = population_of(nlp, text, title="CAR T cells in relapsed B-ALL including Ph-positive disease")
    assert population["ph_status"] == "any"


def test_title_ph_positive_population_stays(nlp):
    text = "We treated 30 adults with relapsed ALL with ponatinib and blinatumomab. CR was 80%."
    population = population_of(nlp, text, title="Ponatinib and blinatumomab in relapsed Ph-positive ALL")
    assert population["ph_status"] == "positive"


# --- results set against other trials: their randomization is not this study's ----------------------------


def test_comparable_to_randomized_trials_is_another_study(nlp):
    text = "We treated 40 adults with relapsed B-ALL with CD19 CAR T cells. CR was 80%. Outcomes were comparable " \
           "to those reported in randomized trials of blinatumomab."
    assert run_text(nlp, text, title=DRUG_X_TITLE)["design"]["randomized"] is False


# --- Ph status with a split-off minus sign; both lineages spelled out -------------------------------------


@pytest.mark.parametrize("text, status", [
    ("Adults with relapsed Ph– B-ALL received X. Of 40 patients, CR was 50%.", "negative"),
    ("Adults with relapsed Ph–negative B-ALL received X. Of 40 patients, CR was 50%.", "negative"),
    ("Adults with relapsed Ph+ B-ALL received X. Of 40 patients, CR was 50%.", "positive"),
])
def test_ph_sign_after_abbreviation(nlp, text, status):
    assert population_of(nlp, text)["ph_status"] == status


@pytest.mark.parametrize("text", [
    "Children with relapsed B-cell or T-cell ALL received X. Of 40 patients, CR was 50%.",
    "Children with relapsed ALL of B or T lineage received X. Of 40 patients, CR was 50%.",
])
def test_both_lineages_spelled_out_are_any(nlp, text):
    assert population_of(nlp, text)["lineage"] == "any"


@pytest.mark.parametrize("text, lineage", [
    ("Children with relapsed T-cell ALL received X. B-cell and T-cell counts recovered by day 60. CR was 50%.",
     "T"),
    ("Children with relapsed T-cell ALL received X. Of 40 patients, CR was 50%.", "T"),
])
def test_one_lineage_with_cell_counts_stays(nlp, text, lineage):
    assert population_of(nlp, text)["lineage"] == lineage


# --- an older group among adults: a subgroup, not the cohort -------------------------------------------------


@pytest.mark.parametrize("text", [
    "Patients with relapsed B-ALL received X. Patients older than 70 years did worse. Of 40 patients, median age "
    "45, CR was 50%.",
    "Adult patients (≥18 years) with relapsed or refractory B-ALL were eligible. Of 40 patients, CR was 50%. "
    "Patients aged 55 years or older had a CR rate of 40%.",
])
def test_older_subgroup_of_adult_cohort(nlp, text):
    assert population_of(nlp, text)["age_group"] == "adult"


@pytest.mark.parametrize("text", [
    "Patients aged 60 years or older with relapsed B-ALL received X. Of 40 patients, median age 68 years, CR was 50%.",
    "Elderly patients (≥ 65 years) with relapsed or refractory B-ALL received X. Of 40 patients, CR was 50%.",
])
def test_older_adult_cohort_stays(nlp, text):
    assert population_of(nlp, text)["age_group"] == "older adult"


# --- an unlabelled abstract's randomized trial before the study's own phase: the one that led to it -------


def test_randomized_trial_before_own_phase_is_another(nlp):
    text = "Inotuzumab produced higher remission rates than chemotherapy in a randomized trial. We conducted a " \
           "phase 2 study of a lower-dose schedule in 40 adults with relapsed B-ALL. CR was 58%."
    assert run_text(nlp, text, title=DRUG_X_TITLE)["design"] == {"phase": "2", "randomized": False}


@pytest.mark.parametrize("text", [
    "In this randomized phase 2 trial, adults with relapsed B-ALL were assigned 1:1 to X or Y. Of 80 patients, CR "
    "was 50% versus 30%.",
    "We conducted a phase 2 study in adults with relapsed B-ALL. Patients were randomized 1:1 to X or Y. Of 80 "
    "patients, CR was 50% versus 30%.",
])
def test_own_randomization_stays(nlp, text):
    assert run_text(nlp, text, title=DRUG_X_TITLE)["design"]["randomized"] is True
