"""kg.iris: stable, readable, always-valid IRIs for any label."""
from __future__ import annotations

import re
from urllib.parse import unquote

import pyoxigraph as ox
import pytest
from graph_records import HOSTILE_LABELS
from rdflib import Graph, Literal, URIRef

from kg import iris
from kg.iris import assertion_iri, document_iri, entity_iri, is_valid_iri, position_iri, slug, statement_iri
from kg.namespaces import ID_BASE, KG

HOSTILE = HOSTILE_LABELS + [
    "   ", "---", "\t\n\r", "a\u0301", "ﬁ", "Ⅻ", "x" * 500, "東" * 200, "😀" * 100,
    "%41%", "50% off", "a/b?c#d&e=f", "[ipv6]", "Ǆ", "İstanbul", "ß", "\u200b\u200d", "\ufeff",
    "Ապրիլյան պատերազմ", "قره باغ", "Нагорный Карабах", "ナゴルノ・カラバフ", "나고르노카라바흐",
]


@pytest.mark.parametrize(("type_", "label", "expected"), [
    ("Person", "Vladimir Putin", "person/vladimir-putin"),
    ("Country", "Russia", "country/russia"),
    ("Organization", "OSCE Minsk Group", "organization/osce-minsk-group"),
    ("Place", "Nagorno-Karabakh", "place/nagorno-karabakh"),
    ("Place", "  nagorno   karabakh ", "place/nagorno-karabakh"),
    ("Country", "United States", "country/united-states"),
])
def test_plain_names_give_readable_iris(type_, label, expected):
    assert entity_iri(type_, label) == URIRef(ID_BASE + expected)


def test_lossy_slugs_get_a_stable_hash_and_stay_apart():
    us_dots, us = entity_iri("Country", "U.S."), entity_iri("Country", "US")
    assert us == URIRef(ID_BASE + "country/us")
    assert us_dots == URIRef(ID_BASE + "country/u-s_6db0112a")  # the scheme must not drift
    cavusoglu = entity_iri("Person", "Mevlüt Çavuşoğlu")
    assert str(cavusoglu).startswith(ID_BASE + "person/mevlut-cavusoglu_")
    assert cavusoglu != entity_iri("Person", "Mevlut Cavusoglu")
    assert entity_iri("Country", "u.s.") == us_dots  # case is not information


def test_non_latin_scripts_are_percent_encoded_utf8():
    iri = entity_iri("Person", "Владимир Путин")
    assert str(iri) == ID_BASE + "person/" + "%D0%B2%D0%BB%D0%B0%D0%B4%D0%B8%D0%BC%D0%B8%D1%80-" \
                                             "%D0%BF%D1%83%D1%82%D0%B8%D0%BD"
    assert unquote(str(iri).rsplit("/", 1)[1]) == "владимир-путин"
    assert unquote(slug("北京市")) == "北京市"
    assert unquote(slug("Հայաստան")) == "հայաստան"


def test_empty_and_separator_only_labels_get_a_hash():
    for label in ("", " ", "---", "\n"):
        s = slug(label)
        assert s and len(s) == iris.HASH_DIGITS and all(c in "0123456789abcdef" for c in s)


@pytest.mark.parametrize("label", HOSTILE)
def test_any_label_gives_a_valid_iri_that_every_tool_accepts(label):
    iri = entity_iri("Organization", label)
    assert is_valid_iri(str(iri))
    assert iri.isascii() if hasattr(iri, "isascii") else str(iri).isascii()
    ox.NamedNode(str(iri))  # pyoxigraph's strict parser
    g = Graph()
    g.add((iri, KG.title, Literal(label)))
    back = Graph().parse(data=g.serialize(format="nt"), format="nt")
    assert set(back) == set(g)
    segment = str(iri).rsplit("/", 1)[1]
    assert segment and len(segment) <= iris.MAX_SLUG + 1 + iris.HASH_DIGITS
    unquote(segment, errors="strict")  # never a broken UTF-8 sequence, even when cut


def test_hostile_labels_give_distinct_iris():
    # equal only up to case and runs of spaces / hyphens (documented equivalence)
    labels = {re.sub(r"[\s-]+", " ", label.lower()).strip() for label in HOSTILE}
    assert len({entity_iri("Person", label) for label in labels}) == len(labels)


def test_slugs_are_stable_across_calls_and_unicode_normal_forms():
    assert slug("Café") == slug("Cafe\u0301")
    assert slug("Ｒｕｓｓｉａ") == slug("Ｒｕｓｓｉａ")
    assert slug("Ｒｕｓｓｉａ").startswith("russia_")  # folded, but marked as lossy


