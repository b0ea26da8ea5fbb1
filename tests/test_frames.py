"""The frame lexicon (kg/data/frames/*.yml) on hand-built docs: one family of events at a time."""

from __future__ import annotations

from pathlib import Path

import rdflib

from kg.data import frame_files, load_yaml
from kg.facts import _Draft, _merge, _same_sum, find_events
from kg.frames import kinds, status, triggers_in
from kg.records import Entity, Mention, Sentence, TimeValue, Value
from kg.vocab import EVENT_CLASSES, KG
from tests.handmade import make_doc
from tests.test_facts import all_is_well, entity, events, money

ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology" / "kg.ttl"


def test_every_kind_and_role_of_the_lexicon_is_in_the_ontology() -> None:
    ontology = rdflib.Graph().parse(ONTOLOGY)
    assert set(kinds()) == set(EVENT_CLASSES)
    assert {f.split("/")[1] for f in frame_files()} == {"deals.yml", "legal.yml", "people.yml", "results.yml",
                                                         "speech.yml"}
    for name in frame_files():
        for kind, rules in load_yaml(name).items():
            if not isinstance(rules, dict):
                continue
            assert (KG[kind], rdflib.RDFS.subClassOf, KG.Event) in ontology, kind
            for role in [*rules["roles"], *(r for t in rules["triggers"] for r in t.get("set", {}))]:
                assert (KG[role], rdflib.RDF.type, None) in ontology, role


def test_deals_the_selling_side_is_the_same_acquisition() -> None:
    # "Vivendi vend Canal à Orange": seller Vivendi, acquired Canal, acquirer Orange
    doc = make_doc([("Vivendi", "Vivendi", "PROPN", "nsubj", 1), ("vend", "vendre", "VERB", "ROOT", 1, "VerbForm=Fin"),
                    ("Canal", "Canal", "PROPN", "obj", 1), ("à", "à", "ADP", "case", 4),
                    ("Orange", "Orange", "PROPN", "obl", 1), (".", ".", "PUNCT", "punct", 1)])
    vivendi, canal, orange = (entity(doc, n, "Organization", subject=n == "Vivendi") for n in ("Vivendi", "Canal", "Orange"))
    [deal] = events(doc, [vivendi, canal, orange])
    assert deal.kind == "Acquisition"
    assert (deal.values("seller"), deal.values("acquired"), deal.values("acquirer")) == ([vivendi.key], [canal.key],
                                                                                        [orange.key])


def test_deals_a_light_verb_and_a_merger_of_two() -> None:
    doc = make_doc([("Safran", "Safran", "PROPN", "nsubj", 1), ("met", "mettre", "VERB", "ROOT", 1, "VerbForm=Fin"),
                    ("la", "le", "DET", "det", 3), ("main", "main", "NOUN", "obj", 1), ("sur", "sur", "ADP", "case", 5),
                    ("Zodiac", "Zodiac", "PROPN", "obl", 1), (".", ".", "PUNCT", "punct", 1)])
    safran, zodiac = entity(doc, "Safran", "Organization", subject=True), entity(doc, "Zodiac", "Organization")
    [deal] = events(doc, [safran, zodiac])
    assert (deal.kind, deal.values("acquirer"), deal.values("acquired")) == ("Acquisition", [safran.key], [zodiac.key])
    without_hand = make_doc([("Safran", "Safran", "PROPN", "nsubj", 1), ("met", "mettre", "VERB", "ROOT", 1),
                             ("fin", "fin", "NOUN", "obj", 1), ("à", "à", "ADP", "case", 4),
                             ("Zodiac", "Zodiac", "PROPN", "obl", 1), (".", ".", "PUNCT", "punct", 1)])
    assert events(without_hand, [entity(without_hand, "Safran", "Organization", subject=True),
                                 entity(without_hand, "Zodiac", "Organization")]) == []
    merger = make_doc([("Agrial", "Agrial", "PROPN", "nsubj", 3), ("et", "et", "CCONJ", "cc", 2),
                       ("Eurial", "Eurial", "PROPN", "conj", 0), ("fusionnent", "fusionner", "VERB", "ROOT", 3),
                       (".", ".", "PUNCT", "punct", 3)])
    agrial, eurial = entity(merger, "Agrial", "Organization", subject=True), entity(merger, "Eurial", "Organization")
    [fusion] = events(merger, [agrial, eurial])
    assert fusion.kind == "Merger" and fusion.values("party") == [agrial.key, eurial.key]
    # a merger's parties hang on its noun: "Le rapprochement gêne les caisses d'Agrial et d'Eurial." names none
    rows = [("Le", "le", "DET", "det", 1), ("rapprochement", "rapprochement", "NOUN", "nsubj", 2),
            ("gêne", "gêner", "VERB", "ROOT", 2, "VerbForm=Fin"), ("les", "le", "DET", "det", 4),
            ("caisses", "caisse", "NOUN", "obj", 2), ("d'", "de", "ADP", "case", 6, "", True),
            ("Agrial", "Agrial", "PROPN", "nmod", 4), ("et", "et", "CCONJ", "cc", 9),
            ("d'", "de", "ADP", "case", 9, "", True), ("Eurial", "Eurial", "PROPN", "conj", 6),
            (".", ".", "PUNCT", "punct", 2)]
    merger = make_doc(rows)
    found = events(merger, [entity(merger, "Agrial", "Organization"), entity(merger, "Eurial", "Organization")])
    assert [f for f in found if f.kind == "Merger"] == []


def test_legal_a_complaint_against_someone_and_one_cannot_sue_oneself() -> None:
    doc = make_doc([("Waymo", "Waymo", "PROPN", "nsubj", 1), ("porte", "porter", "VERB", "ROOT", 1, "VerbForm=Fin"),
                    ("plainte", "plainte", "NOUN", "obj", 1), ("contre", "contre", "ADP", "case", 4),
                    ("Uber", "Uber", "PROPN", "obl", 1), (".", ".", "PUNCT", "punct", 1)])
    waymo, uber = entity(doc, "Waymo", "Organization", subject=True), entity(doc, "Uber", "Organization")
    found = events(doc, [waymo, uber])
    [suit] = [f for f in found if f.kind == "LegalAction"]
    assert suit.values("plaintiff") == [waymo.key] and suit.values("defendant") == [uber.key]
    alone = make_doc([("Waymo", "Waymo", "PROPN", "nsubj", 1), ("porte", "porter", "VERB", "ROOT", 1, "VerbForm=Fin"),
                      ("plainte", "plainte", "NOUN", "obj", 1), ("contre", "contre", "ADP", "case", 4),
                      ("Waymo", "Waymo", "PROPN", "obl", 1), (".", ".", "PUNCT", "punct", 1)])
    same = entity(alone, "Waymo", "Organization", subject=True)
    twice = type(same)(same.key, same.label, same.kind, (*same.mentions, type(same.mentions[0])(
        alone.text.rindex("Waymo"), alone.text.rindex("Waymo") + 5, "Waymo", "Organization")))
    assert [f for f in events(alone, [twice]) if f.kind == "LegalAction"] == []


