"""A fake NCBI E-utilities server on 127.0.0.1 for tests: esearch.fcgi and efetch.fcgi over a fake PubMed.

It speaks HTTP for real (ThreadingHTTPServer in a background thread, port 0), so the client's
requests, timeouts, retries and pacing are exercised end to end. It mimics the PubMed behaviour
that the client must cope with:

* esearch: term, retstart/retmax, usehistory (WebEnv + QueryKey), retmode=xml|json,
  datetype=pdat with mindate/maxdate, PhraseNotFound for unknown words, and NCBI's cap:
  only the first 9,999 hits of one search can be paged (retstart >= 9,999 is an <ERROR>);
* efetch: by id list (GET or POST) or by WebEnv + query_key + retstart/retmax, replying with a
  PubmedArticleSet in PubMed's format (with its DOCTYPE line);
* faults from a programmable queue (see Fault), applied to the next matching requests;
* a log of every request (RecordedRequest) and the busiest one-second window.

Every record is invented; words and dates are generated from the record's index, so a corpus of
25,000 records across 1990-2024 is built in well under a second.

Example:
    with EutilsServer() as server:
        server.inject(Fault.http(429, retry_after=1))
        settings = Settings(eutils_url=server.url)
"""
from __future__ import annotations

import functools
import json
import socket
import threading
import time
import traceback
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit
from xml.sax.saxutils import escape

#: PubMed esearch serves only the first 9,999 hits of one search.
PUBMED_MAX_RETRIEVABLE = 9_999
BASE_PATH = "/entrez/eutils/"

ESEARCH_DOCTYPE = ('<!DOCTYPE eSearchResult PUBLIC "-//NLM//DTD esearch 20060628//EN" '
                   '"https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20060628/esearch.dtd">')
PUBMED_DOCTYPE = ('<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" '
                  '"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">')
RETSTART_CAP_MESSAGE = (
    "Search Backend failed: Exception:\n'retstart' cannot be larger than 9998. For PubMed, ESearch can only "
    "retrieve the first 9,999 records matching the query. To obtain more than 9,999 PubMed records, consider "
    "using EDirect that contains additional logic to batch PubMed search results automatically so that an "
    "arbitrary number can be retrieved. For details see https://www.ncbi.nlm.nih.gov/books/NBK25499/"
)
_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


# ------------------------------------------------------------------ corpus

@dataclass(frozen=True)
class FakeRecord:
    """One fake PubMed record: PMID, print date, optional earlier electronic date, searchable words."""

    pmid: str
    pubdate: date
    epubdate: date | None = None
    words: frozenset[str] = frozenset()
    xml: bytes | None = None  # a stored PubmedArticle to serve instead of the template

    def published_within(self, start: date, end: date) -> bool:
        """PubMed's [dp] matches the print date or the electronic date."""
        return start <= self.pubdate <= end or (self.epubdate is not None and start <= self.epubdate <= end)


#: Words of generated records: word -> every n-th record has it. Counts for 25,000 records in comments.
GENERATED_WORDS = {
    "leukemia": 1,      # 25,000: needs date slicing
    "trial": 2,         # 12,500: needs date slicing
    "salvage": 5,       # 5,000: paging below the cap
    "inotuzumab": 50,   # 500
    "blinatumomab": 1000,  # 25
}


