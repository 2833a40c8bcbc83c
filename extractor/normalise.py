"""Numbers, durations and units as abstracts write them.

Pure functions over plain strings: no spaCy, no I/O. Every finder returns records carrying the character offsets
of what it read (``text[start:end] == record.text``), so callers can build evidence from them. Nothing here
invents a number: a form that cannot be read with confidence (a "× 106" with no cell or per-kg cue, a comma that
could be a list or a decimal) is skipped rather than guessed.

Number words are data: the mapping comes from ``patterns/numbers.jsonl`` (see :func:`number_words`) and is passed
in; this module does not hard-code an English lexicon.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import partial
from typing import Iterable, Mapping, NamedTuple

# Hyphen-like characters publishers use between words and in ranges (ASCII, U+2010 hyphen, U+2011 non-breaking
# hyphen, U+2012 figure dash, en and em dashes). The Unicode minus (U+2212) is a sign, not a range dash.
HYPHENS = "-\u2010\u2011\u2012\u2013\u2014"
MINUS_SIGNS = "-\u2212"

_QUALIFIERS = {
    "≥": ">=", "⩾": ">=", "≧": ">=", ">=": ">=", "=>": ">=",
    "≤": "<=", "⩽": "<=", "≦": "<=", "<=": "<=", "=<": "<=",
    ">": ">", "<": "<", "~": "~", "≈": "~", "∼": "~",
}
# "> or =" is how PubMed renders a lost "≥" in older records.
_QUALIFIER_BEFORE = re.compile(r"(>\s?or\s?=|<\s?or\s?=|>=|<=|=>|=<|[≥⩾≧≤⩽≦><~≈∼])\s?$")

# A written number: optional sign, integer part with optional thousands groups, optional decimal part written
# with "." or the middle dot "·" (Lancet style). A leading-dot decimal (".01", as in "P = .01") is allowed.
# Thousands are grouped with commas ("1,092") or, in SI style, with a space, thin or no-break space ("1 092",
# "10 000 IU/m2"): a group of exactly three digits that no digit, decimal or "%" follows; read apart, "1 092"
# would be 1 and 92.
# Thousands groups after the first one to three digits: "1,092", "10 000" (see above).
_COMMA_GROUPS = r"(?:,\d{3})+(?![\d,]\d)"
_SPACE_GROUPS = r"(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d%]|[.·,\-–]\d|\s%)"
# Lookbehind: not glued to a letter, digit or decimal mark, so "CD19", "mg/m2" and "KTE-X19" are not numbers; nor
# after a capital and a hyphen, a code's number ("VP-16 100 mg/m2" was read 16 100, "ABT-199", "GRAALL-2005").
# The pattern opens with the character every match starts with, consumed, and only then looks behind it: a pattern
# whose first item is a character class lets the regex engine skip the other characters in C (most of a sentence)
# instead of trying the lookbehind at every position. After it, one branch per kind of first character: a sign
# before the whole number, a digit that began the integer part (its alternatives less that digit), a decimal mark.
_WHOLE = (r"(?:\d{1,3}" + _COMMA_GROUPS + r"|\d{1,3}" + _SPACE_GROUPS + r"|\d+)(?:[.·]\d+)?|[.·]\d+")
_DIGITS = re.compile(
    r"[" + MINUS_SIGNS + r"\d.·](?<![\w.·,].)(?<![A-Z][\-\u2010\u2011].)"
    r"(?:(?<=[" + MINUS_SIGNS + r"])(?:" + _WHOLE + r")"
    r"|(?<=\d)(?:\d{0,2}" + _COMMA_GROUPS + r"|\d{0,2}" + _SPACE_GROUPS + r"|\d*)(?:[.·]\d+)?"
    r"|(?<=[.·])\d+)"
    # Not an ordinal ("2nd") and not glued to an upper-case code ("4-1BB").
    r"(?![\d])(?!st\b|nd\b|rd\b|th\b)(?![A-Z]{2})"
)
_GROUP_MARKS = re.compile("[, \u00a0\u2009\u202f]")
# Decimal comma ("2,5"), only on request: in English abstracts "2,5" is more often a list than a decimal.
_DIGITS_DECIMAL_COMMA = re.compile(
    r"(?<![\w.·,])(?P<sign>[" + MINUS_SIGNS + r"](?=\d))?(?P<int>\d+),(?P<frac>\d{1,2})(?![\d,])"
)

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
# mantissa × 10 exponent: "1 × 10^6", "1×10(6)", "5 x 10e6", "2 × 10⁶", or the lost-superscript "1×106" (also with
# the space the superscript left: "1 × 10 6 cells/kg", an exponent of a cell dose only).
_SCIENTIFIC = re.compile(
    r"(?P<mant>(?<![\w.·])\d+(?:[.·]\d+)?)?\s?(?P<times>[×xX*])\s?10"
    r"(?:\s?(?:\^|\*\*|[eE])\s?\(?(?P<caret>[-−]?\d{1,2})\)?"
    r"|\((?P<paren>[-−]?\d{1,2})\)"
    r"|(?P<sup>[⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})"
    r"|(?P<lost>\d{1,2})"
    r"|\s(?P<spaced>[3-9]|1[0-2]))"
    r"(?![\d])"
)
# What every _SCIENTIFIC match holds: its sign of multiplication and the 10 (a cheap search, a character class first;
# "x" is a common letter, so a substring test for the "10" comes before it).
_TIMES_TEN = re.compile(r"[×xX*]\s?10")
# What makes a lost superscript ("×106") safe to read as a power of ten: a cell count or a per-kg/per-litre unit.
_LOST_SUPERSCRIPT_CUE = re.compile(r"^[^.;]{0,40}?(?:cells?\b|/\s?kg\b|per\s+kg\b|/\s?[lL]\b|/\s?[µμu]l\b|/mm3)")

# A number with its multiplier word, "3 million cells/kg", "410 million CAR T cells", "1.5 billion": one number (read
# apart, "3 million cells/kg" would be a dose of 3 cells/kg).
_MULTIPLIED = re.compile(r"(?<![\w.·,])(?P<mant>\d+(?:[.·]\d+)?)\s(?P<word>thousand|million|billion)\b", re.I)
_MULTIPLIERS = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
# A power of ten in E notation, "1.0E6 cells/kg", "2e8 CAR T cells": read only in a text about cells and before a cell
# or per-kg cue (as a lost superscript), since a code such as "2E6" is no number.
_E_NOTATION = re.compile(r"(?<![\w.·])(?P<mant>\d+(?:[.·]\d+)?)[eE]\+?(?P<exp>\d{1,2})(?![\w.·])")
_E_CUE = re.compile(r"[0-9][eE][+0-9]")  # what every _E_NOTATION match holds: a cheap search, a character class first

_WORD_GAP = re.compile(r"^(?:[ " + HYPHENS + r"]| and )$")


class Number(NamedTuple):
    """One number as written: its value, where it is, and a qualifier ("<", ">=", "~"...) printed before it.

    A named tuple, not a frozen dataclass: as immutable and hashable, and ~4x cheaper to build (every number of
    every sentence is one, and the section views copy each with section offsets)."""

    value: float
    start: int
    end: int
    text: str
    qualifier: str | None = None
    form: str = "digits"  # "digits", "word" or "scientific"

    @property
    def is_integer(self) -> bool:
        """True when the value is a whole number (a count can only be one of these)."""
        return float(self.value).is_integer()


# Number((value, start, end, text, qualifier, form)) from one tuple, in C: the NamedTuple's own __new__ is a Python
# function, and the readers below build every number of every sentence.
_number = partial(tuple.__new__, Number)


def shifted(numbers: list[Number], offset: int) -> list[Number]:
    """The numbers with their offsets moved by `offset` (a sentence's numbers in its section's text)."""
    return [_number((value, start + offset, end + offset, text, qualifier, form))
            for value, start, end, text, qualifier, form in numbers]


@dataclass(frozen=True)
class Range:
    """Two numbers read as one range ("12-24", "12 to 24", "range, 12-24")."""

    low: Number
    high: Number
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Fraction:
    """A count out of a denominator ("44/48", "44 of 48", "44 of the 48")."""

    count: Number
    denominator: Number
    start: int
    end: int
    text: str

    @property
    def percent(self) -> float | None:
        """100 n / N rounded to 0.1, as the gold records a rate printed only as n/N; None for N = 0."""
        if self.denominator.value == 0:
            return None
        return round(100 * self.count.value / self.denominator.value, 1)


@dataclass(frozen=True)
class CountPercent:
    """A count with its printed percentage ("44 patients (92%)", "92% (44/48)"); denominator when printed."""

    count: Number
    percent: Number
    denominator: Number | None
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class MedianRange:
    """A median with its range or IQR ("39 years (range, 18-75)"); low/high are None when not printed."""

    median: Number
    low: Number | None
    high: Number | None
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Duration:
    """A duration ("7.7 months", "2 years", "3-year") with its value converted to months."""

    number: Number
    unit: str  # "years", "months", "weeks" or "days"
    months: float
    start: int
    end: int
    text: str


# --------------------------------------------------------------------------------------------------- number words


def number_words(rules: Iterable) -> dict[str, float]:
    """The number-word lexicon from pattern rules.

    Args:
        rules: objects with ``label``, ``id`` and ``pattern`` attributes (``extractor.patterns.Rule``); only
            ``NUMBER_WORD`` rules with a string pattern are used, their ``id`` being the value ("48").

    Returns:
        Lower-cased word -> value, e.g. {"forty": 40.0, "eight": 8.0, "hundred": 100.0}.
    """
    words: dict[str, float] = {}
    for rule in rules:
        if getattr(rule, "label", None) == "NUMBER_WORD" and isinstance(rule.pattern, str):
            words[rule.pattern.lower()] = float(rule.id)
    return words


def _word_class(value: float) -> str:
    """Grammar class of a number word: unit (0-9), teen (10-19), tens (20-90), or a multiplier (100, 1000...)."""
    if value >= 100 and math.log10(value).is_integer():
        return "mult"
    if value < 10:
        return "unit"
    if value < 20:
        return "teen"
    return "tens"


def _word_follows(prev: str, prev_value: float, cur: str, cur_value: float, total: float) -> bool:
    """Whether a word may continue the number read so far ("forty" + "eight" yes; "eight" + "forty" no)."""
    if cur == "mult":
        # "one hundred", "twenty thousand", "five hundred thousand"; not "hundred hundred".
        return prev != "mult" or cur_value > prev_value
    if prev == "tens":
        return cur == "unit" and cur_value > 0
    if prev == "mult":
        return True
    return False


# Most sentences hold no number word: one test for a whole ASCII-letter word of the lexicon (a run of ASCII letters,
# lower-cased) skips reading them for words. The test is on bytes: the UTF-8 text with ASCII capitals lowered and
# every other non-letter byte (non-ASCII ones too) made a space, split into words: a C pass, ~3x cheaper than a
# regex search for the lexicon words at every position. A text that passes is read with that regex: its matches are
# the lexicon's words alone, not every word of the text. Keyed by the lexicon's identity, which the entry holds alive.
_LETTERS_ONLY = bytes(b if 97 <= b <= 122 else b + 32 if 65 <= b <= 90 else 32 for b in range(256))
_LEXICON_NAMES: dict[int, tuple] = {}


def _lexicon(words: Mapping[str, float]) -> tuple:
    """(words, the one-word entries as bytes, a regex finding them as whole words) of a lexicon, built once."""
    hit = _LEXICON_NAMES.get(id(words))
    if hit is None or hit[0] is not words:
        names = sorted((w for w in words if re.fullmatch(r"[a-z]+", w) and w != "and"), key=len, reverse=True)
        # ASCII: under IGNORECASE alone the Kelvin sign would spell a "k", which the byte test does not read
        finder = re.compile(r"(?<![A-Za-z])(?:" + "|".join(names) + r")(?![A-Za-z])", re.I | re.A) if names else None
        hit = _LEXICON_NAMES[id(words)] = (words, frozenset(w.encode() for w in names), finder)
    return hit


def _spells_a_word(text: str, words: Mapping[str, float]) -> bool:
    """Whether a whole word of the text (a run of ASCII letters, any case) is a one-word entry of the lexicon."""
    return not _lexicon(words)[1].isdisjoint(text.encode("utf-8", "surrogatepass").translate(_LETTERS_ONLY).split())


def _read_words(text: str, words: Mapping[str, float]) -> list[Number]:
    """Every number written in words, composing "forty-eight", "twenty four", "one hundred and five"."""
    found: list[Number] = []
    if not _spells_a_word(text, words):
        return found
    # The lexicon's words only: "and" is not one, it is judged as a gap below ("one hundred and five", but not "two
    # and three"); any other word between two of them is a gap no number spans.
    tokens = [(m.start(), m.end(), m.group().lower()) for m in _lexicon(words)[2].finditer(text)]
    i = 0
    while i < len(tokens):
        start, end, _ = tokens[i]
        total, current = 0.0, 0.0
        prev_class, prev_value = None, 0.0
        j = i
        while j < len(tokens):
            s, e, w = tokens[j]
            value = words[w]
            cls = _word_class(value)
            if j > i:
                gap = text[tokens[j - 1][1]:s]
                if not _WORD_GAP.match(gap) or not _word_follows(prev_class, prev_value, cls, value, current):
                    break
                if gap == " and " and prev_class != "mult":
                    break
            if cls == "mult":
                current = max(current, 1.0) * value
                if value >= 1000:
                    total, current = total + current, 0.0
            else:
                current += value
            prev_class, prev_value, end = cls, value, e
            j += 1
        value = total + current
        # "one million cells/kg" is a power of ten as "1 × 10^6" is (a cell dose), not a count of patients
        form = "scientific" if value >= 1e6 else "word"
        found.append(Number(value, start, end, text[start:end], _qualifier(text, start), form))
        i = j
    return found


# --------------------------------------------------------------------------------------------------- digits


# The characters a _QUALIFIER_BEFORE match can end with. It ends at most two characters before the number (a space,
# and a newline that "$" may stand before), so without one of these among the last three characters there is none.
_QUALIFIER_ENDS = frozenset("=≥⩾≧≤⩽≦><~≈∼")
_QUALIFIER_END = re.compile("[" + "".join(sorted(_QUALIFIER_ENDS)) + "]")  # one search of a text: cheaper than a set
_SIGN_NOISE = re.compile(r"\s|or")  # what "> or =" has besides its signs


def _qualifier(text: str, start: int) -> str | None:
    """The comparison sign printed just before a number, canonicalised ("≥", "> or =" -> ">=")."""
    if _QUALIFIER_ENDS.isdisjoint(text[max(0, start - 3):start]):
        return None  # a cheap necessary cue first: most numbers have no sign before them
    m = _QUALIFIER_BEFORE.search(text[max(0, start - 8):start])
    if not m:
        return None
    sign = _SIGN_NOISE.sub("", m.group(1))
    return _QUALIFIERS.get(sign, sign)


def _digits_value(written: str) -> float:
    """The value of a _DIGITS match's text."""
    if written.isascii() and "," not in written and " " not in written:
        return float(written)  # "12", "-3", "7.5", ".01": float reads them as written (most numbers are so)
    # "1,092", "10 000", "0·6", "−2": float reads them once their group marks, middle dot and minus sign are plain
    return float(_GROUP_MARKS.sub("", written).replace("·", ".").replace("\u2212", "-"))


def _decimal_comma_value(m: re.Match) -> float:
    """The value of a _DIGITS_DECIMAL_COMMA match."""
    sign, whole, frac = m.group("sign", "int", "frac")
    value = float(whole.replace(",", "") + ("." + frac if frac else ""))
    return -value if sign else value


def _read_scientific(matches: list[re.Match], text: str) -> list[Number]:
    """Powers of ten with a mantissa; a lost superscript ("1×106") only before a cell or per-kg/litre cue."""
    found = []
    for m in matches:
        if m.group("mant") is None:
            continue
        lost = m.group("lost") or m.group("spaced")
        if lost is not None:
            if not _LOST_SUPERSCRIPT_CUE.match(text[m.end():]):
                continue
            exponent = int(lost)
        else:
            raw = m.group("caret") or m.group("paren") or m.group("sup").translate(_SUPERSCRIPTS)
            exponent = int(raw.replace("−", "-"))
        mantissa = float(m.group("mant").replace("·", "."))
        value = mantissa * 10.0 ** exponent
        start = m.start("mant")
        found.append(Number(value, start, m.end(), text[start:m.end()], _qualifier(text, start), "scientific"))
    return found


def _lost_superscript_spans(matches: list[re.Match]) -> list[tuple[int, int]]:
    """Spans of "× 10dd" that could not be read safely: their digits must not be read as plain numbers."""
    return [(m.start("times"), m.end()) for m in matches if m.group("mant") is not None]


