"""Recurring phrasings of doses and of the study scalars, in our own words, run end to end: each dose of a bracket
after coordinated drugs is its drug's, a subject drug named out of reach before its verb and dose, a pronoun subject
carrying the drug of the sentence before, cell doses written with a multiplier word or in E notation, a dose
hyphenated to "µg" (the micro sign), and counts that are not the cohort (a day, a dose, a year)."""
from __future__ import annotations

import pytest

from phrasing_cases import run_text as _run, dose_quads as _doses


INO, BLINA, FLU, CY = "inotuzumab ozogamicin", "blinatumomab", "fludarabine", "cyclophosphamide"


@pytest.mark.parametrize("text, doses", [
    # a bracket right after coordinated drugs holding one dose per drug: theirs in order
    ("Dasatinib and dexamethasone (140 mg and 40 mg) were given during induction.",
     [("dasatinib", 140, None, "mg"), ("dexamethasone", 40, None, "mg")]),
    ("Fludarabine and cyclophosphamide (30 mg/m2 and 500 mg/m2) were given daily for 3 days.",
     [(FLU, 30, None, "mg/m2"), (CY, 500, None, "mg/m2")]),
    ("Lymphodepletion with fludarabine/cyclophosphamide (30 mg/m2/day × 3 days and 500 mg/m2/day × 2 days) preceded "
     "the infusion.", [(FLU, 30, None, "mg/m2"), (CY, 500, None, "mg/m2")]),
    ("Blinatumomab and ponatinib (28 µg/day and 45 mg/day) were given together.",
     [(BLINA, 28, None, "µg"), ("ponatinib", 45, None, "mg")]),
    # a step-up inside the bracket is one drug's schedule, not a list of the drugs
    ("Ponatinib and blinatumomab (9 µg/day then 28 µg/day) were combined.",
     [(BLINA, 9, None, "µg"), (BLINA, 28, None, "µg")]),
    # one dose for two drugs is no list of them; nor is a bracket of the last drug's own
    ("Hyper-CVAD and ponatinib (45 mg daily) were given for 8 cycles.", [("ponatinib", 45, None, "mg")]),
    ("Dasatinib (140 mg daily) and dexamethasone (40 mg on days 1-4) were given.",
     [("dasatinib", 140, None, "mg"), ("dexamethasone", 40, None, "mg")]),
])
def test_phrasings_bracket_after_coordinated_drugs(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    # the sentence's subject drug, described at length before its verb and dose
    ("Inotuzumab ozogamicin, an anti-CD22 antibody conjugated to calicheamicin, was administered intravenously on days "
     "1, 8 and 15 of each 21- to 28-day cycle at 0.8, 0.5 and 0.5 mg/m2.",
     [(INO, 0.8, None, "mg/m2"), (INO, 0.5, None, "mg/m2"), (INO, 0.5, None, "mg/m2")]),
    ("Blinatumomab, a bispecific T-cell engager antibody construct targeting CD19 and CD3, was given by continuous "
     "intravenous infusion over 28 days at 28 µg/day.", [(BLINA, 28, None, "µg")]),
    # not a drug named in a clause of its own, nor the subject of a sentence opened by other words
    ("Patients who had received blinatumomab at another centre before their enrolment in this study and who had not "
     "responded to it were then given the study treatment at 1.8 mg/m2.", []),
    ("Blinatumomab had failed in most of the patients before their enrolment at one of the participating centres; the "
     "study drug was then given at 1.8 mg/m2.", []),
    ("Blinatumomab had failed in most of the patients before their enrolment at one of the participating centres, and "
     "the study drug was then given at 1.8 mg/m2.", []),
])
def test_phrasings_distant_subject_drug(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    ("Patients were treated with blinatumomab. It was given at 9 µg/day in week 1 and 28 µg/day thereafter.",
     [(BLINA, 9, None, "µg"), (BLINA, 28, None, "µg")]),
    ("Adults received inotuzumab ozogamicin. The drug was administered intravenously at 1.8 mg/m2 per cycle.",
     [(INO, 1.8, None, "mg/m2")]),
    # two drugs before: whose dose it is is not in the text
    ("Patients received inotuzumab and blinatumomab. It was given at 1.8 mg/m2 per cycle.", []),
])
def test_phrasings_pronoun_subject_carries_the_drug(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    ("Patients received CTL019 at a dose of 3 million cells/kg.", [("tisagenlecleucel", 3000000, None, "cells/kg")]),
    ("Obe-cel was given as a split dose of 410 million CAR T cells.",
     [("obecabtagene autoleucel", 410000000, None, "cells")]),
    ("Tisagenlecleucel was given at 1, 3 or 5 million cells/kg.",
     [("tisagenlecleucel", 1000000, None, "cells/kg"), ("tisagenlecleucel", 3000000, None, "cells/kg"),
      ("tisagenlecleucel", 5000000, None, "cells/kg")]),
    ("KTE-X19 was given at 1.0E6 cells/kg.", [("brexucabtagene autoleucel", 1000000, None, "cells/kg")]),
    ("Tisagenlecleucel was infused at 2e6 CAR T cells/kg.", [("tisagenlecleucel", 2000000, None, "cells/kg")]),
    # the micro sign (U+00B5) after a hyphen, as the Greek mu already was
    ("Blinatumomab was administered at 28-µg/d for four weeks.", [(BLINA, 28, None, "µg")]),
])
def test_phrasings_cell_doses_and_unit_spellings(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, cohort", [
    # a number before a preposition is no count of the noun after it
    ("Nelarabine was given at 650 mg/m2/day on days 1 to 5 to children and 1.5 g/m2/day to adults.", None),
    ("Venetoclax was given at 400 mg daily with navitoclax 50 mg for patients weighing 45 kg or more.", None),
    # years of a period are no counts
    ("From 2012 to 2019, 64 adults with R/R B-ALL received inotuzumab at 12 centers.", 64),
    ("Between 2010 and 2018, 48 consecutive patients with relapsed ALL were treated at our institution.", 48),
    # a multiplier word belongs to its number
    ("We studied 3 million patient records.", None),
    # still counts
    ("This retrospective study included 35 children aged 1-21 years with relapsed ALL.", 35),
    ("A total of 30 heavily pretreated patients received the combination.", 30),
])
def test_phrasings_counts_that_are_not_the_cohort(nlp, text, cohort):
    assert _run(nlp, text)["cohort_size"] == cohort


