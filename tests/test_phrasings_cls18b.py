"""Study classification, eleventh round, second pass. Ph status of a part of the cohort: a count right before the
status after a larger count ("Forty adults were treated, 12 Ph-positive", "Of 40 adults, twelve were Ph-positive"),
or noun-less after a comma or semicolon ("We enrolled 40 adults; 12 were Ph-positive"); the status as an item of a
list of characteristics with its count ("Ph+ ALL: 10 (25%)", "Ph-positive, 12 (30%)"): `any`, not `positive`.
Not a count of the whole cohort ("All 30 patients were Ph-positive", "Between 2010 and 2020, 30 Ph-positive adults
were treated"). Both values named only in the general sentences opening an abstract, before the study's own
patients, who have none: `unknown`. Cohort size: two labelled groups with their counts ("Cohort 1 included 45
patients and cohort 2 included 30": 75). Our own sentences, run end to end."""
from __future__ import annotations

import pytest

from phrasing_cases import DRUG_X_TITLE, population_of, run_text


def _ph(nlp, text: str) -> str:
    return population_of(nlp, text)["ph_status"]


@pytest.mark.parametrize("text", [
    "Forty adults with relapsed ALL were treated, 12 Ph-positive. CR was 70%.",
    "Forty adults with relapsed ALL were enrolled; 12 were Ph-positive. CR was 70%.",
    "Of 40 adults, twelve were Ph-positive. CR was 70%.",
    "We treated 45 adults with relapsed ALL, 15 patients were Ph-positive. CR was 70%.",
    "Forty adults with relapsed ALL were enrolled. Ph+ ALL: 10 (25%). CR was 70%.",
    "Forty adults with relapsed ALL were enrolled. Ph-positive, 12 (30%); T-ALL, 5 (12%). CR was 70%.",
])
def test_a_counted_part_is_any(nlp, text):
    assert _ph(nlp, text) == "any"


@pytest.mark.parametrize("text, status", [
    ("All 30 patients were Ph-positive. CR was 70%.", "positive"),
    ("Thirty patients with Ph-positive ALL were treated with ponatinib. CR was 70%.", "positive"),
    ("Thirty Ph-positive patients received ponatinib. CR was 70%.", "positive"),
    ("Between 2010 and 2020, 30 Ph-positive adults were treated with ponatinib. CR was 70%.", "positive"),
    ("In 2015, 25 Ph-negative adults received inotuzumab. CR was 70%.", "negative"),
    ("In 30 adults with Ph-negative ALL, CR was 70%.", "negative"),
    ("We treated 40 adults with relapsed Ph-negative B-ALL. Ph-negative disease: 40 (100%). CR was 70%.",
     "negative"),
])
def test_a_whole_cohort_keeps_its_status(nlp, text, status):
    assert _ph(nlp, text) == status


# --- both values named only in the opening general sentences, before the study's own patients -------------------


@pytest.mark.parametrize("text, status", [
    ("TKIs have transformed Ph-positive ALL, but relapsed Ph-negative disease remains a challenge. We treated 40 "
     "adults with relapsed B-ALL with inotuzumab. CR was achieved in 30 (75%).", "unknown"),
    ("Tyrosine kinase inhibitors have improved outcomes in Philadelphia chromosome-positive ALL. Outcomes of "
     "relapsed Ph-negative ALL remain poor. We enrolled 40 adults with relapsed ALL. CR was achieved in 30 (75%).",
     "unknown"),
    # the study's own patients named: their status
    ("TKIs transformed outcomes of Ph-positive ALL. We treated 50 adults with relapsed Ph-negative B-ALL. "
     "CR was 70%.", "negative"),
    # whom the study admits, or both named after the enrolment: both
    ("Patients with Ph-positive or Ph-negative ALL were eligible. We treated 40 adults with relapsed ALL. "
     "CR was 70%.", "any"),
    ("In this study, Ph-positive and Ph-negative adults were treated with inotuzumab. We treated 40 adults with "
     "relapsed ALL. CR was 70%.", "any"),
    ("We treated 40 adults with relapsed ALL. Both Ph-positive and Ph-negative patients responded. CR was 70%.",
     "any"),
])
def test_general_opening_sentences_leave_the_status_unstated(nlp, text, status):
    assert _ph(nlp, text) == status


# --- two labelled groups with their counts: the cohort is their sum ---------------------------------------------


@pytest.mark.parametrize("text, size", [
    ("Cohort 1 included 45 patients with first relapse and cohort 2 included 30 patients with second relapse. "
     "CR was 60%.", 75),
    ("Cohort 1 included 45 patients and cohort 2 included 30. CR was 60%.", 75),
    ("Arm A enrolled 40 patients and arm B 38. CR was 60%.", 78),
    # a share, not a count, after the second label: as before
    ("Cohort 1 included 45 patients and cohort 2 achieved 30% CR. CR was 60%.", 45),
    # the cohort counted first
    ("We enrolled 60 patients. Cohort 1 included 45 patients and cohort 2 included 15. CR was 60%.", 60),
])
def test_two_labelled_groups_sum(nlp, text, size):
    assert run_text(nlp, text, title=DRUG_X_TITLE)["cohort_size"] == size
