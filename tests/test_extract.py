"""Outcome extraction from single sentences of our own wording (one behaviour per test)."""
from __future__ import annotations

import pytest

from extractor.extraction import _number_words, extract_article
from extractor.extraction.context import ArticleContext
from extractor.extraction.outcomes import extract_outcomes
from extractor.models import AbstractSection, Article


def _facts(nlp, text, cohort=None):
    context = ArticleContext(pmid="1", words=_number_words(nlp), cohort_size=cohort)
    outcomes = extract_outcomes(nlp(text), "RESULTS", context)
    return sorted((o["endpoint"], o["value"], o["timepoint_months"]) for o in outcomes)


@pytest.mark.parametrize(
    "text, facts",
    [
        ("The complete remission rate was 62%.", [("CR", 62, None)]),
        ("Overall, 30 patients (75%) responded to treatment.", [("ORR", 75, None)]),
        ("In all, 18 of 40 patients (45%) achieved CR/CRi.", [("CR_CRi", 45, None)]),
        ("Of the responders, 80% were negative for minimal residual disease.", [("MRD_NEG", 80, None)]),
        ("Grade 3 cytokine release syndrome occurred in 9% of patients.", [("CRS", 9, None)]),
        ("Hepatic veno-occlusive disease developed in 6% of patients.", [("VOD", 6, None)]),
        ("Ten patients (25%) proceeded to allogeneic stem cell transplantation.", [("HSCT", 25, None)]),
        ("The rate of early death was 7%.", [("EARLY_DEATH", 7, None)]),
    ],
)
def test_extract_rate_phrasings(nlp, text, facts):
    assert _facts(nlp, text) == facts


def test_extract_two_arms_split_by_vs(nlp):
    text = "The CR rate was higher with the antibody than with chemotherapy (64% vs. 31%, P < .001)."
    assert _facts(nlp, text) == [("CR", 31, None), ("CR", 64, None)]


def test_extract_respectively_zips_endpoints(nlp):
    text = "The median PFS and OS were 6.5 and 11.2 months, respectively."
    assert _facts(nlp, text) == [("OS_MEDIAN", 11.2, None), ("PFS_MEDIAN", 6.5, None)]


def test_extract_respectively_zips_timepoints(nlp):
    text = "Overall survival at 1 and 3 years was 52% and 30%, respectively."
    assert _facts(nlp, text) == [("OS_RATE", 30, 36), ("OS_RATE", 52, 12)]


@pytest.mark.parametrize(
    "text, facts",
    [
        ("The 2-year overall survival was 41%.", [("OS_RATE", 41, 24)]),
        ("Event-free survival at 18 months was 35%.", [("EFS_RATE", 35, 18)]),
        ("The estimated 1-year disease-free survival was 48%.", [("RFS_RATE", 48, 12)]),
    ],
)
def test_extract_rates_at_time_points(nlp, text, facts):
    assert _facts(nlp, text) == facts


def test_extract_median_in_weeks_converted_to_months(nlp):
    assert _facts(nlp, "The median duration of remission was 26 weeks.") == [("DOR_MEDIAN", 6.0, None)]


def test_extract_median_not_reached_is_null(nlp):
    assert _facts(nlp, "The median overall survival was not reached.") == [("OS_MEDIAN", None, None)]


def test_extract_ci_values_are_not_outcomes(nlp):
    text = "The median overall survival was 9.1 months (95% CI, 6.0 to 12.4)."
    assert _facts(nlp, text) == [("OS_MEDIAN", 9.1, None)]


def test_extract_count_and_denominator_kept(nlp):
    outcome = extract_outcomes(nlp("Overall, 33 of 48 patients (69%) achieved a complete remission."), "RESULTS",
                               ArticleContext(pmid="1"))[0]
    assert (outcome["count"], outcome["denominator"], outcome["value"]) == (33, 48, 69)


def test_extract_fraction_only_rate_is_computed(nlp):
    outcome = extract_outcomes(nlp("Complete remission was achieved in 21/28 patients."), "RESULTS",
                               ArticleContext(pmid="1"))[0]
    assert (outcome["value"], outcome["computed"]) == (75.0, True)


def test_extract_count_only_rate_uses_cohort(nlp):
    assert _facts(nlp, "Twelve patients underwent allogeneic HSCT.", cohort=48) == [("HSCT", 25.0, None)]


def test_extract_count_only_rate_without_cohort_is_skipped(nlp):
    assert _facts(nlp, "Twelve patients underwent allogeneic HSCT.") == []


def test_extract_subgroup_endpoint_does_not_take_values(nlp):
    text = "Median overall survival in patients with CR was 14.2 months."
    assert _facts(nlp, text) == [("OS_MEDIAN", 14.2, None)]


def test_extract_thresholds_and_hedges_ignored(nlp):
    assert _facts(nlp, "In earlier series, approximately 40% of adults achieved MRD <0.01%.") == []


def test_extract_phase_fraction_is_not_a_rate(nlp):
    assert _facts(nlp, "This phase 1/2 study measured the overall response rate.") == []


def test_extract_article_evidence_slices_section_text(nlp):
    article = Article(pmid="1", title="A trial", sections=(
        AbstractSection("RESULTS", None, "Enrolment was fast. The CR rate was 62% and the ORR was 80%."),))
    result = extract_article(article, nlp)
    assert {o["endpoint"] for o in result["outcomes"]} == {"CR", "ORR"}
    for outcome in result["outcomes"]:
        ev = outcome["evidence"]
        assert article.sections[0].text[ev["start"]:ev["end"]] == ev["text"]


def test_extract_article_without_abstract(nlp):
    result = extract_article(Article(pmid="2"), nlp)
    assert result["pmid"] == "2" and result["outcomes"] == []


def test_extract_absurd_percentage_not_emitted(nlp):
    assert _facts(nlp, "The complete remission rate was 480%.") == []


def test_extract_ci_in_the_count_bracket_does_not_block_binding(nlp):
    text = "Of the infused patients, 27 (71%; 95% CI, 54 to 85%) attained complete remission."
    assert _facts(nlp, text) == [("CR", 71, None)]


def test_extract_nested_bracket_before_unit(nlp):
    text = "The median event-free survival was 5.2 (95% CI, 3.1-not reached [NR]) months."
    assert _facts(nlp, text) == [("EFS_MEDIAN", 5.2, None)]


def test_extract_median_survival_takes_no_percentage(nlp):
    text = "Those with two or more risk factors (38%) had a median survival of 4 months."
    assert _facts(nlp, text) == [("OS_MEDIAN", 4, None)]


def test_extract_grade_is_not_a_count(nlp):
    text = "Responses were similar, but grade 4 neurologic events (22% vs 9%) were more frequent in older adults."
    assert _facts(nlp, text) == [("NEURO", 9, None), ("NEURO", 22, None)]


@pytest.mark.parametrize(
    "text, facts",
    [
        ("No patient in this cohort developed hepatic veno-occlusive disease.", [("VOD", 0, None)]),
        ("There were no cases of sinusoidal obstruction syndrome after transplant.", [("VOD", 0, None)]),
        ("Eight children were treated and no CRs were observed.", [("CR", 0, None)]),
        ("None of the patients experienced grade 3 or higher CRS.", [("CRS", 0, None)]),
    ],
)
def test_extract_negated_endpoint_is_a_zero_rate(nlp, text, facts):
    assert _facts(nlp, text) == facts


@pytest.mark.parametrize(
    "text",
    [
        "Patients with no CR had a median overall survival of 3 months.",
        "There was no significant difference in CR rates between the arms.",
    ],
)
def test_extract_negation_of_a_subgroup_or_difference_is_not_a_zero(nlp, text):
    assert all(value != 0 for _, value, _ in _facts(nlp, text))


def test_extract_zero_rate_has_count_zero(nlp):
    outcome = extract_outcomes(nlp("No patient developed VOD."), "RESULTS", ArticleContext(pmid="1"))[0]
    assert (outcome["value"], outcome["count"]) == (0, 0)


def test_extract_bracket_labels_type_each_value(nlp):
    text = ("In the three cohorts, response rates were 75% (CR + CRi), 62% (CR or CRh) and 40% (CR + partial "
            "response), respectively.")
    assert _facts(nlp, text) == [("CR_CRi", 62, None), ("CR_CRi", 75, None), ("ORR", 40, None)]


