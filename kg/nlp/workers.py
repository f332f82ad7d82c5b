"""The nlp stage over many articles: in this process, in a pool of worker processes, or
on a Dask cluster (:func:`process_texts`).

Importing this module imports no spaCy (see :mod:`kg.nlp`): the pipeline is made where
the articles are read.  So a build with worker processes can start them first
(:func:`start`): they import spaCy and make the pipeline while the build process
reads the corpus, and the build process, which only receives plain records, never
loads spaCy at all.  On Linux one process makes the pipeline and the other workers are
forked from it (:mod:`kg.nlp.zygote`); elsewhere each worker of a :mod:`multiprocessing`
pool makes its own.
"""
from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.pool import Pool
from typing import TYPE_CHECKING, NamedTuple, Protocol

from kg.records import DocumentRecord, PackedRecord, SourceText, whole

if TYPE_CHECKING:
    from kg.cluster import Cluster

log = logging.getLogger("kg.nlp.pipeline")  # where the skip warnings were always logged

#: Articles sent to a worker at a time, at most: each message costs the build process
#: CPU that the workers on its cores then lack (1,729 articles on 2 workers: chunks of 4
#: -> 32 took 0.5 s of CPU and 0.4 s of wall time off the build).
CHUNK_ARTICLES = 32
#: ... and at least this many chunks per worker, so a small corpus is shared by all.
CHUNKS_PER_WORKER = 4


def chunk_size(articles: int, processes: int) -> int:
    """Articles per message to a worker, for ``articles`` shared by ``processes`` workers."""
    return max(1, min(CHUNK_ARTICLES, articles // (processes * CHUNKS_PER_WORKER)))


#: ``on_skip(identifier, reason)``: told of each article :func:`process_texts` skips.
SkipCallback = Callable[[str, str], None]


class Skipped(NamedTuple):
    """What the nlp stage gives for an article it gave up on."""

    identifier: str
    reason: str


class Workers(Protocol):
    """Started nlp worker processes (:func:`start`; a context manager: leaving it stops them)."""

    def records(self, sources: Iterable[SourceText]) -> Iterator[DocumentRecord | PackedRecord | Skipped]:
        """Each article's record (or its skip), in order; the articles are sent at once."""

    def __enter__(self) -> Workers: ...

    def __exit__(self, *exc: object) -> None: ...


def process_texts(
    sources: Iterable[SourceText],
    model: str | None = None,
    processes: int = 1,
    kb_files: Iterable[str] = (),
    seconds: float | None = None,
    on_skip: SkipCallback | None = None,
    dask: str | None = None,
    pool: Workers | None = None,
    cluster: Cluster | None = None,
    keep_packed: bool = False,
) -> Iterator[DocumentRecord | PackedRecord]:
    """Read each article; yields one record per source, in input order.

    With ``processes > 1`` the articles go to a pool of worker processes, each with
    its own pipeline (``pool``, if one was :func:`start` ed already: the articles go to
    it at once, so its workers read them while the caller does other work before it
    asks for the first record), and only plain records come back; with ``dask``
    (``"local"`` or a scheduler's address) they go to a Dask cluster
    (:mod:`kg.cluster`; a local one has ``processes`` workers; ``cluster``, if one was
    connected already).  An article that takes more than ``seconds`` (None: no limit)
    yields no record: it is logged as one warning line
    (``identifier: skipped: took more than N s``) and passed to ``on_skip``.
    ``keep_packed``: a record read by another process comes as the
    :class:`kg.records.PackedRecord` it arrived as (a build files it as it is).
    """
    kb_files = tuple(str(p) for p in kb_files)
    if pool is not None:
        return _reported(pool.records(sources), on_skip, keep_packed)
    return _reported(_results(sources, model, processes, kb_files, seconds, dask, cluster), on_skip, keep_packed)


def _results(sources: Iterable[SourceText], model: str | None, processes: int, kb_files: tuple[str, ...],
             seconds: float | None, dask: str | None, cluster: Cluster | None) -> Iterator[DocumentRecord | PackedRecord | Skipped]:
    """Each article's record or skip, read where :func:`process_texts` says (lazily:
    nothing starts before the first record is asked for)."""
    if cluster is not None:
        yield from cluster.records(list(sources), seconds)
    elif dask is not None:
        from kg.cluster import process_on_cluster

        yield from process_on_cluster(list(sources), dask, processes, model, kb_files, seconds)
    elif processes <= 1:
        from kg.collector import gc_paused, gc_relaxed

        with gc_paused(freeze=True):  # spaCy and the knowledge base: 10^5 objects for good, no garbage
            from kg.nlp.pipeline import _read_or_skip, make_pipeline

            nlp = make_pipeline(model, kb_files)
        with gc_relaxed():  # no pass walks the pipeline again (0.4 s of 1,700 articles), few passes at all
            yield from (_read_or_skip(nlp, source, seconds) for source in sources)
    else:
        with start(processes, model, kb_files, seconds) as started:
            yield from started.records(sources)


def start(processes: int, model: str | None, kb_files: tuple[str, ...], seconds: float | None) -> Workers:
    """``processes`` workers, started now, that read articles with the pipeline of
    ``model`` and ``kb_files`` (``seconds`` at most per article): forked from one that makes
    the pipeline once (:mod:`kg.nlp.zygote`) where the system allows, else a pool whose
    workers each make their own."""
    from kg.nlp import zygote

    if zygote.available():
        return zygote.Workers(processes, model, kb_files, seconds)
    return _PoolWorkers(processes, model, kb_files, seconds)


class _PoolWorkers:
    """A :mod:`multiprocessing` pool whose workers each make their pipeline as they start."""

    def __init__(self, processes: int, model: str | None, kb_files: tuple[str, ...], seconds: float | None) -> None:
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        self.processes = processes
        self._pool: Pool = multiprocessing.get_context(method).Pool(processes, initializer=_start_worker,
                                                                    initargs=(model, kb_files, seconds))

    def records(self, sources: Iterable[SourceText]) -> Iterator[PackedRecord | Skipped]:
        """The articles sent at once, in chunks (:func:`chunk_size`); their records in order."""
        sources = list(sources)
        return map(unpacked, self._pool.imap(work, sources, chunksize=chunk_size(len(sources), self.processes)))

    def __enter__(self) -> _PoolWorkers:
        return self

    def __exit__(self, *exc: object) -> None:
        self._pool.terminate()


def _start_worker(model: str | None, kb_files: tuple[str, ...], seconds: float | None) -> None:
    from kg.nlp import pipeline

    pipeline._init_worker(model, kb_files, seconds)


def work(source: SourceText) -> bytes | Skipped:
    """In a worker: the record of ``source``, :func:`packed` (or the note that it was skipped)."""
    from kg.nlp import pipeline

    return packed(pipeline._work(source))


def packed(result: DocumentRecord | Skipped) -> bytes | Skipped:
    """A worker's record as the bytes of :meth:`kg.records.PackedRecord.pack` (marshal of
    :func:`kg.records.record_values`): the build process reads them with a third of the
    CPU that unpickling the record costs (measured: 1.4 -> 0.6 s for 1,729 articles), and
    files them in its spool as they are, CPU the workers on its cores then have."""
    return result if isinstance(result, Skipped) else PackedRecord.pack(result)


def unpacked(result: bytes | Skipped) -> PackedRecord | Skipped:
    """The record :func:`packed` packed (a skip as it is)."""
    return result if isinstance(result, Skipped) else PackedRecord.unpacked(result)


def _reported(results: Iterable[DocumentRecord | PackedRecord | Skipped], on_skip: SkipCallback | None,
              keep_packed: bool) -> Iterator[DocumentRecord | PackedRecord]:
    for result in results:
        if isinstance(result, Skipped):
            log.warning("%s: skipped: %s", result.identifier, result.reason)
            if on_skip is not None:
                on_skip(result.identifier, result.reason)
            continue
        yield result if keep_packed else whole(result)
