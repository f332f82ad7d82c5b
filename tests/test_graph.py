"""kg.graph: the records of two hand-made articles answer the query contract."""
from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from graph_records import TEXT_1, build, hostile_records, sample_records
from rdflib import Dataset, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.graph import to_dataset
from kg.iris import co_mention_iri, document_iri, entity_iri, is_valid_iri, position_iri
from kg.namespaces import KG, PREFIXES, WD
from kg.records import Entity, Fact
from kg.resolve import merge_entities

DOC1 = document_iri("000_first.txt")
DOC2 = document_iri("sub/001 second.txt")
ARMENIA = entity_iri("Country", "Armenia")
RUSSIA = entity_iri("Country", "Russia")
AZERBAIJAN = entity_iri("Country", "Azerbaijan")
CSTO = entity_iri("Organization", "CSTO")
PUTIN = entity_iri("Person", "Vladimir Putin")
PESKOV = entity_iri("Person", "Peskov")


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return build(sample_records())


def rows(ds: Dataset, query: str, **bindings: URIRef) -> set[tuple]:
    return {tuple(row) for row in ds.query(query, initNs=PREFIXES, initBindings=bindings)}


def test_documents_with_identifier_title_date_publisher(ds):
    got = rows(ds, """
        SELECT ?doc ?id ?title ?date ?pub ?words WHERE {
          ?doc a kg:Document ; dcterms:identifier ?id ; dcterms:title ?title ; kg:wordCount ?words .
          OPTIONAL { ?doc dcterms:date ?date } OPTIONAL { ?doc dcterms:publisher ?pub }
        }""")
    assert got == {
        (DOC1, Literal("000_first.txt"), Literal("Defense pact with Armenia"),
         Literal("2023-01-10", datatype=XSD.date), Literal("Anadolu Agency"), Literal(24)),
        (DOC2, Literal("sub/001 second.txt"), Literal("Members of the CSTO"),
         Literal("2020-12", datatype=XSD.gYearMonth), Literal("Example Wire"), Literal(13)),
    }
    assert (DOC1, KG.dateline, Literal("ANKARA, Jan. 10")) in ds


def test_documents_carry_their_address_authors_and_language(ds):
    got = rows(ds, """
        SELECT ?doc ?url ?author ?lang WHERE {
          ?doc a kg:Document ; dcterms:source ?url ; dcterms:creator ?author ; dcterms:language ?lang }""")
    url = URIRef("https://news.example.org/2020/12/members?id=2")
    assert got == {(DOC2, url, Literal("Jane Roe"), Literal("en")), (DOC2, url, Literal("John Doe"), Literal("en"))}
    assert (DOC1, DCTERMS.source, None) not in ds and (DOC1, DCTERMS.creator, None) not in ds


def test_a_source_url_that_is_not_an_iri_is_left_out():
    first, second = sample_records()
    second.url = "https://news.example.org:port/x"  # a port that is not a number
    ds = build([first, second])
    assert (DOC2, DCTERMS.source, None) not in ds and (DOC2, DCTERMS.creator, None) in ds


def test_a_year_alone_is_an_xsd_gyear():
    docs = sample_records()
    docs[1].date = "2020"
    assert (DOC2, DCTERMS.date, Literal("2020", datatype=XSD.gYear)) in build(docs)


def test_documents_mention_every_entity_they_name(ds):
    got = rows(ds, "SELECT ?doc ?e WHERE { ?doc a kg:Document ; kg:mentions ?e }")
    assert got == {(DOC1, e) for e in (ARMENIA, CSTO, AZERBAIJAN, PUTIN, RUSSIA)} | {
        (DOC2, e) for e in (RUSSIA, ARMENIA, CSTO, PESKOV)}


def test_entities_have_core_type_label_altlabels_and_sameas(ds):
    got = rows(ds, """
        SELECT ?e ?type ?label WHERE {
          VALUES ?type { kg:Person kg:Organization kg:Country kg:Place }
          ?e a ?type ; rdfs:label ?label }""")
    assert got == {
        (ARMENIA, KG.Country, Literal("Armenia")), (RUSSIA, KG.Country, Literal("Russia")),
        (AZERBAIJAN, KG.Country, Literal("Azerbaijan")), (CSTO, KG.Organization, Literal("CSTO")),
        (PUTIN, KG.Person, Literal("Vladimir Putin")), (PESKOV, KG.Person, Literal("Peskov")),
    }
    assert set(ds.objects(CSTO, SKOS.altLabel)) == {
        Literal("Collective Security Treaty Organization"), Literal("ОДКБ")}  # label itself is not an alias
    assert set(ds.objects(ARMENIA, SKOS.altLabel)) == {Literal("Armenian"), Literal("Republic of Armenia")}
    assert set(ds.objects(PUTIN, OWL.sameAs)) == {WD.Q7747}
    assert set(ds.objects(PESKOV, OWL.sameAs)) == set()


def test_member_of_facts_and_their_assertions(ds):
    assert rows(ds, "SELECT ?a WHERE { ?a kg:memberOf ?org . ?org rdfs:label 'CSTO' }") == {
        (ARMENIA,), (RUSSIA,)}
    got = rows(ds, """
        SELECT ?s ?doc ?evidence ?start ?end ?rule ?conf WHERE {
          ?f a kg:Assertion ; rdf:subject ?s ; rdf:predicate kg:memberOf ; rdf:object ?o ;
             prov:wasDerivedFrom ?doc ; kg:evidence ?evidence ; kg:start ?start ; kg:end ?end ;
             kg:rule ?rule ; kg:confidence ?conf }""")
    evidence_2 = Literal(sample_records()[1].text)
    assert got == {
        (ARMENIA, DOC1, Literal("Armenia is a member of the CSTO."), Literal(0), Literal(32),
         Literal("member-of-pattern"), Literal(Decimal("0.9"))),
        (RUSSIA, DOC2, evidence_2, Literal(0), Literal(91), Literal("members-of-list"), Literal(Decimal("0.85"))),
        (ARMENIA, DOC2, evidence_2, Literal(0), Literal(91), Literal("members-of-list"), Literal(Decimal("0.85"))),
    }
    # Armenia's membership has one assertion per source sentence
    assert rows(ds, """SELECT (COUNT(?f) AS ?n) WHERE {
        ?f rdf:subject ?armenia ; rdf:predicate kg:memberOf }""", armenia=ARMENIA) == {(Literal(2),)}


def test_evidence_span_points_into_the_text(ds):
    for f in ds.subjects(RDF.type, KG.Assertion):
        if (f, PROV.wasDerivedFrom, DOC1) in ds:
            start, end = (ds.value(f, KG.start).toPython(), ds.value(f, KG.end).toPython())
            assert TEXT_1[start:end] == str(ds.value(f, KG.evidence))


def test_negated_fact_is_only_a_negative_assertion(ds):
    assert (AZERBAIJAN, KG.memberOf, CSTO) not in ds
    assert rows(ds, "SELECT ?o WHERE { ?azerbaijan ?p ?o }", azerbaijan=AZERBAIJAN) == {
        (KG.Country,), (Literal("Azerbaijan"),), (WD.Q227,)}
    got = rows(ds, """
        SELECT ?f ?type ?polarity ?doc WHERE {
          ?f rdf:subject ?s ; rdf:predicate kg:memberOf ; kg:polarity ?polarity ;
             a ?type ; prov:wasDerivedFrom ?doc .
          ?s rdfs:label "Azerbaijan" }""")
    assert len(got) == 1
    (_, type_, polarity, doc), = got
    assert (type_, polarity, doc) == (KG.NegativeAssertion, Literal("negative"), DOC1)
    # '?f a kg:Assertion' lists the positive readings only
    assert not rows(ds, "SELECT ?f WHERE { ?f a kg:Assertion ; kg:polarity 'negative' }")


def test_official_of_with_title_gives_a_position(ds):
    got = rows(ds, """
        SELECT ?p ?x ?pos ?title ?label WHERE {
          ?p kg:officialOf ?x ; kg:holdsPosition ?pos .
          ?pos a kg:Position ; kg:title ?title ; kg:positionIn ?x ; rdfs:label ?label }""")
    pos = position_iri("President", "Russia")
    assert got == {(PUTIN, RUSSIA, pos, Literal("President"), Literal("President of Russia"))}
    assert str(pos).endswith("/id/position/president-of-russia")
    assertions = rows(ds, """
        SELECT ?doc WHERE { ?f a kg:Assertion ; rdf:subject ?p ; rdf:predicate kg:holdsPosition ;
                                rdf:object ?pos ; prov:wasDerivedFrom ?doc }""")
    assert assertions == {(DOC1,)}


