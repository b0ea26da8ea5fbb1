from decimal import Decimal

from rdflib import RDF, RDFS, Literal

from kg.records import Amount, Document, Entity, Extraction, Fact, Mention, Sentence, TimeValue
from kg.triples import document_graph, entity_iri
from kg.vocab import KG


def test_event_has_roles_amount_date_and_source() -> None:
    text = "TikTok investira 1 milliard d'euros d'ici 2023."
    doc = Document("d1", text, "d1.txt")
    sentence = Sentence(0, len(text), text)
    tiktok = Entity("wd:Q48938223", "TikTok", "Product", (Mention(0, 6, "TikTok", "Product"),), "Q48938223")
    fact = Fact("Investment", (("investor", tiktok.key), ("amount", Amount("EUR", value=Decimal(10**9))),
                               ("date", TimeValue("2023", "gYear", "end"))), (sentence,), "investira", "test", "planned")
    g = document_graph(Extraction(doc, (sentence,), (tiktok,), (fact,)))
    event = g.value(predicate=KG.investor, object=entity_iri(tiktok.key))
    assert g.value(event, RDF.type) == KG.Investment
    amount = g.value(event, KG.amount)
    assert g.value(amount, KG.value).toPython() == Decimal(10**9)
    assert str(g.value(amount, KG.currency)) == "EUR"
    assert str(g.value(event, KG.endDate)) == "2023"
    assert str(g.value(g.value(event, KG.source), KG.text)) == text
    assert g.value(entity_iri(tiktok.key), RDFS.label) == Literal("TikTok", lang="fr")


def test_iris_are_stable_and_safe() -> None:
    assert entity_iri("name:apple") == entity_iri("name:apple")
    assert " " not in str(entity_iri('name:a "b" <c>'))


def test_a_thing_a_common_noun_names_belongs_to_its_document_only() -> None:
    text = "La victime parle."
    sentence = Sentence(0, len(text), text)
    victim = Entity("local:d1/victime-3", "victime", "Person", (Mention(3, 10, "victime", "Person", "noun"),))
    pompeo = Entity("name:pompeo", "Pompeo", "Person", (Mention(0, 6, "Pompeo", "Person"),))
    graphs = [document_graph(Extraction(Document(doc_id, text, "d.txt"), (sentence,), (victim, pompeo), ()))
              for doc_id in ("d1", "d2")]
    assert [str(g.value(entity_iri(victim.key), KG.localTo)).split("/")[-1][:2] for g in graphs] == ["d1", "d2"]
    assert all(g.value(entity_iri(pompeo.key), KG.localTo) is None for g in graphs)
