"""Table writers: format choice, CSV and XLSX round trips through pandas, formula neutralising, escaping."""
from __future__ import annotations

import html
import json

import openpyxl
import pandas as pd
import pytest

from extractor.errors import UsageError
from extractor.study_tables import build_tables
from extractor.writers import format_for, read_table, to_markdown, write_table

HOSTILE = ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)"]


def frame_with(regimens: list[str]) -> pd.DataFrame:
    records = [{"pmid": str(30307611 + i), "relevant": True, "setting": "first salvage", "cohort_size": 48,
                "arms": [{"label": "all", "drugs": [], "n": 48, "regimen": r}],
                "outcomes": [{"arm": "all", "endpoint": "ORR", "value": 92, "unit": "%", "count": 44,
                              "denominator": 48, "evidence": {"text": "x"}}]}
               for i, r in enumerate(regimens)]
    return build_tables(records).study


@pytest.mark.parametrize(("name", "explicit", "expected"), [
    ("t.csv", None, "csv"), ("t.XLSX", None, "xlsx"), ("t.md", None, "md"), ("t.json", None, "json"),
    ("t.html", None, "html"), ("t.txt", None, "csv"), ("t.txt", "xlsx", "xlsx"),
])
def test_writers_format_from_option_then_suffix_then_csv(name, explicit, expected):
    assert format_for(name, explicit) == expected


def test_writers_unknown_format_is_a_usage_error():
    with pytest.raises(UsageError, match="unknown format 'pdf'"):
        format_for("t.csv", "pdf")


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_writers_csv_and_xlsx_round_trip_through_pandas(tmp_path, suffix):
    frame = frame_with(["mini-HCVD + inotuzumab", "blinatumomab"])
    path = write_table(frame, tmp_path / f"t.{suffix}")
    back = read_table(path)
    assert list(back.columns) == list(frame.columns)
    expected = frame.astype(object).where(frame.notna(), None)
    got = back.astype(object).where(back.notna(), None)
    for column in frame.columns:
        for want, have in zip(expected[column], got[column]):
            if isinstance(want, (int, float)) and not isinstance(want, bool) and have is not None:
                assert float(have) == pytest.approx(float(want)), column
            else:
                assert (str(have) if have is not None else None) == (str(want) if want is not None else None), column


@pytest.mark.parametrize("suffix", ["csv", "xlsx", "md", "json", "html"])
def test_writers_neutralise_formula_cells_in_every_format(tmp_path, suffix):
    path = write_table(frame_with(HOSTILE), tmp_path / f"t.{suffix}")
    if suffix in ("csv", "xlsx"):
        cells = read_table(path)["regimen"].tolist()
    elif suffix == "json":
        cells = [row["regimen"] for row in json.loads(path.read_text())]
    else:
        text = path.read_text()
        escape = (lambda c: html.escape(c)) if suffix == "html" else (lambda c: html.escape(c, quote=False))
        cells = [c for c in ("'" + h for h in HOSTILE) if f">{escape(c)}<" in text or f"| {escape(c)} |" in text]
    assert sorted(cells) == sorted("'" + h for h in HOSTILE)


def test_writers_xlsx_has_pubmed_links_and_a_frozen_header(tmp_path):
    path = write_table(frame_with(["blinatumomab"]), tmp_path / "t.xlsx")
    sheet = openpyxl.load_workbook(path).active
    assert sheet.freeze_panes == "A2"
    assert sheet["A2"].value == "30307611"
    assert sheet["A2"].hyperlink.target == "https://pubmed.ncbi.nlm.nih.gov/30307611/"


def test_writers_markdown_escapes_pipes_and_markup():
    text = to_markdown(frame_with(["a | b <script>"]))
    assert "a \\| b &lt;script&gt;" in text and "<script>" not in text


def test_writers_html_escapes_cells(tmp_path):
    path = write_table(frame_with(["<img src=x onerror=alert(1)>"]), tmp_path / "t.html")
    assert "<img" not in path.read_text() and "&lt;img src=x onerror=alert(1)&gt;" in path.read_text()
