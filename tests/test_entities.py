import re

from kg.entities import resolve_entities, supported
from kg.gazetteer import load_gazetteer
from kg.records import Entity, Fact, Mention, Sentence

TEXT = "Mike Pompeo parle. Pompeo dit que TikTok investit. La société paie. WBD et Warner Bros. Discovery."


def mention(text: str, kind: str, form: str = "name", nth: int = 0, subject: bool = False) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(text, start + 1)
    return Mention(start, start + len(text), text, kind, form, subject=subject)


def by_label(text: str, mentions: list[Mention]) -> dict[str, Entity]:
    """The entities of ``mentions`` in ``text``, whose sentences end at each ". ", by label."""
    starts = [0] + [m.end() for m in re.finditer(r"\. ", text)]
    ends = [start - 1 for start in starts[1:]] + [len(text)]
    sentences = [Sentence(a, b, text[a:b]) for a, b in zip(starts, ends, strict=True)]
    return {e.label: e for e in resolve_entities(text, mentions, sentences, load_gazetteer())}


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
    paul = Mention(3, 11, "Paul Roy", "Person", subject=True, gender="Masc")
    anne = Mention(19, 30, "Anne Dupont", "Person", gender="Fem")
    elle = Mention(40, 44, "Elle", "Organization|Product|Person|Place", "pronoun", subject=True, gender="Fem")
    entities = by_label(text, [paul, anne, elle])
    assert [m.text for m in entities["Anne Dupont"].mentions] == ["Anne Dupont", "Elle"]
    assert [m.text for m in entities["Paul Roy"].mentions] == ["Paul Roy"]


def test_an_object_refers_back_past_the_subject_of_its_own_clause() -> None:
    text = "Paul Roy est tombé. Anne Dupont aide le ministre."
    paul = Mention(0, 8, "Paul Roy", "Person", subject=True)
    anne = Mention(20, 31, "Anne Dupont", "Person", subject=True)
    minister = Mention(39, 46, "ministre", "Person", "description")
    entities = by_label(text, [paul, anne, minister])
    assert [m.text for m in entities["Paul Roy"].mentions] == ["Paul Roy", "ministre"]


def test_a_description_refers_only_to_its_own_class() -> None:
    # "Laura Roy" is a person by the NER alone: "l'entreprise" does not take her, nor make her a company;
    # it is a company of the article's own
    text = "Laura Roy arrive. L'entreprise ferme."
    roy = Mention(0, 9, "Laura Roy", "Person", subject=True)
    company = Mention(20, 30, "entreprise", "Organization|Product", "description", subject=True, head="entreprise",
                      definite=True)
    entities = by_label(text, [roy, company]).values()
    assert sorted((e.label, e.kind, [m.text for m in e.mentions], e.local) for e in entities) == [
        ("Laura Roy", "Person", ["Laura Roy"], False), ("entreprise", "Organization", ["entreprise"], True)]


def test_a_description_that_is_the_subject_does_not_introduce_the_verb_s_object() -> None:
    # "Le fonds a nommé Laura Roy." (the NER alone typed her): the fund is not Laura Roy; "Le fonds Alto a
    # investi." is Alto
    text = "Le fonds a nommé Laura Roy. Le fonds Alto a investi."
    fund = Mention(3, 8, "fonds", "Fund|Organization", "description", subject=True, head="fonds", definite=True)
    roy = Mention(17, 26, "Laura Roy", "Person")
    other = Mention(31, 36, "fonds", "Fund|Organization", "description", subject=True, head="fonds", definite=True)
    alto = Mention(37, 41, "Alto", "Organization", subject=True)
    entities = by_label(text, [fund, roy, other, alto])
    assert (entities["Laura Roy"].kind, [m.text for m in entities["Laura Roy"].mentions]) == ("Person", ["Laura Roy"])
    assert [m.text for m in entities["Alto"].mentions] == ["fonds", "Alto"]