def _start(number: Number) -> int:
    return number.start


def _free(taken, start: int, end: int) -> bool:
    """Whether start..end overlaps none of the taken spans (a plain loop: this runs for every number read)."""
    for s, e in taken:
        if end > s and start < e:
            return False
    return True


# find_numbers is pure, and the extractors ask for the same sentence's numbers several times (outcomes alone reads
# them for its values, its count-percents and its fractions): the answers are kept until `forget_numbers()`, which
# `extract.sentences.section_view` calls for every new section, so the memo serves one section only (a corpus that
# repeats a text, as the benchmark's does, gains nothing from it). Keyed by the lexicon's identity (a lexicon is not
# changed once built); the entry holds the lexicon so that its id cannot be reused. Bounded for callers that never
# call forget_numbers().
_RECENT_NUMBERS: dict[tuple, tuple] = {}
_RECENT_SIZE = 512


def forget_numbers() -> None:
    """Drop the answers `find_numbers` and the compound readers kept (see above and `_remembered`)."""
    _RECENT_NUMBERS.clear()
    _RECENT_COMPOUNDS.clear()


# The compound readers are asked again for the same sentence too (fractions by `find_count_percents` and outcomes,
# n = by `find_count_percents` and scalars): their answers are kept like find_numbers' (same lifetime and bound).
_RECENT_COMPOUNDS: dict[tuple, tuple] = {}


def _remembered(finder, text: str, words: Mapping[str, float] | None = None) -> list:
    """`finder(text, words)`, kept until `forget_numbers()`; a fresh list on every call (the records are frozen)."""
    key = (finder, text, id(words))
    hit = _RECENT_COMPOUNDS.get(key)
    if hit is None or hit[0] is not words:
        if len(_RECENT_COMPOUNDS) >= _RECENT_SIZE:
            _RECENT_COMPOUNDS.clear()
        hit = _RECENT_COMPOUNDS[key] = (words, finder(text, words))
    return list(hit[1])


def find_numbers(text: str, words: Mapping[str, float] | None = None, decimal_comma: bool = False) -> list[Number]:
    """Every number in a text, left to right; a fresh list on every call.

    Args:
        text: any string; odd Unicode and nonsense are fine (nothing raises).
        words: the number-word lexicon (:func:`number_words`); None reads digits only.
        decimal_comma: read "2,5" as 2.5 (European style). Off by default: English abstracts use the comma for
            thousands ("1,234") and lists ("2,5 or 10"), so a lone comma decimal is not read as one number.

    Returns:
        Numbers sorted by start, not overlapping. "1 × 10^6" is one number (1000000.0); "−0.5" is negative;
        "12-24" is two positive numbers (use :func:`find_ranges` for the range).
    """
    return list(_recall(text, words, decimal_comma)[1])


def _recall(text: str, words: Mapping[str, float] | None, decimal_comma: bool) -> tuple:
    """The memo entry (words, numbers, spans the powers of ten and decimal commas take) of one reading (see above).
    A reading with words is the digit-only reading plus the free number words, so it is built on that entry: the
    extractors ask for both readings of most sentences (fractions and n = are read without words)."""
    key = (text, id(words), decimal_comma)
    hit = _RECENT_NUMBERS.get(key)
    if hit is None or hit[0] is not words:
        if words:
            _, digits, blocked = _recall(text, None, decimal_comma)
            # a word shares no character with a plain number (letters, digits); the "x" of "5 x 10e6" is not free
            spelled = [n for n in _read_words(text, words) if _free(blocked, n.start, n.end)]
            # Most texts spell no number: the digit reading, already in order, is shared (entries are never changed).
            numbers = sorted(digits + spelled, key=_start) if spelled else digits
        else:
            numbers, blocked = _read_digit_numbers(text, decimal_comma)
        if len(_RECENT_NUMBERS) >= _RECENT_SIZE:
            _RECENT_NUMBERS.clear()
        hit = _RECENT_NUMBERS[key] = (words, numbers, blocked)
    return hit


# A power of ten without a mantissa ("10^6 cells/kg", "10(6)/kg", "MRD < 10^-4"): one number, not 10 and 6.
_BARE_POWER = re.compile(r"(?<![\w.·^])10(?:\^\(?(?P<caret>[-−]?\d{1,2})\)?|\((?P<paren>[-−]?\d{1,2})\))(?![\d%])")


def _bare_powers(text: str, taken: list[tuple[int, int]]) -> list[Number]:
    found = []
    for m in _BARE_POWER.finditer(text):
        if _free(taken, m.start(), m.end()):
            exponent = int((m.group("caret") or m.group("paren")).replace("−", "-"))
            found.append(Number(10.0 ** exponent, m.start(), m.end(), m.group(), _qualifier(text, m.start()),
                                "scientific"))
    return found


def _read_multiplied(text: str, taken: list[tuple[int, int]]) -> list[Number]:
    """"3 million", "1.5 billion": the number times its multiplier word, as a power of ten is read."""
    found = []
    for m in _MULTIPLIED.finditer(text):
        if _free(taken, m.start(), m.end()):
            value = float(m.group("mant").replace("·", ".")) * _MULTIPLIERS[m.group("word").lower()]
            found.append(Number(value, m.start(), m.end(), m.group(), _qualifier(text, m.start()), "scientific"))
    return found


def _read_e_notation(text: str, taken: list[tuple[int, int]]) -> list[Number]:
    """"1.0E6 cells/kg": the mantissa times ten to the exponent, before a cell or per-kg cue only."""
    found = []
    for m in _E_NOTATION.finditer(text):
        if _free(taken, m.start(), m.end()) and _LOST_SUPERSCRIPT_CUE.match(text[m.end():]):
            value = float(m.group("mant").replace("·", ".")) * 10.0 ** int(m.group("exp"))
            found.append(Number(value, m.start(), m.end(), m.group(), _qualifier(text, m.start()), "scientific"))
    return found


def _read_digit_numbers(text: str, decimal_comma: bool) -> tuple[list[Number], tuple[tuple[int, int], ...]]:
    """The numbers written with digits, sorted by start, and the spans the powers of ten (read or not) and the
    decimal commas take."""
    taken: list[tuple[int, int]] = []
    found: list[Number] = []
    # Most sentences print no "× 10": the wide _SCIENTIFIC scan runs where its cue is; its matches serve both readers.
    scientific = list(_SCIENTIFIC.finditer(text)) if "10" in text and _TIMES_TEN.search(text) else []
    for number in _read_scientific(scientific, text):
        found.append(number)
        taken.append((number.start, number.end))
    if scientific:
        taken.extend(_lost_superscript_spans(scientific))
    if "illion" in text or "thousand" in text:  # cheap necessary cues of a multiplier word
        for number in _read_multiplied(text, taken):
            found.append(number)
            taken.append((number.start, number.end))
    if "cells" in text and _E_CUE.search(text):  # cheap necessary cues of E notation
        for number in _read_e_notation(text, taken):
            found.append(number)
            taken.append((number.start, number.end))
    if "10^" in text or "10(" in text:  # a cheap necessary cue for a bare power of ten
        for number in _bare_powers(text, taken):
            found.append(number)
            taken.append((number.start, number.end))
    if decimal_comma:
        for m in _DIGITS_DECIMAL_COMMA.finditer(text):
            if _free(taken, m.start(), m.end()):
                found.append(Number(_decimal_comma_value(m), m.start(), m.end(), m.group(),
                                    _qualifier(text, m.start())))
                taken.append((m.start(), m.end()))
    # The plain numbers only need checking against what the readers above took: one finditer never overlaps itself.
    blocked = tuple(taken)
    signs = _QUALIFIER_END.search(text) is not None  # a text without a comparison sign has no qualified number
    for m in _DIGITS.finditer(text):
        start, end = m.span()
        if not blocked or _free(blocked, start, end):
            written = m.group()
            qualifier = _qualifier(text, start) if signs else None
            found.append(_number((_digits_value(written), start, end, written, qualifier, "digits")))
    return (sorted(found, key=_start) if blocked else found), blocked  # plain numbers alone come in text order


_QUALIFIER_ONLY = re.compile(_QUALIFIER_BEFORE.pattern.rstrip("$"))


def read_number(text: str, words: Mapping[str, float] | None = None) -> Number | None:
    """The one number a string is ("0·6", "1,234", "−2", "Forty-eight", "≥18", "1 × 10^6"), or None.

    Args:
        text: a token or short span; surrounding spaces and a leading qualifier are allowed.
        words: the number-word lexicon; None reads digits only.

    Returns:
        The number, or None when the text is not exactly one number.
    """
    numbers = find_numbers(text, words)
    if len(numbers) != 1:
        return None
    number = numbers[0]
    before = text[:number.start].strip()
    if before and not _QUALIFIER_ONLY.fullmatch(before):
        return None
    if text[number.end:].strip():
        return None
    return number


# --------------------------------------------------------------------------------------------------- compounds

_RANGE_SEP = r"\s?[" + HYPHENS + r"]\s?|\s+to\s+"
# Units that may be repeated inside a range ("12 months to 24 months", "1.8 mg/m2 to 1.3 mg/m2").
_RANGE_UNITS = r"(?:months?|mo|years?|yrs?|weeks?|days?|[mµμ]?g(?:/m2|/kg)?)"


