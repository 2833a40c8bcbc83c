"""Study classification, third round: exclusions, trials in progress, MRD-positive remission titles, ages from
ranges, Burkitt leukemia. Our own sentences, run end to end."""
from __future__ import annotations

import pytest

from phrasing_cases import DRUG_X_TITLE, population_of as _population, run_text

TITLE = DRUG_X_TITLE


# --- an excluded Ph status names the other one ---------------------------------------------------------------


@pytest.mark.parametrize("text, ph_status", [
    ("We reviewed 41 adults with relapsed B-ALL who received blinatumomab. Patients with Ph-positive ALL were not "
     "studied. CR was 46%.", "negative"),
    ("We treated 25 adults with relapsed B-ALL. Ph-positive patients were not included. CR was 80%.", "negative"),
    ("Exclusion criteria were Ph-positive ALL and active CNS disease. We enrolled 40 adults with relapsed ALL. "
     "CR was 50%.", "negative"),
    ("Eligible patients had relapsed B-ALL without the Philadelphia chromosome. Fifty adults were treated. CR was "
     "41%.", "negative"),
    ("Adults with relapsed ALL without a BCR-ABL1 fusion were treated. CR was 50%.", "negative"),
    # the whole cohort counted is no part of it
    ("All 30 patients had Ph-positive ALL. CR was 70%.", "positive"),
    # a count that had the status is still a part
    ("We treated 40 adults with relapsed ALL; 12 patients had Ph-positive ALL. CR was 50%.", "any"),
    # exclusion criteria without a status exclude none
    ("We reviewed 40 adults with relapsed ALL. Exclusion criteria were active infection and CNS disease. CR was "
     "50%.", "unknown"),
])
def test_excluded_ph_status(nlp, text, ph_status):
    assert _population(nlp, text)["ph_status"] == ph_status


def test_exclusion_in_another_clause_does_not_flip_the_lineage(nlp):
    text = ("We infused 30 adults with relapsed B-ALL; patients with Ph-positive ALL were not included in this "
            "analysis. CR was 80%.")
    population = _population(nlp, text)
    assert (population["lineage"], population["ph_status"]) == ("B", "negative")


# --- an excluded age bound or age group names the other one --------------------------------------------------


@pytest.mark.parametrize("text, age_group", [
    ("Patients younger than 18 years were excluded. We treated 40 patients with relapsed B-ALL. CR was 60%.",
     "adult"),
    ("Patients under 18 years of age were excluded. Fifty patients with relapsed B-ALL received blinatumomab. CR "
     "was 40%.", "adult"),
    ("Patients aged less than 18 years were not eligible. We treated 30 patients with relapsed ALL. CR was 40%.",
     "adult"),
    ("Patients older than 21 years were excluded. We infused 30 patients with relapsed B-ALL. CR was 85%.",
     "pediatric"),
    ("Children were excluded from this analysis. We reviewed 90 patients with relapsed ALL. Median OS was 6 "
     "months.", "adult"),
    ("Adults were excluded. We reviewed 90 patients with relapsed ALL. Median OS was 16 months.", "pediatric"),
    # a narrower group excluded from a pediatric study
    ("Infants were excluded. We reviewed 100 children with relapsed ALL. Five-year OS was 50%.", "pediatric"),
    ("Children younger than 1 year were excluded. We reviewed 100 patients with relapsed ALL aged 1 to 18 years. "
     "Five-year OS was 50%.", "pediatric"),
    # an exclusion of something else in the sentence excludes no age
    ("Patients 18 years or older were eligible; those with CNS disease were excluded. Forty were treated. CR was "
     "40%.", "adult"),
])
def test_excluded_age(nlp, text, age_group):
    assert _population(nlp, text)["age_group"] == age_group


@pytest.mark.parametrize("text, age_group", [
    ("Eligible patients were at least 18 years old. We enrolled 35 patients with relapsed Ph+ ALL. CR was 60%.",
     "adult"),
    # a pediatric median whose range reaches adults: children and young adults
    ("Fifty patients were treated; the median age was 12 years (range, 1-24). CR was 90%.", "mixed"),
    ("The median age was 8 years (range, 0.4-17.9). Sixty patients were treated. CR was 45%.", "pediatric"),
    ("The median age was 11 years (range, 3 to 20). CR was 85%.", "pediatric"),
])
def test_age_from_bound_or_median_range(nlp, text, age_group):
    assert _population(nlp, text, title="CAR T cells in relapsed B-ALL")["age_group"] == age_group


