"""Objects and incidents: who has an object (controls), who or what started an incident (initiated)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kg.data import load_yaml
from kg.nlp import SUBJECT_DEPS
from kg.records import Entity, Fact, Mention
from kg.relations.base import BySentence, cases, clause_subjects, conjuncts, entity_at, is_a, possessive_of, relation

if TYPE_CHECKING:
    from spacy.tokens import Token


def controls(sentence_at: BySentence, of_mention: dict[Mention, Entity], root: dict[Mention, Token],
             at_token: dict[int, Entity]) -> Iterator[Fact]:
    """"les manifestants brandissaient des pancartes", "la voiture de M. X", "il a saisi son portable",
    "armés de couteaux": who has, carries, drives or uses an object a common noun names."""
    rule = load_yaml("relations.yml")["controls"]
    for m, thing in of_mention.items():
        if m.form == "pronoun" or not is_a(thing, rule["objects"]):
            continue
        noun = root[m]
        for holder in _holders(noun, at_token, rule, noun.lemma_.lower() in rule["works"]):
            if holder is not None and holder.key != thing.key and is_a(holder, rule["holders"]):
                yield relation("controls", holder.key, thing.key, sentence_at(m.start), "dependency holder")


def _holders(noun: Token, at_token: dict[int, Entity], rule: dict, work: bool) -> Iterator[Entity | None]:
    """Who the words around an object's noun say has it (see ``controls`` in relations.yml); the owner
    after "de" not for a ``work``, whose "de" is as often its author."""
    first = noun
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "des bouteilles et des gourdins": the list's first says what the others are
    head, case = first.head, cases(noun) | cases(first)
    for child in noun.children:
        if child.dep_ == "nmod" and not work and cases(child) & set(rule["links"]):
            yield entity_at(child, at_token)  # "la voiture de M. X"
        elif child.dep_ == "acl" and child.pos_ == "VERB" and child.lemma_ not in rule["unheld"]:
            # "la voiture conduite par X"
            yield from (entity_at(c, at_token) for c in child.children if c.dep_ == "obl:agent")
    possessive = possessive_of(noun)
    equipped = case & set(rule["links"]) and (head.lemma_ in rule["equipped"] or any(
        c.dep_ in {"amod", "acl"} and c.lemma_ in rule["equipped"] for c in head.children))
    if possessive is not None:  # "il a saisi son portable", "les enfants ... leurs chapeaux"
        yield from clause_subjects(first, at_token, "Plur" if possessive.lower_ in rule["plural"] else "Sing")
    elif equipped and entity_at(head, at_token) is not None:
        yield entity_at(head, at_token)  # "les doctorants munis de badges"
    elif equipped or case & set(rule["with"]) or case & set(rule["links"]) and head.lemma_ in rule["instruments"]:
        yield from clause_subjects(first, at_token)  # "armés de couteaux, les riverains", "avec des pancartes"
    elif head.pos_ == "VERB" and head.lemma_ not in rule["unheld"] and first.dep_ in {"obj", "nsubj:pass"}:
        # "X a brandi une pancarte", "la voiture a été volée par X", "X a offert des livres aux écoliers"
        yield from clause_subjects(first, at_token, passive=False) if first.dep_ == "obj" else ()
        yield from (entity_at(c, at_token) for c in head.children if c.dep_ == "obl:agent"
                    or head.lemma_ in rule["giving"] and first.dep_ == "obj" and c.dep_ in {"iobj", "obl", "obl:arg"}
                    and cases(c) & set(rule["recipients"]))


def initiated(sentence_at: BySentence, of_mention: dict[Mention, Entity], root: dict[Mention, Token],
              at_token: dict[int, Entity]) -> Iterator[Fact]:
    """"le syndicat a organisé une grève", "un festival organisé par X", "l'explosion a provoqué un incendie",
    "les organisateurs du festival": who or what started, organised or caused an incident."""
    rule = load_yaml("relations.yml")["initiated"]
    for m, incident in of_mention.items():
        if m.form == "pronoun" or not is_a(incident, rule["incidents"]):
            continue
        for agent in _initiators(root[m], at_token, rule):
            if agent is not None and agent.key != incident.key and is_a(agent, rule["agents"]):
                yield relation("initiated", agent.key, incident.key, sentence_at(m.start), "dependency initiator")
        for effect in _consequences(root[m], at_token, rule):
            if effect is not None and effect.key != incident.key and is_a(effect, rule["incidents"]):
                yield relation("initiated", incident.key, effect.key, sentence_at(m.start), "dependency cause")


def _consequences(noun: Token, at_token: dict[int, Entity], rule: dict) -> Iterator[Entity | None]:
    """The incidents the words around an incident's noun say it led to: "un incendie suite à une explosion",
    "à la suite d'une explosion", "à cause de l'accident", "une explosion suivie d'un incendie"."""
    case = {c.lemma_.lower() for c in noun.children if c.dep_ == "case"}
    cause = noun.head
    if case & set(rule["causes"]):  # "suite à une explosion": "suite" is the case
        yield _clause_incident(noun.head, at_token)
    elif noun.dep_ == "nmod" and cause.lemma_.lower() in rule["causes"] and cause.dep_.startswith("obl") \
            and any(c.dep_ == "case" for c in cause.children):  # "à la suite d'une explosion", not "la cause de"
        yield _clause_incident(cause.head, at_token)
    for child in noun.children:  # "une explosion suivie d'un incendie"
        if child.dep_ == "acl" and child.lemma_ in rule["followed"]:
            yield from (entity_at(c, at_token) for c in child.children if c.dep_ == "obl:agent")


def _clause_incident(verb: Token, at_token: dict[int, Entity]) -> Entity | None:
    """The incident a clause tells of: the verb's own ("l'usine a pris feu"), else its subject's ("l'incendie
    s'est déclaré")."""
    if verb.i in at_token:
        return at_token[verb.i]
    return next((entity_at(c, at_token) for c in verb.children if c.dep_ in SUBJECT_DEPS), None)


