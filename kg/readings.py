"""Which rule families write to the graph by default: those that read right at least 9 times in 10."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from kg.data import load_yaml
from kg.entities import supported
from kg.facts import trigger_family
from kg.records import Extraction, Fact
from kg.relations.inferred import APPOINTED, STORY_PLACE

SAID = "what was said"  # a statement's content and the names in it, read apart from who said it
_SAID_ROLES = {"content", "about"}
TITLED = "title from an appointment"  # the job title a done appointment gives, read apart from its employer


@cache
def _readings() -> dict[str, dict[str, int]]:
    return load_yaml("readings.yml")["families"]


def family(fact: Fact) -> str:
    """The rule family that wrote a fact: its kind, the family its trigger rule names ("funding round"), "place of
    the story", or the appointment it was read from (the title it gives its person a family of its own: the post is
    read more surely than the employer)."""
    if fact.method == APPOINTED:
        return TITLED if fact.kind == "jobTitle" else "Appointment"
    if fact.method == STORY_PLACE:
        return "place of the story"
    return trigger_family(fact.method) or fact.kind


def on_by_default(name: str) -> bool:
    """Whether a family writes by default: never read, nothing written when read, or right 9 times in 10."""
    reading = _readings().get(name)
    return reading is None or reading["right"] >= 0.9 * reading["read"]


def checked(extraction: Extraction) -> Extraction:
    """The extraction without the facts of families off by default, nor the things only they needed; a
    statement without what was said when that family is off."""
    facts = tuple(f if on_by_default(SAID) or f.kind != "Statement" else _without_content(f)
                  for f in extraction.facts if on_by_default(family(f)))
    if facts == extraction.facts:
        return extraction
    return replace(extraction, entities=tuple(supported(extraction.entities, facts)), facts=facts)


def _without_content(statement: Fact) -> Fact:
    """The statement with its speaker and date, without what was said nor the names in it."""
    return replace(statement, roles=tuple((r, v) for r, v in statement.roles if r not in _SAID_ROLES))
