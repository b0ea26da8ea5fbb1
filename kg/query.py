"""SPARQL queries: stored queries by name, and results as a table, CSV, TSV or JSON."""

from __future__ import annotations

import re
from importlib.resources.abc import Traversable
from pathlib import Path

import pyoxigraph as ox

from kg.bundled import bundled
from kg.errors import InputError, QueryError
from kg.export import PREFIXES
from kg.store import Store

RESULT_FORMATS = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                  "json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML}


def stored_queries() -> dict[str, Traversable]:
    """Return the stored queries by name (file name without .rq)."""
    files = sorted((f for f in bundled("queries").iterdir() if f.name.endswith(".rq")), key=lambda f: f.name)
    return {f.name.removesuffix(".rq"): f for f in files}


def description(path: Traversable) -> str:
    """Return the one-line description of a stored query: the comment on its first line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return lines[0].lstrip("#").strip() if lines else ""


def resolve_query(query: str) -> str:
    """Return SPARQL text from a .rq file, a stored query name or SPARQL text itself.

    Raises:
        InputError: for a .rq file that cannot be read.
    """
    if query.endswith(".rq"):
        try:
            return Path(query).read_text(encoding="utf-8")
        except OSError as e:
            raise InputError(f"{query}: cannot read the query file ({e.strerror})") from e
    stored = stored_queries()
    if query in stored:
        return stored[query].read_text(encoding="utf-8")
    return query


_SYNTAX_AT = re.compile(r"error at (\d+):(\d+)")


def run_query(store: Store, sparql: str) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
    """Run a query with the usual prefixes (kg, rdf, rdfs, owl, xsd, prov, dcterms, wd) declared.

    Raises:
        QueryError: with the line and column of a syntax error in the text as the user wrote it.
    """
    declared = {m.lower() for m in re.findall(r"PREFIX\s+([\w-]*):", sparql, re.IGNORECASE)}
    header = " ".join(f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items() if p not in declared) + " "
    try:
        return store.query(header + sparql)
    except QueryError as e:
        # the prefixes were put before the first line: give the position in the user's own text
        def shift(m: re.Match[str]) -> str:
            line, column = int(m[1]), int(m[2])
            return f"line {line}, column {column - len(header) if line == 1 else column}"
        raise QueryError(_SYNTAX_AT.sub(shift, str(e))) from None


def render(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples | list[ox.Triple], fmt: str) -> str:
    """Render a query result as an aligned table, or in a W3C results format (csv, tsv, json, xml).

    Graph results (CONSTRUCT, DESCRIBE; a list of triples from a remote endpoint) are written as
    Turtle, or N-Triples for csv/tsv.
    """
    if isinstance(result, ox.QueryTriples | list):
        rdf = ox.RdfFormat.JSON_LD if fmt == "json" else ox.RdfFormat.TURTLE if fmt == "table" \
            else ox.RdfFormat.N_TRIPLES
        return ox.serialize(result, format=rdf).decode("utf-8")
    if fmt != "table":
        return result.serialize(format=RESULT_FORMATS[fmt]).decode("utf-8")
    if isinstance(result, ox.QueryBoolean):
        return "true" if bool(result) else "false"
    names = [v.value for v in result.variables]
    rows = [[_cell(row[n]) for n in names] for row in result]
    widths = [max([len(n), *(len(r[i]) for r in rows)]) for i, n in enumerate(names)]
    widths = [min(w, 80) for w in widths]
    lines = [" | ".join(n.ljust(w) for n, w in zip(names, widths, strict=True)),
             "-+-".join("-" * w for w in widths)]
    lines += [" | ".join(c[:w].ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def _cell(term: object) -> str:
    if term is None:
        return ""
    value = getattr(term, "value", str(term))
    return " ".join(str(value).split())
