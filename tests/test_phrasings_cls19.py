"""Study labels and scalars, twelfth round. Our own sentences and whole invented abstracts, run end to end.

Setting: in a first-relapse study, a broader line named only as what happened to some patients ("Twelve patients had
refractory disease after reinduction") or as excluded ("patients with refractory disease were excluded") leaves it
first salvage. Cohort size: counts inside an "including" phrase break the first count down ("45 patients were
enrolled, including 30 with B-ALL and 15 with T-ALL": 45)."""
from __future__ import annotations

import pytest

from extractor.extraction import extract_article
from extractor.models import AbstractSection, Article
from phrasing_cases import run_text, run_sections as _structured


# --- setting: a broader line as an event or an exclusion leaves first salvage -------------------------------------


@pytest.mark.parametrize("methods, results", [
    ("Children with first relapse of B-ALL were treated with reinduction chemotherapy plus drug X.",
     "Sixty patients were enrolled. Second remission was achieved in 48 (80%). Twelve patients had refractory "
     "disease after reinduction."),
    ("Children with first relapse of ALL were eligible; patients with refractory disease were excluded. We "
     "enrolled 60 patients.", "CR2 was achieved in 80%."),
])
def test_a_broader_line_as_event_or_exclusion_leaves_first_salvage(nlp, methods, results):
    record = _structured(nlp, "Drug X in children with relapsed ALL", ("METHODS", methods), ("RESULTS", results))
    assert record["setting"] == "first salvage"


@pytest.mark.parametrize("text", [
    "Children with first relapse or refractory ALL were enrolled. Sixty patients were treated. CR was 80%.",
    "We enrolled 60 children with first relapse of ALL and 20 with refractory disease. CR was 80%.",
])
def test_a_broader_line_naming_patients_is_still_broader(nlp, text):
    assert run_text(nlp, text, title="Drug X in childhood ALL")["setting"] == "relapsed/refractory"


# --- cohort size: an "including" phrase breaks the first count down -----------------------------------------------


@pytest.mark.parametrize("text, size", [
    ("Forty-five patients were enrolled, including 30 with B-ALL and 15 with T-ALL. CR was 60%.", 45),
    ("We infused CD19 CAR T cells in 30 patients with relapsed B-cell malignancies, including 20 with B-ALL and 10 "
     "with non-Hodgkin lymphoma. CR was 90%.", 30),
    ("A total of 45 patients, including 12 children, 8 adolescents and 25 adults, were treated. CR was 60%.", 45),
    # two groups side by side, no "including": their sum, as before
    ("We treated 26 patients with T-ALL and 13 with T-LBL. CR was 60%.", 39),
])
def test_counts_inside_an_including_phrase_are_a_breakdown(nlp, text, size):
    assert run_text(nlp, text)["cohort_size"] == size


# --- cohort size: a trial's name before its year ----------------------------------------------------------------


@pytest.mark.parametrize("text, size", [
    ("IntReALL SR 2010 enrolled children with standard-risk first relapse. A total of 390 patients were randomized. "
     "EFS was 70%.", 390),
    ("The ALL-REZ BFM 2002 trial enrolled 538 children with first relapse. EFS was 60%.", 538),
])
def test_a_trial_names_year_is_no_count(nlp, text, size):
    assert run_text(nlp, text, title="Treatment of relapsed childhood ALL")["cohort_size"] == size


# --- age group: the range defining children and young adults decides ---------------------------------------------


@pytest.mark.parametrize("text, group", [
    ("Children and young adults aged 1 to 21 years with relapsed ALL received drug X. CR was 60%.", "pediatric"),
    ("Children and young adults aged 0-21 years with relapsed ALL received drug X. CR was 60%.", "pediatric"),
    # beyond 21, or no range: both children and adults
    ("Children and young adults aged 1 to 25 years with relapsed ALL received drug X. CR was 60%.", "mixed"),
    ("Children and young adults with relapsed ALL received drug X. CR was 60%.", "mixed"),
    ("AYA patients aged 18 to 39 years with relapsed ALL received drug X. CR was 60%.", "adult"),
])
def test_the_range_defining_children_and_young_adults_decides(nlp, text, group):
    assert run_text(nlp, text, title="Drug X in relapsed acute lymphoblastic leukemia")["population"]["age_group"] == group


