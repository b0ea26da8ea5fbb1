"""Property-based tests: the parsers, IRI minting and the triples stage on arbitrary Unicode."""

from __future__ import annotations

import subprocess
from decimal import Decimal

import pyoxigraph as ox
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.amounts import parse_amounts
from kg.dates import parse_times
from kg.names import fold, slug
from kg.records import Amount, Document, Entity, Extraction, Fact, Mention, Sentence, TimeValue
from kg.triples import document_graph, document_iri, entity_iri

text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=300)
money_words = st.sampled_from(["1,7 Md€", "plus d'un milliard d'euros", "300 millions de dollars", "des centaines",
                               "7 M€", "2,4 milliards US", "euros", "€", "millions", " ", "d'ici 2023", "en avril 2021"])
frenchish = st.lists(st.one_of(text, money_words), max_size=8).map(" ".join)


@given(frenchish)
def test_amounts_never_crash_and_spans_are_in_the_text(s: str) -> None:
    for start, end, amount in parse_amounts(s):
        assert 0 <= start < end <= len(s)
        assert len(amount.currency) == 3 and amount.currency.isupper()
        assert any(v is not None and v >= 0 for v in (amount.value, amount.min_value, amount.max_value))


@given(frenchish, st.one_of(st.none(), st.integers(1900, 2100)))
def test_dates_never_crash_and_are_valid_xsd(s: str, year: int | None) -> None:
    for start, end, value in parse_times(s, year):
        assert 0 <= start < end <= len(s)
        xsd = ox.NamedNode(f"http://www.w3.org/2001/XMLSchema#{value.datatype}")
        ox.Literal(value.lexical, datatype=xsd)  # pyoxigraph accepts the lexical form for the type
        if value.datatype == "date":
            month, day = map(int, value.lexical.split("-")[1:])
            assert 1 <= month <= 12 and 1 <= day <= 31


@given(text)
def test_slugs_and_iris_are_always_valid(name: str) -> None:
    assert slug(name) and all(c.isascii() and (c.isalnum() or c == "-") for c in slug(name))
    for iri in (entity_iri(f"name:{fold(name)}"), entity_iri(f"name:{name}"), document_iri(name)):
        ox.NamedNode(str(iri))  # raises on an invalid IRI


@settings(max_examples=60, deadline=None)
@given(text.filter(lambda s: s.strip()), text, text)
def test_triples_of_arbitrary_text_serialise_and_parse_back(doc_text: str, label: str, said: str) -> None:
    sentence = Sentence(0, len(doc_text), doc_text)
    entity = Entity(f"name:{label}", label or "x", "Organization", (Mention(0, 1, doc_text[:1], "Organization"),))
    fact = Fact("Statement", (("speaker", entity.key), ("content", said),
                              ("amount", Amount("EUR", value=Decimal("1.5"))), ("date", TimeValue("2020", "gYear"))),
                (sentence,), said[:5], "test")
    relation = Fact("jobTitle", (("subject", entity.key), ("object", said)), (sentence,), "x", "test", is_event=False)
    graph = document_graph(Extraction(Document(label, doc_text, label, title=said), (sentence,), (entity,),
                                      (fact, relation)))
    data = graph.serialize(format="nt", encoding="utf-8")
    store = ox.Store()
    store.load(data, format=ox.RdfFormat.N_TRIPLES)  # strict: invalid IRIs or escapes would raise
    assert len(store) == len(graph)
    turtle = ox.serialize(store, format=ox.RdfFormat.TURTLE)
    assert len(list(ox.parse(turtle, format=ox.RdfFormat.TURTLE))) == len(graph)


def test_rapper_reads_what_hostile_text_becomes(tmp_path) -> None:  # noqa: ANN001
    import shutil

    if not shutil.which("rapper"):
        return
    from kg.reader import read_documents

    raw = 'Guillemets " et """ triples, <script>alert(1)</script> > <, \u202eRTL\u202c, \x07bell, \n ligne' * 50
    (tmp_path / "hostile.txt").write_text(raw, encoding="utf-8")
    [document] = read_documents([tmp_path / "hostile.txt"])
    hostile = document.text
    assert len(hostile) == len(raw) and "\x07" not in hostile  # same offsets, nothing XML cannot carry
    sentence = Sentence(0, len(hostile), hostile)
    entity = Entity("name:x", hostile[:300], "Person", (Mention(0, 3, hostile[:3], "Person"),))
    fact = Fact("Statement", (("speaker", "name:x"), ("content", hostile)), (sentence,), "t", "test")
    graph = document_graph(Extraction(document, (sentence,), (entity,), (fact,)))
    store = ox.Store()
    store.load(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    for fmt, name in ((ox.RdfFormat.TURTLE, "turtle"), (ox.RdfFormat.N_TRIPLES, "ntriples"),
                      (ox.RdfFormat.RDF_XML, "rdfxml")):
        out = tmp_path / f"h.{name}"
        ox.serialize(store, str(out), fmt)  # as kg export writes them
        subprocess.run(["rapper", "-q", "-c", "-i", name, str(out)], check=True, capture_output=True)