def test_statements(ds):
    got = rows(ds, """
        SELECT ?speaker ?text ?direct ?doc ?date ?conf WHERE {
          ?speaker kg:said ?st .
          ?st a kg:Statement ; kg:text ?text ; kg:isDirectQuote ?direct ; prov:wasDerivedFrom ?doc ;
              kg:confidence ?conf .
          OPTIONAL { ?st dcterms:date ?date } }""")
    assert got == {
        (PUTIN, Literal("This is a tragedy for Armenia."), Literal(True), DOC1,
         Literal("2023-01-10", datatype=XSD.date), Literal(Decimal("0.88"))),
        (PESKOV, Literal("Russia and Armenia are members of the Collective Security Treaty Organization"),
         Literal(False), DOC2, Literal("2020-12", datatype=XSD.gYearMonth), Literal(Decimal("0.6"))),
    }
    mentioned = rows(ds, "SELECT ?e WHERE { ?st a kg:Statement ; kg:mentions ?e ; prov:wasDerivedFrom ?d }")
    assert mentioned == {(ARMENIA,), (RUSSIA,), (CSTO,)}


def test_named_graph_layout(ds):
    """The default graph holds every fact, description, document and assertion; a
    document's graph holds only the fact triples it states (docs/ontology.md)."""
    default = ds.graph(DATASET_DEFAULT_GRAPH_ID)
    doc1 = ds.graph(DOC1)
    assert (ARMENIA, RDF.type, KG.Country) in default
    assert (ARMENIA, KG.memberOf, CSTO) in default
    assert (PUTIN, KG.said, None) in default
    assert (PUTIN, KG.holdsPosition, None) in default
    # documents, their mentions, assertions and statements: the default graph, no union needed
    assert (DOC1, RDF.type, KG.Document) in default
    assert (DOC1, KG.mentions, ARMENIA) in default
    assert len([a for a in default.subjects(RDF.type, KG.Assertion) if (a, PROV.wasDerivedFrom, DOC1) in default]) == 3
    assert (None, KG.evidence, None) in default
    assert (None, RDF.type, KG.Statement) in default
    # the document's graph: the facts it states and nothing else
    assert (ARMENIA, KG.memberOf, CSTO) in doc1
    assert (PUTIN, KG.holdsPosition, None) in doc1
    assert set(doc1.subjects(KG.said, None)) <= {PUTIN}
    assert set(doc1.predicates()) <= {KG.memberOf, KG.coChairOf, KG.officialOf, KG.holdsPosition,
                                      KG.partOf, KG.supports, KG.deployedTo, KG.said}
    assert (ARMENIA, RDFS.label, None) not in doc1
    assert (DOC1, None, None) not in doc1
    # every triple of a document graph is also in the default graph
    for graph in (ds.graph(DOC1), ds.graph(DOC2)):
        assert all(triple in default for triple in graph)
    assert {g.identifier for g in ds.graphs()} == {DATASET_DEFAULT_GRAPH_ID, DOC1, DOC2}
    rows_by_graph = rows(ds, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?speaker kg:said ?st } }")
    assert rows_by_graph == {(DOC1,), (DOC2,)}


def test_which_sources_state_a_fact_is_one_graph_pattern(ds):
    said_by = rows(ds, "SELECT ?d WHERE { GRAPH ?d { ?armenia kg:memberOf ?csto } }", armenia=ARMENIA, csto=CSTO)
    asserted_in = rows(ds, """SELECT ?d WHERE { ?a a kg:Assertion ; rdf:subject ?armenia ;
        rdf:predicate kg:memberOf ; rdf:object ?csto ; prov:wasDerivedFrom ?d }""", armenia=ARMENIA, csto=CSTO)
    assert said_by == asserted_in and said_by
    statements = rows(ds, "SELECT ?d ?st WHERE { GRAPH ?d { ?putin kg:said ?st } }", putin=PUTIN)
    assert statements == rows(ds, "SELECT ?d ?st WHERE { ?putin kg:said ?st . ?st prov:wasDerivedFrom ?d }", putin=PUTIN)
    # a denied fact is in no graph, the document's included
    assert rows(ds, "SELECT ?d WHERE { GRAPH ?d { ?azerbaijan kg:memberOf ?o } }", azerbaijan=AZERBAIJAN) == set()


def test_documents_count_what_was_read_from_them(ds):
    graph = ds.graph(DATASET_DEFAULT_GRAPH_ID)
    for doc in (DOC1, DOC2):
        counted = (graph.value(doc, KG.actorCount), graph.value(doc, KG.assertionCount), graph.value(doc, KG.statementCount))
        actors = len(set(graph.objects(doc, KG.mentions)))
        derived = set(graph.subjects(PROV.wasDerivedFrom, doc))
        assertions = len({a for a in derived if (a, RDF.subject, None) in graph})  # denials included
        statements = len({st for st in derived if (st, RDF.type, KG.Statement) in graph})
        assert [c.toPython() for c in counted] == [actors, assertions, statements]
    assert graph.value(DOC1, KG.assertionCount).toPython() == 4  # three positive, one denial


def test_kg_prefix_is_bound(ds):
    assert ("kg", URIRef(str(PREFIXES["kg"]))) in set(ds.namespaces())


def test_duplicate_facts_give_one_assertion_with_the_best_confidence():
    docs = sample_records()
    first = docs[0].facts[0]
    docs[0].facts.append(Fact(first.subject, first.predicate, first.object, first.sentence, first.start,
                              first.end, first.evidence, "another-rule", 0.97))
    ds = build(docs)
    got = rows(ds, """SELECT ?rule ?conf WHERE {
        ?f rdf:subject ?armenia ; prov:wasDerivedFrom ?d ; kg:rule ?rule ; kg:confidence ?conf .
        ?d dcterms:identifier "000_first.txt" }""", armenia=ARMENIA)
    assert got == {(Literal("another-rule"), Literal(Decimal("0.97")))}


def test_confidence_is_clamped_and_rounded():
    docs = sample_records()
    docs[0].facts[0].confidence = 1.7
    docs[0].facts[2].confidence = 0.123456
    ds = build(docs)
    confidences = {ds.value(f, KG.confidence) for f in ds.subjects(PROV.wasDerivedFrom, DOC1)}
    assert Literal(Decimal("1.0")) in confidences and Literal(Decimal("0.12")) in confidences
    assert all(0 <= c.toPython() <= 1 for c in confidences)


def test_a_key_missing_from_the_corpus_table_falls_back_to_the_documents_entities():
    docs = sample_records()
    table = merge_entities(docs)
    del table["new:Person:peskov"]
    ds = to_dataset(docs, table)
    assert (PESKOV, RDFS.label, Literal("Peskov")) in ds
    assert (PESKOV, KG.said, None) in ds


def test_unknown_keys_relations_and_types_are_value_errors():
    docs = sample_records()
    docs[0].facts[0].object = "kb:nowhere"
    with pytest.raises(ValueError, match="'kb:nowhere' is not in the entity table"):
        build(docs)
    docs = sample_records()
    docs[0].facts[0].predicate = "enemyOf"
    with pytest.raises(ValueError, match="unknown relation 'enemyOf'"):
        build(docs)
    docs = sample_records()
    docs[1].entities.append(Entity("new:Thing:x", "X", "Thing"))
    with pytest.raises(ValueError, match="unknown entity type 'Thing'"):
        build(docs)


def test_a_bad_date_is_left_out():
    docs = sample_records()
    docs[0].date, docs[1].date = "2023-02-30", "2020-13"
    ds = build(docs)
    assert (DOC1, DCTERMS.date, None) not in ds
    assert (None, DCTERMS.date, None) not in ds


def test_two_keys_with_one_name_share_one_node_without_losing_aliases():
    docs = sample_records()
    docs[1].entities.append(Entity("new:Country:armenia", "ARMENIA", "Country", ["Hayastan"]))
    ds = build(docs)
    assert set(ds.objects(ARMENIA, RDFS.label)) == {Literal("Armenia")}
    assert {Literal("ARMENIA"), Literal("Hayastan")} <= set(ds.objects(ARMENIA, SKOS.altLabel))


