"""Values spilled to a temporary file and read back by the same process.

The build parks records and sorted runs of quads in anonymous temporary files so that
memory does not grow with the corpus.  Each value is written with :mod:`marshal` (fast,
and safe here: the process reads only what it wrote) behind its length, so reading it
back is one read and one ``marshal.loads``: ``marshal.load`` on a file reads it a few
bytes at a time, ten times slower.
"""
from __future__ import annotations

import marshal
import struct
from collections.abc import Iterator
from typing import BinaryIO

_LENGTH = struct.Struct("<Q")


def dump(value: object, fh: BinaryIO) -> None:
    """Append ``value`` (nested tuples, lists, dicts of str, int, float, bool, None) to ``fh``."""
    data = marshal.dumps(value)
    fh.write(_LENGTH.pack(len(data)))
    fh.write(data)


def values(fh: BinaryIO) -> Iterator:
    """The values :func:`dump` appended to ``fh``, from its current position to its end.

    Raises EOFError for a file cut short."""
    read = fh.read
    while True:
        head = read(_LENGTH.size)
        if not head:
            return
        if len(head) < _LENGTH.size:
            raise EOFError("a spilled value is cut short")
        (size,) = _LENGTH.unpack(head)
        data = read(size)
        if len(data) < size:
            raise EOFError("a spilled value is cut short")
        yield marshal.loads(data)
