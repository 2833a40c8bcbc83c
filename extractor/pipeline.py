"""The spaCy pipeline: a tokenizer for abstract style, a sentence segmenter, and one SpanRuler with every rule.

Built from `spacy.blank("en")`, so nothing needs a trained model. Token boundaries are chosen so that rules can
match numbers and their punctuation separately: "P = .01", "P=.01", "95% CI, 0.55-0.93", "(n = 48)", "44/48",
"12–24", "≥40", "1×10^6", "31(18-60)", "80%(44/48)" all come apart into number, operator and bracket tokens,
while a decimal "0·6", a signed "−1.2" and abbreviations such as "vs." and "no." stay whole.
"""
from __future__ import annotations

from pathlib import Path

import spacy
import numpy
from spacy.attrs import LIKE_NUM, LOWER, ORTH, SENT_START
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from extractor.patterns import load_rules

SPANS_KEY = "rules"
SENTENCES = "extractor_sentences"
RULER = "extractor_rules"

# Doc/Span/Token extensions: none yet. Declare any here, in one table, so they are registered in one place.
EXTENSIONS: dict[str, dict] = {}

# Operators and signs that abstracts glue to numbers ("P<.001", "≥40", "HR=0.71", ">/=40").
_OPERATORS = r"=<>≤≥±"
_DASHES = r"\-–—‐‑"
# Abbreviations that end in a period but do not end a sentence; kept as one token each.
_ABBREVIATIONS = (
    "vs.", "Vs.", "v.", "no.", "No.", "nos.", "Nos.", "approx.", "Approx.", "e.g.", "i.e.", "al.", "Fig.",
    "Figs.", "fig.", "ca.", "cf.", "pts.", "yr.", "yrs.", "mo.", "mos.", "wk.", "wks.", "min.", "max.",
    "resp.", "incl.", "Dr.", "St.", "Inc.",
)


def build_nlp(patterns_dir: Path | str) -> Language:
    """Build the extraction pipeline.

    Args:
        patterns_dir: folder of rule files (validated by `extractor.patterns.load_rules`).

    Returns:
        A Language whose docs carry sentence boundaries and `doc.spans["rules"]` (label_ = rule label,
        id_ = rule id).

    Raises:
        PatternError: when any rule file is invalid (every problem listed).
    """
    rules = load_rules(patterns_dir)
    nlp = spacy.blank("en")
    nlp.vocab.lex_attr_getters[LIKE_NUM] = like_num
    nlp.vocab.lex_attr_getters[LOWER] = lower
    _customise_tokenizer(nlp)
    nlp.add_pipe(SENTENCES)
    ruler = nlp.add_pipe(
        "span_ruler",
        name=RULER,
        config={"spans_key": SPANS_KEY, "phrase_matcher_attr": "LOWER", "validate": True, "overwrite": False},
    )
    ruler.add_patterns([rule.ruler_pattern() for rule in rules])
    return nlp


def like_num(text: str) -> bool:
    """spaCy's English like_num, widened to abstract number forms: "0·6", ".01", "−1.2", "1,234"."""
    from spacy.lang.en.lex_attrs import like_num as english_like_num

    cleaned = text.replace("·", ".").replace("−", "-")
    if cleaned[:1] in "-+" and len(cleaned) > 1:
        cleaned = cleaned[1:]
    if cleaned.startswith(".") and cleaned[1:].isdigit():
        return True
    return english_like_num(cleaned)


_HYPHEN_FORMS = str.maketrans({"\u2010": "-", "\u2011": "-"})


def lower(text: str) -> str:
    """Lower case with the Unicode hyphens (U+2010, U+2011) some publishers print read as "-", so a phrase rule
    "event-free survival" also matches "event\u2010free survival"."""
    return text.lower().translate(_HYPHEN_FORMS)


def _customise_tokenizer(nlp: Language) -> None:
    defaults = nlp.Defaults
    prefixes = [rf"[{_OPERATORS}]", r"/(?==)"] + list(defaults.prefixes)
    suffixes = [r"%", rf"[{_OPERATORS}]", rf"(?<=[0-9])[{_DASHES}]", r"(?<=[A-Z])\."]
    suffixes += list(defaults.suffixes)  # "1- and 3-year"; "achieved CR." and "arm A." end sentences
    infixes = list(defaults.infixes) + [
        rf"[{_OPERATORS}]",  # "P=.01", "p<0.05", "HR=0.71"
        rf"(?<=[0-9])[{_DASHES}](?=[0-9.])",  # "12–24", "0.55-0.93"
        r"(?<=[0-9])[×xX](?=[0-9])",  # "1×10^6", "2.5x10(6)"
        r"(?<=[A-Za-z0-9])[\u2010\u2011](?=[A-Za-z0-9])",  # "3\u2010year", "event\u2010free"
        r"\^",  # "10^9/L"
        r"/",  # "44/48", "CR/CRi", "mg/m2"
        r"(?<=[0-9])(?=(?:mg|µg|μg|mcg|g)(?:/|\b))",  # "360mg/m2", "1.3mg": a number glued to its dose unit
        r"(?<=[A-Za-z])\+(?=[A-Za-z])",  # "CR+CRi"
        r"(?<=[0-9%])[(\[]",  # "31(18-60)", "80%(44/48)"
        r"(?<=[0-9])%",  # "80%(44/48"
        r"[)\]](?=[0-9A-Za-z/])",  # "10(6)/kg"
        r";",
    ]
    tokenizer = nlp.tokenizer
    tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    # spaCy keeps "A." as one token (initials); in abstracts "arm A." far more often ends a sentence.
    tokenizer.rules = {k: v for k, v in tokenizer.rules.items() if not (len(k) == 2 and k[0].isalpha() and k[1] == ".")}
    for abbreviation in _ABBREVIATIONS:
        tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])


@Language.factory(SENTENCES)
def make_sentence_segmenter(nlp: Language, name: str) -> "SentenceSegmenter":
    return SentenceSegmenter(nlp.vocab)


class SentenceSegmenter:
    """Sentence boundaries for abstract style.

    A sentence ends at a standalone ".", "!" or "?" token followed by a token that can open a sentence (a capital,
    a digit or an opening bracket). Abbreviations ("vs.", "no.", "e.g.", "et al.") are single tokens thanks to the
    tokenizer's special cases and decimals (".01", "0.5") are single tokens, so neither looks like a terminator.
    A Matcher finds the candidate terminators so the per-doc work is proportional to the sentences, not tokens.
    """

    def __init__(self, vocab):
        self.matcher = Matcher(vocab)
        self.matcher.add("END", [[{"ORTH": {"IN": [".", "!", "?"]}}, {"ORTH": {"REGEX": r"^[A-Z0-9(\[“\"]"}}]])

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        starts = numpy.full((len(doc), 1), -1, dtype="int64")
        starts[0, 0] = 1
        for _, start, _end in self.matcher(doc):
            starts[start + 1, 0] = 1
        return doc.from_array([SENT_START], starts.astype("uint64"))