def test_hostile_labels_give_valid_iris_and_keep_their_text():
    ds = build(hostile_records())
    for s, p, o, _ in ds.quads((None, None, None, None)):
        for term in (s, p, o):
            if isinstance(term, URIRef):
                assert is_valid_iri(str(term)), term
    labels = {str(o) for o in ds.objects(None, RDFS.label)}
    assert "<script>alert('x')</script>" in labels and "北京市 人民政府" in labels and "" in labels
    persons = set(ds.subjects(RDF.type, KG.Person))
    assert len(persons) == len(hostile_records()[0].entities) - 1  # all distinct


def test_empty_input_gives_an_empty_dataset():
    ds = to_dataset([], {})
    assert len(list(ds.quads((None, None, None, None)))) == 0


def doc_queries() -> list[str]:
    text = (Path(__file__).resolve().parent.parent / "docs" / "ontology.md").read_text(encoding="utf-8")
    return re.findall(r"```sparql\n(.*?)```", text, re.S)


def test_the_documented_queries_run_and_answer(ds):
    queries = doc_queries()
    assert len(queries) == 6
    results = [[tuple(str(v) if v is not None else None for v in row)
                for row in ds.query(q, initNs=PREFIXES)] for q in queries]
    sources, members, offices, quotes, evidence, actors = results
    assert sources == [("000_first.txt",), ("sub/001 second.txt",)]
    assert members == [("Armenia", "2"), ("Russia", "1")]
    assert offices == [("Vladimir Putin", "President", "Russia")]
    assert quotes == [("Vladimir Putin", "This is a tragedy for Armenia.", "000_first.txt", "2023-01-10")]
    assert sorted(row[0] for row in evidence) == ["negative", "positive", "positive", "positive"]
    assert len(actors) == 5 and ("https://w3id.org/kg-news/ontology#Person", "Vladimir Putin") in actors


def test_the_strongest_ties_of_the_corpus_are_kept():
    import itertools
    import random
    from collections import Counter

    from kg.graph import strongest_ties

    rng = random.Random(3)
    actors = [f"a{i:03d}" for i in range(120)]
    documents = [rng.sample(actors[: rng.choice((15, 40, 120))], rng.randint(2, 12)) for _ in range(400)]
    every = Counter(pair for doc in documents for pair in itertools.combinations(sorted(doc), 2))
    ranked = sorted(every.items(), key=lambda item: (-item[1], item[0]))
    kept = strongest_ties(documents, 5)
    assert all(every[(a, b)] == n for a, b, n in kept)
    kept_pairs = {(a, b) for a, b, _ in kept}
    # each actor's 5 strongest ties keep the corpus's strongest 10
    assert [pair for pair, _ in ranked[:10]] == sorted(kept_pairs, key=lambda p: (-every[p], p))[:10]
    assert len(kept) < len(every) / 4
    # c's two ties are as strong: the first in IRI order is kept
    assert strongest_ties([["b", "a"], ["a", "b", "c"]], 1) == [("a", "b", 2), ("a", "c", 1)]


def test_pairs_counted_in_parts_and_added_up_give_the_same_ties():
    """Workers count their documents' pairs (kg.shards); the build adds the counts up."""
    import random

    from kg.graph import count_pairs, merge_pairs, strongest_pairs, strongest_ties

    rng = random.Random(5)
    actors = [f"a{i:03d}" for i in range(80)]
    documents = [rng.sample(actors[: rng.choice((10, 30, 80))], rng.randint(1, 9)) for _ in range(300)]
    whole = count_pairs(documents)
    for cuts in ([150], [1, 2, 299], [100, 200]):
        bounds = [0, *cuts, len(documents)]
        parts = [count_pairs(documents[a:b]) for a, b in zip(bounds, bounds[1:])]
        merged = merge_pairs(parts)
        assert merged.names == whole.names
        assert merged.codes.tolist() == whole.codes.tolist()
        assert merged.documents.tolist() == whole.documents.tolist()
        assert strongest_pairs(merged, 5) == strongest_ties(documents, 5)
    assert merge_pairs([count_pairs([]), count_pairs([["b", "a"]])]).codes.tolist() == [1]  # one pair: a < b


