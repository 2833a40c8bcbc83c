"""Pooling proportions across studies (statsmodels): random effects, DerSimonian-Laird, on the logit scale.

Why these choices: salvage-ALL studies differ in population, dose and era, so a fixed common rate is not
plausible and a random-effects model is the honest default; DerSimonian-Laird is the estimator readers know and
reviews report, and it is closed-form (no iteration that can fail to converge on 2-3 studies). Rates near 0% or
100% (VOD, CR after CAR T) are skewed on the raw scale, so they are pooled as logits and transformed back, which
keeps every interval inside [0, 1]. A study with 0 or n events has an infinite logit: 0.5 is added to events and
non-events of that study (the usual continuity correction). A single study is not pooled: its rate gets a Wilson
95% interval, which behaves well at small n and extreme rates where the Wald interval does not.
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from statsmodels.stats.meta_analysis import combine_effects
from statsmodels.stats.proportion import proportion_confint

CONTINUITY = 0.5


@dataclass(frozen=True)
class Proportion:
    """One study's events out of patients, with where it came from (a label for plots and tables)."""

    events: int
    total: int
    label: str = ""

    @property
    def rate(self) -> float:
        return self.events / self.total


@dataclass(frozen=True)
class Pooled:
    """A pooled (or single-study) rate in [0, 1] with its 95% CI; `i2` is None for a single study."""

    estimate: float
    ci_low: float
    ci_high: float
    k: int
    patients: int
    i2: float | None = None
    tau2: float | None = None
    method: str = "wilson"

    def to_dict(self) -> dict:
        return {
            "estimate": self.estimate, "ci_low": self.ci_low, "ci_high": self.ci_high, "k": self.k,
            "patients": self.patients, "i2": self.i2, "tau2": self.tau2, "method": self.method,
        }


def proportion(events: int | float | None, total: int | float | None, label: str = "") -> Proportion | None:
    """A Proportion from a count and denominator, or None when either is missing or they are inconsistent."""
    if events is None or total is None:
        return None
    try:
        events_i, total_i = int(round(float(events))), int(round(float(total)))
    except (TypeError, ValueError):
        return None
    if total_i <= 0 or not 0 <= events_i <= total_i:
        return None
    return Proportion(events_i, total_i, label)


def from_rate(percent: float | None, n: int | None, label: str = "") -> Proportion | None:
    """A Proportion from a printed percentage and the arm's n (events = round(percent * n / 100))."""
    if percent is None or n is None or not 0 <= float(percent) <= 100:
        return None
    return proportion(round(float(percent) * int(n) / 100), n, label)


def wilson_interval(events: int, total: int, alpha: float = 0.05) -> tuple[float, float]:
    """Wilson score interval of one proportion.

    Example:
        >>> wilson_interval(44, 48)  # (0.804..., 0.967...)
    """
    low, high = proportion_confint(events, total, alpha=alpha, method="wilson")
    return float(low), float(high)


def logit_effect(study: Proportion) -> tuple[float, float]:
    """The logit of a study's rate and its variance, with a continuity correction at 0 or n events."""
    events, total = float(study.events), float(study.total)
    if study.events in (0, study.total):
        events, total = events + CONTINUITY, total + 2 * CONTINUITY
    non_events = total - events
    return math.log(events / non_events), 1.0 / events + 1.0 / non_events


def pool(studies: Sequence[Proportion], alpha: float = 0.05) -> Pooled | None:
    """Pool proportions: one study gives its rate with a Wilson CI, several a DerSimonian-Laird random-effects
    estimate on the logit scale (statsmodels `combine_effects`, method_re="dl"), transformed back.

    Args:
        studies: the rates of one endpoint in one setting (the caller groups like with like).
        alpha: 1 - confidence level.

    Returns:
        The pooled rate in [0, 1], or None when there is no study.
    """
    studies = list(studies)
    if not studies:
        return None
    patients = sum(s.total for s in studies)
    if len(studies) == 1:
        only = studies[0]
        low, high = wilson_interval(only.events, only.total, alpha)
        return Pooled(only.rate, low, high, 1, patients)
    effects, variances = zip(*(logit_effect(s) for s in studies))
    with np.errstate(divide="ignore", invalid="ignore"):  # Q = 0 (identical studies) divides by zero inside
        result = combine_effects(np.array(effects), np.array(variances), method_re="dl", alpha=alpha)
        frame = result.summary_frame()
    tau2 = float(result.tau2)
    # statsmodels (0.14, 0.15) leaves the DL moment estimate (Q - df) / C untruncated: when Q < df it is negative
    # and its "random effect" row weights by 1 / (v + tau2) with tau2 < 0, which shrinks the CI to nothing.
    # DerSimonian and Laird truncate at 0, where the random-effects estimate is the fixed-effect one.
    row = frame.loc["random effect"] if tau2 > 0 else frame.loc["fixed effect"]
    return Pooled(
        _expit(row["eff"]), _expit(row["ci_low"]), _expit(row["ci_upp"]), len(studies), patients,
        i2=float(max(0.0, result.i2)) if np.isfinite(result.i2) else 0.0, tau2=max(0.0, tau2), method="DerSimonian-Laird (logit)",
    )


def pool_groups(groups: dict[tuple, Iterable[Proportion]]) -> dict[tuple, Pooled]:
    """Pool each group separately (keys are e.g. (regimen, setting, endpoint)); empty groups are left out."""
    pooled = {key: pool(list(studies)) for key, studies in groups.items()}
    return {key: value for key, value in pooled.items() if value is not None}


def _expit(x: float) -> float:
    return float(1.0 / (1.0 + math.exp(-float(x))))
