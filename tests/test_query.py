"""Stored queries by name, one-line syntax errors, and every result format for every query form."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import RDFS, Graph, Literal, URIRef

from kg.cli import QUERY_FORMATS
from kg.errors import InputError, QueryError
from kg.query import FORMATS, GRAPH_FORMATS, RESULT_FORMATS, bind, render, resolve_query, run_query
from kg.store import Store

LONG = "Une très longue étiquette " * 10


@pytest.fixture(scope="module")
def store() -> Store:
    g = Graph()
    g.add((URIRef("urn:a"), RDFS.label, Literal(LONG.strip(), lang="fr")))
    s = Store(None)
    s.replace_graph("urn:doc:a", g)
    return s


def test_a_misspelt_stored_query_is_named_with_the_nearest_ones() -> None:
    with pytest.raises(InputError, match=r"no stored query named 'investmnets'; did you mean investments"):
        resolve_query("investmnets")
    with pytest.raises(InputError, match="kg query --list shows them"):
        resolve_query("zzzzzz")
    assert resolve_query("ASK { ?s ?p ?o }") == "ASK { ?s ?p ?o }"


def test_a_syntax_error_is_one_short_line_at_the_user_s_position(store: Store) -> None:
    with pytest.raises(QueryError) as error:
        run_query(store, "SELECT ?x WHERE { ?x ")
    message = str(error.value)
    assert message.startswith("SPARQL syntax error: line 1, column 22: expected one of")
    assert "\n" not in message and "\\u{" not in message and len(message) < 200, message


def test_the_table_cuts_long_cells_with_an_ellipsis(store: Store) -> None:
    table = render(run_query(store, "SELECT ?label WHERE { ?s rdfs:label ?label }"), "table")
    row = table.splitlines()[2]
    assert row.endswith("…") and len(row) == 80 and row[:-1] in LONG


@pytest.mark.parametrize("form", ["CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "DESCRIBE <urn:a>"])
def test_a_graph_answers_in_every_rdf_format_and_refuses_the_others(store: Store, form: str) -> None:
    for name, fmt in GRAPH_FORMATS.items():
        text = render(run_query(store, form), name)
        assert [t.object.value for t in ox.parse(text.encode(), format=fmt)] == [LONG.strip()], name
    assert render(run_query(store, form), None).startswith("<urn:a>")  # Turtle by default
    for name in ("table", *RESULT_FORMATS):
        with pytest.raises(InputError, match=f"give a graph, not --format {name}: use turtle, ntriples"):
            render(run_query(store, form), name)


@pytest.mark.parametrize("form", ["SELECT ?s WHERE { ?s ?p ?o }", "ASK { ?s ?p ?o }"])
def test_results_refuse_the_rdf_formats(store: Store, form: str) -> None:
    for name in ("table", *RESULT_FORMATS):
        assert render(run_query(store, form), name)
    for name in GRAPH_FORMATS:
        with pytest.raises(InputError, match=f"not a graph, so not --format {name}: use table, csv"):
            render(run_query(store, form), name)


def test_the_command_line_offers_every_format() -> None:
    assert QUERY_FORMATS == FORMATS


def test_a_parameter_fills_its_values_slot_as_a_string(store: Store) -> None:
    query = "SELECT ?s WHERE { VALUES ?name { UNDEF } ?s rdfs:label ?l FILTER(!BOUND(?name) || STR(?l) = ?name) }"
    assert len(list(run_query(store, query))) == 1  # left out, the slot stays UNDEF
    assert not list(run_query(store, bind(query, {"name": 'x" } INSERT {'})))  # quotes stay in the string
    assert len(list(run_query(store, bind(query, {"name": LONG.strip()})))) == 1
    with pytest.raises(InputError, match="no parameter 'other'"):
        bind(query, {"other": "x"})
