"""kg.patch: a rebuild after a few articles changed patches the last output into the full build's bytes."""
from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from kg import patch
from kg import quads as qk
from kg.build import build

DEV = Path(__file__).resolve().parent / "data" / "dev" / "articles"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(DEV, folder)
    return folder


def rebuild(corpus: Path, out: Path, **options):
    """A build as ``kg build`` runs it (records on disk, not in memory)."""
    return build([corpus], out, keep_records=False, **options)


def full_bytes(corpus: Path, tmp_path: Path) -> bytes:
    out = tmp_path / "full" / "graph.trig"
    build([corpus], out, incremental=False, keep_records=False)
    return out.read_bytes()


def built_in_full(corpus: Path, out: Path, tmp_path: Path):
    """The next build of ``corpus`` into ``out``, checked to have gone the full way (no
    patch) and to hold a full build's bytes."""
    again = rebuild(corpus, out)
    assert not again.stats.patched
    assert out.read_bytes() == full_bytes(corpus, tmp_path)
    return again


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


NEW_ARTICLE = ("Velorian talks\n\nArmenia's foreign minister, Tarsk Odelly, met the Velorian Council in Yerevan on "
               "Monday. \"We will not give up,\" Odelly said. Armenia and Georgia are members of the Velorian Council.\n")

