"""NCBI E-utilities client: esearch and efetch for PubMed, with NCBI's usage rules built in.

Fetching only: this module returns PMIDs and raw efetch bytes and knows nothing about articles.
It reads esearch replies (JSON or XML) and checks that efetch replies are well-formed XML, because
NCBI reports many failures with HTTP 200 and an error body.

NCBI's rules (https://www.ncbi.nlm.nih.gov/books/NBK25497/) that shape the code:

* at most 3 requests per second, 10 with an API key, counted over all requests of a user;
* send ``tool`` and ``email`` (and ``api_key``) with every request;
* use HTTP POST for long lists of UIDs;
* esearch serves only the first 9,999 hits of one PubMed query (``retstart`` <= 9,998), so larger
  result sets must be cut into publication-date slices that each stay below the cap.
"""
from __future__ import annotations

import calendar
import email.utils
import json
import logging
import random
import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone

import requests
from lxml import etree

from extractor.config import Settings
from extractor.errors import FetchError, UsageError

log = logging.getLogger(__name__)

#: PubMed esearch cannot page past the first 9,999 hits of one query (retstart is capped at 9,998).
PUBMED_MAX_RETRIEVABLE = 9_999
#: NCBI's largest retmax for esearch.
ESEARCH_MAX_RETMAX = 10_000
#: NCBI asks for at most 200 UIDs per efetch request.
EFETCH_MAX_BATCH = 200
#: Publication dates searched when a query must be sliced and the caller gave no dates.
EARLIEST_PUBDATE = date(1700, 1, 1)

_PMID = re.compile(r"[1-9][0-9]{0,9}")
_USER_DATE = re.compile(r"(\d{4})(?:[/-](\d{1,2})(?:[/-](\d{1,2}))?)?")
# Long terms go by POST: URLs much over ~2,000 characters are refused by some proxies.
_MAX_GET_QUERY_CHARS = 1_800
# One parser for every check: no DTD loading, no entities, no network (efetch bodies are untrusted).
_SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
_OFFLINE_HINT = "check the network or the --eutils-url, or use --offline to work from the local store"


@dataclass(frozen=True)
class SearchResult:
    """PMIDs found by one esearch query, in PubMed's order.

    Attributes:
        query: the query as sent.
        count: the number of hits PubMed reports for the query (within mindate/maxdate).
        pmids: the retrieved PMIDs, without duplicates; at most max_results.
        webenv: the history server's WebEnv of the (first) search.
        query_key: the history server's query key of the (first) search.
        translation: PubMed's QueryTranslation.
        warnings: hits that could not be retrieved, said in words (empty when all were).
    """

    query: str
    count: int
    pmids: list[str]
    webenv: str | None = None
    query_key: str | None = None
    translation: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class FetchedBatch:
    """One efetch reply: the PMIDs asked for and the raw PubmedArticleSet bytes."""

    pmids: list[str]
    xml: bytes
    index: int = 0
    total: int = 1


@dataclass(frozen=True)
class DateSpan:
    """An inclusive range of publication dates, as sent to esearch (datetype=pdat)."""

    start: date
    end: date

    def params(self) -> dict[str, str]:
        """The esearch parameters that restrict a query to this span."""
        return {"datetype": "pdat", "mindate": _ncbi_date(self.start), "maxdate": _ncbi_date(self.end)}

    @property
    def splittable(self) -> bool:
        return self.start < self.end

    def split(self) -> tuple[DateSpan, DateSpan]:
        """Halve the span on year boundaries, else month boundaries, else days.

        Returns:
            (older, newer): two spans that together cover this one.
        """
        a, b = self.start, self.end
        if not self.splittable:
            raise ValueError(f"a one-day span cannot be split: {self}")
        if a.year < b.year:
            mid = (a.year + b.year) // 2
            return DateSpan(a, date(mid, 12, 31)), DateSpan(date(mid + 1, 1, 1), b)
        if a.month < b.month:
            mid = (a.month + b.month) // 2
            return DateSpan(a, _month_end(a.year, mid)), DateSpan(date(a.year, mid + 1, 1), b)
        mid = (a.day + b.day) // 2
        return DateSpan(a, date(a.year, a.month, mid)), DateSpan(date(a.year, a.month, mid + 1), b)

    def __str__(self) -> str:
        return f"{_ncbi_date(self.start)}-{_ncbi_date(self.end)}"


