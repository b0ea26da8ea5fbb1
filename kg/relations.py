"""Parsed doc + sentences + entities -> direct relations (formerlyKnownAs, parentOrganization, worksFor, ...)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterator, Sequence
from functools import cache
from typing import TYPE_CHECKING

from kg.data import load_yaml
from kg.mentions import noun_classes
from kg.names import fold
from kg.nlp import SUBJECT_DEPS, normalise, with_lemmas
from kg.places import demonyms
from kg.records import Entity, Fact, Mention, Sentence
from kg.vocab import base_class

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_LOCATIVE_DEPS = {"obl", "obl:mod", "obl:arg", "nmod"}
_PARTICIPANT_DEPS = SUBJECT_DEPS | {"obj", "iobj", "obl", "obl:mod", "obl:arg", "obl:agent"}
# from a phrase up to the clause it belongs to: "une réunion organisée [à Genève]", "née [à Rome]"
_CLIMB_DEPS = _LOCATIVE_DEPS | {"obj", "appos", "acl", "acl:relcl", "parataxis"}
# the sections of relations.yml that are not lists of patterns
_NOT_PATTERNS = {"ends", "listed", "kin", "family", "placed", "members", "interactions", "controls", "initiated"}
_RELATIVES = frozenset({"qui", "lequel", "laquelle", "lesquels", "lesquelles"})
_SLOT = "⟦{}⟧"
_M = r"⟦\d+⟧"
_DANGLING = re.compile(r"(?:\s|^)(?:de|du|des|d'|d’|de la|de l'|chez|à|au|aux)$", re.IGNORECASE)
STORY_PLACE = "inferred place of the story"  # the method of the place an article's lead gives its story
_LIST = re.compile(r"(?:(?:\s*,\s*|\s+et\s+|\s*,\s*et\s+)⟦\d+⟧)+")
# what joins a title to its organisation, written {OF} in relations.yml: "directeur de Netflix",
# "président de l'Association", "chez Meta", "présidente de l'association « Un arbre »", "de la société ABC"
_WORDS = r"[^,;.()«»\"⟦⟧]*?"  # words of a title, up to a punctuation or a mention
_OF = r"\s(?:de\s+la\s|de\s+l'|d'|(?:de|du|des|chez)\s)(?:(?!de\s|du\s|des\s|d')[^\W\d]+\s){0,2}[«\"“]?\s?"


@cache
def _patterns() -> dict[str, list[re.Pattern[str]]]:
    table = load_yaml("relations.yml")
    kin = "(?:" + "|".join(sorted(map(re.escape, table["kin"]), key=len, reverse=True)) + ")"
    return {name: [re.compile(p.replace("{M}", _M).replace("{OF}", _OF).replace("{KIN}", kin), re.IGNORECASE)
                   for p in patterns]
            for name, patterns in table.items() if name not in _NOT_PATTERNS}


@cache
def _titles() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = "|".join(sorted(map(re.escape, load_yaml("titles.yml")["titles"]), key=len, reverse=True))
    # the employer may be followed by its closing quote and its place: "de l'association « X » à Paris"
    employer = rf"(?:{_OF}⟦\d+⟧\s?[»\"”]?(?:\s(?:à|en|au|aux)\s⟦\d+⟧)?"
    after = re.compile(rf"^\s*(?:,\s*(?:l[ea]\s+|l')?|\()(?P<title>(?:{words})\b{_WORDS}{employer}{_WORDS})?)"
                       r"\s*(?=[,;.)]|$)", re.IGNORECASE)
    # before a name, nothing after the employer but a demonym and a comma: "le patron de la CGT Philippe Martinez",
    # "le président de la République italien Sergio Mattarella", "le PDG de la SocGen, Frédéric Oudéa", not "le
    # directeur de Renault a reçu Paul Roy"; after it, between commas or brackets: "Benjamin André (PDG)"
    before = re.compile(rf"(?:^|[\s,(])(?:l[ea]\s+|l'|un\s+|une\s+)?(?P<title>(?:{words})\b{_WORDS}{employer}"
                        rf"(?:\s(?P<adj>[^\W\d]+))?)?)\s*,?\s*$", re.IGNORECASE)
    return after, before


@cache
def _heads() -> frozenset[str]:
    return frozenset(load_yaml("titles.yml")["heads"])


def find_relations(doc: Doc, sentences: Sequence[Sentence], entities: Sequence[Entity]) -> list[Fact]:
    """Return the direct relations stated inside single sentences, job titles and places included."""
    ends, listing = load_yaml("relations.yml")["ends"], load_yaml("relations.yml")["listed"]
    of_mention = {m: e for e in entities for m in e.mentions}
    at_token: dict[int, Entity] = {}
    root: dict[Mention, Token] = {}  # each mention's head word in the parse
    for m, entity in of_mention.items():
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        for token in span or ():
            at_token.setdefault(token.i, entity)
        if span:
            root[m] = span.root
    sentence_at = _BySentence(sentences)
    facts: list[Fact] = [*_placed(doc, sentence_at, of_mention, root, at_token),
                         *_members(sentence_at, of_mention, root, at_token), *_interactions(doc, sentence_at, at_token),
                         *_controls(sentence_at, of_mention, root, at_token),
                         *_kin_and_associates(sentence_at, of_mention, root, at_token),
                         *_initiated(sentence_at, of_mention, root, at_token)]
    named = sorted((m for m in of_mention if m.form not in {"pronoun", "noun"}), key=lambda m: m.start)
    named_starts = [m.start for m in named]
    for sentence in sentences:
        inside = [m for m in named[bisect_left(named_starts, sentence.start) : bisect_left(named_starts, sentence.end)]
                  if m.end <= sentence.end]
        written = _mask(sentence, inside)
        masked = normalise(written)  # the patterns read plain apostrophes: "membre de l’association"
        for name, patterns in _patterns().items():
            for pattern in patterns:
                for match in pattern.finditer(masked):
                    last = "s" if match.end("s") == match.end() else "o"
                    listed = _listed_after(masked, match.end()) if name in listing else []
                    for index in (_index(match[last]), *listed):
                        ends_at = {g: _index(match[g]) for g in ("s", "o")} | {last: index}
                        s, o = (of_mention[inside[ends_at[g]]] for g in ("s", "o"))
                        if s.key != o.key and base_class(s.kind) in ends[name]["s"] \
                                and base_class(o.kind) in ends[name]["o"]:
                            facts.append(_relation(name, s.key, o.key, sentence, f"pattern {name}"))
        facts.extend(_job_titles(sentence, masked, written, inside, of_mention))
        facts.extend(_fronted(sentence, masked, inside, of_mention))
        facts.extend(_nested_places(sentence, inside, of_mention))
    first: dict[tuple, Fact] = {}  # each relation once, as first found
    for fact in facts:
        first.setdefault((fact.kind, fact.roles), fact)
    found = list(first.values())
    found += _through_places(found, {e.key: e for e in entities})
    found += list(_near_incidents(found, entities, sentence_at))
    found += list(_opposed(found, entities, sentence_at))
    return found + list(_story_place(found, entities, sentence_at, _introduced(doc, of_mention)))


def _opposed(facts: Sequence[Fact], entities: Sequence[Entity], sentence_at: _BySentence) -> Iterator[Fact]:
    """"La police ... le cambrioleur": the police and the offenders an article tells of are at odds, said
    in one sentence or not (unless a verb already said so)."""
    rule = load_yaml("relations.yml")["interactions"]["opposed"]
    known = {frozenset(_ends(f)) for f in facts if f.kind == "atOddsWith"}
    sides = [[e for e in entities if any(m.head in rule[side] for m in e.mentions)] for side in ("law", "offenders")]
    for law in sides[0]:
        for other in sides[1]:
            if law.key != other.key and frozenset((law.key, other.key)) not in known:
                first = min((m for e in (law, other) for m in e.mentions), key=lambda m: m.start)
                yield _relation("atOddsWith", law.key, other.key, sentence_at(first.start), "inferred from their roles")


class _BySentence:
    """The sentences of a document, found by a character offset."""

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self.sentences, self._starts = sentences, [s.start for s in sentences]

    def index(self, offset: int) -> int:
        return bisect_right(self._starts, offset) - 1

    def __call__(self, offset: int) -> Sentence:
        return self.sentences[self.index(offset)]


def _ends(fact: Fact) -> tuple[object, object]:
    return fact.values("subject")[0], fact.values("object")[0]


def _near_incidents(facts: Sequence[Fact], entities: Sequence[Entity], sentence_at: _BySentence) -> Iterator[Fact]:
    """"Un incendie s'est déclaré dans une usine à Lyon. [...] Trois ouvriers ont été blessés": the people,
    groups and emergency services a common noun names around an incident placed by the text were where it was."""
    rule = load_yaml("relations.yml")["placed"]["near_incident"]
    by_key = {e.key: e for e in entities}
    where: dict[object, list[Fact]] = {}
    for f in facts:
        if f.kind == "locatedIn" and by_key[str(_ends(f)[0])].kind == "Incident":
            where.setdefault(_ends(f)[0], []).append(f)
    known = {_ends(f) for f in facts if f.kind == "locatedIn"}
    told_in: dict[int, set[str]] = defaultdict(set)  # a sentence -> the people and groups told of in it
    for e in entities:
        there = _is_a(e, rule["classes"]) or any(m.head in rule["services"] for m in e.mentions)
        if there and (rule["named"] or not any(m.form == "name" for m in e.mentions)):
            for m in e.mentions:
                told_in[sentence_at.index(m.start)].add(e.key)
    reach = rule["sentences"]
    for incident, placed in where.items():
        told = {sentence_at.index(m.start) for m in by_key[str(incident)].mentions}
        near = {key for t in told for i in range(t - reach, t + reach + 1) for key in told_in.get(i, ())}
        for key in sorted(near):
            for f in placed:
                place = _ends(f)[1]
                if (key, place) not in known and key != place:
                    known.add((key, place))
                    yield Fact("locatedIn", (("subject", key), ("object", place)), f.sentences, "locatedIn",
                               "inferred place of a nearby incident", is_event=False)


def _introduced(doc: Doc, of_mention: dict[Mention, Entity]) -> set[str]:
    """The named organisations a common noun of nouns.yml introduces: "l'association « X »", "l'usine X"."""
    nouns, rule = noun_classes(), load_yaml("relations.yml")["placed"]["story"]["introduced"]
    found = set()
    for m, entity in of_mention.items():
        if m.form == "name" and base_class(entity.kind) == "Organization" and entity.key not in found:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            before = next((t for t in reversed(doc[max(span.start - 3, 0) : span.start]) if not t.is_punct), None) \
                if span else None
            if before is not None and nouns.get(before.lemma_.lower()) in rule:
                found.add(entity.key)
    return found


def _story_place(facts: Sequence[Fact], entities: Sequence[Entity], sentence_at: _BySentence,
                 introduced: set[str]) -> Iterator[Fact]:
    """"Un incendie s'est déclaré à Lyon. [...] Les pompiers [...] M. X, un voisin, ...": the place an
    article opens with is where its story happens, and the people and things it tells of were there,
    unless the text puts them at another named place; so are the organisations it introduces with a
    common noun ("l'association X"), unlike those it names bare ("l'AFP", "l'Union européenne")."""
    rule = load_yaml("relations.yml")["placed"]["story"]
    places = [(m.start, e) for e in entities if base_class(e.kind) == "Place" and not e.local
              for m in e.mentions if m.form == "name"]
    if not places:
        return
    start, story = min(places, key=lambda p: p[0])
    if sentence_at.index(start) >= rule["sentences"]:
        return  # no place in the lead: no story place
    by_key = {e.key: e for e in entities}
    known = {_ends(f) for f in facts if f.kind == "locatedIn"}
    wider = sorted({story.key} | {o for s, o in known if s == story.key})  # the story's place and what holds it
    around = {*wider, *(s for s, o in known if o == story.key)}
    elsewhere = {s for s, o in known if o not in around and not by_key[str(o)].local}
    for e in entities:
        if e.key == story.key or e.key in elsewhere \
                or not (_is_a(e, rule["local" if e.local else "named"]) or e.key in introduced) \
                or e.local and any(m.head in rule["wide"] for m in e.mentions):
            continue  # "M. X, venu de Paris": placed by the text elsewhere
        for place in wider:
            if (e.key, place) not in known:
                known.add((e.key, place))
                yield Fact("locatedIn", (("subject", e.key), ("object", place)), (sentence_at(e.mentions[0].start),),
                           "locatedIn", STORY_PLACE, is_event=False)


def _through_places(facts: Sequence[Fact], by_key: dict[str, Entity]) -> list[Fact]:
    """"un homme dans l'ambassade" and "l'ambassade des États-Unis": the man is in the United States too,
    and so on up a chain of places ("la rue de Lyon", "Lyon en France")."""
    located = [f for f in facts if f.kind == "locatedIn"]
    known = {_ends(f) for f in located}
    where: dict[object, list[Fact]] = defaultdict(list)  # a thing -> the facts that place it
    for f in located:
        where[_ends(f)[0]].append(f)
    derived: list[Fact] = []
    while located:
        new = []
        for f in located:
            thing, place = _ends(f)
            if base_class(by_key[str(place)].kind) != "Place":
                continue
            for further in where[place]:
                wider = _ends(further)[1]
                if wider != thing and (thing, wider) not in known:
                    known.add((thing, wider))
                    new.append(Fact("locatedIn", (("subject", thing), ("object", wider)),
                                    tuple(dict.fromkeys(f.sentences + further.sentences)), "locatedIn",
                                    "inferred place of a place", is_event=False))
        for f in new:
            where[_ends(f)[0]].append(f)
        derived += new
        located = new  # what the new facts lead to in turn
    return derived


def _members(sentence_at: _BySentence, of_mention: dict[Mention, Entity], root: dict[Mention, Token],
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
                if member is not None and member.key != group.key and _is_a(member, rule["members"]):
                    yield _relation("memberOf", member.key, group.key, sentence_at(m.start), "dependency member")
    for m, member in of_mention.items():
        if not _is_a(member, rule["members"]):
            continue
        noun = root[m]
        if noun.dep_ == "acl:relcl" and any(c.lower_ in rule["among"] for c in noun.children) and m.form != "pronoun":
            group = _entity_at(noun.head, at_token)  # "trois morts, dont une fillette", "dont M. X"
            if group is not None and group.key != member.key and group.kind == "Group":
                yield _relation("memberOf", member.key, group.key, sentence_at(m.start), "dependency member")
        agent = noun.head if noun.dep_ in {"flat:name", "appos"} else noun  # "par [M.] X"
        if agent.dep_ == "obl:agent" and agent.head.lemma_ in rule["led"] and member.kind == "Person":
            verb = agent.head  # "l'association est présidée par M. X", "l'association X, dirigée par Mme Y"
            led = _entity_at(verb.head, at_token) if verb.dep_ == "acl" else next(
                (_entity_at(c, at_token) for c in verb.children if c.dep_ == "nsubj:pass"), None)
            if led is not None and _is_a(led, rule["organisations"]) and not _is_a(led, rule["members"]):
                for name in ("worksFor", "headOf"):
                    yield _relation(name, member.key, led.key, sentence_at(m.start), "dependency member")
        if m.form not in {"noun", "description"}:
            if noun.dep_ not in SUBJECT_DEPS or noun.head.pos_ != "NOUN" or not _predicate(noun.head):
                continue
            noun = noun.head  # "X était la directrice de l'entreprise": what the name is after a copula
        # "les dirigeants" are members, not heads
        head = member.kind == "Person" and noun.lemma_.lower() in _heads()
        owner = head or member.kind == "Person" and noun.lemma_.lower() in rule["owners"]
        for child in noun.children:
            other = _entity_at(child, at_token)  # "de l'association « X »" is X's
            if child.dep_ != "nmod" or other is None or other.key == member.key \
                    or not _cases(child) & set(rule["links"]):
                continue
            sentence = sentence_at(m.start)
            if owner and _is_a(other, rule["controlled"]):
                yield _relation("controls", member.key, other.key, sentence, "dependency member")
            elif _is_a(other, rule["organisations"]) and (noun.lemma_ == "un" or not _is_a(other, rule["members"])):
                for name in ("worksFor", "headOf") if head else ("memberOf",):
                    yield _relation(name, member.key, other.key, sentence, "dependency member")


def _among(group: Token, at_token: dict[int, Entity], rule: dict) -> Iterator[Entity | None]:
    """Who a phrase "parmi les victimes", "au sein de l'équipage" on ``group`` says is one of it: what the
    phrase's noun names ("des blessés parmi les passagers"), else the object of its verb ("huit morts au
    sein de l'équipage", "parmi eux, il y avait X"), else its subject ("ils ont été retrouvés parmi les
    victimes")."""
    case = _cases(group)
    if group.head.lemma_ in rule["within"] and case & set(rule["links"]):
        group = group.head  # "au sein de l'équipage"
    elif not case & set(rule["among_places"]):
        return
    head = group.head
    if head.pos_ == "NOUN" and group.dep_ == "nmod":
        yield _entity_at(head, at_token)
        return
    objects = [c for c in head.children if c.dep_ == "obj" and c.i != group.i]
    subjects = [c for c in head.children if c.dep_ in {"nsubj", "nsubj:pass"} and c.i != group.i]
    for t in objects or subjects:
        yield _entity_at(t, at_token)


@cache
def _interaction_lemmas() -> frozenset[str]:
    return frozenset(_interaction_verbs())


@cache
def _interaction_verbs() -> dict[str, tuple[str, bool]]:
    """Each verb of contact or conflict -> its relation, and whether its object is the other one."""
    table = load_yaml("relations.yml")["interactions"]
    return {verb: (name, kind == "direct") for name in ("inContactWith", "atOddsWith")
            for kind, verbs in table[name].items() for verb in verbs}


def _interactions(doc: Doc, sentence_at: _BySentence, at_token: dict[int, Entity]) -> Iterator[Fact]:
    """"Mme X a appelé les pompiers", "la police a arrêté deux hommes", "X a été agressé par un inconnu": the
    subject and the object of a verb of contact or conflict were in contact, or at odds."""
    rule, verbs = load_yaml("relations.yml")["interactions"], _interaction_verbs()
    for verb in with_lemmas(doc, _interaction_lemmas()):
        name, direct = verbs.get(verb.lemma_, (None, False)) if verb.pos_ == "VERB" else (None, False)
        if name is None:
            continue
        doers, others = [], []  # "X a arrêté Y", "Y a été arrêté par X", "X a parlé à Y"
        for child in verb.children:
            case = _cases(child)
            # "X et Y ont appelé les pompiers": each of a list
            listed = [e for t in _listed(child) if (e := _entity_at(t, at_token)) is not None
                      and _is_a(e, rule["classes"])]
            if child.dep_ in {"nsubj", "obl:agent"}:
                doers += listed
            elif child.dep_ == "nsubj:pass" or child.dep_ in rule["objects"] and (
                    not case if direct else case & set(rule["with"][name])):
                others += listed
        if not doers:  # "les voisins ont décidé d'appeler les pompiers": the subject of the verb it depends on
            doers += [doer for doer in _subjects(verb, at_token, passive=False) if _is_a(doer, rule["classes"])]
        sentence = sentence_at(verb.idx)
        for doer in doers:
            for other in others:
                if doer.key != other.key:
                    yield _relation(name, doer.key, other.key, sentence, f"dependency {verb.lemma_}")


def _kin_and_associates(sentence_at: _BySentence, of_mention: dict[Mention, Entity], root: dict[Mention, Token],
                        at_token: dict[int, Entity]) -> Iterator[Fact]:
    """"il a appelé sa femme", "le père de l'enfant": a person a kin noun names is a relative of the subject
    of its clause after a possessive, or of the person after "de"; "sa famille", "ses hommes", "ses
    collègues": the subject is a member of the group, has the men in hand, is in contact with colleagues."""
    table = load_yaml("relations.yml")
    kin, rule = set(table["kin"]), table["family"]
    associates = {noun: name for name, nouns in rule["associates"].items() for noun in nouns}
    for m, relative in of_mention.items():
        if m.form not in {"noun", "description"} or not _is_a(relative, ["Person", "Group"]):
            continue
        noun = root[m]
        lemma = noun.lemma_.lower()
        possessive = _possessive(noun)
        if lemma in associates:
            if possessive is not None:  # "il a réuni ses collègues", "les policiers et leur chef"
                name = associates[lemma]
                for owner in _subjects(noun, at_token, "Plur" if possessive.lower_ in rule["plural"] else "Sing"):
                    if owner.key != relative.key and _is_a(owner, rule["owners"][name]):
                        yield _relation(name, owner.key, relative.key, sentence_at(m.start), "dependency associate")
            continue
        if lemma not in kin or relative.kind != "Person":
            continue
        mine = possessive is not None and possessive.lower_ in rule["possessives"]
        others = [_subject(noun, at_token, "Sing")] if mine else []
        others += [_entity_at(c, at_token) for c in noun.children if c.dep_ == "nmod"
                   and _cases(c) & set(rule["links"])]
        for other in others:
            if other is not None and other.kind == "Person" and other.key != relative.key:
                yield _relation("relativeOf", relative.key, other.key, sentence_at(m.start), "dependency kin")


def _controls(sentence_at: _BySentence, of_mention: dict[Mention, Entity], root: dict[Mention, Token],
              at_token: dict[int, Entity]) -> Iterator[Fact]:
    """"les manifestants brandissaient des pancartes", "la voiture de M. X", "il a saisi son portable",
    "armés de couteaux": who has, carries, drives or uses an object a common noun names."""
    rule = load_yaml("relations.yml")["controls"]
    for m, thing in of_mention.items():
        if m.form == "pronoun" or not _is_a(thing, rule["objects"]):
            continue
        noun = root[m]
        for holder in _holders(noun, at_token, rule, noun.lemma_.lower() in rule["works"]):
            if holder is not None and holder.key != thing.key and _is_a(holder, rule["holders"]):
                yield _relation("controls", holder.key, thing.key, sentence_at(m.start), "dependency holder")


def _holders(noun: Token, at_token: dict[int, Entity], rule: dict, work: bool) -> Iterator[Entity | None]:
    """Who the words around an object's noun say has it (see ``controls`` in relations.yml); the owner
    after "de" not for a ``work``, whose "de" is as often its author."""
    first = noun
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "des bouteilles et des gourdins": the list's first says what the others are
    head, case = first.head, _cases(noun) | _cases(first)
    for child in noun.children:
        if child.dep_ == "nmod" and not work and _cases(child) & set(rule["links"]):
            yield _entity_at(child, at_token)  # "la voiture de M. X"
        elif child.dep_ == "acl" and child.pos_ == "VERB" and child.lemma_ not in rule["unheld"]:
            # "la voiture conduite par X"
            yield from (_entity_at(c, at_token) for c in child.children if c.dep_ == "obl:agent")
    possessive = _possessive(noun)
    equipped = case & set(rule["links"]) and (head.lemma_ in rule["equipped"] or any(
        c.dep_ in {"amod", "acl"} and c.lemma_ in rule["equipped"] for c in head.children))
    if possessive is not None:  # "il a saisi son portable", "les enfants ... leurs chapeaux"
        yield from _subjects(first, at_token, "Plur" if possessive.lower_ in rule["plural"] else "Sing")
    elif equipped and _entity_at(head, at_token) is not None:
        yield _entity_at(head, at_token)  # "les doctorants munis de badges"
    elif equipped or case & set(rule["with"]) or case & set(rule["links"]) and head.lemma_ in rule["instruments"]:
        yield from _subjects(first, at_token)  # "armés de couteaux, les riverains", "avec des pancartes"
    elif head.pos_ == "VERB" and head.lemma_ not in rule["unheld"] and first.dep_ in {"obj", "nsubj:pass"}:
        # "X a brandi une pancarte", "la voiture a été volée par X", "X a offert des livres aux écoliers"
        yield from _subjects(first, at_token, passive=False) if first.dep_ == "obj" else ()
        yield from (_entity_at(c, at_token) for c in head.children if c.dep_ == "obl:agent"
                    or head.lemma_ in rule["giving"] and first.dep_ == "obj" and c.dep_ in {"iobj", "obl", "obl:arg"}
                    and _cases(c) & set(rule["recipients"]))


def _initiated(sentence_at: _BySentence, of_mention: dict[Mention, Entity], root: dict[Mention, Token],
               at_token: dict[int, Entity]) -> Iterator[Fact]:
    """"le syndicat a organisé une grève", "un festival organisé par X", "l'explosion a provoqué un incendie",
    "les organisateurs du festival": who or what started, organised or caused an incident."""
    rule = load_yaml("relations.yml")["initiated"]
    for m, incident in of_mention.items():
        if m.form == "pronoun" or not _is_a(incident, rule["incidents"]):
            continue
        for agent in _initiators(root[m], at_token, rule):
            if agent is not None and agent.key != incident.key and _is_a(agent, rule["agents"]):
                yield _relation("initiated", agent.key, incident.key, sentence_at(m.start), "dependency initiator")
        for effect in _consequences(root[m], at_token, rule):
            if effect is not None and effect.key != incident.key and _is_a(effect, rule["incidents"]):
                yield _relation("initiated", incident.key, effect.key, sentence_at(m.start), "dependency cause")


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
            yield from (_entity_at(c, at_token) for c in child.children if c.dep_ == "obl:agent")



def _clause_incident(verb: Token, at_token: dict[int, Entity]) -> Entity | None:
    """The incident a clause tells of: the verb's own ("l'usine a pris feu"), else its subject's ("l'incendie
    s'est déclaré")."""
    if verb.i in at_token:
        return at_token[verb.i]
    return next((_entity_at(c, at_token) for c in verb.children if c.dep_ in SUBJECT_DEPS), None)


