"""Plain-text articles (``.txt``, ``.md``): UTF-8, the title on the first line.

A leading byte-order mark is dropped and line ends are normalised to ``\\n``
(``\\r\\n`` and a lone ``\\r``), so every character offset kg writes
(``kg:start``/``kg:end``) refers to that normalised text.  A file in another
encoding (UTF-16, Windows-1252, Latin-1, damaged UTF-8) is decoded with a warning;
one that is empty or binary is :class:`~kg.ingest.reader.Unreadable`, with the reason.

A file may start with what its source says of it, in either of two shapes:

* a header block: ``key: value`` lines from the first line on, every key one of
  ``[text.header_keys]`` in ``kg/data/ingest.toml`` (any case), ended by a ``---``
  line or a blank line; a body line such as ``Moscow: the Kremlin said …`` is never
  taken for one, as ``moscow`` is no key;
* YAML front matter between two ``---`` lines, of which kg reads the simple
  ``key: value`` subset (quoted values; a ``[a, b]`` or ``- item`` list of authors)
  and leaves other keys alone.

Its title, date, URL, publisher and authors then go with the article, and the first
line after it is the title unless the header names one.  A file without such a header
is read exactly as it is.  In a ``.md`` file the title line's ``#`` mark is dropped.
A file that starts like a web page (``<!DOCTYPE html>``, ``<html>``) is read as one.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.ingest.encoding import decode, wide_encoding
from kg.ingest.fields import metadata
from kg.ingest.metadata import ingest_data, require_english
from kg.ingest.reader import ReadOptions, Unreadable
from kg.records import SourceText

log = logging.getLogger("kg.ingest")

#: File suffixes this reader takes when a folder is walked.
SUFFIXES = (".txt", ".md")
#: The suffix of Markdown files, whose title line may carry a heading mark.
_MARKDOWN = ".md"

#: How much of a file is looked at to tell text from binary data.
_SNIFF_BYTES = 8192
#: Above this share of control characters in the sniffed text, a file is binary.
_MAX_CONTROL_SHARE = 0.10
#: Control characters that plain text legitimately contains.
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1b")
#: The control characters that are not in text.
_CONTROLS = re.compile("[" + "".join(re.escape(chr(c)) for c in range(32) if chr(c) not in _TEXT_CONTROLS) + "]")

#: The line that ends a header block, and opens and closes YAML front matter.
_RULE = "---"
#: Lines that may close YAML front matter.
_FRONT_MATTER_END = ("---", "...")
_HEADER_LINE = re.compile(r"([^\s:][^:]*?)[ \t]*:[ \t]*(.*)\Z")
_YAML_KEY_LINE = re.compile(r"([\w-]+)[ \t]*:(?:[ \t]+(.*)|[ \t]*)\Z")
_YAML_ITEM = re.compile(r"[ \t]*-[ \t]+(.*)\Z")
_HEADING_MARK = re.compile(r"#{1,6}[ \t]+")

#: A header's values: key (case-folded) -> its value, or the list of its values.
Header = dict[str, Any]


def read(path: Path, identifier: str, data: bytes, options: ReadOptions) -> Iterator[SourceText]:
    """The one article of a text file."""
    text = decode_text(data, path)
    if ingest_data().html_start.match(text):  # a web page saved as .txt: never its markup as text
        from kg.ingest.html import from_html

        yield from_html(identifier, text)
        return
    markdown = path.suffix.lower() == _MARKDOWN
    header, body = split_header(text)
    if header is None:
        if markdown:
            text = _without_heading_mark(text)
        require_english(text)
        yield SourceText(identifier, text)
        return
    if not body.strip():
        raise Unreadable("no article text after the header")
    if markdown:
        body = _without_heading_mark(body.lstrip("\n"))
    found = metadata(header, lambda slot: ingest_data().header_keys.get(slot, ()))
    yield found.article(identifier, body)


def split_header(text: str) -> tuple[Header | None, str]:
    """The header of ``text`` (a header block or YAML front matter) and the body after it;
    (None, text) when it has none."""
    lines = text.split("\n")
    found = _front_matter(lines) if lines[0].strip() == _RULE else _header_block(lines)
    if found is None:
        return None, text
    header, body_start = found
    return header, "\n".join(lines[body_start:])


def _header_block(lines: list[str]) -> tuple[Header, int] | None:
    """``key: value`` lines of known keys from the first line to a blank or ``---`` line."""
    known = _header_keys()
    values: dict[str, list[str]] = {}
    for number, line in enumerate(lines):
        if not line.strip() or line.strip() == _RULE:
            return (_one_or_list(values), number + 1) if values else None
        match = _HEADER_LINE.match(line.strip())
        if match is None or match.group(1).casefold() not in known:
            return None
        values.setdefault(match.group(1).casefold(), []).append(match.group(2).strip())
    return None  # no body after it: a short text, not a header


def _front_matter(lines: list[str]) -> tuple[Header, int] | None:
    """The ``key: value`` pairs between the opening ``---`` line and the closing one; None
    when there is no closing line or a top-level line is not ``key: value``."""
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in _FRONT_MATTER_END), None)
    if end is None:
        return None
    values: dict[str, list[str]] = {}
    key = None
    for line in lines[1:end]:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if item := _YAML_ITEM.match(line):
            if key is not None:
                values[key].append(_unquote(item.group(1)))
            continue
        if line[0] in " \t":  # inside a nested mapping kg does not read
            continue
        match = _YAML_KEY_LINE.match(line.rstrip())
        if match is None:
            return None
        key, value = match.group(1).casefold(), (match.group(2) or "").strip()
        values[key] = _yaml_values(value)
    return _one_or_list(values), end + 1


def _yaml_values(value: str) -> list[str]:
    """A YAML scalar as one value, ``[a, b]`` as its items, nothing (a list follows) as none."""
    if value.startswith("[") and value.endswith("]"):
        return [_unquote(item) for item in value[1:-1].split(",") if item.strip()]
    return [_unquote(value)] if value else []


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    return value


def _one_or_list(values: dict[str, list[str]]) -> Header:
    return {key: items[0] if len(items) == 1 else items for key, items in values.items() if items}


@lru_cache(maxsize=1)
def _header_keys() -> frozenset[str]:
    return frozenset(key.casefold() for keys in ingest_data().header_keys.values() for key in keys)


def _without_heading_mark(text: str) -> str:
    """``text`` with the Markdown heading mark of its first line dropped (``# Title``)."""
    return _HEADING_MARK.sub("", text, count=1) if _HEADING_MARK.match(text) else text


def decode_text(data: bytes, path: Path | None = None) -> str:
    """Decode the bytes of one file (BOM dropped, ``\n`` line ends).

    UTF-8 is read as is; other encodings are decoded (:mod:`kg.ingest.encoding`) with
    a one-line warning naming ``path``.  Empty or binary data is :class:`Unreadable`.
    """
    if not data.strip():
        raise Unreadable("empty file")
    if wide_encoding(data) is None:
        if b"\x00" in data:
            raise Unreadable("binary file (contains NUL bytes)")
        if _looks_binary(data[:_SNIFF_BYTES].decode("latin-1")):
            raise Unreadable("binary file (mostly control characters)")
    text, note = decode(data)
    if _looks_binary(text[:_SNIFF_BYTES]):
        raise Unreadable("binary file (mostly control characters)")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise Unreadable("empty file")
    if note is not None:
        log.warning("%s: %s", path if path is not None else "input", note)
    return text


def _looks_binary(sample: str) -> bool:
    controls = len(_CONTROLS.findall(sample))  # a regex: a loop over characters cost most of reading
    return controls > _MAX_CONTROL_SHARE * max(len(sample), 1)