def _initiators(noun: Token, at_token: dict[int, Entity], rule: dict) -> Iterator[Entity | None]:
    """Who the words around an incident's noun say started it (see ``initiated`` in relations.yml)."""
    if noun.pos_ == "VERB":  # an incident a verb names: "deux individus ont cambriolé le magasin", its own
        if noun.lemma_ in rule["agentive"]:  # subject or agent ("la foule rassemblée" is no one's doing)
            yield from (entity_at(t, at_token) for c in noun.children if c.dep_ in {"nsubj", "obl:agent"}
                        for t in conjuncts(c))
        return
    first = noun
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "une grève et une manifestation"
    head = first.head
    for child in noun.children:  # "un festival organisé par l'association X"
        if child.dep_ == "acl" and child.lemma_ in rule["verbs"]:
            yield from (entity_at(c, at_token) for c in child.children if c.dep_ == "obl:agent")
    if head.pos_ == "VERB" and head.lemma_ in rule["verbs"]:
        if first.dep_ == "obj":  # "le syndicat a organisé une grève"
            yield from clause_subjects(first, at_token, passive=False)
            if head.dep_ == "acl:relcl" and head.head.lower_ in rule["clause_antecedents"]:
                yield _clause_incident(head.head.head, at_token)  # "une cuve a explosé, ce qui a provoqué un incendie"
        elif first.dep_ == "nsubj:pass":  # "l'incendie a été provoqué par X"
            yield from (entity_at(c, at_token) for c in head.children if c.dep_ == "obl:agent")
    elif first.dep_ == "nmod" and head.lemma_.lower() in rule["nouns"] \
            and cases(first) & set(rule["links"]):
        yield entity_at(head, at_token)  # "les organisateurs du festival"
