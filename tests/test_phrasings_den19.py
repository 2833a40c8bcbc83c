"""Recurring phrasings of a rate's count and denominator (twelfth round, den19, extraction/denominators.py with a
few lines of normalise.py and outcomes.py): counts "of these N" and "of our N", a group's size before a bracket
comparing groups, the subset "of these" / "of whom" / "including" points back to, a part of the cohort counted as
infused or evaluable (named by the sentence, or for a toxicity the treated), MRD negativity and transplant among
responders, the people in a percentage's own bracket ("55% (22 patients)", "(n = 20, 44%)", "(95% CI ...;
22/40)"), "All but two (90%)", a size named with the rate, the first of two contrasted values, and a zero response
of the sentence's subject. The negative cases pin where no denominator may be filled: a size no count fits, an
unnamed part, a dose level, an arm's MRD rate.
"""
from __future__ import annotations

import pytest

from extractor.extraction import checks
from phrasing_cases import run_text as _run, outcome_counts as _counted


@pytest.mark.parametrize("text, expected", [
    # "of these N": the N is the subset's size, the number before "of" its count (was count 17, no denominator)
    ("Thirty patients were enrolled. Seventeen patients (57%) achieved CR. Ten of these 17 patients (59%) proceeded "
     "to HSCT.", [("CR", 57.0, 17.0, 30.0), ("HSCT", 59.0, 10.0, 17.0)]),
    ("Thirty patients were enrolled. Seventeen patients achieved CR, and ten of those 17 (59%) underwent allogeneic "
     "transplantation.", [("CR", 56.7, 17.0, 30), ("HSCT", 59.0, 10.0, 17.0)]),
    # without a percentage, the fraction 10/17 (was the bare "17 patients proceeded", HSCT 56.7)
    ("Thirty patients were enrolled. Seventeen patients achieved CR. Ten of these 17 patients proceeded to HSCT.",
     [("CR", 56.7, 17.0, 30), ("HSCT", 58.8, 10.0, 17.0)]),
])
def test_count_of_these_n(nlp, text, expected):
    assert _counted(_run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    # the sizes of two groups a bracket compares: "the eight" is T-ALL's size, not a count of the 76% (was count 8)
    ("The probability of CR was greater in the 17 patients with B-lineage ALL than in the eight with T-ALL (76% vs. "
     "12%).", [("CR", 12.0, None, 8.0), ("CR", 76.0, None, 17.0)]),
    # a count before such a bracket stays its count
    ("Forty patients were treated. CR was achieved in 22 patients (55% vs 30% in historical controls).",
     [("CR", 30.0, None, None), ("CR", 55.0, 22.0, 40.0)]),
])
def test_group_sizes_before_a_compared_bracket(nlp, text, expected):
    assert _counted(_run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    # "of these", "of whom", "among them": the count before it is the base (were no denominator)
    ("Thirty patients were enrolled. Seventeen patients (57%) achieved CR; of these, 10 (59%) proceeded to HSCT.",
     [("CR", 57.0, 17.0, 30.0), ("HSCT", 59.0, 10.0, 17.0)]),
    ("Thirty patients were enrolled. Seventeen patients (57%) achieved CR. Of these, 10 (59%) proceeded to HSCT.",
     [("CR", 57.0, 17.0, 30.0), ("HSCT", 59.0, 10.0, 17.0)]),
    ("Thirty patients were enrolled. Seventeen patients (57%) achieved CR, of whom 10 (59%) proceeded to HSCT.",
     [("CR", 57.0, 17.0, 30.0), ("HSCT", 59.0, 10.0, 17.0)]),
    ("Thirty patients were enrolled. Seventeen patients (57%) achieved CR. Among them, 10 (59%) were MRD negative.",
     [("CR", 57.0, 17.0, 30.0), ("MRD_NEG", 59.0, 10.0, 17.0)]),
    ("Thirty patients were enrolled. Seventeen patients achieved CR (57%), and 10 of them (59%) became MRD "
     "negative.", [("CR", 57.0, 17.0, 30.0), ("MRD_NEG", 59.0, 10.0, 17.0)]),
    # a part of the cohort counted as infused or evaluable, when the cohort does not give the percentage
    ("Forty patients were enrolled and 36 were infused. CRS occurred in 27 patients (75%).",
     [("CRS", 75.0, 27.0, 36.0)]),
    ("Forty patients were enrolled; 36 received CAR T cells. CR was achieved in 27 patients (75%).",
     [("CR", 75.0, 27.0, 36.0)]),
    ("Thirty patients were enrolled; 27 were evaluable for response. Seventeen patients (63%) achieved CR.",
     [("CR", 63.0, 17.0, 27.0)]),
])
def test_count_takes_the_subset_it_is_of(nlp, text, expected):
    record = _run(nlp, text)
    assert _counted(record) == expected
    inferred = [o for o in record["outcomes"] if o["denominator"] not in (None, 30.0, 30)]
    assert all(checks.DENOMINATOR_INFERRED in o["flags"] for o in inferred)


