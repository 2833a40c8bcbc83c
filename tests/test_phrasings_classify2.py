"""Study classification, second round: background sentences, Ph-like ALL, prospective cohorts, laboratory work.
Our own sentences, run end to end."""
from __future__ import annotations

import pytest

from extractor.extraction import extract_article
from extractor.models import AbstractSection, Article
from phrasing_cases import DRUG_X_TITLE, population_of as _population, run_text

TITLE = DRUG_X_TITLE


# --- background sentences do not name the study's population ------------------------------------------------


@pytest.mark.parametrize("text, age_group", [
    ("Blinatumomab is approved for adults and children with relapsed B-ALL. We reviewed 40 adult patients treated "
     "at our institution. The median age was 45 years. CR was 42%.", "adult"),
    ("Blinatumomab was approved in children and adults. In this study, 189 adults with relapsed B-ALL received "
     "blinatumomab. CR was 43%.", "adult"),
    ("Both agents are indicated for adults and children with relapsed ALL. Here we describe 30 patients with a "
     "median age of 52 years. CR was 30%.", "adult"),
    ("Inotuzumab was approved in 2017 for adults with relapsed B-ALL. We report 51 pediatric patients treated "
     "through compassionate use. CR was 67%.", "pediatric"),
    # a study to come, or another one, is not this cohort
    ("We retrospectively reviewed 64 patients with relapsed B-ALL. Median age was 41 years. Studies in children "
     "are warranted. CR was 50%.", "adult"),
])
def test_approval_or_future_study_sentence_does_not_set_age_group(nlp, text, age_group):
    assert _population(nlp, text)["age_group"] == age_group


def test_cohort_of_children_and_adults_is_still_mixed(nlp):
    text = "We treated 60 patients with relapsed ALL, 20 children and 40 adults, with blinatumomab. CR was 50%."
    assert _population(nlp, text)["age_group"] == "mixed"


def test_approval_sentence_does_not_set_ph_status(nlp):
    text = ("Blinatumomab has been approved for both Ph-positive and Ph-negative relapsed ALL. We reviewed 55 "
            "patients with Ph-negative relapsed B-ALL. CR was 44%.")
    assert _population(nlp, text)["ph_status"] == "negative"


def test_approval_in_the_title_still_counts(nlp):
    title = "Blinatumomab approved for children: outcomes in pediatric relapsed ALL"
    assert _population(nlp, "We treated 20 patients. CR was 50%.", title=title)["age_group"] == "pediatric"


# --- Ph-like ALL ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, ph_status", [
    ("We reviewed 50 adults with relapsed Philadelphia chromosome-like ALL. Median OS was 6 months.", "negative"),
    ("Adults with relapsed Ph-like B-ALL received CAR T cells. CR was 70%.", "negative"),
    ("Adults with relapsed BCR-ABL1-like ALL received CAR T cells. CR was 70%.", "negative"),
    # Ph-like beside Ph-positive: both statuses
    ("Among 150 adults with relapsed B-ALL, 30 had Ph-like ALL and 40 had Ph-positive ALL. Median OS was 7 "
     "months.", "any"),
])
def test_ph_like_is_ph_negative(nlp, text, ph_status):
    assert _population(nlp, text)["ph_status"] == ph_status


# --- prospective cohorts are not retrospective ---------------------------------------------------------------


@pytest.mark.parametrize("text, phase", [
    ("This prospective cohort study followed 80 adults with relapsed B-ALL treated with CAR T cells at our "
     "institution. In multivariate analysis, tumor burden predicted relapse.", "unknown"),
    ("Adults with relapsed ALL treated with blinatumomab were prospectively enrolled in a national registry. "
     "CR was 40%.", "unknown"),
    ("In this prospective, non-interventional, observational study, 100 adults with relapsed ALL received "
     "blinatumomab. CR was 45%.", "unknown"),
    # patients treated prospectively on trials and compared afterwards: an analysis of treated patients
    ("We analyzed 135 adults who were treated prospectively with two regimens. A propensity score analysis "
     "was conducted. CR was 90%.", "retrospective"),
    ("We retrospectively analysed a prospective cohort of 60 adults with relapsed ALL. CR was 40%.",
     "retrospective"),
])
def test_prospective_cohort_is_not_retrospective(nlp, text, phase):
    assert run_text(nlp, text, title=TITLE)["design"]["phase"] == phase


# --- laboratory work and reviews are not relevant -------------------------------------------------------------


