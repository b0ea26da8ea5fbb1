"""Frozen records passed between the pipeline stages."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Document:
    """One article as read from disk: its id, text and where it came from."""

    id: str
    text: str
    source: str
    title: str | None = None
    date: str | None = None  # ISO date of publication when the input gives it


@dataclass(frozen=True)
class Amount:
    """A sum of money: an exact value, or bounds for a vague one, in an ISO 4217 currency."""

    currency: str
    value: Decimal | None = None
    min_value: Decimal | None = None
    max_value: Decimal | None = None


@dataclass(frozen=True)
class TimeValue:
    """A date, year, month or duration with the precision the text gives.

    ``datatype`` is the xsd local name: date, gYearMonth, gYear or duration.
    ``bound`` says whether the text gives the value itself ("exact"), an end ("end") or a start.
    """

    lexical: str
    datatype: str
    bound: str = "exact"


@dataclass(frozen=True)
class Value:
    """A literal role of an event: a job title (with its language), a measure ("profit"), a count of jobs."""

    value: str | int
    lang: str | None = None


@dataclass(frozen=True)
class Mention:
    """A span of the original text naming something.

    ``kind`` is an ontology class local name (Person, Organization, Place, Product, Fund,
    MonetaryAmount, Time).  ``form`` says how it names it: name, pronoun, description (that refers
    to a name: "la société") or noun (a common noun that stands for a thing of its article: "la victime").
    """

    start: int
    end: int
    text: str
    kind: str
    form: str = "name"
    # what gave the class: gazetteer, name, context or ner (weakest); "apposition" for a noun set before a
    # name between commas, which is that name's ("le directeur de l'hôpital, M. X, a dit")
    cue: str = "ner"
    subject: bool = False  # the grammatical subject of its clause
    gender: str | None = None  # "Masc" or "Fem" where the words say ("le ministre X", "Mme X", "elle")
    # refers to the nearest name that fits, subject or not ("ce dernier"); a general common noun, to the
    # last thing of its class ("un incendie ... le drame")
    nearest: bool = False
    head: str = ""  # a common noun's lemma: "la victime" again is the same victim, "une victime" another
    definite: bool = False  # a common noun after "le", "ce", "son": it may be one named before
    plural: bool = False  # "les victimes", "ils": not "la victime", not "il"
    amount: Amount | None = None
    time: TimeValue | None = None


LOCAL = "local:"  # the key of a thing of one document that a common noun names ("la victime")


@dataclass(frozen=True)
class Entity:
    """One real-world thing named in a document, with all its mentions."""

    key: str  # stable identity: a Wikidata id, the folded canonical name, or LOCAL + document + noun
    label: str
    kind: str
    mentions: tuple[Mention, ...]
    qid: str | None = None
    aliases: tuple[str, ...] = ()

    @property
    def local(self) -> bool:
        """True for a thing of one document named by a common noun ("la victime"), not by a name."""
        return self.key.startswith(LOCAL)


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document, by character offsets into the original text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Fact:
    """An event or a direct relation found in one or more sentences.

    For an event ``kind`` is the event class and ``roles`` maps role names to values (entity keys, an
    Amount, a TimeValue, a Value, or the content of a statement as a string).  For a relation ``kind`` is
    the property name and ``roles`` has ``subject`` and ``object``.
    """

    kind: str
    roles: tuple[tuple[str, object], ...]
    sentences: tuple[Sentence, ...]
    trigger: str
    method: str
    status: str = "asserted"
    is_event: bool = True

    def values(self, role: str) -> list[object]:
        """Return every value given for ``role``."""
        return [v for r, v in self.roles if r == role]


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one document."""

    document: Document
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]
    facts: tuple[Fact, ...]
