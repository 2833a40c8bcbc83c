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
_SPECIAL_INLINE = ("sup", MATHML_NS + "*", etree.Entity)  # elements the inline renderer must treat specially
_POSITION_SUFFIX = re.compile(r", line \d+, column \d+$")
_XML_SPACE = re.compile(r"[ \t\r\n]+")
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
# Speed: lxml's find()/findtext() go through ElementPath (1.5-2.5 µs a call), so each level of a record is indexed
# once by one pass over its children (`_index`) and the field helpers receive elements, not paths.

Kids = dict  # tag -> first child element with that tag


def _element_to_record(element: etree._Element) -> Article | DeletedCitation:
    if element.tag == DELETE_TAG:
        return DeletedCitation(pmids=_leaves(element, "PMID"))
    if element.tag == BOOK_TAG:
        return _book_article(element)
    if element.tag == CITATION_TAG:
        return _journal_article(element, None)
    kids = _index(element)
    return _journal_article(kids.get(CITATION_TAG), kids.get("PubmedData"))


def _journal_article(citation: etree._Element | None, pubmed_data: etree._Element | None) -> Article:
    if citation is None:
        raise PubMedXMLError("a PubmedArticle without MedlineCitation")
    c = _index(citation)
    pmid = _require_pmid(c, citation)
    article = c.get("Article")
    if article is None:
        return Article(pmid=pmid)
    a = _index(article)
    journal = _index(a.get("Journal"))
    issue = _index(journal.get("JournalIssue"))
    ids = _index(pubmed_data).get("ArticleIdList")
    return Article(
        pmid=pmid,
        title=_title(a),
        sections=_sections(a.get("Abstract")),
        journal=_leaf(journal.get("Title")),
        journal_iso=_leaf(journal.get("ISOAbbreviation")),
        year=_year(issue.get("PubDate"), a.get("ArticleDate")),
        volume=_leaf(issue.get("Volume")),
        issue=_leaf(issue.get("Issue")),
        pages=_pages(a.get("Pagination")),
        doi=_doi(article if "ELocationID" in a else None, ids),
        pmcid=_article_id(ids, "pmc"),
        authors=_authors(a.get("AuthorList")),
        publication_types=_leaves(a.get("PublicationTypeList"), "PublicationType"),
        mesh_headings=_mesh_headings(c.get("MeshHeadingList")),
        keywords=_keywords(citation if "KeywordList" in c else None),
        language=_leaves(article, "Language"),
    )


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


def _title(article: Kids) -> str:
    # A few non-English records have an empty ArticleTitle and only a VernacularTitle (trialstreamer's fallback).
    return _inline_or_none(article.get("ArticleTitle")) or _inline_or_none(article.get("VernacularTitle")) or ""


def _sections(abstract: etree._Element | None) -> tuple[AbstractSection, ...]:
    if abstract is None:
        return ()
    sections = []
    for node in abstract.iterchildren("AbstractText"):
        text = _inline_text(node)
        label = node.get("Label") or None
        if text or label:
            sections.append(AbstractSection(label=label, nlm_category=node.get("NlmCategory") or None, text=text))
    return tuple(sections)


def _year(pub_date: etree._Element | None, article_date: etree._Element | None) -> int | None:
    date = _index(pub_date)
    return (_year_in(_leaf(date.get("Year"))) or _year_in(_leaf(date.get("MedlineDate")))
            or _year_in(_leaf(_index(article_date).get("Year"))))


def _year_in(value: str | None) -> int | None:
    # MedlineDate is free text such as "1998 Dec-1999 Jan" or "Winter 2004": the first 4-digit year counts.
    match = _YEAR.search(value) if value else None
    return int(match.group(1)) if match else None


def _pages(pagination: etree._Element | None) -> str | None:
    if pagination is None:
        return None
    kids = _index(pagination)
    medline = _leaf(kids.get("MedlinePgn"))
    if medline:
        return medline
    start, end = _leaf(kids.get("StartPage")), _leaf(kids.get("EndPage"))
    if start and end:
        return f"{start}-{end}"
    return start or end


def _doi(owner: etree._Element | None, ids: etree._Element | None) -> str | None:
    if owner is not None:
        for node in owner.iterchildren("ELocationID"):
            if node.get("EIdType") == "doi" and node.get("ValidYN", "Y") == "Y":
                value = _leaf(node)
                if value:
                    return value
    return _article_id(ids, "doi")


def _article_id(ids: etree._Element | None, id_type: str) -> str | None:
    # Only the record's own ArticleIdList: the ones under ReferenceList name the cited papers.
    if ids is None:
        return None
    for node in ids.iterchildren("ArticleId"):
        if node.get("IdType") == id_type:
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
    names = (_author_name(author) for author in author_list.iterchildren("Author"))
    return tuple(name for name in names if name)


def _author_name(author: etree._Element) -> str | None:
    kids = _index(author)
    collective = _inline_or_none(kids.get("CollectiveName"))
    if collective:
        return collective
    last, initials = _leaf(kids.get("LastName")), _leaf(kids.get("Initials"))
    if last and initials:
        return f"{last} {initials}"
    return last


def _mesh_headings(heading_list: etree._Element | None) -> tuple[str, ...]:
    # Descriptor names only; qualifiers and MajorTopicYN are left out on purpose (not needed downstream).
    if heading_list is None:
        return ()
    names = (_leaf(_descriptor(heading)) for heading in heading_list.iterchildren("MeshHeading"))
    return tuple(name for name in names if name)


def _descriptor(heading: etree._Element) -> etree._Element | None:
    # The DTD puts DescriptorName first; checking that child avoids indexing every heading.
    if len(heading) and heading[0].tag == "DescriptorName":
        return heading[0]
    return _index(heading).get("DescriptorName")


def _keywords(owner: etree._Element | None) -> tuple[str, ...]:
    if owner is None:
        return ()
    words = (_inline_text(node) for keyword_list in owner.iterchildren("KeywordList")
             for node in keyword_list.iterchildren("Keyword"))
    return tuple(word for word in words if word)


# ---------------------------------------------------------------------------------------------------------------
# Text
# ---------------------------------------------------------------------------------------------------------------

def _leaf(node: etree._Element | None) -> str | None:
    """Text of an element, whitespace-normalised; None when missing or blank."""
    if node is None:
        return None
    value = _normalise(node.text) if len(node) == 0 else _inline_text(node)
    return value or None


def _leaves(parent: etree._Element | None, tag: str) -> tuple[str, ...]:
    if parent is None:
        return ()
    values = (_leaf(node) for node in parent.iterchildren(tag))
    return tuple(value for value in values if value)


def _inline_or_none(node: etree._Element | None) -> str | None:
    return (_inline_text(node) or None) if node is not None else None


def _normalise(text: str | None) -> str:
    if not text:
        return ""
    if text.isascii():
        # Fast path. For ASCII, str.split() also splits on \x0b, \x0c and \x1c-\x1f, but XML 1.0 forbids those
        # characters, so the result equals the XML-whitespace rule below.
        return " ".join(text.split())
    return _XML_SPACE.sub(" ", text).strip(" ")


def _inline_text(node: etree._Element) -> str:
    """Text of an element with inline markup, rendered by the module's rules and whitespace-normalised."""
    if len(node) == 0:
        return _normalise(node.text)
    if next(node.iter(*_SPECIAL_INLINE), None) is None:
        # Fast path (most titles and sections): no superscript, MathML or stray entity reference, so every tag
        # renders as its plain text and lxml's itertext already yields texts and tails in document order.
        return _normalise("".join(node.itertext()))
    parts: list[str] = []
    _render_children(node, parts)
    return _normalise("".join(parts))


def _render_children(node: etree._Element, parts: list[str]) -> None:
    if node.text:
        parts.append(node.text)
    for child in node:
        tag = child.tag
        if tag == "sup":
            parts.append(_sup_text(child, parts))
        elif not isinstance(tag, str):
            pass  # a stray entity reference (never expanded): its tail still counts
        elif tag.startswith(MATHML_NS):
            parts.append(_math_text(child))
        elif len(child) == 0:
            if child.text:
                parts.append(child.text)  # <i>, <b>, <u>, <sub>: plain text
        else:
            _render_children(child, parts)
        if child.tail:
            parts.append(child.tail)  # the text after an inline tag belongs to the parent


def _math_text(math: etree._Element) -> str:
    # The whitespace between MathML elements is pretty-printing; the leaves joined as they are read as one term.
    return "".join(leaf.strip() for leaf in math.itertext())


def _sup_text(sup: etree._Element, before: list[str]) -> str:
    if len(sup) == 0:
        content = _normalise(sup.text)
    else:
        inner: list[str] = []
        _render_children(sup, inner)
        content = _normalise("".join(inner))
    previous = before[-1][-1:] if before else ""
    if previous and (previous.isalnum() or previous in ")]") and _NUMERIC_SUP.fullmatch(content):
        return "^" + content
    return content
