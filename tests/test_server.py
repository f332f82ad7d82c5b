"""kg serve: the SPARQL 1.1 Protocol endpoint, its limits and its hardening.

Every test talks HTTP to a real server on 127.0.0.1 (port 0) running in a thread,
with its queries in forked worker processes, on tests/data/serve-mini.trig.
"""
from __future__ import annotations

import csv
import http.client
import http.server
import io
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
import rdflib
from conftest import QuietHandler, serving
from rdflib.namespace import RDF

from kg.query import nesting_depth
from kg.serve import Limits, NotAcceptable, choose_format, make_server

DATA = Path(__file__).parent / "data"
GRAPH = DATA / "serve-mini.trig"
KG = "https://w3id.org/kg-news/ontology#"
SD = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
ALLOWED_ORIGIN = "http://allowed.example"

MEMBERS = """SELECT ?label WHERE {
  ?country kg:memberOf ?org ; rdfs:label ?label .
  ?org skos:altLabel "CSTO" .
} ORDER BY ?label"""
CSTO_MEMBERS = ["Armenia", "Belarus", "Kazakhstan", "Russia"]
CO_CHAIRS = """CONSTRUCT { ?c kg:coChairOf ?org . ?c rdfs:label ?label }
WHERE { ?c kg:coChairOf ?org ; rdfs:label ?label }"""
#: Four-way cartesian product of ~150 triples: far longer than any test timeout.
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def running(**options):
    """A kg server on a free port, serving in a thread; stopped on exit."""
    return serving(options.pop("graph", GRAPH), **options)


@pytest.fixture(scope="module", params=["rdflib", "oxigraph"])
def server(request):
    """The server most tests share, on each query engine."""
    with running(store=request.param, timeout=2.0, max_rows=25, max_body=8192,
                 cors=[ALLOWED_ORIGIN]) as srv:
        yield srv


class Answer:
    def __init__(self, response: http.client.HTTPResponse):
        self.status = response.status
        self.headers = response.headers
        self.body = response.read()

    @property
    def type(self) -> str:
        return (self.headers.get("Content-Type") or "").split(";")[0]

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    def json(self):
        return json.loads(self.body)


def call(server, method: str, path: str, body: bytes | str | None = None,
         headers: dict[str, str] | None = None, timeout: float = 30) -> Answer:
    """One HTTP request to ``server``; never raises on an error status."""
    host, port = server.server_address[:2]
    connection = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        if isinstance(body, str):
            body = body.encode("utf-8")
        connection.request(method, path, body=body, headers=headers or {})
        return Answer(connection.getresponse())
    finally:
        connection.close()


def get(server, path: str, params: dict | None = None, **headers) -> Answer:
    query = ("?" + urlencode(params)) if params else ""
    return call(server, "GET", path + query, headers=_headers(headers))


def post_form(server, path: str, params: dict, **headers) -> Answer:
    return call(server, "POST", path, urlencode(params),
                {"Content-Type": "application/x-www-form-urlencoded", **_headers(headers)})


def _headers(headers: dict[str, str]) -> dict[str, str]:
    return {name.replace("_", "-"): value for name, value in headers.items()}


def labels(answer: Answer, var: str = "label") -> list[str]:
    return [b[var]["value"] for b in answer.json()["results"]["bindings"]]


# --------------------------------------------------------------------- the protocol


def test_get_query_answers_sparql_json(server):
    answer = get(server, "/sparql", {"query": MEMBERS})
    assert answer.status == 200
    assert answer.type == "application/sparql-results+json"
    assert answer.json()["head"]["vars"] == ["label"]
    assert labels(answer) == CSTO_MEMBERS
    assert "X-KG-Truncated" not in answer.headers


def test_post_form_and_post_sparql_query_give_the_same_rows(server):
    form = post_form(server, "/sparql", {"query": MEMBERS})
    direct = call(server, "POST", "/sparql", MEMBERS, {"Content-Type": "application/sparql-query"})
    assert form.status == direct.status == 200
    assert labels(form) == labels(direct) == CSTO_MEMBERS


