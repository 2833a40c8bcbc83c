"""Doses of the twelfth phrasing round (~450 probes of our own), run end to end: a sentence whose subject is a dose
("The MTD was 1.8 mg/m2 per cycle", "Patients received 0.8 mg/m2 on day 1", "Cohort 1 received", "At 5 µg/m2/day, no
DLT occurred", "Patients were enrolled at 3 dose levels (...)") takes the drug of the last sentence naming one, however
far back, the title too; days listed before a dose, a code's number ("VP-16 100 mg/m2"), cells a product is made
from, three-step escalations, more earlier-therapy wordings and lists, bracketed aliases in a coordination, a cell
dose out of reach of its product, and drugs, abbreviations and units the lexicon lacked."""
from __future__ import annotations

import pytest

from phrasing_cases import run_text as _run, dose_quads as _doses


INO = "inotuzumab ozogamicin"
BLIN = "blinatumomab"


@pytest.mark.parametrize("text, title, doses", [
    ("Adults with relapsed ALL received inotuzumab ozogamicin. Forty patients were enrolled. The starting dose was 1.8"
     " mg/m2 per cycle.", None, [(INO, 1.8, None, "mg/m2")]),
    ("Inotuzumab ozogamicin was given every 3-4 weeks. Patients in CR could proceed to HSCT. The dose was 1.8 mg/m2"
     " per cycle.", None, [(INO, 1.8, None, "mg/m2")]),
    ("We enrolled 40 patients. The MTD was 1.8 mg/m2 per cycle.", "A phase 1 study of inotuzumab ozogamicin in relapsed"
     " ALL", [(INO, 1.8, None, "mg/m2")]),
    ("Forty-five children were enrolled. Patients received 5 µg/m2/day for 7 days followed by 15 µg/m2/day.",
     "Blinatumomab in children with relapsed ALL", [(BLIN, 5, None, "µg/m2"), (BLIN, 15, None, "µg/m2")]),
    # the last sentence naming a drug decides: two drugs there give none unless the unit fits one only
    ("Patients received cytarabine and etoposide. Forty patients were enrolled. The dose was 100 mg/m2.", None, []),
    ("Thirty patients were enrolled. The dose was 28 µg/day.", "Blinatumomab and ponatinib in Ph-positive ALL", []),
    ("Patients received CD19 and CD22 CAR T cells. Twenty were enrolled. The dose was 1 × 10^6 cells/kg.", None, []),
    ("Patients had received prior blinatumomab. Forty were enrolled. The dose was 28 µg/day.", None, []),
    # a dose named with its own drug is untouched
    ("Patients received blinatumomab. Forty patients were enrolled. Dexamethasone 20 mg was given.", None,
     [("dexamethasone", 20, None, "mg")]),
])
def test_phrasings_dose_subject_takes_the_last_drug_named(nlp, text, title, doses):
    record = _run(nlp, text, title=title) if title else _run(nlp, text)
    assert _doses(record) == doses