_RANGE_GAP = re.compile(r"(?:\s?(?:%|" + _RANGE_UNITS + r"))?(?:" + _RANGE_SEP + r")")
_RANGE_CUE_BEFORE = re.compile(r"(?:range|IQR|interquartile range)\s?[,:=]?\s?$", re.I)


def find_ranges(text: str, words: Mapping[str, float] | None = None) -> list[Range]:
    """Ranges of two numbers: "12-24", "12–24", "12 to 24", "1.8 to 1.3", "range, 12-24" (the cue is included).

    A hyphen between two numbers is a range only when the second is not glued to further digits or letters that
    make it an identifier; a descending pair ("1.8 to 1.3", a step-down dose) is still returned as written.
    """
    numbers = find_numbers(text, words)
    ranges = []
    for low, high in zip(numbers, numbers[1:]):
        gap = text[low.end:high.start]
        # A unit may sit between the two numbers ("12 months to 24 months", "35% to 41%").
        if not _RANGE_GAP.fullmatch(gap):
            continue
        start = low.start
        cue = _RANGE_CUE_BEFORE.search(text[max(0, start - 30):start])
        if cue:
            start -= len(cue.group())
        ranges.append(Range(low, high, start, high.end, text[start:high.end]))
    return ranges


# "of these 17" / "of those 17": the subset an earlier clause counted ("Ten of these 17 patients (59%)"); "12 of our
# 20 patients"; "4 of the first 8 patients" (the first ones treated)
_FRACTION_OF = re.compile(r"^\s?(?:/|of(?: the(?: first)?| these| those| our)?|out of(?: the)?|of all)\s?$")
_FRACTION_GAP = len(" of the first \n")  # the longest gap _FRACTION_OF matches ("$" may stand before a final newline)


def find_fractions(text: str, words: Mapping[str, float] | None = None) -> list[Fraction]:
    """Counts out of a denominator: "44/48", "44 of 48", "44 out of 48", "forty-four of the 48".

    Only whole, non-negative numbers with count <= denominator are returned: "3/4-year" or "0.5/1" are not
    fractions of patients.
    """
    return _remembered(_find_fractions, text, words)


def _find_fractions(text: str, words: Mapping[str, float] | None) -> list[Fraction]:
    numbers = find_numbers(text, words)
    found = []
    for count, den in zip(numbers, numbers[1:]):
        if den.start - count.end > _FRACTION_GAP:
            continue  # most pairs of numbers are words apart: no slice, no regex
        gap = text[count.end:den.start]
        if ("/" not in gap and "of" not in gap) or not _FRACTION_OF.match(gap):
            continue
        if gap.strip() == "/" and gap != "/":
            continue  # "44 / 48" spaced is rare and often a ratio; keep to the printed "44/48"
        if not (count.is_integer and den.is_integer) or count.value < 0 or den.value <= 0:
            continue
        if count.value > den.value or count.form == "scientific" or den.form == "scientific":
            continue
        found.append(Fraction(count, den, count.start, den.end, text[count.start:den.end]))
    return found


# "of 113", "of the forty-two", "of these 17"
_OF_DENOMINATOR = re.compile(r"\s?[)\]]?\s?of\s(?:the\s|these\s|those\s|our\s)?(\w+(?:-\w+)?)")
_OF_NUMERATOR_GAP = re.compile(r"\s(?:out of|of)\s(?:the\s|these\s|those\s|our\s)?|\s?/\s?")


def denominator_after(text: str, at: int, words: Mapping[str, float] | None = None) -> float | None:
    """The whole N that "of N" right after `at` names: the 113 of "88 (78%) of 113 evaluable patients"."""
    m = _OF_DENOMINATOR.match(text[at:])  # "88 (78%) of 113", "39 (71%) of 55"
    if m:
        number = read_number(m.group(1), words)
        if number is not None and number.is_integer:
            return number.value
    return None


def numerator_before(text: str, at: int, numbers: list[Number]) -> Number | None:
    """The number of `numbers` that opens "n of" / "n out of" / "n/" right before `at`: the six of "six out of 36
    patients (17%)", the seven of "seven of the 13 (54%)", the 27 of "27/35 (77%)"."""
    for number in numbers:
        if number.end < at and _OF_NUMERATOR_GAP.fullmatch(text[number.end:at]):
            return number
    return None


_PERCENT_AFTER = re.compile(r"\s?%")  # matched at a number's end (no "^": it would not match at a `pos`)


def _percent_at(text: str, number: Number) -> bool:
    return _PERCENT_AFTER.match(text, number.end) is not None


_COUNT_TO_PERCENT = re.compile(r"(?:\s[A-Za-z][\w\-]*){0,4}\s?[(\[]\s?")
_VERSUS_AFTER = re.compile(r"\s?(?:vs\.?|versus)\s", re.I)  # a bracket comparing groups: "(76% vs. 12%)"
# "Forty percent of patients (55% of responders)": the number before "percent" is a share, not the bracket's count
_PERCENT_WORD_AFTER = re.compile(r"\s(?:percent|per\scent)\b", re.I)
_PERCENT_OPENS_FRACTION = re.compile(r"(?<![\w.·])(\d+(?:[.·]\d+)?)\s?%\s?[(\[]\s?$")
_PERCENT_OPENS_N = re.compile(r"(?<![\w.·])(\d+(?:[.·]\d+)?)\s?%\s?[(\[]\s?(?:[nN]\s?[=:]\s?)$")


