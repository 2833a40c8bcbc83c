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
            "retrospectively analysed 150 adults with relapsed B-ALL treated with blinatumomab outside clinical trials.")
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
