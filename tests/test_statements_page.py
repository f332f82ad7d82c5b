"""The saved question ``statements`` gives the rows of its plain formulation.

``statements.rq`` picks its page from the speaker's 101 newest days before it sorts
statements (a speed-up: see the comments in the file); :data:`REFERENCE` is the plain
way to ask the same thing (every statement of the speaker sorted, the first 101).  Both
must give the same rows on every store, for the cases where a shortcut could slip: a
tie in date at the page's boundary and at the boundary of the 101 days, undated
statements on the page or just past it, a name shared by speakers who tie on a day,
dates of mixed types (xsd:date, xsd:gYearMonth, xsd:gYear), a speaker with fewer than
100 statements, one with no dated statement, and an unknown name.  The graphs are
small and made here, with kg's layout: ``speaker kg:said statement`` in the default
graph and in the document's graph, the statement's ``dcterms:date`` its document's.

rdflib joins a sub-query's rows with the rest of its group by comparing every pair
(both formulations: ~4 s a question on the graph of all the speakers), so it is asked
on a graph of the speakers of one name and one other speaker whose days they share.
"""
from __future__ import annotations

import datetime
import random
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import virtuoso_server
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS

import kg.query as kq
from kg.namespaces import ID_BASE, KG, PREFIXES
from kg.query.questions import parse_question, question_named

#: The plain formulation: every statement of the speaker sorted, then the first 101
#: (the saved question before it picked its days first), as a question of its own.
REFERENCE = parse_question("reference", Path("reference.rq"), """\
# param: person — the speaker (name)
# rows: 100
SELECT ?date ?speakerName ?quote ?text ?source ?statement
WHERE {
  { SELECT DISTINCT ?speaker ?statement ?date WHERE {
      VALUES ?person { "Putin" }
      ?speaker rdfs:label|skos:altLabel ?person ;
               kg:said ?statement .
      OPTIONAL { ?statement dcterms:date ?date }
    } ORDER BY DESC(?date) ?statement LIMIT 101 }
  ?speaker rdfs:label ?speakerName .
  ?statement prov:wasDerivedFrom ?doc ;
             kg:text ?text ;
             kg:isDirectQuote ?quote .
  ?doc dcterms:identifier ?source .
}
ORDER BY DESC(?date) ?statement
""")


@dataclass(frozen=True)
class Speaker:
    """A made-up speaker: how many statements on each date (an ISO day, ``YYYY-MM``,
    ``YYYY`` or None for undated)."""

    label: str
    per_date: list[tuple[str | None, int]]
    alias: str | None = None

    def statements(self) -> list[tuple[str, str | None]]:
        """(IRI, date) of each statement: the same in every graph the speaker is in."""
        rng = random.Random(self.label)
        return [(f"{ID_BASE}statement/{rng.getrandbits(64):016x}", day)
                for day, count in self.per_date for _ in range(count)]


def _days(start: int, count: int, each: int = 1) -> list[tuple[str, int]]:
    """``count`` consecutive days of 2020 from day ``start`` (1 = Jan 1), ``each`` a day."""
    first = datetime.date(2020, 1, 1) + datetime.timedelta(days=start - 1)
    return [((first + datetime.timedelta(days=i)).isoformat(), each) for i in range(count)]


