"""Recurring phrasings of arms and subgroups in trial abstracts (sixth set: multi-arm comparisons and cohorts),
written in our own words, run end to end.

Each case is a way arms or subgroups are commonly written that an earlier version got wrong; the figures restate
published studies' results.
"""
from __future__ import annotations

import pytest

from phrasing_cases import outcome_triples as _outcomes, run_text as _run


def _arms(record: dict) -> list[tuple]:
    return [(a["label"], a["n"]) for a in record["arms"]]


@pytest.mark.parametrize("text, arms, outcomes", [
    # counted groups of children or adults compared; a CAR T product left unnamed is an arm's treatment
    ("We compared 60 children who received CAR T cells and 60 who received blinatumomab. The CR rate was 85% after "
     "CAR T cells and 60% after blinatumomab.",
     [("CAR T cells", 60), ("blinatumomab", 60)], [("CAR T cells", "CR", 85.0), ("blinatumomab", "CR", 60.0)]),
    # matched controls are a compared group without a stated total
    ("We identified 60 children who received tisagenlecleucel and 60 matched children who received blinatumomab. The "
     "12-month EFS was 55% vs 38%.",
     [("tisagenlecleucel", 60), ("blinatumomab", 60)],
     [("blinatumomab", "EFS_RATE", 38.0), ("tisagenlecleucel", "EFS_RATE", 55.0)]),
    ("We compared 25 patients treated with inotuzumab with 50 matched controls who received chemotherapy. The CR "
     "rate was 72% versus 38%.",
     [("inotuzumab ozogamicin", 25), ("chemotherapy", 50)],
     [("chemotherapy", "CR", 38.0), ("inotuzumab ozogamicin", "CR", 72.0)]),
    # no comparison and no total: later therapy of part of the cohort, not arms
    ("After relapse, 30 patients received blinatumomab and 12 received inotuzumab ozogamicin. The 1-year OS was 45%.",
     [("all", None)], [("all", "OS_RATE", 45.0)]),
])
def test_phrasings_counted_groups_compared(nlp, text, arms, outcomes):
    record = _run(nlp, text)
    assert _arms(record) == arms
    assert _outcomes(record) == sorted(outcomes)


@pytest.mark.parametrize("text, arms, outcomes", [
    # three arms, each with its n bracket
    ("Patients were treated with blinatumomab (n = 40), inotuzumab ozogamicin (n = 35) or salvage chemotherapy "
     "(n = 50). The CR rates were 45%, 74% and 30%, respectively.",
     [("blinatumomab", 40), ("inotuzumab ozogamicin", 35), ("salvage chemotherapy", 50)],
     [("blinatumomab", "CR", 45.0), ("inotuzumab ozogamicin", "CR", 74.0), ("salvage chemotherapy", "CR", 30.0)]),
    ("We analysed 125 patients who received blinatumomab (n = 40), inotuzumab ozogamicin (n = 35), or FLAG-IDA "
     "(n = 50). Median OS was 7.5, 9.8 and 4.1 months, respectively.",
     [("blinatumomab", 40), ("inotuzumab ozogamicin", 35), ("FLAG-IDA", 50)],
     [("FLAG-IDA", "OS_MEDIAN", 4.1), ("blinatumomab", "OS_MEDIAN", 7.5), ("inotuzumab ozogamicin", "OS_MEDIAN", 9.8)]),
    # three sized groups that are no treatments are no arms
    ("Patients in first salvage (n = 60), second salvage (n = 40) and third salvage (n = 20) received inotuzumab. "
     "The CR rate was 65%.",
     [("all", None)], [("all", "CR", 65.0)]),
])
def test_phrasings_three_arms_with_n_brackets(nlp, text, arms, outcomes):
    record = _run(nlp, text)
    assert _arms(record) == arms
    assert _outcomes(record) == sorted(outcomes)


