"""The cookbook (kg/queries/*.rq): its headers, its answers on the hand-written graph
tests/data/mini.trig and on the seed corpus build, and the same rows on both stores."""
from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

from kg import query as kq
from kg.cli import main
from kg.errors import InputError, UsageError
from kg.query.questions import Question, parse_question

HERE = Path(__file__).parent
MINI = HERE / "data" / "mini.trig"
CORPUS = HERE.parent / "corpus"

#: questions the docs, the page and the tests name: they must stay in the cookbook
REQUIRED = {"members", "cochairs", "offices", "statements", "said-about", "evidence",
            "disputed", "co-mentions", "timeline", "entity", "sources"}
#: a value for each parameter name the cookbook uses, found on mini.trig and the seed build
PARAM_VALUES: dict[str, str] = {
    "org": "CSTO", "person": "Putin", "entity": "Putin",
    "subject": "Armenia", "relation": "memberOf", "object": "CSTO",
}
#: where one question needs another value to find anything
OVERRIDES: dict[str, dict[str, str]] = {"cochairs": {"org": "Minsk Group"}, "said-about": {"entity": "CSTO"}}
#: every cookbook question (read from kg/queries, not a hand-kept list)
QUESTIONS = [q.name for q in kq.cookbook()]
#: each question with its required parameters, and with all of them when it has optional ones
CASES = [pytest.param(q.name, False, id=f"{q.name}-required") for q in kq.cookbook()] + [
    pytest.param(q.name, True, id=f"{q.name}-all") for q in kq.cookbook() if any(p.default is None and not p.required for p in q.params)
]


def params_for(question: Question, optional: bool = False) -> dict[str, str]:
    """Values for the required parameters of ``question`` (and its optional ones if asked);
    a parameter with a default is left to it."""
    values = {}
    for param in question.params:
        if param.default is not None or not (param.required or optional):
            continue
        assert param.name in PARAM_VALUES, f"add a value for parameter {param.name!r} of {question.name!r} to PARAM_VALUES"
        values[param.name] = OVERRIDES.get(question.name, {}).get(param.name, PARAM_VALUES[param.name])
    return values


def normalised(result: kq.QueryResult) -> list[tuple]:
    """Rows sorted, lists made by GROUP_CONCAT sorted (their order is not defined)."""
    def cell(value):
        return ", ".join(sorted(value.split(", "))) if isinstance(value, str) else value

    return sorted((tuple(cell(v) for v in row) for row in result.rows), key=repr)


def by_column(result: kq.QueryResult) -> list[dict]:
    return [dict(zip(result.vars, row)) for row in result.rows]


@pytest.fixture(scope="module")
def mini() -> dict[str, kq.KgGraph]:
    return {store: kq.load(MINI, store) for store in kq.STORES}


# ---------------------------------------------------------------- the files


def test_cookbook_has_the_questions_with_headers():
    questions = {q.name: q for q in kq.cookbook()}
    assert REQUIRED <= set(questions)
    for q in questions.values():
        assert q.title and q.description and q.path.name == f"{q.name}.rq"
        assert q.text.lstrip().startswith("#")
    assert [(p.name, p.required) for p in questions["members"].params] == [("org", True)]
    assert [(p.name, p.required) for p in questions["offices"].params] == [("person", False)]
    assert [p.name for p in questions["evidence"].params] == ["subject", "relation", "object"]
    assert [(p.name, p.required) for p in questions["disputed"].params] == [("org", False)]


def test_header_lines_are_parsed():
    text = (
        "# title: T\n# description: first part\n# description: second part\n"
        "# param: org — the organization (default CSTO)\n# param: who — a person (optional)\n"
        "# param: what -- a thing\nSELECT * WHERE { ?s ?p ?o }\n"
    )
    q = parse_question("t", Path("t.rq"), text)
    assert (q.title, q.description) == ("T", "first part second part")
    assert q.params == [
        kq.Param("org", "the organization", "CSTO", required=False),
        kq.Param("who", "a person", None, required=False),
        kq.Param("what", "a thing", None, required=True),
    ]
    with pytest.raises(UsageError, match="needs --param what"):
        q.bindings({})
    assert q.bindings({"what": "x"}) == {"org": "CSTO", "what": "x"}
    flagged = parse_question("f", Path("f.rq"), "# param: who — a person (name, optional)\nSELECT * {}")
    assert flagged.params == [kq.Param("who", "a person", None, required=False, names=True)]


