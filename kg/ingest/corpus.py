"""Read a corpus of news articles from disk: the first stage of ``kg build``.

Rules (documented for users in ``docs/build.md``):

* Each path is an article file or a folder.  Folders are walked recursively for
  files whose suffix a reader of :mod:`kg.ingest` takes (today ``.txt``); hidden
  files and folders (name starting with ``.``) are left out.  Not ``.md``: a
  corpus folder often holds a README.md or notes that are not articles.  A file
  named explicitly on the command line is read whatever its extension (as text
  when no reader claims its suffix).
* Each format's reader decodes the file (:mod:`kg.ingest.text` for plain text).
* A file that cannot be read, or that its reader finds empty, binary or badly
  encoded, is *skipped* with a one-line reason; the rest of the corpus is built.
* The identifier of an article is its path relative to the folder given,
  ``/``-separated (``"2023/01/article.txt"``); for a file given directly it is
  the file name.  Articles come back sorted by identifier, so a build does not
  depend on the order the file system lists them in.
"""
from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError
from kg.ingest.reader import Reader, Unreadable, reader_for, readers
from kg.records import SourceText

log = logging.getLogger("kg.ingest")


@dataclass(frozen=True, slots=True)
class SkippedFile:
    """A file of the corpus that was not built, and why (one line)."""

    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(slots=True)
class CorpusReadResult:
    """The articles read (sorted by identifier) and the files skipped."""

    sources: list[SourceText] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)


def read_corpus(paths: Sequence[str | os.PathLike[str]]) -> CorpusReadResult:
    """Read every article under ``paths``.

    Raises :class:`InputError` if a path does not exist or if not a single
    article could be read.  Bad files are reported in ``.skipped`` instead.
    """
    if not paths:
        raise InputError("no corpus given: name at least one folder or article file")
    roots = [Path(p) for p in paths]
    for root in roots:
        if not root.exists():
            raise InputError(f"no such file or directory: {root}")

    result = CorpusReadResult()
    by_identifier: dict[str, Path] = {}
    seen_files: set[Path] = set()
    for root in roots:
        for path, identifier, reader in _candidate_files(root):
            real = path.resolve()
            if real in seen_files:  # the same file reached twice ("corpus corpus/a.txt")
                continue
            seen_files.add(real)
            if identifier in by_identifier:
                result.skipped.append(SkippedFile(
                    path, f"same identifier {identifier!r} as {by_identifier[identifier]}"))
                continue
            try:
                articles = list(reader(path, identifier, _read_bytes(path)))
            except Unreadable as reason:
                result.skipped.append(SkippedFile(path, str(reason)))
                continue
            by_identifier[identifier] = path
            result.sources.extend(articles)

    for skipped in result.skipped:
        log.warning("skipped %s", skipped)
    if not result.sources:
        raise InputError(_empty_corpus_message(roots, result.skipped))
    result.sources.sort(key=lambda src: src.identifier)
    return result


def _candidate_files(root: Path) -> Iterator[tuple[Path, str, Reader]]:
    """Yield (path, identifier, reader) for each article file under ``root``."""
    if not root.is_dir():
        reader = reader_for(root, named=True)
        assert reader is not None  # a named file always has one
        yield root, root.name, reader
        return
    visited: set[Path] = set()
    for folder, dirnames, filenames in os.walk(root, followlinks=True):
        real = Path(folder).resolve()
        if real in visited:  # a symlink loop
            dirnames.clear()
            continue
        visited.add(real)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = Path(folder, name)
            reader = reader_for(path, named=False)
            if reader is not None:
                yield path, path.relative_to(root).as_posix(), reader


def _read_bytes(path: Path) -> bytes:
    """The bytes of ``path``; :class:`Unreadable` with the reason if it cannot be read."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise Unreadable("cannot read: broken link or file removed while reading") from None
    except OSError as exc:
        raise Unreadable(f"cannot read: {exc.strerror or exc}") from None
    if not stat.S_ISREG(mode):
        raise Unreadable("not a regular file")
    try:
        return path.read_bytes()
    except PermissionError:
        raise Unreadable("cannot read: permission denied") from None
    except OSError as exc:
        raise Unreadable(f"cannot read: {exc.strerror or exc}") from None


def _empty_corpus_message(roots: list[Path], skipped: list[SkippedFile]) -> str:
    where = ", ".join(str(r) for r in roots)
    suffixes = "/".join(sorted(readers()))
    if not skipped:
        return f"empty corpus: {where} (no {suffixes} files)"
    first = skipped[0]
    more = f" and {len(skipped) - 1} more" if len(skipped) > 1 else ""
    return (f"empty corpus: {where} (no readable {suffixes} files; "
            f"skipped {first}{more})")
