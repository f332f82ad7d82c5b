"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint and a web page to ask the graph.

Why the standard library (:class:`http.server.ThreadingHTTPServer`) and not a web
framework: the server has a handful of routes, no sessions and no templates; the
hard part is stopping runaway queries, which no framework does for us.  Neither
rdflib nor pyoxigraph can cancel a running query from Python, so every query runs
in a small pool of worker processes, forked after the graph is loaded (the graph
is shared copy-on-write).  A worker that exceeds the time limit is killed and
replaced; the other workers keep answering meanwhile.

Hardening (each covered by ``tests/test_server.py``): read-only (updates get 403),
nothing fetched or read (``SERVICE`` refused, ``FROM``/``LOAD`` never followed:
the query engine in :mod:`kg.query` guarantees it), a per-query time limit, a row
cap that says when it cuts, limits on body size and query nesting depth, CORS off
unless asked for, loopback-only ``Host`` names when bound to loopback (DNS
rebinding), and one-line error bodies without stack traces or paths.
"""
from __future__ import annotations

import json
import multiprocessing
import os
import queue
import re
import signal
import socket
import sys
import threading
import traceback
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from ipaddress import ip_address
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import parse_qs, unquote, urlsplit

from kg.errors import KgError, UsageError

WEB_DIR = Path(__file__).with_name("web")
#: Files of ``kg/web`` the server hands out (anything else is 404).
STATIC_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
}
PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1", "[::1]"}


# --------------------------------------------------------------------------- limits


@dataclass(frozen=True)
class Limits:
    """What one request may cost; every field is a ``kg serve`` option."""

    timeout: float = 10.0  # seconds of work per query (the worker is killed after)
    max_rows: int = 10_000  # result rows (or triples) returned; more are cut and flagged
    max_body: int = 65_536  # bytes of a POST body
    max_depth: int = 24  # nesting of { ( [ in a query (rdflib recurses on it)


_IRIREF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_OPENERS = "{(["
_CLOSERS = "})]"


def nesting_depth(query: str) -> int:
    """The deepest nesting of ``{``, ``(`` and ``[`` in ``query``, outside strings,
    IRIs and comments.

    Counted before parsing because parsers recurse on nesting: rdflib raises
    RecursionError at about 30 levels and pyoxigraph crashes the whole process at
    a few thousand.
    """
    depth = deepest = 0
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        if ch == "#":
            end = query.find("\n", i)
            i = n if end < 0 else end + 1
            continue
        if ch == "<":
            match = _IRIREF.match(query, i)
            if match:
                i = match.end()
                continue
        elif ch in "\"'":
            i = _skip_string(query, i)
            continue
        elif ch in _OPENERS:
            depth += 1
            deepest = max(deepest, depth)
        elif ch in _CLOSERS:
            depth = max(depth - 1, 0)
        i += 1
    return deepest


def _skip_string(text: str, start: int) -> int:
    """Index just after the SPARQL string literal that starts at ``start``."""
    quote = text[start]
    delimiter = quote * 3 if text.startswith(quote * 3, start) else quote
    i = start + len(delimiter)
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text.startswith(delimiter, i):
            return i + len(delimiter)
        if len(delimiter) == 1 and text[i] == "\n":
            return i + 1  # unterminated short string: let the parser complain
        i += 1
    return len(text)


# --------------------------------------------------------------- content negotiation

#: Result formats by query kind, in the server's order of preference.
#: Each entry: kg format name -> media types that ask for it in ``Accept``.
SOLUTION_FORMATS: dict[str, tuple[str, ...]] = {
    "json": ("application/sparql-results+json", "application/json"),
    "xml": ("application/sparql-results+xml", "application/xml", "text/xml"),
    "csv": ("text/csv",),
    "tsv": ("text/tab-separated-values",),
}
GRAPH_FORMATS: dict[str, tuple[str, ...]] = {
    "ttl": ("text/turtle", "application/x-turtle", "application/turtle"),
    "nt": ("application/n-triples",),
    "jsonld": ("application/ld+json", "application/json"),
}
#: Values of the ``format=`` (or ``output=``) parameter.  Media types work too.
FORMAT_ALIASES: dict[str, str] = {
    "json": "json", "srj": "json",
    "xml": "xml", "srx": "xml",
    "csv": "csv", "tsv": "tsv",
    "ttl": "ttl", "turtle": "ttl", "n3": "ttl",
    "nt": "nt", "ntriples": "nt", "n-triples": "nt",
    "jsonld": "jsonld", "json-ld": "jsonld",
}


class NotAcceptable(KgError):
    """No format both asked for and available for this kind of result."""


def formats_for(kind: str) -> dict[str, tuple[str, ...]]:
    """The formats a result of ``kind`` (SELECT, ASK, CONSTRUCT, DESCRIBE) comes in."""
    return SOLUTION_FORMATS if kind in ("SELECT", "ASK") else GRAPH_FORMATS


def choose_format(kind: str, requested: Iterable[str], accept: str | None) -> str:
    """Pick the kg format name for a result of ``kind``.

    An explicit ``format=`` value wins over the ``Accept`` header; ``json`` asks for
    JSON-LD when the result is a graph.  With neither, SPARQL JSON (solutions) or
    Turtle (graphs).
    """
    available = formats_for(kind)
    requested = [value.strip() for value in requested if value.strip()]
    unknown = []
    for value in requested:
        name = FORMAT_ALIASES.get(value.lower()) or _format_of_media_type(value, available)
        if name == "json" and available is GRAPH_FORMATS:
            name = "jsonld"
        if name in available:
            return name
        unknown.append(value)
    if unknown:
        raise NotAcceptable(
            f"format {unknown[0]!r} is not available for a {kind} result "
            f"(try: {', '.join(available)})"
        )
    return _negotiate(accept, available) if accept else next(iter(available))


def _format_of_media_type(media_type: str, available: dict[str, tuple[str, ...]]) -> str | None:
    media_type = media_type.split(";")[0].strip().lower()
    for name, media_types in available.items():
        if media_type in media_types:
            return name
    return None


def _negotiate(accept: str, available: dict[str, tuple[str, ...]]) -> str:
    """Best format for an ``Accept`` header (RFC 9110 q-values, server order on ties)."""
    ranges = []
    for part in accept.split(","):
        pieces = [piece.strip() for piece in part.split(";")]
        media_range = pieces[0].lower()
        if not media_range:
            continue
        quality = 1.0
        for param in pieces[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = max(0.0, min(1.0, float(value)))
                except ValueError:
                    quality = 0.0
        ranges.append((media_range, quality))
    best_name, best_quality = None, 0.0
    for name, media_types in available.items():
        for media_type in media_types:
            quality = _quality(media_type, ranges)
            if quality > best_quality:
                best_name, best_quality = name, quality
    if best_name is None:
        offered = ", ".join(types[0] for types in available.values())
        raise NotAcceptable(f"none of the accepted media types is available (offered: {offered})")
    return best_name


def _quality(media_type: str, ranges: list[tuple[str, float]]) -> float:
    """q of the most specific range in ``ranges`` that matches ``media_type``."""
    main_type = media_type.split("/")[0]
    best_specificity, quality = -1, 0.0
    for media_range, q in ranges:
        if media_range == media_type:
            specificity = 2
        elif media_range == f"{main_type}/*":
            specificity = 1
        elif media_range == "*/*":
            specificity = 0
        else:
            continue
        if specificity > best_specificity:
            best_specificity, quality = specificity, q
    return quality


# -------------------------------------------------------------------- worker processes


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


def _text_reply(status: int, message: str) -> Reply:
    return Reply(status, "text/plain; charset=utf-8", (message.rstrip() + "\n").encode("utf-8"))


def _execute(graph: Any, job: Job, max_rows: int) -> Reply:
    """Run ``job`` on ``graph`` (inside a worker) and serialize the answer."""
    from kg.query import UpdateRefused, media_type, question_named

    try:
        cap, why = max_rows, "kg serve --max-rows"
        if job.question is not None:
            question = question_named(job.question)
            if question.pages_below(max_rows):
                cap, why = question.rows, f"the question {job.question!r} shows at most {question.rows}"
            result = graph.ask(job.question, job.params, limit=max_rows)
        else:
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
        return _text_reply(403, f"this endpoint is read-only: {_one_line(exc)}")
    except NotAcceptable as exc:
        return _text_reply(406, _one_line(exc))
    except KgError as exc:  # QueryError, or UsageError for a bad parameter
        return _text_reply(400, _one_line(exc))
    except RecursionError:
        return _text_reply(400, "query too deeply nested")
    except MemoryError:
        return _text_reply(503, "query needs more memory than the server has")
    except Exception:  # a bug: log it for the operator, never show it to the client
        traceback.print_exc(file=sys.stderr)
        return _text_reply(500, "internal error while running the query (see the server log)")


def _note_truncation(body: bytes, max_rows: int, why: str = "kg serve --max-rows") -> bytes:
    """Add a note to SPARQL JSON results that were cut (clients ignore unknown keys)."""
    document = json.loads(body)
    document["kg:truncated"] = True
    document["kg:note"] = f"results cut to the first {max_rows} rows ({why})"
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text or type(exc).__name__


def _worker_main(conn: Any, graph: Any, max_rows: int, listening_fd: int | None) -> None:
    """Body of a worker process: answer jobs from ``conn`` until the parent goes away."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's business
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
        conn.send(_execute(graph, job, max_rows))


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
        for _ in range(max(1, size)):
            self._idle.put(self._spawn())

    def _spawn(self) -> "_Worker":
        with self._spawn_lock:
            worker = _Worker(self._context, self._graph, self._limits.max_rows, self._listening_fd)
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
            healthy = True
            return reply
        except (EOFError, OSError):
            raise QueryStopped("the query worker died while running the query") from None
        finally:
            if healthy or self._closed:
                self._idle.put(worker)
            else:
                self._retire(worker)
                if not self._closed:
                    self._idle.put(self._spawn())

    def _retire(self, worker: "_Worker") -> None:
        self._workers.discard(worker)
        worker.kill()

    def close(self) -> None:
        """Stop every worker."""
        self._closed = True
        for worker in list(self._workers):
            self._retire(worker)


class _Worker:
    def __init__(self, context: Any, graph: Any, max_rows: int, listening_fd: int | None):
        self.conn, child_conn = context.Pipe()
        self.process = context.Process(
            target=_worker_main,
            args=(child_conn, graph, max_rows, listening_fd),
            name="kg-serve-worker",
            daemon=True,
        )
        self.process.start()
        child_conn.close()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


# ---------------------------------------------------------------- service description


def service_description(endpoint: str, limits: Limits) -> Any:
    """The SPARQL 1.1 Service Description of the endpoint, as an rdflib Graph."""
    from rdflib import BNode, Graph, Literal, Namespace, URIRef
    from rdflib.namespace import DCTERMS, RDF, VOID, XSD

    from kg.namespaces import bind_prefixes

    sd = Namespace("http://www.w3.org/ns/sparql-service-description#")
    formats = Namespace("http://www.w3.org/ns/formats/")
    graph = bind_prefixes(Graph())
    graph.bind("sd", sd)
    graph.bind("void", VOID)
    service = URIRef(endpoint)
    graph.add((service, RDF.type, sd.Service))
    graph.add((service, sd.endpoint, service))
    graph.add((service, sd.supportedLanguage, sd.SPARQL11Query))
    graph.add((service, sd.feature, sd.UnionDefaultGraph))
    for name in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                 "SPARQL_Results_TSV", "Turtle", "N-Triples", "JSON-LD"):
        graph.add((service, sd.resultFormat, formats[name]))
    dataset = BNode("dataset")
    graph.add((service, sd.defaultDataset, dataset))
    graph.add((dataset, RDF.type, sd.Dataset))
    default_graph = BNode("defaultGraph")
    graph.add((dataset, sd.defaultGraph, default_graph))
    graph.add((default_graph, RDF.type, sd.Graph))
    graph.add((service, DCTERMS.description, Literal(
        "kg knowledge graph of news actors: read-only SPARQL 1.1 Query endpoint; "
        f"queries stop after {limits.timeout:g} s and return at most {limits.max_rows} rows; "
        "SERVICE, FROM and LOAD are not followed."
    )))
    graph.add((service, URIRef("https://w3id.org/kg-news/ontology#maxRows"),
               Literal(limits.max_rows, datatype=XSD.integer)))
    return graph


_GRAPH_SERIALIZERS = {"ttl": ("turtle", "text/turtle; charset=utf-8"),
                      "nt": ("nt", "application/n-triples; charset=utf-8"),
                      "jsonld": ("json-ld", "application/ld+json")}


# ----------------------------------------------------------------------- HTTP layer


class _HttpError(Exception):
    def __init__(self, status: int, message: str, headers: tuple[tuple[str, str], ...] = ()):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers


class KgServer(ThreadingHTTPServer):
    """The HTTP server: routes in :class:`_Handler`, queries in a :class:`WorkerPool`."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], graph: Any, *, limits: Limits,
                 cors: Iterable[str] = (), workers: int = 2, quiet: bool = False,
                 graph_name: str = "graph"):
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, _Handler)
        self.graph = graph
        self.limits = limits
        self.cors = tuple(cors)
        self.quiet = quiet
        self.graph_name = graph_name
        self.loopback_only = _is_loopback(address[0])
        self.pool: WorkerPool | None = None
        try:
            self.pool = WorkerPool(graph, workers, limits, listening_fd=self.socket.fileno())
        except BaseException:
            self.server_close()
            raise

    @property
    def url(self) -> str:
        """Base URL of the server, e.g. ``http://127.0.0.1:8000/``."""
        host, port = self.server_address[:2]
        host = f"[{host}]" if ":" in host else host
        return f"http://{host}:{port}/"

    def server_close(self) -> None:
        super().server_close()
        if self.pool is not None:
            self.pool.close()


def _is_loopback(host: str) -> bool:
    if host in ("localhost",):
        return True
    try:
        return ip_address(host).is_loopback
    except ValueError:
        return False


class _Handler(BaseHTTPRequestHandler):
    server: KgServer
    server_version = "kg-serve"
    sys_version = ""
    timeout = 30  # seconds a client may take to send its request

    def version_string(self) -> str:
        return self.server_version

    # -- plumbing

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (stdlib name)
        if not self.server.quiet:
            super().log_message(format, *args)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Errors raised by http.server itself: one plain-text line, no HTML."""
        try:
            phrase = HTTPStatus(code).phrase
        except ValueError:
            phrase = "error"
        self.close_connection = True
        self._send(code, (message or phrase).encode("utf-8", "replace") + b"\n",
                   "text/plain; charset=utf-8")

    def _send(self, status: int, body: bytes, content_type: str,
              headers: Iterable[tuple[str, str]] = ()) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        for name, value in headers:
            self.send_header(name, value)
        self._cors_headers()
        if status >= 400:
            self.close_connection = True
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _cors_headers(self) -> None:
        headers = getattr(self, "headers", None)  # unset when the request line was bad
        origin = headers.get("Origin") if headers else None
        allowed = self.server.cors
        if not allowed or origin is None:
            return
        if "*" in allowed:
            self.send_header("Access-Control-Allow-Origin", "*")
        elif origin in allowed:
            self.send_header("Access-Control-Allow-Origin", origin)
            self.send_header("Vary", "Origin")
        else:
            return
        self.send_header("Access-Control-Expose-Headers", "X-KG-Truncated, X-KG-Max-Rows")

    def _dispatch(self, method: str) -> None:
        try:
            self._check_host()
            url = urlsplit(self.path)
            path = unquote(url.path)
            if method in ("GET", "HEAD"):
                self._get(path, _parse_form(url.query))
            elif method == "POST":
                self._post(path, url.query)
            elif method == "OPTIONS":
                self._options()
            else:
                raise _HttpError(403, "this endpoint is read-only")
        except _HttpError as exc:
            self._send(exc.status, (exc.message + "\n").encode("utf-8"),
                       "text/plain; charset=utf-8", exc.headers)
        except (ConnectionError, TimeoutError):
            self.close_connection = True
        except Exception:  # a bug: log it, answer without details
            traceback.print_exc(file=sys.stderr)
            self._send(500, b"internal error (see the server log)\n", "text/plain; charset=utf-8")

    def do_GET(self) -> None:  # noqa: N802 (stdlib naming)
        self._dispatch("GET")

    def do_HEAD(self) -> None:  # noqa: N802
        self._dispatch("HEAD")

    def do_POST(self) -> None:  # noqa: N802
        self._dispatch("POST")

    def do_OPTIONS(self) -> None:  # noqa: N802
        self._dispatch("OPTIONS")

    def do_PUT(self) -> None:  # noqa: N802
        self._dispatch("PUT")

    def do_DELETE(self) -> None:  # noqa: N802
        self._dispatch("DELETE")

    def do_PATCH(self) -> None:  # noqa: N802
        self._dispatch("PATCH")

    def _check_host(self) -> None:
        """Bound to loopback, answer only loopback names (defeats DNS rebinding)."""
        if not self.server.loopback_only:
            return
        host = self.headers.get("Host")
        if host is None:
            return
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        if name.lower() not in LOOPBACK_NAMES:
            raise _HttpError(403, f"unexpected Host name; use http://127.0.0.1:{self.server.server_address[1]}/")

    # -- routes

    def _get(self, path: str, form: dict[str, list[str]]) -> None:
        if path == "/sparql":
            self._refuse_updates(form, None)
            if "query" in form:
                self._run_query(form)
            elif _is_blank(form):
                self._service_description(form)
            else:
                raise _HttpError(400, "missing 'query' parameter")
        elif path == "/service-description":
            self._service_description(form)
        elif path == "/api/cookbook":
            self._send_json(self._cookbook())
        elif path == "/api/info":
            self._send_json(self._info())
        elif path.startswith("/api/ask/"):
            self._run_question(path.removeprefix("/api/ask/"), form)
        else:
            self._static(path)

    def _post(self, path: str, url_query: str) -> None:
        if path != "/sparql" and not path.startswith("/api/ask/"):
            raise _HttpError(405, "POST goes to /sparql or /api/ask/NAME", (("Allow", "GET, HEAD"),))
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        url_form = _parse_form(url_query)
        if content_type == "application/sparql-update" or "update" in url_form:
            raise _HttpError(403, "this endpoint is read-only: SPARQL Update is refused")
        body = self._read_body()
        if content_type == "application/x-www-form-urlencoded":
            form = _parse_form(_decode(body))
            for key, values in url_form.items():
                form.setdefault(key, []).extend(values)
        elif content_type == "application/sparql-query" and path == "/sparql":
            form = dict(url_form)
            if "query" in form:
                raise _HttpError(400, "give the query either in the body or in the URL, not both")
            form["query"] = [_decode(body)]
        else:
            raise _HttpError(
                415, "send application/x-www-form-urlencoded or application/sparql-query"
            )
        if path == "/sparql":
            self._refuse_updates(form, content_type)
            self._run_query(form)
        else:
            self._run_question(path.removeprefix("/api/ask/"), form)

    def _options(self) -> None:
        headers = [("Allow", "GET, HEAD, POST, OPTIONS")]
        origin = self.headers.get("Origin")
        allowed = self.server.cors
        if allowed and origin is not None and ("*" in allowed or origin in allowed):
            headers += [("Access-Control-Allow-Methods", "GET, POST, OPTIONS"),
                        ("Access-Control-Allow-Headers", "Accept, Content-Type"),
                        ("Access-Control-Max-Age", "600")]
        self._send(204, b"", "text/plain; charset=utf-8", headers)

    def _read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding"):
            raise _HttpError(411, "send the body with a Content-Length, not chunked")
        length_header = self.headers.get("Content-Length")
        if length_header is None:
            raise _HttpError(411, "a POST needs a Content-Length")
        try:
            length = int(length_header)
        except ValueError:
            raise _HttpError(400, "bad Content-Length") from None
        if length < 0:
            raise _HttpError(400, "bad Content-Length")
        if length > self.server.limits.max_body:
            raise _HttpError(413, f"request body over {self.server.limits.max_body} bytes "
                                  "(kg serve --max-body)")
        body = self.rfile.read(length)
        if len(body) < length:
            raise _HttpError(400, "request body shorter than its Content-Length")
        return body

    @staticmethod
    def _refuse_updates(form: dict[str, list[str]], content_type: str | None) -> None:
        if "update" in form:
            raise _HttpError(403, "this endpoint is read-only: SPARQL Update is refused")
        for name in ("default-graph-uri", "named-graph-uri", "using-graph-uri",
                     "using-named-graph-uri"):
            if name in form:
                raise _HttpError(400, f"'{name}' is not supported: the endpoint never "
                                      "fetches other graphs")

    def _run_query(self, form: dict[str, list[str]]) -> None:
        queries = form.get("query", [])
        if len(queries) != 1:
            raise _HttpError(400, "give exactly one 'query' parameter")
        sparql = queries[0]
        if not sparql.strip():
            raise _HttpError(400, "empty query")
        if len(sparql.encode("utf-8")) > self.server.limits.max_body:
            raise _HttpError(413, f"query over {self.server.limits.max_body} bytes "
                                  "(kg serve --max-body)")
        depth = nesting_depth(sparql)
        if depth > self.server.limits.max_depth:
            raise _HttpError(400, f"query nested {depth} levels deep; the limit is "
                                  f"{self.server.limits.max_depth}")
        self._run(Job(sparql=sparql, formats=_formats(form), accept=self.headers.get("Accept")))

    def _run_question(self, name: str, form: dict[str, list[str]]) -> None:
        if not re.fullmatch(r"[A-Za-z0-9_.-]+", name):
            raise _HttpError(404, "no such question")
        params = {}
        for key, values in form.items():
            if key in ("format", "output", "results"):
                continue
            if len(values) != 1:
                raise _HttpError(400, f"give parameter {key!r} once")
            params[key] = values[0]
        question = next((q for q in self._cookbook() if q["name"] == name), None)
        if question is None:
            raise _HttpError(404, f"no question named {name!r} (see /api/cookbook)")
        for param in question["params"]:
            if param.get("required") and param.get("default") is None and not params.get(param["name"]):
                about = f" ({param['description']})" if param.get("description") else ""
                raise _HttpError(400, f"question {name!r} needs the parameter "
                                      f"{param['name']}=…{about}")
        self._run(Job(question=name, params=params, formats=_formats(form),
                      accept=self.headers.get("Accept")))

    def _run(self, job: Job) -> None:
        assert self.server.pool is not None
        try:
            reply = self.server.pool.run(job)
        except QueryStopped as exc:
            raise _HttpError(503, str(exc), (("Retry-After", "1"),)) from None
        except WorkersBusy as exc:
            raise _HttpError(503, str(exc), (("Retry-After", "2"),)) from None
        headers = reply.headers + (("Cache-Control", "no-store"),)
        self._send(reply.status, reply.body, reply.content_type, headers)

    def _service_description(self, form: dict[str, list[str]]) -> None:
        try:
            fmt = choose_format("CONSTRUCT", _formats(form), self.headers.get("Accept"))
        except NotAcceptable as exc:
            raise _HttpError(406, str(exc)) from None
        graph = service_description(f"{self.server.url}sparql", self.server.limits)
        rdflib_format, media_type = _GRAPH_SERIALIZERS[fmt]
        self._send(200, graph.serialize(format=rdflib_format, encoding="utf-8"), media_type)

    def _cookbook(self) -> list[dict[str, Any]]:
        cached = getattr(self.server, "_cookbook_cache", None)
        if cached is None:
            from kg.query import cookbook

            cached = [_question_json(question) for question in cookbook()]
            self.server._cookbook_cache = cached  # type: ignore[attr-defined]
        return cached

    def _info(self) -> dict[str, Any]:
        from kg.namespaces import PREFIXES

        limits = self.server.limits
        return {
            "graph": self.server.graph_name,
            "triples": len(self.server.graph),
            "endpoint": "/sparql",
            "prefixes": {prefix: str(ns) for prefix, ns in PREFIXES.items()},
            "limits": {"timeout": limits.timeout, "max_rows": limits.max_rows,
                       "max_body": limits.max_body, "max_depth": limits.max_depth},
        }

    def _send_json(self, document: Any) -> None:
        body = json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
        self._send(200, body, "application/json", (("Cache-Control", "no-cache"),))

    def _static(self, path: str) -> None:
        if path == "/":
            path = "/sparql.html"
        relative = path.lstrip("/")
        if (not relative or any(part.startswith(".") or part == "" for part in relative.split("/"))
                or "\\" in relative or "\x00" in relative):
            raise _HttpError(404, "not found")
        web = WEB_DIR.resolve()
        target = (web / relative).resolve()
        if not target.is_relative_to(web) or target.suffix not in STATIC_TYPES or not target.is_file():
            raise _HttpError(404, "not found")
        headers = [("Cache-Control", "no-cache")]
        if target.suffix == ".html":
            headers += [("Content-Security-Policy", PAGE_CSP), ("X-Frame-Options", "DENY")]
        self._send(200, target.read_bytes(), STATIC_TYPES[target.suffix], headers)


def _question_json(question: Any) -> dict[str, Any]:
    """A cookbook question as the web page needs it (no file paths)."""
    return {
        "name": question.name,
        "title": question.title,
        "description": question.description,
        "params": _params_json(question.params),
        "text": question.text,
    }


def _params_json(params: Any) -> list[dict[str, Any]]:
    out = []
    if isinstance(params, dict):
        params = [dict(value, name=name) if isinstance(value, dict) else {"name": name, "default": value}
                  for name, value in params.items()]
    for param in params or ():
        if isinstance(param, str):
            out.append({"name": param})
        elif isinstance(param, dict):
            out.append({key: _jsonable(value) for key, value in param.items()})
        else:  # a small dataclass or named tuple
            fields = getattr(param, "__dataclass_fields__", None) or getattr(param, "_fields", ())
            out.append({name: _jsonable(getattr(param, name)) for name in fields})
    return out


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (list, tuple)):
        return [_jsonable(item) for item in value]
    return str(value)


def _decode(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise _HttpError(400, "the request body is not valid UTF-8") from None


def _parse_form(text: str) -> dict[str, list[str]]:
    try:
        return parse_qs(text, keep_blank_values=True, errors="strict", max_num_fields=100)
    except UnicodeDecodeError:
        raise _HttpError(400, "a parameter is not valid UTF-8 once percent-decoded") from None
    except ValueError:
        raise _HttpError(400, "too many parameters") from None


def _formats(form: dict[str, list[str]]) -> tuple[str, ...]:
    return tuple(form.get("format", []) + form.get("output", []))


def _is_blank(form: dict[str, list[str]]) -> bool:
    return not (set(form) - {"format", "output"})


# ------------------------------------------------------------------------ public API


def make_server(graph_path: str | os.PathLike[str], *, host: str = "127.0.0.1", port: int = 8000,
                store: str = "rdflib", timeout: float = 10.0, max_rows: int = 10_000,
                max_body: int = 65_536, max_depth: int = 24, cors: Iterable[str] = (),
                workers: int = 2, quiet: bool = False) -> KgServer:
    """Load ``graph_path`` and bind a server (``port=0`` picks a free port).

    Call ``serve_forever()`` to answer requests (in a thread, for tests),
    ``shutdown()`` to stop it and ``server_close()`` to free the port and workers.
    """
    from kg.query import load

    for name, value in (("--timeout", timeout), ("--max-rows", max_rows),
                        ("--max-body", max_body), ("--max-depth", max_depth),
                        ("--workers", workers)):
        if value <= 0:
            raise UsageError(f"{name} must be positive, not {value}")
    for origin in cors:
        if origin != "*" and not re.fullmatch(r"https?://[^/\s]+", origin):
            raise UsageError(f"--cors takes an origin like http://localhost:3000, not {origin!r}")
    graph = load(graph_path, store=store)
    limits = Limits(timeout=float(timeout), max_rows=int(max_rows), max_body=int(max_body),
                    max_depth=int(max_depth))
    try:
        return KgServer((host, port), graph, limits=limits, cors=cors, workers=workers,
                        quiet=quiet, graph_name=Path(graph_path).name)
    except OSError as exc:
        raise UsageError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
