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
