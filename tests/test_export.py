"""kg export: the RDF -> networkx mapping, its filters, every format, the CLI.

Two inputs: ``tests/data/export-mini.trig`` (hand-written, follows the query
contract) and the seed corpus as ``kg build`` writes it.
"""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset, Literal, Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.cli import main
from kg.errors import OutputError, UsageError
from kg.export import to_networkx
from kg.export.write import write
from kg.namespaces import KG, WD

DATA = Path(__file__).parent / "data"
MINI = DATA / "export-mini.trig"
ROOT = Path(__file__).resolve().parent.parent
ID = Namespace("https://w3id.org/kg-news/id/")

PUTIN = str(ID["person/vladimir-putin"])
RUSSIA = str(ID["country/russia"])
ARMENIA = str(ID["country/armenia"])
CSTO = str(ID["organization/csto"])

HOSTILE_LABELS = [
    "<script>alert(1)</script>",
    "</script><script>window.__pwned = 1</script>",
    "He said \"no\" & 'yes' <b>bold</b>",
    "tab\there, bell\x07 and escape\x1b[31m red",
    "back\\slash {braces} [brackets] $x^2$ %s ; -- -> \\N",
    "Владимир Путин",
    "中文标签 العربية",
    "line\u2028separator\u2029paragraph",
    "<!-- comment --> ]]> &amp;",
]
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


# -- fixtures ------------------------------------------------------------------

@pytest.fixture(scope="module")
def mini() -> nx.MultiDiGraph:
    return to_networkx(MINI)


def hostile_dataset() -> Dataset:
    """A contract-following graph whose labels and texts try to break every format."""
    ds = Dataset(default_union=True)
    doc = ID["doc/hostile-txt"]
    entities = []
    kinds = [KG.Person, KG.Organization, KG.Country, KG.Place]
    for i, label in enumerate(HOSTILE_LABELS):
        entity = ID[f"person/hostile-{i}"] if i % 4 == 0 else ID[f"thing/hostile-{i}"]
        ds.add((entity, RDF.type, kinds[i % 4]))
        ds.add((entity, RDFS.label, Literal(label)))
        ds.add((entity, SKOS.altLabel, Literal(label + " (alias)")))
        entities.append(entity)
    ds.add((entities[0], OWL.sameAs, WD["Q1"]))
    g = ds.graph(doc)
    g.add((doc, RDF.type, KG.Document))
    g.add((doc, DCTERMS.identifier, Literal("hostile <doc>.txt")))
    g.add((doc, DCTERMS.title, Literal(HOSTILE_LABELS[1])))
    for entity in entities:
        g.add((doc, KG.mentions, entity))
    for i in range(1, len(entities)):
        subject, obj = entities[i], entities[i - 1]
        ds.add((subject, KG.memberOf, obj))
        assertion = ID[f"assertion/h{i}"]
        g.add((assertion, RDF.type, KG.Assertion))
        g.add((assertion, RDF.subject, subject))
        g.add((assertion, RDF.predicate, KG.memberOf))
        g.add((assertion, RDF.object, obj))
        g.add((assertion, PROV.wasDerivedFrom, doc))
        g.add((assertion, KG.evidence, Literal(HOSTILE_LABELS[(i + 1) % len(HOSTILE_LABELS)])))
        g.add((assertion, KG.confidence, Literal(0.5, datatype=XSD.decimal)))
    statement = ID["statement/h1"]
    ds.add((entities[0], KG.said, statement))
    g.add((statement, RDF.type, KG.Statement))
    g.add((statement, KG.text, Literal(HOSTILE_LABELS[0] + " " + HOSTILE_LABELS[1])))
    g.add((statement, KG.isDirectQuote, Literal(True)))
    g.add((statement, PROV.wasDerivedFrom, doc))
    g.add((statement, KG.mentions, entities[1]))
    return ds


@pytest.fixture(scope="module")
def hostile_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "hostile.trig"
    hostile_dataset().serialize(destination=str(path), format="trig")
    return path


