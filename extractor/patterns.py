"""Loading and validating the rule files in patterns/ (the only module that knows that folder's layout).

Each `patterns/*.jsonl` line is one rule in spaCy's ruler format plus our keys (see patterns/README.md).
The loader checks every line and reports every problem at once, each as `patterns/<file>:<line>: problem`.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Mapping

from spacy.schemas import validate_token_pattern

from extractor.errors import PatternError

REQUIRED_KEYS = frozenset({"label", "id", "pattern", "example"})
OPTIONAL_KEYS = frozenset({"note", "source"})
ALLOWED_KEYS = REQUIRED_KEYS | OPTIONAL_KEYS

# The labels each rule file may use. A new file needs a row here (and in patterns/README.md): a label the
# extractors never read is a rule that silently does nothing, so unknown files and labels are errors.
LABELS_BY_FILE: dict[str, frozenset[str]] = {
    "endpoints.jsonl": frozenset({"ENDPOINT", "ENDPOINT_CUE"}),
    "timepoints.jsonl": frozenset({"TIMEPOINT"}),
    "outcome_cues.jsonl": frozenset({"NOT_REACHED", "RESPECTIVELY", "COMPARATOR", "NEGATION", "HEDGE"}),
    "numbers.jsonl": frozenset({"NUMBER_WORD", "NUMBER_LABEL"}),
    "units.jsonl": frozenset({"UNIT"}),
    "measures.jsonl": frozenset({"MEASURE", "CI", "PVALUE"}),
    "drugs.jsonl": frozenset({"DRUG"}),
    "cohort.jsonl": frozenset({"COHORT", "AGE", "FOLLOW_UP"}),
    "settings.jsonl": frozenset({"SETTING", "DISEASE", "PRIOR_LINES"}),
    "population.jsonl": frozenset({"AGE_GROUP", "PH_STATUS", "LINEAGE", "POPULATION_CONTEXT"}),
    "design.jsonl": frozenset({"PHASE", "PHASE_REPORTED", "DESIGN", "DESIGN_CONTEXT"}),
}

# Data files of patterns/ that are not ruler rules: they describe the ids of the rules (see `load_regimen_classes`).
DATA_FILES = frozenset({"regimen_classes.jsonl", "subgroup_cues.jsonl", "spellings.jsonl", "registries.jsonl"})
REGIMEN_FILE = "regimen_classes.jsonl"
REGIMEN_KEYS = frozenset({"id", "class", "kind", "components", "short", "example", "note"})
REGIMEN_REQUIRED = frozenset({"id", "class", "kind", "example"})
REGIMEN_KINDS = frozenset({"agent", "backbone"})
SUBGROUP_FILE = "subgroup_cues.jsonl"
SUBGROUP_KEYS = frozenset({"kind", "pattern", "replace", "example", "note"})
SUBGROUP_REQUIRED = frozenset({"kind", "pattern", "example"})
# rewrite: a regex and its replacement, applied in file order to a subgroup's written name ("aged 40 years or older"
# -> "aged >=40 years"); whole: a name that means the whole cohort ("all patients", "relapsed ALL") -> `all`;
# not_group: a list that "respectively" zips but that is not of groups (grades, cycles), so its values stay `all`;
# treatment: a cue that a sentence naming arm codes assigns treatments (dose, schedule), so the codes are arms.
SUBGROUP_KINDS = frozenset({"rewrite", "whole", "not_group", "treatment", "schedule"})
SPELLING_FILE = "spellings.jsonl"
SPELLING_KEYS = frozenset({"kind", "variant", "canonical", "example", "note"})
SPELLING_REQUIRED = frozenset({"kind", "variant", "canonical", "example"})
# prefix: a word starting with `variant` starts with `canonical` instead (haem- -> hem-); word: the whole word.
SPELLING_KINDS = frozenset({"prefix", "word"})
REGISTRY_FILE = "registries.jsonl"
REGISTRY_KEYS = frozenset({"registry", "pattern", "id", "example", "note"})
REGISTRY_REQUIRED = frozenset({"registry", "pattern", "id", "example"})


@dataclass(frozen=True)
class Rule:
    """One validated rule line. `pattern` is a phrase string or a list of Matcher token dicts."""

    file: str
    line: int
    label: str
    id: str
    pattern: Any
    example: str
    note: str | None = None
    source: str | None = None

    @property
    def where(self) -> str:
        return f"patterns/{self.file}:{self.line}"

    def ruler_pattern(self) -> dict:
        """The dict spaCy's SpanRuler takes."""
        return {"label": self.label, "id": self.id, "pattern": self.pattern}


