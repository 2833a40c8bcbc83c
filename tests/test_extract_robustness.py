"""Bad input to the whole extraction: no crash, nothing invented, evidence always slices its section."""
from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.extraction import extract_article
from extractor.models import AbstractSection, Article

# Words and numbers in abstract style, so random text often looks like a result sentence.
VOCAB = ["complete remission", "CR", "overall survival", "median", "months", "patients", "(", ")", "%", "vs.",
         "respectively", "95% CI", "P =", "HR", "mg/m2", "inotuzumab", "of", "and", "was", "were", "2-year",
         "No patient", "developed", "VOD", "n =", "·", "−", "≥", "–", ";", ",", "."]
NUMBERS = st.one_of(st.integers(-50, 1000).map(str), st.floats(0, 999, allow_nan=False).map(lambda f: f"{f:.1f}"))
ABSTRACT_WORDS = st.lists(st.one_of(st.sampled_from(VOCAB), NUMBERS, st.text(max_size=6)), max_size=60)


def _article(text: str) -> Article:
    return Article(pmid="1", title="A title", sections=(AbstractSection("RESULTS", "RESULTS", text),))


def _values(result: dict) -> list[dict]:
    return result["outcomes"] + result["doses"] + result["comparisons"] + list(result["scalar_evidence"].values())


def _check(article: Article, result: dict) -> None:
    texts = article.named_texts()
    for value in _values(result):
        evidence = value.get("evidence", value)
        name, text = texts[evidence["section_index"]]
        assert (name, text[evidence["start"]:evidence["end"]]) == (evidence["section"], evidence["text"])
    for outcome in result["outcomes"]:
        if outcome["unit"] == "%" and outcome["value"] is not None and not outcome.get("computed"):
            assert 0 <= outcome["value"] <= 100 or outcome.get("flags"), outcome


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=ABSTRACT_WORDS)
def test_extract_random_abstract_style_text_never_crashes_and_evidence_holds(nlp, words):
    article = _article(" ".join(words))
    _check(article, extract_article(article, nlp))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=400))
def test_extract_arbitrary_unicode_never_crashes(nlp, text):
    article = _article(text)
    _check(article, extract_article(article, nlp))


def test_extract_non_english_text_invents_nothing(nlp):
    text = ("Die Remissionsrate lag bei 80 Prozent. Le taux de survie globale à deux ans était de 54 %. "
            "La mediana de supervivencia fue de 7,7 meses.")
    result = extract_article(_article(text), nlp)
    assert result["outcomes"] == [] and result["doses"] == [] and result["comparisons"] == []


def test_extract_negative_count_is_not_a_rate(nlp):
    result = extract_article(_article("Complete remission was achieved by -5 patients (-10%)."), nlp)
    assert all(o["value"] is None or o["value"] >= 0 for o in result["outcomes"])


def test_extract_very_long_abstract_is_handled_and_every_value_found(nlp):
    sentence = "The complete remission rate was {}% in cohort {}. "
    text = "".join(sentence.format(10 + i % 80, i) for i in range(400))  # ~20,000 characters
    article = _article(text)
    result = extract_article(article, nlp)
    _check(article, result)
    assert len(result["outcomes"]) >= 70  # distinct values; repeats of one fact are kept once


def test_extract_every_number_reported_is_in_its_evidence(nlp, fixtures_dir):
    from extractor.pubmed_xml import iter_articles

    for path in sorted((fixtures_dir / "demo").glob("*.xml")):
        for article in iter_articles(path):
            result = extract_article(article, nlp)
            for outcome in result["outcomes"]:
                if outcome["value"] is None or outcome.get("computed") or outcome["value"] == 0:
                    continue
                digits = re.findall(r"\d+(?:[.·]\d+)?", outcome["evidence"]["text"])
                numbers = {float(d.replace("·", ".")) for d in digits}
                months = outcome["unit"] == "months"  # may be converted from weeks, days or years
                assert months or float(outcome["value"]) in numbers, (article.pmid, outcome)