@pytest.fixture(scope="module")
def hostile(hostile_file) -> nx.MultiDiGraph:
    return to_networkx(hostile_file, statements="nodes", include_documents=True)


@pytest.fixture(scope="module")
def seed_graph(tmp_path_factory) -> Path:
    """The seed corpus as ``kg build`` writes it."""
    out = tmp_path_factory.mktemp("seed") / "graph.trig"
    rc = main(["build", str(ROOT / "corpus"), "-o", str(out)])
    if rc != 0 or not out.is_file():
        pytest.fail(f"kg build corpus failed with exit code {rc}")
    return out


def labels(graph: nx.MultiDiGraph) -> set[str]:
    return {data["label"] for _, data in graph.nodes(data=True)}


def edge(graph: nx.MultiDiGraph, u: str, v: str, relation: str) -> dict:
    return graph.edges[u, v, relation]


# -- the mapping -----------------------------------------------------------------

def test_entities_are_nodes_with_their_attributes(mini):
    assert mini.number_of_nodes() == 14
    putin = mini.nodes[PUTIN]
    assert putin["label"] == "Vladimir Putin"
    assert putin["type"] == "Person"
    assert putin["wikidata"] == "Q7747"
    assert putin["mentions"] == 2
    assert putin["documents"] == ["a.txt", "b.txt"]
    assert putin["aliases"] == ["President Putin", "Putin"]
    assert {d["type"] for _, d in mini.nodes(data=True)} == {"Person", "Organization", "Country", "Place"}


def test_no_ontology_scaffolding_in_the_picture(mini):
    for node in mini.nodes:
        assert "/assertion/" not in node and "/position/" not in node and "/doc/" not in node
    assert "Position" not in {d["type"] for _, d in mini.nodes(data=True)}


def test_relation_edges_carry_their_sources_and_evidence(mini):
    membership = edge(mini, ARMENIA, CSTO, "memberOf")
    assert membership["relation"] == "memberOf"
    assert membership["sources"] == 3
    assert membership["documents"] == ["a.txt", "b.txt", "c.txt"]
    assert membership["confidence"] == pytest.approx(0.9)
    assert membership["dates"] == ["2023-01-10", "2023-02-01"]
    texts = [item["text"] for item in membership["evidence"]]
    assert "Armenia is a member of the CSTO." in texts and len(texts) == 3
    assert edge(mini, RUSSIA, CSTO, "memberOf")["sources"] == 2


def test_positions_fold_into_official_of_with_the_title(mini):
    assert edge(mini, PUTIN, RUSSIA, "officialOf")["title"] == "President"
    lavrov = edge(mini, str(ID["person/sergey-lavrov"]), RUSSIA, "officialOf")
    assert lavrov["title"] == "Foreign Minister"  # only kg:holdsPosition in the data
    assert lavrov["sources"] == 1


def test_a_negated_relation_is_no_edge(mini):
    assert not mini.has_edge(str(ID["country/azerbaijan"]), CSTO, "memberOf")


def test_statements_fold_into_said_about_edges(mini):
    said = edge(mini, PUTIN, ARMENIA, "saidAbout")
    assert said["evidence"][0]["text"] == "The CSTO stands with Armenia."
    assert said["evidence"][0]["document"] == "a.txt"
    statements = mini.nodes[PUTIN]["statements"]
    assert [s["text"] for s in statements] == ["The CSTO stands with Armenia.",
                                                "We call on Azerbaijan to respect the ceasefire."]
    # a statement that mentions no one still belongs to its speaker
    assert mini.nodes[str(ID["person/nikol-pashinyan"])]["statements"][0]["text"] == "We expect concrete steps."


