from decimal import Decimal

from kg.amounts import parse_amounts
from kg.facts import find_events
from kg.frames import triggers_in
from kg.records import Entity, Mention, Sentence
from kg.slots import inverted_subject
from tests.handmade import make_doc


def entity(doc, text: str, kind: str, key: str | None = None, subject: bool = False) -> Entity:
    start = doc.text.index(text)
    mention = Mention(start, start + len(text), text, kind, cue="gazetteer", subject=subject)
    return Entity(key or f"name:{text.lower()}", text, kind, (mention,))


def money(doc) -> list[Mention]:
    return [Mention(s, e, doc.text[s:e], "MonetaryAmount", amount=a) for s, e, a in parse_amounts(doc.text)]


def all_is_well(verb: int, root: int | None = None) -> list[tuple]:
    """The rows of "que tout va bien ." said by the verb at row ``verb``, the clause right after it; the full
    stop hangs on the sentence's ``root`` (the verb unless said)."""
    return [("que", "que", "SCONJ", "mark", verb + 3), ("tout", "tout", "PRON", "nsubj", verb + 3),
            ("va", "aller", "VERB", "ccomp", verb), ("bien", "bien", "ADV", "advmod", verb + 3),
            (".", ".", "PUNCT", "punct", verb if root is None else root)]


def events(doc, entities):
    sentences = [Sentence(s.start_char, s.end_char, s.text) for s in doc.sents]
    facts, _ = find_events(doc, sentences, entities, money(doc), "d")
    return facts


def test_investment_roles_amount_place_and_future_status() -> None:
    doc = make_doc([("TikTok", "TikTok", "PROPN", "nsubj", 1), ("investira", "investir", "VERB", "ROOT", 1, "Tense=Fut"),
                    ("300", "300", "NUM", "nummod", 3), ("millions", "million", "NOUN", "obj", 1),
                    ("d'", "de", "ADP", "case", 5, "", True), ("euros", "euro", "NOUN", "nmod", 3),
                    ("en", "en", "ADP", "case", 7), ("Europe", "Europe", "PROPN", "obl", 1),
                    (".", ".", "PUNCT", "punct", 1)])
    tiktok, europe = entity(doc, "TikTok", "Organization", subject=True), entity(doc, "Europe", "Place")
    [fact] = events(doc, [tiktok, europe])
    assert fact.kind == "Investment" and fact.status == "planned"
    assert fact.values("investor") == [tiktok.key] and fact.values("location") == [europe.key]
    assert fact.values("amount")[0].value == Decimal(300_000_000)


def test_a_ban_only_considered_keeps_its_modality() -> None:
    doc = make_doc([("Washington", "Washington", "PROPN", "nsubj", 1), ("envisage", "envisager", "VERB", "ROOT", 1),
                    ("d'", "de", "ADP", "mark", 3, "", True), ("interdire", "interdire", "VERB", "xcomp", 1),
                    ("TikTok", "TikTok", "PROPN", "obj", 3), (".", ".", "PUNCT", "punct", 1)])
    us, tiktok = entity(doc, "Washington", "Place", subject=True), entity(doc, "TikTok", "Product")
    [ban] = events(doc, [us, tiktok])
    assert (ban.kind, ban.status) == ("Ban", "considered")
    assert ban.values("authority") == [us.key] and ban.values("target") == [tiktok.key]


def test_passive_acquisition_by_agent() -> None:
    doc = make_doc([("Beats", "Beats", "PROPN", "nsubj:pass", 2), ("est", "être", "AUX", "aux:pass", 2),
                    ("racheté", "racheter", "VERB", "ROOT", 2, "VerbForm=Part|Voice=Pass"),
                    ("par", "par", "ADP", "case", 4), ("Apple", "Apple", "PROPN", "obl:agent", 2),
                    (".", ".", "PUNCT", "punct", 2)])
    beats, apple = entity(doc, "Beats", "Organization", subject=True), entity(doc, "Apple", "Organization")
    [deal] = events(doc, [beats, apple])
    assert deal.values("acquirer") == [apple.key] and deal.values("acquired") == [beats.key]


def test_a_reporting_verb_gives_speaker_and_content() -> None:
    doc = make_doc([("Pompeo", "Pompeo", "PROPN", "nsubj", 1), ("affirme", "affirmer", "VERB", "ROOT", 1, "VerbForm=Fin"),
                    ("que", "que", "SCONJ", "mark", 4), ("Pékin", "Pékin", "PROPN", "nsubj", 4),
                    ("ment", "mentir", "VERB", "ccomp", 1), (".", ".", "PUNCT", "punct", 1)])
    pompeo, beijing = entity(doc, "Pompeo", "Person", subject=True), entity(doc, "Pékin", "Place")
    [said] = events(doc, [pompeo, beijing])
    assert said.kind == "Statement" and said.values("speaker") == [pompeo.key]
    assert said.values("content") == ["que Pékin ment"]


def test_a_trigger_word_inside_a_name_is_not_a_trigger() -> None:
    doc = make_doc([("Syntony", "Syntony", "PROPN", "nsubj", 1), ("lève", "lever", "VERB", "ROOT", 1),
                    ("7", "7", "NUM", "nummod", 3), ("M€", "M€", "NOUN", "obj", 1),
                    ("auprès", "auprès", "ADV", "advmod", 1), ("de", "de", "ADP", "case", 6),
                    ("Alpha", "Alpha", "PROPN", "obl", 4), ("Investissement", "investissement", "NOUN", "flat:name", 6),
                    ("et", "et", "CCONJ", "cc", 9), ("Beta", "Beta", "PROPN", "conj", 6), (".", ".", "PUNCT", "punct", 1)])
    syntony = entity(doc, "Syntony", "Organization", subject=True)
    alpha, beta = entity(doc, "Alpha Investissement", "Organization"), entity(doc, "Beta", "Organization")
    [raise_] = events(doc, [syntony, alpha, beta])
    assert raise_.values("recipient") == [syntony.key]
    assert raise_.values("investor") == [alpha.key, beta.key]


def test_a_capitalised_noun_after_a_capitalised_word_is_a_word_of_a_name_the_ner_missed() -> None:
    # "CM-CIC Investissement et l'investissement": only the second is a trigger
    doc = make_doc([("CIC", "CIC", "PROPN", "nsubj", 0), ("Investissement", "investissement", "NOUN", "flat:name", 0),
                    ("et", "et", "CCONJ", "cc", 4), ("l'", "le", "DET", "det", 4, "", True),
                    ("investissement", "investissement", "NOUN", "conj", 0)])
    assert [t.token.i for t in triggers_in(doc[:])] == [4]


