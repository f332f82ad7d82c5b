"""The nlp stage on a Dask distributed cluster, for archives that outgrow one machine.

Articles go out in batches (plain :class:`~kg.records.SourceText` records), each
worker reads them with its own pipeline (made once per worker process and kept), and
plain :class:`~kg.records.DocumentRecord` records come back, in corpus order, so the
resolve and write stages that follow give the same bytes as a local build.

The cluster is a ``distributed.LocalCluster`` of N worker processes on this machine,
or an existing scheduler (``tcp://host:8786``) whose workers have kg installed (the
same version, with the same knowledge-base files at the same paths).  ``dask`` is an
optional extra: ``pip install 'kg[dask]'``.
"""
from __future__ import annotations

import contextlib
import functools
import importlib
import importlib.util
import logging
import multiprocessing
import os
import signal
import socket
import sys
import threading
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, NoReturn

from kg.errors import RemoteError, UsageError
from kg.nlp.workers import packed, unpacked
from kg.records import SourceText

if TYPE_CHECKING:
    from distributed import Client, Future, LocalCluster

#: Articles per task at least: big enough that a task is worth its scheduling (~20 ms).
BATCH_ARTICLES = 16
#: A task takes this share of the articles still to send per worker thread: few big tasks
#: while much remains (each task costs the build process's scheduler and client CPU on
#: the cores the workers need: 108 tasks of 16 articles took 0.45 s of 1,723 articles),
#: small ones at the end, so the workers finish together ("guided" scheduling).
BATCH_SHARE = 0.25
#: The scheduler address that means "start a LocalCluster here".
LOCAL = "local"
#: Seconds to wait for an existing scheduler to answer.
CONNECT_SECONDS = 20
#: Seconds between looks, while the build waits for a LocalCluster's first results, at
#: whether its workers failed to start.
FAILURE_CHECK_SECONDS = 0.5
#: Dask settings of a LocalCluster (its scheduler, nannies and workers read them as they
#: start): its periodic chores wake each process's event loop, which then takes the GIL
#: from the thread reading articles, scores of times a second.  The statistical profiler
#: samples the task thread's stack every 10 ms; the others are health and memory checks
#: whose figures only a dashboard shows (a LocalCluster here has none).  Measured on 640
#: articles on one worker: the worker process's CPU beyond its task thread's fell from
#: 3.3-4.7 % to 0.8-1.4 %.
LOCAL_SETTINGS = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
}

#: What the server process that forks a LocalCluster's workers imports first, so that no
#: worker imports it again: spaCy and Dask (0.8 + 0.4 s).  Where the server is Python's
#: own (:func:`_start_forkserver`), not kg itself (0.1 s): that server's ``sys.path``
#: starts with the current folder (Python 3.11 ignores the one it is given), so a kg
#: checkout there would be imported instead of the kg this build runs.
FORKSERVER_PRELOAD = ("spacy", "distributed")

#: Each worker process's pipelines, by (model, knowledge-base files).
_PIPELINES: dict[tuple[str | None, tuple[str, ...]], object] = {}
#: In kg's own fork server and the workers it forks: the (model, knowledge-base files)
#: of the pipeline the server made for them (None elsewhere).
_FORKED_WITH: tuple[str | None, tuple[str, ...]] | None = None


def guided_batches(sources: Sequence[SourceText], threads: int) -> list[list[SourceText]]:
    """``sources`` cut into batches, in order, for ``threads`` worker threads: each batch
    :data:`BATCH_SHARE` of what remains per thread, at least :data:`BATCH_ARTICLES`."""
    batches, start = [], 0
    while start < len(sources):
        size = max(BATCH_ARTICLES, int((len(sources) - start) * BATCH_SHARE / max(threads, 1)))
        batches.append(list(sources[start:start + size]))
        start += size
    return batches


def process_on_cluster(sources: Sequence[SourceText], scheduler: str, workers: int, model: str | None,
                       kb_files: tuple[str, ...], seconds: float | None) -> Iterator[object]:
    """Each article's record (or its skip), in corpus order, read on a Dask cluster.

    ``scheduler`` is :data:`LOCAL` for a LocalCluster of ``workers`` processes, or the
    address of a running scheduler.
    """
    with Cluster(scheduler, workers, model, kb_files) as cluster:
        yield from cluster.records(sources, seconds)


