"""Doses of the fourteenth phrasing round, second pass (probes of our own), run end to end: the MTD not reached at
the dose last tested ("The MTD was not reached at 30 µg/m2/day") or before the clause stating the dose ("...,
and the RP2D was 1.8 mg/m2"), dose-limiting toxicities (none or counted) at a dose, a dose chosen as the MTD or
RP2D with the amount first, dose cohorts listed after a colon, cells given with the verb after the amount ("2 ×
10^6 T cells/kg were administered"), a trial named by its acronym alone as a sentence's opening scope ("In
INO-VATE, ..."), and a weight by a sign alone ("Patients ≥45 kg received 28 µg/day")."""
from __future__ import annotations

import pytest

from phrasing_cases import run_text as _run, dose_triples as _doses


INO = "inotuzumab ozogamicin"
BLIN = "blinatumomab"
TISA = "tisagenlecleucel"
BLIN_TITLE = "Blinatumomab in relapsed acute lymphoblastic leukemia"
TISA_TITLE = "Tisagenlecleucel in relapsed acute lymphoblastic leukemia"
INO_FIRST = "Patients received inotuzumab ozogamicin weekly. "


@pytest.mark.parametrize("text, doses", [
    ("The MTD was not reached at 30 µg/m2/day.", [(BLIN, 30, "µg/m2")]),
    ("MTD was not reached up to 30 µg/m2/day.", [(BLIN, 30, "µg/m2")]),
    ("The maximum tolerated dose (MTD) was not reached at 30 µg/m2/day.", [(BLIN, 30, "µg/m2")]),
    ("The MTD was not reached at the highest dose level tested (30 µg/m2/day).", [(BLIN, 30, "µg/m2")]),
    ("The MTD was not reached at the highest dose of 30 µg/m2/day.", [(BLIN, 30, "µg/m2")]),
    ("No DLTs were observed at 30 µg/m2/day, and the MTD was not reached.", [(BLIN, 30, "µg/m2")]),
    ("The MTD was identified as 15 µg/m2/day.", [(BLIN, 15, "µg/m2")]),
    ("15 µg/m2/day was selected as the recommended phase 2 dose.", [(BLIN, 15, "µg/m2")]),
    # a unit the drug's class is never dosed in stays no dose of it
    ("The MTD was not reached at 1.8 mg/m2.", []),
    # not reached with no dose after it
    ("The MTD was not reached.", []),
])
def test_phrasings_dose_mtd_not_reached_at_the_dose_tested_is_the_title_drugs(nlp, text, doses):
    assert _doses(_run(nlp, text, title=BLIN_TITLE)) == doses


