from kg.entities import resolve_entities
from kg.gazetteer import load_gazetteer
from kg.records import Mention, Sentence

TEXT = "Mike Pompeo parle. Pompeo dit que TikTok investit. La société paie. WBD et Warner Bros. Discovery."


def mention(text: str, kind: str, form: str = "name", nth: int = 0, subject: bool = False) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(text, start + 1)
    return Mention(start, start + len(text), text, kind, form, subject=subject)


def test_surnames_acronyms_and_descriptions_join_their_entity() -> None:
    starts = [0] + [i + 2 for i, c in enumerate(TEXT) if c == "." and TEXT[i + 1 : i + 2] == " "
                    and TEXT[i - 4 : i] != " Bros"]
    sentences = [Sentence(a, b - 1, TEXT[a : b - 1]) for a, b in zip(starts, [*starts[1:], len(TEXT) + 1], strict=True)]
    mentions = [mention("Mike Pompeo", "Person", subject=True), mention("Pompeo", "Person", nth=1),
                mention("TikTok", "Product", subject=True), mention("La société", "Organization|Product", "description"),
                mention("WBD", "Organization"), mention("Warner Bros. Discovery", "Organization")]
    entities = {e.label: e for e in resolve_entities(TEXT, mentions, sentences, load_gazetteer())}
    assert [m.text for m in entities["Mike Pompeo"].mentions] == ["Mike Pompeo", "Pompeo"]
    assert entities["Mike Pompeo"].qid == "Q473239"
    assert "La société" in [m.text for m in entities["TikTok"].mentions]
    assert [m.text for m in entities["Warner Bros. Discovery"].mentions] == ["WBD", "Warner Bros. Discovery"]


def test_a_pronoun_skips_a_person_of_the_other_gender() -> None:
    text = "M. Paul Roy et Mme Anne Dupont parlent. Elle dit non."
    sentences = [Sentence(0, 39, text[:39]), Sentence(40, len(text), text[40:])]
    paul = Mention(3, 11, "Paul Roy", "Person", subject=True, gender="Masc")
    anne = Mention(19, 30, "Anne Dupont", "Person", gender="Fem")
    elle = Mention(40, 44, "Elle", "Organization|Product|Person|Place", "pronoun", subject=True, gender="Fem")
    entities = {e.label: e for e in resolve_entities(text, [paul, anne, elle], sentences, load_gazetteer())}
    assert [m.text for m in entities["Anne Dupont"].mentions] == ["Anne Dupont", "Elle"]
    assert [m.text for m in entities["Paul Roy"].mentions] == ["Paul Roy"]


def test_an_object_refers_back_past_the_subject_of_its_own_clause() -> None:
    text = "Paul Roy est tombé. Anne Dupont aide le ministre."
    sentences = [Sentence(0, 19, text[:19]), Sentence(20, len(text), text[20:])]
    paul = Mention(0, 8, "Paul Roy", "Person", subject=True)
    anne = Mention(20, 31, "Anne Dupont", "Person", subject=True)
    minister = Mention(39, 46, "ministre", "Person", "description")
    entities = {e.label: e for e in resolve_entities(text, [paul, anne, minister], sentences, load_gazetteer())}
    assert [m.text for m in entities["Paul Roy"].mentions] == ["Paul Roy", "ministre"]


def test_a_description_refers_only_to_its_own_class() -> None:
    # "Laura Roy" is a person by the NER alone: "l'entreprise" does not take her, nor make her a company
    text = "Laura Roy arrive. L'entreprise ferme."
    sentences = [Sentence(0, 17, text[:17]), Sentence(18, len(text), text[18:])]
    roy = Mention(0, 9, "Laura Roy", "Person", subject=True)
    company = Mention(20, 30, "entreprise", "Organization|Product", "description", subject=True)
    entities = resolve_entities(text, [roy, company], sentences, load_gazetteer())
    assert [(e.label, e.kind, [m.text for m in e.mentions]) for e in entities] == [("Laura Roy", "Person", ["Laura Roy"])]


def test_elle_prefers_a_woman_to_an_organisation_when_neither_is_the_subject() -> None:
    text = "Selon Mme Anne Roy, membre de Helping, tout va bien. Elle rentre."
    sentences = [Sentence(0, 52, text[:52]), Sentence(53, len(text), text[53:])]
    roy = Mention(10, 18, "Anne Roy", "Person", gender="Fem")
    helping = Mention(30, 37, "Helping", "Organization", cue="context")
    elle = Mention(53, 57, "Elle", "Organization|Product|Person|Place", "pronoun", subject=True, gender="Fem")
    entities = {e.label: e for e in resolve_entities(text, [roy, helping, elle], sentences, load_gazetteer())}
    assert [m.text for m in entities["Anne Roy"].mentions] == ["Anne Roy", "Elle"]


def test_ce_dernier_refers_to_the_nearest_name_not_the_subject() -> None:
    text = "Anne Dupont appelle Paul Roy. Ce dernier part."
    sentences = [Sentence(0, 29, text[:29]), Sentence(30, len(text), text[30:])]
    anne = Mention(0, 11, "Anne Dupont", "Person", subject=True)
    paul = Mention(20, 28, "Paul Roy", "Person")
    latter = Mention(30, 40, "Ce dernier", "Person|Organization|Product|Place", "pronoun", subject=True, gender="Masc",
                     nearest=True)
    entities = {e.label: e for e in resolve_entities(text, [anne, paul, latter], sentences, load_gazetteer())}
    assert [m.text for m in entities["Paul Roy"].mentions] == ["Paul Roy", "Ce dernier"]


def test_il_skips_a_place() -> None:
    text = "Paul Roy vit à Londres. Il part."
    sentences = [Sentence(0, 23, text[:23]), Sentence(24, len(text), text[24:])]
    paul = Mention(0, 8, "Paul Roy", "Person", cue="name")
    london = Mention(15, 22, "Londres", "Place", subject=True)  # a subject by a wrong parse
    il = Mention(24, 26, "Il", "Person|Organization|Product", "pronoun", subject=True)
    entities = {e.label: e for e in resolve_entities(text, [paul, london, il], sentences, load_gazetteer())}
    assert [m.start for m in entities["Paul Roy"].mentions] == [0, 24]


def test_the_gender_preference_is_for_people_only() -> None:
    # "Le juge a reçu le groupe Vinci et Dominique Lee. Il a refusé.": "le groupe" gives Vinci no claim on "il"
    text = "Le juge a reçu le groupe Vinci et Dominique Lee. Il a refusé."
    sentences = [Sentence(0, 48, text[:48]), Sentence(49, len(text), text[49:])]
    vinci = Mention(25, 30, "Vinci", "Organization", cue="context", gender="Masc")
    lee = Mention(34, 47, "Dominique Lee", "Person", cue="name")
    il = Mention(49, 51, "Il", "Person|Organization|Product", "pronoun", subject=True, gender="Masc")
    entities = {e.label: e for e in resolve_entities(text, [vinci, lee, il], sentences, load_gazetteer())}
    assert [m.text for m in entities["Dominique Lee"].mentions] == ["Dominique Lee", "Il"]