@pytest.mark.parametrize("title, text", [
    ("Preclinical activity of a CD22 antibody-drug conjugate in ALL xenografts",
     "We tested inotuzumab in patient-derived xenograft models of relapsed ALL. The drug was given to mice."),
    ("In vitro sensitivity of relapsed ALL blasts to venetoclax",
     "Primary leukemic cells from 40 children with relapsed ALL were exposed to venetoclax in vitro."),
    ("Current management of relapsed acute lymphoblastic leukemia in adults",
     "Outcomes of adults with relapsed ALL are poor. This article reviews salvage options, including "
     "inotuzumab, blinatumomab and CAR T cells."),
])
def test_laboratory_work_or_review_is_not_relevant(nlp, title, text):
    assert run_text(nlp, text, title=title)["relevant"] is False


def test_clinical_study_citing_preclinical_data_is_relevant(nlp):
    text = ("Preclinical data in xenografts showed synergy. In this phase 1 study, 20 adults with relapsed ALL "
            "received the combination. CR was 50%.")
    assert run_text(nlp, text, title=TITLE)["relevant"] is True


def test_phase_1_title_with_preclinical_rationale_is_relevant(nlp):
    title = "Preclinical rationale and phase 1 study of drug X in relapsed ALL"
    assert run_text(nlp, "Twenty adults were treated. CR was 50%.", title=title)["relevant"] is True


# --- pediatric cooperative groups ----------------------------------------------------------------------------


@pytest.mark.parametrize("text, age_group", [
    ("Patients with first relapse of ALL were treated on the ALL-REZ BFM protocols. The 10-year EFS was 40%.",
     "pediatric"),
    ("Patients with first relapse of ALL enrolled on a COG trial were randomized. The 3-year EFS was 60%.",
     "pediatric"),
    # a regimen named after a pediatric group treats adults here
    ("Adults with relapsed ALL received a COG-based salvage regimen. CR was 50%.", "adult"),
])
def test_pediatric_cooperative_group(nlp, text, age_group):
    assert _population(nlp, text)["age_group"] == age_group


# --- an age bound without "aged" -----------------------------------------------------------------------------


@pytest.mark.parametrize("text, age_group", [
    ("Patients ≥18 years with relapsed ALL received FLAG-IDA. CR was 40%.", "adult"),
    ("Eligible patients were 18 years or older with relapsed ALL. CR was 40%.", "adult"),
    ("Patients younger than 21 years with relapsed ALL were enrolled. CR was 60%.", "pediatric"),
    ("Patients <21 years old with relapsed ALL were treated. CR was 60%.", "pediatric"),
    ("Patients up to 25 years of age with relapsed B-ALL received CAR T cells. CR was 80%.", "mixed"),
    ("Patients older than 60 years with relapsed ALL received mini-CVD and inotuzumab. CR was 55%.", "older adult"),
    ("Patients over 60 years of age with relapsed ALL were eligible. CR was 40%.", "older adult"),
    ("Eligible patients were 1 to 18 years old with relapsed ALL. CR was 60%.", "pediatric"),
    # a subgroup's, an excluded or a compared bound is not the study's
    ("We treated 80 patients with relapsed ALL. In patients ≥60 years, CR was 40%.", "unknown"),
    ("We treated 80 patients with relapsed ALL; 20 (25%) were ≥60 years. CR was 40%.", "unknown"),
    ("We treated 80 patients with relapsed ALL. Patients older than 60 years had a CR rate of 40% versus 70% in "
     "younger patients.", "unknown"),
    # an excluded bound states the other one (tests/test_phrasings_classify3.py)
    ("Patients younger than 18 years were excluded. We treated 80 patients with relapsed ALL.", "adult"),
    # a range of follow-up in years, or a time point, is no age
    ("We treated 80 patients with relapsed ALL. The median follow-up was 2 years (range, 1 to 5 years).",
     "unknown"),
    ("We treated 80 patients with relapsed ALL. OS at ≥2 years was 30%.", "unknown"),
])
def test_age_bound_without_aged(nlp, text, age_group):
    assert _population(nlp, text)["age_group"] == age_group


def test_approval_sentence_is_the_population_when_the_abstract_states_no_other(nlp):
    # a registry of the drug's use: the licensed population is the cohort's
    title = "Real-world use of tisagenlecleucel for pediatric ALL"
    text = ("Tisagenlecleucel is approved for pediatric and young adult patients with relapsed ALL. We report the "
            "first 250 patients of a cellular therapy registry. CR was 85%.")
    assert _population(nlp, text, title=title)["age_group"] == "mixed"


# --- economic evaluations and guidelines are not relevant -----------------------------------------------------


