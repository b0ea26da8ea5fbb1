"""What the mention finders of every family share: the data tables, overlap tests, where a name is and what it does."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import cache
from itertools import accumulate
from typing import TYPE_CHECKING

from kg.data import load_yaml
from kg.nlp import SUBJECT_DEPS
from kg.records import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

OPENING_QUOTES = {"«", '"', "“"}
CLOSING_QUOTES = frozenset({"»", '"', "”"})
# "de" and its forms before a noun's complement ("la banque Natixis d’Angers")
OF = frozenset({"de", "d'", "d’", "du", "des"})
# The articles a name may begin with, written with a capital ("Le Monde", "La Ciotat").
ARTICLES = frozenset({"Le", "La", "Les", "L'", "L’"})
# A preposition and its article ("du", "au"): the noun after them is definite.
CONTRACTIONS = frozenset({"du", "au", "aux", "des"})


@cache
def names_table() -> dict:
    """kg/data/names.yml: institutions, stopwords, class cues and phrases that are no names."""
    return load_yaml("names.yml")


@cache
def anaphora_table() -> dict:
    """kg/data/anaphora.yml: pronouns, "ce dernier" and the nouns of definite descriptions."""
    return load_yaml("anaphora.yml")


@cache
def noun_classes() -> dict[str, str]:
    """Each common noun of kg/data/nouns.yml -> the class of the thing it names."""
    return {noun: cls for cls, nouns in load_yaml("nouns.yml")["classes"].items() for noun in nouns}


def line_break(token: Token) -> bool:
    """Whether a line break is in the token or right after it."""
    return "\n" in token.text or "\n" in token.whitespace_


def free_of(spans: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """A test of whether [start, end) overlaps none of ``spans``, in logarithmic time."""
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    reach = list(accumulate((e for _, e in ordered), max))  # the furthest end of the spans so far

    def free(start: int, end: int) -> bool:
        before = bisect_left(starts, end)  # the spans that start before ``end``
        return before == 0 or reach[before - 1] <= start
    return free


def name_finder(names: list[Mention]) -> Callable[[Token], Mention | None]:
    """A lookup of the name (``names`` sorted by start) a token is part of, by bisection."""
    starts = [n.start for n in names]

    def name_at(token: Token) -> Mention | None:
        at = bisect_right(starts, token.idx) - 1  # the last name starting at or before it
        return names[at] if at >= 0 and token.idx < names[at].end else None
    return name_at


def is_subject(tokens: list[Token]) -> bool:
    """The name is the subject, or inside it ("un concurrent du nom de Rivian vient de ...")."""
    inside = {t.i for t in tokens}
    head = next((t for t in tokens if t.head.i not in inside), tokens[0])
    for _ in range(3):
        if head.dep_ in SUBJECT_DEPS:
            return True
        if head.dep_ not in {"nmod", "appos", "flat:name", "acl"} or head.head.i == head.i:
            return False
        head = head.head
    return False


def apposes_name(doc: Doc, noun: Token, name_at: Callable[[Token], Mention | None]) -> bool:
    """Whether a name is set after the singular noun between commas, and is who it is: "le directeur de
    l'hôpital, Monsieur X, a dit", "le porte-parole du gouvernement, Olivier Véran, a dit" (not "X et Y")."""
    return "Plur" not in noun.morph.get("Number") and any(
        c.dep_ in {"appos", "conj"} and doc[c.i - 1].text == "," and not any(x.dep_ == "cc" for x in c.children)
        and any(name_at(t) is not None for t in (c, *(x for x in c.children if x.dep_ in {"flat:name", "appos"})))
        for c in noun.children)
