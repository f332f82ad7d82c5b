"""kg.ingest.metadata: what sources say of their articles, normalised once for every format."""
from __future__ import annotations

import datetime as dt

import pytest

from kg.ingest import Unreadable
from kg.ingest.metadata import article, as_url, language_sample, normalize_date, require_english, split_authors

BODY = "Minister Tarsk Odelly said on Monday that the Velorian Union would meet again."


@pytest.mark.parametrize(("given", "iso"), [
    ("2023-05-17", "2023-05-17"),
    ("2023-05-17T23:30:00+04:00", "2023-05-17"),  # the outlet's own calendar day
    ("2023-05-17T10:22:00Z", "2023-05-17"),
    ("Tue, 16 May 2023 10:22:00 GMT", "2023-05-16"),
    ("May 17, 2023", "2023-05-17"),
    ("17 May 2023", "2023-05-17"),
    ("2020-12", "2020-12"),
    ("2020", "2020"),
    (1684318920, "2023-05-17"),
    ("1684318920000", "2023-05-17"),
    (dt.date(2021, 7, 29), "2021-07-29"),
    (dt.datetime(2021, 7, 29, 8, 0), "2021-07-29"),
])
def test_dates_from_feeds_become_iso_8601(given, iso):
    assert normalize_date(given) == iso


@pytest.mark.parametrize("given", [None, "", "unknown", "May 17", "2020-13", True, "yesterday-ish"])
def test_what_is_not_a_date_gives_none(given):
    assert normalize_date(given) is None


def test_urls_are_absolute_http_iris():
    assert as_url("https://example.org/news/1") == "https://example.org/news/1"
    assert as_url(" https://example.org/a b?q=\"x\" ") == "https://example.org/a%20b?q=%22x%22"
    assert as_url("Example News") is None
    assert as_url("/news/1") is None
    assert as_url("ftp://example.org/x") is None
    assert as_url("javascript:alert(1)") is None


@pytest.mark.parametrize(("given", "names"), [
    ("By Jane Roe and John Doe", ("Jane Roe", "John Doe")),
    ("Jane Roe, John Doe", ("Jane Roe", "John Doe")),
    ("Roe, Jane", ("Roe, Jane",)),  # a comma inside one name does not split it
    (["Jane Roe", "jane roe", "Jane Roe"], ("Jane Roe", "jane roe")),
    ([{"name": "Jane Roe"}, {"name": "John Doe"}], ("Jane Roe", "John Doe")),
    ("Jane Roe; John Doe | Ann Lee", ("Jane Roe", "John Doe", "Ann Lee")),
    ("", ()),
    (None, ()),
])
def test_bylines_become_names(given, names):
    assert split_authors(given) == names


def test_an_article_is_its_title_line_a_blank_line_and_its_body():
    src = article("feed.jsonl#2", f"\r\n{BODY}\r\n", title=" Velorian  talks ", date="May 17, 2023",
                  url="https://example.org/v", publisher="Example News", authors="By Jane Roe", language="en")
    assert src.text == f"Velorian talks\n\n{BODY}"
    assert (src.identifier, src.title, src.date, src.url, src.publisher, src.authors, src.language) == (
        "feed.jsonl#2", "Velorian talks", "2023-05-17", "https://example.org/v", "Example News", ("Jane Roe",), "en")


def test_a_body_that_starts_with_its_title_does_not_repeat_it():
    src = article("a", f"Velorian talks\n\n{BODY}", title="Velorian talks")
    assert src.text == f"Velorian talks\n\n{BODY}"


def test_no_title_leaves_the_body_as_it_is():
    assert article("a", BODY).text == BODY


def test_an_empty_body_is_unreadable():
    with pytest.raises(Unreadable, match="no article text"):
        article("a", "  \n ", title="Only a title")


def test_a_language_tag_decides_before_the_words():
    require_english(BODY * 5, "en-GB")
    with pytest.raises(Unreadable, match="not English \\(language 'fr'\\)"):
        article("a", BODY * 5, language="fr")


@pytest.mark.parametrize("text", [
    "Der Minister sagte am Montag, dass die Gespräche mit der Delegation bald in der Hauptstadt "
    "fortgesetzt werden, wie aus einer offiziellen Mitteilung hervorgeht. " * 3,
    "El ministro dijo el lunes que las conversaciones con la delegación se reanudarán pronto en la "
    "capital, según un comunicado oficial del gobierno. " * 3,
    "Министр заявил в понедельник, что переговоры с делегацией скоро возобновятся в столице, "
    "говорится в официальном сообщении правительства. " * 3,
])
def test_other_languages_are_told_by_their_words(text):
    with pytest.raises(Unreadable, match="not English"):
        require_english(text)


def test_a_short_text_is_too_short_to_tell():
    require_english("Das ist gut.")


def test_the_language_is_told_from_the_start_middle_and_end_of_a_long_text():
    text = "alpha beta gamma " + "middle " * 200 + "omega psi chi"
    words = language_sample(text, 60)
    assert words[:2] == ["alpha", "beta"] and words[-2:] == ["psi", "chi"] and "middle" in words
    assert all(word in {"alpha", "beta", "gamma", "middle", "omega", "psi", "chi"} for word in words)  # no parts of words
    assert len(" ".join(words)) <= 60
    assert language_sample("Ab Cd", 60) == ["ab", "cd"]


FRENCH = ("Le ministre a déclaré lundi que les négociations avec la délégation reprendraient bientôt "
          "dans la capitale, selon un communiqué officiel du gouvernement. ")
ENGLISH = ("The minister said on Monday that the talks with the delegation would resume soon in the "
           "capital, according to an official statement from the government. ")


def test_an_english_lede_does_not_make_a_long_foreign_article_english():
    with pytest.raises(Unreadable, match="not English"):
        require_english(ENGLISH + FRENCH * 40)


def test_a_long_english_article_that_opens_with_a_table_is_english():
    require_english("Mirova 3 Kelsk 1 Tarn 2 Ostrava 0 Vellin 4 Dunmore 2 Pell 1 " * 20 + ENGLISH * 40)