class FakePubMed:
    """An in-memory PubMed: records in PubMed's order (newest publication date first, then PMID).

    Args:
        records: the records, in any order.
    """

    def __init__(self, records: Iterable[FakeRecord]):
        self._by_pmid: dict[str, FakeRecord] = {}
        for record in records:
            self._by_pmid[record.pmid] = record
        self._reindex()

    @classmethod
    def generate(
        cls,
        size: int = 25_000,
        first_year: int = 1990,
        last_year: int = 2024,
        same_day: date | None = None,
        epub_every: int = 7,
        first_pmid: int = 20_000_000,
    ) -> FakePubMed:
        """Invented records spread evenly over the years; every epub_every-th also has an epub date
        45 days before its print date (so January issues match the year before too, as in PubMed).

        Args:
            size: number of records.
            first_year: year of the oldest records.
            last_year: year of the newest records.
            same_day: put every record on this print date instead (to overflow one day).
            epub_every: how often a record has an electronic date (0: never).
            first_pmid: PMID of record 0; PMIDs step by 3, so unknown PMIDs lie in between.

        Returns:
            The corpus.
        """
        return cls(_generated(size, first_year, last_year, same_day, epub_every, first_pmid))

    def add(self, record: FakeRecord) -> None:
        """Add or replace one record (e.g. with a stored efetch record in ``xml``)."""
        self._by_pmid[record.pmid] = record
        self._reindex()

    def _reindex(self) -> None:
        self._ordered = sorted(self._by_pmid.values(), key=lambda r: (r.pubdate, int(r.pmid)), reverse=True)
        self._by_word: dict[str, list[FakeRecord]] = {}
        for record in self._ordered:
            for word in record.words:
                self._by_word.setdefault(word, []).append(record)

    def __len__(self) -> int:
        return len(self._by_pmid)

    def __contains__(self, pmid: str) -> bool:
        return pmid in self._by_pmid

    @property
    def pmids(self) -> list[str]:
        """Every PMID, in PubMed's order."""
        return [r.pmid for r in self._ordered]

    def search(self, term: str, span: tuple[date, date] | None = None) -> tuple[list[str], list[str]]:
        """PMIDs matching every known word of the term (AND), in PubMed's order.

        Field tags ([tiab]), quotes, parentheses and AND/OR/NOT are ignored; unknown words are
        reported as not found and left out, as PubMed does, so a term of only unknown words finds
        nothing.

        Args:
            term: the query.
            span: (first, last) publication dates, inclusive, or None.

        Returns:
            (pmids, phrases_not_found).
        """
        words = _words(term)
        known = [w for w in words if w in self._by_word]
        missing = [w for w in words if w not in self._by_word]
        if not known:
            return [], missing
        base = min((self._by_word[w] for w in known), key=len)
        hits = [r for r in base if all(w in r.words for w in known)]
        if span is not None:
            hits = [r for r in hits if r.published_within(*span)]
        return [r.pmid for r in hits], missing

    def expected(self, term: str, mindate: str | None = None, maxdate: str | None = None) -> list[str]:
        """What a complete search should return (for assertions)."""
        span = _span(mindate, maxdate) if mindate or maxdate else None
        return self.search(term, span)[0]

    def record_xml(self, pmid: str) -> bytes | None:
        """The PubmedArticle element of one PMID, or None if it is not in the corpus."""
        record = self._by_pmid.get(pmid)
        if record is None:
            return None
        return record.xml if record.xml is not None else _article_xml(record).encode("utf-8")


@functools.lru_cache(maxsize=8)
def _generated(size: int, first_year: int, last_year: int, same_day: date | None, epub_every: int,
               first_pmid: int) -> tuple[FakeRecord, ...]:
    """The records of FakePubMed.generate; cached, since every test builds the same corpus."""
    years = last_year - first_year + 1
    records = []
    for i in range(size):
        if same_day is not None:
            pubdate = same_day
        else:
            start = date(first_year + i * years // size, 1, 1)
            pubdate = start + timedelta(days=(i * 7919) % 365)
        epub = pubdate - timedelta(days=45) if epub_every and i % epub_every == 0 else None
        words = frozenset(w for w, every in GENERATED_WORDS.items() if i % every == 0)
        records.append(FakeRecord(str(first_pmid + 3 * i), pubdate, epub, words))
    return tuple(records)


def _words(term: str) -> list[str]:
    for junk in "()\"'":
        term = term.replace(junk, " ")
    words = []
    for token in term.split():
        word = token.split("[", 1)[0].lower()
        if word and word not in ("and", "or", "not"):
            words.append(word)
    return list(dict.fromkeys(words))


def _parse_date(text: str, end: bool) -> date:
    parts = [int(p) for p in text.replace("-", "/").split("/")]
    if len(parts) == 1:
        return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)
    if len(parts) == 2:
        if not end:
            return date(parts[0], parts[1], 1)
        nxt = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return nxt - timedelta(days=1)
    return date(*parts[:3])


def _span(mindate: str | None, maxdate: str | None) -> tuple[date, date]:
    start = _parse_date(mindate, end=False) if mindate else date(1, 1, 1)
    end = _parse_date(maxdate, end=True) if maxdate else date(9999, 12, 31)
    return start, end


