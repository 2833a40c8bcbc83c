"""Recurring phrasings of arms and value labels in trial abstracts (eighteenth round: a relative clause in the
perfect, "patients who had received X ... those who had not"; a "who" clause with its own verb before the main verb,
"Patients who received X had a lower CR rate than those who did not (40% vs 70%)"; "patients previously treated with
X had ..."; "X-naive/-refractory patients"; a regimen joined by "and" inside a counted arm, "60 patients treated with
ponatinib and blinatumomab were compared with 86 patients treated with ..."; an abbreviation inside an arm's size
bracket, "standard of care (SC; n = 162)"; a coded group before the verb, "The CR rate in cohort 1 was 42%"), written
in our own words, run end to end.

Each case is a way groups are commonly written that an earlier version got wrong; the figures are invented.
"""
from __future__ import annotations

import pytest

from phrasing_cases import outcome_triples as _outcomes, run_text as _run


def _arms(record: dict) -> list[tuple]:
    return sorted((a["label"], a["n"]) for a in record["arms"])


@pytest.mark.parametrize("text, outcomes", [
    # a relative clause in the perfect keeps its verb in the group, and its complement is the group's
    ("The CR rate was 40% in patients who had received prior inotuzumab and 70% in those who had not.",
     [("no prior inotuzumab", "CR", 70.0), ("prior inotuzumab", "CR", 40.0)]),
    ("Median OS was 5.1 months in patients who had undergone prior HSCT and 9.0 months in those who had not.",
     [("no prior HSCT", "OS_MEDIAN", 9.0), ("prior HSCT", "OS_MEDIAN", 5.1)]),
    # a "who" clause with its own verb: the verb after it is the sentence's, and "those who did not" the complement
    ("Patients who received inotuzumab before blinatumomab had a lower CR rate than those who did not (40% vs 70%).",
     [("inotuzumab before blinatumomab", "CR", 40.0), ("no inotuzumab before blinatumomab", "CR", 70.0)]),
    ("Patients who received prior blinatumomab had a lower CR/CRi rate than those who did not (55% vs 80%).",
     [("no prior blinatumomab", "CR_CRi", 80.0), ("prior blinatumomab", "CR_CRi", 55.0)]),
    # (as before: a clause in the present tense)
    ("Patients who received prior inotuzumab had a CR rate of 40% compared with 70% in those who did not.",
     [("no prior inotuzumab", "CR", 70.0), ("prior inotuzumab", "CR", 40.0)]),
    # "patients previously treated with X" is the subject of its clause; "X-naive patients" named by the exposure
    ("Patients previously treated with blinatumomab had a CR rate of 50%, versus 75% in blinatumomab-naive patients.",
     [("blinatumomab-naive", "CR", 75.0), ("prior blinatumomab", "CR", 50.0)]),
    ("Blinatumomab-naive patients had a CR rate of 75%, versus 50% in patients previously treated with blinatumomab.",
     [("Blinatumomab-naive", "CR", 75.0), ("prior blinatumomab", "CR", 50.0)]),
    # (as before: two exposures compared after the value)
    ("The CR rate was 30% in TKI-resistant patients and 60% in TKI-naive patients.",
     [("TKI-naive", "CR", 60.0), ("TKI-resistant", "CR", 30.0)]),
    # a coded group between the endpoint and its verb
    ("The CR/CRh rate in cohort 1 was 42%.", [("cohort 1", "CR_CRi", 42.0)]),
    ("The median OS in arm B was 7.1 months.", [("arm B", "OS_MEDIAN", 7.1)]),
])
def test_arms18_groups(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # negative cases: the study's own cohort and a statistic are no groups
    ("The CR rate in the whole cohort was 42%.", [("all", "CR", 42.0)]),
    ("The CR rate in all patients was 42%.", [("all", "CR", 42.0)]),
    # "had" of a relative clause that has no verb of its own still holds the group ("who had HSCT")
    ("The 2-year OS was 60% for patients who had HSCT and 20% for those who did not.",
     [("HSCT", "OS_RATE", 60.0), ("no HSCT", "OS_RATE", 20.0)]),
])
def test_arms18_not_groups(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, arms, outcomes", [
    # a regimen joined by "and" is one arm: no count "blinatumomab"
    ("Outcomes of 60 patients treated with ponatinib and blinatumomab were compared with 86 patients treated with "
     "hyper-CVAD plus ponatinib. The 3-year EFS was 77% vs 70%.",
     [("hyper-CVAD + ponatinib", 86), ("ponatinib + blinatumomab", 60)],
     [("hyper-CVAD + ponatinib", "EFS_RATE", 70.0), ("ponatinib + blinatumomab", "EFS_RATE", 77.0)]),
    ("We compared 45 patients treated with clofarabine and cytarabine with 50 patients treated with blinatumomab. "
     "The CR rate was 40% vs 60%.",
     [("blinatumomab", 50), ("clofarabine + cytarabine", 45)],
     [("blinatumomab", "CR", 60.0), ("clofarabine + cytarabine", "CR", 40.0)]),
    # (a count written as a word still counts)
    ("Sixty patients treated with blinatumomab were compared with forty patients treated with inotuzumab ozogamicin. "
     "The CR rate was 45% vs 70%.",
     [("blinatumomab", 60), ("inotuzumab ozogamicin", 40)],
     [("blinatumomab", "CR", 45.0), ("inotuzumab ozogamicin", "CR", 70.0)]),
    # the abbreviation in an arm's size bracket names its values later
    ("Adults were randomized 1:1 to InO (n = 164) or standard of care (SC; n = 162). Median OS was 7.7 months (InO) "
     "vs 6.2 months (SC).",
     [("inotuzumab ozogamicin", 164), ("standard of care", 162)],
     [("inotuzumab ozogamicin", "OS_MEDIAN", 7.7), ("standard of care", "OS_MEDIAN", 6.2)]),
])
def test_arms18_arms(nlp, text, arms, outcomes):
    record = _run(nlp, text)
    assert _arms(record) == sorted(arms)
    assert _outcomes(record) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # "those who did not proceed to X" is the group without X, as "who did not undergo X" is
    ("Patients who proceeded to HSCT had a 2-year OS of 55%, whereas those who did not proceed to HSCT had a 2-year "
     "OS of 15%.", [("HSCT", "OS_RATE", 55.0), ("no HSCT", "OS_RATE", 15.0)]),
])
def test_arms18_did_not_proceed(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, arms, outcomes", [
    # FLAG without idarubicin is a regimen of its own: its arms are found and their values named
    ("Patients received FLAG-IDA (n = 40) or FLAG (n = 35). The CR rate was 55% with FLAG-IDA and 40% with FLAG.",
     [("FLAG", 35), ("FLAG-IDA", 40)], [("FLAG", "CR", 40.0), ("FLAG-IDA", "CR", 55.0)]),
    ("FLAG-based salvage (n = 50) was compared with clofarabine-based salvage (n = 30); CR rates were 52% and 37%,"
     " respectively.", [("FLAG", 50), ("clofarabine", 30)], [("FLAG", "CR", 52.0), ("clofarabine", "CR", 37.0)]),
    # the English verb is no regimen
    ("We flagged 12 patients with CNS disease at relapse; 40% achieved CR.", [("all", None)], [("all", "CR", 40.0)]),
])
def test_phrasings_flag_is_a_regimen(nlp, text, arms, outcomes):
    record = _run(nlp, text)
    assert (_arms(record), _outcomes(record)) == (arms, outcomes)
