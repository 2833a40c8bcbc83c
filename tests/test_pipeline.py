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
        # Two spaces or a line break after the full stop (a blank token) still end the sentence.
        ("CR was 80%.  OS was 7 months.", ["CR was 80%.  ", "OS was 7 months."]),
        ("Results.\n\nThirty patients (n = 30).", ["Results.\n\n", "Thirty patients (n = 30)."]),
        ("It ended.  \n", ["It ended.  \n"]),
        ("Doses were 1.5 mg.  and more.", ["Doses were 1.5 mg.  and more."]),
    ],
)
def test_pipeline_sentences_survive_abstract_style(nlp, text, sentences):
    assert [s.text for s in nlp(text).sents] == sentences


def test_pipeline_empty_text(nlp):
    assert len(nlp("")) == 0


def test_pipeline_rule_spans_carry_label_and_id(nlp):
    doc = nlp("The median overall survival was 8 months.")
    assert ("ENDPOINT", "OS") in {(s.label_, s.id_) for s in doc.spans["rules"]}


# --- Our RuleSpanRuler (TokenPatternMatcher, its own dedupe and sort) must give exactly what spaCy's stock SpanRuler
# with its own Matcher gives: the same spans, labels and ids, in the same order. ---

def _reference_ruler(nlp):
    """The same rules in a stock SpanRuler (spaCy's Matcher), on the same tokenizer, vocabulary and sentence
    segmenter (a rule on IS_SENT_START needs the same sentence starts)."""
    import spacy

    from extractor.pipeline import RULER, SENTENCES, SPANS_KEY

    reference = spacy.blank("en", vocab=nlp.vocab)
    reference.tokenizer = nlp.tokenizer
    reference.add_pipe(SENTENCES)
    ruler = reference.add_pipe("span_ruler", config={
        "spans_key": SPANS_KEY, "phrase_matcher_attr": "LOWER", "validate": True, "overwrite": False})
    ruler.add_patterns(nlp.get_pipe(RULER).patterns)
    return reference


def _spans(doc):
    return [(s.start, s.end, s.start_char, s.end_char, s.label_, s.id_, s.kb_id)
            for s in doc.spans.get("rules", [])]  # in the group's order


def _stem_named(spans):
    """The stock ruler's spans as ours names a stem rule's (an id starting with STEM_ID): by the matched words in
    lower case, dropped where a span of another rule of its label overlaps it, one span per name."""
    from extractor.pipeline import STEM_ID

    listed = [s for s in spans if not s[5].startswith(STEM_ID)]
    named = []
    for start, end, start_char, end_char, label, id_, kb_id in spans:
        if id_.startswith(STEM_ID):
            if any(s[0] < end and start < s[1] and s[4] == label for s in listed):
                continue
            id_ = None  # filled in by _reference_spans from the text
        named.append((start, end, start_char, end_char, label, id_, kb_id))
    return named


def _reference_spans(reference, text):
    doc = reference(text)
    rows = [row if row[5] is not None else (*row[:5], doc[row[0]:row[1]].text.lower(), row[6])
            for row in _stem_named(_spans(doc))]
    return list(dict.fromkeys(rows))


def _pattern_words(nlp):
    words = set()
    for pattern in nlp.get_pipe("extractor_rules").patterns:
        if isinstance(pattern["pattern"], str):
            words.update(pattern["pattern"].split())
        else:
            for token in pattern["pattern"]:
                words.update(v for k, v in token.items() if isinstance(v, str) and k != "OP")
                for v in token.values():
                    if isinstance(v, dict):
                        words.update(x for x in v.get("IN", []) if isinstance(x, str))
    return sorted(words) + ["(", ")", ".", ",", "%", "12", "0.5", "vs.", "The", "patients", "-"]


@pytest.fixture(scope="module")
def reference(nlp):
    return _reference_ruler(nlp)


def test_pipeline_token_matcher_equals_spacy_matcher_on_real_text(nlp, reference, corpus_dir, fixtures_dir):
    from extractor.pubmed_xml import iter_articles

    paths = [corpus_dir / "articles.xml", *sorted((fixtures_dir / "demo").glob("*.xml"))]
    texts = [text for path in paths for article in iter_articles(path) for _, text in article.named_texts()]
    differ = [t[:80] for t in texts if _spans(nlp(t)) != _reference_spans(reference, t)]
    assert len(texts) > 100 and differ == []


def test_pipeline_token_matcher_equals_spacy_matcher_on_token_soups(nlp, reference):
    import random

    words, rng = _pattern_words(nlp), random.Random(7)
    for _ in range(3000):
        text = " ".join(rng.choice(words) if rng.random() < 0.9 else rng.choice(words).upper()
                        for _ in range(rng.randint(1, 25)))
        assert _spans(nlp(text)) == _reference_spans(reference, text), text


def test_pipeline_sentence_start_rules_see_the_segmenters_starts():
    """IS_SENT_START is not an attribute of the one-pass matcher, so such a rule goes to spaCy's Matcher, after the
    segmenter: it matches at every sentence's first word, as the stock ruler (with the segmenter) does."""
    import spacy

    from extractor.pipeline import RULE_RULER, RULER, SENTENCES, SPANS_KEY

    ours = spacy.blank("en")
    ours.add_pipe(SENTENCES)
    ours.add_pipe(RULE_RULER, name=RULER, config={"spans_key": SPANS_KEY, "phrase_matcher_attr": "LOWER"}).add_patterns([
        {"label": "CUE", "id": "opening", "pattern": [{"IS_SENT_START": True, "LOWER": "overall"}]},
        {"label": "CUE", "id": "anywhere", "pattern": [{"LOWER": "overall"}]},
    ])
    reference = _reference_ruler(ours)
    text = "Overall, CR was 50%. Overall survival was 7 months and overall toxicity was mild."
    doc = ours(text)
    assert [(s.start, s.id_) for s in doc.spans[SPANS_KEY] if s.id_ == "opening"] == [(0, "opening"), (7, "opening")]
    assert _spans(doc) == _spans(reference(text))


def test_pipeline_lower_reads_spelling_variants_but_text_stays(nlp):
    doc = nlp("Haematological recovery in paediatric leukaemia.")
    assert [t.lower_ for t in doc] == ["hematologic", "recovery", "in", "pediatric", "leukemia", "."]
    assert doc.text == "Haematological recovery in paediatric leukaemia."


def test_pipeline_token_rule_lower_values_follow_the_spelling_table(nlp):
    from extractor.pipeline import RULER

    values = [v for p in nlp.get_pipe(RULER).patterns if not isinstance(p["pattern"], str)
              for token in p["pattern"] for v in _lower_values(token)]
    assert values and not [v for v in values if v.startswith(("haem", "paed", "leukaem"))]


def _lower_values(token):
    value = token.get("LOWER")
    if isinstance(value, str):
        return [value]
    return value.get("IN", []) if isinstance(value, dict) else []


def test_pipeline_token_matcher_equals_spacy_matcher_on_operators_and_late_patterns():
    """Wildcards, optional, repeated and counted tokens, flags; a pattern added after docs were matched (the
    matcher's per-word memo must not hide it)."""
    import random

    import spacy
    from spacy.matcher import Matcher

    from extractor.token_matcher import TokenPatternMatcher

    nlp = spacy.blank("en")
    patterns = {
        "WILD": [{"LOWER": "a"}, {"OP": "?"}, {"LOWER": "b"}],
        "STAR": [{"LOWER": "a"}, {"LOWER": {"IN": ["x", "y"]}, "OP": "*"}, {"LIKE_NUM": True}],
        "PLUS": [{"ORTH": "("}, {"IS_ALPHA": True, "OP": "+"}, {"ORTH": ")"}],
        "COUNT": [{"LOWER": "b", "OP": "{1,2}"}, {"LOWER": {"NOT_IN": ["a"]}}],
        "OPTIONAL_FIRST": [{"LOWER": "x", "OP": "?"}, {"LOWER": {"REGEX": "^y+$"}}, {"LOWER": "a", "OP": "?"}],
        # a flag, then optional steps: matched as alternatives filed under the word after them ("30-day")
        "FLAG_THEN_OPTIONAL": [{"LIKE_NUM": True}, {"ORTH": "-", "OP": "?"}, {"LOWER": "b", "OP": "?"},
                               {"LOWER": "z"}],
        # filed under the rarer word, not the comma both alternatives start with
        "COMMON_FIRST": [{"ORTH": {"IN": [",", "("]}}, {"LOWER": "z"}, {"LOWER": "a", "OP": "*"}],
    }
    ours, theirs = TokenPatternMatcher(nlp.vocab), Matcher(nlp.vocab)
    rng, words = random.Random(3), ["a", "b", "x", "y", "yy", "(", ")", "12", "A", "B", "z", "-", ","]
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 12))) for _ in range(2000)]
    for key, pattern in patterns.items():
        ours.add(key, [pattern])
        theirs.add(key, [pattern])
        for text in texts[:400]:
            doc = nlp.make_doc(text)
            assert sorted(ours(doc)) == sorted(theirs(doc)), (key, text)
    for text in texts:
        doc = nlp.make_doc(text)
        assert sorted(ours(doc)) == sorted(theirs(doc)), text


def test_pipeline_rule_span_ruler_equals_stock_span_ruler_after_clear():
    """Our ruler on its own (a blank pipeline): repeated matches, a token and a phrase rule on the same span, an
    empty phrase or token side; clear() keeps the one-pass matcher."""
    import spacy

    from extractor.pipeline import RULE_RULER
    from extractor.token_matcher import TokenPatternMatcher

    patterns = [
        {"label": "A", "id": "x", "pattern": [{"LOWER": "b", "OP": "+"}]},
        {"label": "A", "id": "x", "pattern": "b b"},
        {"label": "B", "pattern": [{"LOWER": "a"}, {"LOWER": "b", "OP": "*"}]},
        {"label": "A", "id": "y", "pattern": "a b"},
    ]
    texts = ["a b b b a", "b", "A B. b a b", "", "c d"]
    for chosen in (patterns, patterns[:1], patterns[1:2]):
        ours, stock = spacy.blank("en"), spacy.blank("en")
        config = {"spans_key": "rules", "phrase_matcher_attr": "LOWER", "overwrite": False}
        ruler = ours.add_pipe(RULE_RULER, config=config)
        ruler.add_patterns(chosen)
        stock.add_pipe("span_ruler", config=config).add_patterns(chosen)
        for _ in range(2):
            for text in texts:
                assert _spans(ours(text)) == _spans(stock(text)), (chosen, text)
            ruler.clear()
            ruler.add_patterns(chosen)
        assert isinstance(ruler.matcher, TokenPatternMatcher)


def test_pipeline_rule_matches_are_the_rule_spans_until_the_group_changes(nlp):
    from spacy.tokens import Span

    from extractor.pipeline import SPANS_KEY, rule_matches

    doc = nlp("The median overall survival was 8 months vs. 6 months (HR, 0.7).")
    group = doc.spans[SPANS_KEY]
    assert rule_matches(doc) == [(s.start, s.end, s.start_char, s.end_char, s.label_, s.id_) for s in group]
    assert rule_matches(doc, "other") is None
    group.append(Span(doc, 0, 1, label="X"))
    assert rule_matches(doc) is None  # extended in place
    doc.spans[SPANS_KEY] = list(group)[:-1]
    assert rule_matches(doc) is None  # replaced, even by the same spans
    assert rule_matches(nlp.make_doc("OS was 8 months.")) is None  # not made by the ruler


def test_pipeline_ruler_match_then_set_annotations_equals_calling_it(nlp):
    """The stock two steps (`match`, then `set_annotations`) give the same group and rows as one call, which hands
    its own tuples on (and fills the group without a Span per match); the segmenter's record is taken by the
    ruler, not kept."""
    from extractor.pipeline import _TOKENS, RULER, SPANS_KEY, rule_matches

    text = "Median OS was 8.2 months (95% CI, 6.1-10.3) vs. 6 months; CR/CRi was 80.7% (HR, 0.7; P < .001)."
    ruler = nlp.get_pipe(RULER)
    called = nlp(text)
    stepped = nlp.get_pipe("extractor_sentences")(nlp.make_doc(text))
    assert stepped in _TOKENS
    ruler.set_annotations(stepped, ruler.match(stepped))
    assert stepped not in _TOKENS and rule_matches(stepped) == rule_matches(called) and rule_matches(called)
    assert _spans(stepped) == _spans(called) and len(stepped.spans[SPANS_KEY]) == len(rule_matches(called))
    assert stepped.spans[SPANS_KEY].to_bytes() == called.spans[SPANS_KEY].to_bytes()


@pytest.mark.parametrize("text", ["50% vs. 30% (vs. 20%)", "Vs. placebo, vs.", "29.4%vs. 3", "x vs.Following",
                                  "a vs . b", "avs. b vs.vs."])
def test_pipeline_tokenizer_reads_vs_as_the_special_case_does(nlp, text):
    tokenizer = nlp.tokenizer
    assert [(t.text, t.idx) for t in tokenizer(text)] == [(t.text, t.idx) for t in tokenizer.exact(text)]


def test_pipeline_caching_tokenizer_equals_the_exact_one_on_glued_soups(nlp):
    """The fast tokenizer reads "vs." as a whole word, not a special case (so spaCy keeps caching the text's chunks);
    where that could differ (a glued chunk), the text is tokenized by the exact one: the same tokens either way."""
    import random

    tokenizer = nlp.tokenizer
    words = _pattern_words(nlp) + ["vs", "Vs", "vs.", "Vs.", "no.", "e.g.", "al.", "(", ")", "%", "/", ";", "'s", "\n"]
    rng = random.Random(5)
    for _ in range(3000):
        text = "".join(rng.choice(words) + rng.choice(["", " ", " ", "  "]) for _ in range(rng.randint(1, 20)))
        assert [(t.text, t.idx, t.norm_) for t in tokenizer(text)] == \
            [(t.text, t.idx, t.norm_) for t in tokenizer.exact(text)], text


def test_pipeline_caching_tokenizer_sends_only_glued_words_to_the_exact_one(nlp):
    tokenizer = nlp.tokenizer
    assert not tokenizer._splits_a_word(tokenizer.fast("50% vs. 30% (vs. 20%), Vs. placebo"), "50% vs. 30% (vs. 20%), Vs. placebo")
    assert tokenizer._splits_a_word(tokenizer.fast("29.4%vs. 3"), "29.4%vs. 3")


def test_pipeline_caching_tokenizer_pickles(nlp):
    import pickle

    tokenizer = pickle.loads(pickle.dumps(nlp.tokenizer))
    text = "OS was 8 vs. 6 months (29.4%vs. 3)."
    assert [t.text for t in tokenizer(text)] == [t.text for t in nlp.tokenizer(text)]


def test_pipeline_token_matcher_files_patterns_under_selective_words():
    """A pattern is tried only where one of its selective words occurs: not at every comma or number (the
    filing is what keeps the one pass cheap; the matches are checked against spaCy's above)."""
    import spacy

    from extractor.token_matcher import TokenPatternMatcher

    nlp = spacy.blank("en")
    matcher = TokenPatternMatcher(nlp.vocab)
    matcher.add("COMMON_FIRST", [[{"ORTH": {"IN": [",", "("]}}, {"LOWER": "relapsed"}]])
    matcher.add("FLAG_FIRST", [[{"LIKE_NUM": True}, {"ORTH": "-", "OP": "?"}, {"LOWER": "day"}, {"LOWER": "mortality"}]])
    filed = {nlp.vocab.strings[value] for buckets in matcher._by_value.values() for value in buckets}
    assert filed == {"relapsed", "day"} and not matcher._anywhere
    doc = nlp.make_doc("30-day mortality, relapsed and 60 day mortality")
    assert [doc[s:e].text for _, s, e in matcher(doc)] == ["30-day mortality", ", relapsed", "60 day mortality"]


def test_pipeline_token_matcher_gates_each_try_with_one_set_lookup():
    """Before a filed pattern is tried, one token it needs is looked up in a set of words (ORTH ids): a selective
    check of its leading steps ("primary" rather than "and"), or the words that can follow them, even when those
    are read from two attributes (an optional dash, or "lineage") or by a REGEX; only tries passing it cost a
    call. Each word's answer is worked out once, when the word first meets the check."""
    import spacy

    from extractor.token_matcher import TokenPatternMatcher

    nlp = spacy.blank("en")
    matcher = TokenPatternMatcher(nlp.vocab)
    matcher.add("TWO_ATTRIBUTES", [[{"ORTH": "B"}, {"ORTH": "-", "OP": "?"}, {"LOWER": "lineage"}]])
    matcher.add("COMMON_NEXT", [[{"LOWER": "relapsed"}, {"LOWER": {"IN": ["and", "or"]}}, {"LOWER": "primary"}]])
    matcher.add("REGEX_NEXT", [[{"LOWER": "age"}, {"LOWER": {"REGEX": "^[0-9]+$"}, "OP": "+"}]])
    doc = nlp.make_doc("B cells, B - lineage, B Lineage, relapsed and refractory, relapsed or Primary, age 40, age x")
    assert [doc[s:e].text for _, s, e in matcher(doc)] == [
        "B - lineage", "B Lineage", "relapsed or Primary", "age 40"]
    strings = nlp.vocab.strings
    entries = [entry for buckets in matcher._by_value.values() for filed in buckets.values() for entry in filed]
    passed = {strings[entry.compiled.key]: {orth for orth, passes in entry.gate[1].items() if passes}
              for entry in entries}  # the words that met each gate and passed it
    assert passed["TWO_ATTRIBUTES"] == {strings["-"], strings["Lineage"]}  # "cells" met it and failed
    assert passed["COMMON_NEXT"] == {strings["Primary"]}
    assert passed["REGEX_NEXT"] == {strings["40"]}
