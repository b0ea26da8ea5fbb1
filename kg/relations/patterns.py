"""Relations a sentence states in words, from the patterns of relations.yml over the sentence with its mentions masked."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache

from kg.data import load_yaml
from kg.records import Entity, Fact, Mention, Sentence
from kg.relations.base import relation
from kg.vocab import base_class

SLOT = "⟦{}⟧"
MENTION = r"⟦\d+⟧"
_LIST = re.compile(r"(?:(?:\s*,\s*|\s+et\s+|\s*,\s*et\s+)⟦\d+⟧)+")
# what joins a title to its organisation, written {OF} in relations.yml: "directeur de Netflix",
# "président de l'Association", "chez Meta", "présidente de l'association « Un arbre »", "de la société ABC"
OF = r"\s(?:de\s+la\s|de\s+l'|d'|(?:de|du|des|chez)\s)(?:(?!de\s|du\s|des\s|d')[^\W\d]+\s){0,2}[«\"“]?\s?"
# the sections of relations.yml that are not lists of patterns
_NOT_PATTERNS = {"ends", "listed", "kin", "family", "placed", "members", "subsidiaries", "interactions", "controls",
                 "initiated"}


def pattern_relations(sentence: Sentence, masked: str, inside: Sequence[Mention],
                      of_mention: dict[Mention, Entity]) -> Iterator[Fact]:
    """The relations the patterns of relations.yml match in ``masked``, the sentence with its mentions ``inside`` masked."""
    ends, listing = load_yaml("relations.yml")["ends"], load_yaml("relations.yml")["listed"]
    for name, patterns in _patterns().items():
        for pattern in patterns:
            for match in pattern.finditer(masked):
                last = "s" if match.end("s") == match.end() else "o"
                listed = _listed_after(masked, match.end()) if name in listing else []
                for index in (slot_index(match[last]), *listed):
                    ends_at = {g: slot_index(match[g]) for g in ("s", "o")} | {last: index}
                    s, o = (of_mention[inside[ends_at[g]]] for g in ("s", "o"))
                    if s.key != o.key and base_class(s.kind) in ends[name]["s"] \
                            and base_class(o.kind) in ends[name]["o"]:
                        yield relation(name, s.key, o.key, sentence, f"pattern {name}")


@cache
def _patterns() -> dict[str, list[re.Pattern[str]]]:
    table = load_yaml("relations.yml")
    kin = "(?:" + "|".join(sorted(map(re.escape, table["kin"]), key=len, reverse=True)) + ")"
    return {name: [re.compile(p.replace("{M}", MENTION).replace("{OF}", OF).replace("{KIN}", kin), re.IGNORECASE)
                   for p in patterns]
            for name, patterns in table.items() if name not in _NOT_PATTERNS}


def mask(sentence: Sentence, mentions: Sequence[Mention]) -> str:
    """The sentence with each mention a placeholder, for the patterns."""
    parts, at = [], sentence.start
    for i, m in enumerate(mentions):
        if m.start < at or (m.form == "description" and m.cue == "context" and _introduces(m, mentions)):
            continue
        parts.append(sentence.text[at - sentence.start : m.start - sentence.start])
        parts.append(SLOT.format(i))
        at = m.end
    parts.append(sentence.text[at - sentence.start :])
    return "".join(parts)


def _introduces(m: Mention, mentions: Sequence[Mention]) -> bool:
    """"le secrétaire d'État américain" before "Mike Pompeo", or "directeur général" apposed after "Loïc Poirier, ",
    is part of a title, not a mention."""
    return any(n.form == "name" and (0 <= n.start - m.end < 60 or 0 <= m.start - n.end <= 2) for n in mentions)


def _listed_after(masked: str, end: int) -> list[int]:
    """The mentions listed right after a pattern's last one: "maison mère de ⟦1⟧ et ⟦2⟧", "⟦1⟧, ⟦2⟧ et ⟦3⟧"."""
    found = _LIST.match(masked, end)
    return [slot_index(p) for p in re.findall(MENTION, found[0])] if found else []


def slot_index(placeholder: str) -> int:
    return int(placeholder.strip("⟦⟧"))