@pytest.mark.parametrize("accept, media_type", [
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("text/html;q=0.9, text/csv", "text/csv"),
    ("application/xml;q=0.5, application/json;q=0.8", "application/sparql-results+json"),
    ("*/*", "application/sparql-results+json"),
])
def test_select_results_follow_the_accept_header(server, accept, media_type):
    answer = get(server, "/sparql", {"query": MEMBERS}, Accept=accept)
    assert answer.status == 200
    assert answer.type == media_type
    assert _select_labels(answer) == CSTO_MEMBERS


def _select_labels(answer: Answer) -> list[str]:
    if answer.type == "application/sparql-results+json":
        return labels(answer)
    if answer.type == "application/sparql-results+xml":
        ns = {"r": "http://www.w3.org/2005/sparql-results#"}
        root = ET.fromstring(answer.body)
        return [el.text for el in root.findall(".//r:binding[@name='label']/r:literal", ns)]
    if answer.type == "text/csv":
        rows = list(csv.reader(io.StringIO(answer.text)))
        assert rows[0] == ["label"]
        return [row[0] for row in rows[1:]]
    lines = answer.text.splitlines()
    assert lines[0] == "?label"
    return [line.strip('"') for line in lines[1:]]


@pytest.mark.parametrize("fmt, media_type", [
    ("json", "application/sparql-results+json"), ("xml", "application/sparql-results+xml"),
    ("csv", "text/csv"), ("tsv", "text/tab-separated-values"),
    ("text/csv", "text/csv"),
])
def test_format_parameter_wins_over_accept(server, fmt, media_type):
    answer = get(server, "/sparql", {"query": MEMBERS, "format": fmt},
                 Accept="application/sparql-results+xml;q=0.1")
    assert answer.status == 200
    assert answer.type == media_type
    assert _select_labels(answer) == CSTO_MEMBERS


@pytest.mark.parametrize("accept, fmt, rdflib_format, media_type", [
    ("text/turtle", None, "turtle", "text/turtle"),
    ("application/n-triples", None, "nt", "application/n-triples"),
    ("application/ld+json", None, "json-ld", "application/ld+json"),
    (None, "nt", "nt", "application/n-triples"),
    (None, "json", "json-ld", "application/ld+json"),  # "json" means JSON-LD for a graph
    (None, None, "turtle", "text/turtle"),
])
def test_construct_results_come_as_turtle_ntriples_or_jsonld(server, accept, fmt, rdflib_format,
                                                             media_type):
    params = {"query": CO_CHAIRS, **({"format": fmt} if fmt else {})}
    answer = get(server, "/sparql", params, **({"Accept": accept} if accept else {}))
    assert answer.status == 200
    assert answer.type == media_type
    graph = rdflib.Graph().parse(data=answer.body, format=rdflib_format)
    co_chairs = {str(o) for s, o in graph.subject_objects(rdflib.RDFS.label)}
    assert co_chairs == {"France", "Russia", "United States"}
    assert len(graph) == 6


def test_ask_answers_true_and_false(server):
    yes = get(server, "/sparql", {"query": "ASK { ?c kg:coChairOf ?o }"})
    no = get(server, "/sparql", {"query": "ASK { ?c kg:memberOf id:organization\\/nato }"},
             Accept="application/sparql-results+xml")
    assert yes.status == 200 and yes.json()["boolean"] is True
    assert no.status in (200, 400)  # a pname with an escaped slash is legal SPARQL
    no = get(server, "/sparql", {"query": "ASK { ?c kg:memberOf <https://w3id.org/kg-news/id/organization/nato> }"},
             Accept="application/sparql-results+xml")
    assert no.status == 200
    root = ET.fromstring(no.body)
    assert root.find("{http://www.w3.org/2005/sparql-results#}boolean").text == "false"


def test_unavailable_formats_are_406_with_the_choices(server):
    answer = get(server, "/sparql", {"query": MEMBERS}, Accept="image/png")
    assert answer.status == 406
    assert "application/sparql-results+json" in answer.text
    answer = get(server, "/sparql", {"query": MEMBERS, "format": "ttl"})
    assert answer.status == 406
    assert "json" in answer.text
    answer = get(server, "/sparql", {"query": CO_CHAIRS, "format": "csv"})
    assert answer.status == 406


