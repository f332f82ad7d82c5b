"""One record (a JSON object, a CSV row, a text file's header) -> one article.

Scrapers and news APIs name the same things differently (``text``, ``maintext``,
``content``; ``date``, ``publishedAt``, ``date_publish``).  For each metadata slot
``kg/data/ingest.toml`` ``[fields]`` lists the names in order of preference, the
user's own (``--field text=story``) first; names match case-insensitively, and a
dotted name (``source.name``, ``fields.bodyText``) looks inside a nested object.
The JSON and CSV readers share this mapping, so a field means the same in both.

Two slots need more than a look-up: ``source`` is the article's URL when it is one
and its publisher's name when it is not (NewsAPI's ``{"id": …, "name": …}`` gives
its name), and a record with a page's ``html`` but no text is read as a web page.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from kg.ingest.metadata import article, as_url, ingest_data, normalize_date
from kg.ingest.reader import ReadOptions, Rejected, Unreadable
from kg.records import SourceText

#: slot -> the names to look for, in order (the user's first).
FieldNames = Callable[[str], tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class Metadata:
    """What a record says of its article, picked slot by slot (values as the record gives them)."""

    id: str | None = None
    title: Any = None
    date: Any = None
    url: str | None = None
    publisher: Any = None
    authors: Any = ()
    language: Any = None

    def article(self, identifier: str, body: str) -> SourceText:
        """The article of ``body`` with this metadata, named by its own id where it has one."""
        return article(self.id or identifier, body, title=self.title, date=self.date, url=self.url,
                       publisher=self.publisher, authors=self.authors, language=self.language)


def record_names(options: ReadOptions) -> FieldNames:
    """The field names of each slot for records (``[fields]``), the user's first."""
    usual = ingest_data().fields
    return lambda slot: options.field_names(slot, usual[slot])


def record_article(record: Mapping[str, Any], identifier: str, options: ReadOptions) -> SourceText:
    """The article of one record; ``identifier`` names it unless it has its own id.

    Raises :class:`Unreadable` for a record with no text (naming the fields looked
    for), an empty or non-English one, or a page (``html``) with no main text.
    """
    names = record_names(options)
    found = metadata(record, names)
    text = _first(record, names("text"), _as_text)
    if text is not None:
        return found.article(identifier, text)
    html = _first(record, names("html"), _as_text)
    if html is not None:
        from kg.ingest.html import from_html

        return from_html(found.id or identifier, html, url=found.url, date=found.date, title=found.title,
                         publisher=found.publisher, authors=found.authors, language=found.language)
    looked_for = ", ".join(dict.fromkeys(names("text") + names("html")))
    raise Unreadable(f"no article text (none of the fields {looked_for})")


def has_text(record: Mapping[str, Any], options: ReadOptions) -> bool:
    """Whether ``record`` holds an article's text or page (an article, not a list of them)."""
    names = record_names(options)
    return _first(record, names("text") + names("html"), _as_text) is not None


def numbered_article(number: int, record: Any, name: str, options: ReadOptions) -> SourceText | Rejected:
    """The article of record ``number`` of a file, named ``name`` unless it has its own id;
    a :class:`Rejected` when the record is not an object or cannot be read, so that record
    alone is skipped."""
    if not isinstance(record, dict):
        return Rejected(number, f"not a JSON object but {_kind(record)}")
    try:
        return record_article(record, name, options)
    except Unreadable as reason:
        return Rejected(number, str(reason))


def metadata(record: Mapping[str, Any], names: FieldNames) -> Metadata:
    """What ``record`` says of its article: for each slot the first of its names that has a
    usable value (a URL for ``url``, a date for ``date``, a name that is not a URL for
    ``publisher``)."""
    return Metadata(
        id=_first(record, names("id"), _as_id),
        title=_first(record, names("title"), _present),
        date=_first(record, names("date"), lambda value: value if normalize_date(value) else None),
        url=_first(record, names("url"), as_url),
        publisher=_first(record, names("publisher"), _as_publisher),
        authors=_first(record, names("authors"), _present) or (),
        language=_first(record, names("language"), _present),
    )


def lookup(record: Mapping[str, Any], name: str) -> Any:
    """The value of field ``name`` in ``record`` (any case; ``a.b`` inside the object ``a``);
    None when there is none."""
    wanted = name.casefold()
    for key, value in record.items():
        if str(key).casefold() == wanted:
            return value
    head, dot, rest = name.partition(".")
    if dot:
        inner = lookup(record, head)
        if isinstance(inner, dict):
            return lookup(inner, rest)
    return None


def _first(record: Mapping[str, Any], names: tuple[str, ...], usable: Callable[[Any], Any]) -> Any:
    """The first of ``names`` whose value ``usable`` accepts (returns not None), as it returns it."""
    for name in names:
        value = lookup(record, name)
        if _present(value) is not None and (found := usable(value)) is not None:
            return found
    return None


def _present(value: Any) -> Any:
    """``value``, or None when it is empty (None, blank text, an empty list or object)."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str) and not value.strip():
        return None
    if isinstance(value, list | tuple | dict) and not value:
        return None
    return value


def _as_text(value: Any) -> str | None:
    """A text field's value: a string, or a list of paragraphs (joined by line ends)."""
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, list) and all(isinstance(part, str) for part in value):
        return _present("\n".join(part.strip() for part in value if part.strip()))
    return None


def _as_publisher(value: Any) -> Any:
    """A publisher's name: the value, or an object's ``name``; not a URL (that is the article's)."""
    if isinstance(value, dict):
        value = value.get("name")
    value = _present(value)
    return None if value is None or as_url(value) else value


def _as_id(value: Any) -> str | None:
    """A record's own id as a string (a number or text; not a list or object)."""
    if isinstance(value, str | int) and not isinstance(value, bool):
        return str(value).strip() or None
    return None


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "a boolean"
    return "a number"
