"""Doses of CAR T products named by their target antigen (CD7, CD5, dual CD19/CD22), in our own words, run end to
end."""
from __future__ import annotations

import pytest

from phrasing_cases import run_text as _run, dose_triples as _doses


CD7 = "cd7-car t cells"
CD5 = "cd5-car t cells"
CD19 = "cd19-car t cells"
CD22 = "cd22-car t cells"
DUAL = "cd19/cd22-car t cells"


@pytest.mark.parametrize("text, doses", [
    ("CD7 CAR T cells were infused at 1 × 10^6 cells/kg.", [(CD7, 1000000, "cells/kg")]),
    ("Anti-CD7 CAR T cells were infused at 5 × 10^5 cells/kg in patients with T-ALL.", [(CD7, 500000, "cells/kg")]),
    ("Patients with T-ALL received donor-derived CD7 CAR-T cells at 1 × 10^6 cells/kg.", [(CD7, 1000000, "cells/kg")]),
    ("Patients were infused with 1 × 10^6 CD7 CAR T cells/kg.", [(CD7, 1000000, "cells/kg")]),
    ("CD5 CAR T cells were administered at 1 × 10^7 cells/kg.", [(CD5, 10000000, "cells/kg")]),
    # a dual product is no CD22 product, whatever its modifier
    ("CD19/CD22 CAR T cells were infused at 1 × 10^6 cells/kg.", [(DUAL, 1000000, "cells/kg")]),
    ("Bispecific CD19/CD22 CAR T cells were infused at 3 × 10^6 cells/kg.", [(DUAL, 3000000, "cells/kg")]),
    ("CD19/CD22 dual-targeted CAR T cells were given at 2 × 10^6 cells/kg.", [(DUAL, 2000000, "cells/kg")]),
    ("CD19/22 CAR-T cells were given at 1, 3 or 5 × 10^6 cells/kg.",
     [(DUAL, 1000000, "cells/kg"), (DUAL, 3000000, "cells/kg"), (DUAL, 5000000, "cells/kg")]),
    ("Humanized CD19 CAR T cells were infused at 1 × 10^6 cells/kg.", [(CD19, 1000000, "cells/kg")]),
    # the product as an earlier therapy, or lymphodepletion before it: no cell dose of its own
    ("Patients relapsing after CD7 CAR T cells received 40 mg/m2 of clofarabine.", [("clofarabine", 40, "mg/m2")]),
    ("CD7 CAR T cells produced a CR rate of 90% in T-ALL.", []),
])
def test_phrasings_antigen_named_products(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


INO = "inotuzumab ozogamicin"


@pytest.mark.parametrize("text, doses", [
    # a dose level's label after each dose of a list sharing one unit
    ("CD22-CAR T cells were infused at 1 × 10^6 (DL1) and 3 × 10^6 (DL2) cells/kg.",
     [(CD22, 1000000, "cells/kg"), (CD22, 3000000, "cells/kg")]),
    ("CD19 CAR T cells were infused at 1 × 10^6 (dose level 1), 3 × 10^6 (dose level 2) or 1 × 10^7 (dose level 3)"
     " cells/kg.", [(CD19, 1000000, "cells/kg"), (CD19, 3000000, "cells/kg"), (CD19, 10000000, "cells/kg")]),
    ("CD7 CAR T cells were tested at dose levels of 0.5, 1.0, and 1.5 × 10^6 cells/kg.",
     [(CD7, 500000, "cells/kg"), (CD7, 1000000, "cells/kg"), (CD7, 1500000, "cells/kg")]),
    # a median infused dose is what patients got, also of a product whose name holds a digit
    ("The median infused dose of CD7 CAR T cells was 1 × 10^6 cells/kg.", []),
    ("Patients received a median of 2 × 10^6 viable CD19 CAR T cells/kg.", []),
])
def test_phrasings_cell_dose_lists(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    # a sentence opening on the dose, its drug the subject after the comma
    ("At the MTD of 1.8 mg/m2, inotuzumab produced a CR rate of 60%.", [(INO, 1.8, "mg/m2")]),
    ("At the recommended phase 2 dose of 28 µg/day, blinatumomab induced CR in 40%.", [("blinatumomab", 28, "µg")]),
    ("At the maximum tolerated dose (MTD) of 1.2 mg/m2, inotuzumab was given on days 1, 8 and 15.",
     [(INO, 1.2, "mg/m2")]),
    ("At doses of 1.2 and 1.8 mg/m2, inotuzumab was well tolerated.", [(INO, 1.2, "mg/m2"), (INO, 1.8, "mg/m2")]),
    ("At a dose of 1 × 10^6 cells/kg, CD7 CAR T cells induced CR in 90% of patients.", [(CD7, 1000000, "cells/kg")]),
    # the drug not the subject right after the comma
    ("At the MTD of 1.8 mg/m2, the CR rate with inotuzumab was 60%.", []),
])
def test_phrasings_dose_opening_the_sentence(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    # drugs joined by "plus" or "+" before a "respectively" list
    ("The RP2D for blinatumomab plus ponatinib was 28 µg/day and 45 mg/day, respectively.",
     [("blinatumomab", 28, "µg"), ("ponatinib", 45, "mg")]),
    ("Venetoclax + navitoclax were dosed at 400 mg and 50 mg, respectively.",
     [("venetoclax", 400, "mg"), ("navitoclax", 50, "mg")]),
    ("Fludarabine plus cyclophosphamide (30 and 500 mg/m2/day, respectively) preceded the infusion.",
     [("fludarabine", 30, "mg/m2"), ("cyclophosphamide", 500, "mg/m2")]),
    ("Inotuzumab plus rituximab was given at 1.8 mg/m2.", [(INO, 1.8, "mg/m2")]),
    # the drug after "for", ending its phrase
    ("The MTD was 1.8 mg/m2 for inotuzumab.", [(INO, 1.8, "mg/m2")]),
    ("The RP2D was 400 mg for venetoclax and 50 mg for navitoclax.",
     [("venetoclax", 400, "mg"), ("navitoclax", 50, "mg")]),
    ("Dexamethasone 20 mg for blinatumomab premedication was given.", [("dexamethasone", 20, "mg")]),
    ("Dexamethasone was given at 10 mg for blinatumomab-related CRS.", [("dexamethasone", 10, "mg")]),
])
def test_phrasings_joined_drugs_and_named_for(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    # a conjunction before the last dose of a list is no drug of its own
    ("Patients received venetoclax 200 mg, 400 mg, or 600 mg daily with navitoclax.",
     [("venetoclax", 200, "mg"), ("venetoclax", 400, "mg"), ("venetoclax", 600, "mg")]),
    ("Cyclophosphamide 300 mg/m2, cytarabine 40 mg and allopurinol 300 mg were given.",
     [("cyclophosphamide", 300, "mg/m2"), ("cytarabine", 40, "mg")]),  # a drug the lexicon does not know
    # the chimeric antigen receptor spelled out after a targeting word
    ("CD19-targeted chimeric antigen receptor T cells were given at 3 × 10^6 cells/kg.",
     [(CD19, 3000000, "cells/kg")]),
    ("CD7-directed chimeric antigen receptor T cells were infused at 1 × 10^6 cells/kg.",
     [(CD7, 1000000, "cells/kg")]),
])
def test_phrasings_dose_lists_and_spelled_products(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, cohort", [
    # a cell dose in scientific notation is never a second group's count
    ("In this phase 1 trial, 20 patients with relapsed T-ALL received CD7 CAR T cells at 5 × 10^5 or 1 × 10^6"
     " cells/kg after lymphodepletion with fludarabine and cyclophosphamide.", 20),
    ("26 patients with T-ALL and 13 with T-LBL received CD7 CAR T cells.", 39),
])
def test_phrasings_cohort_beside_cell_doses(nlp, text, cohort):
    assert _run(nlp, text)["cohort_size"] == cohort


