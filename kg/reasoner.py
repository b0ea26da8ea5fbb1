"""The graph under the ontology's axioms: HermiT (through owlready2) says whether it is consistent, and the
ontology's disjoint classes, domains, ranges and datatypes say which nodes make it not.

HermiT only answers yes or no, so the nodes at fault are found here, by reading the same axioms: a node's
classes are those it is typed with and those the domain or range of a property it takes part in gives it
(through ``owl:sameAs`` too), and two of them must not be disjoint; a literal must be of its property's
range.  HermiT then runs again without those nodes, to tell whether something else is wrong.
"""

from __future__ import annotations

import io
import re
import shutil
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cached_property

import pyoxigraph as ox
from rdflib import OWL, RDF, RDFS, XSD, Graph, URIRef
from rdflib.collection import Collection

from kg.bundled import bundled
from kg.errors import KgError
from kg.store import Store
from kg.triples import ENTITIES

# The datatypes of OWL 2's datatype map (OWL 2 Structural Specification, section 4).  HermiT refuses an
# ontology with a literal of any other (xsd:date, gYear, gYearMonth, duration): the copy the reasoner
# reads has them as xsd:string, with the same lexical form.
OWL2_DATATYPES = frozenset(str(t) for t in (
    RDF.PlainLiteral, RDF.XMLLiteral, RDF.langString, RDFS.Literal, OWL.real, OWL.rational,
    XSD.decimal, XSD.integer, XSD.nonNegativeInteger, XSD.nonPositiveInteger, XSD.positiveInteger,
    XSD.negativeInteger, XSD.long, XSD.int, XSD.short, XSD.byte, XSD.unsignedLong, XSD.unsignedInt,
    XSD.unsignedShort, XSD.unsignedByte, XSD.double, XSD.float, XSD.string, XSD.normalizedString, XSD.token,
    XSD.language, XSD.Name, XSD.NCName, XSD.NMTOKEN, XSD.boolean, XSD.hexBinary, XSD.base64Binary, XSD.anyURI,
    XSD.dateTime, XSD.dateTimeStamp))
# A literal of the key datatype is also of these (the few derivations kg's data can meet).
_ALSO = {str(XSD.integer): {str(XSD.decimal), str(OWL.real), str(OWL.rational)},
         str(XSD.decimal): {str(OWL.real), str(OWL.rational)}}
_XSD_STRING = ox.NamedNode(str(XSD.string))
_TYPE, _SAME_AS = str(RDF.type), str(OWL.sameAs)


def ontology_graph() -> Graph:
    """The ontology kg ships (kg.ttl)."""
    return Graph().parse(data=bundled("ontology").joinpath("kg.ttl").read_text(encoding="utf-8"), format="turtle")


def java_found() -> bool:
    """Whether HermiT can run here: it is a Java program."""
    return shutil.which("java") is not None


@dataclass(frozen=True)
class Clash:
    """A node the ontology does not allow: its classes, each with where it comes from (graph, and "" for a
    type or the property whose domain or range gives it), and why."""

    node: str
    nodes: frozenset[str]  # the node and those owl:sameAs makes one with it
    classes: dict[str, set[tuple[str, str]]]
    reason: str


class Axioms:
    """What kg.ttl says that a graph can contradict: disjoint classes, domains, ranges, datatypes."""

    def __init__(self, ontology: Graph) -> None:
        self.ontology = ontology
        self.disjoint: set[frozenset[str]] = set()
        for group in ontology.subjects(RDF.type, OWL.AllDisjointClasses):
            members = [str(c) for c in Collection(ontology, ontology.value(group, OWL.members))]
            self.disjoint |= {frozenset((a, b)) for a in members for b in members if a < b}
        self.disjoint |= {frozenset((str(a), str(b))) for a, b in ontology.subject_objects(OWL.disjointWith)}
        # a domain or range that is a union of classes gives a node none of them
        self.domain = {str(p): str(c) for p, c in ontology.subject_objects(RDFS.domain) if isinstance(c, URIRef)}
        ranges = {str(p): str(c) for p, c in ontology.subject_objects(RDFS.range) if isinstance(c, URIRef)}
        data = {str(p) for p in ontology.subjects(RDF.type, OWL.DatatypeProperty)}
        self.range = {p: c for p, c in ranges.items() if p not in data}
        self.datatype = {p: c for p, c in ranges.items() if p in data}

    @cached_property
    def _supers(self) -> dict[str, set[str]]:
        return {str(c): {str(s) for s in self.ontology.transitiveClosure(self._parents, c)}
                for c in set(self.ontology.subjects(RDFS.subClassOf, None)) if isinstance(c, URIRef)}

    def _parents(self, cls: URIRef, graph: Graph) -> Iterator[URIRef]:
        return (p for p in graph.objects(cls, RDFS.subClassOf) if isinstance(p, URIRef))

    def clashing(self, classes: Iterable[str]) -> list[tuple[str, str]]:
        """The pairs of ``classes`` that are disjoint, themselves or through their superclasses."""
        classes = sorted(set(classes))
        return [(a, b) for i, a in enumerate(classes) for b in classes[i + 1:]
                if any(frozenset((x, y)) in self.disjoint
                       for x in {a} | self._supers.get(a, set()) for y in {b} | self._supers.get(b, set()))]

    def most_specific(self, classes: Iterable[str]) -> set[str]:
        """The classes none of the others is a subclass of."""
        classes = set(classes)
        return classes - {s for c in classes for s in self._supers.get(c, set()) if s != c}

    def literal_fits(self, prop: str, literal: ox.Literal) -> bool:
        """Whether a literal is of the datatype its property's range asks (if any)."""
        wanted = self.datatype.get(prop)
        if wanted is None or wanted == str(RDFS.Literal):
            return True
        given = str(literal.datatype.value)
        return given == wanted or wanted in _ALSO.get(given, set())


def clashes(store: Store, axioms: Axioms) -> list[Clash]:
    """The nodes whose classes (typed or given by a domain or range) include two disjoint ones, and the
    literals outside their property's range."""
    classes: dict[str, dict[str, set[tuple[str, str]]]] = defaultdict(lambda: defaultdict(set))
    misfits: list[tuple[str, str, str]] = []
    same = _same_as(store)
    for quad in store.quads():
        s, p, o = quad.subject, quad.predicate.value, quad.object
        graph = quad.graph_name.value if isinstance(quad.graph_name, ox.NamedNode) else ""
        if isinstance(o, ox.Literal):
            if not axioms.literal_fits(p, o):
                misfits.append((s.value, graph, f"{_local(p)} {o} is not of type {_local(axioms.datatype[p])}"))
            continue
        if p == _TYPE:
            classes[same.get(s.value, s.value)][o.value].add((graph, ""))
            continue
        if p in axioms.domain:
            classes[same.get(s.value, s.value)][axioms.domain[p]].add((graph, f"domain of {_local(p)}"))
        if p in axioms.range:
            classes[same.get(o.value, o.value)][axioms.range[p]].add((graph, f"range of {_local(p)}"))
    members: dict[str, set[str]] = defaultdict(set)
    for node, root in same.items():
        members[root].add(node)

    def clash(node: str, reason: str, graph: str | None = None) -> Clash:
        root = same.get(node, node)
        given = classes.get(root, {})
        shown = {_local(c): {(graph, "")} if graph is not None else given[c] for c in axioms.most_specific(given)}
        nodes = members[root] | {root, node}
        others = sorted(n for n in nodes if n.startswith(ENTITIES) and n != node)
        if others:
            reason += f" (owl:sameAs makes it one with {', '.join(f'<{n}>' for n in others)})"
        return Clash(node, frozenset(nodes), shown, reason)

    found = [clash(node, reason, graph) for node, graph, reason in misfits]
    for node, given in classes.items():
        pairs = axioms.clashing(axioms.most_specific(given))
        if pairs:
            found.append(clash(node, "; ".join(f"{_local(a)} and {_local(b)} are disjoint" for a, b in pairs)))
    return found


def _same_as(store: Store) -> dict[str, str]:
    """Each node joined by owl:sameAs to others, to the one node that stands for them all."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for row in store.query(f"SELECT ?a ?b WHERE {{ ?a <{_SAME_AS}> ?b }}"):
        a, b = root(row["a"].value), root(row["b"].value)
        if a != b:  # kg's own entity stands for the group rather than a Wikidata IRI
            first, second = sorted((a, b), key=lambda x: (not x.startswith(ENTITIES), x))
            parent[second] = first
    return {x: root(x) for x in parent}


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def reasoner_input(triples: Iterable[ox.Triple], ontology: Graph, leave_out: AbstractSet[str] = frozenset()) -> bytes:
    """The ontology and the triples as N-Triples, literals outside OWL 2's datatype map as xsd:string,
    without the triples of the nodes in ``leave_out``."""
    out = io.StringIO()
    out.write(ontology.serialize(format="nt"))
    for t in triples:
        if t.subject.value in leave_out or (isinstance(t.object, ox.NamedNode) and t.object.value in leave_out):
            continue
        o = t.object
        if isinstance(o, ox.Literal) and o.language is None and o.datatype.value not in OWL2_DATATYPES:
            t = ox.Triple(t.subject, t.predicate, ox.Literal(o.value, datatype=_XSD_STRING))
        out.write(f"{t} .\n")
    return out.getvalue().encode("utf-8")


def consistent(ntriples: bytes) -> bool:
    """Whether HermiT finds the ontology and data (N-Triples) consistent, loaded as a user would in owlready2.

    Raises:
        KgError: when HermiT fails (out of memory, a datatype it does not know).
    """
    import owlready2

    world = owlready2.World()
    try:
        world.get_ontology("https://w3id.org/kg-news/check").load(fileobj=io.BytesIO(ntriples), format="ntriples")
        owlready2.sync_reasoner_hermit(world, debug=0)
    except owlready2.OwlReadyInconsistentOntologyError:
        return False
    except owlready2.OwlReadyJavaError as e:
        why = re.search(r"(\w+(?:Exception|Error)\b.*)", str(e))
        raise KgError(f"HermiT failed: {why.group(1) if why else str(e).strip()}") from e
    finally:
        world.close()
    return True


def reason(store: Store, say: Callable[[str], None] = lambda words: None) -> tuple[list[Clash], bool | None]:
    """The clashes in the store, and whether HermiT finds the rest consistent (None without Java).

    Raises:
        KgError: when HermiT fails.
    """
    ontology = ontology_graph()
    say("reading the graph against the ontology's axioms")
    found = clashes(store, Axioms(ontology))
    if not java_found():
        return found, None
    say("writing the graph for the reasoner")
    data = reasoner_input(store.triples(), ontology, {node for c in found for node in c.nodes})
    lines = data.count(b"\n")
    say(f"HermiT: reasoning on {lines:,} triples")
    return found, consistent(data)
