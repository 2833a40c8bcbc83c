"""Study classification and scalars, tenth phrasing round: a trial the body's opening sentence reports a finding of
is the one before an observational series ("X improved survival over chemotherapy in the phase 3 INO-VATE trial. We
describe our experience with 41 patients": no phase 3, no randomization), patients who declined a trial's
randomization are no randomized study, the patients screened need no noun ("Of 120 screened, 98 were enrolled"),
the survivors a follow-up is of may be counted ("median follow-up of the 12 survivors was 20 months"), and an age
names its moment without a verb ("median age at infusion 12 years"). Our own sentences, run end to end."""
from __future__ import annotations

import pytest

from extractor.extraction import extract_article
from extractor.models import AbstractSection, Article
from phrasing_cases import DRUG_X_TITLE, run_text, run_sections as _structured


# --- another trial's finding opens an observational series ---------------------------------------------------


@pytest.mark.parametrize("title, text", [
    ("Inotuzumab ozogamicin for relapsed ALL in routine practice",
     "In the phase III INO-VATE study, inotuzumab ozogamicin produced higher remission rates than standard care. We "
     "describe our experience with 41 patients with relapsed or refractory ALL. The CR/CRi rate was 66%."),
    ("Blinatumomab in children with relapsed ALL",
     "A phase 3 trial showed blinatumomab improved event-free survival compared with chemotherapy in high-risk first "
     "relapse. We analyzed 33 children with relapsed B-ALL treated with blinatumomab at our center. CR was 61%."),
    ("Ponatinib with chemotherapy in relapsed Ph-positive ALL",
     "Ponatinib was superior to imatinib in a phase 3 trial of newly diagnosed Ph-positive ALL. We treated 22 adults "
     "with relapsed Ph-positive ALL with ponatinib and chemotherapy at our institution. CR was 77%."),
    ("Inotuzumab before transplant in relapsed ALL",
     "Inotuzumab led to approval after the randomized phase 3 INO-VATE trial. Here we report 52 consecutive patients "
     "from our center bridged to transplant with inotuzumab. CR/CRi was 73%."),
])
def test_phrasings_finding_of_an_earlier_trial_is_not_the_series_design(nlp, title, text):
    assert run_text(nlp, text, title=title)["design"] == {"phase": "retrospective", "randomized": False}


def test_phrasings_background_finding_before_a_series_in_methods(nlp):
    record = _structured(nlp, "Inotuzumab in relapsed ALL",
                         ("BACKGROUND", "Inotuzumab improved survival over chemotherapy in the phase 3 INO-VATE "
                                        "trial."),
                         ("METHODS", "We analyzed 60 adults treated with inotuzumab at our institution."),
                         ("RESULTS", "CR/CRi was 70%."))
    assert record["design"] == {"phase": "retrospective", "randomized": False}


@pytest.mark.parametrize("text, phase", [
    # a design alone, without a finding, may be the study's own
    ("Inotuzumab was evaluated in a phase 2 study. We enrolled 49 patients at our center. CR was 57%.", "2"),
    # the study's own phase named after the earlier trial
    ("Inotuzumab improved survival in the phase 3 INO-VATE trial. We conducted a phase 2 study of weekly inotuzumab "
     "at our institution in 40 adults. CR was 58%.", "2"),
    # no observational series: an update of the trial itself
    ("Blinatumomab improved survival over chemotherapy in the phase 3 TOWER trial. We report an updated analysis of "
     "the trial's 405 patients. CR was 44%.", "3"),
    ("In this phase 3 trial, inotuzumab improved remission rates over chemotherapy. Among 326 patients treated at "
     "our centers, CR was 80%.", "3"),
])
def test_phrasings_own_or_updated_trial_keeps_its_phase(nlp, text, phase):
    assert run_text(nlp, text, title="Inotuzumab in relapsed ALL")["design"]["phase"] == phase


# --- patients outside a trial's randomization ----------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Adults with relapsed ALL who declined randomization were treated with blinatumomab in a single-arm cohort. Of 38 "
    "patients, CR was achieved in 17 (45%).",
    "Patients who refused randomisation received inotuzumab off-protocol. Among 29 patients, CR/CRi was 62%.",
    "Patients ineligible for randomization received blinatumomab. Of 31 patients, CR was 30%.",
])
def test_phrasings_declined_randomization_is_not_randomized(nlp, text):
    assert run_text(nlp, text, title=DRUG_X_TITLE)["design"]["randomized"] is False


@pytest.mark.parametrize("text", [
    "Children who declined to be randomized in the phase III study received blinatumomab. Of 27 children, CR was 70%.",
    "Patients not eligible for randomization in the phase 3 trial were treated with clofarabine. Of 31 patients, CR "
    "was 30%.",
    "We report 40 patients who declined randomisation into the phase 3 INO-VATE trial and received inotuzumab. CR was "
    "70%.",
])
def test_phrasings_phase_of_the_declined_trial_is_not_the_studys(nlp, text):
    assert run_text(nlp, text, title=DRUG_X_TITLE)["design"] == {"phase": "unknown", "randomized": False}


def test_phrasings_declined_randomization_in_methods(nlp):
    record = _structured(nlp, DRUG_X_TITLE,
                         ("METHODS", "Patients who declined randomization in the phase 3 trial were treated with "
                                     "inotuzumab at the physician's discretion. We analyzed 45 such adults."),
                         ("RESULTS", "CR/CRi was achieved in 30 (67%)."))
    assert record["design"] == {"phase": "unknown", "randomized": False}


@pytest.mark.parametrize("text", [
    "Of 350 patients, 326 were randomized to inotuzumab or chemotherapy; 24 declined randomization. CR was 80.7%.",
    "In this phase 3 trial, 405 adults were randomized 2:1 to blinatumomab or chemotherapy. CR was 34% vs 16%.",
])
def test_phrasings_a_trial_some_declined_stays_randomized(nlp, text):
    assert run_text(nlp, text, title=DRUG_X_TITLE)["design"]["randomized"] is True


# --- scalars ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, size", [
    ("Of 120 screened, 98 were enrolled and 92 treated. CR was 45%.", 98),
    ("Of 64 screened, 51 were enrolled. CR was 45%.", 51),
    ("Of 88 screened, 70 were infused. CR was 45%.", 70),
    ("Among 210 screened, 187 were randomized. CR was 45%.", 187),
    ("Of 120 patients screened, 98 were enrolled and 92 were treated with blinatumomab. CR was 45%.", 98),
    ("Of 30 screened, 3 failed screening. CR was 45%.", None),
    # the share of those screened who were enrolled
    ("Of 120 screened, 98 (82%) were enrolled. CR was 45%.", 98),
    ("Of 350 patients screened, 326 (93%) were randomized. CR was 45%.", 326),
])
def test_phrasings_screened_without_a_noun(nlp, text, size):
    assert run_text(nlp, text, title=DRUG_X_TITLE)["cohort_size"] == size


@pytest.mark.parametrize("text, months", [
    ("The median follow-up of the 12 survivors was 20 months.", 20),
    ("Median follow-up of the 18 surviving patients was 2.5 years.", 30),
    ("The median follow-up for the 9 patients alive was 41 months.", 41),
    ("Median follow-up among 22 living patients is 15.3 months (range, 4-30).", 15.3),
    ("Median follow-up of the surviving 15 patients was 33 months.", 33),
    ("The median follow-up time for the 20 patients still alive was 2.4 years.", 28.8),
    ("Median survivor follow-up was 24 months.", 24),
    # the whole cohort counted
    ("Median follow-up for all 40 patients was 18 months.", 18),
    ("Median follow-up of the 40 patients was 18 months.", 18),
    # a part, not the survivors
    ("The median follow-up of the 12 patients in CR was 20 months.", None),
    ("Median follow-up of the 25 responders was 18 months.", None),
    ("Median follow-up of the 20 patients treated at dose level 2 was 18 months.", None),
])
def test_phrasings_follow_up_of_counted_survivors(nlp, text, months):
    record = run_text(nlp, "Forty patients were treated. " + text + " OS was 50%.", title=DRUG_X_TITLE)
    assert record["median_follow_up_months"] == months


@pytest.mark.parametrize("text, age", [
    ("Forty patients (median age at infusion 12 years; range 1-24) received tisagenlecleucel.", 12),
    ("Forty patients were treated; median age at HSCT 34 years (range, 18-65).", 34),
    ("Forty patients, median age at relapse 41 years, were treated.", 41),
    ("Forty patients were treated; median age at diagnosis 30 years and at relapse 33 years.", None),
])
def test_phrasings_age_at_a_moment_without_a_verb(nlp, text, age):
    assert run_text(nlp, text + " CR was 80%.", title=DRUG_X_TITLE)["median_age_years"] == age