@pytest.mark.parametrize("text, values", [
    ("3 million cells/kg", [3e6]),
    ("1.5 billion cells", [1.5e9]),
    ("at 1.0E6 cells/kg", [1e6]),
    ("2e8 CAR T cells", [2e8]),
    # E notation only before a cell or per-kg cue: a clone or a code is no number
    ("clone 2E6 was used", [2]),
])
def test_number_reader_multipliers_and_e_notation(text, values):
    from extractor import normalise as nz

    assert [n.value for n in nz.find_numbers(text)] == values


TISA = "tisagenlecleucel"


@pytest.mark.parametrize("text, doses", [
    # both weight bands, the first "per kilogram" (its "cells" read at the "/kg") and the second a flat count
    ("Patients received tisagenlecleucel at 0.2 to 5.0 × 10^6 transduced viable T cells per kilogram for patients "
     "weighing 50 kg or less and 0.1 to 2.5 × 10^8 cells for those weighing more than 50 kg.",
     [(TISA, 200000, 5000000, "cells/kg"), (TISA, 10000000, 250000000, "cells")]),
    ("Patients received a single infusion of tisagenlecleucel. The target dose was 0.2 to 5.0 × 10^6 transduced "
     "viable T cells per kilogram for patients of 50 kg or less and 0.1 to 2.5 × 10^8 cells for heavier patients.",
     [(TISA, 200000, 5000000, "cells/kg"), (TISA, 10000000, 250000000, "cells")]),
])
def test_phrasings_both_weight_bands(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    # the drug after the dose's level or schedule
    ("At the 15 µg/m2/day dose level of blinatumomab, 4 of 6 patients responded.", [(BLINA, 15, None, "µg/m2")]),
    ("Eleven patients received the 9-28 µg/day schedule of blinatumomab.", [(BLINA, 9, 28, "µg")]),
    # a list item naming a drug the lexicon does not know: its dose is not the drug's before it
    ("Intrathecal chemotherapy (methotrexate 15 mg, cytarabine 40 mg and hydroxychloroquine 50 mg) was given.",
     [("methotrexate", 15, None, "mg"), ("cytarabine", 40, None, "mg")]),
    ("Cyclophosphamide 300 mg/m2 and mesna 600 mg/m2 were given every 12 hours.", [(CY, 300, None, "mg/m2")]),
    # a dose level's label is no drug
    ("Inotuzumab: DL1 0.8 mg/m2, DL2 1.2 mg/m2.", [(INO, 0.8, None, "mg/m2"), (INO, 1.2, None, "mg/m2")]),
    # an adverb or a function word is no drug
    ("Inotuzumab was given at 0.8 mg/m2 on day 1, and subsequently 0.5 mg/m2 on days 8 and 15.",
     [(INO, 0.8, None, "mg/m2"), (INO, 0.5, None, "mg/m2")]),
    ("Ponatinib was started at 45 mg daily, and reduced to 15 mg at MRD negativity.",
     [("ponatinib", 45, None, "mg"), ("ponatinib", 15, None, "mg")]),
])
def test_phrasings_drug_named_around_the_dose(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, cohort", [
    # the N bracketed after the population's age range or bound
    ("Children and young adults aged 1 to 21 years (n = 50) were enrolled.", 50),
    ("Patients aged 60 years or older (N=40) received mini-hyper-CVD plus inotuzumab.", 40),
    # two groups' N, or no enrolment: none
    ("Patients aged 18-65 years (n = 36) and patients older than 65 years (n = 12) were treated.", None),
    ("Children aged 1 to 21 years (n = 50) relapsed after transplant.", None),
])
def test_phrasings_bracketed_n_after_an_age(nlp, text, cohort):
    assert _run(nlp, text)["cohort_size"] == cohort


