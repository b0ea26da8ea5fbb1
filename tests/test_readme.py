"""The README documents every command and option of `kg --help`, where it speaks of that command."""

from __future__ import annotations

import re
from pathlib import Path

import click

from kg.cli import QUERY_FORMATS, main
from kg.export import Format

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "kg") -> list[tuple[str, click.Command]]:
    found: list[tuple[str, click.Command]] = []
    for name, command in group.commands.items():
        found.append((f"{prefix} {name}", command))
        if isinstance(command, click.Group):
            found += _commands(command, f"{prefix} {name}")
    return found


def _passages() -> list[str]:
    """Paragraphs, and each row of a table on its own."""
    passages = []
    for block in re.split(r"\n\s*\n", README):
        rows = [line for line in block.splitlines() if line.startswith("|")]
        passages += rows if rows else [block]
    return passages


def _options(command: click.Command) -> list[list[str]]:
    """Each option's names (``-o``, ``--output``): the README may use any of them."""
    return [p.opts + p.secondary_opts for p in command.params if isinstance(p, click.Option)]


def _named(names: list[str], text: str) -> bool:
    return any(re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text) for name in names)


COMMANDS = _commands(main)


def test_every_command_is_in_the_readme() -> None:
    missing = [path for path, _ in COMMANDS if f"`{path}" not in README]
    assert not missing


def test_every_option_is_where_the_readme_speaks_of_its_command() -> None:
    passages = _passages()
    missing = []
    for path, command in COMMANDS:
        about = " ".join(p for p in passages if re.search(rf"`{re.escape(path)}\b", p))
        missing += [f"{path} {names[-1]}" for names in _options(command) if not _named(names, about)]
    assert not missing
    assert all(_named(names, README) for names in _options(main))


def test_the_readme_and_the_help_list_every_format() -> None:
    suffixes = {f.value[0] for f in Format if f.value[0]}
    build = next(command for path, command in COMMANDS if path == "kg build")
    output_help = next(p.help for p in build.params if p.name == "output") or ""
    assert suffixes == set(re.findall(r"\.\w+", output_help))
    build_row = next(p for p in _passages() if p.startswith("| `kg build"))
    assert suffixes <= set(re.findall(r"\.\w+", build_row))
    assert all(f"`{f.name}`" in README for f in Format)
    query_row = next(p for p in _passages() if p.startswith("| `kg query"))
    assert all(name in query_row for name in QUERY_FORMATS)
