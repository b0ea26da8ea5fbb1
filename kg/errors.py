"""Errors kg raises for bad input; the CLI turns each into one line on stderr."""

from __future__ import annotations


class KgError(Exception):
    """Base class of the errors a user can fix."""


class InputError(KgError):
    """An article, a file or an argument kg cannot use."""


class QueryError(KgError):
    """A SPARQL query that does not parse or cannot run."""


class StoreError(KgError):
    """A store that cannot be opened or written."""
