"""kg.serialize: every format round-trips, output is byte-identical, writes are atomic."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from graph_records import build, hostile_records, ox_term, sample_records
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg import serialize
from kg.errors import OutputError
from kg.iris import document_iri
from kg.namespaces import KG, ONTOLOGY_IRI
from kg.rdfio import FORMATS
from kg.serialize import QUAD_FORMATS, serialize_bytes, write_dataset

OX_READ = {
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".jsonld": ox.RdfFormat.JSON_LD,
}


def expected_lines(ds: Dataset, keep_graphs: bool) -> set[str]:
    """The dataset as a set of N-Quads lines (graph names dropped for triple formats)."""
    lines = set()
    for s, p, o, g in ds.quads((None, None, None, None)):
        name = getattr(g, "identifier", g)
        if keep_graphs and name != DATASET_DEFAULT_GRAPH_ID:
            quad = ox.Quad(ox_term(s), ox_term(p), ox_term(o), ox_term(name))
        else:
            quad = ox.Quad(ox_term(s), ox_term(p), ox_term(o), ox.DefaultGraph())
        lines.add(str(quad))
    return lines


def rdflib_lines(path: Path, keep_graphs: bool) -> set[str]:
    """Read ``path`` with rdflib, independently of pyoxigraph's parser."""
    ds = Dataset()
    ds.parse(str(path), format=FORMATS[path.suffix])
    return expected_lines(ds, keep_graphs)


def oxigraph_lines(path: Path) -> set[str]:
    """Read ``path`` with pyoxigraph, independently of rdflib's parser."""
    lines = set()
    for item in ox.parse(path=str(path), format=OX_READ[path.suffix]):
        if isinstance(item, ox.Triple):
            item = ox.Quad(item.subject, item.predicate, item.object, ox.DefaultGraph())
        lines.add(str(item))
    return lines


@pytest.fixture(scope="module")
def sample_ds() -> Dataset:
    return build(sample_records())


@pytest.fixture(scope="module")
def hostile_ds() -> Dataset:
    return build(hostile_records())


@pytest.mark.parametrize("ext", sorted(FORMATS))
@pytest.mark.parametrize("which", ["sample_ds", "hostile_ds"])
def test_every_format_round_trips_through_rdflib_and_oxigraph(ext, which, request, tmp_path):
    ds = request.getfixturevalue(which)
    path = write_dataset(ds, tmp_path / f"graph{ext}")
    keep = FORMATS[ext] in QUAD_FORMATS
    want = expected_lines(ds, keep)
    assert len(want) > 50
    assert rdflib_lines(path, keep) == want
    assert oxigraph_lines(path) == want


@pytest.mark.parametrize("ext", [".trig", ".nq"])
def test_quad_formats_keep_one_named_graph_per_document(ext, sample_ds, tmp_path):
    path = write_dataset(sample_ds, tmp_path / f"g{ext}")
    graphs = {q.graph_name for q in ox.parse(path=str(path), format=OX_READ[ext])}
    named = {g.value for g in graphs if isinstance(g, ox.NamedNode)}
    assert named == {str(document_iri(r.identifier)) for r in sample_records()}
    assert ox.DefaultGraph() in graphs


@pytest.mark.parametrize("ext", sorted(FORMATS))
def test_two_writes_are_byte_identical(ext, tmp_path):
    first = write_dataset(build(sample_records()), tmp_path / f"a{ext}").read_bytes()
    # rebuilt from fresh records, written elsewhere: same bytes
    second = write_dataset(build(sample_records()), tmp_path / "sub" / f"b{ext}").read_bytes()
    assert first == second


