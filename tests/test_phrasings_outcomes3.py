"""Recurring phrasings of outcome values, written in our own words, run end to end (third round): bare remissions,
sums of remission parts, CIs after a rate's own count, blast thresholds, transplants before enrolment.

Each case is a way results are commonly written that an earlier version got wrong (a missed value, a wrong
endpoint, an invented value); the negative cases pin what a fix must not reach.
"""
from __future__ import annotations

import pytest

from phrasing_cases import outcome_triples as _outcomes, run_text as _run


@pytest.mark.parametrize("text, outcomes", [
    # a remission of unstated kind after its verb is the overall response, as an undefined "remission rate" is
    # (SCHEMA); a bracket defining it as CR plus CRi makes it the composite
    ("Overall, 24 of 40 patients (60%) achieved remission.", [("all", "ORR", 60.0)]),
    ("Remission was achieved in 60% of patients.", [("all", "ORR", 60.0)]),
    ("Remissions occurred in 9 (36%) patients.", [("all", "ORR", 36.0)]),
    ("Overall, 24 of 40 patients (60%) achieved remission (CR or CRi).", [("all", "CR_CRi", 60.0)]),
    ("Overall, responses were seen in 60% of patients.", [("all", "ORR", 60.0)]),
    ("Overall, responses occurred in 15 of 25 patients (60%).", [("all", "ORR", 60.0)]),
    # negative: other kinds of remission keep their own endpoint or none
    ("Partial remission was achieved in 10%.", []),
    ("Overall, 40% of patients achieved complete remission.", [("all", "CR", 40.0)]),
])
def test_phrasings_bare_remission(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # a rate named as the sum of the CR and CRi parts before it is CR_CRi
    ("CR was achieved in 13 patients (52%) and CRi in 5 (20%), with a combined response rate of 72%.",
     [("all", "CR", 52.0), ("all", "CR_CRi", 72.0)]),
    ("CR was achieved in 52% and CRi in 20% (combined rate, 72%).", [("all", "CR", 52.0), ("all", "CR_CRi", 72.0)]),
    # negative: a combined rate of something else, or of CR and a partial response, is not the composite
    ("The combined rate of grade 3 infections was 30%.", []),
    ("CR was achieved in 52% and PR in 10%; the combined rate was 62%.", [("all", "CR", 52.0)]),
    ("The combined response rate was 60%.", [("all", "ORR", 60.0)]),
    # a colon after a rate without its own value lists endpoints, it defines none
    ("Response rates: CR 50%, CR/CRi 65%, ORR 70%.",
     [("all", "CR", 50.0), ("all", "CR_CRi", 65.0), ("all", "ORR", 70.0)]),
])
def test_phrasings_sum_of_parts(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


def test_ci_after_a_rates_own_count(nlp):
    """"68% (34/50; 95% CI, 53%-80%)": the bounds after the count's CI label are the CI, not rates."""
    record = _run(nlp, "The CR rate was 68% (34/50; 95% CI, 53%-80%).")
    assert [(o["endpoint"], o["value"], o["count"], o["denominator"], o["ci95"]) for o in record["outcomes"]] == \
        [("CR", 68.0, 34.0, 50.0, [53.0, 80.0])]


@pytest.mark.parametrize("text, outcomes", [
    # blast percentages name groups, they state no rate
    ("CR rates were 90%, 70% and 40% for patients with <5%, 5-50% and >50% marrow blasts, respectively.",
     [("CR", 40.0), ("CR", 70.0), ("CR", 90.0)]),
    ("Patients with 5% to 20% blasts had a CR rate of 80%.", [("CR", 80.0)]),
])
def test_phrasings_blast_thresholds(nlp, text, outcomes):
    assert sorted((e, v) for _, e, v in _outcomes(_run(nlp, text))) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # a transplant received before enrolment is history, however far "had" stands from it
    ("Twelve patients (30%) had previously received an allogeneic HCT before enrollment.", []),
    ("Twelve (30%) had previously received an allograft before enrollment.", []),
    ("Overall, 40% of patients received an allograft.", [("HSCT", 40.0)]),
    # an MRD-negative status stated as its absence
    ("Among the 25 patients with CR/CRi, 20 (80%) had no detectable MRD.", [("MRD_NEG", 80.0)]),
])
def test_phrasings_transplant_and_mrd(nlp, text, outcomes):
    assert [(e, v) for _, e, v in _outcomes(_run(nlp, text))] == outcomes


