"""Acceptance of the web formats: the 36 dev articles as saved news pages, and as one crawl,
build as well as the plain-text articles do.

Each dev article is written as a page in a news site's chrome (:mod:`web_pages`: menus
naming countries, a related-links box of other headlines, a byline, share buttons, a
cookie banner, scripts), with INDEX.md's URL as its canonical URL, its date where
INDEX gives a day and its publisher as the site name.  (c) a folder of these pages and
(d) the same pages as the responses of one ``.warc.gz`` are each built with ``kg build``
and scored against the gold facts: every category within 0.03 F1 of the ``.txt`` build,
and every document carries its URL, date and publisher.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from dev_formats import DEV, DevArticle, assert_close_to, dev_articles, figures, score_by_url
from rdflib import DCTERMS, RDF, Dataset
from web_pages import Fetch, news_page, write_crawl

from kg.cli import main
from kg.evaluation import Gold, score
from kg.ingest import read_corpus
from kg.namespaces import KG

#: When the crawl fetched the pages (the WARC-Date of every response).
CRAWLED = "2025-09-01T12:00:00Z"


def dev_page(article: DevArticle) -> str:
    """One dev article as its outlet's page.  A page gives a full date or none; INDEX's
    month-only dates ("2020-12") are left to the URL, which carries them."""
    paragraphs = [line for line in article.body.splitlines() if line.strip()]
    date = article.date if article.date and len(article.date) == len("2020-12-31") else None
    return news_page(article.title, paragraphs, outlet=article.publisher, url=article.url, date=date)


def build(corpus: Path, out: Path) -> Dataset:
    assert main(["build", str(corpus), "-o", str(out), "--quiet"]) == 0
    ds = Dataset(default_union=True)
    ds.parse(out, format="trig")
    return ds


@pytest.fixture(scope="module")
def txt_report(tmp_path_factory):
    ds = build(DEV / "articles", tmp_path_factory.mktemp("txt") / "dev.trig")
    return score(ds, Gold(DEV / "dev.gold.toml"))


@pytest.fixture(scope="module")
def html_pages(tmp_path_factory) -> Path:
    """(c) a folder of the dev articles as pages: d01.html … d36.html."""
    pages = tmp_path_factory.mktemp("html") / "pages"
    pages.mkdir()
    for article in dev_articles():
        (pages / article.file.replace(".txt", ".html")).write_text(dev_page(article), encoding="utf-8")
    return pages


@pytest.fixture(scope="module")
def warc_crawl(tmp_path_factory) -> Path:
    """(d) the same pages as the responses of one crawl, fetched from INDEX's URLs."""
    return write_crawl(tmp_path_factory.mktemp("warc") / "dev.warc.gz",
                       [Fetch(a.url, dev_page(a).encode("utf-8"), fetched=CRAWLED) for a in dev_articles()])


@pytest.fixture(scope="module")
def html_graph(html_pages) -> Dataset:
    return build(html_pages, html_pages.parent / "dev.trig")


@pytest.fixture(scope="module")
def warc_graph(warc_crawl) -> Dataset:
    return build(warc_crawl, warc_crawl.parent / "dev.trig")


@pytest.fixture(scope="module", params=["html", "warc"])
def web_graph(request) -> Dataset:
    return request.getfixturevalue(f"{request.param}_graph")


def test_the_pages_score_as_the_plain_text(web_graph, txt_report, request):
    report = score_by_url(web_graph)
    print("\ntxt ", figures(txt_report))
    print(f"{request.node.callspec.id:4}", figures(report))
    assert_close_to(report, txt_report)


def test_every_document_carries_its_url_date_and_publisher(web_graph):
    by_url = {a.url: a for a in dev_articles()}
    documents = list(web_graph.subjects(RDF.type, KG.Document))
    assert len(documents) == len(by_url)
    seen = set()
    for doc in documents:
        (url,) = [str(u) for u in web_graph.objects(doc, DCTERMS.source)]
        article = by_url[url]
        seen.add(url)
        assert [str(p) for p in web_graph.objects(doc, DCTERMS.publisher)] == [article.publisher]
        assert [str(t) for t in web_graph.objects(doc, DCTERMS.title)] == [article.title]
        dates = [str(d) for d in web_graph.objects(doc, DCTERMS.date)]
        if article.date:
            assert len(dates) == 1 and dates[0].startswith(article.date), (article.file, dates)
    assert seen == set(by_url)


def test_a_page_without_a_date_has_none_and_the_crawl_dates_it(html_pages, warc_crawl):
    """An undated page gets no date (not its copyright footer's year); in a crawl, the
    day it was fetched stands in."""
    undated = {a.url for a in dev_articles() if a.date is None}
    assert undated
    pages = {s.url: s for s in read_corpus([html_pages]).sources}
    fetched = {s.url: s for s in read_corpus([warc_crawl]).sources}
    assert {pages[url].date for url in undated} == {None}
    assert {fetched[url].date for url in undated} == {CRAWLED[:10]}
    dated = set(pages) - undated
    assert all(fetched[url].date == pages[url].date for url in dated)
