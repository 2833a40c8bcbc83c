"""Doses of the eleventh phrasing round, second pass, in our own words, run end to end: a step-up schedule said as
an escalation with the unit printed once ("escalated from 9 to 28 µg/day", "increased from 5 to 15 µg/m2/day") gives
each stated dose, not one range (a true range, "0.5 to 1.0 × 10^6 cells/kg", "doses of 9-28 µg/day", "ranging from
9 to 28", stays one); a concomitant drug permitted in a bracket ("Hydroxyurea (up to 3 g/day) was allowed") gives no regimen dose; a
run-in step in an opening phrase before the drug ("After a 9-µg/day run-in, blinatumomab was given at 28 µg/day")
is the drug's dose too; a second dose with its unit left out ("0.8 mg/m2 on day 1 and 0.5 on days 8 and 15", "1 ×
10^6 cells/kg in the first cohort and 3 × 10^6 in the second", "9 µg/day for 7 days and 28 thereafter"), not a day
or a count ("on day 1 and 8 of each cycle")."""
from __future__ import annotations

import pytest

from phrasing_cases import run_text as _run, dose_quads as _doses


INO = "inotuzumab ozogamicin"
BLIN = "blinatumomab"


@pytest.mark.parametrize("text, doses", [
    ("Blinatumomab was escalated from 9 to 28 µg/day after the first week.",
     [(BLIN, 9, None, "µg"), (BLIN, 28, None, "µg")]),
    ("The blinatumomab dose was increased from 5 to 15 µg/m2/day on day 8.",
     [(BLIN, 5, None, "µg/m2"), (BLIN, 15, None, "µg/m2")]),
    ("Tisagenlecleucel was dose-escalated from 1 to 3 × 10^6 cells/kg.",
     [("tisagenlecleucel", 1000000, None, "cells/kg"), ("tisagenlecleucel", 3000000, None, "cells/kg")]),
    # ... also when the unit is printed at both ends
    ("Blinatumomab was stepped up from 9 µg/day to 28 µg/day.", [(BLIN, 9, None, "µg"), (BLIN, 28, None, "µg")]),
    # true ranges stay one
    ("Tisagenlecleucel was given at 0.5 to 1.0 × 10^6 cells/kg.",
     [("tisagenlecleucel", 500000, 1000000, "cells/kg")]),
    ("Blinatumomab doses of 9-28 µg/day were tested.", [(BLIN, 9, 28, "µg")]),
    ("Blinatumomab doses ranging from 9 to 28 µg/day were tested.", [(BLIN, 9, 28, "µg")]),
])
def test_phrasings_escalated_from_one_dose_to_another(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    ("Blinatumomab was given at 28 µg/day. Hydroxyurea (up to 3 g/day) was allowed.", [(BLIN, 28, None, "µg")]),
    ("Blinatumomab was given at 28 µg/day; hydroxyurea (up to 3 g/day) was permitted for cytoreduction.",
     [(BLIN, 28, None, "µg")]),
    ("Blinatumomab 28 µg/day was given; prephase dexamethasone (10 mg/m2/day) was allowed.",
     [(BLIN, 28, None, "µg")]),
    ("Inotuzumab ozogamicin 1.8 mg/m2 per cycle was given; cytoreduction with hydroxyurea (up to 2 g/m2/day) was"
     " allowed.", [(INO, 1.8, None, "mg/m2")]),
    # a bracketed dose of the regimen stays
    ("Patients received inotuzumab ozogamicin (1.8 mg/m2 per cycle) and dexamethasone (10 mg/m2/day).",
     [(INO, 1.8, None, "mg/m2"), ("dexamethasone", 10, None, "mg/m2")]),
])
def test_phrasings_permitted_drug_in_a_bracket_is_no_regimen_dose(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    ("After a 9-µg/day run-in, blinatumomab was given at 28 µg/day.", [(BLIN, 9, None, "µg"), (BLIN, 28, None, "µg")]),
    ("After a 9 µg/day run-in week, blinatumomab was given at 28 µg/day.",
     [(BLIN, 9, None, "µg"), (BLIN, 28, None, "µg")]),
    ("Following a lead-in at 9 µg/day, blinatumomab was infused at 28 µg/day for 3 weeks.",
     [(BLIN, 9, None, "µg"), (BLIN, 28, None, "µg")]),
    ("After a 1-week run-in at 5 µg/m2/day, blinatumomab was given at 15 µg/m2/day.",
     [(BLIN, 5, None, "µg/m2"), (BLIN, 15, None, "µg/m2")]),
    # no run-in named: the opening dose is no step of the drug's
    ("After a 9 µg/day dose, blinatumomab was given at 28 µg/day.", [(BLIN, 28, None, "µg")]),
    ("After a 9-µg/day run-in, 12 patients had cytokine release syndrome.", []),
])
def test_phrasings_run_in_dose_in_an_opening_phrase(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


TISA = "tisagenlecleucel"


@pytest.mark.parametrize("text, doses", [
    ("Tisagenlecleucel was given at 1 × 10^6 cells/kg in the first cohort and 3 × 10^6 in the second.",
     [(TISA, 1000000, None, "cells/kg"), (TISA, 3000000, None, "cells/kg")]),
    ("Inotuzumab ozogamicin was given at 0.8 mg/m2 on day 1 and 0.5 on days 8 and 15.",
     [(INO, 0.8, None, "mg/m2"), (INO, 0.5, None, "mg/m2")]),
    ("Inotuzumab ozogamicin was given at 0.8 mg/m2 on day 1 and at 0.5 on days 8 and 15.",
     [(INO, 0.8, None, "mg/m2"), (INO, 0.5, None, "mg/m2")]),
    ("Blinatumomab was given at 9 µg/day for 7 days and 28 thereafter.", [(BLIN, 9, None, "µg"), (BLIN, 28, None, "µg")]),
    ("Blinatumomab was given at 5 µg/m2/day in week 1 and 15 from week 2.",
     [(BLIN, 5, None, "µg/m2"), (BLIN, 15, None, "µg/m2")]),
    ("Tisagenlecleucel was given at dose levels of 1, 3 and 10 × 10^6 cells/kg.",
     [(TISA, 1000000, None, "cells/kg"), (TISA, 3000000, None, "cells/kg"), (TISA, 10000000, None, "cells/kg")]),
    # a day, a count, another form or a far magnitude is no second dose
    ("Inotuzumab ozogamicin was given at 1.8 mg/m2 on day 1 and 8 of each cycle.", [(INO, 1.8, None, "mg/m2")]),
    ("Inotuzumab ozogamicin was given at 0.8 mg/m2 on days 1 and 8 in cycle 1.", [(INO, 0.8, None, "mg/m2")]),
    ("Inotuzumab ozogamicin was given at 0.8 mg/m2 on day 1 and 2 on day 8 in 10 patients.",
     [(INO, 0.8, None, "mg/m2")]),
    ("Blinatumomab 28 µg/day was given in cycle 1 and 2 in the second cycle.", [(BLIN, 28, None, "µg")]),
    ("Tisagenlecleucel was given at 1 × 10^6 cells/kg in the first cohort and 30 in the second.",
     [(TISA, 1000000, None, "cells/kg")]),
])
def test_phrasings_second_dose_with_its_unit_left_out(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses
