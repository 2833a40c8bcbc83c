"""The regimen lexicon: patterns/regimen_classes.jsonl validated against patterns/drugs.jsonl, and each entry's
example sentence read through the real pipeline to its canonical id and class."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.errors import PatternError
from extractor.extraction.arms import read_regimen
from extractor.extraction.spans import rule_spans
from extractor.patterns import load_regimen_classes, stem_key
from extractor.pipeline import STEM_ID

REPO = Path(__file__).resolve().parent.parent
LEXICON = load_regimen_classes(REPO / "patterns")
DRUG = {"label": "DRUG", "id": "ponatinib", "pattern": "ponatinib", "example": "Ponatinib was given."}
CLASS = {"id": "ponatinib", "class": "tyrosine kinase inhibitor", "kind": "agent", "example": "Ponatinib was given."}


def _folder(tmp_path: Path, classes: list) -> Path:
    (tmp_path / "drugs.jsonl").write_text(json.dumps(DRUG) + "\n")
    (tmp_path / "regimen_classes.jsonl").write_text("\n".join(c if isinstance(c, str) else json.dumps(c)
                                                              for c in classes) + "\n")
    return tmp_path


@pytest.mark.parametrize("entry", list(LEXICON.values()), ids=list(LEXICON))
def test_regimens_example_gives_canonical_id_and_class(nlp, entry):
    doc = nlp(entry.example)
    sent = next(iter(doc.sents))
    drugs = [(s.start_char, s.end_char, s.id_) for s in rule_spans(sent, "DRUG")]
    names, _, classes, _ = read_regimen(doc.text, drugs, LEXICON)
    if entry.id.startswith(STEM_ID):  # a stem's line: its example names a drug by a word ending with the stem
        stem = stem_key(entry.id[len(STEM_ID):])
        names = [entry.id for name in names if stem_key(name).endswith(stem) and not name.startswith(STEM_ID)]
    assert entry.id in names, f"{entry.example!r} does not name {entry.id}"
    assert entry.cls in classes


def test_regimens_valid_file_loads(tmp_path):
    entries = load_regimen_classes(_folder(tmp_path, [CLASS]))
    assert entries["ponatinib"].cls == "tyrosine kinase inhibitor" and entries["ponatinib"].display == "ponatinib"


@pytest.mark.parametrize("line, problem", [
    ({**CLASS, "colour": "red"}, "unknown key 'colour'"),
    ({**CLASS, "id": "imatinib"}, "is not a DRUG id"),
    ({**CLASS, "kind": "pill"}, "kind 'pill'"),
    ({**CLASS, "components": ["imatinib"]}, "component 'imatinib'"),
    ({k: v for k, v in CLASS.items() if k != "class"}, "missing key 'class'"),
    ("{not json", "not valid JSON"),
])
def test_regimens_bad_line_reported_with_file_and_line(tmp_path, line, problem):
    with pytest.raises(PatternError) as info:
        load_regimen_classes(_folder(tmp_path, [line]))
    assert any(p.startswith("patterns/regimen_classes.jsonl:1: ") and problem in p for p in info.value.problems)


def test_regimens_every_drug_id_needs_a_class(tmp_path):
    with pytest.raises(PatternError, match="has no class line"):
        load_regimen_classes(_folder(tmp_path, [""]))


@pytest.mark.parametrize("phrase, readable", [
    ("inotuzumab ozogamicin plus mini-HCVD with or without blinatumomab", "inotuzumab + mini-HCVD ± blinatumomab"),
    ("blinatumomab and ponatinib", "blinatumomab + ponatinib"),
    ("FLAG-IDA", "FLAG-IDA"),
])
def test_regimens_readable_name(nlp, phrase, readable):
    doc = nlp(phrase)
    drugs = [(s.start_char, s.end_char, s.id_) for s in rule_spans(next(iter(doc.sents)), "DRUG")]
    assert read_regimen(doc.text, drugs, LEXICON)[1] == readable
