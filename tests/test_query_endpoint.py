"""kg query / kg ask --endpoint: kg's questions on a real SPARQL server.

The servers are real and on 127.0.0.1: an in-memory Oxigraph server (loaded with
``POST /store``, its default graph made to hold every triple as kg's stores do) and
``kg serve`` itself.  Nothing is mocked; the silent server of the timeout test is a
socket that accepts and never answers.
"""
from __future__ import annotations

import http.server
import json
import socket
import threading
import urllib.request
from pathlib import Path

import pytest
from conftest import QuietHandler, free_port, oxigraph_server, serving
from rdflib import Literal

from kg import query as kq
from kg.cli import main
from kg.errors import QueryError, RemoteError, UsageError

DATA = Path(__file__).parent / "data"
MINI = DATA / "mini.trig"
#: Parameters for each cookbook question on tests/data/mini.trig.
PARAMS = {
    "members": {"org": "CSTO"}, "cochairs": {"org": "Minsk Group"}, "offices": {"person": "Pashinyan"},
    "statements": {"person": "Putin"}, "said-about": {"entity": "CSTO"},
    "evidence": {"subject": "Armenia", "relation": "memberOf", "object": "CSTO"},
    "disputed": {"org": "CSTO"}, "co-mentions": {"entity": "Putin"}, "timeline": {"entity": "Putin"},
    "entity": {"entity": "Putin"}, "sources": {"entity": "Putin"},
}
MEMBERS = "SELECT ?name WHERE { ?c kg:memberOf ?o ; rdfs:label ?name . ?o skos:altLabel ?org } ORDER BY ?name"
#: The one update that makes an Oxigraph server's default graph hold every triple of the
#: named graphs, as kg's stores do (``--union-default-graph`` would repeat a triple per graph).
UNION = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def post(url: str, body: bytes, content_type: str) -> None:
    request = urllib.request.Request(url, data=body, method="POST", headers={"Content-Type": content_type})
    with urllib.request.urlopen(request, timeout=30) as answer:
        answer.read()


@pytest.fixture(scope="module")
def oxigraph():
    """An Oxigraph server holding tests/data/mini.trig; yields its query endpoint."""
    with oxigraph_server() as base:
        post(f"{base}/store", MINI.read_bytes(), "application/trig")
        post(f"{base}/update", UNION.encode(), "application/sparql-update")
        yield f"{base}/query"


@pytest.fixture(scope="module")
def kg_serve():
    """``kg serve`` on tests/data/mini.trig; yields its SPARQL endpoint."""
    with serving(MINI, max_rows=50) as server:
        yield f"{server.url}sparql"


@pytest.fixture(scope="module")
def local():
    return kq.load(MINI, "oxigraph")


def cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("name", sorted(PARAMS))
def test_every_question_answers_on_an_oxigraph_server_as_on_the_file(oxigraph, local, name):
    remote = kq.connect(oxigraph)
    here, there = local.ask(name, PARAMS[name]), remote.ask(name, PARAMS[name])
    assert there.vars == here.vars
    assert unordered(there.terms) == unordered(here.terms)
    assert there.truncated == here.truncated


def unordered(rows):
    """Rows with each GROUP_CONCAT list sorted: SPARQL leaves its order open, and Oxigraph's
    changes from one process to the next."""
    return [tuple(Literal(", ".join(sorted(str(t).split(", ")))) if isinstance(t, Literal) and ", " in t else t
                  for t in row) for row in rows]


def test_the_questions_give_rows_there(oxigraph):
    remote = kq.connect(oxigraph)
    assert sorted(row[0] for row in remote.ask("members", {"org": "csto"}).rows) == ["Armenia", "Belarus", "Kazakhstan", "Russia"]


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "xml", "table"])
def test_cli_output_is_the_same_from_an_endpoint_and_from_the_file(oxigraph, kg_serve, capsys, fmt):
    # each engine against itself (their orders of equal sort keys differ), on a question
    # without GROUP_CONCAT (its order is open)
    on_file = cli(capsys, "ask", "timeline", str(MINI), "--param", "entity=Putin", "--format", fmt)
    on_kg_serve = cli(capsys, "ask", "timeline", "--param", "entity=Putin", "--format", fmt, "--endpoint", kg_serve)
    assert on_file[0] == 0 and on_file[1]
    assert on_kg_serve == on_file  # kg serve runs rdflib, as kg ask does by default
    on_file = cli(capsys, "ask", "timeline", str(MINI), "--param", "entity=Putin", "--format", fmt, "--store", "oxigraph")
    on_oxigraph = cli(capsys, "ask", "timeline", "--endpoint", oxigraph, "--param", "entity=Putin", "--format", fmt)
    assert on_file[0] == 0 and on_file[1]
    assert on_oxigraph == on_file


@pytest.mark.parametrize("fmt", ["ttl", "nt"])
def test_graph_results_from_an_endpoint(oxigraph, capsys, fmt):
    construct = "CONSTRUCT { ?c kg:coChairOf ?o } WHERE { ?c kg:coChairOf ?o }"
    on_file = cli(capsys, "query", str(MINI), construct, "--format", fmt)
    remote = cli(capsys, "query", "--endpoint", oxigraph, construct, "--format", fmt)
    assert on_file[0] == remote[0] == 0
    assert sorted(remote[1].splitlines()) == sorted(on_file[1].splitlines())
    assert "coChairOf" in remote[1]


