"""``kg build``: corpus -> nlp -> resolve -> graph -> serialize, with progress and a summary.

Two entry points share one pipeline:

* :func:`build_graph` returns the graph in memory (a :class:`BuildResult`);
* :func:`build` also writes it, atomically, to a file whose extension (or an
  explicit ``format``) picks the RDF syntax.  The format is checked before any
  article is read, so a typo in ``-o`` fails at once, not after an hour.

The ``kg build`` command (:func:`register`) is a thin layer over :func:`build`
that adds a progress bar, one warning line per skipped file and a summary table.
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kg.corpus import SkippedFile, read_corpus
from kg.errors import InputError, OutputError, UsageError
from kg.records import ENTITY_TYPES, RELATIONS, DocumentRecord, Entity

if TYPE_CHECKING:
    from rdflib import Dataset

log = logging.getLogger(__name__)

DEFAULT_OUTPUT = Path("out/graph.trig")

#: The stages of a build, in order; :attr:`BuildStats.stage_seconds` times each.
STAGES = ("read", "nlp", "resolve", "graph", "serialize")

#: ``progress(stage, documents_done, documents_total, words_done)``: called after
#: the corpus is read, after each document of the nlp stage and when each later
#: stage starts.  ``stage`` is one of :data:`STAGES`.
ProgressCallback = Callable[[str, int, int, int], None]

#: Below this many documents, ``kg build`` shows no progress bar (it would only flicker).
PROGRESS_MIN_DOCUMENTS = 10


@dataclass(slots=True)
class BuildStats:
    """Counts and timings of one build (what the summary table shows)."""

    documents: int = 0
    skipped: int = 0
    words: int = 0
    entities_by_type: dict[str, int] = field(default_factory=dict)
    facts_by_relation: dict[str, int] = field(default_factory=dict)  # distinct fact triples
    assertions_by_relation: dict[str, int] = field(default_factory=dict)  # one per sentence
    negative_assertions: int = 0
    statements_direct: int = 0
    statements_reported: int = 0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    output: Path | None = None
    output_bytes: int | None = None

    @property
    def seconds(self) -> float:
        """Wall time of all stages run so far."""
        return sum(self.stage_seconds.values())

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else 0.0


@dataclass(slots=True)
class BuildResult:
    """The graph of a corpus and what went into it."""

    dataset: Dataset
    documents: list[DocumentRecord]
    entities: dict[str, Entity]
    skipped: list[SkippedFile]
    stats: BuildStats


def build_graph(
    paths: Sequence[str | os.PathLike[str]],
    model: str | None = None,
    kb_files: Iterable[str | os.PathLike[str]] = (),
    processes: int = 1,
    progress: ProgressCallback | None = None,
) -> BuildResult:
    """Build the knowledge graph of the articles under ``paths`` (folders or ``.txt`` files).

    Skipped files are logged as warnings (logger ``kg.corpus``) and listed in
    ``result.skipped``.  Raises :class:`InputError` for a missing path or a
    corpus without a single readable article.
    """
    # The stages are looked up at call time so each can be replaced in tests.
    from kg import graph, nlp, resolve

    kb_paths = [Path(p) for p in kb_files]
    for kb in kb_paths:
        if not kb.is_file():
            raise InputError(f"no such knowledge-base file: {kb}")
    if processes < 1:
        raise UsageError(f"processes must be at least 1, not {processes}")
    report = progress or _no_progress
    stats = BuildStats()

    with _timed(stats, "read"):
        corpus = read_corpus(paths)
    total = len(corpus.sources)
    stats.documents, stats.skipped = total, len(corpus.skipped)
    report("read", 0, total, 0)

    documents: list[DocumentRecord] = []
    with _timed(stats, "nlp"):
        for record in nlp.process_texts(corpus.sources, model=model, processes=processes,
                                        kb_files=kb_paths):
            documents.append(record)
            stats.words += record.words
            report("nlp", len(documents), total, stats.words)

    report("resolve", total, total, stats.words)
    with _timed(stats, "resolve"):
        entities = resolve.merge_entities(documents)

    report("graph", total, total, stats.words)
    with _timed(stats, "graph"):
        dataset = graph.to_dataset(documents, entities)

    _count(stats, documents, entities)
    return BuildResult(dataset, documents, entities, corpus.skipped, stats)


def build(
    paths: Sequence[str | os.PathLike[str]],
    output: str | os.PathLike[str] = DEFAULT_OUTPUT,
    *,
    format: str | None = None,
    model: str | None = None,
    kb_files: Iterable[str | os.PathLike[str]] = (),
    processes: int = 1,
    progress: ProgressCallback | None = None,
) -> BuildResult:
    """Build the graph of ``paths`` and write it to ``output``.

    ``format`` overrides the syntax the extension of ``output`` implies.  The
    file is replaced atomically when the build succeeds; a failed build leaves
    any previous file untouched.  Raises :class:`OutputError` (before reading the
    corpus) for an unknown format or an output that cannot be a file.
    """
    from kg import serialize

    output = Path(output)
    rdf_format = serialize.format_for(output, format)
    _check_output_location(output)
    result = build_graph(paths, model=model, kb_files=kb_files, processes=processes,
                         progress=progress)
    stats = result.stats
    if progress:
        progress("serialize", stats.documents, stats.documents, stats.words)
    with _timed(stats, "serialize"):
        serialize.write_dataset(result.dataset, output, format=rdf_format)
    stats.output, stats.output_bytes = output, output.stat().st_size
    return result


def _check_output_location(output: Path) -> None:
    """Fail before the long work if ``output`` can never be written.

    Nothing is created here (serialize makes the folder when it writes), so a
    build that fails early leaves no trace.
    """
    if output.is_dir():
        raise OutputError(f"output is a directory: {output}")
    existing = output.absolute().parent
    while not existing.exists():
        existing = existing.parent
    if not existing.is_dir():
        raise OutputError(f"cannot write {output}: {existing} is not a directory")
    if not os.access(existing, os.W_OK):
        raise OutputError(f"cannot write {output}: {existing} is not writable")


def _count(stats: BuildStats, documents: list[DocumentRecord],
           entities: dict[str, Entity]) -> None:
    by_type = Counter(e.type for e in entities.values())
    stats.entities_by_type = {t: by_type[t] for t in ENTITY_TYPES if by_type[t]}
    stats.entities_by_type.update({t: n for t, n in sorted(by_type.items())
                                   if t not in ENTITY_TYPES})
    triples: set[tuple[str, str, str]] = set()
    assertions: Counter[str] = Counter()
    for doc in documents:
        for fact in doc.facts:
            assertions[fact.predicate] += 1
            if fact.negated:
                stats.negative_assertions += 1
            else:
                triples.add((fact.subject, fact.predicate, fact.object))
        for statement in doc.statements:
            if statement.direct:
                stats.statements_direct += 1
            else:
                stats.statements_reported += 1
    facts = Counter(predicate for _, predicate, _ in triples)
    order = list(RELATIONS) + sorted(set(assertions) - set(RELATIONS))
    stats.facts_by_relation = {r: facts[r] for r in order if assertions[r]}
    stats.assertions_by_relation = {r: assertions[r] for r in order if assertions[r]}


class _timed:
    """Context manager adding the wall time of a block to ``stats.stage_seconds[stage]``."""

    def __init__(self, stats: BuildStats, stage: str) -> None:
        self.stats, self.stage = stats, stage

    def __enter__(self) -> None:
        self.start = time.perf_counter()

    def __exit__(self, *exc: object) -> None:
        spent = time.perf_counter() - self.start
        self.stats.stage_seconds[self.stage] = self.stats.stage_seconds.get(self.stage, 0.0) + spent


def _no_progress(stage: str, done: int, total: int, words: int) -> None:
    pass


# --------------------------------------------------------------------------- CLI

DESCRIPTION = """\
Build an RDF knowledge graph from English news articles.

Input: one or more folders (walked recursively for *.txt files; hidden files
and folders are left out) or .txt files.  An article is UTF-8 plain text with
its title on the first line.  Files that are empty, binary, not UTF-8 or
unreadable are skipped with a warning; the rest is built.

Output: one RDF file, written atomically (a failed build never leaves a
half-written file and keeps the previous one).  The extension picks the
format, --format overrides it:
{formats}
A named graph per article holds its mentions, assertions and quotes; the
corpus graph holds the merged actors and facts.  Builds are reproducible:
the same corpus gives the same bytes.

A progress bar (stderr, on a terminal, for more than {few} articles) shows
articles and words per second; a summary table (stdout) ends the run."""

EPILOG = """\
examples:
  kg build corpus                          # -> out/graph.trig
  kg build corpus -o out/graph.nq          # N-Quads, by extension
  kg build corpus more/article.txt -o graph.ttl
  kg build corpus -o graph.rdf --format turtle   # Turtle, whatever the extension
  kg build corpus --kb my-actors.toml --processes 2 --quiet

exit codes: 0 built (possibly with skipped files), 2 bad option,
3 input error (missing path, empty corpus), 4 output error (unknown
format, cannot write)."""


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``build`` command to the ``kg`` command line."""
    parser = subparsers.add_parser(
        "build",
        help="build the knowledge graph of a corpus of articles",
        description=DESCRIPTION.format(formats=_formats_help(), few=PROGRESS_MIN_DOCUMENTS),
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("corpus", nargs="+", metavar="CORPUS", type=Path,
                        help="a folder of articles or an article file (.txt); several allowed")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT, metavar="OUT",
                        help=f"the graph file to write (default: {DEFAULT_OUTPUT})")
    parser.add_argument("--format", metavar="FORMAT",
                        help="RDF format of OUT, overriding its extension: "
                             + ", ".join(_format_names()))
    parser.add_argument("--model", metavar="NAME",
                        help="spaCy pipeline for the nlp stage (default: kg's blank "
                             "English pipeline; no download needed)")
    parser.add_argument("--kb", action="append", default=[], type=Path, metavar="FILE",
                        help="an extra knowledge-base file of known actors, added to "
                             "kg's own; repeat for several")
    parser.add_argument("--processes", type=_positive_int, default=1, metavar="N",
                        help="worker processes for the nlp stage (default: 1)")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="no progress bar and no summary; warnings and errors only")
    parser.set_defaults(func=run)


def _formats_help() -> str:
    from kg.serialize import FORMATS, QUAD_FORMATS

    return "\n".join(
        f"  {extension:<9} --format {name:<8} "
        f"{'named graph per article + corpus graph' if name in QUAD_FORMATS else 'merged graph'}"
        for extension, name in FORMATS.items())


def _format_names() -> list[str]:
    from kg.serialize import FORMATS

    return list(dict.fromkeys(FORMATS.values()))


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def run(args: argparse.Namespace) -> int:
    """Run ``kg build`` from parsed arguments; returns the exit code."""
    with _warnings_to_stderr(), _ProgressBar(enabled=not args.quiet) as bar:
        result = build(args.corpus, args.output, format=args.format, model=args.model,
                       kb_files=args.kb, processes=args.processes, progress=bar.update)
    if not args.quiet:
        _print_summary(result.stats, args.corpus)
    return 0


class _StderrHandler(logging.Handler):
    """Writes ``kg build: warning: …`` lines to whatever ``sys.stderr`` is at the time."""

    def emit(self, record: logging.LogRecord) -> None:
        print(f"kg build: {record.levelname.lower()}: {record.getMessage()}", file=sys.stderr)


class _warnings_to_stderr:
    """Route kg's warnings (skipped files, …) to stderr for the duration of a command."""

    def __enter__(self) -> None:
        self.logger = logging.getLogger("kg")
        self.handler = _StderrHandler(logging.WARNING)
        self.logger.addHandler(self.handler)

    def __exit__(self, *exc: object) -> None:
        self.logger.removeHandler(self.handler)


class _ProgressBar:
    """A rich progress bar on stderr: articles done, words/s, then the later stages.

    Shown only on a terminal and for more than :data:`PROGRESS_MIN_DOCUMENTS`
    articles, so logs and pipes stay clean and tiny builds do not flicker.
    """

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.progress = None
        self.task = None

    def __enter__(self) -> _ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.progress is not None:
            self.progress.stop()

    def update(self, stage: str, done: int, total: int, words: int) -> None:
        if not self.enabled:
            return
        if self.progress is None:
            if stage != "read" or total <= PROGRESS_MIN_DOCUMENTS:
                return
            self._start(total)
        labels = {"read": "reading", "nlp": "reading articles", "resolve": "resolving actors",
                  "graph": "building graph", "serialize": "writing"}
        self.progress.update(self.task, completed=done, words=words,
                             description=labels.get(stage, stage))

    def _start(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn,
                                   TextColumn, TimeElapsedColumn, TimeRemainingColumn)
        from rich.text import Text

        class WordsPerSecond(ProgressColumn):
            def render(self, task) -> Text:
                elapsed = task.elapsed or 0.0
                rate = task.fields.get("words", 0) / elapsed if elapsed > 0 else 0.0
                return Text(f"{rate:,.0f} words/s")

        self.progress = Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
            TextColumn("articles"), WordsPerSecond(), TimeElapsedColumn(), TimeRemainingColumn(),
            console=Console(stderr=True), transient=True)
        self.task = self.progress.add_task("reading articles", total=total, words=0)
        self.progress.start()


def _print_summary(stats: BuildStats, corpus: Sequence[Path]) -> None:
    """The end-of-build table, on stdout (progress and warnings go to stderr).

    The output path is printed on a line of its own, unwrapped, so it can be copied.
    """
    from rich import box
    from rich.console import Console
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, title="kg build summary", title_justify="left")
    table.add_column("")
    table.add_column("count", justify="right")
    table.add_column("detail")
    table.add_row("documents", f"{stats.documents:,}", f"built ({stats.skipped:,} skipped)")
    table.add_row("entities", f"{sum(stats.entities_by_type.values()):,}", "")
    for type_, n in stats.entities_by_type.items():
        table.add_row(f"  {type_}", f"{n:,}", "")
    table.add_row("facts", f"{sum(stats.facts_by_relation.values()):,}",
                  _plural(sum(stats.assertions_by_relation.values()), "assertion"))
    for relation, n in stats.facts_by_relation.items():
        table.add_row(f"  {relation}", f"{n:,}",
                      _plural(stats.assertions_by_relation[relation], "assertion"))
    if stats.negative_assertions:
        table.add_row("  negative", "", _plural(stats.negative_assertions, "assertion") + ", no fact")
    table.add_row("statements", f"{stats.statements_direct + stats.statements_reported:,}",
                  f"{stats.statements_direct:,} direct, {stats.statements_reported:,} reported")
    table.add_row("words", f"{stats.words:,}", "")
    table.add_row("seconds", f"{stats.seconds:,.2f}",
                  " ".join(f"{s} {t:.2f}" for s, t in stats.stage_seconds.items()))
    table.add_row("words/s", f"{stats.words_per_second:,.0f}", "")
    console = Console(highlight=False)
    console.print(table)
    if stats.output is not None:
        console.print(f"output: {stats.output} ({_human_size(stats.output_bytes or 0)})",
                      soft_wrap=True, markup=False)


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}" + ("" if count == 1 else "s")


def _human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "kB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{value:,.0f} {unit}" if unit == "B" else f"{value:,.1f} {unit}"
        value /= 1000
    return f"{size} B"
