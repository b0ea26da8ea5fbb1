"""Every export on a graph with hostile names: strict parsers, round trips, second readers, a real PNG."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import to_isomorphic

from kg.export import Format, View, export
from kg.records import Amount, Document, Entity, Extraction, Fact, Mention, Sentence
from kg.store import Store
from kg.triples import document_graph, document_iri

NAMES = ['Société "Guillemets" <SA>', "Café 😀 & Crème", "  espaces  multiples ", "Ünïcødé Ærø", "L" + "o" * 300 + "ng"]
RAPPER = {Format.turtle: "turtle", Format.ntriples: "ntriples", Format.nquads: "nquads", Format.trig: "trig",
          Format.rdfxml: "rdfxml"}
PARSE = {Format.turtle: "turtle", Format.ntriples: "nt", Format.rdfxml: "xml", Format.jsonld: "json-ld"}


@pytest.fixture(scope="module")
def store() -> Store:
    text = " et ".join(NAMES) + " investissent."
    sentence = Sentence(0, len(text), text)
    entities, at = [], 0
    for i, name in enumerate(NAMES):
        at = text.index(name, at)
        mention = Mention(at, at + len(name), name, "Organization")
        entities.append(Entity(f"name:hostile {i}", name, "Organization", (mention,)))
    fact = Fact("Investment", (("investor", entities[0].key), ("recipient", entities[1].key),
                               ("amount", Amount("EUR", value=Decimal("1.5E6")))), (sentence,), "investissent", "test")
    relation = Fact("parentOrganization", (("subject", entities[2].key), ("object", entities[3].key)), (sentence,),
                    "x", "test", is_event=False)
    s = Store(None)
    for doc_id in ("a <b>", "c \"d\""):
        extraction = Extraction(Document(doc_id, text, doc_id), (sentence,), tuple(entities), (fact, relation))
        s.replace_graph(document_iri(doc_id), document_graph(extraction))
    return s


def union(store: Store) -> rdflib.Graph:
    g = rdflib.Graph()
    g.parse(data=ox.serialize(store.triples(), format=ox.RdfFormat.N_TRIPLES).decode(), format="nt")
    return g


@pytest.mark.parametrize("fmt", [Format.turtle, Format.ntriples, Format.rdfxml, Format.jsonld, Format.nquads, Format.trig])
def test_rdf_exports_parse_strictly_and_round_trip(store: Store, tmp_path: Path, fmt: Format) -> None:
    out = tmp_path / f"g{fmt.value[0]}"
    export(store, fmt, out)
    if fmt in RAPPER and shutil.which("rapper"):
        subprocess.run(["rapper", "-q", "-c", "-i", RAPPER[fmt], str(out)], check=True, capture_output=True)
    if fmt is not Format.jsonld:
        loaded = ox.Store()
        loaded.load(path=str(out))  # pyoxigraph, a second strict parser
        assert len(loaded) > 0
    if fmt in PARSE:
        back = rdflib.Graph().parse(out, format=PARSE[fmt])
    else:
        dataset = rdflib.Dataset()
        dataset.parse(out, format="nquads" if fmt is Format.nquads else "trig")
        assert {str(g.identifier) for g in dataset.graphs() if len(g)} >= {str(document_iri("a <b>"))}
        back = rdflib.Graph()
        for s, p, o, _ in dataset.quads():
            back.add((s, p, o))
    assert to_isomorphic(back) == to_isomorphic(union(store))


@pytest.mark.parametrize("fmt", [Format.graphml, Format.gexf])
def test_network_exports_read_back(store: Store, tmp_path: Path, fmt: Format) -> None:
    out = tmp_path / f"g{fmt.value[0]}"
    export(store, fmt, out)
    graph = nx.read_graphml(out) if fmt is Format.graphml else nx.read_gexf(out)
    labels = {d["label"] for _, d in graph.nodes(data=True)}
    assert set(NAMES) <= labels
    entity = next(d for _, d in graph.nodes(data=True) if d["label"] == NAMES[0])
    assert entity["class"] == "Organization" and int(entity["mentions"]) == 2 and int(entity["articles"]) == 2
    edge_labels = {d["label"] for _, _, d in graph.edges(data=True)}
    assert {"investor", "recipient", "parentOrganization"} <= edge_labels
    if fmt is Format.graphml:
        import igraph

        second = igraph.Graph.Read_GraphML(str(out))
        assert (second.vcount(), second.ecount()) == (graph.number_of_nodes(), graph.number_of_edges())
        assert set(NAMES) <= set(second.vs["label"])
    else:
        root = ET.parse(out).getroot()
        namespace = root.tag.split("}")[0].strip("{")
        ns = {"g": namespace}
        assert len(root.findall(".//g:node", ns)) == graph.number_of_nodes()
        assert len(root.findall(".//g:edge", ns)) == graph.number_of_edges()


def test_collapsed_events_become_labelled_edges(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "c.graphml"
    export(store, Format.graphml, out, View(collapse_events=True))
    graph = nx.read_graphml(out)
    assert all(d["class"] != "Investment" for _, d in graph.nodes(data=True))
    assert any(d["label"] == "invests 1.5 M EUR" for _, _, d in graph.edges(data=True))


def test_collapsed_events_are_labelled_in_drawings(store: Store, tmp_path: Path) -> None:
    export(store, Format.svg, tmp_path / "c.svg", View(collapse_events=True))
    drawing = (tmp_path / "c.svg").read_text(encoding="utf-8")
    assert "invests 1.5 M EUR" in drawing and "parentOrganization" in drawing
    export(store, Format.png, tmp_path / "c.png", View(collapse_events=True))


def test_tables(store: Store, tmp_path: Path) -> None:
    export(store, Format.csv, tmp_path / "tables")
    rows = {name: list(csv.DictReader((tmp_path / "tables" / name).open(encoding="utf-8")))
            for name in ("nodes.csv", "edges.csv", "facts.csv")}
    assert set(NAMES) <= {r["label"] for r in rows["nodes.csv"]}
    assert any(r["label"] == "investor" for r in rows["edges.csv"])
    facts = rows["facts.csv"]
    assert any(r["kind"] == "Investment" and r["role"] == "investor" and r["value"] == NAMES[0] for r in facts)
    assert all(r["sentence"] and r["document"] for r in facts)


def test_tables_around_an_entity_hold_only_its_facts(store: Store, tmp_path: Path) -> None:
    def kinds(view: View) -> set[str]:
        folder = tmp_path / str(hash(view))
        export(store, Format.csv, folder, view)
        return {r["kind"] for r in csv.DictReader((folder / "facts.csv").open(encoding="utf-8"))}

    assert kinds(View()) == {"Investment", "parentOrganization"}
    assert kinds(View(around=NAMES[0])) == {"Investment"}
    assert kinds(View(around=NAMES[0], collapse_events=True)) == {"Investment"}
    assert kinds(View(around=NAMES[2])) == {"parentOrganization"}


@pytest.mark.parametrize("fmt", [Format.html, Format.svg, Format.png])
def test_a_whole_graph_picture_says_what_it_is_doing(store: Store, tmp_path: Path, fmt: Format) -> None:
    steps: list[str] = []
    export(store, fmt, tmp_path / f"g{fmt.value[0]}", status=steps.append)
    assert steps[0] == "reading the graph from the store"
    assert re.fullmatch(r"laying out and drawing \d+ nodes and \d+ edges", steps[-1])


def test_html_page_is_self_contained_and_escapes_labels(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "g.html"
    export(store, Format.html, out)
    page = out.read_text(encoding="utf-8")
    assert "<SA>" not in page and "\\u003cSA>" in page
    assert "http://" not in page.split("<script")[0] and "src=" not in page


def test_png_is_a_real_picture_of_the_expected_size(store: Store, tmp_path: Path) -> None:
    import numpy
    from PIL import Image

    out = tmp_path / "g.png"
    export(store, Format.png, out, View(around=NAMES[0], depth=2))
    with Image.open(out) as image:
        assert image.format == "PNG" and image.size == (1200, 900)
        colours = {tuple(p) for p in numpy.asarray(image.convert("RGB")).reshape(-1, 3)}
        assert len(colours) > 20  # something was drawn, not a blank page
    svg = tmp_path / "g.svg"
    export(store, Format.svg, svg)
    assert ET.parse(svg).getroot().tag.endswith("svg")


def test_views_on_rdf_formats_and_unknown_names_are_refused(store: Store, tmp_path: Path) -> None:
    from kg.errors import InputError

    with pytest.raises(InputError, match="whole RDF graph"):
        export(store, Format.turtle, tmp_path / "x.ttl", View(around="x"))
    with pytest.raises(InputError, match="no entity named"):
        export(store, Format.png, tmp_path / "x.png", View(around="Nobody at all"))
    assert not (tmp_path / "x.png").exists()


def test_graphml_writer_survives_characters_xml_cannot_carry(tmp_path: Path) -> None:
    from kg.graphml import write_graphml

    out = tmp_path / "g.graphml"
    with out.open("wb") as f:
        count = write_graphml([("a", {"label": "bell\x07 <b>&", "mentions": 3}), ("b", {"label": "ok"})],
                              [("a", "b", "k", {"label": "rel", "sentences": 2}), ("a", "missing", "k", {})], f)
    graph = nx.read_graphml(out)
    assert count == 1 and graph.nodes["a"]["label"] == "bell\ufffd <b>&" and graph.nodes["a"]["mentions"] == 3
