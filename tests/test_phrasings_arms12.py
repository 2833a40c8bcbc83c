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
    # a count without a stated total that received one drug with or without a partner is not two arms
    ("Sixteen patients received inotuzumab combined with a TKI and 20 received inotuzumab alone.", [("all", None)]),
])
def test_phrasings_arms_not_detected(nlp, text, arms):
    assert _arms(_run(nlp, text)) == arms


@pytest.mark.parametrize("text, outcomes", [
    # codes under a plural head after the values, without "respectively"
    ("CMR was achieved in 55% and 70% in cohorts 1 and 2.", [("cohort 1", "MRD_NEG", 55.0), ("cohort 2", "MRD_NEG", 70.0)]),
    ("The CR rates were 55% and 70% in cohorts A and B.", [("cohort A", "CR", 55.0), ("cohort B", "CR", 70.0)]),
])
def test_phrasings_codes_listed(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)