# --- a case report's patient ----------------------------------------------------------------------------------


@pytest.mark.parametrize("title, text, group", [
    ("Relapsed ALL treated with inotuzumab: a case report",
     "We report a 34-year-old man with relapsed Ph-positive ALL who achieved MRD-negative CR after inotuzumab.",
     "adult"),
    ("Blinatumomab for relapsed ALL: a case report",
     "An 8-month-old infant with relapsed KMT2A-rearranged ALL received blinatumomab and achieved CR.", "pediatric"),
    ("Blinatumomab for relapsed ALL: a case report",
     "A 13-year-old boy with second relapse of B-ALL received blinatumomab and achieved CR.", "pediatric"),
    ("Inotuzumab for relapsed ALL: case report",
     "A 71-year-old woman with relapsed B-ALL received inotuzumab and achieved CR.", "older adult"),
    # between the older-adult bounds (60 or 65) the patient is neither
    ("Inotuzumab for relapsed ALL: case report",
     "A 62-year-old woman with relapsed B-ALL received inotuzumab and achieved CR.", "unknown"),
])
def test_phrasings_case_report_age(nlp, title, text, group):
    assert run_text(nlp, text, title=title)["population"]["age_group"] == group


@pytest.mark.parametrize("text, group", [
    ("We treated 40 adults with relapsed B-ALL with inotuzumab. CR was 60%. A 72-year-old man died of sepsis.",
     "adult"),
    ("We treated 30 children with relapsed B-ALL. CR was 90%. A 19-year-old patient developed grade 4 CRS.",
     "pediatric"),
])
def test_phrasings_one_patient_of_a_series_keeps_the_cohort_age(nlp, text, group):
    assert run_text(nlp, text, title=DRUG_X_TITLE)["population"]["age_group"] == group


# --- the kind of relapse names the patients' state ------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Patients with hematologic relapse or MRD-positive disease received inotuzumab. Of 40, CR was 70%.",
    "Patients with overt relapse or persistent MRD received blinatumomab. Of 40, CR was 70%.",
    "Patients with morphologic relapse or molecular relapse received blinatumomab. Of 40, CR was 70%.",
    "Adults in haematological relapse received the combination. Of 25, CR was 48%.",
])
def test_phrasings_qualified_relapse_beside_mrd_is_relapse(nlp, text):
    record = run_text(nlp, text, title="Drug X in acute lymphoblastic leukemia")
    assert (record["relevant"], record["setting"]) == (True, "relapsed/refractory")


def test_phrasings_mrd_trial_with_relapse_events_stays_mrd(nlp):
    record = run_text(nlp, "Adults in complete remission with persistent MRD received blinatumomab. Of 40, complete "
                           "MRD response was 78%. Ten patients had a hematologic relapse.",
                      title="Drug X in acute lymphoblastic leukemia")
    assert (record["relevant"], record["setting"]) == (False, "MRD-positive remission")


# --- a phase 1/2 study named by its parts; randomization without its word -------------------------------------


@pytest.mark.parametrize("text", [
    "In the phase 1 portion, 24 patients were treated; in the phase 2 portion, 40 more were enrolled.",
    "The study had a phase 1 part and a phase 2 part.",
    "We report the phase 1 and phase 2 portions of the study.",
    "Patients in the phase I stage received escalating doses; the phase II stage used the recommended dose.",
])
def test_phrasings_phases_named_as_parts_are_one_phase_1_2_study(nlp, text):
    record = run_text(nlp, text + " Of 40 patients, CR was 50%.", title=DRUG_X_TITLE)
    assert record["design"]["phase"] == "1/2"


def test_phrasings_phases_of_two_studies_stay_pooled(nlp):
    record = run_text(nlp, "Data from the phase 1 study A and the phase 2 study B were pooled. Of 40 patients, CR was "
                           "50%.", title=DRUG_X_TITLE)
    assert record["design"]["phase"] == "pooled"


@pytest.mark.parametrize("text", [
    "Patients were allocated at random to two schedules.",
    "Patients were assigned at random to X or Y.",
])
def test_phrasings_at_random_is_randomized(nlp, text):
    assert run_text(nlp, text + " Of 40 patients, CR was 50%.", title=DRUG_X_TITLE)["design"]["randomized"] is True


