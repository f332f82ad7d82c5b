"""The graph and serialize stages shared among forked worker processes.

Only the nlp stage of a build used to run in parallel; making, sorting and writing the
quads (a third of a one-process build) ran in the parent alone, which capped
``--processes 2`` near 1.2x.  Here both run in ``processes`` forked workers, in two
phases, and give the bytes of a one-process build:

1. **Quads.**  Worker *w* makes the quads of a contiguous share of the (resolved)
   documents with a copy of the parent's :class:`kg.graph.QuadBuilder`, which already
   knows the entity table, and writes them sorted and unique as one run
   (:func:`kg.quads.write_run`) to an anonymous file the parent opened before forking.
   It returns the index of the run's blocks, its documents' share of the corpus-level
   quads (:class:`kg.graph.CorpusShare`) and its counts for the summary.  The parent
   adds the quads the whole corpus makes together (entities, positions, co-mention
   ties, membership counts) and cuts the key space into one range per worker at
   subject boundaries of the default graph, the blocks' first keys as the sample.
2. **Text.**  Worker *r* merges range *r* of every run and writes it with the
   one-process writer (:func:`kg.serialize.write_keys`) to its own anonymous file.
   The parent joins the parts into the output, dropping the ``@prefix`` lines every
   part but the first begins with.  The writer groups quads by graph and subject; no
   subject spans two ranges, and the named graphs, whose keys sort after every key of
   the default graph, all fall in the last range: so the joined parts are the bytes
   one writer would write.

Workers are forked (``os.fork``), so they share the parent's records, tables and files
without copying or pickling them; only small results come back, pickled through
anonymous files.  Formats that can be cut this way: TriG and N-Quads (:data:`SPLITTABLE`).
"""
from __future__ import annotations

import bisect
import contextlib
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
from kg import serialize
from kg.errors import OutputError
from kg.graph import CorpusShare, QuadBuilder
from kg.orphans import die_with
from kg.rdfio import atomic_write
from kg.records import DocumentRecord, Entity

#: Formats whose text can be cut between subjects and joined again.
SPLITTABLE = frozenset({"trig", "nquads"})


class Counts(Protocol):
    """The summary's counts (``kg.build``): each worker counts its documents."""

    def add(self, doc: DocumentRecord) -> None: ...

    def merge(self, other: Counts) -> None: ...


#: ``records(start, stop)``: the documents ``start`` to ``stop - 1`` of the corpus, resolved.
RecordSlice = Callable[[int, int], Iterable[DocumentRecord]]


def can_split(format: str, processes: int) -> bool:  # noqa: A002
    """Whether a build into ``format`` with ``processes`` processes makes its graph here."""
    return processes > 1 and hasattr(os, "fork") and serialize.format_for("", format) in SPLITTABLE


@dataclass(slots=True)
class _Run:
    """What a phase-1 worker returns about the run it wrote."""

    blocks: list[tuple[str, int]]  # (first key, offset) of each block: also the sample of its keys
    share: CorpusShare
    counts: Counts


@dataclass(slots=True)
class Runs:
    """The sorted runs of phase 1, ready to be written (:func:`write`)."""

    files: list[BinaryIO]
    runs: list[_Run]
    corpus_keys: list[str]  # sorted, unique: entities, positions, ties, membership counts
    folder: Path | None
    builder: QuadBuilder  # the parent's, which knows the entity table (and the documents' traces, if kept)

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
    builder.finish()
    corpus_keys = list(qk.unique(sorted(entity_keys + builder.take())))
    return Runs(files, runs, corpus_keys, folder, builder)


def write(runs: Runs, output: str | os.PathLike[str], format: str) -> Path:  # noqa: A002
    """Phase 2: write the runs to ``output`` atomically, one key range per worker."""
    fmt = serialize.format_for(output, format)
    bounds = _boundaries(runs.runs, len(runs.files))
    ranges = list(zip([None, *bounds], [*bounds, None], strict=True))
    parts = [tempfile.TemporaryFile(dir=runs.folder, prefix=".kg-part-") for _ in ranges]
    try:
        def job(low: str | None, high: str | None, fh: BinaryIO) -> Callable[[], None]:
            def write_range() -> None:
                serialize.write_keys(qk.merge_runs(_streams(runs, low, high)), fh, fmt, checked=True)
                fh.flush()
            return write_range

        _forked([job(low, high, fh) for (low, high), fh in zip(ranges, parts, strict=True)], runs.folder)
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
    with qk.QuadSorter(folder) as sorter:
        for doc in records:
            counts.add(doc)
            builder.document(doc)
            sorter.extend(builder.take())
        blocks = qk.write_run(sorter, fh)
    return _Run(blocks, builder.share(), counts)


def _shares(count: int, processes: int) -> list[tuple[int, int]]:
    """``processes`` contiguous (start, stop) shares of ``count`` documents (none empty
    but when there are fewer documents than processes)."""
    workers = max(1, min(processes, count))
    return [(count * w // workers, count * (w + 1) // workers) for w in range(workers)]


# ---- phase 2


def _boundaries(runs: list[_Run], ranges: int) -> list[str]:
    """``ranges - 1`` increasing boundaries between subjects of the default graph
    (``SEP subject SEP``), cutting the runs into about equal ranges: the first keys of
    the runs' blocks (one in :data:`kg.quads.RUN_BLOCK`) are the sample."""
    pooled = sorted(first for run in runs for first, _ in run.blocks)
    bounds: list[str] = []
    for r in range(1, ranges):
        i = r * len(pooled) // ranges
        while i > 0 and not pooled[min(i, len(pooled) - 1)].startswith(qk.SEP):  # a named graph's key
            i -= 1
        if not pooled or not pooled[i].startswith(qk.SEP):
            continue
        subject = pooled[i].split(qk.SEP, 2)[1]
        bound = f"{qk.SEP}{subject}{qk.SEP}"
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
        streams.append(_run_range(fh, run.blocks, low, high))
    return streams


def _run_range(fh: BinaryIO, blocks: list[tuple[str, int]], low: str | None,
               high: str | None) -> Iterator[list[str]]:
    if not blocks:
        return
    at = 0 if low is None else max(0, bisect.bisect_right([first for first, _ in blocks], low) - 1)
    for block in qk.run_blocks(fh, blocks[at][1]):
        start = 0 if low is None else bisect.bisect_left(block, low)
        stop = len(block) if high is None else bisect.bisect_left(block, high)
        if start < stop:
            yield block[start:stop] if start or stop < len(block) else block
        if stop < len(block):
            return


# ---- forking


def _forked(jobs: list[Callable[[], object]], folder: Path | None) -> list:
    """Run each job in a forked child process, all at once; their results in job order.

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
