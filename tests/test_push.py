"""kg push: a built graph into a real Oxigraph server (started on 127.0.0.1 by the tests)."""
from __future__ import annotations

import shutil
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import free_port, oxigraph_server

from kg.cli import main
from kg.errors import RemoteError, UsageError
from kg.push import DEFAULT_GRAPH, authorization_for, push

SEEDS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture
def store():
    """A fresh in-memory Oxigraph server; yields its base URL, stops it after the test."""
    with oxigraph_server() as base:
        yield base


def server_quads(base: str) -> set[ox.Quad]:
    request = urllib.request.Request(f"{base}/store", headers={"Accept": "application/n-quads"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return set(ox.parse(answer.read(), format=ox.RdfFormat.N_QUADS))


def file_quads(path: Path) -> set[ox.Quad]:
    return set(ox.parse(path=str(path), format=ox.RdfFormat.TRIG))


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    return folder


def build(corpus: Path, out: Path) -> Path:
    assert main(["build", str(corpus), "-o", str(out), "--quiet"]) == 0
    return out


def test_a_push_makes_the_store_hold_what_the_file_holds(store, corpus, tmp_path):
    graph = build(corpus, tmp_path / "out" / "graph.trig")
    report = push(graph, f"{store}/store")
    assert server_quads(store) == file_quads(graph)
    assert DEFAULT_GRAPH in report.replaced and len(report.replaced) == 6  # 5 articles + the default graph
    assert report.triples == len(file_quads(graph)) and report.deleted == []


def test_pushing_again_sends_only_what_changed_and_deletes_what_is_gone(store, corpus, tmp_path):
    graph = build(corpus, tmp_path / "out" / "graph.trig")
    endpoint = f"{store}/store"
    push(graph, endpoint)
    again = push(graph, endpoint)
    assert (again.replaced, again.deleted, again.unchanged) == ([], [], 6)

    first, second = sorted(corpus.glob("*.txt"))[:2]
    first.write_text(first.read_text(encoding="utf-8") + "\nThe Velorian Union said it would join the talks.\n",
                     encoding="utf-8")
    second.unlink()
    build(corpus, graph)
    changed = push(graph, endpoint)
    assert sorted(changed.replaced) == sorted([DEFAULT_GRAPH, f"https://w3id.org/kg-news/id/doc/{first.name}"])
    assert changed.deleted == [f"https://w3id.org/kg-news/id/doc/{second.name}"]
    assert server_quads(store) == file_quads(graph)

    everything = push(graph, endpoint, full=True)
    assert len(everything.replaced) == 5 and server_quads(store) == file_quads(graph)


def test_the_cli_pushes_and_sums_up(store, corpus, tmp_path, capsys):
    graph = build(corpus, tmp_path / "graph.trig")
    capsys.readouterr()
    assert main(["push", str(graph), f"{store}/store"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"pushed to {store}/store: 6 graphs replaced (")
    assert server_quads(store) == file_quads(graph)


def test_an_unreachable_store_is_one_line_and_exit_5(tmp_path, capsys):
    graph = build(SEEDS, tmp_path / "graph.trig")
    capsys.readouterr()
    code = main(["push", str(graph), f"http://127.0.0.1:{free_port()}/store", "--attempts", "2", "--timeout", "2"])
    err = capsys.readouterr().err
    assert code == RemoteError.exit_code == 5
    assert err.startswith("kg push: error: cannot reach http://127.0.0.1:") and "(after 2 attempts)" in err
    assert len(err.strip().splitlines()) == 1


def test_a_refused_request_names_the_status(store, tmp_path):
    graph = build(SEEDS, tmp_path / "graph.trig")
    with pytest.raises(RemoteError, match=r"PUT .* HTTP 4\d\d"):
        push(graph, f"{store}/query", attempts=1)  # the query endpoint takes no PUT


def test_credentials_in_the_url_are_refused(tmp_path):
    graph = build(SEEDS, tmp_path / "graph.trig")
    with pytest.raises(UsageError, match="credentials in the endpoint URL are refused"):
        push(graph, "http://dba:secret@127.0.0.1:8890/sparql-graph-crud-auth")
    with pytest.raises(UsageError, match="not an http"):
        push(graph, "ftp://127.0.0.1/store")


def test_credentials_come_from_the_environment_or_netrc(tmp_path):
    endpoint = "http://store.example.org:8890/sparql-graph-crud-auth"
    assert authorization_for(endpoint, {"KG_PUSH_TOKEN": "t0k"}) == "Bearer t0k"
    assert authorization_for(endpoint, {"KG_PUSH_USER": "dba", "KG_PUSH_PASSWORD": "pw"}) == "Basic ZGJhOnB3"
    netrc = tmp_path / "netrc"
    netrc.write_text("machine store.example.org login reader password s3cret\n")
    netrc.chmod(0o600)
    assert authorization_for(endpoint, {"NETRC": str(netrc)}) == "Basic cmVhZGVyOnMzY3JldA=="
    assert authorization_for("http://other.example.org/store", {"NETRC": str(netrc)}) is None


def test_a_store_directory_pushes_what_its_graph_file_holds(store, corpus, tmp_path):
    graph = build(corpus, tmp_path / "out" / "graph.trig")
    directory = tmp_path / "out" / "store"
    assert main(["load", str(graph), "--store", str(directory)]) == 0
    report = push(directory, f"{store}/store")
    assert server_quads(store) == file_quads(graph)
    assert len(report.replaced) == 6
