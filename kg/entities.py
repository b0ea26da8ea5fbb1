"""Mentions -> entities: one per real-world thing, with coreference, class votes and linking."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache
from typing import NamedTuple

from kg.data import load_yaml
from kg.gazetteer import Gazetteer
from kg.mentions import noun_classes
from kg.mentions.base import anaphora_table
from kg.names import fold
from kg.records import LOCAL, Entity, Fact, Mention, Sentence
from kg.titles import title_words
from kg.vocab import base_class

NAMED = ("Person", "Organization", "Place", "Product", "Fund")
# the classes of a common noun's entity ("la victime", "les manifestants", "l'incendie")
_CLASSES = (*NAMED, "Group", "Object", "Incident")
_CUE_WEIGHT = {"gazetteer": 100.0, "name": 4.0, "context": 3.0, "role": 2.5, "ner": 1.0}
# How far back (in sentences) a pronoun or a description looks for its referent.
_WINDOW = 2
_OTHER = {"Masc": "Fem", "Fem": "Masc"}
# The most words between "le secrétaire d'État américain" and the name it introduces.
_APPOSITION_GAP = 6
_OF_FIRST = re.compile(r"\s*(?:de|du|des|d['’])\b", re.IGNORECASE)
_OF_RIGHT_BEFORE = re.compile(r"(?:^|\s)(?:de|du|des|d['’])\s*(?:la\s+|l['’]\s*)?$", re.IGNORECASE)
_COMPLEMENT = re.compile(r"(?:^|\s)(?:(?:de|du|des|chez)\s|d['’]$)", re.IGNORECASE)


@cache
def _apposed_gap() -> re.Pattern[str]:
    """What may stand between a noun and the name set after it between commas or in brackets: "le directeur [de
    l'hôpital, Monsieur] X, a dit" (a word of address of titles.yml), "la ministre [de la Transition (]X)"."""
    words = "|".join(sorted(map(re.escape, load_yaml("titles.yml")["honorifics"]), key=len, reverse=True))
    return re.compile(rf"[^,.;:()«»\"]{{0,60}}(?P<open>[,(])\s*(?:(?:{words})\s+)?", re.IGNORECASE)


def resolve_entities(text: str, mentions: Sequence[Mention], sentences: Sequence[Sentence],
                     gazetteer: Gazetteer, scope: str = "") -> list[Entity]:
    """Group the name, pronoun, description and common noun mentions of one document into entities.

    Money and time mentions are ignored.  A pronoun that refers to nothing suitable is dropped
    rather than guessed; a description that refers to no name, and a common noun, stand for a thing
    of this document only (``scope``, the document's id, is in its key): "la victime" again is the
    same one, "une victime" another.
    """
    names = [m for m in mentions if m.form == "name" and m.kind in NAMED]
    antecedents = list(names)
    clusters = _cluster_names(names, gazetteer)
    of_mention = {m: key for key, ms in clusters.items() for m in ms}
    starts = [s.start for s in sentences]
    latest: dict[tuple[str, str, bool], str] = {}  # a common noun, its class and number -> its entity so far
    seen: dict[tuple[str, str, bool], tuple[str, int]] = {}  # the same -> its entity when last named, and where
    last_of: dict[str, tuple[str, int]] = {}  # a class -> the last common noun's entity of it, and where

    def sentence_of(offset: int) -> int:
        return bisect_right(starts, offset) - 1

    def local(m: Mention) -> None:
        # a description that refers to no name is a thing of the article if its noun is one of nouns.yml
        kind = m.kind if m.form == "noun" else noun_classes().get(m.head)
        if kind is None:
            return  # "le service", "l'application": no thing an article tells of
        here = sentence_of(m.start)
        key = latest.get((m.head, kind, m.plural)) if m.definite else None
        last, at = last_of.get(kind, (None, 0))
        if key is None and m.definite and m.nearest and m.form == "noun" and here - at <= _WINDOW:
            key = last  # "le drame": the last incident, if not far
        if key is None and m.definite:  # "un camion ... le véhicule": the last one its kinds name, if not far
            named = [seen[k] for k in ((kin, kind, m.plural) for kin in _kinds().get(m.head, ())) if k in seen]
            found, when = max(named, key=lambda n: n[1], default=(None, 0))
            key = latest[(m.head, kind, m.plural)] = found if found is not None and here - when <= _WINDOW else None
        if key is None:
            key = latest[(m.head, kind, m.plural)] = f"{LOCAL}{scope}/{m.head}-{m.start}"
        last_of[kind] = seen[(m.head, kind, m.plural)] = key, here
        of_mention[m] = key
        clusters[key].append(replace(m, kind=kind, cue="context"))
        insort(antecedents, m, key=_start)  # "La victime ... Elle"

    summaries: dict[str, tuple[int, _Summary]] = {}

    def summary(key: str) -> _Summary:
        """A cluster's class, genders and whether only the NER typed it, computed again only when it grew."""
        cluster = clusters[key]
        known = summaries.get(key)
        if known is None or known[0] != len(cluster):
            genders, ner_only = frozenset(x.gender for x in cluster if x.gender), all(x.cue == "ner" for x in cluster)
            known = summaries[key] = len(cluster), _Summary(_class_of(cluster), genders, ner_only)
        return known[1]

    for m in mentions:
        if m.form == "name" or m.kind in {"MonetaryAmount", "Time"}:
            continue
        if m.form == "noun":
            local(m)
            continue
        here = sentence_of(m.start)
        # only the names of the sentence are looked at, or of the window before: linear in the article
        ahead = _starting(antecedents, m.end, starts[here + 1] if here + 1 < len(starts) else len(text))
        introduced = None if m.nearest else _introduced_name(text, m, ahead)  # "X, directeur de Y" is X
        if introduced is not None:
            # "la startup Cooptalis": the description says what the name is
            clusters[of_mention[introduced]].append(replace(m, kind=m.kind.split("|")[0], cue="context"))
            continue
        behind = _starting(antecedents, starts[max(here - _WINDOW, 0)] if starts else 0, m.start)
        key = _referent(m, behind, of_mention, summary, sentence_of)
        if key is not None:
            insort(antecedents, m, key=_start)  # "La société affirme qu'elle ...": later anaphors may refer through it
            of_mention[m] = key
            # a description says what its referent is; a pronoun says nothing
            clusters[key].append(replace(m, kind=m.kind.split("|")[0], cue="context")
                                 if m.form == "description" else m)
        elif m.form == "description":
            local(m)
    return [_entity(key, ms, gazetteer) for key, ms in sorted(clusters.items())]


def _start(m: Mention) -> int:
    return m.start


def _starting(mentions: Sequence[Mention], start: int, end: int) -> Sequence[Mention]:
    """The mentions (sorted by start) that start in [start, end), found by bisection."""
    return mentions[bisect_left(mentions, start, key=_start) : bisect_left(mentions, end, key=_start)]


def _introduced_name(text: str, m: Mention, ahead: Sequence[Mention]) -> Mention | None:
    """The name a description introduces, among the names after it in its sentence."""
    if m.form != "description":
        return None
    # a name of another class after a preposition is the noun's complement, not the noun: "le responsable chez
    # Walmart, Marc Lore", "le patron du fabricant Nokia, Oli-Pekka Kallasvuo"; one set after a comma is the noun
    # ("la société de capital-risque de la Silicon Valley, Andreessen Horowitz,")
    # (and a name the NER alone typed right after a title's "de" is its complement whatever class it has: "le
    # Premier ministre d'Australie-Méridionale, Jay Weatherill")
    # nor the complement of a noun that names one side of a tie ("la filiale d'Alphabet" is not Alphabet)
    title = m.head in title_words()
    related = m.head in anaphora_table()["related"]
    after = [n for n in ahead if n.kind in m.kind.split("|")
             and not ((title and n.cue == "ner" or related) and _OF_RIGHT_BEFORE.search(text[m.end : n.start]))
             or n.cue == "ner" and not _COMPLEMENT.search(text[m.end : n.start].rsplit(",", 1)[-1])]
    if not after:
        return None
    gap = text[m.end : after[0].start]
    # between commas after the noun and its complement: "la société de capital-risque de la Silicon Valley, X,"
    closing = text[after[0].end : after[0].end + 2].strip()[:1]
    between = _apposed_gap().fullmatch(gap)
    apposed = between is not None and (m.cue == "apposition" or _OF_FIRST.match(gap) and closing == (
        "," if between["open"] == "," else ")"))
    if len(gap.split()) <= _APPOSITION_GAP and not any(c in gap for c in ",.;:()«»\"") \
            and not (m.subject and not after[0].subject) or apposed:  # not "Le fonds a nommé X": its object
        return after[0]
    return None


