"""The command line: each command's happy path on offline data, and one-line errors with non-zero exits."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from extractor.cli import app

DEMO_PMIDS = [f"9100000{i}" for i in range(1, 9)]


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def store(tmp_path):
    return tmp_path / "store.sqlite"


@pytest.fixture
def demo_store(runner, store, fixtures_dir):
    """The demo articles in a store (loaded, not extracted: `demo` itself is tested once, below)."""
    result = runner.invoke(app, ["load", str(fixtures_dir / "demo"), "--store", str(store)])
    assert result.exit_code == 0, result.output
    return store


def run(runner, *args):
    return runner.invoke(app, [str(a) for a in args])


def test_cli_demo_stores_and_lists_the_bundled_articles(runner, store, tmp_path):
    result = run(runner, "demo", "--store", store, "--out", tmp_path / "out")
    lines = result.stdout.splitlines()
    assert result.exit_code == 0
    assert [line.split("\t")[0] for line in lines] == DEMO_PMIDS
    assert lines[0].split("\t")[1] == "2016"


def test_cli_demo_writes_store_records_tables_and_report(runner, tmp_path):
    out = tmp_path / "out"
    result = run(runner, "demo", "--out", out)
    assert result.exit_code == 0, result.output
    names = {"store.sqlite", "extracted.jsonl", "studies.csv", "studies.xlsx", "regimens.csv", "report.html"}
    assert names <= {p.name for p in out.iterdir()}
    assert len((out / "extracted.jsonl").read_text().splitlines()) == len(DEMO_PMIDS)
    assert "report:" in result.stderr


@pytest.mark.parametrize(("name", "fmt", "check"), [
    ("studies.csv", None, lambda p: p.read_text().startswith("pmid,first_author,year")),
    ("studies.xlsx", None, lambda p: p.read_bytes()[:2] == b"PK"),
    ("studies.md", None, lambda p: p.read_text().startswith("| pmid |")),
    ("studies.json", None, lambda p: json.loads(p.read_text())[0]["pmid"].startswith("9100000")),
    ("studies.html", None, lambda p: p.read_text().startswith("<!DOCTYPE html>")),
    ("studies.txt", "md", lambda p: p.read_text().startswith("| pmid |")),
])
def test_cli_table_writes_each_format(runner, fixtures_dir, tmp_path, name, fmt, check):
    out = tmp_path / name
    args = ["table", "--xml", fixtures_dir / "demo" / "91000003.xml", "--out", out]
    result = run(runner, *args, *(["--format", fmt] if fmt else []))
    assert result.exit_code == 0, result.output
    assert check(out)


def test_cli_table_from_jsonl_with_regimens_and_store_metadata(runner, demo_store, fixtures_dir, tmp_path):
    records = tmp_path / "extracted.jsonl"
    assert run(runner, "extract", "--xml", fixtures_dir / "demo" / "91000001.xml", "--out", records).exit_code == 0
    out, regimens = tmp_path / "studies.csv", tmp_path / "regimens.csv"
    result = run(runner, "table", "--from", records, "--out", out, "--regimens-out", regimens, "--store", demo_store)
    assert result.exit_code == 0, result.output
    assert "91000001" in out.read_text() and regimens.read_text().startswith("regimen,classes,setting")
    assert ",2016," in out.read_text()  # the year came from the stored article


def test_cli_table_from_jsonl_without_stored_articles_warns_and_still_writes(runner, store, fixtures_dir, tmp_path):
    records = tmp_path / "extracted.jsonl"
    assert run(runner, "extract", "--xml", fixtures_dir / "demo" / "91000001.xml", "--out", records).exit_code == 0
    out = tmp_path / "studies.csv"
    result = run(runner, "table", "--from", records, "--out", out, "--store", store)
    assert result.exit_code == 0, result.output
    assert "1 of 1 records have no stored article" in result.stderr and "--xml" in result.stderr
    assert "91000001" in out.read_text()


def test_cli_report_writes_one_html_page(runner, fixtures_dir, tmp_path):
    out = tmp_path / "report.html"
    result = run(runner, "report", "--xml", fixtures_dir / "demo" / "91000004.xml", "--out", out)
    assert result.exit_code == 0, result.output
    assert "<svg" in out.read_text() and 'id="studies"' in out.read_text()


@pytest.mark.parametrize(("args", "message"), [
    (["table", "--from", "absent.jsonl", "--out", "x.csv"], "no such JSON Lines file"),
    (["table", "--out", "x.csv"], "give exactly one source"),
    (["table", "--xml", "absent.xml", "--out", "x.csv", "--format", "pdf"], "unknown format 'pdf'"),
    (["report", "--xml", "absent.xml", "--out", "x.txt"], "must end in .html"),
])
def test_cli_table_and_report_fail_cleanly(runner, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    result = run(runner, *args)
    assert result.exit_code != 0
    assert message in result.stderr and "Traceback" not in result.output


def test_cli_table_reports_a_bad_curation_line(runner, fixtures_dir, tmp_path):
    curation = tmp_path / "curation.csv"
    curation.write_text("pmid,target,value,reviewer,note\n91000003,cohort_size,many,R,\n")
    result = run(runner, "table", "--xml", fixtures_dir / "demo" / "91000003.xml", "--out", tmp_path / "t.csv",
                 "--curation", curation)
    assert result.exit_code == 1
    assert f"{curation}:2: cohort_size needs a number, got 'many'" in result.stderr


def test_cli_list_prints_pmid_year_title(runner, demo_store):
    result = run(runner, "list", "--store", demo_store)
    pmid, year, title = result.stdout.splitlines()[2].split("\t")
    assert (pmid, year, title.startswith("Tisagenlecleucel")) == ("91000003", "2018", True)


def test_cli_show_json_has_every_field(runner, demo_store):
    result = run(runner, "show", "91000001", "--json", "--store", demo_store)
    record = json.loads(result.stdout)
    assert result.exit_code == 0
    assert [s["label"] for s in record["sections"]] == ["BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"]
    assert {"nlm_category", "text"} <= set(record["sections"][0])
    assert {"journal", "journal_iso", "year", "doi", "pmcid", "authors", "mesh_headings", "language"} <= set(record)


def test_cli_show_reads_an_xml_file_without_a_store(runner, fixtures_dir):
    result = run(runner, "show", "--xml", fixtures_dir / "demo" / "91000005.xml")
    assert result.exit_code == 0
    assert "PMID 91000005" in result.stdout and "Mini-hyper-CVD" in result.stdout


def test_cli_show_reports_pmids_not_in_the_store(runner, demo_store):
    result = run(runner, "show", "91000001", "12345", "--store", demo_store)
    assert result.exit_code != 0
    assert "not in the store: 12345" in result.stderr


def test_cli_load_stores_files_from_a_folder(runner, store, fixtures_dir):
    result = run(runner, "load", fixtures_dir / "demo", "--store", store)
    assert result.exit_code == 0
    assert "8 records from 8 file(s)" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["fetch", "12ab", "--offline"], "malformed PMID '12ab'"),
        (["fetch", "--offline"], "no PMIDs"),
        (["search", "  ", "--offline"], "empty query"),
        (["show", "--xml", "absent.xml"], "no such XML file"),
        (["load", "absent-folder"], "no such file or folder"),
        (["fetch", "1", "--out", "articles.csv"], "must end in .xml or .jsonl"),
    ],
)
def test_cli_bad_input_is_one_line_and_non_zero(runner, store, args, message):
    result = run(runner, *args, *(["--store", store] if args[0] != "show" else []))
    assert result.exit_code != 0
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_cli_offline_fetch_names_the_pmids_it_lacks(runner, demo_store):
    result = run(runner, "fetch", "91000001", "31", "32", "--offline", "--store", demo_store)
    assert result.exit_code != 0
    assert "lacks 2 PMID(s): 31, 32" in result.stderr


def test_cli_offline_fetch_of_stored_pmids_writes_jsonl(runner, demo_store, tmp_path):
    out = tmp_path / "a.jsonl"
    result = run(runner, "fetch", "91000002", "91000001", "--offline", "--store", demo_store, "--out", out)
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["pmid"] for line in out.read_text().splitlines()] == ["91000002", "91000001"]


def test_cli_fetch_out_xml_round_trips_through_show(runner, demo_store, tmp_path):
    out = tmp_path / "a.xml"
    run(runner, "fetch", "91000003", "91000004", "--offline", "--store", demo_store, "--out", out)
    result = run(runner, "show", "--xml", out, "--json")
    assert [json.loads(line)["pmid"] for line in result.stdout.splitlines()] == ["91000003", "91000004"]


def test_cli_corrupt_store_is_a_clear_error_and_left_untouched(runner, store):
    store.write_bytes(b"garbage" * 200)
    result = run(runner, "list", "--store", store)
    assert result.exit_code != 0
    assert "not a usable article store" in result.stderr
    assert store.read_bytes() == b"garbage" * 200


def test_cli_corrupt_xml_file_is_a_clear_error(runner, tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text("<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID>")
    result = run(runner, "show", "--xml", bad)
    assert result.exit_code != 0
    assert result.stderr.startswith("Error: ") and "Traceback" not in result.output


def test_cli_every_command_has_help_with_an_example(runner):
    for command in app.registered_commands:
        name = command.name or command.callback.__name__
        result = run(runner, name, "--help")
        assert result.exit_code == 0
        assert "Example:" in result.stdout, name


def test_cli_evaluate_scores_gold_against_itself_as_perfect(runner, corpus_dir, tmp_path):
    index = json.loads((corpus_dir / "articles.index.json").read_text())
    pred = tmp_path / "pred.jsonl"
    with pred.open("w") as fh:
        for entry in index:
            gold = json.loads((corpus_dir / "gold" / f"{entry['id']}.json").read_text())
            fh.write(json.dumps({**gold, "pmid": entry["pmid"]}) + "\n")
    result = run(runner, "evaluate", "--gold", corpus_dir / "gold", "--index", corpus_dir / "articles.index.json",
                 "--pred", pred, "--json")
    overall = json.loads(result.stdout)["overall"]
    assert result.exit_code == 0
    assert (overall["precision"], overall["recall"], overall["f1"]) == (1.0, 1.0, 1.0)


def test_cli_evaluate_names_a_missing_prediction_file(runner, corpus_dir, tmp_path):
    result = run(runner, "evaluate", "--gold", corpus_dir / "gold", "--index", corpus_dir / "articles.index.json",
                 "--pred", tmp_path / "absent.jsonl")
    assert result.exit_code != 0 and "absent.jsonl" in result.stderr


def _evidence_holds(record, article):
    texts = article.named_texts()
    values = record["outcomes"] + record["doses"] + record["comparisons"] + list(record["scalar_evidence"].values())
    for value in values:
        evidence = value.get("evidence", value)
        name, text = texts[evidence["section_index"]]
        assert name == evidence["section"]
        assert text[evidence["start"]:evidence["end"]] == evidence["text"]
    return len(values)


def test_cli_extract_from_xml_writes_jsonl_and_csv_with_exact_evidence(runner, fixtures_dir, tmp_path):
    from extractor.pubmed_xml import iter_articles

    source = fixtures_dir / "demo" / "91000002.xml"
    out, csv = tmp_path / "x.jsonl", tmp_path / "x.csv"
    result = run(runner, "extract", "--xml", source, "--out", out, "--csv", csv)
    record = json.loads(out.read_text())
    assert result.exit_code == 0, result.output
    assert _evidence_holds(record, next(iter_articles(source))) >= 5
    assert len(csv.read_text().splitlines()) > 5


def test_cli_extract_from_the_store_by_pmid_keeps_the_order(runner, demo_store, tmp_path):
    out = tmp_path / "x.jsonl"
    result = run(runner, "extract", "91000004", "91000003", "--store", demo_store, "--out", out)
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["pmid"] for line in out.read_text().splitlines()] == ["91000004", "91000003"]


def test_cli_extract_article_without_abstract_gives_an_empty_record(runner, demo_store, tmp_path):
    out = tmp_path / "x.jsonl"
    run(runner, "extract", "91000008", "--store", demo_store, "--out", out)
    record = json.loads(out.read_text())
    assert (record["outcomes"], record["doses"], record["comparisons"]) == ([], [], [])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "exactly one source"),
        (["91000001", "--xml", "a.xml"], "exactly one source"),
        (["--query", "never searched"], "no stored search"),
        (["12345"], "not in the store: 12345"),
        (["91000001", "--out", "x.csv"], "must end in .jsonl"),
    ],
)
def test_cli_extract_bad_input_is_one_line(runner, demo_store, args, message):
    result = run(runner, "extract", *args, "--store", demo_store)
    assert result.exit_code != 0 and message in result.stderr


class _Terminal:
    """A stand-in stderr that says it is a terminal and keeps what is written."""

    def __init__(self):
        self.parts = []

    def isatty(self):
        return True

    def write(self, text):
        self.parts.append(text)

    def flush(self):
        pass


@pytest.mark.parametrize(("total", "quiet", "shown"), [(450, False, True), (150, False, False), (450, True, False)])
def test_cli_progress_bar_only_for_more_than_one_batch_on_a_terminal(monkeypatch, total, quiet, shown):
    from extractor import cli
    from extractor.config import Settings

    terminal = _Terminal()
    monkeypatch.setattr(cli.sys, "stderr", terminal)
    with cli._progress(total, "Fetching", Settings(quiet=quiet)) as progress:
        if progress:
            progress(200)
    assert (progress is not None) == shown
    assert ("Fetching" in "".join(terminal.parts)) == shown
