from spacy.tokens import Doc

from kg.records import LOCAL, Entity, Mention, Sentence
from kg.relations import find_relations
from tests.handmade import make_doc


def unparsed(text: str) -> Doc:
    """The text as a doc with no parse: the rules on the text alone."""
    return make_doc([(w, w, "X", "dep", 0) for w in text.split(" ")])


def found(doc: Doc, names: dict[str, str], nouns: dict[str, str] | None = None) -> set[tuple[str, str, str]]:
    """The relations found in ``doc``, one sentence, whose ``names`` and common ``nouns`` (first occurrence,
    things of the document) are entities, each end by its words; not the place of the story, which a
    one-sentence article opening with a place would give everyone."""
    entities = []
    for form, words in (("name", names), ("noun", nouns or {})):
        for word, kind in words.items():
            start = doc.text.index(word)
            key = f"{LOCAL}doc/{word}" if form == "noun" else word
            entities.append(Entity(key, word, kind, (Mention(start, start + len(word), word, kind, form,
                                                             head=word if form == "noun" else ""),)))
    facts = find_relations(doc, [Sentence(0, len(doc.text), doc.text)], entities)
    word = {e.key: e.label for e in entities}
    return {(f.kind, *(word.get(str(v), str(v)) for v in (f.values("subject")[0], f.values("object")[0])))
            for f in facts if f.method != "inferred place of the story"}


def relations(text: str, names: dict[str, str]) -> set[tuple[str, str, str]]:
    return found(unparsed(text), names)


def test_former_name() -> None:
    assert relations("Les deux années de transition de Musical.ly à TikTok.",
                     {"Musical.ly": "Organization", "TikTok": "Product"}) == {("formerlyKnownAs", "TikTok", "Musical.ly")}


def test_a_new_name_taken_by_a_gerund_or_a_renaming_noun_or_given_as_the_new_name() -> None:
    assert relations("Le groupe Pages Jaunes a fait, lui, l'inverse en se renommant Solocal Group.",
                     {"Pages Jaunes": "Company", "Solocal Group": "Company"}) == {
        ("formerlyKnownAs", "Solocal Group", "Pages Jaunes")}
    assert relations("Le gestionnaire ERDF a confirmé lundi son nouveau nom, Enedis, hier.",
                     {"ERDF": "Company", "Enedis": "Company"}) == {("formerlyKnownAs", "Enedis", "ERDF")}
    assert relations("Le groupe Acme a achevé cet été sa mutation en Beta.",
                     {"Acme": "Company", "Beta": "Company"}) == {("formerlyKnownAs", "Beta", "Acme")}
    assert not any(kind == "formerlyKnownAs" for kind, _, _ in relations(
        "Orange a confirmé lundi son nouveau patron, Christel Heydemann.",
        {"Orange": "Company", "Christel Heydemann": "Person"}))
    # past an aside that names nothing else: "X, qui a cédé ses magasins, s'appelle désormais... Y", "X, l'ex-Z,
    # qui ..., est devenu Y"; not the name before another's comma ("Selon Paul Roy, X ...")
    assert relations("Le groupe Acme, qui a cédé ses grands magasins, s'appelle désormais... Beta.",
                     {"Acme": "Company", "Beta": "Company"}) == {("formerlyKnownAs", "Beta", "Acme")}
    assert relations("Enfin Acme, l'ex-Gamma, qui devrait céder son pôle de vente, est devenu Beta.",
                     {"Acme": "Company", "Gamma": "Company", "Beta": "Company"}) >= {
        ("formerlyKnownAs", "Beta", "Acme"), ("formerlyKnownAs", "Acme", "Gamma")}
    assert relations("Selon Paul Roy, Acme, qui a cédé ses magasins, s'appelle désormais Beta.",
                     {"Paul Roy": "Person", "Acme": "Company", "Beta": "Company"}) == {("formerlyKnownAs", "Beta", "Acme")}


def test_a_title_after_a_name_without_a_comma_needs_its_employer() -> None:
    assert relations("Sébastien Bazin président du PSG", {"Sébastien Bazin": "Person", "PSG": "Company"}) == {
        ("jobTitle", "Sébastien Bazin", "président"), ("worksFor", "Sébastien Bazin", "PSG"),
        ("headOf", "Sébastien Bazin", "PSG")}
    assert relations("Paul Roy président de séance parle.", {"Paul Roy": "Person"}) == set()
    # the agent of a passive, and a title whose complement is a person, are no holder's
    assert relations("Il a été nommé par Anne Roy premier ministre en remplacement de Paul Roy ce mardi.",
                     {"Anne Roy": "Person", "Paul Roy": "Person"}) == set()


def test_the_office_a_name_is_set_at_gives_its_title() -> None:
    # "X à la présidence du conseil et Y à la direction générale"; not "à la présidentielle", nor an office's
    # complement cut at a name
    assert relations("Avec Anne Roy à la présidence du conseil et Paul Roy à la direction générale.",
                     {"Anne Roy": "Person", "Paul Roy": "Person"}) == {
        ("jobTitle", "Anne Roy", "président du conseil"), ("jobTitle", "Paul Roy", "directeur général")}
    assert relations("Paul Roy à la présidentielle a parlé.", {"Paul Roy": "Person"}) == set()
    # the organisation after the office is the employer, which a head heads; another name is the title's
    assert relations("Avec Anne Roy à la présidence de Renault et Paul Roy à la présidence du Gabon.",
                     {"Anne Roy": "Person", "Renault": "Company", "Paul Roy": "Person", "Gabon": "Country"}) == {
        ("jobTitle", "Anne Roy", "président"), ("worksFor", "Anne Roy", "Renault"), ("headOf", "Anne Roy", "Renault"),
        ("jobTitle", "Paul Roy", "président du Gabon")}


def test_a_title_before_a_name_in_brackets() -> None:
    assert relations("La présidente de Renault (Anne Roy) a parlé.", {"Renault": "Company", "Anne Roy": "Person"}) == {
        ("jobTitle", "Anne Roy", "présidente"), ("worksFor", "Anne Roy", "Renault"), ("headOf", "Anne Roy", "Renault")}


def test_title_after_a_name_gives_job_and_employer() -> None:
    got = relations("Ted Sarandos, co-directeur général de Netflix, a salué l'accord.",
                    {"Ted Sarandos": "Person", "Netflix": "Company"})
    assert got == {("worksFor", "Ted Sarandos", "Netflix"), ("headOf", "Ted Sarandos", "Netflix"),
                   ("jobTitle", "Ted Sarandos", "co-directeur général")}


def test_a_founders_title_with_its_employer_is_a_founding() -> None:
    # "Ada Roy, co-fondateur et président de Verkor, parle.": the title's holder founded its employer
    text = "Ada Roy , co-fondateur et président de Verkor , parle ."
    doc = unparsed(text)
    ada, verkor = (Entity(w, w, k, (Mention(text.index(w), text.index(w) + len(w), w, k),))
                   for w, k in (("Ada Roy", "Person"), ("Verkor", "Organization")))
    facts = find_relations(doc, [Sentence(0, len(text), text)], [ada, verkor])
    assert [(f.kind, f.roles) for f in facts if f.is_event] == [
        ("Founding", (("founder", "Ada Roy"), ("organization", "Verkor")))]
    # "Ada Roy, président de la fondation de Verkor": a foundation is no founder
    text = "Ada Roy , président de la fondation de Verkor , parle ."
    ada, verkor = (Entity(w, w, k, (Mention(text.index(w), text.index(w) + len(w), w, k),))
                   for w, k in (("Ada Roy", "Person"), ("Verkor", "Organization")))
    assert not [f for f in find_relations(unparsed(text), [Sentence(0, len(text), text)], [ada, verkor]) if f.is_event]
    assert relations("Ada Roy , président de Verkor , parle .", {"Ada Roy": "Person", "Verkor": "Organization"}) == {
        ("worksFor", "Ada Roy", "Verkor"), ("headOf", "Ada Roy", "Verkor"), ("jobTitle", "Ada Roy", "président")}


def test_a_title_after_a_name_maybe_after_an_adverb_and_before_an_aside() -> None:
    got = relations("Arthur Dreyfuss, actuellement directeur général d'Altice Média, parle.",
                    {"Arthur Dreyfuss": "Person", "Altice Média": "Company"})
    assert got == {("worksFor", "Arthur Dreyfuss", "Altice Média"), ("headOf", "Arthur Dreyfuss", "Altice Média"),
                   ("jobTitle", "Arthur Dreyfuss", "directeur général")}
    got = relations("Pedro Fontana, directeur général d'Aréas (l'activité de concessions), devient directeur.",
                    {"Pedro Fontana": "Person", "Aréas": "Company"})
    assert ("worksFor", "Pedro Fontana", "Aréas") in got


def test_a_quoted_employer_after_its_common_noun_and_a_place() -> None:
    got = relations('Jack Roy, le président de l\'association "Smoke Kills" à Lyon, parle.',
                    {"Jack Roy": "Person", "Smoke Kills": "Organization", "Lyon": "City"})
    assert got == {("worksFor", "Jack Roy", "Smoke Kills"), ("headOf", "Jack Roy", "Smoke Kills"),
                   ("jobTitle", "Jack Roy", "président")}


def test_only_a_head_of_the_employer_itself_leads_it() -> None:
    got = relations("Anne Roy, analyste de la banque Natixis, parle. Paul Lou, président de la commission de l'ONU.",
                    {"Anne Roy": "Person", "Natixis": "Company", "Paul Lou": "Person", "ONU": "Organization"})
    assert got == {("worksFor", "Anne Roy", "Natixis"), ("jobTitle", "Anne Roy", "analyste"),
                   ("worksFor", "Paul Lou", "ONU"), ("jobTitle", "Paul Lou", "président de la commission")}


def test_a_title_apposed_after_a_name_is_its_title_though_it_is_a_mention_of_the_person() -> None:
    text = "Loïc Poirier, Directeur général, a parlé."
    start = text.index("Directeur")
    mentions = (Mention(0, 12, "Loïc Poirier", "Person"),
                Mention(start, start + 17, "Directeur général", "Person", "description", cue="context"))
    facts = find_relations(unparsed(text), [Sentence(0, len(text), text)], [Entity("loic", "Loïc Poirier", "Person",
                                                                                    mentions)])
    assert [(f.kind, f.values("object")) for f in facts] == [("jobTitle", ["Directeur général"])]


def test_title_before_a_name() -> None:
    got = relations("Le secrétaire d'État américain Mike Pompeo a parlé.", {"Mike Pompeo": "Person"})
    assert got == {("jobTitle", "Mike Pompeo", "secrétaire d'État américain")}


def test_a_title_set_before_a_name_between_commas_and_one_in_brackets() -> None:
    got = relations("Le responsable du commerce électronique chez Walmart, Marc Lore, a parlé.",
                    {"Walmart": "Company", "Marc Lore": "Person"})
    assert got == {("worksFor", "Marc Lore", "Walmart"), ("jobTitle", "Marc Lore", "responsable du commerce électronique")}
    got = relations("Les fondateurs, Benjamin André (PDG) et Frank Roy, parlent.",
                    {"Benjamin André": "Person", "Frank Roy": "Person"})
    assert got == {("jobTitle", "Benjamin André", "PDG")}


def test_owners_a_list_of_subsidiaries_and_a_person_who_owns() -> None:
    got = relations("L'assemblée de Vivendi a voté la séparation de ses filiales Canal+, Havas et Prisma.",
                    {"Vivendi": "Company", "Canal+": "Company", "Havas": "Company", "Prisma": "Company"})
    assert got == {("parentOrganization", c, "Vivendi") for c in ("Canal+", "Havas", "Prisma")}
    got = relations("Le groupe CMA CGM, propriété du milliardaire Rodolphe Saadé, rachète Altice Media, maison mère de "
                    "BFMTV et RMC.", {"CMA CGM": "Company", "Rodolphe Saadé": "Person", "Altice Media": "Company",
                                     "BFMTV": "Company", "RMC": "Company"})
    assert got == {("parentOrganization", "CMA CGM", "Rodolphe Saadé"), ("parentOrganization", "BFMTV", "Altice Media"),
                   ("parentOrganization", "RMC", "Altice Media")}
    got = relations("Serval Ingrédients, une filiale du géant du lait Lactalis, est mise en examen.",
                    {"Serval Ingrédients": "Company", "Lactalis": "Company"})
    assert got == {("parentOrganization", "Serval Ingrédients", "Lactalis")}


def test_an_owning_noun_beside_a_name_or_before_it_says_whose_it_is() -> None:
    got = relations("Ils ont levé auprès de Footprint, le fonds de l'acteur américain Robert Downey, 5 M€.",
                    {"Footprint": "Fund", "Robert Downey": "Person"})
    assert got == {("parentOrganization", "Footprint", "Robert Downey")}
    # an adjective is no relative pronoun; not past a relative clause or a rival
    assert relations("Footprint, le fonds de la banque publique Bpifrance, investit.",
                     {"Footprint": "Fund", "Bpifrance": "Company"}) == {("parentOrganization", "Footprint", "Bpifrance")}
    assert relations("Carrefour, l'enseigne de distribution qui a racheté Promodès, ouvre un magasin.",
                     {"Carrefour": "Company", "Promodès": "Company"}) == set()
    assert relations("Zara, l'enseigne de prêt-à-porter rivale de Mango, ouvre.",
                     {"Zara": "Company", "Mango": "Company"}) == set()
    got = relations("Les données servent à la boutique d'applications Ovi de Nokia.", {"Ovi": "Product", "Nokia": "Company"})
    assert got == {("parentOrganization", "Ovi", "Nokia")}
    got = relations("Agrial a fusionné avec Eurial, détenteur de la marque Soignon.",
                    {"Agrial": "Company", "Eurial": "Company", "Soignon": "Product"})
    assert got == {("parentOrganization", "Soignon", "Eurial")}
    # a name after a word of no ownership is no subsidiary: "le président Macron de France" is nothing of it
    assert "parentOrganization" not in {kind for kind, _, _ in relations(
        "Le président Macron de France parle.", {"Macron": "Person", "France": "Country"})}


def test_an_owner_holds_a_title_but_does_not_work_for_what_he_owns() -> None:
    got = relations("Evgeny Lebedev, propriétaire de The Independent, a parlé.",
                    {"Evgeny Lebedev": "Person", "The Independent": "Company"})
    assert got == {("jobTitle", "Evgeny Lebedev", "propriétaire"),
                   ("parentOrganization", "The Independent", "Evgeny Lebedev")}


def test_the_complement_of_a_title_does_not_hold_it() -> None:
    got = relations("L'ancien Premier ministre de François Hollande Manuel Valls a parlé.",
                    {"François Hollande": "Person", "Manuel Valls": "Person"})
    assert got == {("jobTitle", "Manuel Valls", "Premier ministre")}
    # a name after "à l'" completes the title ("la secrétaire d'État à l'Économie"), even one typed as a person
    assert relations("La secrétaire d'État à l'Économie a parlé.", {"Économie": "Person"}) == set()


def test_subsidiary_and_wrong_classes() -> None:
    assert relations("Instagram, filiale de Meta, grandit.", {"Instagram": "Product", "Meta": "Company"}) == {
        ("parentOrganization", "Instagram", "Meta")}
    assert relations("Paris, filiale de Meta, grandit.", {"Paris": "City", "Meta": "Company"}) == set()
    # an apposition between the name and "filiale" or "maison mère"
    assert relations("Volt AESC : le producteur japonais de batteries, filiale du groupe chinois Envision, va "
                     "construire une usine.", {"Volt AESC": "Company", "Envision": "Company"}) == {
        ("parentOrganization", "Volt AESC", "Envision")}
    assert relations("Altice Media, le groupe de médias, maison mère de BFMTV, est à vendre.",
                     {"Altice Media": "Company", "BFMTV": "Company"}) == {("parentOrganization", "BFMTV", "Altice Media")}


def test_a_place_inside_an_institution_name_is_where_it_is() -> None:
    text = "Le tribunal de Paris a jugé."
    court = Entity("court", "tribunal de Paris", "Organization", (Mention(3, 20, "tribunal de Paris", "Organization"),))
    paris = Entity("paris", "Paris", "City", (Mention(15, 20, "Paris", "Place"),))
    facts = find_relations(unparsed(text), [Sentence(0, len(text), text)], [court, paris])
    assert [(f.kind, f.values("subject"), f.values("object")) for f in facts] == [("locatedIn", ["court"], ["paris"])]


def test_a_person_name_nested_in_another_mention_is_skipped_not_an_error() -> None:
    text = "Le lycée Victor Hugo de Paris ouvre."
    school = Entity("school", "lycée Victor Hugo de Paris", "Organization",
                    (Mention(3, 29, "lycée Victor Hugo de Paris", "Organization"),))
    hugo = Entity("hugo", "Victor Hugo", "Person", (Mention(9, 20, "Victor Hugo", "Person"),))
    assert find_relations(unparsed(text), [Sentence(0, len(text), text)], [school, hugo]) == []


def parsed(rows: list[tuple], names: dict[str, str], nouns: dict[str, str] | None = None) -> set[tuple[str, str, str]]:
    return found(make_doc(rows), names, nouns)


def placed(rows: list[tuple], names: dict[str, str], nouns: dict[str, str] | None = None) -> set[tuple[str, str]]:
    return {(s, o) for kind, s, o in parsed(rows, names, nouns) if kind == "locatedIn"}


def test_a_locative_phrase_places_the_person_of_its_clause() -> None:
    # "Mme Anne Roy a eu un accident à Nantes": up from the accident to the subject, past "Mme"
    rows = [("Mme", "madame", "NOUN", "nsubj", 4), ("Anne", "Anne", "PROPN", "flat:name", 0),
            ("Roy", "Roy", "PROPN", "flat:name", 0), ("a", "avoir", "AUX", "aux:tense", 4),
            ("eu", "avoir", "VERB", "ROOT", 4), ("un", "un", "DET", "det", 6), ("accident", "accident", "NOUN", "obj", 4),
            ("à", "à", "ADP", "case", 8), ("Nantes", "Nantes", "PROPN", "nmod", 6)]
    assert placed(rows, {"Anne Roy": "Person", "Nantes": "City"}) == {("Anne Roy", "Nantes")}
    # the same with an organisation: "TikTok investit en Europe" does not place TikTok
    rows = [("TikTok", "TikTok", "PROPN", "nsubj", 1), ("investit", "investir", "VERB", "ROOT", 1),
            ("en", "en", "ADP", "case", 3), ("Europe", "Europe", "PROPN", "obl:mod", 1)]
    assert placed(rows, {"TikTok": "Company", "Europe": "Continent"}) == set()


def test_verbs_that_share_a_subject_share_their_places() -> None:
    # "Les secours arrivent et conduisent la victime à l'hôpital": the rescuers too are at the hospital
    rows = [("Les", "le", "DET", "det", 1), ("secours", "secours", "NOUN", "nsubj", 2),
            ("arrivent", "arriver", "VERB", "ROOT", 2), ("et", "et", "CCONJ", "cc", 4),
            ("conduisent", "conduire", "VERB", "conj", 2), ("la", "le", "DET", "det", 6),
            ("victime", "victime", "NOUN", "obj", 4), ("à", "à", "ADP", "case", 9), ("l'", "le", "DET", "det", 9),
            ("hôpital", "hôpital", "NOUN", "obl:arg", 4)]
    assert placed(rows, {}, {"secours": "Organization", "victime": "Person", "hôpital": "Place"}) == {
        ("secours", "hôpital"), ("victime", "hôpital")}


def test_a_relative_pronoun_stands_for_what_it_follows() -> None:
    # "un incendie qui éclate dans une usine"
    rows = [("un", "un", "DET", "det", 1), ("incendie", "incendie", "NOUN", "ROOT", 1),
            ("qui", "qui", "PRON", "nsubj", 3), ("éclate", "éclater", "VERB", "acl:relcl", 1),
            ("dans", "dans", "ADP", "case", 6), ("une", "un", "DET", "det", 6), ("usine", "usine", "NOUN", "obl:mod", 3)]
    assert placed(rows, {}, {"incendie": "Incident", "usine": "Place"}) == {("incendie", "usine")}


def test_an_incident_a_verb_names_is_at_its_subject_place() -> None:
    # "la maison a brûlé"
    rows = [("la", "le", "DET", "det", 1), ("maison", "maison", "NOUN", "nsubj", 3),
            ("a", "avoir", "AUX", "aux:tense", 3), ("brûlé", "brûler", "VERB", "ROOT", 3)]
    assert placed(rows, {}, {"maison": "Place", "brûlé": "Incident"}) == {("brûlé", "maison")}


def test_a_locative_phrase_on_a_name_places_that_name_only() -> None:
    rows = [("Kampala", "Kampala", "PROPN", "ROOT", 0), ("en", "en", "ADP", "case", 2),
            ("Ouganda", "Ouganda", "PROPN", "nmod", 0)]
    assert placed(rows, {"Kampala": "City", "Ouganda": "Country"}) == {("Kampala", "Ouganda")}
    # a headline "Canada : fusillade en Saskatchewan" does not put Canada in Saskatchewan
    rows = [("Canada", "Canada", "PROPN", "ROOT", 0), (":", ":", "PUNCT", "punct", 0),
            ("fusillade", "fusillade", "NOUN", "appos", 0), ("en", "en", "ADP", "case", 4),
            ("Saskatchewan", "Saskatchewan", "PROPN", "nmod", 2)]
    assert placed(rows, {"Canada": "Country", "Saskatchewan": "Place"}) == set()


def test_membership_and_employment_reach_a_quoted_organisation() -> None:
    got = relations('Anne Roy, membre de l\'association "Helping", et Paul Lou, un photographe travaillant pour '
                    'Photofilm, parlent.', {"Anne Roy": "Person", "Helping": "Organization", "Paul Lou": "Person",
                                           "Photofilm": "Company"})
    assert got == {("memberOf", "Anne Roy", "Helping"), ("worksFor", "Paul Lou", "Photofilm")}


def test_kin_words_give_relatives() -> None:
    names = {"Émilie Roy": "Person", "Laura Roy": "Person", "Max Roy": "Person", "Ursula Lou": "Person",
             "Paul Lou": "Person"}
    got = relations("Émilie Roy, la sœur de Laura Roy, et Ursula Lou et son mari, M. Paul Lou, ont parlé de Max Roy.",
                    names)
    assert got == {("relativeOf", "Émilie Roy", "Laura Roy"), ("relativeOf", "Ursula Lou", "Paul Lou")}


def test_a_title_before_a_name_stops_two_words_after_the_employer() -> None:
    got = relations("L'avocate générale de la Cour a demandé d'annuler la tutelle de Vincent Roy.",
                    {"Cour": "Organization", "Vincent Roy": "Person"})
    assert got == set()
    got = relations("Le patron de la CGT Philippe Martinez parle.", {"CGT": "Organization", "Philippe Martinez": "Person"})
    assert got == {("worksFor", "Philippe Martinez", "CGT"), ("headOf", "Philippe Martinez", "CGT"),
                   ("jobTitle", "Philippe Martinez", "patron")}


def test_a_verb_on_the_way_makes_a_birth_place_or_a_home() -> None:
    # "Anne Roy, née à Rome, vit à Lyon."
    rows = [("Anne", "Anne", "PROPN", "nsubj", 7), ("Roy", "Roy", "PROPN", "flat:name", 0), (",", ",", "PUNCT", "punct", 3),
            ("née", "naître", "VERB", "acl", 0), ("à", "à", "ADP", "case", 5), ("Rome", "Rome", "PROPN", "obl:mod", 3),
            (",", ",", "PUNCT", "punct", 3), ("vit", "vivre", "VERB", "ROOT", 7), ("à", "à", "ADP", "case", 9),
            ("Lyon", "Lyon", "PROPN", "obl:mod", 7)]
    got = parsed(rows, {"Anne Roy": "Person", "Rome": "City", "Lyon": "City"})
    assert got == {
        ("birthPlace", "Anne Roy", "Rome"), ("homeLocation", "Anne Roy", "Lyon")}


def test_a_place_fronted_alone_or_after_a_time_places_the_name_after_it() -> None:
    assert relations("Le 26 juin 2001, au Népal, M. Paul Roy était en charge.",
                     {"Népal": "Country", "Paul Roy": "Person"}) == {("locatedIn", "Paul Roy", "Népal")}
    assert relations("Afin de faire revenir des emplois aux États-Unis, Donald Trump promet.",
                     {"États-Unis": "Country", "Donald Trump": "Person"}) == set()


def test_a_recipient_country_and_a_place_of_a_far_noun_place_nobody() -> None:
    # "Léa Roy offre une médaille à la France": France receives, Léa Roy is not in France
    rows = [("Léa", "Léa", "PROPN", "nsubj", 2), ("Roy", "Roy", "PROPN", "flat:name", 0),
            ("offre", "offrir", "VERB", "ROOT", 2), ("une", "un", "DET", "det", 4),
            ("médaille", "médaille", "NOUN", "obj", 2),
            ("à", "à", "ADP", "case", 7), ("la", "le", "DET", "det", 7), ("France", "France", "PROPN", "obl:arg", 2)]
    assert placed(rows, {"Léa Roy": "Person", "France": "Country"}) == set()
    # "Paul Roy défend le retour à une production en France": the production is in France, not Paul Roy
    rows = [("Paul", "Paul", "PROPN", "nsubj", 2), ("Roy", "Roy", "PROPN", "flat:name", 0),
            ("défend", "défendre", "VERB", "ROOT", 2), ("le", "le", "DET", "det", 4), ("retour", "retour", "NOUN", "obj", 2),
            ("à", "à", "ADP", "case", 7), ("une", "un", "DET", "det", 7), ("production", "production", "NOUN", "nmod", 4),
            ("en", "en", "ADP", "case", 9), ("France", "France", "PROPN", "nmod", 7)]
    assert placed(rows, {"Paul Roy": "Person", "France": "Country"}) == set()


def test_two_kin_words_after_a_missing_subject_relate_nobody() -> None:
    names = {"Raymond Roy": "Person", "Jacques Roy": "Person"}
    assert relations("Fils de Raymond Roy et frère de Jacques Roy, il parle.", names) == set()
    assert relations("Raymond Roy était le frère de Jacques Roy.", names) == {("relativeOf", "Raymond Roy", "Jacques Roy")}


def test_kin_words_need_a_kin_of_a_person_not_a_title_of_the_year() -> None:
    assert relations("René Roy , connu comme agent et le mari de Céline Dion , est mort.",
                     {"René Roy": "Person", "Céline Dion": "Person"}) == {("relativeOf", "René Roy", "Céline Dion")}
    assert relations("Anne Lou est la femme de l'année 2018 ex-aequo avec Angela Merkel.",
                     {"Anne Lou": "Person", "Angela Merkel": "Person"}) == set()


def test_a_fronted_place_before_a_list_of_places_places_nothing() -> None:
    assert relations("À Nîmes, Dions, Saint-Cézaire et Aimargues, des barrages ont été déployés.",
                     {"Nîmes": "City", "Dions": "Place", "Saint-Cézaire": "Place", "Aimargues": "Place"}) == set()


def test_no_employer_across_a_verb_or_a_word_starting_like_de() -> None:
    assert relations("Le directeur de Renault a reçu Paul Roy.", {"Renault": "Company", "Paul Roy": "Person"}) == set()
    assert relations("Le directeur de Renault reçoit Paul Roy.", {"Renault": "Company", "Paul Roy": "Person"}) == set()
    assert relations("Le président de la République italien Sergio Mattarella parle.",
                     {"République": "Organization", "Sergio Mattarella": "Person"}) == {
        ("worksFor", "Sergio Mattarella", "République"), ("headOf", "Sergio Mattarella", "République"),
        ("jobTitle", "Sergio Mattarella", "président")}
    got = relations("Bruno Le Maire, ministre devant le Sénat, a défendu le budget.",
                    {"Bruno Le Maire": "Person", "Sénat": "Organization"})
    assert ("worksFor", "Bruno Le Maire", "Sénat") not in got


def test_a_fronted_place_does_not_place_an_organisation() -> None:
    assert relations("En Europe, Renault investit massivement.", {"Europe": "Continent", "Renault": "Company"}) == set()


def test_living_through_something_somewhere_is_no_home() -> None:
    # "Paul Roy a vécu un cauchemar à Paris."
    rows = [("Paul", "Paul", "PROPN", "nsubj", 3), ("Roy", "Roy", "PROPN", "flat:name", 0),
            ("a", "avoir", "AUX", "aux:tense", 3), ("vécu", "vivre", "VERB", "ROOT", 3),
            ("un", "un", "DET", "det", 5), ("cauchemar", "cauchemar", "NOUN", "obj", 3),
            ("à", "à", "ADP", "case", 7), ("Paris", "Paris", "PROPN", "obl:mod", 3)]
    got = parsed(rows, {"Paul Roy": "Person", "Paris": "City"})
    assert {kind for kind, _, _ in got} == {"locatedIn"}


def test_a_date_the_parse_calls_an_object_does_not_stop_a_birth_place() -> None:
    # "Anne Roy, née le 29/08/1974 à Rome."
    rows = [("Anne", "Anne", "PROPN", "ROOT", 0), ("Roy", "Roy", "PROPN", "flat:name", 0), (",", ",", "PUNCT", "punct", 3),
            ("née", "naître", "VERB", "acl", 0), ("le", "le", "DET", "det", 5),
            ("29/08/1974", "29/08/1974", "PROPN", "obj", 3), ("à", "à", "ADP", "case", 7),
            ("Rome", "Rome", "PROPN", "obl:mod", 3)]
    got = parsed(rows, {"Anne Roy": "Person", "Rome": "City"})
    assert {kind for kind, _, _ in got} == {"birthPlace"}


# "La police a arrêté deux hommes dans la rue de Lyon."
ARREST = [("La", "le", "DET", "det", 1), ("police", "police", "NOUN", "nsubj", 3), ("a", "avoir", "AUX", "aux:tense", 3),
          ("arrêté", "arrêter", "VERB", "ROOT", 3), ("deux", "deux", "NUM", "nummod", 5),
          ("hommes", "homme", "NOUN", "obj", 3), ("dans", "dans", "ADP", "case", 8), ("la", "le", "DET", "det", 8),
          ("rue", "rue", "NOUN", "obl:mod", 3), ("de", "de", "ADP", "case", 10), ("Lyon", "Lyon", "PROPN", "nmod", 8)]


def test_the_people_of_a_clause_are_where_it_happens_not_a_named_organisation() -> None:
    got = placed(ARREST, {"Lyon": "City"}, {"police": "Organization", "hommes": "Group", "rue": "Place"})
    # the men are in the street, the street in Lyon, so the men in Lyon; the police a common noun names too
    assert got == {("hommes", "rue"), ("rue", "Lyon"), ("hommes", "Lyon"), ("police", "rue"), ("police", "Lyon")}
    # "Interpol a arrêté deux hommes dans la rue de Lyon": a named organisation is not placed by its verb
    rows = [("Interpol", "Interpol", "PROPN", "nsubj", 2), *((*row[:4], row[4] - 1) for row in ARREST[2:])]
    got = placed(rows, {"Interpol": "Organization", "Lyon": "City"}, {"hommes": "Group", "rue": "Place"})
    assert got == {("hommes", "rue"), ("rue", "Lyon"), ("hommes", "Lyon")}


def test_who_a_clause_is_told_by_is_not_there() -> None:
    # "Selon la police, deux hommes sont arrivés dans la rue."
    rows = [("Selon", "selon", "ADP", "case", 2), ("la", "le", "DET", "det", 2), ("police", "police", "NOUN", "obl:mod", 6),
            (",", ",", "PUNCT", "punct", 2), ("deux", "deux", "NUM", "nummod", 5), ("hommes", "homme", "NOUN", "nsubj", 6),
            ("arrivent", "arriver", "VERB", "ROOT", 6), ("dans", "dans", "ADP", "case", 9), ("la", "le", "DET", "det", 9),
            ("rue", "rue", "NOUN", "obl:mod", 6)]
    assert placed(rows, {}, {"police": "Organization", "hommes": "Group", "rue": "Place"}) == {("hommes", "rue")}


def test_a_place_after_de_places_the_noun_before_it_not_a_verb() -> None:
    # "les habitants du quartier", "venir de Paris"
    rows = [("Les", "le", "DET", "det", 1), ("habitants", "habitant", "NOUN", "nsubj", 4), ("du", "de", "ADP", "case", 3),
            ("quartier", "quartier", "NOUN", "nmod", 1), ("viennent", "venir", "VERB", "ROOT", 4),
            ("de", "de", "ADP", "case", 6), ("Paris", "Paris", "PROPN", "obl:arg", 4)]
    assert placed(rows, {"Paris": "City"}, {"habitants": "Group", "quartier": "Place"}) == {("habitants", "quartier")}


def test_people_told_of_near_an_incident_are_where_it_happened() -> None:
    # "Un incendie éclate à Lyon. Les pompiers viennent. A. B. C. Les voisins parlent.": the firemen,
    # a sentence after the fire, were in Lyon; the neighbours, five sentences after, are not placed
    rows = [("Un", "un", "DET", "det", 1), ("incendie", "incendie", "NOUN", "nsubj", 2),
            ("éclate", "éclater", "VERB", "ROOT", 2), ("à", "à", "ADP", "case", 4), ("Lyon", "Lyon", "PROPN", "obl:mod", 2),
            (".", ".", "PUNCT", "punct", 2), ("Les", "le", "DET", "det", 7), ("pompiers", "pompier", "NOUN", "nsubj", 8),
            ("viennent", "venir", "VERB", "ROOT", 8), (".", ".", "PUNCT", "punct", 8)]
    for i, word in enumerate("ABC"):
        rows += [(word, word, "X", "ROOT", 10 + 2 * i), (".", ".", "PUNCT", "punct", 10 + 2 * i)]
    rows += [("Les", "le", "DET", "det", 17), ("voisins", "voisin", "NOUN", "nsubj", 18),
             ("parlent", "parler", "VERB", "ROOT", 18), (".", ".", "PUNCT", "punct", 18)]
    doc = make_doc(rows)
    ends = [t.idx + 1 for t in doc if t.text == "."]
    sentences = [Sentence(a, b, doc.text[a:b]) for a, b in zip([0] + [e + 1 for e in ends[:-1]], ends, strict=True)]

    def placed_near(firemen: tuple[str, str, str]) -> set[tuple]:
        entities = [Entity(w, w, kind, (Mention(doc.text.index(w), doc.text.index(w) + len(w), w, kind, form, head=head),))
                    for w, kind, form, head in (("incendie", "Incident", "noun", "incendie"), ("Lyon", "City", "name", ""),
                                                ("pompiers", *firemen), ("voisins", "Group", "noun", "voisin"))]
        return {(f.values("subject")[0], f.values("object")[0], f.method) for f in find_relations(doc, sentences, entities)
                if f.method != "inferred place of the story"}
    there = {("incendie", "Lyon", "dependency place"), ("pompiers", "Lyon", "inferred place of a nearby incident")}
    assert placed_near(("Group", "noun", "pompier")) == there
    # an emergency service is there, not any organisation ("le gouvernement" promising help)
    assert placed_near(("Organization", "noun", "police")) == there
    assert placed_near(("Organization", "noun", "gouvernement")) == {("incendie", "Lyon", "dependency place")}
    # a person named there is not placed: often someone who speaks of it from elsewhere
    assert placed_near(("Person", "name", "")) == {("incendie", "Lyon", "dependency place")}


def test_a_member_or_head_named_by_a_common_noun_belongs_to_the_organisation_after_it() -> None:
    # "les membres de l'association", "le directeur de la préfecture"
    rows = [("les", "le", "DET", "det", 1), ("membres", "membre", "NOUN", "ROOT", 1), ("de", "de", "ADP", "case", 4),
            ("l'", "le", "DET", "det", 4), ("association", "association", "NOUN", "nmod", 1)]
    assert parsed(rows, {}, {"membres": "Group", "association": "Organization"}) == {
        ("memberOf", "membres", "association")}
    rows = [("le", "le", "DET", "det", 1), ("directeur", "directeur", "NOUN", "ROOT", 1), ("de", "de", "ADP", "case", 4),
            ("la", "le", "DET", "det", 4), ("préfecture", "préfecture", "NOUN", "nmod", 1)]
    # no one a reader can look up: an unnamed head works for nothing in the graph (read on Wikinews: "le chef",
    # "le président" as people were wrong)
    assert parsed(rows, {}, {"directeur": "Person", "préfecture": "Organization"}) == set()
    # "le directeur de l'usine", "le propriétaire du supermarché", "le chef du gang": has it in hand; "l'employé de
    # l'usine" does not
    def of(person: str, thing: str, kind: str) -> set[tuple[str, str, str]]:
        rows = [("le", "le", "DET", "det", 1), (person, person, "NOUN", "ROOT", 1), ("de", "de", "ADP", "case", 4),
                ("la", "le", "DET", "det", 4), (thing, thing, "NOUN", "nmod", 1)]
        return {r for r in parsed(rows, {}, {person: "Person", thing: kind}) if r[0] != "locatedIn"}
    assert of("directeur", "usine", "Place") == {("controls", "directeur", "usine")}
    assert of("propriétaire", "supermarché", "Place") == {("controls", "propriétaire", "supermarché")}
    assert of("propriétaire", "enseigne", "Organization") == set()  # owns it: no member of it
    assert of("chef", "gang", "Group") == {("controls", "chef", "gang")}
    assert of("pilote", "avion", "Object") == {("controls", "pilote", "avion")}
    assert of("employé", "usine", "Place") == set()
    # "Paul Roy était le directeur de la préfecture", "la préfecture est dirigée par M. Paul Roy": he heads it
    rows = [("Paul", "Paul", "PROPN", "nsubj", 4), ("Roy", "Roy", "PROPN", "flat:name", 0),
            ("était", "être", "AUX", "cop", 4), ("le", "le", "DET", "det", 4), ("directeur", "directeur", "NOUN", "ROOT", 4),
            ("de", "de", "ADP", "case", 7), ("la", "le", "DET", "det", 7), ("préfecture", "préfecture", "NOUN", "nmod", 4)]
    assert parsed(rows, {"Paul Roy": "Person", "préfecture": "Organization"}, {}) == {
        ("worksFor", "Paul Roy", "préfecture"), ("headOf", "Paul Roy", "préfecture")}
    assert parsed(rows, {"Paul Roy": "Person"}, {"préfecture": "Organization"}) == set()  # an unnamed one: no
    rows = [("la", "le", "DET", "det", 1), ("préfecture", "préfecture", "NOUN", "nsubj:pass", 3),
            ("est", "être", "AUX", "aux:pass", 3), ("dirigée", "diriger", "VERB", "ROOT", 3),
            ("par", "par", "ADP", "case", 5), ("M.", "m.", "NOUN", "obl:agent", 3),
            ("Paul", "Paul", "PROPN", "flat:name", 5), ("Roy", "Roy", "PROPN", "flat:name", 5)]
    assert parsed(rows, {"Paul Roy": "Person"}, {"préfecture": "Organization"}) == {
        ("worksFor", "Paul Roy", "préfecture"), ("headOf", "Paul Roy", "préfecture")}
    # "Musk, qui dirige Tesla et SpaceX", "Paul Roy dirige le groupe Acme": the subject of a verb of leading
    # works for and heads each organisation named for its object
    rows = [("Musk", "Musk", "PROPN", "ROOT", 0), (",", ",", "PUNCT", "punct", 0), ("qui", "qui", "PRON", "nsubj", 3),
            ("dirige", "diriger", "VERB", "acl:relcl", 0), ("Tesla", "Tesla", "PROPN", "obj", 3),
            ("et", "et", "CCONJ", "cc", 6), ("SpaceX", "SpaceX", "PROPN", "conj", 4)]
    assert parsed(rows, {"Musk": "Person", "Tesla": "Company", "SpaceX": "Company"}) == {
        (name, "Musk", firm) for name in ("worksFor", "headOf") for firm in ("Tesla", "SpaceX")}
    rows = [("Paul", "Paul", "PROPN", "nsubj", 2), ("Roy", "Roy", "PROPN", "flat:name", 0),
            ("dirige", "diriger", "VERB", "ROOT", 2), ("le", "le", "DET", "det", 4), ("groupe", "groupe", "NOUN", "obj", 2),
            ("Acme", "Acme", "PROPN", "nmod", 4)]
    assert parsed(rows, {"Paul Roy": "Person", "Acme": "Company"}) == {
        ("worksFor", "Paul Roy", "Acme"), ("headOf", "Paul Roy", "Acme")}
    # an organisation the text does not name is no one a reader can look up: "X a dirigé une société de conseil"
    assert parsed(rows, {"Paul Roy": "Person"}, {"groupe": "Company"}) == set()
    # nor one he never led: "Paul Roy n'a jamais dirigé le groupe Acme"
    rows = [("Paul", "Paul", "PROPN", "nsubj", 5), ("Roy", "Roy", "PROPN", "flat:name", 0),
            ("n'", "ne", "ADV", "advmod", 5, "", True), ("a", "avoir", "AUX", "aux:tense", 5),
            ("jamais", "jamais", "ADV", "advmod", 5), ("dirigé", "diriger", "VERB", "ROOT", 5, "VerbForm=Part"),
            ("le", "le", "DET", "det", 7), ("groupe", "groupe", "NOUN", "obj", 5), ("Acme", "Acme", "PROPN", "nmod", 7)]
    assert parsed(rows, {"Paul Roy": "Person", "Acme": "Company"}) == set()
    # "l'un des manifestants" is one of them
    rows = [("l'", "le", "DET", "det", 1), ("un", "un", "PRON", "ROOT", 1), ("des", "de", "ADP", "case", 3),
            ("manifestants", "manifestant", "NOUN", "nmod", 1)]
    assert parsed(rows, {}, {"un": "Person", "manifestants": "Group"}) == {("memberOf", "un", "manifestants")}


def test_verbs_of_contact_and_conflict_join_their_subject_and_object() -> None:
    # "la police a arrêté deux hommes dans la rue de Lyon": at odds; the police is the doer
    assert {r for r in parsed(ARREST, {"Lyon": "City"}, {"police": "Organization", "hommes": "Group", "rue": "Place"})
            if r[0] != "locatedIn"} == {("atOddsWith", "police", "hommes")}
    # "Anne Roy a été soignée par un médecin": the agent of a passive
    rows = [("Anne", "Anne", "PROPN", "nsubj:pass", 4), ("Roy", "Roy", "PROPN", "flat:name", 0),
            ("a", "avoir", "AUX", "aux:tense", 4), ("été", "être", "AUX", "aux:pass", 4),
            ("soignée", "soigner", "VERB", "ROOT", 4), ("par", "par", "ADP", "case", 7), ("un", "un", "DET", "det", 7),
            ("médecin", "médecin", "NOUN", "obl:agent", 4)]
    assert parsed(rows, {"Anne Roy": "Person"}, {"médecin": "Person"}) == {("inContactWith", "médecin", "Anne Roy")}
    # "Elle a répondu Paul Roy": what is said is no one spoken to; "Elle a répondu à Paul Roy" is
    rows = [("Léa", "Léa", "PROPN", "nsubj", 1), ("répond", "répondre", "VERB", "ROOT", 1),
            ("Paul", "Paul", "PROPN", "obj", 1), ("Roy", "Roy", "PROPN", "flat:name", 2)]
    assert parsed(rows, {"Léa": "Person", "Paul Roy": "Person"}) == set()
    rows = [("Léa", "Léa", "PROPN", "nsubj", 1), ("répond", "répondre", "VERB", "ROOT", 1), ("à", "à", "ADP", "case", 3),
            ("Paul", "Paul", "PROPN", "obl:arg", 1), ("Roy", "Roy", "PROPN", "flat:name", 3)]
    assert parsed(rows, {"Léa": "Person", "Paul Roy": "Person"}) == {("inContactWith", "Léa", "Paul Roy")}


def test_a_chain_of_places_places_what_is_in_the_first_in_all() -> None:
    # "La police a arrêté deux hommes dans la rue du quartier de Lyon en France."
    rows = [*ARREST[:9], ("du", "de", "ADP", "case", 10), ("quartier", "quartier", "NOUN", "nmod", 8),
            ("de", "de", "ADP", "case", 12), ("Lyon", "Lyon", "PROPN", "nmod", 10), ("en", "en", "ADP", "case", 14),
            ("France", "France", "PROPN", "nmod", 12)]
    got = placed(rows, {"Lyon": "City", "France": "Country"},
                 {"police": "Organization", "hommes": "Group", "rue": "Place", "quartier": "Place"})
    assert {place for thing, place in got if thing == "hommes"} == {"rue", "quartier", "Lyon", "France"}


def test_sur_places_only_before_a_common_noun() -> None:
    # "Paul Roy parle sur l'Ukraine" is what about; "Paul Roy parle sur la place" is where
    def on(word: str, names: dict[str, str], nouns: dict[str, str]) -> set[tuple[str, str]]:
        rows = [("Paul", "Paul", "PROPN", "nsubj", 2), ("Roy", "Roy", "PROPN", "flat:name", 0),
                ("parle", "parler", "VERB", "ROOT", 2), ("sur", "sur", "ADP", "case", 5), ("la", "le", "DET", "det", 5),
                (word, word, "NOUN" if nouns else "PROPN", "obl:mod", 2)]
        return placed(rows, names, nouns)
    assert on("Ukraine", {"Paul Roy": "Person", "Ukraine": "Country"}, {}) == set()
    assert on("plage", {"Paul Roy": "Person"}, {"plage": "Place"}) == {("Paul Roy", "plage")}


def test_a_named_complement_of_a_participant_is_not_placed_and_heads_are_people() -> None:
    # "Le fils de Jean Dupont a été arrêté à Marseille": the son is there, not Jean Dupont
    rows = [("Le", "le", "DET", "det", 1), ("fils", "fils", "NOUN", "nsubj:pass", 7), ("de", "de", "ADP", "case", 3),
            ("Jean", "Jean", "PROPN", "nmod", 1), ("Dupont", "Dupont", "PROPN", "flat:name", 3),
            ("a", "avoir", "AUX", "aux:tense", 7), ("été", "être", "AUX", "aux:pass", 7),
            ("arrêté", "arrêter", "VERB", "ROOT", 7), ("à", "à", "ADP", "case", 9),
            ("Marseille", "Marseille", "PROPN", "obl:mod", 7)]
    assert placed(rows, {"Jean Dupont": "Person", "Marseille": "City"}, {"fils": "Person"}) == {("fils", "Marseille")}
    # "les dirigeants de l'entreprise": members, not heads, of it
    rows = [("les", "le", "DET", "det", 1), ("dirigeants", "dirigeant", "NOUN", "ROOT", 1), ("de", "de", "ADP", "case", 4),
            ("l'", "le", "DET", "det", 4), ("entreprise", "entreprise", "NOUN", "nmod", 1)]
    assert parsed(rows, {}, {"dirigeants": "Group", "entreprise": "Organization"}) == {
        ("memberOf", "dirigeants", "entreprise")}
    # "Les habitants vivent dans le quartier": there, a home being a person's
    rows = [("Les", "le", "DET", "det", 1), ("habitants", "habitant", "NOUN", "nsubj", 2),
            ("vivent", "vivre", "VERB", "ROOT", 2), ("dans", "dans", "ADP", "case", 5), ("le", "le", "DET", "det", 5),
            ("quartier", "quartier", "NOUN", "obl:mod", 2)]
    assert parsed(rows, {}, {"habitants": "Group", "quartier": "Place"}) == {("locatedIn", "habitants", "quartier")}


def test_a_place_after_a_verb_of_contact_is_no_one_met() -> None:
    # "Le ministre a rencontré les étudiants à l'université"
    rows = [("Le", "le", "DET", "det", 1), ("ministre", "ministre", "NOUN", "nsubj", 3),
            ("a", "avoir", "AUX", "aux:tense", 3), ("rencontré", "rencontrer", "VERB", "ROOT", 3),
            ("les", "le", "DET", "det", 5), ("étudiants", "étudiant", "NOUN", "obj", 3), ("à", "à", "ADP", "case", 8),
            ("l'", "le", "DET", "det", 8),
            ("université", "université", "NOUN", "obl:mod", 3)]
    got = parsed(rows, {}, {"ministre": "Person", "étudiants": "Group", "université": "Organization"})
    assert {r for r in got if r[0] == "inContactWith"} == {("inContactWith", "ministre", "étudiants")}


def controls(rows: list[tuple], names: dict[str, str], nouns: dict[str, str]) -> set[tuple[str, str]]:
    return {(s, o) for kind, s, o in parsed(rows, names, nouns) if kind == "controls"}


def test_the_subject_of_a_verb_of_having_has_its_object_and_the_owner_after_de() -> None:
    # "Les manifestants brandissent des pancartes."
    rows = [("Les", "le", "DET", "det", 1), ("manifestants", "manifestant", "NOUN", "nsubj", 2),
            ("brandissent", "brandir", "VERB", "ROOT", 2), ("des", "un", "DET", "det", 4),
            ("pancartes", "pancarte", "NOUN", "obj", 2)]
    assert controls(rows, {}, {"manifestants": "Group", "pancartes": "Object"}) == {("manifestants", "pancartes")}
    # "Les ouvriers déversent des déchets": any verb that takes it in hand; "Les manifestants regardent des
    # pancartes": not one of those that do not (unheld)
    for verb, lemma, held in (("déversent", "déverser", True), ("regardent", "regarder", False)):
        rows[2] = (verb, lemma, "VERB", "ROOT", 2)
        assert controls(rows, {}, {"manifestants": "Group", "pancartes": "Object"}) == (
            {("manifestants", "pancartes")} if held else set())

    # "la voiture de Paul Roy" is his; "le livre de Paul Roy" may be one he wrote
    def of(noun: str) -> set[tuple[str, str]]:
        rows = [("la", "le", "DET", "det", 1), (noun, noun, "NOUN", "ROOT", 1), ("de", "de", "ADP", "case", 3),
                ("Paul", "Paul", "PROPN", "nmod", 1), ("Roy", "Roy", "PROPN", "flat:name", 3)]
        return controls(rows, {"Paul Roy": "Person"}, {noun: "Object"})
    assert of("voiture") == {("Paul Roy", "voiture")}
    assert of("livre") == set()


