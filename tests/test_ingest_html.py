"""kg.ingest.html: a saved news page is its article and the page's metadata, not its chrome."""
from __future__ import annotations

from pathlib import Path

import pytest
from web_pages import CHROME_WORDS, news_page

from kg.ingest import read_corpus
from kg.ingest.html import from_html
from kg.ingest.reader import Unreadable, reader_for

TITLE = "Velorian Union joins the Kestrian Pact"
PARAGRAPHS = (
    "VELORIA, March 5. /VNA/. The Velorian Union will join the Kestrian Pact, Minister Tarsk Odelly "
    "said on Tuesday after talks with the pact's secretary general, Maren Quill.",
    "\u201cWe are ready to carry our share of the burden,\u201d Odelly told reporters in Veloria.",
    "The Kestrian Pact was founded in 1998 by Kestria and Ostmark. Its members meet twice a year.",
)


def page(**kwargs) -> str:
    return news_page(kwargs.pop("title", TITLE), kwargs.pop("paragraphs", PARAGRAPHS), **kwargs)


def body_lines(text: str) -> list[str]:
    """The lines of an article's text after its title line and the blank line."""
    return text.split("\n")[2:]


def test_the_page_metadata_is_read():
    source = from_html("p.html", page(authors=("Jane Roe", "John Doe"), lang="en-GB"))
    assert source.title == TITLE
    assert source.date == "2024-03-05"
    assert source.url == "https://courier.example/world/2024/03/05/story"
    assert source.publisher == "Velorian Courier"
    assert source.authors == ("Jane Roe", "John Doe")
    assert source.language == "en-GB"


def test_the_text_is_the_title_and_the_paragraphs_one_a_line():
    source = from_html("p.html", page())
    assert source.text == TITLE + "\n\n" + "\n".join(PARAGRAPHS)


@pytest.mark.parametrize("word", CHROME_WORDS)
def test_no_chrome_reaches_the_text(word):
    source = from_html("p.html", page())
    assert word not in source.text


def test_no_markup_reaches_the_text():
    text = from_html("p.html", page()).text
    assert "<" not in text and ">" not in text and "&amp;" not in text and "DOCTYPE" not in text


@pytest.mark.parametrize("paragraphs", [
    ("MOSCOW, July 14. /TASS/.", "Minister Tarsk Odelly met the foreign minister of Kestria on Monday."),
    ("Minister Tarsk Odelly met the foreign minister of Kestria on Monday.",),
    ("VELORIA, March 5 (Reuters) -", "Odelly said the Velorian Union would join the pact.",
     "\u201cWe are ready,\u201d Odelly told reporters."),
], ids=["dateline-paragraph", "one-sentence", "wire-lead"])
def test_a_short_article_keeps_every_paragraph_and_no_chrome(paragraphs):
    """trafilatura's default mode turns a short article into a dump of the whole <article>
    element (breadcrumbs, byline, share buttons on one line); precision mode does not."""
    source = from_html("p.html", page(paragraphs=paragraphs))
    assert body_lines(source.text) == list(paragraphs)


def test_paragraphs_broken_with_br_keep_a_leading_dateline():
    """On such a page trafilatura's default mode dropped the dateline line."""
    lines = ["MOSCOW, July 14. /TASS/.", *PARAGRAPHS]
    html = page(paragraphs=("@@",)).replace("<p>@@</p>", "<div class='text'>" + "<br><br>\n".join(lines) + "</div>")
    assert body_lines(from_html("p.html", html).text) == lines


@pytest.mark.parametrize("byline", ["By Jane Roe", "by Jane Roe and John Doe", "Written by John Doe"])
def test_a_byline_left_among_the_paragraphs_is_not_text(byline):
    html = page(authors=("Jane Roe", "John Doe")).replace(f"<p>{PARAGRAPHS[0]}", f"<p>{byline}</p>\n<p>{PARAGRAPHS[0]}")
    source = from_html("p.html", html)
    assert body_lines(source.text) == list(PARAGRAPHS)


def test_a_paragraph_naming_the_author_is_text():
    paragraphs = ("By Jane Roe's count, the Velorian Union has joined four pacts since 1998.", *PARAGRAPHS)
    assert body_lines(from_html("p.html", page(paragraphs=paragraphs)).text) == list(paragraphs)


