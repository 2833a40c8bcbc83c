"""Per-section views shared by the extractors: the section text, its sentences, each sentence's rule spans and
numbers, computed once per doc instead of once per extractor, sentence and access.

Why this exists (a cProfile of 1,000 abstracts spent over half its time here):
- spaCy rebuilds `Doc.text` and `Span.text` from the tokens on every access, O(tokens) each time;
- `doc.sents` and `doc.spans[key]` create new Span objects on every iteration;
- finding a sentence's rule spans by scanning all of the doc's spans is O(spans x sentences);
- each extractor read the numbers of the same sentence again (`normalise.find_numbers`).

A view is of a processed doc: build it after the pipeline has run, and do not change `doc.spans` afterwards.
Views are cached per doc in weak dictionaries, so they live exactly as long as their doc. The lists they hand out
are shared between the extractors: read them, do not modify them.
"""
from __future__ import annotations

import weakref
from operator import itemgetter
from typing import Mapping

from spacy.tokens import Doc, Span

from extractor import normalise as nz
from extractor.pipeline import SPANS_KEY, rule_matches, rule_sentences

_TEXTS: "weakref.WeakKeyDictionary[Doc, str]" = weakref.WeakKeyDictionary()
_VIEWS: "weakref.WeakKeyDictionary[Doc, SectionView]" = weakref.WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per doc: spaCy rebuilds it from the tokens on every access."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Cache the text a doc was made from as its `doc_text`, sparing the rebuild from tokens: spaCy's tokenizer
    is lossless, so the two are equal; a doc whose last token does not end where the text does is left alone."""
    last = doc[-1] if len(doc) else None
    if last is not None and last.idx + len(last.text_with_ws) == len(text):
        _TEXTS[doc] = text


def section_view(doc: Doc) -> "SectionView":
    """The (cached) view of a processed section doc."""
    view = _VIEWS.get(doc)
    if view is None:
        nz.forget_numbers()  # its memo is for one section's sentences (see normalise.find_numbers)
        view = _VIEWS[doc] = SectionView(doc)
    return view


class SectionView:
    """A section doc's text and sentences, each sentence with its rule spans.

    Holds its doc only through a weak reference, and so do its sentences and rule spans (`RuleSpan`, not spaCy
    Spans: a Span holds its doc): the cache is keyed by the doc, and a value referring to its own key would keep
    every doc alive for ever. The sentences and spans hold the weak reference and the text, not the view, so that
    a view is freed with its doc, without waiting for the cyclic garbage collector.
    """

    def __init__(self, doc: Doc):
        self._doc = weakref.ref(doc)
        self.text = doc_text(doc)
        self.sentences = [Sentence(self._doc, self.text, *bounds) for bounds in _sentence_bounds(doc)]
        self._group_spans(doc)

    @property
    def doc(self) -> Doc:
        return self._doc()

    def _group_spans(self, doc: Doc) -> None:
        """Give each rule span to the sentence holding it, in one pass over the spans (a span across a sentence
        boundary belongs to none). Each sentence's spans are ordered by start_char, ties in doc.spans order."""
        rows = span_rows(doc)
        if not rows or not self.sentences:
            return
        doc_ref, text = self._doc, self.text
        at, count = 0, len(rows)
        for sentence in self.sentences:  # sentences tile the doc in order and the rows come by start
            first = at
            while at < count and rows[at][0] < sentence.end:
                at += 1
            end = sentence.end
            spans = sentence.spans = [RuleSpan(doc_ref, text, *row) for row in rows[first:at] if row[1] <= end]
            by_label = sentence._by_label
            for span in spans:
                by_label.setdefault(span.label_, []).append(span)


def _sentence_bounds(doc: Doc) -> list[tuple[int, int, int, int]]:
    """The doc's sentences as (start, end, start_char, end_char): the segmenter's own tuples when the pipeline
    made the doc (`pipeline.rule_sentences`), else read from `doc.sents` (a new Span, with two Tokens, each)."""
    if not len(doc):
        return []
    bounds = rule_sentences(doc, SPANS_KEY)
    if bounds is not None:
        return bounds
    return [(sent.start, sent.end, sent.start_char, sent.end_char) for sent in doc.sents]


def span_rows(doc: Doc) -> list[tuple[int, int, int, int, str, str]]:
    """The doc's rule spans as (start, end, start_char, end_char, label_, id_), by start (ties in doc.spans order):
    the ruler's own tuples when it made the group (`pipeline.rule_matches`, in that order), else read from the
    Spans (a doc built or changed elsewhere; each one is a new Span object, with three Tokens)."""
    rows = rule_matches(doc, SPANS_KEY)
    if rows is not None:
        return rows
    group = doc.spans.get(SPANS_KEY) if doc.spans else None
    return sorted([(s.start, s.end, s.start_char, s.end_char, s.label_, s.id_) for s in group],
                  key=_START) if group else []  # stable: ties keep their order


