"""Study classification, fifth round: remissions that are a past state rather than the line treated (relapse after
transplant or CAR T cells), subgroups as the subject of a result, frontline trials reporting what followed a
relapse, review titles, both Ph statuses eligible, age bounds after "aged". Our own sentences, run end to end."""
from __future__ import annotations

import pytest

from phrasing_cases import DRUG_X_TITLE, population_of as _population, run_text


# --- a remission named as a list or as the state at transplant is no first salvage ---------------------------


@pytest.mark.parametrize("title, text", [
    ("Outcomes of adults with ALL relapsing after allogeneic stem cell transplantation",
     "We reviewed 120 adults with B-ALL who relapsed after allogeneic HSCT performed in CR1 or CR2. Salvage produced "
     "CR in 45%. Median OS after relapse was 6.1 months."),
    ("Salvage therapy for relapse after CAR T-cell therapy in B-ALL",
     "We collected 60 patients with B-ALL who relapsed after tisagenlecleucel; 40 had been infused in CR2 or later. "
     "CR2 or CR3 was achieved in 30 patients (50%)."),
    ("Post-transplant relapse of acute lymphoblastic leukemia",
     "Among 500 adults transplanted in first or second complete remission, 150 relapsed. Patients transplanted in "
     "CR2 had a shorter time to relapse. After relapse, CR was achieved in 40%."),
    ("Blinatumomab in children with relapsed ALL after allogeneic HSCT",
     "Twenty children with B-ALL relapsing after allogeneic HSCT received blinatumomab. Six had been transplanted in "
     "CR2 and 14 in CR1. CR was 60%."),
    ("Allogeneic HSCT for relapsed ALL in CR2 or beyond",
     "We reviewed 200 adults with ALL transplanted in CR2 or later. Three-year OS was 35%."),
    ("Blinatumomab for relapsed ALL before transplant",
     "We treated 40 adults with relapsed B-ALL. CR was 50%, and 60% of responders proceeded to transplant in CR2."),
])
def test_remission_state_or_list_is_no_first_salvage(nlp, title, text):
    assert run_text(nlp, text, title=title)["setting"] == "relapsed/refractory"


@pytest.mark.parametrize("title, text", [
    # the second remission a salvage aims at or achieves still marks first relapse
    ("Inotuzumab as a bridge to transplant in first relapse of ALL",
     "We treated 40 adults in first relapse of B-ALL. CR2 was achieved in 30 (75%), and 20 proceeded to HSCT in CR2."),
    (DRUG_X_TITLE, "Forty children with relapsed ALL received the drug. A second complete remission was achieved in "
                   "30 (75%)."),
    ("Allogeneic transplantation in second remission of childhood ALL",
     "We analysed 150 children with ALL transplanted in CR2 after a first relapse. Five-year EFS was 55%."),
    # a title's transplant in CR2 names the study's patients
    ("Allogeneic HSCT in CR2 for childhood acute lymphoblastic leukemia",
     "We analysed 150 children with ALL. Five-year EFS was 55%."),
])
def test_second_remission_aimed_at_stays_first_salvage(nlp, title, text):
    assert run_text(nlp, text, title=title)["setting"] == "first salvage"


# --- a frontline trial reporting what followed a relapse stays frontline -------------------------------------


@pytest.mark.parametrize("text", [
    "Children with newly diagnosed ALL were treated on the protocol. Of 1200 children, 5-year EFS was 88%. Of the 90 "
    "children who relapsed, 70 achieved a second remission.",
    "Children with newly diagnosed ALL were treated on the protocol. Of 1200 children, 5-year EFS was 88%. Relapse "
    "risk was higher in MRD-positive patients at the end of induction. Salvage after relapse achieved a second "
    "remission in 80%.",
])
def test_frontline_trial_with_second_remissions_after_relapse(nlp, text):
    record = run_text(nlp, text, title="Outcomes of childhood ALL on a risk-adapted protocol")
    assert (record["setting"], record["relevant"]) == ("frontline", False)


def test_first_relapse_study_achieving_second_remission_stays_first_salvage(nlp):
    text = "We studied 300 children with first relapse of ALL. Of these, 250 achieved a second remission."
    assert run_text(nlp, text, title=DRUG_X_TITLE)["setting"] == "first salvage"


# --- a status as the subject of a result is a subgroup -------------------------------------------------------


@pytest.mark.parametrize("text, ph_status", [
    ("Eighty adults with relapsed ALL received the regimen. Overall CR was 60%. Ph-positive patients had a CR rate "
     "of 70%.", "any"),
    ("Of 150 adults with relapsed ALL, CR was 45%. Patients with Ph-positive ALL had a median OS of 9 months.", "any"),
    ("We reviewed 55 adults with relapsed ALL. CR was 35%. Ph-positive patients achieved CR in 50%.", "any"),
    ("Forty adults with relapsed ALL were treated. Ph-positive disease was present in 25%. CR was 65%.", "any"),
    # the cohort's own status, named again in a result
    ("Forty adults with relapsed Ph-positive ALL were treated. Ph-positive patients with T315I had a CR rate of "
     "40%.", "positive"),
    # counted, or what the patients had received: the cohort
    ("Forty patients with Ph-positive ALL had a CR rate of 50%.", "positive"),
    ("Patients with Ph-positive ALL had received a median of 2 prior TKIs. CR was 50%.", "positive"),
    # no figure: a statement about the disease
    ("Ph-positive patients had a poor prognosis before TKIs. We treated 30 adults with relapsed ALL. CR was 50%.",
     "positive"),
])
def test_status_as_the_subject_of_a_result(nlp, text, ph_status):
    assert _population(nlp, text)["ph_status"] == ph_status


def test_lineage_as_the_subject_of_a_result(nlp):
    text = "We treated 50 adults with relapsed ALL. CR was 40%. Patients with T-ALL achieved CR in 30%."
    assert _population(nlp, text)["lineage"] == "any"


@pytest.mark.parametrize("text, ph_status", [
    ("Adults with relapsed ALL, with or without the Philadelphia chromosome, received inotuzumab. CR was 70%.", "any"),
    ("Adults with relapsed ALL with and without BCR-ABL1 fusion were enrolled. CR was 60%.", "any"),
    ("Adults with relapsed B-ALL without the Philadelphia chromosome were enrolled. CR was 60%.", "negative"),
])
def test_with_or_without_the_philadelphia_chromosome(nlp, text, ph_status):
    assert _population(nlp, text)["ph_status"] == ph_status


# --- a title naming the article a review -------------------------------------------------------------------


@pytest.mark.parametrize("title, text", [
    ("Blinatumomab for relapsed ALL: review of phase 3 data",
     "Blinatumomab improved overall survival over chemotherapy in the TOWER trial (7.7 vs 4.0 months)."),
    ("Inotuzumab ozogamicin in relapsed or refractory ALL: a review",
     "In the phase 3 INO-VATE trial, CR/CRi was 81% versus 29% with chemotherapy. VOD occurred in 13%."),
    ("Treatment of relapsed acute lymphoblastic leukemia in adults: a narrative review",
     "Novel agents such as blinatumomab and inotuzumab yield CR rates of 40% to 80%."),
    ("How I treat relapsed acute lymphoblastic leukemia in adults",
     "Blinatumomab and inotuzumab produce remission in most adults; transplant remains the only cure."),
    (DRUG_X_TITLE, "Inotuzumab is effective in relapsed B-ALL. VOD occurs in up to 13% of patients. This article "
                   "provides practical guidance for clinicians."),
    ("Treatment of relapsed Ph-positive ALL: recent advances",
     "Ponatinib and blinatumomab have improved outcomes. The phase 2 PhALLCON trial showed a CR rate of 78%."),
    ("Relapsed acute lymphoblastic leukemia in children: current management and future directions",
     "Relapse occurs in 15% of children. CAR T cells yield remission in 80%."),
    # a review's verb between "this" and the phase: the trials summarised are others'
    (DRUG_X_TITLE, "In this article, we summarize recent phase 2 and phase 3 trials. CR rates ranged from 40% to 80%."),
])
def test_review_title_is_not_relevant(nlp, title, text):
    assert run_text(nlp, text, title=title)["relevant"] is False


@pytest.mark.parametrize("title, text", [
    # own data beside a review title
    ("Blinatumomab in relapsed ALL: a review of our experience",
     "We retrospectively reviewed 45 adults with relapsed B-ALL treated with blinatumomab. CR was 42%."),
    ("Ponatinib in relapsed Ph-positive ALL: a case report and review of the literature",
     "A 45-year-old man with relapsed Ph-positive ALL achieved complete molecular remission with ponatinib."),
    # a trial's title without review words
    ("A phase 2 study of blinatumomab in relapsed ALL",
     "We review the outcomes of 40 adults who received blinatumomab. CR was 45%."),
    ("Inotuzumab in relapsed ALL: a review of 30 cases treated at our institution",
     "Thirty adults with relapsed B-ALL received inotuzumab at our institution. CR/CRi was 70%."),
    ("CAR T-cell therapy in relapsed ALL: our experience and review of the literature",
     "Twelve children received tisagenlecleucel at our center. Eleven achieved CR."),
    # a trial's report names its results after the colon
    ("Blinatumomab in relapsed ALL: results of a phase 2 study",
     "Forty adults with relapsed B-ALL received blinatumomab. CR was 45%."),
    ("Tisagenlecleucel in relapsed B-ALL: long-term follow-up of a phase 2 trial",
     "Seventy-nine patients were infused. The overall remission rate was 82%."),
    # a meta-analysis pools data of its own making
    ("CAR T-cell therapy for relapsed B-ALL: a systematic review and meta-analysis",
     "We pooled 20 studies of CD19 CAR T cells with 700 patients with relapsed B-ALL. The pooled CR rate was 82%."),
])
def test_review_title_with_own_data_stays_relevant(nlp, title, text):
    assert run_text(nlp, text, title=title)["relevant"] is True


# --- an age bound after "aged" -------------------------------------------------------------------------------


@pytest.mark.parametrize("text, age_group", [
    ("Patients aged up to 25 years with relapsed B-ALL were eligible. Forty patients were enrolled. CR was 60%.",
     "mixed"),
    ("Patients aged under 18 years with relapsed B-ALL were eligible. Forty were enrolled. CR was 60%.",
     "pediatric"),
    ("Patients aged over 60 years with relapsed ALL were treated. CR was 40%.", "older adult"),
    ("Patients 25 years or younger with relapsed B-ALL were infused. Of 80 patients, CR was 82%.", "mixed"),
    # a subgroup's bound, the subject of its result
    ("Forty adults with relapsed ALL were treated. Patients 25 years or younger had a CR rate of 80%.", "adult"),
])
def test_age_bound_after_aged(nlp, text, age_group):
    assert _population(nlp, text)["age_group"] == age_group


# --- a trial in progress told in the present tense ---------------------------------------------------------


@pytest.mark.parametrize("text, relevant", [
    ("This randomized phase 3 trial compares blinatumomab with chemotherapy in children with first relapse of "
     "B-ALL. The primary endpoint is disease-free survival. Accrual began in 2019 and 150 of 200 patients have been "
     "randomized.", False),
    ("This phase 2 trial enrolls children with relapsed B-ALL. To date, 25 of the planned 48 patients have been "
     "enrolled. The trial is ongoing.", False),
    # an interim report with results
    ("This phase 2 trial enrolls adults with relapsed B-ALL. To date, 30 patients have been enrolled; CR was 60%. "
     "The trial is ongoing.", True),
])
def test_trial_in_progress_in_the_present_tense(nlp, text, relevant):
    assert run_text(nlp, text, title=DRUG_X_TITLE)["relevant"] is relevant


# --- children or adults counted as a part of the cohort ------------------------------------------------------


@pytest.mark.parametrize("text, age_group", [
    ("We treated 70 patients with relapsed B-ALL, including 20 children. The median age was 30 years (range, 2 to "
     "75). CR was 50%.", "mixed"),
    ("Forty patients with relapsed B-ALL were infused, among them 12 adults. CR was 85%.", "mixed"),
    # a narrower group, or a part of a cohort counted by its own age word
    ("We treated 40 children with relapsed B-ALL, including 10 adolescents. CR was 60%.", "pediatric"),
    ("We treated 50 patients with relapsed B-ALL, including 8 infants. The median age was 6 years. CR was 60%.",
     "pediatric"),
    ("We treated 70 children with relapsed B-ALL. CR was 50%.", "pediatric"),
])
def test_children_or_adults_counted_as_a_part(nlp, text, age_group):
    assert _population(nlp, text)["age_group"] == age_group


