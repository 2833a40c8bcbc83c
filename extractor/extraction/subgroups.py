"""Subgroups: the readable name of the group of patients a figure belongs to, read from the sentence that states it.

`ArmIndex.labels` (extraction/arms.py) asks here when a sentence's values are not the study's arms. The group names
come from the sentence's own words, in these shapes:
- a group right after a value: "OS of 12% in patients younger than 20 years vs 3% in those older than 50 years";
- a group right before the value's bracket: "Median OS in patients with CR (19.8 months) ... those without CR (6.0
  months)", "Three older responders (15%) and 61 younger responders (59%)";
- two groups around a comparison word, the values in a bracket: "greater in the 17 patients with B-precursor ALL
  than in the eight with T-ALL (76% vs. 12%)", "higher in patients aged 40 years or older compared with the younger
  subgroup (33 vs 8%)", the first group as the sentence's subject ("complete MRD responders had longer RFS (23.6 vs
  5.7 months) compared with MRD nonresponders"), or the named group and its complement ("patients with no MRD had
  superior survival (100% vs 38%)" -> "no MRD" / "MRD");
- a list that "respectively" zips: "for standard, intermediate and high risk groups were 92%, 64% and 14%,
  respectively", "in patients who did or did not respond, respectively", "with and without censoring".
A list over time points, endpoints or grades ("OS at 2 and 5 years was 19% and 13%, respectively", "grade 3 or 4
events") is not a list of groups. One value: the group after it, or the sentence's subject ("Patients with a low
disease burden had a median EFS of 10.6 months").

Names are normalised compactly by the cues of patterns/subgroup_cues.jsonl (a data file: `rewrite` regexes applied in
order, `whole` words that describe the study population itself, `not_group` list heads): "patients aged 40 years or
older" -> "aged >=40 years", "younger than 20 years" -> "age <20 years", "who did not respond" -> "non-responders",
"those without CR" -> "no CR". A name made only of population words and title words is the whole cohort (`all`).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from re import _constants, _parser  # parse trees: a leading ^ (_anchored), a required digit (_needs_digit)


# "or" that bounds a threshold or a line of therapy, not a list: "aged 55 years or older", "second or later salvage";
# nor the study's disease states ("relapsed or refractory").
NOT_A_BOUND = r"(?!\s(?:older|younger|more|less|later|subsequent|beyond|earlier|higher|lower|above|below|greater|over|under|longer|shorter|refractory)\b|\s?=)"  # "aged > or =60 years"
# A therapy some patients had before ("prior blinatumomab", "previous HSCT"), not the prior therapy every patient of
# a salvage study had ("prior therapy", "previous regimens", "prior chemotherapy").
PRIOR_AGENT = r"(?:prior|previous)\s(?!(?:therapy|therapies|treatments?|regimens?|lines?|salvage|chemotherapy|induction)\b)"
# Where a group phrase read forwards stops: punctuation, a comparison word, a verb (not a participle after "the" or
# "with": "in the relapsed group", "for those with relapsed disease"), another value.
_NOT_AFTER_COMPARATIVE = r"(?<!more)(?<!less)(?<!younger)(?<!older)(?<!longer)(?<!shorter)(?<!greater)(?<!fewer)(?<!higher)"
# A dose after "at" is part of the group's name ("in patients treated at 1 × 10^6 cells/kg"), a time point is not.
_DOSE_ON = r"[\d.]+\s?(?:[×x]\s?10|(?:mg|µg|μg|mcg)/)"
_STOP_FORWARD = re.compile(
    r"\s?[,;:()\[\]]|\s(?:vs\.?|versus|v\.|compared|and(?!\srefractory\b)(?!\s(?:older|younger|over|above|under)\b)|or" + NOT_A_BOUND + r"|but|whereas|while|respectively|remaining|at\s(?!" + _DOSE_ON + r")\d+(?:\.\d+)?)\b"
    r"|" + _NOT_AFTER_COMPARATIVE + r"\sthan\b"
    r"|(?<!who)(?<!that)(?<!\bthe)(?<!\bwith)(?<!\bhad)(?<!\bhave)(?<!\bhas)\s(?:had|has|have|was|were|is|are|achieved|showed|developed|experienced|reached|remained|"
    r"obtained|attained|proceeded|went|underwent|demonstrated|displayed|presented|relapsed|died|received|responded|required|could)\b|\s?\d+(?:\.\d+)?\s?%|\.(?:\s|$)|$")
# Where a group phrase read backwards (from a bracket or a comparison word) starts.
_STOP_BACKWARD = re.compile(
    r"(?:^|[,;:()\[\]]\s?|\b(?:in(?!\swhom)|for|among|between|to|versus|vs\.?|and|but|of)\s|" + _NOT_AFTER_COMPARATIVE +
    r"\sthan\s|\b(?P<verb>was|were|is|are|had)\s)"
    r"(?=[^,;:()\[\]]*$)", re.I)
_CONNECTIVE = re.compile(r"(?:" + _NOT_AFTER_COMPARATIVE + r"\sthan(?:\s(?:in|for|among|with))?|\s(?:as\s)?compared\s(?:to|with)|"
                         r"\sin\scomparison\s(?:to|with)|\sversus|\svs\.?|\srelative\sto)\s(?:in\s|for\s|among\s|with\s)?", re.I)
_SIMILAR_AS = re.compile(r"\b(?:similar|same|comparable)\b[^,;]{0,80}?\sas\s", re.I)
_COMPARATIVE = re.compile(r"\b(?:superior|inferior|longer|shorter|higher|lower|better|worse|greater|improved|"
                          r"poorer|increased|reduced|more|less)\b", re.I)
_SUBJECT = re.compile(r"^\s*(?:(?:In|Among)\s[^,]{1,60},\s|(?:Overall|In\saddition|Moreover|Notably|Similarly),\s)?(?P<g>(?:(?i:patients?|subjects|those|children|adults|older|younger|"
                      r"(?:[\w+\-]+\s){0,2}(?:responders|nonresponders|non-responders))|(?:[A-Z][\w\-]*?[A-Z\d+\-]|[a-z]\w*-)[\w+/\-]*\s"
                      r"(?:[\w+\-]+\s)?(?:patients|responders|nonresponders|subjects|cases))\b[^;]{0,140}?)"
                      r"(?<!who)(?<!to)\s(?:had|has|have|achieved|showed|experienced|were|was|demonstrated|obtained|attained|"
                      r"reached|displayed)\b")
_POPULATION = r"(?:children|adults|adolescents|infants|older\sadults|younger\sadults|young\sadults)"
_POPULATION_SUBJECT = re.compile(r"^\s*(" + _POPULATION + r")\s(?:had|have|showed|achieved|experienced)\b", re.I)
_POPULATION_WORD = re.compile(_POPULATION, re.I)
# Where a clause with a subject of its own opens: "..., while Ph- patients had", "; patients with CR had".
_CLAUSE_BREAK = re.compile(r";\s|,?\s(?:while|whereas)\s|,\sbut\s")
_SUBJECT_OK = re.compile(r"^(?:patients?|subjects|those|children|adults)\s(?:with|who|whose|aged|younger|older|under|over|"
                         r"above|below|found|achieving|receiving|treated|previously|pretreated|exposed|undergoing|transplanted|allografted|"
                         r"assigned|randomi[sz]ed|allocated|"
                         r"bridged|in)\b|^(?!patients?\b|subjects\b|those\b|"
                         r"children\b|adults\b)", re.I)
_LEADING_OF = re.compile(r"^\s*Of\s(?:the\s)?(?:\d+|[a-z]+(?:-[a-z]+)?)\s(?P<g>[^,;()\d]{2,60}),\s")
# ... and responders without a count or article: "Of responders, 85% were MRD-negative".
_LEADING_OF_RESPONDERS = re.compile(r"^\s*Of\s(?P<g>(?:non-?)?(?:responders|responding\spatients)),\s", re.I)
_AFTER = re.compile(r"^(?:\s?(?:%|percent|months?|mo|years?|weeks?|days?))?(?:\)(?=\s(?:(?:patients|subjects)\s)?(?:in|among|for|at(?=\s(?:the\s)?(?:dose\slevels?\s\d|DL\s?-?\d|(?:two\s|three\s)?(?:highest|lowest|higher|lower|recommended|maximum)\s(?:two\s|three\s)?(?:phase\s(?:2|II)\s)?(?:tolerated\s)?dose)))\s))?(?:\s?[(\[][^()\[\]]{0,80}[)\]])*"
                    r"(?:\s?(?:%|months?|mo|years?|weeks?|days?))?,?\s(?:(?:patients|subjects)\s(?=in\s|at\s(?:the\s)?dose\slevels?\s\d))?(?:in|for|among|of|at(?=\s(?:the\s)?(?:dose\slevels?\s\d|DL\s?-?\d|(?:two\s|three\s)?(?:highest|lowest|higher|lower|recommended|maximum)\s(?:two\s|three\s)?(?:phase\s(?:2|II)\s)?(?:tolerated\s)?dose))|"
                    r"(?:by|on)(?=\s(?:an?\s)?intention[\s\-]to[\s\-]treat\b)|after(?=\s" + PRIOR_AGENT + r"))\s",
                    re.I)  # "21 of 25 (84%) patients in first salvage and 12 of 23 (52%) in second salvage", "74% by intention to treat",
# "55% after prior blinatumomab" (a therapy the group had before; not "after two cycles", a time of assessment)
# A list item: no number but one in a name ("CR2"); "or" bounding a line of therapy stays in it ("third or later").
_ITEM = r"(?:(?!\b(?:for|in|among|between|were|was|had|is|are|with)\b)(?:[^,;:()\d]|(?<=[A-Za-z])\d|(?<=[A-Za-z]\d)\d)){1,40}?"  # "KMT2A", "TP53", "CD19"
_ITEM_SPLIT = re.compile(r",\s+(?:and\s|or\s)?|\s+(?:and|or" + NOT_A_BOUND + r")\s")
_LIST = re.compile(r"(?:^|\b(?:for|in|among|of|between)\s)(?:the\s)?(?:(?P<noun>patients|subjects|those)\s(?:with\s|in\s)?)?"
                   r"(?P<list>" + _ITEM + r"(?:,\s+" + _ITEM + r")*,?\s+(?:and|or)\s(?:with\s)?" + _ITEM + r")"
                   r"(?:\s+(?P<head>groups?|cohorts?|subgroups?|arms?|patients|subsets?))?(?=\s*[,;]|\s+(?:were|was|had|"
                   r"respectively|received|underwent)\b|$)", re.I)  # "Pediatric (n = 25) and adult (n = 35) patients received X",
# "for patients in CR1, CR2 or with active disease" (the last item's own "with")
_DID_OR_NOT = re.compile(r"\b(?:who\s)?(did|were|had|could)\s(?:or|and)\s(?:did|were|had|could)\snot\s(?P<v>[^,;()]{2,60}?)"
                         r"(?=\s?[,;()]|\s(?:respectively)\b|\.?$)", re.I)
_WITH_WITHOUT = re.compile(r"\bwith\s(?:and|or|versus|vs\.?)\swithout\s(?P<x>[^,;()]{2,60}?)(?=\s(?:was|were|is|are|had)\b|\s?[,;()]|\.?$)",
                           re.I)
# A share that bounds a group, inside its name: "with >50% blasts", "with 50% or more marrow blasts".
_THRESHOLD_SHARE = r"(?<=[<>≤≥=])\d+(?:\.\d+)?\s?%?|(?<=\s)\d+(?:\.\d+)?\s?%(?=\sor\s(?:more|greater|higher|less|fewer|lower)\b)"
# A group between an endpoint and its value: "the median OS of patients who underwent HSCT was".
_OF_GROUP_WAS = re.compile(r"\b(?:of|in|for|among)\s(?:the\s)?(?P<g>(?:patients|those|children|adults)\s(?:who|with|without|"
                           r"receiving|treated|achieving|in)\s(?:[^,;()\d]|(?<=[A-Za-z])\d|(?<=[A-Za-z]\d)\d|" + _THRESHOLD_SHARE + r"){2,60}?)"
                           r"(?:\s(?:it|they))?\s(?:was|were|is|are)\s$",
                           re.I)  # a number inside a name stays in it ("with KMT2A rearrangement"); "in those with B-ALL it was"
# What is left of a complement that leaves its verb out: "(those) who did not", "(those) who had not".
_ELIDED_NOT = re.compile(r"(?:those\s|patients\s)?(?:who\s)?(?:did|had|were|could)\snot|(?:those\s|patients\s)?without|not",
                         re.I)  # ("not": what `name` leaves of "those who had not")
# A value's group named after its noun ("(80%) patients with Ph+ ALL"), and one that leaves the noun out ("(50%) with").
_VALUE_TAIL = r"(?:[^()\[\]]{0,40}[)\]])?\s?%?\)?"
_NOUN_WITH = re.compile(_VALUE_TAIL + r"\s(?:of\s)?(?:the\s)?(?:patients|subjects|children|adults)\s(?=with\s)", re.I)
_ELIDED_WITH = re.compile(_VALUE_TAIL + r"\s(?:of\s|in\s)?with\s", re.I)
_OPERATORS = {">=": "<", "<=": ">", ">": "<=", "<": ">=", "≥": "<", "≤": ">"}
_MAX = 90


@lru_cache(maxsize=4)
def cues(patterns_dir: str | None = None) -> tuple:
    """The cues of patterns/subgroup_cues.jsonl by kind: (rewrites, whole-cohort words, not-group list heads,
    treatment cues, schedule words of arms)."""
    from extractor.config import Settings
    from extractor.patterns import load_subgroup_cues

    loaded = load_subgroup_cues(Path(patterns_dir) if patterns_dir else Settings().patterns_dir)
    return (tuple(c for c in loaded if c.kind == "rewrite"), tuple(c for c in loaded if c.kind == "whole"),
            tuple(c for c in loaded if c.kind == "not_group"), tuple(c for c in loaded if c.kind == "treatment"),
            tuple(c for c in loaded if c.kind == "schedule"))


def name(phrase: str | None) -> str | None:
    """A written group phrase as a compact label ("patients aged 40 years or older" -> "aged >=40 years"), or None
    when nothing of a name is left ("the patients", "twelve")."""
    if not phrase:
        return None
    text = " ".join(phrase.split()).strip(" ,.;:")
    if len(text) > 2 * _MAX:
        return None
    runs = _rewrite_runs()
    digit = _DIGIT.search(text) is not None  # most names hold none, and a third of the cues need one
    for _ in range(2):  # leading words come off in layers ("in the 17 patients with ...")
        before = text
        for opening, rewrites in runs:
            if opening is not None and opening.match(text) is None:
                continue  # no rewrite of the run matches at the start, so none changes the text
            for pattern, replace, needs_digit, anchored in rewrites:
                if needs_digit and not digit:
                    continue
                if anchored:  # its one match is at the start: a match and a slice do what sub does, at half its cost
                    m = pattern.match(text)
                    if m is None:
                        continue
                    rewritten = (replace if isinstance(replace, str) else replace(m)) + text[m.end():]
                else:
                    rewritten = pattern.sub(replace, text)
                    if rewritten is text:  # re returns the text itself when nothing matched (then stripped already)
                        continue
                text = rewritten.strip(" ,.;:")
                digit = _DIGIT.search(text) is not None
        if text == before:
            break  # a second pass over an unchanged text would change nothing either
    text = " ".join(text.split())
    if len(text) > _MAX:
        return None
    if _CAPITAL_WORD.match(text):  # a sentence's capital is not part of the name ("Older adults")
        text = text[0].lower() + text[1:]
    if not text or _NO_NAME.fullmatch(text) or _NUMBERS_ONLY.fullmatch(text):
        return None
    return text


@lru_cache(maxsize=1)
def _rewrite_runs() -> tuple:
    """The `rewrite` cues in file order as runs of (pattern, replacement) steps, each run of consecutive cues anchored at
    the start ("^(?:the|those|these)\\s") with one pattern that matches where one of them does (None for a run of
    one unanchored cue): most names start as no cue of a run does, and one test spares the run's ~20 subs. A
    replacement with group references ("\\1") is a function of the match: re would otherwise parse it on every call,
    also when nothing matches. Each step carries whether its cue can only match a text with a digit (`_needs_digit`)
    and whether it is anchored."""
    runs: list[tuple[list, list]] = []
    for cue in cues()[0]:
        step = (cue.pattern, (lambda m, template=cue.replace: m.expand(template)) if "\\" in cue.replace
                else cue.replace, _needs_digit(_parser.parse(cue.pattern.pattern, cue.pattern.flags).data),
                _anchored(cue.pattern))
        if _anchored(cue.pattern) and runs and runs[-1][0]:
            runs[-1][0].append(cue.pattern.pattern)
            runs[-1][1].append(step)
        else:
            runs.append(([cue.pattern.pattern] if _anchored(cue.pattern) else [], [step]))
    return tuple((_any_of(patterns), tuple(steps)) for patterns, steps in runs)


def _needs_digit(items) -> bool:
    """A parsed pattern (re's parse tree) matches only where a digit (\\d) is: one is a required item of its
    sequence, of a group or lookahead in it, of a repeat at least once, or of every branch ("(?=\\d)", "(\\d+)")."""
    for op, arg in items:
        if op is _constants.IN and arg == [(_constants.CATEGORY, _constants.CATEGORY_DIGIT)] \
                or op is _constants.SUBPATTERN and _needs_digit(arg[-1]) \
                or op is _constants.ASSERT and arg[0] == 1 and _needs_digit(arg[1]) \
                or op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT) and arg[0] >= 1 and _needs_digit(arg[2]) \
                or op is _constants.BRANCH and all(_needs_digit(branch) for branch in arg[1]):
            return True
    return False


def _anchored(pattern: re.Pattern) -> bool:
    """The pattern matches only at the start of a text: it opens with ^ (no top-level alternative, no MULTILINE)."""
    if pattern.flags & re.M:
        return False
    parsed = _parser.parse(pattern.pattern, pattern.flags)
    return bool(parsed.data) and parsed.data[0] == (_constants.AT, _constants.AT_BEGINNING)


def _any_of(patterns: list[str]) -> re.Pattern | None:
    """One case-insensitive pattern matching where any of the patterns does (None for none, or if they cannot be
    joined, as named groups of the same name)."""
    if not patterns:
        return None
    try:
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)
    except re.error:
        return None


_DIGIT = re.compile(r"\d")  # as the cues' \d (any Unicode digit)
_CAPITAL_WORD = re.compile(r"[A-Z][a-z]+(?=\s|$)")
# What is no group's name: "patients", "the majority", "this study", "years".
_NO_NAME = re.compile(r"(?:patients?|subjects|those|others?|ones|cases|them|whom|which|all|each|both|none|the|these|this|"
                      r"that|group|cohort|subgroup|arm|majority|minority|most|half|proportion|rest|remainder|"
                      r"(?:present|this|our|current)\s(?:study|trial|series|analysis)|years?|months?|weeks?|days?)"
                      r"(?:\s(?:subsequently|successfully|eventually|later|then))?", re.I)  # ("12 of whom subsequently")
_NUMBERS_ONLY = re.compile(r"[\d\s.,%/]+")  # "24/30" of "24/30 (80%)" names no group


def is_whole(label: str, title: str = "") -> bool:
    """The label names the study population itself: only population words (patterns/subgroup_cues.jsonl `whole`)
    and words of the title are left ("all evaluable patients", "patients with R/R B-ALL")."""
    if label.strip().lower() == "all":
        return True
    text = label.lower()
    if _other_state_in_title(text, title):
        return False
    for cue in cues()[1]:
        text = cue.pattern.sub(" ", text)
    title_words = _title_words(title)
    # (a joining mark left of a hyphenated pair of population words is none: "efficacy-evaluable population")
    return all(w in title_words for w in _LABEL_WORD.findall(text) if w.strip("-/"))


_LABEL_WORD = re.compile(r"[\w+/\-<>=]+")
_RELAPSED = re.compile(r"\b(?:relapsed|recurrent|r/r)\b")
_REFRACTORY = re.compile(r"\b(?:refractory|r/r)\b")


def _other_state_in_title(label: str, title: str) -> bool:
    """The label names one disease state of a study whose title names the other too, so a subgroup: "refractory
    patients" of a study of relapsed or refractory ALL, as its "relapsed patients" (not the "relapsed patients" of a
    study of relapsed ALL, nor "relapsed or refractory patients")."""
    if "relapsed" not in label and "refractory" not in label and "recurrent" not in label and "r/r" not in label:
        return False  # (a cheap necessary cue)
    relapsed, refractory = bool(_RELAPSED.search(label)), bool(_REFRACTORY.search(label))
    if relapsed == refractory:
        return False
    return bool((_REFRACTORY if relapsed else _RELAPSED).search(title.lower()))


# (module-level patterns here, not re's functions: re's own cache of 512 is shared with the arms' name patterns of
# each article, which push these out of it on articles it has not seen)
_TITLE_WORD = re.compile(r"[\w+/\-]+")


@lru_cache(maxsize=2)  # asked again for each label of one article
def _title_words(title: str) -> frozenset[str]:
    return frozenset(_TITLE_WORD.findall(title.lower()))


def not_a_group_list(text: str) -> bool:
    """The sentence's "respectively" zips grades or cycles ("grade 3 or 4 events"), not groups."""
    return any(cue.pattern.search(text) for cue in cues()[2])