def test_output_is_identical_across_processes(tmp_path):
    """Hash seeds differ between processes; the bytes must not."""
    script = (
        "import sys; sys.path.insert(0, 'tests')\n"
        "from graph_records import build, sample_records, hostile_records\n"
        "from kg.serialize import serialize_bytes\n"
        "ds = build(sample_records() + hostile_records())\n"
        "sys.stdout.buffer.write(b''.join(serialize_bytes(ds, f) for f in ('trig', 'ttl', 'jsonld')))\n"
    )
    root = Path(__file__).resolve().parent.parent
    outputs = {
        subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1 and len(outputs.pop()) > 1000


def test_turtle_and_trig_declare_the_kg_prefix(sample_ds):
    for fmt in ("trig", "ttl"):
        text = serialize_bytes(sample_ds, fmt).decode()
        assert f"@prefix kg: <{ONTOLOGY_IRI}> ." in text
        assert "a kg:Document" in text
    context = json.loads(serialize_bytes(sample_ds, "jsonld"))["@context"]
    assert context["kg"] == ONTOLOGY_IRI


def test_triple_formats_merge_all_graphs(sample_ds, tmp_path):
    path = write_dataset(sample_ds, tmp_path / "g.ttl")
    g = Graph().parse(path)
    assert len(g) == len(expected_lines(sample_ds, keep_graphs=False))
    assert (None, KG.memberOf, None) in g  # default graph
    assert (None, KG.evidence, None) in g  # document graphs


def test_a_plain_graph_is_written_as_the_default_graph(tmp_path):
    g = Graph()
    g.add((URIRef("http://example.org/a"), KG.title, Literal("x")))
    path = write_dataset(g, tmp_path / "g.nq")
    assert path.read_text() == '<http://example.org/a> <https://w3id.org/kg-news/ontology#title> "x" .\n'


def test_unknown_extension_is_an_output_error_listing_the_known_ones(sample_ds, tmp_path):
    with pytest.raises(OutputError) as err:
        write_dataset(sample_ds, tmp_path / "graph.xml")
    message = str(err.value)
    assert "'.xml'" in message and "\n" not in message
    for ext in FORMATS:
        assert ext in message
    assert not list(tmp_path.iterdir())
    with pytest.raises(OutputError, match="known extensions"):
        write_dataset(sample_ds, tmp_path / "graph")
    with pytest.raises(OutputError, match="unknown output format 'rdfxml'"):
        write_dataset(sample_ds, tmp_path / "graph.trig", format="rdfxml")


def test_explicit_format_overrides_the_extension(sample_ds, tmp_path):
    path = write_dataset(sample_ds, tmp_path / "graph.out", format="nquads")
    assert oxigraph_lines(path.rename(tmp_path / "graph.nq")) == expected_lines(sample_ds, True)


def test_parent_directories_are_created(sample_ds, tmp_path):
    path = write_dataset(sample_ds, tmp_path / "a" / "b" / "graph.nt")
    assert path.is_file() and path.stat().st_size > 0


def test_a_failed_write_leaves_no_file_and_keeps_the_old_one(sample_ds, tmp_path, monkeypatch):
    target = tmp_path / "graph.trig"
    target.write_text("old content")
    mode = target.stat().st_mode

    def broken_writer(keys, fh, checked):
        fh.write(b"@prefix kg: <half-written")
        raise RuntimeError("disk on fire")

    monkeypatch.setitem(serialize._WRITERS, "trig", broken_writer)
    with pytest.raises(RuntimeError, match="disk on fire"):
        write_dataset(sample_ds, target)
    assert target.read_text() == "old content"
    assert target.stat().st_mode == mode
    assert [p.name for p in tmp_path.iterdir()] == ["graph.trig"]

    fresh = tmp_path / "new.trig"
    with pytest.raises(RuntimeError):
        write_dataset(sample_ds, fresh)
    assert [p.name for p in tmp_path.iterdir()] == ["graph.trig"]


def test_an_os_error_is_an_output_error_and_leaves_nothing(sample_ds, tmp_path, monkeypatch):
    def full_disk(keys, fh, checked):
        fh.write(b"partial")
        raise OSError(28, "No space left on device")

    monkeypatch.setitem(serialize._WRITERS, "nt", full_disk)
    with pytest.raises(OutputError, match="No space left on device"):
        write_dataset(sample_ds, tmp_path / "g.nt")
    assert not list(tmp_path.iterdir())


def test_unwritable_targets_are_output_errors(sample_ds, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OutputError, match="cannot create the directory"):
        write_dataset(sample_ds, blocker / "g.trig")
    (tmp_path / "dir.trig").mkdir()
    with pytest.raises(OutputError, match="is a directory"):
        write_dataset(sample_ds, tmp_path / "dir.trig")


def test_a_successful_write_replaces_the_old_file(sample_ds, tmp_path):
    target = tmp_path / "graph.nq"
    target.write_text("old")
    write_dataset(sample_ds, target)
    assert oxigraph_lines(target) == expected_lines(sample_ds, True)
    assert [p.name for p in tmp_path.iterdir()] == ["graph.nq"]


def test_quads_are_ordered_graph_by_graph_with_the_default_graph_first(sample_ds, tmp_path):
    quads = list(ox.parse(path=str(write_dataset(sample_ds, tmp_path / "g.nq")), format=ox.RdfFormat.N_QUADS))
    names = [q.graph_name for q in quads]
    assert names[0] == ox.DefaultGraph() and names[-1] != ox.DefaultGraph()
    runs = [name for i, name in enumerate(names) if i == 0 or names[i - 1] != name]
    assert runs == [ox.DefaultGraph()] + sorted(ox.NamedNode(str(document_iri(r.identifier)))
                                                for r in sample_records())  # one run per graph
    assert len(quads) == len(set(quads)) == len(expected_lines(sample_ds, True))
    for name in runs:
        subjects = [q.subject.value for q in quads if q.graph_name == name]
        assert subjects == sorted(subjects)


def test_literals_that_differ_only_by_datatype_or_language_are_all_kept(tmp_path):
    s, p = URIRef("http://example.org/s"), URIRef("http://example.org/p")
    g = Graph()
    for lit in (Literal("1"), Literal("1", lang="en"), Literal("1", datatype=URIRef("http://example.org/d")),
                Literal(1), Literal("1\x00x")):
        g.add((s, p, lit))
    path = write_dataset(g, tmp_path / "g.nt")
    assert len(oxigraph_lines(path)) == 5


@pytest.mark.parametrize("ext", [".trig", ".nq"])
def test_rewriting_a_read_graph_gives_the_same_bytes(ext, sample_ds, tmp_path):
    first = write_dataset(sample_ds, tmp_path / f"a{ext}")
    reread = Dataset(default_union=True)
    reread.parse(str(first), format=FORMATS[ext])
    second = write_dataset(reread, tmp_path / f"b{ext}")
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.parametrize("ext", sorted(FORMATS))
def test_text_that_is_not_unicode_is_an_output_error(ext, tmp_path):
    g = Graph()
    g.add((URIRef("http://example.org/s"), KG.text, Literal("broken \ud800 surrogate")))
    with pytest.raises(OutputError, match="not valid Unicode"):
        write_dataset(g, tmp_path / f"g{ext}")
    assert not list(tmp_path.iterdir())


def test_jsonld_keeps_an_empty_string_beside_another_value():
    """rdflib's JSON-LD converter replaced a falsy first value ("") by the second one."""
    ds = Dataset()
    named = ds.graph(URIRef("https://w3id.org/kg-news/id/doc/x"))
    node, alone = URIRef("https://w3id.org/kg-news/id/person/x"), URIRef("https://w3id.org/kg-news/id/person/y")
    label = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
    for subject, value in ((node, ""), (node, "   "), (alone, "")):
        named.add((subject, label, Literal(value)))
    store = ox.Store()
    store.load(serialize_bytes(ds, "jsonld"), format=ox.RdfFormat.JSON_LD)
    assert {(q.subject.value, q.object.value) for q in store} == {(str(node), ""), (str(node), "   "), (str(alone), "")}
