"""Curation: a reviewer's corrections, kept in an overrides file and applied to every later run.

The file is CSV with the header `pmid,target,value,reviewer,note` (lines starting with `#` are comments):

    pmid,target,value,reviewer,note
    30307611,cohort_size,48,A. Reviewer,enrolled not treated
    27292104,outcome:CR_CRi:arm=inotuzumab ozogamicin,80.7,A. Reviewer,the ITT figure
    27292104,outcome:OS_RATE:arm=all:timepoint=24,23,A. Reviewer,
    28249141,outcome:HSCT:arm=blinatumomab,delete,A. Reviewer,a subgroup figure
    28249141,setting,relapsed/refractory,A. Reviewer,

Targets: a scalar (`cohort_size`, `median_age_years`, `median_follow_up_months`), a label (`relevant`, `setting`,
`population.age_group|ph_status|lineage`, `design.phase`, `design.randomized`), an arm (`arm:<label>:n`,
`arm:<label>:regimen`), or an outcome (`outcome:<ENDPOINT>[:arm=<label>][:timepoint=<months>]`, arm `all` by
default). Outcome values: a number, `n/N` (count and denominator; the rate is computed), `NR` (median not
reached) or `delete`. A curated value carries `curated: {reviewer, note, previous, source}` and the tables mark it.
"""
from __future__ import annotations

import copy
import csv
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from extractor.errors import CurationError

HEADER = ["pmid", "target", "value", "reviewer", "note"]
SCALARS = ("cohort_size", "median_age_years", "median_follow_up_months")
LABELS = {
    "relevant": None, "setting": {"first salvage", "relapsed/refractory", "second or later salvage", "frontline",
                                  "MRD-positive remission", "other"},
    "population.age_group": {"adult", "pediatric", "mixed", "older adult", "unknown"},
    "population.ph_status": {"negative", "positive", "any", "unknown"},
    "population.lineage": {"B", "T", "any", "unknown"},
    "design.phase": {"1", "1/2", "2", "3", "retrospective", "pooled", "unknown"},
    "design.randomized": None,
}
ENDPOINTS = {
    "CR", "CR_CRi", "ORR", "MRD_NEG", "OS_MEDIAN", "PFS_MEDIAN", "EFS_MEDIAN", "RFS_MEDIAN", "DOR_MEDIAN",
    "OS_RATE", "PFS_RATE", "EFS_RATE", "RFS_RATE", "HSCT", "VOD", "CRS", "NEURO", "EARLY_DEATH", "OTHER",
}
_BOOLS = {"true": True, "yes": True, "1": True, "false": False, "no": False, "0": False}


@dataclass(frozen=True)
class Override:
    """One parsed line of the overrides file."""

    pmid: str
    target: str
    value: object
    reviewer: str
    note: str
    source: str  # file:line

    def mark(self, previous) -> dict:
        return {"reviewer": self.reviewer, "note": self.note, "previous": previous, "source": self.source}


class Overrides:
    """All overrides of a file, by PMID; `apply` returns a corrected copy of a record.

    Example:
        >>> overrides = load_overrides(Path("curation.csv"))
        >>> records = [overrides.apply(r) for r in records]
    """

    def __init__(self, items: list[Override] | None = None):
        self.by_pmid: dict[str, list[Override]] = defaultdict(list)
        for item in items or []:
            self.by_pmid[item.pmid].append(item)

    def __len__(self) -> int:
        return sum(len(v) for v in self.by_pmid.values())

    def apply(self, record: dict) -> dict:
        """The record with every override of its PMID applied (the input is not changed)."""
        items = self.by_pmid.get(str(record.get("pmid")))
        if not items:
            return record
        record = copy.deepcopy(record)
        for item in items:
            _apply_one(record, item)
        return record

    def unmatched(self, seen_pmids: set[str]) -> list[Override]:
        """Overrides whose PMID was not among the records (probably a typo, or a filtered-out study)."""
        return [o for pmid, items in self.by_pmid.items() if pmid not in seen_pmids for o in items]


def load_overrides(path: Path) -> Overrides:
    """Parse an overrides CSV, reporting every bad line at once.

    Raises:
        CurationError: naming file:line and what is wrong, for each bad line.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise CurationError(f"cannot read overrides file {path}: {exc.strerror}") from None
    reader = csv.reader(text.splitlines())
    problems, items, header_seen = [], [], False
    for cells in reader:
        where = f"{path}:{reader.line_num}"
        if not cells or not "".join(cells).strip() or cells[0].lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in cells]
        if not header_seen:
            header_seen = True
            if [c.lower() for c in cells[: len(HEADER)]] != HEADER:
                problems.append(f"{where}: the first line must be the header {','.join(HEADER)}")
                break
            continue
        try:
            items.append(_parse_line(cells, where))
        except ValueError as exc:
            problems.append(f"{where}: {exc}")
    if problems:
        raise CurationError("invalid overrides:\n  " + "\n  ".join(problems))
    return Overrides(items)


def _parse_line(cells: list[str], where: str) -> Override:
    if len(cells) < 3:
        raise ValueError(f"expected {','.join(HEADER)}, got {len(cells)} field(s)")
    cells = cells + [""] * (len(HEADER) - len(cells))
    pmid, target, raw, reviewer, note = cells[:5]
    if not pmid.isdigit():
        raise ValueError(f"PMID {pmid!r} is not a number")
    if not target:
        raise ValueError("empty target; give e.g. cohort_size or outcome:CR_CRi:arm=all")
    return Override(pmid, target, _parse_value(target, raw), reviewer, note, where)


def _parse_value(target: str, raw: str):
    if target in SCALARS:
        return _number(raw, target, allow_null=True)
    if target in LABELS:
        allowed = LABELS[target]
        if allowed is None:
            if raw.lower() not in _BOOLS:
                raise ValueError(f"{target} takes true or false, not {raw!r}")
            return _BOOLS[raw.lower()]
        if raw not in allowed:
            raise ValueError(f"{target} must be one of {', '.join(sorted(allowed))}; got {raw!r}")
        return raw
    if target.startswith("arm:"):
        parts = target.split(":")
        if len(parts) != 3 or parts[2] not in ("n", "regimen") or not parts[1]:
            raise ValueError(f"arm target {target!r} must be arm:<label>:n or arm:<label>:regimen")
        return _number(raw, target, allow_null=True) if parts[2] == "n" else raw
    if target.startswith("outcome:"):
        _outcome_key(target)
        return _outcome_value(raw, target)
    raise ValueError(f"unknown target {target!r}; use a scalar ({', '.join(SCALARS)}), a label "
                     f"({', '.join(LABELS)}), arm:<label>:n|regimen or outcome:<ENDPOINT>[:arm=..][:timepoint=..]")


def _outcome_key(target: str) -> tuple[str, str, float | None]:
    parts = target.split(":")
    endpoint = parts[1] if len(parts) > 1 else ""
    if endpoint not in ENDPOINTS:
        raise ValueError(f"unknown endpoint {endpoint!r} in {target!r}; use one of {', '.join(sorted(ENDPOINTS))}")
    arm, timepoint = "all", None
    for part in parts[2:]:
        key, _, value = part.partition("=")
        if key == "arm" and value:
            arm = value
        elif key == "timepoint" and value:
            timepoint = _number(value, target)
        else:
            raise ValueError(f"{part!r} in {target!r}: expected arm=<label> or timepoint=<months>")
    return endpoint, arm, timepoint


def _outcome_value(raw: str, target: str):
    if raw.lower() in ("delete", "nr"):
        return raw.lower()
    if "/" in raw:
        count, _, denominator = raw.partition("/")
        count_n, denom_n = _number(count, target), _number(denominator, target)
        if not denom_n or count_n > denom_n or count_n < 0:
            raise ValueError(f"{raw!r} is not a count out of a denominator")
        return (count_n, denom_n)
    return _number(raw, target)


def _number(raw: str, target: str, allow_null: bool = False):
    if allow_null and raw.lower() in ("", "null", "none"):
        return None
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"{target} needs a number, got {raw!r}") from None
    return int(value) if value.is_integer() else value


def _apply_one(record: dict, item: Override) -> None:
    target, curated = item.target, record.setdefault("curated", {})
    if target in SCALARS or target in LABELS:
        holder, key = record, target
        if "." in target:
            head, key = target.split(".", 1)
            holder = record.setdefault(head, {})
        curated[target] = item.mark(holder.get(key))
        holder[key] = item.value
    elif target.startswith("arm:"):
        _, label, key = target.split(":")
        arm = next((a for a in record.get("arms") or [] if (a.get("label") or "all") == label), None)
        if arm is None:
            arm = {"label": label, "drugs": [], "n": None}
            record.setdefault("arms", []).append(arm)
        curated[target] = item.mark(arm.get(key))
        arm[key] = item.value
    else:
        _apply_outcome(record, item)


def _apply_outcome(record: dict, item: Override) -> None:
    endpoint, arm, timepoint = _outcome_key(item.target)
    outcomes = record.setdefault("outcomes", [])
    matches = [o for o in outcomes if o.get("endpoint") == endpoint and (o.get("arm") or "all") == arm
               and (timepoint is None or o.get("timepoint_months") == timepoint)]
    if item.value == "delete":
        record["outcomes"] = [o for o in outcomes if not any(o is m for m in matches)]
        record["curated"][item.target] = item.mark([m.get("value") for m in matches])
        return
    if not matches:
        unit = "months" if endpoint.endswith("_MEDIAN") else "%"
        outcome = {"arm": arm, "endpoint": endpoint, "value": None, "unit": unit, "count": None,
                   "denominator": None, "timepoint_months": timepoint, "ci95": None, "flags": []}
        outcomes.append(outcome)
        matches = [outcome]
    outcome = matches[0]
    previous = {k: outcome.get(k) for k in ("value", "count", "denominator")}
    if item.value == "nr":
        outcome["value"] = None
    elif isinstance(item.value, tuple):
        count, denominator = item.value
        outcome.update(value=round(100 * count / denominator, 1), count=count, denominator=denominator,
                       computed=True)
    else:
        outcome["value"] = item.value
    outcome["flags"] = []  # the flags were about the extracted value, which the reviewer replaced
    outcome["curated"] = item.mark(previous)
    record["curated"][item.target] = outcome["curated"]