def _article_xml(r: FakeRecord) -> str:
    """An invented PubmedArticle in PubMed's element order; numbers vary with the PMID."""
    n = int(r.pmid)
    d = r.pubdate
    treated, control = 100 + n % 200, 95 + n % 190
    cr_a, cr_b = 40 + n % 45, 15 + n % 25
    hr = f"0.{50 + n % 40}"
    epub = ""
    if r.epubdate is not None:
        e = r.epubdate
        epub = (f'<ArticleDate DateType="Electronic"><Year>{e.year}</Year><Month>{e.month:02d}</Month>'
                f"<Day>{e.day:02d}</Day></ArticleDate>")
    entrez = r.epubdate or d
    return (
        '<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM" IndexingMethod="Automated">'
        f'<PMID Version="1">{r.pmid}</PMID>'
        f"<DateCompleted><Year>{d.year}</Year><Month>{d.month:02d}</Month><Day>{d.day:02d}</Day></DateCompleted>"
        f"<DateRevised><Year>{d.year + 1}</Year><Month>01</Month><Day>15</Day></DateRevised>"
        '<Article PubModel="Print-Electronic"><Journal><ISSN IssnType="Electronic">0000-0019</ISSN>'
        f'<JournalIssue CitedMedium="Internet"><Volume>{d.year - 1950}</Volume><Issue>{d.month}</Issue>'
        f"<PubDate><Year>{d.year}</Year><Month>{_MONTHS[d.month - 1]}</Month><Day>{d.day:02d}</Day></PubDate>"
        "</JournalIssue><Title>Journal of invented haematology</Title>"
        "<ISOAbbreviation>J Invent Haematol</ISOAbbreviation></Journal>"
        f"<ArticleTitle>Invented trial {r.pmid}: drug A versus standard care in relapsed acute "
        "lymphoblastic leukaemia.</ArticleTitle>"
        f"<Pagination><StartPage>{n % 900 + 1}</StartPage><EndPage>{n % 900 + 9}</EndPage>"
        f"<MedlinePgn>{n % 900 + 1}-{n % 900 + 9}</MedlinePgn></Pagination>"
        f'<ELocationID EIdType="doi" ValidYN="Y">10.5555/invented.{r.pmid}</ELocationID>'
        "<Abstract>"
        '<AbstractText Label="BACKGROUND" NlmCategory="BACKGROUND">This record is invented for tests; '
        "it mimics the shape of a trial abstract.</AbstractText>"
        f'<AbstractText Label="METHODS" NlmCategory="METHODS">Adults were randomly assigned to drug A '
        f"(n = {treated}) or standard care (n = {control}).</AbstractText>"
        f'<AbstractText Label="RESULTS" NlmCategory="RESULTS">Complete remission occurred in {cr_a}.0% '
        f"versus {cr_b}.0% of patients (P &lt; 0.001); hazard ratio for death, {hr} "
        f"(95% CI, 0.40 to 0.90).</AbstractText>"
        '<AbstractText Label="CONCLUSIONS" NlmCategory="CONCLUSIONS">Drug A did better in this '
        "invented trial.</AbstractText>"
        "</Abstract>"
        '<AuthorList CompleteYN="Y"><Author ValidYN="Y"><LastName>Example</LastName><ForeName>Ana</ForeName>'
        '<Initials>A</Initials></Author><Author ValidYN="Y"><LastName>Sample</LastName><ForeName>Ben</ForeName>'
        "<Initials>B</Initials></Author></AuthorList><Language>eng</Language>"
        '<PublicationTypeList><PublicationType UI="D016428">Journal Article</PublicationType>'
        '<PublicationType UI="D016449">Randomized Controlled Trial</PublicationType></PublicationTypeList>'
        f"{epub}</Article>"
        "<MedlineJournalInfo><Country>England</Country><MedlineTA>J Invent Haematol</MedlineTA>"
        "<NlmUniqueID>0000019</NlmUniqueID><ISSNLinking>0000-0019</ISSNLinking></MedlineJournalInfo>"
        "</MedlineCitation><PubmedData><History>"
        f'<PubMedPubDate PubStatus="entrez"><Year>{entrez.year}</Year><Month>{entrez.month}</Month>'
        f"<Day>{entrez.day}</Day><Hour>6</Hour><Minute>0</Minute></PubMedPubDate>"
        f'<PubMedPubDate PubStatus="pubmed"><Year>{entrez.year}</Year><Month>{entrez.month}</Month>'
        f"<Day>{entrez.day}</Day><Hour>6</Hour><Minute>0</Minute></PubMedPubDate>"
        "</History><PublicationStatus>ppublish</PublicationStatus><ArticleIdList>"
        f'<ArticleId IdType="pubmed">{r.pmid}</ArticleId>'
        f'<ArticleId IdType="doi">10.5555/invented.{r.pmid}</ArticleId>'
        "</ArticleIdList></PubmedData></PubmedArticle>"
    )


# ------------------------------------------------------------------ faults

@dataclass(frozen=True)
class Fault:
    """What to do instead of (or on top of) a normal reply; build with the class methods.

    Attributes:
        kind: "status", "drop", "slow", "truncate", "cut_off" or "body".
        endpoint: "esearch" or "efetch" to hit only that endpoint; None for any.
    """

    kind: str
    status: int = 200
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b""
    delay_s: float = 0.0
    endpoint: str | None = None

    @classmethod
    def http(cls, status: int, retry_after: float | str | None = None, body: bytes = b"",
             endpoint: str | None = None) -> Fault:
        """An HTTP error reply (429, 500, 502, 503, 400...); retry_after as seconds or an HTTP-date."""
        headers = () if retry_after is None else (("Retry-After", str(retry_after)),)
        body = body or f"<html><body><h1>{status}</h1>invented error page</body></html>".encode()
        return cls("status", status=status, headers=headers, body=body, endpoint=endpoint)

    @classmethod
    def retry_after_date(cls, seconds_from_now: float, endpoint: str | None = None) -> Fault:
        """A 429 whose Retry-After is an HTTP-date (computed now)."""
        return cls.http(429, retry_after=formatdate(time.time() + seconds_from_now, usegmt=True), endpoint=endpoint)

    @classmethod
    def drop(cls, endpoint: str | None = None) -> Fault:
        """Close the connection without replying."""
        return cls("drop", endpoint=endpoint)

    @classmethod
    def slow(cls, delay_s: float, endpoint: str | None = None) -> Fault:
        """Wait delay_s before the normal reply (longer than the client's timeout, usually)."""
        return cls("slow", delay_s=delay_s, endpoint=endpoint)

    @classmethod
    def truncated(cls, endpoint: str | None = None) -> Fault:
        """HTTP 200 with the first half of the normal body (well-framed HTTP, malformed XML/JSON)."""
        return cls("truncate", endpoint=endpoint)

    @classmethod
    def cut_off(cls, endpoint: str | None = None) -> Fault:
        """Promise the whole body in Content-Length, send half, then close the connection."""
        return cls("cut_off", endpoint=endpoint)

    @classmethod
    def payload(cls, body: bytes | str, content_type: str = "text/xml; charset=UTF-8",
                status: int = 200, endpoint: str | None = None) -> Fault:
        """Reply with this body (HTTP 200 by default)."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        return cls("body", status=status, headers=(("Content-Type", content_type),), body=data, endpoint=endpoint)

    @classmethod
    def error_xml(cls, message: str, root: str | None = "eSearchResult", endpoint: str | None = None) -> Fault:
        """HTTP 200 with NCBI's <ERROR> payload, inside ``root`` (None: a bare <ERROR>)."""
        return cls.payload(_error_xml(message, root), endpoint=endpoint)

    @classmethod
    def error_json(cls, message: str, key: str = "ERROR", top_level: bool = False,
                   endpoint: str | None = None) -> Fault:
        """HTTP 200 with an esearch JSON error: {"esearchresult": {"ERROR": ...}} or top-level {"error": ...}."""
        doc = {key: message} if top_level else {"header": {"type": "esearch", "version": "0.3"},
                                                "esearchresult": {key: message}}
        return cls.payload(json.dumps(doc), "application/json; charset=UTF-8", endpoint=endpoint)


def _error_xml(message: str, root: str | None) -> str:
    inner = f"<ERROR>{escape(message)}</ERROR>"
    if root is None:
        return inner
    doctype = ESEARCH_DOCTYPE if root == "eSearchResult" else ""
    return f'<?xml version="1.0" encoding="UTF-8" ?>\n{doctype}\n<{root}>\n\t{inner}\n</{root}>\n'


# ------------------------------------------------------------------ server

@dataclass(frozen=True)
class RecordedRequest:
    """One request as the server saw it; params merge the query string and the form body."""

    time: float  # time.monotonic() when the request line had been read
    method: str
    path: str
    params: dict[str, str]

    @property
    def endpoint(self) -> str:
        """"esearch", "efetch" or the last path segment."""
        return self.path.rsplit("/", 1)[-1].removesuffix(".fcgi")


