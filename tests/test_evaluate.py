"""Tests for extractor.evaluate: hand-made gold and predictions in tmp_path; the real corpus scored against itself."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.errors import ExtractorError, UsageError
from extractor.evaluate import Evaluation, evaluate, format_report, load_gold

PMIDS = {"a1": "101", "a2": "102", "doi-10_1002_x": "99000001"}


def _article(article_id: str = "a1", **fields) -> dict:
    """A gold-shaped article with its labels and no facts; fields override or add."""
    doc = {
        "id": article_id,
        "relevant": True,
        "setting": "first salvage",
        "population": {"age_group": "adult", "ph_status": "negative", "lineage": "B"},
        "design": {"phase": "2", "randomized": False},
        "cohort_size": None,
        "median_age_years": None,
        "median_follow_up_months": None,
        "arms": [{"label": "all", "drugs": ["inotuzumab ozogamicin"], "n": 48}],
        "outcomes": [],
        "doses": [],
        "comparisons": [],
    }
    doc.update(fields)
    return doc


def _outcome(endpoint: str = "CR", value=50, arm: str = "all", timepoint=None, **fields) -> dict:
    record = {"arm": arm, "endpoint": endpoint, "value": value, "unit": "%", "count": None, "denominator": None,
              "timepoint_months": timepoint, "ci95": None, "text": f"gold {endpoint} {value}"}
    record.update(fields)
    return record


def _dose(drug: str = "inotuzumab ozogamicin", dose=1.8, unit: str = "mg/m2") -> dict:
    return {"drug": drug, "dose": dose, "dose_max": None, "unit": unit, "per": "cycle", "text": f"{dose} {unit}"}


def _comparison(measure="HR", value=0.71, **fields) -> dict:
    record = {"endpoint": "OS", "measure": measure, "value": value, "ci95": None, "p": "0.01", "text": "HR"}
    record.update(fields)
    return record


def _prediction(doc: dict, pmid: str | None = None) -> dict:
    """A prediction line from an article: the gold id swapped for its PMID."""
    line = {key: value for key, value in doc.items() if key != "id"}
    line["pmid"] = pmid or PMIDS[doc["id"]]
    return line


def _write(tmp_path: Path, gold: list[dict], predictions: list[dict]) -> tuple[Path, Path, Path]:
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    for doc in gold:
        (gold_dir / f"{doc['id']}.json").write_text(json.dumps(doc), encoding="utf-8")
    index = tmp_path / "index.json"
    index.write_text(json.dumps([{"id": i, "pmid": p} for i, p in PMIDS.items()]), encoding="utf-8")
    pred_file = tmp_path / "pred.jsonl"
    pred_file.write_text("".join(json.dumps(line) + "\n" for line in predictions), encoding="utf-8")
    return gold_dir, index, pred_file


def _run(tmp_path: Path, gold: list[dict], predictions: list[dict]) -> Evaluation:
    return evaluate(*_write(tmp_path, gold, predictions))


def _counts(prf) -> tuple[int, int, int]:
    return prf.tp, prf.fp, prf.fn


def _outcomes_only(tmp_path: Path, gold: list[dict], predicted: list[dict]) -> tuple[int, int, int]:
    result = _run(tmp_path, [_article(outcomes=gold)], [_prediction(_article(outcomes=predicted))])
    return _counts(result.by_kind["outcome"])


def test_evaluate_exact_match_scores_one(tmp_path):
    doc = _article(cohort_size=48, median_age_years=39, outcomes=[_outcome(), _outcome("OS_RATE", 54, timepoint=24)],
                   doses=[_dose()], comparisons=[_comparison()])
    result = _run(tmp_path, [doc], [_prediction(doc)])
    assert (result.overall.precision, result.overall.recall, result.overall.f1) == (1.0, 1.0, 1.0)
    assert {kind: _counts(prf) for kind, prf in result.by_kind.items()} == {
        "outcome": (2, 0, 0), "dose": (1, 0, 0), "comparison": (1, 0, 0), "scalar": (2, 0, 0)}
    assert result.missed == result.spurious == []


def test_evaluate_wrong_value_is_one_false_positive_and_one_false_negative(tmp_path):
    gold, predicted = _article(outcomes=[_outcome(value=73)]), _article(outcomes=[_outcome(value=72)])
    result = _run(tmp_path, [gold], [_prediction(predicted)])
    assert _counts(result.overall) == (0, 1, 1)
    assert (result.overall.precision, result.overall.recall, result.overall.f1) == (0.0, 0.0, 0.0)


@pytest.mark.parametrize(("gold", "predicted", "matches"), [
    (33.3, 33.33, True),
    (33.3, 33.36, False),
    (0.1, 0.05, True),          # half away from zero, not to even
    (2.3, 2.25, True),          # banker's rounding would give 2.2
    (0.2, 0.15, True),          # the binary float 0.15 is just below 0.15
    (2.7, 2.675, True),
    (0, -0.04, True),           # -0.0 is the same key as 0.0
    (33.3, "33.3", True),       # numeric strings are numbers
    (48, 48.0, True),
])
def test_evaluate_rounds_values_to_a_tenth(tmp_path, gold, predicted, matches):
    tp = 1 if matches else 0
    assert _outcomes_only(tmp_path, [_outcome(value=gold)], [_outcome(value=predicted)]) == (tp, 1 - tp, 1 - tp)


@pytest.mark.parametrize("junk", ["n.r.", "", True, [50], {"value": 50}, float("nan")])
def test_evaluate_unparseable_value_is_unmatched(tmp_path, junk):
    assert _outcomes_only(tmp_path, [_outcome(value=50)], [_outcome(value=junk)]) == (0, 1, 1)


def test_evaluate_unparseable_values_never_match_each_other(tmp_path):
    assert _outcomes_only(tmp_path, [_outcome(value="abc")], [_outcome(value="abc")]) == (0, 1, 1)


@pytest.mark.parametrize(("gold", "predicted"), [
    ("DFS_RATE", "RFS_RATE"), ("RFS_RATE", "LFS_RATE"), ("LFS_MEDIAN", "RFS_MEDIAN"), ("DFS_MEDIAN", "LFS_MEDIAN")])
def test_evaluate_dfs_and_lfs_count_as_rfs(tmp_path, gold, predicted):
    gold_outcome, predicted_outcome = _outcome(gold, 40, timepoint=24), _outcome(predicted, 40, timepoint=24)
    result = _run(tmp_path, [_article(outcomes=[gold_outcome])], [_prediction(_article(outcomes=[predicted_outcome]))])
    assert _counts(result.overall) == (1, 0, 0)
    assert list(result.by_endpoint) == ["RFS_" + gold.split("_")[1]]


def test_evaluate_other_outcomes_are_not_scored(tmp_path):
    gold = [_outcome("OTHER", 30), _outcome("OTHER", None, count=14, denominator=24)]
    assert _outcomes_only(tmp_path, gold, [_outcome("OTHER", 99)]) == (0, 0, 0)


@pytest.mark.parametrize(("gold", "predicted"), [
    (_outcome(value=None, count=7, denominator=25), _outcome(value=28)),
    (_outcome(value=28.0, count=7, denominator=25, computed=True), _outcome(value=None, count=7, denominator=25)),
    (_outcome(value=None, count=2, denominator=3), _outcome(value=66.7)),
])
def test_evaluate_count_over_denominator_rate_is_computed(tmp_path, gold, predicted):
    assert _outcomes_only(tmp_path, [gold], [predicted]) == (1, 0, 0)


@pytest.mark.parametrize(("gold", "predicted", "expected"), [
    (None, None, (1, 0, 0)),        # "not reached" matches "not reached"
    (None, 12, (0, 1, 1)),
])
def test_evaluate_null_value_is_part_of_the_key(tmp_path, gold, predicted, expected):
    gold_outcome, predicted_outcome = _outcome("OS_MEDIAN", gold), _outcome("OS_MEDIAN", predicted)
    assert _outcomes_only(tmp_path, [gold_outcome], [predicted_outcome]) == expected


@pytest.mark.parametrize(("gold", "predicted", "expected"), [
    (24, 24.0, (1, 0, 0)), (24, 12, (0, 1, 1)), (None, 24, (0, 1, 1)), (1.5, 1.46, (1, 0, 0))])
def test_evaluate_timepoint_is_part_of_the_key(tmp_path, gold, predicted, expected):
    gold_outcome = _outcome("OS_RATE", 54, timepoint=gold)
    predicted_outcome = _outcome("OS_RATE", 54, timepoint=predicted)
    assert _outcomes_only(tmp_path, [gold_outcome], [predicted_outcome]) == expected


def test_evaluate_outcomes_are_multisets(tmp_path):
    gold = [_outcome("EFS_RATE", 20, "T-ALL", 24), _outcome("EFS_RATE", 20, "T-LL", 24)]
    assert _outcomes_only(tmp_path, gold, [_outcome("EFS_RATE", 20, "T-ALL", 24)]) == (1, 0, 1)


def test_evaluate_doses_are_sets(tmp_path):
    gold = _article(doses=[_dose(dose=0.3), _dose(dose=0.3)])
    predicted = _article(doses=[_dose(dose=0.3)] * 3)
    assert _counts(_run(tmp_path, [gold], [_prediction(predicted)]).by_kind["dose"]) == (1, 0, 0)


@pytest.mark.parametrize(("gold", "predicted", "matches"), [
    ("inotuzumab ozogamicin", "Inotuzumab", True),
    ("KTE-X19", "kte-x19 CAR T cells", True),
    ("inotuzumab ozogamicin", "ozogamicin", False),
])
def test_evaluate_dose_drug_is_first_word_lowercased(tmp_path, gold, predicted, matches):
    result = _run(tmp_path, [_article(doses=[_dose(gold)])], [_prediction(_article(doses=[_dose(predicted)]))])
    assert result.by_kind["dose"].tp == int(matches)


@pytest.mark.parametrize(("gold", "predicted", "matches"), [
    ("\u00b5g", "\u03bcg", True),       # micro sign vs Greek mu
    ("\u03bcg/m2", "mcg/m2", True),
    ("ug", "mcg", True),
    ("\u00b5g/m\u00b2", "ug / m2", True),
    ("mg/m2", "mg/m\u00b2", True),
    ("mg/m2", "mg / m 2", True),
    ("cells/kg", "cells / kg", True),
    ("mg/m2", "g/m2", False),
    ("mg/m2", "mg/kg", False),
])
def test_evaluate_dose_unit_is_normalised(tmp_path, gold, predicted, matches):
    gold_dose, predicted_dose = _dose("blinatumomab", 15, gold), _dose("blinatumomab", 15, predicted)
    result = _run(tmp_path, [_article(doses=[gold_dose])], [_prediction(_article(doses=[predicted_dose]))])
    assert result.by_kind["dose"].tp == int(matches)


@pytest.mark.parametrize(("gold", "predicted", "matches"), [
    (("HR", 0.71), ("HR", 0.71), True),
    (("HR InO vs SC", 0.64), ("HR", 0.6), True),       # gold measure text starts with the measure
    (("HR", 0.55), ("hazard ratio", 0.55), True),
    (("hr", 0.55), ("HR", 0.55), True),
    (("HR", 0.71), ("OR", 0.71), False),
    (("HR", 0.71), ("HR", 0.76), False),
])
def test_evaluate_comparison_is_measure_and_value(tmp_path, gold, predicted, matches):
    gold_doc = _article(comparisons=[_comparison(*gold)])
    result = _run(tmp_path, [gold_doc], [_prediction(_article(comparisons=[_comparison(*predicted)]))])
    assert _counts(result.by_kind["comparison"]) == ((1, 0, 0) if matches else (0, 1, 1))


def test_evaluate_p_value_alone_is_not_a_comparison(tmp_path):
    gold = _article(comparisons=[_comparison(None, None), _comparison("rate comparison (P only)", None),
                                 _comparison("p-value", None)])
    predicted = _article(comparisons=[_comparison(None, None, p="0.03"), _comparison("HR", None)])
    assert _counts(_run(tmp_path, [gold], [_prediction(predicted)]).by_kind["comparison"]) == (0, 0, 0)


@pytest.mark.parametrize(("gold", "predicted", "expected"), [
    (None, None, (0, 0, 0)),
    (None, 48, (0, 1, 0)),
    (48, None, (0, 0, 1)),
    (48, "48", (1, 0, 0)),
    (48, 47, (0, 1, 1)),
])
def test_evaluate_scalar_counts_only_when_not_null(tmp_path, gold, predicted, expected):
    result = _run(tmp_path, [_article(cohort_size=gold)], [_prediction(_article(cohort_size=predicted))])
    assert _counts(result.by_kind["scalar"]) == expected


def test_evaluate_missing_article_misses_its_facts(tmp_path):
    present, absent = _article("a1", outcomes=[_outcome()]), _article("a2", outcomes=[_outcome(), _outcome("ORR")])
    result = _run(tmp_path, [present, absent], [_prediction(present)])
    assert _counts(result.overall) == (1, 0, 2)
    assert [(a.id, a.pmid) for a in result.missing_articles] == [("a2", "102")]
    assert {f.article_id for f in result.missed} == {"a2"}
    relevant = result.labels["relevant"]
    assert (relevant.correct, relevant.n, relevant.missing) == (1, 1, 1)
    assert (relevant.accuracy, relevant.accuracy_counting_missing) == (1.0, 0.5)
    assert "a2 (pmid 102)" in format_report(result)


def test_evaluate_extra_prediction_is_reported_and_ignored(tmp_path):
    doc = _article(outcomes=[_outcome()])
    stray = _prediction(_article(outcomes=[_outcome("ORR", 10)], cohort_size=5), pmid="555")
    result = _run(tmp_path, [doc], [stray, _prediction(doc)])
    assert _counts(result.overall) == (1, 0, 0)
    assert [(x.pmid, x.line) for x in result.extra_predictions] == [("555", 1)]
    assert "not counted as spurious" in format_report(result)
    assert result.to_dict()["extra_predictions"][0]["pmid"] == "555"


LABEL_CHANGES = {
    "relevant": lambda d: d.update(relevant=False),
    "setting": lambda d: d.update(setting="frontline"),
    "population.age_group": lambda d: d["population"].update(age_group="pediatric"),
    "population.ph_status": lambda d: d["population"].update(ph_status="positive"),
    "population.lineage": lambda d: d["population"].update(lineage="T"),
    "design.phase": lambda d: d["design"].update(phase="3"),
    "design.randomized": lambda d: d["design"].update(randomized=True),
}


@pytest.mark.parametrize("label", list(LABEL_CHANGES))
def test_evaluate_label_accuracy_per_label(tmp_path, label):
    right, wrong = _article("a1"), _article("a2")
    predicted_wrong = _article("a2")
    LABEL_CHANGES[label](predicted_wrong)
    result = _run(tmp_path, [right, wrong], [_prediction(right), _prediction(predicted_wrong)])
    assert {name: acc.accuracy for name, acc in result.labels.items()} == {
        name: (0.5 if name == label else 1.0) for name in LABEL_CHANGES}


def test_evaluate_labels_compare_normalised_text(tmp_path):
    predicted = _article(setting="First  Salvage", design={"phase": 2, "randomized": False})
    result = _run(tmp_path, [_article()], [_prediction(predicted)])
    assert result.labels["setting"].accuracy == result.labels["design.phase"].accuracy == 1.0


def test_evaluate_missing_label_in_prediction_is_wrong(tmp_path):
    predicted = {key: value for key, value in _article().items() if key != "population"}
    result = _run(tmp_path, [_article()], [_prediction(predicted)])
    assert result.labels["population.lineage"].accuracy == 0.0


def test_evaluate_arm_pairing_survives_swapped_order(tmp_path):
    gold = [_outcome("OS_RATE", 54, "A", 24), _outcome("OS_RATE", 54, "B", 24)]
    result = _run(tmp_path, [_article(outcomes=gold)], [_prediction(_article(outcomes=gold[::-1]))])
    assert (result.attributes["arm"].correct, result.attributes["arm"].n) == (2, 2)


def test_evaluate_pairing_maximises_agreement(tmp_path):
    # First-come pairing gives arm 0/2 and count 1/2; the best pairing gets both arms right.
    gold = [_outcome(arm="A", count=10), _outcome(arm="B", count=20)]
    predicted = [_outcome(arm="B", count=10), _outcome(arm="A", count=30)]
    result = _run(tmp_path, [_article(outcomes=gold)], [_prediction(_article(outcomes=predicted))])
    assert result.attributes["arm"].accuracy == 1.0
    assert result.attributes["count"].accuracy == 0.0


@pytest.mark.parametrize(("gold", "predicted", "right"), [
    ("all", " ALL ", True),
    ("InO (study 1022)", "ino  (study 1022)", True),
    ("InO", "SC", False),
    ("all", None, False),
])
def test_evaluate_arm_compared_case_and_space_insensitive(tmp_path, gold, predicted, right):
    result = _run(tmp_path, [_article(outcomes=[_outcome(arm=gold)])],
                  [_prediction(_article(outcomes=[_outcome(arm=predicted)]))])
    assert result.attributes["arm"].accuracy == float(right)


def test_evaluate_multi_arm_arm_accuracy(tmp_path):
    two_arms = [{"label": "InO", "drugs": [], "n": 10}, {"label": "SC", "drugs": [], "n": 10}]
    multi = _article("a1", arms=two_arms, outcomes=[_outcome(arm="InO"), _outcome("ORR", arm="SC")])
    single = _article("a2", outcomes=[_outcome()])
    predicted_multi = _article("a1", outcomes=[_outcome(arm="InO"), _outcome("ORR", arm="InO")])
    result = _run(tmp_path, [multi, single], [_prediction(predicted_multi), _prediction(single)])
    arm, multi_arm = result.attributes["arm"], result.attributes["arm_multi_arm"]
    assert (arm.correct, arm.n, multi_arm.correct, multi_arm.n) == (2, 3, 1, 2)


@pytest.mark.parametrize(("attribute", "gold", "predicted", "expected"), [
    ("count", 44, 44, (1, 1)),
    ("count", 44, 45, (0, 1)),
    ("count", None, 45, (0, 0)),        # gold lacks it: not checked
    ("denominator", 48, None, (0, 1)),
    ("ci95", [25, 62], [25.04, 62.0], (1, 1)),
    ("ci95", [25, 62], [25.1, 62], (0, 1)),
    ("ci95", [5.9, None], [5.9, None], (1, 1)),
    ("ci95", [5.9, None], [5.9, 8.0], (0, 1)),
    ("ci95", [25, 62], "25-62", (0, 1)),
])
def test_evaluate_matched_fact_attributes(tmp_path, attribute, gold, predicted, expected):
    gold_outcome, predicted_outcome = _outcome(**{attribute: gold}), _outcome(**{attribute: predicted})
    gold_doc, predicted_doc = _article(outcomes=[gold_outcome]), _article(outcomes=[predicted_outcome])
    result = _run(tmp_path, [gold_doc], [_prediction(predicted_doc)])
    accuracy = result.attributes[attribute]
    assert (accuracy.correct, accuracy.n) == expected
    assert result.overall.tp == 1


def test_evaluate_comparison_ci_is_checked(tmp_path):
    gold = _article(comparisons=[_comparison(ci95=[0.55, 0.93])])
    predicted = _article(comparisons=[_comparison(ci95=[0.55, 0.73])])
    result = _run(tmp_path, [gold], [_prediction(predicted)])
    assert (result.attributes["ci95"].correct, result.attributes["ci95"].n) == (0, 1)


def test_evaluate_per_endpoint_breakdown(tmp_path):
    gold = [_outcome("CR", 73), _outcome("CR", 50, "B"), _outcome("OS_MEDIAN", 25)]
    predicted = [_outcome("CR", 73), _outcome("ORR", 92), _outcome("OS_MEDIAN", 25)]
    result = _run(tmp_path, [_article(outcomes=gold)], [_prediction(_article(outcomes=predicted))])
    assert {code: _counts(prf) for code, prf in result.by_endpoint.items()} == {
        "CR": (1, 0, 1), "ORR": (0, 1, 0), "OS_MEDIAN": (1, 0, 0)}
    assert "OS_MEDIAN" in format_report(result)


def test_evaluate_verbose_report_lists_missed_and_spurious(tmp_path):
    gold = _article(outcomes=[_outcome("CR", 73, text="35 of them (73%) achieving CR")])
    predicted = _article(outcomes=[_outcome("CR", 37, text=None, evidence={"text": "35 (37%) achieved CR"})])
    result = _run(tmp_path, [gold], [_prediction(predicted)])
    verbose, brief = format_report(result, verbose=True), format_report(result)
    missed_line = next(line for line in verbose.splitlines() if "missed" in line and "CR 73.0" in line)
    spurious_line = next(line for line in verbose.splitlines() if "spurious" in line and "CR 37.0" in line)
    assert "35 of them (73%) achieving CR" in missed_line
    assert "35 (37%) achieved CR" in spurious_line
    assert "a1 (pmid 101)" in verbose
    assert "35 (37%) achieved CR" not in brief


def test_evaluate_to_dict_is_json(tmp_path):
    gold = _article(cohort_size=48, outcomes=[_outcome(ci95=[1, 2])], doses=[_dose()], comparisons=[_comparison()])
    predicted = _article(cohort_size="many", outcomes=[_outcome(value="x", ci95=[1, 3])], doses=[_dose(unit="mcg")])
    data = json.loads(json.dumps(_run(tmp_path, [gold], [_prediction(predicted)]).to_dict()))
    assert data["overall"]["fn"] == 4
    assert {fact["kind"] for fact in data["spurious"]} == {"outcome", "dose", "scalar"}


def test_evaluate_malformed_prediction_line_names_file_and_line(tmp_path):
    gold_dir, index, pred_file = _write(tmp_path, [_article()], [_prediction(_article())])
    pred_file.write_text(pred_file.read_text(encoding="utf-8") + '{"pmid": "102", \n', encoding="utf-8")
    with pytest.raises(UsageError, match=r"pred\.jsonl:2: invalid JSON") as caught:
        evaluate(gold_dir, index, pred_file)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(("breakage", "message"), [
    (lambda g, i, p: p.write_text('[1, 2]\n', encoding="utf-8"), r"pred\.jsonl:1: expected one JSON object"),
    (lambda g, i, p: p.write_text('{"relevant": true}\n', encoding="utf-8"), r"pred\.jsonl:1: missing .*'pmid'"),
    (lambda g, i, p: p.write_text('{"pmid": "101"}\n\n{"pmid": 101}\n', encoding="utf-8"), r"pred\.jsonl:3: pmid 101"),
    (lambda g, i, p: p.write_text('{"pmid": "101", "outcomes": {}}\n', encoding="utf-8"), r"pred\.jsonl:1: 'outcomes'"),
    (lambda g, i, p: p.unlink(), r"prediction file not found: .*pred\.jsonl"),
    (lambda g, i, p: i.unlink(), r"index file not found: .*index\.json"),
    (lambda g, i, p: (g / "a1.json").rename(g.parent / "elsewhere"), r"no gold files"),
    (lambda g, i, p: (g / "a1.json").write_text('{"id": "a1",\n  oops}', encoding="utf-8"), r"a1\.json:2: invalid"),
    (lambda g, i, p: (g / "zz.json").write_text('{"id": "zz"}', encoding="utf-8"), r"zz\.json: id 'zz' is not in"),
    (lambda g, i, p: (g / "a2.json").write_text('{"id": "a1"}', encoding="utf-8"), r"a2\.json: id 'a1' does not match"),
])
def test_evaluate_bad_input_raises_usage_error(tmp_path, breakage, message):
    paths = _write(tmp_path, [_article()], [_prediction(_article())])
    breakage(*paths)
    with pytest.raises(UsageError, match=message):
        evaluate(*paths)


def test_evaluate_missing_gold_dir_is_an_extractor_error(tmp_path):
    with pytest.raises(ExtractorError, match="gold directory not found"):
        evaluate(tmp_path / "nowhere", tmp_path / "index.json", tmp_path / "pred.jsonl")


def test_evaluate_load_gold_keys_by_index_pmid(tmp_path):
    gold_dir, index, _ = _write(tmp_path, [_article("a1"), _article("doi-10_1002_x")], [])
    assert {pmid: doc["id"] for pmid, doc in load_gold(gold_dir, index).items()} == {
        "101": "a1", "99000001": "doi-10_1002_x"}


def test_evaluate_gold_copied_as_predictions_scores_one(corpus_dir, tmp_path):
    index = corpus_dir / "articles.index.json"
    gold = load_gold(corpus_dir / "gold", index)
    pred_file = tmp_path / "gold_as_predictions.jsonl"
    pred_file.write_text("".join(json.dumps({**doc, "pmid": pmid}) + "\n" for pmid, doc in gold.items()),
                         encoding="utf-8")
    result = evaluate(corpus_dir / "gold", index, pred_file)
    assert result.n_predicted_articles == result.n_gold_articles == len(gold)
    for prf in [result.overall, *result.by_kind.values(), *result.by_endpoint.values()]:
        assert (prf.precision, prf.recall, prf.f1) == (1.0, 1.0, 1.0)
    assert all(acc.accuracy == 1.0 for acc in [*result.labels.values(), *result.attributes.values()])
    assert result.missed == result.spurious == result.missing_articles == result.extra_predictions == []


@pytest.mark.parametrize("gold, pred, agrees", [
    ("MRD+ group", "MRD+", True),
    ("aged ≥65 years", "aged 65 years or older", True),
    ("primary analysis, responders", "responders", True),
    ("HCVAD", "hyper-CVAD", True),
    ("all", "responders", False),
    ("inotuzumab ozogamicin, BMB <50%", "inotuzumab ozogamicin", False),
    ("age <30 years", "age >30 years", False),
])
def test_evaluate_content_arm_measure(gold, pred, agrees):
    from extractor.evaluate import content_arm_agrees

    arms = frozenset({"inotuzumab ozogamicin", "standard of care chemotherapy"})
    assert content_arm_agrees(gold, pred, arms) is agrees
