"""extractor.eutils against a real HTTP server on 127.0.0.1 (tests/eutils_server.py).

Most tests inject a fake clock and sleep so pacing and back-off cost no time; the pacing tests use
the real clock and check the server's own measurement of requests per second.
"""
from __future__ import annotations

import random
import threading
import time
from datetime import date, timedelta

import pytest
import requests

from eutils_server import FakePubMed, FakeRecord, Fault, closed_port
from extractor.config import Settings
from extractor.errors import FetchError, UsageError
from extractor.eutils import EutilsClient, RateLimiter, backoff_delay


class FakeTime:
    """A monotonic clock that jumps forward when slept on; records every sleep."""

    def __init__(self):
        self.offset = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return time.monotonic() + self.offset

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.offset += seconds


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


def settings_for(server, **changes) -> Settings:
    base = Settings(eutils_url=server.url, email="dev@example.org", timeout_s=2.0, max_retries=3,
                    backoff_base_s=0.01, backoff_max_s=5.0)
    return base.with_(**changes)


@pytest.fixture
def make_client(eutils_server, fake_time):
    """Build clients on the fake server with fake time; closes them afterwards."""
    made = []

    def make(settings: Settings | None = None, **options) -> EutilsClient:
        client = EutilsClient(settings or settings_for(eutils_server), sleep=fake_time.sleep,
                              clock=fake_time.clock, rng=random.Random(7), **options)
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


def corpus_within(first: date, days: int, size: int) -> FakePubMed:
    """size records spread over `days` days from `first`, all matching "leukemia"."""
    return FakePubMed(
        FakeRecord(str(30_000_000 + i), first + timedelta(days=i % days), None, frozenset({"leukemia"}))
        for i in range(size)
    )


# ------------------------------------------------------------------ parameters sent

@pytest.mark.parametrize("email, api_key", [("dev@example.org", None), (None, "k3y"), ("dev@example.org", "k3y")])
def test_eutils_sends_identity_on_every_request(eutils_server, make_client, email, api_key):
    client = make_client(settings_for(eutils_server, email=email, api_key=api_key))
    hits = client.esearch("blinatumomab")
    list(client.efetch_pmids(hits.pmids))
    assert len(eutils_server.requests) == 2
    for request in eutils_server.requests:
        assert request.params["tool"] == "extractor"
        assert request.params.get("email") == email
        assert request.params.get("api_key") == api_key


@pytest.mark.parametrize("retmode", ["json", "xml"])
def test_eutils_esearch_sends_history_and_retmode(eutils_server, make_client, retmode):
    make_client(esearch_retmode=retmode).esearch("inotuzumab")
    (request,) = eutils_server.requests
    assert request.method == "GET"
    assert request.endpoint == "esearch"
    assert {k: request.params[k] for k in ("db", "term", "usehistory", "retmode")} == {
        "db": "pubmed", "term": "inotuzumab", "usehistory": "y", "retmode": retmode}


@pytest.mark.parametrize("base", ["with-slash", "without-slash"])
def test_eutils_joins_base_url_paths(eutils_server, make_client, base):
    url = eutils_server.url if base == "with-slash" else eutils_server.url.rstrip("/")
    make_client(settings_for(eutils_server, eutils_url=url)).esearch("inotuzumab")
    assert [r.path for r in eutils_server.requests] == ["/entrez/eutils/esearch.fcgi"]


# ------------------------------------------------------------------ efetch

@pytest.mark.parametrize("n_pmids, batch_size, expected", [
    (450, 200, [200, 200, 50]),
    (5, 200, [5]),
    (401, 100, [100, 100, 100, 100, 1]),
    (300, 500, [200, 100]),  # NCBI's 200 per request wins over a larger setting
])
def test_eutils_efetch_posts_batches_of_at_most_200(eutils_server, make_client, n_pmids, batch_size, expected):
    pmids = eutils_server.corpus.pmids[:n_pmids]
    client = make_client(settings_for(eutils_server, batch_size=batch_size))
    batches = list(client.efetch_pmids(pmids))
    sent = eutils_server.requests_to("efetch")
    assert [r.method for r in sent] == ["POST"] * len(expected)
    assert all("?" not in r.path for r in sent)  # the ids travel in the form body, not the URL
    assert all(r.params["db"] == "pubmed" and r.params["retmode"] == "xml" for r in sent)
    assert [len(r.params["id"].split(",")) for r in sent] == expected
    assert [p for b in batches for p in b.pmids] == pmids
    assert all(f"<PMID Version=\"1\">{b.pmids[-1]}</PMID>".encode() in b.xml for b in batches)


def test_eutils_efetch_requests_one_batch_at_a_time(eutils_server, make_client):
    progress: list[int] = []
    batches = make_client().efetch_pmids(eutils_server.corpus.pmids[:450], progress=progress.append)
    assert len(batches) == 3
    assert eutils_server.requests == []  # nothing is fetched before the caller asks
    first = next(batches)
    assert (first.index, first.total, len(eutils_server.requests)) == (0, 3, 1)
    assert progress == [200]
    rest = list(batches)
    assert [b.index for b in rest] == [1, 2]
    assert progress == [200, 200, 50]


def test_eutils_efetch_history_pages_with_webenv(eutils_server, make_client):
    client = make_client()
    hits = client.esearch("salvage", max_results=10)
    chunks = list(client.efetch_history(hits.webenv, hits.query_key, count=450, batch_size=200))
    sent = eutils_server.requests_to("efetch")
    assert [(r.method, r.params["retstart"], r.params["retmax"]) for r in sent] == [
        ("POST", "0", "200"), ("POST", "200", "200"), ("POST", "400", "50")]
    assert all(r.params["WebEnv"] == hits.webenv and r.params["query_key"] == hits.query_key for r in sent)
    expected = eutils_server.corpus.expected("salvage")[:450]
    assert sum(chunk.count(b"<PubmedArticle>") for chunk in chunks) == 450
    assert f">{expected[0]}</PMID>".encode() in chunks[0] and f">{expected[-1]}</PMID>".encode() in chunks[-1]


# ------------------------------------------------------------------ esearch paging and slicing

@pytest.mark.parametrize("retmode", ["json", "xml"])
def test_eutils_esearch_pages_through_thousands_of_hits(eutils_server, make_client, retmode):
    hits = make_client(esearch_retmode=retmode, page_size=500).esearch("salvage")
    sent = eutils_server.requests_to("esearch")
    assert hits.count == 5000
    assert hits.pmids == eutils_server.corpus.expected("salvage")  # all of them, in PubMed's order
    assert [int(r.params["retstart"]) for r in sent] == list(range(0, 5000, 500))
    assert all(r.params["WebEnv"] == hits.webenv and r.params["query_key"] == hits.query_key for r in sent[1:])


@pytest.mark.parametrize("term, count", [("leukemia", 25_000), ("trial", 12_500)])
def test_eutils_esearch_slices_by_date_beyond_9999_hits(eutils_server, make_client, term, count):
    hits = make_client().esearch(term)
    sent = eutils_server.requests_to("esearch")
    assert hits.count == count
    assert len(hits.pmids) == len(set(hits.pmids)) == count  # records in two slices are kept once
    assert hits.pmids == eutils_server.corpus.expected(term)  # newest slice first, PubMed's order within
    assert all(int(r.params["retstart"]) < 9999 for r in sent)
    assert all(r.params["datetype"] == "pdat" for r in sent[1:])
    assert hits.warnings == ()


@pytest.mark.parametrize("days", [366, 31], ids=["one-year", "one-month"])
def test_eutils_esearch_slices_months_and_days(eutils_server, make_client, days):
    eutils_server.reset(corpus=corpus_within(date(2020, 1, 1), days, 12_000))
    hits = make_client().esearch("leukemia")
    assert hits.pmids == eutils_server.corpus.expected("leukemia")
    spans = [(r.params["mindate"], r.params["maxdate"]) for r in eutils_server.requests if "mindate" in r.params]
    unit = slice(0, 4) if days == 366 else slice(0, 7)  # same year, or same year and month
    assert any(lo[unit] == hi[unit] and lo != hi for lo, hi in spans)


@pytest.mark.parametrize("dates", [(None, None), ("2021/05/04", "2021/05/04")], ids=["any-date", "that-day"])
def test_eutils_esearch_warns_when_one_day_exceeds_the_cap(eutils_server, make_client, dates):
    eutils_server.reset(corpus=corpus_within(date(2021, 5, 4), 1, 10_050))
    hits = make_client().esearch("leukemia", mindate=dates[0], maxdate=dates[1])
    assert hits.count == 10_050
    assert hits.pmids == eutils_server.corpus.expected("leukemia")[:9999]
    assert len(hits.warnings) == 1 and "2021/05/04" in hits.warnings[0]


