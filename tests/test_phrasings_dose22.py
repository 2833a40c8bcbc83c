"""Doses of the fifteenth phrasing round (probes of our own), run end to end: drugs the lexicon does not list, named by
their INN stem (patterns/drugs.jsonl "*-mab", "*-tinib", "*-clax", "*-zomib", "*-ciclib", "*-inostat", "*-leucel",
"*-cel"), whose dose printed after the name is theirs, named as printed and grouped by that name in lower case; a
listed drug keeps its lexicon id however its name ends."""
from __future__ import annotations

import pytest

from phrasing_cases import run_text as _run, dose_triples as _doses

CELLS = "cells/kg"


@pytest.mark.parametrize("text, doses", [
    # bispecific and monoclonal antibodies by "-mab"
    ("Patients received odronextamab 80 mg weekly.", [("odronextamab", 80, "mg")]),
    ("Glofitamab was given at 30 mg every 3 weeks.", [("glofitamab", 30, "mg")]),
    ("Epcoritamab (48 mg) was given subcutaneously on days 1, 8, 15 and 22.", [("epcoritamab", 48, "mg")]),
    ("Teplizumab at 1 mg/kg was added to the third block.", [("teplizumab", 1, "mg/kg")]),
    # small molecules by "-tinib", "-metinib", "-clax", "-zomib", "-ciclib", "-inostat"
    ("Olmutinib was given at 800 mg daily with dexamethasone 40 mg on days 1-4.",
     [("olmutinib", 800, "mg"), ("dexamethasone", 40, "mg")]),
    ("Children received selumetinib 25 mg/m2 twice daily.", [("selumetinib", 25, "mg/m2")]),
    # its own dose, no longer left out as an unknown name's (the drug before is dosed in µg)
    ("Patients received blinatumomab. Gilteritinib was then given at 120 mg daily.", [("gilteritinib", 120, "mg")]),
    ("Sonrotoclax 160 mg daily was combined with azacitidine.", [("sonrotoclax", 160, "mg")]),
    ("Marizomib was administered at 0.7 mg/m2 on days 1, 8 and 15.", [("marizomib", 0.7, "mg/m2")]),
    ("Abemaciclib 150 mg twice daily was combined with dexamethasone.", [("abemaciclib", 150, "mg")]),
    ("Givinostat was given at 50 mg twice daily.", [("givinostat", 50, "mg")]),
])
def test_phrasings_dose_of_a_drug_named_by_its_inn_stem(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    ("Zamtocabtagene autoleucel was infused at 1 × 10^6 cells/kg.", [("zamtocabtagene autoleucel", 1e6, CELLS)]),
    ("Patients received a single dose of varnimcabtagene autoleucel of 2 × 10^6 cells/kg.",
     [("varnimcabtagene autoleucel", 2e6, CELLS)]),
    ("Patients received zamto-cel at 2.5 × 10^6 cells/kg.", [("zamto-cel", 2.5e6, CELLS)]),
    # the product and its lymphodepletion, each its own
    ("Zamtocabtagene autoleucel was infused at 1 × 10^6 cells/kg after fludarabine 30 mg/m2 and cyclophosphamide"
     " 500 mg/m2 daily for 3 days.",
     [("zamtocabtagene autoleucel", 1e6, CELLS), ("fludarabine", 30, "mg/m2"), ("cyclophosphamide", 500, "mg/m2")]),
])
def test_phrasings_dose_of_a_car_t_product_named_by_its_inn(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


def test_phrasings_dose_inn_product_of_the_title_is_the_studys(nlp):
    """A CAR T product the lexicon does not list, named in the title, is the study's one product: CAR T cells dosed
    without a name are its (a -leucel INN takes the CAR T class of its stem's line)."""
    record = _run(nlp, "Patients received a single infusion of 1 × 10^6 CAR T cells/kg.",
                  title="Zamtocabtagene autoleucel in adults with relapsed ALL")
    assert _doses(record) == [("zamtocabtagene autoleucel", 1e6, CELLS)]


@pytest.mark.parametrize("text, doses", [
    ("Glofitamab was given at 2.5, 10 and 30 mg.", [("glofitamab", 2.5, "mg"), ("glofitamab", 10, "mg"),
                                                    ("glofitamab", 30, "mg")]),
    ("Sonrotoclax was escalated from 40 to 640 mg daily.", [("sonrotoclax", 40, "mg"), ("sonrotoclax", 640, "mg")]),
])
def test_phrasings_dose_levels_of_a_drug_named_by_its_inn_stem(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


def test_phrasings_dose_inn_stem_drug_as_printed(nlp):
    """The printed name is kept ("Glofitamab" at a sentence's start is the canonical name, printed), and the id is
    the name in lower case, which tables group by."""
    record = _run(nlp, "Patients received glofitamab. Glofitamab was given at 30 mg.")
    assert [(d["drug"], d["drug_id"]) for d in record["doses"]] == [("glofitamab", "glofitamab")]


@pytest.mark.parametrize("text, doses", [
    # a listed drug keeps its lexicon id: its rule covers the word the stem rule matched
    ("Patients received inotuzumab 0.8 mg/m2 and blinatumomab 28 µg/day.",
     [("inotuzumab ozogamicin", 0.8, "mg/m2"), ("blinatumomab", 28, "µg")]),
    ("Brexucabtagene autoleucel was infused at 1 × 10^6 cells/kg.", [("brexucabtagene autoleucel", 1e6, CELLS)]),
    ("Tisagenlecleucel was infused at 2 × 10^6 cells/kg.", [("tisagenlecleucel", 2e6, CELLS)]),
    ("Ponatinib 45 mg daily was given with venetoclax 400 mg.", [("ponatinib", 45, "mg"), ("venetoclax", 400, "mg")]),
    # the abbreviation of the word is no drug
    ("A monoclonal antibody (mAb) was given at 10 mg/kg.", []),
    # an earlier therapy's dose stays out, as for a listed drug
    ("Patients previously treated with glofitamab 30 mg were excluded. Patients received odronextamab 80 mg.",
     [("odronextamab", 80, "mg")]),
    # a word with the stem inside it but not at its end is no drug
    ("Patients received a tinibased regimen at 30 mg.", []),
])
def test_phrasings_dose_inn_stem_must_not_reach(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


def test_phrasings_dose_inn_stem_class_for_arms(nlp):
    """The arm of a drug named by its stem carries the stem's class, as a listed drug's does."""
    record = _run(nlp, "Olmutinib was given at 800 mg daily.")
    assert [(a["drugs"], a["classes"]) for a in record["arms"]] == [(["olmutinib"], ["tyrosine kinase inhibitor"])]


def test_phrasings_dose_inn_stem_arm_of_a_randomised_drug(nlp):
    """An arm's drug named by a stem has the stem's class (an unknown name of no stem stays "unknown", test_arms.py)."""
    record = _run(nlp, "Adults were randomly assigned to receive Zelpotinib (n = 50) or chemotherapy (n = 25).")
    arm = next(a for a in record["arms"] if a["n"] == 50)
    assert arm["drugs"] == ["zelpotinib"] and arm["classes"] == ["tyrosine kinase inhibitor"]


@pytest.mark.parametrize("text, printed, drug_id, dose", [
    ("Patients received CD20 CAR T cells at 1 × 10^6 cells/kg.", "CD20 CAR T cells", "cd20 car t cells", 1e6),
    ("CD123 CAR-T cells were infused at 3 × 10^5 cells/kg.", "CD123 CAR-T cells", "cd123 car-t cells", 3e5),
    ("Patients received anti-CD20 CAR T cells at 1 × 10^6 cells/kg.", "anti-CD20 CAR T cells",
     "anti-cd20 car t cells", 1e6),
    ("Patients received tandem CD19/CD20 CAR T cells at 2 × 10^6 cells/kg.", "CD19/CD20 CAR T cells",
     "cd19/cd20 car t cells", 2e6),
    ("CD1a-directed CAR T cells were given at 1 × 10^6 cells/kg.", "CD1a-directed CAR T cells",
     "cd1a-directed car t cells", 1e6),
    ("Patients received CD38 chimeric antigen receptor (CAR) T cells at 1 × 10^7 cells/kg.",
     "CD38 chimeric antigen receptor (CAR) T cells", "cd38 chimeric antigen receptor (car) t cells", 1e7),
    # the dual CD19/CD22 product with a hyphen for its slash is the listed dual product, not the CD22 one inside
    ("Patients received CD19-CD22 CAR T cells at 1 × 10^6 cells/kg.", "CD19-CD22 CAR T cells",
     "cd19/cd22-car t cells", 1e6),
])
def test_phrasings_dose_of_car_t_cells_named_by_their_antigen(nlp, text, printed, drug_id, dose):
    record = _run(nlp, text)
    assert [(d["drug"], d["drug_id"], d["dose"], d["unit"]) for d in record["doses"]] == [(printed, drug_id, dose, CELLS)]


def test_phrasings_dose_antigen_product_of_the_title_is_the_studys(nlp):
    record = _run(nlp, "Patients received a single infusion of 1 × 10^6 CAR T cells/kg.",
                  title="CD123 CAR T cells in children with relapsed T-ALL")
    assert _doses(record) == [("cd123 car t cells", 1e6, CELLS)]


@pytest.mark.parametrize("text, doses", [
    # a listed product keeps its lexicon id
    ("Patients received CD19 CAR T cells at 1 × 10^6 cells/kg.", [("cd19-car t cells", 1e6, CELLS)]),
    ("Patients received CD7-targeted CAR T cells at 1 × 10^6 cells/kg.", [("cd7-car t cells", 1e6, CELLS)]),
    # cells of a graft or of donor lymphocytes are no CAR T product
    ("After busulfan, patients received a graft of 5 × 10^6 CD34+ cells/kg.", []),
    ("Donor lymphocytes were given at 1 × 10^7 CD3 T cells/kg.", []),
    # natural killer cells are no CAR T cells
    ("Patients received CD19 CAR-NK cells at 1 × 10^6 cells/kg.", []),
    # a product's CD4 share is a subset of its cells, not a product
    ("The product contained CD4 CAR T cells at 5 × 10^7 cells.", []),
])
def test_phrasings_dose_car_t_antigen_must_not_reach(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text", [
    # antibodies and inhibitors given for a complication are supportive care, listed so that their stem does not
    # make their dose a regimen's
    "Emapalumab 1 mg/kg was given for HLH after the infusion.",
    "Eculizumab 900 mg weekly was given for transplant-associated thrombotic microangiopathy.",
    "Basiliximab 20 mg was given for steroid-refractory GVHD.",
    "Infliximab 10 mg/kg was given for refractory colitis.",
    "Itacitinib 200 mg daily was given for GVHD.",
])
def test_phrasings_dose_supportive_antibody_by_stem_is_no_regimen_dose(nlp, text):
    assert _doses(_run(nlp, text)) == []
