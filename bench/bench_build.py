"""Benchmark ``kg build`` on a synthetic corpus of about a million words.

    .venv/bin/python bench/bench_build.py [--words N] [--processes N] [--repeat N] [--keep]

1. Makes ``bench/out/corpus/`` (git-ignored) from real news: the seed articles of
   ``corpus/`` and the 36 dev articles of ``tests/data/dev/articles/`` (34 outlets,
   so the nlp stage meets open vocabulary, not only the seeds' phrasing): each
   synthetic article keeps one of their titles as its first line and gets a body
   of 300-800 words of their sentences, shuffled with a fixed seed, in which
   actor names are swapped for other actors of the same type (from the
   knowledge base, ``kg.kb.load_kb()``), so the nlp stage meets varied actors.
2. Compiles kg's modules to bytecode (as an installed kg has them), then runs
   ``kg build`` on it (a child process, ``.trig`` output) once per
   ``--processes`` value (default ``1,2,dask2``) and measures the end-to-end wall time,
   words/s, the peak RSS and the CPU time of its process tree; with ``--repeat N``, N
   interleaved rounds of those runs, and the median of each.
3. Times an incremental rebuild (``kg build`` without ``--full``) after one article
   changed, the records of the other articles kept from the build before; then
   again with ``--processes 2`` after another change.
4. Runs the same build through the Python API (:func:`kg.build.build`) in this
   process to time each stage: read, nlp, resolve, graph, serialize (records not
   kept in memory, as ``kg build`` runs).

5. Times a fixed piece of pure-Python work before and after (``reference_seconds``):
   the machine's speed in this sitting, printed last, so that figures from different
   sittings of a shared machine can be compared.

Figures are printed, never asserted.  The corpus is the same for the same
``--words`` on every run; ``--keep`` leaves the corpus and the two graphs
(``bench/out/build-cli.trig``, ``build-api.trig``) in place afterwards.
"""
from __future__ import annotations

import argparse
import compileall
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_CORPUS = ROOT / "corpus"
DEV_ARTICLES = ROOT / "tests" / "data" / "dev" / "articles"
OUT = ROOT / "bench" / "out"
SEED = 20240101
BODY_WORDS = (300, 800)
SENTENCES_PER_PARAGRAPH = (2, 5)

#: Used when the knowledge base is not available: a few actors per type.
FALLBACK_ACTORS = {
    "Person": ["Vladimir Putin", "Nikol Pashinyan", "Ilham Aliyev", "Sergey Lavrov",
               "Dmitry Peskov", "Antonio Guterres", "Emmanuel Macron", "Recep Tayyip Erdogan"],
    "Country": ["Russia", "Armenia", "Azerbaijan", "Turkey", "France", "United States",
                "Kazakhstan", "Belarus", "Kyrgyzstan", "Tajikistan", "Uzbekistan", "Georgia"],
    "Organization": ["Collective Security Treaty Organization", "OSCE Minsk Group",
                     "United Nations", "European Union", "NATO"],
    "Place": ["Moscow", "Yerevan", "Baku", "Ankara", "Nagorno-Karabakh", "Stepanakert"],
}

#: A sentence ends at . ! or ? (perhaps followed by a closing quote) before a space.
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’]))\s+")


def actors_by_type() -> tuple[dict[str, list[str]], str]:
    """Actor names grouped by type, and where they came from."""
    try:
        from kg.kb import load_kb

        kb = load_kb()
    except Exception as exc:  # KB not written yet or broken: the bench still runs
        return FALLBACK_ACTORS, f"fallback list ({type(exc).__name__}: {exc})"
    names: dict[str, list[str]] = {}
    for actor in kb:
        # Only names at least 4 characters long and not marked ambiguous are swapped.
        usable = [n for n in actor.names() if len(n) >= 4 and n not in actor.ambiguous]
        names.setdefault(actor.type, []).extend(usable)
    return {t: sorted(set(v)) for t, v in names.items() if len(v) > 1}, f"kg.kb ({len(kb)} actors)"


def seed_articles() -> list[tuple[str, list[str]]]:
    """(title, body sentences) of each seed and dev article."""
    from kg.ingest import read_corpus

    articles = []
    folders = [folder for folder in (SEED_CORPUS, DEV_ARTICLES) if folder.is_dir()]
    for source in read_corpus(folders).sources:
        title, _, body = source.text.strip().partition("\n")
        sentences = [s.strip() for para in body.split("\n") for s in _SENTENCE_END.split(para)]
        articles.append((title.strip(), [s for s in sentences if len(s.split()) >= 4]))
    return articles