@pytest.mark.parametrize("text, arms, outcomes", [
    # a code in the arm's n bracket names the arm, as its values are named
    ("Patients received inotuzumab alone (cohort 1, n = 40) or inotuzumab with mini-hyper-CVD (cohort 2, n = 30). "
     "Median OS was 6.0 and 11.0 months, respectively.",
     [("cohort 1", 40), ("cohort 2", 30)], [("cohort 1", "OS_MEDIAN", 6.0), ("cohort 2", "OS_MEDIAN", 11.0)]),
    ("Patients were randomized to blinatumomab (arm A; n = 54) or chemotherapy (arm B; n = 55). EFS at 2 years was "
     "65% in arm A and 40% in arm B.",
     [("arm A", 54), ("arm B", 55)], [("arm A", "EFS_RATE", 65.0), ("arm B", "EFS_RATE", 40.0)]),
])
def test_phrasings_code_in_the_n_bracket_names_the_arm(nlp, text, arms, outcomes):
    record = _run(nlp, text)
    assert _arms(record) == arms
    assert _outcomes(record) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # a "respectively" list without groups takes the groups the sentence before gave its values
    ("Patients in first salvage (n = 60) and second or later salvage (n = 40) received inotuzumab. The CR rate was 75% "
     "in first salvage and 50% in second or later salvage. The median OS was 9.5 and 5.0 months, respectively.",
     [("first salvage", "CR", 75.0), ("first salvage", "OS_MEDIAN", 9.5), ("second or later salvage", "CR", 50.0),
      ("second or later salvage", "OS_MEDIAN", 5.0)]),
    ("The CR rate was 88% in children and 66% in adults. The 1-year OS was 70% and 50%, respectively.",
     [("adults", "CR", 66.0), ("adults", "OS_RATE", 50.0), ("children", "CR", 88.0), ("children", "OS_RATE", 70.0)]),
    # not a list over endpoints or grades
    ("The CR rate was 80% in MRD-negative and 50% in MRD-positive patients. Grade 3 CRS and neurotoxicity occurred in "
     "20% and 10%, respectively.",
     [("MRD-negative", "CR", 80.0), ("MRD-positive", "CR", 50.0), ("all", "CRS", 20.0), ("all", "NEURO", 10.0)]),
    ("The CR rate was 80% in MRD-negative and 50% in MRD-positive patients. The 1-year and 2-year OS rates were 60% "
     "and 40%, respectively.",
     [("MRD-negative", "CR", 80.0), ("MRD-positive", "CR", 50.0), ("all", "OS_RATE", 40.0), ("all", "OS_RATE", 60.0)]),
])
def test_phrasings_respectively_takes_the_groups_of_the_sentence_before(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # the infused and the intention-to-treat populations compared are both named
    ("The CR/CRi rate was 89% among infused patients and 74% by intention to treat.",
     [("infused patients", "CR_CRi", 89.0), ("intention to treat", "CR_CRi", 74.0)]),
    # alone, the intention-to-treat figure is the cohort's
    ("The CR/CRi rate was 74% by intention to treat.", [("all", "CR_CRi", 74.0)]),
])
def test_phrasings_intention_to_treat_beside_infused(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, arms, outcomes", [
    # a historical cohort with its n beside the study's own sized cohort: both keep their n
    ("Children treated with inotuzumab (n = 48) were compared with a historical cohort treated with intensive "
     "chemotherapy (n = 96). The CR rate was 62% with inotuzumab and 40% in the historical cohort.",
     [("all", 48), ("historical controls", 96)], [("all", "CR", 62.0), ("historical controls", "CR", 40.0)]),
])
def test_phrasings_historical_cohort_with_its_n(nlp, text, arms, outcomes):
    record = _run(nlp, text)
    assert _arms(record) == arms
    assert _outcomes(record) == sorted(outcomes)