def test_extract_bracket_of_another_measure_is_not_the_endpoints(nlp):
    text = "The two regimens were similar in CR rates (61% vs. 48%, P = 0.4), mucositis (4% vs. 19%, P = 0.2)."
    assert _facts(nlp, text) == [("CR", 48, None), ("CR", 61, None)]


def test_extract_defined_response_rate_keeps_its_definition(nlp):
    context = ArticleContext(pmid="1")
    first = "The response rate (complete remission plus complete remission with incomplete count recovery) was 58%."
    later = "In the earlier study the response rate was 22%."
    found = [o for text in (first, later) for o in extract_outcomes(nlp(text), "RESULTS", context)]
    assert [(o["endpoint"], o["value"]) for o in found] == [("CR_CRi", 58), ("CR_CRi", 22)]


def test_extract_definition_parts_take_no_value_outside_the_definition(nlp):
    text = "The response rate [complete remission and complete remission with incomplete count recovery] was 47%."
    assert _facts(nlp, text) == [("CR_CRi", 47, None)]


def test_extract_unscored_measure_inside_the_subject_is_passed_over(nlp):
    text = "Overall, 72% of Ph-positive MRD-evaluable patients achieved an MRD response."
    assert _facts(nlp, text) == [("MRD_NEG", 72, None)]


def test_extract_fraction_in_bracket_is_the_percentages_count(nlp):
    outcome = extract_outcomes(nlp("In all, 88% (n = 22/25) of patients achieved an MRD response."), "RESULTS",
                               ArticleContext(pmid="1"))
    assert [(o["value"], o["count"], o["denominator"]) for o in outcome] == [(88, 22, 25)]


def test_extract_respectively_run_skips_subgroup_counts(nlp):
    text = "CR/CRi was more frequent in the 20 patients with B-ALL than in the others (70% vs. 20%, respectively)."
    assert _facts(nlp, text, cohort=30) == [("CR_CRi", 20, None), ("CR_CRi", 70, None)]


def test_extract_listed_endpoints_are_not_parts_of_an_overall_rate(nlp):
    text = ("Remission rates were higher with the antibody, both for complete remission with full hematologic "
            "recovery (30% vs. 14%) and for complete remission with full, partial, or incomplete hematologic recovery "
            "(41% vs. 22%).")
    assert _facts(nlp, text) == [("CR", 14, None), ("CR", 30, None), ("CR_CRi", 22, None), ("CR_CRi", 41, None)]


def test_extract_including_cri_defines_cr_as_the_composite(nlp):
    context = ArticleContext(pmid="1")
    first = "The primary end point was complete remission (including complete remission with incomplete count recovery)."
    later = "Complete remission occurred in 64% of the antibody group."
    found = [o for text in (first, later) for o in extract_outcomes(nlp(text), "RESULTS", context)]
    assert [(o["endpoint"], o["value"]) for o in found] == [("CR_CRi", 64)]


@pytest.mark.parametrize(
    "text, facts",
    [
        ("In this series, 18 achieved a complete molecular response.", [("MRD_NEG", 45.0, None)]),
        ("All but two achieved complete remission after one cycle.", [("CR", 95.0, None)]),
        ("The cohort had eight complete remissions (CR) and three partial remissions.", [("CR", 20.0, None)]),
        ("The best response was 30% (6 CR, 6 CRi).", [("CR", 15.0, None)]),
    ],
)
def test_extract_count_only_responses_use_the_cohort(nlp, text, facts):
    assert _facts(nlp, text, cohort=40) == facts


def test_extract_count_lead_in_is_the_denominator(nlp):
    outcome = extract_outcomes(nlp("Of 12 patients with CR, 9 achieved MRD negativity."), "RESULTS",
                               ArticleContext(pmid="1", cohort_size=40))
    assert [(o["value"], o["count"], o["denominator"]) for o in outcome] == [(75.0, 9, 12)]


def test_extract_plural_component_is_not_a_cr_count(nlp):
    text = "There were six complete remissions and four CRs without platelet recovery."
    assert _facts(nlp, text, cohort=40) == [("CR", 15.0, None)]


def test_extract_parallel_subject_list_binds_to_the_verb(nlp):
    text = "Four older responders (20%) and 30 younger responders (55%) proceeded to allogeneic HSCT."
    assert _facts(nlp, text) == [("HSCT", 20, None), ("HSCT", 55, None)]


