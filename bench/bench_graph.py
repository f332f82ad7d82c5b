"""Benchmark of the graph and serialize stages on a synthetic record set.

Prints triples/s of ``kg.graph.to_dataset`` (and the words/s it allows), and the
time of each output format with kg's writers (sorted, pyoxigraph; rdflib for JSON-LD)
and with rdflib's own writers (unsorted) for comparison.

    .venv/bin/python bench/bench_graph.py [--docs 400]
"""
from __future__ import annotations

import argparse
import io
import random
import time

from kg.graph import to_dataset
from kg.records import RELATIONS, DocumentRecord, Entity, Fact, Mention, Span, Statement
from kg.resolve import merge_entities
from kg.serialize import FORMATS, serialize_bytes

TYPES = ("Person", "Organization", "Country", "Place")


def synthetic(docs: int, seed: int = 7) -> list[DocumentRecord]:
    """``docs`` articles of ~600 words with 20 entities, 40 mentions, 10 facts, 8 quotes each."""
    rng = random.Random(seed)
    pool = [Entity(f"kb:Q{i}", f"Actor Number {i}", TYPES[i % 4], [f"Actor {i}", f"A{i}"],
                   f"Q{i}", 1) for i in range(2000)]
    records = []
    for d in range(docs):
        ents = rng.sample(pool, 20)
        text = " ".join(f"word{i}" for i in range(600))
        sentences = [Span(i * 200, i * 200 + 190) for i in range(30)]
        mentions = [Mention(e.key, 10 * i, 10 * i + 8, e.label, i % 30, "kb")
                    for i, e in enumerate(ents * 2)]
        facts = []
        for i in range(10):
            s, o = rng.sample(ents, 2)
            sp = sentences[i]
            facts.append(Fact(s.key, RELATIONS[i % len(RELATIONS)], o.key, i, sp.start, sp.end,
                              text[sp.start:sp.end], "rule", rng.random(), negated=(i == 9),
                              title="President" if RELATIONS[i % len(RELATIONS)] == "officialOf" else None))
        statements = [Statement(ents[i].key, text[i * 50:i * 50 + 120], i % 2 == 0, i, i * 50,
                                i * 50 + 120, text[i * 50:i * 50 + 190], "quote", 0.8,
                                [e.key for e in ents[i:i + 3]]) for i in range(8)]
        records.append(DocumentRecord(f"{d:05d}_doc.txt", f"Title {d}", text, "2023-01-10",
                                      "Publisher", "CITY, Jan. 10", sentences,
                                      [Entity(e.key, e.label, e.type, list(e.aliases), e.wikidata, 2)
                                       for e in ents], mentions, facts, statements, 600))
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=400)
    args = parser.parse_args()
    records = synthetic(args.docs)
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
