"""The on-disk store: a graph loaded once by ``kg load``, opened in an instant after.

Why: every ``kg ask``, ``kg query``, ``kg serve`` and ``kg export`` on a graph file
parses the whole file (seconds for a big graph).  ``kg load GRAPH --store DIR`` bulk
loads the file into an Oxigraph store on disk (pyoxigraph's ``Store(path)``); each
of those commands then takes ``DIR`` where it takes a graph file and opens it
read-only without reading anything.

The directory is told from any other by its marker file (:data:`MARKER`, JSON:
format version, state, counts).  Its layout is the one of the in-memory Oxigraph
store: the named graphs of the files, and a default graph that also holds every
triple of the named graphs (:func:`kg.query.stores.union_into_default`), so both
give the same answers.  Loading a file replaces the named graph of each of its
documents and the default graph, keeps the other named graphs, and makes the
default graph again: the file's default graph plus the union of every named graph.

Readers and writers: a writer (``kg load``) takes an exclusive lock on
:data:`LOCK`, a reader a shared one (pyoxigraph's read-only store must not see a
writer at work), both without waiting: a second writer, or a writer while a reader
has the store open, gets a one-line :class:`kg.errors.OutputError` at once, and a
reader during a load an :class:`kg.errors.InputError`; the store is never written
by two.  An interrupted load leaves the marker saying so, and readers refuse the
store until ``kg load`` runs again.
"""
from __future__ import annotations

import fcntl
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError, OutputError, UsageError
from kg.query.engine import KgGraph
from kg.query.parsing import one_line
from kg.query.stores import OxigraphStore, named_graphs_of, union_into_default
from kg.rdfio import LOADABLE, atomic_write, read_quads, suffix_of

#: The file that makes a directory a kg store, and what it says.
MARKER = "kg-store.json"
#: The file readers (shared) and writers (exclusive) lock.
LOCK = "kg-store.lock"
#: The layout version in the marker; a store of another version is refused.
STORE_FORMAT = 1
READY, LOADING = "ready", "loading"


def is_store(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is a store directory written by ``kg load``."""
    return (Path(path) / MARKER).is_file()


@dataclass(slots=True)
class LoadReport:
    """What one ``kg load`` did."""

    store: Path
    quads: int  # quads read from the file
    replaced: int  # named graphs of the file that the store held already
    added: int  # named graphs new to the store
    graphs: int  # named graphs in the store now
    seconds: float


def load_store(graph_file: str | os.PathLike[str], directory: str | os.PathLike[str]) -> LoadReport:
    """Load the graph file into the store at ``directory`` (made when missing).

    Raises InputError for an unreadable graph file (before the store is touched),
    OutputError for a directory that is not a kg store or a store in use.
    """
    started = time.perf_counter()
    source, target = Path(graph_file), Path(directory)
    fmt = LOADABLE.get(suffix_of(source))
    if not source.is_file():
        raise InputError(f"graph file not found: {source}")
    if fmt is None:
        raise InputError(f"unknown graph format {suffix_of(source) or source.name!r}; "
                         f"expected one of {', '.join(LOADABLE)}")
    check_writable(target)
    # Read the whole file first: a parse error leaves the store as it was.
    names, default_quads, quads = _graphs_in(source)
    target.mkdir(parents=True, exist_ok=True)
    lock = _lock(target, exclusive=True)
    try:
        store = _open_for_writing(target)
        _write_marker(target, {"state": LOADING})  # until the end: readers refuse a half-loaded store
        before = named_graphs_of(store)
        for name in names & before:
            store.remove_graph(ox.NamedNode(name))
        store.clear_graph(ox.DefaultGraph())
        try:
            if fmt.oxigraph == ox.RdfFormat.JSON_LD:
                store.load(path=str(source), format=fmt.oxigraph)
            else:
                store.bulk_load(path=str(source), format=fmt.oxigraph)
        except (SyntaxError, ValueError) as exc:  # read once already: the file changed meanwhile
            raise InputError(f"cannot parse {source}: {one_line(exc)}") from None
        except OSError as exc:
            raise OutputError(f"cannot write the store {target}: {one_line(exc)}") from None
        union_into_default(store)
        store.flush()
        graphs = named_graphs_of(store)
        named_quads = _count(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        del store  # closes the database before the marker says it is ready
        _write_marker(target, {"state": READY, "quads": named_quads + default_quads,
                               "graphs": len(graphs), "last_file": str(source.resolve())})
    finally:
        os.close(lock)
    return LoadReport(target, quads, len(names & before), len(names - before), len(graphs),
                      time.perf_counter() - started)


def check_writable(target: Path) -> None:
    """OutputError unless ``target`` is missing, an empty directory or a kg store no one uses.

    ``kg build --store`` asks before a long build; :func:`load_store` asks again."""
    target = Path(target)
    if target.exists() and not target.is_dir():
        raise OutputError(f"{target} is a file, not a store directory")
    if target.is_dir() and any(target.iterdir()) and not is_store(target):
        raise OutputError(f"{target} is a directory that kg load did not write; "
                          "give a new or empty directory")
    if is_store(target):
        os.close(_lock(target, exclusive=True))  # in use now: say so before the work


def open_store(directory: str | os.PathLike[str]) -> KgGraph:
    """Open the store at ``directory`` read-only (no file is read; the graph stays on disk)."""
    path = Path(directory)
    marker = _read_marker(path)
    lock = _lock(path, exclusive=False)
    try:
        marker = _read_marker(path)  # again, under the lock: a load may have just ended
        if marker.get("state") != READY:
            raise InputError(f"the store {path} was not fully loaded (an interrupted kg load?); "
                             f"run kg load GRAPH --store {path} again")
        try:
            store = ox.Store.read_only(str(path))
        except OSError as exc:
            raise InputError(f"cannot open the store {path}: {one_line(exc)}") from None
        backend = DiskStore(store, int(marker.get("quads", 0)), named_graphs_of(store), lock)
    except BaseException:
        os.close(lock)
        raise
    return KgGraph(path, backend)


class DiskStore(OxigraphStore):
    """An Oxigraph store on disk, opened read-only; holds the shared lock while open."""

    def __init__(self, store: ox.Store, size: int, graph_names: frozenset[str], lock: int):
        super().__init__(store, size, graph_names)
        self._lock = lock

    def __del__(self) -> None:
        try:
            os.close(self._lock)
        except OSError:
            pass


def _graphs_in(path: Path) -> tuple[set[str], int, int]:
    """The named graphs of the file, its default graph's quads and all its quads."""
    names: set[str] = set()
    default = total = 0
    for quad in read_quads(path):  # InputError on a parse error
        total += 1
        graph = quad.graph_name
        if isinstance(graph, ox.DefaultGraph):
            default += 1
        elif isinstance(graph, ox.NamedNode):
            names.add(graph.value)
    return names, default, total


def _lock(directory: Path, *, exclusive: bool) -> int:
    try:
        fd = os.open(directory / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise (OutputError if exclusive else InputError)(
            f"cannot lock the store {directory}: {exc.strerror or exc}") from None
    try:
        fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        if exclusive:
            raise OutputError(f"the store {directory} is in use by another kg (a kg load writing it, or a "
                              "kg query, ask, serve or export reading it); try again when it ends") from None
        raise InputError(f"the store {directory} is being loaded by kg load; try again when it ends") from None
    return fd


def _open_for_writing(directory: Path) -> ox.Store:
    try:
        return ox.Store(str(directory))
    except OSError as exc:  # RocksDB's own lock: a writer that is not kg
        raise OutputError(f"cannot open the store {directory} for writing: {one_line(exc)}") from None


def _count(store: ox.Store, sparql: str) -> int:
    for solution in store.query(sparql):
        return int(solution[0].value)
    return 0


def _read_marker(path: Path) -> dict:
    try:
        marker = json.loads((path / MARKER).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path} is not a store written by kg load (no {MARKER})") from None
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read {path / MARKER}: {one_line(exc)}") from None
    if not isinstance(marker, dict) or marker.get("kg-store") != STORE_FORMAT:
        raise InputError(f"{path} is a store of another kg version (format "
                         f"{marker.get('kg-store') if isinstance(marker, dict) else '?'}, this kg reads "
                         f"{STORE_FORMAT}); load it again with kg load")
    return marker


def _write_marker(path: Path, fields: dict) -> None:
    text = json.dumps({"kg-store": STORE_FORMAT, **fields}, indent=1).encode("utf-8")
    atomic_write(path / MARKER, lambda fh: fh.write(text))


def check_engine(store: str | None) -> None:
    """A store directory runs on Oxigraph: refuse another engine named with --store."""
    if store not in (None, OxigraphStore.name):
        raise UsageError(f"a store directory is queried with Oxigraph; leave out --store {store}")
