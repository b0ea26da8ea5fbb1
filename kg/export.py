"""The store -> files: RDF formats through pyoxigraph, GraphML through networkx."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import IO

import networkx as nx
import pyoxigraph as ox
from rdflib.namespace import OWL, RDF, RDFS

from kg.errors import InputError
from kg.store import Store
from kg.vocab import BASE, DATA, ENTITY_CLASSES, EVENT_CLASSES, KG, PARENTS

PREFIXES = {"kg": str(KG), "id": str(DATA), "rdf": str(RDF), "rdfs": str(RDFS), "owl": str(OWL),
            "xsd": "http://www.w3.org/2001/XMLSchema#", "prov": "http://www.w3.org/ns/prov#",
            "dcterms": "http://purl.org/dc/terms/", "wd": "http://www.wikidata.org/entity/"}


class Format(Enum):
    """The export formats, by the name `kg export` takes."""

    turtle = (ox.RdfFormat.TURTLE, False, ".ttl")
    ntriples = (ox.RdfFormat.N_TRIPLES, False, ".nt")
    nquads = (ox.RdfFormat.N_QUADS, True, ".nq")
    trig = (ox.RdfFormat.TRIG, True, ".trig")
    jsonld = (ox.RdfFormat.JSON_LD, False, ".jsonld")
    rdfxml = (ox.RdfFormat.RDF_XML, False, ".rdf")
    graphml = (None, False, ".graphml")

    @classmethod
    def from_suffix(cls, path: Path) -> Format:
        """Return the format a file name asks for.

        Raises:
            InputError: for an extension kg does not write.
        """
        for fmt in cls:
            if path.suffix.lower() == fmt.value[2]:
                return fmt
        known = " ".join(f.value[2] for f in cls)
        raise InputError(f"{path}: unknown output extension (use one of {known})")


@contextmanager
def atomic_output(path: Path) -> Iterator[IO[bytes]]:
    """Write to a temporary file beside ``path`` and rename it into place only when complete."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            yield out
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def export(store: Store, fmt: Format, path: Path) -> None:
    """Write the whole graph in ``fmt`` to ``path``, atomically."""
    writer: Callable[[Store, IO[bytes]], None] = _graphml if fmt is Format.graphml else _rdf(fmt)
    with atomic_output(path) as out:
        writer(store, out)


def _rdf(fmt: Format) -> Callable[[Store, IO[bytes]], None]:
    rdf_format, quads, _ = fmt.value

    def write(store: Store, out: IO[bytes]) -> None:
        source = store.quads() if quads else store.triples()
        prefixes = PREFIXES if rdf_format in {ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.RDF_XML} else None
        ox.serialize(source, out, rdf_format, prefixes=prefixes)
    return write


def entity_network(store: Store) -> nx.MultiDiGraph:
    """Entities and events as nodes, roles and relations as edges, plain attributes only."""
    shown = {str(KG[c]) for c in (*ENTITY_CLASSES, *PARENTS, *EVENT_CLASSES)}
    graph = nx.MultiDiGraph()
    rows = store.query(f"""
        SELECT ?n ?class ?label ?wd WHERE {{
          ?n a ?class . FILTER(?class IN ({", ".join(f"<{c}>" for c in sorted(shown))}))
          OPTIONAL {{ ?n <{RDFS.label}> ?label }} OPTIONAL {{ ?n <{OWL.sameAs}> ?wd }} }}""")
    for row in rows:  # type: ignore[union-attr]
        node = row["n"].value
        attrs = graph.nodes[node] if node in graph else {}
        graph.add_node(node, label=row["label"].value if row["label"] else _local(node),
                       **{"class": _local(row["class"].value)},
                       wikidata=_local(row["wd"].value) if row["wd"] else attrs.get("wikidata", ""))
    edges = store.query(f"""
        SELECT DISTINCT ?s ?p ?o WHERE {{ ?s ?p ?o . FILTER(STRSTARTS(STR(?p), "{BASE}ontology#")) FILTER(isIRI(?o)) }}""")
    for row in edges:  # type: ignore[union-attr]
        s, p, o = row["s"].value, row["p"].value, row["o"].value
        if s in graph and o in graph:
            graph.add_edge(s, o, label=_local(p))
    amounts = store.query(f"""
        SELECT ?e ?role ?v ?min ?max ?cur WHERE {{
          ?e ?role ?a . ?a a <{KG.MonetaryAmount}> ; <{KG.currency}> ?cur .
          OPTIONAL {{ ?a <{KG.value}> ?v }} OPTIONAL {{ ?a <{KG.minValue}> ?min }}
          OPTIONAL {{ ?a <{KG.maxValue}> ?max }} }}""")
    for row in amounts:  # type: ignore[union-attr]
        event = row["e"].value
        if event in graph:
            for key, var in (("amount", "v"), ("amount_min", "min"), ("amount_max", "max")):
                if row[var] is not None:
                    graph.nodes[event][key] = float(row[var].value)
            graph.nodes[event]["currency"] = row["cur"].value
    return graph


def _graphml(store: Store, out: IO[bytes]) -> None:
    nx.write_graphml(entity_network(store), out, named_key_ids=True)


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
