"""Writers for each export format, all atomic (temp file + ``os.replace``).

GraphML, GEXF and DOT hold scalar attributes only, so :func:`scalar_graph`
joins lists ("; ") and evidence items (one line each) and drops the control
characters XML 1.0 cannot carry.  JSON formats keep lists and evidence items.
"""
from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import networkx as nx

from kg.errors import OutputError
from kg.export.mapping import TYPE_COLOURS

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
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


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


def write_atomic(path: Path, write: Callable[[IO[bytes]], None]) -> None:
    """Call ``write`` on a temp file next to ``path``, then move it into place."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as out:
            write(out)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except OSError as exc:
        _remove(tmp)
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    except BaseException:
        _remove(tmp)
        raise


def _remove(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass


def clean_text(value: str) -> str:
    """``value`` without the control characters XML cannot hold."""
    return _CONTROL.sub("", value)


def evidence_lines(items: list[dict[str, Any]]) -> str:
    """Evidence or statements as text, one ``sentence [document, date]`` per line."""
    lines = []
    for item in items:
        where = ", ".join(str(item[k]) for k in ("document", "date") if item.get(k))
        text = " ".join(str(item.get("text", "")).split())
        lines.append(f"{text} [{where}]" if where else text)
    return "\n".join(lines)


def _scalar(value: Any) -> Any:
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, (list, tuple, set)):
        items = list(value)
        if items and all(isinstance(i, dict) for i in items):
            return clean_text(evidence_lines(items))
        return clean_text("; ".join(str(i) for i in items))
    return clean_text(str(value))


def scalar_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes are all str/int/float/bool, with an edge ``label``."""
    out = nx.MultiDiGraph()
    out.graph.update({k: _scalar(v) for k, v in graph.graph.items()})
    for node, data in graph.nodes(data=True):
        out.add_node(clean_text(node), **{k: _scalar(v) for k, v in data.items()})
    for u, v, key, data in graph.edges(keys=True, data=True):
        attrs = {k: _scalar(val) for k, val in data.items()}
        attrs["label"] = edge_label(data)
        out.add_edge(clean_text(u), clean_text(v), key=clean_text(str(key)), **attrs)
    return out


def edge_label(data: dict[str, Any]) -> str:
    """What an edge says in a picture: the relation, and the title if any."""
    relation = str(data.get("relation", ""))
    return clean_text(f"{relation} ({data['title']})" if data.get("title") else relation)


# -- the writers -------------------------------------------------------------

def write_graphml(graph: nx.MultiDiGraph, path: Path) -> None:
    scalar = scalar_graph(graph)
    write_atomic(path, lambda out: nx.write_graphml(scalar, out, encoding="utf-8"))


def write_gexf(graph: nx.MultiDiGraph, path: Path) -> None:
    scalar = scalar_graph(graph)
    for node, data in scalar.nodes(data=True):
        r, g, b = _rgb(TYPE_COLOURS.get(str(data.get("type")), TYPE_COLOURS["Entity"]))
        data["viz"] = {"color": {"r": r, "g": g, "b": b, "a": 1.0},
                       "size": float(node_size(data.get("mentions", 0), 4, 2))}
    for _, _, data in scalar.edges(data=True):  # GEXF edge 'type' means directedness
        data.pop("type", None)
    write_atomic(path, lambda out: nx.write_gexf(scalar, out, encoding="utf-8"))


def node_size(mentions: Any, base: float, step: float) -> float:
    """A node's size grows with the square root of its mentions."""
    try:
        m = max(float(mentions), 0.0)
    except (TypeError, ValueError):
        m = 0.0
    return base + step * m ** 0.5


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def cytoscape_elements(graph: nx.MultiDiGraph, structured: bool) -> dict[str, list[dict[str, Any]]]:
    """Cytoscape.js ``elements``: node data has ``id``/``name``/``label``; edge
    data ``id``/``source``/``target``/``interaction``.  With ``structured``
    evidence stays a list of objects (for kg's page); without, each item is one
    string (Cytoscape desktop reads lists of strings)."""
    nodes = []
    for node, data in graph.nodes(data=True):
        item = {"id": node, "name": data.get("label", node)}
        item.update({k: _json_value(v, structured) for k, v in data.items()})
        nodes.append({"data": item})
    edges = []
    for index, (u, v, key, data) in enumerate(graph.edges(keys=True, data=True)):
        item = {"id": f"e{index}", "source": u, "target": v, "interaction": str(key),
                "label": edge_label(data)}
        item.update({k: _json_value(val, structured) for k, val in data.items()})
        edges.append({"data": item})
    return {"nodes": nodes, "edges": edges}


def _json_value(value: Any, structured: bool) -> Any:
    if structured or not isinstance(value, list) or not value or not isinstance(value[0], dict):
        return value
    return evidence_lines(value).split("\n")


def write_cytoscape(graph: nx.MultiDiGraph, path: Path) -> None:
    doc = {
        "format_version": "1.0",
        "generated_by": "kg",
        "target_cytoscapejs_version": "~3.34",
        "data": {k: v for k, v in graph.graph.items()},
        "elements": cytoscape_elements(graph, structured=False),
    }
    _write_json(doc, path)


def write_node_link(graph: nx.MultiDiGraph, path: Path) -> None:
    _write_json(nx.node_link_data(graph, edges="edges"), path)


def _write_json(doc: Any, path: Path) -> None:
    data = json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")
    write_atomic(path, lambda out: out.write(data + b"\n"))


def dot_quote(value: Any) -> str:
    """A DOT double-quoted string: backslash and quote escaped, newlines as \\n."""
    text = clean_text(str(value)).replace("\\", "\\\\").replace('"', '\\"')
    return '"' + text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n") + '"'


def write_dot(graph: nx.MultiDiGraph, path: Path) -> None:
    import pydot

    dot = pydot.Dot(graph_name=dot_quote(graph.graph.get("name", "kg")), graph_type="digraph",
                    strict=False)
    dot.set("rankdir", "LR")
    dot.set("overlap", "false")
    dot.set_node_defaults(style="filled", fontname="Helvetica", shape="ellipse")
    dot.set_edge_defaults(fontname="Helvetica", fontsize="9")
    keep = ("type", "iri", "wikidata", "mentions", "identifier", "date")
    for node, data in graph.nodes(data=True):
        attrs = {k: dot_quote(data[k]) for k in keep if k in data}
        attrs["label"] = dot_quote(data.get("label", node))
        attrs["fillcolor"] = dot_quote(TYPE_COLOURS.get(str(data.get("type")), TYPE_COLOURS["Entity"]))
        dot.add_node(pydot.Node(dot_quote(node), **attrs))
    for u, v, key, data in graph.edges(keys=True, data=True):
        attrs = {"label": dot_quote(edge_label(data)), "relation": dot_quote(key)}
        for k in ("sources", "confidence", "title"):
            if k in data:
                attrs[k] = dot_quote(data[k])
        if data.get("documents"):
            attrs["documents"] = dot_quote("; ".join(data["documents"]))
        dot.add_edge(pydot.Edge(dot_quote(u), dot_quote(v), **attrs))
    text = dot.to_string()
    write_atomic(path, lambda out: out.write(text.encode("utf-8")))