def test_statements_as_nodes():
    graph = to_networkx(MINI, statements="nodes")
    statements = [n for n, d in graph.nodes(data=True) if d["type"] == "Statement"]
    assert len(statements) == 4
    assert not any(k == "saidAbout" for _, _, k in graph.edges(keys=True))
    s1 = str(ID["statement/s1"])
    assert graph.has_edge(PUTIN, s1, "said")
    assert graph.has_edge(s1, ARMENIA, "mentions") and graph.has_edge(s1, CSTO, "mentions")
    assert graph.nodes[s1]["direct"] is True and graph.nodes[s1]["speaker"] == "Vladimir Putin"


def test_statements_none():
    graph = to_networkx(MINI, statements="none")
    assert not any(k in ("saidAbout", "said") for _, _, k in graph.edges(keys=True))
    assert "statements" not in graph.nodes[PUTIN]
    with pytest.raises(UsageError):
        to_networkx(MINI, statements="sometimes")


def test_documents_as_nodes():
    graph = to_networkx(MINI, include_documents=True)
    docs = {d["identifier"]: n for n, d in graph.nodes(data=True) if d["type"] == "Document"}
    assert sorted(docs) == ["a.txt", "b.txt", "c.txt"]
    assert graph.nodes[docs["a.txt"]]["label"] == "Defense pact does not apply to Karabakh"
    assert {v for _, v in graph.out_edges(docs["b.txt"])} == {
        PUTIN, RUSSIA, ARMENIA, CSTO, str(ID["country/kazakhstan"]), str(ID["country/azerbaijan"])}


def test_rdflib_dataset_and_oxigraph_store_read_the_same(mini):
    import pyoxigraph

    ds = Dataset(default_union=True)
    ds.parse(MINI, format="trig")
    store = pyoxigraph.Store()
    store.load(path=str(MINI), format=pyoxigraph.RdfFormat.TRIG)
    for source in (ds, store):
        assert nx.utils.graphs_equal(to_networkx(source), mini)
        assert dict(to_networkx(source).nodes(data=True)) == dict(mini.nodes(data=True))


@pytest.mark.parametrize("suffix,fmt", [(".nq", "nquads"), (".jsonld", "json-ld")])
def test_other_rdf_formats_load(tmp_path, mini, suffix, fmt):
    ds = Dataset(default_union=True)
    ds.parse(MINI, format="trig")
    path = tmp_path / f"mini{suffix}"
    ds.serialize(destination=str(path), format=fmt)
    assert nx.utils.graphs_equal(to_networkx(path), mini)


# -- filters ------------------------------------------------------------------------

def test_relation_filter_keeps_those_edges_and_their_actors():
    graph = to_networkx(MINI, relations=["memberOf"])
    assert {k for _, _, k in graph.edges(keys=True)} == {"memberOf"}
    assert labels(graph) == {"Armenia", "Russia", "Kazakhstan", "Collective Security Treaty Organization"}
    both = to_networkx(MINI, relations=["memberOf", "coChairOf"])
    assert {k for _, _, k in both.edges(keys=True)} == {"memberOf", "coChairOf"}
    assert both.number_of_edges() == 6
    with pytest.raises(UsageError, match="unknown relation"):
        to_networkx(MINI, relations=["friendOf"])


def test_around_keeps_the_neighbourhood():
    one = to_networkx(MINI, around="Putin", hops=1)
    assert labels(one) == {"Vladimir Putin", "Russia", "Armenia", "Azerbaijan",
                           "Collective Security Treaty Organization"}
    two = to_networkx(MINI, around="vladimir putin", hops=2)
    assert {"OSCE Minsk Group", "Moscow", "Sergey Lavrov", "Kazakhstan", "Dmitry Peskov"} <= labels(two)
    assert "France" not in labels(two)  # three hops away
    assert labels(to_networkx(MINI, around="KARABAKH", hops=0)) == {"Nagorno-Karabakh"}


def test_around_an_unknown_name_lists_close_matches():
    with pytest.raises(UsageError, match="Putin") as err:
        to_networkx(MINI, around="Puttin")
    assert "\n" not in str(err.value)
    with pytest.raises(UsageError, match="no actor called"):
        to_networkx(MINI, around="Zzyzx")


def test_document_filter_keeps_what_the_article_says():
    graph = to_networkx(MINI, documents=["c.txt"])
    assert labels(graph) == {"Armenia", "Russia", "France", "United States", "OSCE Minsk Group",
                             "Nikol Pashinyan", "Sergey Lavrov", "Collective Security Treaty Organization"}
    membership = edge(graph, ARMENIA, CSTO, "memberOf")
    assert membership["sources"] == 1 and membership["documents"] == ["c.txt"]
    assert not graph.has_edge(RUSSIA, CSTO, "memberOf")  # read from a.txt and b.txt only
    with pytest.raises(UsageError, match="c.txt"):
        to_networkx(MINI, documents=["d.txt"])


def test_min_sources():
    graph = to_networkx(MINI, min_sources=2)
    assert sorted((graph.nodes[u]["label"], k) for u, _, k in graph.edges(keys=True)) == [
        ("Armenia", "memberOf"), ("Russia", "memberOf")]


# -- formats ----------------------------------------------------------------------------

def export(graph: nx.MultiDiGraph, tmp_path: Path, suffix: str) -> Path:
    path = tmp_path / f"graph{suffix}"
    write(graph, path, {".cyjs": "cytoscape"}.get(suffix, suffix.lstrip(".")), title="test <graph>")
    assert path.is_file()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    return path


def xml_safe(text: str) -> str:
    return XML_ILLEGAL.sub("", text)


def read_gexf_with_igraph(path: Path):
    """igraph has no GEXF reader: build an igraph.Graph from the GEXF XML."""
    import igraph

    root = ET.parse(path).getroot()
    ns = {"g": root.tag.split("}")[0].strip("{")}
    nodes = root.findall(".//g:nodes/g:node", ns)
    index = {n.get("id"): i for i, n in enumerate(nodes)}
    edges = [(index[e.get("source")], index[e.get("target")]) for e in root.findall(".//g:edges/g:edge", ns)]
    graph = igraph.Graph(n=len(nodes), edges=edges, directed=True)
    graph.vs["label"] = [n.get("label") for n in nodes]
    return graph


@pytest.fixture(params=["mini", "mini-nodes", "hostile"])
def any_graph(request, mini, hostile):
    if request.param == "mini-nodes":
        return to_networkx(MINI, statements="nodes", include_documents=True)
    return {"mini": mini, "hostile": hostile}[request.param]


def test_graphml_rereads_in_networkx_and_igraph(any_graph, tmp_path):
    import igraph

    path = export(any_graph, tmp_path, ".graphml")
    back = nx.read_graphml(path)
    assert (back.number_of_nodes(), back.number_of_edges()) == (any_graph.number_of_nodes(),
                                                                any_graph.number_of_edges())
    assert {d["label"] for _, d in back.nodes(data=True)} == {xml_safe(label) for label in labels(any_graph)}
    ig = igraph.Graph.Read_GraphML(str(path))
    assert (ig.vcount(), ig.ecount()) == (any_graph.number_of_nodes(), any_graph.number_of_edges())
    assert set(ig.vs["label"]) == {xml_safe(label) for label in labels(any_graph)}
    assert set(ig.es["relation"]) == {k for _, _, k in any_graph.edges(keys=True)}


def test_gexf_rereads_in_networkx_and_igraph(any_graph, tmp_path):
    path = export(any_graph, tmp_path, ".gexf")
    back = nx.read_gexf(path)
    assert (back.number_of_nodes(), back.number_of_edges()) == (any_graph.number_of_nodes(),
                                                                any_graph.number_of_edges())
    assert {d["label"] for _, d in back.nodes(data=True)} == {xml_safe(label) for label in labels(any_graph)}
    ig = read_gexf_with_igraph(path)
    assert (ig.vcount(), ig.ecount()) == (any_graph.number_of_nodes(), any_graph.number_of_edges())
    assert set(ig.vs["label"]) == {xml_safe(label) for label in labels(any_graph)}


