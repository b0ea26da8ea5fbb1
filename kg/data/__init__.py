"""Data files read by the extraction rules (YAML and TSV beside this module)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def load_yaml(name: str) -> Any:
    """Return the parsed content of the YAML file ``name`` in this package."""
    return yaml.safe_load(resources.files(__name__).joinpath(name).read_text(encoding="utf-8"))


def frame_files() -> list[str]:
    """Return the names of the frame lexicon's files (frames/*.yml), one per family of events."""
    folder = resources.files(__name__).joinpath("frames")
    return sorted(f"frames/{f.name}" for f in folder.iterdir() if f.name.endswith(".yml"))


def read_text(name: str) -> str:
    """Return the text of the data file ``name`` in this package."""
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
