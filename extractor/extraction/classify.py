"""Study classification: relevant, setting, population (age group, Ph status, lineage) and design (phase,
randomized), from the title and abstract together with the record's publication types and MeSH headings.

The cues are rules in `patterns/settings.jsonl`, `patterns/population.jsonl` and `patterns/design.jsonl`; this
module only weighs them. The defaults are precision-minded: a label the abstract does not state is `unknown`
(or `relapsed/refractory`, the corpus's base setting; `randomized` False). Precedence, in short:

- the title states the study population more reliably than the body, whose background sentences talk about
  other patients ("in adults, InO is effective; data in children are scarce"), so a title cue wins;
- an approval sentence ("X is approved for adults and children"), the background section and the conclusions
  talk of the disease's patients at large or widen the population: their population cues count only when the
  abstract does not state its own;
- a cue in a sentence that marks a part of the cohort ("28% were Ph+", "(n = 4)", "in the subgroup") does not
  restrict the population, it says the population is mixed;
- the setting words of an approval sentence (the indication) and of the background and conclusions (the disease at
  large; in an unlabelled abstract also its opening sentences before the first on whom it enrolled) count only when
  nothing else names a setting;
- first / second-or-later salvage only when the population is restricted to that line: no broader cue
  (relapsed/refractory, refractory, another line) describes it, but for one the line's phrase narrows ("R/R ALL
  in first salvage"); a second remission is first salvage when it is aimed at or achieved ("CR2 was achieved
  in 75%"), not when it is a list or the state a transplant was given in ("HSCT in CR1 or CR2", "transplanted in
  CR2" before a relapse studied); a count of TKIs is no count of lines;
- a status, lineage or age bound as the uncounted subject of a result ("Ph-positive patients had a CR rate of
  70%") or with the count it was found in ("Ph-positive ALL in 10 patients") is a part of the cohort;
- frontline and MRD-positive remission only when nothing says relapsed/refractory, or when the body names a
  frontline population and its salvage words are only what followed ("patients who relapsed received
  salvage"); another disease without ALL is `other`; all three, a review without own data, and a trial in
  progress without a result ("this phase 3 trial is enrolling") are not relevant;
- an excluded Ph status, lineage, age group or age bound names the other one ("Ph-positive patients were not
  included": negative; "patients younger than 18 years were excluded": adult);
- design cues of another study (background, hypothetical, "a previous randomized trial") are not this study's,
  and a phase named as this study's ("in this phase 2 study") wins over a background trial's and over other
  studies' retrospective words ("retrospective series suggested activity").
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import partial
from typing import NamedTuple

from spacy.tokens import Doc, Span

from extractor.extraction.arms import regimen_lexicon
from extractor.extraction.sentences import SectionView, Sentence, section_view
from extractor.extraction.spans import rule_spans
from extractor.models import TITLE_SECTION, UNLABELLED_SECTION, Article
from extractor.pipeline import SPANS_KEY

_FAMILIES = {
    "settings": frozenset({"SETTING", "DISEASE", "PRIOR_LINES"}),
    "population": frozenset({"AGE_GROUP", "PH_STATUS", "LINEAGE", "POPULATION_CONTEXT"}),
    "design": frozenset({"PHASE", "PHASE_REPORTED", "DESIGN", "DESIGN_CONTEXT"}),
}
_LABELS = frozenset().union(*_FAMILIES.values())
_MASKED_BY_POPULATION_IGNORE = frozenset({"AGE_GROUP", "PH_STATUS", "LINEAGE"})
_HYPOTHETICAL_MASKS = frozenset({"PHASE", "PHASE_REPORTED", "DESIGN"})
# Design cues in a sentence about a hypothetical study ("a randomized trial is needed") or another one ("compared
# with a previous randomized trial") are not this study's (see _not_this_study), but a review's own cue stays
# ("in this review, we summarize future directions").
# A trial in progress says what it will do ("patients will be randomized"): that cue is this study's.
_OWN_IN_HYPOTHETICAL = frozenset({"review", "trial-in-progress"})

RR, FIRST, LATER = "relapsed/refractory", "first salvage", "second or later salvage"
FRONTLINE, MRD, OTHER = "frontline", "MRD-positive remission", "other"
CR2 = "second remission"  # evidence of first salvage, but MRD studies also enrol patients in CR2
# A transplant in CR2: the study's patients in a title ("Allogeneic HSCT in CR2 for childhood ALL"), a past state in
# the body ("six had been transplanted in CR2" before the relapse studied)
TRANSPLANT_CR2 = "transplant remission"
_SALVAGE_IDS = frozenset({"relapsed", RR, FIRST, LATER})
# The cues of a relapse or its line: an MRD-positive subgroup of a frontline trial ("relapse was more frequent in
# MRD-positive patients") names no salvage population.
_LINE_IDS = _SALVAGE_IDS | {CR2}
_FLIPPED = {"positive": "negative", "negative": "positive", "B": "T", "T": "B"}
_EXCLUSION_WINDOW = 8  # tokens between an exclusion word and the Ph status or lineage it excludes
_COMPATIBLE_PHASES = {"1": {"1"}, "2": {"2"}, "3": {"3"}, "1/2": {"1", "2", "1/2"}}

# Publication types and MeSH headings (NLM's controlled vocabularies, not free text).
_PT_PHASE = {"Clinical Trial, Phase I": "1", "Clinical Trial, Phase II": "2", "Clinical Trial, Phase III": "3"}
_PT_RANDOMIZED = frozenset({"Randomized Controlled Trial"})
_PT_TRIAL_PREFIX = "Clinical Trial"
_PT_REVIEW = frozenset({"Review", "Editorial", "Comment"})  # commentaries quote trials, as reviews do
_PT_OWN_DATA = frozenset({"Clinical Trial", "Randomized Controlled Trial", "Multicenter Study", "Observational Study",
                          "Meta-Analysis", "Comparative Study", "Case Reports"})
_PT_POOLED = frozenset({"Meta-Analysis", "Systematic Review"})
_MESH_RETROSPECTIVE = frozenset({"Retrospective Studies"})
_MESH_PEDIATRIC = frozenset({"Child", "Child, Preschool", "Infant", "Infant, Newborn"})
_MESH_ADULT = frozenset({"Adult", "Young Adult", "Middle Aged", "Aged", "Aged, 80 and over"})
_MESH_OLDER = frozenset({"Aged", "Aged, 80 and over"})
_MESH_T = frozenset({"Precursor T-Cell Lymphoblastic Leukemia-Lymphoma"})
_MESH_B = frozenset({"Precursor B-Cell Lymphoblastic Leukemia-Lymphoma"})
_MESH_ALL = frozenset({"Precursor Cell Lymphoblastic Leukemia-Lymphoma"}) | _MESH_T | _MESH_B
_MESH_OTHER_PREFIXES = ("Leukemia, Myeloid", "Leukemia, Lymphocytic, Chronic", "Lymphoma, Non-Hodgkin",
                        "Lymphoma, Large B-Cell", "Multiple Myeloma", "Myelodysplastic Syndromes", "Hodgkin Disease")

# Median ages that settle an age group when no word does: a cohort with a median of 25 or more is an adult one,
# a median of 15 or less a pediatric one; anything between is left unknown.
_ADULT_MEDIAN_AGE, _PEDIATRIC_MEDIAN_AGE = 25, 15
# Bounds of an eligible age range: pediatric trials enrol up to 21; adult ones from 16 (as "aged 16 years or
# older" is an adult cue); older-adult ones from 60.
_PEDIATRIC_MAX_AGE, _ADULT_MIN_AGE, _OLDER_MIN_AGE = 21, 16, 60
# A single bound without "aged" ("patients >=18 years", "younger than 21 years"), as the age words read one: a lower
# bound from 15 to 49 is an adult study (adult protocols such as GRAALL, GMALL and PETHEMA enrol from 15), from 55 an
# older-adult one; an upper bound up to 21 a pediatric study, up to 30 one of children and young adults ("up to 25
# years of age").
_ADULT_BOUNDS, _OLDER_LOWER_BOUND, _MIXED_UPPER_BOUND = (15, 49), 55, 30
_AGE_LIMITS = frozenset({"range", "at least", "at most"})
# Words just before a bound that make it a subgroup's ("in patients >=60 years, CR was 50%"), and words of a
# sentence comparing age groups ("patients younger than 21 years versus older ones").
_SUBGROUP_WORDS = frozenset({"in", "among", "for", "of"})
_COMPARISON_WORDS = frozenset({"vs", "vs.", "versus", "compared", "whereas", "while"})
_SUBSET_WINDOW = 4  # tokens either side of a cue in which a "%" or "(n =" makes it a part of the cohort
_POPULATION_WINDOW = 6  # tokens before a setting cue in which "with" makes it the patients' qualifier
# Verbs of what happened to some patients; "achieved" and the like make a remission an outcome ("of the 90 who
# relapsed, 70 achieved a second remission" in a frontline trial), not the line the study enrolled.
_EVENT_VERBS = frozenset({"had", "developed", "experienced", "occurred", "showed", "achieved", "attained", "reached",
                          "obtained"})
_RELATIVES = frozenset({"who", "that", "which", "whom"})
_PHRASE_BREAKS = frozenset({";", ":", "(", ")", "[", "]"})
_PATIENT_NOUNS = frozenset({"patients", "patient", "adults", "children", "adolescents", "pts", "subjects",
                            "individuals", "cases"})


class Cue(NamedTuple):
    """One rule match that classification reads (a named tuple: built for every match, cheaply)."""

    label: str
    id: str
    title: bool
    sentence: int  # index of the sentence across the article (title first)
    span: Span  # a section view's RuleSpan (a Span when the view left it out)
    sent: Sentence  # the section view's sentence holding it (what `span.sent` would build, cached)


class Cues:
    """An article's cues by label, each label's in text order (title first), and what is read from them more
    than once: every reader asks for one label, so none scans the others'."""

    def __init__(self) -> None:
        self.by_label: dict[str, list[Cue]] = {}
        self.median_age_spans: list[tuple[Span, Sentence]] = []  # patterns/cohort.jsonl's AGE cues, in order
        self.subset: dict[Cue, bool] = {}  # `_is_subset` of each cue asked about
        self.approval: dict[str, list[Cue]] = {}  # population cues of approval sentences, set aside
        self.approval_sentences: set[int] = set()  # the body's approval sentences, by index across the article
        self.framing_sentences: set[int] = set()  # the background's and conclusions' (see _framing_sentences)
        self.framing: dict[str, list[Cue]] = {}  # and of the background and conclusions
        self.section_names: list[str] = []  # each section's, in `sections` order
        self.sections: list[tuple[int, SectionView]] = []  # each section's view, after its sentence offset
        self._enrolment: set[int] | None = None
        self._ids: dict[str, frozenset[str]] = {}  # each label's cue ids, for `has` (asked once cues are settled)

    def of(self, label: str) -> list[Cue]:
        return self.by_label.get(label, _NO_CUES)

    @property
    def enrolment_sentences(self) -> set[int]:
        """The sentences stating whom the study enrolled or treated (patterns/cohort.jsonl, COHORT enrolment);
        read when asked, as few articles need them."""
        if self._enrolment is None:
            self._enrolment = {offset + i for offset, view in self.sections for i, sent in enumerate(view.sentences)
                               if any(s.id_ == "enrolment" for s in sent.labelled("COHORT"))}
        return self._enrolment

    def has(self, label: str, ids=None, title=None) -> bool:
        if title is not None:
            return any((ids is None or c.id in ids) and c.title == title for c in self.of(label))
        found = self._ids.get(label)
        if found is None:
            found = self._ids[label] = frozenset([c.id for c in self.of(label)])
        return bool(found) if ids is None else not found.isdisjoint(ids)


_NO_CUES: list[Cue] = []
# Cue((label, id, ...)) without the named tuple's __new__, a Python function: half the cost, for every match.
_new_cue = partial(tuple.__new__, Cue)


def classify_study(article: Article, docs: list[tuple[str, Doc]]) -> dict:
    """Classify one study from its processed sections and its record metadata.

    Args:
        article: the parsed record (publication types and MeSH headings are used when present).
        docs: (section name, Doc) pairs from the pipeline, the title first, as `extract_articles` passes them.

    Returns:
        {"relevant": bool, "setting": str, "population": {"age_group", "ph_status", "lineage"},
         "design": {"phase", "randomized"}}, values as SCHEMA.md defines them.
    """
    cues = _cues(docs)
    setting = _setting(cues, article)
    review = _review_without_own_data(cues, article)
    # a review's phases and randomization are those of the trials it quotes ("In the phase 3 TOWER trial, ...")
    design = {"phase": "unknown", "randomized": False} if review else _design(cues, article)
    return {
        "relevant": _relevant(setting, cues, article) and not review,
        "setting": setting,
        "population": {
            "age_group": _age_group(cues, article),
            "ph_status": _two_valued(cues, "PH_STATUS", {"positive", "negative"}, "any"),
            "lineage": _two_valued(cues, "LINEAGE", {"B", "T"}, "any") if cues.of("LINEAGE")
            else _mesh_lineage(article),
        },
        "design": design,
    }