def _initiators(noun: Token, at_token: dict[int, Entity], rule: dict) -> Iterator[Entity | None]:
    """Who the words around an incident's noun say started it (see ``initiated`` in relations.yml)."""
    if noun.pos_ == "VERB":  # an incident a verb names: "deux individus ont cambriolé le magasin", its own
        if noun.lemma_ in rule["agentive"]:  # subject or agent ("la foule rassemblée" is no one's doing)
            yield from (_entity_at(t, at_token) for c in noun.children if c.dep_ in {"nsubj", "obl:agent"}
                        for t in _listed(c))
        return
    first = noun
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "une grève et une manifestation"
    head = first.head
    for child in noun.children:  # "un festival organisé par l'association X"
        if child.dep_ == "acl" and child.lemma_ in rule["verbs"]:
            yield from (_entity_at(c, at_token) for c in child.children if c.dep_ == "obl:agent")
    if head.pos_ == "VERB" and head.lemma_ in rule["verbs"]:
        if first.dep_ == "obj":  # "le syndicat a organisé une grève"
            yield from _subjects(first, at_token, passive=False)
            if head.dep_ == "acl:relcl" and head.head.lower_ in rule["clause_antecedents"]:
                yield _clause_incident(head.head.head, at_token)  # "une cuve a explosé, ce qui a provoqué un incendie"
        elif first.dep_ == "nsubj:pass":  # "l'incendie a été provoqué par X"
            yield from (_entity_at(c, at_token) for c in head.children if c.dep_ == "obl:agent")
    elif first.dep_ == "nmod" and head.lemma_.lower() in rule["nouns"] \
            and _cases(first) & set(rule["links"]):
        yield _entity_at(head, at_token)  # "les organisateurs du festival"


def _subject(token: Token, at_token: dict[int, Entity], number: str | None = None,
             passive: bool = True) -> Entity | None:
    """The entity that is the subject of ``token``'s clause, or of the clause it depends on ("en tenant
    des banderoles"), of ``number`` when given; not the subject of a passive unless ``passive``."""
    return next(_subjects(token, at_token, number, passive), None)


def _subjects(token: Token, at_token: dict[int, Entity], number: str | None = None,
              passive: bool = True) -> Iterator[Entity]:
    """The entities ``_subject`` finds, each of a list of subjects: "les enfants et les adolescents"."""
    for _ in range(3):
        verb = token.doc[_clause(token)[0]]
        own = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        subject = _subject_of(verb)
        if subject is not None:
            said = subject.morph.get("Number")
            listed = number == "Plur" and any(c.dep_ == "conj" for c in subject.children)  # "X et Y ... leurs"
            if (passive or own.dep_ != "nsubj:pass") and (number is None or not said or number in said or listed):
                for t in (subject,) if number == "Sing" else _listed(subject):  # "son téléphone" is one's
                    entity = _entity_at(t, at_token)
                    if entity is not None:
                        yield entity
            return
        if verb.dep_ not in {"conj", "xcomp", "advcl", "acl"} or verb.head.i == verb.i:
            return
        token = verb.head


def _subject_of(verb: Token) -> Token | None:
    """The subject of ``verb``; for a relative pronoun, what it stands for: "un incendie [qui] s'est
    déclaré dans un appartement", "M. X, [qui] vit à Lyon"."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is not None and subject.pos_ == "PRON" and subject.lemma_ in _RELATIVES and verb.dep_ == "acl:relcl":
        return verb.head
    return subject


def _placed(doc: Doc, sentence_at: _BySentence, of_mention: dict[Mention, Entity], root: dict[Mention, Token],
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
        verb = _clause(doc[i])[0] if entity.local else _participant_of(doc[i])
        source = _cases(doc[i]) & set(rule["sources"])
        if verb is not None and not source and entity not in in_clause[verb] \
                and _is_a(entity, rule["participants"]["local" if entity.local else "named"]):
            in_clause[verb].append(entity)
    for m, place in of_mention.items():
        if m.form == "pronoun" or base_class(place.kind) != "Place":
            continue
        phrase = root[m]
        event = at_token.get(phrase.head.i)
        if phrase.dep_ in SUBJECT_DEPS and place.local and event is not None and event.kind == "Incident" \
                and event.key != place.key:
            # "les bureaux ont pris feu", "la maison a été cambriolée": the incident a verb names is at its subject
            yield _relation("locatedIn", event.key, place.key, sentence_at(m.start), "dependency place")
            continue
        case = _cases(phrase)
        dative = case & set(rule["dative"]) and place.kind in rule["dative"][next(iter(case & set(rule["dative"])))]
        if phrase.dep_ not in _LOCATIVE_DEPS or dative:
            continue
        sentence = sentence_at(m.start)
        if case & set(rule["complements"]):
            owner = _entity_at(phrase.head, at_token)
            if owner is not None and owner.key != place.key and _is_a(owner, rule["complemented"]):
                yield _relation("locatedIn", owner.key, place.key, sentence, "dependency place")
            continue
        if not case & set(rule["prepositions"]) and not (m.form != "name" and case & set(rule["noun_prepositions"])):
            continue
        found = _holder(phrase.head, at_token, rule)
        if found is not None and found[0].key != place.key:
            yield _relation(found[1], found[0].key, place.key, sentence, "dependency place")
        verb, nouns = _clause(phrase.head)
        if nouns > 1:
            continue  # the place is a noun's: "défend le retour à une production en France"
        there = list(in_clause.get(verb, ()))
        if doc[verb].dep_ == "conj" and not any(c.dep_ in SUBJECT_DEPS for c in doc[verb].children):
            # "les secours sont arrivés et l'ont conduit à l'hôpital": the subject the verbs share
            there += [shared for shared in _subjects(doc[verb], at_token)
                      if _is_a(shared, rule["participants"]["local" if shared.local else "named"])]
        for entity in there:
            if entity.key != place.key and (found is None or entity.key != found[0].key):
                yield _relation("locatedIn", entity.key, place.key, sentence, "dependency place of the clause")


def _cases(token: Token) -> set[str]:
    """The prepositions of ``token``'s phrase, in lower case: {"de"} for "de l'association"."""
    return {c.lower_ for c in token.children if c.dep_ == "case"}


def _possessive(noun: Token) -> Token | None:
    """The possessive determiner of ``noun``: "son" in "son portable"."""
    return next((c for c in noun.children if c.dep_ == "det" and "Yes" in c.morph.get("Poss")), None)


def _listed(token: Token) -> tuple[Token, ...]:
    """``token`` and the others of its list: "les enfants et les adolescents"."""
    return (token, *(c for c in token.children if c.dep_ == "conj"))


def _is_a(entity: Entity, classes: Sequence[str]) -> bool:
    """Whether the entity's class or the contract class above it is one of ``classes``."""
    return entity.kind in classes or base_class(entity.kind) in classes


def _participant_of(token: Token) -> int | None:
    """The predicate ``token`` is the subject, object or complement of, itself, in a list ("X et Y ont été
    arrêtés") or after a title ("[Madame] X a été arrêtée"); not a noun's complement ("le fils [de X] a été
    arrêté")."""
    while token.dep_ in {"conj", "appos", "flat:name"} and token.head.i != token.i:
        token = token.head
    if token.dep_ in _PARTICIPANT_DEPS and _predicate(token.head):
        return token.head.i
    return None


def _clause(token: Token) -> tuple[int, int]:
    """The predicate whose clause ``token`` is in (the sentence's root when none is), and the common nouns on the way."""
    nouns = 0
    while not _predicate(token) and token.head.i != token.i:
        nouns += token.pos_ == "NOUN"
        token = token.head
    return token.i, nouns


def _predicate(token: Token) -> bool:
    """A verb, or a noun or an adjective after a copula, which the parse makes the clause's head: "X a été
    [victime] d'un accident à Nantes"."""
    return token.pos_ in {"VERB", "AUX"} or any(c.dep_ == "cop" for c in token.children)


@cache
def _fronted_pattern() -> re.Pattern[str]:
    return re.compile(load_yaml("relations.yml")["placed"]["fronted"]["pattern"].replace("{M}", _M), re.IGNORECASE)


def _fronted(sentence: Sentence, masked: str, inside: Sequence[Mention],
             of_mention: dict[Mention, Entity]) -> Iterator[Fact]:
    """"Le 26 juin 2001, au Népal, M. X ...": a place fronted at the start of the sentence places the person after it."""
    classes = load_yaml("relations.yml")["placed"]["fronted"]["classes"]
    found = _fronted_pattern().match(masked.strip())
    if found is not None:
        holder, place = (of_mention[inside[_index(found[g])]] for g in ("s", "o"))
        if base_class(place.kind) == "Place" and base_class(holder.kind) in classes and holder.key != place.key:
            yield _relation("locatedIn", holder.key, place.key, sentence, "pattern fronted place")


def _holder(token: Token, at_token: dict[int, Entity], rule: dict) -> tuple[Entity, str] | None:
    """The entity a locative phrase attached to ``token`` places, and how: the name itself, else the
    subject of the clause, climbing from a common noun to its predicate ("victime d'un accident [à Nantes]")."""
    verb, nouns = None, 0
    for step in range(4):
        # not "a vécu un cauchemar à Paris"; a date the parse takes for an object does not count ("née le 29/08/1974")
        if verb is None and not any(c.dep_ == "obj" and not c.text[:1].isdigit() for c in token.children):
            verb = rule["verbs"].get(token.lemma_)
        entity = _entity_at(token, at_token)
        if entity is not None:  # an organisation or a place only when the phrase is on its very name
            ok = _is_a(entity, rule["attached" if step == 0 else "subjects"])
            return (entity, verb if verb and entity.kind == "Person" else "locatedIn") if ok else None
        subject = _subject_of(token)
        if subject is not None:
            entity = _entity_at(subject, at_token)
            ok = entity is not None and _is_a(entity, rule["subjects"])
            return (entity, verb if verb and entity.kind == "Person" else "locatedIn") if ok else None
        nouns += token.pos_ == "NOUN"
        if token.dep_ not in _CLIMB_DEPS or token.head.i == token.i or nouns > 1:
            return None  # past one common noun the place is the noun's: "défend le retour à une production en France"
        token = token.head
    return None


def _entity_at(token: Token, at_token: dict[int, Entity]) -> Entity | None:
    """The entity named at ``token``, or by the name it heads ("Madame" heads "Ibrahim Allisone")."""
    for t in (token, *(c for c in token.children if c.dep_ in {"flat:name", "appos"})):
        if t.i in at_token:
            return at_token[t.i]
    return None


def _nested_places(sentence: Sentence, inside: Sequence[Mention],
                   of_mention: dict[Mention, Entity]) -> Iterator[Fact]:
    """"le tribunal de Paris": a place named inside an organisation's name is where it is."""
    for outer in inside:
        for inner in inside:
            org, place = of_mention[outer], of_mention[inner]
            if outer is not inner and outer.start <= inner.start and inner.end <= outer.end \
                    and base_class(org.kind) == "Organization" and base_class(place.kind) == "Place" \
                    and org.key != place.key:
                yield _relation("locatedIn", org.key, place.key, sentence, "pattern nested place")


def _mask(sentence: Sentence, mentions: Sequence[Mention]) -> str:
    """The sentence with each mention a placeholder, for the patterns."""
    parts, at = [], sentence.start
    for i, m in enumerate(mentions):
        if m.start < at or (m.form == "description" and m.cue == "context" and _introduces(m, mentions)):
            continue
        parts.append(sentence.text[at - sentence.start : m.start - sentence.start])
        parts.append(_SLOT.format(i))
        at = m.end
    parts.append(sentence.text[at - sentence.start :])
    return "".join(parts)


def _introduces(m: Mention, mentions: Sequence[Mention]) -> bool:
    """"le secrétaire d'État américain" before "Mike Pompeo" is part of a title, not a mention."""
    return any(n.form == "name" and 0 <= n.start - m.end < 60 for n in mentions)


def _listed_after(masked: str, end: int) -> list[int]:
    """The mentions listed right after a pattern's last one: "maison mère de ⟦1⟧ et ⟦2⟧", "⟦1⟧, ⟦2⟧ et ⟦3⟧"."""
    found = _LIST.match(masked, end)
    return [_index(p) for p in re.findall(_M, found[0])] if found else []


def _index(placeholder: str) -> int:
    return int(placeholder.strip("⟦⟧"))


def _title_word(label: str) -> bool:
    return fold(label.split()[0]) in _folded_titles()


@cache
def _folded_titles() -> frozenset[str]:
    return frozenset(fold(t) for t in load_yaml("titles.yml")["titles"])


def _relation(name: str, subject: object, obj: object, sentence: Sentence, method: str) -> Fact:
    return Fact(name, (("subject", subject), ("object", obj)), (sentence,), name, method, is_event=False)


def _job_titles(sentence: Sentence, masked: str, written: str, inside: Sequence[Mention],
                of_mention: dict[Mention, Entity]) -> Iterator[Fact]:
    """A person's job title and employer, matched on ``masked`` and taken as ``written`` (the same text
    before its apostrophes were made plain): "M. X, secrétaire d’État américain"."""
    after, before = _titles()
    for i, m in enumerate(inside):
        person = of_mention[m]
        if m.form != "name" or base_class(person.kind) != "Person" or _title_word(person.label):
            continue  # "le président du Sénat" taken for a name holds no title
        slot = _SLOT.format(i)
        if slot not in masked:
            continue  # a name inside another ("Paris" in "le tribunal de Paris") has no title of its own
        at = masked.index(slot)
        for found, offset in ((after.match(masked[at + len(slot) :]), at + len(slot)), (before.search(masked[:at]), 0)):
            if found is None or found.groupdict().get("adj") and fold(found["adj"]) not in demonyms():
                continue
            title = found["title"]
            cut = written[offset + found.start("title") :][: len(re.split(_OF + "⟦", title)[0])]
            text = re.sub(_M, lambda p: inside[_index(p[0])].text, cut).strip()
            if _DANGLING.search(text):
                continue  # "le Premier ministre de ⟦Hollande⟧": the name is the title's complement, not its holder
            for j in map(_index, re.findall(_M, title)):
                employer = of_mention[inside[j]]
                if base_class(employer.kind) in {"Organization", "Product"}:
                    yield _relation("worksFor", person.key, employer.key, sentence, "pattern title")
                    if text.lower() in _heads():
                        yield _relation("headOf", person.key, employer.key, sentence, "pattern title")
            if text:
                yield _relation("jobTitle", person.key, text, sentence, "pattern title")