def test_choose_format_rules():
    assert choose_format("SELECT", [], None) == "json"
    assert choose_format("CONSTRUCT", [], None) == "ttl"
    assert choose_format("ASK", ["", "application/sparql-results+xml"], None) == "xml"
    assert choose_format("SELECT", [], "text/csv;q=0.2, text/tab-separated-values;q=0.3") == "tsv"
    assert choose_format("DESCRIBE", ["json-ld"], "text/turtle") == "jsonld"
    assert choose_format("SELECT", [], "text/tab-separated-values;q=0.5, text/*;q=0.4") == "tsv"
    with pytest.raises(NotAcceptable):
        choose_format("SELECT", [], "text/turtle")
    with pytest.raises(NotAcceptable):
        choose_format("SELECT", ["yaml"], None)


def test_service_description_at_sparql_and_service_description(server):
    for path in ("/sparql", "/service-description"):
        answer = get(server, path)
        assert answer.status == 200
        assert answer.type == "text/turtle"
        graph = rdflib.Graph().parse(data=answer.body, format="turtle")
        service = next(graph.subjects(RDF.type, SD.Service))
        assert graph.value(service, SD.endpoint) == rdflib.URIRef(server.url + "sparql")
        assert (service, SD.supportedLanguage, SD.SPARQL11Query) in graph
        assert len(list(graph.objects(service, SD.resultFormat))) == 7
    answer = get(server, "/service-description", Accept="application/ld+json")
    assert answer.type == "application/ld+json"
    assert len(rdflib.Graph().parse(data=answer.body, format="json-ld")) > 5


# ------------------------------------------------------------------- page and assets


@pytest.mark.parametrize("path, media_type", [
    ("/", "text/html"),
    ("/sparql.js", "text/javascript"),
    ("/sparql.css", "text/css"),
    ("/vendor/cytoscape-3.34.4.min.js", "text/javascript"),
])
def test_page_and_assets_are_served_by_kg(server, path, media_type):
    answer = get(server, path)
    assert answer.status == 200
    assert answer.type == media_type
    assert len(answer.body) > 500
    if path == "/":
        csp = answer.headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "connect-src 'self'" in csp


def test_page_needs_nothing_from_the_network():
    web = Path(__file__).parents[1] / "kg" / "web"
    for name in ("sparql.html", "sparql.js", "sparql.css"):
        text = (web / name).read_text(encoding="utf-8")
        assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text), name
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), name
        assert "@import" not in text and "fonts.googleapis" not in text
    script = (web / "sparql.js").read_text(encoding="utf-8")
    assert not re.search(r"\.(inner|outer)HTML\s*=|insertAdjacentHTML|document\.write", script)


@pytest.mark.parametrize("path", [
    "/../pyproject.toml", "/%2e%2e/serve/server.py", "/vendor/../../serve/server.py", "/server.py",
    "/vendor/README.md", "/.hidden.js", "/vendor/%2e%2e/sparql.js", "/etc/passwd",
    "/vendor/cytoscape.LICENSE",
])
def test_nothing_else_is_served(server, path):
    answer = get(server, path)
    assert answer.status == 404
    assert answer.body.strip() == b"not found"


def test_cookbook_is_served_as_json_without_file_paths(server):
    from kg.query import cookbook

    answer = get(server, "/api/cookbook")
    assert answer.status == 200 and answer.type == "application/json"
    questions = answer.json()
    assert [q["name"] for q in questions] == [q.name for q in cookbook()]
    for served, question in zip(questions, cookbook()):
        assert served["text"] == question.text
        assert [p["name"] for p in served["params"]] == [p.name for p in question.params]
        assert "path" not in served
    assert str(Path(__file__).parents[1]) not in answer.text


def test_a_saved_question_runs_with_its_parameter_bound(server):
    answer = get(server, "/api/ask/members", {"org": "CSTO"})
    assert answer.status == 200, answer.text
    rows = answer.json()["results"]["bindings"]
    found = {value["value"] for row in rows for value in row.values()}
    assert {"Armenia", "Belarus", "Kazakhstan", "Russia"} <= found or \
        {f"https://w3id.org/kg-news/id/country/{c}" for c in ("armenia", "belarus", "kazakhstan",
                                                             "russia")} <= found
    assert "France" not in found
    posted = post_form(server, "/api/ask/members", {"org": "CSTO"})
    assert posted.status == 200 and posted.json() == answer.json()


def test_a_parameter_cannot_inject_sparql(server):
    evil = 'CSTO" } ?x ?y ?z . FILTER("1'
    answer = get(server, "/api/ask/members", {"org": evil})
    assert answer.status == 200, answer.text
    # (rdflib answers an empty GROUP BY with one empty row: no values either way)
    assert [row for row in answer.json()["results"]["bindings"] if row] == []


def test_unknown_question_and_parameter(server):
    assert get(server, "/api/ask/no-such-question").status == 404
    missing = get(server, "/api/ask/members")
    assert missing.status == 400
    assert "needs the parameter org=" in missing.text and "--param" not in missing.text
    answer = get(server, "/api/ask/members", {"org": "CSTO", "colour": "red"})
    assert answer.status == 400
    assert "colour" in answer.text


# ------------------------------------------------------------------------ read-only


UPDATE = "INSERT DATA { <urn:kg:evil> <urn:kg:p> <urn:kg:o> }"


@pytest.mark.parametrize("how", [
    "GET update=", "GET query=INSERT", "POST form update=", "POST form query=INSERT",
    "POST sparql-update", "POST sparql-query INSERT", "GET query=LOAD", "GET query=CLEAR",
    "PUT", "DELETE", "PATCH",
])
def test_every_kind_of_update_is_refused_with_403(server, how):
    if how == "GET update=":
        answer = get(server, "/sparql", {"update": UPDATE})
    elif how == "GET query=INSERT":
        answer = get(server, "/sparql", {"query": UPDATE})
    elif how == "POST form update=":
        answer = post_form(server, "/sparql", {"update": UPDATE})
    elif how == "POST form query=INSERT":
        answer = post_form(server, "/sparql", {"query": UPDATE})
    elif how == "POST sparql-update":
        answer = call(server, "POST", "/sparql", UPDATE, {"Content-Type": "application/sparql-update"})
    elif how == "POST sparql-query INSERT":
        answer = call(server, "POST", "/sparql", UPDATE, {"Content-Type": "application/sparql-query"})
    elif how == "GET query=LOAD":
        answer = get(server, "/sparql", {"query": "LOAD <http://127.0.0.1:9/x.ttl>"})
    elif how == "GET query=CLEAR":
        answer = get(server, "/sparql", {"query": "CLEAR ALL"})
    else:
        answer = call(server, how, "/sparql", "<urn:a> <urn:b> <urn:c> .",
                      {"Content-Type": "text/turtle"})
    assert answer.status == 403, answer.text
    assert "read-only" in answer.text
    check = get(server, "/sparql", {"query": "ASK { <urn:kg:evil> ?p ?o }"})
    assert check.json()["boolean"] is False


# ------------------------------------------------------------- nothing leaves the box


@pytest.fixture()
def listener():
    """An HTTP server on 127.0.0.1 that counts the requests it gets."""
    hits: list[str] = []

    class Counter(QuietHandler):
        def do_GET(self):  # noqa: N802
            hits.append(self.path)
            self.reply(b"<urn:leak:s> <urn:leak:p> \"leaked\" .\n", "application/n-triples")

        do_POST = do_GET

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Counter)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/data.nt", hits
    httpd.shutdown()
    httpd.server_close()


