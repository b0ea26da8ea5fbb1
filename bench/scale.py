"""How `kg build` grows with the corpus: time, peak memory, unchanged rebuild and incremental add.

Usage: python bench/scale.py CORPUS.jsonl [--sizes 1000,10000] [--workers 2]

CORPUS is JSON Lines of {"id", "text"} (e.g. ../shared/corpus/wikinews-fr/articles.jsonl); sizes
beyond it reuse its articles under new ids. For each size, in fresh `kg build` processes: the
first build (time, peak memory of the process and its workers together), the same
folder again unchanged (time, and as a share of the first build), and 100 articles more added
to the built store; the store's size on disk. Memory and the add are compared with the first size's.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil


def corpus(records: list[dict], first: int, size: int, target: Path) -> Path:
    """Write articles ``first`` to ``first + size`` of the endless corpus that repeats ``records``."""
    with target.open("w", encoding="utf-8") as out:
        for n in range(first, first + size):
            record = records[n % len(records)]
            out.write(json.dumps({"id": f"{record['id']}-{n // len(records)}", "text": record["text"]}) + "\n")
    return target


def run(command: list[str]) -> tuple[float, float]:
    """Seconds and peak memory in MB of ``command``: the proportional set size (shared pages split
    between the processes that share them) of the process and its workers together, sampled."""
    start = time.perf_counter()
    process = psutil.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while process.poll() is None:
        try:
            tree = [process, *process.children(recursive=True)]
            peak = max(peak, sum(p.memory_full_info().pss for p in tree))
        except psutil.NoSuchProcess:
            pass
        time.sleep(0.2)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {process.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
    return time.perf_counter() - start, peak / 2**20


def _size(store: Path) -> int:
    """Bytes on disk of the store, without the snapshot a build leaves for readers (hard links)."""
    return sum(f.stat().st_size for f in store.rglob("*") if f.is_file() and "snapshot" not in f.parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    records = [json.loads(line) for line in args.corpus.open(encoding="utf-8")]
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{len(records)} distinct articles; {args.workers} worker processes; {psutil.cpu_count()} cores")
    print(f"{'articles':>8} {'build s':>8} {'art/s':>6} {'peak MB':>8} {'rebuild s':>9} {'rebuild %':>9} "
          f"{'+100 s':>7} {'peak / first':>12} {'+100 / first':>12} {'store MB':>8}")
    first: tuple[float, float] | None = None
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            source = corpus(records, 0, size, Path(tmp) / f"corpus-{size}.jsonl")
            extra = corpus(records, max(sizes), 100, Path(tmp) / "extra-100.jsonl")  # ids no size has
            store = Path(tmp) / f"s{size}"
            kg = [sys.executable, "-m", "kg", "build", "--workers", str(args.workers), "--store", str(store)]
            built, peak = run([*kg, str(source)])
            rebuilt, _ = run([*kg, str(source)])
            added, _ = run([*kg, str(extra)])
            first = first or (peak, added)
            print(f"{size:8d} {built:8.1f} {size / built:6.1f} {peak:8.0f} {rebuilt:9.1f} {100 * rebuilt / built:8.1f}% "
                  f"{added:7.1f} {peak / first[0]:12.2f} {added / first[1]:12.2f} {_size(store) / 2**20:8.0f}", flush=True)


if __name__ == "__main__":
    main()
