// The web page of `kg serve`: a query editor with the stored queries, a results table, and a graph
// view of an entity and its neighbours where each fact shows its source sentence.
import cytoscape from "cytoscape";

const KG = "https://w3id.org/kg-news/ontology#";
const COLOURS = { Organization: "#1f77b4", Company: "#1f77b4", GovernmentBody: "#1f77b4",
  InternationalOrganization: "#1f77b4", Group: "#1f77b4", Person: "#d62728", Place: "#2ca02c", Country: "#2ca02c",
  City: "#2ca02c", Continent: "#2ca02c", Product: "#9467bd", Object: "#9467bd", Fund: "#8c564b", Incident: "#ff7f0e" };
const $ = (id) => document.getElementById(id);
const local = (iri) => iri.replace(/^.*[#/]/, "");
const isEntity = (iri) => iri.includes("/id/entity/");
const isEvent = (iri) => iri.includes("/id/event/");
const DEFAULT_QUERY = "entities-by-class"; // answers on any store: every store has entities
// A stored query gives an entity as two columns: ?x, its label, and ?xEntity, its IRI.
const COMPANION = "Entity";

async function sparql(query) {
  const response = await fetch("/sparql", {
    method: "POST",
    headers: { "Content-Type": "application/sparql-query", Accept: "application/sparql-results+json" },
    body: query,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(text);
  return JSON.parse(text);
}

function showError(message) {
  $("status").textContent = message;
  $("status").className = "error";
}

async function loadQueries() {
  const queries = await (await fetch("/queries")).json();
  for (const q of queries) {
    const option = document.createElement("option");
    option.value = q.query;
    option.textContent = `${q.name} — ${q.description}`;
    option.dataset.name = q.name;
    $("stored").appendChild(option);
  }
  $("stored").addEventListener("change", (e) => { $("editor").value = e.target.value; });
  const first = queries.find((q) => q.name === DEFAULT_QUERY) || queries[0];
  if (first) {
    $("stored").value = first.query;
    $("editor").value = first.query;
  }
}

// The label of each entity IRI, read from the store in one query.
async function labels(iris) {
  const found = new Map();
  if (!iris.length) return found;
  const data = await sparql(`SELECT ?e (SAMPLE(?l) AS ?label) WHERE {
    VALUES ?e { ${iris.map((iri) => `<${iri}>`).join(" ")} }
    ?e <http://www.w3.org/2000/01/rdf-schema#label> ?l } GROUP BY ?e`);
  for (const b of data.results.bindings) found.set(b.e.value, b.label.value);
  return found;
}

function entityLink(iri, text) {
  const a = document.createElement("a");
  a.href = "#";
  a.className = "entity";
  a.textContent = text;
  a.title = iri;
  a.dataset.iri = iri;
  a.addEventListener("click", (e) => { e.preventDefault(); openEntity(iri); });
  return a;
}

// A cell: an entity is a link showing its label (its label column's, or the store's once read).
function cell(term, iri, unlabelled) {
  const td = document.createElement("td");
  if (iri && term) {
    td.appendChild(entityLink(iri.value, term.value));
  } else if (term && term.type === "uri" && isEntity(term.value)) {
    const link = entityLink(term.value, local(term.value));
    unlabelled.push(link);
    td.appendChild(link);
  } else if (term) {
    td.textContent = term.value;
  }
  return td;
}

async function run() {
  $("status").textContent = "…";
  $("status").className = "";
  try {
    const data = await sparql($("editor").value);
    const table = $("results");
    table.replaceChildren();
    if (data.boolean !== undefined) {
      $("status").textContent = String(data.boolean);
      return;
    }
    const vars = data.head.vars;
    const shown = vars.filter((v) => !(v.endsWith(COMPANION) && vars.includes(v.slice(0, -COMPANION.length))));
    const head = table.createTHead().insertRow();
    for (const v of shown) {
      const th = document.createElement("th");
      th.textContent = v;
      head.appendChild(th);
    }
    const body = table.createTBody();
    const unlabelled = [];
    for (const binding of data.results.bindings) {
      const row = body.insertRow();
      for (const v of shown) row.appendChild(cell(binding[v], binding[v + COMPANION], unlabelled));
    }
    const named = await labels([...new Set(unlabelled.map((a) => a.dataset.iri))].slice(0, 1000));
    for (const a of unlabelled) if (named.has(a.dataset.iri)) a.textContent = named.get(a.dataset.iri);
    $("status").textContent = `${data.results.bindings.length} rows`;
  } catch (error) {
    showError(error.message);
  }
}

// The entity's facts: its own edges, and the events it takes part in with their other roles;
// each with the labels and classes of both ends and a source sentence.
const NEIGHBOURS = (iri) => `
PREFIX kg: <${KG}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT ?s ?p ?o (SAMPLE(?sl0) AS ?sl) (SAMPLE(?ol0) AS ?ol) (SAMPLE(?sc0) AS ?sc) (SAMPLE(?oc0) AS ?oc)
       (SAMPLE(?text0) AS ?text) WHERE {
  { SELECT DISTINCT ?s ?p ?o WHERE {
      { <${iri}> ?p ?o . BIND(<${iri}> AS ?s) }
      UNION { ?s ?p <${iri}> . BIND(<${iri}> AS ?o) }
      UNION { ?s ?r <${iri}> ; kg:status ?status ; ?p ?o }
      FILTER(isIRI(?o) && STRSTARTS(STR(?p), "${KG}") && ?p NOT IN (kg:source, kg:document, kg:amount))
    } LIMIT 300 }
  OPTIONAL { ?s rdfs:label ?sl0 } OPTIONAL { ?o rdfs:label ?ol0 }
  OPTIONAL { ?s a ?sc0 } OPTIONAL { ?o a ?oc0 }
  OPTIONAL { { ?s kg:source/kg:text ?text0 }
             UNION { ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:source/kg:text ?text0 } }
} GROUP BY ?s ?p ?o`;

let graph = null;

// The entity's facts as text, each with its source sentence.
function showFacts(edges, nodes) {
  const list = $("facts");
  list.replaceChildren();
  for (const edge of edges) {
    const li = document.createElement("li");
    const fact = document.createElement("span");
    fact.textContent = `${nodes.get(edge.source).data.label} — ${edge.label} → ${nodes.get(edge.target).data.label}`;
    li.appendChild(fact);
    if (edge.sentence) {
      const sentence = document.createElement("q");
      sentence.className = "source";
      sentence.textContent = edge.sentence;
      li.appendChild(sentence);
    }
    list.appendChild(li);
  }
}

async function openEntity(iri) {
  try {
    const data = await sparql(NEIGHBOURS(iri));
    const nodes = new Map(), edges = new Map();
    const node = (id, label, cls) => {
      // an event is named by its class: its label is a whole sentence
      const name = isEvent(id) && cls ? local(cls) : label || local(id);
      if (!nodes.has(id)) nodes.set(id, { data: { id, label: name, cls: cls ? local(cls) : "" } });
    };
    for (const b of data.results.bindings) {
      node(b.s.value, b.sl && b.sl.value, b.sc && b.sc.value);
      node(b.o.value, b.ol && b.ol.value, b.oc && b.oc.value);
      const id = `${b.s.value} ${b.p.value} ${b.o.value}`;
      edges.set(id, { data: { id, source: b.s.value, target: b.o.value, label: local(b.p.value),
        sentence: b.text ? b.text.value : "" } });
    }
    const own = nodes.get(iri);
    $("entity").textContent = own ? own.data.label : (await labels([iri])).get(iri) || local(iri);
    $("sentence").textContent = "Cliquer un lien pour sa phrase source / Click an edge for its source sentence";
    showFacts([...edges.values()].map((e) => e.data), nodes);
    if (graph) graph.destroy();
    graph = cytoscape({
      container: $("graph"),
      elements: [...nodes.values(), ...edges.values()],
      style: [
        { selector: "node", style: { label: "data(label)", "font-size": 10, width: 14, height: 14,
          "background-color": (n) => COLOURS[n.data("cls")] || "#ff7f0e" } },
        { selector: `node[id = "${iri}"]`, style: { width: 24, height: 24, "border-width": 2, "border-color": "#000" } },
        { selector: "edge", style: { label: "data(label)", "font-size": 8, "curve-style": "bezier",
          "target-arrow-shape": "triangle", width: 1, "line-color": "#bbb", "target-arrow-color": "#bbb" } },
      ],
      layout: { name: "cose", animate: false, nodeRepulsion: () => 80000, idealEdgeLength: () => 90 },
    });
    graph.on("tap", "edge", (e) => {
      $("sentence").textContent = e.target.data("sentence") || "(pas de phrase source / no source sentence)";
    });
    graph.on("tap", "node", (e) => {
      if (isEntity(e.target.id()) && e.target.id() !== iri) openEntity(e.target.id());
    });
  } catch (error) {
    showError(error.message);
  }
}

$("run").addEventListener("click", run);
$("editor").addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) run(); });
loadQueries().catch((error) => showError(error.message));
