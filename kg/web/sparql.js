// kg serve: the "ask the graph" page.
// Everything shown comes from the graph, so it is written with textContent only
// (never innerHTML): a label such as "<img onerror=…>" stays text.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const state = { questions: [], question: null, prefixes: {} };
  const RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label";
  const MAX_GRAPH_NODES = 400;
  const XSD = "http://www.w3.org/2001/XMLSchema#";
  // Datatypes too common to be worth a label next to every value.
  const PLAIN_TYPES = new Set(["integer", "decimal", "double", "float", "boolean", "string", "date"]
    .map((name) => XSD + name));

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function compact(iri) {
    let best = null;
    for (const [prefix, ns] of Object.entries(state.prefixes)) {
      if (iri.startsWith(ns) && (!best || ns.length > best[1].length)) best = [prefix, ns];
    }
    return best ? best[0] + ":" + iri.slice(best[1].length) : iri;
  }

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error((await response.text()).trim() || response.statusText);
    return response.json();
  }

  async function init() {
    try {
      const info = await getJson("/api/info");
      state.prefixes = info.prefixes || {};
      $("graph-info").textContent = "Graph: " + info.graph + " · queries stop after " +
        info.limits.timeout + " s · at most " + info.limits.max_rows + " rows";
    } catch (err) {
      $("graph-info").textContent = "Could not read the server's info: " + err.message;
    }
    try {
      state.questions = await getJson("/api/cookbook");
      const select = $("question");
      for (const question of state.questions) {
        const option = el("option", question.title || question.name);
        option.value = question.name;
        select.appendChild(option);
      }
    } catch (err) {
      showError("Could not load the saved questions: " + err.message);
    }
    $("question").addEventListener("change", chooseQuestion);
    $("run").addEventListener("click", run);
    $("query").addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); run(); }
    });
  }

  function chooseQuestion() {
    const name = $("question").value;
    const params = $("params");
    params.replaceChildren();
    state.question = state.questions.find((q) => q.name === name) || null;
    $("question-description").textContent = state.question ? (state.question.description || "") : "";
    if (!state.question) return;
    $("query").value = state.question.text;
    for (const param of state.question.params || []) {
      const id = "param-" + param.name;
      const label = el("label", param.label || param.name);
      label.htmlFor = id;
      const input = document.createElement("input");
      input.id = id;
      input.name = param.name;
      input.dataset.param = param.name;
      if (param.default !== undefined && param.default !== null) input.value = String(param.default);
      if (param.description) {
        input.title = param.description;
        input.placeholder = param.description.split(":")[0];
      }
      input.required = Boolean(param.required);
      const wrapper = el("span");
      wrapper.append(label, input);
      params.appendChild(wrapper);
    }
  }

  function showError(message) {
    const box = $("error");
    box.textContent = message;
    box.hidden = false;
  }

  function clearResults() {
    for (const id of ["error", "truncated", "boolean", "graph-view", "results-table"]) $(id).hidden = true;
    $("results-table").tHead.replaceChildren();
    $("results-table").tBodies[0].replaceChildren();
    $("graph-view").replaceChildren();
    delete $("graph-view").dataset.nodes;
    delete $("graph-view").dataset.edges;
  }

  function buildRequest() {
    const accept = "application/sparql-results+json, application/ld+json;q=0.9";
    const question = state.question;
    if (question && $("query").value === question.text) {
      // A saved question: its parameters go to the server as values, which binds
      // them as RDF terms; nothing is pasted into the query text.
      const search = new URLSearchParams();
      for (const input of $("params").querySelectorAll("input[data-param]")) {
        if (input.value !== "") search.append(input.dataset.param, input.value);
        else if (input.required) throw new Error("Fill in “" + input.dataset.param + "” first.");
      }
      const url = "/api/ask/" + encodeURIComponent(question.name) + "?" + search.toString();
      return fetch(url, { headers: { Accept: accept } });
    }
    return fetch("/sparql", {
      method: "POST",
      headers: { Accept: accept, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ query: $("query").value }).toString(),
    });
  }

  async function run() {
    clearResults();
    const button = $("run");
    button.disabled = true;
    $("status").textContent = "Running…";
    const started = performance.now();
    try {
      const response = await buildRequest();
      const type = response.headers.get("Content-Type") || "";
      if (!response.ok) {
        showError("Error " + response.status + ": " + (await response.text()).trim());
        $("status").textContent = "";
        return;
      }
      const body = await response.json();
      if (response.headers.get("X-KG-Truncated") === "true") {
        const truncated = $("truncated");
        truncated.textContent = "Only the first " + (response.headers.get("X-KG-Max-Rows") || "") +
          " results are shown: the server cut the rest (kg serve --max-rows).";
        truncated.hidden = false;
      }
      let count;
      if (type.startsWith("application/sparql-results+json")) count = showSolutions(body);
      else if (type.startsWith("application/ld+json")) count = showGraph(body);
      else throw new Error("unexpected answer of type " + type);
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      $("status").textContent = count + " in " + seconds + " s";
    } catch (err) {
      showError(err.message);
      $("status").textContent = "";
    } finally {
      button.disabled = false;
    }
  }

  function termCell(term) {
    const td = el("td");
    if (!term) return td;
    if (term.type === "uri") {
      td.className = "iri";
      td.textContent = compact(term.value);
      td.title = term.value;
    } else {
      td.appendChild(el("span", term.value));
      if (term.datatype && !PLAIN_TYPES.has(term.datatype)) td.appendChild(el("span", compact(term.datatype), "datatype"));
      if (term["xml:lang"]) td.appendChild(el("span", "@" + term["xml:lang"], "datatype"));
    }
    return td;
  }

  function showSolutions(body) {
    if (typeof body.boolean === "boolean") {
      const box = $("boolean");
      box.textContent = "Answer: " + (body.boolean ? "yes (true)" : "no (false)");
      box.hidden = false;
      return "1 answer";
    }
    const vars = (body.head && body.head.vars) || [];
    const bindings = (body.results && body.results.bindings) || [];
    const table = $("results-table");
    const headRow = el("tr");
    for (const name of vars) headRow.appendChild(el("th", name));
    table.tHead.appendChild(headRow);
    const tbody = table.tBodies[0];
    for (const binding of bindings) {
      const row = el("tr");
      for (const name of vars) row.appendChild(termCell(binding[name]));
      tbody.appendChild(row);
    }
    table.hidden = false;
    return bindings.length + (bindings.length === 1 ? " row" : " rows");
  }

  // JSON-LD (expanded or with @graph) -> triples [{s, p, o}] with o a term.
  function triplesOf(body) {
    const nodes = Array.isArray(body) ? body : (body["@graph"] || [body]);
    const triples = [];
    const visit = (node) => {
      if (!node || typeof node !== "object" || !node["@id"]) return;
      for (const [key, values] of Object.entries(node)) {
        if (key === "@id" || key === "@context") continue;
        for (const value of [].concat(values)) {
          if (key === "@type") {
            triples.push({ s: node["@id"], p: "rdf:type", o: { type: "uri", value: String(value) } });
          } else if (value && typeof value === "object" && "@id" in value) {
            triples.push({ s: node["@id"], p: key, o: { type: "uri", value: value["@id"] } });
            if (Object.keys(value).length > 1) visit(value);
          } else if (value && typeof value === "object" && "@value" in value) {
            triples.push({ s: node["@id"], p: key,
              o: { type: "literal", value: String(value["@value"]), datatype: value["@type"],
                   "xml:lang": value["@language"] } });
          } else if (value !== null && typeof value !== "object") {
            triples.push({ s: node["@id"], p: key, o: { type: "literal", value: String(value) } });
          }
        }
      }
    };
    nodes.forEach(visit);
    return triples;
  }

  function isLabel(predicate) {
    return predicate === RDFS_LABEL || predicate === "rdfs:label" || predicate === "label";
  }

  function showGraph(body) {
    const triples = triplesOf(body);
    const labels = new Map();
    for (const t of triples) if (isLabel(t.p) && !labels.has(t.s)) labels.set(t.s, t.o.value);
    const nodes = new Map();
    const edges = [];
    const addNode = (id) => {
      if (!nodes.has(id) && nodes.size < MAX_GRAPH_NODES) {
        nodes.set(id, { data: { id: id, label: labels.get(id) || compact(id) } });
      }
      return nodes.has(id);
    };
    for (const t of triples) {
      if (!addNode(t.s)) continue;
      if (t.o.type === "uri" && t.p !== "rdf:type" && t.p !== "@type") {
        if (!addNode(t.o.value)) continue;
        edges.push({ data: { id: "e" + edges.length, source: t.s, target: t.o.value,
                             label: compact(t.p) } });
      }
    }
    const view = $("graph-view");
    view.hidden = false;
    view.dataset.nodes = String(nodes.size);
    view.dataset.edges = String(edges.length);
    if (typeof window.cytoscape === "function" && nodes.size > 0) {
      window.cytoscape({
        container: view,
        elements: [...nodes.values(), ...edges],
        layout: { name: "cose", animate: false },
        style: [
          { selector: "node", style: { label: "data(label)", "font-size": 10, "background-color": "#2456a6",
                                        width: 14, height: 14, color: "#1d2330" } },
          { selector: "edge", style: { label: "data(label)", "font-size": 8, width: 1.2,
                                        "curve-style": "bezier", "target-arrow-shape": "triangle",
                                        "line-color": "#9aa5b8", "target-arrow-color": "#9aa5b8",
                                        color: "#5b6475" } },
        ],
      });
    }
    // The triples as a table too: readable without the picture, and copyable.
    const table = $("results-table");
    const headRow = el("tr");
    for (const name of ["subject", "predicate", "object"]) headRow.appendChild(el("th", name));
    table.tHead.appendChild(headRow);
    for (const t of triples) {
      const row = el("tr");
      row.appendChild(termCell({ type: "uri", value: t.s }));
      row.appendChild(termCell({ type: "uri", value: t.p }));
      row.appendChild(termCell(t.o));
      table.tBodies[0].appendChild(row);
    }
    table.hidden = false;
    return triples.length + (triples.length === 1 ? " triple" : " triples");
  }

  document.addEventListener("DOMContentLoaded", init);
})();