@dataclass(frozen=True)
class _Page:
    """One esearch reply, decoded."""

    count: int
    pmids: list[str]
    webenv: str | None
    query_key: str | None
    translation: str | None


class _Transient(Exception):
    """A failure worth retrying: 429, 5xx, a dropped connection, a timeout or a garbled body."""

    def __init__(self, reason: str, retry_after: float | None = None, unreachable: bool = False):
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after
        self.unreachable = unreachable


class _ErrorPayload(Exception):
    """NCBI answered with an error message in the body (often with HTTP 200); not retried."""


class RateLimiter:
    """Spaces calls evenly so that at most ``rate`` start in any one-second window; thread-safe.

    Args:
        rate: calls per second allowed.
        clock: a monotonic clock in seconds.
        sleep: how to wait.
        slack: fraction added to the interval, so that jitter on the way to the server cannot
            squeeze ``rate + 1`` requests into one second as NCBI counts them.
    """

    def __init__(self, rate: float, clock: Callable[[], float], sleep: Callable[[float], None], slack: float = 0.05):
        if rate <= 0:
            raise ValueError("rate must be positive")
        self._interval = (1.0 + slack) / rate
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._next: float | None = None

    def wait(self) -> None:
        """Block until the next call may start. The lock is held while sleeping, to queue threads."""
        with self._lock:
            now = self._clock()
            if self._next is not None and now < self._next:
                self._sleep(self._next - now)
                now = max(self._clock(), self._next)
            self._next = now + self._interval


class BatchIterator(Iterator):
    """An iterator over efetch batches that also knows how many batches there are (``len()``)."""

    def __init__(self, batches: Iterator, total: int):
        self._batches = batches
        self._total = total

    def __len__(self) -> int:
        return self._total

    def __iter__(self) -> BatchIterator:
        return self

    def __next__(self):
        return next(self._batches)


