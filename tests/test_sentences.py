"""Section views (extraction/sentences.py): what they hand out equals spaCy's own objects, and they do not keep
their docs alive (a view is cached in a dictionary weakly keyed by its doc)."""
import gc
import weakref

import pytest

from extractor.extraction.sentences import RuleSpan, section_view
from extractor.pipeline import SPANS_KEY

TEXT = ("Of the 48 patients enrolled, 44 (92%) achieved complete remission with inotuzumab ozogamicin. "
        "The median overall survival was 7.7 months (HR, 0.71; 95% CI, 0.55 to 0.93).")


def test_view_sentences_and_spans_equal_spacy(nlp):
    doc = nlp(TEXT)
    view = section_view(doc)
    assert [(s.start, s.end, s.start_char, s.end_char, s.text) for s in view.sentences] == \
        [(s.start, s.end, s.start_char, s.end_char, s.text) for s in doc.sents]
    grouped = [span for sent in view.sentences for span in sent.spans]
    expected = sorted((s for s in doc.spans[SPANS_KEY] if any(t.start <= s.start and s.end <= t.end for t in doc.sents)),
                      key=lambda s: s.start_char)
    assert [(s.start, s.end, s.start_char, s.end_char, s.label_, s.id_, s.text, len(s)) for s in grouped] == \
        [(s.start, s.end, s.start_char, s.end_char, s.label_, s.id_, s.text, len(s)) for s in expected]
    for rule, span in zip(grouped, expected):
        assert isinstance(rule, RuleSpan)
        assert [t.text for t in rule] == [t.text for t in span]
        assert [t.text for t in reversed(rule)] == [t.text for t in reversed(span)]
        assert rule.span == span and rule.sent == span.sent and rule.doc is doc


@pytest.mark.parametrize("text", [
    TEXT, "One.", "CR was 80%.  OS was 7 months. ", "  Leading blanks. Then text.\n\nA new paragraph (n = 4).",
    "No terminator at all", "Dose 1.5 mg/m2 vs. 0.8 mg/m2! Why? Because."])
def test_view_sentence_bounds_equal_doc_sents(nlp, text):
    """A view's sentences are exactly spaCy's, blanks after a full stop included (read from the segmenter's own
    tuples, `pipeline.rule_sentences`)."""
    from extractor.pipeline import rule_sentences

    doc = nlp(text)
    view = section_view(doc)
    assert rule_sentences(doc) is not None
    assert [(s.start, s.end, s.start_char, s.end_char, s.text) for s in view.sentences] == \
        [(s.start, s.end, s.start_char, s.end_char, s.text) for s in doc.sents]


def test_view_of_a_doc_with_another_segmenter_uses_its_sentences(nlp):
    doc = nlp.make_doc("First part; second part. Third part.")
    doc.user_hooks["sents"] = lambda d: iter([d[0:3], d[3:]])
    assert [s.text for s in section_view(doc).sentences] == ["First part;", "second part. Third part."]


def test_view_does_not_keep_its_doc_alive(nlp):
    doc = nlp(TEXT)
    view = section_view(doc)
    assert view.sentences and any(sent.spans for sent in view.sentences)
    view_ref, doc_ref = weakref.ref(view), weakref.ref(doc)
    gc.disable()  # freed by reference counting alone, not by the cycle collector
    try:
        del doc, view
        assert doc_ref() is None
        assert view_ref() is None
    finally:
        gc.enable()


def test_view_of_a_doc_whose_spans_were_set_elsewhere_reads_doc_spans(nlp):
    """A view reads the ruler's own tuples of its spans (pipeline.rule_matches), or doc.spans when the group was
    not set by the ruler: the same sentences and spans either way."""
    from spacy.tokens import Span

    from extractor.pipeline import rule_matches

    def described(view):
        return [[(r.start, r.end, r.start_char, r.end_char, r.label_, r.id_, r.text) for r in s.spans]
                for s in view.sentences]

    doc = nlp(TEXT)
    copy = nlp(TEXT)
    copy.spans[SPANS_KEY] = [Span(copy, s.start, s.end, label=s.label_, span_id=s.id_) for s in copy.spans[SPANS_KEY]]
    assert rule_matches(doc) is not None and rule_matches(copy) is None
    assert described(section_view(doc)) == described(section_view(copy)) and described(section_view(doc))[1]


def test_rule_spans_of_a_view_sentence_equal_those_of_the_spacy_sentence(nlp):
    """rule_spans reads a view sentence's grouped spans once per label (later calls share the list) and a spaCy
    sentence's by scanning doc.spans: the same spans either way, and `outside` still filters a remembered label."""
    from extractor.extraction.spans import rule_spans

    doc = nlp("Patients received CD19-CAR T cells at 1 x 10^6 cells per kg and inotuzumab ozogamicin 1.8 mg/m2.")
    sent = section_view(doc).sentences[0]
    spacy_sent = next(iter(doc.sents))

    def described(spans):
        return [(s.start, s.end, s.label_, s.id_) for s in spans]

    for label in ("DRUG", "UNIT"):
        assert described(rule_spans(sent, label)) == described(rule_spans(spacy_sent, label))
        assert rule_spans(sent, label) is rule_spans(sent, label)
    drugs = rule_spans(sent, "DRUG")
    outside = described(rule_spans(sent, "UNIT", outside=drugs))
    assert outside == described(rule_spans(spacy_sent, "UNIT", outside=list(rule_spans(spacy_sent, "DRUG"))))
    assert len(outside) < len(rule_spans(sent, "UNIT"))  # the drug's "cells" is no unit
