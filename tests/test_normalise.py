"""extractor.normalise: numbers, ranges, fractions, durations and units as abstracts print them."""
from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor import normalise as nz

NUMBERS_FILE = Path(__file__).resolve().parent.parent / "patterns" / "numbers.jsonl"


@pytest.fixture(scope="module")
def words() -> dict[str, float]:
    rules = [SimpleNamespace(**json.loads(line)) for line in NUMBERS_FILE.read_text().splitlines() if line.strip()]
    return nz.number_words(rules)


# ------------------------------------------------------------------------------------------------ read_number


@pytest.mark.parametrize(
    "text, value",
    [
        ("48", 48), ("0.6", 0.6), ("0·6", 0.6), (".01", 0.01), ("1,234", 1234), ("12,345,678", 12345678),
        ("−0.5", -0.5), ("-2", -2), ("  7.7 ", 7.7), ("1 × 10^6", 1e6), ("1×10(6)", 1e6), ("2.5 x 10e5", 2.5e5),
        ("3 × 10⁸", 3e8), ("1 × 10^-4", 1e-4),
    ],
)
def test_normalise_read_number_digits(text, value):
    assert nz.read_number(text).value == pytest.approx(value)


@pytest.mark.parametrize(
    "text, value",
    [
        ("Forty-eight", 48), ("forty eight", 48), ("twenty four", 24), ("one hundred and five", 105),
        ("Twelve", 12), ("two hundred thousand", 200000), ("one thousand", 1000), ("ninety-nine", 99),
    ],
)
def test_normalise_read_number_words(text, value, words):
    assert nz.read_number(text, words).value == value


@pytest.mark.parametrize(
    "text, qualifier",
    [("≥18", ">="), ("≤ 5", "<="), ("<0.001", "<"), ("> 30", ">"), ("> or =40", ">="), ("⩾2", ">="), ("7", None)],
)
def test_normalise_read_number_keeps_qualifier_apart(text, qualifier):
    number = nz.read_number(text)
    assert number.qualifier == qualifier
    assert number.text[0].isdigit()


@pytest.mark.parametrize("text", ["", "abc", "12 and 14", "CD19", "2nd", "mg/m2", "KTE-X19", "4-1BB", "12 patients"])
def test_normalise_read_number_rejects_non_numbers(text):
    assert nz.read_number(text) is None


@pytest.mark.parametrize("text, numbers", [
    ("Patients received VP-16 100 mg/m2", [100]),  # was the one number 16 100
    ("ABT-199 400 mg daily", [400]),
    ("the GRAALL-2005 protocol in 40 patients", [40]),
    # lower-case words before a hyphen keep their numbers, and so do ranges
    ("the day-28 response in 18-65 year olds", [28, 18, 65]),
])
def test_normalise_a_codes_number_after_a_capital_and_hyphen_is_none(text, numbers):
    assert [n.value for n in nz.find_numbers(text, {})] == numbers


def test_normalise_read_number_words_need_the_lexicon():
    assert nz.read_number("Forty-eight") is None


@pytest.mark.parametrize("text", ["eight forty", "twelve twenty"])
def test_normalise_number_words_do_not_compose_out_of_order(text, words):
    assert len(nz.find_numbers(text, words)) == 2


# ------------------------------------------------------------------------------------------------ find_numbers


@pytest.mark.parametrize(
    "text, values",
    [
        ("Of 48 patients, 44 responded (92%).", [48, 44, 92]),
        ("HR, 0.71; 95% CI, 0.55 to 0.93; P = .01", [0.71, 95, 0.55, 0.93, 0.01]),
        ("a median of 7·7 months", [7.7]),
        ("ranging 12–24 months", [12, 24]),
        ("the 2nd relapse after 3 cycles", [3]),
        ("doses of 2,5 or 10 mg", [2, 10]),
        # thousands grouped SI style with a space (or a thin space); not a 3-digit number that is a range's end
        ("A total of 1 092 patients", [1092]), ("asparaginase 10\u2009000 IU/m2", [10000]),
        ("grade 3 100-200", [3, 100, 200]), ("in 2019 158 patients", [2019, 158]), ("3 100%", [3, 100]),
    ],
)
def test_normalise_find_numbers_values(text, values):
    assert [n.value for n in nz.find_numbers(text)] == pytest.approx(values)


def test_normalise_find_numbers_decimal_comma_on_request():
    assert [n.value for n in nz.find_numbers("a rate of 2,5 per cent", decimal_comma=True)] == [2.5]


@pytest.mark.parametrize(
    "text, value",
    [
        ("a single infusion of 1×106 cells/kg", 1e6),
        ("doses of 5×106 CAR T cells per kg", 5e6),
        ("platelets above 75 × 109/L at entry", 75e9),
    ],
)
def test_normalise_lost_superscript_read_before_cell_cue(text, value):
    numbers = nz.find_numbers(text)
    assert [n.value for n in numbers] == [value]
    assert numbers[0].form == "scientific"


def test_normalise_lost_superscript_without_cue_is_not_read_as_106():
    values = [n.value for n in nz.find_numbers("a value of 1×106 was seen")]
    assert 106 not in values and 1e6 not in values


# ------------------------------------------------------------------------------------------------ compounds


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("12-24", 12, 24), ("12–24", 12, 24), ("12 to 24", 12, 24), ("range, 12-24", 12, 24),
        ("1.8 to 1.3 mg/m2", 1.8, 1.3), ("35% to 41%", 35, 41), ("2 months to 3 months", 2, 3),
        ("0.55-0.93", 0.55, 0.93), ("IQR 8 to 20", 8, 20),
    ],
)
def test_normalise_find_ranges(text, low, high):
    (rng,) = nz.find_ranges(text)
    assert (rng.low.value, rng.high.value) == (pytest.approx(low), pytest.approx(high))
    assert text[rng.start:rng.end] == rng.text


def test_normalise_range_includes_range_cue():
    (rng,) = nz.find_ranges("aged 39 (range, 18-75)")
    assert rng.text == "range, 18-75"


@pytest.mark.parametrize("text", ["patients 12 and 24", "12, 24", "P = 0.01; 95% CI"])
def test_normalise_find_ranges_ignores_non_ranges(text):
    assert nz.find_ranges(text) == []


@pytest.mark.parametrize(
    "text, count, den, pct",
    [
        ("44/48 responded", 44, 48, 91.7), ("44 of 48 patients", 44, 48, 91.7),
        ("44 out of 48", 44, 48, 91.7), ("Twelve of the 31 patients", 12, 31, 38.7),
    ],
)
def test_normalise_find_fractions(text, count, den, pct, words):
    (frac,) = nz.find_fractions(text, words)
    assert (frac.count.value, frac.denominator.value, frac.percent) == (count, den, pct)


@pytest.mark.parametrize("text", ["48/44 patients", "0.5/1", "1 of 0 cycles", "3 × 10^9/L"])
def test_normalise_find_fractions_rejects_impossible(text):
    assert nz.find_fractions(text) == []


@pytest.mark.parametrize("text, count", [("12 out of the 20", 12), ("12 out of the \n20", 12), ("12 of all 20", 12),
                                         ("12 out of the 20\n", 12), ("12 out of all the 20", None),
                                         ("12 , out of the 20", None), ("12 /20", None), ("12 in 20", None)])
def test_normalise_find_fractions_at_the_longest_gaps(text, count):
    """A gap between two numbers is read only when it is short enough to be one of the fraction words (the cheap
    test before the regex): the longest, " out of the " and a newline, still is."""
    assert [f.count.value for f in nz.find_fractions(text)] == ([count] if count is not None else [])


def test_normalise_shifted_numbers_keep_all_but_their_offsets():
    numbers = nz.find_numbers("OS ≥ 12 months (95% CI, 1·5-20)")
    moved = nz.shifted(numbers, 100)
    assert [type(n) for n in moved] == [nz.Number] * len(numbers)
    assert [n._replace(start=n.start - 100, end=n.end - 100) for n in moved] == numbers
    assert moved[0].qualifier == ">=" and moved[0].form == "digits" and moved[0].start == numbers[0].start + 100