@pytest.mark.parametrize("term, max_results, page_size, n_requests", [
    ("salvage", 5, 10_000, 1),
    ("salvage", 1200, 500, 3),
    ("leukemia", 12_000, 10_000, 7),  # beyond the cap: stops slicing once enough are found (all: 11)
])
def test_eutils_esearch_respects_max_results(eutils_server, make_client, term, max_results, page_size, n_requests):
    hits = make_client(page_size=page_size).esearch(term, max_results=max_results)
    assert hits.pmids == eutils_server.corpus.expected(term)[:max_results]
    assert int(eutils_server.requests[0].params["retmax"]) == min(page_size, max_results)
    assert len(eutils_server.requests) == n_requests


@pytest.mark.parametrize("mindate, maxdate, sent", [
    ("2000", "2001/06", ("2000/01/01", "2001/06/30")),
    ("2010/02", "2010/03", ("2010/02/01", "2010/03/31")),
    ("2010-02-03", "2010/11/20", ("2010/02/03", "2010/11/20")),
])
def test_eutils_esearch_honours_mindate_maxdate(eutils_server, make_client, mindate, maxdate, sent):
    hits = make_client().esearch("salvage", mindate=mindate, maxdate=maxdate)
    request = eutils_server.requests[0]
    assert (request.params["datetype"], request.params["mindate"], request.params["maxdate"]) == ("pdat", *sent)
    assert hits.pmids == eutils_server.corpus.expected("salvage", mindate, maxdate)
    assert 0 < len(hits.pmids) < 5000


@pytest.mark.parametrize("retmode", ["json", "xml"])
def test_eutils_fake_server_refuses_retstart_beyond_9998(eutils_server, retmode):
    # The slicing tests mean something only if the fake enforces PubMed's cap.
    url = eutils_server.url + "esearch.fcgi"
    refused = requests.get(url, params={"term": "leukemia", "retstart": 9999, "retmode": retmode}, timeout=5)
    last = requests.get(url, params={"term": "leukemia", "retstart": 9998, "retmax": 50, "retmode": "json"},
                        timeout=5)
    assert refused.status_code == 200 and b"ERROR" in refused.content and b"9998" in refused.content
    assert last.json()["esearchresult"]["idlist"] == eutils_server.corpus.expected("leukemia")[9998:9999]


# ------------------------------------------------------------------ replies in NCBI's formats

@pytest.mark.parametrize("name", ["esearch_usehistory.xml", "esearch_usehistory.json"])
def test_eutils_esearch_reads_ncbi_reply_formats(eutils_server, make_client, fixtures_dir, name):
    eutils_server.inject(Fault.payload((fixtures_dir / "eutils" / name).read_bytes()))
    hits = make_client().esearch("inotuzumab AND leukemia", max_results=5)
    assert (hits.count, hits.webenv, hits.query_key) == (1234, "MCID_0123456789abcdef01234567", "1")
    assert hits.pmids == ["39000005", "39000004", "39000003", "39000002", "39000001"]
    assert hits.translation.startswith('"inotuzumab"[All Fields] AND')


@pytest.mark.parametrize("source", ["server-json", "server-xml", "esearch_zero_hits.xml", "esearch_zero_hits.json"])
def test_eutils_esearch_zero_hits_is_empty_not_an_error(eutils_server, make_client, fixtures_dir, source):
    retmode = "xml" if source == "server-xml" else "json"
    if not source.startswith("server"):
        eutils_server.inject(Fault.payload((fixtures_dir / "eutils" / source).read_bytes()))
    hits = make_client(esearch_retmode=retmode).esearch("qwzxnotaword")
    assert (hits.count, hits.pmids, hits.warnings) == (0, [], ())
    assert len(eutils_server.requests) == 1


@pytest.mark.parametrize("fault, message", [
    ("esearch_error.xml", "Invalid db name specified: notadatabase"),
    ("esearch_error.json", "Invalid db name specified: notadatabase"),
    (Fault.error_xml("Search Backend failed: invented reason", root=None), "invented reason"),
    (Fault.error_json("API rate limit exceeded", key="error", top_level=True), "API rate limit exceeded"),
    (Fault.error_json("Empty term and query_key - nothing todo", key="error"), "nothing todo"),
])
def test_eutils_esearch_error_payload_with_http_200_raises(eutils_server, make_client, fixtures_dir, fault, message):
    if isinstance(fault, str):
        fault = Fault.payload((fixtures_dir / "eutils" / fault).read_bytes())
    eutils_server.inject(fault)
    with pytest.raises(FetchError, match=message):
        make_client().esearch("inotuzumab")
    assert len(eutils_server.requests) == 1  # an error payload is not retried


