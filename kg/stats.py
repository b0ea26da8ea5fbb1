"""What a store holds: documents, entities and events by class, triples, size on disk."""

from __future__ import annotations

from pathlib import Path

from kg.store import Store
from kg.vocab import ENTITY_CLASSES, EVENT_CLASSES, KG, PARENTS


def store_stats(store: Store, path: Path | None = None) -> list[tuple[str, str]]:
    """Return (measure, value) rows."""
    def count(sparql: str) -> int:
        return int(next(iter(store.query(sparql)))["n"].value)  # type: ignore[call-overload, index]

    rows = [("documents", count(f"SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE {{ ?d a <{KG.Document}> }}"))]
    for title, classes in (("entities", (*ENTITY_CLASSES, *PARENTS)), ("events", EVENT_CLASSES)):
        listed = ", ".join(f"<{KG[c]}>" for c in classes)
        result = store.query(f"""SELECT ?c (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a ?c FILTER(?c IN ({listed})) }}
                                 GROUP BY ?c ORDER BY DESC(?n)""")
        by_class = [(f"  {str(row['c'].value).rsplit('#', 1)[-1]}", int(row["n"].value))
                    for row in result]  # type: ignore[union-attr]
        rows += [(title, sum(n for _, n in by_class)), *by_class]
    rows.append(("triples (all articles together)",
                 count("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }")))
    rows.append(("quads (triples per article)", len(store)))
    if path is not None and path.is_dir():
        size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
        rows.append(("size on disk", f"{size / 1e6:.1f} MB"))
    return [(name, str(value)) for name, value in rows]
