"""extractor: evidence tables of salvage ALL regimens from PubMed abstracts, with exact provenance."""

__version__ = "0.1.0"
