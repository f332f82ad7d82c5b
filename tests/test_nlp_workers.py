"""kg.nlp.workers and kg.nlp.zygote: nlp workers forked from one that made the pipeline
read articles as one process does, stop with the build, and fail in one line."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from kg.errors import InputError
from kg.nlp import pipeline, workers, zygote
from kg.records import SourceText, record_values, whole

pytestmark = pytest.mark.skipif(not zygote.available(), reason="the zygote needs fork and Linux's parent-death signal")

#: Invented names the knowledge base does not know, in sentences the rules read.
SENTENCES = [
    "Minister Tarsk Odelly of Veloria met President Amri Koveth in Draskon on Monday.",
    "The Velorian army withdrew from Ostrava Plains, the defence ministry said.",
    '"We will not sign," said Tarsk Odelly, the foreign minister of Veloria.',
]


def articles(count: int) -> list[SourceText]:
    return [SourceText(f"{i:03}_talks.txt", f"Talks number {i}\n\n{SENTENCES[i % len(SENTENCES)]}\n")
            for i in range(count)]


def one_process(sources: list[SourceText]) -> list[tuple]:
    nlp = pipeline.make_pipeline()
    return [record_values(pipeline.read_source(nlp, source)) for source in sources]


def gone(pid: int) -> bool:
    """Whether ``pid`` has ended (a zombie left for init to reap counts as ended)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rpartition(")")[2].split()[0] == "Z"
    except FileNotFoundError:
        return True


def all_gone(pids: list[int]) -> bool:
    """Whether every process of ``pids`` has ended within 5 s (the kernel kills a dead
    parent's children at once, but they take a moment to go)."""
    for _ in range(100):
        if all(gone(pid) for pid in pids):
            return True
        time.sleep(0.05)
    return False


def parent_of(pid: int) -> int:
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        return int(stat.read().rpartition(")")[2].split()[1])


def test_forked_workers_give_one_processs_records_in_order():
    sources = articles(70)  # several chunks per worker
    with zygote.Workers(2, None, (), None) as started:
        got = [record_values(whole(record)) for record in started.records(sources)]
    assert got == one_process(sources)


def test_the_other_workers_are_forked_from_the_zygote_and_end_with_it():
    with zygote.Workers(3, None, (), None) as started:
        pids = started.pids()
        assert len(set(pids)) == 3
        assert parent_of(pids[0]) == os.getpid()
        assert parent_of(pids[1]) == parent_of(pids[2]) == pids[0]
    assert all(gone(pid) for pid in pids)  # idle workers end by themselves, reaped


def test_the_workers_start_before_they_are_asked_and_take_articles_twice():
    with workers.start(2, None, (), None) as started:
        first = [r.identifier for r in started.records(articles(3))]
        again = [r.identifier for r in started.records(articles(5))]
    assert first == ["000_talks.txt", "001_talks.txt", "002_talks.txt"]
    assert again == [f"{i:03}_talks.txt" for i in range(5)]


def test_a_model_that_cannot_be_loaded_is_one_input_error():
    with zygote.Workers(2, "no_such_pipeline_vx", (), None) as started:
        with pytest.raises(InputError, match="cannot load the spaCy pipeline 'no_such_pipeline_vx'") as info:
            list(started.records(articles(2)))
    assert "\n" not in str(info.value)


def test_an_error_in_a_worker_is_raised_in_the_build_process(monkeypatch):
    real = pipeline._work

    def failing(source):
        if source.identifier == "004_talks.txt":
            raise ValueError("a component broke on 004")
        return real(source)

    monkeypatch.setattr(pipeline, "_work", failing)  # the zygote is forked with it
    with zygote.Workers(2, None, (), None) as started, pytest.raises(ValueError, match="broke on 004"):
        list(started.records(articles(8)))


def test_workers_that_die_are_a_one_line_error():
    with zygote.Workers(2, None, (), None) as started:
        pids = started.pids()
        os.kill(pids[0], signal.SIGKILL)  # the zygote: the kernel kills the other with it
        with pytest.raises(zygote.WorkerDied, match="ended before") as info:
            list(started.records(articles(8)))
    assert "\n" not in str(info.value)
    assert all_gone(pids)


def test_a_build_killed_leaves_no_worker_behind():
    code = ("import time; from kg.nlp import zygote; w = zygote.Workers(2, None, (), None); "
            "print(*w.pids(), flush=True); time.sleep(60)")
    build = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        pids = [int(pid) for pid in build.stdout.readline().split()]
        assert len(pids) == 2 and not any(gone(pid) for pid in pids)
    finally:
        build.kill()
        build.wait()
    assert all_gone(pids)


def test_without_the_zygote_a_pool_gives_the_same_records(monkeypatch):
    monkeypatch.setattr(zygote, "available", lambda: False)
    sources = articles(9)
    with workers.start(2, None, (), None) as started:
        assert not isinstance(started, zygote.Workers)
        got = [record_values(whole(record)) for record in started.records(sources)]
    assert got == one_process(sources)


def test_articles_that_cannot_be_sent_are_an_error_not_a_wait():
    sources = articles(4)
    sources[2] = SourceText("002_talks.txt", "Talks\n\nThey met.\n", title=lambda: "no pickle")  # type: ignore[arg-type]
    with zygote.Workers(2, None, (), None) as started, pytest.raises(Exception, match="pickle"):
        list(started.records(sources))
