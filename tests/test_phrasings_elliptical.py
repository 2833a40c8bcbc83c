"""Recurring phrasings, written in our own words, run end to end (ninth round), that leave out what the text
before them named: a clause after a semicolon that repeats the clause before it without naming its endpoints or its
groups again, a scope that refers back to a group ("among them"), values bracketed after the groups they compare, a
dose whose drug the sentence before names.

"The CR rate was 70% and the MRD negativity rate 45% in Ph-negative patients; in Ph-positive patients, 80% and 60%,
respectively" gives the bare values to the endpoints of the clause before, in order; "CR rates were 60% in children
and 45% in adults; MRD negativity rates were 50% and 35%, respectively" gives the values the groups of the clause
before. The negative cases pin what the rules must not reach.
"""
from __future__ import annotations

import pytest

from phrasing_cases import outcome_triples as _outcomes, run_text as _run


@pytest.mark.parametrize("text, triples", [
    # the endpoints of the clause before, repeated in order for a new group
    ("In Ph-negative patients, the CR rate was 70% and the MRD negativity rate was 45%; in Ph-positive patients, "
     "80% and 60%, respectively.",
     [("Ph-negative", "CR", 70.0), ("Ph-negative", "MRD_NEG", 45.0), ("Ph-positive", "CR", 80.0),
      ("Ph-positive", "MRD_NEG", 60.0)]),
    ("In arm A, the CR rate was 70% and the MRD negativity rate was 45%; in arm B, 50% and 20%.",
     [("arm A", "CR", 70.0), ("arm A", "MRD_NEG", 45.0), ("arm B", "CR", 50.0), ("arm B", "MRD_NEG", 20.0)]),
    ("CR was achieved in 28 patients (70%) and MRD negativity in 18 (45%); in the Ph-positive subgroup, 12 (80%) "
     "and 9 (60%), respectively.",
     [("Ph-positive", "CR", 80.0), ("Ph-positive", "MRD_NEG", 60.0), ("all", "CR", 70.0),
      ("all", "MRD_NEG", 45.0)]),
    # values of two kinds, each to the endpoint of its kind; the group after the pair is both values'
    ("The CR rate was 70% and the median OS was 10.1 months in Ph-negative patients; in Ph-positive patients, 80% "
     "and 12.5 months, respectively.",
     [("Ph-negative", "CR", 70.0), ("Ph-negative", "OS_MEDIAN", 10.1), ("Ph-positive", "CR", 80.0),
      ("Ph-positive", "OS_MEDIAN", 12.5)]),
    ("Median OS was 7.7 months and median EFS 4.1 months in the blinatumomab group; in the chemotherapy group, 4.0 "
     "and 2.0 months, respectively.",
     [("blinatumomab", "EFS_MEDIAN", 4.1), ("blinatumomab", "OS_MEDIAN", 7.7), ("chemotherapy", "EFS_MEDIAN", 2.0),
      ("chemotherapy", "OS_MEDIAN", 4.0)]),
    # the groups of the clause before, for a new endpoint's values
    ("CR rates were 60% in children and 45% in adults; MRD negativity rates were 50% and 35%, respectively.",
     [("adults", "CR", 45.0), ("adults", "MRD_NEG", 35.0), ("children", "CR", 60.0),
      ("children", "MRD_NEG", 50.0)]),
    ("The CR rate was 65% with inotuzumab and 30% with chemotherapy; MRD negativity, 78% and 28%.",
     [("chemotherapy", "CR", 30.0), ("chemotherapy", "MRD_NEG", 28.0), ("inotuzumab ozogamicin", "CR", 65.0),
      ("inotuzumab ozogamicin", "MRD_NEG", 78.0)]),
])
def test_a_clause_after_a_semicolon_repeats_the_one_before(nlp, text, triples):
    assert _outcomes(_run(nlp, text)) == triples


@pytest.mark.parametrize("text, triples", [
    # the clause after the semicolon names endpoints of its own: they take its values
    ("The CR rate was 70% and the MRD negativity rate was 45%; at 2 years, OS and EFS were 50% and 40%, "
     "respectively.",
     [("all", "CR", 70.0), ("all", "EFS_RATE", 40.0), ("all", "MRD_NEG", 45.0), ("all", "OS_RATE", 50.0)]),
    ("Median OS and EFS were 12.1 and 6.3 months; 1-year OS and EFS were 51% and 30%.",
     [("all", "EFS_MEDIAN", 6.3), ("all", "EFS_RATE", 30.0), ("all", "OS_MEDIAN", 12.1),
      ("all", "OS_RATE", 51.0)]),
])
def test_a_clause_that_does_not_repeat_the_one_before_keeps_its_own_reading(nlp, text, triples):
    assert _outcomes(_run(nlp, text)) == triples


def test_values_of_another_kind_than_the_endpoints_before_are_not_zipped(nlp):
    # as many values as the endpoints before, but a median in months takes no percentage
    record = _run(nlp, "The CR rate was 70% and the median OS was 10.1 months; in Ph-positive patients, 80% and 60%.")
    assert sorted((o["endpoint"], o["value"]) for o in record["outcomes"]) == \
        [("CR", 60.0), ("CR", 70.0), ("CR", 80.0), ("OS_MEDIAN", 10.1)]


@pytest.mark.parametrize("text, values", [
    # the values listed before the endpoints they are zipped with, "respectively"
    ("Of the 50 patients, 25 (50%) and 15 (30%) achieved CR and MRD negativity, respectively.",
     [("CR", 50.0), ("MRD_NEG", 30.0)]),
    ("The rates were 70% and 45% for CR and MRD negativity, respectively.", [("CR", 70.0), ("MRD_NEG", 45.0)]),
    ("20% and 30% of patients had grade 3 CRS and neurotoxicity, respectively.", [("CRS", 20.0), ("NEURO", 30.0)]),
    # ... as when the endpoints come first
    ("Grade 3 or higher CRS and neurotoxicity occurred in 20% and 30% of patients, respectively.",
     [("CRS", 20.0), ("NEURO", 30.0)]),
    # one endpoint after the values: they are its values, for the groups listed
    ("70% and 45% of patients in arms A and B achieved CR, respectively.", [("CR", 45.0), ("CR", 70.0)]),
])
def test_values_listed_before_their_endpoints_are_zipped(nlp, text, values):
    record = _run(nlp, text)
    assert sorted((o["endpoint"], o["value"]) for o in record["outcomes"]) == values


@pytest.mark.parametrize("text, triples", [
    # a scope without its comma ends before the result: its words are no group name
    ("For patients in first salvage the CR rate was 60%, whereas for those in second salvage it was 40%.",
     [("first salvage", "CR", 60.0), ("second salvage", "CR", 40.0)]),
    ("For Ph-positive patients the CR rate was 80%, whereas for Ph-negative patients it was 65%.",
     [("Ph-negative", "CR", 65.0), ("Ph-positive", "CR", 80.0)]),
    # a contrast or an "and" before a scope opens a clause of its own, named by that scope
    ("In first salvage, the CR rate was 60%, and in second salvage, 40%.",
     [("first salvage", "CR", 60.0), ("second salvage", "CR", 40.0)]),
    ("The CR rate was 70%; in first salvage, 60% and in second salvage, 40%.",
     [("all", "CR", 70.0), ("first salvage", "CR", 60.0), ("second salvage", "CR", 40.0)]),
    # ... as a semicolon does
    ("Among adults, 60% achieved CR; among children, 80%.", [("adults", "CR", 60.0), ("children", "CR", 80.0)]),
    # a group named after each value needs no clause of its own
    ("For Ph-positive patients, the CR rate was 80%, whereas it was 65% for Ph-negative patients.",
     [("Ph-negative", "CR", 65.0), ("Ph-positive", "CR", 80.0)]),
])
def test_each_clause_is_named_by_the_scope_that_opens_it(nlp, text, triples):
    assert _outcomes(_run(nlp, text)) == triples


