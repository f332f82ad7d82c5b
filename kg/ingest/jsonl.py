"""JSON Lines (``.jsonl``, ``.ndjson``): one article record per line, as scrapers write them.

Each non-blank line is one JSON object, mapped to an article by
:mod:`kg.ingest.fields`; the article is named ``file#N`` (N its line) unless the
record has its own id.  A malformed line, or one that is not an object, costs that
record only (``feed.jsonl:7: malformed JSON: …``); the rest of the file is built.
This is also the format of standard input (``kg build -``).
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from kg.ingest.fields import numbered_article
from kg.ingest.reader import ReadOptions, Rejected
from kg.ingest.text import decode_text
from kg.records import SourceText

#: File suffixes this reader takes when a folder is walked.
SUFFIXES = (".jsonl", ".ndjson")


def read(path: Path, identifier: str, data: bytes, options: ReadOptions) -> Iterator[SourceText | Rejected]:
    """The articles of a JSON Lines file, a :class:`Rejected` for each line that is not one."""
    yield from read_lines(decode_text(data, path), identifier, options)


def read_lines(text: str, identifier: str, options: ReadOptions) -> Iterator[SourceText | Rejected]:
    """The articles of the non-blank lines of ``text``, each named ``identifier#N``.

    Lines end at ``\\n`` only: a JSON string may hold U+2028 and other Unicode line
    separators that :meth:`str.splitlines` would break it at.
    """
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejected(number, f"malformed JSON: {exc.msg} (column {exc.colno})")
        except RecursionError:
            yield Rejected(number, "malformed JSON: nested too deeply")
        else:
            yield numbered_article(number, record, f"{identifier}#{number}", options)
