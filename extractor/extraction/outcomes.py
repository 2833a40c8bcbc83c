"""Outcomes: response, survival, transplant, toxicity and early-death rates and medians, per arm or subgroup.

One sentence at a time. Endpoint mentions come from the rule spans (patterns/endpoints.jsonl); values are read from
the sentence text with extractor.normalise (percentages, durations, counts, "not reached"); each value is then given
to an endpoint mention:
- "respectively" lists zip a run of endpoint mentions (or time points, or subgroups) with the run of values after;
- otherwise a value belongs to the nearest endpoint before it that takes its kind of value (a rate takes %, a
  survival endpoint takes % or a duration), or failing that the nearest after it ("44 patients (92%) responded").
Unscored measures (partial remission, relapse rate, follow-up...) are endpoints with id OTHER: they own the numbers
next to them so that those are not handed to a neighbour, and are then dropped.
Before that: a bracket of endpoint names right after a value names it ("83% (CR + CRi), 50% (CR + PR)"); a response
rate defined as CR plus CRi/CRh ("response rate [CR and CRi]", "complete remission (including CRi)") is CR_CRi for
the rest of the article (ArticleContext.definitions). After it: a rate endpoint denied by a NEGATION cue ("No
patient developed VOD", "No patient achieved CR") that took no value is a zero rate; a response state at a baseline
("20 patients (40%) were in CR at the time of infusion") names no rate; a bare count ("23 achieved a complete molecular
response", "All but one achieved CR", "CRS occurred in 20 patients") is a rate against an "Of N" lead-in or the
cohort (SCHEMA convention).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extractor import normalise
from extractor.extraction import subgroups
from extractor.extraction.checks import outcome_flags
from extractor.extraction.context import ArticleContext
from extractor.extraction.evidence import evidence
from extractor.extraction.sentences import Sentence, section_view

SURVIVAL = {"OS", "PFS", "EFS", "RFS"}
RATES = {"CR", "CR_CRi", "ORR", "MRD_NEG", "HSCT", "VOD", "CRS", "NEURO", "EARLY_DEATH"}
TIMED = SURVIVAL | {"EARLY_DEATH"}
PERCENT, DURATION, NOT_REACHED, FRACTION, COUNT = "%", "duration", "not reached", "fraction", "count"
ZERO = "zero"  # "No patient developed VOD": value 0, count 0
# The kinds of value each endpoint family takes.
ACCEPTS = {
    **{e: {PERCENT, FRACTION, COUNT} for e in RATES},
    **{e: {PERCENT, DURATION, NOT_REACHED} for e in SURVIVAL},
    "DOR": {DURATION, NOT_REACHED},
    "OTHER": {PERCENT, DURATION, NOT_REACHED, FRACTION, COUNT},
    "CR_PART": {PERCENT, DURATION, NOT_REACHED, FRACTION, COUNT},
}
ABSORBERS = {"OTHER", "CR_PART"}
_UNITS = r"(?:months?|mos?\.?|years?|yrs?\.?|weeks?|wks?|days?)"
_PERCENT_AFTER = re.compile(r"^\s?(?:%|percent\b|per\scent\b)")  # "43 percent" in older and word-spelled styles
_SHARED_AFTER = re.compile(r"^\s?(?:and|vs\.?|versus|or|v\.?|,)\s?(?=[\d.·])")  # "7.7 v 4.0 months": JCO writes "v"
_RANGE_AFTER = re.compile(r"^\s?(?:%\s?)?(?:to|[-–—])\s?(?=[\d.·])")
_DURATION_AFTER = re.compile(r"^\s?[-‐–]?\s?(" + _UNITS + r")\b", re.I)
_UNIT_START = re.compile(r"^\s?(" + _UNITS + r")\b", re.I)
# ("95%" only with its CI label: "38 patients (95%) achieved CR" is a share of 95%)
_CI_START = re.compile(r"^[(\[]\s?(?:95\s?%\s?(?:CI\b|C\.I\.|confidence|credib)|CI\b|confidence|range|IQR|interquartile|±|"
                       r"\+/-|SE\b|SD\b|standard\s(?:error|deviation))", re.I)  # "25% (SE 6%)": no value of its own
_PVALUE_BEFORE = re.compile(r"(?:\b[pP]\s?(?:value\s?)?[=<>≤≥]\s?|[=<>≤≥]\s?)$")
_SD_PERCENT_AFTER = re.compile(r"^\s?(?:±|\+/-|\+/−)\s?\d+(?:[.·]\d+)?\s?%")
_SD_BEFORE = re.compile(r"(?:±|\+/-|\+/−)\s?$")
# (no trailing space: "0.30 ± 0.05 for early relapse" keeps the words after it a group's name)
_SD_AFTER = re.compile(r"\s?%?\s?(?:±|\+/-|\+/−)\s?\d+(?:[.·]\d+)?(?:\s?%)?")
_NOISE_SIGNS = frozenset("=<>≤≥±+")  # one of them is in every match of _PVALUE_BEFORE or _SD_BEFORE
# ("remain alive at a median of 24 months": the time the patients were seen at, not the endpoint's median)
_NOT_A_MEDIAN_BEFORE = re.compile(  # (whole words: the "age" of "in second salvage 4.5 months" is none)
    r"\b(?:than|over|under|within|after|before|beyond|least|up to|for|per|every|aged|age|follow-up of|follow-up,|lasting|last|"
    r"first|CR1 of|\bat (?:a )?median of)\s?$", re.I)
_GRADE_BEFORE = re.compile(r"\b(?:grades?|stage|phase|cycles?|day|arm)\s?[≥>≤<]?\s?$", re.I)
_AGE_AFTER = re.compile(r"^\s?(?:old|of age)\b", re.I)
# "responses lasting 12 months or longer", "a CR1 of 12 months or more": a threshold, not a median
_OR_LONGER_AFTER = re.compile(r"^\s?(?:or|and)\s(?:longer|more|greater|above|over|beyond|later|less|shorter|fewer|"
                              r"earlier)\b", re.I)
_COUNT_AFTER = re.compile(
    r"^\s?(?:(?:of the|out of|of)\s[\d]+\s)?(?:[a-z-]+\s){0,2}?(?:patients?|pts|children|adults|subjects|cases|responders|"
    r"participants|infants|adolescents|individuals|"
    r"achieved|attained|underwent|proceeded|received|developed|had|experienced|died|went|obtained|"
    r"were\s(?:(?:subsequently|successfully|eventually|then|later)\s)?bridged)\b"
    r"|^\s?(?:(?:complete|partial|molecular|morphologic)\s)?(?:remissions|responses)\b|^\s?(?:CRs?|CRi|CRp|CRh|PRs?)\b"
    # "12 of whom were MRD negative", "24 were MRD-negative": a count of patients whose MRD it states
    r"|^\s?of\s(?:whom|them|these|those)\b|^\s?(?:patients?\s|responders\s)?(?:were|became)\s(?:MRD|minimal|measurable)\b"
    # "Two induction deaths occurred": deaths counted by the early-death words themselves (not bare "deaths")
    r"|^\s?(?:early|induction|induction-related)\s(?:deaths?)\b")
# An endpoint named as a subgroup ("patients in CR", "those who achieved CR", "who did not undergo HSCT", also past
# the patients' count bracket: "12 of the 30 patients (40%) who achieved CR/CRi underwent HSCT") or as a
# landmark ("EFS after CR", "OS after HSCT") is not the endpoint the sentence measures.
_QUALIFIER_BEFORE = re.compile(
    r"(?:(?:patients?|those|responders|subjects|children|adults|pts|cases)(?:\s[(\[][^()\[\]]{0,24}[)\]])?\s"
    r"(?:with|without|in|achieving|attaining|"
    r"reaching|who\s(?:achieved|attained|had|reached|were\sin))|\bin\s(?:first|second|third)|"
    r"\b(?:transplanted|allografted|transplant|hsct|hct|sct)\s(?:while\s)?in|\b(?:performed|undertaken|carried out)\sin|"
    r"\b(?:mrd|negativity|rates?|status)\sat|\bat\s(?:the\s)?time\sof|"
    r"\b(?:among|without|post|before|after|beyond|prior to|until|compared (?:to|with))|\b(?:cr|remission|response)\s"
    r"(?:with|without)|\b(?:who|that)\s(?:did not|had not|could not|"
    r"subsequently|then)?)\s?(?:an?\s|the\s)?$", re.I)
# "Twenty patients (40%) were in CR at the time of infusion": a response state held at a baseline (infusion,
# enrolment, transplant) is the patients' condition then, not a result of the therapy.
_STATE_BEFORE = re.compile(r"\b(?:were|was|being|remained|had)\s(?:in\s)?(?:an?\s|the\s)?(?:(?:first|second|third|"
                           r"morphologic|ongoing|continuous)\s)?$", re.I)
# (A state "before HSCT" may be the salvage's own result, bridged to transplant: only "at" a transplant is a baseline.)
_BASELINE = re.compile(
    r"\b(?:(?:at|before|prior to)\s(?:the\s)?(?:time\sof\s)?(?:(?:car[- ]?t(?:-cell)?|cell)\s)?(?:infusion|enroll?ment|"
    r"study entry|baseline|screening|inclusion|registration|lymphodepletion|randomi[sz]ation|apheresis|leukapheresis)|"
    r"at\s(?:the\s)?(?:time\sof\s)?(?:(?:first|second|allogeneic)\s)?(?:transplant(?:ation)?|hsct|allo-?hsct|hct|sct|allo-?sct)|pre-?infusion|"
    # "Of 30 patients transplanted, 20 (67%) were in CR2": the transplanted patients' state at their transplant
    r"(?:patients|those|children|adults)\s(?:who\s(?:were|had\sbeen)\s)?transplanted)\b", re.I)
_STATES = frozenset({"CR", "CR_CRi", "MRD_NEG", "ORR"})
_STATE_VERBS = ("were", "was", "being", "remained", "had")  # one of them is in every match of _STATE_BEFORE
# "Prior to enrollment, 12 patients (30%) had received HSCT": a transplant before the baseline is history.
_HAD_BEFORE = re.compile(r"\bhad\s(?:(?:already|previously)\s)?$", re.I)
# "The overall response rate, comprising CR and CRh, was 60%"; a list with commas of its own ends at the comma before
# the verb ("The ORR, including CR, CRi and PR, was 70%"); a small bracket inside it is part of it ("CR (n = 20)").
_CLAUSE_PART = r"(?:[^,;()]|\([^();]{0,20}\))"
_INCLUDING_CLAUSE = re.compile(
    r"\s?(?:rates?\s?)?,\s?(?P<clause>(?:including|incl\.|comprising|consisting\sof|defined\sas)\s"
    r"(?:(?:" + _CLAUSE_PART + r"|,){1,110}?(?=,\s?(?:was|were|is|are|reached|occurred)\b)|" + _CLAUSE_PART
    + r"{1,110}?)),")
# ... or without commas, up to the verb: "The rate of CR including CRi was 62%"
_INCLUDING_BARE = re.compile(r"\s?(?:rates?\s)?(?P<clause>\s(?:including|incl\.)\s(?:[^,;()]|,){1,80}?)"
                             r"(?=\s(?:was|were|is|are|occurred|reached)\b)")
# ... or ending its sentence: "The primary end point was the overall response rate, defined as CR plus CRi.", "Overall
# response was defined as CR or CRi." (a definition for the rest of the article)
_DEFINED_AS_END = re.compile(r"\s?(?:rates?\s?)?(?P<clause>,?\s(?:(?:(?:was|were|is|are)\s)?defined\sas|including|"
                             r"comprising|consisting\sof)\s[^;()]{1,80}?)"
                             r"(?=\s?(?:[.;]|$))")
# ... or after the rate's value: "The overall response rate was 80%, defined as CR plus CRi."
_DEFINED_AFTER_VALUE = re.compile(r"\s?(?:rates?\s?)?(?:was|were|is|of|:)\s?\d+(?:[.·]\d+)?\s?%,\s?"
                                  r"(?P<clause>defined\sas\s[^;()]{1,80}?)(?=\s?(?:[.;]|$))")
_DEFINED_INSIDE = re.compile(r"[(\[]\s?defined\sas\s", re.I)  # "ORR was 64% (defined as CR or CRh)"
# "87.5% of CRs were MRD-negative", "Eighty percent of CRs": responses after a share of them name the group the share
# is of.
# "The CR rate in patients who failed induction was 30%": an unscored measure after "patients who" names them.
_WHO_BEFORE = re.compile(r"\b(?:patients|those|children|adults|subjects)\swho\s$", re.I)
_SHARE_OF_BEFORE = re.compile(r"(?:%|\bpercent|\bper\scent)\s?(?:of|among)\s(?:the\s)?$")
_RESPONSES = frozenset({"CR", "CR_CRi", "ORR"})
_LINK_BEFORE = re.compile(r"(?:\b(?:was|were|is|are|of|in|at|rate|rates|reached|achieved|observed|occurred|"
                          r"estimated|estimates|be|been|median|respectively|to)|[:=(\[])\s?$", re.I)
_FORWARD_VERB = re.compile(r"\b(?:achieved|achieving|attained|attaining|reached|reaching|obtained|responded|underwent|undergoing|"
                           r"proceeded|proceeding|received|receiving|developed|experienced|had|remained|were|was|went|"
                           r"bridged|became|showed|converted|remaining|being|alive|having|regained|could(?!\s(?:not|never)\b)|"
                           r"entered(?!\s(?:(?:the|this|our|a|an)\s)?(?:study|trial|protocol|cohort|phase|program|registry)\b))\b",
                           re.I)  # ("entered CR"; not "entered the trial in CR", a state at enrolment)
# What may stand between a subject count and the verb of its endpoint: "12 patients underwent", "7 (28%) a PR".
# "20 (24%) subsequently underwent": an adverb alone too.
_SUBJECT_GAP = re.compile(r"(?:an?|the|with|(?:(?:more|other|evaluable|of them|of these)\s)?(?:patients?|pts|children|"
                          r"adults|subjects|responders|participants|infants|adolescents|individuals)(?:\s(?:subsequently|successfully|eventually))?|"
                          r"subsequently|successfully|eventually|later|ultimately)", re.I)
# A toxicity's grade threshold: "grade 3", "grade ≥3", "grade 3 or higher", "grade 3-4", "grade 3+".
_GRADE_AT_LEAST = r"grade\s?(?:>/?=|[≥>])?\s?\d(?:\s?(?:or\s(?:higher|greater|more|above)|[-–]\s?\d|\+))?"
# Between two endpoints of one list: "EFS and OS", "CR, CRi and MRD negativity", "OS (...) and EFS".
# (the next endpoint's own grade or severity word too: "Severe CRS and severe ICANS occurred in 15% and 10%")
_CONJOINED_GAP = re.compile(r"\s?(?:\([^()]*\)\s?)?(?:,\s?(?:and\s)?|(?:and|&)\s)(?:the\s)?(?:rates?\sof\s)?"
                            r"(?:(?:severe|serious|any[-\s]grade|" + _GRADE_AT_LEAST + r")\s)?")
_LEADING_BRACKET = re.compile(r"^\s?%?\s?[(\[][^()\[\]]*[)\]]")
_COMPARING = re.compile(r"\b(?:vs\.?|versus|compared|than|whereas|while)\b", re.I)
# An unscored measure that names a group ("16 of 20 (80%) patients with Ph+ ALL and ..."): a subgroup, it takes
# no value.
# ("7 of 12 patients (58%) with Ph+ ALL": the count's bracket may stand between the people and "with")
_WITH_BEFORE = re.compile(r"\b(?:patients|those|children|adults|subjects)\s(?:\([^()]{1,24}\)\s)?with\s(?:an?\s|the\s)?$",
                          re.I)
# "41% of patients in the inotuzumab arm": the patients of an arm (its words and group noun).
_IN_ARM = r"(?:in|on)\s(?:the\s)?(?:[\w+\-/]+\s){1,3}(?:arm|group|cohort)"
_ARM_PEOPLE = re.compile(_IN_ARM)  # "... and 11% in the standard-care arm proceeded to HSCT"
# A percentage as the share of the patients that are the subject of a verbal endpoint: "43% of patients underwent".
_SHARE_OF = re.compile(r"(?:(?:percent|per\scent)\s)?of\s(?:(?:the|all|these|those)\s)?(?:\d+\s)?"
                       r"(?:[\w+\-/]+\s)?"
                       r"(?:patients|pts|children|adults|responders|subjects|them|these|those)(?:\s(?:in|with)\s(?:a\s)?(?:CR|CR/CRi|CRi?|"
                       r"complete\sremission|remission|response))?(?:\s(?:subsequently|successfully|eventually))?", re.I)
# ... or of a group named by what the patients have, before a mention that is its own verb ("45% of patients with
# T-ALL received HSCT"); not "45% of patients who received HSCT were alive", a survival. (A group named by one word
# before the noun, "41% of InO patients and 11% of SC patients proceeded to HSCT", is _SHARE_OF's.)
_SHARE_OF_GROUP = re.compile(r"of\s(?:the\s|all\s)?(?:patients|pts|children|adults|subjects)\s(?:(?:with|without)\s"
                             r"(?:[A-Za-z][\w+\-/]*\s?){1,4}|" + _IN_ARM + r")")
# "The proportion of patients who achieved CR was 50%": the share is the endpoint's rate, not a subgroup; also
# before an endpoint that is its own verb ("The proportion of patients who proceeded to HSCT was 41%").
_SHARE_WHO = re.compile(r"\b(?:proportion|percentage|fraction|rate)\sof\s(?:the\s)?(?:patients|children|adults|subjects|"
                        r"responders)\s"
                        r"(?:who(?:\s(?:achieved|attained|reached|had|underwent|developed|experienced))?|achieving|attaining|"
                        r"reaching|with|undergoing|developing)\s(?:an?\s|the\s)?$", re.I)
# Between a negation cue and the endpoint it denies: modifiers of the endpoint ("grade ≥3", "hepatic")...
_MODIFIER = (r"(?:grade\s?(?:>/?=|[≥>])?\s?\d(?:\s?(?:or (?:higher|greater|more|above)|[-–]\s?\d|\+|(?:or|and|/)\s?\d))?|severe|serious|"
             r"clinical(?:ly significant)?|hepatic|liver|fatal|symptomatic|(?:treatment|drug)-related|significant|new|"
             r"documented|confirmed)")
# "Five cases of VOD were observed", "3 cases of fatal VOD": a count of a toxicity's cases (of patients)
_CASES_OF_GAP = re.compile(r"cases\sof(?:\s" + _MODIFIER + r")*", re.I)
_NEGATION_MODIFIERS = re.compile(r"\s?(?:" + _MODIFIER + r"\s)*", re.I)
# ...or a subject and its verb ("patient developed", "cases of"), then modifiers. (Not "died of": "No patient died of
# VOD" denies its deaths, not the event.)
_NEGATED_PEOPLE = (r"\s(?:[\w-]+\s)?(?:patients?|pts|subjects|children|adults|participants)(?:\s(?:in (?:this|the|our) "
                   r"(?:study|trial|cohort)|treated))?")
_NEGATED_SUBJECT = re.compile(
    r"(?:" + _NEGATED_PEOPLE + r"\s(?:developed|experienced|had|suffered|showed|presented with|was diagnosed "
    r"with|were diagnosed with|(?:has|have) developed|achieved|attained|reached|obtained)|\s(?:cases?|episodes?|events?|"
    r"instances?|evidence|signs?|occurrences?)\sof)\s(?:any\s|an?\s)?(?:" + _MODIFIER + r"\s)*", re.I)
# ...or a subject alone before an endpoint that is its verb ("No patient responded", "None of the 12 patients
# proceeded to HSCT").
_NEGATED_PEOPLE_ONLY = re.compile(_NEGATED_PEOPLE + r"\s", re.I)
_VERBAL_START = re.compile(r"(?:responded|proceeded|underwent|went|received|bridged|consolidated|was|were|died)\b", re.I)
# ...or, for "none" alone, the verb alone ("Among patients with T-ALL, none achieved CR").
_NEGATED_VERB = re.compile(r"\s(?:achieved|attained|reached|obtained|developed|experienced|had)\s(?:an?\s)?(?:"
                           + _MODIFIER + r"\s)*", re.I)
# ...or a verb of observation inside the endpoint ("No deaths occurred within 30 days").
_OBSERVED_INSIDE = re.compile(r"\b(?:occurred|observed|seen|reported|noted|documented|recorded|achieved|obtained)\b", re.I)
# ...or "there were no CRs among ...".
_THERE_WERE_BEFORE = re.compile(r"\bthere\s(?:were|was|have been|has been)\s$", re.I)
# ...or, right after the endpoint, a verb of observation ("no CRs were observed", "with no CRs achieved").
# (its grade after it too: "No CRS of grade 3 or higher occurred")
# ("No grade ≥3 CRS or ICANS events were reported": the endpoints' noun before the verb too)
_NEGATED_AFTER = re.compile(r"\s?(?:\([^()]*\)\s?)?(?:of\s(?:any\s)?" + _GRADE_AT_LEAST + r"\s)?(?:(?:events?|cases|episodes)\s)?"
                            r"(?:(?:was|were|has been|have been|had been)\s)?(?:observed|reported|"
                            r"seen|occurred|achieved|documented|noted|recorded|detected|developed)\b", re.I)
_INCLUDING = re.compile(r"\s?(?:including|incl\.|i\.e\.,?|defined as|comprising|encompassing)\s", re.I)
# What joins the values of a parallel list: "15% and 61 ...", "51% of Ph- and 41% of ...".
# "33% of patients (45% of responders) proceeded to HSCT": the same share restated over another group, in brackets
_RESTATED_SHARE = re.compile(r"(?:\s?%|\spercent|\sper\scent)\s(?:of\s(?:the\s|all\s)?(?:[\w-]+\s){0,2}?(?:patients|pts|children|adults|subjects)\s?)?"
                             r"[(\[]\s?")
_LIST_LINK = re.compile(r"^\s?%?\s?[)\]]?\s?(?:[\w+\-/]+\s){0,4}(?:,\s?(?:and\s)?|and\s|or\s|versus\s|vs\.?\s)$")
# "41% of patients in the inotuzumab arm and 11% in the standard-care arm proceeded to HSCT": an arm's share, then
# the next arm's.
_ARM_SHARE_LINK = re.compile(r"(?:\s?%|\spercent|\sper\scent)\sof\s(?:the\s)?(?:patients|pts|children|adults|subjects)\s" + _IN_ARM
                             + r",?\s(?:and|versus|vs\.?|compared\swith)\s")
# "23 achieved a complete molecular response", "9 patients developed CRS": a count, its verb, the endpoint.
# (a severity before the endpoint too, "8 patients developed severe CRS"; "4 were diagnosed with VOD")
_COUNT_VERB_GAP = re.compile(r"(?:" + _SUBJECT_GAP.pattern + r"\s)?(?:achieved|attained|obtained|reached|entered|developed|"
                             r"experienced|had|(?:were|was)\sdiagnosed\swith)"
                             r"(?:\s(?:an?|the|grade\s?(?:>/?=|[≥>])?\s?\d(?:\s?or higher)?))?"
                             r"(?:\s(?:severe|serious|any[-\s]grade|hepatic|clinically\ssignificant|grade\s?(?:>/?=|[≥>])?\s?\d"
                             r"(?:\s?(?:or\s(?:higher|greater|more|above)|[-–]\s?\d|\+))?))?", re.I)
# "12 of whom were MRD negative", "Of the 30 responders, 24 were MRD-negative": a count and its state's verb (only
# for MRD negativity: "24 patients were in CR" is as often a state at enrolment)
_MRD_COUNT_GAP = re.compile(r"(?:of\s(?:whom|them|these|those)\s)?(?:(?:patients?|responders)\s)?(?:were|became)"
                            r"(?:\s(?:all|also|subsequently))?", re.I)
# (... and of the cohort only when the sentence names no other base: "Among responders, 24 were MRD negative" is none)
# "Of these, 10 were MRD negative": a count of the subset the sentence before counted (denominators.py recounts it
# over that count, and drops it when there is none)
_OPENS_POINTING_BACK = re.compile(r"\W*(?:Of|Among)\s(?:these|them|those)(?:\s(?:patients|responders))?,")
# ... or its count as a part of them: "Twenty achieved CR. Ten of them were MRD negative" (recounted likewise)
_COUNT_OF_THEM_OPENS = re.compile(r"\W*(?P<count>[\w-]+)(?:\s[(\[][^()\[\]]*[)\]])?\s(?:of|among)\s(?:these|them|those)\b")
_OTHER_BASE = re.compile(r"\b(?:respond\w*|among|of\s(?:these|them|those|whom)|in\s(?:CR|remission)|evaluable)\b", re.I)
# "Twelve underwent HSCT, 3 of whom developed VOD", "Thirty responded; 12 of them proceeded to HSCT": the share of
# the count before (not for MRD negativity, often of an assessed subset: "25 were tested, 20 of whom had MRD <0.01%")
_OF_WHOM_GAP = re.compile(r"of\s(?:whom|them|these|those)(?:\s(?:subsequently|successfully|eventually|later))?"
                          r"(?:\s(?:developed|experienced|had|achieved|attained)(?:\s(?:an?|the|severe|grade\s?[≥>]?\s?\d))?)?",
                          re.I)
# "Fourteen achieved CR, 12 of whom ...", "..., of whom 12 ...": the count of the clause before is the denominator
_OF_WHOM_COUNT_AFTER = re.compile(r"\s?of\s(?:whom|them|these|those)\b", re.I)
_OF_WHOM_COUNT_BEFORE = re.compile(r"\b(?:of|among)\s(?:whom|them|these|those),?\s$", re.I)
# "Of 16 patients with CR, 14 achieved ...": the lead-in's N is the count's denominator.
_OF_LEAD_IN = re.compile(r"\b(?:of|among)\s(?:the\s)?([\w\-]+)\s[^,;()]{0,60},\s?$", re.I)
# "CRS occurred in 20 patients", "CR was achieved in 15 patients": an endpoint, its verb, the count of patients.
# ("CRS of grade 3 or 4 occurred in 6 patients": the toxicity's grade may stand before the verb)
_OCCURRED_IN = re.compile(r"\s(?:of\s(?:any\sgrade|grade\s?(?:>/?=|[≥>])?\s?\d(?:\s?(?:or|to|[-–])\s?\d|\sor\s(?:higher|greater|more|"
                          r"above))?)\s)?"
                          r"(?:(?:was|were|has been|have been)\s)?(?:\w+ly\s)?(?:observed|seen|reported|noted|achieved|"
                          r"documented|occurred|developed|obtained|performed|attained|recorded)\s(?:in|by)\s", re.I)
_CLAUSE_END_AFTER = re.compile(r"\s?(?:patients?|pts|children|adults|subjects|participants|infants|adolescents)?\s?(?:[.,;)(]|$|and\b|after\b|during\b|"
                               r"within\b|at\b|following\b)")
_SENTENCE_LEAD_IN = re.compile(r"\s?(?:of|among|in)\s(?:the\s)?([\w\-]+)\s[^,;()]{0,60},", re.I)
# "In first salvage (n = 20), 15 patients achieved CR", "In patients with Ph+ ALL (n = 20), CR was achieved in 15":
# a lead-in group sized in its bracket is the count's denominator.
_SIZED_LEAD_IN = re.compile(r"\W*(?:In|Among|Of|For)\s[^,;()]{1,60}?\s?[(\[]\s?[nN]\s?=\s?(\d+)\s?[)\]],\s?")
_ALL_BUT = re.compile(r"\ball(?:\s(?:the\s)?(?:patients|children|adults|subjects|responders))?\sbut\s$", re.I)
_ALL_OF = re.compile(r"\ball(?: of the)?\s$", re.I)
_CI_NUMBER = r"\d+(?:[.·]\d+)?"
_CI_AFTER = re.compile(
    r"^\s?%?\s?(?:" + _UNITS + r")?(?:\sof\s(?:the\s|all\s)?(?:patients|pts|children|adults|subjects|responders))?"
    r"\s?(?P<open>[(\[;,])\s?(?:median,?\s)?"
    r"(?P<label>(?:95\s?%\s?(?:CI|C\.I\.|confidence interval|confidence intervals)(?:\s?[\[{(](?:95\s?%\s?)?CI[\]})])?"
    r"|CI\s?95\s?%)"  # (dotted, "95% C.I.", or with the level after it, "CI 95% 6.0-9.2")
    r"\s?[,:=]?\s?(?:[(\[](?=\d))?)?"
    r"(?P<low>" + _CI_NUMBER + r")\s?%?\s?(?:" + _UNITS + r"\s?)?(?:to|[-–—,])\s?(?:(?P<high>" + _CI_NUMBER
    + r")(?P<percent>\s?%)?|"
    r"not (?:estimable|reached|evaluable)|NE\b|NR\b)", re.I)
# Population attributes that may also be unscored measures ("20% were Ph-positive"), and what makes them subgroup
# names ("in Ph-positive patients"): see _names_subgroup.
_ATTRIBUTES = {"PH_STATUS", "LINEAGE", "AGE_GROUP"}
_SUBGROUP_NOUN_AFTER = re.compile(r"^\s?(?:(?:B-|T-)?(?:ALL|B-ALL|T-ALL|B-cell|T-cell|disease)\s)?(?:patients?|pts|"
                                  r"adults|children|cases|subjects|subgroups?|cohorts?|groups?|populations?)\b", re.I)
_SUBGROUP_BEFORE = re.compile(r"\b(?:in|among|for|between|than|versus|vs\.?|compared with|compared to)\s"
                              r"(?:the\s|those\swith\s|patients\swith\s)?$", re.I)
_ARM_GROUP = re.compile(r"\b(?:in|with|for|of)\s(?:the\s)?([\w\-/+ ]{2,40}?)\s(?:group|arm|cohort)\b", re.I)


# Patterns of the readers below, compiled once.
_ATTRIBUTE_LINK = re.compile(r"\s?(?:,|and|or|vs\.?|versus|than(?: in)?)\s")
_RESTATED_OPEN = re.compile(r"\s?[(\[]\s?")
_CLOSE_START = re.compile(r"\s?[)\]]")
_ADJECTIVE_END = re.compile(r"negative$", re.I)
_COMPOSITE_WORDS = re.compile(r"\b(?:or|and|plus)\b|[/+]", re.I)
_PERCENT_END = re.compile(r"%\s?$")
_DIGIT = re.compile(r"\d")
_HYPHENS = "-‐–"
_DIGIT_PERCENT = re.compile(r"\d\s?%")
_PERCENT_OPEN_END = re.compile(r"%\s?[(\[]\s?$")
_NEXT_BRACKET = re.compile(r"\s?(?:rate\s?)?(?:was|were|of|:)?\s?(?:\d+(?:\.\d+)?\s?%\s?)?([(\[:])")
_OF_END = re.compile(r"\bof\s(?:the\s|these\s|those\s|our\s)?$")  # "78% of 113", "ten of these 17 patients"
# "The response rate was 30%, consisting of seven CRs and five CRps": the parts' counts, no denominator
_PARTS_OF_BEFORE = re.compile(r"\b(?:consisting|composed|comprised)\sof\s$", re.I)
_TOTAL_OF_START = re.compile(r"\W*A\stotal\sof\s$")  # "A total of 12 patients underwent HSCT": a count, no base
_OPEN_START = re.compile(r"\s?[(\[]")
_PERCENT_RANGE_GAP = re.compile(r"\s?%?\s?(?:to|[-–—])\s?")  # "35% to 41%", "5-50%"
_RANGE_GAP = re.compile(r"\s?(?:to|[-–—])\s?")
_TWO_DECIMALS = re.compile(r"[.·]\d\d")
_CI_PERCENT_AFTER = re.compile(r"^\s?%\s?(?:CI|C\.I\.|confidence)", re.I)
_CI_LABEL_END = re.compile(r"(?:\bCI|C\.I\.)\s?$")
_OR_MORE_AFTER = re.compile(r"^\s?%\s?or\s(?:more|higher|greater|above|less|lower|fewer|below)\b")
_OPEN = re.compile(r"[(\[]")
_BRACKET = re.compile(r"[()\[\]]")
_VALUE_END = re.compile(r"(?:\d\s?%|\d\s?" + _UNITS + r"|\d)\s?$", re.I)
_TWO_NUMBERS_INSIDE = re.compile(r"^[(\[]\s?[\d.·]+\s?%?\s?(?:[-–—,]|to)\s?(?:[\d.·]+|not|NE|NR)")
_LISTED_NUMBER = re.compile(r"\d+\+?\s?,")
_CI_LABEL_INSIDE = re.compile(r"[;,]\s?(?:95\s?%\s?)?(?:CI\b|C\.I\.|confidence interval)", re.I)
# "patients with <5%, 5-50% and >50% marrow blasts": a list of blast percentages names groups, it states no rate.
_BLASTS_AFTER = re.compile(r"(?:\s?%?\s?(?:,\s?(?:and\s|or\s)?|and\s|or\s|to\s|[-–])\s?[<>≤≥]?\s?\d+(?:[.·]\d+)?)*"
                           r"\s?%\s?(?:(?:bone\s)?marrow\s|BM\s|(?:peripheral\s)?blood\s|leukemic\s)?blasts\b",
                           re.I)
# "The CR rate was 60% in the 38% of patients who were in first salvage": the share names a group, it is no rate.
_GROUP_SHARE_BEFORE = re.compile(r"\b(?:in|among|for)\s(?:the|those)\s$", re.I)
_GROUP_SHARE_AFTER = re.compile(r"\s?%\s(?:of\s(?:the\s)?)?(?:patients|children|adults|subjects)\b")
_OWN_FRACTION_AFTER = re.compile(r"\s?%?\s?[(\[]\s?\d+\s?(?:/|of)\s?\d+(?=\s?;)")
# (what follows starts as a CI does: a number or a CI word, not another item, "(any grade, 88%; grade ≥3, 15%)")
_PERCENT_THEN_CI = re.compile(r"%\s?[;,]\s?(?=[\d.·(\[]|(?i:CI\b|confidence|range|IQR|interquartile|median|exact))"
                              r"(?=.*\d.*(?:[-–,]|to)\s?\d)")
_STAGE_END = re.compile(r"(?:phase|grade|grades|stage)\s?$", re.I)
# "Responses were seen in 3 of 5 dose levels": a fraction of things other than patients is no rate.
_NOT_PEOPLE_AFTER = re.compile(r"\s(?:dose\s)?(?:levels|cohorts|cycles|courses|sites|centers|centres|studies|trials|"
                               r"arms|doses|samples|infusions)\b", re.I)
_PERCENT_BRACKET_END = re.compile(r"%\s?[(\[]\s?(?:[nN](?:\s?/\s?N)?\s?[=:]\s?)?$")  # "73% (n/N = 22/30)" too
# "31% of patients (19/62)": the percentage's own count and denominator after the people it is of.
_PERCENT_OF_PEOPLE_BRACKET_END = re.compile(
    r"%\s(?:of\s(?:the\s)?(?:[a-z-]+\s){0,2}?(?:patients|children|adults|subjects|cases|responders)\s?)[(\[]\s?$")
# "60% (seen in 12 of 20 patients)": a few words of observation before the percentage's own count, when they agree.
_PERCENT_WORDS_BRACKET_END = re.compile(r"%\s?[(\[]\s?(?!(?:vs|versus|compared|than|and|or)\b)(?:[a-z]+\s){1,3}$")
# "71% in B-ALL (12 of 17)", "40% among patients with T-ALL (4/10)": the percentage's own count and denominator after the
# group it is of, when the two agree (a group of a few words, no number, comparator or clause of its own in it).
# ("71% of patients with B-ALL (12/17)", "50% in patients aged 60 years or older (10 of 20)", "(n = 12/17)" too)
_PERCENT_GROUP_BRACKET_END = re.compile(
    r"%\s(?:(?:in|among|for)\s(?:the\s)?|of\s(?:the\s)?(?:patients|those|children|adults|subjects)\s(?:with|in|aged)\s)"
    r"(?!(?:vs|versus|compared|than|and|or|which|whom|both|each|all)\b)"
    r"(?:[\w+/\-≥]+,?\s){0,5}?[\w+/\-≥]+\s?[(\[]\s?(?:[nN]\s?[=:]\s?)?$")
# "71% (B-ALL; 12/17)": a group's label opening the percentage's bracket before its count (not an endpoint's: "(CR,
# 12/17)" counts a part)
_PERCENT_LABEL_BRACKET_END = re.compile(r"%\s?[(\[]\s?(?!(?:CRs?|CRi|CRh|CRp|PRs?|ORR|MRD|CI|n|N|range)\b)"
                                        r"[A-Za-z][\w+/\-]*(?:\s[\w+/\-]+){0,2}[,;:]\s?$")
# "44% [95% CI, 30%-60%] (20/45)": the percentage's own count and denominator after its CI's bracket.
_PERCENT_CI_BRACKET_END = re.compile(
    r"%\s?[(\[]\s?95\s?%\s?(?:CI|confidence\sinterval)[^()\[\]]{0,40}[)\]]\s?[(\[]\s?$", re.I)
_PERCENT_BRACKET_AFTER = re.compile(r"\s?%\s?([(\[])")
_LABEL_BRACKET_WORDS = re.compile(r"(?:[\s+/,&()\[\]]|\b(?:and|or|plus|with)\b)*")
_OTHER_HEAD = re.compile(r"[)\]]\s?[,;]?\s?(?:and\s)?((?:[A-Za-z][\w\-]*\s?){1,5})$")
_COMPARATOR = re.compile(r"\b(?:compared|versus|vs|than|with|in|for|among|group|arm)\b", re.I)
_CONJOINED = re.compile(r"\s?(?:\([^()]*\)\s?)?(?:and|&|nor)\s(?:the\s)?(?:median\s)?")  # "Neither median OS nor median EFS"
_UNIT_SOON = re.compile(r"^[^;]{0,20}?\b(" + _UNITS + r")\b", re.I)
_LEADING_UNIT = re.compile(r"^\s?" + _UNITS, re.I)


@dataclass(slots=True)
class Value:
    """A number of a sentence, typed (PERCENT, DURATION...), with offsets relative to the sentence text."""

    kind: str
    value: float | None
    start: int
    end: int
    value_max: float | None = None
    count: float | None = None
    denominator: float | None = None
    computed: bool = False
    all_but: bool = False  # "All but one achieved CR": the count is the cohort minus the value
    occurred_in: bool = False  # "CRS occurred in 20 patients": a count after its endpoint
    median_only: bool = False  # "median OS: NR": the abbreviation reads as not reached only for a median
    run_end: int | None = None  # "40% and 55% with inotuzumab versus ...": where the arm's run of values ends
    # the group the value's own words name: "None of the 8 patients with TP53 mutation responded" (a zero's
    # subgroup), "All responders were MRD-negative"
    group: str | None = None
    proportion: bool = False  # printed as a proportion ("0.38"): the value is in %, its CI bounds are not
    bare_in: bool = False  # a count with no noun after its event's "in": "severe CRS occurred in 8", "(grade ≥3 in 4)"


@dataclass(slots=True)
class Mention:
    """An endpoint mention in a sentence (offsets relative to the sentence text)."""

    family: str
    start: int
    end: int
    qualifier: bool = False
    values: list = field(default_factory=list)
    median: bool = False  # "median OS": a duration (or not reached), never a %
    example: bool = False  # "Hepatotoxicity including VOD": an instance of a broader measure named before it
    region: tuple[int, int] | None = None  # a definition's part takes only values inside the definition

    def takes(self, value: "Value") -> bool:
        if self.median and value.kind == PERCENT or value.median_only and not self.median:
            return False
        if self.region is not None and not self.region[0] <= value.start < self.region[1]:
            return False
        return value.kind in ACCEPTS[self.family]


# A labelled abstract's background ("BACKGROUND: With standard salvage, CR rates are 30% to 40%"): what is known
# before the study, not its results.
_BACKGROUND_SECTION = re.compile(r"(?:background|introduction|importance|context|rationale)s?\b", re.I)


def extract_outcomes(doc: Doc, section: str, context: ArticleContext) -> list[dict]:
    """Every scored outcome stated in one section.

    Args:
        doc: the processed section text.
        section: its name (evidence section).
        context: the article so far (cohort size for count-only rates, number words).

    Returns:
        Outcome dicts in the gold schema, each with `evidence`.
    """
    outcomes = []
    index = context.arm_index
    background = _BACKGROUND_SECTION.match(section) is not None
    # Sentences with their rule spans grouped once per doc and their text cached (sentences.section_view).
    previous: list[dict] = []  # the outcomes of the sentence before, for a breakdown of its response rate
    for sent in section_view(doc).sentences:
        scope = index.observe(sent.text, section) if index is not None else (None, False)
        if not background and any(s.id_ != "OTHER" for s in sent.labelled("ENDPOINT")):
            parts: list[tuple[float | None, float | None]] = []
            found = _sentence_outcomes(sent, section, context, scope, parts)
            if parts:
                _composite_broken_down_after(previous, parts[0], context)
            outcomes += found
            previous = found
        else:
            carried = _carried_outcomes(sent, section, context, scope, previous) if previous and not background else []
            outcomes += carried
            previous = []
    return outcomes


# "The CR rate in the InO arm was 80.7%. In the SOC arm, it was 29.4%.": a sentence naming no endpoint whose value
# "it" (or "the corresponding rate") states is of the one endpoint the sentence before stated.
_ANAPHORIC_RESULT = re.compile(r"(?:^|,\s)(?:it|this|the\s(?:corresponding|respective|same)\s(?:rate|figure|value|"
                               r"proportion|median)(?:\s(?:in|among|for|with)\s[^,;]{1,40}?)?)\s(?:was|were)\s(?=\d)",
                               re.I)
# ... or whose group subjects "had" a rate ("The CR rate was 70%. Patients younger than 60 years had 80%, and those
# aged 60 years or older had 60%"): the same endpoint's rate in those groups.
# (the rate alone, not a measure after it: "had 80% marrow blasts")
_HAD_RATE = r"\shad\s(?=\d+(?:\.\d+)?\s?%(?:\s?\([^()]*\))?(?:[,.;]|\s(?:and|while|whereas|versus|vs\.?|compared)\b))"
_GROUP_HAD_RATE = re.compile(r"^(?:patients|those|subjects|children|adults)\s(?:with|without|in|aged|younger|older|who)\b"
                             r"[^,;()]{1,50}?" + _HAD_RATE + r"|^[A-Z][\w\-]*?[A-Z\d+\-][\w+/\-]*\s(?:patients|subjects)"
                             + _HAD_RATE, re.I)
_ENDPOINT_SUFFIX = re.compile(r"_(?:MEDIAN|RATE)$")


def _carried_outcomes(sent: Sentence, section: str, context: ArticleContext, scope: tuple,
                      previous: list[dict]) -> list[dict]:
    """The values of an anaphoric sentence (see _ANAPHORIC_RESULT), of the previous sentence's one endpoint, for a
    group other than the ones it stated (at its time point)."""
    endpoints = {o["endpoint"] for o in previous}
    if len(endpoints) != 1 or ("it" not in sent.text.lower() and "the " not in sent.text.lower()
                               and " had " not in sent.text):
        return []
    cue = _ANAPHORIC_RESULT.search(sent.text) or _GROUP_HAD_RATE.search(sent.text)
    if cue is None:
        return []
    (endpoint,) = endpoints
    family = _ENDPOINT_SUFFIX.sub("", endpoint)
    if family not in ACCEPTS:
        return []
    start = cue.start() if cue.re is _ANAPHORIC_RESULT else cue.end() - len("had ")  # (the subject is the group)
    mention = Mention(family, start, cue.end() - 1, median=endpoint.endswith("_MEDIAN"))
    found = _sentence_outcomes(sent, section, context, scope, carried=mention)
    named = {o["arm"] for o in previous}
    found = [o for o in found if o["endpoint"] == endpoint and o["arm"] not in named]
    for outcome in found:
        outcome["timepoint_months"] = previous[0]["timepoint_months"]
    return found


def _composite_broken_down_after(previous: list[dict], parts: tuple[float | None, float | None], context) -> None:
    """"The overall response rate was 75%. Twenty patients achieved CR and 10 achieved CRi.": a response rate of the
    sentence before whose CR and CRi/CRh parts, counted in this one, add up to it is the CR_CRi composite (no partial
    response is left in it). `parts`: the parts' summed count and, when each part prints one, summed percentage."""
    count, percent = parts
    responses = [o for o in previous if o["endpoint"] == "ORR"]
    if len(responses) != 1 or responses[0]["unit"] != "%":
        return
    response = responses[0]
    base = response["denominator"] or context.cohort_size
    if count is not None and response["count"] is not None and response["count"] == count \
            or percent is not None and abs(response["value"] - percent) <= 1 \
            or count is not None and response["count"] is None and base \
            and abs(100 * count / base - response["value"]) <= 0.6:
        response["endpoint"] = "CR_CRi"


def _sentence_outcomes(sent: Sentence, section: str, context: ArticleContext,
                       scope: tuple = (None, False), parts: list | None = None,
                       carried: Mention | None = None) -> list[dict]:
    """The outcomes of one sentence. Its rule spans are read by label (`Sentence.labelled`: grouped once per doc),
    not by scanning all of them once per label. A sentence that only counts CR and its CRi/CRh parts adds their sum
    to `parts` (see _composite_broken_down_after). `carried`: the one mention of a sentence that names its endpoint
    by "it" (see _carried_outcomes)."""
    mentions = [carried] if carried else _mentions(sent, context.definitions)  # (also keeps the definitions up to date)
    if not mentions or not (_may_state_values(sent, context) or _all_responders_cue(sent.text, mentions)):
        return []
    if _may_not_state_results(sent.text) and _NOT_RESULTS.search(sent.text):
        return []
    timepoints = _timepoints(sent, context)
    if timepoints:  # "Median survival (2 years)": the bracket is the median's duration, not a time point
        timepoints = [t for t in timepoints if not any(m.median and (m.start == t.start
                                                                     or _MEDIAN_AFTER_VALUE.fullmatch(sent.text, t.end, m.start))
                                                       for m in mentions)]
    found = _values(sent, timepoints, context)
    values = [v for v in found if not _share_of_no_endpoint(sent.text, v, mentions, found)]
    if values:
        _assign(sent, mentions, values)
    _negated_zeros(sent, mentions, context)
    _all_responders_negative(sent.text, mentions)
    if values and "CR_PART" in {m.family for m in mentions}:
        _response_summing_parts(mentions)
    if parts is not None and values:
        summed = _parts_sum(mentions)
        if summed is not None:
            parts.append(summed)
    if not any(m.values and m.family not in ABSORBERS for m in mentions):
        return []  # nothing to state, nor the groups and evidence of it to read
    if timepoints and "andmark" in sent.text:
        timepoints = [t for t in timepoints if not _is_landmark(sent.text, t)]
    return _outcomes(sent, section, _rates_apart_from_medians(mentions), timepoints, context, scope, _avoid(sent))


def _rates_apart_from_medians(mentions: list[Mention]) -> list[Mention]:
    """"OS at 1 year was 45%, with a median of 10.2 months": a survival mention holding one rate and one median holds
    two measures of one group, not one measure of two groups (they were labelled group 1 and group 2). (Not with
    more values: their groups are read across both kinds.)"""
    split = []
    for mention in mentions:
        medians = [v for v in mention.values if v.kind in (DURATION, NOT_REACHED)] \
            if mention.family in SURVIVAL and len(mention.values) == 2 else []
        if len(medians) != 1:
            split.append(mention)
            continue
        split += [replace(mention, values=[v for v in mention.values if v.kind not in (DURATION, NOT_REACHED)]),
                  replace(mention, values=medians)]
    return split


# "With a 67.3-week median duration of remission", "a 9.5-month median OS": the hyphenated duration before a median
# is its value, not a time point.
_MEDIAN_AFTER_VALUE = re.compile(r"\s?(?:median\s)?")
_HYPHENATED_MEDIAN_GAP = re.compile(r"[-‐–]" + _UNITS + r"\s(?:median\s)?", re.I)


def _response_summing_parts(mentions: list[Mention]) -> None:
    """"The CR rate was 50%, the CRi rate was 20%, and the overall response rate was 70%": a response rate stated
    after its CR and CRi/CRh parts, whose printed percentages add up to it, is the CR_CRi composite."""
    responses = [m for m in mentions if m.family == "ORR" and m.values]
    if len(responses) != 1 or len(responses[0].values) != 1 or responses[0].values[0].kind != PERCENT:
        return
    response = responses[0]
    summed = _parts_sum([m for m in mentions if m.end <= response.start])
    if summed is not None and summed[1] is not None and abs(summed[1] - response.values[0].value) <= 1 \
            and not any(m.values for m in mentions if m.start > response.end):
        response.family = "CR_CRi"


def _parts_sum(mentions: list[Mention]) -> tuple[float | None, float | None] | None:
    """The summed count (and percentage) of a sentence whose only stated values are one for CR and one for each
    CRi/CRh/CRp part ("Twenty patients achieved CR and 10 achieved CRi."), or None."""
    stated = [m for m in mentions if m.values]
    families = [m.family for m in stated]
    if families.count("CR") != 1 or not any(f == "CR_PART" for f in families) \
            or any(f not in ("CR", "CR_PART") for f in families) or any(len(m.values) != 1 for m in stated):
        return None
    counts = [v.count if v.count is not None else v.value if v.kind == COUNT else None
              for m in stated for v in m.values]
    percents = [m.values[0].value for m in stated if m.values[0].kind == PERCENT]
    count = sum(counts) if all(c is not None for c in counts) else None
    percent = sum(percents) if len(percents) == len(stated) else None
    return None if count is None and percent is None else (count, percent)


# "In a landmark analysis at 3 months, the 2-year OS was 55%": the landmark is where the analysis starts, not the
# rate's time point (its numbers stay no values).
_LANDMARK_BEFORE = re.compile(r"\blandmark(?:ed|\s(?:analysis|analyses|time|point))?\s?$", re.I)
_LANDMARK_AFTER = re.compile(r"\s?landmark\sanalys[ie]s\b", re.I)  # ("At the 2-year landmark, 40% were alive": 2 years)


def _is_landmark(text: str, timepoint: TimePoint) -> bool:
    return _LANDMARK_BEFORE.search(text, max(0, timepoint.start - 24), timepoint.start) is not None \
        or _LANDMARK_AFTER.match(text, timepoint.end) is not None


_OF_WHOM_AFTER = re.compile(r"\s?%?[)\]]?\s?(?:of|among)\s(?:whom|them|(?:the\s)?(?:responses|remissions|CRs|responders))\b",
                            re.I)
_CLAUSE_END = re.compile(r"[,;]|$")


def _share_of_no_endpoint(text: str, value: Value, mentions: list[Mention], values: list[Value] = ()) -> bool:
    """A share of the group just named ("CRS occurred in 77% of patients, 48% of whom received tocilizumab") or of
    the responses ("; 80% of responses occurred in cycle 1") is an outcome only when its own clause names the
    endpoint, after it ("30 achieved CR, 25 (83%) of whom were MRD-negative") or before it ("45 achieved CR; MRD
    negativity was documented in 40 (89%) of them", "MRD negativity was achieved in 82% of responders")."""
    part_of = _OF_WHOM_AFTER.match(text, value.end)
    if part_of is None:
        return False
    clause_start = max(text.rfind(",", 0, value.start), text.rfind(";", 0, value.start)) + 1
    clause_end = _CLAUSE_END.search(text, part_of.end()).start()
    if _grade_of_the_cohort(text, value, mentions, values, part_of.end(), clause_end):
        return False
    return not any(part_of.end() <= mention.start < clause_end or clause_start <= mention.start < value.start
                   for mention in mentions if mention.family not in ABSORBERS)


def _grade_of_the_cohort(text: str, value: Value, mentions: list[Mention], values, start: int, end: int) -> bool:
    """"CRS occurred in 30 patients (75%); 4 (10%) of them had grade 3 or higher": a count of the patients a toxicity
    before it occurred in, graded by its clause, whose percentage is not of those patients (4/30 is 13%) but of the
    cohort, is that toxicity's graded rate."""
    if value.count is None or not _GRADE_WORDS.search(text, start, end):
        return False
    if not any(m.family in _TOXICITIES and m.end <= value.start for m in mentions):
        return False
    whole = next((v for v in reversed(values) if v.end <= value.start and v.count), None)
    return whole is not None and abs(100 * value.count / whole.count - value.value) > 1


def _may_state_values(sent: Sentence, context: ArticleContext) -> bool:
    """A cheap necessary cue for any outcome: every value is a number, a "not reached" span or the zero of a
    negation cue (the numbers are memoised for `_values`)."""
    return bool(sent.labelled("NOT_REACHED") or sent.labelled("NEGATION")
                or normalise.find_numbers(sent.text, context.words)) or _has_share_words(sent.text) \
        or context.cohort_size is not None and _ALL_PATIENTS.search(sent.text) is not None


def _avoid(sent: Sentence) -> list[tuple[int, int]]:
    """Phrases over an endpoint or time point name no group; a population attribute ("Ph-positive", an unscored
    measure too), a marker status ("in CD19-negative patients") or an MRD status naming a group ("for MRD-negative
    patients") may. Sentence-relative (start, end) of those spans."""
    base, text = sent.start_char, sent.text
    attributes = {(s.start, s.end) for label in _ATTRIBUTES for s in sent.labelled(label)}
    return [(s.start_char - base, s.end_char - base) for label in _NO_GROUP_LABELS for s in sent.labelled(label)
            if not (s.id_ == "OTHER" and ((s.start, s.end) in attributes
                                          or _marker_status_group(text, s.start_char - base, s.end_char - base)))
            and not (s.id_ == "MRD_NEG" and _names_mrd_group(text, s.start_char - base, s.end_char - base))]


_NO_GROUP_LABELS = ("ENDPOINT", "TIMEPOINT", "NOT_REACHED")  # "median OS was not reached vs 12.1 months": no group


# ----------------------------------------------------------------------------------------------------- mentions


def _mentions(sent: Sentence, definitions: dict[str, str]) -> list[Mention]:
    text, base = sent.text, sent.start_char
    endpoint_spans = _longest(sent.labelled("ENDPOINT"))
    attributes = [s for label in _ATTRIBUTES for s in sent.labelled(label)]
    cue_ends = [c.end for c in sent.labelled("ENDPOINT_CUE") if c.id_ == "MEDIAN"]
    state_lists = [(s.start, s.end) for s in sent.labelled("SETTING") if s.id_ == "remission state"]
    mentions: list[Mention] = []
    for span in endpoint_spans:
        family, start, end = span.id_, span.start_char - base, span.end_char - base
        if text[end - 1] in "([":  # "Responses (CR or PR) occurred in": the bracket defines the mention
            end = len(text[:end - 1].rstrip())
        if family == "OTHER" and (_names_subgroup(text, span, attributes, base)
                                  or mentions and _describes_crs(text, mentions[-1], start)):
            continue
        if mentions and _restates(text, mentions[-1], family, start, end):
            mentions[-1].end = max(mentions[-1].end, end + 1)
            continue
        if mentions and _joins_composite(text, mentions[-1], family, start, end):
            mentions[-1].family, mentions[-1].end = "CR_CRi", end
            continue
        if family == "OTHER" and text.startswith("and ", start):
            # "OS and relapse were 50% and 35%": the unscored last item of a list, matched with its link and verb
            item = _LAST_ITEM_OTHER.fullmatch(text, start, end)
            start, end = item.span("item") if item else (start, end)
        if family == "HSCT" and text[start] in ";:":
            if text[end - 1] == "%":  # "; allo-HSCT 38%": the key without its colon, its value in the span
                end = _KEY_ITEM.match(text, start).end()
            if not _key_value_item(text, mentions, end):
                continue
            start = _KEY_START.match(text, start).end()
        elif family == "HSCT" and text[start] in ",aA":  # "Rates of CR, MRD negativity and HSCT were": the item only
            item = _HSCT_LIST_ITEM.match(text, start)
            if item:
                # ... of a list of endpoints: not "relapsed after chemotherapy and HSCT (30%)", "after CR, HSCT, and"
                listed = mentions and not mentions[-1].qualifier and mentions[-1].family in RATES \
                    and _ITEM_GAP.fullmatch(text, mentions[-1].end, item.start("item"))
                if listed:
                    start, end = item.span("item")
                elif _RATE_END.search(text, start, end):  # ("; and allogeneic HSCT rates were": a rate of its own)
                    start = item.start("item")
                else:
                    continue
        if family == "EARLY_DEATH" and _AFTER_TRANSPLANT.match(text, end):
            family = "OTHER"  # "Day-100 mortality after HSCT": the transplant's (non-relapse) mortality
        before = text[max(0, start - 60):start]
        qualifier = _names_a_qualifier(before[-40:]) and not _SHARE_WHO.search(before) if family not in ABSORBERS \
            else bool(_WITH_BEFORE.search(before) or _WHO_BEFORE.search(before[-30:]))
        qualifier = qualifier or family == "MRD_NEG" and _names_mrd_group(text, start, end) \
            or family in RATES and _GROUP_NOUN_AFTER.match(text, end) is not None
        qualifier = qualifier or family in _RESPONSES and _SHARE_OF_BEFORE.search(before[-16:]) is not None
        qualifier = qualifier or family in _STATES and _baseline_state(text, before, start) \
            or family == "HSCT" and _HAD_BEFORE.search(before[-24:]) is not None \
            and (_in_baseline_clause(text, start) or _HISTORY_WORD.search(text) is not None)
        qualifier = qualifier or family in RATES and _names_history(before[-24:])
        qualifier = qualifier or family == "HSCT" and (_before_baseline(text, end)
                                                       or _NOT_ABLE_BEFORE.search(before[-30:]) is not None)
        qualifier = qualifier or family in _STATES and _SHARE_IN_BEFORE.search(before[-12:]) is not None
        # "patients in CR1, CR2 and refractory disease": a remission inside a list of remission states names a group
        qualifier = qualifier or family in _STATES and any(a <= span.start and span.end <= b for a, b in state_lists)
        median = any(0 <= span.start - cue_end <= 3 for cue_end in cue_ends)
        example = family in RATES and _may_introduce_example(before) and _EXAMPLE_BEFORE.search(before[-16:]) is not None
        mentions.append(Mention(family, start, end, qualifier, median=median, example=example))
    if "overall " in text.lower() or "complete " in text.lower():
        mentions = _elliptical_partners(text, mentions, cue_ends)
    mentions = _composite_by_parts(text, _redefine_composites(text, _spelled_parts(text, mentions), definitions))
    if "CR" in text:
        _response_as_composite(text, mentions)
    if "defined" in text or "includ" in text or "compris" in text or "consist" in text:
        _bare_definition(text, mentions, definitions)
    for mention in mentions:  # "the response rate" defined earlier in the abstract keeps its definition
        if mention.family in ("ORR", "CR") and definitions:
            mention.family = _defined_family(definitions, text[mention.start:mention.end], mention.family)
    return mentions


# "overall and event-free survival", "complete and overall response rates": the first adjective of two joined ones
# names an endpoint of its own, whose noun the second one's mention carries.
_ELLIPTICAL_ADJECTIVE = re.compile(r"\b(?P<word>overall|complete)\s(?:and|or|&)\s$", re.I)
_FREE_SURVIVAL = re.compile(r"[\w]+[-‐–\s]free\ssurvival\b", re.I)
_COMPLETE_RESPONSE = re.compile(r"complete\s(?:response|remission)", re.I)
_OVERALL_RESPONSE = re.compile(r"overall\s(?:response|remission)", re.I)


def _elliptical_partners(text: str, mentions: list[Mention], cue_ends: list[int]) -> list[Mention]:
    """Add the mention an elided noun leaves of the first of two joined adjectives: OS before an "X-free survival",
    ORR before a "complete response", CR before an "overall response"."""
    added = []
    for mention in mentions:
        m = _ELLIPTICAL_ADJECTIVE.search(text, max(0, mention.start - 16), mention.start)
        if m is None or mention.qualifier:
            continue
        word, named = m.group("word").lower(), text[mention.start:mention.end]
        if word == "overall" and mention.family in SURVIVAL - {"OS"} and _FREE_SURVIVAL.match(named):
            family = "OS"
        elif word == "overall" and mention.family == "CR" and _COMPLETE_RESPONSE.match(named):
            family = "ORR"
        elif word == "complete" and mention.family == "ORR" and _OVERALL_RESPONSE.match(named):
            family = "CR"
        else:
            continue
        median = any(0 <= m.start() - cue_end <= 3 for cue_end in cue_ends)
        added.append(Mention(family, m.start(), m.start("word") + len(m.group("word")), median=median))
    return sorted(mentions + added, key=lambda mention: mention.start) if added else mentions


# What a defined phrase and its later mentions share: "the overall response rate (CR + CRi)" defines "overall
# response", "response rate" and "response" alike.
# ("achieved remission" after "Remission was defined as CR or CRi": the verb of the ORR rule is not the key)
_DEFINED_PHRASE = re.compile(r"(?:(?:achieved|attained|obtained|reached|entered)\s(?:an?\s)?)?(?:the\s)?(?:overall\s)?"
                             r"(?P<key>.+?)(?:\srates?)?")


def _definition_key(phrase: str) -> str:
    return _KEY_FORMS.sub(_key_form, _DEFINED_PHRASE.fullmatch(phrase.lower()).group("key"))


# "Responses (CR/CRi)" defines "response" too, and "patients responded": one key for the noun and the verb
_KEY_FORMS = re.compile(r"\b(?:(response|remission)s|respond(?:ed|ing))\b")


def _key_form(m: re.Match) -> str:
    return m.group(1) or "response"


def _define(definitions: dict[str, str], phrase: str) -> None:
    """Registers a phrase defined as CR_CRi, and the abbreviation it restates ("Overall remission rate (ORR)")."""
    head, bracket, abbreviation = phrase.partition("(")
    definitions[_definition_key(head.strip() if bracket else phrase)] = "CR_CRi"
    abbreviation = abbreviation.strip(" );,:")  # ("overall remission rate (ORR; CR or CRi)": the ORR)
    if bracket and abbreviation:
        definitions[_definition_key(abbreviation)] = "CR_CRi"


def _defined_family(definitions: dict[str, str], phrase: str, family: str) -> str:
    """The endpoint a phrase defined earlier gives this mention of it; a mention that goes on past the defined
    phrase ("Responses were higher in ..." after "Responses (CR/CRi)") is the phrase too."""
    key = _definition_key(phrase)
    if key in definitions:
        return definitions[key]
    return next((defined for k, defined in definitions.items() if key.startswith(k + " ")), family)


# "Response was defined as CR, CRh or CRi.": a bare response (no mention of its own) defined for the article
# "Overall response included CR, CRh and CRi." likewise, but only without figures (what "Responses included CR in 10
# (40%)" lists are results, each its own)
# (its rate and abbreviation too, "Overall remission rate (ORR) was defined as", and the parts' abbreviations in
# brackets, "defined as complete remission (CR) or CR with incomplete hematologic recovery (CRi)")
_BARE_DEFINITION = re.compile(r"\W*(?:(?:The\s)?[Oo]verall\s)?(?P<key>[Rr]esponse|[Rr]emission)s?(?:\srates?)?"
                              r"(?:\s\((?P<abbreviation>[A-Z]{2,5})\))?\s(?:(?:was|were|is|are)\sdefined\sas\s"
                              r"(?:[^;()]|\([A-Za-z]{1,5}\)){1,100}?|(?:included|includes|comprised|comprises|consisted\sof)\s"
                              r"(?:[^;()\d]|\([A-Za-z]{1,5}\)){1,100}?)(?=\s?(?:[.;]|$))")


def _bare_definition(text: str, mentions: list[Mention], definitions: dict[str, str]) -> None:
    m = _BARE_DEFINITION.match(text)
    if m is None:
        return
    parts = [x for x in mentions if m.start("key") < x.start < m.end()]
    families = {x.family for x in parts}
    # CR with a part ("CR or CRi"), or the composite named as one ("CR, CRh or CRi", "CR/CRi")
    if families & {"CR", "CR_CRi"} and families & {"CR_CRi", "CR_PART"} and families <= {"CR", "CR_CRi", "CR_PART"}:
        _define(definitions, m.group("key"))
        if m.group("abbreviation"):
            _define(definitions, m.group("abbreviation"))
        for part in parts:  # the definition's parts name no rate of their own
            part.family, part.region = "CR_PART", m.span()


_AFTER_TRANSPLANT = re.compile(r"\s?(?:after|following|post)[\s-](?:(?:the|an?|allogeneic|allo|subsequent)\s)*"
                               r"(?:hsct|hct|sct|transplant(?:ation)?|allo-?hsct|allo-?sct|allo-?hct|allograft(?:ing)?)\b",
                               re.I)


# re.I costs the regex engine its quick literal checks, and an end-anchored search tries every start: on ASCII
# text (nearly always), the same pattern without re.I on the lower-cased window is the same test, ~1.7x faster.
assert _QUALIFIER_BEFORE.pattern == _QUALIFIER_BEFORE.pattern.lower()
_QUALIFIER_BEFORE_LOWER = re.compile(_QUALIFIER_BEFORE.pattern)


# Every match of _QUALIFIER_BEFORE ends with one of these words, then at most a space and an article ("with the",
# glued in "withthe "): a cheap necessary cue on the window's last word (or the one before an article) before the
# end-anchored search, which tries every start. Checked against the pattern on 580,000 windows.
_QUALIFIER_LAST_WORDS = ("with", "without", "in", "achieving", "attaining", "reaching", "achieved", "attained", "had",
                         "reached", "first", "second", "third", "among", "post", "before", "after", "beyond", "to",
                         "until", "who", "that", "not", "subsequently", "then", "at", "of")
_ARTICLES = ("a", "an", "the")
_QUALIFIER_LAST_GLUED = tuple(word + article for word in _QUALIFIER_LAST_WORDS for article in _ARTICLES)


# "EFS was 45% in CR2 versus 10% in refractory patients": a state after a value's "in" names the value's group.
_SHARE_IN_BEFORE = re.compile(r"\d\s?%\s?\)?\s?in\s(?:the\s)?$")


# "25% had a prior history of VOD", "30% had previous HSCT": an event before the study is the patients' history.
_HISTORY_BEFORE = re.compile(r"\b(?:prior|previous|preceding|pre-existing|history of)\s(?:an?\s)?$", re.I)


# "12 patients (30%) were not able to undergo HSCT", "unable to proceed to": the transplant they did not get
_NOT_ABLE_BEFORE = re.compile(r"\b(?:(?:(?:not|never)\s(?:be\s)?able|unable|ineligible|failed)\sto|not|never)\s$", re.I)
# "Patients had received a median of 2 prior therapies, and 12 (30%) had received HSCT": a pluperfect transplant in a
# sentence about the patients' history is part of it.
_HISTORY_WORD = re.compile(r"\b(?:prior|previous(?:ly)?|pre-?treated|lines?\sof\s(?:therapy|treatment)|history)\b", re.I)
# "12 patients (30%) received allogeneic HSCT before enrolment": a transplant before the study is the patients' history.
_BEFORE_BASELINE_AFTER = re.compile(
    r"\s?(?:[(\[][^()\[\]]{0,30}[)\]]\s?)?(?:before|prior\sto|preceding)\s(?:the\s)?(?:time\sof\s)?(?:(?:study|trial)\s"
    r"(?:entry|enrol?l?ment|inclusion|registration)|enrol?l?ment|inclusion|registration|randomi[sz]ation|screening|"
    r"(?:this|the|current|present)\s(?:study|trial)|study|trial|referral)\b", re.I)


def _before_baseline(text: str, end: int) -> bool:
    return ("before" in text or "prior" in text or "preceding" in text) \
        and _BEFORE_BASELINE_AFTER.match(text, end) is not None


def _names_history(before: str) -> bool:
    return ("pr" in before or "history" in before) and _HISTORY_BEFORE.search(before) is not None


# "70% in the CR group and 40% in the CRi group", "the HSCT cohort": a rate endpoint naming a group.
_GROUP_NOUN_AFTER = re.compile(r"\s(?:groups?|arms?|cohorts?|subgroups?|subsets?)\b")


def _names_a_qualifier(before: str) -> bool:
    """`_QUALIFIER_BEFORE.search(before)`: the words before an endpoint make it a subgroup's name."""
    if before.isascii():
        lower = before.lower()
        return _may_end_a_qualifier(lower.split()) and _QUALIFIER_BEFORE_LOWER.search(lower) is not None
    return _QUALIFIER_BEFORE.search(before) is not None


def _may_end_a_qualifier(words: list[str]) -> bool:
    if not words:
        return False
    last = words[-1]
    if last.endswith(_QUALIFIER_LAST_WORDS) or last.endswith(_QUALIFIER_LAST_GLUED):
        return True
    return last in _ARTICLES and len(words) > 1 and words[-2].endswith(_QUALIFIER_LAST_WORDS)


def _longest(spans: list[Span]) -> list[Span]:
    """`filter_spans`: the longest spans without overlaps, by start. Most sentences have none or one, or spans that
    do not overlap (the rule spans come by start), which need no sorting."""
    if len(spans) > 1:
        end = spans[0].end
        for span in spans[1:]:
            if span.start < end:
                return filter_spans(spans)
            end = span.end
    return list(spans)


def _baseline_state(text: str, before: str, start: int) -> bool:
    """"were in CR at the time of infusion", "Before infusion, 15 (38%) had MRD-negative disease": a state at a
    baseline named in the same clause."""
    window = before[-40:]
    lower = window.lower()  # a cheap necessary cue first: most responses follow no state verb
    if not any(verb in lower for verb in _STATE_VERBS) or not _STATE_BEFORE.search(window):
        return False
    return _in_baseline_clause(text, start)


def _in_baseline_clause(text: str, start: int) -> bool:
    """Whether the clause holding `start` names a baseline ("at the time of infusion", "before enrollment")."""
    clause_start = text.rfind(";", 0, start) + 1
    clause_end = text.find(";", start)
    return _BASELINE.search(text, clause_start, clause_end if clause_end != -1 else len(text)) is not None


# "80% of Ph-positive and 65% of Ph-negative patients", "24/30 (80%) Ph-positive": the attribute is whose share it is.
_PERCENT_OF_BEFORE = re.compile(r"%\s?\)?\s?(?:of\s(?:the\s)?)?$")
# "in 15 of 20 Ph-positive and 9 of 20 Ph-negative patients": the fraction's people
_FRACTION_OF_BEFORE = re.compile(r"\d\s?(?:/|of|out\sof)\s?\d+\s$")


def _names_subgroup(text: str, span: Span, attributes: list[Span], base: int) -> bool:
    """A population attribute that is also an unscored measure ("20% were Ph-positive") names a subgroup instead
    when a population noun follows it ("Ph-positive patients"), a preposition or comparison word precedes it ("in
    Ph-positive ALL", "than in Ph-negative"), or another attribute is listed with it ("Ph-positive and
    Ph-negative"): then it owns no values, and the rates of the sentence go to their endpoint."""
    start, end = span.start_char - base, span.end_char - base
    if not any(a.start == span.start and a.end == span.end for a in attributes):
        return _marker_status_group(text, start, end)
    if _SUBGROUP_NOUN_AFTER.match(text[end:]) or _SUBGROUP_BEFORE.search(text[max(0, start - 30):start]) \
            or _bracketed_after_value(text, start, end) or _PERCENT_OF_BEFORE.search(text, max(0, start - 12), start) \
            or _FRACTION_OF_BEFORE.search(text, max(0, start - 16), start):
        return True
    return any(_ATTRIBUTE_LINK.fullmatch(text[a.end_char - base:start])
               or _ATTRIBUTE_LINK.fullmatch(text[end:a.start_char - base])
               for a in attributes if a is not span and (a.start, a.end) != (span.start, span.end))


# "CD19-negative", "antigen-negative", "BCR/ABL-positive": a marker status, an unscored measure ("relapses were
# CD19-negative in 20%") unless a value's preposition or a population noun makes it a group.
_MARKER_STATUS = re.compile(r"[\w/]+[-\s](?:negative|positive)", re.I)


def _marker_status_group(text: str, start: int, end: int) -> bool:
    """"40% in CD19-negative and 55% in CD19-positive patients", "among CD19-negative patients": the status names
    the group whose value it is."""
    return _MARKER_STATUS.fullmatch(text, start, end) is not None and (
        _SUBGROUP_NOUN_AFTER.match(text[end:]) is not None
        or _SHARE_IN_BEFORE.search(text[max(0, start - 12):start]) is not None
        or _SUBGROUP_BEFORE.search(text[max(0, start - 30):start]) is not None)


# What introduces the signs of a CRS named just before: "CRS (fever, hypotension)", "CRS with hypoxia", "CRS,
# manifested by fever and hypotension" (no figure in between, a grade's number aside).
_CRS_SIGNS_GAP = re.compile(r"\s?(?:[(\[]|,?\s(?:with|manifest\w*|present\w*|characteri[sz]ed|including|consisting|"
                            r"such\sas|defined)\b)[^\d;.]*", re.I)


def _describes_crs(text: str, previous: Mention, start: int) -> bool:
    """An unscored sign (fever, hypotension, hypoxia) that describes the CRS named before it owns no figure: "CRS
    (fever, hypotension) occurred in 40%" is a CRS rate, while "CRS occurred in 10%, and hypotension in 8%" counts
    the sign apart."""
    return previous.family == "CRS" and start - previous.end <= 60 \
        and _CRS_SIGNS_GAP.fullmatch(_GRADE.sub("", text[previous.end:start])) is not None


_KEY_START = re.compile(r"[;:]\s?(?:and\s)?")
_KEY_ITEM = re.compile(r"[;:]\s?(?:and\s)?(?:(?:allogeneic|allo|subsequent)\s?-?\s?)?[\w-]+", re.I)
# A transplant named bare as an item of a list of endpoints (patterns/endpoints.jsonl): the span holds the list's join
# words around it, which are no part of the mention ("CR, HSCT and early death", "MRD negativity (60%) and HSCT (40%)")
_HSCT_LIST_ITEM = re.compile(r"(?:,\s?(?:and\s)?|and\s)(?P<item>(?:(?:allogeneic|allo|subsequent|consolidative)\s?-?\s?)*"
                             r"[\w-]+)", re.I)
_RATE_END = re.compile(r"\brates?$")
_LAST_ITEM_OTHER = re.compile(r"and\s(?P<item>.+?)\s(?:were|at)")
# Between the item before and the transplant: its own value or bracket, then the list's join.
_ITEM_GAP = re.compile(r"(?:\s?(?:rates?\s)?\d+(?:[.·]\d+)?\s?%)?(?:\s?[(\[][^()\[\]]*[)\]])?\s?(?:,\s?(?:and\s)?|and\s)")
_KEY_VALUE_AFTER = re.compile(r"\s?\d")


def _key_value_item(text: str, mentions: list[Mention], end: int) -> bool:
    """"CR/CRi: 60%; MRD negativity: 72%; HSCT: 40%": a transplant named as an item of a list of results, after a
    response item and right before its value, is the transplant rate ("Ph+: 30%; HSCT: 40%" of a baseline list,
    with no response before it, is none)."""
    return any(m.family in _RESPONSES or m.family == "MRD_NEG" for m in mentions) \
        and _KEY_VALUE_AFTER.match(text, end) is not None


def _names_mrd_group(text: str, start: int, end: int) -> bool:
    """"60% for MRD-negative and 20% for MRD-positive patients", "MRD-negative patients had": the adjective names a
    group, like a population attribute (see _names_subgroup); "20 (40%) became MRD-negative" states the rate."""
    if _PROPORTION_OF_BEFORE.search(text, max(0, start - 24), start) and not _WHO_AFTER_PEOPLE.match(text, end):
        return False  # "The proportion of MRD-negative patients was 50%": the rate of the status, no group
    return _ADJECTIVE_END.search(text, start, end) is not None and bool(
        _SUBGROUP_NOUN_AFTER.match(text[end:]) or _SUBGROUP_BEFORE.search(text[max(0, start - 30):start])
        or _WHO_WERE_BEFORE.search(text, max(0, start - 30), start) or _bracketed_after_value(text, start, end))


_WHO_AFTER_PEOPLE = re.compile(r"\s\w+\s(?:who|that|which)\b", re.I)  # ("... of MRD-negative patients who relapsed")
_PROPORTION_OF_BEFORE = re.compile(r"\b(?:proportion|percentage|fraction)\sof\s(?:the\s)?$", re.I)
# "52% for patients who were MRD negative compared with 18% for ...": the status of the patients a value is for.
_WHO_WERE_BEFORE = re.compile(r"\b(?:patients|those|children|adults|subjects)\s(?:who|that)\s(?:were|was|became|"
                              r"remained)\s$", re.I)


# "45% (MRD-negative) versus 12% (MRD-positive)": a status alone in a bracket after a value names the value's group.
_BRACKET_AFTER_VALUE = re.compile(r"\d\s?%?\s?[(\[]\s?$")


def _bracketed_after_value(text: str, start: int, end: int) -> bool:
    return _BRACKET_AFTER_VALUE.search(text, max(0, start - 8), start) is not None \
        and _CLOSE_START.match(text, end) is not None


def _restates(text: str, previous: Mention, family: str, start: int, end: int) -> bool:
    """An abbreviation in brackets right after its expansion ("overall survival (OS)") is the same mention; so is the
    CRi/CRh abbreviation alone in brackets after a composite spelled out ("CR or CR with incomplete hematologic
    recovery (CRi)"), which would otherwise take the composite's value as a part's."""
    if previous.family == family:
        return _RESTATED_OPEN.fullmatch(text[previous.end:start]) is not None
    return previous.family == "CR_CRi" and family == "CR_PART" and _RESTATED_OPEN.fullmatch(text[previous.end:start]) \
        is not None and _CLOSE_START.match(text[end:]) is not None \
        and _COMPOSITE_WORDS.search(text[previous.start:previous.end]) is not None


# "complete remission (CR) or CR without platelet recovery": the gap between the CR and its joined variant.
# (its abbreviation, or its count: "achieved CR (n = 20) or CRi (n = 10)", "complete remission (CR, n = 20) or ...")
# (the restated abbreviation's mention ends inside its bracket: "(CR," then " n = 20)")
_GAP_BRACKET = r"(?:(?:[(\[](?:[A-Za-z]{1,4}|(?:[A-Za-z]{1,4}[,;]\s?)?n\s?=\s?\d+)|n\s?=\s?\d+)[)\]]\s?)?"
_COMPOSITE_GAP = re.compile(r"\s?" + _GAP_BRACKET)
_JOINING_WORD = re.compile(r"(?:or|plus)\b|[+/]", re.I)
_BARE_PART = re.compile(r"CR[ihp]", re.I)
_PART_THEN_CR = re.compile(r"\s?" + _GAP_BRACKET + r"(?:or|plus|\+|/)\s?")


def _joins_composite(text: str, previous: Mention, family: str, start: int, end: int) -> bool:
    """A CR whose CRi/CRp/CRh variant is joined to it by "or" or "plus" ("achieved complete remission (CR) or CR
    without platelet recovery (CRp)") names the composite: the value before the CR is the composite's."""
    # (or the variant first: "CR with incomplete hematologic recovery (CRi) or CR was achieved in 70%")
    if previous.family == "CR_PART" and family == "CR" \
            or previous.family == "CR" and family == "CR_PART" and _BARE_PART.fullmatch(text, start, end):
        # ("Complete remission (CR) or CRi was achieved in 28 patients": the part's abbreviation after the "or")
        return _PART_THEN_CR.fullmatch(text, previous.end, start) is not None
    return previous.family == "CR" and family == "CR_CRi" and _JOINING_WORD.match(text, start) is not None \
        and _COMPOSITE_GAP.fullmatch(text[previous.end:start]) is not None


def _redefine_composites(text: str, mentions: list[Mention], definitions: dict[str, str]) -> list[Mention]:
    """A response rate defined in brackets as CR plus CRi/CRp/CRh is CR_CRi (SCHEMA convention); the mentions inside
    the definition are part of it, not endpoints of their own. The definition holds for the rest of the article
    (`definitions`: the defined phrase, lower-cased, to its endpoint)."""
    result = []
    skip_until = -1
    for i, mention in enumerate(mentions):
        if mention.start < skip_until:
            continue
        result.append(mention)
        if mention.family not in ("ORR", "CR", "CR_CRi"):  # "The composite CR rate (CR + CRi + CRp)": its parts
            continue
        bracket = _next_bracket(text, mention.end) or _including_clause(text, mention.end) \
            or _own_bracket_goes_on(text, mention)
        if bracket is None:
            continue
        b_start, b_end = bracket
        # CR itself is redefined only by an explicit inclusion: "complete remission (including CR with incomplete
        # hematologic recovery)", or by a bracket right after it that is nothing but the composite's name ("28
        # patients (70%) achieved complete remission (CR/CRi)"); "CR (CR/CRi 70%)" stays as written.
        named_only = mention.family == "CR" and not _INCLUDING.match(text, _past_abbreviation(text, b_start + 1), b_end)
        if named_only and not _names_composite(text, mentions[i + 1:], mention.end, bracket):
            continue
        if _PERCENT_END.search(text[:b_start]) and not _DIGIT.search(text[b_start:b_end]) \
                and not _DEFINED_INSIDE.match(text, b_start):
            continue  # "56% (CR + CRi)" names the value before it (see _label_brackets)
        inner = [m for m in mentions[i + 1:] if b_start <= m.start < b_end]
        families = {m.family for m in inner}
        # CR plus a part ("(CR + CRi)"), or CR itself including a part ("complete remission, including CRi,")
        named_cr = families & {"CR", "CR_CRi"} or mention.family == "CR"
        if named_cr and families & {"CR_CRi", "CR_PART"} and "OTHER" not in families:
            mention.family = "CR_CRi"
            if not named_only:  # (a CR only named as the composite here defines no later CR)
                _define(definitions, text[mention.start:mention.end])
                lead = _LEAD_ABBREVIATION.match(text, b_start + 1)
                # "(CR; including CRi)": CR too; not a part listed first with its value ("ORR 75% (CR, 50%; CRi, 25%)")
                if lead and _ABBREVIATION.fullmatch(lead.group().strip(" ;,")) \
                        and not any(lead.start() <= m.start < lead.end() for m in inner):
                    _define(definitions, lead.group().strip(" ;,"))
            for part in inner:  # the definition's parts keep their own values ("13 (52%) CR"), the CRi part alone
                part.region = (b_start, b_end)
                if part.family == "ORR" and _ABBREVIATION.fullmatch(text, part.start, part.end):
                    _define(definitions, text[part.start:part.end])  # "(CR or CRi; ORR)": its abbreviation
                if part.family == "CR_CRi":
                    part.family = "CR_PART"
        elif mention.family == "ORR" and "OTHER" in families and families <= {"CR", "CR_CRi", "CR_PART", "OTHER"}:
            # "The overall response rate (CR+CRi+PR) was 55%": the bracket lists the ORR's parts (a partial response
            # among them), which take only values inside it, so the value after the bracket stays the ORR's
            for part in inner:
                part.region = (b_start, b_end)
        elif mention.family == "CR_CRi" and families == {"ORR"}:
            # "the proportion achieving CR or CRi (overall response)": the bracket names the composite
            for part in inner:
                _define(definitions, text[part.start:part.end])
                part.family = "CR_CRi"
    return result


# "complete remission (CR; including CR with incomplete hematologic recovery [CRi])": the abbreviation first
_LEAD_ABBREVIATION = re.compile(r"\s?[A-Za-z0-9]{1,6}\s?[;,]")


def _past_abbreviation(text: str, at: int) -> int:
    m = _LEAD_ABBREVIATION.match(text, at)
    return m.end() if m else at


_ABBREVIATION = re.compile(r"[A-Z]{2,5}s?")
_BRACKET_REST = re.compile(r"[\s()\[\]]*")


def _names_composite(text: str, later: list[Mention], at: int, bracket: tuple[int, int]) -> bool:
    """A bracket opening right after a CR whose whole inside is one composite name ("(CR/CRi)", "(CR or CRh)",
    "[CR + CRi]"): the CR is written as that composite."""
    b_start, b_end = bracket
    if text[at:b_start].strip():
        return False
    inner = [m for m in later if b_start <= m.start < b_end]
    return len(inner) == 1 and inner[0].family == "CR_CRi" \
        and _BRACKET_REST.fullmatch(text[b_start:inner[0].start] + text[inner[0].end:b_end]) is not None


def _own_bracket_goes_on(text: str, mention: Mention) -> tuple[int, int] | None:
    """"The overall response rate (ORR; CR + CRi + PR)": the bracket of the restated abbreviation goes on with the
    definition (the mention ends inside it)."""
    open_at = text.rfind("(", mention.start, mention.end)
    if open_at == -1 or ")" in text[open_at:mention.end]:
        return None
    close_at = _matching_close(text, open_at)
    return (open_at, close_at) if close_at else None


def _including_clause(text: str, at: int) -> tuple[int, int] | None:
    """A definition set off by commas instead of a bracket: "The complete remission rate, including CRi and CRp,
    was 60%" (start at the comma, so the clause reads like a bracket's inside), or by nothing up to its verb."""
    m = _INCLUDING_CLAUSE.match(text, at)
    if m:
        return m.start("clause") - 1, m.end("clause")
    m = _INCLUDING_BARE.match(text, at) or _DEFINED_AS_END.match(text, at)
    if m:
        return m.start("clause"), m.end("clause")
    m = _DEFINED_AFTER_VALUE.match(text, at) if "defined" in text else None
    if m:  # (the clause's "defined" opens it: the value before it is the defined rate's, not a bracket's label)
        return m.span("clause")
    return None


# "CR with incomplete count recovery" spelled out alone (no "or", "and", "plus", "/" inside it)
_SPELLED_PART = re.compile(r"\bwith\s(?:incomplete|partial)\s")


def _spelled_parts(text: str, mentions: list[Mention]) -> list[Mention]:
    """"19 (63%) achieved CR, and four (13%) achieved CR with incomplete count recovery (CRi)": beside a CR of its
    own, a CRi/CRh spelled out is a part, not the CR_CRi composite it reads as alone ("8 of 25 (32%) achieved
    complete remission with incomplete blood count recovery")."""
    if not any(m.family == "CR" and not m.qualifier for m in mentions):
        return mentions
    for mention in mentions:
        if mention.family == "CR_CRi" and _SPELLED_PART.search(text, mention.start, mention.end) \
                and not _COMPOSITE_WORDS.search(text, mention.start, mention.end):
            mention.family = "CR_PART"
    return mentions


def _composite_by_parts(text: str, mentions: list[Mention]) -> list[Mention]:
    """"Overall remission 77%, with CR in 55% and CRi in 21%": an overall rate broken down into CR and a CRi/CRh
    part (and no partial response) is the CR_CRi composite, and the part alone is not."""
    for i, mention in enumerate(mentions):
        if mention.qualifier:
            continue
        if mention.family == "OTHER":  # "13 (52%) achieved CR and 5 (20%) CRi; the combined rate was 72%"
            if _COMBINED_START.match(text, mention.start):
                _sum_of_parts(mention, mentions[:i])
                if mention.family == "OTHER":
                    _sum_of_named_parts(text, mention, mentions[i + 1:])
            continue
        if mention.family != "ORR":
            continue
        later = mentions[i + 1:]
        families = {m.family for m in later}
        # Only an overall rate with its own value is broken down; "remission rates, both CR (34%) and CR/CRi (44%)"
        # lists two endpoints.
        gap = text[mention.end:later[0].start] if later else ""
        if later and (not _DIGIT_PERCENT.search(gap) or _PERCENT_OPEN_END.search(gap)) \
                and not _breaks_down_own_value(text, mention, gap):
            continue  # ... and "were 75% (CR + CRi), 40% (CR + PR)" labels each value (see _label_brackets)
        if "CR" in families and families & {"CR_CRi", "CR_PART"} and "OTHER" not in families:
            mention.family = "CR_CRi"
            for part in later:
                if part.family == "CR_CRi":
                    part.family = "CR_PART"
        elif _SUMMED_BEFORE.search(text, 0, mention.start) \
                or _COMBINED_BEFORE.search(text, max(0, mention.start - 12), mention.start):
            # "CR in 36 patients (59%) and CRi in 7 (11%), for an overall response rate of 70%": the parts first
            _sum_of_parts(mention, mentions[:i])
    return mentions


# A response named by the composite it was: "75% of patients responded with CR or CRi", "had a response of CR/CRi";
# or every response the composite: "The ORR was 60% (12 of 20), all CR or CRi", "; all responses were CR/CRh".
_RESPONSE_WITH = re.compile(r"\s(?:with|of)\s(?:an?\s)?")
_ALL_RESPONSES_WERE = re.compile(r"[,;(]\s?all\s(?:(?:of\s)?(?:the\s)?(?:responses|responders|remissions|of\swhich|of\sthem|"
                                 r"of\sthese)\s)?(?:(?:were|being|achieved|had)\s)?(?:in\s)?(?:an?\s)?$", re.I)


def _response_as_composite(text: str, mentions: list[Mention]) -> None:
    for mention, after in zip(mentions, mentions[1:]):
        if mention.family != "ORR" or mention.qualifier or after.family != "CR_CRi":
            continue
        if _RESPONSE_WITH.fullmatch(text, mention.end, after.start) \
                or _ALL_RESPONSES_WERE.search(text, mention.end, after.start) and _DIGIT.search(text, mention.end, after.start):
            mention.family = "CR_CRi"
            after.family, after.region = "CR_PART", (after.start, after.start)  # (the composite's words take no value)


# (or a comma and "with"/"including": "28 patients (70%) achieved remission, with CR in 20 and CRi in 8")
_BREAKDOWN_OPENS = re.compile(r"\s?(?::|,\s?(?:with|including|comprising|consisting\sof)\s)")


def _breaks_down_own_value(text: str, mention: Mention, gap: str) -> bool:
    """"25 of 36 patients (69%) responded: 20 CR and 5 CRi": a colon after a rate whose value precedes it opens its
    breakdown ("Response rates: CR 50%, CR/CRi 65%" has no value of its own: it lists endpoints)."""
    return _BREAKDOWN_OPENS.match(gap) is not None \
        and _DIGIT_PERCENT.search(text, max(0, mention.start - 30), mention.start) is not None


def _sum_of_parts(mention: Mention, earlier: list[Mention]) -> None:
    """A rate summing CR and a CRi/CRh part named before it is the CR_CRi composite; the part alone is not."""
    families = {m.family for m in earlier}
    if "CR" in families and families & {"CR_CRi", "CR_PART"} and "OTHER" not in families:
        mention.family = "CR_CRi"
        for part in earlier:
            if part.family == "CR_CRi":
                part.family = "CR_PART"


def _sum_of_named_parts(text: str, mention: Mention, later: list[Mention]) -> None:
    """"The combined rate of CR and CRi was 73%": a sum naming CR and a CRi/CRh part right after it is the CR_CRi
    composite; the parts named take no value."""
    parts, end = [], mention.end
    for part in later:
        gap = text[end:part.start]
        if not (_OF_GAP.fullmatch(gap) if not parts else _CONJOINED_GAP.fullmatch(gap)):
            break
        parts.append(part)
        end = part.end
    families = {m.family for m in parts}
    if "CR" in families and families & {"CR_CRi", "CR_PART"} and families <= {"CR", "CR_CRi", "CR_PART"}:
        mention.family = "CR_CRi"
        for part in parts:
            part.family, part.region = "CR_PART", (mention.start, mention.start)


_OF_GAP = re.compile(r"\s(?:of|for)\s(?:the\s)?")
# An overall rate summing the parts named before it: "..., for an overall response rate of 70%", "giving an ORR of".
_SUMMED_BEFORE = re.compile(r",\s(?:for|giving|yielding)\s(?:an?\s|a\stotal\s)?$")
# A rate named as the sum of the parts before it: "the combined rate was 72%", "a combined response rate of 72%".
# ("composite" likewise: "..., for a composite rate of 70%", "a composite remission rate of 70%")
_COMBINED_BEFORE = re.compile(r"\b(?:combined|composite)\s$", re.I)
_COMBINED_START = re.compile(r"(?:combined|composite)\b", re.I)


def _next_bracket(text: str, at: int) -> tuple[int, int] | None:
    """The bracket group opening at `at` (after spaces), or opening right after the first value that follows."""
    m = _NEXT_BRACKET.match(text[at:])
    if not m:
        return None
    open_at = at + m.start(1)
    if m.group(1) == ":":  # "the response rate was 56%: 13 (52%) CR and 1 (4%) CRp"
        if "%" not in m.group():
            return None  # "Response rates: CR 50%, CR/CRi 65%" lists endpoints, it defines none
        close_at = text.find(";", open_at)
        return open_at, close_at if close_at != -1 else len(text)
    close_at = _matching_close(text, open_at)
    return (open_at, close_at) if close_at else None


def _matching_close(text: str, open_at: int) -> int | None:
    """Where the bracket at `open_at` closes (just after its closing bracket; round and square count alike)."""
    depth = 0
    for m in _BRACKET.finditer(text, open_at):  # only the brackets, not every character
        if text[m.start()] in "([":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return m.end()
    return None


# ----------------------------------------------------------------------------------------------------- time points


@dataclass
class TimePoint:
    months: list
    start: int
    end: int
    window: bool = False  # "within 30 days": the time point of an early death only


def _timepoints(sent: Sentence, context: ArticleContext) -> list[TimePoint]:
    spans = sent.labelled("TIMEPOINT")
    if not spans:
        return []
    found, base = [], sent.start_char
    for span in _longest(spans):
        tokens = [(t.text, t.like_num) for t in span]  # one Token object per token, read once
        if "-" in span.text:  # "day-30 mortality", "day-100 OS": the unit and number are one token
            tokens = [part for text, like_num in tokens for part in _split_day_number(text, like_num)]
        months = _timepoint_months(tokens, context.words, span.id_ == "WITHIN")
        if months and not (span.id_ == "AT" and _median_estimated_at(sent.text, span.start_char - base)):
            found.append(TimePoint(months, span.start_char - base, span.end_char - base, span.id_ == "WITHIN"))
    return sorted(found, key=lambda t: t.start)


# "Median OS was estimated at 7.7 months": the duration after the verb is the median's value, not a time point.
# (not "OS, estimated at 2 years, was 45%", nor a rate's "The 1-year OS was estimated at 45%", which has no unit)
_ESTIMATED_AT = re.compile(r"\b(?:was|were|is|are)\s(?:estimated|calculated|projected)\s$", re.I)


def _median_estimated_at(text: str, start: int) -> bool:
    before = text[max(0, start - 24):start]
    return "ated " in before and _ESTIMATED_AT.search(before) is not None and "median" in text[:start].lower()


def _timepoint_months(tokens: list[tuple[str, bool]], words, window: bool = False) -> list[float]:
    """The months of a time point's numbers, each in the unit that follows it ("at 6 months and 1 year", "at 1 and
    2 years"), or in the last unit when none follows ("at months 6 and 12", "day-30"); a window without a number is
    one of its unit ("within the first month")."""
    months, pending, unit = [], [], None
    for text, like_num in tokens:
        if like_num or len(text) > 1 and text[-1] in _HYPHENS:  # "one- and two-year": a word keeps its hyphen
            number = _token_number(text.rstrip(_HYPHENS).lstrip("+"), words)  # ("day +100": the transplant day)
            if number is not None:
                pending.append(number)
        elif normalise.duration_unit(text):
            unit = text
            months += [normalise.to_months(n.value, unit) for n in pending]
            pending = []
    if unit is None:
        return []
    months += [normalise.to_months(n.value, unit) for n in pending]
    return months or ([normalise.to_months(1, unit)] if window else [])


_DAY_NUMBER = re.compile(r"(day)-(\d+)", re.I)


def _split_day_number(text: str, like_num: bool) -> list[tuple[str, bool]]:
    m = _DAY_NUMBER.fullmatch(text)
    return [(m.group(1), False), (m.group(2), True)] if m else [(text, like_num)]


# `normalise.read_number` of a token's text: a per-word memo (like spaCy's lexeme cache; the same few words, "2",
# "five", "12", recur in every abstract), keyed by the lexicon's identity, which the entry holds alive.
_TOKEN_NUMBERS: dict[tuple, tuple] = {}


def _token_number(text: str, words) -> normalise.Number | None:
    hit = _TOKEN_NUMBERS.get((text, id(words)))
    if hit is None or hit[0] is not words:
        if len(_TOKEN_NUMBERS) >= 4096:
            _TOKEN_NUMBERS.clear()
        hit = _TOKEN_NUMBERS[(text, id(words))] = (words, normalise.read_number(text, words))
    return hit[1]


# ----------------------------------------------------------------------------------------------------- values


# "Half of the patients achieved CR", "CRS occurred in two-thirds of patients": a share of the people named after it,
# written in words (a hedge before it, "nearly half", drops it as it drops "nearly 50%").
_SHARE_WORD_VALUE = re.compile(
    r"\b(?P<w>half|(?:one|a|two)[\s-]thirds?|(?:one|a|three)[\s-]quarters?)\s(?=of\s(?:the\s|all\s|our\s)?"
    r"(?:(?:evaluable|treated|infused|eligible)\s)?(?:patients|pts|children|adults|subjects|responders)\b)", re.I)
_SHARE_WORD_PERCENT = {"half": 50.0, "third": 33.3, "thirds": 66.7, "quarter": 25.0, "quarters": 75.0}


def _has_share_words(text: str) -> bool:
    return "alf" in text or "hird" in text or "uarter" in text or "ifth" in text


def _shares_in_words(text: str, values: list[Value]) -> list[Value]:
    """The values with the shares in words added; the number word of a share ("Two" of "Two-thirds of patients")
    read as a count gives way."""
    for m in _SHARE_WORD_VALUE.finditer(text):
        inside = [v for v in values if m.start() <= v.start < m.end("w")]
        if any(v.kind != COUNT for v in inside) or any(v.start < m.start() < v.end for v in values):
            continue  # "One third (33%) of the patients": the printed percentage is the value
        last = m.group("w").lower().replace("-", " ").split()[-1]
        values = [v for v in values if v not in inside]
        values.append(Value(PERCENT, _SHARE_WORD_PERCENT[last], m.start(), m.end("w"), computed=True))
    return values


_SHARE_WORDS_BEFORE = re.compile(r"\b(?:(?:one|two|three|four|a)[\s-])?(?:thirds?|quarters?|fifths?|half)\s?[(\[]\s?$", re.I)
# "The trial was designed to detect an improvement in CR rate from 30% to 50%", "Historically, median OS after second
# relapse is 3 months": a design hypothesis or what was known before, not a result.
_NOT_RESULTS = re.compile(r"^\W*(?:Historically|Traditionally)\b|\b(?:designed|powered)\sto\s(?:detect|show|demonstrate)\b|"
                          r"\b(?:null|alternative)\shypothes[ie]s\b", re.I)


def _may_not_state_results(text: str) -> bool:
    """A cheap necessary cue of _NOT_RESULTS."""
    return "istorically" in text or "raditionally" in text or "designed to" in text or "powered to" in text \
        or "hypothes" in text


def _values(sent: Sentence, timepoints: list[TimePoint], context) -> list[Value]:
    """The typed values of a sentence, without CIs, ranges, thresholds, p-values and time points."""
    text, base = sent.text, sent.start_char
    excluded = _ci_regions(text) + [(t.start, t.end) for t in timepoints]
    labels = _number_labels(sent)
    found = normalise.find_numbers(text, context.words)
    proportions = _proportions(text, found, excluded + labels) if _may_print_proportions(text) else ()
    numbers = [n for n in found if n.start in proportions
               or not _within(n.start, excluded) and not _is_noise(text, n) and not _is_label(text, n, labels)]
    values: list[Value] = []
    used: set[int] = set()
    printed_shares: set[int] = set()  # starts of "two-thirds (65%)": a hedge before the words leaves the % exact
    blasts = "blast" in text  # a cheap necessary cue of _BLASTS_AFTER
    sign_or_plus = "±" in text or "+/" in text  # ... and of _SD_AFTER
    share_words = _has_share_words(text)  # ... of _SHARE_WORDS_BEFORE and _SHARE_WORD_VALUE
    # Only a percentage takes a count, and every count-percent has a "%" and a bracket: cheap necessary cues first.
    counts = {c.percent.start: c for c in normalise.find_count_percents(text, context.words)
              if not _GRADE_BEFORE.search(text[max(0, c.count.start - 12):c.count.start])
              and not _UNIT_START.match(text[c.count.end:c.count.end + 8])  # "aged 60 years or older (55%)": no count
              and not _within(c.count.start, labels) and not _within(c.count.start, excluded)} \
        if "%" in text and _has_bracket(text) else {}  # ("died within 30 days (8%)": the window's 30 is no count)
    for i, number in enumerate(numbers):
        if number.start in used:
            continue
        kind = PERCENT if number.start in proportions else _kind(text, numbers, i)
        if kind is None:
            continue
        value = Value(kind, number.value, number.start, number.end)
        if number.start in proportions:
            value.value, value.proportion = round(100 * number.value, 1), True
        if kind == COUNT:
            value.bare_in = _bare_count_in(text, number)
            _count_lead_in(text, value, context)
        high = _range_high(text, numbers, i, kind)
        if high is not None:
            value.value_max, value.end = high.value, high.end
            used.add(high.start)
        share = _SHARE_WORDS_BEFORE.search(text, max(0, number.start - 20), number.start) \
            if kind == PERCENT and share_words else None
        if share:  # "One third (33%) of the patients", "Two-thirds (67%)": the share's words, no count of 1, no group
            value.start = share.start()
            printed_shares.add(value.start)
        elif kind == PERCENT and number.start in counts:
            cp = counts[number.start]
            value.count = cp.count.value
            value.denominator = cp.denominator.value if cp.denominator else normalise.denominator_after(text, cp.end, context.words)
            used.add(cp.count.start)
            value.start = min(value.start, cp.count.start)
            numerator = normalise.numerator_before(text, cp.count.start, numbers)
            if numerator is not None and cp.denominator is None:
                value.count, value.denominator = numerator.value, cp.count.value
                used.add(numerator.start)
                value.start = numerator.start
        if kind == PERCENT and (blasts and _BLASTS_AFTER.match(text, value.end) or _names_a_share(text, value)):
            continue
        sd = _SD_AFTER.match(text, value.end) if kind == PERCENT and sign_or_plus else None
        if sd:  # "52% ± 4% in the standard-risk group": the group is named after the estimate's SD
            value.end = sd.end()
        values.append(value)
    values = [v for v in values if not (v.kind == COUNT and any(u == v.start for u in used))]
    if "=" in text:
        values = [v for v in values if not _restated_in_n_bracket(text, v, values)]
    if "(" in text or "[" in text:  # a cheap necessary cue of _restated_in_other_unit
        values = _restated_in_other_unit(text, values)
    fractions = _fractions(text, values, excluded + labels, context)
    # "Twenty-one of 23 responders underwent HSCT": the fraction, not the bare count that opens it.
    # ("30/40 patients achieved CR": nor the count of its denominator, which gave 40/40)
    values = [v for v in values if not (v.kind == COUNT and any(f.start <= v.start < f.end for f in fractions))] \
        + fractions
    values += _not_reached(sent, excluded)
    if "none" in text or "no " in text:  # a cheap necessary cue of _COMPARED_NONE
        values += _compared_zeros(text, values)
    if "ll " in text or "very " in text:  # a cheap necessary cue of _ALL_PATIENTS ("All"/"all", "Every"/"every")
        values += _all_patients(text, values, context)
    if share_words:
        values = _shares_in_words(text, values)
    hedges = [s.end_char - base for s in sent.labelled("HEDGE")]
    values = [v for v in values if v.start in printed_shares or not any(0 <= v.start - h <= 2 for h in hedges)]
    cited = _cited_from(text) if "eported" in text or "iterature" in text or "ublished" in text else None
    if cited is not None:  # "comparable to those reported in the pivotal trial (CR/CRi 75%)": another study's
        values = [v for v in values if not cited[0] <= v.start < cited[1]]
    if "eported" in text:  # "compares favorably with the 30-40% reported with salvage chemotherapy"
        values = [v for v in values if _REPORTED_AFTER.match(text, v.end) is None]
    if _may_name_benchmarks(text):
        values = [v for v in values if _BENCHMARK_BEFORE.search(text, max(0, v.start - 40), v.start) is None]
    if "fatal" in text and any(s.id_ in _TOXICITIES for s in sent.labelled("ENDPOINT")):
        values = [v for v in values if not _fatal_share(text, v)]
    return sorted(values, key=lambda v: v.start)


# "The CR rate was 60% with inotuzumab vs none with chemotherapy": the compared group's zero, in words.
_COMPARED_NONE = re.compile(r"\b(?:vs\.?|versus|compared\s(?:with|to))\s(?P<zero>none|no\s(?:patients?|one))\b"
                            r"(?!\s(?:who|that)\b)", re.I)


def _compared_zeros(text: str, values: list[Value]) -> list[Value]:
    """A zero rate (a percentage of 0, count 0) for each "vs none" right after a percentage (within its clause, no
    other figure between)."""
    zeros = []
    for m in _COMPARED_NONE.finditer(text):
        before = [v for v in values if v.end <= m.start()]
        if before and before[-1].kind == PERCENT and not _DIGIT.search(text, before[-1].end, m.start()) \
                and ";" not in text[before[-1].end:m.start()]:
            zeros.append(Value(PERCENT, 0.0, m.start("zero"), m.end(), count=0.0))
    return zeros


# "Twenty patients achieved CR (n = 20; 50%)": the count restated in the "n =" bracket of its percentage.
_N_BRACKET_GAP = re.compile(r"[^\d;]*[(\[]\s?[nN]\s?=\s?(?P<n>\d+)\s?[;,]\s?")


def _restated_in_n_bracket(text: str, value: Value, values: list[Value]) -> bool:
    """A bare count whose next value is a percentage printed after an "(n = N;" restating that count: one count and
    percentage ("Twenty patients (50%) achieved CR"), the percentage taking the count and its place."""
    if value.kind != COUNT:
        return False
    nxt = next((v for v in values if v.start >= value.end), None)
    gap = _N_BRACKET_GAP.fullmatch(text, value.end, nxt.start) if nxt is not None and nxt.kind == PERCENT \
        and nxt.count is None else None
    if gap is None or float(gap.group("n")) != value.value:
        return False
    nxt.count, nxt.start, nxt.denominator = value.value, value.start, value.denominator
    return True


# "221 days (7.3 months)": a duration, then a bracket of only the same duration in another unit.
_UNIT_THEN_OPEN = re.compile(r"\s?(" + _UNITS + r")\s?[(\[]\s?", re.I)
_UNIT_THEN_CLOSE = re.compile(r"\s?(" + _UNITS + r")\s?[)\]]", re.I)


def _restated_in_other_unit(text: str, values: list[Value]) -> list[Value]:
    """"Median OS was 221 days (7.3 months)", "7.4 months (32 weeks)": one duration printed in two units is one
    value, the one printed in months kept (the other's conversion may round apart from it), else the first."""
    drop = []
    durations = [v for v in values if v.kind == DURATION and v.value_max is None]
    for a, b in zip(durations, durations[1:]):
        first, second = _UNIT_THEN_OPEN.fullmatch(text, a.end, b.start), _UNIT_THEN_CLOSE.match(text, b.end)
        if first is None or second is None:
            continue
        unit_a, unit_b = first.group(1).lower(), second.group(1).lower()
        months_a, months_b = normalise.to_months(a.value, unit_a), normalise.to_months(b.value, unit_b)
        if unit_a[:2] == unit_b[:2] or abs(months_a - months_b) > max(0.25, 0.05 * max(months_a, months_b)):
            continue  # the same unit twice, or another duration ("9 months (range, ...)" is read as a CI or range)
        if unit_b.startswith("mo") and not unit_a.startswith("mo"):
            b.start = a.start  # the value's words start with the first printing (no group in its bracket)
            drop.append(a)
        else:
            drop.append(b)
    return [v for v in values if v not in drop] if drop else values


# "VOD occurred in 13% (fatal in 5%)", "..., fatal in 5%", "and was fatal in 2%", "(including 5% fatal)", "2 (5%)
# fatal cases": the share of a toxicity that was fatal is no rate of the toxicity (nor of an early death).
_FATAL_BEFORE = re.compile(r"\b(?:(?:was|were|proved|being)\s)?fatal\s(?:in\s)?$", re.I)
_FATAL_AFTER = re.compile(r"\s?%?\s?(?:[)\]]\s?)?(?:(?:were|was)\s)?fatal\b", re.I)


def _fatal_share(text: str, value: Value) -> bool:
    return _FATAL_BEFORE.search(text, max(0, value.start - 24), value.start) is not None \
        or _FATAL_AFTER.match(text, value.end) is not None


# "All patients developed CRS", "CRS occurred in all patients", "Every patient achieved CR": the whole cohort of a
# single-arm study, counted without a number; not "all patients with ...", "all patients who ...", "not all".
_ALL_PATIENTS = re.compile(r"(?<![Nn]ot\s)\b(?:[Aa]ll|[Ee]very)\s(?:of\s)?(?:the\s)?(?:patients?|children|adults|subjects)\b"
                           r"(?=\s(?:\w+ly\s)?(?:achieved|attained|developed|experienced|had|underwent|proceeded|responded|"
                           r"were|was|received|went)\b|\s?[.;,]|$)")


def _all_patients(text: str, values: list[Value], context) -> list[Value]:
    size = context.cohort_size
    if size is None or context.arm_index is not None and context.arm_index.multi_arm:
        return []
    return [Value(COUNT, float(size), m.start(), m.end(), denominator=float(size))
            for m in _ALL_PATIENTS.finditer(text) if not any(v.start <= m.start() < v.end for v in values)]


# A design figure, not a result: "exceeded the prespecified threshold of 50%", "(target 55%)", "Assuming a CR rate of
# 40%", "a null hypothesis of 30%".
_BENCHMARK_BEFORE = re.compile(
    r"(?:\b(?:threshold|target|benchmark|hypothesi[sz]ed|assuming|assumed|hypothesis)\b[^.;,()%\d]{0,24}|"
    r"[(\[]\s?(?:target|threshold|benchmark|H0|p0|p1)\b\s?[=:,]?\s?)$", re.I)


def _may_name_benchmarks(text: str) -> bool:
    """A cheap necessary cue of _BENCHMARK_BEFORE (an `or` of `in` tests: faster than a regex alternation)."""
    return "hreshold" in text or "arget" in text or "enchmark" in text or "ypothes" in text or "ssum" in text \
        or "H0" in text or "p0" in text or "p1" in text


# "The probability of OS at 3 years was 0.38 (95% CI 0.29-0.47)", "The 5-year EFS was 0.45 ± 0.05": a survival
# estimate printed as a proportion (pediatric and registry reports) is the rate in % (SCHEMA: rates in %), when the
# sentence speaks of a probability or the number carries its SE, and nothing makes it a ratio or a p-value.
_PROPORTION = re.compile(r"0?[.·]\d{1,3}")
_PROPORTION_BEFORE = re.compile(r"(?:\b(?:was|were|of|is|at|and|or|vs\.?|versus)|[:=,])\s?$", re.I)
_SE_AFTER = re.compile(r"\s?(?:±|\+/-|\(\s?(?:SE|standard error)\b)", re.I)
# after it, no unit ("0.8 mg/m2"): a bracket, a punctuation mark, or a word that names a group or a time
_PROPORTION_AFTER = re.compile(r"\s?(?:[(\[,;±]|\+/-|\.(?!\d)|$)|\s(?:for|in|at|among|with|without|vs\.?|versus|and|or|"
                               r"compared|respectively|whereas|while|by)\b")
_RATIO_BEFORE = re.compile(r"\b(?:HR|OR|RR|ratios?|risk|odds|p|coefficient|rho|kappa)\b|[<>≤≥]", re.I)


def _may_print_proportions(text: str) -> bool:
    """A cheap necessary cue of `_proportions`: a probability word, or a ± or SE that a proportion carries."""
    return "robabilit" in text or "±" in text or "+/-" in text or "SE" in text or "tandard error" in text


def _proportions(text: str, numbers: list, excluded: list[tuple[int, int]]) -> set[int]:
    """The starts of the numbers that are proportions (0.38, .45), outside CIs and labels."""
    probability = "robabilit" in text
    found = set()
    for number in numbers:
        if not 0 < number.value < 1 or not _PROPORTION.fullmatch(number.text) or _within(number.start, excluded):
            continue
        before = text[max(0, number.start - 40):number.start]
        if _RATIO_BEFORE.search(before) or not _PROPORTION_AFTER.match(text, number.end):
            continue
        # with its SE, right after what it estimates too ("and of overall survival 0.56 (SE 0.03)")
        if _SE_AFTER.match(text, number.end) or probability and _PROPORTION_BEFORE.search(before[-12:]):
            found.add(number.start)
    return found


# Another study's figures: "comparable to those reported in the pivotal trial (CR/CRi 75%)", "previously reported
# rates of 30%", "in the literature (40%)".
_CITED = re.compile(r"\b(?:(?:those|that|the\sones|values|rates|results|outcomes|figures)\s(?:previously\s)?reported|"
                    r"previously\sreported|(?:in|from)\sthe\sliterature|published\s(?:data|series|studies|trials|reports)|"
                    # "comparable to the pivotal trial, which reported an 81% remission rate"
                    r"(?:trial|study|series|registry),?\s(?:which|that)\s(?:had\s)?reported)\b", re.I)
# A figure the literature reports: "the 30-40% reported with salvage chemotherapy", "the 20% previously reported"
_REPORTED_AFTER = re.compile(r"\s?%\s(?:previously\s|historically\s)?reported(?:\s(?:in|with|for|after|by|among|"
                             r"elsewhere)\b|\s?[,.;)]|$)")
# (Historical controls are no citation: their figures are an arm, "historical controls" (see extraction/arms.py).)


def _cited_from(text: str) -> tuple[int, int] | None:
    """The region (to the next comma or semicolon: "... previously published studies, likely because of the high
    rate of SCT in the present study (75%)" is the study's own) of a reference to another study's figures."""
    m = _CITED.search(text)
    if m is None:
        return None
    end = _CLAUSE_END.search(text, m.end()).start()
    # "those reported in the pivotal trial (CR 75%, median OS 12 months)": the bracket it opens is its own
    opened = text.find("(", m.end(), end)
    if opened != -1:
        end = max(end, _matching_close(text, opened) or end)
    return m.start(), end


def _names_a_share(text: str, value: Value) -> bool:
    """"in the 38% of patients who ...": a share after "in the" is the group a value is of."""
    return _GROUP_SHARE_BEFORE.search(text, max(0, value.start - 10), value.start) is not None \
        and _GROUP_SHARE_AFTER.match(text, value.end) is not None


def _has_bracket(text: str) -> bool:
    return "(" in text or "[" in text


def _number_labels(sent: Sentence) -> list[tuple[int, int]]:
    """Where numbers name a cohort, arm, dose level, grade, cycle, day or salvage line ("cohort 1", "dose levels 1
    to 3", "salvage 2"; NUMBER_LABEL rules of patterns/numbers.jsonl): sentence-relative regions."""
    base = sent.start_char
    return [(s.start_char - base, s.end_char - base) for s in sent.labelled("NUMBER_LABEL")]


def _is_label(text: str, number, labels: list[tuple[int, int]]) -> bool:
    """A number inside a label ("40% in cohort 1 and 60% in cohort 2": the 1 is no value); one printed with its own
    % or duration unit right after the label word is a value ("in the blinatumomab arm 44% achieved CR", "while in
    second salvage 4.5 months")."""
    if not _within(number.start, labels):
        return False
    after = text[number.end:number.end + 12]
    return not _PERCENT_AFTER.match(after) and not _UNIT_START.match(after)


# "All five patients with T-ALL achieved CR": the group a whole count names, up to its verb.
_ALL_GROUP_AFTER = re.compile(
    r"\s(?P<group>(?:patients|pts|subjects|children|adults)\s(?:with|without|aged|older|younger|harbou?ring|carrying)"
    r"\s[^,;()]{1,50}?)(?=\s(?:achieved|attained|reached|obtained|developed|experienced|had|responded|underwent|"
    r"proceeded|were|received|went)\b)", re.I)


def _count_lead_in(text: str, value: Value, context) -> None:
    """"All but one achieved", "Of 16 patients with CR, 14 achieved", "All 12 patients achieved": what a bare count
    is counted against."""
    before = text[:value.start]
    m = _ALL_BUT.search(before)
    if m:
        value.all_but, value.start = True, m.start()
        return
    m = _ALL_OF.search(before)
    if m:
        value.denominator, value.start = value.value, m.start()
        group = _ALL_GROUP_AFTER.match(text, value.end)
        label = _named_subgroup(group.group("group"), context) if group else None
        if label is not None:  # "All five patients with T-ALL achieved CR": the subgroup's 100%, its verb next
            value.group, value.end = label, group.end()
        return
    m = _OF_LEAD_IN.search(before) or _SIZED_LEAD_IN.fullmatch(before)
    number = normalise.read_number(m.group(1), context.words) if m else None
    if number is not None and number.is_integer and number.value >= value.value:
        value.denominator = number.value
    elif _OF_WHOM_COUNT_AFTER.match(text, value.end) or _OF_WHOM_COUNT_BEFORE.search(before):
        earlier = [n for n in normalise.find_numbers(before, context.words)
                   if n.is_integer and not _PERCENT_AFTER.match(before[n.end:])]
        if earlier and earlier[-1].value > value.value:
            value.denominator = earlier[-1].value


_FRACTION_DENOMINATOR_BEFORE = re.compile(r"\d\s?(?:/|\bof)\s?$")


def _kind(text: str, numbers: list, i: int) -> str | None:
    number = numbers[i]
    after = text[number.end:]
    if _PERCENT_AFTER.match(after) or _SD_PERCENT_AFTER.match(after):
        return PERCENT
    if _DURATION_AFTER.match(after) or _bracket_then_unit(text, number.end):
        return None if _not_a_median(text, number) else DURATION
    # "65 and 66%", "23.6 vs 5.7 months", "2 to 3 months": the unit is printed once, after the last number.
    # (Not a year or a number above 100: "from 45% in 2005-2012 to 68% in 2013-2020", "in 2005 and 68%"; nor the
    # denominator of a fraction before its percentage: "(36/45, 80%)".)
    if i + 1 < len(numbers) and number.value <= 100 and (_SHARED_AFTER.match(after) or _RANGE_AFTER.match(after)) \
            and not (after[:1] == "," and _FRACTION_DENOMINATOR_BEFORE.search(text, max(0, number.start - 12), number.start)):
        nxt_kind = _kind(text, numbers, i + 1)
        if nxt_kind in (PERCENT, DURATION) and numbers[i + 1].start - number.end <= 9:
            return nxt_kind
    # ... also past each value's CI: "10.1 (95% CI, 7.2-13.0), 6.5 (95% CI, 4.1-8.9) and 3.2 (...) months"
    if i + 1 < len(numbers) and number.value <= 100 and after[:2].lstrip()[:1] in ("(", "["):
        link_at = _past_ci(text, number.end)
        if link_at is not None and _SHARED_AFTER.match(text[link_at:]) and numbers[i + 1].start - link_at <= 9 \
                and not _RATIO_BEFORE.search(text, max(0, number.start - 16), number.start):
            nxt_kind = _kind(text, numbers, i + 1)
            if nxt_kind in (PERCENT, DURATION):
                return nxt_kind
    if _bare_count_in(text, number):
        return COUNT
    # A count, unless it is the denominator of what precedes ("78% of 113 patients").
    if number.is_integer and number.form != "scientific" and _COUNT_AFTER.match(after) \
            and not (_OF_END.search(text[max(0, number.start - 10):number.start])
                     and not _TOTAL_OF_START.fullmatch(text, 0, number.start)
                     and not _PARTS_OF_BEFORE.search(text, max(0, number.start - 16), number.start)) \
            and not _ends_count_list(text, numbers, i):
        return COUNT
    return None


# A count with no noun after it ends its clause after an event's "in" that an occurrence verb, a grade or a severity
# word opens: "severe CRS occurred in 8.", "Neurotoxicity developed in 13 patients, grade 3 or higher in 4.",
# "CRS occurred in 22 patients (grade 3 or higher in 8)", "which was severe in 8". (Not "with CR in 20 and CRi in 8",
# a breakdown's parts, nor "in 2015".)
# (A high grade only, not each grade of a breakdown, "grade 1 in 12, grade 2 in 6", nor "fatal in one".)
_BARE_IN_CLAUSE = re.compile(r"\b(?:occurred|developed|observed|seen|reported|noted|documented|recorded|performed|achieved|"
                             r"attained|obtained|severe|serious|"
                             r"(?:[≥>]\s?)?grades?[\s-]?(?:(?:>/?=|[≥>])\s?\d|[34](?:\s?(?:or\s(?:higher|greater|more|above|worse|4|5)|[-–/]\s?[45]|\+))?))"
                             r"(?:\s[\w≥-]+){0,3}?\sin\s$", re.I)
_BARE_IN_END = re.compile(r"(?!\s?,?\s?(?:(?:and|or|to)\s)?\d)\s?(?:[.;,)]|$|and\b)")  # (not "in 0, 1 and 3 patients")


def _bare_count_in(text: str, number) -> bool:
    if not number.is_integer or number.form == "scientific" or number.value >= 1000 \
            or not text.endswith(" in ", 0, number.start) or not _BARE_IN_END.match(text, number.end):
        return False
    return _BARE_IN_CLAUSE.search(text, _clause_start(text, number.start), number.start) is not None


def _clause_start(text: str, at: int) -> int:
    # (a bracket closed before `at` ends a clause too: "occurred in 38 (88%) and was grade ≥3 in 7")
    return max(text.rfind(c, 0, at) for c in ",;()") + 1


# A clause that grades the event named before it: ", grade 3 or higher in 4", ", which was severe in 8", "(grade ≥3
# in 8)"; not one with a subject of its own (", and seizures occurred in 2").
_GRADING_CLAUSE = re.compile(r"\s?(?:and\s)?(?:which\s|that\s)?(?:(?:was|were|being|with|mostly|including)\s)?"
                             r"(?:severe|serious|(?:[≥>]\s?)?grades?\s?\S)", re.I)  # (", and was grade 3-4 in 5", ", including grade 3 in 3")


def _grades_event_before(text: str, mention: Mention, value: Value) -> bool:
    clause_start = _clause_start(text, value.start)
    return mention.start >= clause_start or _GRADING_CLAUSE.match(text, clause_start) is not None


_COUNT_LIST_LINK = re.compile(r"\s?,?\s?(?:and|or)\s")


def _ends_count_list(text: str, numbers: list, i: int) -> bool:
    """"CRS occurred in 0, 1 and 3 patients (at the three dose levels), respectively": the last count of a list of
    bare numbers is one group's, not a count of the whole cohort."""
    previous = numbers[i - 1] if i else None
    return previous is not None and previous.is_integer \
        and _COUNT_LIST_LINK.fullmatch(text, previous.end, numbers[i].start) is not None


def _past_ci(text: str, at: int) -> int | None:
    """Where the CI bracket opening at `at` (after a space) closes: "6.5 (95% CI, 4.1-8.9)", "7.7 (5.6-9.6)"; None
    if it is none."""
    open_at = at + 1 if text[at:at + 1] == " " else at
    inner = text[open_at:open_at + 20]
    if not (_CI_START.match(inner) or _TWO_NUMBERS_INSIDE.match(inner)):
        return None
    return _matching_close(text, open_at)


def _bracket_then_unit(text: str, at: int) -> re.Match | None:
    """The unit printed after a value's bracket, "6.8 (95% CI, 4.4-not estimable [NE]) months" (brackets may nest)."""
    m = _OPEN_START.match(text[at:])
    if not m:
        return None
    close = _matching_close(text, at + m.end() - 1)
    return _UNIT_START.match(text[close:]) if close else None


def _not_a_median(text: str, number) -> bool:
    """Durations that are eligibility or follow-up times, ages or landmarks, not medians of an endpoint."""
    before = text[max(0, number.start - 20):number.start]
    after = text[number.end:number.end + 30]
    after_unit = _LEADING_UNIT.sub("", after)
    return bool(_NOT_A_MEDIAN_BEFORE.search(before) or _AGE_AFTER.match(after_unit)
                or _OR_LONGER_AFTER.match(after_unit))


def _range_high(text: str, numbers: list, i: int, kind: str):
    """The second number of "35% to 41%" / "2 to 3 months" (not of "65 and 66%", two values)."""
    if i + 1 >= len(numbers):
        return None
    number, nxt = numbers[i], numbers[i + 1]
    gap = text[number.end:nxt.start]
    ranged = kind == PERCENT and _PERCENT_RANGE_GAP.fullmatch(gap) and _PERCENT_AFTER.match(text[nxt.end:]) \
        or kind == DURATION and _RANGE_GAP.fullmatch(gap) and _DURATION_AFTER.match(text[nxt.end:])
    return nxt if ranged and not _CHANGE_FROM.search(text, max(0, number.start - 30), number.start) else None


# "The CR rate increased from 30% to 60%": a change between two values, no range.
_CHANGE_FROM = re.compile(r"\b(?:increased|improved|rose|decreased|declined|fell|dropped|reduced|went up|went down|"
                          r"changed|climbed)\s(?:\w+\s)?from\s$", re.I)


# "CR + CRi = 70%", "ORR = 45%": a percentage set equal to a response abbreviation is its rate, not a p-value or a
# threshold (case-sensitive, and no "OR =", "HR =", "n =": odds and hazard ratios and counts stay out)
_RATE_EQUALS_BEFORE = re.compile(r"\b(?:CR[ihp]?|CRc|ORR|CR/CR[ihp]|MRD-?)\)?\s?=\s?$")  # ("MRD = 81%" too)


def _rate_equals(text: str, before: str, number) -> bool:
    return _RATE_EQUALS_BEFORE.search(before) is not None and text[number.end:number.end + 2].lstrip().startswith("%")


_RATIO_UNIT_BEFORE = re.compile(r"\b(?:HRs?|ORs?|RRs?|ratios?)\sper\s$")


def _is_noise(text: str, number) -> bool:
    """Thresholds ("<0.01%", "≥3"), p-values, SDs ("27 ± 18%") and the 95 of "95% CI"."""
    before = text[max(0, number.start - 12):number.start]
    if number.qualifier or not _NOISE_SIGNS.isdisjoint(before) and (_PVALUE_BEFORE.search(before)
                                                                     or _SD_BEFORE.search(before)) \
            and not _rate_equals(text, before, number):
        return True
    # "0.01%", "10-4": MRD thresholds, not rates.
    if number.value < 1 and _TWO_DECIMALS.search(number.text):
        return True
    if _RATIO_UNIT_BEFORE.search(before):  # "HR per 10% increase": the unit of a ratio, not a rate
        return True
    # "95% CI", "50% or more blasts": a "%" right after the number (a cheap necessary cue: most numbers have none);
    # "CI 95% 1.01-1.05": the level after its label.
    return "%" in text[number.end:number.end + 2] and bool(_CI_PERCENT_AFTER.match(text[number.end:])
                                                            or _OR_MORE_AFTER.match(text[number.end:])
                                                            or _CI_LABEL_END.search(before))


def _ci_regions(text: str) -> list[tuple[int, int]]:
    """Brackets holding a CI or range: "(95% CI, 0.55-0.93)", "[range, 5-66]", or a bare "(14–24%)" / "(25, 62%)"
    printed right after a value."""
    regions = _unbracketed_cis(text) if "%" in text else []
    for m in _OPEN.finditer(text):
        open_at = m.start()
        close = _matching_close(text, open_at)
        if close is None:
            continue
        inner = text[open_at:close]
        percent = "%" in inner
        # "(8+, 12, 37+, and 48 weeks)": individual observations, not results.
        if _CI_START.match(inner) or (_TWO_NUMBERS_INSIDE.match(inner)
                                      and _VALUE_END.search(text, max(0, open_at - 12), open_at)) \
                or not percent and "," in inner and len(_LISTED_NUMBER.findall(inner)) >= 2:
            regions.append((open_at, close))
        # "(88%; 78, 98%)", "(26%; 95% CI, 15 to 40)": what follows the bracket's own percentage is its CI.
        tail = _PERCENT_THEN_CI.search(inner) if percent else None
        if tail:
            regions.append((open_at + tail.end(), close))
        # "(34/50; 95% CI, 53%-80%)": what follows a CI label inside a bracket is the CI.
        label = _CI_LABEL_INSIDE.search(inner) if "CI" in inner or "onfidence" in inner else None
        if label:
            regions.append((open_at + label.start(), close))
    return regions


# "62%, 95% CI 50 to 74%", "88%; 95% CI, 78-98": a labelled CI outside brackets, "88%, 78 to 98%" a range around the
# percentage just before it; neither is a value of its own.
_LABELLED_CI = re.compile(r"(?:95\s?%\s?(?:CI|C\.I\.|confidence intervals?)|CI\s?95\s?%)\s?[,:=]?\s?\d+(?:[.·]\d+)?\s?%?\s?(?:to|[-–—])\s?"
                          r"\d+(?:[.·]\d+)?\s?%?", re.I)
_RANGE_AROUND = re.compile(r"(?P<value>\d+(?:[.·]\d+)?)\s?%[,;]\s?(?P<low>\d+(?:[.·]\d+)?)\s?%?\s?(?:to|[-–—])\s?"
                           r"(?P<high>\d+(?:[.·]\d+)?)\s?%")


def _unbracketed_cis(text: str) -> list[tuple[int, int]]:
    regions = [m.span() for m in _LABELLED_CI.finditer(text)] if "CI" in text or "onfidence" in text else []
    if "%," not in text and "%;" not in text:  # a cheap necessary cue of _RANGE_AROUND
        return regions
    for m in _RANGE_AROUND.finditer(text):
        value, low, high = (float(m.group(g).replace("·", ".")) for g in ("value", "low", "high"))
        if low < value < high:
            regions.append((m.start("low"), m.end()))
    return regions


def _within(at: int, regions: list[tuple[int, int]]) -> bool:
    return bool(regions) and any(start <= at < end for start, end in regions)  # most region lists are empty


def _fractions(text: str, values: list[Value], excluded, context) -> list[Value]:
    """Rates printed only as n/N or "n of N" (no percentage next to them): computed, as the gold does."""
    found = []
    if "/" not in text and "of" not in text:  # a cheap necessary cue: "n/N", "n of N", "n out of N"
        return found
    fractions = normalise.find_fractions(text, context.words)
    listed = _listed_fractions(text, fractions, values) if len(fractions) > 1 else set()
    for frac in fractions:
        if frac.start in listed or _within(frac.start, excluded) \
                or any(v.start <= frac.start < v.end + 4 for v in values if v.kind != COUNT):
            continue
        near = text[max(0, frac.start - 3):frac.end + 4]
        if _STAGE_END.search(text[max(0, frac.start - 8):frac.start]) or _NOT_PEOPLE_AFTER.match(text, frac.end):
            continue
        owner = _bracketing_percent(text, frac, values)
        if owner is not None:  # "93% (n = 49/53)": the count and denominator of the percentage before it
            owner.count, owner.denominator = frac.count.value, frac.denominator.value
            if not _PERCENT_CI_BRACKET_END.search(text, max(0, frac.start - 64), frac.start) \
                    and not _PERCENT_GROUP_BRACKET_END.search(text, max(0, frac.start - 64), frac.start):
                # (not past a CI between them, which _ci95 reads after the value, nor past the group, which the
                # arms reader reads after it)
                owner.end = frac.end
            continue
        owner = _percent_after_fraction(text, frac, values)
        if owner is not None:  # "(36/45, 80%)": the percentage printed after its own count
            owner.count, owner.denominator, owner.start = frac.count.value, frac.denominator.value, frac.start
            continue
        # "n = 12/20 (60%)": the percentage read the fraction's N as its count (the 12 after "=" is no value)
        owner = next((v for v in values if v.kind == PERCENT and v.start == frac.denominator.start), None)
        if owner is not None:
            owner.count, owner.denominator, owner.start = frac.count.value, frac.denominator.value, frac.start
            continue
        if "%" in near or frac.percent is None or frac.count.value > frac.denominator.value:
            continue
        all_but = _ALL_BUT.search(text, max(0, frac.start - 8), frac.start)
        if all_but:  # "All but two of the 40 patients achieved CR": 38 of 40
            count = frac.denominator.value - frac.count.value
            found.append(Value(FRACTION, round(100 * count / frac.denominator.value, 1), all_but.start(), frac.end,
                               count=count, denominator=frac.denominator.value, computed=True))
            continue
        found.append(Value(FRACTION, frac.percent, frac.start, frac.end, count=frac.count.value,
                           denominator=frac.denominator.value, computed=True))
    return found


# "80% and 30% (36/45 and 13/44), respectively": one bracket listing the counts of the percentages listed before it.
_FRACTION_LIST_LINK = re.compile(r"\s?(?:,\s?(?:and\s)?|;\s?|and\s|vs\.?\s|versus\s)")
_PERCENT_LIST_LINK = re.compile(r"\s?%\s?(?:,\s?(?:and\s)?|and\s|vs\.?\s|versus\s)")
_PERCENT_OPEN = re.compile(r"\s?%\s?[(\[]\s?")


def _listed_fractions(text: str, fractions: list, values: list[Value]) -> set[int]:
    """Give each fraction of a bracketed list to the percentage at its place in the list of percentages right
    before the bracket, when every pair agrees (within the point a rounded percentage allows); the starts of the
    fractions so given."""
    given = set()
    percents = [v for v in values if v.kind == PERCENT]
    i = 0
    while i < len(fractions):
        run = [fractions[i]]
        while i + len(run) < len(fractions) and _FRACTION_LIST_LINK.fullmatch(text, run[-1].end,
                                                                             fractions[i + len(run)].start):
            run.append(fractions[i + len(run)])
        i += len(run)
        owners = _percents_listed_before(text, percents, run[0].start)
        if len(run) < 2 or owners is None or len(owners) != len(run) or not _CLOSE_START.match(text, run[-1].end):
            continue
        if all(f.percent is not None and abs(f.percent - v.value) <= 1 for f, v in zip(run, owners)):
            for f, v in zip(run, owners):
                v.count, v.denominator = f.count.value, f.denominator.value
                given.add(f.start)
    return given


def _percents_listed_before(text: str, percents: list[Value], at: int) -> list[Value] | None:
    """The list of percentages ("80% and 30%") whose last one opens the bracket at `at`."""
    last = next((v for v in percents if _PERCENT_OPEN.fullmatch(text, v.end, at)), None)
    if last is None:
        return None
    run = [last]
    for v in reversed([p for p in percents if p.end <= last.start]):
        if not _PERCENT_LIST_LINK.fullmatch(text, v.end, run[0].start):
            break
        run.insert(0, v)
    return run


def _bracketing_percent(text: str, frac, values: list[Value]) -> Value | None:
    """The percentage a bracketed n/N belongs to: right before its bracket ("93% (49/53)"), or before the people it
    is of ("31% of patients (19/62)") when the two agree (within the point a rounded percentage allows)."""
    m = _PERCENT_BRACKET_END.search(text[max(0, frac.start - 12):frac.start])
    agreeing = False
    if not m:
        m = _PERCENT_OF_PEOPLE_BRACKET_END.search(text[max(0, frac.start - 48):frac.start]) \
            or _PERCENT_CI_BRACKET_END.search(text[max(0, frac.start - 64):frac.start]) \
            or _PERCENT_WORDS_BRACKET_END.search(text[max(0, frac.start - 32):frac.start]) \
            or _PERCENT_LABEL_BRACKET_END.search(text[max(0, frac.start - 32):frac.start])
        if not m and (" in " in text or " among " in text or " for " in text or " of " in text):
            m = _PERCENT_GROUP_BRACKET_END.search(text[max(0, frac.start - 64):frac.start])
        agreeing = True
    if not m:
        return None
    percent_end = frac.start - len(m.group())
    owner = next((v for v in values if v.kind == PERCENT and percent_end - 1 <= v.end <= percent_end), None)
    if owner is not None and agreeing and not (frac.percent is not None and abs(frac.percent - owner.value) <= 1):
        return None
    return owner


_FRACTION_THEN_PERCENT = re.compile(r"\s?[,;]\s?")


def _percent_after_fraction(text: str, frac, values: list[Value]) -> Value | None:
    """The percentage right after a fraction and a comma or semicolon that agrees with it ("36/45, 80%", "36 of 45;
    80%")."""
    gap = _FRACTION_THEN_PERCENT.match(text, frac.end)
    if gap is None or frac.percent is None:
        return None
    owner = next((v for v in values if v.kind == PERCENT and v.start == gap.end() and v.count is None), None)
    return owner if owner is not None and abs(frac.percent - owner.value) <= 1 else None


_NEITHER = re.compile(r"\b[Nn]either\b")  # "Neither median OS nor median EFS was reached"


def _not_reached(sent: Sentence, excluded) -> list[Value]:
    """Medians not reached. An abbreviation ("was NR", ": NR") is matched with the verb or colon before it, which
    is not part of the value."""
    base, found = sent.start_char, []
    for span in sent.labelled("NOT_REACHED"):
        abbreviated = span.id_ == "ABBREVIATED"
        start = (span[-1].idx if abbreviated else span.start_char) - base
        if span.id_ == "NEITHER" and _NEITHER.search(sent.text, 0, start) is None:
            continue  # "median OS was reached at 14 months": a median reached
        if not _within(start, excluded):
            found.append(Value(NOT_REACHED, None, start, span.end_char - base, median_only=abbreviated))
    return found


# ----------------------------------------------------------------------------------------------------- assignment


def _assign(sent: Sentence, mentions: list[Mention], values: list[Value]) -> None:
    """Give each value to an endpoint mention (see the module docstring)."""
    text = sent.text
    values = _label_brackets(text, mentions, values)
    targets = [m for m in mentions if not m.qualifier]
    respectively = [s.start_char - sent.start_char for s in sent.labelled("RESPECTIVELY")]
    values = _repeated_clause(text, targets, values) if ";" in text else values
    if respectively:
        rest = _assign_respectively(text, targets, values, respectively[0])
        # "The 1-year OS and EFS were 55% and 40%, and the 2-year OS and EFS 35% and 25%, respectively": a list
        # before the zipped one is zipped as a list without "respectively" would be
        rest = _assign_parallel(text, _listed_before_zip(targets, rest), rest) if rest else rest
        zipped = [m for m in targets if len(m.values) == 1]
        if rest and len(zipped) > 1:  # "... 45% and 32%, respectively, with medians of 10.2 and 5.1 months"
            rest = _medians_of_list(text, zipped, rest, sorted((m.values[0] for m in zipped), key=lambda v: v.start))
    else:
        rest = _assign_parallel(text, targets, values)
    for value in rest:
        target = _nearest(targets, value, values, text)
        if target is not None:
            target.values.append(value)
    for mention in targets:  # in text order, as the groups are read ("...; with B, 16% and 4.0 months" came first)
        if len(mention.values) > 1:
            mention.values.sort(key=lambda v: v.start)
    _share_conjoined(text, targets)


def _listed_before_zip(targets: list[Mention], rest: list[Value]) -> list[Mention]:
    """The mentions before the first one a "respectively" zip gave values to, when none of them holds one yet and
    values are left before that zip's."""
    zipped = next((i for i, m in enumerate(targets) if m.values), None)
    before = targets[:zipped] if zipped else []
    if len(before) < 2 or any(m.values for m in before) or not any(v.end <= targets[zipped].start for v in rest):
        return []
    return before


def _label_brackets(text: str, mentions: list[Mention], values: list[Value]) -> list[Value]:
    """"83% (CR + CRi), 80% (CR + CRi) and 50% (CR + PR)": a bracket of endpoint names right after a percentage names
    that value (CR with a CRi/CRh part is CR_CRi; CR with PR is ORR). The bracket's mentions become one labelled
    mention holding the value, the others parts that take nothing. Returns the values left to assign."""
    rest = []
    for value in values:
        label = _bracket_label(text, mentions, value) if value.kind == PERCENT else None
        if label is None:
            rest.append(value)
        else:
            label.values.append(value)
    return rest


def _bracket_label(text: str, mentions: list[Mention], value: Value) -> Mention | None:
    m = _PERCENT_BRACKET_AFTER.match(text[value.end:])
    if not m:
        return None
    open_at = value.end + m.start(1)
    close = _matching_close(text, open_at)
    inner = [x for x in mentions if close and open_at <= x.start and x.end <= close]
    if not inner or all(x.qualifier for x in inner):  # "45% (MRD-negative)": the bracket names a group
        return None
    words = text[open_at:close]
    for x in reversed(inner):
        words = words[:x.start - open_at] + " " * (x.end - x.start) + words[x.end - open_at:]
    if not _LABEL_BRACKET_WORDS.fullmatch(words):
        return None
    family = _bracket_family({x.family for x in inner})
    if family is None:
        return None
    for x in inner:
        x.qualifier, x.region, x.family = False, (open_at, open_at), "CR_PART"
    inner[0].family, inner[0].region = family, None
    return inner[0]


def _bracket_family(families: set[str]) -> str | None:
    if len(families) == 1:
        return next(iter(families))
    if "CR" in families and families & {"CR_CRi", "CR_PART"} and "OTHER" not in families:
        return "CR_CRi"
    if "CR" in families and "OTHER" in families and families <= {"CR", "OTHER", "CR_CRi", "CR_PART"}:
        return "ORR"  # CR plus partial response
    return None


def _assign_respectively(text: str, targets: list[Mention], values: list[Value], at: int) -> list[Value]:
    """Zip "A and B were x and y, respectively": the run of mentions just before the run of values that ends at
    "respectively". Returns the values left for nearest-mention assignment."""
    last_mention_end = max((m.end for m in targets if m.end <= at), default=-1)
    run = [v for v in values if last_mention_end <= v.start < at]
    if not run:
        return _values_before_listed(text, targets, values, at)
    # "The CR rate, MRD negativity rate and median OS were 80%, 70% and 12.1 months, respectively": values of
    # several kinds, one for each endpoint listed, each taken by its own.
    if len({v.kind for v in run}) > 1:
        group = _listed_mentions(text, targets, values, run[0])
        if len(group) == len(run) and all(m.takes(v) for m, v in zip(group, run)):
            for mention, value in zip(group, run):
                mention.values.append(value)
            return [v for v in values if v not in run]
    # The listed values share a kind ("76% vs. 12%"); a count of the subgroup names in between is not one of them.
    run = [v for v in run if _listed_together(v, run[-1])]
    group = _listed_mentions(text, targets, values, run[0])
    if not group:
        return values
    # "EFS and OS were 73% and 90%, respectively, at 6 months and 50% and 76% at 12 months": the values after
    # "respectively" continue the zip when they repeat its shape (as many, same kind, no endpoint named among them).
    if len(group) > 1 and len(run) == len(group):
        after = [v for v in values if v.start > at]
        more = after[:len(after) - len(after) % len(group)]
        if more and all(v.kind == run[-1].kind for v in more) \
                and not any(at < m.start < more[-1].end for m in targets) and not _between_bracket(text, at, more):
            run = run + more
    # Each mention is a slot, in order; a slot that cannot take the value (a DOR given as a %) drops it.
    slots = group if len(run) % len(group) == 0 else group[-1:]
    if len(slots) > 1 and len(run) > len(slots):
        _mark_group_runs(text, [run[i:i + len(slots)] for i in range(0, len(run), len(slots))])
    for i, value in enumerate(run):
        slot = slots[i % len(slots)]
        if slot.takes(value):
            slot.values.append(value)
    return [v for v in values if v not in run]


def _values_before_listed(text: str, targets: list[Mention], values: list[Value], at: int) -> list[Value]:
    """"25 (50%) and 15 (30%) achieved CR and MRD negativity, respectively", "The rates were 70% and 45% for CR and
    MRD negativity, respectively": the values listed before the endpoints they are zipped with, as many and of one
    kind, nothing but words between the two lists. Returns the values left for nearest-mention assignment."""
    group = [m for m in targets if m.end <= at]
    if len(group) < 2 or text[group[-1].end:at].strip(" ,") or not group[-1].region is None:
        return values
    listed = [group[-1]]
    for mention in reversed(group[:-1]):
        if not _CONJOINED_GAP.fullmatch(text[mention.end:listed[0].start]):
            break
        listed.insert(0, mention)
    run = [v for v in values if v.start < listed[0].start][-len(listed):]
    if len(listed) < 2 or len(run) != len(listed) or not all(_listed_together(v, run[-1]) for v in run) \
            or any(run[0].start < m.start < run[-1].end for m in targets):
        return values
    words = _after_bracket(text[run[-1].end:listed[0].start]).lstrip("%)]")  # "achieved", "of patients had grade 3"
    if len(words) > 40 or _DIGIT.search(_GRADE.sub("", words)):
        return values
    if not all(_CONJOINED_GAP.fullmatch(_after_bracket(text[a.end:b.start]).lstrip("%)]")) for a, b in zip(run, run[1:])) \
            or not all(m.takes(v) for m, v in zip(listed, run)):
        return values
    for mention, value in zip(listed, run):
        mention.values.append(value)
    return [v for v in values if v not in run]


def _repeated_clause(text: str, targets: list[Mention], values: list[Value]) -> list[Value]:
    """"The CR rate was 70% and the MRD negativity rate 45% in Ph-negative patients; in Ph-positive patients, 80% and
    60% (respectively)": a last clause of bare values (no endpoint named) after a semicolon repeats, in order, the
    endpoints of the clause before it when it holds as many values of the same kinds as that clause has endpoints,
    each endpoint there with its one value. Those go to the endpoints; the rest is returned."""
    semicolon = text.rfind(";")
    tail = [v for v in values if v.start > semicolon]
    if len(tail) < 2 or any(m.start > semicolon for m in targets):
        return values
    opened = text.rfind(";", 0, semicolon) + 1
    before = [m for m in targets if opened <= m.start < semicolon]
    head = [v for v in values if opened <= v.start < semicolon]
    if len(before) != len(tail) or len(head) != len(tail) or len({m.family for m in before}) < len(before):
        return values
    # each endpoint of the clause before owns the one value between it and the next endpoint, or the clause lists
    # its endpoints, then as many values ("CRS and ICANS occurred in 85% and 40%; grade ≥3 rates were 10% and 12%")
    bounds = [m.start for m in before[1:]] + [semicolon]
    owned = all(m.end <= v.start < bound for m, v, bound in zip(before, head, bounds))
    # (the tail's values stated after its verb, colon or group, not the subjects of a clause of their own: "...; 30%
    # and 10% of patients relapsed")
    listed = not owned and before[-1].end <= head[0].start and _LISTED_ENDPOINTS.fullmatch(
        text, before[0].end, before[-1].start) is not None and _TAIL_LEAD.search(text, semicolon, tail[0].start)
    if not (owned or listed) or not all(v.kind == w.kind and m.takes(w) for m, v, w in zip(before, head, tail)):
        return values
    for mention, value in zip(before, tail):
        mention.values.append(value)
    if not _GROUP_NAMED_BETWEEN.search(text, head[0].end, head[-1].start):
        for value in head:  # "Median OS was 7.7 months and median EFS 4.1 months in arm A; ...": both are arm A's
            value.run_end = head[-1].end
    return [v for v in values if v not in tail]


_GROUP_NAMED_BETWEEN = re.compile(r"\b(?:in|with|for|among|after|versus|vs)\b", re.I)  # "7.7 months in arm A and"
_TAIL_LEAD = re.compile(r"(?:\b(?:were|was|in|of)|[,:])\s?$")
# the links of a list of endpoints: "CRS and ICANS", "OS, EFS and RFS" (a bracket in between: "(all grades)")
_LISTED_ENDPOINTS = re.compile(r"(?:\s?(?:\([^()]*\))?\s?(?:,\s?(?:and\s)?|and\s|or\s|&\s)(?:the\s)?(?:[\w≥-]+\s)?)")


def _mark_group_runs(text: str, runs: list[list[Value]]) -> None:
    """"OS and EFS were 48% and 41% for patients in CR1 and 20% and 12% for those beyond CR1, respectively": runs of
    the listed endpoints' values, each followed by its group's name, which labels each value of the run."""
    joins = [_after_bracket(text[_own_bracket_end(text, a[-1]):b[0].start]) for a, b in zip(runs, runs[1:])]
    if all(_GROUP_LINK.fullmatch(join) or _COMPARED_LINK.fullmatch(join) for join in joins):
        for run in runs:
            for value in run:
                value.run_end = run[-1].end


# "Any-grade CRS and grade ≥3 CRS occurred in 88% and 15%": a grade's number is no value between listed endpoints.
_GRADE = re.compile(r"\bgrades?\s?(?:>/?=|[≥>])?\s?\d(?:\s?(?:or (?:higher|greater|more|above)|[-–]\s?\d|\+|(?:or|and|/)\s?\d))?",
                    re.I)


# "The CR rate, 1-year OS and median OS were 45%, 40% and 9 months": a time point's number is no value either.
# (Hyphenated or after "at": "a median follow-up of 31 months, the median PFS" still ends the list.)
_TIME_IN_LIST = re.compile(r"\b\d+[-‐–](?:years?|months?|yrs?|mo|y)\b|\bat\s\d+\s(?:years?|months?)\b", re.I)


def _timed_item_gap(gap: str) -> bool:
    """The gap between two listed endpoints is only a join and the next item's (or the last one's) time point:
    ", 1-year ", " and 2-year ", " at 1 year and (median) "."""
    join = _MEDIAN_END.sub("", " ".join(_TIME_IN_LIST.sub(" ", gap).split()) + " ")  # "... and median OS"
    join = _RATE_WORD_START.sub("", join).lstrip()  # ("The CR rate, MRD negativity rate and 1-year OS were 80%, 60% and 55%")
    return _CONJOINED_GAP.fullmatch(join if join.startswith(",") else " " + join) is not None


_MEDIAN_END = re.compile(r"(?<=\s)(?:the\s)?median\s$")
_RATE_WORD_START = re.compile(r"^\s?rates?(?=[\s,])")  # the previous item's own "rate" word


def _listed_mentions(text: str, targets: list[Mention], values: list[Value], first: Value) -> list[Mention]:
    """The run of endpoint mentions just before the first value of a list (close together, no value among them)."""
    group: list[Mention] = []
    # the parts inside a definition are no items of the list: "Remission rates (CR/CRi) were 58%, 44% and 35%"
    for mention in reversed([m for m in targets if m.end <= first.start and m.region is None]):
        gap = text[mention.end:(group[0].start if group else first.start)]
        if group and (_DIGIT.search(gap) and _DIGIT.search(_GRADE.sub("", gap)) and not _timed_item_gap(gap)
                      or len(gap) > 40) \
                or _between(values, mention.end, first.start, None):
            break
        group.insert(0, mention)
    return group


# The same with the next endpoint's time point (or median cue), or the last one's time point, in between: "The CR
# rate, 1-year OS and median OS were 45%, 40% and 9 months", "The CR, OS at 1 year and median OS"
_TIMED_CONJOINED_GAP = re.compile(r"(?:\srates?)?(?:\sat\s\d+\s(?:years?|months?))?" + _CONJOINED_GAP.pattern
                                  + r"(?:\d+[-‐–](?:years?|months?|yrs?|mo|y)\s|median\s)?")


def _assign_parallel(text: str, targets: list[Mention], values: list[Value]) -> list[Value]:
    """"The rates of EFS and OS were 50% (95% CI, ...) and 76% (...) at 12 months": a list of endpoints joined by
    "and" followed by a list of as many values of one kind is zipped as if "respectively" closed it. Only where
    nothing compares (no "vs", "than", "compared"), so two arms' values for one endpoint are never taken apart.
    Returns the values left for nearest-mention assignment."""
    for first in range(len(targets) - 1):
        group = [targets[first]]
        for mention in targets[first + 1:]:
            if not _CONJOINED_GAP.fullmatch(text[group[-1].end:mention.start]) \
                    and not _TIMED_CONJOINED_GAP.fullmatch(text, group[-1].end, mention.start):
                break
            group.append(mention)
        if len(group) < 2:
            continue
        runs = _compared_runs(text, group, values, targets)
        if runs is not None:
            for run in runs:
                for mention, value in zip(group, run):
                    mention.values.append(value)
                    value.run_end = run[-1].end  # the arm named after the run is each value's
            return _next_lists(text, targets, [v for v in values if not any(v in run for run in runs)], runs[-1])
        run = [v for v in values if v.start >= group[-1].end][:len(group)]
        if len(run) < len(group) or not _parallel_run(text, group, run, values, targets):
            return values
        for mention, value in zip(group, run):
            mention.values.append(value)
        rest = [v for v in values if v not in run]
        return _next_lists(text, targets, _medians_of_list(text, group, rest, run), run)
    return values


def _next_lists(text: str, targets: list[Mention], values: list[Value], run: list[Value]) -> list[Value]:
    """A second endpoint list after the first one's values is zipped the same way ("Median OS and EFS were 12.3 and
    6.1 months; 12-month OS and EFS were 51% and 30%"). Returns the values left for nearest-mention assignment."""
    later = [m for m in targets if m.start >= run[-1].end]
    return _assign_parallel(text, later, values) if len(later) > 1 else values


# "OS and EFS at 1 year were 45% and 32%, with medians of 10.2 and 5.1 months": the list's medians, in its order.
# (also "..., and medians were 10.2 and 5.1 months", "(medians, 10.2 and 5.1 months)", "... 10.2 months and not reached")
_MEDIANS_OF = re.compile(r"\s?%?\s?(?:,\s?respectively)?(?:,\s?|;\s?|\s?[(\[]\s?|\s)(?:and\s)?(?:with\s)?(?:the\s)?(?:respective\s)?medians"
                         r"(?:\s(?:of|were|was)\s|,\s?|:\s?|\s)", re.I)
_MEDIAN_LINK = re.compile(r"\s?(?:" + _UNITS + r")?\s?(?:,\s?(?:and\s)?|and\s)", re.I)


def _medians_of_list(text: str, group: list[Mention], values: list[Value], run: list[Value]) -> list[Value]:
    """Zips the medians printed after a survival list's rates with its endpoints. Returns the values left."""
    medians = [v for v in values if v.start >= run[-1].end][:len(group)]
    if len(medians) < len(group) or any(m.family not in SURVIVAL | {"DOR"} for m in group) \
            or not _MEDIANS_OF.fullmatch(_after_bracket(text[_own_bracket_end(text, run[-1]):medians[0].start])) \
            or any(v.kind not in (DURATION, NOT_REACHED) for v in medians) \
            or not all(_MEDIAN_LINK.fullmatch(_after_bracket(text[_own_bracket_end(text, a):b.start]))
                       for a, b in zip(medians, medians[1:])):
        return values
    for mention, value in zip(group, medians):
        mention.values.append(value)
    return [v for v in values if v not in medians]


def _compared_runs(text: str, group: list[Mention], values: list[Value], targets: list[Mention]) -> list | None:
    """"Rates of CR and CR/CRi were 40% and 55% with inotuzumab versus 20% and 30% with chemotherapy": the endpoint
    list's values given once per arm, each run joined by "and" and zipped with the list, the runs joined by a
    comparator. The runs, or None when the values are not laid out so."""
    size = len(group)
    after = [v for v in values if v.start >= group[-1].end]
    if len(after) < 2 * size or len(after) % size:
        return None
    lead = text[group[-1].end:after[0].start]
    if len(lead) > 60 or ";" in lead or not _LINK_BEFORE.search(lead) \
            or any(not _listed_together(v, after[0]) for v in after) \
            or any(after[0].start <= m.start < after[-1].end for m in targets):
        return None
    runs = [after[i:i + size] for i in range(0, len(after), size)]
    for run in runs:
        links = [_after_bracket(text[_own_bracket_end(text, a):b.start]) for a, b in zip(run, run[1:])]
        if not all(m.takes(v) for m, v in zip(group, run)) or not all(_AND_LINK.fullmatch(link) for link in links):
            return None
    joins = [_after_bracket(text[_own_bracket_end(text, a[-1]):b[0].start]) for a, b in zip(runs, runs[1:])]
    return runs if all(_COMPARED_LINK.fullmatch(join) or _GROUP_LINK.fullmatch(join) for join in joins) else None


# Inside one run of _compared_runs: "40% and 55%"; between runs: "with inotuzumab versus", "vs", "compared with".
_AND_LINK = re.compile(r"\s?%?\s?(?:,\s?(?:and\s)?|and\s)")
_COMPARED_LINK = re.compile(r"\s?%?\s?(?:months?\s?|mos?\.?\s?|years?\s?)?[)\]]?,?\s?"
                            r"(?:(?:with|in|for)\s(?:the\s)?(?:[\w+\-/]+\s){1,4})?"
                            r"(?:versus|vs\.?|v\.?|compared (?:with|to))\s")

# ... or the group the run is of, then "and": "48% and 41% for patients in CR1, and 20% and 12% for those beyond CR1".
_GROUP_LINK = re.compile(r"\s?%?\s?(?:months?\s?|mos?\.?\s?|years?\s?)?[)\]]?,?\s?(?:with|in|for|among)\s(?:the\s)?"
                         r"(?:[^\s,;()\d%]+\s){0,4}?[^\s,;()%]+,?\s(?:and|but|whereas|while)\s")


def _parallel_run(text: str, group: list[Mention], run: list[Value], values: list[Value],
                  targets: list[Mention]) -> bool:
    """Whether `run` is the list of values of the endpoint list `group`: linked to it, linked to each other by
    "and" or a comma, one kind, each takeable by its endpoint, and not followed by one more value of its list."""
    lead = text[group[-1].end:run[0].start]
    if len(lead) > 60 or ";" in lead or not _LINK_BEFORE.search(lead) or _COMPARING.search(text[group[0].start:run[-1].end]):
        return False
    # (values of several kinds are a list only when each is its own endpoint's: "The CR rate, 1-year OS and median
    # OS were 45%, 40% and 9 months")
    mixed = len({v.kind for v in run}) > 1
    if not mixed and any(not _listed_together(v, run[0]) for v in run) \
            or not all(m.takes(v) for m, v in zip(group, run)):
        return False
    if any(run[0].start <= m.start < run[-1].end for m in targets):
        return False
    links = [_after_bracket(text[_own_bracket_end(text, a):b.start]) for a, b in zip(run, run[1:])]
    following = [v for v in values if v.start >= run[-1].end][:1]
    continued = following and _LIST_LINK.match(_after_bracket(text[_own_bracket_end(text, run[-1]):following[0].start]))
    return all(_LIST_LINK.match(link) for link in links) and not continued


def _listed_together(a: Value, b: Value) -> bool:
    """Whether two values may be items of one list: one kind, a rate printed as % or n/N, or a median printed as a
    duration or "not reached" ("Median EFS and OS were NR and 14.1 months, respectively")."""
    return a.kind == b.kind or {a.kind, b.kind} <= {PERCENT, FRACTION} or {a.kind, b.kind} <= {DURATION, NOT_REACHED}


def _after_bracket(gap: str) -> str:
    """A gap between two listed values without the CI or count bracket that follows the first ("50% (95% CI, 35
    to 64) and 76%")."""
    return _LEADING_BRACKET.sub("", gap, count=1)


def _between_bracket(text: str, at: int, values: list[Value]) -> bool:
    """Whether a value after "respectively" sits in a bracket (a CI or a count, not a continuation of the list)."""
    return any(text[max(at, v.start - 2):v.start].strip() in ("(", "[") for v in values)


def _nearest(mentions: list[Mention], value: Value, values: list[Value], text: str) -> Mention | None:
    """The mention before the value that takes it, unless the value is the subject of a later one ("13 patients
    (52%) achieved CR", "45% of patients proceeded to HSCT") and is not directly stated for the earlier one."""
    inside, before, after = _around(mentions, value)
    # "15 CRs (60%)": a count and its percentage read across the endpoint they count
    if len(inside) == 1 and (value.count is not None or value.kind == COUNT):
        return inside[0]
    ahead = _forward_target(text, value, after, values, mentions)
    if value.kind == COUNT:
        # A bare count is a rate only as the subject of its endpoint ("Twelve patients underwent HSCT") or as the
        # patients its endpoint occurred in ("CRS occurred in 20 patients").
        if value.denominator is None and _OF_WHOM_COUNT_AFTER.match(text, value.end) \
                and not _opens_count_of_them(text, value):
            return None  # "14 of them achieved MRD negativity" with no count of "them" in the sentence: of no known base
        gap = text[value.end:ahead.start].strip() if ahead else None
        if ahead and ahead.family == "MRD_NEG" and _unbased_mrd_count(text, value):
            return None  # "Among responders, 15 achieved MRD negativity": of an uncounted subset, not of the cohort
        if ahead and (not gap or _SUBJECT_GAP.fullmatch(gap) or _COUNT_VERB_GAP.fullmatch(gap)
                      or ahead.family not in ("MRD_NEG", "OTHER") and _OF_WHOM_GAP.fullmatch(gap)
                      or ahead.family == "MRD_NEG" and _MRD_COUNT_GAP.fullmatch(gap)
                      or ahead.family == "MRD_NEG" and (value.denominator is not None or _opens_count_of_them(text, value))
                      and _OF_WHOM_GAP.fullmatch(gap)
                      or ahead.family == "HSCT" and _PASSIVE_SUBJECT_GAP.fullmatch(gap)
                      or ahead.family in _TOXICITIES and _CASES_OF_GAP.fullmatch(gap)
                      or value.denominator is None and _in_remission_subject(text, gap, ahead)):
            return ahead
        if before and value.bare_in and before[-1].family in _TOXICITIES \
                and not any(m.start < value.start for m in after) and _grades_event_before(text, before[-1], value):
            return before[-1]  # "CRS occurred in 22 patients (grade 3 or higher in 8)": the event graded before it
        if before and _elliptical_occurrence(text, before, value):
            return before[-1]  # "CRS occurred in 20 patients and neurotoxicity in 8": the verb left out
        return before[-1] if before and _occurred_in(text, before[-1], value) else None
    if ahead and before and _in_grade_bracket(text, before[-1], value):
        return before[-1]  # "CRS (any grade, 85%; grade ≥3, 10%) was the most common toxicity"
    if ahead and (not before or not _direct(text, before[-1], value, values)
                  or _opens_breakdown(text, before[-1], value)):
        return ahead
    if ahead is None and (_subject_of_verb(text, value) or _first_of_subject_shares(text, value)
                          and not (before and _direct(text, before[-1], value, values))) \
            and not (before and text[before[-1].end:value.start] == " in "):
        # "Ten (25%) received HSCT, and 5 (12%) received DLI": the subject of an unscored clause (not "Severe CRS
        # in 15% and severe ICANS in 10% were reported": the share the event was in, the verb the list's)
        return None
    if before and not _other_head(text, before[-1], value) and not _example_across_verb(text, before[-1], value) \
            and not _in_own_clause(text, before[-1], value, values):
        return before[-1]
    if ahead is None and not before and after and _bracketed_subject_compared(text, value, after[0], values):
        return after[0]
    return ahead


# "CRS (any grade, 85%; grade ≥3, 10%)": a bracket opened right after a toxicity, still open at the value, that
# grades it
_GRADE_BRACKET_OPEN = re.compile(r"\s?[(\[][^()\[\]]*\bgrades?\b[^()\[\]]*", re.I)


def _in_grade_bracket(text: str, mention: Mention, value: Value) -> bool:
    """The value is one of the grades the toxicity's own bracket lists, whatever measure the sentence names after
    the bracket ("... was the most common toxicity")."""
    return mention.family in _TOXICITIES and "grade" in text[mention.end:value.start].lower() \
        and _GRADE_BRACKET_OPEN.fullmatch(text, mention.end, value.start) is not None


# "Blinatumomab (34%) yielded more CRs than chemotherapy (16%)": a subject's bracketed value, compared by "than"
# with a value after the endpoint, is the endpoint's.
_SUBJECT_BRACKET_BEFORE = re.compile(r"[A-Za-z][\w+\-/]*\s?\($")
_BARE_BRACKET_CLOSE = re.compile(r"\s?%?\s?\)")


def _bracketed_subject_compared(text: str, value: Value, mention: Mention, values: list[Value]) -> bool:
    """(Both values alone in brackets after their names, and no other value of their kind: not "Ph-positive ALL (20%)
    had a lower CR rate than Ph-negative ALL (60% vs 80%)", a share of the cohort.)"""
    kin = [v for v in values if v.kind == value.kind]
    if len(kin) != 2 or kin[0] is not value or kin[1].start < mention.end:
        return False
    return all(_SUBJECT_BRACKET_BEFORE.search(text, max(0, v.start - 40), v.start) is not None
               and _BARE_BRACKET_CLOSE.match(text, v.end) is not None for v in kin) \
        and " than " in text[mention.end:kin[1].start]


# "The CR rate was 60% and fever occurred in 30%", "CR was 60%; the need for transfusion (30%) was frequent": after
# a conjunction, the value's clause names a subject of its own before its verb ("occurred in", "was", a bracket;
# not a bare "in": "and arm B in 40%", "and T-ALL in 30%" name a group as often as an event).
# (Right after the mention, before any value of its, only a verb with its preposition: "HSCT and chronic GVHD
# occurred in 15%", not "The CR rates in first and second salvage were", the mention's own subject.)
# (A bracket after the subject only when a determiner, a semicolon or "with" sets it apart from a parallel group:
# "in first salvage (65%) and second salvage (61%)" goes on.)
_OWN_CLAUSE = re.compile(
    r"(?:(?P<apart>;\s?|,\s?with)|[,]\s?(?:and|but|while|whereas)?|\b(?:and|but|while|whereas))\s(?P<det>the\s|an?\s)?"
    r"(?P<head>(?!(?:and|but|or|while|whereas|was|were|is|are)\b)[A-Za-z][\w\-/≥≤<>+]*(?:\s[\w\-/≥≤<>+]+){0,6}?)\s"
    r"(?:(?P<verb>(?:(?:was|were|is|are|has been|have been|had been)\s)?(?:\w+ly\s)?(?:occurred|developed|persisted|"
    r"seen|observed|reported|noted|documented|diagnosed|required|needed|necessary|experienced|found|present)\s"
    r"(?:in|by|for)|affected)|was|were|(?P<bracket>[(\[]))\s?$", re.I)
# Subjects that go on stating the mention's value ("and the rate in arm B was 30%", not "the rate of dose
# reduction"; "and the median in arm B was", "and the estimated rate at 2 years was"; "and in Ph+ patients 40%",
# "with grade 3 or higher events in 13%", "being severe in 8%") or name a group of patients ("and those with Ph+ ALL
# in 40%"); a time point may come first ("and the 12-month rate was 50%", "; the 2-year estimate was").
_SAME_MEASURE_HEAD = re.compile(
    r"(?:(?:the|an?)\s\d+(?:[.·]\d+)?[-‐–](?:years?|yrs?|months?|mos?|weeks?|days?)\s)?"
    r"(?:(?:rates?|proportions?|percentages?|probabilit(?:y|ies)|likelihood|incidences?)(?!\sof\b)|medians?|means?|"
    r"estimated|estimates?|values?|figures?|corresponding|it|this|that|these|those|overall|in|at|"
    r"after|with|for|among|of|by|during|within|from|being|which|mostly|mainly|predominantly|including)\b|"
    r".*\b(?:patients?|pts|children|adults|subjects|arms?|groups?|cohorts?|subgroups?|cycles?|courses?)$|"
    r"(?:grades?\s?(?:>/?=|[≥>])?\s?\d\S*(?:\s(?:or|to|and)\s(?:higher|greater|above|\d\S*))?|severe|serious)"
    r"(?:\s(?:events?|cases|episodes|ones))?$", re.I)
_CLAUSE_WORDS = (",", ";", "and ", "but ", "while ", "whereas ")  # one of them is in every match of _OWN_CLAUSE


def _in_own_clause(text: str, mention: Mention, value: Value, values: list[Value]) -> bool:
    """Whether a clause of its own, with a subject that is not the mention, opens between the mention (or a value
    stated for it) and this value."""
    anchor = None
    for v in values:
        if mention.end <= v.start and v.end <= value.start:
            anchor = max(anchor or 0, _own_bracket_end(text, v))
    gap = text[mention.end if anchor is None else anchor:value.start]
    if not any(word in gap for word in _CLAUSE_WORDS):
        return False
    clause = _OWN_CLAUSE.search(gap)
    if clause is None or clause.group("bracket") and not (clause.group("apart") or clause.group("det")):
        return False
    return (anchor is not None or clause.group("verb") is not None) \
        and _SAME_MEASURE_HEAD.match(clause.group("head")) is None


def _subject_of_verb(text: str, value: Value) -> bool:
    """"5 (12%) received donor lymphocytes", "25% of patients had progressive disease": a count of patients, or a
    share of them, that a verb follows is that clause's subject (not "The CR rate of 70% was higher", a measure's
    value; nor "events (22% vs 9%) were more frequent", whose bracket is not the value's own)."""
    if value.count is not None:
        return _COUNT_THEN_VERB.match(text, _own_bracket_end(text, value)) is not None
    return value.kind == PERCENT and _SHARE_THEN_VERB.match(text, value.end) is not None


def _first_of_subject_shares(text: str, value: Value) -> bool:
    """"...; 30% and 10% of patients relapsed": the first of two shares whose second is the subject of a verb (no
    endpoint after them) is that clause's subject too."""
    if value.kind != PERCENT or value.count is not None:
        return False
    m = _SHARE_THEN_SHARE.match(text, value.end)
    return m is not None and _SHARE_THEN_VERB.match(text, m.end()) is not None


_SHARE_THEN_SHARE = re.compile(r"\s?%\s?(?:,\s?|\s)(?:and|or)\s\d+(?:\.\d+)?(?=\s?%)")
# The verb of a clause of its own; not one that grades the measure before it ("CRS in 60%; 5 (10%) were grade 3"),
# nor the passive or judgement that ends a list of a measure's values ("1- and 2-year OS of 60% and 45% were
# observed": the values are the subject's, not people who were something).
_CLAUSE_VERB = (r"(?:received|required|needed|had|have|developed|experienced|underwent|relapsed|died|remained|remain|"
                r"were(?!\s(?:observed|achieved|reported|noted|obtained|seen|recorded|documented|encouraging|promising|"
                r"comparable|similar)\b(?!\sto\b))|discontinued|progressed|showed|did)\b(?!\s(?:of\s)?(?:grades?|severe|mild|moderate|"
                r"fatal|serious|low-grade|high-grade)\b)")
_PEOPLE_NOUN = r"(?:patients?|pts|children|adults|subjects)"
_COUNT_THEN_VERB = re.compile(r"\s?(?:" + _PEOPLE_NOUN + r"\s)?" + _CLAUSE_VERB, re.I)
# ("and 30% required hospitalization", "30% of responders relapsed": the people may go unsaid or be the responders)
_SHARE_THEN_VERB = re.compile(r"\s?%\s?(?:of\s(?:the\s)?(?:patients?|pts|children|adults|subjects|responders|"
                              r"them)\s)?" + _CLAUSE_VERB, re.I)


def _may_introduce_example(before: str) -> bool:
    """A cheap necessary cue of _EXAMPLE_BEFORE (its words end with one of these letters before a space)."""
    return before.endswith(("g ", "s ", "y ", ", ", ". "))


_EXAMPLE_BEFORE = re.compile(r"\b(?:including|such\sas|notably|e\.g\.,?)\s$", re.I)
_VERB_BETWEEN = re.compile(r"\b(?:occurred|was|were|developed|observed|reported|seen|noted|experienced|had|affected)\b",
                           re.I)


def _example_across_verb(text: str, mention: Mention, value: Value) -> bool:
    """"Hepatotoxicity, including VOD, occurred in 13%": the value after the subject's verb is the broader measure's,
    not its instance's (which keeps "including VOD (5%)")."""
    return mention.example and _VERB_BETWEEN.search(text, mention.end, value.start) is not None


def _around(mentions: list[Mention], value: Value) -> tuple[list, list, list]:
    """The mentions that take the value: inside its span, before it and after it (one pass, `takes` once each)."""
    inside, before, after = [], [], []
    start, end = value.start, value.end
    for m in mentions:
        if m.end <= start:
            if m.takes(value):
                before.append(m)
        elif m.start >= end:
            if m.takes(value):
                after.append(m)
        elif (start < m.start and m.end <= end or value.count is not None or value.kind == COUNT) \
                and m.takes(value):
            # "15 CRs (60%)"; "Two deaths (4%) occurred within 30 days" (the mention spans the %); "During
            # induction, five patients (10%) died", "During induction, 2 patients died" (the mention spans the count)
            inside.append(m)
    return inside, before, after


def _opens_breakdown(text: str, mention: Mention, value: Value) -> bool:
    """A colon between a mention and the value after it: the value begins a breakdown ("responded: 36 (59%)
    achieved CR") when it is the subject of a later mention, which the callers check."""
    return text[mention.end:value.start].lstrip().startswith(":")


# "Twelve patients were bridged to allogeneic SCT": the subject and the passive's auxiliary before a transplant verb
# ("Of the 30 responders, 20 were bridged to transplant": the people may go unsaid)
_PASSIVE_SUBJECT_GAP = re.compile(r"(?:(?:patients?|pts|children|adults|subjects|responders)\s)?(?:were|was|could)"
                                  r"(?:\s(?:subsequently|successfully|eventually|then|later))?", re.I)


def _occurred_in(text: str, mention: Mention, value: Value) -> bool:
    """"CRS occurred in 20 patients": the count is the patients the endpoint occurred in, when nothing narrows them
    after it ("in 20 patients with Ph+ ALL" is a subgroup's count). A lead-in at the sentence's start ("Among the 25
    patients with Ph- ALL, CR was achieved in 15 patients") is its denominator."""
    gap = text[mention.end:value.start]
    # ("HSCT was subsequently performed in 14 patients": the passive transplant's span ends in its "in")
    passive = mention.family == "HSCT" and text.endswith(" in", 0, mention.end) and gap.isspace()
    if mention.family == "EARLY_DEATH" and not gap.startswith(" occurred"):
        gap = _past_death_window(gap)  # "Death within 60 days of treatment start occurred in 3 patients"
    if not (passive or _OCCURRED_IN.fullmatch(gap)):
        return False
    # ("HSCT was performed in 14 patients in first remission": the remission a transplant is given in narrows nobody)
    if not _CLAUSE_END_AFTER.match(text[value.end:]) \
            and not (mention.family == "HSCT" and _transplanted_in_remission(text, value)):
        return False
    value.occurred_in = True
    lead_in = _SENTENCE_LEAD_IN.match(text) or _SIZED_LEAD_IN.match(text)
    number = normalise.read_number(lead_in.group(1)) if lead_in else None
    if number is not None and number.is_integer and number.value >= value.value:
        value.denominator = number.value
    return True


# The rest of an early death's window before its verb: "(before day 30)", "of treatment start", "of the start of
# therapy", "after infusion"
_DEATH_WINDOW_REST = re.compile(r"\s?[(\[][^()\[\]]*[)\]]|\s(?:of|after|from|since)\s(?:the\s)?(?:[\w\-]+\s){0,2}?"
                                r"(?:start|initiation|onset|infusion|therapy|treatment|enrollment|induction|"
                                r"randomization|diagnosis)(?:\s(?:start|initiation|onset))?"
                                r"(?:\s(?:of\s)?(?:the\s)?(?:therapy|treatment|induction|infusion))?",
                                re.I)


def _past_death_window(gap: str) -> str:
    """The gap between an early death's mention and its count without the window's rest printed after the mention."""
    m = _DEATH_WINDOW_REST.match(gap)
    return gap[m.end():] if m else gap


# "... in 20 patients and [grade ≥3] neurotoxicity in 8": the join after the count of the clause before, then the
# modifiers of the next event.
_ELLIPTICAL_JOIN = re.compile(r"\s?(?:patients?|pts|children|adults|subjects)?\s?(?:[(\[][^()\[\]]*[)\]]\s?)?,?\s?and\s"
                              r"(?:(?:" + _GRADE_AT_LEAST + r"|severe|serious|any-grade)\s)?", re.I)


def _unbased_mrd_count(text: str, value: Value) -> bool:
    """An MRD count with no base of its own in a sentence naming another base than the cohort (responders, "of
    these", evaluable patients), unless the sentence opens pointing back to a count of the one before."""
    return value.denominator is None and _OTHER_BASE.search(text) is not None \
        and _OPENS_POINTING_BACK.match(text) is None and not _opens_count_of_them(text, value)


def _opens_count_of_them(text: str, value: Value) -> bool:
    """The value is the count opening its sentence as a part of "them" ("Ten of them were MRD negative")."""
    m = _COUNT_OF_THEM_OPENS.match(text)
    return m is not None and m.start("count") == value.start


def _elliptical_occurrence(text: str, before: list[Mention], value: Value) -> bool:
    """A count right after its event's bare "in", in a clause joined by "and" to a clause whose count the event
    before occurred in: the second clause leaves its verb out, and its count is its event's too."""
    mention = before[-1]
    if len(before) < 2 or text[mention.end:value.start] != " in " or not _CLAUSE_END_AFTER.match(text[value.end:]):
        return False
    earlier = [v for v in before[-2].values if v.occurred_in]
    if not earlier or _ELLIPTICAL_JOIN.fullmatch(text, earlier[-1].end, mention.start) is None:
        return False
    value.occurred_in = True
    return True


def _forward_target(text: str, value: Value, after: list[Mention], values: list[Value],
                    every: list[Mention]) -> Mention | None:
    """The later mention the value is the subject of. An unscored measure inside the subject ("83% of Ph+
    MRD-evaluable patients achieved an MRD response") is passed over unless the value binds to it. A mention that
    states its own value ("Patients with prior HSCT (n = 12, 30%) had a CR rate of 50%") takes no other."""
    for mention in after:
        if _binds_forward(text, value, mention, values):
            return None if _states_own_value(text, mention, values, after, every) else mention
        if mention.family not in ABSORBERS:
            return None
    return None


def _states_own_value(text: str, mention: Mention, values: list[Value], mentions: list[Mention],
                      every: list[Mention]) -> bool:
    """"... (n = 12, 30%) had a CR rate of 50%": the mention's own value follows it. Not when another mention comes
    first: "18 of 20 (90%) achieved CR/CRi, and the complete molecular response rate was 79%". A count and
    percentage read across another endpoint are that one's: "30 (75%) achieved CR/CRi: 22 CR (55%) and 8 CRi (20%)";
    a value after a semicolon is another clause's: "13 (52%) achieved CR and five (20%) CRi; the combined rate was
    72%". `mentions` are those that could take the value being placed, `every` all of the sentence's (a breakdown's
    endpoint need not take that value)."""
    following = next((v for v in values if v.start >= mention.end), None)
    if following is None or any(m is not mention and mention.end <= m.start < following.start for m in mentions):
        return False
    if _RELATIVE_AFTER.match(text, mention.end):  # "93% experienced CRS, which was grade ≥3 in 20%": a part of it
        return False
    if _SUM_TAIL.match(text, mention.end):  # "... and eight (20%) CRi, for a total of 28 (70%)": the sum's value
        return False
    if following.kind == COUNT and any(m.start >= following.end and not text[following.end:m.start].strip()
                                       for m in every):
        return False  # "28 (70%) responded (20 CR, 8 CRi)": a count right before its endpoint is that one's
    if _opens_breakdown(text, mention, following):
        later = next((m for m in every if m.start >= following.end), None)  # any endpoint, not only the value's
        if later is not None and _binds_forward(text, following, later, values):
            return False  # "43 (70%) responded: 36 (59%) achieved CR": the 59% begins the breakdown
    return mention.takes(following) and _direct(text, mention, following, values) \
        and ";" not in text[mention.end:following.start] and not _in_own_clause(text, mention, following, values) \
        and not any(following.start < m.start and m.end <= following.end for m in mentions)


# A sum after the last part of a breakdown: ", for a total of 28 (70%)", ", for an overall rate of 70%"
_SUM_TAIL = re.compile(r",\s(?:for|giving|yielding)\s(?:an?\s)?(?:total|overall|combined|composite)\b", re.I)
# (or a clause grading it: "30 (75%) experienced CRS, with grade 3 or higher in 4 (10%)")
_RELATIVE_AFTER = re.compile(r"\s?(?:[(\[][^()\[\]]*[)\]]\s?)?,\s?(?:which|that|of which|being|including|"
                             r"with\s(?:grades?|severe|serious)|mostly|mainly|predominantly)\b", re.I)


def _other_head(text: str, mention: Mention, value: Value) -> bool:
    """"CR rates (58% vs. 42%), renal dysfunction (0% vs. 17%)": the value's bracket follows another noun phrase,
    after the mention's own bracket has closed, so it belongs to that (unscored) measure."""
    open_at = max(text.rfind("(", mention.end, value.start), text.rfind("[", mention.end, value.start))
    if open_at == -1 or (_matching_close(text, open_at) or len(text)) <= value.start:
        return False
    head = _OTHER_HEAD.search(text[mention.end:open_at])
    # "... (27%) compared to DNR (10%)": an arm after a comparator, not another measure.
    return bool(head) and not _COMPARATOR.search(head.group(1)) \
        and not _parallel_group(text, mention.end, mention.end + head.start(), head.group(1))


# "in Ph-positive (65%) and Ph-negative (61%) patients", "between first (65%) and second (61%) salvage": the
# bracket before the head followed a group named after a preposition, and the head is a group of the same shape.
# A colon opens such a list too: "CR rates were as follows: first salvage (80%), second salvage (60%), ...".
_GROUP_BEFORE_BRACKET = re.compile(r"(?:\b(?P<p>in|between|among|for|with)|:)\s(?:the\s)?(?P<g>(?:[\w+\-]+\s){1,3})$")
_JOINED_AFTER_CLOSE = re.compile(r"[)\]]\s?(?:,\s?)?(?:and|or|versus|vs\.?)\s")
_WITHOUT_HEAD = re.compile(r"(?:(?:or|vs\.?|versus)\s)?without", re.I)  # "with (85%) or without (80%) X"
_ORDINALS = frozenset({"first", "second", "third", "later", "1st", "2nd", "3rd", "subsequent"})
# A middle item of a bracketed list: "), second salvage (" closes the item before it and names its own group.
_LISTED_ITEM_BEFORE = re.compile(r"[)\]]\s?,\s?(?P<item>(?:[\w+\-]+\s){1,3})$")


def _parallel_group(text: str, start: int, close: int, head: str) -> bool:
    """Whether the bracket closing at `close` opened after a group named after a preposition that `head` pairs
    with: both opening with ordinals ("first", "second or later"), two attributes of one stem ("Ph-positive",
    "Ph-negative"), two phrases of one noun ("first salvage", "second salvage") or two populations ("in children
    (90%) and adults (85%)"). A third item pairs with the first ("in first salvage (75%), second salvage (60%) and
    later salvage (40%)")."""
    open_at = text.rfind("(", start, close)
    if _WITHOUT_HEAD.fullmatch(head.strip()) and open_at != -1 and text[:open_at].rstrip().endswith(" with"):
        return True  # "similar in patients with (85%) and without (80%) prior HSCT"
    group = _GROUP_BEFORE_BRACKET.search(text, start, open_at) if open_at != -1 else None
    earlier = _LISTED_ITEM_BEFORE.search(text, start, open_at) if group is None and open_at != -1 else None
    if earlier is not None:  # the bracket closed a middle item: pair with the item before it
        return _parallel_group(text, start, earlier.start() + 1, earlier.group("item"))
    if group is None:
        return False
    first, second = group.group("g").lower().split(), head.lower().split()
    if first[0] in _ORDINALS and second[0] in _ORDINALS:  # "between first (65%) and second or later (48%) salvage"
        return True
    if len(first) == len(second) == 1 and subgroups.population_word(first[0]) and subgroups.population_word(second[0]):
        return first[0] != second[0]
    if group.group("p") == "with":  # "similar with blinatumomab (8.0 months) and inotuzumab (7.0 months)": treatments
        return len(first) == len(second) == 1 and first[0] != second[0] \
            and _JOINED_AFTER_CLOSE.match(text, close) is not None
    if len(first) != len(second):
        return False
    if len(first) > 1:
        return first[-1] == second[-1] and first[0] != second[0]
    return "-" in first[0] and first[0].split("-")[0] == second[0].split("-")[0] and first[0] != second[0]


def _own_bracket_end(text: str, value: Value) -> int:
    """Where the bracket opened inside a value ("31 (78") closes; the value's end when it opened none."""
    inner = text[value.start:value.end]
    opened = max(inner.rfind("("), inner.rfind("["))
    if opened == -1 or inner.count(")") + inner.count("]") >= inner.count("(") + inner.count("["):
        return value.end
    return _matching_close(text, value.start + opened) or value.end


def _between(values: list[Value], start: int, end: int, value: Value) -> bool:
    return any(start <= v.start < end and v is not value for v in values)


def _direct(text: str, mention: Mention, value: Value, values: list[Value]) -> bool:
    """"CR rate was 40%", "OS (25%)": nothing but linking words between a mention and its value."""
    gap = text[mention.end:value.start]
    if gap == " " and value.kind == PERCENT and value.count is None:  # "(CR 61%)", "CR 61%, CRi 20%": a label and its rate
        return _LABELLED_RATE_END.match(text, value.end) is not None
    return len(gap) <= 80 and not _between(values, mention.end, value.start, value) and bool(_LINK_BEFORE.search(gap))


_LABELLED_RATE_END = re.compile(r"\s?%\s?(?:[),;\]]|$)")


def _binds_forward(text: str, value: Value, mention: Mention, values: list[Value]) -> bool:
    # "34 (79%; 95% CI, 66 to 92%) achieved CR": the rest of the value's own bracket is its CI, not a gap.
    gap = text[min(_own_bracket_end(text, value), mention.start):mention.start]
    if len(gap) > 100 or ";" in gap and ";" in _after_bracket(gap):  # "60% (95% CI: 41%-77%; 18 of 30) responded"
        return False
    if value.kind == DURATION and mention.median and _HYPHENATED_MEDIAN_GAP.fullmatch(gap):
        return True  # "a 9.5-month median OS"
    # Values in between are allowed only as a parallel list ("51% of A and 41% of B achieved CR").
    between = [v for v in values if value.end <= v.start < mention.start]
    if any(v.kind != value.kind for v in between):
        return False
    if between:  # "Three older responders (15%) and 61 younger responders (59%) proceeded to HSCT"
        # (not "Twelve patients (30%) required ICU admission and 24 (60%) achieved CR": a clause's subject)
        link = text[_own_bracket_end(text, value):between[0].start]
        if not (_LIST_LINK.search(link) or _RESTATED_SHARE.fullmatch(text, value.end, between[0].start)
                or _ARM_SHARE_LINK.fullmatch(text, value.end, between[0].start)) \
                or _subject_of_verb(text, value) or _PASSIVE_OBJECT_BEFORE.search(text, 0, value.start):
            return False
        gap = text[min(_own_bracket_end(text, between[-1]), mention.start):mention.start]
    bare = gap.strip(" )]([%")
    if value.kind == PERCENT and bare.startswith("per"):  # "Forty percent proceeded to HSCT": the word is the value's
        bare = _PERCENT_AFTER.sub("", gap, count=1).strip(" )]([%")
    if value.kind == PERCENT and (_SHARE_OF.fullmatch(bare) or (_SHARE_OF_GROUP.fullmatch(bare)
                                                               or _ARM_PEOPLE.fullmatch(bare)
                                                               and (between or _after_arm_share(text, value)))
                                  and _VERBAL_START.match(text, mention.start)):
        return True  # "43% of patients proceeded to HSCT", "45% of patients with T-ALL received HSCT": the verb is inside
    # The verb comes after any bracket in between ("22% (95% CI, 14%-30%) of them remained"); one after a bracket
    # that closed the value's clause is another clause's: "(60% vs 40%) was significant (P = .01) and OS was".
    if mention.family not in ("MRD_NEG", "OTHER") and _OF_WHOM_GAP.fullmatch(bare):
        return True  # "Thirty responded; 12 of them proceeded to HSCT" (the span opens with its verb)
    return not bare or bool(_SUBJECT_GAP.fullmatch(bare)) or bool(_FORWARD_VERB.search(gap, gap.rfind(")") + 1)) \
        or value.denominator is None and _in_remission_subject(text, bare, mention) \
        or value.kind == COUNT and mention.family in _TOXICITIES and _CASES_OF_GAP.fullmatch(bare) is not None


# "Twelve patients (30%) in CR underwent HSCT", "12 patients in first remission were transplanted": the remission
# the transplanted patients were in, between the subject and the transplant's verb, is no subgroup of the cohort
# (a transplant is given in remission): the value is the cohort's transplant rate. Only for HSCT: "12 (30%) in CR
# were MRD-negative" is a share of responders as often as of the cohort.
_REMISSION_STATE = (r"(?:(?:a|their|first|second|third|1st|2nd|3rd)\s)?(?:(?:MRD-negative|complete|morphologic(?:al)?)\s)?"
                    r"(?:CR[123]?|CR/CRi|CRi|remission|complete\sremission)")
_IN_REMISSION_GAP = re.compile(r"(?:(?:patients?|pts|children|adults)\s)?(?:(?:who\swere|while|still)\s)?in\s"
                               + _REMISSION_STATE + r"(?:\s(?:subsequently|successfully|eventually|then|later))?"
                               r"(?:\s(?:were|was))?", re.I)
# the arm reader's label of such a subject ("first remission", "CR subsequently"): no group of the cohort
_REMISSION_LABEL = re.compile(_REMISSION_STATE + r"(?:\s(?:subsequently|successfully|eventually|then|later))?", re.I)


# "performed in 14 patients (35%) in first CR", "in 14 patients while in remission": the state after a transplant's count
_IN_REMISSION_AFTER_COUNT = re.compile(r"\s?(?:patients?|pts|children|adults)?\s?(?:[(\[][^()\[\]]*[)\]]\s?)?"
                                       r"(?:(?:who\swere|while)\s)?in\s" + _REMISSION_STATE + r"(?=\s?[.,;)]|$)", re.I)


def _transplanted_in_remission(text: str, value: Value) -> bool:
    """The transplant's count is followed by the one remission it was given in (not "12 in CR1 and 8 in CR2": parts)."""
    m = _IN_REMISSION_AFTER_COUNT.match(text, value.end)
    return m is not None and _REMISSION_WORD.search(text, m.end()) is None


def _remission_subject(text: str, value: Value, mention: Mention) -> bool:
    """The value is the subject of the transplant with only the remission its patients were in between."""
    gap = text[_own_bracket_end(text, value):mention.start].strip(" )]([%")
    return value.start < mention.start and _in_remission_subject(text, gap, mention)


def _in_remission_subject(text: str, gap: str, mention: Mention) -> bool:
    return mention.family == "HSCT" and _IN_REMISSION_GAP.fullmatch(gap) is not None \
        and _VERBAL_START.match(text, mention.start) is not None


# "A donor was identified for 12 patients (30%), and 10 (25%) underwent HSCT": a value after a passive verb and its
# preposition is that clause's, not the first subject of a parallel list.
_PASSIVE_OBJECT_BEFORE = re.compile(r"\b(?:was|were|been)\s(?:\w+ly\s)?[a-z]+(?:ed|en|wn|und)\s(?:for|in|among|by)\s"
                                    r"(?:the\s|a\stotal\sof\s)?$")
_ARM_SHARE_BEFORE = re.compile(r"[\dA-Za-z]" + _ARM_SHARE_LINK.pattern + r"$")


def _after_arm_share(text: str, value: Value) -> bool:
    """"41% of patients in the A arm and 11% in the B arm": the value follows another arm's share of patients."""
    return _ARM_SHARE_BEFORE.search(text, max(0, value.start - 90), value.start) is not None


def _share_conjoined(text: str, mentions: list[Mention]) -> None:
    """"1-year EFS and OS were 43%", "Median OS and EFS were not reached": one value stated for two endpoints joined
    by "and" goes to both."""
    for a, b in zip(mentions, mentions[1:]):
        if not a.values and len(b.values) == 1 and b.values[0].kind in (PERCENT, NOT_REACHED) and a.takes(b.values[0]) \
                and a.family in SURVIVAL and b.family in SURVIVAL and _CONJOINED.fullmatch(text[a.end:b.start]):
            a.values.append(b.values[0])


def _negated_zeros(sent: Sentence, mentions: list[Mention], context: ArticleContext) -> None:
    """"No patient developed VOD", "no case of hepatic VOD was reported", "with no CRs observed": a zero rate
    (SCHEMA: value 0, count 0) for a rate endpoint that took no value, when the words between the cue and the
    endpoint say the endpoint itself did not occur (not "patients with no CR had...", a subgroup)."""
    text, base = sent.text, sent.start_char
    for cue in sent.labelled("NEGATION"):
        start, end = cue.start_char - base, cue.end_char - base
        if cue.id_ == "AFTER":
            _zero_before(text, start, end, mentions)
            continue
        if _dies_inside(text, start, end, mentions):
            continue
        # (the target after the cue, or an overall response whose span opens with it: "No responses were seen")
        target = next((m for m in mentions if m.start >= end or m.start == start and m.family == "ORR"), None)
        if target is None and text[start:end].lower() == "none":
            _zero_beside_value(text, start, end, mentions)
            continue
        if target is not None:  # the cue word itself read as a count ("no" in a number-word list) is not a value
            target.values = [v for v in target.values if not start <= v.start < end]
        if target is None or target.family not in RATES or target.qualifier:
            continue
        listed = _negated_list(text, mentions, target)
        last = listed[-1] if listed else target
        # a number in the subject is its size, not the endpoint's count: "None of the 12 patients responded"
        if not all(end <= v.start < target.start for v in target.values):
            continue
        if _denies(text, start, end, Mention(target.family, target.start, last.end, False)):
            # the zero reaches over its verb, so the group after it is its own ("No CRS occurred in the SOC group")
            verb = _ZERO_VERB_AFTER.match(text, last.end)
            zeroed = set()
            for mention in [target, *listed]:
                if mention.family not in zeroed:  # "No VOD or SOS": one endpoint named twice, one zero
                    zeroed.add(mention.family)
                    mention.values = [Value(ZERO, 0.0, start, verb.end() if verb else mention.end, count=0.0)]
        elif not listed:
            _subgroup_zero(text, start, end, target, context)


# "VOD occurred in 6 patients (10%) in the InO group and none in the SC group": after a value of the same clause, a
# "none" joined to it and followed by its group is that group's zero.
_BESIDE_VALUE_GAP = re.compile(r"[^;()]{0,60}?(?:,\s?(?:and|but|while|whereas|vs\.?|versus)?|\b(?:and|but|while|whereas|vs\.?|"
                               r"versus|compared\s(?:with|to)))\s$", re.I)
_GROUP_AFTER_NONE = re.compile(r"\s?(?:of\s(?:the\s)?patients\s)?" + _IN_ARM + r"|\s(?:in|among|with)\s(?:the\s)?[\w+\-]+",
                               re.I)


def _zero_beside_value(text: str, start: int, end: int, mentions: list[Mention]) -> None:
    before = [m for m in mentions if m.end <= start and m.values and m.family in RATES]
    if not before or _GROUP_AFTER_NONE.match(text, end) is None:
        return
    mention = before[-1]
    last = max(mention.values, key=lambda v: v.end)
    if last.end > start or any(last.end <= m.start < start for m in mentions):
        return
    if _BESIDE_VALUE_GAP.fullmatch(text, _own_bracket_end(text, last), start):
        mention.values.append(Value(ZERO, 0.0, start, end, count=0.0))


# "Grade 3 or higher CRS was not observed", "VOD did not occur in any patient": the cue after its subject, which
# opens its clause (modifiers only before it) and is not named as a group's ("CR was not observed in patients with
# TP53 mutations").
_ZERO_SUBJECT_BEFORE = re.compile(r"(?:^|[;,:]\s?(?:and\s|but\s|while\s|whereas\s)?|\b(?:and|but|while|whereas)\s)"
                                  r"(?:(?:the|any)\s)?(?:" + _MODIFIER + r"\s)*$", re.I)
_ZERO_CLAUSE_END = re.compile(r"(?P<scope>\s(?:in|among)\s(?:any|all)\s(?:of\s(?:the|our|these)\s)?(?:[\w-]+\s)?(?:patients?|pts|"
                              r"children|adults|subjects|cases)|\s(?:in|during)\s(?:this|our|the)\s(?:study|trial|cohort|series))?"
                              # "CRS occurred in no patients in the chemotherapy arm": that arm's zero
                              r"(?:\s" + _IN_ARM + r")?\s?(?:[.;,]|$)", re.I)
_ZERO_SUBJECT_GAP = re.compile(r"\s?(?:\([^()]*\)\s?)?")


_ZERO_SUBJECT_LINK = re.compile(r"\s?(?:,\s?(?:(?:or|and|nor)\s)?|\s(?:or|and|nor)\s)(?:(?:any|the)\s)?(?:" + _MODIFIER
                                + r"\s)*", re.I)


def _zero_before(text: str, start: int, end: int, mentions: list[Mention]) -> None:
    """A zero for the rate endpoints that are the subject of a negation cue after them (and those listed before
    them: "VOD and grade ≥3 CRS were not observed")."""
    before = [m for m in mentions if m.end <= start]
    clause_end = _ZERO_CLAUSE_END.match(text, end)
    if not before or clause_end is None or not _ZERO_SUBJECT_GAP.fullmatch(text, before[-1].end, start):
        return
    subjects = [before[-1]]
    while len(subjects) < len(before) and _ZERO_SUBJECT_LINK.fullmatch(
            text, before[-len(subjects) - 1].end, subjects[-1].start):
        subjects.append(before[-len(subjects) - 1])
    if not _ZERO_SUBJECT_BEFORE.search(text, 0, subjects[-1].start):
        return
    if any(m.family not in RATES or m.values or m.qualifier for m in subjects):
        return
    end = clause_end.end("scope") if clause_end.group("scope") else end  # "in any patient" names no group
    for mention in subjects:
        mention.values = [Value(ZERO, 0.0, mention.start, end, count=0.0)]


# "During induction, no patient died": the cue inside an endpoint that is the subject's verb.
_DIED_AFTER_CUE = re.compile(_NEGATED_PEOPLE + r"\sdied", re.I)


def _dies_inside(text: str, start: int, end: int, mentions: list[Mention]) -> bool:
    """Whether the cue is inside an early-death mention whose words after it are the negated subject and its
    verb; that mention, when it took no value, is then a zero."""
    inside = next((m for m in mentions if m.start < start and end < m.end), None)
    if inside is None or inside.family != "EARLY_DEATH" or not _DIED_AFTER_CUE.fullmatch(text, end, inside.end):
        return False
    if not inside.values:
        inside.values = [Value(ZERO, 0.0, start, inside.end, count=0.0)]
    return True


# "None of the eight patients with TP53 mutation responded", "No patient with T-ALL achieved CR": the subject names
# a subgroup (then its verb, unless the endpoint is the verb).
_NEGATED_GROUP = re.compile(
    r"\s(?:of\s(?:the\s)?)?(?:(?P<size>[\w-]+)\s)?(?P<group>(?:patients?|pts|subjects|children|adults)\s"
    r"(?:with|without|aged|older|younger|harbou?ring|carrying)\s[^,;()]{1,50}?)"
    r"(?P<verb>\s(?:developed|experienced|had|achieved|attained|reached|obtained))?\s(?:an?\s)?", re.I)


def _subgroup_zero(text: str, start: int, end: int, target: Mention, context) -> None:
    """A zero of the subgroup the negated subject names (SCHEMA: per named subgroup), its size the denominator.
    Not of a group in a response state ("No patient in CR relapsed") or one that is the whole cohort."""
    m = _NEGATED_GROUP.fullmatch(text, end, target.start)
    if m is None or not (m.group("verb") or _VERBAL_START.match(text, target.start)):
        return
    label = _named_subgroup(m.group("group"), context)
    if label is None:
        return
    size = normalise.read_number(m.group("size"), context.words) if m.group("size") else None
    denominator = size.value if size is not None and size.is_integer and size.value > 0 else None
    target.values = [Value(ZERO, 0.0, start, target.end, count=0.0, denominator=denominator, group=label)]


# "All responders were MRD-negative", "all patients who had a response were found to be negative for MRD", "MRD was
# undetectable in all responding patients": the responders' MRD negativity is 100% (gold: value 100, computed).
# (also "with all patients who had a response found to be negative for MRD", "All patients who responded were MRD
# negative", "MRD negativity was achieved in all responders")
_ALL_RESPONDERS = (r"(?<![Nn]ot\s)\b[Aa]ll\s(?:the\s)?(?:(?:\d+|evaluable)\s)?(?:responders|responding\spatients|"
                   r"patients\swho\s(?:had\s)?responded|patients\s(?:who\s"
                   r"(?:had\s|achieved\s|attained\s)?|with\s|in\s)(?:an?\s)?(?:response|CR|CR/CRi|complete\sremission"
                   r"|remission)s?(?:\sto\s(?:treatment|therapy))?)")
_ALL_RESPONDERS_BEFORE = re.compile(_ALL_RESPONDERS + r"\s(?:(?:were|had|achieved|became)\s(?:found\sto\sbe\s)?|"
                                    r"(?:found|confirmed)\sto\sbe\s)"
                                    r"(?:(?:negative|undetectable)\sfor\s|an?\s)?$")
_IN_ALL_RESPONDERS_AFTER = re.compile(r"\s(?:was|were)\s(?:undetectable|negative|achieved|attained|observed)\sin\s"
                                      + _ALL_RESPONDERS + r"\b")
_ALL_RESPONDERS_ANYWHERE = re.compile(_ALL_RESPONDERS)


def _all_responders_cue(text: str, mentions: list[Mention]) -> bool:
    """A cheap necessary cue of `_all_responders_negative`, for sentences without a number."""
    return any(m.family == "MRD_NEG" for m in mentions) and _ALL_RESPONDERS_ANYWHERE.search(text) is not None


def _all_responders_negative(text: str, mentions: list[Mention]) -> None:
    if "ll " not in text:  # a cheap necessary cue: "All"/"all" before a space
        return
    for mention in mentions:
        if mention.family != "MRD_NEG" or mention.values or mention.qualifier:
            continue
        before = _ALL_RESPONDERS_BEFORE.search(text, max(0, mention.start - 110), mention.start) \
            or _all_of_the_responses(text, mention, mentions)
        after = _IN_ALL_RESPONDERS_AFTER.match(text, mention.end)
        if before or after:
            start, end = (before.start(), before.end()) if before else (after.start(), after.end())
            mention.values = [Value(PERCENT, 100.0, start, end, computed=True, group="responders")]


# "61 (81%) achieved CR or CRi, all of whom were MRD negative", "achieved CR; all were MRD-negative": an
# appositive "all" after a stated response rate says every responder was MRD-negative.
_ALL_OF_WHOM_BEFORE = re.compile(r"[,;]\s(?:and\s)?all\s(?:of\s(?:whom|them|these)\s)?(?:(?:were|was|had|achieved|attained|"
                                 r"being|with)\s)?(?:(?:found|confirmed)\sto\sbe\s)?(?:an?\s)?$", re.I)


def _all_of_the_responses(text: str, mention: Mention, mentions: list[Mention]) -> re.Match | None:
    m = _ALL_OF_WHOM_BEFORE.search(text, max(0, mention.start - 50), mention.start)
    if m is None:
        return None
    # the response rate stated right before, in the same clause
    at = m.start()
    stated = [r for r in mentions if r.family in _RESPONSES and r.values and r.end <= at and ";" not in text[r.end:at]]
    return m if stated else None


# "No grade 3 or higher CRS or neurotoxicity occurred", "No VOD, CRS or early death": the endpoints a negation lists.
_NEGATED_LIST_LINK = re.compile(r"\s?(?:,\s?(?:(?:or|and|nor)\s)?|\s(?:or|and|nor)\s)(?:(?:any|severe|grade\s\S+)\s)?")


def _negated_list(text: str, mentions: list[Mention], target: Mention) -> list[Mention]:
    """The rate mentions listed right after the negated target, each joined to the one before by a comma or a
    conjunction, with no value of their own."""
    listed, previous = [], target
    for mention in mentions[mentions.index(target) + 1:]:
        if mention.family not in RATES or mention.values or mention.qualifier \
                or not _NEGATED_LIST_LINK.fullmatch(text, previous.end, mention.start):
            break
        listed.append(mention)
        previous = mention
    return listed


_ZERO_VERB_AFTER = re.compile(r"(?:\sof\s(?:any\s)?" + _GRADE_AT_LEAST + r")?\s(?:(?:was|were)\s)?"
                              r"(?:occurred|observed|seen|reported|developed|noted|documented)\b", re.I)  # ("No CRS of grade 3 or higher occurred": the grade names no group)


def _denies(text: str, start: int, end: int, target: Mention) -> bool:
    """Whether the negation cue at start:end says the target endpoint itself did not occur."""
    gap, after = text[end:target.start], text[target.end:]
    if text[start:end].lower() == "neither":  # "Neither VOD nor CRS was observed" ("neither patient": two patients)
        return _NEGATION_MODIFIERS.fullmatch(gap) is not None and _NEGATED_AFTER.match(after) is not None
    if _NEGATED_SUBJECT.fullmatch(gap):
        return True
    if (_NEGATED_PEOPLE_ONLY.fullmatch(gap) or gap == " " and text[start:end].lower() == "none") \
            and _VERBAL_START.match(text, target.start):
        return True
    if text[start:end].lower() == "none" and _NEGATED_VERB.fullmatch(gap):
        return True
    return _NEGATION_MODIFIERS.fullmatch(gap) is not None and (
        _NEGATED_AFTER.match(after) is not None or _THERE_WERE_BEFORE.search(text, max(0, start - 20), start) is not None
        or _OBSERVED_INSIDE.search(text, target.start, target.end) is not None)


# ----------------------------------------------------------------------------------------------------- outcomes


def _outcomes(sent: Sentence, section: str, mentions: list[Mention], timepoints, context, scope=(None, False),
              avoid=()) -> list[dict]:
    outcomes = []
    months = [m for t in timepoints for m in t.months]
    stated = evidence(sent.doc, section, *_clause(sent))  # the same for every outcome of the sentence
    every_arm_lead = _EACH_ARM_LEADS.match(sent.text)
    each_word = _may_have_each(sent.text)  # a cheap necessary cue of _IN_EACH_ARM
    bracketed: list[tuple[Value, dict]] = []  # each value with its outcome, for _arm_of_shared_bracket
    for mention in mentions:
        if mention.family in ABSORBERS or not mention.values:
            continue
        # values zipped with the time points ("OS at 2 and 5 years was 19% and 13%") are one group's (see _timepoint)
        zipped = len(mention.values) > 1 and len(set(months)) == len(months) == len(mention.values)
        period = _time_point_runs(sent.text, mention.values, timepoints) if len(months) > 1 and not zipped else None
        arms = _arm_labels(sent.text, mention.values, context, scope, avoid, zipped)
        if mention.family in _TOXICITIES and _graded(sent.text, mention.values, arms):
            arms = _arm_labels(sent.text, mention.values[:1], context, scope, avoid) * len(arms)
        if mention.family == "HSCT":  # "Twelve (30%) in first remission proceeded to HSCT": the cohort's
            arms = ["all" if _REMISSION_LABEL.fullmatch(label) and (_remission_subject(sent.text, value, mention)
                                                                     or value.occurred_in
                                                                     and _transplanted_in_remission(sent.text, value))
                    else label for label, value in zip(arms, mention.values)]
        if mention.family == "HSCT" and _transplants_in_remission(sent.text, mention.values, arms):
            arms = _arm_labels(sent.text, mention.values[:1], context, scope, avoid) + [None] * (len(arms) - 1)
        for i, value in enumerate(mention.values):
            index, total = (i % period, period) if period else (i, len(mention.values))
            if arms[i] is None:  # a part of the transplants before it (see _transplants_in_remission)
                continue
            outcome = _outcome(sent, stated, mention, value, timepoints, index, total, context,
                               _arm_size(arms[i], context) if value.kind == COUNT else None)
            if outcome is None:
                continue
            every_arm = each_word and _IN_EACH_ARM.match(sent.text, value.end) or every_arm_lead
            outcome["arm"] = value.group or ("all" if every_arm and arms[i] in _EVERY_ARM_WORDS else arms[i])
            if outcome["arm"] == "all" and value.denominator is not None and not every_arm:
                outcome["arm"] = _group_of_fraction(sent.text, value, context, outcome["endpoint"]) or "all"
            outcomes.append(outcome)
            bracketed.append((value, outcome))
            if every_arm and outcome["arm"] == "all":
                outcomes += _for_each_arm(outcome, context)
    if len(bracketed) > 1 and "(" in sent.text and context.arm_index is not None and context.arm_index.multi_arm:
        _arm_of_shared_bracket(sent.text, bracketed, context)
    return outcomes


def _arm_of_shared_bracket(text: str, pairs: list[tuple[Value, dict]], context) -> None:
    """"with InO (CR/CRi = 73%; MRD = 81%) versus SC (...)": a value left to the whole cohort inside the bracket
    whose other values are one study arm's is that arm's too."""
    own = {arm.label for arm in context.arm_index.arms if not arm.historical}
    by_bracket: dict[int, list[dict]] = {}
    for value, outcome in pairs:
        opened = text.rfind("(", 0, value.start)
        if opened != -1 and text.find(")", opened, value.start) == -1:
            by_bracket.setdefault(opened, []).append(outcome)
    for outcomes in by_bracket.values():
        arms = {o["arm"] for o in outcomes if o["arm"] != "all"}
        if len(arms) == 1 and arms <= own:
            for outcome in outcomes:
                if outcome["arm"] == "all":
                    outcome["arm"] = next(iter(arms))


_TOXICITIES = frozenset({"CRS", "NEURO", "VOD"})
_GRADE_WORDS = re.compile(r"\b(?:grades?|severe|serious|life-threatening|fatal|mild|moderate)\b", re.I)


def _graded(text: str, values: list[Value], labels: list[str]) -> bool:
    """"Neurotoxicity was observed in 15 patients (30%), being severe in 4 (8%)": values of one toxicity that the
    arms reader could only number ("group 1", "group 2") and that a grade or severity word sets apart are grades of
    the same group's toxicity (SCHEMA: each a value of the endpoint), not groups."""
    if len(values) < 2 or not all(label.startswith("group ") for label in labels):
        return False
    if _GRADE_LIST_BEFORE.search(text, max(0, values[0].start - 80), values[0].start):
        return True  # "Rates of any-grade and grade ≥3 CRS were 85% and 10%": the grades listed before the values
    return all(_GRADE_WORDS.search(text, a.end, b.start) or _GRADE_AFTER_VALUE.match(text, b.end)
               for a, b in zip(values, values[1:]))


# "any-grade and grade ≥3", "all grades and grade 3-4", "any and severe": two grades listed, zipped with the values
_GRADE_LIST_BEFORE = re.compile(r"\b(?:(?:any|all)[-\s]grades?|grades?\s?[1-4](?:\s?[-–/]\s?[2-5])?)\s(?:and|or|vs\.?|versus|,)\s"
                                r"(?:of\s)?(?:severe\b|grades?\b|[≥>]\s?grade)|\bany\s(?:and|or)\s(?:severe|grade)\b", re.I)
# "..., including 4 (10%) with grade 3 or higher": the later value's grade named right after it
_GRADE_AFTER_VALUE = re.compile(r"\s?%?\s?[)\]]?\s?(?:patients\s?)?(?:[(\[][^()\[\]]*[)\]]\s?)?\s?"
                                r"(?:with|(?:of\s(?:which|whom|them)\s)?(?:were|was|had)|of|at|being)\s"
                                r"(?:an?\s)?(?:grades?|severe|serious|life-threatening|fatal)\b", re.I)


# "10 (25%) in first CR", "4 in CR2": a value followed by the remission it was given in
_IN_REMISSION_AFTER = re.compile(r"\s?%?\s?[)\]]?\s(?:of\s(?:them|these|whom)\s)?(?:(?:were|was)\s)?(?:transplanted\s)?(?:while\s)?in\s(?:a\s|their\s)?"
                                 r"(?:(?:first|second|third|1st|2nd|3rd)\s)?(?:CR|complete\sremission|remission|MRD-negative"
                                 r"\s(?:CR|remission))\d?\b|\s?%?\s?[)\]]?\s(?:in\s)?CR[123]\b"
                                 # the last part often the patients not in remission: "and 4 (10%) with active disease"
                                 r"|\s?%?\s?[)\]]?\s(?:of\s(?:them|these|whom)\s)?(?:with\s(?:active|refractory|persistent|"
                                 r"residual|overt)\sdisease|in\s(?:relapse|PR|partial\sremission)|not\sin\s(?:CR|remission)|"
                                 r"without\s(?:CR|remission))\b", re.I)


def _transplants_in_remission(text: str, values: list[Value], labels: list[str]) -> bool:
    """"Fourteen (35%) proceeded to HSCT, 10 (25%) in first CR": values of one transplant that the arms reader could
    only number ("group 1", "group 2"), every later one given the remission it was done in, break the first down:
    the first is the cohort's transplant rate, the later ones parts of it (no rate of the cohort, nor of a group
    the abstract names), so they are left out."""
    return len(values) > 1 and labels[0].startswith("group ") \
        and all(_IN_REMISSION_AFTER.match(text, v.end) for v in values[1:]) \
        and not _REMISSION_WORD.search(text, values[0].end, values[1].start)


# "Fourteen (35%) proceeded to HSCT in CR1, and 10 (25%) in CR2": the first is itself a part, not the whole
_REMISSION_WORD = re.compile(r"\b(?:CR\d?|remissions?)\b", re.I)


# "Three of 15 transplanted patients (20%) developed VOD", "in 4 of 5 patients with Ph-positive ALL": the people a
# fraction counts, up to its bracket, clause end or verb.
_OF_N = re.compile(r"\s(?:out\s)?of\s(?:the\s)?(?:\d+|[a-z]+(?:-[a-z]+)?)$", re.I)  # "4 of 5", "four of five"
_PEOPLE = r"(?:[\w+\-]+\s){0,3}?(?:patients|children|adults|subjects)"  # "transplanted patients"
_PEOPLE_AFTER = re.compile(r"\s(?P<g>" + _PEOPLE + r"(?:\s(?:with|in|aged|who\s(?:had|were|received|underwent))\s"
                           r"[^,;()]{1,40}?)?)(?=\s?[,;.(]|\s(?:had|achieved|attained|developed|experienced|were|was|died|"
                           r"proceeded|underwent|responded|relapsed)\b|$)")
_PEOPLE_BEFORE_PERCENT = re.compile(r"\s(?:out\s)?of\s(?:the\s)?(?P<n>\d+|[a-z]+(?:-[a-z]+)?)\s(?P<g>" + _PEOPLE
                                    + r"(?:\s(?:with|in|aged)\s[^,;()]{1,40}?)?)\s?[(\[]$")

_GROUP_AFTER_BRACKET = re.compile(r"\s?%?\s?[)\]](?P<g>\s(?:with|aged)\s[^,;()]{1,40}?)(?=\s?[,;.(]|\s(?:had|achieved|attained|"
                                  r"developed|experienced|were|was|died|proceeded|underwent|responded|relapsed)\b|$)")


def _group_of_fraction(text: str, value: Value, context, endpoint: str = "") -> str | None:
    """The subgroup a fraction counts when it is not the whole cohort: the N after "of" differs from the cohort's
    size and the people named after it are a group ("Three of 15 transplanted patients (20%) developed VOD" in a
    cohort of 40: transplanted). With no cohort size known, or the cohort's N, the fraction is the cohort's. The
    responders' transplant rate is theirs ("Twenty-one of 23 responders underwent HSCT", as "Of the 23 responders, 21
    underwent HSCT" is), their MRD negativity the cohort's."""
    size = context.cohort_size
    if size is None or value.denominator == size:
        return None
    if value.kind == FRACTION and _OF_N.search(text, value.start, value.end):
        m = _PEOPLE_AFTER.match(text, value.end) or (_RESPONDERS_AFTER.match(text, value.end) if endpoint == "HSCT" else None)
    elif value.kind == PERCENT:  # "Three of 15 transplanted patients (20%)": the people before the percentage's bracket
        bracket = max(text.rfind("(", value.start, value.end), text.rfind("[", value.start, value.end))
        m = _PEOPLE_BEFORE_PERCENT.search(text, value.start, bracket + 1) if bracket != -1 else None
        if m is None and bracket != -1 and endpoint == "HSCT":  # "Twenty-one of 23 responders (91%) underwent HSCT"
            m = _RESPONDERS_BEFORE_PERCENT.search(text, value.start, bracket + 1)
        m = m if m and _number_is(m.group("n"), value.denominator, context.words) else None
        after = _GROUP_AFTER_BRACKET.match(text, value.end) if m and m.group("g").isalpha() else None
        if after:  # "Seven of 12 patients (58%) with Ph-positive ALL": the group is named after the bracket
            return _named_subgroup(m.group("g") + after.group("g"), context)
    else:
        m = None
    if m and endpoint == "HSCT" and m.re in (_RESPONDERS_AFTER, _RESPONDERS_BEFORE_PERCENT):
        return "responders"
    return _named_subgroup(m.group("g"), context) if m else None


_RESPONDERS_AFTER = re.compile(r"\s(?P<g>(?:responders|responding\spatients))(?=\s?[,;.(]|\s(?:subsequently\s|then\s|later\s)?"
                               r"(?:proceeded|underwent|received|went|were|was)\b|$)", re.I)


_RESPONDERS_BEFORE_PERCENT = re.compile(r"\s(?:out\s)?of\s(?:the\s)?(?P<n>\d+|[a-z]+(?:-[a-z]+)?)\s(?P<g>responders|"
                                        r"responding\spatients)\s?[(\[]$", re.I)


def _number_is(word: str, number: float, words) -> bool:
    """Whether a number printed in digits or words ("12", "twelve") is `number`."""
    read = normalise.read_number(word, words)
    return read is not None and read.value == number


def _named_subgroup(phrase: str, context) -> str | None:
    """The label of a group phrase when it names a subgroup: not a response state ("patients in CR") and not the
    whole cohort."""
    label = subgroups.name(phrase)
    if label is None or subgroups.response_state(label) \
            or context.arm_index is not None and subgroups.is_whole(label, context.arm_index.title):
        return None
    return label


def _time_point_runs(text: str, values: list[Value], timepoints: list[TimePoint]) -> int | None:
    """"The 1- and 2-year OS rates were 50% and 30% with inotuzumab versus 40% and 20% with chemotherapy": one list
    of k time points whose values are given k at a time, once per arm or group, each run zipped with the list. k,
    each value's `run_end` set so that the group named after its run labels it; None when the values are not laid
    out so."""
    if len(timepoints) != 1 or timepoints[0].window:
        return None
    period = len(timepoints[0].months)
    if len(values) < 2 * period or len(values) % period or any(v.kind != PERCENT for v in values):
        return None
    runs = [values[i:i + period] for i in range(0, len(values), period)]
    if not all(_AND_LINK.fullmatch(_after_bracket(text[_own_bracket_end(text, a):b.start]))
               for run in runs for a, b in zip(run, run[1:])):
        return None
    # between the runs, a group's name or a comparator ("with inotuzumab versus"), not one more "and" of one list
    if any(_AND_LINK.fullmatch(_after_bracket(text[_own_bracket_end(text, a[-1]):b[0].start]))
           for a, b in zip(runs, runs[1:])):
        return None
    for run in runs:
        for value in run:
            value.run_end = run[-1].end
    return period


# "24% of patients in each group", "3% in both arms": one value stated for every arm.
_IN_EACH_ARM = re.compile(r"\s?%?\)?\s(?:of\s(?:the\s)?patients\s)?in\s(?:each|both|either)\s(?:of\s(?:the\s)?)?"
                          r"(?:two\s)?(?:groups?|arms?|cohorts?)\b")


def _may_have_each(text: str) -> bool:
    return "each" in text or "both" in text or "either" in text


_EVERY_ARM_WORDS = frozenset({"all", "each", "both", "either"})  # "in either arm" read as a group "either"
# "In both arms, the HSCT rate was 24%": the sentence's lead says the value is every arm's.
_EACH_ARM_LEADS = re.compile(r"\s*(?:In|For|Across)\s(?:both|each|either|all)\s(?:of\s(?:the\s)?)?(?:two\s|three\s)?"
                             r"(?:arms|groups|cohorts|treatment\sarms|treatment\sgroups|arm|group|cohort)\b")


def _for_each_arm(outcome: dict, context) -> list[dict]:
    """The outcome once more for every other arm of a study of two arms or more, the first one taking its place
    (SCHEMA: each outcome once per arm)."""
    own = [arm.label for arm in context.arm_index.arms if not arm.historical] if context.arm_index is not None else []
    if len(own) < 2:
        return []
    outcome["arm"] = own[0]
    return [{**outcome, "arm": label, "evidence": dict(outcome["evidence"]), "flags": list(outcome["flags"])}
            for label in own[1:]]


def _arm_size(label: str, context) -> int | None:
    """The n of the study arm a count is labelled with, in a multi-arm study ("In the inotuzumab group, 20 patients
    underwent HSCT": 20 of the arm's 50, not of the 90 randomized)."""
    index = context.arm_index
    if index is None or not index.multi_arm or label == "all":
        return None
    return next((arm.n for arm in index.arms if arm.label == label and not arm.historical), None)


def _outcome(sent, stated, mention, value, timepoints, index, total, context, arm_n=None) -> dict | None:
    endpoint = _endpoint_code(mention.family, value)
    if endpoint is None:
        return None
    if value.kind == ZERO:
        value = Value(ZERO, 0.0, value.start, value.end, count=0.0, denominator=value.denominator)
    if value.kind == COUNT:
        value = _count_rate(value, context, arm_n)
        if value is None:
            return None
    if value.kind in (PERCENT, FRACTION, COUNT) and not (0 <= value.value <= 100):
        return None
    outcome = {
        "endpoint": endpoint,
        "value": value.value,
        "unit": "months" if value.kind in (DURATION, NOT_REACHED) else "%",
        "count": value.count,
        "denominator": value.denominator,
        "timepoint_months": _timepoint(sent.text, mention, value,
                                       _early_death_windows(sent.text, mention, timepoints)
                                       if endpoint == "EARLY_DEATH" else [t for t in timepoints if not t.window],
                                       index, total)
        if endpoint.endswith("_RATE") or endpoint == "EARLY_DEATH" else None,
        "ci95": _ci95(sent.text, value) if value.kind in (PERCENT, DURATION) else None,
        "computed": value.computed,
        "flags": [],
        "evidence": dict(stated),
    }
    outcome["flags"] = outcome_flags(outcome)  # count/denominator vs printed %, CI vs estimate (E's checks)
    if value.value_max is not None:
        outcome["value_max"] = value.value_max
    if value.kind == DURATION:
        outcome["value"] = _months(sent.text, value)
        if outcome["ci95"]:  # "20 weeks (95% CI, 11, 56)": the bounds are in the value's unit
            outcome["ci95"] = [_months(sent.text, Value(DURATION, b, value.start, value.end)) if b is not None
                               else None for b in outcome["ci95"]]
        if value.value_max is not None:
            outcome["value_max"] = _months(sent.text, Value(DURATION, value.value_max, value.end - 1, value.end))
    return outcome


# "Induction mortality was 10% and 30-day mortality 12%", "no deaths occurred during induction": a death named by
# its phase has that phase for a window, not the day count of another mention.
_OWN_PHASE = re.compile(r"induction|aplasia", re.I)


def _early_death_windows(text: str, mention: Mention, timepoints: list[TimePoint]) -> list[TimePoint]:
    """The time points an early death may take: those printed against it when its own words name its phase."""
    if not timepoints or _OWN_PHASE.search(text, mention.start, mention.end) is None:
        return timepoints
    return [t for t in timepoints if t.start - 2 <= mention.end and mention.start <= t.end + 2]


def _count_rate(value: Value, context, arm_n: int | None = None) -> Value | None:
    """A rate printed only as a count: against its lead-in's N, the n of the arm it is labelled with, or the study's
    cohort (SCHEMA convention)."""
    denominator = value.denominator if not value.all_but else None
    denominator = denominator if denominator is not None or value.all_but else arm_n
    if denominator is None and value.occurred_in and context.arm_index is not None and context.arm_index.multi_arm:
        return None  # "CRS occurred in 20 patients" of a two-arm trial: 20 of one arm, not of the total
    denominator = denominator or context.cohort_size
    count = denominator - value.value if value.all_but and denominator else value.value
    if denominator is None or not 0 <= count <= denominator:
        return None
    return Value(COUNT, round(100 * count / denominator, 1), value.start, value.end, count=count,
                 denominator=denominator, computed=True)


def _ci95(text: str, value: Value) -> list | None:
    """The 95% CI printed right after a value: "7.7 months (95% CI, 6.0 to 9.2)", "80.7% [95% confidence interval
    {CI}, 72.1 to 87.7]", "6.8 (95% CI, 4.4-not estimable) months" (open upper bound: None), or the tail of the
    value's own bracket "(88%; 78, 98%)". A bare "(14-24)" may be a range, so it is not read as a CI."""
    m = _CI_AFTER.match(text[value.end:]) if _may_open_ci(text, value.end) else None
    if m is None and value.denominator is not None:  # "68% (34/50; 95% CI, 53-80)": the CI after the count
        own = _OWN_FRACTION_AFTER.match(text, value.end)
        m = _CI_AFTER.match(text[own.end():]) if own else None
    # Unlabelled, only as the tail of the value's bracket or as a bracket of two percentages after a percentage
    # ("43% (25, 62%)"), which abstracts print for CIs; "7 months (1-20)" may be a range.
    unlabelled = m and (m.group("open") == ";" or value.kind == PERCENT and m.group("percent")
                        and (m.group("open") != "," or _inside_bracket(text, value.end))
                        or _like_labelled_ci_before(text, value, m) or _ci_labelled_in_head(text, value, m))
    if not m or not (m.group("label") or unlabelled):
        return None
    low = normalise.read_number(m.group("low"))
    high = normalise.read_number(m.group("high")) if m.group("high") else None
    if low is None or (m.group("high") and high is None):
        return None
    bounds = [low.value, high.value if high is not None else None]
    if value.proportion and all(b is None or b <= 1 for b in bounds):  # "0.38 (95% CI 0.29-0.47)": in % too
        bounds = [round(100 * b, 1) if b is not None else None for b in bounds]
    elif value.kind == PERCENT and None not in bounds and 100 * bounds[0] <= value.value <= 100 * bounds[1] <= 100:
        bounds = [round(100 * b, 1) for b in bounds]  # "52% (95% CI, 0.41-0.63)": the bounds as proportions
    return bounds


_LABEL_BEFORE = re.compile(r"95\s?%\s?(?:CI|C\.I\.|confidence interval)|CI\s?95\s?%", re.I)
_RANGE_WORD = re.compile(r"\b(?:range|IQR|interquartile)\b", re.I)


def _like_labelled_ci_before(text: str, value: Value, m: re.Match) -> bool:
    """"80.7% (95% CI 72.1-87.7) versus 29.4% (21.0-38.8)": a bare bracket of two numbers around a percentage is
    its CI when a CI labelled so came before it in the sentence; so around a later median ("... 7.7 months (95% CI,
    6.0-9.2) and the median EFS was 4.1 months (2.5-5.6)"), unless the sentence prints ranges too."""
    if value.kind not in (PERCENT, DURATION) or m.group("open") != "(" or not m.group("high") \
            or "CI" not in text[:value.start] and "onfidence" not in text[:value.start] and "C.I." not in text \
            or value.kind == DURATION and _RANGE_WORD.search(text) is not None:
        return False
    low, high = normalise.read_number(m.group("low")), normalise.read_number(m.group("high"))
    return low is not None and high is not None and low.value <= value.value <= high.value \
        and _LABEL_BEFORE.search(text, 0, value.start) is not None


# "The median OS (95% CI) was 7.7 months (6.0-9.2)": the level printed in the measure's name, before its value.
_HEAD_CI_LABEL = re.compile(r"[(\[]\s?95\s?%\s?(?:CI|confidence interval)\s?[)\]]\D{0,30}$", re.I)


def _ci_labelled_in_head(text: str, value: Value, m: re.Match) -> bool:
    """Whether a bare bracket of two numbers around the value is the CI its name's "(95% CI)" announced, with no
    number between that label and the value."""
    if m.group("open") not in "([" or not m.group("high") or "CI" not in text[:value.start] \
            or not _HEAD_CI_LABEL.search(text, max(0, value.start - 60), value.start):
        return False
    low, high = normalise.read_number(m.group("low")), normalise.read_number(m.group("high"))
    return low is not None and high is not None and low.value <= value.value <= high.value


def _may_open_ci(text: str, at: int) -> bool:
    """A cheap necessary cue of _CI_AFTER: its bracket, semicolon or comma opens within the 25 characters after a
    value (spaces, a "%" and a unit at most: " % months (", or the people of a share: "% of responders (")."""
    window = text[at:at + 26]
    return "(" in window or "[" in window or ";" in window or "," in window


def _inside_bracket(text: str, at: int) -> bool:
    """Whether `at` is inside a bracket: "(88%, 78-98%)" prints a CI after a comma, "30%, 20% and 10%" a list."""
    return text.rfind("(", 0, at) > text.rfind(")", 0, at)


def _endpoint_code(family: str, value: Value) -> str | None:
    if family in RATES:
        return family
    if family in SURVIVAL:
        return f"{family}_RATE" if value.kind == PERCENT else f"{family}_MEDIAN"
    if family == "DOR":
        return "DOR_MEDIAN"
    return None


def _months(text: str, value: Value) -> float | None:
    """A duration value converted to months, with the unit printed after it (or after its bracket / range)."""
    after = text[value.end:]
    m = _DURATION_AFTER.match(after) or _bracket_then_unit(text, value.end)
    if m is None:
        m = _UNIT_SOON.match(after)
    unit = m.group(1) if m else "months"
    return normalise.to_months(value.value, unit)


def _timepoint(text: str, mention: Mention, value: Value, timepoints: list[TimePoint], index: int,
               total: int) -> float | None:
    months = [m for t in timepoints for m in t.months]
    if not months:
        return None
    if len(months) == total and total > 1:
        return months[index]
    # "One-year OS was 60% and two-year OS 45%": a time point printed against the mention is its own
    attached = _attached_timepoints(text, mention, timepoints)
    if len(attached) == 1:
        # "... 50% and 30%, respectively, and the 2-year rates 30% and 15%": a later time point before the value,
        # after a value of the mention's ("The 1-year OS and 2-year EFS were 40% and 30%": the EFS's)
        later = [t for t in timepoints if attached[0].end < t.start and t.end <= value.start and len(t.months) == 1
                 and any(attached[0].end <= v.start < t.start for v in mention.values)]
        return (later[-1] if later else attached[0]).months[0]
    shared = _list_timepoint(text, mention, timepoints)
    if shared is not None:
        return shared
    near = min(timepoints, key=lambda t: min(abs(t.start - mention.start), abs(t.start - value.start)))
    return near.months[0]


def _attached_timepoints(text: str, mention: Mention, timepoints: list[TimePoint]) -> list[TimePoint]:
    """The time points printed against the mention, on either side. Of two, one past a comma is the next list item's
    ("The 1-year OS, 2-year OS and median OS were ...": the 1-year OS's is 1 year)."""
    attached = [t for t in timepoints if t.start - 2 <= mention.end and mention.start <= t.end + 2]
    if len(attached) > 1:
        attached = [t for t in attached if "," not in text[min(t.end, mention.end):max(t.start, mention.start)]]
    return attached


_LISTED_AFTER_TIMEPOINT = re.compile(r"[^\d;,()\[\]]{1,30}")


def _list_timepoint(text: str, mention: Mention, timepoints: list[TimePoint]) -> float | None:
    """"The 1-year OS and EFS were 55% and 40%; 2-year ...": the one time point printed before a list the mention
    ends, with only the list's words between (no figure, clause break or bracket), is each item's."""
    before = [t for t in timepoints if t.end <= mention.start and len(t.months) == 1]
    if not before or not _LISTED_AFTER_TIMEPOINT.fullmatch(text, before[-1].end, mention.start) \
            or not _CONJOINED.search(text, before[-1].end, mention.start):
        return None
    return before[-1].months[0]


def _clause(sent: Sentence) -> tuple[int, int]:
    """The stating snippet of a sentence's outcomes: the whole sentence (clauses of abstract sentences share their
    subject and verb, so a narrower cut would often lose the endpoint or the arm)."""
    return sent.start_char, sent.end_char


_LETTER = re.compile(r"[^\W\d_]")


def _is_number_word(label: str, context) -> bool:
    """"thirty", "forty-eight": a label that is one number written in words (its words all in the lexicon, a
    cheap necessary cue before reading it)."""
    words = context.words
    return bool(words) and all(part in words for part in label.lower().split("-")) \
        and normalise.read_number(label, words) is not None


def _arm_labels(text: str, values: list, context, scope, avoid=(), zipped: bool = False) -> list[str]:
    """The arm or subgroup of each value (extraction/arms.py reads the groups; see `ArmIndex.labels`)."""
    if context.arm_index is not None:
        labels = context.arm_index.labels(text, [(v.start, v.run_end or v.end) for v in values], scope, list(avoid),
                                          zipped)
        # a label without a letter ("24/30" of "24/30 (80%) Ph-positive and ...") names no group; a number word
        # alone ("Eighteen (60%) of the thirty patients") is a count of the cohort, as its digits would be
        return [f"group {i + 1}" if not _LETTER.search(label)
                else "all" if len(labels) == 1 and _is_number_word(label, context) else label
                for i, label in enumerate(labels)]
    count = len(values)
    if count == 1:
        return ["all"]
    groups = [g.strip() for g in _ARM_GROUP.findall(text)]
    if len(groups) >= count:
        return groups[:count]
    return [f"subgroup {i + 1}" for i in range(count)]
