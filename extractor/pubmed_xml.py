"""PubMed XML (efetch replies, MEDLINE baseline/update files) to `Article` records, streaming.

The parser is built on `lxml.etree.iterparse`: it reacts only to the end of each record element
(`PubmedArticle`, `PubmedBookArticle`, a bare `MedlineCitation` in a `MedlineCitationSet`, `DeleteCitation`),
turns it into a frozen record and then frees it, so memory stays flat on files of any size.

Text rules (every evidence offset refers to the text returned here, so they are fixed):

* Inline markup (`<i>`, `<b>`, `<u>`, `<sup>`, `<sub>`, nested, MathML) keeps all of its text, in document order,
  including the text after each tag (its tail).
* `<sup>` whose content is a number, optionally signed (`9`, `-4`, `−4`, `+2`, `2.5`), directly after a letter,
  digit or closing bracket, becomes `^` + content: `10<sup>9</sup>/L` -> `10^9/L`, `m<sup>2</sup>` -> `m^2`.
  Any other superscript (footnote marks `a`, `®`, a lone `+`/`-` as in `CD34<sup>+</sup>`) keeps its text
  without `^`.
* `<sub>` is plain text, as PubMed displays it inline: `p<sub>trend</sub>` -> `ptrend`.
* MathML (`mml:math`) is flattened to its text leaves joined without separators (the whitespace between MathML
  elements is pretty-printing, not content): a V-dot-O2-max formula becomes `V.O2max`.
* Runs of XML whitespace (space, tab, CR, LF) collapse to one space and the ends are stripped. No other
  character is touched: Unicode spaces, `·`, `≥`, `−` stay as they are.

Hostile input: the parser never expands entities, loads a DTD or touches the network. A document whose internal
DTD subset declares any `<!ENTITY>` (PubMed never does) is rejected with `PubMedXMLError`, so XXE and entity bombs
fail fast; the standard `<!DOCTYPE PubmedArticleSet PUBLIC ... "https://dtd.nlm.nih.gov/...">` line is accepted
and never fetched.

Only the main `Abstract` forms sections; `OtherAbstract` (translations, plain-language summaries) is ignored.
"""
from __future__ import annotations

import dataclasses
import gzip
import io
import os
import re
from collections.abc import Iterable, Iterator
from typing import BinaryIO, Union

from lxml import etree

from extractor.errors import PubMedXMLError
from extractor.models import AbstractSection, Article, DeletedCitation

Source = Union[str, os.PathLike, bytes, BinaryIO]

ARTICLE_TAG = "PubmedArticle"
BOOK_TAG = "PubmedBookArticle"
CITATION_TAG = "MedlineCitation"
DELETE_TAG = "DeleteCitation"
ERROR_TAG = "ERROR"
RECORD_TAGS = (ARTICLE_TAG, BOOK_TAG, CITATION_TAG, DELETE_TAG, ERROR_TAG)
PUBMED_SET_TAGS = (ARTICLE_TAG, BOOK_TAG, DELETE_TAG, ERROR_TAG)
ROOT_TAGS = frozenset({"PubmedArticleSet", "MedlineCitationSet", "PubmedBookArticleSet", ARTICLE_TAG, BOOK_TAG,
                       CITATION_TAG})

XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'
DOCTYPE_2025 = (b'<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" '
                b'"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n')

GZIP_MAGIC = b"\x1f\x8b"
MATHML_NS = "{http://www.w3.org/1998/Math/MathML}"

PROLOG_LIMIT = 64 * 1024  # NCBI's prolog (declaration + DOCTYPE line) is about 200 bytes
ENTITY_MESSAGE = ("refusing a document whose DTD declares entities: PubMed XML never does, so this is an XXE or "
                  "entity-expansion attack, or not PubMed XML")
