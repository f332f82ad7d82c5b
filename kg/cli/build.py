"""``kg build``: the command line over :func:`kg.build.build`.

Adds what a person at a terminal wants and a library caller does not: a progress bar
(stderr, on a terminal only), one warning line per skipped file and a summary table.
"""
from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from kg.build import ARTICLE_SECONDS, DEFAULT_OUTPUT, PROGRESS_MIN_DOCUMENTS, BuildStats, build
from kg.cluster import LOCAL
from kg.errors import UsageError
from kg.ingest import ReadOptions
from kg.ingest.metadata import SLOTS, ingest_data
from kg.rdfio import WRITABLE

DESCRIPTION = """\
Build an RDF knowledge graph from English news articles.

Input: folders (walked recursively; hidden files and folders are left out),
article files, or - (JSON Lines on standard input).  Formats, by suffix:
  .txt .md      UTF-8 text, title on the first line (an optional header or YAML
                front matter gives title, date, url, publisher, author)
  .html .htm    saved web pages (main text and metadata by trafilatura)
  .jsonl .ndjson .json   scraper / news-API records (title, text, url, date,
                author, publisher, id ... ; --field SLOT=NAME for others)
  .csv .tsv     one article per row, the same names as columns
  .warc .warc.gz        every HTML page of a crawl
A file or record that is empty, binary, badly encoded, malformed, not English
or over --max-article-mb is skipped with a warning; the rest is built.  The
same article twice (same URL or text) is built once.  Links leaving a corpus
folder are refused unless --follow-links.

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
  kg build feed.jsonl pages/ crawl.warc.gz -o out/news.trig
  scraper | kg build - -o graph.trig      # JSON Lines on standard input
  kg build export.csv --field text=story --field date=when
  kg build corpus -o graph.rdf --format turtle   # Turtle, whatever the extension
  kg build corpus --kb my-actors.toml --processes 2 --quiet
  kg build corpus -o out/graph.trig --store out/store   # then: kg ask members out/store …

exit codes: 0 built (possibly with skipped files), 2 bad option,
3 input error (missing path, empty corpus), 4 output error (unknown
format, cannot write, another kg writing the same output)."""


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
                        help="a folder of articles, an article file (.txt .md .html .jsonl .json "
                             ".csv .tsv .warc.gz …) or - for JSON Lines on stdin; several allowed")
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
    parser.add_argument("--field", action="append", default=[], type=_field_override, metavar="SLOT=NAME",
                        help="read SLOT from the field (JSON key, CSV column) NAME before the usual "
                             f"names; SLOT is one of {', '.join(SLOTS)}; repeat for several "
                             "(--field text=story --field date=when)")
    parser.add_argument("--max-article-mb", type=_positive_float, metavar="MB",
                        help="skip an article with more text than this, with a warning "
                             f"(default: {ingest_data().max_article_mb:g})")
    parser.add_argument("--max-article-seconds", type=_positive_float, default=ARTICLE_SECONDS, metavar="S",
                        help="skip an article whose reading takes longer than this, with a warning "
                             f"(default: {ARTICLE_SECONDS:g})")
    parser.add_argument("--full", action="store_true",
                        help="read every article again and write the whole graph, instead of reusing what "
                             "the last build of OUT read from the unchanged articles (kept in .OUT.records/ "
                             "beside OUT) and, into .trig, patching OUT where they changed")
    parser.add_argument("--follow-links", action="store_true",
                        help="read links in a corpus folder that point outside it (refused by default)")
    parser.add_argument("--processes", type=_positive_int, default=1, metavar="N",
                        help="worker processes (default: 1): they read the articles and, into .trig or "
                             ".nq, make and write the graph (the same bytes as one process); with --dask, "
                             "also the workers of the local Dask cluster")
    parser.add_argument("--dask", nargs="?", const=LOCAL, metavar="SCHEDULER",
                        help="read the articles on a Dask cluster: a local one of --processes workers, or "
                             "the scheduler at SCHEDULER (tcp://host:8786); needs pip install 'kg[dask]'")
    parser.add_argument("--store", type=Path, metavar="DIR",
                        help="also load the graph into the on-disk store DIR, as 'kg load OUT --store DIR' "
                             "does (kg query, ask, serve and export then open DIR at once)")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="no progress bar and no summary; warnings and errors only")
    parser.set_defaults(func=run)


def _formats_help() -> str:
    return "\n".join(
        f"  {fmt.suffix:<9} --format {fmt.name:<8} "
        f"{'named graph per article + corpus graph' if fmt.quads else 'merged graph'}"
        for fmt in WRITABLE.values())


def _format_names() -> list[str]:
    return [fmt.name for fmt in WRITABLE.values()]


def _field_override(text: str) -> tuple[str, str]:
    slot, sep, name = text.partition("=")
    slot, name = slot.strip().lower(), name.strip()
    if not sep or not name:
        raise argparse.ArgumentTypeError(f"not SLOT=NAME: {text!r}")
    if slot not in SLOTS:
        raise argparse.ArgumentTypeError(f"unknown slot {slot!r} (one of {', '.join(SLOTS)})")
    return slot, name


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0, not {text}")
    return value


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
    if args.store is not None:
        from kg.query.ondisk import check_writable
        from kg.rdfio import LOADABLE, suffix_of

        if args.format is not None or suffix_of(args.output) not in LOADABLE:
            raise UsageError(f"--store loads OUT by its suffix: write it as one of {', '.join(LOADABLE)} "
                             "(without --format)")
        check_writable(args.store)  # before the build, not after it
    with _warnings_to_stderr(), _ProgressBar(enabled=not args.quiet) as bar:
        result = build(args.corpus, args.output, format=args.format, model=args.model,
                       kb_files=args.kb, processes=args.processes, progress=bar.update,
                       article_seconds=args.max_article_seconds, incremental=not args.full, dask=args.dask,
                       keep_records=False,  # bounded memory: the records wait on disk
                       options=ReadOptions(fields=tuple(args.field), max_article_mb=args.max_article_mb,
                                           follow_links=args.follow_links))
    if not args.quiet:
        if result.stats.full_reason:
            print(f"kg build: read every article again: {result.stats.full_reason}", file=sys.stderr)
        _print_summary(result.stats, args.corpus)
    if args.store is not None:
        from kg.cli.load import summary
        from kg.query.ondisk import load_store

        report = load_store(result.stats.output or args.output, args.store)
        if not args.quiet:
            print(summary(report), file=sys.stderr)
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
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            ProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
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
    dropped = f", {_plural(stats.duplicates, 'duplicate')} dropped" if stats.duplicates else ""
    table.add_row("documents", f"{stats.documents:,}", f"built ({stats.skipped:,} skipped{dropped})")
    if stats.reused:
        table.add_row("  reused", f"{stats.reused:,}", "unchanged since the last build: not read again"
                      + ("; the last output patched" if stats.patched else ""))
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