def test_cytoscape_json(any_graph, tmp_path):
    doc = json.loads(export(any_graph, tmp_path, ".cyjs").read_text(encoding="utf-8"))
    nodes, edges = doc["elements"]["nodes"], doc["elements"]["edges"]
    assert (len(nodes), len(edges)) == (any_graph.number_of_nodes(), any_graph.number_of_edges())
    assert {n["data"]["name"] for n in nodes} == labels(any_graph)  # JSON keeps every character
    ids = {n["data"]["id"] for n in nodes}
    assert all(e["data"]["source"] in ids and e["data"]["target"] in ids for e in edges)
    assert len({e["data"]["id"] for e in edges} | ids) == len(edges) + len(nodes)


def test_node_link_json(any_graph, tmp_path):
    doc = json.loads(export(any_graph, tmp_path, ".json").read_text(encoding="utf-8"))
    back = nx.node_link_graph(doc, edges="edges")
    assert nx.utils.graphs_equal(back, any_graph)


def dot_unquote(value: str) -> str:
    assert value.startswith('"') and value.endswith('"'), value
    return re.sub(r"\\(.)", lambda m: {"n": "\n"}.get(m.group(1), m.group(1)), value[1:-1])


def test_dot_parses_with_pydot(any_graph, tmp_path):
    import pydot

    parsed = pydot.graph_from_dot_file(str(export(any_graph, tmp_path, ".dot")), encoding="utf-8")
    assert parsed and len(parsed) == 1
    dot = parsed[0]
    nodes = [n for n in dot.get_nodes() if n.get_name() not in ("node", "edge", "graph")]
    assert len(nodes) == any_graph.number_of_nodes()
    assert len(dot.get_edges()) == any_graph.number_of_edges()
    got = {dot_unquote(n.get_attributes()["label"]) for n in nodes}
    assert got == {xml_safe(label) for label in labels(any_graph)}


def test_hostile_labels_survive_the_page(hostile, tmp_path):
    page = export(hostile, tmp_path, ".html").read_text(encoding="utf-8")
    assert page.lower().count("<script") == 3 and page.lower().count("</script") == 3
    assert "<script>alert(1)" not in page and "<script>window.__pwned" not in page
    assert "\u2028" not in page and "\u2029" not in page  # raw separators end a JS line
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    data = json.loads(match.group(1))
    assert {n["data"]["label"] for n in data["elements"]["nodes"]} == labels(hostile)
    assert "<title>test &lt;graph&gt;</title>" in page
    assert "Copyright (c) 2016-2026, The Cytoscape Consortium" in page  # MIT notice kept


def test_page_of_a_big_graph_shows_the_most_connected_part(tmp_path):
    from kg.export.page import render_page

    big = nx.MultiDiGraph()
    for i in range(60):
        big.add_node(f"n{i}", label=f"node {i}", type="Country", mentions=1)
    for i in range(1, 60):
        big.add_edge("n0", f"n{i}", key="memberOf", relation="memberOf", sources=1)
    page = render_page(big, "big", max_nodes=10)
    data = json.loads(re.search(r'id="kg-data">(.*?)</script>', page, re.S).group(1))
    assert data["truncated"] and data["total_nodes"] == 60 and data["shown_nodes"] == 10
    assert len(data["elements"]["nodes"]) == 10
    assert "n0" in {n["data"]["id"] for n in data["elements"]["nodes"]}


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_pictures(any_graph, tmp_path, suffix):
    path = export(any_graph, tmp_path, suffix)
    if suffix == ".png":
        from matplotlib.image import imread

        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        pixels = imread(path)
        coloured = (pixels[..., :3].min(axis=2) < 0.9).mean()
        assert pixels.shape[0] > 500 and coloured > 0.01
    else:
        root = ET.parse(path).getroot()
        text = "".join(root.itertext())
        assert "Vladimir Putin" in text or "Владимир Путин" in text
        assert "Country" in text  # the legend


