"""The linking table: known entities with their Wikidata id, class, labels and aliases."""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from kg.data import read_text
from kg.errors import InputError
from kg.names import fold
from kg.vocab import NAMED_CLASSES

COLUMNS = ["qid", "class", "label_fr", "label_en", "aliases"]


@dataclass(frozen=True)
class Entry:
    """One row of the table."""

    qid: str
    cls: str
    label_fr: str
    label_en: str
    aliases: tuple[str, ...]

    @property
    def names(self) -> tuple[str, ...]:
        """Every surface name of the entry, labels first."""
        return tuple(dict.fromkeys(n for n in (self.label_fr, self.label_en, *self.aliases) if n))


@dataclass(frozen=True)
class Gazetteer:
    """Entries from the bundled table and any user tables, later tables winning."""

    entries: tuple[Entry, ...]

    @cached_property
    def digest(self) -> str:
        """A SHA-256 of the entries: a changed table re-extracts the articles built with the old one."""
        return hashlib.sha256(repr(self.entries).encode()).hexdigest()

    @cached_property
    def _by_name(self) -> dict[str, Entry]:
        return {fold(name): e for e in self.entries for name in e.names}

    def lookup(self, name: str) -> Entry | None:
        """Return the entry one of whose names folds to the same as ``name``."""
        return self._by_name.get(fold(name))


def _rows(text: str, where: str) -> list[Entry]:
    reader = csv.DictReader(text.splitlines(), delimiter="\t")
    if reader.fieldnames is None or list(reader.fieldnames)[: len(COLUMNS)] != COLUMNS:
        first = " ".join(reader.fieldnames or [])[:60]
        found = f"{first!r} looks like a row, not the header" if first.startswith("Q") else f"it is {first!r}"
        raise InputError(f"{where}: the first line must be the header row {' '.join(COLUMNS)} "
                         f"(tab-separated); {found}")
    entries = []
    for n, row in enumerate(reader, 2):
        if not (row["qid"] or "").startswith("Q") or not row["label_fr"]:
            raise InputError(f"{where}:{n}: a row needs a Wikidata id (Q…) and a French label")
        if row["class"] not in NAMED_CLASSES:  # an incident or a group is no named, linked thing
            raise InputError(f"{where}:{n}: unknown class {row['class']!r} (one of {', '.join(NAMED_CLASSES)})")
        aliases = tuple(a.strip() for a in (row["aliases"] or "").split("|") if a.strip())
        entries.append(Entry(row["qid"], row["class"], row["label_fr"], row["label_en"] or "", aliases))
    return entries


def load_gazetteer(extra: tuple[Path, ...] = ()) -> Gazetteer:
    """Load the bundled table, then the user's ``extra`` tables (same columns) on top.

    Raises:
        InputError: when a table cannot be read or has the wrong columns.
    """
    entries = _rows(read_text("gazetteer.tsv"), "gazetteer.tsv")
    for path in extra:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise InputError(f"{path}: cannot read the gazetteer ({e})") from e
        entries.extend(_rows(text, str(path)))
    return Gazetteer(tuple(entries))
