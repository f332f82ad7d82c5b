"""``kg push``: send a built graph to a triplestore (:mod:`kg.push`)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.push import (
    DEFAULT_ATTEMPTS,
    DEFAULT_TIMEOUT,
    PASSWORD_VARIABLE,
    TOKEN_VARIABLE,
    USER_VARIABLE,
    PushReport,
    push,
)

DESCRIPTION = f"""\
Send GRAPH (built by 'kg build', best a .trig or .nq file, or a store directory
written by 'kg load') to the triplestore whose
SPARQL 1.1 Graph Store HTTP Protocol endpoint is URL: each article's named graph
with PUT ?graph=<IRI> (which replaces it) and the default graph with PUT ?default.

Pushing again after a rebuild sends only the graphs that changed and deletes the
graphs of articles that are gone (what was sent is remembered beside GRAPH, in
.NAME.pushed.json); --full sends everything again.

Credentials never go on the command line: set {TOKEN_VARIABLE} (a bearer token), or
{USER_VARIABLE} and {PASSWORD_VARIABLE}, or put the host in your netrc file
(~/.netrc, or the file $NETRC names).  Each request has a timeout and is retried on
connection errors and 429/5xx answers."""

EPILOG = """\
endpoints:
  Oxigraph server     http://127.0.0.1:7878/store
  Apache Jena Fuseki  http://127.0.0.1:3030/DATASET/data
  Virtuoso            http://127.0.0.1:8890/sparql-graph-crud-auth
  GraphDB             http://127.0.0.1:7200/repositories/REPO/rdf-graphs/service

examples:
  kg push out/graph.trig http://127.0.0.1:7878/store
  kg push out/store http://127.0.0.1:7878/store          # a store written by kg load
  KG_PUSH_USER=dba KG_PUSH_PASSWORD=… kg push out/graph.trig http://127.0.0.1:8890/sparql-graph-crud-auth

exit codes: 0 pushed, 2 bad option or endpoint URL, 3 unreadable graph,
5 the store cannot be reached or refuses a request."""


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``kg push``."""
    parser = subparsers.add_parser("push", help="send a graph to a triplestore (Graph Store Protocol)",
                                   description=DESCRIPTION, epilog=EPILOG,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("graph", type=Path, metavar="GRAPH",
                        help="the graph file (.trig, .nq, .ttl, .nt, .jsonld) or a store directory of kg load")
    parser.add_argument("endpoint", metavar="URL", help="the store's Graph Store Protocol endpoint")
    parser.add_argument("--full", action="store_true", help="send every graph, not only those that changed")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="S",
                        help=f"seconds one request may take (default {DEFAULT_TIMEOUT:g})")
    parser.add_argument("--attempts", type=int, default=DEFAULT_ATTEMPTS, metavar="N",
                        help=f"attempts per request (default {DEFAULT_ATTEMPTS})")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.quiet or not sys.stderr.isatty():
        report = push(args.graph, args.endpoint, full=args.full, timeout=args.timeout, attempts=args.attempts)
    else:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        with Progress(TextColumn("pushing graphs"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      transient=True) as bar:
            task = bar.add_task("push", total=None)
            report = push(args.graph, args.endpoint, full=args.full, timeout=args.timeout,
                          attempts=args.attempts, progress=lambda done, total: bar.update(task, completed=done,
                                                                                          total=total))
    if not args.quiet:
        print(summary(report))
    return 0


def summary(report: PushReport) -> str:
    """The one-paragraph account of a push."""
    return (f"pushed to {report.endpoint}: {len(report.replaced):,} graphs replaced "
            f"({report.triples:,} triples, {report.bytes / 1e6:.1f} MB), {len(report.deleted):,} deleted, "
            f"{report.unchanged:,} unchanged; {report.retries} retries; {report.seconds:.1f} s")
