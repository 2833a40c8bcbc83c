"""The rule loader's validation, and every rule's example run through the real pipeline."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.errors import PatternError
from extractor.patterns import load_rules
from extractor.pipeline import SPANS_KEY

REPO = Path(__file__).resolve().parent.parent
RULES = load_rules(REPO / "patterns")


def _write(folder: Path, name: str, lines: list) -> None:
    (folder / name).write_text("\n".join(l if isinstance(l, str) else json.dumps(l) for l in lines) + "\n")


GOOD = {"label": "ENDPOINT", "id": "CR", "pattern": "complete remission", "example": "It was a complete remission."}


def test_patterns_valid_file_loads(tmp_path):
    _write(tmp_path, "endpoints.jsonl", [GOOD, {**GOOD, "pattern": [{"LOWER": "cr"}], "note": "n", "source": "s"}])
    rules = load_rules(tmp_path)
    assert [(r.file, r.line, r.id) for r in rules] == [("endpoints.jsonl", 1, "CR"), ("endpoints.jsonl", 2, "CR")]


@pytest.mark.parametrize(
    "line, problem",
    [
        ({**GOOD, "foo": 1}, "unknown key 'foo'"),
        ({**GOOD, "label": "DRUG"}, "label 'DRUG' is not one of"),
        ({k: v for k, v in GOOD.items() if k != "example"}, "missing key 'example'"),
        ({**GOOD, "example": ""}, "'example' must be a non-empty string"),
        ({**GOOD, "pattern": ""}, "empty pattern"),
        ({**GOOD, "pattern": [{"LOWER": "cr", "COLOUR": "red"}]}, "invalid token pattern"),
        ({**GOOD, "pattern": [{"LOWER": {"IN": "cr"}}]}, "invalid token pattern"),
        ("{not json", "not valid JSON"),
    ],
)
def test_patterns_bad_line_reported_with_file_and_line(tmp_path, line, problem):
    _write(tmp_path, "endpoints.jsonl", [GOOD, line])
    with pytest.raises(PatternError) as info:
        load_rules(tmp_path)
    assert all(p.startswith("patterns/endpoints.jsonl:2: ") for p in info.value.problems)
    assert any(problem in p for p in info.value.problems)


def test_patterns_all_problems_reported_at_once(tmp_path):
    _write(tmp_path, "endpoints.jsonl", [{**GOOD, "foo": 1}, GOOD, {**GOOD, "label": "X", "pattern": []}])
    _write(tmp_path, "timepoints.jsonl", [{**GOOD, "label": "TIMEPOINT", "example": None}])
    with pytest.raises(PatternError) as info:
        load_rules(tmp_path)
    where = [p.split(": ")[0] for p in info.value.problems]
    assert where == [
        "patterns/endpoints.jsonl:1",
        "patterns/endpoints.jsonl:3",
        "patterns/endpoints.jsonl:3",
        "patterns/timepoints.jsonl:1",
    ]


def test_patterns_unknown_file_rejected(tmp_path):
    _write(tmp_path, "colours.jsonl", [GOOD])
    with pytest.raises(PatternError, match=r"patterns/colours.jsonl:0: no label set"):
        load_rules(tmp_path)


def test_patterns_missing_folder_rejected(tmp_path):
    with pytest.raises(PatternError):
        load_rules(tmp_path / "nowhere")


@pytest.mark.parametrize("rule", RULES, ids=[r.where for r in RULES])
def test_patterns_example_matches_its_rule(nlp, rule):
    doc = nlp(rule.example)
    found = {(span.label_, span.id_) for span in doc.spans[SPANS_KEY]}
    assert (rule.label, rule.id) in found, f"{rule.where}: example does not match: {rule.example!r}"
