"""Recurring designs of multi-arm studies (tenth round: a background section's trial, dose levels named before their
dose brackets, donor-type comparisons, external controls, matched groups, treated groups compared, sizes listed
"respectively", group codes with their regimens, "comparison of A and B", n brackets written other ways, leukemia
and lymphoma cohorts), written in our own words as whole abstracts (title and labelled sections), run end to end.

Each case is a way arms are commonly written that an earlier version got wrong (or, for the negatives, a way they
could be wrongly read); the figures restate published studies' kinds of results.
"""
from __future__ import annotations

import pytest

from extractor.extraction import extract_article
from extractor.models import AbstractSection, Article


def _run(nlp, title: str, *sections: tuple[str | None, str]) -> dict:
    parts = tuple(AbstractSection(label=label, nlm_category=label, text=text) for label, text in sections)
    return extract_article(Article(pmid="1", title=title, sections=parts), nlp)


ANY_N = "any"  # the cohort's size is read by scalars.py, not pinned here


def _arms(record: dict, expected: list[tuple]) -> list[tuple]:
    return [(a["label"], ANY_N if n == ANY_N else a["n"]) for a, (_, n) in zip(record["arms"], expected)] \
        + [(a["label"], a["n"]) for a in record["arms"][len(expected):]]


def _outcomes(record: dict) -> list[tuple]:
    return sorted((o["arm"], o["endpoint"], o["value"]) for o in record["outcomes"])


@pytest.mark.parametrize("title, sections, arms, outcomes", [
    # another trial's arms in the background add no arm; the study's own drugs are its cohort's
    ("Blinatumomab in adults with relapsed ALL: a real-world series",
     [("BACKGROUND", "In the TOWER trial, blinatumomab (n = 271) was compared with chemotherapy (n = 134)."),
      ("METHODS", "We treated 40 patients with blinatumomab in a real-world setting."),
      ("RESULTS", "CR was 45%.")],
     [("all", 40)], [("all", "CR", 45.0)]),
    ("Outcomes after relapse of acute lymphoblastic leukemia",
     [("INTRODUCTION", "Ponatinib (n = 164) was compared with imatinib (n = 81) in a randomized trial."),
      ("METHODS", "Thirty adults received ponatinib with blinatumomab."),
      ("RESULTS", "The CMR rate was 83%.")],
     [("all", 30)], [("all", "MRD_NEG", 83.0)]),
    ("Ponatinib and blinatumomab in Ph-positive ALL",
     [(None, "Previously, a randomized trial assigned patients to ponatinib (n = 164) or imatinib (n = 81). We now "
             "report 30 patients treated with ponatinib and blinatumomab. CR was 90%.")],
     [("all", ANY_N)], [("all", "CR", 90.0)]),
    # a background sentence of the study itself ("We compared ...") still defines its arms
    ("Blinatumomab consolidation in adults with ALL",
     [("BACKGROUND", "We compared blinatumomab (n = 40) with chemotherapy (n = 38) as consolidation."),
      ("RESULTS", "The 3-year OS was 85% vs 68%.")],
     [("blinatumomab", 40), ("chemotherapy", 38)], [("blinatumomab", "OS_RATE", 85.0), ("chemotherapy", "OS_RATE", 68.0)]),
    # dose levels named before their brackets, each bracket opening with the level's dose
    ("CD19 CAR T cells in a phase 1 dose-escalation trial",
     [("METHODS", "Patients received CD19 CAR T cells at dose level 1 (1 × 10^6/kg, n = 6), dose level 2 (3 × 10^6/kg, "
                  "n = 9) or dose level 3 (1 × 10^7/kg, n = 12)."),
      ("RESULTS", "CR was 50% at dose level 1, 67% at dose level 2 and 83% at dose level 3.")],
     [("dose level 1", 6), ("dose level 2", 9), ("dose level 3", 12)],
     [("dose level 1", "CR", 50.0), ("dose level 2", "CR", 67.0), ("dose level 3", "CR", 83.0)]),
    ("A phase 1 study of inotuzumab in children",
     [("METHODS", "Inotuzumab was escalated over three dose levels: DL1 (0.8 mg/m2, n = 3), DL2 (1.2 mg/m2, n = 6), "
                  "DL3 (1.8 mg/m2, n = 6).")],
     [("DL1", 3), ("DL2", 6), ("DL3", 6)], []),
    ("Anti-CD22 CAR T cells in relapsed ALL",
     [("METHODS", "Twelve patients received DL1 (1 × 10^6 CAR T cells/kg; n = 4) and DL2 (3 × 10^6 CAR T cells/kg; "
                  "n = 8).")],
     [("DL1", 4), ("DL2", 8)], []),
    # donor types compared, in a study whose title names donors and no drug
    ("Haploidentical versus matched unrelated donor transplantation for adults with ALL",
     [("METHODS", "We compared haploidentical (n = 80) with matched unrelated donor (n = 120) transplantation."),
      ("RESULTS", "The 2-year OS was 60% after haploidentical and 58% after matched unrelated donor transplantation.")],
     [("haploidentical", 80), ("matched unrelated donor", 120)],
     [("haploidentical", "OS_RATE", 60.0), ("matched unrelated donor", "OS_RATE", 58.0)]),
    ("Allogeneic transplantation from haploidentical or sibling donors in ALL",
     [("METHODS", "A total of 210 adults underwent allogeneic HSCT from a haploidentical donor (n = 90) or a matched "
                  "sibling donor (n = 120).")],
     [("haploidentical donor", 90), ("matched sibling donor", 120)], []),
    ("Cord blood or unrelated donor grafts in acute lymphoblastic leukemia",
     [("METHODS", "Outcomes after umbilical cord blood (n = 52) and matched unrelated donor (n = 140) transplants were "
                  "compared.")],
     [("umbilical cord blood", 52), ("matched unrelated donor", 140)], []),
    # an external control beside a single-arm study's cohort, with its size; a historical cohort's size
    ("Blinatumomab in a single-arm study with an external control",
     [("METHODS", "Forty-two adults received blinatumomab. Outcomes were compared with a weighted external control of "
                  "180 patients receiving standard chemotherapy."),
      ("RESULTS", "The CR/CRh rate was 43% with blinatumomab and 24% in the external control.")],
     [("all", 42), ("external controls", 180)], [("all", "CR_CRi", 43.0), ("external controls", "CR_CRi", 24.0)]),
    ("Tisagenlecleucel compared with a historical cohort in relapsed ALL",
     [("METHODS", "Outcomes of 45 patients treated with tisagenlecleucel were compared with a historical cohort of 60 "
                  "patients treated with FLAG-Ida.")],
     [("all", 45), ("historical controls", 60)], []),
    # matched groups: "were matched with", "were matched 1:1 with"
    ("CAR T cells versus inotuzumab in relapsed ALL: a matched comparison",
     [("METHODS", "Patients treated with CAR T cells (n = 58) were matched with those treated with inotuzumab "
                  "ozogamicin (n = 58) by propensity score.")],
     [("CAR T cells", 58), ("inotuzumab ozogamicin", 58)], []),
    ("Tisagenlecleucel compared with chemotherapy in a matched analysis",
     [("METHODS", "Forty patients who received tisagenlecleucel were matched 1:1 with 40 patients who received "
                  "chemotherapy."),
      ("RESULTS", "OS at 1 year was 70% vs 40%.")],
     [("tisagenlecleucel", 40), ("chemotherapy", 40)],
     [("chemotherapy", "OS_RATE", 40.0), ("tisagenlecleucel", "OS_RATE", 70.0)]),
    # two treated groups compared without sizes
    ("Hyper-CVAD or a pediatric-inspired regimen in young adults with ALL",
     [("METHODS", "We compared patients treated with hyper-CVAD and those treated with a pediatric-inspired regimen."),
      ("RESULTS", "The 5-year OS was 40% and 58%.")],
     [("hyper-CVAD", None), ("pediatric inspired regimen", None)],
     [("hyper-CVAD", "OS_RATE", 40.0), ("pediatric inspired regimen", "OS_RATE", 58.0)]),
    # the sizes of the randomized arms, "respectively"
    ("Blinatumomab or chemotherapy for relapsed ALL",
     [("METHODS", "Adults were randomized in a 2:1 ratio to blinatumomab or standard-of-care chemotherapy; 271 and 134 "
                  "patients, respectively.")],
     [("blinatumomab", 271), ("standard of care chemotherapy", 134)], []),
    # group codes, each opening a bracket with its regimen and n
    ("Rituximab added to hyper-CVAD in CD20-positive ALL",
     [("METHODS", "Patients were randomized to group A (hyper-CVAD, n = 50) or group B (hyper-CVAD plus rituximab, "
                  "n = 52)."),
      ("RESULTS", "CR was 88% in group A and 92% in group B.")],
     [("group A", 50), ("group B", 52)], [("group A", "CR", 88.0), ("group B", "CR", 92.0)]),
    # sized cohorts a treatment was given to
    ("Brexucabtagene autoleucel in children and adults",
     [("METHODS", "Brexucabtagene autoleucel was given to a pediatric cohort (n = 20) and an adult cohort (n = 55).")],
     [("pediatric", 20), ("adult", 55)], []),
    # cohorts a trial "enrolled": the verb is no part of their names
    ("Blinatumomab in Ph-negative and Ph-positive ALL",
     [("METHODS", "The trial enrolled a Ph-negative cohort (n = 64) and a Ph-positive cohort (n = 45), all receiving "
                  "blinatumomab.")],
     [("Ph-negative", 64), ("Ph-positive", 45)], []),
    # two treatments compared, joined by "and"; "compared with" is no part of the first arm's name
    ("Comparison of blinatumomab and inotuzumab ozogamicin as salvage therapy for relapsed B-ALL",
     [("METHODS", "We retrospectively analysed adults treated at five centers."),
      ("RESULTS", "The CR rate was 52% with blinatumomab and 78% with inotuzumab ozogamicin.")],
     [("blinatumomab", None), ("inotuzumab ozogamicin", None)],
     [("blinatumomab", "CR", 52.0), ("inotuzumab ozogamicin", "CR", 78.0)]),
    ("A comparison of FLAG-Ida and hyper-CVAD as salvage for adults with relapsed ALL",
     [("RESULTS", "CR was 60% and 45%.")], [("FLAG-IDA", None), ("hyper-CVAD", None)], []),
    ("Outcomes of CAR T-cell therapy compared with inotuzumab ozogamicin in relapsed ALL",
     [("RESULTS", "The 1-year OS was 65% after CAR T and 40% after inotuzumab.")],
     [("CAR T cell therapy", None), ("inotuzumab ozogamicin", None)], []),
    # n brackets written other ways: with the patients' noun, a colon, "cases", the arm's share
    ("Blinatumomab or inotuzumab ozogamicin as first salvage",
     [("METHODS", "Patients were treated with blinatumomab (n = 40 patients) or inotuzumab ozogamicin (n = 38 "
                  "patients).")],
     [("blinatumomab", 40), ("inotuzumab ozogamicin", 38)], []),
    ("Blinatumomab or inotuzumab ozogamicin as first salvage",
     [("METHODS", "Patients were treated with blinatumomab (n: 40) or inotuzumab ozogamicin (n: 38).")],
     [("blinatumomab", 40), ("inotuzumab ozogamicin", 38)], []),
    ("Blinatumomab or inotuzumab ozogamicin as first salvage",
     [("METHODS", "Patients were treated with blinatumomab (40 cases) or inotuzumab ozogamicin (38 cases).")],
     [("blinatumomab", 40), ("inotuzumab ozogamicin", 38)], []),
    ("Blinatumomab or inotuzumab ozogamicin as first salvage",
     [("METHODS", "Patients were treated with blinatumomab (n = 40, 51%) or inotuzumab ozogamicin (n = 38, 49%).")],
     [("blinatumomab", 40), ("inotuzumab ozogamicin", 38)], []),
    # a title's comparison, then how the groups were matched
    ("Blinatumomab versus inotuzumab after propensity matching in relapsed ALL",
     [("RESULTS", "CR/CRi was 55% with blinatumomab and 75% with inotuzumab.")],
     [("blinatumomab", None), ("inotuzumab ozogamicin", None)],
     [("blinatumomab", "CR_CRi", 55.0), ("inotuzumab ozogamicin", "CR_CRi", 75.0)]),
    # leukemia and lymphoma cohorts of one treatment, each with its n
    ("CD19 CAR T cells in B-cell malignancies",
     [("METHODS", "We treated patients with B-ALL (n = 53) or B-NHL (n = 20) with CD19 CAR T cells."),
      ("RESULTS", "CR was 83% in B-ALL and 50% in B-NHL.")],
     [("B-ALL", 53), ("B-NHL", 20)], [("B-ALL", "CR", 83.0), ("B-NHL", "CR", 50.0)]),
])
def test_marm16_arms(nlp, title, sections, arms, outcomes):
    record = _run(nlp, title, *sections)
    assert _arms(record, arms) == arms
    if outcomes:
        assert _outcomes(record) == outcomes


@pytest.mark.parametrize("title, sections", [
    # the donors of a drug study's transplanted patients are a subgroup
    ("Blinatumomab as a bridge to transplant in relapsed ALL",
     [("METHODS", "Forty adults received blinatumomab. Of them, 25 proceeded to HSCT from a matched sibling donor "
                  "(n = 10) or a haploidentical donor (n = 15).")]),
    ("Inotuzumab ozogamicin followed by allogeneic transplantation",
     [("METHODS", "Sixty patients were treated with inotuzumab ozogamicin; transplants were from matched unrelated "
                  "(n = 20) versus haploidentical donors (n = 12).")]),
    # a background without a size, and subgroups by status or line, keep one arm
    ("Inotuzumab ozogamicin outside clinical trials",
     [("BACKGROUND", "A randomized trial showed superior survival for inotuzumab versus standard chemotherapy."),
      ("METHODS", "We report 35 patients treated with inotuzumab ozogamicin off-trial.")]),
    ("Ponatinib and blinatumomab in Ph-positive and Ph-like ALL",
     [("METHODS", "A total of 70 patients received ponatinib and blinatumomab: Ph-positive (n = 50) and Ph-like "
                  "(n = 20).")]),
    # group codes of subgroups: without a regimen in their brackets
    ("Blinatumomab for MRD and for relapse",
     [("METHODS", "All 45 patients received blinatumomab at 28 µg/day; group A had MRD-positive disease and group B "
                  "had overt relapse.")]),
    ("Inotuzumab ozogamicin by line of salvage",
     [("METHODS", "Sixty patients received inotuzumab ozogamicin. Patients were divided into group 1 (first relapse, "
                  "n = 30) and group 2 (second relapse, n = 30).")]),
    # one regimen's drugs after "efficacy and safety of"
    ("Efficacy and safety of inotuzumab ozogamicin and mini-hyper-CVD in older adults",
     [("METHODS", "Forty patients received inotuzumab ozogamicin and mini-hyper-CVD.")]),
    # two leukemias of one treatment are subgroups
    ("Inotuzumab ozogamicin in relapsed ALL",
     [("METHODS", "Patients with Ph-positive ALL (n = 20) or Ph-negative ALL (n = 40) were treated with inotuzumab "
                  "ozogamicin.")]),
    ("Chemotherapy for relapsed childhood leukemia",
     [("METHODS", "We treated children with relapsed B-ALL (n = 20) or T-ALL (n = 10) with chemotherapy.")]),
    # one drug's groups compared by line of salvage
    ("Blinatumomab in first and later salvage",
     [("METHODS", "Forty adults received blinatumomab. We compared patients treated with blinatumomab in first salvage "
                  "and those treated with blinatumomab in second salvage.")]),
    # dose levels without a dose in their brackets, or counted in a sentence, are no arms
    ("A dose-escalation study of CAR T cells",
     [("METHODS", "Twenty patients were enrolled, including 6 at dose level 1 and 14 at dose level 2.")]),
    ("A dose-escalation study of CAR T cells",
     [("METHODS", "Patients at dose level 1 (n = 6) or with prior transplant (n = 9) were analysed.")]),
])
def test_marm16_one_arm(nlp, title, sections):
    assert [a["label"] for a in _run(nlp, title, *sections)["arms"]] == ["all"]
