"""Recurring phrasings of values split per arm or subgroup (fourteenth round): populations each with a bracketed value
("similar in children (90%) and adults (85%)"), a third bracketed item paired with the first ("in first salvage
(75%), second salvage (60%) and later salvage (40%)"), a marker status naming a group ("40% in CD19-negative and 55%
in CD19-positive patients"), AYAs beside children and adults, a sentence of its own stating the value of the
endpoint the sentence before named ("In the SOC arm, it was 29.4%"), and doses listed without their ns as the groups
of a later "respectively" ("1 × 10^6, 3 × 10^6 or 1 × 10^7 CAR T cells/kg", "at 0.8, 1.2 or 1.8 mg/m2"). Written in
our own words, run end to end; the figures are invented.
"""
from __future__ import annotations

import pytest

from phrasing_cases import outcome_triples as _outcomes, run_text as _run


COHORT = "Sixty children and 40 adults were treated with blinatumomab. "
CAR_T = "Forty patients received CAR T cells. "


@pytest.mark.parametrize("text, outcomes", [
    # two populations each with its bracketed value: the second was dropped (its bracket read as another measure's)
    (COHORT + "CR rates were similar in children (90%) and adults (85%).",
     [("adults", "CR", 85.0), ("children", "CR", 90.0)]),
    (COHORT + "CR rates were similar among children (90%) and adults (85%).",
     [("adults", "CR", 85.0), ("children", "CR", 90.0)]),
    # a third bracketed item pairs with the first (the third value was dropped)
    (COHORT + "CR rates in first salvage (75%), second salvage (60%) and later salvage (40%) differed.",
     [("first salvage", "CR", 75.0), ("later salvage", "CR", 40.0), ("second salvage", "CR", 60.0)]),
    # a marker status after a value's "in" names the group (the status was an unscored measure owning 55%)
    (CAR_T + "The CR rate was 40% in CD19-negative and 55% in CD19-positive patients.",
     [("CD19-negative", "CR", 40.0), ("CD19-positive", "CR", 55.0)]),
    (CAR_T + "The CR rate was 40% in CD19-negative patients and 55% in CD19-positive patients.",
     [("CD19-negative", "CR", 40.0), ("CD19-positive", "CR", 55.0)]),
    # AYAs beside children and adults: three populations, not the cohort twice
    (CAR_T + "The CR rate was 90% among children, 80% among AYAs and 70% among adults.",
     [("AYAs", "CR", 80.0), ("adults", "CR", 70.0), ("children", "CR", 90.0)]),
    (CAR_T + "CR rates were 90%, 80% and 70% in children, AYAs and adults, respectively.",
     [("AYAs", "CR", 80.0), ("adults", "CR", 70.0), ("children", "CR", 90.0)]),
    (CAR_T + "CR rates were 90%, 80% and 70% in children, adolescents and adults, respectively.",
     [("adolescents", "CR", 80.0), ("adults", "CR", 70.0), ("children", "CR", 90.0)]),
])
def test_arms21_values_of_listed_groups(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # the marker status stays an unscored measure when nothing makes it a group: no value to the cohort's CR
    (CAR_T + "The CR rate was 70%. Relapse occurred in 10 patients, and 40% of relapses were CD19-negative.",
     [("all", "CR", 70.0)]),
    (CAR_T + "The CR rate was 70%. CD19-negative relapses were seen in 20%.", [("all", "CR", 70.0)]),
])
def test_arms21_marker_status_without_a_group(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


INO = "Patients were randomized to inotuzumab (n = 164) or standard of care (n = 162). "
BLINA = "Patients were randomized to blinatumomab (n = 271) or chemotherapy (n = 134). "


@pytest.mark.parametrize("text, outcomes", [
    # "it" in a sentence of its own is the endpoint of the sentence before (the second arm's value was missed)
    (INO + "The CR rate in the InO arm was 80.7%. In the SOC arm, it was 29.4%.",
     [("inotuzumab ozogamicin", "CR", 80.7), ("standard of care", "CR", 29.4)]),
    (INO + "The CR rate in the InO arm was 80.7%. It was 29.4% in the SOC arm.",
     [("inotuzumab ozogamicin", "CR", 80.7), ("standard of care", "CR", 29.4)]),
    (INO + "The CR rate in the InO arm was 80.7%. The corresponding rate in the SOC arm was 29.4%.",
     [("inotuzumab ozogamicin", "CR", 80.7), ("standard of care", "CR", 29.4)]),
    (BLINA + "Median OS was 7.7 months in the blinatumomab group. In the chemotherapy group, it was 4.0 months.",
     [("blinatumomab", "OS_MEDIAN", 7.7), ("chemotherapy", "OS_MEDIAN", 4.0)]),
    # a subgroup of a single-arm study, too
    ("Sixty patients received inotuzumab. The CR rate was 60%. In first salvage, it was 70%.",
     [("all", "CR", 60.0), ("first salvage", "CR", 70.0)]),
    # negative: another study's figure, a time of its own, or the same group again add nothing
    ("Sixty patients received inotuzumab. The CR rate was 60%. This was higher than the 30% reported with "
     "chemotherapy.", [("all", "CR", 60.0)]),
    ("Sixty patients received inotuzumab. The CR rate was 60%. At 2 years, it was 70%.", [("all", "CR", 60.0)]),
    ("Sixty patients received inotuzumab. Median OS was 7.7 months. Median follow-up was 20 months, and it was 24 "
     "months for survivors.", [("all", "OS_MEDIAN", 7.7)]),
])
def test_arms21_value_named_by_it(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


def test_arms21_value_named_by_it_keeps_the_time_point(nlp):
    record = _run(nlp, BLINA + "The 1-year OS was 50% in the blinatumomab group. In the chemotherapy group, it was 30%.")
    assert sorted((o["arm"], o["endpoint"], o["value"], o["timepoint_months"]) for o in record["outcomes"]) == [
        ("blinatumomab", "OS_RATE", 50.0, 12.0), ("chemotherapy", "OS_RATE", 30.0, 12.0)]


@pytest.mark.parametrize("text, outcomes", [
    # doses listed without their ns, the unit once after the last: the groups of a bare "respectively" (were group 1/2/3)
    ("Patients received 1 × 10^6, 3 × 10^6 or 1 × 10^7 CAR T cells/kg. CR rates were 50%, 70% and 80%, respectively.",
     [("1 × 10^6 CAR T cells/kg", "CR", 50.0), ("1 × 10^7 CAR T cells/kg", "CR", 80.0),
      ("3 × 10^6 CAR T cells/kg", "CR", 70.0)]),
    ("Twenty patients received CAR T cells at doses of 1 × 10^6, 3 × 10^6 or 1 × 10^7 cells/kg. CR rates were 50%, 70% "
     "and 80% at the three dose levels, respectively.",
     [("1 × 10^6 cells/kg", "CR", 50.0), ("1 × 10^7 cells/kg", "CR", 80.0), ("3 × 10^6 cells/kg", "CR", 70.0)]),
    ("Sixty patients received inotuzumab at 0.8, 1.2 or 1.8 mg/m2. CR rates were 33%, 50% and 83%, respectively.",
     [("0.8 mg/m2", "CR", 33.0), ("1.2 mg/m2", "CR", 50.0), ("1.8 mg/m2", "CR", 83.0)]),
])
def test_arms21_doses_listed_before_respectively(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


THREE = "Patients were randomized to clofarabine (n = 40), clofarabine plus cytarabine (n = 42), or cytarabine (n = 41). "


@pytest.mark.parametrize("text, outcomes", [
    # a "respectively" list of the arms' short names after the values (was "group 1" and the first arm's value 29%)
    (INO + "CR rates were 88% and 29% with InO and SC, respectively.",
     [("inotuzumab ozogamicin", "CR", 88.0), ("standard of care", "CR", 29.0)]),
    (INO + "CR rates were 29% and 88% with SC and InO, respectively.",
     [("inotuzumab ozogamicin", "CR", 88.0), ("standard of care", "CR", 29.0)]),
    (INO + "Among patients in first salvage, CR rates were 88% and 29% with InO and SC, respectively.",
     [("inotuzumab ozogamicin, first salvage", "CR", 88.0), ("standard of care, first salvage", "CR", 29.0)]),
    (INO + "Median OS was 7.7 and 6.7 months with InO and SC, respectively.",
     [("inotuzumab ozogamicin", "OS_MEDIAN", 7.7), ("standard of care", "OS_MEDIAN", 6.7)]),
    # a one-drug arm's name is that arm, not the combination holding the drug (30% and 20% were swapped)
    (THREE + "CR rates were 30%, 45% and 20% for cytarabine, clofarabine and the combination, respectively.",
     [("clofarabine", "CR", 45.0), ("clofarabine + cytarabine", "CR", 20.0), ("cytarabine", "CR", 30.0)]),
    (THREE + "CR rates were 30% with clofarabine, 45% with the combination and 20% with cytarabine.",
     [("clofarabine", "CR", 30.0), ("clofarabine + cytarabine", "CR", 45.0), ("cytarabine", "CR", 20.0)]),
    # values of a clause after a semicolon go to the arms in text order (the two arms' values were swapped)
    (BLINA + "With blinatumomab, the CR rate was 34% and median OS 7.7 months; with chemotherapy, 16% and 4.0 months.",
     [("blinatumomab", "CR", 34.0), ("blinatumomab", "OS_MEDIAN", 7.7), ("chemotherapy", "CR", 16.0),
      ("chemotherapy", "OS_MEDIAN", 4.0)]),
])
def test_arms21_arms_zipped_with_values(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


SINGLE = "Sixty patients received inotuzumab. "


@pytest.mark.parametrize("text, outcomes", [
    # the subject names the first of three values (was "group 1")
    (SINGLE + "Patients in first salvage had a CR rate of 80%, compared with 55% in second salvage and 30% in third "
              "salvage.",
     [("first salvage", "CR", 80.0), ("second salvage", "CR", 55.0), ("third salvage", "CR", 30.0)]),
    # a dose after "at the" names its group (were "group 1" / "group 2")
    (SINGLE + "The CR rate was 80% at the 1.8 mg/m2 dose level and 50% at the 1.2 mg/m2 dose level.",
     [("1.2 mg/m2", "CR", 50.0), ("1.8 mg/m2", "CR", 80.0)]),
    # negative: one value at a dose is the cohort's
    (SINGLE + "The CR rate was 80% at the 1.8 mg/m2 dose.", [("all", "CR", 80.0)]),
])
def test_arms21_groups_of_a_single_arm_study(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


VS = "We compared 60 patients who received inotuzumab with 40 who received blinatumomab. "


@pytest.mark.parametrize("text, outcomes", [
    # JCO's bare "v" between two durations (the first value was dropped, the second went to `all`)
    (VS + "Inotuzumab was associated with a longer median OS (8.1 v 6.2 months).",
     [("blinatumomab", "OS_MEDIAN", 6.2), ("inotuzumab ozogamicin", "OS_MEDIAN", 8.1)]),
    (VS + "Median OS was 8.1 v 6.2 months.",
     [("blinatumomab", "OS_MEDIAN", 6.2), ("inotuzumab ozogamicin", "OS_MEDIAN", 8.1)]),
    # "none" joined to an arm's value and followed by the other arm: that arm's zero (was missed)
    (VS + "VOD occurred in 6 patients (10%) in the inotuzumab group and none in the blinatumomab group.",
     [("blinatumomab", "VOD", 0.0), ("inotuzumab ozogamicin", "VOD", 10.0)]),
    (INO + "VOD occurred in 11% of patients in the InO arm versus none in the SOC arm.",
     [("inotuzumab ozogamicin", "VOD", 11.0), ("standard of care", "VOD", 0.0)]),
    # negative: "none" of a clause with its own verb is no zero of the value's endpoint
    (SINGLE + "The CR rate was 60%, and none of the patients died.", [("all", "CR", 60.0)]),
])
def test_arms21_second_value_of_a_comparison(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text", [
    "The CR rate in first salvage was 50% with blinatumomab versus 25% with chemotherapy, and in later salvage 30% "
    "versus 10%.",
    "The CR rate in first salvage was 50% with blinatumomab and 25% with chemotherapy, and in later salvage 30% and 10%.",
    "The CR rate in first salvage was 50% with blinatumomab versus 25% with chemotherapy, and in later salvage was 30% "
    "versus 10%.",
])
def test_arms21_arm_pairs_per_salvage_line(nlp, text):
    # "later salvage" opens the second pair's clause as "second salvage" does (were group 3 / group 4)
    assert _outcomes(_run(nlp, BLINA + text)) == sorted([
        ("blinatumomab, first salvage", "CR", 50.0), ("chemotherapy, first salvage", "CR", 25.0),
        ("blinatumomab, later salvage", "CR", 30.0), ("chemotherapy, later salvage", "CR", 10.0)])


@pytest.mark.parametrize("text, outcomes", [
    # a value before a colon that its groups' values break down is the cohort's (was "group 1")
    (SINGLE + "HSCT was performed in 20 patients (33%): 15 of 30 (50%) in first salvage and 5 of 30 (17%) in later "
              "salvage.",
     [("all", "HSCT", 33.0), ("first salvage", "HSCT", 50.0), ("later salvage", "HSCT", 17.0)]),
    (SINGLE + "The CR rate was 70%: 82% in first salvage and 51% in second salvage.",
     [("all", "CR", 70.0), ("first salvage", "CR", 82.0), ("second salvage", "CR", 51.0)]),
    # ... and one that ", with" or "and was higher in" joins to them (was "group 1")
    (SINGLE + "The CR/CRi rate was 75%, with 86% in first salvage and 60% in second salvage.",
     [("all", "CR_CRi", 75.0), ("first salvage", "CR_CRi", 86.0), ("second salvage", "CR_CRi", 60.0)]),
    (SINGLE + "The CR/CRi rate was 75% and was higher in first salvage (86%) than in second salvage (60%).",
     [("all", "CR_CRi", 75.0), ("first salvage", "CR_CRi", 86.0), ("second salvage", "CR_CRi", 60.0)]),
])
def test_arms21_whole_before_a_colon_breakdown(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text", [
    "CR rates were 34% and 16%; among patients in first salvage, 44% and 25%.",
    "The CR rates were 34% and 16%, respectively, and 44% and 25% among patients in first salvage.",
])
def test_arms21_arm_pair_then_a_pair_in_a_group(nlp, text):
    # the arms' own pair before their pair within a group (were group 1/2/4 and "first salvage")
    assert _outcomes(_run(nlp, BLINA + text)) == sorted([
        ("blinatumomab", "CR", 34.0), ("chemotherapy", "CR", 16.0),
        ("blinatumomab, first salvage", "CR", 44.0), ("chemotherapy, first salvage", "CR", 25.0)])


@pytest.mark.parametrize("text, outcomes", [
    # a subject's bracketed value compared by "than" with one after the endpoint (the first was dropped)
    (BLINA + "Blinatumomab (34%) yielded more CRs than chemotherapy (16%).",
     [("blinatumomab", "CR", 34.0), ("chemotherapy", "CR", 16.0)]),
    (INO + "InO (74%) produced more CR/CRi than SC (31%).",
     [("inotuzumab ozogamicin", "CR_CRi", 74.0), ("standard of care", "CR_CRi", 31.0)]),
    # negative: a share of the cohort before a bracketed pair is not the endpoint's
    (SINGLE + "Patients with Ph-positive ALL (20%) had a lower CR rate than those with Ph-negative ALL (60% vs 80%).",
     [("Ph-negative ALL", "CR", 80.0), ("Ph-positive ALL", "CR", 60.0)]),
])
def test_arms21_bracketed_subject_compared(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # a fraction then its percentage after a comma or semicolon is one value (was 45% of count 36 and "group 2" 80%)
    (BLINA.replace("271", "45").replace("134", "44") + "CR rates were higher with blinatumomab (36/45, 80%) than with "
                                                      "chemotherapy (13/44, 30%).",
     [("blinatumomab", "CR", 80.0), ("chemotherapy", "CR", 30.0)]),
    ("Forty-five patients received blinatumomab. CR was achieved in 36/45, 80%.", [("all", "CR", 80.0)]),
    # a one-word predicate before the value's bracket names no group (was "high", "achieved")
    ("Forty-five patients received blinatumomab. The CR rate was high (36/45, 80%).", [("all", "CR", 80.0)]),
    ("Forty-five patients received blinatumomab. CR was achieved (36 of 45; 80%).", [("all", "CR", 80.0)]),
    ("Forty-five patients received blinatumomab. The CR rate was high (80%).", [("all", "CR", 80.0)]),
])
def test_arms21_fraction_then_its_percentage(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


def test_arms21_fraction_then_its_percentage_keeps_the_count(nlp):
    record = _run(nlp, "Forty-five patients received blinatumomab. The CR rate was high (36/45, 80%).")
    assert [(o["value"], o["count"], o["denominator"]) for o in record["outcomes"]] == [(80.0, 36.0, 45.0)]


@pytest.mark.parametrize("text, outcomes", [
    # two treatments after "with", each with its bracketed value: the second was dropped
    (VS + "The median OS was similar with blinatumomab (8.0 months) and inotuzumab (7.0 months).",
     [("blinatumomab", "OS_MEDIAN", 8.0), ("inotuzumab ozogamicin", "OS_MEDIAN", 7.0)]),
    (VS + "CR rates were similar with inotuzumab (75%) and blinatumomab (70%).",
     [("blinatumomab", "CR", 70.0), ("inotuzumab ozogamicin", "CR", 75.0)]),
])
def test_arms21_treatments_each_with_a_bracketed_value(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)
