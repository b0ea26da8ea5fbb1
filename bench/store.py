"""The embedded store at 1M triples: pyoxigraph against rdflib, kg's queries and exports against their floors.

Usage: python bench/store.py [--triples 1000000] [--sample examples/s00-tiktok.txt]

The graph is the sample article's graph repeated under new document ids, one named graph each
(entities shared, as in a real corpus), until it has the asked number of triples. Prints, each
measured in the same run:
  - load and query times in pyoxigraph (the article graphs, their union queried) and in rdflib's
    memory store (the same triples merged): the reason for the store;
  - each stored query through `kg query`'s path against the same text run directly in pyoxigraph;
  - `kg export` to Turtle and GraphML: time and peak memory of a fresh process, against the peak
    memory of a process that scans every quad of the store (its working set);
  - kg's GraphML writer against python-igraph's, writing the same graph held in memory.
"""

from __future__ import annotations

import argparse
import platform
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import igraph
import pyoxigraph as ox
import rdflib

from kg.graphml import write_graphml
from kg.network import edge_rows, node_rows
from kg.pipeline import extract
from kg.query import PREFIXES, run_query, stored_queries
from kg.reader import read_documents
from kg.store import Store
from kg.triples import document_graph

# The same answer over the union of the article graphs and over their merged triples. (rdflib ran
# the stored `investments` query, with its property paths, past 18 GB of memory: it was stopped.
# Here no join goes through an entity's label, which every article graph repeats.)
QUERIES = {
    "count triples": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "entities by class (aggregate)": "SELECT ?c (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ?c } GROUP BY ?c",
    "investments (joins, optionals)": """PREFIX kg: <https://w3id.org/kg-news/ontology#>
        SELECT DISTINCT ?i ?investor ?value ?currency WHERE { ?i a kg:Investment ; kg:status ?status .
          OPTIONAL { ?i kg:investor ?investor }
          OPTIONAL { ?i kg:amount ?a . ?a kg:currency ?currency OPTIONAL { ?a kg:value ?value } } }""",
    "facts per document (group by)": stored_queries()["documents"].read_text(),
}
_PEAK = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, capture_output=True); "
         "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def corpus(sample: Path, triples: int) -> str:
    """N-Quads: the sample's graph under as many document ids as it takes to reach ``triples``."""
    [document] = [d for d in read_documents([sample])]
    base = document_graph(next(extract([document]))).serialize(format="nt")
    copies = max(1, triples // len(base.splitlines()))
    doc_slug = re.search(r"/doc/([^>]+)>", base).group(1)  # type: ignore[union-attr]
    graph = f"https://w3id.org/kg-news/id/doc/{doc_slug}"
    quads = "".join(f"{line[:-1]}<{graph}> .\n" for line in base.splitlines())
    return "".join(quads.replace(doc_slug, f"{doc_slug}-{n}") for n in range(copies))


def timed(action: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def peak(command: list[str]) -> tuple[float, float]:
    """Seconds and peak resident megabytes of a fresh process running ``command``."""
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", _PEAK, *command], capture_output=True, text=True, check=True)
    return time.perf_counter() - start, int(out.stdout) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--sample", type=Path, default=Path("examples/s00-tiktok.txt"))
    args = parser.parse_args()
    data = corpus(args.sample, args.triples)
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}; "
          f"graph: {len(data.splitlines()):,} triples")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "store"
        oxi_load, _ = timed(lambda: ox.Store(str(path)).bulk_load(data.encode(), format=ox.RdfFormat.N_QUADS))
        triples = "".join(line.rsplit(" <", 1)[0] + " .\n" for line in data.splitlines())
        rdf_load, graph = timed(lambda: rdflib.Graph().parse(data=triples, format="nt"))
        store = Store(path, read_only=True)
        direct = ox.Store.read_only(str(path))
        print(f"\n{'measure':34} {'pyoxigraph s':>13} {'rdflib s':>10} {'rdflib/oxigraph':>16}")
        print(f"{'load':34} {oxi_load:13.2f} {rdf_load:10.2f} {rdf_load / oxi_load:16.1f}")
        for name, sparql in QUERIES.items():
            oxi, rows = timed(lambda q=sparql: list(run_query(store, q)))  # type: ignore[arg-type]
            rdf, rdf_rows = timed(lambda q=sparql: list(graph.query(q)))  # type: ignore[attr-defined]
            assert len(rows) == len(rdf_rows), name  # the same answer, or the timing means nothing
            print(f"{name:34} {oxi:13.3f} {rdf:10.3f} {rdf / oxi:16.1f}")

        header = " ".join(f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items()) + " "
        print(f"\n{'stored query':26} {'kg s':>8} {'pyoxigraph s':>13} {'kg/pyoxigraph':>14}")
        for name, file in stored_queries().items():
            sparql = file.read_text(encoding="utf-8")
            ours, rows = timed(lambda q=sparql: list(run_query(store, q)))  # type: ignore[arg-type]
            floor, floor_rows = timed(lambda q=sparql: list(direct.query(header + q, use_default_graph_as_union=True)))
            assert len(rows) == len(floor_rows), name  # type: ignore[arg-type]
            print(f"{name:26} {ours:8.3f} {floor:13.3f} {ours / floor:14.2f}")
        store.close()

        kg = [sys.executable, "-m", "kg"]
        scan_s, working_set = peak([*kg, "query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                                    "--store", str(path)])
        print(f"\nscanning every quad (kg query, COUNT): {scan_s:.1f} s, peak {working_set:.0f} MB: the store's working set")
        print(f"{'export':8} {'s':>7} {'peak MB':>8} {'peak / working set':>19}")
        for fmt in ("turtle", "graphml"):
            seconds, mb = peak([*kg, "export", fmt, "-o", str(Path(tmp) / f"g.{fmt}"), "--store", str(path)])
            print(f"{fmt:8} {seconds:7.1f} {mb:8.0f} {mb / working_set:19.2f}")
        store = Store(path, read_only=True)
        nodes, edges = list(node_rows(store)), list(edge_rows(store))
        with (Path(tmp) / "kg.graphml").open("wb") as out:
            ours, _ = timed(lambda: write_graphml(nodes, edges, out))
        graph = _igraph(nodes, edges)
        theirs, _ = timed(lambda: graph.write_graphml(str(Path(tmp) / "igraph.graphml")))
        print(f"GraphML writers, same {graph.vcount():,} nodes and {graph.ecount():,} edges in memory: kg {ours:.2f} s, "
              f"python-igraph {theirs:.2f} s, kg / igraph {ours / theirs:.2f}")


def _igraph(nodes: list[tuple[str, dict]], edges: list[tuple[str, str, str, dict]]) -> igraph.Graph:
    """The graph kg exports, as a python-igraph graph with the same attributes (built outside the timing)."""
    index = {node: n for n, (node, _) in enumerate(nodes)}
    kept = [(s, o, attrs) for s, o, _, attrs in edges if s in index and o in index]
    graph = igraph.Graph(directed=True)
    graph.add_vertices(len(nodes))
    graph.vs["name"] = [node for node, _ in nodes]
    for key in {k for _, attrs in nodes for k in attrs}:
        graph.vs[key] = [str(attrs.get(key, "")) for _, attrs in nodes]
    graph.add_edges([(index[s], index[o]) for s, o, _ in kept])
    for key in {k for _, _, attrs in kept for k in attrs}:
        graph.es[key] = [str(attrs.get(key, "")) for _, _, attrs in kept]
    return graph


if __name__ == "__main__":
    main()
