"""kg.rdfio: the one atomic writer, its lock and its temporary files."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import QuietHandler

from kg import rdfio
from kg.errors import OutputError
from kg.rdfio import TEMP_SUFFIX, atomic_write, output_lock


def write_text(path: Path, text: str) -> Path:
    return atomic_write(path, lambda fh: fh.write(text.encode()))


def test_a_write_replaces_the_file_whole_and_creates_its_folder(tmp_path):
    target = tmp_path / "deep" / "graph.trig"
    write_text(target, "one")
    write_text(target, "two")
    assert target.read_text() == "two"
    assert [p.name for p in target.parent.iterdir() if p.name.endswith(TEMP_SUFFIX)] == []


def test_temporary_files_of_killed_writers_are_removed_on_the_next_write(tmp_path):
    target = tmp_path / "graph.trig"
    stale = [tmp_path / f".graph.trig.{tag}{TEMP_SUFFIX}" for tag in ("k2j3x", "9q_w1")]
    other = tmp_path / f".other.trig.k2j3x{TEMP_SUFFIX}"  # another output's: not ours to remove
    for path in (*stale, other):
        path.write_bytes(b"half a graph")
    write_text(target, "whole")
    assert not any(p.exists() for p in stale)
    assert other.exists()


def test_the_file_being_written_has_no_name_where_the_system_allows_it(tmp_path):
    # a writer killed half-way then leaves nothing behind (Linux: O_TMPFILE, named at the end)
    seen = []

    def write(fh):
        fh.write(b"a graph")
        seen.extend(p.name for p in tmp_path.iterdir())

    target = tmp_path / "graph.trig"
    atomic_write(target, write)
    assert target.read_bytes() == b"a graph"
    if rdfio._can_name_unnamed(tmp_path):
        assert [name for name in seen if name.endswith(TEMP_SUFFIX)] == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.trig"]


def test_where_files_cannot_be_unnamed_a_named_temporary_file_is_used(tmp_path, monkeypatch):
    monkeypatch.setattr(rdfio, "_can_name_unnamed", lambda folder: False)
    seen = []
    target = tmp_path / "graph.trig"
    atomic_write(target, lambda fh: seen.extend(p.name for p in tmp_path.iterdir()))
    assert [name for name in seen if name.startswith(".graph.trig.") and name.endswith(TEMP_SUFFIX)] != []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.trig"]


def test_a_written_file_keeps_the_mode_of_the_file_it_replaces(tmp_path):
    target = write_text(tmp_path / "graph.trig", "old")
    target.chmod(0o640)
    write_text(target, "new")
    assert target.stat().st_mode & 0o777 == 0o640


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path):
    target = write_text(tmp_path / "graph.trig", "old")

    def fail(fh):
        fh.write(b"half")
        raise RuntimeError("writer broke")

    with pytest.raises(RuntimeError):
        atomic_write(target, fail)
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(TEMP_SUFFIX)] == []


def test_unencodable_text_is_an_output_error(tmp_path):
    with pytest.raises(OutputError, match="not valid Unicode"):
        atomic_write(tmp_path / "graph.nt", lambda fh: fh.write("label \ud800".encode()))


def test_a_second_writer_of_one_output_gets_a_clear_error(tmp_path):
    target = tmp_path / "graph.trig"
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys
            from kg.rdfio import output_lock
            with output_lock({str(target)!r}):
                print("held", flush=True)
                sys.stdin.read()
            """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(OutputError, match="already being written by another kg"):
            write_text(target, "mine")
        assert not target.exists()
    finally:
        holder.communicate("")
    write_text(target, "mine")  # the lock is free again once its holder ends
    assert target.read_text() == "mine"


def test_the_lock_is_reentrant_within_one_process(tmp_path):
    target = tmp_path / "graph.trig"
    with output_lock(target), output_lock(target):
        write_text(target, "inside")
    assert target.read_text() == "inside"


def test_loading_json_ld_never_fetches_its_remote_context(tmp_path):
    """A graph file that names a context on a (real, local) server: kg refuses it and
    the server sees no request."""
    import http.server
    import threading

    from rdflib import Dataset

    from kg.rdfio import READABLE, parse_into

    requests: list[str] = []

    class Context(QuietHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            requests.append(self.path)
            self.reply(b'{"@context": {"name": "http://schema.org/name"}}', "application/ld+json")

    server = http.server.HTTPServer(("127.0.0.1", 0), Context)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        graph = tmp_path / "remote.jsonld"
        graph.write_text(f'{{"@context": "http://127.0.0.1:{server.server_port}/ctx.jsonld", '
                         '"@id": "http://example.org/velorian-union", "name": "Velorian Union"}')
        with pytest.raises(SyntaxError, match="remote context"):
            parse_into(Dataset(), graph, READABLE[".jsonld"])
    finally:
        server.shutdown()
        server.server_close()
    assert requests == []


def test_the_rdflib_store_loads_json_ld_without_fetching(tmp_path):
    """kg query's rdflib store reads a JSON-LD graph through the same no-fetch parser."""
    from kg.errors import InputError
    from kg.query import load

    graph = tmp_path / "remote.jsonld"
    graph.write_text('{"@context": "http://127.0.0.1:9/ctx.jsonld", "@id": "http://example.org/v", "name": "V"}')
    with pytest.raises(InputError, match="remote context"):
        load(graph, "rdflib")
    inline = tmp_path / "inline.jsonld"
    inline.write_text('{"@context": {"name": "http://schema.org/name"}, "@id": "http://example.org/v", "name": "V"}')
    assert len(load(inline, "rdflib")) == 1
