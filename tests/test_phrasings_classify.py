"""Study classification on phrasings that recur in salvage ALL abstracts: our own sentences, run end to end."""
from __future__ import annotations

import pytest

from phrasing_cases import run_text

TITLE = "Drug X in acute lymphoblastic leukemia"


def _design(nlp, text: str, title: str = TITLE) -> dict:
    return run_text(nlp, text, title=title)["design"]


# --- phase ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, phase", [
    ("In a phase-2 study, 30 children with relapsed ALL received the drug.", "2"),
    ("This phase-1/2 trial enrolled 30 adults with relapsed ALL.", "1/2"),
    ("In this phase two trial, 40 adults with relapsed ALL received the drug.", "2"),
    ("In this phase three trial, 600 children in first relapse of ALL were randomised.", "3"),
    # a spelled-out number without a trial word is a treatment phase, not the study's
    ("During phase two of induction, 40 adults with relapsed ALL received the drug.", "unknown"),
])
def test_phase_hyphenated_or_spelled_out(nlp, text, phase):
    assert _design(nlp, text)["phase"] == phase


def test_recommended_hyphenated_phase_dose_is_no_phase(nlp):
    text = "Thirty adults with relapsed ALL were treated. The recommended phase-2 dose was 1.8 mg/m2."
    assert _design(nlp, text)["phase"] == "unknown"


@pytest.mark.parametrize("text", [
    "In this first-in-human study, 24 adults with relapsed ALL received four dose levels.",
    "In this dose-escalation trial, 18 patients with refractory ALL were treated at five dose levels.",
    "In this dose-finding study, 24 children with relapsed ALL received the drug at two dose levels.",
])
def test_dose_finding_study_without_phase_is_phase_1(nlp, text):
    assert _design(nlp, text)["phase"] == "1"


@pytest.mark.parametrize("text, phase", [
    # a blinatumomab schedule's dose escalation is no design
    ("Forty adults with relapsed ALL received blinatumomab 9 µg/day with dose escalation to 28 µg/day.", "unknown"),
    # a named phase wins over the dose-finding words
    ("In the dose-escalation study of this phase 1/2 trial, 30 adults with relapsed ALL were treated.", "1/2"),
    # retrospective words win
    ("We retrospectively reviewed 30 adults treated in a dose-escalation study of the drug.", "retrospective"),
])
def test_dose_finding_words_yield(nlp, text, phase):
    assert _design(nlp, text)["phase"] == phase


def test_this_studys_phase_wins_over_a_background_trial(nlp):
    text = ("In the phase 3 INO-VATE trial, inotuzumab improved response rates over chemotherapy. In this single-arm, "
            "open-label phase 2 study, 60 adults with relapsed ALL received mini-hyper-CVD plus inotuzumab.")
    assert _design(nlp, text)["phase"] == "2"


def test_two_phases_without_this_study_stay_unknown(nlp):
    text = ("Inotuzumab improved response rates in a phase 3 trial. A phase 2 study tested a lower dose. Sixty adults "
            "with relapsed ALL received the drug.")
    assert _design(nlp, text)["phase"] == "unknown"


@pytest.mark.parametrize("text", [
    "We report our single-center experience with 45 children with relapsed ALL infused with CAR T cells.",
    "We reviewed the records of 90 adults with relapsed ALL treated between 2005 and 2020.",
    "This population-based study identified 500 adults with relapsed ALL.",
    "Adults with relapsed ALL treated at our institution were analysed.",
])
def test_institutional_series_is_retrospective(nlp, text):
    assert _design(nlp, text)["phase"] == "retrospective"


def test_institutional_words_do_not_override_a_phase(nlp):
    text = "This phase 2 trial enrolled 40 adults with relapsed ALL at our institution."
    assert _design(nlp, text)["phase"] == "2"


# --- randomized --------------------------------------------------------------------------------------------


def test_retrospective_study_after_a_randomized_trial_is_not_randomized(nlp):
    text = ("In the randomized phase 3 TOWER trial, blinatumomab improved survival over chemotherapy. We "
            "retrospectively analysed 150 adults with relapsed B-ALL treated with blinatumomab outside clinical "
            "trials.")
    assert _design(nlp, text) == {"phase": "retrospective", "randomized": False}


def test_previous_randomized_trial_is_not_this_studys_design(nlp):
    text = ("In this phase 2 study, 50 adults with relapsed ALL received the drug. Results were compared with the "
            "chemotherapy arm of a previous randomized trial.")
    assert _design(nlp, text) == {"phase": "2", "randomized": False}


