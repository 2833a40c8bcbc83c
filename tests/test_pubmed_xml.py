"""Tests for extractor.pubmed_xml: the real corpus, NCBI's sample replies and invented edge-case fixtures."""
from __future__ import annotations

import gzip
import io
import json
import re

import pytest

from extractor import pubmed_xml
from extractor.errors import PubMedXMLError
from extractor.models import AbstractSection, Article, DeletedCitation
from extractor.pubmed_xml import iter_articles, iter_records, parse_bytes, split_records, wrap_records

# --- module-specific fixtures and helpers --------------------------------------------------------------------

HEADER = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" '
    '"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n'
)


def one_record(abstract_inner: str, pmid: str = "90000100", title: str = "T") -> bytes:
    """A minimal PubmedArticleSet with one record whose only AbstractText holds `abstract_inner`."""
    return (
        f"{HEADER}<PubmedArticleSet><PubmedArticle><MedlineCitation Status=\"MEDLINE\" Owner=\"NLM\">"
        f"<PMID Version=\"1\">{pmid}</PMID><Article PubModel=\"Print\"><ArticleTitle>{title}</ArticleTitle>"
        f"<Abstract><AbstractText>{abstract_inner}</AbstractText></Abstract></Article></MedlineCitation>"
        f"</PubmedArticle></PubmedArticleSet>"
    ).encode("utf-8")


def only_text(data: bytes) -> str:
    (article,) = parse_bytes(data)
    return article.sections[0].text


def normalise_ws(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def pubmed_dir(fixtures_dir):
    return fixtures_dir / "pubmed"


@pytest.fixture(scope="module")
def samples_dir(corpus_dir):
    return corpus_dir.parent / "eutils-samples"


@pytest.fixture(scope="module")
def corpus_articles(corpus_dir) -> dict[str, Article]:
    return {a.pmid: a for a in iter_articles(corpus_dir / "articles.xml")}


@pytest.fixture(scope="module")
def corpus_index(corpus_dir) -> list[dict]:
    return json.loads((corpus_dir / "articles.index.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def inline(pubmed_dir) -> Article:
    (article,) = iter_articles(pubmed_dir / "inline_markup.xml")
    return article


@pytest.fixture(scope="module")
def sections(inline) -> dict[str, AbstractSection]:
    return {s.label: s for s in inline.sections}


# --- the real corpus -------------------------------------------------------------------------------------------

def test_pubmed_xml_corpus_parses_every_indexed_record(corpus_articles, corpus_index):
    assert len(corpus_articles) == 43
    assert set(corpus_articles) == {entry["pmid"] for entry in corpus_index}


def test_pubmed_xml_corpus_titles_match_index(corpus_articles, corpus_index):
    # Compared after whitespace normalisation only: no trailing-period or case fudging (none is needed).
    mismatches = [(e["pmid"], corpus_articles[e["pmid"]].title, e["title"]) for e in corpus_index
                  if normalise_ws(corpus_articles[e["pmid"]].title) != normalise_ws(e["title"])]
    assert mismatches == []


def test_pubmed_xml_corpus_every_gold_snippet_occurs_verbatim(corpus_dir, corpus_articles, corpus_index):
    pmid_of = {entry["id"]: entry["pmid"] for entry in corpus_index}
    checked, missing = 0, []
    for path in sorted((corpus_dir / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        texts = [text for _, text in corpus_articles[pmid_of[gold["id"]]].named_texts()]
        for kind in ("outcomes", "doses", "comparisons"):
            for item in gold.get(kind) or ():
                if item.get("text") is None:
                    continue
                checked += 1
                if not any(item["text"] in text for text in texts):
                    missing.append((gold["id"], kind, item["text"]))
    assert missing == []
    assert checked >= 400  # 412 snippets at the time of writing: the check must not pass vacuously


def test_pubmed_xml_corpus_sections_are_whitespace_normalised(corpus_articles):
    texts = [text for a in corpus_articles.values() for _, text in a.named_texts()]
    assert all(text == text.strip() and not re.search(r"[ \t\r\n]{2,}|[\t\r\n]", text) for text in texts)


# --- NCBI's own sample replies (read from /work/shared, never copied) -----------------------------------------

@pytest.mark.parametrize(("name", "articles", "deleted"), [
    ("bp_pubmed1.xml", 2, 0),
    ("bp_pubmed2.xml", 2, 0),
    ("bp_pubmed4.xml", 1, 0),
    ("bp_pubmed5.xml", 1, 0),
    ("bp_pubmed6.xml", 1, 0),
    ("bp_pubmed7.xml", 1, 0),
    ("kl_efetch.pubmed.xml", 2, 0),
    ("kl_efetch.pubmedbook.xml", 1, 0),
    ("kl_efetch.pubmedexample.xml", 2, 0),
    ("pp_pubmed-29768149.xml", 1, 0),
    ("pp_test_current_medline.xml.gz", 4, 0),
    ("pp_medline16n0902.xml.gz", 604, 1),
])
def test_pubmed_xml_samples_parse(samples_dir, name, articles, deleted):
    records = list(iter_records(samples_dir / name))
    assert sum(isinstance(r, Article) for r in records) == articles
    assert sum(isinstance(r, DeletedCitation) for r in records) == deleted
    assert all(r.pmid.isdigit() for r in records if isinstance(r, Article))


@pytest.mark.parametrize(("name", "message"), [
    ("kl_esearch.baderror.xml", "NCBI returned an error: Invalid db name specified: fleegle"),
    ("bp_esearch1.xml", "not a PubMed article document: root element is <eSearchResult>"),
])
def test_pubmed_xml_samples_non_article_replies_raise(samples_dir, name, message):
    with pytest.raises(PubMedXMLError, match=re.escape(message)):
        list(iter_records(samples_dir / name))


def test_pubmed_xml_samples_mathml_keeps_surrounding_text(samples_dir):
    (article,) = iter_articles(samples_dir / "bp_pubmed6.xml")
    assert "maximal oxygen uptake ( V.O2max ) 67.6 ± 4.1 ml·kg^-1·min^-1]" in article.sections[0].text


def test_pubmed_xml_samples_book_has_publisher_and_year(samples_dir):
    (book,) = iter_articles(samples_dir / "kl_efetch.pubmedbook.xml")
    assert (book.record_type, book.pmid, book.year) == ("PubmedBookArticle", "20301295", 1993)
    assert book.publisher == "University of Washington, Seattle"


# --- inline markup ----------------------------------------------------------------------------------------------

def test_pubmed_xml_title_keeps_inline_markup_text_and_tails(inline):
    assert inline.title == ("A fictional anti-CD19 bispecific antibody for relapsed B-ALL: "
                            "platelets ≥50 × 10^9/L by day 28.")


@pytest.mark.parametrize(("label", "expected"), [
    ("BACKGROUND", "Outcomes after relapse are poor."),
    ("PATIENTS AND METHODS", "Adults received 15 mg/m^2 on day 1a and CD34+ grafts; ptrend was tested."),
    ("RESULTS", "MRD fell below 10^-4 in 9 and below 10^−4 in 7 (P < 0.001); nested italic 2 text and underline "
                "tail kept. Oxygen uptake ( V2 ) was 40 ml·kg^-1·min^-1; fever in 30%."),
    ("CONCLUSIONS", "The regimen is active."),
])
def test_pubmed_xml_fixture_section_text(sections, label, expected):
    assert sections[label].text == expected


@pytest.mark.parametrize(("inner", "expected"), [
    ("10<sup>9</sup>/L", "10^9/L"),
    ("10<sup>-4</sup>", "10^-4"),
    ("10<sup>\u22124</sup>", "10^\u22124"),
    ("15 mg/m<sup>2</sup>", "15 mg/m^2"),
    ("(a + b)<sup>2</sup>", "(a + b)^2"),
    ("x<sup>2.5</sup>", "x^2.5"),
    ("10<sup><i>9</i></sup>/L", "10^9/L"),
    ("day 1<sup>a</sup>", "day 1a"),
    ("CD34<sup>+</sup> cells", "CD34+ cells"),
    ("CD19<sup>-</sup>", "CD19-"),
    ("Brand<sup>®</sup>", "Brand®"),
    ("reported <sup>12</sup>", "reported 12"),
    ("<sup>3</sup>H-thymidine", "3H-thymidine"),
])
def test_pubmed_xml_sup_rule(inner, expected):
    assert only_text(one_record(inner)) == expected


@pytest.mark.parametrize(("inner", "expected"), [
    ("p<sub>trend</sub> = 0.03", "ptrend = 0.03"),
    ("OR<sub>Q3</sub>", "ORQ3"),
    ("CO<sub>2</sub> level", "CO2 level"),
])
def test_pubmed_xml_sub_is_plain_text(inner, expected):
    assert only_text(one_record(inner)) == expected


@pytest.mark.parametrize(("inner", "expected"), [
    ("<i>a</i> b <b>c<i>d</i>e</b>f", "a b cdef"),
    ("x<b><i><u>y</u>z</i>w</b>v", "xyzwv"),
    ("<i>P</i> &lt; 0.05 &amp; <i>r</i> = 0.9", "P < 0.05 & r = 0.9"),
    ("a<!-- a comment -->b", "ab"),
])
def test_pubmed_xml_nested_markup_keeps_every_tail(inner, expected):
    assert only_text(one_record(inner)) == expected


@pytest.mark.parametrize(("inner", "expected"), [
    ("  two\n\t  lines \n", "two lines"),
    ("a\u00a0b\u2009c", "a\u00a0b\u2009c"),  # only XML whitespace collapses; Unicode spaces are content
    ("≥ 3·5 − 1 –", "≥ 3·5 − 1 –"),
])
def test_pubmed_xml_whitespace_rule(inner, expected):
    assert only_text(one_record(inner)) == expected


def test_pubmed_xml_mathml_is_flattened_in_order():
    math = ('<mml:math xmlns:mml="http://www.w3.org/1998/Math/MathML">\n  <mml:msup>\n    <mml:mi>x</mml:mi>\n'
            '    <mml:mn>2</mml:mn>\n  </mml:msup>\n</mml:math>')
    assert only_text(one_record(f"value {math} after")) == "value x2 after"


# --- fields -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("field", "expected"), [
    ("pmid", "90000001"),
    ("journal", "Journal of invented haematology"),
    ("journal_iso", "J Invent Haematol"),
    ("year", 2024),
    ("volume", "12"),
    ("issue", "4"),
    ("pages", "101-109"),
    ("doi", "10.0000/jih.2024.0001"),  # ELocationID wins over ArticleIdList
    ("pmcid", "PMC9000001"),  # the record's own id, not its reference list's
    ("authors", ("Fictus AB", "Nemo C", "Invented Leukemia Study Group")),
    ("publication_types", ("Clinical Trial, Phase II", "Journal Article")),
    ("mesh_headings", ("Precursor Cell Lymphoblastic Leukemia-Lymphoma", "Humans")),
    ("keywords", ("bispecific antibody", "relapse")),
    ("language", ("eng", "ger")),
    # every DataBank's accession numbers, the trial registration among them
    ("databanks", (("ClinicalTrials.gov", "NCT09999901"), ("GENBANK", "AB000001"), ("GENBANK", "AB000002"))),
    ("record_type", "PubmedArticle"),
    ("publisher", None),
])
def test_pubmed_xml_fixture_fields(inline, field, expected):
    assert getattr(inline, field) == expected


def test_pubmed_xml_structured_abstract_keeps_label_and_category(inline):
    assert [(s.label, s.nlm_category) for s in inline.sections] == [
        ("BACKGROUND", "BACKGROUND"), ("PATIENTS AND METHODS", "METHODS"), ("RESULTS", "RESULTS"),
        ("CONCLUSIONS", "CONCLUSIONS")]


def test_pubmed_xml_other_abstract_is_ignored(inline):
    assert all("Erfundener" not in s.text for s in inline.sections)


@pytest.mark.parametrize(("field", "expected"), [
    ("sections", ()),
    ("journal_iso", None),
    ("volume", None),
    ("issue", None),
    ("pages", "e15-e16"),  # StartPage-EndPage when there is no MedlinePgn
    ("doi", "10.0000/letter.2019.15"),  # ArticleIdList when there is no ELocationID
    ("pmcid", None),
    ("authors", ("Solo",)),  # LastName alone when Initials are missing
    ("mesh_headings", ()),
    ("keywords", ()),
])
def test_pubmed_xml_no_abstract_record_fields(pubmed_dir, field, expected):
    (article,) = iter_articles(pubmed_dir / "no_abstract.xml")
    assert getattr(article, field) == expected


def test_pubmed_xml_missing_values_are_never_empty_strings(pubmed_dir):
    articles = [a for path in sorted(pubmed_dir.glob("[bimn]*.xml*")) if "malformed" not in path.name
                for a in iter_articles(path)]
    assert len(articles) == 7
    for article in articles:
        values = [v for v in vars(article).values() if isinstance(v, str)]
        values += [x for v in vars(article).values() if isinstance(v, tuple) for x in v if isinstance(x, str)]
        assert "" not in values, article.pmid


@pytest.mark.parametrize(("pmid", "year"), [
    ("90000003", 1998),  # MedlineDate "1998 Dec-1999 Jan"
    ("90000004", 2021),  # MedlineDate without a year: ArticleDate
])
def test_pubmed_xml_year_fallbacks(pubmed_dir, pmid, year):
    years = {a.pmid: a.year for a in iter_articles(pubmed_dir / "medline_date.xml")}
    assert years[pmid] == year


@pytest.mark.parametrize(("field", "expected"), [
    ("record_type", "PubmedBookArticle"),
    ("pmid", "90000005"),
    ("title", "Relapsed B-cell leukaemia in an invented chapter"),
    ("journal", "Invented Reviews®"),
    ("publisher", "Invented University Press"),
    ("year", 2020),
    ("authors", ("Writer WJ",)),  # the chapter's authors, not the book's editors
    ("publication_types", ("Review",)),
    ("language", ("eng",)),
])
def test_pubmed_xml_book_article_fields(pubmed_dir, field, expected):
    (book,) = iter_articles(pubmed_dir / "book.xml")
    assert getattr(book, field) == expected


def test_pubmed_xml_book_sections_keep_labels(pubmed_dir):
    (book,) = iter_articles(pubmed_dir / "book.xml")
    assert [s.name for s in book.sections] == ["SUMMARY", "DIAGNOSIS"]


# --- MEDLINE files, DeleteCitation, gzip, sources ---------------------------------------------------------------

def test_pubmed_xml_medline_update_yields_delete_citation(pubmed_dir):
    records = list(iter_records(pubmed_dir / "medline_update.xml.gz"))
    assert [type(r).__name__ for r in records] == ["Article", "Article", "DeletedCitation"]
    assert records[-1] == DeletedCitation(pmids=("90000012", "90000013"))


def test_pubmed_xml_iter_articles_skips_delete_citation(pubmed_dir):
    assert [a.pmid for a in iter_articles(pubmed_dir / "medline_update.xml.gz")] == ["90000010", "90000011"]


def test_pubmed_xml_medline_citation_set_fields(pubmed_dir):
    first = next(iter_articles(pubmed_dir / "medline_update.xml.gz"))
    assert (first.year, first.pages, first.issue, first.authors) == (2015, "201-8", "3-4", ("Update U",))


@pytest.mark.parametrize("make_source", [
    pytest.param(lambda path, tmp: path, id="path"),
    pytest.param(lambda path, tmp: str(path), id="str"),
    pytest.param(lambda path, tmp: path.read_bytes(), id="gzip-bytes"),
    pytest.param(lambda path, tmp: gzip.decompress(path.read_bytes()), id="plain-bytes"),
    pytest.param(lambda path, tmp: io.BytesIO(path.read_bytes()), id="file-object"),
    pytest.param(lambda path, tmp: _NoPeek(path.read_bytes()), id="non-peekable-file-object"),
    pytest.param(lambda path, tmp: _copy(path, tmp / "misnamed.xml"), id="gzip-named-xml"),
    pytest.param(lambda path, tmp: _copy(path, tmp / "plain.xml.gz", gzip.decompress), id="plain-named-gz"),
])
def test_pubmed_xml_accepts_every_source_kind(pubmed_dir, tmp_path, make_source):
    source = make_source(pubmed_dir / "medline_update.xml.gz", tmp_path)
    assert [a.pmid for a in iter_articles(source)] == ["90000010", "90000011"]


class _NoPeek:
    """A binary stream with read() only, like a socket or a pipe."""

    def __init__(self, data: bytes):
        self._buffer = io.BytesIO(data)

    def read(self, size: int = -1) -> bytes:
        return self._buffer.read(size)


def _copy(path, target, transform=lambda data: data):
    target.write_bytes(transform(path.read_bytes()))
    return target


def test_pubmed_xml_rejects_unknown_source_type():
    with pytest.raises(TypeError):
        list(iter_records(12345))


def test_pubmed_xml_missing_file_raises_domain_error(tmp_path):
    with pytest.raises(PubMedXMLError, match="cannot read"):
        list(iter_records(tmp_path / "absent.xml"))


# --- errors and hostile input -----------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["hostile_xxe.xml", "hostile_entity_bomb.xml"])
def test_pubmed_xml_entity_declarations_are_rejected(pubmed_dir, name):
    with pytest.raises(PubMedXMLError, match="declares entities"):
        list(iter_records(pubmed_dir / name))


def test_pubmed_xml_external_dtd_is_never_loaded(tmp_path):
    # If the DTD were read, &ext; would expand and PMID would gain a default attribute; neither may happen.
    dtd = tmp_path / "evil.dtd"
    dtd.write_text('<!ENTITY ext "LEAKED">\n<!ATTLIST ArticleTitle leaked CDATA "LEAKED">\n', encoding="utf-8")
    data = one_record("x", title="before &ext; after").replace(
        HEADER.splitlines()[1].encode(), f'<!DOCTYPE PubmedArticleSet SYSTEM "{dtd.as_uri()}">'.encode())
    (article,) = parse_bytes(data)
    assert article.title == "before after"
    assert b"LEAKED" not in next(split_records(data))[1]


def test_pubmed_xml_entity_bomb_in_attribute_is_rejected():
    bomb = "".join(f'<!ENTITY e{i} "{("&e%d;" % (i - 1)) * 10 if i else "x"}">' for i in range(10))
    data = (f'<?xml version="1.0"?><!DOCTYPE PubmedArticleSet [{bomb}]>'
            '<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID Version="&e9;">1</PMID>'
            '</MedlineCitation></PubmedArticle></PubmedArticleSet>').encode()
    with pytest.raises(PubMedXMLError, match="declares entities"):
        parse_bytes(data)


def test_pubmed_xml_standard_doctype_is_accepted_offline(pubmed_dir):
    data = (pubmed_dir / "inline_markup.xml").read_bytes()
    assert b"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd" in data
    assert [a.pmid for a in parse_bytes(data)] == ["90000001"]


def test_pubmed_xml_malformed_error_names_line_and_last_good_pmid(pubmed_dir):
    with pytest.raises(PubMedXMLError, match=r"line 66, column \d+: .*last good record: PMID 90000003"):
        list(iter_records(pubmed_dir / "malformed_truncated.xml"))


def test_pubmed_xml_malformed_file_yields_records_before_the_error(pubmed_dir):
    seen = []
    with pytest.raises(PubMedXMLError):
        for article in iter_articles(pubmed_dir / "malformed_truncated.xml"):
            seen.append(article.pmid)
    assert seen == ["90000002", "90000003"]


@pytest.mark.parametrize(("data", "message"), [
    (b"", "empty document"),
    (b"   \n", "empty document"),
    (b"<PubmedArticleSet><PubmedArticle>", "no complete record before it"),
    (b"not xml at all", "malformed XML at line 1"),
    (b"<ERROR>API key invalid</ERROR>", "NCBI returned an error: API key invalid"),
    (one_record("x", pmid=""), "without PMID"),
])
def test_pubmed_xml_bad_documents_raise(data, message):
    with pytest.raises(PubMedXMLError, match=re.escape(message)):
        parse_bytes(data)


def test_pubmed_xml_error_reply_carries_ncbi_message(pubmed_dir):
    with pytest.raises(PubMedXMLError, match="Cannot retrieve history data. query_key: 1"):
        list(iter_records(pubmed_dir / "error_reply.xml"))


def test_pubmed_xml_empty_set_is_empty_result(pubmed_dir):
    assert parse_bytes((pubmed_dir / "empty_set.xml").read_bytes()) == []


# --- split_records / wrap_records -------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["inline_markup.xml", "no_abstract.xml", "medline_date.xml", "book.xml",
                                  "medline_update.xml.gz"])
def test_pubmed_xml_split_wrap_round_trip(pubmed_dir, name):
    path = pubmed_dir / name
    pieces = list(split_records(path.read_bytes()))
    assert [pmid for pmid, _ in pieces] == [a.pmid for a in iter_articles(path)]
    assert parse_bytes(wrap_records(raw for _, raw in pieces)) == list(iter_articles(path))


def test_pubmed_xml_split_wrap_round_trip_on_corpus(corpus_dir):
    data = (corpus_dir / "articles.xml").read_bytes()
    pieces = list(split_records(data))
    assert len(pieces) == 43
    assert parse_bytes(wrap_records(raw for _, raw in pieces)) == parse_bytes(data)


def test_pubmed_xml_split_record_is_one_element(pubmed_dir):
    ((pmid, raw),) = split_records((pubmed_dir / "book.xml").read_bytes())
    assert pmid == "90000005"
    assert raw.startswith(b"<PubmedBookArticle>") and raw.endswith(b"</PubmedBookArticle>")


def test_pubmed_xml_split_wraps_bare_medline_citation(pubmed_dir):
    pieces = list(split_records(pubmed_dir / "medline_update.xml.gz"))
    assert all(raw.startswith(b"<PubmedArticle><MedlineCitation") for _, raw in pieces)


def test_pubmed_xml_wrap_has_declaration_and_2025_doctype():
    document = wrap_records([])
    assert document.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE PubmedArticleSet PUBLIC '
                               b'"-//NLM//DTD PubMedArticle, 1st January 2025//EN" '
                               b'"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">')
    assert parse_bytes(document) == []


def test_pubmed_xml_wrap_drops_record_declarations():
    raw = b'<?xml version="1.0" encoding="UTF-8"?>\n' + next(split_records(one_record("x")))[1]
    assert [a.pmid for a in parse_bytes(wrap_records([raw]))] == ["90000100"]


# --- streaming --------------------------------------------------------------------------------------------------

def test_pubmed_xml_streaming_frees_processed_records():
    records = "".join(
        f"<PubmedArticle><MedlineCitation><PMID>{n}</PMID><Article><ArticleTitle>t{n}</ArticleTitle>"
        f"</Article></MedlineCitation></PubmedArticle>" for n in range(1, 501))
    data = f"{HEADER}<PubmedArticleSet>{records}</PubmedArticleSet>".encode()
    preceding, root = [], None
    for element in pubmed_xml._iter_elements(data, {}):
        root = element.getparent()
        preceding.append(sum(1 for _ in element.itersiblings(preceding=True)))
    assert len(preceding) == 500
    # Records already read are gone (at most the previous, emptied one remains), so memory cannot accumulate.
    assert max(preceding) <= 1
    assert len(root) <= 1
