"""kg check: a graph kg would build passes; one that breaks a shape or the ontology fails with one line per problem."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import reasoner
from kg.cli import main
from kg.errors import KgError
from kg.reasoner import consistent, ontology_graph, reasoner_input
from kg.store import Store

needs_java = pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs Java")

PREFIXES = """
@prefix kg: <https://w3id.org/kg-news/ontology#> .
@prefix doc: <https://w3id.org/kg-news/id/doc/> .
@prefix sentence: <https://w3id.org/kg-news/id/sentence/> .
@prefix entity: <https://w3id.org/kg-news/id/entity/> .
@prefix event: <https://w3id.org/kg-news/id/event/> .
@prefix amount: <https://w3id.org/kg-news/id/amount/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
"""


def article(name: str, body: str = "") -> str:
    """One article's graph as kg builds it: its document, a sentence, an investment with every kind of date."""
    return f"""doc:{name} {{
    doc:{name} a kg:Document ; kg:identifier "{name}" ; kg:contentHash "0" ; dcterms:source "{name}.txt" ;
        dcterms:date "2021-04-15"^^xsd:date .
    sentence:{name} a kg:Sentence ; kg:text "Acme investit 5 M€ dans Beta."@fr ; kg:startOffset 0 ;
        kg:endOffset 30 ; kg:document doc:{name} .
    entity:acme a kg:Company ; rdfs:label "Acme"@fr ; owl:sameAs <http://www.wikidata.org/entity/Q1> .
    entity:beta a kg:Company ; rdfs:label "Beta"@fr .
    event:{name} a kg:Investment ; kg:investor entity:acme ; kg:recipient entity:beta ;
        kg:amount amount:{name} ; kg:status "asserted" ; kg:method "test" ;
        prov:wasDerivedFrom doc:{name} ; kg:source sentence:{name} ;
        kg:date "2021-04"^^xsd:gYearMonth ; kg:endDate "2023"^^xsd:gYear ; kg:duration "P3Y"^^xsd:duration .
    amount:{name} a kg:MonetaryAmount ; kg:value 5000000.0 ; kg:currency "EUR" .
    {body}
}}
"""


def write(tmp_path: Path, *graphs: str) -> Path:
    data = tmp_path / "graph.trig"
    data.write_text(PREFIXES + "".join(graphs), encoding="utf-8")
    return data


def run(tmp_path: Path, *graphs: str) -> tuple[int, list[str], str]:
    data = write(tmp_path, *graphs)
    result = CliRunner().invoke(main, ["check", "--data", str(data)])
    return result.exit_code, result.stdout.splitlines(), result.stderr


def test_a_graph_kg_would_build_passes(tmp_path: Path) -> None:
    code, lines, summary = run(tmp_path, article("a1"), article("a2"))
    assert (code, lines) == (0, [])
    assert "SHACL on 2 graphs: 0 problems; ontology: 0 problems" in summary


def test_an_event_without_its_status_fails_shacl(tmp_path: Path) -> None:
    broken = article("a2").replace('kg:status "asserted" ;', "")
    code, lines, _ = run(tmp_path, article("a1"), broken)
    assert code == 1
    assert lines == ["SHACL: <https://w3id.org/kg-news/id/event/a2> Investment (a2): kg:status: "
                     "Less than 1 values on <https://w3id.org/kg-news/id/event/a2>->kg:status"]


def test_an_entity_that_is_a_person_and_a_place_fails_with_its_articles(tmp_path: Path) -> None:
    code, lines, _ = run(tmp_path, article("a1", 'entity:hollande a kg:Person ; rdfs:label "Hollande"@fr .'),
                         article("a2", 'entity:hollande a kg:City ; rdfs:label "Hollande"@fr .'))
    assert code == 1
    assert lines == ['OWL: "Hollande" <https://w3id.org/kg-news/id/entity/hollande> City (a2), Person (a1): '
                     "City and Person are disjoint"]


def test_domains_ranges_same_as_and_datatypes_give_classes(tmp_path: Path) -> None:
    code, out, _ = run(tmp_path, article("a1", """
        entity:qonto a kg:Place ; rdfs:label "Qonto"@fr ; owl:sameAs <http://www.wikidata.org/entity/Q1> .
        entity:beta kg:worksFor entity:acme .
        event:x a kg:Layoff ; kg:count "many" ."""))
    lines = [line for line in out if line.startswith("OWL")]  # (the layoff has no source: SHACL says so)
    assert code == 1
    assert len(lines) == 3
    assert ('OWL: "Acme" <https://w3id.org/kg-news/id/entity/acme> Company (a1), Place (a1): Company and Place are '
            "disjoint (owl:sameAs makes it one with <https://w3id.org/kg-news/id/entity/qonto>)") in lines
    assert any('"Beta"' in line and "Company (a1), Person (a1 domain of worksFor): Company and Person are disjoint" in line
               for line in lines)
    assert any('<https://w3id.org/kg-news/id/event/x> Layoff (a1): count "many" is not of type integer' in line
               for line in lines)


@needs_java
def test_hermit_finds_a_person_that_is_a_place_inconsistent(tmp_path: Path) -> None:
    store = Store.from_files([write(tmp_path, article("a1", "entity:x a kg:Person , kg:Place ."))])
    assert not consistent(reasoner_input(store.triples(), ontology_graph()))
    assert consistent(reasoner_input(store.triples(), ontology_graph(), {"https://w3id.org/kg-news/id/entity/x"}))


@needs_java
def test_dates_reach_hermit_as_strings(tmp_path: Path) -> None:
    store = Store.from_files([write(tmp_path, article("a1"))])
    data = reasoner_input(store.triples(), ontology_graph())
    assert b"#gYear>" not in data and b'#duration> "P3Y" .' in data  # a plain literal is an xsd:string
    assert consistent(data)
    as_is = ontology_graph().serialize(format="nt") + "".join(f"{t} .\n" for t in store.triples())
    with pytest.raises(KgError, match="UnsupportedDatatypeException"):
        consistent(as_is.encode("utf-8"))


def test_without_java_the_axioms_are_still_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reasoner, "java_found", lambda: False)
    code, lines, summary = run(tmp_path, article("a1", "entity:beta a kg:Person ."))
    assert code == 1 and len(lines) == 1
    assert "HermiT: not run (no Java)" in summary
