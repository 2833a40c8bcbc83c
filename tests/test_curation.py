"""Curation: overrides parsed from CSV, applied to later runs, marked in the tables; bad lines named file:line."""
from __future__ import annotations

import pytest

from extractor.curation import load_overrides
from extractor.errors import CurationError
from extractor.study_tables import build_tables

HEADER = "pmid,target,value,reviewer,note\n"


def record():
    return {
        "pmid": "27292104", "relevant": True, "setting": "relapsed/refractory", "cohort_size": 326,
        "population": {"age_group": "adult"}, "design": {"phase": "3", "randomized": True},
        "scalar_evidence": {"cohort_size": {"section": "RESULTS", "start": 0, "end": 3, "text": "326"}},
        "arms": [{"label": "inotuzumab ozogamicin", "drugs": ["inotuzumab ozogamicin"], "n": 141},
                 {"label": "standard therapy", "drugs": ["standard chemotherapy"], "n": 162}],
        "outcomes": [
            {"arm": "inotuzumab ozogamicin", "endpoint": "CR_CRi", "value": 80.7, "unit": "%", "count": None,
             "denominator": None, "timepoint_months": None, "flags": ["ci_excludes_estimate"], "evidence": {}},
            {"arm": "all", "endpoint": "OS_RATE", "value": 23, "unit": "%", "timepoint_months": 24, "evidence": {}},
        ],
    }


def overrides(tmp_path, *lines):
    path = tmp_path / "curation.csv"
    path.write_text(HEADER + "".join(line + "\n" for line in lines), encoding="utf-8")
    return load_overrides(path), path


def test_curation_corrects_a_scalar_and_marks_it(tmp_path):
    items, _ = overrides(tmp_path, "27292104,cohort_size,303,A. Reviewer,randomized and treated")
    curated = items.apply(record())
    assert curated["cohort_size"] == 303
    assert curated["curated"]["cohort_size"]["previous"] == 326
    assert curated["curated"]["cohort_size"]["reviewer"] == "A. Reviewer"


def test_curation_leaves_the_input_record_unchanged(tmp_path):
    items, _ = overrides(tmp_path, "27292104,cohort_size,303,R,")
    original = record()
    items.apply(original)
    assert original == record()


def test_curation_corrects_an_outcome_of_an_arm_and_clears_its_flags(tmp_path):
    items, _ = overrides(tmp_path, "27292104,outcome:CR_CRi:arm=inotuzumab ozogamicin,114/141,R,ITT")
    outcome = items.apply(record())["outcomes"][0]
    assert (outcome["value"], outcome["count"], outcome["denominator"]) == (80.9, 114, 141)
    assert outcome["flags"] == [] and outcome["curated"]["previous"]["value"] == 80.7


def test_curation_adds_an_outcome_the_extractor_missed(tmp_path):
    items, _ = overrides(tmp_path, "27292104,outcome:OS_MEDIAN:arm=standard therapy,6.7,R,")
    added = items.apply(record())["outcomes"][-1]
    assert (added["arm"], added["endpoint"], added["value"], added["unit"]) == ("standard therapy", "OS_MEDIAN",
                                                                                6.7, "months")


def test_curation_deletes_an_outcome_by_timepoint(tmp_path):
    items, _ = overrides(tmp_path, "27292104,outcome:OS_RATE:timepoint=24,delete,R,subgroup figure")
    assert [o["endpoint"] for o in items.apply(record())["outcomes"]] == ["CR_CRi"]


def test_curation_sets_labels_and_arm_n(tmp_path):
    items, _ = overrides(tmp_path, "27292104,setting,first salvage,R,", "27292104,design.randomized,false,R,",
                         "27292104,arm:standard therapy:n,164,R,")
    curated = items.apply(record())
    assert (curated["setting"], curated["design"]["randomized"], curated["arms"][1]["n"]) == (
        "first salvage", False, 164)


def test_curation_marks_curated_values_in_the_study_table(tmp_path):
    items, _ = overrides(tmp_path, "27292104,outcome:CR_CRi:arm=inotuzumab ozogamicin,81,A. Reviewer,")
    table = build_tables([items.apply(record())]).study
    ino = table[table["arm"] == "inotuzumab ozogamicin"].iloc[0]
    assert ino["CR_CRi_cell"] == "81% [curated]" and ino["curated"] == "CR_CRi (A. Reviewer)"
    assert ino["flags"] is None


def test_curation_overrides_of_other_pmids_are_reported_unmatched(tmp_path):
    items, path = overrides(tmp_path, "1,cohort_size,3,R,")
    assert items.apply(record()) == record()
    assert [o.source for o in items.unmatched({"27292104"})] == [f"{path}:2"]


def test_curation_ignores_comments_and_blank_lines(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("# reviewed 2025-01\n" + HEADER + "\n# next\n27292104,cohort_size,303,R,\n")
    assert len(load_overrides(path)) == 1


@pytest.mark.parametrize(("line", "message"), [
    ("27292104,cohort_size,many,R,", "cohort_size needs a number, got 'many'"),
    ("2729x,cohort_size,3,R,", "PMID '2729x' is not a number"),
    ("27292104,colour,blue,R,", "unknown target 'colour'"),
    ("27292104,outcome:XYZ,3,R,", "unknown endpoint 'XYZ'"),
    ("27292104,outcome:CR:group=a,3,R,", "'group=a' in 'outcome:CR:group=a': expected arm=<label> or timepoint=<months>"),
    ("27292104,outcome:CR,50/40,R,", "'50/40' is not a count out of a denominator"),
    ("27292104,setting,salvage,R,", "setting must be one of"),
    ("27292104,relevant,maybe,R,", "relevant takes true or false"),
    ("27292104,arm:x:dose,3,R,", "arm target 'arm:x:dose' must be arm:<label>:n or arm:<label>:regimen"),
    ("27292104", "expected pmid,target,value,reviewer,note"),
])
def test_curation_bad_line_names_file_and_line(tmp_path, line, message):
    path = tmp_path / "curation.csv"
    path.write_text(HEADER + "27292104,cohort_size,303,R,\n" + line + "\n")
    with pytest.raises(CurationError) as error:
        load_overrides(path)
    assert f"{path}:3: {message}" in str(error.value)


def test_curation_reports_every_bad_line_at_once(tmp_path):
    path = tmp_path / "curation.csv"
    path.write_text(HEADER + "1,cohort_size,x,R,\n2,cohort_size,3,R,\n3,colour,y,R,\n")
    with pytest.raises(CurationError) as error:
        load_overrides(path)
    assert f"{path}:2:" in str(error.value) and f"{path}:4:" in str(error.value)


def test_curation_file_needs_its_header(tmp_path):
    path = tmp_path / "curation.csv"
    path.write_text("27292104,cohort_size,303,R,\n")
    with pytest.raises(CurationError, match=r"curation.csv:1: the first line must be the header"):
        load_overrides(path)


def test_curation_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CurationError, match="cannot read overrides file"):
        load_overrides(tmp_path / "absent.csv")