# --- randomization denied, or another trial's -----------------------------------------------------------------


@pytest.mark.parametrize("text, randomized", [
    ("In this phase 2 study, forty adults received X. Randomization was not performed. CR was 50%.", False),
    ("Forty adults were assigned to two doses without randomization. CR was 50%.", False),
    ("In this phase 2 study, 40 adults received the combination. Results compared favorably with the randomized PACE "
     "trial. CR was 80%.", False),
    ("In this phase 2 study, 40 adults received X. CR rates were similar to those of the randomized TOWER trial.",
     False),
    # the study's own randomization
    ("Adults were randomly assigned to X or Y. Randomization was not stratified by age. CR was 50% vs 40%.", True),
])
def test_randomization_denied_or_another_trials(nlp, text, randomized):
    assert run_text(nlp, text, title=DRUG_X_TITLE)["design"]["randomized"] is randomized


@pytest.mark.parametrize("text, setting", [
    # a count of TKIs is no count of salvage lines
    ("Adults with Ph-positive ALL resistant or intolerant to two or more prior TKIs received ponatinib. Of 32 "
     "patients, CR was 41%.", "relapsed/refractory"),
    ("Adults with relapsed Ph-positive ALL who had received at least two prior TKIs were treated. CR was 50%.",
     "relapsed/refractory"),
    # lines of therapy still are
    ("Adults with Ph-positive ALL refractory to two or more prior regimens received ponatinib. CR was 30%.",
     "second or later salvage"),
])
def test_prior_tkis_are_no_salvage_lines(nlp, text, setting):
    assert run_text(nlp, text, title=DRUG_X_TITLE)["setting"] == setting


@pytest.mark.parametrize("text, ph_status", [
    # a TKI given on the condition of the status
    ("Adults with relapsed B-ALL received blinatumomab, with a TKI for Ph-positive disease. Fifty patients were "
     "treated. CR was 60%.", "any"),
    ("Adults with relapsed ALL received hyper-CVAD plus a TKI if Ph-positive. Of 40 patients, CR was 55%.", "any"),
    ("Adults with relapsed ALL received hyper-CVAD plus dasatinib if Ph-positive. Of 40 patients, CR was 55%.", "any"),
    # the status found in a count of patients
    ("Forty adults with relapsed ALL were treated. Cytogenetics showed Ph-positive ALL in 10 patients. CR was 65%.",
     "any"),
    # the cohort's status, not a count of patients after it
    ("We treated adults with relapsed Ph-positive ALL in 12 centres. CR was 65%.", "positive"),
    ("Adults with relapsed Ph-positive ALL received ponatinib. CR was 65%.", "positive"),
])
def test_status_of_a_part_named_by_its_treatment_or_count(nlp, text, ph_status):
    assert _population(nlp, text)["ph_status"] == ph_status


# --- inline section labels of a conference-style abstract --------------------------------------------------------


@pytest.mark.parametrize("title, text, age_group", [
    ("Inotuzumab versus chemotherapy in adults with relapsed ALL: an open-label phase 3 trial",
     "Background: Adults and children with relapsed ALL have poor outcomes. Methods: In this phase 3 trial, adults "
     "with relapsed B-ALL were randomly assigned to inotuzumab or chemotherapy. Findings: Of 326 patients, CR/CRi was "
     "81% vs 29%. Interpretation: Inotuzumab should be considered for adults and children. Funding: Pfizer.",
     "adult"),
    ("Blinatumomab bridging in relapsed ALL",
     "Introduction: Blinatumomab improves survival in adults and children with relapsed B-ALL. Methods: We reviewed "
     "40 children treated at our center. Results: CR was 60%.", "pediatric"),
    # the background's words count when the rest names no age group
    ("CAR T cells in relapsed ALL",
     "Background: CAR T cells are effective in children and young adults. Methods: We infused 50 patients with "
     "relapsed B-ALL. Results: CR was 85%.", "mixed"),
    # a label that is no framing one does not set its sentences aside
    ("CAR T cells in relapsed ALL",
     "Methods: We infused 50 children and young adults with relapsed B-ALL. Results: CR was 85%.", "mixed"),
])
def test_inline_background_and_conclusion_labels(nlp, title, text, age_group):
    assert run_text(nlp, text, title=title)["population"]["age_group"] == age_group
