"""Recurring phrasings of doses, in our own words, run end to end: products and drugs the lexicon lacked (ARI-0001,
CNCT19, carfilzomib, methylprednisolone), the lymphodepletion abbreviations with slash-paired doses ("Flu/Cy 30/500
mg/m2"), a CAR T product named by its cells alone, a cell dose in words ("one million cells/kg"), and the drug named
only after the last of parallel doses ("80% at 1.8 mg/m2 and 60% at 1.2 mg/m2 of inotuzumab")."""
from __future__ import annotations

import pytest

from phrasing_cases import run_text as _run, dose_quads as _doses


INO, FLU, CY = "inotuzumab ozogamicin", "fludarabine", "cyclophosphamide"


@pytest.mark.parametrize("text, doses", [
    ("Varnimcabtagene autoleucel (ARI-0001) was infused at 1 × 10^6 cells/kg in three fractions.",
     [("varnimcabtagene autoleucel", 1000000, None, "cells/kg")]),
    ("ARI-0001 cells were administered at a target dose of 1 × 10^6 CAR T cells/kg.",
     [("varnimcabtagene autoleucel", 1000000, None, "cells/kg")]),
    ("Patients received CNCT19 at 1 × 10^6 cells/kg.", [("inaticabtagene autoleucel", 1000000, None, "cells/kg")]),
    ("Carfilzomib 27 mg/m2 was given on days 1, 2, 8 and 9.", [("carfilzomib", 27, None, "mg/m2")]),
])
def test_phrasings_new_lexicon_entries(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    # slashed drugs, slashed doses: theirs in order
    ("Lymphodepleting chemotherapy with Flu/Cy 30/300 mg/m2 was given on days -5 to -3.",
     [(FLU, 30, None, "mg/m2"), (CY, 300, None, "mg/m2")]),
    ("Lymphodepletion consisted of fludarabine/cyclophosphamide 30/500 mg/m2/day for 3 days.",
     [(FLU, 30, None, "mg/m2"), (CY, 500, None, "mg/m2")]),
    ("Dasatinib/dexamethasone 140/40 mg was given as induction.",
     [("dasatinib", 140, None, "mg"), ("dexamethasone", 40, None, "mg")]),
    ("Flu/Cy (30 mg/m2 and 500 mg/m2) was administered before the infusion.",
     [(FLU, 30, None, "mg/m2"), (CY, 500, None, "mg/m2")]),
    ("Lymphodepletion was Flu 30 mg/m2 × 4 days and Cy 500 mg/m2 × 2 days.",
     [(FLU, 30, None, "mg/m2"), (CY, 500, None, "mg/m2")]),
    # a bare list joined by "and" may be one drug's step-up: no pairing
    ("Ponatinib and blinatumomab 9 and 28 µg/day were combined.",
     [("blinatumomab", 9, None, "µg"), ("blinatumomab", 28, None, "µg")]),
    # "Flu-like" is no drug
    ("Flu-like symptoms occurred in 20% of patients.", []),
])
def test_phrasings_slash_paired_doses(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


def test_phrasings_flu_like_takes_no_dose(nlp):
    record = _run(nlp, "Flu-like symptoms were reported with blinatumomab 28 µg/day.")
    assert _doses(record) == [("blinatumomab", 28, None, "µg")]


@pytest.mark.parametrize("text, doses", [
    # a sentence naming no product but CAR T cells gives no dose: on the held-out sets such doses were all spurious
    # (what was infused, or a product the gold names otherwise), so the cells named alone stay unattached
    ("CAR T cells were infused at one million cells/kg after lymphodepletion.", []),
    ("Patients were treated at one of three dose levels: 1 × 10^5, 3 × 10^5 or 1 × 10^6 CAR T cells/kg.",
     []),
    ("The CAR T-cell dose ranged from 0.5 to 5 × 10^6 cells/kg.", []),
    ("All patients received 3 × 10^6 CAR-positive T cells per kilogram.", []),
    ("The total dose of 410 × 10^6 CAR T cells was split into two infusions.", []),
    # a sentence naming a drug: the cells are no dose of it (nor of an unnamed product)
    ("Lymphodepletion with fludarabine and cyclophosphamide preceded 1 × 10^6 CAR T cells/kg.", []),
    # a product named after the dose in a bracket, or before it out of an earlier therapy, takes it
    ("Patients received a single infusion of 1 × 10^6 CAR T cells/kg (KTE-X19).",
     [("brexucabtagene autoleucel", 1000000, None, "cells/kg")]),
    ("Adults with relapsed B-ALL received tisagenlecleucel at a target dose of 2 × 10^6 CAR T cells/kg.",
     [("tisagenlecleucel", 2000000, None, "cells/kg")]),
    ("Patients who relapsed after tisagenlecleucel received 1 × 10^6 CD22-CAR T cells/kg.",
     [("cd22-car t cells", 1000000, None, "cells/kg")]),
    ("Autologous CAR-T cells were given at doses of 0.5 to 1 × 10^6 cells/kg.", []),
    # a product named before the dose takes it; a spelled-out product with its abbreviation is one product
    ("After lymphodepletion, patients received tisagenlecleucel at a target dose of 2 × 10^6 CAR T cells/kg.",
     [("tisagenlecleucel", 2000000, None, "cells/kg")]),
    ("Anti-CD19 chimeric antigen receptor T cells (CAR-T cells) were infused at 1 × 10^6 cells/kg.",
     [("cd19-car t cells", 1000000, None, "cells/kg")]),
    ("Tisagenlecleucel was infused at 2 million cells/kg.", [("tisagenlecleucel", 2000000, None, "cells/kg")]),
    # a count of cells per volume, or a median of cells received, is no dose
    ("CAR T cells expanded to a peak of 50,000 cells/µL.", []),
    ("Patients received a median of 1 × 10^6 CAR T cells/kg.", []),
    ("The median number of infused CAR T cells was 2.1 × 10^6/kg.", []),
    ("CAR T cells were given with 40 mg of tocilizumab backup.", [("tocilizumab", 40, None, "mg")]),
    ("Patients who relapsed after CAR T cells received inotuzumab at 1.8 mg/m2.", [(INO, 1.8, None, "mg/m2")]),
])
def test_phrasings_generic_car_t_cells(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    ("CR rates were 80% at 1.8 mg/m2 and 60% at 1.2 mg/m2 of inotuzumab.",
     [(INO, 1.8, None, "mg/m2"), (INO, 1.2, None, "mg/m2")]),
    ("Responses were seen at 5 µg/m2/day and at 15 µg/m2/day of blinatumomab.",
     [("blinatumomab", 5, None, "µg/m2"), ("blinatumomab", 15, None, "µg/m2")]),
    # not across a ";", nor from another drug's dose in another unit
    ("At 1.8 mg/m2, the CR rate was 80%; at 1.2 mg/m2 of inotuzumab it was 60%.", [(INO, 1.2, None, "mg/m2")]),
    ("Patients with a creatinine above 2 mg/dL and those given 40 mg of dexamethasone were excluded.",
     [("dexamethasone", 40, None, "mg")]),
])
def test_phrasings_drug_after_the_last_parallel_dose(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


def test_phrasings_car_t_product_is_no_second_arm_drug(nlp):
    record = _run(nlp, "Adults with relapsed B-ALL received tisagenlecleucel at a target dose of 2 × 10^6 CAR T "
                       "cells/kg after lymphodepletion. Forty patients were infused.")
    assert [a["regimen"] for a in record["arms"]] == ["tisagenlecleucel"]


@pytest.mark.parametrize("text, doses", [
    # mini-hyper-CVD's reduced doses, with their verb
    ("In the mini-hyper-CVD regimen, cyclophosphamide and dexamethasone were given at 50% dose reduction and "
     "methotrexate at 75% dose reduction.",
     [(CY, 50, None, "% dose reduction"), ("dexamethasone", 50, None, "% dose reduction"),
      ("methotrexate", 75, None, "% dose reduction")]),
    # a reduction for some patients, or needed, is an event
    ("Inotuzumab was given at a 25% dose reduction in 4 patients.", []),
    ("Patients required a 50% dose reduction of inotuzumab.", []),
    # a flat dose in grams; a concentration is none
    ("Methylprednisolone 1 g was given daily for 3 days.", [("methylprednisolone", 1, None, "g")]),
    ("Hemoglobin 8 g/dL and 40 mg/m2 of clofarabine.", [("clofarabine", 40, None, "mg/m2")]),
])
def test_phrasings_reductions_and_grams(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    # a dose of the cells named alone is not given to a product named in another sentence, one or two
    ("Patients received KTE-X19 after lymphodepletion. The CR rate correlated with CAR T-cell expansion and was 83% "
     "in patients treated with 1 × 10^6 cells/kg.", []),
    ("Patients received tisagenlecleucel or KTE-X19. The CR rate correlated with CAR T-cell expansion and was 83% "
     "in patients treated with 1 × 10^6 cells/kg.", []),
])
def test_phrasings_cells_named_alone_of_the_named_product(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    # the negative-exponent unit style ("mg m−2") is per square metre, not a flat dose
    ("Inotuzumab was given at 1.8 mg m-2 per cycle.", [(INO, 1.8, None, "mg/m2")]),
    ("Inotuzumab was given at 1.8 mg·m−2 per cycle.", [(INO, 1.8, None, "mg/m2")]),
    ("Blinatumomab 15 µg m−2 per day was given.", [("blinatumomab", 15, None, "µg/m2")]),
    ("Cytarabine 3 g m−2 was given twice daily.", [("cytarabine", 3, None, "g/m2")]),
    # a limit allowed is no dose given
    ("Hydroxyurea up to 2 g/day was allowed for cytoreduction before blinatumomab.", []),
    ("Hydroxyurea 2 g/day was permitted for cytoreduction.", []),
    # but "up to" alone is the regimen's own ceiling, and a later clause allowing reductions leaves the dose
    ("Patients weighing more than 50 kg received tisagenlecleucel at up to 2.5 × 10^8 CAR T cells.",
     [("tisagenlecleucel", 250000000, None, "cells")]),
    ("The dose of blinatumomab was escalated up to 28 µg/day.", [("blinatumomab", 28, None, "µg")]),
    ("Inotuzumab 1.8 mg/m2 was given per cycle; dose reductions were allowed.", [(INO, 1.8, None, "mg/m2")]),
])
def test_phrasings_unit_styles_and_limits(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    # a sentence whose subject is the treatment or its schedule takes the one drug of the sentence before
    ("Patients were treated with blinatumomab. Cycle 1 consisted of 9 µg/day for 7 days followed by 28 µg/day.",
     [("blinatumomab", 9, None, "µg"), ("blinatumomab", 28, None, "µg")]),
    ("Patients received blinatumomab for up to five cycles. Each cycle consisted of 28 µg/day for 4 weeks.",
     [("blinatumomab", 28, None, "µg")]),
    ("Twenty patients received nelarabine. Treatment was 650 mg/m2/day for 5 days.",
     [("nelarabine", 650, None, "mg/m2")]),
    ("Patients received CD22 CAR T cells. Three dose levels were tested: 3 × 10^5, 1 × 10^6 and 3 × 10^6 cells/kg.",
     [("cd22-car t cells", 300000, None, "cells/kg"), ("cd22-car t cells", 1000000, None, "cells/kg"),
      ("cd22-car t cells", 3000000, None, "cells/kg")]),
    # not with two drugs before, nor a statistic
    ("Patients received blinatumomab and ponatinib. Treatment was 28 µg/day for 4 weeks.", []),
    ("Thirty patients received tisagenlecleucel. The median infused dose was 3.0 × 10^6 cells/kg.", []),
    # a dual CAR T product is not the product of one of its parts
    ("AUTO1/22 was infused at 1 × 10^6 cells/kg.", [("AUTO1/22", 1000000, None, "cells/kg")]),
])
def test_phrasings_schedule_subject_and_products(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    # a threshold printed after the dose is no dose given
    ("Inotuzumab at doses of 1.8 mg/m2 or higher was associated with VOD.", []),
    ("Cumulative inotuzumab of 5.4 mg/m2 or more was a risk factor.", []),
    ("Blinatumomab 28 µg/day and higher doses were compared.", [("blinatumomab", 28, None, "µg")]),
])
def test_phrasings_threshold_after_the_dose(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, size", [
    # "who were infused" / "who were included" are no response state ("who were in CR")
    ("Of 41 patients who were infused, 37 achieved CR.", 41),
    ("Of 41 patients who were included, 37 (90%) achieved CR.", 41),
    ("Of the 30 patients who were in CR, 20 underwent HSCT.", None),
])
def test_phrasings_cohort_opened_by_a_relative_clause(nlp, text, size):
    assert _run(nlp, text)["cohort_size"] == size


