"""extractor: evidence tables of salvage ALL regimens from PubMed abstracts, with exact provenance.

The public API; each function imports its module when called, so importing the package stays cheap.
"""
from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["fetch", "parse", "extract", "to_table", "__version__"]


def fetch(pmids, settings=None, store_path=None):
    """Fetch PMIDs into the article store (see extractor.retrieval.fetch_into_store) and return the report."""
    from extractor.config import Settings
    from extractor.retrieval import fetch_into_store
    from extractor.store import ArticleStore

    settings = settings or Settings.from_env(store_path=store_path)
    with ArticleStore(settings.store_path) as store:
        return fetch_into_store(list(pmids), settings, store)


def parse(source):
    """Parsed articles of a PubMed XML file, bytes or stream, one at a time."""
    from extractor.pubmed_xml import iter_articles

    return iter_articles(source)


def extract(articles, patterns_dir=None):
    """Extraction records (gold schema, with evidence) of parsed articles, one at a time."""
    from extractor.config import Settings
    from extractor.extraction import extract_articles
    from extractor.pipeline import build_nlp

    return extract_articles(articles, build_nlp(patterns_dir or Settings().patterns_dir))


def to_table(records):
    """One row per extracted value, as a pandas DataFrame."""
    from extractor.tables import values_frame

    return values_frame(records)
