"""The store: one transaction per article, shared entities kept, clear refusal of a second writer."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef

from kg.errors import StoreError
from kg.store import Reader, Store

SHARED = URIRef("https://w3id.org/kg-news/id/entity/Q312")
KG = "https://w3id.org/kg-news/ontology#"


def doc_graph(doc: str, facts: int = 3) -> Graph:
    g = Graph()
    g.add((SHARED, RDF.type, URIRef(KG + "Company")))
    g.add((SHARED, RDFS.label, Literal("Apple", lang="fr")))
    for i in range(facts):
        event = URIRef(f"https://w3id.org/kg-news/id/event/{doc}-{i}")
        g.add((event, URIRef(KG + "fined"), SHARED))
        hostile = 'fait "' + str(i) + '" } GRAPH <x> { de ' + doc + "\n"  # what a SPARQL update must survive
        g.add((event, RDFS.label, Literal(hostile, lang="fr")))
    return g


def count(store: Store, sparql: str) -> int:
    return int(next(iter(store.query(sparql)))["n"].value)


def test_replace_and_remove_keep_shared_entities(tmp_path: Path) -> None:
    store = Store(tmp_path / "s")
    store.replace_graph("urn:doc:a", doc_graph("a"))
    store.replace_graph("urn:doc:b", doc_graph("b"))
    store.replace_graph("urn:doc:a", doc_graph("a", facts=1))  # a changed article replaces its facts
    assert count(store, f"SELECT (COUNT(?e) AS ?n) WHERE {{ ?e <{KG}fined> ?x }}") == 4
    assert store.remove_graph("urn:doc:b") and not store.remove_graph("urn:doc:b")
    assert count(store, f"SELECT (COUNT(?e) AS ?n) WHERE {{ ?e <{KG}fined> ?x }}") == 1
    assert count(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ <{SHARED}> a ?c }}") == 1  # still there through a
    store.remove_graph("urn:doc:a")
    assert len(store) == 0  # no orphan triples


def test_a_second_writer_is_refused_clearly(tmp_path: Path) -> None:
    first = Store(tmp_path / "s")
    first.replace_graph("urn:doc:a", doc_graph("a"))
    code = f"from pathlib import Path; from kg.store import Store; Store(Path({str(tmp_path / 's')!r}))"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "another kg process is writing to this store" in r.stderr
    # a reader while the writer writes sees the store as it was before the writer began
    assert len(Store(tmp_path / "s", read_only=True)) == 0
    first.close()
    assert len(Store(tmp_path / "s", read_only=True)) == len(first)
    with pytest.raises(StoreError, match="no store here"):
        Store(tmp_path / "nothing", create=False)


WRITER = """
import sys
from pathlib import Path
from tests.test_store import doc_graph
from kg.store import Reader, Store
store = Store(Path(sys.argv[1]))
for n in range(10_000):
    store.replace_graph(f"urn:doc:{n % 50}", doc_graph(f"{n % 50}", facts=400))
    print(n, flush=True)
"""


def test_sigkill_leaves_every_article_whole(tmp_path: Path) -> None:
    path = tmp_path / "s"
    rng = random.Random(4)
    for _ in range(5):
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], cwd=Path(__file__).parent.parent,
                                  stdout=subprocess.PIPE, text=True)
        for _ in range(rng.randint(1, 30)):  # let it commit a random number of articles, then kill it mid-way
            writer.stdout.readline()  # type: ignore[union-attr]
        time.sleep(rng.uniform(0, 0.05))
        if path.exists():  # a reader while the writer writes sees whole articles only
            reader = Store(path, read_only=True)
            assert all(count(reader, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}") == 802
                       for g in reader.graphs())
            reader.close()
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        store = Store(path, read_only=True)
        sizes = [count(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}") for g in store.graphs()]
        assert sizes and all(size == 2 + 2 * 400 for size in sizes), sizes
        store.close()


def test_a_reader_keeps_its_view_open_until_a_build_changes_the_store(tmp_path: Path) -> None:
    writer = Store(tmp_path / "s")
    writer.replace_graph("urn:doc:a", doc_graph("a"))
    writer.close()
    del writer  # Oxigraph's own lock goes with the object
    reader = Reader(tmp_path / "s")
    with reader.view() as first:
        before = len(first)
    with reader.view() as again:
        assert again is first  # not opened again: nothing was written
    writer = Store(tmp_path / "s")  # a reader between queries keeps no build waiting
    writer.replace_graph("urn:doc:b", doc_graph("b"))
    with reader.view() as during:
        assert len(during) == before  # the snapshot, while the build writes
    writer.close()
    del writer  # as a build's process ends: its store is closed, no compaction still runs under the reader
    with reader.view() as after:
        assert len(after) > before
