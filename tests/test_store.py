"""The SQLite article store: raw XML per PMID, search runs, transactions, corrupt files."""
from __future__ import annotations

import sqlite3

import pytest

from extractor.errors import StoreError
from extractor.store import ArticleStore


@pytest.fixture
def store(tmp_path):
    with ArticleStore(tmp_path / "store.sqlite") as db:
        yield db


def test_store_round_trips_raw_xml_bytes(store):
    raw = "<PubmedArticle><PMID>1</PMID><T>µ ≥ −</T></PubmedArticle>".encode()
    store.put_many([("1", raw)])
    assert store.get("1") == raw


def test_store_records_when_each_record_was_fetched(store):
    store.put_many([("1", b"<a/>")])
    assert store.fetched_at("1").startswith("20")


def test_store_missing_keeps_order_and_drops_repeats(store):
    store.put_many([("2", b"<a/>")])
    assert store.missing(["3", "2", "1", "3"]) == ["3", "1"]


def test_store_missing_handles_more_ids_than_sqlite_parameters(store):
    store.put_many((str(i), b"<a/>") for i in range(1, 1500, 2))
    missing = store.missing(str(i) for i in range(1, 1501))
    assert missing == [str(i) for i in range(2, 1501, 2)]


def test_store_put_replaces_an_older_copy(store):
    store.put_many([("1", b"<old/>")])
    store.put_many([("1", b"<new/>")])
    assert (store.get("1"), store.count()) == (b"<new/>", 1)


def test_store_iter_raw_follows_the_given_order_and_skips_unknown(store):
    store.put_many([("1", b"<a/>"), ("2", b"<b/>")])
    assert [p for p, _ in store.iter_raw(["2", "9", "1"])] == ["2", "1"]


def test_store_keeps_search_runs_and_returns_the_latest(store):
    store.record_search("blinatumomab", 3, ["3", "2", "1"])
    store.record_search("blinatumomab", 4, ["4", "3", "2", "1"])
    latest = store.latest_search("blinatumomab")
    assert (latest.count, latest.pmids, len(store.searches())) == (4, ("4", "3", "2", "1"), 2)


def test_store_survives_reopening(tmp_path):
    path = tmp_path / "s.sqlite"
    with ArticleStore(path) as db:
        db.put_many([("7", b"<x/>")])
    with ArticleStore(path, create=False) as db:
        assert db.get("7") == b"<x/>"


def test_store_failed_batch_leaves_earlier_batches_intact(store):
    store.put_many([("1", b"<a/>")])
    with pytest.raises(StoreError):
        store.put_many([("2", b"<b/>"), (None, b"<c/>")])  # NOT NULL violation mid-batch
    assert (store.count(), store.get("2")) == (1, None)


def test_store_missing_file_without_create_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no article store"):
        ArticleStore(tmp_path / "absent.sqlite", create=False)


def test_store_corrupt_file_is_a_clear_error(tmp_path):
    path = tmp_path / "corrupt.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="not a usable article store"):
        ArticleStore(path)
    assert path.read_bytes().startswith(b"this is not a database")  # left as it was


def test_store_is_a_plain_sqlite_file(tmp_path):
    path = tmp_path / "s.sqlite"
    with ArticleStore(path) as db:
        db.put_many([("5", b"<x/>")])
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT pmid FROM articles").fetchall() == [("5",)]
