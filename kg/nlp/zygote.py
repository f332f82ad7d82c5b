"""nlp worker processes forked from one that has made the pipeline (a "zygote").

A pool whose N workers each import spaCy and make kg's pipeline pays for that start N
times (0.9 s of CPU each: 0.4 s importing spaCy, 0.4 s making the pipeline), on the
cores the build process needs while it reads the corpus.  Here the build process forks
one process at once, the zygote: it makes the pipeline while the build process reads
the corpus, then forks the other N - 1 workers, which get the pipeline with the memory
they share with it (copy on write) and start at no cost, and reads articles itself as
the first worker.  Measured on the bench corpus (1,748 articles, 2 processes): 0.9 s of
CPU less.

Articles go to the workers in chunks through one pipe (read under a lock: a worker that
is free takes the next chunk), their records come back through another (written under a
lock), :func:`kg.nlp.workers.packed`, in the order they are done; :meth:`Workers.records`
yields them in corpus order.

A killed build leaves no worker behind: each process is killed by the kernel when its
parent dies (Linux's ``PR_SET_PDEATHSIG``), the zygote when the build process does, the
other workers when the zygote does (:meth:`Workers.close` kills it).  A worker that dies
fails the build with a one-line :class:`WorkerDied`; an error in a worker (a model that
cannot be loaded) is raised again in the build process.  Where there is no such signal
(not Linux), :func:`kg.nlp.workers.start` uses a :mod:`multiprocessing` pool instead.
"""
from __future__ import annotations

import os
import pickle
import signal
import sys
import threading
from collections.abc import Iterable, Iterator
from multiprocessing import connection, get_context
from multiprocessing.synchronize import Lock
from typing import NamedTuple, NoReturn

from kg.errors import KgError
from kg.records import PackedRecord, SourceText


class WorkerDied(KgError):
    """An nlp worker process ended (killed, out of memory) before it gave its records."""


class _Failure(NamedTuple):
    """An exception raised in a worker, sent to the build process to be raised there."""

    error: BaseException


#: Seconds :meth:`Workers.close` waits for idle workers to end once it has closed their
#: pipe (they end at once, in practice), then for its thread that sends the articles to
#: end once the workers are killed (its send then fails).
STOP_SECONDS = 10.0
#: Seconds between two looks, while records are awaited, at whether the thread that sends
#: the articles failed (it cannot wake the reader).
FEED_CHECK_SECONDS = 1.0
#: The index of the zygote's message about its start (the chunks count from 0).
_START = -1


def available() -> bool:
    """Whether workers can be forked from a zygote here: ``fork`` and a parent-death signal (Linux)."""
    return hasattr(os, "fork") and sys.platform.startswith("linux")


class _Channels:
    """The pipes between the build process and its workers, made before the zygote is forked."""

    def __init__(self, processes: int) -> None:
        context = get_context("fork")
        self.tasks_in, self.tasks_out = connection.Pipe(duplex=False)  # chunks of articles
        self.results_in, self.results_out = connection.Pipe(duplex=False)  # (index, packed records)
        self.task_lock: Lock = context.Lock()
        self.result_lock: Lock = context.Lock()
        #: one pipe per worker that nobody writes to: its end of file in the build
        #: process says the worker has ended
        self.alive = [os.pipe() for _ in range(processes)]

    def in_build(self) -> None:
        """Close, in the build process, the ends the workers use."""
        self.tasks_in.close()
        self.results_out.close()
        for _, write in self.alive:
            os.close(write)

    def in_worker(self, worker: int) -> None:
        """Close, in worker ``worker`` (just forked), the ends it does not use."""
        for other, (_, write) in enumerate(self.alive):
            if other != worker:
                os.close(write)


class Workers:
    """``processes`` nlp workers forked from a zygote that starts now (a context manager:
    leaving it stops them)."""

    def __init__(self, processes: int, model: str | None, kb_files: tuple[str, ...],
                 seconds: float | None) -> None:
        self.processes = processes
        channels = _Channels(processes)
        build = os.getpid()
        pid = os.fork()
        if pid == 0:  # the zygote
            _run_zygote(build, channels, processes, model, kb_files, seconds)
        self._zygote: int | None = pid
        channels.in_build()
        self._alive = [read for read, _ in channels.alive]
        self._tasks, self._results = channels.tasks_out, channels.results_in
        self._pids: list[int] | None = None  # once the zygote has said it started them
        self._done: dict[int, list] = {}  # chunks received before their turn
        self._first = self._next = 0  # the index of this call's first chunk, of the next call's
        self._pending = 0  # chunks sent (or to be sent) that have not come back
        self._feeder: threading.Thread | None = None
        self._feed_error: BaseException | None = None  # what stopped the thread that sends the articles

    def records(self, sources: Iterable[SourceText]) -> Iterator[PackedRecord | object]:
        """Each article's record (or its skip), in the order of ``sources``.  The articles
        are sent at once (by a thread of this process), so the workers read them while
        the caller does other work before it asks for the first record."""
        from kg.nlp.workers import chunk_size

        sources = list(sources)
        size = chunk_size(len(sources), self.processes)
        chunks = [sources[i:i + size] for i in range(0, len(sources), size)]
        first = self._first = self._next
        self._next += len(chunks)
        self._pending += len(chunks)
        self._done.clear()  # an earlier call's chunks, if it was abandoned
        self._feeder = threading.Thread(target=self._feed, args=(first, chunks), name="kg-nlp-feed", daemon=True)
        self._feeder.start()
        return self._in_order(first, len(chunks))

    def pids(self) -> list[int]:
        """The process ids of the workers (the zygote's first), once they have started."""
        while self._pids is None:
            self._receive()
        return list(self._pids)

    def _feed(self, first: int, chunks: list[list[SourceText]]) -> None:
        for index, chunk in enumerate(chunks, first):
            try:
                self._tasks.send_bytes(pickle.dumps((index, chunk), protocol=pickle.HIGHEST_PROTOCOL))
            except OSError:  # the workers have ended: the reader says why
                return
            except BaseException as exc:  # noqa: BLE001 - raised by the reader, which would wait forever
                self._feed_error = exc
                return

    def _in_order(self, first: int, count: int) -> Iterator[PackedRecord | object]:
        from kg.nlp.workers import unpacked

        for index in range(first, first + count):
            while index not in self._done:
                self._receive()
            yield from map(unpacked, self._done.pop(index))

    def _receive(self) -> None:
        """Take the next message from a worker; raises a worker's error, or :class:`WorkerDied`."""
        ready: list = []
        while not ready:
            if self._feed_error is not None:
                raise self._feed_error
            ready = connection.wait([self._results, *self._alive], FEED_CHECK_SECONDS)
        if self._results not in ready:
            raise WorkerDied("an nlp worker process ended before it gave its records (killed, or out of memory?)")
        try:
            index, payload = pickle.loads(self._results.recv_bytes())
        except EOFError:
            raise WorkerDied("the nlp worker processes ended before they gave their records") from None
        if isinstance(payload, _Failure):
            raise payload.error
        if index == _START:
            self._pids = payload
            return
        self._pending -= 1
        if index >= self._first:  # not a chunk of an earlier call that was abandoned
            self._done[index] = payload

    def close(self) -> None:
        """Stop the workers.  When every chunk sent has come back, the pipe of chunks is
        closed and they end by themselves, each reaped by its parent (so their CPU time is
        counted in the build's); otherwise, or if they have not ended within
        :data:`STOP_SECONDS`, the zygote is killed, and the kernel kills the others with it."""
        if self._zygote is None:
            return
        idle = self._pending == 0 and (self._feeder is None or not self._feeder.is_alive())
        if idle:
            self._tasks.close()
        if not idle or not connection.wait([self._alive[0]], STOP_SECONDS):
            os.kill(self._zygote, signal.SIGKILL)
        os.waitpid(self._zygote, 0)
        self._zygote = None
        if self._feeder is not None:  # a send blocked on a full pipe fails once the workers are gone
            self._feeder.join(STOP_SECONDS)
        if not idle and not self._feeder.is_alive():  # not closed under a thread that writes to it
            self._tasks.close()
        self._results.close()
        for read in self._alive:
            os.close(read)

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _run_zygote(build: int, channels: _Channels, processes: int, model: str | None, kb_files: tuple[str, ...],
                seconds: float | None) -> NoReturn:
    """In the zygote: make the pipeline, fork the other workers, and work as the first one."""
    code = 1
    try:
        _become_worker(build)
        channels.tasks_out.close()
        channels.results_in.close()
        for read, _ in channels.alive:
            os.close(read)
        try:
            from kg.collector import gc_paused, relax

            with gc_paused(freeze=True):  # spaCy and the knowledge base: 10^5 objects for good, no garbage
                from kg.nlp import pipeline

                pipeline._init_worker(model, kb_files, seconds)
        except BaseException as exc:  # noqa: BLE001 - raised again in the build process
            _send(channels, _START, _Failure(_picklable(exc)))
            raise
        # the pipeline lives as long as the workers: no collection walks it, no page is copied
        # for it, and few passes run at all (the workers inherit this)
        relax()
        zygote, pids = os.getpid(), [os.getpid()]
        for worker in range(1, processes):
            pid = os.fork()
            if pid == 0:
                _become_worker(zygote)
                channels.in_worker(worker)
                _serve(channels)
            pids.append(pid)
        channels.in_worker(0)
        _send(channels, _START, pids)
        _serve(channels, pids[1:])
    except BaseException:  # noqa: BLE001 - the build process reports it (or has ended)
        pass
    finally:
        os._exit(code)  # no exit handlers, no flushing the build process's buffers a second time


def _become_worker(parent: int) -> None:
    """Die with ``parent``; leave Ctrl-C to the build process (which stops the workers)."""
    from kg.orphans import die_with

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with(parent)


def _serve(channels: _Channels, children: Iterable[int] = ()) -> NoReturn:
    """In a worker: read the chunks it takes until the build process closes the pipe; then
    reap ``children`` (the zygote's: the other workers, which end likewise), and end."""
    from kg.nlp import pipeline
    from kg.nlp.workers import packed

    while True:
        with channels.task_lock:  # released before the worker ends: the others wait for it
            try:
                data: bytes | None = channels.tasks_in.recv_bytes()
            except EOFError:  # closed: the build process has all it asked for
                data = None
        if data is None:
            for child in children:
                os.waitpid(child, 0)
            os._exit(0)
        index, sources = pickle.loads(data)
        try:
            payload: list | _Failure = [packed(pipeline._work(source)) for source in sources]
        except Exception as exc:  # noqa: BLE001 - raised again in the build process
            payload = _Failure(_picklable(exc))
        _send(channels, index, payload)


def _send(channels: _Channels, index: int, payload: object) -> None:
    data = pickle.dumps((index, payload), protocol=pickle.HIGHEST_PROTOCOL)
    with channels.result_lock:
        channels.results_out.send_bytes(data)


def _picklable(exc: BaseException) -> BaseException:
    """``exc``, or a :class:`KgError` that says what it was if it cannot be pickled."""
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:  # noqa: BLE001 - any failure to pickle or unpickle
        return KgError(f"an nlp worker failed: {exc!r}")
    return exc
