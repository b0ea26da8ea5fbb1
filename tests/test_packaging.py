"""A wheel installed in a fresh venv, as users install kg: stored queries, the ontology, every export."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from kg.export import Format
from kg.records import Amount, Document, Entity, Extraction, Fact, Mention, Sentence
from kg.store import Store
from kg.triples import document_graph, document_iri

ROOT = Path(__file__).resolve().parent.parent

# Run inside the fresh venv: every stored query and every export on the store, through kg's own CLI.
CHECKS = """
import sys
from click.testing import CliRunner
from kg.cli import main
from kg.export import Format
from kg.query import stored_queries

store, out = sys.argv[1], sys.argv[2]
runs = [["query", name, "--store", store, "--format", "json"] for name in stored_queries()]
runs += [["export", f.name, "-o", f"{out}/graph.{f.name}", "--store", store] for f in Format]
for args in runs:
    r = CliRunner().invoke(main, args)
    assert r.exit_code == 0, (args, r.output, r.exception)
print(len(runs))
"""


def _tiny_store(path: Path) -> None:
    text = "TikTok investit 300 millions d'euros en Europe."
    sentence = Sentence(0, len(text), text)
    tiktok = Entity("wd:Q48938223", "TikTok", "Organization", (Mention(0, 6, "TikTok", "Organization"),))
    europe = Entity("wd:Q46", "Europe", "Place", (Mention(40, 46, "Europe", "Place"),))
    fact = Fact("Investment", (("investor", tiktok.key), ("location", europe.key),
                               ("amount", Amount("EUR", value=Decimal(300_000_000)))), (sentence,), "investit", "test")
    extraction = Extraction(Document("tiny", text, "tiny.txt"), (sentence,), (tiktok, europe), (fact,))
    store = Store(path)
    store.replace_graph(document_iri("tiny"), document_graph(extraction))
    store.flush()
    store.close()


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A venv holding only the wheel of kg; its dependencies are seen through the test's own site-packages."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"  # a copy, so the build leaves nothing in the working tree
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "build")
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for folder in ("kg", "queries", "ontology"):
        shutil.copytree(ROOT / folder, source / folder, ignore=ignore)
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(work / "dist"),
                            str(source)], capture_output=True, text=True)
    if built.returncode != 0:
        pytest.skip(f"cannot build the wheel here: {built.stderr.strip().splitlines()[-1:]}")
    wheel = next((work / "dist").glob("kg-*.whl"))
    env = work / "venv"
    venv.create(env, with_pip=False)
    site = next((env / "lib").glob("python*/site-packages"))
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(env / "bin" / "python"), "install", "--no-deps",
                    "-q", str(wheel)], check=True, capture_output=True)
    return wheel


def test_the_wheel_holds_every_file_of_kg_the_queries_and_the_ontology(installed: Path) -> None:
    names = set(zipfile.ZipFile(installed).namelist())
    expected = {f"kg/{p.relative_to(ROOT / 'kg')}" for p in (ROOT / "kg").rglob("*")
                if p.is_file() and "__pycache__" not in p.parts}
    expected |= {f"kg/queries/{p.name}" for p in (ROOT / "queries").glob("*.rq")}
    expected |= {f"kg/ontology/{name}" for name in ("kg.ttl", "shapes.ttl", "context.jsonld")}
    assert expected <= names, sorted(expected - names)


def test_the_installed_kg_lists_and_runs_every_stored_query_and_export(installed: Path, tmp_path: Path) -> None:
    env = installed.parent.parent / "venv" / "bin"
    listed = subprocess.run([str(env / "kg"), "query", "--list"], capture_output=True, text=True, cwd=tmp_path,
                            check=True).stdout
    assert {line.split()[0] for line in listed.splitlines()} == {p.stem for p in (ROOT / "queries").glob("*.rq")}
    _tiny_store(tmp_path / "store")
    (tmp_path / "out").mkdir()
    checked = subprocess.run([str(env / "python"), "-c", CHECKS, str(tmp_path / "store"), str(tmp_path / "out")],
                             capture_output=True, text=True, cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert int(checked.stdout) == len(list((ROOT / "queries").glob("*.rq"))) + len(Format)
    where = subprocess.run([str(env / "python"), "-c", "import kg; print(kg.__file__)"], capture_output=True,
                           text=True, cwd=tmp_path, check=True).stdout
    assert where.startswith(str(installed.parent.parent / "venv")), where  # the wheel's kg, not the checkout's
