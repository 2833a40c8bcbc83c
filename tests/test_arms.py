"""Arms and back-references (extract/arms.py), each phrasing on sentences of our own through the real pipeline."""
from __future__ import annotations

import pytest

from extractor.extract import extract_article
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
     "blinatumomab (n = 30).", [("hyper-CVAD", 40), ("inotuzumab + mini-HCVD ± blinatumomab", 30)]),
    ("We randomized adults to receive either venetoclax (venetoclax group) or standard intensive chemotherapy "
     "(standard-therapy group).", [("venetoclax", None), ("standard therapy", None)]),
    ("Outcomes were reported for both diseases (B-ALL, n = 80; T-ALL, n = 20).", [("B-ALL", 80), ("T-ALL", 20)]),
])
def test_arms_detected_with_n(nlp, sentence, arms):
    assert sorted(_arms(_run(nlp, sentence))) == sorted(arms)


def test_arms_single_arm_study_has_one_arm_all(nlp):
    record = _run(nlp, "Forty adults received nelarabine.", "The CR rate was 30%.", title="Nelarabine for T-ALL")
    assert [a["label"] for a in record["arms"]] == ["all"]
    assert record["arms"][0]["drugs"] == ["nelarabine"] and record["arms"][0]["classes"] == ["chemotherapy"]
    assert _by_value(record) == {30: "all"}


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
    record = _run(nlp, "Outcomes were reported for both diseases (B-ALL, n = 80; T-ALL, n = 20).",
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
    record = _run(nlp, "Adults were randomly assigned to receive Zelpotinib (n = 50) or chemotherapy (n = 25).")
    arm = next(a for a in record["arms"] if a["n"] == 50)
    assert arm["drugs"] == ["zelpotinib"] and arm["classes"] == ["unknown"]
