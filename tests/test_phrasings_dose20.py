"""Doses of the thirteenth phrasing round (probes of our own), run end to end: a power of ten whose superscript left a
space ("1.0 × 10 6 cells/kg"), "up to" as the cap of a dose by body size ("vincristine 1.5 mg/m2 (up to 2 mg)"),
drugless dose sentences in more wordings ("the recommended dose of 5 µg/m2/day ... was used", "Dosing was weight
based:", "Each cycle included", "treated in cohort 1 (0.8 mg/m2)", "We evaluated a lower dose of 0.9 mg/m2"), a bare
count that needed a dose change ("; 12 required dose reductions to 30 mg"), and drugs the lexicon lacked."""
from __future__ import annotations

import pytest

from phrasing_cases import run_text as _run, dose_quads as _doses


INO = "inotuzumab ozogamicin"
BLIN = "blinatumomab"
TISA = "tisagenlecleucel"


@pytest.mark.parametrize("text, doses", [
    ("Tisagenlecleucel was given at 1.0 × 10 6 cells/kg.", [(TISA, 1000000, None, "cells/kg")]),
    ("Tisagenlecleucel was given at 2 x 10 6 /kg.", [(TISA, 2000000, None, "cells/kg")]),
    ("Tisagenlecleucel was given at 1.0 × 10 6 CAR T cells/kg in 10 patients and 3 × 10 5 cells/kg in 2.",
     [(TISA, 1000000, None, "cells/kg"), (TISA, 300000, None, "cells/kg")]),
    # no cell or per-kg cue after it: no power of ten, and the 10 is no mantissa's
    ("Patients (n = 3 × 10 patients) received 5 mg.", []),
])
def test_phrasings_dose_power_of_ten_with_a_spaced_exponent(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    ("Vincristine 1.5 mg/m2 (up to 2 mg) was given weekly.", [("vincristine", 1.5, None, "mg/m2")]),
    ("Vincristine 1.5 mg/m2, up to 2 mg, was given weekly.", [("vincristine", 1.5, None, "mg/m2")]),
    ("Vincristine 1.5 mg/m2 with a maximum single dose of 2 mg was given weekly.",
     [("vincristine", 1.5, None, "mg/m2")]),
    ("Tocilizumab 8 mg/kg up to 800 mg was given for CRS.", [("tocilizumab", 8, None, "mg/kg")]),
    ("Blinatumomab 15 µg/m2/day, up to 28 µg/day, was given to children.", [(BLIN, 15, None, "µg/m2")]),
    ("Dasatinib 60 mg/m2/day, up to 100 mg/day, was given.", [("dasatinib", 60, None, "mg/m2")]),
    # a cell dose's "up to" is the regimen's ceiling; so is "up to" with no dose by body size before it
    ("Tisagenlecleucel was given at up to 2.5 × 10^8 cells.", [(TISA, 250000000, None, "cells")]),
    ("Ponatinib was given at 45 mg daily for up to 2 years, or up to 30 mg after CMR.",
     [("ponatinib", 45, None, "mg"), ("ponatinib", 30, None, "mg")]),
])
def test_phrasings_dose_up_to_after_a_dose_by_body_size_is_a_cap(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    ("Children received blinatumomab in 4-week cycles. In the phase 2 part, the recommended dose of 5 µg/m2/day for 7"
     " days followed by 15 µg/m2/day was used.", [(BLIN, 5, None, "µg/m2"), (BLIN, 15, None, "µg/m2")]),
    ("Forty children received blinatumomab. The recommended dose of 15 µg/m2/day was given in 4-week cycles.",
     [(BLIN, 15, None, "µg/m2")]),
    ("Patients received blinatumomab in 6-week cycles. Dosing was weight based: 5 µg/m2/day in week 1 and 15"
     " µg/m2/day thereafter for patients under 45 kg.", [(BLIN, 5, None, "µg/m2"), (BLIN, 15, None, "µg/m2")]),
    ("Patients received inotuzumab ozogamicin. Each cycle included 0.8 mg/m2 on day 1 and 0.5 mg/m2 on days 8 and"
     " 15.", [(INO, 0.8, None, "mg/m2"), (INO, 0.5, None, "mg/m2")]),
    ("Patients received inotuzumab ozogamicin. Eleven patients were treated in cohort 1 (0.8 mg/m2) and 13 in cohort"
     " 2 (1.2 mg/m2).", [(INO, 0.8, None, "mg/m2"), (INO, 1.2, None, "mg/m2")]),
    ("Inotuzumab ozogamicin is approved at 1.8 mg/m2 per cycle for relapsed ALL. We evaluated a lower dose of 0.9"
     " mg/m2 in 30 older adults.", [(INO, 0.9, None, "mg/m2")]),
    # two drugs in the sentence before: whose dose it is is not in the words
    ("Patients received inotuzumab and blinatumomab. We evaluated a lower dose of 0.9 mg/m2.", []),
    # what the investigators did before this study is no dose of it
    ("Patients received inotuzumab ozogamicin. We previously used a dose of 1.8 mg/m2.", []),
])
def test_phrasings_dose_drugless_sentences_take_the_drug_named_before(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    ("Forty patients received ponatinib at 45 mg daily; 12 required dose reductions to 30 mg.",
     [("ponatinib", 45, None, "mg")]),
    ("Forty patients received ponatinib at 45 mg daily, and 12 needed a dose reduction to 30 mg.",
     [("ponatinib", 45, None, "mg")]),
    # a change of the schedule for all stays a dose
    ("Ponatinib was given at 45 mg daily and reduced to 15 mg after CMR.",
     [("ponatinib", 45, None, "mg"), ("ponatinib", 15, None, "mg")]),
])
def test_phrasings_dose_change_needed_by_a_bare_count_is_an_event(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, drug, dose, unit", [
    ("Vinorelbine 25 mg/m2 was given weekly with topotecan.", "vinorelbine", 25, "mg/m2"),
    ("Gemcitabine 1000 mg/m2 was given on days 1 and 8.", "gemcitabine", 1000, "mg/m2"),
    ("Epirubicin 30 mg/m2 was given on days 1-3.", "epirubicin", 30, "mg/m2"),
    ("Irinotecan 50 mg/m2 was given daily for 5 days.", "irinotecan", 50, "mg/m2"),
    ("Plerixafor 240 µg/kg was given before chemotherapy.", "plerixafor", 240, "µg/kg"),
    ("Flavopiridol 50 mg/m2 was given on days 1-3.", "alvocidib", 50, "mg/m2"),
    ("Romidepsin 14 mg/m2 was given on days 1, 8 and 15.", "romidepsin", 14, "mg/m2"),
    ("Thalidomide 100 mg daily was given as maintenance.", "thalidomide", 100, "mg"),
    ("GM-CSF 250 µg/m2 was given daily.", "sargramostim", 250, "µg/m2"),
    ("Ara C 2 g/m2 was given every 12 hours.", "cytarabine", 2, "g/m2"),
    ("Lumoxiti 40 µg/kg was given every other day.", "moxetumomab pasudotox", 40, "µg/kg"),
    ("Homoharringtonine 2 mg/m2 was given on days 1-7.", "omacetaxine", 2, "mg/m2"),
    ("Elspar 6000 IU/m2 was given three times weekly.", "asparaginase", 6000, "IU/m2"),
])
def test_phrasings_dose_drugs_the_lexicon_lacked(nlp, text, drug, dose, unit):
    assert _doses(_run(nlp, text)) == [(drug, dose, None, unit)]


