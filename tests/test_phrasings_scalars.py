"""Recurring phrasings of the study scalars (cohort size, median age, median follow-up) and of doses, written in our
own words, run end to end. Each case is a way abstracts commonly state them that an earlier version got wrong."""
from __future__ import annotations

import pytest

from extractor.extraction import extract_article
from extractor.models import AbstractSection, Article
from phrasing_cases import SALVAGE_TITLE, run_text as _run


def _scalars(record: dict) -> tuple:
    return record["cohort_size"], record["median_age_years"], record["median_follow_up_months"]


@pytest.mark.parametrize("text, months", [
    # the follow-up named after its measure, or as a verb
    ("The median time of follow-up was 27 months.", 27),
    ("The median length of follow-up was 2 years.", 24),
    ("After a median observation of 2 years, 20 patients were alive.", 24),
    ("Patients were followed for a median of 26 months.", 26),
    ("Patients were followed up for a median of 3.2 years (range, 1-7).", 38.4),
    ("With a median potential follow-up of 30 months, the median OS was 8 months.", 30),
    ("Median follow up time for the surviving patients was 5.1 years.", 61.2),
    # the duration inside the cue
    ("After a median of 18 months of follow-up, the 2-year OS was 50%.", 18),
])
def test_phrasings_follow_up(nlp, text, months):
    assert _run(nlp, text)["median_follow_up_months"] == months


@pytest.mark.parametrize("text", [
    # one follow-up per arm or per endpoint: which is the study's is not in the text
    "The median follow-up was 13.2 months for the inotuzumab arm and 12.8 months for the control arm.",
    "Median follow-up was 24 months in the blinatumomab group and 23 months in the chemotherapy group.",
    "The median follow-up for OS was 25 months and for EFS 22 months.",
])
def test_phrasings_follow_up_per_group_is_none(nlp, text):
    assert _run(nlp, text)["median_follow_up_months"] is None


@pytest.mark.parametrize("text, years", [
    # the median in a bracket after the age range
    ("Patients were aged 18 to 78 years (median 46).", 46),
    ("Patients aged 19-80 years (median, 52 years) were enrolled.", 52),
    ("Patients were 22 to 79 years old (median, 48 years).", 48),
    # the statistic named before the measure
    ("Median (range) age was 41 (18-74) years.", 41),
    # a longer description of when the age was taken
    ("The median age of patients at the time of CAR T-cell infusion was 13 years.", 13),
    # infants' ages in months, read in years
    ("Patients had a median age of 14 months (range, 2-24 months).", 1.2),
    ("The median age was 6 (range, 1-11) months.", 0.5),
    ("The median age was 3 years (range, 6 months to 17 years).", 3),
    ("The median age was 3 (range, 6 months to 17 years).", 3),
    # a second number that is not an age does not make the age ambiguous
    ("Patients had a median age of 42.5 years, and 60% were male.", 42.5),
])
def test_phrasings_median_age(nlp, text, years):
    assert _run(nlp, text)["median_age_years"] == years


@pytest.mark.parametrize("text", [
    "The median age in the inotuzumab arm was 47 years and 46 years in the control arm.",
    "The median age was 47 years vs 46 years.",
    # a range of follow-up is not an age range
    "Patients were followed for 1 to 10 years (median, 4 years).",
])
def test_phrasings_median_age_per_arm_is_none(nlp, text):
    assert _run(nlp, text)["median_age_years"] is None


@pytest.mark.parametrize("text, cohort", [
    # the patients screened are not the cohort; the count after them is, its noun left out
    ("Of 350 patients screened, 326 were randomized.", 326),
    ("A total of 350 patients were assessed for eligibility, and 326 were randomly assigned.", 326),
    ("Fifty patients were screened; 44 were enrolled.", 44),
    # a breakdown in brackets does not make the total one group of several
    ("A total of 405 patients were randomized (271 to blinatumomab and 134 to chemotherapy).", 405),
    ("A total of 60 patients (40 with B-ALL and 20 with T-ALL) were included.", 60),
    ("The cohort included 87 patients: 40 children and 47 adults.", 87),
    ("We retrospectively reviewed 90 patients with relapsed ALL.", 90),
    ("Records of 43 patients were reviewed.", 43),
    # an "N =" that is not a group's bracketed N is a count like any other
    ("N = 40 patients were enrolled.", 40),
    ("We enrolled n=40 patients.", 40),
    # prior therapy inside an enrolment sentence leaves the enrolment cue
    ("Thirty patients who had previously received blinatumomab were enrolled.", 30),
])
def test_phrasings_cohort(nlp, text, cohort):
    assert _run(nlp, text)["cohort_size"] == cohort


