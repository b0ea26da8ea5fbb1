"""The frame lexicon (data/frames/*.yml, its shape told in data/events.yml): which words set off which
events, with what roles, and the literal roles and status the words around them give."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from kg.amounts import parse_number
from kg.data import frame_files, load_yaml
from kg.mentions.base import OF
from kg.nlp import SUBJECT_DEPS, text_of
from kg.titles import title_openers, title_words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


REFLEXIVES = frozenset({"se", "s'", "s’"})  # the clitic of a pronominal verb ("s'est félicité")
_CLIMB = 8  # the most heads looked at above a trigger for the words that make it less than asserted


@cache
def lexicon() -> dict:
    """The engine's data (events.yml) and every kind of the frame lexicon, by kind."""
    rules = dict(load_yaml("events.yml"))
    for name in frame_files():
        rules.update(load_yaml(name))
    return rules


@cache
def kinds() -> tuple[str, ...]:
    """The event kinds the frame lexicon defines."""
    return tuple(k for k, v in lexicon().items() if isinstance(v, dict) and "triggers" in v)


@dataclass(frozen=True)
class Trigger:
    """A word that sets off an event, with the slots of its rule."""

    token: Token
    kind: str
    slots: dict[str, str]
    amount_required: bool
    pos: str  # VERB or NOUN, as the rule reads the word (the tagger may have said otherwise)
    literals: dict[str, str] = field(default_factory=dict)  # roles the rule sets: {"measure": "profit"}
    requires: tuple[str, ...] = ()  # roles the sentence itself must fill
    title: bool = False  # the literal role title takes the job title after the trigger
    attached: bool = False  # a name after a preposition counts only when the parse hangs it on the trigger
    family: str = ""  # the rule family its events are read in: the kind's own unless the rule names one


@cache
def _trigger_index() -> dict[tuple[str, str], list[tuple[str, dict]]]:
    """(lemma, part of speech) -> the event classes and rules it triggers."""
    index: dict[tuple[str, str], list[tuple[str, dict]]] = {}
    for kind in kinds():
        for rule in lexicon()[kind]["triggers"]:
            for lemma in rule["lemmas"]:
                index.setdefault((lemma, rule["pos"]), []).append((kind, rule))
    return index


def triggers_in(span: Span) -> Iterator[Trigger]:
    """Every word of ``span`` that sets off an event, once per kind and rule that holds for it."""
    index = _trigger_index()
    for token in span:
        for kind, rule in index.get(_lemma_and_pos(token), ()):
            if not _applies(rule, token):
                continue
            yield Trigger(token, kind, dict(rule["slots"]), rule.get("amount") == "required", rule["pos"],
                          dict(rule.get("set", {})), tuple(rule.get("requires", ())), bool(rule.get("title")),
                          bool(rule.get("attached")), rule.get("family", kind))


def _applies(rule: dict, token: Token) -> bool:
    """Whether a trigger rule holds for this word: its form (finite, clause) and its dependents (with, without);
    never inside a hyphenated compound ("c'est-à-dire"), a title ("le président élu"), a fund's name or a
    participle that gives a name ("une adolescente nommée Sarah"), nor a word of a name ("CM-CIC Investissement")."""
    return not (token.i > 0 and token.doc[token.i - 1].text == "-" or _title_participle(token) or _names_a_kind(token)
                or _calls(token) or _in_a_name(token)
                or rule.get("finite") and not (finite(token) or token.dep_ == "parataxis"
                                               or any(c.dep_ == "ccomp" for c in token.children))
                or any(token.morph.get(feature) and value not in token.morph.get(feature)
                       for feature, value in rule.get("morph", {}).items())
                or rule.get("clause") and not _says(token)
                or "with" in rule and not _with(token, rule["with"])
                or "without" in rule and _with(token, rule["without"]))


def _in_a_name(token: Token) -> bool:
    """"CM-CIC Investissement", "Crédit Agricole Financement": a noun with a capital after a word with one is a
    word of a name the NER may have missed, not a trigger (a lettered round is one: "1,7 Md€ en Série C")."""
    return token.pos_ == "NOUN" and token.text[:1].isupper() and token.i > 0 and not token.is_sent_start \
        and token.doc[token.i - 1].text[:1].isupper()


@cache
def _kind_nouns() -> frozenset[str]:
    return frozenset((*lexicon()["fund_nouns"], *lexicon()["provisions"]))


def _calls(token: Token) -> bool:
    """"une adolescente nommée Sarah", "l'objet nommé 2014 UZ224", "nommé ainsi": a participle that gives a name,
    not a post."""
    if token.lemma_.lower() not in lexicon()["naming"] or "Part" not in token.morph.get("VerbForm") \
            or any(c.dep_.startswith("aux") for c in token.children):
        return False  # "a nommé Luca de Meo": a post follows
    after = next((t for t in token.doc[token.i + 1 : token.i + 3] if not t.is_punct), None)
    if after is None or after.lemma_.lower() in title_words() or after.lower_ in title_openers():
        return False  # "nommé PDG", "nommé Premier ministre": a post
    so = after.lower_ == "ainsi" and (after.i + 1 == len(token.doc) or token.doc[after.i + 1].lower_ != "que")
    return after.pos_ == "PROPN" or after.like_num or so  # "le centre, nommé ainsi en mémoire de", not "ainsi que"


def _names_a_kind(token: Token) -> bool:
    """"Le fonds d'investissement X", "une clause de rachat": the noun says what a fund or a provision is for, no
    investment or sale is told."""
    return token.pos_ == "NOUN" and token.dep_ == "nmod" and token.head.lemma_.lower() in _kind_nouns() \
        and not any(c.dep_ == "det" for c in token.children)


def _title_participle(token: Token) -> bool:
    """"le président élu Trump", "le directeur désigné": a participle that qualifies a title tells no event."""
    return "Part" in token.morph.get("VerbForm") and token.dep_ in {"amod", "acl"} \
        and token.head.lemma_.lower() in title_words()


def _with(token: Token, lemmas: Sequence[str]) -> bool:
    """A light verb's noun or a pronominal verb's "se" among the trigger's dependents, or the noun an amount it
    governs is counted in ("a infligé 302 millions d'euros d'amendes")."""
    words = [*token.children, *(n for c in token.children if _counted(c) for n in _counted_in(c))]
    return any(c.lemma_.lower() in lemmas or c.lower_ in lemmas for c in words)


def _counted(token: Token) -> bool:
    """An object that is an amount: "302 millions", "deux milliards", "un milliard"."""
    return token.dep_ == "obj" and (any(c.dep_ == "nummod" for c in token.children)
                                    or "Card" in token.morph.get("NumType"))


def _counted_in(amount: Token) -> Iterator[Token]:
    """The nouns of an amount's "de" complements, the unit's as well: "2,4 milliards [d'euros [d'amende]]"."""
    for noun in _of_complements(amount):
        yield noun
        yield from _of_complements(noun)


def _of_complements(noun: Token) -> Iterator[Token]:
    return (c for c in noun.children if c.dep_ == "nmod" and any(g.lower_ in OF for g in c.children))


def _says(verb: Token) -> bool:
    """A verb that governs what is said ("a assuré que", "assure ne pas avoir") or stands in a quote
    ("« ... », lance-t-il"), not one with a plain object ("assurer la permanence")."""
    return verb.dep_ == "parataxis" or any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children)


def _lemma_and_pos(token: Token) -> tuple[str, str]:
    """The token's lemma and part of speech, a verb the tagger took for a noun put right.

    A "noun" with a subject of its own is a verb ("L'Autorité sanctionne la firme"); its lemma is
    then guessed as a first-group infinitive, the commonest case, as is that of a verb whose lemma the
    lemmatiser left as the word is written ("indique").
    """
    verbs = _verb_lemmas()
    if token.pos_ == "NOUN" and any(c.dep_ == "nsubj" for c in token.children):
        lemma = _infinitive(token, verbs)
        return (lemma, "VERB") if lemma in verbs else (token.lemma_.lower(), "NOUN")
    return (_verb_lemma(token, verbs) if token.pos_ == "VERB" else token.lemma_.lower()), token.pos_


@cache
def _verb_lemmas() -> frozenset[str]:
    return frozenset(lemma for lemma, pos in _trigger_index() if pos == "VERB")


@cache
def _modal_lemmas() -> frozenset[str]:
    return frozenset(lemma for lemmas in lexicon()["modality"].values() for lemma in lemmas)


def _verb_lemma(verb: Token, known: frozenset[str]) -> str:
    """A verb's lemma; one the lemmatiser left as the word is written ("indique", "tente") guessed among
    ``known`` as a first-group infinitive."""
    lemma = verb.lemma_.lower()
    if lemma != verb.lower_ or lemma.endswith(("er", "ir", "re")):
        return lemma
    guess = _infinitive(verb, known)
    return guess if guess in known else lemma


def _infinitive(token: Token, known: frozenset[str]) -> str:
    """The first-group infinitive a conjugated form may be of, one of ``known`` if it can ("indique", "tentent")."""
    text = token.lower_
    guesses = (text + "r", text[:-3] + "er" if text.endswith("ent") else "")
    return next((g for g in guesses if g in known), guesses[0])


def finite(verb: Token) -> bool:
    """A conjugated verb, or a past participle with "avoir" or a pronominal one with "être": "a déclaré", "s'est
    félicité", not "estimée" or "pour avertir"."""
    if "Fin" in verb.morph.get("VerbForm"):
        return True
    auxiliaries = {c.lemma_ for c in verb.children if c.dep_.startswith("aux")}
    pronominal = any(c.lower_ in REFLEXIVES for c in verb.children)
    return "Part" in verb.morph.get("VerbForm") and ("avoir" in auxiliaries or pronominal and "être" in auxiliaries)


def status(token: Token) -> str:
    """Asserted, or planned / considered / reported / denied from the words around it."""
    rules = lexicon()
    modality = rules["modality"]
    words = {c.lower_ for c in token.children}
    if words & {"ne", "n'", "n’"} and words & set(rules["negations"]):  # "n'investira pas", not "plus d'un milliard"
        return "denied"
    if token.lower_ in rules["hearsay"]:  # "selon X, ...": the clause's own modality is what was said
        return "reported"
    chain = [token]
    head = token
    verbs = 0  # a noun's own phrase is climbed to its verb ("menacé d'emmener X avec 500 € d'amende"), then 3 heads
    own = None  # where the clause of the trigger ends: "tente de racheter X mais l'offre est rejetée" is not tried
    for _ in range(_CLIMB):
        if head.head.i == head.i or head.dep_ in {"ccomp", "parataxis"} or verbs == 3:
            break
        if own is None and head.dep_ == "conj" and any(c.dep_ in SUBJECT_DEPS for c in head.children):
            own = len(chain)
        head = head.head
        chain.append(head)
        verbs += head.pos_ in {"VERB", "AUX"} or bool(verbs)
    for word in chain[1:own]:
        lemma = _verb_lemma(word, _modal_lemmas()) if word.pos_ == "VERB" else word.lemma_.lower()
        for status, lemmas in modality.items():
            if lemma in lemmas:
                return status
    verbs = [token, *[c for c in token.children if c.dep_.startswith("aux")]]
    hearsay = any(t.lower_ in rules["hearsay"] for word in chain for c in word.children for t in (c, *c.children))
    if hearsay or any("Cnd" in v.morph.get("Mood") for v in verbs):
        return "reported"
    if any("Fut" in v.morph.get("Tense") for v in verbs):
        return "planned"
    return "asserted"


@cache
def _title_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    titles = load_yaml("titles.yml")
    words = "|".join(sorted(map(re.escape, titles["titles"]), key=len, reverse=True))
    title = rf"(?P<title>(?:{words})\b[^,;.()«»\"]{{0,60}})"
    cued = re.compile(rf"^[^.;:«»\"]{{0,120}}?\b(?:{'|'.join(titles['post_cues'])})\s*{title}", re.IGNORECASE)
    plain = re.compile(rf"^[^.;:«»\"]{{0,40}}?\b(?:le |la |l'|l’)?{title}", re.IGNORECASE)
    end = re.compile(rf"\s(?:{'|'.join(titles['post_ends'])})\b.*$", re.IGNORECASE)
    return cued, plain, end


def titles_after(trigger: Token, span: Span) -> list[str]:
    """The job title a sentence gives after its trigger: the one after "comme", "au poste de" and the like
    first, else the first; up to the next punctuation or a word that ends it ("lors", "à partir"). After
    "respectivement", each title of the list, in order ("nommés respectivement secrétaire du conseil, directeur
    financier et directeur des opérations")."""
    text = text_of(span.doc)[trigger.idx + len(trigger.text) : span.end_char]
    cued, plain, end = _title_patterns()
    listed = _RESPECTIVELY.match(text)
    if listed is not None:
        titles = [plain.match(" " + item) for item in re.split(r",\s*|\s+et\s+", listed["list"])]
        if len(titles) > 1 and all(titles):
            return [_cut(end, found["title"]) for found in titles if found]
    found = cued.match(text) or plain.match(text)
    return [title] if found is not None and (title := _cut(end, found["title"])) else []


_RESPECTIVELY = re.compile(r"^\s*respectivement\s+(?P<list>[^.;:«»\"()]+)", re.IGNORECASE)


def _cut(end: re.Pattern[str], title: str) -> str:
    """A title up to a word that ends it, eight words at most."""
    return " ".join(end.sub("", title).split()[:8]).strip()


def job_count(span: Span) -> int | None:
    """The number of jobs a sentence gives: the number before one of results.yml's count_nouns."""
    nouns = lexicon()["count_nouns"]
    for token in span:
        if token.lemma_.lower() in nouns or token.lower_.rstrip("s") in nouns:
            number = [t for t in token.children if t.dep_ == "nummod" or t.like_num and t.i < token.i]
            if number:
                value = parse_number(" ".join(t.text for t in sorted(number, key=lambda t: t.i)))
                return int(value) if value is not None and value == value.to_integral() else None
    return None

