"""The ontology's namespace: the one place where kg's IRIs are spelled."""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

BASE = "https://w3id.org/kg-news/"
DATA = Namespace(BASE + "id/")
WD = Namespace("http://www.wikidata.org/entity/")


class KG(DefinedNamespace):
    """Classes and properties of ``ontology/kg.ttl``."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # entity classes
    Entity: URIRef
    Organization: URIRef
    Company: URIRef
    GovernmentBody: URIRef
    InternationalOrganization: URIRef
    Group: URIRef
    Person: URIRef
    Place: URIRef
    Country: URIRef
    City: URIRef
    Continent: URIRef
    Product: URIRef
    Object: URIRef
    Fund: URIRef
    MonetaryAmount: URIRef
    Document: URIRef
    Sentence: URIRef
    # events
    Event: URIRef
    Incident: URIRef
    Investment: URIRef
    Payment: URIRef
    Acquisition: URIRef
    Merger: URIRef
    Partnership: URIRef
    Fine: URIRef
    LegalAction: URIRef
    Ban: URIRef
    Appointment: URIRef
    Departure: URIRef
    Layoff: URIRef
    Earnings: URIRef
    Founding: URIRef
    Statement: URIRef
    # event roles
    investor: URIRef
    recipient: URIRef
    amount: URIRef
    location: URIRef
    date: URIRef
    startDate: URIRef
    endDate: URIRef
    duration: URIRef
    payer: URIRef
    payee: URIRef
    acquirer: URIRef
    acquired: URIRef
    seller: URIRef
    party: URIRef
    partner: URIRef
    plaintiff: URIRef
    defendant: URIRef
    person: URIRef
    organization: URIRef
    title: URIRef
    count: URIRef
    measure: URIRef
    founder: URIRef
    authority: URIRef
    fined: URIRef
    target: URIRef
    status: URIRef
    speaker: URIRef
    content: URIRef
    about: URIRef
    # direct relations
    parentOrganization: URIRef
    worksFor: URIRef
    headOf: URIRef
    jobTitle: URIRef
    formerlyKnownAs: URIRef
    locatedIn: URIRef
    memberOf: URIRef
    birthPlace: URIRef
    homeLocation: URIRef
    relativeOf: URIRef
    inContactWith: URIRef
    atOddsWith: URIRef
    controls: URIRef
    initiated: URIRef
    # amounts
    value: URIRef
    currency: URIRef
    minValue: URIRef
    maxValue: URIRef
    # provenance
    RelationStatement: URIRef
    source: URIRef
    sentence: URIRef
    document: URIRef
    text: URIRef
    startOffset: URIRef
    endOffset: URIRef
    trigger: URIRef
    method: URIRef
    contentHash: URIRef
    identifier: URIRef
    mentionCount: URIRef
    localTo: URIRef
    alias: URIRef


# Each class of the ontology under its parent; the contract classes are the roots.
PARENTS: dict[str, str] = {
    "Company": "Organization",
    "GovernmentBody": "Organization",
    "InternationalOrganization": "Organization",
    "Group": "Organization",
    "Country": "Place",
    "City": "Place",
    "Continent": "Place",
    "Object": "Product",  # "la voiture", "les pancartes": a thing of one article, not a brand
    "Incident": "Event",  # an entity too: "l'incendie" is where it happened, like a place or a person
}

ENTITY_CLASSES = ("Organization", "Person", "Place", "Product", "Fund")
# the classes of things a name names, which the gazetteer may link: not a group, an object nor an incident
NAMED_CLASSES = tuple(c for c in (*ENTITY_CLASSES, *PARENTS) if c not in {"Group", "Object", "Incident"})
# the kinds of the frame lexicon (kg/data/frames/*.yml), by family: deals, legal, people, results, speech
EVENT_CLASSES = ("Investment", "Payment", "Acquisition", "Merger", "Partnership", "Fine", "Ban", "LegalAction",
                 "Appointment", "Departure", "Founding", "Earnings", "Layoff", "Statement")


def base_class(cls: str) -> str:
    """Return the contract class above ``cls`` (itself for a contract class; Event for an Incident).

    Raises:
        KeyError: for a name that is not an entity class of the ontology.
    """
    root = PARENTS.get(cls, cls)
    if root not in (*ENTITY_CLASSES, "Event"):
        raise KeyError(cls)
    return root
