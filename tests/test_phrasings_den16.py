"""Recurring phrasings of rates printed as a percentage alone, whose denominator is the size of their group (tenth
round, extraction/denominators.py): the cohort of a single-arm study ("Forty patients were treated. The CR rate
was 55%"), a size the sentence prints for the group ("Of 36 older adults, 56% ...", "in 99.0% of the 194
patients", "cohort A (n = 40)"), the size of every arm given in the sentence or the one before ("109 in each
group"), and an arm's n.

The negative cases pin what the rule must not reach: a percentage no whole count out of the size gives, another
base named in the sentence or the one before (evaluable patients, responders, "of these", another size), MRD
negativity, survival estimates and medians, 0% and 100% (every size fits them), cohorts so large that every
percentage fits, and adverse events of a randomised trial's arms (counted over the treated, not the randomised).
"""
from __future__ import annotations

import pytest

from extractor.extraction import checks, denominators
from phrasing_cases import run_text as _run


def _denominators(record: dict) -> list[tuple]:
    """(endpoint, value, denominator) of every outcome, sorted."""
    return sorted((o["endpoint"], o["value"], o["denominator"]) for o in record["outcomes"])


@pytest.mark.parametrize("text, expected", [
    # the cohort of a single-arm study, when a whole count of it gives the printed percentage
    ("Forty-two patients were treated. The CR rate was 38%.", [("CR", 38.0, 42.0)]),
    ("We enrolled 30 adults with relapsed ALL. The overall response rate was 60%, and 40% of patients proceeded "
     "to allogeneic HSCT.", [("HSCT", 40.0, 30.0), ("ORR", 60.0, 30.0)]),
    ("Thirty patients received the regimen. Early death occurred in 10%.", [("EARLY_DEATH", 10.0, 30.0)]),
    ("Twenty-four patients were included. Grade 3 or higher CRS occurred in 25% and neurotoxicity in 12.5%.",
     [("CRS", 25.0, 24.0), ("NEURO", 12.5, 24.0)]),
    ("Sixty adults were treated with inotuzumab. CR/CRi was achieved in 45% of patients.",
     [("CR_CRi", 45.0, 60.0)]),
    ("Thirty-five patients were enrolled. Allogeneic transplantation was performed in 40% of patients.",
     [("HSCT", 40.0, 35.0)]),
    ("Thirty-five patients were enrolled. The 30-day mortality was 6%.", [("EARLY_DEATH", 6.0, 35.0)]),
    ("Forty patients were treated. The ORR was 55%, including CR in 40%.", [("CR", 40.0, 40.0), ("ORR", 55.0, 40.0)]),
    ("Twenty patients were enrolled. CR was achieved in 55% (95% CI, 32-77) of patients.", [("CR", 55.0, 20.0)]),
    # one decimal: the count must give the percentage to the tenth (18/28 = 64.29)
    ("Twenty-eight patients received the combination. The rate of CR or CRi was 64.3%.",
     [("CR_CRi", 64.3, 28.0)]),
    ("A total of 52 patients were enrolled. The CR/CRi rate was 38.5%.", [("CR_CRi", 38.5, 52.0)]),
])
def test_percentage_takes_the_cohort_size(nlp, text, expected):
    assert _denominators(_run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    # no whole count out of the cohort gives the printed percentage: the rate is of another base
    ("Forty-two patients were treated. The CR rate was 37%.", [("CR", 37.0, None)]),
    ("Twenty-eight patients received the combination. The rate of CR or CRi was 64.2%.",
     [("CR_CRi", 64.2, None)]),
    ("Forty patients were treated. The ORR was 55.5%.", [("ORR", 55.5, None)]),
    # a cohort so large that every whole percentage is some count's: the check proves nothing
    ("The study included 150 patients. The CR rate was 40%.", [("CR", 40.0, None)]),
    ("A total of 212 adults were enrolled. Allogeneic HSCT was performed in 35%.", [("HSCT", 35.0, None)]),
    # 0% and 100% fit every size
    ("Twenty patients were enrolled. CR was achieved in 100% of patients.", [("CR", 100.0, None)]),
    ("Thirty-five patients were enrolled. Early death occurred in 0% of patients.", [("EARLY_DEATH", 0.0, None)]),
])
def test_percentage_without_a_fitting_size_gets_no_denominator(nlp, text, expected):
    assert _denominators(_run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    # another base named in the sentence or in the one before
    ("Thirty patients received the regimen. Among responders, 50% underwent HSCT.", [("HSCT", 50.0, None)]),
    ("Thirty-five patients were enrolled. Allogeneic transplantation was performed in 40% of responders.",
     [("HSCT", 40.0, None)]),
    ("Thirty-five patients were enrolled. Among patients achieving remission, 40% proceeded to transplant.",
     [("HSCT", 40.0, None)]),
    ("Sixty adults were treated with inotuzumab. Of these, 45% achieved CR/CRi.", [("CR_CRi", 45.0, None)]),
    ("We enrolled 30 adults with relapsed ALL. Twenty-five patients were evaluable for response. The CR rate was "
     "60%.", [("CR", 60.0, None)]),
    ("Fifty patients were enrolled. In the primary analysis, the CR rate was 60%.", [("CR", 60.0, None)]),
    ("Twenty-eight patients received the combination; CR was achieved in 11 patients. The rate of allogeneic HSCT "
     "was 36%.", [("CR", 39.3, 28), ("HSCT", 36.0, None)]),
    ("Thirty-five patients were enrolled. In patients with high tumor burden, the CR rate was 40%.",
     [("CR", 40.0, None)]),
    # (den19: not the cohort's 50, but the 40 evaluable the sentence names as its base)
    ("Fifty patients were enrolled, and 40 were evaluable. The CR rate among evaluable patients was 60%.",
     [("CR", 60.0, 40.0)]),
    ("Fifty patients were enrolled. Among the 45 patients who completed induction, the CR rate was 60%.",
     [("CR", 60.0, 45.0)]),
    # the opening's group is not the base when the rest of the sentence names a part of it
    # (den19: "of them" is of the 30 counted before it, so 15/30; never the opening's 40)
    ("Among the 40 patients, 30 achieved CR, and 50% of them underwent HSCT.", [("CR", 75.0, 40.0),
                                                                                ("HSCT", 50.0, 30.0)]),
    # a part of the cohort counted anywhere in the abstract (the infused, the treated) may be the rates' base
    ("Ninety-two patients were enrolled, and 75 patients were infused with tisagenlecleucel. The overall "
     "remission rate was 80%.", [("ORR", 80.0, None)]),
    ("Ninety-two patients were enrolled. Seventy-five patients received an infusion. The median age was 12 "
     "years. The overall remission rate was 80%.", [("ORR", 80.0, None)]),
    ("Sixty children were registered, of whom 48 were treated. The CR rate was 75%.", [("CR", 75.0, None)]),
    # a rate of another study
    ("Forty patients were treated. In the pivotal trial, the CR rate was 45%.", [("CR", 45.0, None)]),
    ("Forty patients were treated. The CR rate was 45%, similar to historical controls.", [("CR", 45.0, None)]),
    # ... but the cohort counted again is no part of it
    ("Seventy-five patients were infused. The overall remission rate was 80%.", [("ORR", 80.0, 75.0)]),
])
def test_percentage_of_another_base_is_not_of_the_cohort(nlp, text, expected):
    assert _denominators(_run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    # endpoints whose base is not the group, or that are estimates: never a group denominator
    ("Thirty-five patients were enrolled. The 2-year event-free survival was 40%.", [("EFS_RATE", 40.0, None)]),
    ("Twenty-four patients were included. The 1-year overall survival was 50%.", [("OS_RATE", 50.0, None)]),
    ("Thirty-five patients were enrolled. MRD negativity among responders was 80%.", [("MRD_NEG", 80.0, None)]),
    ("Twenty-four patients were included. MRD negativity was achieved in 75%.", [("MRD_NEG", 75.0, None)]),
    ("Twenty-four patients were included. The median overall survival was 7.5 months.",
     [("OS_MEDIAN", 7.5, None)]),
    ("Forty patients were treated. The 12-month relapse-free survival was 45%.", [("RFS_RATE", 45.0, None)]),
])
def test_survival_mrd_and_medians_get_no_group_denominator(nlp, text, expected):
    assert _denominators(_run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    # the group a sentence opens with, counted
    ("We enrolled 30 adults with relapsed ALL. Of the 25 evaluable patients, the CR rate was 60%.",
     [("CR", 60.0, 25.0)]),
    ("In the 32 patients who received the higher dose, the complete remission rate was 75%.",
     [("CR", 75.0, 32.0)]),
    ("Among 18 children with T-cell ALL, the CR rate was 50%.", [("CR", 50.0, 18.0)]),
    ("Of the 22 patients with Ph-positive ALL, 59% achieved CR.", [("CR", 59.0, 22.0)]),
    ("Of 60 patients enrolled, 20 were older than 60 years. In the 20 older patients, the CR rate was 55%.",
     [("CR", 55.0, 20.0)]),
    ("In the 9 patients treated under the amended protocol, 33% had grade 3 CRS and 11% had grade 3 neurologic "
     "events.", [("CRS", 33.0, 9.0), ("NEURO", 11.0, 9.0)]),
    ("After failure of a second salvage (n = 41), the CR rate after third salvage was 22%.", [("CR", 22.0, 41.0)]),
    ("In cohort 1 (46 patients; median age, 35 years), overall remission occurred in 63%.",
     [("ORR", 63.0, 46.0)]),
    ("Of 48 evaluable patients, the overall response rate was 48%.", [("ORR", 48.0, 48.0)]),
    ("Of 50 patients, 40% had Ph-positive disease and the CR rate was 60%.", [("CR", 60.0, 50.0)]),
    # a second size in the sentence: the opening is of one value only
    ("In the phase 2 cohort (n = 45), the ORR was 40%, and in the phase 1 cohort (n = 20), the ORR was 35%.",
     [("ORR", 35.0, None), ("ORR", 40.0, None)]),
    # ... and the size is the base: a percentage it does not give is left without one
    ("Of the 22 patients with Ph-positive ALL, 58% achieved CR.", [("CR", 58.0, None)]),
    # a year is no group size
    ("In 2015, the CR rate was 50%.", [("CR", 50.0, None)]),
])
def test_percentage_takes_the_size_the_sentence_opens_with(nlp, text, expected):
    assert _denominators(_run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    # a size printed right after the value, or beside the group's name
    ("Complete remission was achieved in 93.2% of the 44 patients with relapsed disease.",
     [("CR", 93.2, 44.0)]),
    ("CR was achieved in 65% of cohort A (n = 40) and 45% of cohort B (n = 20).",
     [("CR", 45.0, 20.0), ("CR", 65.0, 40.0)]),
    ("CR was achieved in 65% and 45% of cohort A (n = 40) and cohort B (n = 20), respectively.",
     [("CR", 45.0, 20.0), ("CR", 65.0, 40.0)]),
    ("In the expansion cohort (n = 40), the ORR was 40%, whereas it was 45% in the escalation cohort (n = 20).",
     [("ORR", 40.0, 40.0), ("ORR", 45.0, 20.0)]),
    ("The CR rate was higher in the 20 patients with B-lineage disease than in the six with T-lineage disease "
     "(70% vs. 33%).", [("CR", 33.0, 6.0), ("CR", 70.0, 20.0)]),  # den19: "the six" is no count of the 70%
])
def test_percentage_takes_the_size_printed_beside_its_group(nlp, text, expected):
    assert _denominators(_run(nlp, text)) == expected


