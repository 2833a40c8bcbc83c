"""Evidence records: where in which section a value is stated, with section_text[start:end] == text."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from extractor.extraction.sentences import doc_text


def evidence(doc: Doc, section: str, start_char: int, end_char: int) -> dict:
    """Evidence for a character range of a section's doc, trimmed of surrounding whitespace (blanks and line breaks
    a sentence keeps after its full stop) and of the punctuation ",;:".

    Args:
        doc: the processed section text (doc.text is the section text as the parser returned it).
        section: the section name of `Article.named_texts()`.
        start_char: range start in doc.text.
        end_char: range end in doc.text.

    Returns:
        {"section", "start", "end", "text"} with doc.text[start:end] == text.
    """
    text = doc_text(doc)  # cached: Doc.text is rebuilt from the tokens on every access
    start, end = max(0, start_char), min(len(text), end_char)
    while start < end and (text[start] in ",;:" or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in ",;:" or text[end - 1].isspace()):
        end -= 1
    return {"section": section, "start": start, "end": end, "text": text[start:end]}


def span_evidence(span: Span, section: str) -> dict:
    """Evidence for a spaCy span (a sentence or a clause)."""
    return evidence(span.doc, section, span.start_char, span.end_char)
