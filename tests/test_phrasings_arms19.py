"""Recurring phrasings of arms and subgroups in trial abstracts (twelfth round): counted groups that are the objects
of the study's verb of inclusion ("We retrospectively analyzed 45 patients treated with A and 35 patients treated with
B") or carry a word of who they are ("100 AYA patients"); shares that bound a group ("50% or more blasts"); no
guessed arm among more arms than values ("42% at lower doses"); groups between an endpoint and its verb with the arms'
values ("The CR rate in patients with prior HSCT was 30% in the A arm and 10% in the B arm"); the arms' pairs after
their groups ("higher with InO in first salvage (88% vs 29%) and in second salvage (67% vs 20%)", "(InO 88%, SC
29%)") or by clause; groups defined the sentence before ("those with early relapse (n = 30) and ...", "25 patients
with A and 35 with B", cell doses with their ns, "in this group"); responders named once before "respectively"; a
"respectively" or bare pair in the order the sentence before named the arms; backbone acronyms as written ("HCVAD");
historical controls named by their treatment; scopes naming arms by role or both arms; dose-level clauses. Written in
our own words, run end to end; the figures are invented.
"""
from __future__ import annotations

import pytest

from phrasing_cases import outcome_triples as _outcomes, run_text as _run


def _arms(record: dict) -> list[tuple]:
    return sorted((a["label"], a["n"]) for a in record["arms"])


@pytest.mark.parametrize("text, arms, outcomes", [
    # counted groups the study analysed, identified or included are its arms (no total, no "compared")
    ("We retrospectively analyzed 45 patients treated with blinatumomab and 35 patients treated with inotuzumab "
     "ozogamicin. The CR rates were 53% and 71%, respectively.",
     [("blinatumomab", 45), ("inotuzumab ozogamicin", 35)],
     [("blinatumomab", "CR", 53.0), ("inotuzumab ozogamicin", "CR", 71.0)]),
    ("We identified 45 patients who received blinatumomab and 35 who received inotuzumab ozogamicin. The CR rates were "
     "53% and 71%, respectively.",
     [("blinatumomab", 45), ("inotuzumab ozogamicin", 35)],
     [("blinatumomab", "CR", 53.0), ("inotuzumab ozogamicin", "CR", 71.0)]),
    # a word of who the counted patients are between the count and its noun
    ("We compared 100 AYA patients treated with FLAG-IDA with 80 treated with hyper-CVAD. The 5-year OS was 60% vs "
     "52%, respectively.",
     [("FLAG-IDA", 100), ("hyper-CVAD", 80)], [("FLAG-IDA", "OS_RATE", 60.0), ("hyper-CVAD", "OS_RATE", 52.0)]),
    ("We compared 100 adult patients treated with FLAG-IDA with 80 treated with hyper-CVAD. The 5-year OS was 60% vs "
     "52%, respectively.",
     [("FLAG-IDA", 100), ("hyper-CVAD", 80)], [("FLAG-IDA", "OS_RATE", 60.0), ("hyper-CVAD", "OS_RATE", 52.0)]),
])
def test_arms19_counted_groups_studied(nlp, text, arms, outcomes):
    record = _run(nlp, text)
    assert (_arms(record), _outcomes(record)) == (arms, outcomes)


@pytest.mark.parametrize("text", [
    # negatives: counts of a later treatment of part of the cohort, after no verb of inclusion, stay one arm
    "Sixty patients received inotuzumab. After relapse, 12 patients received blinatumomab and 8 received ponatinib. The "
    "CR rate was 70%.",
    # ... and groups the study counts by a therapy before or beside its own
    "We analyzed 40 patients who received blinatumomab before CAR T and 30 who received inotuzumab before CAR T. The CR "
    "rate was 80%.",
    "We identified 40 patients who received tisagenlecleucel and 30 who received bridging chemotherapy. The CR rate was "
    "80%.",
])
def test_arms19_other_therapy_counts_are_no_arms(nlp, text):
    assert [a["label"] for a in _run(nlp, text)["arms"]] == ["all"]


TWO_ARMS = "Patients were randomized 1:1 to inotuzumab ozogamicin (InO) or standard care (SC). "


@pytest.mark.parametrize("text, outcomes", [
    # a share bounded by words after it names the group ("50% or more blasts" ended the group at its "50%": `all`)
    ("Of 64 patients, 43% achieved CR or CRh. Patients with less than 50% blasts had a CR/CRh rate of 73%, compared "
     "with 29% in those with 50% or more blasts.",
     [("<50% blasts", "CR_CRi", 73.0), (">=50% blasts", "CR_CRi", 29.0), ("all", "CR_CRi", 43.0)]),
    ("In patients with 5% or fewer marrow blasts, the CR rate was 80%.", [("<=5% marrow blasts", "CR", 80.0)]),
    # a scope holding a threshold's share is a scope (its "%" was read as the result's)
    ("Among patients with CD22 expression of 90% or more, CR/CRi was 85%.",
     [("CD22 expression >=90%", "CR_CRi", 85.0)]),
    (TWO_ARMS + "Among patients with CD22 expression of 90% or more, CR/CRi was 85% vs 25%.",
     [("inotuzumab ozogamicin, CD22 expression >=90%", "CR_CRi", 85.0), ("standard care, CD22 expression >=90%", "CR_CRi", 25.0)]),
    (TWO_ARMS + "In patients with more than 90% blasts, the CR/CRi rate was 60% vs 15%.",
     [("inotuzumab ozogamicin, >90% blasts", "CR_CRi", 60.0), ("standard care, >90% blasts", "CR_CRi", 15.0)]),
])
def test_arms19_threshold_shares_name_groups(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


def test_arms19_scope_with_its_result_is_still_cut(nlp):
    # negative: a leading phrase holding the result's own value is no scope
    record = _run(nlp, TWO_ARMS + "In the InO arm 80% achieved CR/CRi, compared with 30% in the SC arm.")
    assert _outcomes(record) == [("inotuzumab ozogamicin", "CR_CRi", 80.0), ("standard care", "CR_CRi", 30.0)]


DOSES = "Patients received inotuzumab at 1.2 mg/m2 (n = 3), 1.6 mg/m2 (n = 12), or 1.8 mg/m2 (n = 22) per cycle. "


@pytest.mark.parametrize("text, outcomes", [
    # one value named by its dose arm, the other by doses that are more than one arm: no guessed arm for it (it was
    # given the first arm left, "1.2 mg/m2")
    (DOSES + "The CR/CRi rate was 68% at the 1.8 mg/m2 dose and 42% at lower doses.",
     [("inotuzumab ozogamicin 1.8 mg/m2", "CR_CRi", 68.0), ("lower doses", "CR_CRi", 42.0)]),
    # (each value named by its dose arm, as before)
    (DOSES + "The CR/CRi rate was 68% at 1.8 mg/m2 and 42% at 1.2 mg/m2.",
     [("inotuzumab ozogamicin 1.2 mg/m2", "CR_CRi", 42.0), ("inotuzumab ozogamicin 1.8 mg/m2", "CR_CRi", 68.0)]),
])
def test_arms19_no_guessed_arm_among_more_arms(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


def test_arms19_two_arms_named_before_their_values_keep_their_order(nlp):
    # negative: both arms named before the bracket of their values, beside a third arm, keep the listed order
    record = _run(nlp, "Patients were randomized to InO (n = 22) or SC (n = 27). Separately, 16 patients in study 1010 "
                       "received InO. The 12-month PFS was greater with InO versus SC (20.1% vs 4.8%).")
    assert _outcomes(record) == [("SC", "PFS_RATE", 4.8), ("inotuzumab ozogamicin", "PFS_RATE", 20.1)]


BLINA = "Adults with relapsed ALL were randomly assigned to blinatumomab (n = 271) or chemotherapy (n = 134). "


@pytest.mark.parametrize("text, outcomes", [
    # a group named between the endpoint and the verb, then the arms' values: the arms' values in that group
    (BLINA + "The CR rate in patients with 50% or more marrow blasts was 29% for blinatumomab and 13% for chemotherapy.",
     [("blinatumomab, >=50% marrow blasts", "CR", 29.0), ("chemotherapy, >=50% marrow blasts", "CR", 13.0)]),
    (BLINA + "The CR rate of patients with prior HSCT was 30% in the blinatumomab arm and 10% in the chemotherapy arm.",
     [("blinatumomab, prior HSCT", "CR", 30.0), ("chemotherapy, prior HSCT", "CR", 10.0)]),
    # ... also when the arms are not named again, the values in the arms' order
    (BLINA + "Median OS for patients in second or later salvage was 5.1 vs 3.0 months.",
     [("blinatumomab, second or later salvage", "OS_MEDIAN", 5.1), ("chemotherapy, second or later salvage", "OS_MEDIAN", 3.0)]),
    # single arm: an endpoint's rate "of" a group is that group's; a threshold inside the group's name stays in it
    ("Sixty patients were treated. The CR rate of patients with Ph-positive ALL was 80%.", [("Ph-positive ALL", "CR", 80.0)]),
    ("Sixty patients were treated. The median OS of patients with >50% blasts was 5.1 months.",
     [(">50% blasts", "OS_MEDIAN", 5.1)]),
    # negatives: the share of patients who achieved something is the cohort's rate
    ("Sixty patients were treated. The rate of patients achieving CR was 60%.", [("all", "CR", 60.0)]),
    ("Sixty patients were treated. The response rate of patients who achieved MRD negativity was 60%.",
     [("all", "MRD_NEG", 60.0)]),
])
def test_arms19_group_before_the_verb(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # responders named after the last value before "respectively" are every value's: the groups named before
    ("The CR/CRi rate was 80% in phase 1 and 64% in phase 2. MRD negativity was achieved by 84% and 72% of responders, "
     "respectively.",
     [("phase 1", "CR_CRi", 80.0), ("phase 2", "CR_CRi", 64.0), ("phase 1", "MRD_NEG", 84.0), ("phase 2", "MRD_NEG", 72.0)]),
    ("The CR rate was 80% in children and 64% in adults. MRD negativity was 84% and 72% among responders, respectively.",
     [("children", "CR", 80.0), ("adults", "CR", 64.0), ("children", "MRD_NEG", 84.0), ("adults", "MRD_NEG", 72.0)]),
])
def test_arms19_responders_shared_before_respectively(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


def test_arms19_counted_groups_with_their_status(nlp):
    # two groups counted by what they have ("25 patients with A and 35 with B") name a bare "respectively" after them
    record = _run(nlp, "We treated 25 patients with Ph-positive ALL and 35 with Ph-negative ALL. CR rates were 80% and "
                       "60%, respectively.")
    assert _outcomes(record) == [("Ph-negative ALL", "CR", 60.0), ("Ph-positive ALL", "CR", 80.0)]


@pytest.mark.parametrize("text, outcomes", [
    # groups of patients each before its n bracket name a bare "respectively" or "vs" in the sentence after
    ("Patients were divided into two groups: those with early relapse (n = 30) and those with late relapse (n = 40). "
     "CR rates were 50% and 78%, respectively.", [("early relapse", "CR", 50.0), ("late relapse", "CR", 78.0)]),
    ("We compared patients aged 18-39 years (n = 40) with those aged 40 years or older (n = 60). The CR rate was 85% "
     "vs 70%.", [("aged 18-39 years", "CR", 85.0), ("aged >=40 years", "CR", 70.0)]),
    # a line of therapy the treatment was given as is the group ("drug as first salvage" / "as second salvage")
    ("Of 70 patients, 40 received the drug as first salvage and 30 as second salvage. CR rates were 60% and 40%, "
     "respectively.", [("first salvage", "CR", 60.0), ("second salvage", "CR", 40.0)]),
])
def test_arms19_groups_defined_before(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


def test_arms19_this_group_is_the_group_named_before(nlp):
    # "in this group" is the group the sentence before counted (it was labelled "this")
    record = _run(nlp, "Twenty-five patients (42%) were older than 60 years. The CR rate was 40% in this group and 65% "
                       "in younger patients.")
    assert ("age >60 years", "CR", 40.0) in _outcomes(record)
    assert "this" not in [o["arm"] for o in record["outcomes"]]


INO = "Patients were randomized 1:1 to inotuzumab ozogamicin (InO; n = 164) or standard intensive chemotherapy (SC; n = 162). "
INO_TITLE = "Inotuzumab ozogamicin versus standard therapy for acute lymphoblastic leukemia"


@pytest.mark.parametrize("text, outcomes", [
    # the arms' pairs of values each in a bracket after its group, one pair or more ("in first salvage (88% vs 29%)")
    (INO + "CR rates were higher with InO in first salvage (88% vs 29%).",
     [("inotuzumab ozogamicin, first salvage", "CR", 88.0), ("standard intensive chemotherapy, first salvage", "CR", 29.0)]),
    (INO + "CR rates were higher with InO in first salvage (88% vs 29%) and in second salvage (67% vs 20%).",
     [("inotuzumab ozogamicin, first salvage", "CR", 88.0), ("standard intensive chemotherapy, first salvage", "CR", 29.0),
      ("inotuzumab ozogamicin, second salvage", "CR", 67.0), ("standard intensive chemotherapy, second salvage", "CR", 20.0)]),
    (INO + "The CR rate was higher with InO than with SC in patients in first salvage (88% vs 29%) and in those in second "
           "salvage (67% vs 20%).",
     [("inotuzumab ozogamicin, first salvage", "CR", 88.0), ("standard intensive chemotherapy, first salvage", "CR", 29.0),
      ("inotuzumab ozogamicin, second salvage", "CR", 67.0), ("standard intensive chemotherapy, second salvage", "CR", 20.0)]),
    # negatives: an arm's role, the analysed population and an endpoint before the bracket are no groups
    (INO + "CR rates were higher in the experimental arm (80% vs 30%).",
     [("inotuzumab ozogamicin", "CR", 80.0), ("standard intensive chemotherapy", "CR", 30.0)]),
    (INO + "The CR rate was higher in the intention-to-treat population (80% vs 30%).",
     [("inotuzumab ozogamicin", "CR", 80.0), ("standard intensive chemotherapy", "CR", 30.0)]),
    (INO + "The benefit was seen in terms of CR (80% vs 30%).",
     [("inotuzumab ozogamicin", "CR", 80.0), ("standard intensive chemotherapy", "CR", 30.0)]),
])
def test_arms19_pairs_after_their_groups(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text, title=INO_TITLE)) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # a subgroup named among others ("including patients aged ...") before the bracket of the arms' pair
    (INO + "The CR/CRi rate favored InO in all subgroups, including patients aged 55 years or older (74% vs 27%).",
     [("inotuzumab ozogamicin, aged >=55 years", "CR_CRi", 74.0), ("standard intensive chemotherapy, aged >=55 years", "CR_CRi", 27.0)]),
    # two pairs in two clauses, the first's group before its verb, the second's opening its clause (was "group 3/4")
    (INO + "The CR rate in first salvage was 88% with InO and 29% with SC, and in second salvage 67% and 20%.",
     [("inotuzumab ozogamicin, first salvage", "CR", 88.0), ("standard intensive chemotherapy, first salvage", "CR", 29.0),
      ("inotuzumab ozogamicin, second salvage", "CR", 67.0), ("standard intensive chemotherapy, second salvage", "CR", 20.0)]),
    (INO + "The CR rate in first salvage was 88% with InO and 29% with SC, and in second salvage it was 67% and 20%, "
           "respectively.",
     [("inotuzumab ozogamicin, first salvage", "CR", 88.0), ("standard intensive chemotherapy, first salvage", "CR", 29.0),
      ("inotuzumab ozogamicin, second salvage", "CR", 67.0), ("standard intensive chemotherapy, second salvage", "CR", 20.0)]),
])
def test_arms19_pairs_by_clause(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text, title=INO_TITLE)) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # each arm's value named inside a bracket after a group is the arm's in that group
    (INO + "In both arms, the CR rate was higher in first salvage (InO 88%, SC 29%) than in second salvage (InO 67%, "
           "SC 20%).",
     [("inotuzumab ozogamicin, first salvage", "CR", 88.0), ("standard intensive chemotherapy, first salvage", "CR", 29.0),
      ("inotuzumab ozogamicin, second salvage", "CR", 67.0), ("standard intensive chemotherapy, second salvage", "CR", 20.0)]),
    (INO + "CR rates were higher among patients with Ph-positive ALL (InO 73%, SC 56%).",
     [("inotuzumab ozogamicin, Ph-positive ALL", "CR", 73.0), ("standard intensive chemotherapy, Ph-positive ALL", "CR", 56.0)]),
    # negatives: both arms, the analysed population
    (INO + "VOD occurred in both arms (InO 13%, SC 1%).",
     [("inotuzumab ozogamicin", "VOD", 13.0), ("standard intensive chemotherapy", "VOD", 1.0)]),
    (INO + "The CR rate was higher in the intention-to-treat population (InO 80%, SC 30%).",
     [("inotuzumab ozogamicin", "CR", 80.0), ("standard intensive chemotherapy", "CR", 30.0)]),
])
def test_arms19_arms_named_in_a_group_bracket(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text, title=INO_TITLE)) == sorted(outcomes)


@pytest.mark.parametrize("text, arms", [
    # a backbone regimen named by an acronym keeps the abstract's spelling as its label (it was the lexicon's
    # "hyper-CVAD" for "HCVAD"); the regimen stays the lexicon's
    ("Patients received FLAG-IDA (n = 40) or HCVAD (n = 38). CR was 60% with FLAG-IDA and 50% with HCVAD.",
     [("FLAG-IDA", 40), ("HCVAD", 38)]),
    # (a spelling with lower case keeps the lexicon's name, the same label once case is folded)
    ("Patients received FLAG-Ida (n = 40) or hyper-CVAD (n = 38).", [("FLAG-IDA", 40), ("hyper-CVAD", 38)]),
])
def test_arms19_backbone_acronym_as_written(nlp, text, arms):
    record = _run(nlp, text)
    assert _arms(record) == sorted(arms)
    assert {a["regimen"] for a in record["arms"]} == {"FLAG-IDA", "hyper-CVAD"}


def test_arms19_historical_control_named_by_its_treatment(nlp):
    # a historical control treated with a named regimen is also named by it ("in the hyper-CVAD group")
    record = _run(nlp, "We compared 60 older patients treated with mini-hyper-CVD plus inotuzumab with 40 historical "
                       "controls treated with hyper-CVAD. The 3-year OS was 63% vs 34%. Early mortality was 8% in the "
                       "hyper-CVAD group.")
    assert ("historical controls", "EARLY_DEATH", 8.0) in _outcomes(record)


def test_arms19_historical_cohort_after_an_article(nlp):
    # "compared with 25% in a historical cohort": the historical control (was "a historical"), the first value the
    # study's own (was "group 1")
    record = _run(nlp, "Forty patients received blinatumomab. The CR rate was 45%, compared with 25% in a historical "
                       "cohort treated with chemotherapy.")
    assert _outcomes(record) == [("all", "CR", 45.0), ("historical controls", "CR", 25.0)]


def test_arms19_leading_phrase_naming_both_arms_is_no_scope(nlp):
    # "For InO versus SC, ..." names the arms of the values, not a scope of one arm (was "inotuzumab ozogamicin, SC")
    record = _run(nlp, INO + "For InO versus SC, the CR/CRi rates were 80.7% and 29.4%.", title=INO_TITLE)
    assert _outcomes(record) == [("inotuzumab ozogamicin", "CR_CRi", 80.7), ("standard intensive chemotherapy", "CR_CRi", 29.4)]


@pytest.mark.parametrize("text, outcomes", [
    # "those treated in later salvage" is the line of therapy (was "treated in later salvage")
    ("Sixty patients were treated. The CR rate was 70% for patients treated in first salvage versus 35% for those "
     "treated in later salvage.", [("first salvage", "CR", 70.0), ("later salvage", "CR", 35.0)]),
    # an age group defined by its threshold in a bracket is named by the threshold (was "older patients (>=60 years)")
    ("Sixty patients were treated. Older patients (>=60 years) had a CR rate of 45%.", [("aged >=60 years", "CR", 45.0)]),
])
def test_arms19_line_and_age_names(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


def test_arms19_scope_keeps_its_threshold_bracket(nlp):
    # a leading scope defined by a threshold in a bracket keeps it, as a group read forwards does
    record = _run(nlp, "Sixty patients were treated. Among patients with high disease burden (>=50% blasts), the CR rate "
                       "was 45%, versus 80% among those with low disease burden.")
    assert _outcomes(record) == [("high disease burden (>=50% blasts)", "CR", 45.0), ("low disease burden", "CR", 80.0)]


@pytest.mark.parametrize("text, outcomes", [
    # a "respectively" list of three values after cell doses listed with their ns: each dose's (was "all" / "group 2"
    # / "group 3": the last two read as a pair, the first as the cohort's)
    ("Patients received 1 x 10^6 (n = 6), 3 x 10^6 (n = 8) or 1 x 10^7 (n = 10) CAR T cells/kg. The CR rates were 50%, "
     "75% and 90%, respectively.",
     [("1 x 10^6 CAR T cells/kg", "CR", 50.0), ("3 x 10^6 CAR T cells/kg", "CR", 75.0), ("1 x 10^7 CAR T cells/kg", "CR", 90.0)]),
    ("Patients received CAR T cells at 1 x 10^6/kg (n = 6), 3 x 10^6/kg (n = 8) or 1 x 10^7/kg (n = 10). The CR rates "
     "were 50%, 75% and 90%, respectively.",
     [("1 x 10^6/kg", "CR", 50.0), ("3 x 10^6/kg", "CR", 75.0), ("1 x 10^7/kg", "CR", 90.0)]),
    # no groups anywhere: numbered alike, none the cohort's
    ("The CR rates were 50%, 75% and 90%, respectively.",
     [("group 1", "CR", 50.0), ("group 2", "CR", 75.0), ("group 3", "CR", 90.0)]),
])
def test_arms19_respectively_list_of_three(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # a leading scope naming an arm by its role ("In the control group, ..." was "control")
    (BLINA + "In the control group, the CR rate was 16%.", [("chemotherapy", "CR", 16.0)]),
    # a leading scope naming an arm the title names too is that arm, not the whole cohort (was `all`)
    (BLINA + "In patients treated with blinatumomab, grade 3 or higher CRS occurred in 4.9%.", [("blinatumomab", "CRS", 4.9)]),
])
def test_arms19_scopes_naming_an_arm(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text, title="Blinatumomab versus chemotherapy for relapsed acute lymphoblastic leukemia")) \
        == sorted(outcomes)


def test_arms19_single_arm_drug_scope_stays_the_cohort(nlp):
    # negative: in a single-arm study, its drug named as the scope is the cohort
    record = _run(nlp, "Forty adults received blinatumomab. In patients treated with blinatumomab, grade 3 or higher "
                       "CRS occurred in 4.9%.", title="Blinatumomab for relapsed acute lymphoblastic leukemia")
    assert _outcomes(record) == [("all", "CRS", 4.9)]


@pytest.mark.parametrize("text, outcomes", [
    # a lineage names its patients as a status does (was "T-ALL patients")
    ("Sixty patients were treated. Among the T-ALL patients, 8 (40%) proceeded to transplant.", [("T-ALL", "HSCT", 40.0)]),
    # "their" opening the clause after a group named by what it did is that group (was `all`)
    ("Seventy-six patients were infused. Twenty-four (32%) patients received consolidative HSCT; their 1-year OS was "
     "80%.", [("all", "HSCT", 32.0), ("patients who received consolidative HSCT", "OS_RATE", 80.0)]),
])
def test_arms19_lineage_and_their(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


MITO_TITLE = "Mitoxantrone versus idarubicin in childhood relapsed ALL"


def test_arms19_respectively_follows_the_order_just_named(nlp):
    # a "respectively" pair naming no arm follows the order the sentence before named the arms in, not the title's
    # (the 29.2% went to mitoxantrone); "during induction" is no part of an arm's name
    record = _run(nlp, "Patients were randomly assigned to receive idarubicin or mitoxantrone during induction. The 3-year "
                       "PFS was 35.9% in the idarubicin group vs 64.6% in the mitoxantrone group. Among high-risk "
                       "patients, the PFS was 29.2% vs 56.1%, respectively.", title=MITO_TITLE)
    assert sorted(a["label"] for a in record["arms"]) == ["idarubicin", "mitoxantrone"]
    assert ("idarubicin, high-risk patients", "PFS_RATE", 29.2) in _outcomes(record)
    assert ("mitoxantrone, high-risk patients", "PFS_RATE", 56.1) in _outcomes(record)


@pytest.mark.parametrize("text, outcomes", [
    # a bare pair naming no arm follows the order the sentence before named them in
    (BLINA + "The 3-year PFS was 64.6% in the chemotherapy group vs 35.9% in the blinatumomab group. Among high-risk "
             "patients, the PFS was 56.1% vs 29.2%.",
     [("chemotherapy", "PFS_RATE", 64.6), ("blinatumomab", "PFS_RATE", 35.9),
      ("chemotherapy, high-risk patients", "PFS_RATE", 56.1), ("blinatumomab, high-risk patients", "PFS_RATE", 29.2)]),
    # ... a comparator named first there still second
    (BLINA + "Compared with chemotherapy, blinatumomab improved overall survival. The CR rate was 34% vs 16%.",
     [("blinatumomab", "CR", 34.0), ("chemotherapy", "CR", 16.0)]),
    (BLINA + "OS was longer with blinatumomab than with chemotherapy. The CR rate was 34% vs 16%.",
     [("blinatumomab", "CR", 34.0), ("chemotherapy", "CR", 16.0)]),
])
def test_arms19_pair_follows_the_order_just_named(nlp, text, outcomes):
    record = _run(nlp, text, title="Blinatumomab versus chemotherapy for relapsed acute lymphoblastic leukemia")
    assert sorted(o for o in _outcomes(record) if o[1] != "OS_MEDIAN") == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # the responders' transplant rate counted as a fraction of them is theirs, as "Of the 23 responders, 21 ..." is
    ("Forty patients were treated. Twenty-one of 23 responders subsequently underwent hematopoietic stem cell "
     "transplantation.", [("responders", "HSCT", 91.3)]),
    ("Forty patients were treated. Twenty-one of 23 responders (91%) underwent HSCT.", [("responders", "HSCT", 91.0)]),
    ("Forty patients were treated. Of the 23 responders, 21 (91%) underwent HSCT.", [("responders", "HSCT", 91.0)]),
    # (their MRD negativity stays the cohort's MRD rate)
    ("Forty patients were treated. Twenty of 23 responders (87%) were MRD-negative.", [("all", "MRD_NEG", 87.0)]),
])
def test_arms19_responders_transplant_rate(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # a treatment verb opening a group read from its n bracket is no part of its name (was "received inotuzumab weekly")
    ("Patients received inotuzumab weekly (n = 49) or monthly (n = 41). The CR rate was 59% with weekly and 57% with "
     "monthly dosing.", [("inotuzumab weekly", "CR", 59.0), ("monthly", "CR", 57.0)]),
    # donor types name the groups (were "grafts from haploidentical donors" / "from matched unrelated donors")
    ("Of 300 patients, 110 received grafts from haploidentical donors and 190 from matched unrelated donors. The 2-year "
     "OS was 55% and 60%, respectively.",
     [("haploidentical donors", "OS_RATE", 55.0), ("matched unrelated donors", "OS_RATE", 60.0)]),
])
def test_arms19_group_names_without_their_verb(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


def test_arms19_patients_at_a_dose(nlp):
    # "31% of patients at 2 x 10^6 cells/kg" is named by the dose (was "patients at 2 x 10^6 cells/kg")
    record = _run(nlp, "Patients received 2 x 10^6 (n = 23), 1 x 10^6 (n = 16) or 0.5 x 10^6 (n = 6) cells/kg. Grade 3 "
                       "or higher CRS occurred in 31% of patients at 2 x 10^6 cells/kg and 12% at 1 x 10^6 cells/kg.")
    assert _outcomes(record) == [("1 x 10^6 cells/kg", "CRS", 12.0), ("2 x 10^6 cells/kg", "CRS", 31.0)]


@pytest.mark.parametrize("text, outcomes", [
    # dose levels opening clauses of their own (was "dose level 3 group 1" / "dose level 3 group 2")
    ("Twenty-four patients were treated. At dose level 3, the CR rate was 83%, and at dose level 2, it was 50%.",
     [("dose level 3", "CR", 83.0), ("dose level 2", "CR", 50.0)]),
    # a dose named by its role opens a scope as a dose level does (was `all`)
    ("Twenty-four patients were treated. At the recommended phase 2 dose, the CR rate was 70%.",
     [("recommended phase 2 dose", "CR", 70.0)]),
    ("Twenty-four patients were treated. At the highest dose level, 5 of 6 patients (83%) achieved CR.",
     [("highest dose level", "CR", 83.0)]),
])
def test_arms19_dose_level_scopes(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


def test_arms19_value_at_named_doses(nlp):
    # a value "at the two highest dose levels" is theirs (was `all`)
    record = _run(nlp, "Twenty-four patients were treated. The CR rate was 32% at the two highest dose levels.")
    assert _outcomes(record) == [("highest dose levels", "CR", 32.0)]


@pytest.mark.parametrize("text, outcomes", [
    # a whole-cohort value before "similar across subgroups, including ..." (was "group 1")
    ("Sixty patients were treated. The CR rate was 60%, and was similar across subgroups, including those with prior "
     "HSCT (58%).", [("all", "CR", 60.0), ("prior HSCT", "CR", 58.0)]),
])
def test_arms19_whole_before_subgroups_including(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # a subgroup as the sentence's subject, then the arms' values: the arms' in that subgroup (were the arms alone)
    (INO + "Patients with baseline marrow blasts of 90% or more had a CR/CRi rate of 70% with InO versus 17% with SC.",
     [("inotuzumab ozogamicin, baseline marrow blasts >=90%", "CR_CRi", 70.0),
      ("standard intensive chemotherapy, baseline marrow blasts >=90%", "CR_CRi", 17.0)]),
    (INO + "Patients with prior allogeneic HSCT had a median OS of 5.8 months with InO and 3.8 months with SC.",
     [("inotuzumab ozogamicin, prior allogeneic HSCT", "OS_MEDIAN", 5.8),
      ("standard intensive chemotherapy, prior allogeneic HSCT", "OS_MEDIAN", 3.8)]),
    # negatives: a subject naming an arm, or no subgroup of patients
    (INO + "InO-treated patients more often achieved MRD negativity (78.4% vs 28.1%).",
     [("inotuzumab ozogamicin", "MRD_NEG", 78.4), ("standard intensive chemotherapy", "MRD_NEG", 28.1)]),
    (INO + "Patients receiving InO had a median OS of 7.7 months compared with 6.7 months for those receiving SC.",
     [("inotuzumab ozogamicin", "OS_MEDIAN", 7.7), ("standard intensive chemotherapy", "OS_MEDIAN", 6.7)]),
])
def test_arms19_subject_subgroup_with_arms(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text, title=INO_TITLE)) == sorted(outcomes)


@pytest.mark.parametrize("text, outcomes", [
    # a part of a phase 1/2 study as the sentence's scope (was `all`)
    ("In the phase 1 part, 49 patients were treated at five dose levels; in the phase 2 part, 44 patients received the "
     "recommended dose. In phase 2, 39% achieved CR within the first two cycles.", [("phase 2", "CR", 39.0)]),
    # negative: a study of one phase names no part by it
    ("In this phase 2 study, 40 patients were treated. In the phase 2 cohort, 39% achieved CR.", [("all", "CR", 39.0)]),
])
def test_arms19_phase_parts(nlp, text, outcomes):
    assert _outcomes(_run(nlp, text)) == sorted(outcomes)