def test_people_an_appointment_with_its_title_and_a_denied_departure() -> None:
    doc = make_doc([("Engie", "Engie", "PROPN", "nsubj", 2), ("a", "avoir", "AUX", "aux", 2),
                    ("nommé", "nommer", "VERB", "ROOT", 2, "VerbForm=Part"), ("Ada", "Ada", "PROPN", "obj", 2),
                    ("Roy", "Roy", "PROPN", "flat:name", 3), ("directrice", "directeur", "NOUN", "xcomp", 2),
                    ("générale", "général", "ADJ", "amod", 5), (".", ".", "PUNCT", "punct", 2)])
    engie, ada = entity(doc, "Engie", "Organization", subject=True), entity(doc, "Ada Roy", "Person")
    [named] = events(doc, [engie, ada])
    assert (named.kind, named.values("person"), named.values("organization")) == ("Appointment", [ada.key], [engie.key])
    assert named.values("title") == [Value("directrice générale", "fr")]
    denied = make_doc([("Max", "Max", "PROPN", "nsubj", 2), ("ne", "ne", "ADV", "advmod", 2),
                       ("quitte", "quitter", "VERB", "ROOT", 2, "VerbForm=Fin"), ("pas", "pas", "ADV", "advmod", 2),
                       ("Engie", "Engie", "PROPN", "obj", 2), (".", ".", "PUNCT", "punct", 2)])
    [stays] = events(denied, [entity(denied, "Max", "Person", subject=True), entity(denied, "Engie", "Organization")])
    assert (stays.kind, stays.status) == ("Departure", "denied")
    # "Ada Roy devient directrice de Engie." is an appointment; "Ada Roy devient célèbre." is none
    for word, lemma, pos, told in (("directrice", "directeur", "NOUN", True), ("célèbre", "célèbre", "ADJ", False)):
        doc = make_doc([("Ada", "Ada", "PROPN", "nsubj", 2), ("Roy", "Roy", "PROPN", "flat:name", 0),
                        ("devient", "devenir", "VERB", "ROOT", 2, "VerbForm=Fin"), (word, lemma, pos, "xcomp", 2),
                        ("de", "de", "ADP", "case", 5), ("Engie", "Engie", "PROPN", "nmod", 3),
                        (".", ".", "PUNCT", "punct", 2)])
        ada, engie = entity(doc, "Ada Roy", "Person", subject=True), entity(doc, "Engie", "Organization")
        assert [(f.kind, f.values("person")) for f in events(doc, [ada, engie])] == (
            [("Appointment", [ada.key])] if told else [])


def test_results_a_loss_and_jobs_cut_with_their_count() -> None:
    doc = make_doc([("Archos", "Archos", "PROPN", "nsubj", 1), ("affiche", "afficher", "VERB", "ROOT", 1),
                    ("une", "un", "DET", "det", 3), ("perte", "perte", "NOUN", "obj", 1), ("de", "de", "ADP", "case", 6),
                    ("3", "3", "NUM", "nummod", 6), ("millions", "million", "NOUN", "nmod", 3),
                    ("d'", "de", "ADP", "case", 8, "", True), ("euros", "euro", "NOUN", "nmod", 6),
                    (".", ".", "PUNCT", "punct", 1)])
    archos = entity(doc, "Archos", "Organization", subject=True)
    [loss] = events(doc, [archos])
    assert (loss.kind, loss.values("measure"), loss.values("organization")) == ("Earnings", [Value("loss")], [archos.key])
    assert money(doc) and loss.values("amount")[0].currency == "EUR"
    # "Sanofi supprime 900 postes pour 3 millions d'euros": a job cut takes no money
    cut = make_doc([("Sanofi", "Sanofi", "PROPN", "nsubj", 1), ("supprime", "supprimer", "VERB", "ROOT", 1),
                    ("900", "900", "NUM", "nummod", 3), ("postes", "poste", "NOUN", "obj", 1),
                    ("pour", "pour", "ADP", "case", 6), ("3", "3", "NUM", "nummod", 6),
                    ("millions", "million", "NOUN", "obl", 1), ("d'", "de", "ADP", "case", 8, "", True),
                    ("euros", "euro", "NOUN", "nmod", 6), (".", ".", "PUNCT", "punct", 1)])
    sanofi = entity(cut, "Sanofi", "Organization", subject=True)
    [layoff] = events(cut, [sanofi])
    assert (layoff.kind, layoff.values("organization"), layoff.values("count")) == ("Layoff", [sanofi.key], [Value(900)])
    assert money(cut) and layoff.values("amount") == []


def test_speech_hearsay_is_reported() -> None:
    doc = make_doc([("Selon", "selon", "ADP", "case", 1), ("Reuters", "Reuters", "PROPN", "obl", 3),
                    ("Apple", "Apple", "PROPN", "nsubj", 3), ("rachète", "racheter", "VERB", "ROOT", 3, "VerbForm=Fin"),
                    ("Beats", "Beats", "PROPN", "obj", 3), (".", ".", "PUNCT", "punct", 3)])
    apple, beats = entity(doc, "Apple", "Organization", subject=True), entity(doc, "Beats", "Organization")
    reuters = entity(doc, "Reuters", "Organization")
    deal, source = sorted(events(doc, [reuters, apple, beats]), key=lambda f: f.kind)
    assert (deal.kind, deal.status, deal.values("acquirer")) == ("Acquisition", "reported", [apple.key])
    assert (source.kind, source.values("speaker")) == ("Statement", [reuters.key])  # Reuters says so


def test_speech_selon_names_one_source_and_not_the_subject_after_its_comma() -> None:
    # "Selon Ada Roy, Max Lou a été arrêté."
    doc = make_doc([("Selon", "selon", "ADP", "case", 1), ("Ada", "Ada", "PROPN", "obl", 6),
                    ("Roy", "Roy", "PROPN", "flat:name", 1), (",", ",", "PUNCT", "punct", 1, "", True),
                    ("Max", "Max", "PROPN", "nsubj:pass", 6), ("Lou", "Lou", "PROPN", "flat:name", 4),
                    ("arrêté", "arrêter", "VERB", "ROOT", 6), (".", ".", "PUNCT", "punct", 6)])
    ada, max_ = entity(doc, "Ada Roy", "Person"), entity(doc, "Max Lou", "Person", subject=True)
    [said] = events(doc, [ada, max_])
    assert (said.kind, said.values("speaker")) == ("Statement", [ada.key])


def test_speech_a_pronominal_compound_tense_is_said_by_its_subject() -> None:
    # "Ada Roy s'est félicitée du résultat.": not a passive, and its participle is a finite verb's
    doc = make_doc([("Ada", "Ada", "PROPN", "nsubj", 4), ("Roy", "Roy", "PROPN", "flat:name", 0),
                    ("s'", "se", "PRON", "expl:comp", 4, "", True), ("est", "être", "AUX", "aux:tense", 4),
                    ("félicitée", "féliciter", "VERB", "ROOT", 4, "VerbForm=Part"), ("du", "de", "ADP", "case", 6),
                    ("résultat", "résultat", "NOUN", "obl:arg", 4), (".", ".", "PUNCT", "punct", 4)])
    ada = entity(doc, "Ada Roy", "Person", subject=True)
    [said] = events(doc, [ada])
    assert (said.kind, said.values("speaker")) == ("Statement", [ada.key])


def test_speech_who_expresses_a_feeling_says_it() -> None:
    # "Ada Roy a exprimé ses regrets."
    doc = make_doc([("Ada", "Ada", "PROPN", "nsubj", 3), ("Roy", "Roy", "PROPN", "flat:name", 0),
                    ("a", "avoir", "AUX", "aux:tense", 3), ("exprimé", "exprimer", "VERB", "ROOT", 3, "VerbForm=Part"),
                    ("ses", "son", "DET", "det", 5), ("regrets", "regret", "NOUN", "obj", 3),
                    (".", ".", "PUNCT", "punct", 3)])
    ada = entity(doc, "Ada Roy", "Person", subject=True)
    assert [(f.kind, f.values("speaker")) for f in events(doc, [ada])] == [("Statement", [ada.key])]


def test_speech_a_verb_the_lemmatiser_left_as_written_still_speaks() -> None:
    # "Ada Roy estime que tout va bien." with "estime" as its own lemma
    doc = make_doc([("Ada", "Ada", "PROPN", "nsubj", 2), ("Roy", "Roy", "PROPN", "flat:name", 0),
                    ("estime", "estime", "VERB", "ROOT", 2, "VerbForm=Fin"), *all_is_well(2)])
    ada = entity(doc, "Ada Roy", "Person", subject=True)
    assert [(f.kind, f.values("speaker")) for f in events(doc, [ada])] == [("Statement", [ada.key])]


def test_speech_nous_before_a_verb_in_the_third_person_is_its_object() -> None:
    # "Le journal Acme nous indique que tout va bien.", "nous" parsed as the subject
    doc = make_doc([("Le", "le", "DET", "det", 1), ("journal", "journal", "NOUN", "obl:mod", 4),
                    ("Acme", "Acme", "PROPN", "nmod", 1), ("nous", "nous", "PRON", "nsubj", 4, "Person=1"),
                    ("indique", "indiquer", "VERB", "ROOT", 4, "Person=3|VerbForm=Fin"), *all_is_well(4)])
    acme = entity(doc, "Acme", "Organization")
    assert [(f.kind, f.values("speaker")) for f in events(doc, [acme])] == [("Statement", [acme.key])]


def test_speech_a_verb_whose_object_is_a_state_or_a_war_says_nothing() -> None:
    # "Ada Roy a déclaré l'état d'urgence.", "Ada Roy a déclaré la guerre."
    for noun in ("état", "guerre"):
        doc = make_doc([("Ada", "Ada", "PROPN", "nsubj", 3), ("Roy", "Roy", "PROPN", "flat:name", 0),
                        ("a", "avoir", "AUX", "aux:tense", 3), ("déclaré", "déclarer", "VERB", "ROOT", 3, "VerbForm=Part"),
                        ("l'", "le", "DET", "det", 5, "", True), (noun, noun, "NOUN", "obj", 3),
                        (".", ".", "PUNCT", "punct", 3)])
        assert events(doc, [entity(doc, "Ada Roy", "Person", subject=True)]) == []


def test_one_deal_told_twice_far_apart_is_one_event() -> None:
    # "Safran rachète Zodiac. Il pleut. Il pleut. Safran rachète Zodiac pour 9 milliards d'euros."
    deal = [("Safran", "Safran", "PROPN", "nsubj", 1), ("rachète", "racheter", "VERB", "ROOT", 1, "VerbForm=Fin"),
            ("Zodiac", "Zodiac", "PROPN", "obj", 1), (".", ".", "PUNCT", "punct", 1)]
    rain = [("Il", "il", "PRON", "expl:subj", 1), ("pleut", "pleuvoir", "VERB", "ROOT", 1), (".", ".", "PUNCT", "punct", 1)]
    money = [("pour", "pour", "ADP", "case", 2), ("9", "9", "NUM", "nummod", 2),
             ("milliards", "milliard", "NOUN", "obl", -1),
             ("d'", "de", "ADP", "case", 4, "", True), ("euros", "euro", "NOUN", "nmod", 2)]
    rows, starts = [], []
    for part in (deal, rain, rain, deal[:3] + money + deal[3:]):
        starts.append(len(rows))
        root = len(rows) + 1
        rows += [(w, lemma, pos, dep, root if head == -1 else len(rows) + head, *rest)
                 for w, lemma, pos, dep, head, *rest in part]
    doc = make_doc(rows, starts=tuple(starts))
    first, last = doc.text.index("Safran"), doc.text.rindex("Safran")
    safran = Entity("name:safran", "Safran", "Organization", tuple(
        Mention(i, i + 6, "Safran", "Organization", cue="gazetteer", subject=True) for i in (first, last)))
    zodiac = Entity("name:zodiac", "Zodiac", "Organization", tuple(
        Mention(i, i + 6, "Zodiac", "Organization", cue="gazetteer") for i in (doc.text.index("Zodiac"),
                                                                                 doc.text.rindex("Zodiac"))))
    [deal_event] = [f for f in events(doc, [safran, zodiac]) if f.kind == "Acquisition"]
    assert len(deal_event.sentences) == 2 and deal_event.values("amount")[0].value == 9_000_000_000


def _fine_rows(fined: list[tuple], amount: str = "80") -> list[tuple]:
    """"L'Autorité inflige une amende de <amount> millions d'euros au ..." then the rows of ``fined`` (hung on
    their first row, the preposition's noun)."""
    rows = [("L'", "le", "DET", "det", 1, "", True), ("Autorité", "Autorité", "PROPN", "nsubj", 2),
            ("inflige", "infliger", "VERB", "ROOT", 2, "VerbForm=Fin"), ("une", "un", "DET", "det", 4),
            ("amende", "amende", "NOUN", "obj", 2), ("de", "de", "ADP", "case", 7),
            (amount, amount, "NUM", "nummod", 7), ("millions", "million", "NOUN", "nmod", 4),
            ("d'", "de", "ADP", "case", 9, "", True), ("euros", "euro", "NOUN", "nmod", 7),
            ("au", "à", "ADP", "case", 11)]
    return rows + [(w, lemma, pos, dep, 4 if i == 0 else head, *rest)
                   for i, (w, lemma, pos, dep, head, *rest) in enumerate(fined)] + [(".", ".", "PUNCT", "punct", 2)]


def test_a_name_after_the_noun_that_says_what_it_is_takes_the_noun_s_preposition() -> None:
    # "... au groupe de télécommunications Acme.": the parse hangs the phrase on the fine, the name is fined
    doc = make_doc(_fine_rows([("groupe", "groupe", "NOUN", "nmod", 4), ("de", "de", "ADP", "case", 13),
                               ("télécommunications", "télécommunication", "NOUN", "nmod", 11),
                               ("Acme", "Acme", "PROPN", "nmod", 13)]))
    acme, authority = entity(doc, "Acme", "Organization"), entity(doc, "Autorité", "Organization", subject=True)
    [fine] = [f for f in events(doc, [acme, authority]) if f.kind == "Fine"]
    assert fine.values("fined") == [acme.key] and fine.values("authority") == [authority.key]
    # "... au maximum Acme.": a word that is no description of a name leaves it without the preposition
    doc = make_doc(_fine_rows([("maximum", "maximum", "NOUN", "nmod", 4), ("Acme", "Acme", "PROPN", "nmod", 11)]))
    acme, authority = entity(doc, "Acme", "Organization"), entity(doc, "Autorité", "Organization", subject=True)
    assert [f.values("fined") for f in events(doc, [acme, authority]) if f.kind == "Fine"] == [[]]


def test_one_fine_told_twice_with_its_sum_is_one_event() -> None:
    # "Acme est condamné à 80 millions d'euros d'amende. Il pleut. Il pleut. L'Autorité inflige une amende de 80
    # millions d'euros au groupe." (the second one far from the first, without the name)
    headline = [("Acme", "Acme", "PROPN", "nsubj:pass", 2), ("est", "être", "AUX", "aux:pass", 2),
                ("condamné", "condamner", "VERB", "ROOT", 2, "VerbForm=Part"), ("à", "à", "ADP", "case", 5),
                ("80", "80", "NUM", "nummod", 5), ("millions", "million", "NOUN", "obl", 2),
                ("d'", "de", "ADP", "case", 7, "", True), ("euros", "euro", "NOUN", "nmod", 5),
                ("d'", "de", "ADP", "case", 9, "", True), ("amende", "amende", "NOUN", "nmod", 5),
                (".", ".", "PUNCT", "punct", 2)]
    rain = [("Il", "il", "PRON", "expl:subj", 1), ("pleut", "pleuvoir", "VERB", "ROOT", 1), (".", ".", "PUNCT", "punct", 1)]
    rows, starts = [], []
    for part in (headline, rain, rain, _fine_rows([("groupe", "groupe", "NOUN", "nmod", 4)])):
        starts.append(len(rows))
        rows += [(w, lemma, pos, dep, len(rows) + head, *rest) for w, lemma, pos, dep, head, *rest in part]
    doc = make_doc(rows, starts=tuple(starts))
    acme, authority = entity(doc, "Acme", "Organization", subject=True), entity(doc, "Autorité", "Organization")
    [fine] = [f for f in events(doc, [acme, authority]) if f.kind == "Fine"]
    assert (fine.values("fined"), fine.values("authority"), len(fine.sentences)) == ([acme.key], [authority.key], 2)
    # two rounds of the same sum by two companies are two
    assert not _same_sum(_Draft("Investment", doc[0], 0, roles={"recipient": ["a"], "amount": [fine.values("amount")[0]]}),
                         _Draft("Investment", doc[0], 3, roles={"recipient": ["b"], "amount": [fine.values("amount")[0]]}))


def test_an_event_a_noun_and_a_verb_tell_is_of_the_verb_s_rule_family() -> None:
    # "Acme investit dans Beta avec cette levée": one event, whose word and rule family are the verb's
    doc = make_doc([("Acme", "Acme", "PROPN", "nsubj", 1), ("investit", "investir", "VERB", "ROOT", 1),
                    ("dans", "dans", "ADP", "case", 3), ("Beta", "Beta", "PROPN", "obl", 1),
                    ("avec", "avec", "ADP", "case", 6), ("cette", "ce", "DET", "det", 6),
                    ("levée", "levée", "NOUN", "obl", 1)])
    round_ = _Draft("Investment", doc[6], 0, roles={"recipient": ["name:beta"]}, family="funding round")
    invested = _Draft("Investment", doc[1], 0, roles={"investor": ["name:acme"]}, family="Investment")
    [event] = _merge([round_, invested])
    assert (event.trigger.text, event.family) == ("investit", "Investment")


def test_a_name_that_names_the_object_s_noun_is_the_object() -> None:
    # "Ada Roy fonde une société du nom de Beta."
    doc = make_doc([("Ada", "Ada", "PROPN", "nsubj", 2), ("Roy", "Roy", "PROPN", "flat:name", 0),
                    ("fonde", "fonder", "VERB", "ROOT", 2, "VerbForm=Fin"), ("une", "un", "DET", "det", 4),
                    ("société", "société", "NOUN", "obj", 2), ("du", "de", "ADP", "case", 6),
                    ("nom", "nom", "NOUN", "nmod", 4), ("de", "de", "ADP", "case", 8), ("Beta", "Beta", "PROPN", "nmod", 6),
                    (".", ".", "PUNCT", "punct", 2)])
    ada, beta = entity(doc, "Ada Roy", "Person", subject=True), entity(doc, "Beta", "Organization")
    [founding] = events(doc, [ada, beta])
    assert (founding.kind, founding.values("founder"), founding.values("organization")) == (
        "Founding", [ada.key], [beta.key])
    # a founder is a person: "le groupe Ada Roy" (an organisation) founds nothing
    ada = entity(doc, "Ada Roy", "Organization", subject=True)
    assert [f for f in events(doc, [ada, beta]) if f.kind == "Founding"] == []


def test_a_name_before_the_comma_of_a_clause_set_first_is_no_subject_s() -> None:
    # "En pensant à Acme, les médecins fondent Beta.": unlike "Acme, la maison mère de Beta, a dit"
    doc = make_doc([("En", "en", "ADP", "mark", 1), ("pensant", "penser", "VERB", "advcl", 7), ("à", "à", "ADP", "case", 3),
                    ("Acme", "Acme", "PROPN", "obl", 1), (",", ",", "PUNCT", "punct", 1), ("les", "le", "DET", "det", 6),
                    ("médecins", "médecin", "NOUN", "nsubj", 7), ("fondent", "fonder", "VERB", "ROOT", 7, "VerbForm=Fin"),
                    ("Beta", "Beta", "PROPN", "obj", 7), (".", ".", "PUNCT", "punct", 7)])
    acme, beta = entity(doc, "Acme", "Organization"), entity(doc, "Beta", "Organization")
    assert [f.values("founder") for f in events(doc, [acme, beta]) if f.kind == "Founding"] in ([], [[]])


def test_a_participle_that_qualifies_a_title_tells_no_appointment() -> None:
    # "Le président élu Ada Roy, directeur de Acme, parle."
    doc = make_doc([("Le", "le", "DET", "det", 1), ("président", "président", "NOUN", "nsubj", 10),
                    ("élu", "élire", "VERB", "amod", 1, "VerbForm=Part|Tense=Past"), ("Ada", "Ada", "PROPN", "appos", 1),
                    ("Roy", "Roy", "PROPN", "flat:name", 3), (",", ",", "PUNCT", "punct", 6, "", True),
                    ("directeur", "directeur", "NOUN", "appos", 3), ("de", "de", "ADP", "case", 8),
                    ("Acme", "Acme", "PROPN", "nmod", 6), (",", ",", "PUNCT", "punct", 6, "", True),
                    ("parle", "parler", "VERB", "ROOT", 10), (".", ".", "PUNCT", "punct", 10)])
    found = events(doc, [entity(doc, "Ada Roy", "Person", subject=True), entity(doc, "Acme", "Organization")])
    assert [f for f in found if f.kind == "Appointment"] == []


def weak(doc, text: str, kind: str, subject: bool = False) -> Entity:
    """A name only the statistical NER typed."""
    starts = [i for i in range(len(doc.text)) if doc.text.startswith(text, i)]
    return Entity(f"name:{text.lower()}", text, kind, tuple(
        Mention(s, s + len(text), text, kind, cue="ner", subject=subject and s == starts[0]) for s in starts))


def test_a_governing_body_acts_for_its_organisation() -> None:
    # "Le conseil d'Acme a nommé Ada Roy directrice."
    doc = make_doc([("Le", "le", "DET", "det", 1), ("conseil", "conseil", "NOUN", "nsubj", 5),
                    ("d'", "de", "ADP", "case", 3, "", True), ("Acme", "Acme", "PROPN", "nmod", 1),
                    ("a", "avoir", "AUX", "aux", 5), ("nommé", "nommer", "VERB", "ROOT", 5, "VerbForm=Part"),
                    ("Ada", "Ada", "PROPN", "obj", 5), ("Roy", "Roy", "PROPN", "flat:name", 6),
                    ("directrice", "directeur", "NOUN", "xcomp", 5), (".", ".", "PUNCT", "punct", 5)])
    acme, ada = entity(doc, "Acme", "Organization"), entity(doc, "Ada Roy", "Person")
    [named] = events(doc, [acme, ada])
    assert named.values("organization") == [acme.key] and named.values("person") == [ada.key]
    # "Le conseil d'administration d'Acme a nommé Ada Roy.": through the noun that says which board
    doc = make_doc([("Le", "le", "DET", "det", 1), ("conseil", "conseil", "NOUN", "nsubj", 7),
                    ("d'", "de", "ADP", "case", 3, "", True), ("administration", "administration", "NOUN", "nmod", 1),
                    ("d'", "de", "ADP", "case", 5, "", True), ("Acme", "Acme", "PROPN", "nmod", 3),
                    ("a", "avoir", "AUX", "aux", 7), ("nommé", "nommer", "VERB", "ROOT", 7, "VerbForm=Part"),
                    ("Ada", "Ada", "PROPN", "obj", 7), ("Roy", "Roy", "PROPN", "flat:name", 8),
                    (".", ".", "PUNCT", "punct", 7)])
    acme, ada = entity(doc, "Acme", "Organization"), entity(doc, "Ada Roy", "Person")
    [named] = events(doc, [acme, ada])
    assert named.values("organization") == [acme.key] and named.values("person") == [ada.key]


def test_etre_with_a_verb_of_motion_is_no_passive() -> None:
    # "Atlas est entré au capital de Beta."
    doc = make_doc([("Atlas", "Atlas", "PROPN", "nsubj", 2), ("est", "être", "AUX", "aux:tense", 2),
                    ("entré", "entrer", "VERB", "ROOT", 2, "VerbForm=Part"), ("au", "à", "ADP", "case", 4),
                    ("capital", "capital", "NOUN", "obl:arg", 2), ("de", "de", "ADP", "case", 6),
                    ("Beta", "Beta", "PROPN", "nmod", 4), (".", ".", "PUNCT", "punct", 2)])
    atlas, beta = entity(doc, "Atlas", "Organization", subject=True), entity(doc, "Beta", "Organization")
    [stake] = events(doc, [atlas, beta])
    assert (stake.kind, stake.values("investor"), stake.values("recipient")) == ("Investment", [atlas.key], [beta.key])


def test_a_date_of_another_clause_is_not_the_event_s() -> None:
    # "Acme rachète Beta, cotée en 2013."
    doc = make_doc([("Acme", "Acme", "PROPN", "nsubj", 1), ("rachète", "racheter", "VERB", "ROOT", 1, "VerbForm=Fin"),
                    ("Beta", "Beta", "PROPN", "obj", 1), (",", ",", "PUNCT", "punct", 4, "", True),
                    ("cotée", "coter", "VERB", "acl", 2, "VerbForm=Part"), ("en", "en", "ADP", "case", 6),
                    ("2013", "2013", "NUM", "obl", 4), (".", ".", "PUNCT", "punct", 1)])
    start = doc.text.index("en 2013")
    year = Mention(start, start + 7, "en 2013", "Time", time=TimeValue("2013", "gYear"))
    sentences = [Sentence(s.start_char, s.end_char, s.text) for s in doc.sents]
    acme, beta = entity(doc, "Acme", "Organization", subject=True), entity(doc, "Beta", "Organization")
    facts, _ = find_events(doc, sentences, [acme, beta], [year], "d")
    [deal] = [f for f in facts if f.kind == "Acquisition"]
    assert deal.values("date") == []


def test_the_first_role_a_weakly_typed_name_plays_settles_its_class() -> None:
    # "Max Roy démissionne de Acme. Beta rachète Max Roy."
    rows = [("Max", "Max", "PROPN", "nsubj", 2), ("Roy", "Roy", "PROPN", "flat:name", 0),
            ("démissionne", "démissionner", "VERB", "ROOT", 2, "VerbForm=Fin"), ("de", "de", "ADP", "case", 4),
            ("Acme", "Acme", "PROPN", "obl", 2), (".", ".", "PUNCT", "punct", 2),
            ("Beta", "Beta", "PROPN", "nsubj", 7), ("rachète", "racheter", "VERB", "ROOT", 7, "VerbForm=Fin"),
            ("Max", "Max", "PROPN", "obj", 7), ("Roy", "Roy", "PROPN", "flat:name", 8), (".", ".", "PUNCT", "punct", 7)]
    doc = make_doc(rows, starts=(0, 6))
    max_roy, acme = weak(doc, "Max Roy", "Person", subject=True), entity(doc, "Acme", "Organization")
    beta = entity(doc, "Beta", "Organization", subject=True)
    sentences = [Sentence(s.start_char, s.end_char, s.text) for s in doc.sents]
    facts, named = find_events(doc, sentences, [max_roy, acme, beta], [], "d")
    assert {e.key: e.kind for e in named}[max_roy.key] == "Person"
    assert [f.kind for f in facts] == ["Departure"]


def test_a_role_retypes_a_guessed_class_only_towards_what_the_ner_may_have_missed() -> None:
    # "Qonto investit 5 millions d'euros dans Beta. Acme a déclaré que tout va bien."
    rows = [("Qonto", "Qonto", "PROPN", "nsubj", 1), ("investit", "investir", "VERB", "ROOT", 1, "VerbForm=Fin"),
            ("5", "5", "NUM", "nummod", 3), ("millions", "million", "NOUN", "obj", 1),
            ("d'", "de", "ADP", "case", 5, "", True), ("euros", "euro", "NOUN", "nmod", 3),
            ("dans", "dans", "ADP", "case", 7), ("Beta", "Beta", "PROPN", "obl", 1), (".", ".", "PUNCT", "punct", 1),
            ("Acme", "Acme", "PROPN", "nsubj", 11), ("a", "avoir", "AUX", "aux", 11),
            ("déclaré", "déclarer", "VERB", "ROOT", 11, "VerbForm=Part"), *all_is_well(11)]
    doc = make_doc(rows, starts=(0, 9))
    qonto, acme = weak(doc, "Qonto", "Person", subject=True), weak(doc, "Acme", "Organization", subject=True)
    sentences = [Sentence(s.start_char, s.end_char, s.text) for s in doc.sents]
    facts, named = find_events(doc, sentences, [qonto, entity(doc, "Beta", "Organization"), acme], money(doc), "d")
    classes = {e.key: e.kind for e in named}
    # a one-word "person" investing is a company (an investor is first an organisation); a speaking
    # organisation stays one, though a speaker is first a person
    assert (classes[qonto.key], classes[acme.key]) == ("Organization", "Organization")
    assert sorted(f.kind for f in facts) == ["Investment", "Statement"]


def test_an_event_that_is_not_kept_retypes_nothing() -> None:
    # "Rouen recrute." names no one recruited: no appointment, and Rouen stays a place
    doc = make_doc([("Rouen", "Rouen", "PROPN", "nsubj", 1), ("recrute", "recruter", "VERB", "ROOT", 1, "VerbForm=Fin"),
                    (".", ".", "PUNCT", "punct", 1)])
    rouen = weak(doc, "Rouen", "Place", subject=True)
    facts, named = find_events(doc, [Sentence(0, len(doc.text), doc.text)], [rouen], [], "d")
    assert facts == [] and [e.kind for e in named] == ["Place"]


def test_a_pronoun_subject_that_is_no_mention_is_not_the_name_before() -> None:
    # "Acme : il a déclaré que Beta ment." ("il" resolves to nothing here)
    doc = make_doc([("Acme", "Acme", "PROPN", "dep", 4), (":", ":", "PUNCT", "punct", 0),
                    ("il", "il", "PRON", "nsubj", 4), ("a", "avoir", "AUX", "aux", 4),
                    ("déclaré", "déclarer", "VERB", "ROOT", 4, "VerbForm=Part"), ("que", "que", "SCONJ", "mark", 7),
                    ("Beta", "Beta", "PROPN", "nsubj", 7), ("ment", "mentir", "VERB", "ccomp", 4, "VerbForm=Fin"),
                    (".", ".", "PUNCT", "punct", 4)])
    assert events(doc, [entity(doc, "Acme", "Organization"), entity(doc, "Beta", "Organization")]) == []


def test_a_participle_that_gives_a_name_and_an_election_without_a_post_tell_no_appointment() -> None:
    # "Une adolescente nommée Sarah": called, not appointed
    doc = make_doc([("Une", "un", "DET", "det", 1), ("adolescente", "adolescent", "NOUN", "nsubj", 4),
                    ("nommée", "nommer", "VERB", "acl", 1, "VerbForm=Part"), ("Sarah", "Sarah", "PROPN", "xcomp", 2),
                    ("disparaît", "disparaître", "VERB", "ROOT", 4, "VerbForm=Fin"), (".", ".", "PUNCT", "punct", 4)])
    assert [f for f in events(doc, [entity(doc, "Sarah", "Person")]) if f.kind == "Appointment"] == []
    # "Le Centre Pompidou, nommé ainsi en mémoire de l'ancien président Georges Pompidou, célèbre ses quarante ans.",
    # as the model parses it: named after him, no post given
    doc = make_doc([("Le", "le", "DET", "det", 1), ("Centre", "centre", "NOUN", "nsubj", 15),
                    ("Pompidou", "Pompidou", "PROPN", "nmod", 1, "", True), (",", ",", "PUNCT", "punct", 4),
                    ("nommé", "nommer", "VERB", "acl", 1, "Tense=Past|VerbForm=Part"), ("ainsi", "ainsi", "ADV", "cc", 7),
                    ("en", "en", "ADP", "case", 7), ("mémoire", "mémoire", "NOUN", "obl:mod", 4),
                    ("de", "de", "ADP", "case", 11), ("l'", "le", "DET", "det", 11, "", True),
                    ("ancien", "ancien", "ADJ", "amod", 11), ("président", "président", "NOUN", "nmod", 7),
                    ("Georges", "Georges", "PROPN", "appos", 11),
                    ("Pompidou", "Pompidou", "PROPN", "flat:name", 12, "", True),
                    (",", ",", "PUNCT", "punct", 15), ("célèbre", "célébrer", "VERB", "ROOT", 15, "VerbForm=Fin"),
                    ("ses", "son", "DET", "det", 18), ("quarante", "quarante", "NUM", "nummod", 18),
                    ("ans", "an", "NOUN", "obj", 15, "", True), (".", ".", "PUNCT", "punct", 15)])
    centre = entity(doc, "Centre Pompidou", "Organization", subject=True)
    at = doc.text.index("Georges")
    georges = Entity("name:georges pompidou", "Georges Pompidou", "Person",
                     (Mention(at, at + 16, "Georges Pompidou", "Person", cue="gazetteer"),))
    assert [f for f in events(doc, [centre, georges]) if f.kind == "Appointment"] == []
    # "Acme a élu Ada Roy": no post named, no appointment; "Acme a élu Ada Roy présidente": one
    rows = [("Acme", "Acme", "PROPN", "nsubj", 2), ("a", "avoir", "AUX", "aux", 2),
            ("élu", "élire", "VERB", "ROOT", 2, "VerbForm=Part"), ("Ada", "Ada", "PROPN", "obj", 2),
            ("Roy", "Roy", "PROPN", "flat:name", 3)]
    for post, expected in (([], []), ([("présidente", "président", "NOUN", "xcomp", 2)], ["Appointment"])):
        doc = make_doc([*rows, *post, (".", ".", "PUNCT", "punct", 2)])
        found = events(doc, [entity(doc, "Acme", "Organization", subject=True), entity(doc, "Ada Roy", "Person")])
        assert [f.kind for f in found if f.kind == "Appointment"] == expected


def test_a_fine_is_a_fine_noun_and_falls_on_the_story_s_organisation_when_unsaid() -> None:
    # "Un cautionnement de 75.000 euros a été imposé à Acme": bail, not a fine
    doc = make_doc([("Un", "un", "DET", "det", 1), ("cautionnement", "cautionnement", "NOUN", "nsubj:pass", 7),
                    ("de", "de", "ADP", "case", 3), ("75.000", "75.000", "NUM", "nummod", 4),
                    ("euros", "euro", "NOUN", "nmod", 1), ("a", "avoir", "AUX", "aux", 7),
                    ("été", "être", "AUX", "aux:pass", 7), ("imposé", "imposer", "VERB", "ROOT", 7, "VerbForm=Part"),
                    ("à", "à", "ADP", "case", 9), ("Acme", "Acme", "PROPN", "obl:arg", 7), (".", ".", "PUNCT", "punct", 7)])
    assert [f for f in events(doc, [entity(doc, "Acme", "Organization")]) if f.kind == "Fine"] == []
    # "Acme ... Acme ... L'Autorité a infligé une amende de 80 millions d'euros au groupe.": Acme is fined
    story = [row for i, verb in enumerate(("vendre", "grandir", "recruter")) for row in (
        ("Acme", "Acme", "PROPN", "nsubj", 3 * i + 1), (verb, verb, "VERB", "ROOT", 3 * i + 1),
        (".", ".", "PUNCT", "punct", 3 * i + 1))]
    doc = make_doc([*story, ("L'", "le", "DET", "det", 10, "", True), ("Autorité", "Autorité", "PROPN", "nsubj", 11),
                    ("inflige", "infliger", "VERB", "ROOT", 11, "VerbForm=Fin"), ("une", "un", "DET", "det", 13),
                    ("amende", "amende", "NOUN", "obj", 11), ("de", "de", "ADP", "case", 16),
                    ("80", "80", "NUM", "nummod", 16), ("millions", "million", "NOUN", "nmod", 13),
                    ("d'", "de", "ADP", "case", 18, "", True), ("euros", "euro", "NOUN", "nmod", 16),
                    ("au", "à", "ADP", "case", 20), ("groupe", "groupe", "NOUN", "obl", 11),
                    (".", ".", "PUNCT", "punct", 11)], starts=(0, 3, 6, 9))
    starts = [i for i in range(len(doc.text)) if doc.text.startswith("Acme", i)]
    acme = Entity("name:acme", "Acme", "Organization", tuple(Mention(s, s + 4, "Acme", "Organization") for s in starts))
    authority = entity(doc, "Autorité", "Organization", subject=True)
    # a thing of the article a common noun names more often ("le conseil", four times) is no topic
    stops = [i for i, c in enumerate(doc.text) if c == "."]
    board = Entity("local:d/conseil-0", "conseil", "Organization",
                   tuple(Mention(s, s + 1, ".", "Organization", "noun", head="conseil") for s in stops))
    [fine] = [f for f in events(doc, [acme, authority, board]) if f.kind == "Fine"]
    assert fine.values("fined") == [acme.key] and fine.values("authority") == [authority.key]


def test_a_noun_s_status_is_read_above_its_own_phrase() -> None:
    # "Ada menace d'emmener Acme avec 500 euros d'amende.": a threatened fine, four heads above the noun
    doc = make_doc([("Ada", "Ada", "PROPN", "nsubj", 1), ("menace", "menacer", "VERB", "ROOT", 1, "VerbForm=Fin"),
                    ("d'", "de", "ADP", "mark", 3, "", True), ("emmener", "emmener", "VERB", "xcomp", 1),
                    ("Acme", "Acme", "PROPN", "obj", 3), ("avec", "avec", "ADP", "case", 7),
                    ("500", "500", "NUM", "nummod", 7), ("euros", "euro", "NOUN", "nmod", 4),
                    ("d'", "de", "ADP", "case", 9, "", True), ("amende", "amende", "NOUN", "nmod", 7),
                    (".", ".", "PUNCT", "punct", 1)])
    assert status(doc[9]) == "considered"


def test_an_attempt_is_only_considered() -> None:
    # "la tentative de fusion de Acme avec Beta"
    doc = make_doc([("la", "le", "DET", "det", 1), ("tentative", "tentative", "NOUN", "ROOT", 1),
                    ("de", "de", "ADP", "case", 3), ("fusion", "fusion", "NOUN", "nmod", 1), ("de", "de", "ADP", "case", 5),
                    ("Acme", "Acme", "PROPN", "nmod", 3), ("avec", "avec", "ADP", "case", 7),
                    ("Beta", "Beta", "PROPN", "nmod", 3), (".", ".", "PUNCT", "punct", 1)])
    [merger] = events(doc, [entity(doc, "Acme", "Organization"), entity(doc, "Beta", "Organization")])
    assert (merger.kind, merger.status) == ("Merger", "considered")


def test_named_to_a_post_is_an_appointment_even_before_a_capital() -> None:
    # "Attal, nommé Premier ministre, parle" / "Cook, nommé PDG, parle": posts, not names
    for post, lemma in (("Premier", "premier"), ("PDG", "pdg")):
        doc = make_doc([("Attal", "Attal", "PROPN", "nsubj", 5, "", True), (",", ",", "PUNCT", "punct", 2),
                        ("nommé", "nommer", "VERB", "acl", 0, "VerbForm=Part"), (post, lemma, "PROPN", "xcomp", 2),
                        (",", ",", "PUNCT", "punct", 2, "", True), ("parle", "parler", "VERB", "ROOT", 5),
                        (".", ".", "PUNCT", "punct", 5)])
        assert "Appointment" in [t.kind for t in triggers_in(next(doc.sents))], post


def test_money_goes_to_the_nearest_trigger_that_takes_money() -> None:
    # "Apple rachète Beats, qui supprime 200 postes, pour 3 milliards de dollars": the job cut takes no money
    doc = make_doc([("Apple", "Apple", "PROPN", "nsubj", 1), ("rachète", "racheter", "VERB", "ROOT", 1, "VerbForm=Fin"),
                    ("Beats", "Beats", "PROPN", "obj", 1, "", True), (",", ",", "PUNCT", "punct", 5),
                    ("qui", "qui", "PRON", "nsubj", 5), ("supprime", "supprimer", "VERB", "acl:relcl", 2),
                    ("200", "200", "NUM", "nummod", 7), ("postes", "poste", "NOUN", "obj", 5, "", True),
                    (",", ",", "PUNCT", "punct", 5), ("pour", "pour", "ADP", "case", 11), ("3", "3", "NUM", "nummod", 11),
                    ("milliards", "milliard", "NOUN", "obl", 1), ("de", "de", "ADP", "case", 13),
                    ("dollars", "dollar", "NOUN", "nmod", 11), (".", ".", "PUNCT", "punct", 1)])
    apple, beats = entity(doc, "Apple", "Organization", subject=True), entity(doc, "Beats", "Organization")
    [deal] = [f for f in events(doc, [apple, beats]) if f.kind == "Acquisition"]
    assert deal.values("amount")[0].value == 3_000_000_000


def test_a_participle_that_qualifies_a_common_noun_has_no_subject_of_its_own() -> None:
    # "Ada Roy cite les sociétés rachetées : Acme.": she names the companies bought, she bought nothing
    doc = make_doc([("Ada", "Ada", "PROPN", "nsubj", 2), ("Roy", "Roy", "PROPN", "flat:name", 0),
                    ("cite", "citer", "VERB", "ROOT", 2, "VerbForm=Fin"), ("les", "le", "DET", "det", 4),
                    ("sociétés", "société", "NOUN", "obj", 2),
                    ("rachetées", "racheter", "VERB", "acl", 4, "VerbForm=Part|Tense=Past"),
                    (":", ":", "PUNCT", "punct", 7), ("Acme", "Acme", "PROPN", "appos", 4), (".", ".", "PUNCT", "punct", 2)])
    found = events(doc, [entity(doc, "Ada Roy", "Person", subject=True), entity(doc, "Acme", "Organization")])
    assert [f for f in found if f.kind == "Acquisition"] == []
    # money is its holder's: "Acme dépassera 2 milliards d'euros investis dans Beta" is Acme's investment
    doc = make_doc([("Acme", "Acme", "PROPN", "nsubj", 1), ("dépassera", "dépasser", "VERB", "ROOT", 1, "VerbForm=Fin"),
                    ("2", "2", "NUM", "nummod", 3), ("milliards", "milliard", "NOUN", "obj", 1),
                    ("d'", "de", "ADP", "case", 5, "", True), ("euros", "euro", "NOUN", "nmod", 3),
                    ("investis", "investir", "VERB", "acl", 3, "VerbForm=Part|Tense=Past"),
                    ("dans", "dans", "ADP", "case", 8), ("Beta", "Beta", "PROPN", "obl", 6),
                    (".", ".", "PUNCT", "punct", 1)])
    acme, beta = entity(doc, "Acme", "Organization", subject=True), entity(doc, "Beta", "Organization")
    [deal] = [f for f in events(doc, [acme, beta]) if f.kind == "Investment"]
    assert (deal.values("investor"), deal.values("recipient")) == ([acme.key], [beta.key])


def test_le_premier_is_not_the_name_before_it() -> None:
    # "Léo Roy remplace Ada Roy quand le premier devient ministre.": the first named of the two, not Ada Roy
    doc = make_doc([("Léo", "Léo", "PROPN", "nsubj", 2), ("Roy", "Roy", "PROPN", "flat:name", 0),
                    ("remplace", "remplacer", "VERB", "ROOT", 2, "VerbForm=Fin"), ("Ada", "Ada", "PROPN", "obj", 2),
                    ("Roy", "Roy", "PROPN", "flat:name", 3), ("quand", "quand", "SCONJ", "mark", 8),
                    ("le", "le", "DET", "det", 7), ("premier", "premier", "ADJ", "nsubj", 8),
                    ("devient", "devenir", "VERB", "advcl", 2, "VerbForm=Fin"), ("ministre", "ministre", "NOUN", "xcomp", 8),
                    (".", ".", "PUNCT", "punct", 2)])
    leo, ada = entity(doc, "Léo Roy", "Person", subject=True), entity(doc, "Ada Roy", "Person")
    assert not [f for f in events(doc, [leo, ada]) if ada.key in f.values("person")]


def test_legal_who_charges_is_the_agent_of_the_charge_not_of_another_verb() -> None:
    # "Ada Roy a été mise en examen pour les dégâts causés par Acme.": Acme charged no one
    doc = make_doc([("Ada", "Ada", "PROPN", "nsubj:pass", 4), ("Roy", "Roy", "PROPN", "flat:name", 0),
                    ("a", "avoir", "AUX", "aux:tense", 4), ("été", "être", "AUX", "aux:pass", 4),
                    ("mise", "mettre", "VERB", "ROOT", 4, "VerbForm=Part"), ("en", "en", "ADP", "case", 6),
                    ("examen", "examen", "NOUN", "obl:arg", 4), ("pour", "pour", "ADP", "case", 9),
                    ("les", "le", "DET", "det", 9), ("dégâts", "dégât", "NOUN", "obl:mod", 4),
                    ("causés", "causer", "VERB", "acl", 9, "VerbForm=Part"), ("par", "par", "ADP", "case", 12),
                    ("Acme", "Acme", "PROPN", "obl:agent", 10), (".", ".", "PUNCT", "punct", 4)])
    ada, acme = entity(doc, "Ada Roy", "Person", subject=True), entity(doc, "Acme", "Organization")
    assert [f.values("plaintiff") for f in events(doc, [ada, acme]) if f.kind == "LegalAction"] in ([], [[]])


def test_the_modality_of_another_clause_or_of_what_is_reported_is_not_the_event_s() -> None:
    # "Acme veut partir mais Beta a racheté Gamma.": Beta's clause has a subject of its own, the deal is done
    doc = make_doc([("Acme", "Acme", "PROPN", "nsubj", 1), ("veut", "vouloir", "VERB", "ROOT", 1, "VerbForm=Fin"),
                    ("partir", "partir", "VERB", "xcomp", 1, "VerbForm=Inf"), ("mais", "mais", "CCONJ", "cc", 6),
                    ("Beta", "Beta", "PROPN", "nsubj", 6), ("a", "avoir", "AUX", "aux:tense", 6),
                    ("racheté", "racheter", "VERB", "conj", 1, "VerbForm=Part"), ("Gamma", "Gamma", "PROPN", "obj", 6),
                    (".", ".", "PUNCT", "punct", 1)])
    assert status(doc[6]) == "asserted"
    # "Selon Reuters, Acme devrait racheter Beta.": Reuters' statement is reported, whatever the mood of what it says
    doc = make_doc([("Selon", "selon", "ADP", "case", 1), ("Reuters", "Reuters", "PROPN", "obl", 4),
                    (",", ",", "PUNCT", "punct", 1, "", True), ("Acme", "Acme", "PROPN", "nsubj", 4),
                    ("devrait", "devoir", "VERB", "ROOT", 4, "Mood=Cnd|VerbForm=Fin"),
                    ("racheter", "racheter", "VERB", "xcomp", 4, "VerbForm=Inf"), ("Beta", "Beta", "PROPN", "obj", 5),
                    (".", ".", "PUNCT", "punct", 4)])
    assert (status(doc[0]), status(doc[5])) == ("reported", "planned")
    # "Selon Reuters, Acme rachète Beta et Gamma cède Delta.": the clause after "et" is reported too
    doc = make_doc([("Selon", "selon", "ADP", "case", 1), ("Reuters", "Reuters", "PROPN", "obl", 4),
                    (",", ",", "PUNCT", "punct", 1, "", True), ("Acme", "Acme", "PROPN", "nsubj", 4),
                    ("rachète", "racheter", "VERB", "ROOT", 4, "VerbForm=Fin"), ("Beta", "Beta", "PROPN", "obj", 4),
                    ("et", "et", "CCONJ", "cc", 8), ("Gamma", "Gamma", "PROPN", "nsubj", 8),
                    ("cède", "céder", "VERB", "conj", 4, "VerbForm=Fin"), ("Delta", "Delta", "PROPN", "obj", 8),
                    (".", ".", "PUNCT", "punct", 4)])
    assert (status(doc[4]), status(doc[8])) == ("reported", "reported")


def test_a_founder_s_noun_coordinated_with_a_name_is_of_that_name() -> None:
    # "Il est proche du groupe Beta et de son fondateur Paul Roy.": whose founder the possessive says
    def founding(before: list[tuple]) -> list:
        at = len(before)
        rows = [*before, ("et", "et", "CCONJ", "cc", at + 3), ("de", "de", "ADP", "case", at + 3),
                ("son", "son", "DET", "det", at + 3, "Poss=Yes"), ("fondateur", "fondateur", "NOUN", "conj", 2),
                ("Paul", "Paul", "PROPN", "appos", at + 3), ("Roy", "Roy", "PROPN", "flat:name", at + 4),
                (".", ".", "PUNCT", "punct", 0)]
        doc = make_doc(rows)
        return [(f.values("founder"), f.values("organization")) for f in events(
            doc, [entity(doc, "Beta", "Organization"), entity(doc, "Paul Roy", "Person")])]
    near = [("proche", "proche", "ADJ", "ROOT", 0), ("de", "de", "ADP", "case", 2), ("Beta", "Beta", "PROPN", "obl", 0)]
    assert founding(near) == [(["name:paul roy"], ["name:beta"])]
    # "interrogé sur Beta, puis et de son fondateur Paul Roy": a word between the name and "et", no owner
    far = [("interrogé", "interroger", "VERB", "ROOT", 0), ("sur", "sur", "ADP", "case", 2),
           ("Beta", "Beta", "PROPN", "obl", 0), (",", ",", "PUNCT", "punct", 0), ("puis", "puis", "ADV", "advmod", 0)]
    assert founding(far) == []


