"""The ``kg`` command: build, query, ask, load, export, serve, push, eval.

Each subcommand is a module of this package (the stages hold no argparse code) and
registers itself through a ``register(subparsers)`` function that adds its parser and sets ``func`` to a
callable taking the parsed ``argparse.Namespace`` and returning an exit code.
Errors derived from :class:`kg.errors.KgError` end the command with one line on
stderr and the error's exit code (see :mod:`kg.errors`).
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
import textwrap

from kg.errors import EXIT_CODES, KgError

#: Each command and the module whose ``register(subparsers)`` adds it, in --help order.
#: A command line that names its command imports that module alone: ``kg build``
#: spares the imports of exporting, querying and serving (a quarter of a second).
COMMANDS = {
    "build": "kg.cli.build",
    "query": "kg.cli.query",
    "ask": "kg.cli.query",
    "load": "kg.cli.load",
    "export": "kg.cli.export",
    "serve": "kg.cli.serve",
    "push": "kg.cli.push",
    "eval": "kg.cli.evaluate",
}

EPILOG = "\n".join(textwrap.wrap(
    "exit codes: " + ", ".join(f"{code} {meaning}" for code, meaning in EXIT_CODES.items()) + ".", 72)
) + "\nRun 'kg COMMAND --help' for the options of one command."


def make_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser of kg's command line; for ``argv`` that starts with a command, only
    that command's module is imported (``kg --help`` or a typo registers them all)."""
    parser = argparse.ArgumentParser(
        prog="kg",
        description="kg turns English news articles into an RDF knowledge graph "
        "(actors, memberships, offices, quotes, each with its source sentence) "
        "and lets you query, export and browse it.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    from kg import __version__

    parser.add_argument("--version", action="version", version=f"kg {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    named = COMMANDS.get(argv[0]) if argv else None
    for module in dict.fromkeys([named] if named else COMMANDS.values()):
        importlib.import_module(module).register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = make_parser(argv)
    args, extras = parser.parse_known_args(argv)
    # argparse cannot take a positional after an option once an earlier positional
    # matched ("kg ask members --param org=CSTO graph.trig"): a command lists such
    # late positionals in ``late_positionals`` and they are filled here, in order.
    for dest in getattr(args, "late_positionals", ()):
        if extras and getattr(args, dest, None) is None and not extras[0].startswith("-"):
            setattr(args, dest, extras.pop(0))
    if extras:
        parser.error(f"unrecognized arguments: {' '.join(extras)}")
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except KgError as exc:
        print(f"kg {args.command}: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"kg {args.command}: interrupted", file=sys.stderr)
        return 130


def run() -> None:
    """Console entry point: ``main()``, then exit without tearing the heap down.

    After a big build the interpreter would spend seconds freeing a million rdflib
    objects one by one; every output is already written, flushed and closed, so the
    process ends at once.  (``main()`` itself returns normally, for in-process use.)
    """
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    run()
