"""Loading a graph file into a store: the file checks, its format, and the store's name.

Why apart: ``kg query``, ``kg ask``, ``kg serve`` and the Python API load the same way,
and take a store directory of ``kg load`` (:mod:`kg.query.ondisk`) wherever a file goes.
The suffix -> format table is :data:`kg.rdfio.LOADABLE`, the one RDF format table;
the store is looked up in :data:`kg.query.stores.STORES`.
"""
from __future__ import annotations

from pathlib import Path

from kg.errors import InputError, UsageError
from kg.query.engine import KgGraph
from kg.query.ondisk import check_engine, is_store, open_store
from kg.query.stores import DEFAULT_STORE, STORES
from kg.rdfio import LOADABLE, suffix_of


def load(path: str | Path, store: str | None = None) -> KgGraph:
    """Load a graph file (.trig, .nq, .ttl, .nt, .jsonld) into an in-memory store, or open
    a store directory written by ``kg load`` (read-only, nothing is read into memory).

    ``store="rdflib"`` (the default for files): an rdflib ``Dataset(default_union=True)``.
    ``store="oxigraph"``: a ``pyoxigraph.Store`` whose default graph also holds every
    triple of the named graphs (the set union, as rdflib sees it).  A store directory
    always runs on Oxigraph (``store`` None or "oxigraph").
    """
    path = Path(path)
    if is_store(path):
        check_engine(store)
        return open_store(path)
    store = store or DEFAULT_STORE
    store_class = STORES.get(store)
    if store_class is None:
        raise UsageError(f"unknown store {store!r}; choose one of {', '.join(STORES)}")
    if not path.exists():
        raise InputError(f"graph file not found: {path}")
    if not path.is_file():
        raise InputError(f"not a graph file nor a store written by kg load: {path}")
    suffix = suffix_of(path)
    fmt = LOADABLE.get(suffix)
    if fmt is None:
        raise InputError(f"unknown graph format {suffix or path.name!r}; expected one of {', '.join(LOADABLE)}")
    return KgGraph(path, store_class.load(path, fmt))
