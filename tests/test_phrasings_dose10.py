"""Doses that are another study's, set against the standard dose or proposed for later study, in our own words, run
end to end (tests/test_phrasings_doses7.py has a background section's)."""
from __future__ import annotations

import pytest

from phrasing_cases import run_text as _run, dose_triples as _doses


INO = "inotuzumab ozogamicin"
BLINA = "blinatumomab"


@pytest.mark.parametrize("text, doses", [
    # another study's dose, after a cue of that study in its clause
    ("In a previous phase 2 trial, inotuzumab at 1.8 mg/m2 per cycle gave a CR rate of 58%.", []),
    ("In the earlier trial, 1.8 mg/m2 of inotuzumab was used.", []),
    ("Previous studies used blinatumomab at 28 µg/day.", []),
    ("These outcomes are similar to those reported with inotuzumab at 1.8 mg/m2 in the INO-VATE trial.", []),
    ("Outcomes were consistent with previous reports of blinatumomab 28 µg/day.", []),
    ("The CR rate was higher than in previous studies of inotuzumab at 1.8 mg/m2.", []),
    ("Future studies should evaluate blinatumomab at 56 µg/day.", []),
    # this study's dose after the other study's phrase, or past a this-study word
    ("Unlike previous studies, inotuzumab was given at 0.9 mg/m2 weekly.", [(INO, 0.9, "mg/m2")]),
    ("As in the prior trial, inotuzumab was given at 1.8 mg/m2 per cycle.", [(INO, 1.8, "mg/m2")]),
    ("Compared with historical controls treated with chemotherapy, inotuzumab 1.8 mg/m2 improved the CR rate.",
     [(INO, 1.8, "mg/m2")]),
    ("Based on prior data, inotuzumab was given at 0.6 mg/m2 on day 1.", [(INO, 0.6, "mg/m2")]),
    ("Consistent with prior studies, VOD occurred in 3 patients given inotuzumab 1.8 mg/m2.", [(INO, 1.8, "mg/m2")]),
    ("Earlier trials used inotuzumab at 1.8 mg/m2, whereas we gave 1.2 mg/m2.", [(INO, 1.2, "mg/m2")]),
    ("Previous studies used 1.8 mg/m2; in this trial inotuzumab was given at 0.9 mg/m2.", [(INO, 0.9, "mg/m2")]),
    ("The results were similar to those reported in the pivotal trial; patients received blinatumomab 28 µg/day.",
     [(BLINA, 28, "µg")]),
    # "previously reported" is no other study's cue: a phase 1 portion of this study
    ("In the previously reported phase 1 portion, the MTD of inotuzumab was 1.8 mg/m2.", [(INO, 1.8, "mg/m2")]),
    ("Patients with prior HSCT received inotuzumab 1.8 mg/m2.", [(INO, 1.8, "mg/m2")]),
    # a dose set against the standard one, inside the contrast's clause
    ("Unlike the standard inotuzumab schedule of 1.8 mg/m2 per cycle, we gave 0.9 mg/m2 weekly.",
     [(INO, 0.9, "mg/m2")]),
    ("Instead of the approved 28 µg/day, blinatumomab was given at 15 µg/day.", [(BLINA, 15, "µg")]),
    ("Patients received inotuzumab at the approved dose of 1.8 mg/m2 per cycle.", [(INO, 1.8, "mg/m2")]),
    ("Patients were randomized to inotuzumab 0.9 mg/m2 or the standard 1.8 mg/m2.",
     [(INO, 0.9, "mg/m2"), (INO, 1.8, "mg/m2")]),
    # a dose proposed for later study, in a sentence reporting nothing
    ("A lower dose of inotuzumab (1.2 mg/m2) should be tested in future trials.", []),
    ("Inotuzumab at 0.9 mg/m2 weekly was active and should be evaluated in larger trials.", [(INO, 0.9, "mg/m2")]),
])
def test_phrasings_another_studys_doses(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    # the subject's dose past a partner drug: its coordinated verb, an insertion, the partner's role, a backbone
    ("Inotuzumab was combined with rituximab and given at 0.6 mg/m2 on day 2.", [(INO, 0.6, "mg/m2")]),
    ("Inotuzumab was added to mini-hyper-CVD and given at 1.3 mg/m2 in cycle 1.", [(INO, 1.3, "mg/m2")]),
    ("Inotuzumab was added to low-intensity chemotherapy and was administered at 0.9 mg/m2.", [(INO, 0.9, "mg/m2")]),
    ("Blinatumomab, preceded by dexamethasone 20 mg, was given at 28 µg/day.",
     [("dexamethasone", 20, "mg"), (BLINA, 28, "µg")]),
    ("Patients received blinatumomab with dexamethasone premedication at 9 µg/day for the first week.",
     [(BLINA, 9, "µg")]),
    ("Inotuzumab was given in combination with mini-hyper-CVD at 0.9 mg/m2.", [(INO, 0.9, "mg/m2")]),
    # the partner's own dose: no verb of the subject after it, or another clause
    ("Ponatinib was combined with blinatumomab at 28 µg/day.", [(BLINA, 28, "µg")]),
    ("Blinatumomab was given to 20 patients with Ph-positive ALL, and dasatinib was given at 140 mg daily.",
     [("dasatinib", 140, "mg")]),
    ("Ponatinib 45 mg daily was combined with hyper-CVAD and reduced to 30 mg at CR.", [("ponatinib", 45, "mg")]),
])
def test_phrasings_partner_drug_doses(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    # "per" written out before the area or the weight
    ("Inotuzumab was given at 1.8 mg per m2 per cycle.", [(INO, 1.8, "mg/m2")]),
    ("Blinatumomab was infused at 15 µg per m² per day.", [(BLINA, 15, "µg/m2")]),
    ("Pegaspargase 2500 IU per m2 was given on day 4.", [("pegaspargase", 2500, "IU/m2")]),
    ("Filgrastim 5 µg per kg was given daily.", [("filgrastim", 5, "µg/kg")]),
    # drugs the lexicon lacked: triple intrathecal therapy, a BTK inhibitor, a long-acting G-CSF
    ("Intrathecal chemotherapy (methotrexate 15 mg, cytarabine 40 mg and hydrocortisone 50 mg) was given.",
     [("methotrexate", 15, "mg"), ("cytarabine", 40, "mg"), ("hydrocortisone", 50, "mg")]),
    ("Patients were treated with ibrutinib 560 mg daily.", [("ibrutinib", 560, "mg")]),
    ("Pegfilgrastim 6 mg was given on day 4 of each cycle.", [("pegfilgrastim", 6, "mg")]),
    # a dose that was not used
    ("Tocilizumab 8 mg/kg was not required in any patient.", []),
    ("Tocilizumab 8 mg/kg was given for grade 2 CRS.", [("tocilizumab", 8, "mg/kg")]),
])
def test_phrasings_units_and_new_drugs(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    # a dose some counted patients had because of toxicity: an event, not the regimen
    ("Only 2 patients received 1.2 mg/m2 of inotuzumab because of toxicity.", []),
    ("Because of hepatotoxicity, 3 patients received inotuzumab at a reduced dose of 1.2 mg/m2.", []),
    ("Four patients were treated at 0.9 mg/m2 of inotuzumab after dose reduction for liver toxicity.", []),
    # a subgroup's own dose, a protocol's rule, a cause in another clause, a supportive drug for a complication
    ("Twelve patients older than 60 years received inotuzumab at 0.9 mg/m2.", [(INO, 0.9, "mg/m2")]),
    ("Thirty patients received ponatinib 45 mg daily with dose reductions for toxicity allowed.",
     [("ponatinib", 45, "mg")]),
    ("Forty patients received inotuzumab 1.8 mg/m2, and 5 discontinued because of toxicity.", [(INO, 1.8, "mg/m2")]),
    ("Five patients discontinued because of toxicity; 30 patients received inotuzumab 1.8 mg/m2.",
     [(INO, 1.8, "mg/m2")]),
    ("Nine patients received tocilizumab 8 mg/kg for neurologic toxicity.", [("tocilizumab", 8, "mg/kg")]),
])
def test_phrasings_doses_for_toxicity(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, scalar, value", [
    # the median age of a response state's patients is a part's, not the cohort's
    ("The median age of patients in CR was 40 years.", "median_age_years", None),
    ("The median age of responding patients was 41 years.", "median_age_years", None),
    ("The median age of patients in complete remission was 39 years.", "median_age_years", None),
    ("The median age of patients with relapsed ALL was 45 years.", "median_age_years", 45),
    ("The median age of the patients in this cohort was 33 years.", "median_age_years", 33),
    # the count after those screened, its noun and its auxiliary left out
    ("Eighty patients were screened and 60 received an infusion of tisagenlecleucel.", "cohort_size", 60),
    ("Of 350 patients screened, 326 received study treatment.", "cohort_size", 326),
    ("Of 80 patients screened, 20 failed screening.", "cohort_size", None),
])
def test_phrasings_scalars_dose10(nlp, text, scalar, value):
    assert _run(nlp, text)[scalar] == value


@pytest.mark.parametrize("text, doses", [
    # a trial set against this one, and its relative clause
    ("Compared with the INO-VATE trial, in which patients received 1.8 mg/m2 per cycle, VOD was less frequent with "
     "inotuzumab.", []),
    ("Unlike earlier studies, which used inotuzumab at 1.8 mg/m2, we gave 0.9 mg/m2 weekly.", [(INO, 0.9, "mg/m2")]),
    ("The CR rate was lower than in the TOWER trial of blinatumomab at 28 µg/day.", []),
    ("Compared with the phase 3 trial, inotuzumab was given here at 0.9 mg/m2 weekly.", [(INO, 0.9, "mg/m2")]),
    ("Compared with standard chemotherapy, inotuzumab (1.8 mg/m2 per cycle) improved the CR rate.",
     [(INO, 1.8, "mg/m2")]),
    # a proposal in its own clause
    ("Inotuzumab was active; a randomized comparison with the standard 1.8 mg/m2 schedule should be performed.", []),
    ("Blinatumomab at 28 µg/day was given; its efficacy should be confirmed.", [(BLINA, 28, "µg")]),
])
def test_phrasings_compared_trials_doses(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses
