"""The pipeline: documents -> mentions -> entities -> facts -> triples -> store.

Extraction is a pure map from an article to its triples, so it runs in this process, in local
worker processes (``workers``) or on a Dask cluster (``cluster``); the store is written here only.
"""

from __future__ import annotations

import hashlib
import logging
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import partial
from importlib import resources
from importlib.metadata import PackageNotFoundError, version
from importlib.resources.abc import Traversable
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from kg import nlp as spacy_nlp
from kg.entities import across_articles, resolve_entities, supported
from kg.errors import InputError
from kg.facts import find_events
from kg.gazetteer import Gazetteer, load_gazetteer
from kg.mentions import find_mentions
from kg.reader import Skipped, read_documents
from kg.readings import checked
from kg.records import Document, Extraction, Sentence
from kg.relations import find_relations
from kg.relations.inferred import appointed
from kg.store import Store
from kg.triples import content_hash, document_iri, document_triples, ntriples

if TYPE_CHECKING:
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

# A task sent to a worker: enough articles for spaCy's batching, few enough characters that a
# worker's memory does not depend on how long the articles happen to be (a long one goes alone).
BATCH, BATCH_CHARACTERS = 16, 40_000
R = TypeVar("R")


@dataclass
class Report:
    """What a build did: documents built, unchanged and skipped (with reasons)."""

    built: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    held_back: int = 0  # facts of the rule families off by default that the built articles did not write

    @property
    def done(self) -> int:
        """How many inputs the build has dealt with so far."""
        return len(self.built) + len(self.unchanged) + len(self.skipped)


@dataclass(frozen=True)
class Built:
    """One article's graph as N-Triples, ready for the store: what a worker sends back."""

    id: str
    ntriples: str
    held_back: int = 0  # facts of rule families off by default left out


def extract_one(document: Document, parsed: Doc, gazetteer: Gazetteer) -> Extraction:
    """Run the stages after parsing on one parsed document."""
    year = int(document.date[:4]) if document.date and document.date[:4].isdigit() else None
    sentences = tuple(Sentence(s.start_char, s.end_char, document.text[s.start_char : s.end_char])
                      for s in parsed.sents if s.text.strip())
    # the parse ran on normalised text of the same length: take the words back from the original
    mentions = [replace(m, text=document.text[m.start : m.end])
                for m in find_mentions(parsed, gazetteer, year)]
    entities = resolve_entities(spacy_nlp.text_of(parsed), mentions, sentences, gazetteer, scope=document.id)
    values = [m for m in mentions if m.amount is not None or m.time is not None]
    # events are between named things; "la victime", "l'incendie" take part in relations only
    local = [e for e in entities if e.local]
    events, named = find_events(parsed, sentences, [e for e in entities if not e.local], values, document.id)
    entities = [*named, *local]
    # an event a relation rule gives ("X, fondateur de Y") that a trigger gave already is that one
    relations = [f for f in find_relations(parsed, sentences, entities)
                 if not f.is_event or not any(e.kind == f.kind and set(f.roles) <= set(e.roles) for e in events)]
    known = {(f.kind, f.roles) for f in relations}
    facts = events + relations + [f for f in appointed(events) if (f.kind, f.roles) not in known]
    entities, facts = across_articles(supported(entities, facts), facts, document.id)
    return Extraction(document, sentences, tuple(entities), tuple(facts))


def serialised(extraction: Extraction, depends: str) -> Built:
    """Return an extraction's triples as N-Triples (done where the extraction ran), ``depends`` in its hash."""
    return Built(extraction.document.id, ntriples(document_triples(extraction, depends)))


def extraction_key(model: str, gazetteer: Gazetteer) -> str:
    """What an article's extraction depends on besides its text: kg's version, the model's name and version with
    kg's NER weights, the gazetteer and kg's rule files.  Read without loading the model, so an unchanged build
    stays fast."""
    rules = hashlib.sha256()
    for name, text in _rule_files(resources.files("kg.data")):
        rules.update(f"{name}\x00{text}\x00".encode())
    return " ".join((f"kg {version('kg')}", f"{model} {_model_version(model)}", f"gazetteer {gazetteer.digest}",
                     f"rules {rules.hexdigest()}"))


def _rule_files(folder: Traversable, prefix: str = "") -> Iterator[tuple[str, str]]:
    """The YAML files of kg.data and its subfolders, by path, in a fixed order."""
    for item in sorted(folder.iterdir(), key=lambda f: f.name):
        if item.is_dir():
            yield from _rule_files(item, f"{prefix}{item.name}/")
        elif item.name.endswith(".yml"):
            yield prefix + item.name, item.read_text(encoding="utf-8")


def _model_version(model: str) -> str:
    """The installed version of a model package, or the content of a model folder's meta.json, and the digest
    of the NER weights kg loads over it (``nlp.ner_weights``): retrained weights extract afresh."""
    try:
        found = version(model)
    except PackageNotFoundError:
        meta = Path(model) / "meta.json"
        found = hashlib.sha256(meta.read_bytes()).hexdigest() if meta.is_file() else "not installed"
    weights = spacy_nlp.ner_weights(model)
    if weights is None:
        return found
    digest = hashlib.sha256()
    for item in sorted(weights.iterdir(), key=lambda f: f.name):
        if item.is_file():
            digest.update(f"{item.name}\x00".encode() + item.read_bytes())
    return f"{found} ner {digest.hexdigest()}"


def _extract_here(documents: Iterable[Document], model: str, gazetteer: Gazetteer,
                  finish: Callable[[Extraction], R]) -> Iterator[R | Skipped]:
    """Extract in this process, streaming; ``finish`` turns each extraction into the result."""
    nlp = spacy_nlp.load(model, gazetteer)
    pending: list[Skipped] = []

    def parseable(docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            if len(doc.text) > nlp.max_length:
                pending.append(Skipped(doc.source, f"too long ({len(doc.text):,} characters; "
                                                   f"the limit is {nlp.max_length:,})"))
            else:
                yield doc

    for parsed, document in spacy_nlp.parse(nlp, parseable(documents)):
        yield from pending
        pending.clear()
        try:
            yield finish(extract_one(document, parsed, gazetteer))
        except Exception as e:  # one bad article must not stop the other 999
            log.debug("extraction of %s failed", document.id, exc_info=True)  # shown with --debug
            yield Skipped(document.source, f"extraction failed ({type(e).__name__}: {e})")
    yield from pending


def extract_batch(documents: list[Document], model: str, gazetteer: Gazetteer,
                  finish: Callable[[Extraction], R]) -> list[R | Skipped]:
    """Extract a batch of articles: the task a worker process or a Dask worker runs.

    The model is loaded on the worker's first task and kept for the next ones.
    """
    return list(_extract_here(documents, model, gazetteer, finish))


def _batches(documents: Iterable[Document]) -> Iterator[list[Document]]:
    """Group articles in input order, at most BATCH of them and BATCH_CHARACTERS (or one article)."""
    batch: list[Document] = []
    size = 0
    for document in documents:
        if batch and (len(batch) == BATCH or size + len(document.text) > BATCH_CHARACTERS):
            yield batch
            batch, size = [], 0
        batch.append(document)
        size += len(document.text)
    if batch:
        yield batch


def _in_order(submit: Callable[[list[Document]], Callable[[], list[R]]], documents: Iterable[Document],
              window: int) -> Iterator[R]:
    """Send batches of articles to workers, at most ``window`` at a time, and yield results in order."""
    pending: deque[Callable[[], list[R]]] = deque()
    for batch in _batches(documents):
        pending.append(submit(batch))
        if len(pending) >= window:
            yield from pending.popleft()()
    while pending:
        yield from pending.popleft()()


def _ignore_interrupt() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle


def _extract_local(documents: Iterable[Document], model: str, gazetteer: Gazetteer, workers: int,
                   finish: Callable[[Extraction], R]) -> Iterator[R | Skipped]:
    import multiprocessing

    spacy_nlp.load(model, gazetteer)  # once, here: the forked workers inherit it
    pool = multiprocessing.get_context("fork").Pool(workers, initializer=_ignore_interrupt)
    try:
        yield from _in_order(lambda batch: pool.apply_async(extract_batch, (batch, model, gazetteer, finish)).get,
                             documents, 2 * workers)
        pool.close()
    finally:
        pool.terminate()
        pool.join()


def _extract_cluster(documents: Iterable[Document], model: str, gazetteer: Gazetteer, address: str,
                     finish: Callable[[Extraction], R]) -> Iterator[R | Skipped]:
    try:
        from distributed import Client
    except ImportError as e:
        raise InputError("--cluster needs Dask: pip install 'kg[cluster]'") from e
    try:
        client = Client(address)
    except (OSError, TimeoutError) as e:
        raise InputError(f"cannot reach the Dask scheduler at {address} ({e})") from e
    try:
        slots = sum(client.nthreads().values()) or 1
        shared = client.scatter(gazetteer, broadcast=True)
        yield from _in_order(lambda batch: client.submit(extract_batch, batch, model, shared, finish, pure=False).result,
                             documents, 2 * slots)
    finally:
        client.close()


def _extract(documents: Iterable[Document], model: str, gazetteer: Gazetteer | None, workers: int,
             cluster: str | None, finish: Callable[[Extraction], R]) -> Iterator[R | Skipped]:
    gazetteer = gazetteer or load_gazetteer()
    if cluster:
        return _extract_cluster(documents, model, gazetteer, cluster, finish)
    if workers > 1:
        return _extract_local(documents, model, gazetteer, workers, finish)
    return _extract_here(documents, model, gazetteer, finish)


def _same(extraction: Extraction) -> Extraction:
    return extraction


def _checked_and_serialised(extraction: Extraction, depends: str) -> Built:
    kept = checked(extraction)
    return replace(serialised(kept, depends), held_back=len(extraction.facts) - len(kept.facts))


def extract(documents: Iterable[Document], model: str = spacy_nlp.DEFAULT_MODEL,
            gazetteer: Gazetteer | None = None, workers: int = 1,
            cluster: str | None = None, all_rules: bool = False) -> Iterator[Extraction | Skipped]:
    """Extract the entities and facts of each document, streaming, in input order.

    A document too long for the parser, or one whose extraction fails, comes out as Skipped
    with the reason; the others are extracted all the same.  Only the rule families that read
    right 9 times in 10 write facts (data/readings.yml), unless ``all_rules``.
    """
    return _extract(documents, model, gazetteer, workers, cluster, _same if all_rules else checked)


def build(paths: Iterable[Path], store: Store, model: str = spacy_nlp.DEFAULT_MODEL,
          gazetteer: Gazetteer | None = None, workers: int = 1, cluster: str | None = None,
          progress: Callable[[Report], None] = lambda report: None, force: bool = False,
          all_rules: bool = False) -> Report:
    """Read articles, extract the new and changed ones, and replace their graphs in ``store``.

    Streams: articles are read as they are extracted, and an article whose text has not changed
    since the last build, nor kg, the model, the gazetteer or the rules (``extraction_key``), is not
    extracted again (the model is not even loaded when none changed); ``force`` extracts them all.
    ``all_rules`` writes the facts of every rule family, not only those on by default (data/readings.yml).
    ``progress`` hears of the report after each article, whether built, unchanged or skipped.
    """
    report = Report()
    seen: set[str] = set()
    gazetteer = gazetteer or load_gazetteer()
    key = extraction_key(model, gazetteer) + (" all-rules" if all_rules else "")

    def todo() -> Iterator[Document]:
        for item in read_documents(paths):
            if isinstance(item, Skipped):
                report.skipped.append(item)
            elif item.id in seen:
                report.skipped.append(Skipped(item.source, f"duplicate id {item.id!r}"))
            elif not force and store.document_hash(document_iri(item.id)) == content_hash(item.text, key):
                seen.add(item.id)
                report.unchanged.append(item.id)
            else:
                seen.add(item.id)
                yield item
                continue
            progress(report)

    documents = todo()
    first = next(documents, None)
    if first is None:
        return report
    for result in _extract(chain([first], documents), model, gazetteer, workers, cluster,
                           partial(serialised if all_rules else _checked_and_serialised, depends=key)):
        if isinstance(result, Skipped):
            report.skipped.append(result)
        else:
            store.replace_graph(document_iri(result.id), result.ntriples)
            report.built.append(result.id)
            report.held_back += result.held_back
            log.info("built %s", result.id)
        progress(report)
    store.flush()
    return report
