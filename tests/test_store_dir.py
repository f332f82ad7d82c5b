"""kg load GRAPH --store DIR, and every command taking DIR where it takes a graph file.

Real stores on disk (pyoxigraph), real servers on 127.0.0.1 (kg serve, and an Oxigraph
server reading the same directory); the locks are the ones kg itself takes.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import oxigraph_server, serving
from test_query_endpoint import PARAMS, unordered

from kg import query as kq
from kg.cli import main
from kg.errors import InputError, OutputError, UsageError
from kg.query import ondisk

DATA = Path(__file__).parent / "data"
MINI = DATA / "mini.trig"
#: The quads of mini.trig (all distinct), read by pyoxigraph alone.
MINI_QUADS = len(set(ox.parse(path=str(MINI))))
DOC = "https://w3id.org/kg-news/id/doc/"
KG = "https://w3id.org/kg-news/ontology#"
#: A later build of one article (a.txt) with a default graph of its own.
UPDATE = f"""@prefix kg: <{KG}> .
<urn:x:new-actor> a kg:Person ; <http://www.w3.org/2000/01/rdf-schema#label> "New Actor" .
<{DOC}a.txt> {{ <{DOC}a.txt> kg:actorCount 99 . }}
<{DOC}d.txt> {{ <{DOC}d.txt> kg:actorCount 1 . }}
"""


def cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def store(tmp_path, capsys) -> Path:
    directory = tmp_path / "store"
    code, out, err = cli(capsys, "load", MINI, "--store", directory)
    assert code == 0 and out == ""
    assert err.startswith(f"loaded {MINI_QUADS} quads into {directory}: 3 graphs added, 0 replaced, 3 in the store")
    return directory


def test_a_store_holds_what_the_file_holds(store):
    opened, loaded = kq.load(store), kq.load(MINI, "oxigraph")
    assert len(opened) == len(loaded) == MINI_QUADS
    assert opened.graph_names == loaded.graph_names
    assert opened.store == "oxigraph" and kq.is_store(store) and not kq.is_store(MINI)
    for name, params in PARAMS.items():
        assert unordered(opened.ask(name, params).terms) == unordered(loaded.ask(name, params).terms), name


def test_query_and_ask_take_a_store_directory(store, capsys):
    on_file = cli(capsys, "ask", "timeline", MINI, "-p", "entity=Putin", "--format", "json", "--store", "oxigraph")
    on_store = cli(capsys, "ask", "timeline", store, "-p", "entity=Putin", "--format", "json")
    assert on_store == on_file and on_file[0] == 0
    code, out, _ = cli(capsys, "query", store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert (code, out.splitlines()) == (0, ["n", str(len(list(ox.parse(path=str(MINI)))) - _default_quads(MINI))])
    code, _, err = cli(capsys, "ask", "members", store, "-p", "org=CSTO", "--store", "rdflib")
    assert code == 2 and "a store directory is queried with Oxigraph" in err


def _default_quads(path: Path) -> int:
    return sum(isinstance(q.graph_name, ox.DefaultGraph) for q in ox.parse(path=str(path)))


def test_loading_again_replaces_the_files_graphs_and_the_default_graph_only(store, tmp_path, capsys):
    update = tmp_path / "update.trig"
    update.write_text(UPDATE, encoding="utf-8")
    code, _, err = cli(capsys, "load", update, "--store", store)
    assert code == 0 and "1 graphs added, 1 replaced, 4 in the store" in err
    graph = kq.load(store)
    count = f"SELECT ?n WHERE {{ GRAPH <{DOC}%s> {{ <{DOC}%s> kg:actorCount ?n }} }}"
    assert graph.query(count % ("a.txt", "a.txt")).rows == [(99,)]  # replaced, the old 6 gone
    assert graph.query(count % ("b.txt", "b.txt")).rows == [(5,)]  # kept
    assert graph.query(count % ("d.txt", "d.txt")).rows == [(1,)]  # added
    assert not graph.query(f"ASK {{ GRAPH <{DOC}a.txt> {{ ?a a kg:Assertion }} }}").boolean
    # the default graph is the new file's, plus (as in every kg store) the named graphs' triples
    assert graph.query("ASK { <urn:x:new-actor> rdfs:label 'New Actor' }").boolean
    assert not graph.query("ASK { ?p rdfs:label 'Vladimir Putin' }").boolean  # only in mini's default graph
    assert graph.query(f"ASK {{ <{DOC}b.txt> kg:actorCount 5 }}").boolean
    assert not graph.query(f"ASK {{ <{DOC}a.txt> kg:actorCount 6 }}").boolean
    assert len(graph) == len(kq.load(MINI)) - _quads_in(MINI, "a.txt") - _default_quads(MINI) + 4


def _quads_in(path: Path, doc: str) -> int:
    return sum(getattr(q.graph_name, "value", None) == DOC + doc for q in ox.parse(path=str(path)))


def test_a_file_that_does_not_parse_changes_nothing(store, tmp_path, capsys):
    bad = tmp_path / "bad.trig"
    bad.write_text(UPDATE + "<urn:x:a> <urn:x:b> .\n", encoding="utf-8")
    code, _, err = cli(capsys, "load", bad, "--store", store)
    assert code == InputError.exit_code and err.startswith("kg load: error: cannot parse") and err.count("\n") == 1
    assert len(kq.load(store)) == MINI_QUADS
    assert json.loads((store / ondisk.MARKER).read_text())["state"] == "ready"


def test_a_second_writer_is_refused_in_one_line(store, tmp_path, capsys):
    held = ondisk._lock(store, exclusive=True)  # the lock a kg load holds while it writes
    try:
        code, _, err = cli(capsys, "load", MINI, "--store", store)
        assert code == OutputError.exit_code
        assert err == (f"kg load: error: the store {store} is in use by another kg (a kg load writing it, "
                       "or a kg query, ask, serve or export reading it); try again when it ends\n")
        code, _, err = cli(capsys, "ask", "members", store, "-p", "org=CSTO")
        assert code == InputError.exit_code and err.endswith("is being loaded by kg load; try again when it ends\n")
    finally:
        os.close(held)
    writer = ox.Store(str(store))  # a writer that is not kg: RocksDB's own lock
    try:
        code, _, err = cli(capsys, "load", MINI, "--store", store)
        assert code == OutputError.exit_code and err.startswith(f"kg load: error: cannot open the store {store} for writing")
        assert err.count("\n") == 1
    finally:
        del writer
    assert json.loads((store / ondisk.MARKER).read_text())["state"] == "ready"  # untouched
    assert len(kq.load(store)) == MINI_QUADS


def test_a_writer_waits_for_no_reader_but_is_refused_while_one_reads(store, capsys):
    reader = kq.load(store)
    code, _, err = cli(capsys, "load", MINI, "--store", store)
    assert code == OutputError.exit_code and "is in use by another kg" in err
    del reader
    assert cli(capsys, "load", MINI, "--store", store)[0] == 0


def test_an_interrupted_load_is_refused_until_loaded_again(store, capsys):
    marker = store / ondisk.MARKER
    marker.write_text(json.dumps({"kg-store": ondisk.STORE_FORMAT, "state": "loading"}), encoding="utf-8")
    code, _, err = cli(capsys, "ask", "members", store, "-p", "org=CSTO")
    assert code == 3 and "was not fully loaded (an interrupted kg load?)" in err
    assert cli(capsys, "load", MINI, "--store", store)[0] == 0
    assert cli(capsys, "ask", "members", store, "-p", "org=CSTO")[0] == 0


def test_directories_that_are_not_stores(tmp_path, capsys):
    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.txt").write_text("mine", encoding="utf-8")
    code, _, err = cli(capsys, "load", MINI, "--store", other)
    assert code == 4 and "a directory that kg load did not write" in err
    code, _, err = cli(capsys, "query", other, "ASK {}")
    assert code == 3 and "not a graph file nor a store written by kg load" in err
    with pytest.raises(InputError, match="graph file not found"):
        kq.load_store(tmp_path / "missing.trig", tmp_path / "new")
    with pytest.raises(UsageError):
        kq.load(other / "..", "nope")


def test_kg_serve_serves_a_store(store, capsys):
    with serving(store, max_rows=100) as server:
        assert len(server.graph) == MINI_QUADS
        endpoint = f"{server.url}sparql"
        served = cli(capsys, "ask", "timeline", "--endpoint", endpoint, "-p", "entity=Putin", "--format", "csv")
    on_file = cli(capsys, "ask", "timeline", MINI, "-p", "entity=Putin", "--format", "csv", "--store", "oxigraph")
    assert served == on_file and served[1].count("\n") == 4


def test_an_oxigraph_server_serves_a_store_as_kg_does(store, capsys):
    with oxigraph_server("--location", str(store)) as base:
        remote = kq.connect(f"{base}/query")
        local = kq.load(MINI, "oxigraph")
        for name, params in PARAMS.items():
            assert unordered(remote.ask(name, params).terms) == unordered(local.ask(name, params).terms), name


def test_export_reads_a_store(store, tmp_path, capsys):
    code, _, err = cli(capsys, "export", store, "-o", tmp_path / "store.json", "--title", "t")
    assert code == 0
    assert cli(capsys, "export", MINI, "-o", tmp_path / "file.json", "--title", "t")[0] == 0
    assert (tmp_path / "store.json").read_bytes() == (tmp_path / "file.json").read_bytes()


def test_kg_build_loads_what_it_built_into_a_store(tmp_path, capsys):
    corpus = Path(__file__).resolve().parent.parent / "corpus"
    graph, store = tmp_path / "graph.trig", tmp_path / "store"
    code, _, err = cli(capsys, "build", corpus, "-o", graph, "--store", store, "--quiet")
    assert code == 0 and err == ""
    assert len(kq.load(store)) == len(kq.load(graph))
    on_store = kq.load(store).ask("members", {"org": "CSTO"}).terms
    on_file = kq.load(graph, "oxigraph").ask("members", {"org": "CSTO"}).terms
    assert unordered(on_store) == unordered(on_file) != []
    assert cli(capsys, "ask", "members", store, "-p", "org=CSTO")[0] == 0


def test_kg_build_refuses_a_store_before_building(tmp_path, capsys):
    corpus = Path(__file__).resolve().parent.parent / "corpus"
    taken = tmp_path / "taken"
    taken.mkdir()
    (taken / "notes.txt").write_text("mine", encoding="utf-8")
    code, _, err = cli(capsys, "build", corpus, "-o", tmp_path / "g.trig", "--store", taken, "--quiet")
    assert code == 4 and "did not write" in err and not (tmp_path / "g.trig").exists()
    code, _, err = cli(capsys, "build", corpus, "-o", tmp_path / "g.rdf", "--format", "turtle",
                       "--store", tmp_path / "s", "--quiet")
    assert code == 2 and "--store loads OUT by its suffix" in err
