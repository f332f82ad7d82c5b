"""The limits of ``kg serve`` and every default it has, in one place.

Why one home: the server (:func:`kg.serve.make_server`), the ``kg serve`` options and
the service description must say the same numbers; each takes them from here
(``Limits.max_rows``, ``HOST``, …) instead of repeating them.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

#: Share of the machine's memory one query worker may add to the loaded graph
#: (with the default two workers, queries take at most an eighth of the machine).
MEMORY_FRACTION = 1 / 16
#: Assumed machine memory where the system does not say (not Linux or macOS).
FALLBACK_MACHINE_MEMORY = 8 << 30


def machine_memory() -> int:
    """Bytes of physical memory on this machine."""
    try:
        return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return FALLBACK_MACHINE_MEMORY


@dataclass(frozen=True)
class Limits:
    """What one request may cost; every field is a ``kg serve`` option."""

    timeout: float = 10.0  # seconds of work per query (the worker is killed after)
    max_rows: int = 10_000  # result rows (or triples) returned; more are cut and flagged
    max_body: int = 65_536  # bytes of a POST body
    max_depth: int = 24  # nesting of { ( [ in a query (rdflib recurses on it)
    # bytes of memory a query worker may take beyond the loaded graph it shares
    max_memory: int = int(machine_memory() * MEMORY_FRACTION)
    max_connections: int = 512  # connections served at once (one thread each); more get 503


#: Where ``kg serve`` listens unless told otherwise: this machine only.
HOST = "127.0.0.1"
PORT = 8000
#: Query worker processes forked with the loaded graph.
WORKERS = 2
#: Connections the kernel queues before the server accepts them (capped by
#: net.core.somaxconn): Python's default of 5 dropped clients of a burst of 300.
BACKLOG = 1024
#: Seconds a client told "busy" (503) should wait before it tries again.
RETRY_AFTER = 1
#: The store a served graph is loaded into (a name of :data:`kg.query.STORES`).
STORE = "rdflib"
