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


def test_titles_demonyms_and_sentence_initial_words_are_not_names() -> None:
    doc = make_doc([("Trouver", "trouver", "VERB", "ROOT", 0), ("la", "le", "DET", "det", 2),
                    ("Polonaise", "polonais", "NOUN", "obj", 0), ("Oktawia", "Oktawia", "PROPN", "appos", 2),
                    ("Nowacka", "Nowacka", "PROPN", "flat:name", 3), ("et", "et", "CCONJ", "cc", 6),
                    ("Professeur", "professeur", "NOUN", "conj", 2), ("Mark", "Mark", "PROPN", "flat:name", 6),
                    ("Sullivan", "Sullivan", "PROPN", "flat:name", 6), ("en", "en", "ADP", "case", 10),
                    ("Bretagne", "Bretagne", "PROPN", "obl", 0)],
                   ents=["B-PER", "O", "B-LOC", "I-LOC", "I-LOC", "O", "B-PER", "I-PER", "I-PER", "O", "B-PER"])
    got = [(m.text, m.kind) for m in find_mentions(doc, load_gazetteer()) if m.form == "name"]
    assert got == [("Oktawia Nowacka", "Person"), ("Mark Sullivan", "Person"), ("Bretagne", "Place")]


def test_misc_is_a_product_only_in_context() -> None:
    doc = make_doc([("publier", "publier", "VERB", "ROOT", 0), ("sur", "sur", "ADP", "case", 2),
                    ("Reels", "Reels", "PROPN", "obl", 0), ("pendant", "pendant", "ADP", "case", 4),
                    ("Pâques", "Pâques", "PROPN", "obl", 0)], ents=["O", "O", "B-MISC", "O", "B-MISC"])
    cues = {m.text: m.cue for m in find_mentions(doc, load_gazetteer()) if m.form == "name"}
    assert cues == {"Reels": "context", "Pâques": "ner"}


def test_institution_nouns_made_names() -> None:
    doc = make_doc([("le", "le", "DET", "det", 1), ("gouvernement", "gouvernement", "NOUN", "nsubj", 3),
                    ("canadien", "canadien", "ADJ", "amod", 1), ("saisit", "saisir", "VERB", "ROOT", 3),
                    ("le", "le", "DET", "det", 5), ("tribunal", "tribunal", "NOUN", "obj", 3),
                    ("de", "de", "ADP", "case", 7), ("Paris", "Paris", "PROPN", "nmod", 5)],
                   ents=["O", "O", "O", "O", "O", "O", "O", "B-LOC"])
    got = [(m.text, m.kind) for m in find_mentions(doc, load_gazetteer()) if m.form == "name"]
    assert got == [("gouvernement canadien", "Organization"), ("tribunal de Paris", "Organization"),
                   ("Paris", "Place")]


def test_the_state_a_nationality_qualifies_is_an_institution() -> None:
    # "l'Etat français vend, l'état de santé": the state is the capitalised noun with a demonym
    doc = make_doc([("l'", "le", "DET", "det", 1, "", True), ("Etat", "état", "NOUN", "nsubj", 3),
                    ("français", "français", "ADJ", "amod", 1), ("vend", "vendre", "VERB", "ROOT", 3),
                    (",", ",", "PUNCT", "punct", 6, "", True), ("l'", "le", "DET", "det", 6, "", True),
                    ("état", "état", "NOUN", "conj", 3), ("de", "de", "ADP", "case", 8), ("santé", "santé", "NOUN",
                    "nmod", 6)], ents=["O", "B-ORG", "O", "O", "O", "O", "O", "O", "O"])
    got = [(m.text, m.kind) for m in find_mentions(doc, load_gazetteer()) if m.form == "name"]
    assert got == [("Etat français", "Organization")]
    # "l'État américain du Texas" is the state's, a place
    doc = make_doc([("l'", "le", "DET", "det", 1, "", True), ("État", "état", "NOUN", "ROOT", 1),
                    ("américain", "américain", "ADJ", "amod", 1), ("du", "de", "ADP", "case", 4),
                    ("Texas", "Texas", "PROPN", "nmod", 1)], ents=["O", "O", "O", "O", "B-LOC"])
    assert [m.text for m in find_mentions(doc, load_gazetteer()) if m.form == "name"] == ["Texas"]


def test_a_name_after_a_noun_of_organisations_is_the_name_alone() -> None:
    # "la banque française Oddo paie le gouvernement Valls": the bank's name is Oddo; a person's name after
    # another noun is the whole's
    doc = make_doc([("la", "le", "DET", "det", 1), ("banque", "banque", "NOUN", "nsubj", 4),
                    ("française", "français", "ADJ", "amod", 1), ("Oddo", "Oddo", "PROPN", "appos", 1),
                    ("paie", "payer", "VERB", "ROOT", 4), ("le", "le", "DET", "det", 6),
                    ("gouvernement", "gouvernement", "NOUN", "obj", 4), ("Valls", "Valls", "PROPN", "appos", 6)],
                   ents=["O", "O", "O", "B-PER", "O", "O", "O", "B-PER"])
    got = [(m.text, m.kind) for m in find_mentions(doc, load_gazetteer()) if m.form == "name"]
    assert got == [("Oddo", "Organization"), ("gouvernement Valls", "Organization")]
    # "le club Monaco gagne": a name the words call a place's is the whole's
    doc = make_doc([("le", "le", "DET", "det", 1), ("club", "club", "NOUN", "nsubj", 3),
                    ("Monaco", "Monaco", "PROPN", "appos", 1), ("gagne", "gagner", "VERB", "ROOT", 3)],
                   ents=["O", "O", "B-LOC", "O"])
    got = [(m.text, m.kind) for m in find_mentions(doc, load_gazetteer()) if m.form == "name"]
    assert got == [("club Monaco", "Organization"), ("Monaco", "Place")]


def test_an_institution_noun_without_its_article_makes_no_name() -> None:
    # "le conseil d'administration d'Engie": a kind of board, not an administration named Engie
    doc = make_doc([("le", "le", "DET", "det", 1), ("conseil", "conseil", "NOUN", "nsubj", 1),
                    ("d'", "de", "ADP", "case", 3, "", True), ("administration", "administration", "NOUN", "nmod", 1),
                    ("d'", "de", "ADP", "case", 5, "", True), ("Engie", "Engie", "PROPN", "nmod", 3)],
                   ents=["O", "O", "O", "O", "O", "B-ORG"])
    got = [(m.text, m.kind) for m in find_mentions(doc, load_gazetteer()) if m.form == "name"]
    assert got == [("Engie", "Organization")]


def test_hyphenated_names_stay_whole() -> None:
    # "l'Agence France-Presse" (the model tags "France" alone) and "contre al-Nosra"
    doc = make_doc([("à", "à", "ADP", "case", 2), ("l'", "le", "DET", "det", 2, "", True),
                    ("Agence", "agence", "NOUN", "ROOT", 2), ("France", "France", "PROPN", "flat:name", 2, "", True),
                    ("-", "-", "PROPN", "flat:name", 2, "", True), ("Presse", "presse", "NOUN", "flat:name", 2),
                    ("contre", "contre", "ADP", "case", 9), ("al", "al", "PROPN", "nmod", 2, "", True),
                    ("-", "-", "PROPN", "flat:name", 7, "", True), ("Nosra", "Nosra", "PROPN", "flat:name", 7)],
                   ents=["O", "O", "O", "B-LOC", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG"])
    got = [m.text for m in find_mentions(doc, load_gazetteer()) if m.form == "name"]
    assert got == ["Agence France-Presse", "al-Nosra"]


def test_a_nationality_that_does_not_agree_is_not_part_of_the_name() -> None:
    rows = [("ministre", "ministre", "NOUN", "ROOT", 0, "Gender=Masc|Number=Sing"), ("des", "de", "ADP", "case", 2),
            ("Affaires", "affaire", "NOUN", "nmod", 0, "Gender=Fem|Number=Plur"),
            ("étrangères", "étranger", "ADJ", "amod", 2, "Gender=Fem|Number=Plur"),
            ("français", "français", "ADJ", "amod", 0, "Gender=Masc|Number=Sing"), ("et", "et", "CCONJ", "cc", 6),
            ("Union", "union", "NOUN", "conj", 0, "Gender=Fem|Number=Sing"),
            ("européenne", "européen", "ADJ", "amod", 6, "Gender=Fem|Number=Sing")]
    doc = make_doc(rows, ents=["O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "I-ORG"])
    got = [(m.text, m.cue) for m in find_mentions(doc, load_gazetteer()) if m.form == "name"]
    assert got == [("Affaires étrangères", "context"), ("Union européenne", "gazetteer")]  # a portfolio: context


def test_a_ministers_portfolio_is_an_organisation() -> None:
    doc = make_doc([("le", "le", "DET", "det", 1), ("ministre", "ministre", "NOUN", "nsubj", 6),
                    ("de", "de", "ADP", "case", 4), ("l'", "le", "DET", "det", 4, "", True),
                    ("Économie", "économie", "NOUN", "nmod", 1), ("et", "et", "CCONJ", "cc", 6),
                    ("M.", "monsieur", "NOUN", "nsubj", 6), ("Ping", "Ping", "PROPN", "flat:name", 6),
                    ("parlent", "parler", "VERB", "ROOT", 8)],
                   ents=["O", "O", "O", "O", "B-PER", "O", "O", "O", "O"])
    got = [(m.text, m.kind, m.cue) for m in find_mentions(doc, load_gazetteer()) if m.form == "name"]
    assert got == [("Économie", "Organization", "context")]


def test_the_country_of_a_prime_minister_is_no_portfolio() -> None:
    doc = make_doc([("le", "le", "DET", "det", 2), ("Premier", "premier", "ADJ", "amod", 2),
                    ("ministre", "ministre", "NOUN", "nsubj", 2), ("de", "de", "ADP", "case", 4),
                    ("Karsakie", "Karsakie", "PROPN", "nmod", 2)], ents=["O", "O", "O", "O", "B-LOC"])
    got = [(m.text, m.kind) for m in find_mentions(doc, load_gazetteer()) if m.form == "name"]
    assert got == [("Karsakie", "Place")]


def test_an_institution_is_named_by_its_seat_past_the_words_that_say_which_one_it_is() -> None:
    # "le tribunal de grande instance de Nanterre et la compagnie aérienne française"
    rows = [("le", "le", "DET", "det", 1), ("tribunal", "tribunal", "NOUN", "ROOT", 1), ("de", "de", "ADP", "case", 4),
            ("grande", "grand", "ADJ", "amod", 4), ("instance", "instance", "NOUN", "nmod", 1),
            ("de", "de", "ADP", "case", 6), ("Nanterre", "Nanterre", "PROPN", "nmod", 1), ("et", "et", "CCONJ", "cc", 9),
            ("la", "le", "DET", "det", 9), ("compagnie", "compagnie", "NOUN", "conj", 1),
            ("aérienne", "aérien", "ADJ", "amod", 9), ("française", "français", "ADJ", "amod", 9)]
    ents = ["O"] * 6 + ["B-LOC"] + ["O"] * 5
    got = [(m.text, m.kind) for m in find_mentions(make_doc(rows, ents), load_gazetteer()) if m.form == "name"]
    assert got == [("tribunal de grande instance de Nanterre", "Organization"), ("Nanterre", "Place")]


def test_a_name_the_gazetteer_knows_is_not_trimmed() -> None:
    doc = make_doc([("racheté", "racheter", "VERB", "ROOT", 0), ("par", "par", "ADP", "case", 2),
                    ("eBay", "eBay", "PROPN", "obl", 0)], ents=["O", "O", "B-ORG"])
    got = [(m.text, m.cue) for m in find_mentions(doc, load_gazetteer()) if m.form == "name"]
    assert got == [("eBay", "gazetteer")]


def test_the_words_before_a_name_or_its_first_name_give_a_gender() -> None:
    doc = make_doc([("la", "le", "DET", "det", 1, "Gender=Fem"), ("présidente", "président", "NOUN", "nsubj", 5,
                                                                        "Gender=Fem"),
                    ("Anne", "Anne", "PROPN", "appos", 1, "Gender=Fem"), ("Roy", "Roy", "PROPN", "flat:name", 2),
                    ("et", "et", "CCONJ", "cc", 5), ("Paul", "Paul", "PROPN", "conj", 1, "Gender=Masc"),
                    ("Durand", "Durand", "PROPN", "flat:name", 5), ("Lou", "Lou", "PROPN", "flat:name", 5)],
                   ents=["O", "O", "B-PER", "I-PER", "O", "B-PER", "I-PER", "O"])
    got = [(m.text, m.gender) for m in find_mentions(doc, load_gazetteer()) if m.form == "name"]
    assert got == [("Anne Roy", "Fem"), ("Paul Durand Lou", "Masc")]


def test_a_personal_il_is_kept_though_the_model_calls_it_expletive() -> None:
    def pronouns(rows: list[tuple]) -> list[str]:
        return [m.text for m in find_mentions(make_doc(rows), load_gazetteer()) if m.form == "pronoun"]

    # "il se rendait à l'ambassade": reflexive, tagged expl:subj by the model, still a person
    assert pronouns([("il", "il", "PRON", "expl:subj", 2), ("se", "se", "PRON", "expl:comp", 2),
                     ("rendait", "rendre", "VERB", "ROOT", 2)]) == ["il"]
    # "il a été touché": a passive with no clause after it
    assert pronouns([("il", "il", "PRON", "nsubj:pass", 3), ("a", "avoir", "AUX", "aux:tense", 3),
                     ("été", "être", "AUX", "aux:pass", 3), ("touché", "toucher", "VERB", "ROOT", 3)]) == ["il"]
    # "il est probable qu'elle vienne": the copula's real subject is the clause
    assert pronouns([("il", "il", "PRON", "expl:subj", 2), ("est", "être", "AUX", "cop", 2),
                     ("probable", "probable", "ADJ", "ROOT", 2), ("qu'", "que", "SCONJ", "mark", 5, "", True),
                     ("elle", "elle", "PRON", "nsubj", 5), ("vienne", "venir", "VERB", "ccomp", 2)]) == ["elle"]
    # "il lui est reproché d'avoir menti"
    assert pronouns([("il", "il", "PRON", "expl:subj", 3), ("lui", "lui", "PRON", "iobj", 3),
                     ("est", "être", "AUX", "aux:tense", 3), ("reproché", "reprocher", "VERB", "ROOT", 3),
                     ("d'", "de", "ADP", "mark", 6, "", True), ("avoir", "avoir", "AUX", "aux:tense", 6),
                     ("menti", "mentir", "VERB", "xcomp", 3)]) == []


def test_a_plural_pronoun_stands_only_for_a_group_or_an_organisation_in_the_plural() -> None:
    doc = make_doc([("Ils", "il", "PRON", "nsubj", 1), ("arrivent", "arriver", "VERB", "ROOT", 1)])
    assert [(m.text, m.kind, m.plural) for m in find_mentions(doc, load_gazetteer()) if m.form == "pronoun"] == [
        ("Ils", "Group|Organization", True)]


def test_object_pronouns_are_not_mentions() -> None:
    # "elle lui parle puis le voit"
    doc = make_doc([("elle", "elle", "PRON", "nsubj", 2), ("lui", "lui", "PRON", "iobj", 2),
                    ("parle", "parler", "VERB", "ROOT", 2), ("puis", "puis", "ADV", "advmod", 5),
                    ("le", "le", "PRON", "obj", 5), ("voit", "voir", "VERB", "conj", 2)])
    got = [(m.text, m.kind, m.subject) for m in find_mentions(doc, load_gazetteer()) if m.form == "pronoun"]
    assert got == [("elle", "Organization|Product|Person|Group", True)]


def test_a_pronoun_after_a_preposition_stands_for_a_person_or_a_group() -> None:
    # "il rentre chez lui", "l'un d'eux"; not "il a, quant à lui, ri"
    def after(words: list[tuple]) -> list[tuple]:
        return [(m.text, m.kind, m.gender, m.plural) for m in find_mentions(make_doc(words), load_gazetteer())
                if m.form == "pronoun" and not m.subject]
    assert after([("il", "il", "PRON", "nsubj", 1), ("rentre", "rentrer", "VERB", "ROOT", 1),
                  ("chez", "chez", "ADP", "case", 3), ("lui", "lui", "PRON", "obl:mod", 1)]) == [
        ("lui", "Person", "Masc", False)]
    assert after([("l'", "le", "DET", "det", 1, "", True), ("un", "un", "PRON", "ROOT", 1),
                  ("d'", "de", "ADP", "case", 3, "", True), ("eux", "lui", "PRON", "nmod", 1)]) == [
        ("eux", "Group", None, True)]
    assert after([("il", "il", "PRON", "nsubj", 6), ("a", "avoir", "AUX", "aux:tense", 6),
                  ("quant", "quant", "ADV", "advmod", 6), ("à", "à", "ADP", "case", 4), ("lui", "lui", "PRON", "obl", 6),
                  (",", ",", "PUNCT", "punct", 4), ("ri", "rire", "VERB", "ROOT", 6)]) == []


def test_a_noun_with_a_name_apposed_after_it_between_commas_says_so() -> None:
    # "Le directeur, Paul Roy, parle." ; "Le directeur, Paul Roy et Anne Lou parlent." is a list
    def cue(listed: bool) -> list[tuple[str, str, str]]:
        rows = [("Le", "le", "DET", "det", 1), ("directeur", "directeur", "NOUN", "nsubj", 7),
                (",", ",", "PUNCT", "punct", 3), ("Paul", "Paul", "PROPN", "appos", 1),
                ("Roy", "Roy", "PROPN", "flat:name", 3)]
        rows += [("et", "et", "CCONJ", "cc", 3), ("Anne", "Anne", "PROPN", "conj", 3)] if listed else \
            [(",", ",", "PUNCT", "punct", 3), ("vraiment", "vraiment", "ADV", "advmod", 7)]
        rows += [("parle", "parler", "VERB", "ROOT", 7)]
        doc = make_doc(rows, ents=["O", "O", "O", "B-PER", "I-PER", "O", "B-PER" if listed else "O", "O"])
        return [(m.text, m.form, m.cue) for m in find_mentions(doc, load_gazetteer()) if m.text == "directeur"]
    assert cue(False) == [("directeur", "description", "apposition")]
    assert cue(True) == [("directeur", "noun", "ner")]


def test_the_gender_of_an_epicene_noun_says_nothing_of_the_person() -> None:
    # "la victime" may be a man ("La victime ... il"); "la femme" is a woman
    def gender(noun: str) -> list[str | None]:
        doc = make_doc([("La", "le", "DET", "det", 1), (noun, noun, "NOUN", "nsubj", 2, "Gender=Fem|Number=Sing"),
                        ("parle", "parler", "VERB", "ROOT", 2)])
        return [m.gender for m in find_mentions(doc, load_gazetteer()) if m.form == "noun"]
    assert gender("victime") == [None]
    assert gender("femme") == ["Fem"]


def test_a_verb_that_tells_of_an_incident_names_it_unless_a_noun_does() -> None:
    def incidents(rows: list[tuple]) -> list[tuple[str, str]]:
        return [(m.text, m.form) for m in find_mentions(make_doc(rows), load_gazetteer()) if m.kind == "Incident"]
    # "L'avion s'écrase", "L'usine prend feu"; not "L'usine prend l'air"
    assert incidents([("L'", "le", "DET", "det", 1, "", True), ("avion", "avion", "NOUN", "nsubj", 3),
                      ("s'", "se", "PRON", "expl:comp", 3, "", True), ("écrase", "écraser", "VERB", "ROOT", 3)]) == [
        ("écrase", "noun")]
    for thing, verb_to in (("feu", [("prend feu", "noun")]), ("air", [])):
        assert incidents([("L'", "le", "DET", "det", 1, "", True), ("usine", "usine", "NOUN", "nsubj", 2),
                          ("prend", "prendre", "VERB", "ROOT", 2), (thing, thing, "NOUN", "obj", 2)]) == verb_to
    # "Un incendie brûle", "un incendie qui brûle": the noun is the mention
    assert incidents([("Un", "un", "DET", "det", 1), ("incendie", "incendie", "NOUN", "nsubj", 2),
                      ("brûle", "brûler", "VERB", "ROOT", 2)]) == [("incendie", "noun")]
    assert incidents([("un", "un", "DET", "det", 1), ("incendie", "incendie", "NOUN", "ROOT", 1),
                      ("qui", "qui", "PRON", "nsubj", 3), ("brûle", "brûler", "VERB", "acl:relcl", 1)]) == [
        ("incendie", "noun")]


def test_a_person_noun_in_the_plural_is_a_group_or_a_service() -> None:
    # "Les policiers arrivent" (a group), "Les pompiers arrivent" (the fire brigade)
    def kind(noun: str) -> list[str]:
        doc = make_doc([("Les", "le", "DET", "det", 1), (noun + "s", noun, "NOUN", "nsubj", 2, "Number=Plur"),
                        ("arrivent", "arriver", "VERB", "ROOT", 2)])
        return [m.kind for m in find_mentions(doc, load_gazetteer()) if m.form == "noun"]
    assert kind("policier") == ["Group"]
    assert kind("pompier") == ["Organization"]


def test_idioms_and_halves_of_compounds_are_no_mentions() -> None:
    # "L'agresseur a pris la fuite" (no leak); "une bande-annonce" (no gang)
    doc = make_doc([("L'", "le", "DET", "det", 1, "", True), ("agresseur", "agresseur", "NOUN", "nsubj", 3),
                    ("a", "avoir", "AUX", "aux:tense", 3), ("pris", "prendre", "VERB", "ROOT", 3),
                    ("la", "le", "DET", "det", 5), ("fuite", "fuite", "NOUN", "obj", 3), ("une", "un", "DET", "det", 7),
                    ("bande", "bande", "NOUN", "obl", 3, "", True), ("-", "-", "ADJ", "amod", 7, "", True),
                    ("annonce", "annonce", "NOUN", "compound", 7)])
    assert [m.text for m in find_mentions(doc, load_gazetteer()) if m.form == "noun"] == ["agresseur"]


def test_a_quoted_name_after_an_institution_noun_is_that_organisation() -> None:
    # "l'ONG américaine « Health » aide": the model calls Health MISC
    doc = make_doc([("l'", "le", "DET", "det", 1, "", True), ("ONG", "ong", "NOUN", "nsubj", 6),
                    ("américaine", "américain", "ADJ", "amod", 1), ("«", "«", "PUNCT", "punct", 4),
                    ("Health", "Health", "PROPN", "appos", 1), ("»", "»", "PUNCT", "punct", 4),
                    ("aide", "aider", "VERB", "ROOT", 6)], ents=["O", "O", "O", "O", "B-MISC", "O", "O"])
    got = [(m.text, m.kind, m.cue) for m in find_mentions(doc, load_gazetteer()) if m.form == "name"]
    assert got == [("Health", "Organization", "context")]


def test_ce_dernier_is_a_mention_only_when_the_last_noun_of_its_gender_names_an_entity() -> None:
    def latter(rows: list[tuple], ents: list[str]) -> list[tuple]:
        doc = make_doc(rows, ents)
        return [(m.text, m.gender, m.nearest) + (("plural",) if m.plural else ())
                for m in find_mentions(doc, load_gazetteer()) if m.form == "pronoun"]

    # "Léa voit Paul Roy. Ce dernier part."
    rows = [("Léa", "Léa", "PROPN", "nsubj", 1), ("voit", "voir", "VERB", "ROOT", 1), ("Paul", "Paul", "PROPN", "obj", 1),
            ("Roy", "Roy", "PROPN", "flat:name", 2), (".", ".", "PUNCT", "punct", 1),
            ("Ce", "ce", "DET", "det", 6), ("dernier", "dernier", "ADJ", "nsubj", 7, "Gender=Masc|Number=Sing"),
            ("part", "partir", "VERB", "ROOT", 7)]
    ents = ["B-PER", "O", "B-PER", "I-PER", "O", "O", "O", "O"]
    assert latter(rows, ents) == [("Ce dernier", "Masc", True)]
    # "Léa voit un cambrioleur. Ce dernier part.": the latter is the burglar, a thing of the article;
    # "Léa voit un nuage. Ce dernier part.": a cloud is no entity
    def after(noun: str, number: str, latter_word: str) -> list[tuple]:
        rows = [("Léa", "Léa", "PROPN", "nsubj", 1), ("voit", "voir", "VERB", "ROOT", 1), ("un", "un", "DET", "det", 3),
                (noun, noun.rstrip("s"), "NOUN", "obj", 1, f"Gender=Masc|Number={number}"), (".", ".", "PUNCT", "punct", 1),
                ("Ces" if number == "Plur" else "Ce", "ce", "DET", "det", 6),
                (latter_word, "dernier", "ADJ", "nsubj", 7, f"Gender=Masc|Number={number}"),
                ("part", "partir", "VERB", "ROOT", 7)]
        return latter(rows, ["B-PER", "O", "O", "O", "O", "O", "O", "O"])
    assert after("cambrioleur", "Sing", "dernier") == [("Ce dernier", "Masc", True)]
    assert after("nuage", "Sing", "dernier") == []
    # "Léa voit des cambrioleurs. Ces derniers partent.": a plural latter
    assert after("cambrioleurs", "Plur", "derniers") == [("Ces derniers", "Masc", True, "plural")]
    # "Paul Roy voit Lyon. Ce dernier part.": the last noun is a place's name, which "ce dernier" is not taken for
    rows = [("Paul", "Paul", "PROPN", "nsubj", 2), ("Roy", "Roy", "PROPN", "flat:name", 0),
            ("voit", "voir", "VERB", "ROOT", 2), ("Lyon", "Lyon", "PROPN", "obj", 2), (".", ".", "PUNCT", "punct", 2),
            ("Ce", "ce", "DET", "det", 6), ("dernier", "dernier", "ADJ", "nsubj", 7, "Gender=Masc|Number=Sing"),
            ("part", "partir", "VERB", "ROOT", 7)]
    assert latter(rows, ["B-PER", "I-PER", "O", "B-LOC", "O", "O", "O", "O"]) == []


def test_the_quotes_after_an_institution_noun_hold_its_name_whatever_the_ner_saw() -> None:
    # "l'Association « Un enfant, une famille » aide": the NER took "Association « Un" for the name
    doc = make_doc([("l'", "le", "DET", "det", 1, "", True), ("Association", "association", "NOUN", "nsubj", 9),
                    ("«", "«", "PUNCT", "punct", 3), ("Un", "un", "DET", "det", 4),
                    ("enfant", "enfant", "NOUN", "appos", 1, "", True), (",", ",", "PUNCT", "punct", 7),
                    ("une", "un", "DET", "det", 7),
                    ("famille", "famille", "NOUN", "conj", 4), ("»", "»", "PUNCT", "punct", 4),
                    ("aide", "aider", "VERB", "ROOT", 9)],
                   ents=["O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O", "O", "O"])
    got = [(m.text, m.kind, m.cue) for m in find_mentions(doc, load_gazetteer()) if m.form == "name"]
    assert got == [("Un enfant, une famille", "Organization", "context")]


def test_the_noun_before_du_nom_de_gives_the_class_of_the_name() -> None:
    # "un concurrent du nom de Rivian": the NER says a place, the noun says a company
    doc = make_doc([("un", "un", "DET", "det", 1), ("concurrent", "concurrent", "NOUN", "nsubj", 5),
                    ("du", "de", "ADP", "case", 3), ("nom", "nom", "NOUN", "nmod", 1), ("de", "de", "ADP", "case", 5),
                    ("Rivian", "Rivian", "PROPN", "nmod", 3)], ents=["O", "O", "O", "O", "O", "B-LOC"])
    got = [(m.text, m.kind, m.cue) for m in find_mentions(doc, load_gazetteer()) if m.form == "name"]
    assert got == [("Rivian", "Organization", "context")]


def test_a_noun_set_before_names_says_they_are_organisations() -> None:
    # "les géants Walmart et Google", "du groupe parapétrolier TechnipFMC": the NER says a product and a person;
    # "le journal La Croix, Cynthia Fleury": a name after a comma is not coordinated
    doc = make_doc([("les", "le", "DET", "det", 1), ("géants", "géant", "NOUN", "nsubj", 1),
                    ("Walmart", "Walmart", "PROPN", "nmod", 1), ("et", "et", "CCONJ", "cc", 4),
                    ("Google", "Google", "PROPN", "conj", 2), ("du", "de", "ADP", "case", 6),
                    ("groupe", "groupe", "NOUN", "nmod", 1), ("parapétrolier", "parapétrolier", "ADJ", "amod", 6),
                    ("TechnipFMC", "TechnipFMC", "PROPN", "nmod", 6), ("le", "le", "DET", "det", 10),
                    ("journal", "journal", "NOUN", "nmod", 1), ("Libération", "Libération", "PROPN", "nmod", 10),
                    (",", ",", "PUNCT", "punct", 13, "", True), ("Cynthia", "Cynthia", "PROPN", "appos", 11),
                    ("Fleury", "Fleury", "PROPN", "flat:name", 13)],
                   ents=["O", "O", "B-MISC", "O", "B-PER", "O", "O", "O", "B-MISC", "O", "O", "B-ORG", "O", "B-PER",
                         "I-PER"])
    got = [(m.text, m.kind, m.cue) for m in find_mentions(doc, load_gazetteer()) if m.form == "name"]
    # the NER's organisation is one by context as well: "au groupe Bolloré" stays apart from Vincent Bolloré
    assert got == [("Walmart", "Organization", "gazetteer"), ("Google", "Organization", "gazetteer"),
                   ("TechnipFMC", "Organization", "context"), ("Libération", "Organization", "context"),
                   ("Cynthia Fleury", "Person", "ner")]
    # "le géant du lait Lactalis": the noun's complement between it and the name
    doc = make_doc([("le", "le", "DET", "det", 1), ("géant", "géant", "NOUN", "ROOT", 1), ("du", "de", "ADP", "case", 3),
                    ("lait", "lait", "NOUN", "nmod", 1), ("Lactalis", "Lactalis", "PROPN", "nmod", 1)],
                   ents=["O", "O", "O", "O", "B-LOC"])
    assert [(m.text, m.kind) for m in find_mentions(doc, load_gazetteer()) if m.form == "name"] == [
        ("Lactalis", "Organization")]


def test_a_company_heading_its_paragraph_before_its_description_is_an_organisation() -> None:
    # "Santé\n\nBiogen : le groupe américain ..." (the NER's span over the line break is cut there); "Westinghouse :
    # l'entreprise ..." the NER passed over; not "Karsak : les autorités ...", a plural
    rows = [("Santé", "santé", "NOUN", "ROOT", 0), ("\n\n", "\n\n", "SPACE", "dep", 0, "", True),
            ("Biogen", "Biogen", "PROPN", "ROOT", 2), (":", ":", "PUNCT", "punct", 2), ("le", "le", "DET", "det", 5),
            ("groupe", "groupe", "NOUN", "nsubj", 7), ("américain", "américain", "ADJ", "amod", 5),
            ("investit", "investir", "VERB", "ROOT", 7), (".", ".", "PUNCT", "punct", 7, "", True),
            ("\n", "\n", "SPACE", "dep", 8, "", True), ("Westinghouse", "Westinghouse", "PROPN", "ROOT", 10),
            (":", ":", "PUNCT", "punct", 10), ("l'", "le", "DET", "det", 13, "", True),
            ("entreprise", "entreprise", "NOUN", "nsubj", 14), ("recrute", "recruter", "VERB", "ROOT", 14),
            (".", ".", "PUNCT", "punct", 14, "", True), ("\n", "\n", "SPACE", "dep", 15, "", True),
            ("Karsak", "Karsak", "PROPN", "ROOT", 17), (":", ":", "PUNCT", "punct", 17),
            ("les", "le", "DET", "det", 20), ("autorités", "autorité", "NOUN", "nsubj", 21),
            ("saisissent", "saisir", "VERB", "ROOT", 21)]
    ents = ["B-ORG", "I-ORG", "I-ORG", *["O"] * 14, "B-PER", *["O"] * 4]
    got = [(m.text, m.kind) for m in find_mentions(make_doc(rows, ents, starts=(0, 2, 10, 17)), load_gazetteer())
           if m.form == "name"]
    assert got == [("Biogen", "Organization"), ("Westinghouse", "Organization"), ("Karsak", "Person")]


def test_a_paragraph_s_head_before_a_nationality_s_noun_that_acts_is_a_company() -> None:
    # "Merck : le laboratoire allemand investit.\nMacron : le président français parle.": a title is a person's
    rows = [("Merck", "Merck", "PROPN", "ROOT", 0), (":", ":", "PUNCT", "punct", 0), ("le", "le", "DET", "det", 3),
            ("laboratoire", "laboratoire", "NOUN", "nsubj", 5), ("allemand", "allemand", "ADJ", "amod", 3),
            ("investit", "investir", "VERB", "ROOT", 5), (".", ".", "PUNCT", "punct", 5, "", True),
            ("\n", "\n", "SPACE", "dep", 6, "", True), ("Macron", "Macron", "PROPN", "ROOT", 8),
            (":", ":", "PUNCT", "punct", 8), ("le", "le", "DET", "det", 11),
            ("président", "président", "NOUN", "nsubj", 13), ("français", "français", "ADJ", "amod", 11),
            ("parle", "parler", "VERB", "ROOT", 13)]
    got = [(m.text, m.kind) for m in find_mentions(make_doc(rows, starts=(0, 8)), load_gazetteer()) if m.form == "name"]
    assert got == [("Merck", "Organization")]


def test_an_article_with_a_capital_inside_a_sentence_begins_the_name() -> None:
    # "Il lit Le Parisien à La Ciotat. La Croix titre.": the NER left the article out of the newspaper and took it
    # into the other; a place is named without it
    rows = [("Il", "il", "PRON", "nsubj", 1), ("lit", "lire", "VERB", "ROOT", 1), ("Le", "le", "DET", "det", 3),
            ("Parisien", "Parisien", "PROPN", "obj", 1), ("à", "à", "ADP", "case", 6), ("La", "le", "DET", "det", 6),
            ("Ciotat", "Ciotat", "PROPN", "obl", 1), (".", ".", "PUNCT", "punct", 1), ("La", "le", "DET", "det", 9),
            ("Croix", "Croix", "PROPN", "nsubj", 10), ("titre", "titrer", "VERB", "ROOT", 10)]
    ents = ["O", "O", "O", "B-ORG", "O", "O", "B-LOC", "O", "B-ORG", "I-ORG", "O"]
    got = [m.text for m in find_mentions(make_doc(rows, ents, starts=(0, 8)), load_gazetteer()) if m.form == "name"]
    assert got == ["Le Parisien", "Ciotat", "Croix"]


def test_a_number_that_begins_a_name_is_part_of_it() -> None:
    # "Il fonde 2F Conseil et achète 21st Century Fox et 3 Renault.": the NER took the number into the first and
    # left it out of the second; a count is not part of a name
    rows = [("Il", "il", "PRON", "nsubj", 1), ("fonde", "fonder", "VERB", "ROOT", 1), ("2F", "2f", "NOUN", "obj", 1),
            ("Conseil", "conseil", "NOUN", "flat:name", 2), ("et", "et", "CCONJ", "cc", 5),
            ("achète", "acheter", "VERB", "conj", 1), ("21st", "21st", "PROPN", "obj", 5),
            ("Century", "Century", "PROPN", "flat:name", 6), ("Fox", "Fox", "PROPN", "flat:name", 6),
            ("et", "et", "CCONJ", "cc", 11), ("3", "3", "NUM", "nummod", 11), ("Renault", "Renault", "PROPN", "conj", 6)]
    ents = ["O", "O", "B-ORG", "I-ORG", "O", "O", "O", "B-ORG", "I-ORG", "O", "B-ORG", "I-ORG"]
    got = [m.text for m in find_mentions(make_doc(rows, ents), load_gazetteer()) if m.form == "name"]
    assert got == ["2F Conseil", "21st Century Fox", "Renault"]


def test_an_organisation_s_name_runs_on_over_the_list_of_what_it_deals_with() -> None:
    # "La Direction des entreprises, de la concurrence et de l'emploi parle de Renault, de la crise et des prix."
    rows = [("La", "le", "DET", "det", 1), ("Direction", "direction", "NOUN", "nsubj", 12),
            ("des", "de", "ADP", "case", 3), ("entreprises", "entreprise", "NOUN", "nmod", 1, "", True),
            (",", ",", "PUNCT", "punct", 7), ("de", "de", "ADP", "case", 7), ("la", "le", "DET", "det", 7),
            ("concurrence", "concurrence", "NOUN", "conj", 3), ("et", "et", "CCONJ", "cc", 11),
            ("de", "de", "ADP", "case", 11), ("l'", "le", "DET", "det", 11, "", True),
            ("emploi", "emploi", "NOUN", "conj", 3), ("parle", "parler", "VERB", "ROOT", 12),
            ("de", "de", "ADP", "case", 14), ("Renault", "Renault", "PROPN", "obl", 12, "", True),
            (",", ",", "PUNCT", "punct", 18), ("de", "de", "ADP", "case", 18), ("la", "le", "DET", "det", 18),
            ("crise", "crise", "NOUN", "conj", 14), ("et", "et", "CCONJ", "cc", 21), ("des", "de", "ADP", "case", 21),
            ("prix", "prix", "NOUN", "conj", 14)]
    ents = ["O", "B-ORG", "I-ORG", "I-ORG", *["O"] * 10, "B-ORG", *["O"] * 7]
    got = [m.text for m in find_mentions(make_doc(rows, ents), load_gazetteer()) if m.form == "name"]
    assert got == ["Direction des entreprises, de la concurrence et de l'emploi", "Renault"]
    # a name with no complement of its own is followed by other things: "l'alliance du Crédit Acme Ouest, de la
    # concurrence et de l'emploi"
    rows[1:4] = [("Crédit", "crédit", "NOUN", "nsubj", 12), ("Acme", "Acme", "PROPN", "flat:name", 1),
                 ("Ouest", "Ouest", "PROPN", "flat:name", 1, "", True)]
    ents[1:4] = ["B-ORG", "I-ORG", "I-ORG"]
    got = [m.text for m in find_mentions(make_doc(rows, ents), load_gazetteer()) if m.form == "name"]
    assert got == ["Crédit Acme Ouest", "Renault"]


def test_an_acronym_the_tagger_took_for_a_pronoun_is_a_name_but_on_is_none() -> None:
    # "BFMTV et RMC émettent. On écoute.": RMC tagged a pronoun, "On" a proper noun, each a name to the NER
    rows = [("BFMTV", "BFMTV", "PROPN", "nsubj", 3), ("et", "et", "CCONJ", "cc", 2), ("RMC", "RMC", "PRON", "conj", 0),
            ("émettent", "émettre", "VERB", "ROOT", 3), (".", ".", "PUNCT", "punct", 3),
            ("On", "on", "PROPN", "nsubj", 6), ("écoute", "écouter", "VERB", "ROOT", 6)]
    ents = ["B-ORG", "O", "B-ORG", "O", "O", "B-PER", "O"]
    got = [m.text for m in find_mentions(make_doc(rows, ents, starts=(0, 5)), load_gazetteer()) if m.form == "name"]
    assert got == ["BFMTV", "RMC"]


def test_a_noun_after_a_copula_says_what_the_name_is_and_is_no_description() -> None:
    # "Paul Roy est le président." and "Anne Roy, qui est la présidente, parle.": the relative's noun stands for her
    rows = [("Paul", "Paul", "PROPN", "nsubj", 4), ("Roy", "Roy", "PROPN", "flat:name", 0), ("est", "être", "AUX", "cop", 4),
            ("le", "le", "DET", "det", 4), ("président", "président", "NOUN", "ROOT", 4), (".", ".", "PUNCT", "punct", 4),
            ("Anne", "Anne", "PROPN", "nsubj", 14), ("Roy", "Roy", "PROPN", "flat:name", 6),
            (",", ",", "PUNCT", "punct", 12), ("qui", "qui", "PRON", "nsubj", 12), ("est", "être", "AUX", "cop", 12),
            ("la", "le", "DET", "det", 12),
            ("présidente", "président", "NOUN", "acl:relcl", 6), (",", ",", "PUNCT", "punct", 12),
            ("parle", "parler", "VERB", "ROOT", 14)]
    ents = ["B-PER", "I-PER", *["O"] * 4, "B-PER", "I-PER", *["O"] * 7]
    got = [m.text for m in find_mentions(make_doc(rows, ents, starts=(0, 6)), load_gazetteer()) if m.form == "description"]
    assert got == ["présidente"]


def test_a_catch_all_name_in_a_list_of_organisations_is_one() -> None:
    # "Bpifrance, Eurazeo, Kernel et Accel investissent. Avec Steam, Valve gagne.": as many organisations as guesses;
    # a comma after a fronted phrase is no list
    rows = [("Bpifrance", "Bpifrance", "PROPN", "nsubj", 7, "", True), (",", ",", "PUNCT", "punct", 2),
            ("Eurazeo", "Eurazeo", "PROPN", "conj", 0, "", True), (",", ",", "PUNCT", "punct", 4),
            ("Kernel", "Kernel", "PROPN", "conj", 0), ("et", "et", "CCONJ", "cc", 6),
            ("Accel", "Accel", "PROPN", "conj", 0), ("investissent", "investir", "VERB", "ROOT", 7),
            (".", ".", "PUNCT", "punct", 7), ("Avec", "avec", "ADP", "case", 10),
            ("Steam", "Steam", "PROPN", "obl", 13, "", True), (",", ",", "PUNCT", "punct", 10),
            ("Valve", "Valve", "PROPN", "nsubj", 13), ("gagne", "gagner", "VERB", "ROOT", 13)]
    ents = ["B-MISC", "O", "B-ORG", "O", "B-ORG", "O", "B-MISC", "O", "O", "O", "B-MISC", "O", "B-ORG", "O"]
    got = [(m.text, m.kind) for m in find_mentions(make_doc(rows, ents, starts=(0, 9)), load_gazetteer())
           if m.form == "name"]
    assert got == [("Bpifrance", "Organization"), ("Eurazeo", "Organization"), ("Kernel", "Organization"),
                   ("Accel", "Organization"), ("Steam", "Product"), ("Valve", "Organization")]


def test_a_name_the_ner_ran_on_over_a_persons_is_cut_at_the_first_name() -> None:
    # "Groupama signe. Le directeur de Groupama Jean Azéma et la Fondation Jean Jaurès parlent."
    rows = [("Groupama", "Groupama", "PROPN", "nsubj", 1), ("signe", "signer", "VERB", "ROOT", 1),
            (".", ".", "PUNCT", "punct", 1), ("Le", "le", "DET", "det", 4), ("directeur", "directeur", "NOUN", "nsubj", 14),
            ("de", "de", "ADP", "case", 6), ("Groupama", "Groupama", "PROPN", "nmod", 4),
            ("Jean", "Jean", "PROPN", "flat:name", 6), ("Azéma", "Azéma", "PROPN", "flat:name", 6),
            ("et", "et", "CCONJ", "cc", 11), ("la", "le", "DET", "det", 11), ("Fondation", "fondation", "NOUN", "conj", 4),
            ("Jean", "Jean", "PROPN", "flat:name", 11), ("Jaurès", "Jaurès", "PROPN", "flat:name", 11),
            ("parlent", "parler", "VERB", "ROOT", 14)]
    ents = ["B-ORG", "O", "O", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O"]
    got = [(m.text, m.kind) for m in find_mentions(make_doc(rows, ents, starts=(0, 3)), load_gazetteer())
           if m.form == "name"]
    assert got == [("Groupama", "Organization"), ("Groupama", "Organization"), ("Jean Azéma", "Person"),
                   ("Fondation Jean Jaurès", "Organization")]


def test_a_description_ends_before_a_finite_verb_the_parser_hung_on_it() -> None:
    rows = [("le", "le", "DET", "det", 1), ("groupe", "groupe", "NOUN", "nsubj", 1),
            ("américain", "américain", "ADJ", "amod", 1), ("prévoit", "prévoir", "VERB", "amod", 1, "VerbForm=Fin")]
    assert [m.text for m in find_mentions(make_doc(rows), load_gazetteer())] == ["groupe américain"]


def test_a_name_before_a_comma_and_a_noun_of_an_organisation_is_one_but_not_a_place() -> None:
    # "Sotex, une filiale du groupe, et Bessan, un groupe de manifestants": the NER says a person and a place
    rows = [("Sotex", "Sotex", "PROPN", "nsubj", 0), (",", ",", "PUNCT", "punct", 3, "", True),
            ("une", "un", "DET", "det", 3), ("filiale", "filiale", "NOUN", "appos", 0), ("du", "de", "ADP", "case", 5),
            ("groupe", "groupe", "NOUN", "nmod", 3), (",", ",", "PUNCT", "punct", 8, "", True), ("et", "et", "CCONJ",
            "cc", 8), ("Bessan", "Bessan", "PROPN", "conj", 0), (",", ",", "PUNCT", "punct", 11, "", True),
            ("un", "un", "DET", "det", 11), ("groupe", "groupe", "NOUN", "appos", 8), ("de", "de", "ADP", "case", 13),
            ("manifestants", "manifestant", "NOUN", "nmod", 11)]
    ents = ["B-PER", *["O"] * 7, "B-LOC", *["O"] * 5]
    got = [(m.text, m.kind) for m in find_mentions(make_doc(rows, ents), load_gazetteer()) if m.form == "name"]
    assert got == [("Sotex", "Organization"), ("Bessan", "Place")]


def test_the_name_after_a_title_of_a_companys_staff_is_an_organisation() -> None:
    # "le directeur général actuel d'Aréas": the NER says a place; "le maire de Lyon" is no company's staff
    rows = [("le", "le", "DET", "det", 1), ("directeur", "directeur", "NOUN", "ROOT", 1),
            ("général", "général", "ADJ", "amod", 1), ("actuel", "actuel", "ADJ", "amod", 1),
            ("d'", "de", "ADP", "case", 5, "", True), ("Aréas", "Aréas", "PROPN", "nmod", 1),
            ("et", "et", "CCONJ", "cc", 8), ("le", "le", "DET", "det", 8), ("maire", "maire", "NOUN", "conj", 1),
            ("de", "de", "ADP", "case", 10), ("Lyon", "Lyon", "PROPN", "nmod", 8)]
    ents = ["O", "O", "O", "O", "O", "B-LOC", "O", "O", "O", "O", "B-LOC"]
    got = [(m.text, m.kind) for m in find_mentions(make_doc(rows, ents), load_gazetteer()) if m.form == "name"]
    assert got == [("Aréas", "Organization"), ("Lyon", "Place")]


def nouns(rows: list[tuple], ents: list[str] | None = None) -> list[tuple]:
    return [(m.text, m.kind, m.form, m.head + "+" * m.plural, m.definite)
            for m in find_mentions(make_doc(rows, ents), load_gazetteer())
            if m.form in {"noun", "description"}]


def test_common_nouns_of_people_groups_places_and_incidents_are_mentions() -> None:
    # "Une femme a eu un accident de voiture dans la rue ; les secours ont soigné ses enfants avec des brancards."
    rows = [("Une", "un", "DET", "det", 1), ("femme", "femme", "NOUN", "nsubj", 3, "Gender=Fem|Number=Sing"),
            ("a", "avoir", "AUX", "aux:tense", 3), ("eu", "avoir", "VERB", "ROOT", 3), ("un", "un", "DET", "det", 5),
            ("accident", "accident", "NOUN", "obj", 3), ("de", "de", "ADP", "case", 7),
            ("voiture", "voiture", "NOUN", "nmod", 5), ("dans", "dans", "ADP", "case", 10), ("la", "le", "DET", "det", 10),
            ("rue", "rue", "NOUN", "obl:mod", 3), (";", ";", "PUNCT", "punct", 3), ("les", "le", "DET", "det", 13),
            ("secours", "secours", "NOUN", "nsubj", 15, "Number=Plur"), ("ont", "avoir", "AUX", "aux:tense", 15),
            ("soigné", "soigner", "VERB", "conj", 3), ("ses", "son", "DET", "det", 17),
            ("enfants", "enfant", "NOUN", "obj", 15, "Number=Plur"), ("avec", "avec", "ADP", "case", 19),
            ("des", "un", "DET", "det", 19), ("brancards", "brancard", "NOUN", "obl:mod", 15, "Number=Plur")]
    assert nouns(rows) == [("femme", "Person", "noun", "femme", False),
                           ("accident de voiture", "Incident", "noun", "accident", False),
                           ("rue", "Place", "noun", "rue", True), ("secours", "Organization", "noun", "secours+", True),
                           ("enfants", "Group", "noun", "enfant+", True),
                           # an object stays one in the plural: "avec des brancards"
                           ("brancards", "Object", "noun", "brancard+", False)]


def test_a_noun_that_says_what_a_name_is_is_its_description_or_nothing() -> None:
    # "M. Paul Roy, directeur de la police, est médecin. Le président Macron a eu lieu."
    rows = [("M.", "m.", "NOUN", "nsubj", 10), ("Paul", "Paul", "PROPN", "flat:name", 0),
            ("Roy", "Roy", "PROPN", "flat:name", 0), (",", ",", "PUNCT", "punct", 4),
            ("directeur", "directeur", "NOUN", "appos", 0), ("de", "de", "ADP", "case", 7), ("la", "le", "DET", "det", 7),
            ("police", "police", "NOUN", "nmod", 4), (",", ",", "PUNCT", "punct", 4), ("est", "être", "AUX", "cop", 10),
            ("médecin", "médecin", "NOUN", "ROOT", 10), (".", ".", "PUNCT", "punct", 10),
            ("Le", "le", "DET", "det", 13), ("président", "président", "NOUN", "nsubj", 16),
            ("Macron", "Macron", "PROPN", "appos", 13), ("a", "avoir", "AUX", "aux:tense", 16),
            ("eu", "avoir", "VERB", "ROOT", 16), ("lieu", "lieu", "NOUN", "obj", 16)]
    ents = ["O", "B-PER", "I-PER"] + ["O"] * 11 + ["B-PER", "O", "O", "O"]
    # "directeur" is Paul Roy's, the police a thing of the article; "médecin" after a copula, "président" before
    # a name and "lieu" of "avoir lieu" are no mentions
    assert nouns(rows, ents) == [("directeur", "Person", "description", "directeur", False),
                                 ("police", "Organization", "noun", "police", True)]


def test_a_nationality_after_a_noun_is_not_part_of_its_mention() -> None:
    # "une femme américaine arrive"
    rows = [("une", "un", "DET", "det", 1), ("femme", "femme", "NOUN", "nsubj", 3),
            ("américaine", "américain", "ADJ", "amod", 1), ("arrive", "arriver", "VERB", "ROOT", 3)]
    assert [text for text, *_ in nouns(rows)] == ["femme"]


def test_common_nouns_after_contractions_once_and_not_a_death() -> None:
    # "Les habitants du quartier racontent la mort d'un groupe de jeunes."
    rows = [("Les", "le", "DET", "det", 1), ("habitants", "habitant", "NOUN", "nsubj", 4, "Number=Plur"),
            ("du", "de", "ADP", "case", 3), ("quartier", "quartier", "NOUN", "nmod", 1),
            ("racontent", "raconter", "VERB", "ROOT", 4), ("la", "le", "DET", "det", 6),
            ("mort", "mort", "NOUN", "obj", 4), ("d'", "de", "ADP", "case", 9, "", True), ("un", "un", "DET", "det", 9),
            ("groupe", "groupe", "NOUN", "nmod", 6), ("de", "de", "ADP", "case", 11),
            ("jeunes", "jeune", "NOUN", "nmod", 9, "Number=Plur")]
    assert [(text, kind, definite) for text, kind, _, _, definite in nouns(rows)] == [
        ("habitants", "Group", True), ("quartier", "Place", True), ("groupe de jeunes", "Group", False)]


def test_a_noun_after_a_fronted_place_is_no_apposition_and_a_title_far_before_a_name_no_mention() -> None:
    # "À Paris, la police parle." / "Le maire de Paris Anne Hidalgo parle."
    rows = [("À", "à", "ADP", "case", 1), ("Paris", "Paris", "PROPN", "obl:mod", 5), (",", ",", "PUNCT", "punct", 1),
            ("la", "le", "DET", "det", 4), ("police", "police", "NOUN", "nsubj", 5), ("parle", "parler", "VERB", "ROOT", 5)]
    assert nouns(rows, ["O", "B-LOC", "O", "O", "O", "O"]) == [("police", "Organization", "noun", "police", True)]
    rows = [("Le", "le", "DET", "det", 1), ("maire", "maire", "NOUN", "nsubj", 6), ("de", "de", "ADP", "case", 3),
            ("Paris", "Paris", "PROPN", "nmod", 1), ("Anne", "Anne", "PROPN", "appos", 1),
            ("Hidalgo", "Hidalgo", "PROPN", "flat:name", 4), ("parle", "parler", "VERB", "ROOT", 6)]
    assert nouns(rows, ["O", "O", "O", "B-LOC", "B-PER", "I-PER", "O"]) == []


def test_one_of_a_group_is_a_thing_of_its_own_named_by_the_groups_noun() -> None:
    # "L'un des policiers est blessé."
    rows = [("L'", "le", "DET", "det", 1, "", True), ("un", "un", "PRON", "nsubj", 5, "Gender=Masc|Number=Sing"),
            ("des", "de", "ADP", "case", 3), ("policiers", "policier", "NOUN", "nmod", 1, "Number=Plur"),
            ("est", "être", "AUX", "cop", 5), ("blessé", "blesser", "ADJ", "ROOT", 5)]
    assert nouns(rows) == [("un", "Person", "noun", "policier", False), ("policiers", "Group", "noun", "policier+", True)]


def test_a_word_that_judges_a_noun_is_not_part_of_its_mention() -> None:
    # "un terrible accident dévastateur", but "une petite maison"
    rows = [("un", "un", "DET", "det", 2), ("terrible", "terrible", "ADJ", "amod", 2),
            ("accident", "accident", "NOUN", "ROOT", 2), ("dévastateur", "dévastateur", "ADJ", "amod", 2),
            ("près", "près", "ADV", "advmod", 2),
            ("d'", "de", "ADP", "case", 8, "", True), ("une", "un", "DET", "det", 8), ("petite", "petit", "ADJ", "amod", 8),
            ("maison", "maison", "NOUN", "nmod", 2)]
    assert [m[0] for m in nouns(rows)] == ["accident", "petite maison"]
    # a compound the tokenizer split is whole: "les sapeurs-pompiers", "un camion-benne"
    rows = [("les", "le", "DET", "det", 3), ("sapeurs", "sapeur", "NOUN", "compound", 3, "", True),
            ("-", "-", "PUNCT", "punct", 3, "", True), ("pompiers", "pompier", "NOUN", "nsubj", 4, "Number=Plur"),
            ("arrivent", "arriver", "VERB", "ROOT", 4), ("avec", "avec", "ADP", "case", 7), ("un", "un", "DET", "det", 7),
            ("camion", "camion", "NOUN", "obl", 4, "", True), ("-", "-", "PUNCT", "punct", 7, "", True),
            ("benne", "benne", "NOUN", "compound", 7)]
    assert [m[0] for m in nouns(rows)] == ["sapeurs-pompiers", "camion-benne"]
    # its determiner hangs on its first half: "un sapeur-pompier"
    rows = [("un", "un", "DET", "det", 1), ("sapeur", "sapeur", "NOUN", "nsubj", 4, "", True),
            ("-", "-", "PUNCT", "punct", 3, "", True), ("pompier", "pompier", "NOUN", "compound", 1),
            ("arrive", "arriver", "VERB", "ROOT", 4)]
    assert [m[0] for m in nouns(rows)] == ["sapeur-pompier"]
    # nor one that says how big or what colour: "un grand camion noir"
    rows = [("un", "un", "DET", "det", 2), ("grand", "grand", "ADJ", "amod", 2), ("camion", "camion", "NOUN", "ROOT", 2),
            ("noir", "noir", "ADJ", "amod", 2)]
    assert [m[0] for m in nouns(rows)] == ["camion"]


def test_a_capitalised_title_is_no_name() -> None:
    # "Il a nommé Loïc Roy, Directeur général, hier."
    rows = [("Il", "il", "PRON", "nsubj", 2), ("a", "avoir", "AUX", "aux", 2), ("nommé", "nommer", "VERB", "ROOT", 2),
            ("Loïc", "Loïc", "PROPN", "obj", 2), ("Roy", "Roy", "PROPN", "flat:name", 3), (",", ",", "PUNCT", "punct", 6),
            ("Directeur", "directeur", "NOUN", "appos", 3), ("général", "général", "ADJ", "amod", 6),
            (",", ",", "PUNCT", "punct", 6), ("hier", "hier", "ADV", "advmod", 2)]
    found = find_mentions(make_doc(rows, ["O", "O", "O", "B-PER", "I-PER", "O", "B-PER", "I-PER", "O", "O"]),
                          load_gazetteer())
    assert [m.text for m in found if m.form == "name"] == ["Loïc Roy"]


def test_a_newspaper_keeps_the_article_of_its_title() -> None:
    # "selon le Monde": the title is "Le Monde", as the gold and Wikidata write it, not "Monde"
    doc = make_doc([("selon", "selon", "ADP", "case", 2), ("le", "le", "DET", "det", 2),
                    ("Monde", "Monde", "PROPN", "ROOT", 2), (".", ".", "PUNCT", "punct", 2)],
                   ents=["O", "O", "B-ORG", "O"])
    got = {(m.text, m.kind, m.cue) for m in find_mentions(doc, load_gazetteer()) if m.form == "name"}
    assert got == {("le Monde", "Organization", "gazetteer")}
    doc = make_doc([("selon", "selon", "ADP", "case", 2), ("les", "le", "DET", "det", 2),
                    ("Echos", "Echos", "PROPN", "ROOT", 2), (".", ".", "PUNCT", "punct", 2)],
                   ents=["O", "O", "B-ORG", "O"])
    got = {(m.text, m.kind, m.cue) for m in find_mentions(doc, load_gazetteer()) if m.form == "name"}
    assert got == {("les Echos", "Organization", "gazetteer")}


def test_a_common_word_opening_a_sentence_is_a_name_only_as_the_ner_s_subject() -> None:
    # "Total a respecté son devoir.": the NER's organisation, subject of the verb, is a name
    rows = [("Total", "total", "NOUN", "nsubj", 2), ("a", "avoir", "AUX", "aux:tense", 2),
            ("respecté", "respecter", "VERB", "ROOT", 2), (".", ".", "PUNCT", "punct", 2)]
    doc = make_doc(rows, ents=["B-ORG", "O", "O", "O"])
    assert [m.text for m in find_mentions(doc, load_gazetteer()) if m.form == "name"] == ["Total"]
    # "Bicyclette, ...": the NER's organisation, subject of nothing, is none
    rows = [("Bicyclette", "bicyclette", "NOUN", "ROOT", 0), (",", ",", "PUNCT", "punct", 0),
            ("voilà", "voilà", "VERB", "parataxis", 0), (".", ".", "PUNCT", "punct", 0)]
    doc = make_doc(rows, ents=["B-ORG", "O", "O", "O"])
    assert [m for m in find_mentions(doc, load_gazetteer()) if m.form == "name"] == []


def test_a_name_after_ex_starts_after_it() -> None:
    # "l'ex-Pinault Printemps Redoute" is Pinault Printemps Redoute, formerly
    doc = make_doc([("l'", "le", "DET", "det", 1, "", True), ("ex-Pinault", "ex-Pinault", "PROPN", "ROOT", 1),
                    ("Printemps", "Printemps", "PROPN", "flat:name", 1), ("Redoute", "Redoute", "PROPN", "flat:name", 1)],
                   ents=["O", "B-ORG", "I-ORG", "I-ORG"])
    assert [m.text for m in find_mentions(doc, load_gazetteer()) if m.form == "name"] == ["Pinault Printemps Redoute"]
    # not before a title: "l'ex-Premier ministre Ada Roy" is Ada Roy
    doc = make_doc([("l'", "le", "DET", "det", 1, "", True), ("ex-Premier", "ex-Premier", "ADJ", "amod", 2),
                    ("ministre", "ministre", "NOUN", "ROOT", 2), ("Ada", "Ada", "PROPN", "appos", 2),
                    ("Roy", "Roy", "PROPN", "flat:name", 3)], ents=["O", "B-PER", "I-PER", "I-PER", "I-PER"])
    assert [m.text for m in find_mentions(doc, load_gazetteer()) if m.form == "name"] == ["Ada Roy"]


def test_names_a_plural_noun_gives_examples_of_take_its_class() -> None:
    # "Il vend chez 40 détaillants, dont Target et Costco. Ses marques dont Danao ou Florette. Les sociétés dont Paul
    # Roy est actionnaire.": the names end their clause in the first two, not in the third
    rows = [("Il", "il", "PRON", "nsubj", 1), ("vend", "vendre", "VERB", "ROOT", 1), ("chez", "chez", "ADP", "case", 4),
            ("40", "40", "NUM", "nummod", 4), ("détaillants", "détaillant", "NOUN", "obl", 1, "", True),
            (",", ",", "PUNCT", "punct", 7), ("dont", "dont", "PRON", "nmod", 7),
            ("Target", "Target", "PROPN", "appos", 4), ("et", "et", "CCONJ", "cc", 9),
            ("Costco", "Costco", "PROPN", "conj", 7, "", True),
            (".", ".", "PUNCT", "punct", 1), ("Ses", "son", "DET", "det", 12), ("marques", "marque", "NOUN", "ROOT", 12),
            ("dont", "dont", "PRON", "nmod", 14), ("Danao", "Danao", "PROPN", "appos", 12), ("ou", "ou", "CCONJ", "cc", 16),
            ("Florette", "Florette", "PROPN", "conj", 14, "", True), (".", ".", "PUNCT", "punct", 12),
            ("Les", "le", "DET", "det", 19), ("sociétés", "société", "NOUN", "ROOT", 19),
            ("dont", "dont", "PRON", "nmod", 23),
            ("Ferrand", "Ferrand", "PROPN", "nsubj", 23), ("est", "être", "AUX", "cop", 23),
            ("actionnaire", "actionnaire", "NOUN", "acl:relcl", 19, "", True), (".", ".", "PUNCT", "punct", 19)]
    ents = [*["O"] * 7, "B-LOC", "O", "B-PER", "O", "O", "O", "O", "B-PER", "O", "B-PER", "O", "O", "O", "O",
            "B-PER", "O", "O", "O"]
    got = [(m.text, m.kind) for m in find_mentions(make_doc(rows, ents, starts=(0, 11, 18)), load_gazetteer())
           if m.form == "name"]
    assert got == [("Target", "Organization"), ("Costco", "Organization"), ("Danao", "Product"),
                   ("Florette", "Product"), ("Ferrand", "Person")]
    # "Des cadres de banques, dont Jean Dupré." and "Il défend ses marques, comme Danao.": a person's full name stays
    # hers; "comme" after a comma compares
    rows = [("Des", "un", "DET", "det", 1), ("cadres", "cadre", "NOUN", "ROOT", 1), ("de", "de", "ADP", "case", 3),
            ("banques", "banque", "NOUN", "nmod", 1, "", True), (",", ",", "PUNCT", "punct", 6),
            ("dont", "dont", "PRON", "nmod", 6), ("Jean", "Jean", "PROPN", "appos", 1),
            ("Dupré", "Dupré", "PROPN", "flat:name", 6, "", True), (".", ".", "PUNCT", "punct", 1),
            ("Il", "il", "PRON", "nsubj", 10), ("défend", "défendre", "VERB", "ROOT", 10), ("ses", "son", "DET", "det", 12),
            ("marques", "marque", "NOUN", "obj", 10, "", True), (",", ",", "PUNCT", "punct", 15),
            ("comme", "comme", "ADP", "case", 15), ("Danao", "Danao", "PROPN", "obl", 10, "", True),
            (".", ".", "PUNCT", "punct", 10)]
    ents = [*["O"] * 6, "B-PER", "I-PER", *["O"] * 7, "B-PER", "O"]
    got = [(m.text, m.kind) for m in find_mentions(make_doc(rows, ents, starts=(0, 9)), load_gazetteer())
           if m.form == "name"]
    assert got == [("Jean Dupré", "Person"), ("Danao", "Person")]
    # "Il aide trois start-ups, dont Lydia.": a plural with its hyphen
    rows = [("Il", "il", "PRON", "nsubj", 1), ("aide", "aider", "VERB", "ROOT", 1), ("trois", "trois", "NUM", "nummod", 3),
            ("start-ups", "start-up", "NOUN", "obj", 1, "", True), (",", ",", "PUNCT", "punct", 6),
            ("dont", "dont", "PRON", "nmod", 6), ("Lydia", "Lydia", "PROPN", "appos", 3, "", True),
            (".", ".", "PUNCT", "punct", 1)]
    ents = [*["O"] * 6, "B-PER", "O"]
    got = [(m.text, m.kind) for m in find_mentions(make_doc(rows, ents), load_gazetteer()) if m.form == "name"]
    assert got == [("Lydia", "Organization")]


def test_a_name_after_a_noun_of_products_is_one_whatever_the_ner_says() -> None:
    # "Eurial, détenteur de la marque Soignon, a produit Lapin.": "produit" is no noun here
    rows = [("Eurial", "Eurial", "PROPN", "nsubj", 9), (",", ",", "PUNCT", "punct", 2),
            ("détenteur", "détenteur", "NOUN", "appos", 0), ("de", "de", "ADP", "case", 5), ("la", "le", "DET", "det", 5),
            ("marque", "marque", "NOUN", "nmod", 2), ("Soignon", "Soignon", "PROPN", "appos", 5, "", True),
            (",", ",", "PUNCT", "punct", 2), ("a", "avoir", "AUX", "aux:tense", 9),
            ("produit", "produire", "VERB", "ROOT", 9),
            ("Lapin", "Lapin", "PROPN", "obj", 9)]
    ents = ["B-ORG", *["O"] * 5, "B-PER", "O", "O", "O", "B-PER"]
    got = [(m.text, m.kind) for m in find_mentions(make_doc(rows, ents), load_gazetteer()) if m.form == "name"]
    assert got == [("Eurial", "Organization"), ("Soignon", "Product"), ("Lapin", "Person")]


def test_a_catch_all_name_that_opens_with_a_known_brand_is_its_product() -> None:
    # "Google Assistant et Google France": the NER's catch-all class; a place after the brand says no product (the
    # NER's guess stands); "la filiale Google Cloud": what the words call an organisation is one
    rows = [("Google", "Google", "PROPN", "nsubj", 0), ("Assistant", "Assistant", "PROPN", "flat:name", 0),
            ("et", "et", "CCONJ", "cc", 3), ("Google", "Google", "PROPN", "conj", 0),
            ("France", "France", "PROPN", "flat:name", 3), ("et", "et", "CCONJ", "cc", 8),
            ("la", "le", "DET", "det", 7), ("filiale", "filiale", "NOUN", "conj", 0),
            ("Google", "Google", "PROPN", "appos", 7), ("Cloud", "Cloud", "PROPN", "flat:name", 8)]
    ents = ["B-MISC", "I-MISC", "O", "B-MISC", "I-MISC", "O", "O", "O", "B-MISC", "I-MISC"]
    got = [(m.text, m.kind, m.cue) for m in find_mentions(make_doc(rows, ents), load_gazetteer()) if m.form == "name"]
    assert got == [("Google Assistant", "Product", "context"), ("Google France", "Product", "ner"),
                   ("Google Cloud", "Organization", "context")]


def test_a_web_pages_sharing_links_hold_no_names() -> None:
    # "Le PSG gagne.\n\nPartager cet article :\nFacebook ,\nDigg": the sites up to a blank line are no names
    rows = [("Le", "le", "DET", "det", 1), ("PSG", "PSG", "PROPN", "nsubj", 2), ("gagne", "gagner", "VERB", "ROOT", 2),
            (".", ".", "PUNCT", "punct", 2), ("\n\n", "\n\n", "SPACE", "dep", 2),
            ("Partager", "partager", "VERB", "ROOT", 5),
            ("cet", "ce", "DET", "det", 7), ("article", "article", "NOUN", "obj", 5), (":", ":", "PUNCT", "punct", 5),
            ("\n", "\n", "SPACE", "dep", 8), ("Facebook", "Facebook", "PROPN", "appos", 7),
            (",", ",", "PUNCT", "punct", 12),
            ("\n", "\n", "SPACE", "dep", 11), ("Digg", "Digg", "PROPN", "conj", 10), ("\n \n", "\n \n", "SPACE", "dep", 13),
            ("Lyon", "Lyon", "PROPN", "nsubj", 16), ("gagne", "gagner", "VERB", "ROOT", 16)]
    ents = ["O", "B-ORG", "O", "O", "O", "O", "O", "O", "O", "O", "B-ORG", "O", "O", "B-PER", "O", "B-LOC", "O"]
    got = [m.text for m in find_mentions(make_doc(rows, ents, starts=(0, 5, 15)), load_gazetteer()) if m.form == "name"]
    assert got == ["PSG", "Lyon"]  # up to a blank line, even one with a space


def test_premier_opens_a_title_not_a_name() -> None:
    # "Premier League gagne. Premier Ministre Édouard Philippe parle." (the NER's spans run over "Premier")
    rows = [("Premier", "premier", "ADJ", "amod", 1), ("League", "League", "PROPN", "nsubj", 2),
            ("gagne", "gagner", "VERB", "ROOT", 2), (".", ".", "PUNCT", "punct", 2),
            ("Premier", "premier", "ADJ", "amod", 5), ("Ministre", "ministre", "NOUN", "nsubj", 8),
            ("Édouard", "Édouard", "PROPN", "appos", 5), ("Philippe", "Philippe", "PROPN", "flat:name", 6),
            ("parle", "parler", "VERB", "ROOT", 8)]
    ents = ["B-ORG", "I-ORG", "O", "O", "B-PER", "I-PER", "I-PER", "I-PER", "O"]
    got = [m.text for m in find_mentions(make_doc(rows, ents, starts=(0, 4)), load_gazetteer()) if m.form == "name"]
    assert got == ["Premier League", "Édouard Philippe"]
