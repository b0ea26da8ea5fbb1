"""`kg serve` against an Oxigraph server on the same store: requests per second and latency, and their ratios.

Usage: python bench/serve.py [--store DIR | --articles FILE.jsonl --count 200] [--clients 10] [--seconds 20]

Builds a store from the first --count articles (or takes --store), starts `kg serve` and
`oxigraph serve-read-only --union-default-graph` on it, both on free loopback ports, and runs on each
in turn: one client sending a trivial ASK (median latency), then --clients clients for --seconds
each sending the trivial ASK, then the stored queries in turn. Every client keeps its connection
open and stops at the time limit or after --most requests. Prints each figure and kg ÷ Oxigraph.
"""

from __future__ import annotations

import argparse
import http.client
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from kg.query import stored_queries

ASK = "ASK { ?s ?p ?o }"
OXIGRAPH = Path(sys.executable).with_name("oxigraph")


@dataclass
class Load:
    """What one load gave: latencies of the answered requests, failures, seconds taken."""

    latencies: list[float]
    failures: list[str]
    seconds: float

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.seconds

    def quantile(self, q: int) -> float:
        """The q-th percentile latency in ms."""
        if len(self.latencies) < 2:
            return 1000 * (self.latencies or [0.0])[0]
        return 1000 * statistics.quantiles(self.latencies, n=100)[q - 1]


def run_load(port: int, queries: list[str], clients: int, seconds: float, most: int) -> Load:
    """``clients`` threads, each on its own kept-open connection, sending ``queries`` in turn."""
    latencies: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(n: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        mine: list[float] = []
        for i in range(n, n + most):
            if time.monotonic() >= stop:
                break
            started = time.perf_counter()
            try:
                connection.request("POST", "/sparql", queries[i % len(queries)].encode(),
                                   {"Content-Type": "application/sparql-query",
                                    "Accept": "application/sparql-results+json"})
                response = connection.getresponse()
                body = response.read()
            except (OSError, http.client.HTTPException) as e:
                with lock:
                    failures.append(str(e))
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
                continue
            if response.status == 200:
                mine.append(time.perf_counter() - started)
            else:
                with lock:
                    failures.append(f"{response.status} {body[:200]!r}")
        connection.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    begun = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return Load(latencies, failures, time.monotonic() - begun)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(port: int, deadline: float = 60.0) -> None:
    """Wait until the server on ``port`` answers a query."""
    until = time.monotonic() + deadline
    while time.monotonic() < until:
        if run_load(port, [ASK], 1, 5, 1).latencies:
            return
        time.sleep(0.2)
    raise SystemExit(f"no server answers on port {port}")


@contextmanager
def kg_serve(store: Path) -> Iterator[int]:
    server = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", "0"],
                              stderr=subprocess.PIPE, text=True)
    try:
        found = re.search(r"http://[\d.]+:(\d+)/", server.stderr.readline())  # type: ignore[union-attr]
        if not found:
            raise SystemExit("kg serve did not start")
        yield int(found.group(1))
    finally:
        server.terminate()
        server.wait(10)


@contextmanager
def oxigraph_serve(store: Path) -> Iterator[int]:
    port = free_port()
    server = subprocess.Popen([str(OXIGRAPH), "serve-read-only", "--location", str(store), "--bind",
                               f"127.0.0.1:{port}", "--union-default-graph"], stderr=subprocess.DEVNULL)
    try:
        yield port
    finally:
        server.terminate()
        server.wait(10)


def measure(port: int, args: argparse.Namespace, stored: list[str]) -> dict[str, Load]:
    wait_until_up(port)
    run_load(port, stored, 1, args.seconds, len(stored))  # warm both caches the same way
    return {"single": run_load(port, [ASK], 1, args.seconds, args.single),
            "ask": run_load(port, [ASK], args.clients, args.seconds, args.most),
            "stored": run_load(port, stored, args.clients, args.seconds, args.most)}


def build(articles: Path, count: int, folder: Path) -> Path:
    """A store of the first ``count`` articles of a JSON Lines file."""
    lines = articles.read_text(encoding="utf-8").splitlines()[:count]
    (folder / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "kg", "build", str(folder / "articles.jsonl"), "--store",
                    str(folder / "store")], check=True)
    return folder / "store"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, help="a built store (else one is built from --articles)")
    parser.add_argument("--articles", type=Path, default=Path("../shared/corpus/wikinews-fr/articles.jsonl"))
    parser.add_argument("--count", type=int, default=200, help="articles to build a store from")
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=20, help="length of each load")
    parser.add_argument("--single", type=int, default=500, help="requests of the one-client ASK")
    parser.add_argument("--most", type=int, default=200_000, help="requests per client at most")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        store = args.store or build(args.articles, args.count, Path(scratch))
        stored = [p.read_text(encoding="utf-8") for p in stored_queries().values()]
        with kg_serve(store) as port:
            kg = measure(port, args, stored)
        with oxigraph_serve(store) as port:
            oxigraph = measure(port, args, stored)
    print(f"store {store}, {args.clients} clients, {args.seconds:g} s a load, {len(stored)} stored queries in turn")
    print(f"{'load':34} {'kg serve':>22} {'Oxigraph':>22} {'kg ÷ Oxigraph':>14}")
    single_kg, single_ox = kg["single"].quantile(50), oxigraph["single"].quantile(50)
    print(f"{'trivial ASK, one client, median':34} {single_kg:>19.2f} ms {single_ox:>19.2f} ms "
          f"{single_ox / single_kg:>14.2f}")
    for name, title in (("ask", "trivial ASK"), ("stored", "stored queries")):
        k, o = kg[name], oxigraph[name]
        print(f"{title + f', {args.clients} clients':34} {k.rate:>10.1f}/s p99 {k.quantile(99):>4.0f} ms "
              f"{o.rate:>10.1f}/s p99 {o.quantile(99):>4.0f} ms {k.rate / o.rate:>14.2f}")
    for who, loads in (("kg serve", kg), ("Oxigraph", oxigraph)):
        failures = [f for load in loads.values() for f in load.failures]
        if failures:
            print(f"{who}: {len(failures)} failed requests, the first: {failures[0]}")


if __name__ == "__main__":
    main()
