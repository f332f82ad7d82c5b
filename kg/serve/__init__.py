"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint and a web page to ask the graph.

The flow, one module per step::

    server (make_server, KgServer)  ->  handler (routes, request checks)  ->  workers
    (a forked process runs each query, killed past the time limit)  ->  negotiation
    (the result format)                    limits: every limit and default, one home
                                           description: the SPARQL Service Description

Hardening (each covered by ``tests/test_server.py``): read-only (updates get 403),
nothing fetched or read (``SERVICE`` refused, ``FROM``/``LOAD`` never followed: the
query engine in :mod:`kg.query` guarantees it), a per-query time limit, a memory
cap per worker, a row cap that says when it cuts, limits on body size, nesting and
parse-tree depth, a listen backlog for bursts and a bound on connections at once
(``tests/test_serve_hardening.py``), CORS off unless asked for, loopback-only ``Host`` names when bound to loopback (DNS
rebinding), and one-line error bodies without stack traces or paths.

Importing this package loads neither rdflib nor Oxigraph: ``kg --help`` stays quick.
"""
from __future__ import annotations

from kg.serve.description import service_description
from kg.serve.handler import PAGE_CSP, STATIC_TYPES, WEB_DIR, Handler
from kg.serve.limits import HOST, PORT, STORE, WORKERS, Limits
from kg.serve.negotiation import (
    FORMAT_ALIASES,
    GRAPH_FORMATS,
    SOLUTION_FORMATS,
    NotAcceptable,
    choose_format,
    formats_for,
)
from kg.serve.server import KgServer, make_server
from kg.serve.workers import Job, QueryStopped, Reply, WorkerPool, WorkersBusy, execute

__all__ = [
    "FORMAT_ALIASES", "GRAPH_FORMATS", "HOST", "PAGE_CSP", "PORT", "SOLUTION_FORMATS",
    "STATIC_TYPES", "STORE", "WEB_DIR", "WORKERS", "Handler", "Job", "KgServer", "Limits",
    "NotAcceptable", "QueryStopped", "Reply", "WorkerPool", "WorkersBusy", "choose_format",
    "execute", "formats_for", "make_server", "service_description",
]
