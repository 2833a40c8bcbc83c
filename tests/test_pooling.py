"""Pooling: DerSimonian-Laird on logits and Wilson intervals, checked against formulas computed here by hand."""
from __future__ import annotations

import math

import pytest

from extractor.pooling import Proportion, from_rate, logit_effect, pool, proportion, wilson_interval

Z = 1.959963984540054  # the 97.5% normal quantile


def direct_wilson(x: int, n: int) -> tuple[float, float]:
    p = x / n
    centre = (p + Z * Z / (2 * n)) / (1 + Z * Z / n)
    half = Z / (1 + Z * Z / n) * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n))
    return centre - half, centre + half


def direct_dl(studies: list[tuple[int, int]]) -> dict:
    """DerSimonian & Laird (1986) by the textbook steps, on logits, 0.5 added to 0 or n events."""
    ys, vs = [], []
    for x, n in studies:
        if x in (0, n):
            x, n = x + 0.5, n + 1
        ys.append(math.log(x / (n - x)))
        vs.append(1 / x + 1 / (n - x))
    w = [1 / v for v in vs]
    fixed = sum(wi * yi for wi, yi in zip(w, ys)) / sum(w)
    q = sum(wi * (yi - fixed) ** 2 for wi, yi in zip(w, ys))
    df = len(studies) - 1
    c = sum(w) - sum(wi * wi for wi in w) / sum(w)
    tau2 = max(0.0, (q - df) / c)
    w_re = [1 / (v + tau2) for v in vs]
    mu = sum(wi * yi for wi, yi in zip(w_re, ys)) / sum(w_re)
    se = math.sqrt(1 / sum(w_re))
    expit = lambda t: 1 / (1 + math.exp(-t))  # noqa: E731
    return {"estimate": expit(mu), "low": expit(mu - Z * se), "high": expit(mu + Z * se), "tau2": tau2,
            "i2": max(0.0, (q - df) / q) if q > 0 else 0.0}


@pytest.mark.parametrize(("x", "n"), [(44, 48), (1, 10), (30, 60), (7, 7)])
def test_pooling_wilson_interval_matches_the_score_formula(x, n):
    assert wilson_interval(x, n) == pytest.approx(direct_wilson(x, n), abs=1e-9)


def test_pooling_wilson_interval_of_zero_of_ten_is_the_textbook_value():
    # Newcombe (1998), Statistics in Medicine 17:857, table I: 0/10 gives 0.0000 to 0.2775.
    low, high = wilson_interval(0, 10)
    assert (round(low, 4), round(high, 4)) == (0.0, 0.2775)


def test_pooling_single_study_gives_its_rate_with_a_wilson_ci():
    result = pool([Proportion(44, 48)])
    assert (result.k, result.patients, result.i2, result.method) == (1, 48, None, "wilson")
    assert (result.estimate, result.ci_low, result.ci_high) == pytest.approx((44 / 48, *direct_wilson(44, 48)))


@pytest.mark.parametrize("studies", [
    [(44, 48), (35, 48), (81, 109)],           # heterogeneous CR/CRi rates
    [(10, 50), (12, 50), (11, 50)],            # homogeneous: tau2 = 0
    [(0, 20), (3, 25), (1, 40), (5, 31)],      # a study with no events (continuity correction)
    [(20, 20), (18, 22)],                      # a study where every patient responded
])
def test_pooling_dersimonian_laird_matches_the_direct_formula(studies):
    result = pool([Proportion(x, n) for x, n in studies])
    expected = direct_dl(studies)
    assert result.method.startswith("DerSimonian-Laird")
    assert result.estimate == pytest.approx(expected["estimate"], rel=1e-9)
    assert (result.ci_low, result.ci_high) == pytest.approx((expected["low"], expected["high"]), rel=1e-9)
    assert result.tau2 == pytest.approx(expected["tau2"], abs=1e-12)
    assert result.i2 == pytest.approx(expected["i2"], abs=1e-9)
    assert result.k == len(studies) and result.patients == sum(n for _, n in studies)


def test_pooling_homogeneous_studies_have_no_heterogeneity():
    result = pool([Proportion(10, 50), Proportion(10, 50), Proportion(10, 50)])
    assert result.i2 == 0.0 and result.tau2 == 0.0 and result.estimate == pytest.approx(0.2)


@pytest.mark.parametrize(("study", "effect"), [
    (Proportion(0, 20), (math.log(0.5 / 20.5), 1 / 0.5 + 1 / 20.5)),
    (Proportion(20, 20), (math.log(20.5 / 0.5), 1 / 20.5 + 1 / 0.5)),
    (Proportion(5, 20), (math.log(5 / 15), 1 / 5 + 1 / 15)),
])
def test_pooling_logit_effect_corrects_only_zero_or_all_events(study, effect):
    assert logit_effect(study) == pytest.approx(effect)


def test_pooling_no_study_pools_to_nothing():
    assert pool([]) is None


@pytest.mark.parametrize(("events", "total", "expected"), [
    (44, 48, Proportion(44, 48)), (None, 48, None), (44, None, None), (49, 48, None), (-1, 48, None),
    (3, 0, None), ("x", 4, None),
])
def test_pooling_proportion_needs_a_consistent_count_and_denominator(events, total, expected):
    assert proportion(events, total) == expected


@pytest.mark.parametrize(("percent", "n", "expected"), [
    (92, 48, Proportion(44, 48)), (33.3, 3, Proportion(1, 3)), (None, 48, None), (50, None, None), (120, 10, None),
])
def test_pooling_from_rate_rebuilds_events_from_a_percentage_and_n(percent, n, expected):
    assert from_rate(percent, n) == expected