@pytest.mark.parametrize("store", kq.STORES)
def test_names_are_looked_up_in_any_case(mini, store):
    from rdflib import Literal

    graph = mini[store]
    assert graph.spelling("csto") == Literal("CSTO")
    assert graph.spelling("COLLECTIVE security treaty organization") == Literal("Collective Security Treaty Organization")
    assert graph.spelling("id:person/vladimir-putin") == Literal("Vladimir Putin")
    assert graph.spelling("Atlantis") == Literal("Atlantis")


def test_ask_checks_names_and_params(mini):
    graph = mini["rdflib"]
    with pytest.raises(UsageError, match="no cookbook question"):
        graph.ask("nothing")
    with pytest.raises(UsageError, match="needs --param org"):
        graph.ask("members")
    with pytest.raises(UsageError, match="no parameter 'organisation'"):
        graph.ask("members", {"organisation": "CSTO"})


def test_module_level_ask_takes_a_path():
    result = kq.ask(MINI, "cochairs", org="minsk group")
    assert sorted(r[0] for r in result.rows) == ["France", "Russia", "United States"]


# ---------------------------------------------------------------- answers on the mini graph


@pytest.mark.parametrize("store", kq.STORES)
def test_members_with_sources(mini, store):
    for org in ("CSTO", "csto", "Collective Security Treaty Organization",
                "id:organization/collective-security-treaty-organization"):
        rows = {r["name"]: (r["sources"], sorted(r["documents"].split(", "))) for r in by_column(mini[store].ask("members", {"org": org}))}
        assert rows == {
            "Armenia": (3, ["a.txt", "b.txt", "c.txt"]),
            "Russia": (2, ["a.txt", "b.txt"]),
            "Kazakhstan": (1, ["a.txt"]),
            "Belarus": (1, ["b.txt"]),
        }, org
    first = mini[store].ask("members", {"org": "CSTO"}).rows[0]
    assert first[:2] == ("Armenia", 3)  # most sources first


@pytest.mark.parametrize("store", kq.STORES)
def test_cochairs(mini, store):
    rows = by_column(mini[store].ask("cochairs", {"org": "Minsk Group"}))
    assert sorted((r["name"], r["sources"], r["documents"]) for r in rows) == [
        ("France", 1, "c.txt"), ("Russia", 1, "c.txt"), ("United States", 1, "c.txt"),
    ]


@pytest.mark.parametrize("store", kq.STORES)
def test_offices_with_dates(mini, store):
    rows = by_column(mini[store].ask("offices"))
    assert [(r["name"], r["title"], r["of"], r["date"]) for r in rows] == [
        ("Nikol Pashinyan", "Prime Minister", "Armenia", datetime.date(2023, 1, 10)),
        ("Vladimir Putin", "President", "Russia", datetime.date(2023, 1, 12)),
    ]
    only = by_column(mini[store].ask("offices", {"person": "putin"}))
    assert [(r["name"], r["title"]) for r in only] == [("Vladimir Putin", "President")]


@pytest.mark.parametrize("store", kq.STORES)
def test_statements_of_a_person(mini, store):
    rows = by_column(mini[store].ask("statements", {"person": "Putin"}))
    assert [(r["date"], r["text"], r["source"], r["quote"]) for r in rows] == [
        (datetime.date(2023, 1, 12), "Armenia is our ally.", "b.txt", True),
        (None, "the CSTO would stand by Armenia", "c.txt", False),  # undated last
    ]
    assert mini[store].ask("statements", {"person": "Nobody"}).rows == []