@pytest.mark.parametrize("text, doses", [
    # the subject after an opening scope of a study's part
    ("Blinatumomab was evaluated in 30 children. In the dose-finding phase, the MTD was 15 µg/m2/day.",
     [(BLIN, 15, None, "µg/m2")]),
    ("Thirty patients were treated with blinatumomab. In phase 1, doses of 5 to 30 µg/m2/day were studied.",
     [(BLIN, 5, 30, "µg/m2")]),
    ("Inotuzumab was given to 24 patients. In the expansion cohort, patients received 1.2 mg/m2.",
     [(INO, 1.2, None, "mg/m2")]),
    # the dose's abbreviation in a bracket, "determined to be", a schedule's start
    ("Thirty patients received blinatumomab. The recommended phase 2 dose (RP2D) was 15 µg/m2/day.",
     [(BLIN, 15, None, "µg/m2")]),
    ("Inotuzumab was given to 24 patients. The MTD was determined to be 1.2 mg/m2.", [(INO, 1.2, None, "mg/m2")]),
    ("Patients received blinatumomab for up to 5 cycles. Cycle 1 started at 9 µg/day for 1 week, then 28 µg/day.",
     [(BLIN, 9, None, "µg"), (BLIN, 28, None, "µg")]),
    # a report on a dose level: opening on it, patients treated at it, dose-limiting toxicities at it
    ("Blinatumomab was studied in 40 children. At 5 µg/m2/day, no DLT occurred. At the 15 µg/m2/day dose level, one"
     " patient had CRS.", [(BLIN, 5, None, "µg/m2"), (BLIN, 15, None, "µg/m2")]),
    ("CD19 CAR T cells were given to 20 patients. At dose level 2 (1 × 10^6 cells/kg), 4 of 6 responded.",
     [("cd19-car t cells", 1000000, None, "cells/kg")]),
    ("Inotuzumab was given to 24 patients. Six patients treated at 1.2 mg/m2 had VOD.", [(INO, 1.2, None, "mg/m2")]),
    ("Blinatumomab was given to 24 patients. DLTs were observed at 60 µg/m2/day.", [(BLIN, 60, None, "µg/m2")]),
    ("Thirty children received blinatumomab. Dose-limiting toxicities occurred at 30 µg/m2/day.",
     [(BLIN, 30, None, "µg/m2")]),
    # not a time point, a threshold, a lab value or a dose named by no amount
    ("Blinatumomab was studied in 40 children. At 12 months, patients received 15 µg/m2/day.", []),
    ("Inotuzumab was given to 24 patients. At 100 mg/dL bilirubin, treatment was held.", []),
    ("Tisagenlecleucel was given to 24 patients. At doses above 5 × 10^6 cells/kg, CRS was more frequent.", []),
])
def test_phrasings_drugless_dose_sentences(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    # the last day of a list of days is no dose of the list after it
    ("Carfilzomib 20 mg/m2 on days 1 and 2 and 36 mg/m2 on days 8, 9, 15 and 16 was given.",
     [("carfilzomib", 20, None, "mg/m2"), ("carfilzomib", 36, None, "mg/m2")]),
    ("Cyclophosphamide 300 mg/m2 on days 1, 2 and 3 and 150 mg/m2 on day 4 was given.",
     [("cyclophosphamide", 300, None, "mg/m2"), ("cyclophosphamide", 150, None, "mg/m2")]),
    # lists of doses stay lists
    ("Venetoclax was given at 100, 200 and 400 mg on days 1, 2 and 3.",
     [("venetoclax", 100, None, "mg"), ("venetoclax", 200, None, "mg"), ("venetoclax", 400, None, "mg")]),
    ("Blinatumomab was given at 5, 15 and 30 µg/m2/day.",
     [(BLIN, 5, None, "µg/m2"), (BLIN, 15, None, "µg/m2"), (BLIN, 30, None, "µg/m2")]),
])
def test_phrasings_days_listed_before_a_dose(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    ("Blinatumomab was given to 40 children. Thirty patients were treated at the RP2D (15 µg/m2/day).",
     [(BLIN, 15, None, "µg/m2")]),
    ("Inotuzumab was studied in a 3+3 design. Patients were enrolled at 3 dose levels (0.8, 1.2 and 1.6 mg/m2).",
     [(INO, 0.8, None, "mg/m2"), (INO, 1.2, None, "mg/m2"), (INO, 1.6, None, "mg/m2")]),
    ("Blinatumomab was studied in children. Patients were assigned to one of three dose levels (5, 15 or 30"
     " µg/m2/day).", [(BLIN, 5, None, "µg/m2"), (BLIN, 15, None, "µg/m2"), (BLIN, 30, None, "µg/m2")]),
    ("Inotuzumab was studied in a 3+3 design. Doses were escalated from 0.8 to 1.8 mg/m2.",
     [(INO, 0.8, None, "mg/m2"), (INO, 1.8, None, "mg/m2")]),
    ("Inotuzumab ozogamicin was studied. Patients received either 0.9 mg/m2 (n = 20) or 1.8 mg/m2 (n = 22).",
     [(INO, 0.9, None, "mg/m2"), (INO, 1.8, None, "mg/m2")]),
    # a reduction is an event, not a dose level
    ("Inotuzumab was studied in a 3+3 design. Doses were reduced to 0.8 mg/m2 in 4 patients.", []),
])
def test_phrasings_dose_levels_named_without_their_drug(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    # a development code's number is no part of the dose after it
    ("Patients received VP-16 100 mg/m2 on days 1-5.", [("etoposide", 100, None, "mg/m2")]),
    ("ABT-199 400 mg was given daily.", [("venetoclax", 400, None, "mg")]),
    # drugs of salvage ALL trials the lexicon lacked, and units per kg
    ("Patients received 19-28z CAR T cells at 3 × 10^6 cells/kg.", [("19-28z CAR T cells", 3000000, None, "cells/kg")]),
    ("Relma-cel was infused at 1 × 10^8 CAR T cells.", [("relmacabtagene autoleucel", 100000000, None, "cells")]),
    ("Conditioning with treosulfan 14 g/m2 and fludarabine 30 mg/m2 was given.",
     [("treosulfan", 14, None, "g/m2"), ("fludarabine", 30, None, "mg/m2")]),
    ("ATG 2.5 mg/kg/day was given on days -3 to -1.", [("antithymocyte globulin", 2.5, None, "mg/kg")]),
    ("Patients received eryaspase at 150 U/kg on day 3.", [("eryaspase", 150, None, "U/kg")]),
    ("SAR3419 was given at 55 mg/m2 weekly.", [("coltuximab ravtansine", 55, None, "mg/m2")]),
    ("Palbociclib 100 mg/m2 was given on days 1-21 with dexamethasone 10 mg/m2/day.",
     [("palbociclib", 100, None, "mg/m2"), ("dexamethasone", 10, None, "mg/m2")]),
])
def test_phrasings_codes_and_drugs_the_lexicon_lacked(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    # the dose subject described by how it was given or of what cells
    ("Patients received CD19 CAR-T cells. The infused CAR-T cell dose was 1 × 10^6/kg.",
     [("cd19-car t cells", 1000000, None, "cells/kg")]),
    # a dose level as the subject, its amount before "dose"
    ("Blinatumomab was given to 40 children. The 15 µg/m2/day dose was selected for phase 2.",
     [(BLIN, 15, None, "µg/m2")]),
    # a carried dose in a unit its drug is not dosed in is none (an unknown drug's; "gilteritinib", once the unknown
    # name here, is read by its -tinib stem since the fifteenth round: test_phrasings_dose22.py)
    ("Patients received blinatumomab. Tamibarotene was then given at 120 mg daily.", []),
    # a response at a dose, in a drugless sentence, stays unread (tried and dropped, see doses.py)
    ("Patients received inotuzumab ozogamicin. CR rates were 33% at 0.9 mg/m2 and 67% at 1.2 mg/m2.", []),
])
def test_phrasings_dose_subjects_and_the_fitting_drug(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    # what a product is made from or a graft holds is no dose of it
    ("Tisagenlecleucel was manufactured from 1 × 10^9 apheresed cells.", []),
    ("Tisagenlecleucel was given after collection of 2 × 10^9 mononuclear cells.", []),
    # the product's own cells, described, still are
    ("Obecabtagene autoleucel was given as 410 × 10^6 CD19 CAR T cells.",
     [("obecabtagene autoleucel", 410000000, None, "cells")]),
    ("UCART19 was given at 6 × 10^7 allogeneic cells.", [("UCART19", 60000000, None, "cells")]),
])
def test_phrasings_starting_cells_are_no_dose(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    ("Blinatumomab doses were escalated from 5 to 15 to 30 µg/m2/day.",
     [(BLIN, 5, None, "µg/m2"), (BLIN, 15, None, "µg/m2"), (BLIN, 30, None, "µg/m2")]),
    ("Blinatumomab was escalated from 9 to 28 µg/day.", [(BLIN, 9, None, "µg"), (BLIN, 28, None, "µg")]),
    ("Blinatumomab doses ranging from 5 to 30 µg/m2/day were tested.", [(BLIN, 5, 30, "µg/m2")]),
])
def test_phrasings_escalation_of_three_steps(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    # earlier therapy, more wordings: "had been exposed to", "failed induction with", counted cycles of it, and
    # an opening "Prior to enrollment,"
    ("All patients had been exposed to imatinib (400 mg daily) before enrollment.", []),
    ("Patients had been exposed to dasatinib 140 mg daily.", []),
    ("Eligible patients had failed induction with vincristine 1.5 mg/m2.", []),
    ("Patients previously treated with 2 or more cycles of blinatumomab at 28 µg/day were eligible.", []),
    ("Prior to enrollment, 10 patients received blinatumomab 28 µg/day.", []),
    ("Before study entry, ponatinib 45 mg daily had been given to 5 patients.", []),
    # this study's own
    ("Patients received blinatumomab 28 µg/day prior to HSCT.", [(BLIN, 28, None, "µg")]),
    ("Prior to infusion, fludarabine 30 mg/m2 was given.", [("fludarabine", 30, None, "mg/m2")]),
])
def test_phrasings_more_earlier_therapy_wordings(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    # the items of a list of earlier therapies after the first share its cue
    ("Eligible patients had failed induction with vincristine 1.5 mg/m2 and daunorubicin 45 mg/m2.", []),
    ("Patients were resistant to imatinib 400 mg daily, dasatinib 100 mg daily or nilotinib 400 mg twice daily.", []),
    ("Patients resistant to imatinib (400 mg) and dasatinib (140 mg) received ponatinib 45 mg daily.",
     [("ponatinib", 45, None, "mg")]),
    # a clause of this study's after the earlier therapy's dose is read
    ("After failure of imatinib 400 mg, dasatinib 140 mg was given.", [("dasatinib", 140, None, "mg")]),
    ("Patients previously treated with imatinib 400 mg received dasatinib 140 mg daily and prednisone 60 mg/m2.",
     [("dasatinib", 140, None, "mg"), ("prednisone", 60, None, "mg/m2")]),
])
def test_phrasings_lists_of_earlier_therapies(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    ("BLIN 28 µg/day was given for 4 weeks.", [(BLIN, 28, None, "µg")]),
    ("CPM 1 g/m2 was given on day 1 with PRED 60 mg/m2/day.",
     [("cyclophosphamide", 1, None, "g/m2"), ("prednisone", 60, None, "mg/m2")]),
    ("VDS 3 mg/m2 and L-ASP 6000 IU/m2 were given.", [("vindesine", 3, None, "mg/m2"), ("asparaginase", 6000, None, "IU/m2")]),
    ("Vidaza 75 mg/m2 was given for 7 days.", [("azacitidine", 75, None, "mg/m2")]),
    # the case-sensitive abbreviations stay apart from words
    ("The predicted dose was 28 µg/day.", []),
])
def test_phrasings_more_abbreviations_and_brands(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    # a one-word bracket restating a drug's name does not break the drugs' coordination
    ("Fludarabine (Flu) and cyclophosphamide (Cy) were given at 25 mg/m2 and 250 mg/m2, respectively.",
     [("fludarabine", 25, None, "mg/m2"), ("cyclophosphamide", 250, None, "mg/m2")]),
    ("Inotuzumab plus rituximab (R-INO) was given at 1.8 mg/m2 and 375 mg/m2, respectively.",
     [(INO, 1.8, None, "mg/m2"), ("rituximab", 375, None, "mg/m2")]),
    # a dose in the bracket is no alias
    ("Epratuzumab (360mg/m2/dose) was given with chemotherapy.", [("epratuzumab", 360, None, "mg/m2")]),
])
def test_phrasings_bracketed_aliases_in_a_coordination(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


def test_phrasings_per_kg_after_a_space(nlp):
    record = _run(nlp, "Patients received CD19 CAR-T cells at 1.0×10^6 /kg.")
    assert _doses(record) == [("cd19-car t cells", 1000000, None, "cells/kg")]


@pytest.mark.parametrize("text, doses", [
    # cohorts and arms named by a code as the subject, or as a label and colon
    ("Patients received inotuzumab. Cohort 1 received 0.8 mg/m2 and cohort 2 received 1.2 mg/m2.",
     [(INO, 0.8, None, "mg/m2"), (INO, 1.2, None, "mg/m2")]),
    ("Patients received inotuzumab. Patients in cohort 1 received 0.8 mg/m2.", [(INO, 0.8, None, "mg/m2")]),
    ("Patients received inotuzumab. Cohort A: 0.8 mg/m2 on day 1; cohort B: 1.2 mg/m2 on day 1.",
     [(INO, 0.8, None, "mg/m2"), (INO, 1.2, None, "mg/m2")]),
    ("Patients received blinatumomab. The first cohort was treated at 5 µg/m2/day and the second at 15 µg/m2/day.",
     [(BLIN, 5, None, "µg/m2"), (BLIN, 15, None, "µg/m2")]),
    # a count of patients opening the sentence is still no subject of the regimen
    ("Patients received inotuzumab. 12 patients received 0.9 mg/m2 because of toxicity.", []),
])
def test_phrasings_cohorts_named_by_a_code(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    # a dose of cells goes to the one CAR T product of its clause, out of reach after the lymphodepletion named
    ("Tisagenlecleucel was infused once after lymphodepleting chemotherapy with fludarabine and cyclophosphamide at a"
     " target dose of 0.2 to 5.0 × 10^6 cells/kg.", [("tisagenlecleucel", 200000, 5000000, "cells/kg")]),
    ("Tisagenlecleucel, an autologous genetically modified T-cell immunotherapy, was infused once after"
     " lymphodepleting chemotherapy at a target dose of 0.2 to 5.0 × 10^6 cells/kg.",
     [("tisagenlecleucel", 200000, 5000000, "cells/kg")]),
    # not past a ";", and never a graft's cells
    ("Tisagenlecleucel was infused after lymphodepletion; fludarabine and cyclophosphamide preceded a graft of 5 ×"
     " 10^6 CD34+ cells/kg.", []),
])
def test_phrasings_cell_dose_of_the_product_out_of_reach(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    # the week or day of the first dose is no range's first number
    ("Blinatumomab was given with a step dose from 9 µg/day in week 1 to 28 µg/day thereafter.",
     [(BLIN, 9, None, "µg"), (BLIN, 28, None, "µg")]),
    ("Inotuzumab was given at 0.8 mg/m2 on day 1 to 0.5 mg/m2 on day 8.", [(INO, 0.8, None, "mg/m2"),
                                                                          (INO, 0.5, None, "mg/m2")]),
    # a range stays one
    ("Blinatumomab doses ranging from 5 to 30 µg/m2/day were tested.", [(BLIN, 5, 30, "µg/m2")]),
])
def test_phrasings_first_doses_schedule_before_to(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses
