"""`kg check`: the graph against the SHACL shapes (pyshacl) and the ontology (owlready2 with HermiT).

SHACL runs on each article's graph in turn: an article's graph holds its document, sentences and events
and the description of every entity it names, so every shape can be checked within it, memory stays that
of one article, and each problem comes with its article.  A graph without named graphs (``--data`` of
Turtle files) is checked whole.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pyoxigraph as ox
import pyshacl
from rdflib import RDF, RDFS, SH, Graph, Literal, URIRef

from kg.bundled import bundled
from kg.reasoner import Clash, reason
from kg.store import Store
from kg.vocab import KG

# How many articles a problem line names before "+N".
SHOWN_ARTICLES = 3


@dataclass(frozen=True)
class Problem:
    """One thing wrong: which check found it, the node, its classes with the articles that give each, why."""

    check: str
    node: str
    label: str
    classes: dict[str, set[str]]
    message: str

    def __str__(self) -> str:
        classes = ", ".join(f"{name} ({_few(articles)})" for name, articles in sorted(self.classes.items()))
        label = f'"{self.label}" ' if self.label else ""
        return f"{self.check}: {label}<{self.node}> {classes or '(no class)'}: {self.message}"


def _few(articles: set[str]) -> str:
    names = sorted(articles)
    more = f" +{len(names) - SHOWN_ARTICLES}" if len(names) > SHOWN_ARTICLES else ""
    return ", ".join(names[:SHOWN_ARTICLES]) + more if names else "no article"


def shapes_graph() -> Graph:
    """The SHACL shapes kg ships (shapes.ttl)."""
    return Graph().parse(data=bundled("ontology").joinpath("shapes.ttl").read_text(encoding="utf-8"),
                         format="turtle")


def article_graphs(store: Store) -> Iterator[tuple[str, Graph]]:
    """Each article's id and graph; the whole graph, named "-", when the store has no named graphs."""
    names = store.graphs()
    if not names:
        yield "-", _graph(store, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    for name in names:
        graph = _graph(store, f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}")
        yield str(graph.value(URIRef(name), KG.identifier) or name), graph


def _graph(store: Store, construct: str) -> Graph:
    result = store.query(construct)
    assert isinstance(result, ox.QueryTriples)
    graph = Graph().parse(data=result.serialize(format=ox.RdfFormat.N_TRIPLES), format="nt")
    graph.bind("kg", str(KG))
    return graph


def shacl_problems(article: str, graph: Graph, shapes: Graph) -> list[Problem]:
    """The SHACL violations of one article's graph."""
    conforms, results, _ = pyshacl.validate(graph, shacl_graph=shapes)
    if conforms:
        return []
    assert isinstance(results, Graph)
    problems = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        node = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        message = str(results.value(result, SH.resultMessage) or results.value(result, SH.sourceConstraintComponent))
        where = f"{graph.namespace_manager.normalizeUri(path)}: " if isinstance(path, URIRef) else ""
        classes = {_local(c): {article} for c in graph.objects(node, RDF.type)}
        problems.append(Problem("SHACL", str(node), _label(graph, node), classes, where + message.splitlines()[0]))
    return problems


def _label(graph: Graph, node: object) -> str:
    label = graph.value(node, RDFS.label)  # type: ignore[arg-type]
    return str(label) if isinstance(label, Literal) else ""


def _local(iri: object) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def shacl_check(store: Store, advance: Callable[[int], None] = lambda done: None) -> tuple[list[Problem], int]:
    """The SHACL violations of every article's graph, and how many graphs were read (``advance`` told as
    they are)."""
    shapes = shapes_graph()
    problems: list[Problem] = []
    done = 0
    for done, (article, graph) in enumerate(article_graphs(store), 1):
        problems += shacl_problems(article, graph, shapes)
        advance(done)
    return problems, done


def owl_check(store: Store, say: Callable[[str], None] = lambda words: None) -> tuple[list[Problem], bool | None]:
    """The nodes that contradict the ontology's axioms, and whether HermiT finds the rest consistent
    (None when there is no Java to run it); ``say`` is told each step.

    Raises:
        KgError: when HermiT fails (out of memory).
    """
    clashes, consistent = reason(store, say)
    articles = {row["g"].value: row["id"].value
                for row in store.query(f"SELECT ?g ?id WHERE {{ GRAPH ?g {{ ?g <{KG.identifier}> ?id }} }}")}
    problems = [_owl_problem(store, clash, articles) for clash in clashes]
    if consistent is False:
        problems.append(Problem("OWL", "", "", {}, "HermiT finds the graph inconsistent"
                                + (" even without the nodes above" if clashes else "")
                                + "; an OWL editor (Protégé) can explain why"))
    return problems, consistent


def _owl_problem(store: Store, clash: Clash, articles: dict[str, str]) -> Problem:
    classes = {name: {" ".join(filter(None, (articles.get(g, g), how))) for g, how in sources}
               for name, sources in clash.classes.items()}
    label = next((row["l"].value for row in store.query(f"SELECT ?l WHERE {{ <{clash.node}> <{RDFS.label}> ?l }} LIMIT 1")),
                 "")
    return Problem("OWL", clash.node, label, classes, clash.reason)
