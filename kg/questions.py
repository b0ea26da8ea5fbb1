"""Questions networkx answers well: who is central, how two entities connect, who goes together."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import networkx as nx

from kg.errors import InputError
from kg.network import classes_under, collapse, resolve


@dataclass(frozen=True)
class Step:
    """One fact on a path: from an entity, by a relation, to another, with the sentence that says it."""

    source: str
    relation: str
    target: str
    sentence: str


def _entities(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    events = any(d.get("kind") == "event" for _, d in graph.nodes(data=True))
    return collapse(graph) if events else graph


def central(graph: nx.MultiDiGraph, cls: str | None = None, top: int = 20) -> list[tuple[str, str, int, float]]:
    """The most connected entities: (label, class, degree, PageRank), events collapsed into links.

    Raises:
        InputError: for a class kg does not know.
    """
    wanted = classes_under(cls) if cls is not None else None
    entities = _entities(graph)
    simple = nx.Graph(entities)
    ranks = nx.pagerank(simple) if simple.number_of_edges() else {n: 0.0 for n in simple}
    rows = []
    for node, data in entities.nodes(data=True):
        if wanted is None or data["class"] in wanted:
            rows.append((data["label"], data["class"], simple.degree(node), round(ranks.get(node, 0.0), 4)))
    return sorted(rows, key=lambda r: (-r[2], -r[3], r[0]))[:top]


def paths(graph: nx.MultiDiGraph, start: str, end: str, limit: int = 3) -> list[list[Step]]:
    """The shortest chains of facts linking two entities, each step with its source sentence.

    Raises:
        InputError: for an unknown or ambiguous name, or two entities with no chain between them.
    """
    entities = _entities(graph)
    a, b = resolve(entities, start), resolve(entities, end)
    undirected = nx.Graph(entities)
    try:
        found = list(nx.all_shortest_paths(undirected, a, b))[:limit]
    except nx.NetworkXNoPath:
        raise InputError(f"no chain of facts links {start!r} and {end!r}") from None
    label = {n: d["label"] for n, d in entities.nodes(data=True)}
    result = []
    for path in found:
        steps = []
        for x, y in zip(path, path[1:], strict=False):
            forward = entities.get_edge_data(x, y)
            data = next(iter((forward or entities.get_edge_data(y, x)).values()))
            source, target = (x, y) if forward else (y, x)
            steps.append(Step(label[source], data["label"], label[target], data.get("source", "")))
        result.append(steps)
    return result


def communities(graph: nx.MultiDiGraph) -> list[list[str]]:
    """Groups of entities that appear together (Louvain on the entity links), largest first.

    Each group lists a label once, with how many of its entities bear it ("personnes ×3": the
    people of three articles), not once per entity.
    """
    simple = nx.Graph(_entities(graph))
    simple.remove_nodes_from([n for n in list(simple) if simple.degree(n) == 0])
    if not simple.number_of_edges():
        return []
    groups = nx.community.louvain_communities(simple, seed=1)
    labels = nx.get_node_attributes(simple, "label")

    def named(group: set[str]) -> list[str]:
        counts = Counter(labels[n] for n in group)
        return [f"{label} ×{n}" if n > 1 else label for label, n in sorted(counts.items())]

    return [names for _, names in sorted(((len(g), named(g)) for g in groups), key=lambda x: (-x[0], x[1]))]
