"""Formats: choosing one, the JSON writers (files are written by :func:`kg.rdfio.atomic_write`).

GraphML, GEXF and DOT (written by :mod:`kg.export.markup`) hold scalar
attributes only, so :func:`scalar_value` joins lists ("; ") and evidence items
(one line each), and the control characters XML 1.0 cannot carry are dropped.
JSON formats keep lists and evidence items.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import networkx as nx

from kg.errors import OutputError
from kg.rdfio import atomic_write

#: format name -> file suffixes that select it.
FORMATS: dict[str, tuple[str, ...]] = {
    "graphml": (".graphml",),
    "gexf": (".gexf",),
    "cytoscape": (".cyjs",),
    "json": (".json",),
    "dot": (".dot", ".gv"),
    "html": (".html", ".htm"),
    "png": (".png",),
    "svg": (".svg",),
}
FORMAT_ALIASES = {"cyjs": "cytoscape", "node-link": "json", "graphviz": "dot", "htm": "html", "gv": "dot"}

#: Characters XML 1.0 forbids (and that have no business in a label anyway).
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def format_for(path: Path, name: str | None) -> str:
    """The format named by ``--format`` or, failing that, by the file suffix."""
    if name:
        key = name.strip().lower().lstrip(".")
        key = FORMAT_ALIASES.get(key, key)
        if key in FORMATS:
            return key
        raise OutputError(f"unknown format {name!r}; known: {', '.join(FORMATS)}")
    suffix = path.suffix.lower()
    for fmt, suffixes in FORMATS.items():
        if suffix in suffixes:
            return fmt
    known = ", ".join(s for suffixes in FORMATS.values() for s in suffixes)
    raise OutputError(f"cannot tell the format of {path.name!r} from its suffix (known: {known}); use --format")


def clean_text(value: str) -> str:
    """``value`` without the control characters XML cannot hold."""
    return CONTROL.sub("", value)


def evidence_lines(items: list[dict[str, Any]]) -> str:
    """Evidence or statements as text, one ``sentence [document, date]`` per line."""
    lines = []
    for item in items:
        where = ", ".join(str(item[k]) for k in ("document", "date") if item.get(k))
        text = " ".join(str(item.get("text", "")).split())
        lines.append(f"{text} [{where}]" if where else text)
    return "\n".join(lines)


def scalar_value(value: Any) -> str:
    """A list, set or evidence list as one string (for GraphML, GEXF and DOT)."""
    kind = type(value)
    if kind is str:
        return value
    if kind is list or kind is tuple or kind is set or kind is frozenset:
        items = sorted(value, key=str) if kind is set or kind is frozenset else value
        try:
            return "; ".join(items)  # the common case: a list of strings
        except TypeError:
            pass
        if all(isinstance(i, dict) for i in items):
            return evidence_lines(items)
        return "; ".join(str(i) for i in items)
    return str(value)


def edge_label(data: dict[str, Any]) -> str:
    """What an edge says in a picture: the relation, and the title if any."""
    relation = str(data.get("relation", ""))
    return clean_text(f"{relation} ({data['title']})" if data.get("title") else relation)


def node_size(mentions: Any, base: float, step: float) -> float:
    """A node's size grows with the square root of its mentions."""
    try:
        m = max(float(mentions), 0.0)
    except (TypeError, ValueError):
        m = 0.0
    return base + step * m ** 0.5


def cytoscape_elements(graph: nx.MultiDiGraph, structured: bool) -> dict[str, list[dict[str, Any]]]:
    """Cytoscape.js ``elements``: node data has ``id``/``name``/``label``; edge
    data ``id``/``source``/``target``/``interaction``.  With ``structured``
    evidence stays a list of objects (for kg's page); without, each item is one
    string (Cytoscape desktop reads lists of strings)."""
    nodes = []
    for node, data in graph.nodes(data=True):
        item = {"id": node, "name": data.get("label", node), **data}
        if not structured:
            _flatten_evidence(item)
        nodes.append({"data": item})
    edges = []
    for index, (u, v, key, data) in enumerate(graph.edges(keys=True, data=True)):
        item = {"id": f"e{index}", "source": u, "target": v, "interaction": str(key),
                "label": edge_label(data), **data}
        if not structured:
            _flatten_evidence(item)
        edges.append({"data": item})
    return {"nodes": nodes, "edges": edges}


def _flatten_evidence(item: dict[str, Any]) -> None:
    """Lists of evidence objects become lists of lines (Cytoscape desktop reads those)."""
    for name, value in item.items():
        if type(value) is list and value and isinstance(value[0], dict):
            item[name] = evidence_lines(value).split("\n")


def write_cytoscape(graph: nx.MultiDiGraph, path: Path) -> None:
    doc = {
        "format_version": "1.0",
        "generated_by": "kg",
        "target_cytoscapejs_version": "~3.34",
        "data": {k: v for k, v in graph.graph.items()},
        "elements": cytoscape_elements(graph, structured=False),
    }
    atomic_write(path, lambda out: write_json(doc, out, depth=3))


def write_node_link(graph: nx.MultiDiGraph, path: Path) -> None:
    """networkx's node-link JSON (``nx.node_link_graph(doc, edges="edges")`` reads it)."""
    doc = {
        "directed": True,
        "multigraph": True,
        "graph": graph.graph,
        "nodes": [{**data, "id": node} for node, data in graph.nodes(data=True)],
        "edges": [{**data, "source": u, "target": v, "key": key}
                  for u, v, key, data in graph.edges(keys=True, data=True)],
    }
    atomic_write(path, lambda out: write_json(doc, out, depth=2))


#: One encoder for every piece: compact, UTF-8, C-accelerated (an ``indent`` is not).
_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def write_json(doc: Any, out: IO[bytes], depth: int) -> None:
    """Write ``doc`` as JSON, one line per member down to ``depth`` levels: a node
    or edge per line, so the file reads and diffs well and encodes at C speed."""
    parts: list[str] = []
    for piece in _json_pieces(doc, depth, ""):
        parts.append(piece)
        if len(parts) >= 20_000:
            out.write("".join(parts).encode("utf-8"))
            parts.clear()
    parts.append("\n")
    out.write("".join(parts).encode("utf-8"))


def _json_pieces(value: Any, depth: int, indent: str) -> Iterator[str]:
    inner = indent + " "
    if depth and isinstance(value, dict) and value:
        yield "{"
        for index, (key, item) in enumerate(value.items()):
            yield f"{',' if index else ''}\n{inner}{_JSON.encode(str(key))}:"
            yield from _json_pieces(item, depth - 1, inner)
        yield f"\n{indent}}}"
    elif depth and isinstance(value, (list, tuple)) and value:
        yield "["
        for index, item in enumerate(value):
            yield f"{',' if index else ''}\n{inner}"
            yield from _json_pieces(item, depth - 1, inner)
        yield f"\n{indent}]"
    else:
        yield _JSON.encode(value)


def dot_quote(value: Any) -> str:
    """A DOT double-quoted string: backslash and quote escaped, newlines as \\n."""
    text = clean_text(str(value)).replace("\\", "\\\\").replace('"', '\\"')
    return '"' + text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n") + '"'
