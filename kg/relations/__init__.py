"""Parsed doc + sentences + entities -> direct relations (formerlyKnownAs, parentOrganization, worksFor, ...).

The rules come in families, one module each, all reading the helpers of ``base``: ``patterns`` (the
patterns of relations.yml over a masked sentence), ``people``, ``organisations``, ``things``, ``places``;
``inferred`` then reads the relations they found. ``find_relations`` composes them.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.nlp import normalise
from kg.records import Entity, Fact, Mention, Sentence
from kg.relations.base import BySentence
from kg.relations.inferred import introduced_organisations, near_incidents, opposed, story_place, through_places
from kg.relations.organisations import leaders, members, subsidiaries
from kg.relations.patterns import mask, pattern_relations
from kg.relations.people import interactions, job_titles, kin_and_associates, posts
from kg.relations.places import fronted, nested_places, placed
from kg.relations.things import controls, initiated

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def find_relations(doc: Doc, sentences: Sequence[Sentence], entities: Sequence[Entity]) -> list[Fact]:
    """Return the direct relations stated inside single sentences, job titles and places included."""
    of_mention = {m: e for e in entities for m in e.mentions}
    at_token: dict[int, Entity] = {}
    root: dict[Mention, Token] = {}  # each mention's head word in the parse
    for m, entity in of_mention.items():
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        for token in span or ():
            at_token.setdefault(token.i, entity)
        if span:
            root[m] = span.root
    sentence_at = BySentence(sentences)
    facts: list[Fact] = [*placed(doc, sentence_at, of_mention, root, at_token),
                         *members(sentence_at, of_mention, root, at_token), *leaders(doc, sentence_at, at_token),
                         *subsidiaries(sentence_at, of_mention, root, at_token),
                         *interactions(doc, sentence_at, at_token),
                         *controls(sentence_at, of_mention, root, at_token),
                         *kin_and_associates(sentence_at, of_mention, root, at_token), *posts(doc, sentence_at, at_token),
                         *initiated(sentence_at, of_mention, root, at_token)]
    named = sorted((m for m in of_mention if m.form not in {"pronoun", "noun"}), key=lambda m: m.start)
    named_starts = [m.start for m in named]
    for sentence in sentences:
        inside = [m for m in named[bisect_left(named_starts, sentence.start) : bisect_left(named_starts, sentence.end)]
                  if m.end <= sentence.end]
        written = mask(sentence, inside)
        masked = normalise(written)  # the patterns read plain apostrophes: "membre de l’association"
        facts.extend(pattern_relations(sentence, masked, inside, of_mention))
        facts.extend(job_titles(sentence, masked, written, inside, of_mention))
        facts.extend(fronted(sentence, masked, inside, of_mention))
        facts.extend(nested_places(sentence, inside, of_mention))
    first: dict[tuple, Fact] = {}  # each relation once, as first found
    for fact in facts:
        first.setdefault((fact.kind, fact.roles), fact)
    found = list(first.values())
    found += through_places(found, {e.key: e for e in entities})
    found += list(near_incidents(found, entities, sentence_at))
    found += list(opposed(found, entities, sentence_at))
    return found + list(story_place(found, entities, sentence_at, introduced_organisations(doc, of_mention)))