@pytest.mark.parametrize("store", kq.STORES)
def test_said_about(mini, store):
    rows = by_column(mini[store].ask("said-about", {"entity": "CSTO"}))
    assert sorted((r["speakerName"], r["source"]) for r in rows) == [("Nikol Pashinyan", "a.txt"), ("Vladimir Putin", "c.txt")]
    about_putin = by_column(mini[store].ask("said-about", {"entity": "Putin"}))
    assert [(r["speakerName"], r["text"]) for r in about_putin] == [("Dmitry Peskov", "Putin has no plans to visit Paris.")]


@pytest.mark.parametrize("store", kq.STORES)
def test_evidence_of_one_fact(mini, store):
    for relation in ("memberOf", "kg:memberOf", "MEMBEROF"):
        rows = by_column(mini[store].ask("evidence", {"subject": "Kazakhstan", "relation": relation, "object": "CSTO"}))
        assert [(r["polarity"], r["source"], r["rule"]) for r in rows] == [
            ("negative", "c.txt", "not-member"), ("positive", "a.txt", "member-list"),
        ], relation
        assert rows[1]["evidence"].startswith("The CSTO members Armenia, Russia and Kazakhstan")
        assert isinstance(rows[1]["confidence"], float) and rows[1]["start"] == 0


def test_relation_parameter_is_bound_as_a_kg_property():
    from rdflib import URIRef

    from kg.namespaces import KG

    assert kq.relation_iri("memberOf") == KG.memberOf
    assert kq.relation_iri("HOLDSPOSITION") == KG.holdsPosition
    assert kq.relation_iri("kg:coChairOf") == KG.coChairOf
    assert kq.relation_iri("http://example.org/p") == URIRef("http://example.org/p")
    with pytest.raises(UsageError, match="unknown relation 'members'"):
        kq.relation_iri("members")
    with pytest.raises(UsageError, match="unknown relation 'Document'"):
        kq.relation_iri("Document")  # a class, not a property
    flagged = parse_question("f", Path("f.rq"), "# param: rel — a relation (relation)\nSELECT * {}")
    assert flagged.params == [kq.Param("rel", "a relation", None, required=True, relation=True)]
    assert [p.name for p in kq.question_named("evidence").params if p.relation] == ["relation"]


@pytest.mark.parametrize("store", kq.STORES)
def test_evidence_refuses_an_unknown_relation(mini, store):
    with pytest.raises(UsageError, match="unknown relation 'memberOff'"):
        mini[store].ask("evidence", {"subject": "Kazakhstan", "relation": "memberOff", "object": "CSTO"})


def test_disputed_shows_the_first_100_facts_in_both_forms():
    question = kq.question_named("disputed")
    assert question.rows == 100
    assert "LIMIT 101" in question.text_for(set()) and "LIMIT 101" in question.text_for({"org"})


@pytest.mark.parametrize("store", kq.STORES)
def test_disputed(mini, store):
    rows = by_column(mini[store].ask("disputed"))
    got = [(r["kind"], r["subjectName"], r["disputedBy"], r["disputedIn"], r["assertedBy"]) for r in rows]
    assert got == [
        # one row per fact and kind, the most disputed first, then by name
        ("left out", "Belarus", 1, None, 1),  # a.txt lists Armenia, Russia, Kazakhstan; b.txt names Belarus
        ("denied", "Kazakhstan", 1, "c.txt", 1),  # c.txt denies what a.txt asserts
        ("left out", "Kazakhstan", 1, None, 1),  # b.txt lists Armenia, Russia, Belarus
        # c.txt names only Armenia as a member: one name is not a list, nothing "left out"
    ]
    assert {r["relation"] for r in rows} == {"memberOf"}
    assert "Azerbaijan" not in {r["subjectName"] for r in rows}  # denied, but asserted nowhere
    assert mini[store].ask("disputed", {"org": "Minsk Group"}).rows == []
    assert len(mini[store].ask("disputed", {"org": "csto"}).rows) == 3


