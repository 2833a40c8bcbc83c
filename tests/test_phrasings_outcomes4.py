"""Recurring phrasings of outcome values, written in our own words, run end to end (fourth round): toxicity grades
listed as values of one endpoint, CIs printed outside brackets.

Each case is a way results are commonly written that an earlier version got wrong (a missed value, a wrong
endpoint, an invented value); the negative cases pin what a fix must not reach.
"""
from __future__ import annotations

import pytest

from phrasing_cases import outcome_triples as _outcomes, run_text as _run


@pytest.mark.parametrize("text, outcomes", [
    # grades are values of the one endpoint (SCHEMA: each stated value, arm "all"), not groups; a grade's number
    # between two listed endpoints does not end the list
    ("Any-grade CRS and grade ≥3 CRS occurred in 88% and 15%, respectively.", [("all", "CRS", 15.0), ("all", "CRS", 88.0)]),
    ("Grade 1-2 CRS and grade 3-4 CRS occurred in 60% and 10% of patients, respectively.",
     [("all", "CRS", 10.0), ("all", "CRS", 60.0)]),
    ("CRS and grade ≥3 neurotoxicity occurred in 60% and 10% of patients, respectively.",
     [("all", "CRS", 60.0), ("all", "NEURO", 10.0)]),
    # a grade's item after the bracket's own percentage is another value, not its CI
    ("CRS (any grade, 88%; grade ≥3, 15%) was the most common adverse event.", [("all", "CRS", 15.0), ("all", "CRS", 88.0)]),
    # negative: a number after the semicolon is still the CI
    ("Cytokine release syndrome occurred in 38 patients (88%; 78, 98%).", [("all", "CRS", 88.0)]),
])
def test_phrasings_toxicity_grades(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes, ci", [
    # a labelled CI outside brackets is no range value
    ("The 1-year OS was 62%, 95% CI 50 to 74%.", [("all", "OS_RATE", 62.0)], [50.0, 74.0]),
    ("The 1-year OS was 62%, 95% confidence interval 50% to 74%.", [("all", "OS_RATE", 62.0)], [50.0, 74.0]),
    # an unlabelled range around the percentage before it is no value either (not read as a CI: it may be a range)
    ("The CR rate was 88%, 78 to 98%.", [("all", "CR", 88.0)], None),
])
def test_phrasings_unbracketed_ci(nlp, text, outcomes, ci):
    record = _run(nlp, text)
    assert _outcomes(record) == outcomes
    assert record["outcomes"][0]["ci95"] == ci


def test_range_beside_a_value_is_still_a_range(nlp):
    """Negative: a range not around the value before it stays a listed value."""
    found = _outcomes(_run(nlp, "CR rates were 30%, 40 to 50% and 60% in the three cohorts."))
    assert sorted(v for _, _, v in found) == [30.0, 40.0, 60.0]


@pytest.mark.parametrize("text, outcome", [
    # a zero of the subgroup the negated subject names (SCHEMA: per named subgroup), its size the denominator
    ("None of the eight patients with TP53 mutation responded.", ("TP53 mutation", "ORR", 0.0, 0.0, 8.0)),
    ("No patient with T-ALL achieved CR.", ("T-ALL", "CR", 0.0, 0.0, None)),
    ("No patients older than 60 years developed VOD.", ("age >60 years", "VOD", 0.0, 0.0, None)),
    ("None of the patients with CNS disease proceeded to HSCT.", ("CNS disease", "HSCT", 0.0, 0.0, None)),
])
def test_phrasings_subgroup_zero(nlp, text, outcome):
    found = [(o["arm"], o["endpoint"], o["value"], o["count"], o["denominator"]) for o in _run(nlp, text)["outcomes"]]
    assert found == [outcome]


@pytest.mark.parametrize("text", [
    # negative: a group in a response state, or one naming an endpoint, states no zero of a subgroup
    "None of the patients in CR relapsed.",
    "No patient with CRS required ICU care.",
    "No patients with MRD-negative CR relapsed.",
])
def test_subgroup_zero_needs_a_named_group(nlp, text):
    assert _outcomes(_run(nlp, text)) == []