def test_a_possessive_gives_the_object_to_the_subject_of_its_number() -> None:
    # "Paul Roy saisit son portable"; "Paul Roy saisit leurs portables" is not his
    def seized(det: str, number: str) -> set[tuple[str, str]]:
        rows = [("Paul", "Paul", "PROPN", "nsubj", 2, "Number=Sing"), ("Roy", "Roy", "PROPN", "flat:name", 0),
                ("regarde", "regarder", "VERB", "ROOT", 2), (det, det, "DET", "det", 4, f"Number={number}|Poss=Yes"),
                ("portable", "portable", "NOUN", "obj", 2)]
        return controls(rows, {"Paul Roy": "Person"}, {"portable": "Object"})
    assert seized("son", "Sing") == {("Paul Roy", "portable")}
    assert seized("leurs", "Plur") == set()


def test_armed_with_or_carrying_with_gives_the_object_to_the_subject() -> None:
    # "Armés de couteaux, les riverains attaquent."
    rows = [("Armés", "armé", "NOUN", "obl:mod", 5), ("de", "de", "ADP", "case", 2),
            ("couteaux", "couteau", "NOUN", "nmod", 0), (",", ",", "PUNCT", "punct", 0), ("les", "le", "DET", "det", 5),
            ("riverains", "riverain", "NOUN", "nsubj", 6), ("attaquent", "attaquer", "VERB", "ROOT", 6)]
    assert controls(rows, {}, {"riverains": "Group", "couteaux": "Object"}) == {("riverains", "couteaux")}
    # "Les doctorants munis de badges manifestent."
    rows = [("Les", "le", "DET", "det", 1), ("doctorants", "doctorant", "NOUN", "nsubj", 5),
            ("munis", "munir", "ADJ", "amod", 1), ("de", "de", "ADP", "case", 4), ("badges", "badge", "NOUN", "nmod", 1),
            ("manifestent", "manifester", "VERB", "ROOT", 5)]
    assert controls(rows, {}, {"doctorants": "Group", "badges": "Object"}) == {("doctorants", "badges")}
    # "Les voleurs frappent les passants avec des barres": the subject, not the object, has the bars
    rows = [("Les", "le", "DET", "det", 1), ("voleurs", "voleur", "NOUN", "nsubj", 2),
            ("frappent", "frapper", "VERB", "ROOT", 2), ("les", "le", "DET", "det", 4),
            ("passants", "passant", "NOUN", "obj", 2), ("avec", "avec", "ADP", "case", 7), ("des", "un", "DET", "det", 7),
            ("barres", "barre", "NOUN", "nmod", 4)]
    assert controls(rows, {}, {"voleurs": "Group", "passants": "Group", "barres": "Object"}) == {("voleurs", "barres")}


def test_what_the_subject_does_something_with_is_its() -> None:
    # "Les manifestants saccagent les rues à l'aide de barres", "... à coups de barres"; not "... à la vue de barres"
    def used(noun: str) -> set[tuple[str, str]]:
        rows = [("Les", "le", "DET", "det", 1), ("manifestants", "manifestant", "NOUN", "nsubj", 2),
                ("saccagent", "saccager", "VERB", "ROOT", 2), ("les", "le", "DET", "det", 4),
                ("rues", "rue", "NOUN", "obj", 2), ("à", "à", "ADP", "case", 7), ("l'", "le", "DET", "det", 7),
                (noun, noun, "NOUN", "nmod", 4), ("de", "de", "ADP", "case", 9), ("barres", "barre", "NOUN", "nmod", 7)]
        return controls(rows, {}, {"manifestants": "Group", "rues": "Place", "barres": "Object"})
    assert used("aide") == used("coup") == {("manifestants", "barres")}
    assert used("vue") == set()
    # "Grâce à de la poudre, la police relève les empreintes."
    rows = [("Grâce", "grâce", "NOUN", "case", 4), ("à", "à", "ADP", "fixed", 0), ("de", "de", "ADP", "case", 4),
            ("la", "le", "DET", "det", 4), ("poudre", "poudre", "NOUN", "obl:mod", 7), ("la", "le", "DET", "det", 6),
            ("police", "police", "NOUN", "nsubj", 7), ("relève", "relever", "VERB", "ROOT", 7)]
    assert controls(rows, {}, {"police": "Organization", "poudre": "Object"}) == {("police", "poudre")}


def test_one_after_dont_is_one_of_the_group_before() -> None:
    # "Il y a trois morts, dont une fillette."
    rows = [("trois", "trois", "NUM", "nummod", 1), ("morts", "mort", "NOUN", "ROOT", 1), (",", ",", "PUNCT", "punct", 1),
            ("dont", "dont", "PRON", "nmod", 5), ("une", "un", "DET", "det", 5),
            ("fillette", "fillette", "NOUN", "acl:relcl", 1)]
    assert parsed(rows, {}, {"morts": "Group", "fillette": "Person"}) == {("memberOf", "fillette", "morts")}


def test_who_organised_or_caused_an_incident_initiated_it() -> None:
    def initiated(rows: list[tuple], nouns: dict[str, str]) -> set[tuple[str, str]]:
        return {(s, o) for kind, s, o in parsed(rows, {}, nouns) if kind == "initiated"}
    # "Le syndicat organise une grève", "L'explosion provoque un incendie"; not "Le syndicat regarde une grève"
    for subject, verb, lemma, thing, cls, started in (
            ("syndicat", "organise", "organiser", "grève", "Organization", True),
            ("explosion", "provoque", "provoquer", "incendie", "Incident", True),
            ("syndicat", "regarde", "regarder", "grève", "Organization", False)):
        rows = [("Le", "le", "DET", "det", 1), (subject, subject, "NOUN", "nsubj", 2), (verb, lemma, "VERB", "ROOT", 2),
                ("une", "un", "DET", "det", 4), (thing, thing, "NOUN", "obj", 2)]
        assert initiated(rows, {subject: cls, thing: "Incident"}) == ({(subject, thing)} if started else set())
    # "un festival organisé par l'association"
    rows = [("un", "un", "DET", "det", 1), ("festival", "festival", "NOUN", "ROOT", 1),
            ("organisé", "organiser", "VERB", "acl", 1), ("par", "par", "ADP", "case", 5), ("l'", "le", "DET", "det", 5),
            ("association", "association", "NOUN", "obl:agent", 2)]
    assert initiated(rows, {"festival": "Incident", "association": "Organization"}) == {("association", "festival")}
    # "Deux individus ont cambriolé le magasin": the incident the verb names is theirs
    rows = [("Deux", "deux", "NUM", "nummod", 1), ("individus", "individu", "NOUN", "nsubj", 3),
            ("ont", "avoir", "AUX", "aux:tense", 3), ("cambriolé", "cambrioler", "VERB", "ROOT", 3),
            ("le", "le", "DET", "det", 5), ("magasin", "magasin", "NOUN", "obj", 3)]
    assert initiated(rows, {"individus": "Group", "cambriolé": "Incident", "magasin": "Place"}) == {
        ("individus", "cambriolé")}
    # "Une explosion suivie d'un incendie", "L'usine prend feu suite à une explosion", "Une cuve explose, ce qui
    # provoque un incendie": one incident led to the other
    rows = [("Une", "un", "DET", "det", 1), ("explosion", "explosion", "NOUN", "ROOT", 1),
            ("suivie", "suivre", "VERB", "acl", 1), ("d'", "de", "ADP", "case", 5), ("un", "un", "DET", "det", 5),
            ("incendie", "incendie", "NOUN", "obl:agent", 2)]
    assert initiated(rows, {"explosion": "Incident", "incendie": "Incident"}) == {("explosion", "incendie")}
    rows = [("L'", "le", "DET", "det", 1), ("usine", "usine", "NOUN", "nsubj", 2), ("prend", "prendre", "VERB", "ROOT", 2),
            ("feu", "feu", "NOUN", "obj", 2), ("suite", "suite", "NOUN", "case", 7), ("à", "à", "ADP", "fixed", 4),
            ("une", "un", "DET", "det", 7), ("explosion", "explosion", "NOUN", "obl:mod", 2)]
    assert initiated(rows, {"usine": "Place", "prend feu": "Incident", "explosion": "Incident"}) == {
        ("explosion", "prend feu")}
    rows = [("Une", "un", "DET", "det", 1), ("cuve", "cuve", "NOUN", "nsubj", 2), ("explose", "exploser", "VERB", "ROOT", 2),
            (",", ",", "PUNCT", "punct", 2), ("ce", "ce", "PRON", "dep", 2), ("qui", "qui", "PRON", "nsubj", 6),
            ("provoque", "provoquer", "VERB", "acl:relcl", 4), ("un", "un", "DET", "det", 8),
            ("incendie", "incendie", "NOUN", "obj", 6)]
    assert initiated(rows, {"explose": "Incident", "incendie": "Incident"}) == {("explose", "incendie")}
    # "L'explosion est la cause de l'incendie" is not read backwards
    rows = [("L'", "le", "DET", "det", 1, "", True), ("explosion", "explosion", "NOUN", "nsubj", 4),
            ("est", "être", "AUX", "cop", 4), ("la", "le", "DET", "det", 4), ("cause", "cause", "NOUN", "ROOT", 4),
            ("de", "de", "ADP", "case", 7), ("l'", "le", "DET", "det", 7, "", True),
            ("incendie", "incendie", "NOUN", "nmod", 4)]
    assert ("incendie", "explosion") not in initiated(rows, {"explosion": "Incident", "incendie": "Incident"})
    # "les organisateurs du festival"
    rows = [("les", "le", "DET", "det", 1), ("organisateurs", "organisateur", "NOUN", "ROOT", 1),
            ("du", "de", "ADP", "case", 3), ("festival", "festival", "NOUN", "nmod", 1)]
    assert initiated(rows, {"organisateurs": "Group", "festival": "Incident"}) == {("organisateurs", "festival")}


def test_one_said_to_be_among_a_group_is_one_of_it() -> None:
    # "Ils ont été retrouvés parmi les victimes", "Le drame a fait huit morts au sein de l'équipage"
    rows = [("Ils", "il", "PRON", "nsubj:pass", 3), ("ont", "avoir", "AUX", "aux:tense", 3),
            ("été", "être", "AUX", "aux:pass", 3), ("retrouvés", "retrouver", "VERB", "ROOT", 3),
            ("parmi", "parmi", "ADP", "case", 6), ("les", "le", "DET", "det", 6),
            ("victimes", "victime", "NOUN", "obl:mod", 3)]
    assert parsed(rows, {}, {"Ils": "Group", "victimes": "Group"}) == {("memberOf", "Ils", "victimes")}
    rows = [("Le", "le", "DET", "det", 1), ("drame", "drame", "NOUN", "nsubj", 2), ("fait", "faire", "VERB", "ROOT", 2),
            ("huit", "huit", "NUM", "nummod", 4), ("morts", "mort", "NOUN", "obj", 2), ("au", "à", "ADP", "case", 6),
            ("sein", "sein", "NOUN", "obl:mod", 2), ("de", "de", "ADP", "case", 9), ("l'", "le", "DET", "det", 9),
            ("équipage", "équipage", "NOUN", "nmod", 6)]
    assert {r for r in parsed(rows, {}, {"morts": "Group", "équipage": "Group"}) if r[0] == "memberOf"} == {
        ("memberOf", "morts", "équipage")}


def test_each_of_a_list_of_subjects_has_the_object() -> None:
    # "Les enfants et les adolescents brandissent des pancartes."
    rows = [("Les", "le", "DET", "det", 1), ("enfants", "enfant", "NOUN", "nsubj", 5), ("et", "et", "CCONJ", "cc", 4),
            ("les", "le", "DET", "det", 4), ("adolescents", "adolescent", "NOUN", "conj", 1),
            ("brandissent", "brandir", "VERB", "ROOT", 5), ("des", "un", "DET", "det", 7),
            ("pancartes", "pancarte", "NOUN", "obj", 5)]
    assert controls(rows, {}, {"enfants": "Group", "adolescents": "Group", "pancartes": "Object"}) == {
        ("enfants", "pancartes"), ("adolescents", "pancartes")}


def test_the_police_and_the_offenders_of_an_article_are_at_odds() -> None:
    # "La police cherche le cambrioleur"; not "La police cherche le témoin"
    def odds(other: str) -> set[tuple[str, str, str]]:
        rows = [("La", "le", "DET", "det", 1), ("police", "police", "NOUN", "nsubj", 2),
                ("cherche", "chercher", "VERB", "ROOT", 2), ("le", "le", "DET", "det", 4), (other, other, "NOUN", "obj", 2)]
        return {r for r in parsed(rows, {}, {"police": "Organization", other: "Person"}) if r[0] == "atOddsWith"}
    assert odds("cambrioleur") == {("atOddsWith", "police", "cambrioleur")}
    assert odds("témoin") == set()


def test_a_singular_possessive_is_the_first_of_a_list_of_subjects_only() -> None:
    # "Paul et Anne retrouvent son téléphone": his; "... leurs téléphones": theirs
    def found_by(det: str, number: str) -> set[tuple[str, str]]:
        rows = [("Paul", "Paul", "PROPN", "nsubj", 3, "Number=Sing"), ("et", "et", "CCONJ", "cc", 2),
                ("Anne", "Anne", "PROPN", "conj", 0, "Number=Sing"), ("retrouvent", "retrouver", "VERB", "ROOT", 3),
                (det, det, "DET", "det", 5, f"Number={number}|Poss=Yes"), ("téléphone", "téléphone", "NOUN", "obj", 3)]
        return controls(rows, {"Paul": "Person", "Anne": "Person"}, {"téléphone": "Object"})
    assert found_by("son", "Sing") == {("Paul", "téléphone")}
    assert found_by("leurs", "Plur") == {("Paul", "téléphone"), ("Anne", "téléphone")}


def test_who_struggles_with_someone_is_no_enemy_of_theirs() -> None:
    # "Paul lutte contre les voleurs" (at odds), "Paul lutte avec les voisins" (not)
    def odds(prep: str) -> set[tuple[str, str, str]]:
        rows = [("Paul", "Paul", "PROPN", "nsubj", 1), ("lutte", "lutter", "VERB", "ROOT", 1),
                (prep, prep, "ADP", "case", 4), ("les", "le", "DET", "det", 4), ("gens", "gens", "NOUN", "obl:arg", 1)]
        return {r for r in parsed(rows, {"Paul": "Person"}, {"gens": "Group"}) if r[0] == "atOddsWith"}
    assert odds("contre") == {("atOddsWith", "Paul", "gens")}
    assert odds("avec") == set()


def test_a_gift_is_had_by_the_giver_and_the_recipient() -> None:
    # "Paul Roy offre des livres aux écoliers."
    rows = [("Paul", "Paul", "PROPN", "nsubj", 2), ("Roy", "Roy", "PROPN", "flat:name", 0),
            ("offre", "offrir", "VERB", "ROOT", 2), ("des", "un", "DET", "det", 4), ("livres", "livre", "NOUN", "obj", 2),
            ("aux", "à", "ADP", "case", 6), ("écoliers", "écolier", "NOUN", "obl:arg", 2)]
    assert controls(rows, {"Paul Roy": "Person"}, {"livres": "Object", "écoliers": "Group"}) == {
        ("Paul Roy", "livres"), ("écoliers", "livres")}


def test_a_verb_of_contact_after_another_verb_takes_that_verbs_subject() -> None:
    # "Les voisins ont décidé d'appeler les pompiers."
    rows = [("Les", "le", "DET", "det", 1), ("voisins", "voisin", "NOUN", "nsubj", 3),
            ("ont", "avoir", "AUX", "aux:tense", 3), ("décidé", "décider", "VERB", "ROOT", 3),
            ("d'", "de", "ADP", "mark", 5), ("appeler", "appeler", "VERB", "xcomp", 3), ("les", "le", "DET", "det", 7),
            ("pompiers", "pompier", "NOUN", "obj", 5)]
    assert parsed(rows, {}, {"voisins": "Group", "pompiers": "Group"}) == {("inContactWith", "voisins", "pompiers")}


def test_the_place_an_article_opens_with_is_where_its_people_were_unless_placed_elsewhere() -> None:
    # "À Lyon, un incendie éclate. A. B. hôpital. pays. association Helping. AFP. Paul Roy parle. Anne Lou parle
    # à Paris.": Paul Roy, far from the fire, was in Lyon, and the hospital is there, and the organisation a common
    # noun introduces, not the one named bare; the country, a wider place, is not placed, nor Anne Lou, whom the
    # text puts in Paris; with the place in the third sentence ("A. B. À Lyon, un incendie
    # éclate. ..."), the article opens with no place and nothing is placed so
    def story(lead: int) -> set[tuple]:
        def filler(words: str) -> None:  # one-word sentences "A. B."
            for word in words:
                rows.extend([(word, word, "X", "ROOT", len(rows)), (".", ".", "PUNCT", "punct", len(rows))])
        rows: list[tuple] = []
        filler("AB"[:lead])
        at = len(rows)
        rows += [("À", "à", "ADP", "case", at + 1), ("Lyon", "Lyon", "PROPN", "obl:mod", at + 4),
                 (",", ",", "PUNCT", "punct", at + 1), ("un", "un", "DET", "det", at + 4),
                 ("incendie", "incendie", "NOUN", "nsubj", at + 5), ("éclate", "éclater", "VERB", "ROOT", at + 5),
                 (".", ".", "PUNCT", "punct", at + 5)]
        filler("AB")
        for noun in ("hôpital", "pays"):
            rows.extend([(noun, noun, "NOUN", "ROOT", len(rows)), (".", ".", "PUNCT", "punct", len(rows))])
        at = len(rows)
        rows += [("association", "association", "NOUN", "ROOT", at), ("Helping", "Helping", "PROPN", "appos", at),
                 (".", ".", "PUNCT", "punct", at), ("AFP", "AFP", "PROPN", "ROOT", at + 3),
                 (".", ".", "PUNCT", "punct", at + 3)]
        at = len(rows)
        rows += [("Paul", "Paul", "PROPN", "nsubj", at + 2), ("Roy", "Roy", "PROPN", "flat:name", at),
                 ("parle", "parler", "VERB", "ROOT", at + 2), (".", ".", "PUNCT", "punct", at + 2),
                 ("Anne", "Anne", "PROPN", "nsubj", at + 6), ("Lou", "Lou", "PROPN", "flat:name", at + 4),
                 ("parle", "parler", "VERB", "ROOT", at + 6), ("à", "à", "ADP", "case", at + 8),
                 ("Paris", "Paris", "PROPN", "obl:mod", at + 6)]
        doc = make_doc(rows)
        ends = [t.idx + 1 for t in doc if t.text == "."] + [len(doc.text)]
        sentences = [Sentence(a, b, doc.text[a:b]) for a, b in zip([0] + [e + 1 for e in ends[:-1]], ends, strict=True)]
        entities = [Entity(w if form == "name" else f"{LOCAL}doc/{w}", w, kind,
                           (Mention(doc.text.index(w), doc.text.index(w) + len(w), w, kind, form, head=w),))
                    for w, kind, form in (("Lyon", "City", "name"), ("incendie", "Incident", "noun"),
                                          ("hôpital", "Place", "noun"), ("pays", "Place", "noun"),
                                          ("Paul Roy", "Person", "name"), ("Anne Lou", "Person", "name"),
                                          ("Helping", "Organization", "name"), ("AFP", "Organization", "name"),
                                          ("Paris", "City", "name"))]
        return {(f.values("subject")[0].split("/")[-1], f.values("object")[0], f.method)
                for f in find_relations(doc, sentences, entities) if f.method == "inferred place of the story"}
    assert story(0) == {("Paul Roy", "Lyon", "inferred place of the story"),
                        ("hôpital", "Lyon", "inferred place of the story"),
                        ("Helping", "Lyon", "inferred place of the story")}
    assert story(2) == set()