@pytest.mark.parametrize("text", [
    # a group's N inside a bracket is not the cohort
    "We enrolled 48 (Ph-negative, n = 30; Ph-positive, n = 18) patients.",
    # prior therapy and a later transplant count part of the cohort, they do not enrol it
    "Fifteen patients had received prior blinatumomab.",
    "Twelve patients were previously treated with blinatumomab.",
    "Twenty-two patients received allogeneic HSCT in remission.",
    # a screened count alone is not the cohort
    "Seven hundred patients were screened.",
])
def test_phrasings_cohort_is_none(nlp, text):
    assert _run(nlp, text)["cohort_size"] is None


def test_phrasings_cohort_after_a_prior_therapy_sentence(nlp):
    record = _run(nlp, "Fifteen patients had received prior blinatumomab. A total of 44 patients were treated.")
    assert record["cohort_size"] == 44


def _doses(record: dict) -> list[tuple]:
    return sorted((d["drug_id"], d["dose"], d["dose_max"], d["unit"]) for d in record["doses"])


@pytest.mark.parametrize("text, doses", [
    # an absolute cell dose with the cells described between the number and "cells"
    ("Obecabtagene autoleucel was given as a split dose of 410 × 10^6 CAR T cells.",
     [("obecabtagene autoleucel", 410000000, None, "cells")]),
    ("The target dose of tisagenlecleucel was 0.2 to 5.0 × 10^8 CAR-positive T cells.",
     [("tisagenlecleucel", 20000000, 500000000, "cells")]),
    # the cells named by the product itself
    ("The product was given at a target dose of 410 × 10^6 CD19 CAR T cells.",
     [("cd19-car t cells", 410000000, None, "cells")]),
    ("Patients received 5 × 10^5 CD22 CAR T cells/kg.", [("cd22-car t cells", 500000, None, "cells/kg")]),
    # a cap on the dose is not a dose
    ("Vincristine 1.4 mg/m2 (maximum 2 mg) was given on days 1 and 8.", [("vincristine", 1.4, None, "mg/m2")]),
    ("Patients received vincristine 1.5 mg/m2 (max. 2 mg) weekly.", [("vincristine", 1.5, None, "mg/m2")]),
    # a flat dose still is one
    ("Vincristine 2 mg flat dose was given on days 1 and 8.", [("vincristine", 2, None, "mg")]),
])
def test_phrasings_doses(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text", [
    # cells per volume are a concentration, not a dose
    "Tisagenlecleucel expanded to a peak of 2 × 10^4 CAR T cells per µL of blood.",
    "Blinatumomab was given when the blast count was below 50 cells per microliter.",
    "Blinatumomab lowered the B-cell count to 5 × 10^6 cells/L.",
])
def test_phrasings_cell_concentration_is_not_a_dose(nlp, text):
    assert _run(nlp, text)["doses"] == []


@pytest.mark.parametrize("text, doses", [
    # NEJM style: the body-surface area spelled out, the schedule after it
    ("Children received blinatumomab at 15 μg per square meter of body-surface area per day.",
     [("blinatumomab", 15, None, "µg/m2", "day")]),
    ("Inotuzumab ozogamicin was given at a dose of 1.8 mg per square meter of body-surface area per cycle.",
     [("inotuzumab ozogamicin", 1.8, None, "mg/m2", "cycle")]),
    ("Blinatumomab 15 micrograms/m2/day was given.", [("blinatumomab", 15, None, "µg/m2", "day")]),
    ("Blinatumomab was given at 28 micrograms per day.", [("blinatumomab", 28, None, "µg", "day")]),
    ("Dasatinib was given at 140 mg once a day.", [("dasatinib", 140, None, "mg", "day")]),
    # thousands grouped with a space
    ("Pegaspargase 2 500 IU/m2 was given on day 4.", [("pegaspargase", 2500, None, "IU/m2", None)]),
])
def test_phrasings_dose_units(nlp, text, doses):
    assert sorted((d["drug_id"], d["dose"], d["dose_max"], d["unit"], d["per"]) for d in _run(nlp, text)["doses"]) \
        == doses


def test_phrasings_multiplier_word_is_not_a_cell_description(nlp):
    # "3 million cells/kg" is not 3 cells/kg: the multiplier word is part of the number
    doses = _run(nlp, "Patients received tisagenlecleucel at 3 million cells/kg.")["doses"]
    assert [(d["dose"], d["unit"]) for d in doses] == [(3000000, "cells/kg")]


@pytest.mark.parametrize("text, scalars", [
    ("A total of 1 092 patients were included.", (1092, None, None)),
    ("The median follow-up was two years.", (None, None, 24)),
    ("After a median follow-up of three years, the OS was 40%.", (None, None, 36)),
])
def test_phrasings_scalars_number_forms(nlp, text, scalars):
    assert _scalars(_run(nlp, text)) == scalars