@pytest.mark.parametrize("text, arms, outcomes", [
    # a group name in the arm's n bracket names the arm ("(weekly arm, n = 60)")
    ("A total of 120 patients were randomized 1:1 to weekly inotuzumab (weekly arm, n = 60) or single-dose inotuzumab "
     "every 3 weeks (single-dose arm, n = 60). Median OS was 8.0 and 6.9 months.",
     [("weekly", 60), ("single-dose", 60)], [("single-dose", "OS_MEDIAN", 6.9), ("weekly", "OS_MEDIAN", 8.0)]),
    # "each with ..." after two counted arms is no third counted item
    ("Of 88 patients, 50 received ponatinib and 38 received dasatinib, each with blinatumomab. The CR rate was 88% with "
     "ponatinib and 71% with dasatinib.",
     [("ponatinib", 50), ("dasatinib", 38)], [("dasatinib", "CR", 71.0), ("ponatinib", "CR", 88.0)]),
])
def test_phrasings_arms_named_in_their_n_brackets_or_counted(nlp, text, arms, outcomes):
    record = _run(nlp, text)
    assert _arms(record) == arms
    assert _outcomes(record) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # two values compared without their groups, after a sentence that compared two groups, are those groups'
    ("The CR rate was 65% in blinatumomab-exposed and 93% in blinatumomab-naive patients. The 12-month EFS was 27% "
     "versus 69%. Severe CRS occurred in 20% and 22%, respectively.",
     [("blinatumomab-exposed", "CR", 65.0), ("blinatumomab-exposed", "CRS", 20.0),
      ("blinatumomab-exposed", "EFS_RATE", 27.0), ("blinatumomab-naive", "CR", 93.0),
      ("blinatumomab-naive", "CRS", 22.0), ("blinatumomab-naive", "EFS_RATE", 69.0)]),
    # a count of patients at a dose level names the dose level
    ("Complete remission was achieved in 1 of 6 patients at dose level 1, 7 of 10 at dose level 2 and 4 of 5 at dose "
     "level 3.",
     [("dose level 1", "CR", 16.7), ("dose level 2", "CR", 70.0), ("dose level 3", "CR", 80.0)]),
])
def test_phrasings_groups_carried_and_dose_levels(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, arms, outcomes", [
    # "investigator's choice of" is not part of the control arm's name
    ("Patients were randomized 2:1 to blinatumomab (n = 271) or investigator's choice of standard-of-care chemotherapy "
     "(SOC; n = 134). The CR rate was 34% in the blinatumomab arm and 16% in the SOC arm.",
     [("blinatumomab", 271), ("standard of care chemotherapy", 134)],
     [("blinatumomab", "CR", 34.0), ("standard of care chemotherapy", "CR", 16.0)]),
    # propensity-matched groups are compared groups; the second arm's phrase ends before "were analysed"
    ("After propensity score matching, 45 patients treated with inotuzumab and 45 patients treated with intensive "
     "chemotherapy were analysed. The CR rate was 80% versus 51%.",
     [("inotuzumab ozogamicin", 45), ("intensive chemotherapy", 45)],
     [("intensive chemotherapy", "CR", 51.0), ("inotuzumab ozogamicin", "CR", 80.0)]),
])
def test_phrasings_control_arm_and_matched_groups(nlp, text, arms, outcomes):
    record = _run(nlp, text)
    assert _arms(record) == arms
    assert _outcomes(record) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # sized groups that then receive the treatment define a later "respectively" list
    ("Pediatric (n = 25) and adult (n = 35) patients received inotuzumab. The CR/CRi rates were 84% and 69%, "
     "respectively.",
     [("adult", "CR_CRi", 69.0), ("pediatric", "CR_CRi", 84.0)]),
    # values compared at their doses are the dose levels'
    ("The ORR was 50% at 1.2 mg/m2 and 83% at 1.8 mg/m2.", [("1.2 mg/m2", "ORR", 50.0), ("1.8 mg/m2", "ORR", 83.0)]),
    ("The CR rate was 33% at 9 µg/day and 60% at 28 µg/day.", [("28 µg/day", "CR", 60.0), ("9 µg/day", "CR", 33.0)]),
    ("CR was achieved in 20% at 1 × 10^5 cells/kg and 70% at 1 × 10^6 cells/kg.",
     [("1 × 10^5 cells/kg", "CR", 20.0), ("1 × 10^6 cells/kg", "CR", 70.0)]),
    # one value at the study's dose is the cohort's
    ("The ORR was 83% at 1.8 mg/m2.", [("all", "ORR", 83.0)]),
])
def test_phrasings_sized_groups_and_dose_levels_compared(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # two populations, each the subject of its own clause, are two groups (one alone is the study population)
    ("Sixty patients were treated. Children (n = 25) had a CR rate of 88% and adults (n = 35) had a CR rate of 66%.",
     [("adults", "CR", 66.0), ("children", "CR", 88.0)]),
    ("Sixty patients were treated. Adults had a median OS of 8.0 months, whereas children had a median OS of 14.0 "
     "months.", [("adults", "OS_MEDIAN", 8.0), ("children", "OS_MEDIAN", 14.0)]),
    ("Sixty children were treated. Children had a CR rate of 88%, similar to that reported in adults.",
     [("all", "CR", 88.0)]),
    ("Sixty patients were treated. Children and adults had a CR rate of 70%.", [("all", "CR", 70.0)]),
])
def test_phrasings_two_populations_in_clauses_of_their_own(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, arms", [
    # counted arms whose later items leave their verb out
    ("Of 125 patients, 40 received blinatumomab, 35 inotuzumab ozogamicin and 50 salvage chemotherapy. The CR rate "
     "was 45%, 74% and 30%, respectively.",
     [("blinatumomab", 40), ("inotuzumab ozogamicin", 35), ("salvage chemotherapy", 50)]),
    # not when an item without its verb names no treatment
    ("Of 125 patients, 40 received blinatumomab, 35 had CR and 50 relapsed. The CR rate was 45%.", [("all", 125)]),
])
def test_phrasings_counted_list_with_verbs_left_out(nlp, text, arms):
    assert _arms(_run(nlp, text)) == arms


