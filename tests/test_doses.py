"""extraction/doses.py: drug, dose (or range), unit and schedule from sentences of our own wording."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.extraction.context import ArticleContext
from extractor.extraction.doses import extract_doses
from extractor.normalise import number_words
from extractor.patterns import load_rules

PATTERNS = Path(__file__).resolve().parent.parent / "patterns"


@pytest.fixture(scope="module")
def context_words():
    return number_words(load_rules(PATTERNS))


def _doses(nlp, words, text):
    doc = nlp(text)
    found = extract_doses(doc, "RESULTS", ArticleContext(pmid="0", words=words))
    for dose in found:
        ev = dose["evidence"]
        assert doc.text[ev["start"]:ev["end"]] == ev["text"]
    return [(d["drug"], d["dose"], d["dose_max"], d["unit"], d["per"]) for d in found]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Patients received clofarabine 52 mg/m2 on days 1 to 5.", ("clofarabine", 52, None, "mg/m2", None)),
        ("Daratumumab (16 mg/kg) was given weekly.", ("daratumumab", 16, None, "mg/kg", None)),
        ("Nelarabine was given at 1.5 g/m2/day on alternate days.", ("nelarabine", 1.5, None, "g/m2", "day")),
        ("Blinatumomab was infused at 15 µg/m2 per day for four weeks.", ("blinatumomab", 15, None, "µg/m2", "day")),
        ("Liposomal vincristine 2.25 mg/m² was given once a week.",
         ("vincristine sulfate liposome injection", 2.25, None, "mg/m2", None)),
        ("Epratuzumab (360mg/m2/dose) was added to the backbone.", ("epratuzumab", 360, None, "mg/m2", "dose")),
        ("Cyclophosphamide 440 mg/m(2) was given daily.", ("cyclophosphamide", 440, None, "mg/m2", None)),
    ],
)
def test_doses_single_dose(nlp, context_words, text, expected):
    assert _doses(nlp, context_words, text) == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Blinatumomab was started at 5 μg/day and raised to 15 μg/day in week 2.",
         [("blinatumomab", 5, None, "µg", "day"), ("blinatumomab", 15, None, "µg", "day")]),
        ("The regimen combined clofarabine 40 mg/m2, etoposide 100 mg/m2 and cyclophosphamide 300 mg/m2.",
         [("clofarabine", 40, None, "mg/m2", None), ("etoposide", 100, None, "mg/m2", None),
          ("cyclophosphamide", 300, None, "mg/m2", None)]),
    ],
)
def test_doses_several_in_one_sentence(nlp, context_words, text, expected):
    assert _doses(nlp, context_words, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Inotuzumab was reduced from 1.8 to 1.3 mg/m2 in later cycles.",
         [("inotuzumab ozogamicin", 1.8, 1.3, "mg/m2", None)]),
        ("Dasatinib 100-140 mg was taken daily.", [("dasatinib", 100, 140, "mg", None)]),
    ],
)
def test_doses_range_or_step_down_gives_dose_max(nlp, context_words, text, expected):
    assert _doses(nlp, context_words, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A single infusion of tisagenlecleucel at 2 × 10^6 cells/kg was given.",
         [("tisagenlecleucel", 2000000, None, "cells/kg", None)]),
        ("Cohorts received KTE-X19 at 3, 1, or 0.5×106 cells/kg.",
         [("brexucabtagene autoleucel", 3000000, None, "cells/kg", None),
          ("brexucabtagene autoleucel", 1000000, None, "cells/kg", None),
          ("brexucabtagene autoleucel", 500000, None, "cells/kg", None)]),
        ("Responses were seen at doses of ≥1 × 106 CD22-CAR T cells per kg of body weight.",
         [("cd22-car t cells", 1000000, None, "cells/kg", None)]),
    ],
)
def test_doses_cell_doses_per_kg(nlp, context_words, text, expected):
    assert _doses(nlp, context_words, text) == expected


def test_doses_weekly_split_lists_are_separate_doses(nlp, context_words):
    text = "Inotuzumab was split into weekly doses (0.8 and 0.5 mg/m2 in cycle 1 and 0.5 and 0.5 mg/m2 later)."
    assert sorted(set(_doses(nlp, context_words, text))) == [
        ("inotuzumab ozogamicin", 0.5, None, "mg/m2", None), ("inotuzumab ozogamicin", 0.8, None, "mg/m2", None)]


def test_doses_drug_named_after_dose(nlp, context_words):
    assert _doses(nlp, context_words, "Patients were given 40 mg/m2 of clofarabine daily.") == [
        ("clofarabine", 40, None, "mg/m2", None)]


def test_doses_subject_of_dose_of_wins_over_partner(nlp, context_words):
    text = "The recommended dose of clofarabine given with cytarabine was 40 mg/m2/day."
    assert _doses(nlp, context_words, text) == [("clofarabine", 40, None, "mg/m2", "day")]


@pytest.mark.parametrize(
    "text",
    [
        "The median platelet count was 75 × 109/L at entry.",
        "Albumin below 3 g/L and creatinine above 2 mg/dL predicted death.",
        "Patients received 40 mg/m2 daily for five days.",
        "The dose of cyclophosphamide was reduced by 50% in older patients.",
    ],
)
def test_doses_none_without_drug_or_dose_unit(nlp, context_words, text):
    assert _doses(nlp, context_words, text) == []


_PIECES = list("0123456789.,·−- x×^()[]/%<>≥=;:") + [
    "mg/m2", " HR ", " hazard ratio ", " 95% CI ", " P ", " patients ", " median age ", " median follow-up ",
    " months ", " clofarabine ", " cells/kg ", " per kg ", " CD22-CAR T cells ", " enrolled ", " n = ", " of "]


@settings(max_examples=200, deadline=None)
@given(text=st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_doses_property_never_raises_and_evidence_holds(nlp, text):
    doc = nlp(text)
    for item in extract_doses(doc, "RESULTS", ArticleContext(pmid="0")):
        ev = item["evidence"]
        assert doc.text[ev["start"]:ev["end"]] == ev["text"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("One infusion of tisagenlecleucel (2.0 x 10(6) CAR-positive viable T cells per kilogram of body weight) was "
         "given.", [("tisagenlecleucel", 2000000, None, "cells/kg", None)]),
        ("Brexucabtagene autoleucel was dosed at 0.5 to 2 x 10(6) transduced T cells per kg.",
         [("brexucabtagene autoleucel", 500000, 2000000, "cells/kg", None)]),
        # no number directly before the described cells: no dose
        ("Tisagenlecleucel expanded to 40% of circulating T cells per kg of tissue.", []),
    ],
)
def test_doses_described_cells_per_kilogram(nlp, context_words, text, expected):
    assert _doses(nlp, context_words, text) == expected
