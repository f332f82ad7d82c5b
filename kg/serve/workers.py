"""The worker pool: every query runs in a forked process that is killed past the time limit.

Why processes: neither rdflib nor pyoxigraph can cancel a running query from Python,
so each query runs in a small pool of worker processes, forked after the graph is
loaded (the graph is shared copy-on-write).  A worker that exceeds the time limit
is killed and replaced; the other workers keep answering meanwhile.  A worker also
checks the nesting depth with kg's SPARQL scanner (a lexer has slow inputs too, so
it runs under the time limit, not in the server's own process).

Memory: each worker caps its own address space (RLIMIT_AS, set in the worker, so the
server is not limited) at its size when forked plus ``Limits.max_memory``.  A query
that needs more gets MemoryError (Python) or aborts the worker (Rust's allocator in
pyoxigraph); either way the client gets 503 "query needs too much memory" and the
pool forks a fresh worker.
"""
from __future__ import annotations

import json
import multiprocessing
import os
import queue
import signal
import sys
import threading
import traceback
from dataclasses import dataclass, field
from typing import Any

from kg.errors import KgError, UsageError
from kg.query.parsing import one_line
from kg.serve.limits import RETRY_AFTER, Limits
from kg.serve.negotiation import NotAcceptable, choose_format


@dataclass(frozen=True)
class Job:
    """One query for a worker: free SPARQL text, or a cookbook question by name."""

    sparql: str | None = None
    question: str | None = None
    params: dict[str, str] = field(default_factory=dict)
    formats: tuple[str, ...] = ()
    accept: str | None = None


@dataclass(frozen=True)
class Reply:
    """A worker's answer, ready to send."""

    status: int
    content_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()
    retire_worker: bool = False  # the worker is spent (it ran out of memory): fork a fresh one


def _text_reply(status: int, message: str, **extra: Any) -> Reply:
    return Reply(status, "text/plain; charset=utf-8", (message.rstrip() + "\n").encode("utf-8"), **extra)


def too_much_memory(limits: Limits) -> str:
    """The one-line answer to a query that ran into ``--max-memory``."""
    return (f"query needs too much memory (over {_size(limits.max_memory)} per query worker, "
            "kg serve --max-memory); simplify it or add a LIMIT")


def _size(nbytes: int) -> str:
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if nbytes >= scale:
            return f"{nbytes / scale:.3g} {unit}"
    return f"{nbytes} bytes"


def execute(graph: Any, job: Job, limits: Limits) -> Reply:
    """Run ``job`` on ``graph`` (inside a worker) and serialize the answer."""
    from kg.query import UpdateRefused, media_type, nesting_depth, question_named

    max_rows = limits.max_rows
    try:
        cap, why = max_rows, "kg serve --max-rows"
        if job.question is not None:
            question = question_named(job.question)
            if question.pages_below(max_rows):
                cap, why = question.rows, f"the question {job.question!r} shows at most {question.rows}"
            result = graph.ask(job.question, job.params, limit=max_rows)
        else:
            # Before any parser sees it: parsers recurse on nesting (rdflib raises
            # RecursionError at about 30 levels, pyoxigraph crashes at a few thousand).
            depth = nesting_depth(job.sparql)
            if depth > limits.max_depth:
                return _text_reply(400, f"query nested {depth} levels deep; the limit is {limits.max_depth}")
            result = graph.query(job.sparql, limit=max_rows)
        fmt = choose_format(result.kind, job.formats, job.accept)
        body = result.serialize(fmt)
        headers: list[tuple[str, str]] = []
        if result.truncated:
            headers.append(("X-KG-Truncated", "true"))
            headers.append(("X-KG-Max-Rows", str(cap)))
            if fmt == "json":
                body = _note_truncation(body, cap, why)
        return Reply(200, media_type(fmt), body, tuple(headers))
    except UpdateRefused as exc:
        return _text_reply(403, f"this endpoint is read-only: {one_line(exc)}")
    except NotAcceptable as exc:
        return _text_reply(406, one_line(exc))
    except KgError as exc:  # QueryError, or UsageError for a bad parameter
        return _text_reply(400, one_line(exc))
    except RecursionError:
        return _text_reply(400, "query too deeply nested")
    except MemoryError:  # the worker's RLIMIT_AS: answer, then let the pool replace it
        return _text_reply(503, too_much_memory(limits), retire_worker=True,
                           headers=(("Retry-After", str(RETRY_AFTER)),))
    except Exception:  # a bug: log it for the operator, never show it to the client
        traceback.print_exc(file=sys.stderr)
        return _text_reply(500, "internal error while running the query (see the server log)")


def _note_truncation(body: bytes, max_rows: int, why: str = "kg serve --max-rows") -> bytes:
    """Add a note to SPARQL JSON results that were cut (clients ignore unknown keys)."""
    document = json.loads(body)
    document["kg:truncated"] = True
    document["kg:note"] = f"results cut to the first {max_rows} rows ({why})"
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def _worker_main(conn: Any, graph: Any, limits: Limits, listening_fd: int | None) -> None:
    """Body of a worker process: answer jobs from ``conn`` until the parent goes away."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's business
    limit_memory(limits.max_memory)
    conn.send(WORKER_READY)  # the cap is in place before the first job arrives
    if listening_fd is not None:
        try:
            os.close(listening_fd)  # the listening socket belongs to the parent only
        except OSError:
            pass
    parent = os.getppid()
    while True:
        try:
            if not conn.poll(1.0):
                if os.getppid() != parent:
                    return
                continue
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        reply = execute(graph, job, limits)
        conn.send(reply)
        if reply.retire_worker:
            return


def limit_memory(max_memory: int) -> None:
    """Cap this process's address space at its present size plus ``max_memory`` bytes.

    Why on top of the present size: a worker is forked with the loaded graph already
    mapped, so a cap of ``max_memory`` alone would starve a worker serving a big graph;
    ``max_memory`` is what one query may add.  Only on systems with ``/proc`` (Linux),
    where RLIMIT_AS is enforced.
    """
    import resource

    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            present = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = present + max_memory
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


#: What a fresh worker says once its memory cap is set, and how long the pool waits for it.
WORKER_READY = "ready"
WORKER_START_SECONDS = 30.0


class QueryStopped(KgError):
    """A query ran past the time limit (or crashed its worker); the worker was replaced."""


class WorkersBusy(KgError):
    """No worker became free in time."""


class WorkerPool:
    """Worker processes forked with the loaded graph; killed and replaced on timeout."""

    def __init__(self, graph: Any, size: int, limits: Limits, listening_fd: int | None = None):
        if "fork" not in multiprocessing.get_all_start_methods():
            raise UsageError("kg serve needs the 'fork' start method (Linux, macOS)")
        self._context = multiprocessing.get_context("fork")
        self._graph = graph
        self._limits = limits
        self._listening_fd = listening_fd
        self._spawn_lock = threading.Lock()
        self._idle: queue.Queue = queue.Queue()
        self._workers: set = set()
        self._closed = False
        self.killed = 0  # workers killed for running past the limit (for logs and tests)
        self.out_of_memory = 0  # workers that died of a failed allocation under --max-memory
        for _ in range(max(1, size)):
            self._idle.put(self._spawn())

    def _spawn(self) -> _Worker:
        with self._spawn_lock:
            worker = _Worker(self._context, self._graph, self._limits, self._listening_fd)
            self._workers.add(worker)
            return worker

    def pids(self) -> list[int]:
        """Process ids of the live workers."""
        return sorted(w.process.pid for w in list(self._workers) if w.process.is_alive())

    def run(self, job: Job) -> Reply:
        """Run ``job`` on a free worker within the time limit."""
        timeout = self._limits.timeout
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise WorkersBusy(
                f"all query workers are busy; try again (each query may run {timeout:g} s)"
            ) from None
        if not worker.process.is_alive():  # died while idle (OOM killer, kill -9): replace it
            self._retire(worker)
            worker = self._spawn()
        healthy = False
        try:
            worker.conn.send(job)
            if not worker.conn.poll(timeout):
                self.killed += 1
                raise QueryStopped(
                    f"query stopped after the time limit of {timeout:g} s "
                    "(kg serve --timeout); simplify it or add a LIMIT"
                )
            reply = worker.conn.recv()
            healthy = not reply.retire_worker
            self.out_of_memory += reply.retire_worker
            return reply
        except (EOFError, OSError):
            raise QueryStopped(self._death_notice(worker)) from None
        finally:
            if healthy or self._closed:
                self._idle.put(worker)
            else:
                self._retire(worker)
                if not self._closed:
                    self._idle.put(self._spawn())

    def _death_notice(self, worker: _Worker) -> str:
        """Why a worker died during a query: SIGABRT is an allocation that failed under
        the worker's memory cap (Rust aborts on it); other deaths are told by signal."""
        worker.process.join(timeout=5)
        code = worker.process.exitcode
        if code == -signal.SIGABRT:
            self.out_of_memory += 1
            return too_much_memory(self._limits)
        how = f" ({signal.Signals(-code).name})" if code is not None and code < 0 else ""
        return f"the query worker died while running the query{how}; a fresh one was started"

    def _retire(self, worker: _Worker) -> None:
        self._workers.discard(worker)
        worker.kill()

    def close(self) -> None:
        """Stop every worker."""
        self._closed = True
        for worker in list(self._workers):
            self._retire(worker)


class _Worker:
    def __init__(self, context: Any, graph: Any, limits: Limits, listening_fd: int | None):
        self.conn, child_conn = context.Pipe()
        self.process = context.Process(
            target=_worker_main,
            args=(child_conn, graph, limits, listening_fd),
            name="kg-serve-worker",
            daemon=True,
        )
        self.process.start()
        child_conn.close()
        try:
            ready = self.conn.poll(WORKER_START_SECONDS) and self.conn.recv() == WORKER_READY
        except (EOFError, OSError):
            ready = False
        if not ready:
            self.kill()
            raise QueryStopped("a query worker did not start; see the server log")

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()
