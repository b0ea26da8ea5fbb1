// The web page of `kg serve`: a query editor with the stored queries, a results table, and a graph
// view of an entity and its neighbours where each fact shows its source sentence.
import cytoscape from "cytoscape";

const KG = "https://w3id.org/kg-news/ontology#";
const COLOURS = { Organization: "#1f77b4", Company: "#1f77b4", GovernmentBody: "#1f77b4",
  InternationalOrganization: "#1f77b4", Group: "#1f77b4", Person: "#d62728", Place: "#2ca02c", Country: "#2ca02c",
  City: "#2ca02c", Continent: "#2ca02c", Product: "#9467bd", Object: "#9467bd", Fund: "#8c564b", Incident: "#ff7f0e" };
const EVENTS = new Set(["Investment", "Payment", "Acquisition", "Fine", "Ban", "Statement"]);
const $ = (id) => document.getElementById(id);
const local = (iri) => iri.replace(/^.*[#/]/, "");

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
  if (queries.length) $("editor").value = queries[0].query;
}

function cell(term) {
  const td = document.createElement("td");
  if (!term) return td;
  if (term.type === "uri" && term.value.includes("/id/entity/")) {
    const a = document.createElement("a");
    a.href = "#";
    a.className = "entity";
    a.textContent = local(term.value);
    a.title = term.value;
    a.addEventListener("click", (e) => { e.preventDefault(); openEntity(term.value); });
    td.appendChild(a);
  } else {
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
    const head = table.createTHead().insertRow();
    for (const v of data.head.vars) {
      const th = document.createElement("th");
      th.textContent = v;
      head.appendChild(th);
    }
    const body = table.createTBody();
    for (const binding of data.results.bindings) {
      const row = body.insertRow();
      for (const v of data.head.vars) row.appendChild(cell(binding[v]));
    }
    $("status").textContent = `${data.results.bindings.length} rows`;
  } catch (error) {
    showError(error.message);
  }
}

const NEIGHBOURS = (iri) => `
PREFIX kg: <${KG}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?s ?p ?o ?sl ?ol ?sc ?oc ?text WHERE {
  { <${iri}> ?p ?o . BIND(<${iri}> AS ?s) }
  UNION { ?s ?p <${iri}> . BIND(<${iri}> AS ?o) }
  UNION { ?s ?r <${iri}> . ?s kg:status ?status . ?s ?p ?o }
  FILTER(isIRI(?o) && STRSTARTS(STR(?p), STR(kg:)) && ?p NOT IN (kg:source, kg:document, kg:amount))
  OPTIONAL { ?s rdfs:label ?sl } OPTIONAL { ?o rdfs:label ?ol }
  OPTIONAL { ?s a ?sc } OPTIONAL { ?o a ?oc }
  OPTIONAL { ?s kg:source/kg:text ?text }
  OPTIONAL { ?st a kg:RelationStatement ; <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> ?s ;
             <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> ?o ; kg:source/kg:text ?text }
} LIMIT 500`;

let graph = null;

async function openEntity(iri) {
  try {
    const data = await sparql(NEIGHBOURS(iri));
    const nodes = new Map(), edges = new Map();
    const node = (id, label, cls) => {
      const kind = cls ? local(cls) : "";
      // an event is named by its class: its label is a whole sentence
      const name = EVENTS.has(kind) ? kind : label || local(id);
      if (!nodes.has(id) || EVENTS.has(kind)) nodes.set(id, { data: { id, label: name, cls: kind } });
    };
    for (const b of data.results.bindings) {
      node(b.s.value, b.sl && b.sl.value, b.sc && b.sc.value);
      node(b.o.value, b.ol && b.ol.value, b.oc && b.oc.value);
      const id = `${b.s.value} ${b.p.value} ${b.o.value}`;
      edges.set(id, { data: { id, source: b.s.value, target: b.o.value, label: local(b.p.value),
        sentence: b.text ? b.text.value : "" } });
    }
    $("entity").textContent = (nodes.get(iri) || { data: { label: local(iri) } }).data.label;
    $("sentence").textContent = "Cliquer un lien pour sa phrase source / Click an edge for its source sentence";
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
      if (e.target.id().includes("/id/entity/") && e.target.id() !== iri) openEntity(e.target.id());
    });
  } catch (error) {
    showError(error.message);
  }
}

$("run").addEventListener("click", run);
$("editor").addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) run(); });
loadQueries().catch((error) => showError(error.message));