def test_randomized_trial_still_randomized(nlp):
    text = "Adults with relapsed ALL were randomly assigned to the drug or chemotherapy. In total, 220 were randomized."
    assert _design(nlp, text)["randomized"] is True


# --- setting -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("title, text, setting", [
    ("Salvage chemotherapy for ALL refractory to induction",
     "Patients with ALL refractory to induction chemotherapy received FLAG-ida.", "first salvage"),
    ("Salvage chemotherapy in acute lymphoblastic leukemia",
     "Adults with ALL refractory to initial induction received FLAG-ida. Twenty were treated.", "first salvage"),
    ("Outcomes of primary refractory and relapsed ALL",
     "Patients with primary refractory or relapsed ALL received salvage.", "relapsed/refractory"),
    (TITLE, "Patients with relapsed or primary refractory ALL received salvage.", "relapsed/refractory"),
    # primary refractory alone stays first salvage
    (TITLE, "Patients with primary refractory ALL received salvage.", "first salvage"),
])
def test_refractory_to_induction_and_primary_refractory_plus_relapse(nlp, title, text, setting):
    assert run_text(nlp, text, title=title)["setting"] == setting


@pytest.mark.parametrize("title, text", [
    ("CD19 CAR T cells in relapsed follicular lymphoma", "Patients with relapsed follicular lymphoma were infused."),
    ("Romidepsin in relapsed T-cell lymphoma", "Patients with relapsed peripheral T-cell lymphoma were treated."),
    ("Blinatumomab in relapsed Burkitt lymphoma", "Patients with relapsed Burkitt lymphoma received blinatumomab."),
    ("Salvage for mixed phenotype acute leukemia", "Adults with relapsed MPAL received salvage chemotherapy."),
])
def test_other_disease_is_not_relevant(nlp, title, text):
    record = run_text(nlp, text, title=title)
    assert (record["setting"], record["relevant"]) == ("other", False)


@pytest.mark.parametrize("title, text", [
    # ALL named beside a lymphoma: the study is still of ALL
    ("CD19 CAR T cells in relapsed B-cell ALL and B-cell lymphoma",
     "Patients with relapsed B-ALL (n = 20) or B-cell lymphoma (n = 15) were infused."),
    # lymphoblastic lymphoma is not another lymphoma
    ("Nelarabine in relapsed T-cell acute lymphoblastic leukemia/lymphoma",
     "Patients with relapsed T-ALL or T-cell lymphoblastic lymphoma received nelarabine."),
])
def test_lymphoma_beside_all_stays_relevant(nlp, title, text):
    record = run_text(nlp, text, title=title)
    assert record["relevant"] is True and record["setting"] != "other"


# --- population --------------------------------------------------------------------------------------------


def _population(nlp, text: str, title: str = TITLE) -> dict:
    return run_text(nlp, text, title=title)["population"]


@pytest.mark.parametrize("text, lineage", [
    ("Patients with relapsed B- and T-ALL received daratumumab.", "any"),
    ("Patients with relapsed T- or B-lineage ALL received daratumumab.", "any"),
    ("Adults with relapsed CD22-positive ALL received inotuzumab.", "B"),
    ("Adults with relapsed CD19+ acute lymphoblastic leukemia received CAR T cells.", "B"),
    # a CD19-negative relapse is an outcome, not the lineage
    ("Adults with relapsed ALL received CAR T cells. Two had a CD19-negative relapse.", "unknown"),
])
def test_lineage_phrasings(nlp, text, lineage):
    assert _population(nlp, text)["lineage"] == lineage


@pytest.mark.parametrize("text, ph", [
    ("Adults with relapsed BCR::ABL1-positive ALL received ponatinib.", "positive"),
    ("Adults with relapsed BCR::ABL1-negative B-ALL received inotuzumab.", "negative"),
    ("Forty adults with relapsed B-ALL were treated, including 12 with Philadelphia chromosome-positive ALL.", "any"),
    ("Forty adults with relapsed B-ALL were treated, of whom 12 had Ph-positive disease.", "any"),
    # the part word after the Ph cue names a part of the Ph+ cohort, not of the whole
    ("Forty adults with relapsed Ph-positive ALL were treated, including 10 with a T315I mutation.", "positive"),
])
def test_ph_status_phrasings(nlp, text, ph):
    assert _population(nlp, text)["ph_status"] == ph


