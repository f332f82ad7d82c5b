"""Records in: JSON Lines, JSON (array, object, API answer), CSV and TSV, and standard input.

Each rule on a small input of invented actors the knowledge base does not know; the
built graph is checked for the metadata a record carries.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import DCTERMS, RDF, RDFS, XSD, Dataset, Literal, URIRef

from kg.cli import main
from kg.ingest import ReadOptions, read_corpus
from kg.namespaces import KG
from kg.records import RELATIONS

TITLE = "Velorian Union joins the Northern Compact"
BODY = ("The Velorian Union is a member of the Northern Compact, Foreign Minister Tarsk Odelly said on Monday. "
        "Armenia is a member of the CSTO. \"We will keep our word,\" Odelly told reporters in Velor.")
OTHER = "Minister Tarsk Odelly met the envoy of the Velorian Union in Velor on Tuesday to talk about trade."


def record(**fields) -> dict:
    return {"title": TITLE, "text": BODY, **fields}


def jsonl(path: Path, *lines: dict | str) -> Path:
    """A JSON Lines file of ``lines`` (a str is written as it is: a malformed line)."""
    path.write_text("".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines),
                    encoding="utf-8")
    return path


def read(path: Path, *fields: tuple[str, str]):
    return read_corpus([path], ReadOptions(fields=fields))


def skipped(result) -> list[str]:
    return [f"{s.path.name}:{s.where}: {s.reason}" if s.where else f"{s.path.name}: {s.reason}"
            for s in result.skipped]


def build(tmp_path: Path, *args: str) -> Dataset:
    out = tmp_path / "out.trig"
    assert main(["build", *args, "-o", str(out), "--quiet"]) == 0
    ds = Dataset(default_union=True)
    ds.parse(out, format="trig")
    return ds


def documents(ds: Dataset) -> dict[str, URIRef]:
    """identifier -> document node."""
    return {str(ds.value(doc, DCTERMS.identifier)): doc for doc in ds.subjects(RDF.type, KG.Document)}


def facts(ds: Dataset) -> set:
    """What a build says whatever its identifiers: actors' labels, relation triples, who said what."""
    relations = {KG[name] for name in RELATIONS}
    found = {("fact", s, p, o) for s, p, o, _ in ds.quads((None, None, None, None)) if p in relations}
    found |= {("actor", s, label) for s, label in ds.subject_objects(RDFS.label)
              if (s, KG.said, None) in ds or (s, KG.memberOf, None) in ds or (None, KG.memberOf, s) in ds}
    found |= {("said", s, str(ds.value(statement, KG.text))) for s, statement in ds.subject_objects(KG.said)}
    return found


# ---- JSON Lines

def test_each_line_is_an_article_with_its_metadata(tmp_path):
    result = read(jsonl(tmp_path / "feed.jsonl",
                        record(url="https://velor.example/news/1", date="Wed, 17 May 2023 10:22:00 GMT",
                               sitename="Velor Times", author="By Jane Roe and John Doe", language="en"),
                        {"headline": "Odelly meets envoy", "content": OTHER}))
    first, second = result.sources
    assert first.identifier == "feed.jsonl#1" and second.identifier == "feed.jsonl#2"
    assert first.text == f"{TITLE}\n\n{BODY}"
    assert (first.title, first.date, first.url, first.publisher, first.authors, first.language) == (
        TITLE, "2023-05-17", "https://velor.example/news/1", "Velor Times", ("Jane Roe", "John Doe"), "en")
    assert second.title == "Odelly meets envoy" and second.text == f"Odelly meets envoy\n\n{OTHER}"
    assert result.skipped == []


def test_a_malformed_line_in_the_middle_costs_that_record_only(tmp_path, capsys):
    feed = jsonl(tmp_path / "feed.jsonl", record(), '{"title": "cut off", "text": "Odel', "",
                 {"title": "Odelly meets envoy", "text": OTHER})
    ds = build(tmp_path, str(feed))
    assert sorted(documents(ds)) == ["feed.jsonl#1", "feed.jsonl#4"]
    assert f"{feed}:2: malformed JSON: Unterminated string" in capsys.readouterr().err


@pytest.mark.parametrize("line, reason", [
    ("[1, 2]", "not a JSON object but an array"),
    ('"just text"', "not a JSON object but a string"),
    ("null", "not a JSON object but null"),
    ('{"title": "Nothing here", "summary": "no body"}', "no article text (none of the fields text, body, content"),
    ('{"title": "Empty", "text": "   "}', "no article text (none of the fields text"),
    ('{"text": "Le ministre a dit que la Velorie ne signera pas le traité. ' + "Les deux pays ont " * 10 + '", '
     '"language": "fr"}', "not English (language 'fr')"),
])
def test_a_record_that_is_no_article_is_rejected_with_its_line(tmp_path, line, reason):
    result = read(jsonl(tmp_path / "feed.jsonl", record(), line))
    assert [s.identifier for s in result.sources] == ["feed.jsonl#1"]
    (message,) = skipped(result)
    assert message.startswith(f"feed.jsonl:2: {reason}")


def test_a_record_with_its_own_id_is_named_by_it(tmp_path):
    result = read(jsonl(tmp_path / "feed.jsonl", record(id=4711), {"_id": "velor-2", "text": OTHER},
                        {"text": "Third story.", "id": ""}))
    assert sorted(s.identifier for s in result.sources) == ["4711", "feed.jsonl#3", "velor-2"]


