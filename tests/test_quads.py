"""kg.quads: quads as sortable strings, sorted in bounded memory, back to terms."""
from __future__ import annotations

import itertools
import random

import pyoxigraph as ox
import pytest
from graph_records import ox_term
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from kg import quads as qk

S = URIRef("http://example.org/s")
P = URIRef("http://example.org/p")
G = URIRef("http://example.org/g")

LITERALS = [
    Literal("plain"), Literal("plain", lang="en"), Literal("5", datatype=XSD.integer), Literal(True),
    Literal('say "no" \\ twice'), Literal("line one\nline two\r\n"), Literal("nul\x00inside"),
    Literal("Ереван, 東京"), Literal("0.9", datatype=XSD.decimal), Literal(""),
]
TERMS = [S, P, G, BNode("b1"), *LITERALS]


@pytest.mark.parametrize("term", TERMS, ids=repr)
def test_a_term_key_gives_the_term_back(term):
    assert qk.rdflib_term(qk.term_key(term)) == term


def test_keys_made_by_hand_equal_the_keys_of_rdflib_terms():
    assert qk.iri(S) == qk.term_key(S)
    assert qk.literal("x") == qk.term_key(Literal("x"))
    assert qk.literal("x", language="en") == qk.term_key(Literal("x", lang="en"))
    assert qk.integer(42) == qk.term_key(Literal(42))
    assert qk.boolean(False) == qk.term_key(Literal(False))


def test_quad_keys_sort_like_graph_subject_predicate_object():
    objects = [qk.term_key(t) for t in TERMS]
    quads = [(g, s, p, o) for g in ("", qk.iri(G), qk.iri(G + "2")) for s in (qk.iri(S), qk.iri(S + "/x"))
             for p in (qk.iri(P),) for o in objects]
    random.Random(3).shuffle(quads)
    assert sorted(qk.quad(s, p, o, g) for g, s, p, o in quads) == [qk.quad(s, p, o, g) for g, s, p, o in sorted(quads)]


def test_a_quad_key_gives_its_quad_back():
    key = qk.quad(qk.iri(S), qk.iri(P), qk.term_key(Literal("a\x00b", lang="en")), qk.iri(G))
    assert qk.rdflib_quad(key) == (S, P, Literal("a\x00b", lang="en"), G)
    assert qk.rdflib_quad(qk.triple_of(key) and qk.quad(qk.iri(S), qk.iri(P), qk.iri(G)))[3] is None


