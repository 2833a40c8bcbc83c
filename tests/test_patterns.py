"""The rule loader's validation, and every rule's example run through the real pipeline."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.errors import PatternError
from extractor.patterns import load_rules
from extractor.pipeline import SPANS_KEY, STEM_ID

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
    if rule.id.startswith(STEM_ID):  # a stem rule's span is named by the words it matched, a drug no line lists
        listed = {r.id for r in RULES if r.label == rule.label}
        found = {(label, rule.id) for label, id_ in found if id_ not in listed and id_ in rule.example.lower()}
    assert (rule.label, rule.id) in found, f"{rule.where}: example does not match: {rule.example!r}"


# --- patterns/spellings.jsonl: spelling variants the LOWER getter reads as one form ---

SPELL = {"kind": "prefix", "variant": "haem", "canonical": "hem", "example": "Haematological recovery was slow."}


def test_patterns_spellings_load_prefixes_and_words(tmp_path):
    from extractor.patterns import load_spellings

    _write(tmp_path, "spellings.jsonl", [SPELL, {"kind": "word", "variant": "hematological", "canonical": "hematologic",
                                                 "example": "Hematological toxicity was mild."}])
    spellings = load_spellings(tmp_path)
    assert [spellings.normalise(w) for w in ("haematological", "haemorrhage", "hematologic", "them")] == [
        "hematologic", "hemorrhage", "hematologic", "them"]


@pytest.mark.parametrize(
    "line, problem",
    [
        ({**SPELL, "colour": "red"}, "unknown key 'colour'"),
        ({**SPELL, "kind": "suffix"}, "kind 'suffix' is not one of"),
        ({**SPELL, "variant": "Haem"}, "'variant' must be lower-case letters"),
        ({**SPELL, "canonical": "haem"}, "are the same"),
        ({**SPELL, "example": "Blood counts recovered."}, "has no word this line rewrites"),
        ({k: v for k, v in SPELL.items() if k != "canonical"}, "missing key 'canonical'"),
    ],
)
def test_patterns_spellings_bad_line_reported(tmp_path, line, problem):
    from extractor.patterns import load_spellings

    _write(tmp_path, "spellings.jsonl", [SPELL, line])
    with pytest.raises(PatternError) as info:
        load_spellings(tmp_path)
    assert all(p.startswith("patterns/spellings.jsonl:2: ") for p in info.value.problems)
    assert any(problem in p for p in info.value.problems)


def test_patterns_spellings_examples_are_rewritten(nlp):
    from extractor.patterns import load_spellings

    path = REPO / "patterns" / "spellings.jsonl"
    for line in path.read_text().splitlines():
        data = json.loads(line)
        lowers = [t.lower_ for t in nlp.make_doc(data["example"])]
        assert any(w.startswith(data["canonical"]) if data["kind"] == "prefix" else w == data["canonical"]
                   for w in lowers), data
    assert load_spellings(REPO / "patterns").prefixes  # the repo's table loads


@pytest.mark.parametrize(
    "text, label, rule_id",
    [
        ("Paediatric patients were eligible.", "AGE_GROUP", "pediatric"),  # phrase rule "pediatric"
        ("They had relapsed acute lymphoblastic leukaemia.", "DISEASE", "ALL"),
        ("Patients were randomised to two arms.", "DESIGN", "randomized"),
        ("12 patients proceeded to allogeneic haematopoietic stem cell transplantation.", "ENDPOINT", "HSCT"),
        ("Complete remission with incomplete haematological recovery occurred in 40%.", "ENDPOINT", "CR_CRi"),
    ],
)
def test_patterns_british_spellings_match_american_rules(nlp, text, label, rule_id):
    doc = nlp(text)
    assert (label, rule_id) in {(s.label_, s.id_) for s in doc.spans[SPANS_KEY]}
