"""Trial identity (extractor.trials): registry numbers from PubMed's DataBankList and the abstract text, and the
reports of one trial grouped through shared numbers."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractor.models import AbstractSection, Article
from extractor.patterns import PatternError, load_registries
from extractor.trials import same_trial_clusters, trial_ids


@pytest.fixture(scope="module")
def registries():
    return load_registries(Path(__file__).resolve().parent.parent / "patterns")


def _article(text="", title="", databanks=()):
    return Article(pmid="1", title=title, sections=(AbstractSection(None, None, text),), databanks=databanks)


@pytest.mark.parametrize("text, ids", [
    ("This trial was registered at www.clinicaltrials.gov as #NCT01564784.", ("NCT01564784",)),
    ("(ClinicalTrials.gov number, NCT 01564784)", ("NCT01564784",)),  # a space after the prefix
    ("Registered: NCT01363297 and NCT01564784; pooled analysis.", ("NCT01363297", "NCT01564784")),
    ("EudraCT number, 2010-020584-13.", ("EudraCT 2010-020584-13",)),
    ("Current Controlled Trials ISRCTN12345678.", ("ISRCTN12345678",)),
    ("registered at chictr.org.cn (ChiCTR-OIC-17011310)", ("ChiCTR-OIC-17011310",)),
    # a date-like number without its registry's name, and a short NCT-like code, are not registrations
    ("Accrual ran 2010-020584-13 in total; NCT0156 was a typo.", ()),
])
def test_trials_registry_numbers_printed_in_the_abstract(registries, text, ids):
    assert trial_ids(_article(text), registries) == ids


def test_trials_databank_entries_of_registries_only(registries):
    banks = (("ClinicalTrials.gov", "NCT01564784"), ("EudraCT", "2010-020584-13"), ("GENBANK", "AB000001"))
    article = _article("No number printed here.", databanks=banks)
    assert trial_ids(article, registries) == ("EudraCT 2010-020584-13", "NCT01564784")


def test_trials_the_same_number_in_the_databank_and_the_text_is_one(registries):
    article = _article("ClinicalTrials.gov: NCT01564784.", databanks=(("ClinicalTrials.gov", "NCT01564784"),))
    assert trial_ids(article, registries) == ("NCT01564784",)


def test_trials_clusters_are_transitive_through_a_pooled_analysis():
    # report 2 pools the trials of reports 0 and 3; report 1 has no number; report 4 is another trial
    reports = [("NCT1",), (), ("NCT1", "NCT2"), ("NCT2",), ("NCT3",)]
    assert same_trial_clusters(reports) == [0, 1, 0, 0, 4]


@pytest.mark.parametrize("line, problem", [
    ('{"registry": "X", "pattern": "X\\\\d+", "id": "X{id}", "example": "X1"}', "group named 'id'"),
    ('{"registry": "X", "pattern": "X(?P<id>\\\\d+", "id": "X{id}", "example": "X1"}', "not a valid regex"),
    ('{"registry": "X", "pattern": "X(?P<id>\\\\d+)", "id": "X", "example": "X1"}', "holding {id}"),
    ('{"registry": "X", "pattern": "X(?P<id>\\\\d+)", "id": "X{id}", "example": "Y"}', "holds no number"),
    ('{"registry": "X", "pattern": "X(?P<id>\\\\d+)", "id": "X{id}", "example": "X1", "url": "u"}', "unknown key"),
])
def test_trials_registry_file_is_validated(tmp_path, line, problem):
    (tmp_path / "registries.jsonl").write_text(line + "\n", encoding="utf-8")
    with pytest.raises(PatternError) as caught:
        load_registries(tmp_path)
    assert problem in str(caught.value) and "registries.jsonl:1" in str(caught.value)