def test_a_list_of_names_goes_on_past_an_apposition() -> None:
    # "Syntony lève 7 M€ auprès de Gamma, investisseur historique, Beta et Delta."
    doc = make_doc([("Syntony", "Syntony", "PROPN", "nsubj", 1), ("lève", "lever", "VERB", "ROOT", 1),
                    ("7", "7", "NUM", "nummod", 3), ("M€", "M€", "NOUN", "obj", 1),
                    ("auprès", "auprès", "ADV", "advmod", 1), ("de", "de", "ADP", "case", 6),
                    ("Gamma", "Gamma", "PROPN", "obl", 4), (",", ",", "PUNCT", "punct", 8, "", True),
                    ("investisseur", "investisseur", "NOUN", "appos", 6), ("historique", "historique", "ADJ", "amod", 8),
                    (",", ",", "PUNCT", "punct", 11, "", True), ("Beta", "Beta", "PROPN", "conj", 6),
                    ("et", "et", "CCONJ", "cc", 13), ("Delta", "Delta", "PROPN", "conj", 6),
                    (".", ".", "PUNCT", "punct", 1)])
    syntony = entity(doc, "Syntony", "Organization", subject=True)
    backers = [entity(doc, name, "Organization") for name in ("Gamma", "Beta", "Delta")]
    [raise_] = events(doc, [syntony, *backers])
    assert raise_.values("investor") == [b.key for b in backers]


def test_a_verb_tagged_as_a_noun_still_triggers() -> None:
    # "L'Autorité sanctionne Apple de 5 millions d'euros." (a fine is always money)
    doc = make_doc([("L'", "le", "DET", "det", 1, "", True), ("Autorité", "autorité", "NOUN", "nsubj", 2),
                    ("sanctionne", "sanctionne", "NOUN", "ROOT", 2), ("Apple", "Apple", "PROPN", "obj", 2),
                    ("de", "de", "ADP", "case", 6), ("5", "5", "NUM", "nummod", 6),
                    ("millions", "million", "NOUN", "obl", 2),
                    ("d'", "de", "ADP", "case", 8, "", True), ("euros", "euro", "NOUN", "nmod", 6),
                    (".", ".", "PUNCT", "punct", 2)])
    authority, apple = entity(doc, "Autorité", "Organization", subject=True), entity(doc, "Apple", "Organization")
    [fine] = events(doc, [authority, apple])
    assert fine.kind == "Fine"
    assert fine.values("authority") == [authority.key] and fine.values("fined") == [apple.key]


def test_a_fine_counted_in_an_amount_and_one_received() -> None:
    # "Bruxelles a infligé 2 milliards d'euros d'amende à Google.": the light verb's noun counts the amount
    doc = make_doc([("Bruxelles", "Bruxelles", "PROPN", "nsubj", 2), ("a", "avoir", "AUX", "aux:tense", 2),
                    ("infligé", "infliger", "VERB", "ROOT", 2, "VerbForm=Part"), ("2", "2", "NUM", "nummod", 4),
                    ("milliards", "milliard", "NOUN", "obj", 2), ("d'", "de", "ADP", "case", 6, "", True),
                    ("euros", "euro", "NOUN", "nmod", 4), ("d'", "de", "ADP", "case", 8, "", True),
                    ("amende", "amende", "NOUN", "nmod", 6), ("à", "à", "ADP", "case", 10),
                    ("Google", "Google", "PROPN", "obl:arg", 2), (".", ".", "PUNCT", "punct", 2)])
    brussels, google = entity(doc, "Bruxelles", "Place", subject=True), entity(doc, "Google", "Organization")
    [fine] = events(doc, [brussels, google])
    assert (fine.kind, fine.trigger) == ("Fine", "infligé")
    assert fine.values("authority") == [brussels.key] and fine.values("fined") == [google.key]
    # "Bruxelles a infligé un milliard d'euros d'amende": a number's noun alone is an amount
    doc = make_doc([("Bruxelles", "Bruxelles", "PROPN", "nsubj", 2), ("a", "avoir", "AUX", "aux:tense", 2),
                    ("infligé", "infliger", "VERB", "ROOT", 2, "VerbForm=Part"), ("un", "un", "DET", "det", 4),
                    ("milliard", "milliard", "NOUN", "obj", 2, "NumType=Card"), ("d'", "de", "ADP", "case", 6, "", True),
                    ("euros", "euro", "NOUN", "nmod", 4), ("d'", "de", "ADP", "case", 8, "", True),
                    ("amende", "amende", "NOUN", "nmod", 6)])
    assert [t.token.text for t in triggers_in(doc[:]) if t.kind == "Fine"] == ["infligé", "amende"]
    # "Forbo a reçu une amende de 75 millions d'euros.": who receives a fine is fined
    doc = make_doc([("Forbo", "Forbo", "PROPN", "nsubj", 2), ("a", "avoir", "AUX", "aux:tense", 2),
                    ("reçu", "recevoir", "VERB", "ROOT", 2, "VerbForm=Part"), ("une", "un", "DET", "det", 4),
                    ("amende", "amende", "NOUN", "obj", 2), ("de", "de", "ADP", "case", 7),
                    ("75", "75", "NUM", "nummod", 7), ("millions", "million", "NOUN", "nmod", 4),
                    ("d'", "de", "ADP", "case", 9, "", True), ("euros", "euro", "NOUN", "nmod", 7),
                    (".", ".", "PUNCT", "punct", 2)])
    forbo = entity(doc, "Forbo", "Organization", subject=True)
    [fine] = events(doc, [forbo])
    assert (fine.kind, fine.values("fined")) == ("Fine", [forbo.key])
    # "Forbo a reçu une lettre.": no fine received
    doc = make_doc([("Forbo", "Forbo", "PROPN", "nsubj", 2), ("a", "avoir", "AUX", "aux:tense", 2),
                    ("reçu", "recevoir", "VERB", "ROOT", 2, "VerbForm=Part"), ("une", "un", "DET", "det", 4),
                    ("lettre", "lettre", "NOUN", "obj", 2), (".", ".", "PUNCT", "punct", 2)])
    assert not [t for t in triggers_in(doc[:]) if t.kind == "Fine"]


def test_par_brings_no_agent_to_an_active_verb() -> None:
    # "Acme a levé 5 M€ dans une opération menée par Beta.": Beta led the round, it raised nothing
    doc = make_doc([("Acme", "Acme", "PROPN", "nsubj", 2), ("a", "avoir", "AUX", "aux:tense", 2),
                    ("levé", "lever", "VERB", "ROOT", 2, "VerbForm=Part"), ("5", "5", "NUM", "nummod", 4),
                    ("M€", "M€", "NOUN", "obj", 2), ("dans", "dans", "ADP", "case", 7), ("une", "un", "DET", "det", 7),
                    ("opération", "opération", "NOUN", "obl:mod", 2), ("menée", "mener", "VERB", "acl", 7),
                    ("par", "par", "ADP", "case", 10), ("Beta", "Beta", "PROPN", "obl:agent", 8),
                    (".", ".", "PUNCT", "punct", 2)])
    acme, beta = entity(doc, "Acme", "Organization", subject=True), entity(doc, "Beta", "Organization")
    [round_] = events(doc, [acme, beta])
    assert round_.values("recipient") == [acme.key] and not round_.values("investor")


def test_an_investment_goes_into_one_fund_and_its_place_is_its_site_s() -> None:
    # "Acme investit 5 M€ dans un fonds.": the fund is a thing of the article; "dans des véhicules" is none
    def investment(rows: list[tuple]) -> list:
        doc = make_doc([("Acme", "Acme", "PROPN", "nsubj", 1), ("investit", "investir", "VERB", "ROOT", 1,
                                                                "VerbForm=Fin"), ("5", "5", "NUM", "nummod", 3),
                        ("M€", "M€", "NOUN", "obj", 1), *rows, (".", ".", "PUNCT", "punct", 1)])
        entities = [entity(doc, "Acme", "Organization", subject=True)]
        if "Douai" in doc.text:
            entities.append(entity(doc, "Douai", "Place"))
        return events(doc, entities)
    [fund] = investment([("dans", "dans", "ADP", "case", 6), ("un", "un", "DET", "det", 6),
                         ("fonds", "fonds", "NOUN", "obl:arg", 1, "Number=Sing")])
    assert fund.values("recipient") and fund.values("recipient")[0].startswith("fund:")
    [vehicles] = investment([("dans", "dans", "ADP", "case", 6), ("des", "un", "DET", "det", 6),
                             ("véhicules", "véhicule", "NOUN", "obl:arg", 1, "Number=Plur")])
    assert not vehicles.values("recipient")
    # "Acme investit 5 M€ sur son site de Douai.": the place is the site's
    [sited] = investment([("sur", "sur", "ADP", "case", 6), ("son", "son", "DET", "det", 6),
                          ("site", "site", "NOUN", "obl:mod", 1), ("de", "de", "ADP", "case", 8),
                          ("Douai", "Douai", "PROPN", "nmod", 6)])
    assert sited.values("location") == ["name:douai"]


def test_no_statement_from_an_infinitive_or_a_passive() -> None:
    doc = make_doc([("Rivian", "Rivian", "PROPN", "nsubj", 1), ("veut", "vouloir", "VERB", "ROOT", 1, "VerbForm=Fin"),
                    ("avertir", "avertir", "VERB", "xcomp", 1, "VerbForm=Inf"), ("Tesla", "Tesla", "PROPN", "obj", 2),
                    (".", ".", "PUNCT", "punct", 1)])
    assert events(doc, [entity(doc, "Rivian", "Organization", subject=True), entity(doc, "Tesla", "Organization")]) == []


def test_what_was_said_is_the_quote_and_never_the_whole_sentence() -> None:
    # "« Pékin ment », a déclaré Pompeo."
    doc = make_doc([("«", "«", "PUNCT", "punct", 2), ("Pékin", "Pékin", "PROPN", "nsubj", 2),
                    ("ment", "mentir", "VERB", "ROOT", 2, "VerbForm=Fin"), ("»", "»", "PUNCT", "punct", 2),
                    (",", ",", "PUNCT", "punct", 6, "", True), ("a", "avoir", "AUX", "aux", 6),
                    ("déclaré", "déclarer", "VERB", "parataxis", 2, "VerbForm=Part"),
                    ("Pompeo", "Pompeo", "PROPN", "nsubj", 6), (".", ".", "PUNCT", "punct", 2)])
    pompeo = entity(doc, "Pompeo", "Person", subject=True)
    [said] = events(doc, [pompeo])
    assert said.values("speaker") == [pompeo.key] and said.values("content") == ["Pékin ment"]
    # "Dans le même temps, Pompeo a réagi.": nothing said, no content
    doc = make_doc([("Dans", "dans", "ADP", "case", 3), ("le", "le", "DET", "det", 3), ("même", "même", "ADJ", "amod", 3),
                    ("temps", "temps", "NOUN", "obl", 7), (",", ",", "PUNCT", "punct", 3),
                    ("Pompeo", "Pompeo", "PROPN", "nsubj", 7), ("a", "avoir", "AUX", "aux", 7),
                    ("réagi", "réagir", "VERB", "ROOT", 7, "VerbForm=Part"), (".", ".", "PUNCT", "punct", 7)])
    [said] = events(doc, [entity(doc, "Pompeo", "Person", subject=True)])
    assert said.values("content") == []


def test_the_speaker_is_the_name_beside_a_title_not_its_complement() -> None:
    # "Le consultant RMC, Jérôme Rothen, a estimé que ...": the parse makes the name a conjunct of the title
    doc = make_doc([("Le", "le", "DET", "det", 1), ("consultant", "consultant", "NOUN", "nsubj", 8),
                    ("RMC", "RMC", "PROPN", "nmod", 1, "", True), (",", ",", "PUNCT", "punct", 4),
                    ("Jérôme", "Jérôme", "PROPN", "conj", 1), ("Rothen", "Rothen", "PROPN", "flat:name", 4, "", True),
                    (",", ",", "PUNCT", "punct", 8), ("a", "avoir", "AUX", "aux:tense", 8),
                    ("estimé", "estimer", "VERB", "ROOT", 8, "VerbForm=Part"), *all_is_well(8)])
    rmc, rothen = entity(doc, "RMC", "Organization"), entity(doc, "Jérôme Rothen", "Person")
    [said] = events(doc, [rmc, rothen])
    assert said.values("speaker") == [rothen.key]


def test_a_subject_that_names_no_one_is_not_replaced_by_a_name_of_its_complements() -> None:
    # "L'institut fondé par Sulston, prix Nobel, a annoncé que ...": the institute speaks, not its founder
    doc = make_doc([("L'", "le", "DET", "det", 1, "", True), ("institut", "institut", "NOUN", "nsubj", 9),
                    ("fondé", "fonder", "VERB", "acl", 1, "VerbForm=Part"), ("par", "par", "ADP", "case", 4),
                    ("Sulston", "Sulston", "PROPN", "obl:agent", 2, "", True), (",", ",", "PUNCT", "punct", 2),
                    ("prix", "prix", "NOUN", "obl:mod", 2), ("Nobel", "Nobel", "PROPN", "nmod", 6, "", True),
                    (",", ",", "PUNCT", "punct", 9), ("annonce", "annoncer", "VERB", "ROOT", 9, "VerbForm=Fin"),
                    *all_is_well(9)])
    assert events(doc, [entity(doc, "Sulston", "Person"), entity(doc, "Nobel", "Person")]) == []


def test_the_antecedent_of_qui_speaks_whatever_preposition_precedes_it() -> None:
    # "X répond à Macron, qui a déclaré que ...": Macron said it
    doc = make_doc([("Ludosky", "Ludosky", "PROPN", "nsubj", 1), ("répond", "répondre", "VERB", "ROOT", 1),
                    ("à", "à", "ADP", "case", 3), ("Macron", "Macron", "PROPN", "obl:arg", 1, "", True),
                    (",", ",", "PUNCT", "punct", 3), ("qui", "qui", "PRON", "nsubj", 7),
                    ("a", "avoir", "AUX", "aux:tense", 7), ("déclaré", "déclarer", "VERB", "acl:relcl", 3, "VerbForm=Part"),
                    *all_is_well(7, 1)])
    ludosky, macron = entity(doc, "Ludosky", "Person", subject=True), entity(doc, "Macron", "Person")
    speakers = [f.values("speaker") for f in events(doc, [ludosky, macron]) if f.values("content")]
    assert speakers == [[macron.key]]


def test_the_object_of_the_verb_above_does_what_its_complement_says() -> None:
    # "Le juge Dupont a condamné Vivendi à verser 2 millions d'euros à Mediaset": Vivendi pays, not the judge
    doc = make_doc([("Le", "le", "DET", "det", 1), ("juge", "juge", "NOUN", "nsubj", 4),
                    ("Dupont", "Dupont", "PROPN", "flat", 1), ("a", "avoir", "AUX", "aux:tense", 4),
                    ("condamné", "condamner", "VERB", "ROOT", 4, "VerbForm=Part"),
                    ("Vivendi", "Vivendi", "PROPN", "obj", 4), ("à", "à", "ADP", "mark", 7),
                    ("verser", "verser", "VERB", "xcomp", 4, "VerbForm=Inf"), ("2", "2", "NUM", "nummod", 9),
                    ("millions", "million", "NOUN", "obj", 7), ("d'", "de", "ADP", "case", 11, "", True),
                    ("euros", "euro", "NOUN", "nmod", 9), ("à", "à", "ADP", "case", 13),
                    ("Mediaset", "Mediaset", "PROPN", "obl:arg", 7), (".", ".", "PUNCT", "punct", 4)])
    dupont, vivendi = entity(doc, "Dupont", "Person"), entity(doc, "Vivendi", "Organization")
    mediaset = entity(doc, "Mediaset", "Organization")
    [paid] = [f for f in events(doc, [dupont, vivendi, mediaset]) if f.kind == "Payment"]
    assert paid.values("payer") == [vivendi.key] and paid.values("payee") == [mediaset.key]


def test_what_a_fund_is_for_tells_no_event() -> None:
    # "Le fonds d'investissement Ardian a levé": a fund's kind is no investment; "l'investissement d'Ardian" is
    doc = make_doc([("Le", "le", "DET", "det", 1), ("fonds", "fonds", "NOUN", "nsubj", 4),
                    ("d'", "de", "ADP", "case", 3, "", True), ("investissement", "investissement", "NOUN", "nmod", 1),
                    ("sourit", "sourire", "VERB", "ROOT", 4), (".", ".", "PUNCT", "punct", 4),
                    ("L'", "le", "DET", "det", 7, "", True), ("investissement", "investissement", "NOUN", "nsubj", 8),
                    ("dure", "durer", "VERB", "ROOT", 8), (".", ".", "PUNCT", "punct", 8)], starts=(0, 6))
    first, second = doc.sents
    assert [t.kind for t in triggers_in(first)] == []
    assert "Investment" in [t.kind for t in triggers_in(second)]


def test_no_name_inside_a_quote_or_before_an_inverted_subject_speaks() -> None:
    # "« Dupont a menti », a indiqué le procureur": the prosecutor speaks, no one named
    doc = make_doc([("«", "«", "PUNCT", "punct", 3), ("Dupont", "Dupont", "PROPN", "nsubj", 3),
                    ("a", "avoir", "AUX", "aux:tense", 3), ("menti", "mentir", "VERB", "parataxis", 7, "VerbForm=Part"),
                    ("»", "»", "PUNCT", "punct", 3, "", True), (",", ",", "PUNCT", "punct", 7),
                    ("a", "avoir", "AUX", "aux:tense", 7), ("indiqué", "indiquer", "VERB", "ROOT", 7, "VerbForm=Part"),
                    ("le", "le", "DET", "det", 9), ("procureur", "procureur", "NOUN", "nsubj", 7),
                    (".", ".", "PUNCT", "punct", 7)])
    assert events(doc, [entity(doc, "Dupont", "Person", subject=True)]) == []


def test_a_title_after_its_verb_is_held_by_the_name_set_after_it_not_by_its_complement() -> None:
    # "« Tout va bien », a dit un porte-parole de Max Roy, Ada Lou." (a common noun's mention: "un porte-parole")
    doc = make_doc([("«", "«", "PUNCT", "punct", 3), ("Tout", "tout", "PRON", "nsubj", 2), ("va", "aller", "VERB",
                    "parataxis", 7), ("bien", "bien", "ADV", "advmod", 2), ("»", "»", "PUNCT", "punct", 2, "", True),
                    (",", ",", "PUNCT", "punct", 7), ("a", "avoir", "AUX", "aux:tense", 7),
                    ("dit", "dire", "VERB", "ROOT", 7, "VerbForm=Part"), ("un", "un", "DET", "det", 9),
                    ("porte-parole", "porte-parole", "NOUN", "nsubj", 7), ("de", "de", "ADP", "case", 11),
                    ("Max", "Max", "PROPN", "nmod", 9), ("Roy", "Roy", "PROPN", "flat:name", 11),
                    (",", ",", "PUNCT", "punct", 14, "", True), ("Ada", "Ada", "PROPN", "parataxis", 7),
                    ("Lou", "Lou", "PROPN", "flat:name", 14), (".", ".", "PUNCT", "punct", 7)])
    spokesman = doc.text.index("porte-parole")
    noun = Entity("local:d/porte-parole", "porte-parole", "Person", (Mention(spokesman, spokesman + 12, "porte-parole",
                                                                             "Person", "noun", head="porte-parole"),))
    max_, ada = entity(doc, "Max Roy", "Person"), entity(doc, "Ada Lou", "Person")
    [said] = events(doc, [noun, max_, ada])
    assert said.values("speaker") == [ada.key]


def test_a_verb_after_a_comma_with_nothing_said_before_it_has_its_subject_before() -> None:
    # "Altice France, dans un communiqué, a annoncé des négociations." (the parse hangs the verb on the name)
    doc = make_doc([("Altice", "Altice", "PROPN", "ROOT", 0), ("France", "France", "PROPN", "flat:name", 0),
                    (",", ",", "PUNCT", "punct", 0, "", True), ("dans", "dans", "ADP", "case", 5),
                    ("un", "un", "DET", "det", 5), ("communiqué", "communiqué", "NOUN", "obl:mod", 8),
                    (",", ",", "PUNCT", "punct", 8), ("a", "avoir", "AUX", "aux:tense", 8),
                    ("annoncé", "annoncer", "VERB", "acl:relcl", 0, "VerbForm=Part"), ("des", "un", "DET", "det", 10),
                    ("négociations", "négociation", "NOUN", "obj", 8), (".", ".", "PUNCT", "punct", 0)])
    altice = entity(doc, "Altice France", "Organization")
    assert [f.values("speaker") for f in events(doc, [altice]) if f.kind == "Statement"] == [[altice.key]]


def test_a_title_is_held_by_the_person_beside_it_not_by_its_party() -> None:
    # "Le sénateur LR Bruno Retailleau a dit que ...": the parse hangs the name on the party
    doc = make_doc([("Le", "le", "DET", "det", 1), ("sénateur", "sénateur", "NOUN", "nsubj", 6),
                    ("LR", "LR", "PROPN", "appos", 1), ("Bruno", "Bruno", "PROPN", "flat:name", 2),
                    ("Retailleau", "Retailleau", "PROPN", "flat:name", 3), ("a", "avoir", "AUX", "aux:tense", 6),
                    ("dit", "dire", "VERB", "ROOT", 6, "VerbForm=Part"), *all_is_well(6)])
    lr, bruno = entity(doc, "LR", "Organization"), entity(doc, "Bruno Retailleau", "Person")
    [said] = events(doc, [lr, bruno])
    assert said.values("speaker") == [bruno.key]


def test_a_name_beside_the_subject_is_read_with_the_rest_of_it() -> None:
    # "Côté français, M. Zuccarelli a rappelé que ...": the parse makes "Côté" the subject and hangs the name on "M."
    doc = make_doc([("Côté", "côté", "NOUN", "nsubj", 6), ("français", "français", "ADJ", "amod", 0, "", True),
                    (",", ",", "PUNCT", "punct", 3), ("M.", "M.", "NOUN", "appos", 0),
                    ("Zuccarelli", "Zuccarelli", "PROPN", "flat:name", 3), ("a", "avoir", "AUX", "aux:tense", 6),
                    ("rappelé", "rappeler", "VERB", "ROOT", 6, "VerbForm=Part"), *all_is_well(6)])
    zuccarelli = entity(doc, "Zuccarelli", "Person")
    [said] = events(doc, [zuccarelli])
    assert said.values("speaker") == [zuccarelli.key]


def test_a_description_set_after_a_name_is_no_second_speaker() -> None:
    # "Sapin, le ministre, a répondu que ...": the minister is Sapin, not the minister of an earlier sentence
    doc = make_doc([("Sapin", "Sapin", "PROPN", "nsubj", 6, "", True), (",", ",", "PUNCT", "punct", 3),
                    ("le", "le", "DET", "det", 3), ("ministre", "ministre", "NOUN", "appos", 0, "", True),
                    (",", ",", "PUNCT", "punct", 6), ("a", "avoir", "AUX", "aux:tense", 6),
                    ("répondu", "répondre", "VERB", "ROOT", 6, "VerbForm=Part"), *all_is_well(6)])
    sapin = entity(doc, "Sapin", "Person", subject=True)
    at = doc.text.index("ministre")
    other = Entity("name:laurent", "Laurent", "Person", (Mention(at, at + 8, "ministre", "Person", form="description"),))
    [said] = events(doc, [sapin, other])
    assert said.values("speaker") == [sapin.key]


def test_a_proper_noun_subject_the_ner_missed_is_replaced_by_no_other_name() -> None:
    # "Selon Reuters, Ndikumana a rappelé que ...": Ndikumana, unrecognised, speaks; Reuters does not
    doc = make_doc([("Hier", "hier", "ADV", "advmod", 4), ("Reuters", "Reuters", "PROPN", "obl", 4, "", True),
                    (",", ",", "PUNCT", "punct", 4), ("Ndikumana", "Ndikumana", "PROPN", "nsubj", 4),
                    ("rappelle", "rappeler", "VERB", "ROOT", 4, "VerbForm=Fin"), *all_is_well(4)])
    assert events(doc, [entity(doc, "Reuters", "Organization")]) == []


def test_a_speech_noun_takes_its_speaker_only_from_its_own_complement() -> None:
    # "L'annonce de Acme suit une enquête de Beta": Acme announced, Beta did not
    doc = make_doc([("L'", "le", "DET", "det", 1, "", True), ("annonce", "annonce", "NOUN", "nsubj", 4),
                    ("de", "de", "ADP", "case", 3), ("Acme", "Acme", "PROPN", "nmod", 1),
                    ("suit", "suivre", "VERB", "ROOT", 4), ("une", "un", "DET", "det", 6),
                    ("enquête", "enquête", "NOUN", "obj", 4), ("de", "de", "ADP", "case", 8),
                    ("Beta", "Beta", "PROPN", "nmod", 6), (".", ".", "PUNCT", "punct", 4)])
    acme, beta = entity(doc, "Acme", "Organization"), entity(doc, "Beta", "Organization")
    [said] = events(doc, [acme, beta])
    assert said.values("speaker") == [acme.key]
    # the same with the speaker's name hung on another noun: no statement
    doc = make_doc([("Les", "le", "DET", "det", 1), ("annonces", "annonce", "NOUN", "nsubj", 2),
                    ("suivent", "suivre", "VERB", "ROOT", 2), ("une", "un", "DET", "det", 4),
                    ("enquête", "enquête", "NOUN", "obj", 2), ("de", "de", "ADP", "case", 6),
                    ("Beta", "Beta", "PROPN", "nmod", 4), (".", ".", "PUNCT", "punct", 2)])
    assert events(doc, [entity(doc, "Beta", "Organization")]) == []


def test_a_title_is_held_by_the_person_named_before_the_verb_however_the_parse_hangs_it() -> None:
    # "Le ministre des Finances, Sapin, affirmait que ...": the parse hangs Sapin on the verb
    doc = make_doc([("Le", "le", "DET", "det", 1), ("ministre", "ministre", "NOUN", "nsubj", 7),
                    ("des", "de", "ADP", "case", 3), ("Finances", "Finances", "PROPN", "nmod", 1, "", True),
                    (",", ",", "PUNCT", "punct", 5), ("Sapin", "Sapin", "PROPN", "obl", 7, "", True),
                    (",", ",", "PUNCT", "punct", 7), ("affirmait", "affirmer", "VERB", "ROOT", 7, "VerbForm=Fin"),
                    *all_is_well(7)])
    at = doc.text.index("ministre")
    other = Entity("name:ben laden", "Ben Laden", "Person", (Mention(at, at + 8, "ministre", "Person", form="description"),))
    finances, sapin = entity(doc, "Finances", "Organization"), entity(doc, "Sapin", "Person")
    [said] = events(doc, [other, finances, sapin])
    assert said.values("speaker") == [sapin.key]


def test_a_name_inside_an_apposition_does_not_stand_in_for_the_subject() -> None:
    # "Jadot, candidat EELV, a affirmé que ..." with no parsed subject: Jadot, not EELV
    doc = make_doc([("Jadot", "Jadot", "PROPN", "dep", 6, "", True), (",", ",", "PUNCT", "punct", 2),
                    ("candidat", "candidat", "NOUN", "dep", 0), ("EELV", "EELV", "PROPN", "nmod", 2, "", True),
                    (",", ",", "PUNCT", "punct", 6), ("a", "avoir", "AUX", "aux:tense", 6),
                    ("affirmé", "affirmer", "VERB", "ROOT", 6, "VerbForm=Part"), *all_is_well(6)])
    jadot, eelv = entity(doc, "Jadot", "Person"), entity(doc, "EELV", "Organization")
    [said] = events(doc, [jadot, eelv])
    assert said.values("speaker") == [jadot.key]


def test_a_name_of_another_class_after_a_comma_is_no_second_subject() -> None:
    # "Ada Roy, Gilets libres, dénonce que ...": one speaker; "Ada Roy, Max Lou et Eva Ko dénoncent": three
    for names, kinds, told in ((["Ada Roy", "Gilets libres"], ["Person", "Product"], 1),
                               (["Ada Roy", "Max Lou"], ["Person", "Person"], 2)):
        first, second = (n.split() for n in names)
        doc = make_doc([(first[0], first[0], "PROPN", "nsubj", 6), (first[1], first[1], "PROPN", "flat:name", 0, "", True),
                        (",", ",", "PUNCT", "punct", 3), (second[0], second[0], "PROPN", "appos", 0),
                        (second[1], second[1], "PROPN", "flat:name", 3, "", True), (",", ",", "PUNCT", "punct", 3),
                        ("dénonce", "dénoncer", "VERB", "ROOT", 6, "VerbForm=Fin"), *all_is_well(6)])
        ada, other = (entity(doc, n, k) for n, k in zip(names, kinds, strict=True))
        [said] = events(doc, [ada, other])
        assert said.values("speaker") == [ada.key, other.key][:told]


def test_a_speech_verb_after_what_was_said_takes_its_subject_after_it() -> None:
    # "Ada Roy part, a annoncé Acme.\n": Acme speaks (the parse calls it an object), Ada Roy is what was said
    doc = make_doc([("Ada", "Ada", "PROPN", "nsubj", 2), ("Roy", "Roy", "PROPN", "flat:name", 0),
                    ("part", "partir", "VERB", "ROOT", 2, "VerbForm=Fin"), (",", ",", "PUNCT", "punct", 5, "", True),
                    ("a", "avoir", "AUX", "aux:tense", 5), ("annoncé", "annoncer", "VERB", "conj", 2, "VerbForm=Part"),
                    ("Acme", "Acme", "PROPN", "obj", 5), (".", ".", "PUNCT", "punct", 2, "", True),
                    ("\n", "\n", "SPACE", "dep", 7)])
    ada, acme = entity(doc, "Ada Roy", "Person", subject=True), entity(doc, "Acme", "Organization")
    [said] = [f for f in events(doc, [ada, acme]) if f.kind == "Statement"]
    assert said.values("speaker") == [acme.key] and said.values("content") == ["Ada Roy part"]
    # "Acme, le géant, a annoncé que des blocs Lego ...", the clause parsed as an object: Lego does not speak
    doc = make_doc([("Acme", "Acme", "PROPN", "dep", 5), (",", ",", "PUNCT", "punct", 3),
                    ("le", "le", "DET", "det", 3), ("géant", "géant", "NOUN", "appos", 0, "", True),
                    (",", ",", "PUNCT", "punct", 5), ("a", "avoir", "AUX", "aux:tense", 6),
                    ("annoncé", "annoncer", "VERB", "ROOT", 6, "VerbForm=Part"), ("que", "que", "ADV", "mark", 9),
                    ("des", "de", "DET", "det", 9), ("blocs", "bloc", "NOUN", "obj", 6),
                    ("Lego", "Lego", "PROPN", "nmod", 9), (".", ".", "PUNCT", "punct", 6)])
    assert inverted_subject(doc[6]) is None


def test_a_title_s_holder_is_not_a_name_of_its_relative_clause() -> None:
    # "Le ministre, qui a reçu Merkel, a déclaré que ...": the minister speaks, not Merkel
    doc = make_doc([("Le", "le", "DET", "det", 1), ("ministre", "ministre", "NOUN", "nsubj", 9, "", True),
                    (",", ",", "PUNCT", "punct", 5), ("qui", "qui", "PRON", "nsubj", 5), ("a", "avoir", "AUX", "aux", 5),
                    ("reçu", "recevoir", "VERB", "acl:relcl", 1, "VerbForm=Part"),
                    ("Merkel", "Merkel", "PROPN", "obj", 5, "", True), (",", ",", "PUNCT", "punct", 5),
                    ("a", "avoir", "AUX", "aux:tense", 9), ("déclaré", "déclarer", "VERB", "ROOT", 9, "VerbForm=Part"),
                    *all_is_well(9)])
    assert [f for f in events(doc, [entity(doc, "Merkel", "Person")]) if f.kind == "Statement"] == []


def test_after_a_quotation_the_objects_of_the_verb_are_its_speaker_not_what_was_said() -> None:
    # "« Pékin ment » a déclaré Anne Roy, conseillère.": the parse makes the speaker the verb's object
    doc = make_doc([("«", "«", "PUNCT", "punct", 2), ("Pékin", "Pékin", "PROPN", "nsubj", 2),
                    ("ment", "mentir", "VERB", "ROOT", 2, "VerbForm=Fin"), ("»", "»", "PUNCT", "punct", 2),
                    ("a", "avoir", "AUX", "aux:tense", 5), ("déclaré", "déclarer", "VERB", "parataxis", 2, "VerbForm=Part"),
                    ("Anne", "Anne", "PROPN", "obj", 5), ("Roy", "Roy", "PROPN", "obj", 5, "", True),
                    (",", ",", "PUNCT", "punct", 9), ("conseillère", "conseiller", "NOUN", "appos", 7, "", True),
                    (".", ".", "PUNCT", "punct", 2)])
    [said] = events(doc, [entity(doc, "Anne Roy", "Person")])
    assert said.values("content") == ["Pékin ment"]


def test_what_was_said_runs_to_the_end_of_a_quotation_it_opens_and_keeps_its_closing_mark() -> None:
    # "Roy a dit que « demain, tout ira » bien." (the parse ends the clause at the comma)
    doc = make_doc([("Roy", "Roy", "PROPN", "nsubj", 2), ("a", "avoir", "AUX", "aux:tense", 2),
                    ("dit", "dire", "VERB", "ROOT", 2, "VerbForm=Part"), ("que", "que", "SCONJ", "mark", 5),
                    ("«", "«", "PUNCT", "punct", 5), ("demain", "demain", "ADV", "ccomp", 2, "", True),
                    (",", ",", "PUNCT", "punct", 8), ("tout", "tout", "PRON", "nsubj", 8),
                    ("ira", "aller", "VERB", "conj", 2),
                    ("»", "»", "PUNCT", "punct", 8), ("bien", "bien", "ADV", "advmod", 8), (".", ".", "PUNCT", "punct", 2)])
    [said] = events(doc, [entity(doc, "Roy", "Person", subject=True)])
    assert said.values("content") == ["que « demain, tout ira »"]


def test_a_subject_set_before_the_verb_is_never_what_was_said() -> None:
    # "Roy, ministre, a précisé lundi que « tout va bien." (the quotation runs past the sentence)
    # the parse's way: "tout" a subject of "précisé" after it, "va" a conjunct
    doc = make_doc([("Roy", "Roy", "PROPN", "nsubj", 5, "", True), (",", ",", "PUNCT", "punct", 2),
                    ("ministre", "ministre", "NOUN", "appos", 0, "", True), (",", ",", "PUNCT", "punct", 5),
                    ("a", "avoir", "AUX", "aux:tense", 5), ("précisé", "préciser", "VERB", "ROOT", 5, "VerbForm=Part"),
                    ("lundi", "lundi", "NOUN", "obl:mod", 5), ("que", "que", "SCONJ", "mark", 10),
                    ("«", "«", "PUNCT", "punct", 10), ("tout", "tout", "PRON", "nsubj", 5),
                    ("va", "aller", "VERB", "conj", 5),
                    ("bien", "bien", "ADV", "advmod", 10), (".", ".", "PUNCT", "punct", 5)])
    [said] = events(doc, [entity(doc, "Roy", "Person", subject=True)])
    assert said.values("content") == []


def test_a_quotation_mark_alone_is_no_content() -> None:
    # "« Nous partons. », a déclaré Roy.": the sentences split inside the quotation; "»" alone says nothing
    doc = make_doc([("«", "«", "PUNCT", "punct", 2), ("Nous", "nous", "PRON", "nsubj", 2),
                    ("partons", "partir", "VERB", "ROOT", 2, "VerbForm=Fin", True), (".", ".", "PUNCT", "punct", 2),
                    ("»", "»", "PUNCT", "punct", 7, "", True), (",", ",", "PUNCT", "punct", 7),
                    ("a", "avoir", "AUX", "aux:tense", 7), ("déclaré", "déclarer", "VERB", "ROOT", 7, "VerbForm=Part"),
                    ("Roy", "Roy", "PROPN", "nsubj", 7, "", True), (".", ".", "PUNCT", "punct", 7)], starts=(0, 4))
    [said] = events(doc, [entity(doc, "Roy", "Person", subject=True)])
    assert said.values("content") == []


def test_a_name_the_parse_sets_beside_a_noun_takes_the_noun_s_preposition() -> None:
    # "Acme a vendu Beta au milliardaire Jean Roy.": whatever the noun, the name set beside it buys
    doc = make_doc([("Acme", "Acme", "PROPN", "nsubj", 2), ("a", "avoir", "AUX", "aux:tense", 2),
                    ("vendu", "vendre", "VERB", "ROOT", 2, "VerbForm=Part"), ("Beta", "Beta", "PROPN", "obj", 2),
                    ("au", "au", "ADP", "case", 5), ("milliardaire", "milliardaire", "NOUN", "obl:arg", 2),
                    ("Jean", "Jean", "PROPN", "appos", 5), ("Roy", "Roy", "PROPN", "flat:name", 6),
                    (".", ".", "PUNCT", "punct", 2)])
    acme, beta = entity(doc, "Acme", "Organization", subject=True), entity(doc, "Beta", "Organization")
    roy = entity(doc, "Jean Roy", "Person")
    [sale] = events(doc, [acme, beta, roy])
    assert (sale.values("seller"), sale.values("acquired"), sale.values("acquirer")) == ([acme.key], [beta.key], [roy.key])


def test_a_trigger_noun_bare_after_a_provision_tells_no_event() -> None:
    # "Une clause de rachat joue.": a contract's clause, no sale; "Le rachat dure." is one
    doc = make_doc([("Une", "un", "DET", "det", 1), ("clause", "clause", "NOUN", "nsubj", 4),
                    ("de", "de", "ADP", "case", 3), ("rachat", "rachat", "NOUN", "nmod", 1),
                    ("joue", "jouer", "VERB", "ROOT", 4), (".", ".", "PUNCT", "punct", 4),
                    ("Le", "le", "DET", "det", 7), ("rachat", "rachat", "NOUN", "nsubj", 8),
                    ("dure", "durer", "VERB", "ROOT", 8), (".", ".", "PUNCT", "punct", 8)], starts=(0, 6))
    first, second = doc.sents
    assert [t.kind for t in triggers_in(first)] == []
    assert [t.kind for t in triggers_in(second)] == ["Acquisition"]


def test_a_trigger_counts_only_with_the_features_its_rule_asks_for() -> None:
    # "la tour" is a building, "le tour" a funding round; "les ventes" of a year are no sale, "la vente" is one
    cases = (("tour", "tour", "Gender=Fem", []), ("tour", "tour", "Gender=Masc", ["Investment"]),
             ("ventes", "vente", "Number=Plur", []), ("vente", "vente", "Number=Sing", ["Acquisition"]),
             ("vente", "vente", "", ["Acquisition"]))  # the last, a feature the parse does not give
    for word, lemma, morph, kinds in cases:
        doc = make_doc([("le", "le", "DET", "det", 1), (word, lemma, "NOUN", "nsubj", 2, morph),
                        ("dure", "durer", "VERB", "ROOT", 2), (".", ".", "PUNCT", "punct", 2)])
        assert [t.kind for t in triggers_in(doc[:])] == kinds, (word, morph)


def test_a_light_verb_s_complement_is_its_own_not_another_verb_s() -> None:
    # "Acme met la main sur Beta et obtient plus sur Gamma.": Gamma is not taken
    doc = make_doc([("Acme", "Acme", "PROPN", "nsubj", 1), ("met", "mettre", "VERB", "ROOT", 1, "VerbForm=Fin"),
                    ("la", "le", "DET", "det", 3), ("main", "main", "NOUN", "obj", 1), ("sur", "sur", "ADP", "case", 5),
                    ("Beta", "Beta", "PROPN", "obl:arg", 1), ("et", "et", "CCONJ", "cc", 7),
                    ("obtient", "obtenir", "VERB", "conj", 1, "VerbForm=Fin"), ("plus", "plus", "ADV", "obj", 7),
                    ("sur", "sur", "ADP", "case", 10), ("Gamma", "Gamma", "PROPN", "obl:arg", 7),
                    (".", ".", "PUNCT", "punct", 1)])
    acme, beta = entity(doc, "Acme", "Organization", subject=True), entity(doc, "Beta", "Organization")
    gamma = entity(doc, "Gamma", "Organization")
    [deal] = events(doc, [acme, beta, gamma])
    assert (deal.values("acquirer"), deal.values("acquired")) == ([acme.key], [beta.key])


