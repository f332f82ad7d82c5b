"""The limits of ``kg serve`` and every default it has, in one place.

Why one home: the server (:func:`kg.serve.make_server`), the ``kg serve`` options and
the service description must say the same numbers; each takes them from here
(``Limits.max_rows``, ``HOST``, …) instead of repeating them.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """What one request may cost; every field is a ``kg serve`` option."""

    timeout: float = 10.0  # seconds of work per query (the worker is killed after)
    max_rows: int = 10_000  # result rows (or triples) returned; more are cut and flagged
    max_body: int = 65_536  # bytes of a POST body
    max_depth: int = 24  # nesting of { ( [ in a query (rdflib recurses on it)


#: Where ``kg serve`` listens unless told otherwise: this machine only.
HOST = "127.0.0.1"
PORT = 8000
#: Query worker processes forked with the loaded graph.
WORKERS = 2
#: The store a served graph is loaded into (a name of :data:`kg.query.STORES`).
STORE = "rdflib"
