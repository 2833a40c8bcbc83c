"""Extraction in worker processes: the same records in the same order as one process, streaming, and failures
that keep what came before. Each test starts real (spawned) workers, ~2 s each."""
from __future__ import annotations

import dataclasses
import json
from itertools import islice
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor import parallel
from extractor.cli import app
from extractor.errors import UsageError
from extractor.models import AbstractSection, Article
from extractor.pubmed_xml import iter_articles

PATTERNS = Path(__file__).resolve().parent.parent / "patterns"


@pytest.fixture(scope="module")
def demo_articles(fixtures_dir):
    return [a for path in sorted((fixtures_dir / "demo").glob("*.xml")) for a in iter_articles(path)]


def _cycled(articles, n, consumed):
    """n articles with fresh PMIDs, counting in `consumed` how many the caller has pulled."""
    for i in range(n):
        consumed.append(i)
        yield dataclasses.replace(articles[i % len(articles)], pmid=str(70_000_000 + i))


def test_workers_give_the_records_of_one_process_in_input_order(demo_articles):
    articles = list(_cycled(demo_articles, 3 * parallel.CHUNK_SIZE + 5, []))
    alone = list(parallel.extraction_records(articles, PATTERNS, jobs=1))
    together = list(parallel.extraction_records(articles, PATTERNS, jobs=2))
    assert [r["pmid"] for r in together] == [a.pmid for a in articles]
    assert together == alone


def test_workers_read_the_input_a_few_chunks_ahead_only(demo_articles):
    consumed = []
    records = parallel.extraction_records(_cycled(demo_articles, 40 * parallel.CHUNK_SIZE, consumed), PATTERNS, 2)
    first = list(islice(records, 1))
    assert first[0]["pmid"] == "70000000"
    # two chunks in flight per worker, plus the one being cut: far from the 40 chunks on offer
    assert len(consumed) <= (2 * 2 + 1) * parallel.CHUNK_SIZE
    records.close()


def test_a_failing_chunk_raises_after_the_records_before_it(demo_articles):
    good = list(_cycled(demo_articles, parallel.CHUNK_SIZE, []))
    broken = Article(pmid="1", title="A title", sections=(AbstractSection(None, None, None),))  # text is no str
    received = []
    with pytest.raises(ValueError, match="Expected a string"):  # spaCy's, raised in the worker
        for record in parallel.extraction_records(good + [broken], PATTERNS, jobs=2):
            received.append(record["pmid"])
    assert received == [a.pmid for a in good]


def test_fewer_than_one_job_is_a_usage_error(demo_articles):
    with pytest.raises(UsageError, match="--jobs must be 1 or more"):
        parallel.extraction_records(demo_articles, PATTERNS, jobs=0)


def test_cli_extract_with_jobs_writes_what_one_process_writes(fixtures_dir, tmp_path):
    runner = CliRunner()
    outputs = []
    for jobs in ("1", "2"):
        out, csv = tmp_path / f"x{jobs}.jsonl", tmp_path / f"x{jobs}.csv"
        result = runner.invoke(app, ["extract", "--xml", str(fixtures_dir / "demo" / "91000003.xml"),
                                     "--out", str(out), "--csv", str(csv), "--jobs", jobs, "--quiet"])
        assert result.exit_code == 0, result.output
        outputs.append((out.read_text(), csv.read_text()))
    assert outputs[0] == outputs[1]
    assert json.loads(outputs[1][0].splitlines()[0])["outcomes"]


def test_cli_rejects_zero_jobs(fixtures_dir, tmp_path):
    result = CliRunner().invoke(app, ["extract", "--xml", str(fixtures_dir / "demo" / "91000003.xml"),
                                      "--out", str(tmp_path / "x.jsonl"), "--jobs", "0"])
    assert result.exit_code != 0
    assert not (tmp_path / "x.jsonl").exists()
