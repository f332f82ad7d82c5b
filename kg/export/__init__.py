"""kg export: the graph for Gephi, Cytoscape, yEd, Graphviz, a browser or a picture.

>>> from kg.export import to_networkx
>>> g = to_networkx("out/graph.trig", relations=["memberOf"])   # a networkx.MultiDiGraph

The mapping (what becomes a node, an edge, which attributes) is documented in
:mod:`kg.export.mapping` and docs/export.md; the ``kg export`` command is :mod:`kg.cli.export`.
"""
from __future__ import annotations

from kg.export.formats import FORMATS
from kg.export.mapping import most_connected, read_content, to_networkx
from kg.export.write import write

__all__ = ["FORMATS", "most_connected", "read_content", "to_networkx", "write"]