@pytest.mark.parametrize("text, expected", [
    # the cohort gives the percentage: it stays the base
    ("Forty patients were enrolled; 36 received CAR T cells. CR was achieved in 30 patients (75%).",
     [("CR", 75.0, 30.0, 40.0)]),
    # no counted subset gives the percentage: none (the 20 with Ph+ ALL is no outcome's count)
    ("Thirty patients were enrolled. Twenty patients had Ph-positive ALL; of these, 12 (60%) achieved CR.",
     [("CR", 60.0, 12.0, None)]),
    ("Forty patients were enrolled and 36 were infused. Twelve patients (40%) had grade 3 CRS.",
     [("CRS", 40.0, 12.0, None)]),
    # a multi-arm study's parts are not read
    ("Patients were randomly assigned to arm A (n = 40) or arm B (n = 38); 36 patients were treated in arm A. CR was "
     "achieved in 27 patients (75%) in arm A.", [("CR", 75.0, 27.0, None)]),
])
def test_count_without_a_fitting_subset_keeps_no_denominator(nlp, text, expected):
    assert _counted(_run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    # MRD negativity takes the size its sentence prints for its group (was none: MRD had no denominator rule)
    ("Fifty-three patients were treated. Thirty-nine patients (74%) achieved CR. Of the 39 responders, 77% were MRD "
     "negative.", [("CR", 74.0, 39.0, 53.0), ("MRD_NEG", 77.0, None, 39.0)]),
    ("Forty patients were treated. Of the 30 patients who achieved CR/CRi, 67% achieved MRD negativity.",
     [("MRD_NEG", 67.0, None, 30.0)]),
    ("Forty patients were treated. Among patients who achieved CR/CRi (n = 30), 67% were MRD negative.",
     [("MRD_NEG", 67.0, None, 30.0)]),
    ("Forty patients were treated. MRD negativity was achieved in 60% of the 30 responders.",
     [("MRD_NEG", 60.0, None, 30.0)]),
    ("Forty patients were treated. Of the 20 patients in CR, 60% were MRD negative.", [("MRD_NEG", 60.0, None, 20.0)]),
    # ... but only a group of responders: an arm's or a cohort's MRD rate may be of its responders
    ("Patients were randomly assigned to inotuzumab or chemotherapy. In the inotuzumab arm (n = 109), the MRD "
     "negativity rate was 78%.", [("MRD_NEG", 78.0, None, None)]),
    ("Forty patients were treated. In cohort A (n = 20), MRD negativity was 60%.", [("MRD_NEG", 60.0, None, None)]),
    # ... and never the arm's or cohort's size, nor a size shared with another endpoint's value
    ("Forty patients were treated. MRD negativity was 60%.", [("MRD_NEG", 60.0, None, None)]),
    ("Forty patients were treated. Of the 40 patients, 30 achieved CR and 60% were MRD negative.",
     [("CR", 75.0, 30.0, 40.0), ("MRD_NEG", 60.0, None, None)]),
    # a percentage alone after "Of these,": the one count of the sentence before
    ("Thirty patients were enrolled. Seventeen patients (57%) achieved CR. Of these, 59% proceeded to HSCT.",
     [("CR", 57.0, 17.0, 30.0), ("HSCT", 59.0, None, 17.0)]),
    ("Thirty patients were enrolled. Seventeen patients (57%) achieved CR. Of these, 65% became MRD negative.",
     [("CR", 57.0, 17.0, 30.0), ("MRD_NEG", 65.0, None, 17.0)]),
    # ... and none when no whole count of it gives the percentage (10/17 = 58.8, 11/17 = 64.7)
    ("Thirty patients were enrolled. Seventeen patients (57%) achieved CR. Of these, 62% proceeded to HSCT.",
     [("CR", 57.0, 17.0, 30.0), ("HSCT", 62.0, None, None)]),
])
def test_percentage_of_a_stated_subset(nlp, text, expected):
    assert _counted(_run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    # the people in a percentage's own bracket: its count, when the group's size gives the percentage with it
    ("Forty patients were treated. CR was achieved in 55% (22 patients).", [("CR", 55.0, 22.0, 40.0)]),
    ("Forty patients were treated. CR was achieved in 55% of patients (n = 22).", [("CR", 55.0, 22.0, 40.0)]),
    ("Patients were randomly assigned to arm A (n = 40) or arm B (n = 38). The CR rate was 55% (22 patients) in arm "
     "A and 29% (11 patients) in arm B.", [("CR", 29.0, 11.0, 38.0), ("CR", 55.0, 22.0, 40.0)]),
    # ... of a group sized where the sentence opens
    ("Forty patients were treated. Among the 36 patients with B-ALL, CR was achieved in 56% (20 patients).",
     [("CR", 56.0, 20.0, 36.0)]),
    ("Forty patients were treated. In the 36 patients with B-ALL, the CR rate was 56% (n = 20).",
     [("CR", 56.0, 20.0, 36.0)]),
    # ... the base, when no count of the cohort could be so many (225 would be 46% of 489)
    ("A total of 261 patients were treated. Of 36 older adults, 56% achieved CR/CRh compared with 46% (225 "
     "patients) of younger adults.", [("CR_CRi", 46.0, None, 225.0), ("CR_CRi", 56.0, None, 36.0)]),
    # ... and neither when neither fits: the cohort is then no base (was 40)
    ("Forty patients were treated. CR was achieved in 55% (20 patients).", [("CR", 55.0, None, None)]),
    # "(n = 20, 44%)": the count before the value in its bracket (was none)
    ("Forty-five patients were treated. Responses included CR (n = 20, 44%) and CRi (n = 10, 22%).",
     [("CR", 44.0, 20.0, 45.0)]),
    # the count and denominator after the value's CI (were no count)
    ("Forty patients were treated. The CR rate was 55% (95% CI 38-71%; 22/40).", [("CR", 55.0, 22.0, 40.0)]),
])
def test_people_in_the_percentage_bracket(nlp, text, expected):
    assert _counted(_run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    # a cohort's percentage whose sentence names a counted part as its base: that part's size (were none)
    ("Of 75 enrolled patients, 63 were infused. Among infused patients, the overall remission rate was 81%.",
     [("ORR", 81.0, None, 63.0)]),
    ("Seventy-five patients were enrolled and 63 were infused. Grade 3 or higher CRS occurred in 22% of infused "
     "patients.", [("CRS", 22.0, None, 63.0)]),
    ("Forty patients were enrolled; 36 were evaluable for response. The CR rate among evaluable patients was 61%.",
     [("CR", 61.0, None, 36.0)]),
    # not when the sentence names no part: which base the rate has is unknown
    ("Forty patients were enrolled; 36 were evaluable for response. CRS occurred in 22%.",
     [("CRS", 22.0, None, None)]),
    ("Forty patients were enrolled; 36 were evaluable for response. The CR rate was 61%.",
     [("CR", 61.0, None, None)]),
    # nor when no whole count of the part gives the percentage (36 evaluable: 21/36 = 58.3, 22/36 = 61.1)
    ("Forty patients were enrolled; 36 were evaluable for response. The CR rate among evaluable patients was 60%.",
     [("CR", 60.0, None, None)]),
])
def test_percentage_of_a_named_part(nlp, text, expected):
    assert _counted(_run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    # a subgroup's size printed before its name with "in" (were none)
    ("Sixty patients were treated. The CR rate among 25 patients in first salvage was 64%.",
     [("CR", 64.0, None, 25.0)]),
    ("Sixty patients were treated. For the 25 patients in first salvage, the CR rate was 64%.",
     [("CR", 64.0, None, 25.0)]),
])
def test_subgroup_sized_before_its_name(nlp, text, expected):
    assert _counted(_run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    # "All but two patients (90%)": the printed number is of those left out (was count 2)
    ("Twenty patients were treated. All but two patients (90%) achieved CR.", [("CR", 90.0, 18.0, 20.0)]),
    ("Twenty patients were treated. All but 2 (90%) achieved CR.", [("CR", 90.0, 18.0, 20.0)]),
    # ... and no count at all when the group's size is unknown
    ("All but two patients (90%) achieved CR.", [("CR", 90.0, None, None)]),
])
def test_all_but_a_count(nlp, text, expected):
    assert _counted(_run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    # a toxicity of a single-arm study that counts fewer treated (infused) than enrolled: over the treated (SCHEMA)
    ("Seventy-five patients were enrolled and 63 were infused. CRS occurred in 22%.", [("CRS", 22.0, None, 63.0)]),
    ("Fifty patients were enrolled; 45 were treated. VOD occurred in 4%.", [("VOD", 4.0, None, 45.0)]),
    # not a response (of the enrolled or of the infused: the sentence does not say), nor a toxicity of another base
    ("Seventy-five patients were enrolled and 63 were infused. The overall remission rate was 81%.",
     [("ORR", 81.0, None, None)]),
    ("Seventy-five patients were enrolled and 63 were infused. CRS occurred in 22% of patients with high tumor "
     "burden.", [("CRS", 22.0, None, None)]),
])
def test_toxicity_over_the_treated_part(nlp, text, expected):
    assert _counted(_run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    # MRD negativity or transplant among the responders the sentence names: the cohort's printed response count
    ("Forty patients were treated. Thirty patients (75%) achieved CR/CRi. Among patients achieving CR/CRi, 20 (67%) "
     "were MRD negative.", [("CR_CRi", 75.0, 30.0, 40.0), ("MRD_NEG", 67.0, 20.0, 30.0)]),
    ("Forty patients were treated. Thirty patients (75%) achieved CR/CRi. MRD negativity was achieved in 20 "
     "responders (67%).", [("CR_CRi", 75.0, 30.0, 40.0), ("MRD_NEG", 67.0, 20.0, 30.0)]),
    ("Forty patients were treated. Thirty patients (75%) achieved CR/CRi. Among responders, 67% were MRD negative.",
     [("CR_CRi", 75.0, 30.0, 40.0), ("MRD_NEG", 67.0, None, 30.0)]),
    ("Forty patients were treated. Thirty patients (75%) achieved CR/CRi. Of the responders, 18 (60%) proceeded to "
     "allogeneic HSCT.", [("CR_CRi", 75.0, 30.0, 40.0), ("HSCT", 60.0, 18.0, 30.0)]),
    # no printed response count: no base
    ("Forty patients were treated. The CR/CRi rate was 75%. Among responders, 60% proceeded to allogeneic HSCT.",
     [("CR_CRi", 75.0, None, 40.0), ("HSCT", 60.0, None, None)]),
])
def test_rate_among_the_responders(nlp, text, expected):
    assert _counted(_run(nlp, text)) == expected


