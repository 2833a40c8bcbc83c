"""Doses of the tenth phrasing round, in our own words, run end to end: a dose of CAR T cells named by their kind
only ("3 × 10^6 CAR T cells/kg") in a study whose title names its one CAR T product; a dose between a subject drug
and its partner that fits only one of them by its unit ("Blinatumomab was given with ponatinib at 45 mg"); supportive
drugs (posaconazole, IVIG, anakinra, defibrotide, ursodiol, levetiracetam ...) whose doses are neither the study
drug's nor a regimen's, and no arm's drugs beside the title's; and doses that are no regimen's: of a therapy the
patients relapsed on, of a historical comparator, of the label, cumulative, thresholds and laboratory values."""
from __future__ import annotations

import pytest

from phrasing_cases import run_text as _run, dose_triples as _doses


TISA = "tisagenlecleucel"
BREXU = "brexucabtagene autoleucel"
INO = "inotuzumab ozogamicin"
TISA_TITLE = "Tisagenlecleucel in children and young adults with relapsed B-cell ALL"


@pytest.mark.parametrize("title, text, doses", [
    (TISA_TITLE, "Patients received a single infusion at a median dose of 1.5 × 10^6 CAR T cells/kg.",
     [(TISA, 1500000, "cells/kg")]),
    (TISA_TITLE, "Each patient received one infusion of 3 × 10^6 CAR T cells/kg.", [(TISA, 3000000, "cells/kg")]),
    (TISA_TITLE, "The target dose was 2 × 10^6 CAR-T cells/kg, given once.", [(TISA, 2000000, "cells/kg")]),
    (TISA_TITLE, "The CAR T-cell dose ranged from 0.2 to 5.0 × 10^6 transduced T cells/kg.",
     [(TISA, 200000, "cells/kg")]),
    ("Brexucabtagene autoleucel for adults with relapsed B-ALL",
     "After lymphodepletion, patients received 1 × 10^6 CAR T cells/kg.", [(BREXU, 1000000, "cells/kg")]),
    ("Obecabtagene autoleucel in adult B-ALL", "Patients received a split dose of 410 × 10^6 CAR T cells.",
     [("obecabtagene autoleucel", 410000000, "cells")]),
    (TISA_TITLE, "Three dose levels of CAR T cells were tested: 1 × 10^6, 3 × 10^6 and 1 × 10^7 cells/kg.",
     [(TISA, 1000000, "cells/kg"), (TISA, 3000000, "cells/kg"), (TISA, 10000000, "cells/kg")]),
    # the cells of a graft are not the product's, nor a count per volume, nor a threshold of blasts
    (TISA_TITLE, "After lymphodepletion, 1 × 10^6 CAR-T cells/kg were infused; 4 × 10^6 CD34+ cells/kg were given"
     " at transplant.", [(TISA, 1000000, "cells/kg")]),
    (TISA_TITLE, "CAR T cells peaked at 5 × 10^4 cells/µL in blood.", []),
    (TISA_TITLE, "Patients with CD19+ cells > 1 × 10^9/L received 1 × 10^6 CAR T cells/kg.",
     [(TISA, 1000000, "cells/kg")]),
    # in a sentence naming other drugs (lymphodepletion), the cells must be named CAR T cells at the dose
    (TISA_TITLE, "After lymphodepletion with fludarabine and cyclophosphamide, patients received 1 × 10^6 CAR T"
     " cells/kg.", [(TISA, 1000000, "cells/kg")]),
    (TISA_TITLE, "Fludarabine 30 mg/m2/day was followed by a single infusion of 2 × 10^6 CAR-T cells/kg.",
     [("fludarabine", 30, "mg/m2"), (TISA, 2000000, "cells/kg")]),
    (TISA_TITLE, "Fludarabine 30 mg/m2 was given before the infusion of 2 × 10^6 cells/kg.",
     [("fludarabine", 30, "mg/m2")]),
    (TISA_TITLE, "After busulfan, a graft of 5 × 10^6 CD34+ cells/kg was given.", []),
    # no one product: two arms, two antigens, none named in the title
    ("Tisagenlecleucel versus blinatumomab in relapsed ALL", "Patients received 1 × 10^6 CAR T cells/kg.", []),
    ("CD19 and CD22 CAR T cells in relapsed ALL", "Patients received 1 × 10^6 CAR T cells/kg.", []),
    ("Salvage therapy in relapsed ALL", "Patients received 1 × 10^6 CAR T cells/kg.", []),
    ("Salvage therapy in relapsed ALL", "Tisagenlecleucel was studied in 30 patients. Responses were seen at 1 ×"
     " 10^6 CAR T cells/kg.", []),
])
def test_phrasings_cell_dose_of_the_titles_product(nlp, title, text, doses):
    assert _doses(_run(nlp, text, title=title)) == doses


