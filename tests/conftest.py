"""Shared fixtures: one kg pipeline per test session, and a reader of small texts."""
from __future__ import annotations

import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from kg.records import DocumentRecord


@pytest.fixture(scope="session")
def nlp():
    from kg.nlp import make_pipeline

    return make_pipeline()


@pytest.fixture(scope="session")
def read(nlp):
    """Read ``body`` as an article (a headline is put before it) into a DocumentRecord."""
    from kg.nlp import doc_to_record

    def _read(body: str, title: str = "Headline of the story") -> DocumentRecord:
        return doc_to_record(nlp(f"{title}\n\n{body}"), "test.txt")

    return _read


@pytest.fixture
def read_with_kb(tmp_path):
    """``read_with_kb(kb_toml)`` is a reader like ``read`` whose pipeline also knows the
    actors of the knowledge-base file ``kb_toml`` (TOML text, ``[[actor]]`` tables)."""
    from kg.nlp import doc_to_record, make_pipeline

    def _reader(kb_toml: str):
        kb = tmp_path / "actors.toml"
        kb.write_text(kb_toml, encoding="utf-8")
        pipeline = make_pipeline(kb_files=[str(kb)])
        return lambda body, title="Headline": doc_to_record(pipeline(f"{title}\n\n{body}"), "t.txt")

    return _reader


def labels(record: DocumentRecord) -> dict[str, str]:
    """key -> label of a record's entities."""
    return {e.key: e.label for e in record.entities}


def facts(record: DocumentRecord, predicate: str, negated: bool = False) -> set[tuple[str, str]]:
    names = labels(record)
    return {(names[f.subject], names[f.object]) for f in record.facts
            if f.predicate == predicate and f.negated == negated}


def said(record: DocumentRecord) -> list[tuple[str, str, bool]]:
    names = labels(record)
    return [(names[s.speaker], s.text, s.direct) for s in record.statements]


class QuietHandler(http.server.BaseHTTPRequestHandler):
    """A request handler for the small HTTP servers of tests: :meth:`reply` sends a body,
    and no request is logged."""

    def reply(self, body: bytes, content_type: str, status: int = 200) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@contextmanager
def serving(graph, **options):
    """A ``kg serve`` server on a free port, serving in a thread; stopped on exit."""
    from kg.serve import make_server

    options.setdefault("quiet", True)
    server = make_server(graph, port=0, **options)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture
def capped_question(monkeypatch):
    """The cookbook as one question, "capped", whose page (``# rows: 1``) is one statement."""
    from pathlib import Path

    from kg.query import questions

    text = "# title: T\n# rows: 1\nSELECT ?s WHERE { ?s a kg:Statement } ORDER BY ?s LIMIT 2\n"
    question = questions.parse_question("capped", Path("capped.rq"), text)
    monkeypatch.setattr(questions, "_cookbook", lambda: (question,))
    return question


def oxigraph_binary() -> str:
    """The ``oxigraph`` server of the ``oxigraph`` package (in the test extra), beside this Python."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    assert found, "the oxigraph server is missing: pip install 'kg[test]' installs it"
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def oxigraph_server(*options: str):
    """A fresh in-memory Oxigraph server on 127.0.0.1 (``oxigraph serve OPTIONS``); yields its
    base URL and stops it on exit."""
    port = free_port()
    process = subprocess.Popen([oxigraph_binary(), "serve", "--bind", f"127.0.0.1:{port}", *options],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1).read()
                break
            except (urllib.error.URLError, OSError):
                time.sleep(0.1)
        else:
            pytest.fail("the Oxigraph server did not start")
        yield base
    finally:
        process.terminate()
        process.wait(10)


#: Debian's Virtuoso 7.2 (``virtuoso-opensource``): the server and its SQL client.
VIRTUOSO = shutil.which("virtuoso-t")
VIRTUOSO_ISQL = shutil.which("isql-vt")
#: The graph Virtuoso loads a file's default graph into (Virtuoso has no default graph of
#: its own: it is named in each request, ``default-graph-uri``).
VIRTUOSO_DEFAULT_GRAPH = "urn:kg:default"

_VIRTUOSO_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
CheckpointInterval = 0
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = {dir}

[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerThreads = 4
MaxClientConnections = 4

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


def virtuoso_or_skip() -> None:
    """Skip a Virtuoso test when Virtuoso is not installed; fail it instead when
    ``KG_REQUIRE_VIRTUOSO=1`` (CI installs it: ``.ci/run``)."""
    if VIRTUOSO and VIRTUOSO_ISQL:
        return
    message = "virtuoso-t / isql-vt are missing (Debian: apt-get install virtuoso-opensource)"
    if os.environ.get("KG_REQUIRE_VIRTUOSO") == "1":
        pytest.fail(f"KG_REQUIRE_VIRTUOSO=1 but {message}")
    pytest.skip(message)


@contextmanager
def virtuoso_server(trig: Path):
    """A fresh Virtuoso on 127.0.0.1 (its own database in a temporary directory, free ports
    for SQL and HTTP) with ``trig`` loaded: the file's default graph into
    :data:`VIRTUOSO_DEFAULT_GRAPH`, each named graph as itself.  Yields the URL of its
    SPARQL endpoint naming that graph as the default graph; stops the server on exit."""
    import tempfile

    virtuoso_or_skip()
    with tempfile.TemporaryDirectory(prefix="kg-virtuoso-") as tmp:
        folder = Path(tmp)
        sql, http = free_port(), free_port()
        ini = folder / "virtuoso.ini"
        ini.write_text(_VIRTUOSO_INI.format(dir=folder, sql=sql, http=http), encoding="utf-8")
        data = folder / "graph.trig"
        shutil.copyfile(trig, data)
        log = (folder / "server.out").open("wb")
        process = subprocess.Popen([VIRTUOSO, "+foreground", "+configfile", str(ini)], cwd=folder,
                                   stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 60
            while True:  # online when both ports answer (the HTTP server comes up last)
                try:
                    for port in (sql, http):
                        with socket.create_connection(("127.0.0.1", port), timeout=1):
                            pass
                    break
                except OSError:
                    if process.poll() is not None or time.monotonic() > deadline:
                        pytest.fail("Virtuoso did not start: "
                                    + (folder / "server.out").read_text(errors="replace")[-800:])
                    time.sleep(0.1)
            # TTLP_MT flag 256: the text is TriG (named graphs kept, the default graph into
            # the graph given); the isql client exits 0 even on an SQL error, so its output is read
            load = subprocess.run(
                [VIRTUOSO_ISQL, f"127.0.0.1:{sql}", "dba", "dba",
                 f"exec=DB.DBA.TTLP_MT(file_to_string_output('{data}'), '', '{VIRTUOSO_DEFAULT_GRAPH}', 256);"],
                capture_output=True, text=True, timeout=120)
            if load.returncode != 0 or "Error" in load.stdout + load.stderr:
                pytest.fail(f"Virtuoso did not load {trig.name}: {(load.stdout + load.stderr)[-800:]}")
            yield (f"http://127.0.0.1:{http}/sparql?"
                   + urllib.parse.urlencode({"default-graph-uri": VIRTUOSO_DEFAULT_GRAPH}))
        finally:
            process.terminate()
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            log.close()
