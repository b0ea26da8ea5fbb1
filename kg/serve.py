"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint over the store, and a web page to use it."""

from __future__ import annotations

import asyncio
import collections
import functools
import json
import multiprocessing
import re
import signal
import socket
import struct
from collections.abc import Iterable
from http import HTTPStatus
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from kg.errors import QueryError, StoreError
from kg.httpd import TEXT, Answer, Request, Server
from kg.store import Reader

RESULTS = {"application/sparql-results+json": "JSON", "application/json": "JSON",
           "application/sparql-results+xml": "XML", "application/xml": "XML",
           "text/csv": "CSV", "text/tab-separated-values": "TSV"}
GRAPHS = {"text/turtle": "TURTLE", "application/n-triples": "N_TRIPLES", "application/ld+json": "JSON_LD",
          "application/rdf+xml": "RDF_XML"}
# Names a client may give in ?format= (or output=, results=, as SPARQLWrapper also sends), for each kind of result:
# "xml" is SPARQL XML for a SELECT and RDF/XML for a CONSTRUCT, as clients mean it.
RESULT_NAMES = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                "csv": "text/csv", "tsv": "text/tab-separated-values"}
GRAPH_NAMES = {"turtle": "text/turtle", "ttl": "text/turtle", "n3": "text/turtle", "ntriples": "application/n-triples",
               "nt": "application/n-triples", "jsonld": "application/ld+json", "json-ld": "application/ld+json",
               "json": "application/ld+json", "rdfxml": "application/rdf+xml", "rdf+xml": "application/rdf+xml",
               "rdf": "application/rdf+xml", "xml": "application/rdf+xml"}
FORMAT_PARAMETERS = ("format", "output", "results")
_STATIC = {"": ("index.html", "text/html; charset=utf-8"), "app.js": ("app.js", "text/javascript; charset=utf-8"),
           "app.css": ("app.css", "text/css; charset=utf-8")}
_UPDATE_REFUSED = "SPARQL Update is refused: this endpoint is read-only"


class Refused(Exception):
    """A request the endpoint will not run, with the HTTP status to answer."""

    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status


def check_read_query(sparql: str) -> None:
    """Refuse a query that would reach outside the store: SERVICE, or a file: IRI anywhere.

    rdflib's SPARQL parser reads the query, only when its text holds "service" or "file:" (parsing
    costs milliseconds; without those words neither can be there). Oxigraph runs queries only, never
    an update: what is not a query is told apart from an update after Oxigraph refuses it (``is_update``).

    Raises:
        Refused: 403 with the reason; 400 when the text holds one of those words and does not parse.
    """
    if not may_reach_out(sparql):
        return
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        tree = parseQuery(sparql)
    except ParseException as e:
        if is_update(sparql):
            raise Refused(HTTPStatus.FORBIDDEN, _UPDATE_REFUSED) from None
        raise Refused(HTTPStatus.BAD_REQUEST, f"SPARQL syntax error: {e}") from None
    reason = _reaching_out(tree)
    if reason:
        raise Refused(HTTPStatus.FORBIDDEN, f"{reason} refused: this endpoint reads only its store")


# A lookup: one triple pattern, ASK or SELECT with a LIMIT of at most 1,000, and nothing else (no comment,
# DISTINCT, ORDER BY, FILTER, path, literal with a datatype...). It reads at most LIMIT entries of an index,
# so it cannot run past the time limit: the server's process answers it, without a hop to a query process.
_TERM = r'(?:[?$]\w+|<[^<>"{}|^`\\\s]*>|[A-Za-z][\w.-]*:[\w-]*|"[^"\\\n]*"(?:@[A-Za-z-]+)?|a|-?\d+)'
_LOOKUP = re.compile(r'(?:\s*PREFIX\s+[A-Za-z][\w.-]*:\s*<[^<>"{}|^`\\\s]*>)*\s*'
                     r'(ASK|SELECT\s+(?:\*|(?:[?$]\w+\s*)+))\s*(?:WHERE\s*)?'
                     rf'\{{\s*({_TERM})\s+({_TERM})\s+({_TERM})\s*\.?\s*\}}\s*(?:LIMIT\s+(\d{{1,4}}))?\s*',
                     re.IGNORECASE)
LOOKUP_LIMIT = 1000


def is_lookup(sparql: str) -> bool:
    """Whether a query is a lookup: one triple pattern whose variables differ (``?x ?p ?x`` scans for
    equal terms), ASK or SELECT with LIMIT at most ``LOOKUP_LIMIT``."""
    found = _LOOKUP.fullmatch(sparql)
    if not found or (found[1].upper() != "ASK" and (found[5] is None or int(found[5]) > LOOKUP_LIMIT)):
        return False
    variables = [term[1:] for term in found.group(2, 3, 4) if term[0] in "?$"]
    return len(variables) == len(set(variables))


def may_reach_out(sparql: str) -> bool:
    """Whether the text holds a word that SERVICE or a file: IRI needs, so that it must be parsed to tell."""
    folded = sparql.lower()
    return "service" in folded or "file:" in folded


def is_update(sparql: str) -> bool:
    """Whether the text parses as a SPARQL Update (rdflib's parser)."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        parseUpdate(sparql)
    except ParseException:
        return False
    return True


def _reaching_out(node: object) -> str | None:
    """What in a parsed query reaches outside the store, if anything."""
    from pyparsing import ParseResults
    from rdflib import URIRef
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(node, CompValue):
        if node.name == "ServiceGraphPattern":
            return "SERVICE (federated queries) is"
        children: Iterable[object] = node.values()
    elif isinstance(node, URIRef):
        return f"file: IRIs ({node}) are" if node.lower().startswith("file:") else None
    elif isinstance(node, list | ParseResults):
        children = node
    else:
        return None
    return next((reason for child in children if (reason := _reaching_out(child))), None)


def media_type(formats: list[str], accept: str, graph: bool) -> str | None:
    """The media type to answer in: the first ``format=`` value that names one offered for this kind of
    result (a short name or a media type), else the one the Accept header prefers; None for neither."""
    offered, names = (GRAPHS, GRAPH_NAMES) if graph else (RESULTS, RESULT_NAMES)
    for value in formats:
        media = names.get(value.strip().lower(), value.strip().lower())
        if media in offered:
            return media
    return choose(accept, offered)


def known_format(formats: list[str]) -> bool:
    """Whether any ``format=`` value names a format of either kind or an offered media type."""
    known = {*RESULT_NAMES, *GRAPH_NAMES, *RESULTS, *GRAPHS}
    return any(value.strip().lower() in known for value in formats)


def choose(accept: str, offered: dict[str, str]) -> str | None:
    """The offered media type the Accept header prefers, or None when it accepts none of them."""
    best, best_q = None, 0.0
    for part in (accept or "*/*").split(","):
        media, *params = [p.strip() for p in part.split(";")]
        q = next((float(p[2:]) for p in params if p.startswith("q=") and _number(p[2:])), 1.0)
        for candidate in offered:
            if (media == candidate or media == "*/*" or (media.endswith("/*") and candidate.startswith(media[:-1]))) \
                    and q > best_q:
                best, best_q = candidate, q
    return best


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


class _Capped:
    """A binary sink that refuses to grow past ``limit`` bytes."""

    def __init__(self, limit: int) -> None:
        self.parts: list[bytes] = []
        self.size = 0
        self.limit = limit

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > self.limit:
            raise OverflowError
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        """Nothing to flush: the parts stay in memory until the answer is sent."""


def execute(reader: Reader, sparql: str, formats: list[str], accept: str, limit: int) -> Answer:
    """Run one query on the reader's view of the store and serialize its result (in a query process, or
    in the server's for a lookup)."""
    import pyoxigraph as ox

    from kg.query import run_query

    try:
        with reader.view() as store:
            result = run_query(store, sparql)
            graph = isinstance(result, ox.QueryTriples)
            media = media_type(formats, accept, graph)
            if media is None:
                offered = ", ".join(GRAPHS if graph else RESULTS)
                return Answer.text(406, f"cannot answer in {accept}; offered: {offered}")
            sink = _Capped(limit)
            if graph:
                ox.serialize(result, sink, getattr(ox.RdfFormat, GRAPHS[media]))  # type: ignore[arg-type]
            else:
                result.serialize(sink, getattr(ox.QueryResultsFormat, RESULTS[media]))  # type: ignore[union-attr, arg-type]
    except QueryError as e:
        if is_update(sparql):  # Oxigraph's parser refused it as a query; it is an update
            return Answer.text(403, _UPDATE_REFUSED)
        return Answer.text(400, str(e))
    except StoreError as e:
        return Answer.text(503, str(e))
    except OverflowError:
        return Answer.text(413, f"the result is larger than {limit:,} bytes: narrow the query or add LIMIT")
    return Answer(200, media, b"".join(sink.parts))


# Each message between the server and a query process: its length, then the message.
_FRAME = struct.Struct("!Q")


def _frame(message: bytes) -> bytes:
    return _FRAME.pack(len(message)) + message


def _worker(channel: socket.socket, store_path: str, limit: int) -> None:
    """A query process: answer each job the server sends, until the server closes the channel."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the server, which ends its query processes
    reader = Reader(Path(store_path))
    jobs = channel.makefile("rb")
    while len(size := jobs.read(_FRAME.size)) == _FRAME.size:
        sparql, formats, accept = json.loads(jobs.read(_FRAME.unpack(size)[0]))
        try:
            answer = execute(reader, sparql, formats, accept, limit)
        except Exception as e:  # the server must answer, whatever the query did
            answer = Answer.text(500, f"query failed: {e}")
        channel.sendall(_frame(f"{answer.status} {answer.media_type}\n".encode() + answer.body))


class _Channel(asyncio.Protocol):
    """The server's end of the socket pair to one query process: a job out, its answer back."""

    def __init__(self, process: multiprocessing.process.BaseProcess, pool: Workers) -> None:
        self.process, self.pool = process, pool
        self.buffer = bytearray()
        self.waiting: asyncio.Future[Answer] | None = None  # the answer to the job being run
        self.ended = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport: asyncio.Transport = transport  # type: ignore[assignment]

    def send(self, job: bytes, waiting: asyncio.Future[Answer]) -> None:
        self.waiting = waiting
        self.transport.write(job)
        self.timer = asyncio.get_running_loop().call_later(self.pool.timeout, self._over_time)

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        end = _FRAME.size + _FRAME.unpack_from(self.buffer)[0] if len(self.buffer) >= _FRAME.size else None
        if end is None or len(self.buffer) < end:
            return  # more of the answer is coming
        with memoryview(self.buffer) as view:
            message = bytes(view[_FRAME.size:end])
        self.buffer.clear()
        head, _, body = message.partition(b"\n")
        status, media = head.decode().split(" ", 1)
        self.timer.cancel()
        self._answer(Answer(int(status), media, body))
        self.pool.ready(self)

    def _over_time(self) -> None:
        self.pool.replace(self)
        self._answer(Answer.text(503, f"the query took more than {self.pool.timeout:g} s and was stopped"))

    def connection_lost(self, exc: Exception | None) -> None:
        if not self.ended:  # the process died
            if self.waiting is not None:
                self.timer.cancel()
            self.pool.replace(self)
            self._answer(Answer.text(503, "the query process ended before answering"))

    def _answer(self, answer: Answer) -> None:
        waiting, self.waiting = self.waiting, None
        if waiting is not None and not waiting.done():
            waiting.set_result(answer)


class Workers:
    """Query processes, so that a query past its time can be stopped by ending its process.

    Each keeps its view of the store open between queries (``Reader``) and gets its jobs from the
    server's event loop over a socket pair, in length-prefixed messages (no pickling, no thread).
    """

    def __init__(self, store_path: Path, count: int, timeout: float, limit: int) -> None:
        self.store_path, self.count, self.timeout, self.limit = str(store_path), count, timeout, limit
        self._context = multiprocessing.get_context("spawn")
        self._idle: list[_Channel] = []
        self._jobs: collections.deque[tuple[bytes, asyncio.Future[Answer]]] = collections.deque()
        self._all: list[multiprocessing.process.BaseProcess] = []
        self._starting: set[asyncio.Task[None]] = set()

    async def start(self) -> None:
        """Start the processes (in the server's event loop)."""
        for _ in range(self.count):
            await self._start()

    async def _start(self) -> None:
        ours, theirs = socket.socketpair()
        process = self._context.Process(target=_worker, args=(theirs, self.store_path, self.limit), daemon=True)
        process.start()
        theirs.close()
        self._all.append(process)
        _, channel = await asyncio.get_running_loop().create_connection(lambda: _Channel(process, self), sock=ours)
        self.ready(channel)

    def run(self, sparql: str, formats: list[str], accept: str) -> asyncio.Future[Answer]:
        """Run a query in the next free process; a query over time is stopped and answered 503."""
        waiting: asyncio.Future[Answer] = asyncio.get_running_loop().create_future()
        job = _frame(json.dumps([sparql, formats, accept]).encode())
        if self._idle:
            self._idle.pop().send(job, waiting)
        else:
            self._jobs.append((job, waiting))
        return waiting

    def ready(self, channel: _Channel) -> None:
        """A process is free: give it the next job."""
        if self._jobs:
            channel.send(*self._jobs.popleft())
        else:
            self._idle.append(channel)

    def replace(self, channel: _Channel) -> None:
        """End a process (past its time, or dead) and start another in its place."""
        channel.ended = True
        if channel in self._idle:
            self._idle.remove(channel)
        channel.process.kill()
        channel.process.join()
        channel.transport.close()
        self._all.remove(channel.process)
        task = asyncio.get_running_loop().create_task(self._start())
        self._starting.add(task)
        task.add_done_callback(self._starting.discard)

    def close(self) -> None:
        """Stop every process."""
        for process in self._all:
            process.kill()


_PREFLIGHT = Answer(204, TEXT, b"", (("Access-Control-Allow-Methods", "GET, POST, OPTIONS"),
                                      ("Access-Control-Allow-Headers", "Content-Type, Accept"),
                                      ("Access-Control-Max-Age", "86400")))


def answer(request: Request, body: bytes, workers: Workers, reader: Reader) -> Answer | asyncio.Future[Answer]:
    """What the endpoint answers to a request: at once (a lookup is run with ``reader``), or when a query
    process has run the query."""
    url = urlsplit(request.target)
    if request.method == "OPTIONS":
        return _PREFLIGHT
    if request.method in ("GET", "HEAD"):
        if url.path == "/sparql":
            return _sparql(parse_qs(url.query), None, request, workers, reader)
        if url.path == "/queries":
            return Answer(200, "application/json", _stored_queries())
        if url.path.lstrip("/") in _STATIC:
            name, media = _STATIC[url.path.lstrip("/")]
            return Answer(200, media, resources.files("kg").joinpath("static", name).read_bytes())
        return Answer.text(404, f"no page at {url.path}: the endpoint is /sparql, the web page /")
    if request.method != "POST":
        return Answer.text(501, f"no {request.method}: send GET, POST, HEAD or OPTIONS")
    if url.path != "/sparql":
        return Answer.text(404, "POST queries to /sparql")
    text = body.decode("utf-8", errors="replace")
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media == "application/sparql-update":
        return Answer.text(403, _UPDATE_REFUSED)
    if media == "application/sparql-query":
        return _sparql(parse_qs(url.query), text, request, workers, reader)
    if media == "application/x-www-form-urlencoded":
        return _sparql({**parse_qs(url.query), **parse_qs(text)}, None, request, workers, reader)
    return Answer.text(415, "send application/sparql-query or application/x-www-form-urlencoded")


def _sparql(params: dict[str, list[str]], body: str | None, request: Request, workers: Workers,
            reader: Reader) -> Answer | asyncio.Future[Answer]:
    if "update" in params:
        return Answer.text(403, _UPDATE_REFUSED)
    sparql = body if body is not None else (params.get("query") or [None])[0]
    if not sparql:
        return Answer.text(400, "give a query: /sparql?query=SELECT ...")
    # SPARQLWrapper sends a name and a list of media types: format=json-ld&format=application/ld+json,...
    formats = [part for name in FORMAT_PARAMETERS for value in params.get(name, [])
               for part in value.split(",") if part.strip()]
    if formats and not known_format(formats):
        return Answer.text(406, f"no format {', '.join(formats)}; offered: "
                                f"{', '.join(sorted({*RESULT_NAMES, *GRAPH_NAMES}))} or a media type")
    accept = request.headers.get("accept") or "*/*"
    if may_reach_out(sparql):
        return asyncio.ensure_future(_checked(sparql, formats, accept, workers))
    if is_lookup(sparql):
        return execute(reader, sparql, formats, accept, workers.limit)
    return workers.run(sparql, formats, accept)


async def _checked(sparql: str, formats: list[str], accept: str, workers: Workers) -> Answer:
    """Run a query once the SPARQL parser has found it reaches nowhere (parsing takes milliseconds:
    it runs beside the event loop)."""
    try:
        await asyncio.get_running_loop().run_in_executor(None, check_read_query, sparql)
    except Refused as e:
        return Answer.text(e.status, str(e))
    return await workers.run(sparql, formats, accept)


def _stored_queries() -> bytes:
    from kg.query import description, stored_queries

    return json.dumps([{"name": name, "description": description(path), "query": path.read_text(encoding="utf-8")}
                       for name, path in stored_queries().items()], ensure_ascii=False).encode("utf-8")


def make_server(store_path: Path, host: str = "127.0.0.1", port: int = 8000, workers: int = 2,
                timeout: float = 30.0, limit: int = 50_000_000) -> tuple[Server, Workers]:
    """Create the HTTP server, listening, and its query processes; call ``serve_forever`` on the first."""
    pool = Workers(store_path, workers, timeout, limit)
    handle = functools.partial(answer, workers=pool, reader=Reader(store_path))
    return Server.listen(host, port, handle, pool.start), pool
