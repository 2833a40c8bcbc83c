"""Doses of the eleventh phrasing round, second pass, in our own words, run end to end: a step-up schedule said as
an escalation ("escalated from 9 to 28 µg/day", "stepped up from 9 µg/day to 28 µg/day") gives each stated dose, not
one range (a true range, "0.5 to 1.0 × 10^6 cells/kg", "doses of 9-28 µg/day", "ranging from 9 to 28", stays one);
a concomitant drug permitted in a bracket ("Hydroxyurea (up to 3 g/day) was allowed") gives no regimen dose; a
run-in step in an opening phrase before the drug ("After a 9-µg/day run-in, blinatumomab was given at 28 µg/day")
is the drug's dose too."""
from __future__ import annotations

import pytest

from phrasing_cases import run_text as _run


def _doses(record: dict) -> list[tuple]:
    return [(d["drug"], d["dose"], d.get("dose_max"), d["unit"]) for d in record["doses"]]


INO = "inotuzumab ozogamicin"
BLIN = "blinatumomab"


@pytest.mark.parametrize("text, doses", [
    ("Blinatumomab was escalated from 9 to 28 µg/day after the first week.",
     [(BLIN, 9, None, "µg"), (BLIN, 28, None, "µg")]),
    ("Blinatumomab was stepped up from 9 µg/day to 28 µg/day.", [(BLIN, 9, None, "µg"), (BLIN, 28, None, "µg")]),
    ("The blinatumomab dose was increased from 5 to 15 µg/m2/day on day 8.",
     [(BLIN, 5, None, "µg/m2"), (BLIN, 15, None, "µg/m2")]),
    ("The dose of blinatumomab was escalated from 9 µg/day to 28 µg/day in week 2.",
     [(BLIN, 9, None, "µg"), (BLIN, 28, None, "µg")]),
    ("Tisagenlecleucel was dose-escalated from 1 to 3 × 10^6 cells/kg.",
     [("tisagenlecleucel", 1000000, None, "cells/kg"), ("tisagenlecleucel", 3000000, None, "cells/kg")]),
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
