"""Recurring phrasings of doses and of the study scalars, in our own words, run end to end: fractionated doses
joined by "+", a number hyphenated to its unit, a range whose ends both print the unit, days counted "1 through
7", a weekly schedule said "once weekly", and the doses of an earlier therapy, which are not this study's."""
from __future__ import annotations

import pytest

from phrasing_cases import run_text as _run, dose_quads as _doses


INO, BLINA = "inotuzumab ozogamicin", "blinatumomab"


@pytest.mark.parametrize("text, doses", [
    # the fractions of one cycle's dose joined by "+" (as "0.8/0.5/0.5 mg/m2"), or a step-up said "then"
    ("Inotuzumab was given at 0.8 + 0.5 + 0.5 mg/m2 on days 1, 8 and 15.",
     [(INO, 0.8, None, "mg/m2"), (INO, 0.5, None, "mg/m2"), (INO, 0.5, None, "mg/m2")]),
    ("Inotuzumab ozogamicin (0.8+0.5+0.5 mg/m2) was given in cycle 1.",
     [(INO, 0.8, None, "mg/m2"), (INO, 0.5, None, "mg/m2"), (INO, 0.5, None, "mg/m2")]),
    ("A stepwise dose of blinatumomab, 9 then 28 µg/day, was used.",
     [(BLINA, 9, None, "µg"), (BLINA, 28, None, "µg")]),
    # a number counting days is still no dose before "+" or "then"
    ("Inotuzumab was given on day 1 + 0.5 mg/m2 on day 8.", [(INO, 0.5, None, "mg/m2")]),
])
def test_phrasings_dose_lists(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    # a dose hyphenated to its unit, as an adjective
    ("Blinatumomab was infused at 9-μg/day during week 1 and at 28-μg/day thereafter.",
     [(BLINA, 9, None, "µg"), (BLINA, 28, None, "µg")]),
    ("Vincristine was given as a 2-mg flat dose.", [("vincristine", 2, None, "mg")]),
])
def test_phrasings_hyphenated_units(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    # a range whose ends both print the unit is one range, as "1 to 3 × 10^6/kg" is
    ("Tisagenlecleucel was infused at a target dose of 1 × 10^5/kg to 3 × 10^6/kg.",
     [("tisagenlecleucel", 100000, 3000000, "cells/kg")]),
    # (an escalation is a step schedule, two doses, with the unit printed once or twice: test_phrasings_dose18b.py)
    ("Venetoclax was escalated from 200 mg to 400 mg daily.", [("venetoclax", 200, None, "mg"), ("venetoclax", 400, None, "mg")]),
    ("Ponatinib was reduced from 45 mg/day to 15 mg/day.", [("ponatinib", 45, 15, "mg")]),
    # two units, or two schedules, make two doses
    ("Cyclophosphamide 300 mg/m2 to 1 g/m2 was given.",
     [("cyclophosphamide", 300, None, "mg/m2"), ("cyclophosphamide", 1, None, "g/m2")]),
    ("Imatinib was given at 400 mg/day to 800 mg/week.",
     [("imatinib", 400, None, "mg"), ("imatinib", 800, None, "mg")]),
])
def test_phrasings_unit_at_both_range_ends(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


def test_phrasings_days_through_is_no_dose(nlp):
    record = _run(nlp, "Blinatumomab was given at 9 µg/day on days 1 through 7 and 28 µg/day on days 8 through 28.")
    assert _doses(record) == [(BLINA, 9, None, "µg"), (BLINA, 28, None, "µg")]


@pytest.mark.parametrize("text, per", [
    ("Liposomal vincristine 2.25 mg/m2 once weekly was given for 4 weeks.", "week"),
    ("Daratumumab was given at 16 mg/kg once a week.", "week"),
    ("Epratuzumab 360 mg/m2 twice weekly was given.", None),
])
def test_phrasings_once_weekly(nlp, text, per):
    assert [d["per"] for d in _run(nlp, text)["doses"]] == [per]


@pytest.mark.parametrize("text, doses", [
    # the dose of an earlier therapy (eligibility, prior treatment) is not this study's
    ("Patients previously treated with imatinib 400 mg were eligible.", []),
    ("Patients who had failed dasatinib 140 mg daily were enrolled.", []),
    ("All patients had received prior inotuzumab at 1.8 mg/m2 per cycle.", []),
    ("Patients resistant to imatinib 600 mg daily received nilotinib.", []),
    ("Patients intolerant of dasatinib 100 mg daily were enrolled.", []),
    ("Patients pretreated with inotuzumab 1.8 mg/m2 had more VOD.", []),
    ("After failure of imatinib 400 mg/day, patients received dasatinib 140 mg once daily.",
     [("dasatinib", 140, None, "mg")]),
    # this study's own doses stay, after a disease's refractoriness or a time "prior to"
    ("Patients with refractory ALL received inotuzumab 1.8 mg/m2 per cycle.", [(INO, 1.8, None, "mg/m2")]),
    ("Prior to infusion, fludarabine 30 mg/m2 and cyclophosphamide 500 mg/m2 were given.",
     [("fludarabine", 30, None, "mg/m2"), ("cyclophosphamide", 500, None, "mg/m2")]),
    ("Prior to lymphodepletion fludarabine 30 mg/m2 was not given.", [("fludarabine", 30, None, "mg/m2")]),
])
def test_phrasings_earlier_therapy_doses(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    # a sentence whose subject is the dose takes the one drug the sentence before names
    ("Patients received inotuzumab ozogamicin in 3-week cycles. The starting dose was 1.8 mg/m2 per cycle.",
     [(INO, 1.8, None, "mg/m2")]),
    ("Adults with relapsed ALL received blinatumomab. The dose was 9 µg/day in week 1 and 28 µg/day thereafter.",
     [(BLINA, 9, None, "µg"), (BLINA, 28, None, "µg")]),
    ("Patients received ponatinib. Dose level 1 was 30 mg and dose level 2 was 45 mg.",
     [("ponatinib", 30, None, "mg"), ("ponatinib", 45, None, "mg")]),
    ("Patients received inotuzumab ozogamicin. The recommended phase 2 dose was established at 1.8 mg/m2.",
     [(INO, 1.8, None, "mg/m2")]),
    ("Patients received tisagenlecleucel. The target dose was 2 to 5 × 10^6 cells/kg.",
     [("tisagenlecleucel", 2000000, 5000000, "cells/kg")]),
    # a backbone beside the drug has no dose of its own
    ("Inotuzumab was added to mini-hyper-CVD. The starting dose was 1.3 mg/m2.", [(INO, 1.3, None, "mg/m2")]),
    ("This phase 1 study escalated inotuzumab ozogamicin with chemotherapy. The MTD was 1.8 mg/m2.",
     [(INO, 1.8, None, "mg/m2")]),
    # not when the sentence before names two drugs, the dose is of something else, a statistic, an event, an
    # earlier therapy's, or an amount a cell product does not come in
    ("Patients received inotuzumab and blinatumomab. The dose was 1.8 mg/m2.", []),
    ("Patients received blinatumomab. The dose of steroid premedication was 20 mg.", []),
    ("Patients received inotuzumab. The median dose was 1.8 mg/m2.", []),
    ("Twenty patients were treated with dasatinib. Doses were reduced to 50 mg in 4 patients.", []),
    ("Patients had received prior blinatumomab. The dose was 28 µg/day.", []),
    ("Patients received tisagenlecleucel. The dose was 20 mg/m2.", []),
    # a sentence naming no drug between is passed over (the twelfth round, tests/test_phrasings_dose19.py)
    ("Patients received blinatumomab. Three patients were treated. The dose was 28 µg/day.",
     [(BLINA, 28, None, "µg")]),
])
def test_phrasings_drug_of_the_sentence_before(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, size", [
    # the therapy as the subject of the enrolment: "X was given to N patients"
    ("Inotuzumab was given to 45 patients with relapsed ALL. The CR rate was 58%.", 45),
    ("Blinatumomab was administered to 36 adults; 25 (69%) achieved CR.", 36),
    ("Overall, 56 patients with R/R B-ALL were given inotuzumab ozogamicin.", 56),
    # a sentence opening with a subgroup (lineage, Ph or MRD status, transplant) counts a part of the cohort
    ("Of the 6 patients with T-ALL, none responded. Overall, 40 patients were treated and 20 (50%) achieved CR.", 40),
    ("Among the 20 patients who received HSCT, 12 were alive. Overall, 60 patients were enrolled.", 60),
    ("Of the 20 patients with Ph-positive ALL, 15 achieved CR.", None),
    ("Among the 9 patients with MRD at baseline, 5 cleared it.", None),
    ("Among the 12 patients who underwent allogeneic HSCT, 8 were alive.", None),
    ("Of the 6 patients with CNS disease, 4 responded. A total of 58 patients were treated.", 58),
    ("Of the 10 patients with KMT2A rearrangement, 7 responded.", None),
    ("Among the 15 patients with prior HSCT, 9 achieved CR.", None),
    ("Of the 40 patients with high-risk relapsed ALL, 25 achieved CR.", 40),
    # the disease or the study's therapy after "with" or "who received" is the cohort's own
    ("Of the 48 patients with relapsed ALL, 30 achieved CR.", 48),
    ("Of the 30 patients who received inotuzumab, 20 achieved CR.", 30),
])
def test_phrasings_cohort_given_to_and_subgroup_openers(nlp, text, size):
    assert _run(nlp, text)["cohort_size"] == size


@pytest.mark.parametrize("text, doses", [
    # the range of a statistic in its bracket is no dose range
    ("Tisagenlecleucel was infused at a median dose of 3.1 × 10^6 (range, 0.2-5.4 × 10^6) cells/kg.", []),
    ("Inotuzumab was given at a median of 1.8 mg/m2 (IQR 1.2-1.8 mg/m2) per cycle.", []),
    ("Clofarabine was given at 20 to 40 mg/m2/day.", [("clofarabine", 20, 40, "mg/m2")]),
    # a chemotherapy backbone has no dose of its own: the dose after it is not its
    ("Ponatinib 45 mg daily was combined with hyper-CVAD and reduced to 30 mg at CR.", [("ponatinib", 45, None, "mg")]),
    ("Patients received mini-hyper-CVD. The dose was 20 mg.", []),
])
def test_phrasings_statistic_ranges_and_backbones(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    # a CAR T product named among the words describing the cells is the drug
    ("Patients received 1 × 10^6 KTE-X19 cells/kg.", [("brexucabtagene autoleucel", 1000000, None, "cells/kg")]),
    # a drug named after the bracket of its doses
    ("Patients were treated at three dose levels (0.8, 1.2 and 1.8 mg/m2) of inotuzumab.",
     [(INO, 0.8, None, "mg/m2"), (INO, 1.2, None, "mg/m2"), (INO, 1.8, None, "mg/m2")]),
    # but not a drug after the bracket of another's dose, nor a backbone the drug is part of
    ("Patients received fludarabine (30 mg/m2) cyclophosphamide (500 mg/m2) for 3 days.",
     [("fludarabine", 30, None, "mg/m2"), ("cyclophosphamide", 500, None, "mg/m2")]),
    ("Dexamethasone (40 mg) of hyper-CVAD was given on days 1-4.", [("dexamethasone", 40, None, "mg")]),
])
def test_phrasings_drug_named_after_the_doses(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    # a prior-therapy word of the patients, not of the drug, leaves the study's dose alone
    ("Heavily pretreated patients received inotuzumab at 1.8 mg/m2 per cycle.", [(INO, 1.8, None, "mg/m2")]),
    ("Patients without prior HSCT received inotuzumab at 1.8 mg/m2 per cycle.", [(INO, 1.8, None, "mg/m2")]),
    ("Previously untreated patients received dasatinib 140 mg daily.", [("dasatinib", 140, None, "mg")]),
    # the earlier therapy's own wordings
    ("Prior therapy included inotuzumab at 1.8 mg/m2 in 10 patients.", []),
    ("Patients who had failed prior imatinib 600 mg daily were eligible.", []),
    ("Patients previously treated with ponatinib 45 mg daily were excluded.", []),
])
def test_phrasings_prior_words_of_the_patients(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    # doses after coordinated drugs are theirs in order: one list sharing its unit, or each in a unit of its own
    ("Lymphodepletion with fludarabine/cyclophosphamide (30/500 mg/m2/day for 3 days) preceded infusion.",
     [("fludarabine", 30, None, "mg/m2"), ("cyclophosphamide", 500, None, "mg/m2")]),
    ("Patients received fludarabine and cyclophosphamide at 30 and 500 mg/m2/day.",
     [("fludarabine", 30, None, "mg/m2"), ("cyclophosphamide", 500, None, "mg/m2")]),
    ("Fludarabine and cyclophosphamide (25 and 250 mg/m2/day, respectively) were given for 3 days.",
     [("fludarabine", 25, None, "mg/m2"), ("cyclophosphamide", 250, None, "mg/m2")]),
    ("Inotuzumab and blinatumomab were given at 1.8 mg/m2 and 28 µg/day.",
     [(INO, 1.8, None, "mg/m2"), (BLINA, 28, None, "µg")]),
    ("Inotuzumab, blinatumomab and ponatinib were given at 1.8 mg/m2, 28 µg/day and 45 mg.",
     [(INO, 1.8, None, "mg/m2"), (BLINA, 28, None, "µg"), ("ponatinib", 45, None, "mg")]),
    # a step-up in one unit is the last drug's, and a drug's own bracket is its own
    ("Patients received ponatinib and blinatumomab (9 µg/day for 7 days, then 28 µg/day).",
     [(BLINA, 9, None, "µg"), (BLINA, 28, None, "µg")]),
    ("Daunorubicin or idarubicin (10 mg/m2) was given on days 1-3.", [("idarubicin", 10, None, "mg/m2")]),
])
def test_phrasings_doses_of_coordinated_drugs(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses
