"""Text files with what their source says of them: a header block or YAML front matter, and Markdown.

A file without a header is read exactly as it is (the seed corpus builds byte for byte
as before); a body line with a colon is never a header.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest import read_corpus

BODY = ("Minister Tarsk Odelly said on Monday that the Velorian Union would join the Northern Compact.\n"
        "Velor: the capital was quiet as the news broke.\n")
CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def read_one(tmp_path: Path, name: str, content: str):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = read_corpus([path])
    assert result.skipped == []
    (source,) = result.sources
    return source


def test_a_header_block_gives_the_metadata_and_the_title(tmp_path):
    source = read_one(tmp_path, "a.txt",
                      "Title: Velorian Union joins the Compact\nDATE: 17 May 2023\nurl: https://velor.example/a\n"
                      "Publisher: Velor Times\nauthor: Jane Roe\nAuthor: John Doe\nlanguage: en\n\n" + BODY)
    assert source.identifier == "a.txt"
    assert source.text == f"Velorian Union joins the Compact\n\n{BODY.strip()}"
    assert (source.title, source.date, source.url, source.publisher, source.authors, source.language) == (
        "Velorian Union joins the Compact", "2023-05-17", "https://velor.example/a", "Velor Times",
        ("Jane Roe", "John Doe"), "en")


def test_a_header_ended_by_a_rule_and_without_title_leaves_the_title_line(tmp_path):
    source = read_one(tmp_path, "a.txt", "source: Velor Times\nby: Jane Roe and John Doe\n---\n"
                                         f"Velorian Union joins the Compact\n\n{BODY}")
    assert source.text == f"Velorian Union joins the Compact\n\n{BODY.strip()}"
    assert source.title is None
    assert (source.publisher, source.url, source.authors) == ("Velor Times", None, ("Jane Roe", "John Doe"))


def test_source_in_a_header_is_the_url_when_it_is_one(tmp_path):
    source = read_one(tmp_path, "a.txt", f"source: https://velor.example/s\n\nVelor joins\n\n{BODY}")
    assert (source.url, source.publisher) == ("https://velor.example/s", None)


def test_a_header_id_names_the_article(tmp_path):
    source = read_one(tmp_path, "a.txt", f"id: velor-2023-17\ntitle: Velor joins\n\n{BODY}")
    assert source.identifier == "velor-2023-17"


def test_yaml_front_matter(tmp_path):
    source = read_one(tmp_path, "a.txt", (
        "---\n"
        'title: "Velorian Union: a new member"\n'
        "date: 2023-05-17 10:22:00 +02:00\n"
        "layout: post\n"
        "tags: [diplomacy, velor]\n"
        "seo:\n"
        "  description: not read\n"
        "authors:\n"
        "  - Jane Roe\n"
        "  - 'John O''Doe'\n"
        "publisher: Velor Times  \n"
        "---\n"
        f"{BODY}"))
    assert source.text == f"Velorian Union: a new member\n\n{BODY.strip()}"
    assert (source.title, source.date, source.publisher, source.authors) == (
        "Velorian Union: a new member", "2023-05-17", "Velor Times", ("Jane Roe", "John O'Doe"))


def test_front_matter_authors_as_an_inline_list(tmp_path):
    source = read_one(tmp_path, "a.txt", f"---\nauthor: [Jane Roe, \"John Doe\"]\n---\nVelor joins\n\n{BODY}")
    assert source.authors == ("Jane Roe", "John Doe")
    assert source.text.startswith("Velor joins\n\n")


def test_markdown_drops_the_heading_mark_of_the_title(tmp_path):
    plain = read_one(tmp_path, "a.md", f"# Velorian Union joins the Compact\n\n{BODY}")
    assert plain.text == f"Velorian Union joins the Compact\n\n{BODY}"
    with_front_matter = read_one(tmp_path, "b.md", f"---\ntitle: Velor joins\n---\n\n# Velor joins\n\n{BODY}")
    assert with_front_matter.text == f"Velor joins\n\n{BODY.strip()}"
    assert with_front_matter.title == "Velor joins"


@pytest.mark.parametrize("content", [
    f"Velor: the Velorian Union joins the Compact\n\n{BODY}",  # "velor" is no header key
    f"Source: Velor Times\n{BODY}",  # a known key, but the next line is body text
    f"Title: Velor joins\nVelor: a line of the story\n\n{BODY}",  # one line of the block is no key
    f"---\ntitle: Velor joins\n{BODY}",  # front matter never closed
    f"---\nVelor joins the Compact today.\n---\n{BODY}",  # a rule around text, not front matter
])
def test_text_that_only_looks_like_a_header_is_read_as_it_is(tmp_path, content):
    source = read_one(tmp_path, "a.txt", content)
    assert source.text == content
    assert (source.title, source.date, source.url, source.publisher, source.authors) == (None, None, None, None, ())


def test_a_header_with_no_body_is_skipped(tmp_path):
    (tmp_path / "a.txt").write_text("title: Velor joins\ndate: 2023-05-17\n\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ntitle: Velor joins\n---\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Title: one line and nothing after it\n", encoding="utf-8")
    (tmp_path / "d.txt").write_text(BODY, encoding="utf-8")
    result = read_corpus([tmp_path])
    assert [s.identifier for s in result.sources] == ["d.txt"]
    assert [(s.path.name, s.reason) for s in result.skipped] == [
        (name, "no article text after the header") for name in ("a.txt", "b.md", "c.txt")]


def test_without_a_header_the_text_is_the_file_byte_for_byte():
    result = read_corpus([CORPUS])
    assert len(result.sources) == 5
    for source in result.sources:
        assert source.text == (CORPUS / source.identifier).read_bytes().decode("utf-8")
        assert (source.title, source.date, source.url, source.publisher) == (None, None, None, None)


def test_a_web_page_is_not_read_as_text(tmp_path):
    from kg.ingest.reader import reader_for

    found = reader_for(tmp_path / "page.html", named=False)
    assert found is None or found.__module__ != "kg.ingest.text"
    assert reader_for(tmp_path / "notes.md", named=False).__module__ == "kg.ingest.text"