def test_a_description_introduces_the_name_in_brackets_after_its_complement() -> None:
    text = "Paul Roy parle. La ministre de l'Économie (Anne Roy) répond."
    paul = Mention(0, 8, "Paul Roy", "Person", subject=True)
    minister = Mention(19, 27, "ministre", "Person", "description", subject=True, head="ministre", definite=True)
    anne = Mention(43, 51, "Anne Roy", "Person")
    entities = by_label(text, [paul, minister, anne])
    assert [m.text for m in entities["Anne Roy"].mentions] == ["ministre", "Anne Roy"]


def test_elle_prefers_a_woman_to_an_organisation_when_neither_is_the_subject() -> None:
    text = "Selon Mme Anne Roy, membre de Helping, tout va bien. Elle rentre."
    roy = Mention(10, 18, "Anne Roy", "Person", gender="Fem")
    helping = Mention(30, 37, "Helping", "Organization", cue="context")
    elle = Mention(53, 57, "Elle", "Organization|Product|Person|Place", "pronoun", subject=True, gender="Fem")
    entities = by_label(text, [roy, helping, elle])
    assert [m.text for m in entities["Anne Roy"].mentions] == ["Anne Roy", "Elle"]


def test_ce_dernier_refers_to_the_nearest_name_not_the_subject() -> None:
    text = "Anne Dupont appelle Paul Roy. Ce dernier part."
    anne = Mention(0, 11, "Anne Dupont", "Person", subject=True)
    paul = Mention(20, 28, "Paul Roy", "Person")
    latter = Mention(30, 40, "Ce dernier", "Person|Organization|Product|Place", "pronoun", subject=True, gender="Masc",
                     nearest=True)
    entities = by_label(text, [anne, paul, latter])
    assert [m.text for m in entities["Paul Roy"].mentions] == ["Paul Roy", "Ce dernier"]


def test_il_skips_a_place() -> None:
    text = "Paul Roy vit à Londres. Il part."
    paul = Mention(0, 8, "Paul Roy", "Person", cue="name")
    london = Mention(15, 22, "Londres", "Place", subject=True)  # a subject by a wrong parse
    il = Mention(24, 26, "Il", "Person|Organization|Product", "pronoun", subject=True)
    entities = by_label(text, [paul, london, il])
    assert [m.start for m in entities["Paul Roy"].mentions] == [0, 24]


def test_the_gender_preference_is_for_people_only() -> None:
    # "Le juge a reçu le groupe Vinci et Dominique Lee. Il a refusé.": "le groupe" gives Vinci no claim on "il"
    text = "Le juge a reçu le groupe Vinci et Dominique Lee. Il a refusé."
    vinci = Mention(25, 30, "Vinci", "Organization", cue="context", gender="Masc")
    lee = Mention(34, 47, "Dominique Lee", "Person", cue="name")
    il = Mention(49, 51, "Il", "Person|Organization|Product", "pronoun", subject=True, gender="Masc")
    entities = by_label(text, [vinci, lee, il])
    assert [m.text for m in entities["Dominique Lee"].mentions] == ["Dominique Lee", "Il"]


def noun(text: str, word: str, kind: str, head: str, definite: bool, nth: int = 0, **more: object) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return Mention(start, start + len(word), word, kind, "noun", head=head, definite=definite, **more)


def test_a_common_noun_again_is_the_same_thing_an_indefinite_one_another() -> None:
    text = "Une victime arrive. La victime parle. Une victime part."
    mentions = [noun(text, "victime", "Person", "victime", False), noun(text, "victime", "Person", "victime", True, 1),
                noun(text, "victime", "Person", "victime", False, 2)]
    starts = [0, 20, 38]
    sentences = [Sentence(a, b, text[a:b]) for a, b in zip(starts, [19, 37, len(text)], strict=True)]
    first, second = resolve_entities(text, mentions, sentences, load_gazetteer(), scope="doc-1")
    assert [[m.start for m in e.mentions] for e in (first, second)] == [[4, 23], [42]]
    assert all(e.local and "doc-1" in e.key and e.kind == "Person" for e in (first, second))


def test_a_general_noun_takes_up_the_last_thing_of_its_class_nearby() -> None:
    text = "Un incendie éclate. Le drame choque."
    fire, drama = noun(text, "incendie", "Incident", "incendie", False), \
        noun(text, "drame", "Incident", "drame", True, nearest=True)
    assert [e.label for e in by_label(text, [fire, drama]).values()] == ["incendie"]
    far = "Un incendie éclate. A. B. C. Le drame choque."
    fire, drama = noun(far, "incendie", "Incident", "incendie", False), \
        noun(far, "drame", "Incident", "drame", True, nearest=True)
    assert sorted(by_label(far, [fire, drama])) == ["drame", "incendie"]


def test_a_pronoun_agrees_with_the_gender_and_number_of_a_common_noun() -> None:
    # "ils" is not the police, the nearer subject, but the demonstrators; "il" is not "la police" either
    text = "Les manifestants partent. La police arrive. Ils crient. Il parle."
    crowd = noun(text, "manifestants", "Group", "manifestant", True, subject=True, plural=True)
    police = noun(text, "police", "Organization", "police", True, subject=True, gender="Fem")
    ils = Mention(44, 47, "Ils", "Group|Organization", "pronoun", subject=True, plural=True)
    il = Mention(56, 58, "Il", "Person|Organization|Product", "pronoun", subject=True, gender="Masc")
    entities = by_label(text, [crowd, police, ils, il])
    assert {label: [m.text for m in e.mentions] for label, e in entities.items()} == {
        "police": ["police"], "manifestants": ["manifestants", "Ils"]}


def test_a_thing_named_once_by_a_common_noun_is_kept_only_when_a_fact_needs_it() -> None:
    text = "La ville dort. Un homme passe à Lyon. La victime parle. La victime part."
    city, man = noun(text, "ville", "Place", "ville", True), noun(text, "homme", "Person", "homme", False)
    victim = [noun(text, "victime", "Person", "victime", True, nth) for nth in (0, 1)]
    lyon = Mention(32, 36, "Lyon", "Place")
    entities = list(by_label(text, [city, man, lyon, *victim]).values())
    here = Fact("locatedIn", (("subject", "local:/homme-18"), ("object", "name:lyon")), (), "à", "test", is_event=False)
    assert sorted(e.label for e in supported(entities, [here])) == ["Lyon", "homme", "victime"]


def test_an_apposed_noun_joins_its_name_whatever_its_grammatical_gender() -> None:
    # "M. Paul Martin, la victime, parle." ("victime" is feminine, Paul Martin a man)
    text = "M. Paul Martin, la victime, parle."
    martin = Mention(3, 14, "Paul Martin", "Person", gender="Masc")
    victim = Mention(19, 26, "victime", "Person", "description", gender="Fem", nearest=True, head="victime",
                     definite=True)
    assert [m.text for m in by_label(text, [martin, victim])["Paul Martin"].mentions] == ["Paul Martin", "victime"]


def test_a_noun_set_before_a_name_between_commas_is_that_name() -> None:
    # "Le directeur de l'hôpital, Monsieur Paul Roy, parle."; without the parse's apposition (cue) the name must
    # close its commas: not in "Le directeur de l'hôpital, Monsieur Paul Roy et Max Lou parlent."
    for text, cue, together in (("Le directeur de l'hôpital, Monsieur Paul Roy, parle.", "apposition", True),
                                ("Le directeur de l'hôpital, Monsieur Paul Roy, parle.", "ner", True),
                                ("Le directeur de l'hôpital, Monsieur Paul Roy et Max Lou parlent.", "ner", False)):
        roy = Mention(text.index("Paul"), text.index("Paul") + 8, "Paul Roy", "Person", gender="Masc")
        director = Mention(3, 12, "directeur", "Person", "description", cue=cue, head="directeur", definite=True)
        assert ([m.text for m in by_label(text, [director, roy])["Paul Roy"].mentions] ==
                ["directeur", "Paul Roy"]) == together


def test_elle_may_be_a_group_and_a_description_unresolved_takes_its_class_from_the_nouns() -> None:
    text = "La famille arrive. Elle pleure. Un gendarme passe. Le gendarme part. Le service ferme."
    family = noun(text, "famille", "Group", "famille", True, subject=True, gender="Fem")
    elle = Mention(19, 23, "Elle", "Organization|Product|Person|Group", "pronoun", subject=True, gender="Fem")
    gendarme = noun(text, "gendarme", "Person", "gendarme", False)
    the_gendarme = Mention(text.index("gendarme", 45), text.index("gendarme", 45) + 8, "gendarme", "Organization",
                           "description", subject=True, head="gendarme", definite=True)
    service = Mention(text.index("service"), text.index("service") + 7, "service", "Product|Organization",
                      "description", subject=True, head="service", definite=True)
    entities = by_label(text, [family, elle, gendarme, the_gendarme, service])
    assert {label: (e.kind, [m.text for m in e.mentions]) for label, e in entities.items()} == {
        "famille": ("Group", ["famille", "Elle"]), "gendarme": ("Person", ["gendarme", "gendarme"])}


def test_ces_derniers_refers_to_the_last_plural_thing_of_the_article() -> None:
    # "Paul Roy renvoie ses employés. Ces derniers partent.": not the man, the employees
    text = "Paul Roy renvoie ses employés. Ces derniers partent."
    paul = Mention(0, 8, "Paul Roy", "Person", subject=True)
    staff = noun(text, "employés", "Group", "employé", True, plural=True)
    latter = Mention(31, 43, "Ces derniers", "Person|Organization|Product|Group|Object", "pronoun", subject=True,
                     gender="Masc", nearest=True, plural=True)
    entities = by_label(text, [paul, staff, latter])
    assert [m.text for m in entities["employés"].mentions] == ["employés", "Ces derniers"]


def test_a_general_noun_takes_up_the_last_thing_of_one_of_its_kinds_nearby() -> None:
    # "Un camion arrive. Le véhicule part.": one truck; "Le véhicule" far after it, or plural, another
    text = "Un camion arrive. Le véhicule part."
    truck, vehicle = noun(text, "camion", "Object", "camion", False), noun(text, "véhicule", "Object", "véhicule", True)
    assert [e.label for e in by_label(text, [truck, vehicle]).values()] == ["camion"]
    far = "Un camion arrive. A. B. C. Le véhicule part."
    truck, vehicle = noun(far, "camion", "Object", "camion", False), noun(far, "véhicule", "Object", "véhicule", True)
    assert sorted(by_label(far, [truck, vehicle])) == ["camion", "véhicule"]
    # "un camion ... un véhicule": an indefinite noun is another thing
    text = "Un camion arrive. Un véhicule part."
    truck, vehicle = noun(text, "camion", "Object", "camion", False), noun(text, "véhicule", "Object", "véhicule", False)
    assert sorted(by_label(text, [truck, vehicle])) == ["camion", "véhicule"]


def test_the_nouns_rules_name_are_common_nouns_kg_finds() -> None:
    # a noun a rule lists but nouns.yml does not is never a mention, so the rule could never fire for it
    from kg.data import load_yaml
    from kg.mentions import noun_classes
    nouns, relations = load_yaml("nouns.yml"), load_yaml("relations.yml")
    listed = {*nouns["epicene"], *nouns["services"], *nouns["idioms"], *relations["initiated"]["nouns"],
              *relations["interactions"]["opposed"]["law"], *relations["interactions"]["opposed"]["offenders"],
              *(noun for names in relations["family"]["associates"].values() for noun in names)}
    assert listed - set(noun_classes()) == set()


def test_the_kinds_of_a_general_noun_are_common_nouns_of_its_class() -> None:
    from kg.data import load_yaml
    table = load_yaml("nouns.yml")
    class_of = {noun: cls for cls, nouns in table["classes"].items() for noun in nouns}
    assert {general: {kind for kind in kinds if class_of.get(kind) != class_of.get(general)}
            for general, kinds in table["kinds"].items() if general not in class_of
            or any(class_of.get(kind) != class_of[general] for kind in kinds)} == {}


def test_a_name_of_another_class_after_a_preposition_is_the_noun_complement_not_the_noun() -> None:
    # "Le responsable chez Wolmart, Marc Lore, parle.": the noun is Marc Lore, Wolmart stays an organisation
    text = "Le responsable chez Wolmart, Marc Lore, parle."
    walmart = Mention(text.index("Wolmart"), text.index("Wolmart") + 7, "Wolmart", "Organization")
    lore = Mention(text.index("Marc"), text.index("Marc") + 9, "Marc Lore", "Person", gender="Masc")
    boss = Mention(3, 14, "responsable", "Person", "description", cue="apposition", head="responsable", definite=True)
    entities = by_label(text, [boss, walmart, lore])
    assert [m.text for m in entities["Marc Lore"].mentions] == ["responsable", "Marc Lore"]
    assert entities["Wolmart"].kind == "Organization"


def test_a_name_right_after_an_elided_de_is_the_noun_complement() -> None:
    # "Le président directeur général d'Altice Média parle.": the NER's organisation is the title's complement;
    # "le fonds d'investissement Permira" names the fund its noun describes
    text = "Le président directeur général d'Altice Média parle. Le fonds d'investissement Permira paie."
    altice = Mention(text.index("Altice"), text.index("Altice") + 12, "Altice Média", "Organization")
    boss = Mention(3, 31, "président directeur général", "Person", "description", head="président", definite=True)
    permira = Mention(text.index("Permira"), text.index("Permira") + 7, "Permira", "Place")
    fund = Mention(text.index("fonds"), text.index("fonds") + 5, "fonds", "Fund|Organization", "description",
                   head="fonds", definite=True)
    entities = by_label(text, [boss, altice, fund, permira])
    assert entities["Altice Média"].kind == "Organization"
    assert entities["Permira"].kind == "Fund"


def test_a_noun_of_one_side_of_a_tie_refers_back_not_to_its_complement() -> None:
    # "Waymo gagne. La filiale d'Alphabet avait porté plainte.": the subsidiary is Waymo, not Alphabet
    text = "Waymo gagne. La filiale d'Alphabet avait porté plainte."
    waymo = Mention(0, 5, "Waymo", "Organization", subject=True)
    subsidiary = Mention(16, 23, "filiale", "Organization", "description", subject=True, head="filiale",
                         definite=True)
    alphabet = Mention(text.index("Alphabet"), text.index("Alphabet") + 8, "Alphabet", "Organization", subject=True)
    entities = by_label(text, [waymo, subsidiary, alphabet])
    assert [m.text for m in entities["Waymo"].mentions] == ["Waymo", "filiale"]
    assert [m.text for m in entities["Alphabet"].mentions] == ["Alphabet"]


def test_a_name_right_after_a_titles_de_is_its_complement_whatever_the_ner_said() -> None:
    # "Le Premier ministre d'Australie, Jay Roy, parle.": the NER took the state for a person
    text = "Le Premier ministre d'Australie, Jay Roy, parle."
    state = Mention(text.index("Australie"), text.index("Australie") + 9, "Australie", "Person")
    roy = Mention(text.index("Jay"), text.index("Jay") + 7, "Jay Roy", "Person")
    title = Mention(3, 19, "Premier ministre", "Person", "description", cue="apposition", head="ministre",
                    definite=True)
    entities = by_label(text, [title, state, roy])
    assert [m.text for m in entities["Jay Roy"].mentions] == ["Premier ministre", "Jay Roy"]


