"""kg push and kg query --endpoint against a real Oxigraph server started on loopback."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[str]:
    if not Path(OXIGRAPH).exists():
        pytest.skip("the oxigraph server (PyPI package oxigraph) is not installed")
    port = free_port()
    # kg's stored queries read the default graph as the union of the articles' graphs, as kg's own store does
    process = subprocess.Popen([OXIGRAPH, "serve", "--location", str(tmp_path / "remote"), "--bind",
                                f"127.0.0.1:{port}", "--union-default-graph"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    yield url
    process.terminate()
    process.wait(10)


def test_push_keeps_named_graphs_and_query_reads_them(server: str, tmp_path: Path) -> None:
    kg = [sys.executable, "-m", "kg"]
    store = str(tmp_path / "store")
    subprocess.run([*kg, "build", str(DATA), "--store", store, "--all-rules"], check=True, capture_output=True)
    pushed = subprocess.run([*kg, "push", server + "/store", "--store", store], capture_output=True, text=True)
    assert pushed.returncode == 0 and "pushed 1 graphs" in pushed.stderr
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    local = subprocess.run([*kg, "query", count, "--store", store, "--format", "csv"], capture_output=True, text=True,
                           check=True).stdout
    remote = subprocess.run([*kg, "query", count, "--endpoint", server + "/query", "--format", "csv"],
                            capture_output=True, text=True, check=True).stdout
    assert remote == local and int(remote.split()[1]) > 100
    again = subprocess.run([*kg, "push", server + "/store", "--store", store], capture_output=True, text=True)
    assert again.returncode == 0  # a second push replaces, it does not duplicate
    assert subprocess.run([*kg, "query", count, "--endpoint", server + "/query", "--format", "csv"],
                          capture_output=True, text=True, check=True).stdout == local
    tiktok = subprocess.run([*kg, "query", "investments", "--endpoint", server + "/query", "--format", "csv"],
                            capture_output=True, text=True, check=True).stdout
    assert "TikTok" in tiktok


def test_unreachable_server_is_one_clear_line(tmp_path: Path) -> None:
    kg = [sys.executable, "-m", "kg"]
    r = subprocess.run([*kg, "query", "ASK {}", "--endpoint", f"http://127.0.0.1:{free_port()}/query"],
                       capture_output=True, text=True)
    assert r.returncode == 1 and "Traceback" not in r.stderr and "refused" in r.stderr.lower()