def test_cd22_positive_relapsed_all_is_b_lineage(nlp):
    text = "Eligible patients had CD22-positive relapsed ALL. We treated 40 adults. CR was 70%."
    assert _population(nlp, text)["lineage"] == "B"


# --- a trial in progress reports no outcomes yet ----------------------------------------------------------------


@pytest.mark.parametrize("title, text", [
    ("Trial in progress: a phase 3 study of inotuzumab in relapsed ALL",
     "This phase 3 trial is enrolling adults with relapsed B-ALL. The primary endpoint is overall survival. "
     "Enrollment began in 2021."),
    ("A phase 2 trial of blinatumomab in relapsed pediatric ALL: study protocol",
     "This phase 2 trial will enroll 60 children with relapsed B-ALL. Patients will receive two cycles of "
     "blinatumomab. The primary endpoint is CR rate."),
    ("Design of a randomized trial of CAR T cells versus chemotherapy in relapsed ALL",
     "This randomized phase 3 trial is recruiting patients with relapsed B-ALL. Patients will be randomized 1:1. "
     "The primary endpoint is EFS at 2 years."),
    ("Inotuzumab plus chemotherapy in relapsed ALL (TiP)",
     "This open-label phase 2 trial will enroll 40 adults with relapsed B-ALL. With 40 patients the study has 80% "
     "power to detect an improvement in CR from 30% to 50%. Enrollment is ongoing."),
])
def test_trial_in_progress_is_not_relevant(nlp, title, text):
    assert run_text(nlp, text, title=title)["relevant"] is False


@pytest.mark.parametrize("text", [
    "Thirty patients have been enrolled so far and enrollment is ongoing. CR was 60%.",
    "This phase 1 trial is enrolling patients with relapsed B-ALL. To date, 12 patients have been infused; 9 "
    "achieved CR.",
    "Patients will receive blinatumomab for up to five cycles in this ongoing study. Nine achieved CR.",
    "We enrolled 30 patients. CR was 50%. A phase 3 trial will enroll 300 patients to confirm these results.",
])
def test_results_with_enrolment_ongoing_stay_relevant(nlp, text):
    assert run_text(nlp, text, title=TITLE)["relevant"] is True


# --- setting and disease ----------------------------------------------------------------------------------------


def test_mrd_positive_title_in_first_remission_is_mrd_setting(nlp):
    record = run_text(nlp, "Adults with MRD ≥10-3 received blinatumomab. MRD response was 78%.",
                      title="Blinatumomab for MRD-positive B-ALL in first remission")
    assert (record["setting"], record["relevant"]) == ("MRD-positive remission", False)


def test_frontline_title_in_first_remission_stays_frontline(nlp):
    record = run_text(nlp, "Adults with ALL in first remission underwent transplant. Five-year OS was 55%.",
                      title="Transplant for newly diagnosed ALL in first remission")
    assert record["setting"] == "frontline"


@pytest.mark.parametrize("title, setting", [
    ("Blinatumomab in relapsed Burkitt leukemia", "other"),
    ("Blinatumomab in relapsed Burkitt's lymphoma", "other"),
    ("Blinatumomab in relapsed B-ALL and Burkitt leukemia", "relapsed/refractory"),
])
def test_burkitt_leukemia_is_another_disease(nlp, title, setting):
    assert run_text(nlp, "Twenty children were treated. CR was 20%.", title=title)["setting"] == setting


@pytest.mark.parametrize("title, text", [
    ("Blinatumomab plus inotuzumab in relapsed ALL: trial in progress",
     "The study is enrolling adults with relapsed B-ALL at 20 sites. Key eligibility includes CD22 expression on "
     "at least 20% of blasts. The primary endpoint is CR/CRi."),
    ("A randomized phase 3 trial of inotuzumab versus chemotherapy in children with relapsed ALL",
     "This trial will randomize 300 children with first relapse of B-ALL. The primary endpoint is EFS. Secondary "
     "endpoints are OS and MRD negativity at day 29."),
])
def test_trial_in_progress_eligibility_and_endpoints_are_no_results(nlp, title, text):
    assert run_text(nlp, text, title=title)["relevant"] is False


def test_not_reported_here_excludes_the_status(nlp):
    text = ("Adults with ALL relapsing after transplant were analysed; patients with Ph-positive ALL were treated "
            "separately and are not reported here. Eighty patients were included. Median OS was 5 months.")
    assert _population(nlp, text)["ph_status"] == "negative"