def find_count_percents(text: str, words: Mapping[str, float] | None = None) -> list[CountPercent]:
    """A count with its percentage: "44 patients (92%)", "44 (92%)", "92% (44/48)", "92% (n = 44)".

    The words between a count and its bracketed percentage are limited to a few (a noun phrase such as "patients"
    or "of them"), so a percentage of another clause is not attached to a stray count.
    """
    if "%" not in text:  # every form has one: a cheap necessary cue first
        return []
    numbers = find_numbers(text, words)
    percents = [_PERCENT_AFTER.match(text, n.end) for n in numbers]
    found = []
    for i, (a, b) in enumerate(zip(numbers, numbers[1:])):
        # count ... (percent%)
        after_b = percents[i + 1]
        if (after_b and not percents[i] and a.is_integer and a.value >= 0 and a.form != "scientific"
                and _COUNT_TO_PERCENT.fullmatch(text, a.end, b.start) and not _PERCENT_WORD_AFTER.match(text, a.end)):
            end = after_b.end()
            if _VERSUS_AFTER.match(text, end) and (" with " in text[a.end:b.start] or text[:a.start].endswith("the ")):
                continue  # "than in the eight with T-ALL (76% vs. 12%)": the sizes of groups a bracket compares
            found.append(CountPercent(a, b, None, a.start, end, text[a.start:end]))
    for frac in find_fractions(text, words):
        # percent% (44/48): the bracket opens at most three characters before the fraction (spaces, a newline);
        # the end-anchored search below would try every start of the text.
        if "(" not in text[max(0, frac.start - 3):frac.start] and "[" not in text[max(0, frac.start - 3):frac.start]:
            continue
        before = text[:frac.start]
        m = _PERCENT_OPENS_FRACTION.search(before)
        if m:
            found.append(CountPercent(frac.count, _printed_percent(m), frac.denominator, m.start(1), frac.end,
                                      text[m.start(1):frac.end]))
    for n in find_n_equals(text):
        before = text[:n.start]
        m = _PERCENT_OPENS_N.search(before)
        if m and n.is_integer:
            found.append(CountPercent(n, _printed_percent(m), None, m.start(1), n.end, text[m.start(1):n.end]))
    return sorted(found, key=lambda c: c.start)


def _printed_percent(m: re.Match) -> Number:
    """The percentage of a _PERCENT_OPENS_* match ("92" of "92% (44/48)"): digits and a decimal mark, as written."""
    written = m.group(1)
    return Number(float(written.replace("·", ".")), m.start(1), m.end(1), written)


_N_EQUALS = re.compile(r"(?=[nN])(?<![\w])[nN]\s?[=:]\s?(?=\d)")  # the lookahead: a cheap first test


def find_n_equals(text: str) -> list[Number]:
    """The N of "(n = 48)", "N=48", "n: 48" (the number only; its offsets point at the digits)."""
    if "=" not in text and ":" not in text:  # a cheap necessary cue, before the memo: most sentences have neither
        return []
    return _remembered(_find_n_equals, text)


def _find_n_equals(text: str, words: None = None) -> list[Number]:
    found = []
    for m in _N_EQUALS.finditer(text):
        numbers = find_numbers(text[m.end():m.end() + 12])
        if numbers and numbers[0].start == 0 and numbers[0].is_integer and numbers[0].value >= 0:
            n = numbers[0]
            found.append(Number(n.value, m.end() + n.start, m.end() + n.end, n.text))
    return found


_MEDIAN_RANGE = re.compile(
    r"^(?P<unit>\s?(?:years?|months?|weeks?|days?|yrs?|mo)\b)?\s?[(\[]\s?(?:(?:range|IQR|interquartile range)"
    r"\s?[,:=]?\s?)?$",
    re.I,
)


_RANGE_CLOSE = re.compile(r"\s?(?:years?|months?|weeks?|days?|yrs?|mo)?\s?[)\]]", re.I)


def find_median_ranges(text: str, words: Mapping[str, float] | None = None) -> list[MedianRange]:
    """Medians with their bracketed range: "39 years (range, 18-75)", "39 (18–75)", "12 [IQR, 8-20] months".

    A bare number is not returned (every number would be a candidate median); callers that found a "median"
    cue and a number without a range can build a MedianRange themselves.
    """
    numbers = find_numbers(text, words)
    ranges = {r.low.start: r for r in find_ranges(text, words)}
    found = []
    for i, median in enumerate(numbers[:-1]):
        nxt = numbers[i + 1]
        rng = ranges.get(nxt.start)
        if rng is None:
            continue
        gap = text[median.end:rng.start]
        if not _MEDIAN_RANGE.match(gap) and not _MEDIAN_RANGE.match(text[median.end:nxt.start]):
            continue
        close = _RANGE_CLOSE.match(text[rng.end:])
        end = rng.end + (len(close.group()) if close else 0)
        found.append(MedianRange(median, rng.low, rng.high, median.start, end, text[median.start:end]))
    return found


_NOT_REACHED = re.compile(
    r"\b(?:(?:was|were|has|have|had)\s+)?(?:not\s+(?:yet\s+)?(?:been\s+)?reached|not\s+attained"
    r"|(?<![\w/])NR(?![\w/]))",
)