_RANDOMISED = "Adults with relapsed ALL were randomly assigned to blinatumomab (n = 60) or chemotherapy (n = 30). "
_RANDOMISED_LARGE = ("Adults with relapsed ALL were randomly assigned to blinatumomab (n = 160) or chemotherapy "
                     "(n = 130). ")


@pytest.mark.parametrize("text, expected", [
    # an arm's n, under the same check
    (_RANDOMISED + "Complete remission occurred in 40% of the blinatumomab group and in 20% of the chemotherapy "
     "group.", [("CR", 20.0, 30.0), ("CR", 40.0, 60.0)]),
    (_RANDOMISED + "Allogeneic HSCT followed in 35% and 10% of patients, respectively.",
     [("HSCT", 10.0, 30.0), ("HSCT", 35.0, 60.0)]),
    ("Adults with relapsed ALL were randomly assigned to inotuzumab ozogamicin (n = 45) or standard chemotherapy "
     "(n = 44). The CR rate was 73% with inotuzumab ozogamicin and 34% with standard chemotherapy.",
     [("CR", 34.0, 44.0), ("CR", 73.0, 45.0)]),
    # 74% is no count out of 45 (33/45 = 73.3, 34/45 = 75.6)
    ("Adults with relapsed ALL were randomly assigned to inotuzumab ozogamicin (n = 45) or standard chemotherapy "
     "(n = 44). The CR rate was 74% with inotuzumab ozogamicin and 34% with standard chemotherapy.",
     [("CR", 34.0, 44.0), ("CR", 74.0, None)]),
    # the size of every arm, in the sentence before, wins over the arms' n
    (_RANDOMISED + "Propensity matching identified 25 patients in each group. The CR rates were 40% and 20%, "
     "respectively.", [("CR", 20.0, 25.0), ("CR", 40.0, 25.0)]),
    (_RANDOMISED + "Propensity matching identified 25 patients in each group. The CR rates were 42% and 20%, "
     "respectively.", [("CR", 20.0, 25.0), ("CR", 42.0, None)]),
    ("Adults with relapsed ALL were randomly assigned to blinatumomab (n = 110) or chemotherapy (n = 105). The "
     "first 80 patients (40 per arm) were analysed for response. CR rates were 52.5% and 27.5%, respectively.",
     [("CR", 27.5, 40.0), ("CR", 52.5, 40.0)]),
])
def test_percentage_takes_its_arm_size(nlp, text, expected):
    assert _denominators(_run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    # adverse events of a randomised trial are of the treated, whose number may differ from the randomised
    (_RANDOMISED + "Cytokine release syndrome occurred in 15% of the blinatumomab group.", [("CRS", 15.0, None)]),
    (_RANDOMISED + "Neurologic events occurred in 10% and 20% of patients, respectively.",
     [("NEURO", 10.0, None), ("NEURO", 20.0, None)]),
    # another base for both arms
    (_RANDOMISED + "Among evaluable patients, complete remission occurred in 40% of the blinatumomab group and in "
     "20% of the chemotherapy group.", [("CR", 20.0, None), ("CR", 40.0, None)]),
    (_RANDOMISED + "Among responders, HSCT was performed in 40% and 20%, respectively.",
     [("HSCT", 20.0, None), ("HSCT", 40.0, None)]),
    # arms so large that every percentage fits
    (_RANDOMISED_LARGE + "Complete remission occurred in 40% of the blinatumomab group and in 20% of the "
     "chemotherapy group.", [("CR", 20.0, None), ("CR", 40.0, None)]),
    # estimates and MRD among responders stay without
    (_RANDOMISED + "The 1-year overall survival was 40% and 20%, respectively.",
     [("OS_RATE", 20.0, None), ("OS_RATE", 40.0, None)]),
])
def test_percentage_of_an_arm_without_its_base_gets_none(nlp, text, expected):
    assert _denominators(_run(nlp, text)) == expected


