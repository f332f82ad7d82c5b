"""kg.ingest.warc: a crawl's HTML pages are articles; its other records are passed over or
rejected with their reason; a file cut short keeps what was read."""
from __future__ import annotations

import gzip

import pytest
from rdflib import DCTERMS, RDF, Dataset
from web_pages import Fetch, news_page, write_crawl

from kg.cli import main
from kg.ingest import read_corpus
from kg.namespaces import KG

PARAGRAPHS = ("Minister Tarsk Odelly said on Tuesday the Velorian Union would join the Kestrian Pact.",
              "\u201cWe are ready,\u201d Odelly told reporters in Veloria.")
#: A crawl: warcinfo (record 1), then a request and a response per fetch (responses 3, 5, 7 …).
FETCHES = (
    # the page's canonical URL is the outlet's; the record's target URI is what kg keeps
    Fetch("https://courier.example/2024/03/05/pact",
          news_page("Velorian Union joins the Kestrian Pact", PARAGRAPHS, date="2024-03-05",
                    url="https://courier.example/pact-canonical").encode()),
    Fetch("https://courier.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), content_type="image/png"),
    Fetch("https://courier.example/old-story", b"<html><body>Not found</body></html>", status="404 Not Found"),
    # no date in the page: the record's WARC-Date is the fallback
    Fetch("https://courier.example/ostmark",
          news_page("Ostmark leaves the Kestrian Pact", ("Ostmark left the Kestrian Pact on Friday, its "
                                                         "foreign ministry said.",), date=None, url=None).encode(),
          fetched="2024-03-09T07:45:00Z"),
    Fetch("https://courier.example/world", news_page("World News", (), date=None).encode()),
    Fetch("https://courier.example/static/app.js", b"var x = 1;", content_type="application/javascript"),
)


@pytest.fixture
def crawl(tmp_path):
    folder = tmp_path / "crawls"
    folder.mkdir()
    return write_crawl(folder / "crawl.warc.gz", FETCHES)


def test_the_html_pages_are_the_articles_named_by_record(crawl):
    result = read_corpus([crawl.parent])
    assert [s.identifier for s in result.sources] == ["crawl.warc.gz#3", "crawl.warc.gz#9"]
    first, second = result.sources
    assert first.text == "Velorian Union joins the Kestrian Pact\n\n" + "\n".join(PARAGRAPHS)
    assert (first.publisher, first.authors, first.language) == ("Velorian Courier", ("Jane Roe",), "en")


def test_the_other_responses_are_skipped_with_their_reason(crawl):
    result = read_corpus([crawl.parent])
    assert [str(s) for s in result.skipped] == [
        f"{crawl}:5: not an HTML page (image/png)",
        f"{crawl}:7: HTTP 404",
        f"{crawl}:11: no main text (trafilatura found no article on the page)",
        f"{crawl}:13: not an HTML page (application/javascript)",
    ]


def test_the_target_uri_is_the_url_and_the_warc_date_the_fallback_date(crawl):
    first, second = read_corpus([crawl]).sources
    assert first.url == "https://courier.example/2024/03/05/pact"
    assert first.date == "2024-03-05"  # the page's own date beats the fetch date (2024-03-06)
    assert second.url == "https://courier.example/ostmark"
    assert second.date == "2024-03-09"


def test_the_graph_carries_the_target_uri_as_source(crawl, tmp_path):
    out = tmp_path / "graph.trig"
    assert main(["build", str(crawl), "-o", str(out), "--quiet"]) == 0
    ds = Dataset(default_union=True)
    ds.parse(out, format="trig")
    sources = {str(url) for doc in ds.subjects(RDF.type, KG.Document) for url in ds.objects(doc, DCTERMS.source)}
    assert sources == {"https://courier.example/2024/03/05/pact", "https://courier.example/ostmark"}
    dates = {str(date) for doc in ds.subjects(RDF.type, KG.Document) for date in ds.objects(doc, DCTERMS.date)}
    assert dates == {"2024-03-05", "2024-03-09"}


def test_an_uncompressed_warc_is_read_the_same(crawl, tmp_path):
    plain = tmp_path / "crawl.warc"
    plain.write_bytes(gzip.decompress(crawl.read_bytes()))
    result = read_corpus([plain])
    assert [s.identifier for s in result.sources] == ["crawl.warc#3", "crawl.warc#9"]
    assert len(result.skipped) == 4


def test_the_http_header_charset_decodes_the_page(tmp_path):
    html = news_page("Velorian Union joins the Kestrian Pact",
                     ("Minister Tarsk Odelly met the caf\u00e9 owners of Z\u00fcrich on Monday in Veloria.",))
    html = html.replace('<meta charset="utf-8">', "")
    crawl = write_crawl(tmp_path / "c.warc.gz", [Fetch("https://courier.example/a", html.encode("iso-8859-1"),
                                                       content_type="text/html; charset=ISO-8859-1")])
    (source,) = read_corpus([crawl]).sources
    assert "caf\u00e9 owners of Z\u00fcrich" in source.text


def test_a_page_sent_gzipped_is_read(tmp_path):
    html = news_page("Velorian Union joins the Kestrian Pact", PARAGRAPHS).encode("utf-8")
    crawl = write_crawl(tmp_path / "c.warc.gz", [Fetch("https://courier.example/a", gzip.compress(html),
                                                       headers=(("Content-Encoding", "gzip"),))])
    (source,) = read_corpus([crawl]).sources
    assert source.text.endswith(PARAGRAPHS[-1])


@pytest.mark.parametrize("cut", [200, 10, 1], ids=["inside-the-last-record", "gzip-trailer", "one-byte"])
def test_a_crawl_cut_short_keeps_what_was_read(crawl, cut):
    data = crawl.read_bytes()
    crawl.write_bytes(data[:-cut])
    result = read_corpus([crawl])
    assert [s.identifier for s in result.sources] == ["crawl.warc.gz#3", "crawl.warc.gz#9"]
    last = result.skipped[-1]
    assert last.where in (13, 14) and "cut short" in last.reason and "\n" not in last.reason


def test_a_crawl_cut_inside_a_page_skips_that_page_and_the_rest(tmp_path):
    crawl = write_crawl(tmp_path / "c.warc", FETCHES)  # uncompressed: cut inside record 9's page
    data = crawl.read_bytes()
    crawl.write_bytes(data[:data.index(b"Ostmark left the Kestrian Pact")])
    result = read_corpus([crawl])
    assert [s.identifier for s in result.sources] == ["c.warc#3"]
    assert [(s.where, "cut short" in s.reason) for s in result.skipped] == [(5, False), (7, False), (9, True)]


@pytest.mark.parametrize("content", [b"<html><body>a saved page</body></html>", b"hello world, not a crawl",
                                     b"\x1f\x8b\x08\x00garbage"], ids=["html", "text", "bad-gzip"])
def test_a_file_that_is_not_a_warc_is_skipped_with_one_line(tmp_path, content):
    (tmp_path / "a.warc").write_bytes(content)
    (tmp_path / "b.html").write_text(news_page("Velorian Union joins the Kestrian Pact", PARAGRAPHS),
                                     encoding="utf-8")
    result = read_corpus([tmp_path])
    assert [s.identifier for s in result.sources] == ["b.html"]
    (skipped,) = result.skipped
    assert skipped.path.name == "a.warc" and skipped.where is None
    assert skipped.reason.startswith("not a WARC file") and "\n" not in skipped.reason
