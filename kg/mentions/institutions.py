"""Institutions: a common noun of institution made a name by what follows it, and the name quoted after one."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from kg.mentions.base import ARTICLES, CLOSING_QUOTES, CONTRACTIONS, OF, OPENING_QUOTES, is_subject, names_table
from kg.names import fold
from kg.nlp import SUBJECT_DEPS, text_of
from kg.places import demonyms
from kg.records import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_OPENING_QUOTE = re.compile("[" + "".join(OPENING_QUOTES) + "]")
_QUOTED_WORDS = 8  # the longest quoted name taken for an institution's
_SKIPPED = 3  # the most lower-case words between an institution's noun and its seat


def institutions_in(doc: Doc, names: list[Mention]) -> Iterator[Mention]:
    """"le gouvernement canadien", "le tribunal de Paris": a common noun of institution made a name by a demonym
    or a place after it, and a capitalised one by a demonym ("l'État français", names.yml titled_institutions); by a
    place also past the words that say which one it is ("le tribunal de grande instance de Nanterre", "la banque
    centrale de Russie"). A name right after a noun that says it is an organisation (names.yml organisation_cues),
    maybe past a demonym, is the mention: "la banque française BNP Paribas", "l'agence Bloomberg"; the whole is,
    after another noun ("le lycée Vaugelas", "le gouvernement Valls"), for a name the words call a person's or a
    place's ("le club Liverpool"), or one a complement follows ("la banque Natixis d'Angers")."""
    heads, titled = names_table()["institutions"], names_table()["titled_institutions"]
    starting = {n.start: n for n in names}
    for token in doc:
        if token.i == 0 or not (doc[token.i - 1].pos_ == "DET" or doc[token.i - 1].lower_ in CONTRACTIONS):
            continue  # "le tribunal de Paris", "au tribunal de Paris"; not "le conseil d'administration d'Engie"
        # "l'État français" is an institution; "l'État américain du Texas" a place
        if token.text in titled and token.i + 1 < len(doc) and fold(doc[token.i + 1].text) in demonyms() \
                and not (token.i + 2 < len(doc) and doc[token.i + 2].lower_ in OF):
            end = doc[token.i + 1].idx + len(doc[token.i + 1].text)
            yield Mention(token.idx, end, text_of(doc)[token.idx : end], "Organization", cue="context",
                          subject=token.dep_ in SUBJECT_DEPS)
            continue
        if token.pos_ not in {"NOUN", "X"} or token.lemma_.lower() not in heads or token.is_title:
            continue
        start, end, k = token.idx, token.idx + len(token.text), token.i + 1
        skipped = 0  # lower-case words before its seat: "le tribunal [civil] de Milan", "[de grande instance] de"
        while k < len(doc):
            nxt = doc[k]
            if nxt.pos_ == "ADJ" and fold(nxt.text) in demonyms() and not skipped:  # not "la compagnie aérienne
                end, k = nxt.idx + len(nxt.text), k + 1  # française": a description, no name
            elif nxt.text in OPENING_QUOTES:  # "l'ONG américaine « Health »": the quoted name is the mention
                end = token.idx + len(token.text)
                break
            elif nxt.idx in starting and nxt.text not in ARTICLES and not skipped:  # "l'association Les Patriotes"
                name = starting[nxt.idx]  # is Les Patriotes, "la banque française BNP Paribas" BNP Paribas
                end, k = name.end, _token_after(doc, name.end)
                if token.lemma_.lower() in names_table()["organisation_cues"] and name.kind not in {"Person", "Place"} \
                        and not (k < len(doc) and doc[k].lower_ in OF):
                    start = name.start  # not "le lycée Vaugelas", "le club Liverpool", "la banque X d'Angers"
                    break
            elif nxt.lower_ in OF - {"des"} and k + 1 < len(doc):
                at = k + 2 if doc[k + 1].lower_ in {"la", "l'"} else k + 1
                name = starting.get(doc[at].idx) if at < len(doc) else None
                if name is not None and (name.kind == "Place" or name.kind == "Organization" and not skipped):
                    end, k = name.end, _token_after(doc, name.end)
                elif nxt.lower_ != "du" and at == k + 1 and _bare(doc[at]) and skipped < _SKIPPED:
                    k, skipped = k + 2, skipped + 1
                else:
                    break
            elif _bare(nxt) and skipped < _SKIPPED:
                k, skipped = k + 1, skipped + 1
            else:
                break
        if end > token.idx + len(token.text):
            yield Mention(start, end, text_of(doc)[start:end], "Organization", cue="context",
                          subject=token.dep_ in SUBJECT_DEPS)


def quoted_names(doc: Doc) -> Iterator[Mention]:
    """"l'association « Un enfant, une famille »", "l'ONG américaine « Health »": what the quotes after a
    noun of institution hold is its name, an organisation, whatever the NER saw there."""
    heads = names_table()["institutions"]
    quotes = (doc.char_span(q.start(), q.end()) for q in _OPENING_QUOTE.finditer(text_of(doc)))
    for quote in (span[0] for span in quotes if span is not None):
        noun = quote.i - 1
        while noun > 0 and doc[noun].pos_ == "ADJ":  # "l'ONG américaine « Health »"
            noun -= 1
        if noun < 1 or doc[noun].lemma_.lower() not in heads or doc[noun - 1].pos_ not in {"DET", "ADP"}:
            continue
        k = quote.i
        close = next((j for j in range(k + 1, min(k + 2 + _QUOTED_WORDS, len(doc))) if doc[j].text in CLOSING_QUOTES
                      or doc[j].is_sent_start), None)
        if close is None or close == k + 1 or doc[close].is_sent_start or doc[k + 1].text[0].islower():
            continue  # a name starts with a capital: not "son parti « la seule chose envisageable »"
        start, end = doc[k + 1].idx, doc[close - 1].idx + len(doc[close - 1].text)
        yield Mention(start, end, text_of(doc)[start:end], "Organization", cue="context",
                      subject=is_subject(list(doc[k + 1 : close])))


def _bare(token: Token) -> bool:
    """A lower-case noun or adjective that is no nationality: a word of what kind of institution it is."""
    return token.is_lower and token.pos_ in {"NOUN", "ADJ"} and fold(token.text) not in demonyms()


def _token_after(doc: Doc, offset: int) -> int:
    return next((t.i for t in doc if t.idx >= offset), len(doc))
