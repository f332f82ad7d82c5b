"""Streaming writers for GraphML, GEXF and DOT.

networkx builds the whole XML tree in memory before writing a byte, which takes
half a minute for 100,000 actors; these writers go over the graph once and write
text in large pieces.  They keep the structure networkx (and pydot) wrote, so
networkx, python-igraph and pydot read the files back the same way:

* GraphML: one ``<key>`` per attribute name and domain (``string``, ``long``,
  ``double``, ``boolean``), edge ``id`` = the edge key (networkx reads it back as
  the multigraph key), an edge ``label``.
* GEXF 1.2: node ``label`` as an XML attribute, Gephi's ``viz`` colour and size,
  sequential edge ids, the edge key in the ``networkx_key`` attribute.  No
  modification date in ``<meta>``, so the same graph gives the same bytes.
* DOT: every id and value double-quoted and escaped.

Values are made scalar as in :func:`kg.export.formats.scalar_value`; the control
characters XML 1.0 cannot hold are removed from each piece of text before it is
written (they never occur in the markup itself, so this equals cleaning every
value).
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape

import networkx as nx

from kg.export.formats import CONTROL, dot_quote, edge_label, node_size, scalar_value
from kg.export.mapping import TYPE_COLOURS
from kg.rdfio import atomic_write

#: Write to the file once this many pieces of text have been collected.
_PIECES = 20_000
_ATTR_ENTITIES = {'"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}
_TEXT_ENTITIES = {"\r": "&#13;"}  # a raw CR would come back as LF
_XML_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}


class _Pieces:
    """Collects text and writes it to ``out`` in large UTF-8 pieces, XML-clean."""

    def __init__(self, out: IO[bytes], clean: bool = True) -> None:
        self.out = out
        self.clean = clean
        self.parts: list[str] = []

    def add(self, text: str) -> None:
        self.parts.append(text)
        if len(self.parts) >= _PIECES:
            self.flush()

    def flush(self) -> None:
        text = "".join(self.parts)
        self.parts.clear()
        if self.clean:
            text = CONTROL.sub("", text)
        self.out.write(text.encode("utf-8"))


def _attr(value: str) -> str:
    """An XML attribute value in double quotes."""
    if "&" in value or "<" in value or ">" in value or '"' in value or "\n" in value \
            or "\r" in value or "\t" in value:
        value = escape(value, _ATTR_ENTITIES)
    return f'"{value}"'


def _text(value: str) -> str:
    """XML element text."""
    if "&" in value or "<" in value or ">" in value or "\r" in value:
        return escape(value, _TEXT_ENTITIES)
    return value


def _key_types(items: Iterable[dict[str, Any]], skip: tuple[str, ...] = ()) -> dict[str, str]:
    """Attribute name -> XML type, in the order names first occur."""
    names: dict[str, None] = {}
    kinds: set[tuple[str, type]] = set()
    for data in items:
        names.update(dict.fromkeys(data))
        kinds.update(zip(data, map(type, data.values())))
    found: dict[str, set[str]] = {name: set() for name in names if name not in skip}
    for name, kind in kinds:
        if name in found and kind is not type(None):
            found[name].add(_XML_TYPES.get(kind, "string"))
    types = {}
    for name, xml_types in found.items():
        if len(xml_types) == 1:
            types[name] = xml_types.pop()
        elif xml_types == {"long", "double"}:
            types[name] = "double"
        elif xml_types:
            types[name] = "string"
    return types


def _value(value: Any, xml_type: str) -> str:
    """The text of a value for a key of ``xml_type`` (unescaped)."""
    if xml_type == "boolean":
        return "true" if value else "false"
    if xml_type == "string":
        return value if type(value) is str else scalar_value(value)
    return repr(value) if type(value) in (int, float) else str(value)


# -- GraphML -------------------------------------------------------------------

def write_graphml(graph: nx.MultiDiGraph, path: Path) -> None:
    atomic_write(path, lambda out: graphml(graph, out))


def graphml(graph: nx.MultiDiGraph, out: IO[bytes]) -> None:
    """Write ``graph`` as GraphML to the binary stream ``out``."""
    graph_types = _key_types([graph.graph])
    node_types = _key_types(data for _, data in graph.nodes(data=True))
    edge_types = _key_types((data for _, _, data in graph.edges(data=True)), skip=("label",))
    if graph.number_of_edges():
        edge_types["label"] = "string"
    ids: dict[tuple[str, str], str] = {}
    w = _Pieces(out)
    w.add('<?xml version="1.0" encoding="UTF-8"?>\n'
          '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
          'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
          'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
          'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
    for domain, types in (("graph", graph_types), ("node", node_types), ("edge", edge_types)):
        for name, xml_type in types.items():
            key = ids[domain, name] = f"d{len(ids)}"
            w.add(f'  <key id="{key}" for="{domain}" attr.name={_attr(name)} attr.type="{xml_type}"/>\n')
    w.add('  <graph edgedefault="directed">\n')
    for name, value in graph.graph.items():
        if value is not None:
            w.add(f'    <data key="{ids["graph", name]}">{_text(_value(value, graph_types[name]))}</data>\n')

    node_keys = {name: (f'      <data key="{ids["node", name]}">', xml_type)
                 for name, xml_type in node_types.items()}
    for node, data in graph.nodes(data=True):
        parts = [f"    <node id={_attr(str(node))}>\n"]
        _data_elements(parts, data, node_keys, ())
        parts.append("    </node>\n")
        w.add("".join(parts))

    edge_keys = {name: (f'      <data key="{ids["edge", name]}">', xml_type)
                 for name, xml_type in edge_types.items()}
    label_key = edge_keys.get("label", ("", ""))[0]
    for u, v, key, data in graph.edges(keys=True, data=True):
        parts = [f"    <edge id={_attr(str(key))} source={_attr(str(u))} target={_attr(str(v))}>\n"]
        _data_elements(parts, data, edge_keys, ("label",))
        parts.append(f"{label_key}{_text(edge_label(data))}</data>\n    </edge>\n")
        w.add("".join(parts))
    w.add("  </graph>\n</graphml>\n")
    w.flush()


def _data_elements(parts: list[str], data: dict[str, Any], keys: dict[str, tuple[str, str]],
                   skip: tuple[str, ...]) -> None:
    """Append a ``<data>`` element per attribute (the hot loop of GraphML)."""
    for name, value in data.items():
        if value is None or name in skip:
            continue
        start, xml_type = keys[name]
        if type(value) is not str:
            value = _value(value, xml_type)
        if "&" in value or "<" in value or ">" in value or "\r" in value:
            value = escape(value, _TEXT_ENTITIES)
        parts.append(start)
        parts.append(value)
        parts.append("</data>\n")


# -- GEXF ----------------------------------------------------------------------

#: Node attributes GEXF carries in its own markup, not as attvalues.
_GEXF_NODE_OWN = ("label", "viz")
#: Edge attributes GEXF carries in its own markup ('type' would mean directedness).
_GEXF_EDGE_OWN = ("label", "type", "id", "weight", "networkx_key")


def write_gexf(graph: nx.MultiDiGraph, path: Path) -> None:
    atomic_write(path, lambda out: gexf(graph, out))


def gexf(graph: nx.MultiDiGraph, out: IO[bytes]) -> None:
    """Write ``graph`` as GEXF 1.2 (with Gephi's viz colour and size) to ``out``."""
    node_types = _key_types((data for _, data in graph.nodes(data=True)), skip=_GEXF_NODE_OWN)
    edge_types = _key_types((data for _, _, data in graph.edges(data=True)), skip=_GEXF_EDGE_OWN)
    if graph.number_of_edges():
        edge_types["networkx_key"] = "string"
    w = _Pieces(out)
    name = scalar_value(graph.graph.get("name", ""))
    w.add('<?xml version="1.0" encoding="UTF-8"?>\n'
          '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" '
          'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
          'xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" '
          'version="1.2">\n'
          '  <meta>\n    <creator>kg</creator>\n  </meta>\n'
          f'  <graph defaultedgetype="directed" mode="static" name={_attr(name)}>\n')
    ids: dict[tuple[str, str], str] = {}
    for domain, types in (("node", node_types), ("edge", edge_types)):
        if not types:
            continue
        w.add(f'    <attributes class="{domain}" mode="static">\n')
        for attr_name, xml_type in types.items():
            ids[domain, attr_name] = str(len(ids))
            w.add(f'      <attribute id="{ids[domain, attr_name]}" title={_attr(attr_name)} '
                  f'type="{xml_type}"/>\n')
        w.add("    </attributes>\n")

    node_keys = {n: (ids["node", n], t) for n, t in node_types.items()}
    viz_colour = {kind: 'r="{}" g="{}" b="{}"'.format(*_rgb(colour)) for kind, colour in TYPE_COLOURS.items()}
    w.add("    <nodes>\n")
    for node, data in graph.nodes(data=True):
        label = data.get("label")
        label = str(node) if label is None else scalar_value(label)
        colour = viz_colour.get(str(data.get("type")), viz_colour["Entity"])
        size = float(node_size(data.get("mentions", 0), 4, 2))
        parts = [f"      <node id={_attr(str(node))} label={_attr(label)}>\n"
                 f'        <viz:color {colour} a="1.0"/>\n'
                 f'        <viz:size value="{size!r}"/>\n']
        values = [(node_keys[n], v) for n, v in data.items() if v is not None and n not in _GEXF_NODE_OWN]
        if values:
            parts.append("        <attvalues>\n")
            for (key, xml_type), value in values:
                parts.append(f'          <attvalue for="{key}" value={_attr(_value(value, xml_type))}/>\n')
            parts.append("        </attvalues>\n")
        parts.append("      </node>\n")
        w.add("".join(parts))
    w.add("    </nodes>\n")

    edge_keys = {n: (ids["edge", n], t) for n, t in edge_types.items()}
    if graph.number_of_edges():
        w.add("    <edges>\n")
        key_id = edge_keys["networkx_key"][0]
        for index, (u, v, key, data) in enumerate(graph.edges(keys=True, data=True)):
            parts = [f'      <edge id="{index}" source={_attr(str(u))} target={_attr(str(v))} '
                     f"label={_attr(edge_label(data))}>\n        <attvalues>\n"]
            for attr_name, value in data.items():
                if value is None or attr_name in _GEXF_EDGE_OWN:
                    continue
                dkey, xml_type = edge_keys[attr_name]
                parts.append(f'          <attvalue for="{dkey}" value={_attr(_value(value, xml_type))}/>\n')
            parts.append(f'          <attvalue for="{key_id}" value={_attr(str(key))}/>\n'
                         "        </attvalues>\n      </edge>\n")
            w.add("".join(parts))
        w.add("    </edges>\n")
    w.add("  </graph>\n</gexf>\n")
    w.flush()


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


# -- DOT -----------------------------------------------------------------------

#: Node attributes a DOT file carries (besides label and fill colour).
_DOT_NODE_KEEP = ("type", "iri", "wikidata", "mentions", "identifier", "date")
_DOT_EDGE_KEEP = ("sources", "confidence", "title")


def write_dot(graph: nx.MultiDiGraph, path: Path) -> None:
    atomic_write(path, lambda out: dot(graph, out))


def dot(graph: nx.MultiDiGraph, out: IO[bytes]) -> None:
    """Write ``graph`` as a Graphviz digraph to ``out``; every id and value is quoted."""
    w = _Pieces(out)
    w.add(f"digraph {_quote(graph.graph.get('name', 'kg'))} {{\n"
          "rankdir=LR;\noverlap=false;\n"
          "node [style=filled, fontname=Helvetica, shape=ellipse];\n"
          "edge [fontname=Helvetica, fontsize=9];\n")
    fill = {kind: _quote(colour) for kind, colour in TYPE_COLOURS.items()}
    for node, data in graph.nodes(data=True):
        attrs = [f"{k}={_quote(data[k])}" for k in _DOT_NODE_KEEP if k in data]
        attrs.append(f"label={_quote(data.get('label', node))}")
        attrs.append(f"fillcolor={fill.get(str(data.get('type')), fill['Entity'])}")
        w.add(f"{_quote(node)} [{', '.join(attrs)}];\n")
    for u, v, key, data in graph.edges(keys=True, data=True):
        attrs = [f"label={_quote(edge_label(data))}", f"relation={_quote(key)}"]
        attrs.extend(f"{k}={_quote(data[k])}" for k in _DOT_EDGE_KEEP if k in data)
        if data.get("documents"):
            attrs.append(f"documents={_quote(scalar_value(data['documents']))}")
        w.add(f"{_quote(u)} -> {_quote(v)} [{', '.join(attrs)}];\n")
    w.add("}\n")
    w.flush()


def _quote(value: Any) -> str:
    """:func:`kg.export.formats.dot_quote` without the cleaning (done per piece)."""
    text = value if type(value) is str else str(value)
    if "\\" in text or '"' in text or "\n" in text or "\r" in text:
        return dot_quote(text)
    return f'"{text}"'
