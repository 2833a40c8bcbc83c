"""What one article's extraction knows so far, shared by the per-kind extractors."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping


@dataclass
class ArticleContext:
    """Facts gathered while an article's sections are processed in order (title first).

    Per-kind extractors read it (a count-only rate needs the cohort size as its denominator) and scalar extractors
    fill it. Mutable on purpose: it lives for one article only.

    Attributes:
        pmid: the article's PMID.
        words: the number-word lexicon ("forty" -> 40.0) from patterns/numbers.jsonl, for extractor.normalise.
        cohort_size: the study's headline N once a scalar extractor has found it.
        arms: arm labels seen so far, in order of first mention.
        arm_index: the article's arms (`extract.arms.ArmIndex`), detected before its figures are read.
        drug_sentence: the last sentence (`sentences.Sentence`) read so far that names a drug, title first: the
            dose stage's antecedent of a later sentence whose subject is a dose ("The MTD was 1.8 mg/m2").
        scalars: scalar candidates found so far, as returned by `extract_scalars` (first one per name wins).
        definitions: endpoint phrases the abstract has defined ("response rate [CR and CRi]" -> CR_CRi), lower-cased,
            so that a later bare "response rate" keeps the definition.
    """

    pmid: str
    words: Mapping[str, float] = field(default_factory=dict)
    cohort_size: int | None = None
    arms: list[str] = field(default_factory=list)
    scalars: dict[str, dict] = field(default_factory=dict)
    definitions: dict[str, str] = field(default_factory=dict)
    arm_index: object | None = None
    drug_sentence: object | None = None

    def add_scalar(self, candidate: dict) -> None:
        """Keep the first candidate per scalar name ("the size the abstract first gives")."""
        name = candidate["scalar"]
        if name in self.scalars or candidate.get("value") is None:
            return
        self.scalars[name] = candidate
        if name == "cohort_size":
            self.cohort_size = int(candidate["value"])
