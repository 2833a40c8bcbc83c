"""Recurring phrasings of doses and of the study scalars, in our own words, run end to end: unit spellings of lost
superscripts and micro signs, step-up schedules, day ranges beside doses, a bare count of cells per kg, the median
dose patients received, a backbone's reduced dose as a share, and median age, follow-up and cohort phrasings."""
from __future__ import annotations

import pytest

from phrasing_cases import run_text as _run, dose_quads as _doses


@pytest.mark.parametrize("text, dose", [
    # a lost superscript "(2)", a caret, or the micro sign spelled out
    ("Blinatumomab was given at 15 µg/m(2)/day for 28 days.", ("blinatumomab", 15, None, "µg/m2")),
    ("Blinatumomab was given at 5 mcg/m(2)/day during week 1.", ("blinatumomab", 5, None, "µg/m2")),
    ("Blinatumomab was given at 15 microg/m2/day for 28 days.", ("blinatumomab", 15, None, "µg/m2")),
    ("Blinatumomab was infused at 28 microg/day.", ("blinatumomab", 28, None, "µg")),
    ("Pegaspargase 2,500 IU/m(2) was given on day 4.", ("pegaspargase", 2500, None, "IU/m2")),
    ("Pegaspargase 2500 U/m(2) was given on day 4.", ("pegaspargase", 2500, None, "U/m2")),
])
def test_phrasings_unit_spellings(nlp, text, dose):
    assert _doses(_run(nlp, text)) == [dose]


@pytest.mark.parametrize("text, doses", [
    # three or more doses joined by bare hyphens are a step-up schedule, not a range
    ("Blinatumomab was given at 5-15-30 µg/m2/day in a dose-escalation design.",
     [("blinatumomab", 5, None, "µg/m2"), ("blinatumomab", 15, None, "µg/m2"), ("blinatumomab", 30, None, "µg/m2")]),
    # two are a range
    ("Blinatumomab was given at doses of 5-15 µg/m2/day.", [("blinatumomab", 5, 15, "µg/m2")]),
    # the end of a range of days is no dose of the list after it
    ("Blinatumomab at 9 μg/day on days 1-7 and 28 μg/day on days 8-28 was given.",
     [("blinatumomab", 9, None, "µg"), ("blinatumomab", 28, None, "µg")]),
    ("Inotuzumab at 0.8 mg/m2 on day 1 and 0.5 mg/m2 on days 8 to 15 was given.",
     [("inotuzumab ozogamicin", 0.8, None, "mg/m2"), ("inotuzumab ozogamicin", 0.5, None, "mg/m2")]),
])
def test_phrasings_step_doses_and_day_ranges(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    # a bare count per kg is a cell dose of the CAR T product named before it
    ("Tisagenlecleucel was infused at 3 × 10^6/kg.", [("tisagenlecleucel", 3000000, None, "cells/kg")]),
    ("CTL019 cells were infused at a dose of 1-5 × 10^6/kg.", [("tisagenlecleucel", 1000000, 5000000, "cells/kg")]),
    ("Patients received brexucabtagene autoleucel at 1 × 10(6)/kg.",
     [("brexucabtagene autoleucel", 1000000, None, "cells/kg")]),
    # not of a product given earlier, nor of another drug, nor a plain number
    ("Patients who relapsed after tisagenlecleucel received 1 × 10^6/kg donor lymphocytes.", []),
    ("After blinatumomab, CD34+ cells 5 × 10^6/kg were infused.", []),
    ("Tisagenlecleucel was infused at 3/kg.", []),
])
def test_phrasings_bare_cells_per_kg(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    # the median (or mean) dose patients received is an exposure, not the regimen's dose
    ("Tisagenlecleucel was administered at a median dose of 3.1 × 10^6 cells/kg.", []),
    ("Patients received tisagenlecleucel at a median weight-adjusted dose of 3.0 × 10^6 CAR T cells/kg.", []),
    ("Patients received brexu-cel at a median of 1.0 × 10^6 cells/kg.", []),
    ("The mean dose of blinatumomab received was 25 µg/day.", []),
    # a median of something else leaves the dose a dose
    ("Patients received a median of 3 cycles of inotuzumab at 1.8 mg/m2.",
     [("inotuzumab ozogamicin", 1.8, None, "mg/m2")]),
    ("The median number of cycles was 2; inotuzumab was given at 1.8 mg/m2 per cycle.",
     [("inotuzumab ozogamicin", 1.8, None, "mg/m2")]),
])
def test_phrasings_median_dose_is_not_a_dose(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    # a backbone's dose reduced by a share, each drug of the coordination before "at"
    ("Mini-hyper-CVD consisted of cyclophosphamide and dexamethasone at 50% dose reduction, no anthracycline, and "
     "methotrexate at 75% dose reduction.",
     [("cyclophosphamide", 50, None, "% dose reduction"), ("dexamethasone", 50, None, "% dose reduction"),
      ("methotrexate", 75, None, "% dose reduction")]),
    ("Vincristine, cyclophosphamide and dexamethasone at a 50% dose reduction were given.",
     [("vincristine", 50, None, "% dose reduction"), ("cyclophosphamide", 50, None, "% dose reduction"),
      ("dexamethasone", 50, None, "% dose reduction")]),
    # a reduction patients needed is an event, not the regimen; a bracketed share explains the doses before it
    ("Ten patients required a 50% dose reduction of inotuzumab.", []),
    ("Mini-hyper-CVD gave cyclophosphamide 150 mg/m2 and dexamethasone 20 mg (50% dose reduction).",
     [("cyclophosphamide", 150, None, "mg/m2"), ("dexamethasone", 20, None, "mg")]),
])
def test_phrasings_dose_reduction_share(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, age", [
    # the median age as the patients' predicate, without a "median age" cue
    ("Patients were a median of 43 years old.", 43),
    ("Patients were a median of 43 years of age (range, 18-79).", 43),
    ("Patients were a median of 43 (range, 18-79) years of age.", 43),
    ("The 48 patients, aged a median of 39 years, had relapsed disease.", 39),
    ("Infants were a median of 5 months old at relapse.", 0.4),
    # the median after the age range and a comma
    ("Patients ranged in age from 2 to 68 years, with a median of 21.", 21),
    ("Patients were aged 18 to 75 years, with a median age of 44 years.", 44),
])
def test_phrasings_median_age_stated(nlp, text, age):
    assert _run(nlp, text)["median_age_years"] == age


