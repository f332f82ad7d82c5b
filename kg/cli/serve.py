"""``kg serve``: a graph over the SPARQL 1.1 Protocol, with a page to ask it."""
from __future__ import annotations

import argparse
import re
import signal
import sys
from typing import Any

from kg.query import STORES
from kg.serve import HOST, PORT, STORE, WORKERS, Limits, make_server
from kg.serve.limits import MEMORY_FRACTION

_UNITS = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40}


def register(subparsers: Any) -> None:
    """Add ``kg serve`` to the ``kg`` command."""
    parser = subparsers.add_parser(
        "serve",
        help="serve a graph over SPARQL 1.1 Protocol, with a web page to ask it",
        description="Serve GRAPH read-only at http://HOST:PORT/sparql (SPARQL 1.1 Protocol) "
        "and a page to ask it at http://HOST:PORT/. Queries run in worker processes "
        "that are killed when they run past --timeout and answer 503 when they need more "
        "than --max-memory; more than --max-connections clients at once are answered 503.",
    )
    parser.add_argument("graph", metavar="GRAPH",
                        help="graph file (.trig, .nq, .ttl, .nt, …) or a store directory written by kg load "
                        "(opened at once, not read into memory)")
    # Every default comes from kg.serve.limits, the one home of the serve defaults.
    parser.add_argument("--host", default=HOST,
                        help=f"address to listen on (default: {HOST}, this machine only)")
    parser.add_argument("--port", type=int, metavar="PORT", default=PORT,
                        help=f"port (default: {PORT}; 0 picks one)")
    parser.add_argument("--store", choices=STORES, default=STORE,
                        help=f"query engine a graph file is loaded into (default: {STORE}; "
                        "a store directory always runs on oxigraph)")
    parser.add_argument("--timeout", type=float, metavar="SECONDS", default=Limits.timeout,
                        help=f"seconds a query may run before it is stopped (default: {Limits.timeout:g})")
    parser.add_argument("--max-rows", type=int, metavar="N", default=Limits.max_rows,
                        help=f"most rows (or triples) returned; more are cut and flagged (default: {Limits.max_rows})")
    parser.add_argument("--max-body", type=int, metavar="BYTES", default=Limits.max_body,
                        help=f"largest POST body or query in bytes (default: {Limits.max_body})")
    parser.add_argument("--max-depth", type=int, metavar="N", default=Limits.max_depth,
                        help=f"deepest nesting of {{ ( [ in a query (default: {Limits.max_depth})")
    parser.add_argument("--max-memory", type=_size, metavar="SIZE", default=Limits.max_memory,
                        help="memory one query worker may take beyond the loaded graph, in bytes "
                        "or with K, M, G (e.g. 2G); a query needing more is answered 503 "
                        f"(default: {_show_size(Limits.max_memory)}, 1/{round(1 / MEMORY_FRACTION)} "
                        "of this machine's memory)")
    parser.add_argument("--max-connections", type=int, metavar="N", default=Limits.max_connections,
                        help="connections served at once, one thread each; more are answered "
                        f"503 with Retry-After (default: {Limits.max_connections})")
    parser.add_argument("--workers", type=int, metavar="N", default=WORKERS,
                        help=f"query worker processes (default: {WORKERS})")
    parser.add_argument("--cors", action="append", default=[], metavar="ORIGIN",
                        help="allow cross-origin reads from ORIGIN (repeatable; default: none)")
    parser.set_defaults(func=_serve_command)


def _serve_command(args: argparse.Namespace) -> int:
    server = make_server(args.graph, host=args.host, port=args.port, store=args.store,
                         timeout=args.timeout, max_rows=args.max_rows, max_body=args.max_body,
                         max_depth=args.max_depth, max_memory=args.max_memory,
                         max_connections=args.max_connections, cors=args.cors, workers=args.workers)
    signal.signal(signal.SIGTERM, _exit_on_sigterm)  # so `kill` stops the workers too
    print(f"kg serve: {args.graph} ({len(server.graph)} triples) at {server.url} "
          f"(SPARQL endpoint {server.url}sparql); Ctrl-C stops", file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("kg serve: stopped", file=sys.stderr)
    finally:
        server.server_close()
    return 0


def _size(text: str) -> int:
    """``--max-memory``: bytes, or a number with K, M, G or T (powers of 1024)."""
    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMGT]?)i?B?\s*", text, re.IGNORECASE)
    if not found:
        raise argparse.ArgumentTypeError(f"expected a size like 2G or 800M, not {text!r}")
    return int(float(found[1]) * _UNITS[found[2].upper()])


def _show_size(nbytes: int) -> str:
    return f"{nbytes / (1 << 30):.1f}G"


def _exit_on_sigterm(signum: int, frame: Any) -> None:
    raise SystemExit(0)
