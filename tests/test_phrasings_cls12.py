"""Study classification, twelfth round, and the other-study cue both stages read: the DESIGN_CONTEXT `other-study`
spans of patterns/design.jsonl mask another study's design and population words for classify.py and another
study's doses for doses.py ("In a previous phase 2 trial, inotuzumab at 1.8 mg/m2"). Our own sentences."""
from __future__ import annotations

import pytest

from extractor.extraction import extract_article
from extractor.models import AbstractSection, Article
from phrasing_cases import run_text

INO, BLINA = "inotuzumab ozogamicin", "blinatumomab"


def _structured(nlp, title: str, *sections: tuple[str, str]) -> dict:
    """The record of an abstract of labelled sections ("METHODS", text)."""
    parts = tuple(AbstractSection(label=label, nlm_category=label, text=text) for label, text in sections)
    return extract_article(Article(pmid="1", title=title, sections=parts), nlp)


def _doses(record: dict) -> list[tuple]:
    return [(d["drug"], d["dose"], d["unit"]) for d in record["doses"]]


# --- another study's dose (the other-study spans, read by doses.py) -------------------------------------------


@pytest.mark.parametrize("text, doses", [
    ("In a previous phase 2 trial, inotuzumab was given at 1.8 mg/m2 per cycle.", []),
    ("Previous studies used blinatumomab at 28 µg/day.", []),
    ("Remission rates were similar to those reported with inotuzumab at 1.8 mg/m2.", []),
    ("Future studies should evaluate blinatumomab at 56 µg/day.", []),
    ("Compared with the INO-VATE trial, in which patients received inotuzumab 1.8 mg/m2 per cycle, VOD was less "
     "frequent.", []),
    ("Unlike previous studies, inotuzumab was given at 0.9 mg/m2.", [(INO, 0.9, "mg/m2")]),
    ("Earlier trials used inotuzumab at 1.8 mg/m2, whereas we gave inotuzumab 1.2 mg/m2.", [(INO, 1.2, "mg/m2")]),
    ("Patients were treated with inotuzumab 0.9 mg/m2, lower than in the INO-VATE trial.", [(INO, 0.9, "mg/m2")]),
    # another study's word inside this study's name names no other study
    ("In this pivotal phase 2 study, patients received inotuzumab 1.8 mg/m2 per cycle.", [(INO, 1.8, "mg/m2")]),
    ("Compared with patients in this study, inotuzumab 0.9 mg/m2 was given.", [(INO, 0.9, "mg/m2")]),
    # a report the authors point to for their own schedule is no other study's dose
    ("As previously reported, inotuzumab at 1.8 mg/m2 was active.", [(INO, 1.8, "mg/m2")]),
])
def test_phrasings_other_studys_dose(nlp, text, doses):
    assert _doses(run_text(nlp, text)) == doses


# --- another study's design and population (the same spans, read by classify.py) ------------------------------


def test_unlike_a_randomised_trial_this_study_is_not_randomised(nlp):
    record = _structured(nlp, "Inotuzumab in older adults with relapsed B-cell ALL",
                         ("METHODS", "Unlike the randomised TOWER study, this single-centre study included "
                                     "patients with Ph-positive ALL treated with inotuzumab."),
                         ("RESULTS", "Thirty-two patients were included. CR/CRi was achieved in 22 patients (69%)."))
    assert record["design"]["randomized"] is False
    assert record["population"]["ph_status"] == "positive"  # this study's words after "this" stay


def test_compared_with_a_randomised_trial_is_not_randomised(nlp):
    record = _structured(nlp, "Blinatumomab in relapsed B-ALL: a registry analysis",
                         ("METHODS", "We analysed 210 adults with relapsed B-ALL who received blinatumomab."),
                         ("RESULTS", "CR/CRh was achieved in 95 patients (45%). Compared with the randomized TOWER "
                                     "trial, CR rates were similar."))
    assert record["design"]["randomized"] is False


def test_pivotal_in_this_studys_name_keeps_its_population(nlp):
    record = _structured(nlp, "Blinatumomab in relapsed ALL",
                         ("METHODS", "In this pivotal phase 2 study, adults with relapsed or refractory "
                                     "Ph-negative B-precursor ALL received blinatumomab."),
                         ("RESULTS", "Of 189 patients, 81 (43%) achieved CR or CRh."))
    assert record["population"] == {"age_group": "adult", "ph_status": "negative", "lineage": "B"}
    assert record["design"]["phase"] == "2"


def test_design_named_before_the_other_study_stays(nlp):
    record = _structured(nlp, "Blinatumomab versus historical standard of care in relapsed ALL",
                         ("METHODS", "Outcomes of 189 patients treated with blinatumomab in a single-arm phase 2 "
                                     "study were compared with those of 694 historical controls."),
                         ("RESULTS", "The CR/CRh rate was 43% with blinatumomab and 24% in historical controls."))
    assert record["design"] == {"phase": "2", "randomized": False}
