"""Files and folders -> documents: .txt, .md, .html and .jsonl ({"id", "text"} per line)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from kg.errors import InputError
from kg.records import Document

SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
_TITLE_LIMIT = 160


@dataclass(frozen=True)
class Skipped:
    """An input that was not read, and why."""

    source: str
    reason: str
    article: bool = True  # an article kg could not read; False for a file of a folder that is no article


def read_documents(paths: Iterable[Path]) -> Iterator[Document | Skipped]:
    """Yield every document under ``paths`` (files or folders, sorted), or why one was skipped.

    A file kg does not read (another extension, or none) is skipped with that reason, as no article
    when a folder holds it (a ``gold.json`` beside the articles); hidden files and folders inside a
    folder (``.git``) are passed over without a word.

    Raises:
        InputError: when a path does not exist.
    """
    for file, named in _files(paths):
        if file.suffix.lower() in SUFFIXES:
            yield from _read_file(file)
        else:
            yield Skipped(str(file), f"not an article (kg reads {' '.join(SUFFIXES)})", article=named)


def count_documents(paths: Iterable[Path]) -> int:
    """How many documents and skips ``read_documents`` yields, for a progress bar: one a file, one a
    line of a JSON Lines file (counted without parsing it).

    Raises:
        InputError: when a path does not exist.
    """
    return sum(_lines(file) if file.suffix.lower() == ".jsonl" else 1 for file, _ in _files(paths))


def _files(paths: Iterable[Path]) -> Iterator[tuple[Path, bool]]:
    """Each file of ``paths``, and whether the user named it (else a folder holds it)."""
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        if path.is_dir():
            yield from ((p, False) for p in sorted(
                p for p in path.rglob("*") if p.is_file() and not any(part.startswith(".") for part in
                                                                      p.relative_to(path).parts)))
        else:
            yield path, True


def _lines(path: Path) -> int:
    try:
        with path.open("rb") as lines:
            return sum(1 for line in lines if line.strip())
    except OSError:
        return 1  # read_documents reports it, once


def _read_file(path: Path) -> Iterator[Document | Skipped]:
    if path.suffix.lower() == ".jsonl":
        yield from _jsonl(path)
        return
    try:
        raw = path.read_bytes()
    except OSError as e:
        yield Skipped(str(path), f"cannot read ({e.strerror})")
        return
    text = _decode(raw)
    if text is None:
        yield Skipped(str(path), "binary file, not text")
        return
    if path.suffix.lower() in {".html", ".htm"}:
        text = _html_text(text)
    yield _document(path.stem, text, str(path))


def _decode(raw: bytes) -> str | None:
    if b"\x00" in raw[:4096]:
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")  # Latin-1 and its Windows superset


# Characters no XML 1.0 document can carry, even escaped: a space each, so offsets stay the same.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def _document(doc_id: str, text: str, source: str, date: str | None = None) -> Document | Skipped:
    text = _CONTROL.sub(" ", text)
    if not text.strip():
        return Skipped(source, "empty")
    first = text.strip().split("\n", 1)[0].strip()
    title = first if len(first) <= _TITLE_LIMIT and "\n" in text.strip() and not first.endswith(".") else None
    return Document(doc_id, text, source, title, date)


def _jsonl(path: Path) -> Iterator[Document | Skipped]:
    """One document per line, read a line at a time: a corpus of any size streams."""
    try:
        lines = path.open("rb")
    except OSError as e:
        yield Skipped(str(path), f"cannot read ({e.strerror})")
        return
    with lines:
        for n, raw in enumerate(lines, 1):
            where = f"{path}:{n}"
            line = _decode(raw)
            if line is None:
                yield Skipped(str(path) if n == 1 else where, "binary file, not text")
                if n == 1:
                    return
                continue
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                yield Skipped(where, f"not JSON ({e.msg})")
                continue
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                yield Skipped(where, 'a line needs {"id": ..., "text": "..."}')
                continue
            date = record.get("date") if isinstance(record.get("date"), str) else None
            yield _document(str(record.get("id") or f"{path.stem}-{n}"), record["text"], where, date)


class _TextOnly(HTMLParser):
    _SKIP = {"script", "style", "noscript", "template", "head"}
    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def _html_text(html: str) -> str:
    parser = _TextOnly()
    parser.feed(html)
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)
