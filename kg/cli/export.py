"""``kg export``: a graph for Gephi, Cytoscape, yEd, Graphviz, a browser or a picture."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.collector import gc_paused
from kg.errors import UsageError
from kg.export.formats import FORMATS, format_for
from kg.export.mapping import STATEMENT_MODES, read_content, to_networkx
from kg.export.source import RELATIONS
from kg.export.write import write

DESCRIPTION = """\
Export a kg graph (.trig/.nq/.ttl/.nt/.jsonld, or a store directory of 'kg load')
as a graph of actors (nodes) and relations (edges) for graph tools, a static
picture, or an interactive page.
The format comes from the output's suffix or --format:
  .graphml (yEd, Gephi)  .gexf (Gephi)  .cyjs (Cytoscape)  .json (networkx node-link)
  .dot (Graphviz)  .html (interactive offline page)  .png / .svg (picture)"""

EXAMPLES = """\
examples:
  kg export out/graph.trig -o out/graph.html
  kg export out/graph.trig -o csto.graphml --relation memberOf,coChairOf
  kg export out/graph.trig -o putin.png --around "Putin" --hops 2
  kg export out/graph.trig -o article.gexf --document 000_2108af4f781ce4c6.txt --documents"""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export", help="export the graph for Gephi, Cytoscape, yEd, Graphviz, a page or a picture",
        description=DESCRIPTION, epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("graph", metavar="GRAPH",
                        help="a graph written by 'kg build', or a store directory written by 'kg load'")
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help="the file to write")
    parser.add_argument("--format", metavar="F",
                        help=f"one of {', '.join(FORMATS)} (default: from the suffix of FILE)")
    parser.add_argument("--relation", action="append", metavar="R[,R…]",
                        help=f"keep only these relations ({', '.join(RELATIONS)}, saidAbout)")
    parser.add_argument("--around", metavar="NAME", help="keep the neighbourhood of this actor (name or alias)")
    parser.add_argument("--hops", type=int, default=1, metavar="N", help="radius for --around (default 1)")
    parser.add_argument("--document", action="append", metavar="ID",
                        help="keep what this article says (repeatable; its identifier, e.g. 000_x.txt)")
    parser.add_argument("--min-sources", type=int, default=1, metavar="N",
                        help="keep facts read from at least N documents (default 1)")
    parser.add_argument("--statements", default="fold", metavar="MODE",
                        help="fold: saidAbout edges (default); nodes: statement nodes; none")
    parser.add_argument("--documents", action="store_true", help="add the documents as nodes")
    parser.add_argument("--max-nodes", type=int, metavar="N",
                        help="keep the N most connected nodes (default: all; page 2000, picture 150)")
    parser.add_argument("--title", help="title of the page or picture (default: the graph's file name)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    # the collector stays off for the whole command: a big export makes millions of
    # objects and no garbage cycles worth finding (a pass costs up to a second)
    with gc_paused(freeze=True):
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    output = Path(args.output)
    fmt = format_for(output, args.format)  # before reading: a bad format fails fast
    if args.statements not in STATEMENT_MODES:
        raise UsageError(f"--statements must be one of {', '.join(STATEMENT_MODES)}")
    if args.max_nodes is not None and args.max_nodes < 1:
        raise UsageError("--max-nodes must be 1 or more")
    relations = None
    if args.relation:
        relations = [r for value in args.relation for r in value.split(",") if r.strip()]
    content = read_content(Path(args.graph))
    graph = to_networkx(content, relations=relations, around=args.around, hops=args.hops,
                        documents=args.document, min_sources=args.min_sources,
                        statements=args.statements, include_documents=args.documents)
    title = args.title or _default_title(Path(args.graph), args)
    graph.graph["name"] = title
    write(graph, output, fmt, title=title, max_nodes=args.max_nodes)
    print(f"wrote {output} ({fmt}): {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges",
          file=sys.stderr)
    return 0


def _default_title(path: Path, args: argparse.Namespace) -> str:
    parts = [f"kg: {path.name}"]
    if args.around:
        parts.append(f"around {args.around} ({args.hops} hop{'s' if args.hops != 1 else ''})")
    if args.relation:
        parts.append(", ".join(args.relation))
    if args.document:
        parts.append(", ".join(args.document))
    return " — ".join(parts)
