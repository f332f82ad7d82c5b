"""The seam between the corpus walk and the input formats: one table, suffix -> reader.

A reader is a module of this package that defines

* ``SUFFIXES``: the file suffixes it takes (lower case, with the dot), and
* ``read(path, identifier, data) -> Iterator[SourceText]``: the articles of one file,
  given its bytes; the first article's identifier is ``identifier`` (a reader of a
  multi-article format such as JSON Lines adds a ``#N`` per record).

It raises :class:`Unreadable` with a one-line reason for a file it cannot read; the
build skips that file and goes on.  Adding an input format is adding one such module:
:func:`readers` finds it (the table is built on first use, not at import).
"""
from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from types import ModuleType

from kg.records import SourceText

#: ``read(path, identifier, data)``: the articles of one file.
Reader = Callable[[Path, str, bytes], Iterator[SourceText]]

#: The reader of a file named on the command line whose suffix no reader claims.
FALLBACK_SUFFIX = ".txt"


class Unreadable(Exception):
    """A file that is not built, with the one-line reason a user sees."""


@lru_cache(maxsize=1)
def readers() -> dict[str, Reader]:
    """Suffix -> reader, from every reader module of :mod:`kg.ingest`."""
    import kg.ingest

    table: dict[str, Reader] = {}
    for info in sorted(pkgutil.iter_modules(kg.ingest.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"kg.ingest.{info.name}")
        if not _is_reader(module):
            continue
        for suffix in module.SUFFIXES:
            if suffix in table:
                raise RuntimeError(f"two readers claim {suffix}: {table[suffix].__module__} "
                                   f"and {module.__name__}")
            table[suffix] = module.read
    return table


def reader_for(path: Path, named: bool) -> Reader | None:
    """The reader of ``path`` by its suffix; a file named on the command line whose
    suffix no reader claims is read as text, a file found in a folder is not read."""
    table = readers()
    found = table.get(path.suffix.lower())
    if found is None and named:
        return table[FALLBACK_SUFFIX]
    return found


def _is_reader(module: ModuleType) -> bool:
    return isinstance(getattr(module, "SUFFIXES", None), tuple) and callable(getattr(module, "read", None))
