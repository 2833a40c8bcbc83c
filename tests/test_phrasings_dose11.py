"""Doses of CAR T products named by their target antigen (CD7, CD5, dual CD19/CD22), in our own words, run end to
end."""
from __future__ import annotations

import pytest

from phrasing_cases import run_text as _run


def _doses(record: dict) -> list[tuple]:
    return [(d["drug"], d["dose"], d["unit"]) for d in record["doses"]]


CD7 = "cd7-car t cells"
CD5 = "cd5-car t cells"
CD19 = "cd19-car t cells"
CD22 = "cd22-car t cells"
DUAL = "cd19/cd22-car t cells"


@pytest.mark.parametrize("text, doses", [
    ("CD7 CAR T cells were infused at 1 × 10^6 cells/kg.", [(CD7, 1000000, "cells/kg")]),
    ("Anti-CD7 CAR T cells were infused at 5 × 10^5 cells/kg in patients with T-ALL.", [(CD7, 500000, "cells/kg")]),
    ("Patients with T-ALL received donor-derived CD7 CAR-T cells at 1 × 10^6 cells/kg.", [(CD7, 1000000, "cells/kg")]),
    ("Patients were infused with 1 × 10^6 CD7 CAR T cells/kg.", [(CD7, 1000000, "cells/kg")]),
    ("CD5 CAR T cells were administered at 1 × 10^7 cells/kg.", [(CD5, 10000000, "cells/kg")]),
    # a dual product is no CD22 product, whatever its modifier
    ("CD19/CD22 CAR T cells were infused at 1 × 10^6 cells/kg.", [(DUAL, 1000000, "cells/kg")]),
    ("Bispecific CD19/CD22 CAR T cells were infused at 3 × 10^6 cells/kg.", [(DUAL, 3000000, "cells/kg")]),
    ("CD19/CD22 dual-targeted CAR T cells were given at 2 × 10^6 cells/kg.", [(DUAL, 2000000, "cells/kg")]),
    ("CD19/22 CAR-T cells were given at 1, 3 or 5 × 10^6 cells/kg.",
     [(DUAL, 1000000, "cells/kg"), (DUAL, 3000000, "cells/kg"), (DUAL, 5000000, "cells/kg")]),
    ("Humanized CD19 CAR T cells were infused at 1 × 10^6 cells/kg.", [(CD19, 1000000, "cells/kg")]),
    # the product as an earlier therapy, or lymphodepletion before it: no cell dose of its own
    ("Patients relapsing after CD7 CAR T cells received 40 mg/m2 of clofarabine.", [("clofarabine", 40, "mg/m2")]),
    ("CD7 CAR T cells produced a CR rate of 90% in T-ALL.", []),
])
def test_phrasings_antigen_named_products(nlp, text, doses):
    assert _doses(_run(nlp, text)) == doses
