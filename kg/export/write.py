"""Write a networkx graph of the export in one of its formats (files, page, picture)."""
from __future__ import annotations

import re
from pathlib import Path

from kg.collector import gc_paused
from kg.errors import OutputError
from kg.export.formats import FORMATS, write_cytoscape, write_node_link
from kg.export.mapping import most_connected
from kg.export.markup import write_dot, write_gexf, write_graphml

#: A lone UTF-16 surrogate: Python text that no file encoding can hold.
_SURROGATE = re.compile("[\ud800-\udfff]")


def write(graph, output: Path, fmt: str, title: str = "kg graph", max_nodes: int | None = None) -> None:
    """Write ``graph`` to ``output`` in ``fmt`` (a key of FORMATS).

    Text no encoding can hold (a lone surrogate in a label from a broken source) is
    written as U+FFFD, so every format gives a valid file."""
    if fmt not in FORMATS:
        raise OutputError(f"unknown format {fmt!r}; known: {', '.join(FORMATS)}")
    with gc_paused():
        _write(_encodable(graph), output, fmt, title, max_nodes)


def _encodable(graph):
    """``graph``, or a copy of it whose texts hold no lone surrogate."""
    def clean(value):
        return _SURROGATE.sub("\ufffd", value) if isinstance(value, str) else value

    def dirty(attrs: dict) -> bool:
        return any(isinstance(v, str) and _SURROGATE.search(v) for v in attrs.values())

    if not (dirty(graph.graph) or any(dirty(a) for _, a in graph.nodes(data=True))
            or any(dirty(a) for *_, a in graph.edges(data=True))):
        return graph
    copy = graph.copy()
    for attrs in (copy.graph, *(a for _, a in copy.nodes(data=True)), *(a for *_, a in copy.edges(data=True))):
        for key, value in attrs.items():
            attrs[key] = clean(value)
    return copy


def _write(graph, output: Path, fmt: str, title: str, max_nodes: int | None) -> None:
    if fmt == "html":
        from kg.export.page import render_page
        from kg.rdfio import atomic_write

        page = render_page(graph, title, max_nodes).encode("utf-8")
        atomic_write(output, lambda out: out.write(page))
        return
    if fmt in ("png", "svg"):
        from kg.export.picture import write_picture

        write_picture(graph, output, fmt, title, max_nodes)
        return
    graph = most_connected(graph, max_nodes)
    writers = {"graphml": write_graphml, "gexf": write_gexf, "cytoscape": write_cytoscape,
               "json": write_node_link, "dot": write_dot}
    writers[fmt](graph, output)