def test_a_name_set_between_commas_after_a_noun_and_its_complement_is_the_noun() -> None:
    # "Paul Roy parle. La société de capital-risque de la Silicon Valley, Andreessen Horowitz, mène le tour."
    text = "Paul Roy parle. La société de capital-risque de la Silicon Valley, Andreessen Horowitz, mène le tour."
    roy = Mention(0, 8, "Paul Roy", "Person")
    firm = Mention(text.index("société"), text.index("société") + 7, "société", "Organization|Product", "description",
                   head="société", definite=True)
    valley = Mention(text.index("Silicon"), text.index("Silicon") + 14, "Silicon Valley", "Place")
    fund = Mention(text.index("Andreessen"), text.index("Andreessen") + 19, "Andreessen Horowitz", "Person")
    entities = by_label(text, [roy, firm, valley, fund])
    assert entities["Andreessen Horowitz"].kind == "Organization"
    assert [m.text for m in entities["Andreessen Horowitz"].mentions] == ["société", "Andreessen Horowitz"]


def test_across_articles_a_node_is_one_class_and_a_full_name() -> None:
    from kg.entities import across_articles
    from kg.records import Fact
    from kg.triples import entity_iri

    def one(label: str, kind: str, doc: str) -> str:
        e = Entity(f"name:{label.lower()}", label, kind, (Mention(0, len(label), label, kind),))
        fact = Fact("worksFor", (("subject", e.key), ("object", e.key)), (), "x", "test", is_event=False)
        [entity], [kept] = across_articles([e], [fact], doc)
        assert kept.values("subject") == [entity.key]
        return str(entity_iri(entity.key))

    assert one("Mike Pompeo", "Person", "a") == one("Mike Pompeo", "Person", "b")  # same class, full name
    assert one("CGT", "Organization", "a") != one("CGT", "Person", "b")  # two classes: two nodes
    assert one("CGT", "Organization", "a") == one("CGT", "Company", "b")  # a subclass is its class
    assert one("Hollande", "Person", "a") != one("Hollande", "Person", "b")  # a bare surname is its article's
    assert one("CGT", "Organization", "a").endswith("/entity/organization/cgt")


def test_a_linked_entity_keeps_its_id_whichever_name_comes_first() -> None:
    from kg.entities import _entity
    from kg.gazetteer import load_gazetteer

    mentions = [Mention(0, 5, "Monde", "Organization"), Mention(20, 28, "Le Monde", "Organization")]
    entity = _entity("wd:Q12461", mentions, load_gazetteer())
    assert (entity.qid, entity.label) == ("Q12461", "Le Monde")


def test_a_surname_joins_the_full_name_of_its_own_class() -> None:
    # "Servier" the person is the founder, not "Laboratoires Servier", though that name is the longer
    text = "Les Laboratoires Servier et Jacques Servier. Servier parle."
    company = Mention(4, 24, "Laboratoires Servier", "Organization")
    founder = Mention(28, 43, "Jacques Servier", "Person")
    surname = Mention(45, 52, "Servier", "Person", subject=True)
    entities = by_label(text, [company, founder, surname])
    assert [m.text for m in entities["Jacques Servier"].mentions] == ["Jacques Servier", "Servier"]
    assert [m.text for m in entities["Laboratoires Servier"].mentions] == ["Laboratoires Servier"]


def test_a_company_s_description_takes_up_a_name_not_a_thing_of_the_article() -> None:
    text = "Acme recrute. Le conseil se réunit. Le groupe grandit."
    acme = Mention(0, 4, "Acme", "Organization", subject=True)
    board = noun(text, "conseil", "Organization", "conseil", True, subject=True)
    group = Mention(text.index("groupe"), text.index("groupe") + 6, "groupe", "Organization", "description",
                    subject=True, head="groupe", definite=True)
    entities = by_label(text, [acme, board, group])
    assert [m.text for m in entities["Acme"].mentions] == ["Acme", "groupe"]
