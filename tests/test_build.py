"""kg.build: the ``kg build`` command and its Python API, end to end on small corpora."""
from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib

import kg.build
import kg.cli.build
import kg.graph
import kg.rdfio
import kg.serialize
from kg.build import STAGES, build, build_graph
from kg.cli import main, make_parser
from kg.errors import OutputError, UsageError
from kg.ingest import readers
from kg.namespaces import KG

ROOT = Path(__file__).resolve().parent.parent
SEED_CORPUS = ROOT / "corpus"
KG_SCRIPT = Path(sys.executable).with_name("kg")
QUAD_FORMATS = {"trig", "nquads", "trix"}


@pytest.fixture(scope="module")
def formats() -> dict[str, str]:
    return dict(kg.rdfio.FORMATS)


@pytest.fixture
def corpus(tmp_path) -> Path:
    """Two of the seed articles, so a build takes a moment only."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for article in sorted(SEED_CORPUS.glob("*.txt"))[:2]:
        shutil.copyfile(article, folder / article.name)
    return folder


#: "/"-joined, as an empty corpus's message lists them
KNOWN_SUFFIXES = "/".join(sorted(readers()))


def run_kg(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["build", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def fail_if_called(*args, **kwargs):
    raise AssertionError("the nlp stage ran although the build should have stopped before")


# ----------------------------------------------------------------- bad input


def test_missing_path_is_a_one_line_error_with_exit_3(capsys, tmp_path):
    code, out, err = run_kg(capsys, tmp_path / "nowhere", "-o", tmp_path / "g.trig")
    assert code == 3
    assert err == f"kg build: error: no such file or directory: {tmp_path / 'nowhere'}\n"
    assert not (tmp_path / "g.trig").exists()


def test_empty_folder_is_a_one_line_error_with_exit_3(capsys, tmp_path):
    (tmp_path / "empty").mkdir()
    code, _, err = run_kg(capsys, tmp_path / "empty", "-o", tmp_path / "g.trig")
    assert code == 3
    assert err == f"kg build: error: empty corpus: {tmp_path / 'empty'} (no {KNOWN_SUFFIXES} files)\n"


def test_folder_with_only_a_binary_file_is_an_error_with_exit_3(capsys, tmp_path):
    (tmp_path / "bin").mkdir()
    (tmp_path / "bin" / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" * 20)
    code, _, err = run_kg(capsys, tmp_path / "bin", "-o", tmp_path / "g.trig")
    assert (code, err) == (3, f"kg build: error: empty corpus: {tmp_path / 'bin'} (no {KNOWN_SUFFIXES} files)\n")

    (tmp_path / "bin" / "photo.txt").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" * 20)
    code, _, err = run_kg(capsys, tmp_path / "bin", "-o", tmp_path / "g.trig")
    warning, error = err.splitlines()
    assert code == 3
    assert warning == (f"kg build: warning: skipped {tmp_path / 'bin' / 'photo.txt'}: "
                       "binary file (contains NUL bytes)")
    assert error.startswith(f"kg build: error: empty corpus: {tmp_path / 'bin'} (no readable")
    assert not (tmp_path / "g.trig").exists()


def test_console_script_reports_a_missing_path(tmp_path):
    assert KG_SCRIPT.exists(), f"the kg console script is not installed at {KG_SCRIPT}"
    done = subprocess.run([str(KG_SCRIPT), "build", "nowhere", "-o", "g.trig"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 3
    assert done.stderr == "kg build: error: no such file or directory: nowhere\n"
    assert done.stdout == ""
    assert list(tmp_path.iterdir()) == []


def test_missing_kb_file_is_an_input_error(capsys, corpus, tmp_path, monkeypatch):
    monkeypatch.setattr("kg.nlp.process_texts", fail_if_called)
    code, _, err = run_kg(capsys, corpus, "--kb", tmp_path / "nokb.toml", "-o", tmp_path / "g.trig")
    assert code == 3
    assert err == f"kg build: error: no such knowledge-base file: {tmp_path / 'nokb.toml'}\n"


@pytest.mark.parametrize("value", ["0", "-2", "two"])
def test_processes_must_be_a_positive_number(capsys, corpus, value):
    with pytest.raises(SystemExit) as info:
        main(["build", str(corpus), "--processes", value])
    assert info.value.code == 2
    assert "--processes" in capsys.readouterr().err


# ----------------------------------------------------------------- output


def test_unknown_output_format_fails_before_reading_with_exit_4(capsys, corpus, tmp_path,
                                                               monkeypatch):
    monkeypatch.setattr("kg.nlp.process_texts", fail_if_called)
    code, out, err = run_kg(capsys, corpus, "-o", tmp_path / "graph.docx")
    assert code == 4
    assert err.startswith("kg build: error: cannot tell the output format of ")
    assert "'.docx'" in err and err.count("\n") == 1 and out == ""
    code, _, err = run_kg(capsys, corpus, "-o", tmp_path / "graph.trig", "--format", "bogus")
    assert code == 4 and "unknown output format 'bogus'" in err
    assert list(tmp_path.iterdir()) == [corpus]


def test_output_that_cannot_be_a_file_fails_before_reading(capsys, corpus, tmp_path,
                                                           monkeypatch):
    monkeypatch.setattr("kg.nlp.process_texts", fail_if_called)
    (tmp_path / "g.trig").mkdir()
    code, _, err = run_kg(capsys, corpus, "-o", tmp_path / "g.trig")
    assert code == 4 and err == f"kg build: error: output is a directory: {tmp_path / 'g.trig'}\n"
    (tmp_path / "file").write_text("not a folder", encoding="utf-8")
    code, _, err = run_kg(capsys, corpus, "-o", tmp_path / "file" / "sub" / "g.trig")
    assert code == 4
    assert err == (f"kg build: error: cannot write {tmp_path / 'file' / 'sub' / 'g.trig'}: "
                   f"{tmp_path / 'file'} is not a directory\n")


def test_a_failed_build_creates_no_output_folder(capsys, tmp_path):
    code, _, _ = run_kg(capsys, tmp_path / "missing", "-o", tmp_path / "new" / "g.trig")
    assert code == 3 and not (tmp_path / "new").exists()


def explode(*args, **kwargs):
    raise RuntimeError("stage failed")


_real_quad_batches = kg.graph.quad_batches


def graph_that_breaks_while_written(documents, entities, builder=None):
    """The real quads, but they fail after the first batches: the writer stops half-way."""
    for number, batch in enumerate(_real_quad_batches(documents, entities, builder)):
        if number == 3:
            raise RuntimeError("stage failed")
        yield batch


@pytest.mark.parametrize(("stage", "replacement"), [
    ("kg.nlp.process_texts", explode),
    ("kg.resolve.Resolution", explode),
    ("kg.graph.quad_batches", explode),
    ("kg.graph.quad_batches", graph_that_breaks_while_written),
])
def test_previous_output_survives_a_failing_build(capsys, corpus, tmp_path, monkeypatch, stage,
                                                  replacement):
    output = tmp_path / "out" / "graph.trig"
    output.parent.mkdir()
    output.write_text("previous graph\n", encoding="utf-8")
    monkeypatch.setattr(stage, replacement)
    with pytest.raises(RuntimeError, match="stage failed"):
        main(["build", str(corpus), "-o", str(output), "--quiet"])
    assert output.read_text(encoding="utf-8") == "previous graph\n"
    assert list(output.parent.iterdir()) == [output]  # no temporary file left behind


def test_previous_output_survives_a_failed_rename(capsys, corpus, tmp_path, monkeypatch):
    output = tmp_path / "graph.trig"
    output.write_text("previous graph\n", encoding="utf-8")

    def refuse(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", refuse)
    code, _, err = run_kg(capsys, corpus, "-o", output, "--quiet")
    assert code == 4 and err.startswith("kg build: error: ") and err.count("\n") == 1
    assert output.read_text(encoding="utf-8") == "previous graph\n"
    assert sorted(tmp_path.iterdir()) == [corpus, output]


def test_every_output_extension_writes_a_file_rdflib_parses(corpus, tmp_path, formats):
    built = build_graph([corpus]).dataset
    quads = {(s, p, o, _graph_name(g)) for s, p, o, g in built.quads((None, None, None, None))}
    triples = {(s, p, o) for s, p, o, _ in quads}
    assert quads
    for extension, rdf_format in formats.items():
        output = tmp_path / f"graph{extension}"
        result = build([corpus], output)
        assert result.stats.output == output
        assert output.stat().st_size == result.stats.output_bytes > 0
        parsed = rdflib.Dataset()
        parsed.parse(output, format=rdf_format)
        read = {(s, p, o, _graph_name(g)) for s, p, o, g in parsed.quads((None, None, None, None))}
        if rdf_format in QUAD_FORMATS:
            assert read == quads, output.name
        else:
            assert {(s, p, o) for s, p, o, _ in read} == triples, output.name


def _graph_name(graph) -> str | None:
    name = getattr(graph, "identifier", graph)
    return None if name is None or name == rdflib.graph.DATASET_DEFAULT_GRAPH_ID else str(name)


def test_format_option_overrides_the_extension(capsys, corpus, tmp_path):
    output = tmp_path / "graph.data"
    code, _, _ = run_kg(capsys, corpus, "-o", output, "--format", "nquads", "--quiet")
    assert code == 0
    parsed = rdflib.Dataset()
    parsed.parse(output, format="nquads")
    assert len(parsed) > 0


def test_default_output_is_out_graph_trig(capsys, corpus, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, _ = run_kg(capsys, corpus, "--quiet")
    assert code == 0
    assert (tmp_path / "out" / "graph.trig").stat().st_size > 0


def test_two_builds_of_the_seed_corpus_are_byte_identical(tmp_path):
    """One build in this process and one in a fresh one (another hash seed)."""
    first, second = tmp_path / "first.trig", tmp_path / "second.trig"
    build([SEED_CORPUS], first)
    env = dict(os.environ, PYTHONHASHSEED="12345")
    done = subprocess.run([str(KG_SCRIPT), "build", str(SEED_CORPUS), "-o", str(second), "-q"],
                          capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stderr
    assert first.read_bytes() == second.read_bytes()


# ----------------------------------------------------------------- mixed corpus


def test_bad_files_are_reported_and_the_good_ones_built(capsys, corpus, tmp_path):
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (corpus / "latin1.txt").write_bytes("Café\n\nMoscow said the café was open.".encode("latin-1"))
    output = tmp_path / "graph.trig"

    code, out, err = run_kg(capsys, corpus, "-o", output)

    assert code == 0
    assert err.splitlines() == [
        f"kg build: warning: {corpus / 'latin1.txt'}: decoded as cp1252, not UTF-8",
        f"kg build: warning: skipped {corpus / 'binary.txt'}: binary file (contains NUL bytes)",
        f"kg build: warning: skipped {corpus / 'empty.txt'}: empty file",
    ]
    good = {p.name for p in corpus.glob("*.txt")} - {"empty.txt", "binary.txt"}
    assert document_identifiers(output) == good and len(good) == 3
    assert "(2 skipped)" in out


@pytest.mark.slow
def test_a_5_mb_single_line_article_is_built(capsys, corpus, tmp_path):
    """About 7 s: the nlp stage meets 5 MB in one line (long tokens keep it affordable)."""
    line = ("x" * 95 + " the ") * 51_000  # English enough for the language check
    (corpus / "zz_big.txt").write_text("A very long article\n" + line, encoding="utf-8")
    assert (corpus / "zz_big.txt").stat().st_size > 5_000_000
    output = tmp_path / "graph.trig"
    code, _, err = run_kg(capsys, corpus, "-o", output, "--quiet")
    assert (code, err) == (0, "")
    assert "zz_big.txt" in document_identifiers(output)


def document_identifiers(path: Path) -> set[str]:
    parsed = rdflib.Dataset(default_union=True)
    parsed.parse(path, format="trig")
    return {str(o) for o in parsed.objects(None, rdflib.DCTERMS.identifier)}


# ----------------------------------------------------------------- API, progress, summary


def test_build_graph_returns_records_entities_and_stats(corpus, monkeypatch):
    calls = []
    result = build_graph([corpus], progress=lambda *event: calls.append(event))
    assert isinstance(result.dataset, rdflib.Dataset)
    assert [d.identifier for d in result.documents] == sorted(p.name for p in corpus.iterdir())
    assert result.skipped == []
    stats = result.stats
    assert stats.documents == 2 and stats.skipped == 0
    assert stats.words == sum(d.words for d in result.documents) > 0
    assert sum(stats.entities_by_type.values()) == len(result.entities)
    assert set(stats.stage_seconds) == {"read", "nlp", "resolve", "graph"}
    assert [c[0] for c in calls] == ["read", "nlp", "nlp", "resolve", "graph"]
    assert calls[0] == ("read", 0, 2, 0)
    assert calls[2] == ("nlp", 2, 2, stats.words)
    assert {c[0] for c in calls} <= set(STAGES)


def test_a_build_that_keeps_no_records_writes_the_same_bytes(corpus, tmp_path):
    kept = build([corpus], tmp_path / "kept.trig", incremental=False)
    lean = build([corpus], tmp_path / "lean.trig", incremental=False, keep_records=False)
    assert (tmp_path / "lean.trig").read_bytes() == (tmp_path / "kept.trig").read_bytes()
    assert lean.stats.facts_by_relation == kept.stats.facts_by_relation
    assert lean.stats.entities_by_type == kept.stats.entities_by_type
    assert lean.documents == [] and len(kept.documents) == 2
    assert isinstance(kept.dataset, rdflib.Dataset) and len(kept.dataset) > 0
    with pytest.raises(UsageError, match="kept no records"):
        lean.dataset  # noqa: B018
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["corpus", "kept.trig", "lean.trig"])


def test_options_are_passed_to_the_nlp_stage(capsys, corpus, tmp_path, monkeypatch):
    import kg.nlp

    real = kg.nlp.process_texts
    seen = {}

    def spy(sources, model=None, processes=1, kb_files=(), seconds=None, on_skip=None, dask=None, pool=None,
            cluster=None, keep_packed=False):
        seen.update(model=model, processes=processes, kb_files=list(kb_files), seconds=seconds, dask=dask,
                    started=pool is not None,  # the workers were started before the corpus was read
                    keep_packed=keep_packed)
        yield from real(sources, seconds=seconds, on_skip=on_skip)

    monkeypatch.setattr("kg.nlp.process_texts", spy)
    kb = tmp_path / "extra.toml"
    kb.write_text("", encoding="utf-8")
    code, _, err = run_kg(capsys, corpus, "-o", tmp_path / "g.trig", "--processes", "3",
                          "--kb", kb, "--model", "blank:en", "-q")
    assert (code, err) == (0, "")
    assert seen == {"model": "blank:en", "processes": 3, "kb_files": [kb], "seconds": kg.build.ARTICLE_SECONDS,
                    "dask": None, "started": True, "keep_packed": True}


def test_summary_on_stdout_and_quiet_silences_it(capsys, corpus, tmp_path):
    output = tmp_path / "g.trig"
    code, out, err = run_kg(capsys, corpus, "-o", output)
    assert code == 0 and err == ""
    for row in ("documents", "statements", "words", "seconds", "words/s", "output"):
        assert row in out
    assert str(output) in out
    assert "2 " in out.split("documents", 1)[1].splitlines()[0]
    code, out, err = run_kg(capsys, corpus, "-o", output, "--quiet")
    assert (code, out, err) == (0, "", "")


def test_help_mentions_every_option(capsys):
    with pytest.raises(SystemExit) as info:
        main(["build", "--help"])
    assert info.value.code == 0
    text = capsys.readouterr().out
    build_parser = make_parser()._subparsers._group_actions[0].choices["build"]
    options = [s for action in build_parser._actions for s in action.option_strings]
    assert {"--output", "--format", "--model", "--kb", "--processes", "--quiet"} <= set(options)
    for option in options:
        assert option in text, option
    for topic in ("CORPUS", "examples:", "exit codes", ".trig", ".nq", "UTF-8", "skipped"):
        assert topic in text, topic


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("documents", "shown"), [(50, True), (3, False)])
def test_progress_bar_only_on_a_terminal_for_more_than_a_few_documents(monkeypatch, documents,
                                                                       shown):
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    with kg.cli.build._ProgressBar(enabled=True) as bar:
        bar.update("read", 0, documents, 0)
        bar.update("nlp", documents // 2, documents, 12_000)
        bar.progress and bar.progress.refresh()
    assert ("words/s" in terminal.getvalue()) is shown
    quiet = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", quiet)
    with kg.cli.build._ProgressBar(enabled=False) as bar:
        bar.update("read", 0, documents, 0)
    assert quiet.getvalue() == ""


def test_output_error_is_raised_by_the_api(corpus, tmp_path):
    with pytest.raises(OutputError):
        build([corpus], tmp_path / "graph.unknown")


def test_names_differing_by_space_and_hyphen_are_two_sources(capsys, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "2023 report.txt").write_text("Velorian talks\n\nThe Velorian Union met on Monday.\n")
    (corpus / "2023-report.txt").write_text("Velorian vote\n\nThe Velorian Union voted on Tuesday.\n")
    (corpus / "copy.txt").write_text("Velorian vote\n\nThe Velorian Union voted on Tuesday.\n")
    output = tmp_path / "graph.trig"
    code, out, _ = run_kg(capsys, corpus, "-o", output)
    assert code == 0
    assert document_identifiers(output) == {"2023 report.txt", "2023-report.txt"}
    parsed = rdflib.Dataset(default_union=True)
    parsed.parse(output, format="trig")
    documents = set(parsed.subjects(rdflib.RDF.type, KG.Document))
    assert len(documents) == 2
    assert all(len(set(parsed.objects(d, rdflib.DCTERMS.title))) == 1 for d in documents)
    assert "built (0 skipped, 1 duplicate dropped)" in out


def test_with_worker_processes_the_build_process_never_loads_spacy(corpus, tmp_path):
    """The workers start before the corpus is read and make their own pipelines; the
    build process only receives plain records (and writes the same bytes)."""
    import subprocess
    import sys

    script = ("import sys; from kg.build import build; "
              f"build([{str(corpus)!r}], {str(tmp_path / 'two.trig')!r}, processes=2, incremental=False); "
              "print('spacy' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
    build([corpus], tmp_path / "one.trig", incremental=False)
    assert (tmp_path / "two.trig").read_bytes() == (tmp_path / "one.trig").read_bytes()


def test_the_nlp_workers_are_forked_before_the_build_imports_rdflib(corpus, tmp_path):
    """The nlp stage never uses rdflib: the workers start before the build imports it
    (0.1 s sooner), and the build has imported it by the time it writes."""
    import subprocess
    import sys

    script = ("import sys\n"
              "import kg.nlp.workers as workers\n"
              "from kg.build import build\n"
              "seen = []\n"
              "start = workers.start\n"
              "def starting(*args, **kwargs):\n"
              "    seen.append('rdflib' in sys.modules)\n"
              "    return start(*args, **kwargs)\n"
              "workers.start = starting\n"
              f"build([{str(corpus)!r}], {str(tmp_path / 'two.trig')!r}, processes=2, incremental=False)\n"
              "print(seen, 'rdflib' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[False] True"
