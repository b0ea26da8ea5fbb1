"""Where each mention of a sentence stands relative to a trigger: subject, object, passive subject or the
preposition before it; the slots a frame maps to roles."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from kg.amounts import is_currency
from kg.frames import REFLEXIVES, Trigger, finite, lexicon
from kg.mentions.base import OF, anaphora_table
from kg.nlp import SUBJECT_DEPS, text_of
from kg.records import Mention
from kg.titles import title_words
from kg.vocab import base_class

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_FIRST_NAMED = frozenset({"premier", "première"})  # lemmas of "le premier": the first named of two
_CLIMB_DEPS = {"xcomp", "acl", "obj", "obl", "obl:arg", "obl:mod", "nmod", "advcl", "ccomp", "conj", "acl:relcl"}
_DETERMINERS = r"(?:(?:le|la|les|l'|un|une|des|son|sa|ses|leur|leurs|ce|cet|cette|ces)\s*)?"
_PREPOSITIONS = {"auprès de": "auprès de", "auprès d'": "auprès de", "de la part de": "de la part de",
                 "de la part d'": "de la part de", "par": "par", "à": "à", "au": "à", "aux": "à", "en": "en",
                 "dans": "dans", "de": "de", "d'": "de", "du": "de", "des": "de", "chez": "chez", "sur": "sur",
                 "pour": "pour", "contre": "contre", "avec": "avec", "entre": "entre", "selon": "selon"}
_CASE = re.compile(r"(?:^|[\s(])(" + "|".join(sorted(map(re.escape, _PREPOSITIONS), key=len, reverse=True))
                   + r")\s*" + _DETERMINERS + r"$", re.IGNORECASE)
_NAMING = re.compile(r"\b(?:du|sous le) nom d(?:e|'|’)\s*$", re.IGNORECASE)
_QUOTE = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"")
# ", candidat " before a name: lower-case words, none of them the start of a clause or a noun phrase
_APPOSITION = re.compile(r"^\s*,\s*(?!(?:et|ou|ainsi|selon|qui|que|l[ea]s?|l'|un|une|des)\b)"
                         r"(?:[^\W\d_A-ZÀ-Ý][\w'’-]*\s+){1,4}$")
# "X et son fondateur", "du groupe X et de son fondateur": a possessive noun coordinated with the name before it
_POSSESSED = re.compile(r"^\s*,?\s*(?:et|ainsi que)\s+(?:de\s+|d'|d’)?(?:son|sa|ses|leur|leurs)\s+$", re.IGNORECASE)
_COMMA = re.compile(r"^\s*,\s*" + _DETERMINERS + r"$")
_COORDINATION = re.compile(r"^\s*(?:,|et|ou|ainsi que|, et|, ainsi que)\s*" + _DETERMINERS + r"$")
# ", investisseur principal depuis deux ans, ": an apposition to the name before, between two of a list
_LISTED_PAST = re.compile(r"^\s*,\s*(?!(?:et|ou|ainsi|selon|qui|que|dont)\b)(?:[^\W\d_A-ZÀ-Ý][\w'’-]*\s+){1,5}"
                          r"[^\W\d_A-ZÀ-Ý][\w'’-]*\s*,\s*(?:et\s+)?" + _DETERMINERS + r"$")


def _coordinated(text: str, previous: Mention, m: Mention) -> bool:
    """"X et Y", "X, Y et Z", a list past an apposition; not a description set after a name by a comma ("Michel
    Sapin, le ministre"), nor a name of another class ("Benjamin Cauchy, Gilet jaune libre", "Jean-Pierre
    Taschereau, un Québécois")."""
    between = text[previous.end : m.start]
    if _LISTED_PAST.match(between) and previous.form == m.form == "name" \
            and base_class(previous.kind) == base_class(m.kind):
        return True  # "auprès d'Astanor Ventures, investisseur principal depuis deux ans, Upfront Ventures"
    if not _COORDINATION.match(between) or _apposed(text, previous, m) \
            or m.subject and not previous.subject and between.strip() == ",":
        return False  # "selon Laetitia Dewalle, Éric Drouet a été arrêté": the subject begins the clause
    return not _COMMA.match(between) or base_class(previous.kind) == base_class(m.kind)


def _words_of(doc: Doc, m: Mention) -> Span | None:
    """The words of a mention in the parse, widened to whole words."""
    return doc.char_span(m.start, m.end, alignment_mode="expand")


def _begins_clause(span: Span, m: Mention, slot: str) -> bool:
    """"X veut racheter Y et Z rachète W": a name right before a conjugated verb the parse gives no subject is its
    subject, however the parse hangs it, not one more of a list, unless the list is of subjects ("X et Y
    fusionnent")."""
    if slot in {"subject", "passive"}:
        return False
    named = _words_of(span.doc, m)
    after = span.doc[named.end] if named is not None and named.end < span.end else None
    verb = after.head if after is not None and after.pos_ == "AUX" else after  # "Z a racheté"
    return after is not None and after.pos_ in {"VERB", "AUX"} and "Fin" in after.morph.get("VerbForm") \
        and not any(c.dep_ in SUBJECT_DEPS and c.i < named.start  # not "la fusion entre X et Y crée"
                    for c in verb.children)


def _apposed(text: str, name: Mention, m: Mention) -> bool:
    """"Esdras Ndikumana, journaliste burundais, a rappelé": a description set after a name stands for it."""
    return name.form == "name" and m.form != "name" and bool(_COMMA.match(text[name.end : m.start]))


def _inside_apposition(text: str, mentions: Sequence[Mention], m: Mention) -> bool:
    """"Yannick Jadot, candidat EELV à la présidentielle, a affirmé": EELV qualifies the name before it."""
    earlier = [n for n in mentions if n.end <= m.start]
    return bool(earlier) and earlier[-1].form == "name" and bool(_APPOSITION.match(text[earlier[-1].end : m.start]))


def _case(span: Span, trigger: Trigger, m: Mention) -> str | None:
    """The preposition before a mention, or before the common noun right before a name that says what it is
    ("au groupe de télécommunications Altice", "par le fonds américain X", "au président X"); none before a
    name that gives the noun before it its name ("une société du nom de X"). A complement of a trigger that
    takes complements of its own only (``attached``), or a noun's "de" before a description, counts when the
    parse hangs it on the trigger: not "la fusion avec X, détenteur de la marque Y"."""
    text = text_of(span.doc)
    before = text[max(span.start_char, m.start - 30) : m.start]
    if _NAMING.search(before):
        return None  # "une société du nom de X" is X
    found = _CASE.search(before)
    described = found is None and m.form == "name" and (start := _describer(span, m)) is not None
    if described:
        found = _CASE.search(text[max(span.start_char, start - 30) : start])
    if found is None:
        return None
    case = _PREPOSITIONS[found.group(1).lower()]
    attached = trigger.attached or described and case == "de" and trigger.pos == "NOUN"
    return case if not attached or _complement_of(trigger.token, m) else None


def _describer(span: Span, name: Mention) -> int | None:
    """Where the common noun's phrase right before a name begins, when its head says what the name is
    (kg/data/anaphora.yml nouns, job titles: "groupe de télécommunications" before "Altice") or the parse sets
    the name beside it ("au milliardaire Patrick Drahi", "à l'homme d'affaires X")."""
    doc = span.doc
    named = _words_of(doc, name)
    i = (named.start if named is not None else span.start) - 1
    phrase = []
    while i >= span.start and len(phrase) < 5 and (doc[i].pos_ in {"NOUN", "ADJ"} and doc[i].is_lower
                                                   or doc[i].lower_ in {"de", "d'", "d’"}):
        phrase.insert(0, doc[i])
        i -= 1
    nouns = anaphora_table()["nouns"]
    beside = named.root.head if named is not None and named.root.dep_ in {"appos", "flat", "flat:name"} else None
    while phrase and not (phrase[0].pos_ == "NOUN" and (
            phrase[0].lemma_ in nouns or phrase[0].lemma_ in title_words() or phrase[0] == beside)):
        phrase.pop(0)
    return phrase[0].idx if phrase else None


def mention_slots(span: Span, trigger: Trigger, in_sentence: Sequence[Mention]) -> dict[Mention, str]:
    """Say where each mention of the sentence stands relative to the trigger."""
    text = text_of(span.doc)
    token = trigger.token
    slot_of: dict[Mention, str] = {}
    previous: Mention | None = None
    for m in in_sentence:
        case = _case(span, trigger, m)
        if previous is not None and previous in slot_of and _coordinated(text, previous, m) \
                and not _begins_clause(span, m, slot_of[previous]):
            slot_of[m] = slot_of[previous]
        elif case is not None:
            slot_of[m] = case
        previous = m
    qualifying = _qualifies_noun(token)  # "les voitures vendues": no subject, the noun is what the verb acts on
    # a kind that takes what was said may have its speaker after the verb ("..., a annoncé l'Elysée")
    subject = None if qualifying else (
        lexicon()[trigger.kind].get("content") and inverted_subject(token)) or _dependency_subject(token)
    passive = trigger.pos == "VERB" and (
        qualifying or any(c.dep_ == "aux:pass" for c in token.children) or "Pass" in token.morph.get("Voice")
        or ("Part" in token.morph.get("VerbForm") and any(c.lemma_ == "être" for c in token.children)
            and token.lemma_.lower() not in lexicon()["unaccusative"]
            and not any(c.lower_ in REFLEXIVES for c in token.children))  # "s'est félicité": pronominal
        or _participle_of_name(token))
    quoted = _quoted(text, span, token.idx)
    found = None if subject is None else _subject_mention(subject, [m for m in in_sentence if not quoted(m)], token.idx)
    # no name stands in for a pronoun, "le premier" (the first named of two, not the nearest) or a proper noun
    # that is no mention ("précise-t-il", "le premier devient ministre", a name the NER missed) nor for a subject
    # set after the verb ("a confirmé le porte-parole")
    if found is None and not qualifying and (subject is None or (
            subject.pos_ not in {"PRON", "PROPN"} and subject.lemma_.lower() not in _FIRST_NAMED and subject.i < token.i)):
        found = _name_before(text, trigger, subject, in_sentence, lambda m: m in slot_of or quoted(m))
    if found is not None:
        slot_of[found] = "passive" if passive else "subject"
    if trigger.pos == "VERB" and not passive:
        # the direct object's name; failing a parse of one, the name right after the verb. An object that is
        # no name leaves the slot empty: "a créé la surprise face à Lyon" creates no Lyon
        objects = [c for c in token.children if c.dep_ == "obj"]
        after = [m for m in in_sentence if m.start > token.idx and m not in slot_of
                 and (any(m.start <= t.idx < m.end for o in objects for t in o.subtree) if objects
                      else not _in_a_clause_below(token, span, m))]
        if after and not any(_of_a_kind(o, span, after[0]) for o in objects):
            slot_of[after[0]] = "object"
    owner = [m for m in in_sentence if m.end <= token.idx and _POSSESSED.match(text[m.end : token.idx])]
    if trigger.pos == "NOUN" and owner:  # "du groupe X et de son fondateur Y": whose the noun is
        slot_of[owner[-1]] = "possessor"
    for previous, m in zip(in_sentence, in_sentence[1:], strict=False):  # "X et Y fusionnent": both subjects
        if previous in slot_of and m not in slot_of and _coordinated(text, previous, m) \
                and not _begins_clause(span, m, slot_of[previous]):
            slot_of[m] = slot_of[previous]
    if trigger.pos == "VERB":  # "par" brings a passive's agent: "a levé 105 millions, dans une opération menée
        # par X" has none; a participle alone may ("Créée en 1966 par X"), one the parse hangs on it
        active = not passive and finite(token)
        return {m: slot for m, slot in slot_of.items() if slot != "par" or not active and _agent_of(token, span, m)}
    return slot_of


def _of_a_kind(thing: Token, span: Span, m: Mention) -> bool:
    """"acheter les jets Gripen", "des avions Rafale": a name that qualifies a plural common noun is the make
    of the things, not the thing itself; not a plural that names one company ("les studios Pixar")."""
    named = _words_of(span.doc, m)
    return named is not None and thing.pos_ == "NOUN" and "Plur" in thing.morph.get("Number") \
        and thing.lemma_.lower() not in lexicon()["company_plurals"] \
        and named.root.head.i == thing.i and named.root.dep_ in {"amod", "nmod", "appos", "flat", "flat:name"} \
        and not any(c.dep_ == "case" for c in named.root.children)


def _in_a_clause_below(verb: Token, span: Span, m: Mention) -> bool:
    """Whether the parse hangs a name on a clause that qualifies a noun below the verb ("avoir acheté pour
    13 000 euros de vêtements, confirmant les révélations du Monde": Le Monde is no thing bought; "a racheté la
    société qui détient X")."""
    named = _words_of(span.doc, m)
    if named is None or verb not in named.root.ancestors:
        return False
    return any(t.pos_ in {"VERB", "AUX"} and t.dep_.startswith("acl") and t.head.pos_ in {"NOUN", "PROPN"}
               for t in named.root.ancestors if verb.is_ancestor(t))


def _agent_of(verb: Token, span: Span, m: Mention) -> bool:
    """Whether the parse hangs a name after "par" on the verb, maybe through the noun it is set beside ("par le
    fonds d'investissement Permira"): not "tente de racheter X, mais l'offre est rejetée par Y"."""
    named = _words_of(span.doc, m)
    if named is None:
        return False
    current = named.root
    for _ in range(3):
        if current.head.i == verb.i:
            return True
        beside = current.dep_ in {"appos", "flat", "flat:name", "nmod"} and current.head.pos_ == "NOUN"
        if not beside and current.dep_ != "conj":  # "par X et Y": Y through X
            return False
        current = current.head
    return current.head.i == verb.i


def _name_before(text: str, trigger: Trigger, subject: Token | None, in_sentence: Sequence[Mention],
                 taken: Callable[[Mention], bool]) -> Mention | None:
    """Failing a parsed subject's name, the name before the trigger (for a noun, a subject's only); never a name
    among the subject's complements ("l'institut fondé par X a annoncé"), inside a quote the trigger is not in
    ("« ... M. X ... », a indiqué le procureur"), a mention with another slot (``taken``), a description set
    after a name, or a name inside an apposition ("X, candidat EELV, a affirmé")."""
    inside = {t.idx for t in subject.subtree} if subject is not None else set()
    before = [m for i, m in enumerate(in_sentence) if m.end <= trigger.token.idx and m.start not in inside
              and not taken(m) and (trigger.pos == "VERB" or m.subject)
              and not (i and _apposed(text, in_sentence[i - 1], m))]
    before = [m for m in before if not _inside_apposition(text, before, m)]
    return before[-1] if before else None


def _quoted(text: str, span: Span, at: int) -> Callable[[Mention], bool]:
    """Whether a mention stands inside a quote of the sentence that does not hold the offset ``at``. Quotes pair
    from the start of the paragraph: a sentence may begin inside one ("Réunions secrètes", "lignes dédiées")."""
    para_end = text.find("\n", span.end_char)
    quotes = [(q.start(), q.end()) for q in _QUOTE.finditer(text, text.rfind("\n", 0, span.start_char) + 1,
                                                            len(text) if para_end < 0 else para_end)
              if q.end() > span.start_char and q.start() < span.end_char and not q.start() <= at < q.end()]
    return lambda m: any(start <= m.start and m.end <= end for start, end in quotes)


def _complement_of(word: Token, m: Mention) -> bool:
    """Whether the parse hangs a name on the word, maybe through "de" complements ("un communiqué du ministre de
    X"), not on a noun of another phrase ("une enquête de l'ONU" after "les annonces sont consécutives à") nor on
    another verb ("met la main sur X et obtient plus de contrôle sur Y")."""
    span = _words_of(word.doc, m)
    current = span.root if span is not None else None
    for _ in range(6):
        if current is None or current.head.i == current.i:
            return False
        current = current.head
        if current.i == word.i:
            return True
        if current.pos_ in {"VERB", "AUX"} and not (current.dep_ == "acl" and current.head.i == word.i) \
                or any(c.dep_ == "case" and c.lower_ not in OF for c in current.children):
            return False  # a complement of another verb (not of a participle on the word: "la fusion annoncée entre
            # X et Y") or of another phrase
    return False


def _subject_mention(subject: Token, in_sentence: Sequence[Mention], verb_at: int) -> Mention | None:
    """The mention a subject is: the name holding its head word; for a common noun, the name set beside it
    ("le consultant RMC, Jérôme Rothen", "la secrétaire d'État à l'Économie, X", "le directeur d'Orange, X"), a
    title's holder named between it and the verb however the parse hangs the name ("le ministre des Finances,
    X, affirmait"), or after it when it follows the verb ("a expliqué un porte-parole, X"), a name before it
    ("X, le PDG de Y,"), else the description it is ("la société"), else the organisation of a governing body
    ("le conseil d'administration d'Engie"); never a name among its complements ("l'institut fondé par X")."""

    def holding(token: Token) -> Mention | None:
        return next((m for m in in_sentence if m.start <= token.idx < m.end), None)

    held = holding(subject)
    title = subject.lemma_.lower() in title_words()
    # a title a common noun names after its verb gives way to its holder set after it: "..., a expliqué un
    # porte-parole de Yahoo!, Jason Titus"
    inverted = subject.idx > verb_at
    if held is not None and held.form != "description" and not (title and inverted and held.form == "noun") \
            or subject.pos_ not in {"NOUN", "PROPN"}:
        return held
    beside = [c for c in subject.children if c.dep_ in {"appos", "conj"}]
    beside += [c for c in subject.children if c.dep_ in {"nmod", "flat", "flat:name"}
               and not any(g.dep_ == "case" for g in c.children)]
    beside += [c for c in subject.children if c.dep_ == "amod" and c.pos_ == "PROPN"]  # "la banque française BNP"
    if title:  # a title's holder: a person first, maybe set after its organisation ("le directeur d'Orange, X",
        # "le sénateur LR X")
        beside += [t for t in subject.subtree if t.dep_ == "appos" and t.head.i != subject.i]
    # with the rest of each name ("M. X": X hangs on "M.")
    beside = [t for c in beside for t in (c, *(g for g in c.children if g.dep_ in {"flat", "flat:name"}))]
    if title:
        beside.sort(key=lambda c: (not _is_person(holding(c)), c.pos_ != "PROPN"))
    for child in beside:
        if (found := holding(child)) is not None and found.form == "name":
            return found
    if title:  # not a name of a clause on the title ("le ministre, qui a reçu X, a déclaré")
        clauses = {t.idx for c in subject.children if c.dep_.startswith("acl") for t in c.subtree}
        if inverted:  # after the verb, a name set apart from the title's phrase, not one of its complements
            clauses |= {t.idx for t in subject.subtree}
        limit = subject.sent.end_char if inverted else verb_at
        holder = next((m for m in in_sentence if subject.idx < m.start and m.end <= limit and m.form == "name"
                       and _is_person(m) and m.start not in clauses), None)
        if holder is not None:
            return holder
    first, last = min(t.i for t in subject.subtree), max(t.i for t in subject.subtree)
    if held is None and subject.pos_ == "NOUN" and first >= 2 and subject.doc[first - 1].text == "," \
            and last + 1 < len(subject.doc) and subject.doc[last + 1].text == ",":
        # "X, le PDG de Y, a dit": X; not "En visitant Y et X, les médecins ont fondé"
        named = holding(subject.doc[first - 2])
        if named is not None and named.form == "name":
            return named
    if held is not None or not _is_body(subject):
        return held
    return next((m for c in _body_complements(subject) if (m := holding(c)) is not None), None)


def _is_person(m: Mention | None) -> bool:
    return m is not None and base_class(m.kind) == "Person"


def _is_body(subject: Token) -> bool:
    """"Le conseil d'administration d'Engie a désigné": a governing body, whose organisation acts through it."""
    return subject.pos_ == "NOUN" and subject.lemma_.lower() in lexicon()["bodies"]


def _body_complements(body: Token) -> Iterator[Token]:
    """The complements of a governing body, through a bare noun that says which body it is ("le conseil
    [d'administration] d'Engie", "le comité [de direction] de X")."""
    for c in body.children:
        if c.dep_ == "nmod":
            yield c
            if c.pos_ == "NOUN" and not any(d.dep_ == "det" for d in c.children):
                yield from (g for g in c.children if g.dep_ == "nmod")


def _participle_of_name(token: Token) -> bool:
    """"Carrefour, condamné à une amende", "Beats, racheté par Apple": a past participle set after a name."""
    return "Part" in token.morph.get("VerbForm") and token.dep_ in {"acl", "appos", "conj"} \
        and token.head.pos_ == "PROPN" and not any(c.dep_.startswith("aux") for c in token.children)


def _qualifies_noun(token: Token) -> bool:
    """"les youtubeurs incriminés", "les voitures vendues": a past participle that qualifies a common noun
    has no subject of its own; the subject of the verb above is not its doer ("Le Parisien cite les youtubeurs
    incriminés" accuses no one). Money and stakes are the exception, "elle dépassera 2 milliards d'euros
    dépensés" is hers, and a name is not a common noun: "M. Elie Fellous, nommé président"."""
    return "Part" in token.morph.get("VerbForm") and "Past" in token.morph.get("Tense") \
        and token.dep_ in {"acl", "amod"} and token.head.pos_ == "NOUN" and not _held(token.head) \
        and not any(c.pos_ == "PROPN" and c.i == token.head.i + 1 for c in token.head.children) \
        and not any(c.dep_.startswith("aux") or c.dep_ == "cop" or c.dep_ in SUBJECT_DEPS for c in token.children)


def _held(noun: Token) -> bool:
    """A sum or a stake: "2 milliards d'euros", "300 euros", "la participation de 50 %"."""
    return noun.lemma_.lower() in lexicon()["holdings"] \
        or any(is_currency(t.text) for t in (noun, *(c for c in noun.children if c.dep_ == "nmod")))


def inverted_subject(verb: Token) -> Token | None:
    """"..., a annoncé l'Elysée.", "« ... », précise l'Autorité dans un communiqué": a speech verb set after what
    was said, with no subject before it, whose "object" ends its clause is its subject, put after it."""
    if verb.pos_ != "VERB" or any(c.dep_ in SUBJECT_DEPS or c.dep_ in {"ccomp", "xcomp"} for c in verb.children):
        return None
    first = verb_group_start(verb)
    if first.i == 0 or first.doc[first.i - 1].text not in {",", "»", "”", '"'}:
        return None
    if not any(t.pos_ in {"VERB", "AUX"} or t.text in {"»", "”", '"'} for t in verb.doc[verb.sent.start : first.i]):
        return None  # nothing said before it: "Altice France, dans un communiqué, a annoncé des négociations"
    said = next((c for c in verb.children if c.dep_ == "obj" and c.i > verb.i), None)
    if said is None or any(t.lower_ in {"que", "qu'", "qu’"} for t in verb.doc[verb.i : verb.sent.end]):
        return None  # not with what was said after it ("a annoncé mercredi que ...", however parsed)
    rest = [t for t in verb.doc[max(t.i for t in said.subtree) + 1 : verb.sent.end] if not (t.is_punct or t.is_space)]
    return said if all(verb in t.ancestors for t in rest) else None


def verb_group_start(verb: Token) -> Token:
    """The first word of a verb with its auxiliaries: "a" of "a déclaré"."""
    return min([verb, *(c for c in verb.children if c.dep_.startswith("aux"))], key=lambda t: t.i)


def _object_clitic(verb: Token, subject: Token) -> bool:
    """"nous", "vous" taken for the subject of a verb in the third person: the clitic is its object ("le journal
    nous indique")."""
    finite = [t for t in (verb, *(c for c in verb.children if c.dep_.startswith("aux"))) if t.morph.get("Person")]
    return subject.lower_ in {"nous", "vous"} and bool(finite) and all(t.morph.get("Person") == ["3"] for t in finite)


def _dependency_subject(token: Token) -> Token | None:
    """The subject of the trigger, or of the verb it depends on ("a l'intention d'investir"); for a noun set
    beside a name, that name ("X, fondateur de Y", "le fondateur de Y, X")."""
    if token.pos_ == "NOUN" and token.dep_ == "appos":
        return token.head
    named = [c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    if token.pos_ == "NOUN" and named:
        return named[0]
    current = token
    for _ in range(4):
        if current.dep_ == "xcomp":  # "a condamné Vivendi à verser": the object of the verb above pays
            controller = next((c for c in current.head.children if c.dep_ == "obj"), None)
            if controller is not None:
                return controller
        for child in current.children:
            if child.dep_ in SUBJECT_DEPS and _object_clitic(current, child):
                before = child.doc[child.i - 1] if child.i else child
                return before if before.pos_ in {"NOUN", "PROPN"} else None  # "le Wall Street Journal nous indique"
            if child.dep_ in SUBJECT_DEPS and child.lower_ not in {"qui", "que"}:
                return child
            if child.dep_ in SUBJECT_DEPS and child.lower_ == "qui" and current.dep_ == "acl:relcl":
                return current.head  # "la CGT, qui rappelle": what the relative clause is about
        if current.dep_ not in _CLIMB_DEPS or current.head.i == current.i:
            return None
        current = current.head
    return None
