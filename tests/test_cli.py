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


def test_every_command_is_registered_by_the_module_the_table_names():
    import argparse
    import importlib

    from kg.cli import COMMANDS

    for command, module in COMMANDS.items():
        subparsers = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(module).register(subparsers)
        assert command in subparsers.choices
    listed = make_parser()._subparsers._group_actions[0].choices  # kg --help lists them all
    assert list(listed) == list(COMMANDS)


def test_a_command_imports_no_other_commands_module():
    import subprocess
    import sys

    script = ("import sys; from kg.cli import main\n"
              "try:\n    main(['build', '--help'])\nexcept SystemExit:\n    pass\n"
              "print(sorted(m for m in sys.modules if m.startswith('kg.cli.')), 'networkx' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "['kg.cli.build'] False"
