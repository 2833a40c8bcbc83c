"""extraction/checks.py: consistency flags on extracted values."""
from __future__ import annotations

import pytest

from extractor.extraction import checks


@pytest.mark.parametrize(
    "value, ci, flags",
    [
        (0.71, [0.55, 0.93], []), (0.55, [0.55, 0.93], []), (1.2, [0.55, 0.93], ["ci_excludes_estimate"]),
        (0.71, [0.93, 0.55], ["ci_reversed"]), (0.71, None, []), (None, [0.5, 0.9], []),
    ],
)
def test_checks_ci_flags(value, ci, flags):
    assert checks.ci_flags(value, ci) == flags


@pytest.mark.parametrize(
    "value, count, denominator, flags",
    [
        (92, 44, 48, []), (91.7, 44, 48, []), (80, 44, 48, ["count_percent_mismatch"]),
        (480, None, None, ["percent_over_100"]), (50, -3, None, ["negative_count"]),
        (-5, None, None, ["negative_value"]), (100, 12, 10, ["count_over_denominator", "count_percent_mismatch"]),
    ],
)
def test_checks_rate_flags(value, count, denominator, flags):
    assert checks.rate_flags(value, count, denominator) == flags


def test_checks_months_are_not_capped_at_100():
    assert checks.rate_flags(120, unit="months") == []


def test_checks_outcome_flags_combines_rate_and_ci():
    outcome = {"value": 30, "unit": "%", "count": 20, "denominator": 40, "ci95": [35, 60]}
    assert checks.outcome_flags(outcome) == ["count_percent_mismatch", "ci_excludes_estimate"]


@pytest.mark.parametrize(
    "flags, nonsense",
    [(["percent_over_100"], True), (["negative_count"], True), (["count_percent_mismatch"], False), ([], False)],
)
def test_checks_is_nonsense(flags, nonsense):
    assert checks.is_nonsense(flags) is nonsense


def test_checks_outcome_flags_leave_an_inferred_denominator_out_of_the_count_checks():
    """A denominator read from the group's size (denominator_inferred) is no printed number to check against the
    count; the flag itself is kept, and a printed denominator is still checked."""
    inferred = {"value": 38, "unit": "%", "count": 10, "denominator": 42, "flags": [checks.DENOMINATOR_INFERRED]}
    assert checks.outcome_flags(inferred) == [checks.DENOMINATOR_INFERRED]
    assert checks.outcome_flags({**inferred, "flags": []}) == [checks.COUNT_PERCENT_MISMATCH]
