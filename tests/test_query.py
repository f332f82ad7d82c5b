"""kg.query on the hand-written contract graph tests/data/mini.trig, on both stores."""
from __future__ import annotations

import csv
import http.server
import io
import json
import threading
from pathlib import Path

import pyoxigraph
import pytest
from conftest import QuietHandler
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.query import Result

from kg import query as kq
from kg.cli import main
from kg.errors import InputError, OutputError, QueryError, UsageError
from kg.namespaces import ID, KG

MINI = Path(__file__).parent / "data" / "mini.trig"
PUTIN = str(ID["person/vladimir-putin"])
RUSSIA = str(ID["country/russia"])
DOC_A = str(ID["doc/a.txt"])


@pytest.fixture(scope="module", params=kq.STORES)
def graph(request) -> kq.KgGraph:
    return kq.load(MINI, request.param)


@pytest.fixture(scope="module")
def both() -> list[kq.KgGraph]:
    return [kq.load(MINI, store) for store in kq.STORES]


def names(result: kq.QueryResult) -> list:
    return sorted(row[0] for row in result.rows)


# ---------------------------------------------------------------- loading


def test_load_counts_every_quad_of_the_file(both):
    quads = sum(1 for _ in pyoxigraph.parse(path=str(MINI), format=pyoxigraph.RdfFormat.TRIG))
    assert [len(g) for g in both] == [quads, quads]
    assert [g.store for g in both] == ["rdflib", "oxigraph"]
    assert DOC_A in both[0].graph_names and both[0].graph_names == both[1].graph_names


@pytest.mark.parametrize("suffix, fmt", [(".nq", "nquads"), (".ttl", "turtle"), (".nt", "nt"), (".jsonld", "json-ld")])
@pytest.mark.parametrize("store", kq.STORES)
def test_load_reads_every_graph_format(tmp_path, suffix, fmt, store):
    ds = Dataset()
    ds.parse(MINI, format="trig")
    path = tmp_path / f"graph{suffix}"
    if suffix in (".ttl", ".nt"):  # triple formats: the merged graph
        merged = Graph()
        for s, p, o, _ in ds.quads():
            merged.add((s, p, o))
        merged.serialize(path, format=fmt)
    else:
        ds.serialize(path, format=fmt)
    result = kq.load(path, store).query("SELECT ?n WHERE { ?p a kg:Person ; rdfs:label ?n }")
    assert names(result) == ["Dmitry Peskov", "Nikol Pashinyan", "Vladimir Putin"]


def test_load_errors_are_input_errors_on_one_line(tmp_path):
    with pytest.raises(InputError, match="not found"):
        kq.load(tmp_path / "nope.trig")
    bad = tmp_path / "bad.trig"
    bad.write_text("<a> <b> {{{ nonsense\n\n", encoding="utf-8")
    for store in kq.STORES:
        with pytest.raises(InputError) as err:
            kq.load(bad, store)
        assert "\n" not in str(err.value) and "bad.trig" in str(err.value)
    text = tmp_path / "graph.txt"
    text.write_text("hello", encoding="utf-8")
    with pytest.raises(InputError, match="unknown graph format"):
        kq.load(text)
    with pytest.raises(UsageError, match="unknown store"):
        kq.load(MINI, "virtuoso")


# ---------------------------------------------------------------- prefixes and params


def test_kg_prefixes_are_declared(graph):
    result = graph.query("SELECT ?n WHERE { ?p a kg:Person ; rdfs:label ?n ; owl:sameAs ?q FILTER(?q = wd:Q7747) }")
    assert result.rows == [("Vladimir Putin",)]
    assert result.kind == "SELECT" and result.vars == ["n"]


def test_a_query_may_declare_the_prefixes_itself(graph):
    declared = "PREFIX kg: <https://w3id.org/kg-news/ontology#>\nSELECT ?n WHERE { ?p a kg:Person ; rdfs:label ?n }"
    assert len(graph.query(declared).rows) == 3
    other = "PREFIX kg: <http://example.org/other#>\nSELECT ?n WHERE { ?p a kg:Person ; rdfs:label ?n }"
    assert graph.query(other).rows == []  # the query's own declaration wins


