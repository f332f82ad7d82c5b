"""kg.resolve: one node per actor across the corpus."""
from kg.records import DocumentRecord, Entity, Fact, Mention, Statement
from kg.resolve import merge_entities


def record(identifier, entities, facts=(), statements=()):
    return DocumentRecord(identifier=identifier, title="t", text="", entities=list(entities),
                          mentions=[Mention(e.key, 0, 1, e.label, 0, "kb") for e in entities],
                          facts=list(facts), statements=list(statements))


def test_kb_actors_merge_by_key_and_unite_aliases():
    a = record("a", [Entity("kb:Q7747", "Vladimir Putin", "Person", ["Putin"], "Q7747", 2)])
    b = record("b", [Entity("kb:Q7747", "Vladimir Putin", "Person", ["Vladimir Vladimirovich Putin"], "Q7747", 1)])
    merged = merge_entities([a, b])
    assert list(merged) == ["kb:Q7747"]
    putin = merged["kb:Q7747"]
    assert putin.mentions == 3 and putin.aliases == ["Putin", "Vladimir Vladimirovich Putin"]


def test_names_repeated_by_many_articles_are_united_once_and_a_first_label_still_becomes_an_alias():
    docs = [record(str(i), [Entity("kb:Q1", label, "Organization", ["Velor Union", "VU"], None, 1)])
            for i, label in enumerate(["Union of Velor", "Union of Velor", "Union of Velor", "VU"])]
    merged = merge_entities(docs)
    assert merged["kb:Q1"].label == "Union of Velor"  # a known actor keeps the first label it was given
    assert merged["kb:Q1"].aliases == ["VU", "Velor Union"] and merged["kb:Q1"].mentions == 4
    new = [record(str(i), [Entity("new:Person:tarsk odelly", label, "Person", [], None, 1)])
           for i, label in enumerate(["Tarsk Odelly", "Tarsk Odelly", "T. Odelly"])]
    assert merge_entities(new)["new:Person:tarsk odelly"].aliases == ["T. Odelly"]


def test_surname_in_one_article_joins_the_full_name_of_another():
    full = Entity("new:Person:zara okonkwo-lind", "Zara Okonkwo-Lind", "Person", [], None, 1)
    short = Entity("new:Person:okonkwo-lind", "Okonkwo-Lind", "Person", [], None, 1)
    armenia = Entity("kb:Q399", "Armenia", "Country", [], "Q399", 1)
    a = record("a", [full])
    b = record("b", [short, armenia],
               facts=[Fact(short.key, "officialOf", armenia.key, 0, 0, 1, "e", "r", 0.9, title="Envoy")],
               statements=[Statement(short.key, "text", True, 0, 0, 1, "e", "r", 0.9, [armenia.key])])
    merged = merge_entities([a, b])
    assert "new:Person:okonkwo-lind" not in merged
    assert merged["new:Person:zara okonkwo-lind"].label == "Zara Okonkwo-Lind"
    assert b.facts[0].subject == "new:Person:zara okonkwo-lind"
    assert b.statements[0].speaker == "new:Person:zara okonkwo-lind"
    assert b.mentions[0].key == "new:Person:zara okonkwo-lind"


def test_ambiguous_surname_is_left_alone():
    a = record("a", [Entity("new:Person:ann lee", "Ann Lee", "Person"), Entity("new:Person:bo lee", "Bo Lee", "Person")])
    b = record("b", [Entity("new:Person:lee", "Lee", "Person")])
    assert "new:Person:lee" in merge_entities([a, b])


def test_unknown_name_that_the_kb_knows_joins_the_kb_actor():
    a = record("a", [Entity("kb:Q399", "Armenia", "Country", ["Republic of Armenia"], "Q399", 1)])
    b = record("b", [Entity("new:Country:republic of armenia", "Republic of Armenia", "Country")])
    assert list(merge_entities([a, b])) == ["kb:Q399"]


def test_merge_is_stable():
    docs = lambda: [record("a", [Entity("new:Organization:x council", "X Council", "Organization", ["XC"])]),  # noqa: E731
                    record("b", [Entity("new:Organization:x council", "X council", "Organization", ["X-C"])])]
    assert merge_entities(docs()) == merge_entities(docs())


def test_the_table_is_the_same_whether_or_not_lists_without_merges_are_rewritten():
    from kg.records import Entity
    from kg.resolve import Resolution, _merged, _rewrite_entities

    lists = [[Entity("new:Person:Tarsk Odelly", "Tarsk Odelly", "Person", [], None, 2),
              Entity("kb:Q1", "Velor", "Country", ["Velorian Republic"], None, 1)],
             [Entity("new:Person:Odelly", "Odelly", "Person", [], None, 1)],  # merges into Tarsk Odelly
             [Entity("kb:Q1", "Velor", "Country", ["Velorian Republic"], None, 3),
              Entity("kb:Q1", "Velor", "Country", ["Velor Republic"], None, 0)]]  # one key twice
    resolution = Resolution(lists)
    assert resolution.mapping == {"new:Person:Odelly": "new:Person:Tarsk Odelly"}
    assert resolution.entities == _merged(_rewrite_entities(entities, resolution.mapping) for entities in lists)
