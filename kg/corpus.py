"""Read a corpus of news articles from disk: the first stage of ``kg build``.

Rules (documented for users in ``docs/build.md``):

* Each path is a ``.txt`` file or a folder.  Folders are walked recursively for
  ``*.txt`` files; hidden files and folders (name starting with ``.``) are left
  out.  Only ``.txt`` counts, not ``.md``: a corpus folder often holds a
  README.md or notes that are not articles.  A file named explicitly on the
  command line is read whatever its extension.
* A file must be UTF-8 text.  A leading byte-order mark is dropped and line
  ends are normalised to ``\\n`` (``\\r\\n`` and a lone ``\\r``), so every
  character offset kg writes (``kg:start``/``kg:end``) refers to that
  normalised text.
* A file that cannot be read, is binary, is not UTF-8 or is empty is *skipped*
  with a one-line reason; the rest of the corpus is built.
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
from kg.records import SourceText

log = logging.getLogger(__name__)

#: File extension of articles when a folder is walked.
ARTICLE_SUFFIX = ".txt"

#: How much of a file is looked at to tell text from binary data.
_SNIFF_BYTES = 8192
#: Above this share of control characters in the sniffed text, a file is binary.
_MAX_CONTROL_SHARE = 0.10
#: Control characters that plain text legitimately contains.
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1b")


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
        raise InputError("no corpus given: name at least one folder or .txt file")
    roots = [Path(p) for p in paths]
    for root in roots:
        if not root.exists():
            raise InputError(f"no such file or directory: {root}")

    result = CorpusReadResult()
    by_identifier: dict[str, Path] = {}
    seen_files: set[Path] = set()
    for root in roots:
        for path, identifier in _candidate_files(root):
            real = path.resolve()
            if real in seen_files:  # the same file reached twice ("corpus corpus/a.txt")
                continue
            seen_files.add(real)
            if identifier in by_identifier:
                result.skipped.append(SkippedFile(
                    path, f"same identifier {identifier!r} as {by_identifier[identifier]}"))
                continue
            text_or_reason = _read_article(path)
            if isinstance(text_or_reason, _Reason):
                result.skipped.append(SkippedFile(path, text_or_reason.text))
                continue
            by_identifier[identifier] = path
            result.sources.append(SourceText(identifier, text_or_reason))

    for skipped in result.skipped:
        log.warning("skipped %s", skipped)
    if not result.sources:
        raise InputError(_empty_corpus_message(roots, result.skipped))
    result.sources.sort(key=lambda src: src.identifier)
    return result


def _candidate_files(root: Path) -> Iterator[tuple[Path, str]]:
    """Yield (path, identifier) for each article file under ``root``."""
    if not root.is_dir():
        yield root, root.name
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
            if name.startswith(".") or not name.endswith(ARTICLE_SUFFIX):
                continue
            path = Path(folder, name)
            yield path, path.relative_to(root).as_posix()


@dataclass(frozen=True, slots=True)
class _Reason:
    """Why a file was not read (distinguishes a reason from article text)."""

    text: str


def _read_article(path: Path) -> str | _Reason:
    """Return the normalised text of ``path``, or the reason it is skipped."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return _Reason("cannot read: broken link or file removed while reading")
    except OSError as exc:
        return _Reason(f"cannot read: {exc.strerror or exc}")
    if not stat.S_ISREG(mode):
        return _Reason("not a regular file")
    try:
        data = path.read_bytes()
    except PermissionError:
        return _Reason("cannot read: permission denied")
    except OSError as exc:
        return _Reason(f"cannot read: {exc.strerror or exc}")
    return _decode_article(data)


def _decode_article(data: bytes) -> str | _Reason:
    """Decode the bytes of one article (UTF-8, BOM dropped, ``\\n`` line ends)."""
    if not data.strip():
        return _Reason("empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _Reason("UTF-16 text, not UTF-8 (re-save the file as UTF-8)")
    if b"\x00" in data:
        return _Reason("binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if _looks_binary(data[:_SNIFF_BYTES].decode("latin-1")):
            return _Reason("binary file (not text)")
        return _Reason(
            f"not UTF-8 (invalid byte 0x{data[exc.start]:02x} at offset {exc.start}; "
            "re-save the file as UTF-8)")
    if _looks_binary(text[:_SNIFF_BYTES]):
        return _Reason("binary file (mostly control characters)")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return _Reason("empty file")
    return text


def _looks_binary(sample: str) -> bool:
    controls = sum(1 for ch in sample if ch < " " and ch not in _TEXT_CONTROLS)
    return controls > _MAX_CONTROL_SHARE * max(len(sample), 1)


def _empty_corpus_message(roots: list[Path], skipped: list[SkippedFile]) -> str:
    where = ", ".join(str(r) for r in roots)
    if not skipped:
        return f"empty corpus: {where} (no {ARTICLE_SUFFIX} files)"
    first = skipped[0]
    more = f" and {len(skipped) - 1} more" if len(skipped) > 1 else ""
    return (f"empty corpus: {where} (no readable {ARTICLE_SUFFIX} files; "
            f"skipped {first}{more})")
