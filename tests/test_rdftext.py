"""kg.rdftext: TriG, Turtle, N-Quads and N-Triples written from sorted quad keys are pyoxigraph's bytes."""
from __future__ import annotations

import io
import itertools
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib.namespace import RDF, RDFS, XSD

from kg import quads as qk
from kg import rdftext
from kg.build import build_graph
from kg.graph import quad_batches
from kg.namespaces import KG, WD
from kg.serialize import _TURTLE_PREFIXES

ROOT = Path(__file__).resolve().parent.parent
EX = "http://example.org/velor/"

#: Terms a writer could get wrong: prefixed names that need escapes, every ASCII control
#: character, quotes and backslashes, bare and quoted numbers, dates, language tags.
IRIS = [qk.iri(EX + "a"), qk.iri(EX + "b?x=1#y"), qk.iri(str(KG.Assertion)), qk.iri(str(RDF.type)),
        qk.iri(str(RDFS.label)), qk.iri(str(RDFS) + "a.b"), qk.iri(str(RDFS) + "a."), qk.iri(str(RDFS) + "a/b"),
        qk.iri(str(RDFS) + "a%20b"), qk.iri(str(RDFS) + "-a"), qk.iri(str(RDFS)), qk.iri(str(WD) + "Q42"),
        qk.iri(str(RDFS) + "é"), qk.iri("urn:x-velor:1")]
LITERALS = [qk.literal(""), qk.literal("plain"), qk.literal("".join(map(chr, range(128)))),
            qk.literal('say "no" \\ now'), qk.literal("é✓😀\u2028\ufeff\x85"),
            qk.literal("5", str(XSD.integer)), qk.literal("+5", str(XSD.integer)), qk.literal("05", str(XSD.integer)),
            qk.literal("five", str(XSD.integer)), qk.literal("1", str(XSD.decimal)),
            qk.literal("0.99", str(XSD.decimal)), qk.literal(".5", str(XSD.decimal)),
            qk.literal("-1.50", str(XSD.decimal)), qk.literal("true", str(XSD.boolean)),
            qk.literal("1", str(XSD.boolean)), qk.literal("1e3", str(XSD.double)),
            qk.literal("2023-10-05", str(XSD.date)), qk.literal("2023", str(XSD.gYear)),
            qk.literal("x", str(EX + "type")), qk.literal("bonjour", language="fr"),
            qk.literal('say "oui"', language="EN-gb")]
BLANKS = ["1b1", "1node-2"]


FORMATS = {  # name -> (pyoxigraph format, writes triples)
    "trig": (ox.RdfFormat.TRIG, False), "turtle": (ox.RdfFormat.TURTLE, True),
    "nquads": (ox.RdfFormat.N_QUADS, False), "nt": (ox.RdfFormat.N_TRIPLES, True),
}


def pyoxigraph_text(keys: list[str], fmt: str = "trig") -> bytes:
    ox_format, triples = FORMATS[fmt]
    if triples:
        keys = sorted({qk.triple_of(key) for key in keys})
    prefixes = _TURTLE_PREFIXES if fmt in ("trig", "turtle") else None
    return ox.serialize(qk.oxigraph_quads(keys, triples, checked=True), format=ox_format, prefixes=prefixes)


def direct_text(keys: list[str], fmt: str = "trig") -> bytes:
    _, triples = FORMATS[fmt]
    if triples:
        keys = sorted({qk.triple_of(key) for key in keys})
    buffer = io.BytesIO()
    if fmt in ("trig", "turtle"):
        rdftext.write_trig(iter(keys), buffer, _TURTLE_PREFIXES, triples)
    else:
        rdftext.write_nquads(iter(keys), buffer, triples)
    return buffer.getvalue()


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_awkward_term_in_every_position_is_written_as_pyoxigraph_writes_it(fmt):
    subjects = IRIS + BLANKS
    keys = sorted({qk.quad(s, p, o, g)
                   for s in subjects for p in IRIS[:5] for o in IRIS + LITERALS + BLANKS[:1]
                   for g in ("", IRIS[0], IRIS[2], BLANKS[0])})
    assert direct_text(keys, fmt) == pyoxigraph_text(keys, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("size", [0, 1, 2, 3, 50])
def test_subjects_predicates_objects_and_graphs_are_grouped_as_pyoxigraph_groups_them(size, fmt):
    terms = [qk.iri(f"{EX}{i}") for i in range(4)]
    keys = sorted({qk.quad(s, p, o, g) for s, p, o, g in itertools.islice(
        itertools.product(terms, terms, terms + LITERALS[:3], ["", terms[1], terms[3]]), 0, None, 7)})[:size]
    assert direct_text(keys, fmt) == pyoxigraph_text(keys, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_nothing_to_write_writes_nothing(fmt):
    assert direct_text([], fmt) == pyoxigraph_text([], fmt) == b""


def test_the_graph_of_real_news_is_written_as_pyoxigraph_writes_it():
    result = build_graph([ROOT / "corpus", ROOT / "tests" / "data" / "dev" / "articles"])
    keys = sorted(set(itertools.chain.from_iterable(quad_batches(result.documents, result.entities))))
    assert len(keys) > 10_000
    for fmt in FORMATS:
        assert direct_text(keys, fmt) == pyoxigraph_text(keys, fmt), fmt


def test_text_that_is_not_unicode_fails_like_pyoxigraph():
    keys = [qk.quad(qk.iri(EX + "s"), qk.iri(EX + "p"), qk.literal("half \ud800 a pair"))]
    for fmt in FORMATS:
        with pytest.raises(UnicodeEncodeError):
            direct_text(keys, fmt)


def test_the_texts_kept_of_repeating_objects_are_bounded(monkeypatch):
    monkeypatch.setattr(rdftext, "KEPT_TEXTS", 3)
    keys = sorted(qk.quad(qk.iri(f"{EX}s{i % 5}"), qk.iri(EX + "p"), qk.literal(str(i), str(XSD.integer)))
                  for i in range(40))
    for fmt in FORMATS:
        assert direct_text(keys, fmt) == pyoxigraph_text(keys, fmt)
