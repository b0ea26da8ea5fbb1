"""The `kg` command line: parses arguments, calls the library, turns its errors into one line."""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path

import click

from kg.errors import KgError
from kg.nlp import DEFAULT_MODEL
from kg.store import DEFAULT_STORE, Store

STORE_OPTION = click.option("--store", "store_path", type=click.Path(path_type=Path), default=DEFAULT_STORE,
                            show_default=True, help="Folder of the embedded on-disk store.")
GAZETTEER_OPTION = click.option("--gazetteer", "gazetteers", multiple=True,
                                type=click.Path(exists=True, dir_okay=False, path_type=Path),
                                help="Extra linking table (TSV: qid class label_fr label_en aliases); repeatable.")
ALL_RULES_OPTION = click.option("--all-rules", is_flag=True,
                                help="Write the facts of every rule family, also those that read right less than "
                                     "9 times in 10 and are off by default (kg/data/readings.yml).")


# Exit status of a build that skipped some articles but built the rest.
PARTIAL = 3
# kg.query.FORMATS, spelled here so that every command does not import the query machinery (a test keeps them equal).
QUERY_FORMATS = ("table", "csv", "tsv", "json", "xml", "turtle", "ntriples", "jsonld", "rdfxml")


class KgGroup(click.Group):
    """Turns library errors into one line on stderr and exit status 1 (a reader that closes the pipe early
    into a quiet exit 0); --debug shows tracebacks."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Abort, click.exceptions.Exit):
            raise
        except BrokenPipeError:
            # the reader has all it wanted (kg stats | head): stop quietly, and let nothing flush into the closed pipe
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise click.exceptions.Exit(0) from None
        except Exception as e:
            if ctx.params.get("debug"):
                raise
            raise click.ClickException(_one_line(e)) from e


def _one_line(error: Exception) -> str:
    """What a user needs of an error: kg's own message, the file and reason of an OS error, or the bug."""
    if isinstance(error, KgError):
        return str(error)
    if isinstance(error, OSError) and error.strerror:
        return f"{error.filename or ''}: {error.strerror}".lstrip(": ")
    return f"internal error ({type(error).__name__}: {error}); kg --debug shows where"


@click.group(cls=KgGroup)
@click.option("--debug", is_flag=True, help="Show full tracebacks and debug logging.")
@click.version_option(package_name="kg")
def main(debug: bool) -> None:
    """Turn French news articles into a typed, sourced RDF knowledge graph.

    \b
    Example:
      kg build examples/ -o out/sample.ttl
      kg query investments
    """
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING, format="%(levelname)s %(message)s")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@STORE_OPTION
@click.option("--memory", is_flag=True, help="Use a store in memory (nothing kept; use with -o).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the graph to FILE (.ttl .nt .nq .trig .jsonld .rdf .graphml .gexf .html .svg .png).")
@click.option("--model", default=DEFAULT_MODEL, show_default=True, help="spaCy model package.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Extraction processes on this machine (one model each); up to one per core.")
@click.option("--cluster", metavar="ADDRESS",
              help="Extract on a Dask cluster, e.g. tcp://scheduler:8786 (needs kg[cluster]); "
                   "the store stays here.")
@click.option("--strict", is_flag=True, help="A skipped article is an error (exit 1 instead of 3).")
@click.option("--force", is_flag=True, help="Extract every article again, even those that have not changed.")
@ALL_RULES_OPTION
@GAZETTEER_OPTION
def build(paths: tuple[Path, ...], store_path: Path, memory: bool, output: Path | None, model: str,
          workers: int, cluster: str | None, strict: bool, force: bool, all_rules: bool,
          gazetteers: tuple[Path, ...]) -> None:
    """Read articles (files or folders), extract, and add them to the store.

    Accepts .txt, .md, .html and .jsonl ({"id", "text"} per line).  An unchanged article is not
    extracted again; a changed one replaces its old facts, and so does every article when kg, the
    model, the gazetteer or kg's rules changed (or with --force).  Articles that cannot be read (binary,
    empty, malformed JSON line, too long) are skipped with their reason and the others built;
    the exit status is then 3 (1 with --strict).

    \b
    Example:
      kg build articles/ --store kg-store -o graph.ttl
    """
    from kg.console import progress_bar
    from kg.export import Format, export
    from kg.gazetteer import load_gazetteer
    from kg.pipeline import Report
    from kg.pipeline import build as run_build
    from kg.reader import count_documents

    fmt = Format.from_suffix(output) if output else None
    so_far = Report()

    def advance(report: Report) -> None:
        nonlocal so_far
        so_far = report
        bar.update(task, completed=report.done)

    try:
        store = Store(None if memory else store_path)
        with progress_bar() as bar:
            task = bar.add_task("articles", total=count_documents(paths) if not bar.disable else None)
            report = run_build(paths, store, model, load_gazetteer(gazetteers), workers, cluster, advance, force,
                               all_rules)
        for skipped in report.skipped:
            click.echo(f"skipped {skipped.source}: {skipped.reason}", err=True)
        click.echo(f"built {len(report.built)}, unchanged {len(report.unchanged)}, skipped {len(report.skipped)}; "
                   f"{len(store)} quads in {'memory' if memory else store_path}", err=True)
        if report.held_back:
            click.echo(f"{report.held_back} facts of rule families that read right less than 9 times in 10 were "
                       "left out (--all-rules writes them; README: Events, their roles and the rule families)", err=True)
        if output and fmt:
            export(store, fmt, output)
            click.echo(f"wrote {output}", err=True)
    except KeyboardInterrupt:
        click.echo(f"interrupted: {len(so_far.built)} articles were built and kept; run the same command to finish",
                   err=True)
        sys.exit(130)
    if any(skipped.article for skipped in report.skipped):  # a folder's other files are told, not failed
        sys.exit(1 if strict else PARTIAL)


@main.command()
@click.argument("ids", nargs=-1, required=True)
@STORE_OPTION
def remove(ids: tuple[str, ...], store_path: Path) -> None:
    """Retract articles by id: their facts go, entities other articles name stay.

    \b
    Example:
      kg remove s00-tiktok
    """
    from kg.triples import document_iri

    store = Store(store_path, create=False)
    missing = [doc_id for doc_id in ids if not store.remove_graph(document_iri(doc_id))]
    store.flush()
    click.echo(f"removed {len(ids) - len(missing)} of {len(ids)}", err=True)
    if missing:
        raise KgError(f"not in the store: {', '.join(missing)}")


@main.command()
@click.argument("url")
@STORE_OPTION
def push(url: str, store_path: Path) -> None:
    """Send the graph, one named graph per article, to a SPARQL 1.1 Graph Store Protocol endpoint.

    Works with Oxigraph server (/store), Apache Jena Fuseki (/DATASET/data), GraphDB, Virtuoso
    (/sparql-graph-crud) and Amazon Neptune; a graph of the same name is replaced.

    \b
    Example:
      kg push http://localhost:7878/store
    """
    from kg.remote import push as send

    count = send(Store(store_path, create=False, read_only=True), url)
    click.echo(f"pushed {count} graphs to {url}", err=True)


@main.command()
@STORE_OPTION
def stats(store_path: Path) -> None:
    """Counts: documents, entities and events by class, triples, store size.

    \b
    Example:
      kg stats --store kg-store
    """
    from kg.stats import store_stats

    for name, value in store_stats(Store(store_path, create=False, read_only=True), store_path):
        click.echo(f"{name:32} {value:>12}")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="JSON Lines file to write, one object per document.")
@click.option("--model", default=DEFAULT_MODEL, show_default=True, help="spaCy model package.")
@ALL_RULES_OPTION
@GAZETTEER_OPTION
def extract(paths: tuple[Path, ...], output: Path, model: str, all_rules: bool, gazetteers: tuple[Path, ...]) -> None:
    """Extraction only: mentions and triples per document, as JSON Lines.

    \b
    Example:
      kg extract articles.jsonl -o extracted.jsonl
    """
    from kg.export import atomic_output
    from kg.gazetteer import load_gazetteer
    from kg.pipeline import extract as run_extract
    from kg.reader import Skipped, read_documents
    from kg.triples import document_graph, entity_iri

    docs = []
    for item in read_documents(paths):
        if isinstance(item, Skipped):
            click.echo(f"skipped {item.source}: {item.reason}", err=True)
        else:
            docs.append(item)
    written = 0
    with atomic_output(output) as out:
        for x in run_extract(docs, model, load_gazetteer(gazetteers), all_rules=all_rules):
            if isinstance(x, Skipped):
                click.echo(f"skipped {x.source}: {x.reason}", err=True)
                continue
            written += 1
            mentions = sorted(({"start": m.start, "end": m.end, "text": m.text, "class": e.kind,
                                "entity": str(entity_iri(e.key)), "form": m.form} for e in x.entities for m in e.mentions),
                              key=lambda m: (m["start"], m["end"]))
            triples = [{"subject": s.n3(), "predicate": p.n3(), "object": o.n3()}
                       for s, p, o in sorted(document_graph(x))]
            record = {"id": x.document.id, "mentions": mentions, "triples": triples}
            out.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
    click.echo(f"wrote {written} documents to {output}", err=True)


@main.command()
@click.argument("query", required=False)
@STORE_OPTION
@click.option("--data", "data", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Query these RDF files instead of the store; repeatable.")
@click.option("--format", "fmt", type=click.Choice(QUERY_FORMATS),
              help="SELECT and ASK: table, csv, tsv, json or xml (default: table on a terminal, tsv when piped); "
                   "CONSTRUCT and DESCRIBE: turtle (default), ntriples, jsonld or rdfxml.")
@click.option("--endpoint", metavar="URL", help="Query this SPARQL endpoint instead of the store.")
@click.option("--list", "list_queries", is_flag=True, help="List the stored queries and exit.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Fill the query's 'VALUES ?NAME { UNDEF }' with VALUE; repeatable.")
def query(query: str | None, store_path: Path, data: tuple[Path, ...], fmt: str | None, endpoint: str | None,
          list_queries: bool, params: tuple[str, ...]) -> None:
    """Run SPARQL: a .rq file, the name of a stored query, or query text.

    \b
    Example:
      kg query investments
      kg query about-entity --param entity=TikTok
      kg query 'SELECT ?s WHERE { ?s a kg:Organization }' --format csv
    """
    from kg.query import bind, description, render, resolve_query, run_query, stored_queries

    if list_queries:
        for name, path in stored_queries().items():
            click.echo(f"{name:24} {description(path)}")
        return
    if not query:
        raise click.UsageError("give a QUERY (or --list)")
    if any("=" not in p for p in params):
        raise click.BadParameter("give NAME=VALUE", param_hint="--param")
    sparql = bind(resolve_query(query), dict(p.split("=", 1) for p in params))
    if endpoint:
        from kg.remote import query_endpoint

        result = query_endpoint(endpoint, sparql)
    else:
        store = Store.from_files(data) if data else Store(store_path, create=False, read_only=True)
        result = run_query(store, sparql)
    click.echo(render(result, fmt, terminal=sys.stdout.isatty()).rstrip("\n"))


@main.command()
@STORE_OPTION
@click.option("--data", "data", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Check these RDF files instead of the store; repeatable.")
def check(store_path: Path, data: tuple[Path, ...]) -> None:
    """Validate the graph: SHACL shapes (pyshacl) and the ontology (owlready2 with HermiT).

    Prints one line per problem (the node, its classes with the articles that give each, why) and
    exits 1 if there is any.  Without Java, HermiT is skipped and the ontology's disjoint classes,
    domains and ranges are still checked.

    \b
    Example:
      kg check --store kg-store
    """
    from kg.check import owl_check, shacl_check
    from kg.console import progress_bar, status

    store = Store.from_files(data) if data else Store(store_path, create=False, read_only=True)
    with progress_bar() as bar:
        task = bar.add_task("SHACL", total=len(store.graphs()) or 1)
        problems, graphs = shacl_check(store, lambda done: bar.update(task, completed=done))
    with status("ontology") as say:
        clashes, consistent = owl_check(store, say)
    for problem in problems + clashes:
        click.echo(str(problem))
    verdict = {True: "consistent" + (" without the nodes above" if clashes else ""), False: "inconsistent",
               None: "not run (no Java)"}[consistent]
    click.echo(f"SHACL on {graphs} graphs: {len(problems)} problems; ontology: {len(clashes)} problems; "
               f"HermiT: {verdict}", err=True)
    if problems or clashes:
        sys.exit(1)


@main.command("export")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(
    ["turtle", "ntriples", "nquads", "trig", "jsonld", "rdfxml", "graphml", "gexf", "csv", "html", "svg", "png"]))
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path),
              help="File to write (written atomically); a folder for csv.")
@STORE_OPTION
@click.option("--collapse-events", is_flag=True, help="Events as labelled edges between their main participants.")
@click.option("--around", metavar="NAME", help="Only the neighbourhood of this entity (label or alias).")
@click.option("--depth", type=click.IntRange(min=1), default=1, show_default=True, help="Steps around --around.")
@click.option("--class", "cls", metavar="CLASS", help="Only entities of this class (Organization, Person, ...).")
def export_command(fmt: str, output: Path, store_path: Path, collapse_events: bool, around: str | None,
                   depth: int, cls: str | None) -> None:
    """Write the graph in FORMAT.

    \b
    turtle, ntriples, rdfxml, jsonld   the whole graph (Protégé, triple stores; JSON-LD with ontology/context.jsonld)
    nquads, trig                       one named graph per article, provenance kept
    graphml, gexf                      entities and events as nodes (Gephi, Cytoscape, yEd)
    csv                                nodes.csv, edges.csv, facts.csv with sources (spreadsheets, pandas)
    html                               one interactive page: pan, zoom, search, click for facts
    svg, png                           a drawing, classes coloured, with a legend
    Example:
      kg export png -o tiktok.png --around TikTok --depth 2
    """
    from kg.console import status
    from kg.export import Format, View, export

    view = View(collapse_events, around, depth, cls)
    with status(f"exporting {fmt}") as say:
        export(Store(store_path, create=False, read_only=True), Format[fmt], output, view, say)
    click.echo(f"wrote {output}", err=True)


@main.group()
def graph() -> None:
    """Graph questions: central entities, chains of facts between two, communities.

    \b
    Example:
      kg graph path "TikTok" "Mike Pompeo"
    """


@graph.command()
@STORE_OPTION
@click.option("--class", "cls", metavar="CLASS", help="Only entities of this class.")
@click.option("--top", type=click.IntRange(min=1), default=20, show_default=True, help="How many to list.")
def central(store_path: Path, cls: str | None, top: int) -> None:
    """The most connected entities, by degree and PageRank (events collapsed into links).

    \b
    Example:
      kg graph central --class Organization --top 10
    """
    from kg.network import build_network
    from kg.questions import central as rank

    rows = rank(build_network(Store(store_path, create=False, read_only=True)), cls, top)
    click.echo(f"{'entity':40} {'class':16} {'degree':>6} {'pagerank':>9}")
    for label, klass, degree, pagerank in rows:
        click.echo(f"{label[:40]:40} {klass:16} {degree:6d} {pagerank:9.4f}")


@graph.command()
@click.argument("start")
@click.argument("end")
@STORE_OPTION
def path(start: str, end: str, store_path: Path) -> None:
    """The shortest chains of facts linking two entities, each step with its source sentence.

    \b
    Example:
      kg graph path "TikTok" "Mike Pompeo"
    """
    from kg.network import build_network
    from kg.questions import paths

    for n, steps in enumerate(paths(build_network(Store(store_path, create=False, read_only=True)), start, end), 1):
        click.echo(f"chain {n}:")
        for step in steps:
            click.echo(f"  {step.source} —{step.relation}→ {step.target}")
            if step.sentence:
                click.echo(f"      « {step.sentence} »")


@graph.command()
@STORE_OPTION
def communities(store_path: Path) -> None:
    """Clusters of entities that appear together (Louvain), largest first.

    \b
    Example:
      kg graph communities
    """
    from kg.network import build_network
    from kg.questions import communities as find

    for n, group in enumerate(find(build_network(Store(store_path, create=False, read_only=True))), 1):
        click.echo(f"{n:3d}. {', '.join(group)}")


@main.command()
@STORE_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback only by default).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port (0: any free one).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True,
              help="Seconds a query may run before it is stopped.")
@click.option("--max-result", "limit", type=click.IntRange(min=1), default=50_000_000, show_default=True,
              help="Largest answer in bytes.")
@click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True, help="Query processes.")
def serve(store_path: Path, host: str, port: int, timeout: float, limit: int, workers: int) -> None:
    """A read-only SPARQL 1.1 Protocol endpoint at /sparql and a web page at /.

    Answers SPARQL JSON, XML, CSV and TSV results and Turtle, N-Triples, JSON-LD and RDF/XML graphs
    by content negotiation (or ?format=json|xml|csv|tsv|turtle|ntriples|jsonld); refuses updates,
    LOAD, SERVICE and file: IRIs.

    \b
    Example:
      kg serve --store kg-store --port 8000
    """
    from kg.serve import make_server

    Store(store_path, create=False, read_only=True)  # a clear error now rather than on the first query
    server, pool = make_server(store_path, host, port, workers, timeout, limit)
    click.echo(f"serving {store_path} on http://{host}:{server.server_address[1]}/ (SPARQL at /sparql); "
               "Ctrl-C stops", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
    finally:
        server.server_close()
        pool.close()


@main.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--model", default=DEFAULT_MODEL, show_default=True, help="spaCy model package.")
@click.option("--show-errors", is_flag=True, help="List misses and false positives.")
@ALL_RULES_OPTION
@GAZETTEER_OPTION
def eval_command(gold: Path, model: str, show_errors: bool, all_rules: bool, gazetteers: tuple[Path, ...]) -> None:
    """Score extraction against a gold file: news gold.json, WiNER-fr, POPCORN or ASFALDA frames JSON Lines.

    \b
    Example:
      kg eval ../shared/corpus/dev/gold.json --show-errors
    """
    from kg.evaluate import documents_for, score, table
    from kg.gazetteer import load_gazetteer
    from kg.pipeline import extract as run_extract
    from kg.records import Extraction

    try:
        docs = documents_for(gold)
        extractions = [x for x in run_extract(docs, model, load_gazetteer(gazetteers), all_rules=all_rules)
                       if isinstance(x, Extraction)]
        scores = score(gold, extractions)
    except (ValueError, KeyError) as e:
        raise KgError(f"{gold}: not a gold file kg knows ({e})") from e
    click.echo(table(scores))
    if show_errors:
        for s in scores:
            for line in s.errors:
                click.echo(f"  [{s.name}] {line}")
