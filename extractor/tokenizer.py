"""Words: the tokenizer for abstract style and the lexical attributes the rules read.

Token boundaries are chosen so that rules can match numbers and their punctuation separately: "P = .01", "P=.01",
"95% CI, 0.55-0.93", "(n = 48)", "44/48", "12–24", "≥40", "1×10^6", "31(18-60)", "80%(44/48)" all come apart into
number, operator and bracket tokens, while a decimal "0·6", a signed "−1.2" and abbreviations such as "vs." and
"no." stay whole. LIKE_NUM and LOWER are widened to abstract forms (`like_num`, `Lower`).
"""
from __future__ import annotations

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from extractor.patterns import Spellings

# Operators and signs that abstracts glue to numbers ("P<.001", "≥40", "HR=0.71", ">/=40").
_OPERATORS = r"=<>≤≥±⩽⩾≦≧"
_DASHES = r"\-–—‐‑"
# Abbreviations that end in a period but do not end a sentence; kept as one token each.
_ABBREVIATIONS = (
    "vs.", "Vs.", "v.", "no.", "No.", "nos.", "Nos.", "approx.", "Approx.", "e.g.", "i.e.", "al.", "Fig.",
    "Figs.", "fig.", "ca.", "cf.", "pts.", "yr.", "yrs.", "mo.", "mos.", "wk.", "wks.", "min.", "max.",
    "resp.", "incl.", "Dr.", "St.", "Inc.", "C.I.",  # ("95% C.I. 6.0-9.2": a dotted CI label)
)
# The special case nearly every abstract has (27 of the 39 special-case tokens of the shared corpus): see
# `CachingTokenizer`.
_WHOLE_WORDS = ("vs.", "Vs.")


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


class Lower:
    """The LOWER getter: `lower`, then the word in its canonical spelling (patterns/spellings.jsonl), so that
    "haematological", "leukaemia" and "randomised" match rules written "hematologic", "leukemia", "randomized".
    spaCy computes it once per lexeme; the token text (and so every evidence offset) is unchanged."""

    def __init__(self, spellings: Spellings):
        self.spellings = spellings

    def __call__(self, text: str) -> str:
        return self.spellings.normalise(lower(text))


def customise_tokenizer(nlp: Language) -> None:
    """Give `nlp` the abstract-style tokenizer: our prefixes, suffixes, infixes and abbreviations, wrapped in a
    `CachingTokenizer`."""
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
        rf"(?<=[0-9])[{_DASHES}](?=µ)",  # "28-µg/d": spaCy's letter classes lack the micro sign (not the Greek mu)
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
    nlp.tokenizer = CachingTokenizer(tokenizer, _WHOLE_WORDS)


class CachingTokenizer:
    """The tokenizer with a few special cases read as whole words instead, so that spaCy keeps caching the text.

    spaCy caches each whitespace-separated chunk's tokens, but once a special case has occurred in a text it caches
    none of the text's later chunks (spaCy issue #13950, open; PR #13951 proposes the fix): with "vs." in a text,
    every later chunk goes through the prefix, suffix and infix regexes again, in every text (~2.5 instead of ~0.3 µs
    a token). Here a `fast` tokenizer knows those words (a special case whose only token is itself and that starts with no prefix) as
    `token_match` words whose suffix is never split instead, which gives the same tokens through the affix rules;
    what it cannot give is spaCy's final pass, which merges a word's pieces when they come out of a glued chunk
    ("29.4%vs." -> "vs", "." -> "vs."). So when a text holds one of the words at a place that is not one of the
    fast doc's tokens, the text goes to the `exact` tokenizer (the one with every special case) instead.

    Reading any other attribute reads the exact tokenizer's, and serialising saves it; change the tokenizer in
    `customise_tokenizer` (both are built from it), not on this object.
    """

    def __init__(self, exact: Tokenizer, words: tuple[str, ...]):
        words = tuple(w for w in words if exact.rules.get(w) == [{ORTH: w}] and not exact.find_prefix(w))
        whole = frozenset(words)
        suffix_search, token_match = exact.suffix_search, exact.token_match
        self.exact = exact
        self.fast = Tokenizer(
            exact.vocab, rules={k: v for k, v in exact.rules.items() if k not in whole},
            prefix_search=exact.prefix_search, infix_finditer=exact.infix_finditer, url_match=exact.url_match,
            suffix_search=_KeepWhole(whole, suffix_search, None), token_match=_KeepWhole(whole, token_match, True),
            faster_heuristics=exact.faster_heuristics)
        self._words = [(w, exact.vocab.strings.add(w)) for w in words]

    def __call__(self, text: str) -> Doc:
        doc = self.fast(text)
        return self.exact(text) if self._splits_a_word(doc, text) else doc

    def _splits_a_word(self, doc: Doc, text: str) -> bool:
        """Whether some occurrence of a whole word in the text is not a token of the doc."""
        counts = [(orth, text.count(word)) for word, orth in self._words if word in text]
        if not counts:
            return False
        orths = doc.to_array(ORTH).tolist()
        return any(orths.count(orth) != count for orth, count in counts)

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str):
        if name.startswith("_") or "exact" not in self.__dict__:  # dunders, and an object being unpickled
            raise AttributeError(name)
        return getattr(self.exact, name)


class _KeepWhole:
    """A tokenizer hook (`token_match` or `suffix_search`) that keeps some words whole: it answers `whole` for
    them (a match for token_match, no suffix for suffix_search) and asks `hook` about any other text. A class, not a
    lambda, so that the pipeline can still be pickled."""

    def __init__(self, words: frozenset, hook, whole):
        self.words, self.hook, self.whole = words, hook, whole

    def __call__(self, text: str):
        if text in self.words:
            return self.whole
        return self.hook(text) if self.hook is not None else None
