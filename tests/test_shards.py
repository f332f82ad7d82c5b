"""kg.shards: the graph and serialize stages in forked workers give a one-process build's bytes."""
from __future__ import annotations

import copy
import os

import pytest
from graph_records import hostile_records, sample_records

from kg import graph, serialize, shards
from kg import quads as qk
from kg.build import _Counts, build
from kg.errors import OutputError
from kg.iris import CO_MENTION_BASE
from kg.records import DocumentRecord, Entity, Fact, Span
from kg.resolve import Resolution

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="kg.shards forks its workers")


def officials(count: int) -> list[DocumentRecord]:
    """``count`` documents naming one office of Quorlandia, its title written in two
    cases (the first document's title names the position), and a member of the Velmar Pact."""
    docs = []
    country = Entity("new:Country:quorlandia", "Quorlandia", "Country", [], None, 1)
    pact = Entity("new:Organization:velmar pact", "Velmar Pact", "Organization", [], None, 1)
    for i in range(count):
        person = Entity(f"new:Person:tamsin vell{i}", f"Tamsin Vell{i}", "Person", [], None, 1)
        title = "Foreign Minister" if i % 2 else "foreign minister"
        text = f"Quorlandia's {title} Tamsin Vell{i} spoke. Quorlandia is a member of the Velmar Pact."
        facts = [Fact(person.key, "officialOf", country.key, 0, 0, 40, text[:40], "title-of", 0.9, title=title),
                 Fact(country.key, "memberOf", pact.key, 1, 41, len(text), text[41:], "member-of", 0.8)]
        docs.append(DocumentRecord(f"doc{i:03d}.txt", f"Report {i}", text, date=f"2024-01-{i % 28 + 1:02d}",
                                   sentences=[Span(0, 40), Span(41, len(text))],
                                   entities=[person, country, pact], facts=facts, words=len(text.split())))
    return docs


def corpus() -> list[DocumentRecord]:
    return sample_records() + officials(9) + hostile_records()


def one_process_bytes(records: list[DocumentRecord], fmt: str, tmp_path) -> bytes:
    resolution = Resolution(r.entities for r in records)
    for record in records:
        resolution.apply(record)
    path = tmp_path / f"one.{fmt}"
    serialize.write_quads(graph.quad_batches(records, resolution.entities), path, fmt)
    return path.read_bytes()


def sharded_bytes(records: list[DocumentRecord], fmt: str, processes: int, tmp_path) -> tuple[bytes, _Counts]:
    resolution = Resolution(r.entities for r in records)
    for record in records:
        resolution.apply(record)
    counts = _Counts()
    path = tmp_path / f"sharded-{processes}.{fmt}"
    with shards.make_runs(lambda start, stop: records[start:stop], len(records), resolution.entities, counts,
                          processes, tmp_path) as runs:
        shards.write(runs, path, fmt)
    return path.read_bytes(), counts


@pytest.mark.parametrize("fmt", ["trig", "nq"])
@pytest.mark.parametrize("processes", [2, 3, 5])
@pytest.mark.parametrize(("ranges_per_worker", "ties_after", "run_chars"),
                         [(1, 1.0, qk.RUN_CHARS), (4, 0.5, 2_000), (3, 0.0, 300)])
def test_sharded_bytes_are_one_process_bytes(tmp_path, monkeypatch, fmt, processes, ranges_per_worker, ties_after,
                                             run_chars):
    # small blocks: many blocks per run (the sample of the boundaries), a boundary in every range;
    # the ties' range taken first (its worker waits for them), in the middle, or last; and
    # each worker's quads in one run or, outgrowing a small budget, in several
    monkeypatch.setattr(qk, "RUN_BLOCK", 7)
    monkeypatch.setattr(qk, "RUN_CHARS", run_chars)
    monkeypatch.setattr(shards, "RANGES_PER_WORKER", ranges_per_worker)
    monkeypatch.setattr(shards, "TIES_TAKEN_AFTER", ties_after)
    expected = one_process_bytes(corpus(), fmt, tmp_path)
    assert CO_MENTION_BASE.encode() in expected
    got, _ = sharded_bytes(corpus(), fmt, processes, tmp_path)
    assert got == expected


