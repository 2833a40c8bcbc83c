"""Study labels and scalars, thirteenth round. Our own sentences and whole invented abstracts, run end to end.

Setting: a later line qualifying the relapsed/refractory words it follows ("R/R B-ALL after two or more prior lines")
narrows them, as a first-salvage phrase does; more later-line and first-salvage wordings. Design: a pooled analysis
is not randomized by the trials it pools. Population: a count "were Ph-positive" in a sentence of its own is a part
of the cohort; CD7-/CD5-positive ALL is T-lineage; counted older patients in the first enrolment sentence are the
cohort. Cohort size: "phase-2 study, 40 adults", counts of trials or centres, "In a cohort of 62 patients"."""
from __future__ import annotations

import pytest

from phrasing_cases import population_of, run_text, run_sections as _structured

NEUTRAL_TITLE = "Drug X in acute lymphoblastic leukemia"  # names no setting of its own


def _setting(nlp, text: str) -> str:
    return run_text(nlp, text, title=NEUTRAL_TITLE)["setting"]


# --- setting: a later line narrows the relapsed/refractory words it follows ---------------------------------------


@pytest.mark.parametrize("text", [
    "Adults with relapsed/refractory B-ALL after two or more prior lines of therapy were enrolled. Thirty patients "
    "were treated. CR was 40%.",
    "Adults with relapsed or refractory B-ALL who had received at least two prior therapies were enrolled. Thirty "
    "patients were treated. CR was 40%.",
    "Thirty patients with R/R ALL after ≥2 prior lines received drug X. CR was 40%.",
    "Thirty patients with R/R ALL after ≥ 2 prior regimens received drug X. CR was 40%.",
    "Thirty patients with relapsed or refractory ALL in second or later salvage received drug X. CR was 40%.",
    "Thirty patients with relapsed or refractory ALL who had failed two or more prior regimens received drug X. CR "
    "was 40%.",
])
def test_a_later_line_narrows_relapsed_refractory(nlp, text):
    assert _setting(nlp, text) == "second or later salvage"


@pytest.mark.parametrize("text", [
    # a part of the cohort, a list, or a later line before the broad words: still the broad setting
    "Thirty patients with R/R ALL received drug X; 12 of them had received two or more prior lines. CR was 40%.",
    "Thirty patients with R/R ALL received drug X, including 12 in second or later salvage. CR was 40%.",
    "Thirty patients with R/R ALL (18 in first salvage and 12 in second or later salvage) received drug X. CR was "
    "40%.",
    "Thirty patients with refractory ALL or ALL in second or later relapse received drug X. CR was 40%.",
    "Thirty patients with R/R ALL received drug X. Patients in second or later salvage had a CR rate of 30%.",
    "Thirty adults with ALL in first or second relapse received drug X. CR was 40%.",
])
def test_a_later_line_as_a_part_or_a_list_leaves_the_broad_setting(nlp, text):
    assert _setting(nlp, text) == "relapsed/refractory"


@pytest.mark.parametrize("text, setting", [
    ("Forty adults with ALL in second salvage or beyond were treated. CR was 60%.", "second or later salvage"),
    ("Forty adults with ALL in at least second relapse were treated. CR was 60%.", "second or later salvage"),
    ("Forty adults with ALL refractory to two lines of therapy were treated. CR was 60%.", "second or later salvage"),
    ("Forty adults with ALL in first salvage or beyond were treated. CR was 60%.", "relapsed/refractory"),
    ("Forty adults with ALL who failed induction were treated. CR was 60%.", "first salvage"),
    ("Forty adults who failed induction chemotherapy received drug X. CR was 60%.", "first salvage"),
    ("Forty children with first isolated extramedullary relapse of ALL were treated. CR was 60%.", "first salvage"),
    ("Forty children with a first bone marrow relapse of ALL were treated. CR was 60%.", "first salvage"),
])
def test_line_wordings(nlp, text, setting):
    assert _setting(nlp, text) == setting


# --- design: a pooled analysis of randomized trials is not randomized -------------------------------------------


@pytest.mark.parametrize("text, randomized", [
    ("We conducted a systematic review of randomized trials of drug X in relapsed ALL. Of 12 randomized trials, "
     "pooled CR was 60%.", False),
    ("We performed a meta-analysis of randomized controlled trials in relapsed ALL. The pooled CR rate was 60%.",
     False),
    # a randomization of the study's own still counts
    ("In this open-label, randomised, phase 3 trial, 300 adults with relapsed ALL were assigned 1:1 to drug X or "
     "chemotherapy. CR was 60% vs 30%.", True),
])
def test_a_pooled_analysis_takes_no_randomization_from_the_trials_it_pools(nlp, text, randomized):
    record = run_text(nlp, text, title=NEUTRAL_TITLE)
    assert record["design"]["randomized"] is randomized
    if not randomized:
        assert record["design"]["phase"] == "pooled"


# --- Ph status and lineage ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("results, status", [
    ("Forty patients were treated. Twelve patients were Ph-positive. CR was 60%.", "any"),
    ("Forty patients were treated. Twelve were Ph+. CR was 60%.", "any"),
    ("Forty patients were treated. 12 patients were Philadelphia chromosome-positive. CR was 60%.", "any"),
    # a whole cohort, or a verb between the count and the status: no part
    ("All 40 patients were Ph-positive. CR was 60%.", "positive"),
    ("Forty patients were treated for Ph-positive ALL. CR was 60%.", "positive"),
])
def test_a_count_that_was_of_a_status_is_a_part(nlp, results, status):
    record = _structured(nlp, "Drug X in relapsed or refractory acute lymphoblastic leukemia",
                         ("BACKGROUND", "Outcomes of Ph-positive ALL improved with TKIs."),
                         ("METHODS", "Adults with R/R B-ALL were enrolled."), ("RESULTS", results))
    assert record["population"]["ph_status"] == status


@pytest.mark.parametrize("text, lineage", [
    ("Thirty children with relapsed CD7+ ALL received CD7 CAR T cells. CR was 30%.", "T"),
    ("Thirty children with CD7-positive relapsed ALL received CAR T cells. CR was 30%.", "T"),
    ("Thirty adults with relapsed CD5-positive ALL received CD5 CAR T cells. CR was 30%.", "T"),
    ("Thirty children with relapsed CD22+ ALL received CAR T cells. CR was 30%.", "B"),
    # CD7 and CD5 mark some AML and CLL too: only before ALL or lymphoblastic
    ("Thirty adults with CD7-positive acute myeloid leukemia received CAR T cells. CR was 30%.", "unknown"),
    ("Thirty adults with CD5-positive leukemia received drug X. CR was 30%.", "unknown"),
])
def test_t_cell_antigens_name_the_lineage(nlp, text, lineage):
    assert population_of(nlp, text)["lineage"] == lineage


@pytest.mark.parametrize("text", [
    "Forty adults with R/R Ph(–) ALL received drug X. CR was 60%.",
    "Forty adults with R/R Ph(-) ALL received drug X. CR was 60%.",
])
def test_ph_negative_in_brackets_with_an_en_dash(nlp, text):
    assert population_of(nlp, text)["ph_status"] == "negative"


# --- age group ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, group", [
    ("Forty older patients with relapsed ALL received drug X. CR was 60%.", "older adult"),
    ("Forty elderly patients with relapsed ALL received drug X. CR was 60%.", "older adult"),
    ("Forty patients aged 65 and older with relapsed ALL received drug X. CR was 60%.", "older adult"),
    ("Thirty patients (age range, 1-70 years) with relapsed ALL were treated. CR was 60%.", "mixed"),
    # counted older patients after the cohort's sentence are a part of it
    ("Forty adults with relapsed ALL received drug X. Three older patients died. CR was 60%.", "adult"),
])
def test_age_group_wordings(nlp, text, group):
    assert population_of(nlp, text)["age_group"] == group


# --- cohort size ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, size", [
    ("In this phase-2 study, 40 adults with relapsed ALL received drug X. CR was 60%.", 40),
    ("In this phase-2 trial, forty adults with relapsed ALL received drug X. CR was 60%.", 40),
    ("Data from three trials were pooled; 100 adults with relapsed ALL were analyzed. CR was 60%.", 100),
    ("Data from three phase 1 and 2 trials were pooled; 100 adults with relapsed ALL were analyzed. CR was 60%.", 100),
    ("In a cohort of 62 patients with relapsed ALL, CR was 50%.", 62),
    ("In a series of 62 patients with relapsed ALL, CR was 50%.", 62),
    ("In a multicenter retrospective analysis of 62 adults with relapsed ALL, CR was 50%.", 62),
    # another trial's count in an opening sentence is not taken for the study's
    ("In a phase 3 trial of 326 patients, drug X improved OS. We treated 40 adults with drug X. CR was 50%.", 40),
    # two groups side by side are still summed
    ("We treated 26 patients with T-ALL and 13 with T-LBL. CR was 60%.", 39),
])
def test_cohort_size_wordings(nlp, text, size):
    assert run_text(nlp, text)["cohort_size"] == size


# --- age group: a title's or a count's broad group narrowed by the age the body states ----------------------------


@pytest.mark.parametrize("title, text, group", [
    ("Drug X in adults with relapsed ALL", "Forty patients aged 60 years or older received drug X. CR was 60%.",
     "older adult"),
    ("Drug X in adults with relapsed ALL",
     "Forty patients received drug X. The median age was 68 years (range, 60-82). CR was 60%.", "older adult"),
    ("Drug X in children with relapsed ALL",
     "Forty patients received drug X. The median age was 9 years (range, 1-24). CR was 60%.", "mixed"),
    ("Drug X in pediatric relapsed ALL", "Forty patients aged 1-30 years received drug X. CR was 60%.", "mixed"),
    ("Drug X in relapsed ALL", "Forty adults aged 55 years or older received drug X. CR was 60%.", "older adult"),
    ("Drug X in relapsed ALL", "Forty adults aged ≥ 60 years received drug X. CR was 60%.", "older adult"),
    ("Drug X in relapsed ALL",
     "Forty children received drug X. The median age was 9 years (range, 1-24). CR was 60%.", "mixed"),
    # what the body states agrees with the broad group, or names a subgroup: the broad group stays
    ("Drug X in adults with relapsed ALL",
     "Forty patients received drug X. The median age was 46 years (range, 18-78). CR was 60%.", "adult"),
    ("Drug X in adults with relapsed ALL",
     "Forty patients received drug X. Patients aged 60 years or older had a CR rate of 40%.", "adult"),
    ("Drug X in children with relapsed ALL",
     "Forty patients received drug X. The median age was 9 years (range, 1-17). CR was 60%.", "pediatric"),
    ("Drug X in relapsed ALL in young adults", "Forty patients aged 18-39 years received drug X. CR was 60%.", "adult"),
    # a pediatric range from infancy
    ("Drug X in relapsed ALL", "Forty patients aged 6 months to 21 years received drug X. CR was 60%.", "pediatric"),
    ("Drug X in relapsed ALL", "Patients aged 1 month to <18 years with relapsed B-ALL received drug X. Forty were "
     "treated. CR was 60%.", "pediatric"),
    ("Drug X in relapsed ALL", "Forty patients aged 3 months to 25 years received drug X. CR was 60%.", "mixed"),
])
def test_the_stated_age_narrows_a_broad_group(nlp, title, text, group):
    assert population_of(nlp, text, title=title)["age_group"] == group


# --- cohort size: another trial's finding; leukapheresis; a registry ---------------------------------------------


@pytest.mark.parametrize("text, size", [
    ("Blinatumomab improved OS over chemotherapy in a randomized trial of 405 adults. We treated 40 adults with "
     "blinatumomab. CR was 50%.", 40),
    ("A phase 3 trial of 405 patients showed that blinatumomab improved OS. We treated 40 adults with blinatumomab. "
     "CR was 50%.", 40),
    # the authors' own randomized study
    ("In this randomized study of 326 patients, drug X improved OS. CR was 50% vs 30%.", 326),
    ("Sixty-two patients were leukapheresed and 55 were infused. CR was 80%.", 62),
    ("Between 2010 and 2020, 2,015 patients with relapsed ALL were reported to the registry. CR was 50%.", 2015),
    ("Forty-five patients were eligible for this analysis. CR was 50%.", 45),
    ("This study reports on 36 patients with relapsed ALL. CR was 60%.", 36),
    ("This report describes 36 children with relapsed ALL. CR was 60%.", 36),
])
def test_cohort_size_of_the_authors_study(nlp, text, size):
    assert run_text(nlp, text)["cohort_size"] == size


# --- Ph status: a TKI condition on the Ph-positive patients -------------------------------------------------------


def test_a_tki_condition_on_the_ph_positive_patients_marks_a_part(nlp):
    record = _structured(nlp, "Drug X in adults with relapsed or refractory B-cell acute lymphoblastic leukemia",
                         ("METHODS", "Adults with R/R B-ALL were eligible. Patients with Ph-positive ALL had to be "
                                     "refractory to or intolerant of at least one TKI."),
                         ("RESULTS", "Forty patients were treated. CR was 60%."))
    assert record["population"]["ph_status"] == "any"


# --- setting: a prior-lines range before its noun ------------------------------------------------------------------


@pytest.mark.parametrize("text, setting", [
    ("We treated 40 adults with relapsed ALL who had received a median of 3 (range, 2-6) prior lines of therapy. CR "
     "was 60%.", "second or later salvage"),
    ("We treated 40 adults with relapsed ALL who had received a median of 3 (range, 1-6) prior lines of therapy. CR "
     "was 60%.", "relapsed/refractory"),
    ("We treated 40 adults with relapsed ALL. Patients had received a median of 3 prior regimens (range, 2-6). CR "
     "was 60%.", "second or later salvage"),
])
def test_a_prior_lines_range_before_its_noun(nlp, text, setting):
    assert _setting(nlp, text) == setting


# --- age group: an upper bound defines children and young adults as a range does ---------------------------------


@pytest.mark.parametrize("text, group", [
    ("Forty children and young adults (age ≤ 21 years) with relapsed B-ALL received drug X. CR was 80%.", "pediatric"),
    ("Forty children and young adults (up to 25 years) with relapsed B-ALL received drug X. CR was 80%.", "mixed"),
    # an excluded lower age is no bound of the group
    ("Children and young adults with relapsed B-ALL were eligible; patients younger than 1 year were excluded. Forty "
     "were treated. CR was 80%.", "mixed"),
])
def test_an_upper_bound_defines_children_and_young_adults(nlp, text, group):
    assert population_of(nlp, text)["age_group"] == group


# --- relevance: a review in the present passive or as a second verb ------------------------------------------------


@pytest.mark.parametrize("text, relevant", [
    ("Relapsed ALL has a poor prognosis. Recent data on novel agents are reviewed. CR rates of 80% have been "
     "reported.", False),
    ("Relapsed ALL has a poor prognosis. We describe the mechanism of action of blinatumomab and summarize clinical "
     "data. CR rates of 40% were reported in phase 2 studies.", False),
    # a series of the authors' own stays relevant beside a review of the literature
    ("We treated 30 adults with relapsed ALL with inotuzumab and review the published data. CR was 70%.", True),
    ("The medical records of 30 adults with relapsed ALL were reviewed. CR was 70%.", True),
])
def test_review_wordings(nlp, text, relevant):
    title = "Novel therapies for relapsed acute lymphoblastic leukemia"
    assert run_text(nlp, text, title=title)["relevant"] is relevant


@pytest.mark.parametrize("text, randomized", [
    ("This was a non randomized study of 40 adults with relapsed ALL. CR was 60%.", False),
    ("Forty adults with relapsed ALL were treated. Patients were not randomized. CR was 60%.", False),
    ("Forty children with relapsed ALL were stratified and randomly assigned to two arms. CR was 60%.", True),
])
def test_a_denied_randomization_without_its_hyphen(nlp, text, randomized):
    assert run_text(nlp, text, title=NEUTRAL_TITLE)["design"]["randomized"] is randomized


# --- median age: other people's ------------------------------------------------------------------------------------


@pytest.mark.parametrize("sentence, age", [
    ("The median age of donors was 35 years.", None),
    ("The median donor age was 35 years.", None),
    ("The median age of patients was 46 years.", 46),
])
def test_the_median_age_of_other_people_is_no_study_median(nlp, sentence, age):
    text = "Forty adults with relapsed ALL received drug X. " + sentence
    assert run_text(nlp, text)["median_age_years"] == age
