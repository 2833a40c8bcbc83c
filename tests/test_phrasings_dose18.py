"""Doses of the eleventh phrasing round, in our own words, run end to end: units spelled out ("forty-five milligrams
daily", British "microgrammes", "microgram/m2/day", "milligrams per square metre", "once-daily"); a bracket right
after a drug the lexicon does not know ("with nivolumab (3 mg/kg)"), and a class word ("the TKI was given at 45
mg"), which give no dose of the study drug; doses carried from the sentence before after an opening scope ("In cycle
1, the dose was", "For patients under 45 kg, the dose was", "Cycle 1: 0.8 mg/m2"), a weight or age setting the dose
("Patients weighing at least 45 kg received 28 µg/day"), "The daily dose was", "A total dose of ... was given"; a
second dose of a long sentence out of reach of its drug but after the drug's first dose ("tisagenlecleucel at 0.2
to 5.0 × 10^6 ... per kilogram of body weight for patients weighing ≤50 kg and 0.1 to 2.5 × 10^8 cells for those
weighing >50 kg"). (The drug named as the abstract prints it, "KTE-X19", is on branch dose18-printed, with its
own cases.)"""
from __future__ import annotations

import pytest

from phrasing_cases import run_text as _run, dose_triples as _doses


INO = "inotuzumab ozogamicin"
BLIN = "blinatumomab"


