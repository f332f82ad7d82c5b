"""Tables of articles (``.csv``, ``.tsv``): a header row of field names, one article per row.

The header names the fields as in JSON records (:mod:`kg.ingest.fields`: ``title``,
``text``, ``url``, ``date`` …, any case; ``--field text=story`` for others).  Each
row is an article named ``file#N`` (N its data row, the header not counted) unless it
has its own id; a row that cannot be read costs that row only.  UTF-8, with or without
the byte-order mark Excel writes; a ``.csv`` whose header has semicolons and no comma
(Excel in many locales) is read with semicolons.
"""
from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator
from pathlib import Path

from kg.ingest.fields import numbered_article, record_names
from kg.ingest.reader import ReadOptions, Rejected, Unreadable
from kg.ingest.text import decode_text
from kg.records import SourceText

#: File suffixes this reader takes when a folder is walked.
SUFFIXES = (".csv", ".tsv")

#: The delimiter of each suffix, and the one a ``.csv`` header may use instead.
_DELIMITERS = {".csv": ",", ".tsv": "\t"}
_LOCALE_DELIMITER = ";"


def read(path: Path, identifier: str, data: bytes, options: ReadOptions) -> Iterator[SourceText | Rejected]:
    """The articles of a table, a :class:`Rejected` for each row that is not one."""
    _allow_long_fields()
    text = decode_text(data, path)
    delimiter = _delimiter(path, text)
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [name.strip() for name in next(rows, [])]
    except csv.Error as exc:
        raise Unreadable(f"malformed header row: {exc}") from None
    _require_text_column(header, options)
    number = 0
    while True:
        number += 1
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as exc:  # the rest of the file cannot be split into rows reliably
            yield Rejected(number, f"malformed row, the rest of the file is not read: {exc}")
            return
        if not any(cell.strip() for cell in row):
            continue
        extra = [cell for cell in row[len(header):] if cell.strip()]
        if extra:
            yield Rejected(number, f"{len(row)} cells but the header names {len(header)} fields "
                                   "(an unquoted delimiter in a cell?)")
            continue
        record = {name: cell for name, cell in zip(header, row) if name}
        yield numbered_article(number, record, f"{identifier}#{number}", options)


def _delimiter(path: Path, text: str) -> str:
    """The table's delimiter: by its suffix, or ``;`` for a ``.csv`` whose header has no comma."""
    delimiter = _DELIMITERS.get(path.suffix.lower(), ",")
    header = text.split("\n", 1)[0]
    if delimiter == "," and "," not in header and _LOCALE_DELIMITER in header:
        return _LOCALE_DELIMITER
    return delimiter


def _require_text_column(header: list[str], options: ReadOptions) -> None:
    """Raise :class:`Unreadable` unless the header names a text (or html) column."""
    names = record_names(options)
    columns = {name.casefold() for name in header}
    wanted = names("text") + names("html")
    if not any(name.casefold() in columns for name in wanted):
        shown = ", ".join(name for name in header[:8] if name) or "nothing"
        raise Unreadable(f"no text column: the header row ({shown}) names none of "
                         f"{', '.join(dict.fromkeys(wanted))} (name yours with --field text=COLUMN)")


def _allow_long_fields() -> None:
    """Let a cell hold a whole article (the csv module's default limit is 128 KiB)."""
    limit = sys.maxsize
    while True:
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:  # a C long is 32 bits on some platforms
            limit //= 2
