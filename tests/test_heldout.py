"""The held-out set (fixtures/heldout/): 24 abstracts of our own wording with gold annotated blind, by an annotator
who read only SCHEMA.md and the corpus gold, never the rules or the extractor's output. No rule is written from
it; it measures how the rules carry over to abstracts they were not developed on (README, "Evaluation")."""
from __future__ import annotations

import json

import pytest

from extractor.evaluate import evaluate

F1_FLOOR, PRECISION_FLOOR = 0.87, 0.93  # below the figures in the README, so a real regression fails


@pytest.fixture(scope="module")
def heldout(fixtures_dir):
    return fixtures_dir / "heldout"


@pytest.fixture(scope="module")
def heldout_extraction(nlp, heldout):
    from extractor.extraction import extract_articles
    from extractor.pubmed_xml import iter_articles

    articles = list(iter_articles(heldout / "articles.xml"))
    return articles, list(extract_articles(articles, nlp))


def test_heldout_every_gold_text_is_in_its_abstract(heldout, heldout_extraction):
    articles = {a.pmid: a for a in heldout_extraction[0]}
    pmid_of = {e["id"]: e["pmid"] for e in json.loads((heldout / "index.json").read_text(encoding="utf-8"))}
    golds = sorted((heldout / "gold").glob("*.json"))
    assert len(golds) == len(articles) == 24
    for path in golds:
        gold = json.loads(path.read_text(encoding="utf-8"))
        texts = [text for _, text in articles[pmid_of[gold["id"]]].named_texts()]
        for kind in ("outcomes", "doses", "comparisons"):
            for item in gold[kind]:
                assert any(item["text"] in text for text in texts), (gold["id"], kind, item["text"])


def test_heldout_facts_hold_their_floor(heldout, heldout_extraction, tmp_path):
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(record) + "\n" for record in heldout_extraction[1]), encoding="utf-8")
    overall = evaluate(heldout / "gold", heldout / "index.json", pred).overall
    assert overall.precision >= PRECISION_FLOOR, f"held-out precision {overall.precision:.3f} < {PRECISION_FLOOR}"
    assert overall.f1 >= F1_FLOOR, f"held-out F1 {overall.f1:.3f} < {F1_FLOOR}"