def assigns_treatment(text: str) -> bool:
    """The sentence assigns treatments (a dose, schedule or randomisation cue), so arm codes it names are arms."""
    return any(cue.pattern.search(text) for cue in cues()[3])


def schedule_words() -> str:
    """One regex alternation of the schedule words that name arms of one drug ("administered early or late")."""
    return "|".join(f"(?:{c.pattern.pattern})" for c in cues()[4]) or r"(?!x)x"


_OPERATOR_BEFORE_NUMBER = re.compile(r"(>=|<=|>|<|≥|≤)(?=\d)")


def complement(label: str) -> str:
    """The other side of a group compared with everyone else: "no MRD" -> "MRD", "aged >=40 years" -> "aged <40
    years", "responders" -> "non-responders", "CR" -> "no CR"."""
    m = _OPERATOR_BEFORE_NUMBER.search(label)
    if m:
        return label[:m.start()] + _OPERATORS[m.group(1)] + label[m.end():]
    if label.lower().startswith("no "):
        return label[3:]
    if label.lower().startswith("not "):
        return label[4:]
    if label.lower() == "responders" or label.lower().endswith(" responders"):
        return label[:-len("responders")] + "non-responders"
    if _PARTICIPLE_GROUP.fullmatch(label):
        return f"not {label}"  # "bridged to transplant" -> "not bridged to transplant" (was "no bridged ...")
    return f"no {label}"


# A group named by a participle, maybe with its adverb and a prepositional phrase: "transplanted", "bridged to
# transplant", "heavily pretreated" (not "relapsed disease", a noun's adjective).
_PARTICIPLE_GROUP = re.compile(r"(?:\w+ly\s)?(?:transplanted|allografted|bridged|pretreated|infused|treated|consolidated)"
                               r"(?:\s(?:to|in|after|before|with|at|for|into|beyond)\b.*)?", re.I)


def bound_complement(label: str) -> str | None:
    """The other side of a group named by a bound ("CR1 >12 months" -> "CR1 <=12 months"), None for a group named
    otherwise (whose complement the sentence does not name)."""
    return complement(label) if _BOUND.search(label) else None


def comparative_before(text: str, at: int) -> bool:
    """A comparative word ("longer", "higher", "superior") before the position."""
    return _COMPARATIVE.search(text, 0, at) is not None


_BOUND = re.compile(r"(?:>=|<=|>|<|≥|≤)(?=\d)")


def group_and_rest(text: str, first_start: int, second: str | None) -> list[str] | None:
    """"The median survival of patients who underwent transplant was 20 months versus 6 months for those who did
    not": the group named between the endpoint and the first value, and the second value's group ("... versus 85%
    among those with a low disease burden"), or its complement when that is only the elided "those who did not"."""
    group = _group_before_verb(text, first_start)
    if not group or second == group:
        return None
    return [group, second if second is not None and not elided(second) else complement(group)]


def group_before_verb(text: str, value_start: int) -> str | None:
    """"The 1-year OS in patients with MRD-negative CR was 75%": the group named between an endpoint and the verb
    before its one value (the same reading as `group_and_rest`'s first group)."""
    return _group_before_verb(text, value_start)


def _group_before_verb(text: str, value_start: int) -> str | None:
    head = text[:value_start]
    if not _VERB_AT_END.search(head, max(0, len(head) - 6)):
        return None  # both patterns end with the verb, and re would try them at every position of the head
    m = _OF_GROUP_WAS.search(head) or _AMONG_GROUP_WAS.search(head) or _AFTER_PRIOR_WAS.search(head)
    count = _COUNT_WORD.search(m.group("g")) if m else None
    if m is None or count and not _NAMED_COUNT.search(count.group(0)):  # "among all 50 patients": a count, no name
        return None  # ("among the 22 AYA patients" names them)
    # "the proportion of patients who achieved CR was 50%" is a share, "the CR rate among Ph+ patients was 80%" a
    # group's; "the MRD negativity rate among the responders was 93%" is the cohort's (see response_state)
    if _SHARE_OF_END.search(text[:m.start()]) and (m.group(0)[:2].lower() == "of" and not _group_rate(text[:m.start()], m.group("g"))
                                                    or response_state(m.group("g"))):
        return None
    return name(_before_result_subject(m.group("g")))


def _before_result_subject(group: str) -> str:
    """A group read up to the verb without the result's own subject after it: "patients with Ph-positive ALL the CR
    rate" (of "In patients with Ph-positive ALL the CR rate was 80%") -> "patients with Ph-positive ALL"; an article
    after a preposition or verb is the group's ("patients treated with the combination")."""
    if " the " not in group:
        return group
    for m in _THE_AFTER_WORD.finditer(group):
        if m.group("w").lower() not in _BEFORE_AN_ARTICLE:
            return group[:m.start("w") + len(m.group("w"))]
    return group


_THE_AFTER_WORD = re.compile(r"(?P<w>[\w+\-/]+)\sthe\s")
_BEFORE_AN_ARTICLE = frozenset({"with", "of", "to", "in", "on", "for", "by", "at", "from", "into", "after", "before",
                                "received", "receiving", "underwent", "undergoing", "achieved", "achieving", "had",
                                "during", "within", "under", "over", "than", "and", "or", "who", "whom", "at"})


def response_state(label: str) -> bool:
    """The group is patients in a response state ("responders", "those with remission", "patients in CR/CRi"): the
    denominator of a response-conditional figure (MRD negativity, duration of response), which is the cohort's or the
    arm's, not a subgroup's."""
    return _RESPONSE_STATE.search(label) is not None


_RESPONSE_STATE = re.compile(r"respon|remission|\bCR(?:i|h|p)?\b", re.I)


_COUNT_WORD = re.compile(r"\b\d+\s(?:[\w\-]+\s){0,2}?(?:patients|responders|children|adults|subjects)\b")
_NAMED_COUNT = re.compile(r"^\d+\s(?:[\w\-]*[A-Z][\w+\-]*\s){1,2}")  # a word of who they are: "22 AYA patients", "15 Ph+ ..."


# A line of therapy a group is in: "first salvage", "second or later relapse".
_LINE = r"(?:first|second|third|fourth|1st|2nd|3rd|4th|later|subsequent)(?:\sor\s(?:later|subsequent|greater))?\s(?:salvage|relapse)"
# "Median RFS among responders was 6.9 months", "The CR rate among Ph-positive patients was 80%", "Median OS for
# patients older than 60 years was 5.2 months", "The median OS of Ph-negative patients was 7.5 months".
_AMONG_GROUP_WAS = re.compile(
    r"\b(?:in|among|for|of)\s(?:the\s)?(?P<g>(?:[\w+/\-]+\s){1,3}(?:patients|responders|children|adults|subjects|"
    r"subgroup|subset|cohort|arm|group)|"
    r"(?:non-?)?responders|(?:patients|children|adults)\s(?:aged|older|younger)\s[^,;()]{2,30}?|" + _LINE + r"|"
    r"(?:cohort|arm|group|stratum)\s(?:[A-Z]|\d{1,2}[A-Z]?)(?!\w))"  # a coded group: "The CR rate in cohort 1 was 42%"
    r"\s(?:was|were|is|are)\s$", re.I)
# ... and a therapy the group had before: "The CR rate after prior blinatumomab was 55%".
_AFTER_PRIOR_WAS = re.compile(r"\bafter\s(?P<g>" + PRIOR_AGENT + r"[^,;()\d]{2,50}?)\s(?:was|were|is|are)\s$", re.I)
# A group named before a value whose verb the clause leaves out, as the one before it said it: "The CR rate in first
# salvage was 70%, and in second salvage 50%".
_GROUP_VERB_ELIDED = re.compile(r"(?:,\s|\s)(?:and|but|while|whereas)\s(?:in|among|for)\s(?:the\s)?(?P<g>(?:(?:patients|those)\s(?:in|with)\s)?"
                                + _LINE + r"),?\s(?:(?:it\s)?(?:was|were)\s)?\Z", re.I)  # ("..., and in later salvage was 30%")


def group_before_elided_verb(text: str, value_start: int) -> str | None:
    """The line of therapy named right before a value whose verb is left out ("..., and in second salvage 50%")."""
    m = _GROUP_VERB_ELIDED.search(text, max(0, value_start - 80), value_start)
    return name(m.group("g")) if m else None


_VERB_AT_END = re.compile(r"\s(?:was|were|is|are)\s\Z", re.I)  # how _OF_GROUP_WAS and _AMONG_GROUP_WAS end
_SHARE_OF_END = re.compile(r"\b(?:proportion|percentage|percent|rate|number|share|fraction)\s$", re.I)
# (an endpoint's rate "of" a group is the group's: "The CR rate of patients with prior HSCT was 30%", not "the rate of
# patients achieving MRD negativity")
_ENDPOINT_RATE_END = re.compile(r"\b(?!(?:the|a|overall)\s)[\w/\-]+\srate\s$", re.I)
_ACHIEVED = re.compile(r"\b(?:who|achiev\w*|attain\w*|reach\w*|obtain\w*)\b", re.I)


def _group_rate(head: str, group: str) -> bool:
    """An endpoint's rate of a group defined by what it had, not by what it achieved (that is the share itself)."""
    return _ENDPOINT_RATE_END.search(head) is not None and _ACHIEVED.search(group) is None


def population_word(label: str) -> bool:
    return bool(_POPULATION_WORD.fullmatch(label))


# Populations as the subjects of clauses of their own: "Children (n = 25) had ... and adults (n = 35) had ...".
_POPULATION_CLAUSE = re.compile(r"(?:^|,\s|;\s|\s(?:and|while|whereas|but)\s)(?:the\s)?(" + _POPULATION + r")"
                                r"(?:\s?\([^()]{1,30}\))?\s(?:had|have|showed|achieved|experienced)\b", re.I)


def population_before_verb(text: str, start: int) -> str | None:
    """A population named between an endpoint and the verb before the value ("The CR rate in children was 90%"), a
    group only beside another population, which the caller checks."""
    m = _POPULATION_BEFORE_VERB.search(text, max(0, start - 50), start)
    return m.group(1).lower() if m else None


_POPULATION_BEFORE_VERB = re.compile(r"\b(?:in|among|for|of)\s(?:the\s)?(" + _POPULATION + r")\s(?:was|were|is|are)\s\Z", re.I)


def contrasted_population(text: str, start: int) -> str | None:
    """The population ("children") that is the subject of the value's clause, beside another population's clause in
    the sentence ("Children (n = 25) had a CR rate of 88% and adults (n = 35) had a CR rate of 66%"): a subgroup,
    not the study population its word alone would name."""
    if " had " not in text and " achieved " not in text and " showed " not in text and " experienced " not in text \
            and " have " not in text:
        return None  # a cheap necessary cue: the clauses' verbs
    clauses = list(_POPULATION_CLAUSE.finditer(text))
    if len({m.group(1).lower() for m in clauses}) < 2:
        return None
    own = [m for m in clauses if m.end() <= start]
    return own[-1].group(1).lower() if own else None


def rest_after(text: str, end: int) -> bool:
    """The value is of the patients left out of the group before it: "60% in patients with KMT2A rearrangement and 80%
    in the others" ("the remaining patients", "the rest")."""
    return _REST_AFTER.match(text, end) is not None


def rest_of(label: str) -> str:
    """The patients outside a group: its complement, a participle's negated ("heavily pretreated" -> "not heavily
    pretreated", "KMT2A rearrangement" -> "no KMT2A rearrangement")."""
    return f"not {label}" if label.endswith("ed") and not _BOUND.search(label) else complement(label)


_REST_AFTER = re.compile(r"\s?(?:%|months?)?\s(?:in|among|for|of)\s(?:all\s)?(?:the\s)?(?:others|other(?:\s\(n\s?=\s?\d+\))?\spatients|"
                         r"rest|remainder|remaining(?:\s\(n\s?=\s?\d+\))?(?:\spatients)?)(?=\s?[,;.)]|\s(?:and|or|vs\.?|versus)\b|$)", re.I)


def elided(label: str, before: str = "") -> bool:
    """A second group named only by what is left of its complement: "who did not", "without"; or, after a group
    named by a bound (`before`), a bare comparative ("more than 50% blasts ... those with fewer")."""
    return bool(_ELIDED_NOT.fullmatch(label) or _BOUND.search(before) and _ELIDED_COMPARATIVE.fullmatch(label))


_ELIDED_COMPARATIVE = re.compile(r"(?:fewer|less|lower|more|higher|greater)", re.I)


def comparative_side(label: str, before: str) -> bool:
    """A second group named by a comparative and the noun that the group before it bounds, on the other side: "a
    first remission lasting more than 2 years (... 36% versus 17% among those with a shorter first remission)" ->
    "shorter first remission" is "first remission <=2 years", the complement the gold names it by."""
    m = _COMPARATIVE_NOUN.fullmatch(label) if label[:1].lower() in "slhyofmg" else None
    bound = (_NOUN_BOUND.fullmatch(before) or _BOUND_NOUN.fullmatch(before)) if m else None
    if bound is None or bound.group("noun").lower() != m.group("noun").lower():
        return False
    below = m.group("cmp").lower() in ("shorter", "lower", "younger", "fewer", "less", "smaller")
    return below == bound.group("op").startswith((">", "≥"))


def bound_sides(labels: list[str]) -> list[str]:
    """Two groups, one named by a bound and the other by a comparative of the bounded noun (either order): the
    comparative one is named as the bound's complement (see `comparative_side`); an age word beside an age bound
    likewise (see `age_word_beside`)."""
    first, second = labels
    aged = age_word_beside(second, first) or age_word_beside(first, second)
    if aged:  # "50% in patients younger than 35 years and 30% in older patients": "age >=35 years"
        return [first, aged] if age_word_label(second) else [aged, second]
    if comparative_side(second, first):
        return [first, complement(first)]
    if comparative_side(first, second):
        return [complement(second), second]
    return labels


_COMPARATIVE_NOUN = re.compile(r"(?P<cmp>shorter|longer|lower|higher|younger|older|fewer|more|less|smaller|larger|greater)"
                               r"\s(?P<noun>(?:[^\d<>=]|(?<=[A-Za-z])\d){2,40})", re.I)
_BOUND_NOUN = re.compile(r"(?P<op>>=|<=|>|<|≥|≤)\d+(?:\.\d+)?\s?%?\s(?P<noun>[^\d<>=]{2,40})")  # "<50% marrow blasts"
_NOUN_BOUND = re.compile(r"(?P<noun>(?:[^\d<>=]|(?<=[A-Za-z])\d){2,40}?)\s(?P<op>>=|<=|>|<|≥|≤)\d+(?:\.\d+)?\s?(?:years?|months?|%)?")


def parallel_with(text: str, first_end: int, second_end: int) -> str | None:
    """"16 of 20 (80%) patients with Ph+ ALL and in 10 of 20 (50%) with Ph- ALL": the first value's group after its
    noun, read only when the second value's group leaves the noun out ("with Ph- ALL"), so the two are parallel
    ("45% of patients with a median follow-up of ..." names no group)."""
    if not _ELIDED_WITH.match(text, second_end):
        return None
    m = _NOUN_WITH.match(text, first_end)
    return name(_forward(text[m.end():])) if m else None


def _forward(text: str) -> str:
    # a karyotype's brackets and semicolon do not end the phrase ("patients with t(4;11) and ...")
    masked = _KARYOTYPE.sub(lambda m: "x" * len(m.group(0)), text) if _may_hold_karyotype(text) else text
    stop = _STOP_FORWARD.search(masked)
    while stop and (stop.group(0)[-1:] == "%" and (_THRESHOLD_BEFORE.search(masked, 0, stop.end() - len(stop.group(0).lstrip()))
                                                  or _THRESHOLD_AFTER.match(masked, stop.end()))
                    or stop.group(0)[-1:] == "(" and _THRESHOLD_BRACKET.match(masked, stop.start())):
        # a threshold is part of the name ("with <50% blasts"), and so is one that defines it in a bracket ("with
        # early relapse (<18 months)")
        after = _THRESHOLD_BRACKET.match(masked, stop.start()).end() if stop.group(0)[-1:] == "(" else stop.end()
        stop = _STOP_FORWARD.search(masked, after)
    return text[:stop.start()] if stop else text


# A bracket that defines the group before it by a threshold: "(<5% bone marrow blasts)", "(≥18 months)".
_THRESHOLD_BRACKET = re.compile(r"\s?\((?=[<>≤≥])[^()\[\];,]{2,40}\)")
_NOT_THRESHOLD_BRACKET = re.compile(r"\s?\((?![<>≤≥])[^()]*\)")


_THRESHOLD_BEFORE = re.compile(r"(?:[<>=≤≥]|\b(?:more|less|fewer|greater)\sthan)\s?\Z")  # "with more than 50% blasts"
_THRESHOLD_AFTER = re.compile(r"\sor\s(?:more|greater|higher|above|less|lower|below)\b")  # "with 50% or more blasts"


def _may_hold_karyotype(text: str) -> bool:
    """A cheap necessary cue of _KARYOTYPE: its bracket right after the letter of t, inv, del, der or dup."""
    return "t(" in text or "v(" in text or "l(" in text or "r(" in text or "p(" in text


_KARYOTYPE = re.compile(r"\b(?:t|inv|del|der|dup)\(\d{1,2}[pq]?[\d.]*(?:;\d{1,2}[pq]?[\d.]*)?\)(?:\([pq][\d.]+;[pq][\d.]+\))?")


def _backward(text: str) -> str:
    """The phrase that ends the text, read back to a preposition, punctuation or a verb; a verb of a relative clause
    ("in whom FLAM was administered as ...") does not end it."""
    stops = list(_STOP_BACKWARD.finditer(text))
    while len(stops) > 1 and stops[-1].group("verb") and _RELATIVE_OPEN.search(text[stops[-2].end():stops[-1].start()]):
        stops.pop()
    return text[stops[-1].end():] if stops else text


# A relative clause still open at a verb: "in whom FLAM was", "which was", "patients who had"; not "patients who
# received X had", where "who" has its own verb and the "had" after it is the sentence's (the group is before it).
_RELATIVE_OPEN = re.compile(r"\b(?:whom|whose|which)\b|\bwho\s?$", re.I)


# A breakdown after a value: "The CR rate was 60%, including 5 of 5 patients with CD19-negative B-ALL": the first
# value is the cohort's, the included one its group's ("patients with ..." after the included count).
# (the first value's own group may come between: "73% of patients receiving A, including 5 of 5 patients with B")
_INCLUDING_GAP = re.compile(r"[^;]{0,100}?,\s(?:including|among\sthem|of\swhom)\s", re.I)
# (people, not a share's qualifier: "including 5% with grade 4 events", "50% with full count recovery" name none)
_INCLUDED_PEOPLE = re.compile(r"\s?(?:%\s?)?\)?\s?(?:[(\[][^()\[\]]*[)\]]\s?)?(?:(?:of\s)?(?:patients|children|adults|subjects)\s"
                              r"(?=(?:with|without|in|who)\s)|(?=(?:with|without)\s))", re.I)  # the noun left out: "including 10
# of 12 (83%) with TP53 mutation"


_INCLUDED_END = re.compile(r"\s?[,;:()\[\]]|\s(?:and|vs\.?|versus|compared|but|whereas|while|respectively|had|were|was)\b"
                           r"|\s?\d+(?:\.\d+)?\s?%|\.(?:\s|$)|$")


def included_group(text: str, positions: list[tuple[int, int]], avoid=()) -> list[str] | None:
    """["all", the group] for two values of which the second is a count included in the first and named after it;
    None when the sentence is not laid out so."""
    if len(positions) != 2 or not _INCLUDING_GAP.fullmatch(text, positions[0][1], positions[1][0]):
        return None
    m = _INCLUDED_PEOPLE.match(text, positions[1][1])
    if not m:
        return None
    rest = text[m.end():]
    phrase = rest[:_INCLUDED_END.search(rest).start()]  # to the clause's end: "with CD19dim or CD19-negative B-ALL"
    if _overlaps(m.end(), m.end() + len(phrase), avoid, phrase):
        return None
    if not m.group(0).rstrip().endswith(("patients", "children", "adults", "subjects")) \
            and not _PATIENT_TRAIT.search(phrase):
        return None  # "CRS in 70%, including 10% with grade ≥3 events" or "with seizures": the events', no patients'"
    group = name(phrase)
    return ["all", group] if group and not is_whole(group) else None


# What names patients when the noun is left out ("including 10 of 12 (83%) with TP53 mutation"): a genetic lesion, a
# status, the disease or its course (not a grade, a symptom or a quality of the response: "with seizures").
_PATIENT_TRAIT = re.compile(r"(?:mutations?|mutated|deletions?|deleted|rearrange\w*|alterations?|fusions?|amplifications?|"
                            r"lesions?|positive|negative|like|Ph[+\-]|ALL|disease|relapse|karyotype|hypodiploidy|risk)\b")


def after_value(text: str, end: int, avoid=()) -> str | None:
    """The group named right after a value ("12% in patients younger than 20 years", "46% for responders"); a
    phrase over an endpoint or time point (`avoid`) is none."""
    m = _AFTER.match(text[end:])
    if not m:
        return None
    start = end + m.end()
    phrase = _forward(text[start:])
    if _overlaps(start, start + len(phrase), avoid, phrase):
        return None
    return name(phrase)


# A group in the bracket right after a value: "81% (ages <60 years)", "9.2 months (first salvage)". Not a statistic,
# a count, a method or a qualifier of the estimate: "(95% CI ...)", "(n = 20)", "(P = .01)", "(range, 2-5)",
# "(12/20)", "(by flow cytometry)", "(adjusted)".
_BRACKET_GROUP = re.compile(r"\s?(?:%|months?|mo|years?|weeks?|days?)?\s?\((?P<g>[A-Za-z<>≤≥](?:[^()\[\]=%;:]|(?<=[<>])=){1,40}?|"
                            r"\d+\s?(?:-|–|to)\s?\d+\s?years)\)")  # an age band: "65% (40-59 years)"
_NOT_A_BRACKET_GROUP = re.compile(
    r"\b(?:CI|P|p|range|IQR|SD|SE|HR|OR|RR|median|mean|vs|versus|v|n|NS|ns|NR|NE|ITT|by|per|according|assessed|"
    r"including|included|excluding|i\.e|e\.g|mostly|mainly|primarily|respectively|alone|grades?|adjusted|unadjusted|"
    r"analysis|estimated?|approximately|cumulative|incidence|confirmed|central|local|investigator|independent|"
    r"review|flow|PCR|NGS|cytometry|sequencing|assay|overall|Kaplan|competing|fatal|serious|severe|mild|moderate)\b"
    r"|\d\s?/\s?\d|^(?:at|after|before|from|to|of|in|with|cycles?|courses?|blocks?|days?|weeks?|months?|years?|"
    r"induction|consolidation|maintenance|end)\b")  # a time of assessment: "50% (cycle 1) and 70% (cycle 2)"
_MRD_STATUS = re.compile(r"MRD[\s-]?(?:negative|positive|neg|pos|[+-])", re.I)


def bracket_after(text: str, end: int, avoid=()) -> str | None:
    """The group in the bracket right after a value ("CR rates were 81% (ages <60 years) and 58% (ages >=60 years)"),
    when it is no statistic or qualifier of the estimate and no endpoint or time point (`avoid`; an MRD status names
    a group: "45% (MRD-negative)")."""
    m = _BRACKET_GROUP.match(text, end)
    if not m or _NOT_A_BRACKET_GROUP.search(m.group("g")):
        return None
    if any(a < m.end("g") and m.start("g") < b for a, b in avoid) and not _MRD_STATUS.fullmatch(m.group("g").strip()):
        return None
    return name(m.group("g"))


_BRACKET_ITEM = re.compile(r"[(\[;]\s?(?:and\s)?(?P<g>[A-Za-z<>≤≥][^()\[\],;:=%]{1,40}?)\s?[,:]\s?$")
# The first item of such a list after a colon, when a semicolon ends its value: "CR rates were: first salvage, 80%;
# second salvage, 60%; ..." (not "as follows: 80% in ...", nor a colon before one value).
_COLON_ITEM = re.compile(r":\s(?P<g>[A-Za-z<>≤≥][^()\[\],;:=%]{1,40}?),\s$")
_ITEM_ENDS_AT_SEMICOLON = re.compile(r"\s?%?\s?;")
# ... or an item with no separator before its value, items split by commas: "(first salvage 70%, second salvage 50%)",
# "(S1 70%, S2 52%, S3+ 40%)", "(TP53-mutated 50% vs wild-type 80%)"; the group holds no digit but one in a name ("S3+",
# "CR2").
_BARE_BRACKET_ITEM = re.compile(r"(?:\(|[;,]\s|%\s(?:vs\.?|versus)\s)(?P<g>[A-Za-z](?:[^()\[\],;:=%\d]|(?<=[A-Za-z])\d|(?<=[A-Za-z]\d)\d){0,40}?)\s$")
_BARE_ITEM_END = re.compile(r"\s?%\s?(?:[,;)\]]|(?:vs\.?|versus)\s)")


def bracket_item(text: str, start: int, avoid=()) -> str | None:
    """The group that opens a value's item in a bracket list: "70% (Ph-negative, 75%; Ph-positive, 60%)",
    "(first salvage: 82%; ...)", "(first salvage 70%, second salvage 50%)"; not a statistic ("(range, 2-5)", "(95%
    CI, ...)") or an endpoint ("(CR, 45%")."""
    m = _BRACKET_ITEM.search(text, max(0, start - 45), start)
    if (not m or m.end() != start) and ": " in text[max(0, start - 45):start]:
        m = _COLON_ITEM.search(text, max(0, start - 45), start)
        m = m if m and m.end() == start and _ITEM_ENDS_AT_SEMICOLON.match(text, _value_end(text, start)) else None
    if (not m or m.end() != start) and _in_bracket(text, start):
        m = _BARE_BRACKET_ITEM.search(text, max(0, start - 45), start)
        m = m if m and m.end() == start and _BARE_ITEM_END.match(text, _value_end(text, start)) else None
    if not m or m.end() != start or _NOT_A_BRACKET_GROUP.search(m.group("g")) \
            or any(a < m.end("g") and m.start("g") < b for a, b in avoid):
        return None
    return name(m.group("g"))


def _value_end(text: str, start: int) -> int:
    """Where the number starting at `start` ends."""
    m = _NUMBER_AT.match(text, start)
    return m.end() if m else start


_NUMBER_AT = re.compile(r"\d+(?:\.\d+)?")


# A status right after a count's bracket, its noun shared or left out: "24 of 30 (80%) Ph-positive and 26 of 40 (65%)
# Ph-negative patients", "(45%) MRD-negative patients".
_STATUS_AFTER = re.compile(r"(?:\s?%)?(?:\s?\([^()]{1,20}\))?\)?\s(?P<g>(?:[A-Za-z][\w/]*-)*[A-Za-z][\w/]*?(?:\+|-|−|-?positive|"
                           r"-?negative))(?=\s(?:and|or|vs\.?|versus|patients|subjects|cases)\b|[,;.)]|$)")


def status_after(text: str, end: int) -> str | None:
    """The status (Ph, MRD, CD19...) that follows a count's bracket and names its group: "24 of 30 (80%)
    Ph-positive and 26 of 40 (65%) Ph-negative patients" -> "Ph-positive", "Ph-negative"."""
    m = _STATUS_AFTER.match(text, end)
    return name(m.group("g")) if m else None


# A dose level named by its dose right after a value: "50% at 1.2 mg/m2 and 83% at 1.8 mg/m2".
_DOSE_AFTER = re.compile(r"\s?(?:%|months?)?\s(?:at|with)\s(?:the\s)?(?:a\sdose\sof\s)?(?P<d>\d+(?:\.\d+)?\s?(?:(?:mg|µg|μg|mcg)/"
                         r"(?:(?:m2|m²|kg)(?:/(?:day|d|week|cycle|dose))?|day|d)|[×x]\s?10\^?\d{1,2}\s?(?:CAR\s)?(?:T\s)?"
                         r"cells/kg))(?![\w/])")


def dose_after(text: str, end: int) -> str | None:
    """The dose a value is stated at ("83% at 1.8 mg/m2" -> "1.8 mg/m2"): a group of a study of dose levels, read
    only where values of one endpoint are compared (one value at a dose is the cohort's)."""
    m = _DOSE_AFTER.match(text, end) if "/" in text else None  # each dose has its "/"
    return " ".join(m.group("d").split()) if m else None


def inside_value(text: str, start: int, end: int) -> str | None:
    """A count value that spans its group: "Three older responders (15%" -> "older responders"."""
    span = text[start:end]
    if "(" not in span:
        return None
    return name(span[:span.index("(")])


def leading_of(text: str) -> str | None:
    """The group of a leading "Of 36 older adults, ..." (the whole cohort's "Of the 48 patients" names none)."""
    m = _LEADING_OF_RESPONDERS.match(text) or _LEADING_OF.match(text)
    return name(m.group("g")) if m else None


_GROUP_START = re.compile(r"^(?:the\s|those\s|these\s)?(?:\w+\s(?=patients?|subjects|cases|responders))?(?:patients?|subjects|cases|those|who|with|without|"
                          r"responders|nonresponders|non-responders|CR\d)\b", re.I)  # "CR2": a remission a group is in, not the endpoint


def _overlaps(start: int, end: int, spans, phrase: str = "") -> bool:
    """The phrase at start..end is an endpoint ("longer RFS", "2-year OS"): it ends with an endpoint or time-point
    span and does not start as a group does ("patients with CR" is a group)."""
    if _GROUP_START.match(phrase.strip()):
        return False
    end = start + len(phrase.rstrip()) if phrase else end
    return any(a < end and start < b and b >= end - 1 for a, b in spans)


def _holds_endpoint(at: int, phrase: str, spans) -> bool:
    """A phrase with a verb that holds an endpoint is a clause about it, not a group: "The CR rate did not differ by Ph
    status (75% vs 70%)" ("CR with MRD positive (63.4%)" is a group)."""
    return _CLAUSE_VERB.search(phrase) is not None and any(at <= a and b <= at + len(phrase) for a, b in spans)


_CLAUSE_VERB = re.compile(r"\b(?:did|does|do|differ(?:ed)?|varied|vary|seemed|appeared|remained)\b")


_GROUP_PREDICATE = re.compile(r"(?:age|aged|patients|those|children|adults|\S*\d)\b|.*\d|"
                              r".*\b(?:with|without|in|among|for|after)\s", re.I)  # ("longer with blinatumomab (")
_COPULA_END = re.compile(r"\b(?:was|were|is|are|remained|appeared|seemed)\s(?:very\s|\w+ly\s)?\Z", re.I)

_PERCENTAGE = re.compile(r"\d+(?:\.\d+)?\s?%")
_DURATION_OR_GRADE = re.compile(r"\b\d+-(?:year|month|week|day)\b|\bgrade\s?[≥>]?\s?\d\b")
_COMPARATOR_END = re.compile(r"\b(?:than|compared\s(?:with|to)|versus|vs\.?|relative\sto)\s(?:(?:that|those)\s(?:of|in|among)\s|"
                             r"in\s|among\s|for\s|with\s)?(?:the\s)?$", re.I)
_TWO_VALUES_COMPARED = re.compile(r"\d\s?%?\s?(?:vs\.?|versus|and|,)\s?\d", re.I)


def before_bracket(text: str, start: int, avoid=()) -> str | None:
    """The group right before the bracket that holds the value ("patients with CR (19.8 months", "Three older
    responders (15%)", "age less than 30 years (2-year OS of 21% versus ..."), when the bracket holds no other number
    before the value."""
    head = text[:start]
    opened = max(head.rfind("("), head.rfind("["))
    if opened == -1 or max(head.rfind(")"), head.rfind("]")) > opened or _PERCENTAGE.search(head[opened:]):
        return None
    if _DIGIT.search(_DURATION_OR_GRADE.sub("", head[opened + 1:])):
        return None
    phrase = _backward(head[:opened].rstrip())
    at = len(head[:opened].rstrip()) - len(phrase)
    if _overlaps(at, at + len(phrase), avoid, phrase) or _holds_endpoint(at, phrase, avoid):
        return None
    if _COPULA_END.search(head, max(0, at - 30), at) and not _GROUP_PREDICATE.match(phrase):
        # "The CR rate was high (80%)", "CR was achieved (36/45, 80%)": the predicate, no group (not "Factors were
        # age less than 30 years (2-year OS of 21% ...")
        return None
    # "... higher than in Ph-negative patients (70% vs. 25%)": a group after a comparison word is the comparator,
    # not the group of the bracket's first value.
    if _COMPARATOR_END.search(head[:at]) and _TWO_VALUES_COMPARED.search(text[opened:opened + 40]):
        return None
    return name(phrase)


def patients_before_bracket(text: str, start: int, avoid=()) -> str | None:
    """The group of patients named right before the bracket holding the value: "The benefit was consistent in patients
    with prior HSCT (median OS 8.3 vs 4.3 months)" -> "prior HSCT" (read as `before_bracket`, only a phrase of
    patients after its preposition)."""
    opened = max(text.rfind("(", 0, start), text.rfind("[", 0, start))
    head = text[:opened].rstrip() if opened != -1 else ""
    if not _PATIENTS_AT_END.search(head):
        return None
    return before_bracket(text, start, avoid)


def scope_before_bracket(text: str, start: int, avoid=()) -> str | None:
    """A group opened by "in", "among" or "for" right before the bracket holding the value, of patients
    (`patients_before_bracket`) or named without a noun of patients ("CR rates were higher with InO in first salvage
    (88% vs 29%) and in second salvage (67% vs 20%)"): not a cycle, a year or another number, nor "both arms"."""
    opened = max(text.rfind("(", 0, start), text.rfind("[", 0, start))
    head = text[:opened].rstrip() if opened != -1 else ""
    if not _PATIENTS_AT_END.search(head) and not _SCOPE_AT_END.search(head):
        return None
    return before_bracket(text, start, avoid)


_SCOPE_AT_END = re.compile(r"\b(?:in|among|for)\s(?!(?:the\s)?(?:cycles?|courses?|both|each|all|either|"
                           r"terms|favou?r|comparison|contrast|total|particular|general|addition|this|these|our|(?:experimental|control|"
                           r"investigational|comparator|standard|intervention|treatment)\s(?:arm|group|cohort)s?)\b)"
                           r"(?:the\s)?(?:subgroup\sof\s)?[^()\[\],;\d]{2,50}$", re.I)
_PATIENTS_AT_END = re.compile(r"\b(?:in|among|for|including)\s(?:the\s)?(?:subgroup\sof\s)?(?:patients|subjects|those|adults|children)\s"
                              r"(?:with|without|who|aged|younger|older|in)\b[^()\[\],;]{2,60}$")

_BARE_PATIENTS = re.compile(r"(?:Patients?|Subjects|Those|Children|Adults)", re.I)


def subject(text: str, start: int) -> str | None:
    """The subject of the value's clause when it is a group named before the verb that precedes the value ("Patients
    with a low disease burden had ...", "Complete MRD responders had longer RFS ...", "..., while Ph- patients (n =
    40) had a CR rate of 75%")."""
    breaks = [b.end() for b in _CLAUSE_BREAK.finditer(text, 0, start) if not _in_bracket(text, b.start())] \
        if "; " in text or " while " in text or " whereas " in text or ", but " in text else []
    if breaks:
        text, start = text[breaks[-1]:], start - breaks[-1]
    joined = _subject_after_and(text, start) if " and " in text else None
    if joined:  # "Ph+ patients had a CR rate of 80% and Ph- patients had a CR rate of 60%"
        text, start = text[joined:], start - joined
    m = _SUBJECT.match(text)
    if not m or m.end() > start or not _SUBJECT_OK.match(m.group("g")) \
            or "," in m.group("g") and "," in mask_brackets(m.group("g")):
        return None  # "Among responders, median DOR was ...": a phrase over a comma is no subject
    group = _NOT_THRESHOLD_BRACKET.sub("", m.group("g"))  # "(n = 20)" goes, "(<5% marrow blasts)" defines the group
    if _BARE_PATIENTS.fullmatch(group.strip()):
        return None
    return name(group)


def _subject_after_and(text: str, start: int) -> int | None:
    """Where the value's own clause starts when an "and" before it opens one with a group subject and its verb
    ("..., and those in second salvage had a median OS of 5.2 months")."""
    first = text.find(" and ", 0, start)
    if first == -1 or not _SUBJECT_VERB.search(text, first, start):
        return None  # no "and" before the value, or no verb of a subject after it
    for m in reversed(list(_AND.finditer(text, first - 1, start))):
        if not _SUBJECT_START.match(text, m.end()):
            continue  # a cheap necessary cue of _SUBJECT: how its group opens
        subject = _SUBJECT.match(text[m.end():start])  # (its ^ matches at the start of the string only)
        if subject and not _in_bracket(text, m.start()):
            return m.end()
    return None


_AND = re.compile(r",?\sand\s")
# How a _SUBJECT opens, and the verbs it ends with.
_SUBJECT_START = re.compile(r"(?i:patients?|subjects|those|children|adults|older|younger|in|among)\b|[A-Z]|[a-z]\w*-|"
                            r"(?:[\w+\-]+\s){0,2}(?i:responders|nonresponders|non-responders)")
_SUBJECT_VERB = re.compile(r"\s(?:had|has|have|achieved|showed|experienced|were|was|demonstrated|obtained|attained|reached|"
                           r"displayed)\b")


# A later clause's subject whose verb it leaves out, as the clause before said it: "Ph-positive patients had a CR rate of
# 80%, and Ph-negative patients 60%", "..., and those aged 60 years or older 60%", "CR2 patients had 70%, and CR3
# patients 40%".
_SUBJECT_VERB_ELIDED = re.compile(
    r"(?:,\s|\s)(?:and|while|whereas|but)\s(?P<g>(?:those|patients|subjects|children|adults)\s(?:with|without|in|aged|"
    r"younger|older|who|treated|receiving|undergoing)\b[^,;()\d]{0,50}(?:\d+(?:\s(?:years?|months?))?(?:\sor\s(?:older|more|"
    r"younger|above|less))?)?|[A-Z][\w\-]*?[A-Z\d+\-][\w+/\-]*\s(?:[\w+\-]+\s)?(?:patients|subjects|cases)|(?i:" + _POPULATION
    + r")),?\s\Z")  # ("Children had a CR rate of 90%, and adults 70%")


def subject_verb_elided(text: str, value_start: int) -> str | None:
    """The subject right before a value whose verb its clause leaves out ("..., and Ph-negative patients 60%")."""
    m = _SUBJECT_VERB_ELIDED.search(text, max(0, value_start - 90), value_start)
    return name(m.group("g")) if m and not _in_bracket(text, m.start()) else None


def subject_clauses_differ(text: str, positions: list[tuple[int, int]]) -> bool:
    """The second value is in a clause of its own (after "; ", "while", "whereas", ", but"), so the two values can have
    subjects of their own."""
    return any(positions[0][1] <= b.start() < positions[1][0] and not _in_bracket(text, b.start())
               for b in _CLAUSE_BREAK.finditer(text))


def population_subject(text: str, start: int) -> str | None:
    """A population word as the subject before the value ("Children had a CR rate of 90%, compared with 70% for
    adults"): a group only beside another population word, which the caller checks."""
    m = _POPULATION_SUBJECT.match(text)
    return m.group(1).lower() if m and m.end() <= start else None


def comparison(text: str, positions: list[tuple[int, int]], avoid=()) -> list[str] | None:
    """Two values compared, with the groups around a comparison word outside the values' bracket: (first, second)."""
    if len(positions) != 2:
        return None
    first, second = positions
    lead = _COMPARED_FIRST.match(text) if text.lstrip()[:1] in "CRI" else None
    if lead and lead.end() <= first[0] and _in_bracket(text, first[0]) and _PATIENTS_WORD.search(lead.group("x")):
        # "Compared with patients in first salvage, those in later salvage had lower CR rates (45% vs 80%)": the
        # subject's value first, the comparator's second
        names = [name(lead.group("y")), name(lead.group("x"))]
        if all(names) and names[0] != names[1]:
            return names
    outside = mask_brackets(text)
    found = [(m, False) for m in _CONNECTIVE.finditer(outside)] + [(m, True) for m in _SIMILAR_AS.finditer(outside)]
    for m, similar in found:
        if first[0] <= m.start() < second[1]:
            continue  # the comparison word between the values ("21% versus 10%") is not between groups
        left = None
        if not similar and outside[m.start() - 1:m.start()] not in ")]":
            phrase = _backward(outside[:m.start()].rstrip())
            at = len(outside[:m.start()].rstrip()) - len(phrase)
            if not _overlaps(at, at + len(phrase), avoid, phrase):
                left = name(phrase)
        phrase = _forward(outside[m.end():])
        right = None if _overlaps(m.end(), m.end() + len(phrase), avoid, phrase) else name(phrase)
        if left is None:
            left = subject(text, len(text))
        if left and right and elided(right) and not elided(left):
            right = complement(left)  # "Patients who received X had a lower CR rate than those who did not (40% vs 70%)"
        if left and right:
            left = level_with_shared_noun(left, right)
        if left and right and left != right:
            return [left, right]
    return None


# Two groups compared in a bracket, then their values: "(first vs later salvage: 80% vs 55%)", "(S1 vs S2, 80% vs
# 55%)"; or a dimension and its two levels in a bracket before the values: "by age (< 55 vs ≥ 55 years) were 80% vs 60%".
_GROUP = r"[^()\[\]:;,=%]{1,40}?"
_COMPARED_HEAD = re.compile(r"[(\[]\s?(?P<a>" + _GROUP + r")\s(?:vs\.?|versus)\s(?P<b>" + _GROUP + r")\s?[:,]\s$", re.I)
_SIDE_LEVEL = r"(?:[<>≤≥]=?\s?\d+(?:\.\d+)?\s?%|" + _GROUP + r")"  # a bound of a share: "by marrow blasts (< 50% vs ≥ 50%)"
_LEVELS_BY = re.compile(r"\b(?:by|according\sto)\s(?P<d>[A-Za-z][\w\s\-]{1,30}?)\s?\((?P<a>" + _SIDE_LEVEL + r")\s(?:vs\.?|versus)\s"
                        r"(?P<b>" + _SIDE_LEVEL + r")\)", re.I)
_PAIR_GAP = re.compile(r"\s?%?\s(?:vs\.?|versus|and)\s$", re.I)
_BOUND_START = re.compile(r"[<>≤≥]")
_SHARE = re.compile(r"\d\s?%")
_BOUND_UNIT = re.compile(r"\d\s?(?P<u>years?|months?|%)$")  # the unit of the second of two bounds


def compared_in_bracket(text: str, positions: list[tuple[int, int]], avoid=()) -> list[str] | None:
    """Two values compared after their groups (see _COMPARED_HEAD, _LEVELS_BY): the groups, in the values' order.
    Not when a side is an endpoint ("(CR vs CRi: ...)") or the values are not a pair ("80% vs 55%", "80% and 55%")."""
    if len(positions) != 2 or not _PAIR_GAP.search(text, positions[0][1], positions[1][0]):
        return None
    first = positions[0][0]
    head = _COMPARED_HEAD.search(text, max(0, first - 90), first)
    if head:
        by = _BY_BEFORE.search(text, max(0, head.start() - 40), head.start())
        sides, dimension = [head.group("a"), head.group("b")], " ".join(by.group("d").split()) if by else ""
    else:
        by = _LEVELS_BY.search(text, max(0, first - 140), first) if "(" in text[max(0, first - 140):first] else None
        if by is None or ";" in text[by.end():first] or _SHARE.search(text, by.end(), first):
            return None
        head, sides, dimension = by, [by.group("a"), by.group("b")], " ".join(by.group("d").split())
    if any(_overlaps(head.start(g), head.end(g), avoid, head.group(g)) or _NOT_A_BRACKET_GROUP.search(head.group(g))
           for g in "ab"):
        return None  # (not "(cycle 1 vs cycle 2)", "(flow vs PCR)": times or methods of one group's assessment)
    sides = [" ".join(side.split()) for side in _distribute_unit(sides)]
    names = [name(_with_dimension(side, _STATUS_WORD.sub("", dimension))) for side in sides]
    return names if all(names) and names[0] != names[1] else None


_BY_BEFORE = re.compile(r"\bby\s(?P<d>[A-Za-z][\w\-]*(?:\s[\w\-]+){0,2}?)\s?\Z", re.I)  # "by salvage status (first vs later: ...)"
_STATUS_WORD = re.compile(r"\s(?:status|level|category|group)$", re.I)
_LEVEL_WORD = re.compile(r"(?:low|high|early|late|first|second|third|later|short|long|older|younger|standard|"
                         r"intermediate|poor|good|favorable|unfavorable)", re.I)


def _with_dimension(side: str, dimension: str) -> str:
    """A level named with its dimension: "< 55 years" by age -> "age < 55 years", "low" by disease burden -> "low
    disease burden", "first" by salvage status -> "first salvage"; a side that names its group alone stays so."""
    if not dimension:
        return side
    if _BOUND_START.match(side):
        return f"{dimension} {side}"
    return f"{side} {dimension}" if _LEVEL_WORD.fullmatch(side) else side


def _distribute_unit(sides: list[str]) -> list[str]:
    """"< 55 vs ≥ 55 years": the unit after the second bound is the first's too; "first vs later salvage": the shared
    head word (`_distribute`)."""
    unit = _BOUND_UNIT.search(sides[1])
    if unit and sides[0][-1:].isdecimal():
        return [f"{sides[0]} {unit.group('u')}", sides[1]]
    return _distribute(sides)


# (the comparator names patients of the study, not another treatment or study: "Compared with standard chemotherapy, ...")
_PATIENTS_WORD = re.compile(r"\b(?:patients|those|subjects|children|adults|responders|non-responders|subgroup|group)\b", re.I)
_COMPARED_FIRST = re.compile(r"\s*(?:Compared\s(?:with|to)|Relative\sto|In\scomparison\s(?:with|to))\s(?P<x>[^,;()]{2,60}),\s"
                             r"(?P<y>[^,;()]{2,60}?)\s(?:had|showed|achieved|experienced|demonstrated)\b", re.I)


def level_with_shared_noun(left: str, right: str) -> str:
    """"low vs high disease burden" -> "low disease burden"; "MRD-negative vs MRD-positive responders" -> "MRD-negative
    responders": a one-word level before the comparison word takes the noun the level after it is written with (two
    level words, or two statuses of one stem)."""
    words = right.split()
    if " " in left or len(words) < 2:
        return left
    level, first = left.lower(), words[0].lower()
    parallel = _LEVEL_WORD.fullmatch(level) and _LEVEL_WORD.fullmatch(first) or \
        "-" in level and "-" in first and level.split("-")[0] == first.split("-")[0] and level != first
    return f"{left} {' '.join(words[1:])}" if parallel else left


def lone_group(text: str, positions: list[tuple[int, int]]) -> list[str] | None:
    """Two values compared where only one group is named, as the subject, with a comparative ("Patients with no MRD
    had superior OS (100% vs 38%)"): the group and its complement."""
    if len(positions) != 2 or not _COMPARATIVE.search(text):
        return None
    group = subject(text, positions[0][0])
    return [group, complement(group)] if group else None


_WITH_BETWEEN = re.compile(r"\s?(?:%|months?)?\s?(?:\([^()]{1,30}\)\s)?(?:of\s(?:the\s)?patients\s)?with\s(?:vs\.?|versus|and|or|"
                           r"compared\s(?:with|to))\s", re.I)
_WITHOUT_AFTER = re.compile(r"\s?(?:%|months?)?\s?(?:\([^()]{1,30}\)\s)?(?:of\s(?:the\s)?patients\s)?without\s", re.I)


_WITH_NAMED = re.compile(r"\s?(?:%|months?)?\s?(?:\([^()]{1,30}\)\s)?(?:of\s(?:the\s)?patients\s)?(?:with|after(?=\s(?:prior|previous)\s))\s(?P<x>[^,;()\d]{2,50}?)"
                         r"(?:\s\([^()]{1,30}\))?,?\s(?:vs\.?|versus|and|or|compared\s(?:with|to))\s", re.I)
_WITHOUT_ALONE = re.compile(r"\s?(?:%|months?)?\s?(?:\([^()]{1,30}\)\s?)?(?:in\s(?:those|patients)\s)?without(?:\s(?:it|them|this|one))?(?=\s?[,;.(]|$)", re.I)
# ("55% after prior blinatumomab and 75% without it": the therapy named after "after prior" too, and "it" for it)


_WITH_BRACKET_BETWEEN = re.compile(r"\s?%?\)\s(?:and|or|vs\.?|versus)\swithout\s\(")
_BRACKET_CLOSE = re.compile(r"\s?%?\)\s")


def with_and_without(text: str, positions: list[tuple[int, int]]) -> list[str] | None:
    """Two values split by a "with" and a "without" sharing what follows: "The CR rate was 70% with vs 58% without
    prior HSCT", "60% (12/20) of patients with and 70% (14/20) of patients without prior HSCT" -> "prior HSCT", "no
    prior HSCT"."""
    if len(positions) != 2 or "without" not in text:
        return None
    (first_start, first_end), (second_start, second_end) = positions
    bracketed = _WITH_BRACKET_BETWEEN.match(text, first_end) if text.endswith("with (", 0, first_start) else None
    if bracketed and bracketed.end() == second_start:  # "in patients with (85%) and without (80%) prior HSCT"
        after = _BRACKET_CLOSE.match(text, second_end)
        phrase = _forward(text[after.end():]) if after else ""
        names = [name(phrase), name(f"without {phrase}")] if phrase else [None]
        return names if all(names) and names[0] != names[1] else None
    between = _WITH_BETWEEN.match(text, first_end)
    after = _WITHOUT_AFTER.match(text, second_end) if between and between.end() == second_start else None
    if not after:
        named = _WITH_NAMED.match(text, first_end)  # "60% with consolidative HSCT and 30% without (P = .01)"
        if not named or named.end() != second_start or not _WITHOUT_ALONE.match(text, second_end):
            return None
        phrase = named.group("x")
        names = [name(phrase), name(f"without {phrase}")]
        return names if all(names) and names[0] != names[1] else None
    phrase = _forward(text[after.end():])
    names = [name(phrase), name(f"without {phrase}")]
    return names if all(names) and names[0] != names[1] else None


def paired_after(text: str, at: int) -> list[str] | None:
    """Two values followed by a group and its complement: "49% vs 28% for patients who did and did not undergo
    HSCT", "with and without MRD" (the order of the pair is the order of the values, as with "respectively")."""
    pairs = _pairs(text)
    after = [names for start, _, names in pairs if start >= at]
    return after[0] if len(pairs) == 1 and after else None


@lru_cache(maxsize=4)  # asked again for each endpoint of the sentence
def _pairs(text: str) -> tuple[tuple[int, int, list[str]], ...]:
    """The "did or did not X" and "with and without X" pairs of a sentence, as (start, end, [group, complement])."""
    pairs = []
    for m in _DID_OR_NOT.finditer(text):
        verb = m.group("v")
        pairs.append((m.start(), m.end(), [name(f"who did {verb}") or verb, name(f"who did not {verb}") or f"not {verb}"]))
    for m in _WITH_WITHOUT.finditer(text):
        pairs.append((m.start(), m.end(), [name(m.group("x")), name(f"without {m.group('x')}")]))
    return tuple(p for p in pairs if all(p[2]))


def respectively(text: str, positions: list[tuple[int, int]], avoid: list[tuple[int, int]]) -> list[str] | None:
    """A list of groups that "respectively" zips with the values (or cycles, when the values are a multiple of it).
    Lists over the sentence's endpoints or time points (`avoid`) are not lists of groups."""
    count = len(positions)
    # a list over endpoints is not of groups; one with a group noun is ("MRD-negative and MRD-positive patients",
    # "patients in CR1, CR2 and CR3")
    lists = [(s, e, names) for s, e, names, headed in _group_lists(text)
             if headed or not any(a < e and s < b for a, b in avoid)]
    fitting = [entry for entry in lists if count % len(entry[2]) == 0 and count >= len(entry[2])]
    values_at = positions[0][0]
    if not fitting:
        run = _value_run(text, values_at)  # the clause's values, when this endpoint holds only some of them
        index = [run.index(p[0]) if p[0] in run else None for p in positions]
        fitting = [entry for entry in lists if len(entry[2]) == len(run)]
        if fitting and None not in index:
            names = min(fitting, key=lambda entry: abs(entry[0] - values_at))[2]
            return [names[i] for i in index]
        return None
    s, e, names = min(fitting, key=lambda entry: abs(entry[0] - values_at))
    if count == len(names):
        return list(names)
    per = count // len(names)  # "92% and 92%, 64% and 51%": each group's values side by side
    return [names[i // per] for i in range(count)]


@lru_cache(maxsize=4)  # asked again for each endpoint of the sentence
def _group_lists(text: str) -> tuple[tuple[int, int, list[str], bool], ...]:
    """The lists of two groups or more a sentence names, as (start, end, names, whether the list cannot be one over
    endpoints): its "did or did not X" and "with and without X" pairs, then its lists with a group noun or head
    ("patients with A and B", "A and B groups") and without one ("in A and B")."""
    lists = [(s, e, names, True) for s, e, names in _pairs(text) if len(names) >= 2]
    # "intermediate (IR)", "the pediatric cohort (n = 25) and the adult cohort (n = 35)"
    masked = _LIST_BRACKET.sub(lambda b: " " * len(b.group(0)), text) if "(" in text else text
    for m in _LIST.finditer(masked):
        items = [" ".join(i.split()) for i in _ITEM_SPLIT.split(m.group("list")) if i.strip()]
        names = _rest_in_pair([name(i) for i in _distribute(items)], items)
        if all(names) and len(set(names)) == len(names) >= 2:
            headed = bool(m.group("head") or m.group("noun")) or any(_REMISSION_CODE.fullmatch(i) for i in items)
            lists.append((m.start("list"), m.end("list"), names, headed))
    return tuple(lists)


_REMISSION_CODE = re.compile(r"CR\d")  # "in CR1, CR2 and ...": remissions patients are in, not the endpoint CR
_REST_ITEM = re.compile(r"(?:the\s)?(?:other|others|remaining|rest)", re.I)


def _rest_in_pair(names: list[str | None], items: list[str]) -> list[str | None]:
    """"in KMT2A-rearranged (n = 8) and other (n = 20) patients": the second of two groups is the patients outside
    the first, named as "the others" after a value are (`rest_of`); "other" alone names no group."""
    if len(items) == 2 and names[0] and _REST_ITEM.fullmatch(items[1]):
        return [names[0], rest_of(names[0])]
    return names


def sized_groups(text: str, count: int) -> list[str] | None:
    """The list of `count` groups a sentence names, each with its n bracket ("Pediatric (n = 25) and adult (n = 35)
    patients were treated") or its group word ("in the pivotal cohort or expanded access cohort (n = 40)")."""
    if "(" not in text and " cohort" not in text and " group" not in text:
        return None
    for start, end, names, _ in _group_lists(text):
        if len(names) != count:
            continue
        if len(_N_SIZE.findall(text, start, end + 12)) == count or _AFTER_PREPOSITION.search(text, 0, start) and (
                len(_ITEM_GROUP_WORD.findall(text, start, end + 8)) == count or _GROUPS_HEAD.search(text, start, end + 9)):
            return list(names)
    return None


def sized_phrases(text: str, count: int) -> list[str] | None:
    """The `count` groups of patients a sentence names each before its n bracket, as phrases of patients ("those with
    early relapse (n = 30) and those with late relapse (n = 40)", "patients aged 18-39 years (n = 40) with those aged
    40 years or older (n = 60)"); only when the sentence has exactly that many n brackets."""
    sizes = list(_N_SIZE.finditer(text)) if "(" in text else []
    if len(sizes) != count:
        return None
    names = []
    for m in sizes:
        phrase = _backward(text[:m.start()].rstrip())
        noun = None
        for noun in _PATIENTS_NOUN.finditer(phrase):
            pass
        label = name(phrase[noun.start():]) if noun else None
        if not label:
            return None
        names.append(label)
    return names if len(set(names)) == count else None


def sized_doses(text: str, count: int) -> list[str] | None:
    """The `count` cell doses a sentence lists each with its n bracket, the unit written once after the last ("1 x
    10^6 (n = 6), 3 x 10^6 (n = 8) or 1 x 10^7 (n = 10) CAR T cells/kg") -> "1 x 10^6 CAR T cells/kg", ...)."""
    items = list(_SIZED_DOSE.finditer(text)) if "10" in text else []
    if len(items) != count or len(_N_SIZE.findall(text)) != count:
        return None
    unit = next((m.group("u") for m in [_DOSE_UNIT_AFTER.match(text, items[-1].end())] if m), None)
    if not unit and not all(m.group("u") for m in items):
        return None
    labels = [name(_with_unit(m.group("d"), m.group("u") or unit)) for m in items]
    return labels if all(labels) and len(set(labels)) == count else None


def listed_doses(text: str, count: int) -> list[str] | None:
    """The `count` doses a sentence lists without their ns, the unit written once after the last ("received 1 x
    10^6, 3 x 10^6 or 1 x 10^7 CAR T cells/kg" -> "1 x 10^6 CAR T cells/kg", ...; "at 0.8, 1.2 or 1.8 mg/m2" ->
    "0.8 mg/m2", ...): the dose levels a later "respectively" zips."""
    m = (_DOSE_LIST.search(text) if "10" in text else None) or (_AMOUNT_LIST.search(text) if "/" in text else None)
    if m is None:
        return None
    doses = (_DOSE_ITEM if m.re is _DOSE_LIST else _AMOUNT_ITEM).findall(m.group("list"))
    if len(doses) != count:
        return None
    labels = [name(_with_unit(d, m.group("u"))) for d in doses]
    return labels if all(labels) and len(set(labels)) == count else None


_DOSE = r"\d+(?:\.\d+)?\s?[×x]\s?10\^?\d{1,2}"
_DOSE_ITEM = re.compile(_DOSE)
_DOSE_LIST = re.compile(r"(?P<list>" + _DOSE + r"(?:\s?,\s?(?:(?:and|or)\s)?" + _DOSE + r"|\s(?:and|or|to)\s" + _DOSE + r")+)"
                        r"\s(?P<u>(?:[\w\-]+\s){0,3}?cells/kg|cells\sper\skg)\b")
_AMOUNT = r"\d+(?:\.\d+)?"
_AMOUNT_ITEM = re.compile(_AMOUNT)
_AMOUNT_LIST = re.compile(r"(?<![\d.,])(?P<list>" + _AMOUNT + r"(?:,\s?(?:(?:and|or)\s)?" + _AMOUNT + r"|\s(?:and|or)\s"
                          + _AMOUNT + r")+)\s?(?P<u>(?:mg|µg|mcg)/(?:m2|m²|kg)(?:/(?:day|d|week))?|µg/day|mcg/day)(?![\w/])")


def _with_unit(dose: str, unit: str) -> str:
    return f"{dose}{unit}" if unit.startswith("/") else f"{dose} {unit}"


_SIZED_DOSE = re.compile(r"(?P<d>\d+(?:\.\d+)?\s?[×x]\s?10\^?\d{1,2})(?:\s?(?P<u>(?:[\w\-]+\s){0,3}?cells/kg|/kg))?\s?"
                         r"\(\s?n\s?=\s?\d+\s?\)")
_DOSE_UNIT_AFTER = re.compile(r"\s(?P<u>(?:[\w\-]+\s){0,3}?cells/kg|cells\sper\skg)\b")


_PATIENTS_NOUN = re.compile(r"\b(?:patients|those|children|adults|subjects)\s(?=with|aged|in|who|younger|older|treated|receiving)")


def counted_groups(text: str, words: tuple[str, ...]) -> list[str] | None:
    """Two groups a sentence states as counts ("Forty patients were in first salvage and 50 in second or later
    salvage", "20 had Ph+ ALL and 40 had Ph- ALL", "50 underwent HSCT after CAR T and 30 did not"), the second's verb
    maybe left out; "did not" is the first group's complement. `words`: the pipeline's number words."""
    m = _counted_groups_pattern(words).search(text) if " and " in text else None
    if m is None:
        return None
    first = name(m.group("a"))
    second = complement(first) if first and m.group("not") else name(m.group("b"))
    return [first, second] if first and second and first != second else None


_COUNTED_GROUP_VERB = r"(?:(?:patients|subjects)\s)?(?:were\s(?:in|treated\s(?:in|with)|(?:randomly\s)?(?:assigned|randomi[sz]ed|allocated)\sto)|had|" \
                      r"received|underwent|achieved|were|in|to|with)\s"  # "Thirty were assigned to A and 30 to B", "25 patients with A and 35 with B"


@lru_cache(maxsize=4)  # one per pipeline
def _counted_groups_pattern(words: tuple[str, ...]) -> re.Pattern:
    """Two counted groups joined by "and", each count digits or a number word ("Forty", "forty-two")."""
    words = sorted(words, key=len, reverse=True)
    count = r"(?:\d+|(?i:(?:" + "|".join(map(re.escape, words)) + r")(?:-[a-z]+)?))"
    return re.compile(r"(?<![\w.])" + count + r"\s" + _COUNTED_GROUP_VERB + r"(?P<a>[^,;()\d]{2,60}?),?\sand\s" + count
                      + r"\s(?:(?P<not>did\snot|had\snot|were\snot)|(?:" + _COUNTED_GROUP_VERB
                      + r"|in\s)?(?P<b>[^,;()\d]{2,60}?))\s?(?:[,;.]|$)")


_N_SIZE = re.compile(r"\(\s?n\s?=\s?\d+\s?\)")
_ITEM_GROUP_WORD = re.compile(r"\s(?:cohort|group)\b")
_GROUPS_HEAD = re.compile(r"\s(?:cohorts|groups)\b")
_AFTER_PREPOSITION = re.compile(r"\b(?:in|into|to|of|among|between)\s(?:the\s|an?\s)?\Z", re.I)
_LIST_BRACKET = re.compile(r"\([^()\d]{1,12}\)|\(\s?n\s?=\s?\d+\s?\)|\((?=[<>≤≥])[^()%;,]{2,24}\)")  # (and a threshold's:
# "for early (< 12 months) and late (≥ 12 months) relapse")
_RESPECTIVE_LIST = re.compile(r"\b(?:with|of|for|in|among)\s(?P<list>" + _ITEM + r"(?:,\s+" + _ITEM + r")*,?\s+(?:and|or)\s"
                              + _ITEM + r"),?\s+respectively\b", re.I)
_THRESHOLD = r"(?:[<>≤≥]\s?=?\s?)?\d+(?:\.\d+)?(?:\s?-\s?\d+(?:\.\d+)?)?\s?%?"
_THRESHOLDS = re.compile(_THRESHOLD)
_DEFINED = re.compile(r"(?P<list>[\w\-]+(?:,\s[\w\-]+)*,?\s(?:and|or)\s[\w\-]+)(?:\s[\w\-]+){0,3},?\srespectively,?\s"
                      r"(?:defined|classified|categori[sz]ed)\sas\s(?P<measure>[^()\d<>]{2,60}?)\s?(?:\((?P<abbr>[A-Za-z][\w%]{1,9})\))?"
                      r"\s?(?P<values>" + _THRESHOLD + r"(?:\s?\([^()]*\))?(?:,?\s(?:and\s|or\s)?" + _THRESHOLD
                      + r"(?:\s?\([^()]*\))?)+)", re.I)


def respective_list(text: str) -> list[str] | None:
    """The groups a "respectively" zips inside each arm: "in the A vs. B arm with low, moderate, and high BMB%,
    respectively" -> ["low BMB%", "moderate BMB%", "high BMB%"]."""
    m = _RESPECTIVE_LIST.search(mask_brackets(text))
    if not m:
        return None
    items = _distribute([" ".join(i.split()) for i in _ITEM_SPLIT.split(m.group("list"))
                         if i.strip()])
    names = [name(i) for i in items]
    return names if all(names) and len(set(names)) == len(names) >= 2 else None

_LIST_BREAK = re.compile(r",\s(?:and\s|or\s)?|\s(?:and|or)\s")
_BRACKETED = re.compile(r"\([^()]*\)")
_SPACED_OPERATOR = re.compile(r"^([<>≤≥])\s")


def defined_levels(texts: list[str], words: list[str]) -> list[str] | None:
    """Levels the abstract defined by thresholds, by their first words: "low, moderate, or high disease burden,
    respectively, defined as bone marrow blasts (BMB) <50% (n=53), 50-90% (n=79), and >90% (n=30)" gives, for
    ["low", "moderate", "high"], ["BMB <50%", "BMB 50-90%", "BMB >90%"]."""
    for text in texts:
        for m in _DEFINED.finditer(text):
            listed = [w.lower() for w in _LIST_BREAK.split(m.group("list")) if w]
            if listed != [w.lower() for w in words]:
                continue
            values = _BRACKETED.sub(" ", m.group("values"))
            thresholds = [" ".join(t.split()).replace(" %", "%") for t in _THRESHOLDS.findall(values)]
            thresholds = [_SPACED_OPERATOR.sub(r"\1", t) for t in thresholds]
            if len(thresholds) == len(words):
                head = m.group("abbr") or " ".join(m.group("measure").split())
                return [f"{head} {t}" for t in thresholds]
    return None

_DIGIT_OR_OPERATOR = re.compile(r"[\d<>=]")


def shared_head(labels: list[str]) -> list[str]:
    """Two groups sharing the second's head noun: "older" and "younger responders" -> "older responders" (not
    "blinatumomab-naive" and "prior blinatumomab": an exposure, whose second word is its drug, no head noun)."""
    first, second = labels[0].split(), labels[1].split()
    if len(first) == 1 and labels[0] != "all" and len(second) == 2 and first[0].lower() != second[0].lower() and \
            second[0].lower() not in ("no", "non", "not", "prior", "previous") and second[1].lower() != first[0].lower() and \
            not _DIGIT_OR_OPERATOR.search(labels[0] + labels[1]):
        return [f"{labels[0]} {second[1]}", labels[1]]
    return labels

_RUN_VALUE = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?=\s?(?:%|months?\b|years?\b))")


def _value_run(text: str, at: int) -> list[int]:
    """The starts of the values (percentages, durations) of the clause around `at`, outside brackets."""
    start = max(text.rfind(";", 0, at), -1) + 1
    end = text.find(";", at)
    end = len(text) if end == -1 else end
    masked = mask_brackets(text)
    return [start + m.start() for m in _RUN_VALUE.finditer(masked[start:end])]


# A "respectively" list whose items hold numbers ("in cohorts 1, 2 and 3", "for patients aged < 40, 40-59 and >= 60
# years", "at doses of 0.8, 1.2 and 1.8 mg/m2"): after the last value, or before the verb ahead of the first.
_NUMBERED_AFTER = re.compile(r"\s?(?:%|months?|mo|years?)?,?\s(?:in|at|for|among|with)\s(?:the\s)?(?:patients\s(?:with\s|in\s)?)?"
                             r"(?P<list>[^;()]{3,90}?),?\s+respectively\b", re.I)
# ... or numbered codes under a plural head, without "respectively": "55% and 70% in cohorts 1 and 2".
_NUMBERED_CODES_AFTER = re.compile(r"\s?(?:%|months?|mo|years?)?,?\s(?:in|at|for|among)\s(?:the\s)?(?P<list>(?:cohorts|arms|groups|"
                                   r"dose\slevels)\s\d{1,2}[A-Z]?(?:,\s\d{1,2}[A-Z]?)*,?\s(?:and|or)\s\d{1,2}[A-Z]?)\b", re.I)
_NUMBERED_BEFORE = re.compile(r"\b(?:in|at|for|among|with)\s(?:the\s)?(?:patients\s(?:with\s|in\s)?)?(?P<list>[^;()]{3,90}?)"
                              r"\s(?:were|was)\s\Z", re.I)
# ... or as the sentence's leading scope: "In cohorts 1, 2 and 3, CR rates were 50%, 60% and 70%, respectively".
_NUMBERED_LEADING = re.compile(r"\s*(?:In|For|Among|At)\s(?:the\s)?(?P<list>[^;(),]{1,40}(?:,\s[^;(),]{1,40})*,?\s(?:and|or)\s"
                               r"[^;(),]{1,40}),\s[^,;()\d]{0,60}\s(?:were|was)\s\Z")
_TIMES = re.compile(r"(?:the\s)?(?:weeks?|months?|days?|years?|cycles?|courses?|blocks?|grades?|time\spoints?)\b"
                    r"|[\d.,\sand]+(?:weeks?|months?|days?|years?)\b", re.I)
_NUMBER_TOKEN = r"[<>≤≥]?=?\s?\d+(?:\.\d+)?(?:\s?[-–]\s?\d+(?:\.\d+)?)?\s?%?"
_HEAD_NUMBER = re.compile(r"(?P<head>[A-Za-z][\w\-]*(?:\s[A-Za-z][\w\-]*)*)\s(?P<rest>" + _NUMBER_TOKEN + r".*)")
_STARTS_WITH_NUMBER = re.compile(_NUMBER_TOKEN)
_ENDS_WITH_NUMBER = re.compile(r"(?:^|\s)" + _NUMBER_TOKEN + r"$")
_BOUND_WORD = re.compile(r"(?:or|and)\b")  # "salvage 3 or later" bounds its own item
_NUMBER_TAIL = re.compile(r".*?" + _NUMBER_TOKEN + r"\s(?P<tail>[A-Za-zµ/][^,;]*)$")


def numbered_list(text: str, positions: list[tuple[int, int]], avoid=()) -> list[str] | None:
    """The groups of a "respectively" list whose items hold numbers, one per value, a head or tail the items share
    given to each ("cohorts 1, 2 and 3" -> "cohort 1", "cohort 2", "cohort 3"; "aged < 40, 40-59 and >= 60 years"
    -> "aged <40 years", "aged 40-59 years", "aged >=60 years"); not a list over an endpoint or time point (`avoid`)."""
    m = _NUMBERED_AFTER.match(text, positions[-1][1]) or _NUMBERED_CODES_AFTER.match(text, positions[-1][1]) \
        or _NUMBERED_LEADING.match(text[:positions[0][0]]) or _NUMBERED_BEFORE.search(text, 0, positions[0][0])
    if m is None or not any(ch.isdigit() for ch in m.group("list")) or _TIMES.match(m.group("list")) \
            or any(a < m.end("list") and m.start("list") < b for a, b in avoid) or not_a_group_list(text):
        return None  # "at weeks 4 and 8", "in cycles 1 and 2": one group's values at successive times
    items = [" ".join(i.split()) for i in _ITEM_SPLIT.split(m.group("list")) if i.strip()]
    if len(items) != len(positions) or len(items) < 2:
        return None
    names = [name(i) for i in _shared_tail(_shared_head(items))]
    return names if all(names) and len(set(names)) == len(names) else None


def _shared_head(items: list[str]) -> list[str]:
    """Only the first item has words before its number and the others start with one ("cohorts 1, 2 and 3", "aged <
    40, 40-59 and >= 60 years"): each takes the head, singular ("cohort 1"); a head ending in "of" ("doses of 0.8,
    1.2 and 1.8 mg/m2") names no group and is dropped."""
    head = _HEAD_NUMBER.fullmatch(items[0])
    if head is None or not all(_STARTS_WITH_NUMBER.match(i) for i in items[1:]):
        return items
    words = head.group("head")
    if words == "of" or words.endswith(" of"):
        return [head.group("rest")] + items[1:]
    words = _PLURAL_S.sub("", words)  # "cohorts" -> "cohort" ("status" stays)
    return [f"{words} {i}" for i in [head.group("rest")] + items[1:]]


def _shared_tail(items: list[str]) -> list[str]:
    """Only the last item has words after its number and the others end with one ("0.8, 1.2 and 1.8 mg/m2", "< 5%,
    5-50% and > 50% marrow blasts"): each takes the tail."""
    tail = _NUMBER_TAIL.fullmatch(items[-1])
    if tail is None or _BOUND_WORD.match(tail.group("tail")) or not all(_ENDS_WITH_NUMBER.search(i) for i in items[:-1]):
        return items
    return [f"{i} {tail.group('tail')}" for i in items[:-1]] + [items[-1]]


def _distribute(items: list[str]) -> list[str]:
    """A shared head word: "standard, intermediate and high risk" -> "standard risk", "intermediate risk", "high risk";
    not onto a code, which names its group alone ("CR1, CR2 and refractory disease": not "CR1 disease")."""
    codes = _CODED_HEAD.fullmatch(items[0]) if len(items) >= 2 else None
    if codes and all(_CODE.fullmatch(i.rstrip(".")) for i in items[1:]):  # "arms A and B." -> "arm A", "arm B"
        return [f"{codes.group('head').lower()} {i.rstrip('.')}" for i in [codes.group("code"), *items[1:]]]
    last = items[-1].split()
    lesion = len(last) >= 2 and _LESION_HEAD.fullmatch(last[-1]) is not None  # "TP53, IKZF1 and CDKN2A alterations"
    if len(items) >= 2 and len(last) >= 2 and all(len(i.split()) == 1 and (lesion or not _CODE_ITEM.search(i))
                                                  for i in items[:-1]):
        head = last[-1]
        if not _GROUP_HEAD_END.search(head):
            return [f"{i} {head}" for i in items[:-1]] + [items[-1]]
    return items


_PLURAL_S = re.compile(r"(?<=[a-rt-z])s$")
_GROUP_HEAD_END = re.compile(r"(?:groups?|cohorts?|subgroups?|arms?|patients)$", re.I)

# A gene's lesion shared by a list of genes: the genes are no codes of groups ("CR1, CR2") but each names one.
_LESION_HEAD = re.compile(r"(?:mutations?|deletions?|alterations?|rearrangements?|fusions?|amplifications?|lesions?|"
                          r"mutated|deleted|rearranged)", re.I)
_CODE_ITEM = re.compile(r"[A-Za-z]\d")  # "CR1", "M2" (not an ordinal: "1st")
_CODED_HEAD = re.compile(r"(?P<head>(?i:arm|cohort|group))s?\s(?P<code>[A-Z]\d?|\d{1,2}[A-Z]?)")
_CODE = re.compile(r"[A-Z]\d?|\d{1,2}[A-Z]?")


def disease_state(label: str) -> bool:
    """The label is a state of the disease ("refractory disease", "active disease", "relapse"): the cohort's own when
    alone, a group's beside remission states ("for patients in CR1, CR2 and refractory disease")."""
    return _DISEASE_STATE.fullmatch(label) is not None


_DISEASE_STATE = re.compile(r"(?:primary\s|primarily\s)?(?:refractory|relapsed|resistant|active|persistent|progressive|"
                            r"overt)(?:\s(?:disease|leuka?emia|ALL))?|relapse", re.I)


def shared_noun_levels(text: str, positions: list[tuple[int, int]]) -> list[str] | None:
    """Levels of one measure whose noun only the last names, the others leaving it out: "between first (65%) and
    second (61%) salvage", "with a low (10.6 months) than a high (3.1 months) disease burden" (each level before its
    value's bracket), "3.1 months with high and 10.6 months with low disease burden" (each after its value) ->
    "first salvage" ..., "low disease burden" ...; levels of a time are one group's ("after the first and ... after
    the second cycle": `all` each)."""
    if not _LEVEL_CUE.search(text):
        return None
    levels = [_LEVEL_BEFORE_BRACKET.search(text, max(0, start - 40), start) for start, _ in positions]
    noun = _NOUN_AFTER_BRACKET.match(text, positions[-1][1]) if all(levels) else None
    if noun is None:
        levels = [_LEVEL_AFTER.match(text, end) for _, end in positions]
        noun = _NOUN_AFTER_LEVEL.match(text, levels[-1].end()) if all(levels) else None
    if noun is None or noun.group("noun").lower().startswith("patients"):
        return None
    if _TIME_NOUN.match(noun.group("noun")):
        return ["all"] * len(positions)  # "40% in the first and 65% in the second cycle": one group's, at two times
    nouns = [_own_noun(text, m.end(), noun.group("noun")) for m in levels]
    labels = [" ".join(f"{m.group('level')} {own}".split()) + _defining_bracket(text, m.end(), own)
              for m, own in zip(levels, nouns)]
    return labels if len(set(labels)) == len(labels) else None


def _own_noun(text: str, at: int, shared: str) -> str:
    """The noun a level names itself when it has one ending as the shared noun does ("with low marrow blast burden
    (<50%) and ... with high burden": "marrow blast burden"), else the shared noun."""
    own = _NOUN_AFTER_LEVEL.match(text, at)
    if own and own.group("noun").split()[-1].lower() == shared.split()[-1].lower():
        return own.group("noun")
    return shared


def _defining_bracket(text: str, at: int, noun: str) -> str:
    """The threshold bracket right after a level and its noun ("early relapse (<18 months)"), as the level's name
    keeps it, or ""."""
    if not text.startswith(" " + noun, at):
        return ""
    m = _THRESHOLD_BRACKET.match(text, at + len(noun) + 1)
    return " " + " ".join(m.group(0).split()) if m else ""


def era_groups(text: str, positions: list[tuple[int, int]]) -> list[str] | None:
    """Values of the periods before and after a year, the year maybe named only after the last ("45% before and 68%
    after 2012", "45% before 2012 and 68% after 2012") -> "before 2012", "after 2012"."""
    if "before" not in text and "prior to" not in text:
        return None
    eras = [_ERA_AFTER_VALUE.match(text, end) for _, end in positions]
    if not all(eras) or eras[-1].group("year") is None:
        return None
    year = eras[-1].group("year")
    labels = [f"{m.group('word')} {m.group('year') or year}" for m in eras]
    return labels if len(set(labels)) == len(labels) else None


_ERA_AFTER_VALUE = re.compile(r"\s?(?:%|months?)?\s(?:in\s(?:patients|those)\s(?:treated|diagnosed)\s)?"
                              r"(?P<word>before|after|prior\sto|since|until)(?:\s(?P<year>(?:19|20)\d\d))?"
                              r"(?=\s?[,;.()]|\s(?:and|or|vs\.?|versus|compared)\b|\s\(|$)")


_ORDINAL_LEVEL = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)(?:\sor\s(?:later|more|greater|subsequent|beyond))?"
_LEVEL_WORDS = r"later|subsequent|early|late|low|high|standard|intermediate|poor|good|favou?rable|unfavou?rable|adverse"
_LEVEL = r"(?P<level>" + _ORDINAL_LEVEL + "|" + _LEVEL_WORDS + ")"
_LEVEL_CUE = re.compile(r"\b(?:first|second|third|fourth|1st|2nd|3rd|4th|" + _LEVEL_WORDS + r"|lower|higher)\b", re.I)
_LEVEL_BEFORE_BRACKET = re.compile(r"(?<![\w\-])" + _LEVEL + r"\s?[(\[]\Z", re.I)
# (after a value, also a comparative: "73% at the lower and 93% at the higher dose")
_LEVEL_AFTER = re.compile(r"\s?(?:%|months?)?\s(?:in|with|for|among|after|at)\s(?:(?:patients|those)\s(?:with\s|in\s)?)?(?:an?\s|the\s)?"
                          r"(?P<level>" + _ORDINAL_LEVEL + "|" + _LEVEL_WORDS + r"|lower|higher)(?=\s)", re.I)
_NOUN = r"(?P<noun>[A-Za-z][\w\-]*(?:\s(?!(?:and|or|vs|versus|was|were|is|are|had|than|compared|respectively)\b)[A-Za-z][\w\-]*){0,2})"
_NOUN_END = r"(?=\s?[,;.()\[\]]|\s(?:and|or|vs\.?|versus|was|were|is|are|had|than|compared)\b|$)"
_NOUN_AFTER_BRACKET = re.compile(r"\s?(?:%|months?)?\s?[)\]]\s" + _NOUN + _NOUN_END)
_NOUN_AFTER_LEVEL = re.compile(r"(?:\s[(\[][^()\[\]]{1,8}[)\]])?\s" + _NOUN + _NOUN_END)  # "second (S2) salvage"
_TIME_NOUN = re.compile(r"(?:cycles?|courses?|blocks?|induction|years?|months?|weeks?|days?|time)\b", re.I)


def own_predicates(text: str, positions: list[tuple[int, int]]) -> bool:
    """Each value is the subject of its own clause, and the clauses say different things: "44% of patients achieved
    CR and 22% had refractory disease" (one cohort's two outcomes, not two groups)."""
    if " and " not in text and "," not in text:
        return False
    predicates = []
    for _, end in positions:
        m = _VALUE_SUBJECT.match(text, end)
        if m is None:
            return False
        predicates.append(m.group("p").lower())
    return len(set(predicates)) == len(predicates)


_VALUE_SUBJECT = re.compile(r"\s?%(?:\s?\([^()]{1,30}\))?(?:\sof\s(?:the\s|all\s)?(?:patients|subjects))?\s(?:had|have|were|was|"
                            r"achieved|attained|obtained|experienced|died|relapsed|developed|remained)\s(?P<p>[^,;()\d]{2,40}?)"
                            r"(?=\s?[,;.]|\s(?:and|while|whereas|but)\s|$)")


def _in_bracket(text: str, at: int) -> bool:
    head = text[:at]
    return head.count("(") + head.count("[") > head.count(")") + head.count("]")


def mask_brackets(text: str) -> str:
    """The text with bracket contents blanked (same length), so phrases are read around, not inside, brackets."""
    if "(" not in text and "[" not in text:
        return text
    out, depth, done = [], 0, 0
    for m in _BRACKET_CHAR.finditer(text):  # the text between brackets is copied or blanked in one piece
        at = m.start()
        out.append(" " * (at - done) if depth else text[done:at])
        out.append(m.group(0))
        depth = depth + 1 if m.group(0) in "([" else max(0, depth - 1)
        done = at + 1
    out.append(" " * (len(text) - done) if depth else text[done:])
    return "".join(out)


_BRACKET_CHAR = re.compile(r"[()\[\]]")


# An age group named by a word ("older adults", "the younger subgroup", "older responders"), which the gold names by
# the threshold the abstract defines it with.
_AGE_WORD_LABEL = re.compile(r"(?P<side>older|younger|elderly)(?:\s(?:adults?|patients?|subjects|responders|children|"
                             r"subgroup|group|cohort|age\sgroup))?", re.I)
# An age threshold as the abstract writes it: "aged ≥65 years", "patients aged > or =40 years", "age <60 years",
# "aged 60 years or older", "aged 18 to 59 years" is a band, no threshold.
_AGE_THRESHOLD = re.compile(r"\b(?P<w>(?:aged?|ages)\s?(?P<op>≥|≤|>\s?or\s?=|<\s?or\s?=|>=|<=|=>|=<|>|<)\s?(?P<n>\d{2,3})\s?"
                            r"(?:years?|yrs?)(?:\sold|\sof\sage)?|(?:aged?|ages)\s(?P<n2>\d{2,3})\s(?:years?|yrs?)"
                            r"(?:\sold|\sof\sage)?\s(?:or|and)\s(?P<dir>older|above|over|more|younger|less|under|below)|"
                            r"(?:older|elderly|younger)\s(?:patients|adults|subjects)\s?\((?P<op3>≥|≤|>=|<=|>|<)\s?(?P<n3>\d{2,3})\s?"
                            r"(?:years?|yrs?)\))", re.I)  # "older patients (≥60 years)"
_UPPER_OPS = ("≥", ">")
# Any other age the sentence bounds or bands ("aged <40 years, 40-59 years or ≥60 years"), not a range of ages ("range,
# 18-80 years"): a second age means the groups are not the two sides of one threshold.
_OTHER_AGE = re.compile(r"(?:[≥≤<>]=?|\bor\s?=)\s?(?P<n>\d{2,3})\s?(?:years?|yrs?)\b|(?<!range\s)(?<!range,\s)\b(?P<a>\d{2,3})\s?[-–]"
                        r"\s?(?P<b>\d{2,3})\s?(?:years?|yrs?)\b", re.I)


def age_word_label(label: str) -> bool:
    """The label names an age group by a word only ("older adults", "younger responders"): see `by_age_threshold`."""
    return label[:1] in "oyeOYE" and _AGE_WORD_LABEL.fullmatch(label) is not None


@lru_cache(maxsize=4)
def age_sides(texts: tuple[str, ...]) -> tuple[str | None, str | None] | None:
    """The names of the two sides of the one age threshold an abstract defines its age groups by ("aged ≥65 years vs
    aged <65 years" -> ("aged >=65 years", "aged <65 years")), the side it does not write by complement; None when it
    writes no age threshold, or several ages."""
    upper = lower = None
    ages = set()
    for text in texts:
        if "age" not in text and "older" not in text.lower() and "younger" not in text.lower():
            continue
        found = list(_AGE_THRESHOLD.finditer(text))
        if found:
            ages |= {m.group("n") or m.group("a") for m in _OTHER_AGE.finditer(text)} | \
                {m.group("b") for m in _OTHER_AGE.finditer(text) if m.group("b")}
        for m in found:
            ages.add(m.group("n") or m.group("n2") or m.group("n3"))
            written = name(m.group("w"))
            op = m.group("op") or m.group("op3") or ""
            is_upper = op.startswith(_UPPER_OPS) or op.startswith("=>") \
                or (m.group("dir") or "").lower() in ("older", "above", "over", "more")
            if is_upper:
                upper = upper or written
            else:
                lower = lower or written
    if len(ages) != 1 or not (upper or lower):
        return None
    return upper or complement(lower), lower or complement(upper)


# A group named by an age bound: "age <35 years", "aged >=60 years", "aged ≥65 years".
_AGE_BOUND_LABEL = re.compile(r"(?:aged?|ages)\s(?P<op>>=|<=|[<>≥≤])\d{1,3}\s(?:years?|yrs?)", re.I)


def age_word_beside(label: str, bound: str) -> str | None:
    """An age group named by a word after a group named by an age bound, named by that bound: "Among patients younger
    than 35 years, ... versus 30% in older patients" -> "older" beside "age <35 years" is "age >=35 years" (the other
    side; the same side is the bound's group). None when either is not such a label."""
    m = _AGE_WORD_LABEL.fullmatch(label) if age_word_label(label) else None
    bound_match = _AGE_BOUND_LABEL.fullmatch(bound) if m else None
    if bound_match is None:
        return None
    upper_word = m.group("side").lower() in ("older", "elderly")
    upper_bound = bound_match.group("op").startswith((">", "≥"))
    return bound if upper_word == upper_bound else complement(bound)


def by_age_threshold(label: str, texts: tuple[str, ...]) -> str:
    """An age group named by a word, named by the threshold the abstract defines the groups with: "older adults" ->
    "aged >=65 years", "younger responders" -> "aged <65 years" where the abstract writes "aged ≥65 years vs aged <65
    years" (or one side only); else the label as it is."""
    m = _AGE_WORD_LABEL.fullmatch(label)
    sides = age_sides(texts) if m else None
    if sides is None:
        return label
    return sides[1] if m.group("side").lower() == "younger" else sides[0]

