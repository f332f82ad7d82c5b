"""Acceptance: the 36 dev articles as records (one JSON Lines file, one CSV file) build as well as the .txt files.

The JSON Lines records are shaped as trafilatura writes them (title, text, url, date,
hostname, sitename); the CSV file is a spreadsheet export of the same.  Each build
is scored by URL (:func:`tests.dev_formats.score_by_url`) and must be within
:data:`tests.dev_formats.TOLERANCE` of the build of the plain-text articles on every
category; every document must carry the URL, date and publisher INDEX.md gives it.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from rdflib import DCTERMS, RDF, Dataset

from kg.cli import main
from kg.evaluation import Gold, Report, score
from kg.namespaces import KG
from tests.dev_formats import DEV, assert_close_to, dev_articles, score_by_url


def trafilatura_record(article) -> dict:
    """A dev article as trafilatura's JSON output gives it (no date where INDEX has none)."""
    found = {"title": article.title, "text": article.body, "url": article.url,
             "hostname": urlsplit(article.url).hostname, "sitename": article.publisher}
    if article.date:
        found["date"] = article.date
    return found


def built(folder: Path, corpus: Path) -> Dataset:
    out = folder / "graph.trig"
    assert main(["build", str(corpus), "-o", str(out), "--quiet"]) == 0
    ds = Dataset(default_union=True)
    ds.parse(out, format="trig")
    return ds


@pytest.fixture(scope="module")
def txt_report(tmp_path_factory) -> Report:
    return score(built(tmp_path_factory.mktemp("txt"), DEV / "articles"), Gold(DEV / "dev.gold.toml"))


@pytest.fixture(scope="module")
def jsonl_graph(tmp_path_factory) -> Dataset:
    folder = tmp_path_factory.mktemp("jsonl")
    feed = folder / "dev.jsonl"
    feed.write_text("".join(json.dumps(trafilatura_record(a), ensure_ascii=False) + "\n" for a in dev_articles()),
                    encoding="utf-8")
    return built(folder, feed)


@pytest.fixture(scope="module")
def csv_graph(tmp_path_factory) -> Dataset:
    folder = tmp_path_factory.mktemp("csv")
    table = folder / "dev.csv"
    with table.open("w", encoding="utf-8-sig", newline="") as out:  # as Excel saves it
        writer = csv.writer(out)
        writer.writerow(["Title", "Text", "URL", "Date", "Publisher"])
        for a in dev_articles():
            writer.writerow([a.title, a.body, a.url, a.date or "", a.publisher])
    return built(folder, table)


@pytest.mark.parametrize("graph", ["jsonl_graph", "csv_graph"])
def test_records_score_as_the_text_files(request, graph, txt_report):
    assert_close_to(score_by_url(request.getfixturevalue(graph)), txt_report)


@pytest.mark.parametrize("graph", ["jsonl_graph", "csv_graph"])
def test_every_document_carries_its_url_date_and_publisher(request, graph):
    ds = request.getfixturevalue(graph)
    by_url = {a.url: a for a in dev_articles()}
    found = {}
    for doc in ds.subjects(RDF.type, KG.Document):
        (url,) = [str(u) for u in ds.objects(doc, DCTERMS.source)]
        article = by_url[url]
        found[url] = (str(ds.value(doc, DCTERMS.title)), str(ds.value(doc, DCTERMS.publisher)),
                      str(ds.value(doc, DCTERMS.date)) if article.date else article.date)
    assert found == {a.url: (a.title, a.publisher, a.date) for a in dev_articles()}
