"""The embedded store: pyoxigraph on disk (or in memory), one named graph per document."""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import pyoxigraph as ox
from rdflib import Graph

from kg.errors import QueryError, StoreError
from kg.triples import ENTITIES
from kg.vocab import KG

DEFAULT_STORE = Path("kg-store")
# How long a writer waits for readers' queries to end before it gives up.
READERS_WAIT = 60.0
# Oxigraph keeps written quads in memory tables until they are flushed to disk: flushing every so
# many articles keeps a long build's memory flat, at a cost of milliseconds per flush.
FLUSH_EVERY = 100
# Files kg keeps beside Oxigraph's own in the store's folder.
_LOCK, _SNAPSHOT, _SNAPSHOT_LOCK = "kg.lock", "snapshot", "snapshot.lock"


class Store:
    """A SPARQL store whose default graph, when queried, is the union of the document graphs.

    On disk, one process writes at a time.  Oxigraph's read-only mode is undefined while another
    process writes, so a writer first makes a snapshot (a checkpoint of hard links) and readers
    that come while it writes read that snapshot: the store as it was before the build began,
    whole articles only.  The locks are flocks, released by the system when a process dies.
    """

    def __init__(self, path: Path | None = None, *, create: bool = True, read_only: bool = False) -> None:
        """Open the store at ``path``, or an empty one in memory when ``path`` is None.

        Raises:
            StoreError: when the store does not exist (and ``create`` is false), another process
                writes it, or it cannot be opened.
        """
        self.path = path
        self._locks: list[IO[str]] = []
        self._unflushed = 0
        if path is None:
            self._store = ox.Store()
            return
        if not path.exists() and (read_only or not create):
            raise StoreError(f"{path}: no store here (run `kg build` first, or give --store)")
        try:
            self._store = self._open_reader(path) if read_only else self._open_writer(path)
        except OSError as e:
            self.close()
            raise StoreError(f"{path}: cannot open the store ({e})") from e

    def _lock(self, file: Path, mode: int, blocking: bool = True) -> bool:
        return _flock(self._locks, file, mode, blocking)

    def _open_writer(self, path: Path) -> ox.Store:
        path.mkdir(parents=True, exist_ok=True)
        if not self._lock(path / _LOCK, fcntl.LOCK_EX, blocking=False):
            if not self._lock(path / _LOCK, fcntl.LOCK_SH, blocking=False):
                raise StoreError(f"{path}: another kg process is writing to this store; "
                                 "wait for it to finish and try again")
            self.close()  # only readers: wait for their queries to end
            deadline = time.monotonic() + READERS_WAIT
            while not self._lock(path / _LOCK, fcntl.LOCK_EX, blocking=False):
                if time.monotonic() > deadline:
                    raise StoreError(f"{path}: readers have kept this store busy for {READERS_WAIT:g} s; "
                                     "stop them (kg serve, kg query) and try again")
                time.sleep(0.1)
        store = ox.Store(str(path))
        snapshot = path / _SNAPSHOT
        with (path / _SNAPSHOT_LOCK).open("a+") as guard:
            fcntl.flock(guard, fcntl.LOCK_EX)  # no reader is opening the old snapshot meanwhile
            shutil.rmtree(snapshot, ignore_errors=True)
            store.backup(str(snapshot))
        return store

    def _open_reader(self, path: Path) -> ox.Store:
        return ox.Store.read_only(str(_lock_for_reading(self._locks, path)))

    @classmethod
    def _wrapping(cls, store: ox.Store, path: Path) -> Store:
        """A Store around an open Oxigraph store whose locks its opener keeps."""
        wrapper = cls.__new__(cls)
        wrapper.path, wrapper._store, wrapper._locks, wrapper._unflushed = path, store, [], 0
        return wrapper

    def close(self) -> None:
        """Let other processes write (or read) again; the store is not used after this."""
        _release(self._locks)

    @classmethod
    def from_files(cls, files: Iterable[Path]) -> Store:
        """Load RDF files into a store in memory, the format taken from each file's extension.

        Raises:
            StoreError: when a file cannot be read or parsed.
        """
        store = cls(None)
        for file in files:
            try:
                store._store.load(path=str(file))
            except (OSError, ValueError, SyntaxError) as e:
                raise StoreError(f"{file}: cannot load ({e})") from e
        return store

    def document_hash(self, graph: str) -> str | None:
        """Return the content hash recorded for a document graph, if the store has it."""
        node = ox.NamedNode(str(graph))
        if not self._store.contains_named_graph(node):
            return None
        for quad in self._store.quads_for_pattern(node, ox.NamedNode(str(KG.contentHash)), None, node):
            return str(quad.object.value)
        return None

    def replace_graph(self, graph: str, triples: Graph | str) -> None:
        """Replace the named graph ``graph`` with ``triples`` (a graph or N-Triples) in one transaction.

        A process killed in the middle leaves the old graph or the new one, never half of either:
        the transaction is in Oxigraph's write-ahead log when this returns.
        """
        data = triples if isinstance(triples, str) else triples.serialize(format="nt", encoding="utf-8").decode("utf-8")
        # one SPARQL update is one transaction in Oxigraph; N-Triples terms are valid SPARQL terms
        self._store.update(f"DROP SILENT GRAPH <{graph}> ;\nINSERT DATA {{ GRAPH <{graph}> {{\n{data}}} }}")
        self._written()

    def _written(self) -> None:
        self._unflushed += 1
        if self._unflushed >= FLUSH_EVERY:
            self.flush()

    def flush(self) -> None:
        """Write what is in memory to disk: the store then opens without replaying its log."""
        if self.path is not None and self._unflushed:
            self._store.flush()
        self._unflushed = 0

    def remove_graph(self, graph: str) -> bool:
        """Remove a document graph in one transaction; return whether it was there."""
        node = ox.NamedNode(str(graph))
        if not self._store.contains_named_graph(node):
            return False
        self._store.update(f"DROP GRAPH <{graph}>")
        self._written()
        return True

    def graphs(self) -> list[str]:
        """The names of the document graphs."""
        return sorted(str(g.value) for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def query(self, sparql: str, prefixes: dict[str, str] | None = None) \
            -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        """Run a read-only SPARQL query over the union of the document graphs, ``prefixes`` declared.

        Raises:
            QueryError: when the query does not parse or cannot be evaluated.
        """
        try:
            return self._store.query(sparql, prefixes=prefixes, use_default_graph_as_union=True)
        except SyntaxError as e:
            raise QueryError(f"SPARQL syntax error: {e}") from e
        except (OSError, ValueError, RuntimeError) as e:
            raise QueryError(f"query failed: {e}") from e

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad of the store, graph by graph."""
        return iter(self._store)

    def triples(self) -> Iterator[ox.Triple]:
        """Every triple of the union graph once, streamed.

        Events, sentences, statements and documents are described in their article's graph only;
        entities in every article that names them. So only entity triples can repeat, and only
        they are remembered to drop the repeats: memory grows with the entities, not the store.
        """
        seen: set[ox.Triple] = set()
        for quad in self._store:
            triple = quad.triple
            if isinstance(triple.subject, ox.NamedNode) and triple.subject.value.startswith(ENTITIES):
                if triple in seen:
                    continue
                seen.add(triple)
            yield triple

    def __len__(self) -> int:
        return len(self._store)


class Reader:
    """Read-only views of an on-disk store for a process that queries it again and again (`kg serve`).

    Opening the store costs milliseconds, more than a small query: a view is kept open between
    queries and opened again only when a build has begun since (each build makes a new snapshot).
    The read locks are held while a view is used only, so builds wait no longer than for `kg query`.
    """

    def __init__(self, path: Path) -> None:
        """Read the store at ``path``.

        Raises:
            StoreError: when there is no store at ``path``.
        """
        if not path.exists():
            raise StoreError(f"{path}: no store here (run `kg build` first, or give --store)")
        self.path = path
        self._snapshot = str(path / _SNAPSHOT)
        self._lock = (path / _LOCK).open("a+")  # kept open: each view takes and drops its flock only
        self._open: tuple[tuple[Path, tuple[int, int] | None], Store] | None = None

    @contextmanager
    def view(self) -> Iterator[Store]:
        """The store as it is now (as it was before the build, while one writes), locked while used.

        Raises:
            StoreError: when the store cannot be opened.
        """
        locks: list[IO[str]] = []
        shared = _try_flock(self._lock, fcntl.LOCK_SH)
        try:
            folder = self.path if shared else _lock_snapshot(locks, self.path)
            key = (folder, _identity(self._snapshot))
            if self._open is None or self._open[0] != key:
                self._open = None  # the old view is closed before the new one opens
                try:
                    self._open = (key, Store._wrapping(ox.Store.read_only(str(folder)), self.path))
                except OSError as e:
                    raise StoreError(f"{self.path}: cannot open the store ({e})") from e
            yield self._open[1]
        finally:
            if shared:
                fcntl.flock(self._lock, fcntl.LOCK_UN)
            _release(locks)


def _identity(folder: str) -> tuple[int, int] | None:
    """What tells one snapshot from the next: every build replaces the folder."""
    try:
        status = os.stat(folder)
    except FileNotFoundError:
        return None
    return status.st_ino, status.st_ctime_ns


def _try_flock(handle: IO[str], mode: int) -> bool:
    """Lock an open file without waiting; False when another process holds a conflicting lock."""
    try:
        fcntl.flock(handle, mode | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _flock(handles: list[IO[str]], file: Path, mode: int, blocking: bool = True) -> bool:
    """Lock ``file`` and keep its handle in ``handles``; without ``blocking``, return False when taken."""
    handle = file.open("a+")
    if blocking:
        fcntl.flock(handle, mode)
    elif not _try_flock(handle, mode):
        handle.close()
        return False
    handles.append(handle)
    return True


def _release(handles: list[IO[str]]) -> None:
    for handle in handles:
        handle.close()
    handles.clear()


def _lock_for_reading(handles: list[IO[str]], path: Path) -> Path:
    """Take the read locks and return the folder to read: the store, or its snapshot while a build writes.

    Raises:
        StoreError: when a build is creating the store and there is no snapshot yet.
    """
    if _flock(handles, path / _LOCK, fcntl.LOCK_SH, blocking=False):
        return path
    return _lock_snapshot(handles, path)


def _lock_snapshot(handles: list[IO[str]], path: Path) -> Path:
    """Lock the snapshot a build made before it began writing, and return its folder.

    Raises:
        StoreError: when a build is creating the store and there is no snapshot yet.
    """
    _flock(handles, path / _SNAPSHOT_LOCK, fcntl.LOCK_SH)
    if not (path / _SNAPSHOT).exists():
        _release(handles)
        raise StoreError(f"{path}: a kg build is creating this store; try again when it finishes")
    return path / _SNAPSHOT