@pytest.mark.parametrize("text, arms", [
    # the first arm's own "with"/"and" joins its drugs: not the lead-in to the arm
    ("Patients were randomized to hyper-CVAD with rituximab (n = 105) or hyper-CVAD alone (n = 104).",
     [("hyper-CVAD + rituximab", 105), ("hyper-CVAD alone", 104)]),
    ("Children were treated with clofarabine, cyclophosphamide and etoposide (n = 25) or clofarabine with cytarabine "
     "(n = 20).",
     [("clofarabine + cyclophosphamide + etoposide", 25), ("clofarabine + cytarabine", 20)]),
])
def test_phrasings_first_arm_joined_by_with_or_and(nlp, text, arms):
    assert _arms(_run(nlp, text)) == arms


@pytest.mark.parametrize("text, arms", [
    # one size for each arm, when the sizes add up to a stated number of patients
    ("In this randomized trial, 80 older adults were assigned to inotuzumab monotherapy (arm A) or inotuzumab plus "
     "mini-hyper-CVD (arm B). Forty patients were enrolled in each arm. The CR/CRi rate was 70% in arm A and 85% in "
     "arm B.",
     [("inotuzumab monotherapy", 40), ("inotuzumab + mini-HCVD", 40)]),
    # a subset analysed in each group is no arm's size
    ("Patients were randomized to inotuzumab or standard therapy. Of the 326 patients who underwent randomization, the "
     "first 218 (109 in each group) were included in the primary analysis.",
     [("inotuzumab ozogamicin", None), ("standard therapy", None)]),
])
def test_phrasings_one_size_for_each_arm(nlp, text, arms):
    assert _arms(_run(nlp, text)) == arms


@pytest.mark.parametrize("text, arms", [
    # arms of one drug each, written with their doses, are named by their drugs
    ("Children were randomly assigned to dasatinib 80 mg/m2 per day (n = 96) or imatinib 300 mg/m2 per day (n = 93).",
     [("dasatinib", 96), ("imatinib", 93)]),
    ("Patients were randomized to imatinib 600 mg daily (n = 100) or dasatinib 140 mg daily (n = 100).",
     [("imatinib", 100), ("dasatinib", 100)]),
    # not when the dose is what tells them apart
    ("Patients were randomized to inotuzumab 1.8 mg/m2 (n = 40) or inotuzumab 1.2 mg/m2 (n = 40).",
     [("inotuzumab 1.8 mg/m2", 40), ("inotuzumab 1.2 mg/m2", 40)]),
])
def test_phrasings_arm_dose_not_in_its_name(nlp, text, arms):
    assert _arms(_run(nlp, text)) == arms


def test_phrasings_three_groups_carried_to_a_respectively_list(nlp):
    text = ("CR rates were 40% in S1, 21% in S2 and 11% in S3+. Median OS was 5.8, 3.4 and 2.9 months, respectively.")
    assert [o["arm"] for o in _run(nlp, text)["outcomes"] if o["endpoint"] == "OS_MEDIAN"] == ["S1", "S2", "S3+"]