def test_older_age_as_a_risk_factor_is_no_age_group(nlp):
    record = run_text(nlp, "Patients with relapsed ALL were analysed. Survival was shorter with increasing age.",
                      title="Outcomes after relapse of ALL: older age predicts poor survival")
    assert record["population"]["age_group"] == "unknown"


# --- frontline trials that mention relapse only as what followed ---------------------------------------------

NEUTRAL_TITLE = "Hyper-CVAD plus rituximab in acute lymphoblastic leukemia"


@pytest.mark.parametrize("text", [
    "Adults with newly diagnosed CD20-positive ALL received hyper-CVAD with rituximab. The 4-year OS was 68%. "
    "Patients who relapsed received salvage therapy with inotuzumab or blinatumomab.",
    "Patients aged 15 to 39 years with previously untreated ALL received the regimen. Relapse occurred in 20 "
    "patients, and survival after relapse was poor.",
    "Newly diagnosed patients with ALL received hyper-CVAD plus rituximab. Patients who relapsed were offered "
    "salvage on clinical trials.",
])
def test_frontline_population_with_relapse_as_an_outcome(nlp, text):
    record = run_text(nlp, text, title=NEUTRAL_TITLE)
    assert (record["setting"], record["relevant"]) == ("frontline", False)


@pytest.mark.parametrize("text", [
    # the frontline words are background, the population is relapsed
    "Cure rates of newly diagnosed ALL exceed 80%, but outcomes of relapsed ALL remain poor. We treated 40 adults "
    "with relapsed ALL with inotuzumab.",
    "Although most children with newly diagnosed ALL are cured, those who relapse fare poorly. We infused 30 "
    "children with relapsed B-ALL.",
    # frontline therapy named as the line that failed
    "Patients who relapsed after first-line therapy were treated with inotuzumab. Forty patients were treated.",
    "Patients with ALL who failed frontline therapy received blinatumomab. Forty patients were treated.",
    "After failure of first-line chemotherapy, 40 adults with ALL received blinatumomab.",
])
def test_relapsed_population_beside_frontline_words(nlp, text):
    record = run_text(nlp, text, title=NEUTRAL_TITLE)
    assert (record["setting"], record["relevant"]) == ("relapsed/refractory", True)


def test_initial_therapy_is_frontline(nlp):
    text = "Eighty-six adults with Ph-positive ALL received ponatinib with hyper-CVAD as initial therapy."
    assert run_text(nlp, text, title=NEUTRAL_TITLE)["setting"] == "frontline"


@pytest.mark.parametrize("text, setting", [
    ("Adults with B-ALL in salvage 1 received blinatumomab. Fifty patients were treated.", "first salvage"),
    ("Adults with B-ALL in salvage 2 or later received inotuzumab. Fifty patients were treated.",
     "second or later salvage"),
    ("Adults with B-ALL in salvage 1 or 2 received inotuzumab. Fifty patients were treated.", "relapsed/refractory"),
    # a count of salvage cycles is no line
    ("Adults with relapsed B-ALL received salvage 2 cycles of FLAG-ida.", "relapsed/refractory"),
])
def test_numbered_salvage_line(nlp, text, setting):
    assert run_text(nlp, text, title=TITLE)["setting"] == setting


@pytest.mark.parametrize("text", [
    "We used a propensity-matched analysis to compare 60 adults with relapsed ALL treated with CAR T cells and 60 "
    "treated with blinatumomab.",
    "In this case-control study, 20 adults with VOD after inotuzumab were compared with 40 controls.",
])
def test_matched_comparisons_are_retrospective(nlp, text):
    assert _design(nlp, text)["phase"] == "retrospective"


def test_parts_of_a_phase_1_2_study_are_not_pooled_trials(nlp):
    text = ("In this phase 1/2 study, the phase 1 part established the dose and the phase 2 part enrolled 50 adults "
            "with relapsed ALL.")
    assert _design(nlp, text)["phase"] == "1/2"


def test_two_separate_phase_studies_stay_pooled(nlp):
    text = "Adults with relapsed ALL from the phase 1 study A and the phase 2 study B were analysed together."
    assert _design(nlp, text)["phase"] == "pooled"


# --- reviews, case reports, programmes ----------------------------------------------------------------------


@pytest.mark.parametrize("title, text", [
    ("An overview of immunotherapy for relapsed ALL",
     "This article provides an overview of immunotherapy for relapsed ALL, including blinatumomab and CAR T cells."),
    ("Recommendations for the management of relapsed ALL",
     "An expert panel developed recommendations for the management of relapsed or refractory ALL in adults."),
    # a review's own words are not masked by the future it talks about
    ("Immunotherapy for relapsed ALL",
     "In this review, we summarize future directions for relapsed or refractory ALL."),
])
def test_review_without_own_data_is_not_relevant(nlp, title, text):
    assert run_text(nlp, text, title=title)["relevant"] is False


def test_case_report_with_literature_review_is_relevant(nlp):
    text = ("We describe a 24-year-old man with relapsed T-ALL who achieved remission after nelarabine and "
            "venetoclax, and review the literature.")
    assert run_text(nlp, text, title="Nelarabine and venetoclax in relapsed T-ALL")["relevant"] is True


@pytest.mark.parametrize("text", [
    "Children with relapsed ALL received inotuzumab through a named patient program. 51 children were treated.",
    "We conducted a nationwide survey of 120 adults with relapsed ALL. The CR rate was 40%.",
])
def test_named_patient_programme_and_survey_are_retrospective(nlp, text):
    assert _design(nlp, text)["phase"] == "retrospective"


def test_phase_1_and_phase_2_study_is_one_phase_1_2_study(nlp):
    assert _design(nlp, "In this phase 1 and phase 2 study, 50 adults with relapsed ALL received the drug.")[
        "phase"] == "1/2"


def test_ph_positive_patients_who_also_received_a_tki_are_a_part(nlp):
    text = ("Adults with relapsed or refractory B-ALL received inotuzumab. Patients with Ph-positive ALL also received "
            "a tyrosine kinase inhibitor. Forty patients were treated.")
    assert _population(nlp, text)["ph_status"] == "any"


# --- structured abstracts: background trials, eligibility, parts ---------------------------------------------


def test_we_conducted_a_phase_2_study_after_a_background_phase_1_2(nlp):
    text = ("In a single-center phase 1-2a study, the CD19-directed CAR T cells produced high remission rates. We "
            "conducted a phase 2, single-cohort, 25-center study in pediatric and young adult patients with relapsed "
            "or refractory B-cell ALL. Of 92 enrolled patients, 75 received an infusion.")
    assert _design(nlp, text)["phase"] == "2"


def test_phase_2_results_of_a_phase_1_2_study_stay_1_2(nlp):
    text = ("The group designed a phase I/II study of the antibody with reinduction chemotherapy in children with "
            "relapsed ALL. Sixty children were treated.")
    assert _design(nlp, text, title="Drug X in relapsed ALL: phase II results")["phase"] == "1/2"


@pytest.mark.parametrize("text", [
    "Adults with relapsed or refractory B-ALL were randomly assigned to the drug or chemotherapy. Philadelphia "
    "chromosome-positive patients were eligible if they had failed a tyrosine kinase inhibitor.",
    "Adults with relapsed or refractory B-ALL received a single infusion. Fifty-five patients were treated. Of "
    "these, 15 had Ph-positive disease.",
])
def test_ph_positive_admitted_beside_the_others_is_any(nlp, text):
    assert _population(nlp, text)["ph_status"] == "any"


def test_ph_positive_population_sentence_stays_positive(nlp):
    text = "Adults with Ph-positive ALL were eligible. Forty patients received ponatinib."
    assert _population(nlp, text)["ph_status"] == "positive"


def test_hyphenated_first_relapse_is_first_salvage(nlp):
    text = ("This randomized phase 3 trial enrolled children younger than 18 years with high-risk first-relapse "
            "B-ALL. Blinatumomab is effective in relapsed ALL.")
    assert run_text(nlp, text, title=TITLE)["setting"] == "first salvage"


# --- a randomized trial called for, not done ----------------------------------------------------------------


@pytest.mark.parametrize("conclusion", [
    "These results warrant further evaluation in a randomized trial.",
    "This combination merits testing in randomized studies.",
    "The benefit remains to be confirmed in randomized trials.",
    "A randomized comparison with chemotherapy will be necessary.",
    "Prospective randomized trials should address this question.",
    "A randomized trial comparing X with Y has been launched.",
    "Our results support a randomized trial.",
])
def test_randomized_trial_called_for_is_not_this_design(nlp, conclusion):
    text = "In this phase 2 study, forty adults with relapsed ALL received the drug. " + conclusion
    assert _design(nlp, text) == {"phase": "2", "randomized": False}