@pytest.mark.parametrize("text, doses", [
    # the patients' count after each dose of a list sharing one unit
    ("CD7 CAR T cells were infused at 1 × 10^6 (n = 6) or 3 × 10^6 (n = 9) cells/kg.",
     [(CD7, 1000000, "cells/kg"), (CD7, 3000000, "cells/kg")]),
    ("Doses of 1 × 10^6 (n = 4) and 3 × 10^6 (n = 8) CD22-CAR T cells/kg were given.",
     [(CD22, 1000000, "cells/kg"), (CD22, 3000000, "cells/kg")]),
    # a dose level opening the sentence, its dose in brackets
    ("At dose level 1 (1 × 10^6 cells/kg), CD7 CAR T cells caused no DLT.", [(CD7, 1000000, "cells/kg")]),
    ("At DL2 (3 × 10^6 cells/kg), CD19/CD22 CAR T cells caused grade 3 CRS in 2 patients.",
     [(DUAL, 3000000, "cells/kg")]),
    ("At dose level 1 (1 × 10^6 cells/kg), the CR rate with CD7 CAR T cells was 80%.", []),
])
def test_phrasings_dose_level_counts_and_openings(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, cohort", [
    # two counts after "in", one per dose, are two groups: neither is the cohort
    ("Inotuzumab was given at 1.8 mg/m2 in 12 patients and 1.2 mg/m2 in 8 patients.", None),
    ("CD19 CAR T cells were infused at 1 × 10^6 cells/kg in 12 patients and at 3 × 10^6 cells/kg in 8 patients.",
     None),
    ("Inotuzumab was given to 20 patients: 1.8 mg/m2 in 12 patients and 1.2 mg/m2 in 8 patients.", 20),
    ("Inotuzumab was given at 1.8 mg/m2 in 40 patients.", 40),
])
def test_phrasings_cohort_split_by_dose(nlp, text, cohort):
    assert _run(nlp, text)["cohort_size"] == cohort


@pytest.mark.parametrize("text, doses", [
    # a bare count per kg of the product named right after it
    ("Twelve patients were infused with 1 × 10^6/kg CD7 CAR T cells.", [(CD7, 1000000, "cells/kg")]),
    ("Patients received 2 × 10^6/kg CD19/CD22 CAR T cells after lymphodepletion.", [(DUAL, 2000000, "cells/kg")]),
    ("A median of 3 × 10^6/kg CD34+ cells was infused.", []),
])
def test_phrasings_count_per_kg_before_product(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses
