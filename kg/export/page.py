"""The interactive page: one self-contained, offline HTML file.

The template ``kg/web/graph-page.html`` gets three things inlined: the vendored
cytoscape.js (its MIT licence comment kept), the page title (HTML-escaped), and
the graph as JSON inside ``<script type="application/json">``.  The JSON has
``<``, ``>``, ``&`` and U+2028/2029 escaped, so no label can close the script
element; the page reads it with ``JSON.parse`` and renders text with
``textContent`` only.
"""
from __future__ import annotations

import html
import json
import re
from importlib import resources
from typing import Any

import networkx as nx

from kg.errors import OutputError
from kg.export.formats import cytoscape_elements, node_size
from kg.export.mapping import TYPE_COLOURS, most_connected

#: The page shows at most this many nodes unless ``--max-nodes`` says otherwise.
DEFAULT_MAX_NODES = 2000
CYTOSCAPE_FILE = "cytoscape-3.34.4.min.js"

_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_JSON_UNSAFE = re.compile("[<>&\u2028\u2029]")
_PLACEHOLDER = re.compile(r"\{\{KG_([A-Z_]+)\}\}")


def script_json(value: Any) -> str:
    """JSON that is safe inside a ``<script>`` element (and still plain JSON)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return _JSON_UNSAFE.sub(lambda m: _JSON_ESCAPES[m.group(0)], text)


def render_page(graph: nx.MultiDiGraph, title: str, max_nodes: int | None = None) -> str:
    """The page for ``graph``: its ``max_nodes`` most connected nodes (default 2,000)."""
    shown = most_connected(graph, DEFAULT_MAX_NODES if max_nodes is None else max_nodes)
    elements = cytoscape_elements(shown, structured=True)
    for node in elements["nodes"]:
        d = node["data"]
        d["colour"] = TYPE_COLOURS.get(str(d.get("type")), TYPE_COLOURS["Entity"])
        d["size"] = round(node_size(d.get("mentions", 0), 18, 9), 1)
    data = {
        "title": title,
        "colours": TYPE_COLOURS,
        "elements": elements,
        "truncated": bool(shown.graph.get("truncated")),
        "shown_nodes": shown.number_of_nodes(),
        "shown_edges": shown.number_of_edges(),
        "total_nodes": graph.graph.get("total_nodes", graph.number_of_nodes()),
        "total_edges": graph.graph.get("total_edges", graph.number_of_edges()),
    }
    values = {"TITLE": html.escape(title), "CYTOSCAPE": _cytoscape_source(), "DATA": script_json(data)}
    template = _read_web("graph-page.html")
    # one pass over the template: inserted text is never scanned for placeholders
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], template)


def _cytoscape_source() -> str:
    source = _read_web("vendor", CYTOSCAPE_FILE)
    if re.search(r"</script|<!--", source, re.IGNORECASE):
        raise OutputError(f"{CYTOSCAPE_FILE} contains '</script' or '<!--' and cannot be inlined")
    return source


def _read_web(*parts: str) -> str:
    path = resources.files("kg").joinpath("web", *parts)
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"kg's page files are missing ({'/'.join(parts)}): {exc.strerror}") from None
