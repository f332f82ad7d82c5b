"""Benchmark kg export: a synthetic graph of 100,000 actors to every format.

    .venv/bin/python bench/bench_export.py [--entities 100000] [--formats graphml,dot] [--keep]

The graph is what ``kg build`` would make of synthetic news naming N actors
(bench/synthetic.py: kg's own records, resolve, graph and writer code): entities of
the four core classes with labels, aliases and Wikidata links, documents in their
own named graphs, relation facts with their assertions, positions and statements.
It is written to bench/out/export-synthetic-N.nq, then exported; the figures are
printed, never asserted.  Each format is timed end to end, as ``kg export`` runs:
read the file, map it, write the output.  The page and the pictures draw only the most connected
part (2,000 / 150 nodes by default), which is what a browser or a picture can
show; the other formats hold every node.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from synthetic import news_records, write_graph

from kg.export import read_content, to_networkx, write

FORMATS = (("graphml", ".graphml"), ("gexf", ".gexf"), ("cytoscape", ".cyjs"), ("json", ".json"),
           ("dot", ".dot"), ("html", ".html"), ("png", ".png"), ("svg", ".svg"))
#: Actors each synthetic article names besides its facts, so that every actor is drawn.
ACTORS_PER_ARTICLE = 20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--formats", default=",".join(f for f, _ in FORMATS),
                        help="comma-separated formats to time (default: all)")
    parser.add_argument("--keep", action="store_true", help="keep the synthetic graph afterwards")
    args = parser.parse_args()
    out = Path(__file__).parent / "out"
    out.mkdir(parents=True, exist_ok=True)
    # bench/out/ is shared with other benchmarks: a name of our own
    source = out / f"export-synthetic-{args.entities}.nq"

    t0 = time.perf_counter()
    if not source.exists():
        docs = max(args.entities // ACTORS_PER_ARTICLE, 5)
        write_graph(news_records(docs, actors=args.entities, roll_call=ACTORS_PER_ARTICLE), source)
    print(f"generate   {time.perf_counter() - t0:7.2f} s  {source} ({source.stat().st_size / 1e6:.0f} MB)")

    # the steps, once
    t0 = time.perf_counter()
    content = read_content(source)
    t_read = time.perf_counter() - t0
    t0 = time.perf_counter()
    graph = to_networkx(content)
    t_map = time.perf_counter() - t0
    centre = graph.nodes[next(iter(graph))]["label"]
    t0 = time.perf_counter()
    around = to_networkx(content, around=centre, hops=2)
    t_around = time.perf_counter() - t0
    print("steps, in this process:")
    print(f"  read     {t_read:7.2f} s  (pyoxigraph parse + the contract's predicates)")
    print(f"  map      {t_map:7.2f} s  {graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} edges")
    print(f"  around   {t_around:7.2f} s  (map --around {centre!r} --hops 2: {around.number_of_nodes():,} nodes)")
    for fmt, suffix in FORMATS[:5]:
        path = out / f"export{suffix}"
        t0 = time.perf_counter()
        write(graph, path, fmt, title="synthetic")
        print(f"  {fmt:8} {time.perf_counter() - t0:7.2f} s  (write)")
        path.unlink()
    del graph, content, around

    # end to end: the `kg export` command in a process of its own (start, read, map, write)
    print("end to end, `kg export` (start + read + map + write):")
    wanted = [f.strip() for f in args.formats.split(",") if f.strip()]
    runs = [(fmt, suffix, []) for fmt, suffix in FORMATS if fmt in wanted]
    runs.append(("graphml", ".graphml", ["--around", centre, "--hops", "2"]))
    for fmt, suffix, options in runs:
        path = out / f"export{suffix}"
        command = [sys.executable, "-m", "kg", "export", str(source), "-o", str(path), *options]
        t0 = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True)
        elapsed = time.perf_counter() - t0
        if done.returncode != 0:
            print(f"  {fmt}: failed ({done.returncode}): {done.stderr.strip()}")
            continue
        name = " ".join([fmt, *(f"'{o}'" if " " in o else o for o in options)])
        print(f"  {name:36} {elapsed:7.2f} s  {path.stat().st_size / 1e6:8.1f} MB  "
              f"({done.stderr.strip().split(': ', 1)[-1]})")
        path.unlink()
    if not args.keep:
        source.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
