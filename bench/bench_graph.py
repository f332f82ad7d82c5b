"""Benchmark of the graph and serialize stages on a synthetic record set (bench/synthetic.py).

Prints triples/s of ``kg.graph.to_dataset`` (and the words/s it allows), and the
time of each output format with kg's writers (sorted, pyoxigraph; rdflib for JSON-LD)
and with rdflib's own writers (unsorted) for comparison.

    .venv/bin/python bench/bench_graph.py [--docs 400]
"""
from __future__ import annotations

import argparse
import io
import time

from synthetic import news_records

from kg.graph import to_dataset
from kg.resolve import merge_entities
from kg.serialize import FORMATS, serialize_bytes

#: Words of an article: the synthetic facts and quotes, then words that state nothing.
FILLER_WORDS = 500

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=400)
    args = parser.parse_args()
    records = news_records(args.docs, filler=FILLER_WORDS)
    words = sum(r.words for r in records)
    entities = merge_entities(records)
    t0 = time.perf_counter()
    ds = to_dataset(records, entities)
    build = time.perf_counter() - t0
    n = sum(1 for _ in ds.quads((None, None, None, None)))
    print(f"to_dataset: {args.docs} docs, {words} words, {n} quads in {build:.2f}s = "
          f"{n / build:,.0f} quads/s, {words / build:,.0f} words/s")
    merged = _merged(ds)
    for ext, fmt in FORMATS.items():
        t0 = time.perf_counter()
        data = serialize_bytes(ds, ext)
        ours = time.perf_counter() - t0
        line = f"{ext:8} kg writer {ours:6.2f}s ({len(data) / 1e6:5.1f} MB)"
        if ext != ".jsonld" or args.docs <= 400:
            target = ds if fmt in ("trig", "nquads") else merged  # merging is not timed
            t0 = time.perf_counter()
            target.serialize(io.BytesIO(), format=fmt, encoding="utf-8")
            line += f"   rdflib writer {time.perf_counter() - t0:6.2f}s"
        print(line)


def _merged(ds):
    from rdflib import Graph

    g = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


if __name__ == "__main__":
    main()
