"""Scalars: the study's headline N (cohort_size), median age in years, median follow-up in months.

Candidates are returned in text order; the article keeps the first of each (`ArticleContext.add_scalar`), which is
the SCHEMA convention for cohort_size: the size the abstract first gives for its study population.

- cohort size: a whole number followed closely by a population noun ("48 patients", "Sixty-five adults with
  relapsed ALL", "26 relapsed/refractory ... patients"), in a sentence that introduces a population (an
  enrolment cue such as "enrolled", "were treated", "given to", "A total of", "We report", or a sentence opening
  "Of the N" / "Among the N", unless it names responders or a subgroup: "Of the 6 patients with T-ALL"), or in the
  title; not in a background section (other studies' patients). Counts of a subset are
  not candidates: a denominator of "8 of 25", a count with its percentage "106 (47%) patients", a group's "n =",
  the patients screened ("Of 350 patients screened, 326 were randomized" gives 326), a count inside a group named
  first, and a sentence counting two groups side by side ("6 patients at dose level 1 and 12 at dose level 2")
  gives none; counts inside an "including" phrase or adding up to the first count break it down ("45 patients,
  including 30 with B-ALL and 15 with T-ALL"); a count of another study ("In a previous study, 49 patients ...")
  gives way to a later one of the authors' own in its section.
- median age: the number after a "median age" cue ("median age, 14 years", "median age was 31(18-60) years",
  "aged 18 to 78 years (median 46)"), months read in years; not the age of a part ("of responders").
- median follow-up: the duration after (or inside, or before) a "median follow-up" cue, converted to months.
- an age or follow-up given per arm ("47 years in arm A and 46 years in arm B"), or two different ones in one
  section, gives none.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from extractor import normalise as nz
from extractor.extraction.context import ArticleContext
from extractor.extraction.evidence import evidence
from extractor.extraction.sentences import Sentence, section_view
from extractor.extraction.spans import rule_spans
from extractor.models import TITLE_SECTION

# --- cohort size
# What may stand between a count and its population noun: words, slashes, brackets ("26 relapsed/refractory
# Philadelphia positive (Ph+) acute lymphoblastic leukemia (ALL) patients"), but no digits or clause punctuation.
_TO_NOUN = re.compile(r"^[A-Za-z\s/()+\-\u2010\u2011\u2212]{0,100}$")
_MAX_WORDS_TO_NOUN = 12
# The count is of something else when an "of", a time unit or another preposition stands before the noun: "3 cohorts
# of patients", "2 phase II trials of inotuzumab in adults", "65 years and older patients", "on days 1 to 5 to
# children", "navitoclax 50 mg for patients weighing 45 kg or more".
_COUNTS_ELSE = re.compile(r"\s(?:of|to|for|at|on|by|per|than|in|into|from|after|before)\s"
                          r"|^\s(?:years?|months?|weeks?|days?)\b", re.I)
# A count of trials, centres or cohorts ("Data from three trials were pooled; 100 adults ...", "12 centres
# enrolled 60 patients"): no count of patients, nor a group beside the one counted after it.
_COUNTS_THINGS = re.compile(r"\s(?:(?:phase\s[\w/]+(?:\s(?:and|or)\s\w+)?|randomi[sz]ed|clinical|prospective)\s)?"
                            r"(?:trials?|studies|centers|centres|sites|institutions|hospitals|countries|cohorts)\b",
                            re.I)
# "Seventy-nine patients were evaluable (for response)": the patients analysed, the study population when no count
# comes before it; not those evaluable for one measure ("40 patients were evaluable for MRD" is a part).
_EVALUABLE_END = re.compile(r"\s?(?:[.,;:)]|$|\sfor\s(?:the\s|this\s)?(?:response|efficacy|analysis|outcomes?)\b)")
_OPENS_POPULATION = re.compile(r"^\s*(?:Of|Among|In)\s(?:the|all|these)?\s?$")
# A sentence opening with this study's own population: "In this study of 48 patients", "In our series of 37 patients",
# "This phase 2 trial of 65 adults" (not "In the phase 3 trial of 326 patients": another study's, maybe).
# With "a", only an observational series, which quotes no earlier trial: "In a cohort of 62 patients", "In a
# multicenter retrospective analysis of 62 adults" (not "In a phase 3 trial of 326 patients").
_OWN_STUDY_OF = re.compile(r"^\s*(?:In\s)?(?:(?:this|our|the present|the current)\s(?:[\w\-/]+\s){0,4}?"
                           r"(?:study|cohort|series|trial|analysis|experience)|a\s(?:[\w\-/]+\s){0,3}?(?:cohort|series"
                           r"|retrospective\s(?:[\w\-/]+\s){0,2}?(?:study|analysis|review)))\sof\s$", re.I)
# A cheap necessary cue of _OPENS_POPULATION or _OWN_STUDY_OF, at the sentence's start.
_MAY_INTRODUCE = re.compile(r"\s*(?:of|among|in|this|our|the\s(?:present|current))\s", re.I)
_OPENS_SUBSET = re.compile(r"\s*(?:Of|Among)\s(?:the|all|these)?\s?$")
_PERCENT_NEXT = re.compile(r"\s?(?:%|[(\[]\s?\d+(?:[.·]\d+)?\s?%)")  # matched at a position: no "^"
# ... also after a slash that joins phases or grades: "phase 1b/2 trial", "grade 3/4 events"; or a hyphen: "phase-2".
_COUNTED_BEFORE = re.compile(r"(?:aged?|phase|grade|cycles?|days?)(?:\s|[" + nz.HYPHENS + r"])?"
                             r"(?:(?:\d|I{1,3}|IV)[ab]?\s?/\s?)?$", re.I)
# A year of a period: "From 2012 to 2019", "between 2010 and 2018", "in 2015-2020", "since 2008".
_CENTURIES = ("19", "20")  # a four-digit number starting so may be a year
_YEAR_BEFORE = re.compile(r"\b(?:from|between|since|in|during|until|through|to|and)\s$|[" + nz.HYPHENS + r"]$", re.I)
_YEAR_AFTER = re.compile(r"\s?(?:[" + nz.HYPHENS + r"]|\s(?:to|and|through|until)\s)\s?(?:19|20)\d\d\b")
# A month before a year: "Between January 2010 and December 2018, 62 adults ...", "(Jan. 2015 to Dec. 2019)".
# A month and day before a year: "As of December 31, 2019, 45 patients ..."; the day itself is no count either.
_MONTHS = (r"\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t|tember)?"
           r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_MONTH_BEFORE = re.compile(_MONTHS + r"(?:\s\d{1,2}(?:st|nd|rd|th)?)?,?\s$")
_MONTH_REACH = 16  # "September 30th, " before the year
# A trial's name before its year: "IntReALL SR 2010 enrolled children", "ALL-REZ BFM 2002", "UKALL 2003" (an
# acronym in capitals, two letters or more).
_TRIAL_NAME_BEFORE = re.compile(r"(?<![\w\-])[A-Z][A-Z0-9\-]*[A-Z][A-Z0-9\-]*\s$")
_TRIAL_NAME_REACH = 12
# The verb of an outcome right after a counted noun: "25 patients achieved CR", "3 patients died".
# A count of each group: "109 patients were randomly assigned to each group", "50 patients per arm", "Six patients
# were treated at each dose level".
_EACH_GROUP = re.compile(r"\b(?:(?:to|in|into|at|for)\s(?:each|every)|per)\s(?:dose\s)?(?:arm|group|cohort|level)",
                         re.I)
_EACH_GROUP_REACH = 60
_OUTCOME_VERB = re.compile(r"\s(?:(?:have|had|also)\s)?(?:achieved|attained|reached|relapsed|died|developed|experienced"
                           r"|responded|progressed|proceeded|underwent|discontinued|had)\b", re.I)
# How far a screening cue may follow its count's noun: "350 patients were assessed for eligibility".
_SCREENING_REACH = 25
# A count whose noun is left out, and its verb: "326 were randomized", "44 had been enrolled", "60 received", "98
# (82%) were enrolled".
_ELIDED_VERB = re.compile(r"(?:\s?[(\[]\d+(?:[.·]\d+)?\s?%[)\]])?"
                          r"\s(?:(?:were|was|had been|have been)(?:\s(?:subsequently|eventually|then|finally))?\s)?")
# Two groups counted side by side: the join before the second count, what follows a count whose verb is left out
# ("and 12 at dose level 2", "and 13 with T-LBL", "and 40 as second salvage", "; 30 more were"), at most two words
# before a count's own noun ("and 21 young adults").
_LIST_JOIN_END = re.compile(r"(?:and|or|[,;])\s$")
_PARALLEL_AFTER = re.compile(r"\s(?:(?:more|additional)\b|(?:with|without|at|in|on|into|to|during|as|after|before)\s)")
_NEXT_NOUN = re.compile(r"\s(?:[A-Za-z\-]+\s){0,2}")
_DIGIT = re.compile(r"\d")
# Between the population noun and the N of its bracket: "adults (n = ", "patients [N=".
_NOUN_TO_BRACKET = re.compile(r"\s?[(\[]\s?[nN]\s?(?:=|:)\s?")
# The same after the disease the noun has ("patients with relapsed ALL (n = "): no clause punctuation, no number.
_NOUN_WITH_TO_BRACKET = re.compile(r"\swith\s[^()\[\],;:]{1,60}?\s?[(\[]\s?[nN]\s?(?:=|:)\s?")
# The same after the noun's age range or bound ("Children and young adults aged 1 to 21 years (n = ", "Patients aged
# 60 years or older (N=").
_NOUN_AGED_TO_BRACKET = re.compile(
    r"\s(?:aged|ages)\s(?:\d+\s?(?:[" + nz.HYPHENS + r"]|to)\s?)?\d+\s(?:years?|yrs)(?:\s(?:old|of\sage|or\s(?:older|"
    r"younger|more|less|above|over)))?\s?[(\[]\s?[nN]\s?(?:=|:)\s?")
_CLOSE_AFTER_N = re.compile(r"\s?[)\];,]")
# An arm's N opening its own bracket ("(n = ", "[N="), and what stands between two arms' brackets in a list of
# randomised arms: a join and the next arm's name (" or standard chemotherapy ", ", arm 2 ", " versus delayed ").
_OPENS_ARM_N = re.compile(r"[(\[]\s?[nN]\s?[=:]\s?$")
# Those randomised are the responders, a part of the study population: "Responders were randomized to A (n = 40) or
# B (n = 38)", "Patients in CR were randomly assigned", "MRD-negative patients were randomized".
_RESPONDERS = re.compile(r"\b(?:(?:non-?)?responders|responding|in\s(?:(?:a\s)?(?:first\s|second\s)?(?:complete\s)?"
                         r"(?:remission|response)|CR\d?)\b|who\s(?:had\s)?(?:achieved|attained|responded)|achieving"
                         r"|MRD[\s\-\u2010]?negative)", re.I)
# A response state right after a population noun: "patients who achieved CR", "patients in CR", "achieving CR/CRi".
_RESPONSE_STATE_AFTER = re.compile(
    r"\s(?:who\s(?:had\s)?(?:achieved|attained|reached|responded|were\sin\b)|achieving|attaining|responding|"
    r"in\s(?:(?:a\s)?(?:first\s|second\s)?(?:complete\s)?(?:remission|response)|CR\d?|CR/CRi|CRi)\b|"
    r"with\s(?:a\s)?(?:CR|CR/CRi|response|remission)\b)", re.I)
# A subgroup right after a population noun: its lineage, Ph or MRD status, a site, a lesion, a prior therapy, the
# disease burden, or a transplant ("patients with T-ALL", "with Ph-positive ALL", "with MRD", "with CNS disease",
# "with KMT2A rearrangement", "with prior HSCT", "with high tumor burden", "who underwent HSCT"); opening "Of the N
# ..." it names a part of the cohort ("with relapsed ALL", "with high-risk disease" describe the whole).
_SUBGROUP_AFTER = re.compile(
    r"\s(?:with\s(?:[BT][\s\-\u2010](?:ALL|cell|lineage)\b|Ph(?:iladelphia)?(?:[+\-\u2010\s]|$)|MRD\b"
    r"|(?:CNS|extramedullary|KMT2A|MLL|TP53|IKZF1|prior|previous)\b|(?:high|low)\s(?:tumou?r|disease|marrow|blast))"
    r"|who\s(?:had\s)?(?:received|underwent|proceeded\sto)\s(?:an?\s)?(?:allo\w*|HSCT|HCT|SCT|transplant\w*|stem)\b)")
_ARM_JOIN = re.compile(r"(?:,\s?(?:(?:or|and)\s)?|\s(?:or|and|vs\.?|versus)\s)[^;:()\[\]]{0,80}")
# The names of a labelled abstract's background section (PubMed's BACKGROUND category): "Background",
# "INTRODUCTION", "IMPORTANCE", "CONTEXT", "RATIONALE".
_BACKGROUND = re.compile(r"(?:background|introduction|importance|context|rationale)s?\b", re.I)

# --- median age
# Between an age cue and its value: a verb or a colon ("median age was", "median age, "), or the moment the age is
# of without one ("median age at infusion 12 years", "median age at HSCT 34 years").
_AGE_GAP = re.compile(r"^(?:\s?[,:=(]?\s?|(?![-\u2010])[^\d.;]{0,60}?(?:\swas|\sof|,|:|=)\s?"
                      r"|\sat\s(?:the\stime\sof\s)?[A-Za-z][\w\-/]*(?:\s[A-Za-z][\w\-/]*){0,3}\s)$")
# A part of the cohort named between the cue and the age: "of patients who achieved CR", "of responders", "in the
# inotuzumab arm", "of patients in CR", "of responding patients"; or other people ("of donors"): not the study's
# median age.
_AGE_OF_PART = re.compile(r"\b(?:who|whom|which|that|responders?|non-?responders?|responding|arms?|groups?|donors?"
                          r"|in\s(?:a\s)?(?:CR\d?|CRi|(?:first\s|second\s)?(?:complete\s)?(?:remission|response)))\b",
                          re.I)
_AGE_AFTER = re.compile(r"^\s?(?:years?|yrs?|y\b|months?\b|[(\[]|[;,)\]]|\.(?!\d)|$)")
_AGE_UNIT = re.compile(r"\s?(?:years?|yrs?|y\b|months?\b)")
# An age in months, its unit after the number or after its bracketed range: "14 months", "14 (range, 2-24) months",
# "14 (range, 2-24 months)"; read in years like any age.
_IN_MONTHS = re.compile(r"\s?(?:months?\b|[(\[][^()\[\]]{0,40}?(?:months?\s?[)\]]|[)\]]\s?months?\b))", re.I)
# The median age as the patients' predicate, no "median age" cue: "Patients were a median of 43 years old", "were a
# median of 43 (range, 18-79) years of age", "aged a median of 43 years" (not "were a median of 2 years from
# diagnosis": without "aged", the age needs its "old" or "of age").
_AGE_STATED = re.compile(r"\b(?:(?:was|were)\s|(?P<aged>aged)\s)(?:a\s)?median\sof\s(?P<age>\d+(?:[.·]\d+)?)"
                         r"(?:\s?[(\[][^()\[\]]{0,40}[)\]])?(?:\s(?P<unit>years?|months?)\b)?(?P<old>\s(?:old|of\sage)\b)?",
                         re.I)
# A group counted between the age cue and its value: "median age of the 48 patients was 45 years".
_OF_THE = re.compile(r"\s(?:of|in|among)\s(?:the\s|all\s|these\s|our\s)?")
_VERB_TO_AGE = re.compile(r"\s?(?:was|were|is|,|:)\s?")
# An age cue sharing its verb with the follow-up: "median age and (median) follow-up were 45 years and 24 months".
_AGE_AND_FOLLOW_UP = re.compile(
    r"\s(?:and|,)\s(?:the\s)?(?:median\s)?follow[\s\-\u2010]?up(?:\s(?:time|duration))?\s(?:were|was)\s"
    r"(?P<age>\d+(?:[.·]\d+)?)\s?years?(?:\s?\([^()]{0,40}\))?,?\s(?:and\s)?"
    r"(?P<follow_up>\d+(?:[.·]\d+)?)\s?(?P<unit>months?|years?)\b", re.I)

# --- median follow-up
# Between a follow-up cue and its duration: no number, no clause end, no time point or bound ("the 2-year OS" and
# "OS at 2 years" after "With a longer median follow-up," are not the follow-up; neither is "more than 2 years").
_FOLLOW_UP_GAP = re.compile(r"^[^\d.;]{0,50}$")
# The patients the follow-up is of, counted between the cue and its duration: the survivors ("median follow-up of the
# 12 survivors was", "for the 9 patients alive", "of the surviving 15 patients") or the whole cohort ("for all 40
# patients was"); their count is no duration. A count qualified otherwise is a part's ("of the 12 patients in CR",
# "of the 25 responders"): its follow-up stays unread.
_COUNTED_SURVIVORS = re.compile(r"\s(?:of|for|in|among)\s(?:the\s|all\s|these\s)?(?:(?:surviving|living)\s)?\d+\s"
                                r"(?:(?:surviving|living|alive)\s)?(?:survivors|patients|children|adults|subjects)"
                                r"(?:\s(?:(?:who\s(?:were|are|remained)|still)\s)?(?:alive|surviving|living))?"
                                r"(?=\s(?:was|is|were)\b|,|:)")
_NOT_FOLLOW_UP_GAP = re.compile(r"\b(?:at|than|least|over|beyond|exceed\w*)\s?$", re.I)
# An endpoint the follow-up is counted for, or whose patients it follows: "median follow-up for OS was", "median
# follow-up for patients alive was", "median follow-up of patients still alive was".
_FOR_ENDPOINT = re.compile(r"\s(?:time\s)?(?:for|of|in|among)\s(?:the\s)?(?:(?:patients|those|subjects)\s"
                           r"(?:(?:who\s(?:were|are|remained)|still|remaining)\s)?)?")
_HYPHENATED = re.compile(r"\s?[" + nz.HYPHENS + r"]")
_UNIT_AFTER_RANGE = re.compile(r"\s?[(\[][^()\[\]]{1,40}[)\]]\s?(?P<unit>years?|months?|mo|weeks?|days?)\b", re.I)
_BEFORE_CUE = re.compile(r"^\s?(?:[(\[][^()\[\]]{0,40}[)\]]\s?)?(?:of\s)?$")

# --- age and follow-up: a second duration right after the first (its range bracket and group name skipped), "47
# years in the inotuzumab arm and 46 years in the control arm", "13.2 months vs 12.8 months", "25 months and for EFS
# 22 months", "47 (range 18-80) and 46 (range 19-79) years": one value per arm, none the study's; "29 years at
# diagnosis and at relapse 31 years": one per moment, none the study's.
_SECOND_VALUE = re.compile(
    r"(?:\s?[(\[][^()\[\]]{0,60}[)\]])?(?:\s(?:in|for|with)\s[^\d;.()]{1,50}?)?,?\s"
    r"(?:and|vs\.?|versus|compared (?:with|to))\s(?:(?:in|for|at)\s[^\d;.()]{1,30}?\s)?\d+(?:[.·]\d+)?"
    r"(?:\s?(?:years?|yrs?|months?|mo|weeks?|days?)\b|\s?[(\[]\s?(?:range|IQR|\d+(?:[.·]\d+)?\s?[-–]))")


def extract_scalars(doc: Doc, section: str, context: ArticleContext) -> list[dict]:
    """Scalar candidates of one section, in text order.

    Args:
        doc: the processed section text.
        section: its name (evidence.section).
        context: the article's context (number words).

    Returns:
        Dicts {scalar, value, evidence} with scalar one of cohort_size, median_age_years, median_follow_up_months;
        of cohort_size only the first, and none once the article has one (`context.scalars`).
    """
    # A background section counts other studies' patients ("In the phase 3 trial, 326 patients were randomized").
    # The article keeps the first cohort it is given: once it has one, later counts need not be read.
    found, no_cohort = [], bool(_BACKGROUND.match(section)) or "cohort_size" in context.scalars
    sentences = section_view(doc).sentences
    unsplit = 0  # sentences[:unsplit] are known not to split the population into groups
    earlier: list[dict] = []  # a count of another study's, kept until this section names its own
    for index, sent in enumerate(sentences):
        # Once a section has split its population into groups ("B-ALL (n = 7) ... T-ALL (n = 24)"), the
        # headline N is their sum, which it does not print; a later count is one group's, not the cohort. Most
        # sentences have no cue of a scalar: its reader need not be called for them, nor the split looked for.
        if not no_cohort and sent.labelled("COHORT"):
            no_cohort = any(_splits_population(s) for s in sentences[unsplit:index])
            unsplit = index
            if not no_cohort:
                cohort = _cohort(sent, section, context.words)
                if cohort and not earlier and _of_another_study(sent):
                    earlier = cohort  # "In a previous study, 49 patients were treated ... We now report 60 adults"
                elif cohort:
                    found += cohort if not earlier or _OWN_WORK.search(sent.text) else earlier
                    earlier, no_cohort = [], True
        if sent.labelled("AGE"):
            found += _median_age(sent, section, context.words)
        if "median of" in sent.text:
            found += _median_age_stated(sent, section)
        if sent.labelled("FOLLOW_UP"):
            found += _follow_up(sent, section, context.words)
    return _unambiguous(earlier + found)


# Words of the authors' own work in a sentence after another study's count: "We now report 60 adults", "Here, 60
# adults were treated", "In this study, ...".
_OWN_WORK = re.compile(r"\b(?:we|our|here|this|present|current|now)\b", re.I)
_HISTORICALLY = re.compile(r"\s*(?:Historically|Previously)\b")


def _of_another_study(sent: Sentence) -> bool:
    """The sentence is about another study (patterns/design.jsonl, DESIGN_CONTEXT other-study: "In a previous study",
    "The pivotal trial"; or it opens "Historically"), or reports a trial's finding without a word of the authors' own
    ("In a randomized study of 326 patients, X improved OS"): its count may be that study's, not this one's."""
    context = sent.labelled("DESIGN_CONTEXT")
    if any(c.id_ == "this-study" for c in context):
        return False
    text = sent.text
    return any(c.id_ == "other-study" for c in context) or bool(_HISTORICALLY.match(text)) \
        or bool(_TRIAL_FINDING.search(text) and not _OWN_WORK.search(text))


# A trial's finding: "X improved OS over chemotherapy in a randomized trial", "a phase 3 study showed that ..."
_TRIAL_FINDING = re.compile(r"\b(?:trial|study)\b.*\b(?:improved|prolonged|showed|demonstrated|doubled)\b|"
                            r"\b(?:improved|prolonged|showed|demonstrated|doubled)\b.*\b(?:trial|study)\b", re.I)


def _splits_population(sent: Sentence) -> bool:
    """Whether a sentence splits the population into groups with their N ("B-ALL (n = 7) ... T-ALL (n = 24)"), but
    for responders randomised (a part of the population)."""
    return len(sent.n_equals()) >= 2 and not _randomizes_responders(sent)


def _unambiguous(found: list[dict]) -> list[dict]:
    """Drop a scalar stated with two different values in one section (a follow-up for RFS and another for OS):
    which one is the study's is not in the text."""
    if not found:
        return found
    values: dict[str, set] = {}
    for candidate in found:
        values.setdefault(candidate["scalar"], set()).add(candidate["value"])
    return [c for c in found if c["scalar"] == "cohort_size" or len(values[c["scalar"]]) == 1]


def _candidate(name: str, value, doc: Doc, section: str, start: int, end: int) -> dict:
    return {"scalar": name, "value": value, "evidence": evidence(doc, section, start, end)}


def _cohort(sent: Sentence, section: str, words) -> list[dict]:
    doc, text = sent.doc, sent.section_text
    cues = rule_spans(sent, "COHORT")
    nouns = [c for c in cues if c.id_ == "population"]
    if not nouns and not any(c.id_ == "screened" for c in cues):
        # most sentences name no population; "Of 120 screened, 98 were enrolled" and "Of 60 enrolled, 52 were
        # infused" leave it out
        return _elided_opening_count(sent, section, words) if cues else []
    enrolled = [c for c in cues
                if c.id_ == "enrolment" or c.id_ == "evaluable" and _EVALUABLE_END.match(text, c.end_char)
                or c.id_ == "transplant_series" and _describes_transplant_series(text, c, nouns)]
    totals = [c for c in cues if c.id_ == "total"]
    if not enrolled and not totals and section != TITLE_SECTION and not _MAY_INTRODUCE.match(sent.text):
        return []  # a count is the cohort only after one of these cues (see below): most sentences have none
    labelled = _labelled_groups_total(sent, section)
    if labelled:
        return labelled
    numbers = sent.section_numbers(words)  # shared with the other extractors
    # a denominator ("8 of 25") and a group's N closing its bracket ("Ph-positive, n = 18) patients") count part of
    # the cohort; "N = 40 patients were enrolled" is the cohort
    counts = sent.n_equals()
    sentence = sent.text
    parts = {f.denominator.start for f in sent.digit_fractions()} | {
        n.start for n in counts if _CLOSE_AFTER_N.match(sentence, n.end)}
    screened = False
    for number in numbers:
        if screened and number.is_integer and not number.qualifier \
                and (elided := _elided_enrolment(text, number, enrolled)) is not None:
            # "Of 120 screened, 98 (82%) were enrolled": its share of those screened makes it no subset here
            return [_candidate("cohort_size", int(number.value), doc, section, number.start, elided.end_char)]
        if not _is_headcount(text, number) or number.start - sent.start_char in parts \
                or _COUNTS_THINGS.match(text, number.end):
            continue
        if any(c.id_ == "screened" and text[number.end:c.start_char] == " " for c in cues):
            screened = True  # "Of 120 screened, 98 patients were infused": the noun left out of those screened
            continue
        if any(c.id_ == "screened" and c.text.lower() == "screened" and text[c.end_char:number.start] == " "
               for c in cues):
            screened = True  # "We screened 120 patients; 107 were enrolled": the count the verb is of
            continue
        listed = _listed_counts(text, number, numbers, nouns)
        if listed:
            # "109 and 109 patients were randomized to A and B, respectively": the arms' counts, whose total is the
            # cohort; the last of the list alone is no cohort
            return _listed_total(sent, section, listed, nouns, enrolled)
        if not screened and number is not numbers[0] and _OPENS_SUBSET.match(text, sent.start_char, numbers[0].start):
            return []  # "Of the 30 responders, 20 patients were treated with HSCT": a part of the group named first
        groups_before = sum(n.start + sent.start_char < number.start for n in counts)
        noun = next((n for n in nouns if n.start_char >= number.end), None)
        if groups_before >= 2:
            # a count after two groups' N is one group's ("A (n = 20) or B (n = 22) and 15 patients received C");
            # the groups may still be randomised arms when it counts no patients ("...; the median age was 50")
            if noun is not None and _TO_NOUN.match(text[number.end:noun.start_char]):
                return []
            break
        if _another_group_follows(sent, number, numbers, noun, cues):
            return _two_groups_total(sent, section, number, noun, numbers, nouns) if enrolled else []
        if noun is None:
            continue
        between = text[number.end:noun.start_char]
        if not _TO_NOUN.match(between) or len(between.split()) > _MAX_WORDS_TO_NOUN or _COUNTS_ELSE.search(between):
            continue
        if _PERCENT_NEXT.match(text, noun.end_char):
            continue  # "Twelve patients (38%)": a share of the cohort, not the cohort
        if (_RESPONSE_STATE_AFTER.match(text, noun.end_char) or _SUBGROUP_AFTER.match(text, noun.end_char)) \
                and _OPENS_SUBSET.match(text, sent.start_char, number.start):
            continue  # "Of the 30 patients who achieved CR", "Of the 6 patients with T-ALL": a part of the cohort
        if _each_group(text, sent, noun, numbers):
            continue  # "109 patients were randomly assigned to each group": one group's size, not the total
        if _screened_count(text, noun, cues, numbers):
            screened = True  # "Of 350 patients screened, 326 were randomized": the cohort is the second count
            continue
        before = text[sent.start_char:number.start]
        opened = any(t.end_char <= number.start and not text[t.end_char:number.start].strip() for t in totals)
        # "A total of 25 patients achieved CR": a total of the responders, not of the study population
        opened = opened and not _OUTCOME_VERB.match(text, noun.end_char)
        introduced = _OPENS_POPULATION.match(before) or _OWN_STUDY_OF.match(before)
        if section == TITLE_SECTION or enrolled or opened or introduced:
            arms = _bracketed_arms_total(sent, section, number, enrolled)
            if arms is None:
                return []  # "Responders were randomized to X (25 patients) or Y (20 patients)": a part's arms
            return arms or [_candidate("cohort_size", int(number.value), doc, section, number.start, noun.end_char)]
    if not enrolled:
        return []
    return _bracketed_cohort(sent, section, nouns, numbers) or _randomized_total(sent, section, enrolled)


# What describes the patients of a transplant series between their noun and "underwent HSCT": their disease or a
# later remission ("children with relapsed ALL in CR2 underwent"), with no count, bracket or clause break; "20
# patients underwent HSCT", "patients (n = 20) underwent" and "20 patients in CR underwent" (the responders of a
# trial) are left alone.
_TRANSPLANT_SERIES = re.compile(r"\s(?:with|in)\s[^;:,()\[\]]{1,80}?\s", re.I)
_SERIES_POPULATION = re.compile(r"\b(?:[BT]-)?ALL\b|leuk|lymphoblastic|relaps|refractory|CR[2-9]|second|third|later"
                                r"|subsequent", re.I)
_SERIES_RESPONDERS = re.compile(r"\b(?:who|whom|that)\b|achiev|attain|respond", re.I)  # "with ALL who achieved CR"
_NUMBER_ALONE = re.compile(r"(?<![\w\-])\d+(?![\w\-])")


def _describes_transplant_series(text: str, cue: Span, nouns: list[Span]) -> bool:
    """"Sixty-two children with relapsed ALL underwent allogeneic HSCT": the noun right before the transplant cue is
    described by its disease or a later remission ("with", "in") or is a consecutive series ("62 consecutive patients
    underwent"); then the count is the series' cohort, as "We analysed 62 children who underwent HSCT" is."""
    noun = next((n for n in reversed(nouns) if n.end_char <= cue.start_char), None)
    if noun is None:
        return False
    between = text[noun.end_char:cue.start_char]
    if between == " ":
        return "consecutive" in text[max(0, noun.start_char - 14):noun.start_char].lower()
    return _TRANSPLANT_SERIES.fullmatch(between) is not None and not _NUMBER_ALONE.search(between) \
        and _SERIES_POPULATION.search(between) is not None and _SERIES_RESPONDERS.search(between) is None


# A sentence opening with a count whose noun is left out, and its enrolment verb: "Of 60 enrolled, 52 were infused",
# "Among the 45 randomized, 40 received ...", "Of 38 treated patients" (a noun there is read as any count's).
_ELIDED_OPENING = re.compile(r"\s*(?:Of|Among)\s(?:the\s|all\s|these\s)?(?P<count>\S+)\s(?:patients\s)?"
                             r"(?:enrolled|enroled|treated|randomi[sz]ed|registered|infused|included|recruited|accrued)"
                             r"\s?,")
# Between two counts of a list: "109 and 109", "3, 6 and 9", "12, 8, or 5".
_COUNT_LIST_JOIN = re.compile(r"\s?(?:,|,?\s(?:and|or))\s")
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)


def _elided_opening_count(sent: Sentence, section: str, words) -> list[dict]:
    """"Of 60 enrolled, 52 were infused": the first count, of those enrolled, treated or randomized, is the cohort
    (SCHEMA: the size the abstract first gives), though its noun is left out."""
    match = _ELIDED_OPENING.match(sent.text)
    subject = None if match else _ELIDED_SUBJECT.match(sent.text)
    if match is None and (subject is None or _PARALLEL_GROUP.search(sent.text, subject.end())):
        return []
    match = match or subject
    start = sent.start_char + match.start("count")
    number = next((n for n in sent.section_numbers(words) if n.start == start), None)
    if number is None or not _is_headcount(sent.section_text, number):
        return []
    end = sent.start_char + match.end() - (1 if subject is None else 0)
    return [_candidate("cohort_size", int(number.value), sent.doc, section, number.start, end)]


# A count opening its sentence as the subject of an enrolment verb, its noun left out: "Fifty-two were enrolled",
# "52 were treated and 48 were evaluable"; not a group beside others ("12 were treated at dose level 1 and 10 at
# dose level 2").
_ELIDED_SUBJECT = re.compile(r"\s*(?P<count>[\w\-]+)\s(?:were|had\sbeen)\s(?:enrolled|enroled|treated|randomi[sz]ed|"
                             r"registered|infused|included|recruited|accrued)\b")
_PARALLEL_GROUP = re.compile(r"\d\s(?:(?:more|patients|others)\s)?(?:were\s\w+\s)?(?:at|with|in|on)\s|"
                             r"dose\slevel|cohort|\barm\b", re.I)


def _listed_counts(text: str, number: nz.Number, numbers: list[nz.Number], nouns: list[Span]) -> list[nz.Number]:
    """The counts of a list ending with `number` and its population noun ("109 and 109 patients", "3, 6 and 9
    patients"), when whole counts come right before it; [] when it stands alone or no noun follows it closely."""
    noun = next((n for n in nouns if n.start_char >= number.end), None)
    if noun is None or not _NEXT_NOUN.fullmatch(text, number.end, noun.start_char):
        return []
    index = numbers.index(number)
    listed = [number]
    while index > 0:
        previous = numbers[index - 1]
        if not _COUNT_LIST_JOIN.fullmatch(text, previous.end, listed[0].start) or not _is_headcount(text, previous):
            break
        listed.insert(0, previous)
        index -= 1
    return listed if len(listed) > 1 else []


def _listed_total(sent: Sentence, section: str, listed: list[nz.Number], nouns: list[Span],
                  enrolled: list[Span]) -> list[dict]:
    """The total of listed counts sharing one population noun in an enrolment sentence with "respectively" ("109
    and 109 patients were randomized to inotuzumab and chemotherapy, respectively", "3, 6 and 9 patients were
    treated at the three dose levels, respectively"): one count per arm, and the cohort is all of them. Without
    "respectively", or with no enrolment or another verb, the counts are no cohort ("12 and 8 patients achieved CR
    and CRi")."""
    text, last = sent.section_text, listed[-1]
    noun = next((n for n in nouns if n.start_char >= last.end), None)
    if noun is None or not enrolled or not _RESPECTIVELY.search(sent.text) \
            or not _NEXT_NOUN.fullmatch(text, last.end, noun.start_char) or _OUTCOME_VERB.match(text, noun.end_char) \
            or _PERCENT_NEXT.match(text, noun.end_char) or not all(n.is_integer for n in listed):
        return []
    total = sum(int(n.value) for n in listed)
    return [_candidate("cohort_size", total, sent.doc, section, listed[0].start, noun.end_char)]


def _labelled_groups_total(sent: Sentence, section: str) -> list[dict]:
    """"Cohort 1 included 45 patients and cohort 2 included 30", "Arm A enrolled 40 patients and arm B 38": two
    labelled groups, each with its count, and no third: the cohort is their sum (the labels' numbers are no
    counts)."""
    text = sent.section_text
    found = _LABELLED_GROUPS.search(text, sent.start_char, sent.end_char)
    if found is None or _GROUP_LABEL.search(text, found.end(), sent.end_char) \
            or _PERCENT_NEXT.match(text, found.end("second")):
        return []
    total = int(found.group("first")) + int(found.group("second"))
    return [_candidate("cohort_size", total, sent.doc, section, found.start("first"), found.end("second"))]


_GROUP_WORD = r"(?:[Cc]ohort|[Gg]roup|[Aa]rm|[Pp]art)"
_GROUP_VERB = r"(?:included|enrolled|enroled|comprised|consisted\sof|treated|accrued|recruited)"
_LABELLED_GROUPS = re.compile(
    rf"\b{_GROUP_WORD}\s(?:\d|[A-D]\b)\w*\s{_GROUP_VERB}\s(?P<first>\d+)\s(?:patients|adults|children|pts)\b"
    rf"[^;:.\d]{{0,80}}?\sand\s(?:in\s)?{_GROUP_WORD.lower()}\s(?:\d|[A-D]\b)\w*\s(?:{_GROUP_VERB}\s)?"
    rf"(?P<second>\d+)\b(?!\.\d)(?!\s?%)", re.I)
_GROUP_LABEL = re.compile(rf"\b{_GROUP_WORD}\s(?:\d|[A-D]\b)", re.I)


def _each_group(text: str, sent: Sentence, noun: Span, numbers: list[nz.Number]) -> bool:
    """Whether the count ending at `noun` is of each group ("109 patients were randomly assigned to each group"),
    said before the next number ("218 patients were randomized, 109 to each arm" counts the total first)."""
    end = min(sent.end_char, noun.end_char + _EACH_GROUP_REACH)
    end = next((n.start for n in numbers if noun.end_char <= n.start < end), end)
    window = text[noun.end_char:end]
    return ("each" in window or "every" in window or "per " in window) and _EACH_GROUP.search(window) is not None


def _two_groups_total(sent: Sentence, section: str, number: nz.Number, noun: Span | None, numbers: list[nz.Number],
                      nouns: list[Span]) -> list[dict]:
    """"We treated 26 patients with T-ALL and 13 with T-LBL", "40 adults and 21 children were enrolled": an enrolment
    sentence counting the population in two parallel groups and no other number gives their sum (SCHEMA: the
    headline N). Parallel: the second count has a noun of its own, or the word after it ("with", "as") qualifies
    the first count too ("60 patients were enrolled and 40 with MRD data were analysed" sums nothing)."""
    text = sent.section_text
    if len(numbers) != 2 or numbers[0] is not number or noun is None or not numbers[1].is_integer:
        return []
    second = numbers[1]
    if not _TO_NOUN.match(text[number.end:noun.start_char]) or text[noun.end_char:second.start].count(",") > 1:
        return []
    own_noun = _counts_other_noun(text, second, noun, nouns)
    qualifier = _PARALLEL_AFTER.match(text, second.end)
    if not own_noun and (qualifier is None or qualifier.group().split()[0] not in
                         text[noun.end_char:second.start].lower().split()):
        return []
    total = int(number.value + second.value)
    return [_candidate("cohort_size", total, sent.doc, section, number.start, second.end)]


def _screened_count(text: str, noun: Span, cues: list[Span], numbers: list[nz.Number]) -> bool:
    """Whether the count ending at `noun` is of the patients screened or assessed for eligibility: a screening cue
    follows the noun closely, before the next number ("350 patients were assessed for eligibility, and 326...")."""
    cue = next((c for c in cues if c.start_char >= noun.end_char), None)
    if cue is None or cue.id_ != "screened" or cue.start_char - noun.end_char > _SCREENING_REACH:
        return False
    return not any(noun.end_char <= n.start < cue.start_char for n in numbers)


def _elided_enrolment(text: str, number: nz.Number, enrolled: list[Span]) -> Span | None:
    """The enrolment cue of a count whose noun is left out after a screened count: "326 were randomized"."""
    return next((c for c in enrolled if c.start_char > number.end
                 and _ELIDED_VERB.fullmatch(text, number.end, c.start_char)), None)


def _bracketed_cohort(sent: Sentence, section: str, nouns: list, numbers: list[nz.Number]) -> list[dict]:
    """"Children and young adults (n = 75) received tisagenlecleucel", "Patients with relapsed ALL (n = 87) were
    treated", "Patients aged 60 years or older (n = 40) were enrolled": the N in a bracket right after the population
    noun of an enrolment sentence, or after the disease its "with" names or its age, when the sentence gives no other
    group's N."""
    counts = sent.n_equals()
    if len(counts) != 1:
        return []
    text, n = sent.section_text, counts[0]
    start, end = n.start + sent.start_char, n.end + sent.start_char
    noun = next((c for c in reversed(nouns) if c.end_char <= start), None)
    if noun is None or n.value < 2 or not (_NOUN_TO_BRACKET.fullmatch(text, noun.end_char, start) or (
            _NOUN_WITH_TO_BRACKET.fullmatch(text, noun.end_char, start)
            and not any(noun.end_char <= m.start < start for m in numbers))
            or _NOUN_AGED_TO_BRACKET.fullmatch(text, noun.end_char, start)):
        return []
    close = _CLOSE_AFTER_N.match(text[end:])
    if not close:
        return []
    end += close.end() if close.group().strip() in ")]" else 0  # the evidence takes its bracket whole
    return [_candidate("cohort_size", int(n.value), sent.doc, section, noun.start_char, end)]


def _randomized_total(sent: Sentence, section: str, enrolled: list[Span]) -> list[dict]:
    """"Patients were randomized to X (n = 271) or Y (n = 134)": the total of the arms listed after a randomisation
    cue, each with its bracketed N (SCHEMA: a multi-arm study's cohort is its total), when the sentence gives no
    other N and only the arms' names and their joins stand between the brackets."""
    cue = _randomization_cue(enrolled)
    counts = sent.n_equals()
    if cue is None or len(counts) < 2 or _responders_before(sent, cue):
        return []
    text, offset = sent.section_text, sent.start_char
    brackets = [_arm_bracket(text, n.start + offset, n.end + offset) for n in counts]
    if None in brackets or brackets[0][0] < cue.end_char or ";" in text[cue.end_char:brackets[0][0]]:
        return []
    if not all(_ARM_JOIN.fullmatch(text, a[1], b[0]) for a, b in zip(brackets, brackets[1:])):
        return []
    total = sum(int(n.value) for n in counts)
    return [_candidate("cohort_size", total, sent.doc, section, cue.start_char, brackets[-1][1])]


# The people a bracketed or fraction's count is of; an arm's size in a bracket of its own after the arm's name:
# "(25 patients)", "[20 adults]".
_PEOPLE = r"(?:patients|adults|children|pts|subjects)"
_ARM_COUNT_BRACKET = re.compile(r"[(\[]\s?(?P<n>\d+)\s" + _PEOPLE + r"\s?[)\]]")


def _bracketed_arms_total(sent: Sentence, section: str, number: nz.Number,
                          enrolled: list[Span]) -> list[dict] | None:
    """"Patients were randomized to X (25 patients) or Y (20 patients)", "were treated with X (25 patients) or Y
    (20 patients)": the count is the first arm's, bracketed after its name; the arms listed after the randomisation
    (or enrolment) cue, each with its bracketed size and only names and joins between them, add up to the cohort
    (as their "(n = 25)" brackets do in `_randomized_total`); None when the randomised are responders ("Responders
    were randomized to X (25 patients) or Y (20 patients)"): no cohort in this sentence."""
    cue = _randomization_cue(enrolled) or next((c for c in enrolled if c.end_char <= number.start), None)
    text = sent.section_text
    if cue is None or cue.end_char > number.start:
        return []
    brackets = list(_ARM_COUNT_BRACKET.finditer(text, cue.end_char, sent.end_char))
    if len(brackets) < 2 or brackets[0].start("n") != number.start \
            or not all(_ARM_JOIN.fullmatch(text, a.end(), b.start()) for a, b in zip(brackets, brackets[1:])):
        return []
    if _responders_before(sent, cue):
        return None  # the responders' arms: neither the first arm nor their sum is the study's cohort
    total = sum(int(b.group("n")) for b in brackets)
    return [_candidate("cohort_size", total, sent.doc, section, cue.start_char, brackets[-1].end())]


def _randomization_cue(enrolled: list[Span]) -> Span | None:
    return next((c for c in enrolled if c.text.lower().startswith("random")), None)


def _responders_before(sent: Sentence, cue: Span) -> bool:
    """Whether those randomised are named as responders before the cue: "Patients in CR were randomly assigned"."""
    return _RESPONDERS.search(sent.section_text, sent.start_char, cue.start_char) is not None


_RANDOMIZED = re.compile(r"\brandom(?:i[sz]ed|ly)\b", re.I)


def randomizes_responders(sentence_text: str) -> bool:
    """Whether a sentence randomises responders ("Responders were randomized to A (n = 40) or B (n = 38)")."""
    cue = _RANDOMIZED.search(sentence_text)
    return cue is not None and _RESPONDERS.search(sentence_text, 0, cue.start()) is not None


def _randomizes_responders(sent: Sentence) -> bool:
    """"Responders were randomized to A (n = 40) or B (n = 38)": the groups are a part of the study population, so a
    later count ("Among the 120 patients enrolled") may still be the cohort."""
    cue = _randomization_cue([c for c in rule_spans(sent, "COHORT") if c.id_ == "enrolment"])
    return cue is not None and _responders_before(sent, cue)


def _arm_bracket(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(start, end) of the bracket holding the N at start..end alone: "(n = 271)", "[N=134]"."""
    opening = _OPENS_ARM_N.search(text, max(0, start - 8), start)
    closing = _CLOSE_AFTER_N.match(text, end)
    if opening is None or closing is None or closing.group().strip() not in ")]":
        return None
    return opening.start(), closing.end()


def _another_group_follows(sent: Sentence, number: nz.Number, numbers: list[nz.Number], noun: Span | None,
                           cues: list[Span]) -> bool:
    """True for "26 patients with T-ALL and 13 with T-LBL", "6 patients were treated at dose level 1 and 12 at dose
    level 2", "24 patients received 1 cycle and 10 received 2" or "40 adults and 21 children": the sentence counts
    two groups, not one cohort. A breakdown in brackets ("405 patients (271 to blinatumomab and 134 to
    chemotherapy)", "405 patients underwent randomization: 271 ... and 134 ...") is not another group; "60 patients
    were enrolled and 55 received X" is a later subset."""
    text, next_count = sent.section_text, True
    if _sums_to(text, number, numbers):
        return False  # "Sixty adults, 40 newly diagnosed and 20 with relapsed disease, received X": its breakdown
    nouns = [c for c in cues if c.id_ == "population"]
    for later in numbers:
        if later.start <= number.end or not later.is_integer or later.form == "scientific":
            continue  # "... at 5 × 10^5 or 1 × 10^6 cells/kg": a dose, never a count of patients
        if text.count("(", number.end, later.start) > text.count(")", number.end, later.start):
            continue
        if ":" in text[number.end:later.start] or _in_including_phrase(text, number, later):
            continue  # "405 patients underwent randomization: 271 were assigned to X and 134 to Y" breaks it down,
            # as "45 patients were enrolled, including 30 with B-ALL and 15 with T-ALL" does
        if _parallel_in_counts(text, number, later):
            return True
        if _breakdown_after_verb(text, number, later, cues) and not _own_group_words(text, number, later, nouns, cues) \
                and not _repeats_qualifier(text, number, later, nouns):
            return False
        before = text[max(sent.start_char, later.start - 6):later.start]
        if _LIST_JOIN_END.search(before) and (_parallel_after(text, later, nouns) or _treated_apart(sent, number, later)
                                              or _same_verb(text, number, later, cues)):
            return True
        # "87 patients: 40 children and 47 adults" is a breakdown: only the very next count can be a parallel one
        if next_count and before.endswith(" and ") and _counts_other_noun(text, later, noun, nouns):
            return True
        next_count = False
    return False


def _sums_to(text: str, number: nz.Number, numbers: list[nz.Number]) -> bool:
    """The counts right after `number` (two or more, in a row) add up to it: they break it down ("Sixty adults with
    Ph-positive ALL, 40 newly diagnosed and 20 with relapsed disease, received ..."), not count groups beside it."""
    total, counted = 0, 0
    for later in numbers:
        if later.start <= number.end:
            continue
        if not _is_headcount(text, later):
            break
        total, counted = total + later.value, counted + 1
        if total >= number.value:
            return counted >= 2 and total == number.value
    return False


_INCLUDING = re.compile(r"\bincluding\s[^;]*$", re.I)


def _in_including_phrase(text: str, number: nz.Number, later: nz.Number) -> bool:
    """The later count is inside an "including" phrase after the first ("45 patients were enrolled, including 30 with
    B-ALL and 15 with T-ALL", "including 12 children, 8 adolescents and 25 adults"): a breakdown of the first count,
    up to a semicolon."""
    return _INCLUDING.search(text, number.end, later.start) is not None


def _parallel_in_counts(text: str, number: nz.Number, later: nz.Number) -> bool:
    """"given at 1.8 mg/m2 in 12 patients and 1.2 mg/m2 in 8 patients", "infused at 1 × 10^6 cells/kg in 12 patients
    and at 3 × 10^6 cells/kg in 8": two counts after "in", joined by "and" in one clause, are two groups."""
    if text[number.start - 3:number.start] != "in " or text[later.start - 3:later.start] != "in ":
        return False
    between = text[number.end:later.start]
    return " and " in between and ";" not in between


def _breakdown_after_verb(text: str, number: nz.Number, later: nz.Number, cues: list[Span]) -> bool:
    """"A total of 65 patients were treated, 40 with Ph-negative and 25 with Ph-positive ALL", "We enrolled 48
    patients, and 12 after an amendment": counts after the count's enrolment clause and a comma or semicolon break
    the cohort down ("26 patients with T-ALL and 13 with T-LBL", in one clause, are two groups)."""
    separator = max(text.rfind(",", number.end, later.start), text.rfind(";", number.end, later.start))
    return separator != -1 and text[separator + 1:later.start].strip() in ("", "and") and any(
        cue.id_ == "enrolment" and cue.end_char <= separator for cue in cues)


# "18 patients were treated; 30 more were treated": a count of its own group, not of the cohort before it.
_MORE_AFTER = re.compile(r"\s(?:more|additional|further)\b")


def _own_group_words(text: str, number: nz.Number, later: nz.Number, nouns: list[Span], cues: list[Span]) -> bool:
    """A later count with its own population noun ("and 10 patients received two cycles"), "more", or the first
    count's verb again ("24 received one cycle, and 10 received two") counts a group beside the first one."""
    noun = next((n for n in nouns if n.start_char >= later.end), None)
    return noun is not None and _NEXT_NOUN.fullmatch(text, later.end, noun.start_char) is not None \
        or _MORE_AFTER.match(text, later.end) is not None or _same_verb(text, number, later, cues)


def _repeats_qualifier(text: str, number: nz.Number, later: nz.Number, nouns: list[Span]) -> bool:
    """"Three patients were enrolled at 0.8 mg/m2, three at 1.2 mg/m2": the later count's qualifier ("at") qualifies
    the first count too, so the counts are parallel groups, not a breakdown of the first ("65 patients were treated,
    40 with Ph-negative ALL")."""
    qualifier = _parallel_after_match(text, later, nouns)
    if qualifier is None:
        return False
    return qualifier.group().split()[0].lower() in text[number.end:later.start].lower().split()


def _parallel_after(text: str, later: nz.Number, nouns: list[Span]) -> bool:
    """The verb left out after a count ("and 12 at dose level 2", "and 13 with T-LBL", "and 25 patients in second
    salvage", "30 more were treated"): a group of its own."""
    return _parallel_after_match(text, later, nouns) is not None


def _parallel_after_match(text: str, later: nz.Number, nouns: list[Span]) -> re.Match | None:
    end = later.end
    noun = next((n for n in nouns if n.start_char > end), None)
    if noun is not None and text[end:noun.start_char] == " ":
        end = noun.end_char  # the noun repeated: "and 25 patients in"
    return _PARALLEL_AFTER.match(text, end)


def _same_verb(text: str, number: nz.Number, later: nz.Number, cues: list[Span]) -> bool:
    """"24 patients received 1 cycle and 10 (patients) received 2 cycles": both counts have the same enrolment verb,
    so they are two groups ("60 patients were enrolled and 55 received X" is a subset of the first)."""
    enrolled = [c for c in cues if c.id_ == "enrolment"]
    first = next((c for c in enrolled if number.end < c.start_char < later.start), None)
    second = next((c for c in enrolled if c.start_char > later.end), None)
    if first is None or second is None or first.text.lower() != second.text.lower():
        return False
    gap = text[later.end:second.start_char]
    # "75 patients were infused; 3 patients were not infused": the second count is left out of the first
    return not _DIGIT.search(gap) and len(gap.split()) <= 3 and " not " not in gap


def _counts_other_noun(text: str, later: nz.Number, noun: Span | None, nouns: list[Span]) -> bool:
    """"40 adults and 21 children": the count after "and" has a population noun of its own, not the first one's."""
    other = next((n for n in nouns if n.start_char >= later.end), None)
    if noun is None or other is None or other is noun or not _NEXT_NOUN.fullmatch(text, later.end, other.start_char):
        return False
    return other.text.lower() != noun.text.lower()


def _treated_apart(sent: Sentence, number: nz.Number, later: nz.Number) -> bool:
    """"60 patients received ponatinib ... and 40 received dasatinib ...": each count is followed by a drug of its
    own, so the counts are two treatment groups ("60 were enrolled and 55 received X" names one drug)."""
    drugs = rule_spans(sent, "DRUG")
    first = {d.id_ for d in drugs if number.end <= d.start_char < later.start}
    second = {d.id_ for d in drugs if d.start_char >= later.end}
    return bool(first) and bool(second - first)


def _is_headcount(text: str, number: nz.Number) -> bool:
    """A whole, plain, positive number that is not a percentage, an age, a year or a subset with its percentage."""
    if not number.is_integer or number.value < 2 or number.qualifier or number.form == "scientific":
        return False
    written = number.text
    if len(written) == 4 and written[:2] in _CENTURIES and (
            _YEAR_BEFORE.search(text, max(0, number.start - 9), number.start) or _YEAR_AFTER.match(text, number.end)
            or _MONTH_BEFORE.search(text, max(0, number.start - _MONTH_REACH), number.start)
            or _TRIAL_NAME_BEFORE.search(text, max(0, number.start - _TRIAL_NAME_REACH), number.start)):
        return False  # "From 2012 to 2019, 64 adults ...", "until December 2018", "IntReALL SR 2010": years
    if len(written) <= 2 and _MONTH_BEFORE.search(text, max(0, number.start - _MONTH_REACH), number.start):
        return False  # "As of December 31, 2019": a day
    if _PERCENT_NEXT.match(text, number.end) or text[number.end:number.end + 1] in nz.HYPHENS:
        return False  # "106 (47%) patients" is a subset; "Three-year update" a duration
    # "aged 18", "Phase 2 ... 40 patients" keep: only the word right before matters here.
    return not _COUNTED_BEFORE.search(text[max(0, number.start - 12):number.start])


def _median_age(sent: Sentence, section: str, words) -> list[dict]:
    """The median age after each age cue: two different ones in a section ("the median age at transplant was 30
    years, and the median age at relapse was 31 years") are dropped together by `_unambiguous`."""
    cues = rule_spans(sent, "AGE")
    if not cues:
        return []  # the numbers of a sentence without an age cue need not be read here
    found, text, numbers = [], sent.section_text, sent.section_numbers(words)
    for cue in cues:
        both = _AGE_AND_FOLLOW_UP.match(text, cue.end_char)
        if both:
            return _age_and_follow_up(both, sent, section, cue)
        first = next((n for n in numbers if n.start >= cue.end_char), None)
        number = _past_counted_group(sent, cue, first, numbers)
        if number is None or number.qualifier:
            continue
        gap = text[cue.end_char:number.start]
        if number is first and not _AGE_GAP.match(gap) or _AGE_OF_PART.search(gap) or _age_of_part_subject(sent, cue):
            continue
        if not _AGE_AFTER.match(text[number.end:]) or not 0 < number.value <= 110:
            continue
        if _SECOND_VALUE.match(text, _after_unit(text, number.end)):
            return []  # "47 years in the inotuzumab arm and 46 years in the control arm": each arm's, not the study's
        years = round(number.value / 12, 1) if _IN_MONTHS.match(text, number.end) else number.value
        found.append(_candidate("median_age_years", _tidy(years), sent.doc, section, cue.start_char, number.end))
    return found


_HAD_BEFORE = re.compile(r"\b(?:had|have|were\sof)\s(?:a\s)?$", re.I)
# A subject naming a part: responders, those who achieved or relapsed, those in CR, an arm ("patients who had a
# median age" names no part: the relative clause of the cohort).
_PART_SUBJECT = re.compile(r"\b(?:(?:non-?)?responders?|responding|who\s(?:had\s)?(?:achieved|attained|responded|"
                           r"relapsed|died|proceeded)|in\s(?:a\s)?(?:CR\d?|CRi|(?:complete\s)?remission)|arms?|groups?)\b",
                           re.I)


def _age_of_part_subject(sent: Sentence, cue: Span) -> bool:
    """A part of the cohort as the subject that had the median age: "Responders had a median age of 40 years",
    "Patients who achieved CR had a median age of 38 years" (not "Patients had a median age of 45 years")."""
    subject = sent.section_text[sent.start_char:cue.start_char]
    return bool(_HAD_BEFORE.search(subject)) and bool(_PART_SUBJECT.search(subject))


def _median_age_stated(sent: Sentence, section: str) -> list[dict]:
    """"Patients were a median of 43 years old": the median age stated without an age cue."""
    text = sent.section_text
    stated = _AGE_STATED.search(text, sent.start_char, sent.end_char)
    if stated is None or not (stated.group("aged") or stated.group("unit") and stated.group("old")):
        return []
    if _SECOND_VALUE.match(text, stated.end()):
        return []  # "a median of 47 years in arm A and 46 years in arm B": each arm's
    age = float(stated.group("age").replace("·", "."))
    months = (stated.group("unit") or "").lower().startswith("month")
    years = round(age / 12, 1) if months else age
    if not 0 < years <= 110:
        return []
    return [_candidate("median_age_years", _tidy(years), sent.doc, section, stated.start(), stated.end())]


def _past_counted_group(sent: Sentence, cue: Span, number: nz.Number | None,
                        numbers: list[nz.Number]) -> nz.Number | None:
    """The number after a group counted right after the cue ("median age of the 48 patients was 45 years" -> 45),
    else `number` itself."""
    text = sent.section_text
    if number is None or not _OF_THE.fullmatch(text, cue.end_char, number.start):
        return number
    noun = next((c for c in rule_spans(sent, "COHORT") if c.start_char >= number.end), None)
    if noun is None or noun.id_ != "population" or not _NEXT_NOUN.fullmatch(text, number.end, noun.start_char):
        return number
    age = next((n for n in numbers if n.start >= noun.end_char), None)
    return age if age is not None and _VERB_TO_AGE.fullmatch(text, noun.end_char, age.start) else number


def _age_and_follow_up(both: re.Match, sent: Sentence, section: str, cue: Span) -> list[dict]:
    """"Median age and follow-up were 45 years and 24 months": both scalars of one statement."""
    age, follow_up = (float(both.group(g).replace("·", ".")) for g in ("age", "follow_up"))
    months = nz.to_months(follow_up, both.group("unit"))
    return [_candidate(name, _tidy(value), sent.doc, section, cue.start_char, both.end())
            for name, value in (("median_age_years", age), ("median_follow_up_months", months))]


def _after_unit(text: str, end: int) -> int:
    """Where the text after a value ends its unit word ("47| years" -> after "years")."""
    unit = _AGE_UNIT.match(text, end)
    return unit.end() if unit else end


def _follow_up(sent: Sentence, section: str, words) -> list[dict]:
    """The median follow-up of each cue (two different ones are dropped by `_unambiguous`)."""
    found = []
    for cue in rule_spans(sent, "FOLLOW_UP"):
        reading = _follow_up_at(sent, section, cue, words)
        if reading == []:
            return []  # one follow-up per arm: none is the study's
        found += reading or []
    return found


def _follow_up_at(sent: Sentence, section: str, cue: Span, words) -> list[dict] | None:
    """The follow-up a cue states (a one-item list), [] when it is one of several, None when it states none."""
    doc, text = sent.doc, sent.section_text
    inside = nz.find_durations(text[cue.start_char:cue.end_char])  # "a median of 18 months of follow-up"
    if inside:
        return _follow_up_candidate(inside[0], text, doc, section, cue.start_char, cue.start_char, cue.end_char)
    ahead = _duration_before(text, sent, cue, words)
    if ahead is not None:
        start = sent.start_char + ahead.start
        return _follow_up_candidate(ahead, text, doc, section, sent.start_char, start, cue.end_char)
    # the survivors counted before the duration are skipped: it is read from `base` on
    survivors = _COUNTED_SURVIVORS.match(text, cue.end_char, sent.end_char)
    base = survivors.end() if survivors else cue.end_char
    rest = text[base:sent.end_char]
    durations = _bracketed_durations(rest, words) or nz.find_durations(rest, words)  # "of two years"
    if not durations or not _FOLLOW_UP_GAP.match(rest[:durations[0].start]):
        return None
    duration = durations[0]
    if duration.number.qualifier or duration.months <= 0 or _NOT_FOLLOW_UP_GAP.search(rest, 0, duration.start):
        return None
    if _HYPHENATED.match(rest, duration.number.end):
        return None  # "2-year" is a time point's adjective, never a follow-up
    if _endpoint_between(sent, base, base + duration.start):
        return None  # "median follow-up, the OS at 2 years": the duration is the endpoint's
    return _follow_up_candidate(duration, text, doc, section, base, cue.start_char, base + duration.end)


def _bracketed_durations(text: str, words) -> list[nz.Duration]:
    """The first number of a text as a duration whose unit follows its range bracket: "22 (range, 3-45) months"."""
    first = next(iter(nz.find_numbers(text, words)), None)
    unit = _UNIT_AFTER_RANGE.match(text, first.end) if first is not None else None
    if unit is None:
        return []
    name = nz.duration_unit(unit.group("unit"))
    return [nz.Duration(first, name, nz.to_months(first.value, name), first.start, unit.end(),
                        text[first.start:unit.end()])]


def _endpoint_between(sent: Sentence, start: int, end: int) -> bool:
    """Whether an endpoint is named between two offsets: "median follow-up, the 2-year OS was" (not one the
    follow-up is for: "the median follow-up for OS was 16 months", "for patients alive")."""
    named = [e for e in sent.labelled("ENDPOINT") if start <= e.start_char < end]
    if not named:
        return False
    text = sent.section_text
    excused = [e for e in named if _FOR_ENDPOINT.fullmatch(text, start, e.start_char)]
    # an endpoint inside the excused one ("survival" in "overall survival") is excused with it
    return any(not any(x.start_char <= e.start_char < x.end_char for x in excused) for e in named)


def _follow_up_candidate(duration: nz.Duration, text: str, doc: Doc, section: str, offset: int, start: int,
                         end: int) -> list[dict]:
    """The follow-up read from `duration` (offsets relative to `offset`), unless a second one follows it: "13.2
    months for the inotuzumab arm and 12.8 months for the control arm" gives each arm's, not the study's."""
    if _SECOND_VALUE.match(text, offset + duration.end):
        return []
    return [_candidate("median_follow_up_months", _tidy(duration.months), doc, section, start, end)]


def _duration_before(text: str, sent: Sentence, cue: Span, words) -> nz.Duration | None:
    """A duration printed before the cue: "At 22.1 months (range, 7.1-36.1) median follow-up"."""
    head = text[sent.start_char:cue.start_char]
    durations = nz.find_durations(head, words)
    if not durations:
        return None
    last = durations[-1]
    if not _BEFORE_CUE.match(head[last.end:]) or last.number.qualifier or last.months <= 0:
        return None
    return last


def _tidy(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


# --- cohort size printed only as a denominator
# After the denominator of a count: its patients, the count's share of them before or after the noun ("8 of 25
# (32%) patients achieved CR", "Seventy-five of 245 patients (31%) achieved CR").
_DENOMINATOR_PATIENTS = re.compile(r"\s?(?:[(\[]\d+(?:[.·]\d+)?\s?%[)\]]\s?)?" + _PEOPLE + r"\b"
                                   r"(?:\s?[(\[]\d+(?:[.·]\d+)?\s?%[)\]])?")
# ... and what makes them a part rather than the study's patients: a qualifier after them ("of 25 patients with
# T-ALL", "of 25 patients who were evaluable", "in CR", "treated at dose level 2"), or a part named before the
# fraction in its sentence ("Among evaluable patients, 8 of 25", "Of these, 8 of 25", "responders").
_PART_AFTER_DENOMINATOR = re.compile(r"\s(?:who|whom|with|without|in|at|on|evaluable|assessable|treated|receiving"
                                     r"|achieving|aged|older|younger|that)\b", re.I)
_PART_BEFORE_FRACTION = re.compile(r"\b(?:evaluable|assessable|responders?|responding|these|those|them|subgroup|cohort"
                                   r"|arm|group|among|in\s(?:CR|remission))\b", re.I)


_GROUP_SIZE_BRACKET = re.compile(r"[(\[]\s?\d+\s" + _PEOPLE + r"\s?[)\];,]")


def denominator_cohort(docs: list[tuple[str, Doc]], words) -> dict | None:
    """The cohort of an abstract that gives it only as the denominator of its first count of patients ("After
    cycle 1, 8 of 25 (32%) patients achieved CRi", "Seventy-five of 245 patients (31%) achieved CR"): SCHEMA's first
    N given for the study population. Read only when no sentence gave a cohort and no arms sum to one; the first
    fraction of the abstract's body decides: when it counts a part ("8 of 25 evaluable patients", "of 25 patients
    with T-ALL", "Of these, 8 of 25"), or names no patients, none is read; nor after a group's "(n = 25)" or "(25 patients)",
    which splits the population. Returns the candidate and its section's index."""
    for index, (section, doc) in enumerate(docs):
        if section == TITLE_SECTION or _BACKGROUND.match(section):
            continue
        for sent in section_view(doc).sentences:
            if sent.n_equals() or _GROUP_SIZE_BRACKET.search(sent.text):
                return None  # a group's "(n = 25)", "(25 patients)": the population is split, a fraction may be one's
            if " of " not in sent.text and "/" not in sent.text:
                continue  # most sentences hold no fraction
            fractions = nz.find_fractions(sent.text, words)
            if not fractions:
                continue
            first = fractions[0]
            text = sent.text
            after = _DENOMINATOR_PATIENTS.match(text, first.end)
            if after is None or _PART_AFTER_DENOMINATOR.match(text, after.end()) \
                    or _PART_BEFORE_FRACTION.search(text, 0, first.start) or first.denominator.value < 2:
                return None
            start, end = sent.start_char + first.start, sent.start_char + after.end()
            return {**_candidate("cohort_size", int(first.denominator.value), doc, section, start, end),
                    "section_index": index}
    return None
