"""Extraction -> RDF triples with provenance, one set (or rdflib graph) per document. Pure."""

from __future__ import annotations

import hashlib
from decimal import Decimal

from rdflib import OWL, RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV
from rdflib.plugins.serializers.nt import _nt_row as _nt_line  # rdflib's own line writer (rdflib pinned)
from rdflib.term import Node

from kg.names import slug
from kg.records import Amount, Document, Entity, Extraction, Fact, Sentence, TimeValue, Value
from kg.vocab import DATA, ENTITY_CLASSES, KG, WD

# Every entity IRI starts so; entities are the only nodes described in more than one article's graph.
ENTITIES = str(DATA["entity/"])
_CLASS_PATHS = {c.lower() for c in ENTITY_CLASSES}
_BOUND_PROPERTY = {"exact": KG.date, "start": KG.startDate, "end": KG.endDate}


Triples = set[tuple[Node, Node, Node]]


def content_hash(text: str, depends: str = "") -> str:
    """Return the SHA-256 of an article's text and of what its extraction ``depends`` on (kg's version, the
    model, the gazetteer, the rules: ``pipeline.extraction_key``), which decides whether it is re-extracted."""
    return hashlib.sha256(f"{depends}\x00{text}".encode()).hexdigest()


def _digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:12]


def document_iri(doc_id: str) -> URIRef:
    """Return the IRI of a document, which is also the name of its graph."""
    return DATA[f"doc/{slug(doc_id, 60)}-{_digest(doc_id)[:8]}"]


def entity_iri(key: str) -> URIRef:
    """Return the IRI of an entity from its key: the same key gives the same IRI in every run.

    A linked name is its Wikidata id; an unlinked one its class and name ("organization/cgt"), with a
    digest when it is of one article only (a bare surname) or long.
    """
    kind, _, body = key.partition(":")
    if kind == "wd":
        return URIRef(ENTITIES + body)
    if kind in _CLASS_PATHS:
        name = slug(body.rpartition("/")[2])
        own = "/" in body or len(name) >= 80
        return URIRef(f"{ENTITIES}{kind}/{name}-{_digest(key)[:8]}" if own else f"{ENTITIES}{kind}/{name}")
    name = slug(body)
    return URIRef(ENTITIES + (name if len(name) < 80 and kind == "name" else f"{name}-{_digest(key)[:8]}"))


def document_graph(extraction: Extraction) -> Graph:
    """Return the triples of one document as a graph: its entities, facts and their sources."""
    g = Graph()
    for triple in document_triples(extraction):
        g.add(triple)
    return g


def ntriples(triples: Triples) -> str:
    """The triples as N-Triples, sorted: without a graph, whose indexes cost more than its triples."""
    return "".join(sorted(map(_nt_line, triples)))


def document_triples(extraction: Extraction, depends: str = "") -> Triples:
    """Return the triples of one document: its entities, facts and their sources; ``depends`` goes into
    its content hash."""
    doc = extraction.document
    g: Triples = set()
    d = document_iri(doc.id)
    _document(g, d, doc, depends)
    for entity in extraction.entities:
        _entity(g, entity, d)
    for fact in extraction.facts:
        (_event if fact.is_event else _relation)(g, d, doc, fact)
    return g


def _document(g: Triples, d: URIRef, doc: Document, depends: str) -> None:
    g.add((d, RDF.type, KG.Document))
    g.add((d, KG.identifier, Literal(doc.id)))
    g.add((d, DCTERMS.source, Literal(doc.source)))
    g.add((d, KG.contentHash, Literal(content_hash(doc.text, depends))))
    if doc.title:
        g.add((d, DCTERMS.title, Literal(doc.title, lang="fr")))
    if doc.date:
        g.add((d, DCTERMS.date, Literal(doc.date, datatype=XSD.date)))


def _entity(g: Triples, entity: Entity, d: URIRef) -> None:
    e = entity_iri(entity.key)
    if entity.local:
        g.add((e, KG.localTo, d))
    g.add((e, RDF.type, KG[entity.kind]))
    g.add((e, RDFS.label, Literal(entity.label, lang="fr")))
    for alias in entity.aliases:
        g.add((e, KG.alias, Literal(alias, lang="fr")))
    if entity.qid:
        g.add((e, OWL.sameAs, WD[entity.qid]))
    g.add((e, KG.mentionCount, Literal(len(entity.mentions))))


def _sentence(g: Triples, d: URIRef, doc: Document, sentence: Sentence) -> URIRef:
    s = DATA[f"sentence/{d.split('/')[-1]}-{sentence.start}-{sentence.end}"]
    g.add((s, RDF.type, KG.Sentence))
    g.add((s, KG.text, Literal(sentence.text.strip(), lang="fr")))
    g.add((s, KG.startOffset, Literal(sentence.start)))
    g.add((s, KG.endOffset, Literal(sentence.end)))
    g.add((s, KG.document, d))
    return s


def _provenance(g: Triples, node: URIRef, d: URIRef, doc: Document, fact: Fact) -> None:
    g.add((node, PROV.wasDerivedFrom, d))
    g.add((node, KG.method, Literal(fact.method)))
    g.add((node, KG.trigger, Literal(fact.trigger, lang="fr")))
    for sentence in fact.sentences:
        g.add((node, KG.source, _sentence(g, d, doc, sentence)))


def _event(g: Triples, d: URIRef, doc: Document, fact: Fact) -> None:
    where = tuple((s.start, s.end) for s in fact.sentences)
    event = DATA[f"event/{d.split('/')[-1]}-{_digest(fact.kind, where, fact.trigger, sorted(map(str, fact.roles)))}"]
    g.add((event, RDF.type, KG[fact.kind]))
    g.add((event, KG.status, Literal(fact.status)))
    g.add((event, RDFS.label, Literal(f"{fact.kind}: {fact.sentences[0].text.strip()[:80]}", lang="fr")))
    for role, value in fact.roles:
        if isinstance(value, Amount):
            g.add((event, KG[role], _amount(g, event, value)))
        elif isinstance(value, TimeValue):
            prop = KG.duration if value.datatype == "duration" else _BOUND_PROPERTY[value.bound]
            g.add((event, prop, Literal(value.lexical, datatype=XSD[value.datatype])))
        elif isinstance(value, Value):
            g.add((event, KG[role], Literal(value.value, lang=value.lang)))
        elif role == "content":
            g.add((event, KG.content, Literal(str(value), lang="fr")))
        else:
            g.add((event, KG[role], entity_iri(str(value))))
    _provenance(g, event, d, doc, fact)


def _amount(g: Triples, event: URIRef, amount: Amount) -> URIRef:
    node = DATA[f"amount/{event.split('/')[-1]}-{_digest(amount)}"]
    g.add((node, RDF.type, KG.MonetaryAmount))
    g.add((node, KG.currency, Literal(amount.currency)))
    for prop, value in ((KG.value, amount.value), (KG.minValue, amount.min_value), (KG.maxValue, amount.max_value)):
        if value is not None:
            g.add((node, prop, Literal(Decimal(value), datatype=XSD.decimal)))
    g.add((node, RDFS.label, Literal(_amount_label(amount), lang="fr")))
    return node


def _amount_label(amount: Amount) -> str:
    def short(v: Decimal | None) -> str:
        return f"{v:,.0f}".replace(",", " ") if v is not None else "?"
    if amount.value is not None:
        return f"{short(amount.value)} {amount.currency}"
    if amount.max_value is None:
        return f"> {short(amount.min_value)} {amount.currency}"
    return f"{short(amount.min_value)}–{short(amount.max_value)} {amount.currency}"


def _relation(g: Triples, d: URIRef, doc: Document, fact: Fact) -> None:
    subject = entity_iri(str(fact.values("subject")[0]))
    value = fact.values("object")[0]
    obj = Literal(str(value), lang="fr") if fact.kind == "jobTitle" else entity_iri(str(value))
    g.add((subject, KG[fact.kind], obj))
    statement = DATA[f"statement/{d.split('/')[-1]}-{_digest(fact.kind, subject, obj, fact.sentences[0].start)}"]
    g.add((statement, RDF.type, KG.RelationStatement))
    g.add((statement, RDF.subject, subject))
    g.add((statement, RDF.predicate, KG[fact.kind]))
    g.add((statement, RDF.object, obj))
    _provenance(g, statement, d, doc, fact)
