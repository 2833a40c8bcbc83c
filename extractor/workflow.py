"""From articles to the evidence outputs: extraction records paired with their articles, curation applied,
tables built and written (CSV, XLSX, regimen table, HTML report). Used by `table`, `report`, `run` and `demo`.

This module joins batch extraction, curation, study_tables, writers and report; it holds no parsing or statistics.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from extractor import retrieval
from extractor.curation import Overrides, load_overrides
from extractor.errors import UsageError
from extractor.models import Article
from extractor.store import ArticleStore
from extractor.study_tables import Filters, Tables, build_tables

CURATION_FILE = "curation.csv"


@dataclass
class Evidence:
    """Extraction records and the articles they came from (by PMID; an article may be missing)."""

    records: list[dict]
    articles: dict[str, Article] = field(default_factory=dict)


@dataclass(frozen=True)
class Written:
    """The files one run wrote."""

    extracted: Path | None
    studies: tuple[Path, ...]
    regimens: Path | None
    report: Path | None
    rows: int
    studies_count: int


def extract_evidence(
    articles: Iterable[Article], patterns_dir: Path, out_jsonl: Path | None = None,
    progress: Callable[[int], None] | None = None, jobs: int = 1,
) -> Evidence:
    """Extract every article, keeping each article beside its record (and writing the JSON lines if asked).

    Args:
        articles: parsed articles.
        patterns_dir: rule folder for the pipeline.
        out_jsonl: optional JSON Lines file of the records, as `extractor extract` writes it.
        progress: called with 1 after each article.
        jobs: worker processes (1: extract in this process).
    """
    from extractor.parallel import extraction_records

    kept: dict[str, Article] = {}

    def remember(source: Iterable[Article]):
        for article in source:
            kept[article.pmid] = article
            yield article

    records = []
    handle = None
    if out_jsonl is not None:
        out_jsonl.parent.mkdir(parents=True, exist_ok=True)
        handle = out_jsonl.open("w", encoding="utf-8")
    try:
        for record in extraction_records(remember(articles), patterns_dir, jobs):
            records.append(record)
            if handle:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            if progress:
                progress(1)
    finally:
        if handle:
            handle.close()
    return Evidence(records, kept)


def read_records(path: Path) -> list[dict]:
    """Extraction records from a JSON Lines file.

    Raises:
        UsageError: the file is missing, or a line is not a JSON object with a pmid (naming file:line).
    """
    path = Path(path)
    if not path.is_file():
        raise UsageError(f"no such JSON Lines file: {path}")
    records = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise UsageError(f"{path}:{number}: not JSON ({exc.msg}); expected one record per line") from None
            if not isinstance(record, dict) or "pmid" not in record:
                raise UsageError(f"{path}:{number}: expected an extraction record with a pmid")
            records.append(record)
    return records


def stored_articles_for(store_path: Path, pmids: list[str]) -> dict[str, Article]:
    """The stored articles of these PMIDs (for authors, journals and abstracts); empty without a store."""
    if not Path(store_path).exists():
        return {}
    with ArticleStore(store_path, create=False) as db:
        return {a.pmid: a for a in retrieval.stored_articles(db, pmids)}


def curate(evidence: Evidence, curation: Path | None) -> tuple[Evidence, list[str]]:
    """Apply an overrides file (if given) to the records.

    Returns:
        The curated evidence, and warnings for overrides that matched no record.
    """
    if curation is None:
        return evidence, []
    overrides: Overrides = load_overrides(curation)
    records = [overrides.apply(r) for r in evidence.records]
    seen = {str(r.get("pmid")) for r in evidence.records}
    warnings = [f"{o.source}: PMID {o.pmid} is not among the records; override not applied"
                for o in overrides.unmatched(seen)]
    return Evidence(records, evidence.articles), warnings


def tables_of(evidence: Evidence, filters: Filters | None = None) -> Tables:
    """Study and regimen tables of (curated) evidence."""
    return build_tables(evidence.records, evidence.articles, filters)


def write_outputs(tables: Tables, evidence: Evidence, out_dir: Path, title: str) -> Written:
    """The standard outputs of `run` and `demo` in out_dir: studies.csv, studies.xlsx, regimens.csv, report.html."""
    from extractor.report import write_report
    from extractor.writers import write_table

    out_dir.mkdir(parents=True, exist_ok=True)
    studies = (write_table(tables.study, out_dir / "studies.csv"), write_table(tables.study, out_dir / "studies.xlsx"))
    regimens = write_table(tables.regimens, out_dir / "regimens.csv")
    report = write_report(out_dir / "report.html", tables, evidence.articles, title)
    return Written(out_dir / "extracted.jsonl", studies, regimens, report, len(tables.rows),
                   len({r.values["pmid"] for r in tables.rows}))


def default_curation(out_dir: Path, explicit: Path | None) -> Path | None:
    """The overrides file of a run: the one given, else out_dir/curation.csv when it exists."""
    if explicit is not None:
        return explicit
    candidate = Path(out_dir) / CURATION_FILE
    return candidate if candidate.is_file() else None
