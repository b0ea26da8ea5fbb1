"""The store -> a networkx graph of entities and events, with plain attributes for network tools."""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from itertools import chain

import networkx as nx

from kg.errors import InputError
from kg.names import fold
from kg.store import Store
from kg.vocab import BASE, ENTITY_CLASSES, EVENT_CLASSES, PARENTS

_ONTOLOGY = BASE + "ontology#"
# Who acts and who undergoes in each event, for edges between participants (--collapse-events).
MAIN_ROLES = {"Investment": ("investor", ("recipient", "location"), "invests"),
              "Payment": ("payer", ("payee",), "pays"),
              "Acquisition": ("acquirer", ("acquired",), "acquires"),
              "Fine": ("authority", ("fined",), "fines"),
              "Ban": ("authority", ("target",), "bans"),
              "Statement": ("speaker", ("about",), "speaks of")}
# When articles type one entity differently, the more specific class wins, then this order.
_CLASS_PREFERENCE = (*PARENTS, "Organization", "Person", "Place", "Fund", "Product")
_PREFIXES = (f"PREFIX kg: <{_ONTOLOGY}>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
             "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n")


def local(iri: str) -> str:
    """The local name of an IRI."""
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def build_network(store: Store, collapse_events: bool = False) -> nx.MultiDiGraph:
    """Entities and events as nodes, roles and relations as edges, attributes str, int or float only.

    Node attributes: label, class, wikidata, aliases, mentions, articles (and status, amount,
    currency for events).  Edge attributes: label, sentences (how many support it), source (the
    first of them).  With ``collapse_events`` events become labelled edges between their main
    participants.
    """
    graph = nx.MultiDiGraph()
    graph.add_nodes_from(node_rows(store))
    for s, o, key, attrs in edge_rows(store):
        if s in graph and o in graph:
            graph.add_edge(s, o, key=key, **attrs)
    return collapse(graph) if collapse_events else graph


def _rows(store: Store, sparql: str) -> Iterator[dict[str, str | None]]:
    result = store.query(_PREFIXES + sparql)
    names = [v.value for v in result.variables]  # type: ignore[union-attr]
    for row in result:  # type: ignore[union-attr]
        yield {n: (row[n].value if row[n] is not None else None) for n in names}


def node_rows(store: Store) -> Iterator[tuple[str, dict]]:
    """Every entity and event node with its attributes, streamed from the store."""
    yield from _entity_rows(store)
    yield from _event_rows(store)


def _entity_rows(store: Store) -> Iterator[tuple[str, dict]]:
    classes = ", ".join(f"kg:{c}" for c in _CLASS_PREFERENCE)
    rows = _rows(store, f"""
        SELECT ?n ?label ?wd ?classes ?mentions ?articles ?aliases ?doc WHERE {{
          {{ SELECT ?n (SAMPLE(?l) AS ?label) (GROUP_CONCAT(DISTINCT STR(?c); SEPARATOR=" ") AS ?classes)
                    (SUM(?m) AS ?mentions) (COUNT(DISTINCT ?g) AS ?articles) WHERE {{
               GRAPH ?g {{ ?n a ?c ; rdfs:label ?l . OPTIONAL {{ ?n kg:mentionCount ?m }} }}
               FILTER(?c IN ({classes}))
             }} GROUP BY ?n }}
          OPTIONAL {{ SELECT ?n (SAMPLE(?w) AS ?wd) WHERE {{ ?n <http://www.w3.org/2002/07/owl#sameAs> ?w }}
                     GROUP BY ?n }}
          OPTIONAL {{ SELECT ?n (GROUP_CONCAT(DISTINCT ?a; SEPARATOR="|") AS ?aliases) WHERE {{ ?n kg:alias ?a }}
                     GROUP BY ?n }}
          OPTIONAL {{ SELECT ?n (SAMPLE(?d) AS ?doc) WHERE {{ ?n kg:localTo ?d }} GROUP BY ?n }}
        }}""")
    for row in rows:
        found = {local(c) for c in str(row["classes"]).split()}
        yield str(row["n"]), {
            "label": str(row["label"]), "class": next(c for c in _CLASS_PREFERENCE if c in found),
            "wikidata": local(row["wd"]) if row["wd"] else "", "aliases": str(row["aliases"] or ""),
            "mentions": int(float(row["mentions"] or 0)), "articles": int(row["articles"] or 0), "kind": "entity",
            "article": local(row["doc"]) if row["doc"] else ""}  # the one article of "la victime", not of a name


