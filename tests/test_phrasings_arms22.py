"""Recurring phrasings of values split per subgroup or arm (fifteenth round): a group and "other" patients ("in
KMT2A-rearranged (n = 8) and other (n = 20) patients"), genes with a lesion word shared ("TP53, IKZF1 and CDKN2A
alterations"), a prior therapy after "after" ("55% after prior blinatumomab"), two groups compared in the values'
bracket ("(first vs later salvage: 80% vs 55%)") or the levels of a dimension in a bracket before the values ("by age
(< 55 vs ≥ 55 years) were 80% vs 60%"), and a bare age bound ("those ≥ 55 years"). Written in our own words, run end
to end; the figures are invented.
"""
from __future__ import annotations

import pytest

from phrasing_cases import outcome_triples as _outcomes, run_text as _run


INO = "Forty patients received inotuzumab. "
CAR_T = "Forty patients received CAR T cells. "


@pytest.mark.parametrize("text, outcomes", [
    # "other" as the second of two listed groups: the patients outside the first (was "group 1" and the first's name
    # on the second value)
    (INO + "CR rates were 50% and 75% in KMT2A-rearranged (n = 8) and other (n = 20) patients, respectively.",
     [("KMT2A-rearranged", "CR", 50.0), ("not KMT2A-rearranged", "CR", 75.0)]),
    (INO + "CR rates were 50% and 75% in KMT2A-rearranged and other patients, respectively.",
     [("KMT2A-rearranged", "CR", 50.0), ("not KMT2A-rearranged", "CR", 75.0)]),
    (INO + "The CR rate was 50% in KMT2A-rearranged (n = 8) and 75% in other (n = 20) patients.",
     [("KMT2A-rearranged", "CR", 50.0), ("not KMT2A-rearranged", "CR", 75.0)]),
    # a gene of two digits is a name in a list ("TP53" was cut at its second digit)
    (INO + "CR rates were 50% and 75% in patients with TP53 mutation and the others, respectively.",
     [("TP53 mutation", "CR", 50.0), ("no TP53 mutation", "CR", 75.0)]),
    # a lesion word shared by the genes of a list (was "TP53", "IKZF1" and "CDKN2A alterations")
    (CAR_T + "CR rates were 50%, 65% and 75% in patients with TP53, IKZF1 and CDKN2A alterations, respectively.",
     [("CDKN2A alterations", "CR", 75.0), ("IKZF1 alterations", "CR", 65.0), ("TP53 alterations", "CR", 50.0)]),
    # negative: two named groups stay as named; the remission codes take no shared head
    (CAR_T + "CR rates were 50% and 75% in CD19-negative and CD19-positive patients, respectively.",
     [("CD19-negative", "CR", 50.0), ("CD19-positive", "CR", 75.0)]),
    (INO + "CR rates were 50% and 75% in Ph-like and other B-ALL, respectively.",
     [("Ph-like B-ALL", "CR", 50.0), ("other B-ALL", "CR", 75.0)]),
])
def test_arms22_listed_genetic_groups(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # "after prior X" names the group by the therapy it had (was the cohort's CR)
    (INO + "The CR rate was 55% after prior blinatumomab.", [("prior blinatumomab", "CR", 55.0)]),
    (INO + "The CR rate was 55% after prior blinatumomab versus 75% in blinatumomab-naive patients.",
     [("blinatumomab-naive", "CR", 75.0), ("prior blinatumomab", "CR", 55.0)]),
    (INO + "The CR rate was 55% after prior HSCT and 75% in patients without prior HSCT.",
     [("no prior HSCT", "CR", 75.0), ("prior HSCT", "CR", 55.0)]),
    # negative: "after" a number of cycles is a time of assessment, the cohort's value
    (INO + "The CR rate was 55% after two cycles.", [("all", "CR", 55.0)]),
])
def test_arms22_after_prior_therapy(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # two groups compared at the head of the values' bracket (were "group 1" and "group 2")
    (INO + "CR rates differed by salvage status (first salvage vs later salvage: 80% vs 55%; P = .01).",
     [("first salvage", "CR", 80.0), ("later salvage", "CR", 55.0)]),
    (INO + "CR rates were higher in first salvage (first vs later salvage, 80% vs 55%).",
     [("first salvage", "CR", 80.0), ("later salvage", "CR", 55.0)]),
    (INO + "CR rates differed by salvage status (first vs later: 80% vs 55%).",
     [("first salvage", "CR", 80.0), ("later salvage", "CR", 55.0)]),
    (CAR_T + "Median OS (T-ALL vs B-ALL: 8.1 vs 14.2 months) differed.",
     [("B-ALL", "OS_MEDIAN", 14.2), ("T-ALL", "OS_MEDIAN", 8.1)]),
    (CAR_T + "The 1-year OS (Ph-positive vs Ph-negative, 70% vs 50%) was similar.",
     [("Ph-negative", "OS_RATE", 50.0), ("Ph-positive", "OS_RATE", 70.0)]),
    # the levels of a dimension in a bracket before the values
    (INO + "CR rates by age (< 55 vs ≥ 55 years) were 80% vs 60%.",
     [("age <55 years", "CR", 80.0), ("age ≥55 years", "CR", 60.0)]),
    (INO + "CR rates by age (< 55 vs ≥ 55 years) were 80% and 60%, respectively.",
     [("age <55 years", "CR", 80.0), ("age ≥55 years", "CR", 60.0)]),
    (CAR_T + "CR rates by marrow blasts (< 50% vs ≥ 50%) were 90% vs 60%.",
     [("marrow blasts <50%", "CR", 90.0), ("marrow blasts ≥50%", "CR", 60.0)]),
    (CAR_T + "CR rates by disease burden (low vs high) were 90% and 60%, respectively.",
     [("high disease burden", "CR", 60.0), ("low disease burden", "CR", 90.0)]),
    (CAR_T + "CR rates by lineage (T-ALL vs B-ALL) were 50% vs 80%.", [("B-ALL", "CR", 80.0), ("T-ALL", "CR", 50.0)]),
    # an age bound left bare after "those" is an age bound too (was "≥55 years")
    (INO + "The CR rate was 80% in patients < 55 years and 60% in those ≥ 55 years.",
     [("age <55 years", "CR", 80.0), ("age ≥55 years", "CR", 60.0)]),
])
def test_arms22_groups_compared_in_a_bracket(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text", [
    # negative: endpoints, cycles or assays compared in the bracket name no groups
    CAR_T + "CR rates by cycle (cycle 1 vs cycle 2) were 50% vs 80%.",
    CAR_T + "CR rates by assay (flow vs PCR) were 50% vs 80%.",
    CAR_T + "Response rates (CR vs CRi: 40% vs 20%) were reported.",
])
def test_arms22_bracket_sides_that_name_no_group(nlp, text):
    labels = {o["arm"] for o in _run(nlp, text)["outcomes"]}
    assert not labels & {"cycle 1", "cycle 2", "flow", "PCR", "CR", "CRi"}


