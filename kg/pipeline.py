"""The pipeline: documents -> mentions -> entities -> facts -> triples -> store."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from kg import nlp as spacy_nlp
from kg.entities import resolve_entities, supported
from kg.facts import find_events
from kg.gazetteer import Gazetteer, load_gazetteer
from kg.mentions import find_mentions
from kg.reader import Skipped, read_documents
from kg.records import Document, Extraction, Sentence
from kg.relations import find_relations
from kg.store import Store
from kg.triples import content_hash, document_graph, document_iri

if TYPE_CHECKING:
    from spacy.tokens import Doc

log = logging.getLogger(__name__)


@dataclass
class Report:
    """What a build did: documents built, unchanged and skipped (with reasons)."""

    built: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def extract(documents: Iterable[Document], model: str = spacy_nlp.DEFAULT_MODEL,
            gazetteer: Gazetteer | None = None, workers: int = 1) -> Iterator[Extraction | Skipped]:
    """Extract the entities and facts of each document, streaming.

    A document too long for the parser, or one whose extraction fails, comes out as Skipped
    with the reason; the others are extracted all the same.
    """
    gazetteer = gazetteer or load_gazetteer()
    nlp = spacy_nlp.load(model, gazetteer)
    pending: list[Skipped] = []

    def parseable(docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            if len(doc.text) > nlp.max_length:
                pending.append(Skipped(doc.source, f"too long ({len(doc.text):,} characters; "
                                                   f"the limit is {nlp.max_length:,})"))
            else:
                yield doc

    for parsed, document in spacy_nlp.parse(nlp, parseable(documents), workers=workers):
        yield from pending
        pending.clear()
        try:
            yield extract_one(document, parsed, gazetteer)
        except Exception as e:  # one bad article must not stop the other 999
            log.debug("extraction of %s failed", document.id, exc_info=True)  # shown with --debug
            yield Skipped(document.source, f"extraction failed ({type(e).__name__}: {e})")
    yield from pending


def extract_one(document: Document, parsed: Doc, gazetteer: Gazetteer) -> Extraction:
    """Run the stages after parsing on one parsed document."""
    year = int(document.date[:4]) if document.date and document.date[:4].isdigit() else None
    sentences = tuple(Sentence(s.start_char, s.end_char, document.text[s.start_char : s.end_char])
                      for s in parsed.sents if s.text.strip())
    # the parse ran on normalised text of the same length: take the words back from the original
    mentions = [replace(m, text=document.text[m.start : m.end])
                for m in find_mentions(parsed, gazetteer, year)]
    entities = resolve_entities(parsed.text, mentions, sentences, gazetteer)
    values = [m for m in mentions if m.amount is not None or m.time is not None]
    events, entities = find_events(parsed, sentences, entities, values, document.id)
    relations = find_relations(sentences, entities)
    facts = events + relations
    return Extraction(document, sentences, tuple(supported(entities, facts)), tuple(facts))


def build(paths: Iterable[Path], store: Store, model: str = spacy_nlp.DEFAULT_MODEL,
          gazetteer: Gazetteer | None = None, workers: int = 1,
          progress: Callable[[str], None] | None = None) -> Report:
    """Read articles, extract the new and changed ones, and replace their graphs in ``store``.

    An article whose text has not changed since the last build is not extracted again.
    """
    report = Report()
    todo: list[Document] = []
    seen: set[str] = set()
    for item in read_documents(paths):
        if isinstance(item, Skipped):
            report.skipped.append(item)
            continue
        if item.id in seen:
            report.skipped.append(Skipped(item.source, f"duplicate id {item.id!r}"))
            continue
        seen.add(item.id)
        if store.document_hash(document_iri(item.id)) == content_hash(item.text):
            report.unchanged.append(item.id)
        else:
            todo.append(item)
    if todo:
        for extraction in extract(todo, model, gazetteer, workers):
            if isinstance(extraction, Skipped):
                report.skipped.append(extraction)
                continue
            doc = extraction.document
            store.replace_graph(document_iri(doc.id), document_graph(extraction))
            report.built.append(doc.id)
            log.info("built %s", doc.id)
            if progress:
                progress(doc.id)
    return report
