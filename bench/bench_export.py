"""Benchmark kg export: a synthetic graph of 100,000 actors to every format.

    .venv/bin/python bench/bench_export.py [--entities 100000] [--formats graphml,dot] [--keep]

The graph follows the query contract (docs/ontology.md): entities of the four core
classes with labels, aliases and Wikidata links, documents in their own named
graphs mentioning them, relation facts with one kg:Assertion per source sentence,
positions, and statements.  It is generated with pyoxigraph's term API (no RDF
text is glued) into bench/out/export-synthetic-N.nq, then exported; the figures are
printed, never asserted.  Each format is timed end to end, as ``kg export`` runs:
read the file, map it, write the output.  The page and the pictures draw only the most connected
part (2,000 / 150 nodes by default), which is what a browser or a picture can
show; the other formats hold every node.
"""
from __future__ import annotations

import argparse
import random
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.export import read_content, to_networkx, write
from kg.namespaces import ID_BASE, KG, WD

TYPES = ("Person", "Organization", "Country", "Place")
RELATIONS = ("memberOf", "coChairOf", "officialOf", "partOf", "supports", "deployedTo")
FORMATS = (("graphml", ".graphml"), ("gexf", ".gexf"), ("cytoscape", ".cyjs"), ("json", ".json"),
           ("dot", ".dot"), ("html", ".html"), ("png", ".png"), ("svg", ".svg"))


def n(iri) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


def lit(value: str, datatype=None) -> ox.Literal:
    return ox.Literal(value, datatype=n(datatype)) if datatype else ox.Literal(value)


def synthetic_quads(entities: int, seed: int = 1):
    """Yield the quads of a contract-following graph with ``entities`` actors."""
    rnd = random.Random(seed)
    default = ox.DefaultGraph()
    p = {name: n(KG[name]) for name in (*RELATIONS, "mentions", "evidence", "confidence", "rule",
                                         "said", "text", "isDirectQuote", "holdsPosition", "title",
                                         "positionIn")}
    rdf_type, label, alt, same = n(RDF.type), n(RDFS.label), n(SKOS.altLabel), n(OWL.sameAs)
    subj, pred, obj, derived = n(RDF.subject), n(RDF.predicate), n(RDF.object), n(PROV.wasDerivedFrom)
    ident, title, date = n(DCTERMS.identifier), n(DCTERMS.title), n(DCTERMS.date)
    classes = {t: n(KG[t]) for t in TYPES}
    actors = []
    for i in range(entities):
        kind = TYPES[i % 4]
        iri = ox.NamedNode(f"{ID_BASE}{kind.lower()}/actor-{i}")
        actors.append(iri)
        yield ox.Quad(iri, rdf_type, classes[kind], default)
        yield ox.Quad(iri, label, lit(f"{kind} {i}"), default)
        yield ox.Quad(iri, alt, lit(f"{kind[0]}{i}"), default)
        if i % 3 == 0:
            yield ox.Quad(iri, same, n(WD[f"Q{1000 + i}"]), default)
    # hubs make a realistic, skewed degree distribution
    hubs = actors[: max(entities // 100, 10)]
    docs = max(entities // 20, 5)
    facts_per_doc = 20
    for d in range(docs):
        doc = ox.NamedNode(f"{ID_BASE}doc/doc-{d}-txt")
        day = lit(f"2023-{1 + d % 12:02d}-{1 + d % 28:02d}", XSD.date)
        yield ox.Quad(doc, rdf_type, n(KG.Document), doc)
        yield ox.Quad(doc, ident, lit(f"doc-{d}.txt"), doc)
        yield ox.Quad(doc, title, lit(f"Article {d}"), doc)
        yield ox.Quad(doc, date, day, doc)
        mentioned = set()
        for f in range(facts_per_doc):
            a = rnd.choice(actors)
            b = rnd.choice(hubs) if rnd.random() < 0.5 else rnd.choice(actors)
            if a == b:
                continue
            relation = RELATIONS[rnd.randrange(len(RELATIONS))]
            mentioned.update((a, b))
            yield ox.Quad(a, p[relation], b, default)
            assertion = ox.NamedNode(f"{ID_BASE}assertion/d{d}-f{f}")
            yield ox.Quad(assertion, rdf_type, n(KG.Assertion), doc)
            yield ox.Quad(assertion, subj, a, doc)
            yield ox.Quad(assertion, pred, p[relation], doc)
            yield ox.Quad(assertion, obj, b, doc)
            yield ox.Quad(assertion, derived, doc, doc)
            yield ox.Quad(assertion, p["evidence"], lit(f"Sentence {f} of article {d} about {relation}."), doc)
            yield ox.Quad(assertion, p["confidence"], lit(f"0.{rnd.randrange(50, 99)}", XSD.decimal), doc)
            yield ox.Quad(assertion, p["rule"], lit("synthetic"), doc)
            yield ox.Quad(assertion, date, day, doc)
        speaker = actors[(d * 4) % entities]  # a Person
        statement = ox.NamedNode(f"{ID_BASE}statement/d{d}")
        yield ox.Quad(speaker, p["said"], statement, default)
        yield ox.Quad(statement, rdf_type, n(KG.Statement), doc)
        yield ox.Quad(statement, p["text"], lit(f"Statement of article {d}."), doc)
        yield ox.Quad(statement, p["isDirectQuote"], lit("true", XSD.boolean), doc)
        yield ox.Quad(statement, derived, doc, doc)
        for other in rnd.sample(hubs, 2):
            yield ox.Quad(statement, p["mentions"], other, doc)
        mentioned.add(speaker)
        for actor in mentioned:
            yield ox.Quad(doc, p["mentions"], actor, doc)


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
        ox.serialize(synthetic_quads(args.entities), output=str(source), format=ox.RdfFormat.N_QUADS)
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
