"""Incidents told by a verb: "un avion s'est écrasé", "l'usine a pris feu"."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

from kg.data import load_yaml
from kg.mentions.base import noun_classes
from kg.nlp import SUBJECT_DEPS, text_of, with_lemmas
from kg.records import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc


def event_verbs_in(doc: Doc) -> Iterator[Mention]:
    """"un avion s'est écrasé", "l'usine a pris feu", "la bouteille a explosé": a verb that tells of an
    incident names it, a thing of its article (kg/data/nouns.yml, event_verbs)."""
    table, incidents = _event_table()
    for token in with_lemmas(doc, frozenset(table)):
        said_of = [c for c in token.children if c.dep_ in {*SUBJECT_DEPS, "obl:agent"}]
        said_of += [token.head] if token.dep_ == "acl:relcl" else []
        if token.pos_ != "VERB" or any(t.lemma_.lower() in incidents for t in said_of):
            continue  # "un incendie a éclaté", "un incendie qui a brûlé trois maisons": the noun names it
        need = table[token.lemma_]
        last = token
        if need is not None:
            obj = next((c for c in token.children if c.dep_ == "obj" and c.lemma_.lower() == need), None)
            if obj is None:
                continue
            last = obj
        start, end = token.idx, last.idx + len(last.text)
        yield Mention(start, end, text_of(doc)[start:end], "Incident", form="noun", head=token.lemma_)


@cache
def _event_table() -> tuple[dict[str, str | None], frozenset[str]]:
    """Each verb that tells of an incident -> the object it needs ("prendre" -> "feu"), or None; and the
    nouns that name an incident."""
    incidents = frozenset(noun for noun, cls in noun_classes().items() if cls == "Incident")
    return load_yaml("nouns.yml")["event_verbs"], incidents
