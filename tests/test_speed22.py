"""The arm-name finders that replace per-article regexes (extraction/arms.py `_name_spans`, `ArmIndex._word_spans`)
find what the regexes they stand for find: same spans, left to right, not overlapping, on random texts made of
the characters their boundary tests read (word characters of several scripts, "+", "-", "/", "_", spaces)."""
from __future__ import annotations

import random
import re

import pytest

from extractor.extraction import arms
from extractor.extraction.arms import ArmIndex, NumberWords, _name_spans

_PIECES = list("aAbBkK+-/ _1.()é٣ſK") + ["ab", "a-b", "AB", "-a", "b+", "InO", "ino"]


def _soup(rng: random.Random, low: int, high: int) -> str:
    return "".join(rng.choice(_PIECES) for _ in range(rng.randint(low, high)))


def _index() -> ArmIndex:
    return ArmIndex({}, NumberWords.of({}))


def test_name_spans_are_the_name_pattern_matches():
    rng = random.Random(22)
    for _ in range(30000):
        needle, text = _soup(rng, 1, 3), _soup(rng, 0, 16)
        pattern = re.compile(r"(?<![\w+\-/])" + re.escape(needle) + r"(?![\w+/]|-(?=\w))")
        assert _name_spans(needle, text) == [m.span() for m in pattern.finditer(text)], (needle, text)


def test_word_spans_are_the_word_pattern_matches():
    rng = random.Random(23)
    index = _index()
    for _ in range(30000):
        alias, text = _soup(rng, 1, 3).lower(), _soup(rng, 0, 16)
        pattern = re.compile(r"(?<![\w])" + re.escape(alias) + r"(?![\w])", re.I)
        assert index._word_spans(alias, text) == [m.span() for m in pattern.finditer(text)], (alias, text)


@pytest.mark.parametrize("needle, text, spans", [
    ("InO", "InO vs SC; InO-based and InO-treated", [(0, 3)]),  # inside longer names: not found
    ("InO", "with InO- or SC-based therapy (InO)", [(5, 8), (31, 34)]),  # a dash before a space closes the name
    ("SC", "SCT after SC/InO", []),
])
def test_name_spans_read_the_boundaries(needle, text, spans):
    assert _name_spans(needle, text) == spans


def test_word_spans_fold_case_only_in_ascii():
    index = _index()
    assert index._word_spans("ino", "InO and ino, not inotuzumab") == [(0, 3), (8, 11)]
    # re.I folds the Kelvin sign onto "k": a non-ASCII text is read by the pattern itself
    assert index._word_spans("sk", "S\u212a and sk") == [(0, 2), (7, 9)]
    assert arms._is_word_char("\u0663") and arms._is_word_char("_") and not arms._is_word_char("-")
