"""Values spilled to a temporary file and read back by the same process or its forks.

The build parks records and sorted runs of quads in anonymous temporary files so that
memory does not grow with the corpus.  Each value is written with :mod:`marshal` (fast,
and safe here: only kg's own processes read what they wrote) behind its length, so
reading it back is one read and one ``marshal.loads``: ``marshal.load`` on a file reads
it a few bytes at a time, ten times slower.  Reads use ``os.pread`` at their own offset,
so forked workers that share a file never move each other's position.
"""
from __future__ import annotations

import marshal
import os
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

_LENGTH = struct.Struct("<Q")


def dump(value: object, fh: BinaryIO) -> int:
    """Append ``value`` (nested tuples, lists, dicts of str, int, float, bool, None) to
    ``fh``; return the offset it starts at (for :func:`value_at`)."""
    return dump_marshalled(marshal.dumps(value), fh)


def dump_marshalled(data: bytes, fh: BinaryIO) -> int:
    """Append a value :mod:`marshal` has already made bytes of (as :func:`dump` does)."""
    offset = fh.tell()
    fh.write(_LENGTH.pack(len(data)))
    fh.write(data)
    return offset


def values(fh: BinaryIO, offset: int | None = None) -> Iterator:
    """The values :func:`dump` appended to ``fh``, from ``offset`` (None: the file's
    position) to its end.  Raises EOFError for a file cut short."""
    fh.flush()
    fd = fh.fileno()
    at = fh.tell() if offset is None else offset
    while True:
        value, at = _read(fd, at)
        if at < 0:
            return
        yield value


def value_at(fh: BinaryIO, offset: int) -> object:
    """The value :func:`dump` wrote at ``offset``."""
    fh.flush()
    value, at = _read(fh.fileno(), offset)
    if at < 0:
        raise EOFError("no spilled value at this offset")
    return value


def _read(fd: int, at: int) -> tuple[object, int]:
    """(value, offset after it) at ``at``; (None, -1) at the end of the file."""
    head = os.pread(fd, _LENGTH.size, at)
    if not head:
        return None, -1
    if len(head) < _LENGTH.size:
        raise EOFError("a spilled value is cut short")
    (size,) = _LENGTH.unpack(head)
    data = os.pread(fd, size, at + _LENGTH.size)
    if len(data) < size:
        raise EOFError("a spilled value is cut short")
    return marshal.loads(data), at + _LENGTH.size + size


def spill_folder(path: str | os.PathLike[str]) -> Path | None:
    """The folder of ``path`` if it exists (sorted runs are spilled there, beside the
    output), else None: the system's temporary folder."""
    folder = Path(path).absolute().parent
    return folder if folder.is_dir() else None