def test_percentage_of_them_takes_the_count_before_it(nlp):
    """"30 achieved CR, and 50% of them underwent HSCT": of the 30 (was none)."""
    record = _run(nlp, "Forty patients were treated; 30 achieved CR, and 50% of them underwent HSCT.")
    assert ("HSCT", 50.0, None, 30.0) in _counted(record)


@pytest.mark.parametrize("text", [
    "Thirty patients were enrolled. Seventeen patients (57%) achieved CR. Of these, 10 proceeded to HSCT.",
    "Thirty patients were enrolled. Seventeen patients achieved CR. Among them, 10 underwent allogeneic HSCT.",
    "Thirty patients were enrolled. Seventeen patients achieved CR, of whom 10 proceeded to allogeneic HSCT.",
])
def test_count_of_these_is_a_rate_of_the_subset(nlp, text):
    """A rate printed only as a count "of these" is of the subset counted before it: 10/17 (was 10/30, 33.3)."""
    hsct = [o for o in _run(nlp, text)["outcomes"] if o["endpoint"] == "HSCT"]
    assert [(o["value"], o["count"], o["denominator"]) for o in hsct] == [(58.8, 10.0, 17.0)]


def test_count_of_our_n(nlp):
    """"12 of our 20 patients (60%)": count 12 of 20 (was count 20)."""
    assert _counted(_run(nlp, "Twenty patients were treated. CR was achieved in 12 of our 20 patients (60%).")) == [
        ("CR", 60.0, 12.0, 20.0)]


