"""Read a corpus of news articles from disk: the first stage of ``kg build``.

Rules (documented for users in ``docs/build.md``):

* Each path is an article file, a folder, or ``-`` (JSON Lines on standard input).
  Folders are walked recursively for files whose suffix a reader of
  :mod:`kg.ingest` takes; hidden files and folders (name starting with ``.``) are
  left out.  A file named explicitly on the command line whose suffix no reader
  claims is read as text.
* Each format's reader decodes the file into articles with their metadata.
* A file that cannot be read, or that its reader finds empty, binary, badly
  encoded or not English, is *skipped* with a one-line reason; so is a record of a
  multi-article file (``feed.jsonl:7: malformed JSON …``) while the rest is built.
* The identifier of an article is its path relative to the folder given,
  ``/``-separated (``"2023/01/article.txt"``); for a file given directly it is
  the file name; a record of a multi-article file adds ``#N`` or is its own id.
  Articles come back sorted by identifier, so a build does not depend on the
  order the file system lists them in.
* The same article twice (the same URL, or the same text) is built once, under
  the first identifier; the others are counted in ``.duplicates``.
"""
from __future__ import annotations

import hashlib
import logging
import os
import stat
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError
from kg.ingest.metadata import ingest_data
from kg.ingest.reader import Reader, ReadOptions, Rejected, Unreadable, reader_for, readers
from kg.records import SourceText

log = logging.getLogger("kg.ingest")


@dataclass(frozen=True, slots=True)
class SkippedFile:
    """A file, or a record of a file, that was not built, and why (one line)."""

    path: Path
    reason: str
    where: int | None = None  # the record's line, record or row number in a multi-article file

    def __str__(self) -> str:
        shown = STDIN_NAME if str(self.path) == STDIN else self.path
        if self.where is None:
            return f"{shown}: {self.reason}"
        return f"{shown}:{self.where}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Duplicate:
    """An article dropped because an earlier one has its URL or its text."""

    identifier: str
    kept: str  # the identifier of the article that was built
    same: str  # "URL" or "text"

    def __str__(self) -> str:
        return f"{self.identifier}: same {self.same} as {self.kept}"


@dataclass(slots=True)
class CorpusReadResult:
    """The articles read (sorted by identifier), the files or records skipped and the
    duplicates dropped."""

    sources: list[SourceText] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)


#: The path that stands for standard input (JSON Lines).
STDIN = "-"
#: The file name standard input's records are named after ("stdin#3").
STDIN_NAME = "stdin"
#: The format standard input is read as.
STDIN_SUFFIX = ".jsonl"


def read_corpus(paths: Sequence[str | os.PathLike[str]], options: ReadOptions | None = None) -> CorpusReadResult:
    """Read every article under ``paths`` (``"-"`` is JSON Lines on standard input).

    Raises :class:`InputError` if a path does not exist or if not a single
    article could be read.  Bad files and records are reported in ``.skipped``
    instead, duplicate articles in ``.duplicates``.
    """
    if not paths:
        raise InputError("no corpus given: name at least one folder or article file")
    options = options or ReadOptions()
    roots = [Path(p) for p in paths]
    for root in roots:
        if str(root) != STDIN and not root.exists():
            raise InputError(f"no such file or directory: {root}")
    if sum(1 for root in roots if str(root) == STDIN) > 1:
        raise InputError("standard input ('-') named twice")

    limit_mb = options.max_article_mb if options.max_article_mb is not None else ingest_data().max_article_mb
    max_chars = int(limit_mb * 1_000_000)
    result = CorpusReadResult()
    by_identifier: dict[str, Path] = {}
    seen_files: set[Path] = set()
    for root in roots:
        for path, identifier, reader in _candidate_files(root, options.follow_links):
            if str(path) != STDIN:
                real = path.resolve()
                if real in seen_files:  # the same file reached twice ("corpus corpus/a.txt")
                    continue
                seen_files.add(real)
            if identifier in by_identifier:
                result.skipped.append(SkippedFile(
                    path, f"same identifier {identifier!r} as {by_identifier[identifier]}"))
                continue
            try:
                items = list(reader(path, identifier, _read_input(path), options))
            except Unreadable as reason:
                result.skipped.append(SkippedFile(path, str(reason)))
                continue
            by_identifier[identifier] = path
            for item in items:
                if isinstance(item, Rejected):
                    result.skipped.append(SkippedFile(path, item.reason, item.where))
                elif len(item.text) > max_chars:
                    named = "" if item.identifier == identifier else f"{item.identifier}: "
                    result.skipped.append(SkippedFile(path, (
                        f"{named}article too large ({len(item.text) / 1e6:.1f} MB of text; "
                        f"the limit is {limit_mb:g} MB, --max-article-mb)")))
                elif item.identifier in by_identifier and item.identifier != identifier:
                    result.skipped.append(SkippedFile(
                        path, f"same identifier {item.identifier!r} as {by_identifier[item.identifier]}"))
                else:
                    by_identifier[item.identifier] = path
                    result.sources.append(item)

    for skipped in result.skipped:
        log.warning("skipped %s", skipped)
    if not result.sources:
        raise InputError(_empty_corpus_message(roots, result.skipped))
    result.sources.sort(key=lambda src: src.identifier)
    result.sources, result.duplicates = _without_duplicates(result.sources)
    for duplicate in result.duplicates:
        log.info("dropped duplicate %s", duplicate)
    return result