def test_arms22_arm_bracket_still_names_arms(nlp):
    text = ("Patients were randomly assigned to blinatumomab (n = 271) or chemotherapy (n = 134). CR rates "
            "(blinatumomab vs chemotherapy: 34% vs 16%) favored blinatumomab.")
    assert _outcomes(_run(nlp, text)) == [("blinatumomab", "CR", 34.0), ("chemotherapy", "CR", 16.0)]


@pytest.mark.parametrize("text, outcomes", [
    # a list after a colon, each group with its bracketed value (only the first value was kept)
    (INO + "CR rates were as follows: first salvage (80%), second salvage (60%), and later salvage (40%).",
     [("first salvage", "CR", 80.0), ("later salvage", "CR", 40.0), ("second salvage", "CR", 60.0)]),
    (INO + "CRS rates were as follows: children (40%), adults (25%).",
     [("adults", "CRS", 25.0), ("children", "CRS", 40.0)]),
    # ... or each group before its value, items split by semicolons (the first was the cohort's, the last "and later
    # salvage")
    (INO + "CR rates were: first salvage, 80%; second salvage, 60%; later salvage, 40%.",
     [("first salvage", "CR", 80.0), ("later salvage", "CR", 40.0), ("second salvage", "CR", 60.0)]),
    (INO + "CR rates were as follows: first salvage, 80%; second salvage, 60%; and later salvage, 40%.",
     [("first salvage", "CR", 80.0), ("later salvage", "CR", 40.0), ("second salvage", "CR", 60.0)]),
    (INO + "The CR rate was: overall, 60%; first salvage, 70%.", [("all", "CR", 60.0), ("first salvage", "CR", 70.0)]),
    # negative: endpoints or measures listed after a colon are no groups
    (INO + "Outcomes were: CR rate, 40%; median OS, 7.7 months.", [("all", "CR", 40.0), ("all", "OS_MEDIAN", 7.7)]),
    (INO + "Adverse events were: neutropenia (40%), CRS (20%), and neurotoxicity (10%).",
     [("all", "CRS", 20.0), ("all", "NEURO", 10.0)]),
    (INO + "Responses were as follows: CR (40%), CRi (20%), and PR (10%).", [("all", "CR", 40.0)]),
])
def test_arms22_groups_listed_after_a_colon(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # a list of groups the sentence opens with zips the values without "respectively" (were the cohort and "group N")
    (INO + "For first, second and third salvage, the CR rates were 80%, 60% and 40%.",
     [("first salvage", "CR", 80.0), ("second salvage", "CR", 60.0), ("third salvage", "CR", 40.0)]),
    (INO + "In children and adults, CR rates were 90% and 70%.", [("adults", "CR", 70.0), ("children", "CR", 90.0)]),
    (INO + "Among Ph-positive and Ph-negative patients, the CR rates were 90% and 70%.",
     [("Ph-negative", "CR", 70.0), ("Ph-positive", "CR", 90.0)]),
    (INO + "For first and second salvage, CR rates were 80% and 60%, and median OS 9.1 and 5.2 months.",
     [("first salvage", "CR", 80.0), ("first salvage", "OS_MEDIAN", 9.1), ("second salvage", "CR", 60.0),
      ("second salvage", "OS_MEDIAN", 5.2)]),
    # negative: a leading list of endpoints zips endpoints, not groups; one scope and two endpoints stay the scope's
    (INO + "For OS and EFS, the 1-year rates were 50% and 40%.", [("all", "EFS_RATE", 40.0), ("all", "OS_RATE", 50.0)]),
    (INO + "In first salvage, the CR rate was 80% and 70% achieved MRD negativity.",
     [("first salvage", "CR", 80.0), ("first salvage", "MRD_NEG", 70.0)]),
    # negative: the opening list is one population when each value names its own group after it
    (INO + "Among patients with T-ALL and marrow relapse, the CR rate was 60% in first relapse and 30% in later relapse.",
     [("first relapse", "CR", 60.0), ("later relapse", "CR", 30.0)]),
])
def test_arms22_groups_listed_before_the_values(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # a prior therapy named before the value, or as the sentence's scope (were the cohort's)
    (INO + "The CR rate after prior blinatumomab was 55%.", [("prior blinatumomab", "CR", 55.0)]),
    (INO + "After prior blinatumomab, the CR rate was 55%.", [("prior blinatumomab", "CR", 55.0)]),
    (INO + "Following previous allogeneic HSCT, median OS was 6.1 months.",
     [("prior allogeneic HSCT", "OS_MEDIAN", 6.1)]),
    (INO + "The CR rate was 55% after previous allogeneic HSCT.", [("prior allogeneic HSCT", "CR", 55.0)]),
    (INO + "After prior blinatumomab, the CR rate was 55%, compared with 75% in blinatumomab-naive patients.",
     [("blinatumomab-naive", "CR", 75.0), ("prior blinatumomab", "CR", 55.0)]),
    # the scope is the sentence's own: the next sentence is the cohort's again
    (INO + "The CR rate was 60%. After prior blinatumomab, the CR rate was 55%. Median OS was 7.0 months.",
     [("all", "CR", 60.0), ("all", "OS_MEDIAN", 7.0), ("prior blinatumomab", "CR", 55.0)]),
    # the arms' values within the subgroup of a randomized study
    ("Patients were randomly assigned to inotuzumab (n = 109) or standard of care (n = 109). After prior HSCT, the CR "
     "rate was 70% with inotuzumab and 30% with standard of care.",
     [("inotuzumab ozogamicin, prior HSCT", "CR", 70.0), ("standard of care, prior HSCT", "CR", 30.0)]),
    # negative: the prior therapy every patient had, follow-up and cycles name no group
    (INO + "After prior therapy with a median of two regimens, the CR rate was 60%.", [("all", "CR", 60.0)]),
    (INO + "The CR rate was 60% after prior chemotherapy.", [("all", "CR", 60.0)]),
    (INO + "After a median follow-up of 12 months, median OS was 7.1 months.", [("all", "OS_MEDIAN", 7.1)]),
    (INO + "The CR rate after two cycles was 55%.", [("all", "CR", 55.0)]),
])
def test_arms22_prior_therapy_named_before_the_value(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


RANDOMIZED = "Patients were randomly assigned to blinatumomab (n = 271) or chemotherapy (n = 134). "


@pytest.mark.parametrize("text, outcomes", [
    # an arm as the subject with its n bracket (were the cohort's)
    (RANDOMIZED + "The blinatumomab arm (n = 271) had a CR rate of 34%.", [("blinatumomab", "CR", 34.0)]),
    (RANDOMIZED + "The blinatumomab arm (n = 271) had a median OS of 7.7 months.",
     [("blinatumomab", "OS_MEDIAN", 7.7)]),
    (RANDOMIZED + "The blinatumomab arm (n = 271) had a CR rate of 34% and the chemotherapy arm (n = 134) a CR rate "
     "of 16%.", [("blinatumomab", "CR", 34.0), ("chemotherapy", "CR", 16.0)]),
])
def test_arms22_arm_subject_with_its_n(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


def test_arms22_other_groups_n_is_no_arms_n(nlp):
    # negative: another group's n bracket between the arm and the value does not make the value the whole arm's
    record = _run(nlp, RANDOMIZED + "With blinatumomab, in patients with high burden (n = 40), the CR rate was 30%.")
    assert [o["arm"] for o in record["outcomes"]] != ["blinatumomab"]


@pytest.mark.parametrize("text, outcomes", [
    # a gene of two digits in a group named between the endpoint and its verb (was "group 1")
    (INO + "The CR rate in patients with TP53 mutation was 40% compared with 70% in wild-type patients.",
     [("TP53 mutation", "CR", 40.0), ("wild-type", "CR", 70.0)]),
    # levels each with its threshold bracket, the noun shared (were "group 1" and "early")
    (INO + "CR rates were 80% and 60% for early (< 12 months) and late (≥ 12 months) relapse, respectively.",
     [("early relapse", "CR", 80.0), ("late relapse", "CR", 60.0)]),
    # clauses each opening with a subtype of ALL (both values were the first clause's)
    (INO + "In patients with Ph-like ALL, CR was 60%; in those with Ph-positive ALL, it was 80%.",
     [("Ph-like ALL", "CR", 60.0), ("Ph-positive ALL", "CR", 80.0)]),
    (INO + "In patients with T-ALL, the CR rate was 45%; in those with B-ALL, it was 70%.",
     [("B-ALL", "CR", 70.0), ("T-ALL", "CR", 45.0)]),
    # negative: "all" patients in a later clause are the cohort
    (INO + "The CR rate was 70%; in all evaluable patients, it was 75%.", [("all", "CR", 70.0), ("all", "CR", 75.0)]),
])
def test_arms22_subtypes_and_thresholds(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # a subset included in the whole, its noun left out (were "group 1" and "group 2")
    (INO + "CR was achieved in 28 of 40 (70%) patients, including 10 of 12 (83%) with TP53 mutation.",
     [("TP53 mutation", "CR", 83.0), ("all", "CR", 70.0)]),
    (INO + "CR was achieved in 28 of 40 (70%) patients, including 10 of 12 (83%) patients with TP53 mutation.",
     [("TP53 mutation", "CR", 83.0), ("all", "CR", 70.0)]),
    # the subject's group and the rest of the patients (were "group 1" and "group 2")
    (INO + "Patients with KMT2A rearrangement (n = 8) had a CR rate of 50%, versus 75% for the remaining patients.",
     [("KMT2A rearrangement", "CR", 50.0), ("no KMT2A rearrangement", "CR", 75.0)]),
    # a status in lower case as a later clause's subject (was "group 2", and the first "group 1")
    (INO + "Blinatumomab-naive patients had a CR rate of 75%, whereas blinatumomab-exposed patients had 55%.",
     [("Blinatumomab-naive", "CR", 75.0), ("blinatumomab-exposed", "CR", 55.0)]),
    # bracket items compared by "vs", each group before its value (were "group 2" and "group 3")
    (INO + "The CR rate was 70% (TP53-mutated 50% versus TP53 wild-type 80%).",
     [("TP53 wild-type", "CR", 80.0), ("TP53-mutated", "CR", 50.0), ("all", "CR", 70.0)]),
    (INO + "The CR rate was 70% (first salvage 80% vs later salvage 55%).",
     [("all", "CR", 70.0), ("first salvage", "CR", 80.0), ("later salvage", "CR", 55.0)]),
    # negative: a statistic's bracket names no group
    (INO + "The CR rate was 70% (95% CI 50% vs 80%).", [("all", "CR", 70.0)]),
])
def test_arms22_included_rest_and_vs_items(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text", [
    # negative: a grade, a severity or a quality of the events after "including ... with" is no group of patients
    CAR_T + "CRS occurred in 28 of 40 (70%) patients, including 4 (10%) with grade 3 or higher CRS.",
    CAR_T + "CRS occurred in 70%, including 10% with grade ≥3 events.",
    CAR_T + "Neurotoxicity occurred in 20 (50%), including 4 (10%) with severe events.",
    CAR_T + "CR/CRi was achieved in 30 (75%), including 20 (50%) with full count recovery.",
])
def test_arms22_event_quality_is_no_group(nlp, text):
    labels = {o["arm"] for o in _run(nlp, text)["outcomes"]}
    assert not any(word in label for label in labels for word in ("grade", "severe", "recovery"))


