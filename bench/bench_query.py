"""Latency of every cookbook question, on the seed graph and a synthetic 1M-triple graph.

    .venv/bin/python bench/bench_query.py                 # seed + synthetic 1M, both stores
    .venv/bin/python bench/bench_query.py --size 200000   # a smaller synthetic graph
    .venv/bin/python bench/bench_query.py --stores oxigraph --skip-seed
    .venv/bin/python bench/bench_query.py --stores oxigraph --questions members,evidence

Prints load time and p50/p95 latency per question and store (kg.query's own API:
parse cache warm, rows converted to Python values), and the rdflib/Oxigraph ratio.
The synthetic graph follows the query contract (IRIs from kg.iris, one named graph
per document, facts and entities in the default graph) and is cached under bench/out/.
"""
from __future__ import annotations

import argparse
import datetime
import random
import signal
import sys
import time
from pathlib import Path

import pyoxigraph as ox

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from kg import query as kq  # noqa: E402
from kg.graph import TIES_PER_ACTOR, strongest_ties  # noqa: E402
from kg.iris import assertion_iri, co_mention_iri, document_iri, entity_iri, position_iri, statement_iri  # noqa: E402
from kg.namespaces import KG, WD  # noqa: E402

OUT = HERE / "out"
#: Bumped when the graph layout changes, so a cached synthetic graph is not reused.
GRAPH_LAYOUT = "v5"  # v2: document graphs hold the fact triples they state; v3: document counts; v4, v5: co-mention ties

SEED_PARAMS: dict[str, list[dict[str, str]]] = {
    "members": [{"org": "CSTO"}],
    "cochairs": [{"org": "Minsk Group"}],
    "offices": [{}, {"person": "Pashinyan"}],
    "statements": [{"person": "Putin"}],
    "said-about": [{"entity": "CSTO"}],
    "evidence": [{"subject": "Armenia", "relation": "memberOf", "object": "CSTO"}],
    "disputed": [{}, {"org": "CSTO"}],
    "co-mentions": [{}, {"entity": "Putin"}],
    "timeline": [{}, {"entity": "Putin"}],
    "entity": [{"entity": "Putin"}],
    "sources": [{}, {"entity": "Putin"}],
}
SYNTHETIC_PARAMS: dict[str, list[dict[str, str]]] = {
    # mid-popularity actors (the generator's rank 30) give typical answers; rank 1 is
    # in a large share of the documents
    "members": [{"org": "ORG1"}, {"org": "ORG30"}],
    "cochairs": [{"org": "Organization 2"}],
    "offices": [{}, {"person": "Person 30"}],
    "statements": [{"person": "Person 30"}, {"person": "Person 1"}],
    "said-about": [{"entity": "Country 30"}],
    "evidence": [
        {"subject": "Country 3", "relation": "memberOf", "object": "Organization 30"},  # no such fact
        {"subject": "Country 3", "relation": "memberOf", "object": "Organization 11"},  # 10 sentences
    ],
    "disputed": [{}, {"org": "ORG30"}],
    "co-mentions": [{}, {"entity": "Person 30"}],
    "timeline": [{}, {"entity": "Person 30"}],
    "entity": [{"entity": "Person 30"}],
    "sources": [{}, {"entity": "Person 30"}],
}

# ---------------------------------------------------------------- the synthetic graph

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_XSD = "http://www.w3.org/2001/XMLSchema#"
TYPE = ox.NamedNode(_RDF + "type")
SUBJECT, PREDICATE, OBJECT = (ox.NamedNode(_RDF + n) for n in ("subject", "predicate", "object"))
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
ALT = ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
SAME = ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs")
DERIVED = ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom")
DC = "http://purl.org/dc/terms/"
IDENT, TITLE, DATE, PUBLISHER = (ox.NamedNode(DC + n) for n in ("identifier", "title", "date", "publisher"))


def kg(name: str) -> ox.NamedNode:
    return ox.NamedNode(str(KG[name]))


def _int(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=ox.NamedNode(_XSD + "integer"))


def _decimal(value: float) -> ox.Literal:
    return ox.Literal(f"{value:.2f}", datatype=ox.NamedNode(_XSD + "decimal"))


def _zipf(rng: random.Random, n: int) -> int:
    """An index in [0, n) with a long tail: a few actors are in most of the news."""
    return min(n - 1, int(rng.paretovariate(1.2)) - 1)


def generate(path: Path, size: int, seed: int = 7) -> int:
    """Write a contract-following N-Quads graph of at least ``size`` quads; return the count."""
    rng = random.Random(seed)
    quads: list[ox.Quad] = []
    add = quads.append
    counts = {"Country": 300, "Organization": 400, "Person": 2500, "Place": 800}
    actors: dict[str, list[ox.NamedNode]] = {}
    labels: dict[ox.NamedNode, str] = {}
    for kind, n in counts.items():
        actors[kind] = []
        for i in range(1, n + 1):
            label = f"{kind} {i}"
            iri = ox.NamedNode(str(entity_iri(kind, label)))
            actors[kind].append(iri)
            labels[iri] = label
            add(ox.Quad(iri, TYPE, kg(kind)))
            add(ox.Quad(iri, LABEL, ox.Literal(label)))
            add(ox.Quad(iri, ALT, ox.Literal(f"{kind[:3].upper()}{i}")))
            if i % 2:
                add(ox.Quad(iri, SAME, ox.NamedNode(str(WD[f"Q{100000 * len(actors) + i}"]))))
    countries, orgs, people, places = (actors[k] for k in ("Country", "Organization", "Person", "Place"))
    members = {org: rng.sample(countries, rng.randint(3, 20)) for org in orgs}
    chairs = {org: rng.sample(countries, 3) for org in orgs}
    offices = {p: (rng.choice(["President", "Prime Minister", "Foreign Minister", "Spokesperson"]), rng.choice(countries + orgs)) for p in people}
    facts: set[tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode]] = set()
    positions: set[ox.NamedNode] = set()
    publishers = [ox.Literal(f"Publisher {i}") for i in range(20)]
    start_day = datetime.date(2015, 1, 1)
    doc_number = 0
    doc_actors: list[list[str]] = []
    while len(quads) + len(facts) < size:
        doc_number += 1
        ident = f"synthetic/{doc_number:06d}.txt"
        d = ox.NamedNode(str(document_iri(ident)))
        date = None
        if rng.random() < 0.85:
            date = ox.Literal((start_day + datetime.timedelta(days=rng.randrange(3000))).isoformat(), datatype=ox.NamedNode(_XSD + "date"))
        add(ox.Quad(d, TYPE, kg("Document"), d))
        add(ox.Quad(d, IDENT, ox.Literal(ident), d))
        add(ox.Quad(d, TITLE, ox.Literal(f"Synthetic article {doc_number}"), d))
        add(ox.Quad(d, PUBLISHER, rng.choice(publishers), d))
        add(ox.Quad(d, kg("wordCount"), _int(rng.randint(200, 1500)), d))
        if date is not None:
            add(ox.Quad(d, DATE, date, d))
        mentioned: set[ox.NamedNode] = set()
        offset = 0
        assertions_made = statements_made = 0

        def provenance(node: ox.NamedNode, sentence: str, rule: str) -> None:
            nonlocal offset
            add(ox.Quad(node, DERIVED, d, d))
            add(ox.Quad(node, kg("evidence"), ox.Literal(sentence), d))
            add(ox.Quad(node, kg("start"), _int(offset), d))
            add(ox.Quad(node, kg("end"), _int(offset + len(sentence)), d))
            add(ox.Quad(node, kg("rule"), ox.Literal(rule), d))
            add(ox.Quad(node, kg("confidence"), _decimal(rng.uniform(0.5, 1.0)), d))
            add(ox.Quad(node, kg("sentenceIndex"), _int(offset // 100), d))
            if date is not None:
                add(ox.Quad(node, DATE, date, d))

        def assertion(s: ox.NamedNode, p: str, o: ox.NamedNode, sentence: str, rule: str, negative: bool = False) -> None:
            nonlocal assertions_made
            assertions_made += 1
            a = ox.NamedNode(str(assertion_iri(ident, p, s.value, o.value, offset, offset + len(sentence))))
            if negative:
                add(ox.Quad(a, TYPE, kg("NegativeAssertion"), d))
                add(ox.Quad(a, kg("polarity"), ox.Literal("negative"), d))
            else:
                add(ox.Quad(a, TYPE, kg("Assertion"), d))
                facts.add((s, kg(p), o))
                add(ox.Quad(s, kg(p), o, d))  # the facts a document states, in its graph
            add(ox.Quad(a, SUBJECT, s, d))
            add(ox.Quad(a, PREDICATE, kg(p), d))
            add(ox.Quad(a, OBJECT, o, d))
            provenance(a, sentence, rule)
            mentioned.update((s, o))

        org = orgs[_zipf(rng, len(orgs))]
        listed = rng.sample(members[org], min(len(members[org]), rng.randint(2, 5)))
        sentence = f"{', '.join(labels[c] for c in listed)} are members of {labels[org]}."
        for country in listed:
            assertion(country, "memberOf", org, sentence, "member-list")
        offset += len(sentence) + 1
        if rng.random() < 0.05:
            outsider = rng.choice(countries)
            assertion(outsider, "memberOf", org, f"non-member {labels[outsider]}", "non-member", negative=outsider not in members[org])
            offset += 40
        if rng.random() < 0.3:
            chair = rng.choice(chairs[org])
            assertion(chair, "coChairOf", org, f"{labels[chair]} co-chairs {labels[org]}.", "co-chairs")
            offset += 40
        person = people[_zipf(rng, len(people))]
        title, of = offices[person]
        sentence = f"{title} {labels[person]} of {labels[of]} spoke."
        assertion(person, "officialOf", of, sentence, "title-cue")
        position = ox.NamedNode(str(position_iri(title, labels[of])))
        if position not in positions:
            positions.add(position)
            for p, o in ((TYPE, kg("Position")), (kg("title"), ox.Literal(title)), (kg("positionIn"), of),
                         (LABEL, ox.Literal(f"{title} of {labels[of]}"))):
                add(ox.Quad(position, p, o))
        assertion(person, "holdsPosition", position, sentence, "title-cue")
        offset += len(sentence) + 1
        place = rng.choice(places)
        assertion(place, "locatedIn", rng.choice(countries), f"{labels[place]} is in a country.", "located-in")
        offset += 40
        for _ in range(rng.randint(2, 4)):
            speaker = people[_zipf(rng, len(people))]
            about = {rng.choice(countries), orgs[_zipf(rng, len(orgs))]}
            text = f"We discussed {' and '.join(labels[a] for a in about)}."
            node = ox.NamedNode(str(statement_iri(ident, speaker.value, offset, offset + len(text))))
            facts.add((speaker, kg("said"), node))
            statements_made += 1
            add(ox.Quad(speaker, kg("said"), node, d))
            add(ox.Quad(node, TYPE, kg("Statement"), d))
            add(ox.Quad(node, kg("text"), ox.Literal(text), d))
            add(ox.Quad(node, kg("isDirectQuote"), ox.Literal("true" if rng.random() < 0.6 else "false", datatype=ox.NamedNode(_XSD + "boolean")), d))
            for a in about:
                add(ox.Quad(node, kg("mentions"), a, d))
            provenance(node, f'"{text}" {labels[speaker]} said.', "quote-said")
            offset += len(text) + 20
            mentioned.update(about)
            mentioned.add(speaker)
        doc_actors.append([a.value for a in mentioned])
        for a in mentioned:
            add(ox.Quad(d, kg("mentions"), a, d))
        add(ox.Quad(d, kg("actorCount"), _int(len(mentioned)), d))
        add(ox.Quad(d, kg("assertionCount"), _int(assertions_made), d))
        add(ox.Quad(d, kg("statementCount"), _int(statements_made), d))
    quads.extend(ox.Quad(s, p, o) for s, p, o in facts)
    for a, b, count in strongest_ties(doc_actors, TIES_PER_ACTOR):  # as kg.graph writes them
        tie = ox.NamedNode(str(co_mention_iri(a, b)))
        quads.extend((ox.Quad(tie, TYPE, kg("CoMention")), ox.Quad(tie, kg("actor"), ox.NamedNode(a)),
                      ox.Quad(tie, kg("actor"), ox.NamedNode(b)), ox.Quad(tie, kg("documentCount"), _int(count))))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    ox.serialize(quads, output=str(tmp), format=ox.RdfFormat.N_QUADS)
    tmp.replace(path)
    return len(quads)


# ---------------------------------------------------------------- timing


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


class OverBudget(BaseException):
    """Raised by the timer inside a question that ran past its time budget."""


def _over_budget(signum: int, frame: object) -> None:
    raise OverBudget


def time_question(graph: kq.KgGraph, name: str, params: dict[str, str], repeat: int, budget: float) -> tuple[float, float, int, int] | None:
    """(p50 ms, p95 ms, rows, runs), or None when the first run alone exceeds ``budget``.

    A timer interrupts rdflib (pure Python) mid-query, so a slow question cannot hang
    the bench; Oxigraph answers in Rust and is only checked between runs.
    """
    previous = signal.signal(signal.SIGALRM, _over_budget)
    signal.setitimer(signal.ITIMER_REAL, budget)
    times: list[float] = []
    try:
        start = time.perf_counter()
        first = graph.ask(name, params)  # warm-up: parse caches, first evaluation
        spent = time.perf_counter() - start
        for _ in range(repeat):
            start = time.perf_counter()
            graph.ask(name, params)
            elapsed = time.perf_counter() - start
            times.append(elapsed)
            spent += elapsed
            if spent > budget:
                break
    except OverBudget:
        if not times:
            return None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    return percentile(times, 0.5) * 1000, percentile(times, 0.95) * 1000, len(first.rows), len(times)


def bench_graph(title: str, path: Path, params: dict[str, list[dict[str, str]]], stores: list[str], repeat: int, budget: float, only: set[str] | None = None) -> None:
    print(f"\n## {title}: {path.name}")
    results: dict[tuple[str, str], dict[str, tuple[float, float, int, int]]] = {}
    for store in stores:
        start = time.perf_counter()
        graph = kq.load(path, store)
        print(f"load {store:<9} {time.perf_counter() - start:7.2f} s  ({len(graph):,} quads)")
        for question in kq.cookbook():
            if only and question.name not in only:
                continue
            for p in params.get(question.name, [{}]):
                key = (question.name, ", ".join(f"{k}={v}" for k, v in p.items()))
                timing = time_question(graph, question.name, p, repeat, budget)
                results.setdefault(key, {})[store] = timing
                shown = f"> budget ({budget:g} s)" if timing is None else f"{timing[2]:>6} rows  p50 {timing[0]:9.1f} ms"
                print(f"  {store:<9} {key[0]:<12} {key[1][:38]:<38} {shown}", flush=True)
        del graph
    header = f"{'question':<12} {'params':<38} {'rows':>6}"
    for store in stores:
        header += f" {store + ' p50':>14} {'p95':>9}"
    if len(stores) == 2:
        header += f" {'ratio':>7}"
    print(header)
    print("-" * len(header))
    for (name, shown), by_store in results.items():
        rows = next((t[2] for t in by_store.values() if t is not None), None)
        line = f"{name:<12} {shown[:38]:<38} {'?' if rows is None else rows:>6}"
        for store in stores:
            timing = by_store.get(store)
            if timing is None:
                line += f" {'> ' + format(budget, 'g') + ' s':>14} {'':>9}"
            else:
                line += f" {timing[0]:11.1f} ms {timing[1]:6.1f} ms"
        if len(stores) == 2:
            first, second = (by_store.get(s) for s in stores)
            if first is None and second is not None:
                line += f" {'> ' + format(budget * 1000 / max(second[0], 1e-6), '.0f'):>7}"
            elif first is None or second is None:
                line += f" {'?':>7}"
            else:
                line += f" {first[0] / max(second[0], 1e-6):7.1f}"
        print(line)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=1_000_000, help="quads in the synthetic graph (default 1,000,000)")
    parser.add_argument("--repeat", type=int, default=20, help="timed runs per question (default 20)")
    parser.add_argument("--budget", type=float, default=5.0, help="seconds per question and store; a first run over it prints '> budget'")
    parser.add_argument("--stores", default="rdflib,oxigraph", help="comma-separated stores")
    parser.add_argument("--skip-seed", action="store_true", help="only the synthetic graph")
    parser.add_argument("--skip-synthetic", action="store_true", help="only the seed graph")
    parser.add_argument("--questions", default="", help="comma-separated question names (default: all)")
    args = parser.parse_args()
    stores = [s for s in args.stores.split(",") if s]
    only = {q for q in args.questions.split(",") if q} or None
    unknown = sorted((only or set()) - {q.name for q in kq.cookbook()})
    if unknown:
        parser.error(f"unknown question {unknown[0]!r}")
    print(f"kg query bench: stores {', '.join(stores)}, {args.repeat} runs per question (budget {args.budget:g} s)")
    if not args.skip_seed:
        from kg.cli import main as kg_main

        seed = OUT / "seed.trig"
        OUT.mkdir(parents=True, exist_ok=True)
        if kg_main(["build", str(ROOT / "corpus"), "-o", str(seed)]) != 0:
            print("the seed build failed", file=sys.stderr)
            return 1
        bench_graph("seed corpus", seed, SEED_PARAMS, stores, args.repeat, args.budget, only)
    if not args.skip_synthetic:
        synthetic = OUT / f"synthetic-{GRAPH_LAYOUT}-{args.size}.nq"
        if not synthetic.exists():
            start = time.perf_counter()
            count = generate(synthetic, args.size)
            print(f"\ngenerated {synthetic.name}: {count:,} quads in {time.perf_counter() - start:.1f} s")
        bench_graph(f"synthetic graph (≥ {args.size:,} quads)", synthetic, SYNTHETIC_PARAMS, stores, args.repeat, args.budget, only)
    return 0


if __name__ == "__main__":
    sys.exit(main())
