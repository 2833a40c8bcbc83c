"""Extraction throughput on one core, side by side in one run.

Builds a PubmedArticleSet of N abstracts (default 5,000) by cycling over the demo fixtures with fresh PMIDs, then
measures, in this one process (spaCy's blank pipeline is single-threaded):

- tokenizer: the blank spaCy English tokenizer alone over the same section texts (the ceiling);
- pipeline: our nlp (tokenizer + sentence segmenter + span ruler) over the same texts, no extraction;
- extract: our full extraction from parsed articles (parse excluded);
- parse+extract: from the XML file to extracted records (parse included).

The corpus repeats the 8 demo abstracts: a cache that outlived an article would flatter every figure, so the
extraction's caches live for one doc or one section (see benchmarks/README.md, "Extraction benchmark").

A second, separately printed measurement (`--real-source`, default the shared corpus) runs the same on abstracts
cycled from a real efetch file: real abstracts are longer (~230 words against the demo's ~165), so it tells what
to expect on a PubMed search; the target is stated for the first (fixture) measurement.

Usage:
    python benchmarks/bench_extract.py --abstracts 5000 --repeat 3 [--real-source ../shared/corpus/articles.xml]
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
REAL_SOURCE = REPO.parent / "shared" / "corpus" / "articles.xml"
_PMID = re.compile(rb"(<PMID[^>]*>)\d+(</PMID>)")


def build_corpus(n: int, folder: Path, sources: list[Path] | None = None) -> Path:
    """A PubmedArticleSet of n records cycled from PubMed XML files (default fixtures/demo), only records with an
    abstract, fresh PMIDs."""
    raws = []
    for path in sources or sorted((REPO / "fixtures" / "demo").glob("*.xml")):
        raws += [raw for _, raw in split_records(path) if b"<Abstract>" in raw]
    records = []
    for i in range(n):
        raw = raws[i % len(raws)]
        pmid = b"%d" % (80_000_000 + i)
        records.append(_PMID.sub(b"\\g<1>" + pmid + b"\\g<2>", raw, count=1))
    path = folder / f"bench_{n}_{len(raws)}.xml"
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
    parser.add_argument("--real-source", default=str(REAL_SOURCE),
                        help="PubmedArticleSet of real abstracts for the second measurement ('' to skip)")
    args = parser.parse_args()
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the target is per core

    blank = spacy.blank("en")
    nlp = build_nlp(REPO / "patterns")
    with tempfile.TemporaryDirectory() as tmp:
        measure(build_corpus(args.abstracts, Path(tmp)), "fixtures/demo", blank, nlp, args.repeat)
        real = Path(args.real_source) if args.real_source else None
        if real is not None and real.exists():
            print()
            measure(build_corpus(args.abstracts, Path(tmp), [real]), str(real), blank, nlp, args.repeat)
        elif real is not None:
            print(f"\n(no measurement on real abstracts: {real} not found)")


def measure(xml: Path, source: str, blank, nlp, repeat: int) -> None:
    """Print the four timings on one corpus, each against the blank tokenizer's (the ceiling)."""
    articles = list(iter_articles(xml))
    texts = [text for a in articles for _, text in a.named_texts()]
    n = len(articles)
    words = sum(len(t.split()) for t in texts)
    print(f"{n} abstracts cycled from {source}, {len(texts)} section texts, {words} words "
          f"({words / n:.0f} a abstract), one core, best of {repeat}")
    timings = {
        "blank spaCy tokenizer alone (ceiling)": best_of(repeat, lambda: list(blank.tokenizer.pipe(texts))),
        "our pipeline (tokenizer, sentences, rules)": best_of(repeat, lambda: list(nlp.pipe(texts))),
        "extraction, parse excluded": best_of(repeat, lambda: list(extract_articles(articles, nlp))),
        "extraction, parse included": best_of(repeat, lambda: list(extract_articles(iter_articles(xml), nlp))),
    }
    ceiling = n / timings["blank spaCy tokenizer alone (ceiling)"]
    print(f"{'measure':<46} {'abstracts/s':>12} {'vs ceiling':>11}")
    for name, seconds in timings.items():
        rate = n / seconds
        print(f"{name:<46} {rate:>12,.0f} {rate / ceiling:>10.2f}x")


if __name__ == "__main__":
    main()