_FIRST_ELEMENT = re.compile(rb"<([A-Za-z_][-A-Za-z0-9_.:]*)")
_PLAIN_INLINE = frozenset({"i", "b", "u", "sub"})  # inline tags that render as their plain text
_POSITION_SUFFIX = re.compile(r", line \d+, column \d+$")
_XML_SPACE = re.compile(r"[ \t\r\n]+")
_NON_XML_SPACE = re.compile(r"[^\S \t\r\n]")  # what str.split() also splits on (re's \s is str.isspace)
_NUMERIC_SUP = re.compile(r"[+\-−–]?\d+(?:[.,·]\d+)?")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2\d\d\d)(?!\d)")


# ---------------------------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------------------------

def iter_records(source: Source) -> Iterator[Article | DeletedCitation]:
    """Stream every record of a PubMed XML document.

    Args:
        source: a path (`.xml` or gzip-compressed, detected by its magic bytes), the document as bytes, or a binary
            file object.

    Returns:
        An iterator of `Article` (for `PubmedArticle`, `PubmedBookArticle` and bare `MedlineCitation`) and
        `DeletedCitation` (for a MEDLINE update file's `DeleteCitation`), in document order.

    Raises:
        PubMedXMLError: the document is malformed (with its line number and the last good PMID), declares entities,
            is an NCBI `<ERROR>` reply, or is not a PubMed document at all.
    """
    progress: dict[str, str] = {}
    for element in _iter_elements(source, progress):
        record = _element_to_record(element)
        if isinstance(record, Article):
            progress["pmid"] = record.pmid
        yield record


def iter_articles(source: Source) -> Iterator[Article]:
    """Stream the articles of a PubMed XML document, skipping `DeleteCitation` entries.

    Args:
        source: a path, bytes or a binary file object (see `iter_records`).

    Returns:
        An iterator of `Article`.

    Raises:
        PubMedXMLError: see `iter_records`.
    """
    for record in iter_records(source):
        if isinstance(record, Article):
            yield record


def parse_bytes(data: bytes) -> list[Article]:
    """Parse an efetch reply held in memory.

    Args:
        data: the XML document (plain or gzip-compressed).

    Returns:
        The articles, in document order; an empty list for a `PubmedArticleSet` with no records.

    Raises:
        PubMedXMLError: see `iter_records`.
    """
    return list(iter_articles(data))


def split_records(data: Source) -> Iterator[tuple[str, bytes]]:
    """Split an efetch reply into one raw XML element per PMID, streaming, for the store.

    A bare `MedlineCitation` (MEDLINE file) is wrapped in `<PubmedArticle>` so that every piece is a valid
    `PubmedArticleSet` member. `DeleteCitation` entries carry no record and are not yielded.

    Args:
        data: the XML document as bytes (a path or binary file object works too).

    Returns:
        An iterator of (pmid, UTF-8 bytes of that one `PubmedArticle`/`PubmedBookArticle` element, without XML
        declaration).

    Raises:
        PubMedXMLError: see `iter_records`.
    """
    progress: dict[str, str] = {}
    for element in _iter_elements(data, progress):
        if element.tag == DELETE_TAG:
            continue
        raw = etree.tostring(element, encoding="UTF-8", xml_declaration=False, with_tail=False)
        if element.tag == CITATION_TAG:
            raw = b"<PubmedArticle>" + raw + b"</PubmedArticle>"
        pmid = _pmid(element)
        if pmid is None:
            raise PubMedXMLError(f"a <{element.tag}> record without PMID (line {element.sourceline})")
        progress["pmid"] = pmid
        yield pmid, raw


def wrap_records(raws: Iterable[bytes]) -> bytes:
    """Join raw records (as `split_records` yields them) into one `PubmedArticleSet` document.

    Args:
        raws: raw `PubmedArticle`/`PubmedBookArticle` elements; a leading XML declaration on any is dropped.

    Returns:
        A UTF-8 document with XML declaration and the standard 2025 DOCTYPE line; parsing it gives back the same
        articles.
    """
    parts = [XML_DECLARATION, DOCTYPE_2025, b"<PubmedArticleSet>\n"]
    for raw in raws:
        parts.append(_strip_declaration(raw).strip())
        parts.append(b"\n")
    parts.append(b"</PubmedArticleSet>\n")
    return b"".join(parts)


# ---------------------------------------------------------------------------------------------------------------
# Streaming
# ---------------------------------------------------------------------------------------------------------------

def _iter_elements(source: Source, progress: dict[str, str]) -> Iterator[etree._Element]:
    """Yield each record element while it is complete, then free it and everything before it.

    The caller stores the PMID of each record it has converted in `progress["pmid"]`, so that a syntax error can
    name the last good record without this loop reading PMIDs itself.
    """
    stream, owned = _open_source(source)
    try:
        stream, root_tag = _screen_prolog(stream)
    except PubMedXMLError:
        if owned:
            stream.close()
        raise
    checked = False
    # A bare MedlineCitation is a record only in MEDLINE files; elsewhere listening for it would add one
    # event per PubmedArticle for nothing.
    tags = RECORD_TAGS if root_tag in (None, "MedlineCitationSet", CITATION_TAG) else PUBMED_SET_TAGS
    try:
        # Hostile-input settings: no entity substitution, no DTD (not even the PUBLIC one NCBI names), no network,
        # libxml2's default size limits (huge_tree=False).
        context = etree.iterparse(
            stream, events=("end",), tag=tags, resolve_entities=False, load_dtd=False, no_network=True,
            huge_tree=False, dtd_validation=False, remove_comments=True, remove_pis=True,
        )
        try:
            for _, element in context:
                if not checked:
                    _check_entities(element.getroottree())
                if element.tag == ERROR_TAG:
                    raise PubMedXMLError(f"NCBI returned an error: {_leaf(element) or '(empty <ERROR>)'}")
                if not checked:
                    _check_root(element.getroottree())
                    checked = True
                if element.tag == CITATION_TAG and element.getparent() is not None \
                        and element.getparent().tag == ARTICLE_TAG:
                    continue  # part of a PubmedArticle, handled at its end event
                yield element
                _free(element)
            root = context.root
        except etree.XMLSyntaxError as exc:
            raise _syntax_error(exc, progress.get("pmid")) from None
        if root is not None and not checked:
            _check_entities(root.getroottree())
            _check_root(root.getroottree())
    finally:
        if owned:
            stream.close()


def _screen_prolog(stream: BinaryIO) -> tuple[BinaryIO, str | None]:
    """Reject entity declarations before libxml2 sees them.

    Returns:
        A stream that replays what was read, and the root element's tag if it was seen.


    libxml2 refuses a billion-laughs bomb by itself ("entity amplification factor exceeded") and, without
    resolve_entities, never substitutes external entities; screening the prolog turns both into one clear error
    before any parsing. `_check_entities` stays as the backstop for prologs this byte scan cannot read (e.g.
    UTF-16).
    """
    head = stream.read(PROLOG_LIMIT)
    if not head.strip():
        raise PubMedXMLError("empty document: expected PubMed XML")
    match = _FIRST_ELEMENT.search(head)
    prolog = head[: match.start()] if match else head
    if b"<!ENTITY" in prolog:
        raise PubMedXMLError(ENTITY_MESSAGE)
    if match is None and len(head) == PROLOG_LIMIT:
        raise PubMedXMLError(f"no root element in the first {PROLOG_LIMIT} bytes: not a PubMed XML document")
    root_tag = match.group(1).decode("ascii", "replace") if match else None
    return _Prefixed(head, stream), root_tag


def _free(element: etree._Element) -> None:
    # clear() drops the record's content; deleting the already-processed siblings keeps the root from growing
    # an ever longer list of empty elements, which is what makes memory constant.
    element.clear(keep_tail=False)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def _check_entities(tree: etree._ElementTree) -> None:
    """Reject a document whose internal DTD subset declares entities."""
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise PubMedXMLError(ENTITY_MESSAGE)


def _check_root(tree: etree._ElementTree) -> None:
    """Reject an NCBI <ERROR> reply and documents that are not PubMed XML."""
    root = tree.getroot()
    if root.tag == ERROR_TAG:
        raise PubMedXMLError(f"NCBI returned an error: {_leaf(root) or '(empty <ERROR>)'}")
    if root.tag not in ROOT_TAGS:
        raise PubMedXMLError(f"not a PubMed article document: root element is <{root.tag}>")


def _syntax_error(exc: etree.XMLSyntaxError, last_pmid: str | None) -> PubMedXMLError:
    line, column = exc.position if exc.position else (exc.lineno, 0)
    reason = _POSITION_SUFFIX.sub("", exc.msg or "syntax error")
    after = f"last good record: PMID {last_pmid}" if last_pmid else "no complete record before it"
    return PubMedXMLError(f"malformed XML at line {line}, column {column}: {reason} ({after})")


def _open_source(source: Source) -> tuple[BinaryIO, bool]:
    """Return a binary stream of the (decompressed) document, and whether we must close it."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        if data[:2] == GZIP_MAGIC:
            return gzip.GzipFile(fileobj=io.BytesIO(data)), True
        return io.BytesIO(data), True
    if isinstance(source, (str, os.PathLike)):
        try:
            handle = open(source, "rb")
        except OSError as exc:
            raise PubMedXMLError(f"cannot read {os.fspath(source)}: {exc.strerror}") from None
        return _maybe_gunzip(handle), True
    if hasattr(source, "read"):
        return _maybe_gunzip(source), False
    raise TypeError(f"expected a path, bytes or a binary file object, not {type(source).__name__}")


def _maybe_gunzip(handle: BinaryIO) -> BinaryIO:
    # Decide by content, not by suffix: efetch output saved as .xml may be gzip, and .gz files may be plain.
    if hasattr(handle, "peek"):
        head, stream = handle.peek(2)[:2], handle
    else:
        head = handle.read(2)
        stream = _Prefixed(head, handle)
    return gzip.GzipFile(fileobj=stream) if head == GZIP_MAGIC else stream


class _Prefixed(io.RawIOBase):
    """A read-only stream that replays a few already-read bytes before the rest of a non-peekable handle."""

    def __init__(self, prefix: bytes, handle: BinaryIO):
        self._prefix = prefix
        self._handle = handle

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        if self._prefix:
            head, self._prefix = self._prefix, b""
            if size is None or size < 0:
                return head + self._handle.read()
            return head + self._handle.read(max(size - len(head), 0))
        return self._handle.read(size)

    def readinto(self, buffer) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _strip_declaration(raw: bytes) -> bytes:
    raw = raw.lstrip()
    if raw.startswith(b"<?xml"):
        return raw[raw.index(b"?>") + 2:]
    return raw


# ---------------------------------------------------------------------------------------------------------------
# Records
# ---------------------------------------------------------------------------------------------------------------
# Speed: lxml's find()/findtext() go through ElementPath (1.5-2.5 µs a call) and iterchildren(tag, ...) builds a
# tag matcher per call, so a journal article is read by one plain pass over the children of each level
# (MedlineCitation, Article, Journal, JournalIssue, ...) that keeps the first child of each wanted tag (and every
# ELocationID, Language, KeywordList). The rarer book records use `_index` (the same first-child-per-tag rule).

Kids = dict  # tag -> first child element with that tag

# A frozen dataclass's __init__ sets each of Article's 19 fields through object.__setattr__ (~2 µs a record).
# `_journal_article` fills every field itself (in declaration order, record_type and publisher at their defaults),
# so it can create the object and fill its __dict__ in one step (~0.3 µs): the same object as Article(**values).
# Only while Article stays a plain dataclass with exactly these fields and no __post_init__; otherwise (say,
# models.py gains a field or a validation) it falls back to the constructor.
_ARTICLE_FIELDS = ("pmid", "title", "sections", "journal", "journal_iso", "year", "volume", "issue", "pages", "doi",
                   "pmcid", "authors", "publication_types", "mesh_headings", "keywords", "language", "databanks",
                   "record_type", "publisher")
_FAST_ARTICLE = (
    tuple(f.name for f in dataclasses.fields(Article)) == _ARTICLE_FIELDS
    and not hasattr(Article, "__post_init__") and not hasattr(Article, "__slots__")
    and Article(pmid="0").record_type == ARTICLE_TAG and Article(pmid="0").publisher is None
)
_new_object = object.__new__


def _element_to_record(element: etree._Element) -> Article | DeletedCitation:
    tag = element.tag
    if tag == DELETE_TAG:
        return DeletedCitation(pmids=_leaves(element, "PMID"))
    if tag == BOOK_TAG:
        return _book_article(element)
    if tag == CITATION_TAG:
        return _journal_article(element, None)
    citation = pubmed_data = None
    for child in element:
        tag = child.tag
        if tag == CITATION_TAG:
            if citation is None:
                citation = child
        elif tag == "PubmedData":
            if pubmed_data is None:
                pubmed_data = child
    return _journal_article(citation, pubmed_data)


def _journal_article(citation: etree._Element | None, pubmed_data: etree._Element | None) -> Article:
    if citation is None:
        raise PubMedXMLError("a PubmedArticle without MedlineCitation")
    pmid_node = article = heading_list = None
    keyword_lists = None
    for child in citation:
        tag = child.tag
        if tag == "PMID":
            if pmid_node is None:
                pmid_node = child
        elif tag == "Article":
            if article is None:
                article = child
        elif tag == "MeshHeadingList":
            if heading_list is None:
                heading_list = child
        elif tag == "KeywordList":
            if keyword_lists is None:
                keyword_lists = [child]
            else:
                keyword_lists.append(child)
    pmid = _leaf(pmid_node)
    if pmid is None:
        raise PubMedXMLError(f"a <{citation.tag}> record without PMID (line {citation.sourceline})")
    if article is None:
        return Article(pmid=pmid)

    title = vernacular = abstract = journal = pagination = article_date = author_list = type_list = None
    elocations = databank_list = None
    languages = []
    for child in article:
        tag = child.tag
        if tag == "ArticleTitle":
            if title is None:
                title = child
        elif tag == "Language":
            value = _leaf(child)
            if value:
                languages.append(value)
        elif tag == "ELocationID":
            if elocations is None:
                elocations = [child]
            else:
                elocations.append(child)
        elif tag == "Abstract":
            if abstract is None:
                abstract = child
        elif tag == "Journal":
            if journal is None:
                journal = child
        elif tag == "AuthorList":
            if author_list is None:
                author_list = child
        elif tag == "PublicationTypeList":
            if type_list is None:
                type_list = child
        elif tag == "Pagination":
            if pagination is None:
                pagination = child
        elif tag == "ArticleDate":
            if article_date is None:
                article_date = child
        elif tag == "VernacularTitle":
            if vernacular is None:
                vernacular = child
        elif tag == "DataBankList":
            if databank_list is None:
                databank_list = child

    journal_title = journal_iso = issue = None
    if journal is not None:
        for child in journal:
            tag = child.tag
            if tag == "JournalIssue":
                if issue is None:
                    issue = child
            elif tag == "Title":
                if journal_title is None:
                    journal_title = child
            elif tag == "ISOAbbreviation":
                if journal_iso is None:
                    journal_iso = child
    volume = issue_number = pub_date = None
    if issue is not None:
        for child in issue:
            tag = child.tag
            if tag == "PubDate":
                if pub_date is None:
                    pub_date = child
            elif tag == "Volume":
                if volume is None:
                    volume = child
            elif tag == "Issue":
                if issue_number is None:
                    issue_number = child

    doi = _elocation_doi(elocations) if elocations is not None else None
    pmcid = None
    if pubmed_data is not None:
        for child in pubmed_data:
            if child.tag == "ArticleIdList":
                if doi is None:
                    doi = _article_id(child, "doi")
                pmcid = _article_id(child, "pmc")
                break

    values = {
        "pmid": pmid,
        "title": (title is not None and _inline_text(title)) or (vernacular is not None and _inline_text(vernacular))
        or "",
        "sections": _sections(abstract) if abstract is not None else (),
        "journal": _leaf(journal_title),
        "journal_iso": _leaf(journal_iso),
        "year": _year(pub_date, article_date),
        "volume": _leaf(volume),
        "issue": _leaf(issue_number),
        "pages": _pages(pagination),
        "doi": doi,
        "pmcid": pmcid,
        "authors": _authors(author_list) if author_list is not None else (),
        "publication_types": _leaves(type_list, "PublicationType") if type_list is not None else (),
        "mesh_headings": _mesh_headings(heading_list) if heading_list is not None else (),
        "keywords": _keyword_texts(keyword_lists) if keyword_lists is not None else (),
        "language": tuple(languages),
        "databanks": _databanks(databank_list) if databank_list is not None else (),
        "record_type": ARTICLE_TAG,
        "publisher": None,
    }
    if _FAST_ARTICLE:
        record = _new_object(Article)
        record.__dict__.update(values)
        return record
    return Article(**values)


def _book_article(element: etree._Element) -> Article:
    document = _index(element).get("BookDocument")
    if document is None:
        raise PubMedXMLError("a PubmedBookArticle without BookDocument")
    d = _index(document)
    book = _index(d.get("Book"))
    book_title = _inline_or_none(book.get("BookTitle"))
    title = _inline_or_none(d.get("ArticleTitle")) or book_title or ""
    ids = _index(_index(element).get("PubmedBookData")).get("ArticleIdList")
    return Article(
        pmid=_require_pmid(d, document),
        title=title,
        sections=_sections(d.get("Abstract")),
        # The book is the chapter's container, as the journal is an article's; a whole book has none.
        journal=book_title if book_title != title else None,
        year=_year(book.get("PubDate"), None),
        doi=_doi(document if "ELocationID" in d else None, ids),
        pmcid=_article_id(ids, "pmc"),
        authors=_authors(_book_authors(document)),
        publication_types=_leaves(document, "PublicationType"),
        keywords=_keywords(document if "KeywordList" in d else None),
        language=_leaves(document, "Language"),
        publisher=_leaf(_index(book.get("Publisher")).get("PublisherName")),
        record_type=BOOK_TAG,
    )


def _index(element: etree._Element | None) -> Kids:
    """Map each child tag to its first child element (empty for a missing element)."""
    kids: Kids = {}
    if element is not None:
        for child in element:
            if child.tag not in kids:
                kids[child.tag] = child
    return kids


# ---------------------------------------------------------------------------------------------------------------
# Fields: one helper each, None (or ()) when missing
# ---------------------------------------------------------------------------------------------------------------

def _pmid(element: etree._Element) -> str | None:
    """The PMID of any record element (for error messages and split_records)."""
    # The record's own PMID is the first in document order (CommentsCorrections PMIDs come after it).
    return _leaf(next(element.iter("PMID"), None))


def _require_pmid(kids: Kids, element: etree._Element) -> str:
    pmid = _leaf(kids.get("PMID"))
    if pmid is None:
        raise PubMedXMLError(f"a <{element.tag}> record without PMID (line {element.sourceline})")
    return pmid


def _sections(abstract: etree._Element | None) -> tuple[AbstractSection, ...]:
    if abstract is None:
        return ()
    sections = []
    for node in abstract:
        if node.tag != "AbstractText":
            continue
        text = _inline_text(node)
        label = node.get("Label") or None
        if text or label:
            sections.append(AbstractSection(label, node.get("NlmCategory") or None, text))
    return tuple(sections)


def _year(pub_date: etree._Element | None, article_date: etree._Element | None) -> int | None:
    year = medline = None
    if pub_date is not None:
        for child in pub_date:
            tag = child.tag
            if tag == "Year":
                if year is None:
                    year = child
            elif tag == "MedlineDate":
                if medline is None:
                    medline = child
    found = _year_in(_leaf(year)) or _year_in(_leaf(medline))
    if found or article_date is None:
        return found
    for child in article_date:
        if child.tag == "Year":
            return _year_in(_leaf(child))
    return None


def _year_in(value: str | None) -> int | None:
    # MedlineDate is free text such as "1998 Dec-1999 Jan" or "Winter 2004": the first 4-digit year counts.
    if not value:
        return None
    if len(value) == 4 and value.isascii() and value.isdigit():
        # A plain <Year> (the usual case): the same answer as the regex below, without running it.
        return int(value) if "1800" <= value <= "2999" else None
    match = _YEAR.search(value)
    return int(match.group(1)) if match else None


def _pages(pagination: etree._Element | None) -> str | None:
    if pagination is None:
        return None
    medline = start = end = None
    for child in pagination:
        tag = child.tag
        if tag == "MedlinePgn":
            if medline is None:
                medline = child
        elif tag == "StartPage":
            if start is None:
                start = child
        elif tag == "EndPage":
            if end is None:
                end = child
    medline = _leaf(medline)
    if medline:
        return medline
    start, end = _leaf(start), _leaf(end)
    if start and end:
        return f"{start}-{end}"
    return start or end


def _elocation_doi(elocations: list[etree._Element]) -> str | None:
    for node in elocations:
        if node.get("EIdType") == "doi" and node.get("ValidYN", "Y") == "Y":
            value = _leaf(node)
            if value:
                return value
    return None


def _doi(owner: etree._Element | None, ids: etree._Element | None) -> str | None:
    if owner is not None:
        value = _elocation_doi(list(owner.iterchildren("ELocationID")))
        if value:
            return value
    return _article_id(ids, "doi")


def _databanks(databank_list: etree._Element) -> tuple[tuple[str, str], ...]:
    """(DataBankName, AccessionNumber) pairs: a trial's registration ("ClinicalTrials.gov", "NCT01564784") and
    other databanks' entries (GenBank...), in the record's order."""
    pairs = []
    for bank in databank_list:
        if bank.tag != "DataBank":
            continue
        name = accessions = None
        for child in bank:
            if child.tag == "DataBankName":
                name = _leaf(child)
            elif child.tag == "AccessionNumberList":
                accessions = child
        if name and accessions is not None:
            pairs += [(name, number) for number in _leaves(accessions, "AccessionNumber")]
    return tuple(pairs)


def _article_id(ids: etree._Element | None, id_type: str) -> str | None:
    # Only the record's own ArticleIdList: the ones under ReferenceList name the cited papers.
    if ids is None:
        return None
    for node in ids:
        if node.tag == "ArticleId" and node.get("IdType") == id_type:
            value = _leaf(node)
            if value:
                return value
    return None


def _book_authors(document: etree._Element) -> etree._Element | None:
    # A chapter lists its authors here and, inside Book, the book's editors; only Type="authors" counts.
    for author_list in document.iterchildren("AuthorList"):
        if author_list.get("Type", "authors") == "authors":
            return author_list
    return None


def _authors(author_list: etree._Element | None) -> tuple[str, ...]:
    if author_list is None:
        return ()
    names = []
    for author in author_list:
        if author.tag != "Author":
            continue
        collective = last = initials = None
        for child in author:
            tag = child.tag
            if tag == "LastName":
                if last is None:
                    last = child
            elif tag == "Initials":
                if initials is None:
                    initials = child
            elif tag == "CollectiveName":
                if collective is None:
                    collective = child
        if collective is not None:
            name = _inline_text(collective)
            if name:
                names.append(name)
                continue
        last = _leaf(last)
        if last:
            initials = _leaf(initials)
            names.append(f"{last} {initials}" if initials else last)
    return tuple(names)


def _mesh_headings(heading_list: etree._Element | None) -> tuple[str, ...]:
    # Descriptor names only; qualifiers and MajorTopicYN are left out on purpose (not needed downstream).
    if heading_list is None:
        return ()
    names = []
    for heading in heading_list:
        if heading.tag != "MeshHeading":
            continue
        name = _leaf(_descriptor(heading))
        if name:
            names.append(name)
    return tuple(names)


def _descriptor(heading: etree._Element) -> etree._Element | None:
    # The DTD puts DescriptorName first; checking that child avoids scanning every heading.
    if len(heading):
        first = heading[0]
        if first.tag == "DescriptorName":
            return first
        for child in heading:
            if child.tag == "DescriptorName":
                return child
    return None


def _keyword_texts(keyword_lists: list[etree._Element]) -> tuple[str, ...]:
    words = []
    for keyword_list in keyword_lists:
        for node in keyword_list:
            if node.tag == "Keyword":
                word = _inline_text(node)
                if word:
                    words.append(word)
    return tuple(words)


def _keywords(owner: etree._Element | None) -> tuple[str, ...]:
    if owner is None:
        return ()
    return _keyword_texts(list(owner.iterchildren("KeywordList")))


# ---------------------------------------------------------------------------------------------------------------
# Text
# ---------------------------------------------------------------------------------------------------------------

def _leaf(node: etree._Element | None) -> str | None:
    """Text of an element, whitespace-normalised; None when missing or blank."""
    if node is None:
        return None
    if len(node) == 0:
        text = node.text
        if not text:
            return None
        if text.isalnum():
            return text  # no whitespace at all (years, codes, single words): nothing to normalise
        return _normalise(text) or None
    return _inline_text(node) or None


def _leaves(parent: etree._Element | None, tag: str) -> tuple[str, ...]:
    if parent is None:
        return ()
    values = []
    for node in parent:
        if node.tag == tag:
            value = _leaf(node)
            if value:
                values.append(value)
    return tuple(values)


def _inline_or_none(node: etree._Element | None) -> str | None:
    return (_inline_text(node) or None) if node is not None else None


def _normalise(text: str | None) -> str:
    if not text:
        return ""
    if text.isascii() or text.isprintable() or _NON_XML_SPACE.search(text) is None:
        # Fast path. str.split() splits on every character for which str.isspace() is true; when the only such
        # characters present are the four XML whitespace characters, the result equals the rule below. (For
        # ASCII, it would also split on \x0b, \x0c and \x1c-\x1f, but XML 1.0 forbids those characters;
        # isprintable() is false for every whitespace character except the ASCII space.)
        return " ".join(text.split())
    return _XML_SPACE.sub(" ", text).strip(" ")


def _inline_text(node: etree._Element) -> str:
    """Text of an element with inline markup, rendered by the module's rules and whitespace-normalised."""
    if len(node) == 0:
        return _normalise(node.text)
    parts: list[str] = []
    _render_children(node, parts)
    return _normalise("".join(parts))