@pytest.mark.parametrize("text, doses", [
    ("Inotuzumab ozogamicin is approved at a dose of 1.8 mg/m2 per cycle.", []),
    ("Inotuzumab ozogamicin is approved in adults at 1.8 mg/m2 per cycle.", []),
    ("Blinatumomab, approved at 28 µg/day, was given to 40 patients at 9 µg/day in week 1.",
     [(BLIN, 9, None, "µg")]),
    # the approved dose as what patients of the study received stays a dose
    ("Forty patients received inotuzumab ozogamicin at the approved dose of 1.8 mg/m2 per cycle.",
     [(INO, 1.8, None, "mg/m2")]),
    # an earlier therapy told after its bracketed dose
    ("Ten patients were blinatumomab-exposed (28 µg/day) before enrollment.", []),
])
def test_phrasings_dose_label_statements_and_earlier_therapy(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    # a partner dosed right after its name keeps its dose; the subject's dose follows the subject's verb
    ("The MTD of blinatumomab given with ibrutinib 560 mg was 28 µg/day.",
     [("ibrutinib", 560, None, "mg"), (BLIN, 28, None, "µg")]),
    ("The MTD of venetoclax combined with navitoclax 50 mg was 400 mg.",
     [("navitoclax", 50, None, "mg"), ("venetoclax", 400, None, "mg")]),
    # no dose between: the "dose of" subject's, as before
    ("The recommended dose of ponatinib with blinatumomab was 30 mg daily.", [("ponatinib", 30, None, "mg")]),
    ("The dose of clofarabine in combination with cytarabine was 52 mg/m2.", [("clofarabine", 52, None, "mg/m2")]),
])
def test_phrasings_dose_of_a_subject_beside_a_dosed_partner(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


_INO_BEFORE = "Patients received inotuzumab ozogamicin in 4-week cycles. "


@pytest.mark.parametrize("sentence, doses", [
    # more verbs of the population as subject
    ("Patients were treated with 1.8 mg/m2 per cycle.", [(INO, 1.8, None, "mg/m2")]),
    ("Patients were administered 1.8 mg/m2 per cycle.", [(INO, 1.8, None, "mg/m2")]),
    ("Patients were randomized to 0.9 or 1.8 mg/m2 per cycle.", [(INO, 0.9, None, "mg/m2"), (INO, 1.8, None, "mg/m2")]),
    # an adverb or a condition opening the sentence
    ("Subsequently, patients received 1.2 mg/m2 per cycle.", [(INO, 1.2, None, "mg/m2")]),
    ("Initially, patients received 1.8 mg/m2 per cycle.", [(INO, 1.8, None, "mg/m2")]),
    ("After a protocol amendment, the dose was reduced to 1.2 mg/m2.", [(INO, 1.2, None, "mg/m2")]),
    ("Once CR was achieved, the dose was reduced to 1.2 mg/m2.", [(INO, 1.2, None, "mg/m2")]),
    ("Starting with cycle 2, the dose was 1.2 mg/m2.", [(INO, 1.2, None, "mg/m2")]),
    ("The dose was subsequently reduced to 1.2 mg/m2 per cycle.", [(INO, 1.2, None, "mg/m2")]),
    # the treatment or the dose itself as the subject
    ("Treatment was administered at 1.8 mg/m2 per cycle.", [(INO, 1.8, None, "mg/m2")]),
    ("Infusions were given at 1.8 mg/m2 per cycle.", [(INO, 1.8, None, "mg/m2")]),
    ("Thereafter, 1.2 mg/m2 was given.", [(INO, 1.2, None, "mg/m2")]),
    ("1.8 mg/m2 was given per cycle.", [(INO, 1.8, None, "mg/m2")]),
    ("Two dose levels were evaluated, 0.9 and 1.2 mg/m2.", [(INO, 0.9, None, "mg/m2"), (INO, 1.2, None, "mg/m2")]),
    # a reduction for counted patients stays an event; a level's patients or an exposure no dose
    ("Once VOD occurred, the dose was reduced to 1.2 mg/m2 in 4 patients.", []),
    ("Thereafter, the median cumulative dose was 3.6 mg/m2.", []),
])
def test_phrasings_dose_more_drugless_openings_and_subjects(nlp, sentence, doses):
    assert _doses(_run(nlp, _INO_BEFORE + sentence)) == doses


@pytest.mark.parametrize("sentence, doses", [
    # a dose word before the first number
    ("Patients were enrolled at a dose of 0.9 mg/m2.", [(INO, 0.9, None, "mg/m2")]),
    ("Cohort 1 (n = 6) received 0.9 mg/m2.", [(INO, 0.9, None, "mg/m2")]),
    ("Dose level 1 (0.9 mg/m2) was well tolerated.", [(INO, 0.9, None, "mg/m2")]),
    ("Cohorts of 3 to 6 patients received escalating doses (0.6, 0.9 and 1.2 mg/m2).",
     [(INO, 0.6, None, "mg/m2"), (INO, 0.9, None, "mg/m2"), (INO, 1.2, None, "mg/m2")]),
    ("Patients were scheduled to receive 1.8 mg/m2 per cycle.", [(INO, 1.8, None, "mg/m2")]),
    ("Six cycles of 1.8 mg/m2 were planned.", [(INO, 1.8, None, "mg/m2")]),
    ("A weekly schedule (0.8 mg/m2 on day 1, 0.5 mg/m2 on days 8 and 15) was used.",
     [(INO, 0.8, None, "mg/m2"), (INO, 0.5, None, "mg/m2")]),
    ("Dosing: 1.8 mg/m2 per cycle.", [(INO, 1.8, None, "mg/m2")]),
    # or a schedule after the dose
    ("0.8 mg/m2 on day 1 and 0.5 mg/m2 on days 8 and 15 of each cycle.",
     [(INO, 0.8, None, "mg/m2"), (INO, 0.5, None, "mg/m2")]),
    # a name the lexicon does not know right before the amount: that drug's dose
    ("Aspirin 81 mg daily was given to all patients.", []),
    ("Patients also received aspirin 81 mg daily.", []),
    # no dose word, no schedule; an exposure; an amount the drug is not dosed in
    ("Hemoglobin was 9 g/dL in treated patients.", []),
    ("The median exposure was 2 cycles (range, 1-5) with 0.8 mg/m2 weekly.", []),
    ("Premedication with 20 mg was given before each dose.", []),
])
def test_phrasings_dose_drugless_sentences_with_dose_words_or_a_schedule(nlp, sentence, doses):
    assert _doses(_run(nlp, _INO_BEFORE + sentence)) == doses