@pytest.mark.parametrize("text, arms", [
    # bridging or prior therapies with their ns are not the study's arms
    ("Patients received tisagenlecleucel. Bridging therapy consisted of inotuzumab (n = 10), blinatumomab (n = 8) or "
     "chemotherapy (n = 20). The CR rate was 80%.", [("all", None)]),
    ("Patients received tisagenlecleucel. Bridging therapy consisted of inotuzumab (n = 10) or blinatumomab (n = 8).",
     [("all", None)]),
    # a prior therapy named before the assignment or treatment of the arms
    ("Adults with relapsed ALL after failure of at least one prior therapy were randomized to blinatumomab (n = 271) or "
     "chemotherapy (n = 134).", [("blinatumomab", 271), ("chemotherapy", 134)]),
    ("Patients who had received prior therapy with blinatumomab were treated with inotuzumab (n = 20), CAR T cells "
     "(n = 15) or chemotherapy (n = 25).", [("inotuzumab ozogamicin", 20), ("CAR T cells", 15), ("chemotherapy", 25)]),
])
def test_phrasings_bridging_or_prior_therapies_are_no_arms(nlp, text, arms):
    assert _arms(_run(nlp, text)) == arms


def test_phrasings_arm_abbreviation_treated_patients(nlp):
    text = ("Patients were randomized to inotuzumab ozogamicin (InO; n = 164) or standard chemotherapy (SC; n = 162). VOD "
            "occurred in 14% of InO-treated and 2% of SC-treated patients.")
    assert _outcomes(_run(nlp, text)) == [("inotuzumab ozogamicin", "VOD", 14.0), ("standard chemotherapy", "VOD", 2.0)]


