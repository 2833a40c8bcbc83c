"""Reading the rule spans of a sentence: the longest match of a label, without overlaps."""
from __future__ import annotations

from spacy.tokens import Span

from extractor.extraction.sentences import Sentence
from extractor.pipeline import SPANS_KEY


def rule_spans(sent: Span | Sentence, label: str, outside: list[Span] = ()) -> list[Span]:
    """The `label` spans of the SpanRuler inside a sentence, longest first among overlaps, in text order.

    The ruler keeps every match ("inotuzumab" inside "inotuzumab ozogamicin"); extractors want one reading per
    stretch of text, and the longest phrase is the most specific one.

    Args:
        sent: the sentence: a `sentences.Sentence` (its spans are grouped once per doc) or a spaCy Span (all the
            doc's spans are scanned).
        label: the rule label (DRUG, UNIT, MEASURE...).
        outside: spans already read as something else; a span overlapping one of them is dropped (the "cells"
            of "CD22-CAR T cells per kg" belongs to the drug, not to a unit).

    Returns:
        A list shared with the sentence's other readers when `outside` is empty: read it, do not modify it.
    """
    if isinstance(sent, Sentence):
        candidates = sent.labelled(label)
        if len(candidates) > 1 and not outside:  # asked again and again of one sentence: sort out overlaps once
            return sent.remembered(("rule_spans", label), lambda: _longest(candidates, ()))
        return _longest(candidates, outside)
    return _longest([s for s in sent.doc.spans.get(SPANS_KEY, []) if s.label_ == label
                     and s.start >= sent.start and s.end <= sent.end], outside)


def _longest(candidates: list[Span], outside: list[Span]) -> list[Span]:
    """The candidates not overlapping `outside`, longest first among overlaps, in text order."""
    if not candidates:
        return []  # most sentences have none of a given label
    spans = [s for s in candidates if all(s.end <= o.start or s.start >= o.end for o in outside)] if outside \
        else list(candidates)
    if len(spans) < 2:
        return spans  # nothing can overlap
    spans.sort(key=lambda s: (-(s.end - s.start), s.start))
    kept: list[Span] = []
    for span in spans:
        if all(span.end <= k.start or span.start >= k.end for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)
