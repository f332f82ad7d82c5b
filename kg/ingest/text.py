"""Plain-text articles (``.txt``): UTF-8, the title on the first line.

A leading byte-order mark is dropped and line ends are normalised to ``\\n``
(``\\r\\n`` and a lone ``\\r``), so every character offset kg writes
(``kg:start``/``kg:end``) refers to that normalised text.  A file that is empty,
binary or not UTF-8 is :class:`~kg.ingest.reader.Unreadable`, with the reason.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kg.ingest.metadata import require_english
from kg.ingest.reader import ReadOptions, Unreadable
from kg.records import SourceText

#: File suffixes this reader takes when a folder is walked.
SUFFIXES = (".txt",)

#: How much of a file is looked at to tell text from binary data.
_SNIFF_BYTES = 8192
#: Above this share of control characters in the sniffed text, a file is binary.
_MAX_CONTROL_SHARE = 0.10
#: Control characters that plain text legitimately contains.
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1b")


def read(path: Path, identifier: str, data: bytes, options: ReadOptions) -> Iterator[SourceText]:
    """The one article of a text file."""
    text = decode_text(data)
    require_english(text)
    yield SourceText(identifier, text)


def decode_text(data: bytes) -> str:
    """Decode the bytes of one article (UTF-8, BOM dropped, ``\\n`` line ends)."""
    if not data.strip():
        raise Unreadable("empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise Unreadable("UTF-16 text, not UTF-8 (re-save the file as UTF-8)")
    if b"\x00" in data:
        raise Unreadable("binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if _looks_binary(data[:_SNIFF_BYTES].decode("latin-1")):
            raise Unreadable("binary file (not text)") from None
        raise Unreadable(
            f"not UTF-8 (invalid byte 0x{data[exc.start]:02x} at offset {exc.start}; "
            "re-save the file as UTF-8)") from None
    if _looks_binary(text[:_SNIFF_BYTES]):
        raise Unreadable("binary file (mostly control characters)")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise Unreadable("empty file")
    return text


def _looks_binary(sample: str) -> bool:
    controls = sum(1 for ch in sample if ch < " " and ch not in _TEXT_CONTROLS)
    return controls > _MAX_CONTROL_SHARE * max(len(sample), 1)