SPEAKERS = [
    # 100 days of one statement, then 5 on the 101st newest day: the page ends in a tie
    # at the last of the 101 days
    Speaker("Maren Oskvold", _days(1, 20) + [("2020-03-01", 5)] + _days(100, 100) + [(None, 5)]),
    # 95 statements newer than a day of 12: the page's boundary inside that tie
    Speaker("Tobiah Quenn", _days(1, 30) + [("2020-02-15", 12)] + _days(50, 40, 2) + [("2020-09-01", 15), (None, 3)]),
    # fewer than 100 statements: every one, undated last
    Speaker("Ilsa Varrow", _days(10, 8, 4) + [(None, 15)]),
    # 80 days, then undated: the page ends among the undated statements
    Speaker("Dunmore Pell", _days(1, 80) + [(None, 50)]),
    # exactly 100 days: the 101st row is the first undated statement
    Speaker("Caske Abernal", _days(1, 100) + [(None, 10)]),
    # 101 days: the undated statements are past the page
    Speaker("Wenna Strode", _days(1, 101) + [(None, 10)]),
    # few days with many statements each, and undated ones past the page
    Speaker("Yorrick Tamm", [("2021-01-01", 40), ("2021-02-01", 45), ("2021-03-01", 40), (None, 30)]),
    # mixed date types
    Speaker("Feodor Lusk", [("2019", 20), ("2019-05", 20), ("2019-05-03", 20), ("2019-12-31", 20),
                            ("2020", 10), ("2020-01", 10), ("2018-07-09", 15), (None, 5)]),
    # no date at all
    Speaker("Hallam Reiss", [(None, 120)]),
    # three speakers of one name ("Tvinns") on the same 33 days, then 2 each on one day:
    # 99 statements before it, so the 100th row is the first of 6 on that day (a page
    # taken from 101 (speaker, day) pairs would leave one speaker's 2 out)
    Speaker("Orla Tvinn", _days(200, 33) + [("2020-05-01", 2)] + _days(1, 30), alias="Tvinns"),
    Speaker("Ebba Tvinn", _days(200, 33) + [("2020-05-01", 2)] + _days(40, 10), alias="Tvinns"),
    Speaker("Ilka Tvinn", _days(200, 33) + [("2020-05-01", 2)], alias="Tvinns"),
]
#: names to ask for: each label, the shared alias, and a name not in the graph
NAMES = [s.label for s in SPEAKERS] + ["Tvinns", "Quillon Dask"]
#: Dates of mixed types come in each engine's order (rdflib groups them by datatype,
#: Oxigraph puts them on one time line, Virtuoso ties "2020" with "2020-01"), so that
#: speaker's rows are only compared with the reference on the same store.
MIXED = "Feodor Lusk"


def _date(value: str) -> Literal:
    from rdflib.namespace import XSD  # not a module name: pytest's collection probes it

    datatype = {4: XSD.gYear, 7: XSD.gYearMonth}.get(len(value), XSD.date)
    return Literal(value, datatype=datatype)


def make_graph(path: Path, speakers: list[Speaker]) -> Path:
    """Write the statements of ``speakers`` as a TriG file with kg's layout."""
    dataset = Dataset()
    default = dataset.default_graph
    for speaker in speakers:
        n = SPEAKERS.index(speaker)
        who = URIRef(f"{ID_BASE}person/speaker-{n}")
        default.add((who, RDF.type, KG.Person))
        default.add((who, RDFS.label, Literal(speaker.label)))
        if speaker.alias:
            default.add((who, SKOS.altLabel, Literal(speaker.alias)))
        for i, (iri, day) in enumerate(speaker.statements()):
            ident = f"stm-{n}-{day}.txt"  # one document per speaker and date
            doc = URIRef(f"{ID_BASE}doc/{ident}")
            default.add((doc, RDF.type, KG.Document))
            default.add((doc, DCTERMS.identifier, Literal(ident)))
            statement = URIRef(iri)
            default.add((who, KG.said, statement))
            dataset.graph(doc).add((who, KG.said, statement))
            default.add((statement, RDF.type, KG.Statement))
            default.add((statement, KG.text, Literal(f"{speaker.label} said {i} on {day}.")))
            default.add((statement, KG.isDirectQuote, Literal(i % 2 == 0)))
            default.add((statement, PROV.wasDerivedFrom, doc))
            if day:
                default.add((doc, DCTERMS.date, _date(day)))
                default.add((statement, DCTERMS.date, _date(day)))
    dataset.serialize(path, format="trig")
    return path


def speakers_of(name: str) -> list[Speaker]:
    """The speakers ``name`` finds, and one more on the same days (whose statements
    must not be on the page)."""
    found = [s for s in SPEAKERS if name in (s.label, s.alias)]
    other = SPEAKERS[5] if SPEAKERS[5] not in found else SPEAKERS[0]
    return [*found, other]


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("statements")


@pytest.fixture(scope="module")
def graph_file(folder) -> Path:
    """Every speaker in one graph."""
    return make_graph(folder / "all.trig", SPEAKERS)


@pytest.fixture(scope="module")
def oxigraph(graph_file) -> kq.KgGraph:
    return kq.load(graph_file, "oxigraph")


