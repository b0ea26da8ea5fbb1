"""Sentences + entities -> events, from the frame lexicon in data/frames/*.yml (its shape: data/events.yml)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from kg.entities import weakly_typed
from kg.frames import Trigger, job_count, lexicon, status, titles_after, triggers_in
from kg.mentions.base import CLOSING_QUOTES
from kg.names import fold
from kg.nlp import SUBJECT_DEPS, text_of
from kg.records import Entity, Fact, Mention, Sentence, Value
from kg.slots import inverted_subject, mention_slots, verb_group_start
from kg.vocab import base_class

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_QUOTE = re.compile(r"«\s*([^»]{3,}?)\s*»|“([^”]{3,}?)”|\"([^\"]{3,}?)\"")
TRIGGERED = "trigger "  # an event's method: this, its trigger rule's family, ":" and the trigger's lemma
_RECEIVER = re.compile(r"\b(?:se|s')\s*(?:voir|voit|voient|vu|vue|vus|verra|verrait)\s*$", re.IGNORECASE)
# The classes a role may turn a class the NER alone gave into.  MISC, its catch-all, may be a company or a fund; a
# place named as an actor is its government or its club ("Pyongyang a annoncé"); a one-word "person" may be a
# company ("Qonto"); an organisation may be its product ("Telegram").  Nothing is made a person or a place, and
# a person with a full name stays one: read on Wikinews, those retypes were wrong ("FFC Francfort", "Hubble" and
# "Pokémon Go" as people, "Adama Barrow" as an organisation).
_RETYPES = {"Product": ("Organization", "Fund"), "Place": ("Organization",),
            "Person": ("Organization", "Product"), "Organization": ("Product",)}


@dataclass
class _Draft:
    kind: str
    trigger: Token
    sentence: int
    roles: dict[str, list[object]] = field(default_factory=dict)
    status: str = "asserted"
    subject_role: str | None = None
    amount_required: bool = False
    told_in: set[int] = field(default_factory=set)
    family: str = ""  # the trigger rule's family (frames.Trigger), its kind unless the rule names one

    def __post_init__(self) -> None:
        self.told_in.add(self.sentence)

    def add(self, role: str, value: object) -> None:
        values = self.roles.setdefault(role, [])
        if value not in values:
            values.append(value)


def find_events(doc: Doc, sentences: Sequence[Sentence], entities: Sequence[Entity],
                values: Sequence[Mention], doc_id: str) -> tuple[list[Fact], list[Entity]]:
    """Return the events stated in ``doc`` and the unnamed funds they introduce.

    ``values`` are the money and time mentions; entities carry their name, pronoun and
    description mentions, which is how a role reaches the entity behind "elle" or "la société".
    """
    of_mention = {m: e.key for e in entities for m in e.mentions}
    classes = {e.key: base_class(e.kind) for e in entities}
    guesses = {e.key: _RETYPES.get(classes[e.key], ()) for e in entities
               if weakly_typed(e) and (classes[e.key] != "Person" or " " not in e.label)}
    mentions = sorted(of_mention, key=lambda m: m.start)
    drafts: list[_Draft] = []
    funds: list[Entity] = []
    for index, span in enumerate(doc.sents):
        in_sentence = [m for m in mentions if span.start_char <= m.start < span.end_char]
        all_money = [m for m in values if m.amount and span.start_char <= m.start < span.end_char]
        money = [m for m in all_money if not _valuation(text_of(doc), m, span.start_char)]
        times = [m for m in values if m.time and span.start_char <= m.start < span.end_char
                 and not _in_brackets(text_of(doc)[span.start_char : m.start])]
        names = [(m.start, m.end) for m in in_sentence if m.form == "name"]
        triggers = [t for t in triggers_in(span) if not any(s <= t.token.idx < e for s, e in names)]
        for trigger in triggers:
            draft = _Draft(trigger.kind, trigger.token, index, status=status(trigger.token),
                           amount_required=trigger.amount_required, family=trigger.family)
            _fill_roles(draft, trigger, triggers, span, in_sentence, of_mention, classes, guesses)
            _fill_values(draft, trigger, triggers, all_money if lexicon()[trigger.kind].get("worth") else money, times)
            _fill_literals(draft, trigger, span)
            if any(role not in draft.roles for role in trigger.requires):
                continue
            fund = _unnamed_fund(draft, trigger, doc_id)
            if fund is not None:
                funds.append(fund)
                classes[fund.key] = "Fund"
            drafts.append(draft)
        if money and not any(lexicon()[t.kind].get("money") for t in triggers):
            drafts.extend(_continuation(span, index, drafts, in_sentence, of_mention, money, classes, guesses))
    topic = _topic(entities)
    merged = _merge(drafts)
    for draft in merged:
        _fill_defaults(draft, topic, classes)
    merged = _settle_classes([d for d in merged if _complete(d) and not _unsaid(d)], classes, guesses)
    retyped = [replace(e, kind=classes[e.key]) if base_class(e.kind) != classes[e.key] else e for e in entities]
    spans = list(doc.sents)
    return [_fact(d, sentences, spans, of_mention) for d in merged], retyped + funds


def _in_brackets(before: str) -> bool:
    """"Jacques Vergès (24 décembre 1945 - 28 décembre 2015)": a date in brackets is someone's, not the event's."""
    return before.count("(") > before.count(")")


def _valuation(text: str, m: Mention, floor: int) -> bool:
    """"Valorisée à 11,7 Md€", "estimée à 82,7 milliards": a worth, not money that changes hands."""
    before = fold(text[max(floor, m.start - 40) : m.start]).split()[-5:]
    return any(word.startswith(cue) for word in before for cue in lexicon()["valuation"])


def _fill_roles(draft: _Draft, trigger: Trigger, triggers: Sequence[Trigger], span: Span,
                in_sentence: Sequence[Mention], of_mention: dict[Mention, str], classes: dict[str, str],
                guesses: dict[str, tuple[str, ...]]) -> None:
    """Fill roles from the slots of the mentions with no other trigger between them and this one."""
    slots = dict(trigger.slots)
    here = trigger.token.idx
    if _RECEIVER.search(text_of(span.doc)[max(span.start_char, here - 20) : here]):
        slots["subject"] = slots.get("à", slots.get("object", "subject"))  # "se voir infliger"
    others = [t.token.idx for t in triggers if t.token.i != trigger.token.i]
    for m, slot in mention_slots(span, trigger, in_sentence).items():
        if slot not in {"subject", "passive", "object"}:
            if any(min(here, m.start) < o < max(here, m.start) for o in others):
                continue
            if m.start < here and slot not in {"par", "possessor"}:
                continue  # complements follow their word: "le ministre de l'Intérieur X a été nommé", "l'influence
                # d'Instagram, ... un blocus"
        role = slots.get(slot)
        if role in lexicon()[draft.kind].get("named", ()) and m.form == "pronoun":
            continue  # a pronoun's referent is a guess this role does not take
        if role is not None and _assign(draft, role, of_mention[m], classes, guesses) and slot in {"subject", "passive"}:
            draft.subject_role = role


def _assign(draft: _Draft, role: str, key: str, classes: dict[str, str],
            guesses: dict[str, tuple[str, ...]]) -> bool:
    """Give ``role`` to ``key`` when its class fits, or a class its NER-given class may be turned into does."""
    accepted = lexicon()[draft.kind]["roles"].get(role)
    if accepted is None or not {classes[key], *guesses.get(key, ())} & set(accepted):
        return False
    if any(key in values for other, values in draft.roles.items() if other != role):
        return False  # one thing plays one part: no one sues or buys themselves
    draft.add(role, key)
    return True


def _settle_classes(drafts: Sequence[_Draft], classes: dict[str, str],
                    guesses: dict[str, tuple[str, ...]]) -> list[_Draft]:
    """Give a thing the NER alone typed the class of the first role it plays in an event that is kept, when the
    role does not take its class or would rather have one it may become (an investor is first an organisation),
    and drop the roles and events that class then does not fit."""
    for draft in drafts:
        for role, values in draft.roles.items():
            accepted = lexicon()[draft.kind]["roles"].get(role, ())
            for key in values:
                if key in guesses and (classes[key] not in accepted or accepted[0] in guesses[key]):
                    classes[key] = next(c for c in accepted if c in guesses[key])  # the role's first class it may take
                guesses.pop(key, None)
    kept = []
    for draft in drafts:
        draft.roles = {r: [v for v in vs if not isinstance(v, str) or r not in lexicon()[draft.kind]["roles"]
                           or classes[v] in lexicon()[draft.kind]["roles"][r]] for r, vs in draft.roles.items()}
        draft.roles = {r: vs for r, vs in draft.roles.items() if vs}
        if _complete(draft):
            kept.append(draft)
    return kept


def _fill_values(draft: _Draft, trigger: Trigger, triggers: Sequence[Trigger],
                 money: Sequence[Mention], times: Sequence[Mention]) -> None:
    """Give the trigger the money (if its kind takes any) and dates nearer to it than to any other trigger."""
    here = trigger.token.idx

    def nearest(m: Mention, rivals: Sequence[Trigger]) -> bool:
        return all(abs(m.start - here) <= abs(m.start - t.token.idx) for t in rivals)
    if lexicon()[trigger.kind].get("money"):  # money goes to the nearest trigger of a kind that takes it
        takers = [t for t in triggers if lexicon()[t.kind].get("money")]
        near = [m for m in money if nearest(m, takers)]
        if near:
            draft.add("amount", min(near, key=lambda m: abs(m.start - here)).amount)
    clause = _clause_verb(trigger.token)
    # a date of another clause is another event's ("Y, assassinée le 13 juillet, ... X est élu"), but a
    # gerund's date may be set on the verb it hangs on ("a mis un pied dans le football en acquérant X, en 2017")
    clauses = {clause, clause.head} if clause.dep_ in {"advcl", "xcomp"} else {clause}
    dated = [t for t in triggers if t.kind != "Statement" or trigger.kind == "Statement"]
    for m in times:
        span = trigger.token.doc.char_span(m.start, m.end, alignment_mode="expand")
        if m.time and span is not None and _clause_verb(span.root) in clauses and nearest(m, dated):
            role = "duration" if m.time.datatype == "duration" else "date"
            draft.add(role, m.time)


def _clause_verb(token: Token) -> Token:
    """The verb whose clause holds ``token`` (the token itself for a verb, the root at worst)."""
    for _ in range(10):
        if token.pos_ == "VERB" or token.head.i == token.i:
            return token
        token = token.head
    return token


def _unnamed_fund(draft: _Draft, trigger: Trigger, doc_id: str) -> Entity | None:
    if trigger.kind != "Investment" or "recipient" in draft.roles:
        return None
    fund_nouns = lexicon()["fund_nouns"]
    for token in trigger.token.subtree:
        if token.lemma_.lower() in fund_nouns and token.pos_ == "NOUN" and "Plur" not in token.morph.get("Number") \
                and any(c.lower_ == "dans" for c in token.children if c.dep_ == "case"):  # not "dans des véhicules"
            words = [t for t in token.subtree if t.i >= token.i and t.dep_ != "punct"][:7]
            label = text_of(token.doc)[token.idx : words[-1].idx + len(words[-1].text)]
            mention = Mention(token.idx, words[-1].idx + len(words[-1].text), label, "Fund", "description",
                              cue="context")
            fund = Entity(f"fund:{doc_id}:{token.idx}", label, "Fund", (mention,))
            draft.add("recipient", fund.key)
            return fund
    return None


def _complete(draft: _Draft) -> bool:
    """An event has one of the roles its kind needs and, unless it stands alone, a second thing to say."""
    rules = lexicon()[draft.kind]
    if draft.amount_required and "amount" not in draft.roles or rules.get("count") and "count" not in draft.roles:
        return False
    if not any(role in draft.roles for role in rules["needs"]) \
            or any(role not in draft.roles for role in rules.get("requires", ())):
        return False
    told = sum(len(v) if r in rules.get("many", ()) else 1 for r, v in draft.roles.items()
               if r in rules["roles"] or r in {"amount", "title", "count"})
    return bool(rules.get("alone")) or told >= 2


def _unsaid(draft: _Draft) -> bool:
    """A negated trigger of a kind that then tells nothing: "n'a pas précisé"."""
    return draft.status == "denied" and lexicon()[draft.kind].get("negated") == "none"


def _topic(entities: Sequence[Entity]) -> str | None:
    """The organisation an article is about: the named one it mentions most often, at least three times and more than
    any other (a common noun's "le conseil d'administration" is none)."""
    counts = sorted(((len(e.mentions), e.key) for e in entities if base_class(e.kind) == "Organization" and not e.local),
                    reverse=True)
    if not counts or counts[0][0] < 3 or len(counts) > 1 and counts[1][0] == counts[0][0]:
        return None
    return counts[0][1]


def _fill_defaults(draft: _Draft, topic: str | None, classes: dict[str, str]) -> None:
    """A role the sentence leaves unsaid that the kind takes from the article: "X est nommé directeur" in a
    story about an organisation is named there."""
    for role, source in lexicon()[draft.kind].get("defaults", {}).items():
        if source == "topic" and topic is not None and role not in draft.roles:
            _assign(draft, role, topic, classes, {})


def _fill_literals(draft: _Draft, trigger: Trigger, span: Span) -> None:
    """The literal roles: what the rule sets, the job title after the trigger, the number of jobs cut."""
    for role, value in trigger.literals.items():
        draft.add(role, Value(value))
    rules = lexicon()[trigger.kind]
    if trigger.title:
        for title in titles_after(trigger.token, span):
            draft.add("title", Value(title, lang="fr"))
    if rules.get("count"):
        count = job_count(span)
        if count is not None:
            draft.add("count", Value(count))


def _continuation(span: Span, index: int, drafts: Sequence[_Draft], in_sentence: Sequence[Mention],
                  of_mention: dict[Mention, str], money: Sequence[Mention], classes: dict[str, str],
                  guesses: dict[str, tuple[str, ...]]) -> list[_Draft]:
    """"L'opération a constitué 2,5 milliards": a sentence that takes up the event before it."""
    rules = lexicon()
    noun = next((t for t in span if t.lemma_.lower() in rules["continuations"] and t.pos_ == "NOUN"
                 and not any(cue in fold(t.head.lemma_) for cue in rules["valuation"])), None)
    earlier = [d for d in drafts if 0 < index - d.sentence <= 2 and d.kind != "Statement" and d.subject_role]
    earlier.sort(key=lambda d: ("amount" in d.roles or d.amount_required, d.sentence))
    if noun is None or not earlier:
        return []
    base = earlier[-1]
    draft = _Draft(base.kind, noun, index, status=base.status, subject_role=base.subject_role, family=base.family)
    subjects = [m for m in in_sentence if m.subject and m.end <= noun.idx]
    if subjects and base.subject_role:
        # a new subject: the same kind of event for someone else ("Syntony arrive avec une opération")
        _assign(draft, base.subject_role, of_mention[subjects[0]], classes, guesses)
    else:
        draft.roles = {r: list(v) for r, v in base.roles.items() if r not in {"amount", "date", "duration"}}
    text = text_of(span.doc)
    after = [m for m in money if m.start > noun.idx
             and not any(cue in word for word in fold(text[noun.idx : m.start]).split() for cue in rules["valuation"])]
    if not after:
        return []
    draft.add("amount", after[0].amount)
    return [draft]


def _merge(drafts: Sequence[_Draft]) -> list[_Draft]:
    """Join two drafts of one event: told in the same or the next sentence with a part in common, or anywhere
    in the article with the same two named parts or more ("Safran rachète Zodiac ... le rachat de Zodiac par
    Safran") or the same sum ("Carrefour condamné à 1,75 million d'euros d'amende ... le tribunal a condamné le
    distributeur à une amende de 1,75 millions d'euros")."""
    merged = _merge_once(drafts)
    while len(joined := _merge_once(merged)) < len(merged):  # drafts joined may now join others
        merged = joined
    return merged


def _merge_once(drafts: Sequence[_Draft]) -> list[_Draft]:
    """Join each draft to the first earlier one of its event, one of its own sentence first."""
    single = {"amount", "date", "authority", "fined", "acquirer", "acquired", "seller", "speaker", "person",
              "measure", "count", "title"}
    merged: list[_Draft] = []
    for draft in drafts:
        own = [o for o in merged if o.sentence == draft.sentence]
        for other in own + [o for o in merged if o.sentence != draft.sentence]:
            if other.kind != draft.kind or draft.kind == "Statement":
                continue
            conflict = any(r in single and other.roles.get(r) and other.roles[r] != v
                           for r, v in draft.roles.items()) or any(
                value in vs for r, values in draft.roles.items() for value in values
                for r2, vs in other.roles.items() if r2 != r and isinstance(value, str))
            common = _parts(draft) & _parts(other)
            near = abs(draft.sentence - other.sentence) <= 1
            if not conflict and (draft.sentence == other.sentence or near and common or len(common) >= 2
                                 or _same_sum(draft, other)):
                for r, vs in draft.roles.items():
                    for v in vs:
                        other.add(r, v)
                other.told_in |= draft.told_in
                if other.status == "asserted":
                    other.status = draft.status
                if draft.trigger.pos_ == "VERB" and other.trigger.pos_ != "VERB":
                    other.trigger, other.family = draft.trigger, draft.family  # the verb's rule tells the event
                break
        else:
            merged.append(draft)
    return merged


def _same_sum(draft: _Draft, other: _Draft) -> bool:
    """The same exact sum, and every role both fill shares a filler: one deal or fine told twice."""
    sums = {a for a in draft.roles.get("amount", ()) if a.value is not None}
    return bool(sums & set(other.roles.get("amount", ()))) and all(
        set(values) & set(other.roles[role]) for role, values in draft.roles.items() if role in other.roles)


def _parts(draft: _Draft) -> set[tuple[str, str]]:
    """The named parts of a draft: (role, entity key)."""
    return {(r, v) for r, vs in draft.roles.items() for v in vs if isinstance(v, str)}


def _fact(draft: _Draft, sentences: Sequence[Sentence], spans: Sequence[Span],
          of_mention: dict[Mention, str]) -> Fact:
    told = [_sentence_of(sentences, spans[i].start_char) for i in sorted(draft.told_in)]
    roles: list[tuple[str, object]] = [(r, v) for r, vs in draft.roles.items() for v in vs]
    trigger = draft.trigger
    home = _sentence_of(sentences, trigger.idx)
    said = _content(trigger) if lexicon()[draft.kind].get("content") else None
    content = _unquoted(home.text[said[0] - home.start : said[1] - home.start]) if said is not None else ""
    if said is not None and content:  # not a quotation mark alone ("« Nous partons. », a déclaré X")
        start, end = said
        roles.append(("content", content))
        speakers = set(draft.roles.get("speaker", []))
        inside = sorted((m for m in of_mention if start <= m.start and m.end <= end), key=lambda m: m.start)
        about = dict.fromkeys(of_mention[m] for m in inside if of_mention[m] not in speakers)
        roles.extend(("about", key) for key in about)
    word = home.text[trigger.idx - home.start : trigger.idx - home.start + len(trigger.text)]
    return Fact(draft.kind, tuple(roles), tuple(dict.fromkeys(told)), word,
                f"{TRIGGERED}{draft.family}:{fold(trigger.lemma_)}", draft.status)


def _sentence_of(sentences: Sequence[Sentence], offset: int) -> Sentence:
    """The sentence (offsets into the original text) that holds ``offset``."""
    return sentences[max(0, bisect_right([s.start for s in sentences], offset) - 1)]


def _content(trigger: Token) -> tuple[int, int] | None:
    """What was said, as offsets: the clause the verb governs (on to the end of a quotation it opens); else the
    quotation of its sentence nearest to it; else, for a verb set after what was said ("« ... », a-t-il déclaré"),
    what comes before its comma; else nothing (the whole sentence would say more than was said). After a
    quotation, the verb's objects are its speaker ("« ... » a déclaré Anurag Gupta, responsable de ...", "»
    estime le météorologue Dave Phillips"), never what was said."""
    speaker = inverted_subject(trigger)  # "..., a annoncé l'Elysée": the speaker, not what was said
    sentence = trigger.sent
    text = text_of(trigger.doc)
    first = verb_group_start(trigger)
    marks = [t.text for t in trigger.doc[max(first.i - 2, sentence.start) : first.i]]
    told_before = speaker is not None or bool(CLOSING_QUOTES & set(marks))
    for child in trigger.children:
        if child.dep_ in {"ccomp", "obj", "xcomp"} and child.i > trigger.i and child != speaker \
                and not (told_before and child.dep_ == "obj"):
            tokens = list(child.subtree)
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
            if text.count("«", start, end) > text.count("»", start, end):
                closing = text.find("»", end, sentence.end_char)
                end = closing + 1 if closing >= 0 else end  # "que « de temps en temps, pour des raisons ... »"
            return start, end
    quotes = [q.span(q.lastindex or 0) for q in _QUOTE.finditer(text, sentence.start_char, sentence.end_char)
              if not q.start() <= trigger.idx < q.end()]
    if quotes:
        return min(quotes, key=lambda q: min(abs(q[0] - trigger.idx), abs(q[1] - trigger.idx)))
    before = text[sentence.start_char : trigger.idx]
    inverted = trigger.dep_ == "parataxis" or speaker is not None \
        or any(c.dep_ in SUBJECT_DEPS and c.i > trigger.i for c in trigger.children)
    if "," in before and inverted and not any(c.dep_ in SUBJECT_DEPS and c.i < trigger.i for c in trigger.children):
        return sentence.start_char, sentence.start_char + before.rindex(",")  # not "X, ministre de ..., a précisé"
    return None


def _unquoted(said: str) -> str:
    """What was said without the punctuation around it: the quotation marks that open and close it, an opening
    mark left alone at its start or end, a closing one at its end; not the closing mark of a quotation inside it
    ("une expérience « diverse »")."""
    said = said.strip(" ,.")
    for opening, closing in (("«", "»"), ("“", "”")):
        if said.startswith(opening) and said.endswith(closing) and said.count(opening) == said.count(closing) == 1:
            said = said[1:-1]
        if said.startswith(opening) and said.count(opening) > said.count(closing):
            said = said[1:]
        if said.endswith(closing) and said.count(closing) > said.count(opening) or said.endswith(opening):
            said = said[:-1]  # a mark left alone, or one that opens what was cut off ("prévues par la loi «")
        said = said.strip(" ,.")
    if said.count('"') == 2 and said.startswith('"') and said.endswith('"') or said.count('"') % 2:
        said = said.strip('"')
    return said.strip(" ,.")


def trigger_family(method: str) -> str | None:
    """The rule family of an event a trigger set off, from its method ("trigger funding round:lever"); None for a
    fact no trigger rule wrote."""
    return method.removeprefix(TRIGGERED).rsplit(":", 1)[0] if method.startswith(TRIGGERED) else None
