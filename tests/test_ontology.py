"""The ontology loads in owlready2 and HermiT finds it consistent, and catches a contradiction."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import rdflib

ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology" / "kg.ttl"

pytestmark = pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs Java")


def load(tmp_path: Path, extra: str = ""):
    import owlready2

    g = rdflib.Graph().parse(ONTOLOGY)
    if extra:
        g.parse(data=extra, format="turtle")
    path = tmp_path / "kg.owl"
    g.serialize(path, format="xml")
    world = owlready2.World()
    onto = world.get_ontology(path.as_uri()).load()
    return world, onto


def test_consistent(tmp_path: Path) -> None:
    import owlready2

    world, onto = load(tmp_path)
    with onto:
        owlready2.sync_reasoner(world, debug=0)
    assert list(world.inconsistent_classes()) == []


def test_contradiction_is_caught(tmp_path: Path) -> None:
    import owlready2

    world, onto = load(tmp_path, """
        @prefix kg: <https://w3id.org/kg-news/ontology#> .
        <https://w3id.org/kg-news/id/entity/x> a kg:Person , kg:Place .""")
    with onto, pytest.raises(owlready2.OwlReadyInconsistentOntologyError):
        owlready2.sync_reasoner(world, debug=0)
