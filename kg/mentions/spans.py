"""NER spans -> the words of a name: spans joined and stretched, words around them trimmed, titles dropped,
junk and phrases that are no names told apart."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from kg.data import load_yaml, read_text
from kg.mentions.base import ARTICLES, OF, line_break, names_table
from kg.names import fold
from kg.nlp import ABBREVIATIONS, text_of
from kg.places import demonyms
from kg.titles import title_openers

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_NUMBERED = re.compile(r"\d+(?:[A-Z]\w*|st|nd|rd|th)")  # "2F Conseil", "3M", "20th Century Fox"
# the rest of an organisation's name that lists what it deals with: ", de la concurrence, de la consommation, du
# travail et de l'emploi", ", des Finances et de la Relance"
_OF = r"(?:de la |de l['’]|du |des |de )"
_LISTED_COMPLEMENTS = re.compile(rf"(?:, {_OF}[\w’'-]+(?: [a-zà-ÿ-]+)?)+(?:,? et {_OF}[\w’'-]+(?: [a-zà-ÿ-]+)?)(?=\W)")
_EDGE_POS = {"DET", "ADP", "PUNCT", "VERB", "AUX", "PRON", "SCONJ", "CCONJ", "ADV", "SPACE"}
_FORMER = re.compile(r"[Ee]x-(?=[A-ZÀ-Ý])")  # "ex-Pinault": formerly Pinault


def merged(doc: Doc) -> list[Span]:
    """NER spans, with a name cut at an abbreviation's full stop joined again ("Warner Bros. Discovery")
    and stretched over capitalised words beside it ("Financière Fonds Privés", "Breed Reply"), a number
    that begins it ("21st Century Fox") and the list of what an organisation deals with ("Direction régionale des
    entreprises, de la concurrence, ... et de l'emploi"); a span over a
    line break is two ("Santé" heading a list, "Merck : le laboratoire ...")."""
    spans: list[Span] = []
    for ent in (part for whole in doc.ents for part in _lines(whole)):
        if spans and spans[-1].end == ent.start - 1 and doc[ent.start - 1].text == "." \
                and doc[spans[-1].end - 1].text in ABBREVIATIONS:
            spans[-1] = doc[spans[-1].start : ent.end]
            spans[-1].label_ = spans[-1].label_ or ent.label_
            continue
        spans.append(ent)
    stretched = []
    for span in spans:
        start, end = span.start, span.end
        while start > 0 and (_name_word(doc[start - 1]) and not doc[start - 1].is_sent_start
                             or _capital_article(doc[start - 1], span.label_)
                             or _NUMBERED.fullmatch(doc[start - 1].text)) and doc[start - 1].ent_iob_ == "O":
            start -= 1
        while end < len(doc):
            if _glued_hyphen(doc, end):
                end += 2  # "France" + "-Presse"
            elif _name_word(doc[end]) and doc[end].ent_iob_ == "O":
                end += 1
            else:
                break
        stop = doc[end - 1].idx + len(doc[end - 1])
        # headed by a common noun: "Direction", "ministère", not "Renault, de la crise et des salaires"
        listed = _LISTED_COMPLEMENTS.match(text_of(doc), stop) if span.label_ == "ORG" and doc[start].pos_ == "NOUN" \
            else None
        # "Direction régionale des entreprises, de la concurrence, ... et de l'emploi": the list goes on the
        # name's own complement; not "l'alliance du Crédit Agricole, de la Société générale et de Groupama"
        if listed is not None and any(t.lower_ in OF for t in doc[start:end]):
            stop = listed.end()
        stretched.append(doc.char_span(doc[start].idx, stop, label=span.label_, alignment_mode="contract") or span)
    alone = {span.text for span in stretched}
    return [part for span in stretched for part in _person_after(span, alone)]


def _person_after(span: Span, alone: set[str]) -> list[Span]:
    """"Groupama Jean Azéma": a name the NER ran on over a person's, cut at a first name (data/first_names.txt,
    from WiNER's training articles) when the words before it are a name of the article on their own and
    capitalised words follow it (not "Fondation Jean Jaurès", not "Université Pierre et Marie Curie")."""
    if span.label_ == "PER" or len(span) < 3:
        return [span]
    for k in range(1, len(span) - 1):
        if span[k].text in _first_names() and span[:k].text in alone \
                and all(t.text[:1].isupper() for t in span[k + 1 :]):
            head, person = span[:k], span[k:]
            head.label_, person.label_ = span.label_, "PER"
            return [head, person]
    return [span]


@cache
def _first_names() -> frozenset[str]:
    return frozenset(read_text("first_names.txt").split())


def _lines(span: Span) -> list[Span]:
    """The parts of a span between its line breaks."""
    parts, start = [], span.start
    for token in span:
        if line_break(token):
            end = token.i if token.is_space else token.i + 1
            if end > start:
                parts.append(span.doc[start:end])
            start = token.i + 1
    if span.end > start:
        parts.append(span.doc[start : span.end])
    for part in parts:
        part.label_ = span.label_
    return parts


def _glued_hyphen(doc: Doc, i: int) -> bool:
    """A hyphen with no space either side and a capitalised word after it ("France-Presse")."""
    return (i + 1 < len(doc) and doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_
            and doc[i + 1].text[:1].isupper())


def _name_word(token: Token) -> bool:
    return (token.text[:1].isupper() and token.pos_ in {"PROPN", "NOUN", "ADJ"}
            and token.text not in names_table()["stopwords"] and token.like_num is False)


def trimmed(span: Span) -> list[Token]:
    """Drop determiners and elided articles before a name, verbs and punctuation after it."""
    tokens = list(span)
    stop = names_table()["stopwords"]
    while tokens and (not tokens[0].text[:1].isupper() or tokens[0].text.endswith("'") or tokens[0].text in stop) \
            and not _particle(tokens) and not _capital_article(tokens[0], span.label_) \
            and not _former(tokens[0]) and not (_NUMBERED.fullmatch(tokens[0].text) and len(tokens) > 1):
        tokens.pop(0)
    while tokens and (tokens[-1].text in ",;:()«»\"'-." or tokens[-1].is_space or (tokens[-1].is_lower and (
            tokens[-1].pos_ in _EDGE_POS or tokens[0].head.i == tokens[-1].i or _stray_demonym(tokens)))):
        tokens.pop()
    return tokens


def name_start(token: Token) -> int:
    """Where the name that ``token`` begins starts: after "ex-" ("l'ex-Pinault Printemps Redoute" is Pinault
    Printemps Redoute, formerly)."""
    return token.idx + _former(token)


def _former(token: Token) -> int:
    """The length of the "ex-" that glues a former name to ``token``, 0 for none nor before a title ("l'ex-Premier
    ministre François Fillon" is François Fillon's)."""
    found = _FORMER.match(token.text)
    return found.end() if found and token.text[found.end() :].lower() not in _titles() else 0


def _capital_article(token: Token, label: str) -> bool:
    """An article written with a capital inside a sentence begins a name: "selon Le Monde", "Les Amis de la
    Terre", "Marine Le Pen" (at a sentence's start it may be the sentence's: "La France a ..."). Not a place's:
    the mentions of POPCORN, for one, leave it out ("à La [Nouvelle-Orléans]")."""
    doc = token.doc
    return (label != "LOC" and token.text in ARTICLES and 0 < token.i < len(doc) - 1 and not token.is_sent_start
            and (doc[token.i - 1].is_alpha or doc[token.i - 1].text == ",") and doc[token.i + 1].text[:1].isupper())


def _stray_demonym(tokens: list[Token]) -> bool:
    """A nationality at the end that does not agree with the name's head qualifies something else:
    "ministre des Affaires étrangères français" (unlike "Union européenne")."""
    last, head = tokens[-1], tokens[0]
    if len(tokens) < 2 or fold(last.text) not in demonyms():
        return False
    return any(last.morph.get(f) and head.morph.get(f) and last.morph.get(f) != head.morph.get(f)
               for f in ("Gender", "Number"))


def _particle(tokens: list[Token]) -> bool:
    """A lowercase particle glued by a hyphen to a capitalised word is part of the name ("al-Nosra", "el-Sissi")."""
    return (len(tokens) > 2 and tokens[0].is_lower and len(tokens[0].text) <= 3 and tokens[1].text == "-"
            and not tokens[0].whitespace_ and not tokens[1].whitespace_ and tokens[2].text[:1].isupper())


@cache
def _titles() -> frozenset[str]:
    table = load_yaml("titles.yml")
    # compared with their accents: "Général de Gaulle" has a title, "General Atlantic" has none
    return frozenset(t.lower() for t in (*table["titles"], *table["honorifics"]))


def without_titles(tokens: list[Token]) -> list[Token]:
    """Drop a leading title or demonym ("Professeur Mark Sullivan", "la Polonaise Oktawia Nowacka").

    A name that is only a title, a demonym or a common word opening a sentence is no name at all.
    """
    titles = _titles()
    if tokens and tokens[0].lower_ in titles and not any(t.text[:1].isupper() for t in tokens[1:]):
        return []  # "Directeur général", "Président": a title with a capital is no name
    openers = title_openers()
    while tokens and (tokens[0].lower_ in titles or fold(tokens[0].text) in demonyms()) \
            and (len(tokens) == 1 or tokens[1].text[:1].isupper()) \
            and not (tokens[0].lower_ in openers and len(tokens) > 1 and tokens[1].lower_ not in titles):
        tokens = tokens[1:]  # not "Premier League": "premier" opens a title ("Premier ministre X"), no name
    if len(tokens) == 1 and tokens[0].is_sent_start and tokens[0].pos_ in {"NOUN", "VERB", "ADJ", "ADV"} \
            and not tokens[0].text.isupper() and not _acting(tokens[0]):
        return []  # "Bicyclette, ...", "Trouver un ...": a capital only because the sentence starts
    return tokens


def _acting(token: Token) -> bool:
    """A word the NER calls an organisation or a person, subject of a verb: "Total a-t-elle respecté son devoir",
    "Sprint a déclaré" (not "Bicyclette, ...")."""
    return token.ent_type_ in {"ORG", "PER"} and token.dep_ == "nsubj" and token.head.pos_ == "VERB"


def is_junk(name: str, tokens: list[Token]) -> bool:
    """A name too short, without a capital, a stopword, a lone pronoun (not an acronym the tagger took for one:
    "BFMTV et RMC") or a number is none."""
    stop = names_table()["stopwords"]
    return (len(name) < 2 or not any(c.isupper() for c in name) or name in stop
            or (len(tokens) == 1 and tokens[0].pos_ == "PRON" and not name.isupper()) or name.isdigit())


def blocked_spans(text: str) -> list[tuple[int, int]]:
    """Where the phrases of names.yml that are no names (``not_names``) stand in ``text``, as whole words, and a web
    page's sharing links, from the line that opens them (``share_cues`` and a colon) to the next blank line."""
    table, spans = names_table(), []
    for phrase in table["not_names"]:
        at = text.find(phrase)
        while at >= 0:
            if (at == 0 or not text[at - 1].isalnum()) and not text[at + len(phrase): at + len(phrase) + 1].isalnum():
                spans.append((at, at + len(phrase)))
            at = text.find(phrase, at + 1)
    for cue in table["share_cues"]:
        for found in re.finditer(rf"(?m)^[ \t]*{re.escape(cue)}[ \t]*:[ \t\r]*$", text):
            blank = re.compile(r"\n[ \t\r]*\n").search(text, found.end())
            spans.append((found.start(), len(text) if blank is None else blank.start()))
    return spans
