"""Study classification and scalars, eleventh phrasing round. Cohort size: a year after a month, and a month's day,
are no counts ("Between January 2010 and December 2018, 62 adults", "As of December 31, 2019, 45 patients"); the
patients a sentence screens before the enrolled ones ("We screened 120 patients; 107 were enrolled"); a sentence
opening with the enrolled count whose noun is left out ("Of 60 enrolled, 52 were infused"); arm counts listed with
"respectively" ("109 and 109 patients were randomized to A and B, respectively": their total, never the last
alone); the study introduced by "we conducted", "data on N patients", "N patients entered the study" and the
patients "eligible" or "available for analysis". Our own sentences, run end to end."""
from __future__ import annotations

import pytest

from phrasing_cases import DRUG_X_TITLE, run_text


def _cohort(nlp, text: str, title: str = DRUG_X_TITLE):
    return run_text(nlp, text, title=title)["cohort_size"]


# --- a month's year or day is no count ------------------------------------------------------------------------


@pytest.mark.parametrize("text, size", [
    ("Between January 2010 and December 2018, 62 adults with relapsed ALL were treated. CR was 50%.", 62),
    ("Between January 2010 and December 2018, sixty-two adults with relapsed ALL were treated. CR was 50%.", 62),
    ("From Jan. 2012 until Sept. 2019, 38 children received blinatumomab. CR was 50%.", 38),
    ("As of December 31, 2019, 45 patients were treated. CR was 50%.", 45),
    ("Between June 1, 2015, and May 31, 2018, 62 patients were enrolled. CR was 50%.", 62),
    ("As of March 1st, 2021, 55 patients had received at least one dose. CR was 50%.", 55),
    # no month: still read as before
    ("Between 2010 and 2018, 62 adults with relapsed ALL were treated. CR was 50%.", 62),
])
def test_phrasings_month_year_before_the_count(nlp, text, size):
    assert _cohort(nlp, text) == size


# --- screened, then enrolled ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text, size", [
    ("We screened 120 patients; 107 were enrolled and 92 received tisagenlecleucel. CR was 81%.", 107),
    ("We screened 120 patients, of whom 107 were enrolled. CR was 81%.", 107),
    ("Of 120 patients screened, 107 were enrolled. CR was 81%.", 107),  # as before
])
def test_phrasings_screened_before_the_count(nlp, text, size):
    assert _cohort(nlp, text) == size


# --- the enrolled count opening a sentence without its noun ---------------------------------------------------


@pytest.mark.parametrize("text, size", [
    ("Of 60 enrolled, 52 were infused. CR was 55%.", 60),
    ("Among the 45 randomized, 40 received the assigned treatment. CR was 55%.", 45),
    ("Of 38 treated, 30 were evaluable for response. CR was 55%.", 38),
])
def test_phrasings_elided_noun_of_the_enrolled(nlp, text, size):
    assert _cohort(nlp, text) == size


@pytest.mark.parametrize("text", [
    "Of 60 responders, 52 proceeded to transplant. CR was 55%.",  # no enrolment verb after the count
    "Of 12 evaluable, 8 responded. CR was 55%.",
])
def test_phrasings_elided_noun_needs_an_enrolment_verb(nlp, text):
    assert _cohort(nlp, text) is None


# --- listed arm counts ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, size", [
    ("In total, 109 and 109 patients were randomized to inotuzumab and chemotherapy, respectively. CR was 80.7% vs "
     "29.4%.", 218),
    ("The inotuzumab and chemotherapy arms included 109 and 109 patients, respectively. CR was 80.7% vs 29.4%.", 218),
    ("Three, 6, and 9 patients were treated at dose levels 1, 2, and 3, respectively. CR was 50%.", 18),
])
def test_phrasings_listed_arm_counts_give_their_total(nlp, text, size):
    assert _cohort(nlp, text, title="Inotuzumab versus chemotherapy in relapsed ALL") == size


