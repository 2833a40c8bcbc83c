"""Study classification, sixth round: a Ph-positive part of a mixed cohort named by the TKI added for it or by a
count of patients with the Philadelphia chromosome, lineages counted in a list or named as a phenotype, bracketed Ph
abbreviations, later salvage lines received, and registry or chart-review designs. Our own sentences, run end to
end."""
from __future__ import annotations

import pytest

from phrasing_cases import DRUG_X_TITLE, population_of as _population, run_text


# --- a TKI added for the Ph-positive patients: a part of a mixed cohort -------------------------------------


@pytest.mark.parametrize("text", [
    "Adults with relapsed or refractory B-ALL received blinatumomab. Ph-positive patients received a concomitant TKI. "
    "Forty patients were treated; CR/CRh was 55%.",
    "We treated 60 adults with relapsed B-ALL with inotuzumab; patients with Ph-positive disease received dasatinib "
    "concurrently. CR/CRi was 70%.",
    "Fifty adults with relapsed ALL were treated. Philadelphia chromosome-positive patients were given a tyrosine "
    "kinase inhibitor in addition. CR was achieved in 30 (60%).",
    "Adults with relapsed B-ALL received blinatumomab; a TKI was added for those with Ph-positive disease. Of 45 "
    "patients, CR was 50%.",
    "Adults with relapsed B-ALL received blinatumomab. In Ph-positive cases, imatinib or dasatinib was "
    "co-administered. Of 45 patients, CR was 50%.",
    # admitted on a TKI's failure
    "Forty adults with relapsed B-ALL received inotuzumab. Patients with Ph-positive ALL must have failed at least "
    "one TKI. CR was 60%.",
    "Adults with relapsed B-ALL were eligible; those with Ph-positive disease had to have failed a second-generation "
    "TKI. Of 60 patients, CR was 60%.",
])
def test_tki_added_for_ph_positive_patients_is_a_part(nlp, text):
    assert _population(nlp, text)["ph_status"] == "any"


@pytest.mark.parametrize("text", [
    # a described or counted Ph-positive population given a TKI with the study drug
    "Adults with relapsed or refractory Ph-positive ALL received ponatinib concurrently with blinatumomab. Of 20 "
    "patients, 16 (80%) achieved CMR.",
    "Thirty adults with relapsed Ph-positive ALL received dasatinib in addition to chemotherapy. CR was 60%.",
    "All patients had Ph-positive ALL; the TKI was continued during blinatumomab. Of 30 patients, CR was 60%.",
    "We enrolled 40 adults with Ph-positive ALL in relapse. Concomitant TKI therapy was allowed. CR was 55%.",
    "Patients with Ph-positive ALL resistant or intolerant to at least one TKI were enrolled. Of 40, CR was 55%.",
])
def test_ph_positive_population_given_a_tki_stays_positive(nlp, text):
    assert _population(nlp, text)["ph_status"] == "positive"


# --- a count of patients with the Philadelphia chromosome or the fusion --------------------------------------


@pytest.mark.parametrize("text", [
    "We treated 80 adults with relapsed ALL. The Philadelphia chromosome was present in 12 patients. CR was 50%.",
    "Sixty adults with relapsed ALL were included. Twelve patients had the Philadelphia chromosome. CR was 40%.",
    "Sixty adults with relapsed ALL were included; BCR-ABL1 was detected in 15 patients (25%). CR was 40%.",
    "We treated 30 adults with relapsed ALL; 9 patients harbored a BCR::ABL1 fusion. CR was 50%.",
    "We analysed 60 adults with relapsed ALL; Ph positivity was found in 14 (23%). CR was 50%.",
])
def test_count_with_the_philadelphia_chromosome_is_a_part(nlp, text):
    assert _population(nlp, text)["ph_status"] == "any"


