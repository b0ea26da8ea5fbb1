"""A night run over a folder with bad articles: each is reported by name with its reason, the rest built."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path


def test_bad_articles_are_skipped_and_the_others_built(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    companies = ["Apple", "Google", "Netflix", "Orange", "Renault", "Airbus", "Sanofi", "Ubisoft"]
    for n in range(1000):
        buyer, target = companies[n % 8], companies[(n + 3) % 8]
        (folder / f"a{n:04d}.txt").write_text(f"{buyer} rachète {target} pour {n + 1} millions d'euros.\n",
                                             encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 100)
    (folder / "empty.txt").write_text("")
    (folder / "latin1.txt").write_bytes("Société Générale investit 5 millions d'euros à Paris.".encode("latin-1"))
    (folder / "enormous.txt").write_text("Apple investit. " * 3_200_000, encoding="utf-8")  # 51 MB
    (folder / "one-line.txt").write_text("x" * 2_000_000, encoding="utf-8")
    (folder / "page.html").write_text("<html><head><script>document.write('<b>Apple</b>')</script></head>"
                                      "<body><p>Netflix rachète Comcast.</p><script>alert(1)</script></body></html>")
    (folder / "lines.jsonl").write_text('{"id": "j1", "text": "Google paie 3 millions d\'euros."}\n{broken\n')
    r = subprocess.run([sys.executable, "-m", "kg", "build", str(folder), "--store", str(tmp_path / "store"), "--all-rules"],
                       capture_output=True, text=True, timeout=900)
    assert r.returncode == 3, r.stderr
    assert "Traceback" not in r.stderr
    reasons = dict(re.findall(r"skipped (\S+?): (.+)", r.stderr))
    by_name = {Path(k.split(":")[0]).name: v for k, v in reasons.items()}
    assert by_name["binary.txt"] == "binary file, not text"
    assert by_name["empty.txt"] == "empty"
    assert by_name["enormous.txt"].startswith("too long")
    assert by_name["one-line.txt"].startswith("too long")
    assert by_name["lines.jsonl"].startswith("not JSON")
    assert "built 1003, unchanged 0, skipped 5" in r.stderr  # 1000 + latin1 + page + j1
    stats = subprocess.run([sys.executable, "-m", "kg", "query", "SELECT (COUNT(?a) AS ?n) WHERE { ?a a kg:Acquisition }",
                            "--store", str(tmp_path / "store"), "--format", "csv"], capture_output=True, text=True,
                           check=True).stdout
    assert int(stats.split()[1]) >= 1000
