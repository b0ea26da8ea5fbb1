"""spaCy doc -> mentions: names (NER corrected from data), money, dates, pronouns, descriptions."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from functools import cache
from itertools import accumulate
from typing import TYPE_CHECKING, NamedTuple

from kg.amounts import parse_amounts
from kg.data import load_yaml
from kg.dates import parse_times
from kg.gazetteer import Gazetteer
from kg.names import fold
from kg.nlp import ABBREVIATIONS, SUBJECT_DEPS, text_of, with_lemmas
from kg.places import demonyms, known_places
from kg.records import Mention
from kg.vocab import base_class

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

NER_CLASSES = {"PER": "Person", "ORG": "Organization", "LOC": "Place", "MISC": "Product"}
_LINKS = frozenset({"de", "du", "des", "d'", "l'", "la", "le", "les", "à", "au", "aux"})
_EDGE_POS = {"DET", "ADP", "PUNCT", "VERB", "AUX", "PRON", "SCONJ", "CCONJ", "ADV", "SPACE"}
_LATTER_REACH = 40  # tokens back that "ce dernier" may look for its noun
_OPENING_QUOTES = {"«", '"', "“"}
_OPENING_QUOTE = re.compile("[" + "".join(_OPENING_QUOTES) + "]")
_CLOSING_QUOTES = {"»", '"', "”"}
_QUOTED_WORDS = 8  # the longest quoted name taken for an institution's
# the clause an impersonal "il" stands for: "il est probable qu'elle vienne", "il a été décidé de fermer"
_CLAUSE_DEPS = {"ccomp", "xcomp", "csubj", "dep", "advcl"}
_CLAUSE_MARKS = {"de", "d'", "que", "qu'"}
_COMPLEMENT_LINKS = {"de", "d'", "à"}  # "accident de voiture", "personnes à bord"
_CONTRACTIONS = {"du", "au", "aux", "des"}  # a preposition and "le"/"les": the noun after them is definite
_TITLE_REACH = 8  # tokens between a title and the name it introduces


@cache
def _names() -> dict:
    return load_yaml("names.yml")


@cache
def _anaphora() -> dict:
    return load_yaml("anaphora.yml")


@cache
def noun_classes() -> dict[str, str]:
    """Each common noun of kg/data/nouns.yml -> the class of the thing it names."""
    return {noun: cls for cls, nouns in load_yaml("nouns.yml")["classes"].items() for noun in nouns}


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


def find_mentions(doc: Doc, gazetteer: Gazetteer, year: int | None = None) -> list[Mention]:
    """Return the mentions of ``doc`` in text order, without overlaps.

    Money and dates win over names they overlap ("US" in "2,4 milliards US").
    """
    text = text_of(doc)
    values = [Mention(s, e, text[s:e], "MonetaryAmount", amount=a) for s, e, a in parse_amounts(text)]
    values += [Mention(s, e, text[s:e], "Time", time=t) for s, e, t in parse_times(text, year)]
    taken = [(m.start, m.end) for m in values]
    free = _free_of(taken)
    quoted = [m for m in _quoted_names(doc) if free(m.start, m.end)]
    outside = _free_of([(m.start, m.end) for m in quoted])
    names = [m for m in _names_in(doc, gazetteer) if free(m.start, m.end) and outside(m.start, m.end)] + quoted
    institutions = list(_institutions(doc, names))
    # a place inside "le tribunal de Paris" stays a mention of its own; a name that is the
    # institution's own name ("la fondation Wikimedia") is the institution
    names = [n for n in names if n.kind == "Place" or not any(i.start <= n.start and n.end <= i.end
                                                                 for i in institutions)]
    names = sorted(names + institutions, key=lambda m: m.start)
    taken += [(m.start, m.end) for m in names]
    free = _free_of(taken)
    name_at = _name_finder(names)
    anaphors = [m for m in _anaphors(doc, name_at) if free(m.start, m.end)]
    free = _free_of(taken + [(m.start, m.end) for m in anaphors])
    nouns = [m for m in _common_nouns(doc, name_at) if free(m.start, m.end)]
    free = _free_of(taken + [(m.start, m.end) for m in anaphors + nouns])
    events = [m for m in _event_verbs(doc) if free(m.start, m.end)]
    return sorted(values + names + anaphors + nouns + events, key=lambda m: (m.start, -m.end))


@cache
def _event_table() -> tuple[dict[str, str | None], frozenset[str]]:
    """Each verb that tells of an incident -> the object it needs ("prendre" -> "feu"), or None; and the
    nouns that name an incident."""
    incidents = frozenset(noun for noun, cls in noun_classes().items() if cls == "Incident")
    return load_yaml("nouns.yml")["event_verbs"], incidents


def _event_verbs(doc: Doc) -> Iterator[Mention]:
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


def _institutions(doc: Doc, names: list[Mention]) -> Iterator[Mention]:
    """"le gouvernement canadien", "le tribunal de Paris", "la fondation Wikimedia": a common noun of
    institution made a name by a demonym, a place or a name after it."""
    heads = _names()["institutions"]
    starting = {n.start: n for n in names}
    for token in doc:
        if token.pos_ not in {"NOUN", "X"} or token.lemma_.lower() not in heads or token.is_title or token.i == 0 \
                or doc[token.i - 1].pos_ not in {"DET", "ADP"}:
            continue
        end, k = token.idx + len(token.text), token.i + 1
        while k < len(doc):
            nxt = doc[k]
            if nxt.pos_ == "ADJ" and fold(nxt.text) in demonyms():
                end, k = nxt.idx + len(nxt.text), k + 1
            elif nxt.text in _OPENING_QUOTES:  # "l'ONG américaine « Health »": the quoted name is the mention
                end = token.idx + len(token.text)
                break
            elif nxt.idx in starting:
                name = starting[nxt.idx]
                end, k = name.end, _token_after(doc, name.end)
            elif nxt.lower_ in {"de", "d'", "du"} and k + 1 < len(doc):
                at = k + 2 if doc[k + 1].lower_ in {"la", "l'"} else k + 1
                name = starting.get(doc[at].idx) if at < len(doc) else None
                if name is None or name.kind not in {"Place", "Organization"}:
                    break
                end, k = name.end, _token_after(doc, name.end)
            else:
                break
        if end > token.idx + len(token.text):
            yield Mention(token.idx, end, text_of(doc)[token.idx : end], "Organization", cue="context",
                          subject=token.dep_ in SUBJECT_DEPS)


def _quoted_names(doc: Doc) -> Iterator[Mention]:
    """"l'association « Un enfant, une famille »", "l'ONG américaine « Health »": what the quotes after a
    noun of institution hold is its name, an organisation, whatever the NER saw there."""
    heads = _names()["institutions"]
    quotes = (doc.char_span(q.start(), q.end()) for q in _OPENING_QUOTE.finditer(text_of(doc)))
    for quote in (span[0] for span in quotes if span is not None):
        noun = quote.i - 1
        while noun > 0 and doc[noun].pos_ == "ADJ":  # "l'ONG américaine « Health »"
            noun -= 1
        if noun < 1 or doc[noun].lemma_.lower() not in heads or doc[noun - 1].pos_ not in {"DET", "ADP"}:
            continue
        k = quote.i
        close = next((j for j in range(k + 1, min(k + 2 + _QUOTED_WORDS, len(doc))) if doc[j].text in _CLOSING_QUOTES
                      or doc[j].is_sent_start), None)
        if close is None or close == k + 1 or doc[close].is_sent_start or doc[k + 1].text[0].islower():
            continue  # a name starts with a capital: not "son parti « la seule chose envisageable »"
        start, end = doc[k + 1].idx, doc[close - 1].idx + len(doc[close - 1].text)
        yield Mention(start, end, text_of(doc)[start:end], "Organization", cue="context",
                      subject=_is_subject(list(doc[k + 1 : close])))


def _token_after(doc: Doc, offset: int) -> int:
    return next((t.i for t in doc if t.idx >= offset), len(doc))


def _free_of(spans: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """A test of whether [start, end) overlaps none of ``spans``, in logarithmic time."""
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    reach = list(accumulate((e for _, e in ordered), max))  # the furthest end of the spans so far

    def free(start: int, end: int) -> bool:
        before = bisect_left(starts, end)  # the spans that start before ``end``
        return before == 0 or reach[before - 1] <= start
    return free


def _names_in(doc: Doc, gazetteer: Gazetteer) -> Iterator[Mention]:
    text = text_of(doc)
    free = _free_of(_blocked_spans(text))
    for span in _merged(doc):
        # a name the gazetteer knows stays whole ("État islamique", "eBay")
        tokens = list(span) if gazetteer.lookup(span.text) else _trimmed(span)
        if not tokens:
            continue
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        name = text[start:end]
        entry = gazetteer.lookup(name)
        titled = False
        if entry is None:
            untitled = _without_titles(tokens)
            if not untitled:
                continue
            titled, tokens = len(untitled) < len(tokens), untitled
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
            name = text[start:end]
            entry = gazetteer.lookup(name)
        if (entry is None and _is_junk(name, tokens)) or not free(start, end):
            continue
        if entry:
            kind, cue = base_class(entry.cls), "gazetteer"
        else:
            kind, cue = _class_from_name(name, span.label_)
            if titled and cue == "ner":
                kind, cue = "Person", "context"  # "le Professeur X", "la Polonaise X" name a person
            elif span.label_ == "MISC" and cue == "ner" and _product_context(tokens[0]):
                cue = "context"
            if cue in {"ner", "name"} and _portfolio(tokens[0]):
                kind, cue = "Organization", "context"
            elif cue == "ner" and (said := _named_as(tokens[0])):
                kind, cue = said, "context"
        yield Mention(start, end, name, kind, cue=cue, subject=_is_subject(tokens), gender=_gender(tokens[0]))


def _without_titles(tokens: list[Token]) -> list[Token]:
    """Drop a leading title or demonym ("Professeur Mark Sullivan", "la Polonaise Oktawia Nowacka").

    A name that is only a title, a demonym or a common word opening a sentence is no name at all.
    """
    titles = _titles()
    if tokens and tokens[0].lower_ in titles and not any(t.text[:1].isupper() for t in tokens[1:]):
        return []  # "Directeur général", "Président": a title with a capital is no name
    while tokens and (tokens[0].lower_ in titles or fold(tokens[0].text) in demonyms()) \
            and (len(tokens) == 1 or tokens[1].text[:1].isupper()):
        tokens = tokens[1:]
    if len(tokens) == 1 and tokens[0].is_sent_start and tokens[0].pos_ in {"NOUN", "VERB", "ADJ", "ADV"} \
            and not tokens[0].text.isupper():
        return []  # "Bicyclette, ...", "Trouver un ...": a capital only because the sentence starts
    return tokens


def _named_as(first: Token) -> str | None:
    """"un concurrent du nom de Rivian", "une entreprise nommée « Sweetlife »": the class the noun before says."""
    doc = first.doc
    at = first.i - 1 if first.i > 0 and doc[first.i - 1].text in _OPENING_QUOTES else first.i
    for phrase in _names()["named_as"]:
        words = phrase.split()
        if at - len(words) >= 1 and [t.lower_ for t in doc[at - len(words) : at]] == words:
            classes = _anaphora()["nouns"].get(doc[at - len(words) - 1].lemma_.lower())
            return classes[0] if classes else None
    return None


def _portfolio(first: Token) -> bool:
    """"le ministre de l'Économie", "la ministre des Outre-Mer": the name is a ministry's portfolio."""
    i = first.i - 1
    while i >= 0 and first.i - i <= 2 and first.doc[i].lower_ in _LINKS:
        i -= 1
    return 0 <= i < first.i - 1 and first.doc[i].lower_ in _names()["portfolio_heads"]


