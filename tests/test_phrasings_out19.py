"""Recurring phrasings of response and transplant outcomes, written in our own words, run end to end (twelfth round):
a bare response defined in a sentence of its own whose definition carries the parts' abbreviations in brackets
("Overall remission was defined as complete remission (CR) or CR with incomplete hematologic recovery (CRi).") or
names the rate ("Overall response rate included CR and CRi."), a remission so defined and then "achieved"; a CR and
its CRi part each with its own count bracket ("achieved CR (n = 20) or CRi (n = 10)"); a response named by the
composite it was ("responded with CR or CRi", "all CR or CRi"); a breakdown whose first item is the CR followed by a
comma ("(CR, 50%; CRi, 25%)"); the plural "ORRs"; "A total of 12 patients underwent HSCT" as a count; haploidentical
transplants.

Each case is a way results are commonly written that an earlier version got wrong (a missed value, or a wrong
endpoint); the negative cases pin what a fix must not reach.
"""
from __future__ import annotations

import pytest

from phrasing_cases import run_text as _run, outcome_values as _values

COHORT = "Forty patients were enrolled. "


@pytest.mark.parametrize("text, values", [
    # a bare definition whose parts carry their abbreviations
    ("Overall remission was defined as complete remission (CR) or CR with incomplete hematologic recovery (CRi). "
     "The overall remission rate was 75%.", [("CR_CRi", 75.0)]),
    ("Response was defined as complete remission (CR) or CR with incomplete count recovery (CRi). Thirty patients "
     "(75%) responded.", [("CR_CRi", 75.0)]),
    # ... naming the rate
    ("Overall response rate included CR and CRi. Overall response rate was 75%.", [("CR_CRi", 75.0)]),
    ("The overall remission rate was defined as CR or CRi. The overall remission rate was 75%.", [("CR_CRi", 75.0)]),
    # a remission so defined, then achieved
    ("Remission was defined as CR or CRi. Thirty patients (75%) achieved remission.", [("CR_CRi", 75.0)]),
    # negatives: an undefined remission, or one whose definition holds a partial response, stays ORR
    ("Thirty patients (75%) achieved remission.", [("ORR", 75.0)]),
    ("Remission was defined as CR, CRi or PR. Thirty patients (75%) achieved remission.", [("ORR", 75.0)]),
])
def test_bare_definition(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    # a CR and its part, each with its count bracket: the value before them is the composite's
    ("Thirty (75%) achieved CR (n = 20) or CRi (n = 10).", [("CR_CRi", 75.0)]),
    ("Thirty patients (75%) achieved a complete remission (CR, n = 20) or CR with incomplete count recovery "
     "(CRi, n = 10).", [("CR_CRi", 75.0)]),
    # a response named by the composite it was
    ("Overall, 75% of patients responded with CR or CRi.", [("CR_CRi", 75.0)]),
    ("Thirty patients responded with CR or CRi (75%).", [("CR_CRi", 75.0)]),
    ("Thirty patients (75%) had a response of CR or CRi.", [("CR_CRi", 75.0)]),
    ("The ORR was 60% (12 of 20), all CR or CRi.", [("CR_CRi", 60.0)]),
    ("The ORR was 60%; all responses were CR or CRi.", [("CR_CRi", 60.0)]),
    # negatives: a breakdown with a partial response, or the composite as a part of the ORR
    ("The ORR was 80% (CR/CRi 75%, PR 5%).", [("CR_CRi", 75.0), ("ORR", 80.0)]),
    ("The ORR was 80%, with 75% CR/CRi and 5% PR.", [("CR_CRi", 75.0), ("ORR", 80.0)]),
    # a breakdown whose CR item is followed by a comma: the CR keeps its own value
    ("The overall response rate was 75% (CR, 50%; CRi, 25%).", [("CR", 50.0), ("CR_CRi", 75.0)]),
    ("The overall response rate was 75% (CR: 50%; CRi: 25%).", [("CR", 50.0), ("CR_CRi", 75.0)]),
    # the plural abbreviation
    ("ORRs were 80% and 60% in children and adults, respectively.", [("ORR", 60.0), ("ORR", 80.0)]),
])
def test_composite_named_by_parts(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    # a sentence opening with "A total of" counts its patients: the count is the transplant's
    ("A total of 12 patients underwent allogeneic HSCT.", [("HSCT", 30.0)]),
    ("A total of 12 patients were transplanted.", [("HSCT", 30.0)]),
    ("A total of 30 patients achieved CR.", [("CR", 75.0)]),
    # (the count of such a sentence's later clause is still the endpoint's)
    ("A total of 40 patients were treated, and 30 (75%) achieved CR.", [("CR", 75.0)]),
    # haploidentical transplants are allogeneic
    ("Twelve patients (30%) underwent haploidentical HSCT.", [("HSCT", 30.0)]),
    ("Twelve patients (30%) received a haploidentical transplant.", [("HSCT", 30.0)]),
    ("Twelve patients (30%) proceeded to haplo-HSCT.", [("HSCT", 30.0)]),
    # negatives: "of 12" elsewhere is still a denominator
    ("VOD occurred in 4 of 12 transplanted patients.", [("VOD", 33.3)]),
])
def test_transplant_counts(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    # a bare transplant as an item of a list of endpoints before their values
    ("Rates of CR, MRD negativity and HSCT were 80%, 60% and 40%, respectively.",
     [("CR", 80.0), ("HSCT", 40.0), ("MRD_NEG", 60.0)]),
    ("Rates of MRD negativity and subsequent HSCT were 60% and 40%.", [("HSCT", 40.0), ("MRD_NEG", 60.0)]),
    ("The CR, HSCT and 30-day mortality rates were 80%, 40% and 5%, respectively.",
     [("CR", 80.0), ("EARLY_DEATH", 5.0), ("HSCT", 40.0)]),
    ("Efficacy outcomes included CR/CRi (80%), MRD negativity (60%) and HSCT (40%).",
     [("CR_CRi", 80.0), ("HSCT", 40.0), ("MRD_NEG", 60.0)]),
    ("The CR/CRi rate was 80% (32/40), MRD negativity 60% (24/40) and HSCT 40% (16/40).",
     [("CR_CRi", 80.0), ("HSCT", 40.0), ("MRD_NEG", 60.0)]),
    # negatives: a transplant joined to no endpoint before it, or after a qualifier, is no rate
    ("Prior therapies included blinatumomab (20%), inotuzumab (30%) and HSCT (40%).", []),
    ("Twelve patients had relapsed after chemotherapy and HSCT (30%).", []),
    ("The 2-year OS after CR, HSCT, and DLI was 60%.", [("OS_RATE", 60.0)]),
    # a list item's own "rate" word before the last item's time point
    ("The CR rate, MRD negativity rate and 1-year OS were 80%, 60% and 55%, respectively.",
     [("CR", 80.0), ("MRD_NEG", 60.0), ("OS_RATE", 55.0)]),
    ("The CR rate, MRD negativity rate and 1-year OS were 80%, 60% and 55%.",
     [("CR", 80.0), ("MRD_NEG", 60.0), ("OS_RATE", 55.0)]),
    # the next endpoint's own severity word in a list
    ("Severe CRS (grade ≥3) and severe ICANS occurred in 15% and 10% of patients.", [("CRS", 15.0), ("NEURO", 10.0)]),
    # "could proceed"
    ("Twelve patients could proceed to allogeneic HSCT.", [("HSCT", 30.0)]),
    ("Thirty percent of patients could proceed to allogeneic HSCT.", [("HSCT", 30.0)]),
    ("Twelve patients (30%) could not proceed to HSCT.", []),
])
def test_listed_endpoints(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


def test_could_proceed_names_no_group(nlp):
    record = _run(nlp, COHORT + "Thirty percent of patients could proceed to allogeneic HSCT.")
    assert [o["arm"] for o in record["outcomes"]] == ["all"]


@pytest.mark.parametrize("text, values", [
    # a share of 95% in brackets is a value, not a CI's label
    ("Thirty-eight patients (95%) achieved CR.", [("CR", 95.0)]),
    ("Thirty-eight patients (95%; 95% CI, 83-99) achieved CR.", [("CR", 95.0)]),
    ("Among the 20 patients with morphologic disease, 19 (95%) achieved CR/CRi.", [("CR_CRi", 95.0)]),
    # ... while a labelled CI stays a CI
    ("The CR rate was 80% (95% CI, 64-91).", [("CR", 80.0)]),
    ("The CR rate was 80% (95%CI 64-91).", [("CR", 80.0)]),
    ("The CR rate was 80% (95% confidence interval, 64 to 91).", [("CR", 80.0)]),
])
def test_share_of_95_percent(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    # a count with no noun after its event's "in", opened by an occurrence verb, a high grade or a severity word
    ("Severe CRS occurred in 8.", [("CRS", 20.0)]),
    ("Twenty-two patients had CRS; severe CRS occurred in 8.", [("CRS", 20.0), ("CRS", 55.0)]),
    ("Twenty-two patients had CRS, which was severe in 8.", [("CRS", 20.0), ("CRS", 55.0)]),
    ("Neurotoxicity developed in 13 patients, grade 3 or higher in 4.", [("NEURO", 10.0), ("NEURO", 32.5)]),
    ("Neurotoxicity occurred in 13 patients, grade 3 in 4.", [("NEURO", 10.0), ("NEURO", 32.5)]),
    ("CRS occurred in 22 patients (grade 3 or higher in 8).", [("CRS", 20.0), ("CRS", 55.0)]),
    ("CRS occurred in 20 patients, grade ≥3 in 6.", [("CRS", 15.0), ("CRS", 50.0)]),
    ("Grade 3 or higher CRS occurred in 8 patients and grade 3 or higher neurotoxicity in 4.",
     [("CRS", 20.0), ("NEURO", 10.0)]),
    ("HSCT was performed in 12.", [("HSCT", 30.0)]),
    ("CRS occurred in 16, and was grade 3-4 in 5.", [("CRS", 12.5), ("CRS", 40.0)]),
    ("Neurological events occurred in 9 (22.5%), including grade 3 in 3.", [("NEURO", 7.5), ("NEURO", 22.5)]),
    # "of any grade" before the occurrence verb
    ("CRS of any grade occurred in 11 patients; two had grade 3 CRS.", [("CRS", 5.0), ("CRS", 27.5)]),
    # negatives: low grades of a breakdown, a fatal outcome, another clause's subject, a breakdown's parts
    ("CRS occurred in 20 patients (grade 1 in 12, grade 2 in 6).", [("CRS", 50.0)]),
    ("Four patients (10%) had VOD, which was fatal in one.", [("VOD", 10.0)]),
    ("Neurotoxicity was observed in 13 patients, and seizures occurred in 2.", [("NEURO", 32.5)]),
    ("CRS occurred in 20 patients; tocilizumab was given in 10.", [("CRS", 50.0)]),
    ("CR was observed in 20 patients, with CRi in 8.", [("CR", 50.0)]),
])
def test_bare_count_after_in(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    # a count, its verb and a severity before the endpoint
    ("Eight patients developed severe CRS.", [("CRS", 20.0)]),
    ("Eight patients developed severe CRS and four developed severe neurotoxicity.", [("CRS", 20.0), ("NEURO", 10.0)]),
    ("Eight patients had grade 3 or higher CRS.", [("CRS", 20.0)]),
    ("Four patients were diagnosed with VOD.", [("VOD", 10.0)]),
    # negative: an unscored event named between the verb and the endpoint keeps the count
    ("Eight patients developed severe neutropenia.", []),
])
def test_count_verb_severity(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


def _triples(record: dict) -> list[tuple]:
    return sorted((o["endpoint"], o["value"], o["arm"], o.get("denominator")) for o in record["outcomes"])


@pytest.mark.parametrize("text, triples", [
    # a count of responders whose MRD the clause states: the count of the clause before is its denominator
    ("Fourteen achieved CR, 12 of whom were MRD negative.",
     [("CR", 35.0, "all", 40), ("MRD_NEG", 85.7, "all", 14.0)]),
    ("Thirty patients achieved CR/CRi; 24 of them were MRD-negative.",
     [("CR_CRi", 75.0, "all", 40), ("MRD_NEG", 80.0, "all", 30.0)]),
    ("Thirty patients achieved CR/CRi, of whom 24 were MRD-negative.",
     [("CR_CRi", 75.0, "all", 40), ("MRD_NEG", 80.0, "all", 30.0)]),
    # ... or the lead-in's, or the cohort's when the sentence names no other base
    ("Of the 30 responders, 24 were MRD negative.", [("MRD_NEG", 80.0, "responders", 30.0)]),
    ("Twenty-four patients were MRD negative.", [("MRD_NEG", 60.0, "all", 40)]),
    # negative: a base named without its size gives no rate
    ("Among responders, 24 were MRD negative.", []),
])
def test_mrd_count_of_responders(nlp, text, triples):
    assert _triples(_run(nlp, COHORT + text)) == triples


@pytest.mark.parametrize("text, triples", [
    # a count "of whom", "of these", "of them" is a share of the count before it
    ("Twelve patients underwent HSCT; 3 of these developed VOD.",
     [("HSCT", 30.0, "all", 40), ("VOD", 25.0, "all", 12.0)]),
    ("Twelve patients underwent HSCT, 3 of whom developed VOD.",
     [("HSCT", 30.0, "all", 40), ("VOD", 25.0, "all", 12.0)]),
    ("Twelve patients underwent HSCT, of whom 3 developed VOD.",
     [("HSCT", 30.0, "all", 40), ("VOD", 25.0, "all", 12.0)]),
    ("Thirty patients responded; 12 of them proceeded to HSCT.",
     [("HSCT", 40.0, "all", 30.0), ("ORR", 75.0, "all", 40)]),
    ("Thirty patients responded, 12 of whom subsequently underwent HSCT.",
     [("HSCT", 40.0, "all", 30.0), ("ORR", 75.0, "all", 40)]),
    # negatives: no count of "them" in the sentence, nor in the one before (fourteenth round: after "Forty patients
    # were enrolled.", "Fourteen of them proceeded to HSCT." is 14 of those 40)
    ("Responses were durable. Fourteen of them proceeded to HSCT.", []),
    # (thirteenth round: read as "12 of whom were MRD negative" is, of the count before: 25 of 30)
    ("Thirty patients achieved CR, 25 of whom achieved MRD negativity.",
     [("CR", 75.0, "all", 40), ("MRD_NEG", 83.3, "all", 30.0)]),
])
def test_share_of_the_count_before(nlp, text, triples):
    assert _triples(_run(nlp, COHORT + text)) == triples


@pytest.mark.parametrize("text, values", [
    # counts of participants, infants, adolescents, individuals as of patients
    ("Twelve participants achieved CR.", [("CR", 30.0)]),
    ("CR was achieved in 12 participants.", [("CR", 30.0)]),
    ("CRS occurred in 12 participants.", [("CRS", 30.0)]),
    ("CRS occurred in 12 infants.", [("CRS", 30.0)]),
    ("Twelve adolescents achieved CR.", [("CR", 30.0)]),
    ("Twelve participants underwent HSCT.", [("HSCT", 30.0)]),
    ("Twelve individuals achieved CR.", [("CR", 30.0)]),
])
def test_counted_people(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    # a response rate whose CR and CRi parts, counted in the next sentence, add up to it is the composite
    ("The overall response rate was 75%. Twenty patients achieved CR and 10 achieved CRi.",
     [("CR", 50.0), ("CR_CRi", 75.0)]),
    ("The overall response rate was 75%. CR was achieved in 50% and CRi in 25%.", [("CR", 50.0), ("CR_CRi", 75.0)]),
    ("Thirty patients (75%) responded. Twenty (50%) achieved CR and ten (25%) CRi.", [("CR", 50.0), ("CR_CRi", 75.0)]),
    # negatives: parts that do not add up, a partial response among them, no part, two response rates
    ("The overall response rate was 80%. Twenty patients achieved CR and 10 achieved CRi.",
     [("CR", 50.0), ("ORR", 80.0)]),
    ("Thirty patients (75%) responded. Twenty achieved CR, eight CRi and two PR.", [("CR", 50.0), ("ORR", 75.0)]),
    ("The overall response rate was 75%. Twenty patients achieved CR.", [("CR", 50.0), ("ORR", 75.0)]),
])
def test_composite_broken_down_in_the_next_sentence(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    # neurologic events in other journals' words
    ("Neurologic toxic effects of grade 3 or higher occurred in 10%.", [("NEURO", 10.0)]),
    ("Neurotoxic effects occurred in 40% of patients.", [("NEURO", 40.0)]),
    ("CRES occurred in 16 patients (40%).", [("NEURO", 40.0)]),
    ("NEs of any grade occurred in 40%.", [("NEURO", 40.0)]),
    ("Neurologic AEs occurred in 40% of patients.", [("NEURO", 40.0)]),
    ("Neurological complications occurred in 40% of patients.", [("NEURO", 40.0)]),
    # transplants in other words
    ("Twelve patients (30%) underwent allogeneic BMT.", [("HSCT", 30.0)]),
    ("Twelve patients (30%) underwent allotransplantation.", [("HSCT", 30.0)]),
    ("Twelve patients (30%) underwent umbilical cord blood transplantation.", [("HSCT", 30.0)]),
    ("Twelve patients (30%) underwent allogeneic peripheral blood stem cell transplantation.", [("HSCT", 30.0)]),
    # negatives
    ("Twelve patients (30%) received blood transfusions.", []),
    ("The median OS was NE.", []),
])
def test_event_words(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    ("Thirty patients (75%) achieved complete haematological remission.", [("CR", 75.0)]),
    ("Thirty patients (75%) achieved a complete hematologic remission.", [("CR", 75.0)]),
    ("Thirty (75%) entered CR.", [("CR", 75.0)]),
    ("Thirty patients entered complete remission.", [("CR", 75.0)]),
    # negative: patients who entered the study are no response
    ("Thirty patients entered the study.", []),
])
def test_remission_words(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    ("Thirty patients (75%) cleared MRD.", [("MRD_NEG", 75.0)]),
    ("MRD eradication was achieved in 75%.", [("MRD_NEG", 75.0)]),
    ("Thirty patients (75%) were consolidated by allogeneic HSCT.", [("HSCT", 75.0)]),
])
def test_mrd_and_transplant_words(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    ("Thirty patients (75%) achieved a CR or a CRi.", [("CR_CRi", 75.0)]),
    ("Thirty patients (75%) achieved either a CR or a CRi.", [("CR_CRi", 75.0)]),
    ("A response was observed in 30 patients (75%).", [("ORR", 75.0)]),
    ("The responder rate was 75%.", [("ORR", 75.0)]),
    # negative: a CR and a CRi each with its own value
    ("Twenty patients (50%) achieved a CR and 10 (25%) a CRi.", [("CR", 50.0)]),
])
def test_response_words(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    # a denied event with its grade after it
    ("No CRS of grade 3 or higher occurred.", [("CRS", 0.0)]),
    ("No CRS of grade ≥3 was observed.", [("CRS", 0.0)]),
    ("No neurotoxicity of grade 3 or higher was observed.", [("NEURO", 0.0)]),
])
def test_denied_grade_after(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


def test_denied_grade_names_no_group(nlp):
    text = ("Patients were randomly assigned to blinatumomab (n = 54) or chemotherapy (n = 57). "
            "No CRS of grade 3 or higher occurred.")
    record = _run(nlp, text)
    assert [o["arm"] for o in record["outcomes"] if o["endpoint"] == "CRS"] == ["all"]


def test_denied_grade_of_a_group(nlp):
    # a zero of a named group is that group's, as with the grade before the event
    record = _run(nlp, COHORT + "No CRS of grade 3 or higher occurred in patients with low disease burden.")
    assert [(o["endpoint"], o["value"], o["arm"]) for o in record["outcomes"]] == [("CRS", 0.0, "low disease burden")]


def test_fraction_opening_its_sentence(nlp):
    # the denominator of "30/40 patients" is no count of its own (it gave a second value, 40/40)
    record = _run(nlp, COHORT + "30/40 patients achieved CR/CRi.")
    assert [(o["endpoint"], o["value"], o["arm"]) for o in record["outcomes"]] == [("CR_CRi", 75.0, "all")]


@pytest.mark.parametrize("text, values", [
    # a response in a relative clause after the patients' count bracket names them
    ("Twelve of the 30 patients (40%) who achieved CR/CRi underwent HSCT.", [("HSCT", 40.0)]),
    ("Twenty patients (50%) in CR proceeded to HSCT.", [("HSCT", 50.0)]),
    # a count with its own verb after the transplant is its own clause's ("remain alive")
    ("Twelve patients (30%) went on to allogeneic HSCT, and 8 (20%) remain alive.", [("HSCT", 30.0)]),
])
def test_transplanted_responders(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    # rates of other things stay no endpoint's under the count rules above
    ("Thirty patients achieved CR, 10 of whom relapsed.", [("CR", 75.0)]),
    ("Twelve patients underwent HSCT, 4 of whom developed acute GVHD.", [("HSCT", 30.0)]),
    ("Twelve patients underwent HSCT; grade 3 or higher GVHD occurred in 4.", [("HSCT", 30.0)]),
    ("CRS occurred in 20 patients; grade 3 or higher infections occurred in 8.", [("CRS", 50.0)]),
    ("CRS occurred in 20 patients, and severe infections in 8.", [("CRS", 50.0)]),
    ("Relapse occurred in 8.", []),
    ("Acute GVHD developed in 8.", []),
    ("VOD occurred in 4 patients; severe hepatotoxicity was reported in 6.", [("VOD", 10.0)]),
    ("Twenty patients were MRD positive.", []),
    ("Thirty patients achieved CR, 12 of whom had MRD-positive disease.", [("CR", 75.0)]),
    ("Neurotoxicity developed in 13 patients; grade 3 or higher infections in 4.", [("NEURO", 32.5)]),
])
def test_other_events_stay_unscored(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    ("The CR /CRi rate was 75%.", [("CR_CRi", 75.0)]),
    ("Thirty patients (75%) achieved CR(i).", [("CR_CRi", 75.0)]),
    ("Thirty patients (75%) achieved CR/CR(i).", [("CR_CRi", 75.0)]),
    # negative: "cCR" is as often a continuous CR
    ("The cCR rate was 75%.", []),
])
def test_composite_spellings(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


RANDOMIZED = "Patients were randomly assigned to inotuzumab ozogamicin (n = 50) or standard chemotherapy (n = 40). "


def test_count_of_an_arm_over_its_n(nlp):
    # a count labelled with an arm of a multi-arm study is a rate over that arm's n (it was 20/90)
    record = _run(nlp, RANDOMIZED + "In the inotuzumab group, 20 patients underwent allogeneic HSCT.")
    assert [(o["endpoint"], o["value"], o["arm"], o["denominator"]) for o in record["outcomes"]] == \
        [("HSCT", 40.0, "inotuzumab ozogamicin", 50)]


@pytest.mark.parametrize("text, values", [
    # patients who entered the study in a remission are no response of it
    ("Twenty patients (50%) entered the trial in CR.", []),
    ("Twenty patients (50%) entered the study in second remission.", []),
    ("Twenty patients (50%) entered a second CR.", [("CR", 50.0)]),
])
def test_entered_the_study(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


@pytest.mark.parametrize("text, values", [
    # "could" binds a subject to its endpoint only when the clause is not denied
    ("Ten patients (25%) could not achieve CR.", []),
    ("Ten patients (25%) could not be evaluated for CR.", []),
    ("Ten patients (25%) could be evaluated for MRD.", []),
    ("Twelve patients (30%) could achieve CR.", [("CR", 30.0)]),
    # a count with no noun after its event's "in" that a list continues is no rate ("maintained in 10")
    ("CR was achieved in 12 and maintained in 10.", [("CR", 30.0)]),
])
def test_could(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values


def test_overall_complete_response(nlp):
    # as "overall complete remission" (SCHEMA: CR plus CRi in CAR T-cell trials); it was CR
    assert _values(_run(nlp, COHORT + "The overall complete response rate was 81%.")) == [("CR_CRi", 81.0)]


@pytest.mark.parametrize("text, values", [
    ("MRD levels below 0.01% were reached in 80% of responders.", [("MRD_NEG", 80.0)]),
    # negative: a group named by its MRD level
    ("Patients with MRD levels below 0.01% had a 2-year OS of 70%.", [("OS_RATE", 70.0)]),
])
def test_mrd_levels(nlp, text, values):
    assert _values(_run(nlp, COHORT + text)) == values
