"""Study classification, fourth round: whole abstracts of less common study types (reviews quoting trials, other
diseases treated with ALL regimens), a cohort denying the Philadelphia chromosome, subgroups opening a sentence of
results, refractoriness after several lines. Our own sentences, run end to end."""
from __future__ import annotations

import pytest

from phrasing_cases import DRUG_X_TITLE, population_of as _population, run_text, run_sections as _structured


# --- an abstract calling itself a review quotes others' trials -----------------------------------------------


def test_review_quoting_trial_figures_is_not_relevant(nlp):
    record = _structured(
        nlp, "Novel immunotherapies for relapsed acute lymphoblastic leukemia",
        ("BACKGROUND", "The treatment of relapsed ALL has changed with antibodies and CAR T cells."),
        ("METHODS", "We review the published data on blinatumomab, inotuzumab and CAR T cells."),
        ("RESULTS", "In the phase 3 TOWER trial, CR was 44% with blinatumomab versus 25% with chemotherapy. In the "
                    "randomized INO-VATE trial, inotuzumab produced CR in 81%."))
    assert record["relevant"] is False


@pytest.mark.parametrize("text", [
    # its own trial, named as this study's
    "In this review we report our phase 1 trial: 37 patients with relapsed ALL received the drug and CR was 68%.",
    # own-data words
    "We review our experience: 40 adults with relapsed ALL were treated and CR was 50%.",
])
def test_review_words_with_own_trial_stay_relevant(nlp, text):
    assert run_text(nlp, text, title=DRUG_X_TITLE)["relevant"] is True


def test_review_words_beside_a_title_naming_its_phase_stay_relevant(nlp):
    text = "We review the outcomes of 40 adults who received blinatumomab for relapsed B-ALL. CR was 45%."
    assert run_text(nlp, text, title="A phase 2 study of blinatumomab in relapsed ALL")["relevant"] is True


def test_quoted_phase_without_review_words_stays_own_data(nlp):
    text = "In the phase 2 trial, 40 adults with relapsed ALL received the drug. CR was 50%."
    assert run_text(nlp, text, title=DRUG_X_TITLE)["relevant"] is True


# --- an ALL-type regimen in another disease names no ALL -----------------------------------------------------


def test_all_type_induction_of_mixed_phenotype_leukemia_is_other(nlp):
    record = _structured(
        nlp, "Outcomes of mixed phenotype acute leukemia treated with ALL-type versus AML-type induction",
        ("METHODS", "We reviewed 80 adults with MPAL treated with ALL-like or AML-like induction."),
        ("RESULTS", "CR was 80% with ALL-type and 50% with AML-type induction."))
    assert (record["relevant"], record["setting"]) == (False, "other")


def test_all_itself_beside_a_regimen_word_stays_all(nlp):
    record = run_text(nlp, "Forty adults with relapsed ALL received an AML-type regimen. CR was 40%.",
                      title="Salvage of relapsed ALL with an AML-type regimen")
    assert (record["relevant"], record["setting"]) == (True, "relapsed/refractory")


# --- the whole cohort denying the Philadelphia chromosome is Ph-negative -------------------------------------


@pytest.mark.parametrize("text, ph_status", [
    ("We treated 40 adults with relapsed B-ALL. None had the Philadelphia chromosome. CR was 45%.", "negative"),
    ("Thirty adults with relapsed B-ALL received the drug. No patient had Philadelphia chromosome-positive "
     "disease. CR was 70%.", "negative"),
    ("Twenty children with relapsed B-ALL were infused. None of the patients had BCR-ABL1-positive disease. CR was "
     "90%.", "negative"),
    ("We enrolled 36 adults with relapsed B-ALL; none was Ph-positive. CR was 42%.", "negative"),
    ("Fifty adults with relapsed B-ALL were treated. No patients were Ph-positive. CR was 40%.", "negative"),
    # a denial of something else in a Ph-positive cohort
    ("We treated 30 adults with relapsed Ph-positive ALL. None had the T315I mutation. CR was 60%.", "positive"),
    ("Thirty-two adults with relapsed Ph-positive ALL received ponatinib. No patient had received ponatinib "
     "before. CR was 50%.", "positive"),
    ("Twenty children with relapsed B-ALL were infused. None of the patients had CNS involvement. CR was 90%.",
     "unknown"),
])
def test_cohort_denying_the_philadelphia_chromosome(nlp, text, ph_status):
    assert _population(nlp, text)["ph_status"] == ph_status


# --- a subgroup opening a sentence of results is a part of the cohort ----------------------------------------


@pytest.mark.parametrize("text, ph_status", [
    ("We treated 40 adults with relapsed ALL. Among patients with Ph-positive ALL, CR was 70%.", "any"),
    ("We treated 40 adults with relapsed ALL. In Ph-positive patients, CR was 70%.", "any"),
    ("We treated 40 adults with relapsed ALL. Of the Ph-positive patients, 8 achieved CR.", "any"),
    # the cohort counted in the opening phrase, or named in the enrolment sentence too
    ("In 40 adults with relapsed Ph-positive ALL, CR was 70%.", "positive"),
    ("We treated 40 adults with relapsed Ph-positive ALL. Among patients with Ph-positive ALL and the T315I "
     "mutation, CR was 50%.", "positive"),
    # a statement without a figure
    ("In adults with relapsed Ph-positive ALL, ponatinib is active. We treated 40 adults. CR was 60%.", "positive"),
])
def test_subgroup_opening_a_sentence_of_results(nlp, text, ph_status):
    assert _population(nlp, text)["ph_status"] == ph_status