@pytest.mark.parametrize(
    "text, count, pct, den",
    [
        ("44 patients (92%) responded", 44, 92, None), ("44 (92%)", 44, 92, None),
        ("92% (44/48)", 44, 92, 48), ("a rate of 38.7% (n = 12)", 12, 38.7, None),
        ("Twelve patients (38.7%)", 12, 38.7, None),
    ],
)
def test_normalise_find_count_percents(text, count, pct, den, words):
    (cp,) = nz.find_count_percents(text, words)
    assert cp.count.value == count and cp.percent.value == pytest.approx(pct)
    assert (cp.denominator.value if cp.denominator else None) == den
    assert text[cp.start:cp.end] == cp.text


@pytest.mark.parametrize("text, n", [("(n = 48)", 48), ("N=225", 225), ("n: 17", 17)])
def test_normalise_find_n_equals(text, n):
    assert [x.value for x in nz.find_n_equals(text)] == [n]


@pytest.mark.parametrize(
    "text, median, low, high",
    [
        ("39 years (range, 18-75)", 39, 18, 75), ("39 (18–75)", 39, 18, 75),
        ("46 years [range, 18-77]", 46, 18, 77), ("12 years (range, 1 to 20 years)", 12, 1, 20),
        ("14 months (IQR 8-20)", 14, 8, 20),
    ],
)
def test_normalise_find_median_ranges(text, median, low, high):
    (mr,) = nz.find_median_ranges(text)
    assert (mr.median.value, mr.low.value, mr.high.value) == (median, low, high)


@pytest.mark.parametrize(
    "text", ["median OS was not reached", "has not yet been reached", "median EFS, NR", "not attained"],
)
def test_normalise_find_not_reached(text):
    assert len(nz.find_not_reached(text)) == 1


def test_normalise_not_reached_ignores_nr_inside_words():
    assert nz.find_not_reached("NRAS mutation and CR/NR status") == []


# ------------------------------------------------------------------------------------------------ durations


@pytest.mark.parametrize(
    "value, unit, months",
    [
        (2, "years", 24), (1.5, "yr", 18), (7.7, "months", 7.7), (12, "weeks", 2.8), (30, "days", 1.0),
        (4, "wk", 0.9), (100, "days", 3.3), (None, "months", None), (3, "cycles", None),
    ],
)
def test_normalise_to_months(value, unit, months):
    assert nz.to_months(value, unit) == months


@pytest.mark.parametrize(
    "text, months",
    [("7.7 months", 7.7), ("a 3-year survival", 36), ("the 18‐month rate", 18), ("Two years later", 24),
     ("after 8 weeks", 1.8)],
)
def test_normalise_find_durations(text, months, words):
    (duration,) = nz.find_durations(text, words)
    assert duration.months == months


# ------------------------------------------------------------------------------------------------ units


@pytest.mark.parametrize(
    "text, unit",
    [
        ("mg/m²", "mg/m2"), ("mg/m(2)", "mg/m2"), ("mg / m2", "mg/m2"), ("mcg", "µg"), ("μg", "µg"), ("ug", "µg"),
        ("µg/m2/d", "µg/m2/day"), ("mcg/m2 per day", "µg/m2/day"), ("cells / kg", "cells/kg"),
        ("Mg/Kg", "mg/kg"), ("IU/m2", "IU/m2"), ("g/m2", "g/m2"), ("mg/m2/dose", "mg/m2/dose"),
    ],
)
def test_normalise_canonical_unit(text, unit):
    assert nz.canonical_unit(text) == unit


@pytest.mark.parametrize(
    "text, unit, per",
    [("mg/m2/day", "mg/m2", "day"), ("μg/day", "µg", "day"), ("mg/kg", "mg/kg", None),
     ("mg/m2/week", "mg/m2", "week"), ("cells/kg", "cells/kg", None), ("mg/m2/dose", "mg/m2", "dose")],
)
def test_normalise_split_per(text, unit, per):
    assert nz.split_per(text) == (unit, per)


# ------------------------------------------------------------------------------------------------ properties


def _written_forms(value: float) -> list[str]:
    """The ways an abstract may print a non-negative number."""
    plain = f"{value:.2f}".rstrip("0").rstrip(".") if not float(value).is_integer() else str(int(value))
    forms = [plain, plain.replace(".", "·")]
    if float(value).is_integer() and value >= 1000:
        forms.append(f"{int(value):,}")
        forms.append(f"{int(value):,}".replace(",", " "))  # SI style: "1 092", "10 000"
    return forms