# --- cohort size: the study as the subject of "evaluated" -------------------------------------------------------


def test_the_study_evaluated_x_in_its_patients(nlp):
    text = "This phase 2 study evaluated blinatumomab in 36 adults with relapsed or refractory B-ALL. CR/CRh was 42%."
    assert run_text(nlp, text)["cohort_size"] == 36


# --- relevance: a title presenting a field's treatment options is a review ---------------------------------------


@pytest.mark.parametrize("title", [
    "Relapsed acute lymphoblastic leukemia: current treatment options",
    "Relapsed acute lymphoblastic leukemia in adults: emerging therapeutic strategies",
])
def test_a_title_on_a_fields_treatment_options_is_a_review(nlp, title):
    text = "Relapsed ALL remains a challenge. Blinatumomab and inotuzumab have changed practice."
    assert run_text(nlp, text, title=title)["relevant"] is False


# --- Ph status: the status after the disease, "without BCR-ABL1" -------------------------------------------------


@pytest.mark.parametrize("text, status", [
    ("Thirty adults with relapsed ALL positive for the Philadelphia chromosome were enrolled. CR was 60%.", "positive"),
    ("Thirty adults with relapsed ALL positive for BCR-ABL1 were enrolled. CR was 60%.", "positive"),
    ("Thirty adults with relapsed B-ALL negative for BCR-ABL1 were enrolled. CR was 60%.", "negative"),
    ("Thirty adults with relapsed B-ALL negative for the Philadelphia chromosome were enrolled. CR was 60%.",
     "negative"),
    ("Adults with relapsed B-ALL without BCR-ABL1 were enrolled. Thirty were treated. CR was 60%.", "negative"),
    ("Adults with relapsed B-ALL without BCR::ABL1 were enrolled. Thirty were treated. CR was 60%.", "negative"),
    ("Adults with relapsed B-ALL with or without BCR-ABL1 were enrolled. Thirty were treated. CR was 60%.", "any"),
])
def test_ph_status_after_the_disease(nlp, text, status):
    assert run_text(nlp, text)["population"]["ph_status"] == status


# --- setting: an approval sentence names the indication, not the cohort; "for hematologic relapse" ---------------


@pytest.mark.parametrize("text, setting", [
    ("Clofarabine is approved for children with relapsed ALL after at least two prior regimens. We report 31 adults "
     "with relapsed or refractory ALL who received clofarabine in a phase 2 trial. The CR rate was 32%.",
     "relapsed/refractory"),
    ("Tisagenlecleucel is approved for patients up to 25 years of age with B-ALL in second or later relapse. We "
     "describe 60 patients with relapsed or refractory B-ALL infused with it. CR was 85%.", "relapsed/refractory"),
    # the cohort's own later line still counts
    ("Clofarabine is approved for children with relapsed ALL. We report 31 children in second or later relapse who "
     "received clofarabine. The CR rate was 32%.", "second or later salvage"),
])
def test_an_approval_sentence_names_no_setting(nlp, text, setting):
    assert run_text(nlp, text, title="Clofarabine in acute lymphoblastic leukemia")["setting"] == setting


def test_treated_for_hematologic_relapse_is_relapsed(nlp):
    text = ("We retrospectively analysed 70 adults treated with blinatumomab at 10 centers: 40 for hematologic relapse "
            "and 30 for MRD positivity in complete remission. CR/CRh was 50% in the relapse group.")
    record = run_text(nlp, text, title="Real-world blinatumomab in adult B-ALL")
    assert (record["setting"], record["relevant"]) == ("relapsed/refractory", True)


