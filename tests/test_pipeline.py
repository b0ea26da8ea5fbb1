import cProfile
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg import nlp as spacy_nlp
from kg import pipeline
from kg.export import atomic_output
from kg.gazetteer import load_gazetteer
from kg.names import fold
from kg.reader import Skipped
from kg.records import Document, Extraction
from kg.store import Store

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize("workers", [1, 2])
def test_one_failing_article_does_not_stop_the_others(monkeypatch: pytest.MonkeyPatch, workers: int) -> None:
    real = pipeline.extract_one

    def fragile(document, parsed, gazetteer):  # noqa: ANN001, ANN202
        if document.id == "bad":
            raise RuntimeError("boom")
        return real(document, parsed, gazetteer)

    monkeypatch.setattr(pipeline, "extract_one", fragile)
    docs = [Document("a", "Apple rachète Beats.", "a.txt"), Document("bad", "Google paie.", "bad.txt"),
            Document("huge", "x " * 600_000, "huge.txt"), Document("c", "Netflix investit.", "c.txt")]
    out = list(pipeline.extract(docs, workers=workers))
    done = [x.document.id for x in out if isinstance(x, Extraction)]
    skipped = {x.source: x.reason for x in out if isinstance(x, Skipped)}
    assert done == ["a", "c"]
    assert skipped["bad.txt"].startswith("extraction failed (RuntimeError")
    assert skipped["huge.txt"].startswith("too long")


def test_batches_keep_the_order_and_bound_articles_and_characters() -> None:
    limit = pipeline.BATCH_CHARACTERS
    sizes = [10] * (2 * pipeline.BATCH + 8) + [2 * limit] + [limit // 3] * 4
    docs = [Document(str(n), "x" * size, f"{n}.txt") for n, size in enumerate(sizes)]
    batches = list(pipeline._batches(docs))
    assert [d for batch in batches for d in batch] == docs
    assert [len(batch) for batch in batches] == [pipeline.BATCH, pipeline.BATCH, 8, 1, 3, 1]  # the long one alone


def test_extraction_work_grows_linearly_with_the_article() -> None:
    """Counted in function calls, not seconds: an article twice as long is about twice the work.

    spaCy's ``Doc.text`` joins every token each time it is read; read once per name, it made a
    30,000-character article take longer to extract than to parse.
    """
    gazetteer = load_gazetteer()
    nlp = spacy_nlp.load(spacy_nlp.DEFAULT_MODEL, gazetteer)
    paragraph = (DATA / "s00-tiktok.txt").read_text(encoding="utf-8")

    def calls(copies: int) -> int:
        [(parsed, document)] = spacy_nlp.parse(nlp, [Document("long", "\n\n".join([paragraph] * copies), "long.txt")])
        fold.cache_clear()
        profile = cProfile.Profile()
        profile.runcall(pipeline.extract_one, document, parsed, gazetteer)
        return sum(entry.callcount for entry in profile.getstats())

    calls(1)  # the rules' tables load on first use
    assert calls(8) < 2.2 * calls(4)


def test_interrupted_output_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "out.ttl"
    with pytest.raises(RuntimeError), atomic_output(target) as out:
        out.write(b"half a file")
        raise RuntimeError("crash")
    assert list(tmp_path.iterdir()) == []


def _quads(store: Store) -> set[str]:
    return {str(q) for q in store.quads()}


def _documents(tmp_path: Path, copies: int) -> Path:
    """A JSON Lines corpus of the sample articles under several ids: more articles than one batch."""
    records = [{"id": f"{path.stem}-{n}", "text": path.read_text(encoding="utf-8")}
               for n in range(copies) for path in sorted(DATA.glob("*.txt"))]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return corpus


def test_worker_processes_build_the_same_store_in_the_same_order(tmp_path: Path) -> None:
    corpus = _documents(tmp_path, 2 * pipeline.BATCH + 3)
    alone, shared = Store(None), Store(None)
    one = pipeline.build([corpus], alone)
    two = pipeline.build([corpus], shared, workers=2)
    assert len(one.built) > 2 * pipeline.BATCH
    assert two.built == one.built
    assert _quads(shared) == _quads(alone)


def test_dask_cluster_builds_the_same_store(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    corpus = _documents(tmp_path, 3)
    alone = Store(None)
    pipeline.build([corpus], alone)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        run = subprocess.run([sys.executable, "-m", "kg", "build", str(corpus), "--store", str(tmp_path / "store"),
                              "--cluster", cluster.scheduler_address], capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
    assert _quads(Store(tmp_path / "store", read_only=True)) == _quads(alone)


def test_unreachable_cluster_is_one_clear_error() -> None:
    quick = {**os.environ, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"}
    run = subprocess.run([sys.executable, "-m", "kg", "build", str(DATA), "--memory", "--cluster", "tcp://127.0.0.1:9"],
                         capture_output=True, text=True, env=quick)
    assert run.returncode == 1 and "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in run.stderr
    assert "Traceback" not in run.stderr


def test_a_changed_gazetteer_model_kg_or_rule_file_re_extracts_and_force_re_extracts_all(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Apple rachète Beats pour 3 milliards de dollars.", encoding="utf-8")
    table = tmp_path / "extra.tsv"
    table.write_text("qid\tclass\tlabel_fr\tlabel_en\taliases\nQ1\tCompany\tBeats\t\t\n", encoding="utf-8")
    store = Store(None)

    def build(**options: object) -> list[str]:
        heard: list[int] = []
        report = pipeline.build([article], store, progress=lambda r: heard.append(r.done), **options)  # type: ignore[arg-type]
        assert heard == [1]  # the progress bar hears of unchanged articles too
        return ["built"] * len(report.built) + ["unchanged"] * len(report.unchanged)

    assert build() == ["built"]
    assert build() == ["unchanged"]
    assert build(gazetteer=load_gazetteer((table,))) == ["built"]
    assert build(gazetteer=load_gazetteer((table,))) == ["unchanged"]
    assert build(gazetteer=load_gazetteer((table,)), force=True) == ["built"]
    assert build() == ["built"]  # back to the bundled table

    real = pipeline.version
    for upgraded in ("kg", spacy_nlp.DEFAULT_MODEL):
        monkeypatch.setattr(pipeline, "version", lambda name, u=upgraded: "99.0" if name == u else real(name))
        assert build() == ["built"], upgraded
    gazetteer = load_gazetteer()
    key = pipeline.extraction_key(spacy_nlp.DEFAULT_MODEL, gazetteer)
    rules = tmp_path / "rules"
    (rules / "frames").mkdir(parents=True)
    (rules / "frames" / "deals.yml").write_text("Acquisition: []\n", encoding="utf-8")
    with monkeypatch.context() as patched:
        patched.setattr(pipeline.resources, "files", lambda package: rules)
        edited = pipeline.extraction_key(spacy_nlp.DEFAULT_MODEL, gazetteer)
        (rules / "frames" / "deals.yml").write_text("Acquisition: [{lemma: racheter}]\n", encoding="utf-8")
        assert edited != pipeline.extraction_key(spacy_nlp.DEFAULT_MODEL, gazetteer) != key


def test_retrained_ner_weights_change_the_extraction_key(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    gazetteer = load_gazetteer()
    shipped = pipeline.extraction_key(spacy_nlp.DEFAULT_MODEL, gazetteer)
    weights = tmp_path / "ner-winer"
    weights.mkdir()
    (weights / "model").write_bytes(b"retrained")
    monkeypatch.setattr(spacy_nlp, "ner_weights", lambda model: weights)
    retrained = pipeline.extraction_key(spacy_nlp.DEFAULT_MODEL, gazetteer)
    (weights / "model").write_bytes(b"retrained again")
    assert len({shipped, retrained, pipeline.extraction_key(spacy_nlp.DEFAULT_MODEL, gazetteer)}) == 3


def test_a_build_says_how_many_facts_the_families_off_by_default_left_out() -> None:
    default = pipeline.build([DATA / "s00-tiktok.txt"], Store(None))
    every = pipeline.build([DATA / "s00-tiktok.txt"], Store(None), all_rules=True)
    assert default.held_back > 0 and every.held_back == 0


def test_a_founding_a_title_and_a_trigger_both_tell_is_one_event() -> None:
    # the noun "fondateur" is a Founding trigger, and "X, le fondateur de Y" a founder's title with its employer
    [x] = pipeline.extract([Document("d", "Gilles Moyne, le fondateur d'Athénas, a écrit au ministère.", "d")])
    assert [f.kind for f in x.facts if f.is_event and f.kind == "Founding"] == ["Founding"]
