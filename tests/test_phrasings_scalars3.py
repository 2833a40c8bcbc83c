"""Recurring phrasings of doses and of the study scalars, in our own words, run end to end: unit spellings of lost
superscripts and micro signs, step-up schedules, day ranges beside doses, a bare count of cells per kg, the median
dose patients received, a backbone's reduced dose as a share, and median age, follow-up and cohort phrasings."""
from __future__ import annotations

import pytest

from phrasing_cases import run_text as _run


def _doses(record: dict) -> list[tuple]:
    return [(d["drug"], d["dose"], d["dose_max"], d["unit"]) for d in record["doses"]]


@pytest.mark.parametrize("text, dose", [
    # a lost superscript "(2)", a caret, or the micro sign spelled out
    ("Blinatumomab was given at 15 µg/m(2)/day for 28 days.", ("blinatumomab", 15, None, "µg/m2")),
    ("Blinatumomab was given at 5 mcg/m(2)/day during week 1.", ("blinatumomab", 5, None, "µg/m2")),
    ("Blinatumomab was given at 15 microg/m2/day for 28 days.", ("blinatumomab", 15, None, "µg/m2")),
    ("Blinatumomab was infused at 28 microg/day.", ("blinatumomab", 28, None, "µg")),
    ("Pegaspargase 2,500 IU/m(2) was given on day 4.", ("pegaspargase", 2500, None, "IU/m2")),
    ("Pegaspargase 2500 U/m(2) was given on day 4.", ("pegaspargase", 2500, None, "U/m2")),
])
def test_phrasings_unit_spellings(nlp, text, dose):
    assert _doses(_run(nlp, text)) == [dose]


@pytest.mark.parametrize("text, doses", [
    # three or more doses joined by bare hyphens are a step-up schedule, not a range
    ("Blinatumomab was given at 5-15-30 µg/m2/day in a dose-escalation design.",
     [("blinatumomab", 5, None, "µg/m2"), ("blinatumomab", 15, None, "µg/m2"), ("blinatumomab", 30, None, "µg/m2")]),
    # two are a range
    ("Blinatumomab was given at doses of 5-15 µg/m2/day.", [("blinatumomab", 5, 15, "µg/m2")]),
    # the end of a range of days is no dose of the list after it
    ("Blinatumomab at 9 μg/day on days 1-7 and 28 μg/day on days 8-28 was given.",
     [("blinatumomab", 9, None, "µg"), ("blinatumomab", 28, None, "µg")]),
    ("Inotuzumab at 0.8 mg/m2 on day 1 and 0.5 mg/m2 on days 8 to 15 was given.",
     [("inotuzumab ozogamicin", 0.8, None, "mg/m2"), ("inotuzumab ozogamicin", 0.5, None, "mg/m2")]),
])
def test_phrasings_step_doses_and_day_ranges(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    # a bare count per kg is a cell dose of the CAR T product named before it
    ("Tisagenlecleucel was infused at 3 × 10^6/kg.", [("tisagenlecleucel", 3000000, None, "cells/kg")]),
    ("CTL019 cells were infused at a dose of 1-5 × 10^6/kg.", [("tisagenlecleucel", 1000000, 5000000, "cells/kg")]),
    ("Patients received brexucabtagene autoleucel at 1 × 10(6)/kg.",
     [("brexucabtagene autoleucel", 1000000, None, "cells/kg")]),
    # not of a product given earlier, nor of another drug, nor a plain number
    ("Patients who relapsed after tisagenlecleucel received 1 × 10^6/kg donor lymphocytes.", []),
    ("After blinatumomab, CD34+ cells 5 × 10^6/kg were infused.", []),
    ("Tisagenlecleucel was infused at 3/kg.", []),
])
def test_phrasings_bare_cells_per_kg(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    # the median (or mean) dose patients received is an exposure, not the regimen's dose
    ("Tisagenlecleucel was administered at a median dose of 3.1 × 10^6 cells/kg.", []),
    ("Patients received tisagenlecleucel at a median weight-adjusted dose of 3.0 × 10^6 CAR T cells/kg.", []),
    ("Patients received brexu-cel at a median of 1.0 × 10^6 cells/kg.", []),
    ("The mean dose of blinatumomab received was 25 µg/day.", []),
    # a median of something else leaves the dose a dose
    ("Patients received a median of 3 cycles of inotuzumab at 1.8 mg/m2.",
     [("inotuzumab ozogamicin", 1.8, None, "mg/m2")]),
    ("The median number of cycles was 2; inotuzumab was given at 1.8 mg/m2 per cycle.",
     [("inotuzumab ozogamicin", 1.8, None, "mg/m2")]),
])
def test_phrasings_median_dose_is_not_a_dose(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    # a backbone's dose reduced by a share, each drug of the coordination before "at"
    ("Mini-hyper-CVD consisted of cyclophosphamide and dexamethasone at 50% dose reduction, no anthracycline, and "
     "methotrexate at 75% dose reduction.",
     [("cyclophosphamide", 50, None, "% dose reduction"), ("dexamethasone", 50, None, "% dose reduction"),
      ("methotrexate", 75, None, "% dose reduction")]),
    ("Vincristine, cyclophosphamide and dexamethasone at a 50% dose reduction were given.",
     [("vincristine", 50, None, "% dose reduction"), ("cyclophosphamide", 50, None, "% dose reduction"),
      ("dexamethasone", 50, None, "% dose reduction")]),
    # a reduction patients needed is an event, not the regimen; a bracketed share explains the doses before it
    ("Ten patients required a 50% dose reduction of inotuzumab.", []),
    ("Mini-hyper-CVD gave cyclophosphamide 150 mg/m2 and dexamethasone 20 mg (50% dose reduction).",
     [("cyclophosphamide", 150, None, "mg/m2"), ("dexamethasone", 20, None, "mg")]),
])
def test_phrasings_dose_reduction_share(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses
