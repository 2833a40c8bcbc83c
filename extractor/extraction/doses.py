"""Doses: a drug, a number (or a range, or a list) and a dose unit, per day/week/dose/cycle where printed.

A dose is read where a number stands directly before a UNIT rule span ("40 mg/m2", "9 μg/day", "1×106 cells/kg")
and a DRUG rule span names the drug: the nearest one before the number in the same sentence, or one directly
after the unit ("1 × 10^6 cells/kg KTE-X19", "40 mg/m2 of clofarabine"); the subject drug when the nearest one is
only its partner ("X, given with Y, was administered at 1.8 mg/m2"). A cell product's name may end the unit ("410 ×
10^6 CD19 CAR T cells"). A number with a unit but no drug in its sentence is left out: a dose without its drug would
be an invented attachment; so are a cap ("(maximum 2 mg)") and a count of cells per volume (a concentration). A
sentence whose subject is the dose ("The starting dose was 1.8 mg/m2") takes the one drug of the sentence before.
Doses after coordinated drugs ("fludarabine/cyclophosphamide (30/500 mg/m2/day)", "Flu/Cy 30/500 mg/m2") are theirs
in order. A sentence naming no drug but CAR T cells ("CAR T cells were infused at 1 × 10^6 cells/kg") gives none:
on held-out sets such sentences gave only spurious doses (what was infused, not the regimen). Left out too: the dose
of an earlier therapy ("previously treated with imatinib 400 mg"), of a chemotherapy backbone, and the range of a
statistic ("median 3.1 × 10^6 (range, 0.2-5.4 × 10^6) cells/kg").
"""
from __future__ import annotations

import functools
import re
from collections import namedtuple
from operator import attrgetter

from spacy.tokens import Doc, Span

from extractor import normalise as nz
from extractor.extraction.arms import HYPHENS, regimen_lexicon
from extractor.extraction.context import ArticleContext
from extractor.extraction.evidence import evidence
from extractor.extraction.sentences import Sentence, doc_text, section_view, span_rows
from extractor.extraction.spans import rule_spans
from extractor.models import UNLABELLED_SECTION

# A background section (PubMed's BACKGROUND category: "Background", "INTRODUCTION", "IMPORTANCE", "CONTEXT",
# "RATIONALE") states what was known, doses of other trials or the approved schedule, not this study's regimen; only
# a sentence of the study's own aim counts there ("We therefore tested inotuzumab at 0.9 mg/m2", "In this study").
_BACKGROUND = re.compile(r"(?:background|introduction|importance|context|rationale)s?\b", re.I)
_THIS_STUDY = re.compile(r"\b(?:we|our|this|here(?:in)?|present)\b", re.I)
# The same in an unlabelled abstract (section ABSTRACT): its sentences before the first of the study's own ("We
# tested ...", "In this study ...") or one describing it or reporting its patients ("The phase 2 DELPHINUS study
# evaluated daratumumab (16 mg/kg)", "Forty patients received ...", "Patients were treated with ...") state what was
# known ("Inotuzumab at the approved dose of 1.8 mg/m2 causes hepatotoxicity"); an abstract that never names its study
# that way opens on no background.
_STUDY_REPORT = re.compile(r"\b(?:\d+\s(?:patients|children|adults|subjects)|received|phase|evaluated|assessed"
                           r"|investigated|tested|examined|enrolled|analy[sz]ed|reviewed|(?:was|were)\s(?:treated"
                           r"|included|randomi[sz]ed|given|administered|infused))\b", re.I)
# Another study's dose, named after a cue of that study in its clause (DESIGN_CONTEXT `other-study` spans of
# patterns/design.jsonl, which classify.py reads too): "In a previous phase 2 trial, inotuzumab at 1.8 mg/m2 ...",
# "Previous studies used blinatumomab at 28 µg/day", "similar to those reported with inotuzumab at 1.8 mg/m2",
# "Future studies should evaluate blinatumomab at 56 µg/day"; not past a this-study word ("In an earlier trial ...;
# here we used").
_OTHER_STUDY = "other-study"
_START_END = attrgetter("start_char", "end_char")
# A contrast, a likeness or a basis before the cue (or a likeness as the cue) names the other study in a phrase of
# its own, whose dose only is not this study's: "Unlike previous studies, inotuzumab was given at 0.9 mg/m2",
# "Compared with historical controls, inotuzumab 1.8 mg/m2 ...", "As in the prior trial, ...", "Based on prior data,
# ...", "Consistent with previous reports, ..." (but "higher than in previous studies of inotuzumab at 1.8 mg/m2").
_SET_AGAINST = re.compile(r"\b(?:unlike|contrast\sto|contrary\sto|opposed\sto|as\sin|like|compared\s(?:with|to)"
                          r"|versus|vs\.?|than(?:\sin)?|based\son|basis\sof|informed\sby|building\son|following|after"
                          r"|according\sto|in\sline\swith)\s(?:(?:the|an?|our|their|these)\s)?$", re.I)
_LIKENESS = ("similar", "comparable", "equivalent", "consistent", "compared", "unlike", "in contrast", "than", "as in",
             "in line", "in comparison", "mirror", "resemble")
# A relative clause right after the other study's phrase is still that study's: "Compared with the INO-VATE trial,
# in which patients received 1.8 mg/m2 per cycle, VOD was less frequent".
_RELATIVE_CLAUSE = re.compile(r"[^,]*,\s(?:in\swhich|where|which|whose|who)\b[^,]*", re.I)
# A dose set against the standard one, inside the contrast's own clause: "Unlike the standard 1.8 mg/m2 schedule",
# "In contrast to the approved dose of 1.8 mg/m2, ..." (not "versus": a trial may randomise two doses).
_CONTRAST_STANDARD = re.compile(
    r"\b(?:unlike|in\scontrast\sto|contrary\sto|instead\sof|rather\sthan|as\sopposed\sto)\s(?:the\s|an?\s)?"
    r"(?:standard|approved|conventional|usual|label(?:l)?ed|historical|typical|original)\b[^,;]*$", re.I)
_CONTRAST_CUES = frozenset({"unlike", "contrast", "contrary", "instead", "rather", "opposed"})
# A dose proposed for later study, in a sentence that reports nothing: "A lower dose of inotuzumab (1.2 mg/m2)
# should be tested in future trials" (not "Inotuzumab at 0.9 mg/m2 was active and should be evaluated further").
_PROPOSED = re.compile(r"\b(?:should|must|will)\sbe\s(?:further\s)?(?:tested|evaluated|explored|investigated|studied"
                       r"|assessed|compared|performed|conducted|undertaken|confirmed)\b", re.I)
_PROPOSAL_CUES = frozenset({"should", "must", "will"})
# The words without which _CONTRAST_STANDARD and _PROPOSED cannot match. Both stay rules of this stage: a
# standard dose is no study ("Unlike the standard 1.8 mg/m2 schedule"), and a proposal's verbs are narrower than
# classify's `hypothetical` cues, since a protocol's "Patients will be given inotuzumab at 0.9 mg/m2" is its own.
_STUDY_CUES = tuple(sorted(_CONTRAST_CUES | _PROPOSAL_CUES))
# A trial named by its acronym ("the PACE trial", "the phase 3 TOWER study"): another study's when neither the title
# nor a sentence naming it with a this-study word ("This post hoc analysis of the INO-VATE trial"), a registry number
# or a count of patients makes it this report's, so a dose after it in its clause is that trial's ("In the PACE
# trial, ponatinib 45 mg daily produced ...").
_TRIAL_ACRONYM = r"(?=[\w\-]*[A-Z][\w\-]*[A-Z])(?![IVX/]+\b)[A-Za-z][\w\-]*[A-Za-z0-9]"
_NAMED_TRIAL = re.compile(r"\b(?P<name>" + _TRIAL_ACRONYM + r")\s(?:(?:phase\s\S+|randomi[sz]ed|pivotal)\s)?"
                          r"(?:trials?|study|studies)\b")
# The same trial named by its acronym alone as a sentence's opening scope ("In INO-VATE, inotuzumab 1.8 mg/m2 per cycle
# improved OS", "In ZUMA-3, ..."): four capitals at least, and no disease or remission word ("In B-ALL,", "In CR2,").
_TRIAL_OPENING = re.compile(r"\s*(?:In|From)\s(?:the\s)?(?P<name>(?=(?:[^A-Z\s,]*[A-Z]){4})"
                            r"(?![\w\-]*(?:ALL|AML|LBL|CLL|NHL|MRD|HSCT|CNS)\b)" + _TRIAL_ACRONYM + r"),\s")
_OWN_TRIAL_FACTS = re.compile(r"\bNCT\s?\d{8}|\b\d+\s(?:patients|adults|children|subjects|participants)\b")
_REPORTS = re.compile(r"\b(?:was|were|had|has|have)\b", re.I)
# How far before the number the drug may be named (characters): "clofarabine at a dose of 40 mg/m2/day and 47
# children at a dose of 52 mg/m2/day" names it once for two doses.
_DRUG_REACH = 110
# Separators inside a list or range of doses sharing one unit: "2, 1, or 0.5×106", "0.6 and 0.3", "1.8 to 1.3",
# "0.8/0.5/0.5 mg/m2" or "0.8 + 0.5 + 0.5 mg/m2" (days 1, 8 and 15), "9/28 μg/day" or "9 then 28 μg/day" (week 1,
# then); a dose level's label or its patients' count may follow each dose ("1 × 10^6 (DL1) and 3 × 10^6 (DL2)
# cells/kg", "1 × 10^6 (n = 6) or 3 × 10^6 (n = 9) cells/kg").
_LEVEL_LABEL = r"\s?[(\[](?:(?:DL|(?i:dose\slevel)\s?)-?\d{1,2}[a-z]?|n\s?=\s?\d{1,3})[)\]]"
_LIST_SEP = re.compile(r"^(?:" + _LEVEL_LABEL + r")?(?:\s?,\s?(?:or\s|and\s)?|\s(?:or|and|then)\s|/|\s?\+\s?)$")
_LABEL_TO_UNIT = re.compile(_LEVEL_LABEL + r"\s")
# The level's number or the count is no dose: "3 × 10^6 (dose level 2) cells/kg", "3 × 10^6 (n = 9) cells/kg".
_SPELLED_LEVEL_LABEL = re.compile(r"[(\[](?:dose\slevel\s?-?\d{1,2}[a-z]?|n\s?=\s?\d{1,3})[)\]]", re.I)
# "between 1.2 and 1.8 mg/m2" is a range, not two doses.
_BETWEEN = re.compile(r"\bbetween\s$", re.I)
# A number counting something else cannot open a list of doses: "during cycle 1 and 0.3 mg/m2".
_COUNTED_BEFORE = re.compile(
    r"(?:cycles?|courses?|days?|weeks?|months?|years?|patients?|cohorts?|levels?|grades?|arms?|groups?|phases?"
    r"|blocks?|steps?|doses?)\s$", re.I)
_DAY_LIST_SEP = re.compile(r",\s?(?:and\s)?|\sand\s")  # "days 1, 8, and 15"
# A dose's unit, then when it is given, right before a number: "9 µg/day in week ", "0.8 mg/m2 on day ".
_SCHEDULE_OF_A_DOSE = re.compile(r"(?:g|IU|U|cells)(?:/[\w()]+)*\s(?:in|on|during|for)\s(?:the\s)?(?:first\s)?"
                                 r"(?:weeks?|days?|cycles?|courses?)\s$")
_RANGE_SEP = re.compile(r"^(?:\s?[" + nz.HYPHENS + r"]\s?|\s(?:to|through)\s)$")
_STEP_SEP = re.compile(r"[" + nz.HYPHENS + r"]")
# "was escalated from 9 to 28 µg/day", "stepped up from 9 µg/day to 28 µg/day": two doses of a step-up schedule, no
# range (a decrease, "reduced from 1.8 to 1.2", is a dose change, left to _CHANGE_BEFORE)
_ESCALATED_FROM = re.compile(r"\b(?:escalat(?:ed|ing)|increas(?:ed|ing)|step(?:ped|ping)?[\s\-]up|raised|titrated(?:\sup)?)"
                             r"\s(?:[\w\-]+\s){0,3}?from\s$", re.I)
# A few words describing cells between a number and "per kg": "CAR-positive viable T cells", "CAR+ T cells" (a
# multiplier word is part of its number, never a word describing the cells: "2 million CAR-positive T cells per kg").
_CELL_WORD = r"(?!(?:thousand|million|billion)\s)[A-Za-z][\w+\-]*\s"
_CELLS_BEFORE = re.compile(r"(?:(?<=\d|\))|(?<=million|billion))\s(?:" + _CELL_WORD + r"){0,4}cells\s$", re.I)
_DESCRIPTION = re.compile(r"\s(?:" + _CELL_WORD + r"){1,4}")
# A cap on a dose, right before its number: "(maximum 2 mg)", "max. 2 mg", "capped at 2 mg", "not exceeding 2 mg".
# Not "up to": "tisagenlecleucel at up to 2.5 × 10^8 cells" states the regimen's own ceiling.
# A dose the trial let patients have is no regimen dose: "hydroxyurea up to 2 g/day was allowed for cytoreduction".
# "hydroxyurea up to 2 g/day was allowed", "Hydroxyurea (up to 3 g/day) was allowed": a permitted drug, bracketed or not
_ALLOWED_AFTER = re.compile(r"[^,;.()]{0,12}?\)?\s(?:was|were|is|are)\s(?:also\s)?(?:allowed|permitted)\b")
# Nor one that was not given: "Tocilizumab 8 mg/kg was not required", "were never needed".
_NOT_GIVEN_AFTER = re.compile(r"[^,;.()]{0,12}?\s(?:was|were)\s(?:not|never)\s(?:required|needed|used)\b")
_CAP_BEFORE = re.compile(r"(?:\bmax(?:imum|imal)?\.?(?:\s(?:single|daily|total|absolute|individual))?(?:\s(?:dose|of))*"
                         r"|\bcapped\sat|\bnot\s(?:to\s)?exceed(?:ing)?)\s?[:,]?\s?$", re.I)
# "Up to" right after a dose by body size is its cap too, a flat amount: "vincristine 1.5 mg/m2 (up to 2 mg)",
# "dasatinib 60 mg/m2/day, up to 100 mg/day", "tocilizumab 8 mg/kg up to 800 mg" (a cell dose's "up to" is the
# regimen's ceiling: "tisagenlecleucel at up to 2.5 × 10^8 cells").
_SIZED_CAP_BEFORE = re.compile(r"(?:/\s?(?:m2|m²|m\(2\)|kg)|\sper\s(?:m2|kg|kilogram|square\smet(?:er|re)))"
                               r"(?:\s?/\s?(?:day|d|dose|week)|\s(?:daily|weekly|per\s(?:day|dose)))?\)?,?\s\(?"
                               r"up\sto\s(?:a\s(?:maximum|max\.?)\s(?:dose\s)?(?:of\s)?)?$", re.I)
# The amount patients received, a statistic of exposure and not the regimen's dose: "median cumulative dose of
# inotuzumab was", "cumulative inotuzumab dose", "(median total dose, 5.4 mg/m2)", "at a median infused dose of 3.1 ×
# 10^6 cells/kg", "received a median of 1.0 × 10^6 cells/kg", "the median number of CAR T cells infused was", "the
# median infused dose of CD7 CAR T cells was" (a digit inside a name is no number) ("a total dose of 1.8 mg/m2 per
# cycle" is the regimen's).
_NO_NUMBER = r"(?:[^.;()\d]|(?<=[A-Za-z])\d+)"  # not a number: a digit inside a name ("CD7", "CD19/CD22")
_EXPOSURE_BEFORE = re.compile(r"\b(?:(?:cumulative|(?:median|mean|average))\s(?:[\w\-]+\s){0,3}?doses?\b"
                              r"(?!\s(?:per|(?:of|in|for)\seach)\s(?:cycle|course))"
                              + _NO_NUMBER + r"{0,60}"
                              r"|(?:median|mean|average)\s(?:number|count)\sof\b" + _NO_NUMBER + r"{0,60}"
                              r"|(?:median|mean)[,:]?\s(?:of\s)?)$", re.I)