# -- the command ------------------------------------------------------------------------

@pytest.mark.parametrize("suffix", [".graphml", ".gexf", ".cyjs", ".json", ".dot", ".html", ".png", ".svg"])
def test_cli_writes_each_format(tmp_path, suffix):
    out = tmp_path / "sub" / f"graph{suffix}"
    assert main(["export", str(MINI), "-o", str(out)]) == 0
    assert out.stat().st_size > 1000


def test_cli_filters(tmp_path):
    out = tmp_path / "g.json"
    assert main(["export", str(MINI), "-o", str(out), "--relation", "memberOf,coChairOf",
                 "--min-sources", "1"]) == 0
    back = nx.node_link_graph(json.loads(out.read_text()), edges="edges")
    assert {k for _, _, k in back.edges(keys=True)} == {"memberOf", "coChairOf"}
    assert main(["export", str(MINI), "-o", str(out), "--around", "Putin", "--hops", "2",
                 "--statements", "nodes", "--documents", "--document", "a.txt"]) == 0
    back = nx.node_link_graph(json.loads(out.read_text()), edges="edges")
    assert {d["type"] for _, d in back.nodes(data=True)} >= {"Statement", "Document", "Person"}
    assert main(["export", str(MINI), "-o", str(out), "--max-nodes", "3"]) == 0
    assert len(json.loads(out.read_text())["nodes"]) == 3
    assert main(["export", str(MINI), "-o", str(tmp_path / "x.data"), "--format", "cyjs"]) == 0
    assert "elements" in json.loads((tmp_path / "x.data").read_text())


