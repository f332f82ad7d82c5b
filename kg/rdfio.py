"""RDF files in and out: the one table of graph formats, parsing, and the one atomic writer.

Every stage that reads or writes a graph file asks this module which format a suffix
means (``kg build -o``, ``kg query``, ``kg ask``, ``kg serve``, ``kg export``), so a
format is added in one place.  Output files are written by :func:`atomic_write`: the
file appears whole or not at all, is fsynced, and keeps the mode of the file it
replaces.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
import secrets
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from glob import escape as glob_escape
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import pyoxigraph as ox

from kg.errors import InputError, OutputError

if TYPE_CHECKING:
    from rdflib import Dataset

#: The suffix of a writer's temporary file (``.graph.trig.k2j3.tmp`` beside ``graph.trig``).
TEMP_SUFFIX = ".tmp"


@dataclass(frozen=True)
class RdfFormat:
    """One RDF serialization: its rdflib name, its Oxigraph format and its file suffixes."""

    name: str  #: rdflib's format name ("trig", "nquads", …), also kg's name for it
    oxigraph: ox.RdfFormat
    suffix: str  #: the suffix kg writes and reads
    also: tuple[str, ...] = ()  #: further suffixes kg only reads
    quads: bool = False  #: keeps named graphs (one per document)
    writable: bool = True  #: ``kg build`` can write it


#: Every RDF format kg knows, the writable ones first, in the order ``--help`` lists them.
RDF_FORMATS: tuple[RdfFormat, ...] = (
    RdfFormat("trig", ox.RdfFormat.TRIG, ".trig", quads=True),
    RdfFormat("nquads", ox.RdfFormat.N_QUADS, ".nq", quads=True),
    RdfFormat("turtle", ox.RdfFormat.TURTLE, ".ttl"),
    RdfFormat("nt", ox.RdfFormat.N_TRIPLES, ".nt"),
    RdfFormat("json-ld", ox.RdfFormat.JSON_LD, ".jsonld", also=(".json",)),
    RdfFormat("xml", ox.RdfFormat.RDF_XML, ".rdf", also=(".owl",), writable=False),
    RdfFormat("n3", ox.RdfFormat.N3, ".n3", writable=False),
)

#: Written suffix -> format, for the formats ``kg build`` writes.
WRITABLE: dict[str, RdfFormat] = {f.suffix: f for f in RDF_FORMATS if f.writable}
#: Every suffix kg reads a graph from -> its format.
READABLE: dict[str, RdfFormat] = {s: f for f in RDF_FORMATS for s in (f.suffix, *f.also)}
#: The suffixes kg's query engine loads (the formats it also writes).
LOADABLE: dict[str, RdfFormat] = dict(WRITABLE)
#: Output formats by file extension (rdflib format names), for ``kg build``'s output.
FORMATS: dict[str, str] = {suffix: fmt.name for suffix, fmt in WRITABLE.items()}

def format_for(path: str | os.PathLike[str], format: str | None = None) -> str:  # noqa: A002
    """The rdflib format name for ``path`` (or the explicit ``format``); OutputError if unknown."""
    known = ", ".join(sorted(FORMATS))
    if format is not None:
        if format in FORMATS.values():
            return format
        for ext in (format, f".{format}"):
            if ext in FORMATS:
                return FORMATS[ext]
        raise OutputError(f"unknown output format {format!r}; known formats: {known} "
                          f"({', '.join(FORMATS.values())})")
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise OutputError(f"cannot tell the output format of {os.fspath(path)!r} from its "
                          f"extension {suffix or '(none)'!r}; known extensions: {known}")
    return FORMATS[suffix]


def format_named(name: str) -> RdfFormat | None:
    """The writable format called ``name`` (rdflib's name, or a suffix with or without dot)."""
    for fmt in WRITABLE.values():
        if name in (fmt.name, fmt.suffix, fmt.suffix.lstrip(".")):
            return fmt
    return None


def suffix_of(path: str | os.PathLike[str]) -> str:
    """The lower-case suffix of ``path`` ('' when it has none)."""
    return Path(path).suffix.lower()


def read_quads(path: Path) -> Iterator[ox.Quad]:
    """Parse the graph file ``path`` with Oxigraph, quad by quad; InputError if it fails."""
    if not path.is_file():
        raise InputError(f"no such graph file: {path}")
    fmt = READABLE.get(suffix_of(path))
    if fmt is None:
        known = ", ".join(sorted(READABLE))
        raise InputError(f"cannot tell the RDF format of {path.name} (known suffixes: {known})")
    try:
        yield from ox.parse(path=str(path), format=fmt.oxigraph)
    except SyntaxError as exc:
        raise InputError(f"cannot parse {path}: {first_line(exc)}") from None
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read {path}: {exc}") from None


def parse_into(dataset: Dataset, path: Path, fmt: RdfFormat) -> None:
    """Parse the graph file ``path`` into an rdflib ``dataset``, never fetching anything.

    JSON-LD goes through Oxigraph's parser, which refuses a remote ``@context`` (rdflib's
    would fetch it: a graph file must not make kg open connections); the other
    formats are rdflib's own parsers.  Parser errors propagate.
    """
    if fmt.oxigraph == ox.RdfFormat.JSON_LD:
        quads = ox.parse(path=str(path), format=fmt.oxigraph)
        dataset.parse(data=ox.serialize(quads, format=ox.RdfFormat.N_QUADS), format="nquads")
    else:
        dataset.parse(str(path), format=fmt.name)


def first_line(exc: BaseException) -> str:
    """The first line of an exception's message (parsers write several)."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


#: Output files this process holds the lock of (resolved lock path -> nesting depth).
_HELD_LOCKS: dict[Path, int] = {}


@contextlib.contextmanager
def output_lock(target: str | os.PathLike[str]) -> Iterator[None]:
    """Hold the lock of the output ``target`` (a hidden ``.NAME.lock`` file beside it,
    removed when the lock is released).

    A second kg writing the same output gets an :class:`OutputError` at once instead
    of racing; once the lock is held, temporary files that killed writers left beside
    ``target`` are removed.  Re-entrant within one process (``kg build`` holds it for
    the whole build, its writer takes it again).  The parent directory must exist.
    """
    target = Path(target)
    lock_path = (target.parent / f".{target.name}.lock").absolute()
    if lock_path in _HELD_LOCKS:
        _HELD_LOCKS[lock_path] += 1
        try:
            yield
        finally:
            _HELD_LOCKS[lock_path] -= 1
        return
    fd = _locked(lock_path, target)
    try:
        _remove_stale_temporaries(target)
        _HELD_LOCKS[lock_path] = 1
        try:
            yield
        finally:
            del _HELD_LOCKS[lock_path]
            with contextlib.suppress(OSError):  # still ours: nobody else can hold it now
                lock_path.unlink()
    finally:
        os.close(fd)  # closing releases the lock


def _locked(lock_path: Path, target: Path) -> int:
    """An open descriptor of ``lock_path`` holding its lock; OutputError if another holds it.

    The lock file is removed when released, so after locking, the file must still be
    the one at ``lock_path`` (else a releasing writer removed it in between: try again).
    """
    while True:
        try:
            fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise OutputError(f"cannot lock {os.fspath(target)!r}: {exc.strerror or exc}") from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise OutputError(f"{os.fspath(target)!r} is already being written by another kg "
                              f"(lock {lock_path.name} held); wait for it or write elsewhere") from None
        try:
            if os.stat(lock_path).st_ino == os.fstat(fd).st_ino:
                return fd
        except FileNotFoundError:
            pass
        os.close(fd)


def _remove_stale_temporaries(target: Path) -> None:
    """Delete the temporary files of writers of ``target`` that died (only called under its lock)."""
    for stale in target.parent.glob(f".{glob_escape(target.name)}.*{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            stale.unlink()


def atomic_write(target: str | os.PathLike[str], write: Callable[[BinaryIO], None]) -> Path:
    """Run ``write`` on a temporary file next to ``target``, then rename it into place.

    The parent directory is created and the output's lock held (:func:`output_lock`).
    The data and the rename are fsynced; the file keeps the mode of the file it
    replaces (else what ``open()`` would give).  On any error the temporary file is
    removed, an existing ``target`` stays as it was, and an OSError or a text that is
    not valid Unicode becomes an :class:`OutputError`.
    """
    target = Path(target)
    shown = os.fspath(target)
    if target.is_dir():
        raise OutputError(f"cannot write {shown!r}: it is a directory")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the directory of {shown!r}: {exc.strerror or exc}") from exc
    with output_lock(target):
        return _write_and_rename(target, shown, write)


def _write_and_rename(target: Path, shown: str, write: Callable[[BinaryIO], None]) -> Path:
    try:
        fd, tmp_name = _temporary_file(target)
    except OSError as exc:
        raise OutputError(f"cannot write {shown!r}: {exc.strerror or exc}") from exc
    tmp = Path(tmp_name) if tmp_name else None
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fchmod(fh.fileno(), _file_mode(target))
            os.fsync(fh.fileno())
            if tmp is None:  # an unnamed file: named only now that it is complete
                tmp = _name_unnamed(fh.fileno(), target)
        os.replace(tmp, target)
    except BaseException as exc:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {shown!r}: {exc.strerror or exc}") from exc
        if isinstance(exc, UnicodeError):  # a lone surrogate in some literal
            raise OutputError(f"cannot write {shown!r}: the graph holds text that is "
                              f"not valid Unicode ({getattr(exc, 'reason', exc)})") from exc
        raise
    with contextlib.suppress(OSError):  # make the rename durable too
        dir_fd = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    return target


def _temporary_file(target: Path) -> tuple[int, str | None]:
    """An open file for the new ``target``, and its name (None: it has none yet).

    On Linux the file is made without a name (``O_TMPFILE``), so a writer killed while
    it writes leaves nothing behind; it gets its name (:func:`_name_unnamed`) once it is
    complete.  Elsewhere, or where the file system cannot, a named temporary file
    (``.NAME.xxxx.tmp``), which the next writer of ``target`` removes if a killed writer
    left it.
    """
    if _can_name_unnamed(target.parent):
        return os.open(target.parent, os.O_TMPFILE | os.O_WRONLY, 0o600), None
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent)
    return fd, name


def _can_name_unnamed(folder: Path) -> bool:
    """Whether unnamed files can be made in ``folder`` and named later (tried once, on an
    empty one: the kernel, the file system and /proc must all allow it)."""
    if not getattr(os, "O_TMPFILE", 0) or not Path("/proc/self/fd").is_dir():
        return False
    try:
        fd = os.open(folder, os.O_TMPFILE | os.O_WRONLY, 0o600)
    except OSError:
        return False
    try:
        os.unlink(_name_unnamed(fd, folder / ".kg-probe"))
        return True
    except OSError:
        return False
    finally:
        os.close(fd)


def _name_unnamed(fd: int, target: Path) -> Path:
    """Give the unnamed file ``fd`` a temporary name beside ``target``: ``linkat`` of its
    ``/proc/self/fd`` entry, followed (a dir fd makes Python call linkat, not link)."""
    fds = os.open("/proc/self/fd", os.O_RDONLY)
    try:
        while True:
            name = target.parent / f".{target.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}"
            try:
                os.link(str(fd), name, src_dir_fd=fds, follow_symlinks=True)
                return name
            except FileExistsError:
                continue
    finally:
        os.close(fds)


def _file_mode(target: Path) -> int:
    """The mode of the file being replaced, else what a plain ``open()`` would give."""
    with contextlib.suppress(OSError):
        return target.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
