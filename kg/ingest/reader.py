"""The seam between the corpus walk and the input formats: one table, suffix -> reader.

A reader is a module of this package that defines

* ``SUFFIXES``: the file suffixes it takes (lower case, with the dot; a double suffix
  such as ``.warc.gz`` is matched as a whole), and
* ``read(path, identifier, data, options) -> Iterator[SourceText | Rejected]``: the
  articles of one file, given its bytes and the user's :class:`ReadOptions`.  A
  one-article format yields one article named ``identifier``; a multi-article format
  (JSON Lines, CSV, WARC) names each ``identifier#N`` (N its line, record or row
  number) unless the record has its own id, and yields :class:`Rejected` for a record
  it cannot read, so that record alone is skipped.

It raises :class:`Unreadable` with a one-line reason for a file it cannot read at all;
the build skips that file and goes on.  Every reader ends in
:func:`kg.ingest.metadata.article`, so metadata is normalised the same way for every
format.  Adding an input format is adding one such module: :func:`readers` finds it
(the table is built on first use, not at import).
"""
from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import ModuleType

from kg.records import SourceText


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """What the user tells the readers (``kg build --field text=story``)."""

    #: slot -> the user's field name for it, tried before the usual names
    #: (``kg/data/ingest.toml`` ``[fields]``); slots are those of
    #: :data:`kg.ingest.metadata.SLOTS`.
    fields: tuple[tuple[str, str], ...] = ()
    #: an article with more text than this many MB (of characters) is skipped;
    #: None: ``[limits] max_article_mb`` of ``kg/data/ingest.toml``
    max_article_mb: float | None = None
    #: read links whose target lies outside the corpus folder
    follow_links: bool = False

    def field_names(self, slot: str, usual: tuple[str, ...]) -> tuple[str, ...]:
        """The names to look for, the user's first."""
        mine = tuple(name for s, name in self.fields if s == slot)
        return mine + tuple(name for name in usual if name not in mine)


@dataclass(frozen=True, slots=True)
class Rejected:
    """A record of a multi-article file that is not built; the rest of the file is."""

    where: int  # the record's line (JSON Lines), record (JSON array, WARC) or row (CSV) number
    reason: str


#: ``read(path, identifier, data, options)``: the articles of one file.
Reader = Callable[[Path, str, bytes, ReadOptions], Iterator[SourceText | Rejected]]

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
    name = path.name.lower()
    found = next((table[suffix] for suffix in sorted(table, key=len, reverse=True) if name.endswith(suffix)),
                 None)  # the longest suffix wins: ".warc.gz" before a ".gz"
    if found is None and named:
        return table[FALLBACK_SUFFIX]
    return found


def _is_reader(module: ModuleType) -> bool:
    return isinstance(getattr(module, "SUFFIXES", None), tuple) and callable(getattr(module, "read", None))
