"""Helpers for the phrasing tests: run one text end to end as a one-section abstract and read back its values."""
from __future__ import annotations

from extractor.extraction import extract_article
from extractor.models import AbstractSection, Article

SALVAGE_TITLE = "Salvage therapy of relapsed acute lymphoblastic leukemia"
DRUG_X_TITLE = "Drug X in relapsed acute lymphoblastic leukemia"  # the classification cases' neutral title


def run_text(nlp, text: str, title: str = SALVAGE_TITLE, label: str | None = None) -> dict:
    """The extraction record of an article whose abstract is `text` (one section, labelled `label` if given)."""
    section = AbstractSection(label=label, nlm_category=label, text=text)
    return extract_article(Article(pmid="1", title=title, sections=(section,)), nlp)


def run_sections(nlp, title: str, *sections: tuple[str, str]) -> dict:
    """The extraction record of an abstract of labelled sections, each given as ("METHODS", text)."""
    parts = tuple(AbstractSection(label=label, nlm_category=label, text=text) for label, text in sections)
    return extract_article(Article(pmid="1", title=title, sections=parts), nlp)


def outcome_triples(record: dict) -> list[tuple]:
    """(arm, endpoint, value) of every outcome, sorted: what most phrasing cases pin."""
    return sorted((o["arm"], o["endpoint"], o["value"]) for o in record["outcomes"])


def outcome_values(record: dict) -> list[tuple]:
    """(endpoint, value) of every outcome, sorted: for cases that pin the endpoint and not the arm."""
    return sorted((o["endpoint"], o["value"]) for o in record["outcomes"])


def outcome_timepoints(record: dict) -> list[tuple]:
    """(endpoint, value, time point) of every outcome, sorted."""
    return sorted((o["endpoint"], o["value"], o["timepoint_months"]) for o in record["outcomes"])


def outcome_counts(record: dict) -> list[tuple]:
    """(endpoint, value, count, denominator) of every outcome, sorted."""
    return sorted((o["endpoint"], o["value"], o["count"], o["denominator"]) for o in record["outcomes"])


def dose_triples(record: dict) -> list[tuple]:
    """(drug, dose, unit) of every dose, in order."""
    return [(d["drug_id"], d["dose"], d["unit"]) for d in record["doses"]]


def dose_quads(record: dict) -> list[tuple]:
    """(drug, dose, dose_max, unit) of every dose, in order: for cases that pin a range's upper end."""
    return [(d["drug_id"], d["dose"], d["dose_max"], d["unit"]) for d in record["doses"]]


def population_of(nlp, text: str, title: str = DRUG_X_TITLE) -> dict:
    """The `population` labels of an article whose abstract is `text`."""
    return run_text(nlp, text, title=title)["population"]