@pytest.mark.parametrize("text, doses", [
    ("Ponatinib was given at forty-five milligrams daily.", [("ponatinib", 45, "mg")]),
    ("Blinatumomab was infused at 28 microgrammes per day.", [(BLIN, 28, "µg")]),
    ("Blinatumomab was infused at 5 microgram/m2/day for 7 days and 15 microgram/m2/day thereafter.",
     [(BLIN, 5, "µg/m2"), (BLIN, 15, "µg/m2")]),
    ("Inotuzumab was given at 1.8 milligrams per square metre per cycle.", [(INO, 1.8, "mg/m2")]),
    ("Daratumumab was given at 16 milligrams per kilogram weekly.", [("daratumumab", 16, "mg/kg")]),
    ("Imatinib 600 milligrammes was taken daily.", [("imatinib", 600, "mg")]),
])
def test_phrasings_units_spelled_out(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


def test_phrasings_once_daily_hyphenated_is_per_day(nlp):
    (dose,) = _run(nlp, "Dasatinib 140 mg once-daily was combined with blinatumomab.")["doses"]
    assert (dose["dose"], dose["unit"], dose["per"]) == (140, "mg", "day")


@pytest.mark.parametrize("text, doses", [
    # a bracket right after a drug the lexicon does not know is that drug's
    ("Blinatumomab 28 µg/day was given with carmustine (4 mg) and procarbazine (25 mg).", [(BLIN, 28, "µg")]),
    ("Inotuzumab 0.9 mg/m2 was given with mitomycin (14 g/m2).", [(INO, 0.9, "mg/m2")]),
    # ... and a drug the lexicon knows takes its own (checkpoint inhibitors and melphalan joined it this round)
    ("Blinatumomab 28 µg/day was given with nivolumab (3 mg/kg) and ipilimumab (1 mg/kg).",
     [(BLIN, 28, "µg"), ("nivolumab", 3, "mg/kg"), ("ipilimumab", 1, "mg/kg")]),
    ("Inotuzumab 0.9 mg/m2 was given with melphalan (140 mg/m2).", [(INO, 0.9, "mg/m2"), ("melphalan", 140, "mg/m2")]),
    # but a bracket after a schedule word or a dose word is the drug's
    ("Inotuzumab was administered weekly (0.8 mg/m2 on day 1, 0.5 mg/m2 on days 8 and 15).",
     [(INO, 0.8, "mg/m2"), (INO, 0.5, "mg/m2")]),
    ("Blinatumomab was given with a continuous infusion (28 µg/day).", [(BLIN, 28, "µg")]),
    ("Two dose levels of inotuzumab (0.9 and 1.2 mg/m2) were explored.", [(INO, 0.9, "mg/m2"), (INO, 1.2, "mg/m2")]),
    # a class word names no drug
    ("Blinatumomab was given at 28 µg/day; the TKI was given at 45 mg daily.", [(BLIN, 28, "µg")]),
])
def test_phrasings_dose_of_an_unknown_drug_or_a_class(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    ("Patients received blinatumomab by continuous infusion. In cycle 1, the dose was 9 µg/day for 7 days and 28"
     " µg/day thereafter.", [(BLIN, 9, "µg"), (BLIN, 28, "µg")]),
    ("Blinatumomab was administered by continuous infusion. For patients under 45 kg, the dose was 15 µg/m2/day.",
     [(BLIN, 15, "µg/m2")]),
    ("Patients received inotuzumab ozogamicin in 3-4 week cycles. Cycle 1: 0.8 mg/m2 on day 1 and 0.5 mg/m2 on"
     " days 8 and 15.", [(INO, 0.8, "mg/m2"), (INO, 0.5, "mg/m2")]),
    ("Blinatumomab was administered by continuous infusion. Patients weighing at least 45 kg received 28 µg/day.",
     [(BLIN, 28, "µg")]),
    ("Blinatumomab was administered by continuous infusion. Children under 45 kg received 15 µg/m2/day.",
     [(BLIN, 15, "µg/m2")]),
    ("Blinatumomab was given by continuous infusion. Patients aged 18 years or older received 28 µg/day.",
     [(BLIN, 28, "µg")]),
    ("Blinatumomab was administered by continuous infusion. In cycle 1, patients received 9 µg/day in week 1 and"
     " 28 µg/day afterwards.", [(BLIN, 9, "µg"), (BLIN, 28, "µg")]),
    ("Patients received dasatinib. The daily dose was 140 mg.", [("dasatinib", 140, "mg")]),
    ("Inotuzumab was given in cycles of 3-4 weeks. A total dose of 1.8 mg/m2 was given per cycle.",
     [(INO, 1.8, "mg/m2")]),
    # an exposure, an event, or a sentence with no dose stays none
    ("Blinatumomab was given for 4 weeks. In cycle 1, the median dose was 25 µg/day.", []),
    ("Blinatumomab was given for 4 weeks. In cycle 2, four patients received 9 µg/day because of toxicity.", []),
    ("Inotuzumab was given for up to 6 cycles. Patients older than 55 years received a median cumulative dose of"
     " 3.6 mg/m2.", []),
    ("Inotuzumab was given for up to 6 cycles. For patients with CR, the dose was reduced to 1.0 mg/m2 in 10"
     " patients.", []),
])
def test_phrasings_dose_carried_after_a_scope_or_weight(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    ("Patients received a single dose of tisagenlecleucel (target dose 0.2 to 5.0 × 10^6 CAR-positive viable T"
     " cells per kilogram of body weight for patients weighing ≤50 kg and 0.1 to 2.5 × 10^8 cells for those"
     " weighing >50 kg).", [("tisagenlecleucel", 200000, "cells/kg"), ("tisagenlecleucel", 10000000, "cells")]),
    # not past another drug, nor past a ';'
    ("Patients received a single dose of tisagenlecleucel (target dose 0.2 to 5.0 × 10^6 CAR-positive viable T"
     " cells per kilogram of body weight for patients weighing ≤50 kg); tocilizumab was available and 0.1 to 2.5"
     " × 10^8 cells were stored.", [("tisagenlecleucel", 200000, "cells/kg")]),
])
def test_phrasings_second_dose_of_the_last_dosed_drug(nlp, text, doses):
    assert _doses(_run(nlp, text, title="Tisagenlecleucel in young adults with relapsed B-ALL")) == doses


@pytest.mark.parametrize("text, doses", [
    ("Patients received UCART19 at 1 × 10^6 cells/kg after lymphodepletion.", [("UCART19", 1000000, "cells/kg")]),
    ("Cladribine 5 mg/m2 and cytarabine 2 g/m2 were given on days 1 to 5.",
     [("cladribine", 5, "mg/m2"), ("cytarabine", 2, "g/m2")]),
    ("PEG-ASNase 2500 IU/m2 was given on day 4.", [("pegaspargase", 2500, "IU/m2")]),
])
def test_phrasings_drugs_added_to_the_lexicon_take_their_doses(nlp, text, doses):
    """Drugs of salvage regimens the lexicon lacked (a gene-edited CAR T product, cladribine, an asparaginase
    abbreviation): before, their doses were dropped or went to no drug."""
    assert _doses(_run(nlp, text)) == doses
