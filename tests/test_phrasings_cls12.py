"""Study classification, twelfth round, and the other-study cue both stages read: the DESIGN_CONTEXT `other-study`
spans of patterns/design.jsonl mask another study's design and population words for classify.py and another
study's doses for doses.py ("In a previous phase 2 trial, inotuzumab at 1.8 mg/m2"). Our own sentences."""
from __future__ import annotations

import pytest

from phrasing_cases import run_text, run_sections as _structured, dose_triples as _doses

INO, BLINA = "inotuzumab ozogamicin", "blinatumomab"


# --- another study's dose (the other-study spans, read by doses.py) -------------------------------------------


@pytest.mark.parametrize("text, doses", [
    ("In a previous phase 2 trial, inotuzumab was given at 1.8 mg/m2 per cycle.", []),
    ("Previous studies used blinatumomab at 28 µg/day.", []),
    ("Remission rates were similar to those reported with inotuzumab at 1.8 mg/m2.", []),
    ("Future studies should evaluate blinatumomab at 56 µg/day.", []),
    ("Compared with the INO-VATE trial, in which patients received inotuzumab 1.8 mg/m2 per cycle, VOD was less "
     "frequent.", []),
    ("Unlike previous studies, inotuzumab was given at 0.9 mg/m2.", [(INO, 0.9, "mg/m2")]),
    ("Earlier trials used inotuzumab at 1.8 mg/m2, whereas we gave inotuzumab 1.2 mg/m2.", [(INO, 1.2, "mg/m2")]),
    ("Patients were treated with inotuzumab 0.9 mg/m2, lower than in the INO-VATE trial.", [(INO, 0.9, "mg/m2")]),
    # another study's word inside this study's name names no other study
    ("In this pivotal phase 2 study, patients received inotuzumab 1.8 mg/m2 per cycle.", [(INO, 1.8, "mg/m2")]),
    ("Compared with patients in this study, inotuzumab 0.9 mg/m2 was given.", [(INO, 0.9, "mg/m2")]),
    # a report the authors point to for their own schedule is no other study's dose
    ("As previously reported, inotuzumab at 1.8 mg/m2 was active.", [(INO, 1.8, "mg/m2")]),
])
def test_phrasings_other_studys_dose(nlp, text, doses):
    assert _doses(run_text(nlp, text)) == doses


# --- another study's design and population (the same spans, read by classify.py) ------------------------------


def test_unlike_a_randomised_trial_this_study_is_not_randomised(nlp):
    record = _structured(nlp, "Inotuzumab in older adults with relapsed B-cell ALL",
                         ("METHODS", "Unlike the randomised TOWER study, this single-centre study included "
                                     "patients with Ph-positive ALL treated with inotuzumab."),
                         ("RESULTS", "Thirty-two patients were included. CR/CRi was achieved in 22 patients (69%)."))
    assert record["design"]["randomized"] is False
    assert record["population"]["ph_status"] == "positive"  # this study's words after "this" stay


def test_compared_with_a_randomised_trial_is_not_randomised(nlp):
    record = _structured(nlp, "Blinatumomab in relapsed B-ALL: a registry analysis",
                         ("METHODS", "We analysed 210 adults with relapsed B-ALL who received blinatumomab."),
                         ("RESULTS", "CR/CRh was achieved in 95 patients (45%). Compared with the randomized TOWER "
                                     "trial, CR rates were similar."))
    assert record["design"]["randomized"] is False


def test_pivotal_in_this_studys_name_keeps_its_population(nlp):
    record = _structured(nlp, "Blinatumomab in relapsed ALL",
                         ("METHODS", "In this pivotal phase 2 study, adults with relapsed or refractory "
                                     "Ph-negative B-precursor ALL received blinatumomab."),
                         ("RESULTS", "Of 189 patients, 81 (43%) achieved CR or CRh."))
    assert record["population"] == {"age_group": "adult", "ph_status": "negative", "lineage": "B"}
    assert record["design"]["phase"] == "2"


def test_design_named_before_the_other_study_stays(nlp):
    record = _structured(nlp, "Blinatumomab versus historical standard of care in relapsed ALL",
                         ("METHODS", "Outcomes of 189 patients treated with blinatumomab in a single-arm phase 2 "
                                     "study were compared with those of 694 historical controls."),
                         ("RESULTS", "The CR/CRh rate was 43% with blinatumomab and 24% in historical controls."))
    assert record["design"] == {"phase": "2", "randomized": False}


# --- a Ph status named only where the background speaks of TKI therapy ---------------------------------------


def test_ph_status_of_a_background_tki_sentence_is_not_the_cohorts(nlp):
    record = _structured(nlp, "Salvage chemotherapy with FLAG-IDA in relapsed ALL",
                         ("BACKGROUND", "Imatinib and other TKIs have transformed the outcome of Philadelphia "
                                        "chromosome-positive disease."),
                         ("METHODS", "We reviewed 64 adults with relapsed or refractory ALL treated with FLAG-IDA "
                                     "at our institution."),
                         ("RESULTS", "CR was achieved in 30 patients (47%)."))
    assert record["population"]["ph_status"] == "unknown"


def test_ph_status_of_a_background_tki_sentence_counts_for_a_tki_study(nlp):
    record = _structured(nlp, "Ponatinib-based salvage in relapsed ALL",
                         ("BACKGROUND", "Relapse after TKI-based frontline therapy is a major problem in Ph-positive "
                                        "ALL."),
                         ("METHODS", "We treated 18 adults with relapsed ALL with ponatinib plus chemotherapy."),
                         ("RESULTS", "CR was achieved in 12 (67%)."))
    assert record["population"]["ph_status"] == "positive"


def test_ph_status_of_a_background_sentence_without_tkis_still_counts(nlp):
    record = _structured(nlp, "Inotuzumab in relapsed ALL",
                         ("BACKGROUND", "Relapsed Ph-positive ALL has a dismal prognosis."),
                         ("METHODS", "We treated 18 adults with relapsed ALL with inotuzumab."),
                         ("RESULTS", "CR was achieved in 12 (67%)."))
    assert record["population"]["ph_status"] == "positive"


# --- the design of a series -----------------------------------------------------------------------------------


def test_counted_patients_reviewed_are_a_retrospective_series(nlp):
    record = _structured(nlp, "Salvage therapy for early T-cell precursor ALL",
                         ("METHODS", "We reviewed 19 patients with relapsed or refractory early T-cell precursor "
                                     "acute lymphoblastic leukemia treated with venetoclax-based regimens."),
                         ("RESULTS", "CR/CRi was achieved in 9 (47%)."))
    assert record["design"] == {"phase": "retrospective", "randomized": False}


@pytest.mark.parametrize("sections", [
    (("ABSTRACT", "Inotuzumab ozogamicin improved response rates over chemotherapy in the phase 3 INO-VATE study. "
                  "We describe 23 consecutive adults with relapsed B-ALL treated with inotuzumab at our center. "
                  "Eighteen patients (78%) achieved CR/CRi."),),
    (("BACKGROUND", "Inotuzumab ozogamicin improved response rates over chemotherapy in the phase 3 INO-VATE study."),
     ("METHODS", "We describe 23 consecutive adults with relapsed B-ALL treated with inotuzumab at our center."),
     ("RESULTS", "Eighteen patients (78%) achieved CR/CRi.")),
])
def test_phase_of_the_trial_before_a_series_is_not_the_series(nlp, sections):
    record = _structured(nlp, "Inotuzumab as bridge to transplant in relapsed ALL: a single-center experience",
                         *sections)
    assert record["design"] == {"phase": "retrospective", "randomized": False}


def test_phase_of_the_series_own_trial_stays(nlp):
    record = _structured(nlp, "Inotuzumab as bridge to transplant in relapsed ALL: a single-center experience",
                         ("METHODS", "In this phase 2 study, 23 adults with relapsed B-ALL received inotuzumab at "
                                     "our center."),
                         ("RESULTS", "Eighteen patients (78%) achieved CR/CRi."))
    assert record["design"]["phase"] == "2"


def test_a_comparison_never_made_is_no_randomization(nlp):
    record = _structured(nlp, "Tisagenlecleucel versus blinatumomab in relapsed pediatric B-ALL",
                         ("ABSTRACT", "No head-to-head randomized trial has compared CAR T cells with blinatumomab. "
                                      "We used individual patient data from one trial and published data from "
                                      "another to perform a matching-adjusted indirect comparison. After matching, "
                                      "the median OS was 19.1 months with tisagenlecleucel versus 7.5 months with "
                                      "blinatumomab."))
    assert record["design"]["randomized"] is False


def test_infants_reviewed_are_a_retrospective_series(nlp):
    record = _structured(nlp, "Salvage in infants with relapsed ALL",
                         ("METHODS", "We reviewed 17 infants with KMT2A-rearranged ALL who relapsed after frontline "
                                     "therapy."),
                         ("RESULTS", "CR2 was achieved in 9 (53%)."))
    assert record["design"]["phase"] == "retrospective"


# --- first salvage set beside later salvage -------------------------------------------------------------------


def test_first_versus_later_salvage_is_the_broad_setting(nlp):
    record = _structured(nlp, "Inotuzumab ozogamicin in first salvage versus later salvage: a pooled analysis",
                         ("METHODS", "Data from patients treated with inotuzumab in two trials were pooled."),
                         ("RESULTS", "Among 440 patients, CR/CRi was 77% in first salvage and 62% in later salvage."))
    assert record["setting"] == "relapsed/refractory"


def test_later_salvage_that_followed_is_no_setting(nlp):
    record = _structured(nlp, "Inotuzumab in first salvage",
                         ("METHODS", "Adults with B-ALL in first salvage received inotuzumab in a phase 2 study. "
                                     "Patients who failed were eligible for later salvage with blinatumomab."),
                         ("RESULTS", "Of 40 patients, 30 (75%) achieved CR/CRi."))
    assert record["setting"] == "first salvage"


# --- more ways of setting results against another trial (both stages) ----------------------------------------


@pytest.mark.parametrize("results", [
    "CR/CRi was 70%, in line with the randomized INO-VATE trial.",
    "CR/CRi was 70%. As in the randomized INO-VATE trial, VOD occurred mainly after HSCT.",
    "CR/CRi was 70%. In comparison with the randomized INO-VATE trial, fewer patients proceeded to HSCT.",
    "CR/CRi was 70%. These results mirror those of the randomized INO-VATE trial.",
    "CR/CRi was 70%, higher than that reported in the randomized INO-VATE trial.",
])
def test_randomized_trial_the_results_are_set_against_is_another(nlp, results):
    record = _structured(nlp, "Inotuzumab in relapsed ALL outside trials",
                         ("METHODS", "Sixty adults with relapsed B-ALL received inotuzumab at 12 centres between "
                                     "2017 and 2021."),
                         ("RESULTS", results))
    assert record["design"]["randomized"] is False


@pytest.mark.parametrize("text, doses", [
    ("In comparison with the INO-VATE trial, where inotuzumab was given at 1.8 mg/m2 per cycle, VOD was rare.", []),
    ("The CR rate was higher than that reported with inotuzumab at 1.8 mg/m2 in the INO-VATE trial.", []),
    ("These results mirror those of inotuzumab 1.8 mg/m2 in the INO-VATE trial.", []),
    # a likeness in a phrase of its own leaves the study's dose after it
    ("As in the pivotal trial, inotuzumab was given at 1.8 mg/m2 per cycle.", [(INO, 1.8, "mg/m2")]),
    ("In line with the phase 2 study, blinatumomab was given at 28 µg/day.", [(BLINA, 28, "µg")]),
])
def test_phrasings_dose_set_against_another_trial(nlp, text, doses):
    assert _doses(run_text(nlp, text)) == doses
