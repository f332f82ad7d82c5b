"""kg.nlp.roles.find_roles as a pure function, on hand-built Docs."""
from test_nlp_handbuilt import LEX, hand_doc, key

from kg.nlp.roles import find_roles

ACTORS = {"Veldoria": "Country", "Ilsa Marrow": "Person"}
TITLES = {"foreign minister": "Foreign Minister"}


def read(body):
    doc = hand_doc(body, ACTORS, TITLES)
    return find_roles(doc, doc._.kg_mentions, doc._.kg_titles, LEX)


def officials(reading):
    return {(f.subject, f.object, f.title, f.rule, f.confidence) for f in reading.facts}


def test_qualifier_title_name():
    reading = read("Veldoria's foreign minister Ilsa Marrow arrived.")
    assert officials(reading) == {(key("Person", "Ilsa Marrow"), key("Country", "Veldoria"), "Foreign Minister",
                                   "title-qualifier", LEX.confidence.official)}
    assert reading.descriptions == []


def test_appositive():
    reading = read("Ilsa Marrow, Veldoria's foreign minister, arrived.")
    assert [f.rule for f in reading.facts] == ["appositive"]


def test_a_title_without_a_name_describes_the_one_holder():
    reading = read("Veldoria's foreign minister Ilsa Marrow arrived. Later the Veldoria foreign minister left.")
    [d] = reading.descriptions
    assert (d.key, d.rule, d.role, d.sentence) == (key("Person", "Ilsa Marrow"), "coref-title", "description", 2)


def test_a_bare_title_needs_the():
    reading = read("Veldoria's foreign minister Ilsa Marrow arrived. Foreign minister talks ended.")
    assert reading.descriptions == []
