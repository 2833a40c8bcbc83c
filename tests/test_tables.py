"""Tabulating: values to rows with a fixed column order, CSV streaming, formula neutralisation."""
from __future__ import annotations

import pandas as pd
import pytest

from extractor.tables import VALUE_COLUMNS, neutralise_formulas, value_rows, values_frame, write_values_csv

EVIDENCE = {"section": "RESULTS", "start": 4, "end": 20, "text": "44 patients (92%)"}
ARTICLE = {
    "pmid": "1",
    "cohort_size": 48,
    "outcomes": [{"arm": "all", "endpoint": "ORR", "value": 92, "unit": "%", "count": 44, "denominator": 48,
                  "timepoint_months": None, "ci95": None, "flags": [], "evidence": EVIDENCE}],
    "doses": [{"drug": "inotuzumab ozogamicin", "dose": 1.8, "dose_max": None, "unit": "mg/m2", "per": "cycle",
               "evidence": EVIDENCE}],
    "comparisons": [{"endpoint": "OS", "measure": "HR", "value": 0.71, "ci95": [0.55, 0.93], "p": "0.01",
                     "evidence": EVIDENCE}],
}


def test_tables_value_rows_flatten_every_kind():
    kinds = [row["kind"] for row in value_rows(ARTICLE)]
    assert kinds == ["scalar", "outcome", "dose", "comparison"]


def test_tables_comparison_row_splits_the_ci_and_names_measure_and_endpoint():
    row = list(value_rows(ARTICLE))[-1]
    assert (row["name"], row["ci_low"], row["ci_high"], row["p"]) == ("HR/OS", 0.55, 0.93, "0.01")


def test_tables_frame_has_the_fixed_column_order():
    assert list(values_frame([ARTICLE]).columns) == VALUE_COLUMNS


@pytest.mark.parametrize("cell", ["=SUM(A1)", "+1", "-2+3", "@cmd", "\tx"])
def test_tables_formula_cells_are_neutralised(cell):
    out = neutralise_formulas(pd.DataFrame({"a": [cell]}))
    assert out.loc[0, "a"] == "'" + cell


def test_tables_numbers_and_plain_text_are_left_alone():
    out = neutralise_formulas(pd.DataFrame({"a": [-1.5, "CR 80%"]}))
    assert out["a"].tolist() == [-1.5, "CR 80%"]


def test_tables_csv_streams_in_chunks_and_reads_back(tmp_path):
    path = tmp_path / "v.csv"
    articles = [{**ARTICLE, "pmid": str(i)} for i in range(7)]
    written = write_values_csv(articles, path, chunk=3)
    frame = pd.read_csv(path, dtype={"pmid": str})
    assert written == len(frame) == 28
    assert frame["pmid"].unique().tolist() == [str(i) for i in range(7)]


def test_tables_csv_of_no_values_still_has_a_header(tmp_path):
    path = tmp_path / "v.csv"
    write_values_csv([{"pmid": "1"}], path)
    assert path.read_text().strip().split(",") == VALUE_COLUMNS