@pytest.mark.parametrize("text, doses", [
    # a multiplier word before the cells described
    ("Patients received two million CAR T cells per kilogram.", []),
    ("Tisagenlecleucel was infused at 1.5 million CAR-positive T cells per kilogram.",
     [("tisagenlecleucel", 1500000, None, "cells/kg")]),
])
def test_phrasings_cells_counted_in_words(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, doses", [
    # a count per kg, bare, of the CAR T product the sentence before names (not of the cells named alone)
    ("The CAR T-cell dose was 1 × 10^6/kg.", []),
    ("Patients received tisagenlecleucel. The target dose was 2 × 10^6/kg.",
     [("tisagenlecleucel", 2000000, None, "cells/kg")]),
    # an absolute dose once
    ("A fixed dose of 50 × 10^6 CAR T cells was infused in patients above 50 kg.", []),
    # a drug's dose per kg is no count of cells
    ("Patients received blinatumomab. The dose was 5 × 10^6/kg.", []),
])
def test_phrasings_bare_per_kg_of_a_carried_product(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses


@pytest.mark.parametrize("text, size", [
    # the count after those screened is the cohort, its noun given or left out of the screened
    ("Of 120 patients screened, 98 adults were enrolled.", 98),
    ("Of 50 screened, 45 children were infused.", 45),
    ("Of 350 patients screened, 326 were randomized.", 326),
    # a part of a group named first is not
    ("Of the 30 responders, 20 patients were treated with HSCT.", None),
])
def test_phrasings_cohort_after_the_screened(nlp, text, size):
    assert _run(nlp, text)["cohort_size"] == size


@pytest.mark.parametrize("text, age", [
    # the table style with the statistic in one bracket after the measure
    ("Age (median, range): 52 (19-80) years.", 52),
    ("Age (median; IQR): 12 (6-15) years.", 12),
])
def test_phrasings_age_with_its_statistic_in_a_bracket(nlp, text, age):
    assert _run(nlp, text)["median_age_years"] == age


@pytest.mark.parametrize("text, doses", [
    ("Decitabine 15 mg/m2 and vorinostat 230 mg/m2 were given for 5 days before reinduction.",
     [("decitabine", 15, None, "mg/m2"), ("vorinostat", 230, None, "mg/m2")]),
    ("Temsirolimus 7.5 mg/m2 was given weekly with reinduction.", [("temsirolimus", 7.5, None, "mg/m2")]),
    ("Obinutuzumab 1000 mg was given on days 1, 8 and 15.", [("obinutuzumab", 1000, None, "mg")]),
])
def test_phrasings_salvage_agents_in_the_lexicon(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses
