"""Which trial a report belongs to, so that a trial published several times counts once when rates are pooled.

A trial's primary paper, its long-term update and its subgroup analyses are separate PubMed records with the same
patients. They share the trial's registry number: PubMed lists it in the record's DataBankList and most abstracts
print it ("ClinicalTrials.gov identifier: NCT01564784"). The registries' number forms are data
(patterns/registries.jsonl).
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from extractor.models import Article
from extractor.patterns import Registry


def trial_ids(article: Article, registries: Sequence[Registry]) -> tuple[str, ...]:
    """The registry numbers of an article, each once, sorted: its DataBankList entries of a known registry and the
    numbers printed in its title and abstract. A pooled analysis of two trials has both numbers."""
    found = set()
    names = {registry.name.casefold(): registry for registry in registries}
    for bank, accession in article.databanks:
        numbers = [n for registry in registries for n in registry.numbers(accession)]
        if not numbers and bank.casefold() in names:  # a number printed without its prefix: "2010-020584-13"
            numbers = [names[bank.casefold()].id_format.format(id=accession.strip())]
        found.update(numbers)
    for text in (article.title, *(section.text for section in article.sections)):
        for registry in registries:
            found.update(registry.numbers(text))
    return tuple(sorted(found))


def same_trial_clusters(ids_of_reports: Sequence[Iterable[str]]) -> list[int]:
    """For each report (given by its registry numbers), the index of the first report of its trial: reports that
    share a number are of one trial, and so, transitively, are the reports linked through a pooled analysis. A
    report without a number is a trial of its own."""
    parent = list(range(len(ids_of_reports)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_with: dict[str, int] = {}
    for i, ids in enumerate(ids_of_reports):
        for number in ids:
            j = first_with.setdefault(number, i)
            a, b = root(i), root(j)
            if a != b:
                parent[max(a, b)] = min(a, b)
    return [root(i) for i in range(len(ids_of_reports))]
