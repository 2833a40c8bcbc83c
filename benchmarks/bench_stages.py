"""Where the extraction's time goes: CPU time per stage, one core, in one run.

Times `nlp.pipe` alone, then the whole extraction with each extractor wrapped by a timer, over N abstracts cycled
from the demo fixtures and N cycled from a real efetch file (the shared corpus by default). It uses
`time.process_time`, so other jobs on a shared machine disturb it less than wall time; the wrappers add a little.
Each stage is printed in ms per abstract and as its share of the extraction, the ratio to compare across trees
(run a tree's copy with PYTHONPATH=that_tree).

Usage:
    python benchmarks/bench_stages.py --abstracts 1000 [--real-source ../shared/corpus/articles.xml]
"""
from __future__ import annotations

import argparse
import functools
import os
import tempfile
import time
from pathlib import Path

import extractor.extraction as extraction
from extractor.pipeline import build_nlp
from extractor.pubmed_xml import iter_articles

from bench_extract import REAL_SOURCE, REPO, build_corpus

STAGES = ("detect_arms", "classify_study", "extract_scalars", "extract_outcomes", "extract_doses",
          "extract_comparisons")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--abstracts", type=int, default=1000)
    parser.add_argument("--real-source", default=str(REAL_SOURCE),
                        help="PubmedArticleSet of real abstracts for the second measurement ('' to skip)")
    args = parser.parse_args()
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    nlp = build_nlp(REPO / "patterns")
    spent: dict[str, float] = {}
    for name in STAGES:  # the extraction calls them through the package namespace
        setattr(extraction, name, _timed(name, getattr(extraction, name), spent))
    with tempfile.TemporaryDirectory() as tmp:
        sources = [("fixtures/demo", None)]
        if args.real_source and Path(args.real_source).exists():
            sources.append((args.real_source, [Path(args.real_source)]))
        for label, files in sources:
            articles = list(iter_articles(build_corpus(args.abstracts, Path(tmp), files)))
            report(label, articles, nlp, spent)


def _timed(name: str, stage, spent: dict):
    @functools.wraps(stage)
    def timed(*args, **kwargs):
        start = time.process_time()
        try:
            return stage(*args, **kwargs)
        finally:
            spent[name] = spent.get(name, 0.0) + time.process_time() - start
    return timed


def report(label: str, articles: list, nlp, spent: dict) -> None:
    """Print the pipeline alone, the extraction, and each stage's ms per abstract and share of the extraction."""
    texts = [text for a in articles for _, text in a.named_texts()]
    list(extraction.extract_articles(articles[:100], nlp))  # warm the per-word memos
    spent.clear()
    start = time.process_time()
    list(nlp.pipe(texts))
    pipeline = time.process_time() - start
    start = time.process_time()
    list(extraction.extract_articles(articles, nlp))
    total = time.process_time() - start
    n = len(articles)
    print(f"{n} abstracts cycled from {label}: extraction {n / total:,.0f} abstracts/s, "
          f"{1000 * total / n:.2f} ms/abstract CPU")
    rows = [("pipeline (tokenizer, sentences, rules)", pipeline)] + sorted(spent.items(), key=lambda kv: -kv[1])
    for name, seconds in rows:
        print(f"  {name:<40} {1000 * seconds / n:6.3f} ms/abstract  {seconds / total:6.1%} of the extraction")


if __name__ == "__main__":
    main()