def _cells(terms: list[tuple]) -> list[tuple]:
    return [tuple(None if t is None else str(t) for t in row) for row in terms]


def reference(graph: kq.KgGraph, name: str) -> tuple[list[tuple], bool]:
    """The rows (as strings) and the "more" flag of :data:`REFERENCE` for ``name``,
    asked as KgGraph.ask asks a saved question."""
    bindings = {"person": graph.spelling(name)}
    result = graph.query(REFERENCE.text_for(bindings), bindings, limit=REFERENCE.rows)
    return _cells(result.terms), result.truncated


def saved(graph: kq.KgGraph, name: str) -> tuple[list[tuple], bool]:
    """The same of the saved question."""
    result = graph.ask("statements", {"person": name})
    return _cells(result.terms), result.truncated


@pytest.fixture(scope="module")
def expected(oxigraph) -> dict[str, tuple[list[tuple], bool]]:
    """Each name's rows and "more" flag from REFERENCE on the graph of every speaker."""
    return {name: reference(oxigraph, name) for name in NAMES}


def test_the_cases_are_what_they_say(expected):
    """The page boundaries the cases were made for (so the comparisons below test them)."""
    def page(name: str) -> list[str]:  # the statements of the page, in order
        return [row[-1] for row in expected[name][0]]

    for speaker in SPEAKERS:
        if speaker.label == MIXED:
            continue
        statements = speaker.statements()
        ranked = sorted((s for s in statements if s[1]), key=lambda s: s[0])
        ranked.sort(key=lambda s: s[1], reverse=True)  # newest first, IRI order within a day
        ranked += sorted((s for s in statements if s[1] is None), key=lambda s: s[0])
        assert page(speaker.label) == [s[0] for s in ranked[:100]], speaker.label
        assert expected[speaker.label][1] == (len(ranked) > 100), speaker.label
    assert len({day for day, _ in SPEAKERS[0].per_date if day}) > 101  # the 101 days are cut
    dates = [row[0] for row in expected["Tobiah Quenn"][0]]
    assert dates[99] == "2020-02-15" and dates.count("2020-02-15") < 12  # the page ends inside a tie
    assert [row[0] for row in expected["Dunmore Pell"][0]].count(None) == 20
    assert [row[0] for row in expected["Caske Abernal"][0]].count(None) == 0
    tvinns = expected["Tvinns"][0]
    assert {row[1] for row in tvinns} == {"Orla Tvinn", "Ebba Tvinn", "Ilka Tvinn"}
    assert [row[0] for row in tvinns].index("2020-05-01") == 99
    assert len({row[0][:4] for row in expected[MIXED][0]}) > 1
    assert expected["Quillon Dask"] == ([], False)


def test_oxigraph(oxigraph, expected):
    for name in NAMES:
        assert saved(oxigraph, name) == expected[name], name


@pytest.mark.parametrize("name", NAMES)
def test_rdflib(folder, expected, name):
    graph = kq.load(make_graph(folder / f"{name}.trig", speakers_of(name)), "rdflib")
    mine = saved(graph, name)
    assert mine == reference(graph, name)
    if name != MIXED:
        assert mine == expected[name]


def test_a_union_default_graph(graph_file, expected):
    """On a store whose default graph is the union of the graphs (kg:said seen twice): the
    plain query ``kg ask --print-query`` prints, against REFERENCE, both cut to the page."""
    store = ox.Store()
    store.load(path=str(graph_file), format=ox.RdfFormat.TRIG)
    prefixes = {p: str(ns) for p, ns in PREFIXES.items()}

    def rows(text: str) -> tuple[list[tuple], bool]:
        found = [tuple(None if t is None else t.value for t in solution)
                 for solution in store.query(text, prefixes=prefixes, use_default_graph_as_union=True)]
        return found[:100], len(found) > 100

    for name in NAMES:
        mine = rows(question_named("statements").plain_query({"person": name}))
        assert mine == rows(REFERENCE.plain_query({"person": name})), name
        if name != MIXED:
            assert mine == expected[name], name


def test_virtuoso(graph_file, expected):
    with virtuoso_server(graph_file) as url:
        graph = kq.connect(url)
        for name in NAMES:
            mine = saved(graph, name)
            assert mine == reference(graph, name), name
            if name != MIXED:
                assert mine == expected[name], name
