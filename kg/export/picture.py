"""Static pictures (PNG, SVG) of the graph with matplotlib.

A picture is read, not explored: it shows at most the 150 most connected nodes
(``--max-nodes`` changes that), colours nodes by type and edges by relation,
sizes nodes by the documents that mention them, and names what it leaves out in
its title.  Only matplotlib's object API is used (no pyplot global state).
"""
from __future__ import annotations

import io
import math
import warnings
from typing import IO

import networkx as nx

from kg.export.formats import clean_text
from kg.export.mapping import TYPE_COLOURS, most_connected
from kg.rdfio import atomic_write

DEFAULT_MAX_NODES = 150
#: Above this many nodes only the best connected ones get a label.
MAX_LABELS = 80
#: Speech and mention edges: dashed, in quiet colours, so the facts stand out.
_SPEECH_COLOURS = {"saidAbout": "#b39ddb", "said": "#b39ddb", "mentions": "#c8c8c8"}
_SPEECH = frozenset(_SPEECH_COLOURS)
_RELATION_COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#8c564b", "#17becf",
                     "#bcbd22", "#7f7f7f", "#9467bd", "#e377c2")


def write_picture(graph: nx.MultiDiGraph, path, fmt: str, title: str,
                  max_nodes: int | None = None) -> None:
    """Draw ``graph`` to ``path`` as ``fmt`` ("png" or "svg"), atomically."""
    data = render_picture(graph, fmt, title, max_nodes)
    atomic_write(path, lambda out: out.write(data))


def render_picture(graph: nx.MultiDiGraph, fmt: str, title: str, max_nodes: int | None = None) -> bytes:
    import matplotlib
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    shown = most_connected(graph, DEFAULT_MAX_NODES if max_nodes is None else max_nodes)
    n = shown.number_of_nodes()
    side = min(8 + 1.2 * math.sqrt(n), 30)
    with matplotlib.rc_context({"svg.fonttype": "none", "font.family": "DejaVu Sans"}), \
            warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*[Gg]lyph.*missing")
        warnings.filterwarnings("ignore", message=".*[Mm]issing from font")
        fig = Figure(figsize=(side * 1.3, side), dpi=110 if fmt == "png" else 72, layout="constrained")
        ax = fig.add_subplot()
        ax.set_axis_off()
        ax.margins(0.08)
        _draw(ax, shown)
        fig.legend(handles=_legend(shown, Line2D), loc="outside right upper", fontsize=10,
                   title="Nodes (size: documents)\nand edges", title_fontsize=10, frameon=False)
        ax.set_title(_title(graph, shown, title), fontsize=13)
        buffer: IO[bytes] = io.BytesIO()
        fig.savefig(buffer, format=fmt, facecolor="white")
    return buffer.getvalue()


def _draw(ax, graph: nx.MultiDiGraph) -> None:
    if graph.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "(no nodes to draw)", ha="center", va="center", transform=ax.transAxes)
        return
    pos = _layout(graph)
    nodes = list(graph.nodes)
    types = [str(graph.nodes[v].get("type")) for v in nodes]
    nx.draw_networkx_nodes(
        graph, pos, ax=ax, nodelist=nodes,
        node_color=[TYPE_COLOURS.get(t, TYPE_COLOURS["Entity"]) for t in types],
        node_size=[260 + 260 * math.sqrt(max(graph.nodes[v].get("mentions", 0), 0)) for v in nodes],
        edgecolors="#333333", linewidths=0.6, alpha=0.95)
    relations = _relation_colours(graph)
    for (u, v, key) in graph.edges(keys=True):
        nx.draw_networkx_edges(graph, pos, ax=ax, edgelist=[(u, v)], edge_color=relations[key],
                               width=1.0 if key in _SPEECH else 1.6, alpha=0.75, arrows=True,
                               arrowsize=10, style="dashed" if key in _SPEECH else "solid",
                               connectionstyle="arc3,rad=0.08", node_size=500)
    degree = dict(graph.degree())
    labelled = sorted(nodes, key=lambda v: (-degree[v], v))[:MAX_LABELS]
    labels = {v: _text(graph.nodes[v].get("label", v)) for v in labelled}
    ys = [y for _, y in pos.values()]
    drop = 0.035 * ((max(ys) - min(ys)) or 1.0)  # the name goes under its node
    below = {v: (pos[v][0], pos[v][1] - drop) for v in labelled}
    nx.draw_networkx_labels(graph, below, labels=labels, ax=ax, font_size=9, verticalalignment="top",
                            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.7})


def _layout(graph: nx.MultiDiGraph) -> dict:
    """Each connected part laid out alone (spring), packed in rows from the largest;
    actors without any edge in a grid below."""
    simple = nx.Graph(graph.to_undirected(as_view=True))
    simple.remove_edges_from(nx.selfloop_edges(simple))
    parts = sorted((sorted(c) for c in nx.connected_components(simple) if len(c) > 1),
                   key=lambda c: (-len(c), c[0]))
    isolated = sorted(v for v in simple if simple.degree(v) == 0)
    pos: dict = {}
    if parts:
        row_width = 2.6 * math.sqrt(len(parts[0])) * 1.4
        x = y = row_height = 0.0
        for part in parts:
            radius = math.sqrt(len(part))
            sub = simple.subgraph(part)
            local = nx.spring_layout(sub, k=2.0 / math.sqrt(len(part)), iterations=200, seed=7,
                                     scale=radius)
            if x > 0 and x + 2 * radius > row_width:
                x, y, row_height = 0.0, y - row_height - 0.6, 0.0
            for v, (px, py) in local.items():
                pos[v] = (x + radius + px, y - radius + py)
            x += 2 * radius + 0.6
            row_height = max(row_height, 2 * radius)
    if isolated:
        xs = [p[0] for p in pos.values()] or [0.0, 8.0]
        ys = [p[1] for p in pos.values()] or [0.0]
        left, right, top = min(xs), max(xs), min(ys) - 1.2
        per_row = max(4, min(10, int(math.sqrt(len(isolated)) * 2)))
        for i, v in enumerate(isolated):
            row, col = divmod(i, per_row)
            pos[v] = (left + (right - left) * (col + 0.5) / per_row, top - 0.9 * row)
    return pos


def _relation_colours(graph: nx.MultiDiGraph) -> dict[str, str]:
    keys = sorted({key for _, _, key in graph.edges(keys=True)} - _SPEECH)
    colours = {key: _RELATION_COLOURS[i % len(_RELATION_COLOURS)] for i, key in enumerate(keys)}
    present = {key for _, _, key in graph.edges(keys=True)}
    colours.update({key: colour for key, colour in _SPEECH_COLOURS.items() if key in present})
    return colours


def _legend(graph: nx.MultiDiGraph, line_class) -> list:
    handles = []
    for node_type in sorted({str(d.get("type")) for _, d in graph.nodes(data=True)}):
        handles.append(line_class([], [], marker="o", linestyle="", markersize=9, label=node_type,
                                  markerfacecolor=TYPE_COLOURS.get(node_type, TYPE_COLOURS["Entity"]),
                                  markeredgecolor="#333333"))
    for relation, colour in _relation_colours(graph).items():
        handles.append(line_class([], [], color=colour, linewidth=2, label=relation,
                                  linestyle="--" if relation in _SPEECH else "-"))
    return handles


def _title(full: nx.MultiDiGraph, shown: nx.MultiDiGraph, title: str) -> str:
    total = full.graph.get("total_nodes", full.number_of_nodes())
    line = f"{_text(title)}\n{shown.number_of_nodes()} nodes, {shown.number_of_edges()} edges"
    if shown.graph.get("truncated"):
        line += f" (the {shown.number_of_nodes()} most connected of {total} nodes)"
    return line


def _text(value) -> str:
    """A label as matplotlib should print it: no control characters, no mathtext."""
    return clean_text(str(value)).replace("$", r"\$")
