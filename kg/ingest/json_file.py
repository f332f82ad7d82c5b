"""JSON files (``.json``): an array of article records, one record, or a news API's answer.

The file is one of

* an array of objects, each an article named ``file#N`` (N its 1-based place) unless
  it has its own id; an element that is not an article costs that element only;
* one object that is an article (it has text of its own), named ``file`` (or its
  own id);
* one object holding the array under a key of ``[json] envelopes`` in
  ``kg/data/ingest.toml`` (NewsAPI's ``{"status": "ok", "articles": […]}``), or
  under its only key that holds an array of objects (another API's answer).

Records are mapped to articles by :mod:`kg.ingest.fields`.  A ``.json`` file that is
really JSON Lines (one object per line, as some scrapers name them) is read as such.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kg.ingest.fields import has_text, lookup, numbered_article, record_article
from kg.ingest.jsonl import read_lines
from kg.ingest.metadata import ingest_data
from kg.ingest.reader import ReadOptions, Rejected, Unreadable
from kg.ingest.text import decode_text
from kg.records import SourceText

#: File suffixes this reader takes when a folder is walked.
SUFFIXES = (".json",)


def read(path: Path, identifier: str, data: bytes, options: ReadOptions) -> Iterator[SourceText | Rejected]:
    """The articles of a JSON file, a :class:`Rejected` for each element of its array that is not one."""
    text = decode_text(data, path)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        if _is_json_lines(text, exc):
            yield from read_lines(text, identifier, options)
            return
        raise Unreadable(f"malformed JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    except RecursionError:
        raise Unreadable("malformed JSON: nested too deeply") from None
    if isinstance(value, dict):
        key, records = _envelope(value, options)
        if key is None:
            yield record_article(value, identifier, options)
            return
        where = f"the array {key!r}"
    elif isinstance(value, list):
        records, where = value, "the array"
    else:
        raise Unreadable(f"JSON {type(value).__name__}, not an article object or an array of them")
    if not records:
        raise Unreadable(f"no articles: {where} is empty")
    for number, record in enumerate(records, start=1):
        yield numbered_article(number, record, f"{identifier}#{number}", options)


def _envelope(value: dict[str, Any], options: ReadOptions) -> tuple[str | None, list[Any]]:
    """The key of an API answer's array of articles and the array; (None, []) for an article
    (an object with text of its own, whatever arrays it also holds)."""
    if has_text(value, options):
        return None, []
    for key in ingest_data().json_envelopes:
        records = lookup(value, key)
        if _is_records(records):
            return key, records
    arrays = [key for key, records in value.items() if _is_records(records) and records]
    if len(arrays) == 1:
        return arrays[0], value[arrays[0]]
    return None, []


def _is_records(value: Any) -> bool:
    """An array of records (or an empty array): the articles of an API's answer."""
    return isinstance(value, list) and (not value or any(isinstance(item, dict) for item in value))


def _is_json_lines(text: str, error: json.JSONDecodeError) -> bool:
    """Whether ``text`` failed as one JSON value because it is JSON Lines: a whole object
    on the first line, and more data starting on a later line."""
    if error.msg != "Extra data" or error.lineno < 2 or error.colno != 1:
        return False
    first = text.lstrip().split("\n", 1)[0]
    try:
        return isinstance(json.loads(first), dict)
    except (json.JSONDecodeError, RecursionError):
        return False
