"""The spaCy pipeline kg loads, with the NER weights kg ships."""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.tokens import Doc

from kg import nlp


def test_the_default_model_gets_the_shipped_ner_weights_and_another_model_none() -> None:
    weights = nlp.ner_weights(nlp.DEFAULT_MODEL)
    assert weights is not None and weights.joinpath("model").is_file()
    meta = json.loads(weights.joinpath("meta.json").read_text(encoding="utf-8"))
    assert meta["base"].startswith(nlp.DEFAULT_MODEL) and meta["component"] == "ner"
    assert nlp.ner_weights("fr_core_news_lg") is None


@pytest.mark.model
def test_the_shipped_ner_finds_a_person_a_place_and_an_organisation() -> None:
    text = "Le groupe Renault a nommé Jean Martin à la tête de son usine de Douai, a indiqué vendredi la direction."
    doc = nlp.load()(text)  # no gazetteer: the names are the NER's own
    found = {(ent.text, ent.label_) for ent in doc.ents}
    assert {("Jean Martin", "PER"), ("Douai", "LOC"), ("Renault", "ORG")} <= found, found


def test_a_sentence_goes_on_after_an_exclamation_mark_a_comma_or_a_lower_case_word_follows() -> None:
    words = ["Yahoo", "!", ",", "Carol", "parle", ".", "Stop", "!", "a", "dit", "Max", ".", "Fini", "!", "Il", "part"]
    doc = nlp._line_breaks(Doc(spacy.blank("fr").vocab, words=words, sent_starts=[True] * len(words)))
    assert [s.text for s in doc.sents] == ["Yahoo ! , Carol parle .", "Stop ! a dit Max .", "Fini !", "Il part"]