def test_a_worker_whose_quads_outgrow_the_budget_leaves_several_runs_in_its_file(tmp_path, monkeypatch):
    monkeypatch.setattr(qk, "RUN_CHARS", 2_000)
    records = corpus()
    resolution = Resolution(r.entities for r in records)
    with shards.make_runs(lambda start, stop: records[start:stop], len(records), resolution.entities, _Counts(),
                          2, tmp_path) as runs:
        assert all(len(run.runs) > 1 for run in runs.runs)


def test_the_first_documents_title_names_a_position_whichever_worker_reads_it(tmp_path):
    got, _ = sharded_bytes(officials(6), "nq", 3, tmp_path)
    assert b'"foreign minister of Quorlandia"' in got  # document 0 writes it in lower case
    assert b'"Foreign Minister of Quorlandia"' not in got


def test_the_workers_count_every_document(tmp_path):
    records = corpus()
    _, counts = sharded_bytes(copy.deepcopy(records), "trig", 3, tmp_path)
    one = _Counts()
    resolution = Resolution(r.entities for r in records)
    for record in records:
        one.add(resolution.apply(record))
    assert (counts.triples, counts.assertions, counts.negative, counts.direct, counts.reported) == \
           (one.triples, one.assertions, one.negative, one.direct, one.reported)


def test_more_processes_than_documents(tmp_path):
    records = sample_records()
    assert sharded_bytes(sample_records(), "trig", 8, tmp_path)[0] == one_process_bytes(records, "trig", tmp_path)


def test_boundaries_fall_between_subjects_of_the_default_graph_or_between_named_graphs(tmp_path, monkeypatch):
    monkeypatch.setattr(qk, "RUN_BLOCK", 7)
    records = corpus()
    resolution = Resolution(r.entities for r in records)
    for record in records:
        resolution.apply(record)
    with shards.make_runs(lambda start, stop: records[start:stop], len(records), resolution.entities, _Counts(),
                          4, tmp_path) as runs:
        bounds = shards._boundaries(runs, 40)  # the named graphs: a few of the 166 keys of the sample
    assert bounds == sorted(set(bounds)) and 1 <= len(bounds) <= 39
    in_default = [bound.split(qk.SEP) for bound in bounds if bound.startswith(qk.SEP)]
    in_named = [bound.split(qk.SEP) for bound in bounds if not bound.startswith(qk.SEP)]
    assert in_default and in_named
    for graph_key, subject, rest in in_default:
        assert graph_key == "" and subject[0] == qk.IRI and rest == ""
    for graph_key, rest in in_named:
        assert graph_key[0] == qk.IRI and rest == ""


def test_each_ticket_is_taken_once_by_one_worker(tmp_path):
    order = [5, 0, 3, 1, 4, 2, 6]
    with shards._Tickets(order) as tickets:
        taken = shards._forked([lambda: list(tickets.taken())] * 3, tmp_path)
    assert sorted(n for worker in taken for n in worker) == list(range(7))
    for worker in taken:  # each takes them in the pipe's order
        assert worker == [n for n in order if n in worker]


def test_the_ties_range_is_taken_after_half_the_others():
    assert shards._ticket_order(5, 2) == [0, 1, 2, 3, 4]
    assert shards._ticket_order(7, 6) == [0, 1, 2, 6, 3, 4, 5]
    assert shards._ticket_order(1, 0) == [0]


def test_keys_made_later_reach_a_worker_that_waits_for_them(tmp_path):
    import time

    keys = ["a", "b\x00c", "é"]
    with shards._Later(tmp_path) as later:
        def worker() -> list[str]:
            later.in_worker()
            return later.get()

        got = shards._forked([worker, worker], tmp_path, meanwhile=lambda: (time.sleep(0.2), later.put(keys)))
    assert got == [keys, keys]


