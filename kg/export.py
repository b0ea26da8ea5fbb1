"""The store -> files: RDF through pyoxigraph, networks through networkx, tables, pictures."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import IO

import networkx as nx
import pyoxigraph as ox
from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS

from kg.bundled import bundled
from kg.errors import InputError
from kg.graphml import write_graphml
from kg.network import build_network, edge_rows, node_rows, subgraph
from kg.picture import draw, page
from kg.store import Store
from kg.vocab import DATA, KG

PREFIXES = {"kg": str(KG), "rdf": str(RDF), "rdfs": str(RDFS), "owl": str(OWL),
            **{kind: str(DATA[f"{kind}/"]) for kind in ("entity", "event", "amount", "sentence", "statement", "doc")},
            "xsd": "http://www.w3.org/2001/XMLSchema#", "prov": "http://www.w3.org/ns/prov#",
            "dcterms": "http://purl.org/dc/terms/", "wd": "http://www.wikidata.org/entity/"}


class Format(Enum):
    """The export formats, by the name `kg export` takes: (file suffix, family)."""

    turtle = (".ttl", "rdf")
    ntriples = (".nt", "rdf")
    nquads = (".nq", "quads")
    trig = (".trig", "quads")
    jsonld = (".jsonld", "jsonld")
    rdfxml = (".rdf", "rdf")
    graphml = (".graphml", "network")
    gexf = (".gexf", "network")
    csv = ("", "table")
    html = (".html", "picture")
    svg = (".svg", "picture")
    png = (".png", "picture")

    @property
    def family(self) -> str:
        """rdf, quads, jsonld (whole RDF graph), network, table or picture (a view of the entity graph)."""
        return self.value[1]

    @classmethod
    def from_suffix(cls, path: Path) -> Format:
        """Return the format a file name asks for.

        Raises:
            InputError: for an extension kg does not write.
        """
        for fmt in cls:
            if fmt.value[0] and path.suffix.lower() == fmt.value[0]:
                return fmt
        known = " ".join(f.value[0] for f in cls if f.value[0])
        raise InputError(f"{path}: unknown output extension (use one of {known})")


@dataclass(frozen=True)
class View:
    """Which part of the entity graph a network, table or picture shows."""

    collapse_events: bool = False
    around: str | None = None
    depth: int = 1
    cls: str | None = None


_RDF_FORMATS = {Format.turtle: ox.RdfFormat.TURTLE, Format.ntriples: ox.RdfFormat.N_TRIPLES,
                Format.nquads: ox.RdfFormat.N_QUADS, Format.trig: ox.RdfFormat.TRIG,
                Format.rdfxml: ox.RdfFormat.RDF_XML}


@contextmanager
def atomic_output(path: Path) -> Iterator[IO[bytes]]:
    """Write to a temporary file beside ``path`` and rename it into place only when complete."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # as an ordinary new file would be, not mkstemp's 0600
    try:
        with os.fdopen(fd, "wb") as out:
            yield out
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def export(store: Store, fmt: Format, path: Path, view: View = View(),
           status: Callable[[str], None] = lambda step: None) -> None:
    """Write the graph in ``fmt`` to ``path`` atomically (for csv, ``path`` is a folder of files).

    RDF formats carry the whole graph; the others show the entity graph, narrowed by ``view``.
    ``status`` hears of each long step (reading the graph, drawing it), for a user who waits.

    Raises:
        InputError: for a view on an RDF format, or an unknown entity or class in the view.
    """
    if fmt.family in {"rdf", "quads", "jsonld"}:
        if view != View():
            raise InputError(f"{fmt.name} exports the whole RDF graph; --around, --class and "
                             "--collapse-events are for graphml, gexf, csv, html, svg and png")
        with atomic_output(path) as out:
            if fmt.family == "jsonld":
                _jsonld(store, out)
            else:
                source = store.quads() if fmt.family == "quads" else store.triples()
                ox.serialize(source, out, _RDF_FORMATS[fmt], prefixes=None if fmt is Format.ntriples else PREFIXES)
        return
    shown: set[str] | None = None  # the facts of the view; None: all of them
    if fmt in {Format.graphml, Format.csv} and view == View():  # the whole graph streams from the store
        nodes: Iterable[tuple[str, dict]] = node_rows(store)
        edges: Iterable[tuple[str, str, str, dict]] = edge_rows(store)
    else:
        status("reading the graph from the store")
        graph = subgraph(build_network(store, view.collapse_events), view.around, view.depth, view.cls)
        nodes, edges = graph.nodes(data=True), graph.edges(keys=True, data=True)
        shown = _facts_shown(store, graph)
    if fmt is Format.csv:
        _tables(store, nodes, edges, path, shown)
        return
    if fmt.family == "picture":
        status(f"laying out and drawing {graph.number_of_nodes():,} nodes and {graph.number_of_edges():,} edges")
    with atomic_output(path) as out:
        if fmt is Format.graphml:
            write_graphml(nodes, edges, out)
        elif fmt is Format.gexf:
            nx.write_gexf(graph, out)
        elif fmt is Format.html:
            out.write(page(graph).encode("utf-8"))
        else:
            draw(graph, out, fmt.name, title=view.around)