@pytest.mark.parametrize("text, endpoint", [
    # the events of a survival endpoint in either order name it; "death" alone stays OS
    ("The HR for death or relapse was 0.60 (95% CI, 0.42-0.85).", "RFS"),
    ("The hazard ratio for death or progression was 0.45 (95% CI 0.30-0.67).", "PFS"),
    ("The hazard ratio for death of any cause was 0.71 (95% CI, 0.55 to 0.93).", "OS"),
    ("The hazard ratio for death was 0.71 (95% CI, 0.55 to 0.93; P = 0.01).", "OS"),
    # a ratio for events compares event-free survival; one for adverse events none
    ("The hazard ratio for events was 0.55 (95% CI, 0.38 to 0.80; P=0.002).", "EFS"),
    ("The odds ratio for adverse events was 1.5 (95% CI, 1.1-2.0).", None),
])
def test_phrasings_ratio_events(nlp, text, endpoint):
    assert [c["endpoint"] for c in _run(nlp, text)["comparisons"]] == [endpoint]


@pytest.mark.parametrize("text, months", [
    # a day number hyphenated to "day" (one token) is the early death's window
    ("The day-30 mortality was 3%.", 1.0),
    ("Day-100 mortality was 10%.", 3.3),
])
def test_phrasings_day_numbered_mortality(nlp, text, months):
    assert [(o["endpoint"], o["timepoint_months"]) for o in _run(nlp, text)["outcomes"]] == [("EARLY_DEATH", months)]


@pytest.mark.parametrize("text, outcomes", [
    # a share of the responders that is the subject of a verbal endpoint
    ("Overall, 60% of responders underwent HSCT.", [("responders", "HSCT", 60.0)]),
    # a number word after "of the" is the count's denominator, not a group
    ("Eighteen (60%) of the thirty patients achieved CR.", [("all", "CR", 60.0)]),
    # a value "not reached" is no group of the values beside it
    ("Median EFS was 22.3 vs 5.7 months (P < 0.001), and median OS was not reached vs 12.1 months.",
     [("group 1", "EFS_MEDIAN", 22.3), ("group 1", "OS_MEDIAN", None), ("group 2", "EFS_MEDIAN", 5.7),
      ("group 2", "OS_MEDIAN", 12.1)]),
])
def test_phrasings_groups_of_values(nlp, text, outcomes):
    assert sorted(_outcomes(_run(nlp, text)), key=str) == sorted(outcomes, key=str)


def test_spelled_denominator_with_a_hyphen(nlp):
    outcome = _run(nlp, "Twenty-one (50%) of the forty-two children achieved CR.")["outcomes"][0]
    assert (outcome["count"], outcome["denominator"]) == (21.0, 42.0)


def test_share_of_responders_is_not_the_cohorts(nlp):
    """A share of the responders is the responders' rate, never the cohort's."""
    found = _outcomes(_run(nlp, "Overall, 30% of the responders received a transplant."))
    assert [(e, v) for _, e, v in found] == [("HSCT", 30.0)] and found[0][0] != "all"


