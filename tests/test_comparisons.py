"""extraction/comparisons.py: hazard, odds and risk ratios with CI and p, from sentences of our own wording."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.extraction.comparisons import extract_comparisons
from extractor.extraction.context import ArticleContext
from phrasing_cases import run_text


def _comparisons(nlp, text):
    doc = nlp(text)
    found = extract_comparisons(doc, "RESULTS", ArticleContext(pmid="0"))
    for item in found:
        ev = item["evidence"]
        assert doc.text[ev["start"]:ev["end"]] == ev["text"]
    return found


@pytest.mark.parametrize(
    "text, measure, value, ci, p",
    [
        ("Survival was longer with the antibody (HR, 0.62; 95% CI, 0.48 to 0.81; P = .002).", "HR", 0.62,
         [0.48, 0.81], ".002"),
        ("Survival favoured the antibody (HR 0.62 [95% CI 0.48-0.81]).", "HR", 0.62, [0.48, 0.81], None),
        ("The hazard ratio for death with the antibody vs. chemotherapy was 0.74 (95% CI, 0.58 to 0.95).", "HR",
         0.74, [0.58, 0.95], None),
        ("Relapse was less frequent after transplant (hazard ratio for relapse, 0.45; 95% confidence interval "
         "[CI], 0.30 to 0.68; P<0.001).", "HR", 0.45, [0.30, 0.68], "<0.001"),
        ("Response was more likely in first salvage (odds ratio, 2.9; 95% CI, 1.4-6.1; P = 0.004).", "OR", 2.9,
         [1.4, 6.1], "0.004"),
        ("Early death was more frequent in older patients (RR 1.8; 95% CI, 1.1-2.9).", "RR", 1.8, [1.1, 2.9], None),
        ("Age predicted survival (P = .03; hazard ratio, 1.04).", "HR", 1.04, None, ".03"),
        ("The hazard ratio: 0.70 (0.52-0.94) favoured the combination.", "HR", 0.70, [0.52, 0.94], None),
        ("Remission duration was longer (HR=0·58, 95% CI 0·40–0·85).", "HR", 0.58, [0.40, 0.85], None),
        # competing-risks models print a subdistribution hazard ratio
        ("Relapse was less frequent after consolidation (sHR, 0.45; 95% CI, 0.25-0.81; P = .008).", "HR", 0.45,
         [0.25, 0.81], ".008"),
        ("The subdistribution hazard ratio for relapse was 0.45 (95% CI, 0.25-0.81).", "HR", 0.45, [0.25, 0.81],
         None),
    ],
)
def test_comparisons_reads_measure_value_ci_p(nlp, text, measure, value, ci, p):
    (item,) = _comparisons(nlp, text)
    assert (item["measure"], item["value"], item["ci95"], item["p"]) == (measure, pytest.approx(value), ci, p)


def test_comparisons_list_of_ratios_sharing_a_measure(nlp):
    text = "Survival improved across strata (hazard ratio: 0.66 [p=0.02], 0.79 [p=0.12], and 0.58 [p=0.03])."
    assert [c["value"] for c in _comparisons(nlp, text)] == [0.66, 0.79, 0.58]


def test_comparisons_endpoint_from_sentence(nlp):
    text = "Overall survival was longer with the antibody (hazard ratio, 0.71; 95% CI, 0.55 to 0.93)."
    (item,) = _comparisons(nlp, text)
    assert item["endpoint"] == "OS"


@pytest.mark.parametrize(
    "text",
    [
        "Patients with high risk (HR) disease had 14% survival at 5 years.",
        "Adults with RR ALL were enrolled in 2015 and 2016.",
        "Remission was 34% vs. 16% (P<0.001).",
        "Responders had 12 or 14 months of remission.",
        "The hazard ratio was not estimable in 3 patients.",
    ],
)
def test_comparisons_none_without_a_ratio_value(nlp, text):
    assert _comparisons(nlp, text) == []


def test_comparisons_flags_ci_not_containing_estimate(nlp):
    (item,) = _comparisons(nlp, "The odds ratio was 3.2 (95% CI, 1.1 to 2.4).")
    assert item["flags"] == ["ci_excludes_estimate"]


_PIECES = list("0123456789.,·−- x×^()[]/%<>≥=;:") + [
    "mg/m2", " HR ", " hazard ratio ", " 95% CI ", " P ", " patients ", " median age ", " median follow-up ",
    " months ", " clofarabine ", " cells/kg ", " per kg ", " CD22-CAR T cells ", " enrolled ", " n = ", " of "]


@settings(max_examples=200, deadline=None)
@given(text=st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_comparisons_property_never_raises_and_evidence_holds(nlp, text):
    doc = nlp(text)
    for item in extract_comparisons(doc, "RESULTS", ArticleContext(pmid="0")):
        ev = item["evidence"]
        assert doc.text[ev["start"]:ev["end"]] == ev["text"]


@pytest.mark.parametrize(
    "text, level, low, high",
    [
        ("At the interim analysis, event-free survival favoured the antibody (hazard ratio, 0.58; 97.5% confidence "
         "interval [CI], 0.41 to 0.82; P = .001).", 97.5, 0.41, 0.82),
        ("Relapse-free survival was longer (HR 0.66, 90% CI 0.50-0.87).", 90, 0.50, 0.87),
        ("The hazard ratio (99% CI) for death was 0.71 (0.49 to 1.02).", 99, 0.49, 1.02),
    ],
)
def test_comparisons_ci_of_another_level_is_not_ci95(nlp, text, level, low, high):
    (item,) = _comparisons(nlp, text)
    assert item["ci95"] is None and item["ci"] == {"level": level, "low": low, "high": high}


def test_comparisons_ci95_has_no_separate_ci(nlp):
    (item,) = _comparisons(nlp, "Overall survival was longer (HR, 0.70; 95% CI, 0.55 to 0.89).")
    assert item["ci95"] == [0.55, 0.89] and "ci" not in item


def test_comparisons_arm_numbers_are_not_the_ratio(nlp):
    (item,) = _comparisons(nlp, "The hazard ratio for relapse in group 2 versus group 1 was 0.58 (95% CI, 0.40 to 0.84).")
    assert (item["value"], item["ci95"]) == (0.58, [0.40, 0.84])


@pytest.mark.parametrize("text, endpoint, value", [
    # what the ratio is for, then its value with no comma or verb between: accepted when that is an endpoint or
    # its event (a rule span ends right before the value)
    ("Overall survival was also improved (HR for death 0.43; 95% CI 0.18-1.01).", "OS", 0.43),
    ("EFS favoured blinatumomab (hazard ratio for an event or death 0.55, 95% CI 0.43-0.71).", "EFS", 0.55),
    ("The HR for OS 0.70 (95% CI 0.5-0.9) favoured the combination.", "OS", 0.70),
])
def test_comparisons_ratio_for_an_endpoint_then_its_value(nlp, text, endpoint, value):
    found = _comparisons(nlp, text)
    assert [(c["endpoint"], c["value"]) for c in found] == [(endpoint, value)]


@pytest.mark.parametrize("text", [
    "The HR for patients older than 60 20 was high.",  # a group, not an endpoint, before the number
    "HR for grade 3 events 1.5 (95% CI 1.0-2.2).",
])
def test_comparisons_ratio_for_something_else_then_a_number_is_no_value(nlp, text):
    assert _comparisons(nlp, text) == []


def test_comparisons_hazard_ratio_compares_the_survival_named_before_not_a_rate(nlp):
    """A hazard ratio compares times to an event: after "3-year OS was 18% ... and 41% for patients who underwent
    transplantation (HR 0.31)" it is OS's, though the transplant is named nearer."""
    text = ("The 3-year OS was 18% for the whole cohort and 41% for patients who underwent transplantation (HR 0.31; "
            "95% CI 0.18-0.53; P < .001).")
    assert [(c["endpoint"], c["value"]) for c in _comparisons(nlp, text)] == [("OS", 0.31)]