# --- design: a trial still running is another study; "phase one" --------------------------------------------------


@pytest.mark.parametrize("closing", [
    "A randomized phase 3 trial is under way.",
    "A randomized comparison with chemotherapy is in progress.",
    "A randomized phase 3 trial is being conducted.",
])
def test_a_trial_still_running_is_not_this_studys_design(nlp, closing):
    text = f"In this phase 2 study, 40 adults with relapsed ALL received drug X. CR was 60%. {closing}"
    assert run_text(nlp, text)["design"] == {"phase": "2", "randomized": False}


def test_phase_one_spelled_out(nlp):
    text = "This phase one study enrolled 24 adults with relapsed ALL. CR was 30%."
    assert run_text(nlp, text)["design"]["phase"] == "1"


# --- setting: frontline and relapsed patients joined in one phrase ----------------------------------------------


@pytest.mark.parametrize("text, setting", [
    ("Fifty children with de novo (n = 30) or relapsed (n = 20) T-ALL received nelarabine. CR was 90%.",
     "relapsed/refractory"),
    ("Fifty children with newly diagnosed or relapsed T-ALL received nelarabine. CR was 90%.", "relapsed/refractory"),
    # a frontline cohort whose relapses are what followed stays frontline
    ("We treated 200 children with newly diagnosed T-ALL. Relapse occurred in 20; 15 achieved a second remission.",
     "frontline"),
])
def test_frontline_and_relapsed_patients_joined(nlp, text, setting):
    assert run_text(nlp, text, title="Nelarabine in childhood T-ALL")["setting"] == setting


# --- cohort size: counts that add up to the first one break it down ---------------------------------------------


@pytest.mark.parametrize("text, size", [
    ("Sixty adults with Ph-positive ALL, 40 newly diagnosed and 20 with relapsed disease, received ponatinib with "
     "hyper-CVAD in this phase 2 study. CR was 90%.", 60),
    # two groups side by side, neither a part of the other: no cohort, as before
    ("Six patients were treated at dose level 1 and 12 at dose level 2. CR was 50%.", None),
])
def test_counts_adding_up_to_the_first_are_its_breakdown(nlp, text, size):
    assert run_text(nlp, text)["cohort_size"] == size


# --- median age and follow-up: the statistic after the measure without a bracket, "median 24 months of" ----------


@pytest.mark.parametrize("text, scalar, value", [
    ("Forty adults (age, median 45 years; range 18-79) were treated. CR was 60%.", "median_age_years", 45),
    ("Forty adults with relapsed ALL were treated. CR was 60% (follow-up: median, 24 months).",
     "median_follow_up_months", 24),
    ("Forty adults with relapsed ALL were treated. After median 24 months of follow-up, 10 remained alive.",
     "median_follow_up_months", 24),
])
def test_median_stated_after_its_measure(nlp, text, scalar, value):
    assert run_text(nlp, text)[scalar] == value


# --- the Unicode hyphen (U+2010) of some publishers' records, in ranges and fusion names -------------------------

HYPHEN = "\u2010"


@pytest.mark.parametrize("text, key, value", [
    (f"Forty adults with relapsed BCR{HYPHEN}ABL1{HYPHEN}positive ALL were treated. CR was 60%.", "ph_status",
     "positive"),
    (f"Forty adults with relapsed BCR{HYPHEN}ABL1{HYPHEN}negative B-ALL were treated. CR was 60%.", "ph_status",
     "negative"),
    (f"Patients aged 3{HYPHEN}47 years with relapsed ALL were enrolled. Forty were treated. CR was 60%.",
     "age_group", "mixed"),
])
def test_unicode_hyphen_in_population_cues(nlp, text, key, value):
    assert run_text(nlp, text)["population"][key] == value


def test_unicode_hyphen_in_a_range_before_the_median_age(nlp):
    text = f"Forty patients aged 18{HYPHEN}78 years (median 46) were treated. CR was 60%."
    assert run_text(nlp, text)["median_age_years"] == 46


@pytest.mark.parametrize("bound, group", [("⩾18 years", "adult"), ("⩾60 years", "older adult"),
                                          ("⩽21 years", "pediatric"), ("≧18 years", "adult")])
def test_slanted_inequality_signs_glued_to_an_age_bound(nlp, bound, group):
    text = f"Patients {bound} with relapsed ALL were eligible. Forty patients were treated. CR was 60%."
    assert run_text(nlp, text)["population"]["age_group"] == group


# --- setting: the background's and conclusions' setting words speak of the disease at large ---------------------

_FIRST_SALVAGE_METHODS = ("METHODS", "Adults with B-ALL in first salvage received drug X in this phase 2 study.")
_RESULTS = ("RESULTS", "Forty patients were treated. CR was 60%.")


@pytest.mark.parametrize("sections", [
    [("BACKGROUND", "Outcomes of adults with relapsed or refractory ALL are poor."), _FIRST_SALVAGE_METHODS, _RESULTS],
    [("BACKGROUND", "Patients in second or later salvage have CR rates below 20%."), _FIRST_SALVAGE_METHODS,
     _RESULTS],
    [_FIRST_SALVAGE_METHODS, _RESULTS, ("CONCLUSIONS", "Drug X is active in relapsed or refractory ALL.")],
    [("ABSTRACT", "Outcomes of adults with relapsed or refractory ALL are poor. We treated 40 adults with B-ALL in "
                  "first salvage with drug X. CR was 60%. Drug X is active in relapsed/refractory ALL.")],
])
def test_framing_setting_words_leave_the_cohorts_line(nlp, sections):
    assert _structured(nlp, "Drug X in relapsed acute lymphoblastic leukemia", *sections)["setting"] == "first salvage"


def test_framing_setting_words_alone_still_count(nlp):
    record = _structured(nlp, "Drug X in acute lymphoblastic leukemia",
                         ("BACKGROUND", "Outcomes of adults in second or later salvage are poor."),
                         ("METHODS", "We treated 40 adults with drug X."), _RESULTS)
    assert record["setting"] == "second or later salvage"


@pytest.mark.parametrize("sentence", [
    "Patients were assigned in a 2:1 ratio to blinatumomab or chemotherapy.",
    "Patients underwent random assignment to blinatumomab or chemotherapy.",
])
def test_randomization_without_the_word(nlp, sentence):
    text = f"Adults with relapsed ALL were enrolled. {sentence} CR was 44% vs 25%."
    assert run_text(nlp, text)["design"]["randomized"] is True


@pytest.mark.parametrize("phrase, status", [
    ("harboring BCR-ABL1", "positive"),
    ("with BCR-ABL1-rearranged ALL", "positive"),
    ("with relapsed BCR-ABL1 ALL", "positive"),
    ("with relapsed BCR::ABL1 B-ALL", "positive"),
    # the fusion-like disease is Ph-negative, as before
    ("with BCR-ABL1-like ALL", "negative"),
])
def test_the_fusion_named_without_positive(nlp, phrase, status):
    assert run_text(nlp, f"We treated 30 adults {phrase}. CR was 60%.")["population"]["ph_status"] == status


# --- cohort size: more enrolment verbs, a count without its noun opening its sentence ------------------------------


