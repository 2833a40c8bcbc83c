"""Study labels and scalars, fifteenth round. Our own sentences and whole invented abstracts, run end to end.

Relevance: laboratory or animal work named only in the body (two sentences, no patients enrolled beside them); a
study of healthy volunteers (pharmacokinetics, bioequivalence). Cohort size: the therapy or the study as the subject
of a passive verb with its patients after "in" ("X was evaluated in 52 adults", "The trial was conducted in 40
children"), a study named with its count ("a phase 2 study in 40 adults", "a trial involving 40 children"); a
measure assessed "in" some patients ("MRD was evaluated in 30 patients") is a part, not the cohort."""
from __future__ import annotations

import pytest

from phrasing_cases import run_text

NEUTRAL_TITLE = "Drug X in acute lymphoblastic leukemia"  # names no setting of its own
SALVAGE = "Drug X in relapsed acute lymphoblastic leukemia"


def _relevant(nlp, text: str, title: str = NEUTRAL_TITLE) -> bool:
    return run_text(nlp, text, title=title)["relevant"]


def _cohort(nlp, text: str, title: str = SALVAGE):
    return run_text(nlp, text, title=title)["cohort_size"]


# --- cohort size: a passive verb of study with its patients after "in" --------------------------------------------


@pytest.mark.parametrize("text, size", [
    ("Drug X was evaluated in 112 adults with relapsed ALL. CR was 40%.", 112),
    ("The efficacy and safety of drug X were prospectively investigated in 112 adults with relapsed ALL. CR was 40%.",
     112),
    ("A multicentre phase 2 trial was conducted in 40 adults with relapsed ALL. CR was 40%.", 40),
    ("The combination was tested in 3 dose levels in 18 patients. CR was 40%.", 18),
    ("The trial was performed in 12 centres in 40 children. CR was 40%.", 40),
])
def test_a_passive_verb_of_study_counts_the_patients_after_in(nlp, text, size):
    assert _cohort(nlp, text) == size


@pytest.mark.parametrize("text, size", [
    ("This was a nonrandomized, open-label, phase 2 study in 40 adults. CR was 40%.", 40),
    ("A phase 2 study involving 40 children with relapsed ALL was carried out. CR was 40%.", 40),
    ("We report a multicentre trial including 64 patients with relapsed ALL. CR was 40%.", 64),
])
def test_a_study_named_with_its_count(nlp, text, size):
    assert _cohort(nlp, text) == size


@pytest.mark.parametrize("text, size", [
    # a measure assessed in some patients is a part of the cohort
    ("MRD was evaluated in 30 patients. CR was 40%.", None),
    ("MRD was studied in 30 patients. CR was 40%.", None),
    ("Responses were assessed in 30 patients. CR was 40%.", None),
    ("Forty adults were enrolled. MRD was evaluated in 30 patients. CR was 40%.", 40),
    # another study's count gives way to the authors' own
    ("In a previous trial in 49 patients, drug X was active. Here, 60 adults with relapsed ALL received drug X. CR "
     "was 40%.", 60),
    ("The phase 3 trial in 326 patients showed longer OS with drug X. We treated 60 adults. CR was 40%.", 60),
])
def test_a_part_or_another_study_is_no_cohort(nlp, text, size):
    assert _cohort(nlp, text) == size


# --- cohort size: assignment to cohorts or arms, each arm's count after "to" --------------------------------------


@pytest.mark.parametrize("text, size", [
    ("In this nonrandomized phase 2 trial, 80 adults were assigned to two cohorts. CR was 40%.", 80),
    ("Eighty adults were assigned to receive drug X. CR was 40%.", 80),
    # two arms' counts, the second's verb left out after its "to": their sum
    ("Twenty adults were randomized to drug X and 22 to chemotherapy. CR was 40%.", 42),
    ("Twenty adults were allocated to arm A and 20 to arm B. CR was 40%.", 40),
    ("Twenty adults were assigned to arm A and twenty to arm B. CR was 40%.", 40),
    # the first count given is the cohort: its breakdown after it is no second group
    ("Of 60 patients, 40 were randomized to drug X and 20 to chemotherapy. CR was 40%.", 60),
    ("Sixty patients were randomized; 40 to drug X and 20 to chemotherapy. CR was 40%.", 60),
    ("A total of 60 patients were enrolled, 40 to the first cohort and 20 to the expansion. CR was 40%.", 60),
    ("Forty adults were enrolled. Twenty were assigned to arm A and 20 to arm B. CR was 40%.", 40),
    # a later subset's "to" is no arm
    ("Sixty patients were enrolled and 40 proceeded to HSCT. CR was 40%.", 60),
    ("Sixty patients were treated, and 40 went on to transplant. CR was 40%.", 60),
    # each group's size is no total
    ("Six patients were assigned to each dose level. CR was 40%.", None),
])
def test_assignment_to_arms_counts_the_cohort(nlp, text, size):
    assert _cohort(nlp, text) == size
