"""Rule families off by default: those that read right less than 9 times in 10 (kg/data/readings.yml)."""

from __future__ import annotations

from dataclasses import replace

from kg.amounts import parse_amounts
from kg.data import load_yaml
from kg.facts import find_events
from kg.frames import kinds, lexicon
from kg.readings import TITLED, checked, family, on_by_default
from kg.records import Document, Entity, Extraction, Fact, Mention, Sentence, Value
from kg.relations.inferred import STORY_PLACE, appointed
from tests.handmade import make_doc

TEXT = "Ada Roy, présidente de Acme, a dit que Acme achète Beta à Paris."
S = Sentence(0, len(TEXT), TEXT)


def entity(name: str, kind: str) -> Entity:
    start = TEXT.index(name)
    return Entity(f"name:{name.lower()}", name, kind, (Mention(start, start + len(name), name, kind),))


def test_every_event_kind_has_a_reading_and_the_rule_is_nine_in_ten() -> None:
    readings = load_yaml("readings.yml")["families"]
    assert set(kinds()) <= set(readings)
    assert {rule["family"] for kind in kinds() for rule in lexicon()[kind]["triggers"] if "family" in rule} <= set(readings)
    for name, reading in readings.items():
        assert on_by_default(name) == (reading["right"] >= 0.9 * reading["read"]), name
    assert on_by_default("relativeOf")  # read in earlier sessions, not listed: on


def test_checked_keeps_the_families_on_and_drops_the_others_with_what_only_they_needed() -> None:
    ada, acme, beta, paris = (entity("Ada Roy", "Person"), entity("Acme", "Organization"), entity("Beta", "Organization"),
                              entity("Paris", "City"))
    facts = (Fact("jobTitle", (("subject", ada.key), ("object", "présidente")), (S,), "x", "pattern title", is_event=False),
             Fact("Statement", (("speaker", ada.key), ("content", "que Acme achète Beta")), (S,), "dit", "trigger"),
             Fact("locatedIn", (("subject", beta.key), ("object", paris.key)), (S,), "x", STORY_PLACE, is_event=False))
    extraction = Extraction(Document("d", TEXT, "d"), (S,), (ada, acme, beta, paris), facts)
    kept = checked(extraction)
    assert [family(f) for f in kept.facts] == [f for f in ("jobTitle", "Statement", "place of the story")
                                              if on_by_default(f)]
    assert {e.label for e in kept.entities} == {"Ada Roy", "Acme", "Beta", "Paris"}  # names stay, facts go


def test_a_statement_keeps_its_speaker_when_what_was_said_is_off(monkeypatch) -> None:
    ada, acme = entity("Ada Roy", "Person"), entity("Acme", "Organization")
    said = Fact("Statement", (("speaker", ada.key), ("content", "que Acme achète Beta"), ("about", acme.key)), (S,),
                "dit", "trigger")
    monkeypatch.setattr("kg.readings._readings", lambda: {"Statement": {"read": 10, "right": 10},
                                                          "what was said": {"read": 10, "right": 5}})
    [kept] = checked(Extraction(Document("d", TEXT, "d"), (S,), (ada, acme), (said,))).facts
    assert kept.roles == (("speaker", ada.key),)


def test_an_appointment_done_gives_its_person_the_title_and_employer_in_its_own_family() -> None:
    ada, acme, beta = entity("Ada Roy", "Person"), entity("Acme", "Organization"), entity("Beta", "Organization")
    named = Fact("Appointment", (("person", ada.key), ("organization", acme.key), ("title", Value("présidente", "fr"))),
                 (S,), "nommée", "trigger")
    planned = replace(named, roles=(("person", ada.key), ("organization", beta.key)), status="planned")
    together = Fact("Appointment", (("person", ada.key), ("person", beta.key), ("title", Value("membres", "fr"))),
                    (S,), "nommés", "trigger")
    got = list(appointed([named, planned, together]))
    assert [(f.kind, f.roles) for f in got] == [("worksFor", (("subject", ada.key), ("object", acme.key))),
                                                 ("jobTitle", (("subject", ada.key), ("object", "présidente")))]
    # the title is read apart from the employer: the post is read more surely
    assert [family(f) for f in got] == ["Appointment", TITLED]


def test_a_trigger_rule_that_names_a_family_is_read_in_it() -> None:
    # "Acme lève 5 M€ auprès de Beta": a funding round; "Acme investit 5 M€ dans Beta": an investment
    def event(verb: str, lemma: str, preposition: list[tuple]) -> Fact:
        doc = make_doc([("Acme", "Acme", "PROPN", "nsubj", 1), (verb, lemma, "VERB", "ROOT", 1, "VerbForm=Fin"),
                        ("5", "5", "NUM", "nummod", 3), ("M€", "M€", "NOUN", "obj", 1), *preposition,
                        ("Beta", "Beta", "PROPN", "obl", 1), (".", ".", "PUNCT", "punct", 1)])
        acme, beta = (Entity(f"name:{n.lower()}", n, "Organization", (Mention(s, s + len(n), n, "Organization",
                                                                              cue="gazetteer", subject=n == "Acme"),))
                      for n, s in (("Acme", 0), ("Beta", doc.text.index("Beta"))))
        [fact] = find_events(doc, [Sentence(0, len(doc.text), doc.text)], [acme, beta], _money(doc), "d")[0]
        return fact
    raised = event("lève", "lever", [("auprès", "auprès", "ADV", "case", 6), ("de", "de", "ADP", "fixed", 4)])
    invested = event("investit", "investir", [("dans", "dans", "ADP", "case", 5)])
    assert (raised.kind, family(raised)) == ("Investment", "funding round")
    assert (invested.kind, family(invested)) == ("Investment", "Investment")


def _money(doc) -> list[Mention]:
    return [Mention(s, e, doc.text[s:e], "MonetaryAmount", amount=a) for s, e, a in parse_amounts(doc.text)]


def test_an_acquisition_a_verb_tells_is_read_apart_from_one_a_noun_tells() -> None:
    # "Acme rachète Beta.": on by default; "Le rachat de Beta par Acme dure.": a noun's, off
    bought = make_doc([("Acme", "Acme", "PROPN", "nsubj", 1), ("rachète", "racheter", "VERB", "ROOT", 1, "VerbForm=Fin"),
                       ("Beta", "Beta", "PROPN", "obj", 1), (".", ".", "PUNCT", "punct", 1)])
    told = make_doc([("Le", "le", "DET", "det", 1), ("rachat", "rachat", "NOUN", "nsubj", 6),
                     ("de", "de", "ADP", "case", 3), ("Beta", "Beta", "PROPN", "nmod", 1), ("par", "par", "ADP", "case", 5),
                     ("Acme", "Acme", "PROPN", "nmod", 1), ("dure", "durer", "VERB", "ROOT", 6, "VerbForm=Fin"),
                     (".", ".", "PUNCT", "punct", 6)])
    families = []
    for doc in (bought, told):
        acme, beta = (Entity(f"name:{n.lower()}", n, "Organization",
                             (Mention(doc.text.index(n), doc.text.index(n) + len(n), n, "Organization", cue="gazetteer",
                                      subject=doc is bought and n == "Acme"),)) for n in ("Acme", "Beta"))
        [fact] = find_events(doc, [Sentence(0, len(doc.text), doc.text)], [acme, beta], [], "d")[0]
        assert (fact.kind, fact.values("acquirer"), fact.values("acquired")) == ("Acquisition", [acme.key], [beta.key])
        families.append(family(fact))
    assert families == ["Acquisition", "acquisition noun"]
    assert [on_by_default(f) for f in families] == [True, False]


def test_an_acquisition_names_a_side_of_the_deal_besides_what_changes_hands() -> None:
    # "Beta a été racheté pour 5 M€.": who bought or sold it, the sentence does not say
    doc = make_doc([("Beta", "Beta", "PROPN", "nsubj:pass", 3), ("a", "avoir", "AUX", "aux:tense", 3),
                    ("été", "être", "AUX", "aux:pass", 3), ("racheté", "racheter", "VERB", "ROOT", 3, "VerbForm=Part"),
                    ("pour", "pour", "ADP", "case", 6), ("5", "5", "NUM", "nummod", 6), ("M€", "M€", "NOUN", "obl", 3),
                    (".", ".", "PUNCT", "punct", 3)])
    beta = Entity("name:beta", "Beta", "Organization",
                  (Mention(0, 4, "Beta", "Organization", cue="gazetteer", subject=True),))
    assert _money(doc) and find_events(doc, [Sentence(0, len(doc.text), doc.text)], [beta], _money(doc), "d")[0] == []
