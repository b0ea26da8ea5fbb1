"""Folding names for comparison and turning them into IRI-safe slugs."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


@lru_cache(maxsize=2**16)  # names are compared pairwise: the same ones are folded again and again
def fold(name: str) -> str:
    """Return ``name`` lower-cased, without accents or punctuation, spaces collapsed.

    >>> fold("  États-Unis d’Amérique ")
    'etats unis d amerique'
    """
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", plain).split())


def slug(name: str, limit: int = 80) -> str:
    """Return an IRI-safe slug of ``name``: ASCII letters, digits and hyphens only.

    >>> slug("Musical.ly")
    'musical-ly'
    """
    folded = fold(name).encode("ascii", "ignore").decode()
    text = "-".join(re.sub(r"[^a-z0-9]+", " ", folded).split())[:limit].strip("-")
    return text or "x"