def test_cli_errors(tmp_path, capsys):
    out = tmp_path / "graph.graphml"
    out.write_text("keep me")
    assert main(["export", str(MINI), "-o", str(tmp_path / "graph.xyz")]) == 4
    assert main(["export", str(MINI), "-o", str(out), "--format", "pdf"]) == 4
    assert main(["export", str(MINI), "-o", str(out), "--around", "Puttin"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("kg export: error: no actor called 'Puttin'") and "Vladimir Putin" in err[-1]
    assert main(["export", str(tmp_path / "missing.trig"), "-o", str(out)]) == 3
    bad = tmp_path / "bad.trig"
    bad.write_text("this is not trig <")
    assert main(["export", str(bad), "-o", str(out)]) == 3
    assert out.read_text() == "keep me"  # nothing half-written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.trig", "graph.graphml"]
    with pytest.raises(OutputError):
        write(to_networkx(MINI), tmp_path / "g.pdf", "pdf")


# -- the seed corpus -------------------------------------------------------------------------

def test_seed_graph_round_trips_in_every_format(seed_graph, tmp_path):
    import igraph

    graph = to_networkx(seed_graph)
    ig = igraph.Graph.Read_GraphML(str(export(graph, tmp_path, ".graphml")))
    assert (ig.vcount(), ig.ecount()) == (graph.number_of_nodes(), graph.number_of_edges())
    back = nx.read_gexf(export(graph, tmp_path, ".gexf"))
    assert (back.number_of_nodes(), back.number_of_edges()) == (graph.number_of_nodes(), graph.number_of_edges())
    doc = json.loads(export(graph, tmp_path, ".cyjs").read_text())
    assert len(doc["elements"]["nodes"]) == graph.number_of_nodes()
    assert main(["export", str(seed_graph), "-o", str(tmp_path / "graph.png")]) == 0
    assert main(["export", str(seed_graph), "-o", str(tmp_path / "graph.html")]) == 0


def test_seed_graph_has_the_csto_members(seed_graph):
    graph = to_networkx(seed_graph, relations=["memberOf"])
    members = {graph.nodes[u]["label"]: d["sources"] for u, v, d in graph.edges(data=True)
               if "CSTO" in graph.nodes[v].get("aliases", []) + [graph.nodes[v]["label"]]}
    assert members.get("Armenia") == 3
    assert {"Russia", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Belarus"} <= set(members)


def test_seed_graph_has_the_offices_and_co_chairs(seed_graph):
    graph = to_networkx(seed_graph, relations=["officialOf", "coChairOf"])
    facts = {(graph.nodes[u]["label"], k, graph.nodes[v]["label"]) for u, v, k in graph.edges(keys=True)}
    assert ("Vladimir Putin", "officialOf", "Russia") in facts
    assert {u for u, k, _ in facts if k == "coChairOf"} >= {"France", "Russia", "United States"}


def test_seed_graph_putin_has_statements_and_a_neighbourhood(seed_graph):
    graph = to_networkx(seed_graph, around="Putin", hops=1)
    putin = next(n for n, d in graph.nodes(data=True) if d["label"] == "Vladimir Putin")
    assert graph.nodes[putin]["statements"]
    assert all(s.get("document") for s in graph.nodes[putin]["statements"])
    assert graph.number_of_nodes() > 2


# -- the streaming writers against networkx's own ------------------------------------

def scalar_copy(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """What GraphML/GEXF should hold: scalar, XML-clean values, an edge label."""
    from kg.export.formats import clean_text, edge_label, scalar_value

    def value(v):
        return v if isinstance(v, (bool, int, float)) else clean_text(scalar_value(v))

    out = nx.MultiDiGraph()
    out.graph.update({k: value(v) for k, v in graph.graph.items()})
    for node, data in graph.nodes(data=True):
        out.add_node(clean_text(node), **{k: value(v) for k, v in data.items()})
    for u, v, key, data in graph.edges(keys=True, data=True):
        out.add_edge(clean_text(u), clean_text(v), key=clean_text(key),
                     **{k: value(val) for k, val in data.items()}, label=edge_label(data))
    return out


def edge_data(graph: nx.Graph) -> list[dict]:
    return [d for *_, d in graph.edges(data=True)]


def same_graph(a: nx.Graph, b: nx.Graph) -> None:
    assert (a.is_multigraph(), a.is_directed()) == (b.is_multigraph(), b.is_directed())
    assert dict(a.nodes(data=True)) == dict(b.nodes(data=True))
    rows = lambda g: sorted((u, v, sorted(d.items())) for u, v, d in g.edges(data=True))  # noqa: E731
    assert rows(a) == rows(b)


@pytest.mark.parametrize("statements", ["fold", "nodes"])
def test_graphml_writer_reads_back_like_networkx_own(hostile_file, tmp_path, statements):
    graph = to_networkx(hostile_file, statements=statements, include_documents=True)
    graph.graph["name"] = HOSTILE_LABELS[2]
    ours = nx.read_graphml(export(graph, tmp_path, ".graphml"), force_multigraph=True)
    theirs_path = tmp_path / "networkx.graphml"
    nx.write_graphml(scalar_copy(graph), theirs_path)
    theirs = nx.read_graphml(theirs_path, force_multigraph=True)
    same_graph(ours, theirs)
    assert ours.graph == theirs.graph and ours.graph["name"] == HOSTILE_LABELS[2]
    # and the values are the mapping's, every character but the XML-illegal ones kept
    for node, data in graph.nodes(data=True):
        back = ours.nodes[xml_safe(node)]
        assert back["label"] == xml_safe(data["label"])
        assert back["mentions"] == data["mentions"] and type(back["mentions"]) is int
        if "direct" in data:
            assert back["direct"] is data["direct"]


@pytest.mark.parametrize("statements", ["fold", "nodes"])
def test_gexf_writer_reads_back_like_networkx_own(hostile_file, tmp_path, statements):
    graph = to_networkx(hostile_file, statements=statements, include_documents=True)
    graph.graph["name"] = HOSTILE_LABELS[2]
    ours = nx.read_gexf(export(graph, tmp_path, ".gexf"))
    theirs_path = tmp_path / "networkx.gexf"
    nx.write_gexf(scalar_copy(graph), theirs_path)
    theirs = nx.read_gexf(theirs_path)
    for back in (ours, theirs):  # Gephi's drawing hints are ours alone
        for _, data in back.nodes(data=True):
            data.pop("viz", None)
        for data in edge_data(back):
            data.pop("id", None)
    same_graph(ours, theirs)
    assert ours.graph["name"] == theirs.graph["name"] == HOSTILE_LABELS[2]
    confidences = [d["confidence"] for d in edge_data(ours) if "confidence" in d]
    assert confidences and all(type(c) is float for c in confidences)


def test_dot_writer_quotes_every_value(hostile, tmp_path):
    import pydot

    dot = pydot.graph_from_dot_file(str(export(hostile, tmp_path, ".dot")), encoding="utf-8")[0]
    nodes = {dot_unquote(n.get_name()): n.get_attributes() for n in dot.get_nodes()
             if n.get_name() not in ("node", "edge", "graph")}
    assert set(nodes) == {xml_safe(n) for n in hostile.nodes}
    for node, data in hostile.nodes(data=True):
        attrs = {k: dot_unquote(v) for k, v in nodes[xml_safe(node)].items()}
        assert attrs["label"] == xml_safe(data["label"]) and attrs["type"] == data["type"]
    relations = sorted(dot_unquote(e.get_attributes()["relation"]) for e in dot.get_edges())
    assert relations == sorted(k for _, _, k in hostile.edges(keys=True))


# -- speed-minded paths keep the meaning --------------------------------------------------

@pytest.mark.parametrize("statements", ["fold", "nodes"])
@pytest.mark.parametrize("hops", [0, 1, 2])
def test_around_is_the_induced_subgraph_of_the_whole(statements, hops):
    whole = to_networkx(MINI, statements=statements)
    cut = to_networkx(MINI, statements=statements, around="Putin", hops=hops)
    keep = nx.single_source_shortest_path_length(whole.to_undirected(as_view=True), PUTIN, cutoff=hops)
    expected = whole.subgraph(keep)
    assert dict(cut.nodes(data=True)) == dict(expected.nodes(data=True))
    assert sorted(cut.edges(keys=True)) == sorted(expected.edges(keys=True))
    assert all(cut.edges[e] == whole.edges[e] for e in cut.edges(keys=True))
    assert list(cut.nodes) == [n for n in whole.nodes if n in keep]  # the whole graph's order


@pytest.mark.parametrize("options", [[], ["--around", "Putin", "--hops", "2"], ["--max-nodes", "5"],
                                     ["--statements", "nodes", "--documents"]])
def test_same_input_gives_the_same_bytes(tmp_path, options):
    """Two processes with different string hashing write identical files."""
    import os
    import subprocess
    import sys

    for suffix in (".graphml", ".gexf", ".cyjs", ".json", ".dot"):
        outputs = []
        for seed in ("1", "2"):
            out = tmp_path / f"{seed}{suffix}"
            env = {**os.environ, "PYTHONHASHSEED": seed}
            subprocess.run([sys.executable, "-m", "kg", "export", str(MINI), "-o", str(out), *options],
                           check=True, env=env, capture_output=True)
            outputs.append(out.read_bytes())
        assert outputs[0] == outputs[1], suffix


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "cytoscape", "json", "dot", "html", "svg"])
def test_a_lone_surrogate_label_is_written_as_a_replacement_character(tmp_path, mini, fmt):
    graph = mini.copy()
    node = next(iter(graph.nodes))
    graph.nodes[node]["label"] = "Velorian\ud800Union"
    path = tmp_path / f"graph.{fmt}"
    write(graph, path, fmt)
    assert "Velorian\ufffdUnion" in path.read_bytes().decode("utf-8")
    assert mini.nodes[node]["label"] != "Velorian\ud800Union"  # the caller's graph is left alone