@dataclass
class _History:
    """NCBI's history server: WebEnv -> query_key -> the search's full PMID list."""

    envs: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    def store(self, webenv: str | None, pmids: list[str]) -> tuple[str, str]:
        if not webenv or webenv not in self.envs:
            webenv = "MCID_" + uuid.uuid4().hex[:24]
            self.envs[webenv] = {}
        keys = self.envs[webenv]
        key = str(len(keys) + 1)
        keys[key] = pmids
        return webenv, key

    def get(self, webenv: str, key: str) -> list[str] | None:
        return self.envs.get(webenv, {}).get(key)


class EutilsServer:
    """The fake E-utilities server; start() it (or use it as a context manager) and read ``url``.

    Args:
        corpus: the fake PubMed (default: FakePubMed.generate(), 25,000 records over 1990-2024).
        max_retrievable: hits of one search that can be paged (PubMed: 9,999).
    """

    def __init__(self, corpus: FakePubMed | None = None, max_retrievable: int = PUBMED_MAX_RETRIEVABLE):
        self.corpus = corpus if corpus is not None else FakePubMed.generate()
        self.max_retrievable = max_retrievable
        self.requests: list[RecordedRequest] = []
        self.errors: list[str] = []  # tracebacks of bugs in this server, so tests can assert none
        self._faults: list[Fault] = []
        self._history = _History()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # lifecycle
    def start(self) -> EutilsServer:
        """Listen on 127.0.0.1 at a free port and serve in a daemon thread."""
        httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        httpd.daemon_threads = True
        httpd.block_on_close = False
        httpd.app = self  # type: ignore[attr-defined]
        self._httpd = httpd
        self._stopping.clear()
        self._thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.01},
                                        name="eutils-server", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and free the port; slow replies in progress are cut short."""
        self._stopping.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> EutilsServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._httpd is not None, "server not started"
        return self._httpd.server_address[1]

    @property
    def url(self) -> str:
        """Base URL to put in Settings.eutils_url, e.g. http://127.0.0.1:PORT/entrez/eutils/."""
        return f"http://127.0.0.1:{self.port}{BASE_PATH}"

    def reset(self, corpus: FakePubMed | None = None) -> None:
        """Forget requests, faults and history; optionally swap the corpus."""
        with self._lock:
            self.requests.clear()
            self.errors.clear()
            self._faults.clear()
            self._history = _History()
            if corpus is not None:
                self.corpus = corpus

    # faults and log
    def inject(self, *faults: Fault, times: int = 1) -> None:
        """Queue faults; each of the next matching requests consumes one, in order."""
        with self._lock:
            for _ in range(times):
                self._faults.extend(faults)

    @property
    def pending_faults(self) -> list[Fault]:
        with self._lock:
            return list(self._faults)

    def requests_to(self, endpoint: str) -> list[RecordedRequest]:
        """Logged requests to "esearch" or "efetch"."""
        with self._lock:
            return [r for r in self.requests if r.endpoint == endpoint]

    def max_requests_per_window(self, window_s: float = 1.0) -> int:
        """The most requests that arrived within any window_s-long sliding window."""
        with self._lock:
            times = sorted(r.time for r in self.requests)
        best, first = 0, 0
        for last, t in enumerate(times):
            while t - times[first] >= window_s:
                first += 1
            best = max(best, last - first + 1)
        return best

    # called by the handler
    def _record(self, method: str, path: str, params: dict[str, str]) -> Fault | None:
        request = RecordedRequest(time.monotonic(), method, path, params)
        with self._lock:
            self.requests.append(request)
            for i, fault in enumerate(self._faults):
                if fault.endpoint in (None, request.endpoint):
                    return self._faults.pop(i)
        return None

    def _reply(self, endpoint: str, params: dict[str, str]) -> tuple[int, str, bytes]:
        """(status, content type, body) of the normal reply."""
        with self._lock:
            if endpoint == "esearch":
                return _esearch(self, params)
            if endpoint == "efetch":
                return _efetch(self, params)
        return 404, "text/html", b"<html><body>404 Not Found</body></html>"


