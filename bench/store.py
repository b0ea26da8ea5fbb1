"""Load and query times of the embedded store (pyoxigraph) against rdflib's memory store, same graph.

Usage: python bench/store.py [--triples 1000000] [--sample examples/s00-tiktok.txt]

The graph is the sample article's graph repeated under new document ids (entities shared, as in a
real corpus) until it has the asked number of triples. Prints each time and the ratio rdflib /
pyoxigraph measured in the same run.
"""

from __future__ import annotations

import argparse
import platform
import re
import time
from pathlib import Path

import pyoxigraph as ox
import rdflib

from kg.pipeline import extract
from kg.query import stored_queries
from kg.reader import read_documents
from kg.triples import document_graph

QUERIES = {
    "count triples": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "entities by class (aggregate)": stored_queries()["entities-by-class"].read_text(),
    "investments (joins, optionals)": stored_queries()["investments"].read_text(),
    "facts per document (group by)": stored_queries()["documents"].read_text(),
}


def corpus(sample: Path, triples: int) -> str:
    [document] = [d for d in read_documents([sample])]
    base = document_graph(next(extract([document]))).serialize(format="nt")
    copies = max(1, triples // len(base.splitlines()))
    doc_slug = re.search(r"/doc/([^>]+)>", base).group(1)  # type: ignore[union-attr]
    return "".join(base.replace(doc_slug, f"{doc_slug}-{n}") for n in range(copies))


def timed(action) -> tuple[float, object]:  # noqa: ANN001
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--sample", type=Path, default=Path("examples/s00-tiktok.txt"))
    args = parser.parse_args()
    data = corpus(args.sample, args.triples)
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}; "
          f"graph: {len(data.splitlines()):,} triples")
    oxi_load, store = timed(lambda: _load_oxigraph(data))
    rdf_load, graph = timed(lambda: rdflib.Graph().parse(data=data, format="nt"))
    print(f"{'measure':34} {'pyoxigraph s':>13} {'rdflib s':>10} {'rdflib/oxigraph':>16}")
    print(f"{'load':34} {oxi_load:13.2f} {rdf_load:10.2f} {rdf_load / oxi_load:16.1f}")
    for name, sparql in QUERIES.items():
        oxi, rows = timed(lambda q=sparql: list(store.query(q)))  # type: ignore[attr-defined]
        rdf, rdf_rows = timed(lambda q=sparql: list(graph.query(q)))  # type: ignore[attr-defined]
        assert len(rows) == len(rdf_rows), name  # the same answer, or the timing means nothing
        print(f"{name:34} {oxi:13.3f} {rdf:10.3f} {rdf / oxi:16.1f}")


def _load_oxigraph(data: str) -> ox.Store:
    store = ox.Store()
    store.bulk_load(data.encode(), format=ox.RdfFormat.N_TRIPLES)
    return store


if __name__ == "__main__":
    main()