@pytest.mark.parametrize("store", kq.STORES)
def test_co_mentions(mini, store):
    rows = by_column(mini[store].ask("co-mentions"))
    assert len(rows) <= 50
    assert [r["documents"] for r in rows] == sorted((r["documents"] for r in rows), reverse=True)
    top = {frozenset((r["name1"], r["name2"])) for r in rows if r["documents"] == 3}
    assert top == {
        frozenset(("Armenia", "Russia")),
        frozenset(("Armenia", "Collective Security Treaty Organization")),
        frozenset(("Russia", "Collective Security Treaty Organization")),
    }
    peskov = by_column(mini[store].ask("co-mentions", {"entity": "Peskov"}))
    assert peskov and all("Dmitry Peskov" in (r["name1"], r["name2"]) for r in peskov)


@pytest.mark.parametrize("store", kq.STORES)
def test_timeline(mini, store):
    rows = by_column(mini[store].ask("timeline"))
    assert [r["date"] for r in rows] == [datetime.date(2023, 1, 10), datetime.date(2023, 1, 12), None, None]
    assert [r["speakerName"] for r in rows][:2] == ["Nikol Pashinyan", "Vladimir Putin"]
    by_putin_or_about = by_column(mini[store].ask("timeline", {"entity": "Putin"}))
    assert [r["text"] for r in by_putin_or_about][0] == "Armenia is our ally."  # the dated one first
    assert sorted(r["text"] for r in by_putin_or_about) == [
        "Armenia is our ally.", "Putin has no plans to visit Paris.", "the CSTO would stand by Armenia",
    ]
    about_armenia = [r["date"] for r in by_column(mini[store].ask("timeline", {"entity": "Armenia"}))]
    dated = [d for d in about_armenia if d is not None]
    assert about_armenia == dated + [None] * (len(about_armenia) - len(dated)) and dated == sorted(dated)


@pytest.mark.parametrize("store", kq.STORES)
def test_entity_profile(mini, store):
    rows = {(r["aspect"], r["value"], r["sources"]) for r in by_column(mini[store].ask("entity", {"entity": "Putin"}))}
    assert rows == {
        ("type", "Person", None), ("label", "Vladimir Putin", None), ("alias", "Putin", None),
        ("alias", "President Putin", None), ("same as", "http://www.wikidata.org/entity/Q7747", None),
        ("officialOf", "Russia", 1), ("holdsPosition", "President of Russia", 1),
        ("statements", "2", None), ("documents", "2", None),
    }
    csto = {(r["aspect"], r["value"]) for r in by_column(mini[store].ask("entity", {"entity": "csto"}))}
    assert ("is memberOf of", "Armenia") in csto and ("type", "Organization") in csto


@pytest.mark.parametrize("store", kq.STORES)
def test_sources(mini, store):
    rows = by_column(mini[store].ask("sources"))
    assert [(r["source"], r["date"], r["actors"], r["assertions"], r["statements"]) for r in rows] == [
        ("a.txt", datetime.date(2023, 1, 10), 6, 6, 1),
        ("b.txt", datetime.date(2023, 1, 12), 5, 5, 1),
        ("c.txt", None, 9, 5, 2),
    ]
    assert [r["source"] for r in by_column(mini[store].ask("sources", {"entity": "Peskov"}))] == ["c.txt"]


@pytest.mark.parametrize("name, optional", CASES)
def test_every_question_gives_the_same_rows_on_every_store(mini, name, optional):
    """Each question runs on the mini graph with its required parameters (its defaults and
    its plan without the optional ones), then with every parameter; every store in
    STORES finds the same rows, and finds some."""
    question = kq.question_named(name)
    params = params_for(question, optional)
    answers = {store: normalised(mini[store].ask(name, params)) for store in kq.STORES}
    first = answers["rdflib"]
    assert first, f"{name} {params} found nothing on the mini graph"
    assert all(rows == first for rows in answers.values()), answers
    if question.rows is not None:
        assert len(first) <= question.rows