def _gender(first: Token) -> str | None:
    """A name's gender as the words say it: the word just before it when that is a determiner, a
    title or an adjective ("le ministre", "la présidente", "Mme", "M."), else its first name's own."""
    before = first.doc[first.i - 1] if first.i else None
    for token, parts in ((before, {"DET", "NOUN", "ADJ"}), (first, {"PROPN"})):
        genders = token.morph.get("Gender") if token is not None and token.pos_ in parts else []
        if len(genders) == 1:
            return genders[0]
    return None


def _product_context(first: Token) -> bool:
    """"sur Reels", "l'application Threads": words before a name that make it a product."""
    before = [t for t in first.doc[max(0, first.i - 3) : first.i] if t.pos_ != "DET"]
    cues = _names()["product_cues"]
    return bool(before) and (before[-1].lower_ in cues or before[-1].lemma_.lower() in cues)


@cache
def _titles() -> frozenset[str]:
    table = load_yaml("titles.yml")
    # compared with their accents: "Général de Gaulle" has a title, "General Atlantic" has none
    return frozenset(t.lower() for t in (*table["titles"], *table["honorifics"]))


def _merged(doc: Doc) -> list[Span]:
    """NER spans, with a name cut at an abbreviation's full stop joined again ("Warner Bros. Discovery")
    and stretched over capitalised words beside it ("Financière Fonds Privés", "Breed Reply")."""
    spans: list[Span] = []
    for ent in doc.ents:
        if spans and spans[-1].end == ent.start - 1 and doc[ent.start - 1].text == "." \
                and doc[spans[-1].end - 1].text in ABBREVIATIONS:
            spans[-1] = doc[spans[-1].start : ent.end]
            spans[-1].label_ = spans[-1].label_ or ent.label_
            continue
        spans.append(ent)
    stretched = []
    for span in spans:
        start, end = span.start, span.end
        while start > 0 and _name_word(doc[start - 1]) and not doc[start - 1].is_sent_start \
                and doc[start - 1].ent_iob_ == "O":
            start -= 1
        while end < len(doc):
            if _glued_hyphen(doc, end):
                end += 2  # "France" + "-Presse"
            elif _name_word(doc[end]) and doc[end].ent_iob_ == "O":
                end += 1
            else:
                break
        stretched.append(doc.char_span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]),
                                       label=span.label_) or span)
    return stretched


def _glued_hyphen(doc: Doc, i: int) -> bool:
    """A hyphen with no space either side and a capitalised word after it ("France-Presse")."""
    return (i + 1 < len(doc) and doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_
            and doc[i + 1].text[:1].isupper())


def _name_word(token: Token) -> bool:
    return (token.text[:1].isupper() and token.pos_ in {"PROPN", "NOUN", "ADJ"}
            and token.text not in _names()["stopwords"] and token.like_num is False)


def _trimmed(span: Span) -> list[Token]:
    """Drop determiners and elided articles before a name, verbs and punctuation after it."""
    tokens = list(span)
    stop = _names()["stopwords"]
    while tokens and (not tokens[0].text[:1].isupper() or tokens[0].text.endswith("'") or tokens[0].text in stop) \
            and not _particle(tokens):
        tokens.pop(0)
    while tokens and (tokens[-1].text in ",;:()«»\"'-." or tokens[-1].is_space or (tokens[-1].is_lower and (
            tokens[-1].pos_ in _EDGE_POS or tokens[0].head.i == tokens[-1].i or _stray_demonym(tokens)))):
        tokens.pop()
    return tokens


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


def _is_junk(name: str, tokens: list[Token]) -> bool:
    stop = _names()["stopwords"]
    return (len(name) < 2 or not any(c.isupper() for c in name) or name in stop
            or (len(tokens) == 1 and tokens[0].pos_ == "PRON") or name.isdigit())


def _blocked_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for phrase in _names()["not_names"]:
        at = text.find(phrase)
        while at >= 0:
            if (at == 0 or not text[at - 1].isalnum()) and not text[at + len(phrase): at + len(phrase) + 1].isalnum():
                spans.append((at, at + len(phrase)))
            at = text.find(phrase, at + 1)
    return spans


def _class_from_name(name: str, label: str) -> tuple[str, str]:
    words = name.split()
    for cls, cues in _names()["classes"].items():
        if words[0] in cues["first"] or words[-1] in cues["last"]:
            return cls, "name"
    if fold(name) in known_places():
        return "Place", "name"
    return NER_CLASSES.get(label, "Product"), "ner"


def _is_subject(tokens: list[Token]) -> bool:
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


def _name_finder(names: list[Mention]) -> Callable[[Token], Mention | None]:
    """A lookup of the name (``names`` sorted by start) a token is part of, by bisection."""
    starts = [n.start for n in names]

    def name_at(token: Token) -> Mention | None:
        at = bisect_right(starts, token.idx) - 1  # the last name starting at or before it
        return names[at] if at >= 0 and token.idx < names[at].end else None
    return name_at


def _anaphors(doc: Doc, name_at: Callable[[Token], Mention | None]) -> Iterator[Mention]:
    """Subject pronouns, pronouns after a preposition ("chez lui"), "ce dernier", and definite descriptions ("la
    société") that may refer back to a name."""
    table = _anaphora()
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
                   for c in token.children):
                continue  # "la startup Cooptalis": the name is the mention
            end = token.i + 1
            while end < len(doc) and doc[end].head.i == token.i and doc[end].dep_ == "amod":
                end += 1
            # the determiner is left out, as from a name: "la [société]", "le [géant américain]"
            first, last = doc[det[0].i + 1], doc[end - 1]
            yield Mention(first.idx, last.idx + len(last.text), text_of(doc)[first.idx: last.idx + len(last.text)],
                          "|".join(table["nouns"][token.lemma_.lower()]), form="description",
                          cue="apposition" if _apposes_name(doc, token, name_at) else "ner",
                          subject=token.dep_ in SUBJECT_DEPS, head=token.lemma_.lower(), definite=True)


def _apposes_name(doc: Doc, noun: Token, name_at: Callable[[Token], Mention | None]) -> bool:
    """Whether a name is set after the singular noun between commas, and is who it is: "le directeur de
    l'hôpital, Monsieur X, a dit", "le porte-parole du gouvernement, Olivier Véran, a dit" (not "X et Y")."""
    return "Plur" not in noun.morph.get("Number") and any(
        c.dep_ in {"appos", "conj"} and doc[c.i - 1].text == "," and not any(x.dep_ == "cc" for x in c.children)
        and any(name_at(t) is not None for t in (c, *(x for x in c.children if x.dep_ in {"flat:name", "appos"})))
        for c in noun.children)


def _common_nouns(doc: Doc, name_at: Callable[[Token], Mention | None]) -> Iterator[Mention]:
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
        introduces = kind == "Person" and _apposes_name(doc, token, name_at)
        first, last = _noun_phrase(doc, token)  # "un sapeur-pompier": the determiner is the compound's
        det = next((c.lower_ for t in {first, token} for c in t.children if c.dep_ == "det"), "")
        # "du quartier", "au commissariat": the article is in the preposition
        contracted = not det and any(c.dep_ == "case" and c.lower_ in _CONTRACTIONS for c in token.children)
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
    if verb.lemma_ in _anaphora()["impersonal"] or any(c.lower_ == "y" for c in verb.children):
        return True
    passive = any(c.dep_ in {"aux:pass", "cop"} or (c.dep_ == "aux:tense" and c.lemma_ == "être") for c in verb.children)
    return passive and any(c.i > verb.i and c.pos_ in {"VERB", "AUX", "ADJ"} and c.dep_ in _CLAUSE_DEPS
                           and any(m.dep_ == "mark" and m.lower_ in _CLAUSE_MARKS for m in c.children)
                           for c in verb.children)
