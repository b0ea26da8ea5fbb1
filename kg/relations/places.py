"""Places a sentence gives (locatedIn, birth place, home): locative phrases, a fronted place, a name inside a name."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from functools import cache
from typing import TYPE_CHECKING

from kg.data import load_yaml
from kg.nlp import SUBJECT_DEPS
from kg.records import Entity, Fact, Mention, Sentence
from kg.relations.base import (
    BySentence,
    cases,
    clause_of,
    clause_subjects,
    entity_at,
    is_a,
    is_predicate,
    relation,
    subject_of,
)
from kg.relations.patterns import MENTION, slot_index
from kg.vocab import base_class

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_LOCATIVE_DEPS = {"obl", "obl:mod", "obl:arg", "nmod"}
_PARTICIPANT_DEPS = SUBJECT_DEPS | {"obj", "iobj", "obl", "obl:mod", "obl:arg", "obl:agent"}
# from a phrase up to the clause it belongs to: "une réunion organisée [à Genève]", "née [à Rome]"
_CLIMB_DEPS = _LOCATIVE_DEPS | {"obj", "appos", "acl", "acl:relcl", "parataxis"}


def placed(doc: Doc, sentence_at: BySentence, of_mention: dict[Mention, Entity], root: dict[Mention, Token],
           at_token: dict[int, Entity]) -> Iterator[Fact]:
    """"l'association X à New York", "Kampala en Ouganda", "M. X a eu un accident à Nantes": the entity a
    locative phrase naming a place attaches to, or the person who is the subject of its clause, is there;
    "née à Rome", "résidant à Paris": a verb on the way makes it a birth place or a home. The people,
    groups and incidents of the clause are there too ("la police a arrêté deux hommes dans la rue"), and a
    place's own complement says where it is ("l'ambassade des États-Unis", "les habitants du quartier")."""
    rule = load_yaml("relations.yml")["placed"]
    in_clause: dict[int, list[Entity]] = defaultdict(list)  # a verb -> the people, groups, incidents it has
    for i, entity in at_token.items():
        # what a common noun names is there wherever it hangs in the clause ("les victimes de l'accident ont
        # été conduites à l'hôpital"); a named person only as the verb's own ("le fils de X" is not X)
        verb = clause_of(doc[i])[0] if entity.local else _participant_of(doc[i])
        source = cases(doc[i]) & set(rule["sources"])
        if verb is not None and not source and entity not in in_clause[verb] \
                and is_a(entity, rule["participants"]["local" if entity.local else "named"]):
            in_clause[verb].append(entity)
    for m, place in of_mention.items():
        if m.form == "pronoun" or base_class(place.kind) != "Place":
            continue
        phrase = root[m]
        event = at_token.get(phrase.head.i)
        if phrase.dep_ in SUBJECT_DEPS and place.local and event is not None and event.kind == "Incident" \
                and event.key != place.key:
            # "les bureaux ont pris feu", "la maison a été cambriolée": the incident a verb names is at its subject
            yield relation("locatedIn", event.key, place.key, sentence_at(m.start), "dependency place")
            continue
        case = cases(phrase)
        dative = case & set(rule["dative"]) and place.kind in rule["dative"][next(iter(case & set(rule["dative"])))]
        if phrase.dep_ not in _LOCATIVE_DEPS or dative:
            continue
        sentence = sentence_at(m.start)
        if case & set(rule["complements"]):
            owner = entity_at(phrase.head, at_token)
            if owner is not None and owner.key != place.key and is_a(owner, rule["complemented"]):
                yield relation("locatedIn", owner.key, place.key, sentence, "dependency place")
            continue
        if not case & set(rule["prepositions"]) and not (m.form != "name" and case & set(rule["noun_prepositions"])):
            continue
        found = _holder(phrase.head, at_token, rule)
        if found is not None and found[0].key != place.key:
            yield relation(found[1], found[0].key, place.key, sentence, "dependency place")
        verb, nouns = clause_of(phrase.head)
        if nouns > 1:
            continue  # the place is a noun's: "défend le retour à une production en France"
        there = list(in_clause.get(verb, ()))
        if doc[verb].dep_ == "conj" and not any(c.dep_ in SUBJECT_DEPS for c in doc[verb].children):
            # "les secours sont arrivés et l'ont conduit à l'hôpital": the subject the verbs share
            there += [shared for shared in clause_subjects(doc[verb], at_token)
                      if is_a(shared, rule["participants"]["local" if shared.local else "named"])]
        for entity in there:
            if entity.key != place.key and (found is None or entity.key != found[0].key):
                yield relation("locatedIn", entity.key, place.key, sentence, "dependency place of the clause")


def _participant_of(token: Token) -> int | None:
    """The predicate ``token`` is the subject, object or complement of, itself, in a list ("X et Y ont été
    arrêtés") or after a title ("[Madame] X a été arrêtée"); not a noun's complement ("le fils [de X] a été
    arrêté")."""
    while token.dep_ in {"conj", "appos", "flat:name"} and token.head.i != token.i:
        token = token.head
    if token.dep_ in _PARTICIPANT_DEPS and is_predicate(token.head):
        return token.head.i
    return None


def _holder(token: Token, at_token: dict[int, Entity], rule: dict) -> tuple[Entity, str] | None:
    """The entity a locative phrase attached to ``token`` places, and how: the name itself, else the
    subject of the clause, climbing from a common noun to its predicate ("victime d'un accident [à Nantes]")."""
    verb, nouns = None, 0
    for step in range(4):
        # not "a vécu un cauchemar à Paris"; a date the parse takes for an object does not count ("née le 29/08/1974")
        if verb is None and not any(c.dep_ == "obj" and not c.text[:1].isdigit() for c in token.children):
            verb = rule["verbs"].get(token.lemma_)
        entity = entity_at(token, at_token)
        if entity is not None:  # an organisation or a place only when the phrase is on its very name
            ok = is_a(entity, rule["attached" if step == 0 else "subjects"])
            return (entity, verb if verb and entity.kind == "Person" else "locatedIn") if ok else None
        subject = subject_of(token)
        if subject is not None:
            entity = entity_at(subject, at_token)
            ok = entity is not None and is_a(entity, rule["subjects"])
            return (entity, verb if verb and entity.kind == "Person" else "locatedIn") if ok else None
        nouns += token.pos_ == "NOUN"
        if token.dep_ not in _CLIMB_DEPS or token.head.i == token.i or nouns > 1:
            return None  # past one common noun the place is the noun's: "défend le retour à une production en France"
        token = token.head
    return None


@cache
def _fronted_pattern() -> re.Pattern[str]:
    return re.compile(load_yaml("relations.yml")["placed"]["fronted"]["pattern"].replace("{M}", MENTION), re.IGNORECASE)


def fronted(sentence: Sentence, masked: str, inside: Sequence[Mention],
            of_mention: dict[Mention, Entity]) -> Iterator[Fact]:
    """"Le 26 juin 2001, au Népal, M. X ...": a place fronted at the start of the sentence places the person after it."""
    classes = load_yaml("relations.yml")["placed"]["fronted"]["classes"]
    found = _fronted_pattern().match(masked.strip())
    if found is not None:
        holder, place = (of_mention[inside[slot_index(found[g])]] for g in ("s", "o"))
        if base_class(place.kind) == "Place" and base_class(holder.kind) in classes and holder.key != place.key:
            yield relation("locatedIn", holder.key, place.key, sentence, "pattern fronted place")


def nested_places(sentence: Sentence, inside: Sequence[Mention],
                  of_mention: dict[Mention, Entity]) -> Iterator[Fact]:
    """"le tribunal de Paris": a place named inside an organisation's name is where it is."""
    for outer in inside:
        for inner in inside:
            org, place = of_mention[outer], of_mention[inner]
            if outer is not inner and outer.start <= inner.start and inner.end <= outer.end \
                    and base_class(org.kind) == "Organization" and base_class(place.kind) == "Place" \
                    and org.key != place.key:
                yield relation("locatedIn", org.key, place.key, sentence, "pattern nested place")