@pytest.mark.parametrize("text, doses", [
    (INO_FIRST + "The MTD was not reached at 1.8 mg/m2.", [(INO, 1.8, "mg/m2")]),
    (INO_FIRST + "The maximum tolerated dose was not reached up to 1.8 mg/m2.", [(INO, 1.8, "mg/m2")]),
    (INO_FIRST + "No DLTs were observed at 1.8 mg/m2.", [(INO, 1.8, "mg/m2")]),
    (INO_FIRST + "No dose-limiting toxicities were seen at 1.2 mg/m2.", [(INO, 1.2, "mg/m2")]),
    (INO_FIRST + "1.2 mg/m2 was chosen as the RP2D.", [(INO, 1.2, "mg/m2")]),
    (INO_FIRST + "1.2 mg/m2 was established as the MTD.", [(INO, 1.2, "mg/m2")]),
    (INO_FIRST + "The MTD was declared as 1.2 mg/m2.", [(INO, 1.2, "mg/m2")]),
    # a clause saying the MTD was not reached before the one stating the dose
    (INO_FIRST + "The MTD was not reached, and the RP2D was 1.8 mg/m2.", [(INO, 1.8, "mg/m2")]),
    (INO_FIRST + "The MTD was not reached and the RP2D was 1.8 mg/m2.", [(INO, 1.8, "mg/m2")]),
    (INO_FIRST + "The MTD was not reached; 1.8 mg/m2 was chosen as the RP2D.", [(INO, 1.8, "mg/m2")]),
    # dose-limiting toxicities counted at a dose, or in counted patients at it: the dose tested
    (INO_FIRST + "Two DLTs were observed at 1.8 mg/m2.", [(INO, 1.8, "mg/m2")]),
    (INO_FIRST + "DLTs were observed in 2 of 6 patients at 1.8 mg/m2.", [(INO, 1.8, "mg/m2")]),
    (INO_FIRST + "One DLT occurred at 1.2 mg/m2.", [(INO, 1.2, "mg/m2")]),
    (INO_FIRST + "Patients were enrolled in 3 dose cohorts: 0.8, 1.2 and 1.8 mg/m2.",
     [(INO, 0.8, "mg/m2"), (INO, 1.2, "mg/m2"), (INO, 1.8, "mg/m2")]),
    # the MTD not reached in counted patients: no dose stated of the regimen by the words before the number
    (INO_FIRST + "The MTD was not reached in 12 patients.", []),
])
def test_phrasings_dose_mtd_sentences_carry_the_drug_before(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    ("2 × 10^6 T cells/kg were administered.", [(TISA, 2000000, "cells/kg")]),
    ("After lymphodepletion, 2 × 10^6 T cells/kg were administered.", [(TISA, 2000000, "cells/kg")]),
    ("Patients were lymphodepleted with fludarabine and cyclophosphamide. Then 2 × 10^6 T cells/kg were"
     " administered.", [(TISA, 2000000, "cells/kg")]),
    ("A total of 1 × 10^6 cells/kg was given.", [(TISA, 1000000, "cells/kg")]),
    ("Patients received 2 × 10^6 T cells/kg.", [(TISA, 2000000, "cells/kg")]),
    # a median stays an exposure; donor cells are no CAR T product's
    ("A median of 3 × 10^6 cells/kg was administered.", []),
    ("After relapse, 1 × 10^7 donor T cells/kg were administered.", []),
    ("Donor T cells (1 × 10^6 CD3+ cells/kg) were administered.", []),
    # "infused" stays out: such abstracts say it of the cells a product holds
    ("Products of 1 × 10^8 cells were infused.", []),
])
def test_phrasings_dose_cells_given_with_the_verb_after_the_amount(nlp, text, doses):
    assert _doses(_run(nlp, text, title=TISA_TITLE)) == doses


@pytest.mark.parametrize("text, doses", [
    ("Patients received inotuzumab 0.9 mg/m2 weekly. In INO-VATE, inotuzumab 1.8 mg/m2 per cycle improved OS.",
     [(INO, 0.9, "mg/m2")]),
    ("Patients received ponatinib 30 mg daily. In PACE, ponatinib 45 mg daily produced MCyR in 56%.",
     [("ponatinib", 30, "mg")]),
    ("In ELIANA, tisagenlecleucel produced CR in 81% at 3 × 10^6 cells/kg. Patients received blinatumomab 28 µg/day.",
     [(BLIN, 28, "µg")]),
    # the trial is this report's when a sentence counts its patients
    ("In INO-VATE, 326 patients were randomized. In INO-VATE, inotuzumab 1.8 mg/m2 per cycle improved OS.",
     [(INO, 1.8, "mg/m2")]),
    # disease, remission and scope words are no trial names
    ("In B-ALL, inotuzumab 1.8 mg/m2 per cycle was given.", [(INO, 1.8, "mg/m2")]),
    ("In CR2, patients received inotuzumab 1.8 mg/m2 per cycle.", [(INO, 1.8, "mg/m2")]),
    ("In HSCT recipients, inotuzumab 0.8 mg/m2 was given on day 1.", [(INO, 0.8, "mg/m2")]),
])
def test_phrasings_dose_after_an_opening_trial_acronym_is_that_trials(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


def test_phrasings_dose_opening_trial_acronym_named_in_the_title_is_this_study(nlp):
    record = _run(nlp, "In INO-VATE, inotuzumab 1.8 mg/m2 per cycle improved OS.",
                  title="Inotuzumab ozogamicin in INO-VATE: final report")
    assert _doses(record) == [(INO, 1.8, "mg/m2")]


@pytest.mark.parametrize("text, doses", [
    ("Patients received blinatumomab. Patients ≥45 kg received 28 µg/day and patients <45 kg received 15 µg/m2/day.",
     [(BLIN, 28, "µg"), (BLIN, 15, "µg/m2")]),
    ("Patients received blinatumomab. Patients <45 kg received 15 µg/m2/day.", [(BLIN, 15, "µg/m2")]),
    # a share of blasts is no weight or age that sets a dose
    ("Patients received blinatumomab. Patients with ≥50% blasts received 9 µg/day.", []),
])
def test_phrasings_dose_weight_by_a_sign_alone_sets_the_dose(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses
