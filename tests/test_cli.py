"""kg.cli: the command dispatch shared by every subcommand."""
import pytest

from kg.cli import main, make_parser

CORPUS_FILE = "corpus/000_2108af4f781ce4c6.txt"


def test_help_lists_every_command(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    for command in ("build", "query", "ask", "export", "serve"):
        assert command in out
    assert "exit codes" in out


def test_no_command_prints_help_and_is_a_usage_error(capsys):
    assert main([]) == 2
    assert "usage: kg" in capsys.readouterr().out


def test_a_positional_may_follow_options(tmp_path, capsys):
    graph = tmp_path / "g.trig"
    assert main(["build", CORPUS_FILE, "-o", str(graph), "-q"]) == 0
    capsys.readouterr()
    assert main(["ask", "members", "--param", "org=CSTO", "--format", "csv", str(graph)]) == 0
    assert "Armenia" in capsys.readouterr().out


def test_unknown_arguments_are_still_refused(tmp_path):
    with pytest.raises(SystemExit) as exc:
        main(["ask", "members", "a.trig", "b.trig"])
    assert exc.value.code == 2


def test_errors_are_one_line_with_the_documented_exit_code(capsys):
    assert main(["build", "no/such/folder", "-o", "x.trig"]) == 3
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["kg build: error: no such file or directory: no/such/folder"]


def test_parser_is_built_without_side_effects():
    assert make_parser().prog == "kg"
