"""Denominators of rates that the abstract does not print beside them, read from the size of the rate's group.

A rate printed with its count and denominator ("44/48", "44 of 48") carries them from the outcome reader. These
kinds of rate get their denominator here, after every section is read (the arms' sizes are known then):

- a printed count and percentage ("13 patients (76%) achieved CR"): the group its sentence opens with, else its
  arm's size (the cohort for `all`), when that size gives the percentage as printed;
- a percentage alone, of an endpoint whose natural base is its group (a response, a transplant, a toxicity, an
  early death; not MRD negativity, which is among responders, nor survival estimates or medians): the size the
  sentence prints for its group ("Of 36 older adults, 56% ...", "in 99% of the 194 patients", "B1 (n=54)"), the
  per-arm size the sentence or the one before gives ("109 in each group"), else its arm's size (the cohort for
  `all`) when neither sentence names another base ("of evaluable patients", "among responders", "of the 40
  evaluable"). The size must give the percentage to its printed precision for some whole count (80.7% of 109 is
  88/109): a size no count fits is not the base;
- a count and percentage the cohort does not give: the subset "of these", "of whom", "among them" points back to
  (a count before it in the sentence, or in the sentence before one opening "Of these,"), else, in a single-arm
  study, a part of the cohort counted as infused, treated or evaluable ("36 were infused"), the one that gives the
  percentage; a toxicity's count goes over the treated part even when the cohort gives it too (SCHEMA);
- a percentage alone of a single-arm cohort that counts a part: the part its sentence names ("among infused
  patients"), and for a toxicity the one treated part ("CRS occurred in 22%" after "63 were infused");
- MRD negativity (whose base is seldom the whole group) only from a size its sentence prints for its group ("Of
  the 39 responders, 77% were MRD negative"), and a percentage alone after "Of these," from the one count of the
  sentence before.
The inferred ones carry the flag `denominator_inferred` (checks.py), so a reader of the table sees the denominator
was not printed with the rate.

A subgroup sized only in an earlier sentence ("36 patients were aged 65 or older") gets none: which later value is
of that subgroup is the arms reader's question, and a wrong denominator is worse than none.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from extractor import normalise as nz
from extractor.extraction.checks import DENOMINATOR_INFERRED, outcome_flags
from extractor.extraction.sentences import section_view

# Endpoints whose rate is of the whole group it is given for. MRD negativity is usually of the responders, and
# survival rates are Kaplan-Meier estimates with no whole count behind them.
GROUP_ENDPOINTS = frozenset({"CR", "CR_CRi", "ORR", "HSCT", "VOD", "CRS", "NEURO", "EARLY_DEATH"})
# MRD negativity takes only a size its sentence prints for its group ("Of the 39 responders, 77% were MRD
# negative"): its base is seldom the whole group, so no arm's size is its fallback.
SIZED_ENDPOINTS = GROUP_ENDPOINTS | {"MRD_NEG"}
# What is counted among the responders, and the responses that count them.
AFTER_RESPONSE = frozenset({"MRD_NEG", "HSCT"})
RESPONSES = frozenset({"CR", "CR_CRi", "ORR"})
_NAMES_RESPONDERS = re.compile(
    r"\b(?:responders|responding\spatients|(?:patients|those)\s(?:who\s)?(?:achiev|attain)(?:ed|ing)\s(?:a\s)?"
    r"(?:CR|CR/CRi|CR/CRh|CRc|remission|complete\sremission|response))\b", re.I)
_IN_RESPONSE = re.compile(r"\b(?:in|with)\s(?:a\s)?(?:CR|CR/CRi|CR/CRh|CRc|remission|complete\sremission)\b", re.I)
# A randomised trial counts its adverse events over the treated (safety) population, not the arms as randomised.
TOXICITIES = frozenset({"VOD", "CRS", "NEURO"})

_PATIENTS = r"(?:patients|pts|subjects|adults|children|cases|recipients|responders|individuals)"
_PERCENT = re.compile(r"\d+(?:\.\d+)?\s?%")

# "Of the 16 responders, ...", "Among 40 patients enrolled, ...": the group a sentence opens with, counted.
_OPENED_GROUP = re.compile(r"(?:Of|Among)\s(?:the\s|these\s|all\s)?(\d+)\b(?![.,]\d|\s?%)")

# The sizes an opening phrase gives its group: "In the 9 patients treated ...", "Of 36 older adults",
# "In cohort 2A (94 patients; ...)", "After failure of first salvage (n = 82)". A year ("In 2015") is no size.
_OPENING = re.compile(r"(?:In|Of|Among|After|For|Following|Within)\b")
_SIZE_IN_OPENING = re.compile(
    rf"\b(?:of|among|in|for)\s(?:the\s|these\s|all\s)?(\d+)\s(?:[\w-]+\s){{0,3}}?(?:{_PATIENTS}|evaluable)\b"
    rf"|\(\s?n\s?=\s?(\d+)|\((\d+)\s{_PATIENTS}\b", re.I)

# "55% (95% CI, 38-71; 22/40)", "55% (95% CI 38%-71%; 22 of 40)": the value's count and denominator after its CI.
_FRACTION_AFTER_CI = re.compile(
    r"(\d+(?:\.\d+)?)\s?%\s?[(\[]\s?95\s?%\s?(?:CI|confidence\sinterval)[^;()\[\]]{0,30};\s?(\d+)\s?(?:/|of)\s?(\d+)"
    r"(?:\s" + _PATIENTS + r")?\s?[)\]]", re.I)
# "55% (22 patients)", "55% of patients (n = 22)", "46% (225 patients)": a number of patients in the value's bracket.
_PATIENTS_AFTER_VALUE = re.compile(
    rf"(\d+(?:\.\d+)?)\s?%\s(?:of\s(?:the\s)?{_PATIENTS}\s)?\((?:n\s?=\s?(\d+)|(\d+)\s{_PATIENTS})\)", re.I)

# "CR (n = 20, 44%)": the count before the value in its bracket.
_N_BEFORE_VALUE = re.compile(r"\(\s?n\s?=\s?(\d+)\s?[,;]\s?(\d+(?:\.\d+)?)\s?%\s?\)", re.I)

# "in 99.0% of the 194 patients with ...": the size printed right after the value.
_SIZE_AFTER_VALUE = re.compile(
    rf"(\d+(?:\.\d+)?)\s?%\s(?:[(\[][^()\[\]]*[)\]]\s)?(?:of|in|among)\s(?:the\s|all\s)?(\d+)\s(?:[\w-]+\s){{0,2}}?"
    rf"{_PATIENTS}\b", re.I)  # (past the value's CI: "60% (95% CI, 44-74) among the 45 evaluable patients")
# "The CR rate among the 45 evaluable patients was 60%": the size between a rate's name and its value.
_RATE_OF_SIZE = re.compile(
    rf"\brates?\s(?:[\w/-]+\s){{0,3}}?(?:of|among|in|for)\s(?:the\s|all\s)?(\d+)\s(?:[\w-]+\s){{0,3}}?"
    rf"(?:{_PATIENTS}|evaluable)\b(?!\s?[(\[]\d+(?:\.\d+)?\s?%)", re.I)

# A size printed beside the group's name: "B1 (n=54)", "B2 patients (n = 60)", "cohort 2A (94 patients",
# "the escalation cohort (n = 20)".
_SIZE_AFTER_LABEL = re.compile(
    rf"\s(?:(?:{_PATIENTS}|cohort|group|arm)\s)?\((?:n\s?=\s?(\d+)|(\d+)\s{_PATIENTS}\b)", re.I)
# "... in the 17 patients with <label>", "than in the eight with <label>" (the number read by `_number`).
# "... among 25 patients in first salvage" (a count of patients before "in": "the 25 in" may be a time).
_SIZE_BEFORE_LABEL = re.compile(
    rf"\b(?:the|all)\s([\w-]+)\s(?:{_PATIENTS}\s)?(?:with|treated\swith|treated\sunder|receiving|given)\s$"
    rf"|\b(?:the|all|among|of|for)\s([\w-]+)\s{_PATIENTS}\sin\s$", re.I)

# "(109 in each group)", "38 patients in each cohort", "60 per arm": the size of every arm.
# Not "per cohort": a dose escalation's cohorts of three are no arms' sizes.
_EACH_ARM = re.compile(rf"\b(\d+)\s(?:{_PATIENTS}\s)?(?:in\seach\s(?:group|arm|cohort)|per\s(?:group|arm)"
                       r"|in\sboth\s(?:groups|arms))\b", re.I)

# Words that name a base other than the group: the rate is of a part of it, whose size the sentence may not give.
_OTHER_BASE = re.compile(
    r"\b(?:evaluable|assessable|respond(?:ers?|ing)|matched|subgroups?|subsets?)\b"
    r"|\bwho\s(?:achieved|attained|had|reached|were|obtained)\b|\bof\swhom\b"
    r"|\b(?:of|among|in)\s(?:these|them|those)\b|\bin\s(?:CR|CR/CRi|remission|complete\sremission)\b"
    r"|\b(?:primary|interim|initial|previous|earlier|first)\s(?:analysis|report)\b"
    r"|\b(?:previously|pivotal|historical(?:ly)?|published|literature)\b", re.I)
_ALL_BUT = re.compile(r"\ball\sbut\s([\w-]+)\b", re.I)
# "Seven patients with B-cell ALL received ...": the patients a sentence opens with, counted.
_COUNTED_SUBJECT = re.compile(rf"([\w-]+)\s(?:[\w-]+\s){{0,2}}?{_PATIENTS}\b")
_NEGATED = re.compile(r"\b(?:no|none|neither|not)\b", re.I)
# "of these", "of whom", "among them": the rate after it is of the subset counted before it.
_POINTS_BACK = re.compile(r"\b(?:of|among)\s(?:these|them|whom|those)\b", re.I)
# "27 (39%) achieved CR, including 14 (52%) with ...": a part of the count before it (read for a printed count and
# percentage only, which decide whether it is of that count).
_INCLUDING = re.compile(r"\bincluding\b", re.I)
_OPENS_POINTING_BACK = re.compile(r"(?:Of|Among)\s(?:these|them|those)(?:\s(?:patients|responders))?,")
# "Twenty achieved CR. Ten of them were MRD negative": a count opening its sentence as a part of "them" points back
# to the sentence before as "Of these," does.
_COUNT_OF_THEM_OPENS = re.compile(r"[\w-]+(?:\s[(\[][^()\[\]]*[)\]])?\s(?:of|among)\s(?:these|them|those)\b")
# A part of a group no arm is, which the arms reader may leave as the group: a dose level ("at the highest dose
# level", "at the recommended phase 2 dose") or an analysis population ("per-protocol"). Only the fallback to the
# group's size reads it (a dose level named beside its own size is a group of its own).
_NARROWER_GROUP = re.compile(
    r"\b(?:at|in)\s(?:the\s|each\s)?(?:(?:recommended|highest|lowest|maximum(?:\stolerated)?|target)\s"
    r"(?:phase\s(?:2|II)\s)?dose|RP2D|MTD|dose\slevels?)\b|\bper[-\s]protocol\b", re.I)
_BRACKETED = re.compile(r"[(\[][^()\[\]]*[)\]]")  # a bracket's text (a CI, a count), innermost first
# A value set against the one before it.
_CONTRAST = re.compile(r"\b(?:compared\swith|compared\sto|versus|vs\.?|than|whereas|while)\s", re.I)
# Sections about other studies: their rates are not of this study's groups.
_BACKGROUND = re.compile(r"(?:background|introduction|purpose|objectives?|context|rationale)\b", re.I)
# A group's size: "of the 40", "among 25", "in the first 218", "(n = 30)". One that is no arm's is another base.
# (Not a count printed with its percentage: "with CR in 28 patients (58%)" names no base.)
_BASE_SIZE = re.compile(r"\b(?:of|among|in)\s(?:the\s|these\s|all\s)?(?:first\s)?(\d+)\b(?![.,]\d|\s?%)"
                        r"(?!\s(?:[\w-]+\s){0,2}?[(\[]\d+(?:\.\d+)?\s?%)"
                        r"|\(\s?n\s?=\s?(\d+)", re.I)
# A part of the study counted anywhere in the abstract ("75 patients were infused", "of whom 36 were evaluable",
# "Seventy patients received an infusion"): fewer than the cohort, it may be the base of the cohort's rates. The
# verb is found first (it is rare), then the count in the few words before it: any of them may be the number ("and
# 75 patients were infused").
_PART_VERB = re.compile(
    r"\b(?:(?:were|was|had\sbeen)\s(infused|treated|evaluable|assessable|dosed|analy[sz]ed)\b"
    r"|received\s(?:an?\s|the\s)?(?:(?:CAR|CD19|T|T-cell|CAR-T|tisagenlecleucel|[\w-]+-cel)\s){0,3}"
    r"(?:infusion|cells|product|at\sleast\sone\sdose)"
    r"|received\s(?:tisagenlecleucel|brexucabtagene|obecabtagene|axicabtagene|[\w]+-cel)\b)", re.I)
_PART_SUBJECT = re.compile(rf"(?=(?<![\w-])([\w-]+)\s(?:(?:[\w-]+\s){{0,2}}?{_PATIENTS}\s)?$)", re.I)
_SUBJECT_REACH = 60  # characters before the verb: a number, two words and "patients"
# The word a sentence names a counted part by (the first six letters of the verb above).
_PART_WORD = {"infuse": "infused", "treate": "treated", "evalua": "evaluable", "assess": "assessable",
              "dosed": "dosed", "analys": "analysed", "analyz": "analysed"}
# A rate of the cohort's part named by a relative or a qualifier ("in patients with Ph+ ALL", "of children who").
_PART_OF_COHORT = re.compile(
    rf"\b(?:in|of|among|for)\s(?:the\s)?(?:[\w-]+\s)?{_PATIENTS}\s(?:with|who|aged|older|younger|harbou?ring|in)\b",
    re.I)


@dataclass(frozen=True)
class _Arms:
    """The article's arms as the fallback reads them.

    Attributes:
        sizes: each arm's n, by label (`all` for a single-arm study).
        labels: every arm's label, sized or not.
        known: the sizes that name no other base: the arms', their total, the cohort.
        parts: whether the abstract counts a part of the cohort (the infused, the evaluable) that may be the base
            of its rates instead.
        part_sizes: those parts, (size, the word a sentence names them by: "infused", "evaluable"...).
    """

    sizes: dict
    labels: frozenset
    known: frozenset
    parts: bool
    part_sizes: tuple = ()

    @classmethod
    def of(cls, record: dict, docs: list[tuple[str, Doc]], words: dict[str, float]) -> "_Arms":
        sizes = {arm["label"]: arm["n"] for arm in record["arms"] if arm.get("n")}
        known = set(sizes.values()) | {record.get("cohort_size"), sum(sizes.values())}
        # (read only for the cohort's percentages alone, or counts without a base: the whole text is scanned)
        needed = any((_percentage_only(outcome) or outcome.get("count") is not None and not outcome.get("denominator"))
                     and (outcome.get("arm") or "all") == "all" for outcome in record["outcomes"])
        part_sizes = tuple(_counted_parts(docs, sizes.get("all"), words)) if needed else ()
        return cls(sizes, frozenset(arm["label"] for arm in record["arms"]), frozenset(known), bool(part_sizes),
                   part_sizes)

    def is_arm(self, label: str) -> bool:
        """Whether the label is one of several arms (not the cohort, nor a subgroup)."""
        return label in self.labels and label != "all" and len(self.labels) > 1


def assign_denominators(record: dict, docs: list[tuple[str, Doc]], words: dict[str, float]) -> None:
    """Set the denominator of the record's rates printed without one, in place (see the module docstring).

    Args:
        record: the article's extraction dict: its outcomes (deduplicated, each with its evidence and
            section_index), its arms (label, n; a single-arm study has the one arm `all`) and cohort_size.
        docs: the article's (section name, doc), in the order the evidence's section_index counts.
        words: number words ("eight": 8), to read a size written in words.
    """
    outcomes = record["outcomes"]
    if not any(_percentage_only(outcome) or outcome.get("count") is not None or outcome["endpoint"] == "MRD_NEG"
               for outcome in outcomes):
        return
    arms = _Arms.of(record, docs, words)
    sentence_groups = _groups_per_sentence(outcomes)
    for outcome in outcomes:
        if outcome.get("computed") and outcome.get("count") is not None:
            _recount_pointed_back(outcome, outcomes, docs, arms.sizes, words)
        if outcome.get("denominator") is not None or outcome.get("value") is None or outcome.get("unit") != "%":
            continue
        if (outcome.get("count") is None and outcome["endpoint"] in SIZED_ENDPOINTS
                and _read_own_bracket(outcome, arms.sizes, record.get("cohort_size"))):
            continue
        if outcome.get("count") is not None:
            size = _count_base(outcome, outcomes, docs, arms, words)
        elif outcome["endpoint"] in SIZED_ENDPOINTS and not _BACKGROUND.match(outcome["evidence"]["section"]):
            where = outcome["evidence"]
            groups = sentence_groups[(where["section_index"], where["start"])]
            size = _percentage_base(outcome, outcomes, docs, arms, groups, words)
        else:
            size = None
        if size is not None:
            outcome["denominator"] = float(size)
            outcome["flags"] = list(outcome.get("flags") or []) + [DENOMINATOR_INFERRED]
    record["outcomes"] = [outcome for outcome in outcomes if not _unbased_mrd_count(outcome, arms.sizes)]


def _unbased_mrd_count(outcome: dict, sizes: dict) -> bool:
    """"... Of these, 10 were MRD negative" with no one count in the sentence before: an MRD count of a subset that
    is still computed over the whole group, which is seldom its base; likewise any count opening its sentence as a
    part of them ("Responses were durable. Fourteen of them proceeded to HSCT") that no count before recounted."""
    if not outcome.get("computed") or outcome.get("count") is None \
            or outcome.get("denominator") != sizes.get(outcome.get("arm") or "all") or not _opens_pointing_back(outcome):
        return False
    return outcome["endpoint"] == "MRD_NEG" or DENOMINATOR_INFERRED not in (outcome.get("flags") or []) \
        and _COUNT_OF_THEM_OPENS.match(outcome["evidence"]["text"]) is not None


def _opens_pointing_back(outcome: dict) -> bool:
    """Whether a counted outcome's sentence opens pointing back to the sentence before: "Of these, 10 ...", or its
    count as a part of them ("Ten of them were MRD negative")."""
    text = outcome["evidence"]["text"]
    return _OPENS_POINTING_BACK.match(text) is not None \
        or outcome.get("count") is not None and _COUNT_OF_THEM_OPENS.match(text) is not None


def _count_base(outcome: dict, outcomes: list[dict], docs: list[tuple[str, Doc]], arms: _Arms,
                words: dict[str, float]) -> int | None:
    """The inferred base of a printed count and percentage, or None: the treated for a toxicity, else (set here,
    unflagged) the opening group or the arm, else the subset "of these" points to, the responders, a counted part."""
    single = set(arms.labels) <= {"all"}
    treated = _treated_count_base(outcome, arms) if single else None
    if treated is not None:  # SCHEMA: a toxicity is over the treated, when they too give its percentage
        return treated
    if _counted_denominator(outcome, arms.sizes, words):
        return None
    size = _subset_size(outcome, outcomes, docs, words)
    if size is None and single:
        size = _only_fitting(outcome, _responder_counts(outcome, outcomes))
    if size is None and single and (outcome.get("arm") or "all") == "all":
        size = _only_fitting(outcome, {part for part, _ in arms.part_sizes})
    return size


def _percentage_base(outcome: dict, outcomes: list[dict], docs: list[tuple[str, Doc]], arms: _Arms,
                     groups: list[tuple[str, str]], words: dict[str, float]) -> int | None:
    """The inferred base of a percentage alone, or None: the count "of these" points back to, else a stated size
    (MRD negativity: of responders only), the group's, else the responders' count."""
    where = outcome["evidence"]
    size = _pointed_back_size(outcome, outcomes, docs, words) if _POINTS_BACK.search(where["text"]) else None
    if size is None and not _OPENS_POINTING_BACK.match(where["text"]):
        if outcome["endpoint"] == "MRD_NEG":
            size = _stated_mrd_size(outcome, groups, words)
        else:
            size = _percentage_denominator(outcome, arms, groups, _previous_sentence(docs, where), words)
    if size is None and outcome["endpoint"] in AFTER_RESPONSE and set(arms.labels) <= {"all"}:
        size = _responders_size(outcome, outcomes)
    return size


def _counted_denominator(outcome: dict, sizes: dict[str, int], words: dict[str, float]) -> bool:
    """A printed count and percentage without a printed denominator ("13 patients (76%) achieved CR") take as
    denominator the group their sentence opens with ("Of the 16 responders, 14 (88%) ...": 16), else their arm's
    size (the cohort for `all`), but only when that size gives the percentage as printed (13/17 = 76.5%, printed
    76): the group's size is the denominator the gold records, and the check keeps a subset's count (of the
    evaluable or the responders) from being read over the whole group."""
    count, value = outcome["count"], outcome["value"]
    text = outcome["evidence"]["text"]
    if _all_but(text, count, words):
        size = sizes.get(outcome.get("arm") or "all")
        fits = size and count < size and _reproduces(size - count, size, value)
        outcome["count"], outcome["denominator"] = (float(size - count), float(size)) if fits else (None, None)
        outcome["flags"] = outcome_flags(outcome)
        return True  # the printed number is of those left out, never the value's count
    opened, opening = _OPENED_GROUP.match(text), _opening_size(text)
    subject = _zero_of_subject(outcome, words) if count == 0 else None
    for size in (int(opened.group(1)) if opened else None, opening[0] if opening else None, subject,
                 sizes.get(outcome.get("arm") or "all")):
        if size and count <= size and _reproduces(count, size, value):
            outcome["denominator"] = float(size)
            return True
    return False


def _zero_of_subject(outcome: dict, words: dict[str, float]) -> int | None:
    """The patients a sentence opens with as the base of its zero response ("Seven patients with B-cell ALL
    received daratumumab with no CRs achieved": 0 of 7): a zero fits every size, so the cohort's would be a guess.
    Only a zero in the subject's clause ("Seven patients died early; none responded" is no zero of the seven)."""
    text = outcome["evidence"]["text"]
    clause = text.split(";")[0]
    if outcome["endpoint"] not in RESPONSES | {"HSCT"} or not _NEGATED.search(clause):
        return None
    subject = _COUNTED_SUBJECT.match(clause)
    return _number(subject.group(1), words) if subject else None


def _read_own_bracket(outcome: dict, sizes: dict[str, int], cohort: int | None) -> bool:
    """A percentage alone whose own bracket prints its people: a count and denominator after its CI ("55% (95% CI,
    38-71; 22/40)"), or a number of patients ("55% (22 patients)", "55% of patients (n = 22)"): the count, with
    the arm's size as base when that gives the percentage (22/40), or with none when the group's size is unknown;
    the base when no count of the cohort could be that number ("46% (225 patients)" of 261 is 104/225). Returns
    whether the bracket decided: a number neither reading fits leaves the rate without a denominator, as the
    arm's size is then no base ("55% (20 patients)" of 40)."""
    text, value = outcome["evidence"]["text"], outcome["value"]
    if "(" not in text and "[" not in text:
        return False
    for match in (_FRACTION_AFTER_CI.finditer(text) if ";" in text else ()):  # its ";": a cheap first test
        if abs(float(match.group(1)) - value) < 1e-9 and int(match.group(2)) <= int(match.group(3)):
            outcome["count"], outcome["denominator"] = float(match.group(2)), float(match.group(3))
            outcome["flags"] = outcome_flags(outcome)
            return True
    matches = [(m.group(1), m.group(2) or m.group(3), m.group(3)) for m in _PATIENTS_AFTER_VALUE.finditer(text)]
    matches += [(m.group(2), m.group(1), None) for m in _N_BEFORE_VALUE.finditer(text)] if "=" in text else []
    for printed, people, patients in matches:
        if abs(float(printed) - value) > 1e-9:
            continue
        number, size = int(people), sizes.get(outcome.get("arm") or "all")
        if not 0 < value < 100:
            return True
        if size and number <= size and _reproduces(number, size, value):
            outcome["count"], outcome["denominator"] = float(number), float(size)
        elif cohort and patients and number <= cohort and _fits(value, number) \
                and 100 * number / (value + _tolerance(value)) > cohort:
            outcome["denominator"] = float(number)  # the people are more than any count of the cohort
            outcome["flags"] = list(outcome.get("flags") or []) + [DENOMINATOR_INFERRED]
        elif size is None and cohort and 100 * number / (value + _tolerance(value)) <= cohort:
            outcome["count"] = float(number)  # of a group whose size is unknown: its count; the count's rules
            return False  # may find the group's base ("Among the 36 patients with B-ALL, ... 56% (20 patients)")
        return True
    return False


def _all_but(text: str, count: float, words: dict[str, float]) -> bool:
    """Whether the count is printed as the ones left out: "All but two patients (90%) achieved CR"."""
    return any(_number(m.group(1), words) == count for m in _ALL_BUT.finditer(text))


def _subset_size(outcome: dict, outcomes: list[dict], docs: list[tuple[str, Doc]],
                 words: dict[str, float]) -> int | None:
    """The size of the subset "of these" / "of whom" / "including" points back to, for a count and percentage
    printed after it: a count earlier in the sentence ("17 (57%) achieved CR, of whom 10 (59%) proceeded to
    HSCT": 17), or in the sentence before when the sentence opens with it ("... achieved CR. Of these, 10 (59%)
    ..."), or the sum of those counts ("17 (57%) achieved CR and 5 (17%) CRi. Of these, 10 (45%)": 22); only a
    size that gives the printed percentage, and only when one does."""
    where = outcome["evidence"]
    text = where["text"]
    if not (_POINTS_BACK.search(text) or _INCLUDING.search(text)):
        return None
    same = [o for o in outcomes if o is not outcome and _same_sentence(o, where)]
    earlier = same[:same.index(outcome)] if outcome in same else _before(outcomes, outcome, where)
    counts = [o["count"] for o in earlier]
    part = None
    if _opens_pointing_back(outcome):
        start = _previous_sentence_start(docs, where)
        earlier = [o for o in outcomes if o["evidence"].get("section_index") == where.get("section_index")
                   and o["evidence"]["start"] == start]
        counts = [o["count"] for o in earlier]
        part = _counted_part(_previous_sentence(docs, where), words)
    counts = [int(c) for c in counts if c is not None and float(c).is_integer() and c > 0]
    candidates = set(counts) | ({sum(dict.fromkeys(counts))} if len(set(counts)) > 1 else set())
    return _only_fitting(outcome, _with_part(candidates, earlier, part))


def _pointed_back_size(outcome: dict, outcomes: list[dict], docs: list[tuple[str, Doc]],
                       words: dict[str, float]) -> int | None:
    """The size of a percentage alone that "of these" / "of them" points back with: in a sentence opening "Of
    these," / "Among them," the count of the sentence before ("Seventeen patients (57%) achieved CR. Of these, 59%
    proceeded to HSCT": 17), else the count before it in its sentence ("30 achieved CR, and 50% of them underwent
    HSCT": 30), when that counts one group only and a whole count of it gives the percentage."""
    where, part = outcome["evidence"], None
    if _OPENS_POINTING_BACK.match(where["text"]):
        start = _previous_sentence_start(docs, where)
        pointed = [o for o in outcomes if o["evidence"].get("section_index") == where.get("section_index")
                   and o["evidence"]["start"] == start]
        previous = _previous_sentence(docs, where)
        part = _counted_part(previous, words)
        if outcome["endpoint"] == "MRD_NEG" and _COUNTED_PART.search(previous) and part is None:
            return  # "17 achieved CR and 5 CRi. Of these, 10 were MRD negative": these are 22, not the CR's 17
    else:  # "30 achieved CR, and 50% of them underwent HSCT": the counts before it in its sentence
        pointed = _before(outcomes, outcome, where)
    counts = _with_part({int(o["count"]) for o in pointed if o.get("count") and float(o["count"]).is_integer()},
                        pointed, part)
    if len(counts) != 1:
        return None
    size = counts.pop()
    return size if 0 < outcome["value"] < 100 and _fits(outcome["value"], size) else None


def _stated_mrd_size(outcome: dict, groups: list[tuple[str, str]], words: dict[str, float]) -> int | None:
    """The size the sentence prints for an MRD-negativity rate's group of responders, when the sentence gives no
    other endpoint's value ("Of the 30 patients who achieved CR, 60% were MRD negative"; not "Of the 40 patients,
    30 achieved CR and 60% were MRD negative", whose MRD rate may be of the 30, nor "In cohort A (n = 20), MRD
    negativity was 60%", which may be of cohort A's responders)."""
    if any(endpoint != "MRD_NEG" for endpoint, _ in groups):
        return None
    if not (_NAMES_RESPONDERS.search(outcome["evidence"]["text"]) or _IN_RESPONSE.search(outcome["evidence"]["text"])):
        return None  # "In the inotuzumab arm (n = 109), the MRD negativity rate was 78%": of its responders, likely
    stated = _stated_size(outcome, groups, words)
    return stated if stated is not None and 0 < outcome["value"] < 100 and _fits(outcome["value"], stated) else None


# A CRi/CRh/CRp part, which is no outcome of its own, counted beside the CR.
_COUNTED_PART = re.compile(r"\bCR[ihp]\b|\bincomplete\s(?:hematologic|count|blood|platelet|neutrophil)", re.I)


# "20 achieved CR and 8 (20%) achieved CRi", "20 CR and 8 CRi": the count of the CRi/CRh/CRp part, as its subject
# (its people, bracket and verb between).
_PART_COUNT = re.compile(r"\b(?:and|,)\s([\w-]+)\s(?:\([^()]*\)\s)?(?:" + _PATIENTS + r"\s)?(?:(?:achieved|attained|"
                         r"obtained|reached|had)\s(?:an?\s)?)?(?:CR[ihp]\b|CR\swith\sincomplete\s)")


def _counted_part(text: str, words: dict[str, float]) -> int | None:
    """The one count of a CR's part that a sentence prints, else None."""
    found = _PART_COUNT.findall(text) if _COUNTED_PART.search(text) else []
    return _number(found[0], words) if len(found) == 1 else None


def _with_part(counts: set[int], pointed: list[dict], part: int | None) -> set[int]:
    """The counts "these" may be: with a CR's counted part beside the one CR count, their sum ("20 achieved CR and
    8 CRi. Ten of these ...": 28)."""
    if part is None or len(counts) != 1 or {o["endpoint"] for o in pointed} != {"CR"}:
        return counts
    return {next(iter(counts)) + part}


# A sentence whose subject is counted patients: "Twenty patients had Ph-positive ALL.", "Of them, 12 (30%) were ..."
_SUBJECT_COUNT = re.compile(r"\W*(?:(?:Of|Among)\s[^,;]{1,60},\s)?([\w-]+)\s(?:\([^()]*\)\s)?" + _PATIENTS + r"\b")


def _subject_count(text: str, words: dict[str, float]) -> int | None:
    m = _SUBJECT_COUNT.match(text)
    return _number(m.group(1), words) if m else None


def _recount_pointed_back(outcome: dict, outcomes: list[dict], docs: list[tuple[str, Doc]], sizes: dict,
                          words: dict[str, float]) -> None:
    """A rate printed only as a count "of these" / "of whom" ("17 achieved CR. Of these, 10 proceeded to HSCT")
    was computed over the cohort; it is of the subset counted before it (10/17 = 58.8), when one count is."""
    where = outcome["evidence"]
    if outcome.get("denominator") != sizes.get(outcome.get("arm") or "all") or not _POINTS_BACK.search(where["text"]):
        return
    part = None
    if _opens_pointing_back(outcome):
        start = _previous_sentence_start(docs, where)
        pointed = [o for o in outcomes if o["evidence"].get("section_index") == where.get("section_index")
                   and o["evidence"]["start"] == start]
        previous = _previous_sentence(docs, where)
        part = _counted_part(previous, words)
        if outcome["endpoint"] == "MRD_NEG" and _COUNTED_PART.search(previous) and part is None:
            return  # "17 achieved CR and 5 CRi. Of these, 10 were MRD negative": these are 22, not the CR's 17
    else:
        pointed = _before(outcomes, outcome, where)
    counts = _with_part({int(o["count"]) for o in pointed
                         if o is not outcome and o.get("count") and float(o["count"]).is_integer()}, pointed, part)
    if not counts and not pointed and _opens_pointing_back(outcome):
        # "Twenty patients had Ph-positive ALL. Of these, 15 achieved CR": the patients the sentence before counts
        subject = _subject_count(_previous_sentence(docs, where), words)
        counts = {subject} if subject is not None else counts
    if len(counts) != 1:
        return
    base = counts.pop()
    if outcome["count"] < base:
        outcome["value"], outcome["denominator"] = round(100 * outcome["count"] / base, 1), float(base)
        outcome["flags"] = list(outcome.get("flags") or []) + [DENOMINATOR_INFERRED]


def _responder_counts(outcome: dict, outcomes: list[dict]) -> set[int]:
    """When the outcome's sentence names responders as its base ("Among patients achieving CR/CRi, 20 (67%)
    were MRD negative", "in 20 responders (67%)"): the printed counts of the cohort's responses (CR, CR/CRi,
    overall response) of a single-arm study, of which the one that gives the percentage is the base; none when a
    response of the cohort is printed without its count."""
    if outcome["endpoint"] not in AFTER_RESPONSE or not _NAMES_RESPONDERS.search(outcome["evidence"]["text"]):
        return set()
    responses = [o for o in outcomes if o["endpoint"] in RESPONSES and (o.get("arm") or "all") == "all"]
    if any(o.get("count") is None for o in responses):
        return set()  # a response printed without its count: its responders may be the base ("ORR 79%, CR in 28")
    return {int(o["count"]) for o in responses if o["count"] and float(o["count"]).is_integer()}


def _responders_size(outcome: dict, outcomes: list[dict]) -> int | None:
    """The responders' count as the base of a percentage alone whose sentence names them ("Among responders, 67%
    were MRD negative" after "Thirty patients (75%) achieved CR/CRi"), when one response is counted and a whole
    count of it gives the percentage."""
    counts = _responder_counts(outcome, outcomes)
    if len(counts) != 1 or not 0 < outcome["value"] < 100:
        return None
    size = counts.pop()
    return size if _discriminates(outcome["value"], size) and _fits(outcome["value"], size) else None


def _before(outcomes: list[dict], outcome: dict, where: dict) -> list[dict]:
    """The outcomes of the evidence's sentence listed before `outcome`."""
    index = next(i for i, o in enumerate(outcomes) if o is outcome)
    return [o for o in outcomes[:index] if _same_sentence(o, where) and o.get("count") is not None]


def _same_sentence(outcome: dict, where: dict) -> bool:
    return (outcome["evidence"].get("section_index") == where.get("section_index")
            and outcome["evidence"]["start"] == where["start"])


def _only_fitting(outcome: dict, sizes) -> int | None:
    """The one size of `sizes` over which the outcome's count gives its printed percentage, else None."""
    count, value = outcome["count"], outcome["value"]
    fitting = {size for size in sizes if size and count < size and _reproduces(count, size, value)}
    return fitting.pop() if len(fitting) == 1 else None


def _percentage_denominator(outcome: dict, arms: _Arms, groups: list[tuple[str, str]], previous: str,
                            words: dict[str, float]) -> int | None:
    """The denominator of a percentage printed alone, or None. A size the sentence prints for the value's group
    decides, whether it fits or not; the arms' sizes are the fallback when the sentences name no other base."""
    text, value = outcome["evidence"]["text"], outcome["value"]
    label = outcome.get("arm") or "all"
    stated = _stated_size(outcome, groups, words, arms.labels)
    if stated is not None:
        return stated if _fits(value, stated) else None
    is_arm = arms.is_arm(label)
    each = _each_arm_size(text) or _each_arm_size(previous)
    if each is not None:
        return each if is_arm and _fits(value, each) else None
    size = arms.sizes.get(label)
    if size is None or not 0 < value < 100:
        return None
    if label == "all" and arms.parts and set(arms.labels) <= {"all"}:
        named = _named_part(text, value, arms.part_sizes)
        if named is None and outcome["endpoint"] in TOXICITIES and not _OTHER_BASE.search(text) \
                and not _PART_OF_COHORT.search(text):
            named = _treated_part(value, arms.part_sizes)
        if named is not None:
            return named
    if not _discriminates(value, size):
        return None
    if (_names_other_base(text, arms.known) or _names_other_base(previous, arms.known)
            or (is_arm and outcome["endpoint"] in TOXICITIES)):
        return None
    if label == "all" and (arms.parts or _PART_OF_COHORT.search(text)):
        return None
    return size if _fits(value, size) else None


def _stated_size(outcome: dict, groups: list[tuple[str, str]], words: dict[str, float],
                 arm_labels: frozenset = frozenset()) -> int | None:
    """The size the sentence prints for the value's group: right after the value ("56% of the 36 patients"),
    beside the group's name ("B1 (n=54)", "the 17 patients with B-lineage ALL"), or in the phrase the sentence
    opens with when that phrase is of the value's group (it names the group, or the sentence has no other)."""
    text, value, label = outcome["evidence"]["text"], outcome["value"], outcome.get("arm") or "all"
    for match in _SIZE_AFTER_VALUE.finditer(text):
        if abs(float(match.group(1)) - value) < 1e-9:
            return int(match.group(2))
    if label != "all":
        beside = _size_beside_label(text, label, words)
        if beside is not None:
            return beside
    opening = _opening_size(text) or _rate_of_size(text)
    if opening is None:
        return None
    size, end = opening
    if _OTHER_BASE.search(text, end):
        return None  # "Among the 40 patients, 30 achieved CR, and 50% of them underwent HSCT": of the 30
    if len({group for _, group in groups}) == 1:
        # Two values of one endpoint for one group: the reader could not tell their groups apart ("In the phase 2
        # cohort (n = 45), the ORR was 40%, and in the phase 1 cohort (n = 20), 35%"), and the opening is one's.
        return None if groups.count((outcome["endpoint"], label)) > 1 else size
    # Of a sentence with several groups, the opening is one group's when it names it and no base of them all
    # ("Of the 80 evaluable patients, the CR rates were 62% and 31%" is of both arms).
    head = text[:end]
    named = label != "all" and label.casefold() in head.casefold()
    if _OTHER_BASE.search(head):
        return None
    # (a subgroup's, not an arm's: "Of the 78 patients, 70% achieved CR with A compared with 40% with B" is of both)
    first_of_contrast = label != "all" and label not in arm_labels and _opens_first_of_contrast(text, end, value)
    return size if named or first_of_contrast else None


def _unbracketed(text: str) -> str:
    """The text without its brackets, nested ones too ("(95% CI [..], 38%-72%)")."""
    while True:
        stripped = _BRACKETED.sub("", text)
        if stripped == text:
            return text
        text = stripped


def _opens_first_of_contrast(text: str, end: int, value: float) -> bool:
    """Whether the value is the first of the sentence, printed right after its opening phrase, and the next one
    is set against it ("Of 36 older adults, 56% achieved CR/CRh, compared with 46% of younger adults"): the
    opening's group is then the first value's alone."""
    first = _PERCENT.match(text, end)
    if not first or abs(float(first.group().rstrip("% ")) - value) > 1e-9 or not text[:end].rstrip().endswith(","):
        return False
    contrast = _CONTRAST.search(text, first.end())
    if not contrast or "%" in _unbracketed(text[first.end():contrast.start()]):
        return False  # "56% and 46% ...": two values listed together, both after the opening
    return bool(_PERCENT.match(text, contrast.end()) or _PERCENT.search(text, contrast.end(), contrast.end() + 30))


def _size_beside_label(text: str, label: str, words: dict[str, float]) -> int | None:
    """The size printed next to the first mention of the group's name in the sentence."""
    at = text.casefold().find(label.casefold())
    if at < 0:
        return None
    after = _SIZE_AFTER_LABEL.match(text, at + len(label))
    if after:
        return int(after.group(1) or after.group(2))
    before = _SIZE_BEFORE_LABEL.search(text[:at])
    return _number(before.group(1) or before.group(2), words) if before else None


def _opening_size(text: str) -> tuple[int, int] | None:
    """(size, end of the opening phrase) when the sentence opens with a phrase giving exactly one group size
    before its first percentage ("In the 9 patients treated under the revised protocol, 33% ...")."""
    if not _OPENING.match(text):
        return None
    first = _PERCENT.search(text)
    head = text[:first.start()] if first else text
    found = [m for m in _SIZE_IN_OPENING.finditer(head)]
    if len(found) != 1:
        return None
    match = found[0]
    return int(next(g for g in match.groups() if g)), len(head)


def _rate_of_size(text: str) -> tuple[int, int] | None:
    """(size, end of the phrase) when the words before the sentence's first percentage name one rate "among the N
    patients" ("The CR rate among the 45 evaluable patients was 60%"); read as an opening phrase is."""
    first = _PERCENT.search(text)
    head = text[:first.start()] if first else text
    found = list(_RATE_OF_SIZE.finditer(head))
    return (int(found[0].group(1)), len(head)) if len(found) == 1 else None


def _each_arm_size(text: str) -> int | None:
    """The size of every arm, when the sentence gives one ("(109 in each group)")."""
    found = {int(m.group(1)) for m in _EACH_ARM.finditer(text)}
    return found.pop() if len(found) == 1 else None


def _names_other_base(text: str, known: frozenset) -> bool:
    """Whether the sentence names a base other than the whole group: evaluable patients, responders, a dose level
    or an analysis population, or a size that is none of the arms' (`known`; "of the 40" in a study of 60)."""
    if _OTHER_BASE.search(text) or _NARROWER_GROUP.search(text):
        return True
    return any(int(m.group(1) or m.group(2)) not in known for m in _BASE_SIZE.finditer(text))


def _percentage_only(outcome: dict) -> bool:
    """A rate of a group endpoint printed as a percentage alone (no count, no denominator)."""
    return (outcome["endpoint"] in GROUP_ENDPOINTS and outcome.get("unit") == "%" and outcome.get("value") is not None
            and outcome.get("count") is None and outcome.get("denominator") is None)


def _counted_parts(docs: list[tuple[str, Doc]], cohort: int | None, words: dict[str, float]) -> list[tuple]:
    """The parts of the cohort the abstract counts as infused, treated or evaluable: (size, the word naming them
    in a sentence: "infused" for "received an infusion")."""
    if cohort is None:
        return []
    found = []
    for _, doc in docs:
        text = section_view(doc).text
        for verb in _PART_VERB.finditer(text):
            before = text[max(0, verb.start() - _SUBJECT_REACH):verb.start()]
            word = _PART_WORD.get((verb.group(1) or "infused").lower()[:6], "infused")
            for subject in _PART_SUBJECT.finditer(before):
                number = _number(subject.group(1), words)
                if number is not None and number < cohort:
                    found.append((number, word))
    return found

def _treated_count_base(outcome: dict, arms: _Arms) -> int | None:
    """The treated (infused, dosed) part of a single-arm cohort as the base of a toxicity's count and percentage
    ("64 enrolled and 58 infused", "CRS occurred in 3 patients (5%)": 3/58 as well as 3/64 give 5%), when the
    abstract counts one such part and the sentence opens with no group of its own."""
    if outcome["endpoint"] not in TOXICITIES or (outcome.get("arm") or "all") != "all" \
            or _OPENED_GROUP.match(outcome["evidence"]["text"]) or _opening_size(outcome["evidence"]["text"]):
        return None
    treated = {size for size, word in arms.part_sizes if word in ("infused", "treated", "dosed")}
    return _only_fitting(outcome, treated) if len(treated) == 1 else None


def _treated_part(value: float, parts: tuple) -> int | None:
    """The base of a toxicity's percentage when the abstract counts fewer patients treated (infused, dosed) than
    enrolled: those treated (SCHEMA: adverse events are over the treated), when one such count gives it."""
    treated = {size for size, word in parts if word in ("infused", "treated", "dosed")}
    fitting = {size for size in treated if _discriminates(value, size) and _fits(value, size)}
    return fitting.pop() if len(treated) == 1 and len(fitting) == 1 else None


def _named_part(text: str, value: float, parts: tuple) -> int | None:
    """The part of the cohort a cohort's percentage is of when its sentence names that part and nothing else as
    the base ("Among infused patients, the overall remission rate was 81%" after "63 were infused"): the one size
    of that part that gives the percentage."""
    named = {word for word in {w for _, w in parts} if re.search(rf"\b{word[:5]}", text, re.I)}
    if len(named) != 1:
        return None
    word = named.pop()
    if _OTHER_BASE.search(re.sub(rf"\b{word[:5]}\w*", "", text, flags=re.I)):
        return None
    fitting = {size for size, w in parts if w == word and _fits(value, size)}
    return fitting.pop() if len(fitting) == 1 else None


def _groups_per_sentence(outcomes: list[dict]) -> dict[tuple, list[tuple[str, str]]]:
    """The (endpoint, group) of each value of each evidence sentence: an opening phrase is the group of a one-group
    sentence."""
    groups: dict[tuple, list[tuple[str, str]]] = {}
    for outcome in outcomes:
        where = outcome["evidence"]
        groups.setdefault((where["section_index"], where["start"]), []).append(
            (outcome["endpoint"], outcome.get("arm") or "all"))
    return groups


def _previous_sentence_start(docs: list[tuple[str, Doc]], where: dict) -> int | None:
    """The start of the sentence before the evidence's, in its section (None for a section's first sentence)."""
    index = where.get("section_index")
    if index is None or not 0 <= index < len(docs):
        return None
    sentences = section_view(docs[index][1]).sentences
    for i, sentence in enumerate(sentences):
        if sentence.start_char <= where["start"] < sentence.end_char:
            return sentences[i - 1].start_char if i else None
    return None


def _previous_sentence(docs: list[tuple[str, Doc]], where: dict) -> str:
    """The text of the sentence before the evidence's, in its section ("" for a section's first sentence)."""
    index = where.get("section_index")
    if index is None or not 0 <= index < len(docs):
        return ""
    sentences = section_view(docs[index][1]).sentences
    for i, sentence in enumerate(sentences):
        if sentence.start_char <= where["start"] < sentence.end_char:
            return sentences[i - 1].text if i else ""
    return ""


def _number(token: str, words: dict[str, float]) -> int | None:
    """A size written in digits or in words ("17", "eight", "Seventy-five"), else None."""
    if token.isdigit():
        return int(token)
    number = nz.read_number(token, words)
    return int(number.value) if number is not None and float(number.value).is_integer() else None


def _fits(value: float, size: int) -> bool:
    """Whether some whole count out of `size` gives the percentage as printed (80.7% of 109: 88/109 = 80.73)."""
    nearest = round(value * size / 100)
    return any(0 <= count <= size and _reproduces(count, size, value) for count in (nearest - 1, nearest, nearest + 1))


def _discriminates(value: float, size: int) -> bool:
    """Whether some percentage of the value's precision fits no count out of `size`: of 150 patients every whole
    percentage is some count's, and a size every value fits is no evidence that it is the value's base."""
    return 100 / size > 2 * _tolerance(value)


def _tolerance(value: float) -> float:
    """Half the last printed digit of a percentage: 0.5 for "76%", 0.05 for "80.7%"."""
    return 0.5 if float(value).is_integer() else 0.05


def _reproduces(count: float, size: int, value: float) -> bool:
    """Whether count/size is the percentage as printed (to its precision; 9/48 = 18.75 is "18.8")."""
    return abs(100 * count / size - value) <= _tolerance(value) + 1e-9
