"""spaCy doc -> mentions: names (NER corrected from data), money, dates, pronouns, descriptions.

The finders come in families, one module each, all reading the helpers of ``base``: ``spans`` (NER spans
joined, trimmed, junk told apart) feeds ``names``; ``institutions`` (nouns of institution made names, quoted
names); ``anaphors`` (pronouns, "ce dernier", definite descriptions), ``nouns`` (common nouns) and ``events``
(incidents told by a verb). ``find_mentions`` composes them with the money and dates of ``kg.amounts`` and
``kg.dates``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.amounts import parse_amounts
from kg.dates import parse_times
from kg.gazetteer import Gazetteer
from kg.mentions.anaphors import anaphors_in
from kg.mentions.base import free_of, name_finder, noun_classes
from kg.mentions.events import event_verbs_in
from kg.mentions.institutions import institutions_in, quoted_names
from kg.mentions.names import classed_lists, names_in
from kg.mentions.nouns import common_nouns_in
from kg.nlp import text_of
from kg.records import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["find_mentions", "noun_classes"]


def find_mentions(doc: Doc, gazetteer: Gazetteer, year: int | None = None) -> list[Mention]:
    """Return the mentions of ``doc`` in text order, without overlaps.

    Money and dates win over names they overlap ("US" in "2,4 milliards US").
    """
    text = text_of(doc)
    values = [Mention(s, e, text[s:e], "MonetaryAmount", amount=a) for s, e, a in parse_amounts(text)]
    values += [Mention(s, e, text[s:e], "Time", time=t) for s, e, t in parse_times(text, year)]
    taken = [(m.start, m.end) for m in values]
    free = free_of(taken)
    quoted = [m for m in quoted_names(doc) if free(m.start, m.end)]
    outside = free_of([(m.start, m.end) for m in quoted])
    names = [m for m in names_in(doc, gazetteer) if free(m.start, m.end) and outside(m.start, m.end)] + quoted
    institutions = list(institutions_in(doc, names))
    # a place inside "le tribunal de Paris" stays a mention of its own; a name that is the
    # institution's own name ("la fondation Wikimedia") is the institution
    names = [n for n in names if n.kind == "Place" or not any(i.start <= n.start and n.end <= i.end
                                                                 for i in institutions)]
    names = classed_lists(text, sorted(names + institutions, key=lambda m: m.start))
    taken += [(m.start, m.end) for m in names]
    free = free_of(taken)
    name_at = name_finder(names)
    anaphors = [m for m in anaphors_in(doc, name_at) if free(m.start, m.end)]
    free = free_of(taken + [(m.start, m.end) for m in anaphors])
    nouns = [m for m in common_nouns_in(doc, name_at) if free(m.start, m.end)]
    free = free_of(taken + [(m.start, m.end) for m in anaphors + nouns])
    events = [m for m in event_verbs_in(doc) if free(m.start, m.end)]
    return sorted(values + names + anaphors + nouns + events, key=lambda m: (m.start, -m.end))