class EutilsClient:
    """A polite PubMed client for esearch and efetch.

    Args:
        settings: eutils_url, tool, email, api_key, timeout_s, max_retries, backoff_*, batch_size.
        session: a requests.Session to reuse (one is made otherwise).
        sleep: how to wait (tests pass a recorder).
        clock: a monotonic clock in seconds, used by the rate limiter.
        esearch_retmode: "json" (default) or "xml"; both are understood in replies anyway.
        page_size: PMIDs asked for per esearch request (NCBI allows up to 10,000).
        rng: random source for back-off jitter.

    Example:
        >>> with EutilsClient(Settings(email="me@example.org")) as client:  # doctest: +SKIP
        ...     hits = client.esearch("inotuzumab AND leukemia", max_results=50)
    """

    def __init__(
        self,
        settings: Settings,
        session: requests.Session | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        *,
        esearch_retmode: str = "json",
        page_size: int = ESEARCH_MAX_RETMAX,
        rng: random.Random | None = None,
    ):
        if esearch_retmode not in ("json", "xml"):
            raise ValueError("esearch_retmode must be 'json' or 'xml'")
        if not 1 <= page_size <= ESEARCH_MAX_RETMAX:
            raise ValueError(f"page_size must be 1..{ESEARCH_MAX_RETMAX}")
        self.settings = settings
        self._session = session or requests.Session()
        self._owns_session = session is None
        self._sleep = sleep
        self._limiter = RateLimiter(settings.requests_per_second, clock, sleep)
        self._retmode = esearch_retmode
        self._page_size = page_size
        self._rng = rng or random.Random()

    def __enter__(self) -> EutilsClient:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Close the HTTP session if this client made it."""
        if self._owns_session:
            self._session.close()

    # ----------------------------------------------------------------- esearch

    def esearch(
        self,
        query: str,
        max_results: int | None = None,
        mindate: str | None = None,
        maxdate: str | None = None,
    ) -> SearchResult:
        """Search PubMed and retrieve every PMID (or the first max_results), in PubMed's order.

        Queries with more than 9,999 hits are cut into publication-date slices, newest first,
        and PMIDs found in two slices (print and electronic dates) are kept once.

        Args:
            query: a PubMed query.
            max_results: stop after this many PMIDs (None: all).
            mindate: earliest publication date, YYYY[/MM[/DD]].
            maxdate: latest publication date, YYYY[/MM[/DD]].

        Returns:
            A SearchResult; a query with no hits (PhraseNotFound) gives an empty one.

        Raises:
            UsageError: empty query, bad max_results or dates.
            FetchError: NCBI answered with an error or could not be reached.
        """
        term = _check_query(query)
        _check_max_results(max_results)
        span = _user_span(mindate, maxdate)
        retmax = min(self._page_size, max_results or self._page_size)
        first = self._esearch_page(term, span, retstart=0, retmax=retmax)
        wanted = first.count if max_results is None else min(first.count, max_results)
        if wanted <= PUBMED_MAX_RETRIEVABLE:
            pmids = _first_unique(self._slice_ids(first, term, span, wanted), wanted)
            warnings: tuple[str, ...] = ()
        else:
            whole = span or DateSpan(EARLIEST_PUBDATE, date(date.today().year + 1, 12, 31))
            pmids, warnings = self._sliced_ids(term, whole, wanted, first.webenv)
        if len(pmids) < wanted and not warnings:
            warnings = (f"PubMed reported {wanted} hits but served {len(pmids)}",)
        return SearchResult(term, first.count, pmids, first.webenv, first.query_key, first.translation, warnings)

    def _sliced_ids(
        self, term: str, whole: DateSpan, wanted: int, webenv: str | None
    ) -> tuple[list[str], tuple[str, ...]]:
        """Collect PMIDs slice by slice, newest first, halving any slice over the 9,999 cap."""
        warnings: list[str] = []

        def ids() -> Iterator[str]:
            # The whole span is known to be over the cap: split it at once (a single day cannot be).
            stack = list(whole.split()) if whole.splittable else [whole]
            while stack:
                span = stack.pop()  # newest last on the stack, so popped first
                page = self._esearch_page(term, span, 0, self._page_size, webenv=webenv)
                if page.count > PUBMED_MAX_RETRIEVABLE and span.splittable:
                    stack.extend(span.split())
                    continue
                if page.count > PUBMED_MAX_RETRIEVABLE:
                    warnings.append(
                        f"{page.count} hits published on {_ncbi_date(span.start)}: PubMed serves only the "
                        f"first {PUBMED_MAX_RETRIEVABLE} of one search, so the rest were not retrieved"
                    )
                yield from self._slice_ids(page, term, span, min(page.count, PUBMED_MAX_RETRIEVABLE))

        pmids = _first_unique(ids(), wanted)
        return pmids, tuple(warnings)

    def _slice_ids(self, first: _Page, term: str, span: DateSpan | None, total: int) -> Iterator[str]:
        """Yield the PMIDs of one search, paging with WebEnv/query_key and retstart (lazily)."""
        yield from first.pmids
        retstart = len(first.pmids)
        while retstart < total:
            retmax = min(self._page_size, total - retstart)
            page = self._esearch_page(term, span, retstart, retmax, webenv=first.webenv, query_key=first.query_key)
            if not page.pmids:  # PubMed served fewer than it counted; stop rather than loop
                return
            yield from page.pmids
            retstart += len(page.pmids)

    def _esearch_page(
        self,
        term: str,
        span: DateSpan | None,
        retstart: int,
        retmax: int,
        webenv: str | None = None,
        query_key: str | None = None,
    ) -> _Page:
        params = {"db": "pubmed", "term": term, "usehistory": "y", "retmode": self._retmode,
                  "retstart": str(retstart), "retmax": str(retmax), "WebEnv": webenv, "query_key": query_key}
        if span is not None:
            params.update(span.params())
        method = "POST" if len(term) > _MAX_GET_QUERY_CHARS else "GET"
        return self._call(method, "esearch.fcgi", params, _read_esearch, what="esearch")

    # ------------------------------------------------------------------ efetch

    def efetch_pmids(
        self, pmids: Sequence[str], progress: Callable[[int], None] | None = None
    ) -> BatchIterator:
        """Fetch PubMed records by PMID, one POST of at most ``settings.batch_size`` (<= 200) at a time.

        Nothing is requested until the iterator is advanced; each batch is fetched only when the
        previous one has been consumed, so a caller can store it first.

        Args:
            pmids: PMIDs as digit strings; repeats are fetched once.
            progress: called with the number of PMIDs of each batch once it is fetched.

        Returns:
            An iterator of FetchedBatch; ``len()`` of it is the number of batches.

        Raises:
            UsageError: a PMID is not a digit string (raised at once, before any request).
            FetchError: a batch still failed after the retries (names its first and last PMID).
        """
        wanted = _dedupe(_check_pmid(p) for p in pmids)
        size = self._batch_size()
        chunks = [wanted[i:i + size] for i in range(0, len(wanted), size)]
        return BatchIterator(self._fetch_chunks(chunks, progress), len(chunks))

    def _fetch_chunks(self, chunks: list[list[str]], progress: Callable[[int], None] | None) -> Iterator[FetchedBatch]:
        for index, chunk in enumerate(chunks):
            what = f"efetch of PMIDs {chunk[0]}..{chunk[-1]} (batch {index + 1} of {len(chunks)})"
            params = {"db": "pubmed", "retmode": "xml", "id": ",".join(chunk)}
            xml = self._call("POST", "efetch.fcgi", params, _check_efetch, what=what)
            if progress is not None:
                progress(len(chunk))
            yield FetchedBatch(chunk, xml, index, len(chunks))

    def efetch_history(
        self, webenv: str, query_key: str, count: int, batch_size: int | None = None
    ) -> BatchIterator:
        """Fetch the records of a search kept on NCBI's history server, batch by batch.

        Args:
            webenv: SearchResult.webenv.
            query_key: SearchResult.query_key.
            count: how many records to fetch (SearchResult.count, or fewer).
            batch_size: records per request (default settings.batch_size; at most 200).

        Returns:
            An iterator of raw PubmedArticleSet bytes; ``len()`` of it is the number of batches.

        Raises:
            UsageError: missing webenv/query_key or a negative count.
            FetchError: a batch still failed after the retries.
        """
        if not webenv or not query_key:
            raise UsageError("efetch from the history server needs both WebEnv and query_key")
        if count < 0:
            raise UsageError(f"count must not be negative, got {count}")
        size = self._batch_size(batch_size)
        starts = list(range(0, count, size))
        return BatchIterator(self._fetch_history(webenv, query_key, count, size, starts), len(starts))

    def _fetch_history(self, webenv: str, query_key: str, count: int, size: int, starts: list[int]) -> Iterator[bytes]:
        for index, start in enumerate(starts):
            retmax = min(size, count - start)
            what = f"efetch of records {start + 1}..{start + retmax} of query_key {query_key}"
            params = {"db": "pubmed", "retmode": "xml", "WebEnv": webenv, "query_key": query_key,
                      "retstart": str(start), "retmax": str(retmax)}
            yield self._call("POST", "efetch.fcgi", params, _check_efetch, what=what)

    def _batch_size(self, requested: int | None = None) -> int:
        size = requested if requested is not None else self.settings.batch_size
        if size < 1:
            raise UsageError(f"batch size must be at least 1, got {size}")
        return min(size, EFETCH_MAX_BATCH)

    # ------------------------------------------------------------ HTTP, retries

    def _call(self, method: str, endpoint: str, params: dict, check: Callable[[bytes], object], what: str):
        """One E-utilities call with pacing, retries and back-off; returns ``check(body)``.

        Retries 429, 5xx, dropped connections, timeouts and garbled bodies; fails at once on other
        4xx and on error payloads that NCBI sends with HTTP 200.
        """
        url = self.settings.eutils_url.rstrip("/") + "/" + endpoint
        params = self._with_identity(params)
        attempts = max(0, self.settings.max_retries) + 1
        for attempt in range(attempts):
            try:
                return check(self._send(method, url, params, what))
            except _ErrorPayload as exc:
                raise FetchError(f"{what}: NCBI reported an error: {exc}") from None
            except _Transient as failure:
                if attempt + 1 == attempts:
                    raise FetchError(_exhausted_message(what, url, attempts, failure)) from None
                delay = self._retry_delay(attempt, failure, what)
                log.info("%s: %s; retry %d of %d in %.2f s", what, failure.reason, attempt + 1,
                            attempts - 1, delay)
                self._sleep(delay)
        raise AssertionError("unreachable")  # the loop returns or raises

    def _send(self, method: str, url: str, params: dict, what: str) -> bytes:
        """Send one paced request; return the body of a 2xx reply or raise."""
        self._limiter.wait()
        options = {"params": params} if method == "GET" else {"data": params}
        try:
            reply = self._session.request(method, url, timeout=self.settings.timeout_s, **options)
            body = reply.content
        except requests.Timeout as exc:
            raise _Transient(f"no reply within {self.settings.timeout_s:g} s ({_describe(exc)})",
                             unreachable=isinstance(exc, requests.ConnectTimeout)) from None
        except (requests.ConnectionError, requests.exceptions.ChunkedEncodingError,
                requests.exceptions.ContentDecodingError) as exc:
            raise _Transient(f"connection failed ({_describe(exc)})", unreachable=_is_refused(exc)) from None
        status = reply.status_code
        if status == 429 or status >= 500:
            retry_after = _retry_after_seconds(reply.headers.get("Retry-After"))
            raise _Transient(f"HTTP {status} {reply.reason or ''}".rstrip(), retry_after=retry_after)
        if status >= 400:
            raise FetchError(f"{what}: NCBI refused the request with HTTP {status} {reply.reason or ''}"
                             f"{_snippet(body)}; this is not retried, check the query and options")
        return body

    def _retry_delay(self, attempt: int, failure: _Transient, what: str) -> float:
        """Back-off before the next try; honours Retry-After up to settings.backoff_max_s."""
        delay = backoff_delay(attempt, self.settings.backoff_base_s, self.settings.backoff_max_s, self._rng)
        if failure.retry_after is None:
            return delay
        if failure.retry_after > self.settings.backoff_max_s:
            raise FetchError(f"{what}: NCBI asked to wait {failure.retry_after:.0f} s (Retry-After), more than "
                             f"the {self.settings.backoff_max_s:g} s allowed; try again later")
        return max(delay, failure.retry_after)

    def _with_identity(self, params: dict) -> dict[str, str]:
        """Add tool, email and api_key (NCBI asks for them on every request); drop None values."""
        identity = {"tool": self.settings.tool, "email": self.settings.email, "api_key": self.settings.api_key}
        merged = {**params, **identity}
        return {k: str(v) for k, v in merged.items() if v is not None and v != ""}


def backoff_delay(attempt: int, base_s: float, max_s: float, rng: random.Random) -> float:
    """Exponential back-off with jitter: base * 2**attempt, times 1.0-1.25, capped at max_s.

    The jitter keeps clients that failed together from retrying together; it stays below the
    doubling, so each wait is longer than the one before until the cap.

    Args:
        attempt: 0 for the first retry.
        base_s: the first wait before jitter.
        max_s: the longest wait.
        rng: random source.

    Returns:
        Seconds to wait.
    """
    return min(max_s, base_s * (2 ** attempt) * (1.0 + 0.25 * rng.random()))


# --------------------------------------------------------------- reply checks

def _read_esearch(body: bytes) -> _Page:
    """Decode an esearch reply (JSON or XML, whichever it is); error payloads raise FetchError."""
    text = body.lstrip()
    if text.startswith(b"{"):
        return _read_esearch_json(text)
    return _read_esearch_xml(text)


def _read_esearch_json(body: bytes) -> _Page:
    try:
        doc = json.loads(body)
    except ValueError as exc:
        raise _Transient(f"esearch sent malformed JSON ({exc})") from None
    result = doc.get("esearchresult") if isinstance(doc, dict) else None
    # NCBI puts errors at the top level ("error": API key limits) or in esearchresult ("ERROR").
    for holder in (doc, result):
        if isinstance(holder, dict):
            message = holder.get("ERROR") or holder.get("error")
            if message:
                raise _ErrorPayload(_one_line(message))
    if not isinstance(result, dict) or "count" not in result:
        raise _Transient("esearch sent JSON without esearchresult/count")
    return _Page(
        count=int(result["count"]),
        pmids=[str(p) for p in result.get("idlist", [])],
        webenv=result.get("webenv"),
        query_key=str(result["querykey"]) if result.get("querykey") is not None else None,
        translation=result.get("querytranslation"),
    )


def _read_esearch_xml(body: bytes) -> _Page:
    root = _parse_xml(body, "esearch")
    message = _error_payload(root)
    if message is not None:
        raise _ErrorPayload(message)
    count = root.findtext("Count")
    if root.tag != "eSearchResult" or count is None:
        raise _Transient(f"esearch sent XML without eSearchResult/Count (root <{root.tag}>)")
    # PhraseNotFound in ErrorList is a valid (possibly empty) result, not an error.
    return _Page(
        count=int(count),
        pmids=[i.text.strip() for i in root.iterfind("IdList/Id") if i.text],
        webenv=root.findtext("WebEnv"),
        query_key=root.findtext("QueryKey"),
        translation=root.findtext("QueryTranslation"),
    )


def _check_efetch(body: bytes) -> bytes:
    """Return the efetch body if it is well-formed XML without an <ERROR>; garbled bodies are retried.

    Parsing a 200-record batch takes milliseconds, far less than the request itself.
    """
    root = _parse_xml(body, "efetch")
    message = _error_payload(root)
    if message is not None:
        raise _ErrorPayload(message)
    return body


def _parse_xml(body: bytes, what: str) -> etree._Element:
    try:
        root = etree.fromstring(body, _SAFE_PARSER)
    except etree.XMLSyntaxError as exc:
        raise _Transient(f"{what} sent XML that is not well-formed ({exc})") from None
    if root is None:
        raise _Transient(f"{what} sent an empty body")
    return root


def _error_payload(root: etree._Element) -> str | None:
    """NCBI's message if the document is an <ERROR> or carries one at its top level."""
    node = root if root.tag == "ERROR" else root.find("ERROR")
    if node is None:
        return None
    return _one_line("".join(node.itertext())) or "(empty <ERROR>)"


