"""Names: the NER's spans (and the gazetteer's) made mentions, each with its class as the gazetteer, the name
itself or the words before it tell it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from kg.gazetteer import Gazetteer
from kg.mentions.base import (
    ARTICLES,
    CONTRACTIONS,
    OPENING_QUOTES,
    anaphora_table,
    free_of,
    is_subject,
    line_break,
    names_table,
)
from kg.mentions.spans import blocked_spans, is_junk, merged, name_start, trimmed, without_titles
from kg.names import fold
from kg.nlp import SUBJECT_DEPS, text_of
from kg.places import demonyms, known_places
from kg.records import Mention
from kg.titles import title_words
from kg.vocab import base_class

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

NER_CLASSES = {"PER": "Person", "ORG": "Organization", "LOC": "Place", "MISC": "Product"}
_LINKS = frozenset({"de", "du", "des", "d'", "l'", "la", "le", "les", "à", "au", "aux"})
# The determiners (and contractions) before a noun that says what the name after it is: "du groupe X".
_DETERMINERS = CONTRACTIONS | {"le", "la", "l'", "l’", "les", "un", "une", "ce", "cet", "cette", "ces", "son", "sa",
                                "ses", "leur", "leurs"}
_ADJECTIVES = 3  # adjectives between that noun and the name at most
_COORDINATED = 4  # names coordinated after it at most, itself included
_HEADED_WORDS = 4  # words of a name that heads a paragraph before a colon at most
_HEADED_DETERMINERS = frozenset({"le", "la", "l'", "l’"})  # the description after it is the one thing it names
_APPOSED_DETERMINERS = _HEADED_DETERMINERS | {"un", "une"}  # before a noun apposed to a name
_LIST_GAP = re.compile(r"[ \t]*(?:,|–|—|,?[ \t]*et|ou)[ \t]*")  # between two names of a list, on one line


def names_in(doc: Doc, gazetteer: Gazetteer) -> Iterator[Mention]:
    text = text_of(doc)
    free = free_of(blocked_spans(text))
    found: list[tuple[int, int]] = []
    for span in merged(doc):
        # a name the gazetteer knows stays whole ("État islamique", "eBay"), with the article of its title
        # that the NER left out ("selon le Monde": Le Monde)
        known = gazetteer.lookup(span.text)
        before = doc[span.start - 1] if span.start else None
        if not known and before is not None and before.text.capitalize() in ARTICLES \
                and gazetteer.lookup(text[before.idx : span.end_char]):
            tokens = [before, *span]
        else:
            tokens = list(span) if known else trimmed(span)
        if not tokens:
            continue
        start, end = name_start(tokens[0]), tokens[-1].idx + len(tokens[-1])
        name = text[start:end]
        entry = gazetteer.lookup(name)
        titled = False
        if entry is None:
            untitled = without_titles(tokens)
            if not untitled:
                continue
            titled, tokens = len(untitled) < len(tokens), untitled
            start, end = name_start(tokens[0]), tokens[-1].idx + len(tokens[-1])
            name = text[start:end]
            entry = gazetteer.lookup(name)
        if (entry is None and is_junk(name, tokens)) or not free(start, end):
            continue
        if entry:
            kind, cue = base_class(entry.cls), "gazetteer"
        else:
            kind, cue = _class_from_name(name, span.label_)
            if titled and cue == "ner":
                kind, cue = "Person", "context"  # "le Professeur X", "la Polonaise X" name a person
            elif cue == "ner" and _product_context(tokens[0], misc=span.label_ == "MISC"):
                kind, cue = "Product", "context"
            if cue in {"ner", "name"} and _portfolio(tokens[0]):
                kind, cue = "Organization", "context"
            elif cue == "ner" and (said := _named_as(tokens[0])):
                kind, cue = said, "context"
            elif cue == "ner" and (
                    _organisation_context(tokens[0]) or _employer(tokens[0]) or _heads_description(tokens)
                    or kind != "Place" and _apposed_cue(tokens[-1])):
                kind, cue = "Organization", "context"
            elif cue == "ner" and span.label_ == "MISC" and _branded(tokens, gazetteer):
                kind, cue = "Product", "context"  # what the words around it do not call an organisation
        found.append((start, end))
        yield Mention(start, end, name, kind, cue=cue, subject=is_subject(tokens), gender=_gender(tokens[0]))
    unnamed = free_of(found)
    yield from (m for m in _headed_names(doc) if unnamed(m.start, m.end))


def classed_lists(text: str, names: list[Mention]) -> list[Mention]:
    """The class a list of names on one line gets from its neighbours (``names`` in text order):

    - after a plural noun that says what they are and a word that gives examples, every name only the NER typed
      takes the noun's class: "40 détaillants, dont Target et Costco", "des marques comme Florette ou Danao";
    - "les actionnaires – Bpifrance, Eurazeo, Kernel, Accel –": in a list of three or more, or of two joined by
      "et" or "ou", a name only the NER's catch-all class typed is an organisation when the list holds at least
      as many organisations as such names."""
    out, run = list(names), [0]
    for i in range(1, len(out) + 1):
        if i < len(out) and _LIST_GAP.fullmatch(text[out[i - 1].end : out[i].start]):
            run.append(i)
            continue
        gaps = [text[out[a].end : out[b].start] for a, b in zip(run, run[1:], strict=False)]
        guessed = [j for j in run if out[j].kind == "Product" and out[j].cue == "ner"]
        organisations = sum(out[j].kind == "Organization" for j in run)
        exemplified = _exemplified(text, out[run[0]].start, out[run[-1]].end)
        if exemplified is not None:
            for j in run:
                if out[j].cue == "ner" and not _personal(out[j]):
                    out[j] = replace(out[j], kind=exemplified, cue="context")
        elif (len(run) >= 3 or any(g.strip(" ,") in {"et", "ou"} for g in gaps)) and guessed \
                and organisations >= len(guessed):
            for j in guessed:
                out[j] = replace(out[j], kind="Organization", cue="context")
        run = [i]
    return out


@cache
def _example_lead() -> re.Pattern[str]:
    words = "|".join(map(re.escape, names_table()["exemplifying"]))
    return re.compile(rf"(?<![\w-])(?P<noun>[^\W\d][\w-]*[sx])(?P<comma>\s*,)?\s+(?P<cue>{words})\s+"
                      rf"(?:l[ea]\s+|les\s+|l['’]\s*)?$", re.IGNORECASE)


_CLAUSE_END = re.compile(r"\s*(?:[,.;:)—–]|$)")


def _personal(name: Mention) -> bool:
    """A name of two words or more the NER took for a person's: "dont Jean Dupré" stays a person."""
    return name.kind == "Person" and " " in name.text.strip()


def _exemplified(text: str, start: int, end: int) -> str | None:
    """The class a plural noun gives the list of names in [start, end) that gives examples of it, when the list
    ends its clause (not "les sociétés dont Paul Roy est actionnaire"); "comme" after a comma compares ("il défend
    ses marques, comme Lactalis"), it gives no examples."""
    lead = _example_lead().search(text, max(0, start - 60), start)
    if lead is None or not _CLAUSE_END.match(text, end) or lead["comma"] and lead["cue"].lower() == "comme":
        return None
    plural = lead["noun"].lower()
    noun, table = plural[:-3] + "al" if plural.endswith("aux") else plural[:-1], names_table()  # "journaux", "start-ups"
    if noun in table["organisation_cues"]:
        return "Organization"
    return "Product" if noun in table["product_nouns"] else None


def _headed_names(doc: Doc) -> Iterator[Mention]:
    """Words the NER passed over that name a company by heading its paragraph (``_heads_description``)."""
    stop, text = names_table()["stopwords"], text_of(doc)
    for colon in (t for t in doc if t.text == ":"):
        start = colon.i
        while start > 0 and colon.i - start < _HEADED_WORDS and not line_break(doc[start - 1]):
            start -= 1
        words = doc[start : colon.i]
        if words and _heads_description(words) \
                and not any(t.ent_iob_ != "O" or not t.text[:1].isupper() or t.text in stop or t.like_num for t in words):
            begin, end = words[0].idx, words[-1].idx + len(words[-1])
            yield Mention(begin, end, text[begin:end], "Organization", cue="context")


def _heads_description(words: Span | list[Token]) -> bool:
    """"Biogen : le groupe américain prévoit ...": words that open a paragraph before a colon and a company's
    description (names.yml organisation_cues, anaphora.yml nouns of an organisation, or a noun of no person nor
    place with a nationality, the subject of a verb: "Merck : le laboratoire allemand va investir") name that
    company, the way lists of deals are written."""
    doc, first, last = words[0].doc, words[0], words[-1]
    if first.i > 0 and not line_break(doc[first.i - 1]) or last.i + 4 > len(doc) or doc[last.i + 1].text != ":" \
            or doc[last.i + 2].lower_ not in _HEADED_DETERMINERS:
        return False  # not "France : les syndicats appellent", "France : un géant de l'édition en rachète un autre"
    noun = next((t for t in doc[last.i + 3 : last.i + 4 + _ADJECTIVES] if t.pos_ != "ADJ"), None)
    if noun is None or noun.i + 1 < len(doc) and doc[noun.i + 1].text[:1].isupper():
        return False  # "France : la compagnie Air France" describes the name after it
    lemma, classes = noun.lemma_.lower(), anaphora_table()["nouns"].get(noun.lemma_.lower(), ())
    if lemma in names_table()["organisation_cues"] or "Organization" in classes:
        return True
    # "Merck : le laboratoire allemand va investir": a noun of no person nor place with a nationality, the subject
    # of a clause (not a headline's "Jeux olympiques de Rio : le duo chinois intouchable")
    national = noun.i + 1 < len(doc) and noun.is_lower and fold(doc[noun.i + 1].text) in demonyms()
    subject = noun.pos_ == "NOUN" and noun.dep_ in SUBJECT_DEPS and noun.head.pos_ in {"VERB", "AUX"}
    return national and subject and not classes and lemma not in title_words()


def _named_as(first: Token) -> str | None:
    """"un concurrent du nom de Rivian", "une entreprise nommée « Sweetlife »": the class the noun before says."""
    doc = first.doc
    at = first.i - 1 if first.i > 0 and doc[first.i - 1].text in OPENING_QUOTES else first.i
    for phrase in names_table()["named_as"]:
        words = phrase.split()
        if at - len(words) >= 1 and [t.lower_ for t in doc[at - len(words) : at]] == words:
            classes = anaphora_table()["nouns"].get(doc[at - len(words) - 1].lemma_.lower())
            return classes[0] if classes else None
    return None


def _organisation_context(first: Token) -> bool:
    """"le groupe parapétrolier TechnipFMC", "les géants Walmart et Google": a name set right
    after a noun that says it is an organisation (names.yml organisation_cues), or coordinated after such a name."""
    doc, cues = first.doc, names_table()["organisation_cues"]
    i = first.i - 1
    for _ in range(_COORDINATED):
        adjectives = 0
        while i > 0 and doc[i].pos_ == "ADJ" and doc[i].is_lower and adjectives < _ADJECTIVES:
            i, adjectives = i - 1, adjectives + 1  # "la banque [française]", "le [premier] fabricant [mondial]"
        if i < 1:
            return False
        word, start = doc[i].lower_, i
        if doc[i - 1].text == "-" and i > 1 and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
            word, start = f"{doc[i - 2].lower_}-{word}", i - 2  # "la start-up X", split by the tokenizer
        if doc[i].lemma_.lower() in cues or word in cues:
            return start > 0 and doc[start - 1].lower_ in _DETERMINERS
        if doc[i].pos_ == "NOUN" and doc[i].is_lower and i > 2 and adjectives == 0:
            # "le géant du lait Lactalis", "les géants de la technologie Nvidia": the cue's complement between
            link = i - 2 if doc[i - 1].lower_ in {"la", "l'", "l’"} else i - 1
            if doc[link].lower_ in {"du", "de", "des", "d'", "d’"} and link > 0 and doc[link - 1].lemma_.lower() in cues:
                return link > 1 and doc[link - 2].lower_ in _DETERMINERS
        if word not in {"et", "ou"} or not doc[i - 1].ent_type_:  # not ",": "le journal La Croix, Cynthia Fleury"
            return False
        i -= 1  # "les géants Walmart et Google": Google is one as Walmart is
        while i > 0 and doc[i].ent_iob_ == "I":
            i -= 1
        i -= 1
    return False


def _apposed_cue(last: Token) -> bool:
    """"Lactalis Ingrédients, une filiale du géant du lait": a name set before a comma, an article and a noun that
    says it is an organisation (names.yml organisation_cues), maybe after an adjective; not a noun of another name
    ("la banque HSBC"). A place is left out: "à Bessan, un groupe de manifestants a bloqué" begins a clause."""
    doc, i = last.doc, last.i + 1
    if i + 3 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in _APPOSED_DETERMINERS:
        return False
    i += 2
    if doc[i].pos_ == "ADJ" and doc[i].is_lower and i + 1 < len(doc):
        i += 1  # "une importante filiale"
    noun = doc[i]
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in names_table()["organisation_cues"] \
        and not (i + 1 < len(doc) and doc[i + 1].text[:1].isupper())


def _employer(first: Token) -> bool:
    """"le directeur général d'Aréas", "la PDG de la SNCF": the name after a title of a company's staff
    (names.yml employer_titles), its adjectives and "de"."""
    doc, i = first.doc, first.i - 1
    if i > 0 and doc[i].lower_ in {"la", "l'", "l’"}:
        i -= 1
    if i < 1 or doc[i].lower_ not in {"de", "d'", "d’", "du", "des"}:
        return False
    i -= 1
    while i > 0 and doc[i].pos_ == "ADJ" and doc[i].is_lower and first.i - i <= _ADJECTIVES + 2:
        i -= 1  # "directeur général [adjoint]"
    return doc[i].lower_ in names_table()["employer_titles"]


def _portfolio(first: Token) -> bool:
    """"le ministre de l'Économie", "la ministre des Outre-Mer": the name is a ministry's portfolio (not the
    country of "le Premier ministre d'Australie")."""
    i = first.i - 1
    while i >= 0 and first.i - i <= 2 and first.doc[i].lower_ in _LINKS:
        i -= 1
    return 0 <= i < first.i - 1 and first.doc[i].lower_ in names_table()["portfolio_heads"] \
        and not (i > 0 and first.doc[i - 1].lower_ in {"premier", "première"})


def _gender(first: Token) -> str | None:
    """A name's gender as the words say it: the word just before it when that is a determiner, a
    title or an adjective ("le ministre", "la présidente", "Mme", "M."), else its first name's own."""
    before = first.doc[first.i - 1] if first.i else None
    for token, parts in ((before, {"DET", "NOUN", "ADJ"}), (first, {"PROPN"})):
        genders = token.morph.get("Gender") if token is not None and token.pos_ in parts else []
        if len(genders) == 1:
            return genders[0]
    return None


def _product_context(first: Token, misc: bool) -> bool:
    """"l'application Threads", "la marque Soignon": a noun before a name that makes it a product; and for a name
    of the NER's catch-all class, words such as "sur Reels", "le service Ovi"."""
    before = [t for t in first.doc[max(0, first.i - 3) : first.i] if t.pos_ != "DET"]
    if not before or first.ent_type_ == "PER" and first.doc[first.i + 1 : first.i + 2].text[:1].isupper():
        return False  # "le chef de produit Jean Dupont": a person's full name stays hers
    table, word = names_table(), before[-1]
    nouns = table["product_nouns"] if word.pos_ == "NOUN" else ()  # not "il a produit les Beatles"
    return any(w in nouns or misc and w in table["product_cues"] for w in (word.lower_, word.lemma_.lower()))


def _branded(tokens: list[Token], gazetteer: Gazetteer) -> bool:
    """"Google Assistant", "Twitter Blue": a name of the NER's catch-all class that opens with a company's or a
    product's name the gazetteer knows is a product of that brand, unless a place follows the brand ("Google
    France")."""
    if len(tokens) < 2:
        return False
    brand, rest = gazetteer.lookup(tokens[0].text), " ".join(t.text for t in tokens[1:])
    entry = gazetteer.lookup(rest)
    place = fold(rest) in known_places() or entry is not None and base_class(entry.cls) == "Place"
    return brand is not None and base_class(brand.cls) in {"Organization", "Product"} and not place


def _class_from_name(name: str, label: str) -> tuple[str, str]:
    words = name.split()
    for cls, cues in names_table()["classes"].items():
        if words[0] in cues["first"] or words[-1] in cues["last"]:
            return cls, "name"
    if fold(name) in known_places():
        return "Place", "name"
    return NER_CLASSES.get(label, "Product"), "ner"