def test_eutils_efetch_error_payload_raises_naming_the_batch(eutils_server, make_client, fixtures_dir):
    eutils_server.inject(Fault.payload((fixtures_dir / "eutils" / "efetch_error.xml").read_bytes()))
    pmids = eutils_server.corpus.pmids[:3]
    with pytest.raises(FetchError, match=f"{pmids[0]}\\.\\.{pmids[-1]}.*Unable to obtain query #1"):
        list(make_client().efetch_pmids(pmids))
    assert len(eutils_server.requests) == 1


# ------------------------------------------------------------------ retries

TRANSIENT = {
    "429": Fault.http(429),
    "500": Fault.http(500),
    "502": Fault.http(502),
    "503": Fault.http(503),
    "dropped": Fault.drop(),
    "slow": Fault.slow(1.0),  # the client's timeout is 0.3 s in these tests
    "truncated": Fault.truncated(),
    "cut-off": Fault.cut_off(),
}


@pytest.mark.parametrize("retmode", ["json", "xml"])
@pytest.mark.parametrize("kind", TRANSIENT)
def test_eutils_esearch_retries_transient_failures(eutils_server, make_client, fake_time, kind, retmode):
    eutils_server.inject(TRANSIENT[kind], times=2)
    client = make_client(settings_for(eutils_server, timeout_s=0.3), esearch_retmode=retmode)
    hits = client.esearch("inotuzumab")
    assert hits.pmids == eutils_server.corpus.expected("inotuzumab")
    assert len(eutils_server.requests) == 3


@pytest.mark.parametrize("kind", ["503", "dropped", "truncated", "cut-off"])
def test_eutils_efetch_retries_transient_failures(eutils_server, make_client, kind):
    eutils_server.inject(Fault(**{**TRANSIENT[kind].__dict__, "endpoint": "efetch"}))
    pmids = eutils_server.corpus.pmids[:250]
    batches = list(make_client().efetch_pmids(pmids))
    assert [len(b.pmids) for b in batches] == [200, 50]
    assert all(b.xml.rstrip().endswith(b"</PubmedArticleSet>") for b in batches)
    assert len(eutils_server.requests) == 3


@pytest.mark.parametrize("make_fault, at_least", [
    (lambda: Fault.http(429, retry_after=2), 2.0),
    (lambda: Fault.retry_after_date(3), 1.5),  # an HTTP-date has one-second resolution
], ids=["seconds", "http-date"])
def test_eutils_honours_retry_after(eutils_server, make_client, fake_time, make_fault, at_least):
    eutils_server.inject(make_fault())
    make_client().esearch("inotuzumab")
    assert len(eutils_server.requests) == 2
    assert max(fake_time.sleeps) >= at_least  # back-off alone would wait about 0.01 s


def test_eutils_gives_up_when_retry_after_exceeds_backoff_max(eutils_server, make_client):
    eutils_server.inject(Fault.http(429, retry_after=3600))
    with pytest.raises(FetchError, match="Retry-After"):
        make_client().esearch("inotuzumab")
    assert len(eutils_server.requests) == 1


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_eutils_backoff_grows_with_jitter_up_to_the_cap(seed):
    rng = random.Random(seed)
    delays = [backoff_delay(attempt, 0.5, 10.0, rng) for attempt in range(8)]
    uncapped = [d for d in delays if d < 10.0]
    assert all(a < b for a, b in zip(uncapped, uncapped[1:]))
    assert all(0.5 * 2 ** i <= d <= 0.625 * 2 ** i for i, d in enumerate(uncapped))
    assert delays[-1] == 10.0
    assert len({round(d / 2 ** i, 6) for i, d in enumerate(uncapped)}) > 1  # jittered, not fixed


@pytest.mark.parametrize("endpoint", ["esearch", "efetch"])
def test_eutils_fails_after_max_retries(eutils_server, make_client, fake_time, endpoint):
    eutils_server.inject(Fault.http(503, endpoint=endpoint), times=4)
    client = make_client(settings_for(eutils_server, max_retries=3))
    pmids = eutils_server.corpus.pmids[:3]
    with pytest.raises(FetchError, match="after 4 attempts.*HTTP 503") as caught:
        if endpoint == "esearch":
            client.esearch("inotuzumab")
        else:
            list(client.efetch_pmids(pmids))
    assert len(eutils_server.requests) == 4
    if endpoint == "efetch":
        assert f"{pmids[0]}..{pmids[-1]}" in str(caught.value)


