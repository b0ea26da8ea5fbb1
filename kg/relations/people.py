"""People: job titles and employers (jobTitle, worksFor, headOf), relatives and associates, contacts and conflicts."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache
from typing import TYPE_CHECKING

from kg.data import load_yaml
from kg.frames import lexicon
from kg.mentions.base import OF as OF_CASES
from kg.names import fold
from kg.nlp import with_lemmas
from kg.places import demonyms
from kg.records import Entity, Fact, Mention, Sentence
from kg.relations.base import (
    BySentence,
    cases,
    clause_subject,
    clause_subjects,
    conjuncts,
    entity_at,
    is_a,
    possessive_of,
    relation,
)
from kg.relations.patterns import MENTION, OF, SLOT, slot_index
from kg.titles import folded_titles, head_titles, owning_titles, title_words
from kg.vocab import base_class

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_DANGLING = re.compile(r"(?:\s|^)(?:de|du|des|d'|d’|de la|de l'|de l’|chez|à|à la|à l'|à l’|au|aux)$", re.IGNORECASE)
_WORDS = r"[^,;.()«»\"⟦⟧]*?"  # words of a title, up to a punctuation or a mention
FOUNDER_TITLE = "pattern founder title"  # the method of a Founding a founder's title and its employer give
_PREPOSED = re.compile(r"\b(?:par|à|au|aux|avec|pour|de|du|des|d'|chez|contre|entre|selon|sur|sous)\s*$", re.IGNORECASE)


@cache
def _titles() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = "|".join(sorted(map(re.escape, load_yaml("titles.yml")["titles"]), key=len, reverse=True))
    # the employer may be followed by its closing quote and its place: "de l'association « X » à Paris"
    employer = rf"(?:{OF}⟦\d+⟧\s?[»\"”]?(?:\s(?:à|en|au|aux)\s⟦\d+⟧)?"
    # after it, maybe after an adverb of time and before an aside in brackets: "X, actuellement directeur général
    # d'Altice Média,", "Y, directeur général d'Aréas (l'activité de concessions),"
    adverbs = "|".join(map(re.escape, load_yaml("titles.yml")["title_adverbs"]))
    # with no comma, only with its employer: "Bazin président du PSG", "a nommé X directeur général d'Acme"
    after = re.compile(rf"^(?:\s*(?:,\s*(?:(?:{adverbs})\s+)?(?:l[ea]\s+|l')?|\()"
                       rf"(?P<title>(?:{words})\b{_WORDS}{employer}{_WORDS})?)"
                       rf"|\s+(?P<bare>(?:{words})\b{_WORDS}{employer}{_WORDS})))\s*(?:\([^()]*\))?\s*(?=[,;.)]|$)",
                       re.IGNORECASE)
    # before a name, nothing after the employer but a demonym and a comma: "le patron de la CGT Philippe Martinez",
    # "le président de la République italien Sergio Mattarella", "le PDG de la SocGen, Frédéric Oudéa", not "le
    # directeur de Renault a reçu Paul Roy", "la ministre de l'Économie (Anne Roy)"; after it, between commas or
    # brackets: "Benjamin André (PDG)"
    before = re.compile(rf"(?:^|[\s,(])(?:l[ea]\s+|l'|un\s+|une\s+)?(?P<title>(?:{words})\b{_WORDS}{employer}"
                        rf"(?:\s(?P<adj>[^\W\d]+))?)?)\s*[,(]?\s*$", re.IGNORECASE)
    return after, before


def job_titles(sentence: Sentence, masked: str, written: str, inside: Sequence[Mention],
               of_mention: dict[Mention, Entity]) -> Iterator[Fact]:
    """A person's job title and employer, matched on ``masked`` and taken as ``written`` (the same text
    before its apostrophes were made plain): "M. X, secrétaire d’État américain"."""
    after, before = _titles()
    for i, m in enumerate(inside):
        person = of_mention[m]
        if m.form != "name" or base_class(person.kind) != "Person" or _title_word(person.label):
            continue  # "le président du Sénat" taken for a name holds no title
        slot = SLOT.format(i)
        if slot not in masked:
            continue  # a name inside another ("Paris" in "le tribunal de Paris") has no title of its own
        at = masked.index(slot)
        for found, offset in ((after.match(masked[at + len(slot) :]), at + len(slot)), (before.search(masked[:at]), 0)):
            if found is None or found.groupdict().get("adj") and fold(found["adj"]) not in demonyms():
                continue
            group = "bare" if found.groupdict().get("bare") else "title"
            title = found[group]
            cut = written[offset + found.start(group) :][: len(re.split(OF + "⟦", title)[0])]
            text = re.sub(MENTION, lambda p: inside[slot_index(p[0])].text, cut).strip()
            if _DANGLING.search(text):
                continue  # "le Premier ministre de ⟦Hollande⟧": the name is the title's complement, not its holder
            employers = [e for j in map(slot_index, re.findall(MENTION, title))
                         if base_class((e := of_mention[inside[j]]).kind) in {"Organization", "Product"}]
            if group == "bare" and (_PREPOSED.search(masked[:at]) or not employers):
                continue  # "nommé par ⟦Hollande⟧ premier ministre en remplacement de ⟦Valls⟧": no title of his
            owner = bool(text) and fold(text.split()[0]) in owning_titles()  # "le propriétaire de X" owns it
            founder = bool(set(re.split(r"[\s,]+", text.lower())) & _founder_words())
            for employer in () if owner else employers:
                yield relation("worksFor", person.key, employer.key, sentence, "pattern title")
                if text.lower() in head_titles():
                    yield relation("headOf", person.key, employer.key, sentence, "pattern title")
                if founder and base_class(employer.kind) == "Organization":  # "X, co-fondateur et président de Y"
                    yield Fact("Founding", (("founder", person.key), ("organization", employer.key)), (sentence,),
                               text, FOUNDER_TITLE)
            if text:
                yield relation("jobTitle", person.key, text, sentence, "pattern title")
        yield from _office(sentence, masked[at + len(slot) :], written[at + len(slot) :], inside, m, of_mention)


def _office(sentence: Sentence, after: str, written: str, inside: Sequence[Mention], name: Mention,
            of_mention: dict[Mention, Entity]) -> Iterator[Fact]:
    """"X à la présidence du conseil d'administration et Y à la direction générale": the title of the office
    (titles.yml offices, a woman's if the words say she is one) set right after a name, with the words after it up
    to a punctuation, the next name or "et" before one; "X à la direction de Netflix": the organisation named after
    it is the employer, one a head's title heads; "X à la présidence du Gabon": another name is the title's."""
    found = _office_pattern().match(after)
    if found is None:
        return
    person = of_mention[name]
    title = load_yaml("titles.yml")["offices"][found["office"].lower()][name.gender == "Fem"]
    text = title + written[found.start("rest") : found.end("rest")].rstrip()
    complement = found["slot"] and of_mention[inside[slot_index(found["slot"])]]
    if complement and base_class(complement.kind) == "Organization":
        yield relation("worksFor", person.key, complement.key, sentence, "pattern title")
        if title in head_titles() and not found["rest"].strip():
            yield relation("headOf", person.key, complement.key, sentence, "pattern title")
    elif complement:
        text = f"{text}{found['of']}{inside[slot_index(found['slot'])].text}"
    if not _DANGLING.search(text):
        yield relation("jobTitle", person.key, text, sentence, "pattern title")


@cache
def _office_pattern() -> re.Pattern[str]:
    offices = "|".join(sorted(map(re.escape, load_yaml("titles.yml")["offices"]), key=len, reverse=True))
    return re.compile(rf"^\s+à\s+la\s+(?P<office>{offices})\b(?P<rest>[^,;.()«»\"⟦⟧]*?)"
                      r"(?:(?P<of>\s(?:de\s+la\s|de\s+l'|d'|de\s|du\s|des\s))(?P<slot>⟦\d+⟧)"
                      r"|(?=\s+et\s+⟦|\s*[,;.()]|\s*⟦|\s*$))", re.IGNORECASE)


def posts(doc: Doc, sentence_at: BySentence, at_token: dict[int, Entity]) -> Iterator[Fact]:
    """"X quittera ses fonctions de PDG d'Altice France et de SFR", "il retrouve ses mandats de député": the named
    subject of the verb a post's noun hangs on holds the title after the noun's "de", and
    works for (and, for a head's title, heads) each organisation the title's own "de" names (titles.yml posts)."""
    rule = load_yaml("titles.yml")["posts"]
    for post in with_lemmas(doc, frozenset(rule["nouns"])):
        verb = post.head
        if post.pos_ != "NOUN" or verb.pos_ != "VERB" or verb.lemma_.lower() in rule["not_held"] \
                or possessive_of(post) is None and not cases(post) & set(rule["cases"]) \
                or any(c.dep_ == "obj" and (e := entity_at(c, at_token)) and is_a(e, ["Person"]) for c in verb.children):
            continue  # "X supprime le poste de directeur": no one's; "son extension au poste de chef", "X a nommé
            # Y au poste de", "X a proposé Y au poste de": not the subject's; "X postule au poste de": not held
        holder = clause_subject(post, at_token)
        if holder is None or base_class(holder.kind) != "Person" or not any(m.form == "name" for m in holder.mentions):
            continue
        for title in post.children:
            if title.dep_ != "nmod" or not cases(title) & OF_CASES or title.lemma_.lower() not in title_words() \
                    or title.i in at_token:
                continue
            words = [title]
            for t in title.doc[title.i + 1 : title.sent.end]:
                if t.i in at_token or t.is_punct or not (t.pos_ == "ADJ" or t.is_lower and t.pos_ in {"NOUN", "ADP", "DET"}):
                    break
                words.append(t)
            text = _DANGLING.sub("", title.doc[words[0].i : words[-1].i + 1].text).strip()
            named = [c for c in title.children if c.dep_ == "nmod" and c.i in at_token]  # "d'Altice France": two words
            of = {at_token[c.i].key for c in named if cases(c) & OF_CASES}
            employers = list({e.key: e for c in named if at_token[c.i].key in of for t in conjuncts(c)
                              if (e := entity_at(t, at_token)) is not None and is_a(e, ["Organization"])}.values())
            sentence = sentence_at(title.idx)
            yield relation("jobTitle", holder.key, text, sentence, "dependency post")
            for employer in employers:
                yield relation("worksFor", holder.key, employer.key, sentence, "dependency post")
                if text.lower() in head_titles():
                    yield relation("headOf", holder.key, employer.key, sentence, "dependency post")


@cache
def _founder_words() -> frozenset[str]:
    """The nouns that make their holder a founder: the Founding frame's noun triggers whose subject is the founder
    ("cofondateur", not "fondation")."""
    return frozenset(lemma for rule in lexicon()["Founding"]["triggers"]
                     if rule["pos"] == "NOUN" and rule["slots"].get("subject") == "founder" for lemma in rule["lemmas"])


def _title_word(label: str) -> bool:
    return fold(label.split()[0]) in folded_titles()


def kin_and_associates(sentence_at: BySentence, of_mention: dict[Mention, Entity], root: dict[Mention, Token],
                       at_token: dict[int, Entity]) -> Iterator[Fact]:
    """"il a appelé sa femme", "le père de l'enfant": a person a kin noun names is a relative of the subject
    of its clause after a possessive, or of the person after "de"; "sa famille", "ses hommes", "ses
    collègues": the subject is a member of the group, has the men in hand, is in contact with colleagues."""
    table = load_yaml("relations.yml")
    kin, rule = set(table["kin"]), table["family"]
    associates = {noun: name for name, nouns in rule["associates"].items() for noun in nouns}
    for m, relative in of_mention.items():
        if m.form not in {"noun", "description"} or not is_a(relative, ["Person", "Group"]):
            continue
        noun = root[m]
        lemma = noun.lemma_.lower()
        possessive = possessive_of(noun)
        if lemma in associates:
            if possessive is not None:  # "il a réuni ses collègues", "les policiers et leur chef"
                name = associates[lemma]
                for owner in clause_subjects(noun, at_token, "Plur" if possessive.lower_ in rule["plural"] else "Sing"):
                    if owner.key != relative.key and is_a(owner, rule["owners"][name]):
                        yield relation(name, owner.key, relative.key, sentence_at(m.start), "dependency associate")
            continue
        if lemma not in kin or relative.kind != "Person":
            continue
        mine = possessive is not None and possessive.lower_ in rule["possessives"]
        others = [clause_subject(noun, at_token, "Sing")] if mine else []
        others += [entity_at(c, at_token) for c in noun.children if c.dep_ == "nmod"
                   and cases(c) & set(rule["links"])]
        for other in others:
            if other is not None and other.kind == "Person" and other.key != relative.key:
                yield relation("relativeOf", relative.key, other.key, sentence_at(m.start), "dependency kin")


@cache
def _interaction_lemmas() -> frozenset[str]:
    return frozenset(_interaction_verbs())


@cache
def _interaction_verbs() -> dict[str, tuple[str, bool]]:
    """Each verb of contact or conflict -> its relation, and whether its object is the other one."""
    table = load_yaml("relations.yml")["interactions"]
    return {verb: (name, kind == "direct") for name in ("inContactWith", "atOddsWith")
            for kind, verbs in table[name].items() for verb in verbs}


def interactions(doc: Doc, sentence_at: BySentence, at_token: dict[int, Entity]) -> Iterator[Fact]:
    """"Mme X a appelé les pompiers", "la police a arrêté deux hommes", "X a été agressé par un inconnu": the
    subject and the object of a verb of contact or conflict were in contact, or at odds."""
    rule, verbs = load_yaml("relations.yml")["interactions"], _interaction_verbs()
    for verb in with_lemmas(doc, _interaction_lemmas()):
        name, direct = verbs.get(verb.lemma_, (None, False)) if verb.pos_ == "VERB" else (None, False)
        if name is None:
            continue
        doers, others = [], []  # "X a arrêté Y", "Y a été arrêté par X", "X a parlé à Y"
        for child in verb.children:
            case = cases(child)
            # "X et Y ont appelé les pompiers": each of a list
            listed = [e for t in conjuncts(child) if (e := entity_at(t, at_token)) is not None
                      and is_a(e, rule["classes"])]
            if child.dep_ in {"nsubj", "obl:agent"}:
                doers += listed
            elif child.dep_ == "nsubj:pass" or child.dep_ in rule["objects"] and (
                    not case if direct else case & set(rule["with"][name])):
                others += listed
        if not doers:  # "les voisins ont décidé d'appeler les pompiers": the subject of the verb it depends on
            doers += [doer for doer in clause_subjects(verb, at_token, passive=False) if is_a(doer, rule["classes"])]
        sentence = sentence_at(verb.idx)
        for doer in doers:
            for other in others:
                if doer.key != other.key:
                    yield relation(name, doer.key, other.key, sentence, f"dependency {verb.lemma_}")
