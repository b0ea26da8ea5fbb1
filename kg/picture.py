"""The entity graph as pictures: a self-contained interactive HTML page, or an SVG or PNG drawing."""

from __future__ import annotations

import json
import math
from typing import IO

import networkx as nx

from kg.data import read_text
from kg.vocab import PARENTS

COLOURS = {"Organization": "#1f77b4", "Person": "#d62728", "Place": "#2ca02c", "Product": "#9467bd",
           "Fund": "#8c564b", "Event": "#ff7f0e"}
# The most labels a static drawing writes; the rest of the nodes stay unlabelled dots.
_LABELS = 40
SIZE = (12, 9)  # inches, at 100 dots per inch: a 1200 × 900 PNG


def colour_class(node: dict) -> str:
    """The class a node is coloured by: its contract class, or Event."""
    cls = node.get("class", "")
    return "Event" if node.get("kind") == "event" else PARENTS.get(cls, cls)


def layout(graph: nx.MultiDiGraph, scale: float = 1.0) -> dict[str, tuple[float, float]]:
    """Positions for the nodes, the same for the same graph in every run."""
    if not graph:
        return {}
    k = 1.8 / math.sqrt(max(graph.number_of_nodes(), 1))
    ordered = nx.Graph()  # the seed fixes the layout only for one order of nodes: the store's order may vary
    ordered.add_nodes_from(sorted(graph))
    ordered.add_edges_from(sorted((s, o) if s <= o else (o, s) for s, o in graph.edges()))
    return {n: (float(x) * scale, float(y) * scale)
            for n, (x, y) in nx.spring_layout(ordered, k=k, seed=7, iterations=100).items()}


def page(graph: nx.MultiDiGraph) -> str:
    """One self-contained HTML page: pan, zoom, search, colours by class, a node's facts and sources."""
    positions = layout(graph, scale=600)
    degree = dict(graph.degree())
    nodes = [{"id": n, "label": d.get("label", n), "class": colour_class(d), "x": round(positions[n][0], 1),
              "y": round(positions[n][1], 1), "r": 5 + min(12, 2 * degree.get(n, 0))}
             for n, d in graph.nodes(data=True)]
    edges = [{"source": s, "target": o, "label": d.get("label", ""), "sentence": d.get("source", "")}
             for s, o, d in graph.edges(data=True)]
    data = json.dumps({"nodes": nodes, "edges": edges, "colours": COLOURS}, ensure_ascii=False)
    # inside <script>, "</" could close the element: write it as an escape JSON reads the same
    return read_text("graph.html").replace("/*DATA*/", data.replace("<", "\\u003c"))


def draw(graph: nx.MultiDiGraph, out: IO[bytes], fmt: str, title: str | None = None) -> None:
    """Draw the graph with classes coloured, a legend, and labels that do not overlap."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    fig, ax = plt.subplots(figsize=SIZE, dpi=100)
    ax.set_axis_off()
    positions = layout(graph)
    simple = nx.Graph(graph)
    colours = [COLOURS.get(colour_class(d), "#999999") for _, d in graph.nodes(data=True)]
    degree = dict(simple.degree())
    sizes = [60 + 40 * min(degree.get(n, 0), 10) for n in graph]
    nx.draw_networkx_edges(simple, positions, ax=ax, edge_color="#bbbbbb", width=0.8)
    nx.draw_networkx_nodes(simple, positions, nodelist=list(graph), node_color=colours, node_size=sizes, ax=ax,
                           linewidths=0.5, edgecolors="white")
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    placed = []
    busiest = sorted(graph, key=lambda n: (-degree.get(n, 0), n))[:_LABELS]
    for node in busiest:
        x, y = positions[node]
        label = str(graph.nodes[node].get("label", node))
        for side in ("bottom", "top"):  # above the dot, else below it
            text = ax.text(x, y, label if len(label) <= 40 else label[:39] + "…", fontsize=8, ha="center", va=side,
                           bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.7})
            box = text.get_window_extent(renderer)
            if not any(box.overlaps(other) for other in placed):
                placed.append(box)
                break
            text.remove()  # a label over another helps nobody: the busier node keeps its label
    _label_edges(graph, simple, positions, set(busiest), ax)
    shown = sorted({colour_class(d) for _, d in graph.nodes(data=True)})
    handles = [Line2D([], [], marker="o", linestyle="", color=COLOURS.get(c, "#999999"), label=c) for c in shown]
    if handles:
        ax.legend(handles=handles, loc="best", frameon=True, framealpha=0.8, fontsize=9)
    if title:
        ax.set_title(title)
    with plt.rc_context({"svg.fonttype": "none"}):  # an SVG's words stay text: searchable, selectable, smaller
        fig.savefig(out, format=fmt)
    plt.close(fig)


def _label_edges(graph: nx.MultiDiGraph, simple: nx.Graph, positions: dict, busiest: set[str], ax: object) -> None:
    """Write on each edge between two of the busiest nodes what links them ("invests 300 M EUR", "parentOrganization")."""
    words: dict[tuple[str, str], list[str]] = {}
    for s, o, data in graph.edges(data=True):
        if s in busiest and o in busiest and data.get("label"):
            words.setdefault((s, o), []).append(str(data["label"]))
    edge_labels = {pair: "; ".join(dict.fromkeys(labels)) for pair, labels in list(words.items())[:_LABELS]}
    nx.draw_networkx_edge_labels(simple, positions, edge_labels=edge_labels, font_size=7, font_color="#555555",
                                 ax=ax, bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.6})