def test_pairs_of_a_corpus_too_wide_for_32_bit_codes_count_the_same():
    """Up to 46,340 actors a pair's code fits in 32 bits; past that, 64."""
    import itertools
    from collections import Counter

    from kg.graph import count_pairs, merge_pairs

    actors = [f"a{i:05d}" for i in range(46_400)]
    documents = [actors[i:i + 3] for i in range(0, len(actors) - 2, 2)] + [[actors[0], actors[-1]]] * 2
    wide = count_pairs(documents)
    assert wide.codes.dtype.itemsize == 8
    width = len(wide.names)
    got = {(wide.names[c // width], wide.names[c % width]): n
           for c, n in zip(wide.codes.tolist(), wide.documents.tolist(), strict=True)}
    assert got == Counter(pair for doc in documents for pair in itertools.combinations(sorted(doc), 2))
    narrow = count_pairs(documents[:100])
    assert narrow.codes.dtype.itemsize == 4
    merged = merge_pairs([narrow, count_pairs(documents[100:])])
    assert merged.codes.tolist() == wide.codes.tolist() and merged.documents.tolist() == wide.documents.tolist()


def test_ties_are_co_mention_nodes_in_the_default_graph(ds):
    default = ds.graph(DATASET_DEFAULT_GRAPH_ID)
    ties = set(default.subjects(RDF.type, KG.CoMention))
    assert ties
    for tie in ties:
        pair = sorted(default.objects(tie, KG.actor))
        assert len(pair) == 2 and tie == co_mention_iri(*pair)
        shared = [d for d in (DOC1, DOC2) if all((d, KG.mentions, a) in default for a in pair)]
        assert default.value(tie, KG.documentCount).toPython() == len(shared)


def test_single_article_ties_are_kept_only_while_the_strongest_need_them():
    from kg.graph import strongest_ties

    # 60 documents each naming a new pair with "hub" twice, plus one pair named once
    documents = [["hub", f"x{i:02d}"] for i in range(60)] * 2 + [["lone", "other"]]
    kept = strongest_ties(documents, 25)
    assert ("lone", "other", 1) not in kept and all(n == 2 for _, _, n in kept)
    small = strongest_ties([["a", "b"], ["a", "b"], ["c", "d"]], 25)
    assert small == [("a", "b", 2), ("c", "d", 1)]


def test_ties_count_a_bounded_number_of_actors_per_document():
    """A page naming thousands of actors costs pairs of its first TIE_ACTORS_PER_DOCUMENT only."""
    from kg.graph import TIE_ACTORS_PER_DOCUMENT, TIES_PER_ACTOR, strongest_ties

    crowd = tuple(f"https://example.org/actor/{i:05d}" for i in range(5_000))
    ties = strongest_ties([crowd, crowd[:3]], TIES_PER_ACTOR)
    tied = {actor for a, b, _ in ties for actor in (a, b)}
    assert tied <= set(crowd[:TIE_ACTORS_PER_DOCUMENT])
    assert len(ties) <= TIE_ACTORS_PER_DOCUMENT * TIES_PER_ACTOR
    assert (crowd[0], crowd[1], 2) in ties  # the pair both documents name is the strongest


def test_membership_counts_are_the_counts_of_the_document_graphs():
    from kg.build import build_graph

    ds = build_graph([Path(__file__).resolve().parent.parent / "corpus"]).dataset
    stated: dict = {}  # organization -> document -> members its graph states
    for graph in ds.graphs():
        if graph.identifier == DATASET_DEFAULT_GRAPH_ID:
            continue
        for member, _, organization in graph.triples((None, KG.memberOf, None)):
            stated.setdefault(organization, {}).setdefault(graph.identifier, set()).add(member)
    expected_lists = {org: sum(len(m) >= 2 for m in docs.values()) for org, docs in stated.items()}
    assert {org: n for org, n in expected_lists.items() if n} == {
        org: n.toPython() for org, n in ds.subject_objects(KG.memberListCount)}
    expected = {(member, org): (sum(member in m for m in docs.values()),
                                sum(member in m and len(m) >= 2 for m in docs.values()))
                for org, docs in stated.items() for m0 in docs.values() for member in m0}
    got = {(ds.value(node, KG.member), ds.value(node, KG.organization)):
           (ds.value(node, KG.documentCount).toPython(), ds.value(node, KG.listCount).toPython())
           for node in ds.subjects(RDF.type, KG.MembershipCount)}
    assert got == expected and any(lists for _, lists in got.values())