@pytest.mark.parametrize("text", [
    "All 25 patients carried the Philadelphia chromosome. CR was 60%.",
    "We treated 30 adults with relapsed ALL. The Philadelphia chromosome was present in all patients. CR was 50%.",
])
def test_whole_cohort_with_the_philadelphia_chromosome_is_positive(nlp, text):
    assert _population(nlp, text)["ph_status"] == "positive"


@pytest.mark.parametrize("text, status", [
    # a status word after the chromosome or the fusion is that status, not a count of carriers
    ("Forty-eight patients with Philadelphia chromosome-negative ALL were treated in first relapse.", "negative"),
    ("Forty patients with BCR-ABL1 fusion-negative ALL were treated. CR was 50%.", "unknown"),
    # the chromosome in the background names no patients
    ("The Philadelphia chromosome is the most frequent abnormality in adult ALL. We treated 40 adults with relapsed "
     "ALL. CR was 50%.", "unknown"),
])
def test_philadelphia_chromosome_with_a_status_or_in_background(nlp, text, status):
    assert _population(nlp, text)["ph_status"] == status


@pytest.mark.parametrize("text, status", [
    ("Adults with Philadelphia chromosome (Ph)-negative B-ALL were treated. Of 40, CR was 50%.", "negative"),
    ("Adults with Philadelphia (Ph)–positive ALL were treated. Of 40, CR was 50%.", "positive"),
    ("Adults with Ph(-) B-ALL were treated. Of 40, CR was 50%.", "negative"),
    ("Adults with Ph(+) ALL were treated. Of 40, CR was 50%.", "positive"),
])
def test_bracketed_ph_abbreviation(nlp, text, status):
    assert _population(nlp, text)["ph_status"] == status


# --- lineages counted in a list or named as a phenotype ---------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Thirty patients were treated (B-cell, n = 22; T-cell, n = 8). CR was 50%.",
    "Thirty patients were treated (B-cell (n=22), T-cell (n=8)). CR was 50%.",
    "Thirty patients were treated; 22 had a B-cell phenotype and 8 a T-cell phenotype. CR was 50%.",
    # both lineages admitted
    "Adults with relapsed ALL of any lineage were eligible. Of 60 patients, CR was 50%.",
    "Adults with relapsed ALL were eligible regardless of lineage. Of 60 patients, CR was 50%.",
])
def test_lineages_counted_or_as_phenotypes_are_any(nlp, text):
    assert _population(nlp, text)["lineage"] == "any"


@pytest.mark.parametrize("text, lineage", [
    ("All 30 patients had a B-cell phenotype. CR was 50%.", "B"),
    # B-cell aplasia is an effect of the treatment, not the leukemia's lineage
    ("Forty children with relapsed ALL received CAR T cells. CR was 80%. B-cell aplasia persisted in 30 (75%).",
     "unknown"),
])
def test_phenotype_of_the_whole_cohort_and_b_cell_aplasia(nlp, text, lineage):
    assert _population(nlp, text)["lineage"] == lineage


# --- a later salvage line received ------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "We analysed adults with ALL receiving second salvage therapy. Of 60 patients, CR was 20%.",
    "Children undergoing their second salvage for B-ALL were treated. Of 30, CR was 60%.",
])
def test_second_salvage_received_is_later_line(nlp, text):
    assert run_text(nlp, text, title=DRUG_X_TITLE)["setting"] == "second or later salvage"


def test_second_salvage_beside_first_salvage_is_no_restriction(nlp):
    text = "Of 60 adults, 30 were receiving first salvage and 30 were receiving second salvage. CR was 50%."
    assert run_text(nlp, text, title=DRUG_X_TITLE)["setting"] == "relapsed/refractory"


# --- registry data and chart reviews are retrospective ----------------------------------------------------------


