"""The report in a real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright): it loads without
console errors, a heading click sorts, a value's link shows its abstract with the evidence sentence highlighted.

Never run `playwright install`: the test uses the system browser. It skips, saying why, only when the browser or
the playwright package is missing; .ci/run installs chromium.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from extractor.models import AbstractSection, Article
from extractor.report import write_report
from extractor.study_tables import build_tables

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
HOSTILE = "<script>alert(1)</script>"

pytestmark = pytest.mark.browser

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
if not CHROMIUM.exists() and not shutil.which("chromium"):
    pytest.skip("no Chromium at /usr/bin/chromium (apt-get install chromium)", allow_module_level=True)


def study(pmid: str, cr: tuple[int, int], year: int, title: str) -> tuple[Article, dict]:
    results = f"Of {cr[1]} patients, {cr[0]} achieved complete remission ({round(100 * cr[0] / cr[1])}%)."
    text = f"{cr[0]} achieved complete remission"
    article = Article(pmid=pmid, title=title, sections=(AbstractSection("RESULTS", "RESULTS", results),),
                      journal="Blood", year=year, authors=("Author A",))
    start = results.index(text)
    record = {
        "pmid": pmid, "relevant": True, "setting": "relapsed/refractory", "cohort_size": cr[1],
        "arms": [{"label": "all", "drugs": ["blinatumomab"], "n": cr[1]}],
        "outcomes": [{"arm": "all", "endpoint": "CR", "value": round(100 * cr[0] / cr[1], 1), "unit": "%",
                      "count": cr[0], "denominator": cr[1], "flags": [],
                      "evidence": {"section": "RESULTS", "start": start, "end": start + len(text), "text": text,
                                   "section_index": 1}}],
    }
    return article, record


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    studies = [study("91000001", (30, 40), 2019, HOSTILE), study("91000002", (10, 50), 2015, "Second"),
               study("91000003", (45, 50), 2017, "Third")]
    articles = {a.pmid: a for a, _ in studies}
    path = tmp_path_factory.mktemp("report") / "report.html"
    return write_report(path, build_tables([r for _, r in studies], articles), articles, "Browser test")


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, report):
    page = browser.new_page()
    page.errors, page.dialogs = [], []
    page.on("console", lambda msg: page.errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(report.as_uri())
    yield page
    page.close()


def column_values(page, heading: str) -> list[str]:
    index = page.locator("#studies thead th").all_inner_texts().index(heading)
    return [row.locator("td").nth(index).inner_text().strip() for row in page.locator("#studies tbody tr").all()]


def test_report_browser_loads_without_console_errors_or_dialogs(page):
    page.wait_for_load_state("load")
    assert page.title() == "Browser test"
    assert page.locator("#studies tbody tr").count() == 3
    assert page.errors == [] and page.dialogs == []


def test_report_browser_heading_click_sorts(page):
    cr = page.locator("#studies thead th", has_text="CR").first
    cr.click()
    assert cr.get_attribute("aria-sort") == "ascending"
    assert column_values(page, "CR") == ["20% (10/50)", "75% (30/40)", "90% (45/50)"]
    cr.click()
    assert cr.get_attribute("aria-sort") == "descending"
    assert column_values(page, "CR") == ["90% (45/50)", "75% (30/40)", "20% (10/50)"]
    page.locator("#studies thead th", has_text="Year").click()
    assert column_values(page, "Year") == ["2015", "2017", "2019"]


def test_report_browser_value_link_highlights_its_sentence(page):
    assert page.locator("#abstract").is_hidden()
    link = page.locator("a.ev", has_text="75% (30/40)")
    link.click()
    assert page.locator("#abstract").is_visible()
    mark = page.locator("#abstract mark#highlight")
    assert mark.count() == 1
    assert mark.inner_text() == link.get_attribute("data-evidence") == "30 achieved complete remission"
    assert page.locator("#abstract h3").inner_text() == HOSTILE  # shown as text, never run
    assert page.dialogs == [] and page.errors == []


def test_report_browser_filter_hides_rows(page):
    page.fill("#filter", "no such study")
    assert page.locator("#shown").inner_text() == "0"
    page.fill("#filter", "91000002")
    assert page.locator("#shown").inner_text() == "1"
    assert page.locator("#studies tbody tr:visible").count() == 1


def test_report_browser_every_corpus_value_highlights_exactly_its_evidence(browser, corpus_dir, nlp, tmp_path):
    from extractor.extraction import extract_articles
    from extractor.pubmed_xml import iter_articles

    articles = {a.pmid: a for a in iter_articles(corpus_dir / "articles.xml")}
    records = list(extract_articles(articles.values(), nlp))
    path = write_report(tmp_path / "corpus.html", build_tables(records, articles), articles, "Corpus")
    page = browser.new_page()
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(path.as_uri())
    # Click every evidence link in the page's own script, compare the highlight with the evidence text.
    result = page.evaluate("""() => {
        const bad = []; let n = 0;
        for (const link of document.querySelectorAll("a.ev[data-evidence]")) {
            link.click(); n += 1;
            const mark = document.querySelector("#abstract mark#highlight");
            if (!mark || mark.textContent !== link.getAttribute("data-evidence")) {
                bad.push(link.getAttribute("data-pmid") + ": " + link.textContent);
            }
        }
        return {n, bad};
    }""")
    page.close()
    assert errors == []
    assert result["n"] > 100 and result["bad"] == []