def test_service_from_and_load_never_fetch_anything(server, listener):
    url, hits = listener
    attempts = [
        ("query", f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"),
        ("query", f"SELECT * FROM <{url}> WHERE {{ ?s ?p ?o }}"),
        ("query", f"SELECT * FROM NAMED <{url}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"),
        ("query", f"CONSTRUCT {{ ?s ?p ?o }} FROM <{url}> WHERE {{ ?s ?p ?o }}"),
        ("query", f"ASK FROM <{url}> {{ ?s ?p \"leaked\" }}"),
        ("query", f"DESCRIBE <{url}>"),
        ("query", f"LOAD <{url}>"),
        ("update", f"LOAD <{url}>"),
        ("update", f"LOAD <{url}> INTO GRAPH <urn:g>"),
    ]
    for name, text in attempts:
        for answer in (get(server, "/sparql", {name: text}), post_form(server, "/sparql", {name: text})):
            assert answer.status in (200, 400, 403), (text, answer.status)
            assert b"leaked" not in answer.body
            assert b"urn:leak" not in answer.body
    for param in ("default-graph-uri", "named-graph-uri"):
        answer = get(server, "/sparql", {"query": "SELECT * { ?s ?p ?o } LIMIT 1", param: url})
        assert answer.status == 400
    assert hits == []


def test_service_is_refused_with_a_clear_message(server, listener):
    url, hits = listener
    answer = get(server, "/sparql", {"query": f"SELECT * {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"})
    assert answer.status == 400
    assert "SERVICE" in answer.text
    assert hits == []


def test_from_a_file_never_reads_it(server):
    for query in ("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
                  "SELECT * FROM NAMED <file:///etc/passwd> WHERE { GRAPH ?g { ?s ?p ?o } }",
                  "CONSTRUCT { ?s ?p ?o } FROM <file:///etc/passwd> WHERE { ?s ?p ?o }"):
        answer = get(server, "/sparql", {"query": query}, Accept="text/csv")
        assert b"root:" not in answer.body
        assert b"/bin/" not in answer.body
        assert answer.status in (200, 400)


# ------------------------------------------------------------------------ time limit


def test_a_runaway_query_is_killed_while_other_queries_are_answered(server):
    before = set(server.pool.pids())
    assert len(before) == 2
    outcome: dict = {}

    def runaway():
        outcome["answer"] = get(server, "/sparql", {"query": CARTESIAN})

    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.3)  # let the runaway query reach a worker
    ask = get(server, "/sparql", {"query": "ASK {}"})
    still_running = thread.is_alive()
    started = time.monotonic()
    thread.join(60)
    assert ask.status == 200 and ask.json()["boolean"] is True
    assert still_running, "ASK {} should be answered while the runaway query still runs"
    answer = outcome["answer"]
    assert answer.status == 503
    assert "time limit" in answer.text and "2 s" in answer.text
    assert answer.headers["Retry-After"]
    # The worker that ran it is gone (killed, not just abandoned) and was replaced.
    after = set(server.pool.pids())
    assert len(after) == 2
    killed = before - after
    assert len(killed) == 1
    with pytest.raises(ProcessLookupError):
        os.kill(killed.pop(), 0)
    assert get(server, "/sparql", {"query": MEMBERS}).status == 200
    print(f"runaway answered {time.monotonic() - started:.2f} s after ASK {{}}")


