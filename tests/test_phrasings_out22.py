"""Recurring phrasings of response, transplant and toxicity outcomes, written in our own words, run end to end
(fifteenth round): a transplant reported with the remission it was done in, a subgroup's rate with its count in a
bracket after the group, and toxicities graded inside their own bracket or by a list of grades.

Each case is a way results are commonly written that an earlier version got wrong (a missed value, a wrong
endpoint, a value read twice or a grade read as a group); the negative cases pin what a fix must not reach.
"""
from __future__ import annotations

import pytest

from phrasing_cases import (run_text as _run, outcome_triples as _triples, outcome_values as _values,
                            outcome_counts as _counted)

COHORT = "Forty patients were enrolled. "


@pytest.mark.parametrize("text, values", [
    # the passive transplant naming the remission it was done in: HSCT, the remission no CR rate
    ("Allogeneic transplantation in first remission was performed in 20 patients.", [("HSCT", 50.0, 20.0, 40)]),
    ("Allogeneic transplantation in second remission was performed in 20 patients (50%).",
     [("HSCT", 50.0, 20.0, 40.0)]),
    ("Allogeneic HSCT in CR was performed in 20 of 40 patients.", [("HSCT", 50.0, 20.0, 40.0)]),
    ("Allo-HSCT in CR1 was performed in 12 patients.", [("HSCT", 30.0, 12.0, 40)]),
    ("Stem cell transplantation in complete remission was feasible in 50% of the patients.",
     [("HSCT", 50.0, None, None)]),
    ("Transplantation in second or later remission was done in 10 patients.", [("HSCT", 25.0, 10.0, 40)]),
    ("The CR rate was 60%, and allogeneic HSCT in CR was performed in 16 patients (40%).",
     [("CR", 60.0, None, None), ("HSCT", 40.0, 16.0, 40.0)]),
    # ... or after the transplant's count
    ("HSCT was performed in 20 patients in first remission.", [("HSCT", 50.0, 20.0, 40)]),
    ("Allogeneic HSCT was performed in 12 patients (30%) in first CR.", [("HSCT", 30.0, 12.0, 40.0)]),
    # (unchanged: a count per remission is a breakdown, not the cohort's rate; a response in remission is a CR)
    ("HSCT was performed in 12 patients in first CR and 8 patients in second CR.", []),
    ("HSCT was performed in 12 patients in first CR, and 8 in second CR.", []),
    ("Overall, 24 patients (60%) achieved second remission.", [("CR", 60.0, 24.0, 40.0)]),
    ("Allogeneic HSCT in first remission was associated with longer OS (HR 0.5).", []),
])
def test_transplant_in_named_remission(nlp, text, values):
    assert _counted(_run(nlp, COHORT + text)) == values


def test_transplant_in_remission_is_the_cohorts(nlp):
    record = _run(nlp, COHORT + "HSCT was performed in 20 patients in first remission.")
    assert [o["arm"] for o in record["outcomes"]] == ["all"]


@pytest.mark.parametrize("text, values", [
    # a subgroup's rate, then its count and denominator in a bracket after the group: one fact, as printed
    ("The CR rate was 71% in B-ALL (12 of 17 evaluable).", [("B-ALL", "CR", 71.0, 12.0, 17.0)]),
    ("The CR rate was 71% in patients with B-ALL (12 of 17 evaluable patients).",
     [("B-ALL", "CR", 71.0, 12.0, 17.0)]),
    ("The CR rate was 71% in B-ALL (12/17) and 40% in T-ALL (4/10).",
     [("B-ALL", "CR", 71.0, 12.0, 17.0), ("T-ALL", "CR", 40.0, 4.0, 10.0)]),
    ("The CR rate was 71% in first relapse (12 of 17 patients) and 40% in second relapse (4 of 10 patients).",
     [("first relapse", "CR", 71.0, 12.0, 17.0), ("second relapse", "CR", 40.0, 4.0, 10.0)]),
    ("The ORR was 71% in Ph-positive patients (12 of 17).", [("Ph-positive", "ORR", 71.0, 12.0, 17.0)]),
    ("The CR/CRi rate was 71% in the pediatric cohort (12 of 17 evaluable).",
     [("pediatric", "CR_CRi", 71.0, 12.0, 17.0)]),
    # (unchanged: the count before the group)
    ("The CR rate was 71% (12 of 17) in patients with B-ALL.", [("B-ALL", "CR", 71.0, 12.0, 17.0)]),
    # a bracketed fraction that disagrees with the rate is not its count: both are read, as before
    ("The CR rate was 71% in B-ALL (5 of 17).", [("B-ALL", "CR", 29.4, 5.0, 17.0), ("B-ALL", "CR", 71.0, None, None)]),
])
def test_subgroup_rate_with_count_after_group(nlp, text, values):
    record = _run(nlp, COHORT + text)
    assert sorted((o["arm"], o["endpoint"], o["value"], o["count"], o["denominator"])
                  for o in record["outcomes"]) == values


@pytest.mark.parametrize("text, values", [
    # a toxicity graded inside its own bracket, whatever measure the sentence names after the bracket
    ("CRS (any grade, 85%; grade ≥3, 10%) was the most common toxicity.",
     [("all", "CRS", 10.0), ("all", "CRS", 85.0)]),
    ("Neurotoxicity (any grade, 40%; grade 3 or higher, 12%) was the most frequent adverse event.",
     [("all", "NEURO", 12.0), ("all", "NEURO", 40.0)]),
    # (unchanged: the bracket listed after a subject)
    ("The most common adverse events were CRS (any grade, 85%; grade ≥3, 10%) and neurotoxicity (any grade, 40%; "
     "grade ≥3, 12%).", [("all", "CRS", 10.0), ("all", "CRS", 85.0), ("all", "NEURO", 12.0), ("all", "NEURO", 40.0)]),
    # a bracket without a grade is another measure's, not the toxicity's
    ("CRS (fever and hypotension) and infections (25%) were common.", []),
    # two grades listed before the values: grades of the cohort's toxicity, not two groups
    ("Rates of any-grade and grade ≥3 CRS were 85% and 10%.", [("all", "CRS", 10.0), ("all", "CRS", 85.0)]),
    ("Any-grade and grade 3 or higher CRS occurred in 85% and 10% of patients, respectively.",
     [("all", "CRS", 10.0), ("all", "CRS", 85.0)]),
    ("Any and severe CRS occurred in 85% and 10% of patients, respectively.",
     [("all", "CRS", 10.0), ("all", "CRS", 85.0)]),
    # ... or the later value's grade right after it
    ("CRS was observed in 34 patients (85%), including 4 (10%) with grade 3 or higher.",
     [("all", "CRS", 10.0), ("all", "CRS", 85.0)]),
    ("CRS occurred in 30 patients (75%), 4 (10%) of which were grade 3.", [("all", "CRS", 10.0), ("all", "CRS", 75.0)]),
    # (unchanged: two named groups keep their labels; two toxicities zipped are two endpoints)
    ("CRS occurred in 30 patients (75%) in arm A and 4 (10%) in arm B.", [("arm A", "CRS", 75.0), ("arm B", "CRS", 10.0)]),
    ("CRS and ICANS occurred in 85% and 40%, respectively.", [("all", "CRS", 85.0), ("all", "NEURO", 40.0)]),
    # the plural "neurological toxicities"
    ("Neurological toxicities of grade 3 or greater occurred in 7%.", [("all", "NEURO", 7.0)]),
    ("Neurological toxicities occurred in 7%.", [("all", "NEURO", 7.0)]),
])
def test_toxicity_grades(nlp, text, values):
    assert _triples(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    # (pinned, already read: the grade as a threshold after the event, and the early-death windows)
    ("Neurologic events of grade 3 or higher occurred in 5 patients (12.5%).", [("NEURO", 12.5)]),
    ("ICANS of grade ≥3 was reported in 3 patients (7.5%).", [("NEURO", 7.5)]),
    ("Severe (grade 3-4) CRS occurred in 6 patients (15%).", [("CRS", 15.0)]),
    ("Thirty-day mortality was 5% (2 of 40).", [("EARLY_DEATH", 5.0)]),
    ("Two patients (5%) died within the first 30 days.", [("EARLY_DEATH", 5.0)]),
    ("MRD negativity among responders was 90% (18 of 20).", [("MRD_NEG", 90.0)]),
])
def test_pinned_neighbours(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    # a subgroup's or an arm's count bracketed after it, in the other shapes of a group
    ("The CR rate was 71% in the inotuzumab arm (12 of 17) and 29% in the chemotherapy arm (5 of 17).",
     [("CR", 29.0, 5.0, 17.0), ("CR", 71.0, 12.0, 17.0)]),
    ("MRD negativity was 75% among responders (15 of 20).", [("MRD_NEG", 75.0, 15.0, 20.0)]),
    ("The CR rate was 50% for patients in first salvage (10/20) and 25% for those in second salvage (5/20).",
     [("CR", 25.0, 5.0, 20.0), ("CR", 50.0, 10.0, 20.0)]),
    # (unchanged: a CI after the group is no count)
    ("The CR rate was 60% in B-ALL (95% CI, 40-78) and 40% in T-ALL.", [("CR", 40.0, None, None), ("CR", 60.0, None, None)]),
])
def test_count_bracketed_after_other_groups(nlp, text, values):
    assert _counted(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    # an early death's window printed on after the mention, before the verb of the count
    ("Death within 60 days of treatment start occurred in 3 patients.", [("EARLY_DEATH", 7.5, 3.0, 40)]),
    ("Death within 30 days of infusion occurred in 1 patient.", [("EARLY_DEATH", 2.5, 1.0, 40)]),
    ("Death within 30 days of the start of therapy occurred in 2 patients.", [("EARLY_DEATH", 5.0, 2.0, 40)]),
    ("Early deaths (before day 30) occurred in 2 patients.", [("EARLY_DEATH", 5.0, 2.0, 40)]),
    # deaths counted by the early-death words themselves
    ("Two induction deaths occurred, both from sepsis.", [("EARLY_DEATH", 5.0, 2.0, 40)]),
    ("There were two early deaths and 24 patients (60%) achieved CR.",
     [("CR", 60.0, 24.0, 40.0), ("EARLY_DEATH", 5.0, 2.0, 40)]),
    # (unchanged: a subgroup's deaths; deaths of any time are no early death)
    ("Early death occurred in 2 patients with Ph-positive ALL.", []),
    ("Ten deaths occurred.", []),
])
def test_early_death_windows_and_counts(nlp, text, values):
    assert _counted(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    # the count bracketed after "of patients with" a group, a group with a number in it, "n = " before the count
    ("CR was achieved in 71% of patients with B-ALL (12/17).", [("CR", 71.0, 12.0, 17.0)]),
    ("Responses were seen in 71% of those with B-ALL (12/17) and in 40% of those with T-ALL (4/10).",
     [("ORR", 40.0, 4.0, 10.0), ("ORR", 71.0, 12.0, 17.0)]),
    ("The CR rate was 50% in patients aged 60 years or older (10 of 20).", [("CR", 50.0, 10.0, 20.0)]),
    ("The CR rate was 71% in B-ALL (n = 12/17).", [("CR", 71.0, 12.0, 17.0)]),
    # ... or after a group's label opening the percentage's own bracket
    ("CR rates were 71% (B-ALL; 12/17) and 40% (T-ALL; 4/10).", [("CR", 40.0, 4.0, 10.0), ("CR", 71.0, 12.0, 17.0)]),
    ("The CR rate was 71% (B-ALL, 12 of 17) versus 40% (T-ALL, 4 of 10).",
     [("CR", 40.0, 4.0, 10.0), ("CR", 71.0, 12.0, 17.0)]),
    ("CR rates were 71% (cohort A; 12/17) and 40% (cohort B; 4/10).",
     [("CR", 40.0, 4.0, 10.0), ("CR", 71.0, 12.0, 17.0)]),
    # (unchanged: a response's part labelling the bracket counts the part; a count without its denominator)
    ("The ORR was 71% (CR, 12/17).", [("CR", 70.6, 12.0, 17.0), ("ORR", 71.0, None, None)]),
    ("The CR rate was 71% in B-ALL (12 patients).", [("CR", 71.0, None, None)]),
])
def test_count_bracketed_after_group_shapes(nlp, text, values):
    assert _counted(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    # a list of events, each with its share after "in", before the list's verb: the share is no clause's subject
    ("Severe CRS in 15% and severe neurotoxicity in 10% were reported.", [("all", "CRS", 15.0), ("all", "NEURO", 10.0)]),
    ("CRS in 15% and neurotoxicity in 4 (10%) were observed.", [("all", "CRS", 15.0), ("all", "NEURO", 10.0)]),
    # (unchanged: a share opening a clause of its own after "in" with no event before it)
    ("CR was achieved in 60%, and in 20% were MRD positive.", [("all", "CR", 60.0)]),
    ("Ten (25%) received HSCT, and 5 (12%) received DLI.", [("all", "HSCT", 25.0)]),
])
def test_shares_listed_before_their_verb(nlp, text, values):
    assert _triples(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    # a list of endpoints and its values, then a clause after a semicolon with as many values and no endpoint: the
    # same endpoints again, in order (a grade, a time point, a group)
    ("Rates of CRS and neurotoxicity (all grades) were 85% and 40%; grade ≥3 rates were 10% and 12%.",
     [("CRS", 10.0, None), ("CRS", 85.0, None), ("NEURO", 12.0, None), ("NEURO", 40.0, None)]),
    ("CRS and ICANS occurred in 85% and 40%; severe events occurred in 10% and 12%.",
     [("CRS", 10.0, None), ("CRS", 85.0, None), ("NEURO", 12.0, None), ("NEURO", 40.0, None)]),
    ("OS and EFS at 1 year were 60% and 50%; at 2 years, 40% and 30%.",
     [("EFS_RATE", 30.0, 24.0), ("EFS_RATE", 50.0, 12.0), ("OS_RATE", 40.0, 24.0), ("OS_RATE", 60.0, 12.0)]),
    ("The 1-year OS and EFS were 60% and 50%; the 2-year rates were 40% and 30%.",
     [("EFS_RATE", 30.0, 24.0), ("EFS_RATE", 50.0, 12.0), ("OS_RATE", 40.0, 24.0), ("OS_RATE", 60.0, 12.0)]),
    ("The CR and MRD negativity rates were 60% and 40% in cohort A; in cohort B, 30% and 20%.",
     [("CR", 30.0, None), ("CR", 60.0, None), ("MRD_NEG", 20.0, None), ("MRD_NEG", 40.0, None)]),
    # (unchanged: the tail's values are the subjects of a clause of their own)
    ("The CR and CRi rates were 50% and 20%; 30% and 10% of patients died.", [("CR", 50.0, None)]),
])
def test_list_repeated_after_semicolon(nlp, text, values):
    record = _run(nlp, COHORT + text)
    assert sorted((o["endpoint"], o["value"], o["timepoint_months"]) for o in record["outcomes"]) == values


@pytest.mark.parametrize("text, values", [
    # the first of two shares whose second is a clause's subject is that clause's subject too
    ("The CR and MRD negativity rates were 50% and 20%; 30% and 10% of patients relapsed.",
     [("all", "CR", 50.0), ("all", "MRD_NEG", 20.0)]),
    # (unchanged: a share stated for its endpoint, a list zipped with the endpoints after it)
    ("CR was achieved in 50% and 20% of patients had PR.", [("all", "CR", 50.0)]),
    ("Overall, 15% and 10% had CRS and ICANS, respectively.", [("all", "CRS", 15.0), ("all", "NEURO", 10.0)]),
    # more lists of grades before their values
    ("CRS of any grade and of grade ≥3 occurred in 85% and 10%.", [("all", "CRS", 10.0), ("all", "CRS", 85.0)]),
    ("Grade 1-2 and grade ≥3 CRS occurred in 75% and 10% of patients.", [("all", "CRS", 10.0), ("all", "CRS", 75.0)]),
    # (unchanged: groups named after the values keep their names)
    ("Any-grade CRS occurred in 85% with the high dose and 60% with the low dose.",
     [("high dose", "CRS", 85.0), ("low dose", "CRS", 60.0)]),
])
def test_subject_shares_and_grade_lists(nlp, text, values):
    assert _triples(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    # a graded part of the patients a toxicity occurred in, whose percentage is of the cohort (4/40), not of them
    ("CRS occurred in 30 patients (75%); 4 (10%) of them had grade 3 or higher.",
     [("CRS", 10.0, 4.0, 40.0), ("CRS", 75.0, 30.0, 40.0)]),
    # (unchanged: a percentage of them (4/30) is no rate of the cohort; a share of them given another measure)
    ("CRS occurred in 30 patients (75%); 4 (13%) of them had grade 3 or higher.", [("CRS", 75.0, 30.0, 40.0)]),
    ("CRS occurred in 30 patients (75%), 12 (30%) of whom received tocilizumab.", [("CRS", 75.0, 30.0, 40.0)]),
])
def test_graded_part_of_the_cohort(nlp, text, values):
    assert _counted(_run(nlp, COHORT + text)) == values