class Cluster:
    """A Dask cluster to read articles on (a context manager: leaving it disconnects, and
    stops a LocalCluster).  Connecting asks every worker to make its pipeline at once, so
    a build that connects before it reads the corpus finds the workers ready.

    A LocalCluster starts in a thread of its own while this process reads the corpus: its
    workers' server imports spaCy and makes their pipeline, its scheduler starts and a
    client connects, then its workers start.  :meth:`client` waits for the client only;
    the tasks of :meth:`records` wait at the scheduler for the workers, and it raises what
    stopped them from starting.  An existing scheduler is connected to at once, so one
    that cannot be reached fails before the corpus is read."""

    def __init__(self, scheduler: str, workers: int, model: str | None, kb_files: tuple[str, ...]) -> None:
        if importlib.util.find_spec("distributed") is None:
            raise UsageError("--dask needs Dask: pip install 'kg[dask]'")
        self.model, self.kb_files = model, tuple(kb_files)
        self._scheduler = scheduler
        self._cluster: LocalCluster | None = None
        self._client: Client | None = None
        self._warming: list[Future] = []
        self._failure: BaseException | None = None
        self._starting: threading.Thread | None = None
        self._connected = threading.Event()
        self._workers = workers
        if scheduler == LOCAL:
            _start_forkserver(model, self.kb_files)  # it imports spaCy and Dask while this process imports Dask
            self._starting = threading.Thread(target=self._start_local, args=(workers,),
                                              name="kg-dask-start")
            self._starting.start()
        else:
            self._connect()

    def _start_local(self, workers: int) -> None:
        """In the starting thread: a LocalCluster's scheduler, a client connected to it (the
        build's thread may send its tasks from then on: they wait at the scheduler), then
        its ``workers`` processes.  The tasks reach a worker as it registers, not after every
        worker has started and a client has connected then (0.25 s later, measured).  What
        goes wrong is raised again in the build's thread, by :meth:`client` or :meth:`records`."""
        try:
            import dask
            from distributed import LocalCluster

            try:
                with dask.config.set(LOCAL_SETTINGS | _worker_start_method()):
                    self._cluster = LocalCluster(n_workers=0, threads_per_worker=1, processes=True,
                                                 dashboard_address=None, silence_logs=logging.ERROR)
                    self._connect()
                    self._connected.set()
                    # as LocalCluster(n_workers=workers) starts them (SpecCluster.__init__), so what
                    # fails is raised here (``scale`` would start them in the background)
                    while len(self._cluster.worker_spec) < workers:
                        self._cluster.worker_spec.update(self._cluster.new_worker_spec())
                    self._cluster.sync(self._cluster._correct_state)
            except (OSError, TimeoutError) as exc:
                raise RemoteError(f"cannot reach the Dask scheduler {self._scheduler}: {exc}") from None
        except BaseException as exc:
            self._failure = exc
        finally:
            self._connected.set()

    def _connect(self) -> None:
        """A client of the LocalCluster or of the scheduler at ``self._scheduler``, whose
        workers are asked to make their pipelines (a LocalCluster's, as each starts)."""
        from distributed import Client

        try:
            self._client = Client(self._cluster if self._cluster is not None else self._scheduler,
                                  timeout=CONNECT_SECONDS)
        except (OSError, TimeoutError) as exc:
            raise RemoteError(f"cannot reach the Dask scheduler {self._scheduler}: {exc}") from None
        if self._cluster is not None:  # no worker yet: each runs this as it registers, before any task
            self._client.register_worker_callbacks(functools.partial(_warm, self.model, self.kb_files, True))
            return
        self._warming = [self._client.submit(_warm, self.model, self.kb_files, False, workers=[address],
                                             allow_other_workers=False, pure=False)
                         for address in self._client.scheduler_info().get("workers", {})]

    def client(self) -> Client:
        """The connected client (of a LocalCluster: once its scheduler runs; its workers may
        still be starting, and tasks sent meanwhile wait for them), or what went wrong."""
        if self._starting is not None:
            self._connected.wait()
        if self._failure is not None:
            self.close()
            raise self._failure
        assert self._client is not None
        return self._client

    def records(self, sources: Sequence[SourceText], seconds: float | None) -> Iterator[object]:
        """Each article's record (or its skip), in corpus order."""
        client = self.client()
        threads = self._workers if self._cluster is not None else sum(client.nthreads().values())
        batches = guided_batches(sources, threads)
        futures = client.map(read_batch, batches, model=self.model, kb_files=self.kb_files,
                             seconds=seconds, pure=False)
        for future in futures:  # in corpus order; later batches run meanwhile
            yield from map(unpacked, self._result(future))
            future.release()

    def _result(self, future: Future) -> list:
        """``future.result()``, or what stopped a LocalCluster's workers from starting (its
        tasks would wait for them for ever)."""
        while True:
            try:
                return future.result(timeout=FAILURE_CHECK_SECONDS)
            except TimeoutError:
                if future.status == "error":  # the task's own error (a wait that ended as it finished: again)
                    raise
                if self._failure is not None:
                    failure = self._failure
                    self.close()
                    raise failure from None

    def close(self) -> None:
        """Disconnect, and stop a LocalCluster (once it has started)."""
        if self._starting is not None:
            self._starting.join()
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def __enter__(self) -> Cluster:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _start_forkserver(model: str | None, kb_files: tuple[str, ...]) -> None:
    """Start the server process a LocalCluster's workers are forked from, where the system
    has one, having it import spaCy and Dask once for all workers, and, where it can be
    kg's own (:func:`_fork_server`), make their pipeline too.

    Started here, before Dask asks for it: Dask replaces the modules to preload with its
    own list (no spaCy) when it first asks, unless the server already runs, and each
    worker then imported spaCy itself.  Measured: a worker's CPU until its pipeline is
    made, 0.93 s -> 0.5-0.6 s with Python's server.  A server that runs already (an
    earlier build of this process started it) is kept: its workers make the pipeline
    they need if it is not the one it made."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return
    from multiprocessing import forkserver

    multiprocessing.set_forkserver_preload(list(FORKSERVER_PRELOAD))
    if _can_fork_server():
        _fork_server(model, kb_files)
    else:
        forkserver.ensure_running()


def _can_fork_server() -> bool:
    """Whether kg can start the fork server itself: none runs yet; Linux, and a Python
    whose server :func:`_fork_server` knows (3.13 adds an authentication key to its
    requests); and a process whose fork is clean: no other thread (whose locks the fork
    would inherit, held) and no Dask yet (whose state, with threads and loops that no
    fork has, the workers would inherit).  ``kg build --dask`` forks it before it
    imports Dask."""
    from multiprocessing import forkserver

    return (forkserver._forkserver._forkserver_pid is None and sys.platform.startswith("linux")
            and hasattr(os, "fork") and sys.version_info < (3, 13)
            and threading.active_count() == 1 and "distributed" not in sys.modules)


def _fork_server(model: str | None, kb_files: tuple[str, ...]) -> None:
    """Start, as :mod:`multiprocessing`'s fork server, a process forked from this one that
    imports spaCy and Dask and makes the pipeline of ``model`` and ``kb_files`` before it
    serves: each worker forked from it has its pipeline at once (a worker's start, 0.5 s
    of CPU, was mostly making it), and runs the kg this process runs (its modules, not
    a ``sys.path`` of the current folder).  Python's server is told where it listens:
    its own requests then go to it.  It ends when this process does, as Python's does."""
    from multiprocessing import connection, forkserver, util

    server = forkserver._forkserver
    address = connection.arbitrary_address("AF_UNIX")
    with socket.socket(socket.AF_UNIX) as listener:
        listener.bind(address)
        if not util.is_abstract_socket_namespace(address):
            os.chmod(address, 0o600)
        listener.listen()
        alive_r, alive_w = os.pipe()  # this process holds the write end: the server's EOF when it ends
        pid = os.fork()
        if pid == 0:
            _serve_forks(listener.fileno(), alive_r, alive_w, model, kb_files)
        os.close(alive_r)
    with server._lock:
        server._forkserver_address, server._forkserver_alive_fd, server._forkserver_pid = address, alive_w, pid


def _serve_forks(listener: int, alive_r: int, alive_w: int, model: str | None,
                 kb_files: tuple[str, ...]) -> NoReturn:
    """In kg's fork server: import, make the workers' pipeline, and serve Python's requests
    for forks until the build process ends."""
    global _FORKED_WITH
    code = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the build process's
        os.close(alive_w)
        _close_inherited_locks()
        from multiprocessing import forkserver

        forkserver._forkserver._lock = threading.Lock()  # a fresh one: a child inherits no holder
        from kg.collector import gc_paused

        with gc_paused(freeze=True):  # spaCy, Dask and the pipeline: 10^5 objects for good, no garbage
            for name in FORKSERVER_PRELOAD:
                importlib.import_module(name)
            try:
                _warm(model, kb_files, freeze=True)
                _FORKED_WITH = (model, tuple(kb_files))
            except Exception:  # noqa: BLE001 - each worker then makes it, and reports what goes wrong
                pass
        forkserver.main(listener, alive_r, [])
    except SystemExit:  # the build process has ended
        code = 0
    except BaseException:  # noqa: BLE001, S110 - nothing to report to: the workers' starts fail
        pass
    finally:
        os._exit(code)  # no exit handlers, no flushing the build process's buffers a second time


def _close_inherited_locks() -> None:
    """Close the locked files this fork inherited (Linux lists a descriptor's locks in
    ``/proc/self/fdinfo``): the server outlives the build, whose output lock
    (:func:`kg.rdfio.output_lock`) it must not keep.  Closing a copy leaves the build's
    lock held.  Other descriptors are left open: Python objects of the build (a captured
    ``sys.stderr``) still refer to them, and would write to whatever took their number."""
    for name in os.listdir("/proc/self/fdinfo"):
        with contextlib.suppress(OSError, ValueError):  # the listing's own descriptor, closed already
            with open(f"/proc/self/fdinfo/{name}", encoding="ascii") as info:
                locked = any(line.startswith("lock:") for line in info)
            if locked:
                os.close(int(name))


def _worker_start_method() -> dict[str, str]:
    """The Dask setting that forks a LocalCluster's workers from :func:`_start_forkserver`'s
    server, where the system has one (none: Dask's default)."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        return {"distributed.worker.multiprocessing-method": "forkserver"}
    return {}


def read_batch(sources: list[SourceText], model: str | None, kb_files: tuple[str, ...],
               seconds: float | None) -> list[bytes | object]:
    """On a worker: the records (or skips) of a batch, with this process's pipeline, packed
    (:func:`kg.nlp.workers.packed`: a third of the CPU to unpack here)."""
    from kg.nlp.pipeline import _read_or_skip

    nlp = _pipeline(model, kb_files)
    return [packed(_read_or_skip(nlp, source, seconds)) for source in sources]


def _warm(model: str | None, kb_files: tuple[str, ...], freeze: bool) -> None:
    """On a worker: make its pipeline now, before any article comes.  With ``freeze`` (a
    LocalCluster's worker, which is kg's alone), the objects it holds then (Dask, spaCy,
    the pipeline: they live as long as the process) are moved out of the cycle
    collector's sight, which otherwise walks them again at each full collection while
    articles are read (measured: 640 articles, 2-3 % less CPU in 5 paired runs), and the
    collector passes over the young objects seldom, as in the zygote's workers
    (:func:`kg.collector.relax`)."""
    from kg.collector import gc_paused, relax

    with gc_paused(freeze=freeze):
        _pipeline(model, kb_files)
    if freeze:
        relax()


def _pipeline(model: str | None, kb_files: tuple[str, ...]) -> object:
    """On a worker: this process's pipeline for ``model`` and ``kb_files``, made once."""
    from kg.nlp.pipeline import make_pipeline

    key = (model, tuple(kb_files))
    nlp = _PIPELINES.get(key)
    if nlp is None:
        nlp = _PIPELINES[key] = make_pipeline(model, kb_files)
    return nlp
