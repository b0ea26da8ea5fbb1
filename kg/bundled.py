"""The folders kg ships beside its code: the stored SPARQL queries and the ontology."""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable


def bundled(folder: str) -> Traversable:
    """Return ``queries`` (the stored SPARQL) or ``ontology`` (kg.ttl, shapes.ttl, context.jsonld).

    Both live at the top of the source tree and are installed as the packages kg.queries and
    kg.ontology, so the same lookup finds them in a wheel, an editable install and a checkout.
    """
    return resources.files(f"kg.{folder}")