# ------------------------------------------------------------------ helpers

def _check_query(query: str) -> str:
    term = (query or "").strip()
    if not term:
        raise UsageError("empty PubMed query: give a search term, e.g. \"inotuzumab AND leukemia\"")
    return term


def _check_max_results(max_results: int | None) -> None:
    valid = isinstance(max_results, int) and not isinstance(max_results, bool) and max_results >= 1
    if max_results is not None and not valid:
        raise UsageError(f"--max must be a positive whole number, got {max_results!r}")


def _check_pmid(pmid: object) -> str:
    text = str(pmid).strip() if isinstance(pmid, (str, int)) and not isinstance(pmid, bool) else ""
    if not _PMID.fullmatch(text):
        raise UsageError(f"not a PMID: {pmid!r} (a PMID is a number such as 30307611)")
    return text


def _user_span(mindate: str | None, maxdate: str | None) -> DateSpan | None:
    """The caller's date limits as a DateSpan; NCBI needs both ends, so a missing one is filled in."""
    if mindate is None and maxdate is None:
        return None
    start = _parse_user_date(mindate, "mindate", end=False) if mindate else EARLIEST_PUBDATE
    end = _parse_user_date(maxdate, "maxdate", end=True) if maxdate else date(date.today().year + 1, 12, 31)
    if start > end:
        raise UsageError(f"mindate {mindate} is after maxdate {maxdate}")
    return DateSpan(start, end)


