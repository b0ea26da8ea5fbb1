"""The job-title words of data/titles.yml, as the rules compare them."""

from __future__ import annotations

from functools import cache

from kg.data import load_yaml
from kg.names import fold


@cache
def title_words() -> frozenset[str]:
    """The head words of job titles, lower-cased ("président", "pdg")."""
    return frozenset(t.lower() for t in load_yaml("titles.yml")["titles"])


@cache
def folded_titles() -> frozenset[str]:
    """The head words of job titles, folded (no case, no accents)."""
    return frozenset(fold(t) for t in load_yaml("titles.yml")["titles"])


@cache
def title_openers() -> frozenset[str]:
    """Words that open a title and are no title alone ("Premier ministre", not "Premier League"), lower-cased."""
    return frozenset(load_yaml("titles.yml")["title_openers"])


@cache
def head_titles() -> frozenset[str]:
    """Whole titles that make their holder the head of the organisation after them."""
    return frozenset(load_yaml("titles.yml")["heads"])


@cache
def owning_titles() -> frozenset[str]:
    """Titles of who owns an organisation, not who works for it or belongs to it ("propriétaire"), folded."""
    return frozenset(fold(t) for t in load_yaml("titles.yml")["owning"])