@pytest.mark.parametrize("text, expected", [
    # a dose level or an analysis population read as the cohort's: its size is no base (was 40)
    ("Forty patients were enrolled. At the recommended phase 2 dose, the CR rate was 55%.", [("CR", 55.0, None, None)]),
    ("Forty patients were enrolled. The CR rate at the highest dose level was 55%.", [("CR", 55.0, None, None)]),
    ("Forty patients were enrolled. The CR rate was 55% (per-protocol analysis).", [("CR", 55.0, None, None)]),
    # a dose named otherwise leaves the cohort its base
    ("Forty patients were enrolled. The MTD was not reached, and the CR rate was 55%.", [("CR", 55.0, None, 40.0)]),
])
def test_dose_level_or_analysis_population_is_no_cohort_base(nlp, text, expected):
    assert _counted(_run(nlp, text)) == expected


@pytest.mark.parametrize("text, value, expected", [
    # the opening's size is the first value's group when the next value is set against it (was none)
    ("A total of 261 patients were treated. Of 36 older adults, 56% (95% CI, 38%-72%) achieved CR/CRh during the "
     "first 2 cycles compared with 46% (95% CI, 40%-53%) of younger adults.", 56.0, 36.0),
    # not two values listed together after the opening
    ("Sixty patients were treated. Of the 40 patients, 62% and 31% achieved CR in the Ph-negative and "
     "Ph-positive groups, compared with 20% historically.", 62.0, None),
])
def test_opening_size_of_the_first_contrasted_value(nlp, text, value, expected):
    [outcome] = [o for o in _run(nlp, text)["outcomes"] if o["value"] == value]
    assert outcome["denominator"] == expected


