"""Doses of the twelfth phrasing round, in our own words, run end to end: a sentence whose subject is a dose ("The
MTD was 1.8 mg/m2 per cycle", "Patients received 0.8 mg/m2 on day 1") takes the drug of the last sentence naming one,
however far back, the title too, not only the sentence right before."""
from __future__ import annotations

import pytest

from phrasing_cases import run_text as _run


def _doses(record: dict) -> list[tuple]:
    return [(d["drug"], d["dose"], d.get("dose_max"), d["unit"]) for d in record["doses"]]


INO = "inotuzumab ozogamicin"
BLIN = "blinatumomab"


@pytest.mark.parametrize("text, title, doses", [
    ("Adults with relapsed ALL received inotuzumab ozogamicin. Forty patients were enrolled. The starting dose was 1.8"
     " mg/m2 per cycle.", None, [(INO, 1.8, None, "mg/m2")]),
    ("Inotuzumab ozogamicin was given every 3-4 weeks. Patients in CR could proceed to HSCT. The dose was 1.8 mg/m2"
     " per cycle.", None, [(INO, 1.8, None, "mg/m2")]),
    ("We enrolled 40 patients. The MTD was 1.8 mg/m2 per cycle.", "A phase 1 study of inotuzumab ozogamicin in relapsed"
     " ALL", [(INO, 1.8, None, "mg/m2")]),
    ("Forty-five children were enrolled. Patients received 5 µg/m2/day for 7 days followed by 15 µg/m2/day.",
     "Blinatumomab in children with relapsed ALL", [(BLIN, 5, None, "µg/m2"), (BLIN, 15, None, "µg/m2")]),
    # the last sentence naming a drug decides: two drugs there, or a backbone alone, give none
    ("Patients received blinatumomab and ponatinib. Forty patients were enrolled. The dose was 28 µg/day.", None, []),
    ("Thirty patients were enrolled. The dose was 28 µg/day.", "Blinatumomab and ponatinib in Ph-positive ALL", []),
    ("Patients received CD19 and CD22 CAR T cells. Twenty were enrolled. The dose was 1 × 10^6 cells/kg.", None, []),
    # a dose named with its own drug is untouched
    ("Patients received blinatumomab. Forty patients were enrolled. Dexamethasone 20 mg was given.", None,
     [("dexamethasone", 20, None, "mg")]),
])
def test_phrasings_dose_subject_takes_the_last_drug_named(nlp, text, title, doses):
    record = _run(nlp, text, title=title) if title else _run(nlp, text)
    assert _doses(record) == doses
