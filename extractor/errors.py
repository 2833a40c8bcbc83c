"""Domain exceptions. The CLI turns each into a one-line message and a non-zero exit."""
from __future__ import annotations


class ExtractorError(Exception):
    """Base of every expected failure; its message is shown to the user as is."""

    exit_code = 1


class UsageError(ExtractorError):
    """The user's input (a PMID, a query, an option) is malformed."""

    exit_code = 2


class FetchError(ExtractorError):
    """E-utilities could not be reached or answered with an error."""


class PubMedXMLError(ExtractorError):
    """A PubMed XML document is malformed, hostile or carries an <ERROR>."""

    def __init__(self, message: str, pmid: str | None = None):
        super().__init__(message if pmid is None else f"PMID {pmid}: {message}")
        self.pmid = pmid


class StoreError(ExtractorError):
    """The article store is missing, corrupt or lacks what was asked for."""


class PatternError(ExtractorError):
    """A rule file in patterns/ is invalid; carries every problem as file:line."""

    def __init__(self, problems: list[str]):
        super().__init__("invalid patterns:\n  " + "\n  ".join(problems))
        self.problems = problems


class CurationError(ExtractorError):
    """A line of a curation overrides file is invalid; the message names file:line."""
