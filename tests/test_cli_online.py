"""The command line against the fake E-utilities server on 127.0.0.1: search, fetch, resume, failures."""
from __future__ import annotations

import json
import socket

import pytest
from typer.testing import CliRunner

from eutils_server import Fault
from extractor.cli import app
from extractor.store import ArticleStore

FIRST = 20_000_000  # FakePubMed.generate's first PMID; PMIDs step by 3


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def env(eutils_server, tmp_path, monkeypatch):
    """Point the CLI at the fake server through the environment, as a user with a mirror would."""
    monkeypatch.setenv("EXTRACTOR_EUTILS_URL", eutils_server.url)
    monkeypatch.setenv("EXTRACTOR_STORE", str(tmp_path / "store.sqlite"))
    monkeypatch.setenv("NCBI_API_KEY", "test-key")  # 10 requests/s keeps the suite quick
    return tmp_path / "store.sqlite"


def pmids(*indexes):
    return [str(FIRST + 3 * i) for i in indexes]


def run(runner, *args):
    return runner.invoke(app, [str(a) for a in args])


def test_cli_search_prints_one_line_per_hit_and_stores_them(runner, env, eutils_server):
    result = run(runner, "search", "blinatumomab")
    lines = result.stdout.splitlines()
    assert result.exit_code == 0, result.output
    assert len(lines) == 25
    pmid, year, title = lines[0].split("\t")
    assert year.isdigit() and title.startswith("Invented trial")
    with ArticleStore(env) as db:
        assert db.count() == 25 and db.latest_search("blinatumomab").count == 25


def test_cli_search_max_limits_hits(runner, env):
    result = run(runner, "search", "inotuzumab", "--max", "30")
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 30


def test_cli_search_offline_replays_the_stored_run(runner, env, eutils_server):
    run(runner, "search", "blinatumomab")
    before = len(eutils_server.requests)
    result = run(runner, "search", "blinatumomab", "--offline")
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 25
    assert len(eutils_server.requests) == before


def test_cli_fetch_sends_only_what_the_store_lacks(runner, env, eutils_server):
    run(runner, "fetch", *pmids(1, 2))
    run(runner, "fetch", *pmids(1, 2, 3))
    posted = [r.params["id"] for r in eutils_server.requests_to("efetch")]
    assert posted == [",".join(pmids(1, 2)), pmids(3)[0]]


def test_cli_fetch_refresh_fetches_again(runner, env, eutils_server):
    run(runner, "fetch", *pmids(1))
    run(runner, "fetch", *pmids(1), "--refresh")
    assert len(eutils_server.requests_to("efetch")) == 2


def test_cli_fetch_reads_a_pmid_file(runner, env, tmp_path):
    listing = tmp_path / "pmids.txt"
    listing.write_text(f"# my review\n{pmids(4)[0]}, {pmids(5)[0]}\n{pmids(6)[0]}\n")
    result = run(runner, "fetch", "--pmid-file", listing)
    assert result.exit_code == 0 and "3 fetched" in result.stderr


def test_cli_fetch_names_pmids_pubmed_does_not_know(runner, env):
    unknown = str(FIRST + 1)  # between two generated PMIDs
    result = run(runner, "fetch", *pmids(1), unknown)
    assert result.exit_code != 0
    assert f"PubMed does not know 1 PMID(s): {unknown}" in result.stderr
    with ArticleStore(env) as db:
        assert db.missing(pmids(1)) == []  # the known one is stored all the same


def test_cli_fetch_resumes_after_a_failed_run_with_nothing_lost(runner, env, eutils_server, monkeypatch):
    monkeypatch.setenv("EXTRACTOR_MAX_RETRIES", "0")
    wanted = pmids(*range(450))
    first = run(runner, "fetch", *wanted[:200])  # batch 1 stored
    eutils_server.inject(Fault.http(503, endpoint="efetch"), times=20)
    failed = run(runner, "fetch", *wanted)  # every further batch fails
    assert first.exit_code == 0 and failed.exit_code != 0
    with ArticleStore(env) as db:
        assert db.count() == 200
    eutils_server.reset()
    resumed = run(runner, "fetch", *wanted)
    assert resumed.exit_code == 0
    assert [len(r.params["id"].split(",")) for r in eutils_server.requests_to("efetch")] == [200, 50]


def test_cli_unreachable_server_suggests_offline(runner, env, monkeypatch):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed_port = sock.getsockname()[1]
    monkeypatch.setenv("EXTRACTOR_EUTILS_URL", f"http://127.0.0.1:{closed_port}/entrez/eutils/")
    monkeypatch.setenv("EXTRACTOR_MAX_RETRIES", "1")
    result = run(runner, "fetch", *pmids(1))
    assert result.exit_code != 0
    assert "--offline" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_cli_fetch_out_jsonl_holds_the_parsed_articles(runner, env, tmp_path):
    out = tmp_path / "a.jsonl"
    result = run(runner, "fetch", *pmids(7, 8), "--out", out)
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert result.exit_code == 0
    assert [r["pmid"] for r in records] == pmids(7, 8)
    assert records[0]["sections"][2]["nlm_category"] == "RESULTS"


def test_cli_run_searches_fetches_extracts_and_writes_tables_and_report(runner, env, eutils_server, tmp_path):
    out = tmp_path / "out"
    result = run(runner, "run", "blinatumomab", "--max", "5", "--out", out, "--store", env)
    assert result.exit_code == 0, result.output
    assert {"extracted.jsonl", "studies.csv", "studies.xlsx", "regimens.csv", "report.html"} <= {
        p.name for p in out.iterdir()}
    assert len((out / "extracted.jsonl").read_text().splitlines()) == 5
    assert "5 fetched, 0 already stored" in result.stderr


def test_cli_run_again_uses_the_store_and_fetches_nothing(runner, env, eutils_server, tmp_path):
    out = tmp_path / "out"
    assert run(runner, "run", "blinatumomab", "--max", "5", "--out", out, "--store", env).exit_code == 0
    fetches = sum(r.endpoint == "efetch" for r in eutils_server.requests)
    result = run(runner, "run", "blinatumomab", "--max", "5", "--out", out, "--store", env)
    assert result.exit_code == 0, result.output
    assert "0 fetched, 5 already stored" in result.stderr
    assert sum(r.endpoint == "efetch" for r in eutils_server.requests) == fetches