@pytest.mark.parametrize("title, text", [
    ("Cost-effectiveness of tisagenlecleucel for relapsed pediatric ALL",
     "We built a Markov model of tisagenlecleucel versus blinatumomab in children with relapsed B-ALL."),
    ("Economic evaluation of blinatumomab in adults with relapsed ALL",
     "A partitioned survival model compared blinatumomab and chemotherapy. Blinatumomab was cost-effective at a "
     "willingness-to-pay threshold of 100,000 euros."),
    ("Blinatumomab in adults with relapsed ALL: a model-based analysis",
     "A Markov model compared blinatumomab and chemotherapy. The incremental cost per quality-adjusted life-year "
     "was $80,000."),
    ("Clinical practice guideline for CAR T cells in ALL",
     "This guideline provides recommendations on patient selection and toxicity management in relapsed B-ALL."),
])
def test_economic_evaluation_or_guideline_is_not_relevant(nlp, title, text):
    assert run_text(nlp, text, title=title)["relevant"] is False


@pytest.mark.parametrize("text", [
    # one remark on cost in a trial, a future cost study, and guidelines a trial followed
    "In this phase 2 study, 40 adults with relapsed ALL received the drug. CR was 50%. The regimen may be "
    "cost-effective.",
    "We treated 40 adults with relapsed ALL. CR was 50%. Cost-effectiveness studies are warranted.",
    "We treated 40 adults with relapsed ALL according to institutional guidelines. CRS was graded by consensus "
    "criteria. CR was 50%.",
])
def test_trial_mentioning_cost_or_guidelines_is_relevant(nlp, text):
    assert run_text(nlp, text, title=TITLE)["relevant"] is True


# --- the cohort's stated age overrules age words that cannot be true of it ----------------------------------------


@pytest.mark.parametrize("text, age_group", [
    ("In contrast to childhood ALL, relapsed ALL in adults is rarely curable. We reviewed 90 patients treated at "
     "our center with a median age of 41 years. Median OS was 6 months.", "adult"),
    ("Unlike in children, data on blinatumomab for extramedullary relapse are scarce. We studied 30 patients "
     "with relapsed ALL; median age 50 years. CR was 40%.", "adult"),
    ("Results in adults have been less favourable than in children. Here we report 40 patients aged 2 to 20 "
     "years with relapsed B-ALL. CR was 90%.", "pediatric"),
    ("Inotuzumab improved outcomes in the INO-VATE trial in adults. We treated 40 patients with a median age of "
     "55 years. CR was 70%. Similar results were reported in children.", "adult"),
    ("Patients aged 18 to 39 years are often treated on pediatric protocols. We analysed 70 patients aged 18 to "
     "39 years with relapsed ALL. Median OS was 10 months.", "adult"),
    # words and a stated age that agree, or a mixed phrase, keep the words' group
    ("Older adults with relapsed ALL received the drug. The median age was 67 years.", "older adult"),
    ("Children and young adults with relapsed B-ALL received CAR T cells. The median age was 12 years.", "mixed"),
    # a subgroup's bound does not narrow adults to older adults
    ("Adults with relapsed ALL received inotuzumab. Patients 55 years or older had a CR rate of 70%, similar to "
     "younger patients.", "adult"),
])
def test_stated_age_overrules_contradicting_words(nlp, text, age_group):
    assert _population(nlp, text)["age_group"] == age_group


@pytest.mark.parametrize("text, ph_status", [
    ("We studied 120 adults with relapsed ALL. Twenty had Ph-positive disease. Median OS was 6 months.", "any"),
    ("Of 60 patients treated, 12 patients harbored BCR::ABL1-positive ALL. CR was 70%.", "any"),
    # the whole cohort named with its status
    ("Forty adults with Ph-positive ALL were treated. CR was 70%.", "positive"),
])
def test_count_that_had_a_status_is_part_of_the_cohort(nlp, text, ph_status):
    assert _population(nlp, text)["ph_status"] == ph_status


# --- conclusions do not override the study's own population ------------------------------------------------


@pytest.mark.parametrize("text, age_group", [
    ("We treated 45 adults with relapsed B-ALL with inotuzumab. CR was 70%. Inotuzumab is an effective option "
     "for adults and children with relapsed ALL.", "adult"),
    ("We reviewed 35 patients with relapsed B-ALL; the median age was 47 years. CR was 40%. These data support "
     "blinatumomab in both adults and children.", "adult"),
    ("We infused 30 children with relapsed B-ALL. CR was 90%. CAR T cells are a standard option for children and "
     "young adults with relapsed ALL.", "pediatric"),
    # the conclusions are the only statement of the population: they count
    ("Forty patients with relapsed ALL were treated. CR was 60%. The drug is active in children and adults.",
     "mixed"),
])
def test_conclusion_sentence_does_not_override_population(nlp, text, age_group):
    assert _population(nlp, text)["age_group"] == age_group


