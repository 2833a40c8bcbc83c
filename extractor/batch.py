"""Batch extraction: articles in, JSON lines (and optionally a values CSV) out, one article at a time.

Each article's line is flushed as soon as it is extracted, so an interrupted run keeps everything done so far.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path

from extractor.models import Article
from extractor.parallel import extraction_records
from extractor.tables import ValuesCsvWriter


def extract_to_files(
    articles: Iterable[Article],
    patterns_dir: Path,
    out_jsonl: Path,
    out_csv: Path | None = None,
    progress: Callable[[int], None] | None = None,
    jobs: int = 1,
) -> int:
    """Extract every article and write it as one JSON line (and its values as CSV rows).

    Args:
        articles: parsed articles, consumed lazily.
        patterns_dir: the rule files the pipeline is built from.
        out_jsonl: the JSON Lines file, one article per line in the gold schema.
        out_csv: optional CSV with one row per extracted value.
        progress: called with 1 after each article.
        jobs: worker processes (1: extract in this process).

    Returns:
        The number of articles written.
    """
    records = extraction_records(articles, patterns_dir, jobs)
    out_jsonl.parent.mkdir(parents=True, exist_ok=True)
    csv_writer = ValuesCsvWriter(out_csv) if out_csv else None
    written = 0
    try:
        with out_jsonl.open("w", encoding="utf-8") as fh:
            for record in records:
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
                fh.flush()
                if csv_writer:
                    csv_writer.add(record)
                written += 1
                if progress:
                    progress(1)
    finally:
        if csv_writer:
            csv_writer.close()
    return written