def test_without_randomization_is_single_arm(nlp):
    text = "Forty adults with relapsed ALL received the drug without randomization. The CR rate was 40%."
    assert _design(nlp, text)["randomized"] is False


def test_phase_2_3_is_neither_phase(nlp):
    text = "In this phase 2/3 trial, 200 adults with relapsed ALL were randomized to the drug or chemotherapy."
    assert _design(nlp, text) == {"phase": "unknown", "randomized": True}


# --- later lines, MRD beside relapse, other diseases --------------------------------------------------------


@pytest.mark.parametrize("text, setting", [
    ("Children with second relapse of ALL received CAR T cells. Thirty patients were treated.",
     "second or later salvage"),
    ("Adults with ALL in third or later relapse received inotuzumab. Thirty patients were treated.",
     "second or later salvage"),
    ("Children with ALL who had relapsed at least twice received CAR T cells.", "second or later salvage"),
    ("Adults with ALL refractory to at least two prior regimens received blinatumomab.", "second or later salvage"),
    # refractory beside a later line in a list of eligible groups still admits every line
    ("Adults with refractory ALL or in second relapse received blinatumomab.", "relapsed/refractory"),
])
def test_later_line_phrasings(nlp, text, setting):
    assert run_text(nlp, text, title=TITLE)["setting"] == setting


def test_first_remission_with_mrd_is_the_mrd_setting(nlp):
    text = "Adults with B-ALL in first complete remission with persistent MRD received blinatumomab."
    record = run_text(nlp, text, title=TITLE)
    assert (record["setting"], record["relevant"]) == ("MRD-positive remission", False)


def test_relapsed_or_mrd_positive_is_relevant(nlp):
    text = ("Patients with relapsed or refractory ALL, or with MRD-positive ALL in remission, received blinatumomab. "
            "Forty patients were treated.")
    record = run_text(nlp, text, title="Blinatumomab in relapsed or MRD-positive ALL")
    assert (record["setting"], record["relevant"]) == ("relapsed/refractory", True)


def test_adult_t_cell_leukemia_lymphoma_is_another_disease(nlp):
    text = "Patients with relapsed adult T-cell leukemia-lymphoma received mogamulizumab."
    record = run_text(nlp, text, title="Mogamulizumab in adult T-cell leukemia-lymphoma")
    assert (record["setting"], record["relevant"]) == ("other", False)


# --- an eligible age range when no word names the age group -------------------------------------------------


@pytest.mark.parametrize("text, age_group", [
    ("Patients aged 3 to 47 years with relapsed T-ALL received CD7 CAR T cells.", "mixed"),
    ("Patients aged 1-21 years with relapsed ALL received clofarabine.", "pediatric"),
    ("Patients aged between 1 and 18 years with first relapse of ALL were randomised.", "pediatric"),
    ("Patients aged 18–65 years with relapsed ALL received FLAG-ida.", "adult"),
    ("Patients aged 60 to 85 years with relapsed ALL received mini-hyper-CVD.", "older adult"),
    # a word naming the age group wins over the range
    ("Adults aged 15 to 60 years with relapsed ALL received FLAG-ida.", "adult"),
])
def test_age_range_gives_the_age_group(nlp, text, age_group):
    assert _population(nlp, text)["age_group"] == age_group


# --- background phases ---------------------------------------------------------------------------------------


def test_phase_3_trials_in_the_background_are_no_pooled_count(nlp):
    text = ("In our cohort, unlike phase 3 trials, the drug was given weekly. This phase 2 study enrolled 40 adults "
            "with relapsed ALL.")
    assert _design(nlp, text)["phase"] == "2"


def test_two_phase_2_trials_are_still_pooled(nlp):
    text = "We pooled patients from two phase 2 trials of inotuzumab in relapsed ALL. 90 patients were included."
    assert _design(nlp, text)["phase"] == "pooled"


@pytest.mark.parametrize("text, phase", [
    ("Here we report results of the phase 2 portion of a phase 1/2 trial in 50 adults with relapsed ALL.", "2"),
    ("We present data from the phase 1 part of a phase 1/2 study in 24 adults with relapsed ALL.", "1"),
])
def test_reported_part_of_a_multi_phase_study(nlp, text, phase):
    assert _design(nlp, text)["phase"] == phase