CHANGES = {
    "a sentence appended": lambda c: append(c / "d05.txt", "\nThe talks went on.\n"),
    "new actors, an office, members and a quote": lambda c: append(c / "d07.txt", "\n" + NEW_ARTICLE.split("\n\n")[1]),
    "an article removed": lambda c: (c / "d11.txt").unlink(),
    "an article added": lambda c: (c / "d99.txt").write_text(NEW_ARTICLE, encoding="utf-8"),
    "an article emptied of facts": lambda c: (c / "d02.txt").write_text("A quiet day\n\nNothing happened.\n",
                                                                        encoding="utf-8"),
    "two articles changed": lambda c: (append(c / "d03.txt", "\nThe talks went on.\n"),
                                       append(c / "d04.txt", "\nThe talks ended.\n")),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_a_rebuild_patches_the_last_output_into_the_full_builds_bytes(corpus, tmp_path, change):
    out = tmp_path / "out" / "graph.trig"
    rebuild(corpus, out)
    before = out.read_bytes()
    CHANGES[change](corpus)
    again = rebuild(corpus, out)
    assert again.stats.patched
    assert out.read_bytes() == full_bytes(corpus, tmp_path) != before
    third = rebuild(corpus, out)  # nothing changed: the patched output's state is right too
    assert third.stats.patched and out.read_bytes() == full_bytes(corpus, tmp_path)


def test_a_rebuild_reads_the_last_graph_state_while_its_nlp_worker_starts(corpus, tmp_path, monkeypatch):
    from kg import build as build_module
    from kg.nlp import workers

    out = tmp_path / "out" / "graph.trig"
    rebuild(corpus, out)
    CHANGES["a sentence appended"](corpus)
    order = []
    start, load = workers.start, patch.GraphState.load
    monkeypatch.setattr(build_module, "_spare_core", lambda: True)
    monkeypatch.setattr(workers, "start", lambda *a: (order.append("worker started"), start(*a))[1])
    monkeypatch.setattr(patch.GraphState, "load", lambda *a: (order.append("state read"), load(*a))[1])
    again = rebuild(corpus, out)
    assert order == ["worker started", "state read"]
    assert again.stats.patched and out.read_bytes() == full_bytes(corpus, tmp_path)


def test_the_summary_of_a_patched_build_is_the_full_builds(corpus, tmp_path):
    out = tmp_path / "out" / "graph.trig"
    rebuild(corpus, out)
    CHANGES["new actors, an office, members and a quote"](corpus)
    patched = rebuild(corpus, out).stats
    full = build([corpus], tmp_path / "full.trig", incremental=False, keep_records=False).stats
    assert patched.patched and not full.patched
    for field in ("documents", "words", "entities_by_type", "facts_by_relation", "assertions_by_relation",
                  "negative_assertions", "statements_direct", "statements_reported"):
        assert getattr(patched, field) == getattr(full, field), field


def test_random_edits_patch_into_the_full_builds_bytes(corpus, tmp_path):
    out = tmp_path / "out" / "graph.trig"
    rebuild(corpus, out)
    rng = random.Random(7)
    sentences = [line for path in sorted(DEV.glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()
                 if len(line.split()) > 12][:400]
    for _ in range(4):
        articles = sorted(corpus.glob("*.txt"))
        for path in rng.sample(articles, 2):  # another article's sentence: actors, facts, quotes move
            append(path, "\n" + rng.choice(sentences) + "\n")
        again = rebuild(corpus, out)
        assert again.stats.reused == len(articles) - 2
        assert out.read_bytes() == full_bytes(corpus, tmp_path)


def test_a_change_of_who_is_who_is_built_in_full(tmp_path):
    """A new article naming "Tarsk Odelly" in full merges the bare "Odelly" of another
    into that person: the other article's quads change, so no patch."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Talks\n\nMinister Odelly said the talks would go on.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("More talks\n\nArmenia met Georgia in Tbilisi on Monday.\n", encoding="utf-8")
    out = tmp_path / "out" / "graph.trig"
    rebuild(corpus, out)
    (corpus / "c.txt").write_text("Odelly\n\nForeign Minister Tarsk Odelly said Armenia would not give up.\n",
                                  encoding="utf-8")
    built_in_full(corpus, out, tmp_path)


def test_an_output_changed_since_is_written_in_full(corpus, tmp_path):
    out = tmp_path / "out" / "graph.trig"
    rebuild(corpus, out)
    out.write_bytes(out.read_bytes() + b"# a note\n")
    CHANGES["a sentence appended"](corpus)
    built_in_full(corpus, out, tmp_path)


def test_many_changed_articles_are_built_in_full(corpus, tmp_path):
    out = tmp_path / "out" / "graph.trig"
    rebuild(corpus, out)
    for path in sorted(corpus.glob("*.txt"))[:12]:  # a third of the corpus
        append(path, "\nThe talks went on.\n")
    built_in_full(corpus, out, tmp_path)


def test_an_n_quads_output_is_built_in_full(corpus, tmp_path):
    out = tmp_path / "out" / "graph.nq"
    rebuild(corpus, out)
    CHANGES["a sentence appended"](corpus)
    again = rebuild(corpus, out)
    assert not again.stats.patched and again.stats.reused == 35
    full = tmp_path / "full.nq"
    build([corpus], full, incremental=False, keep_records=False)
    assert out.read_bytes() == full.read_bytes()


def test_a_build_that_keeps_its_records_in_memory_writes_in_full(corpus, tmp_path):
    out = tmp_path / "out" / "graph.trig"
    rebuild(corpus, out)
    CHANGES["a sentence appended"](corpus)
    again = build([corpus], out)  # the Python API's default: result.documents holds every record
    assert not again.stats.patched and len(again.documents) == 36


# ---- the parts of an output


@pytest.fixture(scope="module")
def dev_output(tmp_path_factory) -> bytes:
    out = tmp_path_factory.mktemp("patch") / "graph.trig"
    build([DEV], out, incremental=False, keep_records=False)
    return out.read_bytes()


def test_every_part_of_a_build_reads_back_to_its_bytes(dev_output):
    head = patch.serialize.prefix_lines("trig")
    parts = list(patch.iter_parts(dev_output))
    assert head + b"".join(text for _, text in parts) == dev_output
    assert [key for key, _ in parts] == sorted(key for key, _ in parts)
    assert any(key.startswith(qk.SEP) for key, _ in parts) and any(not key.startswith(qk.SEP) for key, _ in parts)
    for key, text in parts:
        keys = patch._read_part(head, text)
        assert keys and {patch._part(k) for k in keys} == {key}


def test_a_part_is_found_by_bisection_or_where_it_would_stand(dev_output):
    head = patch.serialize.prefix_lines("trig")
    finder = patch._Parts(dev_output, len(head))
    starts, at = [], len(head)
    for key, text in patch.iter_parts(dev_output):
        starts.append((key, at))
        at += len(text)
    for key, start in starts[::7]:
        assert finder.find(key) == start
    missing = starts[10][0][:-1] + "~" + qk.SEP  # sorts after part 10's key, before part 11's
    assert starts[10][0] < missing < starts[11][0]
    assert finder.find(missing) == starts[11][1]
    assert finder.find("\uffff") == len(dev_output)


def test_the_part_of_a_quad_is_its_subjects_block_or_its_named_graph():
    default = qk.quad(qk.iri("http://ex/s"), qk.iri("http://ex/p"), qk.literal("x"))
    named = qk.quad(qk.iri("http://ex/s"), qk.iri("http://ex/p"), qk.literal("x"), qk.iri("http://ex/g"))
    assert patch._part(default) == qk.SEP + qk.iri("http://ex/s") + qk.SEP
    assert patch._part(named) == qk.iri("http://ex/g") + qk.SEP


def test_a_patch_that_fails_half_way_leaves_the_last_output_and_state(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out" / "graph.trig"
    rebuild(corpus, out)
    before = out.read_bytes()
    state = out.parent / ".graph.trig.records" / patch.STATE_FILE
    kept_state = state.read_bytes()
    CHANGES["two articles changed"](corpus)
    written = patch._written

    def fails_after_the_first_part(keys):
        fails_after_the_first_part.calls += 1
        if fails_after_the_first_part.calls > 1:
            raise RuntimeError("disk gone")
        return written(keys)

    fails_after_the_first_part.calls = 0
    monkeypatch.setattr(patch, "_written", fails_after_the_first_part)
    with pytest.raises(RuntimeError, match="disk gone"):
        rebuild(corpus, out)
    assert out.read_bytes() == before and state.read_bytes() == kept_state
    monkeypatch.undo()
    again = rebuild(corpus, out)
    assert again.stats.patched and out.read_bytes() == full_bytes(corpus, tmp_path)


def test_a_damaged_state_means_a_full_build(corpus, tmp_path):
    out = tmp_path / "out" / "graph.trig"
    rebuild(corpus, out)
    state = out.parent / ".graph.trig.records" / patch.STATE_FILE
    state.write_bytes(state.read_bytes()[:1000])
    CHANGES["a sentence appended"](corpus)
    again = rebuild(corpus, out)
    assert not again.stats.patched and again.stats.reused == 35
    assert out.read_bytes() == full_bytes(corpus, tmp_path)
    assert rebuild(corpus, out).stats.patched  # the full build kept a new state


def test_a_state_reads_back_as_it_was_written(corpus, tmp_path):
    out = tmp_path / "out" / "graph.trig"
    rebuild(corpus, out)
    folder = out.parent / ".graph.trig.records"
    state = patch.GraphState.load(folder, out, _fingerprint(), "trig")
    assert state is not None and len(state.documents) == 36
    assert state.load(folder, out, "another fingerprint", "trig") is None
    assert state.load(folder, out, _fingerprint(), "nquads") is None
    first = state.documents[0]
    entities, trace, counts = state.entities(first), state.trace(first), state.counts(first)
    assert entities and all(e.key and e.label and e.type for e in entities)
    assert trace.actors and all(key.startswith(qk.SEP) for key in trace.shared)
    state.save(folder, out)
    again = patch.GraphState.load(folder, out, _fingerprint(), "trig")
    assert again.documents == state.documents and again.iris == state.iris and again.labels == state.labels
    assert again.entity_keys == state.entity_keys
    assert [again.trace(d) for d in again.documents] == [state.trace(d) for d in state.documents]
    assert (again.entities(first), again.counts(first)) == (entities, counts)


def _fingerprint() -> str:
    from kg.incremental import fingerprint

    return fingerprint(None, [])


def test_kg_build_says_it_patched_the_last_output(corpus, tmp_path, capsys):
    from kg.cli import main

    out = tmp_path / "out" / "graph.trig"
    assert main(["build", str(corpus), "-o", str(out)]) == 0
    assert "the last output patched" not in " ".join(capsys.readouterr().out.split())
    CHANGES["a sentence appended"](corpus)
    assert main(["build", str(corpus), "-o", str(out)]) == 0
    shown = " ".join(capsys.readouterr().out.split())
    assert "unchanged since the last build: not read again; the last output patched" in shown
    assert out.read_bytes() == full_bytes(corpus, tmp_path)
