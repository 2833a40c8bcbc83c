"""Recurring phrasings of arms and value labels in trial abstracts (twelfth round: randomised dose levels, matched
comparisons, a class word as a partner, coded cohorts at a sentence's start, codes listed after the values), written
in our own words, run end to end.

Each case is a way groups are commonly written that an earlier version got wrong; the figures restate published
studies' results.
"""
from __future__ import annotations

import pytest

from phrasing_cases import outcome_triples as _outcomes, run_text as _run


def _arms(record: dict) -> list[tuple]:
    return [(a["label"], a["n"]) for a in record["arms"]]


@pytest.mark.parametrize("text, arms, outcomes", [
    # doses of one drug, each n bracket opening with the dose level's name
    ("Adults were randomised to 0.9 mg/m2 (low dose, n = 45) or 1.8 mg/m2 (standard dose, n = 44) of inotuzumab per "
     "cycle. The CR/CRi rate was 62% with the low dose and 71% with the standard dose.",
     [("low dose", 45), ("standard dose", 44)], [("low dose", "CR_CRi", 62.0), ("standard dose", "CR_CRi", 71.0)]),
    ("Three dose levels were tested: 1 × 10^6 cells/kg (dose level 1, n = 6), 3 × 10^6 cells/kg (dose level 2, n = 9) "
     "and 1 × 10^7 cells/kg (dose level 3, n = 12) of CD19 CAR T cells.",
     [("dose level 1", 6), ("dose level 2", 9), ("dose level 3", 12)], []),
    # doses of one drug without names: the drug at each dose
    ("Adults were randomly assigned to receive inotuzumab at 1.8 mg/m2 (n = 40) or 1.2 mg/m2 (n = 38). The CR/CRi "
     "rate was 70% versus 58%.",
     [("inotuzumab ozogamicin 1.8 mg/m2", 40), ("inotuzumab ozogamicin 1.2 mg/m2", 38)],
     [("inotuzumab ozogamicin 1.2 mg/m2", "CR_CRi", 58.0), ("inotuzumab ozogamicin 1.8 mg/m2", "CR_CRi", 70.0)]),
    ("Patients received blinatumomab at 9 µg/day (n = 10) or 28 µg/day (n = 30). CR was 60% vs 70%.",
     [("blinatumomab 9 µg/day", 10), ("blinatumomab 28 µg/day", 30)],
     [("blinatumomab 28 µg/day", "CR", 70.0), ("blinatumomab 9 µg/day", "CR", 60.0)]),
    # a code's n after its regimen in its bracket
    ("Patients were randomized to arm A (hyper-CVAD, n = 50) or arm B (hyper-CVAD plus rituximab, n = 52). CR was 88% "
     "in arm A and 92% in arm B.", [("arm A", 50), ("arm B", 52)], [("arm A", "CR", 88.0), ("arm B", "CR", 92.0)]),
    # matched comparisons: "were matched to"
    ("Using propensity score matching, 60 patients treated with inotuzumab were matched to 60 patients treated with "
     "blinatumomab. The CR/CRi rates were 80% and 63% (P = .04).",
     [("inotuzumab ozogamicin", 60), ("blinatumomab", 60)],
     [("blinatumomab", "CR_CRi", 63.0), ("inotuzumab ozogamicin", "CR_CRi", 80.0)]),
    # a class word as the partner ("with a TKI"); an article is never a count
    ("Of 36 patients, 16 received inotuzumab combined with a TKI and 20 received inotuzumab alone. The CR/CRi rate was "
     "88% with inotuzumab plus a TKI and 75% with inotuzumab alone.",
     [("inotuzumab + TKI", 16), ("inotuzumab alone", 20)],
     [("inotuzumab + TKI", "CR_CRi", 88.0), ("inotuzumab alone", "CR_CRi", 75.0)]),
    # a coded cohort opening the sentence, its n after its regimen; codes listed after the values without
    # "respectively"
    ("Cohort 1 received ponatinib 45 mg daily with blinatumomab (n = 20), cohort 2 received ponatinib 30 mg daily with "
     "blinatumomab (n = 18). CMR was achieved in 55% and 70% in cohorts 1 and 2.",
     [("cohort 1", 20), ("cohort 2", 18)], [("cohort 1", "MRD_NEG", 55.0), ("cohort 2", "MRD_NEG", 70.0)]),
])
def test_phrasings_arms_detected(nlp, text, arms, outcomes):
    record = _run(nlp, text)
    assert _arms(record) == arms
    if outcomes:
        assert _outcomes(record) == sorted(outcomes)


@pytest.mark.parametrize("text, arms", [
    # a dose bracket without a level's name, or a level name beside no dose, defines no arms
    ("Adults received 0.9 mg/m2 (n = 45) or 1.8 mg/m2 (n = 44) of inotuzumab per cycle.", [("all", None)]),
    ("Patients with a prior transplant (n = 20) or 1.2 mg/m2 (n = 10) were analysed.", [("all", None)]),
    # a count without a stated total that received one drug with or without a partner is not two arms
    ("Sixteen patients received inotuzumab combined with a TKI and 20 received inotuzumab alone.", [("all", None)]),
])
def test_phrasings_arms_not_detected(nlp, text, arms):
    assert _arms(_run(nlp, text)) == arms


@pytest.mark.parametrize("text, outcomes", [
    # codes under a plural head after the values, without "respectively"
    ("CMR was achieved in 55% and 70% in cohorts 1 and 2.", [("cohort 1", "MRD_NEG", 55.0), ("cohort 2", "MRD_NEG", 70.0)]),
    ("The CR rates were 55% and 70% in cohorts A and B.", [("cohort A", "CR", 55.0), ("cohort B", "CR", 70.0)]),
    # counts assigned to groups of one drug, the groups of the next sentence's values
    ("Thirty patients were assigned to low-dose inotuzumab and 30 to standard-dose inotuzumab. The CR rate was 60% vs "
     "70%.", [("low-dose inotuzumab", "CR", 60.0), ("standard-dose inotuzumab", "CR", 70.0)]),
    # a count's percentage in brackets, then the treatment of its patients
    ("CR was observed in 20 of 25 patients (80%) treated with CAR T cells and 10 of 30 patients (33%) treated with "
     "chemotherapy.", [("CAR T cells", "CR", 80.0), ("chemotherapy", "CR", 33.0)]),
])
def test_phrasings_codes_listed(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, arms, outcomes", [
    # a count that received a drug and one that did not, in a cohort of relapsed ALL (the disease of the whole cohort
    # is no later subset); the drug's bracket another name of its arm
    ("We reviewed 90 adults with relapsed ALL treated with hyper-CVAD; 40 received rituximab and 50 did not. The CR "
     "rate was 70% with rituximab and 48% without rituximab.",
     [("rituximab", 40), ("no rituximab", 50)], [("no rituximab", "CR", 48.0), ("rituximab", "CR", 70.0)]),
    ("We reviewed 90 adults with relapsed ALL treated with hyper-CVAD as salvage; 40 received rituximab with it "
     "(R-HCVAD) and 50 did not. The CR rate was 70% with R-HCVAD and 48% with hyper-CVAD alone.",
     [("rituximab", 40), ("no rituximab", 50)], [("no rituximab", "CR", 48.0), ("rituximab", "CR", 70.0)]),
    # counts compared with counts
    ("Outcomes of 79 patients treated with tisagenlecleucel were compared with those of 120 patients who received "
     "standard of care. The 12-month EFS was 52% and 27%.",
     [("tisagenlecleucel", 79), ("standard of care", 120)],
     [("standard of care", "EFS_RATE", 27.0), ("tisagenlecleucel", "EFS_RATE", 52.0)]),
    ("Forty-five patients who received blinatumomab were compared with 90 matched controls who received chemotherapy.",
     [("blinatumomab", 45), ("chemotherapy", 90)], []),
    # coded arms with their counts and regimens before their codes
    ("Forty patients received clofarabine with cytarabine (arm A) and 38 received clofarabine with cyclophosphamide "
     "and etoposide (arm B). The CR rate was 45% in arm A and 55% in arm B.",
     [("arm A", 40), ("arm B", 38)], [("arm A", "CR", 45.0), ("arm B", "CR", 55.0)]),
    ("The first 67 patients received mini-hyper-CVD plus inotuzumab (cohort 1); the following 43 patients also received "
     "blinatumomab (cohort 2). The overall response rate was 80% in cohort 1 and 86% in cohort 2.",
     [("cohort 1", 67), ("cohort 2", 43)], [("cohort 1", "ORR", 80.0), ("cohort 2", "ORR", 86.0)]),
])
def test_phrasings_arms_counted(nlp, text, arms, outcomes):
    record = _run(nlp, text)
    assert _arms(record) == arms
    if outcomes:
        assert _outcomes(record) == sorted(outcomes)