def test_params_are_bound_as_variables(graph):
    by_name = graph.query("SELECT ?e WHERE { ?e rdfs:label ?label }", {"label": "Russia"})
    assert by_name.rows == [(RUSSIA,)]
    for iri in ("id:country/russia", RUSSIA, f"<{RUSSIA}>"):
        result = graph.query("SELECT ?label WHERE { ?e rdfs:label ?label }", {"e": iri})
        assert result.rows == [("Russia",)], iri
    filtered = graph.query(
        "SELECT ?n WHERE { ?p a kg:Person ; rdfs:label ?n FILTER(CONTAINS(?n, ?part)) }", {"part": "Putin"}
    )
    assert filtered.rows == [("Vladimir Putin",)]
    typed = graph.query("SELECT ?a WHERE { ?a kg:start ?start ; kg:end 54 }", {"start": 0})
    assert len(typed.rows) == 2


@pytest.mark.parametrize("store", kq.STORES)
def test_params_reach_optional_groups_and_sub_queries(store):
    graph = kq.load(MINI, store)
    inside_optional = graph.query(
        "SELECT ?e ?n WHERE { ?e a kg:Person OPTIONAL { ?e rdfs:label ?n FILTER(CONTAINS(?n, ?part)) } }",
        {"part": "Putin"},
    )
    assert sorted(r[1] for r in inside_optional.rows if r[1]) == ["Vladimir Putin"]
    bound_in_optional = graph.query("SELECT ?e ?l WHERE { ?e a kg:Person OPTIONAL { ?e rdfs:label ?l } }", {"l": "Vladimir Putin"})
    assert len(bound_in_optional.rows) == 3 and {r[1] for r in bound_in_optional.rows} == {"Vladimir Putin"}
    in_sub_query = graph.query("SELECT ?e WHERE { { SELECT ?e WHERE { ?e rdfs:label ?label } } }", {"label": "Russia"})
    assert in_sub_query.rows == [(RUSSIA,)]
    # a GRAPH group nested in an OPTIONAL sees the binding through the enclosing group,
    # and a sub-query inside an OPTIONAL gets its own
    nested = graph.query(
        "SELECT ?e ?d WHERE { ?e rdfs:label ?name OPTIONAL { GRAPH ?d { ?e kg:holdsPosition ?p } } }", {"name": "Vladimir Putin"}
    )
    assert nested.rows == [(PUTIN, str(ID["doc/b.txt"]))]
    sub_in_optional = graph.query(
        "SELECT ?e ?n WHERE { ?e rdfs:label ?name OPTIONAL { { SELECT ?n WHERE { ?x rdfs:label ?name ; skos:altLabel ?n } } } }",
        {"name": "Vladimir Putin"},
    )
    assert sorted(r[1] for r in sub_in_optional.rows) == ["President Putin", "Putin"]


def test_parameters_are_bound_in_each_group_but_not_inside_an_optional():
    text = (
        "SELECT * WHERE { ?a ?b ?c OPTIONAL { GRAPH ?g { ?a ?x ?y } { SELECT ?z WHERE { ?z ?w ?v } } } "
        "{ ?a ?q ?r } UNION { GRAPH ?h { ?a ?s ?t } } }"
    )
    opened = [text[offset:offset + 12] for offset in kq.scan(text).group_braces]
    # the WHERE group, the sub-query's group, both UNION branches and the GRAPH group in one
    assert opened == ["{ ?a ?b ?c O", "{ ?z ?w ?v }", "{ ?a ?q ?r }", "{ GRAPH ?h {", "{ ?a ?s ?t }"]


def test_nesting_depth_is_counted_on_the_scanners_tokens():
    """The server's --max-depth check: brackets of the query, not of its strings, IRIs,
    comments or prefixed names, and a depth, never a refusal."""
    assert kq.nesting_depth("") == 0
    assert kq.nesting_depth("ASK { ?s ?p ( 1 [ ?q ?r ] ) }") == 3
    assert kq.nesting_depth('ASK { ?s ?p "a \\" {{ ((" }') == 1  # an escaped quote stays inside
    assert kq.nesting_depth('ASK { ?s ?p """{{\n(("""@en }') == 1
    assert kq.nesting_depth("ASK { ?s ?p id:a\\(b }") == 1  # an escaped ( in a local name
    assert kq.nesting_depth("ASK { ?s ?p ?o } # ((((") == 1
    assert kq.nesting_depth("ASK { <http://x/((]> ?p ?o }") == 1
    assert kq.nesting_depth("} } ASK { { ?s ?p ?o } }") == 2  # stray closers never go below 0
    assert kq.nesting_depth("INSERT DATA { SERVICE <http://x/> { } }") == 2  # no refusal here
    deep = "SELECT * WHERE " + "{" * 5000 + " ?s ?p ?o " + "}" * 5000
    assert kq.nesting_depth(deep) == 5000


