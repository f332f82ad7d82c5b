"""Benchmark the nlp stage (:func:`kg.nlp.process_texts`, one process) on a corpus.

    .venv/bin/python bench/bench_nlp.py [CORPUS ...] [--limit N] [--repeat N]

CORPUS defaults to ``bench/out/corpus/`` (made by ``bench/bench_build.py``).  Prints the
words/s of ``process_texts`` (best of ``--repeat`` runs: the machine may be shared) and
the time each component of the pipeline takes (tokenizer, kg_layout, ..., records).
Figures are printed, never asserted.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT / "bench" / "out" / "corpus"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="*", type=Path, default=[DEFAULT_CORPUS])
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles (0: all)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of process_texts; the best is shown")
    args = parser.parse_args(argv)
    missing = [p for p in args.corpus if not p.exists()]
    if missing:
        print(f"no corpus at {missing[0]} (make it with bench/bench_build.py --keep)", file=sys.stderr)
        return 3

    from kg.ingest import read_corpus
    from kg.nlp import make_pipeline, process_texts
    from kg.nlp.pipeline import doc_to_record

    sources = read_corpus(args.corpus).sources
    if args.limit:
        sources = sources[: args.limit]
    t = time.perf_counter()
    nlp = make_pipeline()
    print(f"pipeline made in {time.perf_counter() - t:.2f} s; {len(sources)} articles")

    best = best_cpu = None
    words = 0
    for _ in range(max(1, args.repeat)):
        t, c = time.perf_counter(), time.process_time()
        words = sum(record.words for record in process_texts(sources))
        elapsed, cpu = time.perf_counter() - t, time.process_time() - c
        best = elapsed if best is None else min(best, elapsed)
        best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
        print(f"  process_texts: {words:,} words in {elapsed:.2f} s = {words / elapsed:,.0f} words/s"
              f" (CPU {cpu:.2f} s)")
    print(f"best: {words / best:,.0f} words/s ({best:.2f} s wall, pipeline creation included);"
          f" {words / best_cpu:,.0f} words per CPU second")

    # where the time goes, one pipeline, each component timed on its own
    spent: dict[str, float] = defaultdict(float)
    clock = time.process_time
    for source in sources:
        t0 = clock()
        doc = nlp.make_doc(source.text)
        doc.user_data["kg_text"] = source.text
        t1 = clock()
        spent["tokenizer"] += t1 - t0
        for name, component in nlp.pipeline:
            doc = component(doc)
            t2 = clock()
            spent[name] += t2 - t1
            t1 = t2
        doc_to_record(doc, source.identifier)
        spent["records"] += clock() - t1
    total = sum(spent.values())
    print(f"per component, CPU time ({total:.2f} s in all):")
    for name, seconds in spent.items():
        print(f"  {name:<14} {seconds:6.2f} s  {100 * seconds / total:5.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
