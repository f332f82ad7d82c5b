"""Saved web pages (``.html``, ``.htm``, ``.xhtml``): the article, not the site around it.

A news page is mostly chrome: menus of sections and countries, a cookie banner,
scripts, a byline, share buttons, a "Related articles" box, a footer.  Read as
text, its menu words became actors and its tags stayed in the evidence.
trafilatura finds the article's paragraphs among the chrome (in precision mode,
see ``[html]`` in ``kg/data/ingest.toml`` for why), and the page's metadata:
title (``og:title``, JSON-LD, ``<h1>``, ``<title>`` without its `` | Site``), date
(htmldate, from the markup and the URL; a month alone from the URL), authors, site
name, canonical URL; the language is the page's ``<html lang>``.  Each paragraph is
one line of the body.

:func:`from_html` is also what other readers call for a record that carries a page
(a WARC response, a JSON record with raw HTML).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.ingest.metadata import article, ingest_data, ingest_toml, one_line_text, split_authors
from kg.ingest.reader import ReadOptions, Unreadable
from kg.records import SourceText

#: File suffixes this reader takes when a folder is walked.
SUFFIXES = (".html", ".htm", ".xhtml")

#: Where a page states its language, in order: the root element's ``lang`` / ``xml:lang``,
#: then ``<meta http-equiv="content-language">``, then Open Graph's locale ("en_GB").
_LANGUAGE_XPATHS = (
    "/*/@*[local-name()='lang' or local-name()='xml:lang']",
    "//*[local-name()='meta'][translate(@http-equiv, 'CONTENTLAGU', 'contentlagu')='content-language']/@content",
    "//*[local-name()='meta'][@property='og:locale']/@content",
)
#: A year and month as path segments of a URL: ``/2020/12/``.
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)/(0[1-9]|1[0-2])/")


def read(path: Path, identifier: str, data: bytes, options: ReadOptions) -> Iterator[SourceText]:
    """The one article of a saved web page."""
    yield from_html(identifier, data)


def from_html(identifier: str, html: str | bytes, *, url: Any = None, date: Any = None, title: Any = None,
              publisher: Any = None, authors: Any = (), language: Any = None) -> SourceText:
    """The article of the web page ``html`` (bytes are decoded by the page's charset, or
    detected), with the page's metadata; metadata given here beats what the page says.

    Raises :class:`Unreadable` when the page has no main text (an index page, an
    error page, a page of links) or is not English.
    """
    import trafilatura
    from trafilatura.utils import load_html

    if not html.strip():
        raise Unreadable("empty page")
    tree = load_html(html)
    if tree is None:
        raise Unreadable("not an HTML page (no document tree)")
    settings = html_settings()
    page = trafilatura.bare_extraction(
        tree,
        url=one_line_text(url) or None,
        with_metadata=True,
        favor_precision=settings.favor_precision,
        include_comments=settings.include_comments,
        include_tables=settings.include_tables,
        date_extraction_params={"extensive_search": settings.extensive_date_search, "original_date": True},
    )
    found = _fields(page)
    authors = split_authors(authors) or split_authors(found.get("author"))
    lines = [line.strip() for line in (found.get("text") or "").splitlines() if line.strip()]
    body = "\n".join(line for line in lines if not is_byline(line, authors))
    if not body:
        raise Unreadable("no main text (trafilatura found no article on the page)")
    url = url or found.get("url")
    return article(
        identifier,
        body,
        title=title or found.get("title"),
        date=date or found.get("date") or month_in_url(url),
        url=url,
        publisher=publisher or found.get("sitename"),
        authors=authors,
        language=language or page_language(tree),
    )


def _fields(page: Any) -> dict[str, Any]:
    """What trafilatura found, by name: a Document since trafilatura 2.0, a dict before."""
    if page is None:
        return {}
    return page if isinstance(page, dict) else page.as_dict()


def is_byline(line: str, authors: tuple[str, ...]) -> bool:
    """Whether ``line`` is a byline of the article's authors ("By Jane Roe and John Doe"),
    which a page without markup for it leaves among the paragraphs."""
    lowered = line.lower()
    if not authors or not any(lowered.startswith(lead + " ") for lead in ingest_data().byline_lead):
        return False
    names = split_authors(line)
    return bool(names) and set(names) <= set(authors)


def month_in_url(url: Any) -> str | None:
    """The year and month an address gives, as many news sites' do
    (``https://massispost.com/2020/12/osce-…`` -> ``2020-12``); None when it gives none.
    htmldate reads a full date from a URL, not a month alone."""
    match = _URL_MONTH.search(url) if isinstance(url, str) else None
    return f"{match.group(1)}-{match.group(2)}" if match else None


def page_language(tree: Any) -> str | None:
    """The language the page declares (``<html lang="en-GB">``), or None."""
    for xpath in _LANGUAGE_XPATHS:
        found = [str(value).strip() for value in tree.xpath(xpath)]
        if tag := next((value for value in found if value), None):
            return tag
    return None


@dataclass(frozen=True, slots=True)
class HtmlSettings:
    """``[html]`` of ``kg/data/ingest.toml``: how trafilatura is asked to read a page."""

    favor_precision: bool
    include_comments: bool
    include_tables: bool
    extensive_date_search: bool


@lru_cache(maxsize=1)
def html_settings() -> HtmlSettings:
    """Read ``[html]`` once per process."""
    table = ingest_toml()["html"]
    return HtmlSettings(**{name: bool(table[name]) for name in HtmlSettings.__dataclass_fields__})
