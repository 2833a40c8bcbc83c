"""Extraction records of a stream of articles, in one process or spread over worker processes.

The rules are pure Python, so one process uses one core; `jobs` worker processes each build their own pipeline
once and extract chunks of articles. Records come back in input order, and at most two chunks per worker are in
flight, so a corpus of any size still streams and an interrupted run keeps every record already yielded.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from pathlib import Path

from extractor.errors import UsageError
from extractor.models import Article

CHUNK_SIZE = 32  # articles per task: large enough that pickling is small beside extraction (~3 ms an article)

_worker_nlp = None  # the pipeline of this worker process (set by _start_worker)


def extraction_records(articles: Iterable[Article], patterns_dir: Path, jobs: int = 1) -> Iterator[dict]:
    """The records of `extract_articles`, in input order, from `jobs` processes (1: this process).

    Raises:
        UsageError: jobs is below 1.
    """
    if jobs < 1:
        raise UsageError(f"--jobs must be 1 or more, not {jobs}")
    if jobs == 1:
        from extractor.extraction import extract_articles
        from extractor.pipeline import build_nlp

        return extract_articles(articles, build_nlp(patterns_dir))
    return _records_from_workers(articles, patterns_dir, jobs)


def _records_from_workers(articles: Iterable[Article], patterns_dir: Path, jobs: int) -> Iterator[dict]:
    # spawn, not fork: a forked child would inherit the parent's threads (progress bar, HTTP pools) half-copied.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker,
                             initargs=(str(patterns_dir),)) as pool:
        pending: deque = deque()
        try:
            for chunk in _chunks(articles, CHUNK_SIZE):
                pending.append(pool.submit(_extract_chunk, chunk))
                if len(pending) >= 2 * jobs:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _start_worker(patterns_dir: str) -> None:
    global _worker_nlp
    from extractor.pipeline import build_nlp

    _worker_nlp = build_nlp(Path(patterns_dir))


def _extract_chunk(articles: list[Article]) -> list[dict]:
    from extractor.extraction import extract_articles

    return list(extract_articles(articles, _worker_nlp))