@pytest.mark.parametrize("text, triples", [
    # "among them" / "these patients" refers to the one group the clause or sentence before names by what it did
    ("Forty-four patients (37%) underwent allogeneic HSCT; among them, the 5-year OS was 35%.",
     [("all", "HSCT", 37.0), ("patients who underwent allogeneic HSCT", "OS_RATE", 35.0)]),
    ("Forty-four patients (37%) underwent allogeneic HSCT. Among these patients, the 5-year OS was 35%.",
     [("all", "HSCT", 37.0), ("patients who underwent allogeneic HSCT", "OS_RATE", 35.0)]),
    # ... but a response is no group: MRD negativity among responders is the cohort's (SCHEMA)
    ("Thirty patients (60%) achieved CR; of these, 20 (67%) were MRD negative.",
     [("all", "CR", 60.0), ("all", "MRD_NEG", 67.0)]),
])
def test_a_scope_referring_back_names_the_group_just_named(nlp, text, triples):
    assert _outcomes(_run(nlp, text)) == triples


def test_a_scope_referring_back_to_two_groups_names_neither(nlp):
    record = _run(nlp, "Twenty patients underwent HSCT and 10 received DLI. Among them, the 1-year OS was 40%.")
    [os_rate] = [o for o in record["outcomes"] if o["endpoint"] == "OS_RATE"]
    assert not os_rate["arm"].startswith("patients who")


def test_the_dose_of_a_population_names_the_drug_of_the_sentence_before(nlp):
    record = _run(nlp, "Children with relapsed ALL received blinatumomab by continuous infusion. Patients received the "
                       "recommended dose of 5 µg/m2/day for the first 7 days and 15 µg/m2/day thereafter.")
    assert sorted((d["drug_id"], d["dose"], d["unit"], d["per"]) for d in record["doses"]) == \
        [("blinatumomab", 5, "µg/m2", "day"), ("blinatumomab", 15, "µg/m2", "day")]


@pytest.mark.parametrize("text, triples", [
    # two values in one bracket after the two groups they compare: zipped in order (the first got the second's name)
    ("CR rates did not differ between Ph+ and Ph- patients (45% vs 42%).", [("Ph+", "CR", 45.0), ("Ph-", "CR", 42.0)]),
    ("CR rates did not differ between Ph-positive and Ph-negative patients (45% vs 42%).",
     [("Ph-negative", "CR", 42.0), ("Ph-positive", "CR", 45.0)]),
    ("Median OS was similar in MRD-negative and MRD-positive patients (9.0 and 4.5 months).",
     [("MRD-negative", "OS_MEDIAN", 9.0), ("MRD-positive", "OS_MEDIAN", 4.5)]),
])
def test_values_bracketed_after_the_groups_they_compare(nlp, text, triples):
    assert _outcomes(_run(nlp, text)) == triples


@pytest.mark.parametrize("text", [
    "The difference in CR rate was significant (58% vs 31%, P = 0.01).",
    "OS was similar (9.0 vs 8.1 months).",
    "The CR rate was higher (58% vs 31%).",
])
def test_a_word_of_how_a_comparison_came_out_names_no_group(nlp, text):
    arms = {o["arm"] for o in _run(nlp, text)["outcomes"]}
    assert arms == {"group 1", "group 2"}  # two groups the sentence does not name


@pytest.mark.parametrize("text, triples", [
    # values, then as many groups ending the clause: zipped as with "respectively" (the first group named the last
    # value, the others were unnamed)
    ("CR rates were 70% and 40% in Ph-negative and Ph-positive patients.",
     [("Ph-negative", "CR", 70.0), ("Ph-positive", "CR", 40.0)]),
    ("The CR rate was 45%, 30% and 15% for first, second and third or later salvage.",
     [("first salvage", "CR", 45.0), ("second salvage", "CR", 30.0), ("third or later salvage", "CR", 15.0)]),
    ("Median OS was 9.1, 6.2 and 4.0 months in first, second and later salvage.",
     [("first salvage", "OS_MEDIAN", 9.1), ("later salvage", "OS_MEDIAN", 4.0), ("second salvage", "OS_MEDIAN", 6.2)]),
    # years are no groups
    ("CR rates were 70% and 40% in 2015 and 2020.", [("group 1", "CR", 70.0), ("group 2", "CR", 40.0)]),
])
def test_values_then_as_many_groups_are_zipped_without_respectively(nlp, text, triples):
    assert _outcomes(_run(nlp, text)) == triples
