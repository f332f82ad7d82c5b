"""``kg serve``: a graph over the SPARQL 1.1 Protocol, with a page to ask it."""
from __future__ import annotations

import argparse
import signal
import sys
from typing import Any

from kg.server import make_server


def register(subparsers: Any) -> None:
    """Add ``kg serve`` to the ``kg`` command."""
    parser = subparsers.add_parser(
        "serve",
        help="serve a graph over SPARQL 1.1 Protocol, with a web page to ask it",
        description="Serve GRAPH read-only at http://HOST:PORT/sparql (SPARQL 1.1 Protocol) "
        "and a page to ask it at http://HOST:PORT/. Queries run in worker processes "
        "that are killed when they run past --timeout.",
    )
    parser.add_argument("graph", metavar="GRAPH", help="graph file (.trig, .nq, .ttl, .nt, …)")
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default: 127.0.0.1, this machine only)")
    parser.add_argument("--port", type=int, metavar="PORT", default=8000, help="port (default: 8000; 0 picks one)")
    parser.add_argument("--store", choices=("rdflib", "oxigraph"), default="rdflib",
                        help="query engine (default: rdflib)")
    parser.add_argument("--timeout", type=float, metavar="SECONDS", default=10.0,
                        help="seconds a query may run before it is stopped (default: 10)")
    parser.add_argument("--max-rows", type=int, metavar="N", default=10_000,
                        help="most rows (or triples) returned; more are cut and flagged (default: 10000)")
    parser.add_argument("--max-body", type=int, metavar="BYTES", default=65_536,
                        help="largest POST body or query in bytes (default: 65536)")
    parser.add_argument("--max-depth", type=int, metavar="N", default=24,
                        help="deepest nesting of { ( [ in a query (default: 24)")
    parser.add_argument("--workers", type=int, metavar="N", default=2,
                        help="query worker processes (default: 2)")
    parser.add_argument("--cors", action="append", default=[], metavar="ORIGIN",
                        help="allow cross-origin reads from ORIGIN (repeatable; default: none)")
    parser.set_defaults(func=_serve_command)


def _serve_command(args: argparse.Namespace) -> int:
    server = make_server(args.graph, host=args.host, port=args.port, store=args.store,
                         timeout=args.timeout, max_rows=args.max_rows, max_body=args.max_body,
                         max_depth=args.max_depth, cors=args.cors, workers=args.workers)
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


def _exit_on_sigterm(signum: int, frame: Any) -> None:
    raise SystemExit(0)
