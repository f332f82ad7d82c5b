"""An article's metadata as the readers find it, normalised the same way for every format.

Every reader ends in :func:`article`: the body text and what the source says about it
(title, date, URL, publisher, authors, language) become one
:class:`~kg.records.SourceText`.  The source's metadata is normalised here, once:
dates to ISO 8601 (:func:`normalize_date`, with python-dateutil for the many shapes
feeds give), URLs to absolute ``http(s)`` IRIs (:func:`as_url`), bylines to a tuple
of names (:func:`split_authors`).  The field names scrapers use, the byline words
and the English check's word list are data (``kg/data/ingest.toml``).

The text kg reads is the title on the first line, a blank line, then the body, as
in a plain-text article, so character offsets (``kg:start``/``kg:end``) always refer
to that text, whatever the format the article came in.
"""
from __future__ import annotations

import datetime as _dt
import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any
from urllib.parse import quote, urlsplit

from kg.ingest.reader import Unreadable
from kg.records import SourceText

#: The metadata slots a reader fills (the keys of ``[fields]`` in ingest.toml).
SLOTS = ("id", "title", "text", "html", "url", "date", "authors", "publisher", "language")

_YEAR = re.compile(r"\s*(\d{4})\s*\Z")
_YEAR_MONTH = re.compile(r"\s*(\d{4})-(\d{1,2})\s*\Z")
_EPOCH = re.compile(r"\s*\d{9,13}(?:\.\d+)?\s*\Z")
_SPACES = re.compile(r"\s+")
_WORD_EDGES = ".,;:!?\"'()[]«»“”‘’"
#: Characters an IRI may not hold unescaped (N-Triples, Turtle, SPARQL).
_IRI_UNSAFE = "".join(chr(c) for c in range(0x21)) + '<>"{}|\\^`\x7f'


@dataclass(frozen=True, slots=True)
class IngestData:
    """The contents of ``kg/data/ingest.toml``, typed."""

    fields: dict[str, tuple[str, ...]]
    byline_lead: tuple[str, ...]
    byline_separators: tuple[str, ...]
    min_words: int
    min_share: float
    sample_chars: int
    english_tags: tuple[str, ...]
    function_words: frozenset[str]
    header_keys: dict[str, tuple[str, ...]]
    max_article_mb: float
    json_envelopes: tuple[str, ...]
    html_start: re.Pattern[str]  # how a web page saved as text begins  # keys under which a news API's answer holds its articles


