"""Command line (typer). Thin: parse options, build Settings, call one library function, print.

This is the only module that prints. Expected failures (ExtractorError) become one line on stderr
and a non-zero exit, with no traceback.
"""
from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Optional

import typer

from extractor import retrieval
from extractor.config import REPO_ROOT, Settings
from extractor.errors import ExtractorError, FetchError, UsageError
from extractor.models import Article
from extractor.store import ArticleStore

app = typer.Typer(no_args_is_help=True, add_completion=False, help=__doc__.split("\n")[0])

# Options shared by the commands that reach PubMed or the store.
StoreOpt = Annotated[Optional[Path], typer.Option("--store", help="SQLite article store (env EXTRACTOR_STORE; default output/store.sqlite)")]
UrlOpt = Annotated[Optional[str], typer.Option("--eutils-url", help="E-utilities base URL (env EXTRACTOR_EUTILS_URL)")]
EmailOpt = Annotated[Optional[str], typer.Option("--email", help="contact e-mail sent to NCBI (env NCBI_EMAIL)")]
KeyOpt = Annotated[Optional[str], typer.Option("--api-key", help="NCBI API key: 10 requests/s instead of 3 (env NCBI_API_KEY)")]
OfflineOpt = Annotated[bool, typer.Option("--offline", help="never touch the network; use only the store")]
RefreshOpt = Annotated[bool, typer.Option("--refresh", help="fetch again PMIDs already stored")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="no progress bar")]
JobsOpt = Annotated[int, typer.Option("--jobs", "-j", min=1,
                                      help="extraction worker processes (one per core is fastest on large batches)")]


def _fails_cleanly(command: Callable) -> Callable:
    """Turn ExtractorError into 'Error: ...' on stderr and its exit code; keep Ctrl-C quiet too."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except ExtractorError as exc:
            typer.echo(f"Error: {exc}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            typer.echo("Interrupted: everything fetched so far is stored.", err=True)
            raise typer.Exit(130) from None

    return wrapper


def _settings(store, eutils_url=None, email=None, api_key=None, offline=False, quiet=False) -> Settings:
    return Settings.from_env(
        store_path=store, eutils_url=eutils_url, email=email, api_key=api_key, offline=offline, quiet=quiet
    )


@contextmanager
def _progress(
    total: int | None, label: str, settings: Settings, threshold: int | None = None
) -> Iterator[Callable[[int], None] | None]:
    """A progress bar on stderr for work larger than `threshold` (default: one fetch batch), unless quiet or
    stderr is not a terminal. With an unknown total the bar counts items without a percentage."""
    threshold = settings.batch_size if threshold is None else threshold
    if settings.quiet or not sys.stderr.isatty() or (total is not None and total <= threshold):
        yield None
        return
    with typer.progressbar(length=total, label=label, file=sys.stderr) as bar:
        yield bar.update


@app.callback()
def main() -> None:
    """extractor: evidence tables of salvage ALL regimens from PubMed abstracts, with exact provenance."""


@app.command()
@_fails_cleanly
def search(
    query: Annotated[str, typer.Argument(help="a PubMed query")],
    max_results: Annotated[Optional[int], typer.Option("--max", min=1, help="keep at most N hits")] = None,
    mindate: Annotated[Optional[str], typer.Option(help="earliest publication date, YYYY, YYYY/MM or YYYY/MM/DD")] = None,
    maxdate: Annotated[Optional[str], typer.Option(help="latest publication date, YYYY, YYYY/MM or YYYY/MM/DD")] = None,
    store: StoreOpt = None, eutils_url: UrlOpt = None, email: EmailOpt = None, api_key: KeyOpt = None,
    offline: OfflineOpt = False, refresh: RefreshOpt = False, quiet: QuietOpt = False,
) -> None:
    """Search PubMed, store the hits, print PMID<TAB>year<TAB>title for each.

    Example: extractor search "inotuzumab AND acute lymphoblastic leukemia" --max 50
    """
    settings = _settings(store, eutils_url, email, api_key, offline, quiet)
    with ArticleStore(settings.store_path) as db:
        run, warnings = retrieval.run_search(query, settings, db, max_results, mindate, maxdate)
        for warning in warnings:
            typer.echo(f"Warning: {warning}", err=True)
        with _progress(len(run.pmids), "Fetching", settings) as progress:
            retrieval.fetch_into_store(list(run.pmids), settings, db, refresh, progress)
        _print_listing(retrieval.stored_articles(db, run.pmids))
        typer.echo(f"{len(run.pmids)} of {run.count} hits stored in {settings.store_path}", err=True)


@app.command()
@_fails_cleanly
def fetch(
    pmids: Annotated[Optional[list[str]], typer.Argument(help="PMIDs to fetch")] = None,
    pmid_file: Annotated[Optional[Path], typer.Option("--pmid-file", help="file of PMIDs, one or more per line")] = None,
    out: Annotated[Optional[Path], typer.Option(help="also write the articles to FILE.xml or FILE.jsonl")] = None,
    store: StoreOpt = None, eutils_url: UrlOpt = None, email: EmailOpt = None, api_key: KeyOpt = None,
    offline: OfflineOpt = False, refresh: RefreshOpt = False, quiet: QuietOpt = False,
) -> None:
    """Fetch articles by PMID into the store (PMIDs already stored are not fetched again).

    Example: extractor fetch 30307611 28249141 --out output/articles.jsonl
    """
    settings = _settings(store, eutils_url, email, api_key, offline, quiet)
    wanted = retrieval.validate_pmids(list(pmids or []) + (retrieval.read_pmid_file(pmid_file) if pmid_file else []))
    if not wanted:
        raise UsageError("no PMIDs: give them as arguments or with --pmid-file")
    _check_out_suffix(out, (".xml", ".jsonl"))
    with ArticleStore(settings.store_path, create=not offline) as db:
        with _progress(len(wanted), "Fetching", settings) as progress:
            report = retrieval.fetch_into_store(wanted, settings, db, refresh, progress)
        typer.echo(
            f"{len(report.fetched)} fetched, {len(report.already_stored)} already stored, in {settings.store_path}",
            err=True,
        )
        if out:
            unknown = set(report.unknown)
            _write_articles(db, [p for p in wanted if p not in unknown], out)
    if report.unknown:
        raise FetchError(f"PubMed does not know {len(report.unknown)} PMID(s): {', '.join(report.unknown)}")


@app.command()
@_fails_cleanly
def show(
    pmids: Annotated[Optional[list[str]], typer.Argument(help="stored PMIDs to show")] = None,
    xml: Annotated[Optional[Path], typer.Option("--xml", help="read a PubMed XML file (.xml or .xml.gz) instead")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="one JSON object per article")] = False,
    store: StoreOpt = None,
) -> None:
    """Show parsed articles from the store or from a PubMed XML file.

    Example: extractor show 30307611 --json
    """
    if xml is not None:
        _print_articles(_articles_from_xml(xml), as_json)
        return
    wanted = retrieval.validate_pmids(pmids or [])
    if not wanted:
        raise UsageError("nothing to show: give stored PMIDs or --xml FILE")
    settings = _settings(store)
    with ArticleStore(settings.store_path, create=False) as db:
        lacking = db.missing(wanted)
        _print_articles(retrieval.stored_articles(db, wanted), as_json)
    if lacking:
        raise UsageError(f"not in the store: {', '.join(lacking)}; fetch them first (extractor fetch PMID...)")


@app.command("load")
@_fails_cleanly
def load(
    files: Annotated[list[Path], typer.Argument(help="PubMed XML files or folders of them (.xml, .xml.gz)")],
    store: StoreOpt = None,
) -> None:
    """Store every record of local PubMed XML files, without the network.

    Example: extractor load fixtures/pubmed
    """
    settings = _settings(store)
    paths = _xml_files(files)
    with ArticleStore(settings.store_path) as db:
        stored = retrieval.import_files(paths, db)
    typer.echo(f"{len(stored)} records from {len(paths)} file(s) stored in {settings.store_path}", err=True)


@app.command("list")
@_fails_cleanly
def list_articles(store: StoreOpt = None) -> None:
    """List the stored articles: PMID<TAB>year<TAB>title.

    Example: extractor list --store output/store.sqlite
    """
    settings = _settings(store)
    with ArticleStore(settings.store_path, create=False) as db:
        _print_listing(retrieval.stored_articles(db))


@app.command()
@_fails_cleanly
def demo(
    out: Annotated[Path, typer.Option(help="output folder")] = Path("output"),
    store: StoreOpt = None, quiet: QuietOpt = False,
) -> None:
    """Offline, on the bundled fixtures: store, extract, tables and report in one go, written to output/.

    Writes the store, extracted.jsonl, studies.csv, studies.xlsx, regimens.csv and report.html, and lists the
    bundled articles on stdout.

    Example: extractor demo --out output
    """
    settings = Settings.from_env(store_path=store or out / "store.sqlite", quiet=quiet)
    paths = _xml_files([REPO_ROOT / "fixtures" / "demo"])
    with ArticleStore(settings.store_path) as db:
        stored = retrieval.import_files(paths, db)
        _print_listing(retrieval.stored_articles(db, stored))
        typer.echo(f"{len(stored)} bundled articles stored in {settings.store_path}", err=True)
        articles = list(retrieval.stored_articles(db, stored))
    _evidence_outputs(articles, out, None, settings, "Salvage ALL evidence: demo (invented records)")


def _evidence_outputs(articles, out: Path, curation: Optional[Path], settings: Settings, title: str,
                      jobs: int = 1) -> None:
    """Extract, curate, tabulate and write the standard outputs of run and demo, with progress."""
    from extractor import workflow

    with _progress(len(articles), "Extracting", settings, threshold=1) as progress:
        evidence = workflow.extract_evidence(articles, settings.patterns_dir, out / "extracted.jsonl", progress,
                                             jobs)
    evidence, warnings = workflow.curate(evidence, workflow.default_curation(out, curation))
    for warning in warnings:
        typer.echo(f"Warning: {warning}", err=True)
    tables = workflow.tables_of(evidence)
    written = workflow.write_outputs(tables, evidence, out, title)
    typer.echo(f"{len(evidence.records)} articles extracted to {written.extracted}", err=True)
    typer.echo(f"{written.rows} study arms of {written.studies_count} studies in "
               + ", ".join(str(p) for p in written.studies) + f"; regimens in {written.regimens}"
               + _left_out(tables), err=True)
    typer.echo(f"report: {written.report}", err=True)


@app.command()
@_fails_cleanly
def extract(
    pmids: Annotated[Optional[list[str]], typer.Argument(help="stored PMIDs to extract")] = None,
    query: Annotated[Optional[str], typer.Option(help="extract the hits of this stored search")] = None,
    xml: Annotated[Optional[Path], typer.Option("--xml", help="extract straight from a PubMed XML file")] = None,
    out: Annotated[Path, typer.Option(help="JSON lines, one article per line")] = Path("output/extracted.jsonl"),
    csv: Annotated[Optional[Path], typer.Option("--csv", help="also write one row per value to this CSV")] = None,
    patterns: Annotated[Optional[Path], typer.Option(help="rule folder (env EXTRACTOR_PATTERNS)")] = None,
    store: StoreOpt = None, quiet: QuietOpt = False, jobs: JobsOpt = 1,
) -> None:
    """Extract trial figures, each with its evidence, from stored articles or an XML file.

    Example: extractor extract --xml fixtures/demo/91000001.xml --out output/demo.jsonl --csv output/demo.csv
    """
    from extractor.batch import extract_to_files

    settings = Settings.from_env(store_path=store, patterns_dir=patterns, quiet=quiet)
    _check_out_suffix(out, (".jsonl",))
    _check_out_suffix(csv, (".csv",))
    with _article_source(pmids, query, xml, settings) as (articles, total):
        with _progress(total, "Extracting", settings, threshold=1) as progress:
            count = extract_to_files(articles, settings.patterns_dir, out, csv, progress, jobs)
    typer.echo(f"{count} articles extracted to {out}" + (f" and {csv}" if csv else ""), err=True)


@contextmanager
def _article_source(pmids, query, xml, settings: Settings):
    """The articles to extract, and how many (None when unknown), from exactly one of PMIDs, --query, --xml."""
    given = [name for name, value in (("PMIDs", pmids), ("--query", query), ("--xml", xml)) if value]
    if len(given) != 1:
        raise UsageError("give exactly one source: stored PMIDs, --query Q or --xml FILE")
    if xml:
        yield _articles_from_xml(xml), None
        return
    with ArticleStore(settings.store_path, create=False) as db:
        if query:
            run = db.latest_search(query)
            if run is None:
                raise UsageError(f"no stored search for {query!r}; run: extractor search {query!r}")
            wanted = list(run.pmids)
        else:
            wanted = retrieval.validate_pmids(pmids)
        lacking = db.missing(wanted)
        if lacking:
            raise UsageError(f"not in the store: {', '.join(lacking[:10])}; fetch them first (extractor fetch PMID...)")
        yield retrieval.stored_articles(db, wanted), len(wanted)


@app.command()
@_fails_cleanly
def evaluate(
    gold: Annotated[Path, typer.Option(help="folder of gold annotations, one <id>.json per article")],
    index: Annotated[Path, typer.Option(help="articles.index.json mapping gold ids to PMIDs")],
    pred: Annotated[Path, typer.Option(help="predictions, JSON lines as written by extractor extract")],
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="list every missed and spurious fact")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="print the scores as JSON")] = False,
) -> None:
    """Score predictions against gold: precision, recall, F1 per kind and overall, and label accuracy.

    Example: extractor evaluate --gold ../shared/corpus/gold --index ../shared/corpus/articles.index.json --pred output/corpus.jsonl
    """
    from extractor import evaluate as scoring

    result = scoring.evaluate(gold, index, pred)
    typer.echo(json.dumps(result.to_dict(), indent=1) if as_json else scoring.format_report(result, verbose))


def _print_listing(articles: Iterable[Article]) -> None:
    for article in articles:
        typer.echo(f"{article.pmid}\t{article.year or ''}\t{article.title}")


def _print_articles(articles: Iterable[Article], as_json: bool) -> None:
    for article in articles:
        typer.echo(json.dumps(article.to_dict(), ensure_ascii=False) if as_json else _readable(article))


def _readable(article: Article) -> str:
    head = [
        f"PMID {article.pmid}  {article.journal_iso or article.journal or ''} {article.year or ''}".rstrip(),
        article.title,
        "; ".join(article.authors[:6]) + (" et al." if len(article.authors) > 6 else ""),
    ]
    if article.doi:
        head.append(f"doi:{article.doi}")
    body = [f"{s.label}: {s.text}" if s.label else s.text for s in article.sections] or ["(no abstract)"]
    return "\n".join(line for line in head if line) + "\n\n" + "\n\n".join(body) + "\n"


def _articles_from_xml(path: Path) -> Iterator[Article]:
    from extractor import pubmed_xml

    if not path.is_file():
        raise UsageError(f"no such XML file: {path}")
    return pubmed_xml.iter_articles(path)


def _xml_files(paths: Iterable[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.name.endswith((".xml", ".xml.gz"))))
        elif path.is_file():
            found.append(path)
        else:
            raise UsageError(f"no such file or folder: {path}")
    if not found:
        raise UsageError("no .xml or .xml.gz files found in " + ", ".join(map(str, paths)))
    return found


def _check_out_suffix(out: Path | None, allowed: tuple[str, ...]) -> None:
    if out is not None and out.suffix.lower() not in allowed:
        raise UsageError(f"--out {out}: the file must end in {' or '.join(allowed)}")


def _write_articles(db: ArticleStore, pmids: list[str], out: Path) -> None:
    from extractor import pubmed_xml

    out.parent.mkdir(parents=True, exist_ok=True)
    if out.suffix.lower() == ".xml":
        out.write_bytes(pubmed_xml.wrap_records(xml for _, xml in db.iter_raw(pmids)))
    else:
        with out.open("w", encoding="utf-8") as fh:
            for article in retrieval.stored_articles(db, pmids):
                fh.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
    typer.echo(f"wrote {out}", err=True)


FromOpt = Annotated[Optional[Path], typer.Option("--from", help="extraction records (JSON lines of extractor extract)")]
XmlOpt = Annotated[Optional[Path], typer.Option("--xml", help="extract straight from a PubMed XML file")]
QueryOpt = Annotated[Optional[str], typer.Option("--query", help="the hits of this stored search")]
SettingOpt = Annotated[Optional[str], typer.Option("--setting", help="keep one setting, e.g. 'first salvage'")]
PopulationOpt = Annotated[Optional[str], typer.Option(
    "--population", help="keep a population value, e.g. adult, pediatric or ph_status=positive")]
RegimenOpt = Annotated[Optional[str], typer.Option("--regimen", help="keep regimens naming this drug, class or name")]
RelevantOpt = Annotated[bool, typer.Option("--relevant-only/--all-studies", help="leave out studies classified "
                                           "as not relevant (frontline, other diseases)")]
CurationOpt = Annotated[Optional[Path], typer.Option("--curation", help="overrides CSV: pmid,target,value,reviewer,note")]


def _evidence_for(pmids, from_jsonl, query, xml, settings: Settings):
    """Extraction records and their articles from exactly one of --from, --xml, --query or PMIDs."""
    from extractor import workflow

    if from_jsonl is not None:
        if pmids or query or xml:
            raise UsageError("give exactly one source: --from FILE.jsonl, --xml FILE, --query Q or stored PMIDs")
        records = workflow.read_records(from_jsonl)
        articles = workflow.stored_articles_for(settings.store_path, [str(r["pmid"]) for r in records])
        missing = sum(str(r["pmid"]) not in articles for r in records)
        if missing:
            typer.echo(f"Warning: {missing} of {len(records)} records have no stored article, so their authors, "
                       f"years and journals stay empty: store them first (extractor load FILE.xml or extractor fetch), "
                       f"or build the table with --xml FILE.xml", err=True)
        return workflow.Evidence(records, articles)
    with _article_source(pmids, query, xml, settings) as (articles, total):
        with _progress(total, "Extracting", settings, threshold=1) as progress:
            return workflow.extract_evidence(articles, settings.patterns_dir, None, progress)


def _tables_for(pmids, from_jsonl, query, xml, curation, filters, settings: Settings):
    from extractor import workflow

    evidence = _evidence_for(pmids, from_jsonl, query, xml, settings)
    evidence, warnings = workflow.curate(evidence, curation)
    for warning in warnings:
        typer.echo(f"Warning: {warning}", err=True)
    return evidence, workflow.tables_of(evidence, filters)


def _filters(setting, population, regimen, relevant_only):
    from extractor.study_tables import Filters

    return Filters(setting=setting, population=population, regimen=regimen, relevant_only=relevant_only)


@app.command()
@_fails_cleanly
def table(
    pmids: Annotated[Optional[list[str]], typer.Argument(help="stored PMIDs")] = None,
    from_jsonl: FromOpt = None, xml: XmlOpt = None, query: QueryOpt = None,
    out: Annotated[Path, typer.Option(help="the study table file")] = Path("output/studies.csv"),
    fmt: Annotated[Optional[str], typer.Option("--format", help="csv, xlsx, md, json or html (default: from "
                                               "--out's suffix, else csv)")] = None,
    regimens_out: Annotated[Optional[Path], typer.Option("--regimens-out", help="also write the regimen table "
                                                         "(format from its suffix)")] = None,
    setting: SettingOpt = None, population: PopulationOpt = None, regimen: RegimenOpt = None,
    relevant_only: RelevantOpt = True, curation: CurationOpt = None,
    patterns: Annotated[Optional[Path], typer.Option(help="rule folder (env EXTRACTOR_PATTERNS)")] = None,
    store: StoreOpt = None, quiet: QuietOpt = False,
) -> None:
    """Write the study table (one row per study arm) and optionally the regimen table with pooled rates.

    Example: extractor table --from output/extracted.jsonl --out output/studies.xlsx --regimens-out output/regimens.csv
    """
    from extractor.writers import format_for, write_table

    settings = Settings.from_env(store_path=store, patterns_dir=patterns, quiet=quiet)
    fmt = format_for(out, fmt)
    _, tables = _tables_for(pmids, from_jsonl, query, xml, curation,
                            _filters(setting, population, regimen, relevant_only), settings)
    write_table(tables.study, out, fmt, "Salvage ALL evidence: study table")
    message = f"{len(tables.study)} study arms written to {out}" + _left_out(tables)
    if regimens_out is not None:
        write_table(tables.regimens, regimens_out, None, "Salvage ALL evidence: regimen table")
        message += f", {len(tables.regimens)} regimens to {regimens_out}"
    typer.echo(message, err=True)


def _left_out(tables) -> str:
    """'; left out, nothing to tabulate: PMID ...' for studies with no rows (study_tables.is_empty)."""
    return f"; left out, nothing to tabulate: PMID {', '.join(tables.left_out)}" if tables.left_out else ""


@app.command()
@_fails_cleanly
def report(
    pmids: Annotated[Optional[list[str]], typer.Argument(help="stored PMIDs")] = None,
    from_jsonl: FromOpt = None, xml: XmlOpt = None, query: QueryOpt = None,
    out: Annotated[Path, typer.Option(help="the HTML page")] = Path("output/report.html"),
    setting: SettingOpt = None, population: PopulationOpt = None, regimen: RegimenOpt = None,
    relevant_only: RelevantOpt = True, curation: CurationOpt = None,
    title: Annotated[str, typer.Option(help="the page heading")] = "Salvage ALL evidence",
    patterns: Annotated[Optional[Path], typer.Option(help="rule folder (env EXTRACTOR_PATTERNS)")] = None,
    store: StoreOpt = None, quiet: QuietOpt = False,
) -> None:
    """Write one self-contained HTML report: sortable study table linked to the abstracts, plots, regimen table.

    Example: extractor report --from output/extracted.jsonl --out output/report.html
    """
    from extractor.report import write_report

    settings = Settings.from_env(store_path=store, patterns_dir=patterns, quiet=quiet)
    _check_out_suffix(out, (".html", ".htm"))
    evidence, tables = _tables_for(pmids, from_jsonl, query, xml, curation,
                                   _filters(setting, population, regimen, relevant_only), settings)
    write_report(out, tables, evidence.articles, title)
    typer.echo(f"report of {len(tables.rows)} study arms written to {out}", err=True)


@app.command("run")
@_fails_cleanly
def run_all(
    query: Annotated[str, typer.Argument(help="a PubMed query")],
    max_results: Annotated[Optional[int], typer.Option("--max", min=1, help="keep at most N hits")] = None,
    out: Annotated[Path, typer.Option(help="output folder")] = Path("output"),
    curation: CurationOpt = None,
    store: Annotated[Optional[Path], typer.Option("--store", help="SQLite article store (default OUT/store.sqlite)")] = None,
    eutils_url: UrlOpt = None, email: EmailOpt = None, api_key: KeyOpt = None,
    offline: OfflineOpt = False, quiet: QuietOpt = False, jobs: JobsOpt = 1,
) -> None:
    """Search, fetch into the store, extract, and write the tables and the report, in one go.

    A rerun fetches only what the store lacks. Writes OUT/extracted.jsonl, studies.csv, studies.xlsx,
    regimens.csv and report.html (OUT/curation.csv, when present, is applied).

    Example: extractor run "inotuzumab ozogamicin AND acute lymphoblastic leukemia" --max 100 --out output
    """
    settings = _settings(store or out / "store.sqlite", eutils_url, email, api_key, offline, quiet)
    typer.echo(f"Searching PubMed for {query!r}", err=True)
    with ArticleStore(settings.store_path, create=not offline) as db:
        found, warnings = retrieval.run_search(query, settings, db, max_results)
        for warning in warnings:
            typer.echo(f"Warning: {warning}", err=True)
        with _progress(len(found.pmids), "Fetching", settings) as progress:
            fetched = retrieval.fetch_into_store(list(found.pmids), settings, db, False, progress)
        typer.echo(f"{len(found.pmids)} of {found.count} hits: {len(fetched.fetched)} fetched, "
                   f"{len(fetched.already_stored)} already stored in {settings.store_path}", err=True)
        articles = list(retrieval.stored_articles(db, found.pmids))
    _evidence_outputs(articles, out, curation, settings, f"Salvage ALL evidence: {query}", jobs)
