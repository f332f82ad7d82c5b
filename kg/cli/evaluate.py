"""``kg eval``: score a built graph against gold facts (:mod:`kg.evaluation`)."""
from __future__ import annotations

import argparse
from pathlib import Path

from kg.evaluation import load, read_gold, score

DESCRIPTION = """\
Score GRAPH (built by 'kg build') against GOLD, a TOML file of gold facts per article:
the actors it names, the memberships, co-chairs and offices (with titles) it states, its
speakers with the first words of their quotes, and facts that must never appear (the
layout of tests/data/seeds.gold.toml).  Prints precision, recall and F1 per category,
every error by kind, and a summary line last."""


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``kg eval``."""
    parser = subparsers.add_parser("eval", help="score a graph against gold facts", description=DESCRIPTION,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("graph", type=Path, metavar="GRAPH", help="the graph file")
    parser.add_argument("gold", type=Path, metavar="GOLD", help="the gold facts (.toml)")
    parser.add_argument("--quiet", action="store_true", help="print the summary line only")
    parser.add_argument("--errors", type=int, default=40, metavar="N",
                        help="errors shown per kind (default 40)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    report = score(load(args.graph), read_gold(args.gold))
    print(report.summary() if args.quiet else report.text(errors_shown=args.errors))
    return 0