# --- B-cell antigens and mature B-cell ALL ----------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Patients with relapsed CD20-positive ALL received rituximab with chemotherapy. Of 20, CR was 50%.",
    "Adults with CD20+ relapsed ALL received ofatumumab and hyper-CVAD. Of 20, CR was 50%.",
])
def test_phrasings_cd20_positive_all_is_b_lineage(nlp, text):
    assert run_text(nlp, text, title="Rituximab in relapsed ALL")["population"]["lineage"] == "B"


def test_phrasings_mature_b_cell_all_is_another_disease(nlp):
    record = run_text(nlp, "Children with relapsed mature B-ALL received rituximab. Of 20, CR was 50%.",
                      title="Rituximab with chemotherapy in relapsed mature B-cell acute lymphoblastic leukemia")
    assert (record["relevant"], record["setting"]) == (False, "other")


# --- treatment in practice names the series ------------------------------------------------------------------

_INO_VATE = "Inotuzumab improved survival over chemotherapy in the phase 3 INO-VATE trial. "


@pytest.mark.parametrize("own", [
    "We report outcomes of 56 adults treated with inotuzumab in routine clinical practice.",
    "We report outcomes of 56 adults treated with commercial inotuzumab.",
    "We report real-life outcomes of 56 adults with relapsed B-ALL.",
    "This multicenter study reports 56 adults treated off-trial.",
    "We analyzed 56 adults treated in daily practice.",
    "We report 56 adults given inotuzumab post-approval.",
])
def test_phrasings_practice_series_after_an_earlier_trial(nlp, own):
    record = run_text(nlp, _INO_VATE + own + " CR/CRi was achieved in 40 patients (71%).",
                      title="Inotuzumab ozogamicin in relapsed acute lymphoblastic leukemia")
    assert record["design"] == {"phase": "retrospective", "randomized": False}


def test_phrasings_commercial_car_t_after_the_pivotal_trial(nlp):
    record = run_text(nlp, "Tisagenlecleucel achieved remission in 81% of patients in the phase 2 ELIANA trial. We "
                           "report 185 patients who received commercial tisagenlecleucel. CR was 85%.",
                      title=DRUG_X_TITLE)
    assert record["design"]["phase"] == "retrospective"


@pytest.mark.parametrize("text, phase", [
    ("In this phase 2 study, 40 adults with relapsed ALL received drug X. CR was 60%. Drug X may be integrated into "
     "routine clinical practice.", "2"),
    ("Forty adults with relapsed ALL were prospectively enrolled and received drug X. CR was 60%. Drug X may be "
     "integrated into routine clinical practice.", "unknown"),
    # the conclusion's practice words are no series: an update of the trial the opening names
    ("Blinatumomab induced CR in 43% of patients in a phase 2 trial. We report long-term follow-up of the 189 "
     "patients. Median OS was 6 months. These data support its use in routine practice.", "2"),
])
def test_phrasings_practice_words_of_a_trial_keep_its_phase(nlp, text, phase):
    assert run_text(nlp, text, title=DRUG_X_TITLE)["design"]["phase"] == phase


def test_phrasings_early_access_is_a_single_arm_series(nlp):
    record = run_text(nlp, "Patients were treated with blinatumomab in an early access program. Of 50 adults, CR was "
                           "40%.", title=DRUG_X_TITLE)
    assert record["design"] == {"phase": "retrospective", "randomized": False}


# --- age ranges without "aged ... years" -----------------------------------------------------------------------


@pytest.mark.parametrize("text, group", [
    ("Patients (age 18-70) with relapsed ALL received drug X.", "adult"),
    ("Patients (aged 2-30) with relapsed ALL received drug X.", "mixed"),
    ("Children (age range: 1-17) with relapsed ALL received drug X.", "pediatric"),
    ("Patients between 18 and 65 years old with relapsed ALL received drug X.", "adult"),
    ("Patients between 1 and 21 years of age with relapsed ALL received drug X.", "pediatric"),
    ("CAYA patients with relapsed ALL received drug X.", "mixed"),
])
def test_phrasings_age_range_in_brackets_or_between(nlp, text, group):
    record = run_text(nlp, text + " Of 40 patients, CR was 50%.", title=DRUG_X_TITLE)
    assert record["population"]["age_group"] == group


# --- a randomization that is not this study's treatment allocation -------------------------------------------


