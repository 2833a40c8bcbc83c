"""Frozen records that mirror the gold schema (../shared/corpus/SCHEMA.md)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

TITLE_SECTION = "TITLE"
UNLABELLED_SECTION = "ABSTRACT"


@dataclass(frozen=True)
class AbstractSection:
    """One AbstractText: its Label and NlmCategory as printed (None when absent) and its text."""

    label: str | None
    nlm_category: str | None
    text: str

    @property
    def name(self) -> str:
        """The section name used in evidence: the label, or ABSTRACT for an unlabelled abstract."""
        return self.label or UNLABELLED_SECTION

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Article:
    """A parsed PubMed record. Missing fields are None (or empty tuples), never sentinel strings."""

    pmid: str
    title: str = ""
    sections: tuple[AbstractSection, ...] = ()
    journal: str | None = None
    journal_iso: str | None = None
    year: int | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    doi: str | None = None
    pmcid: str | None = None
    authors: tuple[str, ...] = ()
    publication_types: tuple[str, ...] = ()
    mesh_headings: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    language: tuple[str, ...] = ()
    databanks: tuple[tuple[str, str], ...] = ()  # (DataBankName, AccessionNumber): trial registrations and others
    record_type: str = "PubmedArticle"
    publisher: str | None = None  # books only (PubmedBookArticle/BookDocument/Book/Publisher)

    @property
    def abstract(self) -> str:
        """All section texts joined by blank lines (for display and search, not for offsets)."""
        return "\n\n".join(s.text for s in self.sections)

    @property
    def first_author(self) -> str | None:
        return self.authors[0] if self.authors else None

    def named_texts(self) -> list[tuple[str, str]]:
        """(section name, text) pairs that evidence offsets refer to: the title, then each abstract section."""
        pairs = [(TITLE_SECTION, self.title)] if self.title else []
        return pairs + [(s.name, s.text) for s in self.sections]

    def to_dict(self) -> dict:
        data = asdict(self)
        data["sections"] = [s.to_dict() for s in self.sections]
        for key in ("authors", "publication_types", "mesh_headings", "keywords", "language"):
            data[key] = list(data[key])
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "Article":
        values = dict(data)
        values["sections"] = tuple(AbstractSection(**s) for s in values.get("sections", ()))
        for key in ("authors", "publication_types", "mesh_headings", "keywords", "language"):
            values[key] = tuple(values.get(key, ()))
        return cls(**values)


@dataclass(frozen=True)
class DeletedCitation:
    """PMIDs that a MEDLINE update file withdraws (<DeleteCitation>)."""

    pmids: tuple[str, ...] = field(default_factory=tuple)
