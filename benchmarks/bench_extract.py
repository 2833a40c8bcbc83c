"""Extraction throughput on one core, side by side in one run.

Builds a PubmedArticleSet of N abstracts (default 5,000) by cycling over the demo fixtures with fresh PMIDs, then
measures, in this one process (spaCy's blank pipeline is single-threaded):

- tokenizer: the blank spaCy English tokenizer alone over the same section texts (the ceiling);
- pipeline: our nlp (tokenizer + sentence segmenter + span ruler) over the same texts, no extraction;
- extract: our full extraction from parsed articles (parse excluded);
- parse+extract: from the XML file to extracted records (parse included).

The corpus repeats the 8 demo abstracts: a cache that outlived an article would flatter every figure, so the
extraction's caches live for one doc or one section (see benchmarks/README.md, "Extraction benchmark").

Usage:
    python benchmarks/bench_extract.py --abstracts 5000 --repeat 3
"""
from __future__ import annotations

import argparse
import os
import re
import tempfile
import time
from pathlib import Path

import spacy

from extractor.extraction import extract_articles
from extractor.pipeline import build_nlp
from extractor.pubmed_xml import iter_articles, split_records, wrap_records

REPO = Path(__file__).resolve().parent.parent
_PMID = re.compile(rb"(<PMID[^>]*>)\d+(</PMID>)")


def build_corpus(n: int, folder: Path) -> Path:
    """A PubmedArticleSet of n records cycled from fixtures/demo (records with an abstract), fresh PMIDs."""
    raws = []
    for path in sorted((REPO / "fixtures" / "demo").glob("*.xml")):
        raws += [raw for _, raw in split_records(path) if b"<Abstract>" in raw]
    records = []
    for i in range(n):
        raw = raws[i % len(raws)]
        pmid = b"%d" % (80_000_000 + i)
        records.append(_PMID.sub(b"\\g<1>" + pmid + b"\\g<2>", raw, count=1))
    path = folder / f"bench_{n}.xml"
    path.write_bytes(wrap_records(records))
    return path


def best_of(repeat: int, run) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--abstracts", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the target is per core

    with tempfile.TemporaryDirectory() as tmp:
        xml = build_corpus(args.abstracts, Path(tmp))
        articles = list(iter_articles(xml))
        texts = [text for a in articles for _, text in a.named_texts()]
        blank = spacy.blank("en")
        nlp = build_nlp(REPO / "patterns")
        n = len(articles)
        words = sum(len(t.split()) for t in texts)
        print(f"{n} abstracts, {len(texts)} section texts, {words} words, one core, best of {args.repeat}")

        timings = {
            "blank spaCy tokenizer alone (ceiling)": best_of(args.repeat, lambda: list(blank.tokenizer.pipe(texts))),
            "our pipeline (tokenizer, sentences, rules)": best_of(args.repeat, lambda: list(nlp.pipe(texts))),
            "extraction, parse excluded": best_of(args.repeat, lambda: list(extract_articles(articles, nlp))),
            "extraction, parse included": best_of(args.repeat, lambda: list(extract_articles(iter_articles(xml), nlp))),
        }
    ceiling = n / timings["blank spaCy tokenizer alone (ceiling)"]
    print(f"{'measure':<46} {'abstracts/s':>12} {'vs ceiling':>11}")
    for name, seconds in timings.items():
        rate = n / seconds
        print(f"{name:<46} {rate:>12,.0f} {rate / ceiling:>10.2f}x")


if __name__ == "__main__":
    main()