@pytest.mark.parametrize("text", [
    # a zero of a subgroup named inside the negated subject is not the cohort's zero (the group is not read as an arm)
    "None of the eight patients with TP53 mutation responded.",
    "No patient with T-ALL achieved CR.",
])
def test_subgroup_zero_is_not_the_cohorts(nlp, text):
    found = _outcomes(_run(nlp, text))
    assert ("all", "CR", 0.0) not in found and ("all", "ORR", 0.0) not in found


@pytest.mark.parametrize("text, outcomes", [
    # an adverb alone between a count and its verb: the count is the later endpoint's subject
    ("Of the 85 patients, 36 (42%) achieved CR, and 20 (24%) subsequently underwent allogeneic HSCT.",
     [("all", "CR", 42.0), ("all", "HSCT", 24.0)]),
    ("Thirty patients (60%) achieved CR/CRi and 18 (36%) eventually proceeded to HSCT.",
     [("all", "CR_CRi", 60.0), ("all", "HSCT", 36.0)]),
])
def test_phrasings_adverb_before_the_verb(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # a list of endpoints whose values are given once per arm, the runs joined by a comparator
    ("Rates of CR and CR/CRi were 40% and 55% with inotuzumab versus 20% and 30% with chemotherapy.",
     [("chemotherapy", "CR", 20.0), ("chemotherapy", "CR_CRi", 30.0), ("inotuzumab ozogamicin", "CR", 40.0),
      ("inotuzumab ozogamicin", "CR_CRi", 55.0)]),
    ("Median EFS and OS were 7.3 and 9.1 months in the blinatumomab arm compared with 4.6 and 6.5 months in the "
     "chemotherapy arm.",
     [("blinatumomab", "EFS_MEDIAN", 7.3), ("blinatumomab", "OS_MEDIAN", 9.1), ("chemotherapy", "EFS_MEDIAN", 4.6),
      ("chemotherapy", "OS_MEDIAN", 6.5)]),
    # negative: one run stays zipped, and values after it for one endpoint are not split across the list
    ("EFS and OS were 50% and 70%, respectively.", [("all", "EFS_RATE", 50.0), ("all", "OS_RATE", 70.0)]),
])
def test_phrasings_endpoint_list_per_arm(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # a share "of CRs" in words names the group the share is of
    ("Eighty-five percent of CRs were MRD-negative.", [("MRD_NEG", 85.0)]),
    # the MRD threshold as a power of ten is part of the endpoint; clearance of MRD is its negativity
    ("Of the patients in CR, 90% had MRD below 10^-4.", [("MRD_NEG", 90.0)]),
    ("Of the patients in CR, 90% had MRD below 10-4.", [("MRD_NEG", 90.0)]),
    ("MRD clearance was achieved in 65% of patients.", [("MRD_NEG", 65.0)]),
    # "at a median of 24 months" after a state is when the patients were seen, no median of the endpoint
    ("Ten patients (25%) remain alive at a median of 24 months.", []),
])
def test_phrasings_mrd_and_medians(nlp, text, outcomes):
    assert [(e, v) for _, e, v in _outcomes(_run(nlp, text))] == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # a bare response opening its sentence with its definition in brackets: CR plus PR is the overall response,
    # CR plus CRi/CRh the composite
    ("Responses (CR or PR) occurred in 12 of 20 patients.", [("all", "ORR", 60.0)]),
    ("Responses (CR or CRi) occurred in 12 of 20 patients (60%).", [("all", "CR_CRi", 60.0)]),
    ("Remissions (CR/CRh) were achieved in 40% of patients.", [("all", "CR_CRi", 40.0)]),
    ("Responses (n = 12) were durable.", []),
    # a death of the induction named with its verb, and its zero
    ("Three deaths occurred during induction (6%).", [("all", "EARLY_DEATH", 6.0)]),
    ("No deaths occurred during induction.", [("all", "EARLY_DEATH", 0.0)]),
])
def test_phrasings_defined_response_and_induction_deaths(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("label, outcomes", [
    # a labelled background states what was known before the study, not its results
    ("BACKGROUND", []),
    ("Introduction", []),
    ("RESULTS", [("all", "CR", 30.0), ("all", "OS_MEDIAN", 4.0)]),
])
def test_background_sections_state_no_results(nlp, label, outcomes):
    text = "With standard salvage chemotherapy, the CR rate is 30% and median OS 4 months."
    assert _outcomes(_run(nlp, text, label=label)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # a change "from X to Y" states two values, no range
    ("The CR rate increased from 30% to 60% after the second cycle.", [("CR", 30.0, None), ("CR", 60.0, None)]),
    ("The incidence of CRS decreased from 80% to 40% after protocol amendment.",
     [("CRS", 40.0, None), ("CRS", 80.0, None)]),
    # negative: a range stays one value
    ("CR rates ranged from 40% to 60% across dose levels.", [("CR", 40.0, 60.0)]),
])
def test_phrasings_change_is_no_range(nlp, text, outcomes):
    assert sorted((o["endpoint"], o["value"], o.get("value_max")) for o in _run(nlp, text)["outcomes"]) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # a colon after a rate whose value precedes it opens its breakdown: CR and CRi make it the composite
    ("Overall, 25 of 36 patients (69%) responded: 20 CR and 5 CRi.", [("all", "CR_CRi", 69.0)]),
    ("Overall, 25 of 36 patients (69%) responded: 20 CR and 5 PR.", [("all", "ORR", 69.0)]),
    # a remission with MRD left is neither the CR rate nor MRD negativity
    ("MRD-negative CR was achieved in 45% of patients, and an additional 10% achieved MRD-positive CR.",
     [("all", "MRD_NEG", 45.0)]),
])
def test_phrasings_breakdowns_and_mrd_positive_remission(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # a share after "in the" names the group a value is of
    ("The CR rate was 60% in the 38% of patients who were in first salvage.", [("CR", 60.0)]),
    # "having" is the verb of a part's subject: the count and percentage are the CRi part's
    ("CR was achieved in 60% of patients, with 5 (12%) having CRi.", [("CR", 60.0)]),
])
def test_phrasings_group_shares_and_parts(nlp, text, outcomes):
    assert [(e, v) for _, e, v in _outcomes(_run(nlp, text))] == outcomes