@pytest.mark.parametrize("registration", [
    "This trial was registered at ClinicalTrials.gov (NCT02349698).",
    "This study was registered in the Chinese Clinical Trial Registry (ChiCTR-ONC-17013648).",
])
def test_registered_trial_with_a_multivariate_analysis_is_not_retrospective(nlp, registration):
    text = ("Patients with relapsed or refractory B-ALL received CD19 CAR T cells. Fifty patients were infused. In "
            "multivariate analysis, high tumor burden predicted relapse. " + registration)
    assert _design(nlp, text)["phase"] == "unknown"


def test_national_registry_study_stays_retrospective(nlp):
    text = "Data of 300 adults with relapsed ALL were obtained from the national registry. Median OS was 6 months."
    assert _design(nlp, text)["phase"] == "retrospective"


@pytest.mark.parametrize("text", [
    "Adults with newly diagnosed ALL received hyper-CVAD with ofatumumab. The CR rate was 94%; 3% had primary "
    "refractory disease. The 3-year OS was 68%.",
    "Adults with newly diagnosed ALL received hyper-CVAD with ofatumumab. Two patients had induction failure and 10 "
    "relapsed. The 3-year OS was 68%.",
])
def test_frontline_trial_reporting_refractory_patients_is_frontline(nlp, text):
    record = run_text(nlp, text, title=NEUTRAL_TITLE)
    assert (record["setting"], record["relevant"]) == ("frontline", False)


@pytest.mark.parametrize("text", [
    "Although most children with newly diagnosed ALL are cured, 15% relapse. We treated 40 children in first "
    "relapse with drug X.",
    "Most children with newly diagnosed ALL are cured. Children who had a first relapse received drug X.",
])
def test_first_relapse_population_after_a_frontline_background_is_first_salvage(nlp, text):
    record = run_text(nlp, text, title=NEUTRAL_TITLE)
    assert (record["setting"], record["relevant"]) == ("first salvage", True)


@pytest.mark.parametrize("text, age_group", [
    ("In adults, inotuzumab improved remission rates over chemotherapy. We treated 25 children with relapsed B-ALL "
     "with inotuzumab.", "pediatric"),
    ("CAR T cells are approved in children with relapsed ALL. We infused 40 adults with relapsed B-ALL.", "adult"),
    ("Forty adult patients with relapsed ALL received inotuzumab. Pediatric experience is limited.", "adult"),
    ("Of 40 patients, 10 children and 30 adults with relapsed B-ALL received blinatumomab.", "mixed"),
    # a counted older subgroup is a part, not the cohort
    ("Adults with relapsed ALL received inotuzumab. Three older patients died of infection.", "adult"),
])
def test_counted_age_word_names_the_cohort(nlp, text, age_group):
    assert _population(nlp, text)["age_group"] == age_group


@pytest.mark.parametrize("text, setting", [
    # a subgroup's result is no restriction of the cohort
    ("Adults with relapsed B-ALL received inotuzumab. Patients in first salvage had a CR rate of 70%. Forty "
     "patients were treated.", "relapsed/refractory"),
    ("Adults with relapsed B-ALL received inotuzumab. Of them, 60% were in first salvage.", "relapsed/refractory"),
    # the population in first salvage
    ("Adults with B-ALL in first salvage received inotuzumab. Forty patients were treated.", "first salvage"),
])
def test_first_salvage_subgroup_result_is_not_the_population(nlp, text, setting):
    assert run_text(nlp, text, title=TITLE)["setting"] == setting


def test_patients_registered_in_a_registry_are_not_a_registered_trial(nlp):
    text = ("Patients registered at the national transplant registry with relapsed ALL were analysed. In "
            "multivariate analysis, age predicted survival.")
    assert _design(nlp, text)["phase"] == "retrospective"


@pytest.mark.parametrize("text, key, value", [
    ("Adults with relapsed ALL, including those with Ph-positive disease, were eligible.", "ph_status", "any"),
    ("Patients with relapsed ALL of any lineage, including T-ALL, received daratumumab.", "lineage", "any"),
])
def test_including_names_a_part_of_the_cohort(nlp, text, key, value):
    assert _population(nlp, text)[key] == value


def test_relapsed_population_with_a_qualifier_between_with_and_the_cue(nlp):
    text = ("Adults with newly diagnosed ALL are cured in 50%. We treated 40 adults with high-risk, relapsed ALL. "
            "Patients who relapsed again received salvage.")
    assert run_text(nlp, text, title=NEUTRAL_TITLE)["setting"] == "relapsed/refractory"
