"""Score predictions (JSON Lines) against the gold annotations, as ../shared/corpus/SCHEMA.md prescribes.

Facts are compared as multisets per article; each fact is a key:

- outcome: (endpoint, value, timepoint_months). `DFS`/`LFS` endpoints count as `RFS` (`DFS_RATE` -> `RFS_RATE`).
  `OTHER` outcomes are not scored on either side. A null value ("not reached") is part of the key. A value that
  is null while count and denominator are given is the rate 100 * count / denominator.
- dose: (first word of the drug name, lowercased; dose; unit without spaces, with `m²` = `m2` and
  `mcg` = `ug` = `µg` = `μg`). Set semantics: each distinct triple counts once per article, on both sides.
  A null dose or unit is part of the key, as a null outcome value is.
- comparison: (measure, value) where the measure starts with HR, OR or RR (or "hazard ratio", "odds ratio",
  "relative risk", "risk ratio"), so gold measures such as "HR InO vs SC" count as HR. A comparison without a
  recognised measure or without a value (a p-value alone) is not a fact.
- scalar: (name, value) for cohort_size, median_age_years and median_follow_up_months when not null; a
  predicted non-null scalar where gold is null is spurious.

Every number (values, time points, doses, counts, denominators, CI bounds) is rounded to 0.1, half away from
zero, in decimal arithmetic on the number as written (so 0.05 -> 0.1 and 2.675 is 2.675, not a binary float
below it). Ints, floats and numeric strings are accepted; anything else (text, booleans, NaN) is "unparsed":
it equals nothing, so such a fact can only be missed or spurious, never matched.

Matched facts are then checked for their attributes, each as an accuracy over the matched facts whose gold
has the attribute (not null): `arm` (outcomes; compared case-insensitively after collapsing whitespace, and
reported again for multi-arm studies, i.e. gold articles with two or more arms; and, as a second looser
measure beside it, after mapping both labels through the regimen lexicon, see `lexicon_arm`; and, as a third, the
content words of one label within the other's, see `content_arm_agrees`), `count`, `denominator` and
`ci95` (outcomes and comparisons; both bounds equal after the same 0.1 rounding as the values, because SCHEMA
gives one precision for all numbers and a CI checked more finely than its own point estimate would be
incoherent). Within one key, gold and predicted facts are paired so that the number of agreeing attributes
is maximal (an optimal assignment, not a greedy one).

Labels (`relevant`, `setting`, population and design fields) are scored by accuracy over the gold articles
that have a prediction line; strings are compared case-insensitively after collapsing whitespace, and an
integer phase equals its digits. Each label also reports the accuracy that counts missing articles as wrong.

Articles: predictions are matched to gold by PMID through the index. A gold article without a prediction
line has all its facts missed and is listed under missing articles. A prediction whose PMID is not in the
gold is listed and ignored: its facts are not counted as spurious.

Example:
    evaluation = evaluate(Path("gold"), Path("articles.index.json"), Path("output/predictions.jsonl"))
    print(format_report(evaluation, verbose=True))
"""
from __future__ import annotations

from functools import lru_cache

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from pathlib import Path
from typing import Any, NamedTuple

from .errors import UsageError

KINDS = ("outcome", "dose", "comparison", "scalar")
SCALARS = ("cohort_size", "median_age_years", "median_follow_up_months")
LABELS = (
    "relevant",
    "setting",
    "population.age_group",
    "population.ph_status",
    "population.lineage",
    "design.phase",
    "design.randomized",
)
ATTRIBUTES = ("arm", "arm_multi_arm", "arm_lexicon", "arm_lexicon_multi_arm", "arm_content", "arm_content_multi_arm",
              "count", "denominator", "ci95")
KEY_FIELDS = {
    "outcome": ("endpoint", "value", "timepoint_months"),
    "dose": ("drug", "dose", "unit"),
    "comparison": ("measure", "value"),
    "scalar": ("name", "value"),
}
MULTI_ARM_MIN = 2

_LISTS = ("arms", "outcomes", "doses", "comparisons")
_OBJECTS = ("population", "design")
_TENTH = Decimal("0.1")
_RFS_ALIAS = re.compile(r"^(?:DFS|LFS)(?=_|$)")
_MEASURE = re.compile(r"\s*(HR|OR|RR|hazard ratio|odds ratio|relative risk|risk ratio)\b", re.IGNORECASE)
_MEASURE_NAMES = {"hazard ratio": "HR", "odds ratio": "OR", "relative risk": "RR", "risk ratio": "RR"}
_MICROGRAM = {"mcg", "ug", "\u00b5g", "\u03bcg"}  # micro sign U+00B5 and Greek mu U+03BC look alike


# ---------------------------------------------------------------------------------------------------------
# Normalising values


class Unparsed:
    """A value that is not a number (or not text where text is due): it equals nothing but itself."""

    __slots__ = ("raw",)

    def __init__(self, raw: Any):
        self.raw = raw

    def __repr__(self) -> str:
        return f"unparsed {self.raw!r}"


def _to_decimal(value: Any) -> Decimal | None:
    """The exact decimal a JSON number or numeric string denotes, or None if it is not a finite number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        # repr gives the shortest text that reads back as this float, i.e. the number as it was written.
        text = repr(value)
    elif isinstance(value, str):
        text = value.strip()
    else:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _quantize(number: Decimal) -> Decimal | None:
    with localcontext() as context:
        context.prec = 60
        try:
            rounded = number.quantize(_TENTH, rounding=ROUND_HALF_UP)
        except InvalidOperation:
            return None
    # -0.04 rounds to -0.0; it equals 0.0 already, but should also read as 0.0 in reports.
    return rounded if rounded else Decimal("0.0")


def round_tenth(value: Any) -> Decimal | Unparsed | None:
    """Round a number to 0.1, half away from zero.

    Args:
        value: an int, float or numeric string; None stays None.

    Returns:
        The rounded Decimal, None for None, or `Unparsed` for anything that is not a finite number.
    """
    if value is None:
        return None
    number = _to_decimal(value)
    rounded = None if number is None else _quantize(number)
    return Unparsed(value) if rounded is None else rounded


def _rate(outcome: dict) -> Decimal | Unparsed | None:
    """The outcome's value, or its count/denominator percentage when only those are given."""
    value = outcome.get("value")
    count, denominator = outcome.get("count"), outcome.get("denominator")
    if value is not None or count is None or denominator is None:
        return round_tenth(value)
    count_number, denominator_number = _to_decimal(count), _to_decimal(denominator)
    if count_number is None or not denominator_number:
        return Unparsed(f"{count}/{denominator}")
    with localcontext() as context:
        context.prec = 60
        percent = count_number * 100 / denominator_number
    rounded = _quantize(percent)
    return Unparsed(f"{count}/{denominator}") if rounded is None else rounded


def normalise_endpoint(endpoint: Any) -> str | Unparsed:
    """The endpoint code with DFS and LFS read as RFS (`DFS_RATE` -> `RFS_RATE`)."""
    if not isinstance(endpoint, str) or not endpoint.strip():
        return Unparsed(endpoint)
    return _RFS_ALIAS.sub("RFS", endpoint.strip())


def normalise_drug(drug: Any) -> str | Unparsed:
    """The first word of a drug name, lowercased (`Inotuzumab ozogamicin` -> `inotuzumab`)."""
    if not isinstance(drug, str) or not drug.split():
        return Unparsed(drug)
    return drug.split()[0].lower()


def normalise_unit(unit: Any) -> str | Unparsed | None:
    """A dose unit without spaces, `m²` as `m2` and every microgram spelling as `µg` (`mcg / m²` -> `µg/m2`)."""
    if unit is None:
        return None
    if not isinstance(unit, str):
        return Unparsed(unit)
    parts = "".join(unit.split()).replace("\u00b2", "2").split("/")
    return "/".join("\u00b5g" if part.lower() in _MICROGRAM else part for part in parts)


def normalise_measure(measure: Any) -> str | None:
    """HR, OR or RR when the measure text starts with one of them (`HR InO vs SC` -> `HR`), else None."""
    if not isinstance(measure, str):
        return None
    found = _MEASURE.match(measure)
    if found is None:
        return None
    word = found.group(1).lower()
    return _MEASURE_NAMES.get(word, word.upper())


def normalise_arm(arm: Any) -> str | Unparsed | None:
    """An arm label compared case-insensitively with whitespace collapsed."""
    if arm is None:
        return None
    if not isinstance(arm, str):
        return Unparsed(arm)
    return " ".join(arm.split()).casefold()


@lru_cache(maxsize=1)
def _drug_synonyms() -> tuple[tuple[re.Pattern, str], ...]:
    """Every string DRUG pattern of the repo's patterns/drugs.jsonl with its canonical id, longest first."""
    from extractor.config import Settings
    from extractor.patterns import load_rules

    pairs = {(r.pattern.lower().translate(_HYPHENS), r.id.lower()) for r in load_rules(Settings().patterns_dir)
             if r.label == "DRUG" and isinstance(r.pattern, str)}
    return tuple((re.compile(r"(?<![\w])" + re.escape(p) + r"(?![\w])"), i)
                 for p, i in sorted(pairs, key=lambda x: -len(x[0])))


_HYPHENS = str.maketrans({"‐": "-", "‑": "-", "–": "-", "—": "-"})


def lexicon_arm(arm: Any) -> str | None:
    """A second, looser arm comparison (reported beside the exact one, never instead of it): both labels mapped
    through the regimen lexicon, so that a synonym, abbreviation or brand of the same regimen agrees ("InO" and
    "inotuzumab ozogamicin", "HCVAD" and "hyper-CVAD", "daunomycin" and "daunorubicin"). Lower case, hyphens
    as spaces, each drug synonym replaced by its canonical id (longest synonym first), a trailing bracket that
    only restates the arm's schedule or study dropped ("B1 (epratuzumab weekly ×4)" -> "b1")."""
    if not isinstance(arm, str):
        return None
    text = " ".join(arm.lower().translate(_HYPHENS).split())
    text = re.sub(r"\s?\([^()]*\)$", "", text) or text
    marks = []
    for pattern, canonical in _drug_synonyms():
        def mark(m, canonical=canonical):
            marks.append(canonical)
            return f"\x00{len(marks) - 1}\x00"
        text = pattern.sub(mark, text)
    text = re.sub(r"\x00(\d+)\x00", lambda m: marks[int(m.group(1))], text)
    return " ".join(text.replace("-", " ").split())


_COMPARISON_WORDS = ((r"(?:>\s?or\s?=|=\s?>|≥)\s?(?=\d)", ">="), (r"(?:<\s?or\s?=|=\s?<|≤)\s?(?=\d)", "<="),
                     (r"\b(?:at least|no less than)\s(?=\d)", ">="),
                     (r"\b(?:less than|shorter than|younger than|fewer than|under|below)\s(?=\d)", "<"),
                     (r"\b(?:more than|longer than|older than|greater than|over|above)\s(?=\d)", ">"),
                     (r"(\d+(?:\.\d+)?)\s(years?|months?)\sor\s(?:older|more|longer)\b", r">=\1 \2"),
                     (r"(\d+(?:\.\d+)?)\s(years?|months?)\sor\s(?:younger|less|shorter)\b", r"<=\1 \2"),
                     (r"\bnon-?responders\b", "nonresponders"), (r"\bwithout\b", "no"))
_FUNCTION_WORDS = frozenset({"patients", "patient", "subjects", "group", "groups", "arm", "arms", "cohort", "subgroup",
                             "with", "in", "of", "the", "a", "an", "and", "who", "those", "treated", "receiving",
                             "received", "aged", "age", "old"})


def _content_words(arm: str) -> frozenset[str]:
    text = lexicon_arm(arm) or ""
    for pattern, replacement in _COMPARISON_WORDS:
        text = re.sub(pattern, replacement, text)
    words = re.findall(r"[\w+\-<>=/.%^×]+", text)
    return frozenset(w.strip(".") for w in words if w.strip(".") and w not in _FUNCTION_WORDS)


def content_arm_agrees(gold: Any, pred: Any, gold_arms: frozenset[str] = frozenset()) -> bool:
    """A third arm comparison (reported beside the exact and lexicon-mapped ones, never instead): after the lexicon
    mapping (`lexicon_arm`) and comparison phrases as symbols ("aged 65 years or older" = "aged >=65 years",
    "≥" = ">="), the content words (group words such as patients/group/cohort, prepositions and articles left out)
    of one label are all among the other's ("MRD+ group" ~ "MRD+", "primary analysis, responders" ~ "responders").
    Two guards keep it from rewarding a missing subgroup: `all` agrees only with `all`, and a label that is one of
    the gold study's own arm labels never covers a longer label ("inotuzumab ozogamicin" does not agree with
    "inotuzumab ozogamicin, BMB <50%": that value is a subgroup's, not the arm's)."""
    if not isinstance(gold, str) or not isinstance(pred, str):
        return False
    g, p = _content_words(gold), _content_words(pred)
    if not g or not p:
        return lexicon_arm(gold) == lexicon_arm(pred)
    if g == p:
        return True
    if "all" in (lexicon_arm(gold), lexicon_arm(pred)):
        return False
    smaller, label = (g, gold) if len(g) < len(p) else (p, pred)
    if not smaller <= (p if smaller is g else g):
        return False
    arms = {_content_words(a) for a in gold_arms}
    return smaller not in arms


def _normalise_ci(ci95: Any) -> tuple | Unparsed | None:
    if ci95 is None:
        return None
    if not isinstance(ci95, (list, tuple)):
        return Unparsed(ci95)
    return tuple(round_tenth(bound) for bound in ci95)


def _normalise_label(value: Any) -> Any:
    if isinstance(value, str):
        return " ".join(value.split()).casefold()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)  # a phase given as 2 means "2"
    return value


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, Unparsed):
        return f"unparsed: {value.raw!r}"
    if isinstance(value, tuple):
        return [_jsonable(item) for item in value]
    return value


def _show(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, Unparsed):
        return f"<{value!r}>"
    return str(value)


# ---------------------------------------------------------------------------------------------------------
# Results


@dataclass(frozen=True)
class PRF:
    """True positives, false positives and false negatives, with the scores; a score is None when undefined."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        # 2TP / (2TP + FP + FN) is the harmonic mean of P and R, and stays defined (0) when TP is 0.
        total = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / total if total else None

    def to_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass(frozen=True)
class Accuracy:
    """Correct out of n; accuracy is None when n is 0."""

    correct: int = 0
    n: int = 0

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.n if self.n else None

    def to_dict(self) -> dict:
        return {"correct": self.correct, "n": self.n, "accuracy": self.accuracy}


@dataclass(frozen=True)
class LabelAccuracy(Accuracy):
    """Accuracy over predicted gold articles; `missing` gold articles without a prediction are not in n."""

    missing: int = 0

    @property
    def accuracy_counting_missing(self) -> float | None:
        total = self.n + self.missing
        return self.correct / total if total else None

    def to_dict(self) -> dict:
        return {**super().to_dict(), "missing": self.missing,
                "accuracy_counting_missing": self.accuracy_counting_missing}


@dataclass(frozen=True)
class Fact:
    """One scored fact: its article, kind, normalised key, arm, and the gold text or predicted evidence."""

    article_id: str
    pmid: str
    kind: str
    key: tuple
    text: str | None = None
    arm: Any = None

    def key_dict(self) -> dict:
        return {name: _jsonable(part) for name, part in zip(KEY_FIELDS[self.kind], self.key)}

    def describe(self) -> str:
        """The key in a short readable form, e.g. `OS_RATE 54.0 at 24.0 months [arm: all]`."""
        parts = [_show(part) for part in self.key]
        if self.kind == "outcome":
            when = "" if self.key[2] is None else f" at {parts[2]} months"
            where = "" if self.arm is None else f" [arm: {self.arm}]"
            return f"{parts[0]} {parts[1]}{when}{where}"
        return " ".join(parts)

    def to_dict(self) -> dict:
        return {"article_id": self.article_id, "pmid": self.pmid, "kind": self.kind, "key": self.key_dict(),
                "arm": self.arm, "text": self.text}


@dataclass(frozen=True)
class AttributeMismatch:
    """A matched fact whose attribute differs between gold and prediction (values as written)."""

    fact: Fact
    attribute: str
    gold: Any
    predicted: Any

    def to_dict(self) -> dict:
        return {"fact": self.fact.to_dict(), "attribute": self.attribute, "gold": self.gold,
                "predicted": self.predicted}


@dataclass(frozen=True)
class ArticleRef:
    """A gold article: its id and PMID."""

    id: str
    pmid: str


@dataclass(frozen=True)
class ExtraPrediction:
    """A prediction line whose PMID is not in the gold; it is ignored, not counted as spurious."""

    pmid: str
    line: int


@dataclass
class Evaluation:
    """Everything `evaluate` measured; `to_dict()` gives it as JSON-ready data."""

    n_gold_articles: int
    n_predicted_articles: int
    overall: PRF
    by_kind: dict[str, PRF]
    by_endpoint: dict[str, PRF]
    labels: dict[str, LabelAccuracy]
    attributes: dict[str, Accuracy]
    missing_articles: list[ArticleRef] = field(default_factory=list)
    extra_predictions: list[ExtraPrediction] = field(default_factory=list)
    missed: list[Fact] = field(default_factory=list)
    spurious: list[Fact] = field(default_factory=list)
    attribute_mismatches: list[AttributeMismatch] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "n_gold_articles": self.n_gold_articles,
            "n_predicted_articles": self.n_predicted_articles,
            "overall": self.overall.to_dict(),
            "by_kind": {kind: prf.to_dict() for kind, prf in self.by_kind.items()},
            "by_endpoint": {code: prf.to_dict() for code, prf in self.by_endpoint.items()},
            "labels": {name: acc.to_dict() for name, acc in self.labels.items()},
            "attributes": {name: acc.to_dict() for name, acc in self.attributes.items()},
            "missing_articles": [{"id": a.id, "pmid": a.pmid} for a in self.missing_articles],
            "extra_predictions": [{"pmid": e.pmid, "line": e.line, "note": "ignored, not counted as spurious"}
                                  for e in self.extra_predictions],
            "missed": [fact.to_dict() for fact in self.missed],
            "spurious": [fact.to_dict() for fact in self.spurious],
            "attribute_mismatches": [m.to_dict() for m in self.attribute_mismatches],
        }


# ---------------------------------------------------------------------------------------------------------
# Reading input


def _read_json(path: Path, what: str) -> Any:
    if not path.is_file():
        raise UsageError(f"{what} not found: {path}")
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError as err:
        raise UsageError(f"{path}: not UTF-8 text ({err.reason} at byte {err.start})") from None
    except json.JSONDecodeError as err:
        raise UsageError(f"{path}:{err.lineno}: invalid JSON ({err.msg} at column {err.colno})") from None


def _pmid(value: Any) -> str | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def read_index(index_file: Path) -> dict[str, str]:
    """Map gold id -> PMID from the index: a list of objects with `id` and `pmid`, or an object id -> pmid.

    Raises:
        UsageError: the file is missing or invalid, or an id or PMID appears twice.
    """
    data = _read_json(Path(index_file), "index file")
    if isinstance(data, dict):
        entries = list(data.items())
    elif isinstance(data, list):
        entries = [_index_entry(entry) for entry in data]
    else:
        raise UsageError(f"{index_file}: expected a list of {{id, pmid}} objects")
    pmids: dict[str, str] = {}
    for number, (article_id, raw_pmid) in enumerate(entries, 1):
        pmid = _pmid(raw_pmid)
        if not isinstance(article_id, str) or pmid is None:
            raise UsageError(f"{index_file}: entry {number} lacks a string id or a pmid")
        if article_id in pmids:
            raise UsageError(f"{index_file}: id {article_id!r} appears twice")
        pmids[article_id] = pmid
    if len(set(pmids.values())) != len(pmids):
        twice = [p for p, n in Counter(pmids.values()).items() if n > 1]
        raise UsageError(f"{index_file}: pmid {twice[0]} belongs to more than one id")
    return pmids


def _index_entry(entry: Any) -> tuple[Any, Any]:
    if not isinstance(entry, dict):
        return None, None
    return entry.get("id"), entry.get("pmid")


def _check_shape(doc: dict, where: str) -> None:
    """Reject structure we cannot score (a list that is not a list of objects); odd values are scored as such."""
    for name in _LISTS:
        records = doc.get(name)
        if records is not None and not (isinstance(records, list) and all(isinstance(r, dict) for r in records)):
            raise UsageError(f"{where}: '{name}' must be a list of objects")
    for name in _OBJECTS:
        if doc.get(name) is not None and not isinstance(doc[name], dict):
            raise UsageError(f"{where}: '{name}' must be an object")


def _read_gold_file(path: Path) -> dict:
    doc = _read_json(path, "gold file")
    if not isinstance(doc, dict):
        raise UsageError(f"{path}: a gold file must hold one JSON object")
    article_id = doc.setdefault("id", path.stem)
    if article_id != path.stem:
        # A mismatch is most likely a copied file; scoring it would silently grade the wrong article.
        raise UsageError(f"{path}: id {article_id!r} does not match the file name")
    _check_shape(doc, str(path))
    return doc


def load_gold(gold_dir: Path, index_file: Path) -> dict[str, dict]:
    """Read every `<id>.json` gold file and key it by the PMID the index gives for its id.

    Args:
        gold_dir: directory of gold files, one JSON object per article, each with its `id`.
        index_file: articles.index.json, mapping each gold id to its PMID.

    Returns:
        PMID -> gold document, in file-name order.

    Raises:
        UsageError: the directory or index is missing, a file is invalid, or an id is not in the index.
    """
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise UsageError(f"gold directory not found: {gold_dir}")
    pmids = read_index(Path(index_file))
    paths = sorted(gold_dir.glob("*.json"))
    if not paths:
        raise UsageError(f"{gold_dir}: no gold files (*.json)")
    gold: dict[str, dict] = {}
    for path in paths:
        doc = _read_gold_file(path)
        if doc["id"] not in pmids:
            raise UsageError(f"{path}: id {doc['id']!r} is not in the index {index_file}")
        gold[pmids[doc["id"]]] = doc
    return gold


def _parse_line(raw: bytes, where: str) -> dict:
    try:
        doc = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as err:
        raise UsageError(f"{where}: not UTF-8 text ({err.reason} at byte {err.start})") from None
    except json.JSONDecodeError as err:
        raise UsageError(f"{where}: invalid JSON ({err.msg} at column {err.colno})") from None
    if not isinstance(doc, dict):
        raise UsageError(f"{where}: expected one JSON object per line, got {type(doc).__name__}")
    _check_shape(doc, where)
    return doc


def read_predictions(pred_file: Path) -> dict[str, tuple[int, dict]]:
    """Read a predictions JSONL file into PMID -> (line number, prediction); blank lines are skipped.

    Raises:
        UsageError: the file is missing, or a line is not a JSON object with a pmid, or a PMID repeats.
    """
    pred_file = Path(pred_file)
    if not pred_file.is_file():
        raise UsageError(f"prediction file not found: {pred_file}")
    # Split bytes, not text: str.splitlines would also break at U+2028 inside a JSON string.
    lines = pred_file.read_bytes().removeprefix(b"\xef\xbb\xbf").splitlines()
    predictions: dict[str, tuple[int, dict]] = {}
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        where = f"{pred_file}:{number}"
        doc = _parse_line(raw, where)
        pmid = _pmid(doc.get("pmid"))
        if pmid is None:
            raise UsageError(f"{where}: missing or invalid 'pmid'")
        if pmid in predictions:
            raise UsageError(f"{where}: pmid {pmid} again (first on line {predictions[pmid][0]})")
        predictions[pmid] = (number, doc)
    return predictions


# ---------------------------------------------------------------------------------------------------------
# Facts


class _Item(NamedTuple):
    """A fact with what its pairing needs: normalised attributes and the record as written."""

    fact: Fact
    attrs: dict
    record: dict


def _snippet(record: dict) -> str | None:
    evidence = record.get("evidence")
    if isinstance(evidence, dict) and isinstance(evidence.get("text"), str):
        return evidence["text"]
    return record.get("text") if isinstance(record.get("text"), str) else None


def _outcome_items(doc: dict, article: ArticleRef) -> list[_Item]:
    items = []
    for record in doc.get("outcomes") or []:
        endpoint = normalise_endpoint(record.get("endpoint"))
        if endpoint == "OTHER":
            continue  # SCHEMA: OTHER outcomes are named in the evidence but not scored
        key = (endpoint, _rate(record), round_tenth(record.get("timepoint_months")))
        attrs = {"arm": normalise_arm(record.get("arm")), "count": round_tenth(record.get("count")),
                 "denominator": round_tenth(record.get("denominator")), "ci95": _normalise_ci(record.get("ci95"))}
        fact = Fact(article.id, article.pmid, "outcome", key, _snippet(record), record.get("arm"))
        items.append(_Item(fact, attrs, record))
    return items


def _dose_items(doc: dict, article: ArticleRef) -> list[_Item]:
    items: dict[tuple, _Item] = {}
    for record in doc.get("doses") or []:
        key = (normalise_drug(record.get("drug")), round_tenth(record.get("dose")), normalise_unit(record.get("unit")))
        # Set semantics: a dose repeated in the abstract (or by the extractor) is one fact; keep the first.
        items.setdefault(key, _Item(Fact(article.id, article.pmid, "dose", key, _snippet(record)), {}, record))
    return list(items.values())


def _comparison_items(doc: dict, article: ArticleRef) -> list[_Item]:
    items = []
    for record in doc.get("comparisons") or []:
        measure = normalise_measure(record.get("measure"))
        if measure is None or record.get("value") is None:
            continue  # a p-value alone, or a measure other than HR/OR/RR, is not a comparison fact
        key = (measure, round_tenth(record.get("value")))
        fact = Fact(article.id, article.pmid, "comparison", key, _snippet(record))
        items.append(_Item(fact, {"ci95": _normalise_ci(record.get("ci95"))}, record))
    return items


def _scalar_items(doc: dict, article: ArticleRef) -> list[_Item]:
    items = []
    for name in SCALARS:
        if doc.get(name) is not None:
            key = (name, round_tenth(doc[name]))
            items.append(_Item(Fact(article.id, article.pmid, "scalar", key), {}, {}))
    return items


def _items(doc: dict, article: ArticleRef) -> list[_Item]:
    return (_outcome_items(doc, article) + _dose_items(doc, article)
            + _comparison_items(doc, article) + _scalar_items(doc, article))


# ---------------------------------------------------------------------------------------------------------
# Pairing and scoring


def _agreement(gold: _Item, pred: _Item) -> int:
    """How many of the attributes gold has (not null) the prediction repeats."""
    return sum(1 for name, value in gold.attrs.items() if value is not None and pred.attrs.get(name) == value)


def _assignment(weights: list[list[int]]) -> list[tuple[int, int]]:
    """Pairs (row, column) of maximal total weight, min(rows, columns) of them (Hungarian algorithm).

    Args:
        weights: a rows x columns matrix with rows <= columns.
    """
    rows, columns = len(weights), len(weights[0])
    cost = [[0] * (columns + 1)] + [[0] + [-w for w in row] for row in weights]
    u, v = [0] * (rows + 1), [0] * (columns + 1)
    owner, way = [0] * (columns + 1), [0] * (columns + 1)
    for row in range(1, rows + 1):
        owner[0], column = row, 0
        slack, used = [float("inf")] * (columns + 1), [False] * (columns + 1)
        while owner[column]:
            used[column] = True
            current, delta, nearest = owner[column], float("inf"), 0
            for j in range(1, columns + 1):
                if not used[j]:
                    reduced = cost[current][j] - u[current] - v[j]
                    if reduced < slack[j]:
                        slack[j], way[j] = reduced, column
                    if slack[j] < delta:
                        delta, nearest = slack[j], j
            for j in range(columns + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    slack[j] -= delta
            column = nearest
        while column:
            previous = way[column]
            owner[column] = owner[previous]
            column = previous
    return [(owner[j] - 1, j - 1) for j in range(1, columns + 1) if owner[j]]


def _pair(golds: list[_Item], preds: list[_Item]) -> list[tuple[_Item, _Item]]:
    """Pair facts of one key so that attribute agreement is maximal."""
    if not golds or not preds:
        return []
    if len(golds) <= len(preds):
        pairs = _assignment([[_agreement(g, p) for p in preds] for g in golds])
        return [(golds[i], preds[j]) for i, j in pairs]
    pairs = _assignment([[_agreement(g, p) for g in golds] for p in preds])
    return [(golds[j], preds[i]) for i, j in pairs]


class _Tally:
    """Running counts over all articles."""

    def __init__(self) -> None:
        self.counts: dict[str, Counter] = {kind: Counter() for kind in KINDS}
        self.endpoints: dict[str, Counter] = defaultdict(Counter)
        self.attributes: dict[str, Counter] = {name: Counter() for name in ATTRIBUTES}
        self.missed: list[Fact] = []
        self.spurious: list[Fact] = []
        self.mismatches: list[AttributeMismatch] = []
        self.gold_arms: frozenset[str] = frozenset()  # the current gold article's arm labels (content_arm_agrees)

    def add(self, fact: Fact, outcome: str) -> None:
        self.counts[fact.kind][outcome] += 1
        if fact.kind == "outcome":
            self.endpoints[_show(fact.key[0])][outcome] += 1

    def check(self, gold: _Item, pred: _Item, multi_arm: bool) -> None:
        for name, expected in gold.attrs.items():
            if expected is None:
                continue
            right = pred.attrs.get(name) == expected
            for tally_name in (name, "arm_multi_arm") if name == "arm" and multi_arm else (name,):
                self.attributes[tally_name].update(n=1, correct=int(right))
            if not right:
                self.mismatches.append(AttributeMismatch(gold.fact, name, gold.record.get(name),
                                                         pred.record.get(name)))
        if gold.fact.kind == "outcome" and gold.record.get("arm") is not None:
            right = lexicon_arm(gold.record.get("arm")) == lexicon_arm(pred.record.get("arm"))
            for tally_name in ("arm_lexicon", "arm_lexicon_multi_arm") if multi_arm else ("arm_lexicon",):
                self.attributes[tally_name].update(n=1, correct=int(right))
            right = content_arm_agrees(gold.record.get("arm"), pred.record.get("arm"), self.gold_arms)
            for tally_name in ("arm_content", "arm_content_multi_arm") if multi_arm else ("arm_content",):
                self.attributes[tally_name].update(n=1, correct=int(right))


def _score_article(golds: list[_Item], preds: list[_Item], multi_arm: bool, tally: _Tally) -> None:
    groups: dict[tuple, tuple[list, list]] = defaultdict(lambda: ([], []))
    for item in golds:
        groups[(item.fact.kind, item.fact.key)][0].append(item)
    for item in preds:
        groups[(item.fact.kind, item.fact.key)][1].append(item)
    matched: set[int] = set()
    for gold_items, pred_items in groups.values():
        for gold, pred in _pair(gold_items, pred_items):
            matched.update((id(gold), id(pred)))
            tally.add(gold.fact, "tp")
            tally.check(gold, pred, multi_arm)
    for item in golds:
        if id(item) not in matched:
            tally.add(item.fact, "fn")
            tally.missed.append(item.fact)
    for item in preds:
        if id(item) not in matched:
            tally.add(item.fact, "fp")
            tally.spurious.append(item.fact)


def _label(doc: dict, path: str) -> Any:
    value: Any = doc
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _label_accuracies(gold: dict[str, dict], predictions: dict[str, tuple[int, dict]]) -> dict[str, LabelAccuracy]:
    accuracies = {}
    for name in LABELS:
        counts = Counter()
        for pmid, gold_doc in gold.items():
            expected = _normalise_label(_label(gold_doc, name))
            if expected is None:
                continue  # gold does not say; nothing to score
            if pmid not in predictions:
                counts["missing"] += 1
                continue
            counts["n"] += 1
            counts["correct"] += int(_normalise_label(_label(predictions[pmid][1], name)) == expected)
        accuracies[name] = LabelAccuracy(counts["correct"], counts["n"], counts["missing"])
    return accuracies


def _prf(counts: Counter) -> PRF:
    return PRF(counts["tp"], counts["fp"], counts["fn"])


def evaluate(gold_dir: Path, index_file: Path, pred_file: Path) -> Evaluation:
    """Score a predictions file against the gold annotations.

    Args:
        gold_dir: directory of `<id>.json` gold files.
        index_file: the index mapping gold ids to PMIDs.
        pred_file: predictions, one JSON object per line with its `pmid`.

    Returns:
        The Evaluation: micro P/R/F1 overall, per kind and per endpoint; label and attribute accuracies;
        missing articles, ignored predictions, and every missed and spurious fact.

    Raises:
        UsageError: an input file or directory is missing or malformed (the message names file and line).
    """
    gold = load_gold(gold_dir, index_file)
    predictions = read_predictions(pred_file)
    tally, missing = _Tally(), []
    for pmid, gold_doc in gold.items():
        article = ArticleRef(gold_doc["id"], pmid)
        entry = predictions.get(pmid)
        if entry is None:
            missing.append(article)
        pred_items = [] if entry is None else _items(entry[1], article)
        multi_arm = len(gold_doc.get("arms") or []) >= MULTI_ARM_MIN
        tally.gold_arms = frozenset(a.get("label") for a in gold_doc.get("arms") or []
                                    if isinstance(a, dict) and isinstance(a.get("label"), str))
        _score_article(_items(gold_doc, article), pred_items, multi_arm, tally)
    by_kind = {kind: _prf(tally.counts[kind]) for kind in KINDS}
    return Evaluation(
        n_gold_articles=len(gold),
        n_predicted_articles=len(gold) - len(missing),
        overall=_prf(sum(tally.counts.values(), Counter())),
        by_kind=by_kind,
        by_endpoint={code: _prf(tally.endpoints[code]) for code in sorted(tally.endpoints)},
        labels=_label_accuracies(gold, predictions),
        attributes={name: Accuracy(c["correct"], c["n"]) for name, c in tally.attributes.items()},
        missing_articles=missing,
        extra_predictions=[ExtraPrediction(pmid, line) for pmid, (line, _) in predictions.items() if pmid not in gold],
        missed=tally.missed,
        spurious=tally.spurious,
        attribute_mismatches=tally.mismatches,
    )


# ---------------------------------------------------------------------------------------------------------
# Report


_ATTRIBUTE_NAMES = {"arm_multi_arm": "arm (multi-arm studies)", "arm_lexicon": "arm, lexicon-mapped",
                    "arm_lexicon_multi_arm": "arm, lexicon-mapped (multi)", "arm_content": "arm, content words",
                    "arm_content_multi_arm": "arm, content words (multi)"}


def _score(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _prf_row(name: str, prf: PRF) -> str:
    return (f"  {name:<22}{prf.tp:>6}{prf.fp:>6}{prf.fn:>6}"
            f"{_score(prf.precision):>11}{_score(prf.recall):>9}{_score(prf.f1):>8}")


def _prf_table(title: str, rows: dict[str, PRF]) -> list[str]:
    header = f"  {'':<22}{'TP':>6}{'FP':>6}{'FN':>6}{'precision':>11}{'recall':>9}{'F1':>8}"
    return [title, header] + [_prf_row(name, prf) for name, prf in rows.items()]


def _accuracy_row(name: str, accuracy: Accuracy) -> str:
    row = f"  {name:<26}{accuracy.correct:>5}/{accuracy.n:<5}{_score(accuracy.accuracy):>9}"
    if isinstance(accuracy, LabelAccuracy):
        row += f"{_score(accuracy.accuracy_counting_missing):>18}"
    return row


def _article_lines(evaluation: Evaluation) -> list[str]:
    by_article: dict[tuple[str, str], list[str]] = defaultdict(list)
    for tag, facts in (("missed", evaluation.missed), ("spurious", evaluation.spurious)):
        for fact in facts:
            text = "" if fact.text is None else f'  | "{fact.text}"'
            by_article[(fact.article_id, fact.pmid)].append(f"    {tag:<10}{fact.kind:<11}{fact.describe()}{text}")
    for mismatch in evaluation.attribute_mismatches:
        fact = mismatch.fact
        by_article[(fact.article_id, fact.pmid)].append(
            f"    {'mismatch':<10}{fact.kind:<11}{fact.describe()}: {mismatch.attribute} "
            f"gold {mismatch.gold!r}, predicted {mismatch.predicted!r}")
    lines = ["", "Missed and spurious facts (and attribute mismatches of matched facts), by article"]
    for (article_id, pmid), rows in sorted(by_article.items()):
        lines += [f"  {article_id} (pmid {pmid})"] + rows
    return lines if by_article else lines + ["  (none)"]


def format_report(evaluation: Evaluation, verbose: bool = False) -> str:
    """A readable text report; with verbose, also every missed and spurious fact, grouped by article.

    Example:
        print(format_report(evaluate(gold_dir, index_file, pred_file), verbose=True))
    """
    e = evaluation
    lines = [f"Gold articles: {e.n_gold_articles}; with a prediction: {e.n_predicted_articles}; "
             f"missing: {len(e.missing_articles)}; ignored predictions (pmid not in gold, not counted as "
             f"spurious): {len(e.extra_predictions)}", ""]
    lines += _prf_table("Facts (micro)", {"all": e.overall, **e.by_kind})
    lines += [""] + _prf_table("Outcomes by endpoint", e.by_endpoint)
    lines += ["", "Labels (accuracy over articles with a prediction; and counting missing articles as wrong)",
              f"  {'':<26}{'correct/n':>11}{'accuracy':>10}{'with missing':>17}"]
    lines += [_accuracy_row(name, acc) for name, acc in e.labels.items()]
    lines += ["", "Attributes of matched facts (accuracy where gold has the attribute)",
              f"  {'':<26}{'correct/n':>11}{'accuracy':>10}"]
    lines += [_accuracy_row(_ATTRIBUTE_NAMES.get(name, name), acc) for name, acc in e.attributes.items()]
    if e.missing_articles:
        lines += ["", "Missing articles (no prediction line; all their facts missed):"]
        lines += [f"  {a.id} (pmid {a.pmid})" for a in e.missing_articles]
    if e.extra_predictions:
        lines += ["", "Ignored predictions (pmid not in gold; not counted as spurious):"]
        lines += [f"  pmid {x.pmid} (line {x.line})" for x in e.extra_predictions]
    if verbose:
        lines += _article_lines(e)
    return "\n".join(lines) + "\n"
