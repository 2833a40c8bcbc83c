"""Study labels and scalars, fifteenth round. Our own sentences and whole invented abstracts, run end to end.

Relevance: laboratory or animal work named only in the body (two sentences, no patients enrolled beside them); a
study of healthy volunteers (pharmacokinetics, bioequivalence). Cohort size: the therapy or the study as the subject
of a passive verb with its patients after "in" ("X was evaluated in 52 adults", "The trial was conducted in 40
children"), a study named with its count ("a phase 2 study in 40 adults", "a trial involving 40 children"); a
measure assessed "in" some patients ("MRD was evaluated in 30 patients") is a part, not the cohort."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractor.models import AbstractSection, Article
from extractor.patterns import load_registries
from extractor.trials import trial_ids
from phrasing_cases import population_of, run_text

NEUTRAL_TITLE = "Drug X in acute lymphoblastic leukemia"  # names no setting of its own
SALVAGE = "Drug X in relapsed acute lymphoblastic leukemia"


def _relevant(nlp, text: str, title: str = NEUTRAL_TITLE) -> bool:
    return run_text(nlp, text, title=title)["relevant"]


def _cohort(nlp, text: str, title: str = SALVAGE):
    return run_text(nlp, text, title=title)["cohort_size"]


# --- relevance: laboratory work named in the body ------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Drug X induced apoptosis in twelve B-ALL cell lines. In mice engrafted with relapsed ALL, drug X prolonged "
    "survival (median 60 vs 31 days).",
    "Drug X was tested in 12 ALL cell lines, of which 10 were sensitive. In five PDX models of relapsed B-ALL, drug X "
    "reduced the leukemic burden by 90%.",
    "We assessed drug X in xenografts derived from relapsed B-ALL. Murine survival was prolonged by 20 days, and "
    "drug X killed 80% of blasts in vitro.",
])
def test_laboratory_work_in_the_body_is_not_relevant(nlp, text):
    assert _relevant(nlp, text, title="Drug X targets CD22 in relapsed B-cell acute lymphoblastic leukemia") is False


@pytest.mark.parametrize("text", [
    # once, in the background, beside a treated cohort
    "Preclinical studies showed synergy of drug X with chemotherapy. Forty adults with relapsed ALL were treated. CR "
    "was 40%.",
    # in two sentences, but the study enrols patients of its own beside them
    "Drug X killed ALL cell lines. In mice, drug X prolonged survival. Twelve adults with relapsed ALL were then "
    "treated; CR was 40%.",
    "Drug X was active in ALL cell lines and in mice. We describe a child with relapsed ALL who achieved CR with drug "
    "X.",
    # a trial's phase makes it a clinical study, whatever laboratory work it adds
    "In this phase 1 trial, drug X was given to adults with relapsed ALL. Blasts were sensitive in vitro. The same "
    "blasts engrafted in mice. CR was 30%.",
])
def test_laboratory_words_beside_a_clinical_study_stay_relevant(nlp, text):
    assert _relevant(nlp, text, title=SALVAGE) is True


# --- relevance: healthy volunteers ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text, title", [
    ("Forty healthy volunteers were enrolled and received one dose of drug X. Clearance was 2 L/h; the ratio of AUCs "
     "was 98%.", "Pharmacokinetics of a new formulation of drug X"),
    ("A population pharmacokinetic model of drug X was built from 48 healthy adult volunteers. Clearance was 2 L/h.",
     "Population pharmacokinetics of drug X"),
    ("Drug X was given to 40 participants in two periods. The geometric mean ratio of AUC was 98%.",
     "Bioequivalence of two formulations of drug X in healthy subjects"),
])
def test_a_study_of_healthy_volunteers_is_not_relevant(nlp, text, title):
    assert _relevant(nlp, text, title=title) is False


@pytest.mark.parametrize("text, title", [
    # the patients' exposure compared with that of healthy volunteers: a trial of patients
    ("Forty adults with relapsed ALL were enrolled. Exposure to drug X was similar to that in healthy volunteers. CR "
     "was 40%.", SALVAGE),
    ("Forty patients were enrolled. Exposure to drug X was similar to that in healthy volunteers. CR was 40%.",
     SALVAGE),
    # volunteers and patients with ALL pooled: a study of patients too
    ("Data from 40 healthy volunteers and 200 patients with relapsed ALL were pooled. Clearance was 2 L/h.",
     "Population pharmacokinetics of drug X in relapsed acute lymphoblastic leukemia"),
    # healthy donors of a cell product are no volunteers studied
    ("Forty adults with relapsed ALL received CAR T cells made from healthy donors. CR was 70%.", SALVAGE),
])
def test_healthy_volunteers_beside_patients_stay_relevant(nlp, text, title):
    assert _relevant(nlp, text, title=title) is True


# --- cohort size: a passive verb of study with its patients after "in" --------------------------------------------


@pytest.mark.parametrize("text, size", [
    ("Drug X was evaluated in 112 adults with relapsed ALL. CR was 40%.", 112),
    ("The efficacy and safety of drug X were prospectively investigated in 112 adults with relapsed ALL. CR was 40%.",
     112),
    ("A multicentre phase 2 trial was conducted in 40 adults with relapsed ALL. CR was 40%.", 40),
    ("The combination was tested in 3 dose levels in 18 patients. CR was 40%.", 18),
    ("The trial was performed in 12 centres in 40 children. CR was 40%.", 40),
])
def test_a_passive_verb_of_study_counts_the_patients_after_in(nlp, text, size):
    assert _cohort(nlp, text) == size


@pytest.mark.parametrize("text, size", [
    ("This was a nonrandomized, open-label, phase 2 study in 40 adults. CR was 40%.", 40),
    ("A phase 2 study involving 40 children with relapsed ALL was carried out. CR was 40%.", 40),
    ("We report a multicentre trial including 64 patients with relapsed ALL. CR was 40%.", 64),
])
def test_a_study_named_with_its_count(nlp, text, size):
    assert _cohort(nlp, text) == size


@pytest.mark.parametrize("text, size", [
    # a measure assessed in some patients is a part of the cohort
    ("MRD was evaluated in 30 patients. CR was 40%.", None),
    ("MRD was studied in 30 patients. CR was 40%.", None),
    ("Responses were assessed in 30 patients. CR was 40%.", None),
    ("Forty adults were enrolled. MRD was evaluated in 30 patients. CR was 40%.", 40),
    # another study's count gives way to the authors' own
    ("In a previous trial in 49 patients, drug X was active. Here, 60 adults with relapsed ALL received drug X. CR "
     "was 40%.", 60),
    ("The phase 3 trial in 326 patients showed longer OS with drug X. We treated 60 adults. CR was 40%.", 60),
])
def test_a_part_or_another_study_is_no_cohort(nlp, text, size):
    assert _cohort(nlp, text) == size


# --- cohort size: assignment to cohorts or arms, each arm's count after "to" --------------------------------------


@pytest.mark.parametrize("text, size", [
    ("In this nonrandomized phase 2 trial, 80 adults were assigned to two cohorts. CR was 40%.", 80),
    ("Eighty adults were assigned to receive drug X. CR was 40%.", 80),
    # two arms' counts, the second's verb left out after its "to": their sum
    ("Twenty adults were randomized to drug X and 22 to chemotherapy. CR was 40%.", 42),
    ("Twenty adults were allocated to arm A and 20 to arm B. CR was 40%.", 40),
    ("Twenty adults were assigned to arm A and twenty to arm B. CR was 40%.", 40),
    # the first count given is the cohort: its breakdown after it is no second group
    ("Of 60 patients, 40 were randomized to drug X and 20 to chemotherapy. CR was 40%.", 60),
    ("Sixty patients were randomized; 40 to drug X and 20 to chemotherapy. CR was 40%.", 60),
    ("A total of 60 patients were enrolled, 40 to the first cohort and 20 to the expansion. CR was 40%.", 60),
    ("Forty adults were enrolled. Twenty were assigned to arm A and 20 to arm B. CR was 40%.", 40),
    # a later subset's "to" is no arm
    ("Sixty patients were enrolled and 40 proceeded to HSCT. CR was 40%.", 60),
    ("Sixty patients were treated, and 40 went on to transplant. CR was 40%.", 60),
    # each group's size is no total
    ("Six patients were assigned to each dose level. CR was 40%.", None),
])
def test_assignment_to_arms_counts_the_cohort(nlp, text, size):
    assert _cohort(nlp, text) == size


# --- design and relevance: a chart review, a review title's "current status" -------------------------------------


@pytest.mark.parametrize("text", [
    "Medical charts of 80 adults with relapsed ALL were reviewed. CR was 40%.",
    "Hospital records of 80 adults with relapsed ALL treated with drug X were analysed. CR was 40%.",
    "We searched the electronic health records of two centres and found 80 adults treated with drug X. CR was 40%.",
])
def test_the_records_of_a_retrospective_series(nlp, text):
    assert run_text(nlp, text, title=SALVAGE)["design"]["phase"] == "retrospective"


@pytest.mark.parametrize("title, relevant", [
    ("Drug X in relapsed acute lymphoblastic leukemia: current status and future directions", False),
    # "status" elsewhere in a title is no review's
    ("Drug X in relapsed acute lymphoblastic leukemia by MRD status: a phase 2 study", True),
])
def test_a_review_title_current_status(nlp, title, relevant):
    text = ("Drug X is approved for relapsed ALL. In the pivotal trial, 80% of patients achieved CR. We discuss its "
            "place in salvage therapy.") if not relevant else "Forty adults were enrolled. CR was 40%."
    assert run_text(nlp, text, title=title)["relevant"] is relevant


# --- cohort size: an interim report's present perfect, a named product's infusion, a transplant series ------------


@pytest.mark.parametrize("text, size", [
    ("To date, 62 patients have received drug X. CR was 40%.", 62),
    ("Sixty-two patients have now received the antibody. CR was 40%.", 62),
    ("Sixty-two patients underwent CAR T-cell infusion. CR was 40%.", 62),
    ("Sixty-two patients underwent CD19 CAR-T cell infusion. CR was 40%.", 62),
    # prior therapy in the present perfect stays a part
    ("Fifteen patients have received prior blinatumomab. CR was 40%.", None),
    ("Fifteen patients have received two or more prior regimens. CR was 40%.", None),
    ("Fifteen patients have received allogeneic HSCT. CR was 40%.", None),
    ("Forty patients with relapsed ALL were treated. Fifteen patients have received prior blinatumomab. CR was 40%.",
     40),
])
def test_an_interim_count_and_a_named_infusion(nlp, text, size):
    assert _cohort(nlp, text) == size


@pytest.mark.parametrize("text, size", [
    ("Sixty-two children with relapsed ALL underwent allogeneic HSCT. EFS was 40%.", 62),
    ("Sixty-two children with ALL in CR2 underwent allogeneic hematopoietic stem cell transplantation between 2000 "
     "and 2015. EFS was 40%.", 62),
    ("Between 2000 and 2015, 62 consecutive patients underwent HSCT for relapsed ALL. EFS was 40%.", 62),
    ("Sixty-two patients in second remission underwent haploidentical HSCT. EFS was 40%.", 62),
    # a trial's transplanted patients are a part of its cohort, not a series
    ("Twenty patients underwent HSCT. EFS was 40%.", None),
    ("Twenty patients in CR underwent allogeneic HSCT. EFS was 40%.", None),
    ("After drug X, 20 patients in remission underwent HSCT. EFS was 40%.", None),
    ("Twenty patients with relapsed ALL who achieved CR underwent HSCT. EFS was 40%.", None),
    ("Twenty patients (50%) with relapsed ALL underwent allogeneic HSCT. EFS was 40%.", None),
    ("Forty patients were enrolled. Twenty patients with relapsed ALL underwent HSCT. EFS was 40%.", 40),
])
def test_a_transplant_series_counted_by_its_transplant(nlp, text, size):
    assert _cohort(nlp, text) == size


# --- age group: a bound of the study's counted population after "of", a counted part's bound after the enrolment --


@pytest.mark.parametrize("text, title, group", [
    ("Data of 255 patients aged up to 25 years with relapsed B-ALL were reported to the registry. CR was 85%.",
     NEUTRAL_TITLE, "mixed"),
    # the bound reaching adults makes the title's children a mixed cohort, as a range would
    ("Data of 255 patients aged up to 25 years with relapsed B-ALL were reported to the registry. CR was 85%.",
     "Drug X in children with B-cell acute lymphoblastic leukemia", "mixed"),
    ("A cohort of 62 adults aged 60 years or older with relapsed ALL received drug X. CR was 40%.", NEUTRAL_TITLE,
     "older adult"),
    ("Outcomes of 62 patients aged 21 years or younger with relapsed ALL were analysed. CR was 40%.", NEUTRAL_TITLE,
     "pediatric"),
    # before any sentence of enrolment, a counted bound may be the cohort's
    ("Among 40 patients aged 60 years or older treated with drug X for relapsed ALL, CR was 40%.", NEUTRAL_TITLE,
     "older adult"),
])
def test_a_bound_of_the_counted_study_population(nlp, text, title, group):
    assert population_of(nlp, text, title=title)["age_group"] == group


@pytest.mark.parametrize("text", [
    "Forty adults with relapsed ALL received drug X. In 12 patients aged 60 years or older, CR was 30%.",
    "Forty adults with relapsed ALL received drug X. Of 12 patients aged ≥60 years, 4 achieved CR.",
    "Forty adults with relapsed ALL received drug X. The CR rate of patients aged ≥60 years was 30%.",
])
def test_a_counted_part_bound_after_the_enrolment(nlp, text):
    assert population_of(nlp, text)["age_group"] == "adult"


# --- setting: a salvage already failed, two relapses without "at least" -------------------------------------------


@pytest.mark.parametrize("text, setting", [
    ("Forty children with ALL who had relapsed twice received drug X. CR was 17%.", "second or later salvage"),
    ("Forty adults with ALL relapsing after at least one line of salvage therapy received drug X. CR was 17%.",
     "second or later salvage"),
    ("Forty adults with ALL who failed one prior salvage received drug X. CR was 17%.", "second or later salvage"),
    ("Forty adults with ALL refractory to first salvage received drug X. CR was 17%.", "second or later salvage"),
    ("Forty adults with ALL who had failed salvage chemotherapy received drug X. CR was 17%.",
     "second or later salvage"),
    # counted patients refractory to it, or its failure as an event, are outcomes
    ("Forty adults with relapsed ALL received drug X as salvage. Ten patients were refractory to salvage and died. CR "
     "was 17%.", "relapsed/refractory"),
    ("Forty adults with relapsed ALL received drug X. Failure of salvage occurred in 10. CR was 17%.",
     "relapsed/refractory"),
    ("Forty adults with ALL in first relapse received drug X. Patients with no prior salvage were eligible. CR was "
     "17%.", "first salvage"),
])
def test_a_salvage_already_failed(nlp, text, setting):
    assert run_text(nlp, text, title=NEUTRAL_TITLE)["setting"] == setting


# --- registries: the Netherlands, Korean, Iranian, Pan African and Thai registries' numbers ------------------------


@pytest.mark.parametrize("text, ids", [
    ("The trial was registered in the Netherlands Trial Register (NTR2316).", ("NTR2316",)),
    ("Registered as NTR 1234 and with CRiS, KCT0003456.", ("KCT0003456", "NTR1234")),
    ("Iranian Registry of Clinical Trials: IRCT2015012320753N2.", ("IRCT2015012320753N2",)),
    ("Registered: PACTR201809512345678 and TCTR20190412001.", ("PACTR201809512345678", "TCTR20190412001")),
    # too long, too short or run into a word: no number of these registries
    ("The HOVON 1234 group; NTR12345 and KCT12 are typos; KCT00034567X.", ()),
])
def test_more_registries_numbers(text, ids):
    registries = load_registries(Path(__file__).resolve().parent.parent / "patterns")
    article = Article(pmid="1", title="", sections=(AbstractSection(None, None, text),))
    assert trial_ids(article, registries) == ids


# --- cohort size printed only as the denominator of the first count of patients ----------------------------------


@pytest.mark.parametrize("text, size", [
    ("Patients were randomized to drug X early or late. After cycle 1, 8 of 25 (32%) patients achieved CRi.", 25),
    ("Adults with relapsed ALL were analysed. Seventy-five of 245 patients (31%) achieved CR.", 245),
    ("Adults with relapsed ALL received drug X. CR was achieved by 10/25 patients.", 25),
    # a count stated anywhere wins over the denominator
    ("Forty adults with relapsed ALL received drug X. CR was achieved in 8 of 25 patients.", 40),
])
def test_the_first_denominator_of_patients_is_the_cohort(nlp, text, size):
    assert _cohort(nlp, text) == size


@pytest.mark.parametrize("text", [
    # the first fraction counts a part: none is read, however many fractions follow
    "Adults with relapsed ALL received drug X. Of these, 8 of 25 patients achieved CR.",
    "Adults with relapsed ALL received drug X. CR was achieved in 8 of 25 evaluable patients.",
    "Adults with relapsed ALL received drug X. MRD negativity was seen in 8 of 12 patients in CR. CR was 10 of 30 "
    "patients.",
    "Adults with relapsed ALL received drug X. Responses were seen in 8 of 25 patients with T-ALL.",
    "Adults with relapsed ALL received drug X. Among responders, 8 of 12 patients proceeded to HSCT.",
    "Adults were randomized to drug X or chemotherapy. In the drug X arm, 8 of 25 patients achieved CR.",
    "Adults were randomized to drug X or chemotherapy. CR was achieved in 8 of 25 patients in the drug X arm.",
    # no patients named after the denominator
    "Adults with relapsed ALL received drug X. CR was 40%. MRD negativity was 8/12 (67%).",
    # groups sized before it: the fraction may be one group's
    "Adults with relapsed ALL received drug X (n = 25) or chemotherapy (n = 20). CR was achieved in 8 of 25 patients.",
])
def test_a_part_or_a_group_denominator_is_no_cohort(nlp, text):
    assert _cohort(nlp, text) is None


# --- cohort size: the present tense of "included" and "comprised" with the study as subject -----------------------


@pytest.mark.parametrize("text, size", [
    ("This analysis includes 62 patients. CR was 40%.", 62),
    ("The cohort comprises 62 children with relapsed ALL. CR was 40%.", 62),
    ("The study population includes 62 adults. CR was 40%.", 62),
    # a regimen's parts are no study's population
    ("The regimen includes 2 cycles of drug X in 30 patients. CR was 40%.", None),
])
def test_the_study_includes_its_patients(nlp, text, size):
    assert _cohort(nlp, text) == size


# --- cohort size: arms sized in brackets of their own, "(25 patients) or ... (20 patients)" ----------------------


@pytest.mark.parametrize("text, size", [
    ("Adults were randomized to drug X (25 patients) or chemotherapy (20 patients). CR was 40%.", 45),
    ("Adults were randomly assigned to drug X (25 patients), drug Y (22 patients) or chemotherapy (20 patients). CR "
     "was 40%.", 67),
    ("Adults were treated with drug X (25 patients) or chemotherapy (20 patients). CR was 40%.", 45),
    # a total printed first is the cohort
    ("Forty-five adults were randomized to drug X (25 patients) or chemotherapy (20 patients). CR was 40%.", 45),
    # one bracket only, the other number a result's: no sum
    ("Adults were randomized to drug X (25 patients); CR was 40% (20 patients).", 25),
    # responders' arms are a part: none from them, a later count of the enrolled is the cohort
    ("Responders were randomized to drug X (25 patients) or observation (20 patients). CR was 40%.", None),
    ("Responders were randomized to drug X (25 patients) or observation (20 patients). Overall, 60 patients were "
     "enrolled.", 60),
])
def test_arms_sized_in_their_own_brackets(nlp, text, size):
    assert _cohort(nlp, text) == size