def test_count_after_the_ci_keeps_the_mismatch_flag(nlp):
    """A printed count and denominator that disagree with the percentage are flagged, wherever they were read."""
    [outcome] = _run(nlp, "Forty patients were treated. The CR rate was 65% (95% CI 48-79%; 22/40).")["outcomes"]
    assert (outcome["count"], outcome["denominator"]) == (22.0, 40.0)
    assert checks.COUNT_PERCENT_MISMATCH in outcome["flags"]
    assert checks.DENOMINATOR_INFERRED not in outcome["flags"]


@pytest.mark.parametrize("text, expected", [
    # "58 received tisagenlecleucel" counts the infused (was no part)
    ("Sixty-four patients were enrolled and 58 received tisagenlecleucel. CRS occurred in 44 patients (76%).",
     [("CRS", 76.0, 44.0, 58.0)]),
    # a count printed with its percentage names no other base ("with CR in 28 patients (58%)"; the ORR had none)
    ("Forty-eight adults were treated with inotuzumab plus mini-hyper-CVD. The overall response rate was 79%, with CR "
     "in 28 patients (58%).", [("CR", 58.0, 28.0, 48.0), ("ORR", 79.0, None, 48.0)]),
    # responders whose response is printed without its count: the counted CR is not surely their number
    ("Forty-eight adults were treated with inotuzumab plus mini-hyper-CVD. The overall response rate was 79%, with CR "
     "in 28 patients (58%). Among responders, 82% were MRD negative.",
     [("CR", 58.0, 28.0, 48.0), ("MRD_NEG", 82.0, None, None), ("ORR", 79.0, None, 48.0)]),
])
def test_cohort_reads_of_a_car_t_and_a_response_list(nlp, text, expected):
    assert _counted(_run(nlp, text)) == expected