def test_inferred_denominator_is_flagged(nlp):
    """The user sees that the denominator was not printed beside the rate; a printed one carries no flag."""
    record = _run(nlp, "Forty-two patients were treated. The CR rate was 38%. Twenty of 42 patients had CRS.")
    flags = {o["endpoint"]: o["flags"] for o in record["outcomes"]}
    assert flags["CR"] == [checks.DENOMINATOR_INFERRED]
    assert checks.DENOMINATOR_INFERRED not in flags["CRS"]


def test_inferred_denominator_is_not_checked_as_printed(nlp):
    """Re-running the checks on a record keeps the flag and adds no count/percent disagreement of its making."""
    outcome = next(o for o in _run(nlp, "Forty-two patients were treated. The CR rate was 38%.")["outcomes"])
    assert checks.outcome_flags({**outcome, "count": 10}) == [checks.DENOMINATOR_INFERRED]


@pytest.mark.parametrize("text, size", [
    ("Of the 326 patients, the first 218 (109 in each group) were included.", 109),
    ("Propensity score matching identified 38 patients in each cohort.", 38),
    ("The first 80 patients (40 per arm) were analysed.", 40),
    ("Sixty patients were enrolled, 30 in both arms.", 30),
    ("Dose escalation enrolled 3 patients per cohort.", None),  # a dose level's cohort is no arm
    ("Of 50 patients in each group, 20 in each arm had Ph+ disease.", None),  # two sizes: neither
])
def test_each_arm_size_is_read_from_the_sentence(text, size):
    assert denominators._each_arm_size(text) == size