@pytest.mark.parametrize("text, arms", [
    # a later treatment of part of the cohort still splits no arms
    ("Of the 30 patients who relapsed, 12 received blinatumomab and 18 did not.", [("all", 30)]),
    # a code after a treatment of no sentence that assigns one is a subgroup
    ("Twenty patients had received blinatumomab before (group 1) and 30 had not (group 2).", [("all", None)]),
])
def test_phrasings_arms_counted_not(nlp, text, arms):
    assert _arms(_run(nlp, text)) == arms


@pytest.mark.parametrize("text, title, outcomes", [
    # one disease state of a study of relapsed or refractory ALL is a subgroup, named without "patients"
    ("CR was achieved by 45% of refractory patients.", "Salvage therapy of relapsed or refractory ALL",
     [("refractory", "CR", 45.0)]),
    ("Median OS was 5 months in refractory patients.", "Inotuzumab in R/R ALL", [("refractory", "OS_MEDIAN", 5.0)]),
    ("Among refractory patients, the CR rate was 45%.", "Blinatumomab in relapsed/refractory ALL",
     [("refractory", "CR", 45.0)]),
    # ... but the state the title names alone is the cohort's, and both states are the cohort
    ("Median OS was 5 months in relapsed patients.", "Salvage therapy of relapsed ALL", [("all", "OS_MEDIAN", 5.0)]),
    ("The CR rate was 45% in relapsed or refractory patients.", "Inotuzumab in relapsed or refractory ALL",
     [("all", "CR", 45.0)]),
    ("The CR rate was 45% in relapsed and refractory patients.", "Inotuzumab in relapsed or refractory ALL",
     [("all", "CR", 45.0)]),
    ("CR was achieved in 60% of relapsed patients and 30% of refractory patients.", "Inotuzumab in R/R ALL",
     [("refractory", "CR", 30.0), ("relapsed", "CR", 60.0)]),
    # a participle after "with" is no verb that ends the group
    ("Patients with refractory disease had a median OS of 3 months versus 8 months for those with relapsed disease.",
     None, [("refractory disease", "OS_MEDIAN", 3.0), ("relapsed disease", "OS_MEDIAN", 8.0)]),
    # a range of prior lines keeps its lower bound
    ("The CR rate was 60% in patients with 1 to 2 prior regimens and 30% in those with 3 or more.", None,
     [("1 to 2 prior regimens", "CR", 60.0), ("3 or more", "CR", 30.0)]),
    # the second value's line of therapy before it, its verb left out
    ("The CR rate was 70% in first salvage, and in second salvage 50%.", None,
     [("first salvage", "CR", 70.0), ("second salvage", "CR", 50.0)]),
])
def test_phrasings_subgroups(nlp, text, title, outcomes):
    record = _run(nlp, text, title=title) if title else _run(nlp, text)
    assert _outcomes(record) == sorted(outcomes)


@pytest.mark.parametrize("title, text, arms", [
    # an arm named by an abbreviation the title spells out takes the written name
    ("Inotuzumab ozogamicin (InO) versus standard of care (SOC) in relapsed ALL",
     "Patients were randomized to InO (n = 164) or SOC (n = 162). The CR/CRi rate was 73.8% with InO and 30.9% with SOC.",
     [("inotuzumab ozogamicin", 164), ("standard of care", 162)]),
    # ... and keeps it when nothing spells it out
    ("Inotuzumab ozogamicin in relapsed ALL",
     "Patients were randomized to InO (n = 164) or SOC (n = 162). The CR/CRi rate was 73.8% with InO and 30.9% with SOC.",
     [("inotuzumab ozogamicin", 164), ("SOC", 162)]),
])
def test_phrasings_abbreviation_spelled_out(nlp, title, text, arms):
    assert _arms(_run(nlp, text, title=title)) == arms
