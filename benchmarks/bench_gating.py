"""What skipping sentences without a digit could buy at most: extraction on abstracts vs the same abstracts cut down.

A question the speed target raises: could the pipeline and the extractors run only on sentences that can carry a
figure? This builds N abstracts as bench_extract.py does, then a twin of each whose sections keep only the
sentences (as our segmenter cuts them) that contain a digit, and times the whole extraction on both, alternately,
CPU time on one core. The twin loses facts (counts in words, arms named in digit-free sentences), so its rate is an
upper bound on what such gating could give, not a design.

Usage:
    python benchmarks/bench_gating.py --abstracts 1000 [--source ../shared/corpus/articles.xml] [--rounds 2]
"""
from __future__ import annotations

import argparse
import dataclasses
import os
import tempfile
import time
from pathlib import Path

import extractor.extraction as extraction
from extractor.models import Article
from extractor.pipeline import build_nlp
from extractor.pubmed_xml import iter_articles

from bench_extract import REPO, build_corpus


def digit_sentences_only(article: Article, nlp) -> Article:
    """The article with each section cut down to its sentences that contain a digit."""
    sections = []
    for section in article.sections:
        kept = [s.text for s in nlp(section.text).sents if any(c.isdigit() for c in s.text)]
        sections.append(dataclasses.replace(section, text=" ".join(kept)))
    return dataclasses.replace(article, sections=tuple(sections))


def cpu_rate(articles: list[Article], nlp) -> float:
    start = time.process_time()
    for _ in extraction.extract_articles(articles, nlp):
        pass
    return len(articles) / (time.process_time() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--abstracts", type=int, default=1000)
    parser.add_argument("--source", help="PubmedArticleSet to cycle instead of fixtures/demo")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    nlp = build_nlp(REPO / "patterns")
    with tempfile.TemporaryDirectory() as tmp:
        sources = [Path(args.source)] if args.source else None
        full = list(iter_articles(build_corpus(args.abstracts, Path(tmp), sources)))
    gated = [digit_sentences_only(article, nlp) for article in full]
    kept = sum(len(s.text) for a in gated for s in a.sections) / sum(len(s.text) for a in full for s in a.sections)
    print(f"{len(full)} abstracts from {args.source or 'fixtures/demo'}; digit sentences keep {kept:.0%} of the text")
    for round_number in range(1, args.rounds + 1):
        full_rate, gated_rate = cpu_rate(full, nlp), cpu_rate(gated, nlp)
        print(f"round {round_number}: whole abstracts {full_rate:,.0f}/s, digit sentences only {gated_rate:,.0f}/s "
              f"({gated_rate / full_rate:.2f}x)")


if __name__ == "__main__":
    main()
