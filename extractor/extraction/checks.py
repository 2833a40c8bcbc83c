"""Consistency checks on extracted values: each returns flags (short codes), never a corrected number.

The extractors attach the flags to the value (`flags`), so a reader of the evidence table sees that a printed
count and percentage disagree instead of the extractor silently picking one. Values that cannot be real (a rate of
480%, a negative count) are flagged here; whether to keep or drop them is the caller's choice, and the extractors
drop them: a number that cannot be true is not evidence.
"""
from __future__ import annotations

# A printed percentage is usually rounded to a whole number, sometimes truncated: up to one point off is honest.
PERCENT_TOLERANCE = 1.0

CI_EXCLUDES_ESTIMATE = "ci_excludes_estimate"
CI_REVERSED = "ci_reversed"
PERCENT_OVER_100 = "percent_over_100"
NEGATIVE_VALUE = "negative_value"
NEGATIVE_COUNT = "negative_count"
COUNT_OVER_DENOMINATOR = "count_over_denominator"
COUNT_PERCENT_MISMATCH = "count_percent_mismatch"
# Not a failed check but a warning: the denominator is the size of the rate's group, not printed beside the rate
# (extraction/denominators.py). It was chosen to agree with the printed percentage, so the count checks, which
# compare printed numbers, leave it out.
DENOMINATOR_INFERRED = "denominator_inferred"
NONSENSE = frozenset({PERCENT_OVER_100, NEGATIVE_VALUE, NEGATIVE_COUNT, COUNT_OVER_DENOMINATOR})


def ci_flags(value: float | None, ci: list[float] | tuple[float, float] | None) -> list[str]:
    """Flags of an estimate and its confidence interval.

    Args:
        value: the estimate (a ratio, a rate, a median).
        ci: [low, high] as printed, or None.

    Returns:
        [] when there is nothing to check or the CI contains the estimate; "ci_reversed" when low > high;
        "ci_excludes_estimate" when the estimate lies outside [low, high].
    """
    if value is None or not ci or len(ci) != 2 or None in ci:
        return []
    low, high = ci
    if low > high:
        return [CI_REVERSED]
    return [] if low <= value <= high else [CI_EXCLUDES_ESTIMATE]


def rate_flags(value: float | None, count: float | None = None, denominator: float | None = None,
               unit: str | None = "%") -> list[str]:
    """Flags of a rate with its count and denominator.

    Args:
        value: the printed (or computed) percentage; None for a median not reached.
        count: the printed count, if any.
        denominator: the printed denominator, if any.
        unit: "%" for a rate; anything else (months) only gets the sign checks.

    Returns:
        Flags among percent_over_100, negative_value, negative_count, count_over_denominator and
        count_percent_mismatch (100 n / N differs from the printed % by more than PERCENT_TOLERANCE points).
    """
    flags = []
    if value is not None and value < 0:
        flags.append(NEGATIVE_VALUE)
    if unit == "%" and value is not None and value > 100:
        flags.append(PERCENT_OVER_100)
    if (count is not None and count < 0) or (denominator is not None and denominator < 0):
        flags.append(NEGATIVE_COUNT)
    if count is not None and denominator is not None and denominator > 0 and count > denominator:
        flags.append(COUNT_OVER_DENOMINATOR)
    if (unit == "%" and value is not None and count is not None and denominator
            and abs(100 * count / denominator - value) > PERCENT_TOLERANCE):
        flags.append(COUNT_PERCENT_MISMATCH)
    return flags


def outcome_flags(outcome: dict) -> list[str]:
    """All flags of an outcome dict (gold schema keys value, unit, count, denominator, ci95); a denominator flagged
    `denominator_inferred` is not a printed one, and the flag is kept."""
    inferred = DENOMINATOR_INFERRED in (outcome.get("flags") or [])
    denominator = None if inferred else outcome.get("denominator")
    flags = rate_flags(outcome.get("value"), outcome.get("count"), denominator, outcome.get("unit"))
    return [DENOMINATOR_INFERRED] * inferred + flags + ci_flags(outcome.get("value"), outcome.get("ci95"))


def is_nonsense(flags: list[str]) -> bool:
    """True when a flag says the value cannot be real (not merely inconsistent with its neighbour)."""
    return any(flag in NONSENSE for flag in flags)
