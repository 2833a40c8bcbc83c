"""The article store: one SQLite file with the raw efetch XML of each PMID and every search run.

SQLite rather than a file per PMID: one file to move, transactions (a batch is stored whole or not at
all, so an interrupted fetch resumes with nothing lost), and it still works at a million records.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from extractor.errors import StoreError

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    pmid TEXT PRIMARY KEY NOT NULL,
    xml BLOB NOT NULL,
    fetched_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS searches (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    query TEXT NOT NULL,
    run_at TEXT NOT NULL,
    count INTEGER NOT NULL,
    pmids TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS searches_query ON searches (query);
"""


@dataclass(frozen=True)
class SearchRun:
    """One esearch run as stored: the query, when it ran, PubMed's hit count and the PMIDs retrieved."""

    id: int
    query: str
    run_at: str
    count: int
    pmids: tuple[str, ...]


class ArticleStore:
    """Raw PubMed XML per PMID plus search runs, in one SQLite file.

    Args:
        path: the SQLite file; its folder is created when missing.
        create: when False, a missing file is an error instead of a new empty store (used by --offline).

    Example:
        >>> with ArticleStore(Path("output/store.sqlite")) as store:
        ...     store.missing(["30307611"])
    """

    def __init__(self, path: Path, create: bool = True):
        self.path = Path(path)
        if not self.path.exists() and not create:
            raise StoreError(f"no article store at {self.path}; fetch or search first, or pass --store")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = self._open()

    def _open(self) -> sqlite3.Connection:
        try:
            db = sqlite3.connect(self.path)
            db.executescript(_SCHEMA)
            db.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
            db.commit()
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"{self.path} is not a usable article store ({exc}); move it aside or pass another --store"
            ) from None
        return db

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "ArticleStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def put_many(self, records: Iterable[tuple[str, bytes]]) -> int:
        """Store (pmid, raw XML) pairs in one transaction, replacing older copies.

        Returns:
            The number of records written.
        """
        now = _now()
        rows = [(pmid, sqlite3.Binary(xml), now) for pmid, xml in records]
        with self._transaction():
            self._db.executemany("INSERT OR REPLACE INTO articles VALUES (?, ?, ?)", rows)
        return len(rows)

    def get(self, pmid: str) -> bytes | None:
        row = self._query("SELECT xml FROM articles WHERE pmid = ?", (pmid,)).fetchone()
        return bytes(row[0]) if row else None

    def iter_raw(self, pmids: Iterable[str]) -> Iterator[tuple[str, bytes]]:
        """(pmid, raw XML) for each stored PMID, in the order given; PMIDs not stored are skipped."""
        for pmid in pmids:
            xml = self.get(pmid)
            if xml is not None:
                yield pmid, xml

    def iter_all(self) -> Iterator[tuple[str, bytes]]:
        """Every stored record, by PMID, one row at a time (no whole corpus in memory)."""
        yield from ((pmid, bytes(xml)) for pmid, xml in self._query("SELECT pmid, xml FROM articles ORDER BY pmid"))

    def fetched_at(self, pmid: str) -> str | None:
        row = self._query("SELECT fetched_at FROM articles WHERE pmid = ?", (pmid,)).fetchone()
        return row[0] if row else None

    def missing(self, pmids: Iterable[str]) -> list[str]:
        """The PMIDs, in the order given and without repeats, that the store does not hold."""
        seen: dict[str, None] = dict.fromkeys(pmids)
        stored = set()
        keys = list(seen)
        for start in range(0, len(keys), 500):  # SQLite caps bound parameters per statement
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            stored.update(r[0] for r in self._query(f"SELECT pmid FROM articles WHERE pmid IN ({marks})", chunk))
        return [p for p in keys if p not in stored]

    def count(self) -> int:
        return self._query("SELECT COUNT(*) FROM articles").fetchone()[0]

    def record_search(self, query: str, count: int, pmids: list[str]) -> SearchRun:
        """Store one search run and return it."""
        now = _now()
        with self._transaction():
            cur = self._db.execute(
                "INSERT INTO searches (query, run_at, count, pmids) VALUES (?, ?, ?, ?)",
                (query, now, count, json.dumps(pmids)),
            )
        return SearchRun(cur.lastrowid, query, now, count, tuple(pmids))

    def latest_search(self, query: str) -> SearchRun | None:
        """The newest stored run of exactly this query, or None."""
        row = self._query(
            "SELECT id, query, run_at, count, pmids FROM searches WHERE query = ? ORDER BY id DESC LIMIT 1", (query,)
        ).fetchone()
        return _search_run(row) if row else None

    def searches(self) -> list[SearchRun]:
        rows = self._query("SELECT id, query, run_at, count, pmids FROM searches ORDER BY id").fetchall()
        return [_search_run(r) for r in rows]

    def _query(self, sql: str, params: Iterable = ()) -> sqlite3.Cursor:
        try:
            return self._db.execute(sql, tuple(params))
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} cannot be read ({exc}); move it aside or pass another --store") from None

    def _transaction(self):
        return _Transaction(self._db, self.path)


class _Transaction:
    """Commit on success, roll back on any error, and turn SQLite errors into StoreError."""

    def __init__(self, db: sqlite3.Connection, path: Path):
        self._db, self._path = db, path

    def __enter__(self) -> None:
        return None

    def __exit__(self, exc_type, exc, tb) -> bool:
        if exc_type is None:
            self._db.commit()
            return False
        self._db.rollback()
        if issubclass(exc_type, sqlite3.DatabaseError):
            raise StoreError(f"could not write to {self._path} ({exc})") from None
        return False


def _search_run(row: tuple) -> SearchRun:
    return SearchRun(row[0], row[1], row[2], row[3], tuple(json.loads(row[4])))


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