def test_extract_percentage_with_sd_is_a_value(nlp):
    text = "The 3-year event-free survival was 31 +/- 9% with the new regimen compared to 12 +/- 7% with the old one."
    assert _facts(nlp, text) == [("EFS_RATE", 12, 36), ("EFS_RATE", 31, 36)]


@pytest.mark.parametrize(
    "text, ci95",
    [
        ("The median overall survival was 8.4 months (95% CI, 5.9 to 10.1).", [5.9, 10.1]),
        ("The CR rate was 62.5% [95% confidence interval {CI}, 51.0 to 73.2].", [51.0, 73.2]),
        ("Grade 1-2 CRS occurred in 30 (75%; 59, 87%) patients.", [59, 87]),
        ("The 1-year overall survival was 48% (31, 64%).", [31, 64]),
        ("The median event-free survival was 5.2 (95% CI, 3.1-not reached) months.", [3.1, None]),
        ("The median duration of response was 26 weeks (95% CI, 13, 39).", [3.0, 9.0]),
        ("The median overall survival was 9 months (range, 1-30).", None),
    ],
)
def test_extract_ci95_after_the_value(nlp, text, ci95):
    outcome = extract_outcomes(nlp(text), "RESULTS", ArticleContext(pmid="1"))[0]
    assert outcome["ci95"] == ci95


def test_extract_word_count_of_n_is_a_fraction(nlp):
    outcome = extract_outcomes(nlp("Eighteen of 24 responders subsequently underwent allogeneic HSCT."), "RESULTS",
                               ArticleContext(pmid="1", words=_number_words(nlp), cohort_size=60))
    assert [(o["value"], o["count"], o["denominator"]) for o in outcome] == [(75.0, 18, 24)]


def test_extract_british_spelling_of_composite_remission(nlp):
    text = ("Of 60 patients, 42 (70%) had complete remission or complete remission with incomplete haematological "
            "recovery and 30 (50%) had complete remission.")
    assert _facts(nlp, text) == [("CR", 50, None), ("CR_CRi", 70, None)]


def test_extract_denominator_after_count_bracket(nlp):
    outcome = extract_outcomes(nlp("Twenty (40%) of 50 evaluable patients achieved MRD negativity."), "RESULTS",
                               ArticleContext(pmid="1", words=_number_words(nlp)))[0]
    assert (outcome["endpoint"], outcome["count"], outcome["denominator"], outcome["value"]) == ("MRD_NEG", 20, 50, 40)


@pytest.mark.parametrize(
    "text, facts",
    [
        ("The remission rate was 35% in cohort 1 and 65% in cohort 2.", [("ORR", 35, None), ("ORR", 65, None)]),
        ("Complete remission was reached by 30% at dose level 2 and by 55% at dose level 3.",
         [("CR", 30, None), ("CR", 55, None)]),
        ("MRD negativity was 48% in arm 1 and 71% in arm 2.", [("MRD_NEG", 48, None), ("MRD_NEG", 71, None)]),
        ("Grade 3-4 cytokine release syndrome occurred in 7% of patients.", [("CRS", 7, None)]),
        ("Across dose levels 1 to 3, 20% of patients had grade 3 or 4 neurotoxicity.", [("NEURO", 20, None)]),
    ],
)
def test_extract_numbers_naming_a_cohort_level_or_grade_are_not_values(nlp, text, facts):
    assert _facts(nlp, text) == facts


def test_extract_percent_right_after_an_arm_word_is_still_a_value(nlp):
    assert _facts(nlp, "In the ponatinib arm 58% of patients reached complete remission.") == [("CR", 58, None)]


@pytest.mark.parametrize(
    "text",
    [
        "Complete remission was more common in Ph-positive than in Ph-negative patients (82% vs. 47%).",
        "Ph-positive and Ph-negative patients had complete remission rates of 82% and 47%, respectively.",
        "The complete remission rate in Ph-positive patients exceeded that in Ph-negative patients (82% vs. 47%).",
    ],
)
def test_extract_ph_status_subgroups_do_not_absorb_rates(nlp, text):
    assert _facts(nlp, text) == [("CR", 47, None), ("CR", 82, None)]


def test_extract_ph_status_as_a_measure_still_owns_its_value(nlp):
    # "were Ph-positive" is a measure of the cohort (unscored), not a subgroup: its 30% is not the CR rate.
    assert _facts(nlp, "Overall, 30% of patients were Ph-positive; the CR rate was 61%.") == [("CR", 61, None)]


def test_extract_ci_of_another_level_is_neither_ci95_nor_a_value(nlp):
    outcomes = extract_outcomes(nlp("The complete remission rate was 52% (90% CI, 40 to 64)."), "RESULTS",
                                ArticleContext(pmid="1", words=_number_words(nlp)))
    assert [(o["endpoint"], o["value"], o["ci95"]) for o in outcomes] == [("CR", 52, None)]


@pytest.mark.parametrize(
    "text, facts",
    [
        ("Event-free and overall survival were 61% and 78%, respectively, at 1 year, and 44% and 59% at 3 years.",
         [("EFS_RATE", 44, 36), ("EFS_RATE", 61, 12), ("OS_RATE", 59, 36), ("OS_RATE", 78, 12)]),
        ("The rates of relapse-free and overall survival were 55% and 70%, respectively, at 6 months and 38% and "
         "52% at 18 months.", [("OS_RATE", 52, 18), ("OS_RATE", 70, 6), ("RFS_RATE", 38, 18), ("RFS_RATE", 55, 6)]),
    ],
)
def test_extract_respectively_continues_over_a_second_time_point(nlp, text, facts):
    assert _facts(nlp, text) == facts


def test_extract_respectively_does_not_swallow_a_later_endpoint(nlp):
    text = "The CR and MRD-negativity rates were 64% and 48%, respectively; 36% proceeded to transplantation."
    assert _facts(nlp, text) == [("CR", 64, None), ("HSCT", 36, None), ("MRD_NEG", 48, None)]


@pytest.mark.parametrize(
    "text, facts",
    [
        ("Early mortality within 60 days of salvage was 11%.", [("EARLY_DEATH", 11, 2.0)]),
        ("Induction mortality during the first 4 weeks was 5%.", [("EARLY_DEATH", 5, 0.9)]),
        # the window written before the noun, in digits or words, in days or weeks, or after it
        ("Thirty-day mortality was 8%.", [("EARLY_DEATH", 8, 1.0)]),
        ("The 8-week mortality rate was 10%.", [("EARLY_DEATH", 10, 1.8)]),
        ("Mortality at 30 days was 3%.", [("EARLY_DEATH", 3, 1.0)]),
        ("Four patients (8%) died within 30 days of starting therapy.", [("EARLY_DEATH", 8, 1.0)]),
        # a survival figure is no early death, however it is worded
        ("Mortality at 2 years was 40%.", []),
        # a window is no time point of a survival rate
        ("Overall survival of patients relapsing within 18 months was 24%.", [("OS_RATE", 24, None)]),
    ],
)
def test_extract_window_is_the_time_point_of_early_death_only(nlp, text, facts):
    assert _facts(nlp, text) == facts


@pytest.mark.parametrize(
    "text, facts",
    [
        ("Allogeneic stem cell transplantation was performed in 38% of patients.", [("HSCT", 38, None)]),
        ("Transplantation followed in 16 patients (42%).", [("HSCT", 42, None)]),
        ("Veno-occlusive liver disease developed in 7% of patients.", [("VOD", 7, None)]),
        # "HSCT followed by maintenance" is no transplant rate, and "30% relapsed" is an unscored event
        ("Responders proceeded to HSCT followed by maintenance; 30% relapsed.", []),
        ("Of the 40 patients, 12 (30%) died of infection and the CR rate was 55%.", [("CR", 55, None)]),
    ],
)
def test_extract_passive_transplant_and_unscored_events(nlp, text, facts):
    assert _facts(nlp, text) == facts


def test_evidence_is_trimmed_of_line_breaks_and_blanks_a_sentence_keeps(nlp):
    from extractor.extraction.evidence import evidence

    doc = nlp("CR was 80%.\n\nOS was 7 months.")
    first = next(iter(doc.sents))
    found = evidence(doc, "RESULTS", first.start_char, first.end_char)
    assert found["text"] == "CR was 80%." and doc.text[found["start"]:found["end"]] == found["text"]