def _without_duplicates(sources: list[SourceText]) -> tuple[list[SourceText], list[Duplicate]]:
    """The first article of each URL and of each text (by identifier order), and the rest."""
    kept: list[SourceText] = []
    dropped: list[Duplicate] = []
    by_url: dict[str, str] = {}
    by_text: dict[str, str] = {}
    for source in sources:
        url = source.url.rstrip("/").lower() if source.url else None
        text = hashlib.sha1(" ".join(source.text.split()).encode("utf-8", "surrogatepass"),
                            usedforsecurity=False).hexdigest()
        if url is not None and url in by_url:
            dropped.append(Duplicate(source.identifier, by_url[url], "URL"))
        elif text in by_text:
            dropped.append(Duplicate(source.identifier, by_text[text], "text"))
        else:
            if url is not None:
                by_url[url] = source.identifier
            by_text[text] = source.identifier
            kept.append(source)
    return kept, dropped


def _candidate_files(root: Path, follow_links: bool) -> Iterator[tuple[Path, str, Reader]]:
    """Yield (path, identifier, reader) for each article file under ``root``.

    A link under a folder whose target lies outside that folder is refused (its
    reader says why) unless ``follow_links``: a corpus never pulls in what its
    folder does not hold (``/proc/self/status``, a home directory).
    """
    if str(root) == STDIN:
        reader = readers().get(STDIN_SUFFIX)
        if reader is None:
            raise InputError(f"cannot read standard input: no reader of {STDIN_SUFFIX} files")
        yield root, STDIN_NAME, reader
        return
    if not root.is_dir():
        reader = reader_for(root, named=True)
        assert reader is not None  # a named file always has one
        yield root, root.name, reader
        return
    inside = root.resolve()
    visited: set[Path] = set()
    for folder, dirnames, filenames in os.walk(root, followlinks=True):
        real = Path(folder).resolve()
        if real in visited:  # a symlink loop
            dirnames.clear()
            continue
        visited.add(real)
        real_inside = real.is_relative_to(inside)  # then so is every entry but a link: no resolving each
        kept = []
        for name in sorted(d for d in dirnames if not d.startswith(".")):
            path = Path(folder, name)
            if follow_links or _within(path, inside):
                kept.append(name)
            else:
                yield path, path.relative_to(root).as_posix(), _refused(path)
        dirnames[:] = kept
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = Path(folder, name)
            reader = reader_for(path, named=False)
            if reader is None:
                continue
            if not (follow_links or (real_inside and not path.is_symlink()) or _within(path, inside)):
                reader = _refused(path)
            yield path, path.relative_to(root).as_posix(), reader


def _within(path: Path, folder: Path) -> bool:
    """Whether ``path``, links resolved, lies in ``folder`` (itself resolved)."""
    return path.resolve().is_relative_to(folder)


def _refused(path: Path) -> Reader:
    """A reader that skips a link leaving the corpus folder, with the reason."""
    def refuse(*_: object) -> Iterator[SourceText]:
        raise Unreadable(f"link to {path.resolve()}, outside the corpus folder (--follow-links reads it)")
    return refuse


def _read_input(path: Path) -> bytes:
    """The bytes of ``path`` (of standard input for ``-``); :class:`Unreadable` with the
    reason if it cannot be read."""
    if str(path) == STDIN:
        return sys.stdin.buffer.read()
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
