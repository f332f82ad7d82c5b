"""kg.records: the one list of entity types and relations agrees with the ontology,
the SHACL shapes and the KG namespace, so a relation is added in one place of code."""
from __future__ import annotations

import json
import marshal
from importlib import resources

import pytest
from graph_records import hostile_records, sample_records
from rdflib import Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS

from kg.namespaces import KG, ONTOLOGY_IRI
from kg.records import (
    ENTITY_TYPES,
    RELATIONS,
    DocumentRecord,
    PackedRecord,
    record_from_values,
    record_values,
    whole,
)

SH = "http://www.w3.org/ns/shacl#"


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(str(resources.files("kg").joinpath("data/ontology.ttl")), format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(str(resources.files("kg").joinpath("data/shapes.ttl")), format="turtle")


def test_entity_types_are_the_ontologys_core_classes(onto):
    for name in ENTITY_TYPES:
        assert (KG[name], RDF.type, OWL.Class) in onto
        assert (KG[name], RDFS.subClassOf, KG.Entity) in onto
    subclasses = {s for s in onto.subjects(RDFS.subClassOf, KG.Entity) if isinstance(s, URIRef)}
    assert subclasses == {KG[name] for name in ENTITY_TYPES}


def test_relations_are_the_ontologys_properties_between_actors(onto):
    """An object property whose domain is an actor and whose range is not a Position,
    a Statement or a Document is a relation between actors, and is in RELATIONS."""
    actors = {KG.Entity, *(KG[name] for name in ENTITY_TYPES)}
    not_actors = {KG.Position, KG.Statement, KG.Document}
    between_actors = {
        p for p in onto.subjects(RDF.type, OWL.ObjectProperty)
        if str(p).startswith(ONTOLOGY_IRI) and onto.value(p, RDFS.domain) in actors
        and onto.value(p, RDFS.range) not in not_actors
    }
    assert between_actors == {KG[name] for name in RELATIONS}


def test_every_relation_can_be_asserted_and_is_shaped(shapes):
    assertion_predicates = None
    for node in shapes.subjects(URIRef(SH + "path"), RDF.predicate):
        listed = shapes.value(node, URIRef(SH + "in"))
        if listed is not None:
            assertion_predicates = set(Collection(shapes, listed))
    assert assertion_predicates == {KG[name] for name in RELATIONS} | {KG.holdsPosition}
    shaped = set(shapes.objects(None, URIRef(SH + "path")))
    assert {KG[name] for name in RELATIONS} <= shaped


def test_the_core_types_are_one_shapes_list(shapes):
    lists = [set(Collection(shapes, node)) for node in shapes.objects(None, URIRef(SH + "in"))]
    assert {KG[name] for name in ENTITY_TYPES} in lists


def test_the_namespace_knows_every_type_and_relation():
    for name in (*ENTITY_TYPES, *RELATIONS):
        assert KG[name] == URIRef(ONTOLOGY_IRI + name)
        assert getattr(KG, name) == KG[name]


# ---- records as plain values


@pytest.mark.parametrize("codec", [marshal, json], ids=["marshal", "json"])
def test_records_round_trip_as_plain_values(codec):
    for record in sample_records() + hostile_records():
        assert record_from_values(codec.loads(codec.dumps(record_values(record)))) == record


def test_plain_values_keep_the_field_order():
    record = sample_records()[0]
    values = record_values(record)
    assert values[0] == record.identifier
    assert values[-1] == record.words
    assert values[10][0] == tuple(vars_of(record.entities[0]))


def test_values_of_another_shape_are_no_record():
    with pytest.raises((TypeError, ValueError)):
        record_from_values({"identifier": "a.txt", "title": "T"})
    with pytest.raises((TypeError, ValueError)):
        record_from_values(["a.txt", "T"])


def test_a_packed_record_files_by_its_identifier_words_and_entities_and_unpacks_whole():
    for record in sample_records() + hostile_records():
        packed = PackedRecord.unpacked(PackedRecord.pack(record))
        assert (packed.identifier, packed.words, packed.entities) == (record.identifier, record.words,
                                                                     record.entities)
        # what the spool files: the record but its entities, which the build holds anyway
        assert marshal.loads(packed.data) == record_values(record, entities=False)
        assert packed.unpack() == whole(packed) == record
        assert whole(record) is record


def test_values_without_entities_take_them_back_when_read():
    for record in sample_records():
        body = record_values(record, entities=False)
        assert body[list(DocumentRecord.__dataclass_fields__).index("entities")] == []
        assert record_from_values(body, record.entities) == record
        assert record_from_values(body).entities == [] and record.entities


def vars_of(item) -> list:
    return [getattr(item, name) for name in item.__dataclass_fields__]


def test_a_workers_record_is_packed_as_bytes_and_unpacked_equal():
    from kg.nlp.workers import Skipped, packed, unpacked

    for record in sample_records() + hostile_records():
        assert isinstance(packed(record), bytes)
        assert whole(unpacked(packed(record))) == record
    skip = Skipped("a.txt", "took more than 1 s")
    assert unpacked(packed(skip)) == skip