def test_extract_count_and_percent_take_the_group_size_as_denominator_when_it_gives_the_percent(nlp):
    """'Twenty-four patients (50%) underwent HSCT' in a study of 48: denominator 48 (24/48 = 50%); a count of a
    subset ('15 (75%) of the evaluable patients') is not read over the cohort (15/48 is not 75%)."""
    from phrasing_cases import run_text

    record = run_text(nlp, "Forty-eight patients were enrolled. Twenty-four patients (50%) underwent allogeneic "
                           "HSCT. Among the evaluable patients, 15 (75%) achieved CR. No patient developed VOD.")
    found = {o["endpoint"]: (o["count"], o["denominator"]) for o in record["outcomes"]}
    assert found["HSCT"] == (24, 48) and found["VOD"] == (0, 48)
    assert found["CR"][1] is None


def test_extract_arm_values_take_their_arm_size_as_denominator(nlp):
    from phrasing_cases import run_text

    record = run_text(nlp, "Patients were randomly assigned to inotuzumab ozogamicin (n = 109) or standard "
                           "chemotherapy (n = 109). CR occurred in 88 patients (80.7%) with inotuzumab ozogamicin "
                           "and 32 patients (29.4%) with standard chemotherapy.")
    found = sorted((o["arm"], o["count"], o["denominator"]) for o in record["outcomes"] if o["endpoint"] == "CR")
    assert found == [("inotuzumab ozogamicin", 88, 109), ("standard chemotherapy", 32, 109)]


def _abstract(nlp, *sections: tuple[str, str]) -> dict:
    return extract_article(Article(pmid="1", title="Inotuzumab in relapsed acute lymphoblastic leukemia",
                                   sections=tuple(AbstractSection(label, label, text) for label, text in sections)),
                           nlp)


def test_extract_conclusions_restating_results_in_other_words_add_nothing(nlp):
    """SCHEMA: each outcome once. "high remission rates (80%)" is the CR/CRi of 80% again, "low VOD (5%)" the VOD."""
    record = _abstract(nlp, ("RESULTS", "Forty patients were treated. The CR/CRi rate was 80% (32/40). "
                                        "Veno-occlusive disease occurred in 2 patients (5%)."),
                       ("CONCLUSIONS", "Inotuzumab produced high remission rates (80%) with low VOD (5%)."))
    assert sorted((o["arm"], o["endpoint"], o["value"]) for o in record["outcomes"]) == [
        ("all", "CR_CRi", 80.0), ("all", "VOD", 5.0)]


def test_extract_a_new_value_in_the_conclusions_is_kept(nlp):
    record = _abstract(nlp, ("RESULTS", "Fifty patients were treated. The CR rate was 40%."),
                       ("CONCLUSIONS", "The median overall survival of 7.7 months is encouraging."))
    assert sorted((o["endpoint"], o["value"]) for o in record["outcomes"]) == [("CR", 40.0), ("OS_MEDIAN", 7.7)]


@pytest.mark.parametrize("text, cohort", [
    # the randomised responders are a part of the study population: their sum is no cohort
    ("Responders were randomized to blinatumomab (n = 40) or chemotherapy (n = 38).", None),
    ("Patients were randomized to blinatumomab (n = 40) or chemotherapy (n = 38).", 78),
])
def test_extract_cohort_from_arm_sizes_only_when_the_arms_are_the_study(nlp, text, cohort):
    assert _abstract(nlp, ("RESULTS", text))["cohort_size"] == cohort


def test_extract_denominator_of_the_group_a_sentence_opens_with(nlp):
    record = _abstract(nlp, ("RESULTS", "Forty-eight patients were treated. Of the 40 patients who achieved CR/CRi, "
                                        "30 (75%) were MRD-negative. Nine patients (18.8%) developed VOD. Of the 16 "
                                        "responders, 14 (80%) proceeded to HSCT."))
    denominators = {o["endpoint"]: o["denominator"] for o in record["outcomes"]}
    # 30/40 = 75%; 9/48 = 18.75%, printed 18.8; 14/16 = 87.5% is not the printed 80%, so none is guessed
    assert denominators == {"MRD_NEG": 40.0, "VOD": 48.0, "HSCT": None}