def test_explicit_metadata_beats_the_page():
    source = from_html("p.html", page(), url="https://mirror.example/copy", date="2024-04-01",
                       title="Velorian Union in the pact", publisher="Mirror Wire", authors=["Ana Vell"],
                       language="en-US")
    assert (source.url, source.date, source.title, source.publisher, source.authors, source.language) == (
        "https://mirror.example/copy", "2024-04-01", "Velorian Union in the pact", "Mirror Wire", ("Ana Vell",),
        "en-US")
    assert source.text.startswith("Velorian Union in the pact\n\n")


def test_the_title_tag_without_the_site_name_when_the_page_has_nothing_better():
    html = page()
    for drop in (f'<meta property="og:title" content="{TITLE}">', f'<h1 class="headline">{TITLE}</h1>'):
        html = html.replace(drop, "")
    html = html.replace(f'"headline": "{TITLE}", ', "")
    assert from_html("p.html", html).title == TITLE


def test_a_page_without_a_date_in_its_markup_has_no_date():
    """Not the copyright footer's year, nor a date from the text."""
    source = from_html("p.html", page(date=None, url="https://courier.example/world/story"))
    assert source.date is None


def test_a_date_only_in_the_url_is_found():
    source = from_html("p.html", page(date=None, url="https://courier.example/2023/05/17/story"))
    assert source.date == "2023-05-17"


def test_a_month_only_in_the_url_is_the_date():
    source = from_html("p.html", page(date=None, url="https://courier.example/2020/12/pact-talks/"))
    assert source.date == "2020-12"


def test_bytes_are_decoded_by_the_page_charset():
    paragraphs = ("Minister Tarsk Odelly met the café owners of Zürich and Kestria’s envoy on Monday.",)
    data = page(paragraphs=paragraphs, charset="windows-1252").encode("windows-1252")
    assert body_lines(from_html("p.html", data).text) == list(paragraphs)


def test_a_page_with_no_main_text_is_unreadable():
    with pytest.raises(Unreadable, match="no main text"):
        from_html("index.html", page(paragraphs=()))


def test_a_page_in_another_language_is_unreadable():
    with pytest.raises(Unreadable, match="not English"):
        from_html("p.html", page(lang="fr"))


def test_a_folder_of_pages_is_built_and_a_page_without_text_skipped(tmp_path):
    (tmp_path / "story.html").write_text(page(), encoding="utf-8")
    (tmp_path / "other.htm").write_text(page(title="Ostmark leaves the pact", url="https://courier.example/b",
                                             paragraphs=("Ostmark left the Kestrian Pact on Friday.",)),
                                        encoding="utf-8")
    (tmp_path / "section.html").write_text(page(title="World News", paragraphs=()), encoding="utf-8")
    result = read_corpus([tmp_path])
    assert [s.identifier for s in result.sources] == ["other.htm", "story.html"]
    assert [str(s) for s in result.skipped] == [
        f"{tmp_path / 'section.html'}: no main text (trafilatura found no article on the page)"]


def test_an_html_file_is_never_read_as_plain_text(tmp_path):
    named = tmp_path / "Saved Page.HTML"
    named.write_text(page(), encoding="utf-8")
    assert reader_for(named, named=True).__module__ == "kg.ingest.html"
    assert reader_for(Path("a.htm"), named=False).__module__ == "kg.ingest.html"
    source = read_corpus([named]).sources[0]
    assert source.text.startswith(TITLE + "\n\n") and "<" not in source.text


def test_the_same_facts_as_from_the_plain_text(nlp):
    from kg.nlp.pipeline import read_source
    from kg.records import SourceText

    plain = read_source(nlp, SourceText("p.txt", TITLE + "\n\n" + "\n".join(PARAGRAPHS)))
    html = read_source(nlp, from_html("p.html", page()))

    def found(record):
        names = {e.key: e.label for e in record.entities}
        return (sorted(names.values()),
                sorted((names[f.subject], f.predicate, names[f.object], f.negated) for f in record.facts),
                sorted((names[s.speaker], s.text) for s in record.statements))

    assert found(html) == found(plain)
    assert found(plain)[2], "the article's quote is read"
