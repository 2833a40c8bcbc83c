"""Doses that are not the regimen's, in our own words, run end to end: a background section's doses, which state
what was known (another trial's dose, the approved schedule), unless the sentence is the study's own aim."""
from __future__ import annotations

import pytest

from phrasing_cases import run_text as _run, dose_triples as _doses


INO = "inotuzumab ozogamicin"


@pytest.mark.parametrize("label, text, doses", [
    # a background section states what was known: another trial's or the approved dose
    ("BACKGROUND", "Inotuzumab ozogamicin at 1.8 mg/m2 per cycle improved remission rates in a randomized trial.", []),
    ("Introduction", "Blinatumomab is given at 15 µg/m2/day in children.", []),
    # unless the sentence is the study's own aim
    ("BACKGROUND", "We hypothesized that adding inotuzumab 1.3 mg/m2 on day 3 would improve outcomes.",
     [(INO, 1.3, "mg/m2")]),
    ("METHODS", "Inotuzumab ozogamicin was given at 1.8 mg/m2 per cycle.", [(INO, 1.8, "mg/m2")]),
])
def test_phrasings_background_doses(nlp, label, text, doses):
    assert _doses(_run(nlp, text, label=label)) == doses