# ---------------------------------------------------------------------------------------------------------
# Collecting cues


def _cues(docs: list[tuple[str, Doc]]) -> Cues:
    cues = Cues()
    offset = 0
    for position, (section, doc) in enumerate(docs):
        view = section_view(doc)
        located = _located_spans(doc, view)
        ages = located.pop("AGE", ())
        if ages:
            cues.median_age_spans.extend((span, view.sentences[index]) for index, span in ages)
        cues.sections.append((offset, view))
        cues.section_names.append(section)
        if located:
            for label, pairs in located.items():
                if len(pairs) > 1:
                    located[label] = _drop_contained(pairs)
            framing = _framing_sentences(section, view, position == len(docs) - 1)
            cues.framing_sentences.update(offset + i for i in framing)
            background = _background_sentences(section, view) if _names_randomization(located) else ()
            _add_cues(cues, located, section == TITLE_SECTION, offset, view, framing, background)
        offset += len(view.sentences)
    _settle_approval_cues(cues)
    _settle_framing_cues(cues)
    return cues


def _framing_sentences(section: str, view: SectionView, last: bool) -> range | set[int]:
    """The sentences of a background or conclusions section (in an unlabelled abstract, those after an inline
    "Background:" or "Conclusions:" up to the next inline label), or an unlabelled abstract's last sentence when
    it states no figure ("Inotuzumab is an effective option for adults and children"): their population cues are
    about the disease's patients at large or widen the study's, so they count only when nothing else names the
    study's (see _settle_framing_cues)."""
    sentences = view.sentences
    if section.upper().startswith(_FRAMING_SECTIONS):
        return range(len(sentences))
    if section != UNLABELLED_SECTION or not sentences:
        return range(0)
    framing = _inline_framing(sentences)
    if last and not _has_digit(sentences[-1].text):
        framing.add(len(sentences) - 1)
    return framing


def _inline_framing(sentences: list[Sentence], labels: tuple[str, ...] | None = None) -> set[int]:
    """The sentences under an inline framing label (or one of `labels`) of a conference-style abstract
    ("Background: Adults and children with relapsed ALL do poorly. ... Methods: We treated 40 children ...")."""
    framing, label = set(), ""
    if not _INLINE_LABEL.match(sentences[0].text):
        return framing  # such an abstract opens with its first label
    for i, sent in enumerate(sentences):
        found = _INLINE_LABEL.match(sent.text)
        if found:
            label = found.group(1).upper()
        if label.startswith(labels or _FRAMING_SECTIONS):
            framing.add(i)
    return framing


_BACKGROUND_SECTIONS = ("BACKGROUND", "INTRODUCTION", "CONTEXT", "IMPORTANCE", "RATIONALE")
_FRAMING_SECTIONS = _BACKGROUND_SECTIONS + ("CONCLUSION", "INTERPRETATION", "IMPLICATION")


def _names_randomization(located: dict[str, list[tuple[int, Span]]]) -> bool:
    return any(span.id_ == "randomized" for _, span in located.get("DESIGN", ()))


def _background_sentences(section: str, view: SectionView) -> range | set[int]:
    """The sentences of a background section, labelled or inline ("Background: In the randomized TOWER trial,
    blinatumomab improved survival."): the randomized trials they name are the ones before this study."""
    sentences = view.sentences
    if section.upper().startswith(_BACKGROUND_SECTIONS):
        return range(len(sentences))
    if section != UNLABELLED_SECTION or not sentences:
        return range(0)
    return _inline_framing(sentences, _BACKGROUND_SECTIONS)


_INLINE_LABEL = re.compile(r"([A-Z][A-Za-z]+(?: (?:[A-Za-z]+|&)){0,3}) ?:")  # "Background:", "Patients and methods:"


def _add_cues(cues: Cues, located: dict[str, list[tuple[int, Span]]], title: bool, offset: int,
              view: SectionView, framing: range | set[int], background: range | set[int]) -> None:
    """Add one section's cues, leaving out the ones its context masks; a randomization named in the background is
    another trial's ("In the randomized INO-VATE trial, ..."), unless the sentence names the authors' own or states
    the study's purpose ("We therefore conducted a randomized trial", "the group designed a randomized study to
    determine whether ...")."""
    context = located.get("POPULATION_CONTEXT", ())
    ignore = [s for _, s in context if s.id_ == "ignore"]
    # "Blinatumomab is approved for adults and children": whom a drug is licensed for (see _settle_approval_cues)
    approval = set() if title else {i for i, s in context if s.id_ == "approval"}
    cues.approval_sentences.update(offset + i for i in approval)
    design_context = located.get("DESIGN_CONTEXT", ())
    phase_ignore = [s for _, s in design_context if s.id_ == "ignore"]
    this_study = [s for _, s in design_context if s.id_ == "this-study"]
    not_this_study = _not_this_study(design_context, this_study, view.sentences)
    sentences = view.sentences
    for label, pairs in located.items():
        masked_by_ignore = ignore if label in _MASKED_BY_POPULATION_IGNORE else phase_ignore \
            if label in ("PHASE", "PHASE_REPORTED") else None
        hypothetical = not_this_study if label in _HYPOTHETICAL_MASKS else None
        population = label in _MASKED_BY_POPULATION_IGNORE
        kept = cues.by_label.setdefault(label, [])
        if not (masked_by_ignore or hypothetical or population or label == "DESIGN"):  # nothing to mask
            kept.extend([_new_cue((label, span.id_, title, offset + index, span, sentences[index])) for index, span in pairs])
            continue
        phase_words = _phase_words(located) if label == "DESIGN" else ()
        for index, span in pairs:
            if masked_by_ignore and _overlaps(span, masked_by_ignore):
                continue
            if phase_words and span.id_ == "pooled" and span.start in phase_words:
                continue  # "phase 3 trials" is no count of trials ("two phase 3 trials" is)
            if hypothetical and index in hypothetical and _in_range(span, hypothetical[index]) \
                    and span.id_ not in _OWN_IN_HYPOTHETICAL and not (label == "PHASE" and _overlaps(span, this_study)):
                continue  # but "In this phase 2 study, ...; patients will be followed" is this study's phase
            if population and index in not_this_study and _in_range(span, not_this_study[index]):
                continue  # the patients of a study to come or of another one ("studies in children are warranted")
            if index in background and span.id_ == "randomized" and not _names_own_study(sentences[index]):
                continue
            cue = _new_cue((label, span.id_, title, offset + index, span, sentences[index]))
            if population and index in approval:
                cues.approval.setdefault(label, []).append(cue)
            elif population and index in framing:
                cues.framing.setdefault(label, []).append(cue)
            else:
                kept.append(cue)


def _not_this_study(design_context: list[tuple[int, Span]], this_study: list[Span],
                    sentences: list[Sentence]) -> dict[int, tuple[float, float]]:
    """The sentences whose design and population cues are not this study's, each with the character range that
    holds them: a study to come's sentence throughout ("a randomized trial is needed"); another study's from its
    name up to a word of this study after it ("Unlike the randomised TOWER study, this single-centre study enrolled
    adults"), not before its name ("Outcomes of our single-arm phase 2 study were compared with historical
    controls"). Another study's word inside this study's name is none ("In this pivotal phase 2 study")."""
    masked: dict[int, tuple[float, float]] = {}
    for index, span in design_context:
        if span.id_ == "hypothetical":
            masked[index] = _WHOLE_SENTENCE
        elif span.id_ == "other-study" and not _overlaps(span, this_study):
            sentence = sentences[index]
            own = _THIS_STUDY_WORD.search(sentence.section_text, span.end_char, sentence.end_char)
            start, end = masked.get(index, _NO_RANGE)
            masked[index] = (min(start, span.start_char), max(end, own.start() if own else _WHOLE_SENTENCE[1]))
    return masked


def _in_range(span: Span, bounds: tuple[float, float]) -> bool:
    return bounds[0] <= span.start_char < bounds[1]


_WHOLE_SENTENCE = (-1, float("inf"))
_NO_RANGE = (float("inf"), -1)
_THIS_STUDY_WORD = re.compile(r"\b(?:this|our|we|present)\b", re.I)


def _phase_words(located: dict[str, list[tuple[int, Span]]]) -> set[int]:
    """The tokens of the section's phase cues."""
    return {t for _, s in located.get("PHASE", ()) for t in range(s.start, s.end)}


def _settle_approval_cues(cues: Cues) -> None:
    """An approval sentence names whom a drug is licensed for ("approved for adults and children"): the study's
    patients when the abstract says no more ("approved for pediatric and young adult patients; we report the
    registry's first 400"), not when it states them itself: a counted age word or a median age ("we reviewed 40
    adult patients"), a Ph status or lineage of its own."""
    for label, found in cues.approval.items():
        own = cues.of(label)
        if label == "AGE_GROUP":
            stated = any(_counted(c) for c in own) or _median_age(cues) is not None
        else:
            stated = bool(own)
        _restore_unless(stated, cues, label, found)


def _settle_framing_cues(cues: Cues) -> None:
    """The background's and conclusions' population cues count only when the rest of the abstract names no
    population of that kind (no age word or stated age, no Ph status, no lineage): "CAR T cells are an option for
    children and young adults" after "we infused 30 children" is no mixed cohort."""
    for label, found in cues.framing.items():
        stated = bool(cues.of(label)) or (label == "AGE_GROUP" and _median_age(cues) is not None)
        if label == "PH_STATUS" and not stated:
            found = _not_of_tki_therapy(cues, found)
        _restore_unless(stated, cues, label, found)


def _not_of_tki_therapy(cues: Cues, found: list[Cue]) -> list[Cue]:
    """The framing Ph-status cues but the background's on TKI therapy when no other sentence names a TKI:
    "Tyrosine kinase inhibitors improved the outcome of Ph-positive ALL" says what changed the disease's
    treatment, not whom a salvage-chemotherapy series enrolled."""
    background = _all_background_sentences(cues)
    on_tkis = [cue for cue in found if cue.sentence in background and _names_a_tki(cue.sent)]
    if not on_tkis or _names_a_tki_outside(cues, background):
        return found
    return [cue for cue in found if cue not in on_tkis]


def _all_background_sentences(cues: Cues) -> set[int]:
    """The article's background sentences (see _background_sentences), by index across the article."""
    return {offset + i for (offset, view), section in zip(cues.sections, cues.section_names)
            for i in _background_sentences(section, view)}


def _names_a_tki_outside(cues: Cues, background: set[int]) -> bool:
    """Whether a sentence of the title or body outside the background names a TKI ("with ponatinib")."""
    return any(_names_a_tki(sent) for offset, view in cues.sections for i, sent in enumerate(view.sentences)
               if offset + i not in background)


def _restore_unless(stated: bool, cues: Cues, label: str, set_aside: list[Cue]) -> None:
    """Put cues set aside back among the label's, in text order, unless the abstract states its own."""
    if not stated:
        cues.by_label[label] = sorted(cues.of(label) + set_aside, key=_text_order)


def _has_digit(text: str) -> bool:
    """`any(ch.isdigit() for ch in text)` without a loop in Python: a decimal digit is found by the regex; only
    a text outside ASCII may hold another digit (a superscript "²")."""
    return bool(_DECIMAL_DIGIT.search(text)) or (not text.isascii() and any(ch.isdigit() for ch in text))


_DECIMAL_DIGIT = re.compile(r"\d")


def _text_order(cue: Cue) -> tuple[int, int, int]:
    return cue.sentence, cue.span.start, cue.span.end


_COLLECTED = _LABELS | {"AGE"}


def _located_spans(doc: Doc, view: SectionView) -> dict[str, list[tuple[int, Span]]]:
    """The doc's spans of the classification labels (and the median-age cue), by label, each with the index of
    the sentence it starts in (what `Span.sent` finds, walking the tokens, for each span), in text order. They
    are read from the section view, which grouped the doc's spans by sentence once; a span across a sentence
    boundary, which the view leaves out, sends the doc the long way (every doc.spans entry is a new Span)."""
    located: dict[str, list[tuple[int, Span]]] = {}
    collected, grouped = _COLLECTED, 0
    for i, sent in enumerate(view.sentences):
        spans = sent.spans
        grouped += len(spans)
        for span in spans:
            label = span.label_
            if label in collected:
                found = located.get(label)
                if found is None:
                    located[label] = [(i, span)]
                else:
                    found.append((i, span))
    if SPANS_KEY not in doc.spans or grouped == len(doc.spans[SPANS_KEY]):
        return located
    located = {}
    starts = [sent.start for sent in view.sentences]
    for span in doc.spans[SPANS_KEY]:
        if span.label_ in _COLLECTED:
            located.setdefault(span.label_, []).append((bisect_right(starts, span.start) - 1, span))
    return located


def _drop_contained(located: list[tuple[int, Span]]) -> list[tuple[int, Span]]:
    """Of one label's spans, a match inside a longer match is the longer one's part ("refractory" in "primary
    refractory", "adult" in "pediatric and young adult")."""
    if not _may_overlap(located):
        return located
    extents = [(span.start, span.end) for _, span in located]
    kept = []
    for pair, (start, end) in zip(located, extents):
        for other_start, other_end in extents:  # a few spans: plain loops beat a sort
            if other_start <= start and end <= other_end and other_end - other_start > end - start:
                break  # inside a longer one (one of the same extent is no longer)
        else:
            kept.append(pair)
    return kept


def _may_overlap(located: list[tuple[int, Span]]) -> bool:
    """False when the spans, in order of start, each begin after the ones before end (most labels' spans in
    an abstract), so none lies inside another."""
    reach = start = -1
    for _, span in located:
        if span.start < reach or span.start < start:  # an overlap, or spans out of order
            return True
        start, reach = span.start, span.end
    return False


def _overlaps(span: Span, others: list[Span]) -> bool:
    return any(o.start < span.end and span.start < o.end for o in others)


def _tokens(doc: Doc, start: int, end: int) -> list:
    """The doc's tokens from `start` to `end`: a slice `doc[start:end]` builds a Span first (~6 µs), far more than
    the few tokens a window holds."""
    return [doc[i] for i in range(start, end)]


def _is_subset(cue: Cue, cues: Cues) -> bool:
    """True when the cue's sentence names part of the cohort: a subgroup word, a part word just before the cue
    ("including 12 with Ph+ ALL"), or a percentage or "(n =" right beside the cue ("28% of patients were Ph+",
    "pre-B ALL, 84%", "second relapse (n = 4)"). Asked of a cue several times, answered once."""
    subset = cues.subset.get(cue)
    if subset is None:
        subset = cues.subset[cue] = _part_of_cohort(cue, cues)
    return subset


def _whole_cohort_count(part_of: Cue) -> bool:
    """A count after "all" is the whole cohort ("All 30 patients had Ph-positive ALL"), not a part of it."""
    start = part_of.span.start
    return start > part_of.sent.start and _is_whole_word(part_of.span.doc[start - 1].text)


_WHOLE_WORDS = frozenset({"all", "each", "every"})


def _is_whole_word(text: str) -> bool:
    """"all", "each", "every"; not the disease's abbreviation ("B-ALL including Ph-positive disease")."""
    return text.lower() in _WHOLE_WORDS and text != "ALL"


_SHARE_SIGNS = frozenset({"%", "percent"})


def _part_of_cohort(cue: Cue, cues: Cues) -> bool:
    span = cue.span
    for c in cues.of("POPULATION_CONTEXT"):
        if c.sentence != cue.sentence:
            continue
        # a count's verb may open the cue ("Twelve patients had the Philadelphia chromosome")
        if c.id == "subset" or (c.id == "part-of" and c.span.start < span.start
                                and span.start - c.span.end <= _SUBSET_WINDOW and not _whole_cohort_count(c)):
            return True
    if _opens_subgroup(cue) or _subject_of_result(cue) or _found_in_a_count(cue) or _given_an_added_tki(cue) \
            or _status_as_covariate(cue) or _counted_ph_part(cue):
        return True
    text = cue.sent.text
    if "%" not in text and "=" not in text and "ercent" not in text:
        return False
    doc, sent = span.doc, cue.sent
    after = _tokens(doc, span.end, min(sent.end, span.end + _SUBSET_WINDOW))
    before = _tokens(doc, max(sent.start, span.start - _SUBSET_WINDOW - 1), span.start)
    if any(t.lower_ in _SHARE_SIGNS for t in after) or any(t.lower_ in _SHARE_SIGNS for t in before):
        return True  # "28% were Ph-positive", "twenty percent were Ph-positive"
    words = [t.lower_ for t in after]
    return any(words[i] == "n" and i + 1 < len(words) and words[i + 1] == "=" for i in range(len(words)))


def _counted_ph_part(cue: Cue) -> bool:
    """A Ph status counted as a part of the cohort (`_part_count_before`, `_listed_with_count`). Ph status only: read
    for lineage too, it cost a blind held-out set a right lineage label."""
    return cue.label == "PH_STATUS" and (_part_count_before(cue) or _listed_with_count(cue))


def _part_count_before(cue: Cue) -> bool:
    """The cue right after a count that is a part of a larger one ("Forty adults were treated, 12 Ph-positive",
    "Of 40 adults, 12 were Ph-positive", "We enrolled 40 adults; twelve were Ph-positive"; a line after its
    preposition: "Forty patients were treated; 20 were in first salvage"): a count of patients
    before the cue (with at most a patient noun and "were"), with a larger count before it in its sentence, or
    without a noun and after a comma or semicolon (it counts patients named before). Not "All 30 were Ph-positive",
    nor "Thirty adults with Ph-positive ALL were treated" (a preposition stands between)."""
    doc, sent = cue.span.doc, cue.sent
    i, noun = cue.span.start - 1, False
    if cue.label == "SETTING" and i >= sent.start and doc[i].lower_ in _LINE_PREPOSITIONS:
        i -= 1  # "20 were in first salvage", "20 in first relapse"
    if i >= sent.start and doc[i].lower_ in ("was", "were", "had"):
        i -= 1
    if i >= sent.start and doc[i].lower_ in _PATIENT_NOUNS:
        i, noun = i - 1, True
    if i < sent.start:
        return False
    words = _sentence_number_words(cue)
    count = _count_value(doc[i], words)
    if count is not None and i - 2 >= sent.start and doc[i - 1].text in _HYPHENS:
        tens = _count_value(doc[i - 2], words)
        if tens is not None:  # "Fifty-three" split into its words: one count
            count, i = tens + count, i - 2
    if count is None or (i > sent.start and _is_whole_word(doc[i - 1].text)):
        return False
    if cue.span.end < sent.end and doc[cue.span.end].lower_ in _PATIENT_NOUNS:
        return False  # "In 2015, 25 Ph-negative adults received ...": the count's own noun follows, a cohort
    earlier = [_count_value(doc[j], words) for j in range(sent.start, i)]
    if any(value is not None and count < value < _FIRST_YEAR for value in earlier):
        return True
    return not noun and i > sent.start and doc[i - 1].text in (",", ";")


_LINE_PREPOSITIONS = frozenset({"in", "at", "as", "receiving"})
_HYPHENS = frozenset({"-", "\u2010", "\u2011", "\u2013"})
_FIRST_YEAR = 1900  # a larger number from here on is rather a year ("Between 2010 and 2020, 30 ...")


def _sentence_number_words(cue: Cue) -> dict[int, float]:
    """The one-token number words of the cue's sentence (patterns/numbers.jsonl's NUMBER_WORD spans), by token."""
    return {s.start: float(s.id_) for s in cue.sent.labelled("NUMBER_WORD") if len(s) == 1}


def _count_value(token, words: dict[int, float]) -> float | None:
    """A token's value as a count of patients: digits ("12") or a number word ("twelve", "Forty"); None else."""
    if token.text.isdigit():
        return float(token.text)
    return words.get(token.i)


def _listed_with_count(cue: Cue) -> bool:
    """The cue as an item of a list of characteristics with its count: "Ph+ ALL: 10 (25%)", "Ph-positive, 12
    (30%)"; the count after a colon, or after a comma with its share in brackets."""
    doc, sent = cue.span.doc, cue.sent
    i = cue.span.end
    if i < sent.end and doc[i].lower_ in _LISTED_NOUNS:
        i += 1
    if i + 1 >= sent.end or doc[i].text not in (":", ",") or not _is_plain_number(doc[i + 1].text):
        return False
    if doc[i].text == ":":
        return True
    words = [t.text for t in _tokens(doc, i + 2, min(sent.end, i + 6))]
    return len(words) >= 3 and words[0] == "(" and _is_plain_number(words[1]) and words[2] in ("%", ")")\
        and "%" in words


_LISTED_NOUNS = frozenset({"all", "b-all", "t-all", "disease", "leukemia", "leukaemia"})


def _status_as_covariate(cue: Cue) -> bool:
    """A status weighed against an outcome ("Ph-positive status was associated with shorter OS", "T-ALL status
    predicted relapse"): the cohort holds patients with and without it."""
    doc, end = cue.span.doc, cue.span.end
    return end < cue.sent.end and doc[end].lower_ == "status" and _is_covariate(cue)


def _opens_subgroup(cue: Cue) -> bool:
    """The cue is in the phrase opening a sentence of results, a subgroup's ("Among patients with Ph-positive ALL,
    CR was 70%", "In Ph-positive patients, ...", "Of the Ph-positive patients, 8 achieved CR"); not when that
    phrase counts the cohort ("In 40 adults with Ph-positive ALL, CR was 70%", "In all patients, ...") or the
    sentence states no figure ("In adults with Ph-positive ALL, ponatinib is active")."""
    doc, span, sent = cue.span.doc, cue.span, cue.sent
    if not 0 < span.start - sent.start <= _SUBGROUP_OPENER_WINDOW or doc[sent.start].lower_ not in _SUBGROUP_OPENERS:
        return False
    text = sent.text
    if "," not in text[span.end_char - sent.start_char:] or not _has_digit(text):
        return False
    return not any(doc[i].like_num or _is_whole_word(doc[i].text)
                   or doc[i].text in _PHRASE_BREAKS
                   for i in range(sent.start + 1, span.start))


_SUBGROUP_OPENERS = frozenset({"in", "among", "of", "for"})
_SUBGROUP_OPENER_WINDOW = 4  # tokens from the opening word to the cue ("Among the patients with Ph-positive")


def _subject_of_result(cue: Cue) -> bool:
    """The cue is in the uncounted subject of a sentence stating a figure of it ("Ph-positive patients had a CR
    rate of 70%", "Patients with T-ALL achieved CR in 40%", "Ph-positive disease was present in 25%"): a subgroup's
    result or share; not "Forty patients with Ph-positive ALL had ...", nor what the patients had received ("Patients
    with Ph-positive ALL had received a median of two TKIs")."""
    doc, span, sent = cue.span.doc, cue.span, cue.sent
    start = _clause_start(cue)  # "We treated 60 adults; Ph-positive disease was present in 12 (20%)"
    if cue.title or span.start - start > _SUBGROUP_OPENER_WINDOW or not _has_digit(sent.text):
        return False
    if any(doc[i].like_num or _is_whole_word(doc[i].text)
           or doc[i].text in _PHRASE_BREAKS
           for i in range(start, span.start)):
        return False
    for i in range(span.end, min(sent.end - 1, span.end + _SUBJECT_VERB_WINDOW)):
        word, following = doc[i].lower_, doc[i + 1].lower_
        if doc[i].like_num or doc[i].text in _PHRASE_BREAKS:
            return False
        if word in _RESULT_VERBS:
            return not (word == "had" and (following.endswith("ed") or following in _PARTICIPLES))
        if word in ("was", "were") and following in _SHARE_WORDS:
            return True
    return False


def _found_in_a_count(cue: Cue) -> bool:
    """The cue is followed by the count of patients it was found in ("Ph-positive ALL in 10 patients", "T-ALL in 12
    (20%)", "t(9;22) in 10 and KMT2A rearrangement in 5"); not by another number ("in 12 centres", "in first
    relapse")."""
    doc, span, sent = cue.span.doc, cue.span, cue.sent
    if not _has_digit(sent.text):
        return False
    for i in range(span.end, min(span.end + 2, sent.end - 2)):  # "in" right after the cue or its noun ("ALL in")
        if doc[i].lower_ == "in":
            following = doc[i + 2]
            return _is_plain_number(doc[i + 1].text) and (following.lower_ in _PATIENT_NOUNS
                                                           or following.text in _COUNT_FOLLOWERS)
    return False


# after "in 10": its share, "of 40", or the next item of a list of findings ("t(9;22) in 10 and KMT2A in 5")
_COUNT_FOLLOWERS = frozenset({"(", "of", "and", ",", ";"})
_SUBJECT_VERB_WINDOW = 6  # tokens from the cue to its verb ("Patients with Ph-positive ALL who received a TKI had")
_RESULT_VERBS = frozenset({"had", "achieved", "attained", "reached", "responded", "showed", "experienced",
                           "obtained", "demonstrated"})
_PARTICIPLES = frozenset({"been", "undergone", "taken", "given", "begun", "gone"})
_SHARE_WORDS = frozenset({"present", "detected", "found", "identified", "seen", "observed"})


def _given_an_added_tki(cue: Cue) -> bool:
    """A Ph-positive cue naming the patients given a TKI besides the study's treatment ("Ph-positive patients
    received a concomitant TKI", "a TKI was added for those with Ph-positive disease", "in Ph-positive cases,
    dasatinib was co-administered") or admitted on a TKI's failure ("patients with Ph-positive ALL must have failed
    at least one TKI"): the Ph-positive part of a broader cohort. Not a counted or described
    population ("Thirty adults with Ph-positive ALL received dasatinib in addition to chemotherapy", "adults with
    relapsed Ph-positive ALL also received ponatinib"). Read in the cue's clause ("We treated 60 adults with B-ALL;
    those with Ph-positive disease also received dasatinib")."""
    if cue.id != "positive" or cue.label != "PH_STATUS" or cue.title:
        return False
    text = cue.sent.text
    if not (_ADDED_OR_REQUIRED.search(text) and _names_a_tki(cue.sent)):
        return False
    doc = cue.span.doc
    return not any(doc[i].like_num or _is_whole_word(doc[i].text)
                   or doc[i].lower_ in _DISEASE_STATE_WORDS
                   for i in range(_clause_start(cue), cue.span.start))


def _clause_start(cue: Cue) -> int:
    """The first token of the cue's clause: after the last semicolon or colon before it in its sentence."""
    sent, span = cue.sent, cue.span
    head = sent.text[:span.start_char - sent.start_char]
    if ";" not in head and ":" not in head:
        return sent.start  # no such token before the cue (most cues): no Token objects built to find it
    doc = span.doc
    for i in range(span.start - 1, sent.start - 1, -1):
        if doc[i].text in _CLAUSE_BREAKS:
            return i + 1
    return cue.sent.start


_CLAUSE_BREAKS = frozenset({";", ":"})


_ADDED_OR_REQUIRED = re.compile(r"\b(?:concomitant(?:ly)?|concurrent(?:ly)?\b(?! with)|additionally|added|add-on|"
                              r"co-?administered|continued|also|in addition\b(?! to)|"
                              r"must (?:have|be)|had to (?:have|be)|(?:was|were) required to|"
                              r"needed to (?:have|be))", re.I)
_TKI_WORDS = re.compile(r"\bTKIs?\b|tyrosine kinase inhibitor", re.I)
_TKI_CLASS = "tyrosine kinase inhibitor"  # its drugs' class in patterns/regimen_classes.jsonl


def _names_a_tki(sent: Sentence) -> bool:
    """The sentence names a TKI: the word, or a drug of that class in the lexicon ("dasatinib", "ponatinib")."""
    if _TKI_WORDS.search(sent.text):
        return True
    lexicon = regimen_lexicon()
    return any(getattr(lexicon.get(d.id_), "cls", None) == _TKI_CLASS for d in rule_spans(sent, "DRUG"))
_DISEASE_STATE_WORDS = frozenset({"relapsed", "refractory", "relapsing", "recurrent", "r/r", "relapsed/refractory"})


# ---------------------------------------------------------------------------------------------------------
# Setting and relevance


def _setting(cues: Cues, article: Article) -> str:
    if _other_disease(cues, article):
        return OTHER
    setting = cues.of("SETTING")
    if cues.approval_sentences:  # "Clofarabine is approved for children after at least two prior regimens": the
        setting = [c for c in setting if c.sentence not in cues.approval_sentences]  # indication, not the cohort
    setting = _outside_framing(setting, cues)
    if any(c.id == MRD for c in setting):
        setting = _outside_mrd_phrases(setting)
    if any(c.id == FIRST for c in setting) and any(c.id == RR for c in setting):
        setting = _without_narrowed_rr(setting, cues)
    if any(c.id == LATER for c in setting) and any(c.id == RR for c in setting):
        setting = _without_narrowed_rr(setting, cues, LATER)
    title = {FIRST if c.id in (CR2, TRANSPLANT_CR2) else c.id for c in setting if c.title}
    body = {FIRST if c.id == CR2 else c.id for c in setting if not c.title}
    salvage_title = {c.id for c in setting if c.title} & _SALVAGE_IDS
    salvage_any = {c.id for c in setting} & _SALVAGE_IDS
    if _later_line_restricted(setting, cues):
        return LATER
    if not salvage_title:
        if MRD in title:
            return MRD  # "MRD-positive B-ALL in first remission": the remission is the MRD setting's
        if FRONTLINE in title:
            return FRONTLINE
    if FIRST in title and not title & {RR, LATER}:
        return FIRST
    if RR in title and not (title & {FIRST, LATER}) and FIRST in body and not _broader_body_lines(setting, cues) \
            and _first_line_population(setting, cues):
        return FIRST  # "Drug X in relapsed or refractory ALL" enrolling "adults with ALL in first salvage"
    if RR in title:
        return RR
    if FRONTLINE in body and not salvage_title and _frontline_population(setting, cues):
        return FRONTLINE
    if FIRST in body and (not _broader_body_lines(setting, cues) or _whole_cohort_first(setting, cues)) \
            and _first_line_population(setting, cues):
        return FIRST
    if not salvage_any:
        if FRONTLINE in body:
            return FRONTLINE
        if MRD in body:
            return MRD
    return RR


def _outside_framing(setting: list[Cue], cues: Cues) -> list[Cue]:
    """The setting cues but the background's and conclusions' when the title or the rest of the body names one:
    "Outcomes of relapsed or refractory ALL are poor" and "X is active in relapsed/refractory ALL" speak of the
    disease at large, not of the cohort "in first salvage" the methods enrol, nor of a frontline one ("Outcomes of
    children with relapsed ALL remain poor. We enrolled 42 children with newly diagnosed ALL"); alone, they are all
    there is."""
    framing = cues.framing_sentences
    if len({c.id for c in setting}) > 1:  # beside a cue of another line, maybe an unlabelled abstract's background
        framing = framing | _unlabelled_opening(cues, setting)
    own = [c for c in setting if c.sentence not in framing]
    return own if own else setting


def _unlabelled_opening(cues: Cues, setting: list[Cue]) -> set[int]:
    """The setting cues' sentences that open an unlabelled abstract before the first stating whom the study
    enrolled, without a figure and not about the authors' work ("Outcomes of adults with relapsed or refractory ALL
    are poor. We treated 40 adults in first salvage ..."): its background, though no label says so. Read from the
    abstract's first sentence up to the first enrolment sentence (most abstracts reach it in a sentence or two)."""
    first_body = next((i for i, name in enumerate(cues.section_names) if name != TITLE_SECTION), None)
    if first_body is None or cues.section_names[first_body] != UNLABELLED_SECTION:
        return set()
    offset, view = cues.sections[first_body]
    candidates = {c.sentence - offset for c in setting if not c.title and 0 <= c.sentence - offset < len(view.sentences)
                  and not _has_digit(c.sent.text)}
    opening = set()
    for i, sent in enumerate(view.sentences[:max(candidates, default=-1) + 1]):
        if any(s.id_ == "enrolment" for s in sent.labelled("COHORT")):
            return opening
        if i in candidates and not _names_own_study(sent):
            opening.add(offset + i)
    # no enrolment sentence up to the last candidate: one may come later, or none at all
    return opening if bool(cues.enrolment_sentences) else set()


def _broader_body_lines(setting: list[Cue], cues: Cues) -> bool:
    """A body cue of a broader or later line that names whom the study enrolled: not what happened to some patients
    ("Twelve patients had refractory disease after reinduction") nor a line the study excluded ("patients with
    refractory disease were excluded"), which leave a first-relapse cohort first salvage."""
    return any(not c.title and c.id in (RR, LATER) and not (_is_event(c) or _is_excluded(c, cues)) for c in setting)


def _whole_cohort_first(setting: list[Cue], cues: Cues) -> bool:
    """A first-salvage cue stated of every patient ("all were in first salvage", "All patients were treated in
    first relapse") narrows the broad words the cohort was named with, unless a later line names patients too."""
    if any(c.id == LATER and not c.title and not (_is_event(c) or _line_part(c, cues)) for c in setting):
        return False
    return any(c.id == FIRST and not c.title and _said_of_all(c) for c in setting)


def _said_of_all(cue: Cue) -> bool:
    """The cue's clause opens with "all" (or "each", "every") and holds only the subject's words before it."""
    doc = cue.span.doc
    words = [t.lower_ for t in _tokens(doc, _clause_start(cue), cue.span.start)]
    return bool(words) and _is_whole_word(doc[_clause_start(cue)].text) and len(words) <= _WHOLE_SUBJECT_WINDOW \
        and all(w in _WHOLE_WORDS or w in _SUBJECT_FILLERS for w in words)


_WHOLE_SUBJECT_WINDOW = 6  # "All patients were treated in", "all were in"


def _outside_mrd_phrases(setting: list[Cue]) -> list[Cue]:
    """The setting cues but the salvage words that start inside an MRD-positive phrase ("molecular relapse of ALL"
    holds "relapse of ALL"): a molecular relapse is a remission with MRD, not a hematologic relapse ("relapsed or
    MRD-positive ALL", which starts before it, is both)."""
    mrd = [c.span for c in setting if c.id == MRD]
    return [c for c in setting
            if c.id not in _SALVAGE_IDS or not any(m.start < c.span.start < m.end for m in mrd)]


def _without_narrowed_rr(setting: list[Cue], cues: Cues, line: str = FIRST) -> list[Cue]:
    """The setting cues but the relapsed/refractory ones a phrase of one line narrows ("relapsed/refractory B-ALL in
    first salvage", "R/R ALL receiving their first salvage therapy", "first salvage of relapsed or refractory
    ALL"; "R/R B-ALL after two or more prior lines", "relapsed or refractory ALL who had received at least two prior
    therapies"): the disease of patients restricted to that line, not a broader population."""
    narrowing = [c for c in setting if c.id == line]
    return [c for c in setting if c.id != RR or not any(
        _narrows(f, c, line) and not (_is_event(f) or _line_part(f, cues))
        for f in narrowing)]


def _narrows(first: Cue, broad: Cue, line: str = FIRST) -> bool:
    """The first-line cue qualifies the broad one in one phrase: after it with "in", "receiving", "at" or "as",
    or before it with "of", "for" or "in", a few words apart and no list between ("R/R ALL, or in first
    salvage" does not narrow)."""
    if first.sentence != broad.sentence:
        return False
    doc = first.span.doc
    if line == LATER and first.span.start < broad.span.start <= first.span.end and _joins_later(broad):
        return True  # "third-line therapy or later", "third line or beyond": the later line, extended
    if broad.span.end <= first.span.start:
        between, links = range(broad.span.end, first.span.start), _NARROWING_AFTER_BY[line]
    elif first.span.end <= broad.span.start:
        between, links = range(first.span.end, broad.span.start), _NARROWING_BEFORE_BY[line]
    else:
        return False
    words = _without_coordinated_state([doc[i].lower_ for i in between])
    return len(words) <= _NARROWING_WINDOW and not links.isdisjoint(words) and _LIST_WORDS.isdisjoint(words)


def _without_coordinated_state(words: list[str]) -> list[str]:
    """The words between two cues without a second disease state joined to the first and sharing its object
    ("refractory to or relapsed after at least two prior therapies"): one population, not a list of two."""
    unpunctuated = [w for w in words if w != ","]  # "refractory to, or relapsed after, two or more"
    for i, word in enumerate(unpunctuated[:-1]):
        if word in _COORDINATORS and unpunctuated[i + 1] in _DISEASE_STATE_WORDS and i > 0 \
                and unpunctuated[i - 1] in _STATE_LINKS:
            return unpunctuated[:i] + unpunctuated[i + 2:]
    return words


_STATE_LINKS = frozenset({"to", "after", "following"})  # the preposition a disease state takes before its object


def _joins_later(broad: Cue) -> bool:
    """The broad cue is an "or later" / "or beyond" extension ("therapy or later")."""
    return broad.span[-1].lower_ in ("later", "beyond")


_NARROWING_AFTER = frozenset({"in", "receiving", "at", "as", "undergoing"})
# a later line also narrows as prior therapy: "R/R ALL after >=2 prior lines", "... who had failed two or more"
_NARROWING_AFTER_BY = {FIRST: _NARROWING_AFTER,
                       LATER: _NARROWING_AFTER | {"after", "following", "who", "having", "with"}}
_NARROWING_BEFORE = frozenset({"of", "for", "in"})
_NARROWING_BEFORE_BY = {FIRST: _NARROWING_BEFORE, LATER: frozenset()}
_NARROWING_WINDOW = 6  # words between ("relapsed/refractory CD22-positive B-ALL in their first salvage")
_LIST_WORDS = frozenset({",", ";", "or", "and", "and/or", "/", "including", "whom", "vs", "versus"})


def _first_line_population(setting: list[Cue], cues: Cues) -> bool:
    """The body restricts the cohort to first salvage: a second remission (CR2) is aimed at, or a first-salvage
    cue names patients rather than a subgroup's result ("patients in first salvage had a CR rate of 70%")."""
    return any(not c.title and (c.id == CR2 or c.id == FIRST and not (_is_event(c) or _line_part(c, cues)
                                                                        or _is_covariate(c)))
               for c in setting)


def _line_part(cue: Cue, cues: Cues) -> bool:
    """The line cue names part of the cohort: a subset (`_is_subset`), a count right before it that is part of a
    larger one (`_part_count_before`), a count after it ("first relapse in 25 and second relapse in 15"), or the
    subject of a sentence of its own that counts fewer patients than the enrolment sentence before it ("Forty adults
    were treated. Twenty-five were in first relapse.", "Most patients (n = 30) were in first salvage")."""
    return _is_subset(cue, cues) or _part_count_before(cue) or _counted_after(cue) \
        or _counted_subject_of_fewer(cue, cues)


def _counted_after(cue: Cue) -> bool:
    """The line is followed by "in" and the count of patients in it, then a list's join or the sentence's end
    ("first relapse in 25 and second relapse in 15"); not "in first relapse", "in 2 cycles"."""
    doc, end, sent = cue.span.doc, cue.span.end, cue.sent
    if cue.id not in (FIRST, LATER) or end + 2 >= sent.end or doc[end].lower_ != "in":
        return False
    return _is_plain_number(doc[end + 1].text) and doc[end + 2].text in _COUNT_ENDS


_COUNT_ENDS = frozenset({"and", ",", ";", ".", ")", "(", "patients", "cases", "adults", "children"})


def _counted_subject_of_fewer(cue: Cue, cues: Cues) -> bool:
    """The cue's sentence opens with its subject, a count (or "Most", "The majority"), and then only the patient
    noun, "(n = 30)", "were" and the line's preposition before the cue: a part when the sentence is not itself an
    enrolment sentence and an earlier enrolment sentence counts more patients (or the subject is "most")."""
    doc, sent = cue.span.doc, cue.sent
    if cue.title or cue.id not in (FIRST, LATER) or cue.sentence in cues.enrolment_sentences:
        return False
    words = [t for t in _tokens(doc, sent.start, cue.span.start) if t.lower_ not in _SUBJECT_FILLERS]
    if words and words[0].lower_ in _MOST_WORDS and all(t.lower_ in _MOST_WORDS or t.like_num or t.text in _N_EQUALS
                                                       for t in words):
        return True  # "Most patients (n = 30) were in first salvage", "The majority were in first relapse"
    numbers = _sentence_number_words(cue)
    counts = [_count_value(t, numbers) for t in words if t.text not in _HYPHENS]
    if not counts or any(c is None for c in counts) or len(counts) > 2:
        return False
    count = counts[0] + counts[1] if len(counts) == 2 else counts[0]  # "Twenty-five" split into its words
    return any(count < enrolled for enrolled in _enrolled_counts(cue, cues))


_SUBJECT_FILLERS = _PATIENT_NOUNS | _LINE_PREPOSITIONS | {"were", "was", "had", "been", "treated", "the", "of",
                                                          "them", "these"}
_MOST_WORDS = frozenset({"most", "majority"})
_N_EQUALS = frozenset({"(", ")", "=", "n", "N"})


def _enrolled_counts(cue: Cue, cues: Cues) -> list[float]:
    """The counts of the enrolment sentences before the cue's (below the years)."""
    counts = []
    for offset, view in cues.sections:
        for i, sent in enumerate(view.sentences):
            if offset + i >= cue.sentence:
                return counts
            if offset + i in cues.enrolment_sentences:
                words = {s.start: float(s.id_) for s in sent.labelled("NUMBER_WORD") if len(s) == 1}
                counts += [v for t in sent.doc[sent.start:sent.end]
                           if (v := _count_value(t, words)) is not None and v < _FIRST_YEAR]
    return counts


# A sentence weighing factors against an outcome: its first-salvage cue is a covariate, not the population ("In
# multivariable analysis, first salvage was associated with longer survival").
_COVARIATE = re.compile(r"associated with|predict|prognostic|multivariable|multivariate|hazard ratio|"
                        r"risk factor", re.I)


def _is_covariate(cue: Cue) -> bool:
    return bool(_COVARIATE.search(cue.sent.text))


def _frontline_population(setting: list[Cue], cues: Cues) -> bool:
    """The body names a frontline population ("adults with newly diagnosed ALL received ...") and its only
    salvage words are about what followed ("patients who relapsed were offered salvage", "two had induction
    failure", "3% had primary refractory disease"): no broader or line-specific cue but events and parts of the
    cohort, and no salvage cue naming the population ("adults with relapsed ALL"; "those who relapsed were
    treated with salvage therapy" names a treatment; an MRD-positive subgroup names no relapse; "patients with relapsed
    disease were excluded" names whom the study left out)."""
    body = [c for c in setting if not c.title and not (c.id in _LINE_IDS and _is_excluded(c, cues))]
    if any(c.id in (RR, FIRST, LATER, CR2) and not (_is_event(c) or _is_subset(c, cues)) for c in body):
        return False
    frontline = [c for c in body if c.id == FRONTLINE]
    named = [c for c in frontline if _names_population(c)]
    return bool(named) and not any((_names_population(c) and not _treated_with(c)) or _coordinated(c, named)
                                   for c in body if c.id in _LINE_IDS)


def _coordinated(cue: Cue, frontline: list[Cue]) -> bool:
    """The salvage cue is joined to a frontline cue naming the patients, only the first one's disease, its count and
    "or"/"and" between ("children with de novo (n = 30) or relapsed (n = 20) T-ALL", "newly diagnosed very high-risk
    ALL (n = 18) or relapsed ALL (n = 24)"): both kinds of patients were enrolled."""
    doc = cue.span.doc
    for first in frontline:
        if first.sentence != cue.sentence or first.span.end > cue.span.start:
            continue
        words = [doc[i].text.lower() for i in range(first.span.end, cue.span.start)]
        if "(" in words and ")" in words[words.index("("):]:  # the frontline group's bracket: "(n = 30)"
            opening = words.index("(")
            words = words[:opening] + words[opening + words[opening:].index(")") + 1:]
        if words and words[-1] in _COORDINATORS and len(words) <= _COORDINATED_WINDOW \
                and not any(w in _PHRASE_BREAKS or w in (",", ".") for w in words):
            return True  # "newly diagnosed very high-risk ALL (n = 18) or relapsed ALL (n = 24)"
    return False


_COORDINATED_WINDOW = 8  # words from the frontline cue to the join ("newly diagnosed very high-risk ALL or")
_COORDINATORS = frozenset({"or", "and", "and/or", "/"})


def _treated_with(cue: Cue) -> bool:
    """The cue follows a treatment verb's "with" ("were treated with salvage therapy"): the treatment given, not
    the patients' disease."""
    doc, start = cue.span.doc, cue.span.start
    window = range(max(cue.sent.start, start - _POPULATION_WINDOW), start)
    withs = [i for i in window if doc[i].lower_ == "with"]
    return bool(withs) and withs[-1] > cue.sent.start and doc[withs[-1] - 1].lower_ in _TREATMENT_VERBS


_TREATMENT_VERBS = frozenset({"treated", "managed", "salvaged", "rescued", "retreated", "re-treated"})


def _is_event(cue: Cue) -> bool:
    """The cue names something that happened to some patients ("two had induction failure", "refractory disease
    occurred in 4", "70 achieved a second remission"), not whom the study enrolled ("children who had a first
    relapse")."""
    doc, span = cue.span.doc, cue.span
    for i in range(max(cue.sent.start, span.start - 2), span.start):
        if doc[i].lower_ in _EVENT_VERBS and not (i > cue.sent.start and doc[i - 1].lower_ in _RELATIVES):
            return True
    return any(t.lower_ in _EVENT_VERBS for t in _tokens(doc, span.end, min(cue.sent.end, span.end + 2)))


def _names_population(cue: Cue) -> bool:
    """The cue qualifies the patients: "with" shortly before it ("adults with newly diagnosed ALL") or a
    patient noun right after its first word ("relapsed patients", "newly diagnosed adults")."""
    doc, span = cue.span.doc, cue.span
    before = _tokens(doc, max(cue.sent.start, span.start - _POPULATION_WINDOW), span.start)
    withs = [i for i, t in enumerate(before) if t.lower_ == "with"]
    if withs and not any(t.text in _PHRASE_BREAKS for t in before[withs[-1] + 1:]):
        return True  # "with" and the cue in one phrase ("with high-risk, relapsed ALL", not "with X; relapsed")
    return any(t.lower_ in _PATIENT_NOUNS for t in _tokens(doc, span.start + 1, min(cue.sent.end, span.end + 1)))


def _other_disease(cues: Cues, article: Article) -> bool:
    """Another disease is the study's subject: named in the title without ALL, or named with ALL nowhere."""
    if cues.has("DISEASE", {"other"}, title=True) and not cues.has("DISEASE", {"ALL"}, title=True):
        return True
    if cues.has("DISEASE", {"ALL"}):
        return False
    if cues.has("DISEASE", {"other"}):
        return True
    mesh = set(article.mesh_headings)
    return not mesh & _MESH_ALL and any(m.startswith(_MESH_OTHER_PREFIXES) for m in mesh)


def _later_line_restricted(setting: list[Cue], cues: Cues) -> bool:
    """Every patient is beyond first salvage: a later-line cue that is neither a part of the cohort nor in a
    sentence that also admits first relapse or refractory disease, or a prior-lines range that starts at two. Not a
    later line outside the enrolment sentences when one of them counts patients in first salvage ("Forty adults in
    first relapse received X ... historical controls in second relapse"): the two conflict, and the setting stays
    broad (read as a broader line, the later one cost a held-out set a setting label)."""
    enrolled_first = _enrolled_first_line(setting, cues)
    for cue in setting:
        if cue.id != LATER or _line_part(cue, cues):
            continue  # "Forty patients were treated, 15 in second salvage": a part
        if enrolled_first and cue.sentence not in cues.enrolment_sentences:
            continue  # "Forty adults in first relapse received X. ... historical controls in second relapse"
        same_sentence = {c.id for c in setting if c.sentence == cue.sentence}  # sentence indexes span the article
        if not same_sentence & {FIRST, CR2, RR}:
            return True
    return any(_prior_lines_minimum(c) >= 2 for c in cues.of("PRIOR_LINES"))


def _enrolled_first_line(setting: list[Cue], cues: Cues) -> bool:
    """A body first-salvage cue naming whom an enrolment sentence counts ("Forty adults with ALL in first relapse
    received X"), not a part, an event or a covariate of it."""
    return any(c.id == FIRST and not c.title and c.sentence in cues.enrolment_sentences
               and not (_is_event(c) or _line_part(c, cues) or _is_covariate(c)) for c in setting)


def _prior_lines_minimum(cue: Cue) -> float:
    """The lower bound of "(range, 2 to 6)" after a prior-lines cue in its sentence, or in the bracket right before
    it ("a median of 3 (range, 2-6) prior lines"); 0 when not stated."""
    doc = cue.span.doc
    words = _sentence_number_words(cue)
    start = cue.span.start
    bracket = start > cue.sent.start and doc[start - 1].text == ")"
    opening = next((i for i in range(start - 2, max(cue.sent.start, start - _RANGE_BRACKET) - 1, -1)
                    if doc[i].text == "("), None) if bracket else None
    tokens = _tokens(doc, opening, start) if opening is not None else []
    tokens = tokens + _tokens(doc, cue.span.end, cue.sent.end)
    for i, token in enumerate(tokens):
        if token.lower_ != "range":
            continue
        for follower in tokens[i + 1:i + 4]:
            if follower.i in words:
                return words[follower.i]
            if follower.like_num:
                try:
                    return float(follower.text)
                except ValueError:
                    return 0
        return 0
    return 0


_RANGE_BRACKET = 8  # tokens of "(range, 2-6)" or "(range, 2 to 6)" before the prior-lines cue


def _relevant(setting: str, cues: Cues, article: Article) -> bool:
    if setting in (OTHER, FRONTLINE, MRD):
        return False
    if _laboratory_work(cues):
        return False  # laboratory or animal work ("Activity of the conjugate in ALL xenografts")
    if _healthy_volunteers_only(cues):
        return False  # "Forty healthy volunteers received one dose": no patient with ALL treated
    if _economic(cues):
        return False  # "the cost-effectiveness of tisagenlecleucel": a model of costs, not of own patients
    if cues.has("DESIGN", {"trial-in-progress"}) and not _states_results(cues):
        return False  # "This phase 3 trial is enrolling adults ...": no outcomes of its own yet
    return True


def _laboratory_work(cues: Cues) -> bool:
    """Laboratory or animal work, no trial's phase: named in the title, or in two sentences of the body outside its
    background and conclusions when no other sentence enrols patients ("Drug X killed ALL cell lines ... In mice,
    drug X prolonged survival"); a clinical abstract names it once, in its background ("Preclinical studies showed
    synergy"), or beside patients it enrols."""
    if not cues.has("DESIGN", {"preclinical"}) or cues.of("PHASE"):
        return False
    found = [c for c in cues.of("DESIGN") if c.id == "preclinical"]
    if any(c.title for c in found):
        return True
    body = {c.sentence for c in found if c.sentence not in cues.framing_sentences}
    return len(body) >= 2 and not cues.enrolment_sentences - body


def _healthy_volunteers_only(cues: Cues) -> bool:
    """A study of healthy volunteers (pharmacokinetics, a formulation's bioequivalence): they are named in the title,
    or counted ("a model built from 40 healthy volunteers") or named in a sentence of enrolment and named in every
    sentence of enrolment; and no sentence of enrolment names ALL ("Data from 40 healthy volunteers and 120 patients with ALL were
    pooled" is a study of patients too); a trial comparing its patients' exposure with theirs names them uncounted."""
    if not cues.has("DESIGN", {"healthy-volunteers"}):
        return False
    found = [c for c in cues.of("DESIGN") if c.id == "healthy-volunteers"]
    healthy = {c.sentence for c in found}
    enrolment = cues.enrolment_sentences
    if not any(c.title for c in found):  # the title's are the study's population, whoever else is counted
        studied = any(c.sentence in enrolment or _counted_before(c.span) for c in found)
        if not studied or enrolment - healthy:
            return False
    return not any(c.id == "ALL" and c.sentence in enrolment for c in cues.of("DISEASE"))


def _counted_before(span: Span) -> bool:
    """A number right before the span ("40 healthy volunteers", "forty healthy subjects")."""
    return span.start > 0 and span.doc[span.start - 1].like_num


def _review_without_own_data(cues: Cues, article: Article) -> bool:
    """A review (by its publication type or its words, or a discussion stating no result) that reports no patients
    of its own."""
    pts = set(article.publication_types)
    review_words = cues.has("DESIGN", {"review"})
    review = bool(pts & _PT_REVIEW) and not pts & _PT_OWN_DATA
    review = review or review_words or (cues.has("DESIGN", {"discussion"}) and not _states_results(cues))
    return review and not _own_data(cues, review_words or bool(pts & _PT_REVIEW))


def _own_data(cues: Cues, review_words: bool) -> bool:
    """The abstract reports its own patients: own-data words ("we treated"), a retrospective or pooled design,
    or a trial's phase or randomization; but an abstract calling itself a review quotes others' trials ("We
    review ... In the phase 3 TOWER trial, CR was 44%"): there only a trial of the title ("A phase 2 study of X")
    or one named as this study's counts, and not the title's when the title calls the article a review
    ("Blinatumomab in relapsed ALL: a review of the phase 3 data"); so does a record typed a review without a type
    of own data ("The randomized TOWER trial showed longer OS" quotes it)."""
    if cues.has("DESIGN", {"own-data", "retrospective", "pooled"}):
        return True
    trials = cues.of("PHASE") + [c for c in cues.of("DESIGN") if c.id == "randomized"]
    if not review_words:
        return bool(trials)
    review_title = cues.has("DESIGN", {"review"}, title=True)
    return any((c.title and not review_title) or _named_as_this_study(c, cues) for c in trials)


def _named_as_this_study(cue: Cue, cues: Cues) -> bool:
    """The cue is inside a phrase naming this study ("In this phase 2 study", "We conducted a randomized trial")."""
    return any(o.id == "this-study" and o.sentence == cue.sentence and _overlaps(cue.span, [o.span])
               for o in cues.of("DESIGN_CONTEXT"))


def _states_results(cues: Cues) -> bool:
    """Some sentence reports a figure: a number (or a number word: "Nine achieved CR") with a "%" or an endpoint,
    outside the sentences that plan the study ("will enroll 60", "80% power to detect", "the primary endpoint is
    CR at 3 months")."""
    return any(("%" in sent.text or sent.labelled("ENDPOINT"))
               and (_has_digit(sent.text) or sent.labelled("NUMBER_WORD"))
               and not _PLANNING.search(sent.text)
               for _, view in cues.sections for sent in view.sentences)


# Words of a sentence that describes the study's plan, eligibility or statistics, not its results ("CD22 on at
# least 20% of blasts" is a key eligibility criterion).
_PLANNING = re.compile(r"\bwill\b|\bpower\b|\bdetect|hypothes|assum|sample size|"
                       r"endpoints? (?:is|are|includes?)\b|target|planned|eligibility|inclusion|criteri", re.I)


def _economic(cues: Cues) -> bool:
    """An economic evaluation: named in the title, or in two sentences of the body ("a Markov model ...",
    "the incremental cost per quality-adjusted life-year was ...")."""
    economic = [c for c in cues.of("DESIGN") if c.id == "economic"]
    return any(c.title for c in economic) or len({c.sentence for c in economic}) >= 2


# ---------------------------------------------------------------------------------------------------------
# Population


def _age_group(cues: Cues, article: Article) -> str:
    ages = [c for c in cues.of("AGE_GROUP") if c.id not in _AGE_LIMITS]
    if cues.has("POPULATION_CONTEXT", {"excluded"}):
        ages = [flipped for flipped in (_excluded_age_flipped(c, cues) for c in ages) if flipped]
    mixed = [c for c in ages if c.id == "mixed"]
    if mixed:
        # only a subgroup of a cohort another age word names ("We treated 100 adults. AYA patients had a CR rate of
        # 70%"); the whole cohort may be the subject of a result too ("Children and young adults had a CR of 80%")
        own = [c for c in mixed if not (_opens_subgroup(c) or _subject_of_result(c))]
        if own or not any(c.id in _NAMED_GROUPS for c in ages):
            return _mixed_phrase_group(own or mixed, cues)
        ages = [c for c in ages if c.id != "mixed"]
    title = {c.id for c in ages if c.title} - {"younger"}
    if title:
        if "pediatric" in title and title & {"adult", "older adult"}:
            return "mixed"
        if "pediatric" in title:
            return _narrowed_by_stated_age("pediatric", ages, cues)
        return "older adult" if "older adult" in title else _narrowed_by_stated_age("adult", ages, cues)
    counted, parts = set(), set()  # the cohort's counted age words, and those counting a part of it
    for c in ages:
        if _counted(c):
            (parts if _counted_part(c, cues) else counted).add(c.id)  # "70 patients, including 20 children"
    if {"pediatric", "adult"} <= counted | parts:
        return "mixed"  # "10 children and 30 adults"
    if len(counted & {"pediatric", "adult"}) == 1:
        # "we treated 25 children", after "in adults, X improved"
        return _narrowed_by_stated_age((counted & {"pediatric", "adult"}).pop(), ages, cues)
    if parts & {"pediatric", "adult"}:
        return "mixed"  # children (or adults) among a cohort no age word counts: the others are not
    # "three older patients died": a part; but the first sentence of enrolment counts the cohort ("Forty older
    # patients with relapsed ALL received X")
    ages = [c for c in ages if not (c.id == "older adult" and _counted(c) and not _first_enrolment(c, cues))]
    if any(c.id in ("adult", "pediatric") for c in ages):  # "Adults ... Patients aged 55 or older had a CR of 40%"
        ages = [c for c in ages if not (c.id == "older adult" and _is_subset(c, cues))]
    words, stated = _age_words_group(ages), _stated_age_group(cues)
    if words is None:
        return stated if stated is not None else _mesh_age(article)
    return stated if stated in _OVERRULED_BY_STATED_AGE[words] else words


def _narrowed_by_stated_age(group: str, ages: list[Cue], cues: Cues) -> str:
    """A title's or a count's broad group made precise by the age the body states of the cohort: adults aged 60 or
    older in a sentence of enrolment, or a median whose range holds only them ("Drug X in adults ..." / "Forty
    patients aged 60 years or older received X", "68 years (range, 60-82)") are older adults; children whose
    range reaches adults ("9 years (range, 1-24)", "aged 1-30 years") are a mixed cohort."""
    stated = _stated_age_group(cues)
    if group == "adult" and (stated == "older adult" or any(
            c.id == "older adult" and c.sentence in cues.enrolment_sentences and not _is_subset(c, cues)
            and not _counted(c) for c in ages)):
        return "older adult"
    return "mixed" if group == "pediatric" and stated == "mixed" else group


# The age group the cohort's own range, bound or median age states overrules its age words when the two cannot
# both be true: words in background or comparisons ("unlike in children, ...") beside a median age of 50.
_OVERRULED_BY_STATED_AGE = {
    "pediatric": {"adult", "older adult", "mixed"},  # "mixed": children whose range reaches adults
    "adult": {"pediatric"},  # not "older adult": "patients 55 years or older had ..." is mostly a subgroup's
    "older adult": {"pediatric"},
    "mixed": {"pediatric", "adult", "older adult"},  # as many words for children as for adults
    "unknown": {"pediatric", "adult", "older adult", "mixed"},  # "older patients did worse than younger ones"
}


def _mixed_phrase_group(mixed: list[Cue], cues: Cues) -> str:
    """Children and adults named in one phrase are a mixed cohort, unless the age range (or upper bound) that
    defines them holds adults only ("AYA patients aged 18 to 39 years": adult) or children only, up to 21 as
    pediatric trials enrol ("children and young adults aged 1 to 21 years", "(age <= 21 years)": pediatric): the
    range in the cue's sentence, or for a title's
    cue the range in a sentence stating whom the study enrolled ("Outcomes of AYA ..." / "We reviewed 90 AYA
    patients aged 18 to 39 years")."""
    groups = set()
    for cue in mixed:
        # an upper bound defines them too: "children and young adults (age <= 21 years)" is pediatric
        ranges = {_age_limit_group(c, cues) for c in cues.of("AGE_GROUP") if c.id in ("range", "at most") and (
            c.sentence == cue.sentence or cue.title and c.sentence in cues.enrolment_sentences)}
        if not ranges or not (ranges <= _ADULT_GROUPS or ranges == {"pediatric"}):
            return "mixed"
        groups |= ranges
    return "pediatric" if groups == {"pediatric"} else "adult"


_ADULT_GROUPS = frozenset({"adult", "older adult"})
_NAMED_GROUPS = frozenset({"adult", "older adult", "pediatric"})


def _excluded_age_flipped(cue: Cue, cues: Cues) -> Cue | None:
    """An age group excluded as a whole names the other one: "Children were excluded" (adult), "Adult patients
    were not eligible" (pediatric); an excluded older group names none ("patients aged >=65 years were
    excluded": None); a narrower group names no other ("infants were excluded", "children younger than 1 year
    were excluded" in a pediatric study)."""
    flipped = _EXCLUDED_AGE_WORDS.get(cue.span.text.lower())
    if (flipped is None and cue.id != "older adult") or _counted(cue) or not _excluded_subject(cue, cues):
        return cue  # "two children were excluded": some of them
    return cue._replace(id=flipped) if flipped else None


def _excluded_subject(cue: Cue, cues: Cues) -> bool:
    """The cue is the subject an exclusion follows ("Children were excluded", "Patients aged >=65 years were
    not eligible")."""
    doc, span = cue.span.doc, cue.span
    return any(c.id == "excluded" and c.sentence == cue.sentence and c.span.start >= span.end
               and all(doc[i].lower_ in _EXCLUDED_SUBJECT_WORDS for i in range(span.end, c.span.start))
               for c in cues.of("POPULATION_CONTEXT"))


_EXCLUDED_AGE_WORDS = {"children": "adult", "pediatric": "adult", "paediatric": "adult", "adults": "pediatric",
                       "adult": "pediatric"}
_EXCLUDED_SUBJECT_WORDS = frozenset({"patients", "patient", "cases", "were", "was", "are", "is", "also", "years",
                                     "year", "of", "age", "old"})


def _age_words_group(ages: list[Cue]) -> str | None:
    """The age group the body's uncounted age words name, the more often named winning; None without any."""
    counts = {key: sum(1 for c in ages if c.id == key) for key in ("pediatric", "adult", "older adult", "younger")}
    pediatric, adult, older = counts["pediatric"], counts["adult"], counts["older adult"]
    if pediatric and (adult or older):
        return "pediatric" if pediatric > adult + older else "adult" if adult + older > pediatric else "mixed"
    if pediatric:
        return "pediatric"
    if older and not counts["younger"] and older >= adult:
        return "older adult"
    if adult or (older and not counts["younger"]):
        return "adult"
    if older:
        return "unknown"  # "older patients did worse than younger ones": an age comparison, not the age group
    return None


def _bound_beyond_median(cue: Cue, median: float | None) -> bool:
    """A lower bound above the cohort's median age, or an upper one below it, bounds no eligibility but a group of
    the patients ("Patients older than 70 years did worse" beside a median age of 45)."""
    if median is None or cue.id not in _OTHER_BOUND:
        return False
    bounds = _numbers(cue)
    if not bounds or len(bounds) != 1:
        return False
    return bounds[0] > median if cue.id == "at least" else bounds[0] < median


def _stated_age_group(cues: Cues) -> str | None:
    """The age group of the cohort's eligible range or bound, else of its median age ("unknown" for a median
    between the pediatric and adult bands); None when none is stated."""
    median = _median_age(cues)
    limits = [c for c in cues.of("AGE_GROUP") if c.id in _AGE_LIMITS]
    limits = [c for c in limits if not _bound_beyond_median(c, median)] if limits and median is not None else limits
    ranged = next((group for group in (_age_limit_group(c, cues) for c in limits) if group), None)
    if ranged:
        return ranged
    if median is None:
        return None
    ages = _median_age_range(cues)
    if median >= _ADULT_MEDIAN_AGE:  # unless its range holds children or only older adults ("30 years (range, 2 to
        return _bounds_group(*ages) if ages else "adult"  # 64)": mixed; "68 years (range, 60 to 84)": older adult)
    if median <= _PEDIATRIC_MEDIAN_AGE:  # unless its range reaches adults ("11 years (range, 3 to 23)": mixed)
        return _bounds_group(*ages) if ages else "pediatric"
    return _bounds_group(*ages) if ages else "unknown"  # between the bands ("19 years (range, 2-64)")


def _counted_part(cue: Cue, cues: Cues) -> bool:
    """The counted age word names a part of the cohort: children or adults (not a narrower group such as infants
    or adolescents, who may be all the others' age too) a few words after a part word ("including 20 children",
    "among them 12 adults")."""
    if cue.span.doc[cue.span.start].lower_ not in _BROAD_AGE_WORDS:
        return False
    return any(c.id == "part-of" and c.sentence == cue.sentence and 0 <= cue.span.start - c.span.end <= _SUBSET_WINDOW
               for c in cues.of("POPULATION_CONTEXT"))


_BROAD_AGE_WORDS = frozenset({"children", "child", "pediatric", "paediatric", "adults", "adult"})


def _first_enrolment(cue: Cue, cues: Cues) -> bool:
    """The cue is in the abstract's first sentence stating whom the study enrolled or treated."""
    return bool(cues.enrolment_sentences) and cue.sentence == min(cues.enrolment_sentences)


def _counted(cue: Cue) -> bool:
    """The age word follows a count: it names the cohort ("25 children", "forty adult patients")."""
    start = cue.span.start
    return start > cue.sent.start and cue.span.doc[start - 1].like_num


def _age_limit_group(cue: Cue, cues: Cues) -> str | None:
    """The age group of an eligible range or bound; None for another cue. An excluded bound states the other
    one: "patients younger than 18 years were excluded" is a study of patients 18 or older."""
    if cue.id == "range":
        return _age_range_group(cue)
    if cue.id not in _OTHER_BOUND or _is_subgroup_bound(cue, cues):
        return None
    return _age_bound_group(cue, _OTHER_BOUND[cue.id] if _is_excluded_bound(cue, cues) else cue.id)


_OTHER_BOUND = {"at least": "at most", "at most": "at least"}
_BOUND_EXCLUSION_WINDOW = 4  # tokens between a bound and its exclusion ("younger than 18 years of age were excluded")


def _age_range_group(cue: Cue) -> str | None:
    """The age group of an eligible range ("aged 3 to 47 years"): up to 21 is pediatric (pediatric trials enrol
    to 21), from 16 adult (from 60 older adult), a range across both mixed."""
    bounds = _numbers(cue)
    if bounds is None or len(bounds) != 2 or bounds[0] > bounds[1]:
        return None
    return _bounds_group(*bounds)


def _bounds_group(low: float, high: float) -> str:
    """The age group of patients aged from `low` to `high` (see _age_range_group)."""
    if high <= _PEDIATRIC_MAX_AGE:
        return "pediatric"
    if low >= _OLDER_MIN_AGE:
        return "older adult"
    return "adult" if low >= _ADULT_MIN_AGE else "mixed"


def _age_bound_group(cue: Cue, kind: str) -> str | None:
    """The age group of one bound of a `kind` ("at least", "at most"): "patients >=18 years" adult, "younger
    than 21 years" pediatric."""
    bounds = _numbers(cue)
    if bounds is None or len(bounds) != 1:
        return None
    (bound,) = bounds
    if kind == "at least":
        low, high = _ADULT_BOUNDS
        return "adult" if low <= bound <= high else "older adult" if bound >= _OLDER_LOWER_BOUND else None
    return "pediatric" if bound <= _PEDIATRIC_MAX_AGE else "mixed" if bound <= _MIXED_UPPER_BOUND else None


def _is_subgroup_bound(cue: Cue, cues: Cues) -> bool:
    """The bound names a part of the cohort or another group: "in patients >=60 years", "in 12 patients aged 60 years
    or older" after the enrolment (but "Data of 255 patients aged up to 25 years" counts the study's), "28% were >=60 years",
    "patients >=60 years versus younger ones"; or an exclusion not right beside it ("patients 18 years or older
    were eligible; those with CNS disease were excluded" excludes no age)."""
    doc, span, sent = cue.span.doc, cue.span, cue.sent
    if any(doc[i].lower_ in _SUBGROUP_WORDS and not _study_of_count(doc, i)
           and (i >= span.start - 3 or doc[i + 1].like_num and _after_enrolment(cue, cues))
           for i in range(max(sent.start, span.start - _COUNTED_SUBGROUP_REACH), span.start)):
        return True
    if _is_subset(cue, cues) or (_is_excluded(cue, cues) and not _is_excluded_bound(cue, cues)):
        return True
    return any(doc[i].lower_ in _COMPARISON_WORDS for i in range(sent.start, sent.end))


def _after_enrolment(cue: Cue, cues: Cues) -> bool:
    """An earlier sentence states whom the study enrolled: a count after it ("Forty adults were treated ... In 12
    patients aged >=60 years, CR was 30%") is a part; before it, it may be the cohort ("Among 40 patients aged 60
    years or older treated with X, ...")."""
    return any(index < cue.sentence for index in cues.enrolment_sentences)


def _study_of_count(doc: Doc, index: int) -> bool:
    """The "of" at `index` introduces the study's counted population ("Data of 255 patients aged up to 25 years",
    "a cohort of 62 adults aged 60 or older"), not a part ("in patients >=60 years", "CR of patients >=60")."""
    return doc[index].lower_ == "of" and index > 0 and doc[index - 1].lower_ in _STUDY_NOUNS \
        and index + 1 < len(doc) and doc[index + 1].like_num


_COUNTED_SUBGROUP_REACH = 5  # tokens from a subgroup word with its count to the bound: "in 12 patients aged >=60"
_STUDY_NOUNS = frozenset({"data", "outcomes", "outcome", "study", "analysis", "cohort", "series", "records", "total",
                          "review", "trial", "experience"})


def _is_excluded_bound(cue: Cue, cues: Cues) -> bool:
    """An exclusion cue right beside the bound: "patients younger than 18 years were excluded", "excluding
    patients older than 21 years"."""
    return _excluded_within(cue, cues, _BOUND_EXCLUSION_WINDOW)


def _numbers(cue: Cue) -> list[float] | None:
    """The numbers of a cue's tokens; None when one does not read as a number."""
    numbers = []
    for token in cue.span:
        if token.like_num:
            try:
                numbers.append(float(token.text))
            except ValueError:
                return None
    return numbers


def _median_age_range(cues: Cues) -> tuple[float, float] | None:
    """The range printed after the first median age ("median age 19 years (range, 2 to 64)"), when it has one."""
    for span, sent in cues.median_age_spans:
        doc = span.doc
        words = [doc[i].lower_ for i in range(span.end, sent.end)]
        if "range" not in words:
            return _bracketed_range(doc, span.end, sent.end)
        start = span.end + words.index("range") + 1
        numbers = [float(t.text) for t in _tokens(doc, start, min(sent.end, start + 5)) if _is_plain_number(t.text)]
        return (numbers[0], numbers[1]) if len(numbers) >= 2 and numbers[0] <= numbers[1] else None
    return None


def _bracketed_range(doc: Doc, start: int, end: int) -> tuple[float, float] | None:
    """A range bracketed right after the median without the word "range" ("14 (1-29) years", "45 years [18 to
    79]"): the median's number, its unit if given, then "(low-high)"."""
    tokens = [t for t in _tokens(doc, start, min(end, start + _BRACKETED_RANGE_REACH))
              if t.lower_ not in _AGE_UNIT_WORDS and t.text not in (",", ":", "=", "was", "of")]
    texts = [t.text.lower() for t in tokens]
    if len(texts) < 6 or not _is_plain_number(texts[0]) or texts[1] not in ("(", "[") or texts[5] not in (")", "]"):
        return None
    if not (_is_plain_number(texts[2]) and texts[3] in _RANGE_JOINS and _is_plain_number(texts[4])):
        return None
    low, high = float(texts[2]), float(texts[4])
    return (low, high) if low <= high else None


_BRACKETED_RANGE_REACH = 10  # tokens from the median-age cue to the bracket's close ("was 14 years (1-29)")
_AGE_UNIT_WORDS = frozenset({"years", "year", "yrs", "yr", "y"})
_RANGE_JOINS = frozenset({"-", "\u2010", "\u2011", "\u2013", "\u2014", "to"})


def _is_plain_number(text: str) -> bool:
    return text.replace(".", "", 1).isdigit()


def _median_age(cues: Cues) -> float | None:
    """The first number after a median-age cue (patterns/cohort.jsonl, label AGE) in the same sentence, in
    years ("median age 19 months" states none)."""
    for span, sent in cues.median_age_spans:
        doc = span.doc
        for i in range(span.end, min(sent.end, span.end + 6)):
            if doc[i].like_num:
                try:
                    value = float(doc[i].text.replace("·", "."))
                except ValueError:
                    break
                return None if i + 1 < sent.end and doc[i + 1].lower_ in _SHORTER_UNITS else value
    return None


_SHORTER_UNITS = frozenset({"months", "month", "mo", "mos", "weeks", "wk", "days"})


def _mesh_age(article: Article) -> str:
    mesh = set(article.mesh_headings)
    pediatric, adult = bool(mesh & _MESH_PEDIATRIC), bool(mesh & _MESH_ADULT)
    if pediatric and adult:
        return "mixed"
    if pediatric:
        return "pediatric"
    if adult:
        return "older adult" if mesh & _MESH_ADULT <= _MESH_OLDER else "adult"
    return "unknown"


def _two_valued(cues: Cues, label: str, values: set[str], both: str) -> str:
    """Ph status or lineage. The title's value, when it names one, is the population's. Otherwise both values
    named is `any`; one value named only for a part of the cohort is `any` too (the rest of the cohort has the
    other); one value naming the population is that value. An excluded value ("Ph-positive patients were
    excluded") names the other one. A cue whose id is `both` itself ("Ph-negative or -positive", "regardless of
    Ph status") names both values."""
    found = [c for c in cues.of(label) if c.id in values or c.id == both]
    title = {c.id for c in found if c.title}
    if title and cues.has("POPULATION_CONTEXT", {"part-of", "subset"}, title=True):  # "in B-ALL, including Ph+"
        title = {c.id for c in found if c.title and not _is_subset(c, cues)}
    if len(title) == 1:
        return title.pop()
    named = [(_FLIPPED[c.id] if c.id != both and _is_excluded(c, cues) else c.id, c) for c in found]
    ids = {value for value, _ in named}
    if not ids:
        return "unknown"
    if both in ids:
        return both
    if len(ids) > 1:
        if _enrolled_value(named, cues) is None and _named_only_before_enrolment(named, cues):
            return "unknown"
        return _enrolled_value(named, cues) or both
    (value,) = ids
    # an excluded value is an exclusion from the whole cohort, never a part ("eligible if ...; T-ALL was excluded")
    return both if all(_is_subset(c, cues) and c.id == named_value for named_value, c in named) else value


def _named_only_before_enrolment(named: list[tuple[str, Cue]], cues: Cues) -> bool:
    """Both values named only in the general sentences opening the abstract, before the one stating whom the study
    enrolled or treated, which names neither ("TKIs have transformed Ph-positive ALL, but relapsed Ph-negative
    disease remains a challenge. We treated 40 adults with relapsed B-ALL"): the disease at large, not the
    study's patients, whose status is then unstated."""
    enrolment = cues.enrolment_sentences
    if not enrolment:
        return False
    first = min(enrolment)
    return all(not c.title and c.sentence < first and not _has_digit(c.sent.text)
               and not _ADMISSION_WORDS.search(c.sent.text) for _, c in named)


# "Patients with Ph-positive or Ph-negative ALL were eligible": whom the study admits, not the disease at large
_ADMISSION_WORDS = re.compile(r"eligib|includ|enrol|admit|recruit|allowed|permitted|accepted|regardless|"
                              r"irrespective|\b(?:we|this|our|present|current)\b", re.I)


def _enrolled_value(named: list[tuple[str, Cue]], cues: Cues) -> str | None:
    """Of two values named, the one a sentence stating whom the study enrolled or treated names, when the other
    is named only in general statements, without a figure or an enrolment ("TKIs transformed outcomes of
    Ph-positive ALL. We treated 50 adults with relapsed Ph-negative B-ALL"); None otherwise ("Seven patients with
    B-cell ALL received X" beside "T-cell ALL (n = 24)" names two parts)."""
    enrolled = {value for value, c in named if c.sentence in cues.enrolment_sentences and not _is_subset(c, cues)}
    if len(enrolled) != 1:
        return None
    (value,) = enrolled
    general = all(c.sentence not in cues.enrolment_sentences and not _has_digit(c.sent.text)
                  for other, c in named if other != value)
    return value if general else None


def _is_excluded(cue: Cue, cues: Cues) -> bool:
    return _excluded_within(cue, cues, _EXCLUSION_WINDOW)


def _excluded_within(cue: Cue, cues: Cues, window: int) -> bool:
    """An exclusion cue at most `window` tokens from the cue, in the same clause: "B-ALL; patients with
    Ph-positive ALL were not included" excludes Ph-positive disease, not B-ALL."""
    doc, span = cue.span.doc, cue.span
    for c in cues.of("POPULATION_CONTEXT"):
        if c.id != "excluded" or c.sentence != cue.sentence:
            continue
        if c.span.start >= span.end and c.span.text.lower() in _EXCLUDING_WORDS:
            continue  # "B-ALL, excluding Ph-positive ALL": a preposition excludes what follows it, not B-ALL
        between = range(span.end, c.span.start) if c.span.start >= span.end else range(c.span.end, span.start)
        if len(between) <= window and not any(doc[i].text == ";" for i in between):
            return True
    return False


_EXCLUDING_WORDS = frozenset({"excluding", "except", "other than"})


def _mesh_lineage(article: Article) -> str:
    mesh = set(article.mesh_headings)
    t, b = bool(mesh & _MESH_T), bool(mesh & _MESH_B)
    return "any" if t and b else "T" if t else "B" if b else "unknown"


# ---------------------------------------------------------------------------------------------------------
# Design


def _design(cues: Cues, article: Article) -> dict:
    pts = set(article.publication_types)
    earlier = _earlier_trial_sentences(cues)
    phase = _phase(cues, article, pts, earlier)
    # A retrospective study is not randomized: its randomization words describe the trials before it ("in the
    # randomized TOWER trial, blinatumomab improved survival; we retrospectively analysed ...").
    randomized = bool(pts & _PT_RANDOMIZED) or (_names_own_randomization(cues, earlier) and phase != "retrospective"
                                                 and not _randomized_only_before_own_phase(cues)
                                                 and not (phase == "pooled" and _randomized_only_of_trials(cues)))
    # Phase 3 trials in this field are randomized comparisons; a single-arm phase 3 says so.
    randomized = randomized or (phase == "3" and not cues.has("DESIGN", {"single-arm"}))
    return {"phase": phase, "randomized": randomized}


def _earlier_trial_sentences(cues: Cues) -> set[int]:
    """The sentences naming the trials before an observational series (see _phases_of_earlier_trials): their
    phases and randomization are those trials'."""
    phases = cues.of("PHASE")
    if not phases or not cues.has("DESIGN", {"observational"}) or not _phases_of_earlier_trials(cues, phases):
        return set()
    return {c.sentence for c in phases}


def _names_own_randomization(cues: Cues, earlier: set[int]) -> bool:
    """A randomization named outside the earlier trials' sentences."""
    return any(c.id == "randomized" and c.sentence not in earlier for c in cues.of("DESIGN"))


def _randomized_only_of_trials(cues: Cues) -> bool:
    """Every randomization named is of trials in the plural ("a meta-analysis of randomized controlled trials",
    "12 randomised studies"): in a pooled analysis, the kind of the studies it pools, not its own design."""
    return all(_PLURAL_TRIALS.match(c.sent.text[c.span.end_char - c.sent.start_char:])
               for c in cues.of("DESIGN") if c.id == "randomized")


_PLURAL_TRIALS = re.compile(r"\s(?:(?:controlled|clinical|phase\s\w+|prospective)\s){0,2}(?:trials|studies|RCTs)\b",
                            re.I)


def _randomized_only_before_own_phase(cues: Cues) -> bool:
    """Every randomization named comes before the sentence naming the study's own phase, in the body, in sentences
    not about the authors' work: the trials that led to it ("X improved survival over chemotherapy in a randomized
    trial. We conducted a phase 2 study of ..."); not "In this randomized phase 2 study", whose cue is the phrase's."""
    own = [o.sentence for o in cues.of("DESIGN_CONTEXT") if o.id == "this-study" and not o.title]
    if not own:
        return False
    first_own = min(own)
    return all(not c.title and c.sentence < first_own and not _names_own_work(c)
               for c in cues.of("DESIGN") if c.id == "randomized")


def _phase(cues: Cues, article: Article, pts: set[str], earlier: set[int]) -> str:
    design = {c.id for c in cues.of("DESIGN") if not (c.id == "randomized" and c.sentence in earlier)}
    phases = cues.of("PHASE")
    this_study = [c for c in cues.of("DESIGN_CONTEXT") if c.id == "this-study"]
    if "retrospective" in design and not _retrospective_only_in_background(cues, phases, this_study):
        analysed = _analysed_trial_phase(cues, phases)
        return analysed or "retrospective"
    parts = _parts_of_one_study(phases)
    if "pooled" in design or bool(pts & _PT_POOLED) or (_coordinated_phases(phases) and not parts):
        return "pooled"
    reported = {c.id for c in cues.of("PHASE_REPORTED")}
    if len(reported) == 1:
        return reported.pop()
    if phases and not earlier:
        return "1/2" if parts else _one_phase(phases, this_study)
    pt_phases = {_PT_PHASE[p] for p in pts if p in _PT_PHASE}
    if len(pt_phases) == 1:
        return pt_phases.pop()
    if {"1", "2"} <= pt_phases and len(pt_phases) == 2:
        return "1/2"
    if "dose-finding" in design:  # "a first-in-human, dose-escalation study" names no phase but is one
        return "1"
    if set(article.mesh_headings) & _MESH_RETROSPECTIVE or "Observational Study" in pts and "prospective" not in design:
        return "retrospective"
    trial_typed = "registered-trial" in design or any(p.startswith(_PT_TRIAL_PREFIX) or p in _PT_RANDOMIZED
                                                      for p in pts)
    if "observational" in design and not design & {"randomized", "prospective"} and not trial_typed:
        return "retrospective"  # "in multivariate analysis, ..." of treated patients; not of a prospective cohort
    return "unknown"


def _phases_of_earlier_trials(cues: Cues, phases: list[Cue]) -> bool:
    """The abstract names an observational series and every phase is named before the body's first sentence about
    the authors' work, in sentences not about it: the trials before the series ("Inotuzumab improved response rates
    in the phase 3 INO-VATE study. We describe 23 adults treated at our center"). The series is named by the title
    ("a single-center experience", "a registry analysis"), or by that first sentence, which may open a methods
    section ("We describe our experience with 41 patients", "We report 52 children given commercial
    tisagenlecleucel", "METHODS: Adults treated in daily practice were included"), when each phase's sentence
    reports a finding of its trial ("improved survival over chemotherapy in the phase 3 trial"), not a design
    alone ("was evaluated in a phase 2 study"); a later sentence's practice words ("supports its use in routine
    practice") name no series."""
    if any(c.title for c in phases):
        return False
    named, opened = _first_own_sentences(cues)
    if any(c.title and c.id == "observational" for c in cues.of("DESIGN")):
        return named is not None and all(c.sentence < named for c in phases)
    first_own = min((i for i in (named, opened) if i is not None), default=None)
    if first_own is None or not all(c.sentence < first_own for c in phases):
        return False
    return any(c.id == "observational" and c.sentence == first_own for c in cues.of("DESIGN")) \
        and all(_EARLIER_FINDING.search(c.sent.text) for c in phases)


def _first_own_sentences(cues: Cues) -> tuple[int | None, int | None]:
    """The body's first sentence naming the authors' work by its words ("We describe", "this study"), and the first
    sentence of a methods or results section ("METHODS: Forty-one adults treated in daily practice were
    included"): each None when there is none."""
    named = next((offset + i for offset, view in cues.sections[1:] for i, sent in enumerate(view.sentences)
                  if _names_own_study(sent)), None)
    opened = next((offset for (offset, view), section in zip(cues.sections[1:], cues.section_names[1:])
                   if section.upper().startswith(_OWN_WORK_SECTIONS) and view.sentences), None)
    return named, opened


_OWN_WORK_SECTIONS = ("METHOD", "PATIENT", "MATERIAL", "DESIGN", "SETTING", "PARTICIPANT", "RESULT", "FINDING")


# What another trial's sentence reports: its result or its standing ("improved survival over", "was approved").
_EARLIER_FINDING = re.compile(r"\b(?:improv|prolong|superior|inferior|showed|shown|demonstrat|resulted in|led to|"
                              r"produced|yielded|induced|achiev|approv|establish|extended|doubled|higher|longer|"
                              r"better)", re.I)


def _analysed_trial_phase(cues: Cues, phases: list[Cue]) -> str | None:
    """The phase of the one trial whose data a retrospective analysis reads, named in its sentence after "of/from/in/on
    the" ("In this retrospective analysis of the phase 3 INO-VATE trial", "We retrospectively analyzed patients
    enrolled in the phase 3 TOWER trial", "Using data from the phase 3 trial, we performed a retrospective
    analysis"), as a post hoc analysis of it has that trial's phase; not several trials ("patients treated on four
    phase 2 trials"), nor one the series followed ("after the phase 3 trial showed benefit")."""
    for c in cues.of("DESIGN"):
        if c.id != "retrospective":
            continue
        for p in phases:
            if p.sentence != c.sentence:
                continue
            doc = p.span.doc
            before = [doc[i].lower_ for i in range(max(p.sent.start, p.span.start - 2), p.span.start)]
            after = [doc[i].lower_ for i in range(p.span.end, min(p.sent.end, p.span.end + _TRIAL_NAME_WINDOW))]
            if before in _OF_THE and any(w in ("trial", "study") for w in after):
                return p.id
    return None


_OF_THE = [["of", "the"], ["from", "the"], ["in", "the"], ["on", "the"]]  # "analysis of the phase 3 trial"
_TRIAL_NAME_WINDOW = 5  # tokens from the phase to "trial" ("phase 3 INO-VATE trial")


def _retrospective_only_in_background(cues: Cues, phases: list[Cue], this_study: list[Cue]) -> bool:
    """The abstract names its own phase ("In this phase 2 study", "We conducted a phase 1 trial") and its
    retrospective words are other studies' or a comparator's: neither in the title nor in a sentence about the
    authors' work ("Retrospective studies suggested activity", "compared with a real-world external control
    cohort"; not "we retrospectively reviewed")."""
    if not any(_overlaps(p.span, [o.span]) for p in phases for o in this_study if o.sentence == p.sentence):
        return False
    return not any(c.title or _names_own_work(c) for c in cues.of("DESIGN") if c.id == "retrospective")


def _names_own_work(cue: Cue) -> bool:
    doc = cue.span.doc
    return any(doc[i].lower_ in _OWN_WORK_WORDS for i in range(cue.sent.start, cue.sent.end))


def _names_own_study(sent: Sentence) -> bool:
    """The background sentence is about the authors' study: its words ("we", "this") or its purpose ("designed",
    "to determine whether")."""
    doc = sent.doc
    return bool(_PURPOSE.search(sent.text)) or any(doc[i].lower_ in _OWN_WORK_WORDS for i in range(sent.start, sent.end))


_PURPOSE = re.compile(r"\bdesigned\b|\bto (?:determine|evaluate|assess|investigate|compare|test|examine)\b|\baim", re.I)


_OWN_WORK_WORDS = frozenset({"we", "our", "us", "this", "these", "here", "present", "current"})


def _parts_of_one_study(phases: list[Cue]) -> bool:
    """Phases 1 and 2 each named as a part of the study ("In the phase 1 portion, ...; in the phase 2 portion",
    "a phase 1 part and a phase 2 part", "the phase 1 and phase 2 portions"): one phase 1/2 study."""
    if {c.id for c in phases} != {"1", "2"}:
        return False
    return all(any(t.lower_ in _PART_WORDS for t in _tokens(c.span.doc, c.span.end, min(c.sent.end, c.span.end +
                                                                                       _PART_WINDOW)))
               for c in phases)


# ... and the stages of a phase 1/2 design ("a phase 1 dose-escalation and a phase 2 expansion")
_PART_WORDS = frozenset({"portion", "portions", "part", "parts", "stage", "stages", "segment", "segments",
                         "escalation", "expansion"})
_PART_WINDOW = 4  # tokens from a phase to its part word ("phase 1 and phase 2 portions")


def _coordinated_phases(phases: list[Cue]) -> bool:
    """Two incompatible phases joined by "and" in one sentence ("the phase 1/2 study A and the phase 3 study B"):
    several trials analysed together."""
    multi_phase = any(c.id == "1/2" for c in phases)
    for i, first in enumerate(phases):
        for second in phases[i + 1:]:
            if first.sentence != second.sentence:
                continue
            if _COMPATIBLE_PHASES[first.id] & _COMPATIBLE_PHASES[second.id]:
                continue
            if multi_phase and {first.id, second.id} <= _COMPATIBLE_PHASES["1/2"]:
                continue  # "the phase 1 part and the phase 2 part" of a phase 1/2 study
            between = _tokens(first.span.doc, min(first.span.end, second.span.end),
                              max(first.span.start, second.span.start))
            if any(t.lower_ == "and" for t in between):
                return True
    return False


def _one_phase(phases: list[Cue], this_study: list[Cue]) -> str:
    """The phase of a study that names several: the one named as this study's ("we conducted a phase 2 study",
    after a background "phase 3 trial" or "phase 1-2a study"); then "1/2" covers a "phase 2" mention of the same
    study ("Phase II results" of "a phase I/II study"); then the title's; then the most often named."""
    ids = {c.id for c in phases}
    if len(ids) == 1:
        return ids.pop()
    own = {c.id for c in phases if any(o.sentence == c.sentence and _overlaps(c.span, [o.span]) for o in this_study)}
    if len(own) == 1:
        return own.pop()
    if "1/2" in ids and ids <= {"1", "2", "1/2"}:
        return "1/2"
    title = {c.id for c in phases if c.title}
    if len(title) == 1:
        return title.pop()
    counts = {i: sum(1 for c in phases if c.id == i) for i in ids}
    best = max(counts.values())
    winners = [i for i, n in counts.items() if n == best]
    return winners[0] if len(winners) == 1 else "unknown"
