"""Every user mistake, for every command: one line on stderr, a non-zero exit, never a traceback."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef

from kg.store import Store
from kg.triples import document_iri


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "store"
    g = Graph()
    tiktok = URIRef("https://w3id.org/kg-news/id/entity/Q48938223")
    g.add((tiktok, RDF.type, URIRef("https://w3id.org/kg-news/ontology#Product")))
    g.add((tiktok, RDFS.label, Literal("TikTok", lang="fr")))
    g.add((document_iri("a"), RDF.type, URIRef("https://w3id.org/kg-news/ontology#Document")))
    Store(path).replace_graph(document_iri("a"), g)
    return path


CASES = [
    (["build", "no-such-folder"], 1, "no such file"),
    (["build", ".", "-o", "out.xyz"], 1, "unknown output extension"),
    (["build", ".", "--workers", "0"], 2, "Invalid value"),
    (["extract", "no-such-file.txt", "-o", "x.jsonl"], 1, "no such file"),
    (["extract", "x.txt"], 2, "Missing option"),
    (["query", "SELECT * WHERE { ?s ?p ?o }", "--store", "no-store"], 1, "no store here"),
    (["query", "missing.rq", "--store", "{store}"], 1, "cannot read the query file"),
    (["query", "SELECT ?x WHERE { ?x ", "--store", "{store}"], 1, "SPARQL syntax error: line 1"),
    (["query", "ASK {}", "--store", "{store}", "--format", "yaml"], 2, "Invalid value"),
    (["query"], 2, "give a QUERY"),
    (["export", "pdf", "-o", "x.pdf", "--store", "{store}"], 2, "Invalid value"),
    (["export", "turtle", "-o", "x.ttl", "--store", "no-store"], 1, "no store here"),
    (["export", "png", "-o", "x.png", "--around", "Nobody", "--store", "{store}"], 1, "no entity named"),
    (["export", "graphml", "-o", "x.graphml", "--class", "Dragon", "--store", "{store}"], 1, "unknown class"),
    (["eval", "missing-gold.json"], 2, "does not exist"),
    (["eval", "{notgold}"], 1, "not a gold file"),
    (["serve", "--store", "no-store"], 1, "no store here"),
    (["serve", "--store", "{store}", "--port", "70000"], 2, "Invalid value"),
    (["remove", "nope", "--store", "{store}"], 1, "not in the store: nope"),
    (["stats", "--store", "no-store"], 1, "no store here"),
    (["push", "http://127.0.0.1:9/store", "--store", "{store}"], 1, "refused"),
    (["graph", "path", "TikTok", "Nobody", "--store", "{store}"], 1, "no entity named 'Nobody'"),
    (["graph", "central", "--store", "no-store"], 1, "no store here"),
    (["graph", "central", "--class", "Organisation", "--store", "{store}"], 1, "did you mean Organization?"),
    (["query", "investmnets", "--store", "{store}"], 1, "did you mean investments"),
    (["query", "DESCRIBE ?s WHERE { ?s ?p ?o }", "--store", "{store}", "--format", "csv"], 1, "give a graph"),
    (["--gazetteer", "x"], 2, "No such option"),
]


@pytest.mark.parametrize("args, status, message", CASES, ids=[" ".join(c[0][:2]) for c in CASES])
def test_user_mistake(store: Path, tmp_path: Path, args: list[str], status: int, message: str) -> None:
    notgold = tmp_path / "notgold.json"
    notgold.write_text("{}")
    args = [a.replace("{store}", str(store)).replace("{notgold}", str(notgold)) for a in args]
    r = subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert r.returncode == status, r.stderr
    assert message in r.stderr
    assert "Traceback" not in r.stderr


def test_every_command_names_itself_in_help() -> None:
    r = subprocess.run([sys.executable, "-m", "kg", "--help"], capture_output=True, text=True, check=True)
    for command in ("build", "extract", "query", "export", "serve", "eval", "remove", "stats", "push", "graph"):
        assert command in r.stdout


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    r = subprocess.run([sys.executable, "-m", "kg", "--debug", "stats", "--store", "no-store"], capture_output=True,
                       text=True, cwd=tmp_path)
    assert r.returncode != 0 and "Traceback" in r.stderr and "StoreError" in r.stderr


def test_stats_and_remove(store: Path, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(store, copy)
    kg = [sys.executable, "-m", "kg"]
    before = subprocess.run([*kg, "stats", "--store", str(copy)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"documents\s+1", before) and re.search(r"Product\s+1", before)
    subprocess.run([*kg, "remove", "a", "--store", str(copy)], capture_output=True, check=True)
    after = subprocess.run([*kg, "stats", "--store", str(copy)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"documents\s+0", after) and re.search(r"quads \(triples per article\)\s+0", after)


def test_commands_that_need_no_extraction_never_load_spacy(store: Path, tmp_path: Path) -> None:
    code = f"""
import sys
from click.testing import CliRunner
from kg.cli import main
runner = CliRunner()
for args in (["query", "ASK {{}}", "--store", {str(store)!r}], ["stats", "--store", {str(store)!r}],
             ["export", "graphml", "-o", {str(tmp_path / 'g.graphml')!r}, "--store", {str(store)!r}],
             ["graph", "central", "--store", {str(store)!r}]):
    result = runner.invoke(main, args)
    assert result.exit_code == 0, (args, result.output)
print("spacy" in sys.modules)
"""
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert r.stdout.strip() == "False"


@pytest.mark.parametrize("command", [["stats"], ["query", "--list"], ["query", "SELECT * WHERE { ?s ?p ?o }"]])
def test_a_reader_that_stops_early_ends_kg_quietly(store: Path, command: list[str]) -> None:
    kg = subprocess.Popen([sys.executable, "-m", "kg", *command, "--store", str(store)], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True)
    assert kg.stdout is not None and kg.stderr is not None
    kg.stdout.close()  # as `kg stats | head` once head has its lines: kg's writes find the pipe closed
    assert kg.wait(timeout=60) == 0
    assert kg.stderr.read() == ""