def test_conclusions_section_does_not_override_population(nlp):
    record = extract_article(Article(pmid="1", title=TITLE, sections=(
        AbstractSection("METHODS", "METHODS", "We treated 45 adults with relapsed Ph-negative B-ALL."),
        AbstractSection("RESULTS", "RESULTS", "CR was 70% and the median OS 8 months."),
        AbstractSection("CONCLUSIONS", "CONCLUSIONS", "The drug is an option for adults and children with "
                                                      "Ph-positive or Ph-negative relapsed ALL."),
    )), nlp)
    assert record["population"]["age_group"] == "adult"
    assert record["population"]["ph_status"] == "negative"


def _structured(nlp, title: str, *sections: tuple[str, str]) -> dict:
    return extract_article(Article(pmid="1", title=title, sections=tuple(
        AbstractSection(label, label.upper(), text) for label, text in sections)), nlp)


@pytest.mark.parametrize("title, sections, age_group", [
    ("Inotuzumab in children with relapsed ALL",
     [("BACKGROUND", "Inotuzumab improved remission rates in adults. Toxicity differs in adults and children."),
      ("METHODS", "Patients with relapsed CD22-positive B-ALL received inotuzumab."),
      ("RESULTS", "Of 48 patients, 58% achieved CR.")], "pediatric"),
    ("Outcomes of adults with relapsed ALL",
     [("Background", "Pediatric-inspired regimens improved outcomes in adolescents and young adults."),
      ("Methods", "We retrospectively analysed patients with relapsed ALL."),
      ("Results", "Among 200 patients, median OS was 8 months.")], "adult"),
    ("Blinatumomab in first salvage",
     [("BACKGROUND", "Children and adults with relapsed ALL have poor outcomes."),
      ("METHODS", "This phase 3 trial randomized adults in first salvage."),
      ("RESULTS", "Among 300 patients, CR was 50% versus 30%.")], "adult"),
    # the background is the only statement of the population: it counts
    ("Drug X in relapsed ALL",
     [("BACKGROUND", "Children with relapsed ALL need new agents."),
      ("METHODS", "Forty patients with relapsed ALL received drug X."),
      ("RESULTS", "CR was 60%.")], "pediatric"),
])
def test_background_section_does_not_override_population(nlp, title, sections, age_group):
    assert _structured(nlp, title, *sections)["population"]["age_group"] == age_group


@pytest.mark.parametrize("text, setting", [
    ("Adults with untreated Ph-positive ALL received dasatinib induction followed by blinatumomab.", "frontline"),
    ("Forty untreated adults with B-ALL received the combination. CR was 90%.", "frontline"),
    # an untreated relapse is still a relapse
    ("Adults with relapsed ALL received the drug; an untreated relapse was required.", "relapsed/refractory"),
])
def test_untreated_disease_is_frontline(nlp, text, setting):
    assert run_text(nlp, text, title=TITLE.replace("relapsed ", ""))["setting"] == setting


@pytest.mark.parametrize("title, text, setting", [
    ("Maintenance blinatumomab after frontline chemotherapy in adults with ALL",
     "Adults with B-ALL in MRD-negative remission after induction were randomized to chemotherapy with or without "
     "blinatumomab.", "frontline"),
    ("Drug X in acute lymphoblastic leukemia",
     "Patients who relapsed after frontline therapy received drug X. CR was 50%.", "relapsed/refractory"),
    ("Drug X in acute lymphoblastic leukemia",
     "Adults who failed upfront chemotherapy received drug X. CR was 50%.", "relapsed/refractory"),
    ("Drug X after first-line treatment failure in ALL",
     "Forty adults received drug X. CR was 50%.", "relapsed/refractory"),
])
def test_frontline_named_as_the_failed_line(nlp, title, text, setting):
    assert run_text(nlp, text, title=title)["setting"] == setting


