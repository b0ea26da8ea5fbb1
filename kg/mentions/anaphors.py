"""Anaphors: pronouns, "ce dernier" and definite descriptions ("la société") that may refer back to a name."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from kg.mentions.base import anaphora_table, apposes_name, noun_classes
from kg.nlp import SUBJECT_DEPS, text_of
from kg.records import Mention
from kg.vocab import base_class

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_LATTER_REACH = 40  # tokens back that "ce dernier" may look for its noun
# the clause an impersonal "il" stands for: "il est probable qu'elle vienne", "il a été décidé de fermer"
_CLAUSE_DEPS = {"ccomp", "xcomp", "csubj", "dep", "advcl"}
_CLAUSE_MARKS = {"de", "d'", "que", "qu'"}


def anaphors_in(doc: Doc, name_at: Callable[[Token], Mention | None]) -> Iterator[Mention]:
    """Subject pronouns, pronouns after a preposition ("chez lui"), "ce dernier", and definite descriptions ("la
    société") that may refer back to a name."""
    table = anaphora_table()
    for token in doc:
        pos = token.pos_
        if pos == "PRON":
            lower = token.lower_.lstrip("-")
            if lower in table["stressed"]["pronouns"] and any(c.dep_ == "case" for c in token.children) \
                    and not any(t.lower_ in table["stressed"]["not_after"] for t in doc[max(token.i - 2, 0) : token.i]):
                yield Mention(token.idx, token.idx + len(token.text), token.text,
                              "|".join(table["stressed"]["pronouns"][lower]), form="pronoun",
                              gender=table["genders"].get(lower), plural=lower in table["plural"])
            elif lower in table["pronouns"] and token.dep_ in SUBJECT_DEPS and not _impersonal(token):
                start = token.idx + (len(token.text) - len(lower))
                yield Mention(start, token.idx + len(token.text), text_of(doc)[start: token.idx + len(token.text)],
                              "|".join(table["pronouns"][lower]), form="pronoun", subject=True,
                              gender=table["genders"].get(lower), plural=lower in table["plural"])
        elif pos in {"ADJ", "NOUN"} and token.lower_ in table["latter"]["genders"] and token.i > 0 \
                and doc[token.i - 1].lower_ in {"ce", "cette", "ces"} and token.dep_ != "amod" \
                and _latter_fits(doc, token, name_at, table["latter"]["classes"]):  # not "ce dernier mois"
            start, end = doc[token.i - 1].idx, token.idx + len(token.text)
            plural = token.lower_.endswith("s")
            yield Mention(start, end, text_of(doc)[start:end], "|".join(table["latter"]["classes"]), form="pronoun",
                          subject=token.dep_ in SUBJECT_DEPS, gender=table["latter"]["genders"][token.lower_],
                          nearest=True, plural=plural)
        elif pos == "NOUN" and token.lemma_.lower() in table["nouns"]:
            det = [c for c in token.children if c.dep_ == "det"]
            if not det or det[0].lower_ not in table["determiners"] or det[0].i != token.i - 1 and \
                    any(t.pos_ not in {"ADJ", "ADV"} for t in doc[det[0].i + 1: token.i]):
                continue
            if any(c.dep_ in {"appos", "flat:name", "nmod"} and c.ent_type_ and c.i == token.i + 1
                   for c in token.children) or _predicate_of_name(token):
                continue  # "la startup Cooptalis": the name is the mention; "X est le président de Y" says what X is
            end = token.i + 1
            while end < len(doc) and doc[end].head.i == token.i and doc[end].dep_ == "amod" \
                    and "Fin" not in doc[end].morph.get("VerbForm"):  # not "le groupe américain [prévoit]"
                end += 1
            # the determiner is left out, as from a name: "la [société]", "le [géant américain]"
            first, last = doc[det[0].i + 1], doc[end - 1]
            yield Mention(first.idx, last.idx + len(last.text), text_of(doc)[first.idx: last.idx + len(last.text)],
                          "|".join(table["nouns"][token.lemma_.lower()]), form="description",
                          cue="apposition" if apposes_name(doc, token, name_at) else "ner",
                          subject=token.dep_ in SUBJECT_DEPS, head=token.lemma_.lower(), definite=True)


def _predicate_of_name(noun: Token) -> bool:
    """"Paul Roy est le président de Renault": the noun after a copula says what the name it is said of is (not
    "Marine Le Pen, qui est la présidente du FN", whose "qui" the noun's mention stands for)."""
    return any(c.dep_ == "cop" for c in noun.children) and any(
        c.dep_ in SUBJECT_DEPS and c.pos_ == "PROPN" for c in noun.children)


def _latter_fits(doc: Doc, latter: Token, name_at: Callable[[Token], Mention | None], classes: list[str]) -> bool:
    """"ce dernier" is the last noun of its gender and number: true when that is a name or a common noun
    (nouns.yml) of one of ``classes`` ("Paul Roy ... Ce dernier", "un cambrioleur. Ce dernier"); a
    place's, or another noun's ("au cours des affrontements. Ce dernier"), is no referent kg takes."""
    wanted = {feature: latter.morph.get(feature) for feature in ("Gender", "Number")}
    for token in reversed(doc[max(latter.i - _LATTER_REACH, 0) : latter.i - 1]):
        disagrees = any(want and token.morph.get(f) and token.morph.get(f) != want for f, want in wanted.items())
        if token.pos_ in {"NOUN", "PROPN"} and not disagrees:
            name = name_at(token)
            kind = name.kind if name is not None else noun_classes().get(token.lemma_.lower())
            return kind is not None and base_class(kind) in classes
    return False


def _impersonal(pronoun: Token) -> bool:
    """"Il faut", "il y a", "il lui est reproché de ...", "il est probable que": an "il" that stands for nothing.

    The model tags many a personal "il" as expletive, so the parse's label is not trusted: a passive or a
    copula is impersonal only when its real subject, a clause with "de" or "que", follows it.
    """
    verb = pronoun.head
    if pronoun.lower_ != "il":
        return False
    if verb.lemma_ in anaphora_table()["impersonal"] or any(c.lower_ == "y" for c in verb.children):
        return True
    passive = any(c.dep_ in {"aux:pass", "cop"} or (c.dep_ == "aux:tense" and c.lemma_ == "être") for c in verb.children)
    return passive and any(c.i > verb.i and c.pos_ in {"VERB", "AUX", "ADJ"} and c.dep_ in _CLAUSE_DEPS
                           and any(m.dep_ == "mark" and m.lower_ in _CLAUSE_MARKS for m in c.children)
                           for c in verb.children)
