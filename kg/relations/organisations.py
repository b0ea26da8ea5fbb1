"""Organisations and groups: who is a member, employee or head of one (memberOf, worksFor, headOf) from the parse."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kg.data import load_yaml
from kg.frames import status
from kg.names import fold
from kg.nlp import SUBJECT_DEPS, with_lemmas
from kg.records import Entity, Fact, Mention
from kg.relations.base import BySentence, cases, conjuncts, entity_at, is_a, is_predicate, relation, subject_of
from kg.titles import head_titles, owning_titles
from kg.vocab import base_class

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def members(sentence_at: BySentence, of_mention: dict[Mention, Entity], root: dict[Mention, Token],
            at_token: dict[int, Entity]) -> Iterator[Fact]:
    """"les membres de l'association", "le directeur de la préfecture": a person or a group a common noun
    names belongs to the organisation its complement names ("l'un des manifestants": to the group), and heads
    it when the noun is a head's title, also after a copula ("X était le directeur de la préfecture") or as
    the agent of a verb of leading ("la préfecture est dirigée par X"); "le directeur de l'usine", "le chef
    du gang": a head or an owner has the place or the group in hand. One of a group: "trois morts, dont une
    fillette", "X était parmi les victimes", "huit morts au sein de l'équipage"."""
    rule = load_yaml("relations.yml")["members"]
    for m, group in of_mention.items():
        if group.kind == "Group":
            for member in _among(root[m], at_token, rule):
                if member is not None and member.key != group.key and is_a(member, rule["members"]):
                    yield relation("memberOf", member.key, group.key, sentence_at(m.start), "dependency member")
    for m, member in of_mention.items():
        if not is_a(member, rule["members"]):
            continue
        noun = root[m]
        if noun.dep_ == "acl:relcl" and any(c.lower_ in rule["among"] for c in noun.children) and m.form != "pronoun":
            group = entity_at(noun.head, at_token)  # "trois morts, dont une fillette", "dont M. X"
            if group is not None and group.key != member.key and group.kind == "Group":
                yield relation("memberOf", member.key, group.key, sentence_at(m.start), "dependency member")
        agent = noun.head if noun.dep_ in {"flat:name", "appos"} else noun  # "par [M.] X"
        if agent.dep_ == "obl:agent" and agent.head.lemma_ in rule["led"] and member.kind == "Person":
            verb = agent.head  # "l'association est présidée par M. X", "l'association X, dirigée par Mme Y"
            led = entity_at(verb.head, at_token) if verb.dep_ == "acl" else next(
                (entity_at(c, at_token) for c in verb.children if c.dep_ == "nsubj:pass"), None)
            if led is not None and is_a(led, rule["organisations"]) and not is_a(led, rule["members"]):
                for name in ("worksFor", "headOf"):
                    yield relation(name, member.key, led.key, sentence_at(m.start), "dependency member")
        if m.form not in {"noun", "description"}:
            if noun.dep_ not in SUBJECT_DEPS or noun.head.pos_ != "NOUN" or not is_predicate(noun.head):
                continue
            noun = noun.head  # "X était la directrice de l'entreprise": what the name is after a copula
        # "les dirigeants" are members, not heads; a person or an organisation the text never names ("le chef de
        # la police", "le président de l'association des joueurs") is no one a reader can look up: no worksFor
        # nor headOf
        head = member.kind == "Person" and noun.lemma_.lower() in head_titles()
        owner = head or member.kind == "Person" and noun.lemma_.lower() in rule["owners"]
        for child in noun.children:
            other = entity_at(child, at_token)  # "de l'association « X »" is X's
            if child.dep_ != "nmod" or other is None or other.key == member.key \
                    or not cases(child) & set(rule["links"]):
                continue
            sentence = sentence_at(m.start)
            if owner and is_a(other, rule["controlled"]):
                yield relation("controls", member.key, other.key, sentence, "dependency member")
            elif is_a(other, rule["organisations"]) and (noun.lemma_ == "un" or not is_a(other, rule["members"])) \
                    and fold(noun.lemma_) not in owning_titles():  # "le propriétaire de X" owns it
                for name in (("worksFor", "headOf") if _named(member) and _named(other) else ()) if head else (
                        "memberOf",):
                    yield relation(name, member.key, other.key, sentence, "dependency member")


def subsidiaries(sentence_at: BySentence, of_mention: dict[Mention, Entity], root: dict[Mention, Token],
                 at_token: dict[int, Entity]) -> Iterator[Fact]:
    """"La filiale d'Alphabet avait porté plainte": what the description refers back to is a subsidiary of the
    organisation after its "de" (the description itself never is that organisation: kg/entities.py)."""
    rule = load_yaml("relations.yml")["subsidiaries"]
    for m, subsidiary in of_mention.items():
        if m.form != "description" or m.head not in rule["nouns"] or not _named(subsidiary) or m not in root:
            continue
        for child in root[m].children:
            parent = entity_at(child, at_token)
            if child.dep_ == "nmod" and cases(child) & set(rule["links"]) and parent is not None \
                    and parent.key != subsidiary.key and base_class(parent.kind) == "Organization":
                yield relation("parentOrganization", subsidiary.key, parent.key, sentence_at(m.start),
                               "dependency subsidiary")


def leaders(doc: Doc, sentence_at: BySentence, at_token: dict[int, Entity]) -> Iterator[Fact]:
    """"X dirige Tesla et SpaceX", "Y, qui préside le groupe": the person a verb of leading has for subject
    works for and heads each organisation it names for object (its passive is read by ``members``)."""
    rule = load_yaml("relations.yml")["members"]
    for verb in with_lemmas(doc, frozenset(rule["led"])):
        subject = subject_of(verb) if verb.pos_ == "VERB" and status(verb) == "asserted" else None
        if subject is None:
            continue  # "X n'a jamais dirigé Y", "X dirigera Y"
        heads = [e for t in conjuncts(subject) if (e := entity_at(t, at_token)) is not None and e.kind == "Person"
                 and _named(e)]
        led = [e for c in verb.children if c.dep_ == "obj" for t in conjuncts(c)
               if (e := _described(t, at_token)) is not None and is_a(e, rule["organisations"])
               and not is_a(e, rule["members"]) and _named(e)]  # not "X a dirigé une société de conseil"
        for person in heads:
            for organisation in led:
                for name in ("worksFor", "headOf"):
                    yield relation(name, person.key, organisation.key, sentence_at(verb.idx), f"dependency {verb.lemma_}")


def _described(token: Token, at_token: dict[int, Entity]) -> Entity | None:
    """The entity named at ``token`` or right after the noun that says what it is: "le groupe Renault"."""
    return entity_at(token, at_token) or next(
        (entity_at(c, at_token) for c in token.children if c.dep_ == "nmod" and c.pos_ == "PROPN" and not cases(c)
         and c.i == token.i + 1), None)


def _named(entity: Entity) -> bool:
    return any(m.form == "name" for m in entity.mentions)


def _among(group: Token, at_token: dict[int, Entity], rule: dict) -> Iterator[Entity | None]:
    """Who a phrase "parmi les victimes", "au sein de l'équipage" on ``group`` says is one of it: what the
    phrase's noun names ("des blessés parmi les passagers"), else the object of its verb ("huit morts au
    sein de l'équipage", "parmi eux, il y avait X"), else its subject ("ils ont été retrouvés parmi les
    victimes")."""
    case = cases(group)
    if group.head.lemma_ in rule["within"] and case & set(rule["links"]):
        group = group.head  # "au sein de l'équipage"
    elif not case & set(rule["among_places"]):
        return
    head = group.head
    if head.pos_ == "NOUN" and group.dep_ == "nmod":
        yield entity_at(head, at_token)
        return
    objects = [c for c in head.children if c.dep_ == "obj" and c.i != group.i]
    subjects = [c for c in head.children if c.dep_ in {"nsubj", "nsubj:pass"} and c.i != group.i]
    for t in objects or subjects:
        yield entity_at(t, at_token)
