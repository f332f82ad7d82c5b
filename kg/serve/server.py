"""The server object and :func:`make_server`, the one way to start ``kg serve``.

Why apart: this is where the pieces meet.  ``make_server`` checks the options (their
defaults come from :mod:`kg.serve.limits`), loads the graph, binds the socket and
forks the workers; :class:`KgServer` holds them for the handler.
"""
from __future__ import annotations

import os
import re
import socket
import threading
import time
from collections import deque
from collections.abc import Iterable
from http.server import ThreadingHTTPServer
from ipaddress import ip_address
from pathlib import Path
from typing import Any

from kg.errors import UsageError
from kg.serve.handler import Handler
from kg.serve.limits import BACKLOG, HOST, PORT, RETRY_AFTER, STORE, WORKERS, Limits
from kg.serve.workers import WorkerPool


class KgServer(ThreadingHTTPServer):
    """The HTTP server: routes in :class:`Handler`, queries in a :class:`WorkerPool`."""

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = BACKLOG  # listen backlog: a burst waits in the kernel, not dropped

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
        # One slot per connection thread; past the bound a connection is told 503 at once.
        self._connection_slots = threading.BoundedSemaphore(limits.max_connections)
        self._refused: deque[tuple[float, socket.socket]] = deque()
        self.refused_connections = 0  # answered 503 for want of a slot (for logs and tests)
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

    def process_request(self, request: Any, client_address: Any) -> None:
        """Serve the connection in a thread of its own if a slot is free, else refuse it."""
        if not self._connection_slots.acquire(blocking=False):
            self._refuse_busy(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._connection_slots.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._connection_slots.release()

    def _refuse_busy(self, request: socket.socket) -> None:
        """Answer 503 without reading the request and without a thread.

        The socket is half-closed and kept a moment (closed by :meth:`service_actions`)
        so the client can read the answer: closing it at once, with its request
        unread, would reset the connection and lose the 503.
        """
        self.refused_connections += 1
        try:
            request.setblocking(False)
            request.send(_BUSY_ANSWER)
            request.shutdown(socket.SHUT_WR)
        except OSError:
            self.shutdown_request(request)
            return
        self._refused.append((time.monotonic(), request))
        while len(self._refused) > BACKLOG:
            self._close_refused(self._refused.popleft()[1])

    def service_actions(self) -> None:
        """Between requests (and every poll interval): close refused connections after a grace."""
        deadline = time.monotonic() - REFUSED_GRACE
        while self._refused and self._refused[0][0] < deadline:
            self._close_refused(self._refused.popleft()[1])

    @staticmethod
    def _close_refused(request: socket.socket) -> None:
        try:
            while request.recv(65536):  # drain what arrived, so closing sends FIN, not RST
                pass
        except OSError:
            pass
        request.close()

    def server_close(self) -> None:
        super().server_close()
        while self._refused:
            self._refused.popleft()[1].close()
        if self.pool is not None:
            self.pool.close()


#: Seconds a refused connection stays half-open so its client reads the 503.
REFUSED_GRACE = 1.0
_BUSY_TEXT = b"server busy: too many connections at once (kg serve --max-connections); try again\n"
_BUSY_ANSWER = (
    b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
    b"Content-Length: " + str(len(_BUSY_TEXT)).encode() + b"\r\n"
    b"Retry-After: " + str(RETRY_AFTER).encode() + b"\r\nConnection: close\r\n\r\n" + _BUSY_TEXT
)


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
                max_memory: int = Limits.max_memory, max_connections: int = Limits.max_connections,
                cors: Iterable[str] = (), workers: int = WORKERS, quiet: bool = False) -> KgServer:
    """Load ``graph_path`` (or open a store directory of ``kg load``) and bind a server
    (``port=0`` picks a free port).  ``store`` is the engine a graph file is loaded into;
    a store directory always runs on Oxigraph, whatever ``store`` says.

    Call ``serve_forever()`` to answer requests (in a thread, for tests),
    ``shutdown()`` to stop it and ``server_close()`` to free the port and workers.
    """
    from kg.query import load

    for name, value in (("--timeout", timeout), ("--max-rows", max_rows),
                        ("--max-body", max_body), ("--max-depth", max_depth),
                        ("--max-memory", max_memory), ("--max-connections", max_connections),
                        ("--workers", workers)):
        if value <= 0:
            raise UsageError(f"{name} must be positive, not {value}")
    for origin in cors:
        if origin != "*" and not re.fullmatch(r"https?://[^/\s]+", origin):
            raise UsageError(f"--cors takes an origin like http://localhost:3000, not {origin!r}")
    from kg.query.ondisk import is_store

    graph = load(graph_path, store=None if is_store(graph_path) else store)
    limits = Limits(timeout=float(timeout), max_rows=int(max_rows), max_body=int(max_body),
                    max_depth=int(max_depth), max_memory=int(max_memory),
                    max_connections=int(max_connections))
    try:
        return KgServer((host, port), graph, limits=limits, cors=cors, workers=workers,
                        quiet=quiet, graph_name=Path(graph_path).name)
    except OSError as exc:
        raise UsageError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
