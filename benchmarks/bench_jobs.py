"""Extraction throughput with worker processes (`extractor extract --jobs N`), side by side in one run.

Builds N abstracts as bench_extract.py does (demo fixtures, or `--source` a real efetch file) and times
`extraction_records` from parsed articles for each jobs value, wall clock, worker start-up included (each worker
imports spaCy and builds its pipeline: ~1-2 s), printing abstracts/s and the ratio to one job. The per-core figure
of issue 3 is bench_extract.py's; this one says what a machine's cores give together.

Usage:
    python benchmarks/bench_jobs.py --abstracts 5000 --jobs 1 2 [--source ../shared/corpus/articles.xml]
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bench_extract import REPO, build_corpus
from extractor.parallel import extraction_records
from extractor.pubmed_xml import iter_articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--abstracts", type=int, default=5000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--source", help="PubmedArticleSet to cycle instead of fixtures/demo")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        sources = [Path(args.source)] if args.source else None
        articles = list(iter_articles(build_corpus(args.abstracts, Path(tmp), sources)))
    print(f"{len(articles)} abstracts cycled from {args.source or 'fixtures/demo'}; wall clock, start-up included")
    print(f"{'jobs':>4} {'seconds':>8} {'abstracts/s':>12} {'vs 1 job':>9}")
    single = None
    for jobs in args.jobs:
        start = time.perf_counter()
        count = sum(1 for _ in extraction_records(articles, REPO / "patterns", jobs))
        seconds = time.perf_counter() - start
        rate = count / seconds
        single = single or (rate if jobs == 1 else None)
        ratio = f"{rate / single:.2f}x" if single else "-"
        print(f"{jobs:>4} {seconds:>8.1f} {rate:>12,.0f} {ratio:>9}")


if __name__ == "__main__":
    main()
