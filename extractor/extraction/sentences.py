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
from bisect import bisect_right
from typing import Mapping

from spacy.tokens import Doc, Span

from extractor import normalise as nz
from extractor.pipeline import SPANS_KEY

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
    if len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(text):
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

    Holds its doc through a weak reference: the cache is keyed by the doc, and a value referring to its own key
    would keep the doc alive for ever.
    """

    def __init__(self, doc: Doc):
        self._doc = weakref.ref(doc)
        self.text = doc_text(doc)
        self.sentences = [Sentence(self, sent) for sent in doc.sents] if len(doc) else []
        self._group_spans(doc)

    @property
    def doc(self) -> Doc:
        return self._doc()

    def _group_spans(self, doc: Doc) -> None:
        """Give each rule span to the sentence holding it, in one pass over the spans (a span across a sentence
        boundary belongs to none). Each sentence's spans are ordered by start_char, ties in doc.spans order."""
        starts = [s.start for s in self.sentences]
        for span in sorted(doc.spans.get(SPANS_KEY, []), key=lambda s: s.start_char):
            index = bisect_right(starts, span.start) - 1
            if index >= 0 and span.end <= self.sentences[index].end:
                self.sentences[index].add_span(span)


class Sentence:
    """One sentence of a section, with what the extractors read from it.

    Duck-types the parts of a spaCy sentence Span the extractors use (doc, start, end, start_char, end_char, text);
    `text` is a slice of the cached section text, which equals `Span.text`.

    Attributes:
        span: the spaCy sentence Span.
        spans: the rule spans inside the sentence, by start_char (ties in doc.spans order).
    """

    __slots__ = ("_view", "span", "start", "end", "start_char", "end_char", "text", "spans", "_by_label",
                 "_numbers", "_cache")

    def __init__(self, view: SectionView, span: Span):
        self._view = view
        self.span = span
        self.start, self.end = span.start, span.end
        self.start_char, self.end_char = span.start_char, span.end_char
        self.text = view.text[self.start_char:self.end_char]
        self.spans: list[Span] = []
        self._by_label: dict[str, list[Span]] = {}
        self._numbers: tuple = (None, None, None)  # (words, sentence-relative numbers, section-relative numbers)
        self._cache: dict = {}

    @property
    def doc(self) -> Doc:
        return self._view.doc

    @property
    def section_text(self) -> str:
        """The whole section's text (what evidence offsets and Span.start_char refer to)."""
        return self._view.text

    def add_span(self, span: Span) -> None:
        self.spans.append(span)
        self._by_label.setdefault(span.label_, []).append(span)

    def labelled(self, label: str) -> list[Span]:
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
            shifted = [_shift(n, self.start_char) for n in relative]
            self._numbers = (words, relative, shifted)
        return relative, shifted

    def n_equals(self) -> list[nz.Number]:
        """`normalise.find_n_equals(self.text)` (sentence-relative)."""
        return self._memo("n_equals", nz.find_n_equals)

    def digit_fractions(self) -> list[nz.Fraction]:
        """`normalise.find_fractions(self.text)` without number words (sentence-relative)."""
        return self._memo("fractions", nz.find_fractions)

    def _memo(self, key: str, finder):
        if key not in self._cache:
            self._cache[key] = finder(self.text)
        return self._cache[key]


def _shift(number: nz.Number, offset: int) -> nz.Number:
    """A number read in a sentence, with its offsets moved to the section text."""
    return nz.Number(number.value, number.start + offset, number.end + offset, number.text, number.qualifier,
                     number.form)
