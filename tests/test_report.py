"""The HTML report and its plots, read as text: self-contained, escaped, every value linked to its evidence."""
from __future__ import annotations

import json
import re

import pytest

from extractor.models import AbstractSection, Article
from extractor.plots import forest_plot, median_os_plot
from extractor.report import render_report
from extractor.study_tables import build_tables

HOSTILE = "<script>alert(1)</script>"
RESULTS = "Of 48 patients, 44 (92%) responded and 35 (73%) had CR. Median OS was 25.5 months."


def evidence(text: str, section_text: str = RESULTS, index: int = 1) -> dict:
    start = section_text.index(text)
    return {"section": "RESULTS", "start": start, "end": start + len(text), "text": text, "section_index": index}


def make_study(pmid: str, regimen: str = "mini-HCVD + inotuzumab", title: str = "A study", cr=(35, 48)):
    article = Article(pmid=pmid, title=title, sections=(AbstractSection("RESULTS", "RESULTS", RESULTS),),
                      journal="Cancer", journal_iso="Cancer", year=2018, authors=("Jabbour E", "Kantarjian H"))
    record = {
        "pmid": pmid, "relevant": True, "setting": "first salvage", "cohort_size": 48,
        "scalar_evidence": {"cohort_size": evidence("48 patients")},
        "arms": [{"label": "all", "drugs": ["inotuzumab ozogamicin"], "n": 48, "regimen": regimen,
                  "classes": ["antibody-drug conjugate"]}],
        "outcomes": [
            {"arm": "all", "endpoint": "CR", "value": 73, "unit": "%", "count": cr[0], "denominator": cr[1],
             "flags": [], "evidence": evidence("35 (73%) had CR")},
            {"arm": "all", "endpoint": "ORR", "value": 92, "unit": "%", "count": 44, "denominator": 48,
             "flags": ["count_percent_mismatch"], "evidence": evidence("44 (92%) responded")},
            {"arm": "all", "endpoint": "OS_MEDIAN", "value": 25.5, "unit": "months",
             "evidence": evidence("Median OS was 25.5 months")},
        ],
    }
    return article, record


@pytest.fixture
def page():
    studies = [make_study("30307611"), make_study("30307612", cr=(30, 40))]
    articles = {a.pmid: a for a, _ in studies}
    tables = build_tables([r for _, r in studies], articles)
    return render_report(tables, articles, "Test report")


def test_report_is_one_self_contained_page(page):
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert not re.search(r"\bsrc\s*=", page)  # no external script, image or frame
    assert "stylesheet" not in page and "@import" not in page
    assert "default-src 'none'" in page  # the page may not fetch anything
    external = set(re.findall(r'href="(https?://[^"]+)"', page))
    assert external == {"https://pubmed.ncbi.nlm.nih.gov/30307611/", "https://pubmed.ncbi.nlm.nih.gov/30307612/"}


def test_report_each_value_links_to_its_evidence_span(page):
    links = re.findall(r'<a class="ev" href="#abstract" ([^>]*)>([^<]*)</a>', page)
    by_text = {text: attrs for attrs, text in links}
    attrs = by_text["73% (35/48)"]
    start = RESULTS.index("35 (73%) had CR")
    assert f'data-start="{start}"' in attrs and f'data-end="{start + len("35 (73%) had CR")}"' in attrs
    assert 'data-si="1"' in attrs and 'data-evidence="35 (73%) had CR"' in attrs
    assert "25.5 mo" in by_text and "48" in by_text


def test_report_embeds_each_abstract_for_the_highlight(page):
    data = re.search(r'<script type="application/json" id="articles-data">(.*?)</script>', page, re.S).group(1)
    articles = json.loads(data)
    assert articles["30307611"]["sections"] == [["TITLE", "A study"], ["RESULTS", RESULTS]]


def test_report_marks_flagged_values(page):
    assert "[flagged: count_percent_mismatch]" in page and 'class="flagged"' in page


def test_report_shows_both_plots_and_the_regimen_table(page):
    assert page.count("<svg") == 2 and 'id="regimens"' in page
    assert "pooled, 2 trials, n=88" in page