def test_a_noun_after_a_copula_heads_its_clause_and_a_name_after_a_title_takes_part() -> None:
    # "Madame Anne Roy a été victime d'un accident à Nantes", parsed with the name in apposition to "Madame"
    rows = [("Madame", "madame", "NOUN", "nsubj:pass", 5), ("Anne", "Anne", "PROPN", "appos", 0),
            ("Roy", "Roy", "PROPN", "flat:name", 0), ("a", "avoir", "AUX", "aux:tense", 5), ("été", "être", "AUX", "cop", 5),
            ("victime", "victime", "ADJ", "ROOT", 5), ("d'", "de", "ADP", "case", 8), ("un", "un", "DET", "det", 8),
            ("accident", "accident", "NOUN", "obl:arg", 5), ("à", "à", "ADP", "case", 10),
            ("Nantes", "Nantes", "PROPN", "nmod", 8)]
    assert placed(rows, {"Anne Roy": "Person", "Nantes": "City"}, {"accident": "Incident"}) == {
        ("accident", "Nantes"), ("Anne Roy", "Nantes")}


def test_a_kin_noun_is_a_relative_of_the_possessors_subject_or_of_the_person_after_de() -> None:
    # "Paul Roy appelle sa femme", not "Paul Roy appelle sa voisine"
    def calls(noun: str) -> set[tuple[str, str, str]]:
        rows = [("Paul", "Paul", "PROPN", "nsubj", 2, "Number=Sing"), ("Roy", "Roy", "PROPN", "flat:name", 0),
                ("appelle", "appeler", "VERB", "ROOT", 2), ("sa", "son", "DET", "det", 4, "Number=Sing|Poss=Yes"),
                (noun, noun, "NOUN", "obj", 2)]
        return {r for r in parsed(rows, {"Paul Roy": "Person"}, {noun: "Person"}) if r[0] == "relativeOf"}
    assert calls("femme") == {("relativeOf", "femme", "Paul Roy")}
    assert calls("voisine") == set()
    # "Paul Roy quitte sa famille", "... réunit ses hommes", "... remercie ses collègues"; "l'UE et sa délégation"
    # do not make the Union a member
    def owns(verb: str, lemma: str, noun: str, kind: str, owner: str = "Person") -> set[tuple[str, str, str]]:
        rows = [("Paul", "Paul", "PROPN", "nsubj", 2, "Number=Sing"), ("Roy", "Roy", "PROPN", "flat:name", 0),
                (verb, lemma, "VERB", "ROOT", 2), ("ses", "son", "DET", "det", 4, "Number=Plur|Poss=Yes"),
                (noun, noun, "NOUN", "obj", 2)]
        return parsed(rows, {"Paul Roy": owner}, {noun: kind})
    assert owns("quitte", "quitter", "famille", "Group") == {("memberOf", "Paul Roy", "famille")}
    assert owns("quitte", "quitter", "famille", "Group", "Organization") == set()
    assert owns("réunit", "réunir", "homme", "Group") == {("controls", "Paul Roy", "homme"),  # réunir: contact
                                                         ("inContactWith", "Paul Roy", "homme")}
    assert owns("oublie", "oublier", "collègue", "Group") == {("inContactWith", "Paul Roy", "collègue")}
    # "le père de l'enfant"
    rows = [("le", "le", "DET", "det", 1), ("père", "père", "NOUN", "ROOT", 1), ("de", "de", "ADP", "case", 4),
            ("l'", "le", "DET", "det", 4), ("enfant", "enfant", "NOUN", "nmod", 1)]
    assert parsed(rows, {}, {"père": "Person", "enfant": "Person"}) == {("relativeOf", "père", "enfant")}


def test_depuis_is_a_former_name_only_with_its_naming_word() -> None:
    assert relations("Le train allait à Mashhad depuis Semnan hier.", {"Mashhad": "City", "Semnan": "City"}) == set()
    assert relations("Le groupe Altran, depuis rebaptisé Capgemini Engineering, grandit.",
                     {"Altran": "Company", "Capgemini Engineering": "Company"}) == {
        ("formerlyKnownAs", "Capgemini Engineering", "Altran")}


def test_a_description_of_a_subsidiary_names_its_parent() -> None:
    # "Waymo gagne. La filiale d'Alphabet porte plainte.": the description refers back to Waymo, Alphabet's

    def parents(head: str) -> set[tuple]:
        doc = make_doc([("Waymo", "Waymo", "PROPN", "nsubj", 1), ("gagne", "gagner", "VERB", "ROOT", 1),
                        (".", ".", "PUNCT", "punct", 1), ("La", "le", "DET", "det", 4), (head, head, "NOUN", "nsubj", 7),
                        ("d'", "de", "ADP", "case", 6, "", True), ("Alphabet", "Alphabet", "PROPN", "nmod", 4),
                        ("porte", "porter", "VERB", "ROOT", 7), ("plainte", "plainte", "NOUN", "obj", 7),
                        (".", ".", "PUNCT", "punct", 7)], starts=(0, 3))
        at = doc.text.index
        waymo = Entity("Waymo", "Waymo", "Company", (
            Mention(0, 5, "Waymo", "Company"),
            Mention(at(head), at(head) + len(head), head, "Organization", "description", head=head, definite=True)))
        alphabet = Entity("Alphabet", "Alphabet", "Company",
                          (Mention(at("Alphabet"), at("Alphabet") + 8, "Alphabet", "Company"),))
        sentences = [Sentence(s.start_char, s.end_char, s.text) for s in doc.sents]
        return {(f.kind, *f.values("subject"), *f.values("object"))
                for f in find_relations(doc, sentences, [waymo, alphabet]) if f.kind == "parentOrganization"}

    assert parents("filiale") == {("parentOrganization", "Waymo", "Alphabet")}
    assert parents("société") == set()  # "la société d'Alphabet" says no tie


def test_every_pattern_of_relations_yml_names_both_ends() -> None:
    # a section of rules read by code is no list of patterns: "nouns" compiled as one had no ends to give
    from kg.relations.patterns import _patterns

    for name, patterns in _patterns().items():
        for pattern in patterns:
            assert {"s", "o"} <= set(pattern.groupindex), (name, pattern.pattern)


def test_a_post_a_subject_holds_gives_the_title_after_it_and_the_employer_of_the_title() -> None:
    # "Paul Roy quittera ses fonctions de PDG d'Acme et de Beta.": he is (or was) PDG, of both
    rows = [("Paul", "Paul", "PROPN", "nsubj", 2), ("Roy", "Roy", "PROPN", "flat:name", 0),
            ("quittera", "quitter", "VERB", "ROOT", 2), ("ses", "son", "DET", "det", 4, "Poss=Yes"),
            ("fonctions", "fonction", "NOUN", "obj", 2), ("de", "de", "ADP", "case", 6), ("PDG", "pdg", "NOUN", "nmod", 4),
            ("d'", "de", "ADP", "case", 8, "", True), ("Acme", "Acme", "PROPN", "nmod", 6), ("et", "et", "CCONJ", "cc", 11),
            ("de", "de", "ADP", "case", 11), ("Beta", "Beta", "PROPN", "conj", 8), (".", ".", "PUNCT", "punct", 2)]
    assert parsed(rows, {"Paul Roy": "Person", "Acme": "Company", "Beta": "Company"}) == {
        ("jobTitle", "Paul Roy", "PDG"), *((name, "Paul Roy", firm) for name in ("worksFor", "headOf")
                                         for firm in ("Acme", "Beta"))}
    # "Paul Roy travaillera dans un rôle de directeur général.": a title with no employer
    def post(verb: str, lemma: str, before: list[tuple], case: str = "dans") -> list[tuple]:
        at = 5 + len(before)  # where the post's noun stands
        return [("Paul", "Paul", "PROPN", "nsubj", 2), ("Roy", "Roy", "PROPN", "flat:name", 0),
                (verb, lemma, "VERB", "ROOT", 2), *before, (case, case, "ADP", "case", at),
                ("un", "un", "DET", "det", at), ("rôle", "rôle", "NOUN", "obl:mod", 2),
                ("de", "de", "ADP", "case", at + 2), ("directeur", "directeur", "NOUN", "nmod", at),
                ("général", "général", "ADJ", "amod", at + 2), (".", ".", "PUNCT", "punct", 2)]
    assert parsed(post("travaillera", "travailler", []), {"Paul Roy": "Person"}) == {
        ("jobTitle", "Paul Roy", "directeur général")}
    # "Paul Roy a nommé Max Lou au rôle de directeur général.": the appointment tells whose it is, not the subject
    named = [("Max", "Max", "PROPN", "obj", 2), ("Lou", "Lou", "PROPN", "flat:name", 3)]
    assert parsed(post("nomme", "nommer", named, "au"), {"Paul Roy": "Person", "Max Lou": "Person"}) == set()
    # "Paul Roy postule au rôle de directeur général.": a post sought is not held
    assert parsed(post("postule", "postuler", [], "au"), {"Paul Roy": "Person"}) == set()
    # "Paul Roy supprime le poste de directeur d'Acme.": no possessive nor preposition makes the post his
    rows = [("Paul", "Paul", "PROPN", "nsubj", 2), ("Roy", "Roy", "PROPN", "flat:name", 0),
            ("supprime", "supprimer", "VERB", "ROOT", 2), ("le", "le", "DET", "det", 4),
            ("poste", "poste", "NOUN", "obj", 2), ("de", "de", "ADP", "case", 6),
            ("directeur", "directeur", "NOUN", "nmod", 4), ("d'", "de", "ADP", "case", 8, "", True),
            ("Acme", "Acme", "PROPN", "nmod", 6), (".", ".", "PUNCT", "punct", 2)]
    assert parsed(rows, {"Paul Roy": "Person", "Acme": "Company"}) == set()
    rows = [("Paul", "Paul", "PROPN", "nsubj", 2), ("Roy", "Roy", "PROPN", "flat:name", 0),
            ("veut", "vouloir", "VERB", "ROOT", 2), ("son", "son", "DET", "det", 4, "Poss=Yes"),
            ("extension", "extension", "NOUN", "obj", 2), ("au", "au", "ADP", "case", 6),
            ("poste", "poste", "NOUN", "nmod", 4), ("de", "de", "ADP", "case", 8), ("chef", "chef", "NOUN", "nmod", 6),
            (".", ".", "PUNCT", "punct", 2)]
    assert parsed(rows, {"Paul Roy": "Person"}) == set()
