"""The spaCy pipeline: a tokenizer for abstract style, a sentence segmenter, and one SpanRuler with every rule.

Built from `spacy.blank("en")`, so nothing needs a trained model. Token boundaries are chosen so that rules can
match numbers and their punctuation separately: "P = .01", "P=.01", "95% CI, 0.55-0.93", "(n = 48)", "44/48",
"12–24", "≥40", "1×10^6", "31(18-60)", "80%(44/48)" all come apart into number, operator and bracket tokens,
while a decimal "0·6", a signed "−1.2" and abbreviations such as "vs." and "no." stay whole.
"""
from __future__ import annotations

import re
import weakref
from functools import partial
from pathlib import Path

import spacy
import numpy
from spacy import attrs
from spacy.attrs import LIKE_NUM, LOWER, ORTH, SENT_START
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline.span_ruler import SpanRuler, overlapping_labeled_spans_score
from spacy.schemas import validate_token_pattern
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from extractor.patterns import Spellings, load_rules, load_spellings

SPANS_KEY = "rules"
SENTENCES = "extractor_sentences"
RULER = "extractor_rules"
RULE_RULER = "extractor_span_ruler"  # the factory of the RULER component

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
# The special case nearly every abstract has (27 of the 39 special-case tokens of the shared corpus): see
# `CachingTokenizer`.
_WHOLE_WORDS = ("vs.", "Vs.")


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
    spellings = load_spellings(patterns_dir)
    nlp = spacy.blank("en")
    nlp.vocab.lex_attr_getters[LIKE_NUM] = like_num
    nlp.vocab.lex_attr_getters[LOWER] = Lower(spellings)
    _customise_tokenizer(nlp)
    nlp.add_pipe(SENTENCES)
    ruler = nlp.add_pipe(
        RULE_RULER,
        name=RULER,
        config={"spans_key": SPANS_KEY, "phrase_matcher_attr": "LOWER", "validate": True, "overwrite": False},
    )
    ruler.add_patterns([_normalise_lower_values(rule.ruler_pattern(), spellings) for rule in rules])
    return nlp


def _normalise_lower_values(pattern: dict, spellings: Spellings) -> dict:
    """A token pattern's LOWER values in the spelling the LOWER getter gives (a rule written "haematopoietic"
    must still match once every token's LOWER reads "hematopoietic"). Phrase patterns need nothing: their text
    goes through the same tokenizer and getter."""
    if isinstance(pattern["pattern"], str) or not (spellings.prefixes or spellings.words):
        return pattern
    tokens = []
    for token in pattern["pattern"]:
        value = token.get("LOWER")
        if isinstance(value, str):
            token = {**token, "LOWER": spellings.normalise(value)}
        elif isinstance(value, dict) and any(k in value for k in ("IN", "NOT_IN")):
            value = {k: list(dict.fromkeys(spellings.normalise(w) for w in v)) if k in ("IN", "NOT_IN") else v
                     for k, v in value.items()}
            token = {**token, "LOWER": value}
        tokens.append(token)
    return {**pattern, "pattern": tokens}


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
    `_customise_tokenizer` (both are built from it), not on this object.
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


@Language.factory(SENTENCES)
def make_sentence_segmenter(nlp: Language, name: str) -> "SentenceSegmenter":
    return SentenceSegmenter(nlp.vocab)


class SentenceSegmenter:
    """Sentence boundaries for abstract style.

    A sentence ends at a standalone ".", "!" or "?" token followed by a token that can open a sentence (a capital,
    a digit or an opening bracket). Abbreviations ("vs.", "no.", "e.g.", "et al.") are single tokens thanks to the
    tokenizer's special cases and decimals (".01", "0.5") are single tokens, so neither looks like a terminator.
    One pass over the tokens' ORTH ids finds the terminators (a Matcher with a REGEX token cost 4x more, numpy
    comparisons of these short arrays 1.5x more); only the word after each is read as text, once per word.
    """

    def __init__(self, vocab):
        self.strings = vocab.strings
        self.terminators = frozenset(vocab.strings.add(t) for t in (".", "!", "?"))
        self._opens: dict[int, bool] = {}  # ORTH id -> whether the word can open a sentence

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        starts = numpy.full((len(doc), 1), -1, dtype="int64")  # -1: not a start
        starts[0, 0] = 1
        orths = doc.to_array(ORTH).tolist()
        terminators = self.terminators
        for i in [i for i, orth in enumerate(orths[:-1]) if orth in terminators]:
            if self._can_open(orths[i + 1]):
                starts[i + 1, 0] = 1
        return doc.from_array([SENT_START], starts.view("uint64"))

    def _can_open(self, orth: int) -> bool:
        opens = self._opens.get(orth)
        if opens is None:
            opens = self._opens[orth] = bool(_OPENS_SENTENCE.match(self.strings[orth]))
        return opens


_OPENS_SENTENCE = re.compile(r"^[A-Z0-9(\[“\"]")


@Language.factory(RULE_RULER, assigns=["doc.spans"], default_config={
    "spans_key": SPANS_KEY, "phrase_matcher_attr": None, "validate": False, "overwrite": True})
def make_rule_span_ruler(nlp: Language, name: str, spans_key: str, phrase_matcher_attr: str | None, validate: bool,
                         overwrite: bool) -> "RuleSpanRuler":
    return RuleSpanRuler(nlp, name, spans_key=spans_key, phrase_matcher_attr=phrase_matcher_attr, validate=validate,
                         overwrite=overwrite, scorer=partial(overlapping_labeled_spans_score, spans_key=spans_key))


class RuleSpanRuler(SpanRuler):
    """spaCy's SpanRuler with its token patterns in a TokenPatternMatcher and a cheaper `match`.

    The stock `match` builds a Span for every match (repeats included), hashes them into a set and sorts them by
    Span comparisons, each of which builds two tuples. This one dedupes and sorts plain (start, end, label, id)
    tuples and builds a Span only for each one kept: the same spans in the same order, since Spans sort by
    (start_char, end_char, label, kb_id, id), kb_id is unset, and the tokenizer's tokens are never empty, so a
    span's characters grow with its token indices.

    It also keeps the spans it sets as plain tuples (`rule_matches`): reading them back from `doc.spans` builds a
    new Span, and three Tokens, per span.
    """

    def clear(self) -> None:
        super().clear()
        self.matcher = TokenPatternMatcher(self.nlp.vocab, validate=self.validate)
        self._label_ids: dict[int, tuple[int, int]] = {}  # match key -> (label, id) string ids

    def add_patterns(self, patterns: list) -> None:
        super().add_patterns(patterns)
        strings = self.nlp.vocab.strings
        self._label_ids = {key: (strings.add(entry["label"]), strings.add(entry["id"]))
                           for key, entry in self._match_label_id_map.items()}

    def match(self, doc: Doc) -> list[Span]:
        self._require_patterns()
        found = self.matcher.find(doc)
        if len(self.phrase_matcher):  # an empty PhraseMatcher only warns
            found.update(self.phrase_matcher(doc))
        label_ids = self._label_ids
        kept = sorted({(start, end, *label_ids[key]) for key, start, end in found if start != end})
        return [Span(doc, start, end, label=label, span_id=span_id) for start, end, label, span_id in kept]

    def set_annotations(self, doc: Doc, matches: list[Span]) -> None:
        # Only a group made of exactly these matches is kept (not one extended or filtered).
        fresh = self.key and (self.overwrite or self.key not in doc.spans) and not self.spans_filter
        super().set_annotations(doc, matches)
        if fresh:
            rows = [(s.start, s.end, s.start_char, s.end_char, s.label, s.id) for s in matches]
            _RULE_MATCHES[doc] = (self.key, doc.spans[self.key], rows)


# Doc -> (spans key, the SpanGroup set, its spans as tuples). Weakly keyed, so an entry dies with its doc; the group
# holds its doc only weakly and the rows are ints, so an entry does not keep its doc alive either.
_RULE_MATCHES: "weakref.WeakKeyDictionary[Doc, tuple]" = weakref.WeakKeyDictionary()


def rule_matches(doc: Doc, key: str = SPANS_KEY) -> list[tuple[int, int, int, int, int, int]] | None:
    """`doc.spans[key]` as (start, end, start_char, end_char, label, id) tuples, in the group's order, when a
    RuleSpanRuler set that group and it is unchanged (the same object, of the same length); otherwise None (a doc
    built or changed elsewhere, or unpickled: read `doc.spans`). Do not modify the list."""
    kept = _RULE_MATCHES.get(doc)
    if kept is None:
        return None
    kept_key, group, rows = kept
    if kept_key != key or doc.spans.get(key) is not group or len(group) != len(rows):
        return None
    return rows


class TokenPatternMatcher:
    """A stand-in for the SpanRuler's Matcher that matches simple token patterns in one Python pass.

    spaCy's Matcher tries every pattern at every token, so its cost grows with patterns x tokens (it was two thirds
    of the pipeline). Most of our token patterns only test ORTH/TEXT, LOWER (a value, an IN list or a REGEX) or
    a flag such as LIKE_NUM, with the "?", "*", "+" and "{n,m}" operators: those are filed under a value one of
    their leading tokens must have, so a word is only tried against the few patterns that can match there; the
    pattern's leading one-token steps are checked directly (most tries fail on the first set lookup) and the rest
    runs as a lazy DFA. Any other pattern (other attributes or predicates, callbacks...) goes to a real Matcher.
    The matches are the Matcher's: every (key, start, end), all the ends of a "*" included (the SpanRuler keeps
    them all and dedupes). Every attribute read is the lexeme's, so what is worked out for a word is kept for it
    (its attributes, its entries, the DFA's moves), like spaCy's own lexeme cache; nothing larger is kept.
    """

    # Token attributes read from `doc.to_array`: string ids (TEXT is ORTH for the Matcher) and lexeme flags.
    _STRINGS = {"ORTH": ORTH, "TEXT": ORTH, "LOWER": LOWER}
    _FLAGS = {name: getattr(attrs, name) for name in ("LIKE_NUM", "IS_ALPHA", "IS_DIGIT", "IS_PUNCT", "IS_LOWER",
                                                     "IS_UPPER", "IS_TITLE", "IS_SPACE", "IS_BRACKET", "IS_QUOTE")}

    def __init__(self, vocab, validate: bool = False, **matcher_options):
        self.vocab = vocab
        self.validate = validate
        self.fallback = Matcher(vocab, validate=validate, **matcher_options)
        self._by_value: dict[int, dict[int, list[_Entry]]] = {}  # column -> value -> entries tried where a token has it
        self._anywhere: list[_Entry] = []  # patterns whose first token is not known by its value: tried everywhere
        self._attrs: list[int] = [ORTH, LOWER]  # the to_array columns the compiled patterns read
        self._keys: set[str] = set()  # every key added, compiled or not
        # Per word (ORTH id), learnt from the docs: every attribute read is the lexeme's, so a word's row of
        # attributes and the entries to try where it occurs are the same in every doc (like spaCy's lexeme cache).
        self._row_of: dict[int, tuple] = {}
        self._entries_of: dict[int, tuple] = {}  # only the words with entries

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, key) -> bool:
        return key in self._keys

    def add(self, key: str, patterns: list, on_match=None, greedy=None) -> None:
        self._keys.add(key)
        for pattern in patterns:
            compiled = None if on_match or greedy else self._compile(pattern)
            if compiled is None:
                self.fallback.add(key, [pattern], on_match=on_match, greedy=greedy)
                continue
            if self.validate and validate_token_pattern(pattern):
                raise ValueError(f"invalid token pattern {pattern!r}: {validate_token_pattern(pattern)}")
            self._index(_Compiled(self.vocab.strings.add(key), compiled))
        self._row_of.clear()  # new attributes to read, new entries to try
        self._entries_of.clear()

    def _compile(self, pattern: list) -> list | None:
        """[(checks, op)] with checks [(column, values)] (anything supporting `in`) and op "1", "?" or "*";
        "+" and "{n,m}" are spelled with those. None when the pattern needs the real Matcher."""
        steps = []
        for token in pattern:
            checks = []
            for attr, value in token.items():
                if attr == "OP":
                    continue
                values = self._values(attr, value)
                if values is None:
                    return None
                checks.append((self._column(attr), values))
            ops = _repeat(token.get("OP", "1"))
            if ops is None:
                return None
            steps += [(checks, op) for op in ops]
        return steps or None

    def _column(self, attr: str) -> int:
        attr_id = self._STRINGS.get(attr) or self._FLAGS[attr]
        if attr_id not in self._attrs:
            self._attrs.append(attr_id)
        return self._attrs.index(attr_id)

    def _values(self, attr: str, value):
        """What a token's attribute may be, as something supporting `in`; None for what is not compiled."""
        if attr in self._FLAGS:
            return frozenset({int(value)}) if isinstance(value, bool) else None
        if attr not in self._STRINGS:
            return None
        if isinstance(value, str):
            return frozenset({self.vocab.strings.add(value)})
        if isinstance(value, dict) and len(value) == 1:
            (predicate, argument), = value.items()
            strings = isinstance(argument, list) and all(isinstance(v, str) for v in argument)
            if predicate == "IN" and strings:
                return frozenset(self.vocab.strings.add(v) for v in argument)
            if predicate == "NOT_IN" and strings:
                return _Excluding(frozenset(self.vocab.strings.add(v) for v in argument))
            if predicate == "REGEX" and isinstance(argument, str):
                return _RegexValues(argument, self.vocab.strings)
        return None

    def _index(self, compiled: "_Compiled") -> None:
        """File the pattern under the values one of its tokens must have: the first token with a known string value
        among the leading one-token steps (a number's unit rather than "any number"), else under every value its
        first consumed token may have. The leading steps' other checks go with it, most selective first, so that
        most tries fail on one set lookup."""
        leading = [(offset, column, values) for offset, (checks, _) in enumerate(compiled.steps[:compiled.prefix])
                   for column, values in checks]
        keyed = [check for check in leading if isinstance(check[2], frozenset)]
        if keyed:
            key = min(keyed, key=lambda check: (check[1] >= 2, check[0], check[1]))  # strings before flags, earliest
            others = sorted((check for check in leading if check is not key), key=lambda check: (
                not isinstance(check[2], frozenset), check[1] >= 2, abs(check[0] - key[0]), check[0]))
            self._file(key, _Entry(key[0], others, compiled))
            return
        for checks, op in compiled.steps:  # optional leading steps: each may hold the first token, up to a "1" one
            known = [(column, values) for column, values in checks if isinstance(values, frozenset)]
            if not known:  # a first token not known by its value: tried everywhere
                self._anywhere.append(_Entry(0, leading, compiled))
                return
            self._file((0, *min(known, key=lambda k: k[0])), _Entry(0, [], compiled))
            if op == "1":
                return

    def _file(self, key: tuple, entry: "_Entry") -> None:
        offset, column, values = key
        for value in values:
            self._by_value.setdefault(column, {}).setdefault(value, []).append(entry)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        return sorted(self.find(doc), key=lambda m: (m[1], m[2], m[0]))

    def find(self, doc: Doc) -> set[tuple[int, int, int]]:
        """Every match (key, start, end), unordered."""
        found = set(self.fallback(doc)) if len(self.fallback) else set()
        if not len(doc) or not (self._by_value or self._anywhere):
            return found
        orths = doc.to_array(ORTH).tolist()
        row_of, entries_of = self._row_of, self._entries_of
        try:
            rows = [row_of[orth] for orth in orths]
        except KeyError:
            rows = self._learn(doc, orths)
        for at, orth in enumerate(orths):
            entries = entries_of.get(orth)
            if entries is not None:
                for entry in entries:
                    entry.match(rows, at - entry.offset, found)
        for entry in self._anywhere:
            for start in range(len(rows)):
                entry.match(rows, start, found)
        return found

    def _learn(self, doc: Doc, orths: list[int]) -> list[tuple]:
        """The doc's rows of attributes, remembering the words not seen before."""
        rows = [tuple(row) for row in doc.to_array(self._attrs).tolist()]
        for orth, row in zip(orths, rows):
            if orth not in self._row_of:
                self._row_of[orth] = row
                entries = [entry for column, buckets in self._by_value.items() for entry in buckets.get(row[column], ())]
                if entries:
                    self._entries_of[orth] = tuple(entries)
        return rows


class _Entry:
    """A compiled pattern as filed under one of its tokens' values: that token's offset in the pattern and the
    other checks of the pattern's leading one-token steps, as (offset, column, values)."""

    __slots__ = ("offset", "checks", "compiled")

    def __init__(self, offset: int, checks: list, compiled: "_Compiled"):
        self.offset, self.checks, self.compiled = offset, tuple(checks), compiled

    def match(self, rows: list, start: int, found: set) -> None:
        """Add to `found` every match of the pattern starting at `start` (where the filed-under token matched)."""
        compiled = self.compiled
        prefix = compiled.prefix
        if start < 0 or start + prefix > len(rows):
            return
        for offset, column, values in self.checks:
            if rows[start + offset][column] not in values:
                return
        if compiled.fixed:
            found.add((compiled.key, start, start + prefix))
            return
        at = start + prefix
        if compiled.next_token is not None:  # most tries that get here fail here, without running the DFA
            if at == len(rows):
                return
            row = rows[at]
            for column, values in compiled.next_token:
                if row[column] in values:
                    break
            else:
                return
        for end in compiled.ends_after_prefix(rows, at):
            found.add((compiled.key, start, end))


class _Compiled:
    """One compiled token pattern: its match key, its steps [(checks, op)], how many of them lead with one token
    each (checked by the _Entry), and for the rest an NFA: the states each state reaches, optional steps skipped."""

    def __init__(self, key: int, steps: list):
        self.key, self.steps = key, steps
        self.prefix = next((i for i, (_, op) in enumerate(steps) if op != "1"), len(steps))
        self.fixed = self.prefix == len(steps)  # most patterns: one token per step, at most one match
        closure = [frozenset(_skip_optional(steps, {state})) for state in range(len(steps) + 1)]
        self.start_states = closure[self.prefix]
        # state -> (its checks, the states a token passing them leads to)
        self.moves = [(checks, closure[state if op == "*" else state + 1]) for state, (checks, op) in enumerate(steps)]
        # A lazy DFA: per word (its row of attributes), the states it leads to from a set of states, worked out once.
        self._after: dict[tuple, frozenset] = {}
        # (column, values) pairs one of which the token after the prefix must pass; None if the prefix may end a match
        final = len(steps)
        self.next_token = None if final in self.start_states else _one_of(
            [steps[state][0] for state in sorted(self.start_states)])

    def ends_after_prefix(self, rows: list, at: int) -> list[int]:
        """Every end of a match whose leading one-token steps matched the tokens before `at`."""
        final, states, after = len(self.steps), self.start_states, self._after
        ends = [at] if self.prefix and final in states else []
        while at < len(rows) and states:
            key = (states, rows[at])
            reached = after.get(key)
            if reached is None:
                reached = after[key] = self._step(states, rows[at])
            at += 1
            states = reached
            if final in reached:
                ends.append(at)
        return ends

    def _step(self, states: frozenset, row: tuple) -> frozenset:
        """The states reached from `states` by a token with this row."""
        reached = set()
        for state in states:
            if state != len(self.steps):
                checks, targets = self.moves[state]
                if all(row[column] in values for column, values in checks):
                    reached |= targets
        return frozenset(reached)


class _Excluding:
    """Every value but some (a NOT_IN list)."""

    def __init__(self, excluded: frozenset):
        self.excluded = excluded

    def __contains__(self, value: int) -> bool:
        return value not in self.excluded


class _RegexValues:
    """The string ids whose string matches a REGEX (as the Matcher tests it: `re.search` on the string), memoised
    per id: a text repeats the same few hundred words."""

    def __init__(self, pattern: str, strings):
        self.regex, self.strings, self.memo = re.compile(pattern), strings, {}

    def __contains__(self, value: int) -> bool:
        hit = self.memo.get(value)
        if hit is None:
            hit = self.memo[value] = bool(self.regex.search(self.strings[value]))
        return hit


def _repeat(op: str) -> list[str] | None:
    """An operator as a run of "1" (one token), "?" (at most one) and "*" (any number); None if unknown."""
    if op in ("1", "?", "*"):
        return [op]
    if op == "+":
        return ["1", "*"]
    m = re.fullmatch(r"\{(\d*)(,?)(\d*)\}", op)
    if not m or not (m.group(1) or m.group(3)):
        return None
    low = int(m.group(1) or 0)
    if not m.group(2):
        return ["1"] * low  # {n}
    if not m.group(3):
        return ["1"] * low + ["*"]  # {n,}
    high = int(m.group(3))
    return ["1"] * low + ["?"] * (high - low) if high >= low else None  # {n,m}, {,m}


def _one_of(alternatives: list) -> list | None:
    """A necessary condition for passing one of several lists of checks: one check of each (a known value set if
    there is one), with the value sets of one column merged."""
    merged, others = {}, []
    for checks in alternatives:
        if not checks:  # any token passes
            return None
        column, values = next(((c, v) for c, v in checks if isinstance(v, frozenset)), checks[0])
        if isinstance(values, frozenset):
            merged[column] = merged.get(column, frozenset()) | values
        else:
            others.append((column, values))
    return list(merged.items()) + others


def _skip_optional(steps: list, states: set) -> set:
    """The states reachable by skipping "?" and "*" steps."""
    todo, seen = list(states), set(states)
    while todo:
        state = todo.pop()
        if state < len(steps) and steps[state][1] in ("?", "*") and state + 1 not in seen:
            seen.add(state + 1)
            todo.append(state + 1)
    return seen