_START = itemgetter(0)


class RuleSpan:
    """A rule span of the SpanRuler, as the extractors read it: label_, id_, start, end, start_char and end_char
    are plain attributes (a spaCy Span recomputes them, and resolves label_ and id_ in the string store, on every
    access), `text` a slice of the section text, and iterating gives its tokens.

    Anything else a spaCy Span offers (`sent`, `root`...) is answered by the equivalent Span, built on demand.
    Refers to its doc through the view's weak reference (see `SectionView`).
    """

    __slots__ = ("_doc", "_text", "start", "end", "start_char", "end_char", "label_", "id_")

    def __init__(self, doc_ref: "weakref.ref[Doc]", section_text: str, start: int, end: int, start_char: int,
                 end_char: int, label_: str, id_: str):
        self._doc, self._text = doc_ref, section_text
        self.start, self.end, self.start_char, self.end_char = start, end, start_char, end_char
        self.label_, self.id_ = label_, id_

    @property
    def doc(self) -> Doc:
        return self._doc()

    @property
    def text(self) -> str:
        return self._text[self.start_char:self.end_char]

    @property
    def span(self) -> Span:
        """The equivalent spaCy Span (a new one on every call)."""
        return Span(self.doc, self.start, self.end, label=self.label_, span_id=self.id_)

    def __len__(self) -> int:
        return self.end - self.start

    def __iter__(self):
        doc = self.doc
        return (doc[i] for i in range(self.start, self.end))

    def __reversed__(self):
        doc = self.doc
        return (doc[i] for i in range(self.end - 1, self.start - 1, -1))

    def __getitem__(self, index):
        return self.span[index]

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.span, name)

    def __repr__(self) -> str:
        return self.text


class Sentence:
    """One sentence of a section, with what the extractors read from it.

    Duck-types the parts of a spaCy sentence Span the extractors use (doc, start, end, start_char, end_char, text);
    `text` is a slice of the cached section text, which equals `Span.text`.

    Attributes:
        spans: the rule spans inside the sentence (`RuleSpan`), by start_char (ties in doc.spans order).
    """

    __slots__ = ("_doc", "section_text", "start", "end", "start_char", "end_char", "text", "spans", "_by_label",
                 "_numbers", "_cache")

    def __init__(self, doc_ref: "weakref.ref[Doc]", section_text: str, start: int, end: int, start_char: int,
                 end_char: int):
        self._doc = doc_ref
        self.section_text = section_text  # what evidence offsets and Span.start_char refer to
        self.start, self.end, self.start_char, self.end_char = start, end, start_char, end_char
        self.text = section_text[self.start_char:self.end_char]
        self.spans: list[RuleSpan] = []
        self._by_label: dict[str, list[RuleSpan]] = {}
        self._numbers: tuple = (None, None, None)  # (words, sentence-relative numbers, section-relative numbers)
        self._cache: dict = {}

    @property
    def doc(self) -> Doc:
        return self._doc()

    @property
    def span(self) -> Span:
        """The spaCy sentence Span (a new one on every call)."""
        return self.doc[self.start:self.end]

    def labelled(self, label: str) -> list[RuleSpan]:
        """The rule spans of one label, in `spans` order."""
        return self._by_label.get(label, [])

    def numbers(self, words: Mapping[str, float] | None) -> list[nz.Number]:
        """`normalise.find_numbers(self.text, words)`: offsets relative to the sentence text."""
        return self._read_numbers(words)[0]

    def section_numbers(self, words: Mapping[str, float] | None) -> list[nz.Number]:
        """The same numbers with offsets moved to the section text."""
        return self._read_numbers(words)[1]

    def _read_numbers(self, words) -> tuple[list, list]:
        cached_words, relative, shifted = self._numbers
        if relative is None or cached_words is not words:
            relative = nz.find_numbers(self.text, words)
            shifted = nz.shifted(relative, self.start_char)
            self._numbers = (words, relative, shifted)
        return relative, shifted

    def n_equals(self) -> list[nz.Number]:
        """`normalise.find_n_equals(self.text)` (sentence-relative)."""
        return self._memo("n_equals", nz.find_n_equals)

    def digit_fractions(self) -> list[nz.Fraction]:
        """`normalise.find_fractions(self.text)` without number words (sentence-relative)."""
        return self._memo("fractions", nz.find_fractions)

    def remembered(self, key, compute):
        """`compute()`, called once per sentence and key: the result is shared, read it, do not modify it."""
        cache = self._cache
        if key not in cache:
            cache[key] = compute()
        return cache[key]

    def _memo(self, key: str, finder):
        return self.remembered(key, lambda: finder(self.text))

