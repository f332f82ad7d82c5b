"""kg.namespaces: the KG namespace and ontology.ttl declare the same terms."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS

from kg.namespaces import KG, ONTOLOGY_IRI, PREFIXES, bind_prefixes

ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology.ttl"
KINDS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


def declared(onto: Graph) -> set[URIRef]:
    return {s for kind in KINDS for s in onto.subjects(RDF.type, kind)
            if isinstance(s, URIRef) and str(s).startswith(ONTOLOGY_IRI)}


def kg_terms() -> set[URIRef]:
    return {URIRef(ONTOLOGY_IRI + name) for name in KG.__annotations__}


def test_every_kg_term_is_declared_in_the_ontology_and_back(onto):
    assert kg_terms() == declared(onto)
    assert len(kg_terms()) == 43  # 12 classes, 31 properties
    used = {t for triple in onto for t in triple if isinstance(t, URIRef) and str(t).startswith(ONTOLOGY_IRI)}
    assert used == kg_terms()  # no undeclared kg: term anywhere in the file


def test_every_term_has_label_and_comment_and_properties_domain_and_range(onto):
    for term in kg_terms():
        assert onto.value(term, RDFS.label), term
        assert onto.value(term, RDFS.comment), term
        if (term, RDF.type, OWL.Class) not in onto:
            assert onto.value(term, RDFS.domain) is not None, term
            assert onto.value(term, RDFS.range) is not None, term


def test_property_kinds_and_datatype_ranges(onto):
    for term in kg_terms():
        kinds = set(onto.objects(term, RDF.type)) & set(KINDS)
        assert len(kinds) == 1, term
        if OWL.DatatypeProperty in kinds:
            assert str(onto.value(term, RDFS.range)).startswith("http://www.w3.org/2001/XMLSchema#"), term
    assert (KG.memberOf, RDF.type, OWL.ObjectProperty) in onto
    assert (KG.confidence, RDFS.range, URIRef("http://www.w3.org/2001/XMLSchema#decimal")) in onto


def test_ontology_header(onto):
    header = URIRef(ONTOLOGY_IRI.rstrip("#"))
    assert (header, RDF.type, OWL.Ontology) in onto
    for p in (RDFS.label, RDFS.comment, OWL.versionInfo, DCTERMS.license):
        assert onto.value(header, p) is not None, p
    assert str(onto.value(header, DCTERMS.creator)) == "kg developers"


def test_alignments(onto):
    schema, prov, org, foaf = (PREFIXES[p] for p in ("schema", "prov", "org", "foaf"))
    expected = {
        KG.Person: {foaf.Person, schema.Person, prov.Agent, KG.Entity},
        KG.Organization: {org.Organization, schema.Organization},
        KG.Country: {schema.Country},
        KG.Place: {schema.Place},
        KG.Document: {schema.NewsArticle, prov.Entity},
        KG.Statement: {schema.Quotation},
        KG.Assertion: {RDF.Statement, prov.Entity},
        KG.Position: {org.Post},
        KG.NegativeAssertion: {KG.Assertion},
    }
    for cls, supers in expected.items():
        assert supers <= set(onto.objects(cls, RDFS.subClassOf)), cls
    assert (KG.memberOf, RDFS.subPropertyOf, org.memberOf) in onto
    assert (KG.positionIn, RDFS.subPropertyOf, org.postIn) in onto


def test_core_classes_are_pairwise_disjoint(onto):
    groups = [set(onto.items(onto.value(node, OWL.members)))
              for node in onto.subjects(RDF.type, OWL.AllDisjointClasses)]
    assert {KG.Person, KG.Organization, KG.Country, KG.Place} in groups
    assert {KG.Document, KG.Entity, KG.Position, KG.Statement, KG.Assertion, KG.CoMention,
            KG.MembershipCount} in groups
    assert all(isinstance(node, BNode) for node in onto.subjects(RDF.type, OWL.AllDisjointClasses))


def test_ontology_parses_with_pyoxigraph_too():
    quads = list(ox.parse(path=str(ONTOLOGY), format=ox.RdfFormat.TURTLE))
    assert len(quads) == len(Graph().parse(ONTOLOGY, format="turtle"))


def test_a_typo_raises_instead_of_minting_a_wrong_iri():
    with pytest.raises(AttributeError):
        KG.memberof  # noqa: B018


def test_bind_prefixes_binds_every_prefix_and_replaces_rdflib_defaults():
    g = bind_prefixes(Graph())
    bound = {prefix: str(ns) for prefix, ns in g.namespaces()}
    for prefix, ns in PREFIXES.items():
        assert bound[prefix] == str(ns)
    assert bound["schema"] == "https://schema.org/"
