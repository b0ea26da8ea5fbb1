"""Shared fixtures: one extraction of the bundled sample with the real French model."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def sample_extraction():
    from kg.pipeline import extract
    from kg.reader import Skipped, read_documents

    docs = list(read_documents([DATA / "s00-tiktok.txt"]))
    extraction = next(extract(docs, all_rules=True))  # every rule family, those off by default too
    assert not isinstance(extraction, Skipped)
    return extraction


@pytest.fixture(scope="session")
def sample_graph(sample_extraction):
    from kg.triples import document_graph

    return document_graph(sample_extraction)