def find_not_reached(text: str) -> list[tuple[int, int]]:
    """(start, end) of each "not reached" / "not yet been reached" / "NR" (a median that was not attained)."""
    return [(m.start(), m.end()) for m in _NOT_REACHED.finditer(text)]


# --------------------------------------------------------------------------------------------------- durations

_DURATION_UNITS = {
    "year": "years", "years": "years", "yr": "years", "yrs": "years", "y": "years",
    "month": "months", "months": "months", "mo": "months", "mos": "months",
    "week": "weeks", "weeks": "weeks", "wk": "weeks", "wks": "weeks",
    "day": "days", "days": "days", "d": "days",
}
_DAYS_PER_MONTH = 30.4375  # 365.25 / 12, the gold convention


def duration_unit(word: str) -> str | None:
    """Canonical duration unit ("years", "months", "weeks", "days") of a word such as "yr", "Months", "wk"."""
    return _DURATION_UNITS.get(word.lower().rstrip("."))


def to_months(value: float | None, unit: str) -> float | None:
    """A duration in months, rounded to 0.1: years x 12, weeks x 7 / 30.4375, days / 30.4375.

    Args:
        value: the number as written (None stays None: a median "not reached").
        unit: any spelling :func:`duration_unit` knows.

    Returns:
        Months, or None when the value is None or the unit is not a duration.
    """
    canonical = duration_unit(unit)
    if value is None or canonical is None:
        return None
    factor = {"years": 12.0, "months": 1.0, "weeks": 7 / _DAYS_PER_MONTH, "days": 1 / _DAYS_PER_MONTH}[canonical]
    return round(value * factor, 1)


_DURATION = re.compile(
    r"^(?P<gap>\s?[" + HYPHENS + r"]?\s?)(?P<unit>years?|yrs?|y|months?|mos?|weeks?|wks?|days?)\b", re.I
)


def find_durations(text: str, words: Mapping[str, float] | None = None) -> list[Duration]:
    """Durations: "7.7 months", "2 years", "2.5 y", "3-year", "18‐month", "Two years", converted to months.

    The unit must follow the number directly (a hyphen or a space between), so "2 prior regimens over years"
    is not a duration.
    """
    found = []
    for number in find_numbers(text, words):
        m = _DURATION.match(text[number.end:])
        if not m or number.value < 0:
            continue
        unit = duration_unit(m.group("unit"))
        end = number.end + m.end()
        found.append(Duration(number, unit, to_months(number.value, unit), number.start, end,
                              text[number.start:end]))
    return found


# --------------------------------------------------------------------------------------------------- units

_MICRO = r"(?:mcg|µg|μg|ug)"
_PER_WORDS = {"d": "day", "day": "day", "days": "day", "daily": "day", "wk": "week", "week": "week",
              "weekly": "week", "cycle": "cycle", "course": "course", "dose": "dose", "infusion": "infusion",
              "h": "hour", "hr": "hour", "hour": "hour", "min": "minute"}


_PER = re.compile(r"\s*per\s+", re.I)
_SPACES = re.compile(r"\s+")
_SQUARE_METRE = re.compile(r"m(?:²|\^2|\(2\)|2)")
_MICROGRAM = re.compile(_MICRO, re.I)
_PER_SQUARE_METRE_WORDS = re.compile(r"(?i)(?<=[a-z2])/(?:sq\.?m|square\s?met(?:er|re))")


def canonical_unit(text: str) -> str:
    """A dose unit in one spelling: "mg/m²" and "mg/m(2)" -> "mg/m2", "mcg"/"μg"/"ug" -> "µg",
    "µg/m2/d" and "µg/m2 per day" -> "µg/m2/day", "cells / kg" -> "cells/kg".

    Args:
        text: the unit as printed.

    Returns:
        The canonical spelling (spaces removed, micro sign U+00B5, "m2", "/day"); unknown units keep their
        letters, lower-cased except for IU/U.
    """
    unit = text.strip()
    unit = _PER.sub("/", unit)
    unit = _SPACES.sub("", unit)
    unit = _SQUARE_METRE.sub("m2", unit)
    unit = _MICROGRAM.sub("µg", unit)
    unit = _PER_SQUARE_METRE_WORDS.sub("/m2", unit)
    parts = unit.split("/")
    head = parts[0]
    if head.upper() in ("IU", "U", "MU"):
        head = head.upper()
    elif head.lower() in ("mg", "g", "µg", "ng", "kg", "cells", "cell", "ml", "l"):
        head = head.lower()
        if head == "cell":
            head = "cells"
    tail = []
    for part in parts[1:]:
        low = part.lower()
        if low in _PER_WORDS:
            tail.append(_PER_WORDS[low])
        elif low in ("kg", "m2", "l", "ml"):
            tail.append(low if low != "l" else "L")
        else:
            tail.append(part)
    return "/".join([head] + tail)


def split_per(unit: str) -> tuple[str, str | None]:
    """A canonical unit split into the amount and the schedule: "mg/m2/day" -> ("mg/m2", "day"),
    "µg/day" -> ("µg", "day"), "mg/kg" -> ("mg/kg", None).

    The gold schema records the per-day/week/cycle/dose part in ``per``, not in ``unit``.
    """
    canonical = canonical_unit(unit)
    parts = canonical.split("/")
    if len(parts) > 1 and parts[-1] in set(_PER_WORDS.values()):
        return "/".join(parts[:-1]), parts[-1]
    return canonical, None