@lru_cache(maxsize=1)
def ingest_toml() -> dict[str, Any]:
    """``kg/data/ingest.toml`` as parsed, read once per process (each reader types its own table)."""
    return tomllib.loads(resources.files("kg").joinpath("data/ingest.toml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def ingest_data() -> IngestData:
    """The tables of ``kg/data/ingest.toml`` that every reader uses, typed."""
    raw = ingest_toml()
    missing = [slot for slot in SLOTS if slot not in raw["fields"]]
    if missing:
        raise KeyError(f"kg/data/ingest.toml: [fields] lacks {', '.join(missing)}")
    language = raw["language"]
    return IngestData(
        fields={slot: tuple(raw["fields"][slot]) for slot in SLOTS},
        byline_lead=tuple(sorted(raw["authors"]["lead"], key=len, reverse=True)),
        byline_separators=tuple(raw["authors"]["separators"]),
        min_words=int(language["min_words"]),
        min_share=float(language["min_share"]),
        sample_chars=int(language["sample_chars"]),
        english_tags=tuple(language["english_tags"]),
        function_words=frozenset(language["function_words"]),
        header_keys={slot: tuple(keys) for slot, keys in raw["text"]["header_keys"].items()},
        max_article_mb=float(raw["limits"]["max_article_mb"]),
        json_envelopes=tuple(raw["json"]["envelopes"]),
        html_start=re.compile(raw["text"]["html_start"]),
    )


def article(identifier: str, body: str, *, title: str | None = None, date: Any = None, url: Any = None,
            publisher: Any = None, authors: Any = (), language: Any = None) -> SourceText:
    """One article from its body and what its source says of it.

    The text kg reads is ``title``, a blank line and ``body`` (the body alone when
    there is no title, or when the body already starts with the title).  Raises
    :class:`Unreadable` for an article with no body or one that is not English.
    """
    body = _clean_text(body)
    if not body:
        raise Unreadable("no article text")
    language = one_line_text(language) or None
    require_english(body, language)
    title = one_line_text(title)
    if title and body.split("\n", 1)[0].strip() != title:
        text = f"{title}\n\n{body}"
    else:
        text = body
    return SourceText(
        identifier=identifier,
        text=text,
        title=title or None,
        date=normalize_date(date),
        url=as_url(url),
        publisher=one_line_text(publisher) or None,
        authors=split_authors(authors),
        language=language,
    )


def normalize_date(value: Any) -> str | None:
    """An ISO 8601 date (``2023-05-17``), or year-month (``2020-12``) or year (``2020``) when
    the source gives no finer date; None when ``value`` is not a date.

    Takes what feeds give: ISO dates and timestamps, RFC 2822 (``Tue, 16 May 2023
    10:22:00 GMT``), written dates (``May 17, 2023``), Unix epoch seconds or
    milliseconds.  A timestamp keeps the calendar day of its own time zone (the day
    the outlet printed).
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, int | float):
        return _from_epoch(float(value))
    text = one_line_text(value)
    if not text:
        return None
    if m := _YEAR.match(text):
        return m.group(1)
    if m := _YEAR_MONTH.match(text):
        year, month = int(m.group(1)), int(m.group(2))
        return f"{year:04d}-{month:02d}" if 1 <= month <= 12 else None
    if _EPOCH.match(text):
        return _from_epoch(float(text))
    from dateutil import parser

    try:
        parsed = parser.parse(text, default=_dt.datetime(1, 1, 1))
    except (ValueError, OverflowError, parser.ParserError):
        return None
    if parsed.year == 1:  # no year in the text ("May 17")
        return None
    return parsed.date().isoformat()


def _from_epoch(seconds: float) -> str | None:
    if seconds > 1e11:  # milliseconds
        seconds /= 1000
    try:
        return _dt.datetime.fromtimestamp(seconds, _dt.UTC).date().isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def as_url(value: Any) -> str | None:
    """``value`` as an absolute http(s) URL that is a valid IRI (unsafe characters
    percent-encoded); None when it is not such a URL (a publisher's name, a path)."""
    text = one_line_text(value)
    if not text:
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return quote(text, safe="".join(chr(c) for c in range(0x21, 0x7f) if chr(c) not in _IRI_UNSAFE) + "%")


def split_authors(value: Any) -> tuple[str, ...]:
    """The names of a byline, a list of names or a list of ``{"name": …}`` objects, in
    order, without repeats: ``"By Jane Roe and John Doe"`` -> ``("Jane Roe", "John Doe")``.

    Commas split names only when every part is a name of two or more words, so
    ``"Roe, Jane"`` stays one author.
    """
    if value is None:
        return ()
    if isinstance(value, dict):
        value = value.get("name") or ""
    if isinstance(value, list | tuple):
        names = [name for item in value for name in split_authors(item)]
        return tuple(dict.fromkeys(names))
    text = one_line_text(value)
    if not text:
        return ()
    data = ingest_data()
    parts = [text]
    for separator in data.byline_separators:
        parts = [piece for part in parts for piece in _split_word(part, separator)]
    by_comma = [piece.strip() for part in parts for piece in part.split(",")]
    if all(len(piece.split()) >= 2 for piece in by_comma if piece):
        parts = by_comma
    names = [_strip_lead(part.strip(), data.byline_lead) for part in parts]
    return tuple(dict.fromkeys(name for name in names if any(ch.isalpha() for ch in name)))


def _split_word(text: str, separator: str) -> list[str]:
    if separator.strip() == separator:  # punctuation: split anywhere
        return text.split(separator)
    return re.split(re.escape(separator), text, flags=re.IGNORECASE)


def _strip_lead(name: str, leads: tuple[str, ...]) -> str:
    lowered = name.lower()
    for lead in leads:
        if lowered.startswith(lead + " "):
            return name[len(lead) + 1:].strip()
    return name


def require_english(text: str, language: str | None = None) -> None:
    """Raise :class:`Unreadable` unless the article is English: by its source's language
    tag where it has one, else by the share of English function words among its words
    (:func:`language_sample`'s; a text too short to tell passes)."""
    data = ingest_data()
    if language:
        tag = language.strip().lower().replace("_", "-")
        if not any(tag == t or tag.startswith(t + "-") for t in data.english_tags):
            raise Unreadable(f"not English (language {language!r}); kg reads English news")
        return
    # each distinct token looked at once (a news article repeats most of its words)
    total = english = 0
    for token, count in Counter(language_sample(text, data.sample_chars)).items():
        word = token.strip(_WORD_EDGES)
        if word:
            total += count
            if word in data.function_words:
                english += count
    if total < data.min_words:
        return
    share = english / total
    if share < data.min_share:
        raise Unreadable(f"not English (only {share:.0%} English function words); kg reads English news")


def language_sample(text: str, chars: int) -> list[str]:
    """The lower-case words of ``text`` to tell its language by: all of them when it has at
    most ``chars`` characters, else those of a third of ``chars`` at its start, middle and
    end (whole words only)."""
    if len(text) <= chars:
        return text.lower().split()
    third = chars // 3
    middle = (len(text) - third) // 2
    start, center, end = (text[at:at + third].lower().split() for at in (0, middle, len(text) - third))
    # a piece's words at a cut may be parts of words: the start's last, the end's first
    return [*start[:-1], *center[1:-1], *end[1:]]


def _clean_text(text: str) -> str:
    """The body with ``\\n`` line ends and no surrounding blank space."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def one_line_text(value: Any) -> str:
    """A metadata value as one line of text ('' for nothing)."""
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, dict):
        value = value.get("name") or value.get("title") or ""
    if isinstance(value, list | tuple):
        value = value[0] if value else ""
    return _SPACES.sub(" ", str(value)).strip()