def test_what_is_bought_is_no_make_of_things_nor_a_name_of_a_clause_on_a_noun() -> None:
    # "Acme achète les jets Gripen.": jets of that make, not the maker; "la société Gripen", "les studios Gripen" are
    # the company
    for noun, number, bought in (("jets", "Number=Plur", False), ("société", "Number=Sing", True),
                                 ("studios", "Number=Plur", True)):
        lemma = noun.removesuffix("s")
        doc = make_doc([("Acme", "Acme", "PROPN", "nsubj", 1), ("achète", "acheter", "VERB", "ROOT", 1, "VerbForm=Fin"),
                        ("les", "le", "DET", "det", 3), (noun, lemma, "NOUN", "obj", 1, number),
                        ("Gripen", "Gripen", "PROPN", "amod" if noun == "jets" else "appos", 3),
                        (".", ".", "PUNCT", "punct", 1)])
        acme, gripen = entity(doc, "Acme", "Organization", subject=True), entity(doc, "Gripen", "Organization")
        assert bool(events(doc, [acme, gripen])) == bought, noun
    # "Acme a acheté 5 kilos, confirmant les dires de Beta.": Beta is a name of the clause on "kilos"
    doc = make_doc([("Acme", "Acme", "PROPN", "nsubj", 2), ("a", "avoir", "AUX", "aux:tense", 2),
                    ("acheté", "acheter", "VERB", "ROOT", 2, "VerbForm=Part"), ("5", "5", "NUM", "nummod", 4),
                    ("kilos", "kilo", "NOUN", "obl:mod", 2), (",", ",", "PUNCT", "punct", 6, "", True),
                    ("confirmant", "confirmer", "VERB", "acl", 4, "VerbForm=Part"), ("les", "le", "DET", "det", 8),
                    ("dires", "dire", "NOUN", "obj", 6), ("de", "de", "ADP", "case", 10),
                    ("Beta", "Beta", "PROPN", "nmod", 8), (".", ".", "PUNCT", "punct", 2)])
    acme, beta = entity(doc, "Acme", "Organization", subject=True), entity(doc, "Beta", "Organization")
    assert [f.kind for f in events(doc, [acme, beta])] == []


def test_par_brings_only_the_agent_the_parse_hangs_on_the_verb() -> None:
    # "Acme tente de racheter Beta mais l'offre est rejetée par Gamma.": Gamma turned the offer down
    doc = make_doc([("Acme", "Acme", "PROPN", "nsubj", 1), ("tente", "tente", "VERB", "ROOT", 1, "VerbForm=Fin"),
                    ("de", "de", "ADP", "mark", 3), ("racheter", "racheter", "VERB", "xcomp", 1, "VerbForm=Inf"),
                    ("Beta", "Beta", "PROPN", "obj", 3), ("mais", "mais", "CCONJ", "cc", 9),
                    ("l'", "le", "DET", "det", 7, "", True), ("offre", "offre", "NOUN", "nsubj:pass", 9),
                    ("est", "être", "AUX", "aux:pass", 9), ("rejetée", "rejeter", "VERB", "conj", 1, "VerbForm=Part"),
                    ("par", "par", "ADP", "case", 11), ("Gamma", "Gamma", "PROPN", "obl:agent", 9),
                    (".", ".", "PUNCT", "punct", 1)])
    acme, beta = entity(doc, "Acme", "Organization", subject=True), entity(doc, "Beta", "Organization")
    gamma = entity(doc, "Gamma", "Organization")
    [bid] = [f for f in events(doc, [acme, beta, gamma]) if f.kind == "Acquisition"]
    assert (bid.values("acquirer"), bid.values("acquired"), bid.status) == ([acme.key], [beta.key], "considered")
    # "Beta a été racheté par Acme et Gamma.": each agent the parse hangs on the verb, the second through the first
    doc = make_doc([("Beta", "Beta", "PROPN", "nsubj:pass", 3), ("a", "avoir", "AUX", "aux:tense", 3),
                    ("été", "être", "AUX", "aux:pass", 3), ("racheté", "racheter", "VERB", "ROOT", 3, "VerbForm=Part"),
                    ("par", "par", "ADP", "case", 5), ("Acme", "Acme", "PROPN", "obl:agent", 3),
                    ("et", "et", "CCONJ", "cc", 7), ("Gamma", "Gamma", "PROPN", "conj", 5), (".", ".", "PUNCT", "punct", 3)])
    beta, acme = entity(doc, "Beta", "Organization", subject=True), entity(doc, "Acme", "Organization")
    gamma = entity(doc, "Gamma", "Organization")
    [deal] = events(doc, [beta, acme, gamma])
    assert (sorted(deal.values("acquirer")), deal.values("acquired")) == (sorted([acme.key, gamma.key]), [beta.key])


def test_a_name_that_begins_a_clause_is_no_more_of_a_list_and_a_participle_on_a_trigger_keeps_its_complements() -> None:
    # "Acme veut racheter Beta et Gamma rachète Delta.": however the parse hangs Gamma, it buys, it is not bought
    doc = make_doc([("Acme", "Acme", "PROPN", "nsubj", 1), ("veut", "vouloir", "VERB", "ROOT", 1, "VerbForm=Fin"),
                    ("racheter", "racheter", "VERB", "xcomp", 1, "VerbForm=Inf"), ("Beta", "Beta", "PROPN", "obj", 2),
                    ("et", "et", "CCONJ", "cc", 5), ("Gamma", "Gamma", "PROPN", "conj", 2),
                    ("rachète", "racheter", "VERB", "parataxis", 1, "VerbForm=Fin"), ("Delta", "Delta", "PROPN", "obj", 6),
                    (".", ".", "PUNCT", "punct", 1)])
    names = [entity(doc, n, "Organization", subject=n == "Acme") for n in ("Acme", "Beta", "Gamma", "Delta")]
    deals = {f.trigger: (f.values("acquirer"), f.values("acquired")) for f in events(doc, names)}
    assert deals["racheter"] == (["name:acme"], ["name:beta"])
    # "La fusion annoncée entre Acme et Beta crée un géant.": the participle on "fusion" hangs both parties on it
    doc = make_doc([("La", "le", "DET", "det", 1), ("fusion", "fusion", "NOUN", "nsubj", 7),
                    ("annoncée", "annoncer", "VERB", "acl", 1, "VerbForm=Part"), ("entre", "entre", "ADP", "case", 4),
                    ("Acme", "Acme", "PROPN", "obl:arg", 2), ("et", "et", "CCONJ", "cc", 6),
                    ("Beta", "Beta", "PROPN", "conj", 4), ("crée", "créer", "VERB", "ROOT", 7, "VerbForm=Fin"),
                    ("un", "un", "DET", "det", 9), ("géant", "géant", "NOUN", "obj", 7), (".", ".", "PUNCT", "punct", 7)])
    acme, beta = entity(doc, "Acme", "Organization"), entity(doc, "Beta", "Organization")
    [merger] = [f for f in events(doc, [acme, beta]) if f.kind == "Merger"]
    assert sorted(merger.values("party")) == [acme.key, beta.key]