def _parse_user_date(text: str, name: str, end: bool) -> date:
    """YYYY, YYYY/MM or YYYY/MM/DD; a partial date means its first (or, for end=True, last) day."""
    match = _USER_DATE.fullmatch(text.strip())
    try:
        if not match:
            raise ValueError
        year, month, day = int(match[1]), match[2], match[3]
        if month is None:
            return date(year, 12, 31) if end else date(year, 1, 1)
        if day is None:
            return _month_end(year, int(month)) if end else date(year, int(month), 1)
        return date(year, int(month), int(day))
    except ValueError:
        raise UsageError(f"--{name} {text!r}: expected a date as YYYY, YYYY/MM or YYYY/MM/DD") from None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _ncbi_date(day: date) -> str:
    return f"{day.year:04d}/{day.month:02d}/{day.day:02d}"


def _dedupe(items) -> list[str]:
    return list(dict.fromkeys(items))


def _first_unique(items: Iterator[str], n: int) -> list[str]:
    """The first n distinct items, in order; stops consuming (and so requesting) once it has them."""
    seen: dict[str, None] = {}
    if n <= 0:
        return []
    for item in items:
        seen.setdefault(item)
        if len(seen) >= n:
            break
    return list(seen)


def _retry_after_seconds(value: str | None) -> float | None:
    """Retry-After as seconds: either a number or an HTTP-date (RFC 9110); None if absent or garbled."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


def _exhausted_message(what: str, url: str, attempts: int, failure: _Transient) -> str:
    if failure.unreachable:
        return f"cannot reach NCBI E-utilities at {url} after {attempts} attempts ({failure.reason}); {_OFFLINE_HINT}"
    return f"{what} failed after {attempts} attempts (last: {failure.reason}); try again later, or {_OFFLINE_HINT}"


def _describe(exc: BaseException) -> str:
    """A short reason from a requests exception, whose str() is a long nested repr."""
    text = str(exc)
    errno = re.search(r"\[Errno -?\d+\] [^'\")]+", text)
    if errno:
        return errno.group(0)
    for marker in ("RemoteDisconnected", "Read timed out", "Connection aborted", "IncompleteRead"):
        if marker in text:
            return marker
    return type(exc).__name__


def _is_refused(exc: BaseException) -> bool:
    """True when nothing listens at the address, as opposed to a connection that broke."""
    text = str(exc)
    return "Connection refused" in text or "NewConnectionError" in text or "Name or service not known" in text


def _snippet(body: bytes) -> str:
    """The start of an error reply, without HTML tags (NCBI's 4xx pages are often HTML)."""
    text = _one_line(re.sub(r"<[^>]*>", " ", body[:600].decode("utf-8", "replace")))
    return f": {text}" if text else ""


def _one_line(text: object) -> str:
    return " ".join(str(text).split())[:300]
