"""Recurring phrasings found by running whole abstracts written in our own words (figures restated from published
salvage-ALL trials) end to end: two endpoint lists in one sentence, a remission named by its count recovery only,
and a phase label joined by a slash that is no head count."""
from __future__ import annotations

import pytest

from phrasing_cases import outcome_triples as _outcomes, run_text as _run


@pytest.mark.parametrize("text, outcomes", [
    # each endpoint list is zipped with its own values, the second as the first
    ("Median OS and EFS were 12.3 and 6.1 months; 12-month OS and EFS were 51% and 30%.",
     [("all", "EFS_MEDIAN", 6.1), ("all", "EFS_RATE", 30), ("all", "OS_MEDIAN", 12.3), ("all", "OS_RATE", 51)]),
    ("Median OS and EFS were 12.3 and 6.1 months, and 1-year OS and EFS rates were 51% and 30%.",
     [("all", "EFS_MEDIAN", 6.1), ("all", "EFS_RATE", 30), ("all", "OS_MEDIAN", 12.3), ("all", "OS_RATE", 51)]),
    # one list stays one list
    ("12-month OS and EFS rates were 51% and 30%.", [("all", "EFS_RATE", 30), ("all", "OS_RATE", 51)]),
])
def test_phrasings_two_endpoint_lists_in_one_sentence(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    ("Remission with full hematologic recovery occurred in 34% of the blinatumomab group and 16% of the chemotherapy "
     "group.", [("blinatumomab", "CR", 34), ("chemotherapy", "CR", 16)]),
    ("Remission with full count recovery was achieved in 40%.", [("all", "CR", 40)]),
    # with partial recovery it is the composite
    ("Remission with full or partial hematologic recovery occurred in 44%.", [("all", "CR_CRi", 44)]),
])
def test_phrasings_remission_named_by_its_count_recovery(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, cohort", [
    ("A phase 1b/2 trial enrolled adults aged 18 years or older.", None),
    ("This phase Ib/II study enrolled adults with relapsed ALL.", None),
    ("A phase 1b/2 trial enrolled 64 adults.", 64),
])
def test_phrasings_a_phase_after_a_slash_is_no_head_count(nlp, text, cohort):
    assert _run(nlp, text)["cohort_size"] == cohort


@pytest.mark.parametrize("text, outcomes", [
    ("All responders were MRD-negative.", [("responders", "MRD_NEG", 100)]),
    ("Minimal residual disease was undetectable in all responding patients.", [("responders", "MRD_NEG", 100)]),
    ("All patients who had a response to treatment were found to be negative for minimal residual disease.",
     [("responders", "MRD_NEG", 100)]),
    ("All patients with CR were MRD negative, and the 1-year OS was 60%.",
     [("all", "OS_RATE", 60), ("responders", "MRD_NEG", 100)]),
    # not all is no rate, and a group defined by its MRD status states none
    ("Not all responders were MRD-negative.", []),
    ("All patients with MRD-negative CR remained in remission.", []),
])
def test_phrasings_every_responder_mrd_negative(nlp, text, outcomes):
    assert sorted(_outcomes(_run(nlp, text))) == sorted(outcomes)


@pytest.mark.parametrize("text, arms, cohort", [
    # an abbreviation before the n in each arm's bracket
    ("We retrospectively reviewed adults treated with inotuzumab (INO, n = 68) or blinatumomab (BLINA, n = 92). "
     "The CR/CRi rate was 73% with INO and 55% with BLINA.",
     [("inotuzumab ozogamicin", 68), ("blinatumomab", 92)], 160),
    # a count read from the arms' own sentence that is one arm's size is no cohort: the arms' total is
    ("We compared 68 patients who received inotuzumab with 92 who received blinatumomab. Median OS was 9.2 and 10.1 "
     "months, respectively.", [("inotuzumab ozogamicin", 68), ("blinatumomab", 92)], 160),
    # a total printed before the arms stays
    ("A total of 170 patients were included. Patients received inotuzumab (n = 68) or blinatumomab (n = 92).",
     [("inotuzumab ozogamicin", 68), ("blinatumomab", 92)], 170),
])
def test_phrasings_two_treated_groups_and_their_total(nlp, text, arms, cohort):
    record = _run(nlp, text)
    assert [(a["label"], a["n"]) for a in record["arms"]] == arms
    assert record["cohort_size"] == cohort