@pytest.mark.parametrize("sentence, size", [
    ("Fifty-two patients underwent infusion.", 52),
    ("Fifty-two patients started treatment.", 52),
    ("Fifty-two patients met the inclusion criteria.", 52),
    ("Fifty-two were enrolled and 48 were treated.", 52),
    ("Thirty were treated with drug X.", 30),
    # a group beside others: no cohort
    ("Twelve were treated at dose level 1 and 10 at dose level 2.", None),
    ("Twelve were treated with blinatumomab and 10 with inotuzumab.", None),
])
def test_more_enrolment_phrasings(nlp, sentence, size):
    record = _structured(nlp, "Drug X in relapsed acute lymphoblastic leukemia",
                         ("METHODS", "Adults with relapsed B-ALL received drug X in this phase 2 trial."),
                         ("RESULTS", f"{sentence} CR was 60%."))
    assert record["cohort_size"] == size


@pytest.mark.parametrize("design, phase", [
    ("phase 1 dose-escalation and phase 2 expansion", "1/2"),
    ("phase 1 dose escalation followed by a phase 2 dose expansion", "1/2"),
    ("phase 1 dose-finding", "1"),
])
def test_a_phase_1_dose_escalation_is_a_phase(nlp, design, phase):
    text = f"In this {design} study, 40 adults with relapsed ALL received drug X. CR was 60%."
    assert run_text(nlp, text)["design"]["phase"] == phase


def test_the_recommended_phase_2_dose_is_still_no_phase(nlp):
    text = "In this phase 1 study, the recommended phase 2 dose was 1.8 mg/m2. CR was 60%."
    assert run_text(nlp, text)["design"]["phase"] == "1"


def _typed(nlp, text: str, title: str, types: tuple[str, ...]) -> dict:
    section = AbstractSection(label=None, nlm_category=None, text=text)
    return extract_article(Article(pmid="1", title=title, sections=(section,), publication_types=types), nlp)


@pytest.mark.parametrize("types", [("Editorial",), ("Comment",), ("Journal Article", "Comment")])
def test_a_commentary_without_own_data_is_not_relevant(nlp, types):
    text = ("Blinatumomab and inotuzumab have changed the treatment of relapsed ALL. In the phase 3 TOWER trial, "
            "blinatumomab improved survival.")
    assert _typed(nlp, text, "Antibodies for relapsed acute lymphoblastic leukemia", types)["relevant"] is False


def test_a_commentary_with_own_patients_keeps_them(nlp):
    text = "We treated 12 adults with relapsed B-ALL with blinatumomab at our center. CR was achieved in 7 (58%)."
    record = _typed(nlp, text, "Blinatumomab for relapsed acute lymphoblastic leukemia", ("Letter", "Comment"))
    assert record["relevant"] is True


@pytest.mark.parametrize("sentence, age", [
    ("Responders had a median age of 40 years.", None),
    ("Patients who achieved CR had a median age of 38 years.", None),
    ("Patients in the inotuzumab arm had a median age of 47 years.", None),
    # the cohort's own
    ("Patients had a median age of 45 years.", 45),
    ("They were treated at 12 centers and had a median age of 45 years.", 45),
])
def test_a_parts_median_age_named_before_it(nlp, sentence, age):
    assert run_text(nlp, f"We treated 40 adults with relapsed ALL. {sentence} CR was 60%.")["median_age_years"] == age


# --- setting: a line counted as a part of the cohort ---------------------------------------------------------


@pytest.mark.parametrize("text, setting", [
    ("Adults with relapsed B-ALL received drug X. Forty patients were treated; 20 were in first salvage. CR was 70%.",
     "relapsed/refractory"),
    ("Adults with relapsed B-ALL received drug X. Forty patients were treated, 20 in first salvage. CR was 70%.",
     "relapsed/refractory"),
    ("Adults with relapsed B-ALL received drug X. Forty patients were treated, 15 in second salvage. CR was 70%.",
     "relapsed/refractory"),
    # the whole cohort counted with its line
    ("We treated 40 adults in first relapse. CR was 70%.", "first salvage"),
    ("We treated 40 adults in second or later salvage. CR was 70%.", "second or later salvage"),
])
def test_a_line_counted_as_a_part(nlp, text, setting):
    assert run_text(nlp, text, title="Drug X in relapsed ALL")["setting"] == setting


