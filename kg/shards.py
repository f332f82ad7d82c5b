"""The graph and serialize stages shared among forked worker processes.

Only the nlp stage of a build used to run in parallel; making, sorting and writing the
quads (a third of a one-process build) ran in the parent alone, which capped
``--processes 2`` near 1.2x.  Here both run in ``processes`` forked workers, in two
phases, and give the bytes of a one-process build:

1. **Quads.**  Worker *w* makes the quads of a contiguous share of the (resolved)
   documents with a copy of the parent's :class:`kg.graph.QuadBuilder`, which already
   knows the entity table, and writes them sorted and unique, as runs
   (:func:`kg.quads.write_run`; one unless they outgrow :data:`kg.quads.RUN_CHARS`),
   one after another to an anonymous file the parent opened before forking: phase 2
   merges them all, so none is read back and written again here.  It returns the
   index of each run's blocks, its documents' share of the corpus-level
   quads (:class:`kg.graph.CorpusShare`) and its counts for the summary.  The parent
   adds the quads the whole corpus makes together (entities, positions, membership
   counts) and cuts the key space into ranges at subject boundaries of the default graph
   or between named graphs, the blocks' first keys (and every
   :data:`kg.quads.RUN_BLOCK`-th corpus-level key) as the sample.
2. **Text.**  The workers take the ranges one at a time (:class:`_Tickets`; several per
   worker, so one whose ranges cost more to write does not keep the other waiting),
   merge each range of every run and write it with the one-process writer
   (:func:`kg.serialize.write_keys`) to its own anonymous file.  Meanwhile the parent
   ranks the co-mention ties, whose subjects (:data:`kg.iris.CO_MENTION_BASE`) make one
   range of their own, and hands their keys to the worker that takes that range
   (:class:`_Later`).  The parent joins the parts into the output, dropping the
   ``@prefix`` lines every part but the first begins with.  The writer groups quads by
   graph and subject, and no subject or named graph spans two ranges: so the joined
   parts are the bytes one writer would write.

Workers are forked (``os.fork``), so they share the parent's records, tables and files
without copying or pickling them; only small results come back, pickled through
anonymous files.  Formats that can be cut this way: TriG and N-Quads (:data:`SPLITTABLE`).
"""
from __future__ import annotations

import bisect
import contextlib
import itertools
import os
import pickle
import shutil
import signal
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol

from kg import quads as qk
from kg import serialize, spill
from kg.errors import OutputError
from kg.graph import CorpusShare, QuadBuilder
from kg.iris import CO_MENTION_BASE
from kg.orphans import die_with
from kg.rdfio import atomic_write, format_for
from kg.records import DocumentRecord, Entity

#: Formats whose text can be cut between subjects and joined again.
SPLITTABLE = frozenset({"trig", "nquads"})
#: Key ranges per worker in phase 2, which a free worker takes one at a time: quads
#: differ in what they cost to write (long literals, named graphs), so ranges of equal
#: keys are not equal work, and one range per worker left one waiting for the other
#: (bench corpus, 2 workers: 0.39 s and 0.44 s).
RANGES_PER_WORKER = 4
#: The share of the other ranges taken before the range of the co-mention ties, which
#: the build ranks while the workers write (:func:`write`): by then they are ready (the
#: ranking takes about a third of the phase, on a core it shares), and if the tie range
#: came last, the worker writing it (120,000 quads on the bench corpus, more than most
#: ranges) would end well after the other.
TIES_TAKEN_AFTER = 0.5
#: At most this many ranges: a ticket is one byte (:class:`_Tickets`).
_MAX_RANGES = 255


class Counts(Protocol):
    """The summary's counts (``kg.build``): each worker counts its documents."""

    def add(self, doc: DocumentRecord) -> None: ...

    def merge(self, other: Counts) -> None: ...


#: ``records(start, stop)``: the documents ``start`` to ``stop - 1`` of the corpus, resolved.
RecordSlice = Callable[[int, int], Iterable[DocumentRecord]]


def can_split(format: str, processes: int) -> bool:  # noqa: A002
    """Whether a build into ``format`` with ``processes`` processes makes its graph here."""
    return processes > 1 and hasattr(os, "fork") and format_for("", format) in SPLITTABLE


@dataclass(slots=True)
class _Run:
    """What a phase-1 worker returns about the run it wrote."""

    #: the sorted runs it wrote, one after another in its file: (first key, offset) of each
    #: block of each (also the sample of its keys)
    runs: list[list[tuple[str, int]]]
    share: CorpusShare
    counts: Counts


@dataclass(slots=True)
class Runs:
    """The sorted runs of phase 1, ready to be written (:func:`write`)."""

    files: list[BinaryIO]
    runs: list[_Run]
    corpus_keys: list[str]  # sorted, unique: entities, positions, membership counts (the ties: in write)
    folder: Path | None
    builder: QuadBuilder  # the parent's, which knows the entity table and the pairs (and the documents' traces, if kept)

    def close(self) -> None:
        for fh in self.files:
            fh.close()

    def __enter__(self) -> Runs:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def make_runs(records: RecordSlice, count: int, entities: dict[str, Entity], counts: Counts,
              processes: int, folder: Path | None = None, traced: bool = False) -> Runs:
    """Phase 1: the quads of ``count`` documents as one sorted run per worker, and the
    corpus-level quads; ``counts`` ends up counting every document (``traced``: the
    builder keeps each document's :class:`kg.graph.DocumentTrace`)."""
    builder = QuadBuilder(traced)
    for key, entity in entities.items():
        builder.entity(key, entity)
    entity_keys = builder.take()
    shares = _shares(count, processes)
    files = [tempfile.TemporaryFile(dir=folder, prefix=".kg-run-") for _ in shares]
    try:
        def job(start: int, stop: int, fh: BinaryIO) -> Callable[[], _Run]:
            return lambda: _make_run(builder, records(start, stop), start, counts, fh, folder)

        runs = _forked([job(start, stop, fh) for (start, stop), fh in zip(shares, files, strict=True)], folder)
    except BaseException:
        for fh in files:
            fh.close()
        raise
    for run in runs:  # in document order: the first document's title of a position wins
        builder.absorb(run.share)
        counts.merge(run.counts)
    builder.finish(ties=False)  # ranked while phase 2 writes (write)
    corpus_keys = list(qk.unique(sorted(entity_keys + builder.take())))
    return Runs(files, runs, corpus_keys, folder, builder)


def write(runs: Runs, output: str | os.PathLike[str], format: str) -> Path:  # noqa: A002
    """Phase 2: write the runs to ``output`` atomically, in key ranges that the workers
    take one at a time (:data:`RANGES_PER_WORKER`).  Meanwhile this process ranks the
    co-mention ties (a quarter of a second on a million words, which the workers would
    otherwise wait for): their keys are one range of their own (:data:`TIES_TAKEN_AFTER`)."""
    fmt = format_for(output, format)
    ties = qk.subject_range(CO_MENTION_BASE)
    sampled = _boundaries(runs, min(len(runs.files) * RANGES_PER_WORKER, _MAX_RANGES - 2))
    bounds = sorted({*(bound for bound in sampled if not ties[0] < bound < ties[1]), *ties})
    ranges = list(zip([None, *bounds], [*bounds, None], strict=True))
    tie_range = ranges.index(ties)
    parts = [tempfile.TemporaryFile(dir=runs.folder, prefix=".kg-part-") for _ in ranges]
    try:
        with _Later(runs.folder) as tie_keys, \
                _Tickets(_ticket_order(len(ranges), tie_range)) as tickets:
            def write_ranges() -> None:
                tie_keys.in_worker()
                for r in tickets.taken():
                    low, high = ranges[r]
                    streams = _streams(runs, low, high)
                    if r == tie_range:
                        streams.append(iter([tie_keys.get()]))
                    serialize.write_keys(qk.merge_runs(streams), parts[r], fmt, checked=True)
                    parts[r].flush()

            def rank_ties() -> None:
                runs.builder.ties()
                tie_keys.put(list(qk.unique(sorted(runs.builder.take()))))

            workers = min(len(runs.files), len(ranges))
            _forked([write_ranges] * workers, runs.folder, meanwhile=rank_ties)
        head = serialize.prefix_lines(fmt)

        def join(out: BinaryIO) -> None:
            started = False
            for part in parts:
                if not part.seek(0, os.SEEK_END):
                    continue  # an empty range
                part.seek(0)
                if started and head and part.read(len(head)) != head:  # later parts repeat them
                    raise OutputError("a part of the graph does not begin with the prefix lines")
                shutil.copyfileobj(part, out, 1 << 20)
                started = True

        return atomic_write(output, join)
    finally:
        for fh in parts:
            fh.close()


# ---- phase 1, in a worker


def _make_run(builder: QuadBuilder, records: Iterable[DocumentRecord], start: int, counts: Counts,
              fh: BinaryIO, folder: Path | None) -> _Run:
    builder.start_at(start)
    with qk.QuadSorter(folder, qk.RUN_CHARS, runs_file=fh) as sorter:
        for doc in records:
            counts.add(doc)
            builder.document(doc)
            sorter.extend(builder.take())
        runs = sorter.write_runs()
    return _Run(runs, builder.share(), counts)


def _shares(count: int, processes: int) -> list[tuple[int, int]]:
    """``processes`` contiguous (start, stop) shares of ``count`` documents (none empty
    but when there are fewer documents than processes)."""
    workers = max(1, min(processes, count))
    return [(count * w // workers, count * (w + 1) // workers) for w in range(workers)]


# ---- phase 2


def _ticket_order(ranges: int, tie_range: int) -> list[int]:
    """The ranges in key order, with the ties' range moved after :data:`TIES_TAKEN_AFTER`
    of the others: its keys are ready by then, and small ranges are left for the end."""
    others = [r for r in range(ranges) if r != tie_range]
    at = round(len(others) * TIES_TAKEN_AFTER)
    return [*others[:at], tie_range, *others[at:]]


class _Tickets:
    """The numbers ``order`` (each below :data:`_MAX_RANGES`) in a pipe, for forked workers
    to take one at a time: a worker that is free takes the next, so none waits while
    another has several left.  The pipe is filled and its writing end closed before the
    workers are forked (a read of one byte is atomic, and the end of the pipe is the end
    of the tickets)."""

    def __init__(self, order: list[int]) -> None:
        self._read, write = os.pipe()
        try:
            os.write(write, bytes(order))
        finally:
            os.close(write)

    def taken(self) -> Iterator[int]:
        """The tickets this process takes, until none is left."""
        while ticket := os.read(self._read, 1):
            yield ticket[0]

    def close(self) -> None:
        os.close(self._read)

    def __enter__(self) -> _Tickets:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Later:
    """Keys this process makes while its forked workers run, for the one worker that
    needs them: they go to an anonymous file, and the end of a pipe says they are there
    (the pipe's writing end is closed by every worker as it starts, by this process
    once the keys are written)."""

    def __init__(self, folder: Path | None) -> None:
        self._file = tempfile.TemporaryFile(dir=folder, prefix=".kg-later-")
        self._ready, self._written = os.pipe()

    def in_worker(self) -> None:
        """Call first in each forked worker."""
        os.close(self._written)

    def put(self, keys: list[str]) -> None:
        """In this process: hand over ``keys``."""
        spill.dump(keys, self._file)
        self._file.flush()
        self._close_written()

    def get(self) -> list[str]:
        """In a worker: the keys, once they are there."""
        os.read(self._ready, 1)  # b"" once put() has closed the last writing end
        return spill.value_at(self._file, 0)

    def _close_written(self) -> None:
        if self._written >= 0:
            os.close(self._written)
            self._written = -1

    def close(self) -> None:
        self._close_written()
        os.close(self._ready)
        self._file.close()

    def __enter__(self) -> _Later:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _boundaries(runs: Runs, ranges: int) -> list[str]:
    """At most ``ranges - 1`` increasing boundaries, each between two subjects of the
    default graph (``SEP subject SEP``) or between two named graphs (``graph SEP``),
    cutting the keys into about equal ranges: the first keys of the runs' blocks (one in
    :data:`kg.quads.RUN_BLOCK`) and as many of the corpus-level keys are the sample.  A
    key sorts after its boundary when its graph (and, in the default graph, its subject)
    sorts after it or is it: ``SEP`` sorts before every other character, so a graph or
    subject never shares a side with one it begins."""
    pooled = sorted([first for run in runs.runs for blocks in run.runs for first, _ in blocks]
                    + runs.corpus_keys[::qk.RUN_BLOCK])
    bounds: list[str] = []
    for r in range(1, ranges):
        i = r * len(pooled) // ranges
        if i >= len(pooled):
            continue
        graph, subject, _ = pooled[i].split(qk.SEP, 2)
        bound = f"{graph}{qk.SEP}" if graph else f"{qk.SEP}{subject}{qk.SEP}"
        if not bounds or bound > bounds[-1]:
            bounds.append(bound)
    return bounds


def _streams(runs: Runs, low: str | None, high: str | None) -> list[Iterator[list[str]]]:
    """The keys in [low, high) of every run and of the corpus-level keys, each as
    blocks of sorted keys (:func:`kg.quads.merge_runs`)."""
    corpus = runs.corpus_keys
    first = 0 if low is None else bisect.bisect_left(corpus, low)
    last = len(corpus) if high is None else bisect.bisect_left(corpus, high)
    streams = [iter([corpus[first:last]])]
    for fh, run in zip(runs.files, runs.runs, strict=True):
        streams.extend(_run_range(fh, blocks, low, high) for blocks in run.runs)
    return streams


def _run_range(fh: BinaryIO, blocks: list[tuple[str, int]], low: str | None,
               high: str | None) -> Iterator[list[str]]:
    if not blocks:
        return
    at = 0 if low is None else max(0, bisect.bisect_right([first for first, _ in blocks], low) - 1)
    # the run's own blocks only: the worker's next run follows it in the file
    for block in itertools.islice(qk.run_blocks(fh, blocks[at][1]), len(blocks) - at):
        start = 0 if low is None else bisect.bisect_left(block, low)
        stop = len(block) if high is None else bisect.bisect_left(block, high)
        if start < stop:
            yield block[start:stop] if start or stop < len(block) else block
        if stop < len(block):
            return


# ---- forking


def _forked(jobs: list[Callable[[], object]], folder: Path | None,
            meanwhile: Callable[[], None] | None = None) -> list:
    """Run each job in a forked child process, all at once (and ``meanwhile`` in this
    process, once they are started); their results in job order.

    A job's exception is raised here (the first one, in job order); a child that dies
    without a result is an OutputError.  If this process is interrupted, the children
    are stopped and reaped."""
    results = [tempfile.TemporaryFile(dir=folder, prefix=".kg-result-") for _ in jobs]
    children: list[int] = []
    parent = os.getpid()
    try:
        for job, fh in zip(jobs, results, strict=True):
            pid = os.fork()
            if pid == 0:  # the child: run the job, leave its result, never return
                _child(job, fh, parent)
            children.append(pid)
        if meanwhile is not None:
            meanwhile()
        statuses = []
        for pid in list(children):
            statuses.append(os.waitpid(pid, 0)[1])
            children.remove(pid)
        values = []
        for status, fh in zip(statuses, results, strict=True):
            fh.seek(0)
            try:
                ok, value = pickle.load(fh)  # written by a fork of this process
            except (EOFError, pickle.UnpicklingError):
                code = os.waitstatus_to_exitcode(status)
                raise OutputError(f"a graph worker died without a result (exit status {code})") from None
            if not ok:
                raise value
            values.append(value)
        return values
    finally:
        for pid in children:  # interrupted: stop the rest
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGTERM)
                os.waitpid(pid, 0)
        for fh in results:
            fh.close()


def _child(job: Callable[[], object], fh: BinaryIO, parent: int) -> None:
    code = 1
    try:
        die_with(parent)
        try:
            result: tuple[bool, object] = (True, job())
        except BaseException as exc:  # noqa: BLE001 - handed to the parent, which raises it
            result = (False, exc)
        try:
            data = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # noqa: BLE001 - an exception that cannot be pickled
            data = pickle.dumps((False, OutputError(f"a graph worker failed: {result[1]!r} ({exc})")))
        fh.write(data)
        fh.flush()
        code = 0
    finally:
        os._exit(code)  # no exit handlers, no flushing the parent's buffers a second time
