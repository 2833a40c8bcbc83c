"""extraction/scalars.py: cohort size, median age and median follow-up from sentences of our own wording."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.extraction.context import ArticleContext
from extractor.extraction.scalars import extract_scalars
from extractor.normalise import number_words
from extractor.patterns import load_rules

PATTERNS = Path(__file__).resolve().parent.parent / "patterns"


@pytest.fixture(scope="module")
def context_words():
    return number_words(load_rules(PATTERNS))


def _scalars(nlp, words, text, section="RESULTS"):
    doc = nlp(text)
    found = extract_scalars(doc, section, ArticleContext(pmid="0", words=words))
    for item in found:
        ev = item["evidence"]
        assert doc.text[ev["start"]:ev["end"]] == ev["text"]
    return [(c["scalar"], c["value"]) for c in found]


@pytest.mark.parametrize(
    "text, n",
    [
        ("A total of 120 adults were treated at 14 centres.", 120),
        ("The trial enrolled 36 children in second relapse.", 36),
        ("Fifty-two patients with refractory disease were treated.", 52),
        ("Of the 210 patients who underwent randomization, 200 received treatment.", 210),
        ("Among the 44 patients (median age, 30 years), most were in first relapse.", 44),
        ("We report outcomes in 31 relapsed/refractory Ph+ acute leukemia patients.", 31),
        ("One hundred twelve patients received the antibody.", 112),
        ("Fifty-five patients were infused with the CAR T-cell product.", 55),
        ("We identified 87 adults with relapsed disease.", 87),
        ("Of 60 patients recruited, 55 were infused.", 60),
    ],
)
def test_scalars_cohort_size_first_population_count(nlp, context_words, text, n):
    assert _scalars(nlp, context_words, text)[0] == ("cohort_size", n)


def test_scalars_cohort_size_in_title_without_verb(nlp, context_words):
    assert _scalars(nlp, context_words, "Outcome of 312 adults after first relapse", "TITLE") == [("cohort_size", 312)]


@pytest.mark.parametrize(
    "text",
    [
        "Twelve patients (38%) proceeded to transplantation after they were treated.",
        "After cycle 1, 9 of 30 patients were treated with a second course.",
        "Patients were randomly assigned to A (n = 20) or B (n = 22) and 15 patients received C.",
        "Three-year outcomes of patients treated with the antibody",
        "Complete remission occurred in 45 patients.",
    ],
)
def test_scalars_cohort_size_not_a_subset_or_split(nlp, context_words, text):
    assert [c for c in _scalars(nlp, context_words, text, "TITLE" if "outcomes" in text else "RESULTS")
            if c[0] == "cohort_size"] == []


@pytest.mark.parametrize(
    "text, age",
    [
        ("The median age was 41 years.", 41), ("Patients (median age, 14 years) had relapsed.", 14),
        ("The median age was 29(18-64) years.", 29), ("The median age: 52.5 years [range, 19-80].", 52.5),
        ("The median age of the enrolled patients was 38 years.", 38),
        ("The median age was 8 months.", 0.7),  # infants' ages, in years like any age
    ],
)
def test_scalars_median_age(nlp, context_words, text, age):
    assert ("median_age_years", age) in _scalars(nlp, context_words, text)


@pytest.mark.parametrize("text", ["The median age was 8 weeks.", "The median age was ≥60 years in one arm."])
def test_scalars_median_age_rejects_non_year_or_bound(nlp, context_words, text):
    assert all(c[0] != "median_age_years" for c in _scalars(nlp, context_words, text))


@pytest.mark.parametrize(
    "text, months",
    [
        ("After a median follow-up of 29 months, 10 patients were alive.", 29),
        ("The median follow-up was 2.5 years.", 30),
        ("At 18.2 months (range, 3.1-30.0) median follow-up, the response lasted.", 18.2),
        ("With a median follow up of 40 weeks, no late toxicity occurred.", 9.2),
    ],
)
def test_scalars_median_follow_up_in_months(nlp, context_words, text, months):
    assert ("median_follow_up_months", months) in _scalars(nlp, context_words, text)


def test_scalars_two_different_follow_ups_are_ambiguous(nlp, context_words):
    text = "After a median follow-up of 12 months RFS was short. OS was 9 months at a median follow-up of 20 months."
    assert all(c[0] != "median_follow_up_months" for c in _scalars(nlp, context_words, text))


_PIECES = list("0123456789.,·−- x×^()[]/%<>≥=;:") + [
    "mg/m2", " HR ", " hazard ratio ", " 95% CI ", " P ", " patients ", " median age ", " median follow-up ",
    " months ", " clofarabine ", " cells/kg ", " per kg ", " CD22-CAR T cells ", " enrolled ", " n = ", " of "]


@settings(max_examples=200, deadline=None)
@given(text=st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_scalars_property_never_raises_and_evidence_holds(nlp, text):
    doc = nlp(text)
    for item in extract_scalars(doc, "RESULTS", ArticleContext(pmid="0")):
        ev = item["evidence"]
        assert doc.text[ev["start"]:ev["end"]] == ev["text"]