# --- cohort size: another study's count before the authors' own ---------------------------------------------------


@pytest.mark.parametrize("text, size", [
    ("In a previous study, 49 patients were treated with drug X with a CR rate of 30%. We now report 60 adults "
     "treated with drug X plus Y. CR was 60%.", 60),
    ("Our earlier trial enrolled 49 patients. Here we report 60 adults treated with drug X plus Y. CR was 60%.", 60),
    ("The pivotal trial enrolled 65 patients. We treated 40 patients outside of trials. CR was 60%.", 40),
    ("Historically, 30 patients treated with chemotherapy had a CR rate of 20%. We treated 40 patients. CR was 60%.",
     40),
    # no count of the authors' own after it: the earlier report's patients are the cohort of its update
    ("In our previous report, 45 patients were treated with drug X. With longer follow-up, CR was 60%.", 45),
])
def test_another_studys_count_gives_way_to_the_own(nlp, text, size):
    assert run_text(nlp, text)["cohort_size"] == size


def test_frontline_and_relapsed_groups_each_with_its_disease(nlp):
    record = _structured(
        nlp, "Clofarabine-based combination in children with high-risk acute lymphoblastic leukemia",
        ("BACKGROUND", "Outcomes of children with very high-risk or relapsed ALL remain poor."),
        ("METHODS", "We enrolled 42 children with either newly diagnosed very high-risk ALL (n = 18) or relapsed ALL "
                    "(n = 24) on a single-arm phase 2 trial of clofarabine, cyclophosphamide and etoposide."),
        ("RESULTS", "CR was achieved in 30 patients (71%)."))
    assert (record["setting"], record["relevant"]) == ("relapsed/refractory", True)


@pytest.mark.parametrize("text", [
    "We treated 200 children with newly diagnosed ALL; relapsed patients were excluded. EFS was 85%.",
    "We treated 200 children with newly diagnosed ALL. Patients with relapsed disease were excluded. EFS was 85%.",
])
def test_an_excluded_relapse_leaves_frontline(nlp, text):
    assert run_text(nlp, text, title="Therapy of childhood ALL")["setting"] == "frontline"


def test_a_frontline_cohort_is_not_made_relapsed_by_its_background(nlp):
    record = _structured(nlp, "Drug X in childhood ALL",
                         ("BACKGROUND", "Outcomes of children with relapsed ALL remain poor."),
                         ("METHODS", "We enrolled 42 children with newly diagnosed very high-risk ALL."),
                         ("RESULTS", "CR was achieved in 30 patients (71%)."))
    assert record["setting"] == "frontline"


# --- design: a retrospective analysis of one named trial has its phase -----------------------------------------


@pytest.mark.parametrize("text, design", [
    ("In this retrospective analysis of the phase 3 INO-VATE trial, we evaluated 326 patients by salvage status. "
     "CR was 74%.", {"phase": "3", "randomized": True}),
    ("We retrospectively analyzed patients enrolled in the phase 3 TOWER trial by prior HSCT. Of 405 patients, 140 "
     "had prior HSCT.", {"phase": "3", "randomized": True}),
    ("Using data from the phase 3 INO-VATE trial, we performed a retrospective analysis of 164 patients. CR was 74%.",
     {"phase": "3", "randomized": True}),
    # several trials, or the trial a series came after: retrospective
    ("We retrospectively analysed 120 patients treated on four prospective phase 2 trials of drug X at our "
     "institution. CR was 60%.", {"phase": "retrospective", "randomized": False}),
    ("We retrospectively reviewed 40 adults treated with inotuzumab after the phase 3 INO-VATE trial showed benefit. "
     "CR was 60%.", {"phase": "retrospective", "randomized": False}),
])
def test_a_retrospective_analysis_of_one_trial(nlp, text, design):
    assert run_text(nlp, text)["design"] == design