def identity(name: str, gazetteer: Gazetteer) -> str:
    """Return the key that makes the same thing one node across documents."""
    entry = gazetteer.lookup(name)
    return f"wd:{entry.qid}" if entry else f"name:{fold(name)}"


def _cluster_names(names: Sequence[Mention], gazetteer: Gazetteer) -> dict[str, list[Mention]]:
    clusters: dict[str, list[Mention]] = defaultdict(list)
    for m in names:
        clusters[identity(m.text, gazetteer)].append(m)
    # A short form joins the longer name it abbreviates: "Pompeo" -> "Mike Pompeo", "WBD" ->
    # "Warner Bros. Discovery".  A name of its own class wins ("Servier" the person is "Jacques Servier", not
    # "Laboratoires Servier"), then the longest.
    full = sorted(clusters, key=lambda k: -len(clusters[k][0].text))
    for key in list(clusters):
        short, kind = clusters[key][0].text, clusters[key][0].kind
        if key.startswith("wd:"):
            continue
        fits = [other for other in full if other in clusters and other != key
                and len(clusters[other][0].text) > len(short) and _abbreviates(short, clusters[other][0].text, kind)]
        if fits:
            best = next((other for other in fits if clusters[other][0].kind == kind), fits[0])
            # a mention the context gave another class stays apart: "le groupe Pinault" is not François-Henri
            joins = [m for m in clusters[key] if m.cue == "ner" or m.kind == clusters[best][0].kind]
            clusters[best].extend(joins)
            clusters[key] = [m for m in clusters[key] if m not in joins]
            if not clusters[key]:
                del clusters[key]
    return clusters


def _abbreviates(short: str, long: str, kind: str) -> bool:
    words = long.replace(".", " ").replace("-", " ").split()
    if short.isupper() and len(short) >= 2 and "".join(w[0] for w in words if w[0].isupper()) == short:
        return True
    short_words = fold(short).split()
    long_words = fold(long).split()
    if kind == "Person" or len(short_words) == 1:
        return len(long_words) > len(short_words) and long_words[-len(short_words):] == short_words \
            and kind in {"Person", "Organization", "Product"}
    return False


class _Summary(NamedTuple):
    cls: str
    genders: frozenset[str]
    ner_only: bool


@cache
def _kinds() -> dict[str, list[str]]:
    """A general noun -> the nouns of the kinds of thing it names ("véhicule" -> "voiture", "camion" ...)."""
    return load_yaml("nouns.yml")["kinds"]


def _referent(m: Mention, names: Sequence[Mention], of_mention: dict[Mention, str],
              summary: Callable[[str], _Summary], sentence_of: Callable[[int], int]) -> str | None:
    allowed = m.kind.split("|")
    here = sentence_of(m.start)

    def fits(n: Mention) -> bool:
        cls, genders, _ = summary(of_mention[n])
        # the object of a clause is not its own subject ("L'Autorité sanctionne la firme")
        # (an apposition is the name it follows: "M. X, directeur de ...")
        bound = not m.subject and n.subject and sentence_of(n.start) == here and not (m.nearest and m.form == "description")
        # "elle" is not "M. Rivera": a pronoun's gender against a person's, where the words gave it
        # and against a common noun's ("la police" is no "il")
        other = m.form == "pronoun" and m.gender is not None and (cls == "Person" or of_mention[n].startswith(LOCAL)) \
            and genders == {_OTHER[m.gender]}
        # and its number: "les secours" is no "il", "la victime" no "ils", and a name is one thing
        number = m.form != "pronoun" or n.plural == m.plural
        return cls in allowed and not bound and not other and number

    # a company's description takes up a name ("le groupe" is Elior, not the article's "conseil d'administration")
    company = m.form == "description" and not {"Person", "Place"} & set(allowed)
    candidates = [n for n in names if n.end <= m.start and fits(n) and not (company and of_mention[n].startswith(LOCAL))]
    if not candidates:
        return None

    # Nearest sentence first; within it the subject, then a person of the pronoun's gender ("Mme X,
    # membre de l'association Y, ... elle"), then the class the pronoun prefers, then the nearest mention.
    def rank(n: Mention) -> tuple[int, int, int, int, int]:
        if m.nearest:  # "ce dernier"
            return (here - sentence_of(n.start), 0, 0, 0, m.start - n.end)
        cls, genders, ner_only = summary(of_mention[n])
        preference = 0 if ner_only else allowed.index(cls) if cls in allowed else 0
        agrees = cls == "Person" and m.gender is not None and m.gender in genders
        return (here - sentence_of(n.start), 0 if n.subject else 1, 0 if agrees else 1, preference, m.start - n.end)
    return of_mention[min(candidates, key=rank)]


def _class_of(mentions: Sequence[Mention]) -> str:
    votes: Counter[str] = Counter()
    for m in mentions:
        if (m.form == "name" or m.cue == "context") and m.kind in _CLASSES:
            votes[m.kind] += _CUE_WEIGHT[m.cue]
    return votes.most_common(1)[0][0] if votes else "Product"


def across_articles(entities: Sequence[Entity], facts: Sequence[Fact], doc_id: str) -> tuple[list[Entity], list[Fact]]:
    """Give each unlinked name the key that decides which node it is across articles: its class and full
    name ("organization:cgt"), so that a name two articles give two classes is two nodes, never one of two
    disjoint classes; a person's bare surname stays a node of its own article ("person:doc/hollande")."""
    keys = {}
    for e in entities:
        if e.key.startswith("name:"):
            cls, body = base_class(e.kind).lower(), e.key.removeprefix("name:")
            bare = cls == "person" and len(e.label.split()) == 1
            keys[e.key] = f"{cls}:{doc_id}/{body}" if bare else f"{cls}:{body}"
    if not keys:
        return list(entities), list(facts)
    return ([replace(e, key=keys.get(e.key, e.key)) for e in entities],
            [replace(f, roles=tuple((r, keys.get(v, v) if isinstance(v, str) else v) for r, v in f.roles))
             for f in facts])


def supported(entities: Sequence[Entity], facts: Sequence[Fact]) -> list[Entity]:
    """Drop the products only the NER's catch-all class proposed, and the things a common noun names
    once ("la ville", "un homme"), that no fact needs.

    The French model's MISC covers events, works, diseases and holidays as much as products; such a
    name is kept when the text says it is a product ("sur Reels") or a fact gives it a role. A thing
    of the article that takes part in nothing and is named once says nothing.
    """
    used = {v for f in facts for _, v in f.roles if isinstance(v, str)}
    return [e for e in entities if e.key in used
            or not (e.kind == "Product" and weakly_typed(e) or e.local and len(e.mentions) == 1)]


def weakly_typed(entity: Entity) -> bool:
    """True when only the statistical NER gave the entity its class: context may correct it."""
    return entity.qid is None and all(m.cue == "ner" for m in entity.mentions if m.form == "name" or m.cue != "ner")


def _entity(key: str, mentions: list[Mention], gazetteer: Gazetteer) -> Entity:
    mentions.sort(key=lambda m: m.start)
    named = [m for m in mentions if m.form == "name"]
    if not named:  # a thing of this document: "la victime"
        return Entity(key, mentions[0].text, _class_of(mentions), tuple(mentions))
    # the entry of the linked key, whichever of its names a mention wrote ("Monde" first, "Le Monde" after)
    entry = next((e for m in named if (e := gazetteer.lookup(m.text)) and key == f"wd:{e.qid}"), None)
    if entry:
        return Entity(key, entry.label_fr, entry.cls, tuple(mentions), entry.qid,
                      tuple(n for n in entry.names if n != entry.label_fr))
    label = max((m.text for m in named), key=len)
    aliases = tuple(sorted({m.text for m in named} - {label}))
    return Entity(key, label, _class_of(mentions), tuple(mentions), None, aliases)
