"""Shared fixtures and options. Tests are offline: the only server they talk to runs on 127.0.0.1."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"


def pytest_addoption(parser):
    parser.addoption("--network", action="store_true", help="run tests that reach the real NCBI")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--network"):
        return
    skip = pytest.mark.skip(reason="needs the real NCBI; run with --network")
    for item in items:
        if "network" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return REPO / "fixtures"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not (CORPUS / "articles.xml").exists():
        pytest.fail(f"the shared corpus is missing at {CORPUS}; it must sit beside the project as ../shared/corpus")
    return CORPUS


@pytest.fixture(scope="session")
def nlp():
    """The real extraction pipeline, built once per test session from the repo's patterns/."""
    from extractor.pipeline import build_nlp

    return build_nlp(REPO / "patterns")


@pytest.fixture
def eutils_server():
    """A fake NCBI E-utilities server on 127.0.0.1 (tests/eutils_server.py), stopped after the test.

    Point a client at it with Settings(eutils_url=eutils_server.url). Queue faults with
    eutils_server.inject(Fault...), read eutils_server.requests, swap the corpus with
    eutils_server.reset(corpus=FakePubMed.generate(size=...)).
    """
    from eutils_server import EutilsServer

    with EutilsServer() as server:
        yield server
        assert not server.errors, "the fake E-utilities server failed:\n" + "\n".join(server.errors)


@pytest.fixture(scope="session")
def corpus_extraction(nlp, corpus_dir):
    """Every corpus article and its extraction record, extracted once per session (treat as read-only)."""
    from extractor.extraction import extract_articles
    from extractor.pubmed_xml import iter_articles

    articles = list(iter_articles(corpus_dir / "articles.xml"))
    return articles, list(extract_articles(articles, nlp))


@pytest.fixture(scope="session")
def corpus_evaluation(corpus_extraction, corpus_dir, tmp_path_factory):
    """The corpus extraction scored against the gold with extractor.evaluate."""
    import json

    from extractor.evaluate import evaluate

    pred = tmp_path_factory.mktemp("corpus") / "pred.jsonl"
    pred.write_text("".join(json.dumps(record) + "\n" for record in corpus_extraction[1]))
    return evaluate(corpus_dir / "gold", corpus_dir / "articles.index.json", pred)
