"""Latency of every cookbook question, on the seed graph and a synthetic 1M-triple graph.

    .venv/bin/python bench/bench_query.py                 # seed + synthetic 1M, both stores
    .venv/bin/python bench/bench_query.py --size 200000   # a smaller synthetic graph
    .venv/bin/python bench/bench_query.py --stores oxigraph --skip-seed
    .venv/bin/python bench/bench_query.py --stores oxigraph --questions members,evidence
    .venv/bin/python bench/bench_query.py --size 240000 --stores oxigraph,disk,endpoint --skip-seed

Prints load time and p50/p95 latency per question and store (kg.query's own API:
parse cache warm, rows converted to Python values), and the rdflib/Oxigraph ratio.
Besides the in-memory stores: ``disk`` is the on-disk store of ``kg load`` (the load
and the open are timed apart: the open is what every command pays), ``endpoint`` the
same store served by a local Oxigraph server (``oxigraph serve-read-only``) and asked
through ``kg.query.connect`` (``kg query --endpoint``).  Figures are printed, never asserted.
The synthetic graph is what kg's own graph code makes of synthetic news
(bench/synthetic.py), so it has the layout of a real build; it is cached under bench/out/.
"""
from __future__ import annotations

import argparse
import hashlib
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from synthetic import records_of_size, write_graph

import kg
from kg import query as kq
from kg.errors import RemoteError
from kg.query.ondisk import MARKER

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"

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


def generate(path: Path, size: int, seed: int = 7) -> int:
    """Build a graph of about ``size`` quads from synthetic news (bench/synthetic.py), with
    kg's own graph code and writer, into ``path``; return the quad count."""
    return write_graph(records_of_size(size, seed), path)


def _layout_hash() -> str:
    """A hash of the code that lays the graph out: a cached graph of other code is not reused."""
    digest = hashlib.sha256()
    package = Path(kg.__file__).parent
    for path in (HERE / "synthetic.py", *(package / name for name in
                 ("records.py", "resolve.py", "graph.py", "iris.py", "serialize.py", "namespaces.py"))):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


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


#: Stores of the bench beyond kq.STORES: the on-disk store and a server on it.
EXTRA_STORES = ("disk", "endpoint")


def store_dir(path: Path) -> Path:
    """The on-disk store of ``path`` (loaded when missing or older than the file)."""
    directory = OUT / f"store-{path.stem}"
    marker = directory / MARKER
    if not marker.exists() or marker.stat().st_mtime < path.stat().st_mtime:
        if directory.exists():
            shutil.rmtree(directory)
        start = time.perf_counter()
        report = kq.load_store(path, directory)
        print(f"kg load   {time.perf_counter() - start:7.2f} s  ({report.quads:,} quads into {directory.name})")
    return directory


@contextmanager
def opened(path: Path, store: str) -> Iterator[kq.KgGraph]:
    """The graph ``path`` on ``store``, its open (or load) time printed."""
    if store not in EXTRA_STORES:
        start = time.perf_counter()
        graph = kq.load(path, store)
        print(f"load {store:<9} {time.perf_counter() - start:7.2f} s  ({len(graph):,} quads)")
        yield graph
        return
    directory = store_dir(path)
    if store == "disk":
        start = time.perf_counter()
        graph = kq.load(directory)
        print(f"open disk      {time.perf_counter() - start:7.3f} s  ({len(graph):,} quads, no file read)")
        yield graph
        return
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    binary = Path(sys.executable).parent / "oxigraph"
    server = subprocess.Popen([str(binary if binary.exists() else "oxigraph"), "serve-read-only",
                               "--location", str(directory), "--bind", f"127.0.0.1:{port}"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        graph = kq.connect(f"http://127.0.0.1:{port}/query")
        for _ in range(100):
            try:
                graph.query("ASK { }")
                break
            except RemoteError:
                time.sleep(0.1)
        print(f"endpoint       oxigraph serve-read-only on 127.0.0.1:{port} ({directory.name})")
        yield graph
    finally:
        server.terminate()
        server.wait(10)


def bench_graph(title: str, path: Path, params: dict[str, list[dict[str, str]]], stores: list[str], repeat: int, budget: float, only: set[str] | None = None) -> None:
    print(f"\n## {title}: {path.name}")
    results: dict[tuple[str, str], dict[str, tuple[float, float, int, int]]] = {}
    for store in stores:
        with opened(path, store) as graph:
            _bench_store(graph, store, params, repeat, budget, only, results)
    _print_table(results, stores, budget)


def _bench_store(graph: kq.KgGraph, store: str, params: dict[str, list[dict[str, str]]], repeat: int,
                 budget: float, only: set[str] | None,
                 results: dict[tuple[str, str], dict[str, tuple[float, float, int, int] | None]]) -> None:
    for question in kq.cookbook():
        if only and question.name not in only:
            continue
        for p in params.get(question.name, [{}]):
            key = (question.name, ", ".join(f"{k}={v}" for k, v in p.items()))
            timing = time_question(graph, question.name, p, repeat, budget)
            results.setdefault(key, {})[store] = timing
            shown = f"> budget ({budget:g} s)" if timing is None else f"{timing[2]:>6} rows  p50 {timing[0]:9.1f} ms"
            print(f"  {store:<9} {key[0]:<12} {key[1][:38]:<38} {shown}", flush=True)


def _print_table(results: dict[tuple[str, str], dict[str, tuple[float, float, int, int] | None]],
                 stores: list[str], budget: float) -> None:
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
    parser.add_argument("--stores", default="rdflib,oxigraph",
                        help=f"comma-separated stores: {', '.join((*kq.STORES, *EXTRA_STORES))}")
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
        synthetic = OUT / f"synthetic-{_layout_hash()}-{args.size}.nq"
        if not synthetic.exists():
            start = time.perf_counter()
            count = generate(synthetic, args.size)
            print(f"\ngenerated {synthetic.name}: {count:,} quads in {time.perf_counter() - start:.1f} s")
        bench_graph(f"synthetic graph (≥ {args.size:,} quads)", synthetic, SYNTHETIC_PARAMS, stores, args.repeat, args.budget, only)
    return 0


if __name__ == "__main__":
    sys.exit(main())
