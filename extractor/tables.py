"""Tabulating (pandas): extracted records to DataFrames with a fixed column order, and their writers.

Missing values are NaN/None, never sentinel strings. Text cells that a spreadsheet would read as a formula
(starting with = + - @, or a tab or carriage return) are neutralised with a leading apostrophe.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pandas as pd

VALUE_COLUMNS = [
    "pmid", "kind", "arm", "name", "value", "value_max", "unit", "count", "denominator", "timepoint_months",
    "ci_low", "ci_high", "p", "per", "computed", "flags", "section", "start", "end", "evidence",
]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def value_rows(article: dict) -> Iterator[dict]:
    """One flat row per extracted value of one article (scalars, outcomes, doses, comparisons)."""
    pmid = article.get("pmid")
    for name in ("cohort_size", "median_age_years", "median_follow_up_months"):
        if article.get(name) is not None:
            evidence = (article.get("evidence") or {}).get(name)
            yield _row(pmid, "scalar", {"value": article[name]}, name, evidence)
    for outcome in article.get("outcomes", []):
        yield _row(pmid, "outcome", outcome, outcome.get("endpoint"), outcome.get("evidence"))
    for dose in article.get("doses", []):
        yield _row(pmid, "dose", {**dose, "value": dose.get("dose"), "value_max": dose.get("dose_max")},
                   dose.get("drug"), dose.get("evidence"))
    for comparison in article.get("comparisons", []):
        name = "/".join(filter(None, [comparison.get("measure"), comparison.get("endpoint")]))
        yield _row(pmid, "comparison", comparison, name, comparison.get("evidence"))


def values_frame(articles: Iterable[dict]) -> pd.DataFrame:
    """All values of the given articles as one DataFrame in VALUE_COLUMNS order."""
    rows = [row for article in articles for row in value_rows(article)]
    return pd.DataFrame(rows, columns=VALUE_COLUMNS)


def write_values_csv(articles: Iterable[dict], path: Path, chunk: int = 500) -> int:
    """Stream the values of many articles to one CSV, `chunk` articles at a time.

    Returns:
        The number of rows written.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    written, batch, header = 0, [], True
    with path.open("w", encoding="utf-8", newline="") as fh:
        for article in articles:
            batch.append(article)
            if len(batch) >= chunk:
                written += _append(batch, fh, header)
                batch, header = [], False
        written += _append(batch, fh, header)
    return written


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Prefix text cells a spreadsheet would run as a formula with an apostrophe (numbers are left alone)."""
    def safe(cell):
        return "'" + cell if isinstance(cell, str) and cell.startswith(_FORMULA_START) else cell

    return frame.map(safe)


def _append(articles: list[dict], fh, header: bool) -> int:
    frame = values_frame(articles)
    if header or len(frame):
        neutralise_formulas(frame).to_csv(fh, index=False, header=header)
    return len(frame)


def _row(pmid, kind: str, record: dict, name, evidence: dict | None) -> dict:
    evidence = evidence or {}
    ci = record.get("ci95") or [None, None]
    return {
        "pmid": pmid, "kind": kind, "arm": record.get("arm"), "name": name,
        "value": record.get("value"), "value_max": record.get("value_max"), "unit": record.get("unit"),
        "count": record.get("count"), "denominator": record.get("denominator"),
        "timepoint_months": record.get("timepoint_months"), "ci_low": ci[0], "ci_high": ci[1],
        "p": record.get("p"), "per": record.get("per"), "computed": record.get("computed"),
        "flags": ";".join(record.get("flags") or []) or None,
        "section": evidence.get("section"), "start": evidence.get("start"), "end": evidence.get("end"),
        "evidence": evidence.get("text"),
    }
