"""Arms and back-references (extraction/arms.py), each phrasing on sentences of our own through the real pipeline."""
from __future__ import annotations

import pytest

from extractor.extraction import extract_article
from extractor.models import AbstractSection, Article


def _run(nlp, *sentences: str, title: str = "A study in relapsed ALL") -> dict:
    article = Article(pmid="1", title=title, sections=(AbstractSection(label=None, nlm_category=None,
                                                                       text=" ".join(sentences)),))
    return extract_article(article, nlp)


def _arms(record: dict) -> list[tuple]:
    return [(a["label"], a["n"]) for a in record["arms"]]


def _by_value(record: dict) -> dict:
    return {o["value"]: o["arm"] for o in record["outcomes"]}


@pytest.mark.parametrize("sentence, arms", [
    ("Adults were randomly assigned to receive ponatinib (120 patients) or chemotherapy (60 patients).",
     [("ponatinib", 120), ("chemotherapy", 60)]),
    ("Patients were treated with standard HCVAD (n = 40) or with inotuzumab plus mini-HCVD with or without "
     "blinatumomab (n = 30).", [("HCVAD", 40), ("inotuzumab + mini-HCVD ± blinatumomab", 30)]),  # as written
    ("We randomized adults to receive either venetoclax (venetoclax group) or standard intensive chemotherapy "
     "(standard-therapy group).", [("venetoclax", None), ("standard therapy", None)]),
    ("In all, 100 patients were treated (B-ALL, n = 80; T-ALL, n = 20).", [("B-ALL", 80), ("T-ALL", 20)]),
])
def test_arms_detected_with_n(nlp, sentence, arms):
    assert sorted(_arms(_run(nlp, sentence))) == sorted(arms)


def test_arms_single_arm_study_has_one_arm_all(nlp):
    record = _run(nlp, "Forty adults received nelarabine.", "The CR rate was 30%.", title="Nelarabine for T-ALL")
    assert [a["label"] for a in record["arms"]] == ["all"]
    assert record["arms"][0]["drugs"] == ["nelarabine"] and record["arms"][0]["classes"] == ["chemotherapy"]
    assert _by_value(record) == {30: "all"}


@pytest.mark.parametrize("title, sentences, drugs, regimen", [
    # the title's unspecified chemotherapy is the named backbone given with its agent; the optional drug stays ±
    ("Reduced-intensity chemotherapy plus ponatinib with or without blinatumomab in relapsed ALL",
     ("Mini-HCVD (mini-hyper-CVD without anthracycline, methotrexate and cytarabine at reduced doses) was given "
      "together with ponatinib to 30 adults.", "The CR rate was 70%."),
     ["mini-hyper-CVD", "ponatinib", "blinatumomab"], "mini-HCVD + ponatinib ± blinatumomab"),
    # no named backbone beside the agent: the unspecified chemotherapy is dropped as before
    ("Chemotherapy with ponatinib in relapsed ALL", ("Thirty adults were treated.", "The CR rate was 70%."),
     ["ponatinib"], "ponatinib"),
])
def test_arms_single_arm_title_regimen(nlp, title, sentences, drugs, regimen):
    arm, = _run(nlp, *sentences, title=title)["arms"]
    assert (arm["drugs"], arm["regimen"]) == (drugs, regimen)


def test_arms_arm_codes(nlp):
    record = _run(nlp, "Drug X was given on a daily (A1) or a weekly (A2) schedule.",
                  "Complete remission was achieved in 40% in A1 and 55% in A2.")
    assert [a["label"] for a in record["arms"]] == ["A1", "A2"]
    assert _by_value(record) == {40: "A1", 55: "A2"}


def test_arms_value_then_group(nlp):
    record = _run(nlp, "Adults were randomly assigned to receive ponatinib (120 patients) or chemotherapy (60 patients).",
                  "The median overall survival was 9.1 months in the ponatinib group and 5.2 months in the "
                  "chemotherapy group.")
    assert _by_value(record) == {9.1: "ponatinib", 5.2: "chemotherapy"}


def test_arms_versus_follows_the_groups_named(nlp):
    record = _run(nlp, "Adults were randomly assigned to receive ponatinib (120 patients) or chemotherapy (60 patients).",
                  "The complete remission rate was higher in the chemotherapy group than in the ponatinib group "
                  "(41% vs. 22%).")
    assert _by_value(record) == {41: "chemotherapy", 22: "ponatinib"}


def test_arms_versus_without_names_follows_order_of_introduction(nlp):
    record = _run(nlp, "Adults were randomly assigned to receive ponatinib (120 patients) or chemotherapy (60 patients).",
                  "Complete remission rates were 47% vs. 19%.")
    assert _by_value(record) == {47: "ponatinib", 19: "chemotherapy"}


def test_arms_respectively_with_a_list_of_groups(nlp):
    record = _run(nlp, "Adults were randomly assigned to receive ponatinib (120 patients) or chemotherapy (60 patients).",
                  "The 2-year overall survival rates for patients who received chemotherapy and those who received "
                  "ponatinib were 21% and 48%, respectively.")
    assert _by_value(record) == {21: "chemotherapy", 48: "ponatinib"}


def test_arms_the_former_and_the_latter(nlp):
    record = _run(nlp, "Adults were randomly assigned to receive ponatinib (120 patients) or chemotherapy (60 patients).",
                  "Complete remission rates were 18% and 52% in the latter and the former, respectively.")
    assert _by_value(record) == {18: "chemotherapy", 52: "ponatinib"}


def test_arms_group_before_the_values_bracket_and_dose_levels(nlp):
    record = _run(nlp, "Children were randomized to receive either daunorubicin (DNR) or idarubicin (IDR).",
                  "Three-year EFS was better for IDR (10 mg/m2) (33 +/- 9%) compared to DNR (17 +/- 6%).")
    labels = _by_value(record)
    assert labels[17] == "daunorubicin" and labels[33] == "idarubicin 10 mg/m2"


def test_arms_leading_scope_and_subgroups(nlp):
    record = _run(nlp, "In the relapsed group, 61% of Ph- and 38% of Ph+ patients achieved complete remission.")
    assert _by_value(record) == {61: "relapsed Ph-", 38: "relapsed Ph+"}


def test_arms_scope_carried_to_the_next_sentence(nlp):
    record = _run(nlp, "In all, 100 patients were treated (B-ALL, n = 80; T-ALL, n = 20).",
                  "Among patients with T-ALL, the CR rate was 45%.", "The median overall survival was 6.5 months.",
                  "Grade 3 CRS occurred in 12% of all patients.")
    assert _by_value(record) == {45: "T-ALL", 6.5: "T-ALL", 12: "all"}


def test_arms_historical_control(nlp):
    record = _run(nlp, "The CR rate was 61%, higher than in our previous trial with fludarabine alone, where the CR rate "
                  "was 30%.")
    assert [a["label"] for a in record["arms"]] == ["all", "historical fludarabine"]
    assert _by_value(record) == {61: "all", 30: "historical fludarabine"}


def test_arms_same_value_kept_once_per_arm(nlp):
    record = _run(nlp, "Adults were randomly assigned to receive ponatinib (120 patients) or chemotherapy (60 patients).",
                  "The CR rate was 30% in the ponatinib group.", "The CR rate was 30% in the chemotherapy group.",
                  "In conclusion, the CR rate was 30% in the ponatinib group.")
    assert sorted(o["arm"] for o in record["outcomes"]) == ["chemotherapy", "ponatinib"]


def test_arms_unknown_agent_kept_by_its_written_name(nlp):
    # (a stem the lexicon gives no class: "Zelpotinib", a -tinib, is a tyrosine kinase inhibitor, test_phrasings_dose22.py)
    record = _run(nlp, "Adults were randomly assigned to receive Zelpolisib (n = 50) or chemotherapy (n = 25).")
    arm = next(a for a in record["arms"] if a["n"] == 50)
    assert arm["drugs"] == ["zelpolisib"] and arm["classes"] == ["unknown"]


# ---------------------------------------------------------------------------------------------- subgroups, named


@pytest.mark.parametrize("sentence, labels", [
    ("The CR rate was greater in the 30 adults with B-lineage disease than in the twelve with T-lineage disease "
     "(70% vs. 25%).", {70: "B-lineage disease", 25: "T-lineage disease"}),
    ("The 1-year overall survival was 55% and 10% in patients who did or did not respond to induction, respectively.",
     {55: "responders", 10: "non-responders"}),
    ("Early mortality was higher in patients aged 60 years or older compared with the younger subgroup (20 vs 4%).",
     {20: "aged >=60 years", 4: "aged <60 years"}),
    ("Overall survival was 30% in patients younger than 25 years versus 8% in patients older than 55 years.",
     {30: "age <25 years", 8: "age >55 years"}),
    ("The EFS rates for low, standard and high risk groups were 85%, 60% and 20%, respectively.",
     {85: "low risk", 60: "standard risk", 20: "high risk"}),
    ("Complete MRD responders had longer overall survival (30.1 vs 8.2 months) compared with MRD nonresponders.",
     {30.1: "complete MRD responders", 8.2: "MRD nonresponders"}),
    ("The overall complete remission rate was 90% in patients treated with 2×106 cells/kg and 72% in all patients.",
     {90: "2×10^6 cells/kg", 72: "all"}),
    ("Median overall survival in patients with CR (14.2 months) was longer than in those without CR (3.1 months).",
     {14.2: "CR", 3.1: "no CR"}),
    ("Four older responders (20%) and 40 younger responders (55%) proceeded to transplantation.",
     {20: "older responders", 55: "younger responders"}),
    ("Patients with no detectable MRD after cycle 1 had superior overall survival (90% vs 40%).",
     {90: "no detectable MRD after cycle 1", 40: "detectable MRD after cycle 1"}),
    ("The CR rate was 55% and was higher for patients in first relapse compared to those in second relapse (70 vs 30%).",
     {55: "all", 70: "first relapse", 30: "second relapse"}),
    ("For the B-ALL, T-ALL, and LL cohorts, CR rates were 50%, 40%, and 30%, respectively.",
     {50: "B-ALL", 40: "T-ALL", 30: "LL"}),
    ("Overall survival was 33% in those with a first remission of more than 2 years and 9% in those with a first "
     "remission of less than 2 years.", {33: "first remission >2 years", 9: "first remission <2 years"}),
])
def test_arms_subgroups_named_from_the_sentence(nlp, sentence, labels):
    assert _by_value(_run(nlp, sentence)) == labels


@pytest.mark.parametrize("sentence, labels", [
    ("Overall survival at 1 and 3 years was 45% and 20%, respectively.", {45: "all", 20: "all"}),
    ("Nine (12%) and 2 patients (3%) had grade 3 or 4 cytokine release syndrome, respectively.", {12: "all", 3: "all"}),
    ("In CR3 patients, disease-free survival at 1 and 3 years was 40% and 22%.", {40: "CR3 patients", 22: "CR3 patients"}),
])
def test_arms_lists_over_time_points_or_grades_are_not_subgroups(nlp, sentence, labels):
    assert _by_value(_run(nlp, sentence)) == labels


@pytest.mark.parametrize("sentence, label", [
    ("Complete remission was achieved in 60% of patients with extramedullary disease.", "extramedullary disease"),
    ("Complete remission was achieved in 60% of patients with relapsed ALL.", "all"),
    ("Patients with a high disease burden had a median overall survival of 4.1 months.", "high disease burden"),
    ("In the 12 patients treated under the amended protocol, 25% had grade 3 CRS.", "amended protocol"),
    ("In this heavily pretreated cohort, the CR rate was 60%.", "all"),
])
def test_arms_one_value_subgroup_or_whole_cohort(nlp, sentence, label):
    assert set(_by_value(_run(nlp, sentence)).values()) == {label}


def test_arms_bracket_breakdown_of_a_subgroup_is_not_arms(nlp):
    record = _run(nlp, "The study treated adults with B-ALL (n = 20) and adolescents and adults with T-ALL (adolescents, "
                  "n = 8; adults, n = 12).")
    assert [a["label"] for a in record["arms"]] == ["all"]


def test_arms_cohort_codes_without_different_treatment_are_subgroups(nlp):
    record = _run(nlp, "Cohort 1 included patients in morphologic relapse; patients in cohort 2 had MRD only.",
                  "In cohort 1 (40 patients), the CR rate was 65%.")
    assert [a["label"] for a in record["arms"]] == ["all"]
    assert _by_value(record) == {65: "cohort 1"}


def test_arms_cohort_codes_with_different_doses_are_arms(nlp):
    record = _run(nlp, "Patients in cohort A received drug X at 10 mg/m2 and patients in cohort B at 20 mg/m2.",
                  "The CR rate was 40% in cohort A and 60% in cohort B.")
    assert [a["label"] for a in record["arms"]] == ["cohort A", "cohort B"]
    assert _by_value(record) == {40: "cohort A", 60: "cohort B"}


@pytest.mark.parametrize("line, problem", [
    ({"kind": "rewrite", "pattern": "x", "example": "x"}, "a rewrite needs 'replace'"),
    ({"kind": "odd", "pattern": "x", "example": "x"}, "kind 'odd'"),
    ({"kind": "whole", "pattern": "(", "example": "x"}, "not a valid regex"),
    ({"kind": "whole", "pattern": "abc", "example": "xyz"}, "does not match"),
    ({"kind": "whole", "pattern": "abc", "example": "abc", "colour": 1}, "unknown key 'colour'"),
])
def test_arms_subgroup_cues_loader_reports_file_and_line(tmp_path, line, problem):
    import json

    from extractor.errors import PatternError
    from extractor.patterns import load_subgroup_cues

    (tmp_path / "subgroup_cues.jsonl").write_text(json.dumps(line) + "\n")
    with pytest.raises(PatternError) as info:
        load_subgroup_cues(tmp_path)
    assert any(p.startswith("patterns/subgroup_cues.jsonl:1: ") and problem in p for p in info.value.problems)


def test_arms_subgroup_cues_examples_match():
    from extractor.extraction.subgroups import cues

    for kind in cues():
        for cue in kind:
            assert cue.pattern.search(cue.example), cue.example


def test_arms_ph_subgroups_named_around_than(nlp):
    record = _run(nlp, "Complete remission was more common in Ph-positive than in Ph-negative patients (82% vs. 47%).")
    assert _by_value(record) == {82: "Ph-positive", 47: "Ph-negative"}


def test_arms_comparator_group_before_a_value_pair_is_not_the_first_value_group(nlp):
    # The group before the bracket follows "than": it is the second value's, so the first value must not get it.
    record = _run(nlp, "The CR rate of Ph-positive patients was higher than that of Ph-negative patients (82% vs. 47%).")
    assert _by_value(record)[82] != "Ph-negative patients"


def test_arms_numbered_cohorts_name_their_values(nlp):
    record = _run(nlp, "The remission rate was 35% in cohort 1 and 65% in cohort 2.")
    assert _by_value(record) == {35: "cohort 1", 65: "cohort 2"}


def test_arms_per_arm_rates_of_a_randomized_study(nlp):
    record = _run(nlp, "Adults were randomly assigned to receive ponatinib (ponatinib group) or imatinib (imatinib group).",
                  "Transplantation followed in 35% of the ponatinib group and in 20% of the imatinib group.",
                  "Veno-occlusive liver disease occurred in 4% and 2% of the patients, respectively.")
    assert _by_value(record) == {35: "ponatinib", 20: "imatinib", 4: "ponatinib", 2: "imatinib"}


def test_arms_value_of_the_patients_who_received_an_arm(nlp):
    record = _run(nlp, "Adults were randomly assigned to receive ponatinib (ponatinib group) or imatinib (imatinib group).",
                  "Arterial occlusive events aside, grade 3 or higher cytokine release syndrome was reported in 3.5% of "
                  "the patients who received ponatinib.")
    assert _by_value(record) == {3.5: "ponatinib"}


def test_arms_schedules_of_one_drug_are_arms(nlp):
    record = _run(nlp, "Children were randomized 1:1 to venetoclax (400 mg) given early or late to a steroid backbone.")
    assert sorted(_arms(record)) == [("early venetoclax", None), ("late venetoclax", None)]


def test_arms_dose_levels_named_as_groups_are_arms(nlp):
    record = _run(nlp, "Adults were randomized to receive either daunorubicin (DNR) or idarubicin (IDR).",
                  "Later the dose of IDR was lowered.",
                  "One-year EFS was 40% for IDR (12 mg/m2) and 20% for IDR (9 mg/m2).")
    assert sorted(_arms(record)) == [("daunorubicin", None), ("idarubicin 12 mg/m2", None), ("idarubicin 9 mg/m2", None)]
    assert _by_value(record) == {40: "idarubicin 12 mg/m2", 20: "idarubicin 9 mg/m2"}


def test_arms_one_dose_level_does_not_split_an_arm(nlp):
    record = _run(nlp, "Adults were randomized to receive either daunorubicin (DNR) or idarubicin (IDR).",
                  "The dose was IDR (12 mg/m2) weekly.")
    assert sorted(_arms(record)) == [("daunorubicin", None), ("idarubicin", None)]


def test_arms_separately_reported_study_is_its_own_arm(nlp):
    record = _run(nlp, "In trial 301, adults were randomly assigned 2:1 to ponatinib (n = 40) or chemotherapy (n = 20) and "
                  "12 Ph+ adults in study 205 received ponatinib.",
                  "Rates of complete remission and minimal residual disease (MRD) negativity were 60% and 30% in study 205.",
                  "In study 205, the rates were 58% (complete remission) and 90% (MRD).")
    assert ("ponatinib (study 205)", 12) in _arms(record) and ("ponatinib", 40) in _arms(record)
    assert {o["arm"] for o in record["outcomes"] if o["value"] in (58, 90)} <= {"ponatinib (study 205)"}


def test_arms_second_value_of_an_endpoint_list_keeps_the_named_arm(nlp):
    record = _run(nlp, "In trial 301, adults were randomly assigned 2:1 to ponatinib (n = 40) or chemotherapy (n = 20) and "
                  "12 Ph+ adults in study 205 received ponatinib.",
                  "The corresponding rates in study 205 were 58% (complete remission) and 90% (MRD).")
    assert {o["arm"] for o in record["outcomes"] if o["value"] in (58, 90)} == {"ponatinib (study 205)"}


def test_arms_cohorts_by_disease_state_and_subgroup(nlp):
    record = _run(nlp, "Adults received ponatinib.",
                  "Of the 120 patients enrolled, 50 were MRD+ (30 T-lineage [T] and 20 B-lineage [B]) and 70 had "
                  "relapsed ALL (40 T and 30 B).")
    assert sorted(_arms(record)) == [("MRD+ B", 20), ("MRD+ T", 30), ("relapsed B", 30), ("relapsed T", 40)]
    assert all(a["drugs"] == ["ponatinib"] for a in record["arms"])


def test_arms_cohorts_whose_numbers_do_not_add_up_are_not_arms(nlp):
    record = _run(nlp, "Adults received ponatinib.",
                  "Of the 120 patients enrolled, 50 were MRD+ (30 T-lineage [T] and 10 B-lineage [B]) and 70 had "
                  "relapsed ALL (40 T and 30 B).")
    assert [a["label"] for a in record["arms"]] == ["all"]


def test_arms_subgroups_nested_within_arms_respectively(nlp):
    record = _run(nlp, "Adults were randomly assigned to receive either ponatinib (ponatinib group) or standard chemotherapy "
                  "(chemotherapy group), with low or high white cell count, respectively, defined as white blood cells "
                  "(WBC) <30 (n = 40) and >=30 (n = 20).",
                  "Patients in the ponatinib vs. chemotherapy group with low and high WBC, respectively, had complete "
                  "remission rates of 81% vs. 52% and 63 vs. 24%.")
    assert _by_value(record) == {81: "ponatinib, WBC <30", 52: "chemotherapy, WBC <30", 63: "ponatinib, WBC >=30",
                                 24: "chemotherapy, WBC >=30"}


def test_arms_subgroups_nested_within_arms_without_a_definition_keep_their_names(nlp):
    record = _run(nlp, "Adults were randomly assigned to receive either ponatinib (ponatinib group) or standard chemotherapy "
                  "(chemotherapy group).",
                  "Patients in the ponatinib vs. chemotherapy group with low and high risk, respectively, had complete "
                  "remission rates of 81% vs. 52% and 63 vs. 24%.")
    assert _by_value(record) == {81: "ponatinib, low risk", 52: "chemotherapy, low risk", 63: "ponatinib, high risk",
                                 24: "chemotherapy, high risk"}


def test_arms_back_reference_by_head_words_of_one_arm(nlp):
    record = _run(nlp, "Adults were randomly assigned to receive ponatinib (n = 40) or standard intensive chemotherapy (n = 20).",
                  "Complete remission was achieved by 60% in the ponatinib group and by 30% in the intensive-chemotherapy "
                  "group.")
    assert _by_value(record) == {60: "ponatinib", 30: "intensive chemotherapy"}  # (the arm named as its group is)


def test_arms_back_reference_matching_two_arms_is_not_assigned_to_either(nlp):
    record = _run(nlp, "Adults were randomized to receive either daunorubicin (DNR) or idarubicin (IDR).",
                  "One-year EFS was 40% for IDR (12 mg/m2) and 20% for IDR (9 mg/m2).",
                  "The CR rate was 70% in the idarubicin group.")
    assert _by_value(record)[70] not in ("idarubicin 12 mg/m2", "idarubicin 9 mg/m2")


def test_arms_response_state_restricts_the_group_of_a_value(nlp):
    record = _run(nlp, "In the relapsed group, 75% of CRLF+ and 60% of CRLF- MRD-evaluable patients in CR achieved MRD "
                  "negativity.")
    assert _by_value(record) == {75: "relapsed CRLF+ in CR", 60: "relapsed CRLF- in CR"}


def test_arms_evaluable_without_a_response_state_keeps_the_group(nlp):
    record = _run(nlp, "In the relapsed group, 75% of CRLF+ and 60% of CRLF- patients with evaluable MRD achieved MRD "
                  "negativity.")
    assert _by_value(record) == {75: "relapsed CRLF+", 60: "relapsed CRLF-"}