@pytest.mark.parametrize("text, ci95", [
    # a list of percentages is no CI; a comma tail inside the value's bracket is
    ("Grade 1, 2, 3 and 4 CRS occurred in 30%, 20%, 10% and 5% of patients, respectively.", [None] * 4),
    ("CR was achieved in 34 patients (88%, 78-98%).", [[78.0, 98.0]]),
    ("The CR rate was 88% (78, 98%).", [[78.0, 98.0]]),
])
def test_unlabelled_ci_needs_a_bracket(nlp, text, ci95):
    assert [o["ci95"] for o in _run(nlp, text)["outcomes"]] == ci95


@pytest.mark.parametrize("text, outcomes", [
    # the state of transplanted patients is their state at transplant, no response rate
    ("Of 30 patients transplanted, 20 (67%) were in CR2.", []),
    ("Of the 30 patients who were transplanted, 20 (67%) were in CR.", []),
    # negative: a state after the salvage, with a transplant after it, is its result
    ("Twenty patients (50%) were in CR after two cycles and 15 were transplanted.", [("all", "CR", 50.0)]),
])
def test_phrasings_state_of_the_transplanted(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcome", [
    # "all but n of N" counts the rest of the N (it gave n/N)
    ("All but two of the 40 patients achieved CR.", ("CR", 95.0, 38.0, 40.0)),
    ("Remission was achieved in all but two of the 40 patients.", ("ORR", 95.0, 38.0, 40.0)),
])
def test_phrasings_all_but_a_fraction(nlp, text, outcome):
    assert [(o["endpoint"], o["value"], o["count"], o["denominator"]) for o in _run(nlp, text)["outcomes"]] == [outcome]


def test_a_later_time_point_before_its_values(nlp):
    """"... respectively, and the 2-year rates 30% and 15%": the values after a later time point are at it."""
    record = _run(nlp, "The 1-year OS rates were 50% and 30% in the inotuzumab and chemotherapy arms, respectively, "
                       "and the 2-year rates 30% and 15%.")
    assert sorted((o["value"], o["timepoint_months"]) for o in record["outcomes"]) == \
        [(15.0, 24.0), (30.0, 12.0), (30.0, 24.0), (50.0, 12.0)]


@pytest.mark.parametrize("text, outcomes", [
    # a list of time points whose values are given once per group: each group's run is zipped with the list
    ("The 1- and 3-year OS were 60% and 40% in Ph-negative and 50% and 30% in Ph-positive patients.",
     [("Ph-negative", 12.0, 60.0), ("Ph-negative", 36.0, 40.0), ("Ph-positive", 12.0, 50.0),
      ("Ph-positive", 36.0, 30.0)]),
    ("The 1- and 2-year OS rates were 50% and 30% with inotuzumab versus 40% and 20% with chemotherapy.",
     [(None, 12.0, 40.0), (None, 12.0, 50.0), (None, 24.0, 20.0), (None, 24.0, 30.0)]),
])
def test_phrasings_time_point_list_per_group(nlp, text, outcomes):
    found = [(o["arm"] if outcomes[0][0] else None, o["timepoint_months"], o["value"])
             for o in _run(nlp, text)["outcomes"]]
    assert sorted(found) == outcomes
