"""SPARQL queries: stored queries by name, and results as a table, CSV, TSV, JSON, XML or an RDF format."""

from __future__ import annotations

import difflib
import json
import re
from importlib.resources.abc import Traversable
from pathlib import Path

import pyoxigraph as ox

from kg.bundled import bundled
from kg.errors import InputError, QueryError
from kg.export import PREFIXES
from kg.store import Store

# SELECT and ASK answer in these (and as a table); CONSTRUCT and DESCRIBE in the RDF formats.
RESULT_FORMATS = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                  "json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML}
GRAPH_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD,
                 "rdfxml": ox.RdfFormat.RDF_XML}
FORMATS = ("table", *RESULT_FORMATS, *GRAPH_FORMATS)
# The widest column of a table; a longer cell is cut with "…".
CELL_WIDTH = 80


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
        InputError: for a .rq file that cannot be read, or one word that names no stored query.
    """
    if query.endswith(".rq"):
        try:
            return Path(query).read_text(encoding="utf-8")
        except OSError as e:
            raise InputError(f"{query}: cannot read the query file ({e.strerror})") from e
    stored = stored_queries()
    if query in stored:
        return stored[query].read_text(encoding="utf-8")
    if re.fullmatch(r"[\w-]+", query):  # no SPARQL query is one word
        close = difflib.get_close_matches(query, stored, n=3)
        hint = f"did you mean {' or '.join(close)}?" if close else "kg query --list shows them"
        raise InputError(f"no stored query named {query!r}; {hint}")
    return query


def bind(sparql: str, params: dict[str, str]) -> str:
    """Give a query's parameters their values: each ``VALUES ?name { UNDEF }`` becomes ``VALUES ?name { "value" }``.

    A parameter left out stays UNDEF, so a stored query answers without it (``about-entity`` then
    takes the entity in most facts). Plain SPARQL, so any endpoint runs the result.

    Raises:
        InputError: for a parameter the query does not declare.
    """
    for name, value in params.items():
        slot = re.search(rf"VALUES\s+\?{re.escape(name)}\s*\{{\s*UNDEF\s*\}}", sparql, re.IGNORECASE)
        if not slot:
            raise InputError(f"the query has no parameter {name!r} (a 'VALUES ?{name} {{ UNDEF }}' to fill)")
        # a JSON string is a valid SPARQL string literal, escapes and all
        filled = f"VALUES ?{name} {{ {json.dumps(value, ensure_ascii=False)} }}"
        sparql = sparql[:slot.start()] + filled + sparql[slot.end():]
    return sparql


_SYNTAX_AT = re.compile(r"error at (\d+):(\d+)")
# The character classes a parser lists as expected ("['A' ..= 'Z' | 'a' ..= 'z' | '\u{00C0}'..= ...]")
_CHARACTER_CLASS = re.compile(r"\[[^\[\]]*\.\.=[^\[\]]*\]")


def run_query(store: Store, sparql: str) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
    """Run a query with the usual prefixes (kg, rdf, rdfs, owl, xsd, prov, dcterms, wd) declared; a PREFIX
    in the query overrides one of them.

    Raises:
        QueryError: with the line and column of a syntax error, on one line.
    """
    try:
        return store.query(sparql, PREFIXES)
    except QueryError as e:
        message = " ".join(_CHARACTER_CLASS.sub("a letter", str(e)).split())
        raise QueryError(_SYNTAX_AT.sub(r"line \1, column \2", message)) from None


def render(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples | list[ox.Triple], fmt: str | None,
           terminal: bool = False) -> str:
    """Render a query result in ``fmt``, one of FORMATS.

    SELECT and ASK answer as an aligned table or in a W3C results format (csv, tsv, json, xml); a graph
    (CONSTRUCT, DESCRIBE; a list of triples from a remote endpoint) in an RDF format.  Without ``fmt``:
    Turtle for a graph, else a table on a ``terminal`` and TSV for a program.

    Raises:
        InputError: for a format that does not apply to the result.
    """
    if isinstance(result, ox.QueryTriples | list):
        if fmt not in (None, *GRAPH_FORMATS):
            raise InputError(f"CONSTRUCT and DESCRIBE give a graph, not --format {fmt}: "
                             f"use {', '.join(GRAPH_FORMATS)}")
        return ox.serialize(result, format=GRAPH_FORMATS[fmt or "turtle"]).decode("utf-8")
    fmt = fmt or ("table" if terminal else "tsv")
    if fmt in GRAPH_FORMATS:
        raise InputError(f"SELECT and ASK give results, not a graph, so not --format {fmt}: "
                         f"use table, {', '.join(RESULT_FORMATS)} (or CONSTRUCT a graph)")
    if fmt != "table":
        return result.serialize(format=RESULT_FORMATS[fmt]).decode("utf-8")
    if isinstance(result, ox.QueryBoolean):
        return "true" if bool(result) else "false"
    names = [v.value for v in result.variables]
    rows = [[_cell(row[n]) for n in names] for row in result]
    widths = [min(CELL_WIDTH, max([len(n), *(len(r[i]) for r in rows)])) for i, n in enumerate(names)]
    lines = [" | ".join(n.ljust(w) for n, w in zip(names, widths, strict=True)),
             "-+-".join("-" * w for w in widths)]
    lines += [" | ".join(_cut(c, w).ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _cell(term: object) -> str:
    if term is None:
        return ""
    value = getattr(term, "value", str(term))
    return " ".join(str(value).split())
