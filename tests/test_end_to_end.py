"""The bundled sample through the real model: facts, SHACL, Turtle and GraphML read back."""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import networkx as nx
import pyshacl
import pytest
import rdflib
from rdflib import OWL, RDF, RDFS

from kg.vocab import KG, WD

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def built_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("built") / "store"
    subprocess.run([sys.executable, "-m", "kg", "build", str(DATA), "--store", str(store), "--all-rules"], check=True,
                   capture_output=True)
    return store


def labels(g: rdflib.Graph, node: object, prop: rdflib.URIRef) -> set[str]:
    return {str(g.value(o, RDFS.label)) for o in g.objects(node, prop)}


def events(g: rdflib.Graph, cls: rdflib.URIRef) -> list[rdflib.term.Node]:
    return list(g.subjects(RDF.type, cls))


def test_sample_facts(sample_graph: rdflib.Graph) -> None:
    g = sample_graph
    investments = events(g, KG.Investment)
    by_amount = {}
    for i in investments:
        a = g.value(i, KG.amount)
        by_amount[g.value(a, KG.value) or g.value(a, KG.minValue)] = i
    billion = by_amount[rdflib.Literal(Decimal(10**9))]
    assert labels(g, billion, KG.investor) == {"TikTok"}
    assert labels(g, billion, KG.location) == {"États-Unis"}
    assert (g.value(billion, KG.recipient), RDF.type, KG.Fund) in g
    europe = by_amount[rdflib.Literal(Decimal(300_000_000))]
    assert labels(g, europe, KG.location) == {"Europe"}
    [payment] = events(g, KG.Payment)
    assert labels(g, payment, KG.payer) == {"Instagram"}
    assert str(g.value(payment, KG.status)) == "reported"
    bans = events(g, KG.Ban)
    assert any(labels(g, b, KG.target) == {"TikTok"} and str(g.value(b, KG.status)) == "considered" for b in bans)
    speakers = set().union(*(labels(g, s, KG.speaker) for s in events(g, KG.Statement)))
    assert {"Mike Pompeo", "TikTok"} <= speakers
    tiktok = next(g.subjects(OWL.sameAs, WD.Q48938223))
    assert str(g.value(g.value(tiktok, KG.formerlyKnownAs), RDFS.label)) == "Musical.ly"
    pompeo = next(g.subjects(OWL.sameAs, WD.Q473239))
    assert "secrétaire d" in str(g.value(pompeo, KG.jobTitle))


def test_no_junk_entities(sample_extraction) -> None:
    junk = {"il", "elle", "ils", "elles", "c", "qu", "l", "d", "la", "le", "les", "un", "une", "ce", "cette"}
    for e in sample_extraction.entities:
        assert e.label.lower().strip("’'") not in junk, e.label
        assert not e.label.lower().startswith(("la ", "le ", "l'", "l’", "qu", "c’", "c'")), e.label


def test_mentions_share_entity_and_offsets(sample_extraction) -> None:
    text = sample_extraction.document.text
    tiktok = next(e for e in sample_extraction.entities if e.qid == "Q48938223")
    forms = {m.form for m in tiktok.mentions}
    assert {"name", "pronoun", "description"} <= forms
    for e in sample_extraction.entities:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text


def test_sample_conforms_to_shapes(sample_graph: rdflib.Graph) -> None:
    shapes = rdflib.Graph().parse(ROOT / "ontology" / "shapes.ttl")
    conforms, _, report = pyshacl.validate(sample_graph, shacl_graph=shapes)
    assert conforms, report


def test_business_events_conform_to_shapes_and_a_wrong_one_does_not() -> None:
    shapes = rdflib.Graph().parse(ROOT / "ontology" / "shapes.ttl")
    graph = _business_graph()
    conforms, _, report = pyshacl.validate(graph, shacl_graph=shapes)
    assert conforms, report
    for earnings in graph.subjects(rdflib.RDF.type, KG.Earnings):
        graph.set((earnings, KG.measure, rdflib.Literal("turnover")))
    assert not pyshacl.validate(graph, shacl_graph=shapes)[0]


def test_cli_build_query_export(tmp_path: Path) -> None:
    kg = [sys.executable, "-m", "kg"]
    store, ttl, gml = tmp_path / "store", tmp_path / "out.ttl", tmp_path / "out.graphml"
    run = subprocess.run([*kg, "build", str(DATA), "--store", str(store), "-o", str(ttl), "--all-rules"],
                         capture_output=True, text=True, check=True)
    assert "built 1" in run.stderr
    again = subprocess.run([*kg, "build", str(DATA), "--store", str(store), "--all-rules"], capture_output=True, text=True,
                           check=True)
    assert "built 0, unchanged 1" in again.stderr
    g = rdflib.Graph().parse(ttl)
    assert len(g) > 100
    if shutil.which("rapper"):
        subprocess.run(["rapper", "-q", "-c", "-i", "turtle", str(ttl)], check=True, capture_output=True)
    subprocess.run([*kg, "export", "graphml", "-o", str(gml), "--store", str(store)], check=True, capture_output=True)
    network = nx.read_graphml(gml)
    assert any(d.get("label") == "TikTok" and d.get("wikidata") == "Q48938223" for _, d in network.nodes(data=True))
    assert all(isinstance(v, (str, int, float)) for _, d in network.nodes(data=True) for v in d.values())
    assert network.number_of_edges() > 10
    out = subprocess.run([*kg, "query", "investments", "--store", str(store), "--format", "csv"],
                         capture_output=True, text=True, check=True).stdout
    assert "TikTok" in out and "300000000" in out


@pytest.mark.parametrize("args, message", [
    (["query", "SELEC nonsense"], "SPARQL syntax error"),
    (["query", "nope.rq"], "cannot read the query file"),
    (["build", "does-not-exist"], "no such file"),
    (["export", "graphml", "-o", "x.graphml", "--store", "no-store-here"], "no store here"),
])
def test_user_mistakes_get_one_line(tmp_path: Path, built_store: Path, args: list[str], message: str) -> None:
    store = ["--store", str(built_store)] if args[0] == "query" else []
    r = subprocess.run([sys.executable, "-m", "kg", *args, *store], capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode != 0
    assert message in r.stderr and "Traceback" not in r.stderr


def test_every_stored_query_gives_the_expected_answer_on_the_sample(sample_graph: rdflib.Graph) -> None:
    from kg.query import bind, description, run_query, stored_queries
    from kg.store import Store

    store = Store(None)
    store.replace_graph("https://w3id.org/kg-news/id/doc/sample", sample_graph)
    chain = rdflib.Graph()
    for child, parent in (("tiktok", "bytedance"), ("bytedance", "holding")):
        chain.add((rdflib.URIRef(f"urn:{child}"), KG.parentOrganization, rdflib.URIRef(f"urn:{parent}")))
        chain.add((rdflib.URIRef(f"urn:{child}"), RDFS.label, rdflib.Literal(child)))
    chain.add((rdflib.URIRef("urn:holding"), RDFS.label, rdflib.Literal("holding")))
    store.replace_graph("urn:doc:chain", chain)
    store.replace_graph("urn:doc:fire", _fire_graph())
    store.replace_graph("urn:doc:business", _business_graph())
    expected = {
        "about-entity": {("formerlyKnownAs", "Musical.ly"), ("Investment", "investor")},
        "bans-and-fines": {("Ban", "États-Unis", "TikTok", "considered")},
        "deals": {("Acquisition", "Safran", "Zodiac", "Fonds X", "10000000000", "EUR", "planned"),
                  ("Merger", "Agrial", "Eurial", "asserted"), ("Investment", "TikTok", "300000000", "planned")},
        "documents": {("s00-tiktok",), ("business",)},
        "legal": {("LegalAction", "Waymo", "Uber", "asserted"), ("Ban", "États-Unis", "TikTok", "considered")},
        "people-moves": {("Appointment", "Ada Roy", "Safran", "directrice générale", "asserted"),
                         ("Departure", "Max Roy", "Safran", "denied")},
        "results": {("Earnings", "Safran", "loss", "175000000", "EUR"), ("Layoff", "Safran", "900", "planned")},
        "entities-by-class": {("Person", "Mike Pompeo"), ("Country", "États-Unis"), ("Continent", "Europe")},
        "former-names": {("TikTok", "Musical.ly")},
        "holdings": {("pompiers", "échelle", "Les pompiers sont venus avec une échelle.")},
        "incidents": {("incendie", "Lyon", "pompiers")},
        "initiators": {("explosion", "incendie", "Une explosion a provoqué l'incendie.")},
        "interactions": {("police", "atOddsWith", "hommes")},
        "investments": {("TikTok", "300000000", "EUR", "Europe", "planned")},
        "ownership": {("tiktok", "bytedance"), ("tiktok", "holding"), ("bytedance", "holding")},
        "people-and-roles": {("Mike Pompeo", "secrétaire d’État américain")},
        "statements": {("Mike Pompeo",), ("TikTok",)},
    }
    queries = stored_queries()
    assert set(queries) == set(expected)
    for name, path in queries.items():
        assert description(path), name
        rows = [{str(row[v.value].value) for v in result.variables if row[v.value] is not None}
                for result in [run_query(store, path.read_text(encoding="utf-8"))] for row in result]
        for values in expected[name]:
            assert any(set(values) <= row for row in rows), (name, values)
    # about-entity, TikTok above (the entity in most facts here), about another entity named in any case
    about = bind(queries["about-entity"].read_text(encoding="utf-8"), {"entity": "safran"})
    rows = [{v.value: str(row[v.value].value) for v in result.variables if row[v.value] is not None}
            for result in [run_query(store, about)] for row in result]
    assert {row["about"] for row in rows} == {"Safran"}
    assert any(row["fact"] == "Acquisition" and row["other"] == "Zodiac" for row in rows), rows


def _fire_graph() -> rdflib.Graph:
    """An article's graph as kg writes it: a fire in Lyon, the firemen there with a ladder, the police arresting
    two men, an explosion that caused the fire."""
    from kg.records import Document, Entity, Extraction, Fact, Mention, Sentence
    from kg.triples import document_graph

    text = ("Un incendie a éclaté à Lyon. Les pompiers sont venus avec une échelle. La police a arrêté deux hommes. "
            "Une explosion a provoqué l'incendie.")
    ends = [i + 1 for i, c in enumerate(text) if c == "."]
    sentences = tuple(Sentence(a, b, text[a:b]) for a, b in zip([0] + [e + 1 for e in ends[:-1]], ends, strict=True))

    def entity(word: str, kind: str) -> Entity:
        start = text.index(word)
        key = word if kind == "City" else f"local:fire/{word}"
        return Entity(key, word, kind, (Mention(start, start + len(word), word, kind, "noun"),))
    fire, lyon, firemen, police, men, ladder, blast = (
        entity("incendie", "Incident"), entity("Lyon", "City"), entity("pompiers", "Group"),
        entity("police", "Organization"), entity("hommes", "Group"), entity("échelle", "Object"),
        entity("explosion", "Incident"))

    def fact(kind: str, one: Entity, other: Entity, sentence: Sentence) -> Fact:
        return Fact(kind, (("subject", one.key), ("object", other.key)), (sentence,), kind, "test", is_event=False)
    facts = (fact("locatedIn", fire, lyon, sentences[0]), fact("locatedIn", firemen, lyon, sentences[0]),
             fact("atOddsWith", police, men, sentences[2]), fact("controls", firemen, ladder, sentences[1]),
             fact("initiated", blast, fire, sentences[3]))
    return document_graph(Extraction(Document("fire", text, "fire.txt"), sentences,
                                     (fire, lyon, firemen, police, men, ladder, blast), facts))


def _business_graph() -> rdflib.Graph:
    """An article's graph as kg writes it, with an event of each business kind."""
    from decimal import Decimal

    from kg.records import Amount, Document, Entity, Extraction, Fact, Mention, Sentence, Value
    from kg.triples import document_graph

    names = {"Safran": "Organization", "Zodiac": "Organization", "Fonds X": "Fund", "Agrial": "Organization",
             "Eurial": "Organization", "Waymo": "Organization", "Uber": "Organization", "Ada Roy": "Person",
             "Max Roy": "Person"}
    text = " ".join(names) + "."
    sentence = Sentence(0, len(text), text)
    entities = {n: Entity(f"name:{n.lower()}", n, k, (Mention(text.index(n), text.index(n) + len(n), n, k),))
                for n, k in names.items()}
    key = {n: e.key for n, e in entities.items()}
    events = [("Acquisition", (("acquirer", key["Safran"]), ("acquired", key["Zodiac"]), ("seller", key["Fonds X"]),
                               ("amount", Amount("EUR", value=Decimal(10**10)))), "planned"),
              ("Merger", (("party", key["Agrial"]), ("party", key["Eurial"])), "asserted"),
              ("LegalAction", (("plaintiff", key["Waymo"]), ("defendant", key["Uber"])), "asserted"),
              ("Appointment", (("person", key["Ada Roy"]), ("organization", key["Safran"]),
                               ("title", Value("directrice générale", "fr"))), "asserted"),
              ("Departure", (("person", key["Max Roy"]), ("organization", key["Safran"])), "denied"),
              ("Earnings", (("organization", key["Safran"]), ("measure", Value("loss")),
                            ("amount", Amount("EUR", value=Decimal(175_000_000)))), "asserted"),
              ("Layoff", (("organization", key["Safran"]), ("count", Value(900))), "planned")]
    facts = tuple(Fact(kind, roles, (sentence,), kind, "test", status) for kind, roles, status in events)
    return document_graph(Extraction(Document("business", text, "business.txt"), (sentence,),
                                     tuple(entities.values()), facts))


def test_skipped_article_gives_its_reason_and_exit_status(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    shutil.copy(DATA / "s00-tiktok.txt", tmp_path / "in")
    (tmp_path / "in" / "empty.txt").write_text("")
    base = [sys.executable, "-m", "kg", "build", str(tmp_path / "in"), "--memory"]
    r = subprocess.run(base, capture_output=True, text=True)
    assert r.returncode == 3 and "empty.txt: empty" in r.stderr and "built 1" in r.stderr
    assert subprocess.run([*base, "--strict"], capture_output=True).returncode == 1


def test_a_folder_s_other_files_are_told_but_do_not_fail_the_build(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    shutil.copy(DATA / "s00-tiktok.txt", tmp_path / "in")
    (tmp_path / "in" / "gold.json").write_text("{}")
    r = subprocess.run([sys.executable, "-m", "kg", "build", str(tmp_path / "in"), "--memory", "--strict"],
                       capture_output=True, text=True)
    assert r.returncode == 0 and "gold.json: not an article" in r.stderr
    named = subprocess.run([sys.executable, "-m", "kg", "build", str(tmp_path / "in" / "gold.json"), "--memory"],
                           capture_output=True, text=True)
    assert named.returncode == 3  # a file the user names and kg cannot read is a skip


def test_same_graph_whatever_the_input_order(tmp_path: Path) -> None:
    from rdflib.compare import to_isomorphic

    from kg.pipeline import build
    from kg.store import Store

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("L'Autorité de la concurrence a infligé une amende de 5 millions d'euros à Apple.\n")
    b.write_text("Apple a été sanctionnée par l'Autorité de la concurrence, qui lui inflige 3 millions d'euros.\n")
    graphs = []
    for order in ([a, b], [b, a]):
        store = Store(None)
        build(order, store)
        g = rdflib.Graph()
        for t in store.triples():
            g.parse(data=f"{t.subject} {t.predicate} {t.object} .", format="nt")
        graphs.append(g)
    assert to_isomorphic(graphs[0]) == to_isomorphic(graphs[1])
    authorities = set(graphs[0].subjects(RDFS.label, rdflib.Literal("Autorité de la concurrence", lang="fr")))
    assert len(authorities) == 1  # one node for the organisation named in both articles


@pytest.mark.parametrize("fmt, parse_as", [("turtle", "turtle"), ("ntriples", "nt"), ("nquads", "nquads"),
                                           ("trig", "trig"), ("jsonld", "json-ld"), ("rdfxml", "xml")])
def test_every_rdf_export_reads_back(tmp_path: Path, built_store: Path, fmt: str, parse_as: str) -> None:
    out = tmp_path / f"graph.{fmt}"
    subprocess.run([sys.executable, "-m", "kg", "export", fmt, "-o", str(out), "--store", str(built_store)],
                   check=True, capture_output=True)
    g = rdflib.Dataset() if fmt in {"nquads", "trig"} else rdflib.Graph()
    g.parse(out, format=parse_as)
    assert len(g) > 100 or sum(len(c) for c in g.graphs()) > 100
    rapper_name = {"turtle": "turtle", "ntriples": "ntriples", "nquads": "nquads", "trig": "trig", "rdfxml": "rdfxml"}
    if shutil.which("rapper") and fmt in rapper_name:
        subprocess.run(["rapper", "-q", "-c", "-i", rapper_name[fmt], str(out)], check=True, capture_output=True)


def test_every_command_is_documented_with_an_example() -> None:
    from kg.cli import main

    for name, command in main.commands.items():
        assert command.help and "Example" in command.help, name


def test_graph_questions_from_the_command_line(built_store: Path) -> None:
    kg = [sys.executable, "-m", "kg", "graph"]
    chain = subprocess.run([*kg, "path", "tiktok", "Mike Pompeo", "--store", str(built_store)],
                           capture_output=True, text=True, check=True).stdout
    assert "Mike Pompeo" in chain and "«" in chain
    central = subprocess.run([*kg, "central", "--top", "3", "--store", str(built_store)],
                             capture_output=True, text=True, check=True).stdout
    assert central.splitlines()[1].startswith("TikTok")
    unknown = subprocess.run([*kg, "path", "TikTk", "Nobody", "--store", str(built_store)], capture_output=True, text=True)
    assert unknown.returncode == 1 and "did you mean TikTok" in unknown.stderr


def test_export_pictures_and_tables_from_the_command_line(built_store: Path, tmp_path: Path) -> None:
    kg = [sys.executable, "-m", "kg", "export"]
    subprocess.run([*kg, "png", "-o", str(tmp_path / "t.png"), "--around", "TikTok", "--depth", "2",
                    "--store", str(built_store)], check=True, capture_output=True)
    subprocess.run([*kg, "csv", "-o", str(tmp_path / "tables"), "--store", str(built_store)], check=True,
                   capture_output=True)
    assert (tmp_path / "t.png").stat().st_size > 10_000
    assert "Mike Pompeo" in (tmp_path / "tables" / "facts.csv").read_text(encoding="utf-8")


def _articles(folder: Path) -> None:
    folder.mkdir()
    text = (DATA / "s00-tiktok.txt").read_text(encoding="utf-8")
    for n, paragraph in enumerate(p for p in text.split("\n") if p.strip()):
        (folder / f"p{n:02d}.txt").write_text(paragraph * 3, encoding="utf-8")


def _dataset(store_path: Path) -> rdflib.Graph:
    from kg.store import Store

    g = rdflib.Graph()
    store = Store(store_path, read_only=True)
    for quad in store.quads():
        g.parse(data=f"{quad.subject} {quad.predicate} {quad.object} .", format="nt")
    return g


def _interrupt_after(build: list[str], store: Path, articles: int, sig: signal.Signals) -> tuple[int, str]:
    """Start a build, send ``sig`` once it has written ``articles`` more articles, return status and stderr."""
    proc = subprocess.Popen([build[0], "-m", "kg", "--debug", *build[3:], "--store", str(store)],
                            stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    done = 0
    for line in proc.stderr:  # type: ignore[union-attr]
        lines.append(line)
        done += line.startswith("INFO built ")
        if done >= articles:
            proc.send_signal(sig)
            break
    rest = proc.stderr.read()  # type: ignore[union-attr]
    proc.wait(120)
    return proc.returncode, "".join(lines) + rest


def test_builds_killed_at_random_points_resume_to_the_same_graph(tmp_path: Path) -> None:
    from rdflib.compare import to_isomorphic

    _articles(tmp_path / "in")
    killed, clean = tmp_path / "killed", tmp_path / "clean"
    build = [sys.executable, "-m", "kg", "build", str(tmp_path / "in")]
    rng = random.Random(7)
    for _ in range(3):  # each kill lands after one or two more articles
        _interrupt_after(build, killed, rng.randint(1, 2), signal.SIGKILL)
    status, err = _interrupt_after(build, killed, 1, signal.SIGINT)
    assert "KeyboardInterrupt" not in err, err
    if status == 130:
        assert "interrupted" in err
    else:  # the signal came as the last article was written: the build had finished
        assert "skipped 0;" in err, (status, err)
    subprocess.run([*build, "--store", str(killed)], check=True, capture_output=True)
    subprocess.run([*build, "--store", str(clean)], check=True, capture_output=True)
    assert to_isomorphic(_dataset(killed)) == to_isomorphic(_dataset(clean))



def test_syntax_errors_point_into_the_users_text(built_store: Path) -> None:
    r = subprocess.run([sys.executable, "-m", "kg", "query", "SELECT ?x WHERE {\n  ?x ?y\n}", "--store", str(built_store)],
                       capture_output=True, text=True)
    assert r.returncode == 1 and "line 3, column 2" in r.stderr


def test_an_unchanged_rebuild_never_loads_spacy(built_store: Path) -> None:
    code = f"""
import sys
from click.testing import CliRunner
from kg.cli import main
result = CliRunner().invoke(main, ["build", {str(DATA)!r}, "--store", {str(built_store)!r}, "--all-rules"])
assert result.exit_code == 0 and "unchanged 1" in result.output, result.output
print("spacy" in sys.modules)
"""
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert r.stdout.strip() == "False"


def test_counts_are_not_multiplied_by_the_articles_an_entity_is_in(sample_graph: rdflib.Graph) -> None:
    from kg.query import run_query, stored_queries
    from kg.store import Store

    store = Store(None)
    for n in range(3):
        store.replace_graph(f"https://w3id.org/kg-news/id/doc/copy-{n}", sample_graph)
    once = sum(int(o) for o in sample_graph.objects(next(sample_graph.subjects(OWL.sameAs, WD.Q48938223)),
                                                      KG.mentionCount))
    rows = run_query(store, stored_queries()["entities-by-class"].read_text(encoding="utf-8"))
    tiktok = next(r for r in rows if r["label"].value == "TikTok")  # type: ignore[union-attr]
    assert (int(tiktok["mentions"].value), int(tiktok["articles"].value)) == (3 * once, 3)
    investments = list(run_query(store, stored_queries()["investments"].read_text(encoding="utf-8")))
    assert len(investments) == len(list(sample_graph.subjects(RDF.type, KG.Investment)))


def test_stored_queries_grow_linearly_with_the_articles_an_entity_is_in(sample_graph: rdflib.Graph) -> None:
    """Without DISTINCT, k copies of an article give at most k times the rows: a join through the
    union of the article graphs would give k² or k³ of them (minutes on a real corpus)."""
    from kg.query import run_query, stored_queries
    from kg.store import Store

    stores = {1: Store(None), 5: Store(None)}
    for copies, store in stores.items():
        for n in range(copies):
            store.replace_graph(f"https://w3id.org/kg-news/id/doc/copy-{n}", sample_graph)
    for name, path in stored_queries().items():
        every_row = path.read_text(encoding="utf-8").replace("SELECT DISTINCT", "SELECT", 1)
        once, five = (len(list(run_query(stores[k], every_row))) for k in (1, 5))  # type: ignore[arg-type]
        assert five <= 5 * once, (name, once, five)


def test_union_triples_come_once_each(sample_graph: rdflib.Graph) -> None:
    from kg.store import Store

    store = Store(None)
    data = sample_graph.serialize(format="nt")
    slug = str(next(sample_graph.subjects(RDF.type, KG.Document))).rsplit("/", 1)[-1]
    for n in range(3):  # the same entities in three articles; each article's events, sentences... its own
        store.replace_graph(f"https://w3id.org/kg-news/id/doc/{slug}-{n}", data.replace(slug, f"{slug}-{n}"))
    triples = [str(t) for t in store.triples()]
    assert len(triples) == len(set(triples))
    assert set(triples) == {str(q.triple) for q in store.quads()}
