"""kg build --dask: the nlp stage on a real Dask LocalCluster gives a local build's bytes."""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from kg.build import build
from kg.cli import main
from kg.errors import RemoteError
from kg.records import SourceText

SEEDS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.mark.slow
def test_a_local_dask_cluster_builds_the_same_bytes_as_one_process(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    (corpus / "velor.txt").write_text("Velorian talks\n\nMinister Tarsk Odelly of the Velorian Union met "
                                      "the CSTO in Moscow on Monday.\n", encoding="utf-8")
    local = tmp_path / "local.trig"
    build([corpus], local, incremental=False)
    clustered = tmp_path / "dask.trig"
    assert main(["build", str(corpus), "-o", str(clustered), "--dask", "--processes", "2", "--full",
                 "--quiet"]) == 0
    assert clustered.read_bytes() == local.read_bytes()


def test_an_unreachable_scheduler_is_a_remote_error(tmp_path, monkeypatch):
    monkeypatch.setattr("kg.cluster.CONNECT_SECONDS", 2)
    with pytest.raises(RemoteError, match="cannot reach the Dask scheduler tcp://127.0.0.1:9"):
        build([SEEDS], tmp_path / "g.trig", dask="tcp://127.0.0.1:9", incremental=False)


def _worker_facts() -> dict:
    """On a worker, a task after its warm-up: what the tests below check."""
    import gc
    import multiprocessing

    import dask
    import psutil
    from distributed import get_worker

    from kg import cluster

    parent = psutil.Process().parent()
    return {"profiled": "profile" in get_worker().periodic_callbacks, "frozen": gc.get_freeze_count(),
            "young": gc.get_threshold()[0],
            "tick": dask.config.get("distributed.admin.tick.interval"),
            "parent": " ".join(parent.cmdline()) if multiprocessing.parent_process() else "",
            "grandparent": parent.ppid(), "forked_with": cluster._FORKED_WITH,
            "parent_locks": sum(_locks(f"/proc/{parent.pid}/fdinfo/{fd}")
                                for fd in os.listdir(f"/proc/{parent.pid}/fdinfo"))}


def _locks(fdinfo: str) -> int:
    try:
        with open(fdinfo, encoding="ascii") as info:
            return sum(line.startswith("lock:") for line in info)
    except OSError:  # closed meanwhile
        return 0


@pytest.mark.slow
def test_a_local_cluster_runs_without_the_profiler_and_leaves_the_dask_config_as_it_was():
    """...and its worker's pipeline and modules are out of the cycle collector's sight, which
    passes over the young objects seldom (as the zygote's workers: :func:`kg.collector.relax`)."""
    import dask
    import distributed  # noqa: F401  (its defaults are in dask's config from now on)

    from kg.cluster import LOCAL, LOCAL_SETTINGS, Cluster
    from kg.collector import RELAXED_YOUNG

    before = dask.config.get("distributed.worker.profile.enabled")
    with Cluster(LOCAL, 1, None, ()) as cluster:
        facts = [cluster.client().submit(_worker_facts, pure=False).result()]
    assert [f["profiled"] for f in facts] == [False]
    assert facts[0]["frozen"] > 0
    assert facts[0]["young"] == RELAXED_YOUNG
    assert facts[0]["tick"] == LOCAL_SETTINGS["distributed.admin.tick.interval"]
    assert dask.config.get("distributed.worker.profile.enabled") == before


@pytest.mark.slow
def test_local_workers_are_forked_from_a_server_that_imported_spacy(monkeypatch):
    """...Python's server, where kg cannot fork its own (:func:`kg.cluster._can_fork_server`)."""
    import multiprocessing
    from multiprocessing import forkserver

    from kg.cluster import LOCAL, Cluster

    if "forkserver" not in multiprocessing.get_all_start_methods():
        pytest.skip("no forkserver here")
    if forkserver._forkserver._forkserver_pid is None:  # none started yet: Python's, as where kg cannot fork one
        monkeypatch.setattr("kg.cluster._can_fork_server", lambda: False)
    with Cluster(LOCAL, 1, None, ()) as cluster:
        facts = [cluster.client().submit(_worker_facts, pure=False).result()]
    assert "'spacy'" in facts[0]["parent"] or facts[0]["forked_with"] == (None, ())


_FORKED_FACTS = """
import fcntl, os, sys
sys.path.insert(0, sys.argv[1])
from test_cluster import _worker_facts
from kg.cluster import LOCAL, Cluster
if __name__ == "__main__":
    lock = os.open(sys.argv[2], os.O_RDWR | os.O_CREAT)
    fcntl.flock(lock, fcntl.LOCK_EX)  # as a build holds its output's lock
    with Cluster(LOCAL, 2, None, ()) as cluster:
        client = cluster.client()
        client.wait_for_workers(2)  # the client connects before the workers start
        workers = list(client.scheduler_info()["workers"])
        facts = [client.submit(_worker_facts, workers=[w], pure=False).result() for w in workers]
    print(os.getpid(), *sorted({(f["grandparent"], f["forked_with"], f["parent_locks"]) for f in facts}),
          sep="\\n")
"""


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="kg forks its own server on Linux")
def test_local_workers_are_forked_from_a_server_forked_from_the_build_with_their_pipeline(tmp_path):
    """A fresh build process (no Dask imported yet, as ``kg build --dask``) forks the server
    itself: it made the workers' pipeline before it forked them, and holds no lock of the build."""
    import subprocess

    script = tmp_path / "facts.py"
    script.write_text(_FORKED_FACTS, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(Path(__file__).parent), str(tmp_path / "lock")],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    build, *facts = done.stdout.split("\n")[:-1]
    assert facts == [str((int(build), (None, ()), 0))]  # both workers: the server is the build's child


@pytest.mark.slow
def test_an_existing_scheduler_builds_the_same_bytes_as_one_process(tmp_path):
    from distributed import LocalCluster

    local = tmp_path / "local.trig"
    build([SEEDS], local, incremental=False)
    remote = tmp_path / "remote.trig"
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as scheduler:
        build([SEEDS], remote, dask=scheduler.scheduler_address, incremental=False)
    assert remote.read_bytes() == local.read_bytes()


@pytest.mark.slow
def test_a_local_cluster_left_before_it_has_started_stops_its_workers():
    import multiprocessing

    from kg.cluster import LOCAL, Cluster

    before = set(multiprocessing.active_children())
    with Cluster(LOCAL, 2, None, ()):
        pass  # the build failed while the cluster was starting
    assert set(multiprocessing.active_children()) <= before


@pytest.mark.slow
def test_a_local_cluster_that_cannot_start_fails_when_records_are_asked_for(monkeypatch):
    import multiprocessing

    from kg import cluster

    monkeypatch.setattr(cluster, "LOCAL_SETTINGS",
                        cluster.LOCAL_SETTINGS | {"distributed.worker.preload": ["kg_no_such_module"]})
    before = set(multiprocessing.active_children())
    source = SourceText("a.txt", "Talks\n\nMinister Tarsk Odelly met the CSTO in Moscow.\n")
    with cluster.Cluster(cluster.LOCAL, 1, None, ()) as started, pytest.raises(RuntimeError):
        list(started.records([source], None))
    assert set(multiprocessing.active_children()) <= before


@pytest.mark.slow
def test_a_kg_folder_in_the_current_folder_is_not_what_local_workers_run(tmp_path):
    import subprocess
    import sys

    here = tmp_path / "here"
    (here / "kg").mkdir(parents=True)
    (here / "kg" / "__init__.py").write_text('"""Another kg, as in a checkout of another version."""\n')
    command = tmp_path / "command.py"  # like the kg command: its folder, not the current one, is on sys.path
    command.write_text("import sys\nfrom kg.cli import main\nif __name__ == '__main__':\n"
                       "    sys.exit(main(sys.argv[1:]))\n")
    local = tmp_path / "local.trig"
    build([SEEDS], local, incremental=False)
    clustered = tmp_path / "dask.trig"
    done = subprocess.run([sys.executable, str(command), "build", str(SEEDS), "-o", str(clustered), "--dask",
                           "--processes", "1", "--full", "--quiet"], cwd=here, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    assert clustered.read_bytes() == local.read_bytes()


_TWO_BUILDS = """
import sys
from kg.build import build
if __name__ == "__main__":
    corpus, first, second, kb = sys.argv[1:]
    build([corpus], first, dask="local", processes=2, incremental=False)  # the server makes its pipeline
    build([corpus], second, dask="local", processes=2, kb_files=[kb], incremental=False)
"""


@pytest.mark.slow
def test_a_second_build_of_the_process_with_another_knowledge_base_reads_with_it(tmp_path):
    """The fork server of the first build runs on with its pipeline; the second build's
    workers, forked from it, make the pipeline of their knowledge base."""
    import subprocess

    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    (corpus / "velor.txt").write_text("Talks in Veloria\n\nThe foreign ministers of Armenia and Veloria met in "
                                      "Yerevan on Monday.\n", encoding="utf-8")
    kb = tmp_path / "extra.toml"
    kb.write_text('[[actor]]\nid = "veloria"\ntype = "Country"\nname = "Veloria"\n', encoding="utf-8")
    script = tmp_path / "two.py"
    script.write_text(_TWO_BUILDS, encoding="utf-8")
    first, second = tmp_path / "first.trig", tmp_path / "second.trig"
    done = subprocess.run([sys.executable, str(script), str(corpus), str(first), str(second), str(kb)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    build([corpus], tmp_path / "plain.trig", incremental=False)
    build([corpus], tmp_path / "with-kb.trig", kb_files=[kb], incremental=False)
    assert first.read_bytes() == (tmp_path / "plain.trig").read_bytes()
    assert second.read_bytes() == (tmp_path / "with-kb.trig").read_bytes()
    assert second.read_bytes() != first.read_bytes()  # the knowledge base made a difference


def test_guided_batches_are_big_while_much_remains_and_small_at_the_end():
    from kg.cluster import BATCH_ARTICLES, guided_batches

    sources = list(range(1723))
    batches = guided_batches(sources, 2)  # type: ignore[arg-type]
    assert [s for batch in batches for s in batch] == sources  # all, once, in order
    sizes = [len(batch) for batch in batches]
    assert sizes == sorted(sizes, reverse=True)
    assert sizes[0] > 8 * BATCH_ARTICLES and min(sizes[:-1]) == BATCH_ARTICLES
    assert len(batches) < len(sources) / BATCH_ARTICLES / 3  # far fewer tasks than even batches
    assert [len(b) for b in guided_batches(sources[:20], 64)] == [16, 4]  # a small corpus: the floor
    assert guided_batches([], 2) == []