def test_cli_ask(capsys):
    assert main(["ask", "--list"]) == 0
    listing = capsys.readouterr().out
    for name in REQUIRED:
        assert name in listing
    assert "--param org=" in listing
    assert main(["ask", "members", str(MINI), "--param", "org=CSTO", "--store", "oxigraph"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split(",")[:2] == ["name", "sources"] and lines[1].startswith("Armenia,3,")
    assert main(["ask", "members", str(MINI)]) == 2
    assert "needs --param org" in capsys.readouterr().err
    assert main(["ask", "members", str(MINI.with_name("missing.trig")), "--param", "org=CSTO"]) == 3
    assert main(["ask", "members"]) == 2


# ---------------------------------------------------------------- the seed corpus build

@pytest.fixture(scope="module")
def seed(tmp_path_factory) -> dict[str, kq.KgGraph]:
    out = tmp_path_factory.mktemp("seed") / "graph.trig"
    assert main(["build", str(CORPUS), "-o", str(out)]) == 0
    return {store: kq.load(out, store) for store in kq.STORES}


@pytest.mark.parametrize("store", kq.STORES)
def test_seed_csto_members(seed, store):
    rows = {r["name"]: r["sources"] for r in by_column(seed[store].ask("members", {"org": "CSTO"}))}
    assert rows == {
        "Armenia": 3, "Russia": 2, "Kazakhstan": 2, "Kyrgyzstan": 2, "Tajikistan": 2,
        "Belarus": 1, "Uzbekistan": 1,
    }


@pytest.mark.parametrize("store", kq.STORES)
def test_seed_minsk_group_cochairs(seed, store):
    rows = by_column(seed[store].ask("cochairs", {"org": "Minsk Group"}))
    assert sorted(r["name"] for r in rows) == ["France", "Russia", "United States"]


@pytest.mark.parametrize(
    "person, title, of, date",
    [
        ("Pashinyan", "prime minister", "Armenia", datetime.date(2023, 1, 10)),
        ("Putin", "president", "Russia", None),
        ("Lavrov", "foreign minister", "Russia", None),
        ("Guterres", "secretary", "United Nations", None),
    ],
)
def test_seed_offices(seed, person, title, of, date):
    rows = by_column(seed["oxigraph"].ask("offices", {"person": person}))
    match = [r for r in rows if title in r["title"].lower().replace("-", " ") and r["of"] == of]
    assert match, rows
    if date is not None:
        assert match[0]["date"] == date


def test_seed_putin_statements(seed):
    rows = by_column(seed["rdflib"].ask("statements", {"person": "Putin"}))
    assert {r["speakerName"] for r in rows} == {"Vladimir Putin"}
    assert {"000_2108af4f781ce4c6.txt", "003_407590ad2cba4e18.txt"} <= {r["source"] for r in rows}


@pytest.mark.parametrize("person", ["Peskov", "Pashinyan", "Aliyev", "Cavusoglu"])
def test_seed_other_speakers(seed, person):
    assert seed["oxigraph"].ask("statements", {"person": person}).rows


def test_seed_said_about_and_evidence(seed):
    speakers = {r["speakerName"] for r in by_column(seed["oxigraph"].ask("said-about", {"entity": "CSTO"}))}
    assert "Dmitry Peskov" in speakers
    evidence = by_column(seed["oxigraph"].ask("evidence", {"subject": "Armenia", "relation": "memberOf", "object": "CSTO"}))
    assert len({r["source"] for r in evidence if r["polarity"] == "positive"}) == 3


def test_seed_disputed_timeline_sources(seed):
    disputed = by_column(seed["oxigraph"].ask("disputed"))
    assert any(r["kind"] == "left out" and r["objectName"] == "Collective Security Treaty Organization" for r in disputed)
    dates = [r["date"] for r in by_column(seed["oxigraph"].ask("timeline")) if r["date"] is not None]
    assert dates and dates == sorted(dates)
    sources = [r["source"] for r in by_column(seed["oxigraph"].ask("sources"))]
    assert sources == sorted(p.name for p in CORPUS.glob("*.txt"))


@pytest.mark.parametrize("name", QUESTIONS)
def test_seed_both_stores_same_rows(seed, name):
    params = params_for(kq.question_named(name))
    answers = {store: normalised(seed[store].ask(name, params)) for store in kq.STORES}
    first = answers["rdflib"]
    assert first, f"{name} found nothing on the seed graph"
    assert all(rows == first for rows in answers.values())


def test_if_blocks_keep_the_lines_of_the_given_params():
    text = (
        "# param: who — a person (name, optional)\nSELECT * WHERE {\n"
        "# if who\n  ?e rdfs:label ?who .\n# else\n  ?e a kg:Person .\n# end\n  ?e kg:said ?s }\n"
    )
    q = parse_question("t", Path("t.rq"), text)
    given = q.text_for({"who"})
    assert "?e rdfs:label ?who" in given and "?e a kg:Person" not in given and "kg:said" in given
    absent = q.text_for(set())
    assert "?e rdfs:label ?who" not in absent and "?e a kg:Person" in absent and "kg:said" in absent


@pytest.mark.parametrize("store", kq.STORES)
def test_optional_params_give_the_same_rows_with_and_without_if_blocks(mini, store):
    # the "# else" branch (no actor) must cover what the actor branch finds for every actor
    everything = {r[-1] for r in mini[store].ask("timeline").rows}
    by_putin = {r[-1] for r in mini[store].ask("timeline", {"entity": "Putin"}).rows}
    assert by_putin and by_putin <= everything


def test_capped_questions_ask_for_one_row_more_than_they_show():
    capped = [q for q in kq.cookbook() if q.rows is not None]
    assert {q.name for q in capped} >= {"statements", "timeline", "sources"}
    for q in capped:
        for bound in (set(), {p.name for p in q.params}):
            assert f"LIMIT {q.rows + 1}" in q.text_for(bound), q.name


def test_a_capped_question_says_when_it_cuts(mini, capped_question, capsys):
    assert capped_question.rows == 1
    result = mini["oxigraph"].ask("capped")
    assert len(result.rows) == 1 and result.truncated
    assert main(["ask", "capped", str(MINI)]) == 0
    assert "the first 1 rows of 'capped'; there are more" in capsys.readouterr().err
    with pytest.raises(InputError, match="bad rows line"):
        parse_question("bad", Path("bad.rq"), "# rows: none\nSELECT * {}")


def test_entity_profile_names_every_relation():
    # the profile lists relations through a VALUES block: a new relation must be added there
    from kg.records import RELATIONS

    text = kq.question_named("entity").text
    blocks = [line for line in text.splitlines() if line.strip().startswith("VALUES ?p")]
    assert len(blocks) == 2
    for block in blocks:
        named = set(block.split("{")[1].split("}")[0].split())
        assert named == {f"kg:{r}" for r in (*RELATIONS, "holdsPosition")}


def test_the_whole_graph_co_mentions_equal_a_count_of_every_pair(seed):
    # the question reads the build's kg:CoMention ties; counting every pair of every
    # document must give the same 50
    every_pair = """SELECT ?actor1 ?actor2 (COUNT(DISTINCT ?doc) AS ?documents) WHERE {
        ?doc a kg:Document ; kg:mentions ?actor1, ?actor2 . FILTER(STR(?actor1) < STR(?actor2)) }
        GROUP BY ?actor1 ?actor2 ORDER BY DESC(?documents) ?actor1 ?actor2 LIMIT 50"""
    for store in kq.STORES:
        counted = seed[store].query(every_pair).rows
        asked = [(r[3], r[4], r[2]) for r in seed[store].ask("co-mentions").rows]
        assert sorted(asked, key=lambda r: (-r[2], r[0], r[1])) == counted
        assert len(counted) == 50


@pytest.mark.parametrize("store", kq.STORES)
def test_statements_and_said_about_are_newest_first_undated_last(mini, store):
    putin = [r["date"] for r in by_column(mini[store].ask("statements", {"person": "Putin"}))]
    assert putin == [datetime.date(2023, 1, 12), None]
    about = [r["date"] for r in by_column(mini[store].ask("said-about", {"entity": "Armenia"}))]
    assert about == [datetime.date(2023, 1, 12), datetime.date(2023, 1, 10), None]


# ---------------------------------------------------------------- plain SPARQL (issue 12, item 2)

def test_every_question_file_is_plain_sparql():
    """As written, each .rq parses with its own PREFIX lines (no prefixes given by kg)
    and carries every parameter it needs as a VALUES block."""
    import pyoxigraph as ox
    from rdflib.plugins.sparql import prepareQuery

    store = ox.Store()
    for question in kq.cookbook():
        store.query(question.text)  # pyoxigraph: no prefixes passed
        prepareQuery(question.text)  # rdflib: no initNs
        for param in question.params:
            if param.required:
                assert f"VALUES ?{param.name} {{" in question.text, (question.name, param.name)
            else:
                assert re.search(rf"(?m)^# if {param.name}\n\s*#>", question.text), (question.name, param.name)


def test_print_query_binds_through_values_never_pasting(capsys):
    assert main(["ask", "disputed", "--param", 'org=CSTO" } ?x ?y ?z {', "--print-query"]) == 0
    text = capsys.readouterr().out
    # one VALUES block in each group that matches the name (disputed has two)
    assert text.count('VALUES ?org { "CSTO\\" } ?x ?y ?z {" }') == 2
    assert not re.search(r"(?m)^\s*#>", text) and "# if" not in text
    from rdflib.plugins.sparql import prepareQuery

    prepareQuery(text)
    assert main(["ask", "evidence", "-p", "subject=Armenia", "-p", "relation=memberof", "-p", "object=CSTO",
                 "--print-query"]) == 0
    assert "VALUES ?relation { <https://w3id.org/kg-news/ontology#memberOf> }" in capsys.readouterr().out
    # without its optional parameter, the whole-graph plan and no VALUES for it
    assert main(["ask", "timeline", "--print-query"]) == 0
    assert "?entity" not in capsys.readouterr().out
    assert main(["ask", "members", "--print-query"]) == 2
    assert "needs --param org" in capsys.readouterr().err


def test_printed_queries_answer_like_kg(seed):
    """The text --print-query gives, run as a plain query (no parameters bound by kg),
    gives kg ask's rows."""
    cases = [("members", {"org": "CSTO"}), ("offices", {"person": "Pashinyan"}), ("timeline", {}),
             ("co-mentions", {"entity": "Putin"}), ("disputed", {"org": "CSTO"})]
    for name, params in cases:
        question = kq.question_named(name)
        for store in kq.STORES:
            asked = seed[store].ask(name, params).rows
            plain = seed[store].query(question.plain_query(params), limit=question.rows).rows
            key = sorted if name == "members" else list  # GROUP_CONCAT order is the engine's
            assert [r[:2] for r in key(plain)] == [r[:2] for r in key(asked)], (name, store)


def test_a_triples_only_build_says_sources_need_named_graphs(seed, tmp_path, capsys):
    ttl = tmp_path / "seed.ttl"
    assert main(["build", str(CORPUS), "-o", str(ttl), "--quiet"]) == 0
    capsys.readouterr()
    assert main(["ask", "members", str(ttl), "--param", "org=CSTO", "--format", "csv"]) == 0
    captured = capsys.readouterr()
    assert "build to .trig or .nq" in captured.err and len(captured.err.strip().splitlines()) == 1
    # statements are read from the assertions' documents: right on a triples-only file
    assert main(["ask", "statements", str(ttl), "--param", "person=Putin", "--format", "csv"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert len(captured.out.strip().splitlines()) - 1 == len(seed["rdflib"].ask("statements", {"person": "Putin"}).rows)
