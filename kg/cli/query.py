"""``kg query`` and ``kg ask``: SPARQL and the cookbook's questions from the command line.

The result goes to stdout (a table on a terminal, CSV in a pipe); a note on stderr says
when rows were left out.  ``--endpoint URL`` runs the query on a SPARQL 1.1 Protocol
endpoint instead of a graph file (see :mod:`kg.query.endpoint`).  With ``--store oxigraph`` the graph is loaded and the query run
in a child process: pyoxigraph is native code, and should it crash (a stack overflow
kills the whole process with SIGSEGV), the command still ends with one line and exit 1.
"""
from __future__ import annotations

import argparse
import multiprocessing
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kg.errors import InputError, KgError, OutputError, StoreCrashed, UsageError
from kg.query import (
    DEFAULT_STORE,
    ENDPOINT_TIMEOUT,
    GRAPH_OUTPUT_FORMATS,
    RESULT_FORMATS,
    STORES,
    KgGraph,
    QueryResult,
    connect,
    cookbook,
    is_store,
    load,
    question_named,
    scan,
)
from kg.rdfio import LOADABLE

#: --format choices: a table for people, then the result formats, then the graph formats.
OUTPUT_FORMATS = ("table", *RESULT_FORMATS, *GRAPH_OUTPUT_FORMATS)
#: The graph files kg loads, for --help.
GRAPH_SUFFIXES = ", ".join(LOADABLE)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``kg query`` and ``kg ask``."""
    query = subparsers.add_parser(
        "query",
        help="run a SPARQL query on a built graph",
        description="Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) on a built graph. "
        "kg's prefixes (kg, id, rdf, rdfs, owl, xsd, skos, prov, dcterms, schema, foaf, org, wd, wdt) "
        "are declared for you. Updates, SERVICE and FROM <url or file> are refused.",
    )
    query.add_argument("graph", metavar="GRAPH", nargs="?",
                       help=f"the graph file ({GRAPH_SUFFIXES}) or a store directory written by "
                       "kg load; left out with --endpoint")
    query.add_argument("sparql", metavar="QUERY", nargs="?", help="the query text (or use -f)")
    query.add_argument("-f", "--file", metavar="FILE.rq", help="read the query from a file ('-' for stdin)")
    _common_options(query)
    query.set_defaults(func=_run_query)

    ask_parser = subparsers.add_parser(
        "ask",
        help="ask one of the cookbook questions (kg ask --list)",
        description="Ask a cookbook question by name, e.g. kg ask members --param org=CSTO graph.trig. "
        "kg ask --list shows the questions and their parameters.",
    )
    ask_parser.add_argument("name", metavar="NAME", nargs="?", help="the question (see --list)")
    ask_parser.add_argument("graph", metavar="GRAPH", nargs="?", help="the graph file or store directory; left out with --endpoint")
    ask_parser.add_argument("--list", action="store_true", help="list the questions and exit")
    ask_parser.add_argument(
        "--print-query", action="store_true",
        help="print the question as plain SPARQL with the --param values in its VALUES blocks "
        "(to paste into YASGUI or any SPARQL 1.1 store) and exit; no GRAPH needed",
    )
    ask_parser.set_defaults(late_positionals=("name", "graph"))
    _common_options(ask_parser)
    ask_parser.set_defaults(func=_run_ask)


def _common_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-p", "--param", action="append", default=[], metavar="NAME=VALUE",
        help="bind ?NAME to VALUE (an IRI if it looks like one or uses a kg prefix, else a string); repeatable",
    )
    parser.add_argument(
        "--format", choices=OUTPUT_FORMATS,
        help="output format (default: table on a terminal, csv otherwise; ttl for graphs)",
    )
    parser.add_argument("--store", choices=STORES, default=None,
                        help=f"query engine a graph file is loaded into (default {DEFAULT_STORE}; "
                        "a store directory always runs on oxigraph)")
    parser.add_argument("--endpoint", metavar="URL",
                        help="ask this SPARQL 1.1 Protocol endpoint instead of a graph file (an Oxigraph "
                        "server's /query, Fuseki, Virtuoso's /sparql, kg serve's /sparql); its default "
                        "graph should hold every triple, as kg serve's does")
    parser.add_argument("--timeout", type=float, metavar="SECONDS",
                        help=f"with --endpoint: seconds to wait for the answer (default {ENDPOINT_TIMEOUT:g})")
    parser.add_argument("--limit", type=int, metavar="N", help="print at most N rows (a note on stderr if cut)")


def _parse_params(items: list[str]) -> dict[str, str]:
    params: dict[str, str] = {}
    for item in items:
        name, eq, value = item.partition("=")
        if not eq or not name.strip():
            raise UsageError(f"--param {item!r}: expected NAME=VALUE")
        params[name.strip()] = value
    return params


def _run_query(args: argparse.Namespace) -> int:
    if args.endpoint is not None and args.graph and args.sparql:
        raise UsageError("give a GRAPH or --endpoint URL, not both")
    if args.file and args.sparql:
        raise UsageError("give the query as text or with -f, not both")
    if args.file:
        sparql = sys.stdin.read() if args.file == "-" else _read_query_file(args.file)
    elif args.sparql:
        sparql = args.sparql
    elif args.endpoint is not None and args.graph:  # kg query --endpoint URL 'SELECT …'
        sparql, args.graph = args.graph, None
    else:
        raise UsageError("no query: give QUERY or -f FILE.rq")
    params = _parse_params(args.param)
    if sparql.strip():
        scan(sparql)  # refuse updates, SERVICE and too deep queries before loading a big graph
    opened, crashable = _opener(args)

    def answer() -> Output:
        return _render(opened().query(sparql, params, limit=args.limit), args.format,
                       f"result cut at --limit {args.limit}")

    return _write(*(_in_child(answer) if crashable else answer()))


def _opener(args: argparse.Namespace) -> tuple[Callable[[], KgGraph], bool]:
    """How to open what ``args`` names (a graph file or an endpoint), and whether it is
    native code that runs in a child process (see :func:`_in_child`)."""
    if args.endpoint is not None:
        if args.graph:
            raise UsageError("give a GRAPH or --endpoint URL, not both")
        if args.store is not None:
            raise UsageError("--store picks the engine a graph file is loaded into; an endpoint runs its own")
        timeout = ENDPOINT_TIMEOUT if args.timeout is None else args.timeout
        graph = connect(args.endpoint, timeout=timeout)  # checks the URL, sends nothing
        return (lambda: graph), False
    if args.timeout is not None:
        raise UsageError("--timeout is for --endpoint (a local query runs until it ends; Ctrl-C stops it)")
    if not args.graph:
        raise UsageError(f"which graph? give a graph file ({GRAPH_SUFFIXES}) or --endpoint URL")
    native = is_store(args.graph) or (args.store or DEFAULT_STORE) in CRASHABLE_STORES
    return (lambda: load(args.graph, args.store)), native


#: Stores in native code that can take the process down with them; they run in a child.
CRASHABLE_STORES = frozenset({"oxigraph"})


def _in_child(work: Callable[[], Output]) -> Output:
    """Run ``work`` (load, query, serialize) in a forked child and return its output.

    The output comes back through a pipe and is written here, so callers of
    :func:`kg.cli.main` that redirect ``sys.stdout`` still get it.  A KgError in the
    child is raised again here (same message, same exit code); a child killed by a
    signal becomes :class:`StoreCrashed`.  Without ``fork`` (Windows) ``work`` runs
    in this process.
    """
    if "fork" not in multiprocessing.get_all_start_methods():
        return work()
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child_main, args=(work, sender), name="kg-query-store")
    child.start()
    sender.close()
    try:
        try:  # read before joining: a result larger than the pipe's buffer blocks the child
            outcome = receiver.recv()
        except EOFError:  # the child died before it could say anything
            outcome = None
        child.join()
    except KeyboardInterrupt:
        child.kill()
        child.join()
        raise
    finally:
        receiver.close()
    if isinstance(outcome, KgError):
        raise outcome
    if isinstance(outcome, tuple):
        return outcome
    code = child.exitcode
    if code is not None and code < 0:
        name = signal.Signals(-code).name if -code in signal.valid_signals() else f"signal {-code}"
        raise StoreCrashed(f"the Oxigraph store crashed ({name}) while running the query; "
                           "simplify the query or try --store rdflib")
    if outcome == KeyboardInterrupt.__name__:
        raise KeyboardInterrupt
    # An unexpected exception (a bug): the child printed its traceback.
    raise StoreCrashed(f"the query process failed (exit {code}); see the traceback above")


def _child_main(work: Callable[[], Output], sender: Any) -> None:
    try:
        outcome: Output | KgError | str = work()
    except KgError as exc:
        outcome = exc
    except KeyboardInterrupt:
        outcome = KeyboardInterrupt.__name__
    try:
        sender.send(outcome)
    except Exception:  # an exception that does not pickle: keep its line and exit code
        plain = KgError(str(outcome))
        plain.exit_code = getattr(outcome, "exit_code", 1)
        sender.send(plain)
    sender.close()


def _read_query_file(name: str) -> str:
    try:
        return Path(name).read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read query file {name}: {exc.strerror or exc}") from None


def _run_ask(args: argparse.Namespace) -> int:
    if args.list or not args.name:
        print(_question_list(), end="")
        return 0 if args.list else 2
    question = question_named(args.name)
    if args.print_query:
        print(question.plain_query(_parse_params(args.param)), end="")
        return 0
    if not args.graph and args.endpoint is None:
        raise UsageError(f"kg ask {args.name}: which graph? (kg ask {args.name} GRAPH, or --endpoint URL)")
    opened, crashable = _opener(args)
    bindings = question.bindings(_parse_params(args.param))
    if question.pages_below(args.limit):
        cut = f"the first {question.rows} rows of {question.name!r}; there are more (kg query -f with your own LIMIT/OFFSET shows them)"
    else:
        cut = f"result cut at --limit {args.limit}"

    def answer() -> Output:
        graph = opened()
        data, note = _render(graph.ask(question.name, bindings, limit=args.limit), args.format, cut)
        if args.endpoint is None and not graph.graph_names and question.reads_document_graphs:
            # a triples-only file: GRAPH ?doc { … } finds nothing, say so instead of "0 sources"
            triples_only = (f"note: {question.name!r} counts sources from the document graphs, "
                            "which this file has not; build to .trig or .nq for them")
            note = f"{note}\n{triples_only}" if note else triples_only
        return data, note

    return _write(*(_in_child(answer) if crashable else answer()))


def _question_list() -> str:
    lines = []
    for q in cookbook():
        lines.append(f"{q.name:<12} {q.title}")
        for p in q.params:
            note = f" (default {p.default})" if p.default is not None else ("" if p.required else " (optional)")
            lines.append(f"{'':<12}   --param {p.name}=…  {p.description}{note}")
        if q.rows is not None:
            lines.append(f"{'':<12}   at most {q.rows} rows (a note on stderr when there are more)")
    return "\n".join(lines) + "\n"


#: What a query prints: the serialized result for stdout, and a note for stderr when cut.
Output = tuple[bytes, str | None]


def _render(result: QueryResult, fmt: str | None, cut: str) -> Output:
    """Serialize ``result``; ``cut`` is the note for stderr when rows were left out."""
    if fmt is None:
        if result.graph is not None:
            fmt = "ttl"
        else:
            fmt = "table" if sys.stdout.isatty() else "csv"
    return result.serialize(fmt), (f"note: {cut}" if result.truncated else None)


def _write(data: bytes, note: str | None) -> int:
    """Write a rendered result to stdout and its note to stderr."""
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    except BrokenPipeError:
        return 0
    except OSError as exc:
        raise OutputError(f"cannot write the result: {exc}") from None
    if note:
        print(note, file=sys.stderr)
    return 0