@pytest.mark.parametrize("text, outcomes", [
    # a word of how often an event was, or of the whole cohort, names no group
    ("ICANS was uncommon (4%).", [("all", "NEURO", 4)]),
    ("CRS was frequent (77%) but mostly low grade.", [("all", "CRS", 77)]),
    ("For the entire cohort, the 1-year OS was 60%.", [("all", "OS_RATE", 60)]),
    ("In the whole cohort, the 1-year OS was 60%.", [("all", "OS_RATE", 60)]),
    # a named subgroup scope stays
    ("In the Ph-positive cohort, the 1-year OS was 60%.", [("Ph-positive", "OS_RATE", 60)]),
])
def test_phrasings_frequency_and_whole_cohort_words_name_no_group(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text", [
    "Of responders, 85% were MRD-negative.",
    "Of the responders, 85% were MRD-negative.",
    "Of responding patients, 85% were MRD-negative.",
])
def test_phrasings_responders_opened_without_a_count(nlp, text):
    assert _outcomes(_run(nlp, text)) == [("responders", "MRD_NEG", 85)]


def test_phrasings_of_note_opens_no_group(nlp):
    assert _outcomes(_run(nlp, "Of note, 85% were MRD-negative.")) == [("all", "MRD_NEG", 85)]


@pytest.mark.parametrize("text, arms", [
    # the second count's verb left out with no preposition, and "X-based" salvage as the arm of X
    ("We identified 88 patients; 50 received ponatinib and 38 dasatinib. Median OS was 16.0 and 9.5 months, "
     "respectively.", [("ponatinib", 50), ("dasatinib", 38)]),
    ("We identified 88 patients: 50 received ponatinib-based and 38 dasatinib-based salvage. Median OS was 16.0 and "
     "9.5 months, respectively.", [("ponatinib", 50), ("dasatinib", 38)]),
    # counts that do not add up to a stated total are no arms (later therapy of part of the cohort)
    ("We treated 88 patients. After relapse, 5 received ponatinib and 3 dasatinib.", [("all", 88)]),
])
def test_phrasings_counted_arms_with_the_second_verb_left_out(nlp, text, arms):
    record = _run(nlp, text)
    assert [(a["label"], a["n"]) for a in record["arms"]] == arms
    if len(arms) == 2:
        assert [o["arm"] for o in record["outcomes"]] == [arms[0][0], arms[1][0]]


def test_phrasings_the_whole_cohort_beside_a_subgroup_is_all(nlp):
    text = "The 1-year overall survival was 24% for the whole cohort and 37% for transplanted patients."
    assert _outcomes(_run(nlp, text)) == [("all", "OS_RATE", 24), ("transplanted", "OS_RATE", 37)]


def test_phrasings_two_sized_groups_compared_by_a_passive_verb(nlp):
    record = _run(nlp, "Adults treated with inotuzumab (n = 48) were compared with adults treated with blinatumomab "
                       "(n = 96). The CR rate was 62% with inotuzumab and 41% with blinatumomab.")
    assert [(a["label"], a["n"]) for a in record["arms"]] == [("inotuzumab ozogamicin", 48), ("blinatumomab", 96)]
    assert record["cohort_size"] == 144


@pytest.mark.parametrize("text, outcomes", [
    # a fraction of fewer people than the cohort counts the group named after it
    ("Forty patients were treated. Three of 15 transplanted patients (20%) developed VOD.",
     [("transplanted patients", "VOD", 20)]),
    ("Forty patients were treated. CR was achieved in 4 of 5 patients with Ph-positive ALL.",
     [("Ph-positive ALL", "CR", 80)]),
    ("Forty patients were treated. Twelve of 16 Ph-positive patients (75%) achieved CR/CRi.",
     [("Ph-positive", "CR_CRi", 75)]),
    # the cohort's own N, or no cohort known: the cohort's
    ("Forty patients were treated. CR was achieved in 30 of 40 patients with relapsed ALL (75%).", [("all", "CR", 75)]),
    ("CR was achieved in 4 of 5 patients with Ph-positive ALL.", [("all", "CR", 80)]),
])
def test_phrasings_a_fraction_of_a_named_group(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # a share of the patients in remission as the subject of a transplant, in digits or words
    ("80% of patients in CR proceeded to allogeneic transplantation.", [("CR", "HSCT", 80)]),
    ("Eighty percent of patients in CR proceeded to allogeneic transplantation.", [("CR", "HSCT", 80)]),
    ("Of the patients in CR, 80% proceeded to allogeneic HSCT.", [("CR", "HSCT", 80)]),
])
def test_phrasings_a_share_of_the_patients_in_remission(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes
