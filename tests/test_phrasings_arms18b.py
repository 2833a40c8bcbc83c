"""Recurring phrasings of arms in trial abstracts (eighteenth round, second pass): a coded schedule or
regimen ("schedule A (n = 20) or schedule B (n = 22)", "regimen A ... regimen B") is an arm as "arm A" is;
"compared with" takes the comparator alone ("compared with a cohort treated with A and B" is no comparison of A and
B); a coded cohort opening its clause ("In cohort 1, 45 patients received X; in cohort 2, 30 patients received Y")
is an arm with its count. Written in our own words, run end to end; the figures are invented.
"""
from __future__ import annotations

import pytest

from phrasing_cases import outcome_triples as _outcomes, run_text as _run


def _arms(record: dict) -> list[tuple]:
    return sorted((a["label"], a["n"]) for a in record["arms"])


@pytest.mark.parametrize("text, arms, outcomes", [
    # a coded schedule or regimen is an arm as "arm A" is: its values are named by it, not "group 1/2"
    ("Patients were treated on schedule A (n = 20) or schedule B (n = 22). The CR rate was 55% with schedule A and "
     "45% with schedule B.",
     [("schedule A", 20), ("schedule B", 22)], [("schedule A", "CR", 55.0), ("schedule B", "CR", 45.0)]),
    ("Patients were randomized to regimen A (n = 30) or regimen B (n = 31). The CR rate was 60% in regimen A and 48% "
     "in regimen B.",
     [("regimen A", 30), ("regimen B", 31)], [("regimen A", "CR", 60.0), ("regimen B", "CR", 48.0)]),
    ("Blinatumomab was given by continuous infusion (schedule A) or as a short infusion (schedule B). CR rates were "
     "40% and 38% in schedules A and B, respectively.",
     [("schedule A", None), ("schedule B", None)], [("schedule A", "CR", 40.0), ("schedule B", "CR", 38.0)]),
    # negative: a regimen followed by a number is no code
    ("The FLAG regimen 2 weeks later was given to 12 patients; 40% achieved CR.", [("all", 12)], [("all", "CR", 40.0)]),
])
def test_arms18b_coded_schedules(nlp, text, arms, outcomes):
    record = _run(nlp, text)
    assert (_arms(record), _outcomes(record)) == (arms, outcomes)


@pytest.mark.parametrize("text, arms", [
    # "compared with" takes the comparator alone: "A and B" after it is one regimen, not two arms
    ("Outcomes of 50 patients treated with blinatumomab were compared with a historical cohort treated with "
     "clofarabine and cytarabine. The CR rate was 44% vs 25%.",
     [("all", 50), ("historical controls", None)]),
    ("Sixty patients received inotuzumab; outcomes were compared with a matched cohort treated with fludarabine and "
     "cytarabine. The CR rate was 70% vs 35%.", [("all", 60), ("matched controls", None)]),
    # (as before: "we compared A and B", "comparison of A and B" are two arms)
    ("We compared clofarabine and cytarabine as salvage for adults with relapsed ALL. The CR rate was 44% vs 25%.",
     [("clofarabine", None), ("cytarabine", None)]),
    ("Comparison of blinatumomab and inotuzumab in adults with relapsed ALL. The CR rate was 44% with blinatumomab "
     "and 60% with inotuzumab.", [("blinatumomab", None), ("inotuzumab ozogamicin", None)]),
])
def test_arms18b_compared_with_a_regimen(nlp, text, arms):
    assert _arms(_run(nlp, text)) == sorted(arms)


@pytest.mark.parametrize("text, arms, outcomes", [
    # a coded cohort opening its clause, with the count and the treatment of its patients after it, is an arm
    ("In cohort 1, 45 patients received inotuzumab ozogamicin; in cohort 2, 30 patients received inotuzumab plus "
     "blinatumomab. CR rates were 60% and 80% in cohorts 1 and 2, respectively.",
     [("cohort 1", 45), ("cohort 2", 30)], [("cohort 1", "CR", 60.0), ("cohort 2", "CR", 80.0)]),
    ("In arm A, 40 patients were treated with FLAG-IDA; in arm B, 38 patients were treated with clofarabine. The CR "
     "rate was 55% in arm A and 42% in arm B.",
     [("arm A", 40), ("arm B", 38)], [("arm A", "CR", 55.0), ("arm B", "CR", 42.0)]),
])
def test_arms18b_code_opens_clause(nlp, text, arms, outcomes):
    record = _run(nlp, text)
    assert (_arms(record), _outcomes(record)) == (arms, outcomes)


def test_arms18b_cohorts_by_disease_are_no_arms(nlp):
    # negative: cohorts told apart by disease only, no treatment, stay subgroups of one arm
    record = _run(nlp, "In cohort 1, 45 patients had relapsed disease; in cohort 2, 30 patients had refractory "
                       "disease. The CR rate was 60% in cohort 1 and 80% in cohort 2.")
    assert [a["label"] for a in record["arms"]] == ["all"]