def _keys(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [qk.quad(qk.iri(f"http://example.org/s{rng.randrange(50)}"), qk.iri(P),
                    qk.literal(f"value {rng.randrange(200)}"), rng.choice(["", qk.iri(G)]))
            for _ in range(count)]


def test_the_sorter_spills_runs_and_merges_them_into_one_sorted_unique_stream(tmp_path):
    keys = _keys(5000, 1)
    with qk.QuadSorter(tmp_path, run_chars=20_000) as sorter:
        for start in range(0, len(keys), 700):
            sorter.extend(keys[start:start + 700])
        assert sorter.runs > 3
        assert list(sorter) == sorted(set(keys))
    assert list(tmp_path.iterdir()) == []  # the runs are anonymous files: nothing left


def test_a_sorter_with_a_runs_file_leaves_its_runs_there_each_sorted_and_unique(tmp_path):
    keys = _keys(5000, 3)
    with open(tmp_path / "runs", "w+b") as fh, qk.QuadSorter(run_chars=20_000, runs_file=fh) as sorter:
        for start in range(0, len(keys), 700):
            sorter.extend(keys[start:start + 700])
        runs = sorter.write_runs()
        assert len(runs) > 3
        read = [[key for block in itertools.islice(qk.run_blocks(fh, blocks[0][1]), len(blocks)) for key in block]
                for blocks in runs]
    assert all(run == sorted(set(run)) for run in read)
    assert sorted(set().union(*read)) == sorted(set(keys))
    assert list(qk.merge_runs([[run] for run in read])) == sorted(set(keys))


def test_a_sorter_with_a_runs_file_and_no_keys_leaves_no_run(tmp_path):
    with open(tmp_path / "runs", "w+b") as fh, qk.QuadSorter(runs_file=fh) as sorter:
        assert sorter.write_runs() == []


def test_runs_are_merged_a_block_at_a_time_into_one_sorted_unique_stream():
    rng = random.Random(4)
    runs, every = [], []
    for _ in range(5):
        keys = sorted(_keys(rng.randrange(0, 900), rng.randrange(1000)))  # repeats within a run too
        every += keys
        cuts = sorted(rng.sample(range(1, len(keys)), min(len(keys) - 1, rng.randrange(0, 30)))) if keys else []
        bounds = [0, *cuts, len(keys)]
        runs.append([keys[a:b] for a, b in zip(bounds, bounds[1:])] + [[]])  # blocks of any size, an empty one
    assert list(qk.merge_runs(runs)) == sorted(set(every))
    assert list(qk.merge_runs([])) == []


def test_the_sorter_in_memory_gives_the_same_stream():
    keys = _keys(3000, 2)
    with qk.QuadSorter() as sorter:
        sorter.extend(keys)
        assert sorter.runs == 0
        assert list(sorter) == sorted(set(keys))


def test_nquads_text_of_keys_parses_to_the_same_terms():
    keys = sorted({qk.quad(qk.iri(S), qk.iri(P), qk.term_key(t), g) for t in TERMS for g in ("", qk.iri(G))})
    expected = [ox.Quad(*map(ox_term, (s, p, o)), ox_term(g) if g is not None else ox.DefaultGraph())
                for s, p, o, g in map(qk.rdflib_quad, keys)]
    assert list(qk.oxigraph_quads(keys)) == expected
    triples = sorted({qk.triple_of(k) for k in keys})
    assert [q.triple for q in qk.oxigraph_quads(triples, triples=True)] == [
        ox.Triple(*map(ox_term, qk.rdflib_quad(qk.SEP + k)[:3])) for k in triples]


def test_nquads_text_spans_many_chunks():
    keys = sorted(set(_keys(20_000, 3)))
    assert len(list(qk.nquads_chunks(keys, lines=100))) > 100
    assert [str(q.object.value) for q in qk.oxigraph_quads(keys)] == [qk.rdflib_quad(k)[2].toPython()
                                                                      for k in keys]


def test_text_that_is_not_unicode_is_refused():
    key = qk.quad(qk.iri(S), qk.iri(P), qk.literal("lone \ud800 surrogate"))
    with pytest.raises(UnicodeEncodeError):
        list(qk.oxigraph_quads([key]))


def test_an_invalid_iri_is_a_syntax_error():
    with pytest.raises(SyntaxError):
        list(qk.oxigraph_quads([qk.quad(qk.iri("http://example.org/a b"), qk.iri(P), qk.literal("x"))]))


def test_blank_nodes_keep_their_labels():
    key = qk.quad(qk.term_key(BNode("n1")), qk.iri(P), qk.term_key(BNode("n2")), qk.term_key(BNode("n3")))
    (parsed,) = qk.oxigraph_quads([key])
    assert parsed.subject == ox.BlankNode("n1") and parsed.object == ox.BlankNode("n2")
    assert parsed.graph_name == ox.BlankNode("n3")


def test_subject_range_holds_the_default_graph_quads_of_subjects_with_the_prefix():
    low, high = qk.subject_range("https://x.test/id/tie/")
    inside = [qk.quad(qk.iri("https://x.test/id/tie/0a1b"), qk.iri("https://x.test/p"), qk.literal("1")),
              qk.quad(qk.iri("https://x.test/id/tie/"), qk.iri("https://x.test/p"), qk.iri("https://x.test/o"))]
    outside = [qk.quad(qk.iri("https://x.test/id/tie"), qk.iri("https://x.test/p"), qk.literal("1")),
               qk.quad(qk.iri("https://x.test/id/tiez"), qk.iri("https://x.test/p"), qk.literal("1")),
               qk.quad(qk.iri("https://x.test/id/tie0"), qk.iri("https://x.test/p"), qk.literal("1")),
               qk.quad(qk.iri("https://x.test/id/tie/0a1b"), qk.iri("https://x.test/p"), qk.literal("1"),
                       qk.iri("https://x.test/g"))]
    assert all(low <= key < high for key in inside)
    assert not any(low <= key < high for key in outside)
