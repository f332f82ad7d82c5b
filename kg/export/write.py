"""Write a networkx graph of the export in one of its formats (files, page, picture)."""
from __future__ import annotations

from pathlib import Path

from kg.errors import OutputError
from kg.export.formats import FORMATS, write_cytoscape, write_node_link
from kg.export.mapping import most_connected
from kg.export.markup import write_dot, write_gexf, write_graphml
from kg.graph import gc_paused


def write(graph, output: Path, fmt: str, title: str = "kg graph", max_nodes: int | None = None) -> None:
    """Write ``graph`` to ``output`` in ``fmt`` (a key of FORMATS)."""
    if fmt not in FORMATS:
        raise OutputError(f"unknown format {fmt!r}; known: {', '.join(FORMATS)}")
    with gc_paused():
        _write(graph, output, fmt, title, max_nodes)


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
