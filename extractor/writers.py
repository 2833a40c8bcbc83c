"""Writing tables (pandas, openpyxl): CSV, XLSX, Markdown, JSON and plain HTML, chosen by format or suffix.

Every format neutralises text cells a spreadsheet would run as a formula (tables.neutralise_formulas), and the
HTML and Markdown writers escape markup, so a hostile title or label is shown, never run.
"""
from __future__ import annotations

import html
import json
import math
from pathlib import Path

import pandas as pd

from extractor.errors import UsageError
from extractor.tables import neutralise_formulas

FORMATS = ("csv", "xlsx", "md", "json", "html")
_SUFFIXES = {".csv": "csv", ".xlsx": "xlsx", ".md": "md", ".markdown": "md", ".json": "json", ".html": "html",
             ".htm": "html"}
# Columns read back as text, so PMIDs keep their form and cells like "7" stay strings.
TEXT_COLUMNS = ("pmid",)


def format_for(path: Path, explicit: str | None = None) -> str:
    """The output format: the explicit one, else from the file's suffix, else CSV."""
    if explicit:
        if explicit.lower() not in FORMATS:
            raise UsageError(f"unknown format {explicit!r}; use one of {', '.join(FORMATS)}")
        return explicit.lower()
    return _SUFFIXES.get(Path(path).suffix.lower(), "csv")


def write_table(frame: pd.DataFrame, path: Path, fmt: str | None = None, title: str = "Evidence table") -> Path:
    """Write a table in one format (default from the suffix, CSV otherwise).

    Example:
        >>> write_table(tables.study, Path("output/studies.xlsx"))
    """
    fmt = format_for(path, fmt)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    safe = neutralise_formulas(frame)
    if fmt == "csv":
        safe.to_csv(path, index=False)
    elif fmt == "xlsx":
        _write_xlsx(safe, path)
    elif fmt == "md":
        path.write_text(to_markdown(safe), encoding="utf-8")
    elif fmt == "json":
        path.write_text(json.dumps(_records(safe), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    else:
        path.write_text(to_html_page(safe, title), encoding="utf-8")
    return path


def read_table(path: Path) -> pd.DataFrame:
    """Read a CSV or XLSX written by write_table back into a DataFrame (PMIDs as text)."""
    path = Path(path)
    dtypes = {col: str for col in TEXT_COLUMNS}
    if path.suffix.lower() == ".xlsx":
        return pd.read_excel(path, dtype=dtypes, engine="openpyxl")
    return pd.read_csv(path, dtype=dtypes)


def to_markdown(frame: pd.DataFrame) -> str:
    """A GitHub-flavoured Markdown table; pipes, newlines and markup in cells are escaped."""
    cols = list(frame.columns)
    lines = ["| " + " | ".join(_md(c) for c in cols) + " |", "|" + "---|" * len(cols)]
    for row in frame.itertuples(index=False):
        lines.append("| " + " | ".join(_md(_text(v)) for v in row) + " |")
    return "\n".join(lines) + "\n"


def to_html_table(frame: pd.DataFrame, table_id: str = "table") -> str:
    """An HTML <table> with every cell escaped."""
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(_text(v))}</td>" for v in row) + "</tr>\n"
        for row in frame.itertuples(index=False)
    )
    return f'<table id="{html.escape(table_id)}"><thead><tr>{head}</tr></thead><tbody>\n{body}</tbody></table>'


def to_html_page(frame: pd.DataFrame, title: str) -> str:
    """A self-contained HTML page holding one table."""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(title)}</title><style>table{{border-collapse:collapse;font:13px sans-serif}}"
        "td,th{border:1px solid #ccc;padding:2px 6px;vertical-align:top}th{background:#eee}</style></head>"
        f"<body><h1>{html.escape(title)}</h1>\n{to_html_table(frame)}\n</body></html>\n"
    )


def _write_xlsx(frame: pd.DataFrame, path: Path) -> None:
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        frame.to_excel(writer, index=False, sheet_name="table", freeze_panes=(1, 0))
        sheet = writer.sheets["table"]
        cols = list(frame.columns)
        if "pmid" in cols:
            # PubMed links: the PMID cell itself is the hyperlink, so the table stays one value per cell.
            col = cols.index("pmid") + 1
            urls = frame["url"].tolist() if "url" in cols else [None] * len(frame)
            for i, (pmid, url) in enumerate(zip(frame["pmid"].tolist(), urls), start=2):
                if pmid:
                    cell = sheet.cell(row=i, column=col)
                    cell.hyperlink = url or f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/"
                    cell.style = "Hyperlink"
        for i, name in enumerate(cols, start=1):
            width = min(50, max([len(str(name))] + [len(_text(v)) for v in frame[name].head(200)]) + 2)
            sheet.column_dimensions[sheet.cell(row=1, column=i).column_letter].width = width


def _records(frame: pd.DataFrame) -> list[dict]:
    return [{k: _json_value(v) for k, v in row.items()} for row in frame.to_dict(orient="records")]


def _json_value(value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def _text(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _md(text: str) -> str:
    return html.escape(text, quote=False).replace("|", "\\|").replace("\n", " ").replace("\r", " ")