def test_count_including_is_of_the_count_before_it(nlp):
    """"27 (39%) achieved CR, including 14 (52%) with complete MRD response": 14 of the 27 (was no denominator)."""
    record = _run(nlp, "Seventy children received blinatumomab. Of the 70 patients, 27 (39%) achieved CR within the "
                       "first two cycles, including 14 (52%) with complete MRD response.")
    assert _counted(record) == [("CR", 39.0, 27.0, 70.0), ("MRD_NEG", 52.0, 14.0, 27.0)]


@pytest.mark.parametrize("text, expected", [
    # a toxicity's count that both the enrolled and the treated give: over the treated (SCHEMA; was the 64)
    ("Sixty-four patients were enrolled and 58 received tisagenlecleucel. CRS occurred in 3 patients (5%).",
     [("CRS", 5.0, 3.0, 58.0)]),
    # only the enrolled give it (32/58 = 55%): the enrolled
    ("Sixty-four patients were enrolled and 58 received tisagenlecleucel. CRS occurred in 32 patients (50%).",
     [("CRS", 50.0, 32.0, 64.0)]),
    # a response stays over the cohort
    ("Sixty-four patients were enrolled and 58 received tisagenlecleucel. CR was achieved in 3 patients (5%).",
     [("CR", 5.0, 3.0, 64.0)]),
])
def test_toxicity_count_over_the_treated(nlp, text, expected):
    assert _counted(_run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    # a size between the rate's name and its value, or after the value's CI (were none)
    ("Fifty patients were enrolled. The CR rate among the 45 evaluable patients was 60%.", [("CR", 60.0, None, 45.0)]),
    ("Fifty patients were enrolled. The CR rate was 60% (95% CI, 44-74) among the 45 evaluable patients.",
     [("CR", 60.0, None, 45.0)]),
    ("Fifty patients were enrolled. The overall response rate in the 45 evaluable patients was 60%, and the CR rate "
     "was 40%.", [("CR", 40.0, None, 45.0), ("ORR", 60.0, None, 45.0)]),
    # a count printed with its percentage is no such size
    ("Fifty patients were enrolled. The CR rate in 30 patients (60%) exceeded expectations.",
     [("CR", 60.0, 30.0, 50.0)]),
])
def test_size_named_with_the_rate(nlp, text, expected):
    assert _counted(_run(nlp, text)) == expected


@pytest.mark.parametrize("text", [
    "Forty-five patients were treated. The CR rate was 44% [95% CI, 30%-60%] (20/45).",
    "Forty-five patients were treated. The CR rate was 44% (95% CI, 30-60) (20/45).",
])
def test_fraction_after_the_ci_bracket_is_the_values(nlp, text):
    """"44% (95% CI, 30-60) (20/45)": one CR rate with its count, denominator and CI (was a second rate, 44.4)."""
    assert [(o["endpoint"], o["value"], o["count"], o["denominator"], o["ci95"]) for o in _run(nlp, text)["outcomes"]] \
        == [("CR", 44.0, 20.0, 45.0, [30.0, 60.0])]


@pytest.mark.parametrize("text, expected", [
    # a zero response of the patients the sentence opens with: of them, not of the cohort (was 46)
    ("Forty-six patients were treated. Seven patients with advanced B-cell ALL received daratumumab with no CRs "
     "achieved; this cohort was closed because of futility.", [("CR", 0.0, 0.0, 7.0)]),
    ("Forty-six patients were treated. Seven patients with B-cell ALL were treated and none achieved CR.",
     [("CR", 0.0, 0.0, 7.0)]),
    # a zero of another clause, or no response, keeps the cohort
    ("Forty-six patients were treated. Seven patients died early; no case of VOD was observed.",
     [("VOD", 0.0, 0.0, 46.0)]),
])
def test_zero_response_of_the_sentence_subject(nlp, text, expected):
    assert _counted(_run(nlp, text)) == expected