# --- the range that defines an AYA cohort ----------------------------------------------------------------------


@pytest.mark.parametrize("text, age_group", [
    ("We reviewed 90 AYA patients aged 18 to 39 years with relapsed ALL. Median OS was 8 months.", "adult"),
    ("We reviewed 70 AYA patients aged 15 to 39 years with relapsed ALL. Median OS was 9 months.", "mixed"),
    ("We reviewed 70 AYA patients with relapsed ALL. Median OS was 9 months.", "mixed"),
])
def test_aya_cohort_by_its_range(nlp, text, age_group):
    assert _population(nlp, text, title="Outcomes of AYA with relapsed ALL")["age_group"] == age_group


# --- a molecular relapse is a remission with MRD ------------------------------------------------------------------


def test_molecular_relapse_is_mrd_positive_remission(nlp):
    record = run_text(nlp, "Adults with molecular relapse of B-ALL in hematologic remission received blinatumomab. "
                           "MRD response was 70%.", title="Molecular relapse of ALL treated with blinatumomab")
    assert (record["setting"], record["relevant"]) == ("MRD-positive remission", False)


def test_relapsed_or_mrd_positive_stays_relapsed(nlp):
    record = run_text(nlp, "Patients with relapsed or MRD-positive B-ALL received blinatumomab. CR was 50%.",
                      title="Blinatumomab for relapsed or MRD-positive ALL")
    assert (record["setting"], record["relevant"]) == ("relapsed/refractory", True)


def test_translocation_9_22_is_ph_positive(nlp):
    text = "Adults with relapsed ALL with t(9;22) received dasatinib. CR was 60%."
    assert _population(nlp, text)["ph_status"] == "positive"


# --- retrospective words of other studies do not make a trial retrospective ----------------------------------


@pytest.mark.parametrize("text, phase", [
    ("Retrospective studies suggested activity in relapsed ALL. We conducted a phase 2 trial in 40 adults. CR was "
     "60%.", "2"),
    ("A previous retrospective study suggested benefit. In this phase 2 study, 40 children with relapsed ALL "
     "received blinatumomab. CR was 40%.", "2"),
    ("In this phase 2 trial, 60 adults with relapsed B-ALL were infused. Outcomes were compared with a real-world "
     "external control cohort. CR was 80% versus 30%.", "2"),
    ("This phase 1 study enrolled 20 patients. Real-world data on CAR T cells in adults are limited. CR was 85%.",
     "1"),
    # the authors' own retrospective analysis stays retrospective
    ("We retrospectively analysed 150 adults with relapsed ALL treated on our phase 2 trials. Median OS was 7 "
     "months.", "retrospective"),
    ("We retrospectively analysed 150 adults with relapsed ALL treated on phase 2 trials of inotuzumab. Median "
     "OS was 7 months.", "retrospective"),
])
def test_retrospective_words_of_another_study(nlp, text, phase):
    assert run_text(nlp, text, title=TITLE)["design"]["phase"] == phase


def test_retrospective_title_stays_retrospective(nlp):
    record = run_text(nlp, "In this phase 2 cohort, 30 adults were treated. CR was 50%.",
                      title="Real-world outcomes of blinatumomab in relapsed ALL")
    assert record["design"]["phase"] == "retrospective"


# --- a discussion of others' work without own results is a review ----------------------------------------------


@pytest.mark.parametrize("text, relevant", [
    ("Outcomes of relapsed ALL remain poor. We discuss the mechanisms, efficacy and toxicity of inotuzumab, "
     "blinatumomab and CAR T cells, and their place in salvage therapy.", False),
    ("Survival after relapse has improved. Current approaches to relapsed childhood ALL are discussed, including "
     "risk stratification and immunotherapy.", False),
    # a results abstract that discusses its findings keeps them
    ("Forty-five adults with relapsed ALL received drug X. CR was 50%. We discuss the implications for salvage "
     "therapy.", True),
])
def test_discussion_without_results_is_a_review(nlp, text, relevant):
    assert run_text(nlp, text, title="Immunotherapy for relapsed ALL")["relevant"] is relevant


