"""Push a built graph to a triplestore with the SPARQL 1.1 Graph Store HTTP Protocol.

Data engineers load kg's graph into the store they already run (Oxigraph server,
Fuseki, Virtuoso, GraphDB).  :func:`push` sends each named graph of a ``.trig`` /
``.nq`` file with ``PUT ?graph=<IRI>`` (which replaces that graph) and the default
graph with ``PUT ?default``, so the store ends up holding what the file holds.

What was sent is remembered beside the graph file (``.NAME.pushed.json``: per
endpoint, a hash of each graph's triples), so pushing again after a rebuild sends
only the graphs that changed and deletes those of articles that are gone; ``full``
sends everything.  Credentials never go on the command line: they come from the
environment (``KG_PUSH_TOKEN``, or ``KG_PUSH_USER`` and ``KG_PUSH_PASSWORD``) or from
the user's netrc file.  Requests have a timeout and are retried on connection errors
and on 429/5xx answers.
"""
from __future__ import annotations

import base64
import hashlib
import json
import netrc
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError, RemoteError
from kg.query.endpoint import checked_url, error_excerpt
from kg.rdfio import atomic_write, read_quads

#: Environment variables that hold the credentials (never the command line).
TOKEN_VARIABLE = "KG_PUSH_TOKEN"
USER_VARIABLE = "KG_PUSH_USER"
PASSWORD_VARIABLE = "KG_PUSH_PASSWORD"
#: Seconds one request may take, attempts per request, and the first pause between attempts
#: (doubled after each failure).
DEFAULT_TIMEOUT = 60.0
DEFAULT_ATTEMPTS = 4
FIRST_PAUSE = 0.5
#: The media type the graphs are sent as: N-Triples, which every store reads as Turtle too.
CONTENT_TYPE = "text/turtle; charset=utf-8"
#: Answers worth another attempt: the store is busy or briefly down.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
#: The name of the default graph in the manifest and the progress messages.
DEFAULT_GRAPH = "(default graph)"

#: ``progress(graphs_done, graphs_total)``, after each request.
PushProgress = Callable[[int, int], None]


@dataclass(slots=True)
class PushReport:
    """What one push sent."""

    endpoint: str
    replaced: list[str] = field(default_factory=list)  # graph names PUT
    deleted: list[str] = field(default_factory=list)  # graph names DELETEd (articles gone)
    unchanged: int = 0  # graphs the store already holds as they are
    triples: int = 0  # triples sent
    bytes: int = 0  # bytes sent
    retries: int = 0
    seconds: float = 0.0


def push(graph_file: str | os.PathLike[str], endpoint: str, *, full: bool = False,
         timeout: float = DEFAULT_TIMEOUT, attempts: int = DEFAULT_ATTEMPTS,
         progress: PushProgress | None = None, environ: Mapping[str, str] | None = None) -> PushReport:
    """Send the graphs of ``graph_file`` (a graph file, or a store directory written by
    ``kg load``) to the Graph Store endpoint ``endpoint``.

    Only graphs that changed since the last push to this endpoint are sent unless
    ``full``; graphs pushed before and no longer in the file are deleted.  Raises
    :class:`InputError` for an unreadable graph file, :class:`UsageError` for an
    endpoint URL that is not http(s) or holds credentials, :class:`RemoteError` when
    the store cannot be reached or refuses a request.
    """
    started = time.perf_counter()
    path = Path(graph_file)
    endpoint = _checked_endpoint(endpoint)
    graphs = _graphs_of(path)
    manifest_path = path.parent / f".{path.name}.pushed.json"
    manifest = _read_manifest(manifest_path)
    sent_before = {} if full else manifest.get(endpoint, {})
    hashes = {name: _digest(body) for name, (body, _) in graphs.items()}
    to_send = [name for name in graphs if sent_before.get(name) != hashes[name]]
    to_delete = sorted(set(sent_before) - set(graphs))
    client = _Client(endpoint, authorization_for(endpoint, os.environ if environ is None else environ),
                     timeout, attempts)
    report = PushReport(endpoint, unchanged=len(graphs) - len(to_send))
    total, done = len(to_send) + len(to_delete), 0
    pushed = dict(manifest.get(endpoint, {})) if not full else {}
    try:
        for name in to_send:
            body, triples = graphs[name]
            client.request("PUT", name, body)
            pushed[name] = hashes[name]
            report.replaced.append(name)
            report.triples += triples
            report.bytes += len(body)
            done += 1
            if progress:
                progress(done, total)
        for name in to_delete:
            client.request("DELETE", name, None, missing_ok=True)
            pushed.pop(name, None)
            report.deleted.append(name)
            done += 1
            if progress:
                progress(done, total)
    finally:  # what reached the store is remembered even when a later request failed
        manifest[endpoint] = pushed
        _write_manifest(manifest_path, manifest)
        report.retries = client.retries
        report.seconds = time.perf_counter() - started
    return report


def _checked_endpoint(endpoint: str) -> str:
    return checked_url(endpoint, "Graph Store endpoint", "http://127.0.0.1:7878/store",
                       f"set {TOKEN_VARIABLE}, or {USER_VARIABLE} and {PASSWORD_VARIABLE}, or use a netrc file")


def _quads_of(path: Path) -> Iterator[ox.Quad]:
    """The quads of a graph file, or of a store directory written by ``kg load``."""
    from kg.query.ondisk import is_store, open_store

    if not is_store(path):
        yield from read_quads(path)
        return
    graph = open_store(path)  # read-only, under the store's shared lock while it is open
    yield from graph.backend.store.quads_for_pattern(None, None, None, None)


def _graphs_of(path: Path) -> dict[str, tuple[bytes, int]]:
    """Graph name (an IRI, or :data:`DEFAULT_GRAPH`) -> (its triples as N-Triples, how many), sorted by name."""
    by_graph: dict[str, list[ox.Triple]] = {}
    for quad in _quads_of(path):
        name = DEFAULT_GRAPH if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name.value
        by_graph.setdefault(name, []).append(ox.Triple(quad.subject, quad.predicate, quad.object))
    if not by_graph:
        raise InputError(f"{path} holds no triples: nothing to push")
    graphs = {}
    for name in sorted(by_graph):
        lines = sorted(set(ox.serialize(by_graph[name], format=ox.RdfFormat.N_TRIPLES).splitlines(keepends=True)))
        graphs[name] = (b"".join(lines), len(lines))
    return graphs


def _digest(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def _read_manifest(path: Path) -> dict[str, dict[str, str]]:
    """What was pushed before, per endpoint; empty when there is no (readable) manifest."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_manifest(path: Path, manifest: dict[str, dict[str, str]]) -> None:
    text = json.dumps(manifest, indent=1, sort_keys=True).encode("utf-8")
    atomic_write(path, lambda fh: fh.write(text))


def authorization_for(endpoint: str, environ: Mapping[str, str]) -> str | None:
    """The ``Authorization`` header for ``endpoint``: a bearer token or user and password from
    the environment, else the netrc entry of its host; None for an open store."""
    if environ.get(TOKEN_VARIABLE):
        return f"Bearer {environ[TOKEN_VARIABLE]}"
    user, password = environ.get(USER_VARIABLE), environ.get(PASSWORD_VARIABLE)
    if not user:
        host = urllib.parse.urlsplit(endpoint).hostname or ""
        try:
            found = netrc.netrc(environ.get("NETRC")).authenticators(host)
        except (FileNotFoundError, netrc.NetrcParseError, OSError):
            found = None
        if found:
            user, _, password = found
    if not user:
        return None
    pair = f"{user}:{password or ''}".encode()
    return f"Basic {base64.b64encode(pair).decode('ascii')}"


class _Client:
    """Graph Store Protocol requests to one endpoint, with timeout and retries."""

    def __init__(self, endpoint: str, authorization: str | None, timeout: float, attempts: int) -> None:
        self.endpoint, self.authorization = endpoint, authorization
        self.timeout, self.attempts = timeout, max(1, attempts)
        self.retries = 0

    def url(self, graph: str) -> str:
        query = "default" if graph == DEFAULT_GRAPH else urllib.parse.urlencode({"graph": graph})
        return f"{self.endpoint}{'&' if '?' in self.endpoint else '?'}{query}"

    def request(self, method: str, graph: str, body: bytes | None, missing_ok: bool = False) -> None:
        headers = {"Content-Type": CONTENT_TYPE} if body is not None else {}
        if self.authorization:
            headers["Authorization"] = self.authorization
        for attempt, pause in enumerate(_pauses(self.attempts)):
            request = urllib.request.Request(self.url(graph), data=body, method=method, headers=headers)
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as answer:
                    answer.read()
                return
            except urllib.error.HTTPError as exc:
                if exc.code == 404 and missing_ok:
                    return
                if exc.code not in RETRY_STATUSES or attempt == self.attempts - 1:
                    raise RemoteError(f"{method} {graph} to {self.endpoint}: HTTP {exc.code} "
                                      f"({error_excerpt(exc)})") from None
            except (urllib.error.URLError, OSError) as exc:
                if attempt == self.attempts - 1:
                    reason = getattr(exc, "reason", exc)
                    raise RemoteError(f"cannot reach {self.endpoint}: {reason} "
                                      f"(after {self.attempts} attempts)") from None
            self.retries += 1
            time.sleep(pause)


def _pauses(attempts: int) -> Iterator[float]:
    for attempt in range(attempts):
        yield FIRST_PAUSE * 2 ** attempt
