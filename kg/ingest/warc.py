"""Web crawls (``.warc``, ``.warc.gz``): every HTML page a crawl fetched, as an article.

A WARC file holds the records of a crawl: ``warcinfo`` (about the crawl),
``request`` (what was asked), ``response`` (what the server sent: HTTP headers and
the page), ``resource``, ``metadata``, ``revisit``.  Each ``response`` or
``resource`` record of an HTML page fetched with HTTP 200 is read as a saved web
page (:func:`kg.ingest.html.from_html`), its URL being the record's
``WARC-Target-URI``; its date is the page's own, else the record's ``WARC-Date``
(when it was fetched).  Other records are not articles and are passed over
silently; a response that is not an HTML page (an image, a script, a PDF) or not a
200 is rejected with its reason, so the user sees what the crawl held.

Each article is named ``identifier#N``, N the record's 1-based ordinal among all
the file's records.  warcio reads plain and gzipped files alike.
"""
from __future__ import annotations

import codecs
import io
import itertools
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.ingest.html import from_html
from kg.ingest.metadata import ingest_toml, normalize_date
from kg.ingest.reader import ReadOptions, Rejected, Unreadable
from kg.records import SourceText

#: File suffixes this reader takes when a folder is walked.
SUFFIXES = (".warc", ".warc.gz")

#: The records that may hold a page; the others (warcinfo, request, metadata,
#: revisit, conversion) are not articles.
_PAGE_RECORDS = ("response", "resource")
#: How much of a record is read at a time when skipping over it.
_CHUNK = 1 << 16
#: How much of warcio's error message a skipped line quotes.
_REASON_CHARS = 100
_GZIP_MAGIC = b"\x1f\x8b"
_GZIP_WBITS = 16 + zlib.MAX_WBITS  # zlib's code for a gzip header and trailer
_TRUNCATED = "record cut short: the WARC file ends inside it (truncated download?); the rest is not read"


@dataclass(frozen=True, slots=True)
class WarcSettings:
    """``[warc]`` of ``kg/data/ingest.toml``."""

    html_content_types: frozenset[str]
    status: int


@lru_cache(maxsize=1)
def warc_settings() -> WarcSettings:
    """Read ``[warc]`` once per process."""
    table = ingest_toml()["warc"]
    return WarcSettings(frozenset(t.lower() for t in table["html_content_types"]), int(table["status"]))


def read(path: Path, identifier: str, data: bytes, options: ReadOptions) -> Iterator[SourceText | Rejected]:
    """The articles of a WARC file, and a :class:`Rejected` for each other page it holds."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.bufferedreaders import ChunkedDataException
    from warcio.exceptions import ArchiveLoadFailed
    from warcio.statusandheaders import StatusAndHeadersParserException

    # what warcio raises on a file that is not a WARC, or is cut short or corrupt; on a
    # record whose headers are cut short it stumbles (AttributeError, TypeError)
    broken = (ArchiveLoadFailed, StatusAndHeadersParserException, ChunkedDataException,
              EOFError, OSError, ValueError, zlib.error)
    stumbled = (*broken, AttributeError, TypeError, KeyError, IndexError)
    settings = warc_settings()
    records = iter(ArchiveIterator(io.BytesIO(data)))
    for ordinal in itertools.count(1):
        try:
            record = next(records, None)
        except stumbled as exc:
            if ordinal == 1:
                raise Unreadable(f"not a WARC file ({_reason(exc)})") from None
            yield Rejected(ordinal, _broken_record(exc, data))
            return
        if record is None:
            break
        if record.format != "warc":
            raise Unreadable(f"not a WARC file (an {record.format.upper()} file?)")
        try:
            item = _page(record, f"{identifier}#{ordinal}", ordinal, settings) \
                if record.rec_type in _PAGE_RECORDS else None
            complete = _read_to_end(record)
        except broken as exc:
            yield Rejected(ordinal, _broken_record(exc, data))
            return
        if not complete:
            yield Rejected(ordinal, _TRUNCATED)
            return
        if item is not None:
            yield item
    if ordinal == 1:
        raise Unreadable("not a WARC file, or cut short before its first record ends" if data.strip()
                         else "empty file")
    if _gzip_cut_short(data):  # warcio stops quietly at a gzip member cut short
        yield Rejected(ordinal, "the WARC file is cut short here (its last gzip member is incomplete)")


def _page(record: Any, identifier: str, ordinal: int, settings: WarcSettings) -> SourceText | Rejected:
    """The article of one response or resource record, or why it is not one."""
    http = record.http_headers
    if http is not None and record.rec_type == "response":
        status = http.get_statuscode()
        if status != str(settings.status):
            return Rejected(ordinal, f"HTTP {status}")
        content_type = http.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    media_type, charset = _media_type(content_type)
    if media_type not in settings.html_content_types:
        return Rejected(ordinal, f"not an HTML page ({media_type or 'no content type'})")
    page = record.content_stream().read()
    if not _read_to_end(record):
        return Rejected(ordinal, _TRUNCATED)
    if charset and not page.startswith(codecs.BOM_UTF8):  # a byte-order mark beats the header
        try:
            page = page.decode(charset)
        except UnicodeDecodeError:
            pass  # the header lies: let the page's own charset, or detection, decide
    url = record.rec_headers.get_header("WARC-Target-URI")
    try:
        article = from_html(identifier, page, url=url)
    except Unreadable as reason:
        return Rejected(ordinal, str(reason))
    if article.date is None:
        article = replace(article, date=normalize_date(record.rec_headers.get_header("WARC-Date")))
    return article


def _read_to_end(record: Any) -> bool:
    """Read what is left of ``record``; False when the file ends before the record's
    Content-Length does (a crawl cut short)."""
    while record.raw_stream.read(_CHUNK):
        pass
    return getattr(record.raw_stream, "limit", 0) <= 0


def _gzip_cut_short(data: bytes) -> bool:
    """Whether gzipped ``data`` ends inside a gzip member (each WARC record is one)."""
    if not data.startswith(_GZIP_MAGIC):
        return False
    rest = data
    while rest.strip(b"\0"):
        member = zlib.decompressobj(wbits=_GZIP_WBITS)
        try:
            member.decompress(rest)
        except zlib.error:
            return True
        if not member.eof:
            return True
        rest = member.unused_data
    return False


def _media_type(content_type: str) -> tuple[str, str | None]:
    """``"text/html; charset=ISO-8859-1"`` -> ``("text/html", "iso-8859-1")``; a charset
    Python does not know is dropped."""
    media_type, *parameters = (part.strip() for part in content_type.split(";"))
    charset = None
    for parameter in parameters:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip("\"'").lower() or None
    if charset:
        try:
            codecs.lookup(charset)
        except LookupError:
            charset = None
    return media_type.lower(), charset


def _broken_record(exc: BaseException, data: bytes) -> str:
    """Why a record cannot be read, for the user: a file cut short, or what warcio says."""
    if _gzip_cut_short(data):
        return _TRUNCATED
    return f"broken WARC record, the rest of the file is not read ({_reason(exc)})"


def _reason(exc: BaseException) -> str:
    """warcio's error on one short line; a Python error inside warcio says only that the
    record is malformed."""
    if isinstance(exc, AttributeError | TypeError | KeyError | IndexError):
        return "malformed record headers"
    text = " ".join(str(exc).split())
    if len(text) > _REASON_CHARS:
        text = text[:_REASON_CHARS - 1] + "…"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__