@pytest.mark.parametrize("text, cohort", [
    ("The study population comprised 112 patients.", 112),
    ("The study cohort consisted of 58 children.", 58),
    ("We retrospectively evaluated 50 patients with relapsed ALL.", 50),
    ("Seventy patients from 20 centres participated.", 70),
    # a subset evaluated for an endpoint is not an enrolment
    ("Forty patients were evaluated for response.", None),
])
def test_phrasings_cohort_enrolment_verbs(nlp, text, cohort):
    assert _run(nlp, text)["cohort_size"] == cohort


def test_phrasings_background_counts_another_study(nlp):
    sections = (AbstractSection("BACKGROUND", "BACKGROUND",
                                "In a previous trial, 326 patients were randomized to inotuzumab or standard care."),
                AbstractSection("METHODS", "METHODS", "We analyzed 120 patients treated after failure of inotuzumab."))
    record = extract_article(Article(pmid="1", title=SALVAGE_TITLE, sections=sections), nlp)
    assert record["cohort_size"] == 120


@pytest.mark.parametrize("text, scalars", [
    # one verb for both scalars
    ("Median age and follow-up were 45 years and 24 months, respectively.", (None, 45, 24)),
    ("The median age and median follow-up were 45 years and 2 years.", (None, 45, 24)),
    # two different ages (or follow-ups) in one sentence: which is the study's is not said
    ("The median age at transplant was 30 years, and the median age at relapse was 31 years.", (None, None, None)),
    ("The median follow-up for OS was 25 months, and the median follow-up for EFS was 22 months.",
     (None, None, None)),
    ("The median age was 47 (range 18-80) and 46 (range 19-79) years in the two arms.", (None, None, None)),
    # a count with its percentage after an age is not a second age
    ("The median age was 45 years, and 12 (40%) patients were older than 60.", (None, 45, None)),
])
def test_phrasings_scalars_in_one_sentence(nlp, text, scalars):
    assert _scalars(_run(nlp, text)) == scalars


@pytest.mark.parametrize("text, doses", [
    # "between X and Y" is a range
    ("Inotuzumab was given at doses between 1.2 and 1.8 mg/m2.", [("inotuzumab ozogamicin", 1.2, 1.8, "mg/m2")]),
    # a slash list shares the unit
    ("Inotuzumab ozogamicin was given at 0.8/0.5/0.5 mg/m2 on days 1, 8 and 15.",
     [("inotuzumab ozogamicin", 0.5, None, "mg/m2"), ("inotuzumab ozogamicin", 0.5, None, "mg/m2"),
      ("inotuzumab ozogamicin", 0.8, None, "mg/m2")]),
    ("Blinatumomab was given at 9/28 μg/day.", [("blinatumomab", 9, None, "µg"), ("blinatumomab", 28, None, "µg")]),
    # a cap in another unit
    ("Blinatumomab was given at 15 µg/m2/day (maximum 28 µg/day).", [("blinatumomab", 15, None, "µg/m2")]),
])
def test_phrasings_dose_lists(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, age", [
    # the cohort counted between the cue and the age
    ("The median age of the 48 patients was 45 years.", 45),
    ("The median age of all 120 patients was 52 years (range, 18-84).", 52),
    # a counted subgroup with its own clause is not the cohort
    ("The median age of the 12 patients who relapsed was 30 years.", None),
])
def test_phrasings_median_age_of_counted_cohort(nlp, text, age):
    assert _run(nlp, text)["median_age_years"] == age


@pytest.mark.parametrize("text", [
    # counts of dose levels, parts or cycles with the verb left out or repeated: the total is not printed
    "Six patients were treated at dose level 1 and 12 at dose level 2.",
    "Three patients were treated at 0.8 mg/m2 and six at 1.2 mg/m2 of inotuzumab.",
    "A total of 22 patients were enrolled in the phase 1 portion and 43 in the phase 2 portion.",
    "In the dose-escalation phase, 18 patients were treated; 30 more were treated in the expansion phase.",
    "Twenty-four patients received 1 cycle and 10 received 2 cycles.",
    "Twenty-four patients received one cycle, and ten patients received two cycles.",
    "Fifteen patients in first salvage were treated with inotuzumab, and 25 patients in second salvage.",
])
def test_phrasings_cohort_parallel_groups_is_none(nlp, text):
    assert _run(nlp, text)["cohort_size"] is None


