from pathlib import Path

import pytest

from kg import pipeline
from kg.export import atomic_output
from kg.reader import Skipped
from kg.records import Document, Extraction


def test_one_failing_article_does_not_stop_the_others(monkeypatch: pytest.MonkeyPatch) -> None:
    real = pipeline.extract_one

    def fragile(document, parsed, gazetteer):  # noqa: ANN001, ANN202
        if document.id == "bad":
            raise RuntimeError("boom")
        return real(document, parsed, gazetteer)

    monkeypatch.setattr(pipeline, "extract_one", fragile)
    docs = [Document("a", "Apple rachète Beats.", "a.txt"), Document("bad", "Google paie.", "bad.txt"),
            Document("huge", "x " * 600_000, "huge.txt"), Document("c", "Netflix investit.", "c.txt")]
    out = list(pipeline.extract(docs))
    done = [x.document.id for x in out if isinstance(x, Extraction)]
    skipped = {x.source: x.reason for x in out if isinstance(x, Skipped)}
    assert done == ["a", "c"]
    assert skipped["bad.txt"].startswith("extraction failed (RuntimeError")
    assert skipped["huge.txt"].startswith("too long")


def test_interrupted_output_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "out.ttl"
    with pytest.raises(RuntimeError), atomic_output(target) as out:
        out.write(b"half a file")
        raise RuntimeError("crash")
    assert list(tmp_path.iterdir()) == []
