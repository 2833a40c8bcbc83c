"""Recurring wordings of arm and subgroup labels in trial abstracts (fourteenth round): an age group named by a word
beside a group named by an age bound ("younger than 35 years ... in older patients"); written in our own words, run
end to end; the figures are invented.
"""
from __future__ import annotations

import pytest

from phrasing_cases import outcome_triples as _outcomes, run_text as _run

COHORT = "Sixty patients received blinatumomab. "


@pytest.mark.parametrize("text, outcomes", [
    # an age word beside an age-bound scope is the bound's other side (was "age <35 years, older")
    (COHORT + "Among patients younger than 35 years the CR rate was 50% versus 30% in older patients.",
     [("age <35 years", "CR", 50.0), ("age >=35 years", "CR", 30.0)]),
    (COHORT + "Among patients aged 60 years or older, the CR rate was 50%, compared with 70% in younger patients.",
     [("aged <60 years", "CR", 70.0), ("aged >=60 years", "CR", 50.0)]),
    # without a scope (was "older")
    (COHORT + "The CR rate was 50% in patients younger than 35 years and 30% in older patients.",
     [("age <35 years", "CR", 50.0), ("age >=35 years", "CR", 30.0)]),
    (COHORT + "The CR rate was 40% in patients older than 60 years compared with 70% in younger patients.",
     [("age <=60 years", "CR", 70.0), ("age >60 years", "CR", 40.0)]),
])
def test_names21_age_word_beside_an_age_bound(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


def test_names21_age_word_on_the_bounds_side_is_the_bound(nlp):
    # negative: "older responders" inside "patients older than 60 years" are that group, not its complement
    record = _run(nlp, COHORT + "In patients older than 60 years, CR was 50%; older responders had a median OS of 8 "
                               "months.")
    assert _outcomes(record) == [("age >60 years", "CR", 50.0), ("age >60 years", "OS_MEDIAN", 8.0)]


def _arms(record: dict) -> list[tuple]:
    return sorted((a["label"], a["n"]) for a in record["arms"])


@pytest.mark.parametrize("text, arms", [
    # a CAR T product without an approved name is named as written (was the lexicon's id, "cd19-car t cells")
    ("Patients received CD19 CAR T cells (n = 40) or CD22 CAR T cells (n = 20). The CR rates were 85% and 70%, "
     "respectively.", [("CD19 CAR T cells", 40), ("CD22 CAR T cells", 20)]),
    ("We compared 30 patients who received CD19-directed CAR T cells with 25 patients who received CD22-directed CAR "
     "T cells. The CR rates were 85% and 70%, respectively.",
     [("CD19-directed CAR T cells", 30), ("CD22-directed CAR T cells", 25)]),
    ("Patients were treated with CD7 CAR T cells (n = 20) or chemotherapy (n = 20). The CR rates were 85% and 30%, "
     "respectively.", [("CD7 CAR T cells", 20), ("chemotherapy", 20)]),
    # (an approved product keeps its generic name, also from a code or a short form)
    ("Patients received KTE-X19 (n = 40) or tisagenlecleucel (n = 50). The CR rates were 85% and 70%, respectively.",
     [("brexucabtagene autoleucel", 40), ("tisagenlecleucel", 50)]),
    ("Patients treated with tisa-cel (n = 40) were compared with patients treated with brexu-cel (n = 30). The CR "
     "rates were 85% and 80%, respectively.", [("brexucabtagene autoleucel", 30), ("tisagenlecleucel", 40)]),
])
def test_names21_car_t_arms_as_written(nlp, text, arms):
    record = _run(nlp, text)
    assert _arms(record) == arms
    assert {o["arm"] for o in record["outcomes"]} == {label for label, _ in arms}


INO = "Sixty patients received inotuzumab. "


@pytest.mark.parametrize("text, outcomes", [
    # a bound after "aged" keeps the word, so both sides of one threshold read alike (was "age <55" / "aged >=55")
    (INO + "The 1-year OS was 60% in patients aged less than 55 years and 30% in those aged 55 years or more.",
     [("aged <55 years", "OS_RATE", 60.0), ("aged >=55 years", "OS_RATE", 30.0)]),
    (INO + "The CR rate was 80% in patients aged under 40 years and 50% in patients aged over 60 years.",
     [("aged <40 years", "CR", 80.0), ("aged >60 years", "CR", 50.0)]),
    # (without "aged", and after "age", the gold's "age <20 years")
    (INO + "The CR rate was 80% in patients younger than 20 years and 50% in patients older than 50 years.",
     [("age <20 years", "CR", 80.0), ("age >50 years", "CR", 50.0)]),
    (INO + "The CR rate was 80% in patients under 30 years and 50% in those over 30 years.",
     [("age <30 years", "CR", 80.0), ("age >30 years", "CR", 50.0)]),
])
def test_names21_age_bounds_keep_their_word(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


BLINA = "Sixty patients received blinatumomab. "


@pytest.mark.parametrize("text, outcomes", [
    # a level that names its own noun keeps it (was "low burden": the last level's noun given to both)
    (BLINA + "The CR rate was 70% among patients with low marrow blast burden (<50%) and 40% among those with high "
             "burden (>=50%).", [("high burden (>=50%)", "CR", 40.0), ("low marrow blast burden (<50%)", "CR", 70.0)]),
    (BLINA + "Median OS was 10.6 months with low disease burden and 3.1 months with high tumor burden.",
     [("high tumor burden", "OS_MEDIAN", 3.1), ("low disease burden", "OS_MEDIAN", 10.6)]),
    # (a level without its noun still takes the last one's)
    (BLINA + "The CR rate was 30% with high and 70% with low disease burden.",
     [("high disease burden", "CR", 30.0), ("low disease burden", "CR", 70.0)]),
    (BLINA + "The CR rate was 65% in first and 61% in second salvage.",
     [("first salvage", "CR", 65.0), ("second salvage", "CR", 61.0)]),
])
def test_names21_levels_with_their_own_noun(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # a group named by a participle: its complement is "not X" (was "no patients who were transplanted")
    (INO + "The 1-year OS was 60% for patients who were transplanted and 20% for those who were not.",
     [("not transplanted", "OS_RATE", 20.0), ("transplanted", "OS_RATE", 60.0)]),
    (INO + "The median OS was 12 months for patients bridged to transplant and 4 months for those who were not.",
     [("bridged to transplant", "OS_MEDIAN", 12.0), ("not bridged to transplant", "OS_MEDIAN", 4.0)]),
    # (a group named by what it had keeps "no")
    (INO + "The CR rate was 75% among patients with prior allogeneic HSCT and 60% among those without.",
     [("no prior allogeneic HSCT", "CR", 60.0), ("prior allogeneic HSCT", "CR", 75.0)]),
    # a group named by its course (was "patients relapsing after transplant")
    (INO + "The CR rate was 75% among patients relapsing after transplant and 50% among those relapsing after "
           "chemotherapy.",
     [("relapsing after chemotherapy", "CR", 50.0), ("relapsing after transplant", "CR", 75.0)]),
])
def test_names21_participle_groups(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


def _arm_drugs(record: dict) -> list[tuple]:
    return sorted((a["label"], a["n"], tuple(a["drugs"])) for a in record["arms"])


@pytest.mark.parametrize("text, arms, outcomes", [
    # a matched control cohort beside a single-arm study is an arm as a historical control is (was one arm, values
    # "group 1" / "group 2")
    ("Forty patients received blinatumomab and were compared with 80 propensity-matched controls treated with "
     "chemotherapy. Median OS was 9 versus 5 months.",
     [("all", 40, ("blinatumomab",)), ("matched controls", 80, ("chemotherapy",))],
     [("all", "OS_MEDIAN", 9.0), ("matched controls", "OS_MEDIAN", 5.0)]),
    ("Forty patients received blinatumomab. Outcomes were compared with those of 80 matched controls treated with "
     "chemotherapy. Median OS was 9 versus 5 months.",
     [("all", 40, ("blinatumomab",)), ("matched controls", 80, ("chemotherapy",))],
     [("all", "OS_MEDIAN", 9.0), ("matched controls", "OS_MEDIAN", 5.0)]),
    ("Forty patients received blinatumomab. Results were compared with a matched cohort of 90 patients who received "
     "standard chemotherapy. Median OS was 8 months versus 4 months.",
     [("all", 40, ("blinatumomab",)), ("matched controls", 90, ("standard chemotherapy",))],
     [("all", "OS_MEDIAN", 8.0), ("matched controls", "OS_MEDIAN", 4.0)]),
    # (two arms named by their treatments stay so: no third arm)
    ("We compared 50 patients treated with inotuzumab with 100 matched controls who received chemotherapy. Median OS "
     "was 9 versus 5 months.",
     [("chemotherapy", 100, ("chemotherapy",)), ("inotuzumab ozogamicin", 50, ("inotuzumab ozogamicin",))],
     [("chemotherapy", "OS_MEDIAN", 5.0), ("inotuzumab ozogamicin", "OS_MEDIAN", 9.0)]),
])
def test_names21_matched_controls(nlp, text, arms, outcomes):
    record = _run(nlp, text)
    assert (_arm_drugs(record), _outcomes(record)) == (arms, outcomes)


def test_names21_matched_donor_is_no_control(nlp):
    # negative: a matched donor or matched pairs of a transplant are no control cohort
    record = _run(nlp, "Forty patients received blinatumomab followed by HSCT from a matched unrelated donor. Median "
                       "OS was 9 months compared with 5 months in the previous era.")
    assert [a["label"] for a in record["arms"]] == ["all"]


@pytest.mark.parametrize("text, outcomes", [
    # a CD marker's sign spelled out, as the gold names the group (was "CD19- disease", "CD19dim or CD19- B-ALL")
    ("Sixty patients received CAR T cells. The CR rate was 70% in patients with CD19- disease and 90% in CD19+ "
     "disease.", [("CD19-negative disease", "CR", 70.0), ("CD19-positive disease", "CR", 90.0)]),
    ("The CR rate was 73%, including 5 of 5 patients with CD19dim or CD19- B-ALL.",
     [("CD19dim or CD19-negative B-ALL", "CR", 100.0), ("all", "CR", 73.0)]),
    # (a status spelled out stays; "Ph-" keeps its sign, as the gold's "R/R Ph-")
    ("Sixty patients received CAR T cells. The CR rate was 70% in patients with CD19-negative relapse.",
     [("CD19-negative relapse", "CR", 70.0)]),
    ("Sixty patients received blinatumomab. The CR rate was 80% in Ph+ and 60% in Ph- patients.",
     [("Ph+", "CR", 80.0), ("Ph-", "CR", 60.0)]),
])
def test_names21_cd_marker_signs(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


DOSE_TITLE = "Inotuzumab ozogamicin dose finding in relapsed acute lymphoblastic leukemia"


@pytest.mark.parametrize("text, arms, outcomes", [
    # doses with their n and no drug before them are arms of the article's treatment named by the dose (was one arm,
    # values "group 1" / "group 2")
    ("Patients were treated at 0.8 mg/m2 (n = 20) or 1.2 mg/m2 (n = 40). The CR rates were 50% and 70%, "
     "respectively.", [("0.8 mg/m2", 20), ("1.2 mg/m2", 40)], [("0.8 mg/m2", "CR", 50.0), ("1.2 mg/m2", "CR", 70.0)]),
    # dose levels with brackets of their n alone (the bracket held their dose before)
    ("Patients were enrolled at dose level 1 (n = 6) and dose level 2 (n = 9). CR rates were 33% and 67%, "
     "respectively.", [("dose level 1", 6), ("dose level 2", 9)],
     [("dose level 1", "CR", 33.0), ("dose level 2", "CR", 67.0)]),
    # (as before: the drug before its first dose names the arms)
    ("Patients received inotuzumab at 0.8 mg/m2 (n = 20) or 1.2 mg/m2 (n = 25). The CR rates were 50% and 64%, "
     "respectively.", [("inotuzumab ozogamicin 0.8 mg/m2", 20), ("inotuzumab ozogamicin 1.2 mg/m2", 25)],
     [("inotuzumab ozogamicin 0.8 mg/m2", "CR", 50.0), ("inotuzumab ozogamicin 1.2 mg/m2", "CR", 64.0)]),
])
def test_names21_dose_arms(nlp, text, arms, outcomes):
    record = _run(nlp, text, title=DOSE_TITLE)
    assert (_arms(record), _outcomes(record)) == (arms, outcomes)
    assert all(a["drugs"] == ["inotuzumab ozogamicin"] for a in record["arms"])


@pytest.mark.parametrize("text, outcomes", [
    # more names of an analysed population are the cohort (were "modified intent-to-treat population", ...)
    (INO + "In the modified intent-to-treat population, the CR rate was 70%.", [("all", "CR", 70.0)]),
    (INO + "In the per-protocol population, the CR rate was 75%.", [("all", "CR", 75.0)]),
    (INO + "In the as-treated population, the CR rate was 75%.", [("all", "CR", 75.0)]),
    (INO + "In the full analysis set, the CR/CRi rate was 70%.", [("all", "CR_CRi", 70.0)]),
    (INO + "The CR rate was 70% among all 60 patients.", [("all", "CR", 70.0)]),
    # (a group within them stays named)
    (INO + "The CR rate was 70% among all 20 patients with CNS disease.", [("CNS disease", "CR", 70.0)]),
])
def test_names21_analysed_populations_are_the_cohort(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, arms, outcomes", [
    # an abbreviation inside an arm's name (was "standard of care" with no n for either arm)
    ("Patients were randomized to blinatumomab (n = 271) or standard-of-care (SOC) chemotherapy (n = 134). The CR "
     "rate was 34% with blinatumomab and 16% with SOC chemotherapy.",
     [("blinatumomab", 271), ("standard of care chemotherapy", 134)],
     [("blinatumomab", "CR", 34.0), ("standard of care chemotherapy", "CR", 16.0)]),
    ("Patients were randomized to inotuzumab ozogamicin (InO) (n = 164) or standard-of-care (SOC) chemotherapy (n = "
     "162). The CR rate was 80% with InO and 29% with SOC.",
     [("inotuzumab ozogamicin", 164), ("standard of care chemotherapy", 162)],
     [("inotuzumab ozogamicin", "CR", 80.0), ("standard of care chemotherapy", "CR", 29.0)]),
    # the second arm's "to" is not its name (was "to standard chemotherapy")
    ("Patients were randomized to clofarabine, cyclophosphamide and etoposide (n = 30) or to standard chemotherapy "
     "(n = 30). CR rates were 50% and 40%, respectively.",
     [("clofarabine + cyclophosphamide + etoposide", 30), ("standard chemotherapy", 30)],
     [("clofarabine + cyclophosphamide + etoposide", "CR", 50.0), ("standard chemotherapy", "CR", 40.0)]),
    # "A with (n) or without B (n)": the arm with B is the first, its value the first (they were swapped)
    ("Patients were randomized to hyper-CVAD with (n = 40) or without rituximab (n = 50). CR rates were 70% and 60%, "
     "respectively.", [("hyper-CVAD", 50), ("hyper-CVAD + rituximab", 40)],
     [("hyper-CVAD", "CR", 60.0), ("hyper-CVAD + rituximab", "CR", 70.0)]),
    ("Patients were randomized to receive vincristine, dexamethasone and pegaspargase with (n = 40) or without "
     "bortezomib (n = 44). CR rates were 70% and 60%, respectively.",
     [("vincristine + dexamethasone + pegaspargase", 44), ("vincristine + dexamethasone + pegaspargase + bortezomib", 40)],
     [("vincristine + dexamethasone + pegaspargase", "CR", 60.0),
      ("vincristine + dexamethasone + pegaspargase + bortezomib", "CR", 70.0)]),
])
def test_names21_arm_names_and_order(nlp, text, arms, outcomes):
    record = _run(nlp, text)
    assert (_arms(record), _outcomes(record)) == (arms, outcomes)


@pytest.mark.parametrize("text, arms, outcomes", [
    # an arm of unspecified chemotherapy is named as the results' group names it (was "standard of care chemotherapy")
    ("Patients were randomly assigned to blinatumomab or to standard-of-care chemotherapy. The median OS was 7.7 months "
     "in the blinatumomab group and 4.0 months in the chemotherapy group.",
     [("blinatumomab", None), ("chemotherapy", None)],
     [("blinatumomab", "OS_MEDIAN", 7.7), ("chemotherapy", "OS_MEDIAN", 4.0)]),
    ("Patients were randomized to inotuzumab ozogamicin (n = 164) or standard intensive chemotherapy (n = 162). CR was "
     "80.7% in the inotuzumab group and 29.4% in the intensive-chemotherapy group.",
     [("inotuzumab ozogamicin", 164), ("intensive chemotherapy", 162)],
     [("inotuzumab ozogamicin", "CR", 80.7), ("intensive chemotherapy", "CR", 29.4)]),
    # (without such a group the written name stays; a drug arm keeps its canonical name)
    ("Patients were randomized to blinatumomab (n = 271) or standard-of-care chemotherapy (n = 134). Median OS was 7.7 "
     "months with blinatumomab and 4.0 months with chemotherapy.",
     [("blinatumomab", 271), ("standard of care chemotherapy", 134)],
     [("blinatumomab", "OS_MEDIAN", 7.7), ("standard of care chemotherapy", "OS_MEDIAN", 4.0)]),
])
def test_names21_chemotherapy_arm_named_by_its_group(nlp, text, arms, outcomes):
    record = _run(nlp, text)
    assert (_arms(record), _outcomes(record)) == (arms, outcomes)