def test_a_store_is_one_class_and_one_line_in_stores(monkeypatch, capsys):
    """The engine has no branch per store: a class registered in STORES is loaded by
    load(), checked and run by the engine, asked cookbook questions and offered by the CLI."""
    seen = []

    class Recording(kq.RdflibStore):
        name = "recording"

        def run(self, sparql, scan, bindings, limit):
            seen.append((scan.form, dict(bindings)))
            return super().run(sparql, scan, bindings, limit)

    monkeypatch.setitem(kq.STORES, "recording", Recording)
    graph = kq.load(MINI, "recording")
    assert graph.store == "recording" and len(graph) == len(kq.load(MINI))
    assert graph.ask("members", {"org": "CSTO"}).rows
    assert ("SELECT", {"org": Literal("CSTO")}) in seen
    with pytest.raises(kq.UpdateRefused):
        graph.query("DELETE WHERE { ?s ?p ?o }")
    assert main(["query", str(MINI), "ASK { ?s ?p ?o }", "--store", "recording", "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines() == ["_askResult", "true"]


def test_params_cannot_change_the_query(graph):
    evil = '" } } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o . FILTER("1" = "1'
    assert graph.query("SELECT ?e WHERE { ?e rdfs:label ?label }", {"label": evil}).rows == []
    title = 'Minsk Group; the "CSTO" question'  # quotes inside the value
    assert graph.query("SELECT ?d WHERE { ?d dcterms:title ?t }", {"t": title}).rows == [(str(ID["doc/c.txt"]),)]
    with pytest.raises(UsageError):
        graph.query("SELECT ?e WHERE { ?e ?p ?o }", {"e": "<http://x/> } ; DROP ALL ; <http://y>"})


def test_param_values_become_iris_or_literals():
    assert kq.param_term("CSTO") == Literal("CSTO")
    assert kq.param_term("Putin") == Literal("Putin")
    assert kq.param_term("kg:memberOf") == KG.memberOf
    assert kq.param_term("id:country/russia") == URIRef(RUSSIA)
    assert kq.param_term("https://example.org/x") == URIRef("https://example.org/x")
    assert kq.param_term("<urn:x:y>") == URIRef("urn:x:y")
    assert kq.param_term("Note: not an IRI") == Literal("Note: not an IRI")
    assert kq.param_term(3) == Literal(3) and kq.param_term(True) == Literal(True)


def test_params_in_ask_and_construct(graph):
    assert graph.query("ASK { ?e rdfs:label ?n }", {"n": "Armenia"}).boolean is True
    assert graph.query("ASK { ?e rdfs:label ?n }", {"n": "Atlantis"}).boolean is False
    built = graph.query("CONSTRUCT { ?e rdfs:label ?n } WHERE { ?e rdfs:label ?n }", {"e": "id:country/russia"})
    assert set(built.graph) == {(URIRef(RUSSIA), URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("Russia"))}


# ---------------------------------------------------------------- query forms and values


def test_rows_hold_plain_python_values(graph):
    result = graph.query(
        "SELECT ?a ?start ?conf ?date ?quote ?none WHERE { ?a kg:start ?start ; kg:confidence ?conf ; "
        "dcterms:date ?date ; rdf:subject id:person\\/nikol-pashinyan ; rdf:predicate kg:officialOf . "
        "id:statement\\/0000000000000003 kg:isDirectQuote ?quote OPTIONAL { ?a kg:nothing ?none } }"
    )
    import datetime

    (row,) = result.rows
    assert row == (str(ID["assertion/00000000000000a5"]), 91, 0.85, datetime.date(2023, 1, 10), True, None)
    assert [type(v) for v in row[1:5]] == [int, float, datetime.date, bool]


def test_ask_describe_construct(graph):
    assert graph.query("ASK { ?p kg:holdsPosition ?x }").kind == "ASK"
    described = graph.query("DESCRIBE id:person\\/vladimir-putin")
    assert described.kind == "DESCRIBE"
    assert (URIRef(PUTIN), KG.officialOf, URIRef(RUSSIA)) in described.graph
    built = graph.query("CONSTRUCT { ?c kg:memberOf ?o } WHERE { ?c kg:memberOf ?o }")
    assert built.kind == "CONSTRUCT" and len(built.graph) == 4


def test_limit_marks_truncated(graph):
    full = graph.query("SELECT ?e WHERE { ?e a kg:Country }")
    assert len(full.rows) == 7 and not full.truncated
    cut = graph.query("SELECT ?e WHERE { ?e a kg:Country }", limit=3)
    assert len(cut.rows) == 3 and cut.truncated
    exact = graph.query("SELECT ?e WHERE { ?e a kg:Country }", limit=7)
    assert not exact.truncated
    triples = graph.query("CONSTRUCT { ?c kg:memberOf ?o } WHERE { ?c kg:memberOf ?o }", limit=2)
    assert len(triples.graph) == 2 and triples.truncated


# ---------------------------------------------------------------- formats


SELECT_MEMBERS = """SELECT ?name ?sources ?none WHERE {
  ?m kg:memberOf ?o ; rdfs:label ?name .
  { SELECT ?m (COUNT(DISTINCT ?d) AS ?sources) WHERE { ?a a kg:Assertion ; rdf:subject ?m ;
      rdf:predicate kg:memberOf ; prov:wasDerivedFrom ?d } GROUP BY ?m }
  OPTIONAL { ?m kg:nothing ?none }
} ORDER BY ?name"""
EXPECTED = [("Armenia", 3), ("Belarus", 1), ("Kazakhstan", 1), ("Russia", 2)]


def test_csv_parses_back(graph):
    result = graph.query(SELECT_MEMBERS)
    assert [r[:2] for r in result.rows] == EXPECTED
    rows = list(csv.reader(io.StringIO(result.serialize("csv").decode("utf-8"))))
    assert rows[0] == ["name", "sources", "none"]
    assert rows[1:] == [[n, str(c), ""] for n, c in EXPECTED]


def test_tsv_json_xml_parse_back(graph):
    result = graph.query(SELECT_MEMBERS)
    for fmt in ("tsv", "json", "xml"):
        parsed = Result.parse(io.BytesIO(result.serialize(fmt)), format=fmt)
        assert [str(v) for v in parsed.vars] == ["name", "sources", "none"], fmt
        back = [(str(r[0]), r[1].toPython(), r[2]) for r in parsed]
        assert back == [(n, c, None) for n, c in EXPECTED], fmt
    data = json.loads(result.serialize("json"))
    assert data["results"]["bindings"][0]["sources"]["datatype"] == str(XSD.integer)


def test_tsv_escapes_tabs_and_quotes(graph):
    result = graph.query('SELECT ?t WHERE { ?d dcterms:title ?t FILTER(CONTAINS(?t, "Minsk")) }')
    parsed = Result.parse(io.BytesIO(result.serialize("tsv")), format="tsv")
    assert [str(r[0]) for r in parsed] == ['Minsk Group; the "CSTO" question']


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "xml"])
def test_ask_serializes_in_every_result_format(graph, fmt):
    data = graph.query("ASK { ?p kg:said ?s }").serialize(fmt)
    if fmt in ("json", "xml"):
        assert Result.parse(io.BytesIO(data), format=fmt).askAnswer is True
    else:
        assert data.decode().split() == (["_askResult", "true"] if fmt == "csv" else ["?_askResult", "true"])