@pytest.mark.parametrize("text, drug", [
    # a CAR T product's name without its suffix, an unhyphenated PEG asparaginase
    ("Axicabtagene was infused at 2.0 × 10^6 CAR-positive T cells/kg.", "axicabtagene ciloleucel"),
    ("Brexucabtagene was given at 1 × 10^6 cells/kg.", "brexucabtagene autoleucel"),
    ("PEG asparaginase 2500 IU/m2 was given on day 4.", "pegaspargase"),
])
def test_phrasings_drug_spellings(nlp, text, drug):
    assert [d["drug_id"] for d in _run(nlp, text)["doses"]] == [drug]


@pytest.mark.parametrize("text, doses", [
    # a threshold, a statistic of exposure or an earlier therapy's dose is no dose of this study's regimen
    ("Patients who received more than 5.4 mg/m2 of inotuzumab had a higher VOD risk.", []),
    ("VOD occurred more often with cumulative doses of inotuzumab above 5.4 mg/m2.", []),
    ("Inotuzumab exposure (median, 3.6 mg/m2) was similar in both groups.", []),
    ("Patients had received a median of 3 prior therapies, including blinatumomab at 28 µg/day.", []),
    ("Previous exposure to blinatumomab (28 μg/day) was allowed.", []),
    ("Before enrolment, 12 patients had been treated with ponatinib 45 mg daily.", []),
    # a sign before a target dose still is one
    ("Patients received ≥1 × 10^6 CD22-CAR T cells per kg.", [("cd22-car t cells", 1000000, None, "cells/kg")]),
    # the drug named alone in a bracket after its dose
    ("Patients received a single infusion of 1 × 10^6 CAR T cells/kg (KTE-X19).",
     [("brexucabtagene autoleucel", 1000000, None, "cells/kg")]),
])
def test_phrasings_doses_that_are_not_the_regimen(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, cohort", [
    # counts at a data cutoff
    ("As of March 2021, 55 patients had received at least one dose of obe-cel.", 55),
    ("In this analysis, 100 patients who had received at least one infusion were evaluated.", 100),
    ("Twelve patients had received at least one prior TKI.", None),
    # a count of each dose level, or of the first of parallel groups, is no cohort
    ("Six patients were treated at each dose level.", None),
    ("Three patients were enrolled at 0.8 mg/m2, three at 1.2 mg/m2 and six at 1.8 mg/m2.", None),
    # a breakdown after the cohort's clause still leaves the cohort
    ("A total of 65 patients were treated, 40 with Ph-negative and 25 with Ph-positive ALL.", 65),
])
def test_phrasings_cohort_counts_at_cutoff_and_per_level(nlp, text, cohort):
    assert _run(nlp, text)["cohort_size"] == cohort


@pytest.mark.parametrize("text, doses", [
    # a sentence whose subject is the dose takes the one drug of the sentence before
    ("Patients received blinatumomab as a continuous infusion. Dosing was 9 µg/day for the first 7 days and 28 "
     "µg/day thereafter.", [(BLINA, 9, None, "µg"), (BLINA, 28, None, "µg")]),
    ("Patients received inotuzumab ozogamicin. The total dose per cycle was 1.8 mg/m2.", [(INO, 1.8, None, "mg/m2")]),
    ("Patients received inotuzumab ozogamicin. The cycle 1 dose was 1.8 mg/m2.", [(INO, 1.8, None, "mg/m2")]),
    ("Patients received inotuzumab ozogamicin. Doses of 0.8 mg/m2 (day 1) and 0.5 mg/m2 (days 8 and 15) were given.",
     [(INO, 0.8, None, "mg/m2"), (INO, 0.5, None, "mg/m2")]),
    ("Patients received blinatumomab. A dose of 28 µg/day was used.", [(BLINA, 28, None, "µg")]),
    ("Patients received tisagenlecleucel. Cells were infused at 0.2-5 × 10^6 cells/kg.",
     [("tisagenlecleucel", 200000, 5000000, "cells/kg")]),
    # what patients got is no regimen dose; nor is a dose carried to one of two drugs
    ("Patients received tisagenlecleucel. The median infused dose was 1.0 × 10^8 cells.", []),
    ("Patients received inotuzumab and blinatumomab. The cycle 1 dose was 1.8 mg/m2.", []),
    # a change of dose, without its drug, may be an event of some patients
    ("Twenty patients were treated with dasatinib. The dose was reduced to 50 mg in 4 patients.", []),
])
def test_phrasings_dose_subject_carries_the_drug(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    # a dose changed for some patients counted in the sentence is an event, not the regimen
    ("Dasatinib doses were reduced to 50 mg in 4 patients because of pleural effusion.", []),
    ("Inotuzumab dose reductions to 1.2 mg/m2 were required in 6 patients.", []),
    ("Eight patients required dose reduction of venetoclax to 200 mg.", []),
    ("Blinatumomab was interrupted in 5 patients and restarted at 9 µg/day.", []),
    ("Blinatumomab was given at 28 μg/day; 5 patients received a reduced dose of 9 µg/day because of CRS.",
     [(BLINA, 28, None, "µg")]),
    # the regimen's own step-down, and an age-adapted dose, are doses
    ("Thirty patients received ponatinib 45 mg daily, reduced to 15 mg at MRD negativity.",
     [("ponatinib", 45, None, "mg"), ("ponatinib", 15, None, "mg")]),
    ("Ponatinib was started at 45 mg daily and reduced to 30 mg at CR; 20 patients were treated.",
     [("ponatinib", 45, None, "mg"), ("ponatinib", 30, None, "mg")]),
    ("The dose of cytarabine was reduced to 0.5 g/m2 in patients older than 60 years.",
     [("cytarabine", 0.5, None, "g/m2")]),
])
def test_phrasings_dose_changes_for_some_patients(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, age, follow_up", [
    # table style: the measure, then its statistic
    ("Age, median (range): 45 (18-80) years.", 45, None),
    ("Follow-up (median, 2.5 years) was complete for all patients.", None, 30),
    # a mean is no median
    ("The mean age was 44 years.", None, None),
])
def test_phrasings_statistic_after_the_measure(nlp, text, age, follow_up):
    record = _run(nlp, text)
    assert (record["median_age_years"], record["median_follow_up_months"]) == (age, follow_up)


@pytest.mark.parametrize("text, doses", [
    # the population receiving the dose as its object takes the drug of the sentence before
    ("We reviewed 41 patients with relapsed T-ALL treated with nelarabine. Children received 650 mg/m2/day for 5 days; "
     "adults received 1,500 mg/m2 on days 1, 3 and 5.",
     [("nelarabine", 650, None, "mg/m2"), ("nelarabine", 1500, None, "mg/m2")]),
    ("Patients were treated with clofarabine. Adults were given a dose of 40 mg/m2.",
     [("clofarabine", 40, None, "mg/m2")]),
    # not of one of two drugs
    ("Patients were treated with clofarabine and cytarabine. Adults received 40 mg/m2.", []),
])
def test_phrasings_received_dose_carries_the_drug(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses
