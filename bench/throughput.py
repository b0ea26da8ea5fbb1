"""Extraction throughput of `kg build` against the raw spaCy pipeline it runs, memory, store and export times.

Usage: python bench/throughput.py CORPUS.jsonl [--sizes 100,1000] [--workers 1,2] [--repeat 1]

CORPUS is JSON Lines of {"id", "text"} (e.g. ../shared/corpus/wikinews-fr/articles.jsonl); sizes
beyond it reuse its articles under new ids. For each size and number of processes, prints words/s
of raw `nlp.pipe` (same model, same components: the ceiling), words/s of the build (model already
loaded, as in a long run), their ratio (with --repeat N, raw and kg run N times in turn and the
fastest of each counts), triples/s into the store, the time of an unchanged rebuild,
the stored queries and two exports, and the peak memory of a `kg build` process started afresh.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from kg import nlp as spacy_nlp
from kg.export import Format, export
from kg.gazetteer import load_gazetteer
from kg.pipeline import build
from kg.query import run_query, stored_queries
from kg.store import Store

if TYPE_CHECKING:
    from spacy.language import Language


def corpus(source: Path, size: int, target: Path) -> int:
    """Write ``size`` articles to ``target``; return their number of words."""
    records = [json.loads(line) for line in source.open(encoding="utf-8")]
    words = 0
    with target.open("w", encoding="utf-8") as out:
        for n in range(size):
            record = records[n % len(records)]
            out.write(json.dumps({"id": f"{record['id']}-{n // len(records)}", "text": record["text"]}) + "\n")
            words += len(record["text"].split())
    return words


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _parse_all(nlp: Language, texts: list[str], workers: int) -> None:
    for _ in nlp.pipe((spacy_nlp.normalise(t) for t in texts), batch_size=16, n_process=workers):
        pass


def _run_all(store: Store, sparql: str) -> None:
    for _ in run_query(store, sparql):  # type: ignore[union-attr]
        pass


def peak_rss_mb(command: list[str]) -> float:
    """Peak resident memory of a fresh process (and its children) running ``command``."""
    code = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, capture_output=True); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code, *command], capture_output=True, text=True, check=True)
    return int(out.stdout) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--sizes", default="100,1000")
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--repeat", type=int, default=1, help="time raw and kg this many times each, keep the best")
    args = parser.parse_args()
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    gazetteer = load_gazetteer()
    nlp = spacy_nlp.load(spacy_nlp.DEFAULT_MODEL, gazetteer)
    print(f"machine: {platform.machine()}, {resource.getpagesize()} B pages, Python {platform.python_version()}; "
          f"pipes: {', '.join(nlp.pipe_names)}")
    print(f"{'articles':>8} {'proc':>4} {'raw w/s':>8} {'kg w/s':>8} {'ratio':>6} {'triples/s':>9} "
          f"{'rebuild':>8} {'queries':>8} {'ttl':>6} {'graphml':>8} {'peak MB':>8}")
    for _ in nlp.pipe(spacy_nlp.normalise(json.loads(line)["text"]) for line in islice(args.corpus.open(), 20)):
        pass  # warm up: the first documents through a fresh pipeline are slower
    with tempfile.TemporaryDirectory() as tmp:
        for size in map(int, args.sizes.split(",")):
            source = Path(tmp) / f"corpus-{size}.jsonl"
            words = corpus(args.corpus, size, source)
            texts = [json.loads(line)["text"] for line in source.open(encoding="utf-8")]
            speed: list[tuple[float, float]] = []
            for workers in map(int, args.workers.split(",")):
                raw, built = float("inf"), float("inf")
                for attempt in range(args.repeat):  # raw and kg in turn, the best of each: the machine is shared
                    raw = min(raw, timed(partial(_parse_all, nlp, texts, workers)))
                    store = Store(Path(tmp) / f"store-{size}-{workers}-{attempt}")
                    built = min(built, timed(partial(build, [source], store, gazetteer=gazetteer, workers=workers)))
                rebuild = timed(partial(build, [source], store, gazetteer=gazetteer))
                queries = sum(timed(partial(_run_all, store, path.read_text())) for path in stored_queries().values())
                ttl = timed(partial(export, store, Format.turtle, Path(tmp) / "g.ttl"))
                gml = timed(partial(export, store, Format.graphml, Path(tmp) / "g.graphml"))
                quads = len(store)
                store.close()
                del store
                peak = peak_rss_mb([sys.executable, "-m", "kg", "build", str(source), "--workers", str(workers),
                                    "--store", str(Path(tmp) / f"fresh-{size}-{workers}")])
                speed.append((raw, built))
                print(f"{size:8d} {workers:4d} {words / raw:8.0f} {words / built:8.0f} {raw / built:6.2f} "
                      f"{quads / built:9.0f} {rebuild:7.2f}s {queries:7.2f}s {ttl:5.2f}s {gml:7.2f}s {peak:8.0f}",
                      flush=True)
            (raw_1, kg_1), *more = speed
            for workers, (raw_n, kg_n) in zip(args.workers.split(",")[1:], more, strict=True):
                print(f"{'':8} speed-up of {workers} processes over {args.workers.split(',')[0]}: raw "
                      f"{raw_1 / raw_n:.2f}x, kg {kg_1 / kg_n:.2f}x, kg / raw {(kg_1 / kg_n) / (raw_1 / raw_n):.2f}")


if __name__ == "__main__":
    main()
