"""The spaCy pipeline: a tokenizer for abstract style, a sentence segmenter, and one SpanRuler with every rule.

Built from `spacy.blank("en")`, so nothing needs a trained model. The tokenizer and the lexical attributes are in
`extractor.tokenizer`, the one-pass matcher of the ruler's token patterns in `extractor.token_matcher`.
"""
from __future__ import annotations

import re
import weakref
from functools import partial
from itertools import compress
from pathlib import Path

import spacy
import numpy
from spacy.attrs import IDX, LIKE_NUM, LOWER, ORTH, SENT_START
from spacy.language import Language
from spacy.pipeline.span_ruler import SpanRuler, overlapping_labeled_spans_score
from spacy.tokens import Doc, Span, SpanGroup

from extractor.patterns import STEM_ID, Spellings, load_rules, load_spellings  # STEM_ID: see _named_by_stem
from extractor.token_matcher import TokenPatternMatcher
from extractor.tokenizer import Lower, customise_tokenizer, like_num

SPANS_KEY = "rules"
SENTENCES = "extractor_sentences"
RULER = "extractor_rules"
RULE_RULER = "extractor_span_ruler"  # the factory of the RULER component

# Doc/Span/Token extensions: none yet. Declare any here, in one table, so they are registered in one place.
EXTENSIONS: dict[str, dict] = {}


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
    customise_tokenizer(nlp)
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
        self._blank: dict[int, bool] = {}  # ORTH id -> whether the token is whitespace

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        orths, idxs = doc.to_array(_TOKEN_COLUMNS).T.tolist()
        firsts = [0]  # the sentences' first tokens
        terminators = self.terminators
        for i in compress(range(len(orths) - 1), map(terminators.__contains__, orths)):  # C loops, not bytecode
            following = self._next_word(orths, i + 1)
            if following is not None and self._can_open(orths[following]):
                firsts.append(following)  # increasing: the first word after a terminator comes after it
        starts = numpy.full(len(doc), -1, dtype="int64")  # -1: not a start
        starts[firsts] = 1
        doc.from_array([SENT_START], starts.view("uint64"))
        _TOKENS[doc] = (orths, idxs, firsts)
        return doc

    def _next_word(self, orths: list[int], at: int) -> int | None:
        """The first token from `at` that is not whitespace: spaCy makes a token of every space after the first
        ("80%.  OS was"), and that blank stays with the sentence it follows."""
        while at < len(orths) and self._is_blank(orths[at]):
            at += 1
        return at if at < len(orths) else None

    def _can_open(self, orth: int) -> bool:
        opens = self._opens.get(orth)
        if opens is None:
            opens = self._opens[orth] = bool(_OPENS_SENTENCE.match(self.strings[orth]))
        return opens

    def _is_blank(self, orth: int) -> bool:
        blank = self._blank.get(orth)
        if blank is None:
            blank = self._blank[orth] = self.strings[orth].isspace()
        return blank


_OPENS_SENTENCE = re.compile(r"^[A-Z0-9(\[“\"]")
_TOKEN_COLUMNS = [ORTH, IDX]

# Doc -> its tokens' ORTH ids and character offsets, and its sentences' first tokens, as the segmenter read
# and set them; handed to the ruler after it (`Doc.to_array` costs more than a short doc's walk, and the ruler needs
# the offsets of its spans). Taken by the ruler, and weakly keyed: an entry lives from one component to the next, or
# dies with its doc. The ruler trusts it only while the doc has as many tokens.
_TOKENS: "weakref.WeakKeyDictionary[Doc, tuple]" = weakref.WeakKeyDictionary()


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
    span's characters grow with its token indices. Called as a component after the segmenter, it builds no Span
    per match at all: it knows each match's characters from the segmenter's offsets and fills the group by
    rewriting one Span (a new Span reads three Tokens for its characters).

    It also keeps the spans it sets as plain tuples (`rule_matches`): reading them back from `doc.spans` builds a
    new Span, and three Tokens, per span; and the segmenter's sentences with them (`rule_sentences`).
    """

    def clear(self) -> None:
        super().clear()
        self.matcher = TokenPatternMatcher(self.nlp.vocab, validate=self.validate)
        self._names: dict[int, tuple[int, int, str, str]] = {}  # match key -> (label, id) as string ids and strings
        self._sizes = _Lengths(self.nlp.vocab.strings)
        self._by_stem: frozenset[int] = frozenset()  # match keys of the stem rules (see _named_by_stem)

    def add_patterns(self, patterns: list) -> None:
        super().add_patterns(patterns)
        strings = self.nlp.vocab.strings
        self._names = {key: (strings.add(entry["label"]), strings.add(entry["id"]), entry["label"], entry["id"])
                       for key, entry in self._match_label_id_map.items()}
        self._by_stem = frozenset(key for key, entry in self._match_label_id_map.items()
                                  if entry["id"].startswith(STEM_ID))

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            tokens = _segmented(doc)
            kept = self._kept(doc, tokens)
            if tokens is not None and not self.annotate_ents and self._sets_a_new_group(doc):
                self._set_group(doc, kept, tokens)
            else:
                self._annotate(doc, _spans(doc, kept), kept)
            return doc
        except Exception as e:
            return error_handler(self.name, self, [doc], e)

    def match(self, doc: Doc) -> list[Span]:
        return _spans(doc, self._kept(doc, _segmented(doc)))

    def _kept(self, doc: Doc, tokens: tuple | None) -> list[tuple[int, int, int, int, str, str]]:
        """The matches to keep as (start, end, label, id, label_, id_), deduped, in the stock ruler's order (the
        strings never decide it: a match key is its label and id, so the set of (key, start, end) is deduped)."""
        self._require_patterns()
        found = self.matcher.find(doc, tokens[0] if tokens is not None else None)
        if len(self.phrase_matcher):  # an empty PhraseMatcher only warns
            found.update(self.phrase_matcher(doc))
        names = self._names
        kept = [(start, end, *names[key]) for key, start, end in found if start != end]
        if self._by_stem and not self._by_stem.isdisjoint([key for key, _, _ in found]):
            kept = self._named_by_stem(doc, kept)
        return sorted(kept)

    def _named_by_stem(self, doc: Doc, kept: list[tuple]) -> list[tuple]:
        """The matches with each stem rule's match (an id starting with STEM_ID) given its printed name in lower
        case as its id, the drug's own canonical name ("glofitamab"); dropped where a rule of the same label
        reads any of its words, whose id is the lexicon's ("blinatumomab" is a -mab too; "axicabtagene" alone is
        listed, so "axicabtagene ciloleucel" stays the lexicon's however its second word is spelled)."""
        named = [(start, end, label) for start, end, label, _, _, id_ in kept if not id_.startswith(STEM_ID)]
        strings, rows = self.nlp.vocab.strings, []
        for row in kept:
            start, end, label, _, label_, id_ = row
            if not id_.startswith(STEM_ID):
                rows.append(row)
            elif not any(s < end and start < e and lab == label for s, e, lab in named):
                name = doc[start:end].text.lower()
                rows.append((start, end, label, strings.add(name), label_, name))
        return list(dict.fromkeys(rows))  # two stems' rules may name one word ("selumetinib": -tinib, -metinib)

    def set_annotations(self, doc: Doc, matches: list[Span]) -> None:
        self._annotate(doc, matches, [(s.start, s.end, s.label, s.id, s.label_, s.id_) for s in matches])

    def _sets_a_new_group(self, doc: Doc) -> bool:
        """Whether `set_annotations` would set a group of exactly the matches (not one extended or filtered)."""
        return bool(self.key) and (self.overwrite or self.key not in doc.spans) and not self.spans_filter

    def _annotate(self, doc: Doc, matches: list[Span], kept: list[tuple[int, int, int, int, str, str]]) -> None:
        """`set_annotations`, with what `_kept` gives of each match already at hand for `rule_matches`."""
        fresh = self._sets_a_new_group(doc)
        super().set_annotations(doc, matches)
        if fresh:
            rows = [(start, end, span.start_char, span.end_char, label_, id_)
                    for (start, end, _, _, label_, id_), span in zip(kept, matches)]
            _RULE_MATCHES[doc] = (self.key, doc.spans[self.key], rows, None)

    def _set_group(self, doc: Doc, kept: list[tuple], tokens: tuple) -> None:
        """`set_annotations` for a new group, from the matches' characters in the segmenter's offsets: the group is
        filled by rewriting one Span, which `append` copies (the same group as from a Span per match)."""
        orths, idxs, firsts = tokens
        sizes, rows = self._sizes, []
        group = SpanGroup(doc, name=self.key)
        span, append = Span(doc, 0, 0), group.append
        for start, end, label, span_id, label_, id_ in kept:
            start_char, end_char = idxs[start], idxs[end - 1] + sizes[orths[end - 1]]
            span.start, span.end, span.start_char, span.end_char, span.label, span.id = \
                start, end, start_char, end_char, label, span_id
            append(span)
            rows.append((start, end, start_char, end_char, label_, id_))
        doc.spans[self.key] = group
        ends = firsts[1:] + [len(idxs)]
        sentences = [(start, end, idxs[start], idxs[end - 1] + sizes[orths[end - 1]])
                     for start, end in zip(firsts, ends)]
        _RULE_MATCHES[doc] = (self.key, group, rows, sentences)


class _Lengths(dict):
    """ORTH id -> the length of its string, worked out once per word (a token ends at its offset plus this)."""

    def __init__(self, strings):
        super().__init__()
        self.strings = strings

    def __missing__(self, orth: int) -> int:
        size = self[orth] = len(self.strings[orth])
        return size


def _segmented(doc: Doc) -> tuple | None:
    """The segmenter's record of the doc (`_TOKENS`), taken; None when there is none or the doc changed length."""
    tokens = _TOKENS.pop(doc, None)
    return tokens if tokens is not None and len(tokens[0]) == len(doc) else None


def _spans(doc: Doc, kept: list[tuple]) -> list[Span]:
    return [Span(doc, start, end, label=label, span_id=span_id) for start, end, label, span_id, _, _ in kept]


# Doc -> (spans key, the SpanGroup set, its spans as tuples, the segmenter's sentences as tuples or None). Weakly
# keyed, so an entry dies with its doc; the group holds its doc only weakly and the rows are ints and strings, so an
# entry does not keep its doc alive either.
_RULE_MATCHES: "weakref.WeakKeyDictionary[Doc, tuple]" = weakref.WeakKeyDictionary()


def rule_matches(doc: Doc, key: str = SPANS_KEY) -> list[tuple[int, int, int, int, str, str]] | None:
    """`doc.spans[key]` as (start, end, start_char, end_char, label_, id_) tuples, in the group's order (by start,
    then end), when a RuleSpanRuler set that group and it is unchanged (the same object, of the same length);
    otherwise None (a doc built or changed elsewhere, or unpickled: read `doc.spans`). Do not modify the list."""
    kept = _unchanged(doc, key)
    return kept[2] if kept is not None else None


def rule_sentences(doc: Doc, key: str = SPANS_KEY) -> list[tuple[int, int, int, int]] | None:
    """`doc.sents` as (start, end, start_char, end_char) tuples, as the segmenter set them, when the ruler after it
    set the group `key` and `rule_matches` holds for it, and no hook replaces `doc.sents`; otherwise None. Valid
    while the sentence starts are not changed after the pipeline. Do not modify the list."""
    kept = _unchanged(doc, key)
    return kept[3] if kept is not None and "sents" not in doc.user_hooks else None


def _unchanged(doc: Doc, key: str) -> tuple | None:
    kept = _RULE_MATCHES.get(doc)
    if kept is None:
        return None
    kept_key, group, rows, _ = kept
    if kept_key != key or doc.spans.get(key) is not group or len(group) != len(rows):
        return None
    return kept
