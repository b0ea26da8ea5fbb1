import json
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.reader import Skipped, count_documents, read_documents


def test_bad_inputs_are_skipped_with_reasons(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("Titre\nApple rachète Beats.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("  \n")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG")
    (tmp_path / "latin1.txt").write_bytes("Société Générale à Paris.".encode("latin-1"))
    (tmp_path / "lines.jsonl").write_text(json.dumps({"id": "a", "text": "Bonjour."}) + "\n{not json\n")
    (tmp_path / "page.html").write_text("<html><script>alert(1)</script><p>Le texte.</p></html>")
    items = list(read_documents([tmp_path]))
    docs = {i.id: i for i in items if not isinstance(i, Skipped)}
    skipped = {Path(s.source).name.split(":")[0]: s.reason for s in items if isinstance(s, Skipped)}
    assert set(docs) == {"ok", "latin1", "a", "page"}
    assert docs["latin1"].text == "Société Générale à Paris."
    assert docs["ok"].title == "Titre"
    assert "alert" not in docs["page"].text and "Le texte." in docs["page"].text
    assert skipped == {"empty.txt": "empty", "binary.txt": "binary file, not text", "lines.jsonl": skipped["lines.jsonl"]}
    assert skipped["lines.jsonl"].startswith("not JSON")


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(read_documents([tmp_path / "nope"]))


def test_jsonl_lines_are_decoded_one_at_a_time(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "bom", "text": "Caf\u00e9."}).encode() + b"\n"
                       + '{"id": "latin", "text": "Caf\u00e9 cr\u00e8me."}\n'.encode("cp1252")
                       + b'{"id": "nul", "text": "a\x00b"}\n'
                       + json.dumps({"id": "last", "text": "Fin."}).encode() + b"\n")
    out = list(read_documents([corpus]))
    texts = {d.id: d.text for d in out if not isinstance(d, Skipped)}
    assert texts == {"bom": "Café.", "latin": "Café crème.", "last": "Fin."}
    assert [(s.source, s.reason) for s in out if isinstance(s, Skipped)] == [(f"{corpus}:3", "binary file, not text")]


def test_files_kg_does_not_read_are_skipped_by_name_and_hidden_ones_passed_over(tmp_path: Path) -> None:
    (tmp_path / "ok.md").write_text("Apple rachète Beats.", encoding="utf-8")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4\nBT /F1 12 Tf (Apple rach\xe8te Beats.) Tj ET\n")
    (tmp_path / "LICENSE").write_text("Permission is hereby granted, free of charge.", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD.txt").write_text("ref: refs/heads/main", encoding="utf-8")
    items = list(read_documents([tmp_path, tmp_path / "LICENSE"]))
    assert [i.id for i in items if not isinstance(i, Skipped)] == ["ok"]
    skipped = [(Path(s.source).name, s.reason) for s in items if isinstance(s, Skipped)]
    assert [name for name, _ in skipped] == ["LICENSE", "report.pdf", "LICENSE"]
    assert all(reason.startswith("not an article (kg reads .txt .md") for _, reason in skipped)
    assert count_documents([tmp_path, tmp_path / "LICENSE"]) == len(items)


def test_count_documents_counts_a_jsonl_file_by_its_lines(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"id": 1, "text": "x"}\n\n{broken\n{"id": 3, "text": "z"}\n', encoding="utf-8")
    (tmp_path / "b.txt").write_text("Texte.", encoding="utf-8")
    assert count_documents([tmp_path]) == len(list(read_documents([tmp_path]))) == 4
