"""kg: a knowledge-graph builder for news.

The Python API (see README, "Python API"):

>>> import kg
>>> dataset = kg.build_graph(["corpus"]).dataset  # rdflib.Dataset
>>> graph = kg.load("out/graph.trig")             # a queryable graph
>>> rows = graph.query("SELECT ?s WHERE { ?s a kg:Country }").rows
"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "build_graph", "load", "ask"]


def __getattr__(name: str):
    # Lazy: ``import kg`` stays cheap and has no side effects; the stages load
    # spaCy / rdflib only when they are used.
    if name == "build_graph":
        from kg.build import build_graph

        return build_graph
    if name in ("load", "ask"):
        from kg import query

        return getattr(query, name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