@pytest.mark.parametrize("status", [400, 404, 414])
def test_eutils_fails_at_once_on_other_4xx(eutils_server, make_client, status):
    eutils_server.inject(Fault.http(status, body=b"Bad Request: invented reason"))
    with pytest.raises(FetchError, match=f"HTTP {status}.*invented reason"):
        make_client().esearch("inotuzumab")
    assert len(eutils_server.requests) == 1


def test_eutils_unreachable_server_suggests_offline(make_client, fake_time):
    url = f"http://127.0.0.1:{closed_port()}/entrez/eutils/"
    client = make_client(Settings(eutils_url=url, max_retries=2, backoff_base_s=0.01, timeout_s=1.0))
    with pytest.raises(FetchError, match="cannot reach.*--offline") as caught:
        client.esearch("inotuzumab")
    assert "\n" not in str(caught.value)
    assert len([s for s in fake_time.sleeps if s >= 0.01]) >= 2  # it did retry, with back-off


# ------------------------------------------------------------------ input validation

@pytest.mark.parametrize("call, message", [
    (lambda c: c.esearch(""), "empty PubMed query"),
    (lambda c: c.esearch("   "), "empty PubMed query"),
    (lambda c: c.esearch("x", max_results=0), "--max"),
    (lambda c: c.esearch("x", mindate="20xx"), "mindate '20xx'"),
    (lambda c: c.esearch("x", mindate="2020", maxdate="2019"), "after maxdate"),
    (lambda c: c.efetch_pmids(["30307611", "3030x611"]), "3030x611"),
    (lambda c: c.efetch_pmids(["30307611", ""]), "not a PMID: ''"),
    (lambda c: c.efetch_history("", "1", 10), "WebEnv"),
])
def test_eutils_rejects_bad_input_before_any_request(eutils_server, make_client, call, message):
    with pytest.raises(UsageError, match=message):
        call(make_client())
    assert eutils_server.requests == []


# ------------------------------------------------------------------ pacing

@pytest.mark.parametrize("rate", [3, 10])
def test_eutils_rate_limiter_spaces_calls_with_slack(rate):
    """The limiter's own spacing, on a clock that only sleeping moves (no real time, so no jitter): at most `rate`
    calls start in any one-second window, each interval 5% longer than 1/rate (the slack for jitter on the way to
    NCBI)."""
    now = [0.0]

    def sleep(seconds: float) -> None:
        now[0] += seconds

    limiter = RateLimiter(rate, lambda: now[0], sleep)
    starts = []
    for _ in range(4 * rate):
        limiter.wait()
        starts.append(now[0])
    gaps = [b - a for a, b in zip(starts, starts[1:])]
    assert min(gaps) >= 1.05 / rate - 1e-6
    assert all(later - starts[i] >= 1.0 for i, later in enumerate(starts[rate:]))  # rate + 1 calls span >= 1 s


# ------------------------------------------------------------------ pacing, in real time

@pytest.mark.parametrize("api_key, rate, n", [(None, 3, 10), ("k3y", 10, 25)])
def test_eutils_paces_requests_as_ncbi_counts_them(eutils_server, api_key, rate, n):
    client = EutilsClient(settings_for(eutils_server, api_key=api_key))
    started = time.monotonic()
    for _ in range(n):
        client.esearch("blinatumomab")
    elapsed = time.monotonic() - started
    client.close()
    assert len(eutils_server.requests) == n
    assert eutils_server.max_requests_per_window(1.0) <= rate
    assert elapsed >= (n - 1) / rate


def test_eutils_paces_requests_across_threads(eutils_server):
    client = EutilsClient(settings_for(eutils_server))
    workers = [threading.Thread(target=lambda: [client.esearch("blinatumomab") for _ in range(3)]) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    client.close()
    assert len(eutils_server.requests) == 6
    # One limiter for both threads: six calls take five intervals (~1.75 s at 3/s). Two limiters, one per thread,
    # would send them in ~0.7 s. Arrival times carry the machine's scheduling delay, which can squeeze a window
    # of 1 s on a loaded machine, so the span is checked with room for it (the limiter's own spacing is tested
    # with a fake clock in test_eutils_rate_limiter_spaces_calls_with_slack).
    times = sorted(r.time for r in eutils_server.requests)
    assert times[-1] - times[0] >= 1.2