def load_rules(patterns_dir: Path | str) -> list[Rule]:
    """Load and validate every `*.jsonl` file in `patterns_dir`.

    Args:
        patterns_dir: the folder holding the rule files.

    Returns:
        The rules in file-name order, then line order.

    Raises:
        PatternError: listing every problem found in every file, each as `patterns/<file>:<line>: ...`.
    """
    folder = Path(patterns_dir)
    if not folder.is_dir():
        raise PatternError([f"{folder}: no such patterns folder"])
    rules: list[Rule] = []
    problems: list[str] = []
    for path in sorted(folder.glob("*.jsonl")):
        if path.name in DATA_FILES:
            continue
        file_rules, file_problems = _load_file(path)
        rules.extend(file_rules)
        problems.extend(file_problems)
    if problems:
        raise PatternError(problems)
    return rules


def _load_file(path: Path) -> tuple[list[Rule], list[str]]:
    labels = LABELS_BY_FILE.get(path.name)
    if labels is None:
        known = ", ".join(sorted(LABELS_BY_FILE))
        return [], [f"patterns/{path.name}:0: no label set is declared for this file (known files: {known})"]
    rules, problems = [], []
    for number, where, data, line_problems in _data_lines(path, ALLOWED_KEYS, REQUIRED_KEYS):
        if data is not None:
            line_problems += _check_line(data, labels)
        problems.extend(f"{where}: {p}" for p in line_problems)
        if not line_problems:
            rules.append(Rule(file=path.name, line=number, **data))
    return rules, problems


def _check_line(data: dict, labels: frozenset[str]) -> list[str]:
    """The problems of one rule object beyond its keys (empty when the rule is valid)."""
    problems = []
    if "label" in data and data["label"] not in labels:
        problems.append(f"label {data['label']!r} is not one of {sorted(labels)}")
    for key in ("id", "example"):
        if key in data and (not isinstance(data[key], str) or not data[key].strip()):
            problems.append(f"{key!r} must be a non-empty string")
    if "pattern" in data:
        problems += _check_pattern(data["pattern"])
    return problems


def _check_pattern(pattern: Any) -> list[str]:
    if isinstance(pattern, str):
        return [] if pattern.strip() else ["empty pattern"]
    if not isinstance(pattern, list) or not pattern:
        return ["pattern must be a non-empty string or a non-empty list of token dicts"]
    return [f"invalid token pattern: {err}" for err in validate_token_pattern(pattern)]


@dataclass(frozen=True)
class RegimenEntry:
    """What the regimen lexicon knows of one canonical drug id (a line of patterns/regimen_classes.jsonl).

    Attributes:
        id: the canonical id, as in patterns/drugs.jsonl.
        cls: the class ("antibody-drug conjugate", "tyrosine kinase inhibitor", "chemotherapy"...).
        kind: "agent" (one drug) or "backbone" (a named combination, or unspecified chemotherapy).
        components: a backbone's canonical component ids (empty for an agent or an unspecified backbone).
        short: the display name in a readable regimen ("inotuzumab", "mini-HCVD"); the id when not given.
    """

    id: str
    cls: str
    kind: str
    components: tuple[str, ...] = ()
    short: str | None = None
    example: str = ""

    @property
    def display(self) -> str:
        return self.short or self.id


# A DRUG rule whose id starts with this names a family of drugs by its INN stem ("*-mab", "*-tinib") or the kind of
# its name ("*CAR T cells" by their antigen) in patterns/drugs.jsonl: each of its matches takes the drug's printed
# name, lower-cased, as its id (pipeline.RuleSpanRuler._named_by_stem), and such an id the class of the family's line
# in regimen_classes.jsonl (StemmedLexicon).
STEM_ID = "*"
_NOT_ALNUM = re.compile(r"[^a-z0-9]")


def stem_key(name: str) -> str:
    """A name or a stem compared by its letters and digits, a plural's "s" dropped: "CD20 CAR-T cells" and "CD20 CAR T
    cell" both end with "CAR T cells"."""
    key = _NOT_ALNUM.sub("", name.lower())
    return key[:-1] if key.endswith("s") else key


class StemmedLexicon(dict):
    """The regimen lexicon, which knows the drugs named by a stem rule too: each such drug's id is its printed name
    ("glofitamab", see STEM_ID), which no line names; it takes the class of the line of the stem it ends with
    (regimen_classes.jsonl "*-mab": monoclonal antibody), the longest stem first ("*-metinib" before "*-tinib"), so
    that doses, arms and the classifier read it as they read a listed drug."""

    def __init__(self, entries: dict):
        super().__init__(entries)
        self._listed = frozenset(entries)
        self._stems = sorted(((stem_key(i[len(STEM_ID):]), e) for i, e in entries.items() if i.startswith(STEM_ID)),
                             key=lambda stem: -len(stem[0]))

    def named_by_stem(self, drug_id: str) -> bool:
        """Whether an id is a stem rule's printed name, not a listed drug's ("cd20 car t cells", "glofitamab")."""
        return drug_id not in self._listed and self._stemmed(drug_id) is not None

    def get(self, drug_id, default=None):
        found = dict.get(self, drug_id)
        if found is None:
            found = self._stemmed(drug_id)
        return default if found is None else found

    def __contains__(self, drug_id) -> bool:
        return dict.__contains__(self, drug_id) or self._stemmed(drug_id) is not None

    def __missing__(self, drug_id):
        found = self._stemmed(drug_id)
        if found is None:
            raise KeyError(drug_id)
        return found

    def _stemmed(self, drug_id):
        """The entry of an id ending with a stem (made once, then kept), or None; only a stem rule's ids are lower
        case with no STEM_ID ("CTL119" is a listed code, "*-mab" the stem's own line)."""
        if not self._stems or not isinstance(drug_id, str) or drug_id.startswith(STEM_ID) or not drug_id.islower():
            return None
        key = stem_key(drug_id)
        for stem, entry in self._stems:
            if key.endswith(stem):
                return dict.setdefault(self, drug_id, RegimenEntry(drug_id, entry.cls, entry.kind, example=entry.example))
        return None


def load_regimen_classes(patterns_dir: Path | str, rules: list[Rule] | None = None) -> dict[str, RegimenEntry]:
    """Load and validate patterns/regimen_classes.jsonl: the class of each canonical drug id.

    Every id (and every backbone component) must be a DRUG id of patterns/drugs.jsonl, every DRUG id must have a
    line, keys are a closed set and `kind` is `agent` or `backbone`.

    Args:
        patterns_dir: the folder holding the rule files.
        rules: the already loaded rules (loaded from the folder when None).

    Returns:
        The entries by canonical id.

    Raises:
        PatternError: every problem at once, each as `patterns/regimen_classes.jsonl:<line>: ...`.
    """
    folder = Path(patterns_dir)
    path = folder / REGIMEN_FILE
    if not path.is_file():
        raise PatternError([f"patterns/{REGIMEN_FILE}:0: missing (the class of every drug id lives there)"])
    drug_ids = {r.id for r in (rules if rules is not None else load_rules(folder)) if r.label == "DRUG"}
    entries: dict[str, RegimenEntry] = {}
    problems: list[str] = []
    for _, where, data, line_problems in _data_lines(path, REGIMEN_KEYS, REGIMEN_REQUIRED):
        if data is not None:
            line_problems += _check_regimen(data, drug_ids, entries)
        problems.extend(f"{where}: {p}" for p in line_problems)
        if not line_problems:
            entries[data["id"]] = RegimenEntry(data["id"], data["class"], data["kind"], tuple(data.get("components", ())),
                                               data.get("short"), data["example"])
    problems += [f"patterns/{REGIMEN_FILE}:0: drug id {i!r} of drugs.jsonl has no class line"
                 for i in sorted(drug_ids - set(entries)) if not any(i in p for p in problems)
                 and not i.startswith(STEM_ID)]  # a stem rule's drugs take the class of the stem they end with
    if problems:
        raise PatternError(problems)
    return StemmedLexicon(entries)


def _check_regimen(data: dict, drug_ids: set[str], seen: dict) -> list[str]:
    problems = []
    for key in ("id", "class", "example", "short"):
        if key in data and (not isinstance(data[key], str) or not data[key].strip()):
            problems.append(f"{key!r} must be a non-empty string")
    if isinstance(data.get("id"), str):
        if data["id"] not in drug_ids and not (data["id"].startswith(STEM_ID) and any(i.startswith(STEM_ID) for i in drug_ids)):
            # a stem's line ("*-mab") may name a stem that the one INN stem rule of drugs.jsonl reads among others
            problems.append(f"id {data['id']!r} is not a DRUG id of patterns/drugs.jsonl")
        if data["id"] in seen:
            problems.append(f"id {data['id']!r} has two lines")
    if "kind" in data and data["kind"] not in REGIMEN_KINDS:
        problems.append(f"kind {data['kind']!r} is not one of {sorted(REGIMEN_KINDS)}")
    components = data.get("components", [])
    if not isinstance(components, list) or not all(isinstance(c, str) for c in components):
        problems.append("components must be a list of drug ids")
    else:
        problems += [f"component {c!r} is not a DRUG id of patterns/drugs.jsonl" for c in components if c not in drug_ids]
        if components and data.get("kind") != "backbone":
            problems.append("only a backbone has components")
    return problems


@dataclass(frozen=True)
class SubgroupCue:
    """One line of patterns/subgroup_cues.jsonl: a compiled regex (case-insensitive) and, for a rewrite, its
    replacement."""

    kind: str
    pattern: re.Pattern
    replace: str
    example: str


def load_subgroup_cues(patterns_dir: Path | str) -> list[SubgroupCue]:
    """The lexical cues of subgroup names (patterns/subgroup_cues.jsonl), in file order (rewrites apply in order).

    Each line is `{"kind", "pattern", "replace", "example", "note"}`; `pattern` is a Python regex matched
    case-insensitively, and the `example` must match it (a rewrite's example must change under it).

    Raises:
        PatternError: every problem at once, each as `patterns/subgroup_cues.jsonl:<line>: ...`.
    """
    path = Path(patterns_dir) / SUBGROUP_FILE
    if not path.is_file():
        raise PatternError([f"patterns/{SUBGROUP_FILE}:0: missing (the cues of subgroup names live there)"])
    cues: list[SubgroupCue] = []
    problems: list[str] = []
    for _, where, data, line in _data_lines(path, SUBGROUP_KEYS, SUBGROUP_REQUIRED):
        if data is None:
            problems += [f"{where}: {p}" for p in line]
            continue
        if "kind" in data and data["kind"] not in SUBGROUP_KINDS:
            line.append(f"kind {data['kind']!r} is not one of {sorted(SUBGROUP_KINDS)}")
        if data.get("kind") == "rewrite" and not isinstance(data.get("replace"), str):
            line.append("a rewrite needs 'replace' (a string)")
        compiled = None
        if isinstance(data.get("pattern"), str) and data["pattern"]:
            try:
                compiled = re.compile(data["pattern"], re.I)
            except re.error as exc:
                line.append(f"pattern is not a valid regex ({exc})")
        elif "pattern" in data:
            line.append("'pattern' must be a non-empty string")
        example = data.get("example")
        if compiled is not None and isinstance(example, str):
            if not compiled.search(example):
                line.append(f"the example {example!r} does not match the pattern")
        elif "example" in data:
            line.append("'example' must be a string")
        problems += [f"{where}: {p}" for p in line]
        if not line:
            cues.append(SubgroupCue(data["kind"], compiled, data.get("replace", ""), example))
    if problems:
        raise PatternError(problems)
    return cues


@dataclass(frozen=True)
class Spellings:
    """Spelling variants read as one form (patterns/spellings.jsonl): British and American spellings, -ical and
    -ic adjectives. Applied to each lower-cased word by the pipeline's LOWER getter, so every LOWER rule (phrase
    or token) matches both spellings while the text itself, and every evidence offset, stays as printed.

    Attributes:
        prefixes: (variant, canonical) word starts, longest first.
        words: whole-word variants to their canonical form (looked up after the prefixes are applied).
    """

    prefixes: tuple[tuple[str, str], ...] = ()
    words: Mapping[str, str] = field(default_factory=dict)

    def normalise(self, word: str) -> str:
        """One lower-cased word in its canonical spelling ("haematological" -> "hematologic")."""
        for variant, canonical in self.prefixes:
            if word.startswith(variant):
                word = canonical + word[len(variant):]
                break
        return self.words.get(word, word)


def load_spellings(patterns_dir: Path | str) -> Spellings:
    """Load and validate patterns/spellings.jsonl (an absent file means no variants).

    Each line is `{"kind", "variant", "canonical", "example", "note"}`: `kind` is `prefix` or `word`, `variant`
    and `canonical` are lower-case letters, and the example must hold a word that the line rewrites.

    Raises:
        PatternError: every problem at once, each as `patterns/spellings.jsonl:<line>: ...`.
    """
    path = Path(patterns_dir) / SPELLING_FILE
    if not path.is_file():
        return Spellings()
    prefixes: list[tuple[str, str]] = []
    words: dict[str, str] = {}
    problems: list[str] = []
    for _, where, data, line in _data_lines(path, SPELLING_KEYS, SPELLING_REQUIRED):
        if data is None:
            problems += [f"{where}: {p}" for p in line]
            continue
        if "kind" in data and data["kind"] not in SPELLING_KINDS:
            line.append(f"kind {data['kind']!r} is not one of {sorted(SPELLING_KINDS)}")
        for key in ("variant", "canonical"):
            if key in data and not (isinstance(data[key], str) and re.fullmatch(r"[a-z]+", data[key])):
                line.append(f"{key!r} must be lower-case letters")
        if not line and data["variant"] == data["canonical"]:
            line.append("'variant' and 'canonical' are the same")
        example = data.get("example")
        if not isinstance(example, str):
            line.append("'example' must be a string")
        elif not line:
            tokens = re.findall(r"[a-z]+", example.lower())
            hit = (any(t.startswith(data["variant"]) for t in tokens) if data["kind"] == "prefix"
                   else data["variant"] in tokens)
            if not hit:
                line.append(f"the example {example!r} has no word this line rewrites")
        problems += [f"{where}: {p}" for p in line]
        if not line:
            if data["kind"] == "prefix":
                prefixes.append((data["variant"], data["canonical"]))
            else:
                words[data["variant"]] = data["canonical"]
    if problems:
        raise PatternError(problems)
    return Spellings(tuple(sorted(prefixes, key=lambda p: -len(p[0]))), words)


@dataclass(frozen=True)
class Registry:
    """One trial registry (patterns/registries.jsonl): its name (as PubMed's DataBankName gives it), the regex
    that finds its numbers in text (group `id`: the number's own part) and how a number is written (`id`, with
    `{id}` for that part: "NCT{id}")."""

    name: str
    pattern: re.Pattern
    id_format: str

    def numbers(self, text: str) -> list[str]:
        """The registry numbers written in a text, in the registry's own form ("NCT 01564784" -> "NCT01564784")."""
        return [self.id_format.format(id=m.group("id")) for m in self.pattern.finditer(text)]


def load_registries(patterns_dir: Path | str) -> list[Registry]:
    """Load and validate patterns/registries.jsonl (an absent file means no registry is known).

    Each line is `{"registry", "pattern", "id", "example", "note"}`: `pattern` is a Python regex (case-sensitive,
    registry prefixes are printed in capitals) with a group named `id`, `id` holds `{id}`, and the example must
    hold a number the pattern finds.

    Raises:
        PatternError: every problem at once, each as `patterns/registries.jsonl:<line>: ...`.
    """
    path = Path(patterns_dir) / REGISTRY_FILE
    if not path.is_file():
        return []
    registries: list[Registry] = []
    problems: list[str] = []
    for _, where, data, line in _data_lines(path, REGISTRY_KEYS, REGISTRY_REQUIRED):
        if data is None:
            problems += [f"{where}: {p}" for p in line]
            continue
        compiled = None
        try:
            compiled = re.compile(str(data.get("pattern", "")))
        except re.error as exc:
            line.append(f"pattern is not a valid regex ({exc})")
        if compiled is not None and "id" not in compiled.groupindex:
            line.append("the pattern needs a group named 'id' (the number's own part)")
        if not (isinstance(data.get("id"), str) and "{id}" in data["id"]):
            line.append("'id' must be a string holding {id}")
        if not line and not compiled.search(str(data["example"])):
            line.append(f"the example {data['example']!r} holds no number the pattern finds")
        problems += [f"{where}: {p}" for p in line]
        if not line:
            registries.append(Registry(str(data["registry"]), compiled, data["id"]))
    if problems:
        raise PatternError(problems)
    return registries


def _data_lines(path: Path, keys: frozenset[str], required: frozenset[str]) -> Iterator[tuple]:
    """Each non-blank line of a JSON Lines file of patterns/: its number, where it is (`patterns/<file>:<line>`), the
    parsed object (None when the line is not a JSON object) and its first problems (bad JSON, unknown or missing
    keys)."""
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip():
            continue
        where = f"patterns/{path.name}:{number}"
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            yield number, where, None, [f"not valid JSON ({exc.msg})"]
            continue
        if not isinstance(data, dict):
            yield number, where, None, ["a line must be a JSON object"]
            continue
        problems = [f"unknown key {k!r}" for k in sorted(set(data) - keys)]
        problems += [f"missing key {k!r}" for k in sorted(required - set(data))]
        yield number, where, data, problems