@pytest.mark.parametrize("text, outcomes", [
    # each value in a bracket after "with" and "without" (the second value was dropped, the first the cohort's)
    (CAR_T + "CR rates were similar in patients with (85%) and without (80%) prior HSCT.",
     [("no prior HSCT", "CR", 80.0), ("prior HSCT", "CR", 85.0)]),
    (CAR_T + "CR rates were similar with (85%) or without (80%) prior blinatumomab.",
     [("no prior blinatumomab", "CR", 80.0), ("prior blinatumomab", "CR", 85.0)]),
    # a one-word level before the comparison word takes the noun of the level after it (was "low", "MRD-negative")
    (CAR_T + "The 1-year OS was 80% vs 40% in MRD-negative vs MRD-positive responders.",
     [("MRD-negative responders", "OS_RATE", 80.0), ("MRD-positive responders", "OS_RATE", 40.0)]),
    (CAR_T + "Median EFS was 18.0 vs 4.3 months in patients with low vs high disease burden.",
     [("high disease burden", "EFS_MEDIAN", 4.3), ("low disease burden", "EFS_MEDIAN", 18.0)]),
    (CAR_T + "The CR rate was higher with low than with high tumor burden (90% vs 70%).",
     [("high tumor burden", "CR", 70.0), ("low tumor burden", "CR", 90.0)]),
    (CAR_T + "OS was longer in early versus late relapse (5.0 vs 9.0 months).",
     [("early relapse", "OS_MEDIAN", 5.0), ("late relapse", "OS_MEDIAN", 9.0)]),
    # two populations compared around "than" (were the cohort's twice)
    (CAR_T + "The CR rate was higher in children than in adults (90% vs 70%).",
     [("adults", "CR", 70.0), ("children", "CR", 90.0)]),
    # negative: a level with a noun of its own keeps it; responders and non-responders stay as written
    (CAR_T + "OS was longer in responders than in non-responders (15.0 vs 4.0 months).",
     [("non-responders", "OS_MEDIAN", 4.0), ("responders", "OS_MEDIAN", 15.0)]),
    (CAR_T + "The CR rate was 90% in Ph-negative versus 70% in Ph-positive patients.",
     [("Ph-negative", "CR", 90.0), ("Ph-positive", "CR", 70.0)]),
])
def test_arms22_paired_levels(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # "those who proceeded to HSCT" and its elided complement (were "who proceeded to HSCT", "no who proceeded ...")
    (INO + "The CR rate was 75% in those who proceeded to HSCT and 40% in those who did not.",
     [("HSCT", "CR", 75.0), ("no HSCT", "CR", 40.0)]),
    # the comparator named first, the subject's value first in the bracket (were "group 1" and "group 2")
    (INO + "Compared with patients in first salvage, those in later salvage had lower CR rates (45% vs 80%).",
     [("first salvage", "CR", 80.0), ("later salvage", "CR", 45.0)]),
    (INO + "Compared with younger patients, patients aged 60 years or older had shorter median OS (4.0 vs 9.0 months).",
     [("aged <60 years", "OS_MEDIAN", 9.0), ("aged >=60 years", "OS_MEDIAN", 4.0)]),
    # negative: the arms' own comparison stays theirs
    (RANDOMIZED + "Compared with chemotherapy, blinatumomab improved median EFS (7.3 vs 4.6 months).",
     [("blinatumomab", "EFS_MEDIAN", 7.3), ("chemotherapy", "EFS_MEDIAN", 4.6)]),
])
def test_arms22_transplant_and_comparator_first(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text", [
    # negative: a comparator that names no patients of the study (a time, another treatment) names no group
    INO + "Compared with baseline, patients had higher CR rates (80% vs 40%).",
    INO + "Compared with standard chemotherapy, inotuzumab-treated patients had higher CR rates (80% vs 40%).",
])
def test_arms22_comparator_first_that_names_no_patients(nlp, text):
    labels = {o["arm"] for o in _run(nlp, text)["outcomes"]}
    assert not labels & {"baseline", "standard chemotherapy"}


@pytest.mark.parametrize("text, outcomes", [
    # "after prior X" and its complement "without it" (the second was "group 2")
    (INO + "The CR rate was 55% after prior blinatumomab and 75% without it.",
     [("no prior blinatumomab", "CR", 75.0), ("prior blinatumomab", "CR", 55.0)]),
    (INO + "The CR rate was 55% with prior blinatumomab and 75% without.",
     [("no prior blinatumomab", "CR", 75.0), ("prior blinatumomab", "CR", 55.0)]),
])
def test_arms22_prior_therapy_and_without_it(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


def test_arms22_after_a_time_has_no_complement(nlp):
    # negative: "after" a number of cycles is no therapy, so neither value is a group named by it or its complement
    labels = [o["arm"] for o in _run(nlp, INO + "The CR rate was 55% after one cycle and 75% without it.")["outcomes"]]
    assert not any("cycle" in label for label in labels)
