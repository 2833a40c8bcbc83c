"""Comparisons: hazard, odds and risk ratios with their 95% CI and p-value.

A comparison is read where a MEASURE rule span (hazard ratio, HR, odds ratio, OR, relative risk, RR) is followed
closely by its value: "HR, 0.71; 95% CI, 0.55 to 0.93; P = .01", "HR 0.71 [95% CI 0.55-0.93]", "hazard ratio for
death with A vs. B, 0.71", "(P < .0001; hazard ratio, 0.40; 95% confidence interval, 0.03-0.72)", and the list
"hazard ratio: 0.64 [p=0.026], 0.81 [p=0.11], and 0.60 [p=0.03]". A bare p-value is not a comparison fact and is
not emitted here. The endpoint compared is the one the ratio is "for" ("HR for EFS"), or its event ("hazard ratio for
death": OS; "for relapse or death": RFS; ENDPOINT_CUE rules of patterns/endpoints.jsonl), or the outcome a covariate's
bracketed ratio is associated with ("CR duration of >=12 months (HR 0.61) was associated with longer OS": OS, not the
covariate), else the one named before.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from extractor import normalise as nz
from extractor.extraction.checks import ci_flags
from extractor.extraction.context import ArticleContext
from extractor.extraction.evidence import evidence
from extractor.extraction.sentences import Sentence, section_view
from extractor.extraction.spans import rule_spans

# Between an abbreviated measure and its value only punctuation: "HR 0.71", "HR, 0.71", "HR = 0.71", "HR: 0.71".
# HR and RR also abbreviate "high risk" and "relapsed/refractory", which are never followed like this.
# "HR for death was 0.71", "HR for death with A vs. B, 0.71": what it is for may come in between, then a link;
# "hazard ratio (HR) for death, 0.71": the abbreviation's bracket closes first.
_SHORT_GAP = re.compile(
    r"^[)\]]?\s?(?:for\s[^\d;()\[\]]{1,80}?(?:\s?[,:=]\s?|\s(?:was|were|of|is)\s)|(?:[,:=]|was|of)?\s?)$")
# "HR for death 0.43": what the ratio is for, with no link before its value (accepted only when that is an endpoint
# or its event, see _named_for).
_FOR_UNLINKED = re.compile(r"[)\]]?\s(?:for|of)\s[^\d;()\[\]]{1,60}?\s")
# A spelled-out measure may say what it compares first: "hazard ratio for death with A vs. B, 0.71".
_LONG_GAP = re.compile(
    r"^(?:\s?[,:=]?\s?|\s(?:was|were|of|is)\s|\s[^\d;()\[\]]{1,80}?(?:,\s|:\s|\s?=\s?|\s(?:was|were|of)\s))$")
# The CI level written between measure and value: "HR (95% CI) 0.71 (0.55-0.93)".
_LEVEL = re.compile(r"\s?[(\[]\s?(?P<level>\d\d(?:[.·]\d)?)\s?%\s?(?:CI|confidence interval)\s?[)\]]\s?[,:=]?\s?")
# (the label dotted, "95% C.I.", or its level after it, "CI 95% 0.57-0.99", as some journals print it)
_CI_CUE = re.compile(
    r"^\s?[(\[,;]?\s?(?:(?:CI|C\.I\.)\s?(?P<level_after>\d\d(?:[.·]\d)?)\s?%"
    r"|(?:(?P<level>\d\d(?:[.·]\d)?)\s?%\s?)?(?:CI|C\.I\.|confidence interval)(?:\s?[(\[]CI[)\]])?)\s?[,:=]?\s?"
    r"(?:[(\[]\s?(?=[\d.·]))?"  # "95% CI [0.55, 0.93]"
    r"|^\s?[(\[]\s?(?=[\d.·−-])"
)
_P_VALUE = re.compile(r"(?<![A-Za-z])[pP]\s?(?:[-\s]?value)?\s?(?P<op>[=<>≤≥]|<=|>=)\s?(?P<num>\d*[.·]?\d+)")
# A further value of a list: ", 0.81 [p=0.11]", ", and 0.60 (95% CI, ...)", or after the first one's group "(95% CI,
# 0.42-0.97) in younger and 0.92 (95% CI, ...)" (the same comparison in another group).
_NEXT_VALUE = re.compile(r"^\s?[)\]]?\s?(?:(?:in|among)\s(?:[\w\-+/]+\s){1,4})?,?\s?(?:and\s)?$")
# Patterns of the readers below, compiled once.
_DIGIT = re.compile(r"\d")
_NOT_A_RATIO_AFTER = re.compile(r"\s?(?:%|months?|years?|weeks?|days?|patients?)")
_LEVEL_AFTER = re.compile(r"\s?%\s?(?:CI|C\.I\.|confidence)")
_CI_SEP = re.compile(r"\s?(?:[" + nz.HYPHENS + r"]|to|,|;)\s?")  # "[0.55; 0.93]" too
_ANOTHER_RATIO = re.compile(r"hazard|odds|\bHR\b|\bOR\b|\bRR\b")
_CLOSE = re.compile(r"[)\]]")
_CLOSE_FIRST = re.compile(r"^\s?[)\]]")
# (or a bare CI: "0.71 (0.55-0.93) and 0.55 (0.39-0.78)")
_OWN_BRACKET = re.compile(r"\s?[(\[]\s?(?:[pP]\s?[=<>]|9\d(?:[.·]\d)?\s?%|\d*[.·]?\d+\s?(?:[" + nz.HYPHENS
                          + r"]|to|,)\s?\d*[.·]?\d+\s?[)\]])")
_ENDPOINT_KIND = re.compile(r"_(?:MEDIAN|RATE)$")

# Between a ratio and the endpoint it names after it: "hazard ratio for EFS", "HR of OS", "odds ratio (OR) for
# achieving CR".
# (past the CI level printed before it: "The hazard ratio (95% CI) for OS was 0.75 (0.57-0.99)")
_RATIO_FOR = re.compile(r"[)\]]?(?:\s?[(\[]\s?\d\d(?:[.·]\d)?\s?%\s?(?:CI|confidence interval)\s?[)\]])?\s(?:for|of|in)\s"
                        r"(?:the\s)?(?:(?:achieving|attaining)\s(?:an?\s)?)?")
# Between a ratio's value (and CI) and the survival endpoint it is for: "0.62 (95% CI, 0.45-0.85) for EFS".
_VALUE_FOR = re.compile(r"[)\]]?,?\sfor\s(?:the\s)?")
_SURVIVAL = frozenset({"OS", "PFS", "EFS", "RFS", "DOR"})
# A ratio "for events" (plural: "an event" is an ENDPOINT_CUE rule), not "for adverse events".
_FOR_EVENTS = re.compile(r"[)\]]?\s(?:for|of)\s(?:(?:any|all)\s)?events?\b(?!\s(?:of|related|due))", re.I)
# A ratio in the bracket of a covariate whose clause then names the outcome: "CR duration of >= 12 months (HR 0.61)
# was associated with longer OS", "MRD negativity (HR 0.45) predicted improved EFS": the ratio is for that outcome.
_ASSOCIATED_WITH = re.compile(
    r"\b(?:(?:was|were|is|are)\s(?:(?:independently|significantly|strongly|also)\s)?(?:associated with|predictive of|"
    r"prognostic for|linked to|correlated with)|(?:was|were|is|are)\s(?:an?\s|the\s)?(?:(?:independent|strongest|"
    r"significant|only|major)\s)*(?:predictors?|prognostic factors?|risk factors?|determinants?)\s(?:of|for)|predicted|"
    r"conferred|correlated with)\s(?:an?\s|the\s)?(?:(?:significantly\s)?(?:longer|"
    r"shorter|improved|better|worse|inferior|superior|prolonged|reduced|decreased|increased|higher|lower|poorer|"
    r"favou?rable|unfavou?rable|adverse)\s)?(?:(?:risk|rates?|odds|likelihood|probability|chance)\sof\s)?", re.I)
# Words of an analysis of factors: its ratios compare patients with and without a factor.
_COVARIATE_CUE = re.compile(
    r"\b(?:multi-?variabl?e|multi-?variate|uni-?variabl?e|uni-?variate|Cox\s(?:regression|model|proportional)|"
    r"adjusted\s(?:for|analysis|model)|independent(?:ly)?\s(?:predict|prognostic|risk|associated|factor)|"
    r"predictors?\s(?:of|for)|prognostic\s(?:factors?|significance|value|impact)|risk\sfactors?|associated\swith)",
    re.I)
_ASSOCIATION_CUES = ("ssociat", "redict", "onferred", "actor", "orrelated", "eterminant", "rognostic")  # in every match

def extract_comparisons(doc: Doc, section: str, context: ArticleContext) -> list[dict]:
    """Every HR/OR/RR with a value in one section.

    Args:
        doc: the processed section text.
        section: its name (evidence.section).
        context: the article's context.

    Returns:
        Comparison dicts {endpoint, measure, value, ci95, p, flags, evidence}; endpoint is the nearest endpoint
        named before the measure in the sentence (OS, PFS...), or None.
    """
    found = []
    for sent in section_view(doc).sentences:
        found += _sentence_comparisons(sent, section, context)
    return found


def _sentence_comparisons(sent: Sentence, section: str, context: ArticleContext) -> list[dict]:
    measures = rule_spans(sent, "MEASURE")
    if not measures:
        return []  # most sentences have none: their numbers need not be read here
    doc, text = sent.doc, sent.section_text
    numbers = sent.section_numbers(context.words)  # shared with the other extractors
    labels = [(s.start_char, s.end_char) for s in sent.labelled("NUMBER_LABEL")]
    if labels:  # "HR for death in arm 2 versus arm 1 was 0.62": a number naming an arm is no value, nor a gap's digit
        numbers = [n for n in numbers if not any(a <= n.start < b for a, b in labels)]
        masked = list(text)
        for a, b in labels:
            masked[a:b] = _DIGIT.sub("N", text[a:b])
        gaps = "".join(masked)
    else:
        gaps = text
    found, used = [], set()
    named = [s for label in ("ENDPOINT", "ENDPOINT_CUE") for s in sent.labelled(label)]
    named_ends = {s.end_char for s in named}
    named_starts = {s.start_char for s in named}
    for measure in measures:
        value = _value_after(gaps, measure, numbers, named_ends)
        if value is None or value.start in used:
            continue
        listed, named_for = [], None
        while value is not None:
            used.add(value.start)
            item, end = _read_one(doc, text, sent, measure, value, numbers, section)
            if item is not None:
                listed.append(item)
                item["endpoint"] = named_for or item["endpoint"]
            value = _next_in_list(text, numbers, end) or _next_for_endpoint(text, numbers, end, named_starts)
            value, named_for = (value, None) if value is not None else _next_named_first(text, numbers, end, named)
        chain = _endpoint_chain(sent, measure)
        if len(chain) > 1:
            # "HRs for OS and EFS were 0.50 and 0.60(, respectively)": the plain values the list's length asks for
            for value in _plain_list(text, numbers, end, len(chain) - len(listed)) if len(chain) > len(listed) else ():
                used.add(value.start)
                item, end = _read_one(doc, text, sent, measure, value, numbers, section)
                if item is not None:
                    listed.append(item)
            if len(listed) == len(chain) > 1:
                for item, endpoint in zip(listed, chain):
                    item["endpoint"] = endpoint
        elif len(listed) == 1:
            end = _listed_plainly(doc, text, sent, measure, numbers, end, section, listed, used)
        if len(listed) > 1 and len(chain) <= 1:
            _zip_endpoints_before(sent, measure, end, named, listed)
        found += listed
    _mark_covariates(found, sent, context)
    return found


def _mark_covariates(found: list[dict], sent: Sentence, context: ArticleContext) -> None:
    """`covariate`: a ratio of an analysis of factors whose own stretch of the sentence (from the ratio before it)
    names none of the study's arms ("By multivariate analysis, age (HR 1.05) and the combination of X (HR 0.55)
    were prognostic factors": age's is, X's is not). It compares patients inside the cohort, not the arms."""
    analysis = bool(found) and _COVARIATE_CUE.search(sent.text) is not None
    arm_ends = [end for _, end, _ in context.arm_index.refs(sent.text, arms_only=True)] \
        if analysis and context.arm_index else []
    since = 0
    for item in found:
        end = item["evidence"]["end"] - sent.start_char
        item["covariate"] = analysis and not any(since < arm_end <= end for arm_end in arm_ends)
        since = end


_PLAIN_LINK = re.compile(r"\s?(?:,\s?(?:and\s)?|and\s)")
# After a plain list of ratios: what makes it one ("0.60 and 0.45, respectively", "0.60 and 0.45 for OS and EFS").
_LIST_END = re.compile(r",?\s(?:respectively\b|for\s)")
_RANGE_AFTER = re.compile(r"\s?(?:[" + nz.HYPHENS + r"]|to\s)\s?\d")


_RESPECTIVELY_AFTER = re.compile(r"[)\]]?,?\s?respectively\b")


def _zip_endpoints_before(sent: Sentence, measure: Span, end: int, named: list[Span], listed: list[dict]) -> None:
    """"OS and EFS were longer (HR, 0.60 and 0.45, respectively)": the k-th ratio of a list followed by
    "respectively" is for the k-th endpoint named before the measure, when as many are named there."""
    if not _RESPECTIVELY_AFTER.match(sent.section_text, end):
        return
    before, seen = [], set()
    for span in sorted(named, key=lambda e: (e.start_char, -e.end_char)):
        family = _ENDPOINT_KIND.sub("", span.id_)
        if span.start_char >= sent.start_char and span.end_char <= measure.start_char \
                and span.id_ not in ("OTHER", "MEDIAN") and family not in seen:
            before.append(family)
            seen.add(family)
    if len(before) == len(listed):
        for item, endpoint in zip(listed, before):
            item["endpoint"] = endpoint


def _listed_plainly(doc, text, sent, measure, numbers, end, section, listed, used) -> int:
    """"The HR was 0.60 and 0.45 for OS and EFS, respectively", "(hazard ratios 0.77 and 0.45)": the further
    values of a list after the first, linked by "and" or commas, when the measure is plural or the list is followed
    by "respectively" or what it is for (each zipped with the endpoints named after "for", when as many); the end
    of the last one read."""
    run, at = [], end
    for number in (n for n in numbers if n.start >= end):
        if not _PLAIN_LINK.fullmatch(text, at, number.start) or _NOT_A_RATIO_AFTER.match(text[number.end:]) \
                or _RANGE_AFTER.match(text, number.end) or number.start in used:
            break
        run.append(number)
        at = number.end
    if not run or not (measure.text[-1:] in "sS" or _LIST_END.match(text, at)):
        return end
    for value in run:
        used.add(value.start)
        item, end = _read_one(doc, text, sent, measure, value, numbers, section)
        if item is not None:
            listed.append(item)
    chain = _chain_from(sent, at)
    if len(chain) == len(listed):
        for item, endpoint in zip(listed, chain):
            item["endpoint"] = endpoint
    return end


def _plain_list(text: str, numbers: list[nz.Number], end: int, count: int) -> list[nz.Number]:
    """The `count` numbers after `end` listed with "and" or commas and no unit after them, else none."""
    after = [n for n in numbers if n.start >= end][:count]
    if len(after) < count:
        return []
    for number in after:
        if not _PLAIN_LINK.fullmatch(text, end, number.start) or _NOT_A_RATIO_AFTER.match(text[number.end:]):
            return []
        end = number.end
    return after


# "The HR was 0.50 for OS and 0.60 for EFS": a further value, each followed by what it is for.
# (after the first value's CI bracket too: "0.66 (95% CI 0.47-0.93) for OS and 0.55 (95% CI 0.39-0.78) for EFS")
_FOR_AND = re.compile(r"[)\]]?\s(?:for|of)\s(?:the\s)?[^\d;()\[\]]{1,30}?,?\s(?:and\s|,\s?)")
_FOR_AFTER = re.compile(r"[)\]]?\s(?:for|of)\s(?:the\s)?")
_BRACKET_FOR_AFTER = re.compile(r"(?:\s?[(\[][^()\[\]]{1,60}[)\]])?\s(?:for|of)\s(?:the\s)?")


def _next_for_endpoint(text: str, numbers: list[nz.Number], end: int, named_starts: set[int]) -> nz.Number | None:
    after = next((n for n in numbers if n.start >= end), None)
    if after is None or not _FOR_AND.fullmatch(text, end, after.start):
        return None
    m = _FOR_AFTER.match(text, end)
    for_next = _BRACKET_FOR_AFTER.match(text, after.end)
    return after if m.end() in named_starts and for_next and for_next.end() in named_starts else None


# "The hazard ratio for death was 0.71 (...), and for an event or death 0.55 (...)": a further value after what it
# is for, named as the first one's was.
_AND_FOR = re.compile(r"[)\]]?,?\s(?:and\s)?for\s(?:the\s)?")
_NAMED_LINK = re.compile(r"(?:,\s?|\s(?:was|were|of)\s|\s)")


def _next_named_first(text: str, numbers: list[nz.Number], end: int, named: list[Span]):
    """(value, endpoint) of a further value whose endpoint or event is named between "and for" and it, else
    (None, None)."""
    m = _AND_FOR.match(text, end)
    after = next((n for n in numbers if n.start >= end), None) if m else None
    if after is None:
        return None, None
    starting = [s for s in named if s.start_char == m.end() and s.id_ not in ("MEDIAN", "OTHER")]
    span = max(starting, key=lambda s: s.end_char) if starting else None  # "an event or death", not "an event"
    if span is None or not _NAMED_LINK.fullmatch(text, span.end_char, after.start) \
            or _NOT_A_RATIO_AFTER.match(text[after.end:]):
        return None, None
    return after, _ENDPOINT_KIND.sub("", span.id_)


# Between two endpoints a ratio is listed for: "for OS and EFS", "for OS, EFS and RFS", "for death and for relapse".
_ENDPOINT_LINK = re.compile(r"(?:,\s?(?:and\s)?|\s(?:and|or)\s)(?:for\s)?(?:the\s)?")


def _endpoint_chain(sent: Sentence, measure: Span) -> list[str]:
    """"Hazard ratios for OS and EFS were 0.62 (...) and 0.55 (...), respectively": the endpoints the ratio names
    after it, in order (the k-th value is for the k-th)."""
    return _chain_from(sent, measure.end_char)


def _chain_from(sent: Sentence, at: int) -> list[str]:
    """The endpoints named in order after a "for" at `at` ("for OS and EFS", "for death and for relapse")."""
    text = sent.section_text
    m = _RATIO_FOR.match(text, at)
    if m is None:
        return []
    at, chain = m.end(), []
    # (an event the ratio is for too: "HRs for death and for relapse": OS and RFS)
    named = [s for label in ("ENDPOINT", "ENDPOINT_CUE") for s in rule_spans(sent, label) if s.id_ not in ("OTHER", "MEDIAN")]
    for span in sorted(named, key=lambda e: (e.start_char, -e.end_char)):
        if span.start_char < at:
            continue
        if span.start_char != at:
            break
        chain.append(_ENDPOINT_KIND.sub("", span.id_))
        link = _ENDPOINT_LINK.match(text, span.end_char)
        if link is None:
            break
        at = link.end()
    return chain


def _value_after(text: str, measure: Span, numbers: list[nz.Number], named_ends: set[int]) -> nz.Number | None:
    """The measure's value: the first number after it, if what stands between fits the measure's style, or is what
    the ratio is for, an endpoint or its event, right before the value ("HR for death 0.43; 95% CI 0.18-1.01")."""
    per = _PER_UNIT.match(text, measure.end_char)  # "HR per decade 1.2", "HR per 10 years, 1.2": the ratio's unit
    after = [n for n in numbers if n.start >= (per.end() if per else measure.end_char)]
    if not after:
        return None
    value = after[0]
    if per:
        return value if value.start == per.end() and not _NOT_A_RATIO_AFTER.match(text[value.end:]) else None
    gap = text[measure.end_char:value.start]
    level = _LEVEL.match(gap)
    if _is_level(text, value) or level:
        # "HR (95% CI) 0.71": skip the CI level and read the number after it
        rest = [n for n in after if not _is_level(text, n)]
        if not rest:
            return None
        value = rest[0]
        gap = _LEVEL.sub(" ", text[measure.end_char:value.start])
    short = measure.end_char - measure.start_char <= 3  # len(measure.text), without rebuilding the span's text
    if not (_SHORT_GAP.match(gap) if short else _LONG_GAP.match(gap)) and not _named_for(gap, measure, named_ends) \
            and not (gap == " were " and measure.text[-1:] == "s"):  # "The HRs were 0.77 and 0.45" (not "HR were 20")
        return None
    if _NOT_A_RATIO_AFTER.match(text[value.end:]):
        return None
    return value


# The unit a ratio is per, then its value: "HR per decade 1.2", "HR per 10 years, 1.2", "OR per 10% increase: 1.1".
_PER_UNIT = re.compile(r"\s?per\s(?:\d+(?:[.·]\d+)?\s?%?[\s-]?)?[A-Za-z/]+(?:\s(?:increase|increment|rise|decrease|"
                       r"higher|older))?\s?[,:=]?\s?")


def _named_for(gap: str, measure: Span, named_ends: set[int]) -> bool:
    return bool(_FOR_UNLINKED.fullmatch(gap)) and measure.end_char + len(gap.rstrip()) in named_ends


def _is_level(text: str, number: nz.Number) -> bool:
    """True for the 95 of "95% CI"."""
    return bool(_LEVEL_AFTER.match(text[number.end:]))


def _read_one(doc: Doc, text: str, sent: Sentence, measure: Span, value: nz.Number, numbers: list[nz.Number], section: str):
    """The comparison of one value: its CI and p after it (or a p before it, in the same bracket)."""
    end = value.end
    ci, ci_end, level = _ci_after(text, value, numbers)
    if ci_end is not None:
        end = ci_end
    if level is None:  # "HR (97.5% CI) 0.71 (0.55-0.93)": the level printed between the measure and its value
        stated = _LEVEL.search(text[measure.end_char:value.start])
        level = nz.read_number(stated.group("level")).value if stated else None
    p, p_end = _p_after(text, sent, end)
    if p is None:
        p = _p_before(text, sent, measure)
    else:
        end = p_end
    if value.value <= 0:
        return None, end  # a ratio is positive: a zero or negative "HR" is a misreading, not a fact
    start = measure.start_char
    item = {
        "endpoint": _compared_endpoint(sent, measure, end),
        "measure": measure.id_,
        "value": value.value,
        # SCHEMA's ci95 is a 95% CI: another level ("97.5% CI" of an interim analysis) is kept apart, with its level.
        "ci95": ci if level in (None, 95) else None,
        "p": p,
        "flags": ci_flags(value.value, ci),
        "evidence": evidence(doc, section, start, end),
    }
    if ci is not None and level not in (None, 95):
        item["ci"] = {"level": level, "low": ci[0], "high": ci[1]}
    return item, end


def _ci_after(text: str, value: nz.Number, numbers: list[nz.Number]):
    """([low, high], end, level) of the CI printed right after a value (level None when not printed there), else
    (None, None, None)."""
    rest = text[value.end:value.end + 60]
    cue = _CI_CUE.match(rest)
    if not cue:
        return None, None, None
    at = value.end + cue.end()
    later = [n for n in numbers if n.start >= at]
    if len(later) < 2 or later[0].start != at:
        return None, None, None
    low, high = later[0], later[1]
    if not _CI_SEP.fullmatch(text[low.end:high.start]):
        return None, None, None
    level = cue.group("level") or cue.group("level_after")
    return [low.value, high.value], high.end, nz.read_number(level).value if level else None


def _p_after(text: str, sent: Sentence, at: int):
    """(p, end) of a p-value within the same clause after `at` (before the next ratio or the sentence end)."""
    rest = text[at:min(sent.end_char, at + 40)]
    m = _P_VALUE.search(rest)
    if not m or _ANOTHER_RATIO.search(rest[:m.start()]):
        return None, None
    return _p_text(m), at + m.end()


def _p_before(text: str, sent: Sentence, measure: Span) -> str | None:
    """A p-value printed before the measure inside the same bracket: "(P < .0001; hazard ratio, 0.40)"."""
    before = text[sent.start_char:measure.start_char]
    bracket = max(before.rfind("("), before.rfind("["))
    if bracket < 0 or _CLOSE.search(before[bracket:]):
        return None
    m = _P_VALUE.search(before[bracket:])
    return _p_text(m) if m else None


def _p_text(m: re.Match) -> str:
    """A p-value as the gold writes it: "0.01", "<0.001", ".019" (an equals sign is dropped)."""
    op = m.group("op")
    number = m.group("num").replace("·", ".")
    return number if op == "=" else op + number


def _next_in_list(text: str, numbers: list[nz.Number], end: int) -> nz.Number | None:
    """The next value of a list of ratios sharing one measure, when it is printed in the same shape
    (a value followed by its own bracketed p or CI)."""
    after = [n for n in numbers if n.start >= end]
    if not after:
        return None
    candidate = after[0]
    bracket_close = _CLOSE_FIRST.match(text[end:])
    gap = text[end:candidate.start]
    if not bracket_close or not _NEXT_VALUE.match(gap):
        return None
    if not _OWN_BRACKET.match(text[candidate.end:]):
        return None
    return candidate


def _associated_outcome(sent: Sentence, measure: Span, candidates: list) -> Span | None:
    """The outcome the clause after a covariate's bracketed ratio names (see _ASSOCIATED_WITH)."""
    text = sent.section_text
    if not any(cue in text for cue in _ASSOCIATION_CUES):
        return None  # a cheap necessary cue: most sentences with a ratio say neither
    bracket = max(text.rfind("(", sent.start_char, measure.start_char), text.rfind("[", sent.start_char, measure.start_char))
    close = _CLOSE.search(text, measure.end_char, sent.end_char) if bracket != -1 else None
    if close is None or _CLOSE.search(text, bracket, measure.start_char):
        return None  # the ratio is not inside a bracket
    clause_end = _semicolon_outside_brackets(text, close.end(), sent.end_char)
    link = _ASSOCIATED_WITH.search(text, close.end(), clause_end)
    if link is None:
        return None
    return next((e for e in candidates if e.start_char == link.end()), None)


_NAMES_GROUP_AFTER = re.compile(r"\s(?:patients|pts|subjects|children|adults|cases|groups?|cohorts?|subgroups?)\b")
_NAMES_GROUP_BEFORE = re.compile(r"\b(?:patients|those|subjects|children|adults)\s(?:in|with|without|achieving|"
                                 r"who\s(?:achieved|attained|had|reached|were\sin))\s(?:an?\s|the\s)?$")


def _semicolon_outside_brackets(text: str, start: int, end: int) -> int:
    """Where the clause from `start` ends: its first ";" outside brackets ("age (HR 1.5; P = .03) and MRD (HR 2.3;
    P < .001) predicted shorter OS": the semicolons inside the brackets end no clause), else `end`."""
    depth = 0
    for m in _SEMICOLON_OR_BRACKET.finditer(text, start, end):
        char = m.group()
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            return m.start()
    return end


_SEMICOLON_OR_BRACKET = re.compile(r"[;()\[\]]")


def _compared_endpoint(sent: Sentence, measure: Span, end: int) -> str | None:
    """The endpoint a ratio compares: one the ratio names right after it ("The hazard ratio for EFS was 0.55"), or
    by its event ("hazard ratio for death": OS; ENDPOINT_CUE rules), or right after its value and CI (`end`: "a
    hazard ratio of 0.62 (95% CI, 0.45-0.85) for EFS"), else the nearest endpoint or event named before it in the
    sentence ("OS_MEDIAN" -> "OS")."""
    named_spans = rule_spans(sent, "ENDPOINT")
    spans = [e for e in named_spans if e.id_ != "OTHER"]
    events = [c for c in rule_spans(sent, "ENDPOINT_CUE") if c.id_ != "MEDIAN"]
    text, at = sent.section_text, measure.end_char
    named = next((e for e in spans + events
                  if 0 <= e.start_char - at <= 60 and _RATIO_FOR.fullmatch(text, at, e.start_char)
                  or e.id_ in _SURVIVAL and 0 <= e.start_char - end <= 12
                  and _VALUE_FOR.fullmatch(text, end, e.start_char)), None)
    if named is None:
        named = _associated_outcome(sent, measure, spans + events)
    if named is not None:
        return _ENDPOINT_KIND.sub("", named.id_)
    if _FOR_EVENTS.match(text, at):  # "the hazard ratio for events was 0.55": the events of event-free survival
        return "EFS"
    # "The risk of death was lower with inotuzumab (HR 0.77)": an event before the ratio names it too, unless it is
    # part of another measure ("death in CR", "early death").
    events = [c for c in events if not any(e.start < c.end and c.start < e.end for e in named_spans)]
    before = [e for e in spans + events if e.end <= measure.start]
    if measure.id_ == "HR":  # a hazard ratio compares times to an event: "41% for patients who underwent
        # transplantation (HR 0.31)" after "3-year OS was 18%" compares OS, not the transplant rate
        before = [e for e in before if _ENDPOINT_KIND.sub("", e.id_) in _SURVIVAL] or before
    # "The risk of relapse was lower in MRD-negative patients (HR 0.30)": an endpoint naming a group is a covariate
    before = [e for e in before if not _NAMES_GROUP_AFTER.match(text, e.end_char)
              and not _NAMES_GROUP_BEFORE.search(text, max(sent.start_char, e.start_char - 30), e.start_char)]
    return _ENDPOINT_KIND.sub("", max(before, key=lambda e: e.end).id_) if before else None