@pytest.mark.parametrize("text, outcomes", [
    # a relative clause after a toxicity gives its grade: the value before the endpoint is still its own
    ("Ninety-three percent of patients experienced CRS, which was grade 3 or higher in 20%.",
     [("all", "CRS", 20.0), ("all", "CRS", 93.0)]),
    # a severity word between a toxicity's values makes them grades of one group's toxicity, not two groups
    ("Neurotoxicity was observed in 15 patients (30%), being severe in 4 (8%).", [("all", "NEURO", 8.0), ("all", "NEURO", 30.0)]),
    # negative: named groups stay groups
    ("CRS occurred in 30% of Ph-positive and 20% of Ph-negative patients.",
     [("Ph-negative", "CRS", 20.0), ("Ph-positive", "CRS", 30.0)]),
    ("Patients with prior HSCT (n = 12, 30%) had a CR rate of 50%.", [("prior HSCT", "CR", 50.0)]),
])
def test_phrasings_toxicity_grade_clauses(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # alive in remission is no overall survival, and a remission status held at a time is no value of the OS
    ("At 1 year, 55% of patients were alive and in remission.", []),
    ("At 1 year, 55% of patients were alive and leukemia-free.", []),
    ("At 1 year, 55% of patients were alive, and 40% were in remission.", [("all", "OS_RATE", 55.0)]),
    ("The median OS has not yet been reached.", [("all", "OS_MEDIAN", None)]),
    # negative: alive alone is OS, and a CR state is still a CR rate
    ("At 2 years, 40% of the patients were alive.", [("all", "OS_RATE", 40.0)]),
    ("Thirty patients (60%) were in CR after two cycles.", [("all", "CR", 60.0)]),
])
def test_phrasings_alive_in_remission(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # a share "of them" whose clause names its endpoint before it is an outcome
    ("Of the 52 infused patients, 45 (87%) achieved CR; MRD negativity was documented in 40 (89%) of them.",
     [("all", "CR", 87.0), ("all", "MRD_NEG", 89.0)]),
    # negative: one whose clause names none is not
    ("CRS occurred in 77% of patients, 48% of whom received tocilizumab.", [("all", "CRS", 77.0)]),
    # the share given tocilizumab or corticosteroids is not the toxicity's rate
    ("CRS of grade 3 or 4 occurred in 47% of the patients, and tocilizumab was given to 48%.", [("all", "CRS", 47.0)]),
    ("Neurotoxicity occurred in 40% of the patients, and corticosteroids were given to 20%.", [("all", "NEURO", 40.0)]),
    ("Tocilizumab was required for CRS, which occurred in 50% of patients.", [("all", "CRS", 50.0)]),
])
def test_phrasings_shares_of_them_and_cytokine_blockade(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # a major molecular response (BCR::ABL1) is no overall response
    ("Ph-positive patients had a CR rate of 90% and a major molecular response rate of 60%.",
     [("Ph-positive", "CR", 90.0)]),
    ("The MMR rate was 60% among Ph-positive patients.", []),
    # a CR with its MRD status after it is the MRD-negative CR
    ("The rate of CR with negative MRD was 55%.", [("all", "MRD_NEG", 55.0)]),
    ("CR with undetectable MRD was achieved in 20 patients (50%).", [("all", "MRD_NEG", 50.0)]),
    # negative: a complete molecular response stays MRD negativity
    ("Complete molecular response was achieved in 60%.", [("all", "MRD_NEG", 60.0)]),
])
def test_phrasings_molecular_measures(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # another study's figures are no results of this one
    ("Response rates were comparable to those reported in the pivotal trial (CR/CRi 75%).", []),
    ("The CR rate of 70% was higher than previously reported rates of 30% to 40%.", [("all", "CR", 70.0)]),
    # negative: the study's own figure after the reference's clause, and "reported in" as the verb of a result
    ("Survival compared well with previously published studies, owing to the high rate of HSCT in the present "
     "study (75%).", [("all", "HSCT", 75.0)]),
    ("CR was reported in 20 patients (50%).", [("all", "CR", 50.0)]),
    # the group named after an estimate's SD is the estimate's
    ("The 4-year EFS was 52% ± 4% in the standard-risk group and 31% ± 6% in the high-risk group.",
     [("high-risk", "EFS_RATE", 31.0), ("standard-risk", "EFS_RATE", 52.0)]),
])
def test_phrasings_cited_figures_and_sd(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # "neither ... nor ... was observed": a zero for each endpoint listed
    ("Neither VOD nor grade ≥3 CRS was observed.", [("all", "CRS", 0.0), ("all", "VOD", 0.0)]),
    # negative: "neither patient" is two patients, not the cohort
    ("Neither patient developed VOD.", []),
    # a spelled-out time point listed before another: each value its own window
    ("Thirty- and 60-day mortality rates were 3% and 8%, respectively.",
     [("all", "EARLY_DEATH", 3.0), ("all", "EARLY_DEATH", 8.0)]),
])
def test_phrasings_neither_and_spelled_windows(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


def test_spelled_window_list_keeps_each_window(nlp):
    found = _run(nlp, "Thirty- and 60-day mortality rates were 3% and 8%, respectively.")["outcomes"]
    assert [o["timepoint_months"] for o in found] == [1.0, 2.0]