def _render_children(node: etree._Element, parts: list[str]) -> None:
    # Texts and tails in document order, as itertext() would give them, except for <sup>, MathML and stray
    # entity references. (This is also faster than itertext() for the few children inline markup has.)
    append = parts.append
    text = node.text
    if text:
        append(text)
    for child in node:
        tag = child.tag
        if tag in _PLAIN_INLINE:
            if len(child) == 0:
                text = child.text
                if text:
                    append(text)  # <i>, <b>, <u>, <sub>: plain text
            else:
                _render_children(child, parts)
        elif tag == "sup":
            append(_sup_text(child, parts))
        elif not isinstance(tag, str):
            pass  # a stray entity reference (never expanded): its tail still counts
        elif tag.startswith(MATHML_NS):
            append(_math_text(child))
        elif len(child) == 0:
            text = child.text
            if text:
                append(text)  # any other tag: plain text
        else:
            _render_children(child, parts)
        text = child.tail
        if text:
            append(text)  # the text after an inline tag belongs to the parent


def _math_text(math: etree._Element) -> str:
    # The whitespace between MathML elements is pretty-printing; the leaves joined as they are read as one term.
    return "".join([leaf.strip() for leaf in math.itertext()])


def _sup_text(sup: etree._Element, before: list[str]) -> str:
    if len(sup) == 0:
        content = sup.text
        if not content:
            return ""
        if not content.isalnum():
            content = _normalise(content)
    else:
        inner: list[str] = []
        _render_children(sup, inner)
        content = _normalise("".join(inner))
    if not content:
        return content
    previous = before[-1][-1:] if before else ""
    if previous and (previous.isalnum() or previous in ")]") and _NUMERIC_SUP.fullmatch(content):
        return "^" + content
    return content
