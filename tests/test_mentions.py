from kg.gazetteer import load_gazetteer
from kg.mentions import find_mentions
from tests.handmade import make_doc


def test_determiners_dropped_and_classes_corrected_from_data() -> None:
    doc = make_doc([("La", "le", "DET", "det", 1), ("Chine", "Chine", "PROPN", "nsubj", 2),
                    ("bloque", "bloquer", "VERB", "ROOT", 2), ("Instagram", "Instagram", "PROPN", "obj", 2),
                    ("et", "et", "CCONJ", "cc", 5), ("Idinvest", "Idinvest", "PROPN", "conj", 3),
                    ("Partners", "Partners", "PROPN", "flat:name", 5), (".", ".", "PUNCT", "punct", 2)],
                   ents=["B-LOC", "I-LOC", "O", "B-LOC", "O", "B-PER", "I-PER", "O"])
    got = {(m.text, m.kind, m.cue) for m in find_mentions(doc, load_gazetteer()) if m.form == "name"}
    assert got == {("Chine", "Place", "gazetteer"), ("Instagram", "Product", "gazetteer"),
                   ("Idinvest Partners", "Organization", "name")}


def test_elided_words_and_pronouns_are_never_names() -> None:
    doc = make_doc([("C'", "ce", "PRON", "nsubj", 2, "", True), ("est", "être", "AUX", "cop", 2),
                    ("Qu'", "que", "SCONJ", "mark", 2, "", True), ("elle", "lui", "PRON", "nsubj", 2)],
                   ents=["B-MISC", "O", "B-ORG", "O"])
    mentions = find_mentions(doc, load_gazetteer())
    assert [m.form for m in mentions] == ["pronoun"]


def test_money_and_dates_are_mentions() -> None:
    doc = make_doc([("7", "7", "NUM", "nummod", 1), ("M€", "M€", "NOUN", "ROOT", 1),
                    ("en", "en", "ADP", "case", 3), ("avril", "avril", "NOUN", "nmod", 1),
                    ("2021", "2021", "NUM", "nummod", 3)])
    kinds = [(m.text, m.kind) for m in find_mentions(doc, load_gazetteer())]
    assert kinds == [("7 M€", "MonetaryAmount"), ("en avril 2021", "Time")]