@pytest.mark.parametrize("text", [
    # a median time that is no age, and one age per arm
    "Patients were a median of 2 years from diagnosis.",
    "Patients received a median of 3 cycles of inotuzumab.",
    "Patients were a median of 47 years old in arm A and 46 years old in arm B.",
])
def test_phrasings_median_of_without_age(nlp, text):
    assert _run(nlp, text)["median_age_years"] is None


@pytest.mark.parametrize("text, months", [
    # the follow-up named for the survival endpoint it is counted for
    ("The median follow-up for OS was 16.4 months.", 16.4),
    ("Median follow-up time for overall survival was 2 years.", 24),
    # or the follow-up of the patients alive (the reverse Kaplan-Meier of survivors)
    ("Median follow-up for patients alive was 18.3 months.", 18.3),
    ("Median follow-up of patients still alive was 20 months.", 20),
])
def test_phrasings_follow_up_for_endpoint(nlp, text, months):
    assert _run(nlp, text)["median_follow_up_months"] == months


@pytest.mark.parametrize("text", [
    # an endpoint between the cue and a duration is the endpoint's; two follow-ups, one per endpoint, are none
    "With a median follow-up, the 2-year OS was 45%.",
    "After a median follow-up of 9 months for OS and 7 months for EFS, outcomes were favorable.",
])
def test_phrasings_follow_up_of_endpoint_not_read(nlp, text):
    assert _run(nlp, text)["median_follow_up_months"] is None


@pytest.mark.parametrize("text, size", [
    # the responders randomised are a part of the study population: their arms' sum is no cohort
    ("Patients in CR were randomly assigned to maintenance (n = 30) or observation (n = 32).", None),
    ("Patients who achieved CR were randomized to HSCT (n = 30) or chemotherapy (n = 32).", None),
    # an earlier total is the cohort; eligible patients randomised are the study population
    ("A total of 120 patients were enrolled. Responders were randomized to blinatumomab (n = 40) or chemotherapy "
     "(n = 38).", 120),
    ("Eligible adults were randomized to the study drug (n = 109) or standard therapy (n = 109).", 218),
    # a total after the responders' groups is still the cohort
    ("Responders were randomly assigned to blinatumomab (n = 112) or chemotherapy (n = 112). Among the 488 "
     "patients enrolled, the median age was 51 years.", 488),
])
def test_phrasings_randomized_responders(nlp, text, size):
    assert _run(nlp, text)["cohort_size"] == size