# --- refractory to two or more lines is beyond first salvage -------------------------------------------------


@pytest.mark.parametrize("text, setting", [
    ("Patients with ALL refractory to two or more lines of therapy were enrolled. Thirty were treated. CR was 25%.",
     "second or later salvage"),
    ("Adults resistant to 2 or more prior regimens received the antibody. CR was 30%.", "second or later salvage"),
    # refractory disease of any line stays broad
    ("Patients with refractory ALL or in first relapse were enrolled. Thirty were treated. CR was 25%.",
     "relapsed/refractory"),
])
def test_refractory_to_two_or_more_lines(nlp, text, setting):
    assert run_text(nlp, text, title=DRUG_X_TITLE)["setting"] == setting


# --- MRD positivity is the MRD-positive remission setting ----------------------------------------------------


@pytest.mark.parametrize("text, setting", [
    ("Patients with MRD positivity after allogeneic HSCT received donor lymphocyte infusions. Thirty patients were "
     "treated. 60% cleared MRD.", "MRD-positive remission"),
    ("Adults with measurable residual disease positivity after consolidation received blinatumomab. 78% became "
     "MRD-negative.", "MRD-positive remission"),
    # beside relapsed disease, the salvage words win
    ("We reviewed 100 adults with relapsed ALL. MRD positivity before HSCT predicted relapse. CR was 45%.",
     "relapsed/refractory"),
    # a frontline study's MRD positivity is frontline's
    ("Adults with newly diagnosed ALL received hyper-CVAD. MRD positivity after induction predicted relapse. CR "
     "was 90%.", "frontline"),
])
def test_mrd_positivity(nlp, text, setting):
    assert run_text(nlp, text, title="Drug X in acute lymphoblastic leukemia")["setting"] == setting


@pytest.mark.parametrize("text, relevant", [
    # a commentary on an article of the same issue
    ("In this issue of Blood, Smith and colleagues report that inotuzumab produced CR in 80.7% of adults with "
     "relapsed ALL in the phase 3 INO-VATE trial, compared with 29.4% with chemotherapy.", False),
    # a review of the published evidence
    ("We present the current evidence for immunotherapy in relapsed ALL. The randomized TOWER trial showed a median "
     "OS of 7.7 months with blinatumomab.", False),
    # the same words beside the study's own patients
    ("We present the available data of our trial: 40 adults with relapsed ALL were treated and CR was 50%.", True),
])
def test_commentary_and_evidence_reviews(nlp, text, relevant):
    assert run_text(nlp, text, title=DRUG_X_TITLE)["relevant"] is relevant


@pytest.mark.parametrize("text, ph_status, lineage", [
    ("We treated 40 adults with relapsed B-ALL. No patients with Ph-positive ALL were enrolled. CR was 45%.",
     "negative", "B"),
    ("We treated 40 adults with relapsed ALL. No patients with T-ALL were included. CR was 45%.", "unknown", "B"),
    # no exclusion: nobody of that status had an event, or was given something
    ("We treated 40 adults with relapsed Ph-positive ALL. No patients with Ph-positive ALL relapsed after HSCT. CR "
     "was 45%.", "positive", "unknown"),
    ("We treated 40 adults with relapsed Ph-positive ALL. No patients with Ph-positive ALL were treated with "
     "ponatinib. CR was 45%.", "positive", "unknown"),
])
def test_no_patients_with_a_status_were_enrolled(nlp, text, ph_status, lineage):
    population = _population(nlp, text)
    assert (population["ph_status"], population["lineage"]) == (ph_status, lineage)


# --- a first-line phrase narrows the relapsed/refractory disease it qualifies --------------------------------


@pytest.mark.parametrize("text, title, setting", [
    ("Adults with relapsed/refractory B-ALL in first salvage received blinatumomab. Forty patients were treated. CR "
     "was 60%.", DRUG_X_TITLE, "first salvage"),
    ("We reviewed 80 adults with relapsed or refractory ALL receiving their first salvage therapy. CR was 45%.",
     "Outcomes of salvage therapy in acute lymphoblastic leukemia", "first salvage"),
    ("Forty adults were treated. CR was 60%.", "Blinatumomab in first salvage of relapsed/refractory B-ALL",
     "first salvage"),
    # a list or a part does not narrow
    ("Adults with relapsed or refractory ALL in first or second salvage received inotuzumab. CR was 80%.",
     DRUG_X_TITLE, "relapsed/refractory"),
    ("Adults with relapsed or refractory ALL, or in first relapse after transplant, were eligible. CR was 50%.",
     DRUG_X_TITLE, "relapsed/refractory"),
    ("We treated 60 adults with relapsed or refractory ALL, including 20 in first salvage. CR was 50%.",
     DRUG_X_TITLE, "relapsed/refractory"),
])
def test_first_line_phrase_narrows_relapsed_refractory(nlp, text, title, setting):
    assert run_text(nlp, text, title=title)["setting"] == setting


@pytest.mark.parametrize("text, lineage", [
    ("Forty adults with relapsed ALL were treated. None had T-cell disease. CR was 45%.", "B"),
    ("We reviewed 30 adults with relapsed ALL; none of the patients had T-ALL. CR was 40%.", "B"),
    # a denial inside a T-ALL cohort, or of something else
    ("We treated 30 adults with relapsed T-ALL. None had CNS disease. CR was 40%.", "T"),
    ("We treated 30 adults with relapsed T-ALL. None of the T-ALL patients relapsed after HSCT. CR was 40%.", "T"),
])
def test_cohort_denying_t_lineage(nlp, text, lineage):
    assert _population(nlp, text)["lineage"] == lineage
