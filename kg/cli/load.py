"""``kg load``: a graph file into an on-disk store, opened in an instant afterwards (:mod:`kg.query.ondisk`)."""
from __future__ import annotations

import argparse
import sys

from kg.query.ondisk import LoadReport, load_store

DESCRIPTION = """\
Load GRAPH (a file written by 'kg build': .trig, .nq, .ttl, .nt, .jsonld) into the
on-disk Oxigraph store DIR, made when missing.  kg query, kg ask, kg serve and
kg export then take DIR wherever they take a graph file, and open it at once
instead of reading the whole file each time.

Loading into an existing store replaces the named graph of each document in GRAPH
and the default graph, and keeps the other named graphs: load each new build, or
load the graphs of several builds one after the other.  The file is read through
once before the store is touched, so a file that does not parse changes nothing.

One kg writes a store at a time, and never while another kg reads it (a query, or
kg serve): it is told so at once and nothing is written."""

EPILOG = """\
examples:
  kg load out/graph.trig --store out/store
  kg ask members out/store --param org=CSTO
  kg serve out/store
  oxigraph serve-read-only --location out/store    # any SPARQL client, kg query --endpoint

exit codes: 0 loaded, 3 unreadable graph file or store, 4 a directory that is not a
kg store, or a store in use."""


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``kg load``."""
    parser = subparsers.add_parser("load", help="load a graph into an on-disk store that opens at once",
                                   description=DESCRIPTION, epilog=EPILOG,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("graph", metavar="GRAPH", help="the graph file (.trig, .nq, .ttl, .nt, .jsonld)")
    parser.add_argument("--store", required=True, metavar="DIR",
                        help="the store directory (made when missing; else one written by kg load)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    report = load_store(args.graph, args.store)
    if not args.quiet:
        print(summary(report), file=sys.stderr)
    return 0


def summary(report: LoadReport) -> str:
    """The one-line account of a load."""
    return (f"loaded {report.quads:,} quads into {report.store}: {report.added:,} graphs added, "
            f"{report.replaced:,} replaced, {report.graphs:,} in the store; {report.seconds:.1f} s")
