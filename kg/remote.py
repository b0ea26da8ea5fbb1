"""Other SPARQL stores: push the graph by the Graph Store Protocol, query an endpoint by the SPARQL Protocol."""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable

import pyoxigraph as ox

from kg.errors import QueryError, StoreError
from kg.store import Store

_TIMEOUT = 300


def _request(request: urllib.request.Request, what: str) -> bytes:
    try:
        with urllib.request.urlopen(request, timeout=_TIMEOUT) as response:
            return response.read()
    except urllib.error.HTTPError as e:
        detail = e.read().decode("utf-8", errors="replace").strip().splitlines()
        raise StoreError(f"{what}: HTTP {e.code} {e.reason}" + (f": {detail[0][:200]}" if detail else "")) from e
    except (urllib.error.URLError, OSError) as e:
        raise StoreError(f"{what}: {getattr(e, 'reason', e)}") from e


def push(store: Store, url: str, progress: Callable[[str], None] | None = None) -> int:
    """Send every document graph to a Graph Store Protocol endpoint, replacing graphs of the same name.

    Raises:
        StoreError: when the server refuses or cannot be reached.
    """
    graphs = store.graphs()
    for graph in graphs:
        quads = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
        body = ox.serialize(quads, format=ox.RdfFormat.N_TRIPLES)  # type: ignore[arg-type]
        target = f"{url}{'&' if '?' in url else '?'}graph={urllib.parse.quote(graph, safe='')}"
        request = urllib.request.Request(target, data=body, method="PUT",
                                         headers={"Content-Type": "application/n-triples"})
        _request(request, f"PUT {graph} to {url}")
        if progress:
            progress(graph)
    return len(graphs)


def query_endpoint(url: str, sparql: str) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
    """Run a query on a remote SPARQL endpoint and read its answer back as local results.

    Raises:
        QueryError: when the endpoint refuses the query or cannot be reached.
    """
    request = urllib.request.Request(
        url, data=urllib.parse.urlencode({"query": sparql}).encode(), method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded",
                 "Accept": "application/sparql-results+json, application/n-triples;q=0.9"})
    try:
        with urllib.request.urlopen(request, timeout=_TIMEOUT) as response:
            media = response.headers.get_content_type()
            body = response.read()
    except urllib.error.HTTPError as e:
        detail = e.read().decode("utf-8", errors="replace").strip()
        raise QueryError(f"{url}: HTTP {e.code}: {detail[:300]}") from e
    except (urllib.error.URLError, OSError) as e:
        raise QueryError(f"{url}: {getattr(e, 'reason', e)}") from e
    if media in {"application/n-triples", "text/turtle", "text/plain"}:
        fmt = ox.RdfFormat.TURTLE if media == "text/turtle" else ox.RdfFormat.N_TRIPLES
        return [quad.triple for quad in ox.parse(body, format=fmt)]  # type: ignore[return-value]
    return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