def test_query_from_a_file_with_params_and_limit(oxigraph, tmp_path, capsys):
    rq = tmp_path / "members.rq"
    rq.write_text(MEMBERS, encoding="utf-8")
    code, out, err = cli(capsys, "query", "--endpoint", oxigraph, "-f", str(rq), "-p", "org=CSTO",
                         "--limit", "2", "--format", "json")
    assert code == 0
    assert [b["name"]["value"] for b in json.loads(out)["results"]["bindings"]] == ["Armenia", "Belarus"]
    assert err.startswith("note: result cut at --limit 2")


def test_params_are_bound_never_pasted(oxigraph):
    remote = kq.connect(oxigraph)
    evil = '" } } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o . FILTER("1" = "1'
    assert remote.query(MEMBERS, {"org": evil}).rows == []
    assert remote.query("ASK { ?s ?p ?o }").boolean  # nothing was dropped


def test_kg_serve_as_an_endpoint_says_when_it_cut(kg_serve):
    result = kq.connect(kg_serve).query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
    assert len(result.rows) == 50 and result.truncated  # kg serve --max-rows 50


def test_the_checks_run_before_anything_is_sent(oxigraph):
    remote = kq.connect(oxigraph)
    with pytest.raises(kq.UpdateRefused):
        remote.query("DELETE WHERE { ?s ?p ?o }")
    with pytest.raises(QueryError, match="SERVICE"):
        remote.query("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    with pytest.raises(QueryError, match="no graph of that name"):
        remote.query("SELECT * FROM <http://example.org/elsewhere> WHERE { ?s ?p ?o }")
    named = sorted(remote.graph_names)[0]
    assert remote.query(f"ASK FROM <{named}> {{ ?s ?p ?o }}").boolean


def test_an_unreachable_endpoint_is_one_line_and_exit_5(capsys):
    url = f"http://127.0.0.1:{free_port()}/sparql"
    code, out, err = cli(capsys, "ask", "members", "--endpoint", url, "-p", "org=CSTO")
    assert code == RemoteError.exit_code == 5 and out == ""
    assert err.startswith(f"kg ask: error: cannot reach {url}: ") and len(err.strip().splitlines()) == 1


def test_a_failing_query_names_the_status_in_one_line(oxigraph, capsys):
    # Oxigraph knows no function <urn:no>: the server answers an error status with its message
    code, out, err = cli(capsys, "query", "--endpoint", oxigraph, "SELECT * WHERE { ?s ?p ?o FILTER(<urn:no>(?s)) }")
    assert code == 5 and out == ""
    assert err.startswith(f"kg query: error: {oxigraph} answered HTTP ") and "<urn:no>" in err and len(err.strip().splitlines()) == 1


def test_a_page_that_is_not_an_endpoint_is_a_remote_error():
    class Page(QuietHandler):
        def do_POST(self):  # noqa: N802
            self.reply(b"<html>not SPARQL</html>", "text/html")

    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page) as page:
        thread = threading.Thread(target=page.serve_forever, daemon=True)
        thread.start()
        try:
            url = f"http://127.0.0.1:{page.server_address[1]}/"
            with pytest.raises(RemoteError, match=r"did not answer with SPARQL JSON results \(text/html\)"):
                kq.connect(url).query("ASK { ?s ?p ?o }")
            with pytest.raises(RemoteError, match="answered a graph as text/html"):
                kq.connect(url).query("CONSTRUCT WHERE { ?s ?p ?o }")
        finally:
            page.shutdown()


def test_a_silent_endpoint_times_out(capsys):
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/sparql"
        accepted = []
        thread = threading.Thread(target=lambda: accepted.append(listener.accept()), daemon=True)
        thread.start()
        code, out, err = cli(capsys, "query", "--endpoint", url, "--timeout", "0.5", "ASK { ?s ?p ?o }")
        thread.join(5)
        for connection, _ in accepted:
            connection.close()
    assert code == 5
    assert err.strip() == f"kg query: error: {url} did not answer within 0.5 s (kg query --timeout)"


def test_option_mistakes_are_usage_errors(oxigraph, capsys):
    assert cli(capsys, "query", str(MINI), "ASK {}", "--endpoint", oxigraph)[0] == 2
    assert cli(capsys, "query", "--endpoint", oxigraph, "ASK {}", "--store", "rdflib")[0] == 2
    code, _, err = cli(capsys, "query", str(MINI), "ASK {}", "--timeout", "3")
    assert code == 2 and "--timeout is for --endpoint" in err
    code, _, err = cli(capsys, "query", "--endpoint", "ftp://127.0.0.1/x", "ASK {}")
    assert code == 2 and "not an http(s) SPARQL endpoint" in err
    with pytest.raises(UsageError, match="credentials"):
        kq.connect("http://user:secret@127.0.0.1:1/sparql")
    code, _, err = cli(capsys, "ask", "members", "-p", "org=CSTO")
    assert code == 2 and "--endpoint URL" in err
