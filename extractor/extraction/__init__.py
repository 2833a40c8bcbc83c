"""Extraction: parsed articles to gold-schema dicts, every value with its evidence.

`extract_articles` streams: section texts go through `nlp.pipe` in batches and each article's dict is yielded as
soon as its last section is processed, so a corpus of any size never sits in memory.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from extractor.models import Article
from extractor.extraction.arms import detect_arms
from extractor.extraction.classify import classify_study
from extractor.extraction.comparisons import extract_comparisons
from extractor.extraction.context import ArticleContext
from extractor.extraction.denominators import assign_denominators
from extractor.extraction.doses import extract_doses, name_as_printed
from extractor.extraction.outcomes import extract_outcomes
from extractor.extraction.scalars import denominator_cohort, extract_scalars, randomizes_responders
from extractor.extraction.sentences import remember_text

SCALARS = ("cohort_size", "median_age_years", "median_follow_up_months")


def extract_article(article: Article, nlp: Language) -> dict:
    """One article's extraction (see `extract_articles`)."""
    return next(extract_articles([article], nlp))


def extract_articles(articles: Iterable[Article], nlp: Language, batch_size: int = 256) -> Iterator[dict]:
    """Extract every article, streaming.

    Args:
        articles: parsed articles (any iterable; consumed lazily).
        nlp: the pipeline of `extractor.pipeline.build_nlp`.
        batch_size: section texts per `nlp.pipe` batch.

    Returns:
        An iterator of gold-schema dicts (pmid, labels, scalars, arms, outcomes, doses, comparisons), in input order.
    """
    words = _number_words(nlp)
    docs = []
    for doc, (article, section, last, text) in nlp.pipe(_section_texts(articles), as_tuples=True,
                                                         batch_size=batch_size):
        if section is not None:
            remember_text(doc, text)
            docs.append((section, doc))
        if last:
            yield _extract_one(article, docs, words)
            docs = []


def _section_texts(articles: Iterable[Article]):
    """(text, (article, section name, is last section, text)) for nlp.pipe; an empty article still yields one item.
    The text rides along in the context so its doc need not rebuild it from the tokens (`remember_text`)."""
    for article in articles:
        pairs = article.named_texts()
        if not pairs:
            yield "", (article, None, True, "")
            continue
        for i, (name, text) in enumerate(pairs):
            yield text, (article, name, i == len(pairs) - 1, text)


def _extract_one(article: Article, docs: list[tuple[str, Doc]], words) -> dict:
    context = ArticleContext(pmid=article.pmid, words=words)
    context.arm_index = detect_arms(docs, words)
    context.arms = [arm.label for arm in context.arm_index.arms]
    found = {"outcomes": [], "doses": [], "comparisons": []}
    for index, (section, doc) in enumerate(docs):
        # Scalars first: a count-only rate needs the cohort size as its denominator.
        for candidate in extract_scalars(doc, section, context):
            context.add_scalar(_locate(candidate, index))
        _total_over_one_arm(context)
        found["outcomes"] += [_locate(o, index) for o in extract_outcomes(doc, section, context)]
        found["doses"] += [_locate(d, index) for d in extract_doses(doc, section, context)]
        found["comparisons"] += [_locate(c, index) for c in extract_comparisons(doc, section, context)]
    if "cohort_size" not in context.scalars:
        total = _arms_total(context.arm_index)
        if total is not None:
            context.add_scalar(total)
    if "cohort_size" not in context.scalars and not _arms_sized(context.arm_index):
        # printed only as a denominator ("8 of 25 (32%) patients achieved CR"); maybe one arm's, when arms are sized
        candidate = denominator_cohort(docs, words)
        if candidate is not None:
            context.add_scalar(_locate(candidate, candidate.pop("section_index")))
    name_as_printed(found["doses"], docs)
    record = _article_dict(article, context, found, classify_study(article, docs))
    assign_denominators(record, docs, words)
    return record


def _arms_total(arm_index) -> dict | None:
    """A multi-arm study's cohort is its total (SCHEMA); when no sentence gives one, the arms' printed sizes do
    ("randomly assigned to InO (n = 164) or standard chemotherapy (n = 162)": 326). Read only after every section,
    so a total the abstract prints anywhere wins. Historical controls are not the study's patients."""
    arms = [arm for arm in arm_index.arms if not arm.historical] if arm_index is not None else []
    if len(arms) < 2 or any(arm.n is None for arm in arms):
        return None
    sources = [arm.source for arm in arms]
    if any(source and randomizes_responders(source["text"]) for source in sources):
        return None  # the randomised responders are a part of the study population, not its total
    candidate = {"scalar": "cohort_size", "value": sum(arm.n for arm in arms), "computed": True}
    if all(sources) and all(source == sources[0] for source in sources):  # all sizes in one sentence: its evidence
        candidate["evidence"] = dict(sources[0])
    return candidate


def _arms_sized(arm_index) -> bool:
    """An arm of the study's own (not historical controls) has its size printed ("drug X (25 patients)")."""
    return arm_index is not None and any(arm.n is not None and not arm.historical for arm in arm_index.arms)


def _total_over_one_arm(context: ArticleContext) -> None:
    """A cohort read from the sentence that sizes the arms and equal to one of them is that arm ("We compared 68
    patients who received X with 92 who received Y": 68), so the arms' total is the cohort (SCHEMA: the total)."""
    cohort = context.scalars.get("cohort_size")
    total = _arms_total(context.arm_index) if cohort is not None and "evidence" in cohort else None
    if total is None or "evidence" not in total or total["value"] == cohort["value"]:
        return  # (a total with evidence: every arm sized in one sentence)
    stated = cohort["evidence"]
    arms = [arm for arm in context.arm_index.arms if not arm.historical]
    if any(arm.n == cohort["value"] and arm.source and arm.source["section_index"] == stated["section_index"]
           and arm.source["start"] <= stated["start"] and stated["end"] <= arm.source["end"] for arm in arms):
        del context.scalars["cohort_size"]
        context.cohort_size = None
        context.add_scalar(total)


def _locate(value: dict, index: int) -> dict:
    """Add the section's position in `Article.named_texts()` to the evidence: unlabelled abstracts can have several
    sections called ABSTRACT, and the name alone would not say which one the offsets refer to."""
    if "evidence" in value:
        value["evidence"]["section_index"] = index
    return value


def _article_dict(article: Article, context: ArticleContext, found: dict, labels: dict) -> dict:
    scalars = {name: context.scalars.get(name, {}).get("value") for name in SCALARS}
    arms = context.arm_index.to_dicts(scalars["cohort_size"]) if context.arm_index is not None \
        else [{"label": "all", "drugs": [], "n": scalars["cohort_size"], "regimen": "", "classes": []}]
    return {
        "pmid": article.pmid,
        **labels,  # relevant, setting, population, design (extraction/classify.py)
        **scalars,
        "scalar_evidence": {n: c["evidence"] for n, c in context.scalars.items() if "evidence" in c},
        "arms": arms,
        "outcomes": _dedupe(found["outcomes"]),
        "doses": found["doses"],
        "comparisons": found["comparisons"],
    }


def _dedupe(outcomes: list[dict]) -> list[dict]:
    """Each outcome once per arm or subgroup (SCHEMA): a fact repeated in another sentence for the same arm (results
    restated in the conclusions) is dropped, while the same value of two arms or subgroups is kept for each, whether
    stated in one sentence or in two."""
    first_seen: dict[tuple, tuple] = {}
    stated_before: set[tuple] = set()  # (family, value, time point) of the sections before the conclusions
    kept = []
    for outcome in outcomes:
        ev = outcome["evidence"]
        key = (outcome["endpoint"], outcome["value"], outcome["timepoint_months"],
               " ".join(str(outcome.get("arm") or "all").split()).casefold())
        where = (ev["section"], ev["start"])
        if first_seen.setdefault(key, where) != where:
            continue
        restated = (_RESPONSE_FAMILY.get(outcome["endpoint"], outcome["endpoint"]), outcome["value"],
                    outcome["timepoint_months"])
        if _CONCLUDING.match(ev["section"]):
            if restated in stated_before:
                continue
        else:
            stated_before.add(restated)
        kept.append(outcome)
    return kept


# The conclusions restate results in looser words ("High remission rates (80%)" for a CR/CRi of 80% in the
# results, "low VOD (5%)" with the group 'low VOD'): a value the results already gave, whatever its arm or the
# kind of response it is now called, is that result again.
_CONCLUDING = re.compile(r"(?:conclusions?|interpretation|summary|discussion|implications)\b", re.I)
_RESPONSE_FAMILY = {"ORR": "response", "CR": "response", "CR_CRi": "response"}


def _number_words(nlp: Language) -> dict[str, float]:
    patterns = nlp.get_pipe("extractor_rules").patterns
    return {p["pattern"].lower(): float(p["id"]) for p in patterns
            if p.get("label") == "NUMBER_WORD" and isinstance(p.get("pattern"), str)}