@pytest.mark.parametrize("where", ["title", "regimen", "author", "evidence"])
def test_report_escapes_hostile_text_from_abstracts(where):
    article, record = make_study("30307611", title=HOSTILE if where == "title" else "A study",
                                 regimen=HOSTILE if where == "regimen" else "InO")
    if where == "author":
        article = Article(**{**article.__dict__, "authors": (HOSTILE,)})
    if where == "evidence":
        text = RESULTS + " " + HOSTILE
        article = Article(**{**article.__dict__, "sections": (AbstractSection("RESULTS", None, text),)})
        record["outcomes"][0]["evidence"] = evidence(HOSTILE, text)
    page = render_report(build_tables([record], {"30307611": article}), {"30307611": article})
    assert HOSTILE not in page
    assert "<script>alert" not in page
    assert page.count("<script") == 2  # the data block and the page's own script, nothing else


def test_report_data_block_cannot_be_closed_by_abstract_text():
    article, record = make_study("30307611", title="</script><script>alert(1)</script>")
    page = render_report(build_tables([record], {"30307611": article}), {"30307611": article})
    data = re.search(r'id="articles-data">(.*?)</script>', page, re.S).group(1)
    assert json.loads(data)["30307611"]["title"] == "</script><script>alert(1)</script>"


def test_plots_forest_has_a_point_per_study_and_a_pooled_diamond():
    studies = [make_study("1"), make_study("2", cr=(30, 40)), make_study("3", regimen="blinatumomab")]
    tables = build_tables([r for _, r in studies], {a.pmid: a for a, _ in studies})
    svg = forest_plot(tables.rows, tables.pooled)
    assert svg.count('class="study"') == 3 and svg.count('class="pooled"') == 1
    assert "CR · mini-HCVD + inotuzumab · first salvage" in svg and "35/48" in svg


def test_plots_forest_without_rates_says_so():
    assert "No study arm reports" in forest_plot([], {})


def test_plots_median_os_marks_not_reached():
    article, record = make_study("1")
    record["outcomes"][2]["value"] = None
    tables = build_tables([record], {"1": article})
    svg = median_os_plot(tables.rows)
    assert 'class="nr"' in svg and "not reached" in svg


def test_plots_escape_labels():
    article, record = make_study("1", regimen=HOSTILE)
    tables = build_tables([record], {"1": article})
    assert HOSTILE not in forest_plot(tables.rows, tables.pooled) + median_os_plot(tables.rows)


def test_report_hides_columns_no_arm_has_and_keeps_them_in_the_table():
    studies = [make_study("30307611")]
    articles = {a.pmid: a for a, _ in studies}
    tables = build_tables([r for _, r in studies], articles)
    head = re.search(r'<table id="studies"><thead><tr>(.*?)</tr></thead>', render_report(tables, articles)).group(1)
    headings = re.findall(r">([^<]+)</th>", head)
    assert headings[:7] == ["PMID", "First author", "Year", "Arm", "Regimen", "Setting", "N"]  # no population
    assert headings[7:10] == ["CR", "ORR", "median OS"]  # the endpoints next, on the first screen
    assert "VOD" not in headings and "median PFS" not in headings and "Population" not in headings
    assert "VOD" in tables.study.columns


def test_report_shows_the_whole_cohort_arm_as_study_cohort_not_all():
    studies = [make_study("30307611")]
    articles = {a.pmid: a for a, _ in studies}
    page = render_report(build_tables([r for _, r in studies], articles), articles)
    assert "<td>study cohort</td>" in page and "<td>all</td>" not in page


def test_report_names_the_studies_left_out_with_nothing_to_tabulate():
    article, record = make_study("30307611")
    empty = Article(pmid="91000008", title=f"A commentary {HOSTILE}.", year=2020)
    records = [record, {"pmid": "91000008", "relevant": True, "arms": [{"label": "all", "drugs": []}],
                        "outcomes": []}]
    articles = {"30307611": article, "91000008": empty}
    tables = build_tables(records, articles)
    page = render_report(tables, articles)
    assert tables.left_out == ["91000008"]
    note = re.search(r'<p class="meta" id="left-out">(.*?)</p>', page).group(1)
    assert "PMID 91000008 (A commentary &lt;script&gt;alert(1)&lt;/script&gt;; no abstract)" in note


def test_report_regimen_table_headings_are_readable(page):
    head = re.search(r'<table id="regimens">.*?<thead>(.*?)</thead>', page, re.S)
    text = head.group(1) if head else page
    assert "CR pooled (95% CI)" in text and "median OS range" in text
    assert "OS_MEDIAN" not in text and "_range" not in text and "pooled_cell" not in text
