"""Doses of the fourteenth phrasing round (probes of our own), run end to end: a protocol change dated by a count of
patients ("reduced to 0.6 mg/m2 after the first 20 patients"), share cuts stated of the drugs after them or in their
bracket ("a 50% dose reduction of cyclophosphamide and dexamethasone", "cyclophosphamide (50% dose reduction)"),
another named trial's dose ("In the PACE trial, ponatinib 45 mg daily ..."), a dose some counted patients had because
of a high blast count, a change made for one patient, a pronoun subject out of reach after ";", a corticosteroid
never dosed in µg, units spelled out per square meter, drugs the lexicon lacked, and the drug's name as the abstract
prints it ("KTE-X19") kept beside the canonical one."""
from __future__ import annotations

import pytest

from phrasing_cases import run_text as _run, dose_triples as _doses


INO = "inotuzumab ozogamicin"
BLIN = "blinatumomab"
CY, DEX, MTX = "cyclophosphamide", "dexamethasone", "methotrexate"
CUT = "% dose reduction"


@pytest.mark.parametrize("text, doses", [
    ("Patients received inotuzumab. The dose of inotuzumab was reduced to 0.6 mg/m2 after the first 20 patients.",
     [(INO, 0.6, "mg/m2")]),
    ("Patients received inotuzumab 1.8 mg/m2. The dose was reduced to 1.2 mg/m2 after 20 patients were enrolled.",
     [(INO, 1.8, "mg/m2"), (INO, 1.2, "mg/m2")]),
    ("Patients received inotuzumab 1.8 mg/m2. The dose was reduced to 1.2 mg/m2 for the subsequent 25 patients.",
     [(INO, 1.8, "mg/m2"), (INO, 1.2, "mg/m2")]),
    ("Patients received inotuzumab 1.8 mg/m2. The dose was reduced to 1.2 mg/m2 in the last 15 patients.",
     [(INO, 1.8, "mg/m2"), (INO, 1.2, "mg/m2")]),
    # the patients who had the change, counted: an event
    ("Patients received inotuzumab 1.8 mg/m2. The dose was reduced to 1.2 mg/m2 in 4 patients.",
     [(INO, 1.8, "mg/m2")]),
])
def test_phrasings_dose_change_dated_by_a_count_of_patients_is_the_regimen(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    ("Mini-hyper-CVD consisted of a 50% dose reduction of cyclophosphamide and dexamethasone, no anthracycline, and a"
     " 75% dose reduction of methotrexate.", [(CY, 50, CUT), (DEX, 50, CUT), (MTX, 75, CUT)]),
    ("Patients received low-intensity hyper-CVD with cyclophosphamide (50% dose reduction), dexamethasone (50% dose"
     " reduction) and methotrexate (75% dose reduction).", [(CY, 50, CUT), (DEX, 50, CUT), (MTX, 75, CUT)]),
    ("Patients received mini-hyper-CVD (50% dose-reduced cyclophosphamide and dexamethasone, no anthracycline).",
     [(CY, 50, CUT), (DEX, 50, CUT)]),
    ("Cyclophosphamide and dexamethasone were given at 50% reduced dose.", [(CY, 50, CUT), (DEX, 50, CUT)]),
    # a cut some patients needed or had is an event
    ("Four patients required a 50% dose reduction of inotuzumab.", []),
    ("Ten patients had a 25% dose reduction of cytarabine.", []),
    ("A 50% dose reduction of inotuzumab was needed in 4 patients.", []),
    ("Inotuzumab (50% dose reduction) was given to 4 patients.", []),
])
def test_phrasings_dose_share_cut_of_the_drugs_after_it_or_in_their_bracket(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    ("Patients received ponatinib 30 mg daily. In the PACE trial, ponatinib 45 mg daily produced MCyR in 56%.",
     [("ponatinib", 30, "mg")]),
    ("Patients received blinatumomab 28 µg/day. In the TOWER study, blinatumomab at 9 µg/day then 28 µg/day improved"
     " OS.", [(BLIN, 28, "µg")]),
    ("Patients received inotuzumab 0.9 mg/m2. The phase 3 INO-VATE trial of inotuzumab at 1.8 mg/m2 per cycle showed"
     " higher CR rates.", [(INO, 0.9, "mg/m2")]),
    ("Patients received ponatinib 30 mg daily. Data from the PACE trial (ponatinib 45 mg daily) were used as a"
     " comparator.", [("ponatinib", 30, "mg")]),
    # this report's own trial: named with a this-study word
    ("In this PhALLCON trial, ponatinib 30 mg daily was compared with imatinib 600 mg daily.",
     [("ponatinib", 30, "mg"), ("imatinib", 600, "mg")]),
    ("This analysis of the phase 3 TOWER trial included 40 patients. In the TOWER trial, blinatumomab was given at 9"
     " µg/day, then 28 µg/day.", [(BLIN, 9, "µg"), (BLIN, 28, "µg")]),
    # a phase in roman numerals is no trial's name
    ("In a phase II study, blinatumomab was given at 28 µg/day.", [(BLIN, 28, "µg")]),
])
def test_phrasings_dose_after_another_named_trial_is_that_trials(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


BREXU_TITLE = "Brexucabtagene autoleucel in adults with relapsed ALL"


@pytest.mark.parametrize("title, text, doses", [
    (BREXU_TITLE + ": the ZUMA-3 study",
     "In the ZUMA-3 study, brexucabtagene autoleucel was given at 1 × 10^6 CAR T cells/kg.",
     [("brexucabtagene autoleucel", 1000000, "cells/kg")]),
    # the report's own trial: named with its registry number, or with its count of patients
    (BREXU_TITLE, "The phase 2 ZUMA-3 study (NCT02614066) enrolled adults with relapsed ALL. In the ZUMA-3 study,"
     " patients received brexucabtagene autoleucel at 1 × 10^6 CAR T cells/kg.",
     [("brexucabtagene autoleucel", 1000000, "cells/kg")]),
    (BREXU_TITLE, "In the ZUMA-3 study, 55 patients received brexucabtagene autoleucel at 1 × 10^6 CAR T cells/kg.",
     [("brexucabtagene autoleucel", 1000000, "cells/kg")]),
    ("Blinatumomab in adults with relapsed ALL", "The phase 3 TOWER study randomized 405 patients to blinatumomab or"
     " chemotherapy. In the TOWER study, blinatumomab was given at 9 µg/day then 28 µg/day.",
     [(BLIN, 9, "µg"), (BLIN, 28, "µg")]),
])
def test_phrasings_dose_own_named_trial_keeps_its_doses(nlp, title, text, doses):
    assert _doses(_run(nlp, text, title=title)) == doses


@pytest.mark.parametrize("text, doses", [
    ("Blinatumomab was given at 28 µg/day. Two patients were treated with 9 µg/day because of a high blast count.",
     [(BLIN, 28, "µg")]),
    ("Blinatumomab was given at 28 µg/day. Because of a high tumor burden, 3 patients received 9 µg/day in week 1.",
     [(BLIN, 28, "µg")]),
    ("Blinatumomab was given at 28 µg/day; 5 patients received 9 µg/day due to high disease burden.",
     [(BLIN, 28, "µg")]),
    # the protocol's own step for high burden, no count: the regimen
    ("Blinatumomab was given at 9 µg/day in week 1 and 28 µg/day thereafter to reduce CRS in patients with high tumor"
     " burden.", [(BLIN, 9, "µg"), (BLIN, 28, "µg")]),
])
def test_phrasings_dose_counted_patients_had_for_their_disease_burden_is_an_event(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    ("Ponatinib was given at 30 mg daily. One patient required a dose reduction of ponatinib to 10 mg because of"
     " hypertension.", [("ponatinib", 30, "mg")]),
    ("Ponatinib was given at 30 mg daily. In one patient, ponatinib was reduced to 15 mg.", [("ponatinib", 30, "mg")]),
    ("Ponatinib was given at 30 mg daily; the dose was reduced to 15 mg in one patient.", [("ponatinib", 30, "mg")]),
    ("Blinatumomab was given at 28 µg/day. One patient received 9 µg/day because of toxicity.", [(BLIN, 28, "µg")]),
    # a change of the schedule for all stays the regimen
    ("Ponatinib was given at 30 mg daily and reduced to 15 mg after CMR.",
     [("ponatinib", 30, "mg"), ("ponatinib", 15, "mg")]),
])
def test_phrasings_dose_change_for_one_patient_is_an_event(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    ("Inotuzumab was given on day 3 of the first four courses at 1.3 mg/m2 in cycle 1 and 1.0 mg/m2 thereafter; after"
     " 20 patients, it was given weekly at 0.6 mg/m2 and 0.3 mg/m2 in cycle 1.",
     [(INO, 1.3, "mg/m2"), (INO, 1, "mg/m2"), (INO, 0.6, "mg/m2"), (INO, 0.3, "mg/m2")]),
    # a corticosteroid is never dosed in µg: the drugless MTD after its sentence is none of its
    ("Children received blinatumomab. Dexamethasone (10 mg/m2) was given before the first dose. The MTD was 15"
     " µg/m2/day.", [(DEX, 10, "mg/m2")]),
])
def test_phrasings_dose_subject_out_of_reach_or_of_another_class(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    ("Pegaspargase was given at 2500 international units per square meter.", [("pegaspargase", 2500, "IU/m2")]),
    ("Pegaspargase was given at 2500 IU per square meter.", [("pegaspargase", 2500, "IU/m2")]),
    ("Asparaginase was given at 25000 units per square meter.", [("asparaginase", 25000, "U/m2")]),
    ("Cytarabine was given at 3 g/sqm.", [("cytarabine", 3, "g/m2")]),
    ("Cytarabine was given at 3 grams per square meter every 12 hours.", [("cytarabine", 3, "g/m2")]),
])
def test_phrasings_dose_units_spelled_per_square_meter(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    ("Patients received DXM 10 mg/m2 daily.", [(DEX, 10, "mg/m2")]),
    ("Patients received PDN 60 mg/m2 daily.", [("prednisone", 60, "mg/m2")]),
    ("Patients received 6MP 50 mg/m2 daily.", [("mercaptopurine", 50, "mg/m2")]),
    ("Moxetumomab was given at 40 µg/kg every other day.", [("moxetumomab pasudotox", 40, "µg/kg")]),
    ("Calaspargase 2500 U/m2 was given every 3 weeks.", [("calaspargase pegol", 2500, "U/m2")]),
    ("Chidamide 30 mg was given twice weekly.", [("tucidinostat", 30, "mg")]),
    ("ADCT-402 was given at 150 µg/kg every 3 weeks.", [("loncastuximab tesirine", 150, "µg/kg")]),
    ("Actemra 8 mg/kg was given for CRS.", [("tocilizumab", 8, "mg/kg")]),
    ("Zavedos 10 mg/m2 was given on days 1-3.", [("idarubicin", 10, "mg/m2")]),
])
def test_phrasings_dose_drugs_the_lexicon_lacked(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("title, text, printed", [
    # the lexicon's name never printed: the abstract's first name for the drug, a spelled one before an abbreviation
    ("KTE-X19 in adults with relapsed ALL", "Patients received KTE-X19 at 1 × 10^6 CAR T cells/kg.",
     [("brexucabtagene autoleucel", "KTE-X19")]),
    ("Idarubicin in relapsed ALL", "Patients received daunomycin (DNR) and IDR. DNR (45 mg/m2/week x 3) was given.",
     [("daunorubicin", "daunomycin")]),
    # the lexicon's name printed: it stays
    ("Blinatumomab (Blincyto) in relapsed ALL", "Blincyto was given at 28 µg/day.", [(BLIN, BLIN)]),
])
def test_phrasings_dose_keeps_the_drug_name_the_abstract_prints(nlp, title, text, printed):
    record = _run(nlp, text, title=title)
    assert [(d["drug_id"], d["drug"]) for d in record["doses"]] == printed


TISA_TITLE = "Tisagenlecleucel in children with relapsed ALL"


@pytest.mark.parametrize("text, doses", [
    # cells given unnamed, after a sentence naming the lymphodepletion: the one CAR T product of the title
    ("Lymphodepletion consisted of fludarabine 30 mg/m2 and cyclophosphamide 500 mg/m2. Patients then received 1 ×"
     " 10^6 cells/kg.", [("fludarabine", 30, "mg/m2"), (CY, 500, "mg/m2"), ("tisagenlecleucel", 1000000, "cells/kg")]),
    # a median, a graft's or a donor's cells are none of the product's doses
    ("Products contained a median of 3 × 10^8 cells; patients received them after lymphodepletion.", []),
    ("Ten patients later received a graft of 5 × 10^6 CD34+ cells/kg.", []),
    ("Donor lymphocytes were given at 1 × 10^7 CD3+ cells/kg.", []),
])
def test_phrasings_dose_cells_given_unnamed_are_the_title_products(nlp, text, doses):
    assert _doses(_run(nlp, text, title=TISA_TITLE)) == doses


def test_phrasings_dose_cells_given_unnamed_need_a_car_t_study(nlp):
    assert _doses(_run(nlp, "Patients received 2 × 10^6 cells/kg.", title="Blinatumomab in relapsed ALL")) == []