def test_comparisons_odds_ratio_still_takes_the_nearest_endpoint(nlp):
    text = "OS was similar, but CR was more frequent with the combination (odds ratio 2.1; 95% CI 1.1-4.0)."
    assert [(c["endpoint"], c["measure"]) for c in _comparisons(nlp, text)] == [("CR", "OR")]


# ------------------------------------------------------------------ ratios of a factor analysis (`covariate`)

@pytest.mark.parametrize("text, covariate", [
    # a factor of a single-arm cohort
    ("We treated 60 patients with inotuzumab. In multivariable analysis, first salvage was associated with longer "
     "OS (HR 0.52; 95% CI, 0.34-0.80).", [True]),
    # the arms compared in an analysis' words: the arm is named, so it is the comparison of the arms
    ("Patients were randomized to blinatumomab (n = 271) or chemotherapy (n = 134). Blinatumomab was associated "
     "with longer OS (HR 0.71; 95% CI, 0.55-0.93).", [False]),
    # each ratio's own stretch decides: age's is a factor's, the regimen's names an arm
    ("We compared inotuzumab plus mini-HCVD (n = 60) with hyper-CVAD (n = 40). By multivariate analysis, age "
     "(HR 1.05) and inotuzumab plus mini-HCVD (HR 0.55) were independent prognostic factors for OS.", [True, False]),
    # no analysis words: a plain comparison
    ("Patients were randomized to blinatumomab (n = 271) or chemotherapy (n = 134). Median OS was 7.7 and 4.0 "
     "months, respectively (HR for death, 0.71; 95% CI, 0.55-0.93).", [False]),
])
def test_comparisons_mark_the_ratios_of_a_factor_analysis(nlp, text, covariate):
    assert [c["covariate"] for c in run_text(nlp, text)["comparisons"]] == covariate
