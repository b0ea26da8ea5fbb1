"""A lean HTTP/1.1 server in one asyncio event loop, for `kg serve`: kept-open connections, one answer at a time each.

``http.server`` spends more time per request than a small query takes (a thread per connection, headers
parsed by the ``email`` package, the date formatted anew): here a request's head is split in a few
string operations and the Date header is formatted once a second.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import socket
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from email.utils import formatdate
from http import HTTPStatus

log = logging.getLogger(__name__)

MAX_REQUEST = 1_000_000  # bytes of body a client may send
_DROP_AT_MOST = 64 * MAX_REQUEST  # of a larger request, bytes read (and dropped) before the 413 answer
TEXT = "text/plain; charset=utf-8"


@dataclass(frozen=True)
class Answer:
    """What the server answers: status, media type, body, and any headers beyond the usual ones."""

    status: int
    media_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()

    @classmethod
    def text(cls, status: int, message: str) -> Answer:
        """A plain-text answer of one line."""
        return cls(status, TEXT, f"{message}\n".encode())


@dataclass(frozen=True)
class Request:
    """An HTTP request's line and headers (names in lower case)."""

    method: str
    target: str
    version: str
    headers: dict[str, str]

    def keeps_open(self) -> bool:
        """Whether the client wants the connection kept open after the answer."""
        tokens = {t.strip() for t in self.headers.get("connection", "").lower().split(",")}
        return "keep-alive" in tokens or (self.version == "HTTP/1.1" and "close" not in tokens)


def parse_head(head: bytes) -> Request:
    """The request line and headers of an HTTP/1.x request, up to and with the blank line.

    Raises:
        ValueError: when they are not HTTP/1.x.
    """
    lines = head.decode("latin-1").split("\r\n")
    method, target, version = lines[0].split(" ")
    if not version.startswith("HTTP/1."):
        raise ValueError(version)
    headers = {}
    for line in lines[1:]:
        if line:
            name, colon, value = line.partition(":")
            if not colon or name != name.strip():
                raise ValueError(line)
            headers[name.lower()] = value.strip()
    return Request(method, target, version, headers)


@functools.lru_cache(maxsize=1)
def _http_date(second: int) -> str:
    return formatdate(second, usegmt=True)


def response(answer: Answer, body: bool = True, keep_open: bool = True) -> bytes:
    """An answer's status line, headers and (unless ``body`` is false, for HEAD) body, to send in one write."""
    lines = [f"HTTP/1.1 {answer.status} {HTTPStatus(answer.status).phrase}", "Server: kg-sparql",
             f"Date: {_http_date(int(time.time()))}", "Access-Control-Allow-Origin: *"]
    if answer.status != HTTPStatus.NO_CONTENT:
        lines += [f"Content-Type: {answer.media_type}", f"Content-Length: {len(answer.body)}",
                  "X-Content-Type-Options: nosniff"]
    lines += [f"{name}: {value}" for name, value in answer.headers]
    if not keep_open:
        lines.append("Connection: close")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + (answer.body if body else b"")


# A handler answers at once, or later through a future (a query in a query process).
Handler = Callable[[Request, bytes], "Answer | asyncio.Future[Answer]"]


class Server:
    """Answers each request with ``handle``; ``startup`` runs in the event loop before the first request."""

    idle = 60.0  # seconds an idle connection is kept
    request_queue_size = 256  # many clients connecting at once wait in the backlog, none is reset
    largest_head = 1 << 16  # bytes of request line and headers

    def __init__(self, listening: socket.socket, handle: Handler, startup: Callable[[], Awaitable[None]]) -> None:
        self.socket, self.handle, self.startup = listening, handle, startup
        self.server_address = listening.getsockname()

    @classmethod
    def listen(cls, host: str, port: int, handle: Handler, startup: Callable[[], Awaitable[None]]) -> Server:
        """A server listening on ``host`` and ``port`` (0: any free one), before it answers anything."""
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        return cls(socket.create_server((host, port), family=family, backlog=cls.request_queue_size), handle,
                   startup)

    def serve_forever(self) -> None:
        """Answer requests until interrupted."""
        asyncio.run(self._serve())

    async def _serve(self) -> None:
        await self.startup()
        server = await asyncio.get_running_loop().create_server(lambda: _Connection(self), sock=self.socket,
                                                                 backlog=self.request_queue_size)
        await server.serve_forever()

    def server_close(self) -> None:
        """Stop listening."""
        self.socket.close()


class _Connection(asyncio.Protocol):
    """One client's connection: its requests answered one at a time, in order, by callbacks (no task each)."""

    def __init__(self, server: Server) -> None:
        self.server = server
        self.loop = asyncio.get_running_loop()
        self.buffer = bytearray()
        self.busy = self.continued = self.ended = self.reading_paused = self.writing_paused = False
        self.dropping = 0  # bytes of an oversized body still to read and drop
        self.last = self.loop.time()

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport: asyncio.Transport = transport  # type: ignore[assignment]
        self.peer = transport.get_extra_info("peername")[0]
        self.timer = self.loop.call_later(self.server.idle, self._check_idle)

    def _check_idle(self) -> None:
        left = self.last + self.server.idle - self.loop.time()
        if left > 0 or self.busy:
            self.timer = self.loop.call_later(max(left, 1.0), self._check_idle)
        else:
            self.transport.close()

    def connection_lost(self, exc: Exception | None) -> None:
        self.timer.cancel()

    def eof_received(self) -> bool:
        self.ended = True
        return self.busy  # keep the connection open to send the answer being made

    def pause_writing(self) -> None:
        self.writing_paused = True

    def resume_writing(self) -> None:
        self.writing_paused = False
        self._next()

    def data_received(self, data: bytes) -> None:
        self.last = self.loop.time()
        if self.dropping:
            self.dropping -= len(data)
            if self.dropping <= 0:
                self._refuse(413, f"the request is larger than {MAX_REQUEST:,} bytes")
            return
        self.buffer += data
        if self.busy and len(self.buffer) > MAX_REQUEST + self.server.largest_head:
            self.transport.pause_reading()  # a client sending faster than it is answered waits
            self.reading_paused = True
        self._next()

    def _next(self) -> None:
        """Answer the next whole request in the buffer, if there is one and nothing else is being answered."""
        if self.busy or self.writing_paused or self.transport.is_closing():
            return
        end = self.buffer.find(b"\r\n\r\n")
        if end < 0 and len(self.buffer) <= self.server.largest_head:
            return  # the head is still coming
        if end < 0 or end > self.server.largest_head:
            self._refuse(431, f"request line and headers over {self.server.largest_head:,} bytes")
            return
        try:
            request = parse_head(bytes(self.buffer[:end + 4]))
            length = int(request.headers.get("content-length") or 0)
        except ValueError:
            self._refuse(400, "not an HTTP/1.x request")
            return
        if "transfer-encoding" in request.headers:
            self._refuse(411, "send the body with a Content-Length")
            return
        continuing = request.headers.get("expect", "").lower() == "100-continue"
        if length > MAX_REQUEST:
            self.dropping = 0 if continuing else min(length, _DROP_AT_MOST) - (len(self.buffer) - end - 4)
            if self.dropping <= 0:
                self._refuse(413, f"the request is larger than {MAX_REQUEST:,} bytes")
            return
        if len(self.buffer) < end + 4 + length:
            if continuing and not self.continued:
                self.transport.write(b"HTTP/1.1 100 Continue\r\n\r\n")
                self.continued = True
            return
        body = bytes(self.buffer[end + 4:end + 4 + length])
        del self.buffer[:end + 4 + length]
        self.busy, self.continued = True, False
        if self.reading_paused:
            self.transport.resume_reading()
            self.reading_paused = False
        answer = self.server.handle(request, body)
        if isinstance(answer, Answer):
            self._send(request, answer)
        else:
            answer.add_done_callback(lambda done: self._send(request, done.result()))

    def _send(self, request: Request, answer: Answer) -> None:
        self.busy, self.last = False, self.loop.time()
        if self.transport.is_closing():
            return  # the client went away meanwhile
        keep_open = request.keeps_open() and not self.ended
        self.transport.write(response(answer, request.method != "HEAD", keep_open))
        log.info('%s "%s %s" %d %d', self.peer, request.method, request.target, answer.status, len(answer.body))
        if not keep_open:
            self.transport.close()
        elif self.buffer:
            self.loop.call_soon(self._next)  # a request sent before this answer came

    def _refuse(self, status: int, message: str) -> None:
        """Answer a request that is not read to its end; the connection then closes."""
        self.transport.write(response(Answer.text(status, message), keep_open=False))
        self.transport.close()