@pytest.mark.parametrize("fmt, rdflib_format", [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_graph_results_parse_back(graph, fmt, rdflib_format):
    built = graph.query("CONSTRUCT { ?c kg:coChairOf ?o } WHERE { ?c kg:coChairOf ?o }")
    back = Graph().parse(data=built.serialize(fmt), format=rdflib_format)
    assert set(back) == set(built.graph) and len(back) == 3


def test_wrong_format_for_the_result_kind(graph):
    with pytest.raises(OutputError):
        graph.query("SELECT * WHERE { ?s a kg:Person }").serialize("ttl")
    with pytest.raises(OutputError):
        graph.query("CONSTRUCT WHERE { ?s a kg:Person }").serialize("csv")
    with pytest.raises(OutputError):
        graph.query("ASK { ?s ?p ?o }").serialize("yaml")


def test_media_types():
    assert kq.media_type("json") == "application/sparql-results+json"
    assert kq.media_type("xml") == "application/sparql-results+xml"
    assert kq.media_type("csv").startswith("text/csv")
    assert kq.media_type("tsv").startswith("text/tab-separated-values")
    assert kq.media_type("ttl").startswith("text/turtle")
    assert kq.media_type("nt") == "application/n-triples"
    assert kq.media_type("jsonld") == "application/ld+json"
    with pytest.raises(OutputError):
        kq.media_type("pdf")


def test_table_is_readable(graph):
    text = graph.query(SELECT_MEMBERS).table()
    lines = text.splitlines()
    assert lines[0].split() == ["name", "sources", "none"]
    assert set(lines[1].replace(" ", "")) == {"-"}
    assert lines[2].split() == ["Armenia", "3"]
    assert lines[-1] == "(4 rows)"
    iri_table = graph.query("SELECT ?e WHERE { ?e rdfs:label 'Russia' }").table()
    assert "id:country/russia" in iri_table
    assert graph.query("ASK { ?s ?p ?o }").table() == "yes\n"


# ---------------------------------------------------------------- errors and safety


@pytest.mark.parametrize(
    "sparql, line",
    [
        ("SELECT * WHERE { ?s ?p ?o . FILTER(?x = ) }", 1),
        ("SELECT ?x WHERE {\n  ?x a kg:Person .\n  ?x rdfs:label ?n ?m .\n}", 3),
        ("SELECT ?x WHERE {\n  ?x nope:name ?n }", 2),
        ("SELEKT ?x WHERE { ?x ?p ?o }", 1),
    ],
)
def test_bad_query_is_one_line_with_line_and_column(graph, sparql, line):
    with pytest.raises(QueryError) as err:
        graph.query(sparql)
    message = str(err.value)
    assert "\n" not in message
    assert message.startswith(f"line {line}, column "), message


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "PREFIX x: <urn:x:>\nDELETE WHERE { ?s ?p ?o }",
        "DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
        "LOAD <http://127.0.0.1:9/data.ttl>",
        "CLEAR ALL",
        "DROP GRAPH <urn:g>",
        "CREATE GRAPH <urn:g>",
        "WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "ADD DEFAULT TO <urn:g>",
        "SELECT * WHERE { ?s ?p ?o } ; INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    ],
)
def test_updates_are_refused(graph, update):
    before = len(graph.query("SELECT * WHERE { ?s ?p ?o }").rows)
    with pytest.raises(kq.UpdateRefused) as err:
        graph.query(update)
    assert isinstance(err.value, QueryError)
    assert len(graph.query("SELECT * WHERE { ?s ?p ?o }").rows) == before


def test_keywords_inside_strings_iris_and_names_are_not_refused(graph):
    sparql = (
        'SELECT ?x WHERE { ?x ?p "SERVICE INSERT DROP" . ?x <urn:load> ?service . '
        "?x kg:mentions ?drop } # LOAD SERVICE in a comment"
    )
    assert graph.query(sparql).rows == []


class _Counter(QuietHandler):
    hits = 0

    def do_GET(self):  # noqa: N802
        type(self).hits += 1
        self.reply(b"<urn:a> <urn:b> <urn:c> .\n", "text/turtle")

    do_POST = do_GET  # noqa: N815


@pytest.fixture()
def listener():
    _Counter.hits = 0
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_service_and_from_never_reach_the_network(graph, listener):
    with pytest.raises(QueryError, match="SERVICE"):
        graph.query(f"SELECT * WHERE {{ SERVICE <{listener}/sparql> {{ ?s ?p ?o }} }}")
    with pytest.raises(QueryError, match="SERVICE"):
        graph.query(f"SELECT * WHERE {{ ?x ?y ?z OPTIONAL {{ service silent <{listener}/q> {{ ?s ?p ?o }} }} }}")
    for clause in ("FROM", "FROM NAMED"):
        with pytest.raises(QueryError, match="no graph of that name"):
            graph.query(f"SELECT * {clause} <{listener}/data.ttl> WHERE {{ ?s ?p ?o }}")
    with pytest.raises(QueryError):
        graph.query(f"LOAD <{listener}/data.ttl>")
    assert _Counter.hits == 0


def test_from_never_reads_a_file(graph):
    for clause in ("FROM", "FROM NAMED"):
        with pytest.raises(QueryError, match="no graph of that name"):
            graph.query(f"SELECT * {clause} <file:///etc/passwd> WHERE {{ ?s ?p ?o }}")
    with pytest.raises(QueryError, match="no graph of that name"):
        graph.query("BASE <file:///etc/> SELECT * FROM <passwd> WHERE { ?s ?p ?o }")


def test_from_names_a_graph_of_the_store(both):
    answers = []
    for graph in both:
        only_a = graph.query(f"SELECT (COUNT(*) AS ?n) FROM <{DOC_A}> WHERE {{ ?s ?p ?o }}").rows
        named = graph.query(
            "SELECT ?g (COUNT(*) AS ?n) FROM NAMED <https://w3id.org/kg-news/id/doc/b.txt> "
            "WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
        ).rows
        prefixed = graph.query(
            "SELECT (COUNT(*) AS ?n) FROM id:doc\\/a.txt WHERE { ?s kg:mentions ?e }"
        ).rows
        answers.append((only_a, named, prefixed))
    assert answers[0] == answers[1]
    only_a, named, prefixed = answers[0]
    assert only_a[0][0] > 50
    assert named == [(str(ID["doc/b.txt"]), named[0][1])]
    assert prefixed == [(8,)]  # 6 document mentions, 2 statement mentions


# ---------------------------------------------------------------- both stores


AD_HOC = [
    "SELECT ?s ?p ?o WHERE { ?s ?p ?o }",
    "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
    "SELECT ?n (COUNT(?st) AS ?c) WHERE { ?p kg:said ?st ; rdfs:label ?n } GROUP BY ?n",
    "SELECT ?x WHERE { ?x a kg:Organization } GROUP BY ?x HAVING (COUNT(*) > 5)",
    "SELECT DISTINCT ?t WHERE { ?s a ?t }",
    "SELECT ?label WHERE { ?e skos:altLabel ?label FILTER(LANG(?label) = '') } ORDER BY ?label",
]


@pytest.mark.parametrize("sparql", AD_HOC)
def test_both_stores_give_the_same_rows(both, sparql):
    rdflib_rows, oxigraph_rows = (sorted(g.query(sparql).rows, key=repr) for g in both)
    assert rdflib_rows == oxigraph_rows


def test_both_stores_agree_on_asks_and_graphs(both):
    assert [g.query("ASK { ?x kg:coChairOf ?o }").boolean for g in both] == [True, True]
    graphs = [set(g.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }").graph) for g in both]
    assert graphs[0] == graphs[1]


# ---------------------------------------------------------------- the command line


def test_cli_query_prints_csv_when_not_a_terminal(capsys):
    code = main(["query", str(MINI), "SELECT ?n WHERE { ?p a kg:Person ; rdfs:label ?n } ORDER BY ?n"])
    out = capsys.readouterr().out
    assert code == 0
    assert out.splitlines() == ["n", "Dmitry Peskov", "Nikol Pashinyan", "Vladimir Putin"]


@pytest.mark.parametrize("store", kq.STORES)
def test_cli_query_file_params_format_and_limit(tmp_path, capsys, store):
    rq = tmp_path / "q.rq"
    rq.write_text("SELECT ?e WHERE { ?e a kg:Country ; rdfs:label ?name }\n", encoding="utf-8")
    code = main(["query", str(MINI), "-f", str(rq), "--param", "name=Armenia", "--format", "json", "--store", store])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["results"]["bindings"] == [{"e": {"type": "uri", "value": str(ID["country/armenia"])}}]
    code = main(["query", str(MINI), "-f", str(rq), "--limit", "2", "--format", "tsv"])
    captured = capsys.readouterr()
    assert code == 0 and len(captured.out.splitlines()) == 3 and "--limit 2" in captured.err


def test_cli_query_errors_and_exit_codes(tmp_path, capsys):
    assert main(["query", str(MINI), "SELECT ?x WHERE {\n ?x ?y }"]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "line 2, column" in err
    assert main(["query", str(tmp_path / "missing.trig"), "SELECT * { ?s ?p ?o }"]) == 3
    assert "not found" in capsys.readouterr().err
    assert main(["query", str(MINI), "DROP ALL"]) == 2
    assert "read-only" in capsys.readouterr().err
    assert main(["query", str(MINI), "CONSTRUCT WHERE { ?s a kg:Person }", "--format", "csv"]) == 4
    assert main(["query", str(MINI), "SELECT * { ?s ?p ?o }", "--param", "novalue"]) == 2


def test_cli_construct_defaults_to_turtle(capsys):
    assert main(["query", str(MINI), "CONSTRUCT WHERE { ?s kg:coChairOf ?o }"]) == 0
    back = Graph().parse(data=capsys.readouterr().out, format="turtle")
    assert len(back) == 3
