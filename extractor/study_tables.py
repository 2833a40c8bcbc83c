"""Evidence tables (pandas): the study table (one row per study arm) and the regimen table (one row per regimen
and setting, with ranges and pooled estimates).

Which outcomes make an arm's row: those whose `arm` is the arm's label, plus the `all` outcomes of a single-arm
study. Subgroup outcomes (and the whole-cohort outcomes of a multi-arm study) are not an arm's headline: they are
listed in the row's `notes` (the whole cohort's as "whole cohort: ..."), never in its endpoint cells. Each endpoint has a number column (`CR`) and a
readable cell (`CR_cell`, "92% (44/48)"); a value that failed a consistency check carries "[flagged: ...]" in its
cell, a reviewer's correction "[curated]", and both are listed in the `flags` and `curated` columns.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from extractor import pooling, trials
from extractor.extraction.checks import DENOMINATOR_INFERRED
from extractor.models import Article

PUBMED_URL = "https://pubmed.ncbi.nlm.nih.gov/{pmid}/"

# (endpoint code, column heading for people), in the order of the issue.
ENDPOINTS: list[tuple[str, str]] = [
    ("CR", "CR"), ("CR_CRi", "CR/CRi"), ("ORR", "ORR"), ("MRD_NEG", "MRD-negative"),
    ("OS_MEDIAN", "median OS"), ("PFS_MEDIAN", "median PFS"), ("EFS_MEDIAN", "median EFS"),
    ("RFS_MEDIAN", "median RFS"), ("OS_RATE", "OS rate"), ("HSCT", "HSCT"), ("VOD", "VOD"), ("CRS", "CRS"),
    ("NEURO", "neurotoxicity"), ("EARLY_DEATH", "early death"),
]
ENDPOINT_CODES = [code for code, _ in ENDPOINTS]
PROPORTIONS = ("CR", "CR_CRi", "ORR", "MRD_NEG", "HSCT", "VOD", "CRS", "NEURO", "EARLY_DEATH")
MEDIANS = ("OS_MEDIAN", "PFS_MEDIAN", "EFS_MEDIAN", "RFS_MEDIAN")
_ALIASES = {"DFS_MEDIAN": "RFS_MEDIAN", "LFS_MEDIAN": "RFS_MEDIAN", "DFS_RATE": "RFS_RATE", "LFS_RATE": "RFS_RATE"}

STUDY_HEAD = [
    "pmid", "first_author", "year", "journal", "arm", "regimen", "classes", "setting", "population", "phase",
    "randomized", "trial", "N", "median_age", "median_follow_up",
]
STUDY_COLUMNS = (
    STUDY_HEAD
    + [col for code in ENDPOINT_CODES for col in (code, f"{code}_cell")]
    + ["OS_RATE_months", "HR", "HR_cell", "flags", "curated", "notes", "url"]
)
UNIDENTIFIED = "regimen not extracted"
# A rate printed without counts is of the arm's n only when its sentence does not name a narrower denominator:
# "Among the first 218 patients, ... 80.7%", "MRD negativity among responders was 82%", "of evaluable patients".
_SUBSET_CUES = re.compile(r"\bamong\b|\bevaluable\b|\brespond(?:ers?|ing)\b|\b(?:with|in|achieving|who achieved) "
                          r"(?:an? )?(?:remission|response|CR)\b", re.IGNORECASE)
_SCALAR_COLUMNS = {"N": "cohort_size", "median_age": "median_age_years", "median_follow_up": "median_follow_up_months"}


@dataclass(frozen=True)
class Filters:
    """Which rows to keep. `population` is a value of any population field ("adult", "B") or field=value
    ("ph_status=positive"); `regimen` is a case-insensitive part of the regimen name, a drug or a class."""

    setting: str | None = None
    population: str | None = None
    regimen: str | None = None
    relevant_only: bool = True


@dataclass
class StudyRow:
    """One study arm: its table values, the evidence behind each column, and its headline outcomes."""

    values: dict
    sources: dict = field(default_factory=dict)
    outcomes: dict = field(default_factory=dict)
    n: int | None = None


@dataclass
class Tables:
    """The study rows (with provenance), the study table and the regimen table."""

    rows: list[StudyRow]
    study: pd.DataFrame
    regimens: pd.DataFrame
    pooled: dict
    left_out: list[str] = field(default_factory=list)  # PMIDs of studies with nothing to tabulate (`is_empty`)


def build_tables(
    records: Iterable[dict], articles: Mapping[str, Article] | None = None, filters: Filters | None = None
) -> Tables:
    """Study and regimen tables of extraction records.

    Args:
        records: extraction dicts (gold schema with evidence), curated or not.
        articles: parsed articles by PMID, for author, year and journal (missing ones leave those cells empty).
        filters: rows to keep (default: relevant studies only).

    Returns:
        Tables: rows sorted by regimen class, then year, each study's arms together (`_sorted`). A study
        that passes the filters but has nothing to show (`is_empty`: no regimen, no number, no note; a record
        without an abstract) has no rows; its PMID is in `left_out`.

    Example:
        >>> tables = build_tables(records, {a.pmid: a for a in articles})
        >>> tables.study.to_csv("output/studies.csv", index=False)
    """
    filters = filters or Filters()
    articles = articles or {}
    rows, left_out = [], []
    for record in records:
        kept = [row for row in study_rows(record, articles.get(str(record.get("pmid")))) if keep(row, record, filters)]
        if kept and all(is_empty(row) for row in kept):
            left_out.append(kept[0].values["pmid"])
        else:
            rows += kept
    rows = _sorted(rows)
    pooled = pool_rows(rows)
    return Tables(rows, study_frame(rows), regimen_frame(rows, pooled), pooled, left_out)


def is_empty(row: StudyRow) -> bool:
    """A row that says nothing: no regimen, no number (N, age, follow-up, endpoints, HR) and no note."""
    v = row.values
    numbers = ["N", "median_age", "median_follow_up", "HR", *ENDPOINT_CODES]
    return v.get("regimen") == UNIDENTIFIED and not v.get("notes") and all(v.get(c) is None for c in numbers)


def study_rows(record: dict, article: Article | None = None) -> list[StudyRow]:
    """The rows of one study, one per arm (a study without arms gets one row, `all`)."""
    arms = record.get("arms") or [{"label": "all", "drugs": [], "n": record.get("cohort_size")}]
    labels = {arm.get("label") or "all" for arm in arms}
    outcomes = [_canonical(o) for o in record.get("outcomes") or []]
    single = len(arms) == 1
    rows = []
    for arm in arms:
        label = arm.get("label") or "all"
        own = [o for o in outcomes if o["arm"] == label or (single and o["arm"] == "all")]
        taken = {id(o) for o in own}
        # Not this arm's headline, and not another arm's: subgroups, and a multi-arm study's whole cohort.
        others = [o for o in outcomes if id(o) not in taken and o["arm"] not in labels - {label}]
        rows.append(_row(record, article, arm, own, others))
    return rows


def keep(row: StudyRow, record: dict, filters: Filters) -> bool:
    """Whether a row passes the filters."""
    if filters.relevant_only and record.get("relevant") is False:
        return False
    if filters.setting and (record.get("setting") or "").lower() != filters.setting.lower():
        return False
    if filters.population and not _population_matches(record.get("population") or {}, filters.population):
        return False
    if filters.regimen:
        wanted = filters.regimen.lower()
        haystack = [row.values["regimen"] or "", row.values["classes"] or "", *row.values.get("_drugs", [])]
        if not any(wanted in text.lower() for text in haystack):
            return False
    return True


def study_frame(rows: list[StudyRow]) -> pd.DataFrame:
    """The study table: one row per arm, STUDY_COLUMNS in order."""
    return pd.DataFrame([{col: row.values.get(col) for col in STUDY_COLUMNS} for row in rows],
                        columns=STUDY_COLUMNS)


def regimen_key(regimen: str | None) -> str:
    """What makes two regimens the same one for grouping and pooling: the same parts in any order, case aside
    ("clofarabine + cyclophosphamide + etoposide" = "clofarabine + etoposide + cyclophosphamide")."""
    return " + ".join(sorted(part.strip().lower() for part in (regimen or UNIDENTIFIED).split(" + ")))


@lru_cache(maxsize=1)
def _registries() -> tuple:
    from extractor.config import Settings
    from extractor.patterns import load_registries

    return tuple(load_registries(Settings().patterns_dir))


@lru_cache(maxsize=1)
def _unspecified_backbones() -> frozenset[str]:
    """Lower-cased ids (and short names) of the lexicon's backbones without components: "chemotherapy",
    "standard chemotherapy" name no regimen, only that one was given."""
    from extractor.config import Settings
    from extractor.patterns import load_regimen_classes

    entries = load_regimen_classes(Settings().patterns_dir).values()
    return frozenset(name.lower() for e in entries if e.kind == "backbone" and not e.components
                     for name in (e.id, e.short) if name)


def poolable(row: StudyRow) -> bool:
    """Whether a row's regimen is one regimen that can be pooled across studies: not unidentified, and not only
    unspecified chemotherapy ("standard chemotherapy" is each trial's own investigator's choice, not one regimen)."""
    regimen = row.values.get("regimen")
    if regimen in (None, UNIDENTIFIED):
        return False
    return not set(regimen_key(regimen).split(" + ")) <= _unspecified_backbones()


def pool_group(row: StudyRow) -> tuple[str, str | None, str | None]:
    """What rows must share to be pooled or summarised together: the regimen (`regimen_key`), the setting and the
    population by age group and Ph status (a Ph+ and a Ph- study of one drug are not one population)."""
    return regimen_key(row.values["regimen"]), row.values["setting"], row.values.get("_pool_population")


def pool_rows(rows: list[StudyRow]) -> dict[tuple, pooling.Pooled]:
    """Pooled rates per (`pool_group`, endpoint): only rows with a count and denominator (or a rate and n), never
    across settings, populations or endpoints, never over unidentified or unspecified regimens (`poolable`), and
    each trial once (`one_report_per_trial`)."""
    groups: dict[tuple, list[tuple[pooling.Proportion, StudyRow]]] = defaultdict(list)
    for row in rows:
        if not poolable(row):
            continue
        for code in PROPORTIONS:
            study = row_proportion(row, code)
            if study is not None:
                groups[(*pool_group(row), code)].append((study, row))
    return pooling.pool_groups({key: [study for study, _ in one_report_per_trial(entries)]
                                for key, entries in groups.items()})


def one_report_per_trial(entries: list[tuple[pooling.Proportion, StudyRow]]) -> list[tuple]:
    """The entries of one pooling group with each trial's patients counted once: where several reports (PMIDs)
    share a registry number (`trials.same_trial_clusters`), only the report with the most patients for this
    endpoint is kept (the most complete: a final analysis over an interim one), the latest on a tie."""
    cluster = _trial_of(row for _, row in entries)
    size: dict[str, int] = defaultdict(int)
    year: dict[str, int] = {}
    for study, row in entries:
        size[row.values["pmid"]] += study.total
        year[row.values["pmid"]] = row.values.get("year") or 0
    chosen: dict[int, str] = {}
    for pmid in cluster:
        best = chosen.get(cluster[pmid])
        if best is None or (size[pmid], year[pmid]) > (size[best], year[best]):
            chosen[cluster[pmid]] = pmid
    kept = set(chosen.values())
    return [(study, row) for study, row in entries if row.values["pmid"] in kept]


def row_proportion(row: StudyRow, code: str) -> pooling.Proportion | None:
    """The events/patients of one row's endpoint, from count/denominator or from the rate and the arm's n (not when
    the rate's sentence names a narrower denominator, `_SUBSET_CUES`)."""
    outcome = row.outcomes.get(code)
    if outcome is None:
        return None
    label = study_label(row)
    count, denominator, value = outcome.get("count"), outcome.get("denominator"), outcome.get("value")
    if denominator is not None:  # printed or inferred (denominators.py); without a count, the rate gives it
        return pooling.proportion(count, denominator, label) if count is not None \
            else pooling.from_rate(value, denominator, label)
    if count is not None:
        # A printed count with no denominator: the arm's n is its denominator only when the printed rate agrees;
        # otherwise the rate was of a subset (evaluable patients) whose size the abstract does not give.
        implied = _with_implied_denominator(outcome, row.n)
        return pooling.proportion(count, implied.get("denominator"), label)
    if _SUBSET_CUES.search((outcome.get("evidence") or {}).get("text") or outcome.get("text") or ""):
        return None  # the rate of a subset whose size the abstract does not give next to it
    return pooling.from_rate(value, row.n, label)


def study_label(row: StudyRow) -> str:
    """'Author year (arm)' for plots."""
    v = row.values
    who = " ".join(str(x) for x in (v.get("first_author") or f"PMID {v['pmid']}", v.get("year") or "") if x)
    return who + ("" if v.get("arm") in (None, "all") else f" ({v['arm']})")


def regimen_frame(rows: list[StudyRow], pooled: dict[tuple, pooling.Pooled]) -> pd.DataFrame:
    """The regimen table: one row per regimen, setting and population (`pool_group`), with its studies (trials,
    each counted once however many reports it has), reports (PMIDs), patients, ranges and pooled rates."""
    groups: dict[tuple, list[StudyRow]] = defaultdict(list)
    for row in rows:
        groups[pool_group(row)].append(row)
    out = []
    for (key, setting, population), members in groups.items():
        line = {
            "regimen": members[0].values["regimen"] or UNIDENTIFIED,
            "classes": members[0].values["classes"],
            "setting": setting,
            "population": population,
            **_trial_counts(members),
        }
        for code, _ in ENDPOINTS:
            values = [m.values[code] for m in members if m.values.get(code) is not None]
            line[f"{code}_range"] = _range(values, code)
            if code in PROPORTIONS:
                result = pooled.get((key, setting, population, code))
                line.update(_pooled_columns(code, result))
        out.append(line)
    frame = pd.DataFrame(out, columns=regimen_columns())
    return frame.sort_values(["classes", "regimen", "setting", "population"], na_position="last", kind="stable",
                             key=lambda s: s.fillna("~").astype(str).str.lower()).reset_index(drop=True)


def _trial_counts(members: list[StudyRow]) -> dict:
    """Studies (trials), reports (PMIDs) and patients of a regimen group: a trial's patients are those of its
    largest report, not the sum of its primary paper and its updates."""
    patients_of: dict[str, int] = defaultdict(int)
    for row in members:
        patients_of[row.values["pmid"]] += row.n or 0
    cluster = _trial_of(members)
    largest: dict[int, int] = {}
    for pmid, trial in cluster.items():
        largest[trial] = max(largest.get(trial, 0), patients_of[pmid])
    return {"studies": len(largest), "reports": len(cluster), "patients": sum(largest.values()) or None}


def _trial_of(rows: Iterable[StudyRow]) -> dict[str, int]:
    """Each report's (PMID's) trial, in first-seen order: the index of the first report sharing a registry number
    with it (`trials.same_trial_clusters`)."""
    ids: dict[str, tuple] = {}
    for row in rows:
        ids.setdefault(row.values["pmid"], row.values.get("_trial_ids", ()))
    return dict(zip(ids, trials.same_trial_clusters(list(ids.values()))))


def regimen_columns() -> list[str]:
    """Column order of the regimen table."""
    cols = ["regimen", "classes", "setting", "population", "studies", "reports", "patients"]
    for code, _ in ENDPOINTS:
        cols.append(f"{code}_range")
        if code in PROPORTIONS:
            cols += [f"{code}_pooled", f"{code}_ci_low", f"{code}_ci_high", f"{code}_i2", f"{code}_k",
                     f"{code}_pooled_cell"]
    return cols


def format_number(value: float | int | None) -> str:
    """92.0 -> '92', 38.70 -> '38.7', 0.714 -> '0.71', None -> ''."""
    if value is None:
        return ""
    value = float(value)
    if value.is_integer():
        return str(int(value))
    # Ratios and CIs below 10 keep two decimals (HR 0.71), rates and months one (38.7%).
    return f"{value:.2f}".rstrip("0").rstrip(".") if abs(value) < 10 else f"{value:.1f}".rstrip("0").rstrip(".")


def readable(outcome: dict) -> str:
    """A readable cell: '92% (44/48)', '7.7 mo', 'NR', '23% at 24 mo', '35-41%', with CI when printed."""
    code = outcome.get("endpoint", "")
    value, high = outcome.get("value"), outcome.get("value_max")
    if value is None:
        text = "NR" if code.endswith("_MEDIAN") or code == "DOR_MEDIAN" else ""
    else:
        text = format_number(value) + (f"–{format_number(high)}" if high is not None else "")
        text += " mo" if outcome.get("unit") == "months" or code.endswith("_MEDIAN") else "%"
    if outcome.get("count") is not None and outcome.get("denominator"):
        text += f" ({format_number(outcome['count'])}/{format_number(outcome['denominator'])})"
    elif outcome.get("count") is not None and not code.endswith("_MEDIAN"):
        text += f" (n={format_number(outcome['count'])})"
    elif outcome.get("denominator"):  # a percentage printed alone, of a printed or an inferred group size
        inferred = DENOMINATOR_INFERRED in (outcome.get("flags") or ())
        text += f" (of {format_number(outcome['denominator'])}{', inferred' if inferred else ''})"
    if outcome.get("timepoint_months") is not None and code.endswith("_RATE"):
        text += f" at {format_number(outcome['timepoint_months'])} mo"
    ci = outcome.get("ci95")
    if ci and len(ci) == 2 and None not in ci:
        text += f" [95% CI {format_number(ci[0])}–{format_number(ci[1])}]"
    return text + _marks(outcome)


def _row(record: dict, article: Article | None, arm: dict, own: list[dict], others: list[dict]) -> StudyRow:
    pmid = str(record.get("pmid") or record.get("id") or "")
    label = arm.get("label") or "all"
    curated = record.get("curated") or {}
    design = record.get("design") or {}
    drugs = [d for d in arm.get("drugs") or [] if d]
    trial_numbers = trials.trial_ids(article, _registries()) if article else tuple(record.get("trial_ids") or ())
    n = arm.get("n")
    if n is None and len(record.get("arms") or [None]) == 1:
        n = record.get("cohort_size")
    values = {
        "pmid": pmid,
        "first_author": article.first_author if article else record.get("first_author"),
        "year": article.year if article else record.get("year"),
        "journal": (article.journal_iso or article.journal) if article else record.get("journal"),
        "arm": label,
        # The arm's label is not a regimen ("B1", "ALL", "historical controls"): never shown as one.
        "regimen": arm.get("regimen") or (" + ".join(drugs) if drugs else None),
        "classes": "; ".join(arm.get("classes") or []) or None,
        "setting": record.get("setting"),
        "population": _population_text(record.get("population") or {}),
        "phase": design.get("phase"),
        "randomized": design.get("randomized"),
        "trial": "; ".join(trial_numbers) or None,
        "N": n,
        "median_age": record.get("median_age_years"),
        "median_follow_up": record.get("median_follow_up_months"),
        "url": PUBMED_URL.format(pmid=pmid),
        "_drugs": drugs,
        "_trial_ids": trial_numbers,
        "_pool_population": _pool_population(record.get("population") or {}),
    }
    if values["regimen"] is None:
        values["regimen"] = UNIDENTIFIED
    row = StudyRow(values, n=int(n) if isinstance(n, (int, float)) else None)
    scalar_ev = record.get("scalar_evidence") or {}
    for column, name in _SCALAR_COLUMNS.items():
        if column == "N" and arm.get("evidence"):
            row.sources["N"] = arm["evidence"]
        elif values[column] is not None and (column != "N" or n == record.get("cohort_size")):
            if name in scalar_ev:
                row.sources[column] = scalar_ev[name]
        if name in curated and (column != "N" or n == record.get("cohort_size")):
            row.sources[column] = {"curated": curated[name]}
    curated_cols = [f"{k} ({v.get('reviewer') or 'reviewer'})" for k, v in curated.items()
                    if not k.startswith("outcome:") and (not k.startswith("arm:") or k.split(":")[1] == label)]
    flags, notes = [], []
    for outcome in own:
        code = outcome["endpoint"]
        if code not in ENDPOINT_CODES:
            notes.append(f"{code}: {readable(outcome)}")
            continue
        if code in row.outcomes:
            notes.append(f"also {code}: {readable(outcome)}")
            continue
        row.outcomes[code] = outcome
        values[code] = outcome.get("value")
        values[f"{code}_cell"] = readable(_with_implied_denominator(outcome, row.n))
        row.sources[code] = outcome.get("evidence") or ({"curated": outcome["curated"]} if outcome.get("curated")
                                                         else {"text": outcome.get("text")})
        if code == "OS_RATE":
            values["OS_RATE_months"] = outcome.get("timepoint_months")
        if outcome.get("flags"):
            flags.append(f"{code}: {', '.join(outcome['flags'])}")
        if outcome.get("curated"):
            curated_cols.append(f"{code} ({outcome['curated'].get('reviewer') or 'reviewer'})")
    for outcome in others:
        group = "whole cohort" if outcome.get("arm") == "all" else outcome.get("arm")
        notes.append(f"{group}: {outcome['endpoint']} {readable(outcome)}")
    # One arm's hazard ratios, and a factor analysis' (`covariate`), compare groups inside the cohort ("first vs
    # later salvage"), not the regimens: beside a regimen's row they would read as its effect.
    between_arms = len(record.get("arms") or []) > 1
    hazard_ratios = _hazard_ratio_cells(record.get("comparisons") or [])
    _set_hazard_ratio(row, [(c, cell) for c, cell in hazard_ratios if between_arms and not c.get("covariate")])
    notes += [f"within the cohort: {cell}" for c, cell in hazard_ratios if not between_arms or c.get("covariate")]
    values["flags"] = "; ".join(flags) or None
    values["curated"] = "; ".join(curated_cols) or None
    values["notes"] = "; ".join(notes) or None
    return row


def _hazard_ratio_cells(comparisons: list[dict]) -> list[tuple[dict, str]]:
    """Each hazard ratio with its readable cell ('OS HR 0.71 (0.55–0.93), p=0.01'), the OS one first."""
    hrs = [c for c in comparisons if (c.get("measure") or "").upper() == "HR" and c.get("value") is not None]
    hrs.sort(key=lambda c: c.get("endpoint") != "OS")  # the OS hazard ratio first: it is what readers compare
    cells = []
    for c in hrs:
        text = " ".join(filter(None, [c.get("endpoint"), "HR", format_number(c["value"])]))
        ci = c.get("ci95")
        if ci and len(ci) == 2 and None not in ci:
            text += f" ({format_number(ci[0])}–{format_number(ci[1])})"
        if c.get("p"):
            p = str(c["p"])
            text += f", p{p}" if p[:1] in "<>=≤≥" else f", p={p}"
        cells.append((c, text + _marks(c)))
    return cells


def _set_hazard_ratio(row: StudyRow, cells: list[tuple[dict, str]]) -> None:
    if not cells:
        return
    first = cells[0][0]
    row.values["HR"] = first["value"]
    row.values["HR_cell"] = "; ".join(text for _, text in cells)
    row.sources["HR"] = first.get("evidence") or {"text": first.get("text")}


def _marks(value: dict) -> str:
    marks = ""
    # a denominator read from the group's size (extraction/denominators.py) is shown in the cell, not as a failed check
    failed = [flag for flag in value.get("flags") or () if flag != DENOMINATOR_INFERRED]
    if failed:
        marks += f" [flagged: {', '.join(failed)}]"
    if value.get("curated"):
        marks += " [curated]"
    return marks


def _with_implied_denominator(outcome: dict, n: int | None) -> dict:
    """A count printed without its denominator ("44 patients (92%)") is shown as 44/48 when the arm's n agrees
    with the printed rate (within the one point a rounded percentage allows); otherwise it stays n=44."""
    count, value = outcome.get("count"), outcome.get("value")
    if (outcome.get("denominator") or count is None or value is None or not n or outcome.get("unit") != "%"
            or abs(100 * count / n - value) > 1.0):
        return outcome
    return {**outcome, "denominator": n}


def _canonical(outcome: dict) -> dict:
    code = outcome.get("endpoint") or "OTHER"
    return {**outcome, "endpoint": _ALIASES.get(code, code), "arm": outcome.get("arm") or "all"}


def _population_text(population: dict) -> str | None:
    parts = []
    if population.get("age_group") not in (None, "unknown"):
        parts.append(population["age_group"])
    if population.get("ph_status") not in (None, "unknown"):
        parts.append({"any": "Ph any"}.get(population["ph_status"], f"Ph-{population['ph_status']}"))
    if population.get("lineage") not in (None, "unknown"):
        parts.append({"any": "any lineage"}.get(population["lineage"], f"{population['lineage']}-lineage"))
    return ", ".join(parts) or None


def _pool_population(population: dict) -> str | None:
    """The population as far as pooling goes: age group and Ph status ("adult, Ph-negative"); lineage is left out
    (the salvage regimens' targets, CD19 and CD22, already make most studies B-lineage)."""
    return _population_text({k: population.get(k) for k in ("age_group", "ph_status")})


def _population_matches(population: dict, wanted: str) -> bool:
    if "=" in wanted:
        key, value = (part.strip().lower() for part in wanted.split("=", 1))
        return str(population.get(key, "")).lower() == value
    return wanted.strip().lower() in {str(v).lower() for v in population.values()}


def _range(values: list[float], code: str) -> str | None:
    if not values:
        return None
    unit = " mo" if code in MEDIANS else "%"
    low, high = min(values), max(values)
    text = format_number(low) if low == high else f"{format_number(low)}–{format_number(high)}"
    return text + unit


def _pooled_columns(code: str, result: pooling.Pooled | None) -> dict:
    if result is None:
        return {f"{code}_{k}": None for k in ("pooled", "ci_low", "ci_high", "i2", "k", "pooled_cell")}
    i2 = None if result.i2 is None else round(100 * result.i2, 1)
    cell = (f"{format_number(round(100 * result.estimate, 1))}% (95% CI {format_number(round(100 * result.ci_low, 1))}"
            f"–{format_number(round(100 * result.ci_high, 1))}"
            + (f"; I² {format_number(i2)}%" if i2 is not None else "; single study, Wilson CI")
            + f"; k={result.k}, n={result.patients})")
    return {
        f"{code}_pooled": round(100 * result.estimate, 1), f"{code}_ci_low": round(100 * result.ci_low, 1),
        f"{code}_ci_high": round(100 * result.ci_high, 1), f"{code}_i2": i2, f"{code}_k": result.k,
        f"{code}_pooled_cell": cell,
    }


def _sorted(rows: list[StudyRow]) -> list[StudyRow]:
    """Studies by the regimen class of their first arm (the experimental one: arms come in the order the abstract
    introduces them), then year; a study's arms stay together in their order, so a randomized trial's control arm
    sits under its experimental arm, not among the other chemotherapy rows."""
    first: dict[str, StudyRow] = {}
    for row in rows:
        first.setdefault(row.values.get("pmid") or "", row)

    def key(indexed):
        index, row = indexed
        head = first[row.values.get("pmid") or ""].values
        return ((head.get("classes") or "~").lower(), head.get("year") or 9999, head.get("pmid") or "", index)

    return [row for _, row in sorted(enumerate(rows), key=key)]