@pytest.mark.parametrize("text, arms, outcomes", [
    # groups named by their treatments, each with its count
    ("There were 40 patients in the blinatumomab group and 35 in the inotuzumab group. The CR rate was 45% and 74%, "
     "respectively.",
     [("blinatumomab", 40), ("inotuzumab ozogamicin", 35)],
     [("blinatumomab", "CR", 45.0), ("inotuzumab ozogamicin", "CR", 74.0)]),
    ("The blinatumomab cohort included 40 patients and the inotuzumab cohort 35 patients. The CR rate was 45% and 74%, "
     "respectively.",
     [("blinatumomab", 40), ("inotuzumab ozogamicin", 35)],
     [("blinatumomab", "CR", 45.0), ("inotuzumab ozogamicin", "CR", 74.0)]),
    # "compared" leads into the first arm of an n-bracket pair
    ("We retrospectively compared blinatumomab (n = 40) and inotuzumab ozogamicin (n = 35) as first salvage. The CR "
     "rate was 45% and 74%, respectively.",
     [("blinatumomab", 40), ("inotuzumab ozogamicin", 35)],
     [("blinatumomab", "CR", 45.0), ("inotuzumab ozogamicin", "CR", 74.0)]),
    # counted groups that are no treatments are subgroups a later list names
    ("There were 40 patients in the high-risk group and 35 in the standard-risk group. The CR rate was 45% and 74%, "
     "respectively.",
     [("all", None)], [("high-risk", "CR", 45.0), ("standard-risk", "CR", 74.0)]),
    # "the two arms" names every arm, not a subgroup
    ("Patients were randomly assigned to blinatumomab (n = 271) or chemotherapy (n = 134). The CR rate was 34% and 16% "
     "in the two arms.",
     [("blinatumomab", 271), ("chemotherapy", 134)], [("blinatumomab", "CR", 34.0), ("chemotherapy", "CR", 16.0)]),
])
def test_phrasings_groups_with_their_counts(nlp, text, arms, outcomes):
    record = _run(nlp, text)
    assert _arms(record) == arms
    assert _outcomes(record) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # "on an intention-to-treat basis" beside the infused patients names both; alone it is the cohort's
    ("Of 92 enrolled patients, 75 were infused. The ORR was 66% on an intention-to-treat basis and 81% among infused "
     "patients.", [("infused patients", "ORR", 81.0), ("intention-to-treat basis", "ORR", 66.0)]),
    ("Of 92 enrolled patients, 75 were infused. The ORR was 66% on an intention-to-treat basis.", [("all", "ORR", 66.0)]),
    # counted groups "were treated with" a drug are named by the drug
    ("Forty patients were treated with blinatumomab, and 35 patients with inotuzumab ozogamicin. The CR rate was 45% "
     "and 74%, respectively.", [("blinatumomab", "CR", 45.0), ("inotuzumab ozogamicin", "CR", 74.0)]),
])
def test_phrasings_intention_to_treat_basis_and_counted_treatments(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


def test_phrasings_historical_cohort_with_its_n_keeps_the_previous_trial_name(nlp):
    text = ("The response rate was 52%, higher than our previous trial with clofarabine/cytarabine alone. Patients received "
            "epratuzumab (n = 32) or were historical controls (n = 40).")
    assert _arms(_run(nlp, text)) == [("all", 32), ("historical clofarabine/cytarabine", 40)]


@pytest.mark.parametrize("text, arms, outcomes", [
    # sized cohorts the study treats, named by their group words, are its arms, named as their values are
    ("Patients were treated in the pivotal cohort (n = 60) or the expanded access cohort (n = 40). The CR rate was 81% "
     "and 75%, respectively. The median OS was 12.0 versus 9.0 months.",
     [("pivotal", 60), ("expanded access", 40)],
     [("expanded access", "CR", 75.0), ("expanded access", "OS_MEDIAN", 9.0), ("pivotal", "CR", 81.0),
      ("pivotal", "OS_MEDIAN", 12.0)]),
    # not cohorts only analysed, nor the whole cohort beside a part of it
    ("The training cohort (n = 200) and the validation cohort (n = 100) were analysed. The CR rate was 50%.",
     [("all", None)], [("all", "CR", 50.0)]),
    ("Patients received blinatumomab in the whole cohort (n = 60) and the validation group (n = 40). The CR rate was "
     "50%.", [("all", None)], [("all", "CR", 50.0)]),
])
def test_phrasings_sized_cohorts_are_arms(nlp, text, arms, outcomes):
    record = _run(nlp, text)
    assert _arms(record) == arms
    assert _outcomes(record) == sorted(outcomes)


def test_phrasings_coded_cohorts_of_no_treatment_of_their_own(nlp):
    text = ("Patients were enrolled in two cohorts: patients in first relapse (cohort 1, n = 40) and patients in second "
            "or later relapse (cohort 2, n = 30). The CR rate was 70% in cohort 1 and 45% in cohort 2.")
    record = _run(nlp, text)
    assert _arms(record) == [("cohort 1", 40), ("cohort 2", 30)]
    assert _outcomes(record) == [("cohort 1", "CR", 70.0), ("cohort 2", "CR", 45.0)]


@pytest.mark.parametrize("text, outcomes", [
    # "X recipients" are the arm whose label holds the words of X
    ("Of 50 children, 30 received CD19 CAR T cells and 20 received blinatumomab. CRS occurred in 40% of CAR T "
     "recipients.", [("CD19 CAR T cells", "CRS", 40.0)]),
    # a subgroup of patients no arm's label holds stays as written
    ("Of 50 children, 30 received CD19 CAR T cells and 20 received blinatumomab. CRS occurred in 40% of Ph-positive "
     "patients.", [("Ph-positive", "CRS", 40.0)]),
])
def test_phrasings_recipients_of_an_arm(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


def test_a_count_in_words_is_read_whole_not_by_its_last_word(nlp):
    # "nine" of "One hundred and nine" gave an arm of 9 and a cohort of 118
    record = _run(nlp, "One hundred and nine patients were randomized to inotuzumab and 109 to standard care.")
    assert [(a["label"], a["n"]) for a in record["arms"]] == [("inotuzumab ozogamicin", 109), ("standard care", 109)]
    assert record["cohort_size"] == 218


@pytest.mark.parametrize("text, endpoint", [
    ("35% of patients received HSCT.", "HSCT"),   # was labelled "patients received HSCT"
    ("67% of patients responded.", "ORR"),        # was labelled "patients responded"
])
def test_a_verb_after_the_share_ends_its_group(nlp, text, endpoint):
    assert _outcomes(_run(nlp, text)) == [("all", endpoint, float(text.split("%")[0]))]
