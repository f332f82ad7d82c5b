"""The parse-tree depth limit: flat-but-deep queries are refused before any parser sees them.

pyoxigraph recurses on the parse tree and overflows its stack (the process dies with
SIGSEGV, exit 139) on queries under 64 KB with no deep brackets at all: 12,000 ``+1``,
16,000 ``||``, 3,000 BINDs.  Each is refused with one line and exit 2, on both stores.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kg.query import MAX_TREE_DEPTH, QueryTooDeep, cookbook, load, tree_depth

GRAPH = Path(__file__).parent / "data" / "serve-mini.trig"

#: The probes of the hardening issue: each crashed ``kg query --store oxigraph``.
FLAT_BUT_DEEP = {
    "12,000 '+1'": "SELECT (1" + "+1" * 12000 + " AS ?x) WHERE {}",
    "16,000 '||'": "ASK { ?s ?p ?o FILTER(" + "||".join(["?o"] * 16000) + ") }",
    "3,000 BIND": "SELECT * WHERE { ?s ?p ?o " + " ".join(f"BIND(?o AS ?b{i})" for i in range(3000)) + " } LIMIT 1",
    "3,000 '{'": "SELECT * WHERE " + "{" * 3000 + " ?s ?p ?o " + "}" * 3000,
}


def test_tree_depth_counts_chains_as_well_as_brackets():
    base = tree_depth("ASK { FILTER(?a) }")
    assert base == 3  # two brackets and the FILTER
    assert tree_depth("ASK { FILTER(?a || ?b || ?c) }") == base + 2  # '||' counts once
    assert tree_depth("ASK { FILTER(?a <= ?b) }") == tree_depth("ASK { FILTER(?a < ?b) }") == base + 1
    assert tree_depth("ASK { ?s ?p ?o . ?o ?q ?r }") == 2
    typed = "SELECT ?x { VALUES ?x { " + '"1"^^xsd:integer ' * 1000 + "} }"
    assert tree_depth(typed) < 10  # a datatype's ^^ chains nothing
    binds = "SELECT ?s { ?s ?p ?o " + "BIND(1 AS ?x) " * 100 + "}"
    assert tree_depth(binds) > 100
    assert tree_depth('SELECT ?s { ?s ?p "+1+1+1+1+1+1" } # ||||||||') == 1
    assert tree_depth("{" * 3000) == 3000  # unclosed brackets count too
    assert tree_depth("(1" + "+1" * 12000 + ")") > 12000


def test_every_cookbook_question_is_far_under_the_limit():
    assert max(tree_depth(q.text) for q in cookbook()) * 10 < MAX_TREE_DEPTH


@pytest.mark.parametrize("store", ["rdflib", "oxigraph"])
def test_a_query_just_under_the_limit_runs_on_oxigraph_and_fails_cleanly_on_rdflib(store):
    graph = load(GRAPH, store)
    near = MAX_TREE_DEPTH - 10
    for query in ("SELECT (1" + "+1" * near + " AS ?x) WHERE {}",
                  "SELECT * WHERE { ?s ?p ?o " + " ".join(f"BIND(?o AS ?b{i})" for i in range(near)) + " } LIMIT 1",
                  "SELECT * WHERE " + "{" * near + " ?s ?p ?o " + "}" * near):
        assert tree_depth(query) <= MAX_TREE_DEPTH
        if store == "oxigraph":
            graph.query(query)  # no crash: the limit is far below pyoxigraph's stack
        else:
            try:  # rdflib recurses in Python: a QueryError, never a RecursionError
                graph.query(query)
            except QueryTooDeep:
                pytest.fail("under the limit")
            except Exception as exc:
                assert type(exc).__name__ == "QueryError" and "nested" in str(exc)


@pytest.mark.parametrize("store", ["rdflib", "oxigraph"])
@pytest.mark.parametrize("case", sorted(FLAT_BUT_DEEP))
def test_kg_query_refuses_a_flat_but_deep_query_with_one_line_and_exit_2(store, case):
    done = subprocess.run([sys.executable, "-m", "kg", "query", str(GRAPH), FLAT_BUT_DEEP[case],
                           "--store", store], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr[-300:]
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg query: error: query too deep"), lines


def test_a_crash_of_the_oxigraph_store_is_one_line_and_exit_1(monkeypatch, capsys):
    """Were a query to crash pyoxigraph anyway, ``kg query`` says so in one line, exit 1."""
    from kg.cli import main
    from kg.query import scanner

    monkeypatch.setattr(scanner, "MAX_TREE_DEPTH", 10**9)  # let the crashing query through
    scanner.scan.cache_clear()
    try:
        code = main(["query", str(GRAPH), FLAT_BUT_DEEP["12,000 '+1'"], "--store", "oxigraph"])
    finally:
        scanner.scan.cache_clear()
    captured = capsys.readouterr()
    assert code == 1
    assert captured.out == ""
    assert captured.err.strip() == (
        "kg query: error: the Oxigraph store crashed (SIGSEGV) while running the query; "
        "simplify the query or try --store rdflib"
    )


def test_errors_and_results_come_back_from_the_oxigraph_child(capfd):
    from kg.cli import main

    assert main(["query", str(GRAPH), "ASK { ?s ?p ?o }", "--store", "oxigraph", "--format", "json"]) == 0
    assert '"boolean": true' in capfd.readouterr().out
    assert main(["query", str(GRAPH), "SELECT ?x WHERE { ?x ", "--store", "oxigraph"]) == 2
    err = capfd.readouterr().err
    assert err.startswith("kg query: error: line 1") and len(err.strip().splitlines()) == 1
    assert main(["query", str(GRAPH) + ".missing.trig", "ASK {}", "--store", "oxigraph"]) == 3


def test_a_result_larger_than_a_pipe_comes_back_from_the_oxigraph_child(capfd):
    from kg.cli import main

    query = "SELECT ?s ?p ?o ?t WHERE { ?s ?p ?o . ?t ?q ?r } LIMIT 3000"
    assert main(["query", str(GRAPH), query, "--store", "oxigraph", "--format", "csv"]) == 0
    out = capfd.readouterr().out
    assert len(out) > 1 << 16 and len(out.splitlines()) == 3001
