"""Arms, subgroups and regimens: which group of patients each figure belongs to, and what that group received.

Detection (`detect_arms`, over the whole article before any figure is read), from the abstract's own words:
- arms with their n: "randomly assigned to receive blinatumomab (271 patients) or chemotherapy (134 patients)",
  "treated with standard HCVAD (n = 77) or with inotuzumab plus mini-HCVD (n = 58)";
- arms as counts with their treatments: "Of the 326 patients, 164 were assigned to A and 162 to B", "We compared 60
  patients who received A with 40 who received B" ("received" alone only when the counts add up to a stated total);
- randomised arms without n: "randomly assigned to receive either A (A group) or B (B group)";
- comparisons: "A versus B" (title), "comparing A with B", "comparison of A to B", "A (InO) vs. B (SC)";
- bracket lists "(ALL, n = 255; NHL, n = 155)" and arm codes "(B1) ... (B2)", "arm A / arm B", "cohort 1 / cohort 2"
  (a code's regimen from its bracket: "arm A (clofarabine plus cytarabine; n = 41)");
- historical controls ("compared to historical controls", "our previous trial with X alone").
A study without two arms of its own has one arm `all` (a historical control is an arm beside it).

Labels are the abstract's group names, normalised: a drug arm is its canonical name (patterns/drugs.jsonl), a
combination its readable regimen ("inotuzumab + mini-HCVD ± blinatumomab"), unspecified chemotherapy as written
("standard of care chemotherapy"), a group name in brackets wins ("standard-therapy group" -> "standard therapy").
Each arm's regimen has canonical drugs, a readable name and classes (patterns/regimen_classes.jsonl); an agent the
lexicon does not know is kept by its written name.

Assignment (`ArmIndex.labels`, per sentence, for the values of one endpoint mention), in order:
1. a group right after each value ("7.7 months in the blinatumomab group", "93% of Ph- ... 64% of Ph+ patients");
2. a group right before the value's bracket ("IDR (12.5 mg/m2) (27 +/- 18%)", "InO (CR/CRi = 73%");
3. "respectively" with a list of groups (zipped, or cycled when the values are a multiple of the groups);
4. values compared ("80.7% vs. 29.4%"): values in clauses of their own take each clause's opening group ("In the A
   arm, ...; in the B arm, it was 16%"); some values named by their arms give the others the arms left ("23% with
   inotuzumab vs 10% with standard therapy"); else the groups the sentence names, in its order, then the other arms
   in their order of introduction ("the former"/"the latter" name the first/second arm), unless a value is named by
   a subgroup;
5. one value: a group named before it in its clause ("the CR rate in the X arm was 40%"), the sentence's leading
   scope ("In the MRD+ group, ...", "Among patients with NHL, ..."), a scope carried from the previous sentence when
   it named an arm or group, else `all`.
A leading subgroup scope prefixes a subgroup named after the value ("In the R/R group, 51% of Ph- ..." ->
"R/R Ph-"), and follows an arm ("Among Ph-positive patients, CR was 73% with InO vs 56% with SC" -> "inotuzumab
ozogamicin, Ph-positive", as subgroups nested in arms are named): a subgroup's figure is not the arm's
headline. The analysed population, a count of patients and responders (the denominator of MRD negativity) are not
such subgroups.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Mapping

from spacy.tokens import Doc

from extractor import normalise as nz
from extractor.extraction import subgroups
from extractor.extraction.evidence import evidence
from extractor.extraction.sentences import doc_text, section_view
from extractor.extraction.spans import rule_spans
from extractor.models import TITLE_SECTION, UNLABELLED_SECTION

GENERIC = {"chemotherapy", "standard chemotherapy"}
HYPHENS = str.maketrans({"‐": "-", "‑": "-", "–": "-", "—": "-"})
# An arm's n bracket, maybe after what the arm is ("(FLAG, HiDAC, or cytarabine plus mitoxantrone; n = 138)",
# "(INO, n = 68)").
# Also "(n = 40 patients)", "(n: 40)", "(40 cases)", and with the arm's share: "(n = 40, 51%)".
_N_BRACKET = r"[(\[]\s?(?:[^()\[\];]{{1,80}}[;,]\s?)?(?:n\s?[=:]\s?(?P<{0}>\d+)(?:\s(?:patients|pts|children|adults|subjects|cases))?|" \
             r"(?P<{0}2>\d+)\s(?:patients|pts|children|adults|subjects|cases))(?:[;,]\s?\d+(?:\.\d+)?\s?%)?\s?[)\]]"
# (an abbreviation inside the arm's name too: "standard-of-care (SOC) chemotherapy (n = 134)")
# (an abbreviation inside the arm's name too: "standard-of-care (SOC) chemotherapy (n = 134)")
_PART = r"[^;()]{{2,140}}?(?:\s?\([^()]{{1,40}}\)|\s\([A-Za-z][A-Za-z0-9+\-]{{0,9}}\)(?:\s[A-Za-z][\w\-]{{1,30}}){{1,2}})?"
_WITH_N = re.compile(r"(?P<a>" + _PART.format() + r")\s?" + _N_BRACKET.format("na") + r",?\s(?:or|versus|vs\.?|and|"
                     r"(?:(?:were|was)\s)?(?:(?:compared|matched)(?:\s1:\d)?\s)?(?:with|to))\s"
                     r"(?P<b>" + _PART.format() + r")\s?" + _N_BRACKET.format("nb"), re.I)
_RANDOMISED = re.compile(r"\b(?:randomly assigned|randomi[sz]ed|allocated)\b[^.;]{0,80}?\bto\s(?:receive\s)?(?:either\s)?"
                         r"(?P<a>[^;]{2,140}?)\s(?:or|versus|vs\.?)\s(?P<b>[^;]{2,140}?)(?=[.;]|\s(?:in|at|for|with|during)\s|$)",
                         re.I)
# "Patients were randomized between clofarabine and high-dose cytarabine"
_RANDOMISED_BETWEEN = re.compile(r"\b(?:randomly assigned|randomi[sz]ed|allocated)\b[^.;]{0,40}?\bbetween\s(?:receiving\s)?"
                                 r"(?P<a>[^;]{2,140}?)\sand\s(?P<b>[^;]{2,140}?)(?=[.;]|\s(?:in|at|for|with|during)\s|$)", re.I)
_COMPARED = re.compile(r"\b(?:comparing|compared|comparison of|efficacy and safety of|outcomes? of)\s(?P<a>[^;,]{2,90}?)\s"
                       r"(?:compared\s)?(?:with|to|versus|vs\.?)\s(?P<b>[^;,]{2,90}?)(?=\s(?:in|for|among|as|on|at|between)\s|[,.;:]|$)",
                       re.I)
# Two treatments compared joined by "and", when no "with"/"versus" joins them: "Comparison of blinatumomab and
# inotuzumab ozogamicin as salvage therapy", "we compared FLAG-Ida and hyper-CVAD" (not after "efficacy and safety
# of", where "A and B" is one regimen).
# (not "compared with": its object is the comparator alone, "compared with a historical cohort treated with A and B")
_COMPARED_AND = re.compile(r"\b(?:comparing|compared|comparison of)\s(?!(?:with|to|against)\s)(?P<a>[^;,]{2,90}?)\sand\s(?P<b>[^;,]{2,90}?)"
                           r"(?=\s(?:in|for|among|as|on|at|between)\s|[,.;:]|$)", re.I)
# "In this trial, blinatumomab was compared with standard-of-care chemotherapy".
_PASSIVE_COMPARED = re.compile(r"\s*(?:the\s)?(?P<a>[^;,:]{2,90}?)\s(?:was|were)\scompared\s(?:with|to|against)\s(?P<b>[^;,]{2,90}?)"
                               r"(?=\s(?:in|for|among|as|on|at|between)\s|[,.;:]|$)", re.I)
_PASSIVE_AT = re.compile(r"\s(?:was|were)\scompared\s(?:with|to|against)\s")
_VERSUS = re.compile(r"(?P<a>[^;,:]{2,90}?)\s(?:versus|vs\.?)\s(?P<b>[^;,:]{2,90}?)(?=\s(?:in|for|among|as|on|at|after\s(?:propensity|"
                     r"matching|adjustment|weighting))\s|[,.;:]|$)",
                     re.I)
_LIST = re.compile(r"\(\s?([A-Za-z][\w+/\- ]{0,30}),\s?n\s?=\s?(\d+)((?:;\s?[A-Za-z][\w+/\- ]{0,30},\s?n\s?=\s?\d+)+)\s?\)")
_CODE = re.compile(r"\(\s?((?:arm|cohort|group)\s)?([A-Z]{1,2}\d)\s?\)")
# "Cohort 1 received ..., cohort 2 ..."; a coded schedule or regimen is an arm as a coded arm is ("schedule A (n = 20)
# or schedule B (n = 22)", "regimen A ... regimen B")
_NAMED = re.compile(r"\b([Aa]rm|[Cc]ohort|[Gg]roup|[Ss]tratum|[Ss]chedule|[Rr]egimen)\s([A-Z]\b|\d{1,2}[A-Z]?\b)")
_CODE_THEN_BRACKET = re.compile(r"\s?\(")


def _groups_with_regimens(text: str, codes: list[str], drugs: list) -> bool:
    """Group codes are arms' only when each opens a bracket holding a drug: "randomized to group A (hyper-CVAD, n =
    50) or group B (hyper-CVAD plus rituximab, n = 52)" ("group 1 (first relapse)" is a subgroup)."""
    for code in dict.fromkeys(codes):
        m = re.search(r"\b(?i:" + re.escape(code) + r")\b", text)
        bracket = _CODE_THEN_BRACKET.match(text, m.end()) if m else None
        close = text.find(")", bracket.end()) if bracket else -1
        if close == -1 or not any(bracket.end() <= start < close for start, _, _ in drugs):
            return False
    return True


_NAMED_WORDS = ("arm", "cohort", "group", "stratum", "schedule", "regimen", "Arm", "Cohort", "Group", "Stratum", "Schedule",
                "Regimen")  # a cheap cue of _NAMED
_HISTORICAL = re.compile(r"\bhistorical(?:ly)?\s(?:controls?|cohorts?|rates?|data|comparators?)\b|\bhistorical(?:ly)?\b", re.I)
_PREVIOUS = re.compile(r"\b(?:previous|prior|earlier)\s(?:trial|study|experience|series)\s(?:with|of|using)\s"
                       r"(?P<r>[^,;.]{2,60}?)\s(?:alone|only)\b", re.I)
_NEGATED = re.compile(r"(?:no|without)\s(?=\S)", re.I)
# A reference to an arm by its role: "the control arm", "the experimental group".
# (also with what the standard was: "the standard-therapy group" of the arm "standard intensive chemotherapy")
_ROLE_REFERENCE = re.compile(r"\b(control|comparator|standard|experimental|investigational)"
                             r"(?:[\s\-](?:therapy|treatment|care|of[\s\-]care|chemotherapy))?\s(?:arm|group|cohort)\b", re.I)
_CONTROL_WORDS = ("control", "comparator", "standard")
_GROUP_THEN_REGIMEN = re.compile(r"^\s*(?:the\s)?(?P<g>(?:[\w\-]+\s){1,2}?(?:arm|group))\s?\((?P<r>[^()]{2,80})\)\s*$", re.I)
_GROUP_BRACKET = re.compile(r"\(\s?(?:the\s)?([^()]{2,60}?)\s(?:group|arm|cohort)\s?\)", re.I)
_ABBREV_BRACKET = re.compile(r"\(\s?([A-Za-z][A-Za-z0-9+\-]{0,9})\s?[);]")  # "(SOC)", "(SOC; n = 134)"
_LEAD = re.compile(r"^\s*(?:the\s|an?\s|either\s|receive\s|with\s|combination\sof\s|th(?:ose|at)\sof\s|"
                   r"(?:one|two|three|four|five|six|\d)\s(?:cycles?|courses?|blocks?)\sof\s|"  # "two cycles of blinatumomab"
                   r"one\sof\s(?:the\s)?(?:two|three|four|five|several|\d)\s|"  # "one of three standard regimens"
                   r"(?:investigator|physician)['’]?s['’]?\schoice\sof\s|"  # "investigator's choice of chemotherapy"
                   r"(?:(?:propensity[\s\-](?:score[\s\-])?)?matched\s)?(?:control|comparator)\s(?:cohort|group)\sof\s|"
                   r"(?:\d+\s(?:matched\s)?)?(?:patients|those|adults|children|pts|controls)\s"
                   r"(?:(?:who\swere\s)?treated\swith|receiving|who\sreceived)\s)+", re.I)  # "120 matched controls treated with"
_ADJECTIVE = re.compile(r"^(?:standard|conventional|intensive|classic|prospective|(?:high|low|intermediate|reduced)[\s\-]dose)\s",
                        re.I)  # "high-dose cytarabine (HiDAC)" is the arm cytarabine
_TRIM_LEFT = re.compile(r".*\b(?:with|to|receive|received|receiving|either|of|and|compared|comparing|:)\s", re.I)
_COMBINE = re.compile(r"^\s?(?:\+|plus|and|with|/|,|, and|in combination with|combined with|followed by)(?:\san?)?\s?$", re.I)  # "with a TKI"
_WITH_OR_WITHOUT = re.compile(r"^\s?(?:with or without|±|\+/-|and/or)\s?$", re.I)
# Cheap necessary conditions of _WITH_N, _COMPARED and _VERSUS: their lazy 2-140 character groups are tried at every
# position of every sentence, so a sentence without an "(n = 12)" / "versus" / comparison cue is not searched.
_ANY_N_BRACKET = re.compile(r"[(\[]\s?(?:[^()\[\];]{1,80}[;,]\s?)?(?:n\s?[=:]\s?\d+(?:\s(?:patients|pts|children|adults|subjects|cases))?|"
                            r"\d+\s(?:patients|pts|children|adults|subjects|cases))(?:[;,]\s?\d+(?:\.\d+)?\s?%)?\s?[)\]]", re.I)
_COMPARE_CUE = re.compile(r"\b(?:comparing|compared|comparison of|efficacy and safety of|outcomes? of)\s", re.I)
_VS_AT = re.compile(r"(?=\s(?:versus|vs\.?)\s)", re.I)  # every position, overlapping ones too
# What _WITH_N's and _VERSUS' first group may hold and how long it may be (see _search_from_anchors): _WITH_N's
# a is 2-140 characters but ; ( ), then maybe a space, up to the "(" of its own bracket or of its n bracket.
_WITH_N_REACH, _WITH_N_STOPS = 141, ";()"
_VERSUS_REACH, _VERSUS_STOPS = 90, ";,:"
# Words without which a case-insensitive pattern cannot match (see _may_have).
_COMPARE_WORDS = ("compar", "efficacy and safety of", "outcome")
_VS_WORDS = ("versus", "vs")
_RANDOMISED_WORDS = ("randomly assigned", "randomi", "allocated")
_PREVIOUS_WORDS = ("previous", "prior", "earlier")
_HISTORICAL_WORDS = ("historical",)
_GROUP_WORDS = ("group", "arm", "cohort")
_ALL_PATIENTS_WORDS, _WHOLE_WORDS = ("patients", "cohort", "population"), ("all", "whole", "entire", "overall")
_DRUG_LIKE = re.compile(r"\b([A-Z][a-z]{3,}(?:mab|nib|cel|stat|tinib|clax|lisib|zomib|parib|leucel|ine|ide))\b")
_AGENT_LIKE = re.compile(_DRUG_LIKE.pattern[2:])
_TREATED_WITH = re.compile(r"\b(?:treated with|received|receiving|treatment with)\s([A-Z]?[a-z]{4,}(?:mab|nib|cel|stat|clax|ine))\b")
_REGIMEN_HEAD = re.compile(r"^(?:[\w\-]+(?:-based)?\s){0,3}?(?:chemotherapy|chemotherapies|therapy|placebo|observation|"
                           r"supportive care|regimens?)\b|^(?:standard[\s\-](?:of[\s\-])?care|usual care|B?SOC|SC|BSC|"
                           r"(?:CD\d{2}[\s\-])?CAR[\s\-]?T(?:[\s\-]cells?)?|"  # a CAR T product not named: "CAR T cells"
                           r"(?:investigator|physician)'?s'?\schoice)\b|"
                           # a further course of the backbone as the comparator: "a third consolidation course", "a third
                           # block of consolidation chemotherapy"
                           r"^(?:[\w\-]+\s)?(?:(?:consolidation|induction|intensification|re-?induction)\s(?:courses?|cycles?|"
                           r"blocks?)|(?:courses?|cycles?|blocks?)\sof\s(?:[\w\-]+\s)?(?:chemotherapy|consolidation|"
                           r"induction))\b", re.I)
# A transplant's donor type (or graft source), a comparison's arm without drugs, ending the arm's phrase:
# "haploidentical", "(grafts from) a matched unrelated donor", "HLA-identical sibling donors", "umbilical cord blood",
# "MUD"; a transplant word may follow ("haploidentical HSCT").
_DONOR_TAIL = re.compile(r"(?:^|\b(?:from|after|of|with|using)\s(?:an?\s|the\s)?)(?P<d>(?:HLA[\s\-])?(?:haplo(?:identical)?|"
                         r"(?:fully\s|well[\s\-]|\d{1,2}/\d{1,2}[\s\-])?(?:matched|identical|mismatched)(?:\s(?:unrelated|related|"
                         r"sibling|family))?|unrelated|sibling)(?:\s(?:family\s)?donors?)?|(?:umbilical\s)?cord\sblood|MUD|MSD|MMUD|"
                         r"UCB)(?:\s(?:allogeneic\s)?(?:HSCT|SCT|HCT|transplant\w*|grafts?))?\Z", re.I)
_DONOR_IN_TITLE = re.compile(r"\b(?:haplo\w*|donors?|cord\sblood|sibling|unrelated|MUD|MSD|UCB)\b", re.I)


def _donor_arm(arm: Arm) -> bool:
    return not arm.drugs and _DONOR_TAIL.search(arm.label) is not None


def _compares_donors(sentences: list) -> bool:
    """Donor types are the study's arms only when its title names a donor type and no drug ("Haploidentical versus
    matched unrelated donor transplantation for adults with ALL"): in a drug's study, the donors of the patients who
    went on to transplant are a subgroup ("25 proceeded to HSCT from a sibling (n = 10) or haploidentical donor (n =
    15)")."""
    title = [(text, drugs) for _, section, text, drugs in sentences if section == TITLE_SECTION]
    return any(_DONOR_IN_TITLE.search(text) for text, _ in title) and not any(drugs for _, drugs in title)


_DOSE_AFTER = re.compile(r"^\s?\(\s?(\d+(?:\.\d+)?\s?(?:mg/m2|mg/kg|mg|µg/m2|ug/m2|mcg/m2))(?:/\w+)*\s?\)", re.I)
# What may stand between a value and a group named after it: its unit, brackets, "of the evaluable".
_AFTER_VALUE = re.compile(r"^(?:[^()\[\]]{0,40}[)\]])?\s?(?:%|months?|mo|years?|weeks?|days?)?\s?(?:[(\[][^()\[\]]{0,60}[)\]]\s?)*"
                          r"(?:%|months?|mo|years?|weeks?|days?)?,?\s?"
                          r"(?:in|of|for|among|with)\s(?:the\s|an?\s(?=historical|matched|external|control))?(?:evaluable\s|all\s)?", re.I)
_AFTER_TREATMENT = re.compile(r"\s?(?:%|months?|mo|years?|weeks?|days?)?,?\s(?:after|following|on)\s(?:the\s)?", re.I)
_RECEIVED_BY = re.compile(r"(?:patients|subjects|adults|children|those)\s(?:in(?=\sthe\s)|(?:who\s(?:had\s|were\s)?)?(?:received|receiving|"
                           r"treated\swith|given|assigned\sto|randomi[sz]ed\sto))\s(?:the\s)?", re.I)
_SUBGROUP_AFTER = re.compile(r"^([A-Za-z][\w/\-]*[+\-])(?=[\s,.;)]|$)|^([A-Za-z][\w+/\-≥≤<>]*(?:\s(?!(?:and|or)\s)[\w+/\-≥≤<>]+){0,3}?)\s"
                             r"(?:subgroup|group|arm|cohort|patients|subjects|children|adults)\b")
# A value stated at a time of assessment: "90% at week 4", "45% after cycle 1", "60% by day 28".
_DISEASE_AFTER_STATUS = re.compile(r"(?<=[\w+\-])\sALL\b")  # "Ph-like ALL", "Ph+ ALL" (not "all patients")
_PRIOR_SCOPE = re.compile(r"(?:After|Following)\s(?P<x>" + subgroups.PRIOR_AGENT + r"[^,;()\d]{2,50}?),\s")
_ARM_N_AFTER = re.compile(r"^(?:\s(?:arm|group|cohort))?\s?\(n\s?=\s?\d+\)")
_VERSUS_WORD = re.compile(r"\s(?:vs\.?|versus)\s")  # the cheap cue of subgroups.compared_in_bracket
_AT_A_TIME = re.compile(r"\s?%?\s(?:at|by|after)\s(?:the\send\sof\s)?(?:weeks?|days?|months?|cycles?|courses?)\s\d+\b", re.I)
# The name given to a group the sentence does not name.
_UNNAMED = re.compile(r"group \d+")
# Doses named by how they compare after a value: "42% at lower doses", "at the other dose levels".
_DOSES_AFTER = re.compile(r"\s?%?\s(?:at|with)\s(?:the\s)?(?P<g>(?:lower|higher|lowest|highest|other|remaining)\s"
                          r"(?:doses?|dose\slevels?))\b", re.I)


# A group after the last of a list of values that ends the list before its "respectively": the group of every value.
_SHARED_BEFORE_RESPECTIVELY = re.compile(r"\s?%?\s(?:of|among|in)\s(?:the\s)?(?:patients\s(?:in\s(?:CR|remission)|who\s"
                                         r"responded)|(?:[\w/]+\s)?responders|responding\spatients|evaluable\spatients)"
                                         r",?\srespectively\b", re.I)
# "in this group", "in this subgroup": the group the sentence before named (see ArmIndex._after).
_THIS_GROUP = re.compile(r"(?:this|that)\s(?:group|subgroup|cohort)\b", re.I)
# A group counted by what it was or had: "Twenty-five patients (42%) were older than 60 years", "30 had Ph+ ALL".
_GROUP_BY_STATE = re.compile(r"\b(?:patients|subjects|children|adults)\s(?:\([^()]*\)\s)?(?:were|had)\s"
                             r"([^,;().%]{2,60}?)\s?(?=[,;.]|$)")
# A sentence whose subject is a subgroup of patients: "Patients with prior HSCT had ...", "Patients aged 55 years or older had".
_PATIENTS_SUBJECT = re.compile(r"\s*(?:Patients|Those|Children|Adults)\s(?:with|without|aged|in|who|younger|older)\b")
# A part of a phase 1/2 study as the sentence's scope: "In phase 2, ...", "In the phase 1 part, ..." (not "In this phase 2
# trial").
_PHASE_SCOPE = re.compile(r"(?:In|Among|For)\s(?:the\s)?(?:patients\sin\s(?:the\s)?)?phase\s(?P<p>1|2|I|II)"
                          r"(?:\s(?:part|portion|cohort|population|patients))?,\s", re.I)
_PHASE_NAMED = re.compile(r"phase\s(?P<p>1|2|I|II)\b(?![/\-])")  # a part of a phase 1/2 study named after a value
_PHASE_ONE_TWO = re.compile(r"\bphase\s(?:1/2|I/II|1b/2|Ib/II)\b|\bphase\s(?:1|I)\b.{0,400}\bphase\s(?:2|II)\b", re.I | re.S)
_AT_ARM = re.compile(r"\s?%?\s(?:at|with)\s(?:the\s)?(?:a\sdose\sof\s)?")


def _doses_named_after(text: str, end: int) -> str | None:
    m = _DOSES_AFTER.match(text, end)
    return m.group("g").lower() if m else None
# The whole cohort named before a sentence's first value: "The overall CR rate ...", "For the whole cohort, ..."
_OVERALL_BEFORE = re.compile(r"\b(?:overall|whole cohort|entire cohort|all patients)\b", re.I)
# A severity grade right before a value: "(grade ≥3, 2%)", "grade 3 or 4 in 13%", "grades 3-4: 5%", and with the
# events' noun: "with grade 3 or higher events in 13%", "and grade 3 events in 10%".
_SEVERITY_BEFORE = re.compile(r"\bgrades?\s?(?:[≥>]=?\s?)?\d(?:\s?(?:[-–]|to|or|and)\s?\d)?(?:\s?or\s(?:higher|more|above|"
                           r"greater)|\+)?(?:\s(?!(?:in|was|were|of)\b)[a-z][\w-]*){0,2}"
                           r"\s?(?:[,:;]|\bin\b|\bwas\b|\bwere\b|\bof\b)?\s?(?:in\s)?$", re.I)
# After a value, the treatment its group received: "96% with dasatinib", "7.7 months with inotuzumab versus ...".
# After a value, a bare "without": the group lacking the treatment of the value before ("55% with rituximab and
# 41% without").
_BARE_WITHOUT = re.compile(r"\s?(?:%|months?|mo)?\s?without\b(?!\s(?:a|an|the|any|prior|previous)?\s?[A-Za-z])")
_WITH_TREATMENT = re.compile(r"\s?(?:%|months?|mo)?(?:\)(?=\streated\s|\sgiven\s))?\s?(?:[(\[][^()\[\]]{0,60}[)\]]\s?)?,?\s(?:in\spatients\s)?(?:treated\s|given\s)?"
                             r"with\s(?P<name>[A-Za-z][\w+\-/]*(?:\s[\w+\-/]+){0,3}?)"
                             r"(?=\s?[,;.)]|\s\(|\s(?:vs\.?|versus|and|compared|than|or|in|group|arm|alone)\b|$)")
_COMBINATION = re.compile(r"(?:the\s)?(?:combination|monotherapy)")  # a group named by how it was treated
# How one drug was given, before its name: "with single-agent blinatumomab", "with low-dose inotuzumab".
_DRUG_MODIFIER = re.compile(r"(?:single[\s\-]agent|(?:high|low|reduced|standard|full)[\s\-]dose)\s")
_PARTNER_JOIN = re.compile(r"\s(?:and|plus|with|\+)\s")


def _partner_drug(text: str, drugs, at: int) -> int | None:
    """The end of a second drug joined to a first that ends at `at` ("with blinatumomab and ponatinib"), when the
    joined drug ends the phrase; else None."""
    join = _PARTNER_JOIN.match(text, at) if text.startswith((" and ", " plus ", " with ", " + "), at) else None
    if join is None:
        return None
    end = next((e for s, e, _ in drugs if s == join.end()), None)
    return end if end is not None and _NAME_END.match(text, end) else None


_NAME_END = re.compile(r"\s?[,;.)]|\s\(|\s(?:vs\.?|versus|compared|than|or|in|group|arm)\b|\sand\s(?=\d)|$")
_SCOPE = re.compile(r"^\s*(?:In|Among|For)\s(?:the\s)?(?:(?:patients|adults|children|those)\s(?:with|in)\s(?:the\s)?)?"
                    r"(?P<x>[^,;()]{1,40}?)(?P<g>\s(?:group|arm|cohort|subgroup))?,\s")
_ALL_PATIENTS = re.compile(r"\b(?:of|in|among)\s(?:all|the whole|the entire|the overall)\s(?:\d+\s)?(?:(?:infused|treated|evaluable|"
                           r"enrolled|randomi[sz]ed|analy[sz]ed|included)\s)?(?:patients|cohort|population)\b",
                           re.I)
# The whole cohort named otherwise: "Overall, ...", "For the entire population", "Across both cohorts", "In both
# cohorts combined", "in total".
_WHOLE_COHORT = re.compile(r"^\s*(?:Overall|In\stotal|Altogether),\s|\b(?:the\s)?(?:whole|entire|overall|total)\s(?:study\s)?"
                           r"(?:population|cohort|group)\b|\bacross\s(?:both|all|the\s(?:two|three))\s(?:cohorts|groups|arms|"
                           r"strata)\b|\bacross\sthe\s(?:study|trial|cohorts)\b|\b(?:both|all)\s(?:cohorts|groups)\scombined\b",
                           re.I)
# (a "population" is read as a wide scope, which may be the whole cohort: "In the intention-to-treat population, ...")
_NOT_A_GROUP = re.compile(r"\b(?:patients|total|study|trial|addition|conclusion|summary|this|these|our|results?|"
                          r"analys[ie]s|contrast|particular|general|overall|whole|entire|both|population)\b|\d", re.I)
# A wider leading scope, named by its subgroup words: "In CR2 patients, ...", "In the 9 patients treated under revised
# management, ...", "In the subgroup of 110 patients with Ph-negative ALL in remission, ...", "In cohort 2A (94 patients), ..."
_SCOPE_WIDE = re.compile(r"^\s*(?:In|Among|For)\s(?P<x>[^,;()]{1,90}?)(?P<b>\s?\([^()]*\))?,\s")
# A bracket that defines the scope by a threshold stays in its name: "Among patients with high disease burden (>=50%
# blasts), ..." -> "high disease burden (>=50% blasts)".
_THRESHOLD_SCOPE_BRACKET = re.compile(r"\s?\((?=[<>≤≥])[^()\[\];,]{2,40}\)")
# A result is no part of a scope ("For patients in CR1 the CR rate was 60%, whereas ..."); a scope without its comma
# ends before the result's subject: "In patients with Ph-positive ALL the CR rate was 80%".
# (a threshold's share names the group, no result: "with 90% or more", "with >50% blasts")
_RESULT_IN_SCOPE = re.compile(r"\b(?:was|were|is|are)\b|(?<![<>=≤≥\d.])(?<![<>=≤≥]\s)(?<!than\s)\d+(?:\.\d+)?\s?%"
                              r"(?!\sor\s(?:more|greater|higher|above|less|fewer|lower|below)\b)")
_SCOPE_BEFORE_RESULT = re.compile(r"^\s*(?:In|Among|For)\s(?P<x>[^,;()%]{1,60}?)\s(?=the\s(?:[\w/\-]+\s){1,3}(?:was|were)\s)")
# ("all" but the lineage's "B-ALL" / "T-ALL": "In all patients" and "Among patients with Ph-negative ALL in remission"
# are the cohort, "Among the 25 patients with B-ALL" a subgroup)
_NOT_A_SCOPE = re.compile(r"\b(?:total|study|studies|trial|addition|conclusion|summary|this|these|our|results?|analys[ie]s|"
                          r"contrast|particular|general|overall|both|multivariate|univariate|landmark|median|phase|"
                          r"practice|terms?|order|light|context|view|comparison|each|which|part|case|(?<!-)all)\b|\b\d{4}\b",
                          re.I)
# A dose level as a sentence's scope: "At dose level 1, ...", "At the 1.2 mg/m2 dose level, ..." (not "At 6 months").
_DOSE_LEVEL_SCOPE = re.compile(r"At\s(?:the\s)?(?P<x>dose\slevel\s(?:\d{1,2}|[IVX]{1,4})[a-z]?|DL\s?\d{1,2}|"
                               r"\d+(?:\.\d+)?\s?(?:mg/m2|mg/m²|µg/m2|ug/m2|mg|µg|mcg)\s(?:dose\s)?level|"
                               r"(?:recommended\sphase\s(?:2|II)|recommended|maximum\stolerated|highest|lowest|target)\sdose"
                               r"(?:\slevel)?),\s")  # "At the recommended phase 2 dose, ..."
_ARM_HEADING = re.compile(r"(?P<x>[^:;,()]{2,40}):\s")
_SCOPE_OPENERS = ("In", "Among", "For")  # the words _SCOPE, _SCOPE_WIDE and _LIST_SCOPE open with
_LEAD_OPENERS = _SCOPE_OPENERS + ("At ",)  # and _DOSE_LEVEL_SCOPE
# (its items hold no value: "For patients in first salvage, CR rates were 88% and 30%, respectively" is one scope)
_LIST_SCOPE = re.compile(r"^\s*(?:In|Among|For)\s(?:the\s)?[^,;()%]{1,40}(?:,\s[^,;()%]{1,40})*,?\s(?:and|or"
                         + subgroups.NOT_A_BOUND + r")\s[^,;()%]{1,40},")  # "aged 70 years or older" is no list
# A leading scope naming patients or a group of them: "Among Ph-positive patients, ", "In the Ph-negative subgroup, ".
_PATIENTS_SCOPE = re.compile(r"\s*(?:In|Among|For)\s[^,;()]{0,60}?\b(?:patients|subjects|those|adults|children|responders|"
                             r"subgroups?|subsets?|groups?|cohorts?)\b[^,;()]{0,40}(?:\s?\([^()]*\))?,\s")
_NOT_A_SUBGROUP_SCOPE = re.compile(r"\b\d+\s(?:[\w\-]+\s){0,2}?(?:patients|subjects|adults|children|cases)\b|\b(?:evaluable|assessable|available|"
                                   r"analy[sz]ed|randomi[sz]ed|intention|itt|propensity|(?:score-)?matched|weighted)\b",
                                   re.I)  # the analysed population: "In the propensity score-matched cohort, ..."
_COMPARATOR_BEFORE = re.compile(r"\b(?:compared\s(?:with|to)|relative\sto|in\scomparison\s(?:with|to)|versus|vs\.?|than)\s"
                                r"(?:with\s|in\s|for\s)?(?:the\s|an?\s)?(?:(?:matched|concurrent|contemporaneous|"
                                r"propensity[\w\-]*|similar|comparable)\s){0,2}\Z", re.I)  # "Compared with a matched X"
_COMPARATOR_WORDS = ("compar", "relative", "versus", "vs", "than")
_GROUP_WORD = re.compile(r"\b(?:group|arm|cohort|subgroup|stratum|subset)\b", re.I)
# Between a named arm and the second value of a list of endpoints: "in study B were 56% (CR) and 100% (MRD)".
_VALUE_LIST_GAP = re.compile(r"\s(?:were|was|are|is)\s(?:\d+(?:\.\d+)?\s?%\s?\([^()\d;]{1,30}\),?\s(?:and\s)?)+", re.I)
# A group within an arm, as `subgroups.name` leaves it: "Ph-negative patients in blinatumomab".
_STATUS_FIRST = re.compile(r"[\w/]+[+\-−](?=\s|$)")  # "Ph-", "CRLF+ in CR": a status that crosses a state scope
_TREATED_THEN_GROUP = re.compile(r"(?P<a>[\w+/\-]{2,30})-treated\s(?:patients|subjects)\s(?P<g>[^,;()]{2,60})")  # "InO-treated patients aged ≥55 years"
_GROUP_IN_ARM = re.compile(r"(?P<g>[^,;()]{2,60}?)\s(?:in|of|within)\s(?P<a>[^,;()]{2,60})")
_BACK_REFERENCE = re.compile(r"\bthe\s((?:[\w+/]+[\s\-]){0,3}?[\w+/]+)\s(?:group|arm|cohort)\b", re.I)
_BACK_REFERENCE_SKIP = frozenset({"", "group", "arm", "cohort", "therapy", "treatment", "patients", "the", "regimen",
                                  "study", "control", "same", "other", "whole", "entire", "overall", "two", "both"})
# A response state restricting the group a value is of: "67% of Ph+ MRD-evaluable patients in CR/CRh/CRi".
_IN_RESPONSE = re.compile(r"^(?:\s[\w\-]+){0,2}?\s(?:patients|subjects|responders)\s(in\s(?:CR[\w/]*|complete\s(?:remission|"
                          r"response)|(?:hematologic\s)?remission))(?=[\s,.;)]|$)", re.I)
_BARE_N = re.compile(r"\s?\((\d+)\)$")
# A clause of its own opening with its group ("; in the chemotherapy arm, it was 16%").
_CLAUSE_SCOPE = re.compile(r"\s*(?:[Ii]n|[Aa]mong|[Ff]or|[Aa]t(?=\s(?:the\s)?(?:dose\slevel|DL\s?\d)))\s(?:the\s)?"
                           r"(?P<x>[^,;()]{1,40}?)(?:\s?\([^()]*\))?"
                           r"(?:,\s|\s(?=(?:it|this|that)\s(?:was|were|is)\b)"  # "; in patients aged 65 years or older it was 75%"
                           r"|\s(?=the\s(?:[\w/\-]+\s){1,3}(?:was|were)\s))")  # "For Ph-positive patients the CR rate was 80%"
# A scope that refers back to the group just named: "Among them, ...", "In these patients, ...", "Of those, ...".
_ANAPHOR_SCOPE = re.compile(r"\s*(?:Among|In|Of|For)\s(?:them|these|those)(?:\s(?:\d+\s)?(?:patients|subjects|children|"
                            r"adults))?,\s", re.I)
# A group of patients named by what they did, its count first: "Forty-four patients (37%) underwent allogeneic HSCT".
# (Not a response: "30 achieved CR; of these, 20 were MRD negative" is the cohort's MRD rate, as SCHEMA counts it.)
_GROUP_BY_VERB = re.compile(r"\b(?:patients|subjects|children|adults)\s(?:\([^()]*\)\s)?((?:underwent|received|"
                            r"proceeded\sto|were\sbridged\sto|went\son\sto|relapsed|developed)\s[^,;().%\d]{2,60}?)"
                            r"\s?(?=[,;.]|$)")
# Where a clause of its own opens: a semicolon, or a contrast or "and" before a scope ("..., whereas for those in
# second salvage it was 40%", "..., and in children, 80%", "; in adults, 60% and in children, 80%").
_CLAUSE_BREAK = re.compile(r";|,\s(?:whereas|while|but|and)\s(?=(?:in|among|for)\s|at\s(?:the\s)?(?:dose\slevel|DL\s?\d))"
                           r"|\sand\s(?=(?:in|among|for)\s[^,;()%]{1,40},\s)", re.I)  # "60% and in children, 80%"
# Two values joined by a bare conjunction: "88% and 67% with InO".
_BARE_JOIN = re.compile(r"\s?(?:%|months?|mo|years?|weeks?|days?)?\s?(?:,|and|or|,\sand)\s?", re.I)
_ARM_BRACKET_AFTER = re.compile(r"\s?(?:%|months?|mo|years?|weeks?|days?)?\s?[(\[]\s?", re.I)
# A value of the whole cohort beside subgroups': "46% overall, 55% for those who received blinatumomab".
_OVERALL_AFTER = re.compile(r"(?:\s?(?:%|months?|mo|years?|weeks?|days?))?\s(?:overall|in\sall\s(?:patients|evaluable\spatients)|in\sthe\s(?:whole|entire)\s"
                            r"(?:cohort|population))\b")
_ARMS_WORD = re.compile(r"\b(?:arms|groups)\b")
_LISTED_BEFORE = re.compile(r"\b(?:in|for|among)\s[^,;()\d]{2,50}\s(?:and|or)\s[^,;()\d]{2,50}\s(?:were|was)\s\Z")
_COORDINATED_NAME = re.compile(r"(?:\s?\([^()]{0,30}\))?\s?(?:,|and|or|/|vs\.?|versus)\s?(?:the\s)?")
_COORDINATED = re.compile(r"^\s(?:and|or)\s\d+(?:\.\d+)?\s?%\s(?:of\s)?(?:the\s)?[A-Za-z][\w/]*[+\-]?")
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
_FORMER_LATTER = re.compile(r"\bthe\s(former|latter)\b", re.I)


# The only letters that re.I matches to ASCII ones while str.lower() does not lower them to those ASCII letters
# alone (found by trying every code point against every ASCII letter).
_FOLDS_ONTO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")  # İ ı ſ, the Kelvin sign


def _lowers_as_re_folds(text: str) -> bool:
    """re.I finds an ASCII word in the text exactly where str.lower() makes it appear."""
    return text.isascii() or not _FOLDS_ONTO_ASCII.search(text)


def _may_have(text: str, *word_groups: tuple[str, ...]) -> bool:
    """A cheap necessary condition of a case-insensitive pattern that cannot match without a word of each group
    (lower case ASCII): a word of each group is in the lower-cased text. `in` scans many times faster than re,
    which cannot skip ahead to a literal under re.I. A text with a letter that re.I folds onto ASCII otherwise
    (_FOLDS_ONTO_ASCII) always may."""
    return _words_in(_folded(text), word_groups)


def _folded(text: str) -> str | None:
    """The text lower-cased for `_words_in`, or None when re.I folds a letter of it onto ASCII otherwise."""
    return text.lower() if _lowers_as_re_folds(text) else None


def _words_in(lower: str | None, word_groups: tuple[tuple[str, ...], ...]) -> bool:
    """_may_have of a text already lower-cased by `_folded` (None: always may)."""
    if lower is None:
        return True
    # Plain loops, not all(any(...)): called ~60 times per abstract, the generators cost 3x the tests themselves.
    for words in word_groups:
        for word in words:
            if word in lower:
                break
        else:
            return False
    return True


def _surely_absent(alias: str, folded: str | None) -> bool:
    """A case-insensitive search for the alias cannot find it in the text (`folded` is `_folded(text)`): it is not
    in the lower-cased text. Said only of an ASCII alias, in a text without letters re.I folds onto ASCII ones
    (see _may_have)."""
    return folded is not None and alias.isascii() and alias not in folded


def _is_word_char(char: str) -> bool:
    """re's \\w for one character of a str pattern: a letter, digit or numeral of any script, or "_"."""
    return char.isalnum() or char == "_"


def _name_spans(needle: str, haystack: str) -> list[tuple[int, int]]:
    """(start, end) of each match of (?<![\\w+\\-/])NEEDLE(?![\\w+/]|-(?=\\w)) in the haystack, left to right and not
    overlapping: the needle as written, not inside a longer name ("InO" in "InO-based", "SC" in "SCT"). Found with
    str.find and the pattern's two boundary tests: re tries the pattern's lookbehind at every position of the
    text (~4x slower), and compiles each name of an article re's cache has not seen (~50-100 us each)."""
    if not needle:  # (never asked: an empty name matches everywhere, as re finds it)
        return [m.span() for m in re.finditer(r"(?<![\w+\-/])(?![\w+/]|-(?=\w))", haystack)]
    out, size, last = [], len(needle), len(haystack) - 1
    at = haystack.find(needle)
    while at != -1:
        end = at + size
        before = haystack[at - 1] if at else "."
        after = haystack[end] if end <= last else "."
        if not (_is_word_char(before) or before in "+-/") and not (
                _is_word_char(after) or after in "+/" or after == "-" and end < last and _is_word_char(haystack[end + 1])):
            out.append((at, end))
            at = haystack.find(needle, end)
        else:
            at = haystack.find(needle, at + 1)
    return out


def _says_respectively(text: str) -> bool:
    return _may_have(text, ("respectively",)) and _RESPECTIVELY.search(text) is not None


# Two values, then the two groups they are of, in order, without "respectively": "48% and 22% in the InO and SC
# arms". The last value's bracket may come between ("22% (P < .001)").
_GROUPS_LISTED_AFTER = re.compile(r"\s?(?:%|months?|mo|years?)?\s?(?:[(\[][^()\[\]]{0,40}[)\]]\s?)?(?:of\s(?:the\s)?patients\s)?in\s(?:the\s)?"
                                  r"(?:[\w+/\-]+(?:\s[\w+/\-]+){0,3}\s(?:and|or)\s[\w+/\-]+(?:\s[\w+/\-]+){0,3}\s"
                                  r"(?:arms|groups|cohorts)\b|(?:arms|groups|cohorts)\s(?:[A-Z]\d?|\d{1,2}[A-Z]?)\s(?:and|or)\s"
                                  r"(?:[A-Z]\d?|\d{1,2}[A-Z]?)\b)")  # "... in the InO and SC arms", "... in cohorts 1 and 2"
_VALUES_JOINED = re.compile(r"^\s?%?\s?(?:and|or|vs\.?|versus)\s$")
_VALUES_LISTED = re.compile(r"\s?%?\s?(?:,\s?(?:and\s|or\s)?|(?:and|or|vs\.?|versus)\s)$")
# Groups listed after the values, up to the clause's end: "in Ph-negative and Ph-positive patients.", "for first,
# second and third or later salvage;" (a group of words, no number: "in 2015 and 2020" is no group list).
_SUBGROUPS_LISTED_AFTER = re.compile(r"\s?(?:%|months?|mo|years?)?\s(?:in|for|among)\s(?:the\s)?(?P<list>[A-Za-z][^,;()\d]{0,40}"
                                     r"(?:,\s[^,;()\d]{1,40})*,?\s(?:and|or)\s[^,;()\d]{1,40}?)\s?(?=[.;]|,\s|$)")
_LIST_ITEM_SEPARATOR = re.compile(r",\s(?:and\s|or\s)?|\sand\s|\sor\s(?!later\b|more\b|older\b|younger\b|beyond\b)")  # "third or later"


def _groups_listed_after(text: str, positions: list[tuple[int, int]]) -> bool:
    """Two values joined by "and" (or "vs") and followed by "in the A and B arms", or values listed and followed by
    as many groups ending the clause ("70% and 40% in Ph-negative and Ph-positive patients.", "45%, 30% and 15% for
    first, second and third or later salvage."): they are zipped with the groups as a "respectively" list would be."""
    if len(positions) < 2 or not all(_VALUES_LISTED.match(text[a[1]:b[0]]) for a, b in zip(positions, positions[1:])):
        return False
    if len(positions) == 2 and _VALUES_JOINED.match(text[positions[0][1]:positions[1][0]]) \
            and _GROUPS_LISTED_AFTER.match(text, positions[1][1]):
        return True
    listed = _SUBGROUPS_LISTED_AFTER.match(text, positions[-1][1])
    return listed is not None and len(_LIST_ITEM_SEPARATOR.split(listed.group("list"))) == len(positions)


def _groups_listed_before_bracket(text: str, positions: list[tuple[int, int]]) -> list[str] | None:
    """Two values in one bracket right after two groups joined by "and" ("CR rates did not differ between Ph+ and
    Ph- patients (45% vs 42%)", "similar in MRD-negative and MRD-positive responders (9.0 and 4.5 months)"): the
    groups, in order, as a "respectively" list would give them."""
    if len(positions) != 2:
        return None
    opened = text.rfind("(", 0, positions[0][0])
    if opened == -1 or ")" in text[opened:positions[1][1]]:
        return None
    m = _GROUPS_LISTED_BEFORE.search(text, 0, opened)
    if m is None:
        return None
    head = m.group("head") or ""  # "Ph+ and Ph- patients": the first group's patients too
    names = [subgroups.name(f"{m.group('a')}{head}"), subgroups.name(m.group("b") + head)]
    if all(names):  # "in early versus late relapse (": the level before shares the noun after
        names[0] = subgroups.level_with_shared_noun(names[0], names[1])
    return names if all(names) and names[0] != names[1] else None


# "between Ph+ and Ph- patients (", "in MRD-negative and MRD-positive responders ("
_GROUPS_LISTED_BEFORE = re.compile(r"\b(?:between|in|for|among)\s(?:the\s)?(?P<a>[^,;()\d\s]+(?:\s[^,;()\d\s]+)?)\s"
                                   r"(?:and|vs\.?|versus)\s(?P<b>[^,;()\d\s]+(?:\s[^,;()\d\s]+)?)"
                                   r"(?P<head>\s(?:patients|subjects|responders|groups|cohorts))?\s?$", re.I)


# "... with InO and SC, respectively", "for A, B and C, respectively": the arms zipped with the values before
_ARMS_BEFORE_RESPECTIVELY = re.compile(r"\s?(?:%|months?)?\s(?:with|for|in|among)\s(?:the\s)?"
                                       r"(?P<list>[^,;()\d]+(?:,\s?(?:and\s)?[^,;()\d]+)*?),?\s(?:respectively)\b")
_LIST_SEPARATOR = re.compile(r"\s?,\s?(?:and\s|or\s)?|\s(?:and|or|versus|vs\.?)\s")


def _contrasted_population(label: str, labels: list[str]) -> bool:
    """A population word beside other populations ("adults" beside "pediatric" or "children"; not beside "older"
    adults: then the adults are the cohort); a value of the whole cohort beside them is no other population ("70%
    overall, 60% in adults and 80% in children")."""
    others = [other for other in labels if other != label and not (
        subgroups.is_whole(other) and not subgroups.population_word(other) and not _PEDIATRIC.fullmatch(other))]
    return subgroups.population_word(label) and bool(others) and all(
        (subgroups.population_word(other) or _PEDIATRIC.fullmatch(other)) and not other.endswith(" " + label)
        for other in others)  # ("older adults" are some of the adults)


_PEDIATRIC = re.compile(r"p(?:a)?ediatric|childhood|AYAs?", re.I)


def _unify_hyphens(text: str) -> str:
    # `in` tests first: translate() is slow, and most non-ASCII texts hold a "≥" or "µ", not a dash
    if text.isascii() or not ("‐" in text or "‑" in text or "–" in text or "—" in text):
        return text
    return text.translate(HYPHENS)


def _search_from_anchors(pattern: re.Pattern, text: str, anchors, reach: int, stops: str,
                         earliest: bool = False) -> re.Match | None:
    """`pattern.search(text)` for a pattern whose match opens with 2 to `reach` characters, none of them in
    `stops`, that run up to one of the anchors (positions in text, ascending). Only those start positions are
    tried, in text order, so the answer is the same; the pattern's wide lazy first group is not tried at every
    position of the text.

    `earliest`: the opening characters end at the first anchor after them (a stop, as _WITH_N's "("), so the rest of
    the match is the same from every start before an anchor: only the earliest start can match, or, when that one
    is a character beyond the opening's reach - 1 (a space before the anchor is optional), the next."""
    tried = 0
    for anchor in anchors:
        run_start = max(text.rfind(stop, 0, anchor) for stop in stops) + 1
        first = max(tried, run_start, anchor - reach)
        for start in range(first, min(first + 2, anchor - 1) if earliest else anchor - 1):
            m = pattern.match(text, start)
            if m:
                return m
        tried = max(tried, anchor - 1)
    return None


def _positions(text: str, char: str):
    at = text.find(char)
    while at != -1:
        yield at
        at = text.find(char, at + 1)


class _Line:
    """One sentence as the arm finders read it: its text (hyphens unified), its DRUG spans (start, end, canonical
    id), its `_folded` text, lower-cased once for the finders' cheap word tests, and the pipeline's number words
    (`NumberWords`), for counts written in words."""

    __slots__ = ("text", "drugs", "lower", "words", "_agent")

    def __init__(self, text: str, drugs: list, words: "NumberWords"):
        self.text, self.drugs, self.lower, self.words = text, drugs, _folded(text), words
        self._agent: bool | None = None

    def may_have(self, *word_groups: tuple[str, ...]) -> bool:
        return _words_in(self.lower, word_groups)

    def names_an_agent(self) -> bool:
        """A cheap necessary condition of two arms that differ by their drugs: the sentence names a drug, or an
        agent the lexicon does not know (_DRUG_LIKE, here without its leading \\b, so that it also finds what
        _DRUG_LIKE finds in a slice of the sentence)."""
        if self._agent is None:  # asked by two finders
            self._agent = bool(self.drugs) or _AGENT_LIKE.search(self.text) is not None
        return self._agent


@dataclass
class Arm:
    """One arm of a study, with the strings that name it in the text (lower-cased, hyphens unified)."""

    label: str
    drugs: list[str]
    n: int | None = None
    regimen: str = ""
    classes: list[str] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)
    historical: bool = False
    first_seen: float = float("inf")
    source: dict | None = None  # the evidence of the sentence that names the arm (and states its n)
    variant: str = ""  # a dose level or schedule ("12.5 mg/m2", "early"): arms of one drug that differ by it

    def to_dict(self) -> dict:
        out = {"label": self.label, "drugs": list(self.drugs), "n": self.n, "regimen": self.regimen,
               "classes": list(self.classes)}
        if self.source is not None:
            out["evidence"] = dict(self.source)
        return out


@lru_cache(maxsize=4)
def regimen_lexicon(patterns_dir: str | None = None) -> dict:
    """The regimen lexicon (patterns/regimen_classes.jsonl), loaded once per folder (the repo's by default)."""
    from extractor.config import Settings
    from extractor.patterns import load_regimen_classes

    return load_regimen_classes(Path(patterns_dir) if patterns_dir else Settings().patterns_dir)


# ------------------------------------------------------------------------------------------------------ regimens


def read_regimen(text: str, drugs: list[tuple[int, int, str]], lexicon: dict) -> tuple[list[str], str, list[str], bool]:
    """The regimen a phrase names: canonical drugs (unknown agents by their written name), a readable name and classes.

    Args:
        text: the phrase ("inotuzumab ozogamicin plus mini-HCVD with or without blinatumomab").
        drugs: its DRUG spans as (start, end, canonical id), offsets in `text`, in text order.
        lexicon: `regimen_lexicon()`.

    Returns:
        (drugs, readable name, classes, whether the drugs are joined as a combination).
    """
    joined, combination = _regimen_parts(text, drugs, lexicon)
    names = [canonical for canonical, _ in joined]
    return names, _readable(joined, lexicon), _classes(names, lexicon), combination


def _classes(names: list[str], lexicon: dict) -> list[str]:
    """The drugs' classes, each once, in drug order; an agent the lexicon does not know is of class `unknown`."""
    return list(dict.fromkeys(lexicon[name].cls if name in lexicon else "unknown" for name in names))


def _readable(joined: list[tuple[str, str]], lexicon: dict) -> str:
    """A readable regimen name from (canonical, joiner) pairs: "inotuzumab + mini-HCVD ± blinatumomab"."""
    parts = []
    for canonical, joiner in joined:
        display = lexicon[canonical].display if canonical in lexicon else canonical
        parts.append(f"{joiner} {display}" if parts else display)
    return " ".join(parts)


def _regimen_parts(text: str, drugs: list[tuple[int, int, str]], lexicon: dict) -> tuple[list[tuple[str, str]], bool]:
    """The drugs of a phrase in text order, each with the joiner before it ("+", or "±" after "with or without"),
    and whether they are joined as a combination."""
    joined, names, combination = [], [], True
    previous_end = None
    items = list(drugs)
    for match in _DRUG_LIKE.finditer(text):  # an unknown agent is kept by its written name
        if not any(s <= match.start() < e for s, e, _ in drugs):
            items.append((match.start(), match.end(), match.group(1).lower()))
    items.sort()
    for start, end, canonical in items:
        if canonical in names:
            previous_end = end
            continue
        gap = text[previous_end:start] if previous_end is not None else ""
        if previous_end is None:
            joiner = ""
        elif _WITH_OR_WITHOUT.match(gap):
            joiner = "±"
        else:
            combination = combination and bool(_COMBINE.match(gap))
            joiner = "+"
        joined.append((canonical, joiner))
        names.append(canonical)
        previous_end = end
    return joined, combination


# ------------------------------------------------------------------------------------------------------ detection


@dataclass(frozen=True, eq=False)  # hashed by identity: one per article, a key of _counted_match's cache
class NumberWords:
    """The pipeline's number-word lexicon (`ArticleContext.words`, from its patterns/numbers.jsonl): `values` for
    reading a count ("Forty-two" -> 42), `key` (the words) for the patterns built from them, cached per lexicon."""

    values: Mapping[str, float]
    key: tuple[str, ...]

    @classmethod
    def of(cls, values: Mapping[str, float]) -> "NumberWords":
        return cls(values, tuple(values))


def detect_arms(docs: list[tuple[str, Doc]], words: Mapping[str, float], lexicon: dict | None = None) -> "ArmIndex":
    """The arms of one article, from all its sections (title first).

    Args:
        docs: (section name, processed doc) in `Article.named_texts()` order.
        words: the number-word lexicon of the pipeline that processed the docs (`ArticleContext.words`).
        lexicon: `regimen_lexicon()` (loaded when None).

    Returns:
        The article's `ArmIndex` (its arms, or none for a single-arm study, and the state for assignment).
    """
    lexicon = lexicon if lexicon is not None else regimen_lexicon()
    words = NumberWords.of(words)
    index = ArmIndex(lexicon, words)
    sentences = []
    sources = []
    lines = []
    background: set[int] = set()  # positions of sentences about what was known, another study's arms
    for number, (section, doc) in enumerate(docs):
        view_sentences = section_view(doc).sentences
        background.update(len(lines) + i for i in _background_of(section, [s.text for s in view_sentences]))
        for sent in view_sentences:
            drugs = [(s.start_char - sent.start_char, s.end_char - sent.start_char, s.id_)
                     for s in rule_spans(sent, "DRUG")] if sent.labelled("DRUG") else []
            text = _unify_hyphens(sent.text)
            sentences.append((number, section, text, drugs))
            sources.append((doc, section, sent.start_char, sent.end_char, number))
            lines.append(_Line(text, drugs, words))
    texts = [s[2] for s in sentences]
    found: list[tuple[int, list[Arm]]] = []
    for position, line in enumerate(lines):
        if position in background:
            continue  # "BACKGROUND: In the TOWER trial, blinatumomab (n = 271) was compared with chemotherapy (n = 134)"
        for priority, finder in enumerate(_FINDERS):
            arms = finder(line, lexicon)
            if arms and (finder is _bracket_list or finder in (_counted, _counted_list) and not _assigned(line.text, words)) \
                    and not _partition(arms, texts[:position + 1], words):
                arms = []  # a breakdown of part of the cohort ("T-ALL (children, n = 24; young adults, n = 5)")
            if arms:
                doc, section_name, start, end, number = sources[position]
                source = {**evidence(doc, section_name, start, end), "section_index": number}
            for arm in arms:
                arm.source = source
            if arms:
                found.append((priority, arms))
                break
    if not _compares_donors(sentences):
        found = [(priority, arms) for priority, arms in found if not all(_donor_arm(arm) for arm in arms)]
    found.sort(key=lambda f: f[0])
    for rank, (_, arms) in enumerate(found):  # the most explicit statement defines the arms; others add names
        for arm in arms:
            index.add(arm, new=rank == 0)
    if index.arms:
        index.split_dose_levels(texts)
        for position, (_, _, text, drugs) in enumerate(sentences):
            arm = _separate_study(text, drugs, lexicon)
            if arm is not None and not any(arm.variant in a.aliases for a in index.arms):
                doc, section_name, start, end, number = sources[position]
                arm.source = {**evidence(doc, section_name, start, end), "section_index": number}
                index.arms.append(arm)
    if len(index.arms) < 2:
        index.arms = []
        for line in lines:  # arm codes: "(B1) ... (B2)", "arm A ... arm B"
            index.add_codes(line.text, texts, line.drugs)
            if len(index.arms) >= 2:
                break
        if len(index.arms) < 2:
            index.arms = []
        index.coded = bool(index.arms)  # coded arms are named by their codes ("55% and 70% in cohorts 1 and 2")
        index.regimens_of_codes(lines)
    if not index.arms:  # cohorts by disease state x subgroup: "109 were MRD+ (83 Ph- and 26 Ph+) and 140 had R/R ALL (...)"
        for position, (_, _, text, _) in enumerate(sentences):
            cohorts = _crossed_cohorts(text)
            if cohorts:
                doc, section_name, start, end, number = sources[position]
                source = {**evidence(doc, section_name, start, end), "section_index": number}
                for arm in cohorts:
                    arm.source = source
                index.arms = cohorts
                break
    index.drug_spans = {text: drugs for _, _, text, drugs in sentences if drugs}
    index.title = " ".join(doc_text(doc) for section, doc in docs if section == "TITLE")
    index.texts = texts
    index.add_historical(lines)
    index.name_by_group_references(texts)
    index.name_codes()
    index.order(texts)
    _sizes_named_later(index, sentences, sources)
    index.article_drugs = _article_drugs(_without_historical_drugs(
        sentences, index.historical_drugs, {d for arm in index.arms if arm.historical for d in arm.drugs}), lexicon, background)
    for arm in index.arms:
        if arm.variant == "cohort" and not arm.drugs:
            arm.drugs, arm.regimen, arm.classes = list(index.article_drugs[0]), index.article_drugs[1], \
                list(index.article_drugs[2])
    return index


# A background section (BACKGROUND, INTRODUCTION, ...) states what was known: the arms of another trial ("In the
# TOWER trial, blinatumomab (n = 271) was compared with chemotherapy (n = 134)"), not this study's, unless a sentence
# names this study ("We compared blinatumomab (n = 40) with ..."). An unlabelled abstract's opening sentences before
# the first that names this study or reports its patients are its background too, when such a sentence follows
# (doses.py reads backgrounds the same way).
_BACKGROUND_SECTION = re.compile(r"(?:background|introduction|importance|context|rationale)s?\b", re.I)
_THIS_STUDY = re.compile(r"\b(?:we|our|this|here(?:in)?|present|current)\b", re.I)
_STUDY_REPORT = re.compile(r"\b(?:\d+\s(?:patients|children|adults|subjects)|received|phase|evaluated|assessed"
                           r"|investigated|tested|examined|enrolled|analy[sz]ed|reviewed|(?:was|were)\s(?:treated"
                           r"|included|randomi[sz]ed|given|administered|infused))\b", re.I)


def _background_of(section: str, texts: list[str]) -> list[int]:
    """The indices of a section's sentences that are background (see _BACKGROUND_SECTION)."""
    if _BACKGROUND_SECTION.match(section):
        return [i for i, text in enumerate(texts) if not _THIS_STUDY.search(text)]
    if section != UNLABELLED_SECTION:
        return []
    opening = next((i for i, text in enumerate(texts) if _THIS_STUDY.search(text) or _STUDY_REPORT.search(text)), 0)
    return list(range(opening)) if opening and _THIS_STUDY.search(texts[opening]) else []


@lru_cache(maxsize=16)
def _code_regimen_pattern(label: str) -> re.Pattern:
    """A coded arm's regimen beside its code: apposed ("arm A, hyper-CVAD with rituximab, or ..."), after a verb of
    treatment ("arm B received imatinib", "cohort 1 (n = 20) received inotuzumab"), or with the verb elided ("and arm B
    imatinib")."""
    kind, _, code = label.partition(" ")
    written = r"(?<![\w\-])(?i:" + re.escape(kind) + r")" + (r"\s" + re.escape(code) if code else "") + r"(?![\w\-])"
    end = r"(?=,\s(?:or|and|vs\.?|versus)\s|[;.]?$|;)"
    return re.compile(r"(?:(?P<joined>\b(?:and|while|whereas)\s(?:(?:those|patients)\sin\s)?)?" + written + r"(?:"
                      r",\s(?P<apposed>[^,;()]{2,80}?)" + end + r"|"
                      r"(?:\s?\([^()]{1,20}\))?\s(?:received|was\sgiven|were\sgiven|(?:was|were)\streated\swith|consisted\sof)\s"
                      r"(?P<verb>[^,;()]{2,80}?)(?=[,;]|\s(?:and|while|whereas|or)\s|\s?\(|\.?$)|"
                      r"(?(joined)\s(?P<elided>[^,;()]{2,60}?)(?=[,;]|\.?$)|(?!x)x)))")


_TREATMENT_VERB = re.compile(r"\b(?:received|given|treated\swith)\b")


def _sizes_named_later(index: "ArmIndex", sentences: list, sources: list) -> None:
    """Arms defined without their sizes take them from one later sentence that gives every such arm its n by one
    of its names ("(arm A) ... (arm B)", then "Eighty patients were randomized (arm A, n = 41; arm B, n = 39)" or
    "41 to arm A and 39 to arm B"), or one size for each ("Forty patients were enrolled in each arm"). Only when one
    sentence sizes them all, so a subgroup's count is not taken."""
    unsized = [arm for arm in index.arms if arm.n is None and not arm.historical]
    if len(unsized) < 2 or len(unsized) != len([a for a in index.arms if not a.historical]):
        return
    each = next(((position, m) for position, (_, _, text, _) in enumerate(sentences) if " each " in text or " per " in text
                 for m in [_EACH_ARM.search(text)] if m), None)
    size = nz.read_number(each[1].group("n"), index.words.values) if each else None
    if size is not None and size.is_integer and size.value >= 1 \
            and _total_stated(int(size.value) * len(unsized), [s[2] for s in sentences], index.words):
        # "80 older adults ... Forty patients were enrolled in each arm" (not "the first 218 (109 in each group)")
        doc, section_name, start, end, number = sources[each[0]]
        source = {**evidence(doc, section_name, start, end), "section_index": number}
        for arm in unsized:
            arm.n, arm.source = int(size.value), source
        return
    respective = _respective_sizes(sentences, len(unsized))
    if respective is not None:  # "randomized 2:1 to A or B (271 and 134 patients, respectively)"
        doc, section_name, start, end, number = sources[respective[0]]
        source = {**evidence(doc, section_name, start, end), "section_index": number}
        for arm, size in zip(unsized, respective[1]):
            arm.n, arm.source = size, source
        return
    names = [_names_of(arm) for arm in unsized]
    for position, (_, _, text, _) in enumerate(sentences):
        listed_in = " in " in text and _may_have(text, _GROUP_WORDS)  # a cheap necessary cue of _SIZE_IN
        if "=" not in text and " to " not in text and not listed_in:  # "n = 41", "41 to arm A", "41 in arm A"
            continue
        lower = text.lower()
        sizes, loose = [], False
        for arm_names in names:  # the first arm the sentence does not size ends its reading
            size = _size_by_name(lower, arm_names)
            if size is None and listed_in:
                size = _size_in(lower, arm_names)
                loose = loose or size is not None
            if size is None:
                break
            sizes.append(size)
        if len(sizes) == len(unsized) and (not loose or _total_stated(sum(sizes), [text], index.words)):
            doc, section_name, start, end, number = sources[position]
            source = {**evidence(doc, section_name, start, end), "section_index": number}
            for arm, size in zip(unsized, sizes):
                arm.n, arm.source = size, source
            return


# The arms' sizes listed in their order after the assignment, "respectively": "were randomized 2:1 to A or B (271 and
# 134 patients, respectively)", "...; 164 and 162 patients were assigned, respectively".
_RESPECTIVE_SIZES = re.compile(r"(?<![\w.])(?P<ns>\d+(?:,\s\d+)*,?\s(?:and|or)\s\d+)\s(?:patients|subjects|adults|children)"
                               r"(?:\s(?:were\s)?(?:randomi[sz]ed|assigned|allocated|enrolled))?,?\srespectively\b", re.I)
_ASSIGNED_WORDS = re.compile(r"\b(?:randomi[sz]ed|randomly|assigned|allocated)\b", re.I)
_DIGIT_RUN = re.compile(r"\d+")


def _respective_sizes(sentences: list, arms: int) -> tuple[int, list[int]] | None:
    """(position, sizes) of the first sentence of an assignment listing as many sizes as there are arms, then
    "respectively" (not a count of events: "grade 3 CRS in 5 and 3 patients, respectively")."""
    for position, (_, _, text, _) in enumerate(sentences):
        if "respectively" not in text or not _ASSIGNED_WORDS.search(text):
            continue
        m = _RESPECTIVE_SIZES.search(text)
        sizes = [int(n) for n in _DIGIT_RUN.findall(m.group("ns"))] if m else []
        if len(sizes) == arms:
            return position, sizes
    return None


_EACH_ARM = re.compile(r"(?<![\w.])(?P<n>\d+|[A-Za-z]+(?:-[a-z]+)?)\s(?:patients\s|subjects\s)?(?:were\s)?(?:(?:enrolled|"
                       r"randomi[sz]ed|assigned|allocated|treated|included)\s)?(?:(?:in|to|into)\s(?:each|every)|per)\s"
                       r"(?:arm|group|cohort)\b", re.I)


def _names_of(arm: Arm) -> list[str]:
    """An arm's names of 3 characters or more, lower-cased, longest first (see _size_by_name)."""
    names = {alias.lower() for alias in arm.aliases} | {arm.label.lower()} | _codes_of(arm)
    return [name for name in sorted(names, key=len, reverse=True) if len(name) >= 3]


def _size_by_name(lower: str, names: list[str]) -> int | None:
    """The n a sentence (lower-cased) gives an arm by one of its names (`_names_of`): "arm A, n = 41", "arm A (n =
    41)", "41 to arm A", "41 patients were assigned to arm A". The short "41 to arm A" wins over the long form, which
    also reads a total: "108 patients were randomized to A or B (54 to A and 54 to B)"."""
    for name in names:
        if name not in lower:
            continue
        written = re.escape(name) + r"(?![\w-])"
        m = re.search(r"(?<![\w-])" + written + r"\s?[,:(]\s?n\s?[=:]\s?(\d+)\b", lower) \
            or re.search(r"(?<![:/.\d])\b(\d+)\sto\s(?:the\s)?" + written, lower) \
            or re.search(r"(?<![:/.\d])\b(\d+)\s(?:(?:patients|pts)\s)?(?:were\s)?(?:(?:randomi[sz]ed|assigned|"
                         r"allocated)\s)?to\s(?:the\s)?" + written, lower)
        if m:
            return int(m.group(1))
    return None


def _size_in(lower: str, names: list[str]) -> int | None:
    """"30 in arm A": an arm's n as a list of the enrolled writes it (taken only when the sizes add up to the total
    the same sentence states: "Ninety patients were enrolled: 30 in arm A, 31 in arm B and 29 in arm C")."""
    for name in names:
        if name in lower:
            m = re.search(r"(?<![:/.\d])\b(\d+)\s(?:(?:patients|pts)\s)?(?:were\s)?in\s(?:the\s)?" + re.escape(name)
                          + r"(?![\w-])", lower)
            if m:
                return int(m.group(1))
    return None


def _codes_of(arm: Arm) -> set[str]:
    """The code an arm is given where it is defined: "hyper-CVAD with ofatumumab (arm A)" -> "arm a"."""
    defined = (arm.source or {}).get("text", "").lower()
    # its longest name first: "cytarabine" of "cytarabine plus idarubicin (arm C)" is also in "clofarabine plus
    # cytarabine (arm B)"
    for alias in sorted({alias.lower() for alias in arm.aliases} | {arm.label.lower()}, key=len, reverse=True):
        at = defined.find(alias)
        if at != -1:
            m = _CODE_AFTER.match(defined, at + len(alias))
            if m:
                return {m.group(1)}
    return set()


_CODE_OPENING = re.compile(r"\((?:arm|group|cohort)\s", re.I)
_CODE_AFTER = re.compile(r"\s?\(((?:arm|group|cohort)\s[a-z0-9]{1,2})\)")


def _parts_to_arms(parts: list[tuple[str, list, int | None]], lexicon: dict) -> list[Arm]:
    arms = []
    written = parts
    if len(parts) == 2:
        parts = _alone_or_combined(_with_or_without(parts))
    for text, drugs, n in parts:
        arm = _arm_from_phrase(text, drugs, n, lexicon)
        if arm is None:
            return []
        arms.append(arm)
    if parts is not written and written[0][0].endswith(" with") and len(arms) == 2:
        # "hyper-CVAD with (n = 40) or without rituximab": the arm with the partner is the one first named, where
        # "hyper-CVAD with" stands (the backbone's own name, met there first, put it first)
        arms[0].aliases.add(" ".join(written[0][0].split()).lower())
    if len({a.label.lower() for a in arms}) < len(arms):
        return []
    _drop_doses(arms, lexicon)
    if len(arms) == 2 and arms[0].drugs == arms[1].drugs:
        for arm in arms:  # one drug given two ways ("weekly inotuzumab (weekly arm) or single-dose inotuzumab (...)")
            arm.variant = arm.label
    return arms


# A dose after an arm's one drug: "dasatinib 80 mg/m2 per day", "imatinib 600 mg daily".
_DOSE_TAIL = re.compile(r"\s(?:at\s)?\d+(?:\.\d+)?\s?(?:mg|µg|μg|mcg|g)(?:/(?:m2|m²|kg))?(?:(?:\s|/|\sper\s)(?:day|daily|d|"
                        r"week|weekly|cycle|dose|once|twice))*$", re.I)


def _drop_doses(arms: list[Arm], lexicon: dict) -> None:
    """Arms of one drug each labelled with its dose ("dasatinib 80 mg/m2 per day" or "imatinib 300 mg/m2 per day")
    are named by their drugs, when that still tells them apart (not "inotuzumab 1.2 mg/m2" or "inotuzumab 1.8
    mg/m2"); the dosed phrase stays a name of the arm."""
    dropped = [_DOSE_TAIL.sub("", arm.label) if len(arm.drugs) == 1 else arm.label for arm in arms]
    if dropped == [arm.label for arm in arms] or len({d.lower() for d in dropped}) < len(arms):
        return
    for arm, label in zip(arms, dropped):
        if label != arm.label and label.lower() in {arm.drugs[0].lower(), *arm.aliases} | _displays(arm, lexicon):
            arm.aliases.add(label.lower())
            arm.label = arm.drugs[0]


def _displays(arm: Arm, lexicon: dict) -> set[str]:
    return {lexicon[d].display.lower() for d in arm.drugs if d in lexicon}


def _slice(text: str, drugs: list, start: int, end: int) -> list:
    return [(s - start, e - start, i) for s, e, i in drugs if start <= s and e <= end]


def _with_n(line: _Line, lexicon: dict) -> list[Arm]:
    text, drugs = line.text, line.drugs
    brackets = _n_brackets(line)
    if brackets < 2:
        return []
    listed = _with_n_list(line, lexicon) if brackets >= 3 else []
    if listed:
        return listed
    m = _with_n_match(text)
    if not m:
        return []
    a_start = _first_arm_start(m, drugs)
    if _other_therapy_before(text, a_start) or _OTHER_THERAPY_AFTER.match(text, m.end()):
        return []  # (also "received A (n = 40) or B (n = 35) as bridging therapy")
    # ("randomized to A (n = 30) or to B (n = 30)": the second arm's "to" is not its name)
    b_start = m.start("b") + (3 if text.startswith("to ", m.start("b")) else 0)
    parts = [(text[a_start:m.end("a")], _slice(text, drugs, a_start, m.end("a")), int(m.group("na") or m.group("na2"))),
             (text[b_start:m.end("b")], _slice(text, drugs, b_start, m.end("b")), int(m.group("nb") or m.group("nb2")))]
    ends = [m.end("a"), m.end("b")]
    historical = [bool(_HISTORICAL.search(phrase)) for phrase, _, _ in parts] if line.may_have(_HISTORICAL_WORDS) else []
    if sum(historical) == 1:  # "Children treated with A (n = 48) were compared with a historical cohort (n = 96)"
        own = next(part for part, past in zip(parts, historical) if not past)
        arm = _arm_from_phrase(*own, lexicon)
        return [arm, _historical_controls(parts[historical.index(True)][2])] if arm is not None else []
    levels = _dosed_levels(parts, text, ends)
    if levels:
        return levels
    arms = _coded(_parts_to_arms(_group_named_in_n_bracket(parts, text, ends), lexicon), text, ends)
    if arms:
        return _abbreviated_in_n_bracket(arms, text, ends)
    dosed = _dose_levels_named(parts, text, ends, lexicon)
    if dosed:
        return dosed
    coded = all(_CODE_IN_N_BRACKET.match(text, end) for end in ends)
    named = all(phrase.rstrip().endswith(_GROUP_WORD_ENDS) for phrase, _, _ in parts)  # a cheap cue of _sized_cohorts
    if not (coded or named) and _DESIGN_VERB.search(text):
        return _disease_cohorts(parts)
    if not (coded or named) or not _DESIGN_VERB.search(text):
        return []
    return _coded([Arm("", [], n, variant="cohort") for _, _, n in parts], text, ends) if coded else _sized_cohorts(parts)


# An arm's abbreviation ahead of its size in one bracket: "standard of care (SC; n = 162)", "(SOC, n = 134)".
_ABBREV_IN_N_BRACKET = re.compile(r"\s?[(\[]\s?([A-Za-z][A-Za-z0-9+\-/]{0,9})\s?[;,]\s?n\s?[=:]")


def _abbreviated_in_n_bracket(arms: list[Arm], text: str, ends: list[int]) -> list[Arm]:
    """The arms with the abbreviation each one's size bracket opens with as another of its names, so that a later
    "6.2 months (SC)" is that arm's value."""
    if len(arms) != len(ends):
        return arms
    for arm, end in zip(arms, ends):
        m = _ABBREV_IN_N_BRACKET.match(text, end)
        if m and m.group(1).lower() != "n":
            arm.aliases.add(m.group(1).lower())
    return arms


def _with_or_without(parts: list[tuple[str, list, int | None]]) -> list[tuple[str, list, int | None]]:
    """"hyper-CVAD with (n = 40) or without rituximab (n = 50)": the drug named once, after "without", is the first
    arm's too; the second is the backbone alone ("hyper-CVAD with rituximab", "hyper-CVAD")."""
    (first, first_drugs, first_n), (second, second_drugs, second_n) = parts
    if not first.endswith(" with") or not second.startswith("without ") or not second_drugs:
        return parts
    backbone = first[:-len(" with")]
    shift = len(first) + 1 - len("without ")
    added = [(s + shift, e + shift, i) for s, e, i in second_drugs]
    return [(f"{first} {second[len('without '):]}", first_drugs + added, first_n),
            (backbone, [d for d in first_drugs if d[1] <= len(backbone)], second_n)]


# What joins a partner to the drug given alone in the other arm: "blinatumomab alone (n = 22) or combined with a TKI".
_COMBINED_WITH = re.compile(r"(?:combined\swith|in\scombination\swith|with|plus|together\swith)\s")


def _alone_or_combined(parts: list[tuple[str, list, int | None]]) -> list[tuple[str, list, int | None]]:
    """"blinatumomab alone (n = 22) or combined with a TKI (n = 40)": the drug given alone is the second arm's too;
    the arms are the drug ("blinatumomab") and the drug with its partner ("blinatumomab combined with a TKI")."""
    (first, first_drugs, first_n), (second, second_drugs, second_n) = parts
    joined = _COMBINED_WITH.match(second) if first.endswith(" alone") and second_drugs else None
    if joined is None:
        return parts
    drug = first[:-len(" alone")]
    shift = len(drug) + 1
    return [(drug, first_drugs, first_n),
            (f"{drug} {second}", first_drugs + [(s + shift, e + shift, i) for s, e, i in second_drugs], second_n)]


# A cohort of the study named by its group word, with its n: "treated in the pivotal cohort (n = 60) or the expanded
# access cohort (n = 40)".
_NAMED_COHORT = re.compile(r"(?:.*\b(?:in|into|to|either|enrolled|included|including|comprised|comprising)\s)?(?:the\s|an?\s)?"
                           r"(?P<g>[^,;()]{2,50}?\s(?:cohort|group|arm))\s*", re.I)


_GROUP_WORD_ENDS = (" cohort", " group", " arm", " Cohort", " Group", " Arm")
_DESIGN_VERB = re.compile(r"\b(?:treated|enrolled|randomi[sz]ed|assigned|allocated|received|infused|given)\b", re.I)


def _sized_cohorts(parts: list[tuple[str, list, int | None]]) -> list[Arm]:
    """Two sized cohorts named by their group words that the sentence enrols or treats, no treatment told apart: the
    study's arms, named as their values are ("pivotal", "expanded access"), given the article's treatment (variant
    `cohort`, see detect_arms)."""
    arms = []
    for phrase, _, n in parts:
        m = _NAMED_COHORT.fullmatch(phrase)
        label = subgroups.name(m.group("g")) if m else None
        if not label or subgroups.is_whole(label):
            return []
        arms.append(Arm(label, [], n, aliases={label.lower(), m.group("g").lower()}, variant="cohort"))
    return arms if len({arm.label.lower() for arm in arms}) == len(arms) else []


# The treatment of a historical control after its name, maybe after its n: "historical controls treated with
# FLAG-Ida", "a historical cohort (n = 40) who received clofarabine/cytarabine (n = 40)".
_HISTORICAL_TREATMENT = re.compile(r"(?:\s(?:group|cohort|population|series))?(?:\s?\(\s?n\s?=\s?(?P<n>\d+)\s?\))?"
                                   r"(?:\sof\s(?P<n3>\d+)\s(?:patients|children|adults|subjects))?,?\s"
                                   r"(?:(?:who|that|which)\s(?:were\s|had\s(?:been\s)?)?|were\s)?"
                                   r"(?:(?:treated|managed)\s(?:with|by)|received|receiving|given|on)\s(?:the\s)?"
                                   r"(?P<r>[^,;.()]{2,80}?)(?=\s?\(|\s?[,;.]|\s(?:in|at|from|between|during|"
                                   r"at|for|were|was|had)\s|$)(?:\s?\(\s?n\s?=\s?(?P<n2>\d+)\s?\))?", re.I)
_HISTORICAL_COUNT = re.compile(r"(?<![\w.])(?P<n>\d+)\s(?:matched\s|similar\s)?(?=historical)")


# A disease ending an arm's phrase: "treated patients with B-ALL (n = 53) or B-NHL (n = 20)".
_DISEASE_TAIL = re.compile(r"(?:^|\b(?:with|of|and|or)\s)(?P<d>(?:[BT][\s\-])?(?:ALL|NHL|LBL)|(?:[BT][\s\-]cell\s)?"
                           r"(?:acute\slymphoblastic\sleuka?emia|lymphoblastic\slymphoma|non-Hodgkin\s?lymphoma))\Z")
_LYMPHOMA = re.compile(r"NHL|LBL|lymphoma")


def _disease_cohorts(parts: list[tuple[str, list, int | None]]) -> list[Arm]:
    """Cohorts of leukemia and of lymphoma given one treatment, each with its n, are enrolled apart: the study's arms,
    named as written ("B-ALL", "B-NHL"), given the article's treatment (variant `cohort`). Not two leukemias ("Ph+
    ALL (n = 20) and Ph- ALL (n = 40)" are subgroups)."""
    diseases = [_DISEASE_TAIL.search(phrase.rstrip()) for phrase, drugs, _ in parts if not drugs]
    if len(diseases) != len(parts) or not all(diseases):
        return []
    lymphoma = [bool(_LYMPHOMA.search(d.group("d"))) for d in diseases]
    if all(lymphoma) or not any(lymphoma):
        return []
    return [Arm(d.group("d"), [], n, aliases={d.group("d").lower()}, variant="cohort")
            for d, (_, _, n) in zip(diseases, parts)]


_HISTORICAL_NAMES = frozenset({"historical controls", "historical control", "historically", "historical rates",
                               "historical cohort", "historical cohorts", "historical comparator", "historical comparators"})


def _historical_controls(n: int | None = None) -> Arm:
    return Arm("historical controls", [], n, "", [], set(_HISTORICAL_NAMES), historical=True)


# An external control, set beside a single-arm study's cohort as a historical one is: "compared with a weighted
# external control", "an external control cohort of 120 patients", "a synthetic control arm".
_EXTERNAL = re.compile(r"\b(?:external|synthetic)\s(?:control|comparator)s?(?:\s(?:arm|cohort|group)s?)?\b|\bexternal\s"
                       r"(?:cohort|comparison\sgroup)s?\b", re.I)
_EXTERNAL_WORDS = ("external", "synthetic")
_EXTERNAL_NAMES = frozenset({"external controls", "external control", "external control arm", "external control cohort",
                             "external control group", "external cohort", "external comparator", "synthetic control",
                             "synthetic control arm"})
# The control's size right after its name: "a historical cohort of 60 patients", "historical controls (n = 50)".
_CONTROL_SIZE = re.compile(r"\s?(?:of\s(?P<n>\d+)\s(?:[\w\-]+\s)?(?:patients|subjects|children|adults)\b|[(\[]n\s?=\s?"
                           r"(?P<n2>\d+)[)\]])")


# A matched control cohort set beside a single-arm study's own: "compared with 80 propensity-matched controls treated
# with chemotherapy", "a matched cohort of 90 patients who received standard chemotherapy".
_MATCHED = re.compile(r"\b(?:(?:propensity|PS)[\s\-](?:score[\s\-])?)?matched\s(?:(?:control|comparator)s?(?:\s(?:arm|cohort|"
                      r"group)s?)?|cohorts?)\b", re.I)
_MATCHED_COUNT = re.compile(r"(?<![\w.])(?P<n>\d+)\s\Z")
_MATCHED_NAMES = frozenset({"matched controls", "matched control", "matched cohort", "matched control group",
                            "matched control cohort", "matched control arm"})


def _external_controls(n: int | None = None) -> Arm:
    return Arm("external controls", [], n, "", [], set(_EXTERNAL_NAMES), historical=True)


def _control_size(text: str, at: int) -> int | None:
    size = _CONTROL_SIZE.match(text, at)
    return int(size.group("n") or size.group("n2")) if size else None


# A group name before the n in an arm's n bracket: "weekly inotuzumab (weekly arm, n = 60)".
_GROUP_IN_N_BRACKET = re.compile(r"\s?[(\[]\s?((?:the\s)?[^()\[\];,=]{2,40}?\s(?:arm|group|cohort))\s?[,;]", re.I)


def _group_named_in_n_bracket(parts: list[tuple[str, list, int | None]], text: str, ends: list[int]) -> list:
    """Each part whose n bracket (right after its end in `ends`) opens with a group name carries it as a group
    bracket, as "weekly inotuzumab (weekly arm)" does (see _arm_from_phrase)."""
    out = []
    for (phrase, drugs, n), end in zip(parts, ends):
        group = _GROUP_IN_N_BRACKET.match(text, end)
        out.append((f"{phrase} ({group.group(1)})" if group and "(" not in phrase else phrase, drugs, n))
    return out


# A code before the n in an arm's n bracket names the arm: "inotuzumab alone (cohort 1, n = 40)" is "cohort 1".
_CODE_IN_N_BRACKET = re.compile(r"\s?[(\[]\s?((?:arm|cohort|group|stratum)\s(?:[A-Z]|\d{1,2}[A-Z]?))\s?[,;]", re.I)


def _coded(arms: list[Arm], text: str, ends: list[int]) -> list[Arm]:
    """Arms whose n brackets (right after `ends`, the ends of their phrases) all open with a code are named by it,
    their regimen kept; else the arms as they are, but unnamed ones (cohorts of no treatment of their own:
    "patients in first relapse (cohort 1, n = 40)") none."""
    codes = [_CODE_IN_N_BRACKET.match(text, end) for end in ends]
    if not arms or not all(codes) or len({c.group(1).lower() for c in codes}) < len(codes):
        return arms if all(arm.label for arm in arms) else []
    for arm, code in zip(arms, codes):
        label = " ".join(code.group(1).split())
        arm.label = label[0].lower() + label[1:]
        arm.aliases.add(label.lower())
    return arms


# A dose level named before the n in a dose's n bracket: "0.9 mg/m2 (low dose, n = 45)".
_DOSE_NAME_IN_N_BRACKET = re.compile(r"\s?[(\[]\s?((?:low|lower|reduced|standard|full|intermediate|high|higher)[\s\-]dose|"
                                     r"dose\slevel\s(?:\d{1,2}|[IVX]{1,4}))\s?[,;]", re.I)
_DOSE_END = re.compile(r"\d(?:\s?[×x]\s?10\^?\d+)?\s?(?:mg|µg|μg|mcg|g|cells)(?:/(?:m2|m²|kg))?(?:/(?:day|d))?\Z")


def _dose_levels_named(parts: list[tuple[str, list, int | None]], text: str, ends: list[int],
                       lexicon: dict) -> list[Arm]:
    """Doses of one treatment, each with its n bracket opening with a dose level's name, are arms of that name given
    the article's treatment: "randomised to 0.9 mg/m2 (low dose, n = 45) or 1.8 mg/m2 (standard dose, n = 44)"; the
    doses of the one drug the first names, without names, are arms of the drug at each dose ("randomly assigned to
    receive inotuzumab at 1.8 mg/m2 (n = 40) or 1.2 mg/m2 (n = 38)" -> "inotuzumab ozogamicin 1.8 mg/m2", ...)."""
    if not all(_DOSE_END.search(phrase.rstrip()) for phrase, _, _ in parts):
        return _dose_words(parts)
    names = [_DOSE_NAME_IN_N_BRACKET.match(text, end) for end in ends]
    if not any(names):
        return _drug_doses(parts, lexicon)
    if not all(names):
        return []
    labels = [" ".join(name.group(1).replace("-", " ").split()).lower() for name in names]
    if len(set(labels)) < len(labels):
        return []
    return [Arm(label, [], n, aliases={label, name.group(1).lower()}, variant="cohort")
            for label, name, (_, _, n) in zip(labels, names, parts)]


# A dose level named by its word alone, its drug after the last n bracket: "randomized to standard-dose (n = 100) or
# high-dose (n = 98) methotrexate".
_DOSE_WORD = re.compile(r"(?:the\s)?(?P<w>(?:low|lower|reduced|standard|full|intermediate|high|higher)[\s\-]dose)", re.I)


def _dose_words(parts: list[tuple[str, list, int | None]]) -> list[Arm]:
    """Arms that are dose levels named by their words only ("standard-dose (n = 100) or high-dose (n = 98)"), as
    written, given the article's treatment (variant `cohort`, see detect_arms)."""
    words = [_DOSE_WORD.fullmatch(phrase.strip()) for phrase, _, _ in parts]
    if not all(words):
        return []
    labels = [" ".join(w.group("w").split()).lower() for w in words]
    if len({label.replace("-", " ") for label in labels}) < len(labels):
        return []
    return [Arm(label, [], n, aliases={label, label.replace("-", " "), label.replace(" ", "-")}, variant="cohort")
            for label, (_, _, n) in zip(labels, parts)]


# A dose level's name ending an arm's phrase, its dose in the n bracket before the n: "dose level 1 (1 × 10^6/kg,
# n = 6), dose level 2 (3 × 10^6/kg, n = 9)", "DL1 (0.8 mg/m2; n = 3)" (the level's name as written).
_LEVEL_AT_END = re.compile(r"(?:^|\s)(?P<level>(?:[Dd]ose\s)?[Ll]evel\s(?:\d{1,2}|[IVX]{1,4})[a-z]?|DL\s?-?\d{1,2}[a-z]?)\s*\Z")
_DOSE_IN_N_BRACKET = re.compile(r"\s?[(\[]\s?(?P<dose>[^()\[\];,=]{1,50}?)\s?[;,]\s?n\s?=")
_CELL_OR_DRUG_DOSE = re.compile(r"\d(?:\s?[×x]\s?10(?:\^?\d{1,2}|\(\d{1,2}\)|[⁰¹²³⁴-⁹]{1,2}))?\s?(?:[A-Za-z\-]+\s){0,3}?"
                                r"(?:mg|µg|μg|mcg|g|cells|/kg|/m2)(?:/(?:m2|m²|kg|day|d))*\Z")


def _dosed_levels(parts: list[tuple[str, list, int | None]], text: str, ends: list[int]) -> list[Arm]:
    """Dose levels named before their n brackets, each bracket opening with the level's dose (_LEVEL_AT_END), are
    arms of the level's name given the article's treatment."""
    levels = [_LEVEL_AT_END.search(phrase.rstrip()) for phrase, _, _ in parts]
    if not all(levels):
        return []
    doses = [_DOSE_IN_N_BRACKET.match(text, end) for end in ends]
    # (or brackets of the n alone: "enrolled at dose level 1 (n = 6) and dose level 2 (n = 9)")
    if not all(dose and _CELL_OR_DRUG_DOSE.search(dose.group("dose")) for dose in doses) and any(doses):
        return []
    labels = [" ".join(level.group("level").split()) for level in levels]
    labels = [label if label.startswith("DL") else label.lower() for label in labels]  # "dose level 1", "DL1"
    if len({label.lower() for label in labels}) < len(labels):
        return []
    return [Arm(label, [], n, aliases={label.lower()}, variant="cohort") for label, (_, _, n) in zip(labels, parts)]


_DOSE_AT_END = re.compile(r"\d+(?:\.\d+)?\s?(?:mg|µg|μg|mcg|g)(?:/(?:m2|m²|kg))?(?:/(?:day|d))?\Z")
_DOSE_OF_DRUG = re.compile(r"\s(?:at\s(?:a\sdose\sof\s)?)?\Z")  # between the drug and its dose: "inotuzumab at 1.8 mg/m2"


# A dose given to the patients with no drug named before it: "Patients were treated at 0.8 mg/m2 (n = 20) or ...".
_DOSE_GIVEN_AT = re.compile(r"\b(?:treated|dosed|enrolled|given)\sat\s(?:a\sdose\sof\s)?\Z", re.I)


def _drug_doses(parts: list[tuple[str, list, int | None]], lexicon: dict) -> list[Arm]:
    """Arms of one drug at two doses or more: the first part names the drug right before its dose, the others a dose
    alone (see _dose_levels_named)."""
    first, drugs, _ = parts[0]
    first = first.rstrip()
    doses = [_DOSE_AT_END.search(phrase.rstrip()) for phrase, _, _ in parts]
    if len(drugs) > 1 or any(d is None for d in doses) or any(other_drugs or phrase.strip() != dose.group(0)
                                                                for (phrase, other_drugs, _), dose in zip(parts[1:], doses[1:])):
        return []
    if not any(other for _, other, _ in parts) and _DOSE_GIVEN_AT.search(first, 0, doses[0].start()):
        # "Patients were treated at 0.8 mg/m2 (n = 20) or 1.2 mg/m2 (n = 40)": the doses of the article's treatment
        labels = [" ".join(dose.group(0).split()) for dose in doses]
        return [Arm(label, [], n, aliases={label.lower()}, variant="cohort") for label, (_, _, n) in zip(labels, parts)] \
            if len(set(labels)) == len(labels) else []
    if len(drugs) != 1:
        return []
    start, end, canonical = drugs[0]
    if not _DOSE_OF_DRUG.fullmatch(first, end, doses[0].start()):
        return []
    _, readable, classes, _ = read_regimen(first[start:end], [(0, end - start, canonical)], lexicon)
    labels = [f"{canonical} {' '.join(dose.group(0).split())}" for dose in doses]
    if len(set(labels)) < len(labels):
        return []
    return [Arm(label, [canonical], n, f"{readable} {dose.group(0)}", list(classes), {label.lower(), dose.group(0).lower()},
                variant=dose.group(0)) for label, dose, (_, _, n) in zip(labels, doses, parts)]


# Treatments with their ns that are not the study's arms: "Bridging therapy consisted of A (n = 10) or B (n = 8)".
_OTHER_THERAPY = re.compile(r"\b(?:bridging|bridge|prior|previous|subsequent|post-relapse|lymphodepleting|lymphodepletion|"
                            r"conditioning)\s(?:[\w\-]+\s){0,2}?(?:therap(?:y|ies)|treatments?|regimens?|chemotherapy|"
                            r"agents?)\b|\bbridged\s(?:with|to)\b", re.I)
_OTHER_THERAPY_AFTER = re.compile(r"\s?,?\s(?:as|for)\s(?:an?\s)?(?:bridg\w*|lymphodeplet\w*|conditioning|prior|previous)\b", re.I)
_ASSIGNMENT = re.compile(r"\b(?:randomi[sz]ed|randomly|assigned|allocated|(?:were|was)\s(?:treated|given))\b", re.I)


def _other_therapy_before(text: str, at: int) -> bool:
    """The words before a sentence's first arm name a therapy before or after the study's own ("Bridging therapy
    consisted of", "Prior therapies included"), and no assignment or treatment follows them (not "Adults who had
    failed prior therapy were randomized to A (n = 271) or B (n = 134)")."""
    cue = _OTHER_THERAPY.search(text, 0, at) if "rapy" in text or "rapies" in text or "treatment" in text or \
        "regimen" in text or "agent" in text or "bridged" in text else None
    return cue is not None and _ASSIGNMENT.search(text, cue.end(), at) is None


_N_BRACKET_AT = re.compile(_N_BRACKET.format("n"), re.I)
_LIST_GAP = re.compile(r",?\s(?:or|and|versus|vs\.?)\s|,\s", re.I)
_LIST_PHRASE = re.compile(r"[^;()\[\]]{2,80}?\s?\Z")


def _with_n_list(line: _Line, lexicon: dict) -> list[Arm]:
    """Three arms or more, each with its n bracket: "treated with blinatumomab (n = 40), inotuzumab (n = 35) or
    chemotherapy (n = 50)"; each item a treatment, joined by commas and a last "or"/"and"."""
    text, drugs = line.text, line.drugs
    brackets = list(_N_BRACKET_AT.finditer(text))
    chain: list[tuple[int, int, int]] = []  # (phrase start, phrase end, n) of the items joined so far
    for i, bracket in enumerate(brackets):
        n = int(bracket.group("n") or bracket.group("n2"))
        gap = _LIST_GAP.match(text, brackets[i - 1].end()) if chain else None
        if gap and _LIST_PHRASE.fullmatch(text, gap.end(), bracket.start()):
            chain.append((gap.end(), bracket.start(), n))
            continue
        if len(chain) >= 3:
            break
        start = max(text.rfind(stop, 0, bracket.start()) for stop in ";()[]:") + 1
        trimmed = _TRIM_LEFT.match(text, start, bracket.start())
        chain = [(trimmed.end() if trimmed else start, bracket.start(), n)]
    if len(chain) < 3 or _other_therapy_before(text, chain[0][0]):
        return []
    chain = [(s + len(text[s:e]) - len(text[s:e].lstrip()), e, n) for s, e, n in chain]  # spans from the phrase's first letter
    parts = [(text[s:e].strip(), _slice(text, drugs, s, e), n) for s, e, n in chain]
    dosed = _dosed_levels(parts, text, [e for _, e, _ in chain]) \
        or _dose_levels_named(parts, text, [e for _, e, _ in chain], lexicon)
    if dosed:
        return dosed
    arms = _parts_to_arms(_group_named_in_n_bracket(parts, text, [e for _, e, _ in chain]), lexicon)
    if len(arms) != len(chain) or len({tuple(a.drugs) for a in arms}) < len(arms):
        return []
    return _coded(arms, text, [e for _, e, _ in chain])


def _n_brackets(line: _Line) -> int:
    """How many n brackets (_ANY_N_BRACKET) the sentence holds, 0 or 1 for fewer than two. A cheap necessary cue
    first: two brackets, and two "=" (":") or patient words, as each n bracket holds one."""
    text, lower = line.text, line.lower
    if text.count("(") + text.count("[") < 2:
        return 0
    if lower is not None and text.count("=") + text.count(":") + lower.count("patients") + lower.count("pts") \
            + lower.count("children") + lower.count("adults") + lower.count("subjects") + lower.count("cases") < 2:
        return 0
    return len(_ANY_N_BRACKET.findall(text))


def _with_n_match(text: str) -> re.Match | None:
    """`_WITH_N.search(text)`, tried only where its first group can start: within _WITH_N_REACH characters
    before a "(", none of ; ( ) in between (an n bracket in square brackets is searched for everywhere)."""
    if "[" in text:
        return _WITH_N.search(text)
    return _search_from_anchors(_WITH_N, text, _positions(text, "("), _WITH_N_REACH, _WITH_N_STOPS, earliest=True)


@lru_cache(maxsize=8)
def _schedules_pattern(words: str) -> re.Pattern:
    return re.compile(r"\b(?:randomly assigned|randomi[sz]ed|allocated)\b[^.;]{0,40}?\bto\s(?:receive\s)?(?:either\s)?"
                      r"(?P<d>[^;,()]{2,60}?)(?:\s?\([^()]*\))?\s(?:(?:administered|given|started|starting)\s)?"
                      r"(?P<a>" + words + r")(?:\s?\(n\s?=\s?(?P<na>\d+)\))?\s(?:or|versus|vs\.?)\s(?P<b>" + words + r")\b"
                      r"(?:\s?\(n\s?=\s?(?P<nb>\d+)\))?", re.I)  # each schedule's n: "weekly (n = 49) or monthly (n = 41)"


def _schedules(line: _Line, lexicon: dict) -> list[Arm]:
    """Arms of one drug given on two schedules: "randomized 1:1 to bortezomib (1.3 mg/m2) administered early or late"
    -> "early bortezomib", "late bortezomib" (schedule words: patterns/subgroup_cues.jsonl `schedule`)."""
    if not line.may_have(_RANDOMISED_WORDS):
        return []
    text, drugs = line.text, line.drugs
    m = _schedules_pattern(subgroups.schedule_words()).search(text)
    if not m:
        return []
    arm = _arm_from_phrase(m.group("d"), _slice(text, drugs, m.start("d"), m.end("d")), None, lexicon)
    if arm is None or not arm.drugs or m.group("a").lower() == m.group("b").lower():
        return []
    arms = []
    for key in ("a", "b"):
        when = m.group(key).lower()
        label = f"{when} {arm.label}"
        n = int(m.group("n" + key)) if m.group("n" + key) else None
        arms.append(Arm(label, list(arm.drugs), n, f"{when} {arm.regimen}", list(arm.classes),
                        {label.lower()} | {f"{when} {a}" for a in arm.aliases} | {f"{a} {when}" for a in arm.aliases},
                        variant=when))
    return arms


# Arms stated as counts of patients with their treatments: "Sixty patients received inotuzumab and 40 received
# standard chemotherapy", "164 were assigned to inotuzumab and 162 to standard care", "90 were treated with
# blinatumomab and 60 with inotuzumab" (the second verb may be left out).
# A count in digits or words, whole: "One hundred and nine" (never its last word alone: "nine" gave an arm of 9).
# A count's word starts as a number word does ("Sixty", "forty-two"): not a drug of the arm before it, whose "and"
# joins its regimen ("60 treated with ponatinib and blinatumomab were compared with 86 ...": no count "blinatumomab")
_WORD = r"(?=(?i:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fifteen|twenty|thirty|" \
        r"forty|fifty|ninety))[A-Za-z]+(?:-[a-z]+)?"
# (not an article: "combined with a TKI and 20 received ..." has no count after "with")
# A word of who the counted patients are, between the count and its noun: "100 AYA patients", "45 adult patients".
_COUNT_MODIFIER = r"(?:adult|pediatric|paediatric|consecutive|older|young|elderly|(?-i:[A-Z]{{2,5}}))\s"
# The disease of the counted patients, before their verb: "42 patients with relapsed T-ALL who received A".
_COUNT_POPULATION = r"(?:with\s(?:[\w+/\-]+\s){{1,4}}?(?=who\s|treated\s|were\s|\Z))?"
_COUNT = r"(?<!hundred\s)(?<!hundred\sand\s)(?<!thousand\s)(?P<{0}>\d+|(?!(?:an?|the)\s)" + _WORD \
         + r"(?:\s(?:hundred|thousand)(?:\s(?:and\s)?" + _WORD + r")?)?)\s(?:\(\d+(?:\.\d+)?\s?%\)\s)?" \
         r"(?:(?:matched\s|" + _COUNT_MODIFIER + r")?(?:patients|pts|subjects|children|adults|controls)\s" \
         + _COUNT_POPULATION + r")?"  # "60 matched children who received"
_ASSIGNED = r"(?:(?:randomly\s)?(?:assigned|randomi[sz]ed|allocated)\sto(?:\sreceive)?)"
_ASSIGNED_ANY_CASE = re.compile(_ASSIGNED, re.I)
_COUNTED_VERB = r"(?:who\s)?(?:were\s)?(?:received|(?:were\s)?treated\swith|" + _ASSIGNED + r")"
_COUNTED = re.compile(_COUNT.format("na") + r"(?P<va>" + _COUNTED_VERB + r")\s(?P<a>[^,;()]{2,80}?)(?:\s?\([^()]*\))?,?\s"
                      r"(?:and|while|whereas|with|to|versus|vs\.?|(?:were\s)?(?:matched|compared)(?:\s1:\d)?\s(?:to|with)(?:\sthose\sof)?)\s"
                      + _COUNT.format("nb") + r"(?:" + _COUNTED_VERB + r"\s|to\s|with\s)?(?P<b>[^,;()]{2,80}?)"
                      r"(?=\s?[,;.()]|\s(?:in|at|for|as|during|after|before|who|which|because|on|from|between|were|was)\s|$)", re.I)
# The counts in a bracket (or after a colon) after the assignment: "108 patients were randomized (54 to blinatumomab
# and 54 to chemotherapy)", "218 patients were randomized: 109 to A and 109 to B".
_COUNTED_BRACKET = re.compile(r"(?P<va>(?:randomly\s)?(?:assigned|randomi[sz]ed|allocated))(?:\s?\(|:)\s?" + _COUNT.format("na")
                              + r"(?:were\s)?to\s(?:the\s)?(?P<a>[^,;()]{2,80}?),?\s(?:and\s)?" + _COUNT.format("nb")
                              + r"(?:were\s)?to\s(?:the\s)?(?P<b>[^,;()]{2,80}?)(?:\s?\)|(?=\.?$))", re.I)
# Where _COUNTED can start: the count right before the first verb (a match is tried only there).
_COUNTED_AT = re.compile(r"(?:received|treated with|assigned to|randomi[sz]ed to|allocated to)\b")
_COUNT_BEFORE = re.compile(_COUNT.format("n") + r"(?:who\s)?(?:were\s)?(?:randomly\s)?\Z")


_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=4)  # one per pipeline
def _number_word_pattern(words: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")\b", re.I)


def _may_count(text: str) -> bool:
    """A cheap necessary condition of _COUNTED (its verbs are matched as written, in lower case)."""
    return ("received" in text or "treated with" in text or "assigned" in text or "randomi" in text
            or "allocated" in text) and (" and " in text or " wh" in text or " vs" in text or " versus " in text
                                         or "compar" in text or " matched " in text)


@lru_cache(maxsize=2)  # asked again by _assigned
def _counted_match(text: str, words: NumberWords) -> re.Match | None:
    """`_COUNTED.search(text)`, tried only at the count right before each treatment verb."""
    for verb in _COUNTED_AT.finditer(text):
        window = max(0, verb.start() - 70)
        if not _DIGIT.search(text, window, verb.start()) \
                and not _number_word_pattern(words.key).search(text, window, verb.start()):
            continue  # no count before the verb: the wide _COUNT_BEFORE need not be tried at its every position
        count = _COUNT_BEFORE.search(text, window, verb.start())
        m = _COUNTED.match(text, count.start()) if count else None
        if m:
            return m
    return _COUNTED_BRACKET.search(text) if " to " in text and ("(" in text or ":" in text) else None


def _counted(line: _Line, lexicon: dict) -> list[Arm]:
    """Two arms stated as counts with their treatments: assigned ("164 were assigned to A and 162 to B"), or that
    received them ("Sixty patients received A and 40 received B"), then arms only when the counts add up to a
    number of patients the abstract states (see detect_arms and _assigned), not later therapy of part of the cohort
    ("after relapse, 5 received A and 3 received B")."""
    text = line.text
    m = _counted_match(text, line.words) if _may_count(text) and line.names_an_agent() else None
    if m and " not" in text:  # "40 received rituximab and 50 did not": the second count's verb is left out
        return _counted_and_not(line, lexicon) or _counted_arms(m, line, lexicon)
    return _counted_arms(m, line, lexicon) if m else []


def _counted_arms(m: re.Match, line: _Line, lexicon: dict) -> list[Arm]:
    """The two arms of a _COUNTED match, each its count and treatment."""
    text, drugs = line.text, line.drugs
    counts = [nz.read_number(m.group(key), line.words.values) for key in ("na", "nb")]
    if any(c is None or not c.is_integer or c.value < 1 for c in counts) or "," in text and _counted_items(line):
        return []  # two items of a longer list ("5 received A, 3 received B and 2 received C") are not two arms
    parts = [(m.group(key), _slice(text, drugs, m.start(key), m.end(key)), int(c.value)) for key, c in zip("ab", counts)]
    arms = _parts_to_arms(parts, lexicon)
    return arms if len(arms) == 2 and arms[0].drugs != arms[1].drugs else []


# A count that received a drug and one that did not: "40 received rituximab and 50 did not".
# ("40 received rituximab with it (R-HCVAD) and 50 did not": the bracket another name of the arm)
_COUNTED_NOT = re.compile(_COUNT.format("na") + r"(?:patients\s)?(?:received|were\streated\swith)\s(?P<a>[^,;()]{2,60}?)"
                          r"(?:\s(?:with\s(?:it|them)|as\swell|in\saddition))?(?P<named>\s?\([^()]*\))?,?\s(?:and|while|whereas)\s"
                          + _COUNT.format("nb")
                          + r"(?:patients\s)?(?:did|were)\snot\b(?!\s(?:respond|achieve|reach|attain))", re.I)

# Words of a part of the cohort that a later treatment splits: "Of the 30 patients who relapsed, 12 received ..."
# (not the disease of the whole cohort: "Of 90 adults with relapsed ALL, ...", "relapsed or refractory").
_LATER_SUBSET = re.compile(r"\b(?:relaps(?!ed(?:\s(?:or|and)\s|/)refractory)(?!ed\s(?:[BT]-)?(?:ALL|disease|acute|leuka?emia))\w*|"
                           r"respon\w*|remissions?|CR|progress\w*|transplant\w*|HSCT|after|following|"
                           r"subsequent\w*|later)\b", re.I)


def _counted_and_not(line: _Line, lexicon: dict) -> list[Arm]:
    """Two arms by one drug, given to one count and not to the other: "Of 90 patients, 40 received rituximab and 50
    did not" -> "rituximab" (40), "no rituximab" (50); the phrase must be that drug alone."""
    m = _COUNTED_NOT.search(line.text)
    if m is None or _LATER_SUBSET.search(line.text, 0, m.start()):
        return []
    drug = m.group("a")
    drugs = _slice(line.text, line.drugs, m.start("a"), m.end("a"))
    if len(drugs) != 1 or drugs[0][:2] != (0, len(drug)):
        return []
    counts = [nz.read_number(m.group(key), line.words.values) for key in ("na", "nb")]
    if any(c is None or not c.is_integer or c.value < 1 for c in counts):
        return []
    return _parts_to_arms(((drug + (m.group("named") or ""), tuple(drugs), int(counts[0].value)),
                           (f"no {drug}", tuple((s + 3, e + 3, i) for s, e, i in drugs), int(counts[1].value))), lexicon)


# Three or more counted arms: "80 received hyper-CVAD, 80 received blinatumomab and 80 received inotuzumab"; each
# item a count, maybe its verb again, and the treatment, up to the next item.
_COUNTED_ITEM = re.compile(_COUNT.format("n") + r"(?:" + _COUNTED_VERB + r"\s|to\s|with\s)(?P<a>[^,;()]{2,80}?)"
                           r"(?:\s?\([^()]*\))?(?=,\s(?:and\s)?\w|\s(?:and|while|whereas)\s|\s?[;.]|$)", re.I)
_COUNT_BEFORE_DRUG = re.compile(r",\s\d+\s(?:patients\s)?\Z")  # "40 received A, 35 B and 50 C"


def _elided_count(text: str, drugs: list) -> bool:
    """A count right before a drug after a comma: a counted item whose verb is left out (see _items_from)."""
    return any(_COUNT_BEFORE_DRUG.search(text, max(0, start - 16), start) for start, _, _ in drugs)


_ELIDED_ITEM = re.compile(_COUNT.format("n") + r"(?P<a>[^,;()]{2,80}?)(?:\s?\([^()]*\))?(?=,\s(?:and\s)?\w|\s(?:and|while|"
                          r"whereas)\s|\s?[;.]|$)", re.I)
_ITEM_JOIN = re.compile(r",\s(?:and\s)?|\s(?:and|while|whereas)\s")


def _counted_list(line: _Line, lexicon: dict) -> list[Arm]:
    """Three or more arms stated as counts with their treatments, joined by commas and a last "and" (see _counted):
    each item opens with its count ("80 received A, 80 received B and 80 received C")."""
    text = line.text
    if "," not in text or not _may_count(text) or not line.names_an_agent() \
            or _counted_match(text, line.words) is None and not _elided_count(text, line.drugs):
        return []  # its last two items are a _counted match, or a later item a count without its verb
    items = _counted_items(line)
    if not items:
        return []
    counts = [nz.read_number(m.group("n"), line.words.values) for m in items]
    if any(c is None or not c.is_integer or c.value < 1 for c in counts):
        return []
    parts = [(m.group("a"), _slice(text, line.drugs, m.start("a"), m.end("a")), int(c.value)) for m, c in zip(items, counts)]
    arms = _parts_to_arms(parts, lexicon)
    return arms if len(arms) == len(items) and len({tuple(a.drugs) for a in arms}) == len(arms) else []


def _counted_items(line: _Line) -> list[re.Match]:
    """The first list of three counted items or more in the sentence (see _counted_list), else []."""
    drug_starts = {start for start, _, _ in line.drugs}
    for at in _count_starts(line.text):
        items = _items_from(line.text, at, drug_starts, line.words)
        if len(items) >= 3:
            return items
    return []


def _count_starts(text: str):
    """Where a count right before a treatment verb starts (see _counted_match)."""
    for verb in _COUNTED_AT.finditer(text):
        count = _COUNT_BEFORE.search(text, max(0, verb.start() - 70), verb.start())
        if count:
            yield count.start()


def _items_from(text: str, at: int, drug_starts: set[int], words: NumberWords) -> list[re.Match]:
    """The counted items joined from `at` on ("80 received A", "80 received B", "80 received C"); after the first,
    an item's verb may be left out before a drug ("40 received blinatumomab, 35 inotuzumab and 50 ...")."""
    items = []
    while True:
        m = _COUNTED_ITEM.match(text, at)
        if m is None and items:
            m = _ELIDED_ITEM.match(text, at)
            m = m if m is not None and (m.start("a") in drug_starts or _REGIMEN_HEAD.match(m.group("a"))) else None
        if m is None or nz.read_number(m.group("n"), words.values) is None:
            return items  # not "each with blinatumomab" of "38 received dasatinib, each with blinatumomab"
        items.append(m)
        join = _ITEM_JOIN.match(text, m.end())
        if join is None:
            return items
        at = join.end()


def _assigned(text: str, words: NumberWords) -> bool:
    """The counts _counted read were assigned to their treatments ("were randomized to") or are compared as groups
    ("We compared 60 patients who received A with 40 who received B", "60 children who received A and 60 matched
    children who received B", "After propensity score matching, 45 patients treated with A and 45 treated with B",
    "79 patients treated with A were compared with those of 120 patients who received B")."""
    m = _counted_match(text, words)
    if m is None:  # a list of counted items of which only the first has its verb (see _items_from)
        return _ASSIGNED_ANY_CASE.search(text) is not None or "compar" in text or "propensity" in text
    return _ASSIGNED_ANY_CASE.search(m.group("va")) is not None or "compar" in text[:m.start()] or " matched " in m.group(0) \
        or " compared " in m.group(0) \
        or "propensity" in text[:m.start()] or _STUDIED_BEFORE.search(text, 0, m.start()) is not None \
        and _NOT_THE_STUDY_TREATMENT.search(m.group(0)) is None


# The counted groups are the objects of the study's own verb of inclusion: "We retrospectively analyzed 45 patients
# treated with A and 35 patients treated with B", "We identified 45 patients who received A and 35 who received B",
# "This study included ...": the groups the study was made of, not later therapy of part of its cohort.
# (not groups by a therapy given before or beside the study's own: "40 who received blinatumomab before CAR T and 30 who
# received inotuzumab before CAR T", "30 who received bridging chemotherapy")
_NOT_THE_STUDY_TREATMENT = re.compile(r"\b(?:before|after|following|prior|previous(?:ly)?|bridging|bridge|subsequent|"
                                      r"lymphodeplet\w*|conditioning)\b", re.I)
_STUDIED_BEFORE = re.compile(r"\b(?:analy[sz]ed|identified|included|reviewed|evaluated|studied|enrolled)\s"
                             r"(?:data\s(?:of|on|from)\s)?(?:a\stotal\sof\s)?\Z", re.I)


_SEPARATE_STUDY = re.compile(r"(?<![\w.])(?P<n>\d+)\s(?:[\w+\-/]+\s){0,3}?(?:patients|subjects|children|adults)\s"
                             r"(?:in|from|of|enrolled\sin)\s(?:the\s)?(?P<s>(?:study|trial|cohort|part)\s[A-Z\d][\w\-]{0,11})\s"
                             r"(?:received\s|were\s(?:treated|given)\s(?:with\s)?)(?P<d>[^,;.()]{2,60}?)(?=[,;.]|\s?\(|$)")


def _separate_study(text: str, drugs: list, lexicon: dict) -> Arm | None:
    """A separately reported study or cohort of a pooled report, beside the arms: "16 Ph+ patients in study 1010
    received InO" -> arm "inotuzumab ozogamicin (study 1010)" (n 16), named by "study 1010"."""
    m = _SEPARATE_STUDY.search(text) if any(word in text for word in ("study", "trial", "cohort", "part")) else None
    if not m:
        return None
    arm = _arm_from_phrase(m.group("d"), _slice(text, drugs, m.start("d"), m.end("d")), None, lexicon)
    if arm is None or not arm.drugs:
        return None
    study = " ".join(m.group("s").split())
    label = f"{arm.label} ({study})"
    return Arm(label, list(arm.drugs), int(m.group("n")), arm.regimen, list(arm.classes), {label.lower(), study.lower()},
               variant=study.lower())


def _sub_pattern(key: str) -> str:
    return r"(?P<" + key + r">\d+)\s(?P<" + key + r"s>[^()\[\];,]{1,50}?(?:\s?\[[^\[\]]{1,12}\])?)"


def _state_pattern(key: str) -> str:
    return (r"(?P<" + key + r">\d+)\s(?:were|was|had|with)\s(?P<" + key + r"s>[^()\[\];,]{1,60}?)\s?\("
            + _sub_pattern(key + "x") + r",?\s(?:and\s)?" + _sub_pattern(key + "y") + r"\)")


_CROSSED = re.compile(_state_pattern("a") + r",?\s(?:and|while|whereas)\s" + _state_pattern("b"), re.I)
_STATE_WORDS = re.compile(r"^(?:a\s)?(?:diagnosis\sof|diagnosed\swith|disease\sthat\swas)\s|\s(?:(?:B|T)-cell\s|B-|T-)?"
                          r"(?:ALL|acute\slymphoblastic\sleuka?emia|disease)$", re.I)


_SHORT_IN_SQUARE_BRACKETS = re.compile(r"\[([^\[\]]{1,12})\]$")  # "relapsed [R]"


def _crossed_cohorts(text: str) -> list[Arm]:
    """The cohorts of a multi-cohort study stated by disease state x subgroup, their ns adding up: "Of the 249
    patients, 109 were MRD+ (83 Ph- and 26 Ph+) and 140 had R/R ALL (106 Ph- and 34 Ph+)" -> "MRD+ Ph-" (83),
    "MRD+ Ph+" (26), "R/R Ph-" (106), "R/R Ph+" (34). The two states must split into the same subgroups."""
    m = _CROSSED.search(text) if text.count("(") >= 2 else None  # each state opens its own bracket
    if not m:
        return []
    n = {k: int(m.group(k)) for k in ("a", "b", "ax", "ay", "bx", "by")}
    if n["ax"] + n["ay"] != n["a"] or n["bx"] + n["by"] != n["b"]:
        return []
    if not re.search(r"(?<![\d.])" + str(n["a"] + n["b"]) + r"\s", text[:m.start()]):
        return []

    def state(key):
        return _STATE_WORDS.sub("", _STATE_WORDS.sub("", m.group(key + "s").strip())).strip()

    def sub(key):
        phrase = m.group(key + "s").strip()
        short = _SHORT_IN_SQUARE_BRACKETS.search(phrase)
        return short.group(1).strip() if short else phrase

    subs = [sub("ax"), sub("ay")]
    if [sub("bx"), sub("by")] != subs or len(set(subs)) < 2 or not state("a") or not state("b"):
        return []
    arms = []
    for s_key, keys in (("a", ("ax", "ay")), ("b", ("bx", "by"))):
        for key in keys:
            label = f"{state(s_key)} {sub(key)}"
            arms.append(Arm(label, [], n[key], aliases={label.lower()}, variant="cohort"))
    return arms


_RANDOMISED_PART_END = re.compile(r",|\s(?:and|who|which|administered|given|as)\s|"
                                  r"\sat\s(?=(?:an?\s)?(?:(?:starting|initial|fixed|total|target|flat)\s)?doses?\sof\b)")


def _randomised(line: _Line, lexicon: dict) -> list[Arm]:
    text, drugs = line.text, line.drugs
    m = (_RANDOMISED.search(text) or _RANDOMISED_BETWEEN.search(text)) if line.may_have(_RANDOMISED_WORDS) else None
    if not m:
        return []
    parts = []
    for name in ("a", "b"):
        start, end = m.start(name), m.end(name) if name == "a" else _with_drug_end(text, drugs, m.end(name))
        start += 3 if name == "b" and text.startswith("to ", start) else 0  # "randomized to A or to B"
        part = text[start:end]
        cut = _RANDOMISED_PART_END.search(part)  # "chemotherapy as consolidation", "A at a starting dose of 1.8 mg/m2"
        if cut and not _inside_bracket(part, cut.start()):
            part = part[:cut.start()]
        parts.append((part, _slice(text, drugs, start, start + len(part)), None))
    listed = _listed_parts(text, drugs, m.start("a"), m.end("a"), lexicon)
    if listed:  # "randomized to blinatumomab, inotuzumab ozogamicin, or standard chemotherapy"
        parts = listed + parts[1:]
    return _parts_to_arms(_bare_ns(parts, text[:m.start()]), lexicon)


def _with_drug_end(text: str, drugs: list, end: int) -> int:
    """The end of an arm's phrase that goes on with a drug joined by "with"/"plus" ("or hyper-CVAD with rituximab")."""
    joined = _JOINED_DRUG.match(text, end)
    return next((e for s, e, _ in drugs if joined and s == joined.end()), end)


_JOINED_DRUG = re.compile(r"\s(?:with|plus)\s")


def _listed_parts(text: str, drugs: list, start: int, end: int, lexicon: dict) -> list | None:
    """The arms listed before a randomisation's last "or", each a treatment: "to A, B, or C" -> A, B."""
    phrase = text[start:end]
    if "," not in phrase or "(" in phrase and _CODE_BRACKETS.sub("", phrase).count("("):
        return None  # (brackets but arm codes: "to A (arm A), B (arm B), or C (arm C)")
    parts, at = [], start
    for piece in phrase.split(","):
        stripped = piece.strip()
        if stripped:
            begin = at + piece.index(stripped)
            parts.append((stripped, _slice(text, drugs, begin, begin + len(stripped)), None))
        at += len(piece) + 1
    if len(parts) < 2 or any(_arm_from_phrase(p, d, None, lexicon) is None for p, d, _ in parts):
        return None
    return parts


_LISTED_CODE = r"(?:[A-Z]|\d{1,2})\b"
_CODE_LIST = re.compile(r"\b(?P<kind>arms|groups|cohorts)\s(?P<codes>" + _LISTED_CODE + r"(?:,\s?" + _LISTED_CODE
                        + r")*,?\s(?:and|or)\s" + _LISTED_CODE + r")", re.I)  # "arms A, B and C", "cohorts 1 and 2"
_CODE_SEPARATOR = re.compile(r",?\s(?:and|or)\s|,\s?")
_CODE_BRACKETS = re.compile(r"\s?\((?:arm|group|cohort)\s[A-Za-z0-9]{1,2}\)")


def _bare_ns(parts: list[tuple[str, list, int | None]], before: str) -> list[tuple[str, list, int | None]]:
    """"405 patients were randomly assigned to blinatumomab (271) or chemotherapy (134)": a bare number in brackets
    after each arm is its n when they add up to the number of patients randomised."""
    ns = [_BARE_N.search(part) for part, _, _ in parts]
    if not all(ns) or not re.search(r"(?<![\d.])" + str(sum(int(n.group(1)) for n in ns)) + r"\s", before):
        return parts
    return [(part, drugs, int(n.group(1))) for (part, drugs, _), n in zip(parts, ns)]


def _first_arm_start(m: re.Match, drugs: list = ()) -> int:
    """Where the first arm's name of a finder match starts, after the lead-in words _TRIM_LEFT drops; a "with" or
    "and" right after a drug (DRUG spans in `drugs`) joins the arm's own drugs ("randomized to hyper-CVAD with
    rituximab", "treated with clofarabine, cyclophosphamide and etoposide"), so the lead-in ends before that drug."""
    phrase, base = m.group("a"), m.start("a")
    ends = {end - base: start - base for start, end, _ in drugs}
    cut = len(phrase)
    while True:
        trimmed = _TRIM_LEFT.match(phrase, 0, cut)
        if not trimmed:
            return base
        cue = phrase.rfind(" ", 0, trimmed.end() - 1)  # the space before the cue word
        before = ends.get(cue) if phrase[cue + 1:trimmed.end() - 1].lower() in ("with", "and") else None
        if before is None:
            return base + trimmed.end()
        cut = before


def _compared(line: _Line, lexicon: dict) -> list[Arm]:
    if not line.names_an_agent():
        return []  # its two arms would differ by their drugs
    m = _compared_match(line) or _versus_match(line)
    arms = _compared_arms(m, line, lexicon) if m else []
    if not arms and (m is None or m.re is _COMPARED) and " and " in line.text and line.may_have(_COMPARE_WORDS):
        joined = _COMPARED_AND.search(line.text)  # "Comparison of A and B as salvage for adults with ..."
        arms = _compared_arms(joined, line, lexicon) if joined else []
    return arms


def _compared_arms(m: re.Match, line: _Line, lexicon: dict) -> list[Arm]:
    """The two arms of a comparison match, when they differ by their drugs."""
    text, drugs = line.text, line.drugs
    a_start = _first_arm_start(m)
    parts = [(text[a_start:m.end("a")], _slice(text, drugs, a_start, m.end("a")), None),
             (m.group("b"), _slice(text, drugs, m.start("b"), m.end("b")), None)]
    arms = _parts_to_arms(parts, lexicon)
    return arms if len(arms) == 2 and arms[0].drugs != arms[1].drugs else []


# Two treated groups compared, each by its verb of treatment and without sizes: "We compared patients treated with
# hyper-CVAD and those treated with a pediatric-inspired regimen" (_COMPARED would end the first arm at "with").
_TREATED_GROUP = r"(?:patients|adults|children|subjects|those)\s(?:who\s(?:were\s)?)?(?:treated\swith|received|receiving|given)\s"
_THOSE_TREATED = re.compile(r"\b" + _TREATED_GROUP + r"(?P<a>[^;,]{2,90}?)\s(?:and|with|to|versus|vs\.?)\s" + _TREATED_GROUP
                            + r"(?P<b>[^;,]{2,90}?)(?=\s(?:in|for|among|as|on|at|between|were|was|had)\s|[,.;:]|$)", re.I)


def _compared_match(line: _Line) -> re.Match | None:
    """`_COMPARED.search(text)`, from the first comparison cue on (the pattern opens with one), unless two treated
    groups are compared (`_THOSE_TREATED`); else the passive "A was compared with B" (`_PASSIVE_COMPARED`, tried
    from the start of the clause before "was compared")."""
    cue = _COMPARE_CUE.search(line.text) if line.may_have(_COMPARE_WORDS) else None
    if not cue:
        return None
    m = _THOSE_TREATED.search(line.text, cue.start()) if " those " in line.text else None
    m = m or _COMPARED.search(line.text, cue.start())
    if (m is None or m.group("a")[:5].lower() in ("with ", "to ")) \
            and (" was compared" in line.text or " were compared" in line.text):
        # ("A (n = 60) were compared with 120 matched controls treated with B": not "compared [with 120 ...] with B")
        verb = _PASSIVE_AT.search(line.text)
        start = max(line.text.rfind(stop, 0, verb.start()) for stop in ",;:") + 1 if verb else -1
        m = (_PASSIVE_COMPARED.match(line.text, start) if verb else None) or m
    return m


def _versus_match(line: _Line) -> re.Match | None:
    """`_VERSUS.search(text)`, tried only where its first group can start: within _VERSUS_REACH characters
    before a "versus"/"vs", none of ; , : in between."""
    if not line.may_have(_VS_WORDS):
        return None
    text = line.text
    anchors = (m.start() for m in _VS_AT.finditer(text))
    return _search_from_anchors(_VERSUS, text, anchors, _VERSUS_REACH, _VERSUS_STOPS)


def _bracket_list(line: _Line, lexicon: dict) -> list[Arm]:
    text = line.text
    m = _LIST.search(text) if "=" in text else None  # a cheap necessary cue: its "n = 255"
    if not m:
        return []
    items = [(m.start(1), m.group(1), m.group(2))] + [(m.start(3) + i.start(1), i.group(1), i.group(2))
                                                     for i in _LIST_ITEM.finditer(m.group(3))]
    return [_listed_arm(line, start, label, int(n), lexicon) for start, label, n in items]


_LIST_ITEM = re.compile(r";\s?([A-Za-z][\w+/\- ]{0,30}),\s?n\s?=\s?(\d+)")


def _listed_arm(line: _Line, start: int, label: str, n: int, lexicon: dict) -> Arm:
    """One arm of a bracket list, by its label as written ("ALL"), or as a treatment when it names one ("tisa-cel"
    is the arm tisagenlecleucel)."""
    label = label.strip()
    drugs = _slice(line.text, line.drugs, start, start + len(label))
    arm = _arm_from_phrase(label, drugs, n, lexicon) if drugs else None
    return arm if arm is not None and arm.drugs else Arm(label, [], n, aliases={label.lower()})


# Arms as groups named by their treatments, each with its count (see _group_count_patterns).
_GROUP = r"(?:the\s)?(?P<{0}>[^,;()]{{2,60}}?\s(?:group|arm|cohort))"
_IN_GROUP = r"\s(?:patients\s|subjects\s)?(?:were\s)?(?:in|into|to)\s"
_GROUP_VERB = r"\s(?:included|comprised|enrolled|consisted\sof)\s"


@lru_cache(maxsize=4)  # one per pipeline
def _group_count_patterns(words: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern]:
    """Counts in groups ("40 patients in the A group and 35 in the B group") and groups of counts ("The A cohort
    included 40 patients and the B cohort 35 patients"); a count is digits or a number word."""
    words = sorted(words, key=len, reverse=True)
    count = r"(?P<{0}>\d+|(?:" + "|".join(map(re.escape, words)) + r")(?:-[a-z]+)?)"
    in_groups = re.compile(r"(?<![\w\-])" + count.format("na") + _IN_GROUP + _GROUP.format("a")
                           + r",?\s(?:and|while|whereas|versus|vs\.?)\s" + count.format("nb") + _IN_GROUP + _GROUP.format("b")
                           + r"\b", re.I)
    of_counts = re.compile(_GROUP.format("a") + _GROUP_VERB + count.format("na") + r"(?:\s(?:patients|subjects))?,?\s"
                           r"(?:and|while|whereas)\s" + _GROUP.format("b") + r"(?:" + _GROUP_VERB + r"|\s)"
                           + count.format("nb") + r"\b", re.I)
    return in_groups, of_counts


def _group_counts(line: _Line, lexicon: dict) -> list[Arm]:
    """Two arms as groups named by their treatments, each with its count (see _group_count_patterns)."""
    lower = line.lower if line.lower is not None else line.text.lower()
    if not (" group" in lower or " arm" in lower or " cohort" in lower) \
            or lower.count(" group") + lower.count(" arm") + lower.count(" cohort") < 2 or not line.names_an_agent():
        return []  # a cheap necessary cue: two group words
    text = line.text
    in_groups, of_counts = _group_count_patterns(line.words.key)
    m = in_groups.search(text) if " in " in lower or " to " in lower else None
    if m is None and ("include" in lower or "compris" in lower or "enrol" in lower or "consist" in lower):
        m = of_counts.search(text)
    if not m:
        return []
    counts = [nz.read_number(m.group(key), line.words.values) for key in ("na", "nb")]
    if any(c is None or not c.is_integer or c.value < 1 for c in counts):
        return []
    parts = [(m.group(key), _slice(text, line.drugs, m.start(key), m.end(key)), int(c.value))
             for key, c in zip("ab", counts)]
    arms = _parts_to_arms(parts, lexicon)
    return arms if len(arms) == 2 and arms[0].drugs and arms[1].drugs and arms[0].drugs != arms[1].drugs else []


# The arm finders of detect_arms, the most explicit first.
# Arms named by their roles, each with its treatment: "The experimental arm received inotuzumab; the control arm received
# FLAG", "Patients in the investigational group were treated with A, and those in the control group with B".
_ROLE_ARM = r"(?:experimental|investigational|intervention|study)\s(?:arm|group)"
_CONTROL_ARM = r"(?:control|comparator|standard(?:-of-care)?(?:\stherapy)?|reference)\s(?:arm|group)"
_ROLE_VERB = r"(?:received|(?:was|were)\s(?:treated\swith|given)|consisted\sof)"
_ROLES = re.compile(r"\b(?:[Tt]he\s)(?P<ra>" + _ROLE_ARM + r")" + r"(?:\s?\(n\s?=\s?(?P<na>\d+)\))?\s" + _ROLE_VERB
                    + r"\s(?P<a>[^,;()]{2,80}?)(?:\s?\([^()]*\))?(?:;|,)?\s(?:and\s|whereas\s|while\s)?(?:(?:patients|those)\sin\s)?"
                    r"the\s(?P<rb>" + _CONTROL_ARM + r")(?:\s?\(n\s?=\s?(?P<nb>\d+)\))?\s(?:" + _ROLE_VERB + r"\s|with\s)?(?P<b>[^,;()]{2,80}?)"
                    r"(?=\s?[,;.()]|$)")


def _by_role(line: _Line, lexicon: dict) -> list[Arm]:
    """Two arms named by their roles, experimental then control, each with the treatment it received (see _ROLES)."""
    text, drugs = line.text, line.drugs
    m = _ROLES.search(text) if " arm" in text or " group" in text else None
    if not m:
        return []
    parts = []
    for key in ("a", "b"):
        part = m.group(key)
        cut = _RANDOMISED_PART_END.search(part)  # as a randomized arm's phrase: "A given weekly", "A as consolidation"
        part = part[:cut.start()] if cut else part
        parts.append((part, _slice(text, drugs, m.start(key), m.start(key) + len(part)),
                      int(m.group("n" + key)) if m.group("n" + key) else None))
    arms = _parts_to_arms(parts, lexicon)
    if len(arms) != 2 or not all(a.drugs for a in arms) or arms[0].drugs == arms[1].drugs:
        return []
    for arm, key in zip(arms, ("ra", "rb")):  # "in the experimental arm" names the arm later
        role = m.group(key).lower()
        arm.aliases |= {role, role.rsplit(" ", 1)[0]}
    return arms


_FINDERS = (_with_n, _counted_list, _counted, _group_counts, _schedules, _randomised, _by_role, _compared, _bracket_list)


def _partition(arms: list[Arm], texts: list[str], words: NumberWords) -> bool:
    """A bracket list is the study's arms when its ns add up to a number of patients the abstract states up to it
    ("410 patients had follow-up data reported (ALL, n = 255; NHL, n = 155)"); else it breaks down a subgroup."""
    return _total_stated(sum(a.n or 0 for a in arms), texts, words)


def _total_stated(total: int, texts: list[str], words: NumberWords) -> bool:
    """The texts state `total` as a number of patients ("410 patients", "Seventy-five patients", "a total of 100")."""
    pattern = re.compile(r"(?<![\d.])" + str(total) + r"\s(?:\w+\s){0,3}?(?:patients|subjects|children|adults|participants)\b",
                         re.I)
    total_of = re.compile(r"\btotal\sof\s" + str(total) + r"\b")  # "..., for a total of 100."
    return any(pattern.search(t) or total_of.search(t) for t in texts) or any(_number_word_total(t, total, words) for t in texts)


_WORD_TOTAL = re.compile(r"\b([A-Za-z]+(?:-[a-z]+)?)\s(?:\w+\s){0,3}?(?:patients|subjects|children|adults|participants)\b")


def _number_word_total(text: str, total: int, words: NumberWords) -> bool:
    """The total written in words: "Seventy-five patients (tisa-cel, n = 45; brexu-cel, n = 30)"."""
    for m in _WORD_TOTAL.finditer(text):
        number = nz.read_number(m.group(1), words.values)
        if number is not None and number.value == total:
            return True
    return False


def _group_named_by_verb(text: str) -> str | None:
    """The one group of patients a text names by what they did: "Forty-four patients (37%) underwent allogeneic
    HSCT" -> "patients who underwent allogeneic HSCT" (none when it names two: "40 achieved CR and 20 had PR")."""
    found = _GROUP_BY_VERB.findall(text)
    return f"patients who {' '.join(found[0].split())}" if len(found) == 1 else None


def _anaphor_in_clause(text: str, at: int) -> str | None:
    """"...underwent allogeneic HSCT; among them, the 5-year OS was 35%": a value in a clause that opens by
    referring to the group of the clause before is that group's."""
    clause = _clause_start(text, at)
    if not clause or not (_ANAPHOR_SCOPE.match(text, clause, at) or _THEIR.match(text, clause, at)):
        return None
    return _group_named_by_verb(text[:clause])


# "...received consolidative HSCT; their 1-year OS was 80%": the clause's subject is the group the clause before named.
_THEIR = re.compile(r"\s*their\s(?:[\w\-/]+\s){1,4}(?:was|were|is|are)\s", re.I)


def _clause_start(text: str, at: int) -> int:
    """Where the clause holding a position opens: after the last semicolon or contrast before it ("; in arm B, ...",
    ", whereas for Ph-negative patients it was 65%"), else 0. A bracket's semicolon ("(95% CI, 20-41; P = .01)")
    opens none."""
    start = 0
    for m in _CLAUSE_BREAK.finditer(text, 0, at):
        if not _inside(text, m.start()):
            start = m.end() if m.group() != ";" else m.start() + 1
    return start


def _inside(text: str, at: int) -> bool:
    """The position is inside a round or square bracket."""
    head = text[:at]
    return head.count("(") + head.count("[") > head.count(")") + head.count("]")


def _inside_bracket(text: str, at: int) -> bool:
    return text[:at].count("(") > text[:at].count(")")


# An abbreviation bracket inside an arm's name, words of the name after it: "standard-of-care (SOC) chemotherapy".
_INNER_ABBREVIATION = re.compile(r"\s\(\s?[A-Za-z][A-Za-z0-9+\-]{0,9}\s?\)(?=\s[A-Za-z])")


def _cut(text: str, drugs: list, start: int, end: int) -> tuple[str, list]:
    """The text without text[start:end], and its drug spans shifted to match (a span inside the cut is dropped)."""
    width = end - start
    kept = [(s, e, i) if e <= start else (s - width, e - width, i) for s, e, i in drugs if e <= start or s >= end]
    return text[:start] + text[end:], kept


# (module-level patterns, not re's functions: re's own cache of 512 is shared with the article's name patterns, which
# push these out of it on articles it has not seen)
_COUNT_OR_N = re.compile(r"\d+|n", re.I)  # "(n)", "(42)": not an abbreviation
_BRACKET_OPENS = re.compile(r"\s?[(\[]")
_DONORS_PLURAL = re.compile(r"(?<=donor)s\b")


def _arm_from_phrase(text: str, drugs: list, n: int | None, lexicon: dict) -> Arm | None:
    """One arm from its written phrase ("standard intensive chemotherapy (standard-therapy group)"), or None when the
    phrase does not name a treatment."""
    named = _GROUP_THEN_REGIMEN.match(text)
    if named:  # "the experimental arm (blinatumomab)": the regimen in brackets, the group its other name
        arm = _arm_from_phrase(named.group("r"), _slice(text, drugs, named.start("r"), named.end("r")), n, lexicon)
        if arm is not None:
            arm.aliases.add(named.group("g").lower())
        return arm
    aliases, group = set(), None
    g = _GROUP_BRACKET.search(text)
    if g:
        group = g.group(1).strip()
        aliases.add(group.lower())
        text_core = text[:g.start()]
    else:
        text_core = text
    for a in _ABBREV_BRACKET.finditer(text_core):
        if not _COUNT_OR_N.fullmatch(a.group(1)):
            aliases.add(a.group(1).lower())
    inner = _INNER_ABBREVIATION.search(text_core)
    if inner:  # "standard-of-care (SOC) chemotherapy": the name without its abbreviation (an alias, above)
        text_core, drugs = _cut(text_core, drugs, inner.start(), inner.end())
    bracket = _BRACKET_OPENS.search(text_core)
    core = text_core[:bracket.start()] if bracket else text_core
    lead = _LEAD.match(core)
    offset = lead.end() if lead else 0
    core = core[offset:].strip()
    core_drugs = [(s - offset, e - offset, i) for s, e, i in drugs if e - offset <= len(core) and s >= offset]
    if not core:
        return None
    treated = _TREATED_SUFFIX.search(core) if core_drugs and "-treated" in core else None
    if treated and core_drugs[-1][1] == treated.start():  # "Blinatumomab-treated patients (n = 60)": the arm of blinatumomab
        aliases.add(core.lower())
        core = core[:treated.start()]
    group_word = (_TRAILING_GROUP_WORD.search(core) or _BASED_SUFFIX.search(core)) if core_drugs else None
    if group_word and core_drugs[-1][1] == group_word.start():  # "the InO cohort (n = 40)": the arm of InO
        aliases.add(core.lower())
        core = core[:group_word.start()]
    adjective = _ADJECTIVE.match(core)  # "standard HCVAD" is HCVAD; "standard therapy" stays as written
    if adjective and core_drugs and core_drugs[0][0] == adjective.end() and core_drugs[0][2] in lexicon \
            and (lexicon[core_drugs[0][2]].kind == "agent" or lexicon[core_drugs[0][2]].components):
        cut = adjective.end()
        core, core_drugs = core[cut:], [(s - cut, e - cut, i) for s, e, i in core_drugs]
    if _NEGATED.match(core) and core_drugs:  # "no rituximab": the arm without the drug (its backbone is unnamed)
        return Arm(_written(core), [], n, "", [], aliases | {core.lower()})
    first_word_drug = (core_drugs and core_drugs[0][0] <= 0) or bool(_DRUG_LIKE.match(core))
    # a phrase named as a group ("weekly inotuzumab (weekly arm)") is an arm when it holds a treatment
    if not first_word_drug and not _REGIMEN_HEAD.match(core) and not (group and (_REGIMEN_HEAD.match(group) or core_drugs)):
        donor = _DONOR_TAIL.search(core) if not core_drugs else None
        if donor:  # a transplant's donor type is the treatment: "haploidentical (n = 80) versus MUD (n = 120)"
            core = _DONORS_PLURAL.sub("", donor.group("d"))
            return Arm(_written(core), [], n, "", [], aliases | {core.lower(), donor.group("d").lower()})
        return None
    names, readable, classes, combination = read_regimen(core, core_drugs, lexicon)
    aliases.add(core.lower())
    single = len(core_drugs) == 1 and core_drugs[0][0] == 0 and core_drugs[0][1] >= len(core.rstrip(" s"))
    if group and not _ROLE_ONLY.fullmatch(group):
        label = _group_label(group, lexicon, drugs)
    elif single:
        entry = lexicon.get(core_drugs[0][2])
        generic = entry is not None and entry.kind == "backbone" and not entry.components
        label = _written(core) if generic or _written_acronym(core, entry) or _unnamed_product(core_drugs[0][2]) else (
            entry.display if entry and entry.kind == "backbone" else core_drugs[0][2])
    elif len(names) >= 2 and combination:
        label = readable
    else:
        label = _written(core)
    for _, _, canonical in core_drugs:
        aliases.add(canonical)
    return Arm(label, names, n, readable or label, classes, aliases)


_GROUP_WORD_AFTER = re.compile(r"\s(?:arm|group|cohort)s?\b", re.I)
_TREATED_SUFFIX = re.compile(r"-treated(?:\s(?:patients|subjects|cases))?$")
_RECIPIENTS = re.compile(r"(?<=\S)\s(?:recipients|patients)$")
_TRAILING_GROUP_WORD = re.compile(r"\s(?:cohort|group|arm)$", re.I)
# "50 received ponatinib-based and 38 dasatinib-based salvage": the arm of the drug.
_BASED_SUFFIX = re.compile(r"-based(?:\s(?:salvage|therapy|regimens?|chemotherapy|treatment))?$", re.I)


_ABBREVIATION = re.compile(r"[A-Z][A-Za-z]{0,2}[A-Z]{1,4}")  # "SOC", "SC", "IC" (not "hyper-CVAD", which is a drug)


def _spell_out(known: Arm, other: Arm) -> None:
    """An arm named only by an abbreviation that another mention of it spells out takes the written name: "randomized
    to InO (n = 164) or SOC (n = 162)" after a title's "standard of care (SOC)" is "standard of care"."""
    if known.drugs or not _ABBREVIATION.fullmatch(known.label) or known.label.lower() not in other.aliases \
            or other.drugs or _ABBREVIATION.fullmatch(other.label) or len(other.label) <= len(known.label):
        return
    if known.regimen == known.label:
        known.regimen = other.regimen
    known.label = other.label


def _written_acronym(core: str, entry) -> bool:
    """A backbone regimen named by an acronym of its own spelling ("HCVAD", "hyper-CVAD", "FLAG-IDA") keeps it as the
    abstract writes it: the arm as the abstract names it."""
    return entry is not None and entry.kind == "backbone" and _CAPITALS_ACRONYM.fullmatch(core.strip()) is not None


def _unnamed_product(canonical: str) -> bool:
    """A cell product without an approved name ("cd19-car t cells", the lexicon's id for "CD19 CAR T cells",
    "CD19-directed CAR T cells", ...): its arm is named as the abstract writes it, not by the id."""
    return canonical.endswith("car t cells")


_CAPITALS_ACRONYM = re.compile(r"[A-Z0-9\-/]*[A-Z]{3,}[A-Z0-9\-/]*")


# A bracketed group named only by its role ("ponatinib (experimental arm)") is an alias; the treatment names the arm.
_ROLE_ONLY = re.compile(r"(?:experimental|control|investigational|comparator|intervention|study|active|treatment)", re.I)


def _group_label(group: str, lexicon: dict, drugs: list) -> str:
    written = _written(group)
    for _, _, canonical in drugs:  # "(inotuzumab ozogamicin group)": the drug arm's canonical name
        if written == canonical or (canonical in lexicon and written == lexicon[canonical].display.lower()):
            return canonical
    return written


_WORD_BREAKS = re.compile(r"[\s\-]+")  # the words of a name, hyphens opened


def _shorter_name(phrase: str, label_words: list[str]) -> bool:
    """The phrase is a shorter name of a label: fewer words, all of them the label's ("chemotherapy" of "standard of
    care chemotherapy")."""
    words = [w for w in _WORD_BREAKS.split(phrase.lower()) if w]
    return 0 < len(words) < len(label_words) and set(words) <= set(label_words) and not set(words) <= _BACK_REFERENCE_SKIP


def _written(phrase: str) -> str:
    """A written group name, normalised: lower case unless an abbreviation, hyphenated compounds of words opened
    ("standard-therapy" -> "standard therapy", "standard-of-care" -> "standard of care"; "hyper-CVAD" stays), plural
    treatments singular."""
    words = []
    for word in phrase.strip().split():
        if _HYPHENED_WORDS.fullmatch(word) and not _HYPHEN_KEPT.search(word.lower()):
            word = word.replace("-", " ")
        words.append(word if _ABBREVIATION_LIKE.search(word) else word.lower())
    return _REGIMENS_TAIL.sub(r"\1", _PLURAL_THERAPIES.sub(r"\1y", " ".join(words)))


_REGIMENS_TAIL = re.compile(r"\b(chemotherapy|therapy)\sregimens?$")  # "one of four chemotherapy regimens": chemotherapy
_HYPHENED_WORDS = re.compile(r"[A-Za-z][a-z]*(?:-[A-Za-z][a-z]*)+")  # words, not an abbreviation ("hyper-CVAD")
_HYPHEN_KEPT = re.compile(r"-(?:based|intensity|dose|line)\b")
_ABBREVIATION_LIKE = re.compile(r"[A-Z].*[A-Z]|\d|\b[A-Z]\b")  # "CAR T cell therapy" keeps its T
_PLURAL_THERAPIES = re.compile(r"\b(chemotherap|therap)ies\b")


def _without_historical_drugs(sentences, historical: set, ids: set) -> list:
    """The sentences with the drugs of a historical control's treatment left out (`historical`: where it names them;
    `ids`: its drugs, wherever a sentence names them beside others: "70% with inotuzumab versus 40% with FLAG-Ida");
    a sentence that named nothing else names no treatment of the study's own."""
    if not historical:
        return sentences
    out = []
    for number, section, text, drugs in sentences:
        kept = [d for d in drugs if (text, d[0]) not in historical and d[2] not in ids]
        if drugs and not kept:
            continue
        out.append((number, section, text, kept))
    return out


def _article_drugs(sentences, lexicon, background: set[int] = frozenset()) -> tuple[list[str], str, list[str]]:
    """The drugs of a single-arm study: those of the title, else of the first sentence naming a treatment outside
    the background (the positions `background`, see _background_of), else of the background's. An
    optional drug ("with or without blinatumomab") stays one in the readable name ("± blinatumomab"). An
    unspecified backbone there ("low-intensity chemotherapy with inotuzumab") is the one named backbone (one with
    components) that the abstract gives together with one of its agents ("Mini-hyper-CVD ... combined with
    inotuzumab ozogamicin"); without such a backbone, unspecified chemotherapy beside a drug is dropped."""
    later = sorted(range(len(sentences)), key=lambda position: position in background)  # the background's last
    for position in later:
        number, section, text, drugs = sentences[position]
        drugs = _without_prior_therapy(text, _without_lymphodepletion(text, drugs))
        if drugs or _TREATED_WITH.search(text):
            if not drugs:
                name = _TREATED_WITH.search(text).group(1).lower()
                return [name], name, ["unknown"]
            joined, _ = _regimen_parts(text, drugs, lexicon)
            backbone = _named_backbone(joined, sentences[position + 1:], lexicon)
            if backbone is not None:
                joined = [(backbone if _unspecified(n, lexicon) else n, j) for n, j in joined]
            joined = [(n, j) for n, j in joined if n not in ("chemotherapy",) or len(joined) == 1]
            if joined and joined[0][1] == "±":  # the leading drug was dropped; the next one opens the name
                joined[0] = (joined[0][0], "")
            names = [n for n, _ in joined]
            return names, _readable(joined, lexicon), _classes(names, lexicon)
    return [], "", []


# The lymphodepletion given before cell therapy: "after lymphodepleting chemotherapy with fludarabine and
# cyclophosphamide" (its drugs are not the study's regimen).
_LYMPHODEPLETION = re.compile(r"\b(?:after|following|with)\s(?:\w+\s)?(?:lymphodeplet\w+|lymphodepletion|conditioning)"
                              r"(?:\s(?:chemotherapy|regimen|therapy))?(?:\s(?:with|using|of|consisting\sof))?[^,;.]*", re.I)


def _without_lymphodepletion(text: str, drugs: list) -> list:
    """The drugs of a sentence but those of its lymphodepletion phrase, when a drug is named before it."""
    m = _LYMPHODEPLETION.search(text) if drugs and ("ondition" in text or "ymphodeplet" in text) else None
    if not m or not any(start < m.start() for start, _, _ in drugs):
        return drugs
    return [d for d in drugs if not m.start() <= d[0] < m.end()]


# A therapy the patients had before ("B-ALL resistant to CD19 CAR T cells", "17 of whom had previously received
# CD19-directed immunotherapy", "after failure of imatinib"): the drug right after the cue is not the study's.
_PRIOR_THERAPY = re.compile(r"\b(?:(?:resistant|refractory|intolerant|na[iï]ve)\sto|after\sfailure\sof|"
                            r"previously\s(?:received|treated\swith|exposed\sto)|prior)\s(?:(?:the|a|an)\s)?", re.I)


def _without_prior_therapy(text: str, drugs: list) -> list:
    """The drugs of a sentence but those named right after a prior-therapy cue, when another drug is left."""
    if len(drugs) < 2:
        return drugs
    cue_ends = [m.end() for m in _PRIOR_THERAPY.finditer(text)]
    kept = [d for d in drugs if d[0] not in cue_ends]
    return kept if kept else drugs


def _unspecified(canonical: str, lexicon: dict) -> bool:
    entry = lexicon.get(canonical)
    return entry is not None and entry.kind == "backbone" and not entry.components


def _named_backbone(joined: list[tuple[str, str]], later, lexicon: dict) -> str | None:
    """The named backbone that refines the one unspecified backbone of `joined`: the only one that later
    sentences name beside an agent of `joined`; None when `joined` has no (or two) unspecified backbones or the
    sentences name none or several."""
    names = [n for n, _ in joined]
    if sum(_unspecified(n, lexicon) for n in names) != 1:
        return None
    agents = {n for n in names if n in lexicon and lexicon[n].kind == "agent"}
    found = set()
    for _, _, _, drugs in later:
        ids = {d for _, _, d in drugs}
        if agents & ids:
            found |= {d for d in ids if d in lexicon and lexicon[d].kind == "backbone" and lexicon[d].components
                      and d not in names}
    return found.pop() if len(found) == 1 else None


# ------------------------------------------------------------------------------------------------------ assignment


_INITIALS_SKIP = frozenset({"of", "the", "and", "de"})


def _initials(label: str) -> set[str]:
    """The initials an arm's label is abbreviated by: every word's ("SOC" of "standard of care") or the content
    words' ("SC" of "standard of care", as trials of standard care abbreviate it too)."""
    words = label.replace("-", " ").split()
    return {"".join(w[0] for w in words).upper(),
            "".join(w[0] for w in words if w.lower() not in _INITIALS_SKIP).upper()}


# The constant patterns of ArmIndex's methods (see _arm_from_phrase on why not re's functions)
_BRACKETED_DOSE = re.compile(r"\s?\(\s?[\d.]+\s?\S+\s?\)")
_COMPARATIVE = re.compile(r"\bcompar|\bversus\b|\bvs\b|\bthan\b", re.I)
_COMPARATIVE_OR_MATCHED = re.compile(r"\bcompar|\bversus\b|\bvs\b|\bthan\b|\bmatched\s(?:with|to)\b", re.I)
_COMPARED_BETWEEN_VALUES = re.compile(r"\s?(?:%|months?|mo|years?|weeks?|days?)?\s?(?:\([^()]*\)|\[[^\[\]]*\])?\s?"
                                      r"(?:vs\.?|versus|v\.|and|compared\s(?:with|to))\s?", re.I)
_NO_BRACKET_60 = re.compile(r"[^()\[\]]{0,60}")
_VERSUS_BETWEEN = re.compile(r"\bvs\.?|\bversus\b")
_NOT_A_GROUP_NAME = re.compile(r"(?:the|all|evaluable|these|those|this|that|treated|our|other|remaining)(?:\s\w+)?|"
                               r"(?:patients|subjects|those)\b.*", re.I)
_ANY_DIGIT = re.compile(r"\d")
_NO_DIGIT_THEN_EQUALS = re.compile(r"[^\d]*=\s?")
_SHORT_NAME_EQUALS = re.compile(r"(?:[A-Za-z/+\-\s]{0,20}=\s?)?")
_OPTIONAL_SPACE = re.compile(r"\s?")
_SEMICOLON_OR_DIGIT = re.compile(r"[;\d]")


class ArmIndex:
    """The arms of one article and what assignment needs while its sentences are read in order."""

    def __init__(self, lexicon: dict, words: NumberWords):
        self.lexicon = lexicon
        self.words = words  # the pipeline's number words
        self.arms: list[Arm] = []
        self.article_drugs: tuple = ([], "", [])
        self.scope: str | None = None  # a scope carried to the next sentences ("In the MRD+ group, ...")
        self.scope_section: str | None = None
        self.title: str = ""  # the article's title: words of the study population, not of a subgroup
        self.texts: list[str] = []  # the article's sentences (definitions of subgroup levels)
        self.drug_spans: dict[str, list] = {}  # a sentence's DRUG spans (start, end, canonical id), by its text
        self.coded = False  # its arms are also named by their codes ("arm A"), see name_codes
        self.historical_drugs: set[tuple[str, int]] = set()  # (sentence, start) of a historical control's drugs
        self._word_patterns: dict[str, re.Pattern] = {}
        self._read: tuple[str, list] = ("", [])  # the sentence being read and its refs (see _sentence_refs)
        self._role_labels: tuple[str, str] | None | bool = False  # (control, experimental), once asked (see _roles)
        self._groups_of: dict[str, list[str]] = {}  # the groups a sentence's values were given (see _groups_just_defined)

    # building

    def add(self, arm: Arm, new: bool = True) -> None:
        """Add an arm, or merge it into the known arm it names (same label, drugs or names; two unspecified
        chemotherapies are one arm)."""
        for known in self.arms:
            if known.variant != arm.variant and known.label.lower() != arm.label.lower():
                continue
            if known.label.lower() == arm.label.lower() or (known.drugs and known.drugs == arm.drugs) \
                    or (known.aliases & arm.aliases - set(known.drugs) - set(arm.drugs)) \
                    or (known.drugs and arm.drugs and set(known.drugs) | set(arm.drugs) <= GENERIC):
                known.aliases |= arm.aliases
                if known.n is None and arm.n is not None:
                    known.n, known.source = arm.n, arm.source
                _spell_out(known, arm)
                return
        if new:
            self.arms.append(arm)

    def split_dose_levels(self, texts: list[str]) -> None:
        """An arm of one drug named at two or more dose levels as groups ("IDR (12.5 mg/m2) (27%) ... IDR (10 mg/m2)
        (6%)", "for DNR, IDR (10 mg/m2), and IDR (12.5 mg/m2), respectively") is one arm per dose level
        ("idarubicin 12.5 mg/m2", "idarubicin 10 mg/m2"): the design assigned each level to its own patients."""
        out = []
        bracketed = [(text, _folded(text)) for text in texts if "(" in text]  # _DOSE_AFTER opens a bracket
        for arm in self.arms:
            if len(arm.drugs) != 1 or arm.historical or arm.variant:
                out.append(arm)
                continue
            doses: dict[str, None] = {}
            for text, folded in bracketed:
                for alias in arm.aliases:
                    if len(alias) < 2 or _surely_absent(alias, folded):
                        continue
                    for _, end in self._word_spans(alias, text):
                        dose = _DOSE_AFTER.match(text[end:])
                        if dose and _BRACKETED_DOSE.fullmatch(dose.group(0)):
                            doses[" ".join(dose.group(1).split())] = None
            if len(doses) < 2:
                out.append(arm)
                continue
            for dose in doses:
                label = f"{arm.drugs[0]} {dose}"
                aliases = {label.lower()} | {f"{a} ({dose})".lower() for a in arm.aliases if len(a) >= 2}
                out.append(Arm(label, list(arm.drugs), None, f"{arm.regimen} {dose}", list(arm.classes), aliases,
                               source=arm.source, variant=dose))
        self.arms = out

    def add_codes(self, text: str, texts: list[str] = (), drugs: list = ()) -> None:
        """Arm codes of one sentence ("(B1) ... (B2)", "arm A ... arm B"), each with the regimen in its bracket
        ("arm A (clofarabine plus cytarabine)"; `drugs` are the sentence's DRUG spans). Cohort, stratum and bracketed
        codes are arms only when a sentence naming them assigns treatments (a dose or schedule cue,
        patterns/subgroup_cues.jsonl); otherwise they are subgroups of one treatment ("cohort 2A included patients
        with morphologic disease")."""
        codes = [c for _, c in _CODE.findall(text)] if "(" in text else []
        kinds = _NAMED.findall(text) if any(word in text for word in _NAMED_WORDS) else []
        named = [f"{kind.lower()} {code}" for kind, code in kinds]
        if any(kind.lower() == "group" for kind, _ in kinds) and not _groups_with_regimens(text, named, drugs):
            named = []  # "group A had MRD-positive disease and group B overt relapse": subgroups
        found = named if len(set(named)) >= 2 else codes if len(set(codes)) >= 2 else []
        # (bracketed codes too: "58% in first (S1) and 39% in second (S2) salvage" names subgroups)
        if found and (found is codes or not all(k.lower() == "arm" for k, _ in kinds)):
            naming = [t for t in (texts or [text]) if any(re.search(r"\b" + re.escape(c) + r"\b", t) for c in found)]
            if not any(subgroups.assigns_treatment(t) for t in naming):
                return
        for code in dict.fromkeys(found):
            n = re.search(r"(?i:" + code[:1] + r")" + re.escape(code[1:]) + r"\s?(?:patients\s?|(?:received|was\sgiven|were\sgiven)"
                          r"\s[^,;()]{2,100}?\s?)?\((?:[^();]{1,100}[;,])?\s?n\s?=\s?(\d+)\s?\)", text)  # "Cohort 1 received A (n = 20)",
            # "arm A (hyper-CVAD, n = 50)"
            arm = Arm(code, [], int(n.group(1)) if n else None, aliases={code.lower()})
            self._bracketed_regimen(arm, text, drugs)
            self._counted_before_code(arm, text, drugs)
            self._counted_after_code(arm, text)
            self.arms.append(arm)

    def _counted_after_code(self, arm: Arm, text: str) -> None:
        """A coded arm's count right after its code opens the clause: "In cohort 1, 45 patients received X; in cohort
        2, 30 patients received Y" (the count of the patients the treatment is given to, no other number between)."""
        if arm.n is not None:
            return
        m = re.search(r"\b(?:in|for)\s" + re.escape(arm.label) + r",\s(?P<n>\d+|[A-Za-z]+(?:-[a-z]+)?)\s(?:patients\s|"
                      r"subjects\s)?(?:received|were\s(?:treated\swith|given))\s", text, re.I)
        count = nz.read_number(m.group("n"), self.words.values) if m else None
        if count is not None and count.is_integer and count.value >= 1:
            arm.n = int(count.value)

    def _counted_before_code(self, arm: Arm, text: str, drugs: list) -> None:
        """A coded arm's count and regimen before its bracketed code: "Forty patients received clofarabine with
        cytarabine (arm A) and 38 received ... (arm B)", "the first 67 patients received A (cohort 1); the following
        43 patients also received B (cohort 2)"."""
        m = re.search(r"(?<![\w.])(?P<n>\d+|[A-Za-z]+(?:-[a-z]+)?)\s(?:patients\s)?(?P<also>also\s)?(?:received|were\s(?:treated\swith|given))\s"
                      r"(?P<r>[^;()]{2,100}?)\s?\((?i:" + re.escape(arm.label) + r")\)", text) if "(" in text else None
        if m is None:
            return
        count = nz.read_number(m.group("n"), self.words.values)
        if arm.n is None and count is not None and count.is_integer and count.value >= 1:
            arm.n = int(count.value)
        if not arm.drugs and not m.group("also"):  # ("43 patients also received blinatumomab": not its whole regimen)
            read = _arm_from_phrase(m.group("r"), _slice(text, drugs, m.start("r"), m.end("r")), None, self.lexicon)
            if read is not None and read.drugs:
                arm.drugs, arm.regimen, arm.classes = read.drugs, read.regimen, read.classes

    def _bracketed_regimen(self, arm: Arm, text: str, drugs: list) -> None:
        """A coded arm's regimen from the bracket right after its code, when it names a treatment: "arm A
        (clofarabine plus cytarabine)", "arm B (cytarabine alone; n = 52)" (not "arm A (n = 41)")."""
        m = re.search(r"(?<![\w\-])" + re.escape(arm.label) + r"\s?\((?P<r>[^();]{2,100})[;)]", text)
        if m is None:
            return
        read = _arm_from_phrase(m.group("r"), _slice(text, drugs, m.start("r"), m.end("r")), None, self.lexicon)
        if read is not None and read.drugs:
            arm.drugs, arm.regimen, arm.classes = read.drugs, read.regimen, read.classes

    def regimens_of_codes(self, lines: list[_Line]) -> None:
        """Coded arms whose regimen no bracket gives, from a sentence naming it beside the code: "randomised to arm A,
        hyper-CVAD with rituximab, or arm B, hyper-CVAD alone", "Arm A received dasatinib and arm B imatinib"."""
        for arm in self.arms:
            if arm.drugs:
                continue
            pattern = _code_regimen_pattern(arm.label)
            for line in lines:
                if not line.drugs or line.lower is not None and arm.label.lower() not in line.lower:
                    continue
                read = next(filter(None, (self._code_regimen(line, m) for m in pattern.finditer(line.text))), None)
                if read is not None:
                    arm.drugs, arm.regimen, arm.classes = read.drugs, read.regimen, read.classes
                    break

    def _code_regimen(self, line: _Line, m: re.Match) -> Arm | None:
        """The regimen one match of `_code_regimen_pattern` names, when it names a drug; the elided one ("and arm B
        imatinib") only after a verb of treatment."""
        key = next(k for k in ("apposed", "verb", "elided") if m.group(k) is not None)
        if key == "elided" and not _TREATMENT_VERB.search(line.text, 0, m.start()):
            return None
        read = _arm_from_phrase(m.group(key), _slice(line.text, line.drugs, m.start(key), m.end(key)), None, self.lexicon)
        return read if read is not None and read.drugs else None

    def add_historical(self, lines: list[_Line]) -> None:
        """A historical control: "our previous trial with X" (named "historical X"), else "historical controls" in
        a comparison; one found with its n ("compared with a historical cohort (n = 96)") keeps its n."""
        known = next((arm for arm in self.arms if arm.historical), None)
        for line in lines:
            previous = _PREVIOUS.search(line.text) if line.may_have(_PREVIOUS_WORDS) else None
            if previous:
                regimen = previous.group("r").strip()
                arm = Arm(f"historical {regimen}", [], None, regimen, [],
                          {previous.group(0).lower(), f"historical {regimen}".lower()}, historical=True)
                if known is not None:
                    known.label, known.regimen = arm.label, arm.regimen
                    known.aliases |= arm.aliases
                else:
                    self.arms.append(arm)
                return
        if known is not None:
            return
        arm = None
        for line in lines:  # the first comparison names the control, the first of its names with a size sizes it
            m = _HISTORICAL.search(line.text) if line.may_have(_HISTORICAL_WORDS) else None
            external = _EXTERNAL.search(line.text) if m is None and line.may_have(_EXTERNAL_WORDS) else None
            if arm is None and (m or external) and _COMPARATIVE.search(line.text):
                arm = _historical_controls() if m else _external_controls()
                if m:
                    self._historical_treatment(arm, line, m.end())
                self.arms.append(arm)
            if arm is not None and (m or external) and (m is not None) == (arm.label == "historical controls"):
                arm.n = arm.n if arm.n is not None else _control_size(line.text, (m or external).end())
                if arm.n is not None:
                    return
        if arm is None and len(self.arms) < 2:
            self._add_matched(lines)

    def _add_matched(self, lines: list[_Line]) -> None:
        """A matched control cohort compared with a single-arm study's own ("Forty patients received blinatumomab and
        were compared with 80 propensity-matched controls treated with chemotherapy"): `matched controls`, with its
        treatment and n, set beside the cohort as a historical control is (a study whose matched groups are both
        named by their treatments has its two arms already)."""
        for line in lines:
            m = _MATCHED.search(line.text) if "atched" in line.text else None
            if m is None or not _COMPARATIVE_OR_MATCHED.search(line.text):
                continue
            arm = Arm("matched controls", [], None, "", [], set(_MATCHED_NAMES) | {m.group(0).lower()}, historical=True)
            count = _MATCHED_COUNT.search(line.text, max(0, m.start() - 8), m.start())
            self._historical_treatment(arm, line, m.end())
            arm.n = int(count.group("n")) if count else arm.n if arm.n is not None else _control_size(line.text, m.end())
            self.arms.append(arm)
            return

    def _historical_treatment(self, arm: Arm, line: _Line, at: int) -> None:
        """The treatment and n of a historical control named right after it ("historical controls treated with
        FLAG-Ida", "a historical cohort who received clofarabine/cytarabine (n = 40)", "60 historical controls"):
        the control's regimen, whose drug spans are then no regimen of the study's own cohort (`historical_drugs`)."""
        m = _HISTORICAL_TREATMENT.match(line.text, at)
        n = _HISTORICAL_COUNT.search(line.text, max(0, at - 40), at)
        if n and n.group("n").isdigit():
            arm.n = int(n.group("n"))
        if m is None:
            return
        if m.group("n") or m.group("n2") or m.group("n3"):
            arm.n = int(m.group("n") or m.group("n2") or m.group("n3"))
        start, end = m.span("r")
        drugs = [(s - start, e - start, i) for s, e, i in line.drugs if start <= s and e <= end]
        if not drugs:
            return
        arm.drugs, arm.regimen, arm.classes, _ = read_regimen(line.text[start:end], drugs, self.lexicon)
        self.historical_drugs |= {(line.text, s) for s, e, _ in line.drugs if start <= s and e <= end}
        # its treatment names it too ("Early mortality was 8% in the hyper-CVAD group"), unless generic chemotherapy
        if not _REGIMEN_HEAD.match(line.text[start:end]):
            arm.aliases |= {line.text[start:end].lower(), *(d.lower() for d in arm.drugs)} \
                | _displays(arm, self.lexicon)

    def name_by_group_references(self, texts: list[str]) -> None:
        """An arm of unspecified chemotherapy named by the shorter name the abstract's groups use: "randomly assigned
        to blinatumomab or to standard-of-care chemotherapy ... in the chemotherapy group" is "chemotherapy", as the
        gold names the arm the results compare (the long name stays one of its names)."""
        own = [a for a in self.arms if not a.historical]
        if len(own) < 2:
            return
        for arm in own:
            if not arm.drugs or not set(arm.drugs) <= GENERIC:
                continue
            words = _WORD_BREAKS.split(arm.label.lower())
            for text in texts:
                m = next((m for m in _BACK_REFERENCE.finditer(text) if _shorter_name(m.group(1), words)), None) \
                    if " group" in text or " arm" in text else None
                if m:
                    arm.aliases.add(arm.label.lower())
                    arm.label = _written(m.group(1))
                    break

    def name_codes(self) -> None:
        """Arms defined with codes ("clofarabine alone (arm A), clofarabine plus cytarabine (arm B), or ...") are
        also named by them ("The CR rate in arm B was 45%"), when each arm has its own."""
        own = [arm for arm in self.arms if not arm.historical]
        if len(own) < 2 or not any(_CODE_OPENING.search((arm.source or {}).get("text", "")) for arm in own):
            return  # (a cheap necessary cue of _codes_of)
        codes = [_codes_of(arm) for arm in own]
        if all(codes) and len(set().union(*codes)) == len(own):
            for arm, code in zip(own, codes):
                arm.aliases |= code
            self.coded = True

    def order(self, texts: list[str]) -> None:
        """Order the arms by first mention in the article (the order "vs." lists follow)."""
        position = 0
        for text in texts:
            if all(a.first_seen != float("inf") for a in self.arms):
                break  # no arm is left to be found (none, in a single-arm study)
            for start, _, label in self.refs(text, arms_only=True):
                arm = self.by_label(label)
                if arm is not None and arm.first_seen == float("inf"):
                    arm.first_seen = position + start
            position += len(text) + 1
        own = sorted([a for a in self.arms if not a.historical], key=lambda a: a.first_seen)
        self.arms = own + [a for a in self.arms if a.historical]

    def by_label(self, label: str) -> Arm | None:
        return next((a for a in self.arms if a.label == label), None)

    @property
    def multi_arm(self) -> bool:
        """Two arms of its own, or its own cohort beside a historical control."""
        return len(self.sequence) >= 2

    @property
    def sequence(self) -> list[str]:
        """The arm labels in order of introduction (the study's own cohort `all` when it has one arm)."""
        own = [a.label for a in self.arms if not a.historical]
        return (own if len(own) >= 2 else ["all"]) + [a.label for a in self.arms if a.historical]

    def to_dicts(self, cohort_size: int | None) -> list[dict]:
        """The article's `arms`: its arms, or one arm `all` (with the cohort size); a historical control beside
        the study's own single arm keeps it `all`."""
        own = [a for a in self.arms if not a.historical]
        if len(own) >= 2:
            return [a.to_dict() for a in self.arms]
        drugs, readable, classes = self.article_drugs
        single = own[0].to_dict() if own else {"label": "all", "drugs": drugs, "n": cohort_size, "regimen": readable,
                                               "classes": classes}
        single["label"] = "all"
        return [single] + [a.to_dict() for a in self.arms if a.historical]

    # reading

    def refs(self, text: str, arms_only: bool = False) -> list[tuple[int, int, str]]:
        """The arm names of a sentence as (start, end, label), longest first among overlaps, in text order. A drug
        followed by its dose in brackets names a dose level ("IDR (12.5 mg/m2)" -> "idarubicin 12.5 mg/m2")."""
        text = _unify_hyphens(text)
        found = []
        folded = _folded(text)
        lower = folded if folded is not None else text.lower()
        for arm in self.arms:
            for alias in arm.aliases:
                if not alias or self._absent(alias, lower, folded):
                    continue
                haystack = text if len(alias) <= 3 else lower
                needle = next((w for w in (arm.label, *arm.aliases) if w.lower() == alias and len(alias) <= 3), alias)
                needle = alias if len(alias) > 3 else (needle if needle != alias else self._written_case(text, alias))
                if needle is None:
                    continue
                for start, end in _name_spans(needle, haystack):
                    found.append((start, end, arm.label))
        if not arms_only and self.lexicon:
            found += self._dose_levels(text, folded)
            found += self._back_references(text, found)
            found += self._control_references(text, lower)
            found += self._drug_names(text)
        # (of two arms a name is an alias of, the one it names whole: "cytarabine" beside "clofarabine + cytarabine")
        found.sort(key=lambda f: (-(f[1] - f[0]), f[0], lower[f[0]:f[1]] != f[2].lower()))
        kept = []
        for ref in found:
            if all(ref[1] <= k[0] or ref[0] >= k[1] for k in kept):
                kept.append(ref)
        return sorted(kept)

    def _sentence_refs(self, text: str) -> list[tuple[int, int, str]]:
        """`refs` of the sentence whose values are being labelled, found once for all its endpoints (read them, do
        not modify them)."""
        if self._read[0] != text:
            self._read = (text, self.refs(text))
        return self._read[1]

    def _back_references(self, text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """A short name referring back to one arm ("the intensive-chemotherapy group" for "standard intensive
        chemotherapy"): its words, hyphens opened and group words left out, are all words of exactly one arm's label
        or names. Two arms that share the words (dose levels of one drug) leave it unassigned."""
        own = [a for a in self.arms if not a.historical]
        if len(own) < 2:
            return []
        out, arm_words = [], None
        for m in _BACK_REFERENCE.finditer(text) if _may_have(text, ("the",), _GROUP_WORDS) else ():
            if any(s < m.end() and m.start() < e for s, e, _ in found):
                continue
            words = set(_WORD_BREAKS.split(m.group(1).lower())) - _BACK_REFERENCE_SKIP
            if not words:
                continue
            if arm_words is None:  # the arms' words, once per sentence (not per reference)
                arm_words = [(a, {w for name in (a.label, *a.aliases) for w in _WORD_BREAKS.split(name.lower())})
                             for a in own]
            matching = [a for a, names in arm_words if words <= names]
            if len(matching) == 1:
                out.append((m.start(1), m.end(), matching[0].label))
        return out

    def _control_references(self, text: str, lower: str) -> list[tuple[int, int, str]]:
        """"the control arm", "the experimental group" in a study of two arms of which one is the control: the one
        of standard or unspecified therapy, without the other's drug ("no rituximab", "hyper-CVAD alone"), or with
        a part of its drugs only."""
        if " arm" not in lower and " group" not in lower and " cohort" not in lower:
            return []
        if self._role_labels is False:  # the arms are known once labelling starts
            self._role_labels = self._roles()
        roles = self._role_labels
        if roles is None:
            return []
        return [(m.start(1), m.end(), roles[m.group(1).lower() not in _CONTROL_WORDS]) for m in _ROLE_REFERENCE.finditer(text)]

    def _roles(self) -> tuple[str, str] | None:
        """(control, experimental) labels of a study of two arms whose one arm is recognisably the control."""
        own = [a for a in self.arms if not a.historical]
        if len(own) != 2:
            return None
        control = [arm for arm, other in (own, own[::-1]) if self._is_control(arm, other)]
        if len(control) != 1:
            return None
        return (control[0].label, next(a.label for a in own if a is not control[0]))

    def _is_control(self, arm: Arm, other: Arm) -> bool:
        if _NEGATED.match(arm.label) or " alone" in arm.label.lower():
            return True
        if arm.drugs and set(arm.drugs) < set(other.drugs):
            return True
        generic = [bool(_REGIMEN_HEAD.match(a.label)) or set(a.drugs) <= GENERIC and bool(a.drugs) for a in (arm, other)]
        return generic == [True, False]

    def _drug_names(self, text: str) -> list[tuple[int, int, str]]:
        """A drug named as the lexicon knows it, not as the arm was written ("inotuzumab", "InO" for the arm
        "inotuzumab ozogamicin"): the one arm of the study's own that holds the drug."""
        spans = self.drug_spans.get(text)
        own = [a for a in self.arms if not a.historical] if spans else ()
        if len(own) < 2:
            return []
        out = []
        for start, end, canonical in spans:
            holding = [a for a in own if canonical in a.drugs]
            if len(holding) == 1 and not holding[0].variant:
                out.append((start, end, holding[0].label))
        return out

    # The patterns of the article's arm names are compiled once per article, not looked up per sentence and call;
    # an ASCII name in an ASCII text is found without one (`_word_spans`), a name as written always (`_name_spans`).

    def _word_pattern(self, alias: str) -> re.Pattern:
        """A name as whole words, in any case."""
        pattern = self._word_patterns.get(alias)
        if pattern is None:
            pattern = self._word_patterns[alias] = re.compile(r"(?<![\w])" + re.escape(alias) + r"(?![\w])", re.I)
        return pattern

    def _word_spans(self, alias: str, text: str) -> list[tuple[int, int]]:
        """(start, end) of each match of `_word_pattern(alias)` in the text. Both ASCII (nearly always): str.find in
        the lower-cased text, as re.I folds ASCII letters and nothing else onto them there, between the pattern's
        boundary tests; else the pattern."""
        if not (alias and alias.isascii() and text.isascii()):
            return [m.span() for m in self._word_pattern(alias).finditer(text)]
        lower, needle, out, last = text.lower(), alias.lower(), [], len(text) - 1
        size = len(needle)
        at = lower.find(needle)
        while at != -1:
            end = at + size
            if not (at and _is_word_char(text[at - 1])) and not (end <= last and _is_word_char(text[end])):
                out.append((at, end))
                at = lower.find(needle, end)
            else:
                at = lower.find(needle, at + 1)
        return out

    @staticmethod
    def _absent(alias: str, lower: str, folded: str | None) -> bool:
        """`refs` cannot find the alias in the text (`lower` is text.lower(), `folded` `_folded(text)`): a long alias
        is searched for in the lower-cased text, a short one as written or case-insensitively (see _surely_absent)."""
        return alias not in lower if len(alias) > 3 else _surely_absent(alias, folded)

    def _written_case(self, text: str, alias: str) -> str | None:
        """A short alias ("sc", "ino", "all") matches only as the abstract wrote it: in capitals or mixed case."""
        for start, end in self._word_spans(alias, text):
            if text[start:end] != text[start:end].lower():
                return text[start:end]
        return None

    def _dose_levels(self, text: str, folded: str | None) -> list[tuple[int, int, str]]:
        """Dose levels named as groups: an arm's name followed by its dose in brackets ("IDR (12.5 mg/m2)")."""
        out = []
        if "(" not in text:  # _DOSE_AFTER opens a bracket
            return out
        for arm in self.arms:
            if not arm.drugs:
                continue
            for alias in arm.aliases:
                if len(alias) < 2 or _surely_absent(alias, folded):
                    continue
                for start, end in self._word_spans(alias, text):
                    dose = _DOSE_AFTER.match(text[end:])
                    if dose and arm.drugs:
                        out.append((start, end + dose.end(), f"{arm.drugs[0]} {dose.group(1)}"))
        return out

    def observe(self, text: str, section: str) -> tuple[str | None, bool]:
        """Read a sentence's leading scope ("In the MRD+ group, ..."), update the carried scope, and return the scope
        that holds for this sentence and whether it is its own."""
        if section != self.scope_section:
            self.scope, self.scope_section = None, section
        head = _ARM_HEADING.match(text) if ":" in text and text.find(":", 0, 42) != -1 and self.multi_arm else None
        if head:  # "Blinatumomab: CR 44%, median OS 7.7 months." names the arm of the sentence's values
            named = [r for r in self.refs(head.group("x"), arms_only=True) if r[0] == 0 and r[1] == len(head.group("x"))]
            if named:
                return named[0][2], True
        lead = text.lstrip()
        opens = lead.startswith(_LEAD_OPENERS)  # every scope pattern opens so (lstrip strips re's \s)
        prior = _PRIOR_SCOPE.match(lead) if lead.startswith(("After p", "Following p")) else None
        if prior:  # "After prior blinatumomab, the CR rate was 55%": the group by the therapy it had before
            label = subgroups.name(prior.group("x"))
            if label:
                return label, True
        anaphor = opens and _ANAPHOR_SCOPE.match(text) is not None
        antecedent = self._antecedent(text) if anaphor else None
        if antecedent:  # "... underwent allogeneic HSCT. Among these patients, the 5-year OS was 35%."
            return antecedent, True
        if anaphor:  # "Twenty underwent HSCT and 10 received DLI. Among them, ...": no one group, so no name ("them")
            return self.scope, False
        if opens and lead[:3] == "At ":
            dose_level = _DOSE_LEVEL_SCOPE.match(lead)
            if dose_level:  # "At dose level 1, 2 of 6 patients (33%) achieved CR"
                return " ".join(dose_level.group("x").split()), True
            opens = False
        phase = _PHASE_SCOPE.match(lead) if opens and "hase" in lead[:20] else None
        if phase and self._phases_reported():  # "In phase 2, 39% achieved CR" of a phase 1/2 study
            return f"phase {phase.group('p')}", True
        result = _RESULT_IN_SCOPE.search(text) if opens else None
        listed = _LIST_SCOPE.match(text, 0, result.start() if result else len(text)) if opens else None
        if listed:
            # "For the A, B, and C cohorts, ... respectively": a list, not one scope (not "In patients in first
            # salvage, median OS was 11.1 and 5.3 months, ...": a scope, then its result)
            return self.scope, False
        m = _SCOPE.match(text) if opens else None
        if m and _RESULT_IN_SCOPE.search(m.group("x")):
            m = None  # "For patients in CR1 the CR rate was 60%, whereas ...": the scope ends before its result
        whole_ref = [r for r in self.refs(m.group("x"), arms_only=True) if r[0] == 0 and r[1] == len(m.group("x").strip())] \
            if m else []
        if whole_ref and self.multi_arm:  # "In study 205, ..." when "study 205" names an arm
            self.scope = whole_ref[0][2]
            return self.scope, True
        if m and self.multi_arm and len({r[2] for r in self.refs(m.group("x"), arms_only=True)}) >= 2:
            return self.scope, False  # "For InO versus SC, the CR/CRi rates were 80.7% and 29.4%": the arms, no scope
        if m and not _NOT_A_GROUP.search(m.group("x")):
            # (with its group word: "In the control group, ..." names the control arm by its role)
            refs = [r for r in self.refs(m.group("x") + (m.group("g") or "")) if r[0] == 0]
            label = refs[0][2] if refs else self._own_arm(self._drug_named(m.group("x").strip(), text))
            if " in " in m.group("x") and self.multi_arm:  # "Among Ph-negative patients in the blinatumomab group"
                label = self._group_in_arm(subgroups.name(m.group("x")), text) or label
            if not refs and not m.group("g") and subgroups.is_whole(label, self.title):
                return self.scope, False  # "In patients with ALL, ...": the study population, no scope
            if refs or m.group("g"):
                self.scope = label
            return label, True
        wide = _SCOPE_WIDE.match(text) if opens else None
        if wide and _RESULT_IN_SCOPE.search(wide.group("x")) or not wide and opens:
            wide = _SCOPE_BEFORE_RESULT.match(text)
        if wide and not _NOT_A_SCOPE.search(wide.group("x")):
            bracket = wide.group("b") if "b" in wide.groupdict() else None
            threshold = bracket if bracket and _THRESHOLD_SCOPE_BRACKET.fullmatch(bracket) else ""
            label = subgroups.name(wide.group("x") + threshold)
            label = self._group_in_arm(label, text) or (self._own_arm(self._drug_named(label, text)) if label else label)
            # (an arm's name is no whole cohort, though the title names it: "In patients treated with blinatumomab, ...")
            if label and (self.multi_arm and self.by_label(label) is not None or not subgroups.is_whole(label, self.title)):
                if _GROUP_WORD.search(wide.group("x")):
                    self.scope = label
                return label, True
        if self.scope is not None and (_may_have(text, _ALL_PATIENTS_WORDS, _WHOLE_WORDS) and _ALL_PATIENTS.search(text)
                                       or _WHOLE_COHORT.search(text)):
            self.scope = None  # "in all patients", "Overall, ..." end a carried scope (there is none in most sentences)
        return self.scope, False

    def _antecedent(self, text: str) -> str | None:
        """The group "them" or "these patients" refers to: the one group of patients the sentence before names by
        what they did ("Forty-four patients (37%) underwent allogeneic HSCT."), else none."""
        at = self.texts.index(text) if text in self.texts else 0
        return _group_named_by_verb(self.texts[at - 1]) if at else None

    def _phases_reported(self) -> bool:
        """The abstract reports a phase 1 and a phase 2 part of its own ("phase 1/2", "phase I/II", "in phase 1 ... in
        phase 2"), so "In phase 2, ..." names a part of its cohort, not the trial."""
        whole = " ".join(self.texts)
        return _PHASE_ONE_TWO.search(whole) is not None

    def _state_before(self, text: str) -> str | None:
        """The one group the sentence before counts by what it was or had: "Twenty-five patients (42%) were older than
        60 years" -> "age >60 years"."""
        at = self.texts.index(text) if text in self.texts else 0
        found = _GROUP_BY_STATE.findall(self.texts[at - 1]) if at else []
        return subgroups.name(found[0]) if len(found) == 1 else None

    def labels(self, text: str, positions: list[tuple[int, int]], scope: tuple[str | None, bool] = (None, False),
               avoid: list[tuple[int, int]] = (), timepoint_list: bool = False) -> list[str]:
        """The arm or subgroup of each value of one endpoint mention (see `_labels`), a group that names one of the
        study's arms as that arm (`_own_arm`); an arm's value in a sentence scoped to a subgroup is that arm's in the
        subgroup ("Among Ph-positive patients, CR was 73% with InO vs 56% with SC" -> "inotuzumab ozogamicin,
        Ph-positive", as subgroups nested in arms are named), not the arm's headline."""
        labels = [self._own_arm(label if label == "all" or not self.drug_spans else self._drug_named(label, text))
                  for label in self._labels(text, positions, scope, avoid, timepoint_list)]
        if any(subgroups.age_word_label(label) for label in labels):  # "older adults" -> "aged >=65 years"
            labels = [subgroups.by_age_threshold(label, tuple(self.texts)) for label in labels]
        if len(labels) == 2:  # "36% versus 17% among those with a shorter first remission" -> "first remission <=2 years"
            labels = subgroups.bound_sides(labels)
        if len(labels) >= 2 and len(set(labels)) == len(labels) and not any(l == "all" or _UNNAMED.fullmatch(l) for l in labels):
            self._groups_of[_unify_hyphens(text)] = labels
        if len(labels) >= 2 and "(" in text:
            labels = self._arms_in_group_brackets(_unify_hyphens(text), positions, labels, avoid)
        drugs = self.article_drugs[0]
        if scope[0] is None and len(drugs) == 1 and drugs[0] in labels:  # (not "In the ponatinib cohort, ...")
            labels = self._single_arm_drug(labels, text)
        within = self._subgroup_scope(text, scope)
        if within is None:
            return labels
        own = {arm.label for arm in self.arms if not arm.historical}
        return [f"{label}, {within}" if label in own and within.lower() not in label.lower() else label
                for label in labels]

    def _arms_in_group_brackets(self, text: str, positions: list[tuple[int, int]], labels: list[str], avoid) -> list[str]:
        """Each arm's value named inside a bracket after a group: "higher in first salvage (InO 88%, SC 29%) than in
        second salvage (InO 67%, SC 20%)" -> "inotuzumab ozogamicin, first salvage", ... (a bracket holding one value of
        each of the study's two arms or more, after a group opened by in/among/for)."""
        own = [a.label for a in self.arms if not a.historical]
        if len(own) < 2:
            return labels
        brackets: dict[int, list[int]] = {}
        for i, (start, _) in enumerate(positions):
            opened = text.rfind("(", 0, start)
            if opened != -1 and text.rfind(")", opened, start) == -1:
                brackets.setdefault(opened, []).append(i)
        out = list(labels)
        for opened, indices in brackets.items():
            inside = [labels[i] for i in indices]
            if sorted(inside) != sorted(own):
                continue
            group = subgroups.scope_before_bracket(text, positions[indices[0]][0], avoid)
            if not group or subgroups.is_whole(group, self.title) or subgroups.response_state(group) \
                    or self.by_label(self._own_arm(group)) or any(r[2] in own for r in self.refs(group)) \
                    or _NOT_A_SUBGROUP_SCOPE.search(group) or self._inside_arm_reference(text, group):
                continue
            for i in indices:
                out[i] = f"{labels[i]}, {group}"
        return out

    def _inside_arm_reference(self, text: str, group: str) -> bool:
        """The group read before a bracket is the words of an arm's reference in the sentence, not a subgroup ("than in
        the standard-therapy group (80.7% vs. 29.4%)": "standard-therapy")."""
        own = {a.label for a in self.arms if not a.historical}
        return any(group in text[s:e] for s, e, label in self._sentence_refs(text) if label in own)

    def _subgroup_scope(self, text: str, scope: tuple[str | None, bool]) -> str | None:
        """The sentence's own leading scope when it is a subgroup of patients of a study of two arms or more ("Among
        Ph-positive patients, ...", "In the Ph-negative subgroup, ..."): not an arm, not the whole cohort ("In the
        intention-to-treat population"), opened by words of patients or groups (not "In the first cycle, ..."). Not
        a count ("Among the first 218 patients"), patients evaluable for the figure ("Among evaluable patients") or in a
        response state ("Among patients in CR, MRD negativity was ...": the arm's MRD rate, see
        subgroups.response_state)."""
        label, own_scope = scope
        if not own_scope or label is None or len([a for a in self.arms if not a.historical]) < 2:
            return None
        if self.by_label(self._own_arm(label)) is not None or subgroups.is_whole(label, self.title) \
                or not (_PATIENTS_SCOPE.match(text) or _PRIOR_SCOPE.match(text.lstrip())) \
                or _NOT_A_SUBGROUP_SCOPE.search(label) \
                or subgroups.response_state(label):
            return None
        return label

    def _drug_named(self, label: str, text: str) -> str:
        """A group named only by a drug as the sentence writes it ("InO" of "in the InO cohort", "tisa-cel",
        "InO-treated patients") is named by the drug's canonical id, as arms are, unless the label is an arm's
        own (the arm "InO" of "(InO group; n = 40)")."""
        text = _unify_hyphens(text)
        spans = self.drug_spans.get(text)
        if not spans:
            return label
        lower = label.lower()
        if "-treated" in lower:  # "InO-treated patients"
            lower = _TREATED_SUFFIX.sub("", lower)
        named = next((canonical for start, end, canonical in spans if text[start:end].lower() == lower), label)
        # a label that is an arm's stays: "68% in the InO group" of the arm "InO" beside "InO + mini-HCVD"
        return label if named != label and self.by_label(label) else named

    def _group_in_arm(self, phrase: str | None, text: str) -> str | None:
        """A group named within an arm, as `subgroups.name` leaves it ("Ph-negative patients in blinatumomab" of
        "Ph-negative patients in the blinatumomab group had a CR rate of 44%"), is the arm's in that subgroup,
        "blinatumomab, Ph-negative", as subgroups nested in arms are named; None when it is not one, or is
        the arm's responders or analysed population (see _subgroup_scope)."""
        treated = _TREATED_THEN_GROUP.fullmatch(phrase) if phrase and "-treated " in phrase and self.multi_arm else None
        m = treated or (_GROUP_IN_ARM.fullmatch(phrase) if phrase and " in " in phrase and self.multi_arm else None)
        if m is None:
            return None
        refs = self.refs(m.group("a"), arms_only=True)
        whole = [label for start, end, label in refs if start == 0 and end == len(m.group("a"))]
        arm = whole[0] if whole else self._own_arm(self._drug_named(m.group("a"), text))
        group = subgroups.name(m.group("g"))
        if self.by_label(arm) is None or not group or subgroups.is_whole(group, self.title) \
                or _NOT_A_SUBGROUP_SCOPE.search(group) or subgroups.response_state(group):
            return None
        return f"{arm}, {group}"

    def _single_arm_drug(self, labels: list[str], text: str) -> list[str]:
        """In a study without two arms of its own, its one drug ("Patients treated with axi-cel (n = 25) had a CR
        rate of 80%") is the cohort's, beside a historical control at most: not beside another treatment in the
        sentence, nor where the sentence names the drug's arm or cohort ("13% in the inotuzumab arm", "In the
        ponatinib cohort, ...": there are others)."""
        drugs = self.article_drugs[0]
        if len([a for a in self.arms if not a.historical]) >= 2:
            return labels
        text = _unify_hyphens(text)
        spans = self.drug_spans.get(text, ())
        if any(canonical != drugs[0] or _GROUP_WORD_AFTER.match(text, end) for _, end, canonical in spans):
            return labels
        historical = {a.label for a in self.arms if a.historical}
        if any(label not in (drugs[0], "all") and label not in historical for label in labels):
            return labels
        return ["all" if label == drugs[0] else label for label in labels]

    def _own_arm(self, label: str) -> str:
        """A group named by one arm's alias, or by words that only one arm's label holds ("SC", "chemotherapy" for
        the arm "standard chemotherapy" beside "inotuzumab ozogamicin"), is that arm, in a study of two arms or
        more."""
        own = [arm for arm in self.arms if not arm.historical]
        if len(own) < 2 or label == "all" or label.startswith("group ") or self.by_label(label) is not None:
            return label
        name = _TREATED_SUFFIX.sub("", label) if "-treated" in label else label  # "SC-treated patients": the SC arm's
        name = _RECIPIENTS.sub("", name) if name.endswith(("recipients", "patients")) else name  # "CAR T recipients"
        lower = name.lower()
        named = [arm for arm in own if lower in arm.aliases]
        if len(named) != 1 and name.isupper() and 2 <= len(name) <= 5:  # "SC": the initials of "standard chemotherapy"
            named = [arm for arm in own if name in _initials(arm.label)]
        if len(named) != 1:  # "standard-therapy" for the arm "standard therapy"
            words = set(lower.replace("-", " ").split())
            named = [arm for arm in own if words <= set(arm.label.lower().replace("-", " ").split())]
        return named[0].label if len(named) == 1 else label

    def _labels(self, text: str, positions: list[tuple[int, int]], scope: tuple[str | None, bool] = (None, False),
                avoid: list[tuple[int, int]] = (), timepoint_list: bool = False) -> list[str]:
        """The arm or subgroup of each value of one endpoint mention.

        Args:
            text: the sentence.
            positions: the values' (start, end) in the sentence, in text order.
            scope: what `observe` returned for this sentence.
            avoid: the sentence's endpoint and time-point spans (start, end): a list over them is not of groups.
            timepoint_list: the values are zipped with the sentence's time points ("at 2 and 5 years ... 19% and 13%"),
                so they are one group's.

        Returns:
            One label per value (`all` when nothing names a group).
        """
        text = _unify_hyphens(text)
        refs = self._sentence_refs(text)
        scope_label, own_scope = scope
        if own_scope:
            refs = [r for r in refs if r[0] > 40 or not text[:r[0]].strip().lower().startswith(("in", "among", "for"))]
        after = [self._after(text, p, refs) for p in positions]
        if len(self.arms) >= 2 and any(after):  # "4.0 months in the SOC group": the arm it names
            after = [self._own_arm(a) if a else a for a in after]
        before = [self._before(text, p, refs) for p in positions]
        count = len(positions)
        if count >= 2 and not all(after) and not timepoint_list:
            after = _bracketed_groups(text, positions, after, avoid)
        if count == 2 and all(after):
            after = self._other_arm_named_arm(text, after)
        if count >= 2:
            listed = _groups_listed_before_bracket(text, positions) \
                if not self.multi_arm and not any(after) and "(" in text else None
            if listed:
                return [self._scoped(scope_label, l) for l in listed]
            paired = self._arm_pairs_in_groups(text, positions, after, refs, avoid) \
                if count % 2 == 0 and len(self.arms) >= 2 else self._overall_then_arm_pairs(text, positions, after, refs, avoid)
            if paired:
                return paired
            clauses = self._clause_scopes(text, positions, self._sentence_refs(text) if self.multi_arm else None) \
                if ";" in text or ", " in text and _CLAUSE_BREAK.search(text) else None
            if clauses:
                return clauses
            within = self._group_before_arms(text, positions, after) if not own_scope and all(after) else None
            if within:
                return within
            for labels in (after, before):
                if all(labels) and len(set(labels)) == count:
                    return [self._scoped(scope_label, l) for l in labels]
            mixed = [a or b for a, b in zip(after, before)]
            if all(mixed) and len(set(mixed)) == count:
                return [self._scoped(scope_label, l) for l in mixed]
            respectively = _says_respectively(text) or _groups_listed_after(text, positions)
            coded = self._coded_list(text, count) if respectively and self.coded else None
            if coded:
                return [self._scoped(scope_label, l) for l in coded]
            zipped = self._respectively_arms(text, positions, avoid, refs) if respectively and self.multi_arm else None
            if zipped:
                return [self._scoped(scope_label, l) for l in zipped]
            rest = self._other_arms(text, positions, after) if not respectively else None
            if rest:
                return [self._scoped(scope_label, l) for l in rest]
            named = list(dict.fromkeys(label for _, _, label in refs if self.by_label(label) or label in mixed))
            nested = self._nested(text, positions, named) if respectively else None
            if nested:
                return nested
            listed_arms = self._listed_arms(text, positions, avoid, refs) if respectively else None
            if listed_arms:
                return listed_arms
            if respectively and named and count % len(named) == 0 and len(named) >= 2:
                return [named[i % len(named)] for i in range(count)]
            # a comparator named first is compared second ("Compared with chemotherapy, blinatumomab improved median
            # EFS (7.3 vs 4.6 months)")
            comparators = self._comparators(text, refs)
            # ("Compared with historical controls, the CR rate was higher (73% vs 50%)": the study's own arm first)
            leading = [label for label in named if label not in comparators]
            trailing = [label for label in named if label in comparators]
            sequence = (self._order_just_named(text) if not named else None) or self.sequence
            rest = [label for label in sequence if label not in named]
            order = self._former_latter(text) or (leading + trailing + rest if len(named) >= count
                                                  else leading + rest + trailing)
            # values named by subgroups are not the arms in order ("80% in patients aged 55 years or older and 60% in
            # younger patients treated with inotuzumab")
            # (not the values of a sentence scoped to one arm: "In the blinatumomab group, CR was 44% in all patients
            # and 60% in first salvage")
            if self.multi_arm and len(order) >= count and not any(l and not self.by_label(l) for l in mixed) \
                    and not self._share_a_name(text, positions, after) and not (own_scope and self.by_label(scope_label)) \
                    and not self._unnamed_among_more_arms(named, count):
                # "Median OS for patients in second salvage was 5.1 vs 3.0 months": the arms' values in that group
                return (self._group_before_arms(text, positions, order[:count]) if not own_scope else None) \
                    or order[:count]
            if self.multi_arm and self._unnamed_among_more_arms(named, count):
                # the values named by their arms keep them ("68% at the 1.8 mg/m2 dose"); the others are the doses
                # they name ("42% at lower doses"), else unnamed, never a guessed arm
                own = [m or self._arm_at(text, e, refs) for m, (_, e) in zip(mixed, positions)]
                if any(own):
                    return [self._scoped(scope_label, o) if o else (_doses_named_after(text, e) or f"group {i + 1}")
                            for i, (o, (_, e)) in enumerate(zip(own, positions))]
            if all(mixed):
                return [self._scoped(scope_label, l) for l in mixed]
            found = self._subgroups(text, positions, avoid, timepoint_list, mixed)
            if scope_label and count == 2 and _UNNAMED.fullmatch(found[0]) and _UNNAMED.fullmatch(found[1]):
                # "In patients with T-ALL, the CR rate was 45%, and in those with B-ALL it was 70%"
                second = subgroups.group_before_verb(text, positions[1][0])
                if second and second != scope_label and not subgroups.is_whole(second):
                    return [scope_label, second]
            if scope_label and count == 2 and _UNNAMED.fullmatch(found[0]) and not _UNNAMED.fullmatch(found[1]) \
                    and found[1] != "all":
                # "Among patients in first salvage, the CR rate was 70%, compared with 40% in later salvage": the
                # scope names the first group, the compared one is its sibling, not a group within it ("..., compared
                # with 75% among those without": the scope's complement)
                return [scope_label, subgroups.complement(scope_label) if subgroups.elided(found[1]) else found[1]]
            return [self._scoped(scope_label, l) if l != "all" else (scope_label or "all") for l in found]
        start, end = positions[0]
        label = after[0] or before[0] or self._arm_inside_count(text, positions[0], refs) \
            or self._in_clause(text, start, refs) or _anaphor_in_clause(text, start)
        if label and not after[0] and not before[0] and not own_scope and self.by_label(label):
            within = self._group_in_arm(subgroups.subject(text, start), text)
            label = within if within and within.startswith(label + ", ") else label
        if label:
            return [self._scoped(scope_label, label)]
        listed = subgroups.respectively(text, positions, avoid) if _says_respectively(text) else None
        if listed:
            return [self._scoped(scope_label, self._whole(listed[0]))]
        found = subgroups.after_value(text, end, avoid) or subgroups.before_bracket(text, start, avoid) \
            or subgroups.subject(text, start) or subgroups.group_before_verb(text, start) \
            or (subgroups.leading_of(text) if not own_scope else None)
        if found and not subgroups.is_whole(found, self.title):
            return [self._scoped(scope_label, found)]
        contrasted = subgroups.contrasted_population(text, start) if not found or subgroups.population_word(found) else None
        return [self._scoped(scope_label, contrasted) if contrasted else scope_label or "all"]

    def _subgroups(self, text: str, positions: list[tuple[int, int]], avoid, timepoint_list: bool,
                   known: list[str | None]) -> list[str]:
        """Two or more values of one endpoint that no arm names: the groups the sentence names (extraction/subgroups.py),
        `all` for values that are one group's (a list over time points, grades or cycles), else the nearest phrase."""
        count = len(positions)
        if timepoint_list or all(_AT_A_TIME.match(text, end) for _, end in positions):
            return ["all"] * count  # one group's values at successive times ("90% at week 4 and 95% at week 8")
        respectively = _says_respectively(text)
        # "The CR rates in first salvage and second salvage were 88% and 52%", "60% and 58% in the weekly and
        # every-2-week groups": a list of groups right before or after the values zips them as "respectively" would
        # ... and so does a list the sentence opens with: "For first, second and third salvage, the CR rates were 80%,
        # 60% and 40%", unless each value names its own group after it ("Among patients with T-ALL and marrow relapse,
        # ... 55% in first relapse and 27% in later relapse": the opening list is one population)
        if respectively or _LISTED_BEFORE.search(text, 0, positions[0][0]) or _groups_listed_after(text, positions) \
                or count >= 2 and text.lstrip().startswith(_SCOPE_OPENERS) and _LIST_SCOPE.match(text, 0, positions[0][0]) \
                and not all(subgroups.after_value(text, end, avoid) for _, end in positions):
            listed = subgroups.respectively(text, positions, avoid)
            if listed:
                wholes = self._wholes(listed)
                distinct = len(set(listed)) == len(listed) >= 2  # "in adults and children": two groups, not the cohort
                if distinct and set(wholes) == {"all"}:
                    return list(listed)
                # "in children, AYAs and adults, respectively": populations beside each other, not the cohort
                return [w if whole == "all" and distinct and _contrasted_population(w, list(listed)) else whole
                        for whole, w in zip(wholes, listed)]
        numbered = subgroups.numbered_list(text, positions, avoid) \
            if respectively or _groups_listed_after(text, positions) else None
        if numbered:  # "CR rates were 50%, 60% and 70% in cohorts 1, 2 and 3, respectively"
            return numbered
        bracketed = subgroups.compared_in_bracket(text, positions, avoid) \
            if count == 2 and not any(known) and "(" in text and _VERSUS_WORD.search(text) else None
        if bracketed:  # "(first vs later salvage: 80% vs 55%)", "by age (< 55 vs ≥ 55 years) were 80% vs 60%"
            return self._wholes(bracketed)
        paired = (subgroups.paired_after(text, positions[-1][1]) or subgroups.with_and_without(text, positions)) \
            if count == 2 and not any(known) else None
        if paired and len(set(paired)) == 2:
            return [self._whole(p) for p in paired]
        levels = (subgroups.shared_noun_levels(text, positions) or subgroups.era_groups(text, positions)) \
            if not any(known) else None
        if levels:  # "between first (65%) and second (61%) salvage", "with high and ... with low disease burden"
            return self._wholes(levels)
        each = [k or ("all" if _OVERALL_AFTER.match(text, e) else None) or subgroups.inside_value(text, s, e)
                or subgroups.after_value(text, e, avoid) or subgroups.bracket_item(text, s, avoid)
                or subgroups.before_bracket(text, s, avoid) or subgroups.status_after(text, e)
                or subgroups.dose_after(text, e) for (s, e), k in zip(positions, known)]
        each = _whole_before_its_breakdown(text, positions, each)
        if respectively and each[-1] and not any(each[:-1]) and _SHARED_BEFORE_RESPECTIVELY.match(text, positions[-1][1]):
            # "MRD negativity was achieved by 84% and 72% of responders, respectively": the responders of groups named
            # before, not the responders and an unnamed group
            each = [None] * count
        if count == 2 and not each[0] and not (respectively and each[1] is None):
            # (not "MRD response among responders was 79% and 72%, respectively": both values are the responders'
            # of two groups named elsewhere, and "non-responders" would be invented)
            # ("The 3-year OS of patients in CR2 was 40% and of those in CR3 was 15%": the second's own group, not a
            # complement)
            second = each[1] or subgroups.group_before_verb(text, positions[1][0]) \
                or subgroups.group_before_elided_verb(text, positions[1][0])
            elided = subgroups.group_and_rest(text, positions[0][0], second)
            if elided:
                return elided
        if count == 2 and each[1] is None:  # "The CR rate was 70% in first salvage, and in second salvage 50%"
            each[1] = subgroups.group_before_elided_verb(text, positions[1][0])
        if count == 2 and not each[0] and each[1]:
            # "Patients with prior HSCT had a median OS of 5.0 months versus 8.1 months for those without prior HSCT"
            each[0] = subgroups.subject(text, positions[0][0]) \
                or subgroups.parallel_with(text, positions[0][1], positions[1][1]) \
                or (subgroups.population_subject(text, positions[0][0]) if subgroups.population_word(each[1]) else None)
        elif count >= 3 and not each[0] and all(each[1:]):
            # "Patients in first salvage had a CR rate of 80%, compared with 55% in second and 30% in third salvage"
            each[0] = subgroups.subject(text, positions[0][0])
        if count == 2 and each == [None, None]:
            # "Patients who proceeded to HSCT had a 2-year OS of 50%, whereas those who did not had 10%": each value
            # the subject of its clause
            subjects = [subgroups.subject(text, start) for start, _ in positions]
            if subjects[0] and subjects[1] and subjects[0] != subjects[1] and (subgroups.subject_clauses_differ(text, positions)
                                                                               or _AND_BETWEEN.search(text, positions[0][1], positions[1][0])):
                each = subjects  # (a second subject after "and" opens a clause of its own: "..., and those aged 60 or older had 60%")
            # (a subject read for the second value past its "and" is the first clause's)
            elided_subject = subgroups.subject_verb_elided(text, positions[1][0]) if subjects[1] in (None, subjects[0]) else None
            first = subjects[0] or (subgroups.population_subject(text, positions[0][0])
                                    if elided_subject and subgroups.population_word(elided_subject) else None)
            if elided_subject and first and elided_subject != first:  # "..., and Ph-negative patients 60%": its verb left out
                each = [first, elided_subject]
            if each == [None, None] and subjects[0] and subgroups.rest_after(text, positions[1][1]):
                # "Patients with KMT2A rearrangement had a CR rate of 50%, versus 75% for the remaining patients"
                each = [subjects[0], subgroups.rest_of(subjects[0])]
            populations = [subgroups.contrasted_population(text, start) for start, _ in positions] \
                if each == [None, None] else []
            if populations and all(populations) and populations[0] != populations[1]:
                each = populations  # "Children had a CR rate of 90%, while adults had 70%": one value, each its clause's
        for i in range(1, count):  # "55% in patients who underwent HSCT versus 20% in those who did not"
            if each[i] and each[i - 1] and subgroups.elided(each[i], each[i - 1]) and not subgroups.elided(each[i - 1]):
                each[i] = subgroups.complement(each[i - 1])
            elif count == 2 and each[0] and not each[1] and subgroups.rest_after(text, positions[1][1]):
                each[1] = subgroups.rest_of(each[0])  # "60% in patients with KMT2A rearrangement and 80% in the others"
        if each and not each[0]:
            each[0] = subgroups.leading_of(text)  # "Of 36 older adults, 56% ... compared with 46% of younger adults"
        written = each
        each = self._wholes(each)
        if all(written) and len(set(written)) == count and (count == 2 and each == ["all", "all"] or any(
                label == "all" and _contrasted_population(w, written) for label, w in zip(each, written))):
            # "CRS occurred in 85% of children and 60% of adults", "91% in pediatric patients and 73% in adults", "62%
            # in children, 55% in adolescents and 41% in adults": groups, not the cohort ("72% of patients overall"
            # beside them stays the cohort's)
            each = list(written) if count == 2 and each == ["all", "all"] else \
                [w if label == "all" and _contrasted_population(w, written) else label for label, w in zip(each, written)]
        if count == 2 and all(each):
            each = subgroups.shared_head(each)
        if all(each) and len(set(each)) == count:
            return each
        included = subgroups.included_group(text, positions, avoid) if count == 2 and not each[1] else None
        if included:  # "The CR rate was 60%, including 5 of 5 patients with CD19-negative B-ALL"
            return [self._whole(each[0]) if each[0] else included[0], included[1]]
        named = any(each)  # (the values outside a compared pair are then given `all`, not a group's name)
        # (a "respectively" list of three values or more, "50%, 75% and 90%, respectively", is no pair and a value)
        listed = respectively and count >= 3 and all(
            _VALUES_LISTED.fullmatch(text, a_end, b_start) for (_, a_end), (b_start, _) in zip(positions, positions[1:]))
        pairs = self._bracket_pairs(text, positions) if not listed else []
        out: list[str | None] = list(each)
        for indices in pairs:
            pair = [positions[i] for i in indices]
            groups = subgroups.comparison(text, pair, avoid) or subgroups.lone_group(text, pair)
            if groups is None and all(each[i] for i in indices) and len({each[i] for i in indices}) == 2:
                groups = [each[i] for i in indices]
            if groups is None and len(indices) == 2 and each[indices[0]] and not each[indices[1]] \
                    and _compared_in_a_bracket(text, pair):
                # "OS was longer for patients in CR1 > 12 months (10.2 vs 5.1 months)": the other side of the bound
                other = subgroups.bound_complement(each[indices[0]])
                groups = [each[indices[0]], other] if other else None
            if groups:
                # ("higher in children than in adults (90% vs 70%)": two populations beside each other, not the cohort)
                beside = len(set(groups)) == len(groups) >= 2 and all(_contrasted_population(g, groups) for g in groups)
                for i, g in zip(indices, groups):
                    out[i] = g if beside else self._whole(g)
        paired = {i for indices in pairs for i in indices}
        if paired:  # values outside the compared bracket ("CR rate equaled 50% and was higher in A than B (66 vs 13%)")
            out = [o if o else ("all" if i not in paired else None) for i, o in enumerate(out)]
        if all(out) and len(set(o for o, p in zip(out, positions)) | {None}) >= 2:
            return out
        if respectively and subgroups.not_a_group_list(text):
            return ["all"] * count
        if all(o in (None, "all") for o in out) and all(_SEVERITY_BEFORE.search(text[max(0, start - 30):start])
                                                         for start, _ in positions[1:]):
            return ["all"] * count  # "CRS in 15% (grade ≥3, 2%)": the grades of one group's events
        treated = [o or self._treatment_after(text, end) for o, (_, end) in zip(out, positions)]
        treated = _without_as_complement(text, positions, treated)
        if all(treated) and len(set(treated)) == count:
            return treated
        if count >= 3 and treated[0] is None and all(treated[1:]) and len(set(treated[1:])) == count - 1 \
                and _OVERALL_BEFORE.search(text, 0, positions[0][0]):
            return ["all"] + treated[1:]  # "The overall CR rate was 45%, and was 52% with A compared with 40% with B"
        if not named and all(t in (None, "all") for t in treated):
            # "The 12-month EFS was 27% versus 69%" after a sentence that compared two groups, or after a clause
            # that did ("CR rates were 60% in children and 45% in adults; MRD negativity rates were 50% and 35%")
            defined = self._groups_of_clause_before(text, positions, count) or self._groups_just_defined(text, count)
            if defined:
                return defined
        if not named and subgroups.own_predicates(text, positions):
            return ["all"] * count  # "44% of patients achieved CR and 22% had refractory disease"
        # a value alone in its clause is the cohort's ("The ORR was 80%; it was 90% in Ph- and 60% in Ph+ patients")
        return [o or ("all" if self._alone_in_clause(text, positions, i) else f"group {i + 1}")
                for i, o in enumerate(out)]  # see _UNNAMED

    def _groups_of_clause_before(self, text: str, positions: list[tuple[int, int]], count: int) -> list[str] | None:
        """The groups an earlier endpoint of the same sentence was given, for values in a clause after a semicolon
        (endpoints are labelled in the order the sentence names them)."""
        if ";" not in text[:positions[0][0]]:
            return None
        given = self._groups_of.get(_unify_hyphens(text))
        return list(given) if given and len(given) == count else None

    def _groups_just_defined(self, text: str, count: int) -> list[str] | None:
        """"Pediatric (n = 25) and adult (n = 35) patients were treated. CR rates were 90% and 70%, respectively.": values
        compared without their groups ("respectively", "27% versus 69%") are the groups the sentence before defines with
        their sizes or counts,
        or else the groups its values were given ("The CR rate was 75% in first salvage and 50% in later salvage.
        The median OS was 9.5 and 5.0 months, respectively.")."""
        at = self.texts.index(text) if text in self.texts else 0
        if at == 0:
            return None
        before = self.texts[at - 1]
        counted = subgroups.counted_groups(before, self.words.key) if count == 2 else None
        if counted:  # "Forty patients were in first salvage and 50 in second or later salvage. CR rates were ..."
            return [self._own_arm(self._drug_named(label, before)) for label in counted]
        sized = subgroups.sized_groups(before, count) or subgroups.sized_phrases(before, count) \
            or subgroups.sized_doses(before, count) or subgroups.listed_doses(before, count)
        given = self._groups_of.get(before)
        return sized or (list(given) if given and len(given) == count else None)

    def _other_arms(self, text: str, positions: list[tuple[int, int]], labels: list[str | None]) -> list[str] | None:
        """Values of which some are named by their arms ("23% with inotuzumab vs 10% with standard therapy" when
        only "standard therapy" is an arm's name): the others are the arms left, in order, when exactly as many are
        left as values unnamed. An unnamed value joined to the next by a bare "and" shares its group ("88% and 67%
        with InO")."""
        named = [l for l in labels if l]
        if not named or len(named) == len(labels) or len(set(named)) < len(named) \
                or not all(self.by_label(l) for l in named):
            return None
        if self._share_a_name(text, positions, labels):
            return None
        left = [label for label in self.sequence if label not in named]  # "73% compared with 50% in historical controls"
        if len(left) != len(labels) - len(named):
            return None
        left_iter = iter(left)
        return [l or next(left_iter) for l in labels]

    def _arm_at(self, text: str, end: int, refs) -> str | None:
        """The arm named right after a value by "at": "68% at the 1.8 mg/m2 dose"."""
        m = _AT_ARM.match(text, end)
        return next((label for start, _, label in refs if m and start == m.end() and self.by_label(label)), None)

    def _order_just_named(self, text: str) -> list[str] | None:
        """The study's own arms in the order the sentence before names them all, for a "respectively" list that names
        none ("The 3-year PFS was 35.9% in the idarubicin group vs 64.6% in the mitoxantrone group. Among high-risk
        patients, it was 29.2% vs 56.1%, respectively", under a title "Mitoxantrone versus idarubicin ...")."""
        at = self.texts.index(text) if text in self.texts else 0
        if at == 0:
            return None
        own = [a.label for a in self.arms if not a.historical]
        before = self.texts[at - 1]
        refs = self.refs(before, arms_only=True)
        named = list(dict.fromkeys(label for _, _, label in refs if label in own))
        if sorted(named) != sorted(own):
            return None
        # (a comparator named first is second: "Compared with chemotherapy, blinatumomab improved OS.")
        comparators = self._comparators(before, refs)
        named = [l for l in named if l not in comparators] + [l for l in named if l in comparators]
        return named + [label for label in self.sequence if label not in own]

    def _unnamed_among_more_arms(self, named: list[str], count: int) -> bool:
        """Some values are named by their arms and the others could be any of more arms of the study's own than are
        left unnamed ("68% at the 1.8 mg/m2 dose and 42% at lower doses" of three dose arms): which arm is not said."""
        own = [a.label for a in self.arms if not a.historical]
        return 0 < len(named) < count and len([label for label in own if label not in named]) > count - len(named)

    def _coded_list(self, text: str, count: int) -> list[str] | None:
        """The arms of a "respectively" list by their codes ("20%, 45% and 38% in arms C, B and A, respectively"), in
        the list's order, when each code is one arm's (see name_codes)."""
        m = _CODE_LIST.search(text)
        if m is None:
            return None
        kind = m.group("kind").lower()[:-1]
        codes = _CODE_SEPARATOR.split(m.group("codes"))
        named = [next((a.label for a in self.arms if f"{kind} {code.lower()}" in a.aliases), None) for code in codes]
        return named if len(named) == count and all(named) and len(set(named)) == count else None

    def _respectively_arms(self, text: str, positions, avoid, refs) -> list[str] | None:
        """A "respectively" list whose every item names one of the study's arms, each a different one ("88% and 29%
        with InO and SC, respectively": the first arm's short name right after the values does not name them both)."""
        listed = subgroups.respectively(text, positions, avoid)
        if not listed or len(listed) != len(positions):
            m = _ARMS_BEFORE_RESPECTIVELY.match(text, positions[-1][1])
            listed = _LIST_SEPARATOR.split(m.group("list")) if m else None  # ("with A and B": no group list)
        if not listed or len(listed) != len(positions):
            return None
        named = [next((label for s, e, label in refs if text[s:e] == item and self.by_label(label)), None)
                 or self._own_arm(item) for item in listed]
        if len(set(named)) != len(named) or not all(self.by_label(n) for n in named):
            return None
        return named

    def _listed_arms(self, text: str, positions, avoid, refs) -> list[str] | None:
        """A "respectively" list of the two arms by their short names ("in the InO and SC arms, respectively"): one
        names an arm, so the other is the other arm."""
        own = [a.label for a in self.arms if not a.historical]
        if len(positions) != 2 or len(own) != 2 or not _ARMS_WORD.search(text):
            return None
        listed = subgroups.respectively(text, positions, avoid)
        if not listed or len(listed) != 2:
            return None
        named = [next((label for s, e, label in refs if text[s:e] == item and self.by_label(label)), None)
                 for item in listed]
        if sum(1 for n in named if n) != 1:
            return None
        known = next(n for n in named if n)
        other = own[1] if known == own[0] else own[0]
        return [n or other for n in named]

    def _other_arm_named_arm(self, text: str, labels: list[str]) -> list[str]:
        """"81% in the InO arm as compared with 29% in the SC arm": of two arms, one is named as an arm by a name the
        study gives it nowhere else ("SC"); the other value's arm is known, so that is the other arm."""
        own = [a.label for a in self.arms if not a.historical]
        arms = [label in own for label in labels]
        if len(own) != 2 or arms.count(True) != 1 or labels[0] == labels[1]:
            return labels
        stranger = labels[arms.index(False)]
        if not re.search(r"(?<![\w-])" + re.escape(stranger) + r"\sarm\b", text):
            return labels
        other = own[1] if labels[arms.index(True)] == own[0] else own[0]
        return [label if known else other for label, known in zip(labels, arms)]

    @staticmethod
    def _share_a_name(text: str, positions: list[tuple[int, int]], after: list[str | None]) -> bool:
        """An unnamed value joined by a bare "and" to a named one shares its name ("88% and 67% with InO"): the two
        are not the arms in turn."""
        return any(not after[i] and after[i + 1] and _BARE_JOIN.fullmatch(text, positions[i][1], positions[i + 1][0])
                   for i in range(len(positions) - 1))

    @staticmethod
    def _alone_in_clause(text: str, positions: list[tuple[int, int]], i: int) -> bool:
        """No other value shares the value's clause (the sentence split at semicolons outside brackets)."""
        if ";" not in text:
            return False
        start, end = positions[i]
        before = text.rfind(";", 0, start)
        while before != -1 and _inside(text, before):
            before = text.rfind(";", 0, before)
        after = text.find(";", end)
        while after != -1 and _inside(text, after):
            after = text.find(";", after + 1)
        after = len(text) if after == -1 else after
        return not any(before < s < after for j, (s, _) in enumerate(positions) if j != i)

    def _arm_pairs_in_groups(self, text: str, positions: list[tuple[int, int]], after: list, refs, avoid) -> list[str] | None:
        """The two arms' values compared within subgroups, pair by pair: "CR was 80% vs 30% in Ph+ and 70% vs 40% in
        Ph- patients", "88% vs 29% (first salvage) and 66% vs 30% (second salvage)", "In first salvage, median OS was
        8.5 versus 6.4 months; in second salvage, it was 5.4 versus 4.0 months" -> "inotuzumab ozogamicin, Ph+",
        "standard chemotherapy, Ph+", ...; one pair after its group "in patients with prior HSCT (median OS 8.3 vs
        4.3 months)". A pair names no group with its first value; it names its arms with both values or with none
        (then the arms in the sentence's order), and its group after its second value or at the start of its clause;
        a group is no arm, not the whole cohort and no response state."""
        own = [a.label for a in self.arms if not a.historical]
        if len(own) != 2 or len(positions) == 2 and (_says_respectively(text) or _groups_listed_after(text, positions)):
            # "in the latter and the former, respectively", "55% and 70% in cohorts 1 and 2"
            return None
        compared = self._bracket_pairs(text, positions)
        pairs = [[i, i + 1] for i in range(0, len(positions), 2)]
        if any(pair not in compared and {after[pair[0]], after[pair[1]]} != set(own) for pair in pairs) \
                or any(not after[i] and subgroups.after_value(text, positions[i][1], avoid) for i, _ in pairs):
            return None
        named = list(dict.fromkeys(label for _, _, label in refs if label in own))
        default = named if len(named) == 2 else own
        labels = []
        for i, j in pairs:
            arms = [after[i], after[j]]
            if after[i] is None and after[j] not in own:  # "80% vs 30% in Ph+"
                arms, group = default, after[j] or self._pair_group(text, positions, i, j, refs, avoid, len(pairs))
            elif set(arms) == set(own) and len(pairs) >= 2:
                # (or the group between the endpoint and the verb of the first pair: "The CR rate in first salvage was
                # 88% with InO and 29% with SC, and in second salvage 67% and 20%")
                group = self._pair_clause_scope(text, positions, i) \
                    or (subgroups.group_before_verb(text, positions[i][0]) if i == 0 else None)
            else:
                return None
            if not group and i == 0 and len(pairs) >= 2:
                # "CR rates were 34% and 16%; among patients in first salvage, 44% and 25%": the arms' own values
                # before their values in a group
                labels += arms
                continue
            if not group or any(r[2] in own for r in self.refs(group)) or self.by_label(self._own_arm(group)) \
                    or subgroups.is_whole(group, self.title) or subgroups.response_state(group) \
                    or _NOT_A_SUBGROUP_SCOPE.search(group) or self._inside_arm_reference(text, group):
                return None
            labels += [f"{arm}, {group}" for arm in arms]
        groups = labels[::2]
        return labels if len(set(groups)) == len(groups) and any(", " in label for label in groups) else None

    def _overall_then_arm_pairs(self, text: str, positions: list[tuple[int, int]], after: list, refs,
                                avoid) -> list[str] | None:
        """A pooled value said to be overall, then the two arms' values pair by pair in subgroups: "The CR rate was
        34% overall and 44% vs 25% among patients in first salvage" -> all, "blinatumomab, first salvage", ..."""
        if len(self.arms) < 2 or len(positions) < 3 or len(positions) % 2 == 0 or after[0] \
                or not _OVERALL_AFTER.match(text, positions[0][1]):
            return None
        paired = self._arm_pairs_in_groups(text, positions[1:], after[1:], refs, avoid)
        return ["all"] + paired if paired else None

    def _group_before_arms(self, text: str, positions: list[tuple[int, int]], after: list) -> list[str] | None:
        """The arms' values of a group named between the endpoint and the verb: "The median OS in patients with
        MRD-positive disease was 10.1 months in the blinatumomab arm and 6.8 months in the chemotherapy arm" ->
        "blinatumomab, MRD-positive disease", ... (not the whole cohort, not patients in a response state)."""
        own = {a.label for a in self.arms if not a.historical}
        if len(own) < 2 or not all(label in own for label in after) or len(set(after)) != len(after):
            return None
        # (or the sentence's subject: "Patients with prior HSCT had a median OS of 5.8 months with A and 3.8 months
        # with B")
        group = subgroups.group_before_verb(text, positions[0][0]) \
            or (subgroups.subject(text, positions[0][0]) if _PATIENTS_SUBJECT.match(text) else None)
        if not group or subgroups.is_whole(group, self.title) or subgroups.response_state(group) \
                or _NOT_A_SUBGROUP_SCOPE.search(group) or any(r[2] in own for r in self.refs(group)) \
                or self.by_label(self._own_arm(self._drug_named(group, text))) is not None:
            return None
        return [f"{label}, {group}" for label in after]

    def _pair_group(self, text: str, positions, i: int, j: int, refs, avoid, pairs: int) -> str | None:
        """The group of a pair of values whose arms are not named: after its second value, in the bracket after it,
        opening its item in a bracket ("34% vs 16% (first salvage: 44% vs 25%)"), at the start of its clause (of two pairs or more), or, one pair alone, before the bracket that holds it."""
        end = positions[j][1]
        return subgroups.after_value(_before_arm_named(text, end, refs), end, avoid) \
            or subgroups.bracket_after(text, end, avoid) \
            or (subgroups.bracket_item(text, positions[i][0], avoid) if pairs >= 2 else None) \
            or (self._pair_clause_scope(text, positions, i) if pairs >= 2 else None) \
            or subgroups.scope_before_bracket(text, positions[i][0], avoid) \
            or (subgroups.group_before_elided_verb(text, positions[i][0]) or self._later_clause_scope(text, positions[i][0])
                if pairs >= 2 else None)

    def _later_clause_scope(self, text: str, at: int) -> str | None:
        """The group opening a later clause of the sentence, after ", and" or ", whereas": "..., and in second salvage it
        was 67% and 20%, respectively"."""
        clause = _clause_start(text, at)
        m = _CLAUSE_SCOPE.match(text, clause, at) if clause else None
        return subgroups.name(m.group("x")) if m and not _NOT_A_SCOPE.search(m.group("x")) else None

    def _pair_clause_scope(self, text: str, positions: list[tuple[int, int]], i: int) -> str | None:
        """The group that opens the clause of a pair of values, the pair alone in it ("; in those in second
        salvage, it was 5.4 versus 4.0 months")."""
        if ";" not in text and not text.lstrip().startswith(_SCOPE_OPENERS):
            return None
        clause = text.rfind(";", 0, positions[i][0])
        while clause != -1 and _inside(text, clause):
            clause = text.rfind(";", 0, clause)
        clause += 1
        if any(clause <= s < positions[i][0] for s, _ in positions):
            return None
        m = _CLAUSE_SCOPE.match(text, clause, positions[i][0])
        return subgroups.name(m.group("x")) if m and not _NOT_A_SCOPE.search(m.group("x")) else None

    def _clause_scopes(self, text: str, positions: list[tuple[int, int]], refs=None) -> list[str] | None:
        """Values in clauses of their own, each opening with its group: "In the blinatumomab arm, the CR rate was 34%;
        in the chemotherapy arm, it was 16%", "In cohort 1 (n = 20), ...; in cohort 2 (n = 25), it was 60%"; a later
        clause may name its arm anywhere before its value (`refs`: the sentence's arm names)."""
        labels, clauses, fallback, populations = [], [], False, {}
        for start, end in positions:
            clause = _clause_start(text, start)
            clauses.append(clause)
            m = _CLAUSE_SCOPE.match(text, clause, start)
            if not m and clause == 0:  # "Median OS was 12 months; in Ph+ patients, it was 18 months": the cohort's,
                # unless a group follows ("7.7 months in the blinatumomab group; among patients in first salvage, ...")
                labels.append(self._after(text, (start, end), refs if refs is not None else self._sentence_refs(text))
                              or "all")
                if labels[-1] == "all":  # "60% in adults; in children, it was 80%": a population beside another
                    written = subgroups.after_value(text, end) or subgroups.population_before_verb(text, start)
                    if written and subgroups.population_word(written):
                        populations[len(labels) - 1] = written
                continue
            if not m and refs is not None:
                named = self._arm_in_clause(refs, clause, start)
                if named is None:
                    return None
                labels.append(named)  # "In the A group, 44% had CR; the corresponding figure for B was 25%"
                fallback = True
                continue
            # (the disease after a group's status is no "all": "in those with Ph-positive ALL, it was 80%")
            if not m or _NOT_A_SCOPE.search(_DISEASE_AFTER_STATUS.sub("", m.group("x"))):
                return None
            scope_refs = self.refs(m.group("x"))
            label = scope_refs[0][2] if scope_refs and scope_refs[0][0] == 0 else subgroups.name(m.group("x"))
            if not label:
                return None
            labels.append(label)
        for i, written in populations.items():
            if _contrasted_population(written, [written] + [l for j, l in enumerate(labels) if j != i]):
                labels[i] = written
        if len(set(clauses)) < len(clauses) or labels.count("all") == len(labels) or fallback and "all" in labels:
            return None  # values sharing a clause, or no clause naming a group
        return labels if len(set(labels)) == len(labels) else None

    def _arm_in_clause(self, refs, clause: int, start: int) -> str | None:
        """The one own arm a clause names before its value."""
        own = {a.label for a in self.arms if not a.historical}
        named = {label for s, _, label in refs if clause <= s < start and label in own}
        return named.pop() if len(named) == 1 else None

    def _treatment_after(self, text: str, end: int) -> str | None:
        """"CR was 100% with ponatinib and 96% with dasatinib", "20 of 25 patients (80%) treated with CAR T cells": a
        value followed by "with" and a treatment the regimen lexicon knows by its first word names that treatment's
        group (a single-arm study has no arm names to find there); "45% with a median duration" names none."""
        m = _WITH_TREATMENT.match(text, end)
        if not m:
            return None
        name = m.group("name")
        if _COMBINATION.fullmatch(name):
            return name[4:] if name.startswith("the ") else name  # "78% with the combination"
        drugs = self.drug_spans.get(text, ())
        one_drug = any(d[0] == m.start("name") and d[1] == m.end("name") for d in drugs)
        partner = _partner_drug(text, drugs, m.end("name")) if one_drug else None
        if partner is not None:  # "16.2 months with blinatumomab and ponatinib": both drugs name the group
            return text[m.start("name"):partner]
        modified = _DRUG_MODIFIER.match(name)
        if modified and any(d[0] == m.start("name") + modified.end() and d[1] == m.end("name") for d in drugs):
            return name  # "6.0 months with single-agent blinatumomab"
        spans = [d for d in drugs if d[0] == m.start("name")]
        if spans and text.startswith(" alone", m.end("name")) and spans[0][1] == m.end("name"):
            return f"{spans[0][2]} alone"  # "50% with blinatumomab alone and 78% with the combination"
        if spans:  # a drug the lexicon knows by any of its names: "with mini-HCVD plus inotuzumab", "with HCVAD"
            return spans[0][2] if spans[0][1] == m.end("name") else name
        if any(m.start("name") < d[0] and d[1] == m.end("name") and text[d[0] - 1] == "-" for d in drugs):
            return name  # a known regimen with a prefix added, as written: "with R-HCVAD"
        first = name.split()[0].lower()
        canonical = [key for key in self.lexicon if key.split()[0] == first]
        if not canonical:
            return name if _REGIMEN_HEAD.match(name) else None  # "31% with SOC"
        return canonical[0] if len(canonical) == 1 and " " not in name else name

    def _nested(self, text: str, positions: list[tuple[int, int]], named: list[str]) -> list[str] | None:
        """Values of subgroups nested within the arms: "A vs. B with low, moderate, and high BMB%, respectively
        (74% vs. 46%, 75 vs. 27%, and 70 vs. 17%)" -> "A, low BMB%", "B, low BMB%", "A, moderate BMB%" ... (arms
        vary fastest, each pair joined by vs.); a level the abstract defined by a threshold is named by it
        ("BMB <50%"). Asked of a sentence that says "respectively"."""
        arms = [label for label in named if self.by_label(label) is not None and not self.by_label(label).historical]
        if len(arms) != 2:
            return None
        levels = subgroups.respective_list(text)
        count = len(positions)
        if not levels or count != len(arms) * len(levels) or \
                self._bracket_pairs(text, positions) != [[i, i + 1] for i in range(0, count, 2)]:
            return None
        levels = subgroups.defined_levels(self.texts, [level.split()[0] for level in levels]) or levels
        return [f"{arms[i % 2]}, {levels[i // 2]}" for i in range(count)]

    @staticmethod
    def _whole(label: str) -> str:
        """Groups compared in one sentence differ, so only population words (not the title's) make one `all`."""
        return "all" if subgroups.is_whole(label) else label

    @classmethod
    def _wholes(cls, labels: list[str | None]) -> list[str | None]:
        """Each group compared in one sentence by `_whole`; beside a group that is not the cohort, a state of the
        disease is a group too ("OS for patients in CR1, CR2 and refractory disease")."""
        wholes = [cls._whole(l) if l else None for l in labels]
        if not any(w and w != "all" for w in wholes):
            return wholes
        return [l if w == "all" and subgroups.disease_state(l) else w for l, w in zip(labels, wholes)]

    @staticmethod
    def _bracket_pairs(text: str, positions: list[tuple[int, int]]) -> list[list[int]]:
        """Indices of values compared two by two: two values in one bracket ("(66 vs 13%"), or joined by vs./versus
        ("21% versus 10%"); else, two values alone, the pair."""
        pairs, used = [], set()
        for i in range(len(positions) - 1):
            if i in used:
                continue
            between = text[positions[i][1]:positions[i + 1][0]]
            if _COMPARED_BETWEEN_VALUES.fullmatch(between) \
                    or _NO_BRACKET_60.fullmatch(between) and _inside(text, positions[i][0]) \
                    and _inside(text, positions[i + 1][0]) and _VERSUS_BETWEEN.search(between):
                pairs.append([i, i + 1])
                used |= {i, i + 1}
        if not pairs and len(positions) == 2:
            pairs = [[0, 1]]
        return pairs

    def _scoped(self, scope: str | None, label: str) -> str:
        """A subgroup inside the sentence's scope: "In the R/R group, 51% of Ph- ..." -> "R/R Ph-"; inside an arm, the
        arm's in the subgroup ("In the blinatumomab arm, CR was 44% among Ph-negative patients" -> "blinatumomab,
        Ph-negative"), and the arm's responders or analysed patients are the arm's."""
        if scope is None or self.by_label(label):
            return label
        if scope.lower() in label.lower():
            return label
        arm = self.by_label(scope)
        aged = subgroups.age_word_beside(label, scope) if arm is None else None
        if aged:  # "Among patients younger than 35 years, ... versus 30% in older patients": "age >=35 years"
            return aged
        if arm is None:  # a state x status cross is "R/R Ph-"; other subgroups nest as "phase 1, responders"
            return f"{scope} {label}" if _STATUS_FIRST.match(label) else f"{scope}, {label}"
        if arm.historical or len([a for a in self.arms if not a.historical]) < 2 or _UNNAMED.fullmatch(label):
            return label
        if subgroups.response_state(label) or _NOT_A_SUBGROUP_SCOPE.search(label) or subgroups.is_whole(label, self.title):
            return scope  # "In the blinatumomab arm, responders had an MRD negativity rate of 76%"
        return f"{scope}, {label}"

    def _after(self, text: str, position: tuple[int, int], refs) -> str | None:
        rest = text[position[1]:]
        bracket = _ARM_BRACKET_AFTER.match(rest) if refs else None  # "7.7 (blinatumomab) vs 4.0 months (chemotherapy)"
        if bracket:
            at = position[1] + bracket.end()
            for start, end, label in refs:
                if start == at and text[end:end + 2].lstrip()[:1] in (")", "]") and self.by_label(label):
                    return label
        m = _AFTER_VALUE.match(rest)
        if not m:
            return self._arm_after_treatment_word(text, position, refs) if refs else None
        at = position[1] + m.end()
        # "4.9% of the patients who received blinatumomab": the arm after a relative clause naming its treatment
        treated = _RECEIVED_BY.match(text[at:])
        for start, end, label in refs:
            if start == at or (treated and start == at + treated.end()):
                # "48% of patients in the A and B groups, respectively": the first of a list names no one value
                listed = _COORDINATED_NAME.match(text, end)
                return None if listed and any(s == listed.end() for s, _, _ in refs) else label
        phase = _PHASE_NAMED.match(text, at) if text.startswith("phase", at) else None
        if phase and self._phases_reported():  # "80% in phase 1 and 81% in phase 2" of a phase 1/2 study
            return f"phase {phase.group('p')}"
        sub = _SUBGROUP_AFTER.match(text[at:])
        if sub and _THIS_GROUP.match(text, at):
            # "Twenty-five patients were older than 60 years. The CR rate was 40% in this group": the group named before
            return self._antecedent(text) or self._state_before(text)
        if sub:
            name = (sub.group(1) or sub.group(2)).strip()
            if not _NOT_A_GROUP_NAME.fullmatch(name) \
                    and not _ANY_DIGIT.search(name) and not subgroups.is_whole(name):
                rest = text[at + sub.end(1 if sub.group(1) else 2):]
                state = _IN_RESPONSE.match(rest)
                shared = _COORDINATED.match(rest)  # "83% of Ph- and 67% of Ph+ patients in CR": the state is both's
                state = state or (_IN_RESPONSE.match(rest[shared.end():]) if shared else None)
                return f"{name} {state.group(1)}" if state else name
        return None

    def _arm_after_treatment_word(self, text: str, position: tuple[int, int], refs) -> str | None:
        """An arm named right after a value by "after", "following" or "on" ("20.1 months after CAR T and 12.0 months
        after blinatumomab"): arms only, not subgroups ("after 2 cycles")."""
        m = _AFTER_TREATMENT.match(text, position[1])
        if m is None:
            return None
        return next((label for start, _, label in refs if start == m.end() and self.by_label(label)), None)

    @staticmethod
    def _before(text: str, position: tuple[int, int], refs) -> str | None:
        """The group right before the bracket holding the value: "DNR (10 +/- 8%", "InO (CR/CRi = 73%"."""
        head = text[:position[0]]
        opened = head.rfind("(")
        if opened == -1 or head.rfind(")") > opened or _ANY_DIGIT.search(head[opened + 1:]) and \
                not _NO_DIGIT_THEN_EQUALS.fullmatch(head[opened + 1:]) and "%" in head[opened:]:
            return None
        if not _SHORT_NAME_EQUALS.fullmatch(head[opened + 1:]):
            return None
        for start, end, label in refs:
            if _OPTIONAL_SPACE.fullmatch(text[end:opened]):
                return label
        return None

    def _arm_inside_count(self, text: str, position: tuple[int, int], refs) -> str | None:
        """An arm named inside a count value, between the count and its share ("7 INO patients (10%)"), in a study of
        two arms or more."""
        start, end = position
        bracket = text.find("(", start, end)
        if bracket == -1:
            return None
        inside = [label for ref_start, ref_end, label in refs if start < ref_start and ref_end <= bracket]
        if not inside or not self.multi_arm:
            return None
        named = [label for label in inside if self.by_label(label)]
        return named[0] if len(named) == 1 else None

    def _in_clause(self, text: str, start: int, refs) -> str | None:
        """One value, a named arm before it in its clause with no other number in between ("where the response rate
        was 17%" after "our previous trial with X alone")."""
        if not self.multi_arm:
            return None
        for ref_start, ref_end, label in reversed(refs):
            gap = text[ref_end:start]
            # (the arm's own n bracket is no other number: "The blinatumomab arm (n = 271) had a CR rate of 34%")
            gap = _ARM_N_AFTER.sub("", gap, count=1) if "(n" in gap[:16] else gap
            if ref_end <= start and self.by_label(label) and len(gap) <= 80 \
                    and (not _SEMICOLON_OR_DIGIT.search(gap) or _VALUE_LIST_GAP.fullmatch(gap)):
                return label
        return None

    @staticmethod
    def _comparators(text: str, refs) -> set[str]:
        """The arms a sentence names right after a comparison word: "compared with X", "relative to X", "than X"."""
        if not _may_have(text, _COMPARATOR_WORDS):
            return set()
        return {label for start, _, label in refs if _COMPARATOR_BEFORE.search(text, max(0, start - 30), start)}

    def _former_latter(self, text: str) -> list[str]:
        own = [a.label for a in self.arms if not a.historical]
        words = [w.lower() for w in _FORMER_LATTER.findall(text)]
        if len(own) == 2 and words in (["former", "latter"], ["latter", "former"]):
            return own if words[0] == "former" else own[::-1]
        return []


_VERSUS_BETWEEN_VALUES = re.compile(r"\s?(?:%|months?|mo|years?)?\s?(?:vs\.?|versus)\s?")


def _compared_in_a_bracket(text: str, pair: list[tuple[int, int]]) -> bool:
    """Two values compared in one bracket after a comparative: "OS was longer for ... (10.2 vs 5.1 months)"."""
    (first_start, first_end), (second_start, _) = pair
    return _inside(text, first_start) and _VERSUS_BETWEEN_VALUES.fullmatch(text[first_end:second_start]) is not None \
        and subgroups.comparative_before(text, first_start)


def _whole_before_its_breakdown(text: str, positions: list[tuple[int, int]], groups: list) -> list:
    """A value followed by a bracket that holds every later value, or by "including" them, each named by its group,
    is the whole cohort's: "The CR rate was 70% (first salvage, 82%; second salvage, 51%)", "70% (82% in first
    salvage and 51% in ...)", "24 (80%) achieved CR/CRi, including 10 of 12 (83%) in first salvage"."""
    if groups[0] is not None or not all(groups[1:]):
        return groups
    if _BREAKDOWN_JOIN.match(text, positions[0][1]):  # "24 (80%) achieved CR/CRi, including 10 of 12 (83%) in ..."
        return ["all"] + groups[1:]
    if len(groups) >= 3 and len(set(groups[1:])) == len(groups) - 1 and _FIRST_THEN_GROUPS.match(text, positions[0][1]):
        # "The CR rate was 75% and was higher in first salvage (86%) than in second salvage (60%)": the groups named
        # after a first value break it down
        return ["all"] + groups[1:]
    opened = _ARM_BRACKET_AFTER.match(text, positions[0][1])
    if not opened or text[opened.end() - 1] != "(":
        return groups
    depth = 1
    for m in _BRACKET_CHAR.finditer(text, opened.end(), positions[-1][1]):
        depth += 1 if m.group(0) in "([" else -1
        if depth == 0:
            return groups  # the bracket closes before the last value
    return ["all"] + groups[1:]


_BRACKET_CHAR = re.compile(r"[()\[\]]")
_AND_BETWEEN = re.compile(r",?\sand\s")
_FIRST_THEN_GROUPS = re.compile(r"\s?%?\s?(?:,\s(?:with|and)\s|\sand\s(?:was|were)\s)")
_BREAKDOWN_JOIN = re.compile(r"[^,;]{0,60},\s(?:including|of\swhom|among\s(?:them|whom))\b"
                             r"|[^;]{0,80}?\bsubgroups?,\sincluding\b"  # "60%, and was similar across subgroups, including"
                             r"|\s?%?,\swith\s(?=\d)"  # "The CR rate was 75%, with 86% in first salvage and ..."
                             r"|\s?%?\s?\)?:\s")  # "HSCT was performed in 20 patients (33%): 15 of 30 (50%) in first ..."


def _before_arm_named(text: str, at: int, refs) -> str:
    """The text up to the first arm named after `at`, without the preposition that introduces it ("in second salvage
    with InO and SC, respectively" -> "in second salvage"), so a group read forwards stops before the arms."""
    cut = next((start for start, _, _ in refs if start >= at), None)
    return text if cut is None else _ARM_PREPOSITION.sub("", text[:cut])


_ARM_PREPOSITION = re.compile(r"\s(?:with|in|for|among|of)(?:\sthe)?\s*$")


def _bracketed_groups(text: str, positions: list[tuple[int, int]], after: list, avoid) -> list:
    """Values each followed by its group in brackets ("CR rates were 81% (ages <60 years) and 58% (ages >=60
    years)"): the groups, when every value not named otherwise has one and they all differ."""
    named = [a or subgroups.bracket_after(text, end, avoid) for a, (_, end) in zip(after, positions)]
    return named if all(named) and len(set(named)) == len(named) else after


def _without_as_complement(text: str, positions: list[tuple[int, int]], labels: list) -> list:
    """A value followed by a bare "without" is of the group lacking the previous value's treatment: "The CR rate
    was 47% overall, 55% with rituximab and 41% without" gives "no rituximab" to the 41%."""
    out = list(labels)
    for i in range(1, len(out)):
        if out[i] is None and out[i - 1] and out[i - 1] != "all" and _BARE_WITHOUT.match(text, positions[i][1]):
            out[i] = f"no {out[i - 1]}"
    return out