@pytest.mark.parametrize("title", [
    "Blinatumomab in children with MRD in first remission",
    "Inotuzumab for MRD in second remission",
])
def test_mrd_in_a_remission_is_mrd_setting(nlp, title):
    record = run_text(nlp, "Patients in remission with MRD ≥ 10-3 received the antibody. MRD clearance was 85%.",
                      title=title)
    assert (record["setting"], record["relevant"]) == ("MRD-positive remission", False)


def test_frontline_trial_whose_relapses_were_treated_with_salvage(nlp):
    text = ("Children with newly diagnosed standard-risk B-ALL were randomly assigned after induction to "
            "chemotherapy with or without blinatumomab. 1440 patients were randomized. Three-year DFS was 96% vs "
            "88%. Patients who relapsed were treated with salvage therapy.")
    record = run_text(nlp, text, title="Blinatumomab added to chemotherapy in children with standard-risk ALL")
    assert (record["setting"], record["relevant"]) == ("frontline", False)


def test_salvage_population_beside_a_newly_diagnosed_background_stays_relapsed(nlp):
    text = ("Children with newly diagnosed ALL have excellent outcomes. Forty children with relapsed ALL were "
            "treated with salvage chemotherapy. CR was 70%.")
    record = run_text(nlp, text, title="Salvage chemotherapy in childhood ALL")
    assert (record["setting"], record["relevant"]) == ("relapsed/refractory", True)


@pytest.mark.parametrize("text, ph_status", [
    ("We treated 60 adults with relapsed B-ALL, Ph-positive or negative, with blinatumomab. CR was 45%.", "any"),
    ("We treated 60 adults with relapsed B-ALL that was Ph-negative and positive for CD22. CR was 45%.",
     "negative"),
])
def test_second_ph_status_without_its_hyphen(nlp, text, ph_status):
    assert _population(nlp, text)["ph_status"] == ph_status


@pytest.mark.parametrize("title, text, relevant", [
    ("Healthcare resource utilization and costs in relapsed ALL",
     "Using claims data, we identified 500 adults with relapsed ALL. Mean monthly healthcare costs were $40,000.",
     False),
    ("Economic burden of relapsed ALL in the United States",
     "We estimated the economic burden of relapsed ALL. Total costs were $300,000 per patient.", False),
    ("A cost analysis of blinatumomab versus chemotherapy",
     "This cost analysis compared drug and hospital costs. Blinatumomab cost $180,000 per course.", False),
    # outcomes with a cost figure stay a clinical study
    ("CAR T cells in relapsed ALL: outcomes and costs",
     "We infused 40 adults with relapsed B-ALL. CR was 80%. Median hospitalization cost was $100,000.", True),
])
def test_cost_studies_are_not_relevant(nlp, title, text, relevant):
    assert run_text(nlp, text, title=title)["relevant"] is relevant


@pytest.mark.parametrize("text, age_group", [
    ("Patients aged <18 years were excluded. We treated 30 patients with relapsed ALL. CR was 40%.", "adult"),
    ("Adult patients were excluded. We treated 30 patients with relapsed ALL. CR was 40%.", "pediatric"),
    # an excluded older group names no age group
    ("Patients aged ≥65 years were excluded. We treated 30 patients with relapsed ALL. CR was 40%.", "unknown"),
    ("Elderly patients were excluded. We treated 30 patients with relapsed ALL. CR was 40%.", "unknown"),
])
def test_excluded_age_group_subject(nlp, text, age_group):
    assert _population(nlp, text, title="Relapsed ALL")["age_group"] == age_group


def test_excluded_lineage_in_a_sentence_naming_a_part(nlp):
    text = ("Patients with Ph-positive ALL were eligible if they had failed a TKI; those with T-ALL were excluded. "
            "We treated 50 adults. CR was 50%.")
    population = _population(nlp, text, title="Relapsed ALL")
    assert (population["lineage"], population["ph_status"]) == ("B", "any")


def test_this_studys_phase_in_a_sentence_about_what_will_follow(nlp):
    text = ("In this phase 2 study, 40 adults were treated; enrollment continues and patients will be followed for "
            "survival. Median OS was 8 months. A phase 3 trial is warranted.")
    assert run_text(nlp, text, title=TITLE)["design"]["phase"] == "2"


def test_status_eligible_only_on_a_condition_is_a_part(nlp):
    text = ("Adults with relapsed CD22-positive ALL were enrolled. Patients with Ph-positive ALL were eligible only "
            "after failure of a TKI. Sixty patients were treated. CR was 60%.")
    assert _population(nlp, text)["ph_status"] == "any"
