"""Study classification (extractor.extraction.classify): hand-built articles of our own wording, real pipeline."""
from __future__ import annotations

import pytest

from extractor.extraction.classify import classify_study
from extractor.models import AbstractSection, Article

R_R_TITLE = "Drug X in relapsed or refractory acute lymphoblastic leukemia"


def _classify(nlp, title: str, *texts: str, pts: tuple = (), mesh: tuple = ()) -> dict:
    article = Article(pmid="1", title=title, sections=tuple(AbstractSection(None, None, t) for t in texts),
                      publication_types=pts, mesh_headings=mesh)
    return classify_study(article, [(name, nlp(text)) for name, text in article.named_texts()])


@pytest.mark.parametrize("title, body, setting", [
    (R_R_TITLE, "Forty adults were treated.", "relapsed/refractory"),
    ("Drug X for adults with acute lymphoblastic leukemia in first salvage", "Most responded.", "first salvage"),
    ("Drug X in acute lymphoblastic leukemia", "Forty children with ALL in first relapse were treated.", "first salvage"),
    ("Drug X in acute lymphoblastic leukemia", "Children with ALL reached a second complete remission in 80%.",
     "first salvage"),
    ("Drug X in acute lymphoblastic leukemia",
     "Patients had primary refractory ALL (n = 10), first relapse (n = 20) or a second or later relapse (n = 5).",
     "relapsed/refractory"),
    ("Drug X in acute lymphoblastic leukemia", "Adults with ALL in first or second salvage were randomized.",
     "relapsed/refractory"),
    ("Drug X in acute lymphoblastic leukemia", "Adults with ALL in second or subsequent relapse were enrolled.",
     "second or later salvage"),
    (R_R_TITLE, "Of the adults with ALL, 30% were in second or later relapse.", "relapsed/refractory"),
    (R_R_TITLE, "The median number of prior regimens was 3 (range, 2-7).", "second or later salvage"),
    (R_R_TITLE, "The median number of prior regimens was 2 (range, 1-7).", "relapsed/refractory"),
    ("Drug X in newly diagnosed adults with ALL", "Five patients relapsed.", "frontline"),
    ("Drug X for adults with ALL", "Adults with newly diagnosed ALL were treated.", "frontline"),
    ("Drug X for MRD-positive acute lymphoblastic leukemia in first or second remission", "Most cleared MRD.",
     "MRD-positive remission"),
    ("Drug X in children with relapsed acute myeloid leukemia", "Unlike ALL, this disease is rare.", "other"),
    ("Drug X for relapsed acute lymphoblastic leukemia and non-Hodgkin lymphoma", "Most responded.",
     "relapsed/refractory"),
    ("Drug X in relapsed acute lymphoblastic leukemia", "Twelve patients relapsed after an initial response.",
     "relapsed/refractory"),
])
def test_classify_setting(nlp, title, body, setting):
    assert _classify(nlp, title, body)["setting"] == setting


@pytest.mark.parametrize("title, body, pts, relevant", [
    (R_R_TITLE, "Forty adults were treated.", (), True),
    ("Drug X in newly diagnosed adults with ALL", "Forty adults were treated.", (), False),
    ("Drug X for MRD-positive acute lymphoblastic leukemia", "Forty adults were treated.", (), False),
    ("Drug X in relapsed acute myeloid leukemia", "Forty adults were treated.", (), False),
    (R_R_TITLE, "New agents have changed the field. This review summarizes their development.", ("Review",), False),
    (R_R_TITLE, "New agents have changed the field and are discussed here.", ("Review",), False),
    (R_R_TITLE, "In this study, forty adults were treated.", ("Review",), True),
])
def test_classify_relevant(nlp, title, body, pts, relevant):
    assert _classify(nlp, title, body, pts=pts)["relevant"] is relevant


@pytest.mark.parametrize("title, body, mesh, age_group", [
    ("Drug X in children with relapsed ALL", "Forty patients were treated.", (), "pediatric"),
    ("Drug X in adults with relapsed ALL", "Forty patients were treated.", (), "adult"),
    (R_R_TITLE, "We treated 21 children and adults with the drug.", (), "mixed"),
    ("Drug X in pediatric relapsed ALL", "Children and young adults up to 25 years were eligible.", (), "mixed"),
    ("Drug X in pediatric relapsed ALL", "The drug works in adults; data in children are scarce.", (), "pediatric"),
    ("Relapse after a pediatric-inspired regimen in ALL", "Forty adults were analysed.", (), "adult"),
    ("Drug X in older adults with relapsed ALL", "Older adults did as well as younger adults.", (), "older adult"),
    (R_R_TITLE, "Older patients had shorter survival than younger patients.", (), "unknown"),
    (R_R_TITLE, "Elderly patients with ALL were treated.", (), "older adult"),
    (R_R_TITLE, "The median age was 45 years.", (), "adult"),
    (R_R_TITLE, "The median age was 9 years.", (), "pediatric"),
    (R_R_TITLE, "Forty patients were treated.", (), "unknown"),
    (R_R_TITLE, "Forty patients were treated.", ("Child", "Humans"), "pediatric"),
    (R_R_TITLE, "Forty patients were treated.", ("Adult", "Child"), "mixed"),
])
def test_classify_age_group(nlp, title, body, mesh, age_group):
    assert _classify(nlp, title, body, mesh=mesh)["population"]["age_group"] == age_group


@pytest.mark.parametrize("title, body, ph_status", [
    ("Drug X in relapsed Philadelphia chromosome-negative ALL", "Forty adults were treated.", "negative"),
    ("Drug X in relapsed Ph+ ALL", "Forty adults were treated.", "positive"),
    (R_R_TITLE, "Adults with BCR-ABL1-positive ALL were treated.", "positive"),
    (R_R_TITLE, "Of the adults, 60 had Ph-negative and 20 had Ph-positive disease.", "any"),
    (R_R_TITLE, "Forty adults were treated; 25% of them were Ph-positive.", "any"),
    (R_R_TITLE, "In the subgroup with Ph-negative ALL, survival was longer.", "any"),
    (R_R_TITLE, "Patients with Ph-positive ALL were excluded.", "negative"),
    (R_R_TITLE, "Adults with Ph-like ALL were treated.", "negative"),  # Ph-like ALL lacks BCR::ABL1
    ("Drug X in relapsed Ph-negative ALL", "Kinase inhibitors changed outcomes of Ph-positive ALL.", "negative"),
    (R_R_TITLE, "Forty adults were treated.", "unknown"),
    # both statuses eligible, the second elided to its suffix or the status waived: the first status's own cue
    # is part of the coordination, not the population's value
    (R_R_TITLE, "We enrolled 52 adults with Ph-positive or -negative B-cell ALL in second relapse.", "any"),
    ("Drug Y for Philadelphia chromosome-negative and -positive ALL", "Thirty adults were treated.", "any"),
    (R_R_TITLE, "Eligible adults were enrolled irrespective of Ph status.", "any"),
])
def test_classify_ph_status(nlp, title, body, ph_status):
    assert _classify(nlp, title, body)["population"]["ph_status"] == ph_status


@pytest.mark.parametrize("title, body, mesh, lineage", [
    ("Drug X in relapsed B-ALL", "Forty adults were treated.", (), "B"),
    (R_R_TITLE, "Adults with B-cell precursor ALL were treated.", (), "B"),
    ("Drug X in relapsed T-cell acute lymphoblastic leukemia", "Forty adults were treated.", (), "T"),
    (R_R_TITLE, "Responses were higher in B-lineage than in T-lineage ALL.", (), "any"),
    (R_R_TITLE, "Among the children (pre-B cell ALL, 70%), most responded.", (), "any"),
    (R_R_TITLE, "CAR T-cell therapy caused B-cell aplasia in most adults.", (), "unknown"),
    (R_R_TITLE, "Patients with mature B-cell ALL were not analysed.", (), "unknown"),
    (R_R_TITLE, "All adults, excluding those with T-ALL, were eligible.", (), "B"),
    (R_R_TITLE, "Forty adults were treated.", ("Precursor T-Cell Lymphoblastic Leukemia-Lymphoma",), "T"),
    (R_R_TITLE, "Forty adults were treated.", (), "unknown"),
])
def test_classify_lineage(nlp, title, body, mesh, lineage):
    assert _classify(nlp, title, body, mesh=mesh)["population"]["lineage"] == lineage


@pytest.mark.parametrize("body, pts, phase", [
    ("In this phase II study, forty adults were treated.", (), "2"),
    ("In this phase I/II study, forty adults were treated.", (), "1/2"),
    ("In this phase 1b–2 study, forty adults were treated.", (), "1/2"),
    ("This phase 1/2 study enrolled adults; the phase 2 part confirmed activity.", (), "1/2"),
    ("The trial is a phase 1/2 study. We report the phase 1 results.", (), "1"),
    ("In this phase 1 study, the recommended phase 2 dose was 40 mg.", (), "1"),
    ("Adults enrolled in two phase 2 studies were analysed together.", (), "pooled"),
    ("Adults of the phase 1/2 study A and the phase 3 study B were analysed.", (), "pooled"),
    ("This retrospective study included forty adults.", (), "retrospective"),
    ("Children were treated under compassionate use.", (), "retrospective"),
    ("In multivariate analysis, age predicted survival.", (), "retrospective"),
    ("In multivariate analysis, age predicted survival.", ("Clinical Trial",), "unknown"),
    ("In this phase 2 study, forty adults responded. A phase 3 trial is warranted.", (), "2"),
    ("Forty adults were treated.", ("Clinical Trial, Phase II",), "2"),
    ("Forty adults were treated.", (), "unknown"),
])
def test_classify_phase(nlp, body, pts, phase):
    assert _classify(nlp, R_R_TITLE, body, pts=pts)["design"]["phase"] == phase


@pytest.mark.parametrize("body, pts, randomized", [
    ("Adults were randomly assigned to drug X or chemotherapy.", (), True),
    ("Children were randomised 1:1 to two schedules.", (), True),
    ("The response rate was 50%; a randomized trial will be needed.", (), False),
    ("This was a non-randomized study of forty adults.", (), False),
    ("In this phase 3 trial, drug X was compared with chemotherapy.", (), True),
    ("This single-arm phase 3 study treated forty adults.", (), False),
    ("Forty adults were treated.", ("Randomized Controlled Trial",), True),
    ("Forty adults were treated.", (), False),
])
def test_classify_randomized(nlp, body, pts, randomized):
    assert _classify(nlp, R_R_TITLE, body, pts=pts)["design"]["randomized"] is randomized