def test_a_workers_error_is_raised_in_the_parent(tmp_path):
    bad = sample_records()
    bad[1].facts[0].predicate = "likes"  # breaks the records contract
    with pytest.raises(ValueError, match="unknown relation 'likes'"):
        sharded_bytes(bad, "trig", 2, tmp_path)


def test_an_error_while_the_workers_wait_for_keys_stops_them_and_is_raised(tmp_path):
    with shards._Later(tmp_path) as later:
        def worker() -> list[str]:
            later.in_worker()
            return later.get()  # never handed: the parent fails first

        def fail() -> None:
            raise RuntimeError("ranking failed")

        with pytest.raises(RuntimeError, match="ranking failed"):
            shards._forked([worker, worker], tmp_path, meanwhile=fail)


def test_a_worker_that_dies_is_an_output_error(tmp_path):
    with pytest.raises(OutputError, match="died without a result"):
        shards._forked([lambda: 1, lambda: os._exit(3)], tmp_path)


def test_only_splittable_formats_with_processes_are_split():
    assert shards.can_split("trig", 2) and shards.can_split("nquads", 4)
    assert not shards.can_split("trig", 1)
    assert not shards.can_split("turtle", 2) and not shards.can_split("json-ld", 2)


def test_build_with_processes_writes_the_bytes_of_one_process(tmp_path):
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    texts = {
        "a.txt": "Talks in Quorlandia\n\nQuorlandia is a member of the Velmar Pact, Foreign Minister "
                 "Tamsin Vell said. \"We stay,\" Vell said.",
        "b.txt": "Pact meeting\n\nThe Velmar Pact met in Drisk. Quorlandia and Ostrava are members of the "
                 "Velmar Pact.",
        "c.txt": "Another day\n\nTamsin Vell, the foreign minister of Quorlandia, said the pact would hold.",
    }
    for name, text in texts.items():
        (corpus_dir / name).write_text(text, encoding="utf-8")
    one = build([corpus_dir], tmp_path / "one.trig", incremental=False, keep_records=False)
    two = build([corpus_dir], tmp_path / "two.trig", processes=2, incremental=False, keep_records=False)
    kept = build([corpus_dir], tmp_path / "kept.trig", processes=2, incremental=False)
    assert (tmp_path / "two.trig").read_bytes() == (tmp_path / "one.trig").read_bytes()
    assert (tmp_path / "kept.trig").read_bytes() == (tmp_path / "one.trig").read_bytes()
    assert two.stats.facts_by_relation == one.stats.facts_by_relation
    assert two.stats.assertions_by_relation == one.stats.assertions_by_relation
    assert [d.entities for d in kept.documents] == [d.entities for d in
                                                    build([corpus_dir], tmp_path / "k1.trig",
                                                          incremental=False).documents]


@pytest.mark.skipif(not os.sys.platform.startswith("linux"), reason="the kernel's parent-death signal is Linux's")
def test_workers_die_with_the_build(tmp_path):
    """A build killed while its workers run leaves none of them behind."""
    import signal
    import time

    marker = tmp_path / "worker.pid"
    middle = os.fork()
    if middle == 0:  # a stand-in for the build: forks one worker that would run for a minute
        try:
            shards._forked([lambda: (marker.write_text(str(os.getpid())), time.sleep(60))], tmp_path)
        finally:
            os._exit(0)
    for _ in range(200):
        if marker.exists() and marker.read_text():
            break
        time.sleep(0.05)
    worker = int(marker.read_text())
    os.kill(middle, signal.SIGKILL)
    os.waitpid(middle, 0)
    for _ in range(200):
        if not os.path.exists(f"/proc/{worker}") or " Z " in open(f"/proc/{worker}/stat").read():
            break
        time.sleep(0.05)
    assert not os.path.exists(f"/proc/{worker}") or " Z " in open(f"/proc/{worker}/stat").read()
