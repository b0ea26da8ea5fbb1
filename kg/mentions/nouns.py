"""Common nouns: "la victime", "les manifestants", "l'hôpital", "un incendie" as mentions of their article."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from kg.data import load_yaml
from kg.mentions.base import CONTRACTIONS, apposes_name, noun_classes
from kg.names import fold
from kg.nlp import SUBJECT_DEPS, text_of, with_lemmas
from kg.places import demonyms
from kg.records import Mention
from kg.vocab import base_class

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_COMPLEMENT_LINKS = {"de", "d'", "à"}  # "accident de voiture", "personnes à bord"
_TITLE_REACH = 8  # tokens between a title and the name it introduces


class _NounTable(NamedTuple):
    classes: dict[str, str]  # each common noun's class
    definite: frozenset[str]  # the determiners that make it definite
    general: frozenset[str]  # the nouns that take up the last thing of their class
    plural_only: frozenset[str]  # those that name someone in the plural only
    epicene: frozenset[str]  # those whose gender says nothing of the person's
    services: frozenset[str]  # those that name a service in the plural
    idioms: dict[str, list[str]]  # those that name nothing as the object of these verbs


@cache
def _nouns() -> _NounTable:
    """The common nouns of nouns.yml and what is known of them."""
    table = load_yaml("nouns.yml")
    return _NounTable(noun_classes(), frozenset(table["determiners"]["definite"]), frozenset(table["general"]),
                      frozenset(table["plural_only"]), frozenset(table["epicene"]), frozenset(table["services"]),
                      table["idioms"])


@cache
def _left_out() -> frozenset[str]:
    """The adjectives a common noun's mention leaves out: those that judge, and those that say how big, how
    many, which one or what colour."""
    table = load_yaml("nouns.yml")
    return frozenset(table["evaluative"]) | frozenset(table["incidental"])


@cache
def _noun_lemmas() -> frozenset[str]:
    return frozenset(_nouns().classes)


def common_nouns_in(doc: Doc, name_at: Callable[[Token], Mention | None]) -> Iterator[Mention]:
    """"la victime", "les manifestants", "l'hôpital", "un incendie": common nouns that stand for a person, a
    group, a place, an organisation or an incident of the article (kg/data/nouns.yml); a person noun in the
    plural is a group, or an organisation for a service ("les pompiers").

    A noun after a name that says what it is ("M. X, directeur de ..."), or before a name set between
    commas ("le directeur, M. X, a dit"), is a description of the name; one right before a name ("le
    président Macron", "l'association « X »"), after a copula ("X est médecin"), in an idiom ("prendre la
    fuite") or the first half of a split compound ("bande-annonce") is no mention.
    """
    nouns = _nouns()
    table = nouns.classes
    taken = -1  # the last token of the last mention: "un groupe de jeunes" is one
    for token in with_lemmas(doc, _noun_lemmas()):
        kind = table.get(token.lemma_.lower()) if token.pos_ == "NOUN" else None
        split = not token.whitespace_ and token.i + 1 < len(doc) and doc[token.i + 1].text == "-"
        if kind not in {None, "Object"} and split:
            continue  # the first half of a compound the tokenizer split: "bande-annonce" (a "camion-citerne" is a truck)
        if kind is None or token.i <= taken or name_at(token) is not None:
            continue
        after = next((t for t in doc[token.i + 1 : token.i + 4]
                      if t.pos_ not in {"ADJ", "PUNCT", "SPACE"} or t.text == ","), None)
        copula = any(c.dep_ == "cop" for c in token.children) and not any(c.dep_ == "case" for c in token.children)
        if copula or after is not None and name_at(after) is not None \
                or kind == "Person" and _introduces_person(doc, token, name_at):
            continue  # "X est médecin"; "l'association « X »", "le maire de Paris Anne Hidalgo": the name is the mention
        before = next((t for t in reversed(doc[max(token.i - 3, 0) : token.i]) if t.pos_ not in {"DET", "ADJ"}), None)
        apposed = token.dep_ == "appos" and (name_at(token.head) is not None or before is not None and before.text == ","
                                             and before.i > 0 and name_at(doc[before.i - 1]) is not None)
        introduces = kind == "Person" and apposes_name(doc, token, name_at)
        first, last = _noun_phrase(doc, token)  # "un sapeur-pompier": the determiner is the compound's
        det = next((c.lower_ for t in {first, token} for c in t.children if c.dep_ == "det"), "")
        # "du quartier", "au commissariat": the article is in the preposition
        contracted = not det and any(c.dep_ == "case" and c.lower_ in CONTRACTIONS for c in token.children)
        plural = "Plur" in token.morph.get("Number")
        if not (det or contracted or plural or apposed) or token.lemma_.lower() in nouns.plural_only and not plural \
                or token.dep_ == "obj" and token.head.lemma_ in nouns.idioms.get(token.lemma_.lower(), ()):
            continue  # a bare singular is a phrase's: "avoir lieu", "prendre feu"; "la mort de X" is no one; nor
            # is the noun of an idiom: "prendre la fuite"
        taken = last.i
        start, end = first.idx, last.idx + len(last.text)
        one = token.head
        if plural and token.dep_ == "nmod" and one.pos_ == "PRON" and one.lemma_ == "un" and one.i < token.i:
            # "l'un des policiers", "une des victimes": one of them, a thing of its own ("le policier" later)
            yield Mention(one.idx, one.idx + len(one.text), one.text, kind, "noun", subject=one.dep_ in SUBJECT_DEPS,
                          gender=next(iter(one.morph.get("Gender")), None), head=token.lemma_.lower())
        if kind == "Person" and plural:  # "les policiers"; "les pompiers" is the fire service
            kind = "Organization" if token.lemma_.lower() in nouns.services else "Group"
        # "M. X, directeur de ...": the noun says what the name is, it is one of its mentions
        yield Mention(start, end, text_of(doc)[start:end], kind, form="description" if apposed or introduces else "noun",
                      cue="apposition" if introduces else "ner",
                      subject=token.dep_ in SUBJECT_DEPS, gender=None if token.lemma_.lower() in nouns.epicene
                      else next(iter(token.morph.get("Gender")), None),
                      nearest=apposed or token.lemma_.lower() in nouns.general,
                      head=token.lemma_.lower(), definite=det in nouns.definite or contracted, plural=plural)


def _introduces_person(doc: Doc, noun: Token, name_at: Callable[[Token], Mention | None]) -> bool:
    """Whether a person's name follows the noun in its phrase, before any punctuation or verb: "le maire
    de Paris Anne Hidalgo" introduces Anne Hidalgo (Paris, a place, is passed over). Not for other nouns:
    "la ville de Lyon" stays a mention of its own, as POPCORN has it (IS_LOCATED_IN F1 .266 against .216)."""
    for token in doc[noun.i + 1 : noun.i + 1 + _TITLE_REACH]:
        name = name_at(token)
        if name is not None and base_class(name.kind) == "Person":
            return True
        if name is None and (token.pos_ in {"VERB", "AUX", "SCONJ"} or token.is_punct and token.text not in "«»\"“”"):
            return False
    return False


def _noun_phrase(doc: Doc, noun: Token) -> tuple[Token, Token]:
    """The words a common noun's mention spans: its adjectives and a complement without determiner,
    "petite maison", "nuage épais", "accident de voiture", "personnes à bord", and the whole of a compound
    ("sapeurs-pompiers", "camion-benne"); not a nationality, which says something of it ("une femme
    [américaine]"), nor a title ("le père [de M.] Roy"), nor a word that judges it ("un [terrible]
    accident", "l'incendie [dévastateur]") or says how big, how many or what colour ("un [grand] bus", "une
    voiture [noire]")."""
    first, last = noun, noun
    while first.i > 1 and doc[first.i - 1].text == "-" and not doc[first.i - 1].whitespace_ \
            and not doc[first.i - 2].whitespace_:
        first = doc[first.i - 2]  # a compound the tokenizer split: "sapeurs-pompiers"
    while last.i + 2 < len(doc) and doc[last.i + 1].text == "-" and not last.whitespace_ \
            and not doc[last.i + 1].whitespace_:
        last = doc[last.i + 2]  # "camion-benne"
    left_out = _left_out()
    while first.i > 0 and doc[first.i - 1].pos_ == "ADJ" and doc[first.i - 1].head.i == noun.i \
            and doc[first.i - 1].lemma_.lower() not in left_out:
        first = doc[first.i - 1]
    if last.i + 2 < len(doc) and doc[last.i + 1].lower_ in _COMPLEMENT_LINKS and doc[last.i + 2].pos_ == "NOUN" \
            and doc[last.i + 2].is_lower and doc[last.i + 2].head.i == noun.i:
        last = doc[last.i + 2]
    while last.i + 1 < len(doc) and doc[last.i + 1].pos_ == "ADJ" and doc[last.i + 1].head.i in {noun.i, last.i} \
            and fold(doc[last.i + 1].text) not in demonyms() and doc[last.i + 1].lemma_.lower() not in left_out:
        last = doc[last.i + 1]
    return first, last
