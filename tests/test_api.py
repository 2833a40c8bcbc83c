"""The package's public API: parse, extract and to_table work end to end on a demo fixture."""
from __future__ import annotations

import extractor


def test_api_parse_extract_to_table_end_to_end(fixtures_dir):
    articles = list(extractor.parse(fixtures_dir / "demo" / "91000003.xml"))
    records = list(extractor.extract(articles))
    table = extractor.to_table(records)
    assert [a.pmid for a in articles] == [r["pmid"] for r in records] == ["91000003"]
    assert set(table["pmid"]) == {"91000003"} and len(table) >= 3


def test_api_import_does_not_load_spacy():
    import subprocess
    import sys

    code = "import sys, extractor; print('spacy' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"
