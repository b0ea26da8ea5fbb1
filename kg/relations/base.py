"""What the relation rules of every family share: facts made, sentences found by offset, walks of the parse."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from kg.nlp import SUBJECT_DEPS
from kg.records import Entity, Fact, Sentence
from kg.vocab import base_class

if TYPE_CHECKING:
    from spacy.tokens import Token

_RELATIVES = frozenset({"qui", "lequel", "laquelle", "lesquels", "lesquelles"})


class BySentence:
    """The sentences of a document, found by a character offset."""

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self.sentences, self._starts = sentences, [s.start for s in sentences]

    def index(self, offset: int) -> int:
        return bisect_right(self._starts, offset) - 1

    def __call__(self, offset: int) -> Sentence:
        return self.sentences[self.index(offset)]


def fact_ends(fact: Fact) -> tuple[object, object]:
    return fact.values("subject")[0], fact.values("object")[0]


def relation(name: str, subject: object, obj: object, sentence: Sentence, method: str) -> Fact:
    return Fact(name, (("subject", subject), ("object", obj)), (sentence,), name, method, is_event=False)


def is_a(entity: Entity, classes: Sequence[str]) -> bool:
    """Whether the entity's class or the contract class above it is one of ``classes``."""
    return entity.kind in classes or base_class(entity.kind) in classes


def cases(token: Token) -> set[str]:
    """The prepositions of ``token``'s phrase, in lower case: {"de"} for "de l'association"."""
    return {c.lower_ for c in token.children if c.dep_ == "case"}


def possessive_of(noun: Token) -> Token | None:
    """The possessive determiner of ``noun``: "son" in "son portable"."""
    return next((c for c in noun.children if c.dep_ == "det" and "Yes" in c.morph.get("Poss")), None)


def conjuncts(token: Token) -> tuple[Token, ...]:
    """``token`` and the others of its list: "les enfants et les adolescents"."""
    return (token, *(c for c in token.children if c.dep_ == "conj"))


def entity_at(token: Token, at_token: dict[int, Entity]) -> Entity | None:
    """The entity named at ``token``, or by the name it heads ("Madame" heads "Ibrahim Allisone")."""
    for t in (token, *(c for c in token.children if c.dep_ in {"flat:name", "appos"})):
        if t.i in at_token:
            return at_token[t.i]
    return None


def clause_of(token: Token) -> tuple[int, int]:
    """The predicate whose clause ``token`` is in (the sentence's root when none is), and the common nouns on the way."""
    nouns = 0
    while not is_predicate(token) and token.head.i != token.i:
        nouns += token.pos_ == "NOUN"
        token = token.head
    return token.i, nouns


def is_predicate(token: Token) -> bool:
    """A verb, or a noun or an adjective after a copula, which the parse makes the clause's head: "X a été
    [victime] d'un accident à Nantes"."""
    return token.pos_ in {"VERB", "AUX"} or any(c.dep_ == "cop" for c in token.children)


def clause_subject(token: Token, at_token: dict[int, Entity], number: str | None = None,
                   passive: bool = True) -> Entity | None:
    """The entity that is the subject of ``token``'s clause, or of the clause it depends on ("en tenant
    des banderoles"), of ``number`` when given; not the subject of a passive unless ``passive``."""
    return next(clause_subjects(token, at_token, number, passive), None)


def clause_subjects(token: Token, at_token: dict[int, Entity], number: str | None = None,
                    passive: bool = True) -> Iterator[Entity]:
    """The entities ``clause_subject`` finds, each of a list of subjects: "les enfants et les adolescents"."""
    for _ in range(3):
        verb = token.doc[clause_of(token)[0]]
        own = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        subject = subject_of(verb)
        if subject is not None:
            said = subject.morph.get("Number")
            listed = number == "Plur" and any(c.dep_ == "conj" for c in subject.children)  # "X et Y ... leurs"
            if (passive or own.dep_ != "nsubj:pass") and (number is None or not said or number in said or listed):
                for t in (subject,) if number == "Sing" else conjuncts(subject):  # "son téléphone" is one's
                    entity = entity_at(t, at_token)
                    if entity is not None:
                        yield entity
            return
        if verb.dep_ not in {"conj", "xcomp", "advcl", "acl"} or verb.head.i == verb.i:
            return
        token = verb.head


def subject_of(verb: Token) -> Token | None:
    """The subject of ``verb``; for a relative pronoun, what it stands for: "un incendie [qui] s'est
    déclaré dans un appartement", "M. X, [qui] vit à Lyon"."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is not None and subject.pos_ == "PRON" and subject.lemma_ in _RELATIVES and verb.dep_ == "acl:relcl":
        return verb.head
    return subject
