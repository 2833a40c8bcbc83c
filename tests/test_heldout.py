"""The held-out sets (fixtures/heldout/ to heldout12/): 24 abstracts each of our own wording with gold annotated
blind, by annotators who read only SCHEMA.md and the corpus gold, never the rules or the extractor's output. No rule
is written from them; they measure how the rules carry over to abstracts they were not developed on (README,
"Evaluation"). Each later set was written by other blind annotators, after the sets before it had been in use."""
from __future__ import annotations

import json

import pytest

from extractor.evaluate import evaluate

# (precision floor, F1 floor) per set, below the figures in the README, so a real regression fails
FLOORS = {"heldout": (0.93, 0.87), "heldout2": (0.87, 0.82), "heldout3": (0.94, 0.91), "heldout4": (0.91, 0.88),
          "heldout5": (0.90, 0.85), "heldout6": (0.90, 0.87),
          "heldout7": (0.92, 0.87), "heldout8": (0.92, 0.90),
          "heldout9": (0.95, 0.90), "heldout10": (0.95, 0.93),
          "heldout11": (0.95, 0.90), "heldout12": (0.95, 0.92)}
SETS = sorted(FLOORS)


@pytest.fixture(scope="module")
def heldout_articles(fixtures_dir):
    from extractor.pubmed_xml import iter_articles

    return {name: list(iter_articles(fixtures_dir / name / "articles.xml")) for name in SETS}


@pytest.fixture(scope="module")
def heldout_extraction(nlp, heldout_articles):
    from extractor.extraction import extract_articles

    return {name: list(extract_articles(articles, nlp)) for name, articles in heldout_articles.items()}


@pytest.mark.parametrize("name", SETS)
def test_heldout_every_gold_text_is_in_its_abstract(name, fixtures_dir, heldout_articles):
    heldout = fixtures_dir / name
    articles = {a.pmid: a for a in heldout_articles[name]}
    pmid_of = {e["id"]: e["pmid"] for e in json.loads((heldout / "index.json").read_text(encoding="utf-8"))}
    golds = sorted((heldout / "gold").glob("*.json"))
    assert len(golds) == len(articles) == 24
    for path in golds:
        gold = json.loads(path.read_text(encoding="utf-8"))
        texts = [text for _, text in articles[pmid_of[gold["id"]]].named_texts()]
        for kind in ("outcomes", "doses", "comparisons"):
            for item in gold[kind]:
                assert any(item["text"] in text for text in texts), (gold["id"], kind, item["text"])


@pytest.mark.parametrize("name", SETS)
def test_heldout_facts_hold_their_floor(name, fixtures_dir, heldout_extraction, tmp_path):
    precision_floor, f1_floor = FLOORS[name]
    heldout = fixtures_dir / name
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(record) + "\n" for record in heldout_extraction[name]), encoding="utf-8")
    overall = evaluate(heldout / "gold", heldout / "index.json", pred).overall
    assert overall.precision >= precision_floor, f"{name} precision {overall.precision:.3f} < {precision_floor}"
    assert overall.f1 >= f1_floor, f"{name} F1 {overall.f1:.3f} < {f1_floor}"
