"""Recurring phrasings of a rate's count and denominator (twelfth round, den19): a count "of these N" (the subset an
earlier clause counted), ...
"""
from __future__ import annotations

import pytest

from phrasing_cases import run_text as _run


def _counted(record: dict) -> list[tuple]:
    """(endpoint, value, count, denominator) of every outcome, sorted."""
    return sorted((o["endpoint"], o["value"], o["count"], o["denominator"]) for o in record["outcomes"])


@pytest.mark.parametrize("text, expected", [
    # "of these N": the N is the subset's size, the number before "of" its count (was count 17, no denominator)
    ("Thirty patients were enrolled. Seventeen patients (57%) achieved CR. Ten of these 17 patients (59%) proceeded "
     "to HSCT.", [("CR", 57.0, 17.0, 30.0), ("HSCT", 59.0, 10.0, 17.0)]),
    ("Thirty patients were enrolled. Seventeen patients achieved CR, and ten of those 17 (59%) underwent allogeneic "
     "transplantation.", [("CR", 56.7, 17.0, 30), ("HSCT", 59.0, 10.0, 17.0)]),
    # without a percentage, the fraction 10/17 (was the bare "17 patients proceeded", HSCT 56.7)
    ("Thirty patients were enrolled. Seventeen patients achieved CR. Ten of these 17 patients proceeded to HSCT.",
     [("CR", 56.7, 17.0, 30), ("HSCT", 58.8, 10.0, 17.0)]),
])
def test_count_of_these_n(nlp, text, expected):
    assert _counted(_run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    # the sizes of two groups a bracket compares: "the eight" is T-ALL's size, not a count of the 76% (was count 8)
    ("The probability of CR was greater in the 17 patients with B-lineage ALL than in the eight with T-ALL (76% vs. "
     "12%).", [("CR", 12.0, None, 8.0), ("CR", 76.0, None, 17.0)]),
    # a count before such a bracket stays its count
    ("Forty patients were treated. CR was achieved in 22 patients (55% vs 30% in historical controls).",
     [("CR", 30.0, None, None), ("CR", 55.0, 22.0, 40.0)]),
])
def test_group_sizes_before_a_compared_bracket(nlp, text, expected):
    assert _counted(_run(nlp, text)) == expected