@pytest.mark.parametrize("text, dose", [
    # CAR T products spelled "CAR-T", "-targeted", "-specific" or with the receptor's name spelled out
    ("Patients received CD19 CAR-T cells at 1 × 10^6 cells/kg.", ("cd19-car t cells", 1000000, None, "cells/kg")),
    ("Patients received anti-CD19 CAR-T cells at 1 × 10^6 cells/kg.", ("cd19-car t cells", 1000000, None, "cells/kg")),
    ("Patients received CD19-targeted CAR T cells at 1 × 10^6 cells/kg.",
     ("cd19-car t cells", 1000000, None, "cells/kg")),
    ("Patients received CD19 chimeric antigen receptor T cells at 1 × 10^6 cells/kg.",
     ("cd19-car t cells", 1000000, None, "cells/kg")),
    ("Patients received CD22 CAR-T cells at 1 × 10^6 cells/kg.", ("cd22-car t cells", 1000000, None, "cells/kg")),
    # development codes and abbreviations of the older trials
    ("Patients received STI571 at 400 mg/day.", ("imatinib", 400, None, "mg")),
    ("HA22 was given at 40 μg/kg every other day.", ("moxetumomab pasudotox", 40, None, "µg/kg")),
    ("Patients received PEG-ASP 2500 IU/m2 on day 4.", ("pegaspargase", 2500, None, "IU/m2")),
    # the drug of a recommended or maximum tolerated dose, not its partner named after it
    ("The RP2D of inotuzumab in combination with mini-HCVD was 1.3 mg/m2.",
     ("inotuzumab ozogamicin", 1.3, None, "mg/m2")),
    ("The MTD of inotuzumab with low-intensity chemotherapy was 1.3 mg/m2.",
     ("inotuzumab ozogamicin", 1.3, None, "mg/m2")),
])
def test_phrasings_drug_names_of_doses(nlp, text, dose):
    assert _doses(_run(nlp, text)) == [dose]


def test_phrasings_bare_power_of_ten_is_its_power(nlp):
    # "10^6" without its mantissa is a million cells/kg (the number reader reads it whole), not a dose of 6
    assert _doses(_run(nlp, "Brexu-cel was infused at 10^6 CAR T cells/kg.")) == [
        ("brexucabtagene autoleucel", 1000000, None, "cells/kg")]


@pytest.mark.parametrize("text, size", [
    # the patients evaluable are the study population when no count comes before them
    ("Seventy-nine patients were evaluable.", 79),
    ("Seventy-nine patients were evaluable for response.", 79),
    ("Eighty-five patients were enrolled. Seventy-nine patients were evaluable for response.", 85),
    ("Of 85 enrolled patients, 79 were evaluable.", 85),
    # those evaluable for one measure are a part
    ("Forty patients were evaluable for MRD.", None),
])
def test_phrasings_evaluable_cohort(nlp, text, size):
    assert _run(nlp, text)["cohort_size"] == size


@pytest.mark.parametrize("text, doses", [
    # a "respectively" list of doses after a list of drugs: the i-th dose is the i-th drug's
    ("Inotuzumab and blinatumomab were given at 1.8 mg/m2 and 28 µg/day, respectively.",
     [("inotuzumab ozogamicin", 1.8, None, "mg/m2"), ("blinatumomab", 28, None, "µg")]),
    ("Fludarabine, cytarabine and idarubicin were given at 30 mg/m2, 2 g/m2 and 10 mg/m2, respectively.",
     [("fludarabine", 30, None, "mg/m2"), ("cytarabine", 2, None, "g/m2"), ("idarubicin", 10, None, "mg/m2")]),
    ("Dasatinib and ponatinib were given at 140 and 45 mg daily, respectively.",
     [("dasatinib", 140, None, "mg"), ("ponatinib", 45, None, "mg")]),
    # fewer doses than drugs: whose is not in the text
    ("Inotuzumab and blinatumomab were given at 1.8 mg/m2, respectively.", []),
    # one drug, or doses in the drugs' own brackets, or a list of rates: each dose stays its drug's
    ("Cohorts 1, 2 and 3 received inotuzumab at 0.8, 1.2 and 1.6 mg/m2, respectively.",
     [("inotuzumab ozogamicin", 0.8, None, "mg/m2"), ("inotuzumab ozogamicin", 1.2, None, "mg/m2"),
      ("inotuzumab ozogamicin", 1.6, None, "mg/m2")]),
    ("Infections were frequent with DNR, IDR (10 mg/m2), and IDR (12.5 mg/m2), respectively.",
     [("idarubicin", 10, None, "mg/m2"), ("idarubicin", 12.5, None, "mg/m2")]),
    ("CR rates with inotuzumab and blinatumomab were 80% and 44%, respectively; inotuzumab was given at 1.8 mg/m2.",
     [("inotuzumab ozogamicin", 1.8, None, "mg/m2")]),
])
def test_phrasings_respective_doses(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, size", [
    # a count of each group is no total
    ("One hundred and nine patients were randomly assigned to each group.", None),
    ("Forty patients were enrolled in each cohort.", None),
    # the total said first, each group's count after it
    ("In total, 218 patients were randomized (109 per arm).", 218),
    ("A total of 218 patients were randomized, 109 to each arm.", 218),
    ("Forty patients were enrolled; each received 2 cycles per treatment course.", 40),
])
def test_phrasings_count_of_each_group(nlp, text, size):
    assert _run(nlp, text)["cohort_size"] == size


@pytest.mark.parametrize("text", [
    # cells counted per kg are no dose of a chemotherapy named before them
    "After conditioning with busulfan, patients received a graft containing 5 × 10^6 CD34+ cells/kg.",
    "Lymphodepletion with fludarabine and cyclophosphamide preceded 1 × 10^6 CAR T cells/kg.",
])
def test_phrasings_cell_dose_of_no_drug(nlp, text):
    assert _doses(_run(nlp, text)) == []


@pytest.mark.parametrize("text, dose, per", [
    # schedule parts after the unit: a course is a cycle, per 24 hours is per day, per 12 hours is each dose's
    ("Inotuzumab (1.8 mg/m2/course) was given.", ("inotuzumab ozogamicin", 1.8, None, "mg/m2"), "cycle"),
    ("Blinatumomab 28 µg/24 h was given by continuous infusion.", ("blinatumomab", 28, None, "µg"), "day"),
    ("Cytarabine 3 g/m2/12 h was given on days 1-5.", ("cytarabine", 3, None, "g/m2"), "dose"),
    ("Cytarabine 2 g/m2/q12h was given.", ("cytarabine", 2, None, "g/m2"), "dose"),
    # a lost superscript printed after a space
    ("Patients received inotuzumab ozogamicin 1.8 mg/m 2 per cycle.", ("inotuzumab ozogamicin", 1.8, None, "mg/m2"),
     "cycle"),
])
def test_phrasings_schedule_units(nlp, text, dose, per):
    record = _run(nlp, text)
    assert _doses(record) == [dose]
    assert record["doses"][0]["per"] == per


@pytest.mark.parametrize("text, size", [
    # two groups side by side, the second's verb left out: no count alone is the cohort, their sum is
    ("Sixty patients received blinatumomab in first relapse and 40 in second relapse.", 100),
    ("Sixty patients received blinatumomab as first salvage and 40 as second salvage.", 100),
    # a total, its verb, a comma and its breakdown: the total ('as', 'after', 'before' and 'without' after a count
    # made such breakdowns parallel groups for a while, which lost these totals; so did 'with' and 'in')
    ("A total of 65 patients received inotuzumab, 40 as first salvage and 25 as second salvage.", 65),
    ("Sixty-five patients were treated, 40 as first salvage.", 65),
    ("Forty-eight patients were treated with blinatumomab, 30 before and 18 after allogeneic HSCT.", 48),
    ("A total of 65 patients were treated, 40 with Ph-negative and 25 with Ph-positive ALL.", 65),
    ("Sixty-five patients were treated, 40 in first salvage and 25 in second salvage.", 65),
    ("Sixty-five patients were enrolled; 60 were evaluable and 5 without a response assessment.", 65),
    ("We enrolled 48 patients, and 12 after a protocol amendment.", 48),
    # a later subset is no second group
    ("Sixty patients were enrolled and 55 received at least one dose.", 60),
    ("Sixty patients were enrolled and treated as outpatients.", 60),
])
def test_phrasings_parallel_groups(nlp, text, size):
    assert _run(nlp, text)["cohort_size"] == size


@pytest.mark.parametrize("text, size", [
    # an enrolment sentence counting its population in two parallel groups, no other number: their sum
    ("We treated 26 patients with T-ALL and 13 with T-LBL with nelarabine.", 39),
    ("Forty adults and 21 children were enrolled.", 61),
    ("The study included 40 adults and 21 children.", 61),
    ("Forty patients with Ph+ ALL and 20 with Ph- ALL received the combination.", 60),
    # a second count that qualifies no group of the first is a subset; labels of levels or cycles are numbers too
    ("Sixty patients were enrolled, and 40 with MRD data were analysed.", 60),  # the enrolled, not a sum
    ("Six patients were treated at dose level 1 and 12 at dose level 2.", None),
    ("Ten patients had CR and 5 had PR.", None),
])
def test_phrasings_two_groups_total(nlp, text, size):
    assert _run(nlp, text)["cohort_size"] == size


@pytest.mark.parametrize("text, size", [
    # the responders opened as a part ("Of the 30 patients who achieved CR") are no cohort
    ("Of the 30 patients who achieved CR, 20 (67%) were MRD negative.", None),
    ("Of the 30 patients in CR, 20 were MRD negative.", None),
    ("Among the 25 patients achieving CR/CRi, 15 proceeded to transplant.", None),
    # a population opened the same way is one
    ("Of the 45 patients with relapsed ALL, 20 achieved CR.", 45),
    ("Among 40 patients enrolled, 20 (50%) achieved CR.", 40),
])
def test_phrasings_responders_opened_as_a_part_are_no_cohort(nlp, text, size):
    assert _run(nlp, text)["cohort_size"] == size
