"""Doses of the twelfth round, in our own words, run end to end: cell doses per body surface (cells/m2) and CAR T
products spelled in the singular ("CD7 CAR T-cell therapy")."""
from __future__ import annotations

import pytest

from phrasing_cases import run_text as _run, dose_triples as _doses


CD7 = "cd7-car t cells"
CD19 = "cd19-car t cells"
CD22 = "cd22-car t cells"
DUAL = "cd19/cd22-car t cells"
BREXU = "brexucabtagene autoleucel"


@pytest.mark.parametrize("text, doses", [
    ("Patients received CD19 CAR T cells at 1 × 10^7 cells/m2.", [(CD19, 10000000, "cells/m2")]),
    ("Patients were infused with 1 × 10^8 CD19 CAR T cells/m2.", [(CD19, 100000000, "cells/m2")]),
    ("Patients were infused with 1 × 10^7 CD19 CAR T cells per m2.", [(CD19, 10000000, "cells/m2")]),
    ("Tisagenlecleucel was infused at 1 × 10^7 cells/m(2) in the first cohort.",
     [("tisagenlecleucel", 10000000, "cells/m2")]),
    ("CD22 CAR T cells were given at 3 × 10^5, 1 × 10^6 or 3 × 10^6 cells/m2.",
     [(CD22, 300000, "cells/m2"), (CD22, 1000000, "cells/m2"), (CD22, 3000000, "cells/m2")]),
    # cells of a graft are no drug's dose; a dose in mg/m2 stays one
    ("Cytarabine 2 g/m2 and 1 × 10^6 CD34+ cells/m2 were given.", [("cytarabine", 2, "g/m2")]),
    ("Inotuzumab ozogamicin was given at 0.8 mg/m2 on day 1.", [("inotuzumab ozogamicin", 0.8, "mg/m2")]),
])
def test_phrasings_cells_per_square_metre(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    ("CD7 CAR T-cell therapy was given at a dose of 1 × 10^6 cells/kg.", [(CD7, 1000000, "cells/kg")]),
    ("Donor-derived CD7 CAR T-cell therapy was infused at 1 × 10^6 cells/kg.", [(CD7, 1000000, "cells/kg")]),
    ("Patients received anti-CD7 CAR T-cell infusion at 2 × 10^6 cells/kg.", [(CD7, 2000000, "cells/kg")]),
    ("CD7 CAR-T cell therapy was given at 1 × 10^6 cells/kg.", [(CD7, 1000000, "cells/kg")]),
    ("CD22 CAR T-cell therapy was given at 1 × 10^6 cells/kg after CD19 failure.", [(CD22, 1000000, "cells/kg")]),
    # the dual product's CD22 is not the CD22 product; a named product keeps its dose alone
    ("CD19/CD22 CAR T-cell therapy was given at 1 × 10^6 cells/kg.", [(DUAL, 1000000, "cells/kg")]),
    ("KTE-X19 anti-CD19 CAR T-cell therapy was given at 1 × 10^6 cells/kg.", [(BREXU, 1000000, "cells/kg")]),
])
def test_phrasings_singular_car_t_cell(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


def test_phrasings_kte_x19_car_t_cell_therapy_is_one_drug(nlp):
    record = _run(nlp, "Patients received KTE-X19 anti-CD19 CAR T-cell therapy after lymphodepletion.")
    assert [a["label"] for a in record["arms"]] == ["all"] or len(record["arms"]) == 1


@pytest.mark.parametrize("text, doses", [
    # the subject's verb of dosing before "with" takes the dose after the partner
    ("Dasatinib was given with blinatumomab at 140 mg daily.", [("dasatinib", 140, "mg")]),
    ("Dasatinib was administered with blinatumomab at a dose of 140 mg daily.", [("dasatinib", 140, "mg")]),
    ("Inotuzumab was given with rituximab at 1.3 mg/m2.", [("inotuzumab ozogamicin", 1.3, "mg/m2")]),
    # "combined with" joins the partner to its own dose
    ("Ponatinib was combined with blinatumomab at 28 µg/day.", [("blinatumomab", 28, "µg")]),
    ("Dasatinib 140 mg daily was given with blinatumomab.", [("dasatinib", 140, "mg")]),
])
def test_phrasings_dose_of_the_subject_given_with_a_partner(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    # an earlier therapy told after its dose
    ("Eight patients had received blinatumomab 28 µg/day before enrollment.", []),
    ("Ten patients had received inotuzumab at 1.8 mg/m2 per cycle prior to study entry.", []),
    # this study's schedule before something else
    ("Dexamethasone 20 mg was given before the first dose of blinatumomab.", [("dexamethasone", 20, "mg")]),
    ("Patients received fludarabine 30 mg/m2 before CAR T cell infusion.", [("fludarabine", 30, "mg/m2")]),
    ("Blinatumomab was given at 28 µg/day before the study drug was stopped.", [("blinatumomab", 28, "µg")]),
])
def test_phrasings_dose_before_enrollment(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    # an unlabelled abstract's opening sentences, before the study's own, are its background
    ("Inotuzumab ozogamicin at the approved dose of 1.8 mg/m2 per cycle causes hepatotoxicity in older patients. "
     "We tested inotuzumab at 1.3 mg/m2 in cycle 1 with mini-hyper-CVD.", [("inotuzumab ozogamicin", 1.3, "mg/m2")]),
    ("Blinatumomab at 28 µg/day is standard for relapsed ALL. In this study, children received blinatumomab at "
     "15 µg/m2/day.", [("blinatumomab", 15, "µg/m2")]),
    # a sentence describing the study or reporting its patients ends the background
    ("The phase 2 open-label study evaluated daratumumab (16 mg/kg) plus chemotherapy. This cohort closed early.",
     [("daratumumab", 16, "mg/kg")]),
    ("Forty adults with relapsed ALL received inotuzumab 0.9 mg/m2. We report their outcomes.",
     [("inotuzumab ozogamicin", 0.9, "mg/m2")]),
    # an abstract that never names its study opens on no background
    ("Blinatumomab at 28 µg/day is active in relapsed ALL. The CR rate was 40%.", [("blinatumomab", 28, "µg")]),
])
def test_phrasings_unlabelled_abstract_background(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    # a dose after a drug the lexicon does not know is not the known drug's before it
    ("Inotuzumab 0.8 mg/m2 was given on day 1 with ursodeoxycholic acid 300 mg as VOD prophylaxis.",
     [("inotuzumab ozogamicin", 0.8, "mg/m2")]),
    ("Methotrexate 1 g/m2 followed by leucovorin 15 mg/m2 every 6 hours was given.", [("methotrexate", 1, "g/m2")]),
    ("Ponatinib 30 mg daily was combined with blinatumomab; aspirin 81 mg daily was given for thrombosis "
     "prophylaxis.", [("ponatinib", 30, "mg")]),
    ("Tisagenlecleucel was infused after lymphodepletion; anakinra 100 mg daily was used for ICANS.", []),
    # schedule words, routes and verbs before the number name no drug
    ("In cohort A, inotuzumab was given at 1.8 mg/m2; in cohort B, at 1.2 mg/m2.",
     [("inotuzumab ozogamicin", 1.8, "mg/m2"), ("inotuzumab ozogamicin", 1.2, "mg/m2")]),
    ("Ponatinib 45 mg daily was given for 2 cycles; thereafter 30 mg daily.",
     [("ponatinib", 45, "mg"), ("ponatinib", 30, "mg")]),
    ("Patients with more than 25% marrow blasts received CD19 CAR T cells at 1 × 10^6 cells/kg, and those with fewer "
     "blasts received 3 × 10^6 cells/kg.", [(CD19, 1000000, "cells/kg"), (CD19, 3000000, "cells/kg")]),
    ("Inotuzumab was given on day 1; maintenance 0.5 mg/m2 was given monthly.",
     [("inotuzumab ozogamicin", 0.5, "mg/m2")]),
])
def test_phrasings_dose_after_an_unknown_drug(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


def test_phrasings_dose_after_a_clause_of_our_own(nlp):
    record = _run(nlp, "Thirty patients received inotuzumab at 1.8 mg/m2, whereas we gave 1.2 mg/m2 to older ones.")
    assert _doses(record) == [("inotuzumab ozogamicin", 1.8, "mg/m2"), ("inotuzumab ozogamicin", 1.2, "mg/m2")]


@pytest.mark.parametrize("text, doses", [
    # the unknown drug after "with" or "and", with no dose of the known drug before it
    ("All patients received blinatumomab with posaconazole 300 mg daily as prophylaxis.", []),
    ("Patients received blinatumomab, and posaconazole 300 mg daily was mandatory.", []),
    ("Blinatumomab was given with prophylactic levetiracetam 500 mg twice daily.", []),
    ("Ponatinib was given with aspirin 81 mg daily.", []),
    ("Blinatumomab and IVIG 0.4 g/kg monthly were given.", []),
    # a known partner keeps its dose; so does the subject before its own words
    ("Inotuzumab was given with rituximab 375 mg/m2.", [("rituximab", 375, "mg/m2")]),
    ("Blinatumomab was given with dexamethasone premedication 20 mg.", [("dexamethasone", 20, "mg")]),
    ("Inotuzumab was given with a starting dose of 0.8 mg/m2.", [("inotuzumab ozogamicin", 0.8, "mg/m2")]),
    ("Inotuzumab and weekly 0.5 mg/m2 doses were given after CR.", [("inotuzumab ozogamicin", 0.5, "mg/m2")]),
])
def test_phrasings_unknown_drug_without_a_dose_before(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    # the unknown drug as the object of "received" or "took", the known one only its patients' treatment
    ("Blinatumomab-treated patients received posaconazole 300 mg daily.", []),
    ("During blinatumomab, patients received posaconazole 300 mg daily.", []),
    ("Patients receiving ponatinib took atorvastatin 20 mg daily.", []),
    # a word describing the known drug's dose is no name
    ("Patients received low-dose 0.9 mg/m2 of inotuzumab.", [("inotuzumab ozogamicin", 0.9, "mg/m2")]),
    ("Inotuzumab-treated patients received standard 1.8 mg/m2 per cycle.", [("inotuzumab ozogamicin", 1.8, "mg/m2")]),
    ("Ponatinib-treated patients received maintenance 15 mg daily.", [("ponatinib", 15, "mg")]),
])
def test_phrasings_unknown_drug_received(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses
