"""Recurring phrasings of outcome values and comparisons, written in our own words, run end to end (fifth round):
survival estimates printed as proportions, time points written unit first, landmark times, early-death phases,
whole counts of a subgroup, ratios listed for several endpoints.

Each case is a way results are commonly written that an earlier version got wrong (a missed value, a wrong
endpoint or time point); the negative cases pin what a fix must not reach.
"""
from __future__ import annotations

import pytest

from phrasing_cases import outcome_triples as _outcomes, run_text as _run


def _timed(record: dict) -> list[tuple]:
    return sorted((o["arm"], o["endpoint"], o["value"], o["timepoint_months"]) for o in record["outcomes"])


@pytest.mark.parametrize("text, outcomes, ci", [
    # a survival probability printed as a proportion is the rate in % (SCHEMA: rates in %), its CI too
    ("The probability of OS at 3 years was 0.38 (95% CI 0.29-0.47).", [("all", "OS_RATE", 38.0, 36.0)], [29.0, 47.0]),
    ("The estimated probability of 2-year EFS was 0.42 (95% CI, 0.30 to 0.54).", [("all", "EFS_RATE", 42.0, 24.0)],
     [30.0, 54.0]),
    # ... or carrying its standard error, without a probability word
    ("The 5-year EFS was 0.45 ± 0.05.", [("all", "EFS_RATE", 45.0, 60.0)], None),
    ("The 3-year probability of event-free survival was 0.52 (SE 0.06).", [("all", "EFS_RATE", 52.0, 36.0)], None),
])
def test_phrasings_proportions(nlp, text, outcomes, ci):
    record = _run(nlp, text)
    assert _timed(record) == outcomes
    assert record["outcomes"][0]["ci95"] == ci


@pytest.mark.parametrize("text, outcomes", [
    ("The 4-year probability of OS was 0.31 ± 0.04 in the Ph-positive group versus 0.48 ± 0.05 in the Ph-negative "
     "group (P = .02).", [("Ph-negative", "OS_RATE", 48.0), ("Ph-positive", "OS_RATE", 31.0)]),
    # negative: a ratio, a p-value or a dose in a probability sentence is no proportion; nor a bare decimal
    ("The probability of survival was lower with MRD (HR, 0.45; P = .01).", []),
    ("The probability of CR was higher with inotuzumab at 0.8 mg/m2.", []),
    ("EFS at 2 years was 0.40 for patients with early relapse.", []),
    ("The median OS was 0.8 years.", [("all", "OS_MEDIAN", 9.6)]),
])
def test_phrasings_proportions_only_as_estimates(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # a time point written unit first, alone or as a list zipped with the values (one group's, not two groups)
    ("OS at month 12 was 55%.", [("all", "OS_RATE", 55.0, 12.0)]),
    ("OS at months 6 and 12 was 70% and 50%, respectively.", [("all", "OS_RATE", 50.0, 12.0),
                                                             ("all", "OS_RATE", 70.0, 6.0)]),
    ("CR rates were 50% and 30% at weeks 4 and 8, respectively.", [("all", "CR", 30.0, None), ("all", "CR", 50.0, None)]),
    # negative: a singular unit is one time point, the number after "and" another value
    ("In the ponatinib cohort, the CR rate was 90% at week 4 and 95% at week 8.",
     [("ponatinib", "CR", 90.0, None), ("ponatinib", "CR", 95.0, None)]),
])
def test_phrasings_unit_first_time_points(nlp, text, outcomes):
    assert _timed(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # a landmark is where the analysis starts, not the rate's time point
    ("In a landmark analysis at 3 months, patients who proceeded to HSCT had a 2-year OS of 55% versus 20% for those "
     "who did not.", [("HSCT", "OS_RATE", 55.0, 24.0), ("no HSCT", "OS_RATE", 20.0, 24.0)]),
    ("In a 6-month landmark analysis, the 3-year OS was 48%.", [("all", "OS_RATE", 48.0, 36.0)]),
    # negative: a landmark that is the rate's own time point
    ("At the 2-year landmark, 40% of patients were alive.", [("all", "OS_RATE", 40.0, 24.0)]),
])
def test_phrasings_landmark_is_no_time_point(nlp, text, outcomes):
    assert _timed(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # a death named by its phase (induction) does not take another mention's day count
    ("Thirty-day mortality was 4.5% and no deaths occurred during induction.",
     [("all", "EARLY_DEATH", 0.0, None), ("all", "EARLY_DEATH", 4.5, 1.0)]),
    ("Induction mortality was 10% and 30-day mortality was 12%.",
     [("all", "EARLY_DEATH", 10.0, None), ("all", "EARLY_DEATH", 12.0, 1.0)]),
    # negative: a window printed against the phrase is still its own
    ("Induction death within 28 days occurred in 5% of patients.", [("all", "EARLY_DEATH", 5.0, 0.9)]),
    # what the window counts from names no group
    ("No patient died within 30 days of starting therapy.", [("all", "EARLY_DEATH", 0.0, 1.0)]),
])
def test_phrasings_early_death_windows(nlp, text, outcomes):
    assert _timed(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcome", [
    # "All N patients with X" is that subgroup's 100%, N of N
    ("All five patients with T-ALL achieved CR.", ("T-ALL", "CR", 100.0, 5.0, 5.0)),
    ("All 6 patients with prior HSCT responded.", ("prior HSCT", "ORR", 100.0, 6.0, 6.0)),
    ("All five patients achieved CR.", ("all", "CR", 100.0, 5.0, 5.0)),
])
def test_phrasings_whole_count_of_a_subgroup(nlp, text, outcome):
    found = [(o["arm"], o["endpoint"], o["value"], o["count"], o["denominator"]) for o in _run(nlp, text)["outcomes"]]
    assert found == [outcome]


def test_subgroup_count_without_all_is_no_rate(nlp):
    """Negative: a subgroup's count without "All" has no denominator of its own."""
    assert _run(nlp, "Five patients with T-ALL achieved CR.")["outcomes"] == []


def _comparisons(record: dict) -> list[tuple]:
    return [(c["endpoint"], c["measure"], c["value"]) for c in record["comparisons"]]


@pytest.mark.parametrize("text, comparisons", [
    # ratios listed for several endpoints, "respectively": one endpoint each, in order
    ("Hazard ratios for OS and EFS were 0.62 (95% CI 0.45-0.86) and 0.55 (95% CI 0.40-0.76), respectively.",
     [("OS", "HR", 0.62), ("EFS", "HR", 0.55)]),
    ("The hazard ratios for OS, EFS and RFS were 0.62 (P = .01), 0.55 (P = .002) and 0.70 (P = .04), respectively.",
     [("OS", "HR", 0.62), ("EFS", "HR", 0.55), ("RFS", "HR", 0.70)]),
    # an endpoint naming a group before the ratio is a covariate, not what is compared (relapse has no endpoint)
    ("The risk of relapse was lower in MRD-negative patients (HR 0.30; 95% CI 0.15-0.60).", [(None, "HR", 0.30)]),
    ("The hazard ratio for relapse was 0.45 (95% CI 0.25-0.80; P = .008).", [(None, "HR", 0.45)]),
    # negative: the endpoint itself named before its ratio still is
    ("Early death was more frequent in older patients (HR 2.0; 95% CI 1.1-3.6).", [("EARLY_DEATH", "HR", 2.0)]),
    ("Patients with CR had longer survival (HR 0.4).", [("OS", "HR", 0.4)]),
])
def test_phrasings_compared_endpoints(nlp, text, comparisons):
    assert _comparisons(_run(nlp, text)) == comparisons


@pytest.mark.parametrize("text, outcomes", [
    # a CR at the molecular level is MRD negativity, not a morphologic CR
    ("The molecular CR rate by RT-PCR was 50%.", [("all", "MRD_NEG", 50.0)]),
    ("A molecular complete remission was obtained in 12 patients (40%).", [("all", "MRD_NEG", 40.0)]),
    # negative: a (major) molecular response is a BCR::ABL1 level
    ("Major molecular response was achieved in 60% of Ph-positive patients.", []),
    # the share of the patients who did what the endpoint names is its rate, not a subgroup's
    ("The proportion of patients who proceeded to HSCT was 41%.", [("all", "HSCT", 41.0)]),
    ("The proportion of patients who responded was 60%.", [("all", "ORR", 60.0)]),
    # an instance of a broader measure does not take the broader measure's value...
    ("Hepatotoxicity including VOD occurred in 13% of patients.", []),
    ("Hepatotoxicity, including VOD/SOS, was reported in 20% of patients.", []),
    # ... but keeps its own
    ("Grade 3 or higher toxicities, including CRS (15%) and neurotoxicity (10%), were manageable.",
     [("all", "CRS", 15.0), ("all", "NEURO", 10.0)]),
    ("Responses were seen in 25 patients (62%), including CR in 20 (50%).", [("all", "CR", 50.0), ("all", "ORR", 62.0)]),
])
def test_phrasings_endpoint_words(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    ("No deaths occurred during the first 30 days.", [("all", "EARLY_DEATH", 0.0, 1.0)]),
    ("Two patients (5%) died during the first 4 weeks.", [("all", "EARLY_DEATH", 5.0, 0.9)]),
    # a proportion with its SE right after what it estimates
    ("The 5-year probability of event-free survival was 0.48 (SE 0.03) and of overall survival 0.56 (SE 0.03).",
     [("all", "EFS_RATE", 48.0, 60.0), ("all", "OS_RATE", 56.0, 60.0)]),
    # negative: an unlabelled bracket is no SE
    ("The EFS at 5 years was 0.48 (0.03).", []),
])
def test_phrasings_windows_and_estimates(nlp, text, outcomes):
    assert _timed(_run(nlp, text)) == outcomes


def test_percentage_with_n_over_n_bracket(nlp):
    """"73% (n/N = 22/30)": the bracket is the percentage's own count and denominator, not a second value."""
    found = [(o["arm"], o["endpoint"], o["value"], o["count"], o["denominator"])
             for o in _run(nlp, "The CR/CRi rate was 73% (n/N = 22/30).")["outcomes"]]
    assert found == [("all", "CR_CRi", 73.0, 22.0, 30.0)]


@pytest.mark.parametrize("text, outcomes", [
    # an appositive "all" after a stated response rate: every responder was MRD-negative (100%, as "All responders
    # were MRD-negative" is read)
    ("Of 75 infused patients, 61 (81%) achieved CR or CRi, all of whom were MRD negative.",
     [("all", "CR_CRi", 81.0), ("responders", "MRD_NEG", 100.0)]),
    ("The overall remission rate within 3 months was 81%, all with MRD-negative status.",
     [("all", "ORR", 81.0), ("responders", "MRD_NEG", 100.0)]),
    # negative: not after another measure, nor as a group's name
    ("CRS occurred in 60% of patients, all of whom were MRD-negative at day 28.", [("all", "CRS", 60.0)]),
    ("In all MRD-negative patients, the CR rate was 90%.", [("all", "CR", 90.0)]),
])
def test_phrasings_all_of_whom_mrd_negative(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # a definition after the restated abbreviation, in its bracket, still defines the rate
    ("The overall response rate (ORR; CR + CRi + PR) was 70%.", [("all", "ORR", 70.0)]),
    ("The overall response rate (ORR; CR + CRi) was 70%.", [("all", "CR_CRi", 70.0)]),
    # a rate endpoint before "group" names a group, not the value's endpoint
    ("MRD-negativity rates were 70% in the CR group and 40% in the CRi group.",
     [("CR", "MRD_NEG", 70.0), ("CRi", "MRD_NEG", 40.0)]),
    # the share's people may be counted: "20 (80%) of 25 evaluable patients responded"
    ("20 (80%) of 25 evaluable patients responded.", [("all", "ORR", 80.0)]),
    ("Twenty (80%) of 25 evaluable patients responded.", [("all", "ORR", 80.0)]),
])
def test_phrasings_definitions_groups_and_shares(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # an endpoint list's values given once per named group, the runs joined by the group's name and "and" (not
    # only by "versus"): each run zipped with the list, each value the group's named after its run
    ("The estimated 2-year OS and EFS were 48% and 41% for patients in CR1, and 20% and 12% for those beyond CR1.",
     [("CR1", "EFS_RATE", 41.0), ("CR1", "OS_RATE", 48.0), ("beyond CR1", "EFS_RATE", 12.0),
      ("beyond CR1", "OS_RATE", 20.0)]),
    ("CR and MRD-negativity rates were 80% and 70% in cohort A and 60% and 40% in cohort B.",
     [("cohort A", "CR", 80.0), ("cohort A", "MRD_NEG", 70.0), ("cohort B", "CR", 60.0), ("cohort B", "MRD_NEG", 40.0)]),
    # ... and so with "respectively"
    ("OS and EFS at 2 years were 48% and 41% in Ph-positive and 20% and 12% in Ph-negative patients, respectively.",
     [("Ph-negative", "EFS_RATE", 12.0), ("Ph-negative", "OS_RATE", 20.0), ("Ph-positive", "EFS_RATE", 41.0),
      ("Ph-positive", "OS_RATE", 48.0)]),
    # negative: one run stays a plain zip
    ("The CR and MRD negativity rates were 80% and 60%, respectively.", [("all", "CR", 80.0), ("all", "MRD_NEG", 60.0)]),
])
def test_phrasings_endpoint_list_per_group(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # "neither ... nor ... was reached": each median listed not reached
    ("Neither median OS nor median EFS was reached.", [("all", "EFS_MEDIAN", None), ("all", "OS_MEDIAN", None)]),
    ("Neither the median OS nor the median RFS has been reached.",
     [("all", "OS_MEDIAN", None), ("all", "RFS_MEDIAN", None)]),
    ("Median OS and median EFS were not reached.", [("all", "EFS_MEDIAN", None), ("all", "OS_MEDIAN", None)]),
    # negative: a median reached is no "not reached"
    ("The median OS was reached at 14 months.", []),
    ("Median OS was 12 months and median EFS was not reached.", [("all", "EFS_MEDIAN", None), ("all", "OS_MEDIAN", 12.0)]),
])
def test_phrasings_neither_median_reached(nlp, text, outcomes):
    found = sorted(((o["arm"], o["endpoint"], o["value"]) for o in _run(nlp, text)["outcomes"]),
                   key=lambda t: (t[0], t[1]))
    assert found == outcomes


@pytest.mark.parametrize("text, ci", [
    # a CI whose bounds are bracketed after its label, or separated by a semicolon
    ("OS was longer with blinatumomab (HR 0.71, 95% CI [0.55, 0.93]).", [0.55, 0.93]),
    ("The HR for death was 0.71 (95% CI [0.55; 0.93]).", [0.55, 0.93]),
    ("The HR for death was 0.71 (95% CI 0.55-0.93).", [0.55, 0.93]),
])
def test_phrasings_ratio_ci_formats(nlp, text, ci):
    assert [c["ci95"] for c in _run(nlp, text)["comparisons"]] == [ci]


