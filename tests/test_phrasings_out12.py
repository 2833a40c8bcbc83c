"""Recurring phrasings of outcome values, written in our own words, run end to end (twelfth round): a composite
defined after its value, a group's value after "while in", and common adverse events named bare before their value.

Each case is a way results are commonly written that an earlier version got wrong (a missed value, a wrong
endpoint or group); the negative cases pin what a fix must not reach.
"""
from __future__ import annotations

import pytest

from phrasing_cases import outcome_triples as _outcomes, run_text as _run


def _values(record: dict) -> list[tuple]:
    """(endpoint, value) of every outcome, sorted: for cases whose group names belong to another reader."""
    return sorted((o["endpoint"], o["value"]) for o in record["outcomes"])


@pytest.mark.parametrize("text, values", [
    # a response rate defined as CR plus CRi/CRh after its value is CR_CRi (SCHEMA's composite convention)
    ("The overall response rate was 80%, defined as CR plus CRi.", [("CR_CRi", 80.0)]),
    ("The overall response rate was 72%, defined as complete remission or complete remission with incomplete "
     "hematologic recovery.", [("CR_CRi", 72.0)]),
    ("The response rate was 64% (defined as CR or CRh).", [("CR_CRi", 64.0)]),
    # ... and the definition holds for the article's later mentions of that rate
    ("The overall response rate was 75%, defined as CR plus CRi. The overall response rate in Ph-positive "
     "patients was 80%.", [("CR_CRi", 75.0), ("CR_CRi", 80.0)]),
    # a definition with a partial response, or of CR itself, is no composite
    ("The overall response rate was 70% (defined as CR, CRi or PR).", [("ORR", 70.0)]),
    ("The overall response rate was 70%, defined as CR, CRi or partial response.", [("ORR", 70.0)]),
    ("The ORR was 66%, defined as CR or PR.", [("ORR", 66.0)]),
    ("The CR rate was 50%, defined as less than 5% marrow blasts.", [("CR", 50.0)]),
])
def test_composite_defined_after_its_value(nlp, text, values):
    assert _values(_run(nlp, text)) == values


@pytest.mark.parametrize("text, outcomes", [
    # "while in second salvage 4.5 months": a duration printed after a line's word is a value, not the line's
    # number, and "salvage" holds no "age" before it
    ("Median OS in first salvage was 8.0 months, while in second salvage 4.5 months.",
     [("first salvage", "OS_MEDIAN", 8.0), ("second salvage", "OS_MEDIAN", 4.5)]),
    ("The CR rate in first salvage was 65%, while in second salvage 40%.",
     [("first salvage", "CR", 65.0), ("second salvage", "CR", 40.0)]),
    # ... the line's own number stays a label
    ("Median OS was 9.0 months in salvage 1 and 5.1 months in salvage 2.",
     [("salvage 1", "OS_MEDIAN", 9.0), ("salvage 2", "OS_MEDIAN", 5.1)]),
])
def test_value_after_a_line_word(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, values", [
    # a common adverse event named bare before its value owns it: it is not another CR or VOD
    ("CR rate was 60%, neutropenic fever 30%.", [("CR", 60.0)]),
    ("The CR rate was 64%; grade 3-4 adverse events included neutropenic fever (35%), pneumonia (12%) and "
     "hyperbilirubinemia (8%).", [("CR", 64.0)]),
    ("VOD occurred in 11%, hyperbilirubinemia in 20% and anemia in 30%.", [("VOD", 11.0)]),
    ("Common adverse events were neutropenic fever (40%), mucositis (20%) and elevated transaminases (15%); VOD "
     "occurred in 5%.", [("VOD", 5.0)]),
    # ... CRS's own symptoms are not such events: its bracket defines it and the value stays the CRS's
    ("CRS (fever, hypotension) occurred in 40% of patients.", [("CRS", 40.0)]),
])
def test_adverse_events_own_their_values(nlp, text, values):
    assert _values(_run(nlp, text)) == values