@given(st.one_of(st.integers(min_value=0, max_value=10**7), st.decimals(min_value=0, max_value=1000, places=2)))
def test_normalise_property_round_trip(value):
    value = float(value)
    expected = round(value, 2)
    for written in _written_forms(value):
        for sign, factor in (("", 1), ("−", -1), ("-", -1)):
            number = nz.read_number(sign + written)
            assert number is not None, sign + written
            assert number.value == pytest.approx(factor * expected)


@given(value=st.integers(min_value=0, max_value=999_999))
def test_normalise_property_words_round_trip(words, value):
    assert nz.read_number(_in_words(value), words).value == value


@settings(max_examples=300)
@given(st.text())
def test_normalise_property_never_raises(text):
    for finder in (nz.find_numbers, nz.find_ranges, nz.find_fractions, nz.find_count_percents,
                   nz.find_median_ranges, nz.find_durations):
        finder(text)
    nz.find_n_equals(text)
    nz.find_not_reached(text)
    nz.read_number(text)
    nz.canonical_unit(text)


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(list("0123456789.,·−- x×^()/%<>≥abn=")), max_size=40))
def test_normalise_property_numbers_come_from_the_text(text):
    for number in nz.find_numbers(text):
        assert text[number.start:number.end] == number.text
        if number.form == "digits":
            written = number.text.replace("·", ".").replace(",", "").replace(" ", "").replace("−", "-")
            assert float(written) == number.value


_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen " \
         "sixteen seventeen eighteen nineteen".split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def _in_words(value: int) -> str:
    """English words for 0..999999, with a hyphen in the tens ("forty-eight") as style guides write them."""
    if value < 20:
        return _UNITS[value]
    if value < 100:
        tens, unit = divmod(value, 10)
        return _TENS[tens] + (f"-{_UNITS[unit]}" if unit else "")
    if value < 1000:
        hundreds, rest = divmod(value, 100)
        return f"{_UNITS[hundreds]} hundred" + (f" and {_in_words(rest)}" if rest else "")
    thousands, rest = divmod(value, 1000)
    return f"{_in_words(thousands)} thousand" + (f" {_in_words(rest)}" if rest else "")


@pytest.mark.parametrize("text, spelled", [
    ("Twenty-one of 23 responders", True), ("FIVE patients", True), ("(three)", True), ("ténine", True),
    ("often tenfold", False), ("éten", True), ("\u212aone", True), ("ſix", False), ("4two", True), ("", False),
    ("and", False), ("lone surrogate \ud800two", True),
])
def test_normalise_spells_a_word_is_a_whole_ascii_word_of_the_lexicon(words, text, spelled):
    # The bytes test must agree with a search for a lexicon word between non-letters (ASCII case-insensitive).
    names = sorted((w for w in words if w.isalpha() and w.isascii() and w.islower() and w != "and"), key=len)[::-1]
    pattern = re.compile(r"(?<![A-Za-z])(?:" + "|".join(names) + r")(?![A-Za-z])", re.I | re.A)
    assert nz._spells_a_word(text, words) == bool(pattern.search(text)) == spelled


@pytest.mark.parametrize("text, value, qualifier", [
    # a power of ten without a mantissa is one number, not 10 and the exponent
    ("at 10^6 cells/kg", 1e6, None),
    ("at 10(6) cells/kg", 1e6, None),
    ("MRD < 10^-4", 1e-4, "<"),
    ("MRD below 10(-4)", 1e-4, None),
])
def test_normalise_bare_power_of_ten(text, value, qualifier):
    (number,) = nz.find_numbers(text)
    assert (number.value, number.qualifier, number.form) == (pytest.approx(value), qualifier, "scientific")


@pytest.mark.parametrize("text, values", [
    ("in 10 (6%) patients", [10, 6]),   # a count and its percentage
    ("in 10(6%)", [10, 6]),
    ("2 x 10^6 cells/kg", [2e6]),        # the mantissa reader still takes its own
])
def test_normalise_bare_power_leaves_other_numbers(text, values):
    assert [n.value for n in nz.find_numbers(text)] == [pytest.approx(v) for v in values]
