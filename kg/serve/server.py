"""The server object and :func:`make_server`, the one way to start ``kg serve``.

Why apart: this is where the pieces meet.  ``make_server`` checks the options (their
defaults come from :mod:`kg.serve.limits`), loads the graph, binds the socket and
forks the workers; :class:`KgServer` holds them for the handler.
"""
from __future__ import annotations

import os
import re
import socket
from collections.abc import Iterable
from http.server import ThreadingHTTPServer
from ipaddress import ip_address
from pathlib import Path
from typing import Any

from kg.errors import UsageError
from kg.serve.handler import Handler
from kg.serve.limits import HOST, PORT, STORE, WORKERS, Limits
from kg.serve.workers import WorkerPool


class KgServer(ThreadingHTTPServer):
    """The HTTP server: routes in :class:`Handler`, queries in a :class:`WorkerPool`."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], graph: Any, *, limits: Limits,
                 cors: Iterable[str] = (), workers: int = WORKERS, quiet: bool = False,
                 graph_name: str = "graph"):
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, Handler)
        self.graph = graph
        self.limits = limits
        self.cors = tuple(cors)
        self.quiet = quiet
        self.graph_name = graph_name
        self.loopback_only = _is_loopback(address[0])
        self.pool: WorkerPool | None = None
        try:
            self.pool = WorkerPool(graph, workers, limits, listening_fd=self.socket.fileno())
        except BaseException:
            self.server_close()
            raise

    @property
    def url(self) -> str:
        """Base URL of the server, e.g. ``http://127.0.0.1:8000/``."""
        host, port = self.server_address[:2]
        host = f"[{host}]" if ":" in host else host
        return f"http://{host}:{port}/"

    def server_close(self) -> None:
        super().server_close()
        if self.pool is not None:
            self.pool.close()


def _is_loopback(host: str) -> bool:
    if host in ("localhost",):
        return True
    try:
        return ip_address(host).is_loopback
    except ValueError:
        return False


def make_server(graph_path: str | os.PathLike[str], *, host: str = HOST, port: int = PORT,
                store: str = STORE, timeout: float = Limits.timeout, max_rows: int = Limits.max_rows,
                max_body: int = Limits.max_body, max_depth: int = Limits.max_depth,
                cors: Iterable[str] = (), workers: int = WORKERS, quiet: bool = False) -> KgServer:
    """Load ``graph_path`` and bind a server (``port=0`` picks a free port).

    Call ``serve_forever()`` to answer requests (in a thread, for tests),
    ``shutdown()`` to stop it and ``server_close()`` to free the port and workers.
    """
    from kg.query import load

    for name, value in (("--timeout", timeout), ("--max-rows", max_rows),
                        ("--max-body", max_body), ("--max-depth", max_depth),
                        ("--workers", workers)):
        if value <= 0:
            raise UsageError(f"{name} must be positive, not {value}")
    for origin in cors:
        if origin != "*" and not re.fullmatch(r"https?://[^/\s]+", origin):
            raise UsageError(f"--cors takes an origin like http://localhost:3000, not {origin!r}")
    graph = load(graph_path, store=store)
    limits = Limits(timeout=float(timeout), max_rows=int(max_rows), max_body=int(max_body),
                    max_depth=int(max_depth))
    try:
        return KgServer((host, port), graph, limits=limits, cors=cors, workers=workers,
                        quiet=quiet, graph_name=Path(graph_path).name)
    except OSError as exc:
        raise UsageError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
