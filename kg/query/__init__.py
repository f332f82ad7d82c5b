"""Ask the graph: SPARQL over a built graph, on rdflib or Oxigraph, plus a cookbook.

``load(path)`` reads a graph file (.trig, .nq, .ttl, .nt, .jsonld) into one of the
:data:`STORES` (or opens a store directory written by ``kg load``) and returns a
:class:`KgGraph`; ``connect(url)`` gives one on a remote SPARQL endpoint; ``KgGraph.query`` runs SPARQL with
kg's prefixes declared and ``params`` bound as variables; ``KgGraph.ask`` runs a
named question of the cookbook (``kg/queries/*.rq``).  Results are
:class:`QueryResult` objects with plain Python rows and the SPARQL 1.1 result
serializations.  See docs/query.md.

The flow, one module per step::

    loading (file -> store)  ->  engine (checks, params)  ->  stores (run)  ->  results
                         scanner (the SPARQL lexer)   params   questions (cookbook)

Safety lives in the engine, so the CLI, the Python API and the server all get it:
SERVICE is refused, updates raise :class:`UpdateRefused`, and ``FROM`` /
``FROM NAMED`` only name graphs already in the store.
"""
from __future__ import annotations

from kg.query.endpoint import ENDPOINT_TIMEOUT, EndpointStore, connect
from kg.query.engine import KgGraph
from kg.query.loading import load
from kg.query.ondisk import LoadReport, is_store, load_store, open_store
from kg.query.params import param_term, relation_iri
from kg.query.questions import Param, Question, ask, cookbook, question_named
from kg.query.results import (
    GRAPH_OUTPUT_FORMATS,
    MEDIA_TYPES,
    RESULT_FORMATS,
    QueryResult,
    media_type,
    to_python,
)
from kg.query.scanner import (
    MAX_TREE_DEPTH,
    QUERY_FORMS,
    UPDATE_KEYWORDS,
    QueryTooDeep,
    UpdateRefused,
    check_depth,
    nesting_depth,
    scan,
    tree_depth,
)
from kg.query.stores import DEFAULT_STORE, STORES, OxigraphStore, RdflibStore, Store

__all__ = [
    "DEFAULT_STORE", "ENDPOINT_TIMEOUT", "EndpointStore", "LoadReport", "connect", "is_store", "load_store",
    "open_store", "GRAPH_OUTPUT_FORMATS", "MAX_TREE_DEPTH", "MEDIA_TYPES", "QUERY_FORMS", "RESULT_FORMATS", "STORES",
    "UPDATE_KEYWORDS", "KgGraph", "OxigraphStore", "Param", "QueryResult", "Question",
    "QueryTooDeep", "RdflibStore", "Store", "UpdateRefused", "ask", "check_depth", "cookbook", "load", "media_type",
    "nesting_depth", "param_term", "question_named", "relation_iri", "scan", "to_python", "tree_depth",
]
