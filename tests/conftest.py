"""Shared fixtures: one kg pipeline per test session, and a reader of small texts."""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
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