@pytest.mark.parametrize("text", [
    # a list without "respectively": none of its counts is the cohort (the last alone was read before)
    "Overall, 109 and 109 patients were randomized. CR was 80.7% vs 29.4%.",
    # counts of outcomes
    "Twelve and 8 patients achieved CR and CRi, respectively, of the 40 treated.",
])
def test_phrasings_listed_counts_without_arms_give_none(nlp, text):
    assert _cohort(nlp, text) is None


# --- more cues of the study population ------------------------------------------------------------------------


@pytest.mark.parametrize("text, size", [
    ("We conducted a multicenter study in 56 patients with relapsed ALL. CR was 50%.", 56),
    ("We retrospectively performed an analysis of 41 adults treated with inotuzumab. CR was 50%.", 41),
    ("Data on 56 patients were collected. CR was 50%.", 56),
    ("Data from 73 patients treated at 12 centres were pooled. CR was 50%.", 73),
    ("Fifty-six patients entered the study. CR was 50%.", 56),
    ("Fifty-six patients were eligible. CR was 50%.", 56),
    ("Fifty-six patients were available for analysis. CR was 50%.", 56),
])
def test_phrasings_more_cues_of_the_study_population(nlp, text, size):
    assert _cohort(nlp, text) == size


@pytest.mark.parametrize("text", [
    "We conducted a meta-analysis of 12 studies. CR was 50%.",  # no population noun
    "Fifty-six patients were eligible for HSCT. CR was 50%.",  # eligible for something else: a part
    "Twenty patients were available for MRD assessment. CR was 50%.",
])
def test_phrasings_more_cues_keep_their_limits(nlp, text):
    assert _cohort(nlp, text) is None


# --- Ph status: what a preposition excludes, "of which", a status weighed against an outcome -------------------


def _population(nlp, text: str) -> dict:
    return run_text(nlp, text, title=DRUG_X_TITLE)["population"]


@pytest.mark.parametrize("text", [
    "Forty adults with relapsed B-ALL, excluding Ph-positive ALL, were treated. CR was 50%.",
    "Forty adults with relapsed B-ALL other than Ph-positive ALL were treated. CR was 50%.",
    "Forty adults with relapsed B-ALL except Ph-positive disease were treated. CR was 50%.",
])
def test_phrasings_preposition_excludes_what_follows(nlp, text):
    # the status after the preposition is excluded; the lineage before it is the cohort's, not flipped to T
    assert _population(nlp, text) | {"age_group": None} == {"age_group": None, "ph_status": "negative",
                                                              "lineage": "B"}


def test_phrasings_passive_exclusion_still_excludes_what_precedes(nlp):
    text = "Forty adults with relapsed B-ALL were treated. Patients with Ph+ ALL were excluded. CR was 50%."
    assert _population(nlp, text)["ph_status"] == "negative"


@pytest.mark.parametrize("text", [
    "Forty adults with relapsed B-ALL were treated, of which 10 were Ph+. CR was 50%.",
    "Forty adults with relapsed B-ALL were treated. Ph-positive status was associated with shorter OS (HR 2.1).",
    "Forty adults with relapsed B-ALL were treated. In multivariable analysis, Ph-positive status predicted "
    "inferior survival (HR 1.9).",
])
def test_phrasings_ph_positive_part_of_a_mixed_cohort(nlp, text):
    assert _population(nlp, text)["ph_status"] == "any"


@pytest.mark.parametrize("text", [
    # a Ph-positive cohort's own covariate is no status of a part
    "Forty adults with relapsed Ph-positive ALL were treated. MRD negativity was associated with longer OS.",
    "We treated 40 adults with relapsed Ph-positive ALL. The T315I mutation predicted inferior survival.",
])
def test_phrasings_ph_positive_cohort_with_covariates(nlp, text):
    assert _population(nlp, text)["ph_status"] == "positive"