@pytest.mark.parametrize("text, cohort", [
    # a later subset with a verb of its own keeps the total
    ("Of the 60 patients, 40 were treated at the recommended dose.", 60),
    ("Overall, 96 patients were enrolled; 59 received the drug in first salvage.", 96),
    ("Forty-five patients were enrolled; 30 (67%) achieved CR.", 45),
])
def test_phrasings_cohort_with_later_subset(nlp, text, cohort):
    assert _run(nlp, text)["cohort_size"] == cohort


@pytest.mark.parametrize("title, cohort", [
    ("Inotuzumab ozogamicin in 48 adults with relapsed ALL: a phase 2 study", 48),
    # the count is of cohorts, trials, relapses or years, not of the patients named after them
    ("Blinatumomab in 3 cohorts of patients with relapsed ALL", None),
    ("Results of 2 phase II trials of inotuzumab in adults with ALL", None),
    ("Salvage therapy in 2 consecutive relapses of ALL in children", None),
    ("Survival of 65 years and older patients with relapsed ALL", None),
])
def test_phrasings_cohort_in_title(nlp, title, cohort):
    assert _run(nlp, "CR was 50%.", title=title)["cohort_size"] == cohort


@pytest.mark.parametrize("text", [
    # a time point after a follow-up cue without its own duration is not the follow-up
    "With a longer median follow-up, the 2-year OS was 45%.",
    "With extended median follow-up, OS at 2 years was 45%.",
    # a bound is not a median
    "The median follow-up was more than 2 years.",
])
def test_phrasings_follow_up_not_a_time_point(nlp, text):
    assert _run(nlp, text)["median_follow_up_months"] is None


@pytest.mark.parametrize("text, age", [
    # the age of a part of the cohort is not the study's
    ("The median age of patients who achieved CR was 40 years.", None),
    ("The median age of responders was 38 years.", None),
    ("The median age in the inotuzumab arm was 47 years.", None),
    ("The median age-adjusted score was 3.", None),
    # the whole population described by its disease still is
    ("The median age of patients with relapsed ALL was 40 years.", 40),
])
def test_phrasings_median_age_of_a_part(nlp, text, age):
    assert _run(nlp, text)["median_age_years"] == age


@pytest.mark.parametrize("text, cohort", [
    # a breakdown after a colon keeps the total
    ("In total, 405 patients underwent randomization: 271 were assigned to blinatumomab and 134 to chemotherapy.",
     405),
    # a count left out of the first is not a parallel group
    ("Between 2014 and 2016, 75 patients were infused; 3 patients were not infused because of death.", 75),
])
def test_phrasings_cohort_breakdowns(nlp, text, cohort):
    assert _run(nlp, text)["cohort_size"] == cohort


@pytest.mark.parametrize("text, months", [
    # the unit after the range bracket
    ("With a median follow-up of 12.1 (range, 1.2-40.5) months, the median OS was 8 months.", 12.1),
    ("Median follow-up was 22 [IQR 10-30] months.", 22),
    ("Median follow-up was 2 (range 0.5-5) years.", 24),
])
def test_phrasings_follow_up_unit_after_range(nlp, text, months):
    assert _run(nlp, text)["median_follow_up_months"] == months


@pytest.mark.parametrize("text, cohort", [
    # "a total of" before an outcome's count is not the study population
    ("A total of 25 patients achieved CR.", None),
    ("A total of 3 patients died of infection.", None),
    ("A total of 18 patients developed CRS.", None),
    # before an enrolment verb it is
    ("A total of 326 patients underwent randomization.", 326),
    ("A total of 61 patients were included, and 40 achieved CR.", 61),
])
def test_phrasings_cohort_total_of_an_outcome(nlp, text, cohort):
    assert _run(nlp, text)["cohort_size"] == cohort


@pytest.mark.parametrize("text, cohort", [
    # a count inside a group named first is a part of it
    ("Of the 30 responders, 20 patients were treated with HSCT.", None),
    ("Among 45 responders, 30 patients received consolidation.", None),
    # a year first is not a group
    ("In 2015, 40 patients were enrolled.", 40),
])
def test_phrasings_cohort_inside_a_named_group(nlp, text, cohort):
    assert _run(nlp, text)["cohort_size"] == cohort


@pytest.mark.parametrize("text, drug", [
    # the partner named between the subject and its verb does not own the dose
    ("Inotuzumab, given with rituximab, was administered at 1.8 mg/m2 per cycle.", "inotuzumab ozogamicin"),
    ("Blinatumomab combined with ponatinib was given at 28 µg/day.", "blinatumomab"),
    # the drug after "with" with the dose right after it does
    ("Ponatinib was combined with blinatumomab at 28 µg/day.", "blinatumomab"),
])
def test_phrasings_dose_of_the_subject_drug(nlp, text, drug):
    assert [d["drug_id"] for d in _run(nlp, text)["doses"]] == [drug]