@pytest.mark.parametrize("text, doses", [
    # the partner's unit: a flat dose in mg is a TKI's, not a T-cell engager's or a conjugate's
    ("Blinatumomab was given with ponatinib at 45 mg.", [("ponatinib", 45, "mg")]),
    ("Blinatumomab was given with ponatinib at 45 mg daily.", [("ponatinib", 45, "mg")]),
    ("Blinatumomab was administered together with ponatinib at 30 mg once daily.", [("ponatinib", 30, "mg")]),
    ("Inotuzumab was given with dasatinib at 100 mg daily.", [("dasatinib", 100, "mg")]),
    ("Blinatumomab was given with dasatinib at 140 mg/day for 3 months.", [("dasatinib", 140, "mg")]),
    ("Blinatumomab was combined with venetoclax at 400 mg daily.", [("venetoclax", 400, "mg")]),
    ("Inotuzumab ozogamicin in combination with bosutinib at 400 mg daily was given.", [("bosutinib", 400, "mg")]),
    ("Tisagenlecleucel was combined with ibrutinib at 560 mg daily.", [("ibrutinib", 560, "mg")]),
    # the subject's unit: the dose stays the subject's across its partner
    ("Ponatinib was combined with blinatumomab at 45 mg daily.", [("ponatinib", 45, "mg")]),
    ("Dasatinib was given with blinatumomab at 140 mg daily.", [("dasatinib", 140, "mg")]),
    ("Blinatumomab was given with ponatinib for 4 weeks at 28 µg/day.", [("blinatumomab", 28, "µg")]),
    ("Ponatinib 30 mg daily was combined with blinatumomab; aspirin 81 mg daily was given for thrombosis"
     " prophylaxis.", [("ponatinib", 30, "mg")]),
    # the nearest drug's class is not dosed in the unit: the earlier drug it fits
    ("Inotuzumab with blinatumomab 28 µg/day and at 0.9 mg/m2 on day 1.",
     [("blinatumomab", 28, "µg"), (INO, 0.9, "mg/m2")]),
    # a TKI in children is dosed per m2
    ("Patients received inotuzumab with dasatinib 60 mg/m2 daily.", [("dasatinib", 60, "mg/m2")]),
    ("Children received blinatumomab and imatinib 340 mg/m2/day.", [("imatinib", 340, "mg/m2")]),
    # a unit both fit, or one the classes do not tell: as before
    ("Ponatinib was combined with blinatumomab at 28 µg/day.", [("blinatumomab", 28, "µg")]),
    ("Inotuzumab was given with rituximab at 1.3 mg/m2.", [(INO, 1.3, "mg/m2")]),
    ("Blinatumomab plus inotuzumab at 0.9 mg/m2 was given.", [(INO, 0.9, "mg/m2")]),
])
def test_phrasings_dose_fits_the_drug_by_its_unit(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    # a supportive drug's dose is neither the study drug's nor a regimen dose
    ("Blinatumomab was given at 28 µg/day with posaconazole 300 mg daily.", [("blinatumomab", 28, "µg")]),
    ("Blinatumomab was given with posaconazole at 300 mg daily.", []),
    ("Dasatinib was given with voriconazole at 200 mg twice daily.", []),
    ("Inotuzumab was given with defibrotide at 25 mg/kg/day.", []),
    ("Inotuzumab ozogamicin was given at 0.8 mg/m2 with defibrotide prophylaxis at 6.25 mg/kg.", [(INO, 0.8, "mg/m2")]),
    ("Blinatumomab was given with levetiracetam at 500 mg twice daily.", []),
    ("Patients received blinatumomab with intravenous immunoglobulin 0.5 g/kg.", []),
    ("Ponatinib 45 mg was combined with blinatumomab and IVIG 0.4 g/kg monthly.", [("ponatinib", 45, "mg")]),
    ("Inotuzumab ozogamicin 1.8 mg/m2 was given with ursodiol 300 mg twice daily.", [(INO, 1.8, "mg/m2")]),
    ("Inotuzumab 0.8 mg/m2 was given with UDCA 600 mg daily.", [(INO, 0.8, "mg/m2")]),
    ("Patients received inotuzumab plus rasburicase 0.2 mg/kg.", []),
    ("Tisagenlecleucel was infused; anakinra at 100 mg every 12 hours was given for ICANS.", []),
    ("Blinatumomab (28 µg/day) was given with fluconazole 400 mg.", [("blinatumomab", 28, "µg")]),
    ("Methotrexate 1 g/m2 was followed by folinic acid 15 mg/m2 every 6 hours.", [("methotrexate", 1, "g/m2")]),
    ("Ifosfamide 1.8 g/m2 was given with mesna 360 mg/m2.", [("ifosfamide", 1.8, "g/m2")]),
    ("Blinatumomab was given with acyclovir 400 mg twice daily.", []),
    # the supportive drugs a study already records keep their doses (tocilizumab, dexamethasone, G-CSF)
    ("Tisagenlecleucel was infused; tocilizumab at 8 mg/kg was given for CRS.", [("tocilizumab", 8, "mg/kg")]),
    ("Blinatumomab was given after dexamethasone 20 mg premedication.", [("dexamethasone", 20, "mg")]),
])
def test_phrasings_supportive_drug_doses(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("title, text, drugs", [
    ("Blinatumomab for relapsed ALL", "Forty patients received blinatumomab; IVIG was given for hypogammaglobulinemia.",
     ["blinatumomab"]),
    ("Inotuzumab ozogamicin in relapsed ALL", "Patients received inotuzumab; levetiracetam and posaconazole were given"
     " as prophylaxis.", [INO]),
])
def test_phrasings_supportive_drug_is_no_arm_drug_beside_the_titles(nlp, title, text, drugs):
    assert [a["drugs"] for a in _run(nlp, text, title=title)["arms"]] == [drugs]


@pytest.mark.parametrize("text, doses", [
    # an earlier therapy the patients relapsed or progressed on
    ("All patients had relapsed after imatinib 400 mg daily.", []),
    ("Patients who had progressed on dasatinib 100 mg daily received ponatinib 45 mg daily.", [("ponatinib", 45, "mg")]),
    ("Patients relapsing after dasatinib 140 mg daily were enrolled.", []),
    ("Patients who relapsed after HSCT received inotuzumab at 0.8 mg/m2.", [(INO, 0.8, "mg/m2")]),
    ("Patients with relapsed ALL after imatinib received ponatinib 45 mg daily.", [("ponatinib", 45, "mg")]),
    # a historical comparator's schedule
    ("In the historical cohort, patients received clofarabine at 40 mg/m2.", []),
    ("Outcomes were compared with a historical cohort treated with inotuzumab 1.8 mg/m2 per cycle.", []),
    ("Historical controls had received FLAG-IDA with cytarabine 2 g/m2.", []),
    ("Among the historical controls, blinatumomab was given at 28 µg/day.", []),
    ("Compared with historical controls, inotuzumab was given at 0.9 mg/m2.", [(INO, 0.9, "mg/m2")]),
    ("Compared with historical controls treated with FLAG-IDA, our patients received inotuzumab at 0.9 mg/m2.",
     [(INO, 0.9, "mg/m2")]),
    ("Outcomes were compared with historical controls; patients received inotuzumab at 1.8 mg/m2.",
     [(INO, 1.8, "mg/m2")]),
    # what the label says, in the present tense
    ("The standard dose of blinatumomab is 28 µg/day.", []),
    ("The approved dose of inotuzumab ozogamicin is 1.8 mg/m2 per cycle.", []),
    ("The recommended phase 2 dose is 1.2 mg/m2 of inotuzumab.", [(INO, 1.2, "mg/m2")]),
    ("Inotuzumab was given at the approved dose of 1.8 mg/m2 per cycle.", [(INO, 1.8, "mg/m2")]),
    ("The standard-dose arm received inotuzumab at 1.8 mg/m2.", [(INO, 1.8, "mg/m2")]),
    # a cumulative dose is what patients got (the drug may stand between the words), but not per cycle
    ("Patients received a cumulative inotuzumab dose of 5.4 mg/m2.", []),
    ("The cumulative dose of daunorubicin was 240 mg/m2.", []),
    ("The total cumulative dose of inotuzumab was 4.5 mg/m2.", []),
    ("The cumulative dose per cycle was 1.8 mg/m2 of inotuzumab.", [(INO, 1.8, "mg/m2")]),
    # thresholds, counts and laboratory values are no doses
    ("VOD was more frequent with inotuzumab doses above 1.8 mg/m2.", []),
    ("Inotuzumab doses exceeding 1.8 mg/m2 per cycle were associated with VOD.", []),
    ("Blinatumomab was given to patients with CD19+ cells > 1 × 10^9/L.", []),
    ("Tisagenlecleucel expanded to a peak of 2 × 10^4 cells/µL.", []),
    ("Inotuzumab was given to patients with creatinine clearance of at least 60 mL/min.", []),
    ("Inotuzumab was dosed by body surface area (median 1.8 m2).", []),
    ("The dose of inotuzumab was reduced to 1.2 mg/m2 in 5 patients.", []),
    ("Dasatinib dose was decreased from 140 mg to 100 mg in 6 patients.", []),
    ("The maximum tolerated dose of inotuzumab was not reached.", []),
])
def test_phrasings_no_regimen_dose(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses
