"""Parse benchmark: extractor.pubmed_xml against Biopython's Bio.Entrez.read and pubmed_parser.parse_medline_xml.

Not a test. Builds PubmedArticleSet files of N records by replicating the invented fixtures in fixtures/pubmed/
with fresh PMIDs (in a temp dir), then runs each parser in its own subprocess, so that peak RSS
(resource.getrusage ru_maxrss) belongs to that parser alone. Every parser extracts the same fields: pmid, title,
abstract sections, journal, year, doi, authors, MeSH headings, publication types.

The timed region starts after the parser's modules are imported (import time is reported apart): pubmed_parser's
import alone takes ~0.15 s, which would otherwise count as parse time.

A second, clearly separate measurement (`--plain-source`, default the shared corpus) runs the three parsers on
records cycled from a real efetch file of plain abstracts (no inline markup), as a check that the figures do not
hinge on the fixture mix.

Usage:
    /tmp/venv/bin/python benchmarks/bench_parse.py [--records 10000] [--memory-records 100000] [--repeat 3]
        [--plain-source /work/shared/corpus/articles.xml | --plain-source ""]

Needs the `bench` extra (biopython, pubmed_parser) in the same environment.
"""
from __future__ import annotations

import argparse
import gzip
import importlib
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TEMPLATES = ("inline_markup.xml", "no_abstract.xml", "medline_date.xml")
HEADER = (b'<?xml version="1.0" encoding="UTF-8"?>\n'
          b'<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" '
          b'"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n<PubmedArticleSet>\n')
FOOTER = b"</PubmedArticleSet>\n"
_RECORD = re.compile(rb"<PubmedArticle>.*?</PubmedArticle>", re.S)
_PMID = re.compile(rb"(<PMID Version=\"1\">|<ArticleId IdType=\"pubmed\">)9000000\d(<)")
# A real record's own PMID is the first <PMID> and the first pubmed ArticleId (CommentsCorrections and
# ReferenceList come later), so only the first match of each is renumbered.
_OWN_PMID = re.compile(rb"(<PMID Version=\"1\">)\d+(<)")
_OWN_ARTICLE_ID = re.compile(rb"(<ArticleId IdType=\"pubmed\">)\d+(<)")
PLAIN_SOURCE = Path("/work/shared/corpus/articles.xml")


# --- building the input -----------------------------------------------------------------------------------------

def template_records() -> list[bytes]:
    """The PubmedArticle elements of the journal-article fixtures (pubmed_parser skips books)."""
    records = []
    for name in TEMPLATES:
        records += _RECORD.findall((REPO / "fixtures" / "pubmed" / name).read_bytes())
    return records


def build(path: Path, count: int, source: Path | None = None) -> Path:
    """Write `count` records (cycling over the templates, PMIDs 10000000+i) as plain and gzip files.

    With `source`, the records are those of that PubmedArticleSet file instead of the fixture templates.
    """
    templates = template_records() if source is None else _RECORD.findall(source.read_bytes())
    with open(path, "wb") as plain, gzip.open(path.with_suffix(".xml.gz"), "wb", compresslevel=1) as packed:
        for out in (plain, packed):
            out.write(HEADER)
        for i in range(count):
            pmid = lambda m: m.group(1) + str(10_000_000 + i).encode() + m.group(2)  # noqa: E731
            if source is None:
                record = _PMID.sub(pmid, templates[i % len(templates)])
            else:
                record = _OWN_ARTICLE_ID.sub(pmid, _OWN_PMID.sub(pmid, templates[i % len(templates)], count=1),
                                             count=1)
            plain.write(record + b"\n")
            packed.write(record + b"\n")
        for out in (plain, packed):
            out.write(FOOTER)
    return path


# --- the parsers, each reduced to the same fields ---------------------------------------------------------------

def run_ours(path: str) -> int:
    from extractor.pubmed_xml import iter_articles

    count = 0
    for article in iter_articles(path):
        _ = (article.pmid, article.title, article.sections, article.journal, article.year, article.doi,
             article.authors, article.mesh_headings, article.publication_types)
        count += 1
    return count


def run_biopython(path: str) -> int:
    from Bio import Entrez

    # Entrez.read loads the whole set (Entrez.parse cannot iterate a PubmedArticleSet); validate=False because
    # our records are not checked against the DTD. The 2025 https DOCTYPE resolves to Biopython's bundled DTD,
    # so no stripping is needed (it refuses only the old http:// URLs).
    with open(path, "rb") as handle:
        data = Entrez.read(handle, validate=False)
    count = 0
    for record in data["PubmedArticle"]:
        _biopython_fields(record)
        count += 1
    return count


def _biopython_fields(record) -> tuple:
    citation = record["MedlineCitation"]
    article = citation["Article"]
    journal = article["Journal"]
    pub_date = journal["JournalIssue"]["PubDate"]
    year = pub_date.get("Year") or (pub_date.get("MedlineDate") or "")[:4] or None
    sections = [(str(t.attributes.get("Label")), str(t.attributes.get("NlmCategory")), str(t))
                for t in article.get("Abstract", {}).get("AbstractText", [])]
    doi = next((str(e) for e in article.get("ELocationID", []) if e.attributes.get("EIdType") == "doi"), None)
    doi = doi or next((str(i) for i in record["PubmedData"].get("ArticleIdList", [])
                       if i.attributes.get("IdType") == "doi"), None) if "PubmedData" in record else doi
    authors = [a.get("CollectiveName") or f"{a.get('LastName', '')} {a.get('Initials', '')}".strip()
               for a in article.get("AuthorList", [])]
    mesh = [str(h["DescriptorName"]) for h in citation.get("MeshHeadingList", [])]
    types = [str(t) for t in article.get("PublicationTypeList", [])]
    return (str(citation["PMID"]), str(article["ArticleTitle"]), sections, journal.get("Title"), year, doi,
            authors, mesh, types)


def run_pubmed_parser(path: str) -> int:
    import pubmed_parser as pp

    # parse_medline_xml opens its input with gzip.open, so it reads the .xml.gz twin; nlm_category=True keeps the
    # categories; its abstract is one flattened string (it has no per-section output to match ours).
    count = 0
    for record in pp.parse_medline_xml(str(Path(path).with_suffix(".xml.gz")), nlm_category=True,
                                       author_list=True):
        _ = (record["pmid"], record["title"], record["abstract"], record["journal"], record["pubdate"],
             record["doi"], record["authors"], record["mesh_terms"], record["publication_types"])
        count += 1
    return count


def run_ours_gz(path: str) -> int:
    return run_ours(str(Path(path).with_suffix(".xml.gz")))


PARSERS = {"ours": run_ours, "ours-gz": run_ours_gz, "biopython": run_biopython, "pubmed_parser": run_pubmed_parser}
MODULES = {"ours": "extractor.pubmed_xml", "ours-gz": "extractor.pubmed_xml", "biopython": "Bio.Entrez",
           "pubmed_parser": "pubmed_parser"}


def worker(name: str, path: str) -> None:
    """Run one parser once in this (fresh) process and print records, seconds and peak RSS as JSON.

    The parser's module is imported before the clock starts (its import time is reported as `import_seconds`),
    so `seconds` is parse-and-extract time only.
    """
    start = time.perf_counter()
    importlib.import_module(MODULES[name])
    imported = time.perf_counter()
    count = PARSERS[name](path)
    seconds = time.perf_counter() - imported
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(json.dumps({"records": count, "seconds": seconds, "import_seconds": imported - start,
                      "peak_mib": peak_kib / 1024}))


def measure(name: str, path: Path, repeat: int) -> dict:
    """Best of `repeat` fresh subprocess runs (time), and the largest peak RSS seen."""
    runs = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, __file__, "--worker", name, str(path)], check=True,
                             capture_output=True, text=True).stdout
        runs.append(json.loads(out.strip().splitlines()[-1]))
    best = min(runs, key=lambda r: r["seconds"])
    return {"records": best["records"], "seconds": best["seconds"], "rate": best["records"] / best["seconds"],
            "import_seconds": min(r["import_seconds"] for r in runs), "peak_mib": max(r["peak_mib"] for r in runs)}


def report(results: dict) -> None:
    print(f"{'parser':<15}{'records':>9}{'seconds':>10}{'records/s':>12}{'import s':>10}{'peak MiB':>10}")
    for name, r in results.items():
        print(f"{name:<15}{r['records']:>9}{r['seconds']:>10.3f}{r['rate']:>12.0f}{r['import_seconds']:>10.3f}"
              f"{r['peak_mib']:>10.1f}")
    ours = results["ours"]["rate"]
    print(f"ours/biopython     = {ours / results['biopython']['rate']:.2f}x (target >= 4)")
    print(f"ours/pubmed_parser = {ours / results['pubmed_parser']['rate']:.2f}x (target >= 2.5; "
          f"ours-gz/pubmed_parser on the same .gz = "
          f"{results['ours-gz']['rate'] / results['pubmed_parser']['rate']:.2f}x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--memory-records", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--plain-source", default=str(PLAIN_SOURCE),
                        help="PubmedArticleSet file for the second, plain-abstract measurement ('' to skip)")
    parser.add_argument("--worker", nargs=2, metavar=("PARSER", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(*args.worker)
        return
    with tempfile.TemporaryDirectory(prefix="bench_parse_") as tmp:
        small = build(Path(tmp) / f"set_{args.records}.xml", args.records)
        big = build(Path(tmp) / f"set_{args.memory_records}.xml", args.memory_records)
        print(f"input: {args.records} records, {small.stat().st_size / 2**20:.1f} MiB plain; "
              f"best of {args.repeat} runs, each parser in a fresh subprocess")
        results = {name: measure(name, small, args.repeat) for name in PARSERS}
        report(results)
        large = measure("ours", big, 1)
        small_peak = results["ours"]["peak_mib"]
        growth = large["peak_mib"] / small_peak - 1
        print(f"ours peak RSS: {small_peak:.1f} MiB for {args.records}, {large['peak_mib']:.1f} MiB for "
              f"{args.memory_records} ({growth:+.1%}; target within 20%); {large['rate']:.0f} records/s")
        plain_source = Path(args.plain_source) if args.plain_source else None
        if plain_source is not None and plain_source.exists():
            plain = build(Path(tmp) / f"plain_{args.records}.xml", args.records, plain_source)
            count = len(_RECORD.findall(plain_source.read_bytes()))
            print(f"\nsecond measurement, plain-abstract mix: {args.records} records cycled from the {count} of "
                  f"{plain_source}, {plain.stat().st_size / 2**20:.1f} MiB plain (no inline markup)")
            report({name: measure(name, plain, args.repeat) for name in PARSERS})
        elif plain_source is not None:
            print(f"\n(no plain-abstract measurement: {plain_source} not found)")


if __name__ == "__main__":
    main()
