"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint over the store, and a web page to use it."""

from __future__ import annotations

import json
import logging
import multiprocessing
import queue
from collections.abc import Iterable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from kg.errors import QueryError, StoreError
from kg.store import Reader

log = logging.getLogger(__name__)

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
MAX_REQUEST = 1_000_000  # bytes of query a client may send
_DROP_AT_MOST = 64 * MAX_REQUEST  # of a larger request, bytes read (and dropped) before the 413 answer
_STATIC = {"": ("index.html", "text/html; charset=utf-8"), "app.js": ("app.js", "text/javascript; charset=utf-8"),
           "app.css": ("app.css", "text/css; charset=utf-8")}
_TEXT = "text/plain; charset=utf-8"
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
    folded = sparql.lower()
    if "service" not in folded and "file:" not in folded:
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


@dataclass(frozen=True)
class Answer:
    """What the endpoint answers: status, media type, body."""

    status: int
    media_type: str
    body: bytes


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
    """Run one query on the reader's view of the store and serialize its result (in a worker process)."""
    import pyoxigraph as ox

    from kg.query import run_query

    try:
        with reader.view() as store:
            result = run_query(store, sparql)
            graph = isinstance(result, ox.QueryTriples)
            media = media_type(formats, accept, graph)
            if media is None:
                offered = ", ".join(GRAPHS if graph else RESULTS)
                return Answer(406, _TEXT, f"cannot answer in {accept}; offered: {offered}\n".encode())
            sink = _Capped(limit)
            if graph:
                ox.serialize(result, sink, getattr(ox.RdfFormat, GRAPHS[media]))  # type: ignore[arg-type]
            else:
                result.serialize(sink, getattr(ox.QueryResultsFormat, RESULTS[media]))  # type: ignore[union-attr, arg-type]
    except QueryError as e:
        if is_update(sparql):  # Oxigraph's parser refused it as a query; it is an update
            return Answer(403, _TEXT, f"{_UPDATE_REFUSED}\n".encode())
        return Answer(400, _TEXT, f"{e}\n".encode())
    except StoreError as e:
        return Answer(503, _TEXT, f"{e}\n".encode())
    except OverflowError:
        return Answer(413, _TEXT, f"the result is larger than {limit:,} bytes: narrow the query or add LIMIT\n".encode())
    return Answer(200, media, b"".join(sink.parts))


def _worker(connection, store_path: str) -> None:  # noqa: ANN001
    reader = Reader(Path(store_path))
    while True:
        job = connection.recv()
        if job is None:
            return
        try:
            answer = execute(reader, *job)
        except Exception as e:  # the server must answer, whatever the query did
            answer = Answer(500, _TEXT, f"query failed: {e}\n".encode())
        connection.send(answer)


class Workers:
    """Worker processes that run queries, so a query past its time can be stopped by killing its worker.

    Each keeps its view of the store open between queries (``Reader``).
    """

    def __init__(self, store_path: Path, count: int, timeout: float, limit: int) -> None:
        self.store_path, self.timeout, self.limit = str(store_path), timeout, limit
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.Queue = queue.Queue()
        self._all: list = []
        for _ in range(count):
            self._idle.put(self._start())

    def _start(self) -> tuple:
        parent, child = self._context.Pipe()
        process = self._context.Process(target=_worker, args=(child, self.store_path), daemon=True)
        process.start()
        self._all.append(process)
        return process, parent

    def run(self, sparql: str, formats: list[str], accept: str) -> Answer:
        """Run a query in the next free worker; a query over time is stopped and answered 503."""
        process, connection = self._idle.get()
        try:
            connection.send((sparql, formats, accept, self.limit))
            if connection.poll(self.timeout):
                answer = connection.recv()
                self._idle.put((process, connection))
                return answer
        except (EOFError, OSError, BrokenPipeError):
            pass
        process.kill()
        process.join()
        self._idle.put(self._start())
        return Answer(503, _TEXT, f"the query took more than {self.timeout:g} s and was stopped\n".encode())

    def close(self) -> None:
        """Stop every worker."""
        for process in self._all:
            process.kill()


def _handler(workers: Workers) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "kg-sparql"
        protocol_version = "HTTP/1.1"  # connections kept open: a client's next query costs no new connection
        timeout = 60  # seconds an idle connection is kept
        disable_nagle_algorithm = True  # headers and body go in two writes: no waiting on the client's ack

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            log.info("%s %s", self.address_string(), format % args)

        def _send(self, answer: Answer) -> None:
            self.send_response(answer.status)
            self.send_header("Content-Type", answer.media_type)
            self.send_header("Content-Length", str(len(answer.body)))
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(answer.body)

        def _text(self, status: int, message: str) -> None:
            self._send(Answer(status, _TEXT, f"{message}\n".encode()))

        def do_OPTIONS(self) -> None:  # noqa: N802
            self.send_response(204)
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
            self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
            self.send_header("Access-Control-Max-Age", "86400")
            self.end_headers()

        def do_GET(self) -> None:  # noqa: N802
            url = urlsplit(self.path)
            if url.path == "/sparql":
                self._sparql(parse_qs(url.query), None)
            elif url.path == "/queries":
                self._send(Answer(200, "application/json", _stored_queries()))
            elif url.path.lstrip("/") in _STATIC:
                name, media = _STATIC[url.path.lstrip("/")]
                self._send(Answer(200, media, resources.files("kg").joinpath("static", name).read_bytes()))
            else:
                self._text(404, f"no page at {url.path}: the endpoint is /sparql, the web page /")

        do_HEAD = do_GET

        def do_POST(self) -> None:  # noqa: N802
            url = urlsplit(self.path)
            if url.path != "/sparql":
                self._text(404, "POST queries to /sparql")
                return
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_REQUEST:
                self._drop(length)
                self.close_connection = True
                self._text(413, f"the request is larger than {MAX_REQUEST:,} bytes")
                return
            body = self.rfile.read(length).decode("utf-8", errors="replace")
            media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if media == "application/sparql-update":
                self._text(403, _UPDATE_REFUSED)
            elif media == "application/sparql-query":
                self._sparql(parse_qs(url.query), body)
            elif media == "application/x-www-form-urlencoded":
                self._sparql({**parse_qs(url.query), **parse_qs(body)}, None)
            else:
                self._text(415, "send application/sparql-query or application/x-www-form-urlencoded")

        def _drop(self, length: int) -> None:
            """Read an oversized body and keep none of it: a client still sending when the answer
            comes and the connection closes gets a broken pipe instead of the 413."""
            left = min(length, _DROP_AT_MOST)
            while left > 0 and (chunk := self.rfile.read(min(left, 1 << 16))):
                left -= len(chunk)

        def _sparql(self, params: dict[str, list[str]], body: str | None) -> None:
            if "update" in params:
                self._text(403, _UPDATE_REFUSED)
                return
            sparql = body if body is not None else (params.get("query") or [None])[0]
            if not sparql:
                self._text(400, "give a query: /sparql?query=SELECT ...")
                return
            # SPARQLWrapper sends a name and a list of media types: format=json-ld&format=application/ld+json,...
            formats = [part for name in FORMAT_PARAMETERS for value in params.get(name, [])
                       for part in value.split(",") if part.strip()]
            if formats and not known_format(formats):
                self._text(406, f"no format {', '.join(formats)}; offered: "
                                f"{', '.join(sorted({*RESULT_NAMES, *GRAPH_NAMES}))} or a media type")
                return
            try:
                check_read_query(sparql)
            except Refused as e:
                self._text(e.status, str(e))
                return
            self._send(workers.run(sparql, formats, self.headers.get("Accept") or "*/*"))

    return Handler


def _stored_queries() -> bytes:
    from kg.query import description, stored_queries

    return json.dumps([{"name": name, "description": description(path), "query": path.read_text(encoding="utf-8")}
                       for name, path in stored_queries().items()], ensure_ascii=False).encode("utf-8")


def make_server(store_path: Path, host: str = "127.0.0.1", port: int = 8000, workers: int = 2,
                timeout: float = 30.0, limit: int = 50_000_000) -> tuple[ThreadingHTTPServer, Workers]:
    """Create the HTTP server and its query workers; call ``serve_forever`` on the first."""
    pool = Workers(store_path, workers, timeout, limit)
    server = _Server((host, port), _handler(pool))
    return server, pool


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256  # many clients connecting at once wait in the backlog, none is reset