@pytest.mark.parametrize("title, text", [
    ("Inotuzumab before transplantation in ALL",
     "Using data reported to the CIBMTR, we compared 120 adults with ALL transplanted after inotuzumab with "
     "controls. Two-year OS was 48%."),
    ("Inotuzumab before transplantation in ALL",
     "Using data from the Center for International Blood and Marrow Transplant Research, we compared 120 adults "
     "transplanted after inotuzumab salvage with controls. Two-year OS was 48%."),
    ("Inotuzumab in relapsed ALL",
     "We reviewed all patients with relapsed ALL who received inotuzumab at our cancer centre between 2012 and 2019. "
     "Of 90 patients, CR was 70%."),
    ("Inotuzumab in children with relapsed ALL",
     "Children with relapsed B-ALL were treated with inotuzumab on a compassionate basis in 16 countries. Of 51 "
     "children, CR was 67%."),
])
def test_registry_data_and_chart_reviews_are_retrospective(nlp, title, text):
    assert run_text(nlp, text, title=title)["design"]["phase"] == "retrospective"


@pytest.mark.parametrize("text", [
    "In this phase 2 study, 40 adults with relapsed ALL received inotuzumab. GVHD was graded by CIBMTR criteria. "
    "CR was 60%.",
    "We reviewed the literature on inotuzumab. In this phase 2 study, 40 adults with relapsed ALL received it. CR "
    "was 60%.",
])
def test_trial_citing_the_registry_keeps_its_phase(nlp, text):
    assert run_text(nlp, text, title=DRUG_X_TITLE)["design"]["phase"] == "2"


# --- a share in words, a subgroup after a semicolon -------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Of 60 adults with relapsed ALL, twenty percent were Ph-positive. CR was 60%.",
    "Sixty adults with relapsed ALL were treated; BCR-ABL1-positive disease was present in 12 (20%). CR was 60%.",
    "We treated 40 adults with relapsed ALL; patients with Ph-positive ALL achieved CR in 80%.",
])
def test_share_in_words_and_subgroup_after_semicolon_are_parts(nlp, text):
    assert _population(nlp, text)["ph_status"] == "any"


def test_population_harboring_the_philadelphia_chromosome_is_positive(nlp):
    text = "Patients with relapsed ALL harboring the Philadelphia chromosome received ponatinib. Of 20, CR was 80%."
    assert _population(nlp, text)["ph_status"] == "positive"


# --- a median age's range names the age group when no word does -------------------------------------------------


@pytest.mark.parametrize("text, group", [
    ("Forty patients with relapsed ALL were treated; median age was 30 years (range, 2-64). CR was 50%.", "mixed"),
    ("Forty patients with relapsed ALL were treated; median age was 68 years (range, 60-84). CR was 50%.",
     "older adult"),
    ("Forty patients with relapsed ALL were treated; median age was 45 years (range, 18-76). CR was 50%.", "adult"),
    ("Forty patients with relapsed ALL were treated; median age was 45 years. CR was 50%.", "adult"),
    # an age word still wins over the range
    ("Forty adults with relapsed ALL were treated; median age was 30 years (range, 15-64). CR was 50%.", "adult"),
])
def test_median_age_range_of_an_adult_median(nlp, text, group):
    assert _population(nlp, text)["age_group"] == group


def test_children_with_bracketed_bound_and_adults_are_mixed(nlp):
    text = "Children (<18 years) and adults with relapsed ALL received CAR T cells. Of 60, CR was 80%."
    assert _population(nlp, text)["age_group"] == "mixed"


# --- an AYA subgroup of a cohort another age word names -----------------------------------------------------------


@pytest.mark.parametrize("text, group", [
    ("We treated 100 adults with relapsed ALL. AYA patients had a CR rate of 70%.", "adult"),
    ("We treated 100 adults with relapsed ALL. Among AYA patients, CR was 70%.", "adult"),
    # the whole cohort as the subject of a result, or counted
    ("Children and young adults with relapsed ALL had a CR rate of 80%.", "mixed"),
    ("We treated 100 AYA patients with relapsed ALL. CR was 70%.", "mixed"),
])
def test_aya_subgroup_of_an_adult_cohort(nlp, text, group):
    assert _population(nlp, text)["age_group"] == group
