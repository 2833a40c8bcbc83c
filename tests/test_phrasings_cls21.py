"""Study labels and scalars, fourteenth round. Our own sentences and whole invented abstracts, run end to end.

Setting: a later line through a second disease state sharing its object ("refractory to or relapsed after at least
two prior therapies"), "third-line therapy or later"; a first or later line counted as a part of the cohort
("Twenty-five were in first relapse" after the enrolment sentence's 40) leaves the broad setting; one said of every
patient ("all were in first salvage") or the body's only line under a title's broad words narrows them; a bracketed
count of relapsed patients beside newly diagnosed ones is a mixed (relapsed) cohort. Age group: an age range
bracketed after the patient noun ("Forty patients (0.5-18 years)"). Cohort size: "were (randomly) allocated"."""
from __future__ import annotations

import pytest

from phrasing_cases import population_of, run_sections, run_text

NEUTRAL_TITLE = "Drug X in acute lymphoblastic leukemia"  # names no setting of its own


def _setting(nlp, text: str, title: str = NEUTRAL_TITLE) -> str:
    return run_text(nlp, text, title=title)["setting"]


# --- setting: a later line through a coordinated disease state, "or later" after a later line ---------------------


@pytest.mark.parametrize("text", [
    "Forty adults with ALL refractory to or relapsed after at least two prior therapies received drug X. CR was 40%.",
    "Forty adults with ALL refractory to, or relapsed after, two or more prior regimens received drug X. CR was 40%.",
    "Forty adults with ALL resistant to or relapsing after at least two prior therapies received drug X. CR was 40%.",
    "Forty adults with relapsed ALL received drug X as third-line therapy or later. CR was 40%.",
    "Forty adults with relapsed ALL received drug X as third line or beyond. CR was 40%.",
])
def test_a_later_line_shared_by_two_disease_states(nlp, text):
    assert _setting(nlp, text) == "second or later salvage"


@pytest.mark.parametrize("text", [
    # two populations listed: induction failure or a later relapse, refractory disease or a later line
    "Forty adults with ALL refractory to induction or relapsed after at least two prior therapies received drug X. "
    "CR was 40%.",
    "Forty adults with refractory ALL or ALL relapsed after two or more prior lines received drug X. CR was 40%.",
    "Forty adults with ALL in first or later relapse received drug X. CR was 40%.",
])
def test_a_list_of_lines_stays_broad(nlp, text):
    assert _setting(nlp, text) == "relapsed/refractory"


# --- setting: a line counted as a part of the cohort ----------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Forty adults with relapsed ALL were treated. Twenty-five were in first relapse. CR was 60%.",
    "Forty adults with relapsed ALL were treated. Twenty-five patients were in first salvage. CR was 60%.",
    "Forty adults with relapsed ALL were treated. Most patients (n = 30) were in first salvage. CR was 60%.",
    "Forty adults with relapsed ALL were treated. The majority were in first relapse. CR was 60%.",
    "Forty adults with relapsed ALL were treated. The status at treatment was first relapse in 25 and second relapse "
    "in 15. CR was 60%.",
])
def test_a_counted_first_line_is_a_part(nlp, text):
    assert _setting(nlp, text) == "relapsed/refractory"


@pytest.mark.parametrize("text", [
    # the whole cohort, or as many as were enrolled: the line is the population's
    "Forty adults with relapsed ALL were treated. All patients were in first relapse. CR was 60%.",
    "Forty adults with relapsed ALL were treated. Forty were in first relapse. CR was 60%.",
    "Forty adults were treated at first relapse. CR was 60%.",
    "Forty adults with ALL in first relapse received drug X. Thirty patients in first relapse achieved CR2.",
])
def test_a_first_line_of_the_whole_cohort(nlp, text):
    assert _setting(nlp, text) == "first salvage"


@pytest.mark.parametrize("text, setting", [
    ("Forty adults with relapsed or refractory ALL were treated; all were in first salvage. CR was 60%.",
     "first salvage"),
    ("Forty adults with relapsed or refractory ALL were treated. All patients were treated in first salvage. CR was "
     "60%.", "first salvage"),
    # "all but five" or all of a subgroup is no whole cohort
    ("Forty adults with relapsed or refractory ALL were treated. All but five were in first salvage. CR was 60%.",
     "relapsed/refractory"),
    ("Forty adults with relapsed or refractory ALL were treated. All patients in first salvage achieved CR.",
     "relapsed/refractory"),
])
def test_a_first_line_said_of_every_patient_narrows_the_broad_words(nlp, text, setting):
    assert _setting(nlp, text) == setting


@pytest.mark.parametrize("sections, setting", [
    ((("METHODS", "Adults with ALL in first salvage were enrolled."), ("RESULTS", "Forty adults were treated. CR was "
                                                                                  "60%.")), "first salvage"),
    ((("METHODS", "Adults with ALL in first relapse or primary refractory disease were eligible."),
      ("RESULTS", "Forty adults were treated. CR was 60%.")), "first salvage"),
    # a broader line in the body keeps the title's words
    ((("METHODS", "Adults with refractory ALL or ALL in first relapse were eligible."),
      ("RESULTS", "Forty adults were treated. CR was 60%.")), "relapsed/refractory"),
    ((("METHODS", "Adults with relapsed ALL were eligible."),
      ("RESULTS", "Forty adults were treated, 20 in first salvage. CR was 60%.")), "relapsed/refractory"),
])
def test_the_bodys_only_line_narrows_a_broad_title(nlp, sections, setting):
    record = run_sections(nlp, "Drug X in relapsed or refractory acute lymphoblastic leukemia", *sections)
    assert record["setting"] == setting


# --- setting: a mixed frontline and relapsed cohort ---------------------------------------------------------------


@pytest.mark.parametrize("text, setting, relevant", [
    ("Forty adults with ALL (25 newly diagnosed, 15 relapsed) received drug X. CR was 40%.", "relapsed/refractory",
     True),
    ("Forty adults with ALL (15 relapsed, 25 newly diagnosed) received drug X. CR was 40%.", "relapsed/refractory",
     True),
    # relapses after frontline therapy are outcomes, bracketed or not
    ("Forty adults with newly diagnosed ALL received drug X. Of 36 patients in CR, 10 relapsed, 5 died. CR was 90%.",
     "frontline", False),
    ("Forty adults with newly diagnosed ALL received drug X. CR was 90%. At last follow-up (10 relapsed), OS was "
     "60%.", "frontline", False),
])
def test_a_bracketed_relapsed_count_makes_a_mixed_cohort(nlp, text, setting, relevant):
    record = run_text(nlp, text, title=NEUTRAL_TITLE)
    assert (record["setting"], record["relevant"]) == (setting, relevant)


# --- age group: a bracketed range after the patient noun -----------------------------------------------------------


@pytest.mark.parametrize("text, group", [
    ("Forty patients (0.5-18 years) with relapsed ALL received drug X. CR was 40%.", "pediatric"),
    ("Forty patients (18-65 years) with relapsed ALL received drug X. CR was 40%.", "adult"),
    ("Forty patients (2-64 years) with relapsed ALL received drug X. CR was 40%.", "mixed"),
    ("Forty children (1 to 17 years of age) with relapsed ALL received drug X. CR was 40%.", "pediatric"),
    # a median's range is read as before
    ("Forty patients (median age 9 years; range 1-17 years) with relapsed ALL received drug X. CR was 40%.",
     "pediatric"),
])
def test_a_bracketed_age_range_after_the_patients(nlp, text, group):
    assert population_of(nlp, text)["age_group"] == group


# --- cohort size: allocation --------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, size, randomized", [
    ("Forty adults with relapsed ALL were randomly allocated to drug X or chemotherapy. CR was 40%.", 40, True),
    ("Forty adults with relapsed ALL were assigned by randomization to drug X or chemotherapy. CR was 40%.", 40,
     True),
    # allocation without chance is no randomization, but it still counts the cohort
    ("Forty adults with relapsed ALL were allocated to drug X or chemotherapy. CR was 40%.", 40, False),
    ("Forty adults with relapsed ALL were enrolled. Twenty were allocated to arm A and 20 to arm B. CR was 40%.", 40,
     False),
])
def test_allocation_counts_the_cohort(nlp, text, size, randomized):
    record = run_text(nlp, text, title=NEUTRAL_TITLE)
    assert (record["cohort_size"], record["design"]["randomized"]) == (size, randomized)


# --- setting: a later line outside the enrolment sentences beside an enrolled first line ------------------------


@pytest.mark.parametrize("text, setting", [
    ("Forty adults with ALL in first relapse received drug X. Outcomes were compared with 60 historical controls in "
     "second or later relapse. CR was 40%.", "relapsed/refractory"),
    # a later line enrolled is still the study's
    ("Forty children with ALL in second or later relapse received drug X. CR was 40%.", "second or later salvage"),
    ("Forty adults with relapsed ALL were treated. All had received at least two prior regimens. CR was 40%.",
     "second or later salvage"),
])
def test_a_later_line_beside_an_enrolled_first_line(nlp, text, setting):
    assert _setting(nlp, text) == setting


# --- setting: an MRD relapse is a remission with MRD ------------------------------------------------------------


@pytest.mark.parametrize("text, setting", [
    ("Forty adults with ALL and MRD relapse received inotuzumab. MRD response was 78%.", "MRD-positive remission"),
    ("Forty adults with B-ALL in hematologic remission but with MRD recurrence received inotuzumab. MRD response was "
     "78%.", "MRD-positive remission"),
    ("Forty adults in remission with recurrent MRD received blinatumomab. MRD response was 78%.",
     "MRD-positive remission"),
    # beside a hematologic relapse, or as an event of a relapsed cohort: relapsed
    ("Forty adults with hematologic relapse or MRD relapse received blinatumomab. CR was 60%.", "relapsed/refractory"),
    ("Forty adults with relapsed ALL received drug X. MRD relapse occurred in 5 patients. CR was 60%.",
     "relapsed/refractory"),
])
def test_an_mrd_relapse_is_the_mrd_setting(nlp, text, setting):
    assert _setting(nlp, text) == setting


# --- cohort size: "were evaluated" closing its clause -------------------------------------------------------------


@pytest.mark.parametrize("text, size", [
    ("Sixty-two patients with relapsed ALL were evaluated. CR was 40%.", 62),
    ("Sixty-two patients with relapsed ALL were retrospectively evaluated. CR was 40%.", 62),
    ("Sixty-two patients with relapsed ALL were assessed, and 58 responded. CR was 40%.", 62),
    # evaluated for something, or a measure assessed in some patients: no headcount of the study
    ("Drug X was given. Fifty-eight patients were evaluated for response. CR was 40%.", None),
    ("Drug X was given. Toxicity was assessed in 58 patients. CR was 40%.", None),
])
def test_were_evaluated_counts_the_cohort(nlp, text, size):
    assert run_text(nlp, text, title=NEUTRAL_TITLE)["cohort_size"] == size


# --- Ph status: a status counted in a list of findings ------------------------------------------------------------


@pytest.mark.parametrize("results, status", [
    ("Cytogenetics included t(9;22) in 10 and KMT2A rearrangement in 5. CR was 40%.", "any"),
    ("Adverse cytogenetics included Ph+ in 10, hypodiploidy in 3. CR was 40%.", "any"),
    ("Karyotype showed t(9;22) in 10 patients. CR was 40%.", "any"),
    # a status of the whole cohort, or one followed by a line rather than a count
    ("All patients had Ph-positive ALL. CR was 40%.", "positive"),
    ("Patients with Ph-positive ALL in first relapse were treated. CR was 40%.", "positive"),
])
def test_a_status_counted_in_a_list_of_findings_is_a_part(nlp, results, status):
    text = "Forty adults with relapsed B-ALL received drug X. " + results
    assert population_of(nlp, text)["ph_status"] == status


# --- lineage: T-cell leukemia/lymphoma ----------------------------------------------------------------------------


@pytest.mark.parametrize("title, text, lineage, setting", [
    ("Nelarabine in relapsed T-cell acute lymphoblastic leukemia",
     "Forty patients with relapsed T-cell leukemia/lymphoma received nelarabine. CR was 40%.", "T",
     "relapsed/refractory"),
    ("Drug X in relapsed acute lymphoblastic leukemia",
     "Forty adults with relapsed T-cell leukemia/lymphoma received nelarabine. CR was 40%.", "T",
     "relapsed/refractory"),
    # adult T-cell leukemia/lymphoma (HTLV-1) is another disease
    ("Mogamulizumab in adult T-cell leukemia/lymphoma",
     "Forty patients with relapsed adult T-cell leukemia/lymphoma received mogamulizumab. ORR was 40%.", "T",
     "other"),
])
def test_t_cell_leukemia_lymphoma(nlp, title, text, lineage, setting):
    record = run_text(nlp, text, title=title)
    assert (record["population"]["lineage"], record["setting"]) == (lineage, setting)


# --- age group: an adult protocol's lower bound of 15 -------------------------------------------------------------


@pytest.mark.parametrize("text, group", [
    ("Forty patients aged ≥ 15 years with relapsed ALL received drug X. CR was 40%.", "adult"),
    ("Forty patients aged 15 years or older with relapsed ALL received drug X. CR was 40%.", "adult"),
    ("Forty patients with relapsed ALL received drug X; patients younger than 15 years were excluded. CR was 40%.",
     "adult"),
    # a range from 15 still reaches children, and a bound of 14 is no adult protocol's
    ("Forty patients aged 15 to 60 years with relapsed ALL received drug X. CR was 40%.", "mixed"),
    ("Forty patients aged ≥ 14 years with relapsed ALL received drug X. CR was 40%.", "unknown"),
])
def test_a_lower_bound_of_15_is_an_adult_protocol(nlp, text, group):
    assert population_of(nlp, text)["age_group"] == group


# --- age group: a median's range bracketed without the word "range" -----------------------------------------------


@pytest.mark.parametrize("results, group", [
    ("Median age was 14 (1-29) years.", "mixed"),
    ("Median age was 14 years (1-29).", "mixed"),
    ("The median age was 30 years (2-64).", "mixed"),
    ("The median age was 68 years [60 to 84].", "older adult"),
    ("The median age was 12 years (3-17).", "pediatric"),
    # an interquartile range is no range of the cohort
    ("The median age was 45 years (IQR, 30-60).", "adult"),
])
def test_a_bracketed_range_after_the_median(nlp, results, group):
    text = "Forty patients with relapsed ALL received drug X. " + results + " CR was 40%."
    assert population_of(nlp, text)["age_group"] == group


# --- setting: two later lines joined ------------------------------------------------------------------------------


@pytest.mark.parametrize("text, setting", [
    ("Forty children in second or third relapse received drug X. CR was 80%.", "second or later salvage"),
    ("Forty adults with ALL in second and third salvage received drug X. CR was 80%.", "second or later salvage"),
    # a list from the first line, or the later lines as a part
    ("Forty adults with ALL in first, second or third relapse received drug X. CR was 80%.", "relapsed/refractory"),
    ("Forty adults with ALL in first relapse (n = 25) or second or third relapse (n = 15) received drug X. CR was "
     "80%.", "relapsed/refractory"),
])
def test_two_later_lines_joined(nlp, text, setting):
    assert _setting(nlp, text) == setting