@pytest.mark.parametrize("text, ph_status", [
    ("Tyrosine kinase inhibitors have transformed outcomes of Ph-positive ALL. We treated 50 adults with relapsed "
     "Ph-negative B-ALL with inotuzumab. CR was 70%.", "negative"),
    ("Unlike Ph-negative disease, Ph-positive ALL responds to TKIs. We treated 30 adults with relapsed "
     "Ph-positive ALL with ponatinib. CR was 80%.", "positive"),
    # both named with figures or in enrolment sentences: two parts of the cohort
    ("We treated 60 adults with relapsed B-ALL. Response rates were similar in Ph-positive and Ph-negative "
     "patients.", "any"),
    ("Twelve patients with Ph-positive ALL received the drug with a TKI, and 30 with Ph-negative ALL received "
     "it alone. CR was 60%.", "any"),
])
def test_general_statement_of_the_other_ph_status_gives_way(nlp, text, ph_status):
    assert _population(nlp, text)["ph_status"] == ph_status


def test_two_lineage_cohorts_stay_any(nlp):
    text = ("Children with relapsed T-cell ALL (n = 24) or B-cell ALL (n = 7) received daratumumab. Seven patients "
            "with B-cell ALL received daratumumab without response.")
    assert _population(nlp, text)["lineage"] == "any"


@pytest.mark.parametrize("title, text, setting", [
    ("Blinatumomab in patients with measurable residual disease",
     "Adults with B-ALL in first or later complete remission and measurable residual disease of at least 0.1% "
     "received blinatumomab.", "MRD-positive remission"),
    ("Inotuzumab for persistent MRD",
     "Adults in CR with detectable MRD after at least 3 cycles of chemotherapy received inotuzumab.",
     "MRD-positive remission"),
    ("Pre-emptive therapy for molecular persistence",
     "Adults with B-ALL and MRD ≥10-4 in hematologic remission received blinatumomab.", "MRD-positive remission"),
    # residual disease as a result of salvage, or its negativity, in a relapsed study
    ("Drug X in acute lymphoblastic leukemia",
     "Adults with relapsed ALL received drug X. Patients with detectable MRD after CR had shorter survival; MRD "
     "≥0.01% predicted relapse.", "relapsed/refractory"),
    ("Salvage with drug X in patients with measurable residual disease negativity as the goal",
     "Adults with relapsed ALL received drug X.", "relapsed/refractory"),
])
def test_residual_disease_setting(nlp, title, text, setting):
    assert run_text(nlp, text, title=title)["setting"] == setting


@pytest.mark.parametrize("text, age_group", [
    # a median between the pediatric and adult bands: its range tells
    ("We infused 60 patients with relapsed B-ALL. The median age was 19 years (range, 2-64). CR was 85%.", "mixed"),
    ("We infused 60 patients with relapsed B-ALL. The median age was 22 years (range, 18 to 60). CR was 85%.",
     "adult"),
    ("We infused 60 patients with relapsed B-ALL. The median age was 17 years (range, 3-21). CR was 85%.",
     "pediatric"),
    ("We infused 60 patients with relapsed B-ALL. The median age was 19 years. CR was 85%.", "unknown"),
    # a median age in months is no age in years
    ("We treated 15 patients with relapsed ALL; the median age was 30 months (range, 2-60 months).", "unknown"),
])
def test_median_age_with_its_range(nlp, text, age_group):
    assert _population(nlp, text)["age_group"] == age_group


@pytest.mark.parametrize("title, text", [
    ("Venetoclax in relapsed T-cell prolymphocytic leukemia",
     "Adults with relapsed T-cell prolymphocytic leukemia received venetoclax and ibrutinib. ORR was 60%."),
    ("Moxetumomab in relapsed hairy cell leukemia", "Adults with relapsed hairy cell leukemia were treated."),
    ("Tagraxofusp in blastic plasmacytoid dendritic cell neoplasm", "Adults with relapsed disease were treated."),
])
def test_other_leukemia_is_not_relevant(nlp, title, text):
    record = run_text(nlp, text, title=title)
    assert (record["setting"], record["relevant"]) == ("other", False)


def test_classify_a_first_salvage_covariate_is_not_the_population(nlp):
    """'In multivariable analysis, first salvage was associated with longer survival' weighs a factor: the study of
    relapsed patients stays relapsed/refractory; a cohort in first salvage is still first salvage."""
    from extractor.extraction import extract_article
    from extractor.models import AbstractSection, Article

    def setting(body):
        article = Article(pmid="1", title="Inotuzumab ozogamicin in older adults with relapsed ALL",
                          sections=(AbstractSection("RESULTS", "RESULTS", body),))
        return extract_article(article, nlp)["setting"]

    assert setting("Fifty-three patients were treated. In multivariable analysis, first salvage was associated "
                   "with longer survival (HR 0.48; 95% CI 0.25-0.93).") == "relapsed/refractory"
    assert setting("Fifty-three patients in first salvage were treated.") == "first salvage"
