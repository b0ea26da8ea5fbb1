"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint over the store, and a web page to use it."""

from __future__ import annotations

import json
import logging
import multiprocessing
import queue
import re
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

log = logging.getLogger(__name__)

RESULTS = {"application/sparql-results+json": "JSON", "application/json": "JSON",
           "application/sparql-results+xml": "XML", "application/xml": "XML",
           "text/csv": "CSV", "text/tab-separated-values": "TSV"}
GRAPHS = {"text/turtle": "TURTLE", "application/n-triples": "N_TRIPLES", "application/ld+json": "JSON_LD",
          "application/rdf+xml": "RDF_XML"}
SHORT = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml", "csv": "text/csv",
         "tsv": "text/tab-separated-values", "turtle": "text/turtle", "ntriples": "application/n-triples",
         "jsonld": "application/ld+json"}
MAX_REQUEST = 1_000_000  # bytes of query a client may send
_DROP_AT_MOST = 64 * MAX_REQUEST  # of a larger request, bytes read (and dropped) before the 413 answer
_STATIC = {"": ("index.html", "text/html; charset=utf-8"), "app.js": ("app.js", "text/javascript; charset=utf-8"),
           "app.css": ("app.css", "text/css; charset=utf-8")}
# Words that change data or reach outside the store, found outside strings, IRIs and comments.
_REFUSED = re.compile(r"\b(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|SERVICE)\b", re.IGNORECASE)
_OPAQUE = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|#[^\n]*')
_IRI = re.compile(r"<([^<>\"{}|^`\\\s]*)>")


class Refused(Exception):
    """A request the endpoint will not run, with the HTTP status to answer."""

    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status


def check_read_only(sparql: str) -> None:
    """Refuse updates, LOAD, SERVICE and IRIs that reach files.

    Raises:
        Refused: 403 with the reason.
    """
    for iri in _IRI.findall(sparql):
        if iri.lower().startswith("file:"):
            raise Refused(HTTPStatus.FORBIDDEN, f"file: IRIs are refused ({iri}): the endpoint reads only its store")
    bare = _IRI.sub("<>", _OPAQUE.sub('""', sparql))
    found = _REFUSED.search(bare)
    if found:
        word = found.group(1).upper()
        what = "SERVICE (federated queries)" if word == "SERVICE" else f"SPARQL Update ({word})"
        raise Refused(HTTPStatus.FORBIDDEN, f"{what} is refused: this endpoint is read-only")


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


def execute(store_path: str, sparql: str, accept: str, limit: int) -> Answer:
    """Run one query against a fresh read-only view of the store (in a worker process)."""
    import pyoxigraph as ox

    from kg.errors import QueryError
    from kg.query import run_query
    from kg.store import Store

    try:
        result = run_query(Store(Path(store_path), create=False, read_only=True), sparql)
    except QueryError as e:
        return Answer(400, "text/plain; charset=utf-8", f"{e}\n".encode())
    graph = isinstance(result, ox.QueryTriples)
    media = choose(accept, GRAPHS if graph else RESULTS)
    if media is None:
        offered = ", ".join(GRAPHS if graph else RESULTS)
        return Answer(406, "text/plain; charset=utf-8", f"cannot answer in {accept}; offered: {offered}\n".encode())
    sink = _Capped(limit)
    try:
        if graph:
            ox.serialize(result, sink, getattr(ox.RdfFormat, GRAPHS[media]))  # type: ignore[arg-type]
        else:
            result.serialize(sink, getattr(ox.QueryResultsFormat, RESULTS[media]))  # type: ignore[union-attr, arg-type]
    except OverflowError:
        return Answer(413, "text/plain; charset=utf-8",
                      f"the result is larger than {limit:,} bytes: narrow the query or add LIMIT\n".encode())
    return Answer(200, media, b"".join(sink.parts))


def _worker(connection) -> None:  # noqa: ANN001
    while True:
        job = connection.recv()
        if job is None:
            return
        try:
            answer = execute(*job)
        except Exception as e:  # the server must answer, whatever the query did
            answer = Answer(500, "text/plain; charset=utf-8", f"query failed: {e}\n".encode())
        connection.send(answer)


class Workers:
    """Worker processes that run queries, so a query past its time can be stopped by killing its worker."""

    def __init__(self, store_path: Path, count: int, timeout: float, limit: int) -> None:
        self.store_path, self.timeout, self.limit = str(store_path), timeout, limit
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.Queue = queue.Queue()
        self._all: list = []
        for _ in range(count):
            self._idle.put(self._start())

    def _start(self) -> tuple:
        parent, child = self._context.Pipe()
        process = self._context.Process(target=_worker, args=(child,), daemon=True)
        process.start()
        self._all.append(process)
        return process, parent

    def run(self, sparql: str, accept: str) -> Answer:
        """Run a query in the next free worker; a query over time is stopped and answered 503."""
        process, connection = self._idle.get()
        try:
            connection.send((self.store_path, sparql, accept, self.limit))
            if connection.poll(self.timeout):
                answer = connection.recv()
                self._idle.put((process, connection))
                return answer
        except (EOFError, OSError, BrokenPipeError):
            pass
        process.kill()
        process.join()
        self._idle.put(self._start())
        return Answer(503, "text/plain; charset=utf-8",
                      f"the query took more than {self.timeout:g} s and was stopped\n".encode())

    def close(self) -> None:
        """Stop every worker."""
        for process in self._all:
            process.kill()


def _handler(workers: Workers) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "kg-sparql"

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
            self._send(Answer(status, "text/plain; charset=utf-8", f"{message}\n".encode()))

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
                self._text(403, "SPARQL Update is refused: this endpoint is read-only")
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
                self._text(403, "SPARQL Update is refused: this endpoint is read-only")
                return
            sparql = body if body is not None else (params.get("query") or [None])[0]
            if not sparql:
                self._text(400, "give a query: /sparql?query=SELECT ...")
                return
            try:
                check_read_only(sparql)
            except Refused as e:
                self._text(e.status, str(e))
                return
            wanted = (params.get("format") or [""])[0]
            accept = SHORT.get(wanted, wanted) or self.headers.get("Accept") or "*/*"
            self._send(workers.run(sparql, accept))

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