@pytest.mark.parametrize("text, outcomes", [
    # an endpoint right before its rate in a breakdown bracket takes it (the rate did not open the next clause's list)
    ("Among 110 patients, the ORR was 83% (CR 61%), and 82% of responders achieved MRD negativity.",
     [("all", "CR", 61.0), ("all", "ORR", 83.0), ("responders", "MRD_NEG", 82.0)]),
    # negative: a count after the endpoint is the next verb's subject
    ("Patients in CR 20 (40%) underwent HSCT.", [("all", "HSCT", 40.0)]),
    # another trial's figure after "which reported"
    ("Outcomes were comparable to the pivotal trial, which reported an 81% remission rate.", []),
    ("The CR rate was 60%, lower than in the registration study, which reported 81%.", [("all", "CR", 60.0)]),
])
def test_phrasings_breakdowns_and_cited_trials(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


@pytest.mark.parametrize("text, outcomes", [
    # design figures are no results: a threshold, a target, an assumption, a hypothesis
    ("The CR rate (72%) exceeded the prespecified threshold of 50%.", [("all", "CR", 72.0)]),
    ("The study met its primary endpoint, with a CR rate of 72% (target 55%).", [("all", "CR", 72.0)]),
    ("Assuming a CR rate of 40%, 50 patients were needed.", []),
    ("The trial was designed to detect an improvement in CR rate from 30% to 50%.", []),
    # ... nor what was known before ("Historically, ..."), or another trial's figures in their bracket
    ("Historically, median OS after second relapse is 3 months.", []),
    ("Results were similar to those reported in the pivotal trial (CR 75%, median OS 12 months).", []),
    # negative: a historical control is an arm of the study's comparison (SCHEMA gold: arm "historical controls")
    ("Compared with historical controls (CR rate 30%), the CR rate was 60%.",
     [("all", "CR", 60.0), ("historical controls", "CR", 30.0)]),
    # a share in words before its percentage is no count and no group
    ("One third (33%) of the patients proceeded to HSCT.", [("all", "HSCT", 33.0)]),
    ("Two-thirds (67%) of patients responded.", [("all", "ORR", 67.0)]),
])
def test_phrasings_design_figures_and_shares_in_words(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


def test_share_in_words_keeps_no_count(nlp):
    assert [o["count"] for o in _run(nlp, "One third (33%) of the patients proceeded to HSCT.")["outcomes"]] == [None]


@pytest.mark.parametrize("text, comparisons", [
    # ratios listed without brackets: "for X and ... for Y", or "respectively" against the endpoints named
    ("The HR was 0.50 for OS and 0.60 for EFS.", [("OS", "HR", 0.50), ("EFS", "HR", 0.60)]),
    ("HRs for OS and EFS were 0.50 and 0.60, respectively.", [("OS", "HR", 0.50), ("EFS", "HR", 0.60)]),
    # a covariate's ratio in a bracket with a semicolon, the outcome named after the next covariate's bracket
    ("In multivariable analysis, age over 40 (HR 1.5; P = .03) and MRD positivity (HR 2.3; P < .001) predicted "
     "shorter OS.", [("OS", "HR", 1.5), ("OS", "HR", 2.3)]),
    # a competing-risks ratio written as one word
    ("The subhazard ratio for relapse was 0.50 (95% CI, 0.30-0.80).", [(None, "HR", 0.50)]),
    # negative: a plain number after a ratio is no further ratio without "respectively"
    ("The HR for OS was 0.50 and 12 patients died.", [("OS", "HR", 0.50)]),
])
def test_phrasings_ratio_lists(nlp, text, comparisons):
    assert _comparisons(_run(nlp, text)) == comparisons


@pytest.mark.parametrize("text, outcomes", [
    # a share of the people named after it, written in words
    ("Half of the patients achieved CR.", [("all", "CR", 50.0)]),
    ("One-third of the patients proceeded to HSCT.", [("all", "HSCT", 33.3)]),
    ("CRS occurred in half of the patients.", [("all", "CRS", 50.0)]),
    ("Three-quarters of responders were MRD negative.", [("responders", "MRD_NEG", 75.0)]),
    # negative: hedged, or of no endpoint, or with its percentage printed
    ("Nearly half of the patients achieved CR.", []),
    ("More than half of the patients achieved CR.", []),
    ("Half of the patients were older than 60 years.", []),
    ("Half of the patients (50%) achieved CR.", [("all", "CR", 50.0)]),
])
def test_phrasings_shares_in_words(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == outcomes


def test_all_after_a_semicolon_are_the_responders(nlp):
    """"Twenty patients (50%) achieved CR; all were MRD-negative": the next clause's "all" are the responders."""
    assert _outcomes(_run(nlp, "Twenty patients (50%) achieved CR; all were MRD-negative.")) == \
        [("all", "CR", 50.0), ("responders", "MRD_NEG", 100.0)]