class _Handler(BaseHTTPRequestHandler):
    server_version = "FakeEutils/1.0"

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self._handle()

    def do_POST(self) -> None:  # noqa: N802
        self._handle()

    def log_message(self, format, *args) -> None:  # keep pytest output clean
        pass

    def _handle(self) -> None:
        app: EutilsServer = self.server.app  # type: ignore[attr-defined]
        try:
            path, params = self._read_request()
            fault = app._record(self.command, path, params)
            endpoint = path.rsplit("/", 1)[-1].removesuffix(".fcgi")
            if not path.startswith(BASE_PATH):
                self._send(404, "text/html", b"<html><body>404 Not Found</body></html>")
            elif fault is None:
                self._send(*app._reply(endpoint, params))
            else:
                self._apply(app, fault, endpoint, params)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (e.g. its timeout); nothing to report
        except Exception:  # a bug in this fake: reply 500 and keep the traceback for the test
            app.errors.append(traceback.format_exc())
            try:
                self._send(500, "text/plain", b"fake server error")
            except OSError:
                pass

    def _read_request(self) -> tuple[str, dict[str, str]]:
        parts = urlsplit(self.path)
        pairs = parse_qsl(parts.query, keep_blank_values=True)
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            pairs += parse_qsl(self.rfile.read(length).decode("utf-8"), keep_blank_values=True)
        params: dict[str, str] = {}
        for key, value in pairs:
            params[key] = f"{params[key]},{value}" if key in params else value
        return parts.path, params

    def _apply(self, app: EutilsServer, fault: Fault, endpoint: str, params: dict[str, str]) -> None:
        if fault.kind == "drop":
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        if fault.kind == "slow":
            if app._stopping.wait(fault.delay_s):
                return
            self._send(*app._reply(endpoint, params))
            return
        if fault.kind in ("truncate", "cut_off"):
            status, ctype, body = app._reply(endpoint, params)
            half = body[: len(body) // 2]
            self._send(status, ctype, half, length=len(body) if fault.kind == "cut_off" else None)
            if fault.kind == "cut_off":
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
            return
        headers = dict(fault.headers)
        ctype = headers.pop("Content-Type", "text/html; charset=UTF-8")
        self._send(fault.status, ctype, fault.body, extra=headers)

    def _send(self, status: int, ctype: str, body: bytes, extra: dict | None = None,
              length: int | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)


# ------------------------------------------------------------------ endpoints

def _esearch(app: EutilsServer, p: dict[str, str]) -> tuple[int, str, bytes]:
    retmode = p.get("retmode", "xml")
    if p.get("db", "pubmed") != "pubmed":
        return _search_error(retmode, f"Invalid db name specified: {p.get('db')}")
    try:
        retstart, retmax = int(p.get("retstart", "0")), int(p.get("retmax", "20"))
        span = _span(p.get("mindate"), p.get("maxdate")) if p.get("mindate") or p.get("maxdate") else None
    except ValueError:
        return 400, "text/plain", b"Bad Request: retstart, retmax, mindate or maxdate"
    term = p.get("term", "")
    webenv, key = p.get("WebEnv"), p.get("query_key")
    missing: list[str] = []
    if webenv and key:
        base = app._history.get(webenv, key)
        if base is None:
            return _search_error(retmode, f"Unable to obtain query #{key}")
        if term:
            found, missing = app.corpus.search(term, span)
            wanted = set(found)
            base = [pmid for pmid in base if pmid in wanted]
        pmids = base
    elif term:
        pmids, missing = app.corpus.search(term, span)
    else:
        return _search_error(retmode, "Empty term and query_key - nothing todo")
    # PubMed: only the first 9,999 hits of a search can be paged.
    if retstart >= app.max_retrievable:
        return _search_error(retmode, RETSTART_CAP_MESSAGE.replace("9998", str(app.max_retrievable - 1)))
    page = pmids[retstart: min(retstart + max(0, min(retmax, 10_000)), app.max_retrievable)]
    history = app._history.store(webenv, pmids) if p.get("usehistory") == "y" else (None, None)
    translation = " AND ".join(f'"{w}"[All Fields]' for w in _words(term) if w not in missing)
    if span is not None and p.get("datetype", "pdat") == "pdat":
        translation += f" AND {p.get('mindate')}:{p.get('maxdate')}[Date - Publication]"
    reply = _SearchReply(len(pmids), retstart, page, history, translation, missing)
    return reply.json() if retmode == "json" else reply.xml()


@dataclass(frozen=True)
class _SearchReply:
    count: int
    retstart: int
    page: list[str]
    history: tuple[str | None, str | None]
    translation: str
    missing: list[str]

    def xml(self) -> tuple[int, str, bytes]:
        webenv, key = self.history
        hist = f"<QueryKey>{key}</QueryKey><WebEnv>{webenv}</WebEnv>" if webenv else ""
        ids = "<IdList>\n" + "".join(f"<Id>{i}</Id>\n" for i in self.page) + "</IdList>" if self.page else "<IdList/>"
        errors = ""
        if self.missing:
            errors = "<ErrorList>" + "".join(f"<PhraseNotFound>{escape(w)}</PhraseNotFound>" for w in self.missing)
            errors += "</ErrorList>"
        if not self.count:
            errors += "<WarningList><OutputMessage>No items found.</OutputMessage></WarningList>"
        body = (f'<?xml version="1.0" encoding="UTF-8" ?>\n{ESEARCH_DOCTYPE}\n'
                f"<eSearchResult><Count>{self.count}</Count><RetMax>{len(self.page)}</RetMax>"
                f"<RetStart>{self.retstart}</RetStart>{hist}{ids}<TranslationSet/>"
                f"<QueryTranslation>{escape(self.translation)}</QueryTranslation>{errors}</eSearchResult>\n")
        return 200, "text/xml; charset=UTF-8", body.encode("utf-8")

    def json(self) -> tuple[int, str, bytes]:
        webenv, key = self.history
        result: dict = {"count": str(self.count), "retmax": str(len(self.page)), "retstart": str(self.retstart)}
        if webenv:
            result.update(querykey=key, webenv=webenv)
        result.update(idlist=self.page, translationset=[], querytranslation=self.translation)
        if self.missing:
            result["errorlist"] = {"phrasesnotfound": self.missing, "fieldsnotfound": []}
        if not self.count:
            result["warninglist"] = {"phrasesignored": [], "quotedphrasesnotfound": [],
                                     "outputmessages": ["No items found."]}
        doc = {"header": {"type": "esearch", "version": "0.3"}, "esearchresult": result}
        return 200, "application/json; charset=UTF-8", json.dumps(doc, indent=1).encode("utf-8")


def _search_error(retmode: str, message: str) -> tuple[int, str, bytes]:
    """NCBI reports esearch errors with HTTP 200 and an ERROR payload."""
    if retmode == "json":
        doc = {"header": {"type": "esearch", "version": "0.3"}, "esearchresult": {"ERROR": message}}
        return 200, "application/json; charset=UTF-8", json.dumps(doc).encode("utf-8")
    return 200, "text/xml; charset=UTF-8", _error_xml(message, "eSearchResult").encode("utf-8")


def _efetch(app: EutilsServer, p: dict[str, str]) -> tuple[int, str, bytes]:
    if p.get("db", "pubmed") != "pubmed":
        return 200, "text/xml; charset=UTF-8", _error_xml(f"Invalid db name specified: {p.get('db')}",
                                                          "eFetchResult").encode("utf-8")
    if p.get("id"):
        pmids = [i.strip() for i in p["id"].split(",") if i.strip()]
        if not all(i.isdigit() for i in pmids):
            return 400, "text/plain", b"Bad Request: id must be a list of UIDs"
    elif p.get("WebEnv") and p.get("query_key"):
        found = app._history.get(p["WebEnv"], p["query_key"])
        if found is None:
            return 200, "text/xml; charset=UTF-8", _error_xml(
                f"Unable to obtain query #{p['query_key']}", "eFetchResult").encode("utf-8")
        start, count = int(p.get("retstart", "0")), int(p.get("retmax", "20"))
        pmids = found[start:start + count]
    else:
        return 400, "text/plain", b"Bad Request: Empty id list - nothing todo"
    articles = [x for x in (app.corpus.record_xml(i) for i in pmids) if x is not None]
    body = (b'<?xml version="1.0" ?>\n' + PUBMED_DOCTYPE.encode() + b"\n<PubmedArticleSet>\n"
            + b"\n".join(articles) + b"\n</PubmedArticleSet>\n")
    return 200, "text/xml; charset=UTF-8", body


def closed_port() -> int:
    """A port on 127.0.0.1 where nothing listens (bound, then closed)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


__all__ = ["EutilsServer", "FakePubMed", "FakeRecord", "Fault", "RecordedRequest", "closed_port"]