def make_corpus(folder: Path, words: int) -> tuple[int, int]:
    """Write synthetic articles totalling at least ``words`` words; returns (articles, words)."""
    rng = random.Random(SEED)
    actors, _ = actors_by_type()
    type_of = {name: t for t, names in actors.items() for name in names}
    names = sorted(type_of, key=len, reverse=True)  # longest first: "Russian Federation" before "Russia"
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b")

    def swap(match: re.Match) -> str:
        return rng.choice(actors[type_of[match.group()]])

    seeds = seed_articles()
    pool = [s for _, sentences in seeds for s in sentences]
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    written = count = 0
    while written < words:
        title = rng.choice(seeds)[0]
        target = rng.randint(*BODY_WORDS)
        body: list[str] = []
        body_words = 0
        while body_words < target:
            sentence = pattern.sub(swap, rng.choice(pool))
            body.append(sentence)
            body_words += len(sentence.split())
        paragraphs = []
        while body:
            take = rng.randint(*SENTENCES_PER_PARAGRAPH)
            paragraphs.append(" ".join(body[:take]))
            body = body[take:]
        text = title + "\n\n" + "\n\n".join(paragraphs) + "\n"
        (folder / f"{count // 500:03d}" / f"{count:06d}.txt").parent.mkdir(exist_ok=True)
        (folder / f"{count // 500:03d}" / f"{count:06d}.txt").write_text(text, encoding="utf-8")
        written += len(text.split())
        count += 1
    return count, written


def run_cli(corpus: Path, output: Path, processes: int, full: bool = True,
            dask: bool = False) -> tuple[float, int, subprocess.CompletedProcess, float]:
    """Run ``kg build`` as a child process: (wall seconds, peak RSS in kB, result, CPU seconds).

    The peak and the CPU are those of the build's process tree, read by a wrapper Python
    that runs it (``RUSAGE_CHILDREN`` of the wrapper: the largest of the build and its
    workers, and their CPU time summed), so each run is measured on its own.  CPU time is
    the figure to compare on a machine that other work shares: wall time there moves
    with the neighbours, CPU time hardly.
    """
    kg = Path(sys.executable).with_name("kg")
    command = [str(kg), "build", str(corpus), "-o", str(output), "--processes", str(processes), "--quiet"]
    if full:  # every article read, whatever an earlier run left beside the output
        command.append("--full")
    if dask:  # a LocalCluster of `processes` workers
        command.append("--dask")
    wrapper = ("import resource, subprocess, sys; rc = subprocess.call(sys.argv[1:]); "
               "use = resource.getrusage(resource.RUSAGE_CHILDREN); "
               "print(use.ru_maxrss, use.ru_utime + use.ru_stime, file=sys.stderr); sys.exit(rc)")
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", wrapper, *command], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    last = done.stderr.strip().splitlines()[-1].split() if done.stderr.strip() else ["0", "0"]
    peak_kb, cpu = int(last[0]), float(last[1])  # Linux reports kB
    return seconds, peak_kb, done, cpu


def reference_seconds(rounds: int = 5) -> float:
    """CPU seconds of a fixed piece of pure-Python work (dict, list and string operations, as
    kg's rules do), the best of ``rounds``: the machine's speed in this sitting.  On a shared
    machine one process's speed varies by 1.5x from one hour to the next; the same code's
    words/s are comparable between sittings only beside this figure."""
    words = [f"w{i % 5000}" for i in range(1_000_000)]
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        counts: dict[str, int] = {}
        for word in words:
            counts[word] = counts.get(word, 0) + 1
        " ".join(sorted(words)).lower().split()
        best = min(best, time.process_time() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", type=int, default=1_000_000,
                        help="words in the synthetic corpus (default: 1,000,000)")
    parser.add_argument("--processes", default="1,2,dask2",
                        help="one run of kg build per value, comma-separated: N for --processes N, "
                             "daskN for --dask with a LocalCluster of N workers (default: 1,2,dask2)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="rounds of the --processes runs, interleaved (1, 2, dask2, 1, 2, ...); "
                             "the median of each is shown, with the range (default: 1)")
    parser.add_argument("--keep", action="store_true",
                        help="keep bench/out/corpus/ and the graphs afterwards")
    args = parser.parse_args(argv)

    import kg
    from kg.build import build

    # kg's modules as an installed kg has them, compiled: pip compiles a wheel's modules as
    # it installs them, and Python writes the bytecode of the others on their first import,
    # unless PYTHONDONTWRITEBYTECODE is set (as on some CI machines: each kg process would
    # then compile kg's modules again, 0.1-0.2 s of every build)
    compileall.compile_dir(Path(kg.__file__).parent, quiet=1)
    corpus = OUT / "corpus"
    cli_output, api_output = OUT / "build-cli.trig", OUT / "build-api.trig"
    _, actor_source = actors_by_type()
    start = time.perf_counter()
    articles, words = make_corpus(corpus, args.words)
    print(f"corpus: {articles:,} articles, {words:,} words in {corpus.relative_to(ROOT)} "
          f"(names from {actor_source}; made in {time.perf_counter() - start:.1f} s)")

    reference_before = reference_seconds()
    specs = args.processes.split(",")
    measured: dict[str, list[tuple[float, int, float]]] = {spec: [] for spec in specs}
    for _ in range(max(args.repeat, 1)):  # interleaved: a drift of the machine's speed hits every mode alike
        for spec in specs:
            dask = spec.startswith("dask")
            seconds, peak_kb, done, cpu = run_cli(corpus, cli_output, int(spec.removeprefix("dask")), dask=dask)
            if done.returncode != 0:
                print(f"kg build failed (exit {done.returncode}):\n{done.stderr}", file=sys.stderr)
                return 1
            measured[spec].append((seconds, peak_kb, cpu))
    runs = [(spec.replace("dask", "dask ") + (" workers" if spec.startswith("dask") else ""),
             statistics.median(m[0] for m in measured[spec]), max(m[1] for m in measured[spec]),
             statistics.median(m[2] for m in measured[spec]), [m[0] for m in measured[spec]])
            for spec in specs]
    size = cli_output.stat().st_size

    # an incremental rebuild: the records of a first (incremental) build are kept, one
    # article changes, the rebuild reads it alone
    run_cli(corpus, cli_output, 1, full=False)
    changed = sorted(corpus.rglob("*.txt"))[len(list(corpus.rglob("*.txt"))) // 2]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nThe talks went on.\n", encoding="utf-8")
    rebuild_seconds, rebuild_kb, done, _ = run_cli(corpus, cli_output, 1, full=False)
    if done.returncode != 0:
        print(f"kg build failed (exit {done.returncode}):\n{done.stderr}", file=sys.stderr)
        return 1
    # and with two processes (the graph made and written by both), another article changed
    changed.write_text(changed.read_text(encoding="utf-8") + "\nThe talks went on again.\n", encoding="utf-8")
    rebuild2_seconds, rebuild2_kb, done, _ = run_cli(corpus, cli_output, 2, full=False)
    if done.returncode != 0:
        print(f"kg build failed (exit {done.returncode}):\n{done.stderr}", file=sys.stderr)
        return 1

    result = build([corpus], api_output, incremental=False, keep_records=False)  # as kg build runs
    stats = result.stats
    reference_after = reference_seconds()

    print()
    print(f"kg build, one command ({stats.documents:,} documents, {len(result.entities):,} entities, "
          f"{size / 1e6:.1f} MB {cli_output.relative_to(ROOT)})")
    if args.repeat > 1:
        print(f"  (medians of {args.repeat} interleaved runs; the range of the wall times in brackets)")
    print(f"  {'processes':<16}{'wall s':>10}{'words/s':>12}{'speed-up':>10}{'peak RSS MB':>13}{'CPU s':>8}")
    for processes, seconds, peak_kb, cpu, each in runs:
        # Dask's workers are forked by a server that no process waits for: their CPU is not counted
        cpu_text = f"{cpu:>8.1f}" if not processes.startswith("dask") else f"{'-':>8}"
        spread = f"  [{min(each):.1f}-{max(each):.1f}]" if len(each) > 1 else ""
        print(f"  {processes:<16}{seconds:>10.1f}{words / seconds:>12,.0f}{runs[0][1] / seconds:>9.2f}x"
              f"{peak_kb / 1024:>13,.0f}{cpu_text}{spread}")
    print(f"  incremental rebuild after one changed article: {rebuild_seconds:.1f} s, "
          f"peak RSS {rebuild_kb / 1024:,.0f} MB; with --processes 2: {rebuild2_seconds:.1f} s, "
          f"{rebuild2_kb / 1024:,.0f} MB")
    print()
    print("stages (Python API, one process, same corpus, in this process)")
    print(f"  {'stage':<12}{'seconds':>10}{'share':>8}{'words/s':>14}")
    total = stats.seconds
    for stage, spent in stats.stage_seconds.items():
        rate = f"{stats.words / spent:>14,.0f}" if spent > 0 else f"{'-':>14}"
        print(f"  {stage:<12}{spent:>10.2f}{spent / total:>8.0%}{rate}")
    print(f"  {'total':<12}{total:>10.2f}{1:>8.0%}{stats.words / total:>14,.0f}")
    slowest = max(stats.stage_seconds, key=stats.stage_seconds.get)
    print(f"\nslowest stage: {slowest} ({stats.stage_seconds[slowest] / total:.0%} of the time)")
    print(f"machine reference (bench_build.reference_seconds, lower is faster): {reference_before:.3f} s before "
          f"the runs, {reference_after:.3f} s after")

    if not args.keep:  # only this benchmark's files: bench/out/ is shared with other benchmarks
        shutil.rmtree(corpus)
        shutil.rmtree(cli_output.parent / f".{cli_output.name}.records", ignore_errors=True)
        cli_output.unlink()
        api_output.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
