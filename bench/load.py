"""Load test of `kg serve` on loopback: concurrent clients running the stored queries in turn.

Usage: python bench/load.py --store kg-store [--clients 50] [--seconds 60]

Starts `kg serve` on a free loopback port, runs the clients for the given time (every request loop
is bounded by it), and prints requests per second, p50 / p99 latency, errors, and the server's
memory (all its processes) every 10 seconds.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from kg.query import stored_queries


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, in MB."""
    total = 0
    pids = [pid] + [int(p) for p in subprocess.run(["pgrep", "-P", str(pid)], capture_output=True,
                                                   text=True).stdout.split()]
    for p in pids:
        status = Path(f"/proc/{p}/status")
        if status.exists():
            match = re.search(r"VmRSS:\s+(\d+)", status.read_text())
            total += int(match.group(1)) if match else 0
    return total / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    server = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(args.store), "--port", "0"],
                              stderr=subprocess.PIPE, text=True)
    url = re.search(r"http://[\d.]+:\d+/", server.stderr.readline()).group(0) + "sparql"  # type: ignore[union-attr]
    queries = [p.read_text(encoding="utf-8") for p in stored_queries().values()]
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop = time.monotonic() + args.seconds

    def client(n: int) -> None:
        i = n
        while time.monotonic() < stop:
            body = urllib.parse.urlencode({"query": queries[i % len(queries)]}).encode()
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(urllib.request.Request(url, data=body), timeout=60) as r:
                    r.read()
                with lock:
                    latencies.append(time.perf_counter() - started)
            except (urllib.error.URLError, OSError) as e:
                with lock:
                    errors.append(str(e))
            i += 1

    time.sleep(1)
    memory = [rss_mb(server.pid)]

    def sample() -> None:
        while time.monotonic() < stop:
            time.sleep(min(10.0, max(0.0, stop - time.monotonic())))
            memory.append(rss_mb(server.pid))

    threads = [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
    threads.append(threading.Thread(target=sample))
    begun = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - begun
    server.terminate()
    server.wait(10)
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    print(f"{args.clients} clients, {elapsed:.0f} s, {len(queries)} stored queries in turn")
    print(f"requests: {len(latencies)}  ({len(latencies) / elapsed:.1f}/s)  errors: {len(errors)}")
    print(f"latency p50 {q[49] * 1000:.0f} ms  p99 {q[98] * 1000:.0f} ms")
    print("server memory (all processes), MB, every 10 s:", " ".join(f"{m:.0f}" for m in memory))
    if errors:
        print("first error:", errors[0])


if __name__ == "__main__":
    main()