def test_a_worker_killed_from_outside_is_replaced_without_a_failed_request():
    with running() as srv:
        victim = srv.pool.pids()[0]
        os.kill(victim, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while victim in srv.pool.pids() and time.monotonic() < deadline:
            time.sleep(0.01)  # until the kernel has ended it
        for _ in range(4):
            assert labels(get(srv, "/sparql", {"query": MEMBERS})) == CSTO_MEMBERS
        assert victim not in srv.pool.pids() and len(srv.pool.pids()) == 2


# ------------------------------------------------------------------------ row cap


def test_the_row_cap_cuts_and_says_so(server):
    every = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
    answer = get(server, "/sparql", {"query": every})
    assert answer.status == 200
    assert answer.headers["X-KG-Truncated"] == "true"
    assert answer.headers["X-KG-Max-Rows"] == "25"
    document = answer.json()
    assert len(document["results"]["bindings"]) == 25
    assert document["kg:truncated"] is True
    assert "25" in document["kg:note"]
    as_csv = get(server, "/sparql", {"query": every, "format": "csv"})
    assert as_csv.headers["X-KG-Truncated"] == "true"
    assert len(as_csv.text.strip().splitlines()) == 26
    graph = get(server, "/sparql", {"query": "CONSTRUCT WHERE { ?s ?p ?o }", "format": "nt"})
    assert graph.headers["X-KG-Truncated"] == "true"
    assert len(graph.text.strip().splitlines()) == 25
    small = get(server, "/sparql", {"query": MEMBERS})
    assert "X-KG-Truncated" not in small.headers and "kg:truncated" not in small.json()


# --------------------------------------------------------------- size and nesting


def test_a_body_over_the_limit_is_413_and_the_server_lives_on(server):
    big = "SELECT * WHERE { ?s ?p ?o } # " + "x" * 9000
    answer = call(server, "POST", "/sparql", big, {"Content-Type": "application/sparql-query"})
    assert answer.status == 413
    assert "--max-body" in answer.text
    assert post_form(server, "/sparql", {"query": big}).status == 413
    assert get(server, "/sparql", {"query": big}).status == 413
    assert get(server, "/sparql", {"query": "ASK {}"}).status == 200


def test_nesting_depth_counts_brackets_outside_strings_iris_and_comments():
    assert nesting_depth("SELECT * { ?s ?p ?o }") == 1
    assert nesting_depth("SELECT * { { ?s ?p [ ?q (1 2) ] } }") == 4
    assert nesting_depth('SELECT * { ?s ?p "{{{{((((" }') == 1
    assert nesting_depth("SELECT * { ?s ?p '''{{{\n{{''' }") == 1
    assert nesting_depth("SELECT * { ?s <http://x/a#{{> ?o } # {{{{{{") == 1
    assert nesting_depth("SELECT * { FILTER(?a < 3 && (?b > 2)) }") == 3
    assert nesting_depth("{" * 3000) == 3000


def test_the_worker_checks_nesting_with_the_scanner_before_parsing():
    from kg import query as kq
    from kg.serve import Job, execute

    graph = kq.load(GRAPH)
    deep = "SELECT * WHERE " + "{" * 30 + " ?s ?p ?o " + "}" * 30
    reply = execute(graph, Job(sparql=deep), Limits())
    assert reply.status == 400
    assert reply.body == b"query nested 30 levels deep; the limit is 24\n"
    strings = 'SELECT * WHERE { ?s ?p "' + "{" * 30 + '" }'  # brackets in a string do not count
    assert execute(graph, Job(sparql=strings), Limits()).status == 200


def test_serve_defaults_have_one_home():
    """make_server and kg serve take every limit's default from Limits."""
    import inspect
    from dataclasses import fields

    from kg.cli import make_parser
    from kg.serve import HOST, PORT, STORE, WORKERS

    parameters = inspect.signature(make_server).parameters
    args = make_parser().parse_args(["serve", "graph.trig"])
    for limit in fields(Limits):
        assert parameters[limit.name].default == limit.default
        assert getattr(args, limit.name) == limit.default
    for name, value in (("host", HOST), ("port", PORT), ("store", STORE), ("workers", WORKERS)):
        assert parameters[name].default == value and getattr(args, name) == value


@pytest.mark.parametrize("store", ["rdflib", "oxigraph"])
def test_deep_nesting_is_400_and_the_server_lives_on(store):
    with running(store=store, max_body=1 << 20) as srv:
        for depth in (60, 3000, 20000):
            query = "SELECT * WHERE " + "{" * depth + " ?s ?p ?o " + "}" * depth
            answer = call(srv, "POST", "/sparql", query, {"Content-Type": "application/sparql-query"})
            assert answer.status == 400
            assert "nested" in answer.text and "24" in answer.text
        parens = "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 40 + "1" + ")" * 40 + ") }"
        assert get(srv, "/sparql", {"query": parens}).status == 400
        ok = "SELECT * WHERE " + "{" * 20 + " ?s ?p ?o " + "}" * 20 + " LIMIT 1"
        assert get(srv, "/sparql", {"query": ok}).status == 200
        assert labels(get(srv, "/sparql", {"query": MEMBERS})) == CSTO_MEMBERS


# ------------------------------------------------------------------------------ CORS


def test_cors_is_off_without_the_option():
    with running() as srv:
        answer = get(srv, "/sparql", {"query": "ASK {}"}, Origin=ALLOWED_ORIGIN)
        assert answer.status == 200
        assert not any(h.lower().startswith("access-control-") for h in answer.headers)
        preflight = call(srv, "OPTIONS", "/sparql", headers={
            "Origin": ALLOWED_ORIGIN, "Access-Control-Request-Method": "POST"})
        assert not any(h.lower().startswith("access-control-") for h in preflight.headers)


