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
            evidence = (article.get("scalar_evidence") or {}).get(name)
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


class ValuesCsvWriter:
    """Streams the values of many articles to one CSV, flushing every `chunk` articles.

    Example:
        >>> with ValuesCsvWriter(Path("output/values.csv")) as csv_out:
        ...     csv_out.add(article_dict)
    """

    def __init__(self, path: Path, chunk: int = 200):
        path.parent.mkdir(parents=True, exist_ok=True)
        self._fh = path.open("w", encoding="utf-8", newline="")
        self._chunk, self._batch, self._header = chunk, [], True
        self.rows_written = 0

    def add(self, article: dict) -> None:
        self._batch.append(article)
        if len(self._batch) >= self._chunk:
            self._flush()

    def close(self) -> None:
        self._flush()
        self._fh.close()

    def __enter__(self) -> "ValuesCsvWriter":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _flush(self) -> None:
        frame = values_frame(self._batch)
        if self._header or len(frame):
            neutralise_formulas(frame).to_csv(self._fh, index=False, header=self._header)
            self._fh.flush()
        self.rows_written += len(frame)
        self._batch, self._header = [], False


def write_values_csv(articles: Iterable[dict], path: Path, chunk: int = 200) -> int:
    """Write the values of many articles to one CSV, streaming; returns the number of rows written."""
    with ValuesCsvWriter(path, chunk) as writer:
        for article in articles:
            writer.add(article)
    return writer.rows_written


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Prefix text cells a spreadsheet would run as a formula with an apostrophe (numbers are left alone)."""
    def safe(cell):
        return "'" + cell if isinstance(cell, str) and cell.startswith(_FORMULA_START) else cell

    return frame.map(safe)


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