def _event_rows(store: Store) -> Iterator[tuple[str, dict]]:
    classes = ", ".join(f"kg:{c}" for c in EVENT_CLASSES)
    rows = _rows(store, f"""
        SELECT ?e ?class ?status ?value ?min ?max ?currency WHERE {{
          ?e a ?class ; kg:status ?status . FILTER(?class IN ({classes}))
          OPTIONAL {{ ?e kg:amount ?a . ?a kg:currency ?currency .
                     OPTIONAL {{ ?a kg:value ?value }} OPTIONAL {{ ?a kg:minValue ?min }}
                     OPTIONAL {{ ?a kg:maxValue ?max }} }}
        }}""")
    for row in rows:
        cls = local(str(row["class"]))
        attrs: dict[str, str | int | float] = {"label": cls, "class": cls, "wikidata": "", "aliases": "", "article": "",
                                               "mentions": 1, "articles": 1, "status": str(row["status"]),
                                               "kind": "event"}
        if row["currency"]:
            attrs["currency"] = str(row["currency"])
            for key, var in (("amount", "value"), ("amount_min", "min"), ("amount_max", "max")):
                if row[var] is not None:
                    attrs[key] = float(row[var])  # type: ignore[arg-type]
            attrs["label"] = f"{cls} {money_label(attrs)}"
        yield str(row["e"]), attrs


def money_label(attrs: dict) -> str:
    """A short label for an amount: "300 M EUR", "> 1 Md EUR", "100 k–1 M EUR"."""
    def short(v: float) -> str:
        for size, unit in ((1e9, "Md"), (1e6, "M"), (1e3, "k")):
            if abs(v) >= size:
                return f"{Decimal(str(v / size)).normalize():f} {unit}"
        return f"{Decimal(str(v)).normalize():f}"
    currency = attrs.get("currency", "")
    if "amount" in attrs:
        return f"{short(attrs['amount'])} {currency}"
    if "amount_max" not in attrs:
        return f"> {short(attrs['amount_min'])} {currency}"
    if "amount_min" not in attrs:
        return f"< {short(attrs['amount_max'])} {currency}"
    return f"{short(attrs['amount_min'])}–{short(attrs['amount_max'])} {currency}"


def edge_rows(store: Store) -> Iterator[tuple[str, str, str, dict]]:
    """Every role and relation between two nodes: (subject, object, key, attributes), streamed.

    Events carry their sentences, relations carry them on their statements: two queries, each a
    join Oxigraph runs in one pass (one query with an OPTIONAL over a UNION took minutes at 1M triples).
    """
    support = "(COUNT(DISTINCT ?sentence) AS ?n) (MIN(?text) AS ?first)"
    roles = _rows(store, f"""
        SELECT ?s ?p ?o {support} WHERE {{
          ?s kg:source ?sentence . ?sentence kg:text ?text . ?s ?p ?o .
          FILTER(isIRI(?o) && STRSTARTS(STR(?p), "{_ONTOLOGY}") && ?p NOT IN (kg:source, kg:document, kg:amount))
        }} GROUP BY ?s ?p ?o""")
    relations = _rows(store, f"""
        SELECT ?s ?p ?o {support} WHERE {{
          ?st a kg:RelationStatement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:source ?sentence .
          ?sentence kg:text ?text . FILTER(isIRI(?o))
        }} GROUP BY ?s ?p ?o""")
    for row in chain(roles, relations):
        name = local(str(row["p"]))
        yield str(row["s"]), str(row["o"]), name, {"label": name, "sentences": int(row["n"] or 0),
                                                   "source": str(row["first"] or "")}


def collapse(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Replace each event by edges from its actor to what it acts on ("TikTok -invests 300 M EUR-> Europe")."""
    out = nx.MultiDiGraph()
    out.add_nodes_from((n, d) for n, d in graph.nodes(data=True) if d.get("kind") == "entity")
    for event, data in graph.nodes(data=True):
        if data.get("kind") != "event":
            continue
        actor_role, patient_roles, verb = MAIN_ROLES[data["class"]]
        roles = defaultdict(list)
        for _, target, edge in graph.out_edges(event, data=True):
            roles[edge["label"]].append((target, edge))
        patients = [p for r in patient_roles for p in roles.get(r, [])]
        label = f"{verb} {money_label(data)}" if "currency" in data else verb
        for actor, edge in roles.get(actor_role, []):
            for patient, _ in patients:
                out.add_edge(actor, patient, key=f"{event}", label=label, sentences=edge["sentences"],
                             source=edge["source"], status=data["status"])
    for s, o, data in graph.edges(data=True):
        if s in out and o in out:
            out.add_edge(s, o, key=data["label"], **data)
    return out


def resolve(graph: nx.MultiDiGraph, name: str) -> str:
    """Return the entity node a name designates: its id, or its label or alias, folded; a named entity
    before the things of single articles a common noun names ("police").

    Raises:
        InputError: when no entity or several have that name, listing candidates.
    """
    wanted = fold(name)
    entities = {n: d for n, d in graph.nodes(data=True) if d.get("kind") == "entity"}
    hits = [n for n, d in entities.items() if name in {n, local(n)}] or \
        [n for n, d in entities.items()
         if wanted in {fold(d["label"]), *(fold(a) for a in d.get("aliases", "").split("|") if a)}]
    named = [n for n in hits if not entities[n].get("article")]
    if len(hits) == 1 or len(named) == 1:
        return hits[0] if len(hits) == 1 else named[0]
    if hits:
        listed = "; ".join(f"{entities[n]['label']} ({entities[n]['class']}, {local(n)})" for n in hits)
        raise InputError(f"{name!r} is ambiguous: {listed}")
    labels = sorted({d["label"] for d in entities.values()})
    close = difflib.get_close_matches(name, labels, n=5, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise InputError(f"no entity named {name!r}{hint}")


def classes_under(cls: str) -> set[str]:
    """What ``--class cls`` selects: the class and its subclasses.

    Raises:
        InputError: for a class kg does not know, listing the ones it knows.
    """
    known = (*ENTITY_CLASSES, *PARENTS, *EVENT_CLASSES)
    wanted = {c for c in known if cls in {c, PARENTS.get(c)}}
    if not wanted:
        close = difflib.get_close_matches(cls, known, n=1)
        hint = f"did you mean {close[0]}? " if close else ""
        raise InputError(f"unknown class {cls!r}; {hint}kg knows {', '.join(known)}")
    return wanted


def subgraph(graph: nx.MultiDiGraph, around: str | None = None, depth: int = 1,
             cls: str | None = None) -> nx.MultiDiGraph:
    """Keep the neighbourhood of one entity (``around``, ``depth`` steps) and/or one class."""
    keep = set(graph)
    if around is not None:
        keep = set(nx.ego_graph(graph.to_undirected(as_view=True), resolve(graph, around), radius=depth))
    if cls is not None:
        wanted = classes_under(cls)
        chosen = {n for n in keep if graph.nodes[n].get("class") in wanted}
        events = {e for n in chosen for e in nx.all_neighbors(graph, n) if graph.nodes[e].get("kind") == "event"}
        keep = chosen | (events & keep)
    return graph.subgraph(keep).copy()
