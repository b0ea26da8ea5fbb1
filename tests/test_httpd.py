"""The HTTP/1.1 layer of `kg serve` on loopback, with a handler that echoes: heads, kept-open and pipelined
requests, answers that come later, and what is refused before a handler sees it."""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Iterator

import pytest

from kg.httpd import MAX_REQUEST, Answer, Request, Server, parse_head, response


def echo(request: Request, body: bytes) -> Answer | asyncio.Future[Answer]:
    """Answers at once, or a moment later for /later (as a query process does)."""
    answer = Answer(200, "text/plain", f"{request.method} {request.target} {len(body)}".encode())
    if request.target != "/later":
        return answer
    later: asyncio.Future[Answer] = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_later(0.05, later.set_result, answer)
    return later


async def nothing() -> None:
    """No start-up work."""


@pytest.fixture(scope="module")
def port() -> Iterator[int]:
    server = Server.listen("127.0.0.1", 0, echo, nothing)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1]
    server.server_close()


def exchange(port: int, data: bytes, answers: int = 1, bodiless: tuple[int, ...] = ()) \
        -> list[tuple[str, dict[str, str], bytes]]:
    """Send raw bytes, read ``answers`` answers (or until the server closes); those in ``bodiless`` answer HEAD."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(data)
        received, read = b"", []
        while len(read) < answers:
            chunk = s.recv(1 << 16)
            received += chunk
            while b"\r\n\r\n" in received:
                head, rest = received.split(b"\r\n\r\n", 1)
                lines = head.decode("latin-1").split("\r\n")
                headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
                length = 0 if len(read) in bodiless else int(headers.get("content-length", 0))
                if len(rest) < length:
                    break
                read.append((lines[0], headers, rest[:length]))
                received = rest[length:]
            if not chunk:
                break
    return read


def test_a_head_is_parsed_and_an_answer_written() -> None:
    request = parse_head(b"POST /sparql?x=1 HTTP/1.1\r\nHost: a\r\nContent-Type: text/plain; q=1\r\n\r\n")
    assert (request.method, request.target, request.headers["content-type"]) == ("POST", "/sparql?x=1", "text/plain; q=1")
    assert request.keeps_open()
    assert not parse_head(b"GET / HTTP/1.1\r\nConnection: close\r\n\r\n").keeps_open()
    assert not parse_head(b"GET / HTTP/1.0\r\n\r\n").keeps_open()
    assert parse_head(b"GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").keeps_open()
    for bad in (b"GET /\r\n\r\n", b"GET / SPDY/3\r\n\r\n", b"GET / HTTP/1.1\r\nno colon\r\n\r\n"):
        with pytest.raises(ValueError):
            parse_head(bad)
    written = response(Answer(200, "text/csv", b"a,b\n"), keep_open=False)
    assert written.startswith(b"HTTP/1.1 200 OK\r\n") and written.endswith(b"\r\n\r\na,b\n")
    assert b"Content-Length: 4\r\n" in written and b"Connection: close\r\n" in written and b"Date: " in written
    assert response(Answer(200, "text/csv", b"a,b\n"), body=False).endswith(b"\r\n\r\n")


def test_kept_open_pipelined_and_later_answers_come_in_order(port: int) -> None:
    requests = (b"GET /later HTTP/1.1\r\nHost: a\r\n\r\n"
                b"POST /b HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc"
                b"HEAD /c HTTP/1.1\r\n\r\n")
    answers = exchange(port, requests, 3, bodiless=(2,))
    assert [a[0] for a in answers] == ["HTTP/1.1 200 OK"] * 3
    assert [a[2] for a in answers] == [b"GET /later 0", b"POST /b 3", b""]
    assert answers[2][1]["content-length"] == str(len(b"HEAD /c 0"))


def test_a_body_after_100_continue(port: int) -> None:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(b"POST /a HTTP/1.1\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n")
        assert s.recv(100) == b"HTTP/1.1 100 Continue\r\n\r\n"
        s.sendall(b"12345")
        assert s.recv(1000).endswith(b"POST /a 5")


@pytest.mark.parametrize("data, status", [
    (b"NONSENSE\r\n\r\n", "400"),
    (b"GET /" + b"x" * 70_000 + b" HTTP/1.1\r\n\r\n", "431"),
    (b"POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n", "411"),
    (b"POST /a HTTP/1.1\r\nContent-Length: %d\r\nExpect: 100-continue\r\n\r\n" % (MAX_REQUEST + 1), "413"),
    (b"POST /a HTTP/1.1\r\nContent-Length: %d\r\n\r\n" % (MAX_REQUEST + 1) + b"x" * (MAX_REQUEST + 1), "413")])
def test_what_is_refused_before_the_handler_closes_the_connection(port: int, data: bytes, status: str) -> None:
    answers = exchange(port, data + b"GET /after HTTP/1.1\r\n\r\n", 2)
    assert len(answers) == 1 and answers[0][0].split()[1] == status
    assert answers[0][1]["connection"] == "close"
