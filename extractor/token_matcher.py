"""`TokenPatternMatcher`: the span ruler's token patterns matched in one pass over a doc's tokens."""
from __future__ import annotations

import re
from itertools import compress

from spacy import attrs
from spacy.attrs import LOWER, ORTH
from spacy.matcher import Matcher
from spacy.schemas import validate_token_pattern
from spacy.tokens import Doc


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
    (its attributes, its entries, its answer to each check, the DFA's moves), like spaCy's own lexeme cache;
    nothing larger is kept.
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
        # patterns whose first token is known by a REGEX only ("^[a-z]{4,}mab$"): (column, regex, entry), tried only
        # where a word passing the regex stands, each word tested once when first seen (see _learn)
        self._by_regex: list[tuple[int, "_RegexValues", _Entry]] = []
        self._attrs: list[int] = [ORTH, LOWER]  # the to_array columns the compiled patterns read
        self._keys: set[str] = set()  # every key added, compiled or not
        self._common = frozenset(vocab.strings.add(word) for word in _COMMON_TOKENS)
        # Per word (ORTH id), learnt from the docs: every attribute read is the lexeme's, so a word's row of
        # attributes, the entries to try where it occurs and whether it passes a check are the same in every doc
        # (like spaCy's lexeme cache).
        self._row_of: dict[int, tuple] = {}
        self._entries_of: dict[int, tuple] = {}  # every word seen: () when none
        self._words = _WordChecks(self._row_of)  # each check of the compiled patterns, answered once per word

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
            for steps in self._variants(compiled):
                self._index(_Compiled(self.vocab.strings.add(key), steps))
        self._row_of.clear()  # new attributes to read, new entries to try, new checks to learn
        self._entries_of.clear()
        self._words.forget()

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

    def _variants(self, steps: list, expansions: int = 3) -> list[list]:
        """The pattern as alternatives with the same matches: while its leading one-token steps have no selective
        string to be filed under ("30-day mortality": a number, then an optional dash), the optional step after
        them is taken out in one alternative and made a one-token step in the other."""
        prefix = next((i for i, (_, op) in enumerate(steps) if op != "1"), len(steps))
        selective = any(column < 2 and isinstance(values, frozenset) and not self._has_common(values)
                        for checks, _ in steps[:prefix] for column, values in checks)
        if selective or expansions == 0 or prefix == len(steps) or steps[prefix][1] != "?":
            return [steps]
        without = steps[:prefix] + steps[prefix + 1:]
        with_it = steps[:prefix] + [(steps[prefix][0], "1")] + steps[prefix + 1:]
        return [v for alternative in (without, with_it) if alternative
                for v in self._variants(alternative, expansions - 1)]

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
            # Strings before flags, then values that are not among the commonest tokens, then the earliest.
            key = min(keyed, key=lambda check: (check[1] >= 2, self._has_common(check[2]), check[0], check[1]))
            others = sorted((check for check in leading if check is not key), key=lambda check: (
                not isinstance(check[2], frozenset), check[1] >= 2,
                isinstance(check[2], frozenset) and self._has_common(check[2]), abs(check[0] - key[0]), check[0]))
            self._file(key, _Entry(key[0], others, compiled, self._words, key))
            return
        for step, (checks, op) in enumerate(compiled.steps):  # optional leading steps: each may hold the first
            known = [(column, values) for column, values in checks if isinstance(values, frozenset)]  # up to a "1"
            if not known:
                regex = [(column, values) for column, values in checks if isinstance(values, _RegexValues)]
                if step == 0 and op == "1" and regex:  # a first token known by a REGEX: tried where a word passes it
                    self._by_regex.append((*regex[0], _Entry(0, leading, compiled, self._words, (0, *regex[0]))))
                    return
                self._anywhere.append(_Entry(0, leading, compiled, self._words))  # tried everywhere
                return
            key = (0, *min(known, key=lambda k: k[0]))
            self._file(key, _Entry(0, [], compiled, self._words, key))
            if op == "1":
                return

    def _has_common(self, values: frozenset) -> bool:
        return not values.isdisjoint(self._common)

    def _file(self, key: tuple, entry: "_Entry") -> None:
        offset, column, values = key
        for value in values:
            self._by_value.setdefault(column, {}).setdefault(value, []).append(entry)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        return sorted(self.find(doc), key=lambda m: (m[1], m[2], m[0]))

    def find(self, doc: Doc, orths: list[int] | None = None) -> set[tuple[int, int, int]]:
        """Every match (key, start, end), unordered. `orths`: the doc's ORTH ids when the caller has them."""
        found = set(self.fallback(doc)) if len(self.fallback) else set()
        if not len(doc) or not (self._by_value or self._anywhere or self._by_regex):
            return found
        if orths is None or len(orths) != len(doc):
            orths = doc.to_array(ORTH).tolist()
        try:
            entries = list(map(self._entries_of.__getitem__, orths))  # a C loop: no bytecode per token
        except KeyError:
            self._learn(doc, orths)
            entries = list(map(self._entries_of.__getitem__, orths))
        length, row_of = len(orths), self._row_of
        for at in compress(range(length), entries):  # the tokens with entries
            for shift, passing, entry in entries[at]:
                gated = at + shift  # most entries fail their gate: no call
                if 0 <= gated < length and passing[orths[gated]]:
                    entry.match(orths, at - entry.offset, found, row_of)
        for entry in self._anywhere:
            for start in range(length):
                entry.match(orths, start, found, row_of)
        return found

    def _learn(self, doc: Doc, orths: list[int]) -> None:
        """Remember the doc's words not seen before: their rows of attributes and the entries to try where they
        occur."""
        for orth, row in zip(orths, doc.to_array(self._attrs).tolist()):
            if orth not in self._row_of:
                row = self._row_of[orth] = tuple(row)
                entries = [entry for column, buckets in self._by_value.items() for entry in buckets.get(row[column], ())]
                entries += [entry for column, regex, entry in self._by_regex if row[column] in regex]
                self._entries_of[orth] = tuple((*entry.gate, entry) for entry in entries)


# Tokens in nearly every sentence of an abstract: a pattern filed under one of them is tried almost everywhere, so
# it is filed under another of its tokens when it has one (the matches are the same either way).
_COMMON_TOKENS = (",", ".", "(", ")", "[", "]", "%", "-", "–", "/", ";", ":", "=", "and", "or", "of", "the", "in",
                  "with", "to", "a", "an", "was", "were", "for", "at", "on", "by", "as", "is", "patients")


class _Entry:
    """A compiled pattern as filed under one of its tokens' values: that token's offset in the pattern and the
    other checks of the pattern's leading one-token steps, as (offset, `_Passing`). Filed under a value, it has a
    gate: a check that `match` would make, as (offset from the filed-under token, `_Passing`), which the caller
    tries first, so that most tries cost no call. Every check is one lookup by ORTH id: a word's row is read only
    when a check or the DFA first meets the word."""

    __slots__ = ("offset", "checks", "compiled", "gate", "next_words")

    def __init__(self, offset: int, checks: list, compiled: "_Compiled", words: "_WordChecks",
                 key: tuple | None = None):
        self.offset, self.compiled = offset, compiled
        self.checks = tuple((check_offset, words.passing([(column, values)]))
                            for check_offset, column, values in checks)
        after = compiled.next_token
        self.next_words = None if compiled.fixed or after is None else words.passing(after)
        self.gate = None if key is None else self._gate(key, words)

    def _gate(self, key: tuple, words: "_WordChecks") -> tuple:
        """The first of `checks`; else the check the token after the leading steps must pass ("B" then an optional
        dash or "lineage"); else the filed-under value itself (which passes)."""
        if self.checks:
            offset, passing = self.checks[0]
            return offset - self.offset, passing
        if self.next_words is not None:
            return self.compiled.prefix - self.offset, self.next_words
        return 0, words.passing([key[1:]])

    def match(self, orths: list, start: int, found: set, row_of: dict) -> None:
        """Add to `found` every match of the pattern starting at `start` (where the filed-under token matched)."""
        compiled = self.compiled
        prefix = compiled.prefix
        if start < 0 or start + prefix > len(orths):
            return
        for offset, passing in self.checks:
            if not passing[orths[start + offset]]:
                return
        if compiled.fixed:
            found.add((compiled.key, start, start + prefix))
            return
        at = start + prefix
        if self.next_words is not None:  # most tries that get here fail here, without running the DFA
            if at == len(orths) or not self.next_words[orths[at]]:
                return
        for end in compiled.ends_after_prefix(orths, at, row_of):
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
        # A lazy DFA: per word (its ORTH id), the states it leads to from a set of states, worked out once.
        self._after: dict[tuple, frozenset] = {}
        # (column, values) pairs one of which the token after the prefix must pass; None if the prefix may end a match
        final = len(steps)
        self.next_token = None if final in self.start_states else _one_of(
            [steps[state][0] for state in sorted(self.start_states)])

    def ends_after_prefix(self, orths: list, at: int, row_of: dict) -> list[int]:
        """Every end of a match whose leading one-token steps matched the tokens before `at` (`row_of`: each word's
        row of attributes)."""
        final, states, after = len(self.steps), self.start_states, self._after
        ends = [at] if self.prefix and final in states else []
        while at < len(orths) and states:
            key = (states, orths[at])
            reached = after.get(key)
            if reached is None:
                reached = after[key] = self._step(states, row_of[orths[at]])
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


class _WordChecks:
    """Each check of the compiled patterns (a value set, a REGEX, a flag, or one of several checks on different
    attributes) as a `_Passing`: whether a word (ORTH id) passes it, worked out the first time the word is checked
    there and kept, so that every later check is one dict lookup. Checks made of the same values share one."""

    def __init__(self, row_of: dict):
        self._row_of = row_of
        self._made: dict[tuple, _Passing] = {}

    def passing(self, checks: list) -> "_Passing":
        """Whether a word passes one of `checks` [(column, values)], as a mapping ORTH id -> bool."""
        key = tuple(checks)
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = _Passing(key, self._row_of)
        return made

    def forget(self) -> None:
        """Forget every word's answer (the words' rows are read again)."""
        for made in self._made.values():
            made.clear()


class _Passing(dict):
    """ORTH id -> whether the word passes one of some checks [(column, values)] on its row of attributes (`row_of`,
    learnt for every word of a doc before it is matched); a word's answer is worked out once (`__missing__`)."""

    def __init__(self, checks: tuple, row_of: dict):
        super().__init__()
        self.checks, self.row_of = checks, row_of

    def __missing__(self, orth: int) -> bool:
        row = self.row_of[orth]
        passes = self[orth] = any(row[column] in values for column, values in self.checks)
        return passes


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