@pytest.mark.parametrize("text", [
    "We studied a randomly selected sample of relapsed patients from the registry.",
    "Patients had been randomized in the frontline UKALL trial; at relapse they received FLAG-IDA.",
    "We analyzed patients who relapsed after treatment on randomized frontline trials.",
    "Children relapsing on the randomized front-line COG protocol received salvage.",
])
def test_phrasings_sampling_or_the_frontline_trials_randomization(nlp, text):
    record = run_text(nlp, text + " Of 40 patients, CR was 50%.", title=DRUG_X_TITLE)
    assert record["design"]["randomized"] is False


@pytest.mark.parametrize("text", [
    "In the randomized frontline trial GRAALL-2005, 800 adults with newly diagnosed ALL were randomized to hyper-C or "
    "standard. EFS was 50%.",
    "Patients were randomized in first-line to imatinib or dasatinib. Of 200 newly diagnosed adults, EFS was 50%.",
])
def test_phrasings_a_frontline_trials_own_randomization_stays(nlp, text):
    assert run_text(nlp, text, title="Frontline therapy of ALL")["design"]["randomized"] is True


@pytest.mark.parametrize("methods", [
    "Forty-one adults treated in daily clinical practice were included.",
    "Forty-one adults treated at our institution were reviewed.",
])
def test_phrasings_methods_opening_names_the_series_after_an_introduction_trial(nlp, methods):
    record = _structured(nlp, "Inotuzumab ozogamicin in relapsed acute lymphoblastic leukemia",
                         ("INTRODUCTION", "The phase 3 INO-VATE trial showed higher remission rates with inotuzumab."),
                         ("METHODS", methods),
                         ("RESULTS", "CR/CRi was 71%."))
    assert record["design"] == {"phase": "retrospective", "randomized": False}


def test_phrasings_methods_naming_its_own_phase_keeps_it(nlp):
    record = _structured(nlp, "Inotuzumab ozogamicin in relapsed acute lymphoblastic leukemia",
                         ("INTRODUCTION", "The phase 3 INO-VATE trial showed higher remission rates with inotuzumab."),
                         ("METHODS", "In this phase 2 study at our institution, 41 adults received weekly "
                                     "inotuzumab."),
                         ("RESULTS", "CR/CRi was 71%."))
    assert record["design"]["phase"] == "2"


# --- Ph status in older or negated spellings --------------------------------------------------------------------


@pytest.mark.parametrize("status, expected", [
    ("Ph1-positive", "positive"),
    ("Ph1+", "positive"),
    ("non-Ph", "negative"),
    ("non-Philadelphia", "negative"),
    ("non-Philadelphia chromosome", "negative"),
])
def test_phrasings_ph1_and_non_ph(nlp, status, expected):
    record = run_text(nlp, f"Adults with relapsed {status} ALL received drug X. Of 40 patients, CR was 50%.",
                      title=DRUG_X_TITLE)
    assert record["population"]["ph_status"] == expected


# --- a record typed a review quotes the trials it names --------------------------------------------------------


def _typed(nlp, title: str, text: str, types: tuple[str, ...]) -> dict:
    section = AbstractSection(label=None, nlm_category=None, text=text)
    return extract_article(Article(pmid="1", title=title, sections=(section,), publication_types=types), nlp)


@pytest.mark.parametrize("text, types, relevant", [
    ("Blinatumomab is a BiTE. The randomized TOWER trial showed longer OS (7.7 vs 4.0 months). Its toxicities and "
     "their management are described.", ("Journal Article", "Review"), False),
    ("Inotuzumab is an anti-CD22 conjugate. In the phase 3 INO-VATE trial, CR/CRi was 80.7% versus 29.4%.",
     ("Journal Article", "Review"), False),
    # own data of the review's authors, or a review with pooled estimates, stays relevant
    ("We treated 20 adults with blinatumomab at our institution; CR was 45%. The randomized TOWER trial showed "
     "longer OS.", ("Journal Article", "Review"), True),
    ("We searched PubMed and Embase for studies of CAR T cells in relapsed B-ALL. Twenty-five studies with 1,100 "
     "patients were included. The pooled CR rate was 80%.", ("Journal Article", "Review"), True),
    # a trial typed as one is its own data
    ("The randomized TOWER trial showed longer OS (7.7 vs 4.0 months).", ("Journal Article", "Review",
                                                                          "Randomized Controlled Trial"), True),
])
def test_phrasings_review_type_quotes_its_trials(nlp, text, types, relevant):
    assert _typed(nlp, "Blinatumomab in relapsed ALL", text, types)["relevant"] is relevant
