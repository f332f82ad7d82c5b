"""Loading a graph file into a store: the file checks, its format, and the store's name.

Why apart: ``kg query``, ``kg ask``, ``kg serve`` and the Python API load the same way.
The suffix -> format table is :data:`kg.rdfio.LOADABLE`, the one RDF format table;
the store is looked up in :data:`kg.query.stores.STORES`.
"""
from __future__ import annotations

from pathlib import Path

from kg.errors import InputError, UsageError
from kg.query.engine import KgGraph
from kg.query.stores import DEFAULT_STORE, STORES
from kg.rdfio import LOADABLE, suffix_of


def load(path: str | Path, store: str = DEFAULT_STORE) -> KgGraph:
    """Load a graph file (.trig, .nq, .ttl, .nt, .jsonld) into an in-memory store.

    ``store="rdflib"``: an rdflib ``Dataset(default_union=True)``.  ``store="oxigraph"``:
    a ``pyoxigraph.Store`` whose default graph also holds every triple of the named
    graphs (the set union, as rdflib sees it).
    """
    store_class = STORES.get(store)
    if store_class is None:
        raise UsageError(f"unknown store {store!r}; choose one of {', '.join(STORES)}")
    path = Path(path)
    if not path.exists():
        raise InputError(f"graph file not found: {path}")
    if not path.is_file():
        raise InputError(f"not a graph file: {path}")
    suffix = suffix_of(path)
    fmt = LOADABLE.get(suffix)
    if fmt is None:
        raise InputError(f"unknown graph format {suffix or path.name!r}; expected one of {', '.join(LOADABLE)}")
    return KgGraph(path, store_class.load(path, fmt))
