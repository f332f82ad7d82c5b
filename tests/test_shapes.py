"""kg/data/shapes.ttl and kg.validate: built graphs conform, broken ones do not."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from graph_records import build, hostile_records, sample_records
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS

from kg.iris import entity_iri, statement_iri
from kg.namespaces import KG
from kg.validate import ontology_graph, shapes_graph, validate

ROOT = Path(__file__).resolve().parent.parent


def test_the_packaged_ontology_is_a_copy_of_the_top_level_file():
    assert (ROOT / "kg" / "data" / "ontology.ttl").read_bytes() == (ROOT / "ontology.ttl").read_bytes()
    assert len(ontology_graph()) > 100


def test_shapes_parse():
    assert len(shapes_graph()) > 50


@pytest.mark.parametrize("records", [sample_records, hostile_records])
def test_built_graphs_conform(records):
    conforms, report = validate(build(records()))
    assert conforms, report


def test_a_plain_graph_can_be_validated():
    merged = Graph()
    for s, p, o, _ in build(sample_records()).quads((None, None, None, None)):
        merged.add((s, p, o))
    assert validate(merged)[0]


def first_assertion(ds):
    return next(ds.subjects(RDF.type, KG.Assertion))


def broken(edit) -> tuple[bool, str]:
    ds = build(sample_records())
    edit(ds)
    return validate(ds)


def test_an_assertion_without_evidence_does_not_conform():
    conforms, report = broken(lambda ds: ds.remove((first_assertion(ds), KG.evidence, None, None)))
    assert not conforms and "evidence" in report


def test_an_entity_with_two_core_types_does_not_conform():
    armenia = entity_iri("Country", "Armenia")
    conforms, report = broken(lambda ds: ds.add((armenia, RDF.type, KG.Place)))
    assert not conforms and "exactly one core type" in report


@pytest.mark.parametrize("edit", [
    pytest.param(lambda ds: ds.set((first_assertion(ds), KG.confidence, Literal(Decimal("1.5")))), id="confidence>1"),
    pytest.param(lambda ds: ds.set((first_assertion(ds), KG.start, Literal(-1))), id="negative start"),
    pytest.param(lambda ds: ds.set((first_assertion(ds), KG.start, Literal(10_000))), id="start after end"),
    pytest.param(lambda ds: ds.set((first_assertion(ds), KG.polarity, Literal("maybe"))), id="bad polarity"),
    pytest.param(lambda ds: ds.remove((first_assertion(ds), PROV.wasDerivedFrom, None)), id="no source"),
    pytest.param(lambda ds: ds.add((entity_iri("Country", "Armenia"), KG.memberOf, entity_iri("Country", "Russia"))),
                 id="memberOf a non-organization"),
    pytest.param(lambda ds: ds.add((entity_iri("Country", "Russia"), RDFS.label, Literal("Rossiya"))),
                 id="two labels"),
    pytest.param(lambda ds: ds.add((entity_iri("Person", "Peskov"), KG.said,
                                    next(ds.objects(entity_iri("Person", "Vladimir Putin"), KG.said)))),
                 id="two speakers"),
    pytest.param(lambda ds: ds.remove((None, KG.said, None)), id="statement without speaker"),
    pytest.param(lambda ds: ds.remove((None, KG.positionIn, None)), id="position without positionIn"),
    pytest.param(lambda ds: ds.add((next(ds.subjects(RDF.type, KG.Document)), KG.mentions,
                                    URIRef("https://example.org/untyped"))), id="mentions a non-entity"),
    pytest.param(lambda ds: ds.remove((None, KG.polarity, None)), id="negative assertion without polarity"),
])
def test_other_breaks_do_not_conform(edit):
    conforms, report = broken(edit)
    assert not conforms, report


def test_the_report_names_the_offending_node():
    s = statement_iri("nowhere", "x", 0, 1)
    conforms, report = broken(lambda ds: ds.add((s, RDF.type, KG.Statement)))
    assert not conforms and str(s) in report


def _disjointness_violations(ds) -> list[str]:
    """Nodes that RDFS inference over data + ontology puts into two disjoint classes."""
    import owlrl
    from rdflib.namespace import OWL

    onto = ontology_graph()
    g = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    g += onto
    owlrl.DeductiveClosure(owlrl.RDFS_Semantics).expand(g)
    groups = [set(onto.items(onto.value(node, OWL.members)))
              for node in onto.subjects(RDF.type, OWL.AllDisjointClasses)]
    bad = []
    for node in set(g.subjects(RDF.type, None)):
        types = set(g.objects(node, RDF.type))
        bad += [f"{node}: {sorted(types & group)}" for group in groups if len(types & group) > 1]
    return bad


def test_domains_and_ranges_agree_with_the_built_graph():
    assert _disjointness_violations(build(sample_records())) == []


def test_misused_properties_show_up_as_disjoint_types():
    ds = build(sample_records())
    ds.add((entity_iri("Country", "Armenia"), KG.memberOf, entity_iri("Person", "Vladimir Putin")))
    assert any("vladimir-putin" in v for v in _disjointness_violations(ds))