def test_cors_allows_only_the_listed_origins_and_never_credentials(server):
    allowed = get(server, "/sparql", {"query": "ASK {}"}, Origin=ALLOWED_ORIGIN)
    assert allowed.headers["Access-Control-Allow-Origin"] == ALLOWED_ORIGIN
    assert allowed.headers["Vary"] == "Origin"
    other = get(server, "/sparql", {"query": "ASK {}"}, Origin="http://evil.example")
    assert "Access-Control-Allow-Origin" not in other.headers
    preflight = call(server, "OPTIONS", "/sparql", headers={
        "Origin": ALLOWED_ORIGIN, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert preflight.status == 204
    assert preflight.headers["Access-Control-Allow-Origin"] == ALLOWED_ORIGIN
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    for answer in (allowed, other, preflight):
        assert "Access-Control-Allow-Credentials" not in answer.headers


def test_cors_origins_must_be_origins():
    from kg.errors import UsageError

    with pytest.raises(UsageError, match="--cors"):
        make_server(GRAPH, port=0, cors=["not an origin"])


# ---------------------------------------------------------------------- error bodies


def _assert_clean_error(answer: Answer, status: int) -> None:
    assert answer.status == status, answer.text
    assert answer.type == "text/plain"
    text = answer.text
    assert len(text.strip().splitlines()) == 1
    for leak in ("Traceback", "File \"", ".py", "/work", str(Path.home()), "site-packages"):
        assert leak not in text, text


def test_a_syntax_error_is_one_line_with_its_position(server):
    answer = get(server, "/sparql", {"query": "SELECT ?x WHERE { ?x ?y }"})
    _assert_clean_error(answer, 400)
    assert "line" in answer.text


@pytest.mark.parametrize("request_", [
    ("POST", "/sparql", b"SELECT * WHERE { ?s ?p \"\xff\xfe\" }", {"Content-Type": "application/sparql-query"}),
    ("POST", "/sparql", b"query=SELECT%20*%20%7B%7D%20%23%FF", {"Content-Type": "application/x-www-form-urlencoded"}),
    ("POST", "/sparql", b"query=\xff\xfe", {"Content-Type": "application/x-www-form-urlencoded"}),
    ("GET", "/sparql?query=ASK%20%7B%7D%20%23%FF", None, {}),
])
def test_non_utf8_input_is_400_not_500(server, request_):
    method, path, body, headers = request_
    _assert_clean_error(call(server, method, path, body, headers), 400)
    assert "UTF-8" in call(server, method, path, body, headers).text


@pytest.mark.parametrize("method, path, body, headers, status", [
    ("POST", "/sparql", "SELECT * {}", {"Content-Type": "text/plain"}, 415),
    ("POST", "/sparql", "", {"Content-Type": "application/x-www-form-urlencoded"}, 400),
    ("GET", "/sparql?foo=bar", None, {}, 400),
    ("GET", "/sparql?query=", None, {}, 400),
    ("GET", "/sparql?query=a&query=b", None, {}, 400),
    ("POST", "/", "x", {"Content-Type": "application/sparql-query"}, 405),
    ("GET", "/nope", None, {}, 404),
    ("GET", "/sparql?query=SELECT%20*%20%7B%3Fs%20undefined:p%20%3Fo%7D", None, {}, 400),
])
def test_bad_requests_get_clean_one_line_errors(server, method, path, body, headers, status):
    _assert_clean_error(call(server, method, path, body, headers), status)


def test_a_foreign_host_name_is_refused_when_bound_to_loopback(server):
    answer = call(server, "GET", "/sparql?query=ASK%7B%7D", headers={"Host": "evil.example"})
    _assert_clean_error(answer, 403)
    ok = call(server, "GET", "/sparql?query=ASK%7B%7D", headers={"Host": "localhost:1234"})
    assert ok.status == 200


# ---------------------------------------------------------------- a real SPARQL client


@pytest.mark.parametrize("return_format", ["json", "xml", "csv", "tsv"])
def test_sparqlwrapper_select_in_every_format(server, return_format):
    from SPARQLWrapper import SPARQLWrapper

    client = SPARQLWrapper(server.url + "sparql", returnFormat=return_format)
    client.setQuery(MEMBERS)
    result = client.query()
    converted = result.convert()
    if return_format == "json":
        found = [b["label"]["value"] for b in converted["results"]["bindings"]]
    elif return_format == "xml":  # a DOM document
        found = [n.firstChild.data for n in converted.getElementsByTagName("literal")]
    elif return_format == "csv":
        found = [row[0] for row in list(csv.reader(io.StringIO(converted.decode("utf-8"))))[1:]]
    else:
        found = [line.strip('"') for line in converted.decode("utf-8").splitlines()[1:]]
    assert found == CSTO_MEMBERS


@pytest.mark.parametrize("return_format", ["json", "xml"])
def test_sparqlwrapper_ask(server, return_format):
    from SPARQLWrapper import SPARQLWrapper

    client = SPARQLWrapper(server.url + "sparql", returnFormat=return_format)
    client.setQuery("ASK { ?c kg:coChairOf ?org }")
    converted = client.query().convert()
    if return_format == "json":
        assert converted["boolean"] is True
    else:
        assert converted.getElementsByTagName("boolean")[0].firstChild.data == "true"


@pytest.mark.parametrize("return_format", ["turtle", "n-triples", "json-ld"])
def test_sparqlwrapper_construct_in_every_graph_format(server, return_format):
    from SPARQLWrapper import JSONLD, N3, TURTLE, SPARQLWrapper

    client = SPARQLWrapper(server.url + "sparql")
    client.setQuery(CO_CHAIRS)
    if return_format == "n-triples":
        client.setReturnFormat(N3)
        client.setOnlyConneg(True)  # Accept only: text/rdf+n3, application/n-triples, ...
        client.addCustomHttpHeader("Accept", "application/n-triples")
    else:
        client.setReturnFormat({"turtle": TURTLE, "json-ld": JSONLD}[return_format])
    result = client.query()
    media_type = result.info()["content-type"].split(";")[0]
    converted = result.convert()
    if isinstance(converted, rdflib.Graph):
        graph = converted
    else:
        rdflib_format = {"turtle": "turtle", "n-triples": "nt"}[return_format]
        graph = rdflib.Graph().parse(data=converted, format=rdflib_format)
    assert media_type == {"turtle": "text/turtle", "n-triples": "application/n-triples",
                          "json-ld": "application/ld+json"}[return_format]
    assert {str(o) for o in graph.objects(None, rdflib.RDFS.label)} == {"France", "Russia",
                                                                       "United States"}


def test_sparqlwrapper_post(server):
    from SPARQLWrapper import JSON, POST, SPARQLWrapper

    client = SPARQLWrapper(server.url + "sparql", returnFormat=JSON)
    client.setMethod(POST)
    client.setQuery(MEMBERS)
    assert [b["label"]["value"] for b in client.query().convert()["results"]["bindings"]] == CSTO_MEMBERS


# ----------------------------------------------------------------------------- the CLI


def test_kg_serve_command_serves_and_stops_on_sigterm(tmp_path):
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", str(GRAPH), "--port", "0", "--timeout", "3"],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
    )
    try:
        line = process.stderr.readline()
        found = re.search(r"at (http://127\.0\.0\.1:\d+/)", line)
        assert found, line
        url = urlsplit(found[1])

        class Target:
            server_address = (url.hostname, url.port)

        assert labels(get(Target, "/sparql", {"query": MEMBERS})) == CSTO_MEMBERS
    finally:
        process.terminate()
        assert process.wait(10) == 0
        process.stderr.close()


def test_kg_serve_refuses_a_missing_graph(tmp_path, capsys):
    from kg.cli import main

    assert main(["serve", str(tmp_path / "nope.trig"), "--port", "0"]) == 3
    err = capsys.readouterr().err
    assert err.startswith("kg serve: error:") and len(err.strip().splitlines()) == 1


def test_a_question_cut_at_its_own_page_says_so(capped_question):
    from kg import query as kq
    from kg.serve import Job, execute

    reply = execute(kq.load(GRAPH, "oxigraph"), Job(question="capped", formats=("json",)), Limits(max_rows=1000))
    headers = dict(reply.headers)
    assert reply.status == 200 and headers["X-KG-Truncated"] == "true" and headers["X-KG-Max-Rows"] == "1"
    document = json.loads(reply.body)
    assert len(document["results"]["bindings"]) == 1
    assert document["kg:note"] == "results cut to the first 1 rows (the question 'capped' shows at most 1)"