def test_a_latin_1_jsonl_file_is_decoded_not_dropped(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes('{"title": "Velorian caf\xe9 talks", "text": "The Velorian Union met in a caf\xe9."}\n'
                     .encode("latin-1"))
    result = read_corpus([tmp_path])
    assert [s.text for s in result.sources] == ["Velorian café talks\n\nThe Velorian Union met in a café."]
    assert skipped(result) == []


def test_a_json_string_may_hold_unicode_line_separators(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text('\ufeff{"title": "One\u2028line", "text": "Odelly spoke.\u2029Velor listened."}\n',
                    encoding="utf-8")
    (source,) = read(feed).sources
    assert "Velor listened." in source.text


# ---- metadata slots

def test_source_is_the_url_when_it_is_one_else_the_publisher(tmp_path):
    result = read(jsonl(tmp_path / "feed.jsonl",
                        record(source="https://velor.example/a"),
                        {"title": "B", "text": OTHER, "source": "Velor Post"},
                        {"title": "C", "text": "Third story of Velor.", "source": {"id": "vp", "name": "Velor Post"},
                         "url": "https://velor.example/c"}))
    a, b, c = result.sources
    assert (a.url, a.publisher) == ("https://velor.example/a", None)
    assert (b.url, b.publisher) == (None, "Velor Post")
    assert (c.url, c.publisher) == ("https://velor.example/c", "Velor Post")


@pytest.mark.parametrize("authors, expected", [
    ("Jane Roe, John Doe", ("Jane Roe", "John Doe")),
    (["Jane Roe", "John Doe"], ("Jane Roe", "John Doe")),
    ([{"name": "Jane Roe"}, {"name": "John Doe"}], ("Jane Roe", "John Doe")),
    ("Roe, Jane", ("Roe, Jane",)),
])
def test_authors_as_byline_list_or_objects(tmp_path, authors, expected):
    (source,) = read(jsonl(tmp_path / "feed.jsonl", record(authors=authors))).sources
    assert source.authors == expected


def test_field_names_match_in_any_case_and_inside_objects(tmp_path):
    guardian = {"webTitle": TITLE, "webUrl": "https://velor.example/g", "webPublicationDate": "2023-05-17T06:00:00Z",
                "fields": {"bodyText": BODY}}
    (source,) = read(jsonl(tmp_path / "feed.jsonl", guardian)).sources
    assert (source.title, source.url, source.date) == (TITLE, "https://velor.example/g", "2023-05-17")
    (source,) = read(jsonl(tmp_path / "caps.jsonl", {"TITLE": TITLE, "Body": BODY, "URL": "https://velor.example/u"})
                     ).sources
    assert source.text == f"{TITLE}\n\n{BODY}" and source.url == "https://velor.example/u"


def test_a_date_field_that_is_no_date_gives_way_to_the_next(tmp_path):
    (source,) = read(jsonl(tmp_path / "feed.jsonl", record(date="yesterday-ish", published=1684318920))).sources
    assert source.date == "2023-05-17"


def test_a_record_with_html_and_no_text_is_read_as_a_page(tmp_path):
    page = ("<html><head><title>Page title | Velor Times</title></head><body><nav>Home | World</nav>"
            f"<article><h1>{TITLE}</h1><p>{BODY}</p><p>{OTHER}</p></article></body></html>")
    (source,) = read(jsonl(tmp_path / "feed.jsonl", {"title": TITLE, "html": page, "url": "https://velor.example/p",
                                                     "date": "2023-05-17"})).sources
    assert source.identifier == "feed.jsonl#1"
    assert (source.title, source.url, source.date) == (TITLE, "https://velor.example/p", "2023-05-17")
    assert "Tarsk Odelly" in source.text and "Home | World" not in source.text


# ---- JSON

def test_json_array_object_and_api_answer(tmp_path):
    (tmp_path / "array.json").write_text(json.dumps([record(), {"title": "B", "text": OTHER}]), encoding="utf-8")
    (tmp_path / "one.json").write_text(json.dumps({"title": "Trade talks in Velor", "body": "Velor talks on trade."}),
                                       encoding="utf-8")
    newsapi = {"status": "ok", "totalResults": 2, "articles": [
        {"source": {"id": None, "name": "Velor Post"}, "author": "Jane Roe", "title": "Envoy in Velor",
         "url": "https://velor.example/e", "publishedAt": "2023-05-17T10:22:00Z",
         "content": "The envoy of the Velorian Union arrived in Velor."},
        {"source": {"id": None, "name": "Velor Post"}, "title": "No content"}]}
    (tmp_path / "newsapi.json").write_text(json.dumps(newsapi), encoding="utf-8")
    result = read_corpus([tmp_path])
    by_id = {s.identifier: s for s in result.sources}
    assert sorted(by_id) == ["array.json#1", "array.json#2", "newsapi.json#1", "one.json"]
    envoy = by_id["newsapi.json#1"]
    assert (envoy.publisher, envoy.authors, envoy.date, envoy.url) == (
        "Velor Post", ("Jane Roe",), "2023-05-17", "https://velor.example/e")
    assert skipped(result) == ["newsapi.json:2: no article text (none of the fields text, body, content, maintext, "
                               "raw_text, article, article_text, full_text, fulltext, fields.bodyText, html, "
                               "raw_html, page_html, fields.body)"]


@pytest.mark.parametrize("content, reason", [
    ('[{"title": "A", "text": "B"', "malformed JSON: Expecting ',' delimiter (line 1, column 28)"),
    ("[]", "no articles: the array is empty"),
    ('{"status": "ok", "articles": []}', "no articles: the array 'articles' is empty"),
    ('"text"', "JSON str, not an article object or an array of them"),
    ('{"title": "Just a title"}', "no article text (none of the fields text"),
])
def test_a_json_file_that_holds_no_article_is_skipped_with_the_reason(tmp_path, content, reason):
    (tmp_path / "bad.json").write_text(content, encoding="utf-8")
    jsonl(tmp_path / "good.jsonl", record())
    result = read_corpus([tmp_path])
    (message,) = skipped(result)
    assert message.startswith(f"bad.json: {reason}")


def test_a_json_element_that_is_no_object_costs_that_element_only(tmp_path):
    (tmp_path / "array.json").write_text(json.dumps([record(), 42, {"text": OTHER}]), encoding="utf-8")
    result = read_corpus([tmp_path])
    assert [s.identifier for s in result.sources] == ["array.json#1", "array.json#3"]
    assert skipped(result) == ["array.json:2: not a JSON object but a number"]


def test_an_api_answer_under_a_key_of_its_own_and_an_article_with_arrays(tmp_path):
    (tmp_path / "answer.json").write_text(json.dumps(
        {"meta": {"page": 1}, "hits_list": [record(), {"title": "B", "text": OTHER}]}), encoding="utf-8")
    (tmp_path / "article.json").write_text(json.dumps(
        {"title": "Trade talks in Velor", "text": "Velor talks on trade.", "items": [], "related": [{"id": 1}]}),
        encoding="utf-8")
    result = read_corpus([tmp_path])
    assert [s.identifier for s in result.sources] == ["answer.json#1", "answer.json#2", "article.json"]
    assert result.skipped == []


def test_a_publisher_object_without_a_name_gives_way_to_the_next_field(tmp_path):
    (source,) = read(jsonl(tmp_path / "feed.jsonl", record(source={"id": "vp", "name": None},
                                                           source_name="Velor Post"))).sources
    assert source.publisher == "Velor Post"


def test_json_lines_named_json_is_read_as_json_lines(tmp_path):
    feed = jsonl(tmp_path / "feed.json", record(), {"title": "B", "text": OTHER})
    assert [s.identifier for s in read(feed).sources] == ["feed.json#1", "feed.json#2"]


# ---- CSV and TSV

def test_csv_rows_are_articles_numbered_without_the_header(tmp_path):
    table = tmp_path / "export.csv"
    table.write_text('Title,Text,URL,Date,Author\n'
                     f'"{TITLE}","{BODY.replace(chr(34), 2 * chr(34))}",https://velor.example/1,2023-05-17,Jane Roe\n'
                     'No body,,https://velor.example/2,,\n'
                     f'Envoy,"{OTHER}\nA second paragraph.",https://velor.example/3,17/05/2023,\n',
                     encoding="utf-8-sig")  # Excel writes a byte-order mark
    result = read(table)
    first, third = result.sources
    assert first.identifier == "export.csv#1" and third.identifier == "export.csv#3"
    assert first.text == f"{TITLE}\n\n{BODY}" and first.authors == ("Jane Roe",)
    assert third.text.endswith(f"{OTHER}\nA second paragraph.") and third.date == "2023-05-17"
    assert skipped(result) == ["export.csv:2: no article text (none of the fields text, body, content, maintext, "
                               "raw_text, article, article_text, full_text, fulltext, fields.bodyText, html, "
                               "raw_html, page_html, fields.body)"]


def test_tsv_and_semicolon_csv(tmp_path):
    (tmp_path / "a.tsv").write_text(f"title\tbody\tsitename\n{TITLE}\t{BODY}\tVelor Times\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text(f"title;text\nEnvoy;{OTHER}\n", encoding="utf-8")
    result = read_corpus([tmp_path])
    a, b = result.sources
    assert (a.identifier, a.text, a.publisher) == ("a.tsv#1", f"{TITLE}\n\n{BODY}", "Velor Times")
    assert (b.identifier, b.text) == ("b.csv#1", f"Envoy\n\n{OTHER}")


def test_a_csv_cell_may_hold_a_long_article(tmp_path):
    long_body = " ".join([BODY] * 1000)  # about 200 KB, over the csv module's default 128 KiB limit
    table = tmp_path / "long.csv"
    table.write_text(f'title,text\nLong,"{long_body.replace(chr(34), 2 * chr(34))}"\n', encoding="utf-8")
    (source,) = read(table).sources
    assert source.text == f"Long\n\n{long_body}"


def test_a_row_with_more_cells_than_the_header_is_rejected(tmp_path):
    table = tmp_path / "t.csv"
    table.write_text(f"title,text\nA,{OTHER}\nB,Velor said no, twice\n", encoding="utf-8")
    result = read(table)
    assert [s.identifier for s in result.sources] == ["t.csv#1"]
    assert skipped(result) == ["t.csv:2: 3 cells but the header names 2 fields (an unquoted delimiter in a cell?)"]


@pytest.mark.parametrize("content", [
    f"{TITLE},{BODY}\n",  # no header row
    "title,summary\nA,B\n",  # a header without a text column
])
def test_a_table_without_a_text_column_is_unreadable(tmp_path, content):
    (tmp_path / "t.csv").write_text(content, encoding="utf-8")
    jsonl(tmp_path / "good.jsonl", record())
    (message,) = skipped(read_corpus([tmp_path]))
    assert message.startswith("t.csv: no text column: the header row (")
    assert message.endswith("(name yours with --field text=COLUMN)")


# ---- the command line

def test_field_overrides_from_the_command_line(tmp_path):
    table = tmp_path / "mine.csv"
    table.write_text(f"headline,story,text,when,link\n{TITLE},{BODY.replace(',', '')},ignored text,2020-12,"
                     "https://velor.example/m\n", encoding="utf-8")
    ds = build(tmp_path, str(table), "--field", "text=story", "--field", "date=when")
    (doc,) = documents(ds).values()
    assert ds.value(doc, DCTERMS.title) == Literal(TITLE)
    assert ds.value(doc, DCTERMS.date) == Literal("2020-12", datatype=XSD.gYearMonth)
    assert ds.value(doc, DCTERMS.source) == URIRef("https://velor.example/m")
    assert (None, RDFS.label, Literal("Tarsk Odelly")) in ds


def test_standard_input_is_json_lines(tmp_path):
    lines = "\n".join([json.dumps(record(url="https://velor.example/1")), json.dumps({"title": "B", "text": OTHER}),
                       "{not json"])
    out = tmp_path / "out.trig"
    done = subprocess.run([sys.executable, "-m", "kg", "build", "-", "-o", str(out), "--quiet"],
                          input=lines.encode(), capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stderr.decode().startswith("kg build: warning: skipped stdin:3: malformed JSON")
    ds = Dataset(default_union=True)
    ds.parse(out, format="trig")
    assert sorted(documents(ds)) == ["stdin#1", "stdin#2"]


def test_the_metadata_of_a_record_is_in_the_graph(tmp_path):
    feed = jsonl(tmp_path / "feed.jsonl", record(url="https://velor.example/news/1?id=7&x=a b",
                                                 date="May 17, 2023", sitename="Velor Times",
                                                 authors=["Jane Roe", "John Doe"]))
    ds = build(tmp_path, str(feed))
    doc = documents(ds)["feed.jsonl#1"]
    assert ds.value(doc, DCTERMS.source) == URIRef("https://velor.example/news/1?id=7&x=a%20b")
    assert ds.value(doc, DCTERMS.date) == Literal("2023-05-17", datatype=XSD.date)
    assert ds.value(doc, DCTERMS.publisher) == Literal("Velor Times")
    assert set(ds.objects(doc, DCTERMS.creator)) == {Literal("Jane Roe"), Literal("John Doe")}
    assert ds.value(doc, DCTERMS.title) == Literal(TITLE)


def test_a_record_gives_the_facts_of_its_plain_text(tmp_path):
    (tmp_path / "txt").mkdir()
    (tmp_path / "txt" / "a.txt").write_text(f"{TITLE}\n\n{BODY}\n", encoding="utf-8")
    from_text = build(tmp_path / "txt", str(tmp_path / "txt" / "a.txt"))
    (tmp_path / "jsonl").mkdir()
    from_record = build(tmp_path / "jsonl", str(jsonl(tmp_path / "jsonl" / "a.jsonl", record())))
    found = facts(from_record)
    assert ("fact", URIRef("https://w3id.org/kg-news/id/country/armenia"), KG.memberOf,
            URIRef("https://w3id.org/kg-news/id/organization/collective-security-treaty-organization")) in found
    assert any(kind == "said" and "keep our word" in text for kind, _, text in
               (f for f in found if f[0] == "said"))
    assert found == facts(from_text)