def _jsonld(store: Store, out: IO[bytes]) -> None:
    """JSON-LD compacted with the context shipped in ontology/context.jsonld."""
    context = json.loads(bundled("ontology").joinpath("context.jsonld").read_text(encoding="utf-8"))["@context"]
    graph = Graph()
    data = ox.serialize(store.triples(), format=ox.RdfFormat.N_TRIPLES)
    graph.parse(data=data, format="nt")
    out.write(graph.serialize(format="json-ld", context=context, auto_compact=True).encode("utf-8"))


def _facts_shown(store: Store, graph: nx.MultiDiGraph) -> set[str]:
    """The facts a view of the graph shows: its events (nodes, or once collapsed the keys of their edges) and
    the relations between two of its entities (or from one of them to a literal, such as a job title)."""
    shown = set(graph) | {key for _, _, key in graph.edges(keys=True)}
    statements = store.query(f"""SELECT ?st ?s ?o WHERE {{ ?st a <{KG.RelationStatement}> ;
                                   <{RDF.subject}> ?s ; <{RDF.object}> ?o }}""")
    for row in statements:  # type: ignore[union-attr]
        if row["s"].value in graph and (isinstance(row["o"], ox.Literal) or row["o"].value in graph):
            shown.add(row["st"].value)
    return shown


def _tables(store: Store, nodes: Iterable[tuple[str, dict]], edges: Iterable[tuple[str, str, str, dict]],
            folder: Path, shown: set[str] | None) -> None:
    """nodes.csv, edges.csv and facts.csv (each fact's roles with its source sentence) in ``folder``;
    facts.csv has the facts in ``shown`` only, unless it is None."""
    folder.mkdir(parents=True, exist_ok=True)
    node_fields = ["id", "label", "class", "wikidata", "mentions", "articles", "article", "amount", "amount_min",
                   "amount_max", "currency", "status"]
    _csv(folder / "nodes.csv", node_fields, ({"id": n, **d} for n, d in nodes))
    edge_fields = ["source_id", "target_id", "label", "sentences", "source", "status"]
    _csv(folder / "edges.csv", edge_fields,
         ({"source_id": s, "target_id": o, **d} for s, o, _, d in edges))
    rows = store.query(FACTS_QUERY)
    fields = [v.value for v in rows.variables]  # type: ignore[union-attr]
    _csv(folder / "facts.csv", fields,
         ({f: (row[f].value if row[f] is not None else "") for f in fields}
          for row in rows if shown is None or row["fact"].value in shown))  # type: ignore[union-attr]


def _csv(path: Path, fields: list[str], rows: Iterable[dict]) -> None:
    with atomic_output(path) as out:
        text = io.TextIOWrapper(out, encoding="utf-8", newline="")
        writer = csv.DictWriter(text, fields, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
        text.flush()
        text.detach()


FACTS_QUERY = f"""
PREFIX kg: <{KG}>
PREFIX rdfs: <{RDFS}>
PREFIX rdf: <{RDF}>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?fact ?kind ?status ?role ?value ?sentence ?document WHERE {{
  {{ ?fact kg:status ?status ; a ?k ; ?r ?v .
     FILTER(?r IN (kg:investor, kg:recipient, kg:payer, kg:payee, kg:acquirer, kg:acquired, kg:authority, kg:fined,
                   kg:target, kg:speaker, kg:about, kg:location, kg:content, kg:date, kg:startDate, kg:endDate, kg:duration))
     OPTIONAL {{ ?v rdfs:label ?label }} BIND(COALESCE(?label, ?v) AS ?value) }}
  UNION
  {{ ?fact kg:status ?status ; a ?k ; kg:amount ?a . ?a rdfs:label ?value . BIND(kg:amount AS ?r) }}
  UNION
  {{ ?fact a kg:RelationStatement ; rdf:predicate ?k ; rdf:subject ?s ; rdf:object ?o . BIND("asserted" AS ?status)
     {{ BIND(rdf:subject AS ?r) ?s rdfs:label ?value }} UNION
     {{ BIND(rdf:object AS ?r) OPTIONAL {{ ?o rdfs:label ?ol }} BIND(COALESCE(?ol, ?o) AS ?value) }} }}
  ?fact kg:source/kg:text ?sentence ; prov:wasDerivedFrom/kg:identifier ?document .
  BIND(STRAFTER(STR(?k), "#") AS ?kind) BIND(REPLACE(STR(?r), "^.*[#/]", "") AS ?role)
}} ORDER BY ?document ?fact ?role
"""