def test_long_labels_are_cut_and_hashed():
    a, b = slug("word " * 100), slug("word " * 101)
    assert a != b and len(a) <= iris.MAX_SLUG + 1 + iris.HASH_DIGITS


def test_document_iris_keep_case_dots_and_underscores():
    assert document_iri("000_2108af4f781ce4c6.txt") == URIRef(ID_BASE + "doc/000_2108af4f781ce4c6.txt")
    assert document_iri("A.txt") != document_iri("a.txt")
    sub = document_iri("sub dir/x.txt")
    assert str(sub).startswith(ID_BASE + "doc/sub-dir-x.txt~") and is_valid_iri(str(sub))
    assert is_valid_iri(str(document_iri("")))


def test_two_identifiers_never_share_a_document_iri():
    """Names that differ by space vs hyphen, slash vs hyphen, a doubled hyphen, a record
    number, or that spell another name's hashed slug are distinct sources."""
    names = ["2023 report.txt", "2023-report.txt", "2023--report.txt", "2023/report.txt", "2023_report.txt",
             "feed.jsonl#3", "feed.jsonl-3", "feed.jsonl 3"]
    names.append(str(document_iri("2023 report.txt")).rsplit("/", 1)[1])  # a file named like a hashed slug
    minted = {document_iri(name) for name in names}
    assert len(minted) == len(names)
    assert all(is_valid_iri(str(iri)) for iri in minted)


def test_position_iris_read_like_the_office():
    assert position_iri("President", "Russia") == URIRef(ID_BASE + "position/president-of-russia")
    assert position_iri("Foreign Minister", "Russia") == URIRef(ID_BASE + "position/foreign-minister-of-russia")


def test_assertion_and_statement_iris_are_stable_and_distinct():
    a = assertion_iri("d.txt", "memberOf", "s", "o", 1, 9)
    assert a == assertion_iri("d.txt", "memberOf", "s", "o", 1, 9)
    others = {assertion_iri("d.txt", "memberOf", "s", "o", 1, 10), assertion_iri("d.txt", "coChairOf", "s", "o", 1, 9),
              assertion_iri("e.txt", "memberOf", "s", "o", 1, 9), assertion_iri("d.txt", "memberOf", "o", "s", 1, 9)}
    assert a not in others and len(others) == 4
    assert str(a).startswith(ID_BASE + "assertion/")
    st = statement_iri("d.txt", "speaker", 1, 9)
    assert st == statement_iri("d.txt", "speaker", 1, 9) != statement_iri("d.txt", "speaker", 2, 9)
    assert str(st).startswith(ID_BASE + "statement/")


@pytest.mark.parametrize("base", [iris.ASSERTION_BASE, iris.MEMBERSHIP_BASE, iris.STATEMENT_BASE, iris.CO_MENTION_BASE])
def test_the_bases_of_hashed_iris_make_valid_iris_with_any_hex_digits(base):
    """Hashed IRIs are not parsed as they are minted: their base and digits make them valid."""
    assert base.startswith(ID_BASE)
    for digits in ("0123456789abcdef", "ffffffffffffffff"):
        assert is_valid_iri(base + digits)
        ox.NamedNode(base + digits)
    for minted in (assertion_iri("d\x00.txt", "memberOf", "s\n", "o\u0301", 1, 9), statement_iri("d.txt", '"', 1, 2),
                   iris.co_mention_iri("a", "b"), iris.membership_count_iri("<x>", "y z")):
        assert is_valid_iri(str(minted)) and re.fullmatch(r"[0-9a-f]{16}", str(minted).rsplit("/", 1)[1])


def test_unknown_entity_type_is_a_value_error():
    with pytest.raises(ValueError, match="unknown entity type 'Thing'"):
        entity_iri("Thing", "x")


@pytest.mark.parametrize("bad", [
    "https://w3id.org/kg-news/id/a b", "https://w3id.org/kg-news/id/<a>", 'https://x/"q"',
    "https://x/{a}", "https://x/a|b", "https://x/a\\b", "https://x/a^b", "https://x/a`b",
    "https://x/a\nb", "https://x/ä", "no-scheme", "https://x/%zz",
])
def test_invalid_iris_are_rejected(bad):
    assert not is_valid_iri(bad)


def test_a_slug_that_slips_raises_instead_of_minting(monkeypatch):
    monkeypatch.setattr(iris, "slug", lambda text, **kw: "has space")
    with pytest.raises(ValueError, match="invalid IRI"):
        entity_iri("Person", "anything")
