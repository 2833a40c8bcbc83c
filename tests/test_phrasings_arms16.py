"""Recurring phrasings of arms and value labels in trial abstracts (sixteenth round: two populations contrasted in
one sentence, a scope without its comma before the result's subject, bracket lists of groups with no separator, an
anaphor with no one antecedent, dose levels named by their words, a historical control's own treatment), written in
our own words, run end to end.

Each case is a way groups are commonly written that an earlier version got wrong; the figures restate published
studies' results or are invented.
"""
from __future__ import annotations

import pytest

from phrasing_cases import outcome_triples as _outcomes, run_text as _run


def _arms(record: dict) -> list[tuple]:
    return [(a["label"], a["n"], a["drugs"]) for a in record["arms"]]


@pytest.mark.parametrize("text, outcomes", [
    # two populations, each in a clause of its own: the first's value is its group's, not the cohort's
    ("The CR rate was 60% in adults; in children, it was 80%.", [("adults", "CR", 60.0), ("children", "CR", 80.0)]),
    ("The MRD negativity rate was 55% among adults; among children, it was 75%.",
     [("adults", "MRD_NEG", 55.0), ("children", "MRD_NEG", 75.0)]),
    ("Median OS was 8.1 months in adults; in children, it was 14.2 months.",
     [("adults", "OS_MEDIAN", 8.1), ("children", "OS_MEDIAN", 14.2)]),
    ("The CR rate was 80% in children; in adults, it was 60%.", [("adults", "CR", 60.0), ("children", "CR", 80.0)]),
    ("The CR rate in children was 90%, and in adults it was 70%.", [("adults", "CR", 70.0), ("children", "CR", 90.0)]),
    ("The CR rate among adults was 55%, while among children it was 82%.",
     [("adults", "CR", 55.0), ("children", "CR", 82.0)]),
    ("CRS occurred in 30% of adults; among children, it occurred in 60%.",
     [("adults", "CRS", 30.0), ("children", "CRS", 60.0)]),
    # ... but older adults are some of the adults, who stay the cohort
    ("The CR rate was 70% in adults; in older adults, it was 50%.", [("all", "CR", 70.0), ("older adults", "CR", 50.0)]),
    # the cohort's value beside two populations' values
    ("The CR rate was 70% overall; 60% in adults and 80% in children.",
     [("adults", "CR", 60.0), ("all", "CR", 70.0), ("children", "CR", 80.0)]),
    ("The ORR was 65% overall, 58% in adults and 79% in children.",
     [("adults", "ORR", 58.0), ("all", "ORR", 65.0), ("children", "ORR", 79.0)]),
    ("CR/CRi was achieved in 72% of patients overall, in 64% of adults and in 85% of children.",
     [("adults", "CR_CRi", 64.0), ("all", "CR_CRi", 72.0), ("children", "CR_CRi", 85.0)]),
    # (as before: two populations compared in one clause)
    ("CR rates were 60% in adults and 80% in children.", [("adults", "CR", 60.0), ("children", "CR", 80.0)]),
    ("The 1-year OS was 40% in adults versus 62% in children.",
     [("adults", "OS_RATE", 40.0), ("children", "OS_RATE", 62.0)]),
    # a leading scope without its comma ends before the result's subject ("the CR rate" is no part of the group)
    ("In patients with Ph-positive ALL the CR rate was 80%.", [("Ph-positive ALL", "CR", 80.0)]),
    ("In patients with T-ALL the median OS was 5.3 months.", [("T-ALL", "OS_MEDIAN", 5.3)]),
    ("Among patients with KMT2A-rearranged ALL the CR rate was 45%.", [("KMT2A-rearranged ALL", "CR", 45.0)]),
    # ... and "the" after a preposition or verb stays in the group
    ("The median OS of patients treated with the combination was 11.2 months.",
     [("combination", "OS_MEDIAN", 11.2)]),
    # the study population as a scope is no group
    ("In patients with ALL, the CR rate was 70%.", [("all", "CR", 70.0)]),
    # a bracket list of groups, each item its group then its value, no separator between them
    ("Overall, 60% achieved CR (first salvage 70%, second salvage 50%).",
     [("all", "CR", 60.0), ("first salvage", "CR", 70.0), ("second salvage", "CR", 50.0)]),
    ("The CR rate was 58% (S1 70%, S2 52%, S3+ 40%).",
     [("S1", "CR", 70.0), ("S2", "CR", 52.0), ("S3+", "CR", 40.0), ("all", "CR", 58.0)]),
    ("The CR/CRi rate was 62% (B-ALL 70%, T-ALL 45%).",
     [("B-ALL", "CR_CRi", 70.0), ("T-ALL", "CR_CRi", 45.0), ("all", "CR_CRi", 62.0)]),
    ("The ORR was 61% (first relapse 72%, second relapse 48%).",
     [("all", "ORR", 61.0), ("first relapse", "ORR", 72.0), ("second relapse", "ORR", 48.0)]),
    ("The CR rate was 64% (primary refractory 50%, relapsed 70%).",
     [("all", "CR", 64.0), ("primary refractory", "CR", 50.0), ("relapsed", "CR", 70.0)]),
    # an anaphor with two groups before it names no group ("them" was the label)
    ("Twenty patients underwent HSCT and 10 received DLI. Among them, the 2-year OS was 40%.",
     [("all", "HSCT", 100.0), ("all", "OS_RATE", 40.0)]),
    # (one group before it is that group, as before)
    ("Forty-four patients underwent allogeneic HSCT. Among them, the 2-year OS was 55%.",
     [("patients who underwent allogeneic HSCT", "OS_RATE", 55.0)]),
])
def test_phrasings_arms16_labels(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, arms, outcomes", [
    # dose levels named by their words alone, the drug after the last n bracket
    ("Patients were randomized to standard-dose (n = 100) or high-dose (n = 98) methotrexate. The CR rate was 60% "
     "versus 75%.", [("standard-dose", 100, ["methotrexate"]), ("high-dose", 98, ["methotrexate"])],
     [("high-dose", "CR", 75.0), ("standard-dose", "CR", 60.0)]),
    ("Children were randomly assigned to low-dose (n = 60) or high-dose (n = 62) cytarabine. The 2-year EFS was 45% "
     "and 58%, respectively.", [("low-dose", 60, ["cytarabine"]), ("high-dose", 62, ["cytarabine"])],
     [("high-dose", "EFS_RATE", 58.0), ("low-dose", "EFS_RATE", 45.0)]),
    ("Patients were randomised to standard-dose (n = 120) or reduced-dose (n = 118) inotuzumab. Median OS was 7.7 "
     "months in the standard-dose arm and 7.1 months in the reduced-dose arm.",
     [("standard-dose", 120, ["inotuzumab ozogamicin"]), ("reduced-dose", 118, ["inotuzumab ozogamicin"])],
     [("reduced-dose", "OS_MEDIAN", 7.1), ("standard-dose", "OS_MEDIAN", 7.7)]),
    # a historical control's treatment is its own, not the study cohort's, and so is its n
    ("Outcomes were compared with a historical cohort treated with clofarabine/cytarabine (n = 40). CR rate was 70% "
     "with inotuzumab versus 40% with clofarabine/cytarabine.",
     [("all", None, ["inotuzumab ozogamicin"]), ("historical controls", 40, ["clofarabine", "cytarabine"])],
     [("all", "CR", 70.0), ("historical controls", "CR", 40.0)]),
    ("We compared 50 patients treated with blinatumomab with 60 historical controls treated with FLAG-Ida. The CR "
     "rate was 70% vs 45%.", [("all", 50, ["blinatumomab"]), ("historical controls", 60, ["FLAG-IDA"])],
     [("all", "CR", 70.0), ("historical controls", "CR", 45.0)]),
    ("Results with inotuzumab were compared with those of a historical cohort who received FLAG-Ida (n = 55). CR was "
     "76% versus 44%.", [("all", None, ["inotuzumab ozogamicin"]), ("historical controls", 55, ["FLAG-IDA"])],
     [("all", "CR", 76.0), ("historical controls", "CR", 44.0)]),
    ("Outcomes of 40 patients treated with blinatumomab were compared with 60 historical controls treated with "
     "hyper-CVAD. The CR rate was 70% vs 45%.",
     [("all", 40, ["blinatumomab"]), ("historical controls", 60, ["hyper-CVAD"])],
     [("all", "CR", 70.0), ("historical controls", "CR", 45.0)]),
    ("Outcomes were compared with a historical control group (n = 50) that received hyper-CVAD. The CR rate was 80% "
     "versus 60%.", [("all", None, []), ("historical controls", 50, ["hyper-CVAD"])],
     [("all", "CR", 80.0), ("historical controls", "CR", 60.0)]),
    ("Blinatumomab was compared with historical controls receiving salvage chemotherapy (n = 694). The CR rate was "
     "43% vs 24%.", [("all", None, ["blinatumomab"]), ("historical controls", 694, ["chemotherapy"])],
     [("all", "CR", 43.0), ("historical controls", "CR", 24.0)]),
])
def test_phrasings_arms16_arms(nlp, text, arms, outcomes):
    record = _run(nlp, text)
    assert _arms(record) == arms
    assert _outcomes(record) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # an age group named by a word is named by the one age threshold the abstract defines the groups with
    ("Outcomes were analysed by age (patients aged ≥60 years vs <60 years). The CR rate was 50% in older patients and "
     "72% in younger patients.", [("aged <60 years", "CR", 72.0), ("aged ≥60 years", "CR", 50.0)]),
    ("Patients aged 55 years or older were compared with younger patients. The median OS was 4.1 months in older "
     "patients versus 9.2 months in the younger subgroup.",
     [("aged <55 years", "OS_MEDIAN", 9.2), ("aged >=55 years", "OS_MEDIAN", 4.1)]),
    ("We studied 80 adults aged ≥70 years with relapsed ALL. Among older patients, the CR rate was 45%.",
     [("aged ≥70 years", "CR", 45.0)]),
    # ... not without a threshold, nor with several ages
    ("The CR rate was 50% in older patients and 72% in younger patients.", [("older", "CR", 50.0), ("younger", "CR", 72.0)]),
    ("Patients were grouped as aged <40 years or 40-59 years or ≥60 years. The CR rate was 50% in older patients and 72% "
     "in younger patients.", [("older", "CR", 50.0), ("younger", "CR", 72.0)]),
    # a comparative of the noun the other group bounds is the other side of the bound
    ("Survival was better with a first remission lasting more than 2 years (2-year OS of 36% versus 17% among those "
     "with a shorter first remission).",
     [("first remission <=2 years", "OS_RATE", 17.0), ("first remission >2 years", "OS_RATE", 36.0)]),
    ("Patients with a CR1 duration of more than 12 months had a median OS of 11.0 months versus 5.1 months for those "
     "with a shorter CR1 duration.",
     [("CR1 duration <=12 months", "OS_MEDIAN", 5.1), ("CR1 duration >12 months", "OS_MEDIAN", 11.0)]),
    ("The CR rate was 80% in patients with fewer than 50% marrow blasts versus 45% in those with higher marrow blasts.",
     [("<50% marrow blasts", "CR", 80.0), (">=50% marrow blasts", "CR", 45.0)]),
    ("Outcomes were better with marrow blasts <5% (median EFS 10.6 months) than with higher marrow blasts (3.1 months).",
     [("marrow blasts <5%", "EFS_MEDIAN", 10.6), ("marrow blasts >=5%", "EFS_MEDIAN", 3.1)]),
])
def test_phrasings_arms16_thresholds(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # a bound written with its symbol keeps it ("≥", "≤"), compact; "> or =" is ">=" and does not end the group
    ("Patients with ≥2 prior salvage regimens had a CR rate of 35%.", [("≥2 prior salvage regimens", "CR", 35.0)]),
    ("Patients aged ≥ 60 years had a median OS of 4.5 months.", [("aged ≥60 years", "OS_MEDIAN", 4.5)]),
    ("The CR rate was 76% in patients with ≤ 5% marrow blasts and 48% in those with higher marrow blasts.",
     [(">5% marrow blasts", "CR", 48.0), ("≤5% marrow blasts", "CR", 76.0)]),
    ("The CR rate was 70% in patients aged > or =60 years.", [("aged >=60 years", "CR", 70.0)]),
])
def test_phrasings_arms16_bound_symbols(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # "those who had not" after a group named by a prior therapy is its complement ("not" was the label)
    ("Patients who received prior blinatumomab had a CR rate of 45%, compared with 70% for those who had not.",
     [("no prior blinatumomab", "CR", 70.0), ("prior blinatumomab", "CR", 45.0)]),
    # "previously treated with X" names the group by its prior therapy, as "who received prior X" does
    ("The CR rate was 58% in patients previously treated with blinatumomab and 76% in those without prior "
     "blinatumomab.", [("no prior blinatumomab", "CR", 76.0), ("prior blinatumomab", "CR", 58.0)]),
    # (as before: groups by line, MRD status, transplant)
    ("The CR rate was 75% in first salvage, 55% in second salvage and 35% in third or later salvage.",
     [("first salvage", "CR", 75.0), ("second salvage", "CR", 55.0), ("third or later salvage", "CR", 35.0)]),
    ("CR rates were 75%, 55% and 35% in S1, S2 and S3+, respectively.",
     [("S1", "CR", 75.0), ("S2", "CR", 55.0), ("S3+", "CR", 35.0)]),
    ("Median OS was 9.0 months in S1 and 5.1 months in S2+.", [("S1", "OS_MEDIAN", 9.0), ("S2+", "OS_MEDIAN", 5.1)]),
    ("The median OS was 20 months for MRD-negative patients and 6 months for MRD-positive patients.",
     [("MRD-negative", "OS_MEDIAN", 20.0), ("MRD-positive", "OS_MEDIAN", 6.0)]),
    ("The 2-year OS was 55% in patients who underwent HSCT and 15% in those who did not.",
     [("HSCT", "OS_RATE", 55.0), ("no HSCT", "OS_RATE", 15.0)]),
    ("At dose level 1, 2 of 6 patients (33%) achieved CR. At dose level 2, 5 of 9 patients (56%) achieved CR.",
     [("dose level 1", "CR", 33.0), ("dose level 2", "CR", 56.0)]),
])
def test_phrasings_arms16_prior_therapy(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # a bracket that defines the group by a threshold stays in its name (a short bracket of another kind goes)
    ("Patients with a low disease burden (<5% marrow blasts) had a median EFS of 10.6 months.",
     [("low disease burden (<5% marrow blasts)", "EFS_MEDIAN", 10.6)]),
    ("The 2-year OS was 45% for patients with early relapse (<18 months) and 70% for those with late relapse.",
     [("early relapse (<18 months)", "OS_RATE", 45.0), ("late relapse", "OS_RATE", 70.0)]),
    ("The CR rate was 81% in patients with a low tumour burden (≤25% blasts).",
     [("low tumour burden (≤25% blasts)", "CR", 81.0)]),
    ("Patients with high-risk cytogenetics (n = 20) had a median OS of 4.1 months.",
     [("high-risk cytogenetics", "OS_MEDIAN", 4.1)]),
    # "than those with" names the second group by what follows
    ("Patients with T-ALL had a lower CR rate (40%) than those with B-ALL (75%).",
     [("B-ALL", "CR", 75.0), ("T-ALL", "CR", 40.0)]),
    ("Patients with CD19-negative relapse had shorter OS (5.0 months) than patients with CD19-positive relapse "
     "(12.0 months).", [("CD19-negative relapse", "OS_MEDIAN", 5.0), ("CD19-positive relapse", "OS_MEDIAN", 12.0)]),
])
def test_phrasings_arms16_defining_brackets(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # the patients of a negated relative clause are named by it
    ("Median CR duration in patients who did not receive HSCT was 6 weeks.", [("no HSCT", "DOR_MEDIAN", 1.4)]),
    ("The median OS in patients who did not undergo HSCT was 4.2 months.", [("no HSCT", "OS_MEDIAN", 4.2)]),
    ("Median duration of response among patients who were not transplanted was 5.1 months.",
     [("not transplanted", "DOR_MEDIAN", 5.1)]),
])
def test_phrasings_arms16_negated_groups(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


def test_phrasings_arms16_bridging_therapies_are_no_arms(nlp):
    # treatments listed with their ns "as bridging therapy" are not the study's arms
    record = _run(nlp, "Patients received blinatumomab (n = 40) or inotuzumab (n = 35) as bridging therapy. The CR "
                       "rate after CAR T was 90%.")
    assert [a["label"] for a in record["arms"]] == ["all"]
    assert _outcomes(record) == [("all", "CR", 90.0)]


@pytest.mark.parametrize("text, outcomes", [
    # a scope whose own result has an "and" is no list of scopes: the arms' values within it
    ("Patients were randomized to blinatumomab (n = 271) or chemotherapy (n = 134). In patients in first salvage, "
     "median OS was 11.1 and 5.3 months, respectively.",
     [("blinatumomab, first salvage", "OS_MEDIAN", 11.1), ("chemotherapy, first salvage", "OS_MEDIAN", 5.3)]),
    # numbered groups listed as the leading scope, the values zipped with them
    ("In cohorts 1, 2 and 3, CR rates were 50%, 60% and 70%, respectively.",
     [("cohort 1", "CR", 50.0), ("cohort 2", "CR", 60.0), ("cohort 3", "CR", 70.0)]),
    ("At dose levels 1, 2 and 3, CR rates were 33%, 50% and 83%, respectively.",
     [("dose level 1", "CR", 33.0), ("dose level 2", "CR", 50.0), ("dose level 3", "CR", 83.0)]),
    ("In cohorts A and B, the median OS was 8.1 and 12.3 months, respectively.",
     [("cohort A", "OS_MEDIAN", 8.1), ("cohort B", "OS_MEDIAN", 12.3)]),
    # ... not times of assessment
    ("At weeks 4 and 8, MRD negativity rates were 60% and 75%, respectively.",
     [("all", "MRD_NEG", 60.0), ("all", "MRD_NEG", 75.0)]),
    ("In cycles 1 and 2, CR rates were 40% and 55%, respectively.", [("all", "CR", 40.0), ("all", "CR", 55.0)]),
])
def test_phrasings_arms16_leading_lists(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, arms, outcomes", [
    # a coded cohort named before its treatment, its n between, is an arm with that regimen
    ("Patients in cohort 1 (n = 20) received inotuzumab and patients in cohort 2 (n = 25) received inotuzumab with "
     "blinatumomab. The CR rate was 70% in cohort 1 and 84% in cohort 2.",
     [("cohort 1", 20, ["inotuzumab ozogamicin"]), ("cohort 2", 25, ["inotuzumab ozogamicin", "blinatumomab"])],
     [("cohort 1", "CR", 70.0), ("cohort 2", "CR", 84.0)]),
    ("Cohort A (n = 30) received blinatumomab and cohort B (n = 28) received blinatumomab plus ponatinib. Median OS "
     "was 9.0 and 14.5 months, respectively.",
     [("cohort A", 30, ["blinatumomab"]), ("cohort B", 28, ["blinatumomab", "ponatinib"])],
     [("cohort A", "OS_MEDIAN", 9.0), ("cohort B", "OS_MEDIAN", 14.5)]),
    # ... not cohorts of disease states (a split of one cohort)
    ("Patients in cohort 1 (n = 20) were in first relapse and patients in cohort 2 (n = 25) were in second relapse. "
     "The CR rate was 70% in cohort 1 and 50% in cohort 2.", [("all", None, [])],
     [("cohort 1", "CR", 70.0), ("cohort 2", "CR", 50.0)]),
])
def test_phrasings_arms16_coded_cohorts(nlp, text, arms, outcomes):
    record = _run(nlp, text)
    assert _arms(record) == arms
    assert _outcomes(record) == sorted(outcomes)
