"""Relations inferred from those found and from the entities' roles: places up a chain of places, near an
incident, of the story; the police at odds with the offenders."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from kg.data import load_yaml
from kg.mentions import noun_classes
from kg.records import Entity, Fact, Mention
from kg.relations.base import BySentence, fact_ends, is_a, relation
from kg.vocab import base_class

if TYPE_CHECKING:
    from spacy.tokens import Doc

STORY_PLACE = "inferred place of the story"  # the method of the place an article's lead gives its story
APPOINTED = "inferred from an appointment"  # the method of the title and employer an appointment gives


def appointed(events: Sequence[Fact]) -> Iterator[Fact]:
    """"X est nommé directeur général d'Acme": once done (not planned, considered or denied), X works for Acme
    and holds the title; several people hold one title each only when as many titles are given ("X, Y et Z sont
    nommés respectivement secrétaire, directeur financier et directeur des opérations"), in their order."""
    for event in events:
        if event.kind != "Appointment" or event.status != "asserted":
            continue
        people = event.values("person")
        for person in people:
            for employer in event.values("organization"):
                yield Fact("worksFor", (("subject", person), ("object", employer)), event.sentences, "worksFor",
                           APPOINTED, is_event=False)
        titles = event.values("title")
        held = [(p, t) for p in people for t in titles] if len(people) == 1 else (
            list(zip(people, titles, strict=True)) if len(titles) == len(people) else [])
        for person, title in held:
            yield Fact("jobTitle", (("subject", person), ("object", str(title.value))), event.sentences,
                       "jobTitle", APPOINTED, is_event=False)


def through_places(facts: Sequence[Fact], by_key: dict[str, Entity]) -> list[Fact]:
    """"un homme dans l'ambassade" and "l'ambassade des États-Unis": the man is in the United States too,
    and so on up a chain of places ("la rue de Lyon", "Lyon en France")."""
    located = [f for f in facts if f.kind == "locatedIn"]
    known = {fact_ends(f) for f in located}
    where: dict[object, list[Fact]] = defaultdict(list)  # a thing -> the facts that place it
    for f in located:
        where[fact_ends(f)[0]].append(f)
    derived: list[Fact] = []
    while located:
        new = []
        for f in located:
            thing, place = fact_ends(f)
            if base_class(by_key[str(place)].kind) != "Place":
                continue
            for further in where[place]:
                wider = fact_ends(further)[1]
                if wider != thing and (thing, wider) not in known:
                    known.add((thing, wider))
                    new.append(Fact("locatedIn", (("subject", thing), ("object", wider)),
                                    tuple(dict.fromkeys(f.sentences + further.sentences)), "locatedIn",
                                    "inferred place of a place", is_event=False))
        for f in new:
            where[fact_ends(f)[0]].append(f)
        derived += new
        located = new  # what the new facts lead to in turn
    return derived


def near_incidents(facts: Sequence[Fact], entities: Sequence[Entity], sentence_at: BySentence) -> Iterator[Fact]:
    """"Un incendie s'est déclaré dans une usine à Lyon. [...] Trois ouvriers ont été blessés": the people,
    groups and emergency services a common noun names around an incident placed by the text were where it was."""
    rule = load_yaml("relations.yml")["placed"]["near_incident"]
    by_key = {e.key: e for e in entities}
    where: dict[object, list[Fact]] = {}
    for f in facts:
        if f.kind == "locatedIn" and by_key[str(fact_ends(f)[0])].kind == "Incident":
            where.setdefault(fact_ends(f)[0], []).append(f)
    known = {fact_ends(f) for f in facts if f.kind == "locatedIn"}
    told_in: dict[int, set[str]] = defaultdict(set)  # a sentence -> the people and groups told of in it
    for e in entities:
        there = is_a(e, rule["classes"]) or any(m.head in rule["services"] for m in e.mentions)
        if there and (rule["named"] or not any(m.form == "name" for m in e.mentions)):
            for m in e.mentions:
                told_in[sentence_at.index(m.start)].add(e.key)
    reach = rule["sentences"]
    for incident, placed in where.items():
        told = {sentence_at.index(m.start) for m in by_key[str(incident)].mentions}
        near = {key for t in told for i in range(t - reach, t + reach + 1) for key in told_in.get(i, ())}
        for key in sorted(near):
            for f in placed:
                place = fact_ends(f)[1]
                if (key, place) not in known and key != place:
                    known.add((key, place))
                    yield Fact("locatedIn", (("subject", key), ("object", place)), f.sentences, "locatedIn",
                               "inferred place of a nearby incident", is_event=False)


def opposed(facts: Sequence[Fact], entities: Sequence[Entity], sentence_at: BySentence) -> Iterator[Fact]:
    """"La police ... le cambrioleur": the police and the offenders an article tells of are at odds, said
    in one sentence or not (unless a verb already said so)."""
    rule = load_yaml("relations.yml")["interactions"]["opposed"]
    known = {frozenset(fact_ends(f)) for f in facts if f.kind == "atOddsWith"}
    sides = [[e for e in entities if any(m.head in rule[side] for m in e.mentions)] for side in ("law", "offenders")]
    for law in sides[0]:
        for other in sides[1]:
            if law.key != other.key and frozenset((law.key, other.key)) not in known:
                first = min((m for e in (law, other) for m in e.mentions), key=lambda m: m.start)
                yield relation("atOddsWith", law.key, other.key, sentence_at(first.start), "inferred from their roles")


def introduced_organisations(doc: Doc, of_mention: dict[Mention, Entity]) -> set[str]:
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


def story_place(facts: Sequence[Fact], entities: Sequence[Entity], sentence_at: BySentence,
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
    known = {fact_ends(f) for f in facts if f.kind == "locatedIn"}
    wider = sorted({story.key} | {o for s, o in known if s == story.key})  # the story's place and what holds it
    around = {*wider, *(s for s, o in known if o == story.key)}
    elsewhere = {s for s, o in known if o not in around and not by_key[str(o)].local}
    for e in entities:
        if e.key == story.key or e.key in elsewhere \
                or not (is_a(e, rule["local" if e.local else "named"]) or e.key in introduced) \
                or e.local and any(m.head in rule["wide"] for m in e.mentions):
            continue  # "M. X, venu de Paris": placed by the text elsewhere
        for place in wider:
            if (e.key, place) not in known:
                known.add((e.key, place))
                yield Fact("locatedIn", (("subject", e.key), ("object", place)), (sentence_at(e.mentions[0].start),),
                           "locatedIn", STORY_PLACE, is_event=False)
