"""kg's own exceptions, each with the exit code the ``kg`` command returns for it.

Exit codes (documented in the README):

==  ==============================================

0   success
1   unexpected internal error (a bug: please report it)
2   usage error: bad arguments, bad query syntax
3   input error: missing path, empty corpus, unreadable graph
4   output error: unknown format, cannot write the output
5   remote error: a triplestore or endpoint cannot be reached or refuses a request
==  ==============================================

"""
from __future__ import annotations

#: Exit code -> what it means, for ``kg --help`` and the docs.
EXIT_CODES: dict[int, str] = {
    0: "ok",
    1: "internal error",
    2: "usage or query error",
    3: "input error (missing path, empty corpus, unreadable graph)",
    4: "output error",
    5: "remote error (an endpoint unreachable or refusing)",
}


class KgError(Exception):
    """Base class: a problem the user can act on; its message is one line."""

    exit_code = 1


class UsageError(KgError):
    """Bad arguments or options."""

    exit_code = 2


class QueryError(UsageError):
    """A SPARQL query that does not parse or cannot run."""


class InputError(KgError):
    """Missing path, empty corpus, unreadable or unparsable input."""

    exit_code = 3


class OutputError(KgError):
    """Unknown output format or an output that cannot be written."""

    exit_code = 4


class RemoteError(KgError):
    """A triplestore or SPARQL endpoint that cannot be reached or refuses a request."""

    exit_code = 5


class StoreCrashed(KgError):
    """The query store's process died (a signal, not an exception): ``kg query`` runs
    Oxigraph in a child process so that this is one line and exit 1, never a crash."""

    exit_code = 1
