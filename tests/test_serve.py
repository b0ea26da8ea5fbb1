"""A live `kg serve` on loopback: a real SPARQL client, refusals, limits, and the web page in Chromium."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import rdflib
from SPARQLWrapper import CSV, JSON, JSONLD, N3, RDF, RDFXML, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from kg.serve import Refused, check_read_query, choose, is_lookup, is_update, media_type
from kg.store import Store

DATA = Path(__file__).parent / "data"
NEWS = Path(__file__).parent / "data-serve" / "wikinews.jsonl"
ARTIFACTS = Path(__file__).parent / "artifacts"
RUNAWAY = b"SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"  # past any time limit
HOSTILE = '<img src=x onerror="document.title=1">Acme <b>SA</b>'


@contextmanager
def serving(store: Path, *options: str) -> Iterator[str]:
    server = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", "0", *options],
                              stderr=subprocess.PIPE, text=True)
    line = server.stderr.readline()  # type: ignore[union-attr]
    url = re.search(r"http://[\d.]+:\d+/", line)
    assert url, line
    try:
        yield url.group(0)
    finally:
        server.terminate()
        server.wait(10)


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    store = tmp_path_factory.mktemp("serve") / "store"
    subprocess.run([sys.executable, "-m", "kg", "build", str(DATA), "--store", str(store), "--all-rules"], check=True,
                   capture_output=True)
    hostile = rdflib.Graph()
    hostile.add((rdflib.URIRef("https://w3id.org/kg-news/id/entity/hostile"), rdflib.RDFS.label,
                 rdflib.Literal(HOSTILE, lang="fr")))
    Store(store).replace_graph("https://w3id.org/kg-news/id/doc/hostile", hostile)
    with serving(store, "--timeout", "3", "--max-result", "20000") as url:
        yield url


@pytest.fixture(scope="module")
def news_endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A store of four Wikinews articles (CC BY 2.5, fr.wikinews.org) that never name TikTok."""
    store = tmp_path_factory.mktemp("news") / "store"
    subprocess.run([sys.executable, "-m", "kg", "build", str(NEWS), "--store", str(store), "--all-rules"], check=True,
                   capture_output=True)
    with serving(store) as url:
        yield url


def client(endpoint: str, query: str, fmt: str = JSON) -> SPARQLWrapper:
    sparql = SPARQLWrapper(endpoint + "sparql")
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    return sparql


def test_select_ask_construct_with_a_real_client(endpoint: str) -> None:
    rows = client(endpoint, "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                            "SELECT ?l WHERE { ?e rdfs:label ?l } ORDER BY ?l").queryAndConvert()
    assert "TikTok" in {b["l"]["value"] for b in rows["results"]["bindings"]}  # type: ignore[index]
    assert client(endpoint, "ASK { ?s ?p ?o }").queryAndConvert()["boolean"] is True  # type: ignore[index]
    turtle = client(endpoint, "CONSTRUCT WHERE { ?s a ?o } LIMIT 3", TURTLE).queryAndConvert()
    assert len(rdflib.Graph().parse(data=turtle, format="turtle")) == 3
    post = client(endpoint, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", CSV)
    post.setMethod("POST")
    assert post.queryAndConvert().decode().splitlines()[0] == "n"  # type: ignore[union-attr]


def fetch(url: str, data: bytes | None = None, headers: dict | None = None, method: str | None = None):
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as r:
            return r.status, dict(r.headers), r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read().decode()


def test_protocol_details(endpoint: str) -> None:
    status, headers, body = fetch(endpoint + "sparql", b"SELECT * WHERE { ?s ?p ?o } LIMIT 1",
                                  {"Content-Type": "application/sparql-query", "Accept": "text/tab-separated-values"})
    assert status == 200 and headers["Content-Type"] == "text/tab-separated-values" and "?s" in body.split("\n")[0]
    assert headers["Access-Control-Allow-Origin"] == "*"
    status, headers, _ = fetch(endpoint + "sparql", method="OPTIONS")
    assert status == 204 and "POST" in headers["Access-Control-Allow-Methods"]
    status, _, body = fetch(endpoint + "sparql?query=SELEC", headers={"Accept": "application/json"})
    assert status == 400 and "line 1" in body
    status, _, _ = fetch(endpoint + "sparql?query=ASK%7B%7D", headers={"Accept": "image/png"})
    assert status == 406


@pytest.mark.parametrize("query, word", [("INSERT DATA { <a> <b> <c> }", "Update"), ("LOAD <http://x>", "Update"),
                                         ("SELECT * WHERE { SERVICE <http://x> { ?s ?p ?o } }", "SERVICE"),
                                         ("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", "file:")])
def test_writes_and_reaching_out_are_refused(endpoint: str, query: str, word: str) -> None:
    sparql = client(endpoint, query)
    with pytest.raises((SPARQLWrapperException, urllib.error.HTTPError), match="403|Forbidden|refused"):
        sparql.queryAndConvert()
    status, _, body = fetch(endpoint + "sparql", f"update={query}".encode(),
                            {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 403 and "read-only" in body


def test_a_runaway_query_is_stopped_and_the_server_goes_on(endpoint: str) -> None:
    started = time.monotonic()
    status, _, body = fetch(endpoint + "sparql", RUNAWAY, {"Content-Type": "application/sparql-query"})
    assert status == 503 and "stopped" in body and time.monotonic() - started < 20
    status, _, body = fetch(endpoint + "sparql", b"SELECT * WHERE { ?s ?p ?o }",
                            {"Content-Type": "application/sparql-query"})
    assert status == 413 and "LIMIT" in body  # larger than --max-result
    status, _, _ = fetch(endpoint + "sparql?query=ASK%7B%7D")
    assert status == 200
    # the answer reaches a client still sending (it used to get a broken pipe a few times in a hundred)
    for _ in range(100):
        status, _, _ = fetch(endpoint + "sparql", b"x" * 2_000_000, {"Content-Type": "application/sparql-query"})
        assert status == 413


def test_a_lookup_is_answered_while_every_query_process_is_busy(endpoint: str) -> None:
    busy = [threading.Thread(target=fetch, args=(endpoint + "sparql", RUNAWAY,
                                                  {"Content-Type": "application/sparql-query"})) for _ in range(2)]
    for thread in busy:
        thread.start()
    time.sleep(0.5)
    started = time.monotonic()
    status, _, body = fetch(endpoint + "sparql?query=" + urllib.parse.quote("ASK { ?s rdfs:label ?o }"),
                            headers={"Accept": "application/sparql-results+json"})
    assert status == 200 and '"boolean":true' in body and time.monotonic() - started < 1.5
    for thread in busy:
        thread.join()


@pytest.mark.parametrize("query, lookup", [
    ("ASK { ?s ?p ?o }", True), ("SELECT * WHERE { ?s rdfs:label \"TikTok\"@fr } LIMIT 5", True),
    ("PREFIX x: <http://x/> ASK WHERE { ?s x:p ?o . }", True), ("SELECT * WHERE { ?s ?p ?o }", False),
    ("SELECT * WHERE { ?s ?p ?o } LIMIT 1001", False), ("ASK { ?x ?p ?x }", False),
    ("SELECT DISTINCT ?p WHERE { ?s ?p ?o } LIMIT 5", False), ("ASK { ?s ?p ?o . ?o ?q ?r }", False),
    ("ASK { ?s <http://x/a>/<http://x/b> ?o }", False), ("SELECT * WHERE { ?s ?p ?o } LIMIT 5 OFFSET 9", False),
    ("SELECT * WHERE { ?s ?p ?o } ORDER BY ?o LIMIT 1", False), ("ASK { ?s ?p ?o } # }", False)])
def test_only_lookups_that_read_a_few_index_entries_skip_the_query_processes(query: str, lookup: bool) -> None:
    assert is_lookup(query) == lookup


READ_QUERIES_WITH_UPDATE_WORDS = [
    "SELECT ?add WHERE { BIND(1 AS ?add) }", "SELECT ?move ?load WHERE { BIND(1 AS ?move) BIND(2 AS ?load) }",
    "SELECT ?service WHERE { BIND(1 AS ?service) }", "PREFIX ex: <http://example.org/> ASK { ?s ex:create ?o }",
    'SELECT * WHERE { ?s ?p "DELETE me" . ?s <http://x/INSERT> ?o } # LOAD <http://x> SERVICE',
    "SELECT (COUNT(*) AS ?drop) WHERE { ?s <http://x/file:> ?o }"]


@pytest.mark.parametrize("query", READ_QUERIES_WITH_UPDATE_WORDS)
def test_read_queries_that_use_update_words_are_answered(endpoint: str, query: str) -> None:
    check_read_query(query)
    assert not is_update(query)
    status, _, body = fetch(endpoint + "sparql", query.encode(), {"Content-Type": "application/sparql-query"})
    assert status == 200, body


@pytest.mark.parametrize("query", ["DELETE WHERE { ?s ?p ?o }", "CLEAR ALL", "ADD DEFAULT TO <http://x>",
                                   "PREFIX ex: <http://x/> INSERT { ?s ex:p 1 } WHERE { SERVICE <http://x> {} }",
                                   "SELECT * WHERE { SERVICE SILENT <http://x> { ?s ?p ?o } }",
                                   "PREFIX f: <file:///etc/> SELECT * FROM f:passwd WHERE { ?s ?p ?o }"])
def test_updates_and_reaching_out_are_told_by_the_parser(endpoint: str, query: str) -> None:
    status, _, body = fetch(endpoint + "sparql", query.encode(), {"Content-Type": "application/sparql-query"})
    assert status == 403, body
    assert is_update(query) == ("Update" in body)


def test_a_parse_error_that_mentions_service_is_a_syntax_error() -> None:
    with pytest.raises(Refused) as refused:
        check_read_query("SELECT ?service WHERE {")
    assert refused.value.status == 400


def test_content_negotiation() -> None:
    offered = {"application/sparql-results+json": "", "text/csv": ""}
    assert choose("text/csv;q=0.9, application/sparql-results+json", offered) == "application/sparql-results+json"
    assert choose("*/*", offered) == "application/sparql-results+json"
    assert choose("image/png", offered) is None
    # a format= value that does not apply to the kind of result leaves the choice to Accept
    assert media_type(["xml"], "application/rdf+xml", graph=True) == "application/rdf+xml"
    assert media_type(["xml"], "*/*", graph=False) == "application/sparql-results+xml"
    assert media_type(["tsv", "text/tab-separated-values"], "*/*", graph=True) == "text/turtle"
    assert media_type(["turtle"], "text/csv", graph=False) == "text/csv"


QUERIES = {"SELECT": "SELECT ?s WHERE { ?s a ?c } LIMIT 2", "ASK": "ASK { ?s ?p ?o }",
           "CONSTRUCT": "CONSTRUCT WHERE { ?s a ?c } LIMIT 2",
           "DESCRIBE": "DESCRIBE ?s WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> \"TikTok\"@fr } LIMIT 1"}


@pytest.mark.parametrize("form", QUERIES)
@pytest.mark.parametrize("fmt", [JSON, XML, TURTLE, N3, RDF, RDFXML, CSV, TSV, JSONLD])
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_sparqlwrapper_every_form_in_every_return_format(endpoint: str, form: str, fmt: str, method: str) -> None:
    sparql = client(endpoint, QUERIES[form], fmt)
    sparql.setMethod(method)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # SPARQLWrapper warns of the formats it sends */* for
        result = sparql.query()
        converted = result.convert()
    assert result.response.status == 200
    media = result.info()["content-type"]
    if form in ("CONSTRUCT", "DESCRIBE"):
        wanted = {XML: "application/rdf+xml", RDFXML: "application/rdf+xml", RDF: "application/rdf+xml",
                  JSONLD: "application/ld+json", JSON: "application/ld+json"}.get(fmt, "text/turtle")
        assert media == wanted
        assert len(converted if isinstance(converted, rdflib.Graph) else rdflib.Graph().parse(
            data=converted, format="turtle")) > 0
    else:
        wanted = {XML: "application/sparql-results+xml", CSV: "text/csv", TSV: "text/tab-separated-values"}.get(
            fmt, "application/sparql-results+json")
        assert media == wanted and converted


def test_format_parameter(endpoint: str) -> None:
    construct = urllib.parse.quote("CONSTRUCT WHERE { ?s a ?c } LIMIT 2")
    status, headers, body = fetch(endpoint + f"sparql?format=rdfxml&query={construct}")
    assert status == 200 and headers["Content-Type"] == "application/rdf+xml"
    assert len(rdflib.Graph().parse(data=body, format="xml")) == 2
    status, _, body = fetch(endpoint + f"sparql?format=yaml&query={construct}")
    assert status == 406 and "rdfxml" in body


@pytest.fixture
def browser(tmp_path: Path) -> Iterator:
    if not (shutil.which("chromium") and shutil.which("chromedriver")):
        pytest.skip("needs chromium and chromium-driver")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1400,900"):
        options.add_argument(flag)
    options.binary_location = shutil.which("chromium")  # type: ignore[assignment]
    driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver")))
    try:
        yield driver
    finally:
        driver.quit()


def run_in_page(driver, query: str | None = None) -> None:  # noqa: ANN001
    """Run the query in the editor (or ``query``) and wait for its answer."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    if query is not None:
        driver.execute_script("document.getElementById('editor').value = arguments[0]", query)
    driver.execute_script("document.getElementById('status').textContent = ''")
    driver.find_element(By.ID, "run").click()
    WebDriverWait(driver, 60).until(lambda d: d.find_element(By.ID, "status").text not in ("", "…"))
    assert "error" not in (driver.find_element(By.ID, "status").get_attribute("class") or ""), \
        driver.find_element(By.ID, "status").text


def test_web_page_runs_a_stored_query_and_opens_an_entity(endpoint: str, browser) -> None:  # noqa: ANN001
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.select import Select
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(endpoint)
    wait = WebDriverWait(browser, 30)
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#stored option")) > 1)
    options_text = [o.text for o in browser.find_elements(By.CSS_SELECTOR, "#stored option")]
    Select(browser.find_element(By.ID, "stored")).select_by_visible_text(
        next(t for t in options_text if t.startswith("investments")))
    run_in_page(browser)
    assert "TikTok" in browser.find_element(By.ID, "results").text
    run_in_page(browser, "SELECT ?l WHERE { <https://w3id.org/kg-news/id/entity/hostile> "
                         "<http://www.w3.org/2000/01/rdf-schema#label> ?l }")
    assert HOSTILE in browser.find_element(By.ID, "results").text  # shown as text, not markup
    assert not browser.find_elements(By.CSS_SELECTOR, "#results img, #results b")
    assert browser.title != "1"
    run_in_page(browser, "SELECT ?e WHERE { ?e <http://www.w3.org/2002/07/owl#sameAs> "
                         "<http://www.wikidata.org/entity/Q48938223> }")
    link = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "a.entity")))
    wait.until(lambda d: link.text == "TikTok")  # a hand-written query's IRI shows its label
    link.click()
    wait.until(lambda d: d.find_element(By.ID, "entity").text == "TikTok")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#graph canvas"))
    time.sleep(0.5)
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "serve.png"))
    assert (ARTIFACTS / "serve.png").stat().st_size > 10_000


def test_web_page_on_a_store_without_tiktok(news_endpoint: str, browser) -> None:  # noqa: ANN001
    """The default query answers; every stored query's entities are links that open their neighbourhood."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.select import Select
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(news_endpoint)
    wait = WebDriverWait(browser, 60)
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#stored option")) > 1)
    run_in_page(browser)  # the query the page opens with
    assert browser.find_elements(By.CSS_SELECTOR, "#results tbody tr")
    names = [o.get_attribute("data-name") for o in browser.find_elements(By.CSS_SELECTOR, "#stored option")]
    answered = []
    for name in names:
        Select(browser.find_element(By.ID, "stored")).select_by_index(names.index(name))
        run_in_page(browser)
        if not browser.find_elements(By.CSS_SELECTOR, "#results tbody tr") or name == "documents":
            continue  # no rows on this store; documents name no entity
        answered.append(name)
        links = browser.find_elements(By.CSS_SELECTOR, "#results a.entity")
        assert links, f"{name}: no entity to click"
        assert not any(link.text == link.get_attribute("title").rsplit("/", 1)[1] for link in links[:20]), name
        label = links[0].text
        links[0].click()
        wait.until(lambda d, label=label: d.find_element(By.ID, "entity").text == label)
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#facts li q.source"))
        assert browser.find_elements(By.CSS_SELECTOR, "#graph canvas")
        assert label in browser.find_element(By.ID, "facts").text
    assert len(answered) >= 5, answered  # of the queries with rows on these articles (extraction may vary)
    run_in_page(browser, "SELECT ?e WHERE { ?e <http://www.w3.org/2002/07/owl#sameAs> ?w } LIMIT 5")
    links = browser.find_elements(By.CSS_SELECTOR, "#results a.entity")
    assert links
    wait.until(lambda d: not any(re.fullmatch(r"Q\d+", link.text) for link in links))  # labels, not Q90
