"""Tokenizer and sentence segmentation for abstract style."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, tokens",
    [
        ("P = .01", ["P", "=", ".01"]),
        ("P=.001", ["P", "=", ".001"]),
        ("p<0.05", ["p", "<", "0.05"]),
        ("95% CI, 0.55 to 0.93", ["95", "%", "CI", ",", "0.55", "to", "0.93"]),
        ("[95% CI: 0.55-0.93]", ["[", "95", "%", "CI", ":", "0.55", "-", "0.93", "]"]),
        ("(n = 48)", ["(", "n", "=", "48", ")"]),
        ("(n=48)", ["(", "n", "=", "48", ")"]),
        ("0·6", ["0·6"]),
        ("≥40", ["≥", "40"]),
        ("> or =40", [">", "or", "=", "40"]),
        ("−1.2", ["−1.2"]),
        ("12–24", ["12", "–", "24"]),
        ("44/48", ["44", "/", "48"]),
        ("80.7% vs. 29.4%", ["80.7", "%", "vs.", "29.4", "%"]),
        ("mg/m2", ["mg", "/", "m2"]),
        ("10^9/L", ["10", "^", "9", "/", "L"]),
        ("1×10^6", ["1", "×", "10", "^", "6"]),
        ("2.5x10(6)/kg", ["2.5", "x", "10", "(", "6", ")", "/", "kg"]),
        ("80%(44/48)", ["80", "%", "(", "44", "/", "48", ")"]),
        ("31(18-60) years", ["31", "(", "18", "-", "60", ")", "years"]),
        ("CR/CRi", ["CR", "/", "CRi"]),
        ("CR+CRi", ["CR", "+", "CRi"]),
        ("HR=0.71;", ["HR", "=", "0.71", ";"]),
        ("1- and 3-year", ["1", "-", "and", "3", "-", "year"]),
        ("no. of cycles", ["no.", "of", "cycles"]),
    ],
)
def test_pipeline_tokenizer_splits_abstract_numbers(nlp, text, tokens):
    assert [t.text for t in nlp.make_doc(text)] == tokens


@pytest.mark.parametrize("text", ["0·6", ".01", "−1.2", "48", "forty"])
def test_pipeline_like_num_accepts_abstract_numbers(nlp, text):
    assert nlp.make_doc(text)[0].like_num


@pytest.mark.parametrize(
    "text, sentences",
    [
        ("CR was 50% vs. 30% in controls. OS was longer.", ["CR was 50% vs. 30% in controls.", "OS was longer."]),
        ("The difference was significant (P = .01). Median OS was 7 months.",
         ["The difference was significant (P = .01).", "Median OS was 7 months."]),
        ("The no. of cycles was 2. Toxicity was mild.", ["The no. of cycles was 2.", "Toxicity was mild."]),
        ("Agents (e.g. blinatumomab) were used. Responses were seen.",
         ["Agents (e.g. blinatumomab) were used.", "Responses were seen."]),
        ("As Smith et al. reported, CR was 0.5 of cases.", ["As Smith et al. reported, CR was 0.5 of cases."]),
        ("Patients in arm A. Outcomes differed.", ["Patients in arm A.", "Outcomes differed."]),
        ("OS was 7.7 mo. vs. 4 mo. in controls. EFS was 3 months.",
         ["OS was 7.7 mo. vs. 4 mo. in controls.", "EFS was 3 months."]),
        ("Survival was 40%. 2-year EFS was 30%.", ["Survival was 40%.", "2-year EFS was 30%."]),
    ],
)
def test_pipeline_sentences_survive_abstract_style(nlp, text, sentences):
    assert [s.text for s in nlp(text).sents] == sentences


def test_pipeline_empty_text(nlp):
    assert len(nlp("")) == 0


def test_pipeline_rule_spans_carry_label_and_id(nlp):
    doc = nlp("The median overall survival was 8 months.")
    assert ("ENDPOINT", "OS") in {(s.label_, s.id_) for s in doc.spans["rules"]}
