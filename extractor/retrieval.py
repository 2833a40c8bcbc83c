"""Getting articles: search and fetch through E-utilities into the store, or read them back from it.

This module joins the fetcher (eutils), the store and the XML splitter; it holds no HTTP or SQL itself.
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from extractor import pubmed_xml
from extractor.config import Settings
from extractor.errors import StoreError, UsageError
from extractor.eutils import EutilsClient
from extractor.models import Article
from extractor.store import ArticleStore, SearchRun

_PMID = re.compile(r"[1-9][0-9]{0,9}")

Progress = Callable[[int], None]
"""Called with the number of PMIDs just handled, after each batch is stored."""


@dataclass(frozen=True)
class FetchReport:
    """What a fetch did: PMIDs newly stored, already stored (skipped), and unknown to PubMed."""

    fetched: tuple[str, ...]
    already_stored: tuple[str, ...]
    unknown: tuple[str, ...]


def validate_pmids(pmids: Iterable[str]) -> list[str]:
    """Strip and check PMIDs (digits only), dropping repeats but keeping the order given.

    Raises:
        UsageError: naming the first malformed PMID.
    """
    clean: dict[str, None] = {}
    for raw in pmids:
        pmid = str(raw).strip()
        if not _PMID.fullmatch(pmid):
            raise UsageError(f"malformed PMID {raw!r}: a PMID is a positive whole number such as 30307611")
        clean[pmid] = None
    return list(clean)


def read_pmid_file(path: Path) -> list[str]:
    """PMIDs from a text file: one or more per line, separated by spaces or commas; '#' starts a comment."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot read PMID file {path}: {exc.strerror}") from None
    tokens = []
    for line in text.splitlines():
        tokens.extend(t for t in re.split(r"[\s,;]+", line.split("#", 1)[0]) if t)
    return tokens


def fetch_into_store(
    pmids: list[str],
    settings: Settings,
    store: ArticleStore,
    refresh: bool = False,
    progress: Progress | None = None,
    client: EutilsClient | None = None,
) -> FetchReport:
    """Fetch the PMIDs the store lacks (all of them with refresh), committing each batch as it arrives.

    In offline mode nothing is fetched: a StoreError names the PMIDs the store lacks.
    """
    pmids = validate_pmids(pmids)
    wanted = pmids if refresh else store.missing(pmids)
    pending = set(wanted)
    already = tuple(p for p in pmids if p not in pending)
    if settings.offline:
        if wanted:
            raise StoreError(f"offline, and the store lacks {len(wanted)} PMID(s): {_listing(wanted)}")
        return FetchReport((), already, ())
    client = client or EutilsClient(settings)
    fetched: list[str] = []
    for batch in client.efetch_pmids(wanted):
        records = list(pubmed_xml.split_records(batch.xml))
        store.put_many(records)
        fetched.extend(pmid for pmid, _ in records)
        if progress:
            progress(len(batch.pmids))
    got = set(fetched)
    return FetchReport(tuple(fetched), already, tuple(p for p in wanted if p not in got))


def run_search(
    query: str,
    settings: Settings,
    store: ArticleStore,
    max_results: int | None = None,
    mindate: str | None = None,
    maxdate: str | None = None,
    client: EutilsClient | None = None,
) -> tuple[SearchRun, tuple[str, ...]]:
    """Run a search and record it; the caller then fetches its hits with fetch_into_store.

    Offline, the newest stored run of the same query is returned instead of asking PubMed.

    Returns:
        The stored run, and PubMed's (or the client's) warnings, e.g. hits beyond what can be retrieved.
    """
    if not query.strip():
        raise UsageError("empty query: give a PubMed query such as 'inotuzumab AND leukemia'")
    if settings.offline:
        run = store.latest_search(query)
        if run is None:
            raise StoreError(f"offline, and the store holds no run of the query {query!r}; run it online first")
        return run, ()
    client = client or EutilsClient(settings)
    result = client.esearch(query, max_results=max_results, mindate=mindate, maxdate=maxdate)
    return store.record_search(query, result.count, list(result.pmids)), tuple(result.warnings)


def import_files(paths: Iterable[Path], store: ArticleStore, chunk: int = 1000) -> list[str]:
    """Store every record of local PubMed XML files (.xml or .xml.gz), streaming, committing every `chunk` records.

    Returns:
        The PMIDs stored, in file order.
    """
    stored: list[str] = []
    for path in paths:
        records = pubmed_xml.split_records(Path(path))
        while batch := list(itertools.islice(records, chunk)):
            store.put_many(batch)
            stored.extend(pmid for pmid, _ in batch)
    return stored


def stored_articles(store: ArticleStore, pmids: Iterable[str] | None = None) -> Iterator[Article]:
    """Parse stored records back into Articles, one at a time: the given PMIDs, or every stored one."""
    rows = store.iter_all() if pmids is None else store.iter_raw(pmids)
    for _, xml in rows:
        yield from pubmed_xml.iter_articles(xml)


def _listing(pmids: list[str], limit: int = 10) -> str:
    shown = ", ".join(pmids[:limit])
    return shown + (f" and {len(pmids) - limit} more" if len(pmids) > limit else "")