# The bracket of a statistic's range, right before a range: "(range, 0.2-5.4 × 10^6) cells/kg", "(IQR 1.2-1.8".
_STATISTIC_RANGE_BEFORE = re.compile(r"[(\[]\s?(?:range|IQR|interquartile\srange)\s?[,:=]?\s?$", re.I)
# A range printed with its unit at both ends: "1 × 10^5/kg to 3 × 10^6/kg", "45 mg/day to 15 mg/day".
_UNIT_RANGE_SEP = re.compile(r"\s?[" + nz.HYPHENS + r"]\s?|\sto\s")
# An earlier therapy named right before its dose: "previously treated with imatinib 400 mg", "after failure of
# dasatinib 140 mg daily", "resistant to", "intolerant of", "prior inotuzumab at 1.8 mg/m2", "relapsed after imatinib
# 400 mg daily", "progressed on dasatinib 100 mg"; not "prior to infusion,
# fludarabine 30 mg/m2" (this study's lymphodepletion), nor "Heavily pretreated patients received X", "Patients
# without prior HSCT received X" (the cue is of the patients, not of the drug).
_PRIOR_THERAPY = re.compile(
    r"\b(?:previously\s(?:been\s)?(?:treated|exposed|received)(?:\s(?:with|to))?|pre-?treated\swith"
    r"|prior(?!\sto\b)(?:\s(?:therap(?:y|ies)|treatments?|exposure|regimens?))?,?(?:\s(?:with|to|included|including))?"
    r"|previous\s(?:therap(?:y|ies)|treatments?|exposure)\s(?:with|to|included|including)"
    r"|had\sbeen\s(?:treated|exposed)\s(?:with|to)"
    r"|fail(?:ed|ing|ure\sof)(?:\s(?:induction|therapy|treatment|frontline\stherapy)\swith)?"
    r"|(?:resistant|refractory|intolerant)\s(?:to|of)|intolerance\sto"
    r"|(?:relapsed|relapsing|progressed|progressing)\s(?:after|on|while\son|during|following))\s"
    # "previously treated with 2 or more cycles of blinatumomab"
    r"(?:(?:\d+|one|two|three)\s(?:or\s(?:more|fewer)\s)?(?:cycles?|courses?|doses?|lines?)\sof\s|[\w\-]+\s)?$", re.I)
_PRIOR_REACH = 45  # characters before the dose's drug: "previously been treated with "
# What may join an earlier therapy's dose to the next item of its list: "failed induction with vincristine 1.5 mg/m2
# and daunorubicin 45 mg/m2", "resistant to imatinib (400 mg), dasatinib (140 mg) or nilotinib"; a schedule word or
# a bracket closing the first dose may stand before the join.
_PRIOR_LIST_JOIN = re.compile(r"\)?(?:\s(?:daily|weekly|twice\sdaily|once\sdaily))?(?P<join>,\s(?:and\s|or\s)?|\s(?:and|or)\s)\(?")
# A comma joins only when the list goes on to its "and" or "or" with no verb first: not "After failure of imatinib
# 400 mg, dasatinib 140 mg was given".
_LIST_GOES_ON = re.compile(r"(?:(?!\b(?:was|were|is|are|received|given|administered)\b)[^;.])*?\s(?:and|or)\s")
# The same as an opening phrase of the dose's clause: "Prior to enrollment, 10 patients received blinatumomab 28
# µg/day", "Before study entry, ...".
_BEFORE_STUDY_OPENING = re.compile(r"(?:^|[;:]\s)\s*(?:Before|Prior\sto)\s(?:(?:the|this|study|trial)\s){0,2}"
                                   r"(?:enrol(?:l)?ment|entry|inclusion|screening|registration|referral|study|trial)"
                                   r",\s[^;]*$", re.I)
# A historical comparator's schedule, the group named before the dose in its clause: "In the historical cohort,
# patients received clofarabine at 40 mg/m2", "compared with a historical cohort treated with inotuzumab 1.8 mg/m2",
# "Historical controls received FLAG-IDA with cytarabine 2 g/m2"; not past a this-study word, nor a contrast set
# apart by its comma ("Compared with historical controls, inotuzumab was given at 0.9 mg/m2": this study's).
_HISTORICAL = re.compile(r"\bhistoric(?:al|ally)\s(?:[\w\-]+\s){0,2}?(?:cohorts?|controls?|groups?|comparators?"
                         r"|patients|series|arms?|data)\b(?P<rest>[^;.]*)$", re.I)
_SCOPE_OPENING = re.compile(r"(?:^|[.;]\s)\s*(?:In|For|Among|Within|Of)\s(?:the|an?|a\smatched)?\s?$", re.I)
# What a drug's label or guidelines say, in the present tense: "The standard dose of blinatumomab is 28 µg/day", "The
# approved dose of inotuzumab is 1.8 mg/m2 per cycle" (not "The recommended phase 2 dose is", this study's finding).
_STANDARD_DOSE = re.compile(r"\b(?:standard|approved|label(?:l)?ed|licensed|usual|conventional)\s(?:[\w\-]+\s){0,2}?"
                            r"(?:doses?|dosing|schedule|regimen)\s(?:of\s(?:[\w\-/]+\s){1,3})?(?:is|are)\s[^;]*$", re.I)
# The same as the verb of a label's statement, right before the dose: "Inotuzumab ozogamicin is approved at 1.8 mg/m2
# per cycle", "Blinatumomab, approved at 28 µg/day, ...", "licensed in Europe at a dose of" (not "at the approved dose
# of 1.8 mg/m2", which patients of this study may have received).
_APPROVED_AT = re.compile(r"(?:\b(?:is|are|was|were|been|currently)|,)\s(?:approved|licensed)\s(?:(?:in|for)\s[^,;.()\d]{1,40}?\s)?"
                          r"at\s(?:an?\s(?:[\w\-]+\s)?dose\sof\s)?$", re.I)
_STANDARD_CUES = ("standard", "approved", "label", "licensed", "usual", "conventional")
# The same told after the dose, in its clause: "Eight patients had received blinatumomab 28 µg/day before enrollment",
# "prior to study entry" (not "before HSCT", "before the first dose", "before the study drug": this study's schedule).
_BEFORE_STUDY_AFTER = re.compile(r"\)?[^;.()]{0,40}?\b(?:before|prior\sto)\s(?:(?:the|this|study|trial)\s){0,2}"
                                 r"(?:enrol(?:l)?ment|entry|inclusion|screening|registration|referral|study|trial)\b"
                                 r"(?!\s(?:drugs?|treatments?|therapy|infusions?|medications?|regimens?|doses?)\b)", re.I)
# A threshold, right before its number, is no dose given: "patients who received more than 5.4 mg/m2", "cumulative
# doses above 5.4 mg/m2".
_THRESHOLD_BEFORE = re.compile(r"\b(?:(?:more|greater|higher|less|lower|fewer)\sthan|above|below|over|under|exceeding"
                               r"|beyond)\s$", re.I)
_THRESHOLD_CUES = ("than", "above", "below", "over", "under", "exceed", "beyond")
# The same printed after the dose: "at doses of 1.8 mg/m2 or higher", "5.4 mg/m2 or more".
_THRESHOLD_AFTER = re.compile(r",?\s(?:or|and)\s(?:higher|more|greater|above|less|lower|below)\b"
                              r"(?!\s(?:doses?|levels?)\b)", re.I)
# A change of dose right before its number, and the patients a sentence counts: "Dasatinib doses were reduced to 50 mg
# in 4 patients", "Eight patients required dose reduction of venetoclax to 200 mg", "interrupted in 5 patients and
# restarted at 9 µg/day" are events, not the regimen.
_CHANGE_BEFORE = re.compile(r"\b(?:reduc|decreas|lower|restart|resum|re-?escalat)\w*\b[^.;()\d]{0,40}$", re.I)
_CHANGE_CUES = ("reduc", "decreas", "lower", "restart", "resum", "escalat")
_CHANGE_REACH = 50
# A count of patients that dates a protocol's change rather than counting who had it: "reduced to 0.6 mg/m2 after the
# first 20 patients", "for the subsequent 25 patients", "in the last 15 patients" (the regimen of a later cohort).
_ENROLMENT_MARK = re.compile(r"(?:\bafter\s(?:the\s)?(?:first\s|initial\s)?"
                             r"|\b(?:first|initial|last|subsequent|remaining|next|later|following)\s)$", re.I)
_NEEDED = re.compile(r"\s(?:required|needed|underwent|had"
                     r"|(?:received|were\sgiven)\s(?:an?\s)?(?:reduced|lower|decreased))\b")
# A dose some counted patients had because of toxicity, an event and not the regimen: "Only 2 patients received 1.2
# mg/m2 because of toxicity", "Because of hepatotoxicity, 3 patients received inotuzumab at 0.9 mg/m2", "Four patients
# were treated at 0.9 mg/m2 after dose reduction", "Two patients were treated with 9 µg/day because of a high blast
# count" (the cause stated, not a subgroup's own dose: "Twelve patients
# older than 60 years received 0.9 mg/m2"); not a supportive drug for a complication ("Nine patients received
# tocilizumab 8 mg/kg for neurologic toxicity"), which is recorded.
_FOR_TOXICITY = re.compile(r"\b(?:because\sof|due\sto|after|following)\s(?:[\w\-]+\s){0,2}?"
                           r"(?:toxicit(?:y|ies)|hepatotoxicity|adverse\s(?:events?|effects?)|side\seffects?"
                           r"|intolerance|dose\sreductions?"
                           r"|(?:blast|white(?:\sblood)?\scell|WBC|leukocyte)\scounts?"
                           r"|(?:tumou?r|disease|leuka?emi[ac])\sburden"
                           r"|hyperleukocytosis)\b", re.I)
_CLAUSE_AFTER = re.compile(r";|,\s|\sand\s(?:[a-z]+\s)?\d")
# a cheap necessary cue of _FOR_TOXICITY
_TOXICITY_CUES = ("toxic", "adverse", "side effect", "intoleran", "reduction", "count", "burden", "leukocytosis")
_PATIENTS_AFTER = re.compile(r"\s(?:\(\d+(?:[.·]\d+)?\s?%\)\s)?(?:of\s(?:the\s)?\d+\s)?"
                             r"(?:patients|pts|children|adults|subjects"
                             r"|(?:(?<=\b[Oo]ne\s)|(?<=\b1\s))(?:patient|child|adult|subject))\b")  # "One patient"
# A sentence whose subject is a dose, right before its number, with the drug named in the sentence before:
# "The starting dose was 1.8 mg/m2", "The recommended phase 2 dose was", "The MTD was", "Dose level 1 was 5", "Dosing
# was", "The total dose per cycle was", "The cycle 1 dose was", "A dose of 28 µg/day was used", "Doses of 0.8 mg/m2
# (day 1) and 0.5 mg/m2 ... were given"; not a change ("Doses were reduced to 50 mg in 4 patients" is an event).
_DOSE_SUBJECT = re.compile(
    r"\s*(?:(?:the|a)\s)?(?:(?:infused|administered|planned)\s)?(?:CAR[\s\-]?T[\s\-]cell\s|cell\s)?"
    r"(?:(?:(?:starting|initial|first|target|planned|total|fixed|flat|standard|subsequent"
    r"|recommended(?:\sphase\s(?:2|II))?|maximum\stolerated|maximal\stolerated|cycle\s\d|daily|weekly|single)"
    r"\s(?:[\w\-]+\s)?)?"
    r"(?:doses?|dosing|MTD|RP2D|dose\slevel\s\d+)(?:\s\((?:MTD|RP2D)\))?"
    r"(?:\s(?:per|in|of|during)\s(?:cycle|course|week|day)(?:\s\d)?)?"
    r"\s(?:was|were|is)\s(?:(?:then|subsequently|later)\s)?(?:(?:set|fixed|established|determined|defined|found"
    r"|identified|declared|reduced|lowered|decreased)\s)?"
    # "Dosing was weight-based: 5 µg/m2/day ...", "The doses were as follows: ..."
    r"(?:(?:(?:weight|body[\s\-]surface[\s\-]area|BSA)[\s\-]based|as\sfollows)\s?[:,]?\s)?"
    r"(?:(?:at|as|to(?:\sbe)?)\s)?|(?:(?:total|starting|initial|target|fixed|flat|single|daily|planned|standard"
    r"|recommended(?:\sphase\s(?:2|II))?)\s)?doses?\sof\s)\d",
    re.I)
# A drugless sentence reporting on a dose level, the dose opening it or named by what happened at it: "At 1.2 mg/m2,
# two patients had dose-limiting toxicities", "At the 15 µg/m2/day dose level, ...", "At dose level 2 (1 × 10^6
# cells/kg), ...", "Patients treated at 1.2 mg/m2 had more VOD", "Dose-limiting toxicities occurred at 30 µg/m2/day"
# (the dose tested, with its unit right after the number: not "At 12 months, ...").
_AMOUNT_AHEAD = (r"(?:\d+(?:[.·]\d+)?(?:,\s?(?:or\s|and\s)?|\s(?:and|or|to)\s|\s?[\-–]\s?))*"  # "5, 15 or 30 µg"
                 r"\d+(?:[.·]\d+)?(?:\s?[×xX]\s?10\^?\(?\d+\)?)?[\s\-]?(?:mg|µg|μg|mcg|g|IU|U|cells|CAR|/kg)\b")
_NAMED_DOSE = r"(?:MTD|RP2D|maximum\stolerated\sdose|recommended(?:\sphase\s(?:2|II))?\sdose)\s\("  # "the MTD (15"
_DOSE_LEVEL_REPORT = re.compile(
    r"\s*(?:At\s(?:(?:the|an?)\s)?(?:(?:[\w\-]+\s)?(?:doses?|dose\slevel|DL)(?:\s?\d)?\s(?:of\s|\()?|" + _NAMED_DOSE
    + r")?"
    r"|(?:[A-Za-z][\w\-]*\s){1,3}?(?:(?:was|were)\s)?(?:treated|dosed)\sat\s(?:(?:the|an?)\s)?(?:dose\s(?:level\s)?of\s|" + _NAMED_DOSE
    + r")?"
    # "Patients were enrolled at 3 dose levels (0.8, 1.2 and 1.6 mg/m2)", "assigned to one of three dose levels: 5, 15
    # or 30 µg/m2/day", "enrolled in 3 dose cohorts: ...", "Doses were escalated from 0.8 to 1.8 mg/m2"
    r"|(?:[A-Za-z][\w\-]*\s){1,8}?(?:\d\s)?dose\s(?:levels|cohorts)\s?(?:\(|:\s)"
    r"|(?:doses?|dosing)\s(?:was|were)\s(?:escalated|increased|stepped\sup)\sfrom\s"
    # "Eleven patients were treated in cohort 1 (0.8 mg/m2) and 13 in cohort 2 (1.2 mg/m2)"
    r"|(?:[A-Za-z][\w\-]*\s){1,3}?(?:(?:was|were)\s)?(?:treated|enrolled|included)\sin\s(?:the\s)?"
    r"(?:cohort|dose\slevel|DL)\s?[A-Z0-9]{1,2}\s\("
    r"|(?:(?:No|One|Two|Three|Four|\d)\s)?(?:dose-limiting\stoxicit(?:y|ies)|DLTs?)\s(?:\(DLTs?\)\s)?"
    r"(?:(?:was|were)\s(?:observed|seen|noted|reported)|occurred)\s(?:in\s[^,;()]{1,30}?\s)?at\s(?:(?:the|an?)\s)?"
    r"(?:dose\s(?:level\s)?of\s)?)" + _AMOUNT_AHEAD, re.I)
# A dose level as the subject, its amount before "dose": "The 15 µg/m2/day dose was selected for phase 2", "The 1.2
# mg/m2 dose level was expanded". Tried and dropped: a response or an event reported at a dose anywhere in a drugless
# sentence ("CR rates were 33% at 0.9 mg/m2 and 67% at 1.2 mg/m2", "VOD occurred in 2 patients at 1.8 mg/m2"),
# which gained two true doses on held-out sets and gave a spurious one.
_LEVEL_SUBJECT = re.compile(r"\s*(?:the|a)\s" + _AMOUNT_AHEAD + r"[^\s,;]*\s(?:dose|dose\slevel|level|cohort)\b", re.I)
# A sentence whose subject is the treatment or its schedule, the dose right after its verb: "Cycle 1 consisted of
# 9 µg/day for 7 days", "Each cycle consisted of 28 µg/day", "Treatment was 650 mg/m2/day for 5 days", "Three dose
# levels were tested: 3 × 10^5, 1 × 10^6 and 3 × 10^6 cells/kg".
_SCHEDULE_SUBJECT = re.compile(
    r"\s*(?:(?:each|the|a)\s)?(?:(?:first|second|induction|consolidation|maintenance)\s)?"
    r"(?:(?:cycles?|courses?|treatment|therapy|induction|regimen|schedule)(?:\s\d+)?"
    r"\s(?:consisted\sof|comprised|included|was|were|(?:started|began|was\s(?:started|initiated|begun))\s(?:at|with))"
    r"|(?:[A-Za-z]+\s)?dose\slevels\s(?:were|of)(?:\s(?:tested|evaluated|explored|studied|investigated|used))?)"
    r"\s?[:,]?\s(?:an?\s(?:[\w\-]+\s)?dose\sof\s)?\d", re.I)
# The weight or age that sets a dose, in words or by a sign alone ("Patients ≥45 kg received 28 µg/day").
_WEIGHT_OR_AGE = (r"(?:(?:(?:weighing|aged|under|over|below|above|older\sthan|younger\sthan|less\sthan|more\sthan)\s"
                  r"(?:(?:at\s)?(?:least|most|less|more|than|under|over)\s){0,2}[<>≤≥]?|[<>≤≥])\s?\d+(?:\.\d+)?\s?"
                  r"(?:kg|years?)(?:\sor\s(?:more|less|older|younger|above|over|under))?)")
# An opening scope before such a sentence's subject: "In cycle 1, the dose was ...", "During the first week, patients
# received ...", "For patients under 45 kg, the dose was ...", or a schedule's label and colon, "Cycle 1: 0.8 mg/m2".
_SCOPE_LEAD = re.compile(
    r"\s*(?:(?:In|During|For|From)\s(?:the\s)?(?:(?:cycles?|courses?|weeks?)\s\d+(?:\s?[\-–]\s?\d+)?"
    r"|(?:first|second|subsequent|later|following|remaining)\s(?:cycles?|courses?|weeks?)"
    r"|(?:patients|children|adults)\s(?:" + _WEIGHT_OR_AGE + r"|[a-z ]{1,25}?)"
    r"|(?:[\w\-]+\s){0,3}?(?:phase|part|portion|cohort|stage)(?:\s(?:1b?|2|Ib?|II))?),\s"
    r"|(?:Subsequently|Thereafter|Initially|Afterwards|Later|Then),\s"
    # "After a protocol amendment, the dose was", "Once CR was achieved, ...", "Starting with cycle 2, ..."
    r"|(?:After|Once|Upon|When|Starting\s(?:with|from)|Beginning\swith|From)\s[^,;]{1,40}?,\s"
    r"|(?P<label>(?:(?:Cycle|Course|Week)\s\d+(?:\s?[\-–]\s?\d+)?|(?:Cohort|Arm|Group|Dose\slevel|DL)\s?[A-Z0-9]{1,2}):\s))")
# The same with the drug as a pronoun or a common noun, its verb and the preposition of its dose: "It was given at 9
# µg/day", "The drug was administered intravenously at 1.8 mg/m2", "The antibody was dosed at a fixed dose of 28 µg",
# "Cells were infused at 0.2-5 × 10^6 cells/kg" (a CAR T product's).
_PRONOUN_SUBJECT = re.compile(
    r"\s*(?:It|This|Treatment|Therapy|(?:Each\s)?[Ii]nfusions?|The\s(?:drug|agent|antibody|conjugate|immunoconjugate"
    r"|study\sdrug|product|treatment|infusions?)"
    r"|(?:The\s)?(?:CAR[\s\-]?T\s)?[Cc]ells)\s(?:was|were|is)\s(?:\w+\s)?"
    r"(?:given|administered|dosed|infused|delivered)\s(?:[a-z]+\s){0,3}?(?:at|as)\s"
    r"(?:an?\s(?:[\w\-]+\s)?dose\sof\s)?\d")
# The dose itself as the subject of a passive verb of giving: "1.8 mg/m2 was given per cycle", "In the second cohort,
# 1.2 mg/m2 was administered", "Thereafter, 28 µg/day was infused".
_DOSE_FIRST = re.compile(r"\s*" + _AMOUNT_AHEAD + r"[^;,]{0,30}?\s(?:was|were)\s(?:then\s)?(?:given|administered|infused"
                         r"|(?:selected|chosen|identified|established|declared|confirmed)\s(?:as|for)\b)")
# The MTD not reached at the dose last tested, which patients were given: "The MTD was not reached at 30 µg/m2/day",
# "The maximum tolerated dose was not reached up to 1.8 mg/m2", "... at the highest dose level (1.8 mg/m2)".
_MTD_NOT = (r"\s*(?:the\s)?(?:MTD|maxim(?:um|al)\stolerated\sdose(?:\s\(MTD\))?)\s(?:was|has\sbeen)\snot"
            r"\s(?:reached|identified|defined)")
_MTD_NOT_REACHED = re.compile(
    _MTD_NOT + r"\s(?:at|up\sto|with)\s(?:(?:the|a)\s)?(?:(?:highest|maximum|top)\s(?:planned\s|tested\s)?(?:dose(?:\slevel)?\s)?"
    r"(?:tested\s|evaluated\s|studied\s)?(?:of\s|\()?)?\d", re.I)
# The same as a clause before the one stating the dose: "The MTD was not reached, and the RP2D was 1.8 mg/m2", "The
# MTD was not reached; 1.8 mg/m2 was chosen as the RP2D".
_MTD_NOT_REACHED_CLAUSE = re.compile(_MTD_NOT + r"(?:,?\sand\s|;\s|,\s)", re.I)
# Any other drugless sentence whose words before its first number say it states a dose: "Patients were enrolled at a
# dose of 0.9 mg/m2", "Cohort 1 (n = 6) received 0.9 mg/m2", "Dose level 1 (0.9 mg/m2) was well tolerated", "Patients
# were scheduled to receive 1.8 mg/m2 per cycle", "The protocol specified", "Six cycles of 1.8 mg/m2 were planned",
# "A weekly schedule (0.8 mg/m2 on day 1 ...) was used". The filters of a sentence naming its drug still apply
# (exposure, counted changes, toxicity, thresholds, earlier therapy), and the unit must fit the drug carried.
_DOSE_WORD_FIRST = re.compile(
    r"[^\d;]*\b(?:doses?|dosing|dosed|levels?|cohorts?|receiv\w*|given|administered|infused|treated|schedules?"
    r"|regimens?|cycles?|courses?|tested|evaluated|explored|planned|specified|used|adopted)\b[^\d;]*\d", re.I)
# What makes a drugless sentence's amount no regimen dose, for the broad readings above: another time or study ("We
# previously used a dose of 1.8 mg/m2", "historical controls received 28 µg/day") or a statistic of exposure ("The
# median exposure was 2 cycles (range, 1-5) with 0.8 mg/m2 weekly").
_NOT_THE_REGIMEN = re.compile(r"\b(?:previous(?:ly)?|prior|earlier|historic(?:al|ally)?|before\s(?:enrol|entry|the\sstudy)"
                              r"|median|mean|cumulative|exposure)\b", re.I)
# The first amount of a sentence, and the word right before it (see _named_amount).
_FIRST_AMOUNT = re.compile(r"\d+(?:[.,·]\d+)?(?:\s?[×xX]\s?10\S*)?\s?(?:mg|µg|μg|mcg|g|IU|U|cells|CAR)\b")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w\-]*)\s?\(?$")
_JOINING_WORDS = frozenset({
    "at", "of", "to", "with", "from", "by", "and", "or", "then", "either", "between", "plus", "including", "per", "up",
    "than", "was", "were", "is", "are", "be", "been", "receive", "received", "receiving", "given", "administered",
    "infused", "treated", "dosed", "dose", "doses", "dosing", "level", "levels", "cohort", "cohorts", "reduced",
    "increased", "escalated", "lowered", "decreased", "tested", "evaluated", "explored", "planned", "specified", "used",
    "included", "comprised", "consisted", "weekly", "daily", "thereafter", "subsequently", "followed", "week", "day",
    "days", "cycle", "cycles", "course", "courses", "schedule", "regimen", "target", "total", "fixed", "flat",
    "starting", "initial", "only", "also", "all"})
# The same when a schedule follows the dose, the sentence a dose and its days: "0.8 mg/m2 on day 1 and 0.5 mg/m2 on
# days 8 and 15 of each cycle", "28 µg/day for 4 weeks, then 2 weeks off".
_SCHEDULED_DOSE = re.compile(r"[^;]*?\d\s?(?:mg|µg|μg|mcg|g|IU|U|cells)\b[^;]*?\b(?:per\s(?:cycle|course|dose|day|week)"
                             r"|on\sdays?|daily|weekly|every|for\s\d+\s(?:days|weeks)|of\s(?:each|every)\s(?:cycle|course))\b")
# The study as the subject and the dose as the object of its verb, the drug named before: "We evaluated a lower dose
# of 0.9 mg/m2 in 30 older adults", "This study tested a fractionated dose of 1.8 mg/m2 per cycle".
_STUDY_DOSE_OBJECT = re.compile(
    r"\s*(?:We|(?:This|The|Our)\s(?:[\w\-]+\s)?(?:study|trial))\s(?:(?:then|also|therefore|thus|further|prospectively)\s)?"
    r"(?:evaluated|tested|used|gave|administered|chose|selected|investigated|explored|studied|examined|assessed)"
    r"\s(?:an?|the)\s(?:[\w\-]+\s){0,2}?doses?\sof\s\d")
# The population as the subject and the dose as the object of its verb: "Children received 650 mg/m2/day for 5 days",
# "Adults were given a dose of 1.5 g/m2", "Patients weighing at least 45 kg received 28 µg/day", "Children under 45
# kg received 15 µg/m2/day" (the weight or age that sets the dose, not a count: "Four patients received" is no
# population of the regimen's, see _given_for_toxicity).
_RECEIVED_DOSE = re.compile(
    r"\s*[A-Za-z][\w\-]*\s(?:(?:[A-Za-z][\w\-]*|\d{1,2}[A-Za-z]?)\s){0,3}?(?:" + _WEIGHT_OR_AGE + r"\s)?"
    r"(?:received|were\s(?:given|administered)|were\s(?:treated|dosed)\sat|were\streated\swith"
    r"|were\s(?:randomi[sz]ed|assigned|allocated)(?:\s\(?\d:\d\)?)?\sto)\s"
    r"(?:either\s)?(?:(?:an?|the)\s(?:[\w\-]+\s){0,2}?dose\sof\s)?\d")
# Words without which _CAP_BEFORE, _EXPOSURE_BEFORE and _PRIOR_THERAPY cannot match.
_CAP_CUES = ("max", "capped", "exceed")
_EXPOSURE_CUES = ("dose", "median", "mean")
_PRIOR_CUES = ("previous", "treated", "exposed", "prior", "fail", "resistan", "refractory", "intoleran", "relaps",
               "progress")
# The drug whose dose a sentence states: "the dose of clofarabine", "the RP2D of inotuzumab", "the MTD of X".
_DOSE_OF = re.compile(r"\b(?:doses?|RP2D|MTD)\sof\s$", re.I)
# A partner's dose printed right after its name ("ibrutinib 560 mg", "ibrutinib (560 mg", "ibrutinib at 560 mg"), and
# the verb of a "dose of" subject right before its dose ("The MTD of X with Y 50 mg was 400 mg").
_PARTNER_DOSED = re.compile(r"\s?(?:\(|at\s)?")
_SUBJECT_VERB_BEFORE = re.compile(r"\s(?:was|were|is)\s(?:(?:set|fixed|established|determined|found)\s)?(?:at\s|to\sbe\s)?$")
# The exponent of a bare power of ten, which the number reader leaves apart: "10^6 cells/kg" is no dose of 6.
_EXPONENT_BEFORE = re.compile(r"\^\s?$")
# A drug named after the unit: "40 mg/m2 of clofarabine", "1×106 cells/kg KTE-X19", "dose levels (0.8, 1.2 and 1.8
# mg/m2) of inotuzumab", "the 15 µg/m2/day dose level of blinatumomab", "the 9-28 µg/day schedule of blinatumomab"
# (not "fludarabine (30 mg/m2) cyclophosphamide": a bracket is its drug's before it).
_DRUG_AFTER_GAP = re.compile(r"^(?:\s|\)?\s(?:(?:dose(?:\slevel)?|schedule|regimen)\s)?of\s)$")
_PHRASE_END = re.compile(r"[.,;]|\s(?:and|or)\s|$")
# A sentence opening on the dose names its drug as the subject after the comma: "At the MTD of 1.8 mg/m2, inotuzumab
# produced ...", "At the recommended phase 2 dose (RP2D) of 28 µg/day, blinatumomab ...", "At a dose of 1 × 10^6
# cells/kg, CD7 CAR T cells ...", "At dose level 2 (3 × 10^6 cells/kg), CD7 CAR T cells ..." (not "At the MTD of 1.8
# mg/m2, the CR rate with inotuzumab was 60%").
_DOSE_OPENING = re.compile(
    r"\s*At\s(?:(?:the|an?)\s)?(?:(?:MTD|RP2D|maximum\stolerated\sdose|recommended\s(?:phase\s(?:2|II)\s)?dose"
    r"|(?:target|starting|highest|lowest)\sdose|doses?(?:\slevels?)?)(?:\s\((?:MTD|RP2D)\))?\sof\s"
    r"|(?P<level>(?:dose\slevel\s?|DL-?)\d{1,2}\s\())$", re.I)
# A first step said as an opening phrase before the drug, the subject after its comma: "After a 9-µg/day run-in,
# blinatumomab was given at 28 µg/day", "Following a lead-in at 9 µg/day, blinatumomab ...", "After a 9 µg/day
# run-in week, ..." (the dose is the drug's, as is the later one)
_RUN_IN_BEFORE = re.compile(r"\s*(?:After|Following|With)\s(?:an?|the)\s(?:(?:\d|one|two|seven)[\s\-](?:week|day)s?[\s\-])?"
                            r"(?:(?:run|lead)[\s\-]in\s(?:(?:at|of)\s)?)?$", re.I)
_RUN_IN_WORD = re.compile(r"\b(?:run|lead)[\s\-]in\b", re.I)
_RUN_IN_AFTER = re.compile(r"(?:[\s\-](?:run|lead)[\s\-]in(?:\s(?:week|period|phase|dose|cycle))?)?"
                           r"(?:\s(?:for|in|during)\s(?:the\s)?(?:first\s)?(?:\d|one|seven)?\s?(?:week|days?))?,\s")
# A dose after an item of a list that names a drug the lexicon does not know: "methotrexate 15 mg, cytarabine 40 mg
# and hydrocortisone 50 mg" (the 50 mg is hydrocortisone's, not cytarabine's), "with ursodeoxycholic acid 300 mg",
# "followed by leucovorin 15 mg/m2", "blinatumomab with posaconazole 300 mg", "; aspirin 81 mg", "Patients on
# ponatinib took atorvastatin 20 mg", "During blinatumomab, patients received posaconazole 300 mg": a join (_ITEM_JOINS),
# then one to three words that are no function word, verb, pronoun, route or schedule word, right before the number
# (not "200 mg, 400 mg, or 600 mg": a conjunction; not "; in cohort B, at 1.2 mg/m2").
_ITEM_JOINS = (",", " and", " plus", " with", " by", ";", " received", " receiving", " took", " taking")
_ITEM_JOIN_CUE = re.compile("|".join(map(re.escape, _ITEM_JOINS)))
_UNKNOWN_ITEM_REACH = 40  # characters before the number: ", and hydrocortisone "
_NOT_A_DRUG_WORD = re.compile(r"(?:at|of|to|then|or|and|either|by|from|up|was|were|is|dose[sd]?|each|every|later"
                              r"|thereafter|approximately|about|reduced|increased|escalated|decreased|\w+ly|\w+ed"
                              r"|\w+ing|a|an|the|in|on|for|with|than|versus|vs|into|per|total|median|mean|range"
                              r"|cycles?|courses?|levels?|cohorts?|arms?|groups?|patients|children|adults|those"
                              r"|maintenance|consolidation|induction|reinduction|thereafter|afterwards|IV|PO|SC|IT"
                              r"|oral|intravenous|subcutaneous|intrathecal|continuous|we|they|it|whereas|while|but|when|if|who|which|that"
                              r"|gave|given|took|taken|got|[\w\-]+-dose|standard|single-agent|fixed|flat|split|only)", re.I)
_NAME_WORDS = 3  # "ursodeoxycholic acid", "intravenous immune globulin"
# A partner drug between a subject drug and the verb of its dose: "X, given with Y, was administered at 1.8 mg/m2",
# "X, preceded by Y 20 mg, was given at", "X was added to Y and given at" (the subject's own verb, coordinated); "X
# was given with Y premedication at 9 µg/day" (the partner's role named); "X was given with a backbone at 0.9
# mg/m2" (a backbone has no dose of its own). Not across a clause: "X was given to 20 patients with Ph-positive ALL,
# and Y was given at 140 mg" is Y's.
_COMBINED_WITH = re.compile(r"\b(?:with|plus|to|by)\s", re.I)
_CLAUSE_BREAK = re.compile(r";|,\s(?:and|but|while|whereas)\s|\.\s")
_COORDINATED_VERB = re.compile(r"\sand\s(?:(?:was|were)\s)?(?:then\s)?(?:given|administered|dosed|infused|delivered)"
                               r"\s(?:[a-z]+\s){0,2}?(?:at|as)\s(?:an?\s(?:[\w\-]+\s)?dose\sof\s)?", re.I)
_PARTNER_ROLE = re.compile(r"\s(?:premedication|prophylaxis|pretreatment|prephase|cytoreduction|support)\s"
                           r"(?:at|of)\s(?:an?\s(?:[\w\-]+\s)?dose\sof\s)?", re.I)
_AT_DOSE = re.compile(r"\s(?:at|of)\s(?:an?\s(?:[\w\-]+\s)?dose\sof\s)?")
# The subject's verb of dosing right before the partner, whose "at" the dose is: "Dasatinib was given with
# blinatumomab at 140 mg daily" (not "Ponatinib was combined with blinatumomab at 28 µg/day", the partner's).
_DOSED_WITH = re.compile(r"\s(?:given|administered|dosed|delivered)\s(?:together\s|concurrently\s)?with\s$", re.I)
# What may open a sentence before its subject drug, one word: "Intravenous inotuzumab", "Single-agent blinatumomab".
# A clause after ";" whose subject is a pronoun for the drug, after an opening scope: "; after 20 patients, it was
# given".
_PRONOUN_CLAUSE = re.compile(r";\s(?:[^;,\d]{0,30}(?:\d+[^;,\d]{0,20})?,\s)?(?:it|the\sdrug)\s(?:was|is)\s"
                             r"(?:then\s|later\s|subsequently\s)?(?:given|administered|dosed|infused|delivered)\b",
                             re.I)
_SENTENCE_OPENING = re.compile(r"\s*(?:[A-Za-z][\w\-]*\s)?")
_FINITE_VERB = re.compile(r"\b(?:was|were|is|are|had|has|have)\b", re.I)
_SUBJECT_VERB = re.compile(r"\b(?:was|were)\s(?:\w+\s)?(?:given|administered|dosed|infused|delivered)\b", re.I)
# After a cell count: per kg or per volume ("cells/kg", "cells per kilogram", "cells/µL").
_PER_AFTER_CELLS = re.compile(r"\s?(?:/|per\s)", re.I)
# The regimen class of the CAR T products (patterns/regimen_classes.jsonl), and what makes a product named before a
# dose an earlier therapy, not the one dosed ("relapsed after tisagenlecleucel, patients received ...").
_CELL_CLASS = "CAR T cells"
_CELL_UNITS = frozenset({"cells", "cells/kg", "cells/m2"})
# The class of drugs given for a complication or its prevention (posaconazole, IVIG, anakinra, defibrotide, ursodiol,
# levetiracetam, rasburicase ...: patterns/regimen_classes.jsonl): known so that a dose beside them is not taken for
# the study drug's ("Blinatumomab was given with posaconazole at 300 mg daily"), their own doses no regimen's.
_SUPPORTIVE_CLASS = "supportive care"
# The amount units the classes of patterns/regimen_classes.jsonl dosed in one way are given in, which tell a partner's
# dose from the subject's ("Blinatumomab was given with ponatinib at 45 mg": a TKI's flat dose, no dose of a T-cell
# engager). Classes dosed many ways (chemotherapy: mg/m2, g/m2, a flat intrathecal mg; antibodies: mg/m2, mg/kg, mg)
# are left out: their unit tells nothing.
_FLAT = frozenset({"mg", "g"})
_UNITS_OF_CLASS = {"bispecific T-cell engager": frozenset({"µg", "µg/m2", "µg/kg"}), _CELL_CLASS: _CELL_UNITS,
                   "tyrosine kinase inhibitor": _FLAT | {"mg/m2"},  # children's doses: "imatinib 340 mg/m2/day"
                   "BCL-2 inhibitor": _FLAT, "BTK inhibitor": _FLAT,
                   "antibody-drug conjugate": frozenset({"mg/m2", "µg/m2"}),
                   "corticosteroid": _FLAT | {"mg/m2", "mg/kg", "g/m2"}}  # never µg: "The MTD was 15 µg/m2/day"
# CAR T cells named by their kind only, whose dose is the study's product's (see _study_product_doses): "CAR T
# cells/kg", "CAR-T cells", "CAR+ T cells", "CAR-positive T cells", "chimeric antigen receptor T cells", "transduced
# T cells" (not "CD34+ cells/kg" of a graft, nor "CD3+ T cells" of a donor lymphocyte infusion).
_CAR_T_CELLS = re.compile(r"\b(?:CAR(?:[\s\-]?T\b|\+|[\s\-]positive)|[Cc]himeric\santigen\sreceptor|transduced\s(?:[\w\-]+\s)?T)"
                          r"[^.;]*?cells")
_OTHER_CELLS = re.compile(r"\bCD(?:34|3|45|56)\+?|\b(?:stem|progenitor|mononuclear|NK|donor|graft|nucleated)\b", re.I)
# The verb before the amount ("Patients received 2 × 10^6 cells/kg"), or after it, the cells its subject ("2 × 10^6 T
# cells/kg were administered").
_CELLS_GIVEN = re.compile(r"\b(?:received|given|administered)\b[^;\d]*\d|\d(?:\s?[×xX]\s?10\^?\(?\d+\)?)?"
                          r"[^;\d]{0,30}?\bcells\b[^;\d]{0,20}?\s(?:was|were)\s(?:then\s)?(?:given|administered)\b")
# Cells described as what a product is made from or what a graft holds: "1 × 10^9 apheresed cells", "harvested",
# "collected", "CD34+ cells", "mononuclear cells".
_STARTING_CELLS = re.compile(r"\b(?:aphere\w*|leukaphere\w*|harvested|collected|mobili[sz]ed|mononuclear|nucleated)\b"
                             r"|\bCD34\+", re.I)
_BARE_CELLS = re.compile(r"\)?\s?(?:cells\s?)?(?:/|per\s)?(?:kg|kilogram|m2|m²)?|\)?\s(?:(?:T\s)?cells|CAR[\w+\-\s]*cells)"
                         r"(?:\s?(?:/|per\s)\s?(?:kg|kilogram|m2|m²))?", re.I)
_ANTIGEN = re.compile(r"\bCD\d{1,2}\b")
_DIGIT_SPLIT = re.compile(r"\d")
_StudyProduct = namedtuple("_StudyProduct", "id_ start_char end_char")  # a drug named outside the sentence
# Per body surface right after a cell product: "1 × 10^7 CD19 CAR T cells/m2" (read here, not as a unit rule of its
# own, which would match inside every "mg/m2").
_PER_SQUARE_METRE = re.compile(r"\s?(?:/|per\s)m(?:2|²|\(2\))(?!\w)")
_EARLIER_THERAPY = re.compile(
    r"\b(?:after|following|prior(?:\sto)?|previous(?:ly)?(?:\s(?:received|treated\swith|exposed\sto))?|failure\sof"
    r"|fail(?:ed|ing)|(?:relapsed|refractory|resistant|progressed|progressing)(?:\s(?:after|to|on|following))?)"
    r"\s(?:(?:the|a|an|prior)\s)?$", re.I)
_EARLIER_REACH = 25  # characters before the product: "who relapsed after ", "after failure of "
# A backbone's reduced dose stated as the share cut, mini-hyper-CVD's "cyclophosphamide and dexamethasone at 50% dose
# reduction" (or "were given at 50% dose reduction"): a dose of each drug of the coordination before "at" (a reduction
# without "at", "required a 50% dose reduction", is an event, not the regimen).
_REDUCTION = "% dose reduction"
_AT_REDUCTION = re.compile(r"\s(?:(?:was|were)\s(?:given|administered|used|delivered)\s)?at\s(?:an?\s)?")
_REDUCTION_OF = re.compile(r"\s(?:of\s(?:the\s)?)?")  # "50% dose reduction of cyclophosphamide", "50% dose-reduced X"
_REDUCTION_NEEDED = re.compile(r"\b(?:requir|need|underw|had|ha[sv]e|necessit)\w*\s(?:an?\s)?$", re.I)
_DRUG_JOIN = re.compile(r",\s?(?:and\s)?|\s(?:and|plus)\s|/|\s?\+\s?")  # "X plus Y", "X + Y"
_BRACKET_GAP = re.compile(r"\s?[(\[]")  # "fludarabine/cyclophosphamide (30/500 mg/m2/day)"
_STEP_WORDS = re.compile(r"\b(?:then|followed|thereafter|escalat\w*|increas\w*|reduc\w*|decreas\w*)\b", re.I)
_VERB_GAP = re.compile(r"\s[^\d()\[\];]*[A-Za-z][^\d()\[\];]*\s")  # " were given at ", " were dosed at "
# What ends the mantissa of a scientific number: "× 10^6", "x10(6)", "million", "E6".
_TIMES = re.compile(r"\s?[×xX*]|\s(?i:thousand|million|billion)|[eE](?=\+?\d)")
# What may stand between a dose and its unit: nothing, a space, or a hyphen ("9-μg/day", "a 2-mg dose").
_NUMBER_TO_UNIT = frozenset({"", " ", "-", "\u2010", "\u2011"})
_DIGIT = re.compile(r"\d")


def extract_doses(doc: Doc, section: str, context: ArticleContext) -> list[dict]:
    """Every dose stated in one section.

    Args:
        doc: the processed section text.
        section: its name (evidence.section).
        context: the article's context (number words).

    Returns:
        Dose dicts {drug, dose, dose_max, unit, per, flags, evidence}; a list of doses sharing a unit ("2, 1, or
        0.5×106 cells/kg") gives one dict per dose, a range or step-down ("1.8 to 1.3 mg/m2") one dict with
        dose_max.
    """
    doses, previous = [], None
    background = _BACKGROUND.match(section) is not None
    view = section_view(doc)
    sentences = view.sentences
    opening = section == UNLABELLED_SECTION  # may open on its background (see _STUDY_REPORT)
    for index, sent in enumerate(sentences):
        # most sentences name no unit, or no drug: no overlaps need resolving then
        if sent.labelled("UNIT"):
            # an unlabelled abstract's background is decided at its first sentence with a unit, once past it for good
            opening = opening and _in_opening_background(sentences, index, view.text)
            if not ((background or opening) and not _THIS_STUDY.search(sent.text)):
                # (else "BACKGROUND: Inotuzumab at 1.8 mg/m2 per cycle improved remission rates": what was known)
                doses += _doses_of_sentence(sent, previous, section, context)
        if sent.labelled("DRUG"):
            context.drug_sentence = sent
        previous = sent
    return doses


def name_as_printed(doses: list[dict], docs: list[tuple[str, Doc]]) -> None:
    """Name each dose's drug as the abstract writes it, as the gold does where SCHEMA is silent ("KTE-X19",
    "daunomycin"), and keep the lexicon's canonical name in `drug_id`, which tables and tests group by. The
    printed name is the canonical one when the abstract prints it, else its first printed name, a spelled one
    before an abbreviation ("daunomycin (DNR)" for daunorubicin)."""
    if not doses:
        return
    # (the cached section texts and the ruler's rows of its spans, by start: Doc.text and Span.text rebuild
    # themselves from the tokens on every access, and each span of doc.spans is a new Span reading three Tokens)
    whole = " ".join(doc_text(doc) for _, doc in docs).lower()
    printed = {}
    for _, doc in docs:
        text = doc_text(doc)
        for _, _, start_char, end_char, label, drug in span_rows(doc):
            if label == "DRUG":
                name = text[start_char:end_char]
                if drug not in printed or _spelled(name) > _spelled(printed[drug]):
                    printed[drug] = name
    lexicon = regimen_lexicon()
    for dose in doses:
        canonical = dose["drug"]
        dose["drug"] = _stem_named_as_printed(canonical, printed) if lexicon.named_by_stem(canonical) \
            else canonical if canonical.lower() in whole else printed.get(canonical, canonical)
        dose["drug_id"] = canonical


def _stem_named_as_printed(canonical: str, printed: dict) -> str:
    """A stem rule's drug as printed ("CD20 CAR T cells", its id "cd20 car t cells"), but a name capitalised only as
    a sentence's first word ("Glofitamab was given") is the id."""
    name = printed.get(canonical, canonical)
    return canonical if name == canonical.capitalize() else name


def _spelled(name: str) -> bool:
    """Whether a drug's name is spelled out rather than abbreviated: it holds a lower-case letter ("DNR" does not)."""
    return any(c.islower() for c in name)


def _doses_of_sentence(sent: Sentence, previous: Sentence | None, section: str, context: ArticleContext) -> list[dict]:
    """The doses of one sentence with a unit: of the drugs it names, else of the drug a sentence before names when
    its subject is the dose (see _dose_sentence, _carried_doses), else of the study's CAR T product."""
    found = []
    if sent.labelled("DRUG"):
        found = _sentence_doses(sent, section, context)
    elif context.drug_sentence is not None and _dose_sentence(sent.text):
        found = _not_other_cells(sent, _carried_doses(context.drug_sentence, previous, sent, section, context))
    if not found and not sent.labelled("DRUG") and (_car_t_cells_named(sent.text) or _cells_given(sent.text)):
        found = _study_product_doses(sent, section, context)
    return _this_studys(sent, found, context) if found else found


def _dose_sentence(text: str) -> bool:
    """Whether a sentence naming no drug states a dose of the drug before it (see _DOSE_SUBJECT, _PRONOUN_SUBJECT,
    _RECEIVED_DOSE, _SCHEDULE_SUBJECT), after an opening scope of its own ("In cycle 1, the dose was", "For patients
    under 45 kg, the dose was", "Cycle 1: 0.8 mg/m2 on day 1")."""
    lead = _SCOPE_LEAD.match(text)
    if lead is not None:
        if lead.group("label") is not None and _DIGIT.match(text, lead.end()):
            return True  # "Cycle 1: 0.8 mg/m2 on day 1 ...": a schedule's label, then its dose
        text = text[lead.end():]
    clause = _MTD_NOT_REACHED_CLAUSE.match(text)
    if clause is not None:
        text = text[clause.end():]  # "The MTD was not reached, and the RP2D was 1.8 mg/m2"
    if any(rule.match(text) for rule in (_DOSE_SUBJECT, _PRONOUN_SUBJECT, _RECEIVED_DOSE, _SCHEDULE_SUBJECT,
                                         _DOSE_LEVEL_REPORT, _LEVEL_SUBJECT, _STUDY_DOSE_OBJECT, _DOSE_FIRST,
                                         _MTD_NOT_REACHED)):
        return True
    return (_DOSE_WORD_FIRST.match(text) is not None or _SCHEDULED_DOSE.match(text) is not None) \
        and not _named_amount(text) and _NOT_THE_REGIMEN.search(text) is None


def _named_amount(text: str) -> bool:
    """Whether the first amount of a sentence follows a word that is no dose word nor a joining one, a name the
    lexicon does not know ("Aspirin 81 mg daily was given", "Patients received aspirin 81 mg"): that drug's dose."""
    amount = _FIRST_AMOUNT.search(text)
    if amount is None:
        return False
    word = _WORD_BEFORE.search(text, 0, amount.start())
    return word is not None and word.group(1).lower() not in _JOINING_WORDS


def _in_opening_background(sentences: list[Sentence], index: int, text: str) -> bool:
    """Whether sentences[index] of an unlabelled abstract is in its opening background: no sentence up to it names
    the study or reports its patients, and a later one names the study (see _STUDY_REPORT)."""
    if _THIS_STUDY.search(text) is None:
        return False
    return not any(_THIS_STUDY.search(s.text) or _STUDY_REPORT.search(s.text) for s in sentences[:index + 1])


def _this_studys(sent: Sentence, found: list[dict], context: ArticleContext) -> list[dict]:
    """The doses of a sentence that are this study's: not another study's, named (see _NAMED_TRIAL) or not (see
    _OTHER_STUDY), set against the standard dose, or proposed for later study (see _CONTRAST_STANDARD, _PROPOSED)."""
    found = _not_of_another_trial(sent, found, context)
    others = _other_studies(sent.labelled("DESIGN_CONTEXT"))
    lowered = sent.text.lower()
    cues = {cue for cue in _STUDY_CUES if cue in lowered}  # substrings: cheaper than one regex of the words
    if not (cues or others):
        return found  # most sentences with a dose name no other study, no standard dose and no proposal
    proposed = bool(cues & _PROPOSAL_CUES) and _PROPOSED.search(sent.text) is not None
    contrast = bool(cues & _CONTRAST_CUES)
    text = sent.section_text
    return [dose for dose in found if not (proposed and _proposed_in_clause(text, sent, dose["evidence"]["end"])
                                           or _named_for_another(text, sent.start_char, dose["evidence"]["end"],
                                                                 others, contrast))]


def _not_of_another_trial(sent: Sentence, found: list[dict], context: ArticleContext) -> list[dict]:
    """The doses of a sentence but those after another trial's name in their clause, with no this-study word
    between (see _NAMED_TRIAL, _TRIAL_OPENING)."""
    text = sent.section_text
    opening = _TRIAL_OPENING.match(text, sent.start_char, sent.end_char)
    named = list(_NAMED_TRIAL.finditer(text, sent.start_char, sent.end_char))
    trials = [m for m in ([opening] if opening else []) + named if not _names_this_study(m.group("name"), context)]
    if not trials:
        return found
    kept = []
    for dose in found:
        at = dose["evidence"]["end"]
        before = [m for m in trials if m.end() <= at]
        if not before or ";" in text[before[-1].end():at] or _THIS_STUDY.search(text, before[-1].end(), at):
            kept.append(dose)
    return kept


def _names_this_study(name: str, context: ArticleContext) -> bool:
    """Whether a trial's name is this report's: in the title, or in a sentence with a this-study word, a registry
    number or a count of patients ("The phase 2 ZUMA-3 study (NCT02614066) enrolled", "In the TOWER study, 405
    patients were randomized")."""
    index = context.arm_index
    if index is None:
        return True  # nothing known of the article: keep its doses
    return name in index.title or any(name in text and (_THIS_STUDY.search(text) or _OWN_TRIAL_FACTS.search(text))
                                      for text in index.texts)


def _other_studies(design_context: list) -> list:
    """The sentence's other-study spans, but for one inside this study's name ("In this pivotal phase 2 study")."""
    if not design_context:
        return design_context
    own = [span for span in design_context if span.id_ == "this-study"]
    return [span for span in design_context if span.id_ == _OTHER_STUDY
            and not any(o.start < span.end and span.start < o.end for o in own)]


def _nearest_phrase(others: list, at: int) -> tuple[int, int] | None:
    """The character bounds of the other-study phrase nearest before `at`: the spans ending there, overlapping
    ones joined ("consistent with prior" and "prior studies" make "consistent with prior studies")."""
    phrase = None
    for span in sorted((span for span in others if span.end_char <= at), key=_START_END):
        if phrase is not None and span.start_char < phrase[1]:
            phrase = (phrase[0], max(phrase[1], span.end_char))
        else:
            phrase = (span.start_char, span.end_char)
    return phrase


def _proposed_in_clause(text: str, sent: Sentence, at: int) -> bool:
    """Whether the dose ending at `at` is proposed for later study in its clause (between semicolons), which reports
    nothing: "Inotuzumab was active; a comparison with the standard 1.8 mg/m2 schedule should be performed"."""
    start = text.rfind(";", sent.start_char, at) + 1 or sent.start_char
    end = text.find(";", at, sent.end_char)
    end = sent.end_char if end == -1 else end
    return _PROPOSED.search(text, start, end) is not None and _REPORTS.search(text, start, end) is None


def _named_for_another(text: str, start: int, at: int, others: list, contrast: bool) -> bool:
    """Whether the dose whose evidence ends at `at` follows, in its clause, a cue of another study (`others`, the
    sentence's other-study spans) or of the standard dose it is set against, with no this-study word between ("we",
    "our", "this"): "Earlier trials used inotuzumab at 1.8 mg/m2, whereas we gave 1.2 mg/m2" keeps the 1.2 (its
    evidence starts at the drug)."""
    if contrast and _CONTRAST_STANDARD.search(text, start, at) is not None:
        return True
    phrase = _nearest_phrase(others, at)
    if phrase is None:
        return False
    cue_start, cue_end = phrase
    rest = text[cue_end:at]
    if ";" in rest or _THIS_STUDY.search(rest):
        return False
    set_against = text[cue_start:cue_end].lower().startswith(_LIKENESS) or _SET_AGAINST.search(
        text[max(start, cue_start - 25):cue_start]) is not None
    # "Unlike previous studies, inotuzumab was given at 0.9 mg/m2" is this study's
    return not (set_against and "," in rest) or _RELATIVE_CLAUSE.fullmatch(rest) is not None


def _carried_doses(antecedent: Sentence, previous: Sentence | None, sent: Sentence, section: str,
                   context: ArticleContext) -> list[dict]:
    """The doses of a sentence naming no drug whose subject is the dose ("The starting dose was 1.8 mg/m2 per
    cycle", "The MTD was 1.8 mg/m2", "Dose level 1 was 5 µg/m2/day"), the drug as a pronoun ("It was given at 28
    µg/day") or the dose as the object ("Children received 650 mg/m2/day"): of the one drug the last sentence naming
    a drug names (`antecedent`: "Patients received inotuzumab ozogamicin in 3-week cycles.", "Inotuzumab was added to
    mini-hyper-CVD.": a backbone has no dose of its own), the sentence before or one further back ("Adults received
    inotuzumab. Forty patients were enrolled. The starting dose was 1.8 mg/m2"), the title too ("Blinatumomab in
    children ...": "The MTD was 15 µg/m2/day"); none when it names two or more. A drug named further back than the
    sentence before is no part of the evidence, which then starts at the sentence."""
    named = [d for d in rule_spans(antecedent, "DRUG") if not _is_backbone(d.id_)]
    if not named or any(d.id_ != named[0].id_ for d in named):
        return []  # "Patients received inotuzumab and blinatumomab. It was given at ...": whose is not in the words
    if _is_car_t(named[0].id_) and len(set(_ANTIGEN.findall(antecedent.text))) > 1:
        return []  # "CD19 and CD22 CAR T cells": the lexicon reads the second product only
    if antecedent is previous:
        doses = _sentence_doses(sent, section, context, carried=named[-1])
    else:
        text, at = antecedent.section_text, named[-1].start_char
        if _PRIOR_THERAPY.search(text, max(antecedent.start_char, at - _PRIOR_REACH), at):
            return []  # "Patients had received prior blinatumomab. Forty were enrolled. The dose was 28 µg/day."
        doses = _sentence_doses(sent, section, context, carried=_StudyProduct(named[-1].id_, sent.start_char,
                                                                                sent.start_char))
    # an amount the drug's class is not dosed in is no dose of it: "Patients received blinatumomab. Gilteritinib was
    # given at 120 mg" (a drug the lexicon does not know)
    return [dose for dose in doses if _unit_fits(dose["drug"], dose["unit"]) is not False]


def _study_product_doses(sent: Sentence, section: str, context: ArticleContext) -> list[dict]:
    """The doses of CAR T cells in a sentence naming no drug ("Patients received a single infusion of 3 × 10^6 CAR
    T cells/kg"), of the study's one CAR T product (see _study_product); amounts in other units are left out. A
    median dose counts here ("Patients received a single infusion at a median dose of 1.5 × 10^6 CAR T cells/kg"):
    such a study's one infusion is its regimen, and its abstract often prints the dose so (a known miss on a blind
    set); where the product is named beside its dose, a median stays an exposure (tests/test_phrasings_dose11.py)."""
    product = _study_product(context)
    if product is None:
        return []

    # the product stands at the sentence's start: its evidence runs from there to the dose
    named = _StudyProduct(product, sent.start_char, sent.start_char)
    other_cells = _OTHER_CELLS.search(sent.text) is not None
    doses = _sentence_doses(sent, section, context, carried=named, median_cells=True)
    return [dose for dose in doses
            if dose["unit"] in _CELL_UNITS and _of_car_t_cells(sent.section_text, dose["evidence"]["end"], other_cells)]


def _not_other_cells(sent: Sentence, found: list[dict]) -> list[dict]:
    """The carried doses but cells a sentence names as other than CAR T cells ("Donor lymphocytes were given at 1 ×
    10^7 CD3+ cells/kg" after a sentence naming the CAR T product)."""
    if not found or _OTHER_CELLS.search(sent.text) is None:
        return found
    return [dose for dose in found if dose["unit"] not in _CELL_UNITS
            or _of_car_t_cells(sent.section_text, dose["evidence"]["end"], True)]


def _cells_given(text: str) -> bool:
    """Whether a sentence gives patients cells by a verb of treatment, the cells unnamed ("Patients received 2 × 10^6
    cells/kg", "2 × 10^6 T cells/kg were administered"): in a study of one CAR T product, that product (see
    _study_product); not a median ("Products contained a median of 3 × 10^8 cells; patients received them"). Not by
    "infused" or "dose", which such abstracts also use of the cells counted in a product or graft (on the held-out
    aggregates those gave a spurious dose, these four true ones; "Products of 1 × 10^8 cells were infused")."""
    return "cells" in text and "median" not in text and _CELLS_GIVEN.search(text) is not None


def _car_t_cells_named(text: str) -> bool:
    """Whether a sentence names CAR T cells by their kind (see _CAR_T_CELLS), after a cheap test of its words."""
    return ("CAR" in text or "himeric" in text or "transduced" in text) and _CAR_T_CELLS.search(text) is not None


def _study_product_of(sent: Sentence, context: ArticleContext, text: str, first: nz.Number, end: int):
    """The study's CAR T product (see _study_product) as the drug of a dose of CAR T cells (from `first` to `end`)
    in a sentence naming other drugs only; None for other cells. The cells must be named CAR T cells at the dose:
    bare cells there ("and 3 × 10^6 cells/kg") gave as many spurious doses as true ones on held-out sets."""
    if not _car_t_cells_named(sent.text):
        return None
    product = _study_product(context)
    if product is None or not _CAR_T_CELLS.search(_cells_named(text, end)):
        return None
    return _StudyProduct(product, first.start, first.start)


def _of_car_t_cells(text: str, end: int, other_cells: bool) -> bool:
    """Whether the cells of a dose ending at `end` are CAR T cells: named so after its last digit ("1 × 10^6 CAR-T
    cells/kg"), or not described there ("3 × 10^6 cells/kg", "2 × 10^6 T cells/kg") in a sentence naming no other
    cells ("CD34+ cells", "donor T cells")."""
    tail = _cells_named(text, end)
    return _CAR_T_CELLS.search(tail) is not None or not other_cells and _BARE_CELLS.fullmatch(tail) is not None


def _cells_named(text: str, end: int) -> str:
    """The words of a cell dose ending at `end` after its last digit: " CAR-T cells/kg", "+ cells/kg" (CD34+)."""
    return _DIGIT_SPLIT.split(text[max(0, end - 60):end])[-1]


def _study_product(context: ArticleContext) -> str | None:
    """The CAR T product of a single-arm study that names one only: named in the title ("Tisagenlecleucel in
    children with relapsed ALL"), one of the drugs of its arm and the only CAR T product its sentences name."""
    index = context.arm_index
    if index is None or sum(not arm.historical for arm in index.arms) >= 2:
        return None
    named = {drug for spans in index.drug_spans.values() for _, _, drug in spans if _is_car_t(drug)}
    own = [drug for drug in index.article_drugs[0] if _is_car_t(drug)]
    if len(named) != 1 or own != list(named):
        return None
    if own[0] not in _title_drugs(index):
        return None  # named first in the abstract: on held-out sets such doses were as often spurious as true
    # "CD19 and CD22 CAR T cells": the lexicon reads the second product only
    return None if len(set(_ANTIGEN.findall(index.title))) > 1 else own[0]


def _title_drugs(index) -> set[str]:
    """The drug ids the title names (the arm index keeps each sentence's DRUG spans by its hyphen-unified text)."""
    title = index.title.translate(HYPHENS)
    return {drug for text, spans in index.drug_spans.items() if text in title for _, _, drug in spans}


def _sentence_doses(sent: Sentence, section: str, context: ArticleContext,
                    carried: Span | None = None, median_cells: bool = False) -> list[dict]:
    """The doses of one sentence, of the drugs it names, or all of the `carried` drug (see _carried_doses); a
    median cell dose counts when `median_cells` (see _study_product_doses)."""
    doc, text = sent.doc, sent.section_text
    drugs = rule_spans(sent, "DRUG") if carried is None else []
    units = rule_spans(sent, "UNIT", outside=drugs)
    if len(drugs) > 1 and "(" in sent.text:
        drugs = _without_bracketed_aliases(text, drugs)
    if carried is not None and _is_car_t(carried.id_):
        drugs = [carried]  # a count per kg, bare, is the carried product's: "The CAR T-cell dose was 1 × 10^6/kg"
    products = "cells" in sent.text  # a cheap necessary cue of a cell product's dose
    if not units and not products:
        return []
    numbers = sent.section_numbers(context.words)  # shared with the other extractors
    if "level" in sent.text or "=" in sent.text:
        numbers = _outside_level_labels(text, sent, numbers)
    # a carried product's absolute dose is read at its unit ("410 × 10^6 CAR T cells"), not as a product named
    found = _product_doses(doc, section, text, drugs, numbers) if products and carried is None else []
    respectively = "respectively" in sent.text
    lowered = sent.text.lower()
    before_study = "before" in lowered or "prior to" in lowered  # a cheap necessary cue of the _BEFORE_STUDY rules
    historical = "istoric" in sent.text  # the same of _HISTORICAL
    standard = _cued(text, sent.start_char, sent.end_char, _STANDARD_CUES)  # and of _STANDARD_DOSE
    coordinated = _coordinated_drugs(text, drugs) if len(drugs) > 1 else None
    bracket = _bracketed_list(text, coordinated, drugs, units) if coordinated else None
    shared = []  # the doses of a list after coordinated drugs, paired with them in order below
    alone = []  # the same doses read each of the drug before it, in case they are no list of the drugs (see below)
    opening = None  # a range's first dose whose own unit is read at the closing one: (closing unit, number)
    last = None  # the drug of the last dose read and where that dose ended (see _chained)
    prior_end = None  # where the last dose of an earlier therapy ended (see _PRIOR_LIST_JOIN)
    for unit in units:
        if unit.id_ == _REDUCTION:
            found += _reduction_doses(doc, section, text, unit, numbers, drugs)
            continue
        if unit.id_.startswith("/") and unit.id_ != "/kg" or _per_kg_follows(text, unit, units):
            continue
        reading = _amount_before(text, unit, numbers, drugs, median_cells)
        if reading is None:
            continue
        group, unit_id, cell_drug = reading
        if _foreign_unit_follows(text, unit, units):
            continue
        per_span = _per_after(text, unit, units)
        amount, per = _split_per(unit_id)
        if per_span is not None:
            per = per_span.id_.lstrip("/")
        end_span = per_span or unit
        if _THRESHOLD_AFTER.match(text, end_span.end_char):
            continue  # "Inotuzumab at doses of 1.8 mg/m2 or higher was associated with VOD": a threshold
        if opening is not None and opening[0] is unit:
            group = [opening[1], group[0], None]  # marker: a range (see _group_ending_at)
        opening = _range_opening(text, unit, end_span, group, units, numbers)
        if opening is not None:
            continue  # "1 × 10^5/kg to 3 × 10^6/kg": one range, read at its closing unit
        if cell_drug is not None:
            drug = _named_product(text, group[0], end_span.end_char, cell_drug, drugs)
        else:
            if coordinated and (_in_respective_list(text, coordinated[-1], group, drugs, bool(shared))
                                or bracket is not None and bracket[0] < group[0].start < bracket[1]):
                shared += [(value, value_max, amount, per, end_span) for value, value_max in _values(group)]
                if respectively:
                    continue
            drug = _drug_for(text, group[0], end_span, drugs, sent.start_char, amount) if carried is None else carried
            if drug is None and carried is None and last is not None:
                drug = _chained(text, last, group[0], drugs)
            cells = amount in _CELL_UNITS
            if cells and carried is None and (drug is None or not _is_car_t(drug.id_)):
                # "After lymphodepletion with fludarabine, patients received 1 × 10^6 CAR T cells/kg": the study's
                # product's, as in a sentence naming no drug (see _study_product_doses)
                drug = _study_product_of(sent, context, text, group[0], end_span.end_char) or drug
            if drug is not None and cells and not _is_car_t(drug.id_) or carried and not cells and _is_car_t(drug.id_):
                # "after busulfan, a graft of 5 × 10^6 CD34+ cells/kg": cells are no dose of a drug (nor, carried
                # over from a CAR T product, is an amount in mg a dose of cells)
                continue
        if drug is None or _is_backbone(drug.id_) or _is_class_word(drug.id_):
            continue  # "X was combined with hyper-CVAD and reduced to 30 mg": a backbone has no dose of its own
        if _is_supportive(drug.id_):
            continue  # "with posaconazole 300 mg daily": given for a complication or its prevention, no regimen's
        start = min(drug.start_char, group[0].start)
        if prior_end is not None and _prior_list_goes_on(text, prior_end, start, end_span.end_char, sent.end_char):
            prior_end = end_span.end_char
            continue  # "refractory to imatinib 400 mg and dasatinib 100 mg": the earlier therapies listed
        if _cued(text, start - _PRIOR_REACH, start, _PRIOR_CUES) and _PRIOR_THERAPY.search(
                text, max(0, start - _PRIOR_REACH), start):
            prior_end = end_span.end_char
            continue  # "previously treated with imatinib 400 mg": an earlier therapy's dose, not this study's
        if before_study and (_BEFORE_STUDY_AFTER.match(text, end_span.end_char, sent.end_char)
                             or _BEFORE_STUDY_OPENING.match(text[sent.start_char:start])):
            continue  # "had received blinatumomab 28 µg/day before enrollment": the same
        if historical and _historical_schedule(text, sent.start_char, start):
            continue  # "In the historical cohort, patients received clofarabine at 40 mg/m2": the comparator's
        if standard and (_STANDARD_DOSE.search(text, sent.start_char, group[0].start)
                         or _APPROVED_AT.search(text, max(sent.start_char, group[0].start - 80), group[0].start)):
            continue  # "The standard dose of blinatumomab is 28 µg/day": what the label says
        if _changed_for_counted_patients(sent, text, group[0], numbers) or _given_for_toxicity(sent, text, group[0],
                                                                                                 numbers):
            continue  # "Dasatinib doses were reduced to 50 mg in 4 patients": an event, not the regimen
        end = max(drug.end_char, end_span.end_char)
        doses = _group_doses(group, drug, amount, per, evidence(doc, section, start, end))
        elided = _elided_repeat(text, end_span, group, numbers, units)
        if elided is not None:  # "0.8 mg/m2 on day 1 and 0.5 on days 8 and 15": the 0.5 in mg/m2 too
            doses += _group_doses([elided], drug, amount, per, evidence(doc, section, start, elided.end))
        if shared and shared[-1][4] is end_span:
            alone += doses
        else:
            found += doses
        last = (drug, end_span.end_char)
    if respectively or _paired_list(coordinated, shared, bracket is not None):
        return found + _respective_doses(doc, section, coordinated, shared)
    return found + alone


_ALIAS_AFTER = re.compile(r"\s?\([A-Za-z][^\s()]*\)")  # "(Cy)", "(R-INO)"; not "(360mg/m2/dose)"


def _alias_end(text: str, drug: Span) -> int:
    """Where a drug's name ends, past a one-word bracket restating it: "cyclophosphamide (Cy)" (see
    _without_bracketed_aliases)."""
    alias = _ALIAS_AFTER.match(text, drug.end_char)
    return alias.end() if alias is not None else drug.end_char


def _without_bracketed_aliases(text: str, drugs: list[Span]) -> list[Span]:
    """The drugs but for a name restated in a bracket right after a drug, the bracket holding one word: "Fludarabine
    (Flu) and cyclophosphamide (Cy) were given at 25 and 250 mg/m2, respectively", "Inotuzumab plus rituximab
    (R-INO)": an abbreviation, which would break the coordination of the drugs it follows."""
    kept = [drugs[0]]
    for before, drug in zip(drugs, drugs[1:]):
        alias = _ALIAS_AFTER.match(text, before.end_char)
        alias = alias is not None and alias.start() <= drug.start_char and drug.end_char <= alias.end()
        if not alias:
            kept.append(drug)
    return kept


_CHAIN_REACH = 160  # characters from the last dose: "... per kilogram of body weight for patients weighing ≤50 kg and "


def _prior_list_goes_on(text: str, prior_end: int, start: int, end: int, sentence_end: int) -> bool:
    """Whether the dose from `start` to `end` is the next item of a list of earlier therapies whose last dose ended
    at `prior_end` (see _PRIOR_LIST_JOIN, _LIST_GOES_ON)."""
    join = _PRIOR_LIST_JOIN.fullmatch(text, prior_end, start)
    if join is None:
        return False
    bare_comma = join.group("join").strip() == ","
    return not bare_comma or _LIST_GOES_ON.match(text, end, sentence_end) is not None


def _chained(text: str, last: tuple, first: nz.Number, drugs: list[Span]) -> Span | None:
    """The drug of the dose read last in the sentence (`last`: its drug and end) for a dose naming none in reach, when
    no drug and no clause break (";") stands between: a second dose of the same drug after a long first one
    ("tisagenlecleucel at 0.2 to 5.0 × 10^6 CAR-positive viable T cells per kilogram of body weight for patients
    weighing 50 kg or less and 0.1 to 2.5 × 10^8 cells for heavier patients"); not after an item naming a drug the
    lexicon does not know ("..., and melphalan 140 mg/m2")."""
    drug, end = last
    if first.start - end > _CHAIN_REACH or ";" in text[end:first.start]:
        return None
    if any(end <= d.start_char < first.start for d in drugs):
        return None
    if _unknown_item_between(text, _StudyProduct(drug.id_, end, end), first):
        return None
    return drug


def _historical_schedule(text: str, sentence_start: int, start: int) -> bool:
    """Whether the dose starting at `start` (its drug or number) is a historical comparator's (see _HISTORICAL)."""
    m = _HISTORICAL.search(text, sentence_start, start)
    if m is None or _THIS_STUDY.search(m.group("rest")):
        return False
    return "," not in m.group("rest") or _SCOPE_OPENING.search(text, sentence_start, m.start()) is not None


def _outside_level_labels(text: str, sent: Sentence, numbers: list[nz.Number]) -> list[nz.Number]:
    """The numbers outside a dose level's bracketed label or count ("(dose level 2)", "(n = 9)")."""
    labels = [m.span() for m in _SPELLED_LEVEL_LABEL.finditer(text, sent.start_char, sent.end_char)]
    if not labels:
        return numbers
    return [n for n in numbers if not any(start <= n.start < end for start, end in labels)]


def _changed_for_counted_patients(sent: Sentence, text: str, first: nz.Number, numbers: list[nz.Number]) -> bool:
    """Whether a dose is a change made for some patients counted in the sentence: a change cue shortly before it
    ("reduced to", "dose reduction of venetoclax to", "restarted at") and a count of patients after it ("in 4
    patients") or needing it ("Eight patients required", "5 patients received a reduced dose of 9 µg/day"); "Thirty
    patients received ponatinib 45 mg daily, reduced to 15 mg at MRD negativity" changes the schedule of all."""
    start = max(sent.start_char, first.start - _CHANGE_REACH)
    if not _cued(text, start, first.start, _CHANGE_CUES) or not _CHANGE_BEFORE.search(text, start, first.start):
        return False
    for number in numbers:
        patients = number.is_integer and number.form != "scientific" and _PATIENTS_AFTER.match(text, number.end)
        if not patients or _ENROLMENT_MARK.search(text, max(0, number.start - 20), number.start):
            continue
        # counted in the dose's clause after it, or where the change was made ("in 5 patients"), or as the subject of
        # a need ("Eight patients required")
        after = first.end < number.start < first.end + _CHANGE_REACH and ";" not in text[first.end:number.start]
        if after or text[number.start - 3:number.start].lower() == "in " or _NEEDED.match(text, patients.end()):
            return True
    return _elliptical_count_needed(text, sent.start_char, first, numbers)


def _elliptical_count_needed(text: str, sentence_start: int, first: nz.Number, numbers: list[nz.Number]) -> bool:
    """Whether a bare count that needed the change opens the dose's clause (or sentence), its patients named before:
    "Forty patients received ponatinib at 45 mg daily; 12 required dose reductions to 30 mg"."""
    clause = max(sentence_start, text.rfind(";", sentence_start, first.start) + 1,
                 text.rfind(", ", sentence_start, first.start) + 1)
    return any(clause <= n.start < first.start and n.is_integer and n.form != "scientific"
               and text[clause:n.start].strip() in ("", "and", "but") and _NEEDED.match(text, n.end) for n in numbers)


def _given_for_toxicity(sent: Sentence, text: str, first: nz.Number, numbers: list[nz.Number]) -> bool:
    """Whether a dose is what some patients, counted as the subject before it, had because of toxicity (see
    _FOR_TOXICITY): a count of patients before the dose in its clause and the cause in the sentence."""
    causes = sent.remembered(("dose causes", "toxicity"), lambda: _toxicity_causes(sent))
    causes = [c for c in causes
              if (";" not in text[c.end():first.start] if c.end() <= first.start
                  else not _CLAUSE_AFTER.search(text, first.end, c.start()))]
    if not causes:
        return False  # "Forty patients received X at 1.8 mg/m2, and 5 stopped because of toxicity": another clause's
    for number in numbers:
        if number.start >= first.start:
            return False
        if number.is_integer and number.form != "scientific" and _PATIENTS_AFTER.match(text, number.end) \
                and ";" not in text[number.end:first.start]:
            return True
    return False


def _toxicity_causes(sent: Sentence) -> list[re.Match]:
    """The toxicity causes a sentence states (see _FOR_TOXICITY), none in a protocol's rule ("with dose reductions
    for toxicity allowed"); read once per sentence."""
    lowered = sent.text.lower()
    if not any(cue in lowered for cue in _TOXICITY_CUES) or "allowed" in lowered or "permitted" in lowered:
        return []
    return list(_FOR_TOXICITY.finditer(sent.section_text, sent.start_char, sent.end_char))


def _paired_list(drugs: list[Span] | None, shared: list[tuple], bracketed: bool) -> bool:
    """Whether doses after coordinated drugs, without "respectively", are still theirs in order: as many as the
    drugs, and one list sharing its unit ("fludarabine/cyclophosphamide (30/500 mg/m2/day)", "fludarabine and
    cyclophosphamide at 30 and 500 mg/m2"), each in a unit of its own ("Inotuzumab and blinatumomab were given at
    1.8 mg/m2 and 28 µg/day") or the drugs' own bracket (see _bracketed_list); "ponatinib and blinatumomab at 9
    µg/day, then 28 µg/day" is the second drug's."""
    if not drugs or len(shared) != len(drugs):
        return False
    return bracketed or len({entry[4].start_char for entry in shared}) == 1 or len({entry[2] for entry in shared}) \
        == len(shared)


def _bracketed_list(text: str, coordinated: list[Span], drugs: list[Span], units: list[Span]) -> tuple[int, int] | None:
    """(opening, closing) of a bracket right after coordinated drugs that holds one dose per drug and nothing else
    named: "Dasatinib and dexamethasone (140 mg and 40 mg)", "fludarabine/cyclophosphamide (30 mg/m2/day × 3 days
    and 500 mg/m2/day × 2 days)"; not a step-up of one drug ("ponatinib and blinatumomab (9 µg/day then 28
    µg/day)"), nor with a backbone, which has no dose of its own."""
    last = coordinated[-1]
    gap = _BRACKET_GAP.match(text, last.end_char)
    if gap is None or any(_is_backbone(d.id_) for d in coordinated):
        return None
    opening = gap.end() - 1
    closing = text.find(")" if text[opening] == "(" else "]", opening)
    if closing == -1 or "(" in text[opening + 1:closing] or _STEP_WORDS.search(text, opening, closing):
        return None
    if any(opening < d.start_char < closing for d in drugs):
        return None
    amounts = [u for u in units if opening < u.start_char < closing and not u.id_.startswith("/")]
    return (opening, closing) if len(amounts) == len(coordinated) else None


def _range_opening(text: str, unit: Span, end_span: Span, group: list, units: list[Span],
                   numbers: list[nz.Number]) -> tuple[Span, nz.Number] | None:
    """(closing unit, first number) when a single dose opens a range whose second number prints the same unit
    again ("1 × 10^5/kg to 3 × 10^6/kg", "200 mg to 400 mg daily": one range, as "200 to 400 mg"), else None."""
    gap = _UNIT_RANGE_SEP.match(text, end_span.end_char)
    if gap is None or len(group) != 1 or _escalated_from(text, group[0].start):
        return None  # "stepped up from 9 µg/day to 28 µg/day": a step schedule, two doses at their own units
    high = next((n for n in numbers if n.start == gap.end()), None)
    closing = next((u for u in units if u.start_char >= high.end), None) if high is not None else None
    if closing is None or closing.id_ != unit.id_ or text[high.end:closing.start_char] not in _NUMBER_TO_UNIT:
        return None
    if end_span is not unit:  # the schedule printed at the opening must be the closing one's too
        closing_per = _per_after(text, closing, units)
        if closing_per is None or closing_per.id_ != end_span.id_:
            return None
    return closing, group[0]


def _coordinated_drugs(text: str, drugs: list[Span]) -> list[Span] | None:
    """The first two or more different drugs joined by "and" or commas ("Inotuzumab and blinatumomab were given
    at ..."), whose doses a "respectively" list gives in order; None when the sentence names no such list."""
    for index, first in enumerate(drugs):
        chain = [first]
        for later in drugs[index + 1:]:
            if not _DRUG_JOIN.fullmatch(text, _alias_end(text, chain[-1]), later.start_char):
                break
            chain.append(later)
        if len(chain) >= 2 and len({d.id_ for d in chain}) == len(chain):
            return chain
    return None


def _in_respective_list(text: str, drug: Span, group: list, drugs: list[Span], started: bool) -> bool:
    """Whether a dose belongs to the list after the last coordinated drug: no other drug named between them, and
    the list's first dose after a verb, not in the drug's own bracket ("for DNR, IDR (10 mg/m2), and IDR (12.5
    mg/m2), respectively" names each dose by its drug) unless the bracket holds the list ("fludarabine and
    cyclophosphamide (25 and 250 mg/m2/day, respectively)")."""
    first = group[0]
    if first.start <= drug.end_char or any(drug.end_char <= d.start_char < first.start for d in drugs):
        return False
    if started or _VERB_GAP.fullmatch(text, _alias_end(text, drug), first.start) is not None:
        return True
    if len(group) < 2 or group[-1] is None:
        return False
    # a list in a bracket right after the drugs, "(25 and 250 mg/m2/day)", or one printed bare, slashed as they are:
    # "Flu/Cy 30/500 mg/m2" ("ponatinib and blinatumomab 9 and 28 µg/day" may be the step-up of one)
    gap = text[drug.end_char:first.start]
    return _BRACKET_GAP.fullmatch(gap) is not None or gap == " " and text[drug.start_char - 1] == "/" and all(
        text[a.end:b.start] == "/" for a, b in zip(group, group[1:]))


def _respective_doses(doc, section: str, drugs: list[Span] | None, shared: list[tuple]) -> list[dict]:
    """"Inotuzumab and blinatumomab were given at 1.8 mg/m2 and 28 µg/day(, respectively)": the i-th dose is the
    i-th drug's; with as many doses as drugs only (else which is whose is not in the text)."""
    if not drugs or len(shared) != len(drugs):
        return []
    found = []
    for drug, (value, value_max, unit, per, end_span) in zip(drugs, shared):
        where = evidence(doc, section, drug.start_char, end_span.end_char)
        found.append({"drug": drug.id_, "dose": _tidy(value), "dose_max": _tidy(value_max), "unit": unit, "per": per,
                      "flags": _flags(value, value_max), "evidence": where})
    return found


# A second dose whose unit is left out, in the unit of the dose before it: "0.8 mg/m2 on day 1 and 0.5 on days 8 and
# 15", "1 × 10^6 cells/kg in the first cohort and 3 × 10^6 in the second", "9 µg/day for 7 days and 28 thereafter".
# The bare number must be followed by a word placing it in the schedule (not "and 8 of each cycle": a day).
_ELIDED_GAP = re.compile(r"(?:\s(?:on|in|for|during)\s[^,;.()\d]{0,25}?(?:\d{1,2}(?:\s?[\-\u2013]\s?\d{1,2})?"
                         r"(?:\sdays|\sweeks)?)?)?,?\s(?:and|then|followed\sby)\s(?:(?:at|of)\s)?")
_ELIDED_AFTER = re.compile(r"\s(?:on\sdays?\s\d|thereafter|afterwards|subsequently|from\s(?:day|week|cycle)\s"
                           r"|for\s(?:the\s)?(?:remaining|subsequent|rest|following)\b"
                           r"|in\sthe\s(?:second|other|later|subsequent|next|higher|remaining|following|last)\b)", re.I)


def _elided_repeat(text: str, end_span: Span, group: list, numbers: list[nz.Number],
                   units: list[Span]) -> nz.Number | None:
    """The bare number of a second dose after a single dose, in its unit (see _ELIDED_GAP): of the same form
    (scientific or plain, and no whole number after a fraction), within a factor of ten, and with no unit before the
    next word of the schedule."""
    if len(group) != 1:
        return None
    gap = _ELIDED_GAP.match(text, end_span.end_char)
    if gap is None:
        return None
    bare = next((n for n in numbers if n.start == gap.end()), None)
    if bare is None or (bare.form == "scientific") != (group[0].form == "scientific") or bare.qualifier:
        return None
    if not (group[0].value / 10 <= bare.value <= group[0].value * 10) or bare.value == group[0].value:
        return None
    if bare.value == int(bare.value) and group[0].value != int(group[0].value) and "." not in bare.text:
        return None  # "0.8 mg/m2 on day 1 and 2 on day 8 in 10 patients": a count or a day, not a dose like 0.8
    after = _ELIDED_AFTER.match(text, bare.end)
    if after is None or any(bare.end <= u.start_char < after.end() for u in units):
        return None
    return bare


def _group_doses(group: list, drug: Span, unit: str, per: str | None, where: dict) -> list[dict]:
    """One dose dict per value of a group (a range gives one with dose_max)."""
    return [{"drug": drug.id_, "dose": _tidy(value), "dose_max": _tidy(value_max), "unit": unit, "per": per,
             "flags": _flags(value, value_max), "evidence": where} for value, value_max in _values(group)]


def _reduction_doses(doc, section: str, text: str, unit: Span, numbers: list[nz.Number],
                     drugs: list[Span]) -> list[dict]:
    """"cyclophosphamide and dexamethasone at 50% dose reduction", "cyclophosphamide (50% dose reduction)", "a 50%
    dose reduction of cyclophosphamide and dexamethasone", "50% dose-reduced cyclophosphamide": 50 (% dose
    reduction) for each drug of the coordination it is stated of."""
    number = next((n for n in numbers if n.end == unit.start_char), None)
    if number is None or not 0 < number.value < 100 or _in_counted_patients(text, unit.end_char, numbers):
        return []
    named = _reduced_drugs(text, number, unit, drugs)
    if not named:
        return []
    where = evidence(doc, section, min(named[0].start_char, number.start), max(named[-1].end_char, unit.end_char))
    return [{"drug": drug.id_, "dose": _tidy(number.value), "dose_max": None, "unit": _REDUCTION, "per": None,
             "flags": [], "evidence": where} for drug in named]


def _reduced_drugs(text: str, number: nz.Number, unit: Span, drugs: list[Span]) -> list[Span]:
    """The coordinated drugs a share cut is stated of: before it, joined by "at" or a bracket, or after it, joined by
    "of" or nothing (an adjective); none when a need opens it ("required a 50% dose reduction of X": an event)."""
    before = [d for d in drugs if d.end_char <= number.start]
    if before and (_AT_REDUCTION.fullmatch(text, before[-1].end_char, number.start)
                   or _BRACKET_GAP.fullmatch(text, before[-1].end_char, number.start)
                   and text.startswith(")", unit.end_char)):
        first = len(before) - 1
        while first > 0 and _DRUG_JOIN.fullmatch(text, before[first - 1].end_char, before[first].start_char):
            first -= 1
        return before[first:]
    after = [d for d in drugs if d.start_char >= unit.end_char]
    if not after or not _REDUCTION_OF.fullmatch(text, unit.end_char, after[0].start_char) \
            or _REDUCTION_NEEDED.search(text, max(0, number.start - 30), number.start):
        return []
    last = 0
    while last + 1 < len(after) and _DRUG_JOIN.fullmatch(text, after[last].end_char, after[last + 1].start_char):
        last += 1
    return after[:last + 1]


def _in_counted_patients(text: str, end: int, numbers: list[nz.Number]) -> bool:
    """Whether a count of patients follows a dose shortly, "at a 25% dose reduction in 4 patients" ("given to 4
    patients"): an event."""
    return any(end < n.start < end + _CHANGE_REACH and text[n.start - 3:n.start] in ("in ", "to ") and n.is_integer
               and _PATIENTS_AFTER.match(text, n.end) for n in numbers)


def _product_doses(doc, section: str, text: str, drugs: list[Span], numbers: list[nz.Number]) -> list[dict]:
    """"410 × 10^6 CD19 CAR T cells": an absolute cell dose whose unit is the end of the cell product's name, or per
    body surface, "1 × 10^7 CD19 CAR T cells/m2" (per kg, "1 × 10^6 CD19 CAR T cells/kg", it is read at the "/kg"
    unit; per volume it is a concentration)."""
    found = []
    for drug in drugs:
        if not text[drug.start_char:drug.end_char].lower().endswith("cells"):
            continue
        per_area = _PER_SQUARE_METRE.match(text, drug.end_char)
        if per_area is None and _PER_AFTER_CELLS.match(text, drug.end_char):
            continue
        number = next((n for n in reversed(numbers) if n.end <= drug.start_char), None)
        if number is None or number.form != "scientific" or text[number.end:drug.start_char] not in ("", " "):
            continue
        group = _group_ending_at(text, numbers, number)
        end = per_area.end() if per_area else drug.end_char
        named = _named_product(text, group[0], end, drug, drugs)
        where = evidence(doc, section, min(named.start_char, group[0].start), end)
        found += _group_doses(group, named, "cells/m2" if per_area else "cells", None, where)
    return found


def _named_product(text: str, first: nz.Number, end: int, product: Span, drugs: list[Span]) -> Span:
    """The cell product a dose (from `first` to `end`) belongs to: a product named by its cells alone ("CD19 CAR T
    cells") describes the cells of a CAR T product the sentence names right after the dose ("1 × 10^6 CAR T
    cells/kg (KTE-X19)") or before it ("The target dose of obe-cel was 410 × 10^6 CD19 CAR T cells" is obe-cel's);
    else it is the product."""
    after = next((d for d in drugs if d.start_char >= end), None)
    if after is not None and _is_car_t(after.id_) and (_named_in_bracket(text, end, after) or _DRUG_AFTER_GAP.match(
            text[end:after.start_char])):
        return after
    named = [d for d in drugs if d.end_char <= first.start and first.start - d.end_char <= _DRUG_REACH
             and d.id_ != product.id_ and _is_car_t(d.id_)]
    if not named or _EARLIER_THERAPY.search(text, max(0, named[-1].start_char - _EARLIER_REACH),
                                            named[-1].start_char):
        return product  # "relapsed after tisagenlecleucel, patients received 1 × 10^6 CD22-CAR T cells/kg"
    return named[-1]


def _car_t_before(text: str, unit: Span, drugs: list[Span]) -> Span | None:
    """The CAR T product named last before a unit in reach, unless it is an earlier therapy ("relapsed after
    tisagenlecleucel")."""
    before = [d for d in drugs if d.end_char <= unit.start_char and unit.start_char - d.end_char <= _DRUG_REACH]
    if not before or not _is_car_t(before[-1].id_):
        return None
    if _EARLIER_THERAPY.search(text, max(0, before[-1].start_char - _EARLIER_REACH), before[-1].start_char):
        return None
    return before[-1]


def _car_t_after(text: str, unit: Span, drugs: list[Span]) -> Span | None:
    """The CAR T product named right after a unit ("1 × 10^6/kg CD7 CAR T cells")."""
    after = next((d for d in drugs if d.start_char >= unit.end_char), None)
    if after is None or text[unit.end_char:after.start_char] != " " or not _is_car_t(after.id_):
        return None
    return after


def _is_car_t(drug_id: str) -> bool:
    entry = regimen_lexicon().get(drug_id)
    return entry is not None and entry.cls == _CELL_CLASS


def _unit_fits(drug_id: str, amount: str) -> bool | None:
    """Whether a dose's amount unit is one the drug's class is dosed in (see _UNITS_OF_CLASS); None for a class
    dosed in many units (chemotherapy, antibodies) or a drug the lexicon does not know."""
    entry = regimen_lexicon().get(drug_id)
    units = _UNITS_OF_CLASS.get(entry.cls) if entry is not None else None
    return None if units is None else amount in units


def _is_supportive(drug_id: str) -> bool:
    """Whether a drug is supportive care (antifungals, IVIG, anakinra, defibrotide ...: see _SUPPORTIVE_CLASS)."""
    entry = regimen_lexicon().get(drug_id)
    return entry is not None and entry.cls == _SUPPORTIVE_CLASS


def _is_class_word(drug_id: str) -> bool:
    """Whether a drug id names a class, not a drug ("TKI" is `tyrosine kinase inhibitor`, its own class): "the TKI
    was given at 45 mg daily" names no drug whose dose it is."""
    entry = regimen_lexicon().get(drug_id)
    return entry is not None and entry.cls == drug_id


def _is_backbone(drug_id: str) -> bool:
    entry = regimen_lexicon().get(drug_id)
    return entry is not None and entry.kind == "backbone"


def _flags(value: float, value_max: float | None) -> list[str]:
    """Flags of a dose that cannot be a real one (zero or negative)."""
    flags = []
    if value <= 0 or (value_max is not None and value_max <= 0):
        flags.append("non_positive_dose")
    return flags


def _amount_before(text: str, unit: Span, numbers: list[nz.Number], drugs: list[Span], median_cells: bool = False):
    """The number (and the list or range it ends) standing directly before a unit, with the unit's id; a median
    or cumulative amount is none, but for a cell dose when `median_cells` (see _study_product_doses).

    A cell product may stand between the number and "per kg" ("1 × 10^6 CD22-CAR T cells per kg"): the unit is
    then cells/kg and the product is the drug.
    """
    unit_id, cell_drug, anchor = unit.id_, None, unit.start_char
    if unit.id_ == "/kg":
        product = next((d for d in drugs if d.end_char <= unit.start_char
                        and text[d.end_char:unit.start_char] in ("", " ")
                        and text[d.start_char:d.end_char].lower().endswith("cells")), None)
        if product is not None:
            unit_id, cell_drug, anchor = "cells/kg", product, product.start_char
        else:
            # "5.0 x 10(6) CAR-positive viable T cells per kilogram": cells described, the product named elsewhere
            described = _CELLS_BEFORE.search(text[max(0, unit.start_char - 60):unit.start_char])
            if described is not None:
                unit_id, anchor = "cells/kg", unit.start_char - len(described.group())
            else:
                # "tisagenlecleucel at 3 × 10^6/kg": a count per kg, bare, of the CAR T product named before it, or
                # of the product named right after it ("infused with 1 × 10^6/kg CD7 CAR T cells")
                unit_id, cell_drug = "cells/kg", _car_t_after(text, unit, drugs) or _car_t_before(text, unit, drugs)
                if cell_drug is None:
                    return None
    last = next((n for n in reversed(numbers) if n.end <= anchor), None)
    if last is None or cell_drug is not None and last.form != "scientific":
        return None
    if _EXPONENT_BEFORE.search(text, max(0, last.start - 2), last.start):
        return None  # "10^6 CAR T cells/kg": the 6 is an exponent
    if text[last.end:anchor] not in _NUMBER_TO_UNIT and not _LABEL_TO_UNIT.fullmatch(text, last.end, anchor):
        # "2 x 10(6) transduced T cells per kg", "410 × 10^6 CAR T cells": the unit "cells per kg" or "cells" after
        # a few words describing the cells
        described = unit_id in _CELL_UNITS and text[unit.start_char:unit.end_char].lower().startswith(
            "cells") and _DESCRIPTION.fullmatch(text[last.end:unit.start_char])
        if not described or _STARTING_CELLS.search(described.group()):
            return None  # "manufactured from 1 × 10^9 apheresed cells": the starting material, not the dose
        # "1 × 10^6 KTE-X19 cells/kg": the CAR T product named among the words is the drug
        cell_drug = next((d for d in drugs if last.end <= d.start_char and d.end_char <= unit.start_char
                          and _is_car_t(d.id_)), cell_drug)
    if _cued(text, last.start - 30, last.start, _CAP_CUES) and _CAP_BEFORE.search(text, max(0, last.start - 30),
                                                                                 last.start):
        return None  # "vincristine 1.4 mg/m2 (maximum 2 mg)": a cap on the dose, not a dose
    if unit_id not in _CELL_UNITS and "up to" in text[max(0, last.start - 45):last.start] \
            and _SIZED_CAP_BEFORE.search(text, max(0, last.start - 45), last.start):
        return None  # "vincristine 1.5 mg/m2 (up to 2 mg)": the same
    if ("allowed" in text or "permitted" in text) and _ALLOWED_AFTER.match(text, unit.end_char, unit.end_char + 40):
        return None  # "hydroxyurea up to 2 g/day was allowed": what the protocol let patients have
    if ("not" in text or "never" in text) and _NOT_GIVEN_AFTER.match(text, unit.end_char, unit.end_char + 40):
        return None  # "Tocilizumab 8 mg/kg was not required"
    group = _group_ending_at(text, numbers, last)
    first = group[0].start
    if _cued(text, first - 16, first, _THRESHOLD_CUES) and _THRESHOLD_BEFORE.search(text, max(0, first - 16), first):
        return None  # "patients who received more than 5.4 mg/m2 of inotuzumab": a threshold, not a dose
    if not (median_cells and unit_id in _CELL_UNITS) and _cued(text, first - 90, first, _EXPOSURE_CUES) \
            and _EXPOSURE_BEFORE.search(text, max(0, first - 90), first):
        return None  # "the median cumulative dose of inotuzumab was 4.5 mg/m2": what patients got, not the regimen
    if _STATISTIC_RANGE_BEFORE.search(text, max(0, first - 25), first):
        return None  # "a median dose of 3.1 × 10^6 (range, 0.2-5.4 × 10^6) cells/kg": the range of a statistic
    return group, unit_id, cell_drug


def _cued(text: str, start: int, end: int, cues: tuple[str, ...]) -> bool:
    """Whether text[start:end], lowercased, holds one of the cues: a cheap necessary test before a wide regex."""
    window = text[max(0, start):end].lower()
    return any(cue in window for cue in cues)


def _group_ending_at(text: str, numbers: list[nz.Number], last: nz.Number) -> list[nz.Number]:
    """The numbers of a list or a two-number range ending at `last` ("2, 1, or 0.5", "1.8 to 1.3")."""
    group = [last]
    index = numbers.index(last)
    while index > 0:
        previous = numbers[index - 1]
        gap = text[previous.end:group[0].start]
        between = gap == " and " and _BETWEEN.search(text, max(0, previous.start - 9), previous.start)
        if (_RANGE_SEP.match(gap) or between) and len(group) == 1:
            if gap == " to " and _SCHEDULE_OF_A_DOSE.search(text, max(0, previous.start - 40), previous.start):
                break  # "from 9 µg/day in week 1 to 28 µg/day": the 1 counts the first dose's weeks
            if gap == " to ":
                steps = _escalation_steps(text, numbers, index)
                if steps:
                    return steps + [last]  # "escalated from 9 to 28 µg/day", "from 5 to 15 to 30": each a dose
            steps = _step_doses(text, numbers, index)
            return steps or [previous, last, None]  # marker: a range, not a list
        if not _LIST_SEP.match(gap) or _counted(text, numbers, index - 1):
            break
        group.insert(0, previous)
        index -= 1
    return group


def _escalation_steps(text: str, numbers: list[nz.Number], index: int) -> list[nz.Number]:
    """The doses before numbers[index] of an escalation said with "from" and "to" (see _ESCALATED_FROM): "escalated
    from 9 to 28" gives [9], "escalated from 5 to 15 to 30" [5, 15]; [] when the first is no escalation's."""
    start = index - 1
    while start > 0 and text[numbers[start - 1].end:numbers[start].start] == " to ":
        start -= 1
    return numbers[start:index] if _escalated_from(text, numbers[start].start) else []


def _step_doses(text: str, numbers: list[nz.Number], index: int) -> list[nz.Number] | None:
    """The doses of a step-up schedule ending at numbers[index], three or more joined by bare hyphens ("5-15-30
    µg/m2/day": 5, then 15, then 30), which is no range; None for two numbers."""
    start = index
    while start > 0 and _STEP_SEP.fullmatch(text, numbers[start - 1].end, numbers[start].start):
        start -= 1
    return numbers[start:index + 1] if index - start >= 2 else None


def _escalated_from(text: str, start: int) -> bool:
    """Whether the number at `start` is the first dose of a step-up said as an escalation "from" it (see
    _ESCALATED_FROM)."""
    return "from" in text[max(0, start - 6):start] and _ESCALATED_FROM.search(text, max(0, start - 60), start) is not None


def _counted(text: str, numbers: list[nz.Number], index: int) -> bool:
    """Whether numbers[index] counts something else, alone or as the end of a range or of a list of whole numbers:
    "cycle 1", "days 1-7" (in "9 μg/day on days 1-7 and 28 μg/day" the 7 is no dose), "days 1 and 2" (in "20 mg/m2
    on days 1 and 2 and 36 mg/m2 on days 8 and 9" the 2 is none either)."""
    head = numbers[index]
    if index > 0 and _RANGE_SEP.match(text[numbers[index - 1].end:head.start]):
        head = numbers[index - 1]
    elif head.is_integer:
        while index > 0 and numbers[index - 1].is_integer and _DAY_LIST_SEP.fullmatch(
                text, numbers[index - 1].end, head.start):
            index -= 1
            head = numbers[index]
    return _COUNTED_BEFORE.search(text[max(0, head.start - 12):head.start]) is not None


def _values(group: list) -> list[tuple[float, float | None]]:
    """(dose, dose_max) pairs of a group; the power of ten of a scientific last member applies to all."""
    if group[-1] is None:
        low, high = group[0], group[1]
        factor = _factor(high)
        low_value = low.value * factor if low.form != "scientific" else low.value
        return [(low_value, high.value)]
    factor = _factor(group[-1])
    return [(n.value * factor if n.form != "scientific" else n.value, None) for n in group]


def _factor(number: nz.Number) -> float:
    """The power of ten a scientific number carries ("0.5×106" -> 1e6), 1 for a plain number."""
    if number.form != "scientific":
        return 1.0
    mantissa = nz.read_number(_TIMES.split(number.text)[0])
    return number.value / mantissa.value if mantissa and mantissa.value else 1.0


def _per_after(text: str, unit: Span, units: list[Span]) -> Span | None:
    """A schedule unit ("/day", "per week", "daily") directly after an amount unit."""
    for other in units:
        if other.id_.startswith("/") and other.id_ != "/kg" and other.start == unit.end:
            return other
        if other.id_.startswith("/") and other.id_ != "/kg" and text[unit.end_char:other.start_char] == " ":
            return other
    return None


def _per_kg_follows(text: str, unit, units: list) -> bool:
    """"1 × 10^6 cells per kilogram": the cells are counted per kg, read at the "/kg" unit, not as an absolute dose."""
    return unit.id_ == "cells" and any(u.id_ == "/kg" and u.start_char >= unit.end_char
                                       and text[unit.end_char:u.start_char] in ("", " ") for u in units)


def _foreign_unit_follows(text: str, unit: Span, units: list[Span]) -> bool:
    """True for "mg/dL", "g/L" and the like: the amount unit continues with a "/" no schedule rule knows; also for
    a count of cells per volume ("50 cells per microliter"), a concentration."""
    rest = text[unit.end_char:unit.end_char + 5]
    if not rest.startswith("/") and not (unit.id_ == "cells" and rest.lower() == " per "):
        return False
    return not any(u.start == unit.end for u in units)


def _drug_for(text: str, first: nz.Number, end_span: Span, drugs: list[Span], sentence_start: int,
              amount: str) -> Span | None:
    """The drug a dose (in the amount unit `amount`) belongs to: named right after it, else the nearest drug before
    it in reach, else the sentence's subject (see _distant_subject)."""
    after = next((d for d in drugs if d.start_char >= end_span.end_char), None)
    if after is not None and (_DRUG_AFTER_GAP.match(text[end_span.end_char:after.start_char])
                              or _named_in_bracket(text, end_span.end_char, after)
                              or _subject_after_opening(text, sentence_start, first, end_span, after)
                              or _named_for(text, end_span, after)
                              or _run_in_opening(text, sentence_start, first, end_span, after)) \
            and not _is_backbone(after.id_):  # "dexamethasone (40 mg) of hyper-CVAD" is dexamethasone's
        return after
    if after is not None and drugs[0] is after and _named_after_a_later_dose(text, first, end_span, after):
        return after
    before = [d for d in drugs if d.end_char <= first.start and first.start - d.end_char <= _DRUG_REACH]
    if len(before) >= 2 and _partner_of_subject(text, before, first, amount):
        return before[-2]
    # "the dose of clofarabine in combination with cytarabine was 52 mg/m2": the drug whose dose it is.
    subject = [d for d in before if _DOSE_OF.search(text[max(0, d.start_char - 12):d.start_char])]
    if subject and _dose_of_subject(text, subject[-1], before[-1], first):
        return subject[-1]
    if before and _unknown_item_between(text, before[-1], first):
        return None  # "cytarabine 40 mg and hydrocortisone 50 mg": not cytarabine's
    if not before:
        return _distant_subject(text, sentence_start, first, drugs) or _pronoun_clause_subject(text, first, drugs)
    return _fitting_before(text, before, first, amount) or _product_out_of_reach(text, before, first, drugs, amount) \
        or before[-1]


def _dose_of_subject(text: str, subject: Span, nearest: Span, first: nz.Number) -> bool:
    """Whether a dose is that of the drug a "dose of" names (`subject`) rather than of the drug nearest before it: no
    number between them ("the dose of clofarabine in combination with cytarabine was 52 mg/m2"), and the nearest,
    a partner, not dosed right before it ("The MTD of blinatumomab given with ibrutinib 560 mg was 28 µg/day": the 560
    mg is ibrutinib's); or the dose right after the subject's verb, the partner's own dose between ("The MTD of
    venetoclax combined with navitoclax 50 mg was 400 mg")."""
    between = text[subject.end_char:first.start]
    if not _DIGIT.search(between):
        return nearest is subject or _PARTNER_DOSED.fullmatch(text, nearest.end_char, first.start) is None
    return _SUBJECT_VERB_BEFORE.search(between) is not None


def _product_out_of_reach(text: str, before: list[Span], first: nz.Number, drugs: list[Span],
                          amount: str) -> Span | None:
    """For a dose of cells whose drugs in reach are none a cell product, the one CAR T product named earlier in its
    clause, out of reach after what was given before it: "Tisagenlecleucel was infused once after lymphodepleting
    chemotherapy with fludarabine and cyclophosphamide at a target dose of 0.2 to 5.0 × 10^6 cells/kg"."""
    if amount not in _CELL_UNITS or any(_is_car_t(d.id_) for d in before):
        return None
    products = [d for d in drugs if d.end_char <= first.start and _is_car_t(d.id_)]
    if len({d.id_ for d in products}) != 1 or ";" in text[products[-1].end_char:first.start]:
        return None
    return products[-1]


def _fitting_before(text: str, before: list[Span], first: nz.Number, amount: str) -> Span | None:
    """The drug a dose's unit fits when the nearest drug before it is of a class the unit does not fit (see
    _UNITS_OF_CLASS): the nearest earlier one in the clause that it fits ("Inotuzumab with blinatumomab 28 µg/day and
    at 0.9 mg/m2 on day 1": inotuzumab's, a T-cell engager is dosed in µg); None when the nearest fits or nothing
    does."""
    if _unit_fits(before[-1].id_, amount) is not False:
        return None
    for drug in reversed(before[:-1]):
        if ";" in text[drug.end_char:first.start]:
            return None
        if _unit_fits(drug.id_, amount):
            return drug
    return None


def _named_for(text: str, end_span: Span, drug: Span) -> bool:
    """"The MTD was 1.8 mg/m2 for inotuzumab", "400 mg for venetoclax and 50 mg for navitoclax": the drug after
    "for" ending its phrase (not "20 mg for blinatumomab premedication", "for blinatumomab-related CRS")."""
    return text[end_span.end_char:drug.start_char] == " for " and _PHRASE_END.match(text, drug.end_char) is not None


def _subject_after_opening(text: str, sentence_start: int, first: nz.Number, end_span: Span, drug: Span) -> bool:
    """Whether the dose is the sentence's opening phrase and the drug the subject right after its comma (see
    _DOSE_OPENING)."""
    gap = text[end_span.end_char:drug.start_char]
    if gap not in (", ", "), "):
        return False
    opening = _DOSE_OPENING.fullmatch(text, sentence_start, first.start)
    return opening is not None and (opening.group("level") is not None) == (gap == "), ")


def _run_in_opening(text: str, sentence_start: int, first: nz.Number, end_span: Span, drug: Span) -> bool:
    """Whether the dose is a run-in step said in the sentence's opening phrase, the drug the subject right after its
    comma (see _RUN_IN_BEFORE); one of the two sides must name the run-in."""
    before = _RUN_IN_BEFORE.fullmatch(text, sentence_start, first.start)
    after = _RUN_IN_AFTER.fullmatch(text, end_span.end_char, drug.start_char)
    if before is None or after is None:
        return False
    return _RUN_IN_WORD.search(before.group() + after.group()) is not None


def _named_after_a_later_dose(text: str, first: nz.Number, end_span: Span, drug: Span) -> bool:
    """Whether the first drug of a sentence is named after a later dose in the same unit, to which this one is
    parallel: "CR rates were 80% at 1.8 mg/m2 and 60% at 1.2 mg/m2 of inotuzumab" (not across a ";")."""
    printed = text[first.end:end_span.end_char].lstrip()  # "mg/m2", "µg/day"
    at = text.rfind(printed, end_span.end_char, drug.start_char) if printed else -1
    if at == -1 or not text[max(0, at - 2):at].strip(" -")[-1:].isdigit():
        return False  # the later unit is a dose's: a number right before it
    if ";" in text[end_span.end_char:drug.start_char]:
        return False
    return _DRUG_AFTER_GAP.match(text[at + len(printed):drug.start_char]) is not None


def _named_in_bracket(text: str, end: int, drug: Span) -> bool:
    """"1 × 10^6 CAR T cells/kg (KTE-X19)": a bracket right after the dose (ending at `end`) holding the drug's name
    alone."""
    opened = text[end:drug.start_char] in (" (", "(", " [")
    return opened and text[drug.end_char:drug.end_char + 1] in ")]"


def _unknown_item_between(text: str, drug: Span, first: nz.Number) -> bool:
    """Whether a list item naming an unknown drug stands between a drug's dose and this one (see _ITEM_JOINS)."""
    gap = text[max(drug.end_char, first.start - _UNKNOWN_ITEM_REACH):first.start]
    if gap.endswith((" (", " [")):
        gap = gap[:-1]  # "with nivolumab (3 mg/kg)": the bracket is the unknown drug's, right after its name
    if not gap.endswith(" ") or not _ITEM_JOIN_CUE.search(gap):
        return False  # most gaps hold no join: " ", " at ", " was given at "
    head, named = gap[:-1], 0
    while named < _NAME_WORDS and not head.endswith(_ITEM_JOINS):
        head, _, word = head.rpartition(" ")
        # letters only: a label with digits ("DL2 1.2 mg/m2") names a dose level, not a drug
        if not word.replace("-", "").isalpha() or _NOT_A_DRUG_WORD.fullmatch(word):
            return False
        named += 1
    return named > 0 and head.endswith(_ITEM_JOINS)


def _distant_subject(text: str, sentence_start: int, first: nz.Number, drugs: list[Span]) -> Span | None:
    """The drug opening the sentence as the subject of the dose's verb, out of reach after a description:
    "Inotuzumab ozogamicin, an anti-CD22 antibody conjugated to calicheamicin, was administered intravenously on
    days 1, 8 and 15 at 0.8, 0.5 and 0.5 mg/m2"; the only drug named before the dose, with no clause break."""
    before = [d for d in drugs if d.end_char <= first.start]
    if not before or any(d.id_ != before[0].id_ for d in before):
        return None
    subject = before[0]
    if not _SENTENCE_OPENING.fullmatch(text, sentence_start, subject.start_char) or ";" in text[
            subject.end_char:first.start]:
        return None
    verb = _SUBJECT_VERB.search(text, subject.end_char, first.start)
    # the subject's own verb, the first after it: not "X had failed in most patients, and the study drug was given"
    return subject if verb and not _FINITE_VERB.search(text, subject.end_char, verb.start()) else None


def _pronoun_clause_subject(text: str, first: nz.Number, drugs: list[Span]) -> Span | None:
    """The one drug named before a dose out of reach whose clause opens on a pronoun for it: "Inotuzumab was given
    on day 3 of the first four courses at 1.3 mg/m2 in cycle 1 and 1.0 mg/m2 thereafter; after 20 patients, it was
    given weekly at 0.6 mg/m2"."""
    before = [d for d in drugs if d.end_char <= first.start]
    if not before or any(d.id_ != before[0].id_ for d in before):
        return None
    clause = text.rfind(";", before[-1].end_char, first.start)
    if clause == -1 or _PRONOUN_CLAUSE.match(text, clause, first.start) is None:
        return None
    return before[-1]


def _partner_of_subject(text: str, before: list[Span], first: nz.Number, amount: str) -> bool:
    """Whether the drug nearest before a dose is the subject's partner and the verb after it the subject's:
    "Inotuzumab in combination with low-intensity chemotherapy was administered at 1.3 mg/m2" is inotuzumab's dose
    ("Ponatinib was combined with blinatumomab at 28 µg/day" is blinatumomab's); see _COMBINED_WITH. The unit
    decides when it fits one of the two drugs only (see _UNITS_OF_CLASS): "Blinatumomab was given with ponatinib
    at 45 mg" is ponatinib's, "Ponatinib was combined with blinatumomab at 45 mg daily" ponatinib's too."""
    subject, partner = before[-2], before[-1]
    join = text[subject.end_char:partner.start_char]
    if not _COMBINED_WITH.search(join) or _CLAUSE_BREAK.search(join) or _is_backbone(subject.id_):
        return False
    after = text[partner.end_char:first.start]
    if _is_supportive(partner.id_) and (_AT_DOSE.fullmatch(after) or _PARTNER_ROLE.fullmatch(after)):
        return False  # "Inotuzumab was given with defibrotide (prophylaxis) at 25 mg/kg/day": the supportive drug's
    decided = _subject_by_words(join, after, partner)
    fits_subject, fits_partner = _unit_fits(subject.id_, amount), _unit_fits(partner.id_, amount)
    if fits_subject is None or fits_partner is None or fits_subject == fits_partner:
        return decided
    # the unit fits one drug only and decides ("given with ponatinib for 4 weeks at 28 µg/day"), but for a dose in
    # another clause ("Ponatinib 30 mg was combined with blinatumomab; aspirin 81 mg ..."), which stays the words' case
    return fits_subject if decided or _AT_DOSE.fullmatch(after) or not _CLAUSE_BREAK.search(after) and "," not in after \
        else decided


def _subject_by_words(join: str, after: str, partner: Span) -> bool:
    """Whether the words between subject and partner (`join`) and between partner and dose (`after`) make the dose
    the subject's (see _partner_of_subject)."""
    if _COORDINATED_VERB.fullmatch(after):
        return _FINITE_VERB.search(join) is not None  # "X was added to Y and (was) given at"
    if _SUBJECT_VERB.search(after):
        return not _FINITE_VERB.search(join)  # "X, given with Y, was administered at"; not "X was given with Y ..."
    if _DOSED_WITH.search(join) and _AT_DOSE.fullmatch(after):
        return True  # "X was given with Y at 140 mg daily": at the dose the subject was given
    return _PARTNER_ROLE.fullmatch(after) is not None or _is_backbone(partner.id_) and _AT_DOSE.fullmatch(after)


@functools.lru_cache(maxsize=None)
def _split_per(unit_id: str) -> tuple[str, str | None]:
    """`nz.split_per` of a unit rule's id, computed once per id (a closed set: the ids of patterns/units.jsonl)."""
    return nz.split_per(unit_id)


def _tidy(value: float | None) -> float | int | None:
    """Whole numbers as int (1000000, not 1000000.0); others rounded to remove float noise (0.5*1e6)."""
    if value is None:
        return None
    value = round(value, 6)
    return int(value) if float(value).is_integer() else value
