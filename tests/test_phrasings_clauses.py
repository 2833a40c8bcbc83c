"""Two results in two clauses of one sentence, written in our own words (figures restate published trials): the
first clause's value must not be read as the second clause's, nor dropped."""
from __future__ import annotations

import pytest

from phrasing_cases import outcome_triples as _outcomes, run_text as _run


@pytest.mark.parametrize("text, outcomes", [
    # "N (P%) achieved A, and the B rate was V": P is A's, V is B's (P was dropped: A seemed to state V itself)
    ("Eighteen of 20 patients (90%) achieved CR/CRi, and the complete molecular response rate was 79%.",
     [("all", "CR_CRi", 90.0), ("all", "MRD_NEG", 79.0)]),
    ("Twelve patients (40%) achieved CR, while the ORR was 63%.", [("all", "CR", 40.0), ("all", "ORR", 63.0)]),
    ("Forty patients (80%) responded, and the 1-year OS was 55%.", [("all", "ORR", 80.0), ("all", "OS_RATE", 55.0)]),
    # the shapes that already worked stay as they were
    ("The CR/CRi rate was 45%, and 12 patients (27%) proceeded to transplant.",
     [("all", "CR_CRi", 45.0), ("all", "HSCT", 27.0)]),
    ("Fifteen patients (50%) achieved CR; the median OS was 9 months.",
     [("all", "CR", 50.0), ("all", "OS_MEDIAN", 9.0)]),
])
def test_phrasings_a_clause_then_another_endpoint_and_its_value(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


def test_phrasings_a_mention_stating_its_own_value_still_takes_no_other(nlp):
    """The reason for the rule: "Patients with prior HSCT (n = 12, 30%) had a CR rate of 50%" gives no HSCT rate."""
    record = _run(nlp, "Patients with prior HSCT (n = 12, 30%) had a CR rate of 50%.")
    assert "HSCT" not in {o["endpoint"] for o in record["outcomes"]}


@pytest.mark.parametrize("text, outcomes", [
    # a severity grade with the events' noun before the second value: the grades of one group's events
    ("Neurologic events occurred in 52% of patients, with grade 3 or higher events in 13%.",
     [("all", "NEURO", 13.0), ("all", "NEURO", 52.0)]),
    ("Neurologic events of any grade were reported in 40%, and grade 3 events in 10%.",
     [("all", "NEURO", 10.0), ("all", "NEURO", 40.0)]),
    # groups are still groups
    ("The CR rate was 60% in first salvage and 40% in second salvage.",
     [("first salvage", "CR", 60.0), ("second salvage", "CR", 40.0)]),
])
def test_phrasings_an_event_and_its_severe_grades(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


_RANDOMISED = "Patients were randomized to inotuzumab ozogamicin or standard therapy. "


@pytest.mark.parametrize("text, outcomes", [
    # two values joined by "versus" before the endpoint they are the subject of (the first was lost)
    (_RANDOMISED + "Among patients who achieved CR/CRi, 78.4% versus 28.1% were MRD-negative in the inotuzumab "
     "and standard-therapy groups, respectively.",
     [("inotuzumab ozogamicin", "MRD_NEG", 78.4), ("standard therapy", "MRD_NEG", 28.1)]),
    # MRD under the assay's threshold is MRD negativity, and the threshold is no value
    (_RANDOMISED + "Among patients who achieved CR/CRi, 78.4% versus 28.1% had MRD below 0.01% in the inotuzumab "
     "and standard-therapy groups, respectively.",
     [("inotuzumab ozogamicin", "MRD_NEG", 78.4), ("standard therapy", "MRD_NEG", 28.1)]),
    ("Among responders, 25 (81%) had MRD less than 0.01% by flow cytometry.", [("responders", "MRD_NEG", 81.0)]),
])
def test_phrasings_values_before_their_endpoint(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # a response rate, a colon, then its breakdown: the rate keeps its value (a CR/CRi composite by its parts) and
    # the CR keeps its own (the CR's 59% went to the composite and the 70% was lost)
    ("Forty-three patients (70%) responded: 36 (59%) achieved CR and 7 (11%) achieved CRi.",
     [("all", "CR", 59.0), ("all", "CR_CRi", 70.0)]),
    ("Thirty patients (75%) achieved CR/CRi: 22 (55%) achieved CR and 8 (20%) CRi.",
     [("all", "CR", 55.0), ("all", "CR_CRi", 75.0)]),
])
def test_phrasings_a_rate_then_its_breakdown_after_a_colon(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # an overall rate summing CR and CRi named before it is the CR/CRi composite; with PR among them it is the ORR
    ("The best responses were CR in 36 patients (59%) and CRi in 7 (11%), for an overall response rate of 70%.",
     [("all", "CR", 59.0), ("all", "CR_CRi", 70.0)]),
    ("Twenty patients achieved CR (50%) and six CRi (15%), giving an ORR of 65%.",
     [("all", "CR", 50.0), ("all", "CR_CRi", 65.0)]),
    ("CR was seen in 20 patients (50%) and PR in 6 (15%), for an overall response rate of 65%.",
     [("all", "CR", 50.0), ("all", "ORR", 65.0)]),
])
def test_phrasings_an_overall_rate_after_its_parts(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # one value stated for every arm is each arm's
    ("Patients were randomized to blinatumomab or chemotherapy. Allogeneic HSCT was performed in 24% of patients in "
     "each group.", [("blinatumomab", "HSCT", 24.0), ("chemotherapy", "HSCT", 24.0)]),
    ("Patients were randomized to blinatumomab or chemotherapy. The 30-day mortality was 3% in both arms.",
     [("blinatumomab", "EARLY_DEATH", 3.0), ("chemotherapy", "EARLY_DEATH", 3.0)]),
    # a single-arm study has no arms to repeat it for
    ("Forty patients received blinatumomab. CRS occurred in 10% of patients in each cohort.", [("all", "CRS", 10.0)]),
])
def test_phrasings_one_value_for_each_arm(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # the CRp/CRh variant joined by "or" to a CR before it, the value printed first: the composite's value
    ("Eleven (44%) achieved complete remission (CR) or CR without platelet recovery (CRp).",
     [("all", "CR_CRi", 44.0)]),
    ("During the first two cycles, 16 patients (36%) achieved complete remission or complete remission with "
     "partial hematological recovery.", [("all", "CR_CRi", 36.0)]),
    ("Twenty patients (67%) achieved complete remission (CR) or CR with incomplete hematologic recovery (CRi).",
     [("all", "CR_CRi", 67.0)]),
    # two endpoints joined by "and" stay two
    ("Fifteen patients (50%) achieved CR and 3 (10%) achieved CR with incomplete hematologic recovery.",
     [("all", "CR", 50.0)]),
])
def test_phrasings_a_cr_joined_to_its_variant_is_the_composite(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # a share "of whom" with no endpoint in its clause is no rate of the endpoint before it
    ("Cytokine release syndrome occurred in 77% of patients, 48% of whom received tocilizumab.",
     [("all", "CRS", 77.0)]),
    ("CRS developed in 20 patients (40%), 6 (30%) of whom needed intensive care.", [("all", "CRS", 40.0)]),
    # with its own endpoint it is one
    ("Thirty patients (60%) achieved CR, 25 (83%) of whom were MRD negative.",
     [("all", "CR", 60.0), ("all", "MRD_NEG", 83.0)]),
])
def test_phrasings_a_share_of_whom_needs_its_own_endpoint(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # "transplanted in CR" names the group; the second value is the same survival rate, not a CR rate
    ("The 3-year OS was 28% for patients transplanted in CR and 4% for those not transplanted.",
     [("not transplanted", "OS_RATE", 4.0), ("transplanted in CR", "OS_RATE", 28.0)]),
    # a remission held at a transplant is the patients' state then, not an outcome
    ("At second transplant, 58% were in complete remission.", []),
    ("At the time of allogeneic transplantation, 20 patients (65%) were in CR.", []),
])
def test_phrasings_remission_at_transplant_names_a_group_or_a_state(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # a status alone in a bracket after each value names the value's group; the endpoint stays the sentence's
    ("The 2-year OS rate was 45% (MRD-negative) versus 12% (MRD-positive).",
     [("MRD-negative", "OS_RATE", 45.0), ("MRD-positive", "OS_RATE", 12.0)]),
    ("CR rates were 85% (Ph-negative) and 70% (Ph-positive).",
     [("Ph-negative", "CR", 85.0), ("Ph-positive", "CR", 70.0)]),
    # a share "of" an attribute names whose share it is (the second value was lost)
    ("CR was achieved in 80% of Ph-positive and 65% of Ph-negative patients.",
     [("Ph-negative", "CR", 65.0), ("Ph-positive", "CR", 80.0)]),
    # the attribute as the measure stays a measure
    ("Overall, 20% of patients were Ph-positive.", []),
])
def test_phrasings_a_status_beside_each_value_names_its_group(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


def test_phrasings_a_fraction_is_no_group_label(nlp):
    record = _run(nlp, "CR was achieved in 24/30 (80%) Ph-positive and 26/40 (65%) Ph-negative patients.")
    assert sorted(o["value"] for o in record["outcomes"]) == [65.0, 80.0]
    assert all(any(c.isalpha() for c in o["arm"]) for o in record["outcomes"])


TWO_ARMS = "Patients were randomized to blinatumomab (n = 40) or chemotherapy (n = 38). "


@pytest.mark.parametrize("text, outcomes", [
    # a sentence led by "In both arms" states each arm's value
    ("In both arms, the HSCT rate was 24%.", [("blinatumomab", "HSCT", 24.0), ("chemotherapy", "HSCT", 24.0)]),
    ("No CRS occurred in either arm.", [("blinatumomab", "CRS", 0.0), ("chemotherapy", "CRS", 0.0)]),
    # a zero's group after its verb is its own
    ("No CRS occurred in the chemotherapy group.", [("chemotherapy", "CRS", 0.0)]),
    ("No VOD was observed in the blinatumomab arm.", [("blinatumomab", "VOD", 0.0)]),
])
def test_phrasings_every_arm_and_a_zero_of_one_arm(nlp, text, outcomes):
    assert _outcomes(_run(nlp, TWO_ARMS + text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # every endpoint a negation lists is a zero
    ("No grade 3 or higher CRS or neurotoxicity occurred.", [("all", "CRS", 0.0), ("all", "NEURO", 0.0)]),
    ("No VOD, CRS or early death occurred.",
     [("all", "CRS", 0.0), ("all", "EARLY_DEATH", 0.0), ("all", "VOD", 0.0)]),
    ("No VOD or SOS was reported.", [("all", "VOD", 0.0)]),  # one endpoint named twice
    # a list that is a subject, or a subgroup, states no zero
    ("No patient with CRS or neurotoxicity required intensive care.", []),
    ("No CRS occurred, whereas neurotoxicity developed in 3 patients (15%).",
     [("all", "CRS", 0.0), ("all", "NEURO", 15.0)]),
])
def test_phrasings_a_negated_list_of_endpoints(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes
