"""Recurring ways abstracts define a composite response (CR plus CRi, CRh or CRp), written in our own words, run
end to end (tenth round): three parts in one list ("CR + CRh + CRi", "CR, CRh and CRi"), "CR and CRi" inside the
bracket that defines a remission rate, a response defined by the bracket after it and named again in a later
sentence that goes on past the defined words ("Responses (CR/CRi) were ... Responses were higher in ..."), the verb
("responded") of a defined response, a composite named by its bracket ("CR or CRi (overall response)"), the
abbreviation a definition restates ("Overall remission rate (ORR), defined as ..."), and a bare definition by
"included" or "comprised". SCHEMA: an overall response defined in the text as CR + CRi is CR_CRi. The negative
cases pin what must stay as it is: "CR and CRi" outside a bracket lists two endpoints, a response whose parts
include a partial response stays ORR, and "Responses included CR in 10 (40%)" lists results, not a definition.
"""
from __future__ import annotations

import pytest

from phrasing_cases import outcome_triples as _outcomes, run_text as _run


@pytest.mark.parametrize("text, triples", [
    # three parts in one composite
    ("Composite complete remission (CR + CRh + CRi) was 71%.", [("all", "CR_CRi", 71.0)]),
    ("The rate of composite complete remission (CR + CRh + CRi) was 71%.", [("all", "CR_CRi", 71.0)]),
    ("Responses (CR + CRi + CRp) occurred in 61%.", [("all", "CR_CRi", 61.0)]),
    ("Remission (CR, CRh, and CRi) was achieved by 22 patients (73%).", [("all", "CR_CRi", 73.0)]),
    # "and" joins a composite's parts only inside its defining bracket
    ("The complete remission rate (CR and CRi) was 65%.", [("all", "CR_CRi", 65.0)]),
    ("The CR rate (CR and CRh) was 48% after two cycles.", [("all", "CR_CRi", 48.0)]),
    ("The CR and CRi rates were 40% and 20%, respectively.", [("all", "CR", 40.0)]),
    # a defined response named again, past the defined words, or by its verb
    ("Responses (CR/CRi) were seen in 24 of 30 patients (80%). Responses were higher in first salvage (90%) than "
     "in later salvage (60%).",
     [("all", "CR_CRi", 80.0), ("first salvage", "CR_CRi", 90.0), ("later salvage", "CR_CRi", 60.0)]),
    ("The remission rate (CR + CRi) was 70%. Remissions were achieved in 80% of children and 60% of adults.",
     [("adults", "CR_CRi", 60.0), ("all", "CR_CRi", 70.0), ("children", "CR_CRi", 80.0)]),
    ("Response was defined as CR or CRh. Thirty patients (60%) responded, including 20 (40%) with CR.",
     [("all", "CR", 40.0), ("all", "CR_CRi", 60.0)]),
    ("Overall response (CR + CRi) was the primary end point. Twenty-four patients (80%) responded.",
     [("all", "CR_CRi", 80.0)]),
    # a composite named by its bracket; a definition's restated abbreviation
    ("The primary end point was the proportion of patients achieving CR or CRi (overall response). Overall response "
     "was 75%.", [("all", "CR_CRi", 75.0)]),
    ("Overall remission rate (ORR), defined as CR or CRi, was the primary endpoint. The ORR at 3 months was 81%.",
     [("all", "CR_CRi", 81.0)]),
    # bare definitions by "included", "comprised", "consisted of", and "defined as" after "Overall"
    ("Overall response included CR, CRh and CRi. The overall response rate was 62%.", [("all", "CR_CRi", 62.0)]),
    ("The overall response comprised CR and CRi. Overall, 40 patients (80%) responded.", [("all", "CR_CRi", 80.0)]),
    ("Responses consisted of CR and CRh. The response rate was 55%.", [("all", "CR_CRi", 55.0)]),
    ("Overall response was defined as CR or CRi. The overall response rate was 62%.", [("all", "CR_CRi", 62.0)]),
    # what stays as written
    ("Overall response included CR, CRi and PR. The overall response rate was 62%.", [("all", "ORR", 62.0)]),
    ("Responses included CR in 10 patients (40%) and CRi in 5 (20%).", [("all", "CR", 40.0)]),
    ("Forty patients (80%) responded.", [("all", "ORR", 80.0)]),
])
def test_composite_response_definitions(nlp, text, triples):
    assert _outcomes(_run(nlp, text)) == triples
